package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/internal/eval/ud"
	"github.com/eventwire/eventwire/nlp/tokenize"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// runEvalUD scores our language core (or a given system output) on a UD
// treebank with the CoNLL 2018 shared-task metrics.
func runEvalUD(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("eval ud", "--gold FILE.conllu[.gz] [--raw] [--system FILE.conllu[.gz]]",
		"eventwire eval ud --gold ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu.gz --raw")
	gold := fs.String("gold", "", "gold CoNLL-U treebank (.conllu or .conllu.gz), e.g. UD English EWT dev")
	raw := fs.Bool("raw", false, "parse the treebank's running text (rebuilt from its # text lines) from scratch instead of its gold tokens")
	system := fs.String("system", "", "score this CoNLL-U system output instead of running eventwire")
	everyGap := fs.Bool("every-gap", false, "with --raw: let sentences end without punctuation (web text; EWT is mostly web text)")
	modelDir := modelsFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	goldSents, err := readUDFile(*gold)
	if err != nil {
		return err
	}
	var g, s ud.Treebank
	var words int
	var elapsed time.Duration
	var have text.Attr // layers the system output carries
	switch {
	case *system != "":
		sysSents, err := readUDFile(*system)
		if err != nil {
			return err
		}
		for _, x := range goldSents {
			g.Add(x.Doc)
		}
		for _, x := range sysSents {
			s.Add(x.Doc)
			have |= x.Doc.Attrs
		}
	case *raw:
		var opts []tokenize.Option
		if *everyGap {
			opts = append(opts, tokenize.EveryGap())
		}
		p, err := rawPipeline(m.Stderr, *modelDir, opts...)
		if err != nil {
			return err
		}
		for _, doc := range conllu.Documents(goldSents) {
			for _, x := range doc.Sents {
				g.Add(x.Doc)
			}
			d := text.NewDoc(doc.Text)
			t0 := time.Now()
			if err := p.Annotate(ctx, d); err != nil {
				return err
			}
			elapsed += time.Since(t0)
			words += len(d.Tokens)
			s.Add(d)
			have |= d.Attrs
		}
	default:
		p, err := newTagParse(m.Stderr, *modelDir)
		if err != nil {
			return err
		}
		for _, x := range goldSents {
			g.Add(x.Doc)
			d := stripToTokens(x.Doc)
			t0 := time.Now()
			if err := p.Annotate(ctx, d); err != nil {
				return err
			}
			elapsed += time.Since(t0)
			words += len(d.Tokens)
			s.Add(d)
			have |= d.Attrs
		}
	}
	sc, err := ud.Evaluate(&g, &s)
	if err != nil {
		return err
	}
	printUDScores(m.Stdout, sc, have)
	rate := "-"
	if elapsed > 0 {
		rate = fmt.Sprintf("%.0f", float64(words)/elapsed.Seconds())
	}
	pct := func(s ud.Score, need text.Attr) string {
		if !have.Has(need) {
			return "-" // the system did not produce this layer
		}
		return fmt.Sprintf("%.2f", 100*s.F1())
	}
	fmt.Fprintf(m.Stdout, "UPOS %s XPOS %s Lemma %s UAS %s LAS %s tokens/s %s\n",
		pct(sc.UPOS, text.AttrUPOS), pct(sc.XPOS, text.AttrXPOS), pct(sc.Lemmas, text.AttrLemma),
		pct(sc.UAS, text.AttrDeps), pct(sc.LAS, text.AttrDeps), rate)
	return nil
}

// printUDScores prints the table of conll18_ud_eval.py -v, leaving out
// the rows of layers the system did not produce.
func printUDScores(w io.Writer, sc ud.Scores, have text.Attr) {
	fmt.Fprintln(w, "Metric     | Precision |    Recall |  F1 Score | AligndAcc")
	fmt.Fprintln(w, "-----------+-----------+-----------+-----------+-----------")
	for _, r := range []struct {
		name string
		s    ud.Score
		need text.Attr
	}{
		{"Tokens", sc.Tokens, 0}, {"Sentences", sc.Sentences, 0}, {"Words", sc.Words, 0},
		{"UPOS", sc.UPOS, text.AttrUPOS}, {"XPOS", sc.XPOS, text.AttrXPOS}, {"UFeats", sc.UFeats, text.AttrFeats},
		{"AllTags", sc.AllTags, text.AttrUPOS | text.AttrXPOS | text.AttrFeats},
		{"Lemmas", sc.Lemmas, text.AttrLemma}, {"UAS", sc.UAS, text.AttrDeps}, {"LAS", sc.LAS, text.AttrDeps},
	} {
		if !have.Has(r.need) {
			continue
		}
		acc := ""
		if r.s.Aligned >= 0 && r.name != "Words" {
			acc = fmt.Sprintf("%9.2f", 100*r.s.AlignedAccuracy())
		}
		fmt.Fprintf(w, "%-10s | %9.2f | %9.2f | %9.2f | %s\n", r.name, 100*r.s.Precision(), 100*r.s.Recall(), 100*r.s.F1(), acc)
	}
}

// stripToTokens returns a copy of d that keeps only tokens, multi-word
// tokens and sentences, for the system to annotate afresh.
func stripToTokens(d *text.Doc) *text.Doc {
	out := &text.Doc{Text: d.Text, Tokens: make([]text.Token, len(d.Tokens)),
		Sents: append([]text.Span(nil), d.Sents...), MWTs: append([]text.Span(nil), d.MWTs...),
		Attrs: text.AttrTokens | text.AttrSents}
	for i, t := range d.Tokens {
		out.Tokens[i] = text.Token{Start: t.Start, End: t.End, Form: t.Form, Head: -1}
	}
	return out
}

// readUDFile reads a CoNLL-U file, gzip-compressed or not, and says
// clearly when it is absent.
func readUDFile(path string) ([]*conllu.Sentence, error) {
	var sents []*conllu.Sentence
	err := readDataFile(path, "treebank "+path+" is absent (UD English EWT is in ../shared/data/ud/en_ewt/ beside the repository; it is not shipped)",
		func(r io.Reader) (err error) {
			sents, err = conllu.NewReader(r).Named(path).ReadAll()
			return err // the errors name the file and line
		})
	return sents, err
}
