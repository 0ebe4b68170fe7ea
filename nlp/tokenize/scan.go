package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tok is one surface token found by Scan: a byte range of the text. Words of
// a multi-word token are made from it later (see Words).
type Tok struct {
	Start, End int32
}

// Scan cuts s into surface tokens following UD English EWT conventions. It
// never fails: every non-space byte of s ends up in exactly one token, and the
// tokens are in order.
func Scan(s string) []Tok {
	sc := scanner{s: s, toks: make([]Tok, 0, len(s)/5+1)}
	sc.run()
	return sc.toks
}

type scanner struct {
	s    string
	next rune // the first rune of the chunk after the current one
	toks []Tok
	suf  []Tok // suffix tokens peeled from the current chunk, innermost last
}

func (sc *scanner) emit(a, b int) {
	if a < b {
		sc.toks = append(sc.toks, Tok{int32(a), int32(b)})
	}
}

// run splits s into whitespace-separated chunks and each chunk into tokens.
func (sc *scanner) run() {
	s := sc.s
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += w
		}
		sc.next = utf8.RuneError
		for k := j; k < len(s); {
			r, w := utf8.DecodeRuneInString(s[k:])
			if !isSpace(r) {
				sc.next = r
				break
			}
			k += w
		}
		sc.chunk(i, j)
		i = j
	}
}

// isSpace reports the runes that separate tokens: Unicode white space plus
// the invisible format characters that web text scatters around, and
// control characters (NUL, escape, DEL, C1), which are never words: as
// tokens they were tagged and parsed as nouns.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == 0x200B || r == 0xFEFF || r == 0x200C || r == 0x200D || r == 0x2060
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) }

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '`' }

// isFinalPunct reports the runes that can end a sentence and group into one
// token when they repeat or mix ("?!", "...").
func isFinalPunct(r rune) bool { return r == '.' || r == '!' || r == '?' }

// runeAt returns the rune at byte i of s (RuneError, 0 at or past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore returns the rune that ends at byte i of s.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// punctRun returns the end of the punctuation token that starts at i and
// must end by lim: a run of one repeated rune ("...", "--", "!!!", "”"), a
// run of ! and ? after "." or a run of them ("?!", ".?", "!!?"), or a run of
// line-drawing symbols ("----==").
func punctRun(s string, i, lim int) int {
	r, w := runeAt(s, i)
	j := i + w
	for j < lim {
		r2, _ := runeAt(s, j)
		if r2 != r {
			break
		}
		j += w
	}
	switch {
	case r == '!' || r == '?' || r == '.' && j == i+1:
		for j < lim {
			r2, w2 := runeAt(s, j)
			if r2 != '!' && r2 != '?' {
				break
			}
			j += w2
		}
	case isRule(r):
		for j < lim {
			r2, w2 := runeAt(s, j)
			if !isRule(r2) {
				break
			}
			j += w2
		}
	}
	return j
}

// isRule reports the symbols that web text repeats to draw lines.
func isRule(r rune) bool { return r == '-' || r == '=' || r == '_' || r == '*' || r == '~' }

// punctRunBack returns the start of the punctuation token that ends at j and
// must start at or after lim: the token punctRun would find, scanning back.
func punctRunBack(s string, lim, j int) int {
	r, w := runeBefore(s, j)
	i := j - w
	for i > lim {
		r2, w2 := runeBefore(s, i)
		if r2 != r {
			break
		}
		i -= w2
	}
	switch {
	case r == '!' || r == '?':
		for i > lim {
			r2, w2 := runeBefore(s, i)
			if r2 != '!' && r2 != '?' {
				if r2 == '.' {
					if r3, _ := runeBefore(s, i-w2); r3 != '.' {
						i -= w2
					}
				}
				break
			}
			i -= w2
		}
	case isRule(r):
		for i > lim {
			r2, w2 := runeBefore(s, i)
			if !isRule(r2) {
				break
			}
			i -= w2
		}
	}
	return i
}

// chunk tokenizes the non-space run s[a:b].
func (sc *scanner) chunk(a, b int) {
	s := sc.s
	sc.suf = sc.suf[:0]
	// lastAlnum is where the chunk's last letter or digit starts (or a-1):
	// emoticons are tokens only when nothing alphanumeric follows them.
	lastAlnum := a - 1
	for i := b; i > a; {
		r, w := utf8.DecodeLastRuneInString(s[a:i])
		i -= w
		if isAlnum(r) {
			lastAlnum = i
			break
		}
	}
	hasAt := strings.IndexByte(s[a:b], '@') >= 0
	for a < b {
		// Whole-chunk specials first: emoticons, URLs, e-mail addresses.
		if n := emoticonAt(s[a:b]); n > 0 && a+n > lastAlnum {
			sc.emit(a, a+n)
			a += n
			continue
		}
		if isURLStart(s[a:b]) || hasAt && isEmail(s[a:b]) {
			b = sc.peelURLSuffix(a, b)
			sc.emit(a, b)
			a = b
			break
		}
		r, w := runeAt(s, a)
		if !isAlnum(r) && !keepPrefix(s, a, b, r, w) {
			e := punctRun(s, a, b)
			sc.emit(a, e)
			a = e
			continue
		}
		// Suffixes.
		r, w = runeBefore(s, b)
		if !isAlnum(r) && a < b-w+1 && !sc.keepSuffix(a, b, r) {
			if n := emoticonAtEnd(s[a:b]); n > 0 && n < b-a {
				sc.suf = append(sc.suf, Tok{int32(b - n), int32(b)})
				b -= n
				continue
			}
			st := punctRunBack(s, a, b)
			if b-st == 2 && s[st:b] == ".." && isAbbrev(s[a:st+1]) {
				st++ // "Inc.." is "Inc." and "."
			}
			if st == a { // the whole rest is one run: a prefix case handled it
				sc.emit(a, b)
				a = b
				break
			}
			sc.suf = append(sc.suf, Tok{int32(st), int32(b)})
			b = st
			continue
		}
		sc.middle(a, b)
		a = b
	}
	for k := len(sc.suf) - 1; k >= 0; k-- {
		sc.toks = append(sc.toks, sc.suf[k])
	}
}

// keepPrefix reports a leading non-alphanumeric rune that belongs to the
// token: ".5", "'s", "'90s", "n't" written alone.
func keepPrefix(s string, a, b int, r rune, w int) bool {
	n, _ := runeAt(s, a+w)
	switch {
	case r == '.' && isDigit(n):
		p, _ := runeBefore(s, a)
		return !isDigit(p)
	case r == '+':
		return isDigit(n) // "+1 212 ..."
	case r == '#':
		return isLetter(n) // hashtags; "#1" is "#" and "1"
	case isApos(r):
		rest := strings.ToLower(s[a+w : b])
		rest = strings.TrimRight(rest, ".,;:!?\"')]}”’")
		switch rest {
		case "s", "re", "ve", "ll", "d", "m", "em":
			return true
		}
		return len(rest) >= 2 && isDigit(rune(rest[0])) && isDigit(rune(rest[1])) &&
			(len(rest) == 2 || rest[2:] == "s")
	}
	return false
}

// keepSuffix reports a trailing non-alphanumeric rune that belongs to the
// token: the period of an abbreviation, the apostrophe of a plural
// possessive.
func (sc *scanner) keepSuffix(a, b int, r rune) bool {
	s := sc.s
	switch r {
	case '.':
		if _, ok := numAbbrevs[s[a:b-1]]; ok && isDigit(sc.next) {
			return true // "No. 5", "pp. 12"
		}
		// After a hyphen the last part decides: "ESBL-E." ends in an initial.
		if k := strings.LastIndexByte(s[a:b], '-'); k >= 0 && k+2 < b-a {
			return isAbbrev(s[a+k+1 : b])
		}
		return isAbbrev(s[a:b])
	case '$':
		return currencyPrefix(s[a : b-1]) // "US$ 4.5"
	case '\'', '’':
		// The plural possessive "soldiers'", unless the chunk opened a quote.
		p, w := runeBefore(s, b-1)
		q, _ := runeAt(s, a)
		pp, _ := runeBefore(s, b-1-w)
		return p == 's' && isLetter(pp) && !isApos(q) && q != '‘' && q != '"' && q != '“'
	}
	return false
}

// currencyPrefix reports whether w, before a dollar sign, names whose
// dollar it is: one to three capitals ("US$", "A$", "NZ$", "HK$").
func currencyPrefix(w string) bool {
	if len(w) < 1 || len(w) > 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'A' || w[k] > 'Z' {
			return false
		}
	}
	return true
}

// isAbbrev reports whether w, which ends in a period, is an abbreviation
// whose period belongs to it: a known abbreviation ("Dr.", "Jan.", "etc."),
// an initial ("J."), or letters with inner periods ("U.S.", "p.m.").
func isAbbrev(w string) bool {
	core := w[:len(w)-1]
	if core == "" {
		return false
	}
	if _, ok := abbrevs[strings.ToLower(core)]; ok {
		return true
	}
	if _, ok := abbrevsCased[core]; ok {
		return true
	}
	letters, dots := 0, 0
	for _, r := range core {
		switch {
		case isLetter(r):
			letters++
		case r == '.':
			dots++
		default:
			return false
		}
	}
	if dots == 0 {
		r, _ := utf8.DecodeRuneInString(core)
		return letters == 1 && unicode.IsUpper(r)
	}
	// "U.S", "p.m", "e.g": single letters between the periods.
	for _, part := range strings.Split(core, ".") {
		if utf8.RuneCountInString(part) > 2 || part == "" {
			return false
		}
	}
	return true
}

// peelURLSuffix emits nothing; it pushes the punctuation that ends a URL or
// address chunk (the period after it, a closing bracket with no opening one
// inside) as suffix tokens and returns the URL's end.
func (sc *scanner) peelURLSuffix(a, b int) int {
	s := sc.s
	open, closed := strings.Count(s[a:b], "("), strings.Count(s[a:b], ")")
	for b > a {
		r, w := runeBefore(s, b)
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '’', '”', '>', ']', '}':
		case ')':
			if open >= closed {
				return b
			}
			closed--
		default:
			return b
		}
		sc.suf = append(sc.suf, Tok{int32(b - w), int32(b)})
		b -= w
	}
	return b
}

func isURLStart(s string) bool {
	if s == "" || strings.IndexByte("hHfFwWmM", s[0]) < 0 {
		return false
	}
	l := len(s)
	if l > 12 {
		l = 12
	}
	p := strings.ToLower(s[:l])
	for _, pre := range [...]string{"http://", "https://", "ftp://", "www.", "mailto:", "file://"} {
		if strings.HasPrefix(p, pre) && len(s) > len(pre) {
			return true
		}
	}
	return false
}

// isEmail reports a chunk of the form local@domain.tld (possibly followed by
// closing punctuation, which peelURLSuffix removes).
func isEmail(s string) bool {
	if len(s) > maxEmail {
		return false
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	for _, r := range s[:at] {
		if !isAlnum(r) && !strings.ContainsRune("._-+%", r) {
			return false
		}
	}
	dom := strings.TrimRight(s[at+1:], ".,;:!?\"')]>")
	dot := strings.LastIndexByte(dom, '.')
	if dot <= 0 || dot == len(dom)-1 {
		return false
	}
	for _, r := range dom {
		if !isAlnum(r) && r != '.' && r != '-' {
			return false
		}
	}
	return true
}

// addressAt returns the end of the e-mail address or URL that starts at i
// and ends by b, or i.
func addressAt(s string, i, b int) int {
	if i > 0 && i == b {
		return i
	}
	if isURLStart(s[i:b]) {
		e := i
		for e < b && !strings.ContainsRune("<>\"'()[]{}", rune(s[e])) {
			e++
		}
		return e
	}
	e := i
	at := false
	for e < b && e-i <= maxEmail {
		c := s[e]
		if c == '@' {
			at = true
		} else if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._-+%", c) >= 0) {
			break
		}
		e++
	}
	for e > i && (s[e-1] == '.' || s[e-1] == '-') {
		e--
	}
	if at && isEmail(s[i:e]) {
		return e
	}
	return i
}

// maxEmail bounds the length of an e-mail address (RFC 5321 allows 254
// bytes) so that looking for one stays linear in the text.
const maxEmail = 256

var emoticons = [...]string{
	":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":-/", ":'(", ":-O", ":-o",
	":)", ":(", ":D", ":P", ":p", ";)", ":/", ":O", ":o", ":]", ":[", "=)", "=(",
	"^_^", "^^", "<3", "XD", "xD", ":|", ":-|", ";D", "8)", "8-)", ":S", ":s",
}

// emoticonAt returns the length of the emoticon that starts s, or 0.
func emoticonAt(s string) int {
	if s == "" || strings.IndexByte(":;=^<Xx8", s[0]) < 0 {
		return 0
	}
	for _, e := range emoticons {
		if strings.HasPrefix(s, e) {
			// A letter right after an emoticon ending in a letter means it was
			// a word (":Peter", "XDR").
			r, _ := runeAt(s, len(e))
			if isAlnum(r) {
				continue
			}
			return len(e)
		}
	}
	return 0
}

// emoticonAtEnd returns the length of the emoticon that ends s, when the
// emoticon is glued to a word ("great:)"), or 0.
func emoticonAtEnd(s string) int {
	for _, e := range emoticons {
		if strings.HasSuffix(s, e) && len(e) < len(s) {
			r, _ := runeBefore(s, len(s)-len(e))
			if isAlnum(r) && (e[0] == ':' || e[0] == ';' || e[0] == '^') && e != ":/" {
				return len(e)
			}
		}
	}
	return 0
}

// middle tokenizes s[a:b], which starts with an alphanumeric or kept rune and
// ends with one: it splits at inner punctuation that EWT splits off.
func (sc *scanner) middle(a, b int) {
	s := sc.s
	if strings.Contains(s[a:b], "://") || isEmail(s[a:b]) {
		sc.emit(a, b)
		return
	}
	if cut := unitSplit(s[a:b]); cut > 0 {
		sc.emit(a, a+cut)
		sc.emit(a+cut, b)
		return
	}
	seg := a
	i := a
	for i < b {
		if i == seg {
			if e := addressAt(s, i, b); e > i {
				sc.emit(i, e)
				seg, i = e, e
				continue
			}
		}
		r, w := runeAt(s, i)
		if isAlnum(r) || i == a || i+w == b {
			// The first and last runes were kept by keepPrefix/keepSuffix.
			i += w
			continue
		}
		p, _ := runeBefore(s, i)
		n, nw := runeAt(s, i+w)
		if i+w >= b {
			n, nw = utf8.RuneError, 0
		}
		_ = nw
		if r == '$' && currencyPrefix(s[seg:i]) {
			// "US$141": the currency "US$" (as EWT has it), then the number.
			sc.emit(seg, i+w)
			if i+w < b {
				sc.middle(i+w, b)
			}
			return
		}
		if keepInner(s, a, seg, i, b, r, p, n) {
			i += w
			continue
		}
		e := punctRun(s, i, b)
		sc.emit(seg, i)
		sc.emit(i, e)
		seg, i = e, e
	}
	sc.emit(seg, b)
}

// keepInner reports whether the non-alphanumeric rune r at byte i, between
// runes p and n, stays inside its word. seg is where the current word began
// and [a, b) the chunk's middle.
func keepInner(s string, a, seg, i, b int, r, p, n rune) bool {
	switch r {
	case '-':
		switch {
		case isLetter(p) && isLetter(n):
			if seg > a && s[seg-1] == '-' {
				// A prefix begins a word: the "e" of "Lashkar-e-Taiba"
				// joins two parts of a name, split as the dictionaries'
				// split forms are ("LASHKAR - E - TAIBA").
				return false
			}
			_, ok := hyphenPrefixes[strings.ToLower(s[seg:i])]
			return ok
		case isDigit(p) && isDigit(n):
			return b-a <= 20 && isPhone(s[a:b])
		}
		return false
	case '.':
		if isLetter(p) && unicode.IsUpper(n) && missingSpace(s, seg, i, b) {
			return false
		}
		if isLetter(p) && (n == '-' || isApos(n)) && isAbbrev(s[seg:i+1]) {
			return true // "U.S.-led", "U.K.'s"
		}
		return isAlnum(p) && isAlnum(n)
	case ',':
		return isDigit(p) && isDigit(n) // "1,000", "3,40"
	case ':':
		return isDigit(p) && isDigit(n)
	case '/':
		return isDigit(p) && isDigit(n) || isLetter(p) && isLetter(n) && i-seg == 1 && (i+2 >= b || !isAlnum(rune(s[i+2])))
	case '&':
		if !isLetter(p) || !isLetter(n) || i-seg > 3 {
			return false
		}
		j := i + 1
		for j < b && isAlnum(rune(s[j])) {
			j++
		}
		return j-i-1 <= 3
	case '\'', '’', '`':
		return isLetter(p) && isLetter(n) || (isDigit(p) || p == '.') && (n == 's' || n == 'S') && i+utf8.RuneLen(r)+1 == b
	case '_':
		return isAlnum(p) && isAlnum(n)
	case '@':
		return isAlnum(p) && isAlnum(n)
	}
	return false
}

// unitSplit returns where the letters start in a number glued to a unit
// ("5pm", "35mm", "24hrs", "10k"), which EWT splits, or 0. Ordinals and
// decades ("21st", "1990s") stay whole.
func unitSplit(w string) int {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || i > 0 && (w[i] == '.' || w[i] == ',') && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9') {
		i++
	}
	if i == 0 || i == len(w) {
		return 0
	}
	for j := i; j < len(w); j++ {
		if c := w[j] | 0x20; c < 'a' || c > 'z' {
			return 0
		}
	}
	switch strings.ToLower(w[i:]) {
	case "st", "nd", "rd", "th", "s", "d":
		return 0
	}
	return i
}

// missingSpace reports a period at byte i between two words whose space
// was forgotten ("service.There"): the word before it is two or more
// lower-case letters and the word after it a capitalised word.
func missingSpace(s string, seg, i, b int) bool {
	if i-seg < 2 {
		return false
	}
	for k := seg; k < i; k++ {
		if c := s[k]; c < 'a' || c > 'z' {
			return false
		}
	}
	j := i + 1
	r, w := runeAt(s, j)
	if !unicode.IsUpper(r) {
		return false
	}
	j += w
	n := 0
	for j < b {
		r, w := runeAt(s, j)
		if !unicode.IsLower(r) {
			break
		}
		n++
		j += w
	}
	return n >= 1 && (j == b || !isAlnum(runeOrNone(s, j, b)))
}

func runeOrNone(s string, j, b int) rune {
	if j >= b {
		return utf8.RuneError
	}
	r, _ := runeAt(s, j)
	return r
}

// isPhone reports digit groups joined by hyphens that EWT keeps whole: phone
// numbers ("713-853-3989", "646-8420", "1-800-991-9019") as opposed to ranges
// ("1969-1970", "400-500").
func isPhone(s string) bool {
	groups := strings.Split(s, "-")
	for _, g := range groups {
		if g == "" {
			return false
		}
		for i := 0; i < len(g); i++ {
			if g[i] < '0' || g[i] > '9' {
				return false
			}
		}
	}
	switch len(groups) {
	case 1:
		return false
	case 2:
		// "646-8420" and extensions "3-5213"; not "1969-1970".
		return len(groups[0]) <= 3 && len(groups[1]) == 4
	}
	return true
}
