package coder

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

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
	"MASSACRE": "MASSACRE", "ABDUCTION": "ABDUCT", "KIDNAPPING": "KIDNAP", "TORTURE": "TORTURE",
}

// unrealNouns govern an event noun that has not happened: "the threat of an
// attack", "fears of an invasion".
var unrealNouns = map[string]bool{"THREAT": true, "RISK": true, "FEAR": true, "POSSIBILITY": true, "PLAN": true,
	"PROSPECT": true, "DANGER": true, "CALL": true, "DEMAND": true, "WARNING": true, "RUMOR": true, "RUMOUR": true,
	"ALLEGATION": true, "CLAIM": true, "ACCUSATION": true, "REPORT": true, "DENIAL": true, "HOPE": true}

// unrealVerbs take an event noun as a thing not (yet) done: "planned an
// attack on", "prevented the annexation of", "denied the killing of".
var unrealVerbs = map[string]bool{"PLAN": true, "THREATEN": true, "FEAR": true, "PREVENT": true, "AVERT": true,
	"AVOID": true, "DENY": true, "PROPOSE": true, "CONSIDER": true, "PREPARE": true, "URGE": true, "DEMAND": true,
	"WANT": true, "SEEK": true, "OPPOSE": true, "WARN": true, "THWART": true, "FOIL": true, "RULE": true,
	"REJECT": true, "ALLEGE": true, "CLAIM": true, "CALL": true, "ORDER": true, "AUTHORIZE": true, "APPROVE": true}

// codeEventNouns codes the event nouns of the sentence that name both
// sides.
func (st *sent) codeEventNouns() {
	vd := st.c.d.Verbs
	if vd == nil {
		return
	}
	for n := st.lo; n < st.hi; n++ {
		if st.tok(n).UPOS != text.NOUN {
			continue
		}
		verb, ok := eventNouns[st.lemma(n)]
		if !ok || !st.realNoun(n) || st.codedAt(n) {
			continue
		}
		var e *dict.Verb
		for _, c := range vd.LookupLemma(verb) {
			if len(c.Before)+len(c.After) == 0 && c.Code.Event != "" {
				e = c
				break
			}
		}
		if e == nil || irrealisCode(e.Code.Event) || strings.HasPrefix(e.Code.Event, "01") {
			continue
		}
		var sources, targets []entity
		for _, k := range st.children(n) {
			r := st.rel(k)
			switch {
			case r == text.NmodPoss:
				sources = append(sources, st.mention(k)...)
			case (r.Base() == text.Amod || r.Base() == text.Compound) && k < n:
				sources = append(sources, st.mention(k)...)
			case r.Base() == text.Nmod || r.Base() == text.Obl:
				switch w := st.caseWord(k); w {
				case "BY":
					sources = append(sources, st.mention(k)...)
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
		if len(sources) == 0 || len(targets) == 0 {
			continue
		}
		t := st.tok(n)
		st.curVerb = n
		pattern := e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (noun " + st.key(n) + ")"
		for _, a := range sources {
			for _, b := range targets {
				if a.code != "" && b.code != "" && a.code != b.code && !sameAs([]entity{a}, []entity{b}) {
					st.emit(e.Code.Event, a, b, text.Span{Start: t.Start, End: t.End}, pattern, false, 0.5)
				}
			}
		}
	}
}

// realNoun reports whether event noun n is reported as having happened:
// not "no attack", "any invasion", not after "for", "against" or "about"
// ("called for", "warned against"), not "the threat of an attack", not the
// object of "planned", "prevented", "denied" and the like, and not inside a
// clause the coder does not take as asserted.
func (st *sent) realNoun(n int) bool {
	for _, k := range st.children(n) {
		if st.rel(k).Base() == text.Det {
			switch st.key(k) {
			case "NO", "ANY", "EVERY", "ANOTHER":
				return false
			}
		}
	}
	switch st.caseWord(n) {
	case "FOR", "AGAINST", "ABOUT", "WITHOUT":
		return false
	}
	h := st.head(n)
	if h < st.lo || h >= st.hi || h == n {
		return true
	}
	if st.caseWord(n) == "OF" && unrealNouns[st.lemma(h)] {
		return false
	}
	for up, depth := h, 0; up >= st.lo && up < st.hi && depth < maxDepth; up, depth = st.head(up), depth+1 {
		if st.tok(up).UPOS == text.VERB {
			if unrealVerbs[st.lemma(up)] || st.negated(up) || st.irrealis[up] || st.planned(up) || st.unasserted(up) || st.notDone(up) {
				return false
			}
			break
		}
		if st.head(up) == up {
			break
		}
	}
	return true
}

// codedAt reports whether an event of the sentence already has token n as
// its verb evidence ("resumed their bombing of Syria", coded by
// codeNominals).
func (st *sent) codedAt(n int) bool {
	for _, e := range st.events {
		if e.Evidence.Verb.Start == st.tok(n).Start {
			return true
		}
	}
	return false
}
