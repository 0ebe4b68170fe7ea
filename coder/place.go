package coder

import (
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Places. News names many actors only by their role ("rebel groups",
// "government forces", "police") and says where they act ("outside
// Aleppo", "in Cairo"); it refers back to a place by its kind ("the city",
// "the country"). The actor dictionaries code places by their state
// (ALEPPO is SYR), so a place gives a country code.

// locative holds the prepositions after which a place is where something
// happens or where a group is from: "rebels outside Aleppo", "evacuated
// from Aleppo". "to", "into" and "toward" name a destination, not a home.
var locative = map[string]bool{"IN": true, "AT": true, "FROM": true, "OUTSIDE": true, "NEAR": true, "AROUND": true,
	"ACROSS": true, "INSIDE": true, "THROUGHOUT": true, "WITHIN": true}

// placeCode reports whether code is a bare state code (SYR, USA), which
// the dictionaries give to countries and to the places inside them, and
// not an organisation (IGO, NGO, MNC), the media (MED) or a religion or
// region code.
func placeCode(code string) bool {
	if len(code) != 3 || !isUpper(code) || !isState(code) || organisation(code) {
		return false
	}
	switch code {
	case "MED", "MNC", "IMG", "WEU", "BAH", "MOS", "CHR", "JEW", "BUD", "HIN", "UIS", "NGM":
		return false
	}
	return true
}

// stateAgents are agent codes of a state's own organs. Unnamed organs
// ("government forces", "police") take the country of the place they act
// in only when no other state is named in the sentence: "The US deployed
// troops in Syria" are not Syria's troops. Rebels, protesters and
// civilians are local: "Russian jets bombed rebels in Idlib".
var stateAgents = map[string]bool{"GOV": true, "MIL": true, "COP": true, "SPY": true, "LEG": true, "JUD": true}

// localAgents are the agent codes of groups that are where they act: state
// organs, armed groups, the opposition, civilians, refugees, workers,
// criminals. The media, companies, NGOs and elites are often foreign to
// the place they report on or trade in ("PBS revealed that ...").
var localAgents = map[string]bool{"GOV": true, "MIL": true, "COP": true, "SPY": true, "LEG": true, "JUD": true,
	"REB": true, "INS": true, "OPP": true, "CVL": true, "PPL": true, "REF": true, "UAF": true, "LAB": true, "AGR": true, "CRM": true}

// stateOrgan reports whether agents name an organ of a state (GOV, MIL,
// COP ...).
func stateOrgan(agents []*dict.Agent) bool {
	for _, ag := range agents {
		for i := 0; i+3 <= len(ag.Code); i += 3 {
			if stateAgents[ag.Code[i:i+3]] {
				return true
			}
		}
	}
	return false
}

// localCountry finds the country of an agent-only phrase at h (agents
// holds its agents) from the places around it: a place in its own subtree
// ("rebel groups who were evacuated from Aleppo"), else the places this
// sentence names as locations ("government forces ... outside Aleppo"),
// else those of the previous sentence. Every place found at the first
// level that has any must give the same country, or there is none. A
// definite phrase (definite) refers back to someone known already ("the
// gunman ... to face charges in Mexico"): only a place of its own says
// where it is from, except for a state organ ("the army's defeat of rebels
// in Aleppo"), which acts where it is.
func (st *sent) localCountry(h int, agents []*dict.Agent, definite bool) (entity, bool) {
	for _, ag := range agents {
		for i := 0; i+3 <= len(ag.Code); i += 3 {
			if !localAgents[ag.Code[i:i+3]] {
				return entity{}, false
			}
		}
	}
	state := stateOrgan(agents)
	agree := func(cands []entity) (entity, bool) {
		if len(cands) == 0 {
			return entity{}, false
		}
		for _, c := range cands[1:] {
			if c.code != cands[0].code {
				return entity{}, false
			}
		}
		return cands[0], true
	}
	var own []entity
	for _, o := range st.occurrences {
		if o.locative && placeCode(o.code) && st.ownPlace(h, o.head) {
			own = append(own, o)
		}
	}
	if e, ok := agree(own); ok || len(own) > 0 || (definite && !state) {
		return e, ok
	}
	var here []entity
	for _, o := range st.occurrences {
		if o.locative && placeCode(o.code) {
			here = append(here, o)
		}
	}
	e, ok := agree(here)
	if len(here) == 0 {
		var prev []entity
		for _, o := range st.dc.history {
			if int(o.span.Start) >= st.prevStart() && o.locative && placeCode(o.code) {
				prev = append(prev, o)
			}
		}
		e, ok = agree(prev)
	}
	if !ok || !state {
		return e, ok
	}
	// A state organ belongs to the place's state only if no other state
	// or state organ is named here (another country's rebels, "Hizballah
	// leader Nasrallah", do not make it foreign).
	for _, o := range st.occurrences {
		if o.locative || o.inferred || len(o.code) < 3 {
			continue
		}
		if c := o.code[:3]; placeCode(c) && c != e.code && (len(o.code) == 3 || stateAgents[o.code[3:min(6, len(o.code))]]) {
			return entity{}, false
		}
	}
	return e, true
}

// ownPlace reports whether the place at p lies in h's phrase as where the
// group is or was ("rebels in Aleppo", "who were evacuated from Aleppo"),
// not where it is to go ("the gunman to face charges in Mexico").
func (st *sent) ownPlace(h, p int) bool {
	for n := 0; n < maxDepth && p >= st.lo && p < st.hi; n++ {
		if p == h {
			return true
		}
		if st.caseWord(p) == "TO" && st.tok(p).UPOS == text.VERB {
			return false
		}
		p = st.head(p)
	}
	return false
}

// placeNouns are the nouns by which news refers back to a place it named:
// "shelling the city" after "Aleppo".
var placeNouns = map[string]bool{"CITY": true, "TOWN": true, "VILLAGE": true, "CAPITAL": true, "COUNTRY": true,
	"NATION": true, "PROVINCE": true, "REGION": true}

// placeRef resolves "the city", "the country" at h to the last place named
// before it in this sentence or the one before: a proper name with a bare
// state code. The noun must be definite and bare ("the city", not "a
// city", "the new region", "the city council" or "the city of Homs").
func (st *sent) placeRef(h int) (entity, bool) {
	if st.tok(h).UPOS != text.NOUN || !placeNouns[st.lemma(h)] || !st.hasDefinite(h) {
		return entity{}, false
	}
	for _, k := range st.children(h) {
		switch st.rel(k).Base() {
		case text.Det, text.Case, text.Punct:
		default:
			return entity{}, false
		}
	}
	if r := st.rel(h); r.Base() == text.Compound || r == text.NmodPoss {
		return entity{}, false // "the city council", "the country's president"
	}
	start := st.tok(h).Start
	named := func(o entity) bool {
		return placeCode(o.code) && !o.inferred && o.head >= 0 && int(o.head) < len(st.doc.Tokens) && st.doc.Tokens[o.head].UPOS == text.PROPN
	}
	for i := len(st.occurrences) - 1; i >= 0; i-- {
		if o := st.occurrences[i]; o.span.End <= start && named(o) {
			return o, true
		}
	}
	for i := len(st.dc.history) - 1; i >= 0; i-- {
		o := st.dc.history[i]
		if int(o.span.Start) < st.prevStart() {
			break
		}
		if named(o) {
			return o, true
		}
	}
	return entity{}, false
}

// via returns what the event reports about where e's code came from, or
// nil when e names its actor itself.
func (st *sent) via(e entity) *eventwire.Via {
	if e.viaHow == "" {
		return nil
	}
	return &eventwire.Via{How: e.viaHow, Text: st.spanText(e.viaSpan), Span: e.viaSpan}
}

// byAgent returns the by-agent of passive verb v ("was condemned by
// Egypt"), or -1.
func (st *sent) byAgent(v int) int {
	for _, k := range st.children(v) {
		if r := st.rel(k); r == text.OblAgent || (r.IsObliqueLike() && st.caseWord(k) == "BY") {
			return k
		}
	}
	return -1
}

// destination returns the to/into phrase of verb v ("dispatched to
// Aleppo"), or -1.
func (st *sent) destination(v int) int {
	for _, k := range st.children(v) {
		if st.rel(k).IsObliqueLike() {
			switch st.caseWord(k) {
			case "TO", "INTO":
				return k
			}
		}
	}
	return -1
}

// directedAt returns the to/into/on/against modifier of noun n ("an
// offensive into Syria", "strikes on Idlib"), or -1.
func (st *sent) directedAt(n int) int {
	for _, k := range st.children(n) {
		if st.rel(k).Base() == text.Nmod {
			switch st.caseWord(k) {
			case "TO", "INTO", "ON", "AGAINST":
				return k
			}
		}
	}
	return -1
}

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

// armedOrgans are the roles whose members a state sends: its military
// and its police.
var armedOrgans = map[string]bool{"MIL": true, "COP": true}

// sender finds who sent the subject of a passive without a by-agent whose
// pattern matched that subject as its object ("Russian military police
// were dispatched to Aleppo" with SEND * &MILITARY): the state whose armed
// organ it is. Rebels, civilians and unnamed forces have no sender here.
func (st *sent) sender(v int, m match, vc *verbCtx) ([]entity, bool) {
	if vc.theme < 0 || m.noun != vc.theme {
		return nil, false
	}
	es := st.mention(vc.theme)
	if len(es) != 1 {
		return nil, false
	}
	e := es[0]
	if len(e.code) < 6 || !placeCode(e.code[:3]) || !armedOrgans[e.code[3:6]] || e.inferred {
		return nil, false
	}
	span := e.span
	return []entity{{code: e.code[:3], span: span, head: vc.theme, entry: e.entry, viaHow: "sender", viaSpan: span, inferred: true}}, true
}

// channelTarget reports whether tgt is the medium a statement or a
// criticism was made through, not its addressee: "told the BBC", "said on
// television" (news media as the target of a statement, or any target
// after on/in/via/through that is only media).
func (st *sent) channelTarget(tgt entity, code string) bool {
	if !mediaOnly(tgt.code) {
		return false
	}
	if strings.HasPrefix(code, "01") {
		return true
	}
	if tgt.head < st.lo || tgt.head >= st.hi {
		return false
	}
	switch st.caseWord(tgt.head) {
	case "ON", "IN", "VIA", "THROUGH":
		return true
	}
	return false
}

// underUnreal reports whether verb v is the complement of a verb whose
// event is not asserted: "a law that would allow the government to remove
// people" (remove under the hypothetical allow), "plans to force them to
// leave". It follows infinitival and participial complements up a few
// levels.
func (st *sent) underUnreal(v int) bool {
	for n := 0; n < 4; n++ {
		switch b := st.base(v); {
		case b == text.Xcomp, b == text.Acl && st.rel(v) != text.AclRelcl, b == text.Advcl && st.caseWord(v) == "TO":
		default:
			return false
		}
		h := st.head(v)
		if h < st.lo || h >= st.hi || h == v || st.tok(h).UPOS != text.VERB {
			return false
		}
		if st.irrealis[h] || st.planned(h) || st.unasserted(h) {
			return true
		}
		v = h
	}
	return false
}
