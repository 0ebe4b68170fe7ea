package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPage reads testdata/golden/<name> as a page the way a source would
// deliver it.
func goldenPage(t testing.TB, name string) *eventwire.Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	p := &eventwire.Page{URL: "https://news.example.com/story/" + strings.TrimSuffix(name, filepath.Ext(name)), Body: b}
	switch {
	case name == "latin1.html":
		p.ContentType = "text/html; charset=ISO-8859-1"
	case strings.HasSuffix(name, ".html"):
		p.ContentType = "text/html"
	case strings.HasSuffix(name, ".txt"):
		p.ContentType = "text/plain"
	}
	return p
}

// TestGolden extracts every page under testdata/golden and compares the
// article with <name>.json. Run with -update to rewrite the JSON, then
// read the diff before committing it.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(extract.Options{})
	n := 0
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasSuffix(name, ".json") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			a, err := x.Extract(context.Background(), goldenPage(t, name))
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, a)
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			want := strings.TrimSuffix(f, filepath.Ext(f)) + ".json"
			if *update {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, w) {
				t.Errorf("article differs from %s:\ngot:\n%s\nwant:\n%s", want, got, w)
			}
		})
	}
	if n == 0 {
		t.Fatal("no golden inputs")
	}
}

// checkSpans verifies the paragraph spans: in order, inside Text, covering
// trimmed non-empty text, separated by exactly a blank line.
func checkSpans(t *testing.T, a *eventwire.Article) {
	t.Helper()
	prev := int32(-2)
	for i, sp := range a.Paragraphs {
		if sp.Start < 0 || sp.End > int32(len(a.Text)) || sp.Start >= sp.End {
			t.Fatalf("paragraph %d span %v outside text of %d bytes", i, sp, len(a.Text))
		}
		if sp.Start != prev+2 {
			t.Errorf("paragraph %d starts at %d, want %d", i, sp.Start, prev+2)
		}
		if i > 0 && a.Text[prev:sp.Start] != "\n\n" {
			t.Errorf("paragraph %d: separator %q", i, a.Text[prev:sp.Start])
		}
		p := a.Text[sp.Start:sp.End]
		if strings.TrimSpace(p) != p {
			t.Errorf("paragraph %d has surrounding space: %q", i, p)
		}
		prev = sp.End
	}
	if len(a.Paragraphs) > 0 && int(prev) != len(a.Text) {
		t.Errorf("last paragraph ends at %d, text is %d bytes", prev, len(a.Text))
	}
}

// TestNewsMetadata states by hand what the golden files must say about
// each page, so that a careless -update cannot bless a regression.
func TestNewsMetadata(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		published string
		byline    string
		credits   []string
		dateline  string
		language  string
		first     string // prefix of the first paragraph
		absent    []string
		present   []string
	}{
		{
			file: "ap-dateline.html", title: "Esper accuses China of intimidating neighbours",
			published: "2019-11-20T06:01:44-05:00", byline: "Robert Burns", credits: []string{"AP"},
			dateline: "HANOI, Vietnam", language: "en", first: "HANOI, Vietnam (AP) — U.S. Defense Secretary",
			absent:  []string{"Share this article", "contributed to this report", "You may also like", "Another story", "Copyright", "The defense secretary spoke", "By Robert Burns"},
			present: []string{"Hoa Lo prison"},
		},
		{
			file: "jsonld-reuters.html", title: "Oil prices rise after supply talks",
			published: "2020-03-06T14:05:00Z", byline: "Jane Doe, John Roe", credits: []string{"Reuters"},
			dateline: "LONDON", language: "en", first: "LONDON, March 6 (Reuters) - Oil prices rose",
			absent: []string{"Editing by"},
		},
		{
			file: "time-element.html", title: "Bundestag beschließt neues Gesetz", published: "2021-05-12",
			credits: []string{}, language: "de", first: "Der Bundestag hat am Mittwoch",
			absent: []string{"12. Mai 2021"},
		},
		{
			file: "cp1251.html", title: "Москва объявила о переговорах", credits: []string{},
			dateline: "МОСКВА", language: "ru", first: "МОСКВА, 23 декабря — Президент России",
			absent: []string{"\uFFFD"},
		},
		{
			file: "latin1.html", title: "Le café de la gare ferme ses portes", credits: []string{},
			language: "fr", first: "Après quarante ans d'activité", absent: []string{"\uFFFD", "Ã"},
		},
		{
			file: "plain-boilerplate.txt", title: "Flooding Forces Thousands From Homes In Northern Region",
			published: "2021-03-03", byline: "By Maria Lopez", credits: []string{"Reuters", "AFP"}, language: "en",
			first:   "Heavy rain forced thousands of people to leave their homes in the northern region on Wednesday, as rivers burst their banks and flooded several towns",
			absent:  []string{"Skip to", "Menu", "Politics", "Rescue workers carry", "Share on", "4x3 Image", "We provide", "Compiled from"},
			present: []string{"\"We have never seen water this high,\"", "Weather forecasters expect more rain over the weekend."},
		},
		{
			file: "plain-simple.txt", title: "Council Approves New Budget", credits: []string{}, language: "en",
			first: "The city council approved next year's budget",
		},
	}
	x := extract.New(extract.Options{})
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := x.Extract(context.Background(), goldenPage(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if a.Published != tt.published {
				t.Errorf("Published = %q, want %q", a.Published, tt.published)
			}
			if a.Byline != strings.TrimPrefix(tt.byline, "By ") {
				t.Errorf("Byline = %q, want %q", a.Byline, tt.byline)
			}
			if !reflect.DeepEqual(a.Credits, tt.credits) {
				t.Errorf("Credits = %q, want %q", a.Credits, tt.credits)
			}
			if a.Dateline != tt.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, tt.dateline)
			}
			if a.Language != tt.language {
				t.Errorf("Language = %q, want %q", a.Language, tt.language)
			}
			if len(a.Paragraphs) == 0 {
				t.Fatal("no paragraphs")
			}
			first := a.Text[a.Paragraphs[0].Start:a.Paragraphs[0].End]
			if !strings.HasPrefix(first, tt.first) {
				t.Errorf("first paragraph = %q, want prefix %q", first, tt.first)
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("text contains %q:\n%s", s, a.Text)
				}
			}
			for _, s := range tt.present {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, a.Text)
				}
			}
		})
	}
}
