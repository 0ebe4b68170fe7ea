package web_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/samples"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/nlp/factuality"
)

// demoStore returns a SQLite store holding what "eventwire demo" stores:
// the 51 sample articles (the 50 embedded Wikinews articles and the RFE/RL
// page of testdata/samples) through the real stages, extraction, the
// English parser, and the stages after it as cmd/eventwire wires them
// (internal/stages: places with the embedded gazetteer, quotes, the event
// coder with the shipped dictionaries and the factuality model, dates),
// then merged.
func demoStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	start := time.Now()
	parser, err := english.New()
	if err != nil {
		t.Fatal(err)
	}
	fm, err := factuality.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := stages.NewCoder(stages.ShippedDictionaries(), fm)

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
		Coders: stages.Coders(c, sync.OnceValues(geo.Default)), Store: s}
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
