package stages

import (
	"context"
	"fmt"
	"strconv"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/text"
)

// ResolvePlaces resolves the place mentions of a parsed article (its
// dateline helping; a nil article has none). The geocoder runs before the
// event coder, which codes the places it finds (CodePlaces), and
// geo.Locate then places the events. Its work is bounded and short (under a
// millisecond an article); it checks ctx before it starts. The result is
// never nil.
func ResolvePlaces(ctx context.Context, gaz Gazetteer, a *eventwire.Article, d *text.Doc) ([]eventwire.Place, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g, err := gaz()
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

// CodePlaces gives the coder the resolved places with their states: one
// gazetteer serves the geocoder and the coder's actor countries.
func CodePlaces(gaz Gazetteer, places []eventwire.Place) []coder.Place {
	if len(places) == 0 {
		return nil
	}
	g, err := gaz()
	if err != nil {
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
