package factuality

import (
	"testing"
)

// BenchmarkFactuality measures one prediction on a parsed news sentence
// (one op = one predicate), with the embedded model.
func BenchmarkFactuality(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	items := readNews(b)
	b.ReportAllocs()
	var sum float64
	for i := 0; b.Loop(); i++ {
		it := items[i%len(items)]
		sum += m.Factuality(it.doc, it.tok)
	}
	if sum == 0 {
		b.Fatal("no predictions")
	}
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
