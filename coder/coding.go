package coder

import (
	"slices"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// thingOnly reports whether every target lies in the phrase of the
// pattern's noun n and names no actor of its own: "troops", "an envoy".
func (st *sent) thingOnly(targets []entity, n int) bool {
	if len(targets) == 0 {
		return true
	}
	for _, t := range targets {
		if t.head != n || !strings.HasPrefix(t.code, "---") {
			return false
		}
	}
	return true
}

// match is the outcome of matching one pattern at a verb.
type match struct {
	score    int
	source   int // token holding the source ($), or -1
	target   int // token holding the target (+), or -1
	subjTgt  bool
	compound bool // % before the verb: the compound subject acts on itself
	absorb   int  // a complement verb the pattern consumed ("agreed to hold talks"), or -1
	// noun is the object the pattern's first noun matched ("sent
	// troops": troops), or -1.
	noun int
}

// findVerb returns the dictionary verb for token v, preferring multi-word
// verbs whose other words are present ("broke down", "wire tapped").
func (st *sent) findVerb(v int) *dict.Verb {
	vd := st.c.d.Verbs
	if vd == nil {
		return nil
	}
	cands := vd.Lookup(st.key(v))
	if len(cands) == 0 && !strings.HasPrefix(st.key(v), st.lemma(v)) {
		// Irregular forms the dictionary does not list ("stood" for
		// STAND) are found by lemma. A regular-looking form that is not
		// indexed ("departes") is not a form of the verb.
		cands = vd.LookupLemma(st.lemma(v))
	}
	var best *dict.Verb
	bestN := -1
	for _, e := range cands {
		if !st.multiOK(v, e) {
			continue
		}
		if n := len(e.Before) + len(e.After); n > bestN {
			best, bestN = e, n
		}
	}
	return best
}

// multiOK checks the other words of a multi-word verb: words after the
// verb may be particles or the following tokens; words before it must
// immediately precede it.
func (st *sent) multiOK(v int, e *dict.Verb) bool {
	for j, w := range e.After {
		found := false
		if p := v + 1 + j; p < st.hi && st.key(p) == w {
			found = true
		}
		for _, k := range st.children(v) {
			if st.key(k) == w && k > v {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	for j := range e.Before {
		p := v - len(e.Before) + j
		if p < st.lo || st.key(p) != e.Before[j] {
			return false
		}
	}
	return true
}

// predicative reports whether v has an object and a nominal predicate
// about it ("calling it an important part", "consider them a threat"):
// the verb's bare code does not describe such uses.
func (st *sent) predicative(v int) bool {
	if len(st.childrenRel(v, text.Obj)) == 0 {
		return false
	}
	for _, k := range st.childrenRel(v, text.Xcomp) {
		switch st.tok(k).UPOS {
		case text.NOUN, text.ADJ, text.PROPN:
			return true
		}
	}
	return false
}

// namedAs reports whether v has an object and an oblique "as" a noun
// about it: "Biden announced Kamala Harris as his running mate" names
// Harris to a post; the statement is not addressed to her, nor about an
// act of hers. A description ("described Egypt as a partner") and a word
// of evaluation ("as a dictator") are left to the statement's own rules.
func (st *sent) namedAs(v int) bool {
	objs := st.childrenRel(v, text.Obj)
	if len(objs) == 0 || describeVerbs[st.lemma(v)] {
		return false
	}
	for _, k := range st.children(v) {
		if st.base(k) == text.Obl && k > objs[0] && st.caseWord(k) == "AS" && st.evaluation(k) == nil {
			switch st.tok(k).UPOS {
			case text.NOUN, text.PROPN:
				return true
			}
		}
	}
	return false
}

// wordIs reports whether token i is the pattern word w (a word or a
// synset name): by form or lemma.
func (st *sent) wordIs(i int, w string) bool {
	k, l := st.key(i), st.lemma(i)
	if w[0] == '&' {
		s := st.c.syn[w]
		return s.single[k] || s.single[l] || w == "&CURRENCY" && st.sumOfMoney(i)
	}
	return k == w || l == w
}

// sumOfMoney reports whether token i heads a sum of money written with a
// currency's sign, which the dictionary's &CURRENCY (DOLLAR, EURO ...)
// does not list: "$6.3 million" (the sign the head), "US$141 million"
// (the amount the head, the sign in its phrase). PROVIDE * &CURRENCY [071] then
// codes "provided $2 million in assistance to Fiji" as the economic aid
// it codes "provided 6.3 million euros" as.
func (st *sent) sumOfMoney(i int) bool {
	if moneySigns[st.key(i)] {
		return true
	}
	if st.tok(i).UPOS != text.NUM {
		return false
	}
	lo, _ := st.span(i, func(int) bool { return true })
	for k := lo; k < i; k++ {
		if moneySigns[st.key(k)] {
			return true
		}
	}
	return false
}

// nounIs reports whether the phrase headed by h matches head and mods.
func (st *sent) nounIs(h int, head string, mods []string) bool {
	return st.nounWords(h, head, mods) > 0
}

// nounWords matches a pattern noun phrase at head token h: the head word
// (or synset member) ends at h and the modifiers are the words right
// before it, in order ("{DIPLOMATIC TIES}" matches "full diplomatic ties",
// not "diplomatic and trade ties"). It returns how many words matched, 0
// for no match, so that longer synset members ("AUSTRIAN GOLD FLORIN")
// beat shorter ones.
func (st *sent) nounWords(h int, head string, mods []string) int {
	n, at := 0, h-1 // at: the token before the matched words
	if st.wordIs(h, head) {
		n = 1
	} else if parts := hyphenParts(head); parts != nil {
		if start, ok := st.wordsBefore(h, parts); ok {
			n, at = len(parts), start-1 // "SIT-IN", tokenized sit - in
		}
	} else if head[0] == '&' {
		for _, m := range st.c.syn[head].multi {
			if len(m) > n {
				if start, ok := st.wordsBefore(h, m); ok {
					n, at = len(m), start-1
				}
			}
		}
	}
	if n == 0 {
		return 0
	}
	if len(mods) == 0 {
		return n
	}
	// The last modifier is right before the head; earlier ones come
	// before it in order, with other words allowed between them ("{NEW
	// &TIETYPES RELATIONS}" matches "new global economic relations" but
	// not "new global economic trade relations"). at is the token that
	// must hold the last modifier.
	lo, _ := st.phraseSpan(h)
	// Coordinated modifiers count as one: "death and injury toll" has
	// DEATH right before TOLL.
	for at > lo && (st.base(at) == text.Cc || (st.base(at) == text.Conj && st.head(at) < at && st.head(at) >= lo)) {
		at--
	}
	for j := len(mods) - 1; j >= 0; j-- {
		for at >= lo && at >= st.lo && !st.wordIs(at, mods[j]) {
			if j == len(mods)-1 {
				return 0
			}
			at--
		}
		if at < lo || at < st.lo {
			return 0
		}
		at--
	}
	return n + len(mods)
}

// wordsBefore reports whether words (the last one standing for token end
// itself, or "" for nothing) are the consecutive tokens ending at end, a
// hyphen allowed between two of them ("cease-fire" is tokenized cease -
// fire), and returns the first one's token.
func (st *sent) wordsBefore(end int, words []string) (int, bool) {
	i := end
	for j := len(words) - 1; j >= 0; j-- {
		if j < len(words)-1 {
			i--
			if i >= st.lo && st.key(i) == "-" {
				i-- // "cease-fire", tokenized cease - fire, is CEASE_FIRE
			}
		}
		if i < st.lo {
			return 0, false
		}
		if words[j] != "" && !st.wordIs(i, words[j]) {
			return 0, false
		}
	}
	return i, true
}

// phraseHas reports whether a word of k's noun phrase is w (an open
// match for the noun of a prepositional pattern: "(ON &TIETYPES)" matches
// "on economic issues").
func (st *sent) phraseHas(k int, w string) bool {
	lo, hi := st.phraseSpan(k)
	for i := lo; i <= hi; i++ {
		if st.wordIs(i, w) {
			return true
		}
	}
	return false
}

// matchPattern tries pattern p at verb v. Words before the * are looked
// for in the subject phrase and the auxiliaries ("% HAVE *", "{DEATH TOLL}
// *"); words after it in the verb's objects, particles, adverbs and
// complements, and in the objects of an infinitival complement ("vowed to
// wage war" matches VOW * WAR); (PREP NP) in its prepositional phrases.
// $, + and ^ after the verb take the next phrase after what the pattern
// matched so far: the source, the target, or nothing.
func (st *sent) matchPattern(v int, p *dict.Pattern, vc *verbCtx) (match, bool) {
	m := match{source: -1, target: -1, absorb: -1, noun: -1}
	if !st.mayMatch(p) {
		return m, false
	}
	kids, subj, objs, phrases := vc.kids, vc.subj, vc.objs, vc.phrases
	for _, e := range p.Pre {
		switch e.Kind {
		case dict.ElemSource:
			if subj < 0 {
				return m, false
			}
			m.source = subj
		case dict.ElemTarget:
			m.subjTgt = true
		case dict.ElemCompound:
			if subj < 0 || len(st.childrenRel(subj, text.Conj)) == 0 {
				return m, false
			}
			m.compound = true
			m.score++
		case dict.ElemSkip:
		case dict.ElemNoun:
			ok := false
			if subj >= 0 && st.nounIs(subj, e.Head, e.Mods) {
				ok = true
			}
			for _, k := range kids {
				if ok {
					break
				}
				if k < v && len(e.Mods) == 0 && st.rel(k).Base() == text.Aux && st.wordIs(k, e.Head) {
					ok = true
				}
			}
			if !ok {
				return m, false
			}
			m.score += 1 + len(e.Mods)
		case dict.ElemPrep:
			k := st.findPrep(v, e, true)
			if k < 0 {
				return m, false
			}
			st.applyRole(&m, k, e)
			m.score += 1 + nounScore(e)
		}
	}
	last := v // the last token the pattern matched
	next := func() int {
		best := -1
		for _, k := range phrases {
			if k > last && (best < 0 || k < best) {
				best = k
			}
		}
		// A prepositional phrase on the last matched noun ("money from
		// Osgiliath") comes before the verb's later phrases.
		if last != v {
			for _, k := range st.children(last) {
				if k > last && st.rel(k).IsObliqueLike() && st.rel(k) != text.NmodPoss && (best < 0 || k < best) {
					best = k
				}
			}
		}
		return best
	}
	for _, e := range p.Post {
		switch e.Kind {
		case dict.ElemSource, dict.ElemTarget, dict.ElemSkip:
			k := next()
			if k < 0 {
				if e.Kind == dict.ElemSkip {
					continue
				}
				return m, false
			}
			switch e.Kind {
			case dict.ElemSource:
				m.source = k
			case dict.ElemTarget:
				m.target = k
			}
			if e.Kind == dict.ElemSkip {
				last = k // ^ skips a noun; its own modifiers come next
			} else {
				last = st.lastOf(k)
			}
		case dict.ElemCompound:
			m.score++
		case dict.ElemNoun:
			ok := false
			for _, k := range objs {
				if n := st.nounWords(k, e.Head, e.Mods); (k > v || k == vc.theme) && n > 0 {
					ok = true
					if k > v {
						last = k
					}
					if m.noun < 0 {
						m.noun = k
					}
					m.score += n
					if k == vc.groupOf {
						m.score++
					}
					if h := st.head(k); h != v && st.rel(k).IsObject() {
						m.absorb = h
					}
					break
				}
			}
			if !ok {
				return m, false
			}
		case dict.ElemPrep:
			k := st.findPrep(v, e, false)
			if k < 0 {
				return m, false
			}
			if e.Head == "" && m.noun < 0 && st.head(k) != v {
				// A bare preposition right after the verb is the verb's
				// own phrase: "returned the frogs from the Amazon to
				// Brazil" is no "returned (FROM)", a visit.
				return m, false
			}
			if e.Head == "" && e.Prep == "TO" && st.infinitive(k) && !actComplement(p.Code.Event) {
				// A bare "(TO)" names where something goes (a visit, an
				// export, aid sent); an infinitive is an act, which
				// only appeals, intents, demands, refusals and threats
				// take: "ordered his staff to delay military aid" is
				// no visit.
				return m, false
			}
			if h := st.head(k); h != v && st.tok(h).UPOS == text.VERB && st.rel(k).IsObject() {
				m.absorb = h
			}
			st.applyRole(&m, k, e)
			switch {
			case e.HasRole && e.Role == dict.ElemSkip:
				last = st.lastOf(k)
			case !e.HasRole && e.Head == "":
				// A bare (AT): its noun is still to come, for ^ $ +.
				if c := st.caseTok(k); c >= 0 && c > last {
					last = c
				}
			case k > last:
				last = k
			}
			m.score += 1 + nounScore(e)
		}
	}
	return m, true
}

// mayMatch is a quick filter: every literal word of p must occur in the
// sentence (as a form or a lemma). Large blocks (SAY has hundreds of
// patterns) mostly fail here.
func (st *sent) mayMatch(p *dict.Pattern) bool {
	if st.vocab == nil {
		st.vocab = make(map[string]bool, 2*(st.hi-st.lo))
		for i := st.lo; i < st.hi; i++ {
			st.vocab[st.key(i)] = true
			st.vocab[st.lemma(i)] = true
			if i >= st.lo+2 && st.key(i-1) == "-" {
				// "counter - attacks", a hyphenated word the tokenizer
				// split: COUNTER-ATTACK (nounWords matches it the same way).
				st.vocab[st.key(i-2)+"-"+st.key(i)] = true
				st.vocab[st.key(i-2)+"-"+st.lemma(i)] = true
			}
		}
	}
	for _, es := range [2][]dict.Elem{p.Pre, p.Post} {
		for _, e := range es {
			if e.Head != "" && e.Head[0] != '&' && !st.vocab[e.Head] {
				return false
			}
			if e.Prep != "" && !st.vocab[e.Prep] {
				return false
			}
			for _, w := range e.Mods {
				if w[0] != '&' && !st.vocab[w] {
					return false
				}
			}
		}
	}
	return true
}

// verbCtx is what every pattern of a verb looks at, computed once per
// verb.
type verbCtx struct {
	kids    []int
	subj    int   // the subject, or -1
	objs    []int // candidates for post-verb nouns
	phrases []int // noun and prepositional phrases after the verb, for $ + ^
	// theme is the subject of a passive without a by-agent, which the
	// pattern's object nouns may match ("police were dispatched": *
	// &MILITARY), or -1.
	theme int
	// groupOf is the of-phrase of a group or an amount in the objects
	// ("hundreds of troops"), or -1: a pattern noun it matches says more
	// than one the group's own noun matches ("a team of paratroopers" is
	// SEND * &MILITARY, not SEND * TEAM).
	groupOf int
}

func (st *sent) newVerbCtx(v int) *verbCtx {
	vc := &verbCtx{kids: st.children(v), subj: -1, theme: -1, groupOf: -1}
	for _, k := range vc.kids {
		if st.rel(k).IsSubject() {
			vc.subj = k
			break
		}
	}
	vc.objs = st.childrenRel(v, text.Obj, text.Iobj, text.Xcomp, text.Advmod, text.Compound)
	for _, o := range st.childrenRel(v, text.Obj) {
		vc.objs = append(vc.objs, st.childrenRel(o, text.Conj)...) // "a bombing and shelling offensive"
	}
	for _, o := range vc.objs {
		if st.rel(o) != text.Obj && st.rel(o) != text.Conj {
			continue
		}
		if groups[st.lemma(o)] {
			// "sent hundreds of troops", "a contingent of police", "tons
			// of aid": the pattern's noun is what the group or amount is
			// of (SEND * &MILITARY), as it is of "200 troops".
			for _, n := range st.childrenRel(o, text.Nmod) {
				if st.caseWord(n) == "OF" {
					vc.objs = append(vc.objs, n)
					if vc.groupOf < 0 {
						vc.groupOf = n
					}
				}
			}
		}
		if partitives[st.lemma(o)] || spans[st.lemma(o)] {
			// "suspended part of a military aid program", "some of
			// its aid": the pattern's noun is the whole's. So is the
			// act a span of time is of: "declared seven days of
			// national mourning" is DECLARE * MOURNING.
			for _, n := range st.childrenRel(o, text.Nmod) {
				if st.caseWord(n) == "OF" {
					vc.objs = append(vc.objs, n)
				}
			}
			if spans[st.lemma(o)] {
				// "eased curfew hours": the act the span is of may be
				// a compound on it too.
				for _, n := range st.childrenRel(o, text.Compound) {
					if st.tok(n).UPOS == text.NOUN {
						vc.objs = append(vc.objs, n)
					}
				}
			}
		}
	}
	for _, x := range st.childrenRel(v, text.Xcomp, text.Advcl) {
		if st.caseWord(x) == "TO" {
			vc.objs = append(vc.objs, st.childrenRel(x, text.Obj)...)
		}
	}
	for _, k := range vc.kids {
		if k > v && (st.rel(k).IsObject() || st.base(k) == text.Iobj || (st.rel(k).IsObliqueLike() && st.rel(k) != text.NmodPoss)) {
			vc.phrases = append(vc.phrases, k)
		}
	}
	if st.isPassive(v) {
		for _, k := range vc.kids {
			if st.rel(k).IsPassiveSubject() {
				if st.byAgent(v) >= 0 {
					// With a by-agent the passive subject is still what
					// the verb is done to, so a pattern's object noun may
					// name it: "a naval coalition ... which was joined by
					// Australia" is JOIN * COALITION. A relative pronoun
					// stands for the noun its clause modifies.
					if st.tok(k).UPOS == text.PRON && st.rel(v) == text.AclRelcl {
						k = st.head(v)
					}
				}
				vc.theme = k
				vc.objs = append(vc.objs, k)
				break
			}
		}
	}
	return vc
}

// partitives head a phrase that names a part of what its of-phrase names:
// "part of the aid", "some of its troops", "half of the prisoners".
var partitives = map[string]bool{"PART": true, "SOME": true, "MOST": true, "ALL": true, "MUCH": true,
	"HALF": true, "PORTION": true, "REST": true, "BULK": true, "MAJORITY": true, "MANY": true, "SEVERAL": true,
	"NONE": true, "ANY": true, "EACH": true}

// groups are the nouns of a number, an amount or a group of things or
// people that an of-phrase names: "hundreds of troops", "a contingent of
// peacekeepers", "tons of food aid".
var groups = map[string]bool{"HUNDRED": true, "THOUSAND": true, "DOZEN": true, "MILLION": true,
	"COUPLE": true, "GROUP": true, "TEAM": true, "CONTINGENT": true, "BATCH": true, "UNIT": true,
	"SQUAD": true, "DETACHMENT": true, "WAVE": true, "TON": true, "TONNE": true, "SHIPMENT": true,
	"CONSIGNMENT": true, "CONVOY": true, "PLANELOAD": true, "TRUCKLOAD": true, "SUPPLY": true}

// spans are the nouns of a span of time that an of-phrase fills with an
// act: "three days of mourning", "a week of protests", "a minute of
// silence".
var spans = map[string]bool{"DAY": true, "WEEK": true, "MONTH": true, "HOUR": true, "MINUTE": true,
	"PERIOD": true, "YEAR": true}

// caseTok returns the preposition (case or mark) token of k, or -1.
func (st *sent) caseTok(k int) int {
	for _, c := range st.children(k) {
		if b := st.base(c); (b == text.Case || b == text.Mark) && c < k {
			return c
		}
	}
	return -1
}

// lastOf returns the last token of k's subtree.
func (st *sent) lastOf(k int) int {
	_, mx := st.span(k, func(int) bool { return true })
	return mx
}

func nounScore(e dict.Elem) int {
	if e.Head == "" {
		return 0
	}
	return 1 + len(e.Mods)
}

func (st *sent) applyRole(m *match, k int, e dict.Elem) {
	if !e.HasRole {
		return
	}
	switch e.Role {
	case dict.ElemSource:
		m.source = k
	case dict.ElemTarget:
		m.target = k
	}
}

// infinitive reports whether clause k is a to-infinitive: its "to" is a
// particle, not a preposition.
func (st *sent) infinitive(k int) bool {
	c := st.caseTok(k)
	return c >= 0 && st.tok(c).UPOS == text.PART && st.key(c) == "TO"
}

// timeNouns head the phrases of time ("on Tuesday", "in March", "for
// years"), which no pattern's preposition names.
var timeNouns = map[string]bool{"MONDAY": true, "TUESDAY": true, "WEDNESDAY": true, "THURSDAY": true,
	"FRIDAY": true, "SATURDAY": true, "SUNDAY": true, "JANUARY": true, "FEBRUARY": true, "MARCH": true,
	"APRIL": true, "MAY": true, "JUNE": true, "JULY": true, "AUGUST": true, "SEPTEMBER": true,
	"OCTOBER": true, "NOVEMBER": true, "DECEMBER": true, "DAY": true, "WEEK": true, "MONTH": true,
	"YEAR": true, "MORNING": true, "AFTERNOON": true, "EVENING": true, "NIGHT": true, "WEEKEND": true,
	"TODAY": true, "YESTERDAY": true, "TOMORROW": true}

// actComplement reports whether an event code is one whose verb takes
// the act it is about as an infinitive: the codes of irrealisCode
// (appeals, intents, demands, refusals, threats), and the code-less
// patterns that leave the infinitive to be coded on its own.
func actComplement(code string) bool {
	return len(code) < 2 || irrealisCode(code)
}

// findPrep finds a prepositional phrase (or particle, or "to"-clause)
// of v, or of v's objects, that matches e; before selects phrases before
// the verb. It returns the phrase's head, or -1.
func (st *sent) findPrep(v int, e dict.Elem, before bool) int {
	heads := []int{v}
	if !before {
		heads = append(heads, st.childrenRel(v, text.Obj)...)
	}
	for _, h := range heads {
		for _, k := range st.children(h) {
			if (k < v) != before {
				continue
			}
			r := st.rel(k)
			switch r.Base() {
			case text.Obl, text.Nmod, text.Advcl, text.Xcomp, text.Acl, text.Ccomp:
				if r == text.NmodPoss || st.caseWord(k) != e.Prep {
					continue
				}
				if timeNouns[st.lemma(k)] {
					// "called the minister on Tuesday": a date is no
					// "(ON)" of "called on X to ...".
					continue
				}
				if e.Head == "" && h != v && st.infinitive(k) {
					// A bare preposition on the verb's object names a
					// prepositional phrase, not the object noun's own
					// to-infinitive: "dismissed an appeal from Turkey to
					// leave Syria" is no "(TO)" of the export pattern.
					// The verb's own infinitive still is ("encouraged
					// Germany to restrict", verbs.news.txt).
					continue
				}
				if e.Head == "" || st.nounIs(k, e.Head, e.Mods) || (len(e.Mods) == 0 && st.phraseHas(k, e.Head)) {
					return k
				}
				if st.tok(k).UPOS == text.VERB {
					// "agreed to hold talks": (TO TALKS) names the
					// infinitive's object.
					for _, o := range st.childrenRel(k, text.Obj) {
						if st.nounIs(o, e.Head, e.Mods) {
							return o
						}
					}
				}
			case text.Compound, text.Advmod:
				if e.Head == "" && st.key(k) == e.Prep {
					return k
				}
			}
		}
	}
	return -1
}

// transform applies the verb dictionary's "~" rules: an upper verb whose
// complement holds a coded lower verb becomes another event. "Russia said
// Turkey attacked Syria" makes the statement an accusation, RUS 112 TUR
// (~ a (b . ATTACK) SAY = a b 112); the lower event stays. The rule's
// event replaces the upper verb's own events.
func (st *sent) transform(frames []*frame) {
	rules := st.c.rules
	if len(rules) == 0 || len(frames) < 2 {
		return
	}
	byPred := make(map[int]*frame, len(frames))
	for _, f := range frames {
		if f.kind == verbFrame && f.as.mode != negated {
			byPred[f.pred] = f
		}
	}
	for _, up := range frames {
		if byPred[up.pred] != up {
			continue
		}
		for _, c := range st.children(up.pred) {
			switch st.base(c) {
			case text.Ccomp, text.Xcomp, text.Advcl:
			default:
				continue
			}
			low, ok := byPred[c]
			if !ok || low.sense.Event == "" {
				continue
			}
			for _, r := range rules {
				if st.applyRule(r, up, low) {
					break
				}
			}
		}
	}
}

// rule is a transformation with its verbs resolved to codes.
type rule struct {
	dict.Transformation
	verb, lower string // codes; lower "" for Q
}

// verbFrames indexes the verb frames of frames by their predicate.
func verbFrames(frames []*frame) map[int]*frame {
	byPred := make(map[int]*frame, len(frames))
	for _, f := range frames {
		if f.kind == verbFrame {
			byPred[f.pred] = f
		}
	}
	return byPred
}

// refusalVerbs refuse what their infinitive names.
var refusalVerbs = map[string]bool{"REFUSE": true, "DECLINE": true}

// refusals codes a refusal by what is refused, where CAMEO's rejection
// family names it: refusing to lift a ban (081) is 1241 (refuse to ease
// administrative sanctions), to ease sanctions (085) 1244, to cooperate
// materially (060) 121, to de-escalate (087) 1246: the negation of the
// infinitive's act, where the ontology has an exact opposite
// (negation.go's table), from the refusing
// verb's source to the infinitive's target. "Ankara still refuses to lift
// the ban on Cypriot ships" was the generic 120 Reject. Other refusals
// keep the refusing verb's own code.
func (st *sent) refusals(frames []*frame) {
	byPred := verbFrames(frames)
	for _, up := range frames {
		if up.kind != verbFrame || up.rule != nil || up.as.mode != asserted || !refusalVerbs[st.lemma(up.pred)] ||
			len(up.sources) != 1 || up.sources[0].null() {
			continue
		}
		for _, c := range st.childrenRel(up.pred, text.Xcomp) {
			low, ok := byPred[c]
			if !ok {
				continue
			}
			tgt := entity{}
			switch {
			case len(low.targets) == 1 && !low.targets[0].null():
				tgt = low.targets[0]
			case len(low.targets) == 0 && yielding(low.sense.Event) && st.c.opts.Modality == ModalityNews:
				// "Maduro refused to resign": a resignation yields to the
				// source's own state (ownState), and refusing it refuses
				// that state.
				own, ok := st.ownState(up)
				if !ok {
					continue
				}
				tgt = own
			default:
				continue
			}
			code, ok := opposite[low.sense.Event]
			if !ok || strings.HasPrefix(code, "0") {
				continue // refusing to reject is no cooperation
			}
			up.rule = &ruleEvent{code: code, src: up.sources[0], tgt: tgt,
				pattern: low.pattern + " (refused: " + code + ")"}
			up.coding = "refusing to " + strings.ToLower(st.key(c)) + " (" + low.sense.Event + ") is " + code + ", its opposite"
			break
		}
	}
}

// ruleEvent is the event a transformation makes of an upper frame.
type ruleEvent struct {
	code     string
	src, tgt entity
	pattern  string
}

// sameSide reports whether actor codes a and b are one actor or one is
// part of the other (AFGREB and AFGREBMED, its spokesman; RUS and
// RUSGOV). A state's groups that are not its organs are not the state's
// side: "Syria said Syrian rebels attacked" accuses them (SYR, SYRREB).
func sameSide(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 3 || a[:3] == "---" || !strings.HasPrefix(b, a) {
		return false
	}
	if len(a) > 3 {
		return true
	}
	for i := 3; i+3 <= len(b); i += 3 {
		if stateAgents[b[i:i+3]] {
			return true // RUSGOV, NZLELIGOV: the state's own
		}
	}
	return false
}

// codeFamily reports whether code matches a rule's verb code: the same
// code, or any code of the family when the rule's code ends in 0 (190 for
// every 19x).
func codeFamily(rule, code string) bool {
	if rule == code {
		return true
	}
	return len(rule) == 3 && rule[2] == '0' && len(code) >= 3 && code[:2] == rule[:2]
}

func (st *sent) applyRule(r rule, up, low *frame) bool {
	if !codeFamily(r.verb, up.sense.Event) || (r.lower != "" && !codeFamily(r.lower, low.sense.Event)) {
		return false
	}
	if len(up.sources) != 1 || up.sources[0].null() {
		return false
	}
	vars := map[string]entity{r.Source: up.sources[0]}
	bind := func(v string, es []entity, own bool) bool {
		switch v {
		case "_":
			return !own
		case ".":
			return len(es) == 1 && !es[0].null()
		}
		if len(es) != 1 || es[0].null() {
			return false
		}
		if b, ok := vars[v]; ok {
			// The same letter: the same actor, or one of its own ("the
			// Taliban's spokesman said the group attacked").
			return sameSide(b.code, es[0].code)
		}
		for _, b := range vars {
			if sameSide(b.code, es[0].code) {
				// A different letter is a different actor: not the same
				// one, nor one of its own ("a spokesman for the Taliban
				// said the group attacked" claims the attack, accuses no
				// one).
				return false
			}
		}
		vars[v] = es[0]
		return true
	}
	if !bind(r.LowerSource, low.sources, low.own) {
		return false
	}
	if !bind(r.LowerTarget, low.targets, true) {
		return false
	}
	src, ok1 := vars[r.ResultSource]
	tgt, ok2 := vars[r.ResultTarget]
	if !ok1 || !ok2 {
		return false
	}
	code := r.ResultCode
	if _, modal := st.modal(low.pred); strings.HasPrefix(code, "015") && (low.as.mode == intended || modal) {
		// One claims responsibility for what was done, not for what one
		// says one will do or would have done: "Turkey's president says
		// it will begin a military operation" is the threat alone.
		return false
	}
	if code == "Q" {
		// The lower act as coded: "said they will release him" is the
		// intent to release (0353), not a release.
		code = low.code.Event
		if code == "" {
			return false
		}
	}
	up.rule = &ruleEvent{code: code, src: src, tgt: tgt, pattern: r.File + ":" + strconv.Itoa(r.Line) + " " + r.Text}
	up.coding = "transformation with the complement " + strconv.Quote(st.key(low.pred)) + ": " + r.Text
	return true
}

// codeFrame gives f the code of its events from its sense and its
// assertion: the sense when asserted, the opposite code when negated (where
// the ontology has one), none otherwise.
func (st *sent) codeFrame(f *frame) {
	switch f.as.mode {
	case asserted:
		f.code = f.sense
		if c, ok := st.obligation(f); ok {
			f.code = dict.Code{Event: c}
			f.coding = "a statement of what another must or should do is a demand (10) or an appeal (02)"
		}
		if c, ok := st.characterization(f); ok {
			f.code = c
			f.coding = "calling something a name (call X Y) is no telephone call: praise or blame by the name's own code, else nothing"
		}
		if c, ok := st.ownOutlook(f); ok {
			f.code = dict.Code{Event: c}
			f.outlook = true
			f.coding = "a statement of the speaker's own pessimism or optimism (\"said it is skeptical\", \"said they hoped\") is a pessimistic (012) or optimistic (013) comment"
		}
		if st.accusation(f) {
			f.code = dict.Code{Event: "112"}
			f.coding = "a statement that another is responsible for, behind or the perpetrator of an act is an accusation (112)"
		} else if c, ok := st.reportedEvaluation(f); ok {
			f.code = c
			f.coding = "a statement that another is a hero or a dictator is praise or blame, by the word's code"
		}
		if st.militaryCooperation(f) {
			// Cooperating with someone is a mutual act: each side
			// cooperates with the other, as CAMEO codes military
			// cooperation (joint exercises, training) and the gold
			// codes it.
			f.code = dict.Code{Event: "062", Reverse: "062"}
			f.coding = "cooperation with a state's armed forces is military cooperation (062) each way, not " + f.sense.Event
		}
		if st.commitment(f) {
			f.code = dict.Code{Event: "030"}
			f.coding = "agreeing to do something is a commitment: an expressed intent to cooperate (030), not " + f.sense.Event
		}
		if st.electionContest(f) {
			f.code = dict.Code{}
			f.coding = "one politician or party defeating another of the same state wins a vote or an election: no force (" + f.sense.Event + ")"
		}
	case negated:
		if c, ok := negate(st.c.opts.Negation, f.sense); ok {
			f.code = c
			f.pattern += " (negated)"
			f.coding = "negated: the opposite code"
		} else {
			f.coding = "negated, and no opposite code to give"
		}
	case intended:
		if c, ok := intentCode(f.sense.Event); ok {
			f.code = dict.Code{Event: c}
			if c != f.sense.Event {
				f.coding = "intended: " + f.sense.Event + " becomes " + c
			} else {
				f.code.Reverse = f.sense.Reverse // "will be hosting": 036 both ways
			}
		} else {
			f.coding = "intended: a statement not yet made"
		}
	default:
		f.coding = "not coded: " + f.as.mode.String()
	}
}

// militaryCooperation reports whether f, coded as diplomatic cooperation
// (050) by a verb or a noun of cooperating, is done with armed forces:
// "Iran has increased cooperation in the last few years with the navies
// of China, India, Oman, Pakistan, and Russia" is 062 Cooperate
// militarily, as CAMEO defines it and the real-news gold codes it, not
// 050. Every target must be military (MIL): cooperation of a state with
// another state stays 050.
func (st *sent) militaryCooperation(f *frame) bool {
	if f.sense.Event != "050" || len(f.targets) == 0 {
		return false
	}
	switch {
	case f.kind == verbFrame && (st.lemma(f.pred) == "COOPERATE" || st.lemma(f.pred) == "COLLABORATE"):
	case f.best != nil && f.m.noun >= 0 && st.lemma(f.m.noun) == "COOPERATION":
	default:
		return false
	}
	for _, t := range f.targets {
		if len(t.code) < 6 || t.code[3:6] != "MIL" {
			return false
		}
	}
	return true
}

// electionContest reports whether f, a defeat (DEFEAT, BEAT) coded as
// force or assault, is one politician or party of a state defeating
// another of the same state: "in 2008, Hagan defeated incumbent Republican
// US Senator Elizabeth Dole" won an election, as "Biden defeated Trump"
// and "Johnson beat Hunt" for a party's leadership. The dictionary's
// election patterns (DEFEAT * INCUMBENT, * (IN &POLLS)) need the election
// named in the words; the actors' roles (politicalRoles, and the
// opposition) name it as well. Forces, rebels and states defeated stay
// force.
func (st *sent) electionContest(f *frame) bool {
	if f.kind != verbFrame || len(f.sources) == 0 || len(f.targets) == 0 {
		return false
	}
	if c := f.code.Event; !strings.HasPrefix(c, "18") && !strings.HasPrefix(c, "19") {
		return false
	}
	if l := st.lemma(f.pred); l != "DEFEAT" && l != "BEAT" {
		return false
	}
	country := ""
	for _, e := range slices.Concat(f.sources, f.targets) {
		if len(e.code) < 6 || !(politicalRoles[e.code[3:6]] || e.code[3:6] == "OPP") || (country != "" && e.code[:3] != country) {
			return false
		}
		country = e.code[:3]
	}
	return true
}

// obligation reports the code of a statement (01, with no pattern) whose
// reported clause says what its subject, another actor, must or should
// do: "the Red Cross said US forces must ensure security" demands (100),
// "should" appeals (020).
func (st *sent) obligation(f *frame) (string, bool) {
	if f.kind != verbFrame || f.best != nil || !strings.HasPrefix(f.sense.Event, "01") || len(f.targets) == 0 {
		return "", false
	}
	for _, k := range st.childrenRel(f.pred, text.Ccomp) {
		m, ok := st.modal(k)
		if !ok {
			continue
		}
		code := ""
		switch m {
		case "MUST":
			code = "100"
		case "SHOULD":
			code = "020"
		default:
			continue
		}
		// The clause's subject must be the statement's target.
		for _, s := range st.children(k) {
			if st.rel(s).IsSubject() {
				for _, t := range f.targets {
					if t.head == s || (t.span.Start >= st.tok(s).Start && t.span.End <= st.tok(st.lastOf(s)).End) {
						return code, true
					}
				}
			}
		}
	}
	return "", false
}

// characterization reports the code of "X called Y Z" (CALL with an
// object and a second noun or adjective that names it: "Pelosi called
// Trump's conduct a breach of his responsibilities", "Iran called the
// sanctions illegal"), Levin's verbs of dubbing (29.3), which CALL's
// telephone code (041) misreads: the evaluation's code when the name is a
// word of praise or blame ("called him a hero", "a dictator"), else none.
// A matched pattern keeps its code ("called on", "called for").
func (st *sent) characterization(f *frame) (dict.Code, bool) {
	if f.kind != verbFrame || f.best != nil && !describeVerbs[st.lemma(f.pred)] {
		return dict.Code{}, false
	}
	if describeVerbs[st.lemma(f.pred)] {
		// "Trump described Cuba as a dictatorship": a description of
		// the object as a word of evaluation is praise or blame by
		// that word's code; any other description stays the verb's
		// (a statement).
		if len(st.childrenRel(f.pred, text.Obj)) == 0 {
			return dict.Code{}, false
		}
		for _, k := range st.children(f.pred) {
			if !(st.rel(k).IsObliqueLike() || st.base(k) == text.Xcomp) || st.caseWord(k) != "AS" {
				continue
			}
			if e := st.evaluation(k); e != nil {
				return st.judged(f, e.Code)
			}
			for _, a := range st.childrenRel(k, text.Amod, text.Compound) {
				if e := st.evaluation(a); e != nil {
					return st.judged(f, e.Code) // "as a "dastardly act""
				}
			}
		}
		return dict.Code{}, false
	}
	if st.lemma(f.pred) != "CALL" {
		return dict.Code{}, false
	}
	objs, pred := 0, -1
	for _, k := range st.children(f.pred) {
		switch r := st.rel(k); {
		case r.IsObject() || r.Base() == text.Iobj:
			objs++
			if objs == 2 {
				pred = k // "called Assad a terrorist": the second object names the first
			}
		case r.Base() == text.Xcomp && (st.tok(k).UPOS == text.ADJ || st.tok(k).UPOS == text.NOUN):
			pred = k
		case unmarked(r) && r.Subtype() != "tmod" && st.tok(k).UPOS == text.NOUN && !timeNouns[st.lemma(k)] && objs > 0 && pred < 0:
			// "called Britain's ambassador to the United States a very
			// stupid guy", parsed with the name an unmarked oblique.
			pred = k
		}
	}
	if pred < 0 || objs == 0 {
		return dict.Code{}, false
	}
	if e := st.evaluation(pred); e != nil {
		return st.judged(f, e.Code)
	}
	for _, a := range st.childrenRel(pred, text.Amod, text.Compound) {
		if e := st.evaluation(a); e != nil {
			return st.judged(f, e.Code) // "a very stupid guy"
		}
	}
	return dict.Code{}, true
}

// judged gives the code of an evaluation of f's object, unless the
// object is a thing done to the actor that owns it: "Trump called Stone's
// 40 month sentence "unjust"" blames whoever sentenced Stone, whom the
// sentence does not name, not Stone. Such an evaluation codes nothing.
func (st *sent) judged(f *frame, c dict.Code) (dict.Code, bool) {
	for _, o := range st.childrenRel(f.pred, text.Obj) {
		if !patientNouns[st.lemma(o)] {
			continue
		}
		for _, k := range st.children(o) {
			if st.rel(k) == text.NmodPoss || st.base(k) == text.Nmod && st.caseWord(k) == "OF" {
				return dict.Code{}, true
			}
		}
	}
	return c, true
}

// patientNouns name what is done to the actor that owns them ("Stone's
// sentence", "the arrest of Navalny").
var patientNouns = map[string]bool{"SENTENCE": true, "CONVICTION": true, "ARREST": true, "DETENTION": true,
	"IMPRISONMENT": true, "JAILING": true, "TREATMENT": true, "TRIAL": true, "PROSECUTION": true,
	"PUNISHMENT": true, "EXECUTION": true, "DISMISSAL": true, "FIRING": true, "REMOVAL": true, "DEATH": true,
	"KILLING": true, "MURDER": true, "EXPULSION": true, "DEPORTATION": true, "EXTRADITION": true,
	"INDICTMENT": true, "IMPEACHMENT": true, "PERSECUTION": true, "POISONING": true, "ASSASSINATION": true,
	"TORTURE": true, "OUSTER": true, "OVERTHROW": true}

// describeVerbs describe their object as something ("described Cuba as a
// dictatorship", "labelled them as terrorists").
var describeVerbs = map[string]bool{"DESCRIBE": true, "CHARACTERIZE": true, "CHARACTERISE": true, "LABEL": true,
	"BRAND": true, "TERM": true, "DUB": true, "PORTRAY": true, "DEPICT": true}

// blamePredicates are the predicates of a reported clause that lay an act on
// its subject: "said the Abu Sayyaf Group are the suspected
// perpetrators", "said Iran was responsible for the attack".
var blamePredicates = map[string]bool{"RESPONSIBLE": true, "PERPETRATOR": true, "CULPRIT": true,
	"MASTERMIND": true, "GUILTY": true, "ORCHESTRATOR": true}

// accusation reports whether f, a statement (01, with no pattern), reports
// that its target is responsible for, behind or the perpetrator of
// something: CAMEO's accusation (112), not a neutral statement. The
// reported clause is copular with a blame predicate ("are the
// perpetrators", "was responsible for") or "behind" ("is behind the
// attack"), and its subject is the statement's target.
func (st *sent) accusation(f *frame) bool {
	_, ok := st.reportedPredicate(f, func(k int) (dict.Code, bool) {
		if blamePredicates[st.lemma(k)] {
			return dict.Code{Event: "112"}, true
		}
		for _, c := range st.children(k) {
			if st.base(c) == text.Case && st.key(c) == "BEHIND" {
				return dict.Code{Event: "112"}, true
			}
		}
		return dict.Code{}, false
	})
	return ok
}

// reportedEvaluation reports the code of a statement (01, no pattern)
// whose reported clause calls its target by a word of evaluation
// (evaluation.go): "Bumhira said Mugabe was a dictator" is blame (111),
// "said he was a hero" praise (051), as the same words in quotation
// marks are. Negated, it stays a statement.
func (st *sent) reportedEvaluation(f *frame) (dict.Code, bool) {
	return st.reportedPredicate(f, func(k int) (dict.Code, bool) {
		if e := st.evaluation(k); e != nil {
			return e.Code, true
		}
		return dict.Code{}, false
	})
}

// Outlooks. "The Government Accountability Office said it is skeptical
// the program would meet the deadline", "UN officials said they hoped
// more countries would make commitments": a statement whose reported
// clause gives the speaker's own outlook, pessimistic or optimistic, is
// CAMEO's pessimistic (012) or optimistic (013) comment, made before no
// one in particular.

// pessimisms and optimisms are the predicates of an outlook.
var (
	pessimisms = map[string]bool{"SKEPTICAL": true, "SCEPTICAL": true, "PESSIMISTIC": true, "DOUBTFUL": true,
		"WORRIED": true, "CONCERNED": true, "APPREHENSIVE": true, "FEARFUL": true, "WARY": true}
	optimisms = map[string]bool{"OPTIMISTIC": true, "HOPEFUL": true, "CONFIDENT": true}
)

// speakerPronouns refer back to a statement's speaker in its reported
// clause ("X said it is skeptical").
var speakerPronouns = map[string]bool{"I": true, "WE": true, "HE": true, "SHE": true, "IT": true, "THEY": true}

// ownOutlook gives the code of a statement f (01, with no pattern, no
// target) whose reported clause, not negated, has a pronoun subject and
// an outlook for its predicate: an adjective of pessimism or optimism
// ("it is skeptical", "he is pessimistic", "they are confident"), or
// "hope" ("they hoped").
func (st *sent) ownOutlook(f *frame) (string, bool) {
	if f.kind != verbFrame || f.best != nil || !strings.HasPrefix(f.sense.Event, "01") || len(f.targets) > 0 {
		return "", false
	}
	for _, k := range st.childrenRel(f.pred, text.Ccomp) {
		code := ""
		switch l := st.lemma(k); {
		case st.tok(k).UPOS == text.ADJ && pessimisms[l]:
			code = "012"
		case st.tok(k).UPOS == text.ADJ && optimisms[l], st.tok(k).UPOS == text.VERB && l == "HOPE":
			code = "013"
		default:
			continue
		}
		pronoun := false
		for _, c := range st.children(k) {
			switch {
			case st.rel(c).IsSubject():
				pronoun = speakerPronouns[st.key(c)]
			case st.key(c) == "NOT" || st.key(c) == "N'T" || st.key(c) == "NEVER":
				return "", false
			}
		}
		if pronoun {
			return code, true
		}
	}
	return "", false
}

// reportedPredicate reads the reported clause of a statement f (01, with
// no pattern): a copular clause, not negated, whose subject is one of the
// statement's targets and whose predicate k pred accepts, giving the
// code the statement takes.
func (st *sent) reportedPredicate(f *frame, pred func(k int) (dict.Code, bool)) (dict.Code, bool) {
	if f.kind != verbFrame || f.best != nil || !strings.HasPrefix(f.sense.Event, "01") || len(f.targets) == 0 {
		return dict.Code{}, false
	}
	for _, k := range st.childrenRel(f.pred, text.Ccomp) {
		code, ok := pred(k)
		if !ok {
			continue
		}
		cop, subj := false, -1
		for _, c := range st.children(k) {
			switch {
			case st.base(c) == text.Cop:
				cop = true
			case st.rel(c).IsSubject():
				subj = c
			case st.base(c) == text.Advmod && (st.key(c) == "NOT" || st.key(c) == "N'T" || st.key(c) == "NEVER"):
				return dict.Code{}, false
			}
		}
		if !cop || subj < 0 {
			continue
		}
		for _, t := range f.targets {
			if t.head == subj || (t.span.Start >= st.tok(subj).Start && t.span.End <= st.tok(st.lastOf(subj)).End) {
				return code, true
			}
		}
	}
	return dict.Code{}, false
}

// commitment reports whether f is a verb of agreeing, coded by the
// dictionary as something other than an intent (AGREE is 050, engage in
// diplomatic cooperation), that governs what its subject agrees to:
// "agreed to reopen its borders", "agreed to a six-month extension",
// "agreed that their countries should cooperate". That is a commitment,
// CAMEO's expressed intent to cooperate (030), as OFFER, PROMISE and PLEDGE
// are in the dictionary; when the complement codes an act of its own,
// intents lets that act's intent stand instead. "Turkey agreed with Iran"
// and a matched pattern keep the dictionary's code.
func (st *sent) commitment(f *frame) bool {
	if f.kind != verbFrame || f.best != nil || st.lemma(f.pred) != "AGREE" || strings.HasPrefix(f.sense.Event, "03") {
		return false
	}
	for _, k := range st.children(f.pred) {
		switch st.base(k) {
		case text.Ccomp:
			return true
		case text.Xcomp, text.Obl:
			if st.caseWord(k) == "TO" {
				return true
			}
		}
	}
	return false
}

// inPurpose reports whether token t lies in a to-infinitive clause of
// verb v ("cooperate to encourage refugees to return").
func (st *sent) inPurpose(v, t int) bool {
	for x, n := t, 0; x >= st.lo && x < st.hi && n < maxDepth; x, n = st.head(x), n+1 {
		if st.head(x) == v {
			b := st.base(x)
			return (b == text.Xcomp || b == text.Advcl) && st.caseWord(x) == "TO"
		}
	}
	return false
}

// subjectRefersBack reports whether verb v's subject is a pronoun or a
// noun a pronoun possesses ("it", "they", "their countries").
func (st *sent) subjectRefersBack(v int) bool {
	for _, k := range st.children(v) {
		if !st.rel(k).IsSubject() {
			continue
		}
		if st.tok(k).UPOS == text.PRON {
			return true
		}
		for _, c := range st.children(k) {
			if st.rel(c) == text.NmodPoss && st.tok(c).UPOS == text.PRON {
				return true
			}
		}
	}
	return false
}

// intents lets the act a commitment names stand for the commitment:
// "Turkey agreed to meet Iran" is one event, the intent to meet (036),
// not that and an agreement (030) as well. The verb of commitment keeps
// its own event when its complement codes none.
func (st *sent) intents(frames []*frame) {
	byPred := verbFrames(frames)
	for _, f := range frames {
		if (f.as.mode != intended && !f.decided) || f.code.Event == "" {
			continue
		}
		g, ok := st.intentGovernor(f.pred)
		if !ok {
			continue
		}
		up := byPred[g]
		if up == nil || up.code.Event == "" {
			continue
		}
		if len(up.sources) > 0 && st.subjectRefersBack(f.pred) {
			// "officials agreed that their countries should cooperate",
			// "Russia and Turkey agreed that they would cooperate": the
			// committed clause's subject stands for all the committers.
			f.sources = up.sources
			if st.dc.explain {
				f.args += "; sources: the committers of " + strconv.Quote(st.doc.Form(g)) + ", for the clause's subject that refers back to them"
			}
			if len(f.sources) > 1 && mutual(f.code) {
				// What several parties commit to do together they do
				// with each other, not with whom its purpose names ("to
				// encourage Romanian refugees in Hungary to return").
				kept := f.targets[:0:0]
				for _, t := range f.targets {
					if !st.inPurpose(f.pred, t.head) {
						kept = append(kept, t)
					}
				}
				if st.dc.explain && len(kept) < len(f.targets) {
					f.args += "; the object of its purpose dropped as counterpart: the committers act with each other"
				}
				f.targets = kept
			}
		}
		if len(f.targets) == 0 && (len(f.sources) < 2 || !mutual(f.code)) {
			// "agreed with Iran to hold talks": the commitment's target.
			// Several parties that commit to a mutual act do it with
			// each other ("Trump and Putin have agreed to share
			// information on North Korea"), not with what the governing
			// verb found.
			f.targets = up.targets
		}
		if strings.HasPrefix(up.code.Event, "03") && strings.HasPrefix(f.sense.Event, "15") && !f.decided {
			// "Australia has offered to send troops to help the
			// Philippines army": forces offered, promised or pledged
			// are military aid intended (0332), not a threat of force.
			f.code = dict.Code{Event: "0332"}
			f.coding = "forces offered or promised are military aid intended (0332), not a threat (138)"
		}
		f.committed = commitVerbs[st.lemma(g)]
		up.code = dict.Code{}
		up.coding = "its complement " + strconv.Quote(st.doc.Form(f.pred)) + " names the act committed to"
	}
}

// commitVerbs commit their subject publicly to the act of their
// infinitive ("agreed to resign", "offered to provide security", "is
// willing to withdraw its troops"), unlike a plan, an intention or a
// preparation: the commitment is an expressed intent even with no one
// named it is made to.
var commitVerbs = map[string]bool{"AGREE": true, "OFFER": true, "PLEDGE": true, "PROMISE": true, "VOW": true,
	"COMMIT": true, "UNDERTAKE": true, "VOLUNTEER": true, "READY": true, "WILLING": true, "PREPARED": true}

// mutual reports whether c is an act conjoined sources do with each other:
// of a reciprocal family, or coded the same both ways by the dictionary
// ("EXCHANGE * AMBASSADORS [054:054]").
func mutual(c dict.Code) bool {
	return reciprocalFamily(c.Event) || (c.Reverse != "" && c.Reverse == c.Event)
}

// reciprocalFamily reports whether code is of a family whose act
// conjoined sources do with each other (st.reciprocal).
func reciprocalFamily(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "04", "06", "19":
		return true
	case "03":
		// Intents to cooperate, meet, yield or settle; not to give aid,
		// reform or mediate (033, 034, 038, 039), which go to a third
		// party: "China, Iran, and Russia have pledged funds" pledge
		// nothing to each other.
		return len(code) < 3 || !strings.ContainsRune("3489", rune(code[2]))
	case "05":
		// Diplomatic cooperation and agreements signed; not praise,
		// defence, recognition or apology (051-056) of someone else.
		return len(code) < 3 || code[2] == '0' || code[2] == '7'
	}
	return false
}

// intentCode is the code of an act that its actor commits to doing, not
// yet done: the expressed intent (03) to do a cooperative act (04–08),
// the threat (13) of a hostile one (14–20), from the CAMEO codebook's
// definitions of the 03 and 13 sub-codes. Verbal acts (02, 03, 09–13) are
// coded as they are ("will urge", "will investigate" announce the act);
// a statement yet to be made (01) is no event.
func intentCode(c string) (string, bool) {
	if len(c) < 2 {
		return "", false
	}
	if x, ok := intentOf[c]; ok {
		return x, true
	}
	switch c[:2] {
	case "01":
		return "", false
	case "04":
		return "036", true
	case "05":
		return "032", true
	case "06":
		return "031", true
	case "07":
		return "033", true
	case "08":
		return "035", true
	case "14":
		return "133", true
	case "15", "19":
		return "138", true
	case "16":
		return "131", true
	case "17":
		return "137", true
	case "18":
		return "1383", true
	case "20":
		return "1385", true
	}
	return c, true
}

// intentOf maps the sub-codes whose intent or threat has a sub-code of its
// own: aid (071 economic, 0331), yielding (084 release, 0353), sanctions
// (163 embargo, 1312), attacks (191 blockade, 1381).
var intentOf = map[string]string{
	"061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"081": "0351", "082": "0352", "083": "034", "084": "0353", "0841": "0353", "0842": "0353",
	"085": "0354", "086": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
	"161": "1311", "162": "1311", "163": "1312", "164": "1313", "165": "134", "166": "136",
	"172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
}
