package coder

import (
	"sort"
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

// docPlace is a geocoded place of the doc: its last token and what it
// codes.
type docPlace struct {
	last        int
	code, entry string
}

// stateCode is the code of a state for places in it: the bare state code
// the actor dictionaries give its name, else its ISO 3166-1 alpha-3 code,
// which the dictionaries use for nearly every state. Codes are cached.
func (c *Coder) stateCode(iso3, name string) string {
	key := iso3 + " " + name
	if v, ok := c.states.Load(key); ok {
		return v.(string)
	}
	code := iso3
	if c.d.Actors != nil && name != "" {
		w := dict.NewWords(strings.Fields(name))
		if a, n := c.d.Actors.Match(w, 0, len(w.Keys)); a != nil && n == len(w.Keys) {
			if d := a.Code; len(d) == 3 && placeCode(d) {
				code = d
			}
		}
	}
	if len(code) != 3 || !isUpper(code) {
		code = ""
	}
	c.states.Store(key, code)
	return code
}

// placeIndex indexes places by the token each starts at, coded by their
// state. A place that does not start and end at token boundaries, or whose
// state has no code, is left out.
func (c *Coder) placeIndex(doc *text.Doc, places []Place) map[int]docPlace {
	if len(places) == 0 {
		return nil
	}
	toks := doc.Tokens // in text order
	out := map[int]docPlace{}
	for _, p := range places {
		a := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= p.Span.Start })
		b := sort.Search(len(toks), func(i int) bool { return toks[i].End >= p.Span.End })
		if a >= len(toks) || b >= len(toks) || toks[a].Start != p.Span.Start || toks[b].End != p.Span.End || b < a {
			continue
		}
		code := c.stateCode(p.Country, p.CountryName)
		if code == "" {
			continue
		}
		out[a] = docPlace{last: b, code: code, entry: p.Entry}
	}
	return out
}

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

// groupAttributes are the agent codes that say what a group believes, not
// what it is: a religion (MUS, CHR, CTH, JEW, HIN, BUD) or radicalism
// (RAD). They neither make a group local nor foreign: "Islamist
// militants attacked a village in Mali" (---MUSUAF) are Mali's, as
// "militants" alone are; "Rohingya Muslim insurgents ... in Myanmar's
// Rakhine State" (---MUSREB) are Myanmar's.
var groupAttributes = map[string]bool{"MUS": true, "CHR": true, "CTH": true, "JEW": true, "HIN": true,
	"BUD": true, "RAD": true}

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
			if c := ag.Code[i : i+3]; !localAgents[c] && !groupAttributes[c] {
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
	places := [2][]entity{st.geoPlaces(), st.occurrences}
	var own []entity
	for _, list := range places {
		for _, o := range list {
			if o.locative && placeCode(o.code) && st.ownPlace(h, o.head) {
				own = append(own, o)
			}
		}
	}
	if e, ok := agree(own); ok || len(own) > 0 || (definite && !state) {
		return e, ok
	}
	var here []entity
	for _, list := range places {
		for _, o := range list {
			if o.locative && placeCode(o.code) {
				here = append(here, o)
			}
		}
	}
	e, ok := agree(here)
	if len(here) == 0 {
		var prev []entity
		for _, list := range [2][]entity{st.dc.geoHistory, st.dc.history} {
			for _, o := range list {
				if int(o.span.Start) >= st.prevStart() && o.locative && placeCode(o.code) {
					prev = append(prev, o)
				}
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

// homeCountry gives a local group with no country of its own (localAgents:
// "protesters", "police", "the parliament") the country the article is
// set in: the state of the places the article has named as locations, of
// its domestic institutions and of the politicians it has named so far
// (persons in government, legislators, elites, party leaders: "President
// Donald Trump", "Senate President Thomas Rivera Schatz"), when one state
// has at least two of them and three in five, unless
// the phrase says it is foreign ("foreign security forces"). A
// state organ takes it only when no other state is named in the sentence,
// as in localCountry; before anything named says where the article is
// set, a state organ takes the state of the places of its other sentences
// (articleState).
func (st *sent) homeCountry(h int, agents []*dict.Agent) (entity, bool) {
	lo, hi := st.phraseSpan(h)
	for i := lo; i <= hi; i++ {
		switch st.key(i) {
		case "FOREIGN", "INTERNATIONAL", "OVERSEAS", "EXILED", "EXILE":
			return entity{}, false // "foreign security forces" are not the home country's
		}
	}
	for _, ag := range agents {
		for i := 0; i+3 <= len(ag.Code); i += 3 {
			if c := ag.Code[i : i+3]; !localAgents[c] && !groupAttributes[c] {
				return entity{}, false
			}
		}
	}
	count := map[string]int{}
	last := map[string]entity{}
	total := 0
	add := func(o entity) {
		// A place where something happens, or a state whose domestic
		// institution the article names ("the Parliament of the United
		// Kingdom", "the Indonesian National Police", "Iraqi courts"):
		// an article about a state's politics names its institutions
		// more than its places. Governments and armies act abroad ("US
		// troops" in an article about Syria) and do not count.
		if (o.locative && !o.joined || domesticOrgans[o.role[:min(3, len(o.role))]]) && placeCode(o.code) {
			count[o.code]++
			last[o.code] = o
			total++
			return
		}
		if o.person && !o.inferred && !o.locative && len(o.code) >= 6 && placeCode(o.code[:3]) && politicalRoles[o.code[3:6]] {
			// A politician of a state, named: an article about a state's
			// politics names its politicians ("President Donald Trump",
			// "Senate President Thomas Rivera Schatz"). The state only:
			// the politician's dictionary entry is no one else's.
			c := o.code[:3]
			count[c]++
			if _, ok := last[c]; !ok {
				last[c] = entity{code: c, span: o.span, last: o.last}
			}
			total++
		}
	}
	for _, o := range st.dc.history {
		add(o)
	}
	for _, o := range st.occurrences {
		add(o)
	}
	best, ok := majority(count, total)
	if !ok {
		if total > 0 || !stateOrgan(agents) {
			return entity{}, false
		}
		// Nothing named so far says where the article is set (its first
		// sentence: "Yesterday, Thames Valley Police said they had
		// arrested a second man"): for a state organ, the places it goes
		// on to name do. (For any group, 22 more Wikinews events, about
		// half of them wrong: a hurricane "hit" the Azores as Ireland's.)
		e, ok := st.articleState()
		if !ok {
			return entity{}, false
		}
		best, last[e.code] = e.code, e
	}
	if stateOrgan(agents) {
		for _, o := range st.occurrences {
			if o.locative || o.inferred || len(o.code) < 3 {
				continue
			}
			if c := o.code[:3]; placeCode(c) && c != best {
				return entity{}, false
			}
		}
	}
	return last[best], true
}

// articleState returns the state of the places the geocoder found in the
// article's other sentences, when one state has at least two of them and
// three in five, with the span of the first. The sentence's own places
// are read by the rules that place a clause (localCountry); a text of
// one sentence has no others.
func (st *sent) articleState() (entity, bool) {
	count := map[string]int{}
	first := map[string]int{}
	for i, p := range st.dc.places {
		if i >= st.lo && i < st.hi {
			continue
		}
		count[p.code]++
		if f, ok := first[p.code]; !ok || i < f {
			first[p.code] = i
		}
	}
	total := 0
	for _, n := range count {
		total += n
	}
	best, ok := majority(count, total)
	if !ok {
		return entity{}, false
	}
	i := first[best]
	toks := st.doc.Tokens
	return entity{code: best, head: i, span: text.Span{Start: toks[i].Start, End: toks[st.dc.places[i].last].End}}, true
}

// majority returns the state count gives most of total (ties to the
// first code in order), when it has at least two and three in five.
func majority(count map[string]int, total int) (string, bool) {
	best := ""
	for c, n := range count {
		if n > count[best] || (n == count[best] && c < best) {
			best = c
		}
	}
	return best, best != "" && count[best] >= 2 && 5*count[best] >= 3*total
}

// domesticOrgans are the state organs that act at home: legislatures,
// courts, police.
var domesticOrgans = map[string]bool{"LEG": true, "JUD": true, "COP": true}

// geoPlaces are the sentence's places that only the geocoder knows ("in
// El Paso, Texas": El Paso; the actor dictionaries list Texas), as
// entities of their state, in text order, for the rules that place a
// clause or a local group. The places the dictionaries code are
// occurrences already. Computed once per sentence.
func (st *sent) geoPlaces() []entity {
	if st.geoDone {
		return st.geo
	}
	var out []entity
	for i := st.lo; i < st.hi; i++ {
		p, ok := st.dc.places[i]
		if !ok || p.last >= st.hi {
			continue
		}
		span := text.Span{Start: st.tok(i).Start, End: st.tok(p.last).End}
		if st.coveredSpan(span) {
			continue
		}
		top := st.topOf(i, p.last)
		out = append(out, entity{code: p.code, entry: p.entry, head: top, locative: locative[st.placeCase(top)], span: span})
		i = p.last
	}
	st.geo, st.geoDone = out, true
	return out
}

// coveredSpan reports whether an occurrence overlaps span.
func (st *sent) coveredSpan(span text.Span) bool {
	for _, o := range st.occurrences {
		if o.span.Start < span.End && span.Start < o.span.End {
			return true
		}
	}
	return false
}

// placeCase is the preposition that says where the place phrase headed
// by top is: its own, else, for a place joined by a comma to the one
// before it ("in Dayton, Ohio" with Ohio a conjunct, "in El Paso, Texas"
// with Texas an apposition), that place's.
func (st *sent) placeCase(top int) string {
	w := st.caseWord(top)
	for n := 0; w == "" && n < 3; n++ {
		if b := st.base(top); b != text.Conj && b != text.Appos {
			break
		}
		h := st.head(top)
		if h < st.lo || h >= st.hi || h > top || st.tok(h).UPOS != text.PROPN || st.tok(top).UPOS != text.PROPN {
			break
		}
		top = h
		w = st.caseWord(top)
	}
	return w
}

// joinedPlace reports whether the place phrase headed by top, coded
// code, is joined by a comma to a place before it that an earlier
// occurrence codes in the same state ("in Paris, France": France).
func (st *sent) joinedPlace(top int, code string) bool {
	if st.caseWord(top) != "" || st.placeCase(top) == "" || len(code) < 3 {
		return false
	}
	h := st.tok(st.head(top))
	for _, o := range st.occurrences {
		if o.span.Start <= h.Start && h.End <= o.span.End && len(o.code) >= 3 && o.code[:3] == code[:3] {
			return true
		}
	}
	return false
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
	how := e.viaHow
	if how == "" {
		how = e.shownHow
	}
	if how == "" {
		return nil
	}
	return &eventwire.Via{How: how, Text: st.spanText(e.viaSpan), Span: e.viaSpan}
}
