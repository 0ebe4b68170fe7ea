package source

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := strings.Join([]string{
		`{"id":"a","url":"https://en.wikinews.org/wiki/A","title":"A title","published":"2020-01-05","text":"First paragraph.\n\nSecond."}`,
		``,
		`{"id":"b","title":"No URL","text":"Body b."}`,
		`not json`,
		`{"url":"https://x.example/empty","text":"   "}`,
		`{"url":"https://x.example/h","html":"<p>hi</p>","text":"ignored"}`,
		`{"url":"https://x.example/long","text":"` + strings.Repeat("x", 300) + `"}`,
		`{"url":"https://x.example/last","text":"no newline at the end"}`,
	}, "\n")
	path := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.jsonl", "a.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if strings.HasSuffix(name, ".gz") {
				os.WriteFile(p, gz([]byte(lines)), 0o644)
			}
			src, err := OpenJSONL(p, Options{Limits: Limits{MaxBytes: 200}})
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			pages, errs := drain(t, src)
			var urls []string
			for _, pg := range pages {
				urls = append(urls, pg.URL)
			}
			want := []string{"https://en.wikinews.org/wiki/A", fileURL(p) + "#b", "https://x.example/h", "https://x.example/last"}
			if strings.Join(urls, " ") != strings.Join(want, " ") {
				t.Fatalf("URLs = %v, want %v", urls, want)
			}
			a := pages[0]
			if string(a.Body) != "First paragraph.\n\nSecond." || a.ContentType != "text/plain; charset=utf-8" ||
				a.Hints.Title != "A title" || a.Hints.Published != "2020-01-05" {
				t.Errorf("page a = %+v", a)
			}
			if pages[2].ContentType != "text/html; charset=utf-8" || string(pages[2].Body) != "<p>hi</p>" {
				t.Errorf("html page = %+v", pages[2])
			}
			wantErrs := []struct {
				line int
				err  error
			}{{4, eventwire.ErrInvalid}, {5, eventwire.ErrNoContent}, {7, eventwire.ErrTooLarge}}
			if len(errs) != len(wantErrs) {
				t.Fatalf("errors = %v, want %d", errs, len(wantErrs))
			}
			for i, e := range errs {
				if !errors.Is(e, wantErrs[i].err) || !strings.HasSuffix(e.Item, ":"+strconv.Itoa(wantErrs[i].line)) {
					t.Errorf("error %d = %v (item %s), want %v at line %d", i, e, e.Item, wantErrs[i].err, wantErrs[i].line)
				}
			}
		})
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"url":"https://a.example/1","title":"T","published":"2020-01-01","text":"Body."}`))
	f.Add([]byte(`{"id":"x","html":"<p>x</p>"}`))
	f.Add([]byte(`{"url":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParseJSONLRecord(b, "fuzz.jsonl", 1, time.Time{})
		if err != nil {
			if !errors.Is(err, eventwire.ErrInvalid) && !errors.Is(err, eventwire.ErrNoContent) {
				t.Fatalf("error %v is neither ErrInvalid nor ErrNoContent", err)
			}
			return
		}
		if p.URL == "" || len(strings.TrimSpace(string(p.Body))) == 0 {
			t.Fatalf("page without URL or body: %+v", p)
		}
	})
}
