package coder

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// aspectual verbs start, continue or step up what their object names:
// "resumed their bombing campaign", "launched an attack on", "began
// shelling". The event is the named one, done by the aspectual verb's
// subject.
var aspectual = map[string]bool{"START": true, "BEGIN": true, "RESUME": true, "CONTINUE": true, "LAUNCH": true,
	"RENEW": true, "INTENSIFY": true, "ESCALATE": true, "STEP": true}

// performVerbs carry out the act their object names: "mounted an
// invasion of South Lebanon", "waged a campaign", "carried out a raid".
// With the aspectual verbs they take an event noun (eventNouns) as well
// as an -ing noun.
var performVerbs = map[string]bool{"MOUNT": true, "WAGE": true, "CONDUCT": true, "STAGE": true, "CARRY": true,
	"UNLEASH": true, "COMMIT": true, "PERPETRATE": true, "EXECUTE": true}

// aspectFrames builds the frames of events named by a noun or gerund that
// an aspectual verb takes as its object: "Government forces resumed their
// bombing campaign pounding rebel positions" is a bombing (190) of the
// rebels by the forces. The noun is the object itself or a noun compound
// inside it ("bombing campaign"), looked up among the dictionary's verb
// forms; the target is the first actor of the object's modifiers or of a
// participle on it ("pounding rebel positions"), never a possessive
// pronoun ("their bombing"). Verbal gerunds ("began shelling the city", an
// xcomp) are verb frames already.
//
// The aspectual and performing verbs also take the nouns that name an act
// (eventNouns: "launched an invasion of Ukraine", "mounted its
// long-threatened invasion of South Lebanon"), coded as the noun's verb,
// unless the verb's own dictionary pattern coded the clause ("carried out
// a raid": CARRY * RAID).
func (st *sent) aspectFrames(verbFrames []*frame) []*frame {
	patterned := map[int]bool{}
	for _, f := range verbFrames {
		if f.best != nil && !f.sense.IsNull() {
			patterned[f.pred] = true
		}
	}
	var out []*frame
	for v := st.lo; v < st.hi; v++ {
		if st.tok(v).UPOS != text.VERB || !(aspectual[st.lemma(v)] || performVerbs[st.lemma(v)]) {
			continue
		}
		for _, o := range st.childrenRel(v, text.Obj) {
			var e *dict.Verb
			w := -1
			if aspectual[st.lemma(v)] {
				w = st.eventNoun(o)
			}
			if w >= 0 {
				e = st.findVerb(w)
			} else if ev := st.actNounVerb(o); ev != nil && !patterned[v] {
				w, e = o, ev
			}
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
			f := &frame{kind: aspectFrame, pred: w, host: v, verb: e, sense: e.Code, conf: 0.5,
				sources: sources, targets: targets,
				pattern: e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (noun under " + st.lemma(v) + ")"}
			if st.dc.explain {
				f.args = st.describeArgs(f, []string{"an event noun, the object of " + st.key(v)})
			}
			out = append(out, f)
		}
	}
	return out
}

// actNounVerb returns the dictionary verb of the act that noun o names
// (eventNouns: "invasion" is INVADE), its entry with no pattern; nil for
// other nouns and for the reciprocal ones (a meeting, talks, a call),
// which the verbs' own patterns code ("held talks with").
func (st *sent) actNounVerb(o int) *dict.Verb {
	if st.tok(o).UPOS != text.NOUN || st.c.d.Verbs == nil {
		return nil
	}
	verb, ok := eventNouns[st.lemma(o)]
	if !ok || reciprocalNouns[verb] || verb == "VISIT" {
		return nil
	}
	return st.plainActVerb(verb)
}

// plainActVerb returns verb's dictionary entry with no pattern that
// codes an act: nil when it has none, or codes a statement (01) or an
// unreal act (a wish, a plan), which no noun reports as done.
func (st *sent) plainActVerb(verb string) *dict.Verb {
	for _, c := range st.c.d.Verbs.LookupLemma(verb) {
		if len(c.Before)+len(c.After) == 0 && c.Code.Event != "" {
			if irrealisCode(c.Code.Event) || strings.HasPrefix(c.Code.Event, "01") {
				return nil
			}
			return c
		}
	}
	return nil
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

// Event nouns. News often reports an event as a noun phrase inside another
// clause: "Nasrallah said the army's defeat of rebels in Aleppo put an end
// to ...", "condemned Israel's attack on Gaza", "after Russian airstrikes
// on Idlib". The doer is the possessor, a nationality or name modifying
// the noun, or a by-phrase; the one it is done to follows of (when the doer
// is given otherwise), on, against or into.

// eventNouns maps the nouns that name a violent, coercive or diplomatic act
// to the verb whose dictionary entry codes it. Only nouns whose usual news
// sense is that act are listed ("capture" is both arresting a person and
// taking a city, which CAMEO codes apart, so it is not; "support" is
// mostly "support for", a stance).
var eventNouns = map[string]string{
	"ATTACK": "ATTACK", "ASSAULT": "ASSAULT", "BOMBING": "BOMB", "BOMBARDMENT": "BOMBARD", "SHELLING": "SHELL",
	"AIRSTRIKE": "BOMB", "DEFEAT": "DEFEAT", "RECAPTURE": "RECAPTURE", "INVASION": "INVADE", "OCCUPATION": "OCCUPY",
	"ANNEXATION": "ANNEX", "KILLING": "KILL", "ASSASSINATION": "ASSASSINATE", "MURDER": "MURDER", "ARREST": "ARREST",
	"DETENTION": "DETAIN", "EXPULSION": "EXPEL", "DEPORTATION": "DEPORT", "BLOCKADE": "BLOCKADE", "SIEGE": "BESIEGE",
	"RECOGNITION": "RECOGNIZE", "CONDEMNATION": "CONDEMN", "CRITICISM": "CRITICIZE", "VISIT": "VISIT",
	"BACKING": "BACK", "ENDORSEMENT": "ENDORSE", "RESCUE": "RESCUE", "SEIZURE": "SEIZE", "RAID": "RAID",
	"MEETING": "MEET", "TALKS": "TALK", "NEGOTIATION": "NEGOTIATE", "CALL": "TELEPHONE",
	"MASSACRE": "MASSACRE", "ABDUCTION": "ABDUCT", "KIDNAPPING": "KIDNAP", "TORTURE": "TORTURE",
}

// reciprocalNouns are the verbs of event nouns whose parties act with each
// other: a meeting, talks, negotiations. Their events go both ways.
var reciprocalNouns = map[string]bool{"MEET": true, "TALK": true, "NEGOTIATE": true, "TELEPHONE": true}

// lightVerbs make the act their noun names: "a call made by Trump to
// Zelensky", "talks held by ... with ...".
var lightVerbs = map[string]bool{"MAKE": true, "PLACE": true, "HOLD": true, "CONDUCT": true}

// nounFrames builds the frames of the sentence's event nouns that name
// both sides, skipping nouns that an aspect frame has already taken.
func (st *sent) nounFrames(taken []*frame) []*frame {
	if st.c.d.Verbs == nil {
		return nil
	}
	var out []*frame
	for n := st.lo; n < st.hi; n++ {
		if st.tok(n).UPOS != text.NOUN {
			continue
		}
		verb, ok := eventNouns[st.lemma(n)]
		if !ok || takenAt(taken, n) {
			continue
		}
		e := st.plainActVerb(verb)
		if e == nil {
			continue
		}
		if verb == "TELEPHONE" && !st.telephoneCall(n) {
			continue
		}
		var sources, targets []entity
		for _, k := range st.children(n) {
			r := st.rel(k)
			switch {
			case reciprocalNouns[verb] && r.Base() == text.Acl && lightVerbs[st.lemma(k)]:
				// "a phone call made by Trump to Zelensky"; also with
				// the to-phrase hung on a time phrase of the verb ("made
				// by President Trump late last July to Ukrainian
				// President Volodymyr Zelensky", "to" on "July").
				kids := st.children(k)
				for _, o := range st.children(k) {
					if timeNouns[st.key(o)] || st.timePhrase(o) {
						kids = append(kids, st.children(o)...)
					}
				}
				for _, o := range kids {
					switch w := st.caseWord(o); {
					case st.rel(o) == text.OblAgent || w == "BY":
						sources = append(sources, st.mention(o)...)
					case w == "TO" || w == "WITH":
						targets = append(targets, st.mention(o)...)
					}
				}
			case reciprocalNouns[verb] && (r.Base() == text.Nmod || r.Base() == text.Appos) && st.caseWord(k) == "" && st.startsWithAnd(k):
				// "a call between Trump and President Zelensky" parsed
				// with "and President Zelensky" a second modifier of
				// "call": a party of the between-phrase before it.
				if k > 0 && st.hasBetween(n, k) {
					sources = append(sources, st.mention(k)...)
				}
			case r == text.NmodPoss:
				sources = append(sources, st.mention(k)...)
			case (r.Base() == text.Amod || r.Base() == text.Compound) && k < n:
				sources = append(sources, st.mention(k)...)
			case r.Base() == text.Nmod || r.Base() == text.Obl:
				switch w := st.caseWord(k); w {
				case "BY":
					sources = append(sources, st.mention(k)...)
				case "WITH", "BETWEEN", "AMONG":
					// "Trump's meeting with Kim", "talks between the US
					// and China": the parties of a reciprocal act.
					if !reciprocalNouns[verb] {
						continue
					}
					if w == "WITH" {
						targets = append(targets, st.mention(k)...)
					} else {
						sources = append(sources, st.mention(k)...)
					}
				case "OF", "ON", "AGAINST", "INTO", "TO":
					if w == "TO" && verb != "VISIT" {
						continue
					}
					if len(targets) == 0 {
						targets = append(targets, st.mention(k)...)
					}
				}
			}
		}
		how := "an event noun: its possessor, modifier or by-phrase acts on its of/on/against phrase"
		if reciprocalNouns[verb] && len(sources) == 0 {
			sources, targets = st.hostParties(n, targets)
			how = "a reciprocal noun without a doer of its own: the parties of the clause it is the object or the setting of"
		}
		if reciprocalNouns[verb] && len(targets) == 0 && len(sources) > 1 {
			// "talks between the US and China": each party with each.
			targets = sources
		}
		if len(sources) == 0 || len(targets) == 0 {
			continue
		}
		f := &frame{kind: nounFrame, pred: n, host: n, verb: e, sense: e.Code, conf: 0.5, sources: sources, targets: targets,
			pattern: e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (noun " + st.key(n) + ")"}
		if st.dc.explain {
			f.args = st.describeArgs(f, []string{how})
		}
		out = append(out, f)
	}
	return out
}

// hostParties finds the parties of reciprocal noun n (a meeting, talks, a
// call) that names no doer of its own, in the clause it is part of:
//   - the object of a verb, with its other party named on the noun ("with
//     Zelensky", "of ASEAN"): the verb's subject is the first ("Trump
//     characterized the call with Zelensky as perfectly fine");
//   - a setting of the clause ("in a phone call in late July, Trump
//     might have encouraged Zelensky ...", "during talks in Ankara,
//     Erdogan told Putin ..."): the clause's subject is one party and,
//     when the noun names no other, the one the clause addresses (its
//     object or indirect object) the other.
//
// It returns no sources when it finds none, or when they are the targets.
func (st *sent) hostParties(n int, targets []entity) ([]entity, []entity) {
	h := st.head(n)
	if h < st.lo || h >= st.hi || h == n || st.tok(h).UPOS != text.VERB {
		return nil, targets
	}
	r := st.rel(n).Base()
	setting := r == text.Obl && settingWords[st.caseWord(n)]
	if !setting && !(r == text.Obj && len(targets) > 0) {
		return nil, targets
	}
	sources := st.sourceOf(h, 0)
	if len(sources) == 0 {
		return nil, targets
	}
	if len(targets) == 0 {
		for _, k := range st.childrenRel(h, text.Obj, text.Iobj) {
			targets = append(targets, st.mention(k)...)
		}
	}
	if sameAs(sources, targets) {
		return nil, targets
	}
	return sources, targets
}

// settingWords mark a phrase that sets a clause in an occasion: "in a
// phone call", "during talks".
var settingWords = map[string]bool{"IN": true, "DURING": true}

// takenAt reports whether one of frames has token n as its predicate
// ("resumed their bombing of Syria", an aspect frame).
func takenAt(frames []*frame, n int) bool {
	for _, f := range frames {
		if f.pred == n {
			return true
		}
	}
	return false
}

// telephoneCall reports whether noun n ("call") names a telephone call,
// not an appeal ("calls for talks", "a call to action"): "phone call",
// "telephone call", a call with or between parties, or one made or
// placed.
func (st *sent) telephoneCall(n int) bool {
	phone := false
	for _, k := range st.children(n) {
		switch st.rel(k).Base() {
		case text.Compound, text.Amod:
			switch st.key(k) {
			case "PHONE", "TELEPHONE":
				phone = true
			}
		case text.Nmod, text.Obl, text.Acl:
			if st.rel(k).Base() == text.Acl && lightVerbs[st.lemma(k)] {
				phone = true // "a call made by ... to ..."
				continue
			}
			switch st.caseWord(k) {
			case "FOR", "TO":
				if st.rel(k).Base() != text.Acl || st.infinitive(k) {
					return false // "calls for a ceasefire", "a call to protest"
				}
			case "WITH", "BETWEEN":
				phone = true
			}
		}
	}
	return phone
}

// startsWithAnd reports whether the phrase of k begins with "and".
func (st *sent) startsWithAnd(k int) bool {
	lo, _ := st.span(k, func(int) bool { return true })
	return st.key(lo) == "AND"
}

// hasBetween reports whether noun n has a between-phrase before token k.
func (st *sent) hasBetween(n, k int) bool {
	for _, c := range st.children(n) {
		if c < k && st.caseWord(c) == "BETWEEN" {
			return true
		}
	}
	return false
}

// Protests reported as nouns. "Protests erupted in Tehran", "The protests
// began in June", "Demonstrations spread to Mashhad": a protest named as
// the subject of a verb of happening is an event of the protesters, whom
// the text does not name but places: the state of the noun's own place
// ("protests in Hong Kong"), else of the clause's ("erupted in Tehran"),
// else the article's. CAMEO's protest family (14) needs no target; an
// against-phrase gives one ("protests against the government").

// protestNouns maps the nouns of protest to the verb whose dictionary
// entry codes them.
var protestNouns = map[string]string{"PROTEST": "PROTEST", "DEMONSTRATION": "DEMONSTRATE", "RALLY": "RALLY",
	"RIOT": "RIOT"}

// happenVerbs are the verbs of which a protest is the subject when it
// takes place: "erupted", "broke out", "began", "spread", "continued".
var happenVerbs = map[string]bool{"ERUPT": true, "BEGIN": true, "START": true, "CONTINUE": true, "SPREAD": true,
	"RESUME": true, "ESCALATE": true, "INTENSIFY": true, "OCCUR": true, "ENTER": true, "GROW": true, "ENSUE": true}

// protestFrames builds the frames of protests reported as the subject of
// a verb of happening.
func (st *sent) protestFrames() []*frame {
	vd := st.c.d.Verbs
	if vd == nil {
		return nil
	}
	var out []*frame
	for v := st.lo; v < st.hi; v++ {
		if st.tok(v).UPOS != text.VERB || !st.happens(v) {
			continue
		}
		for _, n := range st.children(v) {
			if !st.rel(n).IsSubject() || st.rel(n).IsPassiveSubject() || st.tok(n).UPOS != text.NOUN {
				continue
			}
			if f := st.clashFrame(n, v); f != nil {
				out = append(out, f)
				continue
			}
			verb, ok := protestNouns[st.lemma(n)]
			if !ok || len(st.mention(n)) > 0 {
				continue
			}
			var e *dict.Verb
			for _, c := range vd.LookupLemma(verb) {
				if len(c.Before)+len(c.After) == 0 && strings.HasPrefix(c.Code.Event, "14") {
					e = c
					break
				}
			}
			if e == nil {
				continue
			}
			place, ok := st.protestPlace(n, v)
			if !ok {
				continue
			}
			lo, hi := st.phraseSpan(n)
			src := entity{code: place.code[:3] + "OPP", head: n, span: text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End},
				inferred: true, viaHow: "place", viaSpan: place.span}
			targets := []entity{{}}
			for _, k := range st.children(n) {
				switch {
				case st.caseWord(k) == "AGAINST":
					if t := st.mentionDeep(k); len(t) > 0 {
						targets = t
					}
				case k < n && (st.key(k) == "ANTI-GOVERNMENT" || st.key(k) == "ANTIGOVERNMENT" || st.key(k) == "ANTI-REGIME"):
					// "anti-government protests": against the
					// protesters' own government.
					targets = []entity{{code: place.code[:3] + "GOV", head: k, span: text.Span{Start: st.tok(k).Start, End: st.tok(k).End},
						inferred: true, viaHow: "place", viaSpan: place.span}}
				}
			}
			if targets[0].null() {
				// Against no one named: the protesters' own government
				// (protestedGovernment).
				if t, ok := st.protestedGovernment([]entity{src}); ok {
					targets = []entity{t}
				}
			}
			f := &frame{kind: aspectFrame, pred: n, host: v, verb: e, sense: e.Code, conf: 0.5,
				sources: []entity{src}, targets: targets,
				pattern: e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (protest noun, subject of " + st.lemma(v) + ")"}
			if st.dc.explain {
				shown := *f
				if targets[0].null() {
					shown.targets = nil // one-sided: no target to describe
				}
				f.args = st.describeArgs(&shown, []string{"a protest noun that " + strings.ToLower(st.key(v)) + ": its protesters, placed by the noun, the clause or the article"})
			}
			out = append(out, f)
		}
	}
	return out
}

// happens reports whether verb v is a verb of happening ("erupted",
// "broke out", "took place").
func (st *sent) happens(v int) bool {
	if happenVerbs[st.lemma(v)] {
		return true
	}
	for _, k := range st.children(v) {
		switch {
		case st.lemma(v) == "BREAK" && st.base(k) == text.Compound && st.key(k) == "OUT":
			return true
		case st.lemma(v) == "TAKE" && st.rel(k).IsObject() && st.key(k) == "PLACE":
			return true
		}
	}
	return false
}

// protestPlace finds the state a protest noun n, subject of verb v, takes
// place in: the noun's own place ("protests in Hong Kong"), else the
// clause's ("erupted in Tehran"), else the article's.
func (st *sent) protestPlace(n, v int) (entity, bool) {
	for _, k := range st.children(n) {
		if !locative[st.caseWord(k)] {
			continue
		}
		for _, e := range st.mention(k) {
			if len(e.code) >= 3 && placeCode(e.code[:3]) {
				return e, true
			}
		}
	}
	if e, ok := st.clausePlace(v); ok {
		return e, true
	}
	return st.homeCountry(n, []*dict.Agent{{Name: "protesters", Code: "OPP"}})
}

// clashNouns are the nouns of fighting between two sides, mapped to the
// verb whose dictionary entry codes them: "Clashes broke out between
// Armenian and Azerbaijani forces" is a clash (190) of each with the
// other.
var clashNouns = map[string]string{"CLASH": "CLASH", "SKIRMISH": "SKIRMISH", "FIGHTING": "FIGHT"}

// clashFrame builds the frame of a clash noun n, subject of verb of
// happening v, between the parties of a between-phrase on the noun or,
// where the parser hangs it there, on the verb; nil without two parties.
func (st *sent) clashFrame(n, v int) *frame {
	verb, ok := clashNouns[st.lemma(n)]
	if !ok {
		return nil
	}
	var parties []entity
	for _, h := range []int{n, v} {
		for _, k := range st.children(h) {
			if st.caseWord(k) == "BETWEEN" {
				parties = append(parties, st.mention(k)...)
			}
		}
		if len(parties) > 0 {
			break
		}
	}
	if len(parties) < 2 {
		return nil
	}
	var e *dict.Verb
	for _, c := range st.c.d.Verbs.LookupLemma(verb) {
		if len(c.Before)+len(c.After) == 0 && c.Code.Event != "" {
			e = c
			break
		}
	}
	if e == nil {
		return nil
	}
	f := &frame{kind: nounFrame, pred: n, host: v, verb: e, sense: e.Code, conf: 0.5,
		sources: parties, targets: parties,
		pattern: e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (clash noun, subject of " + st.lemma(v) + ")"}
	if st.dc.explain {
		f.args = st.describeArgs(f, []string{"a clash between two sides: each with the other"})
	}
	return f
}

// Restated acts. News reports an act of force and then gives details of
// it under a definite noun: "The attack came less than two weeks before
// the inauguration", "The shooting took place in the Tsuen Wan district",
// "The strike took place in Iraq". Such a sentence reports the same act
// again, done by and to the same sides, as the real-news gold codes it.

// forceNouns are, with violentActs, the nouns that restate an act of
// force.
var forceNouns = map[string]bool{"STRIKE": true, "AIRSTRIKE": true, "KILLING": true, "ASSASSINATION": true,
	"MASSACRE": true, "MURDER": true, "ASSAULT": true, "BOMBARDMENT": true}

// restatedFrames builds the frames of definite nouns of force with nothing
// of their own ("the attack", "this shooting", "the deadly strike") that
// are the subject of a verb of happening ("took place", "came",
// "began"): the article's last coded act of force with both its sides,
// when an earlier sentence coded one with a target. News options only.
func (st *sent) restatedFrames() []*frame {
	fa := st.dc.force
	if fa.source.null() || fa.target.null() || strings.HasPrefix(fa.target.code, "---") || st.c.opts.Modality != ModalityNews {
		return nil
	}
	var out []*frame
	for v := st.lo; v < st.hi; v++ {
		if st.tok(v).UPOS != text.VERB || !st.happens(v) && st.lemma(v) != "COME" && st.lemma(v) != "HAPPEN" {
			continue
		}
		n := st.subjectOf(v)
		if n < 0 || st.tok(n).UPOS != text.NOUN || !violentActs[st.lemma(n)] && !forceNouns[st.lemma(n)] {
			continue
		}
		bare := st.definiteRef(n, func(k int) bool {
			switch st.base(k) {
			case text.Punct:
				return true
			case text.Amod:
				return len(st.mention(k)) == 0 // "the deadly attack", not "the Israeli attack"
			}
			return false
		})
		if !bare {
			continue
		}
		side := func(e entity) entity {
			return entity{code: e.code, entry: e.entry, head: -1, inferred: true, viaHow: "restated", viaSpan: e.span}
		}
		f := &frame{kind: nounFrame, pred: n, host: v, sense: dict.Code{Event: fa.code}, conf: 0.5,
			sources: []entity{side(fa.source)}, targets: []entity{side(fa.target)},
			pattern: fa.pattern + " (restated by " + strings.ToLower(st.key(n)) + ")"}
		if st.dc.explain {
			f.args = st.describeArgs(f, []string{"a definite noun of force, the subject of " + strconv.Quote(st.doc.Form(v)) + ": the article's last act of force, restated"})
		}
		out = append(out, f)
	}
	return out
}
