package web_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/samples"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/nlp/factuality"
)

// demoStore returns a SQLite store holding what "eventwire demo" stores:
// the 51 sample articles (the 50 embedded Wikinews articles and the RFE/RL
// page of testdata/samples) through the real stages, extraction, the
// English parser, the event coder with the shipped dictionaries and the
// factuality model, places with the embedded gazetteer, then merged.
// cmd/eventwire wires the same parts (its pipeline.go, places.go); this
// copy leaves out what the UI does not show apart: quotes, and dating
// events by the date expressions of their clauses (events keep their
// article's date).
func demoStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	start := time.Now()
	parser, err := english.New()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	if d == nil {
		t.Fatal(err) // the shipped files' known defects are not fatal
	}
	fm, err := factuality.Load()
	if err != nil {
		t.Fatal(err)
	}
	opts := coder.DefaultOptions()
	opts.Factuality, opts.FactualityMin = fm, coder.DefaultFactualityMin
	c := coder.New(d, cameo.Default(), opts)
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	events := ingest.CoderFunc{N: "events", F: func(ctx context.Context, st *eventwire.Story) error {
		if st.Doc == nil {
			return nil
		}
		var date time.Time
		if st.Article != nil && len(st.Article.Published) >= 10 {
			date, _ = time.Parse("2006-01-02", st.Article.Published[:10])
		}
		evs, err := c.Code(ctx, st.Doc, date)
		st.Events = evs
		return err
	}}
	places := ingest.CoderFunc{N: "places", F: func(ctx context.Context, st *eventwire.Story) error {
		if st.Doc == nil || st.Article == nil {
			return nil
		}
		st.Places = gaz.Resolve(st.Doc, st.Article.Dateline)
		geo.Locate(st.Doc, st.Places, st.Events)
		return nil
	}}

	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var extra []*eventwire.Page
	switch rferl, err := samples.RFERL(filepath.Join("..", "..", "testdata", "samples"), nil); {
	case err == nil:
		extra = append(extra, rferl)
	case errors.Is(err, fs.ErrNotExist):
		t.Log("the RFE/RL sample is absent; the Wikinews articles only")
	default:
		t.Fatal(err)
	}
	src := samples.Source(nil, extra...)
	defer src.Close()
	p := &ingest.Processor{Extractor: extract.New(extract.Options{}), Annotator: parser,
		Coders: []ingest.Coder{events, places}, Store: s}
	sum, err := ingest.Run(ctx, src, p, ingest.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed > 0 || sum.Ingested < 50 {
		t.Fatalf("demo ingest: %+v", sum.Counts)
	}
	if _, err := s.MergeEvents(ctx, sqlite.DefaultMergeWindow, false); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("demo store: %d articles, %d events in %v", st.Articles, st.Events, time.Since(start).Round(time.Millisecond))
	return s
}
