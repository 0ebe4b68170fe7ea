package coder

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// Actors returns the actor that the noun phrase headed by each token of
// heads names, as the mentions stage resolves it for an event's source:
// its code and dictionary entry, and for a phrase that does not name the
// actor itself ("he", "Assad", "the minister") where the code came from
// (Actor.Via). Text is the phrase's text. A head that names no actor, or
// is out of range, gets an Actor with only its word as Text. The earlier
// sentences are read for pronouns and short names, as Code reads them.
// doc must be annotated as for Code; date selects dated roles.
// Quote attribution (package quote) uses it to code speakers.
func (c *Coder) Actors(ctx context.Context, doc *text.Doc, date time.Time, heads []int) ([]eventwire.Actor, error) {
	out := make([]eventwire.Actor, len(heads))
	if doc == nil || len(heads) == 0 {
		return out, nil
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("coder: %w: %w", eventwire.ErrInvalid, err)
	}
	// The heads in token order, so one walk over the sentences serves all.
	order := make([]int, len(heads))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return heads[order[a]] < heads[order[b]] })
	for _, i := range order {
		if h := heads[i]; h >= 0 && h < len(doc.Tokens) {
			t := doc.Tokens[h]
			out[i].Text = doc.Text[t.Start:t.End]
		}
	}
	dc := &docState{c: c, doc: doc, date: date}
	k := 0
	for k < len(order) && heads[order[k]] < 0 {
		k++
	}
	for s := range doc.Sents {
		if k >= len(order) {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sp := doc.Sents[s]
		lo, hi := int(sp.Start), int(sp.End)
		if hi <= lo {
			continue
		}
		st := newSent(dc, s, lo, hi)
		for k < len(order) && heads[order[k]] < hi {
			i := order[k]
			k++
			if heads[i] < lo {
				continue
			}
			es := st.mention(heads[i])
			if len(es) == 0 || es[0].null() {
				continue
			}
			e := es[0]
			out[i] = eventwire.Actor{Text: st.spanText(e.span), Code: e.code, Entry: e.entry, Via: st.via(e)}
		}
		st.rememberNames()
		dc.history = append(dc.history, st.occurrences...)
		dc.geoHistory = append(dc.geoHistory, st.geoPlaces()...)
	}
	return out, nil
}

// quoted is a quotation's words and its coded speaker.
type quoted struct {
	content []text.Span
	speaker entity
}

// speakerIndex keeps the direct and mixed quotes whose speaker has a code.
func speakerIndex(qs []eventwire.Quote) []quoted {
	var out []quoted
	for _, q := range qs {
		if q.Kind != "direct" && q.Kind != "mixed" && !(q.Kind == "" && q.Direct) {
			continue
		}
		code := q.Speaker.Code
		if code == "" || strings.Trim(code, "-") == "" || len(q.Evidence.Content) == 0 {
			continue
		}
		sp := q.Evidence.Speaker
		if sp == (text.Span{}) {
			sp = q.SpeakerSpan
		}
		out = append(out, quoted{content: q.Evidence.Content, speaker: entity{code: code, entry: q.Speaker.Entry,
			span: sp, inferred: true, viaHow: "quote-speaker", viaSpan: sp, person: !organisation(code)}})
	}
	return out
}

// firstPerson are the pronouns that, in a quotation, are its speaker.
var firstPerson = map[string]bool{"I": true, "ME": true, "MY": true, "WE": true, "US": true, "OUR": true}

// quotedBy returns the coded speaker of the direct or mixed quotation
// whose words hold token p.
func (st *sent) quotedBy(p int) (entity, bool) {
	t := st.tok(p)
	for _, q := range st.dc.quotes {
		for _, c := range q.content {
			if c.Start <= t.Start && t.End <= c.End {
				return q.speaker, true
			}
		}
	}
	return entity{}, false
}

// quoteSpeaker resolves a first-person pronoun at h inside a quotation's
// words to the quotation's speaker: "I asked John for his resignation,"
// wrote Trump.
func (st *sent) quoteSpeaker(h int) (entity, bool) {
	if !firstPerson[st.key(h)] {
		return entity{}, false
	}
	return st.quotedBy(h)
}
