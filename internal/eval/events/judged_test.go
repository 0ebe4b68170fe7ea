package events_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/eval/events"
)

// line joins fields with tabs.
func line(f ...string) string { return strings.Join(f, "\t") }

func TestReadJudged(t *testing.T) {
	good := line("a1", "Germany banned Mahan Air.", "172", "DEU", "IRNBUS", "banned", "right", "ban")
	tests := []struct {
		name    string
		in      string
		n       int      // lines read
		errs    []string // wanted problems, "line: fragment", in order
		verdict string   // of the first line read
	}{
		{"one line", good + "\n", 1, nil, "right"},
		{"no final newline", good, 1, nil, "right"},
		{"CRLF", good + "\r\n", 1, nil, "right"},
		{"comments and blanks", "# header\n\n" + good + "\n#end\n", 1, nil, "right"},
		{"trailing fields left out", line("a1", "S.", "010", "USA", "RUS", "said") + "\n", 1, nil, ""},
		{"empty verdict is pending", line("a1", "S.", "010", "USA", "RUS", "said", "", "") + "\n", 1, nil, ""},
		{"verdict case", line("a1", "S.", "010", "USA", "RUS", "said", "Wrong", "x") + "\n", 1, nil, "wrong"},
		{"empty verb", line("a1", "S.", "010", "USA", "RUS", "", "right") + "\n", 1, nil, "right"},
		{"too few fields", "# c\n" + line("a1", "S.", "010", "USA", "RUS") + "\n", 0, []string{"2: 5 tab-separated fields"}, ""},
		{"too many fields", line("a1", "S.", "010", "USA", "RUS", "said", "right", "n", "extra") + "\n", 0, []string{"1: 9 tab-separated fields"}, ""},
		{"bad verdict", line("a1", "S.", "010", "USA", "RUS", "said", "maybe") + "\n", 0, []string{`1: judgement "maybe"`}, ""},
		{"bad cameo", line("a1", "S.", "01x", "USA", "RUS", "said", "right") + "\n", 0, []string{`1: cameo "01x"`}, ""},
		{"long cameo", line("a1", "S.", "01234", "USA", "RUS", "said", "right") + "\n", 0, []string{`1: cameo "01234"`}, ""},
		{"empty article", line("", "S.", "010", "USA", "RUS", "said", "right") + "\n", 0, []string{"1: empty article_id"}, ""},
		{"empty sentence", line("a1", "", "010", "USA", "RUS", "said", "right") + "\n", 0, []string{"1: empty sentence"}, ""},
		{"empty source", line("a1", "S.", "010", "", "RUS", "said", "right") + "\n", 0, []string{"1: source_code"}, ""},
		{"target with space", line("a1", "S.", "010", "USA", "RU S", "said", "right") + "\n", 0, []string{"1: target_code"}, ""},
		{"duplicate key", good + "\n" + strings.Replace(good, "right", "wrong", 1) + "\n", 1, []string{"2: same event as line 1"}, "right"},
		{"every bad line reported, good ones kept", "x\n" + good + "\ny\tz\n", 1, []string{"1: 1 tab-separated", "3: 2 tab-separated"}, "right"},
		{"long line", strings.Repeat("x", events.MaxLineBytes+10) + "\n" + good + "\n", 1, []string{"1: line longer than"}, "right"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := events.ReadJudged(strings.NewReader(tt.in), "j.tsv")
			if len(j.Lines) != tt.n {
				t.Errorf("read %d lines, want %d", len(j.Lines), tt.n)
			}
			if tt.n > 0 && len(j.Lines) > 0 && j.Lines[0].Verdict != tt.verdict {
				t.Errorf("verdict %q, want %q", j.Lines[0].Verdict, tt.verdict)
			}
			if len(tt.errs) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var list events.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v (%T), want an ErrorList", err, err)
			}
			if !errors.Is(err, eventwire.ErrInvalid) {
				t.Errorf("error does not wrap eventwire.ErrInvalid")
			}
			if len(list) != len(tt.errs) {
				t.Fatalf("%d problems, want %d:\n%v", len(list), len(tt.errs), err)
			}
			for i, want := range tt.errs {
				if got := list[i].Error(); !strings.HasPrefix(got, "j.tsv:") || !strings.Contains(got, want) {
					t.Errorf("problem %d = %q, want j.tsv:%s...", i, got, want)
				}
			}
		})
	}
}

func TestReadJudgedFields(t *testing.T) {
	in := line("a1", `He said "no\tway" \\ back\nslash \q`, "0334", "---GOV", "USA", "said", "right", "a note") + "\n"
	j, err := events.ReadJudged(strings.NewReader(in), "j.tsv")
	if err != nil {
		t.Fatal(err)
	}
	g := j.Lines[0]
	want := events.Key{Article: "a1", Sentence: "He said \"no\tway\" \\ back\nslash \\q", CAMEO: "0334", Source: "---GOV", Target: "USA", Verb: "said"}
	if g.Key != want {
		t.Errorf("key\n got %+v\nwant %+v", g.Key, want)
	}
	if g.Note != "a note" || g.Line != 1 {
		t.Errorf("note %q line %d", g.Note, g.Line)
	}
	if _, ok := j.Lookup(want); !ok {
		t.Errorf("Lookup does not find the line's key")
	}
	other := want
	other.Verb = "says"
	if _, ok := j.Lookup(other); ok {
		t.Errorf("Lookup finds a key with another verb")
	}
}

func TestFormatLineRoundTrip(t *testing.T) {
	g := &events.Judgement{
		Key:     events.Key{Article: "id\t1", Sentence: "a\nb\r\\c\\t", CAMEO: "190", Source: "RUS", Target: "SYR", Verb: "shelled"},
		Verdict: events.Wrong,
		Note:    "tab\there",
	}
	s := events.FormatLine(g)
	if strings.Count(s, "\t") != 7 || strings.ContainsAny(s, "\n\r") {
		t.Fatalf("FormatLine = %q: want 8 fields on one line", s)
	}
	j, err := events.ReadJudged(strings.NewReader(events.Header+s+"\n"), "rt.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got := j.Lines[0]
	if got.Key != g.Key || got.Verdict != g.Verdict || got.Note != g.Note {
		t.Errorf("round trip\n got %+v\nwant %+v", got, g)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, esc string }{
		{"plain", "plain"},
		{"a\tb", `a\tb`},
		{"a\nb\r", `a\nb\r`},
		{`back\slash`, `back\\slash`},
		{`\t literal`, `\\t literal`},
	}
	for _, tt := range tests {
		if got := events.Escape(tt.in); got != tt.esc {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.esc)
		}
		if got := events.Unescape(tt.esc); got != tt.in {
			t.Errorf("Unescape(%q) = %q, want %q", tt.esc, got, tt.in)
		}
	}
	// Hand-written files: a lone backslash is kept.
	for in, want := range map[string]string{`a\`: `a\`, `\x`: `\x`, `C:\dir`: `C:\dir`} {
		if got := events.Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}
