package data_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/eventwire/eventwire/data"
)

func allFiles() []string {
	f := data.DefaultFiles()
	var names []string
	for _, l := range [][]string{f.Verbs, f.Actors, f.Agents, f.Discards, f.Issues} {
		names = append(names, l...)
	}
	return names
}

// TestFS runs the standard file-system conformance checks.
func TestFS(t *testing.T) {
	if err := fstest.TestFS(data.FS(), append(allFiles(), "LICENSE")...); err != nil {
		t.Fatal(err)
	}
}

// TestMatchesSource checks the shipped files decompress to the files of the
// data folder byte for byte.
func TestMatchesSource(t *testing.T) {
	src := filepath.Join("..", "..", "shared", "data", "petrarch")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("source dictionaries absent (%v): need ../shared/data/petrarch beside the repository", err)
	}
	for _, name := range append(allFiles(), "LICENSE") {
		want, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(data.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, source has %d and differs", name, len(got), len(want))
		}
	}
}

func TestNotExist(t *testing.T) {
	for _, name := range []string{"nope.txt", "CAMEO.2.0.txt.gz", "petrarch/CAMEO.2.0.txt", "../x", ""} {
		if _, err := data.FS().Open(name); err == nil {
			t.Errorf("Open(%q) succeeded", name)
		} else if name != "" && name != "../x" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%q) = %v, want ErrNotExist", name, err)
		}
	}
}
