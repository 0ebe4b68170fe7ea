package data_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/internal/shared"
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

// TestMatchesSource checks the shipped upstream files decompress to the
// files of the data folder byte for byte (eventwire's own files have no
// upstream).
func TestMatchesSource(t *testing.T) {
	src := shared.Data(t, "petrarch")
	for _, name := range append(allFiles(), "LICENSE") {
		if data.Own(name) {
			continue
		}
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

// TestVerbSupplement checks eventwire's verb supplement is served by FS,
// layered after CAMEO.2.0.txt and its fixes and before the news
// corrections, and loads without a single error, alone and with the
// upstream verbs (whose synsets it may use).
func TestVerbSupplement(t *testing.T) {
	v := data.DefaultFiles().Verbs
	if want := []string{"CAMEO.2.0.txt", data.VerbFixes, data.VerbSupplement, data.VerbNews}; !slices.Equal(v, want) {
		t.Fatalf("DefaultFiles().Verbs = %q, want %q", v, want)
	}
	b, err := fs.ReadFile(data.FS(), data.VerbSupplement)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "# EVENTWIRE VERB SUPPLEMENT") || !strings.Contains(string(b), "MIT") {
		t.Errorf("%s: header with the licence missing", data.VerbSupplement)
	}
	d, err := dict.Load(data.FS(), dict.Files{Verbs: []string{data.VerbSupplement}})
	if err != nil {
		t.Errorf("alone: %v", err)
	}
	for _, form := range []string{"CREDITED", "ATTRIBUTES", "ASCRIBED", "IMPEACHING", "SUBPOENAED"} {
		if len(d.Verbs.Lookup(form)) == 0 {
			t.Errorf("%s: no verb", form)
		}
	}
	_, err = dict.Load(data.FS(), dict.Files{Verbs: v})
	var list dict.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if strings.Contains(e.Error(), data.VerbSupplement) {
				t.Errorf("with CAMEO.2.0.txt: %v", e)
			}
		}
	}
}
