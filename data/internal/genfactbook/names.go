package main

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/coder/dict"
)

// A name is a holder's name as the Factbook writes it: given names in
// mixed case, the name the holder is known by in capitals, and what
// follows in mixed case (a Spanish second surname, the given names after
// an East Asian surname, an Arabic patronymic):
//
//	Joao Manuel Goncalves LOURENCO  given [Joao Manuel Goncalves], caps [LOURENCO]
//	Danilo MEDINA Sanchez           given [Danilo], caps [MEDINA], rest [Sanchez]
//	XI Jinping                      caps [XI], rest [Jinping]
//	KHALIFA bin Zayid Al-Nuhayyan   caps [KHALIFA], rest [bin Zayid Al-Nuhayyan]
//	ELIZABETH II                    caps [ELIZABETH II]
//
// Written order is the natural order of the name, so the full name is
// given + caps + rest.
type name struct {
	given, caps, rest []string
	// plain is true for a name written without capitals, whose parts
	// are guessed: only its full form is used.
	plain bool
	nick  string // a nickname in quotes ("BongBong")
	jr    bool   // the name ends in "Jr." (left out of the words)
}

// words returns the name's words in written order.
func (n name) words() []string {
	out := append(append(append([]string(nil), n.given...), n.caps...), n.rest...)
	return out
}

// capsFirst reports whether the name starts with its capitalised part
// (East Asian, Lao, Arabic names): the caps are not a surname after given
// names.
func (n name) capsFirst() bool { return len(n.given) == 0 }

// A holder is one person named in an entry, with the title, dates and
// clause that name them.
type holder struct {
	name  name
	title string    // the principal title, normalised ("President", "Prime Minister"), or ""
	since time.Time // the "since" date of the clause; zero when none
	until time.Time // the end of a fixed term ("for the period A - B"); zero when none
	rep   bool      // the sovereign's representative ("represented by Governor General X")
	// represented is true for a sovereign whose representative the
	// same clause names: the monarch of a Commonwealth realm, the
	// president of France for a French territory.
	represented bool
}

// cleanText decodes HTML entities, turns no-break and other spaces into
// blanks, cuts a stale fragment that some snapshots carry after a run of
// blanks, and collapses white space.
func cleanText(s string) string {
	s = html.UnescapeString(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\t':
			return ' '
		case '\u201c', '\u201d':
			return '"'
		case '\u2018', '\u2019':
			return '\''
		case '\u2013', '\u2014':
			return '-'
		}
		return r
	}, s)
	// "Prime Minister A (since 7 July 2021)         B (since 28 December
	// 2019)": the second part is the previous holder, left over.
	if i := strings.Index(s, ")   "); i >= 0 {
		s = s[:i+1]
	}
	return strings.Join(strings.Fields(s), " ")
}

// noteRE finds the start of a note ("note - ...", "note: ...").
var noteRE = regexp.MustCompile(`(?i)(^|[;,.]\s*|\s)notes?\s*[-:]`)

// splitTop splits s at sep outside parentheses.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// An entry is what one Factbook text says about a post.
type entry struct {
	holders []holder
	// vacant is true when the text says the principal post is vacant
	// ("President (vacant)", "vacant (since 7 September 2025)"); since
	// is then the date given, if any, or the first "on D Month YYYY" of
	// the text.
	vacant bool
	since  time.Time
}

// parseText reads the holders an entry names. Notes, deputies, heirs,
// former holders ("... resigned 2 September 2015") and clauses that are
// sentences rather than a title and a name are left out. A clause
// without a title ("Abdelaziz DJERAD (since ...)") counts only first in
// the entry, or in a list of a collective office's members.
func parseText(text string) entry {
	s := cleanText(text)
	if loc := noteRE.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	var e entry
	bareOK := true // a clause without a title is a holder here
	for _, part := range splitTop(s, ';') {
		// "President X (since ...), represented by Governor Y (since ...)"
		pieces := []string{part}
		if i := strings.Index(strings.ToLower(part), "represented by"); i > 0 {
			pieces = []string{part[:i], part[i:]}
		}
		for _, p := range pieces {
			p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), ",;"))
			rep := false
			if strings.HasPrefix(strings.ToLower(p), "represented by") {
				rep = true
				p = strings.TrimSpace(p[len("represented by"):])
			}
			p = strings.TrimPrefix(p, "and ")
			p = strings.TrimPrefix(p, "co-chiefs of state ")
			if p == "" {
				continue
			}
			c := parseClause(p, rep)
			switch {
			case c.vacant:
				if len(e.holders) == 0 && !e.vacant {
					e.vacant, e.since = true, c.since
				}
			case c.skip:
			case !c.titled && !rep && !bareOK:
			default:
				for _, h := range c.holders {
					h.represented = !rep && strings.Contains(strings.ToLower(s), "represented by")
					e.holders = append(e.holders, h)
				}
			}
			if !rep {
				bareOK = len(c.holders) > 0 && (c.collective || !c.titled)
			}
		}
	}
	if len(e.holders) > 0 {
		e.vacant = false
	}
	if e.vacant && e.since.IsZero() {
		// "vacant; former President Bashar al-ASAD was overthrown by
		// Islamist rebels on 8 December 2024": the note's date.
		if m := onDateRE.FindStringSubmatch(cleanText(text)); m != nil {
			e.since, _ = time.Parse("2 January 2006", m[1])
		}
	}
	return e
}

// A clause is what parseClause finds in one clause of an entry.
type clause struct {
	holders    []holder
	titled     bool // it starts with a title
	collective bool // the title is a collective office's ("Chairman of the Presidency")
	skip       bool // it names no principal: a deputy, an heir, a former holder
	vacant     bool // the principal post is vacant
	since      time.Time
}

var (
	sinceRE  = regexp.MustCompile(`(?i)\bsince\b[^)]*?((\d{1,2}) )?(January|February|March|April|May|June|July|August|September|October|November|December)? ?(\d{4})\b`)
	periodRE = regexp.MustCompile(`(?i)for the period (\d{1,2} \w+ \d{4}) ?- ?(\d{1,2} \w+ \d{4})`)
	suffixRE = regexp.MustCompile(`,? (Jr|Sr)\.?(\s|,|$)`)
	onDateRE = regexp.MustCompile(`\bon (\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})`)
	jrRE     = regexp.MustCompile(`,? Jr\.?(\s|,|$)`)
	// formerRE finds a clause about a former holder.
	formerRE = regexp.MustCompile(`(?i)\b(resign|resigns|resigned|resigning|died|ousted|dismissed|deposed|removed|assassinated|impeached|formerly|former|tasked|appointed|announced)\b`)
	// marshalRE finds the air force rank, which is no vice-presidency.
	marshalRE = regexp.MustCompile(`(?i)\bvice[- ]marshall?\b`)
	// deputyRE finds a deputy's or heir's title before the name.
	deputyRE = regexp.MustCompile(`(?i)\b(deputy|vice|vice-president|heir|[a-z]+-elect)\b`)
)

// parseClause reads "Title Given NAME Rest (since D Month YYYY)" and the
// forms around it: several names joined by "and" ("Captains Regent A and
// B"), a fixed term ("for the period A - B"), ranks and honorifics
// before the name, several titles ("Prime Minister and Co-Vice President
// X", whose principal title is the first).
func parseClause(c string, rep bool) clause {
	var out clause
	var since, until time.Time
	if m := periodRE.FindStringSubmatch(c); m != nil {
		since, _ = time.Parse("2 January 2006", m[1])
		until, _ = time.Parse("2 January 2006", m[2])
	} else if m := sinceRE.FindStringSubmatch(c); m != nil {
		since = sinceDate(m[2], m[3], m[4])
	}
	c = marshalRE.ReplaceAllString(c, "Marshal")
	if strings.HasPrefix(c, "(") {
		if i := strings.IndexByte(c, ')'); i > 0 {
			c = strings.TrimSpace(c[i+1:]) // "(Ulu o Tokelau) Alapati TAVITE"
		}
	}
	jr := jrRE.MatchString(c)
	toks := strings.Fields(suffixRE.ReplaceAllString(c, "$2"))
	title, n, found, joined := "", 0, false, false
	for n < len(toks) {
		norm, k := matchTitle(toks[n:])
		if k == 0 {
			if toks[n] == "and" && n+1 < len(toks) {
				if _, k2 := matchTitle(toks[n+1:]); k2 > 0 {
					n++
					joined = true
					continue
				}
			}
			break
		}
		// The first title is the principal one; a deputy's or heir's
		// title gives way only to a principal joined by "and" ("Crown
		// Prince and Prime Minister").
		if !found || title == skipTitle && norm != skipTitle && joined {
			title = norm
		}
		joined = false
		if strings.Contains(strings.Join(toks[n:n+k], " "), "Presidency") {
			out.collective = true
		}
		found = true
		n += k
	}
	out.titled = found
	low := strings.ToLower(c)
	if strings.Contains(low, "vacant") && title != skipTitle && !deputyRE.MatchString(c[:max(0, strings.Index(low, "vacant"))]) {
		out.vacant, out.since = true, since
		return out
	}
	if title == skipTitle || formerRE.MatchString(outsideParens(c)) {
		out.skip = true
		return out
	}
	if !found && !rep {
		if r, _ := utf8.DecodeRuneInString(c); !unicode.IsUpper(r) {
			out.skip = true // "the president is both ...", "on 21 September 2020, ..."
			return out
		}
	}
	names := readNames(toks, n)
	if len(names) == 0 && (found || rep || bareName(toks)) {
		if nm, ok := readPlainName(toks[n:]); ok {
			names = []name{nm}
		}
	}
	if len(names) > 0 {
		pre := strings.Join(toks[:n], " ")
		if i := slices.IndexFunc(toks, func(t string) bool { return isCaps(t) && !stopWords[t] }); i >= 0 {
			pre = strings.Join(toks[:i], " ")
		}
		if deputyRE.MatchString(pre) && title == "" {
			out.skip = true
			return out
		}
	}
	for _, nm := range names {
		nm.jr = jr
		out.holders = append(out.holders, holder{name: nm, title: title, since: since, until: until, rep: rep})
	}
	return out
}

// sinceDate builds a date from the parts "since" matched: a missing day
// is the 1st, a missing month January.
func sinceDate(day, month, year string) time.Time {
	if month == "" {
		month = "January"
	}
	if day == "" {
		day = "1"
	}
	t, err := time.Parse("2 January 2006", day+" "+month+" "+year)
	if err != nil {
		return time.Time{}
	}
	return t
}

// skipTitle is the normalised title of posts that name no principal.
const skipTitle = "-"

// titles are the principal titles with the title the generator writes for
// them in title + name phrases ("PRESIDENT_TEBBOUNE_"), "" for a title
// that makes no such phrase, and skipTitle for deputies and heirs.
// Matching ignores case and commas; the longest title wins.
var titles = []struct{ text, norm string }{
	{"President of the Swiss Confederation", "President"},
	{"President of the Islamic Republic of Afghanistan", "President"},
	{"President of French Polynesia", "President"},
	{"President of the Government", "President"},
	{"President of the Council of Ministers", "Prime Minister"},
	{"President of the State Affairs Commission", "President"},
	{"State Affairs Commission President", "President"},
	{"Chairman of the Presidency", ""},
	{"Chairperson of the Presidency", ""},
	{"Chairman of the Council of Ministers", "Chairman"},
	{"Chairperson of the Council of Ministers", "Chairman"},
	{"Chairman of the Presidential Council", "Chairman"},
	{"Chairperson Presidential Council", "Chairman"},
	{"Chairman Presidential Council", "Chairman"},
	{"Sovereign Council Chair", ""},
	{"Transitional Sovereign Council Chair", ""},
	{"Supreme Leader", "Supreme Leader"},
	{"Interim President", "President"},
	{"Acting President", "President"},
	{"Transition President", "President"},
	{"Transitional President", "President"},
	{"President-elect", skipTitle},
	{"President", "President"},
	{"Interim Prime Minister", "Prime Minister"},
	{"Acting Prime Minister", "Prime Minister"},
	{"Caretaker Prime Minister", "Prime Minister"},
	{"Transitional Prime Minister", "Prime Minister"},
	{"Transition Prime Minister", "Prime Minister"},
	{"Prime Minister", "Prime Minister"},
	{"Premier", "Premier"},
	{"Chief Minister", "Chief Minister"},
	{"Chief Executive", "Chief Executive"},
	{"Taoiseach", "Taoiseach"},
	{"Chancellor", "Chancellor"},
	{"Federal Chancellor", "Chancellor"},
	{"Head of Government", ""},
	{"Grand Duke", "Grand Duke"},
	{"Sovereign Prince", "Prince"},
	{"Prince", "Prince"},
	{"King", "King"},
	{"Queen", "Queen"},
	{"Sultan", "Sultan"},
	{"Amir", "Emir"},
	{"Emir", "Emir"},
	{"Pope", "Pope"},
	{"Co-prince", ""},
	{"Captains Regent", ""},
	{"Captain Regent", ""},
	{"Governor General", "Governor General"},
	{"Governor-General", "Governor General"},
	{"Acting Governor General", "Governor General"},
	{"Lieutenant Governor", skipTitle},
	{"Governor", "Governor"},
	{"High Commissioner", ""},
	{"Commissioner", ""},
	{"Administrator", ""},
	{"Senior Administrator", ""},
	{"Prefect", ""},
	{"Chairman", "Chairman"},
	{"Chairperson", "Chairman"},
	{"CEO", ""},
	{"Secretary of State", ""}, // the Holy See's
	{"State Counsellor", ""},
	// Deputies and heirs are not principals.
	{"Vice", skipTitle},
	{"Vice-President", skipTitle},
	{"Deputy", skipTitle},
	{"First Deputy", skipTitle},
	{"Second Deputy", skipTitle},
	{"Third Deputy", skipTitle},
	{"First Vice", skipTitle},
	{"Second Vice", skipTitle},
	{"Co-Vice", skipTitle},
	{"Executive Vice", skipTitle},
	{"Heir", skipTitle},
	{"Bailiff", skipTitle},
	{"Coprince", ""},
	{"Administrator Superior", ""},
	{"Crown Prince", skipTitle},
	{"Crown Princess", skipTitle},
}

// matchTitle matches the longest title at the start of toks and returns
// its normalised form and length in words; "", 0 when none matches.
func matchTitle(toks []string) (string, int) {
	best, bn := "", 0
	for _, t := range titles {
		w := strings.Fields(t.text)
		if len(w) <= bn || len(w) > len(toks) {
			continue
		}
		ok := true
		for j := range w {
			if !strings.EqualFold(strings.Trim(toks[j], ","), w[j]) {
				ok = false
				break
			}
		}
		if ok {
			best, bn = t.norm, len(w)
		}
	}
	return best, bn
}

// stopWords end the given names when reading back from the capitalised
// part: ranks, styles and the words of titles ("Co-prince Archbishop
// Joan-Enric VIVES", "General David HURLEY", "Crown Prince MUHAMMAD").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Dr. Dr Gen. Gen Lt. Lt Maj. Col. Brig. Adm. Sr. Sen. General Colonel Major
		Lieutenant Captain Admiral Marshal Field Air Vice-Marshal Commodore Brigadier Cardinal Archbishop Bishop
		Sheikh Shaykh Sir Dame Mullah Mr. Mrs. Ms. Rev. Reverend Father Pastor Ayatollah Prof. Professor Lord
		Lady Chief Commander Commander-in-Chief Chair Council Sovereign Transition Interim Acting Caretaker
		Transitional Regent Regents Captains Co-prince Co-Prince Senior Leader Supreme Executive Marshall Capt Capt. Bailiff UK US USA UN EU`) {
		m[w] = true
	}
	for _, t := range titles {
		for _, w := range strings.Fields(t.text) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				m[w] = true
			}
		}
	}
	return m
}()

// particles are the lower-case words inside names.
var particles = map[string]bool{
	"bin": true, "bint": true, "ibn": true, "al": true, "Al": true, "de": true, "da": true, "do": true,
	"dos": true, "das": true, "del": true, "della": true, "di": true, "du": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "y": true, "i": true, "e": true, "el": true, "ben": true,
	"ould": true, "wa": true, "ag": true,
}

// isCaps reports whether w is a capitalised name word: at least two
// letters, all upper case ("BOUTEFLIKA", "SAMBA-PANZA", "II"), or a
// hyphenated word with such a part ("al-BURHAN", "SASSOU-Nguesso").
func isCaps(w string) bool {
	if strings.Contains(strings.Trim(w, "-"), "-") {
		for _, p := range strings.Split(w, "-") {
			if !particles[p] && allCaps(p) {
				return true // "SASSOU-Nguesso", "Hoseini-KHAMENEI", "al-BURHAN"
			}
		}
		return false
	}
	return allCaps(w)
}

// allCaps reports whether w has at least two letters, all upper case.
func allCaps(w string) bool {
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters
}

// isNameWord reports whether w can be part of a name: a capitalised word,
// an initial ("H."), a particle ("bin", "dos") or one joined to a name
// ("al-BURHAN", "Abd-al-Rahman").
func isNameWord(w string) bool {
	if particles[w] {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 && particles[w[:i]] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// readNames reads the names in toks from word from on: each is found at
// its first capitalised word outside parentheses; the given names are the
// name words just before it, back to a title word, a rank or a word that
// is no name word; the rest are the name words after the capitals, up to
// a parenthesis, a comma or another word. A name followed by "and"
// another name ("Captains Regent A and B") gives both. Nicknames in
// quotes are dropped.
func readNames(toks []string, from int) []name {
	var out []name
	for from < len(toks) {
		c, depth := -1, 0
		for i := from; i < len(toks); i++ {
			t := toks[i]
			if depth == 0 && !strings.HasPrefix(t, "(") && !strings.HasPrefix(t, "\"") && isCaps(strings.Trim(t, ",;:")) &&
				!stopWords[strings.Trim(t, ",")] {
				c = i
				break
			}
			depth += strings.Count(t, "(") - strings.Count(t, ")")
			if depth < 0 {
				depth = 0
			}
		}
		if c < 0 {
			break
		}
		var n name
		for i := c - 1; i >= from; i-- {
			t := toks[i]
			if strings.HasPrefix(t, "\"") || strings.HasSuffix(t, "\"") {
				// A nickname: Joko "Jokowi" WIDODO.
				if q := strings.Trim(t, "\""); strings.Count(t, "\"") == 2 && q != "" {
					n.nick = q
				}
				continue
			}
			if t == "of" || t == "the" {
				// "Queen of Australia ELIZABETH II", "Governor of the
				// Pitcairn Islands Jonathan SINCLAIR": the words after
				// "of" name a place; a name keeps at most the last.
				if len(n.given) < 2 {
					n.given = nil
				} else {
					n.given = n.given[len(n.given)-1:]
				}
				break
			}
			if stopWords[t] || strings.HasSuffix(t, ",") || strings.ContainsAny(t, "()") || !isNameWord(t) || len(n.given) == 4 {
				break
			}
			n.given = append([]string{t}, n.given...)
		}
		e := c
		for ; e < len(toks); e++ {
			t := toks[e]
			if strings.HasPrefix(t, "\"") {
				continue
			}
			end := strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";")
			t = strings.TrimRight(t, ",;")
			if strings.ContainsAny(t, "()") || !isNameWord(t) {
				break
			}
			if isCaps(t) && len(n.rest) == 0 {
				n.caps = append(n.caps, t)
			} else {
				n.rest = append(n.rest, t)
			}
			if end {
				e++
				break
			}
		}
		// Particles at the end of the given names belong to the capitals
		// ("Jose Eduardo dos SANTOS"); at the end of the rest to nothing.
		for len(n.given) > 0 && particles[n.given[len(n.given)-1]] {
			n.caps = append([]string{n.given[len(n.given)-1]}, n.caps...)
			n.given = n.given[:len(n.given)-1]
		}
		for len(n.rest) > 0 && particles[n.rest[len(n.rest)-1]] {
			n.rest = n.rest[:len(n.rest)-1]
		}
		if len(n.caps) == 0 {
			break // "ABC(": capitals that are no name word
		}
		out = append(out, n)
		// Another name after "and", possibly after this one's dates.
		next := -1
		for i, depth := e, 0; i < len(toks); i++ {
			depth += strings.Count(toks[i], "(") - strings.Count(toks[i], ")")
			if depth <= 0 && toks[i] == "and" {
				next = i + 1
				break
			}
			if depth <= 0 && strings.HasSuffix(toks[i], ")") && i+1 < len(toks) && toks[i+1] != "and" {
				break
			}
		}
		if next < 0 {
			break
		}
		from = next
	}
	return out
}

// outsideParens returns s without its parenthesised parts.
func outsideParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// readPlainName reads a name the Factbook forgot to capitalise ("Prime
// Minister Milos Vucevic (since 2 May 2024)"): the name words up to a
// parenthesis, a comma or another word, the last taken as the surname.
func readPlainName(toks []string) (name, bool) {
	var words []string
	for len(toks) > 0 && stopWords[toks[0]] {
		toks = toks[1:] // "Sheikh"
	}
	for _, t := range toks {
		end := strings.HasSuffix(t, ",")
		t = strings.TrimRight(t, ",;")
		if strings.ContainsAny(t, "()") || !isNameWord(t) || stopWords[t] {
			break
		}
		words = append(words, t)
		if end {
			break
		}
	}
	if len(words) < 2 || len(words) > 6 || particles[words[len(words)-1]] {
		return name{}, false
	}
	return name{given: words[:len(words)-1], caps: words[len(words)-1:], plain: true}, true
}

// bareName reports whether toks are a name and nothing else, but for
// parenthesised dates: "Ahmad al-Shara'", "Raymond Ndong Sima (since 8
// September 2023)".
func bareName(toks []string) bool {
	for i, t := range toks {
		if strings.HasPrefix(t, "(") {
			return i > 0
		}
		if !isNameWord(strings.TrimRight(t, ",")) {
			return false
		}
	}
	return len(toks) > 0
}

// sameName reports whether two names with the same capitals (capsCore)
// may be one person's: the given names (and, for a name that starts with its
// capitals, the words after them) of one are among the other's, compared
// by their consonants, one edit apart for long keys ("Benyamin"/
// "Binyamin", "Micheal"/"Michael", "Gombojavis"/"Gombojavyn",
// "Arthur Peter"/"Peter", "Nicolae-Ionel"/"Nicolae"). "Gurbanguly" and
// "Serdar" BERDIMUHAMEDOW are two persons.
func sameName(a, b name) bool {
	if capsCore(a) != capsCore(b) {
		return false
	}
	ka, kb := otherKeys(a), otherKeys(b)
	if len(ka) > len(kb) {
		ka, kb = kb, ka
	}
	for _, k := range ka {
		if !slices.ContainsFunc(kb, func(l string) bool {
			return k == l || len(k) >= 5 && len(l) >= 5 && k[0] == l[0] && dict.EditDistance(k, l) <= 1
		}) {
			return false
		}
	}
	return true
}

// otherKeys returns the consonant keys of a name's words other than its
// capitals and initials, hyphenated words split.
func otherKeys(n name) []string {
	var out []string
	for _, w := range append(slices.Clone(n.given), n.rest...) {
		if isInitial(w) || particles[w] {
			continue
		}
		for _, p := range strings.Split(w, "-") {
			k, _ := asciiKey(p)
			out = append(out, consonants(k))
		}
	}
	return out
}

// consonants returns an upper-case word's first letter and its other
// letters but vowels and Y, doubled letters collapsed.
func consonants(w string) string {
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i > 0 && strings.IndexByte("AEIOUY'", c) >= 0 {
			continue
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// capsCore is the key of a name's capitals without particles and the
// mixed-case parts of hyphenated words: HARIRI for "al-HARIRI", OSMANI
// for "OSMANI-Sadriu".
func capsCore(n name) string {
	var words []string
	for _, w := range n.caps {
		if particles[w] {
			continue
		}
		if strings.Contains(w, "-") && !allCaps(w) {
			for _, p := range strings.Split(w, "-") {
				if allCaps(p) && !particles[p] {
					words = append(words, p)
				}
			}
			continue
		}
		words = append(words, w)
	}
	p, _ := phraseOf(words)
	return p
}
