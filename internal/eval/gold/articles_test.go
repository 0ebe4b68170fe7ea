package gold_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/eval/events"
	"github.com/eventwire/eventwire/internal/eval/gold"
)

// fixture reads testdata/articles.jsonl: g1 (dev, four sentences, the last
// with curly quotes) and g2 (test, two sentences).
func fixture(t testing.TB) *gold.Articles {
	t.Helper()
	arts, err := gold.ReadArticlesFile(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func TestReadArticles(t *testing.T) {
	arts := fixture(t)
	if len(arts.List) != 2 {
		t.Fatalf("%d articles, want 2", len(arts.List))
	}
	g1 := arts.Article("g1")
	if g1 == nil || g1.Split != gold.Dev || g1.Published != "2020-03-02" || g1.Title != "Fighting near Afrin" || g1.Line != 1 || len(g1.Sentences) != 4 {
		t.Fatalf("g1 = %+v", g1)
	}
	if s := g1.SentText(1); s != "Russia and Turkey held talks in Moscow." {
		t.Errorf("g1 sentence 1 = %q", s)
	}
	for _, i := range []int{-1, 4, 1 << 30} {
		if s := g1.SentText(i); s != "" {
			t.Errorf("SentText(%d) = %q, want empty", i, s)
		}
	}
	if d, tt := arts.Split(gold.Dev), arts.Split(gold.Test); len(d) != 1 || d[0].ID != "g1" || len(tt) != 1 || tt[0].ID != "g2" || len(arts.Split(gold.All)) != 2 {
		t.Errorf("splits: dev %v test %v", d, tt)
	}
	if n := gold.Sentences(arts.List); n != 6 {
		t.Errorf("%d sentences, want 6", n)
	}
	if arts.Article("nope") != nil {
		t.Error("unknown id found")
	}
	// Sentences [0,62) [63,102) [104,125) [126,212): offsets in the gaps
	// and outside the text are in no sentence.
	for off, want := range map[int]int{0: 0, 61: 0, 62: -1, 63: 1, 101: 1, 102: -1, 103: -1, 104: 2, 126: 3, 211: 3, 212: -1, -5: -1, 9999: -1} {
		if got := g1.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestReadArticlesErrors(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","split":"dev","published":"2020-01-02","text":"One. Two.","sentences":[[0,4],[5,9]]}`,
		``,
		`not json`,
		`{"id":"","split":"dev","text":"x","sentences":[[0,1]]}`,
		`{"id":"b","split":"train","text":"x","sentences":[[0,1]]}`,
		`{"id":"c","split":"test","published":"May 2020","text":"x","sentences":[[0,1]]}`,
		`{"id":"d","split":"test","text":"","sentences":[]}`,
		`{"id":"e","split":"test","text":"One. Two.","sentences":[[0,4],[3,9],[9,9],[0],[5,99]]}`,
		`{"id":"f","split":"test","text":"né.","sentences":[[0,2]]}`,
		`{"id":"a","split":"test","text":"x","sentences":[[0,1]]}`,
		`{"id":"g","split":"test","text":"Fine.","sentences":[[0,5]]}`,
	}, "\n")
	arts, err := gold.ReadArticles(strings.NewReader(in), "a.jsonl")
	if len(arts.List) != 2 || arts.List[0].ID != "a" || arts.List[1].ID != "g" || arts.List[1].Line != 11 {
		t.Errorf("articles read: %+v", arts.List)
	}
	want := []string{
		`a.jsonl:3: not a JSON article`,
		`a.jsonl:4: article without an id`,
		`a.jsonl:5: article "b": split "train", want dev or test`,
		`a.jsonl:6: article "c": published "May 2020" is not a YYYY-MM-DD date`,
		`a.jsonl:7: article "d" without text`,
		`a.jsonl:7: article "d" without sentences`,
		`a.jsonl:8: article "e": sentence 1: span [3, 9) starts before the previous sentence ends (4)`,
		`a.jsonl:8: article "e": sentence 2: span [9, 9) is empty or outside the text (9 bytes)`,
		`a.jsonl:8: article "e": sentence 3: 1 numbers, want [start, end]`,
		`a.jsonl:8: article "e": sentence 4: span [5, 99) is empty or outside the text (9 bytes)`,
		`a.jsonl:9: article "f": sentence 0: span [0, 2) is not whole UTF-8 characters`,
		`a.jsonl:10: id "a" already used at line 1`,
	}
	checkErrors(t, err, want)
}

// checkErrors checks that err is an events.ErrorList whose problems start
// with want, in order, and that it is an eventwire.ErrInvalid.
func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	var list events.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v, want an ErrorList", err)
	}
	if !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("error is not ErrInvalid")
	}
	for i := 0; i < max(len(list), len(want)); i++ {
		switch {
		case i >= len(list):
			t.Errorf("missing problem %q", want[i])
		case i >= len(want):
			t.Errorf("unexpected problem %q", list[i])
		case !strings.HasPrefix(list[i].Error(), want[i]):
			t.Errorf("problem %d = %q, want %q...", i, list[i], want[i])
		}
	}
}

func TestReadArticlesFileAbsent(t *testing.T) {
	p := filepath.Join(t.TempDir(), "none.jsonl")
	if _, err := gold.ReadArticlesFile(p); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("absent file: %v, want fs.ErrNotExist", err)
	}
}

func TestReadArticlesLongLine(t *testing.T) {
	in := `{"id":"a","split":"dev","text":"x","sentences":[[0,1]]}` + "\n" + strings.Repeat("x", gold.MaxArticleBytes+10) + "\n"
	arts, err := gold.ReadArticles(strings.NewReader(in), "l.jsonl")
	if len(arts.List) != 1 {
		t.Errorf("%d articles before the long line, want 1", len(arts.List))
	}
	checkErrors(t, err, []string{"l.jsonl:2: line longer than"})
}

// TestShippedArticles checks testdata/gold/articles.jsonl, the articles of
// the real-news gold: it reads without a problem, has the counts its
// README gives, and every sentence span is valid UTF-8 inside the text,
// non-empty, after the previous one, with only white space between
// sentences.
func TestShippedArticles(t *testing.T) {
	path := filepath.Join("..", "..", "..", "testdata", "gold", "articles.jsonl")
	arts, err := gold.ReadArticlesFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dev, test := arts.Split(gold.Dev), arts.Split(gold.Test)
	if len(dev) != 62 || len(test) != 26 || gold.Sentences(dev) != 1077 || gold.Sentences(test) != 370 {
		t.Errorf("dev %d articles %d sentences, test %d articles %d sentences; README: 62/1077, 26/370",
			len(dev), gold.Sentences(dev), len(test), gold.Sentences(test))
	}
	for _, a := range arts.List {
		prev := 0
		for i, sp := range a.Sentences {
			if sp.Start < int32(prev) || sp.End <= sp.Start || int(sp.End) > len(a.Text) {
				t.Errorf("%s: sentence %d span %v after %d (text %d bytes)", a.ID, i, sp, prev, len(a.Text))
				continue
			}
			if s := a.Text[sp.Start:sp.End]; !utf8.ValidString(s) || strings.TrimSpace(s) != s {
				t.Errorf("%s: sentence %d %q is not valid UTF-8 or has white space at an edge", a.ID, i, s)
			}
			if gap := a.Text[prev:sp.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
				t.Errorf("%s: text %q between sentences %d and %d", a.ID, gap, i-1, i)
			}
			prev = int(sp.End)
		}
		if tail := a.Text[prev:]; strings.TrimFunc(tail, unicode.IsSpace) != "" {
			t.Errorf("%s: text %q after the last sentence", a.ID, tail)
		}
		if a.SentenceAt(int(a.Sentences[0].Start)) != 0 {
			t.Errorf("%s: SentenceAt the first sentence's start", a.ID)
		}
	}
}
