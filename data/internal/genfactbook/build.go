package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire/coder/dict"
)

// A person is one office holder: the tenures of the names that are the
// same person (one name key, or respellings within a tenure), in the
// country kept for them.
type person struct {
	keys    []string
	tenures []*tenure
	home    *country
	spans   []span   // merged time in office in home, in order
	phrases []string // the phrases written, the primary first
	title   string   // the latest principal title
	display string   // the latest name as the Factbook writes it
	merged  []*dict.Actor
	kept    []dict.Role // upstream roles kept (before the first span)
	notes   []string
}

// span is a time in office; a zero end is open.
type span struct {
	code       string // the country's
	start, end time.Time
	endGuess   bool
	lastSeen   time.Time
	endRow     time.Time // the date of the row that ended it
}

// report is what the generator tells about its run besides the file.
type report struct {
	rows, skippedRows, tenures, dropped int
	persons, countries, entries         int
	spans, kept                         int // GOV terms written, upstream roles kept
	phrases, droppedPhrases             int
	mergedPhoenix                       int
	news                                []string // persons left to actors.news.txt
	noCode                              []string // countries without a code
	codes                               []string // countries whose code is not their ISO3
	conflicts                           []string
	takeovers                           []string // full names taken from another country's record
}

// input is everything generate reads.
type input struct {
	tsv, countryInfo string
	upstream, news   *upstream
}

// generate builds the actor file from the Factbook history. Errors are
// problems that make the output wrong: an unreadable line, a country
// without a code that has entries after 2015, a person of
// actors.news.txt whose dates there contradict the Factbook.
func generate(in input) ([]byte, *report, error) {
	rep := &report{}
	rows, errs := readRows(in.tsv)
	rep.rows = len(rows)
	info, err := readCountryInfo(in.countryInfo)
	if err != nil {
		return nil, nil, err
	}
	ctry, cerrs := countries(rows, info, in.upstream)
	errs = append(errs, cerrs...)
	for _, gec := range sortedKeys(ctry) {
		c := ctry[gec]
		switch {
		case c.skip != "":
			rep.noCode = append(rep.noCode, fmt.Sprintf("%s %s: %s", gec, strings.Join(c.names, "/"), c.skip))
		case c.code != c.iso3:
			rep.codes = append(rep.codes, fmt.Sprintf("%s %s: %s (ISO %s; %s)", gec, c.name, c.code, c.iso3, c.how))
		}
	}
	tenures, skipped := buildTenures(rows)
	rep.skippedRows, rep.tenures = len(skipped), len(tenures)
	persons := groupPersons(tenures, ctry, rep)
	assignPhrases(persons, in, rep)
	var out []*person
	for _, p := range persons {
		if len(p.phrases) == 0 {
			continue
		}
		if name, err := newsCovers(p, in.news); name != "" {
			rep.news = append(rep.news, fmt.Sprintf("%s (%s)", p.display, name))
			if err != nil {
				errs = append(errs, err)
			}
			continue
		}
		mergeUpstream(p, in.upstream, rep)
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, rep, errors.Join(errs...)
	}
	var snaps []time.Time
	for _, r := range rows {
		snaps = append(snaps, r.seen)
	}
	slices.SortFunc(snaps, func(a, b time.Time) int { return a.Compare(b) })
	snaps = slices.Compact(snaps)
	return write(out, ctry, snaps, rep), rep, nil
}

// groupPersons joins tenures into persons by name key, picks each
// person's country and merges their time in office there.
//
// A sovereign is listed as chief of state of several countries at once:
// the British monarch for the Commonwealth realms and the territories,
// the French president for Andorra and the French territories, the US
// president for Puerto Rico and Guam. Such a person is coded for one
// country, the first of: a country where they are not represented by a
// governor or commissioner; where they are also head of government; whose
// code is a state's (three letters, not a territory's); with the most
// entries. Tenures in other countries at overlapping times are dropped.
func groupPersons(tenures []*tenure, ctry map[string]*country, rep *report) []*person {
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if p, ok := parent[k]; ok && p != k {
			r := find(p)
			parent[k] = r
			return r
		}
		parent[k] = k
		return k
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra != rb {
			if ra < rb {
				parent[rb] = ra
			} else {
				parent[ra] = rb
			}
		}
	}
	type seenName struct {
		n        name
		key, gec string
	}
	var names []seenName
	seen := map[string]bool{}
	for _, t := range tenures {
		for _, h := range t.names {
			k := nameKey(h.name)
			union(t.key, k)
			if !seen[k+" "+t.gec] {
				seen[k+" "+t.gec] = true
				names = append(names, seenName{h.name, k, t.gec})
			}
		}
	}
	// Names listed in different tenures may be one person's: in one
	// country, or in two when both give given names ("John RANKIN",
	// governor of Bermuda, then "John J. RANKIN" of the British Virgin
	// Islands).
	byCaps := map[string][]seenName{}
	for _, n := range names {
		c := capsCore(n.n)
		byCaps[c] = append(byCaps[c], n)
	}
	for _, c := range sortedKeys(byCaps) {
		ns := byCaps[c]
		for i, a := range ns {
			for _, b := range ns[i+1:] {
				if find(a.key) != find(b.key) && sameName(a.n, b.n) &&
					(a.gec == b.gec || len(a.n.given) > 0 && len(b.n.given) > 0) {
					union(a.key, b.key)
				}
			}
		}
	}
	byRoot := map[string]*person{}
	for _, t := range tenures {
		c := ctry[t.gec]
		if c == nil || c.code == "" {
			rep.dropped++
			continue
		}
		r := find(t.key)
		p := byRoot[r]
		if p == nil {
			p = &person{}
			byRoot[r] = p
		}
		p.tenures = append(p.tenures, t)
		for _, h := range t.names {
			if k := nameKey(h.name); !slices.Contains(p.keys, k) {
				p.keys = append(p.keys, k)
			}
		}
	}
	var out []*person
	for _, r := range sortedKeys(byRoot) {
		p := byRoot[r]
		p.home = ctry[homeCountry(p, ctry)]
		var kept []*tenure
		for _, t := range p.tenures {
			if t.gec == p.home.gec || !overlapsAny(t, p.tenures, p.home.gec) {
				kept = append(kept, t)
			} else {
				rep.dropped++
			}
		}
		p.tenures = kept
		p.spans = mergeSpans(p.tenures, ctry)
		// The latest name and title in the home country.
		var last *tenure
		for _, t := range p.tenures {
			if t.gec == p.home.gec && (last == nil || !t.lastSeen.Before(last.lastSeen)) {
				last = t
			}
		}
		h := last.names[len(last.names)-1]
		p.display = strings.Join(h.name.words(), " ")
		for _, t := range p.tenures {
			if t.gec == p.home.gec && t.slot != "" && !strings.HasSuffix(t.slot, "/rep") && t.title != "" {
				p.title = t.title
			}
		}
		if p.title == "" {
			p.title = last.title
		}
		out = append(out, p)
	}
	return out
}

// homeCountry picks a person's country (see groupPersons).
func homeCountry(p *person, ctry map[string]*country) string {
	type score struct {
		gec                       string
		notRepresented, head, st3 bool
		n                         int
	}
	byGec := map[string]*score{}
	for _, t := range p.tenures {
		s := byGec[t.gec]
		if s == nil {
			s = &score{gec: t.gec}
			byGec[t.gec] = s
		}
		s.notRepresented = s.notRepresented || !t.represented && !strings.HasSuffix(t.slot, "/rep")
		s.head = s.head || strings.HasPrefix(t.slot, "head of government")
		s.st3 = len(ctry[t.gec].code) == 3
		s.n += len(t.lines)
	}
	var all []*score
	for _, g := range sortedKeys(byGec) {
		all = append(all, byGec[g])
	}
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(all, func(a, b *score) int {
		if c := b2i(b.notRepresented) - b2i(a.notRepresented); c != 0 {
			return c
		}
		if c := b2i(b.head) - b2i(a.head); c != 0 {
			return c
		}
		if c := b2i(b.st3) - b2i(a.st3); c != 0 {
			return c
		}
		return b.n - a.n
	})
	return all[0].gec
}

// overlapsAny reports whether t overlaps a tenure of ts in country gec.
func overlapsAny(t *tenure, ts []*tenure, gec string) bool {
	for _, u := range ts {
		if u.gec == gec && (u.end.IsZero() || !u.end.Before(t.start)) && (t.end.IsZero() || !t.end.Before(u.start)) {
			return true
		}
	}
	return false
}

// mergeSpans merges a person's tenures in each country into spans: chief
// of state and head of government, or two consecutive tenures, are one
// time in office. Spans are in order of start.
func mergeSpans(ts []*tenure, ctry map[string]*country) []span {
	var ss []span
	for _, t := range ts {
		ss = append(ss, span{code: ctry[t.gec].code, start: t.start, end: t.end, endGuess: t.endGuess, lastSeen: t.lastSeen, endRow: t.endRow})
	}
	slices.SortStableFunc(ss, func(a, b span) int {
		if c := strings.Compare(a.code, b.code); c != 0 {
			return c
		}
		return a.start.Compare(b.start)
	})
	var out []span
	for _, s := range ss {
		if n := len(out); n > 0 && out[n-1].code == s.code && (out[n-1].end.IsZero() || !out[n-1].end.Add(day).Before(s.start)) {
			last := &out[n-1]
			if !last.end.IsZero() && (s.end.IsZero() || s.end.After(last.end)) {
				last.end, last.endGuess, last.endRow = s.end, s.endGuess, s.endRow
			}
			if s.lastSeen.After(last.lastSeen) {
				last.lastSeen = s.lastSeen
			}
			continue
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b span) int { return a.start.Compare(b.start) })
	return out
}

// assignPhrases gives each person the phrases of variants for all their
// names and titles, the full latest name first. A phrase that two persons
// would share, or that the upstream dictionaries give a record of another
// country, is dropped (it would take the phrase from the other); the
// person keeps the rest.
func assignPhrases(ps []*person, in input, rep *report) {
	owners := map[string][]*person{}
	for _, p := range ps {
		var names []holder
		for _, t := range p.tenures {
			names = append(names, t.names...)
		}
		// Latest first, so the primary phrase is the current spelling.
		slices.Reverse(names)
		for _, h := range names {
			if nameKey(h.name) != nameKey(lastName(p)) {
				continue
			}
			p.add(variants(h.name, h.title))
		}
		for _, h := range names {
			p.add(variants(h.name, h.title))
		}
		for _, ph := range p.phrases {
			owners[ph] = append(owners[ph], p)
		}
	}
	for _, ph := range sortedKeys(owners) {
		if len(owners[ph]) < 2 {
			continue
		}
		var who []string
		for _, p := range owners[ph] {
			p.phrases = slices.DeleteFunc(p.phrases, func(s string) bool { return s == ph })
			who = append(who, p.home.code+" "+p.display)
		}
		rep.droppedPhrases++
		rep.conflicts = append(rep.conflicts, fmt.Sprintf("%s: shared by %s", ph, strings.Join(who, "; ")))
	}
	for _, p := range ps {
		full := ""
		if len(p.phrases) > 0 {
			full = p.phrases[0]
		}
		p.phrases = slices.DeleteFunc(p.phrases, func(ph string) bool {
			a := in.upstream.lookup(ph)
			if a == nil || compatible(a, p.home.code) {
				return false
			}
			if ph == full {
				// The full name stays: a record of another country
				// with it is the same person earlier in another post
				// (Mark CAPES, governor of Anguilla, then of Saint
				// Helena) or a namesake whose roles are kept before
				// this person's (mergeUpstream); either way the phrase
				// is this person's in the years the Factbook covers.
				rep.takeovers = append(rep.takeovers, fmt.Sprintf("%s: %s takes the phrase from %s:%d (%s)", ph, p.home.code+" "+p.display, a.File, a.Line, codesOf(a)))
				return false
			}
			rep.droppedPhrases++
			rep.conflicts = append(rep.conflicts, fmt.Sprintf("%s: %s, but %s:%d is %s", ph, p.home.code+" "+p.display, a.File, a.Line, codesOf(a)))
			return true
		})
		rep.phrases += len(p.phrases)
	}
}

// lastName is the name a person was last listed with in their country.
func lastName(p *person) name {
	var last *tenure
	for _, t := range p.tenures {
		if last == nil || t.gec == p.home.gec && !t.lastSeen.Before(last.lastSeen) {
			last = t
		}
	}
	return last.names[len(last.names)-1].name
}

// allNames returns the distinct names a person is listed with.
func (p *person) allNames() []name {
	var out []name
	seen := map[string]bool{}
	for _, t := range p.tenures {
		for _, h := range t.names {
			if k := nameKey(h.name); !seen[k] {
				seen[k] = true
				out = append(out, h.name)
			}
		}
	}
	return out
}

func (p *person) add(phrases []string) {
	for _, ph := range phrases {
		if !slices.Contains(p.phrases, ph) {
			p.phrases = append(p.phrases, ph)
		}
	}
}

// compatible reports whether an upstream record may be of the country
// with code: it has no code at all, or one of its codes starts with the
// code's first three letters or with those of a state the country was
// part of (related).
func compatible(a *dict.Actor, code string) bool {
	cs := roleCodes(a)
	if a.Code != "" {
		cs = append(cs, a.Code)
	}
	if len(cs) == 0 {
		return true
	}
	for _, c := range cs {
		if len(c) >= 3 && (c[:3] == code[:3] || related[code[:3]] == c[:3]) {
			return true
		}
	}
	return false
}

// related maps a country to the state the Phoenix dictionaries (about
// 2015) code its people under: South Sudan's leaders held Sudanese office
// before 2011, Hong Kong's and Macau's are Chinese, Kosovo's and
// Montenegro's held Serbian (or Yugoslav) office.
var related = map[string]string{"SSD": "SDN", "HKG": "CHN", "MAC": "CHN", "KSV": "SRB", "MNE": "SRB"}

func roleCodes(a *dict.Actor) []string {
	var out []string
	for _, r := range a.Roles {
		out = append(out, r.Code)
	}
	return out
}

func codesOf(a *dict.Actor) string {
	cs := roleCodes(a)
	if a.Code != "" {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, " ")
}

// newsCovers reports whether actors.news.txt has a record for a phrase of
// p, and checks it agrees with the Factbook: on the first and last day of
// every time in office since 2016 that the Factbook saw (the last
// snapshot listing the person for one still open or ended after it; the
// day after taking office and the day before leaving it, since a handover
// day may be the predecessor's) and in between, the record's code is the
// country's GOV code.
func newsCovers(p *person, news *upstream) (string, error) {
	var a *dict.Actor
	for _, ph := range p.phrases {
		if a = news.lookup(ph); a != nil {
			break
		}
	}
	if a == nil {
		for _, n := range p.allNames() {
			if f := news.findPerson(n, p.home.code); len(f) > 0 {
				a = f[0]
				break
			}
		}
	}
	if a == nil {
		return "", nil
	}
	from := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	var bad []string
	for _, s := range p.spans {
		want := s.code + "GOV"
		start, end := s.start, s.end
		if end.IsZero() || !s.lastSeen.IsZero() && s.lastSeen.Before(end) {
			// After the last snapshot that lists the person in office
			// the Factbook does not know when they left: a successor's
			// "since" date bounds it, and the news record may end
			// earlier (Charles Michel left in October 2019; the next
			// Belgian snapshot, of 2020, names his successor's
			// successor).
			end = s.lastSeen
		}
		if end.Before(from) {
			continue
		}
		if start.Before(from) {
			start = from
		}
		if end.Sub(start) > 2*day {
			// The day of a handover is both holders' in a file whose
			// ranges include both ends (the predecessor's role, listed
			// first, wins it): check the days inside.
			start, end = start.Add(day), end.Add(-day)
		}
		for _, d := range []time.Time{start, start.Add(end.Sub(start) / 2), end} {
			if got := a.CodeAt(d); got != want {
				bad = append(bad, fmt.Sprintf("%s on %s, want %s", got, d.Format("2006-01-02"), want))
			}
		}
	}
	name := fmt.Sprintf("%s:%d %s", a.File, a.Line, a.Name)
	if len(bad) > 0 {
		return name, fmt.Errorf("%s contradicts the Factbook for %s: %s", name, p.display, strings.Join(bad, "; "))
	}
	return name, nil
}

// mergeUpstream finds the upstream records that name p (p's full names
// and aliases, exactly; or a transliteration of the full name,
// upstream.findPerson), adds their phrases to p's, so that none of
// them is left pointing at a stale record, and keeps their roles that end
// before p's first time in office (clipped to end the day before it).
// Their later roles and their default code are replaced by the Factbook's
// dates.
func mergeUpstream(p *person, u *upstream, rep *report) {
	// Only full names link: a short form ("AMADOU_BAH_" of Amadou Oury
	// BAH) may be a namesake's record.
	var fulls []string
	for _, n := range p.allNames() {
		fp, _ := phraseOf(n.words())
		fulls = append(fulls, fp)
		var w []string
		for _, x := range n.words() {
			if !isInitial(x) {
				w = append(w, x)
			}
		}
		fp, _ = phraseOf(w)
		fulls = append(fulls, fp)
		if len(n.words()) < 2 {
			// A one-word name links through its title form only.
			fulls = append(fulls, variants(n, p.title)...)
		}
	}
	for _, ph := range p.phrases {
		if !slices.Contains(fulls, ph) && !slices.Contains(aliasPhrases(p), ph) {
			continue
		}
		a := u.lookup(ph)
		if a == nil || slices.Contains(p.merged, a) {
			continue
		}
		p.merged = append(p.merged, a)
	}
	for _, n := range p.allNames() {
		for _, a := range u.findPerson(n, p.home.code) {
			if !slices.Contains(p.merged, a) {
				p.merged = append(p.merged, a)
			}
		}
	}
	if len(p.merged) == 0 {
		return
	}
	rep.mergedPhoenix++
	first := p.spans[0].start
	for _, a := range p.merged {
		for _, q := range u.phrases(a) {
			words := strings.Split(normPhrase(q), "_")
			if len(words) == 0 || words[0] == "" {
				continue
			}
			ph := strings.Join(words, "_") + "_"
			if !slices.ContainsFunc(p.phrases, func(s string) bool { return normPhrase(s) == normPhrase(ph) }) {
				p.phrases = append(p.phrases, keepStem(q, ph))
			}
		}
		for _, r := range a.Roles {
			if !r.From.IsZero() && !r.From.Before(first) {
				continue
			}
			if r.To.IsZero() || !r.To.Before(first) {
				r.To = first.Add(-day)
			}
			if !r.From.IsZero() && r.To.Before(r.From) {
				continue
			}
			p.kept = append(p.kept, r)
		}
		p.notes = append(p.notes, fmt.Sprintf("%s:%d", a.File, a.Line))
	}
	slices.SortStableFunc(p.kept, func(a, b dict.Role) int { return a.From.Compare(b.From) })
}

// keepStem writes an upstream phrase in key form, keeping whether its last
// word was exact (a final underscore) or a stem.
func keepStem(orig, ph string) string {
	if strings.HasSuffix(strings.TrimSpace(orig), "_") {
		return ph
	}
	return strings.TrimSuffix(ph, "_")
}

// header starts the generated file.
const header = `# EVENTWIRE HEADS OF STATE AND GOVERNMENT FROM THE CIA WORLD FACTBOOK
# Code generated by data/internal/genfactbook; DO NOT EDIT.
#
# The chiefs of state and heads of government of %d countries and
# territories with the dates they held office, from the "since" dates of
# the Factbook's entries between November 2015 and February 2026: %d
# persons. Each is GOV of the country (CAMEO: government, including heads
# of state, monarchs, governors-general and the governors and
# commissioners who represent a sovereign in a territory) from the day
# they took office to the day before their successor took it, or open
# (>date) when still in office at the last snapshot; before and after,
# the default code is the country's ELI (elites: former officials), as
# the Phoenix dictionaries code former office holders. Names are written
# in natural order (given names first, except where the Factbook puts
# the surname first: XI_JINPING_), with the variants news use: without
# initials, first given name and surname, title and surname
# (PRESIDENT_TEBBOUNE_, KING_CHARLES_). A record that the Phoenix
# dictionaries have for the same person (in the same country) is merged:
# its phrases are repeated here and its roles before the person's first
# time in office are kept; the Factbook's dates replace the rest.
# Persons in actors.news.txt (hand-written, loaded after this file) are
# left to it; the generator checks that it agrees with the Factbook.
#
# Sources: the CIA World Factbook (public domain), as mined from the git
# history of github.com/factbook/factbook.json (CC0 1.0); the Phoenix
# actor dictionaries (MIT, (c) Open Event Data Alliance, see
# petrarch/LICENSE) for merged records; country codes through the FIPS
# column of GeoNames' countryInfo.txt: "Contains data from GeoNames
# (https://www.geonames.org/), licensed under CC BY 4.0". This file is
# MIT like the code (LICENSE at the root of the repository), keeping
# those attributions.
#
# Countries whose code is not their ISO 3166 alpha-3 code: %s.
`

// write renders the persons in the PETRARCH actor format.
//
// snapshots are the dates of the rows, in order: the days the mirror's
// history shows the Factbook.
func write(ps []*person, ctry map[string]*country, snapshots []time.Time, rep *report) []byte {
	slices.SortStableFunc(ps, func(a, b *person) int {
		if c := strings.Compare(a.home.code, b.home.code); c != 0 {
			return c
		}
		if c := a.spans[0].start.Compare(b.spans[0].start); c != 0 {
			return c
		}
		return strings.Compare(a.phrases[0], b.phrases[0])
	})
	used := map[string]bool{}
	for _, p := range ps {
		used[p.home.gec] = true
	}
	var codes []string
	for _, gec := range sortedKeys(ctry) {
		if c := ctry[gec]; used[gec] && c.code != c.iso3 {
			codes = append(codes, c.name+" "+c.code)
		}
	}
	rep.persons, rep.countries = len(ps), len(used)
	var b bytes.Buffer
	fmt.Fprintf(&b, header, len(used), len(ps), wrapList(codes))
	last := ""
	for _, p := range ps {
		if p.home.code != last {
			fmt.Fprintf(&b, "\n# %s (%s)\n", p.home.name, p.home.code)
			last = p.home.code
		}
		fmt.Fprintf(&b, "# %s", strings.TrimSpace(p.title+" "+p.display))
		for _, s := range p.spans {
			if s.end.IsZero() {
				continue
			}
			if s.endGuess {
				fmt.Fprintf(&b, "; end %s is the day before the entry that dropped them", s.end.Format("2006-01-02"))
				continue
			}
			// An end inside a long gap between the mirror's snapshots
			// (March 2017 to November 2020) is the successor's start, but
			// another holder may have come in between unseen.
			i, _ := slices.BinarySearchFunc(snapshots, s.end, func(a, b time.Time) int { return a.Compare(b) })
			if i > 0 && i < len(snapshots) && snapshots[i].Sub(snapshots[i-1]) > 180*day {
				fmt.Fprintf(&b, "; end %s uncertain (no snapshot from %s to %s)", s.end.Format("2006-01-02"), snapshots[i-1].Format("2006-01-02"), snapshots[i].Format("2006-01-02"))
			}
		}
		if len(p.notes) > 0 {
			fmt.Fprintf(&b, "; merged with %s", strings.Join(p.notes, ", "))
		}
		b.WriteString("\n")
		for i, ph := range p.phrases {
			if i > 0 {
				b.WriteString("+")
			}
			b.WriteString(ph + "\n")
		}
		for _, r := range p.kept {
			fmt.Fprintf(&b, "\t[%s]\n", roleText(r.Code, r.From, r.To))
			rep.entries++
			rep.kept++
		}
		for _, s := range p.spans {
			fmt.Fprintf(&b, "\t[%s]\n", roleText(s.code+"GOV", s.start, s.end))
			rep.entries++
			rep.spans++
		}
		fmt.Fprintf(&b, "\t[%sELI]\n", p.home.code)
	}
	return b.Bytes()
}

// roleText writes a dated role: "CODE from-to", "CODE >from", "CODE <to".
func roleText(code string, from, to time.Time) string {
	const f = "20060102"
	switch {
	case from.IsZero() && to.IsZero():
		return code
	case from.IsZero():
		return code + " <" + to.Format(f)
	case to.IsZero():
		return code + " >" + from.Format(f)
	}
	return code + " " + from.Format(f) + "-" + to.Format(f)
}

// wrapList joins items into comment lines of about 70 characters.
func wrapList(items []string) string {
	var b strings.Builder
	n := 0
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
			n += 2
		}
		if n+len(it) > 60 {
			b.WriteString("\n# ")
			n = 0
		}
		b.WriteString(it)
		n += len(it)
	}
	return b.String()
}

// aliasPhrases returns the aliases listed for p's names.
func aliasPhrases(p *person) []string {
	var out []string
	for _, n := range p.allNames() {
		fp, _ := phraseOf(n.words())
		out = append(out, aliases[strings.TrimSuffix(fp, "_")]...)
	}
	return out
}
