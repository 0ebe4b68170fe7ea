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
	"github.com/eventwire/eventwire/internal/shared"
)

func TestSampleArticle(t *testing.T) {
	paths := []string{filepath.Join("..", "testdata", "samples", "rferl-2016-12-23-aleppo.txt")}
	// The copy in ../shared/data too, when it is there (always under CI).
	if p, ok := shared.Lookup(t, "samples", "rferl-2016-12-23-aleppo.txt"); ok {
		paths = append(paths, p)
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

// wrap re-wraps every line longer than width at word boundaries, as old
// plain-text wires and e-mail did.
func wrap(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if len(line) <= width {
			out = append(out, line)
			continue
		}
		cur := ""
		for _, w := range strings.Fields(line) {
			if cur != "" && len(cur)+1+len(w) > width {
				out = append(out, cur)
				cur = w
				continue
			}
			if cur != "" {
				cur += " "
			}
			cur += w
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}

// TestSampleVariants checks that the plain-text rules are general: the same
// article with Windows line ends, hard-wrapped at 72 columns, with its
// caption given once, or with a different header and footer, gives the
// same text as the original.
func TestSampleVariants(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "rferl-2016-12-23-aleppo.txt"))
	if err != nil {
		t.Fatal(err)
	}
	orig := string(b)
	x := extract.New(extract.Options{})
	get := func(s string) *eventwire.Article {
		t.Helper()
		a, err := x.Extract(context.Background(), &eventwire.Page{URL: "file:///sample.txt", Body: []byte(s), ContentType: "text/plain"})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	want := get(orig)
	caption := "Russian President Vladimir Putin (L) and Syrian President Bashar al-Assad\n"
	if !strings.Contains(orig, caption+caption) {
		t.Fatal("sample lacks its doubled caption")
	}
	variants := map[string]string{
		"crlf":         strings.ReplaceAll(orig, "\n", "\r\n"),
		"wrapped":      wrap(orig, 72),
		"caption once": strings.Replace(orig, caption+caption, caption, 1),
		"other chrome": strings.NewReplacer(
			"Accessibility links", "Skip to main content\n\nHome | World | Russia | Syria",
			"Breaking News", "Share\n\nPrint",
			"  • 16x9 Image", "Image 1 of 3",
			"RFE/RL journalists report the news in 27 languages", "Copyright (c) 2016 RFE/RL. All rights reserved. Our journalists report the news in 27 languages",
		).Replace(orig),
	}
	for name, v := range variants {
		t.Run(name, func(t *testing.T) {
			a := get(v)
			if a.Text != want.Text {
				t.Errorf("text differs from the original's:\n%s", a.Text)
			}
			if a.Title != want.Title || strings.Join(a.Credits, ",") != strings.Join(want.Credits, ",") {
				t.Errorf("title %q credits %q; want %q %q", a.Title, a.Credits, want.Title, want.Credits)
			}
		})
	}
}
