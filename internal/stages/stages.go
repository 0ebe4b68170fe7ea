// Package stages builds the standard stages of the pipeline after parsing,
// from the shipped data: the event coder over the shipped dictionaries and
// a factuality model, and the ingest stages that run on a parsed story in
// the order the data flows, places (geo), quotes (quote) and events
// (coder, then each event's date, place and quote). cmd/eventwire wires
// them for ingest, demo, recode and code, and the web package's tests
// fill a store with them, so that both run the same stages.
package stages

import (
	"context"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/nlp/factuality"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// Gazetteer returns the gazetteer the places stage resolves with and the
// coder takes actor countries from, loading it on the first call (for
// example sync.OnceValues(geo.Default)), so that a process that codes
// nothing does not load it.
type Gazetteer func() (*geo.Gazetteer, error)

// ShippedDictionaries loads the shipped dictionaries (data.FS,
// data.DefaultFiles). The shipped files have known upstream defects
// (docs/notes/cameo-eval.md), entries the reader rejects, which are not
// the user's to see: they are dropped, and the Dictionaries hold the rest.
func ShippedDictionaries() *dict.Dictionaries {
	d, _ := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	return d
}

// NewCoder returns the event coder the commands use: d with the CAMEO
// codebook, the default options, and fm as the factuality model.
func NewCoder(d *dict.Dictionaries, fm *factuality.Model) *coder.Coder {
	opts := coder.DefaultOptions()
	opts.Factuality, opts.FactualityMin = fm, coder.DefaultFactualityMin
	return coder.New(d, cameo.Default(), opts)
}

// Coders returns the stages an ingest.Processor runs after parsing, in
// order: places, quotes, events. They are safe for concurrent use when c
// and gaz are.
func Coders(c *coder.Coder, gaz Gazetteer) []ingest.Coder {
	return []ingest.Coder{Places{gaz}, Quotes{c}, Events{c, gaz}}
}

var (
	_ ingest.Coder = Places{}
	_ ingest.Coder = Quotes{}
	_ ingest.Coder = Events{}
)

// Places is the first stage after parsing: it resolves the story's place
// mentions into Story.Places, which the events stage codes as actors and
// places its events by.
type Places struct{ Gazetteer Gazetteer }

// Name names the stage in failure records.
func (Places) Name() string { return "places" }

// Code sets st.Places; a story without a Doc gets none.
func (p Places) Code(ctx context.Context, st *eventwire.Story) error {
	if st.Doc == nil {
		return nil
	}
	places, err := ResolvePlaces(ctx, p.Gazetteer, st.Article, st.Doc)
	if err != nil {
		return err
	}
	st.Places = places
	return nil
}

// Quotes is the stage after the places: it finds a story's quotes and
// their speakers, coding the speakers with the coder's mentions. The
// events stage then reads "I" and "we" in a quotation as its speaker, and
// links its statement events to the quotes.
type Quotes struct{ Coder *coder.Coder }

// Name names the stage in failure records.
func (Quotes) Name() string { return "quotes" }

// Code sets st.Quotes from st.Doc; a story without a Doc gets none.
func (q Quotes) Code(ctx context.Context, st *eventwire.Story) error {
	if st.Doc == nil {
		return nil
	}
	var paras []text.Span
	if st.Article != nil {
		paras = st.Article.Paragraphs
	}
	qs, err := AttributeQuotes(ctx, q.Coder, st.Doc, paras, StoryDate(st))
	if err != nil {
		return err
	}
	st.Quotes = qs
	return nil
}

// Events is the last stage: it codes a story's events from its Doc.
type Events struct {
	Coder     *coder.Coder
	Gazetteer Gazetteer
}

// Name names the stage in failure records.
func (Events) Name() string { return "events" }

// Code sets st.Events from st.Doc, knowing the story's places and quotes
// (the stages before it), dates and places the events and links the
// statement events to their quotes; a story without a Doc gets none.
func (e Events) Code(ctx context.Context, st *eventwire.Story) error {
	if st.Doc == nil {
		return nil
	}
	evs, err := CodeDated(ctx, e.Coder, e.Gazetteer, st.Doc, StoryDate(st), st.Places, st.Quotes)
	if err != nil {
		return err
	}
	geo.Locate(st.Doc, st.Places, evs)
	quote.Link(st.Quotes, evs)
	st.Events = evs
	return nil
}

// StoryDate is the date that selects dated actor roles ("Putin" is RUSGOV
// from 2000) and dates events: the article's published date, else its
// dateline's ("LONDON, March 6 (Reuters)", in the year of the fetch), else
// the day the page was fetched, else zero (the dictionaries' undated codes).
func StoryDate(st *eventwire.Story) time.Time {
	if st.Article != nil {
		if d := ArticleDate(st.Article.Published); !d.IsZero() {
			return d
		}
	}
	if st.Page != nil && !st.Page.FetchedAt.IsZero() {
		fetched := st.Page.FetchedAt.UTC().Truncate(24 * time.Hour)
		if d := DatelineDate(st.Article, fetched); !d.IsZero() {
			return d
		}
		return fetched
	}
	return time.Time{}
}

// ArticleDate reads Article.Published (YYYY-MM-DD or RFC 3339); zero when
// absent or unreadable.
func ArticleDate(s string) time.Time {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}
