package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/coder/dict"
)

func TestGuessDictKind(t *testing.T) {
	tests := []struct{ arg, kind, path string }{
		{"my.verbs.txt", "verbs", "my.verbs.txt"},
		{"dir/Phoenix.agents.txt", "agents", "dir/Phoenix.agents.txt"},
		{"x/discards.txt", "discards", "x/discards.txt"},
		{"MyIssues.txt", "issues", "MyIssues.txt"},
		{"local.txt", "actors", "local.txt"},
		{"verbs=local.txt", "verbs", "local.txt"},
		{"actors=my.verbs.txt", "actors", "my.verbs.txt"},
		{"a=b.txt", "actors", "a=b.txt"},
	}
	for _, tt := range tests {
		k, p := guessDictKind(tt.arg)
		if k != tt.kind || p != tt.path {
			t.Errorf("guessDictKind(%q) = %q, %q; want %q, %q", tt.arg, k, p, tt.kind, tt.path)
		}
	}
}

func TestArticleDate(t *testing.T) {
	for in, want := range map[string]string{
		"2016-12-23": "2016-12-23", "2016-12-23T10:00:00Z": "2016-12-23", "": "", "Dec 2016": "", "2016-13-01": "",
	} {
		got := articleDate(in)
		if (want == "") != got.IsZero() || (want != "" && got.Format(time.DateOnly) != want) {
			t.Errorf("articleDate(%q) = %v, want %q", in, got, want)
		}
	}
}

// TestCodeDicts checks that the shipped dictionaries load and that a user
// file is layered on top of them.
func TestCodeDicts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(path, []byte("FROBNIA [FRB]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, fsys, err := codeDicts([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(files.Actors); n != 4 || files.Actors[3] != "mine.txt" {
		t.Fatalf("Actors = %v", files.Actors)
	}
	if b, err := fs.ReadFile(fsys, "mine.txt"); err != nil || string(b) != "FROBNIA [FRB]\n" {
		t.Fatalf("user file through the overlay: %q, %v", b, err)
	}
	if b, err := fs.ReadFile(fsys, "CAMEO.2.0.txt"); err != nil || !bytes.Contains(b, []byte("---")) {
		t.Fatalf("shipped verbs through the overlay: %d bytes, %v", len(b), err)
	}
	d, err := dict.Load(fsys, files)
	if d == nil || d.Actors.Len() < 1000 {
		t.Fatalf("Load: %v actors, err %v", d, err)
	}
	// Problems in the shipped files are not reported; those in user files are.
	if err := userDictErrors(err, fsys.(overlayFS).top); err != nil {
		t.Errorf("user file problems: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.actors.txt")
	if err := os.WriteFile(bad, []byte("FROBNIA [FRB >20201301]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, fsys, _ = codeDicts([]string{bad})
	_, err = dict.Load(fsys, files)
	if err := userDictErrors(err, fsys.(overlayFS).top); err == nil || !strings.Contains(err.Error(), "bad.actors.txt:1") {
		t.Errorf("user file problem not reported: %v", err)
	}
	if _, _, err := codeDicts([]string{filepath.Join(t.TempDir(), "absent.txt")}); err == nil {
		t.Error("absent --dict file accepted")
	}
	if !slices.Equal(files.Verbs, []string{"CAMEO.2.0.txt"}) {
		t.Errorf("Verbs = %v", files.Verbs)
	}
}

func TestCodeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("Arnor praised Gondor.")}
	if err := m.Run(context.Background(), []string{"code"}); err != errUsage {
		t.Errorf("no argument: err = %v", err)
	}
	if err := m.Run(context.Background(), []string{"code", "-", "--date", "23/12/2016"}); err != errUsage {
		t.Errorf("bad date: err = %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout on usage errors: %q", out.String())
	}
}
