package main

import (
	"context"
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/text"
)

// placeCoder is the ingest stage after the event coder: it resolves the
// story's place mentions (geo) into Story.Places and gives its events their
// Location. The gazetteer is loaded once per process, on first use.
type placeCoder struct{}

// Name names the stage in failure records.
func (placeCoder) Name() string { return "places" }

// Code sets st.Places and the events' locations; a story without a Doc gets
// none.
func (placeCoder) Code(ctx context.Context, st *eventwire.Story) error {
	if st.Doc == nil || st.Article == nil {
		return nil
	}
	places, err := placeEvents(ctx, st.Article, st.Doc, st.Events)
	if err != nil {
		return err
	}
	st.Places = places
	return nil
}

// placeEvents resolves the places of a parsed article (its dateline
// helping) and sets the Location of evs, which are the article's events.
// Its work is bounded and short (under a millisecond an article); it
// checks ctx before it starts.
func placeEvents(ctx context.Context, a *eventwire.Article, d *text.Doc, evs []eventwire.Event) ([]eventwire.Place, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("loading the gazetteer: %w", err)
	}
	places := g.Resolve(d, a.Dateline)
	geo.Locate(d, places, evs)
	if places == nil {
		places = []eventwire.Place{}
	}
	return places, nil
}
