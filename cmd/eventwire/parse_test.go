package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// TestParse checks the layers the tokenizer owns (ids, forms, multi-word
// ranges, SpaceAfter and byte offsets), which do not depend on the tagger
// and parser models; the expected offsets were counted by hand.
func TestParse(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader("He didn't go. She left.\n"), Stdout: &out, Stderr: &errb}
	if err := m.Run(context.Background(), []string{"parse", "-"}); err != nil {
		t.Fatalf("parse: %v\n%s", err, errb.String())
	}
	want := []string{
		"# sent_id = 1",
		"# text = He didn't go.",
		"1 He TokenRange=0:2",
		"2-3 didn't TokenRange=3:9",
		"2 did _",
		"3 n't _",
		"4 go SpaceAfter=No|TokenRange=10:12",
		"5 . TokenRange=12:13",
		"",
		"# sent_id = 2",
		"# text = She left.",
		"1 She TokenRange=14:17",
		"2 left SpaceAfter=No|TokenRange=18:22",
		"3 . TokenRange=22:23",
		"",
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 10 {
			line = f[0] + " " + f[1] + " " + f[9]
		}
		got = append(got, line)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEvalUDUsage(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(context.Background(), []string{"eval", "ud"}); !errors.Is(err, errUsage) {
		t.Errorf("eval ud without --gold: %v, want errUsage", err)
	}
	err := m.Run(context.Background(), []string{"eval", "ud", "--gold", "testdata/no-such.conllu"})
	if err == nil || !strings.Contains(err.Error(), "absent") {
		t.Errorf("missing treebank: %v, want an error saying it is absent", err)
	}
}
