package extract_test

import (
	"context"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/internal/eval/extraction"
	"github.com/eventwire/eventwire/internal/shared"
)

// Score floors on the 91 development pages of the extraction benchmark.
// They only rise: raise them when the extractor improves.
const (
	floorF1       = 0.975
	floorAccuracy = 0.48
)

// TestBenchmarkFloor fails when extraction quality on the benchmark drops
// below the floors. It needs ../shared/data/extraction: without it the test
// fails under CI and skips otherwise.
func TestBenchmarkFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("benchmark floor skipped in -short mode")
	}
	d, err := extraction.Load(shared.Data(t, "extraction"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := d.ReadPages()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(extract.Options{})
	run, err := extraction.RunSystem(context.Background(), d, pages, "eventwire", func(ctx context.Context, u string, b []byte) (string, error) {
		a, err := x.Extract(ctx, &eventwire.Page{URL: u, Body: b, ContentType: "text/html; charset=utf-8"})
		if err != nil {
			return "", err
		}
		return a.Text, nil
	}, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := run.Result
	t.Logf("F1 %.3f P %.3f R %.3f accuracy %.3f (%d errors)", r.F1, r.Precision, r.Recall, r.Accuracy, run.Errors)
	if r.F1 < floorF1 {
		t.Errorf("F1 %.4f below the floor %.3f", r.F1, floorF1)
	}
	if r.Accuracy < floorAccuracy {
		t.Errorf("accuracy %.4f below the floor %.3f", r.Accuracy, floorAccuracy)
	}
}
