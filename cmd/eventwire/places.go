package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/text"
)

// placeCoder is the first ingest stage after parsing: it resolves the
// story's place mentions (geo) into Story.Places, which the event stage
// codes as actors and places its events by. The gazetteer is loaded once
// per process, on first use.
type placeCoder struct{}

// Name names the stage in failure records.
func (placeCoder) Name() string { return "places" }

// Code sets st.Places; a story without a Doc gets none.
func (placeCoder) Code(ctx context.Context, st *eventwire.Story) error {
	if st.Doc == nil {
		return nil
	}
	places, err := resolvePlaces(ctx, st.Article, st.Doc)
	if err != nil {
		return err
	}
	st.Places = places
	return nil
}

// resolvePlaces resolves the place mentions of a parsed article (its
// dateline helping; a nil article has none). The geocoder runs before the
// event coder, which codes the places it finds (codePlaces), and
// geo.Locate then places the events. Its work is bounded and short (under a
// millisecond an article); it checks ctx before it starts. The result is
// never nil.
func resolvePlaces(ctx context.Context, a *eventwire.Article, d *text.Doc) ([]eventwire.Place, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("loading the gazetteer: %w", err)
	}
	dateline := ""
	if a != nil {
		dateline = a.Dateline
	}
	places := g.Resolve(d, dateline)
	if places == nil {
		places = []eventwire.Place{}
	}
	return places, nil
}

// codePlaces gives the coder the resolved places with their states: one
// gazetteer serves the geocoder and the coder's actor countries.
func codePlaces(places []eventwire.Place) []coder.Place {
	g, err := loadGazetteer()
	if err != nil || len(places) == 0 {
		return nil
	}
	out := make([]coder.Place, 0, len(places))
	for _, p := range places {
		c, ok := g.Country(p.Country)
		if !ok || c.ISO3 == "" {
			continue
		}
		out = append(out, coder.Place{Span: p.Span, Country: c.ISO3, CountryName: c.Name,
			Entry: "geonames:" + strconv.FormatInt(p.GeonameID, 10) + " " + p.Name})
	}
	return out
}
