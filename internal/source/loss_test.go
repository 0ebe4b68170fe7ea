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
	"strconv"
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

// warcPart is one piece of a WARC file built by a test: a record, or
// garbage between records.
type warcPart struct {
	data []byte
	rec  int  // index of the record, -1 for garbage
	raw  bool // in a WARC.gz, written as is rather than as a gzip member
}

// TestWARCNothingLost damages a WARC of 50 records, plain and gzip per
// record, in the ways a writer or a disk goes wrong: a Content-Length too
// long (running into the next records, or holding the next one whole, or
// over the end), too short, the file cut inside the last record, garbage
// between records. Every record must come out as a page, a passed-over
// record, or a failure that names its offset: read + passed + failed ==
// records. Garbage is one error with its offset, and costs no record.
// Before, a plain WARC with one Content-Length 500 bytes too long gave 48
// pages and no failure.
func TestWARCNothingLost(t *testing.T) {
	const n = 50
	record := func(i int, bodySize int) []byte {
		var b bytes.Buffer
		w := NewWARCWriter(&b, false)
		if i%5 == 3 { // a request record, passed over
			w.WriteRecord("request", fmt.Sprintf("https://a.example/%d", i), when, "application/http; msgtype=request",
				[]byte(fmt.Sprintf("GET /%d HTTP/1.1\r\nHost: a.example\r\n\r\n", i)))
			return b.Bytes()
		}
		body := fmt.Sprintf("<html><body><p>Story %d: ministers met in Geneva on day %d of the talks.</p>%s</body></html>",
			i, i*7, strings.Repeat("<p>More of the story.</p>\n", bodySize/26))
		w.WriteResponse(fmt.Sprintf("https://a.example/%d", i), when, []byte(body), "Content-Type: text/html")
		return b.Bytes()
	}
	// length changes the Content-Length of a record by delta.
	length := func(rec []byte, delta int) []byte {
		i := bytes.Index(rec, []byte("Content-Length: ")) + len("Content-Length: ")
		j := i + bytes.IndexByte(rec[i:], '\r')
		cl, _ := strconv.Atoi(string(rec[i:j]))
		return slices.Concat(rec[:i], []byte(strconv.Itoa(cl+delta)), rec[j:])
	}
	type want struct {
		failed []int // records that fail, in order
		// overrun is a record whose Content-Length is too long by this
		// many bytes: the records more than maxOverrun before the end
		// of its block are reported lost, after it.
		overrun, by int
	}
	tests := []struct {
		name     string
		bodySize int
		damage   func(parts []warcPart) []warcPart
		want     want
	}{
		{"intact", 0, func(p []warcPart) []warcPart { return p }, want{}},
		{"length +500", 0, func(p []warcPart) []warcPart {
			p[20].data = length(p[20].data, 500)
			return p
		}, want{failed: []int{20}}},
		{"length +500 on a request record", 0, func(p []warcPart) []warcPart {
			p[23].data = length(p[23].data, 500)
			return p
		}, want{failed: []int{23}}},
		{"length -30", 0, func(p []warcPart) []warcPart {
			p[20].data = length(p[20].data, -30)
			return p
		}, want{failed: []int{20}}},
		{"length -1", 0, func(p []warcPart) []warcPart {
			p[20].data = length(p[20].data, -1)
			return p
		}, want{failed: []int{20}}},
		{"length +2, the CR LF CR LF cut", 0, func(p []warcPart) []warcPart {
			p[20].data = length(p[20].data, 2)
			return p
		}, want{failed: []int{20}}},
		{"length +6, into the next version line", 0, func(p []warcPart) []warcPart {
			p[20].data = length(p[20].data, 6)
			return p
		}, want{failed: []int{20}}},
		{"length holds the next record whole", 0, func(p []warcPart) []warcPart {
			p[20].data = length(p[20].data, len(p[21].data))
			return p
		}, want{failed: []int{20}}},
		{"length +500 on the next to last, over the end", 0, func(p []warcPart) []warcPart {
			p[48].data = length(p[48].data, 500)
			return p
		}, want{failed: []int{48}}},
		{"length +1.3 MB, over records more than maxOverrun back", 40 << 10, func(p []warcPart) []warcPart {
			p[5].data = length(p[5].data, 1300<<10)
			return p
		}, want{failed: []int{5}, overrun: 5, by: 1300 << 10}},
		{"truncated at the end", 0, func(p []warcPart) []warcPart {
			p[49].data = p[49].data[:len(p[49].data)-50]
			return p
		}, want{failed: []int{49}}},
		{"garbage between records", 0, func(p []warcPart) []warcPart {
			return slices.Insert(p, 21, warcPart{rec: -1, data: []byte("this is not a record\r\nnor is this\r\n\r\n")})
		}, want{}},
		{"zero bytes between records", 0, func(p []warcPart) []warcPart {
			return slices.Insert(p, 21, warcPart{rec: -1, data: make([]byte, 1000)})
		}, want{}},
		{"zero bytes at the end", 0, func(p []warcPart) []warcPart {
			return append(p, warcPart{rec: -1, data: make([]byte, 4096)})
		}, want{}},
	}
	for _, tt := range tests {
		for _, gzipped := range []bool{false, true} {
			name := tt.name
			if gzipped {
				name += ", gzip"
			}
			t.Run(name, func(t *testing.T) {
				parts := make([]warcPart, n)
				for i := range parts {
					parts[i] = warcPart{rec: i, data: record(i, tt.bodySize)}
				}
				parts = tt.damage(parts)
				// In a WARC.gz, a record cut short is a gzip member
				// cut short; garbage is bytes between members.
				if gzipped && tt.name == "truncated at the end" {
					parts[len(parts)-1].data = record(49, tt.bodySize)
				}
				for i := range parts {
					if parts[i].rec < 0 {
						parts[i].raw = true
					}
				}
				var file bytes.Buffer
				var text int64
				type where struct{ offset, member int64 }
				at := map[int]where{} // record or garbage (-1-i) -> where
				for i, p := range parts {
					key := p.rec
					if p.rec < 0 {
						key = -1 - i
					}
					switch {
					case !gzipped:
						at[key] = where{int64(file.Len()), -1}
						file.Write(p.data)
					case p.raw:
						at[key] = where{-1, int64(file.Len())}
						file.Write(p.data)
					default:
						at[key] = where{text, int64(file.Len())}
						z := gz(p.data)
						if tt.name == "truncated at the end" && i == len(parts)-1 {
							z = z[:len(z)/2]
						}
						file.Write(z)
					}
					if !p.raw || !gzipped {
						text += int64(len(p.data))
					}
				}

				src, err := NewWARC(bytes.NewReader(file.Bytes()), "t.warc", Options{})
				if err != nil {
					t.Fatal(err)
				}
				pages, errs := drain(t, src)
				got := map[int]bool{}
				for _, p := range pages {
					var i int
					fmt.Sscanf(p.URL, "https://a.example/%d", &i)
					if !strings.Contains(string(p.Body), fmt.Sprintf("Story %d: ", i)) || !strings.HasSuffix(string(p.Body), "</html>") {
						t.Errorf("page %s has a damaged body %.80q...%q", p.URL, p.Body, p.Body[max(0, len(p.Body)-40):])
					}
					got[i] = true
				}
				var failed, garbage []where
				for _, e := range errs {
					var re *RecordError
					if !errors.As(e, &re) {
						t.Errorf("error %v is not a *RecordError", e)
						continue
					}
					if errors.Is(e, ErrGarbage) {
						garbage = append(garbage, where{re.Offset, re.Member})
					} else {
						failed = append(failed, where{re.Offset, re.Member})
					}
				}
				passed := src.SkippedRecords()[SkipNotResponse]
				if int64(len(pages))+passed+int64(len(failed)) != n {
					t.Errorf("%d pages + %d passed over + %d failed != %d records; errors:\n%v", len(pages), passed, len(failed), n, errs)
				}
				var wantFailed, wantGarbage []where
				bad := map[int]bool{}
				wantBad := tt.want.failed
				if o := tt.want.overrun; o > 0 {
					end := at[o].offset + int64(len(parts[o].data)-len("\r\n\r\n")+tt.want.by)
					for i := o + 1; i < n && at[i].offset < end-maxOverrun; i++ {
						wantBad = append(wantBad, i)
					}
				}
				for _, i := range wantBad {
					wantFailed = append(wantFailed, at[i])
					bad[i] = true
				}
				for i, p := range parts {
					if p.rec < 0 {
						wantGarbage = append(wantGarbage, at[-1-i])
					}
				}
				if !slices.Equal(failed, wantFailed) {
					t.Errorf("failures at %v, want %v; errors:\n%v", failed, wantFailed, errs)
				}
				if !slices.Equal(garbage, wantGarbage) {
					t.Errorf("garbage at %v, want %v; errors:\n%v", garbage, wantGarbage, errs)
				}
				for i := range n {
					if i%5 != 3 && !bad[i] && !got[i] {
						t.Errorf("record %d: no page", i)
					}
				}
				if len(errs) > 0 {
					t.Log(errs)
				}
			})
		}
	}
}

// TestWARCOverrunChain: when every record's Content-Length runs 50 KB over
// the next ones, going back to the next record after each would read the
// file once per record. The reader reads it at most twice, and still
// accounts for every record.
func TestWARCOverrunChain(t *testing.T) {
	const n = 400
	var file bytes.Buffer
	var starts []int64
	for i := range n {
		starts = append(starts, int64(file.Len()))
		var b bytes.Buffer
		NewWARCWriter(&b, false).WriteResponse(fmt.Sprintf("https://a.example/%d", i), when,
			[]byte(fmt.Sprintf("<html><body><p>Story %d.</p></body></html>", i)), "Content-Type: text/html")
		rec := b.Bytes()
		i := bytes.Index(rec, []byte("Content-Length: ")) + len("Content-Length: ")
		j := i + bytes.IndexByte(rec[i:], '\r')
		cl, _ := strconv.Atoi(string(rec[i:j]))
		file.Write(slices.Concat(rec[:i], []byte(strconv.Itoa(cl+50_000)), rec[j:]))
	}
	src, err := NewWARC(bytes.NewReader(file.Bytes()), "chain.warc", Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages, errs := drain(t, src)
	failed := 0
	var at []int64
	for _, e := range errs {
		var re *RecordError
		if !errors.As(e, &re) || !errors.Is(e, ErrCorruptRecord) {
			t.Errorf("error %v, want corrupt records only", e)
			continue
		}
		at = append(at, re.Offset)
		failed++
	}
	slices.Sort(at)
	if len(pages) == 0 && !slices.Equal(at, starts) {
		t.Errorf("failures at %v, want one at each record, %v", at, starts)
	}
	if len(pages)+failed != n {
		t.Errorf("%d pages + %d failed != %d records", len(pages), failed, n)
	}
	if src.r.reread > int64(file.Len()) {
		t.Errorf("read %d bytes again, more than the %d of the file", src.r.reread, file.Len())
	}
	t.Logf("%d pages, %d failed, %d bytes read again of %d", len(pages), failed, src.r.reread, file.Len())
}
