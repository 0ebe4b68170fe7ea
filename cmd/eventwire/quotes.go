package main

import (
	"context"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// quoteStage is the ingest stage after the places: it finds a story's
// quotes and their speakers, coding the speakers with the coder's
// mentions. The event stage then reads "I" and "we" in a quotation as its
// speaker, and links its statement events to the quotes.
type quoteStage struct{ c *coder.Coder }

// Name names the stage in failure records.
func (quoteStage) Name() string { return "quotes" }

// Code sets st.Quotes from st.Doc; a story without a Doc gets none.
func (q quoteStage) Code(ctx context.Context, st *eventwire.Story) error {
	if st.Doc == nil {
		return nil
	}
	var paras []text.Span
	if st.Article != nil {
		paras = st.Article.Paragraphs
	}
	qs, err := attributeQuotes(ctx, q.c, st.Doc, paras, storyDate(st))
	if err != nil {
		return err
	}
	st.Quotes = qs
	return nil
}

// attributeQuotes finds the quotes of doc with the coder as the speakers'
// resolver (nil: speakers are not coded).
func attributeQuotes(ctx context.Context, c *coder.Coder, doc *text.Doc, paras []text.Span, date time.Time) ([]eventwire.Quote, error) {
	var r quote.Resolver
	if c != nil {
		r = quote.ResolverFunc(func(ctx context.Context, d *text.Doc, heads []int) ([]eventwire.Actor, error) {
			return c.Actors(ctx, d, date, heads)
		})
	}
	qs, err := quote.Attribute(ctx, doc, paras, r)
	if qs == nil && err == nil {
		qs = []eventwire.Quote{}
	}
	return qs, err
}
