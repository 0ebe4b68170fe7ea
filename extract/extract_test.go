package extract_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

func TestExtractErrors(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
	tests := []struct {
		name string
		page eventwire.Page
		opts extract.Options
		want error
	}{
		{"empty", eventwire.Page{Body: nil}, extract.Options{}, eventwire.ErrNoContent},
		{"blank", eventwire.Page{Body: []byte(" \n\t\n ")}, extract.Options{}, eventwire.ErrNoContent},
		{"empty html", eventwire.Page{Body: []byte("<html><body></body></html>"), ContentType: "text/html"}, extract.Options{}, eventwire.ErrNoContent},
		{"png", eventwire.Page{Body: png}, extract.Options{}, eventwire.ErrUnsupported},
		{"pdf", eventwire.Page{Body: []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")}, extract.Options{}, eventwire.ErrUnsupported},
		{"gzip", eventwire.Page{Body: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")}, extract.Options{}, eventwire.ErrUnsupported},
		{"declared pdf", eventwire.Page{Body: []byte("\x00\x01\x02binary"), ContentType: "application/pdf"}, extract.Options{}, eventwire.ErrUnsupported},
		{"too large", eventwire.Page{Body: []byte(strings.Repeat("word ", 100))}, extract.Options{MaxBytes: 100}, eventwire.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := extract.New(tt.opts).Extract(context.Background(), &tt.page)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v (article %+v)", err, tt.want, a)
			}
		})
	}
}

func TestExtractCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := extract.New(extract.Options{}).Extract(ctx, &eventwire.Page{Body: []byte("Some text here.")})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestShortPageNotRepeated: on a page with under 100 characters of text,
// go-trafilatura's baseline returns the paragraphs and then all of them again
// run together in one more <p>; the text must appear once, or every event in
// it is coded twice.
func TestShortPageNotRepeated(t *testing.T) {
	tests := []struct {
		name, html string
		want       string
	}{
		{"one paragraph", `<html><body><p>Russia condemned Ukraine on Monday.</p></body></html>`,
			"Russia condemned Ukraine on Monday."},
		{"two paragraphs", `<html><body><p>Russia condemned Ukraine on Monday.</p><p>Second para here.</p></body></html>`,
			"Russia condemned Ukraine on Monday.\n\nSecond para here."},
		{"unclosed tags", `<html><body><p>Russia accused Ukraine <b><i><div><p>of shelling <table><tr><td>Kiev`,
			"Russia accused Ukraine\n\nof shelling Kiev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := eventwire.Page{URL: "https://example.com/a", Body: []byte(tt.html), ContentType: "text/html"}
			a, err := extract.New(extract.Options{}).Extract(context.Background(), &p)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.want {
				t.Errorf("text = %q, want %q", a.Text, tt.want)
			}
		})
	}
}
