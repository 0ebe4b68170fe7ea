package coder

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/text"
)

// This file holds the rules learnt from reading the coder's output on real
// news parsed by eventwire's own parser: what is asserted to have happened,
// what a statement is addressed to, and repairs of two common parse
// mistakes. Each rule is about English news in general; see
// docs/notes/coder-news.md for the sentences that taught them.

// head returns the head of token i, after the sentence's repairs
// (st.moved), or -1 for the root.
func (st *sent) head(i int) int {
	if h, ok := st.moved[i]; ok {
		return h
	}
	return int(st.tok(i).Head)
}

// repairPreconj re-attaches a lost conjunct. "both Iran, which backs the
// Syria regime, and Turkey" is often parsed with "Turkey" as a conjunct of
// "regime" inside the relative clause. A noun with "both", "either" or
// "neither" needs a conjunct of its own; when it has none, the first
// conjunct inside its subtree after a comma and a coordinator is its.
func (st *sent) repairPreconj() {
	for x := st.lo; x < st.hi; x++ {
		if st.tok(x).UPOS != text.NOUN && st.tok(x).UPOS != text.PROPN {
			continue
		}
		pre := false
		for _, k := range st.children(x) {
			if st.base(k) == text.Cc && k < x {
				switch st.key(k) {
				case "BOTH", "EITHER", "NEITHER":
					pre = true
				}
			}
		}
		if !pre || len(st.childrenRel(x, text.Conj)) > 0 {
			continue
		}
		_, end := st.span(x, func(int) bool { return true })
		for c := x + 1; c <= end; c++ {
			h := st.head(c)
			if st.base(c) != text.Conj || h == x || !st.dominates(x, c) || !st.commaCoord(c) {
				continue
			}
			if st.moved == nil {
				st.moved = map[int]int{}
			}
			st.moved[c] = x
			kh := st.kids[h-st.lo]
			for i, k := range kh {
				if k == c {
					st.kids[h-st.lo] = append(kh[:i:i], kh[i+1:]...)
					break
				}
			}
			st.kids[x-st.lo] = append(st.kids[x-st.lo], c)
			break
		}
	}
}

// commaCoord reports whether conjunct c is introduced by ", and" (or ", or").
func (st *sent) commaCoord(c int) bool {
	for _, k := range st.children(c) {
		if st.base(k) == text.Cc && k < c && k-1 >= st.lo && st.key(k-1) == "," {
			return true
		}
	}
	return false
}

// unasserted reports whether verb v, though coded by the dictionary, does
// not say that something happened:
//   - a participle used as an adjective ("captured ISIS fighters");
//   - a relative or adverbial clause under a modal of possibility or
//     obligation ("a law that would allow the government to remove
//     people", "more than anyone could have expected"): it describes what
//     a thing is for or what might be. In a main or reported clause the
//     modal is kept, as PETRARCH does ("indicated it would act with
//     Libya");
//   - a purpose clause after a complete clause ("remained in Iraq to
//     prevent ISIS from gaining ground"), not an infinitive governed by an
//     adjective or adverb ("inching nearer to accord with Gondor").
func (st *sent) unasserted(v int) bool {
	if st.base(v) == text.Amod {
		return true
	}
	if st.base(v) == text.Advcl && st.caseWord(v) == "TO" && st.purposeTo(v) {
		// A call or a meeting is made for its purpose, which is done
		// in it ("called Assad to congratulate him"); other purposes
		// are hopes.
		if h := st.head(v); h < st.lo || h >= st.hi || !st.subjectControl(h) {
			return true
		}
	}
	if st.rel(v) != text.AclRelcl && st.base(v) != text.Advcl {
		return false
	}
	for _, k := range st.children(v) {
		if st.rel(k) == text.Aux && modals[st.key(k)] {
			return true
		}
	}
	return false
}

// wishVerbs take an infinitive that is wanted, planned, promised or
// refused, not done, whatever code the dictionary gives the verb itself (or
// none): "wants to expel the diplomats", "sought to arrest him". "tried
// to" and "attempted to" are not here: CAMEO codes an attempted act as
// the act (PETRARCH's unit tests too: "won't try to clash" is 110).
var wishVerbs = map[string]bool{"WANT": true, "WISH": true, "HOPE": true, "SEEK": true, "PLAN": true,
	"INTEND": true, "AIM": true, "EXPECT": true, "PREPARE": true, "THREATEN": true, "PROMISE": true,
	"PLEDGE": true, "VOW": true, "URGE": true, "ASK": true, "DEMAND": true, "PROPOSE": true, "OFFER": true,
	"REFUSE": true, "DECLINE": true, "FAIL": true}

// markWishes marks the to-infinitives of wishVerbs irrealis.
func (st *sent) markWishes() {
	for v := st.lo; v < st.hi; v++ {
		if st.tok(v).UPOS != text.VERB || !wishVerbs[st.lemma(v)] {
			continue
		}
		for _, k := range st.children(v) {
			if b := st.base(k); (b == text.Xcomp || b == text.Advcl || b == text.Ccomp) && k > v && st.caseWord(k) == "TO" {
				st.irrealis[k] = true
			}
		}
	}
}

// purposeTo reports whether the "to" of infinitive v follows a noun, a verb or a
// punctuation mark: a purpose clause, not the complement of an adjective
// or adverb ("nearer to", "able to", "about to").
func (st *sent) purposeTo(v int) bool {
	for _, m := range st.children(v) {
		if st.key(m) == "TO" && m < v {
			if m-1 < st.lo {
				return false
			}
			switch st.tok(m - 1).UPOS {
			case text.NOUN, text.PROPN, text.PRON, text.VERB, text.PUNCT, text.NUM:
				return true
			}
			return false
		}
	}
	return false
}

// modals are the auxiliaries of possibility and obligation.
var modals = map[string]bool{"WOULD": true, "COULD": true, "MIGHT": true, "MAY": true, "SHOULD": true,
	"MUST": true, "'D": true}

// attribution reports whether the sources of v are only news media and v
// is a verb of reporting: "Reuters reported the attack", "SANA said Assad
// responded" cite where the news came from; they are not events between
// the agency and whoever the report is about. A spokesman (GOVMED) still
// speaks for a government.
func (st *sent) attribution(v int, sources []entity) bool {
	if len(sources) == 0 {
		return false
	}
	for _, s := range sources {
		if !mediaOnly(s.code) {
			return false
		}
	}
	switch st.lemma(v) {
	case "SAY", "REPORT", "QUOTE", "CITE", "WRITE", "DESCRIBE", "TELL", "CLAIM", "ADD", "NOTE", "STATE",
		"REVEAL", "DISCLOSE", "CONFIRM":
		return true
	}
	return false
}

// mediaOnly reports whether code names news media with no other role:
// MED, ---MED, SYRMED; not USAGOVMED.
func mediaOnly(code string) bool {
	if !strings.HasSuffix(code, "MED") {
		return false
	}
	rest := strings.TrimSuffix(code, "MED")
	return rest == "" || rest == "---" || (len(rest) == 3 && !strings.Contains(rest, "-") && strings.ToUpper(rest) == rest && isState(rest))
}

// isState reports whether a three-letter code is a plain state code rather
// than an agent (GOV, MIL, REB ...), judged by the usual agent codes.
func isState(c string) bool {
	switch c {
	case "GOV", "MIL", "REB", "OPP", "BUS", "LEG", "JUD", "COP", "SPY", "CVL", "PPL", "EDU", "HLH", "REF", "UAF", "IGO", "NGO", "ELI", "LAB", "AGR", "ENV", "CRM", "REL", "MUS":
		return false
	}
	return true
}

// statementTarget finds whom a statement (codes 01x) by verb v is addressed
// to or about, conservatively: an object that names an actor itself ("told
// Assad"; news media are the channel, see channelTarget), a phrase with to/with/against/about ("spoke to
// Assad"), or the subject of the reported clause when it names an actor
// itself ("said Turkey attacked"). Actors deeper in the statement's content
// ("an agreement on a cease-fire on the entire territory of Syria should be
// reached", "announced a new initiative for the Gulf of Oman") are what it
// is about only loosely, and places and media it was made in or on ("said
// on live television") are not its target. Agent-only phrases (---MIL, "a
// naval coalition") are the content of an announcement, not its target.
func (st *sent) statementTarget(v int, sources []entity) []entity {
	ok := func(e []entity) bool {
		if len(e) == 0 || sameAs(e, sources) {
			return false
		}
		for _, x := range e {
			// Agent-only phrases, also with a country taken from the
			// places around them ("said children around the world ..."),
			// are the content, not the addressee.
			if strings.HasPrefix(x.code, "---") || x.viaHow == "place" {
				return false
			}
		}
		return true
	}
	kids := st.children(v)
	for _, k := range kids {
		if r := st.rel(k); (r.IsObject() || r.Base() == text.Iobj) && !st.commaObject(v, k) {
			if e := st.mention(k); ok(e) {
				return e
			}
		}
	}
	for _, k := range kids {
		if !st.rel(k).IsObliqueLike() {
			continue
		}
		switch st.caseWord(k) {
		case "TO", "WITH", "AGAINST", "ABOUT":
			if st.hasCase(k, "ACCORDING") {
				continue
			}
			if e := st.mention(k); ok(e) {
				return e
			}
		}
	}
	for _, k := range kids {
		switch st.rel(k).Base() {
		case text.Ccomp, text.Xcomp:
			// The reported clause's subject, else a directed modifier of
			// its subject or object one level down ("an arms embargo
			// against Mordor would not work", "he has satisfaction toward
			// Gondor").
			var phrases []int
			for _, s := range st.children(k) {
				if r := st.rel(s); r.IsSubject() || r.IsPassiveSubject() {
					// The subject names the actor itself ("Turkey",
					// "the president of Syria"), not an event of it
					// ("the army's defeat of rebels").
					if e := st.mention(s); ok(e) && st.namesActor(s) {
						return e
					}
					// A name known by its title: "Russian opposition
					// leader Alexei Navalny".
					for _, d := range st.children(s) {
						if r := st.rel(d); r.Base() == text.Appos || r.Subtype() == "desc" {
							if e := st.mention(d); ok(e) && st.namesActor(d) {
								return e
							}
						}
					}
					phrases = append(phrases, s)
				}
			}
			phrases = append(phrases, st.childrenRel(k, text.Obj)...)
			phrases = append(phrases, k)
			for _, p := range phrases {
				for _, m := range st.childrenRel(p, text.Nmod, text.Obl) {
					switch st.caseWord(m) {
					case "AGAINST", "TOWARD", "TOWARDS", "WITH", "TO", "ON":
						if e := st.mention(m); ok(e) {
							return e
						}
					}
				}
			}
		}
	}
	return nil
}

// hasCase reports whether k has the case word w among its case children
// ("according to": the parser hangs both words on the noun).
func (st *sent) hasCase(k int, w string) bool {
	for _, c := range st.children(k) {
		if st.base(c) == text.Case && st.key(c) == w {
			return true
		}
	}
	return false
}

// commaObject reports whether object k of verb v is cut off from it by a
// comma while v heads a subordinate clause: in "Even as they spoke, rebel
// groups ... started shelling", "rebel groups" is the subject of the main
// clause that the parser hung on "spoke", not what was spoken to. English
// does not put a comma between a verb and its object.
func (st *sent) commaObject(v, k int) bool {
	if k < v {
		return false
	}
	sub := false
	for _, m := range st.children(v) {
		if st.base(m) == text.Mark && m < v {
			sub = true
		}
	}
	if !sub {
		return false
	}
	start, _ := st.span(k, func(int) bool { return true })
	for i := v + 1; i < start; i++ {
		if st.key(i) == "," {
			return true
		}
	}
	return false
}

// namesActor reports whether the phrase headed by h names an actor in its
// own words or is headed by an agent ("Turkey", "the president of Syria"),
// rather than naming an event or a thing that actors are attached to ("the
// army's defeat of rebels", "a cease-fire on the territory of Syria").
func (st *sent) namesActor(h int) bool {
	if st.tok(h).UPOS == text.PROPN {
		return true // a name: "Russian opposition leader Alexei Navalny"
	}
	pi := st.scanPhrase(h)
	return len(pi.actors) > 0 || pi.headAgent
}

// ownMention returns the actors of noun h without those of its
// conjuncts: the antecedent of a relative pronoun is the noun the clause
// hangs on ("both Iran, which backs the regime, and Turkey": Iran).
func (st *sent) ownMention(h int) []entity {
	all := st.mention(h)
	lo, hi := st.phraseSpan(h)
	a, b := st.tok(lo).Start, st.tok(hi).End
	var own []entity
	for _, e := range all {
		if int32(e.span.Start) >= a && int32(e.span.End) <= b {
			own = append(own, e)
		}
	}
	if len(own) == 0 {
		return all
	}
	return own
}

// subjectDeep returns the actors of an abstract subject's modifiers that
// take part in what it names: "resumption of ties between Arnor and
// Gondor", "an attack by Osgiliath". Modifiers of topic, time or place ("the
// statement tonight on Syria", "talks after the war in Syria") are not
// the ones acting.
func (st *sent) subjectDeep(h int) []entity {
	return st.firstMention(h, func(x, k int) []int {
		r := st.rel(k)
		switch r.Base() {
		case text.Conj, text.Compound:
			return []int{k}
		case text.Nmod, text.Obl:
			if r == text.NmodPoss && st.tok(k).UPOS == text.PRON {
				return nil
			}
			switch st.caseWord(k) {
			case "OF", "BETWEEN", "BY", "FROM", "AMONG", "WITH", "'S", "":
				return []int{k}
			}
		}
		return nil
	})
}

// stopVerbs end what their complement names: "cease trading in Iran",
// "stopped shelling the city" say that an event did not go on.
var stopVerbs = map[string]bool{"CEASE": true, "STOP": true, "HALT": true, "QUIT": true, "END": true, "SUSPEND": true, "ABANDON": true}

// implicative verbs assert their object-controlled infinitive: "forced the
// army to withdraw" says the army withdrew; "encouraged firms to cease"
// and "directed units to join" do not.
var implicative = map[string]bool{"FORCE": true, "COMPEL": true, "HELP": true, "CAUSE": true, "OBLIGE": true, "DRIVE": true, "LEAD": true}

// notDone reports whether infinitive or gerund v is not asserted by the
// verb that governs it: the complement of a verb of stopping, an
// infinitive whose subject is its governor's object ("encouraging
// commercial entities to cease", "directing Coast Guard units to join")
// unless the governor is implicative, and an infinitive separated from
// its governor by an oblique, which is a purpose ("remained in Iraq to
// prevent ISIS from gaining ground"). Verbs of meeting and intent keep
// their purposes (subjectControl: "called Assad to congratulate him").
func (st *sent) notDone(v int) bool {
	b := st.base(v)
	if b != text.Xcomp && b != text.Advcl {
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h > v || st.tok(h).UPOS != text.VERB {
		return false
	}
	if stopVerbs[st.lemma(h)] && b == text.Xcomp {
		return true
	}
	if st.caseWord(v) != "TO" || st.subjectControl(h) || implicative[st.lemma(h)] {
		return false
	}
	for _, k := range st.children(h) {
		if k < h || k > v {
			continue
		}
		if r := st.rel(k); r.IsObject() || (r.IsObliqueLike() && !unmarked(r)) {
			return true
		}
	}
	return false
}

// innerSubject reports whether v has a subject other than an outer one
// (nsubj:outer, the subject of a copular frame around the clause).
func (st *sent) innerSubject(v int) bool {
	for _, k := range st.children(v) {
		if r := st.rel(k); r.IsSubject() && r.Subtype() != "outer" {
			return true
		}
	}
	return false
}

// organisation reports whether code names an international body, an NGO or
// a company by its own code: such actors are "it" or "they", never "he".
func organisation(code string) bool {
	for _, p := range []string{"IGO", "NGO", "MNC", "NGM"} {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// aspectual verbs start, continue or step up what their object names:
// "resumed their bombing campaign", "launched an attack on", "began
// shelling". The event is the named one, done by the aspectual verb's
// subject.
var aspectual = map[string]bool{"START": true, "BEGIN": true, "RESUME": true, "CONTINUE": true, "LAUNCH": true,
	"RENEW": true, "INTENSIFY": true, "ESCALATE": true, "STEP": true}

// codeNominals codes events named by a noun or gerund that an aspectual
// verb takes as its object: "Government forces resumed their bombing
// campaign pounding rebel positions" is a bombing (190) of the rebels by
// the forces. The noun is the object itself or a noun compound inside it
// ("bombing campaign"), looked up among the dictionary's verb forms; the
// target is the first actor of the object's modifiers or of a participle
// on it ("pounding rebel positions"), never a possessive pronoun ("their
// bombing"). Verbal gerunds ("began shelling the city", an xcomp) are
// coded as verbs already.
func (st *sent) codeNominals() {
	for v := st.lo; v < st.hi; v++ {
		if st.tok(v).UPOS != text.VERB || !aspectual[st.lemma(v)] || st.negated(v) ||
			st.irrealis[v] || st.planned(v) || st.unasserted(v) || st.notDone(v) {
			continue
		}
		for _, o := range st.childrenRel(v, text.Obj) {
			w := st.eventNoun(o)
			if w < 0 {
				continue
			}
			e := st.findVerb(w)
			if e == nil || e.Code.IsNull() || e.Code.Event == "" {
				continue
			}
			sources := st.sourceOf(v, 0)
			var targets []entity
			for _, k := range st.children(o) {
				if k == w {
					continue
				}
				r := st.rel(k)
				switch {
				case r.Base() == text.Compound && st.tok(k).UPOS != text.VERB:
					if e := st.mention(k); len(e) > 0 && !sameAs(e, sources) {
						targets = e
					}
				case r.Base() == text.Acl && r != text.AclRelcl:
					for _, x := range st.childrenRel(k, text.Obj) {
						if e := st.mentionDeep(x); len(e) > 0 && !sameAs(e, sources) {
							targets = e
						}
					}
				case r.IsObliqueLike() && r != text.NmodPoss && !notTarget[st.caseWord(k)]:
					if e := st.mentionDeep(k); len(e) > 0 && !sameAs(e, sources) {
						targets = e
					}
				}
				if len(targets) > 0 {
					break
				}
			}
			if len(targets) == 0 && w != o {
				// "bombing rebel positions" parsed as one compound.
				if e := st.mention(o); len(e) > 0 && !sameAs(e, sources) {
					targets = e
				}
			}
			targets = st.afterEventWords(targets, w, o)
			t := st.tok(w)
			st.curVerb = v
			pattern := e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (noun under " + st.lemma(v) + ")"
			for _, a := range sources {
				for _, b := range targets {
					st.emit(e.Code.Event, a, b, text.Span{Start: t.Start, End: t.End}, pattern, false, 0.5)
				}
			}
		}
	}
}

// afterEventWords trims the evidence of targets found inside a compound
// chain to the words after its last -ing noun: "rebel positions", not
// "bombing campaign pounding rebel".
func (st *sent) afterEventWords(targets []entity, w, o int) []entity {
	last := -1
	for i := w; i < o; i++ {
		if st.tok(i).UPOS == text.NOUN && strings.HasSuffix(st.key(i), "ING") {
			last = i
		}
	}
	if last < 0 {
		return targets
	}
	out := make([]entity, len(targets))
	for i, e := range targets {
		if e.span.Start <= st.tok(last).Start && e.head > last && e.head <= o {
			e.span = text.Span{Start: st.tok(last + 1).Start, End: max(e.span.End, st.tok(o).End)}
		}
		out[i] = e
	}
	return out
}

// eventNoun returns the token of object o that names an event by a verb's
// form: o itself when it is an -ing noun ("resumed shelling of the city")
// or the first such noun compound on it ("their bombing campaign"); -1 if
// none. Only -ing forms count: "resumed its attack" is caught by the
// dictionary's own patterns where they exist, and most bare nouns that look
// like verbs ("talks", "trade") name things.
//
// A parser may chain a whole noun string into compounds ("their bombing
// campaign pounding rebel positions" as one compound headed by
// "positions"), so the search follows compounds down a few levels and
// takes the leftmost -ing noun.
func (st *sent) eventNoun(o int) int {
	if st.tok(o).UPOS == text.NOUN && strings.HasSuffix(st.key(o), "ING") {
		return o
	}
	best := -1
	var walk func(h, depth int)
	walk = func(h, depth int) {
		if depth > 4 {
			return
		}
		for _, k := range st.childrenRel(h, text.Compound) {
			if k < h && strings.HasSuffix(st.key(k), "ING") && st.tok(k).UPOS == text.NOUN && (best < 0 || k < best) {
				best = k
			}
			walk(k, depth+1)
		}
	}
	walk(o, 0)
	return best
}

// prevStart is the byte offset where the previous sentence starts (0 for
// the first).
func (st *sent) prevStart() int {
	if st.idx == 0 {
		return 0
	}
	return int(st.doc.SentByteSpan(st.idx - 1).Start)
}
