package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

func TestUseful(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Halab", true}, {"Aleppo City", true}, {"ALV", false}, {"Ehskal'des", false},
		{"al-Bab", false}, {"Ab", false}, {"Χαλέπι", false}, {"Tartous (old)", false}, {"Andorra=la", false},
	} {
		if got := useful(c.name); got != c.want {
			t.Errorf("useful(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMid(t *testing.T) {
	xs := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100}
	if got := mid(xs, 0); got != 50 {
		t.Errorf("whole range: %v, want 50", got)
	}
	if got := mid(xs, 5); got != 10 {
		t.Errorf("middle 90%%: %v, want 10", got)
	}
}

// TestCurrent checks that the committed gazetteer is what the generator
// makes from the data folder (go generate ./geo rewrites it).
func TestCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("reads GeoNames; skipped in -short")
	}
	dir := shared.Data(t, "geo")
	want, _, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../../gazetteer/geonames.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("geo/gazetteer/geonames.tsv.gz is stale: run go generate ./geo")
	}
}
