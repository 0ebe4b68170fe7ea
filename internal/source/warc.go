package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// Why our own WARC reader: the format is small (a version line, headers, a
// Content-Length block), and we need three things libraries make awkward:
// streaming with a bound on every record, resynchronising after a corrupt
// record instead of giving up, and tolerance of the malformed HTTP headers
// real crawls hold. See docs/notes/ingest.md.

// maxWARCHeader bounds one WARC or HTTP header block.
const maxWARCHeader = 256 << 10

// ErrCorruptRecord reports a WARC record whose header cannot be read; the
// reader skips to the next record.
var ErrCorruptRecord = errors.New("corrupt WARC record")

// WARCRecord is one record header and its block. Block reads at most
// ContentLength bytes and is valid until the next call to WARCReader.Next.
type WARCRecord struct {
	Version       string // "WARC/1.0", "WARC/1.1"
	Header        map[string]string
	Type          string // WARC-Type, lower case
	TargetURI     string
	Date          time.Time
	ContentType   string
	ContentLength int64
	Block         io.Reader
}

// WARCReader reads WARC records from a stream, plain or gzip (one member
// per record or one for the whole file, both work). It holds one header block
// in memory at a time; blocks are streamed.
type WARCReader struct {
	cr *countingReader // bytes read from the underlying stream
	br *bufio.Reader   // the WARC text
	zr *gzipMembers
	// pending is a corrupt record found while checking the one before
	// it, returned by the next call to Next.
	pending error
	block   *io.LimitedReader
	n       int // records started
	err     error
}

// NewWARCReader returns a reader of r, detecting gzip by its magic number.
func NewWARCReader(r io.Reader) (*WARCReader, error) {
	w := &WARCReader{cr: &countingReader{r: r}}
	br := bufio.NewReaderSize(w.cr, 64<<10)
	if magic, _ := br.Peek(2); isGzip(magic) {
		zr := newGzipMembers(br)
		w.zr = zr
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	w.br = br
	return w, nil
}

// readErr turns an error met while reading the stream into what Next
// returns: a corrupt gzip member that was skipped is a corrupt record (the
// record it held is lost, the reader goes on with the next member, so the
// rest of the current block is not to be discarded); anything else ends the
// stream.
func (w *WARCReader) readErr(err error) error {
	if errors.Is(err, errGzipResync) || errors.Is(err, errGzipHeader) {
		w.block = nil
		return fmt.Errorf("%w %d: %w", ErrCorruptRecord, w.n, err)
	}
	return w.fail(err)
}

// Records returns the number of records started so far.
func (w *WARCReader) Records() int { return w.n }

// BytesRead returns the bytes consumed from the underlying (compressed)
// stream.
func (w *WARCReader) BytesRead() int64 { return w.cr.n }

// readLine reads one line (without CR LF) of at most maxWARCHeader bytes.
func (w *WARCReader) readLine() (string, error) {
	line, err := readLine(w.br, maxWARCHeader)
	if err != nil {
		return "", err
	}
	return string(line), nil
}

// Next returns the next record. It returns io.EOF at the clean end of the
// stream, an error wrapping ErrCorruptRecord for a record whose header
// cannot be read (call Next again: the reader has skipped to the next
// version line), and any other error (a truncated gzip stream) for the end.
func (w *WARCReader) Next() (*WARCRecord, error) {
	if err := w.pending; err != nil {
		w.pending = nil
		return nil, err
	}
	if w.err != nil {
		return nil, w.err
	}
	if w.block != nil && w.block.N > 0 {
		if _, err := io.Copy(io.Discard, w.block); err != nil {
			return nil, w.readErr(err)
		}
	}
	w.block = nil
	// Skip the blank lines that end the previous record; anything else
	// before a version line is garbage to report once.
	var version string
	skipped := 0
	for {
		line, err := w.readLine()
		if err == io.EOF {
			if skipped > 0 {
				w.err = io.EOF
				return nil, fmt.Errorf("%w: %d bytes of garbage at the end", ErrCorruptRecord, skipped)
			}
			return nil, w.fail(io.EOF)
		}
		if err != nil && !errors.Is(err, eventwire.ErrTooLarge) {
			return nil, w.readErr(err)
		}
		if err == nil && strings.HasPrefix(line, "WARC/1.") {
			version = line
			break
		}
		if strings.TrimSpace(line) != "" || err != nil {
			skipped += len(line) + 1
		}
	}
	w.n++
	rec := &WARCRecord{Version: version, Header: map[string]string{}}
	size := 0
	last := ""
	for {
		line, err := w.readLine()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			if errors.Is(err, eventwire.ErrTooLarge) {
				return nil, fmt.Errorf("%w %d: header line too long", ErrCorruptRecord, w.n)
			}
			return nil, w.readErr(err)
		}
		if line == "" {
			break
		}
		size += len(line)
		if size > maxWARCHeader {
			return nil, fmt.Errorf("%w %d: header over %d bytes", ErrCorruptRecord, w.n, maxWARCHeader)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			rec.Header[last] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w %d: bad header line %.60q", ErrCorruptRecord, w.n, line)
		}
		last = strings.ToLower(strings.TrimSpace(k))
		rec.Header[last] = strings.TrimSpace(v)
	}
	cl, err := strconv.ParseInt(rec.Header["content-length"], 10, 64)
	if err != nil || cl < 0 {
		return nil, fmt.Errorf("%w %d: bad Content-Length %q", ErrCorruptRecord, w.n, rec.Header["content-length"])
	}
	rec.ContentLength = cl
	rec.Type = strings.ToLower(rec.Header["warc-type"])
	rec.TargetURI = strings.Trim(rec.Header["warc-target-uri"], "<>")
	rec.ContentType = rec.Header["content-type"]
	if d := rec.Header["warc-date"]; d != "" {
		rec.Date, _ = time.Parse(time.RFC3339Nano, d)
	}
	w.block = &io.LimitedReader{R: w.br, N: cl}
	rec.Block = w.block
	return rec, nil
}

// verifyMember, in a gzip stream, checks the end of the record just read,
// so that a damaged gzip member does not yield a page of garbage. A record
// that ends where its member ended with a good checksum (the CC-NEWS
// layout: looking past the blank lines that end the record makes the
// member end and its checksum be verified) is good, whatever follows: a
// damaged next member is reported by the next call to Next. Otherwise (a
// member of several records, or the whole stream in one) the next record's
// version line or the end of the stream must follow; a checksum or data
// error there, or anything else (damaged data decompressed before the error
// was found, or a wrong Content-Length), makes the record corrupt.
func (w *WARCReader) verifyMember() error {
	if w.zr == nil {
		return nil
	}
	const version = "WARC/1."
	for {
		b, err := w.br.Peek(len(version))
		i := 0
		for i < len(b) && (b[i] == '\r' || b[i] == '\n') {
			i++
		}
		if i > 0 {
			w.br.Discard(i)
			if err == nil {
				continue
			}
			// Peek has handed over its error (bufio returns it once):
			// judge it now, with what is left.
			b = b[i:]
		}
		ended := w.zr.endedAt(w.zr.out - int64(w.br.Buffered()))
		if err != nil && err != io.EOF {
			// What Peek returned with the error is the start of the
			// damaged member: drop it, the next member follows.
			w.br.Discard(len(b))
		}
		if ended {
			switch {
			case err == nil, err == io.EOF:
			case errors.Is(err, errGzipResync), errors.Is(err, errGzipHeader):
				w.pending = fmt.Errorf("%w %d: %w", ErrCorruptRecord, w.n+1, err)
			default:
				w.pending = w.fail(err) // the stream ends after this record
			}
			return nil
		}
		switch {
		case string(b) == version:
			return nil
		case err == io.EOF && len(b) == 0:
			return nil
		case err == nil:
			return fmt.Errorf("%w %d: not followed by the next record (a damaged gzip member, or a wrong Content-Length)",
				ErrCorruptRecord, w.n)
		}
		return w.readErr(err)
	}
}

func (w *WARCReader) fail(err error) error {
	if err == io.ErrUnexpectedEOF || errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("truncated: %w", err)
	}
	w.err = err
	return err
}

// WARC is a source of the HTML and text pages of a WARC file: response
// records with an HTTP 200 and a textual media type (and resource records of
// one). Other records are passed over and counted by reason
// (SkippedRecords); a corrupt or oversized record is an
// *eventwire.ItemError and the source goes on.
type WARC struct {
	path string
	f    *os.File
	size int64
	r    *WARCReader
	opts Options
	// Skipped counts records that were not pages (other types, non-200,
	// non-text).
	Skipped int
	skips   map[string]int64 // Skipped by reason, for SkippedRecords
	done    bool
}

// OpenWARC opens a WARC or WARC.gz file.
func OpenWARC(path string, opts Options) (*WARC, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := NewWARCReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	w := &WARC{path: path, f: f, r: r, opts: opts}
	if fi, err := f.Stat(); err == nil {
		w.size = fi.Size()
	}
	return w, nil
}

// NewWARC reads WARC records from r; name is used in origins and errors.
func NewWARC(r io.Reader, name string, opts Options) (*WARC, error) {
	wr, err := NewWARCReader(r)
	if err != nil {
		return nil, err
	}
	return &WARC{path: name, r: wr, opts: opts}, nil
}

func (w *WARC) item(rec *WARCRecord) string {
	if rec != nil && rec.TargetURI != "" {
		return rec.TargetURI
	}
	return fmt.Sprintf("%s#record%d", w.path, w.r.Records())
}

// Next returns the next page of the archive.
func (w *WARC) Next(ctx context.Context) (*eventwire.Page, error) {
	for {
		if w.done {
			return nil, io.EOF
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := w.r.Next()
		if err == io.EOF {
			w.done = true
			return nil, io.EOF
		}
		if errors.Is(err, ErrCorruptRecord) {
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(nil), Err: err}
		}
		if err != nil {
			w.done = true
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(nil), Err: err}
		}
		if rec.Type != "response" && rec.Type != "resource" {
			w.skip(SkipNotResponse)
			continue
		}
		max := w.opts.Limits.maxBytes()
		if rec.ContentLength > max+maxWARCHeader {
			w.Skipped++
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(rec),
				Err: fmt.Errorf("%w: record of %d bytes over %d", eventwire.ErrTooLarge, rec.ContentLength, max)}
		}
		block, err := io.ReadAll(rec.Block)
		if err != nil {
			err = w.r.readErr(err)
			if !errors.Is(err, ErrCorruptRecord) {
				w.done = true
			}
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(rec), Err: err}
		}
		if int64(len(block)) < rec.ContentLength {
			w.done = true
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(rec),
				Err: w.r.fail(fmt.Errorf("block: %w", io.ErrUnexpectedEOF))}
		}
		if err := w.r.verifyMember(); err != nil {
			if !errors.Is(err, ErrCorruptRecord) {
				w.done = true
			}
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(rec), Err: err}
		}
		p, skip, err := w.page(rec, block)
		if skip != "" {
			w.skip(skip)
			continue
		}
		if err != nil {
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(rec), Err: err}
		}
		return p, nil
	}
}

// Why WARC records that are not pages were skipped (SkippedRecords).
const (
	SkipNotResponse = "not a response or resource record" // request, metadata, warcinfo, revisit...
	SkipNotHTTP     = "response not in HTTP"
	SkipStatus      = "HTTP status other than 200"
	SkipMediaType   = "not HTML or plain text"
)

// skip counts a record that is not a page.
func (w *WARC) skip(reason string) {
	w.Skipped++
	if w.skips == nil {
		w.skips = map[string]int64{}
	}
	w.skips[reason]++
}

// SkippedRecords counts the records passed over because they are not pages,
// by reason (SkipNotResponse...).
func (w *WARC) SkippedRecords() map[string]int64 { return w.skips }

// page turns a record block into a page; skip gives the reason of records
// that are not pages (non-200, non-text), else "".
func (w *WARC) page(rec *WARCRecord, block []byte) (p *eventwire.Page, skip string, err error) {
	ct := rec.ContentType
	body := block
	if rec.Type == "response" {
		mt, _, _ := mime.ParseMediaType(ct)
		if mt != "application/http" && !bytes.HasPrefix(block, []byte("HTTP/")) {
			return nil, SkipNotHTTP, nil
		}
		status, hdr, payload, err := ParseHTTPResponse(block, w.opts.Limits)
		if err != nil {
			return nil, "", err
		}
		if status != 200 {
			return nil, SkipStatus, nil
		}
		ct = hdr["content-type"]
		body = payload
	}
	if !pageType(ct) {
		return nil, SkipMediaType, nil
	}
	body, ct, _, err = TextBody(body, ct)
	if err != nil {
		return nil, "", err
	}
	if rec.TargetURI == "" {
		return nil, "", fmt.Errorf("%w: record has no WARC-Target-URI", eventwire.ErrInvalid)
	}
	return &eventwire.Page{
		URL:         rec.TargetURI,
		Body:        body,
		ContentType: ct,
		FetchedAt:   rec.Date,
		Origin:      "warc:" + w.path,
	}, "", nil
}

// pageType reports whether a media type is an HTML or text page.
func pageType(ct string) bool {
	if ct == "" {
		return true // sniffed later by CheckBody and the extractor
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain"
}

// ParseHTTPResponse parses a raw HTTP/1.x response as stored in a WARC
// response record: the status code, the headers (lower-case names; repeated
// headers joined with ", "), and the payload with chunked transfer-encoding
// and gzip/deflate content-encoding undone, bounded by the limits. It is
// lenient with malformed header lines, as real crawls need.
func ParseHTTPResponse(block []byte, l Limits) (status int, hdr map[string]string, payload []byte, err error) {
	i := bytes.Index(block, []byte("\r\n\r\n"))
	sep := 4
	if j := bytes.Index(block, []byte("\n\n")); j >= 0 && (i < 0 || j < i) {
		i, sep = j, 2
	}
	if i < 0 {
		return 0, nil, nil, fmt.Errorf("%w: HTTP header without an end", eventwire.ErrInvalid)
	}
	head, payload := string(block[:i]), block[i+sep:]
	lines := strings.Split(strings.ReplaceAll(head, "\r\n", "\n"), "\n")
	f := strings.Fields(lines[0])
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") {
		return 0, nil, nil, fmt.Errorf("%w: bad HTTP status line %.60q", eventwire.ErrInvalid, lines[0])
	}
	status, err = strconv.Atoi(f[1])
	if err != nil {
		return 0, nil, nil, fmt.Errorf("%w: bad HTTP status %.20q", eventwire.ErrInvalid, f[1])
	}
	hdr = map[string]string{}
	for _, line := range lines[1:] {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if old, dup := hdr[k]; dup {
			v = old + ", " + v
		}
		hdr[k] = v
	}
	if status != 200 {
		return status, hdr, nil, nil
	}
	if strings.Contains(strings.ToLower(hdr["transfer-encoding"]), "chunked") {
		payload, err = readBounded(httputil.NewChunkedReader(bytes.NewReader(payload)), l.maxBytes())
		if err != nil {
			return 0, nil, nil, fmt.Errorf("chunked payload: %w", err)
		}
	}
	switch ce := strings.ToLower(strings.TrimSpace(hdr["content-encoding"])); ce {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		if isGzip(payload) { // servers sometimes declare gzip and send plain
			payload, err = gunzipBounded(bytes.NewReader(payload), l)
			if err != nil {
				return 0, nil, nil, err
			}
		}
	case "deflate":
		var r io.ReadCloser
		if zr, zerr := zlib.NewReader(bytes.NewReader(payload)); zerr == nil {
			r = zr
		} else {
			r = flate.NewReader(bytes.NewReader(payload))
		}
		payload, err = readBounded(r, l.maxBytes())
		r.Close()
		if err != nil {
			return 0, nil, nil, fmt.Errorf("deflate payload: %w", err)
		}
	default:
		return 0, nil, nil, fmt.Errorf("%w: content-encoding %q", eventwire.ErrUnsupported, ce)
	}
	return status, hdr, payload, nil
}

// Progress reports compressed bytes read of the file's size.
func (w *WARC) Progress() (done, total int64, unit string) {
	if w.size == 0 {
		return -1, -1, ""
	}
	return w.r.BytesRead(), w.size, "bytes"
}

// Close closes the file.
func (w *WARC) Close() error {
	w.done = true
	if w.f != nil {
		err := w.f.Close()
		w.f = nil
		return err
	}
	return nil
}
