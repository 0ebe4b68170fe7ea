package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/nlp/parse"
	"github.com/eventwire/eventwire/nlp/tag"
)

const tinyTreebank = `# text = Putin met Assad.
1	Putin	Putin	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	met	meet	VERB	VBD	Tense=Past	0	root	_	_
3	Assad	Assad	PROPN	NNP	Number=Sing	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

# text = The dog barked.
1	The	the	DET	DT	_	2	det	_	_
2	dog	dog	NOUN	NN	Number=Sing	3	nsubj	_	_
3	barked	bark	VERB	VBD	Tense=Past	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`

func TestTrainCommand(t *testing.T) {
	dir := t.TempDir()
	tb := filepath.Join(dir, "tiny.conllu")
	if err := os.WriteFile(tb, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "models")
	var stdout, stderr bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &stderr}
	args := []string{"train", "--train", tb, "--dev", tb, "--out", out, "--folds", "2", "--tag-epochs", "2", "--parse-epochs", "2", "--prune", "0"}
	if err := m.Run(context.Background(), args); err != nil {
		t.Fatalf("train: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "dev (gold tokens, 8 words") {
		t.Errorf("no dev score line in output:\n%s", stdout.String())
	}
	tf, err := os.Open(filepath.Join(out, "en_ewt.tagger"))
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	if _, err := tag.Load(tf); err != nil {
		t.Errorf("written tagger does not load: %v", err)
	}
	pf, err := os.Open(filepath.Join(out, "en_ewt.parser"))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if _, err := parse.Load(pf); err != nil {
		t.Errorf("written parser does not load: %v", err)
	}
}

func TestTrainCommandUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &stderr}
	if err := m.Run(context.Background(), []string{"train", "--out", t.TempDir()}); !errors.Is(err, errUsage) {
		t.Errorf("train without --train: %v, want errUsage", err)
	}
	err := m.Run(context.Background(), []string{"train", "--train", "/nonexistent.conllu", "--out", t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "nonexistent") {
		t.Errorf("missing treebank: %v, want an error naming the file", err)
	}
}
