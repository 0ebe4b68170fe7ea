package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/eventwire/eventwire/internal/progress"
)

// readDataFile opens path, gzip-compressed or not (by its first bytes,
// not its name), and hands the contents to read. When the file does not
// exist and absent is set, the error is absent: what the file is and
// where it lives, since the evaluation and training data is not shipped.
func readDataFile(path, absent string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && absent != "" {
		return fmt.Errorf("%s: %w", absent, err)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	return read(r)
}

// terminalLog returns a printf that writes a line to w when w is a
// terminal and does nothing otherwise: the progress of a long training
// run, which pipes and logs do not need beside its result.
func terminalLog(w io.Writer) func(format string, a ...any) {
	if !progress.IsTerminal(w) {
		return func(string, ...any) {}
	}
	return func(format string, a ...any) { fmt.Fprintf(w, format+"\n", a...) }
}
