package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/eventwire/eventwire/models"
	"github.com/eventwire/eventwire/nlp/factuality"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// runTrainFactuality trains the factuality model on UDS-IH2 judgements
// over eventwire's own tags and parses of the EWT sentences (the news
// pipeline never has gold trees), and writes en_ewt.factuality. The same
// data, flags and embedded tagger and parser give the same model bytes.
func runTrainFactuality(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("train factuality", "--uds FILE --train FILE --dev FILE [--test FILE] --out DIR",
		"eventwire train factuality --uds ../shared/data/ud/uds-factuality/uds_factuality_on_ewt2.16.tsv.gz --train ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu.gz --dev ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu.gz --out models")
	udsPath := fs.String("uds", "", "UDS-IH2 judgements aligned to EWT (TSV, optionally gzipped)")
	trainPath := fs.String("train", "", "EWT training treebank (CoNLL-U, optionally gzipped): its gold tokens are tagged and parsed afresh")
	devPath := fs.String("dev", "", "EWT development treebank, scored after training (optional)")
	testPath := fs.String("test", "", "EWT test treebank, scored after training: report it once, never tune on it (optional)")
	out := fs.String("out", "", "directory for "+models.FactualityFile)
	lambda := fs.Float64("lambda", factuality.DefaultLambda, "L2 penalty of the ridge regression")
	prune := fs.Float64("prune", factuality.DefaultPrune, "drop weights smaller than this in magnitude (negative keeps all)")
	modelDir := fs.String("models", "", "`dir`ectory of a retrained "+models.TaggerFile+" and "+models.ParserFile+" that tag and parse the treebanks instead of the embedded ones (the factuality model learns from the parses the coder will see)")
	groups := fs.String("features", "all", "feature groups, e.g. all or all,-window (see the package documentation of nlp/factuality)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *udsPath == "" || *trainPath == "" || *out == "" || fs.NArg() != 0 {
		fs.Usage()
		return errUsage
	}
	g, ok := factuality.ParseGroups(*groups)
	if !ok || g == 0 {
		return fmt.Errorf("%w: --features %q: unknown feature group", errUsage, *groups)
	}
	logf := terminalLog(m.Stderr)
	start := time.Now()
	js, err := readUDS(*udsPath)
	if err != nil {
		return err
	}
	// Every input is read before the models load, so that a missing file
	// fails at once.
	type split struct {
		name, path string
		sents      []*conllu.Sentence
	}
	splits := []*split{{name: "train", path: *trainPath}, {name: "dev", path: *devPath}, {name: "test", path: *testPath}}
	for _, s := range splits {
		if s.path == "" {
			continue
		}
		if s.sents, err = readUDFile(s.path); err != nil {
			return err
		}
	}
	pipe, err := newTagParse(m.Stderr, *modelDir)
	if err != nil {
		return err
	}
	examples := func(s *split) ([]factuality.Example, error) {
		ex, skipped, err := factualityExamples(ctx, pipe, js, s.name, s.sents)
		if err != nil {
			return nil, err
		}
		logf("%s: %d judgements on %s (%d skipped: sentence absent, word out of range or form differs) (%s)", s.name, len(ex), s.path, skipped, since(start))
		if len(ex) == 0 {
			return nil, fmt.Errorf("train factuality: no %s judgements match the sentences of %s", s.name, s.path)
		}
		return ex, nil
	}
	train, err := examples(splits[0])
	if err != nil {
		return err
	}
	model, err := factuality.Train(train, factuality.TrainOptions{Groups: g, Lambda: *lambda, Prune: *prune})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := model.Save(&buf); err != nil {
		return fmt.Errorf("train factuality: %w", err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	p := filepath.Join(*out, models.FactualityFile)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train factuality: %w", err)
	}
	fmt.Fprintf(m.Stdout, "wrote %s: %d bytes, %d weights, features %s, sha256 %x\n", p, buf.Len(), model.NumFeatures(), model.Groups(), sha256.Sum256(buf.Bytes()))
	logf("trained in %s", since(start))
	for _, s := range splits[1:] {
		if s.path == "" {
			continue
		}
		ex, err := examples(s)
		if err != nil {
			return err
		}
		fact, learned := factuality.Evaluate(model, ex)
		fmt.Fprintf(m.Stdout, "%s (%d predicates): Factuality %s\n", s.name, len(ex), fact)
		fmt.Fprintf(m.Stdout, "%s (%d predicates): learned    %s\n", s.name, len(ex), learned)
	}
	return nil
}

// readUDS reads the UDS-IH2 TSV file, gzip-compressed or not.
func readUDS(path string) ([]factuality.Judgement, error) {
	var js []factuality.Judgement
	err := readDataFile(path, "UDS file "+path+" is absent (UDS-IH2 on EWT is in ../shared/data/ud/uds-factuality/ beside the repository; it is not shipped)",
		func(r io.Reader) (err error) {
			js, err = factuality.ReadUDS(r, path)
			return err
		})
	return js, err
}

// factualityExamples tags and parses the sentences from their gold tokens
// and returns the judgements of split on them. A judgement is skipped when
// its sentence is not among sents, its word index falls outside the
// sentence, or the word's form differs from the one the judgement names
// (the alignment to EWT v2.16 is not exact).
func factualityExamples(ctx context.Context, pipe interface {
	Annotate(context.Context, *text.Doc) error
}, js []factuality.Judgement, split string, sents []*conllu.Sentence) ([]factuality.Example, int, error) {
	byID := make(map[string]int, len(sents))
	for i, s := range sents {
		byID[s.ID] = i
	}
	parsed := map[int]*text.Doc{}
	var ex []factuality.Example
	skipped := 0
	for _, j := range js {
		if j.Split != split {
			continue
		}
		i, ok := byID[j.SentID]
		if !ok || j.Word >= len(sents[i].Doc.Tokens) || sents[i].Doc.Form(j.Word) != j.Form {
			skipped++
			continue
		}
		d := parsed[i]
		if d == nil {
			d = stripToTokens(sents[i].Doc)
			if err := pipe.Annotate(ctx, d); err != nil {
				return nil, 0, err
			}
			parsed[i] = d
		}
		ex = append(ex, factuality.Example{Doc: d, Token: j.Word, Value: j.Value})
	}
	return ex, skipped, nil
}
