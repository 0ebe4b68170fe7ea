package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// TestTimexFloor fails when the timex package gives fewer gold values on
// the annotated Wikinews expressions than it did when measured
// (docs/BENCHMARKS.md); the floors only rise.
func TestTimexFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	rows, err := readTimexRows("../../" + timexDataHint)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 200 {
		t.Fatalf("%d rows, want at least 200", len(rows))
	}
	parser, err := newEnglish(io.Discard, "")
	if err != nil {
		t.Fatal(err)
	}
	floors := []struct {
		mode   string
		parser annotator
		exact  map[string]int
	}{
		{"parsed", parser, map[string]int{"dev": 152, "test": 124}},
		{"raw", nil, map[string]int{"dev": 152, "test": 123}},
	}
	for _, f := range floors {
		scores, _, err := scoreTimex(context.Background(), f.parser, rows)
		if err != nil {
			t.Fatal(err)
		}
		for split, floor := range f.exact {
			s := scores[split]
			t.Logf("%s %s: %d/%d exact (%.1f%%)", f.mode, split, s.Exact, s.N, 100*s.accuracy())
			if s.Exact < floor {
				t.Errorf("%s %s: %d exact of %d, below the floor %d", f.mode, split, s.Exact, s.N, floor)
			}
		}
	}
}

func TestTimexSplitFixed(t *testing.T) {
	// The split depends on the article id alone (CRC-32 IEEE, even = dev).
	if got := timexSplit("wikinews-2019-01-24-car-bomb-ramming-attack-kills-dozens-at-military-base-in-maid"); got != "dev" && got != "test" {
		t.Fatalf("split %q", got)
	}
	rows, err := readTimexRows("../../" + timexDataHint)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, r := range rows {
		n[timexSplit(r.id)]++
	}
	if n["dev"] != 157 || n["test"] != 129 {
		t.Errorf("split sizes %v, want dev 157 test 129 (testdata/timex/README.md)", n)
	}
}

func TestEvalTimexCommand(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := runEvalTimex(context.Background(), m, []string{"--data", "../../" + timexDataHint}); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	for _, want := range []string{"parsed dev:  expressions 157", "parsed test: expressions 129", "raw dev:", "accuracy"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func FuzzParseTimexRows(f *testing.F) {
	f.Add("# header\nid\t2019-01-04\tOn Monday they met.\ton Monday\t2018-12-31\n")
	f.Add("a\tb\tc\n\t\t\t\t\nid\t2019-02-30\ts\ts\tv\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, _ := parseTimexRows(strings.NewReader(in), "fuzz.tsv")
		for _, r := range rows {
			if !strings.Contains(r.sentence, r.expression) || r.published.IsZero() {
				t.Fatalf("bad row %+v", r)
			}
		}
	})
}
