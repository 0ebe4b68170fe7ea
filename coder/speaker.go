package coder

import (
	"context"
	"fmt"
	"sort"
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
		dc.history = append(dc.history, st.occurrences...)
	}
	return out, nil
}
