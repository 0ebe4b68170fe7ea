package coder_test

import (
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
)

// TestRedateRoles checks that an event the sentence dates well before the
// article gives its actors the roles their records date for that day
// (Putin, RUSGOV from 2000-05-07 in the toy dictionary, was RUSELI in
// 1999), and that an event of the article's own time, a code an agent
// was combined with, an inferred date from the article and an actor with
// no dated record keep theirs.
func TestRedateRoles(t *testing.T) {
	c := coder.New(caseDicts(t), nil, coder.DefaultOptions())
	putin := "actors.txt:16 VLADIMIR_PUTIN_"
	article := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	ev := func(date, from, code string) eventwire.Event {
		return eventwire.Event{CAMEO: "111", Date: date, DateFrom: from,
			Source: eventwire.Actor{Text: "Vladimir Putin", Code: code, Entry: putin},
			Target: eventwire.Actor{Text: "Turkey", Code: "TUR", Entry: "actors.txt:8 TURKEY_"}}
	}
	evs := []eventwire.Event{
		ev("1999", "sentence", "RUSGOV"),       // a year before he took office
		ev("1999-03-02", "sentence", "RUSGOV"), // a day
		ev("2016-12-10", "sentence", "RUSGOV"), // within 30 days of the article
		ev("1999", "sentence", "RUSGOVMIL"),    // an agent combined
		ev("1999", "article", "RUSGOV"),        // not dated by its sentence
	}
	c.RedateRoles(evs, article)
	want := []string{"RUSELI", "RUSELI", "RUSGOV", "RUSGOVMIL", "RUSGOV"}
	for i, e := range evs {
		if e.Source.Code != want[i] {
			t.Errorf("event %d (%s, %s): source %s, want %s", i, e.Date, e.DateFrom, e.Source.Code, want[i])
		}
		if e.Target.Code != "TUR" {
			t.Errorf("event %d: target %s, want TUR (no dated record)", i, e.Target.Code)
		}
	}
}
