package ingest_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/samples"
)

func TestSkipLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang      string
		languages []string
		want      bool
	}{
		{"en", nil, false},
		{"", nil, false}, // unknown is taken as English
		{"de", nil, true},
		{"ru", nil, true},
		{"de", []string{"en", "de"}, false},
		{"en", []string{"de"}, true},
		{"", []string{"de"}, false},
		{"fr", []string{}, true}, // an empty (non-nil) list accepts only unknown
	} {
		if got := ingest.SkipLanguage(tc.lang, tc.languages); got != tc.want {
			t.Errorf("SkipLanguage(%q, %q) = %v, want %v", tc.lang, tc.languages, got, tc.want)
		}
	}
}

// TestRunLanguages checks that articles in a language not accepted are
// stored without Doc or events, counted as skipped by language and not as
// failures, and that AnyLanguage and Languages let them through.
func TestRunLanguages(t *testing.T) {
	langPage := func(url, body, lang string) *eventwire.Page {
		p := page(url, body)
		p.Hints.Language = lang // textExtractor sets no language: the hint is it
		return p
	}
	for _, tc := range []struct {
		name      string
		languages []string
		any       bool
		skipped   map[string]int64
	}{
		{"default", nil, false, map[string]int64{"de": 2, "ru": 1}},
		{"en+de", []string{"en", "de"}, false, map[string]int64{"ru": 1}},
		{"any", nil, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			var coded atomic.Int64
			p := &ingest.Processor{Extractor: &textExtractor{}, Annotator: spaceAnnotator{}, Store: s,
				Languages: tc.languages, AnyLanguage: tc.any,
				Coders: []ingest.Coder{ingest.CoderFunc{N: "one", F: func(ctx context.Context, st *eventwire.Story) error {
					coded.Add(1)
					st.Events = []eventwire.Event{{}}
					return nil
				}}}}
			pages := []*eventwire.Page{
				langPage("https://a.example/en", "an English text", "en"),
				langPage("https://a.example/unknown", "short", ""),
				langPage("https://a.example/de1", "ein deutscher Text", "de"),
				langPage("https://a.example/de2", "noch ein deutscher Text", "de"),
				langPage("https://a.example/ru", "русский текст", "ru"),
			}
			src := &sliceSource{}
			for _, pg := range pages {
				src.items = append(src.items, pg)
			}
			var stories []*eventwire.Story
			var mu = make(chan struct{}, 1)
			sum, err := ingest.Run(ctx, src, p, ingest.RunOptions{Workers: 2, OnStory: func(st *eventwire.Story, created bool) {
				mu <- struct{}{}
				stories = append(stories, st)
				<-mu
			}})
			if err != nil {
				t.Fatal(err)
			}
			var nskip int64
			for _, n := range tc.skipped {
				nskip += n
			}
			want := ingest.Counts{Read: 5, Ingested: 5, Skipped: nskip, SkippedLanguages: tc.skipped}
			if !reflect.DeepEqual(sum.Counts, want) {
				t.Errorf("counts = %+v, want %+v", sum.Counts, want)
			}
			if got := coded.Load(); got != 5-nskip {
				t.Errorf("coder ran %d times, want %d", got, 5-nskip)
			}
			if len(stories) != 5 {
				t.Fatalf("%d stories, want 5", len(stories))
			}
			for _, st := range stories {
				got, err := s.Story(ctx, st.ID)
				if err != nil {
					t.Fatal(err)
				}
				lang := st.Article.Language
				skip := tc.skipped[lang] > 0
				if got.Article == nil || got.Article.Language != lang {
					t.Errorf("%s: stored article %+v, want language %q", st.Page.URL, got.Article, lang)
				}
				if skip != (got.Doc == nil) || skip != (len(got.Events) == 0) {
					t.Errorf("%s (%q): stored Doc %v, %d events; skipped = %v", st.Page.URL, lang, got.Doc != nil, len(got.Events), skip)
				}
				if sk := p.Skipped(st); (sk != "") != skip || (skip && sk != lang) {
					t.Errorf("%s: Skipped = %q, want skipped %v", st.Page.URL, sk, skip)
				}
			}
		})
	}
}

// TestDetectLanguage runs the real extractor on the 50 Wikinews demo
// articles and the RFE/RL sample (all English, many short) and on
// hand-written paragraphs in six other languages: no English article may
// be skipped, and each foreign one must be named.
func TestDetectLanguage(t *testing.T) {
	ctx := context.Background()
	x := extract.New(extract.Options{})
	detect := func(p *eventwire.Page) string {
		p.Hints.Language = "" // the detector alone decides
		a, err := x.Extract(ctx, p)
		if err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		return a.Language
	}
	var extra []*eventwire.Page
	rferl, err := samples.RFERL(filepath.Join("..", "..", "testdata", "samples"), nil)
	switch {
	case err == nil:
		extra = append(extra, rferl)
	case errors.Is(err, os.ErrNotExist):
		t.Log("RFE/RL sample absent; checking the Wikinews articles only")
	default:
		t.Fatal(err)
	}
	src := samples.Source(time.Now, extra...)
	defer src.Close()
	n := 0
	for {
		p, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if lang := detect(p); lang != "en" {
			t.Errorf("%s: detected %q, want en", p.URL, lang)
		}
	}
	if n < 50 {
		t.Errorf("checked %d sample articles, want at least 50", n)
	}
	for _, lang := range []string{"de", "fr", "es", "ru", "ar", "zh"} {
		b, err := os.ReadFile(filepath.Join("testdata", "language", lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		p := &eventwire.Page{URL: "file:///" + lang + ".txt", Body: b, ContentType: "text/plain; charset=utf-8"}
		if got := detect(p); got != lang {
			t.Errorf("%s.txt: detected %q (%.40s...)", lang, got, strings.TrimSpace(string(b)))
		}
	}
}

// TestNoStagesNoSkips checks that a Processor without annotator or coders
// (ingest --no-parse) counts no language skips: nothing was kept back.
func TestNoStagesNoSkips(t *testing.T) {
	s := openStore(t)
	p := &ingest.Processor{Extractor: &textExtractor{}, Store: s}
	pg := page("https://a.example/de", "ein deutscher Text")
	pg.Hints.Language = "de"
	sum, err := ingest.Run(context.Background(), &sliceSource{items: []any{pg}}, p, ingest.RunOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 1 || sum.Skipped != 0 || sum.SkippedLanguages != nil {
		t.Errorf("counts = %+v, want 1 ingested, 0 skipped", sum.Counts)
	}
}
