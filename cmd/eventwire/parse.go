package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/eventwire/eventwire/nlp/tokenize"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// maxParseInput bounds what "eventwire parse" reads.
const maxParseInput = 256 << 20

// runParse prints CoNLL-U for raw English text: sentences, tokens with
// SpaceAfter and byte offsets, tags, lemmas and dependency trees.
func runParse(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("parse", "[FILE|-]", "eventwire parse testdata/samples/rferl-2016-12-23-aleppo.txt")
	wrapped := fs.Bool("wrapped", false, "single line breaks are spaces (wrapped text); by default each line is a paragraph")
	everyGap := fs.Bool("every-gap", false, "let sentences end without punctuation (web text: e-mail, forums)")
	modelDir := modelsFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	var in io.Reader = m.Stdin
	name := "-"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	b, err := io.ReadAll(io.LimitReader(in, maxParseInput+1))
	if err != nil {
		return fmt.Errorf("parse: reading %s: %w", name, err)
	}
	if len(b) > maxParseInput {
		return fmt.Errorf("parse: %s is larger than %d bytes", name, maxParseInput)
	}
	var opts []tokenize.Option
	if *wrapped {
		opts = append(opts, tokenize.WrappedLines())
	}
	if *everyGap {
		opts = append(opts, tokenize.EveryGap())
	}
	p, err := rawPipeline(m.Stderr, *modelDir, opts...)
	if err != nil {
		return err
	}
	d := text.NewDoc(string(b))
	if err := p.Annotate(ctx, d); err != nil {
		return err
	}
	w := bufio.NewWriter(m.Stdout)
	if err := conllu.Write(w, d, ""); err != nil {
		return err
	}
	return w.Flush()
}
