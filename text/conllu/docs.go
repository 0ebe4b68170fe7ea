package conllu

import (
	"strings"

	"github.com/eventwire/eventwire/text"
)

// Document is the running text of a treebank document rebuilt from its
// sentences, the way the CoNLL 2018 shared task made its raw-text input:
// sentences of a paragraph joined by a space (none after SpaceAfter=No),
// paragraphs separated by a blank line. A new document starts at each
// "# newdoc".
type Document struct {
	Text  string
	Sents []*Sentence
	// Spans are the byte ranges of the sentences' texts in Text.
	Spans []text.Span
}

// Documents groups sentences into documents and rebuilds their text. A
// treebank without "# newdoc" comments gives one document.
func Documents(sents []*Sentence) []Document {
	var out []Document
	var b strings.Builder
	var cur Document
	flush := func() {
		if len(cur.Sents) > 0 {
			cur.Text = b.String()
			out = append(out, cur)
		}
		cur = Document{}
		b.Reset()
	}
	for i, s := range sents {
		if s.NewDoc && i > 0 {
			flush()
		}
		if len(cur.Sents) > 0 {
			switch {
			case s.NewPar:
				b.WriteString("\n\n")
			case !cur.Sents[len(cur.Sents)-1].NoSpaceAfter:
				b.WriteByte(' ')
			}
		}
		st := b.Len()
		t := strings.TrimSpace(s.Text)
		b.WriteString(t)
		cur.Sents = append(cur.Sents, s)
		cur.Spans = append(cur.Spans, text.Span{Start: int32(st), End: int32(b.Len())})
	}
	flush()
	return out
}
