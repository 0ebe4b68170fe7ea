package timex

import (
	"time"

	"github.com/eventwire/eventwire/text"
)

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbrevs are read only when a number or a dot follows ("Dec. 23",
// "Jan 5"): "Jan" alone is a name.
var monthAbbrevs = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}

// partsOfDay may follow a weekday or "yesterday" in the same expression.
var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// mods are the prepositions that make an expression bound a span.
var mods = map[string]bool{"since": true, "until": true, "till": true, "by": true, "before": true, "after": true, "from": true}

// yearPreps are the words before a bare number that make it a year.
var yearPreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "from": true, "during": true,
	"before": true, "after": true, "through": true, "throughout": true, "early": true, "late": true,
	"of": true, "to": true, "mid": true, "and": true, "between": true, "around": true,
}

// futureWords, found before an expression in its sentence, put it in the
// future when no tree says otherwise.
var futureWords = map[string]bool{
	"will": true, "shall": true, "ll": true, "scheduled": true, "expected": true, "plans": true,
	"planned": true, "due": true, "upcoming": true, "going": true, "set": true, "slated": true,
}

// matcher holds the state of one pass over a text.
type matcher struct {
	s    string
	ws   []word
	ref  time.Time
	doc  *text.Doc
	out  []Expr
	last time.Time // the last day an expression gave, for anchored ones
}

func find(s string, ref time.Time, d *text.Doc) []Expr {
	y, mo, dd := ref.Date()
	m := &matcher{s: s, ws: scan(s), ref: day(y, mo, dd), doc: d}
	m.last = m.ref
	for i := 0; i < len(m.ws); {
		n := m.at(i)
		if n <= 0 {
			i++
			continue
		}
		i += n
	}
	return m.out
}

func (m *matcher) low(i int) string {
	if i < 0 || i >= len(m.ws) {
		return ""
	}
	return m.ws[i].low
}

// isWord reports whether word i is a letter word with lower-case form w.
func (m *matcher) isWord(i int, w string) bool {
	return i >= 0 && i < len(m.ws) && m.ws[i].kind == kLetters && m.ws[i].low == w
}

func (m *matcher) isPunct(i int, c string) bool {
	return i >= 0 && i < len(m.ws) && m.ws[i].kind == kPunct && m.ws[i].low == c
}

// month reads a month name at i: the month and the words it takes
// (2 for "Dec."); strict asks for a number after an abbreviation.
func (m *matcher) month(i int) (time.Month, int) {
	if i < 0 || i >= len(m.ws) || m.ws[i].kind != kLetters || !m.ws[i].upper {
		return 0, 0
	}
	if mo, ok := months[m.ws[i].low]; ok {
		return mo, 1
	}
	if mo, ok := monthAbbrevs[m.ws[i].low]; ok {
		if m.isPunct(i+1, ".") && m.ws[i+1].glued {
			return mo, 2
		}
		if i+1 < len(m.ws) && m.ws[i+1].kind == kNumber {
			return mo, 1
		}
	}
	return 0, 0
}

// dayNum reads a day of the month at i ("23", "23rd").
func (m *matcher) dayNum(i int) (int, bool) {
	if i < 0 || i >= len(m.ws) || m.ws[i].kind != kNumber || m.ws[i].digits > 2 {
		return 0, false
	}
	v := m.ws[i].num
	return v, v >= 1 && v <= 31
}

// yearNum reads a four-digit year at i that is not part of a larger
// number ("1,500", "2019.5").
func (m *matcher) yearNum(i int) (int, bool) {
	if i < 0 || i >= len(m.ws) || m.ws[i].kind != kNumber || m.ws[i].digits != 4 || m.ws[i].ordinal {
		return 0, false
	}
	if i+2 < len(m.ws) && m.ws[i+1].glued && m.ws[i+2].glued && m.ws[i+2].kind == kNumber &&
		(m.isPunct(i+1, ",") || m.isPunct(i+1, ".")) {
		return 0, false
	}
	if i > 1 && m.ws[i].glued && m.ws[i-1].glued && m.ws[i-2].kind == kNumber && (m.isPunct(i-1, ",") || m.isPunct(i-1, ".")) {
		return 0, false
	}
	v := m.ws[i].num
	return v, v >= 1000 && v <= 2999
}

// emit records an expression over words [i, j).
func (m *matcher) emit(i, j int, t time.Time, g Granularity, how How) {
	if y := t.Year(); y < 1 || y > 9999 {
		return // a reference at the end of time: no four-digit value
	}
	start, end := m.ws[i].start, m.ws[j-1].end
	if m.isPunct(j-1, ",") || m.isPunct(j-1, ".") && !m.ws[j-1].glued {
		end = m.ws[j-2].end
	}
	e := Expr{Span: text.Span{Start: start, End: end}, Text: m.s[start:end], Value: value(t, g), Gran: g, How: how, Head: -1, Verb: -1}
	if p := m.low(i - 1); mods[p] && i > 0 && m.ws[i-1].kind == kLetters {
		e.Mod = p
	}
	if m.doc != nil {
		e.Head, e.Verb = m.attach(start, end)
	}
	if g == Day {
		m.last = t
	}
	m.out = append(m.out, e)
}

// at tries every pattern at word i and returns the words taken, 0 for none.
func (m *matcher) at(i int) int {
	w := &m.ws[i]
	switch w.kind {
	case kNumber:
		if n := m.numeric(i); n > 0 {
			return n
		}
		if n := m.dayMonth(i); n > 0 {
			return n
		}
		if n := m.ago(i); n > 0 {
			return n
		}
		return m.bareYear(i)
	case kLetters:
	default:
		return 0
	}
	if n := m.monthDay(i); n > 0 {
		return n
	}
	if _, ok := weekdays[w.low]; ok && w.upper {
		return m.weekday(i, i, "")
	}
	switch w.low {
	case "today", "tonight":
		return m.emitN(i, i+1+m.partOfDay(i+1, w.low == "today"), m.ref, Day, Deictic)
	case "yesterday":
		return m.emitN(i, i+1+m.partOfDay(i+1, true), m.ref.AddDate(0, 0, -1), Day, Deictic)
	case "tomorrow":
		return m.emitN(i, i+1+m.partOfDay(i+1, true), m.ref.AddDate(0, 0, 1), Day, Deictic)
	case "last", "next", "this", "past", "coming":
		return m.lastNext(i)
	case "earlier", "later":
		return m.earlierLater(i)
	case "the", "that":
		return m.anchoredPhrase(i)
	case "mid", "early", "late", "end":
		return m.partOfMonth(i)
	case "a", "an":
		return m.ago(i)
	}
	if _, ok := numberWords[w.low]; ok {
		return m.ago(i)
	}
	return 0
}

func (m *matcher) emitN(i, j int, t time.Time, g Granularity, how How) int {
	m.emit(i, j, t, g, how)
	return j - i
}

// partOfDay returns 1 when word i is "morning" etc. (and allowed).
func (m *matcher) partOfDay(i int, ok bool) int {
	if ok && partsOfDay[m.low(i)] && m.ws[i].kind == kLetters {
		return 1
	}
	return 0
}

// numeric reads "2016-12-23", "2016/12/23", "23/12/2016", "12/23/2016".
func (m *matcher) numeric(i int) int {
	if i+4 >= len(m.ws) {
		return 0
	}
	a, s1, b, s2, c := m.ws[i], m.ws[i+1], m.ws[i+2], m.ws[i+3], m.ws[i+4]
	if !(s1.glued && b.glued && s2.glued && c.glued) || a.kind != kNumber || b.kind != kNumber || c.kind != kNumber ||
		a.ordinal || b.ordinal || c.ordinal || s1.kind != kPunct || s1.low != s2.low || (s1.low != "-" && s1.low != "/") {
		return 0
	}
	if i+5 < len(m.ws) && m.ws[i+5].glued && (m.ws[i+5].kind == kNumber || m.ws[i+5].low == s1.low) {
		return 0 // a longer number: "2016-12-23-1", a phone number
	}
	var y, mo, d int
	switch {
	case a.digits == 4 && b.digits <= 2 && c.digits <= 2:
		y, mo, d = a.num, b.num, c.num
	case s1.low == "/" && c.digits == 4 && a.digits <= 2 && b.digits <= 2:
		y = c.num
		switch {
		case a.num > 12 && b.num <= 12:
			d, mo = a.num, b.num
		case b.num > 12 && a.num <= 12:
			mo, d = a.num, b.num
		case a.num == b.num:
			mo, d = a.num, b.num
		default:
			return 5 // 05/06/2016: day-month or month-day
		}
	default:
		return 0
	}
	if y < 1000 || !valid(y, time.Month(mo), d) {
		return 5 // read as a number, not a date
	}
	return m.emitN(i, i+5, day(y, time.Month(mo), d), Day, Absolute)
}

// dayMonth reads "23 December [2016]" and "23rd of December".
func (m *matcher) dayMonth(i int) int {
	d, ok := m.dayNum(i)
	if !ok {
		return 0
	}
	j := i + 1
	if m.isWord(j, "of") {
		j++
	}
	mo, n := m.month(j)
	if mo == 0 {
		return 0
	}
	if mo == 5 && !m.ws[j].upper {
		return 0
	}
	j += n
	if y, ok := m.yearNum(j); ok {
		if !valid(y, mo, d) {
			return j + 1 - i
		}
		return m.emitN(i, j+1, day(y, mo, d), Day, Absolute)
	}
	return m.dayInYear(i, j, mo, d)
}

// dayInYear emits a day given without its year: the year that puts it
// on the side of the reference the tense gives, else the nearest.
func (m *matcher) dayInYear(i, j int, mo time.Month, d int) int {
	if !valid(2000, mo, d) { // 2000 is a leap year: 29 February is a day
		return j - i
	}
	y := m.ref.Year()
	if m.low(i-1) == "year" {
		// "last year August 8"
		if n, ok := map[string]int{"last": -1, "this": 0, "next": 1}[m.low(i-2)]; ok && valid(y+n, mo, d) {
			return m.emitN(i, j, day(y+n, mo, d), Day, Deictic)
		}
	}
	best := time.Time{}
	switch m.tense(i, j) {
	case tensePast:
		for _, yy := range []int{y + 1, y, y - 1} {
			if valid(yy, mo, d) && !day(yy, mo, d).After(m.ref) {
				best = day(yy, mo, d)
				break
			}
		}
	case tenseFuture:
		for _, yy := range []int{y - 1, y, y + 1} {
			if valid(yy, mo, d) && !day(yy, mo, d).Before(m.ref) {
				best = day(yy, mo, d)
				break
			}
		}
	default:
		for _, yy := range []int{y, y - 1, y + 1} {
			if !valid(yy, mo, d) {
				continue
			}
			t := day(yy, mo, d)
			if best.IsZero() || absDays(t, m.ref) < absDays(best, m.ref) {
				best = t
			}
		}
	}
	if best.IsZero() { // 29 February with no leap year near
		return j - i
	}
	return m.emitN(i, j, best, Day, InferredYear)
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// monthDay reads "December 23[, 2016]", "Dec. 23rd", "December 2016" and
// a month alone ("in March").
func (m *matcher) monthDay(i int) int {
	mo, n := m.month(i)
	if mo == 0 {
		return 0
	}
	j := i + n
	if d, ok := m.dayNum(j); ok && !(j+1 < len(m.ws) && m.ws[j+1].glued && m.isPunct(j+1, ",") && j+2 < len(m.ws) && m.ws[j+2].glued) {
		k := j + 1
		if m.isPunct(k, ",") {
			k++
		}
		if y, ok := m.yearNum(k); ok {
			if !valid(y, mo, d) {
				return k + 1 - i
			}
			return m.emitN(i, k+1, day(y, mo, d), Day, Absolute)
		}
		return m.dayInYear(i, j+1, mo, d)
	}
	k := j
	if m.isPunct(k, ",") {
		k++
	}
	if y, ok := m.yearNum(k); ok {
		return m.emitN(i, k+1, day(y, mo, 1), Month, Absolute)
	}
	if _, full := months[m.ws[i].low]; !full || n == 2 {
		return 0 // an abbreviation alone
	}
	// "May" and "March" alone are read as months only after a word that
	// asks for a time: "in May", "last March".
	p := m.low(i - 1)
	if (mo == 5 || mo == 3) && !(p == "in" || p == "of" || p == "since" || p == "until" || p == "by" ||
		p == "last" || p == "next" || p == "this" || p == "early" || p == "late" || p == "mid" || p == "during" ||
		p == "from" || p == "to" || p == "through" || p == "before" || p == "after" || p == "for") {
		return 0
	}
	return m.monthInYear(i, j, mo)
}

// monthInYear emits a month given without its year.
func (m *matcher) monthInYear(i, j int, mo time.Month) int {
	start := i
	y, rm := m.ref.Year(), m.ref.Month()
	var yy int
	switch p := m.low(i - 1); {
	case p == "last" || p == "past":
		start = i - 1
		yy = y
		if mo >= rm {
			yy = y - 1
		}
	case p == "next" || p == "coming":
		start = i - 1
		yy = y
		if mo <= rm {
			yy = y + 1
		}
	case p == "this":
		start, yy = i-1, y
	default:
		switch m.tense(i, j) {
		case tensePast:
			yy = y
			if mo > rm {
				yy = y - 1
			}
		case tenseFuture:
			yy = y
			if mo < rm {
				yy = y + 1
			}
		default:
			yy = y
			if int(mo)-int(rm) > 6 {
				yy = y - 1
			} else if int(rm)-int(mo) > 6 {
				yy = y + 1
			}
		}
	}
	how := InferredYear
	return m.emitN(start, j, day(yy, mo, 1), Month, how) - (i - start)
}

// partOfMonth reads "mid-December", "early 2019", "late March", "the end
// of 2019" (as the month or year).
func (m *matcher) partOfMonth(i int) int {
	j := i + 1
	if m.isPunct(j, "-") {
		j++
	}
	if m.low(i) == "end" {
		if !m.isWord(j, "of") {
			return 0
		}
		j++
	}
	if y, ok := m.yearNum(j); ok {
		return m.emitN(i, j+1, day(y, 1, 1), Year, Absolute)
	}
	mo, n := m.month(j)
	if mo == 0 || n != 1 {
		return 0
	}
	if y, ok := m.yearNum(j + 1); ok {
		return m.emitN(i, j+2, day(y, mo, 1), Month, Absolute)
	}
	if _, ok := m.dayNum(j + 1); ok {
		return 0 // "late December 23": let the day be read
	}
	before := len(m.out)
	if m.monthInYear(j, j+1, mo) > 0 && len(m.out) > before {
		e := &m.out[len(m.out)-1]
		if e.Span.Start == m.ws[j].start {
			e.Span.Start = m.ws[i].start
			e.Text = m.s[e.Span.Start:e.Span.End]
		}
	}
	return j + 1 - i
}

// bareYear reads a year standing alone after a word that asks for one
// ("in 2019", "since 2015") or before a noun ("the 2019 election").
func (m *matcher) bareYear(i int) int {
	y, ok := m.yearNum(i)
	if !ok || y < 1800 || y > 2100 {
		return 0
	}
	p := m.low(i - 1)
	if i > 0 && m.ws[i-1].kind == kLetters && yearPreps[p] {
		return m.emitN(i, i+1, day(y, 1, 1), Year, Absolute)
	}
	if m.isPunct(i-1, "-") && (m.low(i-2) == "mid") {
		return m.emitN(i-2, i+1, day(y, 1, 1), Year, Absolute) - 2
	}
	// The second year of a range: "2017–2018".
	if i > 1 && m.ws[i].glued && m.ws[i-1].glued && m.ws[i-1].kind == kPunct && (m.low(i-1) == "-" || m.s[m.ws[i-1].start:m.ws[i-1].end] == "–") {
		if _, ok := m.yearNum(i - 2); ok {
			return m.emitN(i, i+1, day(y, 1, 1), Year, Absolute)
		}
	}
	// "the 2019 election", "the upcoming 2020 race", "the 2020 US
	// Presidential Election": a year before a noun that is not a plural
	// it counts ("2000 soldiers"), a clock time ("1922 UTC") or a day.
	if y < 1900 || y > 2099 || p == "at" || i+1 >= len(m.ws) || m.ws[i+1].kind != kLetters || plural(m.ws[i+1].low) {
		return 0
	}
	if nw := m.s[m.ws[i+1].start:m.ws[i+1].end]; nw == "UTC" || nw == "GMT" || nw == "hours" || nw == "hrs" || m.ws[i+1].low == "" {
		return 0
	}
	if _, ok := weekdays[m.ws[i+1].low]; ok {
		return 0
	}
	if i > 0 && (m.ws[i-1].kind == kNumber || m.isPunct(i-1, "$") || m.isPunct(i-1, "£") || m.isPunct(i-1, "€")) {
		return 0
	}
	return m.emitN(i, i+1, day(y, 1, 1), Year, Absolute)
}

// plural guesses a plural noun ("people", "soldiers"): a count, not a year.
func plural(w string) bool {
	return w == "people" || len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w != "elections" && w != "olympics"
}

// unitOf maps "day(s)", "week(s)" ... to a granularity.
func unitOf(w string) (Granularity, bool) {
	switch w {
	case "day", "days":
		return Day, true
	case "week", "weeks":
		return Week, true
	case "month", "months":
		return Month, true
	case "year", "years":
		return Year, true
	}
	return "", false
}

// shift moves t by n units of g.
func shift(t time.Time, g Granularity, n int) time.Time {
	switch g {
	case Week:
		return t.AddDate(0, 0, 7*n)
	case Month:
		return day(t.Year(), t.Month()+time.Month(n), 1)
	case Year:
		return day(t.Year()+n, 1, 1)
	}
	return t.AddDate(0, 0, n)
}

// ago reads "two weeks ago", "3 days later", "a year earlier".
func (m *matcher) ago(i int) int {
	n := 0
	if w := m.ws[i]; w.kind == kNumber && w.digits <= 3 && !w.ordinal {
		n = w.num
	} else if v, ok := numberWords[w.low]; ok && w.kind == kLetters {
		n = v
	} else {
		return 0
	}
	g, ok := unitOf(m.low(i + 1))
	if !ok {
		return 0
	}
	switch m.low(i + 2) {
	case "ago":
		return m.emitN(i, i+3, shift(m.ref, g, -n), g, Deictic)
	case "later", "earlier":
		if m.low(i+2) == "earlier" {
			n = -n
		}
		return m.emitN(i, i+3, shift(m.last, g, n), g, Anchored)
	}
	return 0
}

// lastNext reads "last week", "next month", "this year", "last Friday",
// "last night", "this morning", "this weekend", "last March".
func (m *matcher) lastNext(i int) int {
	w := m.low(i)
	j := i + 1
	if _, ok := weekdays[m.low(j)]; ok && m.ws[j].upper {
		return m.weekday(i, j, w)
	}
	if mo, n := m.month(j); mo != 0 && n == 1 {
		if _, isDay := m.dayNum(j + 1); !isDay {
			if _, isYear := m.yearNum(j + 1); !isYear {
				return m.monthInYear(j, j+1, mo) + 1
			}
		}
		return 0
	}
	nw := m.low(j)
	if w == "last" && nw == "night" {
		return m.emitN(i, j+1, m.ref.AddDate(0, 0, -1), Day, Deictic)
	}
	if w == "this" && partsOfDay[nw] {
		return m.emitN(i, j+1, m.ref, Day, Deictic)
	}
	if nw == "weekend" {
		return m.weekend(i, j+1, w)
	}
	g, ok := unitOf(nw)
	if !ok || nw[len(nw)-1] == 's' || g == Day {
		return 0
	}
	n := 0
	switch w {
	case "last", "past":
		n = -1
	case "next", "coming":
		n = 1
	}
	if w == "past" || w == "coming" {
		// "the past week" is a span of seven days, not a calendar
		// week; "the coming week" begins now: the reference's week.
		if m.low(i-1) != "the" {
		} else if w == "coming" {
			return m.emitN(i-1, j+1, m.ref, g, Deictic) - 1
		} else {
			return 0
		}
	}
	return m.emitN(i, j+1, shift(m.ref, g, n), g, Deictic)
}

// weekend emits the week of a weekend: "this weekend" and "the weekend"
// in the past are the last one on or before the reference.
func (m *matcher) weekend(i, j int, w string) int {
	sat := m.ref
	for sat.Weekday() != time.Saturday {
		sat = sat.AddDate(0, 0, -1)
	}
	switch w {
	case "next", "coming":
		sat = sat.AddDate(0, 0, 7)
	case "last", "past":
		if m.ref.Weekday() == time.Saturday || m.ref.Weekday() == time.Sunday {
			sat = sat.AddDate(0, 0, -7)
		}
	case "this", "the":
		if m.tense(i, j) == tenseFuture && m.ref.Weekday() != time.Sunday && m.ref.Weekday() != time.Saturday {
			sat = sat.AddDate(0, 0, 7)
		}
	}
	return m.emitN(i, j, sat, Week, Deictic)
}

// earlierLater reads "earlier this week", "later this month", "earlier in
// the week", "earlier in the day", "later that day".
func (m *matcher) earlierLater(i int) int {
	j := i + 1
	anchored := false
	switch {
	case m.isWord(j, "this"):
		j++
	case m.isWord(j, "in") && m.isWord(j+1, "the"):
		j += 2
	case m.isWord(j, "that"):
		j++
		anchored = true
	default:
		return 0
	}
	g, ok := unitOf(m.low(j))
	if !ok || m.low(j)[len(m.low(j))-1] == 's' {
		return 0
	}
	base, how := m.ref, Deictic
	if anchored {
		base, how = m.last, Anchored
	}
	return m.emitN(i, j+1, base, g, how)
}

// anchoredPhrase reads "the next day", "the following day", "the day
// before", "the previous day", "the same day", "that day", "the day
// before yesterday", "the weekend".
func (m *matcher) anchoredPhrase(i int) int {
	w := m.low(i)
	j := i + 1
	if w == "that" {
		if m.isWord(j, "day") {
			return m.emitN(i, j+1, m.last, Day, Anchored)
		}
		return 0
	}
	switch m.low(j) {
	case "day":
		switch {
		case m.isWord(j+1, "before") && m.isWord(j+2, "yesterday"):
			return m.emitN(i, j+3, m.ref.AddDate(0, 0, -2), Day, Deictic)
		case m.isWord(j+1, "after") && m.isWord(j+2, "tomorrow"):
			return m.emitN(i, j+3, m.ref.AddDate(0, 0, 2), Day, Deictic)
		case m.isWord(j+1, "before"):
			return m.emitN(i, j+2, m.last.AddDate(0, 0, -1), Day, Anchored)
		case m.isWord(j+1, "after"):
			return m.emitN(i, j+2, m.last.AddDate(0, 0, 1), Day, Anchored)
		}
	case "next", "following", "previous", "same":
		if !m.isWord(j+1, "day") {
			return 0
		}
		n := map[string]int{"next": 1, "following": 1, "previous": -1, "same": 0}[m.low(j)]
		return m.emitN(i, j+2, m.last.AddDate(0, 0, n), Day, Anchored)
	case "weekend":
		p := m.low(i - 1)
		if p == "over" || p == "on" || p == "during" || p == "at" || p == "this" {
			return m.weekend(i, j+1, "the")
		}
	}
	return 0
}

// weekday reads "[on|last|next|this] Wednesday [morning]" and a weekday
// before a date ("Wednesday, December 23"), which the date resolves.
func (m *matcher) weekday(i, j int, mod string) int {
	wd := weekdays[m.ws[j].low]
	k := j + 1
	if m.isPunct(k, ",") {
		if mo, _ := m.month(k + 1); mo != 0 {
			if n := m.monthDay(k + 1); n > 0 && len(m.out) > 0 {
				e := &m.out[len(m.out)-1]
				e.Span.Start = m.ws[i].start
				e.Text = m.s[e.Span.Start:e.Span.End]
				return k + 1 + n - i
			}
		}
		if _, ok := m.dayNum(k + 1); ok {
			if n := m.dayMonth(k + 1); n > 0 && len(m.out) > 0 {
				e := &m.out[len(m.out)-1]
				e.Span.Start = m.ws[i].start
				e.Text = m.s[e.Span.Start:e.Span.End]
				return k + 1 + n - i
			}
		}
	}
	end := k + m.partOfDay(k, true)
	t := m.ref
	switch mod {
	case "last", "past":
		t = t.AddDate(0, 0, -1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, -1)
		}
	case "next", "coming":
		t = t.AddDate(0, 0, 1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, 1)
		}
	default:
		if m.tense(i, end) == tenseFuture {
			for t.Weekday() != wd {
				t = t.AddDate(0, 0, 1)
			}
		} else {
			for t.Weekday() != wd {
				t = t.AddDate(0, 0, -1)
			}
		}
	}
	return m.emitN(i, end, t, Day, Weekday)
}
