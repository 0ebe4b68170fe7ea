package source

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"time"
)

// WARCWriter writes WARC/1.1 records, each in its own gzip member when
// compressing (the CC-NEWS layout). It exists for tests, fixtures and load
// generation.
type WARCWriter struct {
	w    io.Writer
	gzip bool
	n    int
}

// NewWARCWriter returns a writer to w, gzip-compressing each record if gz.
func NewWARCWriter(w io.Writer, gz bool) *WARCWriter { return &WARCWriter{w: w, gzip: gz} }

// WriteRecord writes one record with the given type, target URI, date, and
// extra header lines ("Name: value"), and block as its content.
func (ww *WARCWriter) WriteRecord(typ, uri string, date time.Time, contentType string, block []byte, extra ...string) error {
	ww.n++
	var h bytes.Buffer
	fmt.Fprintf(&h, "WARC/1.1\r\nWARC-Type: %s\r\n", typ)
	fmt.Fprintf(&h, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", ww.n)
	fmt.Fprintf(&h, "WARC-Date: %s\r\n", date.UTC().Format(time.RFC3339))
	if uri != "" {
		fmt.Fprintf(&h, "WARC-Target-URI: %s\r\n", uri)
	}
	if contentType != "" {
		fmt.Fprintf(&h, "Content-Type: %s\r\n", contentType)
	}
	for _, e := range extra {
		fmt.Fprintf(&h, "%s\r\n", e)
	}
	fmt.Fprintf(&h, "Content-Length: %d\r\n\r\n", len(block))
	h.Write(block)
	h.WriteString("\r\n\r\n")
	if !ww.gzip {
		_, err := ww.w.Write(h.Bytes())
		return err
	}
	zw, _ := gzip.NewWriterLevel(ww.w, gzip.BestSpeed)
	if _, err := zw.Write(h.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// WriteResponse writes a response record holding an HTTP 200 response with
// the given headers ("Name: value" lines) and body.
func (ww *WARCWriter) WriteResponse(uri string, date time.Time, body []byte, httpHeaders ...string) error {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 200 OK\r\n")
	for _, h := range httpHeaders {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return ww.WriteRecord("response", uri, date, "application/http; msgtype=response", b.Bytes())
}
