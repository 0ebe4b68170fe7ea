package timex

import (
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkFind finds the dates of the sample article (3 KB, 5 date
// expressions) on raw text.
func BenchmarkFind(b *testing.B) {
	body, err := os.ReadFile("../testdata/samples/rferl-2016-12-23-aleppo.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(body)
	ref := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if es := Find(s, ref); len(es) < 4 {
			b.Fatalf("%d expressions", len(es))
		}
	}
}

// BenchmarkFindLong finds dates in 1 MB of news-like text: linear time.
func BenchmarkFindLong(b *testing.B) {
	s := strings.Repeat("Rebels shelled the city on Monday, two days after talks failed in Astana last week. ", 1<<20/85)
	ref := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if es := Find(s, ref); len(es) == 0 {
			b.Fatal("no expressions")
		}
	}
}
