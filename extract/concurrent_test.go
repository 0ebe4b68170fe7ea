package extract_test

import (
	"context"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

// TestConcurrent extracts the golden pages from several goroutines with one
// Extractor and checks every result equals the sequential one (run with
// -race to check the "safe for concurrent use" promise).
func TestConcurrent(t *testing.T) {
	x := extract.New(extract.Options{})
	names := []string{"ap-dateline.html", "jsonld-reuters.html", "cp1251.html", "plain-boilerplate.txt"}
	want := map[string]string{}
	pages := map[string]*eventwire.Page{}
	for _, n := range names {
		pages[n] = goldenPage(t, n)
		a, err := x.Extract(context.Background(), pages[n])
		if err != nil {
			t.Fatal(err)
		}
		want[n] = a.Text
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 4; i++ {
				n := names[(g+i)%len(names)]
				p := *pages[n]
				a, err := x.Extract(context.Background(), &p)
				if err != nil || a.Text != want[n] {
					errs <- n
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for n := range errs {
		t.Errorf("%s: concurrent result differs", n)
	}
}
