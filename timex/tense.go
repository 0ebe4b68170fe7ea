package timex

import (
	"sort"
	"strings"

	"github.com/eventwire/eventwire/text"
)

// tense says whether the expression over words [i, j) is in the past or
// the future: from the verb it attaches to in the Doc's tree, else from
// the words before it in its sentence.
func (m *matcher) tense(i, j int) tense {
	if m.doc != nil {
		if _, v := m.attach(m.ws[i].start, m.ws[j-1].end); v >= 0 {
			if t := verbTense(m.doc, v); t != tenseUnknown {
				return t
			}
		}
	}
	return m.wordTense(i)
}

// wordTenseWindow bounds how far back wordTense looks.
const wordTenseWindow = 10

// wordTense looks for "will", "scheduled" and the like before word i in
// its sentence: the future; else the past, news being mostly about what
// happened.
func (m *matcher) wordTense(i int) tense {
	for k := i - 1; k >= 0 && k >= i-wordTenseWindow; k-- {
		if m.ws[k].sentEnd {
			break
		}
		if futureWords[m.ws[k].low] && m.ws[k].kind == kLetters {
			return tenseFuture
		}
		if m.ws[k].low == "to" && (m.low(k-1) == "is" || m.low(k-1) == "are") {
			return tenseFuture // "is to take effect on December 10"
		}
	}
	return tensePast
}

// attach returns the head token of the expression over bytes [start,
// end) and the token it attaches to: the first verb up its head chain,
// else the root of its sentence; -1 when no token lies in the span (and
// a verb of -1 when the expression is its sentence's root).
func (m *matcher) attach(start, end int32) (head, verb int) {
	d := m.doc
	toks := d.Tokens
	a := sort.Search(len(toks), func(k int) bool { return toks[k].End > start })
	if a >= len(toks) || toks[a].Start >= end {
		return -1, -1
	}
	b := a
	for b+1 < len(toks) && toks[b+1].Start < end {
		b++
	}
	// The expression's head: the token whose head lies outside it.
	h := a
	for k := a; k <= b; k++ {
		if hd := int(toks[k].Head); hd < a || hd > b {
			h = k
			break
		}
	}
	head = h
	for steps := 0; steps < 6; steps++ {
		hd := int(toks[h].Head)
		if hd < 0 || hd >= len(toks) || hd == h {
			if h >= a && h <= b {
				return head, -1 // the expression is its sentence's root
			}
			return head, h
		}
		h = hd
		if toks[h].UPOS == text.VERB {
			return head, h
		}
	}
	return head, h
}

// auxWindow is how far before its verb an auxiliary is looked for.
const auxWindow = 8

// verbTense reads the tense of the clause headed by token v from its
// form and its auxiliaries ("will meet", "was killed", "is scheduled",
// "has said"); tenseUnknown when they say nothing.
func verbTense(d *text.Doc, v int) tense {
	t := &d.Tokens[v]
	auxPast, auxPres, perfect, modal, weak := false, false, false, false, false
	// Auxiliaries and copulas stand just before their verb ("will be
	// held"): a window, not the whole sentence, keeps FindDoc linear
	// however long a sentence is.
	for c := max(0, v-auxWindow); c < min(len(d.Tokens), v+3); c++ {
		ct := &d.Tokens[c]
		if int(ct.Head) != v || c == v {
			continue
		}
		base := ct.Dep.Universal().Base()
		if base != text.DepRel("aux") && base != text.DepRel("cop") {
			continue
		}
		form := strings.ToLower(d.Form(c))
		switch {
		case form == "will" || form == "'ll" || form == "shall" || form == "wo" || form == "would":
			return tenseFuture
		case form == "could" || form == "might":
			// "could reinstate it on Saturday": past as often as not.
			weak = true
		case ct.XPOS == "MD":
			modal = true
		case ct.Lemma == "have" || form == "has" || form == "have" || form == "had":
			perfect = true
			if strings.Contains(ct.Feats, "Tense=Past") {
				auxPast = true
			}
		case strings.Contains(ct.Feats, "Tense=Past"):
			auxPast = true
		case strings.Contains(ct.Feats, "Tense=Pres"):
			auxPres = true
		}
	}
	switch {
	case auxPast || perfect:
		return tensePast
	case modal:
		return tenseFuture
	case weak:
		return tenseUnknown
	}
	switch t.XPOS {
	case "VBD":
		return tensePast
	case "VBN":
		if auxPres {
			return tenseFuture // "is scheduled for Monday"
		}
		return tensePast // "killed on Monday" (a reduced relative)
	case "VBG":
		if auxPres {
			return tenseFuture // "is meeting on Friday"
		}
	case "VBZ", "VBP":
		// "begins on Wednesday" is the future, but news seldom places
		// an act with the simple present, and the tagger takes past
		// participles and nouns for it ("purchases", "indicate ...
		// marched on Saturday"): let the words decide.
		return tenseUnknown
	case "VB":
		return tenseFuture // "to meet on Friday"
	}
	if strings.Contains(t.Feats, "Tense=Past") {
		return tensePast
	}
	if auxPres {
		return tenseFuture // "the vote is on Wednesday"
	}
	return tenseUnknown
}
