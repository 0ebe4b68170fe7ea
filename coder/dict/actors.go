package dict

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Actor is one actor record: a primary phrase, its synonyms, a default code
// and codes restricted to date ranges.
type Actor struct {
	// Name is the primary phrase as written in the file.
	Name string
	// Code is the default code, used when no dated role applies; "" for
	// none.
	Code string
	// Roles are the date-restricted codes in file order.
	Roles []Role
	// File and Line locate the primary phrase.
	File string
	Line int
}

// Role is a code that applies between two dates, both included. A zero
// From or To leaves that side open.
type Role struct {
	Code     string
	From, To time.Time
}

// CodeAt returns the actor's code on date: the first role whose range holds
// date, else the default code. With no default, a date in a gap between
// roles of one state gives the state's three letters (IRQ between [IRQ
// <20030320] and [IRQ >20060520]); before the first role or after the last
// it gives "" (out of office). A zero date selects the default code, or
// the last role when there is no default.
func (a *Actor) CodeAt(date time.Time) string {
	if date.IsZero() {
		if a.Code == "" && len(a.Roles) > 0 {
			return a.Roles[len(a.Roles)-1].Code
		}
		return a.Code
	}
	before, after := "", "" // roles ending before date, starting after it
	for _, r := range a.Roles {
		if (r.From.IsZero() || !date.Before(r.From)) && (r.To.IsZero() || !date.After(r.To)) {
			return r.Code
		}
		if !r.To.IsZero() && date.After(r.To) {
			before = r.Code
		}
		if !r.From.IsZero() && date.Before(r.From) && after == "" {
			after = r.Code
		}
	}
	if a.Code == "" && before != "" && after != "" && len(before) >= 3 && len(after) >= 3 && before[:3] == after[:3] {
		// A gap between two roles of the same state (a defective or
		// missing range in the file: IRAQ_ between 2003 and 2006) keeps
		// the state.
		return before[:3]
	}
	return a.Code
}

// phrase is one dictionary phrase of an actor or agent, indexed by its
// first word.
type phrase struct {
	words []string
	skels []string
	stem  bool // the last word may be followed by more letters
	seq   int  // load order, later wins ties
	// caps is true for an acronym taken from a parenthesised name
	// ("(LTTE)"), which matches a word written in capitals only: "LET"
	// (Lashkar-e-Taiba) is not "Let".
	caps bool
	// roleCoded is true for a phrase of an actor with a role code
	// (roleCoded): its one word as a stem takes no other letters.
	roleCoded bool
}

type actorPhrase struct {
	phrase
	actor *Actor
}

// Actors is an actor dictionary indexed for longest-match look-up.
type Actors struct {
	byFirst map[string][]actorPhrase
	bySkel  map[string][]actorPhrase
	byEntry map[string]*Actor
	n       int
	seq     int
}

func newActors() *Actors {
	return &Actors{byFirst: map[string][]actorPhrase{}, bySkel: map[string][]actorPhrase{}}
}

// Len returns the number of actor records.
func (a *Actors) Len() int { return a.n }

func (a *Actors) parse(file string, data []byte, errs *ErrorList) {
	var cur *Actor
	for _, ln := range lines(data) {
		s := ln.s
		switch {
		case strings.HasPrefix(s, "+"):
			if cur == nil {
				errs.add(file, ln.n, "synonym %q before any actor", s)
				continue
			}
			before, inside, _, ok := bracket(s[1:])
			a.addPhrase(before, cur)
			if ok {
				a.addCode(file, ln.n, inside, cur, errs)
			}
		case s[0] == '[':
			if cur == nil {
				errs.add(file, ln.n, "code %q before any actor", s)
				continue
			}
			_, inside, _, ok := bracket(s)
			if !ok {
				errs.add(file, ln.n, "unclosed [ in %q", s)
				continue
			}
			a.addCode(file, ln.n, inside, cur, errs)
		case ln.tab && cur != nil && strings.Contains(s, "["):
			// A tab-indented phrase with a dated code continues the record.
			before, inside, _, ok := bracket(s)
			if !ok {
				errs.add(file, ln.n, "unclosed [ in %q", s)
				continue
			}
			a.addPhrase(before, cur)
			a.addCode(file, ln.n, inside, cur, errs)
		default:
			before, inside, _, ok := bracket(s)
			if !ok && strings.ContainsAny(s, "[]") {
				errs.add(file, ln.n, "unbalanced brackets in %q", s)
				continue
			}
			if i := strings.IndexByte(before, ';'); i >= 0 {
				before = before[:i]
			}
			if cur != nil && cur.Code == "" && len(cur.Roles) == 0 && !ok && strings.TrimSpace(before) != "" {
				// A primary phrase right after one that has no code yet
				// is another name of the same record: the codes that
				// follow are theirs together ("MIKHAIL_GORBACHEV_",
				// "EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV", ...,
				// "GENERAL_SECRETARY_GORBACHEV", then the dated roles).
				// Read as records of their own they would have no code
				// at all, which is never what such a line means.
				a.addPhrase(before, cur)
				continue
			}
			cur = &Actor{Name: strings.TrimSpace(before), File: file, Line: ln.n}
			if cur.Name == "" {
				errs.add(file, ln.n, "actor without a phrase")
				cur = nil
				continue
			}
			a.n++
			a.addPhrase(before, cur)
			if ok {
				a.addCode(file, ln.n, inside, cur, errs)
			}
		}
	}
}

func (a *Actors) addPhrase(s string, act *Actor) {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	words, exact := splitPhrase(s)
	if len(words) == 0 {
		return
	}
	a.seq++
	p := actorPhrase{newPhrase(words, !exact, a.seq), act}
	a.byFirst[words[0]] = append(a.byFirst[words[0]], p)
	if sk := Skeleton(words[0]); sk != "" {
		a.bySkel[sk] = append(a.bySkel[sk], p)
	}
	if split, ok := splitHyphens(words); ok {
		a.seq++
		p := actorPhrase{newPhrase(split, !exact, a.seq), act}
		a.byFirst[split[0]] = append(a.byFirst[split[0]], p)
	}
	if name, acr, ok := parenthesised(words); ok {
		// "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_": news writes the
		// name without the acronym, or the acronym alone, far more often
		// than both (a tokenizer splits the brackets off anyway). Both
		// are added as names of the record that lose ties to any other
		// record's phrase (seq below every loaded one).
		a.byFirst[name[0]] = append(a.byFirst[name[0]], actorPhrase{newPhrase(name, false, -a.seq), act})
		if split, ok := splitHyphens(name); ok {
			a.byFirst[split[0]] = append(a.byFirst[split[0]], actorPhrase{newPhrase(split, false, -a.seq), act})
		}
		if acr != "" {
			p := actorPhrase{newPhrase([]string{acr}, false, -a.seq), act}
			p.caps = true
			a.byFirst[acr] = append(a.byFirst[acr], p)
		}
	}
}

// parenthesised splits a phrase with a bracketed last part, as upstream
// writes many armed groups ("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_",
// "MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_"), into the name before the
// bracket and, when the bracket holds one word that reads as the name's
// acronym (three to eight letters, digits or hyphens, the initials of
// the name's words), that acronym. A bracket that
// qualifies a one-word name ("GEORGIA_(COUNTRY)_", "KOREA_(NORTH)_") or
// holds several words gives nothing: the bare name would be another
// record's, or ambiguous ("NATIONAL_LIBERATION_ARMY_(COLOMBIA)_",
// "..._(BOLIVIA)_").
func parenthesised(words []string) (name []string, acr string, ok bool) {
	n := len(words)
	if n < 2 || !strings.HasPrefix(words[n-1], "(") || !strings.HasSuffix(words[n-1], ")") {
		return nil, "", false
	}
	inside := strings.Trim(words[n-1], "()")
	name = words[:n-1]
	if len(inside) < 3 || len(inside) > 8 || strings.ContainsAny(inside, "()") {
		return nil, "", false
	}
	for _, c := range inside {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return nil, "", false
		}
	}
	// The acronym's letters are the initials of the name's words (and of
	// the parts of hyphenated ones), in order, from the first: LTTE of
	// Liberation Tigers of Tamil Eelam, MEK of Mujahedin-e-Khalq; not CAR
	// of Revolutionary Armed Corps, which news uses for the Central
	// African Republic.
	var initials []byte
	for _, w := range name {
		for _, part := range strings.Split(w, "-") {
			if part != "" {
				initials = append(initials, part[0])
			}
		}
	}
	letters := strings.NewReplacer("-", "", "0", "", "1", "", "2", "", "3", "", "4", "", "5", "", "6", "", "7", "", "8", "", "9", "").Replace(inside)
	if len(initials) < 2 || len(letters) == 0 || letters[0] != initials[0] {
		return nil, "", false
	}
	j := 0
	for _, c := range initials {
		if j < len(letters) && letters[j] == c {
			j++
		}
	}
	if j < len(letters) {
		return nil, "", false
	}
	return name, inside, true
}

// splitHyphens returns words with each hyphenated word ("AL-QAEDA",
// "BOSNIA-HERZEGOVINA") split into its parts and "-", and each possessive
// ("PEOPLE'S" of NEW_PEOPLE'S_ARMY, LORD'S_RESISTANCE_ARMY) into its
// word and "'S", as tokenizers that follow UD English (eventwire's among
// them) give them, and whether there was any. Phrases are indexed both
// ways, so text tokenized either way matches.
func splitHyphens(words []string) ([]string, bool) {
	var out []string
	found := false
	for _, w := range words {
		if stem, ok := strings.CutSuffix(w, "'S"); ok && stem != "" && !strings.ContainsAny(stem, "'-") {
			out = append(out, stem, "'S")
			found = true
			continue
		}
		if !strings.Contains(w, "-") || strings.Trim(w, "-") != w {
			out = append(out, w)
			continue
		}
		for i, part := range strings.Split(w, "-") {
			if part == "" {
				return nil, false // "A--B": leave it alone
			}
			if i > 0 {
				out = append(out, "-")
			}
			out = append(out, part)
		}
		found = true
	}
	return out, found
}

// addCode adds "CODE", "CODE <date", "CODE >date" or "CODE date-date".
func (a *Actors) addCode(file string, n int, s string, act *Actor, errs *ErrorList) {
	f := strings.Fields(s)
	if len(f) == 0 {
		errs.add(file, n, "empty code []")
		return
	}
	code := f[0]
	rest := strings.Join(f[1:], "")
	if rest == "" {
		if act.Code != "" && act.Code != code && len(act.Roles) == 0 {
			// A second undated code: PETRARCH keeps the first.
			return
		}
		act.Code = code
		return
	}
	var r Role
	r.Code = code
	var err error
	switch {
	case rest[0] == '<':
		r.To, err = parseDate(rest[1:])
	case rest[0] == '>':
		r.From, err = parseDate(rest[1:])
	default:
		i := strings.IndexByte(rest, '-')
		if i < 0 {
			errs.add(file, n, "date restriction %q: want <date, >date or date-date", rest)
			return
		}
		r.From, err = parseDate(rest[:i])
		if err == nil {
			r.To, err = parseDate(rest[i+1:])
		}
	}
	if err != nil {
		errs.add(file, n, "date restriction %q: %v", rest, err)
		return
	}
	act.Roles = append(act.Roles, r)
}

// parseDate reads YYMMDD or YYYYMMDD; two-digit years up to 30 are 20xx,
// the others 19xx, as in PETRARCH.
func parseDate(s string) (time.Time, error) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return time.Time{}, strErr("date " + strconv.Quote(s) + " is not YYMMDD or YYYYMMDD")
		}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	default:
		return time.Time{}, strErr("date " + strconv.Quote(s) + " is not YYMMDD or YYYYMMDD")
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, strErr("date " + strconv.Quote(s) + " has no such month or day")
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

type strErr string

func (e strErr) Error() string { return string(e) } // Error returns the message.

func (a *Actors) finish() {
	ph := func(p *actorPhrase) *phrase { return &p.phrase }
	a.byEntry = map[string]*Actor{}
	for _, index := range []map[string][]actorPhrase{a.byFirst, a.bySkel} {
		for _, v := range index {
			sortPhrases(v, ph)
			for i := range v {
				v[i].roleCoded = roleCoded(v[i].actor)
				a.byEntry[v[i].actor.Entry()] = v[i].actor
			}
		}
	}
}

// Entry names the actor's record as events show it: "file:line NAME"
// (eventwire.Actor.Entry).
func (a *Actor) Entry() string {
	return a.File + ":" + strconv.Itoa(a.Line) + " " + a.Name
}

// ByEntry returns the actor whose record Entry names, or nil.
func (a *Actors) ByEntry(entry string) *Actor {
	if a == nil {
		return nil
	}
	return a.byEntry[entry]
}

// sortPhrases orders candidates longest first, then later-loaded first.
func sortPhrases[T any](v []T, ph func(*T) *phrase) {
	slices.SortFunc(v, func(a, b T) int {
		pa, pb := ph(&a), ph(&b)
		if len(pa.words) != len(pb.words) {
			return len(pb.words) - len(pa.words)
		}
		return pb.seq - pa.seq
	})
}

// Words is a sentence prepared for dictionary look-up: the key (Key) and
// skeleton (Skeleton) of each token.
type Words struct {
	Keys  []string
	Skels []string
	// Upper says which forms are written in capitals (two letters or
	// more, none lower-case): an acronym's.
	Upper []bool
}

// NewWords prepares forms for look-up. Only capitalised forms (names) get
// a skeleton: common words are matched exactly. A hashtag is looked up
// as its word ("#US" as US).
func NewWords(forms []string) Words {
	w := Words{Keys: make([]string, len(forms)), Skels: make([]string, len(forms)), Upper: make([]bool, len(forms))}
	for i, f := range forms {
		if len(f) > 1 && f[0] == '#' && (f[1] >= 'A' && f[1] <= 'Z' || f[1] >= 'a' && f[1] <= 'z') {
			// A hashtag in quoted social-media posts names what its word
			// names: "#US blockade measure", "#Cuba".
			f = f[1:]
		}
		if strings.Contains(f, "’") {
			f = strings.ReplaceAll(f, "’", "'") // "People’s": the dictionaries write '
		}
		w.Keys[i] = Key(f)
		w.Upper[i] = upperWord(f)
		if f != "" && f[0] >= 'A' && f[0] <= 'Z' {
			w.Skels[i] = Skeleton(w.Keys[i])
		}
	}
	return w
}

// upperWord reports whether f has two letters or more and no lower-case
// one.
func upperWord(f string) bool {
	letters := 0
	for _, c := range f {
		switch {
		case c >= 'a' && c <= 'z', unicode.IsLower(c):
			return false
		case unicode.IsLetter(c):
			letters++
		}
	}
	return letters >= 2
}

// Match finds the longest actor phrase that starts at word i of w and ends
// before word end. It returns the actor and the number of words matched, or
// nil and 0. Exact spellings win; transliteration variants (Skeleton) and
// stems ("ARGENTIN" for ARGENTINA) are tried only when nothing matches
// exactly.
func (a *Actors) Match(w Words, i, end int) (*Actor, int) {
	if a == nil || i >= end {
		return nil, 0
	}
	cands := a.byFirst[w.Keys[i]]
	for _, p := range cands {
		if n := p.match(w, i, end, false, false); n > 0 {
			return p.actor, n // candidates are sorted longest first
		}
	}
	best, bn := (*Actor)(nil), 0
	if len(cands) > 0 && (w.Skels[i] != "" || i+1 < end && w.Skels[i+1] != "" || i+1 >= end) {
		// Variants only matter when a name follows (or the phrase ends).
		for _, p := range cands {
			if n := p.match(w, i, end, true, variantOK(p.actor)); n > bn {
				best, bn = p.actor, n
			}
		}
	}
	if best == nil && w.Skels[i] != "" {
		for _, p := range a.bySkel[w.Skels[i]] {
			if n := p.match(w, i, end, true, variantOK(p.actor)); n > bn {
				best, bn = p.actor, n
			}
		}
	}
	if best == nil {
		k := w.Keys[i]
		if n := len(k); n > 4 && k[n-1] == 'S' {
			// A plural of a one-word name: IRAQIS, SYRIANS.
			for _, p := range a.byFirst[k[:n-1]] {
				if len(p.words) == 1 {
					return p.actor, 1
				}
			}
		}
		for l := len(k) - 1; l >= 4 && len(k)-l <= maxStemSuffix; l-- {
			for _, p := range a.byFirst[k[:l]] {
				if len(p.words) == 1 && p.stem && !p.roleCoded {
					return p.actor, 1
				}
			}
		}
	}
	return best, bn
}

// roleCoded reports whether a's code is more than a state's bare code (a
// person, a group, an organ), whose one-word name as a stem would reach
// into other names: Phoenix's "+ASSAD" (no final underscore) made "Ahmed
// al-Assadi" Syria's president, and "+OBAMA" every "Obamacare". A state's
// stem ("ARGENTIN", "AFGHAN") is meant to take its endings; a plural
// ("SERBIANS", "KOSOVARS") is matched anyway.
func roleCoded(a *Actor) bool {
	code := a.Code
	if code == "" && len(a.Roles) > 0 {
		code = a.Roles[len(a.Roles)-1].Code
	}
	return len(code) > 3
}

// variantOK reports whether an actor's names may be matched by a
// transliteration variant: persons and groups, whose foreign names are
// spelt many ways (NAZARBAEV, HIZBALLAH), not states, their places and
// companies, whose English names are fixed and whose skeletons common
// words share ("Schools" and SEYCHELLES, "Alexander" and ALEXANDRIA,
// "Directive" and DIRECTV).
func variantOK(a *Actor) bool {
	code := a.Code
	if code == "" && len(a.Roles) > 0 {
		code = a.Roles[len(a.Roles)-1].Code
	}
	return len(code) > 3 && !strings.HasPrefix(code, "MNC")
}

// match reports how many words of w from i the phrase covers, or 0: the
// words as they are, or with fuzzy a stem's ending or a plural, and with
// variants a transliteration (Skeleton) of the word.
func (p *phrase) match(w Words, i, end int, fuzzy, variants bool) int {
	if i+len(p.words) > end {
		return 0
	}
	if p.caps && (w.Upper == nil || !w.Upper[i]) {
		return 0
	}
	for j, pw := range p.words {
		k := w.Keys[i+j]
		if k == pw {
			continue
		}
		if !fuzzy {
			return 0
		}
		last := j == len(p.words)-1
		if last && p.stem && len(pw) >= 4 && len(k)-len(pw) <= maxStemSuffix && strings.HasPrefix(k, pw) && (len(p.words) > 1 || !p.roleCoded) {
			continue
		}
		if last && len(k) == len(pw)+1 && k[len(k)-1] == 'S' && strings.HasPrefix(k, pw) && len(pw) >= 4 {
			continue // a plural: IRAQIS for IRAQI_, SYRIANS for SYRIAN_
		}
		if s := w.Skels[i+j]; variants && s != "" && s == p.skels[j] && k[0] == pw[0] && len(k)-len(pw) <= 2 && len(pw)-len(k) <= 2 &&
			!strings.HasPrefix(pw, k) && !strings.HasPrefix(k, pw) && EditDistance(k, pw) <= 2 {
			// A transliteration differs inside the word (NAZARBAEV,
			// NAZARBAYEV); a word that only lacks or adds an ending is
			// another word: CHRISTIAN is not CHRISTIANIA, Oslo's old name.
			continue
		}
		return 0
	}
	return len(p.words)
}

// EditDistance is the Levenshtein distance of a and b, counted in bytes
// (names in keys are ASCII).
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			d := prev[j-1]
			if a[i-1] != b[j-1] {
				d++
			}
			cur[j] = min(d, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// maxStemSuffix bounds how many letters a stemmed phrase word ("ARGENTIN",
// "BULGAR") may leave unmatched at the end of a token: enough for
// -A, -IAN, -IANS, -ESE, not enough to reach into unrelated names.
const maxStemSuffix = 4

func newPhrase(words []string, stem bool, seq int) phrase {
	p := phrase{words: words, stem: stem, seq: seq, skels: make([]string, len(words))}
	for i, w := range words {
		p.skels[i] = Skeleton(w)
	}
	return p
}
