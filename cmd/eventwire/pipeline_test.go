package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/nlp/tokenize"
)

// runOnText returns n bytes of words with no sentence punctuation, drawn
// deterministically from the sample article: the input that once took
// quadratic time (a page whose text is one endless "sentence").
func runOnText(tb testing.TB, n int) string {
	tb.Helper()
	b, err := os.ReadFile("../../testdata/samples/rferl-2016-12-23-aleppo.txt")
	if err != nil {
		tb.Fatal(err)
	}
	words := strings.FieldsFunc(string(b), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".!?;:\"“”", r)
	})
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(words[(i*7919)%len(words)])
		sb.WriteByte(' ')
	}
	return sb.String()[:n]
}

// BenchmarkRunOnText measures every stage an ingested page goes through
// (extraction, tokenizer, tagger, parser, event coder) on run-on text of
// 10 KB, 100 KB and 1 MB. The time per byte (ns/op over SetBytes, shown as
// MB/s) must stay within a factor of two across the sizes: nothing may be
// quadratic in the length of a sentence. It also checks that the work was
// done: sentences parsed, and the text cut into bounded sentences.
func BenchmarkRunOnText(b *testing.B) {
	p, err := newPipeline(io.Discard, false, nil, "")
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(extract.Options{MaxBytes: 64 << 20})
	ctx := context.Background()
	for _, n := range []int{10 << 10, 100 << 10, 1 << 20} {
		body := []byte(runOnText(b, n))
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				page := &eventwire.Page{URL: "file:///runon.txt", Body: body, ContentType: "text/plain"}
				a, err := x.Extract(ctx, page)
				if err != nil {
					b.Fatal(err)
				}
				doc, _, err := p.code(ctx, a.Text, time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC))
				if err != nil {
					b.Fatal(err)
				}
				if min := len(doc.Tokens) / tokenize.MaxSentenceWords; len(doc.Sents) < min {
					b.Fatalf("%d sentences for %d words, want at least %d", len(doc.Sents), len(doc.Tokens), min)
				}
			}
		})
	}
}
