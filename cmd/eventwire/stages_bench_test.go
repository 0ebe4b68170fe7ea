package main

import (
	"context"
	"testing"

	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// BenchmarkArticleStages measures each stage after extraction on the
// sample article, one article per op: parsing, the places (geo.Resolve
// and Locate), the quotes (quote.Attribute with the coder's speakers), the
// event coder given both, and the dates. Issue #8 asks that places,
// quotes and dates together add under a quarter to the time per article:
// compare places+quotes+dates with parse+events.
func BenchmarkArticleStages(b *testing.B) {
	p, body, doc, ref := parsedSample(b)
	if _, err := loadGazetteer(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	places, err := stages.ResolvePlaces(ctx, loadGazetteer, nil, doc)
	if err != nil {
		b.Fatal(err)
	}
	quotes, err := stages.AttributeQuotes(ctx, p.coder, doc, nil, ref)
	if err != nil {
		b.Fatal(err)
	}
	given := coder.Given{Places: stages.CodePlaces(loadGazetteer, places), Quotes: quotes}
	evs, err := p.coder.CodeGiven(ctx, doc, ref, given)
	if err != nil || len(evs) == 0 || len(places) == 0 || len(quotes) == 0 {
		b.Fatalf("%d events, %d places, %d quotes, %v", len(evs), len(places), len(quotes), err)
	}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d := text.NewDoc(string(body))
			if err := p.parser.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("places", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ps, _ := stages.ResolvePlaces(ctx, loadGazetteer, nil, doc)
			geo.Locate(doc, ps, evs)
		}
	})
	b.Run("quotes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			qs, _ := stages.AttributeQuotes(ctx, p.coder, doc, nil, ref)
			quote.Link(qs, evs)
		}
	})
	b.Run("events", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.coder.CodeGiven(ctx, doc, ref, given); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dates", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			stages.DateEvents(doc, evs, ref)
		}
	})
}
