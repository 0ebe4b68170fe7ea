package extract_test

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/internal/shared"
)

// BenchmarkExtract measures extraction of the bundled fixture and, when
// ../shared/data is present, of the 91 benchmark pages (one op = all of
// them). Each run also checks that the output is non-empty.
func BenchmarkExtract(b *testing.B) {
	x := extract.New(extract.Options{})
	ctx := context.Background()
	b.Run("fixture", func(b *testing.B) {
		p := goldenPage(b, "ap-dateline.html")
		b.SetBytes(int64(len(p.Body)))
		for b.Loop() {
			a, err := x.Extract(ctx, p)
			if err != nil || a.Text == "" {
				b.Fatal(err)
			}
		}
	})
	b.Run("sample-text", func(b *testing.B) {
		body, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "rferl-2016-12-23-aleppo.txt"))
		if err != nil {
			b.Fatal(err)
		}
		p := &eventwire.Page{URL: "file:///sample.txt", Body: body, ContentType: "text/plain"}
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := x.Extract(ctx, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("benchmark-pages", func(b *testing.B) {
		dir := shared.Data(b, "extraction", "html")
		files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
		if len(files) == 0 {
			b.Fatalf("no *.html.gz in %s", dir)
		}
		var pages []*eventwire.Page
		var total int64
		for _, f := range files {
			body := gunzip(b, f)
			total += int64(len(body))
			pages = append(pages, &eventwire.Page{URL: "https://example.com/x", Body: body, ContentType: "text/html; charset=utf-8"})
		}
		b.SetBytes(total)
		b.ResetTimer()
		for b.Loop() {
			empty := 0
			for _, p := range pages {
				if a, err := x.Extract(ctx, p); err != nil || a.Text == "" {
					empty++
				}
			}
			if empty > len(pages)/10 {
				b.Fatalf("%d of %d pages gave no article", empty, len(pages))
			}
		}
		b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
}

func gunzip(b *testing.B, path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	return body
}
