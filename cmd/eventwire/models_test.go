package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/models"
)

const modelsSample = "../../testdata/samples/rferl-2016-12-23-aleppo.txt"

// runWithStdin runs the command line args with stdin and returns its stdout and
// stderr.
func runWithStdin(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr}
	err := m.Run(context.Background(), args)
	return stdout.String(), stderr.String(), err
}

// embeddedModelsDir writes the embedded models named into a new
// directory, as "eventwire train --out" would have.
func embeddedModelsDir(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		b, err := embeddedModel(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// embeddedModel returns the bytes of the embedded model file name.
func embeddedModel(name string) ([]byte, error) {
	switch name {
	case models.TaggerFile:
		return models.Tagger()
	case models.ParserFile:
		return models.Parser()
	}
	return models.Factuality()
}

// TestModelsFlagEmbeddedCopy checks that --models with copies of the
// embedded models prints what the embedded models print, and that a model
// the directory lacks is taken from the embedded ones with a note.
func TestModelsFlagEmbeddedCopy(t *testing.T) {
	full := embeddedModelsDir(t, allModels...)
	partial := embeddedModelsDir(t, models.FactualityFile)
	const sentence = "Syrian President Bashar al-Assad met Putin in Moscow.\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"parse", sentence, []string{"parse"}},
		{"code", "", []string{"code", modelsSample, "--date", "2016-12-23", "--explain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, _, err := runWithStdin(t, tt.stdin, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			got, stderr, err := runWithStdin(t, tt.stdin, append(tt.args, "--models", full)...)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("--models with the embedded models: output differs from the embedded models'")
			}
			if strings.Contains(stderr, "note: --models") {
				t.Errorf("notes with every model present:\n%s", stderr)
			}
			got, stderr, err = runWithStdin(t, tt.stdin, append(tt.args, "--models", partial)...)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("--models with only %s: output differs from the embedded models'", models.FactualityFile)
			}
			for _, name := range tagParseModels {
				if !strings.Contains(stderr, "no "+name+"; using the embedded") {
					t.Errorf("no note on stderr that %s is missing:\n%s", name, stderr)
				}
			}
			if strings.Contains(stderr, "no "+models.FactualityFile) {
				t.Errorf("a note says the factuality model, which is there, is missing:\n%s", stderr)
			}
		})
	}
}

// TestModelsFlagBadFiles checks that a corrupt model, or a model of the
// wrong kind under a model's name, is an error that names the file, and so
// is a --models directory that does not exist.
func TestModelsFlagBadFiles(t *testing.T) {
	tagger, err := models.Tagger()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range allModels {
		for _, bad := range []struct {
			what string
			b    []byte
		}{{"garbage", []byte("not a model\n")}, {"truncated", tagger[:len(tagger)/2]}, {"a tagger", tagger}} {
			if bad.what == "a tagger" && name == models.TaggerFile {
				continue
			}
			t.Run(name+"/"+bad.what, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, bad.b, 0o644); err != nil {
					t.Fatal(err)
				}
				_, _, err := runWithStdin(t, "", "code", modelsSample, "--date", "2016-12-23", "--models", dir)
				var me *ModelError
				if !errors.As(err, &me) || me.Path != path || me.Kind != modelKind(name) {
					t.Fatalf("error %v, want a ModelError for %s", err, path)
				}
				if errors.Is(err, errUsage) {
					t.Error("a bad model is a usage error (exit 2); want exit 1")
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name %s", err, path)
				}
			})
		}
	}
	missing := filepath.Join(t.TempDir(), "absent")
	for _, args := range [][]string{{"parse"}, {"code", modelsSample}, {"recode", "--db", filepath.Join(t.TempDir(), "x.db")}} {
		_, _, err := runWithStdin(t, "Hello.\n", append(args, "--models", missing)...)
		if err == nil || !strings.Contains(err.Error(), missing) {
			t.Errorf("%s --models %s: error %v, want one naming the directory", args[0], missing, err)
		}
	}
}

// TestModelsFlagRetrained checks that models retrained by "eventwire
// train" and "eventwire train factuality" on tiny data change what the
// commands print.
func TestModelsFlagRetrained(t *testing.T) {
	dir := t.TempDir()
	tb := filepath.Join(dir, "tiny.conllu")
	if err := os.WriteFile(tb, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	tagParse := filepath.Join(dir, "tagparse")
	if _, stderr, err := runWithStdin(t, "", "train", "--train", tb, "--out", tagParse, "--folds", "0", "--tag-epochs", "2", "--parse-epochs", "2", "--prune", "0"); err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	const sentence = "Syrian President Bashar al-Assad met Putin in Moscow.\n"
	embedded, _, err := runWithStdin(t, sentence, "parse")
	if err != nil {
		t.Fatal(err)
	}
	retrained, stderr, err := runWithStdin(t, sentence, "parse", "--models", tagParse)
	if err != nil {
		t.Fatal(err)
	}
	if retrained == embedded {
		t.Error("parse --models with a tagger and parser trained on two sentences prints what the embedded models print")
	}
	if stderr != "" {
		t.Errorf("parse needs no factuality model, yet stderr says:\n%s", stderr)
	}
	codeArgs := []string{"code", modelsSample, "--date", "2016-12-23", "--explain"}
	embCode, _, err := runWithStdin(t, "", codeArgs...)
	if err != nil {
		t.Fatal(err)
	}
	got, stderr, err := runWithStdin(t, "", append(codeArgs, "--models", tagParse)...)
	if err != nil {
		t.Fatal(err)
	}
	if got == embCode {
		t.Error("code --models with a retrained tagger and parser prints what the embedded models print")
	}
	if !strings.Contains(stderr, "no "+models.FactualityFile+"; using the embedded factuality model") {
		t.Errorf("no note that the factuality model is the embedded one:\n%s", stderr)
	}

	// The factuality model alone: same parses, other assertions.
	uds := filepath.Join(dir, "uds.tsv")
	ftb := filepath.Join(dir, "fact.conllu")
	if err := os.WriteFile(uds, []byte(tinyUDS), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ftb, []byte(tinyFactTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	fact := filepath.Join(dir, "fact")
	if _, stderr, err := runWithStdin(t, "", "train", "factuality", "--uds", uds, "--train", ftb, "--out", fact, "--lambda", "0.1"); err != nil {
		t.Fatalf("train factuality: %v\n%s", err, stderr)
	}
	got, _, err = runWithStdin(t, "", append(codeArgs, "--models", fact)...)
	if err != nil {
		t.Fatal(err)
	}
	if got == embCode {
		t.Error("code --models with a factuality model trained on two predicates prints what the embedded model prints")
	}
}

// TestModelsFlagEverywhere checks that every command that parses or codes
// takes --models.
func TestModelsFlagEverywhere(t *testing.T) {
	for _, args := range [][]string{
		{"demo"}, {"ingest"}, {"parse"}, {"code"}, {"recode"},
		{"eval", "ud"}, {"eval", "petrarch"}, {"eval", "events"}, {"eval", "events", "--gold", "x"},
		{"eval", "plover"}, {"eval", "conflibert"},
		{"train", "factuality"}, {"train", "scorer"},
	} {
		_, stderr, _ := runWithStdin(t, "", append(args, "-h")...)
		if !strings.Contains(stderr, "-models dir") {
			t.Errorf("%s -h shows no --models flag:\n%s", strings.Join(args, " "), stderr)
		}
	}
}
