package source

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	full := gz([]byte(html))
	tests := []struct {
		name, file string
		body       []byte
		want       string // body, when no error
		wantCT     string
		err        error
		errText    string
	}{
		{"html", "a.html", []byte(html), html, "text/html", nil, ""},
		{"text", "a.txt", []byte("Plain news."), "Plain news.", "text/plain", nil, ""},
		{"sniffed html", "page", []byte(html), html, "text/html; charset=utf-8", nil, ""},
		{"gz", "a.html.gz", full, html, "text/html", nil, ""},
		{"gz magic without suffix", "b.html", full, html, "text/html", nil, ""},
		{"invalid utf-8 passes", "c.txt", []byte("caf\xe9 news"), "caf\xe9 news", "text/plain", nil, ""},
		{"empty", "empty.html", nil, "", "", eventwire.ErrNoContent, ""},
		{"blank", "blank.txt", []byte(" \n\t\n"), "", "", eventwire.ErrNoContent, ""},
		{"binary", "x.bin", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), "", "", eventwire.ErrUnsupported, ""},
		{"png", "x.html", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", "", eventwire.ErrUnsupported, ""},
		{"truncated gz", "t.html.gz", full[:len(full)-10], "", "", nil, "gzip"},
		{"gzip bomb", "bomb.html.gz", gz(make([]byte, 2<<20)), "", "", eventwire.ErrTooLarge, "bomb"},
		{"too large", "big.html", bytes.Repeat([]byte("a"), 1<<20+1), "", "", eventwire.ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(tt.file, tt.body)
			page, err := ReadFile(p, Options{Limits: Limits{MaxBytes: 1 << 20}})
			if tt.err != nil || tt.errText != "" {
				if err == nil {
					t.Fatalf("no error, page %.40q", page.Body)
				}
				if tt.err != nil && !errors.Is(err, tt.err) {
					t.Errorf("err = %v, want %v", err, tt.err)
				}
				if !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("err = %v, want it to mention %q", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(page.Body) != tt.want || page.ContentType != tt.wantCT || page.URL != "file://"+p {
				t.Errorf("page = %s %q %.40q", page.URL, page.ContentType, page.Body)
			}
		})
	}
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a.html":           []byte(html),
		"sub/b.txt":        []byte("Text b."),
		"sub/deeper/c.gz":  gz([]byte("Text c.")),
		"sub/empty.txt":    nil,
		".hidden/x.html":   []byte(html),
		"sub/.swp":         []byte("x"),
		"sub/news.jsonl":   []byte(`{"url":"https://x.example/j","text":"J."}` + "\n"),
		"sub/crawl.warc":   nil,
		"sub/zzz/bin.data": []byte("\x00\x01\x02\x03"),
	}
	var warc bytes.Buffer
	NewWARCWriter(&warc, false).WriteResponse("https://x.example/w", when, []byte(html), "Content-Type: text/html")
	files["sub/crawl.warc"] = warc.Bytes()
	for name, b := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := Open(context.Background(), []string{dir, filepath.Join(dir, "does-not-exist")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pages, errs := drain(t, src)
	var urls []string
	for _, p := range pages {
		urls = append(urls, strings.TrimPrefix(p.URL, "file://"+dir))
	}
	want := "/a.html /sub/b.txt https://x.example/w /sub/deeper/c.gz https://x.example/j"
	if strings.Join(urls, " ") != want {
		t.Errorf("pages = %v, want %s", urls, want)
	}
	if len(errs) != 3 {
		t.Fatalf("errors = %v, want empty, binary, missing", errs)
	}
	if !errors.Is(errs[0], eventwire.ErrNoContent) || !errors.Is(errs[1], eventwire.ErrUnsupported) ||
		!errors.Is(errs[2], os.ErrNotExist) {
		t.Errorf("errors = %v", errs)
	}
}

func TestProgress(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("Text "+n), 0o644)
	}
	one, _ := Open(context.Background(), []string{dir}, Options{})
	defer one.Close()
	one.Next(context.Background())
	if d, tot, u := one.(Progresser).Progress(); d != 1 || tot != 3 || u != "files" {
		t.Errorf("one dir after one page: %d of %d %s, want 1 of 3 files", d, tot, u)
	}
	two, _ := Open(context.Background(), []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}, Options{})
	defer two.Close()
	two.Next(context.Background())
	two.Next(context.Background())
	if d, tot, u := two.(Progresser).Progress(); d != 1 || tot != 2 || u != "inputs" {
		t.Errorf("two files after two pages: %d of %d %s, want 1 of 2 inputs", d, tot, u)
	}
}
