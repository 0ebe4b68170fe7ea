package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/eventwire/eventwire"
)

// These tests look for items that a source drops without a page or an
// ItemError: every file, link and feed item given must come back as one or
// the other.

// TestDirSymlinks: a symbolic link to a file in a walked directory is read
// under the file's resolved path, and a file reached by two paths is read
// once (counted as skipped); a link to a directory is not followed (loops)
// but reported; a dangling link and a named pipe are reported. An input
// that is itself a link to a directory is walked.
func TestDirSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	in := filepath.Join(dir, "in")
	for _, d := range []string{real, filepath.Join(in, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(real, "a.txt"), []byte("Text a."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "sub", "b.txt"), []byte("Text b."), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"in/link.txt":   "../real/a.txt",
		"in/linkdir":    "../real",
		"in/loop":       "..",
		"in/dangling":   "nowhere.txt",
		"rootlink":      "in",
		"in/sub/up.txt": "../sub/b.txt",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	fifo := filepath.Join(in, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Logf("no named pipe (%v): not tested", err)
		fifo = ""
	}

	realDir, err := filepath.EvalSymlinks(dir) // pages are stored under resolved paths
	if err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{in, filepath.Join(dir, "rootlink")} {
		t.Run(filepath.Base(arg), func(t *testing.T) {
			src, err := Open(context.Background(), []string{arg}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			pages, errs := drain(t, src)
			var got []string
			for _, p := range pages {
				got = append(got, strings.TrimPrefix(p.URL, "file://"+realDir)+"="+string(p.Body))
			}
			want := []string{"/real/a.txt=Text a.", "/in/sub/b.txt=Text b."}
			if !slices.Equal(got, want) {
				t.Errorf("pages %q, want %q", got, want)
			}
			if n := src.(Skipper).SkippedRecords()["file reached by another path, read once"]; n != 1 {
				t.Errorf("%d files skipped as reached by another path, want 1 (sub/up.txt)", n)
			}
			failed := map[string]error{}
			for _, e := range errs {
				failed[strings.TrimPrefix(e.Item, "file://"+arg)] = e.Err
			}
			wantErr := map[string]error{"/linkdir": eventwire.ErrUnsupported, "/loop": eventwire.ErrUnsupported,
				"/dangling": os.ErrNotExist}
			if fifo != "" {
				wantErr["/pipe"] = eventwire.ErrUnsupported
			}
			if len(failed) != len(wantErr) {
				t.Errorf("errors %v, want %v", errs, wantErr)
			}
			for item, want := range wantErr {
				if !errors.Is(failed[item], want) {
					t.Errorf("%s: error %v, want %v", item, failed[item], want)
				}
			}
		})
	}
}

// TestInputErrorItem: a file named on the command line that fails is
// reported under its file:// URL, as a file found in a directory is and as
// its page would be stored, so that a later success clears the failure.
func TestInputErrorItem(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("empty.html", nil, 0o644)
	src, err := Open(context.Background(), []string{"empty.html", "missing.html"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	_, errs := drain(t, src)
	abs, _ := filepath.Abs(".")
	want := []string{"file://" + filepath.Join(abs, "empty.html"), "file://" + filepath.Join(abs, "missing.html")}
	var got []string
	for _, e := range errs {
		got = append(got, e.Item)
	}
	if !slices.Equal(got, want) {
		t.Errorf("failed items %q, want %q", got, want)
	}
}

// TestFeedOverCap: a feed with more items than MaxFeedItems yields the
// first MaxFeedItems and one error saying how many were left out.
func TestFeedOverCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
	n := MaxFeedItems + 7
	for i := range n {
		fmt.Fprintf(&b, "<item><title>S%d</title><link>https://news.example/%d</link></item>", i, i)
	}
	b.WriteString("<item><title>No link</title></item></channel></rss>")
	p := &eventwire.Page{URL: "https://news.example/feed.xml", Body: []byte(b.String())}
	src, err := newFeedSource(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages, errs := drain(t, src) // no fetcher: every item is an error
	if len(pages) != 0 || len(errs) != MaxFeedItems+1 {
		t.Fatalf("%d pages, %d errors, want 0 and %d", len(pages), len(errs), MaxFeedItems+1)
	}
	last := errs[len(errs)-1]
	if last.Item != p.URL || !errors.Is(last, eventwire.ErrTooLarge) || !strings.Contains(last.Error(), " 8 items after the first 10000") {
		// 7 linked items and the link-less one come after the cap.
		t.Errorf("last error %v (item %s), want the 8 items over the cap, on the feed", last, last.Item)
	}
}

// TestFeedNoLink: items without a usable link (none, mailto:, relative in
// a feed file, which has no URL to resolve them against) are reported in
// one error after the items.
func TestFeedNoLink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "saved.rss")
	if err := os.WriteFile(path, []byte(rss), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := Open(context.Background(), []string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pages, errs := drain(t, src)
	// No fetcher: the one absolute link is a fetch error.
	if len(pages) != 0 || len(errs) != 2 || errs[0].Item != "https://news.example/iran" {
		t.Fatalf("pages %d, errors %v; want the iran item's fetch error and the dropped items", len(pages), errs)
	}
	if e := errs[1]; e.Item != "file://"+path || !errors.Is(e, eventwire.ErrInvalid) ||
		!strings.Contains(e.Error(), "3 items without an http(s) link") {
		t.Errorf("error %v (item %s), want 3 items without a link, on the feed file", e, e.Item)
	}
}

// TestSkippedRecords: WARC records that are not pages are counted by
// reason, and the counts add up over the files of a directory and the
// inputs of a run.
func TestSkippedRecords(t *testing.T) {
	dir := t.TempDir()
	var a, b bytes.Buffer
	wa := NewWARCWriter(&a, true)
	wa.WriteRecord("warcinfo", "", when, "application/warc-fields", []byte("software: test\r\n"))
	wa.WriteRecord("request", "https://a.example/1", when, "application/http; msgtype=request", []byte("GET /1 HTTP/1.1\r\n\r\n"))
	wa.WriteResponse("https://a.example/1", when, []byte(html), "Content-Type: text/html")
	wa.WriteRecord("response", "https://a.example/404", when, "application/http; msgtype=response",
		[]byte("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"))
	wb := NewWARCWriter(&b, false)
	wb.WriteResponse("https://a.example/img", when, []byte("\x89PNG\r\n\x1a\n"), "Content-Type: image/png")
	wb.WriteRecord("response", "https://a.example/dns", when, "text/dns", []byte("a.example. 300 IN A 192.0.2.1\r\n"))
	wb.WriteRecord("metadata", "https://a.example/1", when, "application/warc-fields", []byte("x: y\r\n"))
	os.MkdirAll(filepath.Join(dir, "in"), 0o755)
	os.WriteFile(filepath.Join(dir, "in", "a.warc.gz"), a.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "b.warc"), b.Bytes(), 0o644)
	src, err := Open(context.Background(), []string{filepath.Join(dir, "in"), filepath.Join(dir, "b.warc")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pages, errs := drain(t, src)
	if len(pages) != 1 || len(errs) != 0 {
		t.Fatalf("%d pages, errors %v; want 1 page", len(pages), errs)
	}
	got := src.(Skipper).SkippedRecords()
	want := map[string]int64{SkipNotResponse: 3, SkipStatus: 1, SkipMediaType: 1, SkipNotHTTP: 1}
	if !maps.Equal(got, want) {
		t.Errorf("skipped %v, want %v", got, want)
	}
}
