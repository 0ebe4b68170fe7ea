package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/nlp/factuality"
)

const tinyFactTreebank = `# sent_id = s1
# text = Putin met Assad.
1	Putin	Putin	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	met	meet	VERB	VBD	Tense=Past	0	root	_	_
3	Assad	Assad	PROPN	NNP	Number=Sing	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = s2
# text = Putin will not meet Assad.
1	Putin	Putin	PROPN	NNP	Number=Sing	4	nsubj	_	_
2	will	will	AUX	MD	VerbForm=Fin	4	aux	_	_
3	not	not	PART	RB	_	4	advmod	_	_
4	meet	meet	VERB	VB	VerbForm=Inf	0	root	_	_
5	Assad	Assad	PROPN	NNP	Number=Sing	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_

`

const tinyUDS = "uds_id\tsplit\tsent_id\ttoken_id\tform_v2.16\tupos_v2.16\tfactual_value\tconfidence\n" +
	"p1\ttrain\ts1\t2\tmet\tVERB\t1.1\t1\n" +
	"p2\ttrain\ts2\t4\tmeet\tVERB\t-1.2\t1\n" +
	"p3\tdev\ts1\t2\tmet\tVERB\t1.1\t1\n" +
	"p4\tdev\ts2\t4\tmeet\tVERB\t-1.2\t1\n" +
	"p8\ttest\ts1\t2\tmet\tVERB\t1.1\t1\n" +
	"p9\ttest\ts2\t4\tmeet\tVERB\t-1.2\t1\n" +
	"p5\ttrain\ts2\t9\tmeet\tVERB\t-1.2\t1\n" + // out of range: skipped
	"p6\ttrain\ts1\t1\tmet\tVERB\t1.1\t1\n" + // form differs: skipped
	"p7\ttrain\tabsent\t1\tX\tVERB\t1.1\t1\n" // no such sentence: skipped

func TestTrainFactualityCommand(t *testing.T) {
	dir := t.TempDir()
	tb := filepath.Join(dir, "tiny.conllu")
	uds := filepath.Join(dir, "uds.tsv")
	if err := os.WriteFile(tb, []byte(tinyFactTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(uds, []byte(tinyUDS), 0o644); err != nil {
		t.Fatal(err)
	}
	var files [2][]byte
	for i := range files {
		out := filepath.Join(dir, "models", string(rune('a'+i)))
		var stdout, stderr bytes.Buffer
		m := &Main{Stdout: &stdout, Stderr: &stderr}
		args := []string{"train", "factuality", "--uds", uds, "--train", tb, "--dev", tb, "--test", tb, "--out", out, "--lambda", "0.1"}
		if err := m.Run(context.Background(), args); err != nil {
			t.Fatalf("train factuality: %v\n%s", err, stderr.String())
		}
		for _, want := range []string{"dev (2 predicates): Factuality n 2 r ", "dev (2 predicates): learned ", "test (2 predicates): Factuality "} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("no %q line in the output:\n%s", want, stdout.String())
			}
		}
		b, err := os.ReadFile(filepath.Join(out, "en_ewt.factuality"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := factuality.LoadBytes(b); err != nil {
			t.Fatalf("written model does not load: %v", err)
		}
		files[i] = b
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two runs wrote different model bytes")
	}
}

func TestTrainFactualityUsage(t *testing.T) {
	dir := t.TempDir()
	uds := filepath.Join(dir, "uds.tsv")
	if err := os.WriteFile(uds, []byte(tinyUDS), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := filepath.Join(dir, "tiny.conllu")
	if err := os.WriteFile(tb, []byte(tinyFactTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	badUDS := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(badUDS, []byte("uds_id\tsplit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string // in the error; "" for errUsage
	}{
		{"no uds", []string{"--train", tb, "--out", dir}, ""},
		{"no train", []string{"--uds", uds, "--out", dir}, ""},
		{"no out", []string{"--uds", uds, "--train", tb}, ""},
		{"extra argument", []string{"--uds", uds, "--train", tb, "--out", dir, "x"}, ""},
		{"bad features", []string{"--uds", uds, "--train", tb, "--out", dir, "--features", "lex,nonsense"}, "nonsense"},
		{"absent uds", []string{"--uds", filepath.Join(dir, "none.tsv"), "--train", tb, "--out", dir}, "none.tsv is absent"},
		{"bad uds", []string{"--uds", badUDS, "--train", tb, "--out", dir}, "bad.tsv:1: header"},
		{"absent treebank", []string{"--uds", uds, "--train", filepath.Join(dir, "none.conllu"), "--out", dir}, "none.conllu is absent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			m := &Main{Stdout: &stdout, Stderr: &stderr}
			err := m.Run(context.Background(), append([]string{"train", "factuality"}, tc.args...))
			switch {
			case err == nil:
				t.Fatal("no error")
			case tc.want == "" && !errors.Is(err, errUsage):
				t.Errorf("error %v, want errUsage", err)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}
