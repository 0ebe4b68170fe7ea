package main

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/text"
)

// parsedSample loads the pipeline and parses the sample article, as the
// benchmarks of the stages after parsing start from; ref is its date.
func parsedSample(b *testing.B) (p *pipeline, body []byte, doc *text.Doc, ref time.Time) {
	body, err := os.ReadFile("../../testdata/samples/rferl-2016-12-23-aleppo.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err = newPipeline(os.Stderr, false, nil, "")
	if err != nil {
		b.Fatal(err)
	}
	ref = time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	doc = text.NewDoc(string(body))
	if err := p.parser.Annotate(context.Background(), doc); err != nil {
		b.Fatal(err)
	}
	return p, body, doc, ref
}

// BenchmarkDatesStage measures the dates stage per article, as ingest
// runs it after the coder: timex.FindDoc on the parsed sample article
// and the dating of its events. The parse and the coding are done once,
// outside the loop.
func BenchmarkDatesStage(b *testing.B) {
	p, _, doc, ref := parsedSample(b)
	evs, err := p.coder.Code(context.Background(), doc, ref)
	if err != nil || len(evs) == 0 {
		b.Fatalf("%d events, %v", len(evs), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		stages.DateEvents(doc, evs, ref)
	}
	if evs[0].DateFrom == "" {
		b.Fatal("events not dated")
	}
}
