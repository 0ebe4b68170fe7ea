package coder

import (
	"sort"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Stage 1 of the coder: mentions. Every noun phrase that names an actor is
// coded from the actor dictionaries (with the roles dated at the article's
// date) and the agent dictionary ("President", "police"), or, when it does
// not name its actor itself, from a pronoun's antecedent, an earlier full
// name, the country of a possessor or of the places the actor acts in
// (place.go); each mention says how it was found (entity.viaHow, shown as
// eventwire.Actor.Via). Mentions are resolved when a frame asks for the
// actors of a phrase and kept per sentence (sent.memo).

// phraseRels are the relations that stay inside a noun phrase for actor
// and agent matching.
func phraseRel(r text.DepRel) bool {
	switch r.Base() {
	case text.Compound, text.Flat, text.Amod, text.Det, text.Nummod, text.Fixed, text.Goeswith:
		return true
	case text.Nmod:
		// nmod:desc is UD 2.14's title before a name ("President Bill
		// Clinton", "Prime Minister Telemar"), v1's compound.
		return r == text.NmodPoss || r.Subtype() == "desc"
	}
	return false
}

// span returns the contiguous token range [min, max] of i and its
// dependents for which keep holds, recursively.
func (st *sent) span(i int, keep func(k int) bool) (int, int) {
	return st.spanDepth(i, keep, 0)
}

// spanDepth is span with a depth bound: a parser's output may hold a
// cycle of heads, which must not recurse forever.
func (st *sent) spanDepth(i int, keep func(k int) bool, depth int) (int, int) {
	mn, mx := i, i
	if depth > maxDepth {
		return mn, mx
	}
	for _, k := range st.children(i) {
		if !keep(k) {
			continue
		}
		a, b := st.spanDepth(k, keep, depth+1)
		mn, mx = min(mn, a), max(mx, b)
	}
	return mn, mx
}

// maxDepth bounds every walk of a tree; real sentences are far shallower.
const maxDepth = 64

// phraseSpan is the noun phrase of head h: h with its compounds,
// modifiers, determiners and possessors (with their 's).
func (st *sent) phraseSpan(h int) (int, int) {
	return st.span(h, func(k int) bool {
		r := st.rel(k)
		if phraseRel(r) || st.nameNmod(k) || st.subjectInPhrase(h, k) {
			return true
		}
		// The possessive marker of a possessor, "'s".
		return r.Base() == text.Case && (st.key(k) == "'S" || st.key(k) == "'")
	})
}

// subjectInPhrase reports whether k, a subject the parser hung on noun h
// before it, is a modifier inside h's phrase: h is no predicate (no
// copula) and only its own modifiers stand between ("the United States
// special envoy", parsed with "States" the subject of "envoy").
func (st *sent) subjectInPhrase(h, k int) bool {
	if st.base(k) != text.Nsubj || k > h || st.tok(h).UPOS != text.NOUN {
		return false
	}
	for _, c := range st.children(h) {
		if b := st.base(c); b == text.Cop || b == text.Aux {
			return false
		}
	}
	for j := k + 1; j < h; j++ {
		if st.head(j) != h {
			return false
		}
		switch st.base(j) {
		case text.Amod, text.Compound, text.Nummod:
		default:
			return false
		}
	}
	return true
}

// subtreeEnd is the last token of h's nominal subtree (without clauses,
// conjuncts and appositions), the limit for multi-word phrases such as
// "MINISTRY OF SILLY WALKS" that run into a prepositional modifier.
func (st *sent) subtreeEnd(h int) int {
	_, mx := st.span(h, func(k int) bool {
		switch st.rel(k).Base() {
		case text.Acl, text.Conj, text.Appos, text.Punct, text.Parataxis, text.Advcl, text.Cc, text.Dep:
			return false
		}
		return true
	})
	return mx
}

type actorHit struct {
	person   bool
	inferred bool
	tok      int // last token of the match; -1 when not in the phrase
	code     string
	entry    string
	span     text.Span
	last     string
	viaHow   string
	viaSpan  text.Span
	shownHow string // see entity.shownHow
}

// phraseInfo is what the dictionaries find in one noun phrase.
type phraseInfo struct {
	actors []actorHit
	agents []*dict.Agent
	span   text.Span
	// headAgent is true when an agent match covers the head itself
	// ("the ambassadors", "government"), not only a modifier ("the
	// army's defeat").
	headAgent bool
	// modAgents are the agents of modifiers ("Islamist" in "Danish
	// Islamist media"), which coordinated heads share.
	modAgents []*dict.Agent
}

func (st *sent) scanPhrase(h int) phraseInfo {
	lo, hi := st.phraseSpan(h)
	end := max(st.subtreeEnd(h), hi) + 1
	var pi phraseInfo
	pi.span = text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End}
	d := st.c.d
	titled := st.namedAgreement(h)
	for i := lo; i <= hi; {
		if titled && i < h {
			// "the Paris Agreement", "the Geneva Conventions": the place
			// names the agreement, no party to it.
			i++
			continue
		}
		if i < h && st.namesMoney(i) {
			// "a one million US dollar reward" (with "US" on "dollar"
			// or on "reward"): the country names the money, not a
			// party to the reward.
			i++
			continue
		}
		if d.Actors != nil {
			if act, n := d.Actors.Match(st.words, i-st.lo, end-st.lo); act != nil && !st.firstName(act, i, n) && !st.lowerAcronym(i, n) &&
				!(st.cityWord(act, i, n) && st.placeAsSurname(i, i)) && !st.kinName(act, i, n) && !st.backer(i+n-1) {
				code := act.CodeAt(st.dc.date)
				if code != "" && strings.Trim(code, "-") != "" {
					j := i + n - 1
					pi.actors = append(pi.actors, actorHit{tok: j, person: personEntry(act), code: code, entry: entryName(act),
						span: text.Span{Start: st.tok(i).Start, End: st.tok(j).End}, last: st.key(j)})
					i += n
					continue
				}
				// A null-coded phrase ("THE_IRAQI_..." with no code on this
				// date) does not hide the words inside it.
			}
		}
		if p, ok := st.dc.places[i]; ok && p.last < end && p.last < st.hi && !st.placeAsSurname(i, p.last) && !st.backer(p.last) {
			// A place the geocoder resolved and no actor dictionary
			// lists: an actor of its state, as the dictionaries' places.
			j := p.last
			pi.actors = append(pi.actors, actorHit{tok: j, code: p.code, entry: p.entry,
				span: text.Span{Start: st.tok(i).Start, End: st.tok(j).End}, last: st.key(j)})
			i = j + 1
			continue
		}
		if d.Agents != nil {
			if ag, n := d.Agents.Match(st.words, i-st.lo, end-st.lo); ag != nil && !st.surname(i, n) {
				if officeRoles[ag.Code] && st.c.opts.Modality == ModalityNews && st.formerRole(h, lo, i) {
					ag = formerHolder
				}
				pi.agents = append(pi.agents, ag)
				if i <= h && h < i+n || st.titleOf(i+n-1, h) {
					// (A title before a name is the name's own role:
					// "Prime Minister John Smith of Slovakia" is SVKGOV.)
					pi.headAgent = true
				} else if i < h {
					pi.modAgents = append(pi.modAgents, ag)
				}
				i += n
				continue
			}
		}
		i++
	}
	if !pi.headAgent && st.key(h) == "PARTY" && h > lo && strings.HasPrefix(st.doc.Form(h), "P") {
		// "the Cambodia National Rescue Party", "the Workers' Party": a
		// party by its name. The dictionaries list only some ("Democratic
		// Party"); "party" in lower case is as often a celebration or a
		// party to a conflict.
		pi.agents = append(pi.agents, namedParty)
		pi.headAgent = true
	}
	return pi
}

// backer reports whether the actor ending at token j names who backs
// the group its phrase names, not the group: "the US-backed SDF
// headquarters", "an Iranian-backed militia", "the U.N.-backed
// government", "an American-supported interim government" (the actor, a
// hyphen, then a participle of backing). The phrase is another actor's
// ("Russia-backed Syrian regime" is Syria's) or none.
func (st *sent) backer(j int) bool {
	if j+2 >= st.hi || st.key(j+1) != "-" {
		return false
	}
	return backingVerbs[st.lemma(j+2)] && (st.tok(j+2).XPOS == "VBN" || strings.HasSuffix(st.key(j+2), "ED"))
}

// backingVerbs are the verbs whose participle after a hyphen says who
// backs a group ("US-backed", "Iran-allied").
var backingVerbs = map[string]bool{"BACK": true, "SUPPORT": true, "FUND": true, "SPONSOR": true, "ARM": true,
	"TRAIN": true, "ALLY": true, "ALIGN": true, "FINANCE": true, "EQUIP": true}

// agreementTitles are the nouns that, capitalised after a place, name an
// agreement or a meeting by where it was made: "the Paris Agreement",
// "the Kyoto Protocol", "the Oslo Accords", "the Helsinki Summit".
var agreementTitles = map[string]bool{"AGREEMENT": true, "AGREEMENTS": true, "ACCORD": true, "ACCORDS": true,
	"PROTOCOL": true, "CONVENTION": true, "CONVENTIONS": true, "TREATY": true, "DECLARATION": true,
	"SUMMIT": true, "CONFERENCE": true, "PROCESS": true, "FORMAT": true, "CHARTER": true}

// namedAgreement reports whether h is the capitalised head of an
// agreement's or a meeting's name, whose places before it are part of the
// name: the city where it was signed is no party to it. A name that pairs
// two actors ("the US-Taliban Agreement", "the Israel and UAE Accords")
// names its parties, and is not one.
func (st *sent) namedAgreement(h int) bool {
	if !agreementTitles[st.key(h)] {
		return false
	}
	f := st.doc.Form(h)
	// (Not the sentence's first word, capitalised whatever it names.)
	if h == st.lo || f == "" || f[0] < 'A' || f[0] > 'Z' {
		return false
	}
	lo, _ := st.phraseSpan(h)
	for j := lo; j < h; j++ {
		switch st.key(j) {
		case "-", "–", "AND", "/":
			return false
		}
		if strings.Contains(st.doc.Form(j), "-") {
			return false // one token "US-Taliban"
		}
	}
	return true
}

// officeRoles are the agent codes of offices a person holds: government,
// armed forces, police, courts, legislature, intelligence.
var officeRoles = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true}

// formerHolder is the role of a person who held an office and holds it no
// longer: the dictionaries' FORMER_PRESIDENT [~ELI].
var formerHolder = &dict.Agent{Name: "FORMER", Code: "ELI"}

// formerRole reports whether the office named at token i of the phrase
// of h (starting at lo) is one its holder has left: "former mayor",
// "ex-minister", "Michael Bloomberg, formerly the mayor of New York City",
// "previously the country's defence minister". The office is past, so
// the person is no government, army or court today; the Phoenix agents
// list only "former president" and "former prime minister" so. News
// modality only: PETRARCH's own tests keep "former border police" police.
func (st *sent) formerRole(h, lo, i int) bool {
	for j := max(lo, i-3); j < i; j++ {
		switch st.key(j) {
		case "FORMER", "EX", "FORMERLY", "PREVIOUSLY":
			return true
		}
	}
	for _, k := range st.children(h) {
		if st.base(k) == text.Advmod && k < i {
			switch st.key(k) {
			case "FORMERLY", "PREVIOUSLY", "ONCE":
				return true
			}
		}
	}
	return false
}

// namedParty is the agent of a political party named by a capitalised
// name ending in "Party".
var namedParty = &dict.Agent{Name: "PARTY", Code: "PTY"}

// combine builds the code of an actor with agents: "~GOV" agents follow
// the actor code, "NGO~" agents precede it; an agent already present in
// the actor's code is not repeated.
func combine(actor string, agents []*dict.Agent) string {
	pre, post := "", ""
	for _, ag := range agents {
		if has3(actor, ag.Code) || has3(pre, ag.Code) || has3(post, ag.Code) {
			continue
		}
		if ag.Prefix {
			pre += ag.Code
		} else {
			post += ag.Code
		}
	}
	if actor == "" {
		actor = "---"
	}
	return pre + actor + post
}

// has3 reports whether code holds sub at a multiple of three characters.
func has3(code, sub string) bool {
	for i := 0; i+len(sub) <= len(code); i += 3 {
		if code[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// lowerAcronym reports whether the one-word match at i is a short word
// written in lower case, which names no acronym's actor: "falling ice",
// not ICE (Immigration and Customs Enforcement).
func (st *sent) lowerAcronym(i, n int) bool {
	if n != 1 || st.tok(i).UPOS == text.PROPN {
		return false
	}
	f := st.doc.Form(i)
	return len(f) <= 4 && strings.ToLower(f) == f
}

var pronouns = map[string]bool{"HE": true, "SHE": true, "IT": true, "THEY": true, "HIM": true, "HER": true,
	"THEM": true, "ITS": true, "THEIR": true, "HIS": true}

// mention returns the actors named by the noun phrase headed by h: one
// entity per actor (compounds give several), or nil.
func (st *sent) mention(h int) []entity {
	if e, ok := st.memo[h]; ok {
		return e
	}
	st.memo[h] = nil // guards against cycles
	e := st.mention1(h)
	if len(e) == 0 || len(e) == 1 && strings.HasPrefix(e[0].code, "---") {
		if m := st.included(h); len(m) > 0 {
			e = m
		}
	}
	if len(e) == 0 {
		e = st.privatePerson(h)
	}
	st.memo[h] = e
	return e
}

// included returns the actors a plural noun with no country of its own
// names as its members with "including": "Tributes were paid by world
// leaders including the Iranian Foreign Minister Mohammad Javad Zarif and
// British Prime Minister Boris Johnson" were paid by those two. Each
// actor phrase of the including-phrase counts once, by its name, not by
// the adjective of a name ("Iranian", "British").
func (st *sent) included(h int) []entity {
	if st.tok(h).UPOS != text.NOUN || !st.pluralNoun(h) {
		return nil
	}
	for _, k := range st.children(h) {
		if k < h || !(st.base(k) == text.Acl && st.lemma(k) == "INCLUDE" && st.tok(k).XPOS == "VBG" || st.caseWord(k) == "INCLUDING") {
			continue
		}
		lo, hi := st.span(k, func(int) bool { return true })
		var out []entity
		for _, o := range st.occurrences {
			if o.head < lo || o.head > hi || o.inferred || strings.HasPrefix(o.code, "---") {
				continue
			}
			// The phrase's own head: up through the flat and compound
			// words of a name ("Boris Johnson").
			top := o.head
			for y := st.head(top); y >= lo && y <= hi && (st.base(top) == text.Flat || st.base(top) == text.Compound); y = st.head(top) {
				top = y
			}
			switch st.base(top) {
			case text.Amod, text.Compound, text.NmodPoss:
				continue // "Iranian" of "the Iranian Foreign Minister"
			}
			out = append(out, o)
		}
		return out
	}
	return nil
}

// mistaggedName reports whether pronoun h is a capitalised word inside
// its sentence that is no pronoun: the tagger's reading of a name's last
// word ("Human Rights Watch said", with "Watch" a pronoun), which is read
// as a name.
func (st *sent) mistaggedName(h int) bool {
	if h == st.lo || pronouns[st.key(h)] || st.key(h) == "I" {
		return false
	}
	f := st.doc.Form(h)
	if f == "" || f[0] < 'A' || f[0] > 'Z' || strings.ToUpper(f) == f {
		return false
	}
	switch st.key(h) {
	case "WE", "YOU", "THIS", "THAT", "THESE", "THOSE", "WHO", "WHICH", "WHAT":
		return false
	}
	return true
}

// facilityHeads are the nouns of places that house people ("a camp for
// refugees", "a school for girls"): what is done to one is done to them.
var facilityHeads = map[string]bool{"CAMP": true, "SHELTER": true, "SCHOOL": true, "HOSPITAL": true, "CLINIC": true,
	"HOME": true, "HOSTEL": true, "SETTLEMENT": true, "ORPHANAGE": true}

func (st *sent) mention1(h int) []entity {
	t := st.tok(h)
	if t.UPOS == text.PRON && !st.mistaggedName(h) {
		if pronouns[st.key(h)] {
			if r, ok := st.resolve(h); ok {
				r = r.from("pronoun", r.span)
				r.span = text.Span{Start: t.Start, End: t.End}
				r.head = h
				return []entity{r}
			}
		}
		if r, ok := st.quoteSpeaker(h); ok {
			r.span = text.Span{Start: t.Start, End: t.End}
			r.head = h
			return []entity{r}
		}
		return nil
	}
	if money(st.lemma(h)) {
		return nil // "invested nine billion US dollars": money, not the United States
	}
	if g := st.head(h); g > h && g < st.hi && st.base(h) == text.Compound && st.namedAgreement(g) {
		return nil // "Paris" of "the Paris Agreement"
	}
	pi := st.scanPhrase(h)
	viaNmod := false
	if len(pi.actors) == 0 {
		// "the ambassadors of Arnor", "lawmakers in Arnor", "soldiers from
		// Gondor", "the government of Gondor", "Osgiliath, the foe".
		for _, k := range st.children(h) {
			r := st.rel(k)
			ok := false
			if r.Base() == text.Acl && basedVerbs[st.lemma(k)] && (pi.headAgent || len(pi.agents) > 0) {
				// "a doctor based in Martinsville, Virginia", "a terror
				// group based in Trinidad": where a group or person is
				// based is its country.
				for _, o := range st.childrenRel(k, text.Obl) {
					if st.caseWord(o) == "IN" {
						k, ok = o, true
						break
					}
				}
				if !ok {
					continue
				}
			}
			switch r.Base() {
			case text.Nmod, text.Obl:
				switch st.caseWord(k) {
				case "OF":
					// "the Gulf of Oman", "the Strait of Hormuz": a body of
					// water, not its country.
					ok = r != text.NmodPoss && !waterHeads[st.key(h)]
				case "IN", "FROM", "FOR":
					// "soldiers from Gondor", "lawmakers in Arnor", "a
					// spokesperson for the Gondor government" are Gondor's
					// and Arnor's; "rocket attacks from Gaza" are not Gaza.
					// "its troops from Syria", "their soldiers in Iraq"
					// are the possessor's, wherever they are.
					ok = r != text.NmodPoss && pi.headAgent && !st.pronounPossessed(h)
					// "A temporary camp for Congolese refugees was
					// attacked": a camp, shelter or school for people
					// stands for the people it houses.
					ok = ok || st.caseWord(k) == "FOR" && facilityHeads[st.lemma(h)]
				}
			}
			if !ok {
				continue
			}
			for _, e := range st.mention(k) {
				if strings.HasPrefix(e.code, "---") {
					continue
				}
				viaNmod = true
				if e.span.End > pi.span.End {
					e.span.Start = pi.span.Start // "the recapture of Aleppo"
				}
				shown := e.viaHow
				if shown == "" {
					shown = e.shownHow
				}
				pi.actors = append(pi.actors, actorHit{tok: -1, code: e.code, entry: e.entry, span: e.span, last: e.last,
					shownHow: shown, viaSpan: e.viaSpan})
			}
			if len(pi.actors) > 0 {
				break
			}
		}
	}
	if len(pi.actors) == 0 && pi.headAgent {
		// "troops loyal to President Assad", "fighters allied with the
		// Islamic State", "hackers linked to the Iranian government".
		if r, ok := st.allegiance(h); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, viaHow: "allegiance", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) == 0 && (t.UPOS == text.PROPN) {
		// A short reference to an actor named earlier: "Assad" after
		// "Bashar al-Assad".
		r, ok := st.shortRef(h)
		if !ok {
			// "Cde Mugabe", "Mr Mugabe" parsed with the title as head and
			// the surname hung on it (flat): the surname refers.
			if k := st.lastFlat(h); k > h {
				r, ok = st.shortRef(k)
			}
		}
		if _, quoted := st.quotedBy(h); !ok && quoted && st.lastFlat(h) == h {
			// "I asked John for his resignation," wrote Trump: in quoted
			// words a first name alone is the one person of the article
			// with that first name.
			r, ok = st.firstNameRef(h)
		}
		if ok {
			r = r.from("short-ref", r.span)
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, person: r.person, viaHow: r.viaHow, viaSpan: r.viaSpan})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) == 0 && t.UPOS == text.PROPN {
		// A name the dictionaries do not know, described by an
		// apposition: "Mohammad Radmanish, an Afghan defence
		// spokesperson", "Jeff Mason, its president".
		if a, ok := st.describedBy(h); ok {
			hit := actorHit{tok: -1, inferred: true, code: a.code, entry: a.entry, span: pi.span, last: st.key(h), viaHow: "apposition", viaSpan: a.span}
			if len(a.code) == 3 && placeCode(a.code) && st.lastFlat(h) > h {
				// "Michael Avenatti, the California, US lawyer": a
				// person's full name described by a place only is a
				// private person of its state, no state.
				hit.code, hit.entry, hit.person = a.code+"CVL", "", true
			}
			pi.actors = append(pi.actors, hit)
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) > 0 {
		// "their government", "his vice president": the possessor's
		// country.
		if r, ok := st.possessorCountry(h); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code[:3], entry: r.entry, span: pi.span, last: r.last, viaHow: r.viaHow, viaSpan: r.viaSpan})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) > 0 && st.hasDefinite(h) {
		// "The airline" after "Mahan Air of Iran": the last actor named
		// with the same role.
		home := ""
		if sp, ok := st.quotedBy(h); ok && len(sp.code) >= 3 && placeCode(sp.code[:3]) {
			home = sp.code[:3] // "I applaud the president", said a US senator: his country's
		}
		if r, ok := st.roleRef(pi.agents, home); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code[:3], entry: r.entry, span: pi.span, last: r.last, viaHow: "role-ref", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) > 0 {
		// "rebel groups who were evacuated from Aleppo", "government
		// forces ... outside Aleppo": the country of the place they act in.
		if r, ok := st.localCountry(h, pi.agents, st.hasDefinite(h)); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, viaHow: "place", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) == 0 && groupNouns[st.key(h)] && st.hasDefinite(h) {
		// "Hezbollah ... The group attacked", "Amnesty International ...
		// the organisation said": the last group named.
		if r, ok := st.groupRef(h); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, viaHow: "group-ref", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) == 0 && st.rel(h).IsObject() {
		// "USCIRF also criticized the move": a definite noun for an act
		// refers to the act the article reports, whose doer is the
		// subject of its first sentence (Erdogan, who proposed turning
		// Hagia Sophia into a mosque).
		if r, ok := st.actRef(h); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, viaHow: "act-ref", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) == 0 && (st.rel(h).IsObject() || st.caseWord(h) == "INTO") {
		// "condemned the attack", "called for an investigation into
		// the shooting": a definite noun of violence is the attack the
		// article reports, done by whoever it coded as doing it.
		if r, ok := st.attackRef(h); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, viaHow: "attack-ref", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) == 0 {
		// "shelling the city" after "Aleppo".
		if r, ok := st.placeRef(h); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code, entry: r.entry, span: pi.span, last: r.last, viaHow: "place-ref", viaSpan: r.span})
		}
	}
	domestic := len(pi.actors) == 0 && len(pi.agents) > 0 && domesticAgents(pi.agents)
	if domestic {
		// "Members of the House of Commons", "the court", "police": a
		// legislature, a court or the police act at home, in the
		// country the article is set in, not in the last country named
		// (Ireland's prime minister, met abroad).
		if r, ok := st.homeCountry(h, pi.agents); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code[:3], entry: r.entry, span: pi.span, last: r.last, viaHow: "article", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) > 0 && st.hasDefinite(h) {
		// "the army", "the government" after a country was named in an
		// earlier sentence: the agent belongs to that country.
		if r, ok := st.lastCountry(stateOrgan(pi.agents)); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code[:3], entry: r.entry, span: pi.span, last: r.last, viaHow: "country", viaSpan: r.span})
		}
	}
	if len(pi.actors) == 0 && len(pi.agents) > 0 && !domestic {
		// "protesters", "the parliament", "police" in an article set in
		// one country: that country's. (A domestic organ asked already.)
		if r, ok := st.homeCountry(h, pi.agents); ok {
			pi.actors = append(pi.actors, actorHit{tok: -1, inferred: true, code: r.code[:3], entry: r.entry, span: pi.span, last: r.last, viaHow: "article", viaSpan: r.span})
		}
	}
	if viaNmod && !pi.headAgent {
		// "the army's defeat of rebels": the possessor's agent is not
		// the rebels'.
		pi.agents = nil
	}
	var out []entity
	if viaNmod {
		for _, a := range pi.actors {
			out = append(out, entity{code: combine(a.code, pi.agents), span: union(pi.span, a.span), head: h, entry: a.entry, last: a.last, person: a.person, inferred: a.inferred, viaHow: a.viaHow, viaSpan: a.viaSpan, shownHow: a.shownHow})
		}
	} else if len(pi.actors) > 0 {
		// One phrase names one actor: the first ("Ithilen's minister
		// Calimehtar" is Ithilen's).
		a := pi.actors[0]
		for _, b := range pi.actors[1:] {
			// A later, more specific actor of the same country wins:
			// "Russian President Vladimir Putin" is RUSGOV, not RUS.
			if len(b.code) > len(a.code) && strings.HasPrefix(b.code, a.code) {
				a = b
			}
		}
		out = append(out, entity{code: combine(a.code, pi.agents), span: pi.span, head: h, entry: a.entry, last: a.last, person: a.person, inferred: a.inferred, viaHow: a.viaHow, viaSpan: a.viaSpan, shownHow: a.shownHow})
		// ... unless the phrase itself is a compound of modifiers:
		// "Eriadori and Calenardhon leaders".
		for _, b := range pi.actors[1:] {
			if b.tok >= 0 && a.tok >= 0 && st.rel(b.tok).Base() == text.Conj && st.head(b.tok) == a.tok {
				out = append(out, entity{code: combine(b.code, pi.agents), span: pi.span, head: h, entry: b.entry, last: b.last, person: b.person})
			}
		}
	}
	if len(out) == 0 && len(pi.agents) > 0 {
		out = append(out, entity{code: combine("", pi.agents), span: pi.span, head: h})
	}
	// Compounds: "Arnor and Gondor", "the media and government", and
	// lists whose members the parser made appositions: "Evil Mordor, the
	// awful Arnor, and good Gondor".
	// Appositions are list members only in a list: "Evil Mordor, the
	// awful Arnor, and good Gondor", not "the Palestinian group Hamas".
	// A list's head names an actor of its own; a head that is only a
	// description ("The militant organisation, the Islamic State of Iraq
	// and the Levant") is the actor its apposition names, whatever
	// conjunct the parser hangs inside the name.
	named := len(pi.actors) > 0 && !pi.actors[0].inferred
	if !named && !viaNmod && st.tok(h).UPOS == text.NOUN {
		// (Also a head that names no one at all: "Bloomberg endorsed
		// his former rival, Joe Biden".)
		for _, k := range st.childrenRel(h, text.Appos) {
			if st.tok(k).UPOS != text.PROPN {
				continue
			}
			// An actor with a role or an organisation, not a bare state,
			// which a personal name may match as a place ("Dunn's mother,
			// Charlotte Charles": Charlotte, North Carolina).
			if e := st.mention(k); len(e) == 1 && len(e[0].code) > 3 && !strings.HasPrefix(e[0].code, "---") && !e[0].inferred {
				return e
			}
		}
	}
	hasConj := len(st.childrenRel(h, text.Conj)) > 0
	for _, k := range st.childrenRel(h, text.Appos) {
		hasConj = hasConj || len(st.childrenRel(k, text.Conj)) > 0
	}
	for _, k := range st.children(h) {
		if st.rel(k).Base() == text.Appos && len(out) > 0 && hasConj && named {
			for _, e := range st.mention(k) {
				if !strings.HasPrefix(e.code, "---") && !hasCode(out, e.code) {
					out = append(out, e)
				}
			}
			continue
		}
		if st.rel(k).Base() != text.Conj {
			continue
		}
		ce := st.mention(k)
		if viaNmod && len(pi.agents) > 0 && len(ce) > 0 && len(st.scanPhrase(k).agents) == 0 {
			// "the ambassadors of Arnor, Osgiliath and Gondor" parsed with
			// the later countries as conjuncts of "ambassadors": they
			// share its agents.
			for _, e := range ce {
				e.code = combine(e.code, pi.agents)
				out = append(out, e)
			}
			continue
		}
		if len(ce) == 1 && strings.HasPrefix(ce[0].code, "---") && len(pi.actors) > 0 {
			// An agent-only conjunct takes the actors of the first one:
			// "Danish media and government".
			agents := append(append([]*dict.Agent(nil), pi.modAgents...), st.scanPhrase(k).agents...)
			for _, a := range pi.actors {
				out = append(out, entity{code: combine(a.code, agents), span: ce[0].span, head: k, entry: a.entry})
			}
			continue
		}
		out = append(out, ce...)
	}
	return out
}

func (st *sent) hasDefinite(h int) bool {
	for _, k := range st.children(h) {
		if st.rel(k).Base() == text.Det && st.key(k) == "THE" {
			return true
		}
	}
	return false
}

// resolve finds the actor a pronoun refers to: the last compatible actor
// named before it in this sentence, else in the earlier sentences (a
// subject of the two sentences before first, then the nearest). Personal
// pronouns (he, him, his, she, her) skip bare state codes ("SYR", a place
// or a country is "it"); an object pronoun ("called Assad to congratulate
// him") is not its own clause's subject.
func (st *sent) resolve(h int) (entity, bool) {
	start := st.tok(h).Start
	if e, ok := st.speaker(h); ok {
		return e, true
	}
	person := false
	switch st.key(h) {
	case "HE", "HIM", "HIS", "SHE", "HER":
		person = true
	}
	if person {
		if e, ok := st.describedBefore(h); ok {
			return e, true
		}
		if st.uncodedAntecedent(h) {
			return entity{}, false
		}
	}
	if st.uncodedGroupBefore(h) {
		return entity{}, false
	}
	var not, notEntry string
	if v := st.argumentOf(h); v >= 0 {
		if src := st.sourceOf(v, 0); len(src) == 1 {
			if src[0].entry != "" {
				notEntry = src[0].entry
			} else {
				not = src[0].code
			}
		}
	}
	// "He challenged Biden to name ...": a personal subject pronoun is
	// none of the people its own verb's object names (a name there is
	// not bound by the pronoun).
	var notEntries map[string]bool
	if r := st.rel(h); person && r.IsSubject() && !r.IsPassiveSubject() {
		if v := st.head(h); v > h && v < st.hi {
			for _, k := range st.childrenRel(v, text.Obj, text.Iobj) {
				if u := st.tok(k).UPOS; u != text.PROPN && u != text.NOUN {
					continue
				}
				for _, a := range st.mention(k) {
					if a.entry == "" {
						continue
					}
					if notEntries == nil {
						notEntries = map[string]bool{}
					}
					notEntries[a.entry] = true
				}
			}
		}
	}
	thing := false
	switch st.key(h) {
	case "IT", "ITS":
		thing = true
	}
	if thing || st.key(h) == "THEY" || st.key(h) == "THEM" || st.key(h) == "THEIR" {
		// "expressed satisfaction with the takeover and said it ...": a
		// thing or group pronoun refers to the nearest noun before it;
		// when that noun is no actor, neither is the pronoun.
		if n := st.nounBefore(h); n >= 0 && !st.covered(n) && len(st.scanPhrase(n).agents) == 0 {
			return entity{}, false
		}
	}
	ok := func(e entity) bool {
		if e.code == not || e.entry != "" && (notEntries[e.entry] || e.entry == notEntry) {
			return false
		}
		if thing {
			return !e.person // "it" is a state or a group, not Putin
		}
		if person && !e.person && (organisation(e.code) || institutionWords[e.last]) {
			return false // "him" is not the United Nations, "her" not the State Department
		}
		if !person && e.viaHow == "described-name" {
			return false // "they" is not the man described before
		}
		return !person || len(e.code) != 3
	}
	// A personal pronoun looks for a person first (an office holder),
	// then for any compatible actor.
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && !person {
			continue
		}
		for i := len(st.occurrences) - 1; i >= 0; i-- {
			if o := st.occurrences[i]; o.span.End <= start && ok(o) && (pass == 1 || st.personLike(o)) {
				return o, true
			}
		}
		// Across sentences, the last subject first (the previous
		// sentence's topic), then any actor.
		recent, reach := st.startBack(2), st.startBack(pronounReach)
		for _, subj := range []bool{true, false} {
			if thing && !subj {
				// "It has been recognized by UNESCO" after a sentence
				// about a church: "it" across sentences is the previous
				// sentence's subject or nothing.
				break
			}
			for i := len(st.dc.history) - 1; i >= 0; i-- {
				o := st.dc.history[i]
				if thing && int(o.span.Start) < st.prevStart() {
					break
				}
				if subj && !thing && int(o.span.Start) < recent {
					// The subject preferred is a recent topic, of the two
					// sentences before; further back the nearest actor
					// wins ("He also noted" after Mitsotakis is named is
					// not Erdogan, the subject three sentences back).
					break
				}
				if person && int(o.span.Start) < reach {
					break // "He forced me" far from any person named: someone unnamed
				}
				if thing && st.namesModifier(o) {
					// "Greek Foreign Minister George Katrougalos ...
					// It has been recognized": "Greek" describes a person,
					// whom "it" does not refer to, and is no referent itself.
					continue
				}
				if ok(o) && (pass == 1 || st.personLike(o)) && (!subj || o.subject) {
					return o, true
				}
			}
		}
	}
	return entity{}, false
}

// argumentOf returns the verb whose own subject an object or oblique
// pronoun h cannot refer to, or -1: "called Assad to congratulate him",
// "Trump met John Bolton ... Trump disagreed with him" (him is Bolton).
// A possessive pronoun may ("Erdogan defended his decision").
func (st *sent) argumentOf(h int) int {
	r := st.rel(h)
	if !r.IsObject() && r.Base() != text.Iobj && (r.Base() != text.Obl || st.caseWord(h) == "") {
		return -1
	}
	if v := st.head(h); v >= st.lo && v < st.hi && st.tok(v).UPOS == text.VERB {
		return v
	}
	return -1
}

// pronounReach bounds how many sentences back a personal pronoun looks
// for its person: its own and the four before it. Beyond, the person is
// most often one the article never names or the dictionaries do not
// know (six such Wikinews events, all wrong); three sentences lost a
// right one.
const pronounReach = 4

// personLike reports whether occurrence o names a person: an office
// holder the dictionaries date, or a proper name coded with a personal
// role ("Alexei Navalny", RUSOPP), not an organisation.
func (st *sent) personLike(o entity) bool {
	if o.person {
		return true
	}
	if o.head < 0 || o.head >= len(st.doc.Tokens) || st.doc.Tokens[o.head].UPOS != text.PROPN {
		return false
	}
	return len(o.code) >= 6 && personalRoles[o.code[3:6]] && !organisation(o.code)
}

// uncodedAntecedent reports whether the person a personal pronoun h most
// likely refers to is one no dictionary codes: the nearest name before it
// in its sentence, else the last name in a subject of the nearest of the
// three sentences before that has one. Then the pronoun is that person,
// and no coded actor named earlier stands in for them ("Associates of Navalny alleged he drank
// tea" is not about the Kremlin two sentences before; "She credited news
// media" after "Hatice Cengiz said" is not the Saudi crown prince).
func (st *sent) uncodedAntecedent(h int) bool {
	toks := st.doc.Tokens
	for j := h - 1; j >= st.lo; j-- {
		if st.nameHead(j) {
			return !st.coveredName(j)
		}
	}
	for s := st.idx - 1; s >= 0 && s >= st.idx-3; s-- {
		prev := st.doc.Sents[s]
		for j := int(prev.End) - 1; j >= int(prev.Start); j-- {
			if !st.nameHead(j) || !subjectIn(toks, j, int(prev.Start), int(prev.End)) {
				continue
			}
			// Any word of the name: "Mr Robert Mugabe" hangs on "Mr",
			// and the dictionaries know "Robert Mugabe".
			for k := j; k < int(prev.End) && (k == j || int(toks[k].Head) == j && toks[k].Dep.Base() == text.Flat); k++ {
				p := toks[k].Start
				for _, o := range st.dc.history {
					if o.span.Start <= p && p < o.span.End {
						return false
					}
				}
			}
			return true
		}
	}
	return false
}

// describedBefore returns the person a personal pronoun h refers to when
// the nearest name before it in its sentence is one the dictionaries do
// not know but the sentence describes ("said Delfin Lorenzana, the
// Defence Secretary; he described the attacks as ..."), which
// rememberNames makes an occurrence only for later sentences.
func (st *sent) describedBefore(h int) (entity, bool) {
	for j := h - 1; j >= st.lo; j-- {
		if st.nameHead(j) {
			if st.coveredName(j) {
				return entity{}, false
			}
			return st.describedName(j)
		}
	}
	return entity{}, false
}

// coveredName reports whether name head j is part of an actor the
// sentence codes, itself, by another word of the name ("said Ali Rezai"
// after Rezai was named, a short reference on "Rezai") or through an
// apposition ("the Defence Secretary, Delfin Lorenzana", coded by the
// title).
func (st *sent) coveredName(j int) bool {
	if st.covered(j) {
		return true
	}
	for _, k := range st.childrenRel(j, text.Flat) {
		if st.covered(k) {
			return true // "Rezai" of "Ali Rezai", named before
		}
	}
	if st.rel(j).Base() == text.Appos {
		if h := st.head(j); h >= st.lo && h < st.hi && st.covered(h) {
			return true
		}
	}
	for _, k := range st.childrenRel(j, text.Appos) {
		if st.covered(k) {
			return true
		}
	}
	return false
}

// pronounPossessed reports whether noun h has a possessive pronoun ("its
// troops", "their soldiers").
func (st *sent) pronounPossessed(h int) bool {
	for _, k := range st.children(h) {
		if st.rel(k) == text.NmodPoss && st.tok(k).UPOS == text.PRON {
			return true
		}
	}
	return false
}

// uncodedGroupBefore reports whether "they" (or "them", "their") at h,
// with no noun before it in its sentence, follows a sentence whose subject
// is a plural noun no actor mention covers ("Protesters' demands include
// ...  They had asked Carrie Lam to resign"): the group it stands for has
// no code, and an actor named further back ("the BBC") is not it.
func (st *sent) uncodedGroupBefore(h int) bool {
	switch st.key(h) {
	case "THEY", "THEM", "THEIR":
	default:
		return false
	}
	if st.idx == 0 || st.nounBefore(h) >= 0 {
		return false
	}
	toks := st.doc.Tokens
	prev := st.doc.Sents[st.idx-1]
	for j := int(prev.Start); j < int(prev.End); j++ {
		t := toks[j]
		if t.XPOS != "NNS" || !subjectIn(toks, j, int(prev.Start), int(prev.End)) {
			continue
		}
		// Its phrase: the noun and the words before it that hang on it
		// ("Syrian rebels": the actor is "Syrian").
		lo := t.Start
		for k := j - 1; k >= int(prev.Start); k-- {
			if int(toks[k].Head) == j {
				lo = toks[k].Start
			}
		}
		for _, o := range st.dc.history {
			if o.span.Start < t.End && lo < o.span.End {
				return false
			}
		}
		return true
	}
	return false
}

// nameHead reports whether token j heads a proper name that is not a
// place, a date or a medium ("in Aleppo", "on Monday", "via Twitter"). It
// reads the tokens alone, so that it works in an earlier sentence too.
func (st *sent) nameHead(j int) bool {
	toks := st.doc.Tokens
	t := toks[j]
	if t.UPOS != text.PROPN {
		return false
	}
	switch t.Dep.Base() {
	case text.Flat, text.Compound:
		return false
	}
	for k := max(0, j-3); k < j; k++ {
		if int(toks[k].Head) != j || toks[k].Dep.Base() != text.Case {
			continue
		}
		switch w := strings.ToUpper(st.doc.Form(k)); {
		case locative[w], w == "TO", w == "ON", w == "VIA", w == "INTO":
			return false
		}
	}
	return true
}

// subjectIn reports whether token j of the sentence of tokens lo..hi lies
// in a clause's subject, by the parser's relations: inSubject does the
// same in the current sentence by the relations after the repairs of
// repair.go, which an earlier sentence no longer has.
func subjectIn(toks []text.Token, j, lo, hi int) bool {
	for n := 0; n < maxDepth && j >= lo && j < hi; n++ {
		if toks[j].Dep.IsSubject() {
			return true
		}
		if toks[j].UPOS == text.VERB {
			return false
		}
		j = int(toks[j].Head)
	}
	return false
}

// basedVerbs say where a group or person is based: the participles of
// "based in", "headquartered in", "located in", "registered in". (Not
// "stationed" or "deployed": forces stationed abroad are foreign.)
var basedVerbs = map[string]bool{"BASE": true, "HEADQUARTER": true, "LOCATE": true, "REGISTER": true}

// currencies are the nouns of money, which a country's name or adjective
// modifies without making it an actor ("US dollars", "Russian rubles").
var currencies = map[string]bool{"DOLLAR": true, "EURO": true, "POUND": true, "YEN": true, "YUAN": true,
	"RUBLE": true, "ROUBLE": true, "RUPEE": true, "PESO": true, "LIRA": true, "RIAL": true, "DINAR": true,
	"FRANC": true, "WON": true, "REAL": true, "SHEKEL": true, "DIRHAM": true, "RINGGIT": true, "BAHT": true,
	"HRYVNIA": true, "ZLOTY": true, "KRONA": true, "KRONE": true, "RAND": true, "NAIRA": true, "CURRENCY": true}

// moneySigns are the signs of currencies as the tokenizer splits them
// from their sums ("US$22,900": "US", "$", "22,900"), and the codes
// written as signs ("USD1 million").
var moneySigns = map[string]bool{"$": true, "€": true, "£": true, "¥": true, "₹": true, "₽": true, "₩": true,
	"₺": true, "US$": true, "A$": true, "C$": true, "HK$": true, "NZ$": true, "R$": true, "USD": true, "EUR": true,
	"GBP": true}

// money reports whether word w (a lemma or a form's key) names money:
// a currency's name or its sign.
func money(w string) bool { return currencies[w] || moneySigns[w] }

// namesMoney reports whether token k names whose currency a sum is: its
// head or the word after it is a currency ("US dollars", "a US dollar
// reward" with "US" on "dollar" or on "reward").
func (st *sent) namesMoney(k int) bool {
	if g := st.head(k); g >= st.lo && g < st.hi && money(st.lemma(g)) {
		return true
	}
	return k+1 < st.hi && money(st.lemma(k+1))
}

// personalRoles are the roles a named person holds.
var personalRoles = map[string]bool{"GOV": true, "OPP": true, "ELI": true, "LEG": true, "JUD": true, "MIL": true,
	"COP": true, "MED": true, "CVL": true, "SPY": true}

// personName reports whether tokens a..b, an actor phrase coded code, name
// a person though the dictionary gives no dated roles: two or more proper
// nouns ("Sviatlana Tsikhanouskaya") with a personal role after the
// country (BLROPP), not an organisation.
func (st *sent) personName(a, b int, code string) bool {
	if b <= a || len(code) < 6 || organisation(code) || !personalRoles[code[3:6]] || institutionWords[st.key(b)] {
		return false // not "State Department"
	}
	for i := a; i <= b; i++ {
		if st.tok(i).UPOS != text.PROPN {
			return false
		}
	}
	return true
}

// actNouns name an act by what it is to those who respond to it: "the
// move", "this decision", "the plan".
var actNouns = map[string]bool{"MOVE": true, "DECISION": true, "PLAN": true, "PROPOSAL": true, "CHANGE": true,
	"STEP": true, "ANNOUNCEMENT": true, "MEASURE": true, "MEASURES": true, "POLICY": true, "ACTION": true,
	"INITIATIVE": true, "ORDER": true, "DECREE": true, "REMARKS": true, "COMMENTS": true, "STATEMENT": true,
	"INVESTIGATION": true, "INQUIRY": true, "PROBE": true}

// actRef resolves a bare definite act noun ("the move", "this decision")
// to the doer of the act the article leads with: the actor subject of its
// first sentence, when it names one with a country or an organisation.
// Not in the first sentence itself, and not with modifiers of its own
// ("the move to Syria", "the new policy"), but a common noun before it
// names its kind ("the impeachment investigation").
func (st *sent) actRef(h int) (entity, bool) {
	if st.idx == 0 || !actNouns[st.key(h)] && !actNouns[st.lemma(h)] {
		return entity{}, false
	}
	bare := st.definiteRef(h, func(k int) bool {
		switch st.base(k) {
		case text.Punct:
			return true
		case text.Compound:
			// "the impeachment investigation": a kind of act, still the
			// article's; "the Mueller investigation" is Mueller's.
			return st.tok(k).UPOS == text.NOUN
		}
		return false
	})
	if !bare {
		return entity{}, false
	}
	for _, o := range st.dc.history {
		if int(o.span.Start) >= int(st.doc.SentByteSpan(0).End) {
			break
		}
		if o.subject && !strings.HasPrefix(o.code, "---") {
			return o, true
		}
	}
	return entity{}, false
}

// definiteDets are the determiners of a noun that refers back to
// something the article has reported: "the move", "this attack".
var definiteDets = map[string]bool{"THE": true, "THIS": true, "THAT": true, "THESE": true, "THOSE": true}

// definiteRef reports whether noun h has a definite determiner
// (definiteDets) and no other dependents than those other accepts: a
// noun that refers back, with nothing of its own that names another
// referent.
func (st *sent) definiteRef(h int, other func(k int) bool) bool {
	definite := false
	for _, k := range st.children(h) {
		if st.base(k) == text.Det {
			definite = definite || definiteDets[st.key(k)]
			continue
		}
		if !other(k) {
			return false
		}
	}
	return definite
}

// attackRef resolves a definite noun of violence ("the attack", "this
// appalling attack", "the shooting") to the doer of the last act of
// force (18-20) the article has coded before it, when it has a country
// or an organisation: "The spokesperson for the German government
// strongly condemned the attack" condemns its doer. Not with modifiers of
// its own ("the attack on Gaza", "the 9/11 attacks"), which name another
// act.
func (st *sent) attackRef(h int) (entity, bool) {
	if st.dc.force.source.null() || !violentActs[st.lemma(h)] {
		return entity{}, false
	}
	bare := st.definiteRef(h, func(k int) bool {
		b := st.base(k)
		return b == text.Punct || b == text.Amod || b == text.Case
	})
	if !bare {
		return entity{}, false
	}
	return st.dc.force.source, true
}

// describedBy returns the actor that an apposition of name h describes,
// when h is not one member of a list ("Evil Mordor, the awful Arnor, and
// Gondor") and the apposition names one actor with a country or an
// organisation.
func (st *sent) describedBy(h int) (entity, bool) {
	if len(st.childrenRel(h, text.Conj)) > 0 {
		return entity{}, false
	}
	for _, k := range st.childrenRel(h, text.Appos) {
		if len(st.childrenRel(k, text.Conj)) > 0 {
			continue
		}
		if e := st.mention(k); len(e) == 1 && !strings.HasPrefix(e[0].code, "---") {
			return e[0], true
		}
	}
	return entity{}, false
}

// shortRef finds an earlier actor whose phrase ended with the word at h.
func (st *sent) shortRef(h int) (entity, bool) {
	k := st.key(h)
	if len(k) < 4 || st.dc.surnames[k] {
		// A surname the article has given a person ("Sudesh Amman")
		// does not refer back to the place of that name.
		return entity{}, false
	}
	start := st.tok(h).Start
	for i := len(st.occurrences) - 1; i >= 0; i-- {
		if o := st.occurrences[i]; o.span.End <= start && sameName(o.last, k) {
			return o, true
		}
	}
	for i := len(st.dc.history) - 1; i >= 0; i-- {
		if o := st.dc.history[i]; sameName(o.last, k) {
			return o, true
		}
	}
	return entity{}, false
}

// sameName reports whether word k is the last name word last, also
// without an attached article: ASSAD for AL-ASSAD.
func sameName(last, k string) bool {
	if last == k {
		return true
	}
	i := strings.LastIndexByte(last, '-')
	return i >= 0 && i <= 4 && last[i+1:] == k
}

// allegianceWords are the adjectives and participles that tie a group to
// the one it fights or works for: "loyal to", "allied with", "aligned
// with", "affiliated with", "linked to".
var allegianceWords = map[string]bool{"LOYAL": true, "ALLY": true, "ALLIED": true, "ALIGN": true, "ALIGNED": true,
	"AFFILIATE": true, "AFFILIATED": true, "LINK": true, "LINKED": true, "FAITHFUL": true}

// allegiance gives the actor of the group headed by agent noun h from the
// one its modifier ties it to: "troops loyal to President Assad" are
// Syria's troops (SYR, which the agent's role then follows), "fighters
// allied with the Islamic State" the Islamic State's. A state's actor
// gives its country only, an organisation its whole code.
func (st *sent) allegiance(h int) (entity, bool) {
	for _, k := range st.children(h) {
		switch r := st.rel(k); {
		case r.Base() == text.Amod, r.Base() == text.Acl && r != text.AclRelcl:
		default:
			continue
		}
		if !allegianceWords[st.lemma(k)] && !allegianceWords[st.key(k)] {
			continue
		}
		for _, o := range st.childrenRel(k, text.Obl, text.Nmod) {
			switch st.caseWord(o) {
			case "TO", "WITH":
			default:
				continue
			}
			e := st.mention(o)
			if len(e) != 1 || strings.HasPrefix(e[0].code, "---") || len(e[0].code) < 3 {
				continue
			}
			r := e[0]
			if placeCode(r.code[:3]) {
				r.code = r.code[:3]
			}
			return r, true
		}
	}
	return entity{}, false
}

// possessorCountry gives a role noun possessed by a pronoun ("their
// government", "his vice president") the country of the pronoun's
// antecedent.
func (st *sent) possessorCountry(h int) (entity, bool) {
	for _, k := range st.children(h) {
		if st.rel(k) != text.NmodPoss || st.tok(k).UPOS != text.PRON {
			continue
		}
		for _, e := range st.mention(k) {
			if len(e.code) >= 3 && placeCode(e.code[:3]) {
				return e, true
			}
		}
	}
	return entity{}, false
}

// roleRef returns the last actor of an earlier sentence whose code is a
// state's code followed by exactly the role of agents ("Mahan Air of
// Iran", IRNBUS, for "the airline", BUS); with home (a quoted speaker's
// state), the last such actor of that state first.
func (st *sent) roleRef(agents []*dict.Agent, home string) (entity, bool) {
	role := combine("", agents)[3:]
	if role == "" {
		return entity{}, false
	}
	match := func(o entity) bool {
		return placeCode(o.code[:min(3, len(o.code))]) && (o.code[3:] == role || o.role == role)
	}
	if home != "" {
		// In a speaker's quoted words a role of the speaker's own state
		// comes first: "the president" in a US senator's words is the US
		// president, though Assad was named after him.
		for i := len(st.dc.history) - 1; i >= 0; i-- {
			if o := st.dc.history[i]; match(o) && strings.HasPrefix(o.code, home) {
				return o, true
			}
		}
	}
	for i := len(st.dc.history) - 1; i >= 0; i-- {
		if o := st.dc.history[i]; match(o) {
			return o, true
		}
	}
	return entity{}, false
}

// titleOf reports whether token t, the last word of an agent phrase, is
// the title (nmod:desc) of name h: "Prime Minister" of "John Smith".
func (st *sent) titleOf(t, h int) bool {
	return t < h && st.head(t) == h && st.rel(t).Subtype() == "desc" && st.tok(h).UPOS == text.PROPN
}

// roleOf returns the role code of the noun that the actor word k modifies
// ("Iranian airline": BUS), or "".
func (st *sent) roleOf(k int) string {
	switch st.rel(k).Base() {
	case text.Amod, text.Compound, text.Nmod:
	default:
		return ""
	}
	h := st.head(k)
	if h < st.lo || h >= st.hi || h == k {
		return ""
	}
	if pi := st.scanPhrase(h); pi.headAgent {
		return combine("", pi.agents)[3:]
	}
	return ""
}

// lastCountry returns the last actor of an earlier sentence whose code
// starts with a three-letter country code; with topic, the previous
// sentence's subject first (a state organ belongs to the topic: "Russia
// shelled Aleppo. The army ..." is Russia's; "the rebels" are not).
func (st *sent) lastCountry(topic bool) (entity, bool) {
	country := func(o entity) bool {
		return len(o.code) >= 3 && placeCode(o.code[:3])
	}
	for i := len(st.dc.history) - 1; i >= 0; i-- {
		o := st.dc.history[i]
		if !topic || int(o.span.Start) < st.prevStart() {
			break
		}
		if country(o) && o.subject {
			return o, true
		}
	}
	for i := len(st.dc.history) - 1; i >= 0; i-- {
		if o := st.dc.history[i]; country(o) {
			return o, true
		}
	}
	return entity{}, false
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func hasCode(es []entity, code string) bool {
	for _, e := range es {
		if e.code == code {
			return true
		}
	}
	return false
}

// union returns the smallest span covering a and b.
func union(a, b text.Span) text.Span {
	return text.Span{Start: min(a.Start, b.Start), End: max(a.End, b.End)}
}

// surname reports whether a one-word agent match at i is the last word of
// a name ("Darin Fisher" is not a FISHER [~AGR]): a proper noun after
// another proper noun, with no proper noun after it.
func (st *sent) surname(i, n int) bool {
	if n != 1 || st.tok(i).UPOS != text.PROPN || i == st.lo || st.tok(i-1).UPOS != text.PROPN {
		return false
	}
	if f := st.doc.Text[st.tok(i).Start:st.tok(i).End]; f == "" || f[0] < 'A' || f[0] > 'Z' {
		return false // "Arnor cleric" with "cleric" tagged PROPN: a surname is capitalised
	}
	if st.stateNameEndsAt(i - 1) {
		return false // "Delhi Police", "Nigerian Navy": the place's organ, no one's surname
	}
	if organWords[st.key(i)] {
		return false // "Thames Valley Police", "the Metropolitan Police": an organ by its name
	}
	if i+1 >= st.hi {
		return true
	}
	switch st.tok(i + 1).UPOS {
	case text.PROPN, text.NOUN, text.ADJ:
		return false // a modifier: "Danish Islamist media"
	}
	return true
}

// stateNameEndsAt reports whether token p ends the name of a place: a
// place the geocoder resolved, or a state, its city or its people in the
// actor dictionaries ("Delhi", "Hong Kong", "Nigerian").
func (st *sent) stateNameEndsAt(p int) bool {
	for k := max(st.lo, p-3); k <= p; k++ {
		if pl, ok := st.dc.places[k]; ok && pl.last == p {
			return true
		}
		if d := st.c.d.Actors; d != nil {
			if act, n := d.Match(st.words, k-st.lo, p+1-st.lo); act != nil && k+n-1 == p && len(act.CodeAt(st.dc.date)) == 3 {
				return true
			}
		}
	}
	return false
}

// cityWord reports whether the one-word actor match at i is a state's
// city or other place listed under the state's entry ("+AMMAN_" under
// JORDAN_), not the state's own name, which organisations put after
// theirs ("Jamiat-i-Islami Afghanistan").
func (st *sent) cityWord(act *dict.Actor, i, n int) bool {
	return n == 1 && len(act.CodeAt(st.dc.date)) == 3 && strings.Trim(act.Name, "_") != st.key(i)
}

// markSurnames records the one-word geocoded places of the sentence that
// follow a first name ("Sudesh Amman"), so that the place names him
// wherever the article uses it alone. (Cities of the actor dictionaries
// are recorded by scanOccurrences, which reads every actor match.)
func (st *sent) markSurnames() {
	for i := st.lo + 1; i < st.hi; i++ {
		if st.tok(i).UPOS != text.PROPN || st.tok(i-1).UPOS != text.PROPN || st.dc.surnames[st.key(i)] {
			continue
		}
		if p, ok := st.dc.places[i]; ok && p.last == i {
			st.placeAsSurname(i, i)
		}
	}
}

// privatePerson gives a person the dictionaries do not know, named in an
// article set in one state (homeCountry), as a private person of that
// state: "Trump granted Milken a full and unconditional pardon" (USACVL).
// Only when nothing else names the phrase's actor.
func (st *sent) privatePerson(h int) []entity {
	if !st.privateName(h) {
		return nil
	}
	r, ok := st.homeCountry(h, []*dict.Agent{{Name: "person", Code: "CVL"}})
	if !ok {
		return nil
	}
	lo, hi := st.phraseSpan(h)
	span := text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End}
	return []entity{{code: r.code[:3] + "CVL", span: span, head: h, last: st.key(h), person: true, inferred: true, viaHow: "article-person", viaSpan: r.span}}
}

// notPersonEnds end the names of places, buildings, organisations and media
// that institutionWords leave out; none names a person.
var notPersonEnds = map[string]bool{"HOSPITAL": true, "COLLEGE": true, "SCHOOL": true, "CHURCH": true,
	"CATHEDRAL": true, "MOSQUE": true, "TEMPLE": true, "AIRPORT": true, "STATION": true, "STREET": true,
	"ROAD": true, "AVENUE": true, "SQUARE": true, "PLAZA": true, "PARK": true, "BRIDGE": true, "MUSEUM": true,
	"PALACE": true, "HALL": true, "CENTER": true, "CENTRE": true, "TOWER": true, "COMPANY": true,
	"CORPORATION": true, "INC": true, "INC.": true, "LTD": true, "GROUP": true, "FOUNDATION": true, "NEWS": true,
	"TIMES": true, "POST": true, "CLUB": true, "PRISON": true, "ISLAND": true, "ISLANDS": true, "RIVER": true,
	"COUNTY": true, "CITY": true, "VALLEY": true, "BEACH": true, "FESTIVAL": true, "PROJECT": true, "ACT": true,
	"LAW": true, "FUND": true, "TRUST": true, "SOCIETY": true, "FEDERATION": true, "BOARD": true,
	"ADMINISTRATION": true, "GUARD": true, "TV": true, "RADIO": true, "PRESS": true}

// private reports whether e is a person privatePerson gave the article's
// country, which a more specific inference may replace.
func (e entity) private() bool {
	return e.inferred && e.person && e.viaHow == "article-person"
}

// privateName reports whether h heads a person's name the dictionaries
// do not know: two or more capitalised proper nouns ("Michael Milken"),
// or one that ended such a name earlier in the article ("Milken").
func (st *sent) privateName(h int) bool {
	if st.tok(h).UPOS != text.PROPN {
		return false
	}
	switch st.base(h) {
	case text.Compound, text.Amod, text.Flat:
		return false // part of another noun's phrase ("the Roman Catholic cathedral")
	}
	if st.rel(h).Subtype() == "desc" {
		return false
	}
	for _, k := range st.children(h) {
		switch b := st.base(k); {
		case st.rel(k).Subtype() == "desc" || b == text.Appos:
			return false // a titled or described person: the title says who ("police press officer Monika Kosiec")
		case b == text.Nmod && st.caseWord(k) == "OF":
			return false // "Sabrina Bennoui of Reporters Without Borders"
		}
	}
	if st.base(h) == text.Appos {
		return false
	}
	lo, hi := st.phraseSpan(h)
	n := 0
	for i := lo; i <= hi; i++ {
		if st.tok(i).UPOS == text.PROPN {
			w := st.doc.Form(i)
			if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w && !initial(w) {
				return false // "CNN", "NATO": acronyms are organisations
			}
			n++
			continue
		}
		if st.tok(i).UPOS != text.DET {
			return false
		}
	}
	if institutionWords[st.key(hi)] || notPersonEnds[st.key(hi)] {
		return false // "John Radcliffe Hospital", "Freedom Plaza"
	}
	if n >= 2 {
		if st.dc.privateNames == nil {
			st.dc.privateNames = map[string]bool{}
		}
		st.dc.privateNames[st.key(hi)] = true
		return true
	}
	return n == 1 && st.dc.privateNames[st.key(h)]
}

// initial reports whether w is a name's initial ("J." in "Edward J.
// DeBartolo"), no acronym.
func initial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// placeQualifiers come before a place's name as part of it, not as a
// first name ("Northern Ireland", "Lake Chad", "New Caledonia").
var placeQualifiers = map[string]bool{"NORTH": true, "SOUTH": true, "EAST": true, "WEST": true, "NORTHERN": true,
	"SOUTHERN": true, "EASTERN": true, "WESTERN": true, "CENTRAL": true, "UPPER": true, "LOWER": true,
	"GREATER": true, "LAKE": true, "MOUNT": true, "CAPE": true, "GULF": true, "PORT": true, "SAINT": true,
	"ST": true, "ST.": true, "NEW": true, "OLD": true, "FORT": true, "SAN": true, "SANTA": true, "EL": true, "LA": true}

// placeAsSurname reports whether the one-word place at i ("Amman", a
// geocoded place or a state's city or country in the actor dictionaries)
// is a person's surname: after a capitalised proper noun that is no place, no
// actor and no part of a place's name ("Sudesh Amman"), or alone after
// the article has so used it ("said about Amman"). Multi-word places
// ("Saudi Arabia") are never surnames.
func (st *sent) placeAsSurname(i, last int) bool {
	if last != i {
		return false
	}
	k := st.key(i)
	if st.dc.surnames[k] {
		return true
	}
	p := i - 1
	if p < st.lo || st.tok(p).UPOS != text.PROPN || placeQualifiers[st.key(p)] || !st.surname(i, 1) {
		return false
	}
	if _, ok := st.dc.places[p]; ok {
		return false // "Paris Texas"
	}
	if d := st.c.d.Actors; d != nil {
		if act, _ := d.Match(st.words, p-st.lo, i-st.lo); act != nil {
			return false // "Gaza City"-like names the dictionaries know
		}
	}
	if st.dc.surnames == nil {
		st.dc.surnames = map[string]bool{}
	}
	st.dc.surnames[k] = true
	return true
}

// honorifics stand before a surname without naming another person.
var honorifics = map[string]bool{"MR": true, "MR.": true, "MRS": true, "MRS.": true, "MS": true, "MS.": true,
	"MISS": true, "DR": true, "DR.": true, "SIR": true, "DAME": true, "LORD": true, "LADY": true, "CDE": true}

// kinName reports whether a one-word match of a person's surname at token
// i follows a first name that no entry of that person has: "Ivanka Trump",
// "Hunter Biden" are other people of the family, not the office holder
// the bare surname stands for. A title ("President Trump"), an honorific
// ("Mr Trump") or an actor word before it does not count.
func (st *sent) kinName(act *dict.Actor, i, n int) bool {
	if n != 1 || !personEntry(act) || i-1 < st.lo {
		return false
	}
	f := st.tok(i - 1)
	if f.UPOS != text.PROPN || honorifics[st.key(i-1)] {
		return false
	}
	if w := st.doc.Form(i - 1); w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w {
		return false
	}
	if h, k := st.head(i-1), st.head(i); h != i && k != i-1 {
		return false
	}
	d := st.c.d
	if d.Agents != nil {
		if a, _ := d.Agents.Match(st.words, i-1-st.lo, st.hi-st.lo); a != nil {
			return false
		}
	}
	if a, _ := d.Actors.Match(st.words, i-1-st.lo, st.hi-st.lo); a != nil {
		return false
	}
	return true
}

// firstName reports whether a one-word match at i of a person's entry
// (a name with dated roles, "ALBERT_" for Monaco's prince) is only the
// first name of someone else: "Albert Muchanga", the African Union's
// commissioner, is not Prince Albert. The next word is a capitalised
// proper noun of the same name, and no role noun ("Trump
// Administration").
func (st *sent) firstName(act *dict.Actor, i, n int) bool {
	if n != 1 || len(act.Roles) == 0 || i+1 >= st.hi || st.tok(i).UPOS != text.PROPN || st.tok(i+1).UPOS != text.PROPN {
		return false
	}
	if code := act.CodeAt(st.dc.date); len(code) < 6 || !personalRoles[code[3:6]] || organisation(code) {
		return false // a country ("Estonian MEP") or an organisation, not a person
	}
	if ag := st.c.d.Agents; ag != nil {
		if a, _ := ag.Match(st.words, i+1-st.lo, st.hi-st.lo); a != nil {
			return false // "Trump Administration": the person's own organ
		}
	}
	if f := st.doc.Text[st.tok(i+1).Start:st.tok(i+1).End]; f == "" || f[0] < 'A' || f[0] > 'Z' {
		return false
	}
	h, k := st.head(i), st.head(i+1)
	return h == i+1 || k == i
}

// speaker resolves "he" in "X said (that) he ...": the subject pronoun of a
// complement clause is the governing verb's subject, when that subject
// names an actor or an agent.
func (st *sent) speaker(h int) (entity, bool) {
	switch st.key(h) {
	case "HE", "SHE", "THEY", "IT", "WE":
	default:
		return entity{}, false
	}
	if !st.rel(h).IsSubject() && st.rel(h).Base() != text.Expl {
		return entity{}, false
	}
	v := st.head(h)
	if v < st.lo || v >= st.hi || st.base(v) != text.Ccomp {
		return entity{}, false
	}
	g := st.head(v)
	if g < st.lo || g >= st.hi {
		return entity{}, false
	}
	if e := st.sourceOf(g, 0); len(e) == 1 {
		if thing := st.key(h) == "IT"; thing && (e[0].person || st.pluralNoun(e[0].head)) {
			// "Putin said it was a provocation": it is no person;
			// "Chinese officials confirmed it has infected 200 people":
			// it is not the officials.
			return entity{}, false
		}
		return e[0], true
	}
	return entity{}, false
}

// pluralNoun reports whether token h is a common noun in the plural
// ("officials", "forces"), which "it" does not refer to. Proper nouns
// plural in form name one state or body ("the United States", "the
// Philippines", "the United Nations").
func (st *sent) pluralNoun(h int) bool {
	if h < 0 || h >= len(st.doc.Tokens) {
		return false
	}
	t := st.doc.Tokens[h]
	return t.UPOS == text.NOUN && (strings.Contains(t.Feats, "Number=Plur") || t.XPOS == "NNS")
}

// nounBefore returns the last noun or proper noun before h in the
// sentence, or -1.
func (st *sent) nounBefore(h int) int {
	for i := h - 1; i >= st.lo; i-- {
		switch st.tok(i).UPOS {
		case text.NOUN, text.PROPN:
			return i
		}
	}
	return -1
}

// entity is one coded actor mention.
type entity struct {
	code  string // combined actor+agent code; "" when nothing is coded
	span  text.Span
	head  int    // token index of the phrase head
	entry string // the actor dictionary entry, file:line NAME
	last  string // last word of the actor phrase, for short references
	// subject is true for an occurrence inside a clause's subject, which
	// pronouns in the next sentence prefer.
	subject bool
	// inferred is true when the actor was not named here: a pronoun, a
	// short reference, a country carried over, a new actor.
	inferred bool
	// person is true for actors with dated roles (office holders: the
	// dictionaries date people, not places), for pronoun agreement.
	person bool
	// repaired is true when the actor fills its role only through a
	// repair of an implausible parse (repair.go).
	repaired bool
	// role is, for an occurrence that modifies a noun naming a role
	// ("Iranian airline", "Syria's army"), that role's code (BUS, MIL),
	// for later definite references to it ("the airline").
	role string
	// locative is true for an occurrence after a place preposition
	// ("in Aleppo", "outside Aleppo"): where something happens.
	locative bool
	// joined is true for a place that is locative only as the second of
	// two places joined by a comma whose first the dictionaries code in
	// the same state ("in Paris, France": France), the same location
	// named twice. After a place only the geocoder knows ("in Randolph,
	// New Hampshire") the second is the one that counts.
	joined bool
	// via says where an inferred code came from (eventwire.Via.How) and
	// the mention it was taken from.
	viaHow  string
	viaSpan text.Span
	// shownHow is a Via shown to the reader only: where the code of a
	// phrase's modifier came from ("Members of the House of Commons",
	// the House's country from an earlier sentence), which the rules that
	// read viaHow do not treat as the phrase's own inference.
	shownHow string
}

// from marks e as inferred from the mention src in the way how, unless e
// already says where it came from.
func (e entity) from(how string, src text.Span) entity {
	e.inferred = true
	if e.viaHow == "" {
		e.viaHow, e.viaSpan = how, src
	}
	return e
}

func (e entity) null() bool { return e.code == "" }

// scanOccurrences finds every actor phrase of the sentence left to right.
func (st *sent) scanOccurrences() {
	a := st.c.d.Actors
	if a == nil {
		return
	}
	end := st.hi - st.lo
	for i := 0; i < end; {
		act, n := a.Match(st.words, i, end)
		if act == nil || st.firstName(act, st.lo+i, n) || (st.cityWord(act, st.lo+i, n) && st.placeAsSurname(st.lo+i, st.lo+i)) ||
			st.kinName(act, st.lo+i, n) || st.lowerAcronym(st.lo+i, n) {
			// (A lower-case "us" is the pronoun, not the United States:
			// "them" after "told us" is not American.)
			i++
			continue
		}
		code := act.CodeAt(st.dc.date)
		if code == "" || strings.Trim(code, "-") == "" {
			i++ // a null-coded phrase does not hide the words inside it
			continue
		}
		j := st.lo + i
		top := st.topOf(j, j+n-1) // "Hong" of "in Hong Kong" carries the case
		st.occurrences = append(st.occurrences, entity{code: code, head: j + n - 1,
			span:  text.Span{Start: st.doc.Tokens[j].Start, End: st.doc.Tokens[j+n-1].End},
			entry: entryName(act), last: st.words.Keys[i+n-1], person: personEntry(act) || st.personName(j, j+n-1, code),
			subject: st.inSubject(j + n - 1), locative: locative[st.placeCase(top)], joined: st.joinedPlace(top, code),
			role: st.roleOf(top)})
		i += n
	}
	// Short references to actors named before ("Assad" after "Bashar
	// al-Assad") are occurrences too, for the pronouns that follow them.
	if len(st.dc.history) == 0 && len(st.occurrences) == 0 {
		return
	}
	var refs []entity
	for j := st.lo; j < st.hi; j++ {
		if st.doc.Tokens[j].UPOS != text.PROPN || st.covered(j) {
			continue
		}
		if r, ok := st.shortRef(j); ok {
			r.head = j
			r.span = text.Span{Start: st.doc.Tokens[j].Start, End: st.doc.Tokens[j].End}
			refs = append(refs, r)
		}
	}
	if len(refs) > 0 {
		st.occurrences = append(st.occurrences, refs...)
		sort.SliceStable(st.occurrences, func(a, b int) bool { return st.occurrences[a].span.Start < st.occurrences[b].span.Start })
	}
}

// topOf returns the token of [a, b] whose head lies outside it (the
// syntactic head of a multi-word name), else b.
func (st *sent) topOf(a, b int) int {
	for k := a; k <= b; k++ {
		if h := int(st.doc.Tokens[k].Head); h < a || h > b {
			return k
		}
	}
	return b
}

// inSubject reports whether token j lies in the subject of a clause: on
// the way up to the first verb, some token is a subject.
func (st *sent) inSubject(j int) bool {
	for n := 0; n < maxDepth && j >= st.lo && j < st.hi; n++ {
		if st.rel(j).IsSubject() {
			return true
		}
		if st.doc.Tokens[j].UPOS == text.VERB {
			return false
		}
		j = int(st.doc.Tokens[j].Head)
	}
	return false
}

// covered reports whether token j lies inside an actor occurrence.
func (st *sent) covered(j int) bool {
	p := st.doc.Tokens[j].Start
	for _, o := range st.occurrences {
		if o.span.Start <= p && p < o.span.End {
			return true
		}
	}
	return false
}

func entryName(a *dict.Actor) string {
	return a.Entry()
}

// personEntry reports whether dictionary entry act names a person: it has
// dated roles (an office holder's offices), one of which is more than a
// state. States have dated codes too, for the states they were part of or
// the times they were occupied ("UKRAINE_ [USRUKR <910824] ... [UKR
// >911221]", "IRAQ_ ... [IRQOCC 20030320-20060520]"), and are no persons:
// "Ukraine said it had shot down a drone" is Ukraine's "it".
func personEntry(act *dict.Actor) bool {
	if len(act.Roles) == 0 {
		return false
	}
	if act.Code != "" && !territorial(act.Code) {
		return true
	}
	for _, r := range act.Roles {
		if !territorial(r.Code) {
			return true
		}
	}
	return false
}

// territorial reports whether code names a state or a territory: a
// country code, a part of a federation (SCGSRB, YUGKSV, USRUKR), or a
// state occupied, autonomous or under UN administration (IRQOCC,
// SDNSSDAUT, KSVUNO).
func territorial(code string) bool {
	if code == "" || len(code)%3 != 0 {
		return false
	}
	for i := 0; i < len(code); i += 3 {
		switch p := code[i : i+3]; {
		case placeCode(p):
		case i > 0 && (p == "OCC" || p == "AUT" || p == "UNO"):
		default:
			return false
		}
	}
	return true
}

// institutionWords end the names of institutions, which "he" or "she"
// never refers to: "forgiving her" after "The State Department gave its
// deepest sympathies" is the driver the dictionaries do not know.
var institutionWords = map[string]bool{"DEPARTMENT": true, "MINISTRY": true, "HOUSE": true, "OFFICE": true,
	"AGENCY": true, "COUNCIL": true, "COMMITTEE": true, "COURT": true, "PARLIAMENT": true, "CONGRESS": true,
	"SENATE": true, "ARMY": true, "POLICE": true, "PARTY": true, "GOVERNMENT": true, "SERVICE": true,
	"SERVICES": true, "BANK": true, "COMMISSION": true, "ASSEMBLY": true, "UNION": true, "FORCE": true,
	"FORCES": true, "EMBASSY": true, "ORGANIZATION": true, "ORGANISATION": true, "ASSOCIATION": true,
	"INSTITUTE": true, "UNIVERSITY": true, "CORPS": true, "COMMAND": true, "BUREAU": true, "AUTHORITY": true,
	"NAVY": true, "COALITION": true, "FRONT": true, "MOVEMENT": true, "BRIGADE": true, "BRIGADES": true}

// domesticAgents reports whether agents name only domestic organs of a
// state (domesticOrgans: a legislature, courts, police).
func domesticAgents(agents []*dict.Agent) bool {
	for _, ag := range agents {
		for i := 0; i+3 <= len(ag.Code); i += 3 {
			if !domesticOrgans[ag.Code[i:i+3]] {
				return false
			}
		}
	}
	return len(agents) > 0
}

// organWords end the names of state organs and are no one's surname
// ("Thames Valley Police", "the Metropolitan Police", "the Ministry");
// the institution words that are also surnames ("House", "Court",
// "Bank") are left out.
var organWords = map[string]bool{"POLICE": true, "ARMY": true, "NAVY": true, "MINISTRY": true, "DEPARTMENT": true,
	"GOVERNMENT": true, "PARLIAMENT": true, "CONGRESS": true, "SENATE": true, "AGENCY": true, "COMMISSION": true,
	"COUNCIL": true, "COMMITTEE": true, "CORPS": true, "COMMAND": true, "BUREAU": true, "AUTHORITY": true,
	"FORCES": true, "BRIGADE": true, "BRIGADES": true, "COALITION": true, "CONSTABULARY": true, "GENDARMERIE": true}

// groupNouns are the nouns by which news refers back to a named group:
// "the group", "the organisation", "the movement".
var groupNouns = map[string]bool{"GROUP": true, "ORGANISATION": true, "ORGANIZATION": true, "MOVEMENT": true,
	"OUTFIT": true, "FACTION": true, "NETWORK": true}

// groupRef gives the group a definite group noun at h refers to: the last
// actor named before it, in its sentence or an earlier one, that is a
// group by its own dictionary entry (an international body, an NGO, a
// company, a militant group, a party, rebels), not a state, a state's
// organ or a person.
func (st *sent) groupRef(h int) (entity, bool) {
	group := func(o entity) bool {
		if o.person || o.inferred || o.entry == "" || o.locative || len(o.code) < 6 {
			return false
		}
		if organisation(o.code) || strings.HasPrefix(o.code, "IMG") {
			return true
		}
		return placeCode(o.code[:3]) && !stateAgents[o.code[3:6]]
	}
	start := st.tok(h).Start
	for i := len(st.occurrences) - 1; i >= 0; i-- {
		if o := st.occurrences[i]; o.span.End <= start && group(o) {
			return o, true
		}
	}
	for i := len(st.dc.history) - 1; i >= 0; i-- {
		if o := st.dc.history[i]; group(o) {
			return o, true
		}
	}
	return entity{}, false
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

// prevStart is the byte offset where the previous sentence starts (0 for
// the first).
// startBack is the byte offset where the sentence n before this one
// starts (0 near the article's start).
func (st *sent) startBack(n int) int {
	if st.idx < n {
		return 0
	}
	return int(st.doc.SentByteSpan(st.idx - n).Start)
}

func (st *sent) prevStart() int {
	if st.idx == 0 {
		return 0
	}
	return int(st.doc.SentByteSpan(st.idx - 1).Start)
}

// rememberNames adds to the sentence's occurrences, for the references of
// later sentences, the people the dictionaries do not know but the
// sentence describes: "Former U.S. intelligence agent Tony Mendez",
// "Agnès Callamard, a UN rapporteur". A later "Mendez" or "Callamard" is
// that actor (shortRef), and so is a "he" or "she" that refers to them
// (resolve). Only names of two or more words count, the way a person is
// first introduced; the code must have a country or an organisation and
// a role, so that a bare "U.S." before a name does not make its bearer
// the United States.
func (st *sent) rememberNames() {
	for h := st.lo; h < st.hi; h++ {
		if !st.nameHead(h) || st.covered(h) {
			continue
		}
		if e, ok := st.describedName(h); ok {
			st.occurrences = append(st.occurrences, e)
		}
	}
}

// describedName returns the actor an uncoded name headed by h names
// through its description (rememberNames): "Delfin Lorenzana, the
// Defence Secretary" is the Defence Secretary's actor.
func (st *sent) describedName(h int) (entity, bool) {
	if _, ok := st.dc.places[h]; ok {
		return entity{}, false
	}
	// The name's words: UD hangs "Mendez" of "Tony Mendez" on "Tony"
	// (flat) and "Tony" on "Mendez" where it reads a compound.
	lo, hi := h, h
	for k := h - 1; k >= st.lo && st.tok(k).UPOS == text.PROPN && int(st.tok(k).Head) == h && nameRel(st.rel(k)); k-- {
		lo = k
	}
	for k := h + 1; k < st.hi && st.tok(k).UPOS == text.PROPN && int(st.tok(k).Head) == h && nameRel(st.rel(k)); k++ {
		hi = k
	}
	if lo == hi || st.covered(hi) || len(st.key(hi)) < 4 {
		return entity{}, false // one word: "Mendez" alone introduces nobody
	}
	es := st.mention(h)
	if len(es) == 0 && st.rel(h).Base() == text.Appos {
		// "the Philippine Defence Secretary, Delfin Lorenzana": the
		// description comes first.
		if d := st.head(h); d >= st.lo && d < h {
			es = st.mention(d)
		}
	}
	if len(es) != 1 || es[0].null() || strings.HasPrefix(es[0].code, "---") || len(es[0].code) < 6 {
		return entity{}, false
	}
	e := es[0]
	e.inferred, e.viaHow, e.viaSpan = true, "described-name", es[0].span
	e.span = text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End}
	e.head, e.last, e.person = h, st.key(hi), true
	e.subject = st.inSubject(h)
	return e, true
}

func nameRel(r text.DepRel) bool {
	switch r.Base() {
	case text.Flat, text.Compound:
		return true
	}
	return false
}

// namesModifier reports whether occurrence o is an adjective or compound
// describing a proper name ("Greek" of "Greek Foreign Minister George
// Katrougalos"), read from the parser's tree, which is what an earlier
// sentence has.
func (st *sent) namesModifier(o entity) bool {
	toks := st.doc.Tokens
	if o.head < 0 || o.head >= len(toks) {
		return false
	}
	switch toks[o.head].Dep.Base() {
	case text.Amod, text.Compound:
	default:
		return false
	}
	h := int(toks[o.head].Head)
	return h >= 0 && h < len(toks) && h != o.head && toks[h].UPOS == text.PROPN
}

// waterHeads head the names of bodies of water ("the Gulf of Oman"), which
// an of-phrase names without making them its country's.
var waterHeads = map[string]bool{"GULF": true, "SEA": true, "STRAIT": true, "STRAITS": true, "OCEAN": true,
	"BAY": true, "CHANNEL": true, "RIVER": true, "LAKE": true, "CANAL": true}

// lastFlat returns the last word of name h that the parser hung on it as
// flat (the surname of "Mr Robert Mugabe" headed by "Mr"), or h.
func (st *sent) lastFlat(h int) int {
	last := h
	for _, k := range st.children(h) {
		if k > last && st.base(k) == text.Flat && st.tok(k).UPOS == text.PROPN {
			last = k
		}
	}
	return last
}

// firstNameRef finds the one person named earlier in the article whose
// name starts with the word at h ("John" for "John R. Bolton"); none if
// two people share it.
func (st *sent) firstNameRef(h int) (entity, bool) {
	k := st.key(h)
	if len(k) < 3 {
		return entity{}, false
	}
	var found entity
	n := 0
	seen := map[string]bool{}
	for _, o := range st.dc.history {
		if !st.personLike(o) || o.span.End <= o.span.Start {
			continue
		}
		i := o.head
		if i < 0 || i >= len(st.doc.Tokens) {
			continue
		}
		for i > 0 && st.doc.Tokens[i].Start > o.span.Start {
			i--
		}
		if strings.ToUpper(st.doc.Form(i)) != k || seen[o.code+o.last] {
			continue
		}
		seen[o.code+o.last] = true
		found = o
		n++
	}
	return found, n == 1
}
