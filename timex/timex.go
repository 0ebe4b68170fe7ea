package timex

import (
	"fmt"
	"time"

	"github.com/eventwire/eventwire/text"
)

// Granularity is the unit a value names.
type Granularity string

// The granularities of values.
const (
	Day   Granularity = "day"   // 2016-12-21
	Week  Granularity = "week"  // 2016-W51 (ISO week)
	Month Granularity = "month" // 2016-12
	Year  Granularity = "year"  // 2016
)

// How says how an expression was resolved.
type How string

// The ways an expression is resolved.
const (
	// Absolute: the text gives the whole value ("23 December 2016", "in 2019").
	Absolute How = "absolute"
	// InferredYear: a month or day without a year ("December 23", "in March"),
	// the year taken from the reference and the tense.
	InferredYear How = "inferred-year"
	// Deictic: counted from the reference ("yesterday", "last week",
	// "two days ago", "earlier this month").
	Deictic How = "deictic"
	// Weekday: the weekday nearest the reference on the side the tense
	// gives ("on Wednesday", "last Friday").
	Weekday How = "weekday"
	// Anchored: counted from the day an earlier expression gave ("the next
	// day", "three days later"), or from the reference when none did.
	Anchored How = "anchored"
)

// Expr is one date expression found in a text.
type Expr struct {
	// Span is the byte range of the expression in the text.
	Span text.Span `json:"span"`
	Text string    `json:"text"`
	// Value is the TIMEX3 value: "2016-12-21", "2016-W51", "2016-12", "2016".
	Value string      `json:"value"`
	Gran  Granularity `json:"granularity"`
	How   How         `json:"how"`
	// Mod is the preposition when the expression bounds a span instead of
	// placing an act ("since", "until", "by", "before", "after", "from");
	// "" otherwise.
	Mod string `json:"mod,omitempty"`
	// Head is the index in Doc.Tokens of the expression's head word, the
	// one whose head is outside it (FindDoc); -1 for raw text.
	Head int `json:"head"`
	// Verb is the index in Doc.Tokens of the verb the expression attaches
	// to, the first verb up the head chain, else the root of its sentence
	// (FindDoc); -1 when unknown.
	Verb int `json:"verb"`
}

// tense is what the words around an expression say about its time.
type tense int8

const (
	tenseUnknown tense = iota
	tensePast
	tenseFuture
)

// Find returns the date expressions of s, in order, resolved against ref
// (whose clock time and zone are ignored: only its calendar day counts).
// The tense of each expression is read from the words nearby.
func Find(s string, ref time.Time) []Expr {
	return find(s, ref, nil)
}

// FindDoc returns the date expressions of d.Text as Find does, reading
// the tense from d's dependency tree where d has one (the verb each
// expression attaches to) and setting Expr.Verb. A Doc without tokens is
// read as raw text.
func FindDoc(d *text.Doc, ref time.Time) []Expr {
	if d == nil {
		return nil
	}
	if len(d.Tokens) == 0 || d.Validate() != nil {
		return find(d.Text, ref, nil)
	}
	return find(d.Text, ref, d)
}

// day is a calendar day, the arithmetic of which is done in UTC.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func monthValue(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

// valid reports whether d is a day of month m of year y.
func valid(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && m >= 1 && m <= 12 && day(y, m, d).Day() == d
}

// value formats t at granularity g.
func value(t time.Time, g Granularity) string {
	switch g {
	case Week:
		return weekValue(t)
	case Month:
		return monthValue(t.Year(), t.Month())
	case Year:
		return yearValue(t.Year())
	}
	return dayValue(t)
}
