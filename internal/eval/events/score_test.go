package events_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/eval/events"
	"github.com/eventwire/eventwire/text"
)

func TestWilson(t *testing.T) {
	// By hand, z = 1.96 (Z95 to 2 decimals): p = 0.8, n = 10, z² = 3.8416,
	// d = 1 + z²/n = 1.38416, centre = (0.8 + z²/20)/d = 0.99208/1.38416 =
	// 0.716738, half = 1.96·sqrt(0.8·0.2/10 + z²/400)/d = 1.96·0.1600125/1.38416
	// = 0.226581: 0.490157–0.943320 (the textbook 0.490–0.943). p = 0.5,
	// n = 100: centre 0.5, half = 1.96·sqrt(0.0025 + z²/40000)/1.038416 =
	// 1.96·0.0509513/1.038416 = 0.096170.
	// k = 0: lo 0, hi = z²/(n+z²); k = n: lo = n/(n+z²), hi 1.
	tests := []struct {
		k, n   int
		z      float64
		lo, hi float64
	}{
		{8, 10, 1.96, 0.490157, 0.943320},
		{0, 10, 1.96, 0, 3.8416 / 13.8416},
		{10, 10, 1.96, 10 / 13.8416, 1},
		{0, 0, 1.96, 0, 1},
		{50, 100, 1.96, 0.403830, 0.596170},
	}
	for _, tt := range tests {
		lo, hi := events.Wilson(tt.k, tt.n, tt.z)
		if math.Abs(lo-tt.lo) > 5e-6 || math.Abs(hi-tt.hi) > 5e-6 {
			t.Errorf("Wilson(%d, %d) = %.6f–%.6f, want %.6f–%.6f", tt.k, tt.n, lo, hi, tt.lo, tt.hi)
		}
	}
	// The 95% quantile itself.
	if math.Abs(events.Z95-1.959964) > 1e-6 {
		t.Errorf("Z95 = %v", events.Z95)
	}
}

// doc builds a Doc from sentences of space-separated words; every word is a
// token (no parse: FromEvents needs only offsets).
func doc(sents ...string) *text.Doc {
	d := text.NewDoc(strings.Join(sents, " "))
	off := 0
	for _, s := range sents {
		start := len(d.Tokens)
		for _, w := range strings.Fields(s) {
			i := strings.Index(d.Text[off:], w) + off
			d.Tokens = append(d.Tokens, text.Token{Start: int32(i), End: int32(i + len(w))})
			off = i + len(w)
		}
		d.Sents = append(d.Sents, text.Span{Start: int32(start), End: int32(len(d.Tokens))})
	}
	return d
}

func span(d *text.Doc, w string) text.Span {
	i := strings.Index(d.Text, w)
	return text.Span{Start: int32(i), End: int32(i + len(w))}
}

func TestFromEvents(t *testing.T) {
	d := doc("Rain fell .", "Russia shelled Aleppo today .")
	ev := eventwire.Event{
		Source: eventwire.Actor{Text: "Russia", Code: "RUS"}, Target: eventwire.Actor{Text: "Aleppo", Code: "SYR"},
		CAMEO: "190", Sentence: 1, Pattern: "p:1",
		Evidence: eventwire.Evidence{Source: span(d, "Russia"), Verb: span(d, "shelled"), Target: span(d, "Aleppo")},
	}
	bad := ev
	bad.Sentence = 7
	bad.Evidence = eventwire.Evidence{Source: text.Span{Start: 3, End: 900}, Verb: text.Span{Start: -4, End: 2}, Target: text.Span{Start: 5, End: 1}}
	got := events.FromEvents("a1", d, []eventwire.Event{ev, bad})
	want := events.Key{Article: "a1", Sentence: "Russia shelled Aleppo today .", CAMEO: "190", Source: "RUS", Target: "SYR", Verb: "shelled"}
	if got[0].Key != want || got[0].SentIndex != 1 || got[0].SourceText != "Russia" || got[0].TargetText != "Aleppo" || got[0].Pattern != "p:1" {
		t.Errorf("FromEvents = %+v, want key %+v", got[0], want)
	}
	// Out-of-range sentence and spans: empty texts (the actors' own texts
	// stand in), no panic.
	if b := got[1]; b.Sentence != "" || b.Verb != "" || b.SourceText != "Russia" || b.TargetText != "Aleppo" {
		t.Errorf("bad spans gave %+v", b)
	}
}

func coded(article, sent, cameo, src, tgt, verb string) events.Coded {
	return events.Coded{Key: events.Key{Article: article, Sentence: sent, CAMEO: cameo, Source: src, Target: tgt, Verb: verb}}
}

func TestCompare(t *testing.T) {
	judged := strings.Join([]string{
		line("a1", "Russia shelled Aleppo.", "190", "RUS", "SYR", "shelled", "right", "r1"),
		line("a1", "Iran praised Syria.", "051", "IRN", "SYR", "praised", "wrong", "[not-event,no-country] w1"),
		line("a1", "Turkey met Iran.", "040", "TUR", "IRN", "met", "right", "lost"),
		line("a2", "Gone.", "010", "USA", "RUS", "said", "right", "pending article"),
		line("a2", "Pending.", "010", "USA", "CHN", "said"),
		line("zz", "Elsewhere.", "010", "USA", "CHN", "said", "right"),
	}, "\n")
	j, err := events.ReadJudged(strings.NewReader(judged), "j.tsv")
	if err != nil {
		t.Fatal(err)
	}
	right := coded("a1", "Russia shelled Aleppo.", "190", "RUS", "SYR", "shelled")
	arts := []events.ArticleEvents{
		{ID: "a1", Events: []events.Coded{
			right,
			coded("a1", "Iran praised Syria.", "051", "IRN", "SYR", "praised"),
			// Each field differs from the judged right line once: unjudged.
			coded("a2", "Russia shelled Aleppo.", "190", "RUS", "SYR", "shelled"),
			coded("a1", "Russia shelled Aleppo again.", "190", "RUS", "SYR", "shelled"),
			coded("a1", "Russia shelled Aleppo.", "195", "RUS", "SYR", "shelled"),
			coded("a1", "Russia shelled Aleppo.", "190", "RUSMIL", "SYR", "shelled"),
			coded("a1", "Russia shelled Aleppo.", "190", "RUS", "SYRREB", "shelled"),
			coded("a1", "Russia shelled Aleppo.", "190", "RUS", "SYR", "shell"),
		}},
		{ID: "a2", Events: []events.Coded{
			coded("a2", "Pending.", "010", "USA", "CHN", "said"),
			coded("a2", "Gone.", "010", "USA", "RUS", "said"),
		}},
		{ID: "a3"},
	}
	r := events.Compare(j, arts)
	if r.Events != 10 || r.Judged != 3 || r.Right != 2 || r.Wrong != 1 || r.Unjudged != 7 || r.Missing != 1 || r.Elsewhere != 1 {
		t.Errorf("events %d judged %d right %d wrong %d unjudged %d missing %d elsewhere %d; want 10 3 2 1 7 1 1",
			r.Events, r.Judged, r.Right, r.Wrong, r.Unjudged, r.Missing, r.Elsewhere)
	}
	if len(r.WrongByClass) != 1 || r.WrongByClass["not-event"] != 1 {
		t.Errorf("wrong by class %v, want not-event 1", r.WrongByClass)
	}
	if p := r.Precision(); math.Abs(p-2.0/3) > 1e-9 {
		t.Errorf("precision %v, want 2/3", p)
	}
	a1 := r.Articles[0]
	if len(a1.Missing) != 1 || a1.Missing[0].Note != "lost" {
		t.Errorf("a1 missing %+v, want the Turkey line", a1.Missing)
	}
	if un := a1.Unjudged(); len(un) != 6 {
		t.Errorf("a1 has %d unjudged, want 6", len(un))
	}
	if g := a1.Events[0].Judgement; g == nil || g.Line != 1 {
		t.Errorf("first event's judgement %+v, want line 1", g)
	}
	if un := r.Articles[1].Unjudged(); len(un) != 1 || un[0].Sentence != "Pending." {
		t.Errorf("a2 unjudged %+v, want the pending line's event", un)
	}
	// A coded event that is there twice (a repeated sentence) counts twice.
	r = events.Compare(j, []events.ArticleEvents{{ID: "a1", Events: []events.Coded{right, right}}})
	if r.Right != 2 || r.Missing != 1 {
		t.Errorf("twice: right %d missing %d, want 2 1", r.Right, r.Missing)
	}
	// No judged file: everything is unjudged.
	r = events.Compare(nil, arts[:1])
	if r.Unjudged != 8 || r.Judged != 0 || r.Precision() != 0 {
		t.Errorf("nil judged: %+v", r)
	}
}

func TestReadCorpus(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","published":"2020-01-05","text":"Russia shelled Aleppo.","url":"u"}`,
		``,
		`not json`,
		`{"id":"","text":"x"}`,
		`{"id":"b","text":""}`,
		`{"id":"a","text":"again"}`,
		`{"id":"c","text":"Iran praised Syria."}`,
	}, "\n")
	arts, err := events.ReadCorpus(strings.NewReader(in), "c.jsonl")
	if len(arts) != 2 || arts[0].ID != "a" || arts[0].Published != "2020-01-05" || arts[1].ID != "c" {
		t.Errorf("articles %+v", arts)
	}
	var list events.ErrorList
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("error %v, want 4 problems", err)
	}
	for i, want := range []string{"c.jsonl:3: not a JSON object", "c.jsonl:4: record without an id", `c.jsonl:5: record "b" without text`, `c.jsonl:6: id "a" already used at line 1`} {
		if !strings.HasPrefix(list[i].Error(), want) {
			t.Errorf("problem %d = %q, want %q...", i, list[i], want)
		}
	}
}

func TestReadCorpusFile(t *testing.T) {
	dir := t.TempDir()
	body := `{"id":"a","published":"2020-01-05","text":"Russia shelled Aleppo."}` + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(body))
	zw.Close()
	for name, data := range map[string][]byte{"c.jsonl": []byte(body), "c.jsonl.gz": gz.Bytes()} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		arts, err := events.ReadCorpusFile(p)
		if err != nil || len(arts) != 1 || arts[0].Text != "Russia shelled Aleppo." {
			t.Errorf("%s: %+v, %v", name, arts, err)
		}
	}
	missing := filepath.Join(dir, "nope.jsonl")
	if _, err := events.ReadCorpusFile(missing); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v, want ErrNotExist naming the path", err)
	}
	bad := filepath.Join(dir, "bad.jsonl.gz")
	os.WriteFile(bad, []byte(body), 0o644)
	if _, err := events.ReadCorpusFile(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("not gzip: %v, want an error naming the path", err)
	}
}

func TestClasses(t *testing.T) {
	tests := []struct {
		note string
		want []string
	}{
		{"[not-event] a plan", []string{"not-event"}},
		{" [place-target, no-country] x", []string{"place-target", "no-country"}},
		{"[] nothing", nil},
		{"no brackets [x]", nil},
		{"[unclosed", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := events.Classes(tt.note)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Classes(%q) = %q, want %q", tt.note, got, tt.want)
		}
	}
}
