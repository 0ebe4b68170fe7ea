package quote_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// BenchmarkAttribute attributes the quotes of the RFE/RL sample, parsed
// once: the quote stage alone, as ingest and code run it.
func BenchmarkAttribute(b *testing.B) {
	raw, err := os.ReadFile("../testdata/samples/rferl-2016-12-23-aleppo.txt")
	if err != nil {
		b.Fatal(err)
	}
	d := parse(b, string(raw))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := quote.Attribute(context.Background(), d, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAttributeWikinews attributes the quotes of the 50 Wikinews
// demo articles (../shared/data/corpus), parsed once; one op is all 50.
func BenchmarkAttributeWikinews(b *testing.B) {
	f, err := os.Open(shared.Data(b, "corpus", "wikinews-politics-demo.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*text.Doc
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, parse(b, a.Text))
		n += len(a.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := quote.Attribute(context.Background(), d, nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
