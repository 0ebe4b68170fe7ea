package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

var when = time.Date(2020, 1, 5, 10, 0, 0, 0, time.UTC)

const html = "<html><head><title>T</title></head><body><p>Hello world.</p></body></html>"

// drain reads every page and item error of src.
func drain(t testing.TB, src eventwire.Source) (pages []*eventwire.Page, errs []*eventwire.ItemError) {
	t.Helper()
	for i := 0; i < 100000; i++ {
		p, err := src.Next(context.Background())
		if err == io.EOF {
			return pages, errs
		}
		var ie *eventwire.ItemError
		if errors.As(err, &ie) {
			errs = append(errs, ie)
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		pages = append(pages, p)
	}
	t.Fatal("source does not end")
	return nil, nil
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func chunked(b []byte) []byte {
	var buf bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 10)
		fmt.Fprintf(&buf, "%x\r\n%s\r\n", n, b[:n])
		b = b[n:]
	}
	buf.WriteString("0\r\n\r\n")
	return buf.Bytes()
}

func TestWARC(t *testing.T) {
	type page struct{ url, body string }
	tests := []struct {
		name  string
		write func(w *WARCWriter, raw *bytes.Buffer)
		gz    bool
		pages []page
		errs  []string // substrings of the item errors, in order
	}{
		{
			name: "plain",
			write: func(w *WARCWriter, _ *bytes.Buffer) {
				w.WriteRecord("warcinfo", "", when, "application/warc-fields", []byte("software: test\r\n"))
				w.WriteRecord("request", "https://a.example/1", when, "application/http; msgtype=request", []byte("GET /1 HTTP/1.1\r\n\r\n"))
				w.WriteResponse("https://a.example/1", when, []byte(html), "Content-Type: text/html; charset=utf-8")
				w.WriteResponse("https://a.example/2", when, []byte("plain text page"), "Content-Type: text/plain")
			},
			pages: []page{{"https://a.example/1", html}, {"https://a.example/2", "plain text page"}},
		},
		{
			name: "gzip per record, skips",
			gz:   true,
			write: func(w *WARCWriter, _ *bytes.Buffer) {
				w.WriteRecord("response", "https://a.example/404", when, "application/http; msgtype=response",
					[]byte("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"))
				w.WriteResponse("https://a.example/img", when, []byte("\x89PNG\r\n\x1a\n"), "Content-Type: image/png")
				w.WriteRecord("metadata", "https://a.example/1", when, "application/warc-fields", []byte("x: y\r\n"))
				w.WriteResponse("https://a.example/1", when, []byte(html), "Content-Type: text/html")
			},
			pages: []page{{"https://a.example/1", html}},
		},
		{
			name: "chunked and gzip payload",
			gz:   true,
			write: func(w *WARCWriter, _ *bytes.Buffer) {
				w.WriteResponse("https://a.example/c", when, chunked([]byte(html)), "Content-Type: text/html", "Transfer-Encoding: chunked")
				w.WriteResponse("https://a.example/g", when, gz([]byte(html)), "Content-Type: text/html", "Content-Encoding: gzip")
				w.WriteResponse("https://a.example/cg", when, chunked(gz([]byte(html))), "Content-Type: text/html",
					"Transfer-Encoding: chunked", "Content-Encoding: gzip")
			},
			pages: []page{{"https://a.example/c", html}, {"https://a.example/g", html}, {"https://a.example/cg", html}},
		},
		{
			name: "corrupt record then resync",
			write: func(w *WARCWriter, raw *bytes.Buffer) {
				w.WriteResponse("https://a.example/1", when, []byte(html), "Content-Type: text/html")
				raw.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\njunk junk\r\n\r\n")
				w.WriteResponse("https://a.example/2", when, []byte(html), "Content-Type: text/html")
			},
			pages: []page{{"https://a.example/1", html}, {"https://a.example/2", html}},
			errs:  []string{"bad Content-Length"},
		},
		{
			name: "bad payloads",
			write: func(w *WARCWriter, _ *bytes.Buffer) {
				w.WriteResponse("https://a.example/bomb", when, gz(make([]byte, 3<<20)), "Content-Type: text/html", "Content-Encoding: gzip")
				w.WriteResponse("https://a.example/br", when, []byte("xx"), "Content-Type: text/html", "Content-Encoding: br")
				w.WriteResponse("https://a.example/big", when, bytes.Repeat([]byte("a"), 2<<20), "Content-Type: text/html")
				w.WriteResponse("https://a.example/empty", when, nil, "Content-Type: text/html")
				w.WriteResponse("https://a.example/ok", when, []byte(html), "Content-Type: text/html")
			},
			pages: []page{{"https://a.example/ok", html}},
			errs:  []string{"gzip bomb", "content-encoding", "over", "empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw bytes.Buffer
			tt.write(NewWARCWriter(&raw, tt.gz), &raw)
			w, err := NewWARC(bytes.NewReader(raw.Bytes()), "test.warc", Options{Limits: Limits{MaxBytes: 1 << 20}})
			if err != nil {
				t.Fatal(err)
			}
			pages, errs := drain(t, w)
			if len(pages) != len(tt.pages) {
				t.Fatalf("got %d pages, want %d (errors %v)", len(pages), len(tt.pages), errs)
			}
			for i, p := range pages {
				if p.URL != tt.pages[i].url || string(p.Body) != tt.pages[i].body {
					t.Errorf("page %d = %s %.40q, want %s %.40q", i, p.URL, p.Body, tt.pages[i].url, tt.pages[i].body)
				}
				if !p.FetchedAt.Equal(when) || p.Origin != "warc:test.warc" {
					t.Errorf("page %d: FetchedAt %v Origin %q", i, p.FetchedAt, p.Origin)
				}
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("item errors = %v, want %d like %q", errs, len(tt.errs), tt.errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %v, want it to mention %q", i, e, tt.errs[i])
				}
			}
		})
	}
}

// TestWARCTruncated cuts a multi-member WARC.gz at every few bytes: the
// records before the cut come out whole, then one error, and never a panic
// or a partial page.
func TestWARCTruncated(t *testing.T) {
	var raw bytes.Buffer
	w := NewWARCWriter(&raw, true)
	boundary := map[int]bool{}
	for i := 0; i < 5; i++ {
		w.WriteResponse(fmt.Sprintf("https://a.example/%d", i), when, []byte(html), "Content-Type: text/html")
		boundary[raw.Len()] = true
	}
	full := raw.Bytes()
	for cut := 1; cut < len(full); cut += 7 {
		src, err := NewWARC(bytes.NewReader(full[:cut]), "t", Options{})
		if err != nil {
			continue // cut inside the first gzip header
		}
		pages, errs := drain(t, src)
		for _, p := range pages {
			if string(p.Body) != html {
				t.Fatalf("cut %d: partial page %q", cut, p.Body)
			}
		}
		if len(pages) == 5 || boundary[cut] {
			continue // all records, or a cut between gzip members
		}
		if len(errs) != 1 {
			t.Fatalf("cut %d: %d pages, errors %v; want one error", cut, len(pages), errs)
		}
	}
}

func FuzzWARC(f *testing.F) {
	var raw bytes.Buffer
	w := NewWARCWriter(&raw, false)
	w.WriteResponse("https://a.example/1", when, []byte(html), "Content-Type: text/html")
	w.WriteResponse("https://a.example/c", when, chunked([]byte(html)), "Content-Type: text/html", "Transfer-Encoding: chunked")
	f.Add(raw.Bytes())
	var zraw bytes.Buffer
	NewWARCWriter(&zraw, true).WriteResponse("https://a.example/g", when, gz([]byte(html)), "Content-Type: text/html", "Content-Encoding: gzip")
	f.Add(zraw.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	// Three gzip members, the middle one damaged.
	var three bytes.Buffer
	w3 := NewWARCWriter(&three, true)
	var mid int
	for i := range 3 {
		if i == 1 {
			mid = three.Len()
		}
		w3.WriteResponse(fmt.Sprintf("https://a.example/%d", i), when, []byte(html), "Content-Type: text/html")
	}
	damaged := bytes.Clone(three.Bytes())
	damaged[mid+40] ^= 0xFF
	f.Add(damaged)
	// Wrong Content-Lengths: too long (into the next record), too short.
	for _, cl := range []string{"Content-Length: 400", "Content-Length: 20"} {
		f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\n" + cl + "\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>a</p>\r\n\r\n" +
			"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n\x00\x00WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := NewWARC(bytes.NewReader(b), "fuzz", Options{Limits: Limits{MaxBytes: 1 << 20}})
		if err != nil {
			return
		}
		for i := 0; i < 1000; i++ {
			p, err := src.Next(context.Background())
			if err == io.EOF {
				return
			}
			if err == nil && (p.URL == "" || len(p.Body) == 0) {
				t.Fatalf("page without URL or body: %+v", p)
			}
		}
	})
}

func BenchmarkWARCRead(b *testing.B) {
	var raw bytes.Buffer
	w := NewWARCWriter(&raw, true)
	body := []byte(strings.Repeat("<p>Protesters gathered in the capital on Sunday. </p>\n", 100))
	const n = 200
	for i := 0; i < n; i++ {
		w.WriteResponse(fmt.Sprintf("https://a.example/%d", i), when, body, "Content-Type: text/html")
	}
	// Bytes are the uncompressed page bodies, so MB/s is content throughput.
	b.SetBytes(int64(n * len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src, _ := NewWARC(bytes.NewReader(raw.Bytes()), "bench", Options{})
		pages, errs := drain(b, src)
		if len(pages) != n || len(errs) != 0 {
			b.Fatalf("%d pages, %v", len(pages), errs)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestWARCCorruptMember flips, one at a time, each byte of a record's gzip
// member in a WARC.gz of one member per record (CC-NEWS): the other records
// all come out, none with a damaged body, and a lost record is reported.
// Before, the first gzip error ended the file: one flipped bit lost every
// later record. The first, a middle and the last member are damaged in
// turn, then two neighbours at once.
func TestWARCCorruptMember(t *testing.T) {
	const n = 30
	body := func(i int) string {
		return fmt.Sprintf("<html><body><p>Story %d: ministers met in Geneva on day %d of the talks.</p></body></html>", i, i*7)
	}
	var raw bytes.Buffer
	w := NewWARCWriter(&raw, true)
	var starts []int
	for i := range n {
		starts = append(starts, raw.Len())
		w.WriteResponse(fmt.Sprintf("https://a.example/%d", i), when, []byte(body(i)), "Content-Type: text/html")
	}
	starts = append(starts, raw.Len())
	// read returns the records that came out intact and the errors.
	read := func(b []byte) (map[int]bool, []*eventwire.ItemError) {
		src, err := NewWARC(bytes.NewReader(b), "t.warc.gz", Options{})
		if err != nil {
			return nil, []*eventwire.ItemError{{Err: err}}
		}
		pages, errs := drain(t, src)
		got := map[int]bool{}
		for _, p := range pages {
			var i int
			fmt.Sscanf(p.URL, "https://a.example/%d", &i)
			if string(p.Body) != body(i) {
				t.Fatalf("page %s has a damaged body %.80q", p.URL, p.Body)
			}
			got[i] = true
		}
		return got, errs
	}
	for _, bad := range []int{0, 10, n - 1} {
		lost := 0
		for off := starts[bad]; off < starts[bad+1]; off++ {
			b := bytes.Clone(raw.Bytes())
			b[off] ^= 0xFF
			got, errs := read(b)
			if bad == 0 && off < 2 {
				// The stream no longer starts as gzip: read as plain
				// text (garbage) or refused, with one error.
				if len(got) != 0 || len(errs) != 1 {
					t.Fatalf("gzip magic byte %d flipped: %d records, errors %v; want none and one error", off, len(got), errs)
				}
				continue
			}
			for i := range n {
				if i != bad && !got[i] {
					t.Fatalf("byte %d of record %d flipped: record %d lost (%d records, errors %v)", off-starts[bad], bad, i, len(got), errs)
				}
			}
			if !got[bad] {
				lost++
				if len(errs) == 0 {
					t.Fatalf("byte %d of record %d flipped: the record is lost without an error", off-starts[bad], bad)
				}
			}
		}
		// Most flips damage the record; a few land in header fields
		// gzip does not check (modification time, OS).
		if size := starts[bad+1] - starts[bad]; lost < size*3/4 {
			t.Errorf("record %d lost for %d of its %d flipped bytes; want most", bad, lost, size)
		}
	}
	// Two neighbours, each damaged in the middle of its data.
	b := bytes.Clone(raw.Bytes())
	for _, i := range []int{14, 15} {
		b[(starts[i]+starts[i+1])/2] ^= 0xFF
	}
	got, errs := read(b)
	if len(got) != n-2 || got[14] || got[15] || len(errs) < 2 {
		t.Errorf("two damaged members: %d records (14: %v, 15: %v), errors %v; want the other 28 and two errors", len(got), got[14], got[15], errs)
	}
}

// TestWARCNotWARC: a file that holds no WARC data (a zero-filled download,
// another kind of file named .warc.gz) is one error that says how many
// bytes, from which offset, and that they are neither gzip nor WARC. A
// zero-filled file of over 256 KB used to be "1 bytes of garbage".
func TestWARCNotWARC(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"zeros", make([]byte, 1<<20),
			"read z.warc.gz#record0: at offset 0: not WARC data: 1048576 bytes, all zero, and no record: the file is neither gzip nor WARC (no WARC/1.x version line)"},
		{"text", []byte("hello\r\nworld\r\n\r\n"),
			"read z.warc.gz#record0: at offset 0: not WARC data: 12 bytes and no record: the file is neither gzip nor WARC (no WARC/1.x version line)"},
		{"gzip of text", gz([]byte("\r\nhello\r\nworld\r\n\r\n")),
			"read z.warc.gz#record0: at offset 2 (gzip member at byte 0): not WARC data: 12 bytes and no record (no WARC/1.x version line)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := NewWARC(bytes.NewReader(tt.data), "z.warc.gz", Options{})
			if err != nil {
				t.Fatal(err)
			}
			pages, errs := drain(t, src)
			if len(pages) != 0 || len(errs) != 1 || errs[0].Error() != tt.want || !errors.Is(errs[0], ErrGarbage) {
				t.Fatalf("%d pages, errors %q; want one: %q", len(pages), errs, tt.want)
			}
		})
	}
}
