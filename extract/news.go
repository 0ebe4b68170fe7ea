package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateLayouts are the date formats pages write, most common first. Layouts
// with a zone produce RFC 3339; the others a calendar date.
var dateLayouts = []struct {
	layout string
	zoned  bool
}{
	{time.RFC3339, true},
	{"2006-01-02T15:04:05Z0700", true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02T15:04:05.000Z0700", true},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05 -0700 MST", true},
	{"2006-01-02", false},
	{"2006/01/02", false},
	{"20060102", false},
	{time.RFC1123, true},
	{time.RFC1123Z, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true},
	{"January 2, 2006", false},
	{"Jan 2, 2006", false},
	{"Jan. 2, 2006", false},
	{"2 January 2006", false},
	{"2 Jan 2006", false},
	{"Monday, January 2, 2006", false},
}

// normalizeDate returns s as RFC 3339 when it names a time with a zone, as
// YYYY-MM-DD when it names a day, and "" when it is not a plausible
// publication date (years 1990-2100).
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1990 || t.Year() > 2100 {
			return ""
		}
		if l.zoned {
			return t.Format(time.RFC3339)
		}
		return t.Format("2006-01-02")
	}
	// A timestamp with fractional seconds or an unusual zone: keep its day.
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil && t.Year() >= 1990 && t.Year() <= 2100 {
			return s[:10]
		}
	}
	return ""
}

// dateFromURL returns the day a URL spells as year, month and day
// separated by "/" or "-" (/2016/12/23/, -2016-12-23-), or "". A year and
// month alone say too little and are ignored.
func dateFromURL(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for i := 0; i+10 <= len(u); i++ {
		if i > 0 && isDigit(u[i-1]) {
			continue
		}
		if !(isDigit(u[i]) && isDigit(u[i+1]) && isDigit(u[i+2]) && isDigit(u[i+3])) {
			continue
		}
		sep := u[i+4]
		if sep != '/' && sep != '-' {
			continue
		}
		j := i + 5
		month, j, ok := number(u, j, 2)
		if !ok || j >= len(u) || u[j] != sep {
			continue
		}
		day, k, ok := number(u, j+1, 2)
		if !ok || (k < len(u) && isDigit(u[k])) {
			continue
		}
		year := int(u[i]-'0')*1000 + int(u[i+1]-'0')*100 + int(u[i+2]-'0')*10 + int(u[i+3]-'0')
		if year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 {
			continue
		}
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			continue
		}
		return t.Format("2006-01-02")
	}
	return ""
}

// number reads 1 to max digits at s[i:].
func number(s string, i, max int) (n, end int, ok bool) {
	end = i
	for end < len(s) && end-i < max && isDigit(s[end]) {
		n = n*10 + int(s[end]-'0')
		end++
	}
	return n, end, end > i
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// cleanByline normalises a byline: "By" and stray separators go, names are
// joined by ", ", and parts that are not names are dropped: academic
// degrees ("MS", "RD"), trailing month names that pages glue to the name,
// and wire agencies ("AP Auto Writer", "Associated Press"), which are
// returned as credits instead.
func cleanByline(s string) (byline string, credits []string) {
	s = cleanSpace(s)
	for _, p := range []string{"By ", "by ", "BY ", "Written by ", "Posted by "} {
		s = strings.TrimPrefix(s, p)
	}
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || utf8.RuneCountInString(s) > 150 {
		return "", nil
	}
	var names []string
	for _, part := range strings.Split(s, ";") {
		part = strings.Trim(part, " |,;-–—:")
		f := strings.Fields(part)
		for len(f) > 1 && isMonth(strings.Trim(f[len(f)-1], ".,")) {
			f = f[:len(f)-1]
		}
		if len(f) == 0 || len(f) == 1 && isMonth(strings.Trim(f[0], ".,")) {
			continue
		}
		part = strings.Join(f, " ")
		if a, ok := agencyByline(part); ok {
			credits = append(credits, a)
			continue
		}
		// "JILL LAWLESS Associated Press": a name, then the agency.
		for n := min(3, len(f)-2); n >= 1; n-- {
			if a, ok := agency(strings.Join(f[len(f)-n:], " ")); ok {
				credits = append(credits, a)
				part = strings.Join(f[:len(f)-n], " ")
				break
			}
		}
		if isDegree(part) || isPlaceholderName(part) {
			continue
		}
		names = append(names, part)
	}
	return strings.Join(names, ", "), credits
}

// agencyByline recognises an agency used as a byline: "Associated Press",
// "AP Auto Writer", "Reuters Staff", "PTI".
func agencyByline(s string) (string, bool) {
	if a, ok := agency(s); ok {
		return a, true
	}
	f := strings.Fields(s)
	last := strings.ToLower(f[len(f)-1])
	if last != "writer" && last != "writers" && last != "staff" && last != "correspondent" && last != "reporter" {
		return "", false
	}
	for n := min(3, len(f)-1); n >= 1; n-- {
		if a, ok := agency(strings.Join(f[:n], " ")); ok {
			return a, true
		}
	}
	return "", false
}

// isPlaceholderName reports what content systems put where no author is
// known ("admin", "Staff Reports").
func isPlaceholderName(s string) bool {
	switch strings.ToLower(s) {
	case "admin", "administrator", "editor", "editorial", "editors", "staff", "staff reports", "staff report",
		"webmaster", "guest", "anonymous", "unknown", "user", "newsroom", "news desk", "web desk":
		return true
	}
	return false
}

// isDegree reports academic and professional suffixes that bylines list
// after a name.
func isDegree(s string) bool {
	switch strings.ToUpper(strings.ReplaceAll(s, ".", "")) {
	case "MS", "MSC", "RD", "RDN", "PHD", "MD", "MPH", "MA", "BA", "BSC", "RN", "CPT", "CDE", "LD", "JD", "MBA", "DO":
		return true
	}
	return false
}

// agencies maps the lower-cased names of wire agencies to the short name
// eventwire reports. Only names here count as credits in "reporting by"
// lists, which otherwise name people.
func agency(name string) (string, bool) {
	n := strings.ToLower(strings.Trim(cleanSpace(name), " .,;:"))
	n = strings.TrimPrefix(n, "the ")
	switch n {
	case "ap", "associated press", "a.p.":
		return "AP", true
	case "afp", "agence france-presse", "agence france presse", "a.f.p.":
		return "AFP", true
	case "reuters", "thomson reuters":
		return "Reuters", true
	case "tass", "itar-tass":
		return "TASS", true
	case "interfax":
		return "Interfax", true
	case "ria novosti", "ria":
		return "RIA Novosti", true
	case "xinhua", "xinhua news agency":
		return "Xinhua", true
	case "kyodo", "kyodo news":
		return "Kyodo", true
	case "yonhap", "yonhap news agency":
		return "Yonhap", true
	case "dpa", "deutsche presse-agentur":
		return "dpa", true
	case "ansa":
		return "ANSA", true
	case "efe":
		return "EFE", true
	case "upi", "united press international":
		return "UPI", true
	case "pa", "press association", "pa media":
		return "PA", true
	case "pti", "press trust of india":
		return "PTI", true
	case "ians":
		return "IANS", true
	case "ani":
		return "ANI", true
	case "bloomberg", "bloomberg news":
		return "Bloomberg", true
	case "anadolu", "anadolu agency":
		return "Anadolu", true
	case "irna":
		return "IRNA", true
	case "sana":
		return "SANA", true
	case "kcna":
		return "KCNA", true
	case "ukrinform":
		return "Ukrinform", true
	case "unian":
		return "UNIAN", true
	case "aap", "australian associated press":
		return "AAP", true
	case "canadian press", "cp":
		return "Canadian Press", true
	case "bernama":
		return "Bernama", true
	case "antara":
		return "Antara", true
	case "lusa":
		return "Lusa", true
	case "belga":
		return "Belga", true
	case "pap":
		return "PAP", true
	case "ctk":
		return "CTK", true
	case "mti":
		return "MTI", true
	case "nhk":
		return "NHK", true
	case "cnn":
		return "CNN", true
	case "bbc":
		return "BBC", true
	case "rfe/rl", "radio free europe/radio liberty":
		return "RFE/RL", true
	}
	return "", false
}

// dashes separate a dateline from the story.
var dashes = []string{" — ", " – ", " -- ", " - ", "—", "–", " -"}

// parseDateline reads a leading dateline from the first paragraph of a
// story: "ALEPPO, Syria (AP) — ...", "WASHINGTON (Reuters) - ...",
// "MADRID — ...", "Dekalb, Ill. — ...", "(CNN) — ...". It returns the
// place and the credited agency, either of which may be "". The rules look
// at shape only: a short prefix before a dash whose words are all
// capitalised (or an abbreviation or a date), and whose first part is in
// capitals or is followed by a region or an agency.
func parseDateline(p string) (place, credit string) {
	head := p
	if len(head) > 120 {
		head = head[:120]
	}
	cut := -1
	for _, d := range dashes {
		if i := strings.Index(head, d); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if c := strings.Index(head, ":"); c > 0 && (cut < 0 || c < cut) && isUpperWord(strings.TrimSpace(head[:c])) {
		cut = c
	}
	if cut <= 0 {
		// "(CNN)The president..." has no dash.
		if strings.HasPrefix(p, "(") {
			if j := strings.IndexByte(head, ')'); j > 1 && j < 30 {
				if a, ok := agency(head[1:j]); ok {
					return "", a
				}
			}
		}
		return "", ""
	}
	prefix := strings.TrimSpace(head[:cut])
	if prefix == "" {
		return "", ""
	}
	if strings.HasSuffix(prefix, ")") {
		if j := strings.LastIndexByte(prefix, '('); j >= 0 {
			inner := strings.TrimSpace(prefix[j+1 : len(prefix)-1])
			if a, ok := agency(inner); ok {
				credit = a
			} else if looksLikeAgency(inner) {
				credit = inner
			} else {
				return "", ""
			}
			prefix = strings.TrimSpace(prefix[:j])
		}
	}
	if prefix == "" {
		return "", credit
	}
	parts := strings.Split(prefix, ",")
	if len(parts) > 3 || len(strings.Fields(prefix)) > 7 {
		return "", ""
	}
	city := strings.TrimSpace(parts[0])
	if !isCapitalised(city) {
		return "", ""
	}
	// A title-case city needs a region or an agency to be told apart from
	// the subject of a sentence ("Beauty company Coty is ... — ").
	if !isUpperWord(city) && len(parts) == 1 && credit == "" {
		return "", ""
	}
	keep := []string{city}
	for _, part := range parts[1:] {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
			return "", ""
		case isDatePart(part):
			// "LONDON, Nov 25 (Reuters)": the date is not the place.
		case isCapitalised(part):
			keep = append(keep, part)
		default:
			return "", ""
		}
	}
	return strings.Join(keep, ", "), credit
}

// looksLikeAgency accepts a short parenthesised credit of capitalised words
// ("RFE/RL", "Kyiv Independent") but not "(L)" or "(pictured)".
func looksLikeAgency(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 || len(s) < 2 {
		return false
	}
	return isCapitalised(s) && len(s) > 1
}

// isCapitalised reports that every word starts with an upper-case letter
// (or is a short connector like "de" or "al-").
func isCapitalised(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			continue
		}
		if i > 0 && (w == "de" || w == "la" || w == "del" || w == "da" || w == "al" || strings.HasPrefix(w, "al-") || w == "el" || w == "am" || w == "upon" || w == "on") {
			continue
		}
		return false
	}
	return true
}

// isUpperWord reports a run of words in capitals ("WASHINGTON", "NEW
// YORK", "ST. LOUIS"), at least two letters long.
func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case r == ' ' || r == '.' || r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// isDatePart reports "Nov 25", "Dec. 3", "December 23", "23 December",
// "23 декабря".
func isDatePart(s string) bool {
	f := strings.Fields(strings.ReplaceAll(s, ".", " "))
	if len(f) != 2 {
		return false
	}
	isNum := func(w string) bool {
		for i := 0; i < len(w); i++ {
			if !isDigit(w[i]) {
				return false
			}
		}
		return len(w) <= 2
	}
	// A month in another language: a lower-case word beside the day
	// ("23 декабря", "12 mai").
	word := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return isMonth(w) || unicode.IsLower(r)
	}
	return (word(f[0]) && isNum(f[1])) || (isNum(f[0]) && word(f[1]))
}

func isMonth(w string) bool {
	w = strings.ToLower(w)
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"} {
		if w == m {
			return true
		}
	}
	for m := time.January; m <= time.December; m++ {
		if w == strings.ToLower(m.String()) {
			return true
		}
	}
	return false
}

// creditLine reports whether paragraph p is a credit line and returns the
// agencies it names: "With reporting by AP, AFP, Reuters, TASS, and
// Interfax", "Reporting by Jane Doe; Editing by John Roe", "— AP",
// "The Associated Press contributed to this report.", "Associated Press
// writer Jane Doe in Paris contributed." People's names are not credits.
func creditLine(p string) (credits []string, ok bool) {
	s := cleanSpace(p)
	if s == "" || utf8.RuneCountInString(s) > 300 {
		return nil, false
	}
	low := strings.ToLower(s)
	// "— AP", "-- Reuters", "(AP)"
	if t := strings.TrimLeft(s, "—–- "); t != s || strings.HasPrefix(s, "(") {
		t = strings.Trim(t, "() .")
		if a, ok := agency(t); ok {
			return []string{a}, true
		}
	}
	for _, lead := range []string{
		"with reporting by ", "with reporting from ", "additional reporting by ", "additional reporting from ",
		"reporting by ", "reporting from ", "with additional reporting by ", "compiled by ", "compiled from ",
		"written by ", "with material from ", "with reports from ", "based on reporting by ", "based on reports by ",
		"based on reports from ", "source: ", "sources: ", "with files from ", "information from ",
	} {
		if strings.HasPrefix(low, lead) {
			return agencyList(s[len(lead):]), true
		}
	}
	for _, tail := range []string{" contributed to this report", " contributed reporting", " contributed to this story", " contributed"} {
		if i := strings.Index(low, tail); i > 0 && len(low)-i-len(tail) <= 2 {
			who := s[:i]
			if strings.Contains(strings.ToLower(who), "associated press") {
				return []string{"AP"}, true
			}
			return agencyList(who), true
		}
	}
	return nil, false
}

// agencyList splits "AP, AFP, Reuters, TASS, and Interfax" and keeps the
// items that name agencies, each item's trailing clause ("; Editing by X")
// included.
func agencyList(s string) []string {
	var out []string
	s = strings.NewReplacer(";", ",", " and ", ",", "&", ",").Replace(s)
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		item = strings.TrimPrefix(item, "and ")
		// "reports by Reuters", "wire reports from AFP"
		for _, w := range []string{" by ", " from "} {
			if i := strings.LastIndex(item, w); i >= 0 {
				item = item[i+len(w):]
			}
		}
		if a, ok := agency(item); ok {
			out = append(out, a)
		}
	}
	return out
}

// dedupeCredits removes repeated credits, keeping the first order.
func dedupeCredits(c []string) []string {
	out := []string{}
	for _, s := range c {
		dup := false
		for _, o := range out {
			if o == s {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}
