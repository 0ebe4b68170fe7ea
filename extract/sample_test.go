package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

// sharedData is ../shared/data beside the repository, seen from this
// package directory.
var sharedData = filepath.Join("..", "..", "shared", "data")

func TestSampleArticle(t *testing.T) {
	paths := []string{filepath.Join("testdata", "samples", "rferl-2016-12-23-aleppo.txt")}
	shared := filepath.Join(sharedData, "samples", "rferl-2016-12-23-aleppo.txt")
	if _, err := os.Stat(shared); err == nil {
		paths = append(paths, shared)
	} else {
		t.Logf("skipping the copy in %s: %v", shared, err)
	}
	x := extract.New(extract.Options{})
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// No content type: the extractor must see that this is text.
			a, err := x.Extract(context.Background(), &eventwire.Page{URL: "file:///" + filepath.Base(path), Body: b})
			if err != nil {
				t.Fatal(err)
			}
			if want := "Putin, Assad Say Aleppo Takeover Makes Conditions Ripe For Peace"; a.Title != want {
				t.Errorf("Title = %q, want %q", a.Title, want)
			}
			if want := []string{"AP", "AFP", "Reuters", "TASS", "Interfax"}; !reflect.DeepEqual(a.Credits, want) {
				t.Errorf("Credits = %q, want %q", a.Credits, want)
			}
			if a.Language != "en" {
				t.Errorf("Language = %q, want en", a.Language)
			}
			if a.Published != "2016-12-23" {
				t.Errorf("Published = %q, want 2016-12-23 (from the file name)", a.Published)
			}
			for _, bad := range []string{"Accessibility links", "Breaking News", "16x9 Image", "Vladimir Putin (L)",
				"RFE/RL journalists", "We provide", "With reporting by", "Putin, Assad Say"} {
				if strings.Contains(a.Text, bad) {
					t.Errorf("text contains %q", bad)
				}
			}
			if !strings.HasPrefix(a.Text, "The presidents of Russia and Syria expressed satisfaction") {
				t.Errorf("text starts %q", a.Text[:min(80, len(a.Text))])
			}
			if !strings.HasSuffix(a.Text, `"maintain order" in the city.`) {
				t.Errorf("text ends %q", a.Text[max(0, len(a.Text)-80):])
			}
			if len(a.Paragraphs) != 12 {
				t.Errorf("%d paragraphs, want 12", len(a.Paragraphs))
			}
			checkSpans(t, a)
		})
	}
}
