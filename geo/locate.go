package geo

import (
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// placeRefs are the nouns that, definite, refer back to the last place
// named: "shelling the city".
var placeRefs = map[string]bool{"city": true, "town": true, "village": true, "capital": true}

// maxClauseHops bounds the walk from a place up to the event's predicate.
const maxClauseHops = 6

// Locate sets the Location of each event that its clause, its sentence or
// its article places: a place of places (as Resolve returned them for d)
// in a locative phrase of the event's own clause or its target ("talks in
// Astana", "shelling Aleppo"), or "the city" there after a city was named
// (How "clause"); else the first place the sentence puts something in
// (How "sentence"); else the last such place before the sentence (How
// "article"). Events it cannot place keep a nil Location. Locate reads d
// and places only; it is linear in the events times the places of a
// sentence.
func Locate(d *text.Doc, places []eventwire.Place, evs []eventwire.Event) {
	if d == nil || len(d.Tokens) == 0 {
		return
	}
	tokAt := make(map[int32]int, len(places)+len(evs))
	for i, t := range d.Tokens {
		if _, ok := tokAt[t.Start]; !ok {
			tokAt[t.Start] = i
		}
	}
	type placed struct {
		p    *eventwire.Place
		head int  // the token the place hangs from the tree by
		sent int  // sentence
		in   bool // in a phrase that says where: "in", "at", "outside"
	}
	var ps []placed
	bySent := map[int][]int{}
	for i := range places {
		p := &places[i]
		t0, ok := tokAt[p.Span.Start]
		if !ok || p.GeonameID == 0 && p.Name == "" {
			continue
		}
		h := t0
		for k := t0; k < len(d.Tokens) && d.Tokens[k].End <= p.Span.End; k++ {
			if hd := int(d.Tokens[k].Head); hd < t0 || int(d.Tokens[hd].End) > int(p.Span.End) {
				h = k
				break
			}
		}
		sp := placed{p: p, head: h, sent: d.SentOf(t0), in: locative(d, h, inPreps)}
		bySent[sp.sent] = append(bySent[sp.sent], len(ps))
		ps = append(ps, sp)
	}
	// The tokens that refer back to a place ("the city"), by sentence,
	// found once: a sentence may hold many events.
	refs := map[int][]int{}
	for si, sp := range d.Sents {
		for i := max(int(sp.Start), 1); i < int(sp.End) && i < len(d.Tokens); i++ {
			t := d.Tokens[i]
			if placeRefs[strings.ToLower(d.Text[t.Start:t.End])] && strings.EqualFold(d.Text[d.Tokens[i-1].Start:d.Tokens[i-1].End], "the") {
				refs[si] = append(refs[si], i)
			}
		}
	}
	loc := func(p *eventwire.Place, how string) *eventwire.Location {
		return &eventwire.Location{Name: p.Name, GeonameID: p.GeonameID, Country: p.Country, Lat: p.Lat, Lon: p.Lon, How: how, Span: p.Span}
	}
	// lastCity is the last place with a division before byte b.
	lastCity := func(b int32) *eventwire.Place {
		for i := len(ps) - 1; i >= 0; i-- {
			if ps[i].p.Span.End <= b && ps[i].p.Admin1 != "" {
				return ps[i].p
			}
		}
		return nil
	}
	for ei := range evs {
		ev := &evs[ei]
		v, ok := tokAt[ev.Evidence.Verb.Start]
		if !ok || ev.Evidence.Verb.End == 0 {
			continue
		}
		s := d.SentOf(v)
		if s < 0 {
			continue // a Doc without sentences
		}
		// The clause: a place whose path up the tree reaches the
		// predicate, in a locative phrase or as the target.
		for _, k := range bySent[s] {
			p := ps[k]
			// A city or division as the target is where the act was
			// done ("shelling Aleppo"); a country as the target is the
			// other party ("praised Iran").
			target := p.p.Admin1 != "" && ev.Evidence.Target.End > 0 && p.p.Span.Start < ev.Evidence.Target.End && ev.Evidence.Target.Start < p.p.Span.End
			if (p.in || target) && reaches(d, p.head, v) {
				ev.Location = loc(p.p, "clause")
				break
			}
		}
		if ev.Location != nil {
			continue
		}
		// "shelling the city" after the city was named.
		for _, i := range refs[s] {
			t := d.Tokens[i]
			target := ev.Evidence.Target.End > 0 && t.Start >= ev.Evidence.Target.Start && t.End <= ev.Evidence.Target.End
			if (target || locative(d, i, inPreps)) && reaches(d, i, v) {
				if p := lastCity(t.Start); p != nil {
					ev.Location = loc(p, "clause")
					ev.Location.Span = text.Span{Start: d.Tokens[i-1].Start, End: t.End}
					break
				}
			}
		}
		if ev.Location != nil {
			continue
		}
		for _, k := range bySent[s] {
			if ps[k].in {
				ev.Location = loc(ps[k].p, "sentence")
				break
			}
		}
		if ev.Location != nil {
			continue
		}
		for k := len(ps) - 1; k >= 0; k-- {
			if ps[k].sent < s && ps[k].in {
				ev.Location = loc(ps[k].p, "article")
				break
			}
		}
	}
}

// reaches reports whether the path up the tree from token i meets token
// v within maxClauseHops, without entering another clause (a clausal
// complement or a parataxis).
func reaches(d *text.Doc, i, v int) bool {
	for hop := 0; hop <= maxClauseHops && i >= 0 && i < len(d.Tokens); hop++ {
		if i == v {
			return true
		}
		switch d.Tokens[i].Dep.Base() {
		case "ccomp", "parataxis", "root":
			return false
		}
		i = int(d.Tokens[i].Head)
	}
	return false
}
