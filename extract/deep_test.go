package extract_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

// deepSentences are the paragraphs of the article in deepPage.
var deepSentences = []string{
	"Rebel leaders and the government agreed on Monday to a ceasefire in the northern province, officials said after three weeks of talks in Geneva.",
	"Troops will withdraw from the border town by Friday, the foreign ministry said in a statement.",
	"Aid agencies warned that thousands of families who fled the fighting still lacked food and medicine.",
}

// deepPage returns a news page whose article sits inside n nested tag
// elements, closed at the end or not.
func deepPage(tag string, n int, closed bool) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Ceasefire agreed in the north | Example News</title></head><body>`)
	b.WriteString(`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>`)
	for range n {
		fmt.Fprintf(&b, `<%s class="w">`, tag)
	}
	b.WriteString(`<article><h1>Ceasefire agreed in the north</h1>`)
	for _, s := range deepSentences {
		b.WriteString("<p>" + s + "</p>\n")
	}
	b.WriteString(`</article>`)
	if closed {
		for range n {
			fmt.Fprintf(&b, `</%s>`, tag)
		}
	}
	b.WriteString(`<footer>Copyright Example News. All rights reserved.</footer></body></html>`)
	return []byte(b.String())
}

// TestExtractDeepNesting: a page nested deeper than the HTML parser's 512
// open elements (golang.org/x/net/html) is still read: the middle of the
// nesting is flattened and the article comes out as from the same page
// without the wrappers, paragraph by paragraph. Before, the page failed
// with "open stack of elements exceeds 512 nodes".
func TestExtractDeepNesting(t *testing.T) {
	x := extract.New(extract.Options{})
	bare, err := x.Extract(context.Background(), &eventwire.Page{URL: "https://news.example/world/ceasefire", Body: deepPage("div", 0, true), ContentType: "text/html"})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{300, 600, 5000, 100000} {
		for _, tag := range []string{"div", "span"} {
			for _, closed := range []bool{true, false} {
				t.Run(fmt.Sprintf("%d %s closed=%v", n, tag, closed), func(t *testing.T) {
					p := &eventwire.Page{URL: "https://news.example/world/ceasefire", Body: deepPage(tag, n, closed), ContentType: "text/html; charset=utf-8"}
					a, err := x.Extract(context.Background(), p)
					if err != nil {
						t.Fatal(err)
					}
					for _, s := range deepSentences {
						if !strings.Contains(a.Text, s) {
							t.Errorf("text %q lacks %q", a.Text, s)
						}
					}
					if len(a.Paragraphs) != len(deepSentences) || a.Text != bare.Text || a.Title != bare.Title {
						t.Errorf("title %q, %d paragraphs %q; want as without the wrappers: %q, %d %q",
							a.Title, len(a.Paragraphs), a.Text, bare.Title, len(bare.Paragraphs), bare.Text)
					}
				})
			}
		}
	}
}

// BenchmarkExtractDeepNesting extracts the article of deepPage at growing
// nesting depths (0: the bare page; 250: parsed as is; 500 and more:
// flattened); the time per added wrapper stays flat from 5,000 to 100,000
// wrappers, linear in the page size. Each run checks the article.
func BenchmarkExtractDeepNesting(b *testing.B) {
	x := extract.New(extract.Options{})
	for _, n := range []int{0, 250, 500, 5000, 20000, 100000} {
		for _, tag := range []string{"div", "span"} {
			b.Run(fmt.Sprintf("%s-%d", tag, n), func(b *testing.B) {
				p := &eventwire.Page{URL: "https://news.example/world/ceasefire", Body: deepPage(tag, n, true), ContentType: "text/html; charset=utf-8"}
				b.SetBytes(int64(len(p.Body)))
				for b.Loop() {
					a, err := x.Extract(context.Background(), p)
					if err != nil || !strings.Contains(a.Text, deepSentences[2]) {
						b.Fatalf("err %v, text %.80q", err, a.Text)
					}
				}
			})
		}
	}
}
