package quote

import (
	"sort"
	"strings"

	"github.com/eventwire/eventwire/text"
)

// depictVerbs are the verbs of characterizing (Levin's class 29.2) that
// judge or depict: with an object and an "as" phrase they say what their
// subject holds the object to be ("painted her rival as a snob", "rated
// half the claims as false"; passive: "the fire was treated as arson").
// The verbs of the class that choose or use (appoint, select, employ,
// use) are acts, not judgements, and are left out.
var depictVerbs = map[string]bool{"characterize": true, "characterise": true, "depict": true, "describe": true,
	"portray": true, "paint": true, "cast": true, "frame": true, "present": true, "picture": true, "view": true,
	"see": true, "regard": true, "treat": true, "perceive": true, "consider": true, "judge": true, "rate": true,
	"rank": true, "class": true, "classify": true, "define": true, "label": true, "brand": true, "dub": true,
	"tout": true, "hail": true, "bill": true, "praise": true, "denounce": true, "dismiss": true, "condemn": true,
	"criticize": true, "criticise": true, "recognize": true, "recognise": true, "identify": true,
	"interpret": true, "represent": true, "envision": true, "envisage": true, "imagine": true, "remember": true,
	"count": true, "stigmatize": true, "certify": true, "qualify": true, "acknowledge": true, "accept": true,
	"cite": true, "mock": true, "attack": true, "blast": true, "slam": true, "ridicule": true}

// asPhrase returns the head of the "as" phrase that says what verb v
// holds obj to be: a child of v or of obj after both that "as" opens and
// that is a noun phrase or an adjective, not a clause ("as he said");
// -1 if none.
func (a *attributor) asPhrase(v, obj int) int {
	if obj < 0 {
		return -1
	}
	heads := []int{v, obj}
	for h, n := obj, 0; n < 3; n++ {
		// And the nouns the object's modifiers end in: "rated 30% of
		// the claims as false".
		nm := -1
		for _, k := range a.kids[h] {
			if k > h && a.base(k) == text.Nmod {
				nm = k
			}
		}
		if nm < 0 {
			break
		}
		heads, h = append(heads, nm), nm
	}
	for _, h := range heads {
		for _, k := range a.kids[h] {
			if k <= obj || k <= v || a.hasSubject(k) {
				continue
			}
			switch a.base(k) {
			case text.Obl, text.Advcl, text.Xcomp, text.Nmod, text.Acl:
			default:
				continue
			}
			switch a.tok(k).UPOS {
			case text.NOUN, text.PROPN, text.PRON, text.ADJ, text.NUM:
			default:
				continue
			}
			for _, c := range a.kids[k] {
				if c < k && c > obj && a.lemma(c) == "as" {
					switch a.base(c) {
					case text.Case, text.Mark, text.Advmod:
						return k
					}
				}
			}
		}
	}
	return -1
}

// characterize attributes what a verb of characterizing (depictVerbs)
// outside the cue lexicon says of its object: "the senator painted her
// rival as a snob" is the senator's; a passive's speaker is its
// by-agent, or unknown ("the fire was treated as arson"). It reports
// whether it found one.
func (a *attributor) characterize(v int) bool {
	if a.segOf[v] >= 0 || a.tok(v).UPOS != text.VERB {
		return false
	}
	lex := depictVerbs[a.lemma(v)] || dubVerbs[a.lemma(v)]
	psubj, agent, obj := -1, -1, -1
	for _, k := range a.kids[v] {
		d := a.tok(k).Dep.Universal()
		switch {
		case d.IsPassiveSubject():
			psubj = k
		case d == "obl:agent":
			agent = k
		case a.base(k) == text.Obj && obj < 0 && k > v && (nominal(a.tok(k).UPOS) || a.tok(k).UPOS == text.NUM || a.tok(k).UPOS == text.SYM):
			obj = k // "rated 30% of the claims as false"
		case !lex && a.base(k) == text.Obl && obj < 0 && k > v && nominal(a.tok(k).UPOS) && a.hasCase(k, "after"):
			obj = k // "has gone after the mayor as …"
		}
	}
	if !lex && actAs[a.lemma(v)] {
		return false
	}
	if !lex {
		// Any verb whose "as" phrase is in quotation marks quotes what
		// its subject called the object: "has been skewering the mayor
		// as a “reckless gambler”", "went after her as “careless”".
		as := a.asPhrase(v, obj)
		if as < 0 || psubj >= 0 || a.segOf[obj] >= 0 || !a.quotedIn(a.subtree(as, nil)) {
			return false
		}
		spk := a.subject(v)
		if spk < 0 || a.segOf[spk] >= 0 || firstOrSecond(a.form(spk)) || a.head(spk) != v && a.base(v) != text.Conj {
			return false // not "the aim was going after her as …"
		}
		toks := append(a.withoutCase(obj), a.subtree(as, nil)...)
		sort.Ints(toks)
		return a.add(v, spk, dedup(toks)) != nil
	}
	spk := -1
	if psubj >= 0 {
		if a.isRelPron(psubj) {
			return false // too far from what was characterized to say it
		}
		obj, spk = psubj, agent
	} else if spk = a.subject(v); spk < 0 || a.segOf[spk] >= 0 || firstOrSecond(a.form(spk)) {
		return false
	}
	as := a.asPhrase(v, obj)
	if as < 0 && psubj < 0 {
		if toks := a.smallClause(v); toks != nil {
			return a.add(v, spk, toks) != nil
		}
	}
	if as < 0 || a.segOf[obj] >= 0 {
		return false
	}
	toks := append(a.subtree(obj, nil), a.subtree(as, nil)...)
	sort.Ints(toks)
	return a.add(v, spk, dedup(toks)) != nil
}

// dubVerbs name or judge their object by a second noun phrase or an
// adjective after it, a small clause (Levin's classes 29.3, dub verbs, and
// 29.4, declare verbs, less those that appoint or make: name, crown,
// make): "called the referee a liar", "judged the bridge a mistake", "deemed
// the bridge a danger". The object and what it is called are
// what the subject said or held.
var dubVerbs = map[string]bool{"call": true, "label": true, "brand": true, "dub": true, "term": true,
	"nickname": true, "christen": true, "pronounce": true, "judge": true, "adjudge": true, "deem": true,
	"declare": true, "consider": true}

// smallClause returns the object of a dub verb v and what v calls it
// ("the referee a liar"), however the parse hangs the second phrase: on
// the verb or on the object, as an object, an unmarked oblique or
// modifier, or, in quotation marks, an apposition ("called the whole
// board “cowards”"); nil if there is none. A phrase with a preposition,
// of time or set off by a comma is no name: "called the ambassador on
// Tuesday", "called the police an hour later".
func (a *attributor) smallClause(v int) []int {
	if !dubVerbs[a.lemma(v)] || a.segOf[v] >= 0 {
		return nil
	}
	x := -1
	for _, k := range a.kids[v] {
		switch a.base(k) {
		case text.Obj, text.Iobj, text.Xcomp:
			if k > v && a.segOf[k] < 0 && (a.tok(k).UPOS == text.NOUN || a.tok(k).UPOS == text.PROPN || a.tok(k).UPOS == text.PRON) {
				x = k
			}
		}
		if x >= 0 {
			break
		}
	}
	if x < 0 {
		return nil
	}
	obj := a.subtree(x, nil)
	pred := -1
	for _, k := range append(append([]int(nil), a.kids[v]...), obj...) {
		if k <= x || a.hasSubject(k) || a.childOf(k, text.Case) >= 0 || a.childOf(k, text.Mark) >= 0 {
			continue
		}
		if h := a.head(k); h != v && h != x && a.base(k) != text.Appos {
			continue
		}
		switch a.tok(k).UPOS {
		case text.NOUN, text.PROPN, text.ADJ:
		default:
			continue
		}
		d := a.tok(k).Dep.Universal()
		switch d.Base() {
		case text.Obj, text.Iobj, text.Xcomp:
		case text.Obl, text.Nmod:
			if d.Subtype() != "unmarked" {
				continue
			}
		case text.Appos:
			if a.segOf[k] < 0 {
				continue
			}
		default:
			continue
		}
		sub := a.subtree(k, nil)
		if first := sub[0]; first > 0 && a.form(first-1) == "," || timeWords[a.lemma(k)] || a.isDay(k) || a.later(k) {
			continue
		}
		pred = k
		break
	}
	if pred < 0 {
		return nil
	}
	toks := append(obj, a.subtree(pred, nil)...)
	sort.Ints(toks)
	return dedup(toks)
}

// later reports whether phrase k says when, by an adverb of time after a
// measure ("an hour later", "two days ago").
func (a *attributor) later(k int) bool {
	for _, c := range a.kids[k] {
		switch a.lemma(c) {
		case "later", "ago", "earlier", "before", "after":
			return true
		}
	}
	return false
}

// actAs are the verbs that choose or use something as something (Levin's
// 29.1 appoint verbs and the using verbs of 29.2): "used the hall as a
// “shelter”" is an act, whoever put the marks.
var actAs = map[string]bool{"use": true, "employ": true, "select": true, "choose": true, "appoint": true,
	"elect": true, "hire": true, "install": true, "nominate": true, "name": true, "pick": true, "adopt": true}

// quotedIn reports whether a quotation, scare quotes included, lies
// among toks.
func (a *attributor) quotedIn(toks []int) bool {
	for _, k := range toks {
		if a.segOf[k] >= 0 {
			return true
		}
		if r := []rune(a.form(k)); len(r) == 1 {
			if k, _ := mark(r[0]); k != notMark {
				return true
			}
		}
	}
	return false
}

// putIt attributes the clause that "as X put it" comments on to X: "The
// harbour, as one fisherman put it, is all the town has left." It
// reports whether it found one.
func (a *attributor) putIt(v int) bool {
	if a.segOf[v] >= 0 || a.tok(v).UPOS != text.VERB || a.lemma(v) != "put" ||
		v+1 >= len(a.doc.Tokens) || !strings.EqualFold(a.form(v+1), "it") || a.base(v+1) != text.Obj {
		return false
	}
	spk := a.subject(v)
	if spk < 0 || a.segOf[spk] >= 0 || firstOrSecond(a.form(spk)) {
		return false
	}
	if !a.hasMark(v, "as") {
		// "as" hung on the subject instead: "as one harbour pilot put it".
		sub := a.subtree(spk, nil)
		if s := sub[0]; s == 0 || !strings.EqualFold(a.form(s), "as") && !strings.EqualFold(a.form(s-1), "as") {
			return false
		}
	}
	own := map[int]bool{}
	var toks []int
	if h := a.head(v); h >= 0 {
		for _, k := range a.subtree(v, nil) {
			own[k] = true
		}
		for _, k := range a.subtree(h, nil) {
			if !own[k] {
				toks = append(toks, k)
			}
		}
	} else {
		// The parse made the comment the root: what it governs besides
		// its own words.
		for _, k := range a.kids[v] {
			switch a.base(k) {
			case text.Nsubj, text.Mark, text.Obj, text.Aux, text.Advmod, text.Punct:
				continue
			}
			toks = append(toks, a.subtree(k, nil)...)
		}
		sort.Ints(toks)
	}
	if a.wordsOutside(toks) < 2 && !a.hasSegment(toks) {
		return false
	}
	return a.add(v, spk, toks) != nil
}
