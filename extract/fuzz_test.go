package extract_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

// fuzzSeeds are the golden inputs plus small awkward pages.
func fuzzSeeds(f *testing.F) [][]byte {
	seeds := [][]byte{
		[]byte(""),
		[]byte("<"),
		[]byte("<html><body><p>Short.</p></body></html>"),
		[]byte("<p>" + strings.Repeat("<div>", 200) + "deep" + "</p>"),
		[]byte("<p>" + strings.Repeat("<div><span></b>", 300) + "<p>deeper</p>" + strings.Repeat("</span></div>", 300)),
		[]byte("\xff\xfe<\x00p\x00>\x00"),
		[]byte("WASHINGTON (AP) — A\n\n— AP\n"),
		[]byte("\x00\x01\x02\x03"),
		[]byte(`<script type="application/ld+json">{"@graph":[{"datePublished":"2019"}]}</script><p>x</p>`),
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.*"))
	for _, f := range files {
		if strings.HasSuffix(f, ".json") {
			continue
		}
		if b, err := os.ReadFile(f); err == nil {
			seeds = append(seeds, b)
		}
	}
	return seeds
}

// FuzzExtract checks that no input makes Extract panic, and that every
// article it returns is well formed: valid UTF-8, paragraph spans in order
// inside the text. It runs the input as HTML, as plain text and undeclared.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	x := extract.New(extract.Options{MaxBytes: 1 << 20})
	f.Fuzz(func(t *testing.T, body []byte, kind uint8) {
		ct := [...]string{"", "text/html", "text/plain", "text/html; charset=windows-1251"}[kind%4]
		a, err := x.Extract(context.Background(), &eventwire.Page{URL: "https://example.com/2020/01/02/x", Body: body, ContentType: ct})
		if err != nil {
			if !errors.Is(err, eventwire.ErrNoContent) && !errors.Is(err, eventwire.ErrUnsupported) &&
				!errors.Is(err, eventwire.ErrTooLarge) && !strings.Contains(err.Error(), "internal error") {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		for name, s := range map[string]string{"text": a.Text, "title": a.Title, "byline": a.Byline, "dateline": a.Dateline} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Fatal("article with empty text returned without ErrNoContent")
		}
		end := int32(0)
		for _, sp := range a.Paragraphs {
			if sp.Start < end || sp.End <= sp.Start || sp.End > int32(len(a.Text)) {
				t.Fatalf("bad span %v (previous end %d, text %d bytes)", sp, end, len(a.Text))
			}
			end = sp.End
		}
	})
}
