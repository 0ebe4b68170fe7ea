package coder

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

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

func (st *sent) codeVerb(v int) {
	t := st.tok(v)
	if t.UPOS != text.VERB || st.absorbed[v] {
		return
	}
	e := st.findVerb(v)
	if e == nil {
		return
	}
	code := e.Code
	var best *dict.Pattern
	m := match{source: -1, target: -1, score: -1, absorb: -1, noun: -1}
	vc := st.newVerbCtx(v)
	for _, p := range e.Block.Patterns {
		if mm, ok := st.matchPattern(v, p, vc); ok && mm.score > m.score {
			best, m = p, mm
		}
	}
	if best != nil {
		code = best.Code
	}
	if code.IsNull() {
		return
	}
	if best == nil && st.predicative(v) {
		return // "calling it a very important part": naming, not a call
	}
	if m.absorb >= 0 {
		// The pattern coded the complement too: "agreed to hold talks" is
		// one event, not an agreement and a meeting.
		st.absorbed[m.absorb] = true
	}
	// The infinitive under a verb of wanting is what was threatened,
	// promised, urged or wanted, not something that happened: "threatened
	// to assassinate" is one event, a threat.
	if irrealisCode(code.Event) {
		for _, k := range st.children(v) {
			if b := st.base(k); (b == text.Xcomp || b == text.Advcl) && st.caseWord(k) == "TO" && k > v {
				st.irrealis[k] = true
			}
			if st.rel(k).IsObject() {
				// "urged Eriador to respond" parsed with the infinitive
				// on the object.
				for _, a := range st.childrenRel(k, text.Acl) {
					if st.caseWord(a) == "TO" {
						st.irrealis[a] = true
					}
				}
			}
		}
	}
	pattern := e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "]"
	conf := 0.6
	if best != nil {
		pattern = best.File + ":" + strconv.Itoa(best.Line) + " " + e.Word + " " + best.Text
		conf = 0.8
	}
	passive := st.isPassive(v)
	var sources, targets []entity
	switch {
	case m.source >= 0:
		sources = st.mention(m.source)
	case m.subjTgt:
	default:
		sources = st.sourceOf(v, 0)
		if len(sources) == 0 {
			sources = st.newActor(st.subjectOf(v))
		}
	}
	if s, ok := st.sender(v, m, vc); ok && len(sources) == 0 {
		// "Russian military police were dispatched to Aleppo": Russia
		// sent them.
		sources, m.target = s, st.destination(v)
	}
	switch {
	case m.target >= 0:
		targets = st.mentionDeep(m.target)
	case m.subjTgt:
		targets = st.subjectMention(v)
	case best == nil && strings.HasPrefix(code.Event, "01") && !passive:
		targets = st.statementTarget(v, sources)
	default:
		targets = st.targetOf(v, passive, sources)
		if len(targets) == 0 {
			targets = st.newActor(st.firstComplement(v, passive))
		}
		if m.noun >= 0 && st.thingOnly(targets, m.noun) {
			// "sent troops to Syria", "began a military offensive into
			// Syria": what the pattern's noun names (troops, an
			// offensive) is what was sent or done; the target is where
			// or against whom. Without such a phrase the noun stays the
			// target ("fired his vice president").
			d := st.destination(v)
			if d < 0 {
				d = st.directedAt(m.noun)
			}
			if d >= 0 {
				if e := st.mentionDeep(d); len(e) > 0 {
					targets = e
				}
			}
		}
	}
	negated := st.negated(v)
	if !negated {
		// Kept for the transformations, which look at the event under a
		// verb even when it is not coded on its own.
		st.info[v] = verbInfo{code: code, sources: sources, targets: targets, own: st.subjectOf(v) >= 0 || st.isPassive(v)}
	}
	if st.irrealis[v] || st.planned(v) || st.unasserted(v) || st.notDone(v) || st.underUnreal(v) || st.attribution(v, sources) {
		return
	}
	if negated {
		var ok bool
		if code, ok = negate(st.c.opts.Negation, code); !ok {
			return
		}
		pattern += " (negated)"
	}
	verbSpan := text.Span{Start: t.Start, End: t.End}
	st.curVerb = v
	if m.compound && len(sources) > 1 {
		for _, a := range sources {
			for _, b := range sources {
				if a.code != b.code {
					st.emit(code.Event, a, b, verbSpan, pattern, negated, conf)
				}
			}
		}
		return
	}
	if len(sources) == 0 {
		sources = []entity{{}}
	}
	if len(targets) == 0 {
		targets = []entity{{}}
	}
	for _, a := range sources {
		for _, b := range targets {
			if code.Event != "" {
				st.emit(code.Event, a, b, verbSpan, pattern, negated, conf)
			}
			if code.Reverse != "" {
				st.emit(code.Reverse, b, a, verbSpan, pattern, negated, conf)
			}
		}
	}
}

func (st *sent) emit(code string, src, tgt entity, verb text.Span, pattern string, negated bool, conf float64) {
	if st.c.opts.RequireDyad && (src.null() || tgt.null()) {
		return
	}
	if src.null() && tgt.null() {
		return
	}
	if src.code != "" && src.code == tgt.code {
		return
	}
	if st.c.opts.RequireDyad && (strings.HasPrefix(src.code, "---") && strings.HasPrefix(tgt.code, "---")) {
		return // "officials said ... advocates": no actor on either side
	}
	if (bareOf(src.code, tgt.code) || bareOf(tgt.code, src.code)) && !rebelsOn(src.code, tgt.code) &&
		!(bareOf(src.code, tgt.code) && forceCode(code) && !st.eventHead(src)) {
		return // "Putin said Russia will ...": an actor and its own state
	}
	if tgt.viaHow == "place" && strings.HasPrefix(code, "01") {
		return // "scientists estimate the population": content, not addressee
	}
	if st.channelTarget(tgt, code) {
		return
	}
	conf *= st.sideConfidence(src) * st.sideConfidence(tgt)
	if !tgt.null() && tgt.head >= st.lo && st.head(tgt.head) != st.curVerb {
		conf *= 0.85 // found below the verb's own dependents
	}
	conf = float64(int(conf*100+0.5)) / 100
	ev := eventwire.Event{
		Source:     eventwire.Actor{Text: st.spanText(src.span), Code: orNull(src.code), Entry: src.entry, Via: st.via(src)},
		Target:     eventwire.Actor{Text: st.spanText(tgt.span), Code: orNull(tgt.code), Entry: tgt.entry, Via: st.via(tgt)},
		CAMEO:      code,
		Sentence:   st.idx,
		Evidence:   eventwire.Evidence{Source: src.span, Verb: verb, Target: tgt.span},
		Pattern:    pattern,
		Negated:    negated,
		Confidence: conf,
		Coder:      st.c.stamp,
	}
	if !numeric(code) {
		return // "+++", "174L": codes the dictionary uses for errors or tests
	}
	if b := st.c.book; b != nil {
		if c, ok := b.Nearest(code); ok {
			ev.PLOVER, ev.QuadClass, ev.Goldstein = c.PLOVER, c.QuadClass, c.Goldstein
		}
	}
	key := code + "|" + ev.Source.Code + "|" + ev.Target.Code
	if i, ok := st.seen[key]; ok {
		// One event per (code, source, target) in a sentence. A verb in
		// the complement of the one that coded it first is the more
		// specific evidence: "The Kremlin said Putin told Assad" keeps
		// "told".
		if st.dominates(st.eventVerb[i], st.curVerb) {
			st.events[i], st.eventVerb[i] = ev, st.curVerb
		}
		return
	}
	st.seen[key] = len(st.events)
	st.events = append(st.events, ev)
	st.eventVerb = append(st.eventVerb, st.curVerb)
}

// dominates reports whether token a is a proper ancestor of token b.
func (st *sent) dominates(a, b int) bool {
	for n := 0; n < st.hi-st.lo && b >= st.lo && b < st.hi; n++ {
		b = st.head(b)
		if b == a {
			return true
		}
	}
	return false
}

// irrealisCode reports whether an event code says that something is
// wanted rather than done: appeal (02), intend (03), demand (10), reject
// (12), threaten (13).
func irrealisCode(c string) bool {
	if len(c) < 2 {
		return false
	}
	switch c[:2] {
	case "02", "03", "10", "12", "13":
		return true
	}
	return false
}

// sideConfidence discounts an event for a side that was inferred (a
// pronoun, a short reference, a new actor) or has an agent but no actor.
func (st *sent) sideConfidence(e entity) float64 {
	c := 1.0
	if e.inferred {
		c *= 0.8
	}
	if e.repaired || st.repairedTok[e.head] {
		c *= 0.9 // found only by repairing the parse
	}
	if strings.HasPrefix(e.code, "---") {
		c *= 0.85
	}
	return c
}

// bareOf reports whether a is the bare three-letter state code of b
// (RUS for RUSGOV).
func bareOf(a, b string) bool {
	return len(a) == 3 && len(b) > 3 && strings.HasPrefix(b, a) && a != "---"
}

// rebelsOn reports whether src is an armed non-state group acting on its
// own bare state ("Syrian rebels shelled Syria"): an event, unlike "Putin
// said Russia will ...".
func rebelsOn(src, tgt string) bool {
	if !bareOf(tgt, src) {
		return false
	}
	switch src[3:min(6, len(src))] {
	case "REB", "INS":
		return true
	}
	return false
}

// eventHead reports whether e's phrase is headed by an event noun, which
// a place or nationality modifies: "a Kabul car bombing" is no actor.
func (st *sent) eventHead(e entity) bool {
	if e.head < st.lo || e.head >= st.hi {
		return false
	}
	_, ok := eventNouns[st.lemma(e.head)]
	return ok
}

// forceCode reports whether an event code is coercion or force (17–20:
// arrest, expel, assault, fight), which a state does to its own people
// ("Indian officials arrested a man", IND → INDPPL), unlike a statement.
func forceCode(c string) bool {
	return len(c) >= 2 && (c[:2] == "17" || c[:2] == "18" || c[:2] == "19" || c[:2] == "20")
}

// numeric reports whether code is a CAMEO-shaped code: two to four digits.
func numeric(code string) bool {
	if len(code) < 2 || len(code) > 4 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

func orNull(code string) string {
	if code == "" {
		return "---"
	}
	return code
}

func (st *sent) spanText(s text.Span) string {
	if s.End <= s.Start {
		return ""
	}
	return st.doc.Text[s.Start:s.End]
}

func (st *sent) negated(v int) bool {
	for _, k := range st.children(v) {
		switch st.key(k) {
		case "NOT", "N'T", "NEVER":
			return true
		}
	}
	return false
}

func (st *sent) isPassive(v int) bool {
	for _, k := range st.children(v) {
		r := st.rel(k)
		if r.IsPassiveSubject() || r == text.AuxPass {
			return true
		}
	}
	return false
}

// subjectMention returns the actors of v's own subject.
func (st *sent) subjectMention(v int) []entity {
	for _, k := range st.children(v) {
		if st.rel(k).IsSubject() {
			return st.mention(k)
		}
	}
	return nil
}

var relPronouns = map[string]bool{"WHO": true, "WHICH": true, "THAT": true, "WHOM": true}

// sourceOf finds the source of verb v: its active subject, the by-agent of
// a passive, or the subject (or, for "urged X to ...", the object) of the
// verb that governs an infinitive or a coordinated verb.
func (st *sent) sourceOf(v int, depth int) []entity {
	if depth > 8 {
		return nil
	}
	passive := false
	for _, k := range st.children(v) {
		r := st.rel(k)
		if r.IsPassiveSubject() {
			passive = true
			continue
		}
		if r.IsSubject() {
			if r.Subtype() == "outer" && st.innerSubject(v) {
				continue // "The accusation against Biden is that he called for ...": he
			}
			if relPronouns[st.key(k)] && st.rel(v) == text.AclRelcl {
				return st.ownMention(st.head(v))
			}
			if more := st.otherSubjects(v, k); len(more) > 0 {
				// Two subjects of one verb is no UD tree: the parser
				// missed a coordination ("Arnor and the evil awful
				// Gondor welcomed"); each subject is a conjunct.
				e := st.subjectEntities(k)
				for _, m := range more {
					e = appendNew(e, st.subjectEntities(m))
				}
				return repaired(e)
			}
			return st.subjectEntities(k)
		}
	}
	if passive {
		if k := st.byAgent(v); k >= 0 {
			return st.mention(k)
		}
		if k, ok := st.strayAgent(v); ok {
			return repaired(st.mention(k))
		}
		if k, ok := st.agentOfMedium(v); ok {
			return st.mention(k)
		}
		return nil
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi {
		return nil
	}
	if g, ok := st.auxNoun(h); ok {
		// "officials are about to restore ...", parsed with "are" as a
		// modifier of "officials" and the clause under "are": an
		// auxiliary heads no clause, the noun it hangs on is the
		// subject.
		return repaired(st.subjectEntities(g))
	}
	switch st.rel(v).Base() {
	case text.Xcomp:
		for _, k := range st.children(h) {
			if st.rel(k).IsObject() && !st.subjectControl(h) {
				return st.mention(k) // object control: "urged Bree to help"
			}
			if st.rel(k).IsPassiveSubject() {
				return st.mention(k) // raising: "Gollum was seen to break"
			}
		}
		return st.sourceOf(h, depth+1)
	case text.Conj:
		if g, ok := st.verbAbove(h); ok && st.bareConjunct(v) {
			// "condemned an attack ... on Thursday and promised aid",
			// parsed with "promised" as a conjunct of "Thursday": a
			// verb coordinated with a bare noun shares the subject of
			// the verb above that noun.
			return repaired(st.sourceOf(g, depth+1))
		}
		return st.sourceOf(h, depth+1)
	case text.Advcl:
		if st.caseWord(v) == "TO" || st.caseWord(v) == "" {
			return st.sourceOf(h, depth+1)
		}
	case text.Acl:
		if st.rel(v) == text.AclRelcl {
			return nil
		}
		if st.caseWord(v) == "" && st.tok(h).UPOS != text.VERB {
			// A reduced relative: "crowds burned down its embassy"
			// parsed as a clause on "crowds".
			return st.mention(h)
		}
		if st.caseWord(v) == "TO" {
			// "an attempt by the US to force it": the noun's by-agent acts.
			for _, k := range st.children(h) {
				if st.rel(k).IsObliqueLike() && st.caseWord(k) == "BY" {
					return st.mention(k)
				}
			}
			// "urged Eriador to respond": an actor noun is the subject.
			if e := st.mention(h); len(e) > 0 {
				return e
			}
			// "signed an accord to supply": the governor's governor acts.
			if g := st.head(h); g >= st.lo && g < st.hi && st.tok(g).UPOS == text.VERB {
				return st.sourceOf(g, depth+1)
			}
		}
	}
	return nil
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

// subjectControl reports whether the subject of verb h, not its object,
// does what h's infinitive says: a verb of meeting, consulting or
// cooperating (04, 05) or of intent (03) calls or meets someone to do
// something itself ("Putin called Assad to congratulate him"), where
// verbs of appeal, demand or force ("urged Bree to help") hand it to the
// object.
func (st *sent) subjectControl(h int) bool {
	e := st.findVerb(h)
	if e == nil || e.Code.Event == "" {
		return false
	}
	switch e.Code.Event[:2] {
	case "03", "04", "05":
		return true
	}
	return false
}

// mentionDeep returns the actors of h, or failing that the first actors
// found among its nominal dependents ("an attack by Osgiliath soldiers",
// "an embargo against Mordor"), breadth first.
func (st *sent) mentionDeep(h int) []entity {
	return st.firstMention(h, func(x, k int) []int {
		r := st.rel(k)
		if x != h && st.tok(x).UPOS == text.VERB && r.IsObject() {
			// A participle parsed as a modifier: "an offensive against
			// besieged Osgiliath".
			return []int{k}
		}
		switch r.Base() {
		case text.Nmod, text.Obl, text.Appos, text.Conj, text.Compound:
			if r == text.NmodPoss && st.tok(k).UPOS == text.PRON {
				return nil // "their resumption": not a target
			}
			return []int{k}
		case text.Acl:
			// "the roads leading into Mordor", "an accord to supply
			// Gondor": the reduced clause's object.
			if r == text.AclRelcl {
				return nil
			}
			var next []int
			for _, o := range st.children(k) {
				if st.rel(o).IsObject() || st.rel(o).IsObliqueLike() {
					next = append(next, o)
				}
			}
			return next
		}
		return nil
	})
}

// firstMention walks the tree breadth-first from h, at most 32 nodes, and
// returns the first node's actors; follow(x, k) gives the nodes to visit
// for child k of node x.
func (st *sent) firstMention(h int, follow func(x, k int) []int) []entity {
	queue := []int{h}
	for n := 0; len(queue) > 0 && n < 32; n++ {
		x := queue[0]
		queue = queue[1:]
		if e := st.mention(x); len(e) > 0 {
			return e
		}
		for _, k := range st.children(x) {
			queue = append(queue, follow(x, k)...)
		}
	}
	return nil
}

// mediumNouns are the documents and speeches in which a passive's act is
// done: "was condemned in a joint statement by Egypt".
var mediumNouns = map[string]bool{"STATEMENT": true, "COMMUNIQUE": true, "LETTER": true, "REPORT": true,
	"RESOLUTION": true, "SPEECH": true, "DECLARATION": true, "INTERVIEW": true, "TWEET": true, "POST": true,
	"MESSAGE": true, "NOTE": true, "VOTE": true, "RULING": true, "DECISION": true}

// agentOfMedium finds the agent of a passive named inside the document or
// speech it was done in: "Turkey was condemned in a joint statement by
// Egypt, Greece and Cyprus" (Egypt is the agent; the parser hangs the
// by-phrase on "statement").
func (st *sent) agentOfMedium(v int) (int, bool) {
	for _, k := range st.children(v) {
		if !st.rel(k).IsObliqueLike() || !mediumNouns[st.lemma(k)] {
			continue
		}
		switch st.caseWord(k) {
		case "IN", "THROUGH", "VIA":
		default:
			continue
		}
		for _, m := range st.children(k) {
			if st.base(m) == text.Nmod && st.caseWord(m) == "BY" {
				return m, true
			}
		}
	}
	return 0, false
}

// targetOf finds the target of verb v: the passive subject, the first
// actors in the objects, the obliques, or the subject of a complement
// clause.
func (st *sent) targetOf(v int, passive bool, sources []entity) []entity {
	kids := st.children(v)
	if passive {
		for _, k := range kids {
			if st.rel(k).IsPassiveSubject() {
				if e := st.mention(k); len(e) > 0 {
					return e
				}
			}
		}
	}
	for _, k := range kids {
		if r := st.rel(k); (r.IsObject() || r.Base() == text.Iobj) && !st.commaObject(v, k) {
			if e := st.mentionDeep(k); len(e) > 0 && !sameAs(e, sources) {
				return e
			}
		}
	}
	for _, k := range kids {
		r := st.rel(k)
		if !r.IsObliqueLike() || r == text.OblAgent || unmarked(r) || r == text.NmodPoss {
			continue
		}
		if passive && st.caseWord(k) == "BY" {
			continue
		}
		if notTarget[st.caseWord(k)] || st.hasCase(k, "ACCORDING") {
			continue
		}
		if e := st.mentionDeep(k); len(e) > 0 && !sameAs(e, sources) {
			return e
		}
	}
	for _, k := range kids {
		switch st.rel(k).Base() {
		case text.Ccomp, text.Xcomp:
			if st.adjectival(k) {
				// "marched very close to the border with Mordor": the
				// obliques of an adjectival complement.
				for _, o := range st.childrenRel(k, text.Obl, text.Nmod) {
					if r := st.rel(o); r == text.NmodPoss || unmarked(r) || notTarget[st.caseWord(o)] {
						continue
					}
					if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
				continue
			}
			// The complement's subject, else (when that is the source
			// again: "Frodo said he has satisfaction toward Gondor") its
			// object.
			for _, s := range st.children(k) {
				if st.rel(s).IsSubject() {
					if e := st.mentionDeep(s); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
			}
			if st.rel(k).Base() == text.Ccomp {
				for _, o := range st.childrenRel(k, text.Obj, text.Obl, text.Nmod) {
					if r := st.rel(o); r == text.NmodPoss || unmarked(r) || notTarget[st.caseWord(o)] {
						continue
					}
					if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
			}
		}
	}
	// "signed an accord to supply Gondor": the infinitive's object.
	for _, k := range kids {
		switch st.rel(k).Base() {
		case text.Xcomp, text.Advcl:
			if st.caseWord(k) != "TO" {
				continue
			}
			// Its object, the object's modifiers ("wage war on the
			// Rohans"), then its obliques; no deeper.
			var cands []int
			for _, o := range st.childrenRel(k, text.Obj) {
				cands = append(cands, o)
				cands = append(cands, st.childrenRel(o, text.Nmod)...)
			}
			cands = append(cands, st.childrenRel(k, text.Obl, text.Nmod)...)
			for _, o := range cands {
				if st.rel(o) == text.NmodPoss || unmarked(st.rel(o)) || notTarget[st.caseWord(o)] {
					continue
				}
				if e := st.mention(o); len(e) > 0 && !sameAs(e, sources) {
					return e
				}
			}
			// "begun to question whether he has a future with the Orcs":
			// the object of the infinitive's own complement.
			for _, cc := range st.childrenRel(k, text.Ccomp) {
				for _, o := range st.childrenRel(cc, text.Obj) {
					if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
			}
		}
	}
	return nil
}

// notTarget are prepositions whose phrase places or dates an event
// rather than naming who it is done to ("after the talks in Astana",
// "outside Aleppo").
var notTarget = map[string]bool{"AFTER": true, "BEFORE": true, "DURING": true, "SINCE": true, "UNTIL": true,
	"OUTSIDE": true, "INSIDE": true, "NEAR": true, "ACROSS": true, "THROUGHOUT": true, "AROUND": true, "DESPITE": true}

func sameAs(a, b []entity) bool {
	if len(a) != 1 || len(b) != 1 {
		return false
	}
	return a[0].code == b[0].code
}

// wordIs reports whether token i is the pattern word w (a word or a
// synset name): by form or lemma.
func (st *sent) wordIs(i int, w string) bool {
	k, l := st.key(i), st.lemma(i)
	if w[0] == '&' {
		s := st.c.syn[w]
		return s.single[k] || s.single[l]
	}
	return k == w || l == w
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
	n := 0
	if st.wordIs(h, head) {
		n = 1
	} else if head[0] == '&' {
		for _, m := range st.c.syn[head].multi {
			if len(m) > n && st.wordsBefore(h, m) {
				n = len(m)
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
	// not "new global economic trade relations").
	at := h - n // the token that must hold the last modifier
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
// itself, or "" for nothing) are the consecutive tokens ending at end.
func (st *sent) wordsBefore(end int, words []string) bool {
	last := len(words) - 1
	start := end - last
	if start < st.lo {
		return false
	}
	for j, w := range words {
		if w == "" {
			continue
		}
		if !st.wordIs(start+j, w) {
			return false
		}
	}
	return true
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
}

func (st *sent) newVerbCtx(v int) *verbCtx {
	vc := &verbCtx{kids: st.children(v), subj: -1, theme: -1}
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
	if st.isPassive(v) && st.byAgent(v) < 0 {
		for _, k := range vc.kids {
			if st.rel(k).IsPassiveSubject() {
				vc.theme = k
				vc.objs = append(vc.objs, k)
				break
			}
		}
	}
	return vc
}

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

// subjectOf returns v's active subject, or -1.
func (st *sent) subjectOf(v int) int {
	for _, k := range st.children(v) {
		if r := st.rel(k); r.IsSubject() && !r.IsPassiveSubject() {
			return k
		}
	}
	return -1
}

// firstComplement returns the phrase a target would come from: the
// passive subject, the object, or the first oblique; -1 if none.
func (st *sent) firstComplement(v int, passive bool) int {
	kids := st.children(v)
	for _, k := range kids {
		r := st.rel(k)
		if (passive && r.IsPassiveSubject()) || r.IsObject() {
			return k
		}
	}
	for _, k := range kids {
		r := st.rel(k)
		if r.IsObliqueLike() && r != text.NmodPoss && r != text.OblAgent && !unmarked(r) && st.caseWord(k) != "BY" {
			return k
		}
	}
	return -1
}

// newActor codes a noun phrase that no dictionary knows as a new actor,
// its words in quotes ("THE MINISTRY OF MAGIC"), when
// Options.NewActorLength allows a phrase that long (PETRARCH's
// new_actor_length). Pronouns, dates and numbers are not actors.
func (st *sent) newActor(h int) []entity {
	n := st.c.opts.NewActorLength
	if n <= 0 || h < 0 {
		return nil
	}
	switch st.tok(h).UPOS {
	case text.NOUN, text.PROPN:
	default:
		return nil
	}
	lo, _ := st.phraseSpan(h)
	hi := max(st.subtreeEnd(h), h)
	var words []string
	for i := lo; i <= hi; i++ {
		switch {
		case st.tok(i).UPOS == text.PUNCT, st.key(i) == "'S", st.key(i) == "'":
			continue
		}
		words = append(words, st.key(i))
	}
	if len(words) == 0 || len(words) > n {
		return nil
	}
	return []entity{{code: "\"" + strings.Join(words, " ") + "\"", head: h, inferred: true,
		span: text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End}}}
}

// unmarked reports whether r is a bare noun modifier of time or measure
// ("on Monday" is obl; "Monday", "this week" are obl:tmod in UD v1 and
// early v2, obl:unmarked since UD 2.14): never a target.
func unmarked(r text.DepRel) bool {
	switch r.Subtype() {
	case "tmod", "npmod", "unmarked":
		return true
	}
	return false
}

// planned reports whether v is a to-infinitive on a common noun that is
// not an agent: "Israel's scheme to destroy", "an attempt to force", "an
// accord to supply" describe plans, not events ("the army to attack"
// still codes).
func (st *sent) planned(v int) bool {
	if st.base(v) != text.Acl || st.rel(v) == text.AclRelcl || st.caseWord(v) != "TO" {
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi {
		return false
	}
	return st.tok(h).UPOS == text.NOUN && !st.scanPhrase(h).headAgent
}

// verbInfo is what a coded verb found, for the transformations.
type verbInfo struct {
	code             dict.Code
	sources, targets []entity
	own              bool // the verb has a subject of its own (not an infinitive)
}

// transform applies the verb dictionary's "~" rules: an upper verb whose
// complement holds a coded lower verb becomes another event. "Russia said
// Turkey attacked Syria" makes the statement an accusation, RUS 112 TUR
// (~ a (b . ATTACK) SAY = a b 112); the lower event stays.
func (st *sent) transform() {
	rules := st.c.rules
	if len(rules) == 0 || len(st.info) < 2 {
		return
	}
	for u := st.lo; u < st.hi; u++ {
		up, ok := st.info[u]
		if !ok {
			continue
		}
		for _, c := range st.children(u) {
			switch st.base(c) {
			case text.Ccomp, text.Xcomp, text.Advcl:
			default:
				continue
			}
			low, ok := st.info[c]
			if !ok || low.code.Event == "" {
				continue
			}
			for _, r := range rules {
				if st.applyRule(r, u, up, low) {
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

// codeFamily reports whether code matches a rule's verb code: the same
// code, or any code of the family when the rule's code ends in 0 (190 for
// every 19x).
func codeFamily(rule, code string) bool {
	if rule == code {
		return true
	}
	return len(rule) == 3 && rule[2] == '0' && len(code) >= 3 && code[:2] == rule[:2]
}

func (st *sent) applyRule(r rule, u int, up, low verbInfo) bool {
	if !codeFamily(r.verb, up.code.Event) || (r.lower != "" && !codeFamily(r.lower, low.code.Event)) {
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
			return b.code == es[0].code
		}
		for _, b := range vars {
			if b.code == es[0].code {
				return false // a different letter is a different actor
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
	if code == "Q" {
		code = low.code.Event
	}
	// The rule's event replaces the upper verb's own.
	keep := st.events[:0]
	keepVerb := st.eventVerb[:0]
	for i, e := range st.events {
		if st.eventVerb[i] == u {
			continue
		}
		keep, keepVerb = append(keep, e), append(keepVerb, st.eventVerb[i])
	}
	st.events, st.eventVerb = keep, keepVerb
	st.seen = make(map[string]int, len(st.events))
	for i, e := range st.events {
		st.seen[e.CAMEO+"|"+e.Source.Code+"|"+e.Target.Code] = i
	}
	t := st.tok(u)
	st.curVerb = u
	st.emit(code, src, tgt, text.Span{Start: t.Start, End: t.End}, r.File+":"+strconv.Itoa(r.Line)+" "+r.Text, false, 0.7)
	return true
}
