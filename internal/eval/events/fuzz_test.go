package events_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/events"
)

// FuzzReadJudged: any input gives lines and/or an error, never a panic, and
// every line read survives FormatLine and a second read unchanged.
func FuzzReadJudged(f *testing.F) {
	f.Add("# c\n" + line("a1", "S.", "010", "USA", "RUS", "said", "right", "n") + "\n")
	f.Add(line("a1", `x\ty\\`, "0334", "---GOV", "USA", "", "", "") + "\r\n" + line("a1", "S.", "010", "USA", "RUS", "said") + "\n")
	f.Add("\t\t\t\t\t\t\t\n\\")
	f.Add(line("a", "b", "12", "X", "Y", "v", "wrong", `\`))
	f.Fuzz(func(t *testing.T, in string) {
		j, _ := events.ReadJudged(strings.NewReader(in), "f.tsv")
		for _, g := range j.Lines {
			s := events.FormatLine(g)
			j2, err := events.ReadJudged(strings.NewReader(s+"\n"), "f2.tsv")
			if err != nil {
				t.Fatalf("line %q read from %q does not read back: %v", s, in, err)
			}
			h := j2.Lines[0]
			if h.Key != g.Key || h.Verdict != g.Verdict || h.Note != g.Note {
				t.Fatalf("round trip changed %+v into %+v", g, h)
			}
		}
	})
}

// FuzzEscape: Unescape undoes Escape, and an escaped field has no tab or
// line break.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a\tb", `\`, `\\t`, "x\r\n", `\n`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := events.Escape(s)
		if strings.ContainsAny(e, "\t\n\r") {
			t.Fatalf("Escape(%q) = %q holds a tab or line break", s, e)
		}
		if u := events.Unescape(e); u != s {
			t.Fatalf("Unescape(Escape(%q)) = %q", s, u)
		}
		_ = events.Unescape(s) // any input: no panic
	})
}

// FuzzReadCorpus: any input gives articles and/or an error, never a panic;
// every article has an id and text.
func FuzzReadCorpus(f *testing.F) {
	f.Add(`{"id":"a","published":"2020-01-01","text":"T."}` + "\n" + `{"id":"a","text":"dup"}`)
	f.Add("{}\n[1]\nnull\n")
	f.Add(`{"id":"b","text":"x"`)
	f.Fuzz(func(t *testing.T, in string) {
		arts, _ := events.ReadCorpus(bytes.NewReader([]byte(in)), "f.jsonl")
		for _, a := range arts {
			if a.ID == "" || a.Text == "" {
				t.Fatalf("article without id or text: %+v", a)
			}
		}
	})
}
