package factuality

import (
	"errors"
	"strings"
	"testing"
)

const udsHead = "uds_id\tsplit\tsent_id\ttoken_id\tform_v2.16\tupos_v2.16\tfactual_value\tconfidence\n"

func TestReadUDS(t *testing.T) {
	in := udsHead +
		"ewt-dev-1-semantics-pred-4\tdev\tweblog-0001\t4\tcomes\tVERB\t0.967\t1.0\r\n" +
		"\n" +
		"ewt-train-7-semantics-pred-1\ttrain\tanswers-0002\t1\tGo\tVERB\t-1.2\t0.9065\n"
	js, err := ReadUDS(strings.NewReader(in), "uds.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Judgement{
		{ID: "ewt-dev-1-semantics-pred-4", Split: "dev", SentID: "weblog-0001", Word: 3, Form: "comes", Value: 0.967, Confidence: 1, Line: 2},
		{ID: "ewt-train-7-semantics-pred-1", Split: "train", SentID: "answers-0002", Word: 0, Form: "Go", Value: -1.2, Confidence: 0.9065, Line: 4},
	}
	if len(js) != len(want) {
		t.Fatalf("%d judgements, want %d", len(js), len(want))
	}
	for i := range want {
		if js[i] != want[i] {
			t.Errorf("judgement %d = %+v, want %+v", i, js[i], want[i])
		}
	}
}

func TestReadUDSErrors(t *testing.T) {
	row := func(fields ...string) string { return strings.Join(fields, "\t") + "\n" }
	for _, tc := range []struct {
		name, in string
		want     []string // every error, in order
	}{
		{"empty", "", []string{"uds.tsv:1: empty file"}},
		{"bad header", "id\tsplit\n", []string{"uds.tsv:1: header"}},
		{"every bad line reported", udsHead +
			row("a", "dev", "s1", "1", "w", "VERB", "0.5") +
			row("b", "valid", "s1", "1", "w", "VERB", "0.5", "1") +
			row("c", "dev", "", "1", "w", "VERB", "0.5", "1") +
			row("d", "dev", "s1", "0", "w", "VERB", "0.5", "1") +
			row("e", "dev", "s1", "x", "w", "VERB", "0.5", "1") +
			row("f", "dev", "s1", "1", "w", "VERB", "NaN", "1") +
			row("g", "dev", "s1", "1", "w", "VERB", "9", "1") +
			row("h", "dev", "s1", "1", "w", "VERB", "0.5", "1.5") +
			row("i", "dev", "s1", "1", "w", "VERB", "0.5", "1"),
			[]string{
				"uds.tsv:2: 7 fields, want 8",
				"uds.tsv:3: split \"valid\"",
				"uds.tsv:4: empty sent_id",
				"uds.tsv:5: token_id \"0\"",
				"uds.tsv:6: token_id \"x\"",
				"uds.tsv:7: factual_value \"NaN\"",
				"uds.tsv:8: factual_value \"9\"",
				"uds.tsv:9: confidence \"1.5\"",
			}},
		{"line too long", udsHead + strings.Repeat("x", maxUDSLine+1) + "\n", []string{"uds.tsv:2: line longer than"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			js, err := ReadUDS(strings.NewReader(tc.in), "uds.tsv")
			if err == nil {
				t.Fatalf("no error; %d judgements", len(js))
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			if len(list) != len(tc.want) {
				t.Fatalf("%d errors, want %d: %v", len(list), len(tc.want), list)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(list[i].Error(), w) {
					t.Errorf("error %d = %q, want prefix %q", i, list[i], w)
				}
			}
		})
	}
}

func FuzzReadUDS(f *testing.F) {
	f.Add(udsHead + "a\tdev\ts\t1\tw\tVERB\t0.5\t1\n")
	f.Add(udsHead + "a\ttest\ts\t3\tw\tVERB\t-2\t0\n\n")
	f.Add("garbage")
	f.Fuzz(func(t *testing.T, in string) {
		js, err := ReadUDS(strings.NewReader(in), "fuzz")
		if err != nil {
			if len(js) != 0 {
				t.Fatal("judgements returned with an error")
			}
			return
		}
		for _, j := range js {
			if j.Word < 0 || j.Value < -4 || j.Value > 4 || j.Confidence < 0 || j.Confidence > 1 || j.SentID == "" {
				t.Fatalf("out-of-range judgement %+v", j)
			}
		}
	})
}
