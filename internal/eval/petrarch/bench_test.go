package petrarch_test

import (
	"context"
	"os"
	"testing"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/internal/eval/petrarch"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text"
)

// udRecords reads the UD unit-test records and their Docs; without them
// it fails under CI and skips otherwise.
func udRecords(b *testing.B) ([]*petrarch.Record, []*text.Doc) {
	path := shared.Data(b, "petrarch", "universalpetrarch", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")
	fh, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	f, err := petrarch.Read(fh, path)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*text.Doc, len(f.Records))
	for i, r := range f.Records {
		if docs[i], _, err = r.Doc(); err != nil {
			b.Fatal(err)
		}
	}
	return f.Records, docs
}

// BenchmarkCoderShipped codes the 284 UD-parsed unit-test sentences with
// the shipped dictionaries (27k actor entries, the CAMEO 2.0 verbs) and the
// codebook: the coder's speed on given parses, per sentence.
func BenchmarkCoderShipped(b *testing.B) {
	recs, docs := udRecords(b)
	d, err := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	if d == nil {
		b.Fatal(err)
	}
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	ctx := context.Background()
	events := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(docs)
		evs, err := c.Code(ctx, docs[k], recs[k].Date)
		if err != nil {
			b.Fatal(err)
		}
		events += len(evs)
	}
	b.StopTimer()
	// The toy-world sentences mostly name invented actors, but real country
	// names (USA, PHL, ...) appear: some events must come out.
	if b.N >= len(docs) && events == 0 {
		b.Fatal("no events at all from the shipped dictionaries")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoadShipped measures loading the shipped dictionaries, which
// every "eventwire code" run pays.
func BenchmarkLoadShipped(b *testing.B) {
	for i := 0; i < b.N; i++ {
		d, _ := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
		if d == nil || d.Actors.Len() == 0 {
			b.Fatal("no actors")
		}
	}
}
