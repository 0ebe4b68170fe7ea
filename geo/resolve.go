package geo

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// Bounds on the work per document: a "sentence" of a thousand place
// names gets its first maxPerSentence mentions, a document its first
// maxMentions.
const (
	maxPerSentence = 100
	maxMentions    = 2000
)

// mention is a place mention found in a Doc, before resolution.
type mention struct {
	span       text.Span // bytes
	t0, t1     int       // tokens [t0, t1)
	cands      []int32
	hint       string // a country the description gives: "the Syrian city of"
	city       bool   // the description says it is a city, town or port
	capitalOf  string // "the Kazakh capital": the capital of this country
	desc       string // the description, for evidence
	locative   bool   // in a phrase with a locative preposition
	ownCountry bool   // one of its candidates is a country
	within     string // "Paris, Texas": the division (CC.ADM1) a comma names
	unknown    string // "Beaver, West Virginia": a place the gazetteer lacks, resolved to where it is
	state      bool   // "Washington state", "the state of Washington"
	divList    bool   // in a list with a division of a country a division candidate is in
}

// locativePreps mark a place as where something is or happens.
var locativePreps = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "around": true,
	"across": true, "throughout": true, "within": true, "into": true, "on": true, "off": true,
	"from": true, "to": true, "towards": true, "toward": true, "through": true, "between": true,
	"nearby": true, "beyond": true, "along": true, "over": true,
}

// inPreps are the locative prepositions that say where an act took place
// (not where it came from or went to).
var inPreps = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "around": true,
	"across": true, "throughout": true, "within": true, "on": true, "off": true, "over": true,
	"along": true, "nearby": true,
}

// placeNouns are the nouns a description of a place ends in.
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "port": true, "capital": true,
	"province": true, "region": true, "state": true, "district": true, "island": true,
	"territory": true, "soil": true, "border": true, "coast": true, "airspace": true,
	"waters": true, "county": true, "governorate": true, "enclave": true, "stronghold": true,
}

// stopNames are names of places that are far more often something else
// when they stand alone in news.
var stopNames = map[string]bool{
	"of": true, "police": true, "university": true, "hospital": true, "ministry": true,
	"president": true, "minister": true, "government": true, "army": true, "city": true,
	"department": true, "republic": true, "union": true, "centre": true, "center": true,
	"church": true, "reuters": true, "ebola": true, "mass": true, "bar": true, "best": true,
	"march": true, "may": true, "june": true, "july": true, "april": true, "august": true,
	"january": true, "february": true, "september": true, "october": true, "november": true,
	"december": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "mobile": true,
	"health": true, "world": true, "national": true, "north": true, "south": true,
	"east": true, "west": true, "central": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true, "media": true, "of the": true, "god": true,
	"man": true, "page": true, "bush": true, "obama": true, "trump": true, "bbc": true,
	"cnn": true, "un": true, "eu": true, "who": true, "nato": true, "aids": true, "hiv": true,
	"sars": true, "flu": true, "h1n1": true, "avian": true, "swine": true, "wikinews": true, "corona": true,
	"coronavirus": true, "covid": true,
	"science": true, "nature": true, "general": true, "secretary": true, "office": true,
	"agency": true, "council": true, "post": true, "times": true, "white house": true, "pacific": true, "atlantic": true, "arctic": true, "organization": true, "organisation": true,
}

func upperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// mentions finds the place mentions of d.
func (g *Gazetteer) mentions(d *text.Doc) []mention {
	var out []mention
	form := func(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }
	lower := func(i int) string { return strings.ToLower(form(i)) }
	persons := map[string]bool{} // names seen as the first name of a person
	// The capitalised proper nouns the article uses alone, neither after
	// nor before another capitalised word: surnames said again ("Stevens
	// said").
	alone := map[string]bool{}
	for _, s := range d.Sents {
		for i := int(s.Start) + 1; i < int(s.End); i++ {
			if d.Tokens[i].UPOS == text.PROPN && upperInitial(form(i)) && !upperInitial(form(i-1)) && (i+1 >= int(s.End) || !upperInitial(form(i+1))) {
				alone[form(i)] = true
			}
		}
	}
	for _, s := range d.Sents {
		n := 0
		for i := int(s.Start); i < int(s.End) && n < maxPerSentence && len(out) < maxMentions; i++ {
			t := d.Tokens[i]
			w := form(i)
			// "the Kazakh capital", "in Syrian territory": a demonym
			// before a place noun.
			if iso, ok := g.demonyms[norm(w)]; ok && i+1 < int(s.End) && placeNouns[lower(i+1)] {
				noun := lower(i + 1)
				det := i > int(s.Start) && lower(i-1) == "the"
				switch {
				case noun == "capital" && det && (i+2 >= int(s.End) || lower(i+2) != "of"):
					if c, ok := g.capitals[iso]; ok {
						out = append(out, mention{span: text.Span{Start: t.Start, End: d.Tokens[i+1].End}, t0: i, t1: i + 2,
							cands: []int32{c}, capitalOf: iso, desc: "the " + w + " capital", locative: g.locativeAt(d, i+1)})
						n++
						i++
						continue
					}
				case (noun == "territory" || noun == "soil" || noun == "airspace" || noun == "waters") && g.locativeAt(d, i+1):
					if c, ok := g.countries[iso]; ok {
						out = append(out, mention{span: text.Span{Start: t.Start, End: d.Tokens[i+1].End}, t0: i, t1: i + 2,
							cands: []int32{c}, desc: w + " " + noun, locative: true, ownCountry: true})
						n++
						i++
						continue
					}
				}
			}
			if !upperInitial(w) {
				continue
			}
			// "Glasgow, Ky.", "Churchill, Man.": an abbreviation of a
			// division that names it only after a place and a comma.
			if i-2 >= int(s.Start) && form(i-1) == "," && (len(out) > 0 && out[len(out)-1].t1 == i-1 || d.Tokens[i-2].UPOS == text.PROPN && upperInitial(form(i-2))) {
				if q, ok := g.qualifierAt(d, i, int(s.End)); ok {
					out = append(out, q)
					n++
					i = q.t1 - 1
					continue
				}
			}
			m, ok := g.longest(d, i, int(s.End))
			// A name starts at a proper noun or an all-caps word; a
			// name of several capitalised words may start at any
			// ("United States", "New York": taggers call them ADJ).
			if !ok || (t.UPOS != text.PROPN && !allCaps(w) && m.t1-m.t0 < 2) {
				continue
			}
			onlyCities := !g.anyBig(m.cands)
			key := norm(d.Text[m.span.Start:m.span.End])
			// A part of a longer name: "Lake Victoria", "George Washington",
			// "Aleppo University" (but "U.S. President", "Texas Governor").
			if i > int(s.Start) {
				p := d.Tokens[i-1]
				pw := form(i - 1)
				// Mid-sentence any capitalised word counts (taggers miss
				// "Hong" in "Hong Kong"); first in the sentence only a
				// proper noun ("In Syria" is fine).
				if upperInitial(pw) && !direction(pw) && (p.UPOS == text.PROPN || i-1 > int(s.Start)) {
					// "John Campbell", then "Campbell"; not "Baptist
					// Church Maryville", "Athens-Clarke County".
					if onlyCities && !titleWords[strings.ToLower(pw)] && m.t1-m.t0 == 1 {
						persons[key] = true
					}
					continue
				}
				if personParticles[strings.ToLower(pw)] {
					continue // "bin Laden"
				}
			}
			if m.t1 < int(s.End) && personParticles[strings.ToLower(form(m.t1))] {
				persons[key] = true // "Hamza bin Laden", and "Hamza" after
				continue
			}
			if m.t1 < int(s.End) && m.t1-m.t0 == 1 && regnal(form(m.t1)) {
				persons[key] = true // "Queen Elizabeth II", "Charles III": a monarch
				continue
			}
			if persons[key] {
				continue
			}
			if m.t1 < int(s.End) {
				nx := d.Tokens[m.t1]
				if nx.UPOS == text.PROPN && upperInitial(form(m.t1)) && (onlyCities && !g.counties(m.cands, lower(m.t1-1)) || orgWords[strings.ToLower(form(m.t1))]) {
					if onlyCities {
						persons[key] = true // "Michael Smith", then "Michael"
					}
					continue
				}
				if nameWords[strings.ToLower(form(m.t1))] {
					continue // "Reston virus", "Marburg fever"
				}
				// "David and Louise Turpin": a one-word name, "and", a
				// capitalised word and a surname the article uses alone
				// is the first name of one of a couple.
				if j := m.t1; m.t1-m.t0 == 1 && !allCaps(w) && lower(j) == "and" && j+2 < int(s.End) &&
					d.Tokens[j+1].UPOS == text.PROPN && upperInitial(form(j+1)) && d.Tokens[j+2].UPOS == text.PROPN &&
					alone[form(j+2)] && len(g.lookup(norm(form(j+1)))) == 0 && len(g.lookup(norm(form(j+2)))) == 0 {
					persons[key] = true
					continue
				}
				// "Georgia Stevens", "Vladimir Putin", "Michael Keenan": a
				// one-word name before a proper noun the gazetteer lacks
				// that the article also uses alone ("Stevens said") is a
				// person's first name.
				if nw := form(m.t1); m.t1-m.t0 == 1 && !allCaps(w) && !strings.Contains(w, ".") && nx.UPOS == text.PROPN && upperInitial(nw) && !allCaps(nw) && alone[nw] &&
					!titleWords[strings.ToLower(nw)] && !stopNames[norm(nw)] && len(g.lookup(norm(nw))) == 0 {
					persons[key] = true
					continue
				}
			}
			// "the Gulf of Oman", "the Bay of Bengal", "the Bank of
			// England": a name followed by "of" and a capitalised word,
			// which the gazetteer does not hold as a whole (longest tried
			// it), is the head of a longer name.
			if m.t1+1 < int(s.End) && lower(m.t1) == "of" && upperInitial(form(m.t1+1)) {
				j := m.t1 + 1
				for j+1 < int(s.End) && (upperInitial(form(j+1)) || connector[lower(j+1)] && j+2 < int(s.End) && upperInitial(form(j+2))) {
					j++
				}
				i = j
				continue
			}
			// "the Red Sea", "the Persian Gulf", "the Gulf": after "the",
			// a name that ends in a word for a body of water is the
			// water, not a division named after it (Sudan's Red Sea
			// State, Papua New Guinea's Gulf Province), unless the text
			// names the division ("the Red Sea State").
			if m.t0 > int(s.Start) && lower(m.t0-1) == "the" && waterWords[lower(m.t1-1)] &&
				(m.t1 >= int(s.End) || !divisionWords[lower(m.t1)]) {
				continue
			}
			// "Burton, 39, runs": a person and an age.
			if onlyCities && m.t1+1 < int(s.End) && form(m.t1) == "," && d.Tokens[m.t1+1].UPOS == text.NUM {
				persons[key] = true
				continue
			}
			g.describe(d, &m, int(s.Start))
			m.locative = m.locative || g.locativeAt(d, m.t0)
			// A one-word name of nothing but small towns ("King",
			// "Justice") is a place only where the text says so: after a
			// locative preposition, in a description, or before a comma.
			// So is one known only by another name ("Pech" for Pécs).
			if onlyCities && m.t1-m.t0 == 1 && !m.locative && m.desc == "" && (g.maxPop(m.cands) < smallTown || !g.ownName(m.cands, key)) &&
				(m.t1 >= int(s.End) || form(m.t1) != ",") {
				continue
			}
			m.state = m.t1 < int(s.End) && lower(m.t1) == "state" ||
				m.t0-2 >= int(s.Start) && lower(m.t0-1) == "of" && lower(m.t0-2) == "state"
			out = append(out, m)
			n++
			i = m.t1 - 1
		}
	}
	g.lists(d, out)
	return out
}

// lists marks the mentions listed beside a division of a country one of
// their division candidates is in: "Utah, Washington and Wisconsin".
func (g *Gazetteer) lists(d *text.Doc, ms []mention) {
	divs := func(m mention) map[string]bool {
		out := map[string]bool{}
		for _, i := range m.cands {
			if e := g.entries[i]; e.Kind == Division {
				out[e.Country] = true
			}
		}
		return out
	}
	// between reports whether only ",", "and", "or" lie between a and b.
	between := func(a, b mention) bool {
		if b.t0 <= a.t1 || b.t0-a.t1 > 2 {
			return false
		}
		for k := a.t1; k < b.t0; k++ {
			w := strings.ToLower(d.Text[d.Tokens[k].Start:d.Tokens[k].End])
			if w != "," && w != "and" && w != "or" {
				return false
			}
		}
		return true
	}
	for i := range ms {
		mine := divs(ms[i])
		if len(mine) == 0 {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(ms) || !(j < i && between(ms[j], ms[i]) || j > i && between(ms[i], ms[j])) {
				continue
			}
			for cc := range divs(ms[j]) {
				if mine[cc] {
					ms[i].divList = true
				}
			}
		}
	}
}

// qualifierAt matches at token i, before end, the longest abbreviation
// of a division that is one only after a comma ("Ky.", "KY", "W. Va.").
func (g *Gazetteer) qualifierAt(d *text.Doc, i, end int) (mention, bool) {
	for j := min(end, i+4); j > i; j-- {
		last := d.Text[d.Tokens[j-1].Start:d.Tokens[j-1].End]
		if r, _ := utf8.DecodeRuneInString(last); last != "." && !unicode.IsLetter(r) {
			continue
		}
		sp := text.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}
		surface := d.Text[sp.Start:sp.End]
		if strings.ContainsAny(surface, "\n,;()\"-") {
			continue
		}
		if c := g.qualifier[strings.TrimSuffix(surface, ".")]; len(c) > 0 {
			return mention{span: sp, t0: i, t1: j, cands: c}, true
		}
	}
	return mention{}, false
}

// longest matches the longest name starting at token i.
func (g *Gazetteer) longest(d *text.Doc, i, end int) (mention, bool) {
	maxT := i + 2*g.maxWords + 1
	if maxT > end {
		maxT = end
	}
	for j := maxT; j > i; j-- {
		last := d.Text[d.Tokens[j-1].Start:d.Tokens[j-1].End]
		if !upperInitial(last) && j-1 != i {
			continue
		}
		ok := true
		for k := i + 1; k < j-1; k++ {
			f := d.Text[d.Tokens[k].Start:d.Tokens[k].End]
			if !upperInitial(f) && !connector[strings.ToLower(f)] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		sp := text.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}
		surface := d.Text[sp.Start:sp.End]
		if strings.ContainsAny(surface, "\n,;()\"") {
			continue
		}
		k := norm(surface)
		if stopNames[k] {
			continue
		}
		if c := g.lookup(k); len(c) > 0 && (!allCaps(surface) || len(surface) > 5 || g.anyBig(c) || dateline(d, i, j)) {
			m := mention{span: sp, t0: i, t1: j, cands: c}
			for _, e := range c {
				if g.entries[e].Kind == Country {
					m.ownCountry = true
				}
			}
			return m, true
		}
	}
	return mention{}, false
}

// dateline reports whether tokens [i, j) open their sentence and a dash,
// comma or bracket follows: "OMAHA -- A sociologist", "LIMA, Ohio".
func dateline(d *text.Doc, i, j int) bool {
	if s := d.SentOf(i); s < 0 || int(d.Sents[s].Start) != i || j >= len(d.Tokens) || d.SentOf(j) != s {
		return false
	}
	switch d.Text[d.Tokens[j].Start:d.Tokens[j].End] {
	case "-", "--", "—", "–", ",", "(":
		return true
	}
	return false
}

var connector = map[string]bool{"of": true, "the": true, "de": true, "del": true, "la": true, "al": true, "el": true,
	"du": true, "da": true, "upon": true, "-": true, "'s": true, "and": true}

func allCaps(s string) bool {
	up := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2
}

// direction reports whether w is a word of direction that can begin a
// place name the gazetteer lacks ("Northern Syria").
func direction(w string) bool {
	switch strings.ToLower(w) {
	case "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "greater", "upper", "lower",
		"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern":
		return true
	}
	return false
}

// titleWords, after a place name, are what the place has or is, not a
// surname: "Texas Governor", "U.S. Army", "Iraq War".
var titleWords = map[string]bool{
	"governor": true, "gov": true, "senator": true, "sen": true, "rep": true, "representative": true, "president": true,
	"mayor": true, "premier": true, "minister": true, "attorney": true, "general": true, "secretary": true, "ambassador": true,
	"police": true, "army": true, "navy": true, "guard": true, "state": true, "county": true, "city": true, "department": true,
	"democrat": true, "democrats": true, "republican": true, "republicans": true, "congressman": true, "congresswoman": true,
	"assembly": true, "legislature": true, "senate": true, "house": true, "council": true, "board": true, "court": true,
	"sheriff": true, "highway": true, "patrol": true, "airport": true, "war": true, "government": true, "embassy": true,
	"consulate": true, "parliament": true, "military": true, "forces": true, "officials": true, "times": true, "post": true,
	"river": true, "lake": true, "valley": true, "island": true, "islands": true, "bay": true, "coast": true, "region": true,
	"province": true, "district": true, "mountains": true, "street": true, "road": true, "avenue": true, "park": true,
	"school": true, "schools": true, "university": true, "college": true, "hospital": true, "church": true, "health": true,
	"public": true, "library": true, "chamber": true, "zoo": true, "center": true, "centre": true, "airlines": true, "airways": true,
	"company": true, "corporation": true, "inc": true, "railway": true, "railroad": true, "national": true, "international": true,
}

// nameWords, after a place name, make it the name of something else.
var nameWords = map[string]bool{"virus": true, "ebolavirus": true, "flu": true, "influenza": true,
	"strain": true, "fever": true, "disease": true, "syndrome": true, "variant": true}

// unknownPreps are the words before a name the gazetteer lacks that make
// it a place where a division follows it: "in Beaver, West Virginia".
var unknownPreps = map[string]bool{"in": true, "at": true, "near": true, "of": true, "from": true, "outside": true, "around": true}

// initials reports whether tokens [t0, t1) hold an initial ("M.").
func initials(d *text.Doc, t0, t1 int) bool {
	for k := t0; k < t1; k++ {
		w := d.Text[d.Tokens[k].Start:d.Tokens[k].End]
		if len(w) == 2 && w[1] == '.' || len(w) == 1 && unicode.IsUpper(rune(w[0])) {
			return true
		}
	}
	return false
}

// streetWords end the names of streets, which are no places of the
// gazetteer's kind: "1935 Orchard St., Alexandria".
var streetWords = map[string]bool{"st": true, "street": true, "rd": true, "road": true, "ave": true, "avenue": true,
	"blvd": true, "boulevard": true, "dr": true, "drive": true, "lane": true, "ln": true, "hwy": true, "highway": true,
	"pike": true, "ct": true, "court": true, "pl": true, "place": true, "sq": true, "square": true, "pkwy": true,
	"parkway": true, "way": true, "trail": true, "circle": true, "terrace": true}

// regnal reports whether w is a regnal number ("II", "XVI"), which
// follows the name of a monarch or a pope, never a place's.
func regnal(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for _, r := range w {
		if r != 'I' && r != 'V' && r != 'X' {
			return false
		}
	}
	return true
}

// personParticles join the parts of Arabic and other names of persons.
var personParticles = map[string]bool{"bin": true, "ibn": true, "bint": true, "abu": true, "ben": true}

// orgWords, after a place name, make it part of an organisation's name:
// "Washington Post", "Kenya Airways".
var orgWords = map[string]bool{
	"post": true, "times": true, "white house": true, "pacific": true, "atlantic": true, "arctic": true, "journal": true, "university": true, "airways": true, "airlines": true,
	"police": true, "herald": true, "tribune": true, "daily": true, "express": true, "mail": true,
	"star": true, "news": true, "press": true, "globe": true, "fc": true, "united": true,
	"college": true, "institute": true, "hospital": true, "club": true, "bank": true, "council": true,
}

// smallTown is the population under which a one-word name needs the
// text's word that it is a place.
const smallTown = 20000

// ownName reports whether key is the own name of one of c, not only an
// alternate.
func (g *Gazetteer) ownName(c []int32, key string) bool {
	for _, i := range c {
		if g.keys[i] == key {
			return true
		}
	}
	return false
}

// counties reports whether a name that ends in last is a county's: every
// candidate of c is a second-level division and the name says so
// ("Douglas County Sheriff's Office" names the county; "Ain Issa" is no
// French department).
func (g *Gazetteer) counties(c []int32, last string) bool {
	if last != "county" && last != "parish" && last != "borough" {
		return false
	}
	for _, i := range c {
		if g.entries[i].Kind != Division2 {
			return false
		}
	}
	return len(c) > 0
}

// maxPop is the largest population among c.
func (g *Gazetteer) maxPop(c []int32) int64 {
	var m int64
	for _, i := range c {
		m = max(m, g.entries[i].Pop)
	}
	return m
}

// anyBig reports whether a candidate is a continent, country or
// first-level division (second-level ones are named like towns: "Time",
// "Stavanger").
func (g *Gazetteer) anyBig(c []int32) bool {
	for _, i := range c {
		e := &g.entries[i]
		if k := e.Kind; k != City && k != Division2 && !(k == Division && e.Pop < smallDivision) {
			return true
		}
	}
	return false
}

// smallDivision is the population under which a first-level division
// counts as small as a town: the parishes of the Isle of Man ("Michael",
// population 0 in GeoNames) are first-level divisions, and "Michael
// Cohen" names a person.
const smallDivision = 10000

// locativeAt reports whether token i heads, or is inside, a phrase with a
// locative preposition ("in Aleppo", "outside the city", "from Aleppo").
func (g *Gazetteer) locativeAt(d *text.Doc, i int) bool { return locative(d, i, locativePreps) }

// locative reports whether token i heads, or is inside, a phrase with one
// of preps as its case marker.
func locative(d *text.Doc, i int, preps map[string]bool) bool {
	// The preposition is a case child of the phrase's head; a multi-word
	// name hangs on one of its words, so look at the word's head too.
	for hop, j := 0, i; hop < 2 && j >= 0 && j < len(d.Tokens); hop++ {
		for _, c := range d.Children(j) {
			if d.Tokens[c].Dep.Base() == text.DepRel("case") && preps[strings.ToLower(d.Text[d.Tokens[c].Start:d.Tokens[c].End])] {
				return true
			}
		}
		if d.Tokens[j].Dep.Base() != "flat" && d.Tokens[j].Dep.Base() != "compound" && d.Tokens[j].Dep.Base() != "amod" {
			break
		}
		j = int(d.Tokens[j].Head)
	}
	// Unparsed text: the word before.
	if i > 0 && d.Tokens[i].Head < 0 {
		return preps[strings.ToLower(d.Text[d.Tokens[i-1].Start:d.Tokens[i-1].End])]
	}
	return false
}

// describe reads the description before a name: "the Syrian city of
// Tartus", "the northern town of X", "the port of Y".
func (g *Gazetteer) describe(d *text.Doc, m *mention, s0 int) {
	i := m.t0 - 1
	if i-1 < s0 || strings.ToLower(d.Text[d.Tokens[i].Start:d.Tokens[i].End]) != "of" {
		return
	}
	noun := strings.ToLower(d.Text[d.Tokens[i-1].Start:d.Tokens[i-1].End])
	if noun != "city" && noun != "town" && noun != "village" && noun != "port" && noun != "capital" {
		return
	}
	m.city = true
	from := i - 1
	for k := i - 2; k >= s0 && k >= i-4; k-- {
		w := d.Text[d.Tokens[k].Start:d.Tokens[k].End]
		if iso, ok := g.demonyms[norm(w)]; ok {
			m.hint = iso
			from = k
			break
		}
		if strings.EqualFold(w, "the") {
			from = k
			break
		}
	}
	m.desc = d.Text[d.Tokens[from].Start:d.Tokens[i].End]
	if m.locative = g.locativeAt(d, i-1); !m.locative && from > s0 {
		m.locative = locativePreps[strings.ToLower(d.Text[d.Tokens[from-1].Start:d.Tokens[from-1].End])]
	}
}

// context is what an article says about where it is.
type context struct {
	countries map[string]float64            // ISO2 → how often named (directly or by its places)
	divisions map[string]float64            // CC.ADM1 → how often named
	nameC     map[string]map[string]float64 // norm(name) → what its mentions add to countries
	nameD     map[string]map[string]float64 // and to divisions, their first readings' too
	places    map[string]float64            // CC.ADM1 → the names that may lie in it, each weighed 2/(its divisions), at most 1
	nameP     map[string]map[string]float64 // norm(name) → its weights in places
	dateline  string                        // ISO2 of the dateline's place
}

// Resolve finds the place mentions of d and resolves each against the
// gazetteer in the article's context: the countries and divisions it
// names, the country of its dateline ("ALEPPO, Syria"; "" for none), each
// candidate's kind (country, division, capital, seat) and population.
// Every Place carries its span in d.Text and, in Evidence, what decided
// it. d needs tokens and tags; dependencies help (locative phrases).
func (g *Gazetteer) Resolve(d *text.Doc, dateline string) []eventwire.Place {
	ms := g.qualify(d, g.mentions(d))
	g.propagate(d, ms, ms)
	ctx := g.context(d, ms, dateline)
	g.firstPass(d, ms, ctx)
	out := make([]eventwire.Place, 0, len(ms))
	for i := range ms {
		if p, ok := g.pick(d, &ms[i], ctx); ok {
			out = append(out, p)
		}
	}
	return out
}

// headName drops from a place name the words that say which part of a
// place it is ("North Dallas", "Western Kasai", "Swat Valley"): the place
// it is a part of, for a name the gazetteer lacks.
func headName(s string) string {
	for {
		w, rest, ok := strings.Cut(s, " ")
		if !ok || !direction(w) && !strings.EqualFold(w, "the") {
			break
		}
		s = rest
	}
	for _, suf := range []string{" Valley", " Province", " Region", " District", " State", " Prefecture", " Governorate", " area"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			s = t
		}
	}
	return s
}

// qualify reads "Paris, Texas", "Pandi, Bulacan", "Washington, D.C.",
// "Glasgow, Ky.": a name followed by a comma and a division or country is
// a place in it. A name with no candidate there ("Edmonton, Ky.", where
// the gazetteer knows only Edmonton, Alberta), or a capitalised name the
// gazetteer lacks ("Beaver, West Virginia"), is a place it does not know
// in that division or country, and resolves to it. It returns ms with
// those names added.
func (g *Gazetteer) qualify(d *text.Doc, ms []mention) []mention {
	form := func(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }
	var added []mention
	for i := range ms {
		q := ms[i]
		if q.t0 < 2 || form(q.t0-1) != "," {
			continue
		}
		// Not "Smith, Texas Republican": the qualifier ends the name.
		if q.t1 < len(d.Tokens) && upperInitial(form(q.t1)) && d.SentOf(q.t1) == d.SentOf(q.t0) {
			continue
		}
		// The division or country a qualifier names, unless a comma and
		// another place follow that is not its country ("New York City,
		// Long Island, New York": Long Island is not the Bahamas').
		in, inOK := g.qualifierOf(q.cands)
		if i+1 < len(ms) && ms[i+1].t0 == q.t1+1 && form(q.t1) == "," {
			next, ok := g.qualifierOf(ms[i+1].cands)
			inOK = inOK && ok && g.entries[next].Kind == Country && g.entries[next].Country == g.entries[in].Country
		}
		if i > 0 && ms[i-1].t1 == q.t0-1 {
			m := &ms[i-1]
			if m.ownCountry {
				continue // a list: "Syria, Iraq"
			}
			if g.divisionList(d, m, q, ms[i+1:]) {
				continue
			}
			// Only when a place of that name is there: not "Ontario,
			// Michigan".
			has := func(cc, adm string) bool {
				for _, c := range m.cands {
					if e := g.entries[c]; (e.Kind == City || e.Kind == Division2) && e.Country == cc && (adm == "" || e.Admin1 == adm) {
						return true
					}
				}
				return false
			}
			for _, c := range q.cands {
				e := g.entries[c]
				if e.Kind == Country && m.hint == "" && has(e.Country, "") {
					m.hint, m.desc = e.Country, d.Text[m.span.Start:q.span.End]
				}
				if e.Kind == Division && m.within == "" && has(e.Country, e.Admin1) {
					m.within, m.desc = e.Country+"."+e.Admin1, d.Text[m.span.Start:q.span.End]
					if m.hint == "" {
						m.hint = e.Country
					}
				}
			}
			if m.hint == "" && !g.anyBig(m.cands) && inOK {
				m.cands, m.unknown = g.ids[in:in+1], d.Text[m.span.Start:q.span.End]
			}
			continue
		}
		// A name the gazetteer lacks: capitalised proper nouns of the
		// sentence just before the comma, in no mention.
		t1 := q.t0 - 1
		t0 := t1
		for t0 > 0 && t1-t0 < 3 && d.SentOf(t0-1) == d.SentOf(q.t0) && d.Tokens[t0-1].UPOS == text.PROPN && upperInitial(form(t0-1)) {
			t0--
		}
		if t0 == t1 || (i > 0 && ms[i-1].t1 > t0) || personParticles[strings.ToLower(form(t0))] || streetWords[strings.ToLower(strings.TrimSuffix(form(t1-1), "."))] {
			continue
		}
		// Only a division qualifies a name it does not know, and only
		// where the text puts something there ("in Beaver, West
		// Virginia", "from Paris, Idaho") or at the start of a sentence
		// (a dateline); not a person's name ("Maury M. Rosenstein, M.D.",
		// "according to Conrad, South Africa").
		if !inOK || g.entries[in].Kind != Division || initials(d, t0, t1) ||
			t0 > 0 && d.SentOf(t0-1) == d.SentOf(t0) && !unknownPreps[strings.ToLower(form(t0-1))] {
			continue
		}
		if inOK {
			sp := text.Span{Start: d.Tokens[t0].Start, End: d.Tokens[t1-1].End}
			if strings.ContainsAny(d.Text[sp.Start:sp.End], "\n\"()") || stopNames[norm(d.Text[sp.Start:sp.End])] {
				continue
			}
			m := mention{span: sp, t0: t0, t1: t1, locative: g.locativeAt(d, t0)}
			// A name the mentions passed over as a person's ("Blue Collar
			// Paris ... in Paris, Texas") that has a place there.
			e := g.entries[in]
			for _, c := range g.lookup(norm(d.Text[sp.Start:sp.End])) {
				if f := g.entries[c]; (f.Kind == City || f.Kind == Division2) && f.Country == e.Country && (e.Kind == Country || f.Admin1 == e.Admin1) {
					m.cands = append(m.cands, c)
				}
			}
			if len(m.cands) > 0 {
				m.hint, m.desc = e.Country, d.Text[sp.Start:q.span.End]
				if e.Kind == Division {
					m.within = e.Country + "." + e.Admin1
				}
			} else {
				m.cands, m.unknown = g.ids[in:in+1], d.Text[sp.Start:q.span.End]
			}
			added = append(added, m)
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	slices.SortFunc(ms, func(a, b mention) int { return int(a.span.Start) - int(b.span.Start) })
	return ms
}

// divisionList reports whether m, q and the mentions after them are a
// list of divisions ("cases in Washington, Pennsylvania and California"):
// m can be a division of q's country and q is followed by "and", "or" or
// a comma and another division. A capital and its division are no list
// ("Washington, D.C., and Virginia").
func (g *Gazetteer) divisionList(d *text.Doc, m *mention, q mention, after []mention) bool {
	if len(after) == 0 || after[0].t0 != q.t1+1 {
		return false
	}
	w := strings.ToLower(d.Text[d.Tokens[q.t1].Start:d.Tokens[q.t1].End])
	if w != "and" && w != "or" && w != "," {
		return false
	}
	divOf := func(c []int32) map[string]bool {
		out := map[string]bool{}
		for _, i := range c {
			if e := g.entries[i]; e.Kind == Division {
				out[e.Country] = true
			}
		}
		return out
	}
	mc, qc, ac := divOf(m.cands), divOf(q.cands), divOf(after[0].cands)
	for _, i := range m.cands {
		e := g.entries[i]
		if e.Code != "PPLC" {
			continue
		}
		for _, j := range q.cands {
			if f := g.entries[j]; f.Kind == Division && f.Country == e.Country && f.Admin1 == e.Admin1 {
				return false
			}
		}
	}
	for cc := range qc {
		if mc[cc] && ac[cc] {
			return true
		}
	}
	return false
}

// qualifierOf returns the one division, else the one country, that a
// qualifier's candidates name; not a division named like its own seat,
// which news means the city by ("Orchard St., Alexandria").
func (g *Gazetteer) qualifierOf(c []int32) (int32, bool) {
	div, country := int32(-1), int32(-1)
	nd, nc := 0, 0
	seat := map[string]bool{}
	for _, i := range c {
		switch e := g.entries[i]; e.Kind {
		case Division:
			div, nd = i, nd+1
		case Country:
			country, nc = i, nc+1
		case City:
			if e.Code == "PPLA" || e.Code == "PPLC" {
				seat[e.Country+"."+e.Admin1] = true
			}
		}
	}
	if nd == 1 && seat[g.entries[div].Country+"."+g.entries[div].Admin1] {
		return 0, false
	}
	switch {
	case nd == 1 && nc == 0:
		return div, true
	case nd == 0 && nc == 1:
		return country, true
	}
	return 0, false
}

// propagate gives the mentions of ms that the text does not qualify the
// reading of a mention of from with the same name that it does: "Glasgow,
// Ky." and then "in Glasgow" (one sense of a name per article).
func (g *Gazetteer) propagate(d *text.Doc, ms, from []mention) {
	type reading struct {
		within, hint, unknown, desc string
		cands                       []int32
		n                           int
	}
	by := map[string]*reading{}
	for _, m := range from {
		if m.within == "" && m.hint == "" && m.unknown == "" || m.t0 < 0 {
			continue
		}
		k := norm(d.Text[m.span.Start:m.span.End])
		r := by[k]
		if r == nil {
			by[k] = &reading{m.within, m.hint, m.unknown, m.desc, m.cands, 1}
			continue
		}
		if r.within != m.within || r.hint != m.hint || r.unknown != m.unknown {
			r.n = -1 // two readings: leave each mention its own
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.within != "" || m.hint != "" || m.unknown != "" || len(m.cands) == 0 && m.t0 >= 0 {
			continue
		}
		r := by[norm(d.Text[m.span.Start:m.span.End])]
		if r == nil || r.n < 0 {
			continue
		}
		if r.unknown != "" {
			if !g.anyBig(m.cands) {
				m.cands, m.unknown = r.cands, r.unknown
			}
			continue
		}
		m.within, m.hint, m.desc = r.within, r.hint, r.desc
	}
}

// firstPass resolves the mentions once and counts the divisions of the
// cities chosen, so that "Georgia" after "Atlanta" is the state.
func (g *Gazetteer) firstPass(d *text.Doc, ms []mention, ctx *context) {
	add := map[string]float64{}
	for i := range ms {
		if p, ok := g.pick(d, &ms[i], ctx); ok && p.Admin1 != "" && len(ms[i].cands) > 0 {
			for _, c := range ms[i].cands {
				if e := g.entries[c]; e.ID == p.GeonameID && e.Kind == City {
					add[e.Country+"."+e.Admin1] += 0.5
					k := norm(d.Text[ms[i].span.Start:ms[i].span.End])
					ctx.nameD[k] = addWeights(ctx.nameD[k], []weight{{e.Country + "." + e.Admin1, 0.5}})
					break
				}
			}
		}
	}
	for k, w := range add {
		ctx.divisions[k] += w
	}
}

// ResolveSpans resolves the given byte spans of d as place names, in the
// context of the places Resolve would find; the result has one Place per
// span, with GeonameID 0 and no Name where the gazetteer has no candidate.
// It serves evaluation on gold spans.
func (g *Gazetteer) ResolveSpans(d *text.Doc, dateline string, spans []text.Span) []eventwire.Place {
	found := g.qualify(d, g.mentions(d))
	byStart := map[int32]*mention{}
	for i := range found {
		byStart[found[i].span.Start] = &found[i]
	}
	ms := make([]mention, len(spans))
	fresh := make([]bool, len(spans)) // not among found
	for i, sp := range spans {
		if sp.Start < 0 || sp.End > int32(len(d.Text)) || sp.Start > sp.End {
			continue
		}
		if f := byStart[sp.Start]; f != nil && f.span.End == sp.End {
			ms[i] = *f
			continue
		}
		fresh[i] = true
		ms[i] = mention{span: sp, t0: -1, cands: g.spanCands(d.Text[sp.Start:sp.End])}
		for _, e := range ms[i].cands {
			if g.entries[e].Kind == Country {
				ms[i].ownCountry = true
			}
		}
	}
	g.propagate(d, ms, found)
	all := append([]mention(nil), found...) // each mention once
	for i := range ms {
		if fresh[i] {
			all = append(all, ms[i])
		}
	}
	ctx := g.context(d, all, dateline)
	g.firstPass(d, ms, ctx)
	out := make([]eventwire.Place, len(spans))
	for i := range ms {
		if p, ok := g.pick(d, &ms[i], ctx); ok {
			out[i] = p
		} else if sp := spans[i]; sp.Start >= 0 && sp.End <= int32(len(d.Text)) && sp.Start <= sp.End {
			out[i] = eventwire.Place{Text: d.Text[sp.Start:sp.End], Span: sp}
		} else {
			out[i] = eventwire.Place{Span: sp}
		}
	}
	return out
}

// spanCands returns the candidates of a span given as a place name: its
// own name's, else those of the place it is a part of ("North Dallas"),
// else the country or continent of a demonym ("Egyptian", "Syrians",
// "African"), else the divisions an abbreviation names ("Ky.").
func (g *Gazetteer) spanCands(s string) []int32 {
	k := norm(s)
	if c := g.lookup(k); len(c) > 0 {
		return c
	}
	if c := g.lookup(norm(headName(s))); len(c) > 0 {
		return c
	}
	if i, ok := g.demonymOf[k]; ok {
		return g.ids[i : i+1]
	}
	if t, ok := strings.CutSuffix(k, "s"); ok {
		if i, ok := g.demonymOf[t]; ok {
			return g.ids[i : i+1]
		}
	}
	return g.qualifier[strings.TrimSuffix(strings.TrimSpace(s), ".")]
}

// context gathers the countries and divisions the mentions name.
func (g *Gazetteer) context(d *text.Doc, ms []mention, dateline string) *context {
	c := &context{countries: map[string]float64{}, divisions: map[string]float64{},
		nameC: map[string]map[string]float64{}, nameD: map[string]map[string]float64{}, places: map[string]float64{}, nameP: map[string]map[string]float64{}}
	// The divisions each name may lie in, for names that may be
	// places: weighed by how few they are.
	for _, m := range ms {
		k := norm(d.Text[m.span.Start:m.span.End])
		if _, ok := c.nameP[k]; ok {
			continue
		}
		divs := map[string]float64{}
		for _, i := range m.cands {
			if e := g.entries[i]; e.Kind == City || e.Kind == Division2 || e.Kind == Division {
				divs[e.Country+"."+e.Admin1] = 1
			}
		}
		w := math.Min(1, 2/float64(max(1, len(divs))))
		for dv := range divs {
			divs[dv] = w
			c.places[dv] += w
		}
		c.nameP[k] = divs
	}
	for _, m := range ms {
		countries, divisions := g.support(m)
		k := norm(d.Text[m.span.Start:m.span.End])
		for _, w := range countries {
			c.countries[w.key] += w.w
		}
		for _, w := range divisions {
			c.divisions[w.key] += w.w
		}
		c.nameC[k] = addWeights(c.nameC[k], countries)
		c.nameD[k] = addWeights(c.nameD[k], divisions)
	}
	if dateline != "" {
		for _, part := range strings.Split(dateline, ",") {
			for _, i := range g.lookup(norm(part)) {
				e := g.entries[i]
				if e.Kind == Country || (e.Kind == City && (e.Code == "PPLC" || e.Pop > 100000)) {
					c.dateline = e.Country
					c.countries[e.Country] += 2
					break
				}
			}
			if c.dateline != "" {
				break
			}
		}
	}
	return c
}

// weight is what a mention adds to the support of a country or division.
type weight struct {
	key string
	w   float64
}

// support is what mention m says of the article's countries (ISO2) and
// divisions (CC.ADM1): a country it may name counts 1, the one country all
// its candidates lie in 0.5 (not for a name that may be a country itself),
// its one division 1 (or, a city's, 0.5), a country a description gives
// 0.5.
func (g *Gazetteer) support(m mention) (countries, divisions []weight) {
	if m.hint != "" {
		countries = append(countries, weight{m.hint, 0.5})
	}
	one := ""
	for k, i := range m.cands {
		e := g.entries[i]
		switch e.Kind {
		case Country:
			countries = append(countries, weight{e.Country, 1})
		case Division:
			if len(m.cands) == 1 {
				divisions = append(divisions, weight{e.Country + "." + e.Admin1, 1})
			}
		}
		if k == 0 {
			one = e.Country
		} else if one != e.Country {
			one = "-"
		}
	}
	if !m.ownCountry && one != "-" && one != "" {
		countries = append(countries, weight{one, 0.5})
	}
	// The one division all its places (cities, counties) lie in.
	div := ""
	for k, i := range m.cands {
		e := g.entries[i]
		d := e.Country + "." + e.Admin1
		if e.Kind != City && e.Kind != Division2 || k > 0 && d != div {
			div = ""
			break
		}
		div = d
	}
	if div != "" {
		divisions = append(divisions, weight{div, 0.5})
	}
	return countries, divisions
}

// others returns the support of the country or division key in the
// article less what m itself gives it: a place is not its own context.
func (c *context) others(own, of map[string]float64, key string) float64 {
	return of[key] - own[key]
}

// addWeights adds ws to m, made if nil, and returns it.
func addWeights(m map[string]float64, ws []weight) map[string]float64 {
	if m == nil {
		m = map[string]float64{}
	}
	for _, w := range ws {
		m[w.key] += w.w
	}
	return m
}

// onlyCountry reports whether cc is the only country the article's
// names other than own support.
func (c *context) onlyCountry(own map[string]float64, cc string) bool {
	for k := range c.countries {
		if k != cc && c.others(own, c.countries, k) > 0 {
			return false
		}
	}
	return true
}

// pick scores the candidates of m and returns the best as a Place.
func (g *Gazetteer) pick(d *text.Doc, m *mention, c *context) (eventwire.Place, bool) {
	if len(m.cands) == 0 {
		return eventwire.Place{}, false
	}
	surface := norm(d.Text[m.span.Start:m.span.End])
	// A division that shares its name with its own seat is, in news, the
	// city ("Aleppo", not Aleppo Governorate).
	// Not where the seat holds less than an eighth of its division's
	// people ("Quebec" is the province, whose seat holds a fifteenth).
	seat := map[string]bool{}
	for _, i := range m.cands {
		e := g.entries[i]
		if e.Kind == City && (e.Code == "PPLA" || e.Code == "PPLC") {
			if dv, ok := g.divisions[e.Country+"."+e.Admin1]; !ok || 8*e.Pop >= g.entries[dv].Pop {
				seat[e.Country+"."+e.Admin1] = true
			}
		}
	}
	// A country's capital is, in news, what a name it shares with a
	// division of its country means ("Washington"), unless the text says
	// the state ("Washington state", "the state of Washington") or lists
	// it among divisions ("Utah, Washington and Wisconsin").
	capital := map[string]bool{}
	if !m.state && !m.divList {
		for _, i := range m.cands {
			if e := g.entries[i]; e.Code == "PPLC" && g.keys[i] == surface {
				capital[e.Country] = true
			}
		}
	}
	// A second-level division is dropped for a city of its division
	// (the municipality of Stavanger is, in news, the city).
	cityIn := map[string]bool{}
	for _, i := range m.cands {
		if e := g.entries[i]; e.Kind == City {
			cityIn[e.Country+"."+e.Admin1] = true
		}
	}
	// A name is not its own context: what its mentions, this one and
	// others, give the article's countries and divisions is left out.
	ownC, ownD := c.nameC[surface], c.nameD[surface]
	if ownC == nil && ownD == nil {
		wc, wd := g.support(*m) // a mention outside the context
		ownC, ownD = addWeights(nil, wc), addWeights(nil, wd)
	}
	// together: the other names that may lie in a candidate's division
	// ("Paris" and "Henry County": Paris, Tennessee).
	together := func(i int32) float64 {
		e := g.entries[i]
		if e.Kind != City && e.Kind != Division2 || g.keys[i] != surface {
			return 0 // not by another name: "Mexico" for Mexico City
		}
		k := e.Country + "." + e.Admin1
		return c.places[k] - c.nameP[surface][k]
	}
	// A country no other name supports loses to a place of the same name
	// in a supported country where other names may lie ("Lebanon" and
	// "Boone County").
	// Only in an article of one country: where others are named,
	// countries are in its scope.
	coBest := 0.0
	for _, i := range m.cands {
		if e := g.entries[i]; c.others(ownC, c.countries, e.Country) > 0 && c.onlyCountry(ownC, e.Country) {
			coBest = math.Max(coBest, together(i))
		}
	}
	hasDivision := false
	for _, i := range m.cands {
		hasDivision = hasDivision || g.entries[i].Kind == Division
	}
	best, bestScore := int32(-1), math.Inf(-1)
	var bestWhy []string
	for _, i := range m.cands {
		e := g.entries[i]
		if m.state && hasDivision && e.Kind != Division {
			continue // "the Georgia state line"
		}
		if e.Kind == Division && seat[e.Country+"."+e.Admin1] && (g.keys[i] == surface || norm(divisionShort(e.Name)) == surface) {
			continue
		}
		if e.Kind == Division && capital[e.Country] {
			continue
		}
		if e.Kind == Division2 && cityIn[e.Country+"."+e.Admin1] {
			continue
		}
		score := math.Log10(float64(e.Pop) + 10)
		var why []string
		switch e.Kind {
		case Continent:
			score += 4
			why = append(why, "continent")
		case Country:
			score += 5
			why = append(why, "country")
			if coBest > 0 && c.others(ownC, c.countries, e.Country) <= 0 {
				score -= 3 * math.Min(1, coBest)
			}
		case Division:
			score += 2.5
			why = append(why, "first-level division")
		case Division2:
			score += 1
			why = append(why, "second-level division")
		case City:
			switch e.Code {
			case "PPLC":
				score += 2
				why = append(why, "capital")
			case "PPLA":
				score++
				why = append(why, "seat of a division")
			case "PPLA2":
				score += 0.5
			}
		}
		if m.capitalOf != "" {
			why = append(why, "description: "+m.desc)
		}
		if e.Country != "" && e.Kind != Country {
			w := c.others(ownC, c.countries, e.Country)
			if w > 0 {
				score += 3 * math.Min(1, w)
				why = append(why, "country in the article: "+e.Country)
			}
		}
		dw := c.others(ownD, c.divisions, e.Country+"."+e.Admin1)
		if e.Kind == Division && dw > 0 {
			score += 3 * math.Min(1, 2*dw)
			why = append(why, "its places in the article")
		}
		if (e.Kind == City || e.Kind == Division2) && dw > 0 {
			score += 2
			why = append(why, "division in the article: "+g.admin1[e.Country+"."+e.Admin1])
		}
		if co := together(i); co > 0 {
			score += math.Min(1, co)
			if co >= 0.5 {
				why = append(why, "other names may lie in "+g.admin1[e.Country+"."+e.Admin1])
			}
		}
		if c.dateline != "" && e.Country == c.dateline {
			score += 1
			why = append(why, "dateline")
		}
		if m.hint != "" {
			if e.Country == m.hint {
				score += 8
				why = append(why, "description: "+m.desc)
			} else {
				score -= 4
			}
		}
		if m.within != "" && e.Kind != Division && e.Country+"."+e.Admin1 == m.within {
			score += 4
			why = append(why, "in "+g.admin1[m.within])
		}
		if m.city && m.desc != "" {
			if e.Kind == City {
				score += 2
				if m.hint == "" {
					why = append(why, "description: "+m.desc)
				}
			} else {
				score -= 4
			}
		}
		if g.keys[i] == surface || (e.Kind == Country && len(surface) > 3) {
			score += 1
		}
		if score > bestScore || (score == bestScore && best >= 0 && e.ID < g.entries[best].ID) {
			best, bestScore, bestWhy = i, score, why
		}
	}
	if best < 0 {
		return eventwire.Place{}, false
	}
	e := g.entries[best]
	why := append([]string(nil), bestWhy...)
	if m.unknown != "" {
		why = append([]string{"a place the gazetteer lacks, in " + e.Name + ": " + m.unknown}, why...)
	}
	if e.Pop > 0 {
		why = append(why, "population "+strconv.FormatInt(e.Pop, 10))
	}
	if len(m.cands) > 1 {
		why = append(why, strconv.Itoa(len(m.cands))+" candidates")
	}
	p := eventwire.Place{
		Text: d.Text[m.span.Start:m.span.End], Span: m.span, GeonameID: e.ID, Name: e.Name,
		Country: e.Country, Lat: e.Lat, Lon: e.Lon, Evidence: strings.Join(why, "; "),
	}
	if e.Kind == City || e.Kind == Division || e.Kind == Division2 {
		p.Admin1 = g.admin1[e.Country+"."+e.Admin1]
	}
	return p, true
}

// waterWords end the names of seas, gulfs, straits and other bodies of
// water.
var waterWords = map[string]bool{"sea": true, "ocean": true, "gulf": true, "strait": true, "straits": true,
	"bay": true, "channel": true, "lake": true, "river": true}

// divisionWords follow a name to make it a division's: "the Red Sea
// State", "the Gulf Province".
var divisionWords = map[string]bool{"state": true, "province": true, "region": true, "governorate": true,
	"district": true, "county": true}
