package stages

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/timex"
)

// This file dates the events: after the coder, each event gets the date
// its own clause or sentence gives (timex), else keeps the article's. It
// runs here, beside the coder rather than inside it, because the coder
// may not import timex (arch_test.go) and dating an event needs only
// what the coder already returns: the sentence and the verb's span.

// The values of eventwire.Event.DateFrom.
const (
	dateFromSentence = "sentence"
	dateFromArticle  = "article"
)

// CodeDated codes doc as c.CodeGiven does, knowing the places resolved in
// it (ResolvePlaces) and its quotes (AttributeQuotes), and dates the
// events (DateEvents). Every command that stores or prints events codes
// through it, so that ingest, recode and code agree.
func CodeDated(ctx context.Context, c *coder.Coder, gaz Gazetteer, doc *text.Doc, date time.Time, places []eventwire.Place, quotes []eventwire.Quote) ([]eventwire.Event, error) {
	evs, err := c.CodeGiven(ctx, doc, date, coder.Given{Places: CodePlaces(gaz, places), Quotes: quotes})
	if err != nil {
		return nil, err
	}
	DateEvents(doc, evs, date)
	c.RedateRoles(evs, date)
	return evs, nil
}

// DateEvents sets each event's Date and DateFrom. The date expressions of
// doc are normalised against ref, the article's date. An event takes the
// expression that attaches to its own verb ("attacked ... on Monday");
// else the only one of its sentence when that one attaches to the
// event's clause or one above it ("On Monday, officials said rebels
// attacked"), not to another clause ("X, elected in 2011, attacked").
// Expressions that bound a span ("since 2015") or modify a noun ("the
// 2020 election") date no event. Otherwise the event keeps the article's
// date (DateFrom "article"), or none when ref is zero.
func DateEvents(doc *text.Doc, evs []eventwire.Event, ref time.Time) {
	if len(evs) == 0 || doc == nil {
		return
	}
	var bySent map[int][]timex.Expr
	if !ref.IsZero() && len(doc.Tokens) > 0 {
		bySent = map[int][]timex.Expr{}
		for _, e := range timex.FindDoc(doc, ref) {
			if e.Head < 0 || e.Mod != "" || !placesAct(doc.Tokens[e.Head].Dep) {
				continue
			}
			s := doc.SentOf(e.Head)
			bySent[s] = append(bySent[s], e)
		}
	}
	for i := range evs {
		ev := &evs[i]
		if ev.Date == "" && !ref.IsZero() {
			ev.Date = ref.Format("2006-01-02")
		}
		ev.DateFrom = ""
		if ev.Date != "" {
			ev.DateFrom = dateFromArticle
		}
		exprs := bySent[ev.Sentence]
		if len(exprs) == 0 {
			continue
		}
		verb := -1
		if ev.Evidence.Verb.Len() > 0 {
			verb = tokenAt(doc, ev.Evidence.Verb.Start)
		}
		chosen := -1
		for k, e := range exprs {
			if verb >= 0 && e.Verb == verb {
				chosen = k
				break
			}
		}
		if chosen < 0 && len(exprs) == 1 && governs(doc, exprs[0].Verb, verb) {
			chosen = 0
		}
		if chosen >= 0 {
			ev.Date, ev.DateFrom = exprs[chosen].Value, dateFromSentence
		}
	}
}

// placesAct reports whether a date expression whose head has relation
// dep places an act in time (an oblique, an adverbial, a temporal
// modifier, a clause's root) rather than naming a thing ("the 2020
// election": compound, amod, nummod).
func placesAct(dep text.DepRel) bool {
	switch dep.Universal().Base() {
	case "obl", "advmod", "nmod", "root", "conj", "appos", "parataxis", "dep", "obj", "advcl", "":
		return true
	}
	return false
}

// governs reports whether the date's verb dv is the event's verb ev or
// one of its ancestors; an unknown verb on either side governs nothing.
func governs(doc *text.Doc, dv, ev int) bool {
	if dv < 0 || ev < 0 {
		return false
	}
	for h, steps := ev, 0; h >= 0 && h < len(doc.Tokens) && steps < maxClimb; steps++ {
		if h == dv {
			return true
		}
		h = int(doc.Tokens[h].Head)
	}
	return false
}

// maxClimb bounds the walk up a head chain (a broken tree may loop).
const maxClimb = 64

// tokenAt returns the index of the token that starts at byte offset b, or
// -1.
func tokenAt(doc *text.Doc, b int32) int {
	toks := doc.Tokens
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= b })
	if i < len(toks) && toks[i].Start == b {
		return i
	}
	return -1
}

// datelineWindow bounds how far into the text a dateline's date is looked
// for ("LONDON, March 6 (Reuters) - ").
const datelineWindow = 48

// DatelineDate returns the date a wire dateline gives ("LONDON, March 6
// (Reuters) -"), resolved against fallback, when the article has a
// dateline; zero otherwise. It serves articles without a published date.
func DatelineDate(art *eventwire.Article, fallback time.Time) time.Time {
	if art == nil || art.Dateline == "" || !strings.HasPrefix(art.Text, art.Dateline) {
		return time.Time{}
	}
	head := art.Text[:min(len(art.Text), len(art.Dateline)+datelineWindow)]
	for _, e := range timex.Find(head, fallback) {
		if e.Gran != timex.Day || int(e.Span.Start) > len(art.Dateline)+4 {
			continue
		}
		if t, err := time.Parse("2006-01-02", e.Value); err == nil {
			return t
		}
	}
	return time.Time{}
}
