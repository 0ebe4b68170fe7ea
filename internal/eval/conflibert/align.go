package conflibert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/text"
	"golang.org/x/text/unicode/norm"
)

// keyRune is one character of a key and the bytes of the text it comes
// from.
type keyRune struct {
	r          rune
	start, end int32
}

// keyRunes returns the key characters of s (see Key) with, for each, the
// byte span of the character of s it was decomposed from.
func keyRunes(s string) []keyRune {
	var out []keyRune
	var buf [64]byte
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		dec := norm.NFKD.AppendString(buf[:0], s[i:i+size])
		for _, d := range string(dec) {
			if keep(d) {
				out = append(out, keyRune{unicode.ToLower(d), int32(i), int32(i + size)})
			}
		}
		i += size
	}
	return out
}

// keep reports whether a decomposed character counts in a key: letters
// other than modifier letters, and digits and other numbers.
func keep(r rune) bool {
	return (unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r)) || unicode.IsNumber(r)
}

// Key is the normalised form under which a class sentence and a tagged
// sentence are the same: the letters and numbers of s after NFKD
// decomposition, lower-cased, without combining marks or modifier letters,
// spaces or punctuation (see the package doc).
func Key(s string) string {
	var b strings.Builder
	for _, k := range keyRunes(s) {
		b.WriteRune(k.r)
	}
	return b.String()
}

// wordsKey is the key of a tagged sentence: its words' keys run together.
func wordsKey(ws []Word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(Key(w.Text))
	}
	return b.String()
}

// Align places the words of a tagged sentence in s by their key
// characters and returns each word's byte span in s (a zero Span for a
// word without key characters). ok is false when the words' key is not s's
// key.
func Align(s string, ws []Word) (spans []text.Span, ok bool) {
	ks := keyRunes(s)
	spans = make([]text.Span, len(ws))
	p := 0
	for i, w := range ws {
		wk := keyRunes(w.Text)
		if len(wk) == 0 {
			continue
		}
		if p+len(wk) > len(ks) {
			return nil, false
		}
		for j, k := range wk {
			if ks[p+j].r != k.r {
				return nil, false
			}
		}
		spans[i] = text.Span{Start: ks[p].start, End: ks[p+len(wk)-1].end}
		p += len(wk)
	}
	if p != len(ks) {
		return nil, false
	}
	return spans, true
}

// Spans are the gold chunks of a sentence, byte spans of its text.
type Spans struct {
	Source, Target, Related []text.Span
}

// Chunks groups aligned words into chunks by their BIO tags: a B-X starts
// a chunk of role X, an I-X continues a chunk of role X just before it or
// starts one, anything else ends the chunk. A chunk spans its aligned
// words; one without any is dropped.
func Chunks(ws []Word, spans []text.Span) Spans {
	var out Spans
	role, cur := byte(0), text.Span{}
	end := func() {
		if role != 0 && cur.End > cur.Start {
			switch role {
			case 'S':
				out.Source = append(out.Source, cur)
			case 'T':
				out.Target = append(out.Target, cur)
			case 'R':
				out.Related = append(out.Related, cur)
			}
		}
		role, cur = 0, text.Span{}
	}
	for i, w := range ws {
		if len(w.Tag) != 3 || (w.Tag[0] != 'B' && w.Tag[0] != 'I') {
			end()
			continue
		}
		r := w.Tag[2]
		if w.Tag[0] == 'B' || r != role {
			end()
			role = r
		}
		if i >= len(spans) || spans[i].End <= spans[i].Start {
			continue
		}
		if cur.End <= cur.Start {
			cur = spans[i]
		} else {
			cur.Start, cur.End = min(cur.Start, spans[i].Start), max(cur.End, spans[i].End)
		}
	}
	end()
	return out
}

// Item is a class sentence with, when a tagged sentence was joined to it,
// its gold chunks.
type Item struct {
	Sentence
	// Spans is nil when no tagged sentence was joined.
	Spans *Spans
	// NERLine is the line of the joined tagged sentence, 0 for none.
	NERLine int
}

// HasSourceTarget reports whether the item has a source and a target
// chunk, so that class+source+target can be scored.
func (it *Item) HasSourceTarget() bool {
	return it.Spans != nil && len(it.Spans.Source) > 0 && len(it.Spans.Target) > 0
}

// JoinStats counts what Join did with the tagged sentences.
type JoinStats struct {
	Tagged    int // tagged sentences
	Matched   int // joined to one class sentence or more
	Unmatched int // key found in no class sentence (edited sentences)
	// Repeated counts tagged sentences whose class sentences already had a
	// tagged sentence joined (the first one is kept).
	Repeated int
	// Items counts the class sentences with spans, and SourceTarget those
	// with both a source and a target chunk.
	Items, SourceTarget int
}

// Join pairs each tagged sentence with the class sentences of the same
// Key and returns the class sentences, in order, as items with their gold
// chunks. Class sentences that repeat one another all get the chunks.
func Join(classes []Sentence, tagged []Tagged) ([]Item, JoinStats) {
	items := make([]Item, len(classes))
	byKey := map[string][]int{}
	for i, s := range classes {
		items[i] = Item{Sentence: s}
		if k := Key(s.Text); k != "" {
			byKey[k] = append(byKey[k], i)
		}
	}
	st := JoinStats{Tagged: len(tagged)}
	for _, t := range tagged {
		idx := byKey[wordsKey(t.Words)]
		if len(idx) == 0 {
			st.Unmatched++
			continue
		}
		if items[idx[0]].Spans != nil {
			st.Repeated++
			continue
		}
		st.Matched++
		for _, i := range idx {
			spans, ok := Align(items[i].Text, t.Words)
			if !ok { // cannot happen: the keys are equal
				continue
			}
			ch := Chunks(t.Words, spans)
			items[i].Spans, items[i].NERLine = &ch, t.Line
		}
	}
	for i := range items {
		if items[i].Spans != nil {
			st.Items++
			if items[i].HasSourceTarget() {
				st.SourceTarget++
			}
		}
	}
	return items, st
}
