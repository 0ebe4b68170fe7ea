// Package texttest builds small hand-parsed Docs for tests: one sentence
// of words joined by spaces, each with its tags, head and relation, the
// way a test states the tree it needs without running the parser.
package texttest

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/text"
)

// Word is one hand-parsed word: form, UPOS, XPOS, features, head (1-based,
// 0 for the root) and relation. Its lemma is the lower-cased form.
type Word struct {
	Form, UPOS, XPOS, Feats string
	Head                    int
	Dep                     string
}

// Doc builds a valid one-sentence Doc from words; a bad UPOS or an
// invalid tree fails the test.
func Doc(t testing.TB, words ...Word) *text.Doc {
	t.Helper()
	var b strings.Builder
	d := &text.Doc{}
	for _, x := range words {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(x.Form)
		u, ok := text.ParseUPOS(x.UPOS)
		if !ok {
			t.Fatalf("bad UPOS %q", x.UPOS)
		}
		d.Tokens = append(d.Tokens, text.Token{Start: int32(start), End: int32(b.Len()), UPOS: u, XPOS: x.XPOS,
			Feats: x.Feats, Lemma: strings.ToLower(x.Form), Head: int32(x.Head - 1), Dep: text.DepRel(x.Dep)})
	}
	d.Text = b.String()
	d.Sents = []text.Span{{Start: 0, End: int32(len(words))}}
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrXPOS | text.AttrFeats | text.AttrLemma | text.AttrDeps
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	return d
}
