// Command gensent trains the sentence-boundary model that package tokenize
// embeds (sentmodel.bin) from a UD CoNLL-U treebank, EWT train by default.
// It is run by "go generate" in nlp/tokenize; the same treebank always gives
// the same bytes.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventwire/eventwire/nlp/tokenize"
)

func main() {
	train := flag.String("train", "", "CoNLL-U training treebank (.conllu or .conllu.gz)")
	out := flag.String("o", "sentmodel.bin", "output model file")
	epochs := flag.Int("epochs", 15, "training epochs")
	seeds := flag.Int("seeds", 1, "perceptrons trained in different orders and averaged")
	minW := flag.Float64("min-weight", 1, "drop features with smaller |weight|")
	flag.Parse()
	if err := run(*train, *out, *epochs, *seeds, float32(*minW)); err != nil {
		fmt.Fprintln(os.Stderr, "gensent:", err)
		os.Exit(1)
	}
}

func run(train, out string, epochs, seeds int, minW float32) error {
	if train == "" {
		return fmt.Errorf("-train is required")
	}
	f, err := os.Open(train)
	if err != nil {
		return fmt.Errorf("%w (the EWT treebank lives in ../shared/data beside the repository)", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(train, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		r = gz
	}
	m, err := tokenize.Train(r, tokenize.TrainOptions{Epochs: epochs, Seeds: seeds, MinWeight: minW})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gensent: %d features, %d bytes -> %s\n", m.Len(), buf.Len(), out)
	return nil
}
