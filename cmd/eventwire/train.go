package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/nlp/parse"
	"github.com/eventwire/eventwire/nlp/tag"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// runTrain trains the tagger and the parser from a UD treebank and writes
// the model files the models package embeds ("train factuality" trains the
// factuality model instead). The same data and flags give the same model
// bytes.
func runTrain(ctx context.Context, m *Main, args []string) error {
	if len(args) > 0 && args[0] == "factuality" {
		return runTrainFactuality(ctx, m, args[1:])
	}
	if len(args) > 0 && args[0] == "scorer" {
		return runTrainScorer(ctx, m, args[1:])
	}
	fs := m.newFlagSet("train", "--train FILE --dev FILE --out DIR",
		"eventwire train --train ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu.gz --dev ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu.gz --out models")
	trainPath := fs.String("train", "", "training treebank (CoNLL-U, optionally gzipped)")
	devPath := fs.String("dev", "", "development treebank, scored after training (optional)")
	out := fs.String("out", "", "directory for en_ewt.tagger and en_ewt.parser")
	tagEpochs := fs.Int("tag-epochs", 8, "tagger training epochs")
	parseEpochs := fs.Int("parse-epochs", 10, "parser training epochs")
	prune := fs.Float64("prune", 1, "drop parser weights smaller than this in magnitude (0 keeps all)")
	dropout := fs.Float64("word-dropout", 0, "tagger training: probability of hiding a rare word's identity (experimental)")
	folds := fs.Int("folds", 4, "jackknife folds for the parser's training tags (0: gold tags)")
	seed := fs.Uint64("seed", 1, "random seed for shuffling and exploration")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *trainPath == "" || *out == "" || fs.NArg() != 0 {
		fs.Usage()
		return errUsage
	}
	logf := terminalLog(m.Stderr)
	start := time.Now()
	train, err := readTreebank(*trainPath)
	if err != nil {
		return err
	}
	var dev []*text.Doc
	if *devPath != "" {
		if dev, err = readTreebank(*devPath); err != nil {
			return err
		}
	}
	logf("train: %d sentences from %s", len(train), *trainPath)

	tagger, err := tag.Train(train, tag.TrainOptions{Epochs: *tagEpochs, Seed: *seed, WordDropout: *dropout,
		Progress: func(ep int, acc float64) { logf("tagger epoch %d: train accuracy %.4f (%s)", ep, acc, since(start)) }})
	if err != nil {
		return err
	}
	parseTrain := train
	if *folds > 0 {
		logf("jackknifing tags over %d folds", *folds)
		if parseTrain, err = tag.Jackknife(ctx, train, *folds, tag.TrainOptions{Epochs: *tagEpochs, Seed: *seed, WordDropout: *dropout}); err != nil {
			return err
		}
	}
	pr := float32(*prune)
	if pr == 0 {
		pr = -1 // parse.TrainOptions: negative keeps every weight
	}
	parser, err := parse.Train(parseTrain, parse.TrainOptions{Epochs: *parseEpochs, Seed: *seed, Prune: pr,
		Progress: func(ep int, acc float64) {
			logf("parser epoch %d: zero-cost transitions %.4f (%s)", ep, acc, since(start))
		}})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		save func(io.Writer) error
	}{{"en_ewt.tagger", tagger.Save}, {"en_ewt.parser", parser.Save}} {
		var buf bytes.Buffer
		if err := f.save(&buf); err != nil {
			return fmt.Errorf("train: %s: %w", f.name, err)
		}
		p := filepath.Join(*out, f.name)
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("train: %w", err)
		}
		fmt.Fprintf(m.Stdout, "wrote %s: %d bytes, sha256 %x\n", p, buf.Len(), sha256.Sum256(buf.Bytes()))
	}
	logf("trained in %s", since(start))
	if dev != nil {
		for _, beam := range []int{1, english.DefaultBeam} {
			s, err := scoreGoldTokens(ctx, dev, tagger, parser.WithBeam(beam))
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "dev (gold tokens, %d words, parser beam %d): UPOS %.2f XPOS %.2f Lemma %.2f Feats %.2f UAS %.2f LAS %.2f\n",
				s.words, beam, s.pct(s.upos), s.pct(s.xpos), s.pct(s.lemma), s.pct(s.feats), s.pct(s.uas), s.pct(s.las))
		}
	}
	return nil
}

func since(t time.Time) string { return time.Since(t).Round(100 * time.Millisecond).String() }

// readTreebank reads a CoNLL-U file, gzipped or not, into one Doc per
// sentence.
func readTreebank(path string) ([]*text.Doc, error) {
	var ss []*conllu.Sentence
	err := readDataFile(path, "", func(r io.Reader) (err error) {
		ss, err = conllu.NewReader(r).Named(path).ReadAll()
		return err // the errors name the file and line
	})
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	if len(ss) == 0 {
		return nil, fmt.Errorf("train: %s: no sentences", path)
	}
	docs := make([]*text.Doc, len(ss))
	for i, s := range ss {
		docs[i] = s.Doc
	}
	return docs, nil
}

// goldScores counts words whose annotation matches the gold standard on
// gold tokenization. LAS compares the universal part of the relation, as
// the CoNLL 2018 scorer does.
type goldScores struct {
	words, upos, xpos, lemma, feats, uas, las int
}

func (s goldScores) pct(n int) float64 { return 100 * float64(n) / float64(max(s.words, 1)) }

func scoreGoldTokens(ctx context.Context, gold []*text.Doc, tagger *tag.Tagger, parser *parse.Parser) (goldScores, error) {
	var s goldScores
	for _, g := range gold {
		d := &text.Doc{Text: g.Text, Tokens: slices.Clone(g.Tokens), Sents: g.Sents, MWTs: g.MWTs,
			Attrs: text.AttrTokens | text.AttrSents}
		if err := tagger.Annotate(ctx, d); err != nil {
			return s, err
		}
		if err := parser.Annotate(ctx, d); err != nil {
			return s, err
		}
		for i, p := range d.Tokens {
			t := g.Tokens[i]
			s.words++
			s.upos += b2i(p.UPOS == t.UPOS)
			s.xpos += b2i(p.XPOS == t.XPOS)
			s.lemma += b2i(p.Lemma == t.Lemma)
			s.feats += b2i(p.Feats == t.Feats)
			if p.Head == t.Head {
				s.uas++
				s.las += b2i(p.Dep.Base() == t.Dep.Base())
			}
		}
	}
	if s.words == 0 {
		return s, errors.New("train: no words to score")
	}
	return s, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
