package factuality

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/text"
)

// newsItem is one hand-labelled predicate of testdata/news.tsv.
type newsItem struct {
	label, category, article string
	doc                      *text.Doc
	tok                      int
	line                     int
}

// happened reports whether the item's label counts as factual.
func (it newsItem) happened() bool { return it.label == "happened" }

// readNews reads testdata/news.tsv and annotates each sentence with the
// full English pipeline (raw text, as news arrives), finding the token of
// the predicate in [[double brackets]].
func readNews(tb testing.TB) []newsItem {
	tb.Helper()
	f, err := os.Open("testdata/news.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	p, err := english.New()
	if err != nil {
		tb.Fatal(err)
	}
	var items []newsItem
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fs := strings.Split(s, "\t")
		if len(fs) != 4 {
			tb.Fatalf("news.tsv:%d: %d fields, want 4", line, len(fs))
		}
		switch fs[0] {
		case "happened", "not", "uncertain":
		default:
			tb.Fatalf("news.tsv:%d: label %q", line, fs[0])
		}
		sent := fs[3]
		i := strings.Index(sent, "[[")
		j := strings.Index(sent, "]]")
		if i < 0 || j < i || strings.Count(sent, "[[") != 1 {
			tb.Fatalf("news.tsv:%d: no single [[predicate]]", line)
		}
		raw := sent[:i] + sent[i+2:j] + sent[j+2:]
		d := text.NewDoc(raw)
		if err := p.Annotate(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		tok := -1
		for k, t := range d.Tokens {
			if int(t.Start) == i {
				tok = k
				break
			}
		}
		if tok < 0 {
			tb.Fatalf("news.tsv:%d: no token starts at the predicate", line)
		}
		items = append(items, newsItem{label: fs[0], category: fs[1], article: fs[2], doc: d, tok: tok, line: line})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return items
}

// newsAccuracy returns the share of items where Factuality > 0 agrees
// with the label's "happened".
func newsAccuracy(m *Model, items []newsItem) (acc float64, wrong []newsItem) {
	right := 0
	for _, it := range items {
		if (m.Factuality(it.doc, it.tok) > 0) == it.happened() {
			right++
		} else {
			wrong = append(wrong, it)
		}
	}
	return float64(right) / float64(len(items)), wrong
}
