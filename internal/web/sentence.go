package web

import (
	"sort"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// maxSentence bounds the text shown around an event when its article has
// no parse to say where the sentence ends.
const maxSentence = 600

// sentenceOf returns the sentence ev was coded from, cut at its evidence
// spans. The sentence is the Doc's, else the paragraph that holds the
// evidence, else a window around it. Stored spans are checked, not
// trusted: one that falls outside the sentence, splits a character or
// overlaps an earlier one is left unmarked.
func sentenceOf(st *eventwire.Story, ev eventwire.Event) []segment {
	if st.Article == nil || st.Article.Text == "" {
		return []segment{}
	}
	txt := st.Article.Text
	lo, hi := evidenceRange(ev.Evidence, len(txt))
	s, e := -1, -1
	if d := st.Doc; d != nil && ev.Sentence >= 0 && ev.Sentence < len(d.Sents) {
		sp := d.Sents[ev.Sentence]
		if 0 <= sp.Start && sp.Start < sp.End && int(sp.End) <= len(d.Tokens) {
			s, e = int(d.Tokens[sp.Start].Start), int(d.Tokens[sp.End-1].End)
		}
	}
	if s < 0 && lo >= 0 {
		for _, p := range st.Article.Paragraphs {
			if int(p.Start) <= lo && hi <= int(p.End) && int(p.End)-int(p.Start) <= 4*maxSentence {
				s, e = int(p.Start), int(p.End)
				break
			}
		}
	}
	if s < 0 {
		if lo < 0 {
			lo, hi = 0, 0
		}
		s, e = max(0, lo-maxSentence/2), min(len(txt), hi+maxSentence/2)
	}
	if s < 0 || e > len(txt) || s > e {
		return []segment{}
	}
	for s > 0 && !utf8.RuneStart(txt[s]) {
		s--
	}
	for e < len(txt) && !utf8.RuneStart(txt[e]) {
		e++
	}
	type mark struct {
		s, e int
		role string
	}
	var marks []mark
	for _, m := range []struct {
		sp   text.Span
		role string
	}{{ev.Evidence.Source, "source"}, {ev.Evidence.Verb, "verb"}, {ev.Evidence.Target, "target"}} {
		ms, me := int(m.sp.Start), int(m.sp.End)
		if ms >= me || ms < s || me > e || !utf8.RuneStart(txt[ms]) || (me < len(txt) && !utf8.RuneStart(txt[me])) {
			continue
		}
		marks = append(marks, mark{ms, me, m.role})
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].s < marks[j].s })
	out := []segment{}
	at := s
	for _, m := range marks {
		if m.s < at {
			continue // overlaps the mark before
		}
		if m.s > at {
			out = append(out, segment{Text: txt[at:m.s]})
		}
		out = append(out, segment{Text: txt[m.s:m.e], Role: m.role})
		at = m.e
	}
	if at < e {
		out = append(out, segment{Text: txt[at:e]})
	}
	return out
}

// evidenceRange is the bytes from the first to the last evidence span
// that fits in a text of n bytes; -1, -1 when none does.
func evidenceRange(ev eventwire.Evidence, n int) (lo, hi int) {
	lo, hi = -1, -1
	for _, sp := range []text.Span{ev.Source, ev.Verb, ev.Target} {
		s, e := int(sp.Start), int(sp.End)
		if s >= e || s < 0 || e > n {
			continue
		}
		if lo < 0 || s < lo {
			lo = s
		}
		hi = max(hi, e)
	}
	return lo, hi
}
