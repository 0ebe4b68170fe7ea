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

// maxOverrun bounds how far the reader goes back to a record found inside
// the block of a damaged record: a Content-Length up to this much too long
// costs only its own record. The bytes from the first version line found in
// a block on stay in memory while the block is read, up to this many.
const maxOverrun = 1 << 20

// maxLost bounds the records reported one by one as lost inside a damaged
// block (one error counts the rest): a block that ran over them by more
// than maxOverrun, or when going back again would read the text more than
// twice.
const maxLost = 1000

// ErrCorruptRecord reports a WARC record that cannot be read: its header
// is damaged, its Content-Length is wrong (the block does not end with CR
// LF CR LF followed by the next record), or its gzip member is damaged. The
// reader goes on with the next record.
var ErrCorruptRecord = errors.New("corrupt WARC record")

// ErrGarbage reports bytes between records (or in place of them) that are
// not WARC data, blank lines aside. No record is lost with them unless
// another error says so.
var ErrGarbage = errors.New("not WARC data")

// RecordError is a WARC record that could not be read, or bytes between
// records that are not WARC data, and where it starts. It wraps
// ErrCorruptRecord, ErrGarbage, or the error that ended the stream.
type RecordError struct {
	// Record is the number of the record from 1, as Records counts; 0
	// for garbage and for records lost inside the block of another.
	Record int
	// Offset is where the record or the garbage starts in the WARC
	// text: the file offset of a plain WARC, the offset in the
	// decompressed stream of a WARC.gz; -1 for bytes of a WARC.gz that
	// are not gzip data.
	Offset int64
	// Member, in a WARC.gz, is the file offset of the gzip member that
	// holds Offset, or of the bytes that are not gzip data; -1 in a
	// plain WARC or if unknown.
	Member int64
	Err    error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	if e.Record > 0 {
		fmt.Fprintf(&b, "record %d ", e.Record)
	}
	switch {
	case e.Offset >= 0 && e.Member >= 0:
		fmt.Fprintf(&b, "at offset %d (gzip member at byte %d)", e.Offset, e.Member)
	case e.Offset >= 0:
		fmt.Fprintf(&b, "at offset %d", e.Offset)
	default:
		fmt.Fprintf(&b, "at byte %d of the file", e.Member)
	}
	return b.String() + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// WARCRecord is one record header and its block. Block reads at most
// ContentLength bytes and is valid until the next call to WARCReader.Next
// or EndRecord.
type WARCRecord struct {
	Version       string // "WARC/1.0", "WARC/1.1"
	Header        map[string]string
	Type          string // WARC-Type, lower case
	TargetURI     string
	Date          time.Time
	ContentType   string
	ContentLength int64
	Offset        int64 // where the record starts in the WARC text (see RecordError)
	Block         io.Reader
}

// WARCReader reads WARC records from a stream, plain or gzip (one member
// per record or one for the whole file, both work). It holds one header
// block in memory at a time; blocks are streamed.
//
// Every record comes out as a *WARCRecord whose EndRecord returns nil, or
// as an error: nothing is skipped silently. A record whose Content-Length
// runs into the next record is an error, and reading goes back to the next
// record when its version line was found inside the block (up to
// maxOverrun bytes back); one whose Content-Length is short is an error,
// and reading goes on at the next version line.
type WARCReader struct {
	cr   *countingReader // bytes read from the underlying stream
	text *warcText       // the WARC text
	zr   *gzipMembers
	// pending holds errors found while ending a record, about what
	// follows it, returned by the next calls to Next.
	pending []error
	cur     *warcBlock // the block being read, nil between records
	// resync is set after a damaged record: the bytes up to the next
	// version line are the rest of it, not garbage to report.
	resync bool
	// reread counts the bytes read again after going back (damaged).
	reread int64
	n      int // records started
	err    error
}

// NewWARCReader returns a reader of r, detecting gzip by its magic number.
func NewWARCReader(r io.Reader) (*WARCReader, error) {
	w := &WARCReader{cr: &countingReader{r: r}}
	br := bufio.NewReaderSize(w.cr, 64<<10)
	var text io.Reader = br
	if magic, _ := br.Peek(2); isGzip(magic) {
		w.zr = newGzipMembers(br)
		text = w.zr
	}
	w.text = newWARCText(text)
	return w, nil
}

// Records returns the number of records started so far.
func (w *WARCReader) Records() int { return w.n }

// BytesRead returns the bytes consumed from the underlying (compressed)
// stream.
func (w *WARCReader) BytesRead() int64 { return w.cr.n }

// memberAt returns the file offset of the gzip member holding pos, an
// offset in the text, or -1.
func (w *WARCReader) memberAt(pos int64) int64 {
	if w.zr == nil {
		return -1
	}
	return w.zr.memberAt(pos)
}

// recordErr returns err about the record numbered rec (0: none) that
// starts at off in the text.
func (w *WARCReader) recordErr(rec int, off int64, err error) *RecordError {
	return &RecordError{Record: rec, Offset: off, Member: w.memberAt(off), Err: err}
}

// gzipSkipped reports whether err is a damaged gzip member (or bytes that
// are no member) that was skipped, after which reading goes on.
func gzipSkipped(err error) bool {
	return errors.Is(err, errGzipResync) || errors.Is(err, errGzipHeader) || errors.Is(err, errGzipGarbage)
}

// Next returns the next record, ending the one before if EndRecord was not
// called. It returns io.EOF at the clean end of the stream; a
// *RecordError wrapping ErrCorruptRecord for a record that cannot be read,
// or ErrGarbage for bytes between records that are not WARC data (call
// Next again); and any other error (a truncated stream), as a
// *RecordError, for the end.
func (w *WARCReader) Next() (*WARCRecord, error) {
	if w.cur != nil {
		if err := w.EndRecord(); err != nil {
			return nil, err
		}
	}
	if len(w.pending) > 0 {
		err := w.pending[0]
		w.pending = w.pending[1:]
		return nil, err
	}
	if w.err != nil {
		return nil, w.err
	}
	t := w.text
	resync := w.resync
	w.resync = false
	s, err := t.seekVersion()
	if err != nil && err != io.EOF {
		var ge *gzipError
		if !errors.As(err, &ge) {
			return nil, w.fail(w.recordErr(0, t.pos(), truncated(err)))
		}
		if errors.Is(err, errGzipGarbage) {
			return nil, &RecordError{Offset: -1, Member: ge.at, Err: fmt.Errorf("%w: %w", ErrGarbage, err)}
		}
		// A damaged member between records: the record it held is lost.
		w.n++
		w.resync = true
		return nil, &RecordError{Record: w.n, Offset: t.pos(), Member: ge.at, Err: fmt.Errorf("%w: %w", ErrCorruptRecord, err)}
	}
	if s.start >= 0 && !resync {
		if err == io.EOF {
			w.err = io.EOF
		}
		return nil, w.garbage(s, err == io.EOF)
	}
	if err == io.EOF {
		return nil, w.fail(io.EOF)
	}
	start := t.pos()
	w.n++
	if w.zr != nil {
		w.zr.forget(start)
	}
	corrupt := func(format string, a ...any) error {
		w.resync = true
		return w.recordErr(w.n, start, fmt.Errorf("%w: "+format, append([]any{ErrCorruptRecord}, a...)...))
	}
	rec := &WARCRecord{Header: map[string]string{}, Offset: start}
	size := 0
	last := ""
	for {
		line, err := t.readLine(maxWARCHeader)
		if err != nil {
			if errors.Is(err, eventwire.ErrTooLarge) {
				return nil, corrupt("header line too long")
			}
			if gzipSkipped(err) {
				return nil, corrupt("%w", err)
			}
			if err == io.EOF {
				err = fmt.Errorf("truncated in its header: %w", io.ErrUnexpectedEOF)
			}
			return nil, w.fail(w.recordErr(w.n, start, truncated(err)))
		}
		if rec.Version == "" {
			rec.Version = string(line) // found above
			continue
		}
		if len(line) == 0 {
			break
		}
		size += len(line)
		if size > maxWARCHeader {
			return nil, corrupt("header over %d bytes", maxWARCHeader)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			rec.Header[last] += " " + strings.TrimSpace(string(line))
			continue
		}
		k, v, ok := strings.Cut(string(line), ":")
		if !ok {
			return nil, corrupt("bad header line %.60q", line)
		}
		last = strings.ToLower(strings.TrimSpace(k))
		rec.Header[last] = strings.TrimSpace(v)
	}
	cl, err := strconv.ParseInt(rec.Header["content-length"], 10, 64)
	if err != nil || cl < 0 {
		return nil, corrupt("bad Content-Length %q", rec.Header["content-length"])
	}
	rec.ContentLength = cl
	rec.Type = strings.ToLower(rec.Header["warc-type"])
	rec.TargetURI = strings.Trim(rec.Header["warc-target-uri"], "<>")
	rec.ContentType = rec.Header["content-type"]
	if d := rec.Header["warc-date"]; d != "" {
		rec.Date, _ = time.Parse(time.RFC3339Nano, d)
	}
	w.cur = &warcBlock{w: w, rec: w.n, start: start, blockStart: t.pos(), cl: cl, left: cl}
	rec.Block = w.cur
	return rec, nil
}

// garbage returns the error for bytes passed over on the way to a record.
func (w *WARCReader) garbage(s skipped, atEnd bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d bytes", s.end-s.start)
	if s.zero {
		b.WriteString(", all zero,")
	}
	switch {
	case atEnd && w.n == 0 && w.zr == nil:
		b.WriteString(" and no record: the file is neither gzip nor WARC (no WARC/1.x version line)")
	case atEnd && w.n == 0:
		b.WriteString(" and no record (no WARC/1.x version line)")
	case atEnd:
		b.WriteString(" at the end, after the last record")
	default:
		b.WriteString(" before the next record")
	}
	return w.recordErr(0, s.start, fmt.Errorf("%w: %s", ErrGarbage, b.String()))
}

// warcBlock reads the block of the current record from the text, and
// notes the version lines that start a line in it: if the record turns
// out to run over the next ones, reading goes back to the first.
type warcBlock struct {
	w          *WARCReader
	rec        int   // record number
	start      int64 // offset of the record
	blockStart int64 // offset of its block
	cl, left   int64 // Content-Length, bytes of it not read yet
	err        error
	// cands are the offsets of the version lines found in the block,
	// the first kept in the text's buffer; lost those no longer kept
	// (up to maxLost of them, nLost counts all).
	cands []int64
	lost  []int64
	nLost int
}

func (b *warcBlock) Read(p []byte) (int, error) {
	chunk, err := b.next(len(p))
	return copy(p, chunk), err
}

// next consumes and returns up to n bytes of the block, valid until the
// next read of the text.
func (b *warcBlock) next(n int) ([]byte, error) {
	if b.left == 0 {
		return nil, io.EOF
	}
	if b.err != nil {
		return nil, b.err
	}
	t := b.w.text
	if t.off == len(t.buf) {
		if err := t.more(); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			b.err = err
			return nil, err
		}
	}
	n = int(min(int64(n), b.left, int64(len(t.buf)-t.off)))
	b.scan(t.off, t.off+n)
	chunk := t.buf[t.off : t.off+n]
	t.off += n
	b.left -= int64(n)
	// A version line more than maxOverrun back is no longer kept.
	for len(b.cands) > 0 && t.pos()-b.cands[0] > maxOverrun {
		if len(b.lost) < maxLost {
			b.lost = append(b.lost, b.cands[0])
		}
		b.nLost++
		b.cands = b.cands[1:]
	}
	t.keep = -1
	if len(b.cands) > 0 {
		t.keep = b.cands[0]
	}
	return chunk, nil
}

// scan notes the version lines starting a line that end in buf[lo:hi], the
// bytes about to be read (a line may start in the bytes read before).
func (b *warcBlock) scan(lo, hi int) {
	t := b.w.text
	v := []byte(warcVersion)
	for s := max(lo-len(v)+1, 1); s < hi; {
		i := bytes.Index(t.buf[s:hi], v)
		if i < 0 {
			return
		}
		i += s
		if at := t.base + int64(i); t.buf[i-1] == '\n' && at >= b.blockStart {
			b.cands = append(b.cands, at)
		}
		s = i + 1
	}
}

// EndRecord reads the rest of the current record's block, if any, and
// checks that the record ends where its Content-Length says: with CR LF CR
// LF, then the next record, the end of the stream, or the end of its gzip
// member. It returns nil for a good record (and between records); a
// *RecordError wrapping ErrCorruptRecord for a damaged one, after which
// reading goes on at the next record; and another *RecordError when the
// stream ends in the record (truncated).
func (w *WARCReader) EndRecord() error {
	b := w.cur
	if b == nil {
		return nil
	}
	w.cur = nil
	t := w.text
	defer func() { t.keep = -1 }()
	for b.left > 0 && b.err == nil {
		b.next(64 << 10)
	}
	if b.err != nil {
		switch {
		case gzipSkipped(b.err):
			w.resync = true
			return w.recordErr(b.rec, b.start, fmt.Errorf("%w: %w", ErrCorruptRecord, b.err))
		case b.err == io.ErrUnexpectedEOF && len(b.cands)+b.nLost > 0:
			return w.damaged(b, fmt.Sprintf("its block of Content-Length %d runs over the next record (a version line at offset %d) to the end of the stream",
				b.cl, append(b.lost, b.cands...)[0]))
		case b.err == io.ErrUnexpectedEOF:
			return w.fail(w.recordErr(b.rec, b.start, fmt.Errorf("truncated: the stream ends %d bytes into its block of Content-Length %d: %w",
				b.cl-b.left, b.cl, io.ErrUnexpectedEOF)))
		}
		return w.fail(w.recordErr(b.rec, b.start, truncated(b.err)))
	}
	end := t.pos()
	// Keep what a rewind may go back to: the first version line in the
	// block, or the last bytes of the block (a version line may start
	// there, cut by a Content-Length a few bytes too long).
	t.keep = max(end-int64(len(warcVersion)-1), b.blockStart)
	if len(b.cands) > 0 {
		t.keep = b.cands[0]
	}
	// The CR LF run after the block, then what follows it.
	var trailer []byte
	var next []byte
	var err error
	for {
		next, err = t.peek(len(warcVersion))
		i := 0
		for i < len(next) && (next[i] == '\r' || next[i] == '\n') {
			i++
		}
		if len(trailer) < 4 {
			trailer = append(trailer, next[:min(i, 4-len(trailer))]...)
		}
		t.off += i
		next = next[i:]
		if i > 0 && err == nil {
			continue
		}
		break
	}
	terminated := string(trailer) == "\r\n\r\n"
	ended := w.zr != nil && w.zr.endedAt(t.pos())
	follows := ended || string(next) == warcVersion || (err == io.EOF && len(next) == 0)
	overran := b.overran(end)
	if err != nil && err != io.EOF {
		if ended && terminated && !overran {
			t.pending = err // the next member's damage is the next record's
			return nil
		}
		if gzipSkipped(err) {
			t.off = len(t.buf)
			w.resync = true
			return w.recordErr(b.rec, b.start, fmt.Errorf("%w: %w", ErrCorruptRecord, err))
		}
		return w.fail(w.recordErr(b.rec, b.start, truncated(err)))
	}
	if terminated && !overran && (follows || len(b.cands)+b.nLost == 0) {
		// A good record; garbage after it is reported by Next.
		return nil
	}
	var why string
	switch {
	case !terminated && len(b.cands)+b.nLost > 0:
		why = fmt.Sprintf("its block of Content-Length %d runs into the next record (a version line at offset %d)",
			b.cl, append(b.lost, b.cands...)[0])
	case !terminated:
		why = fmt.Sprintf("its block of Content-Length %d is not followed by CR LF CR LF (but by %q): a wrong Content-Length",
			b.cl, append(trailer, next...))
	case overran:
		why = fmt.Sprintf("its block of Content-Length %d holds the next record whole (version line at offset %d)",
			b.cl, b.cands[0])
	default:
		why = fmt.Sprintf("its block of Content-Length %d holds a version line at offset %d and is followed by %q, not the next record",
			b.cl, append(b.lost, b.cands...)[0], next)
	}
	return w.damaged(b, why)
}

// damaged returns the error of a record whose block is not where its
// Content-Length says, why being what was found. It goes back to the first
// version line kept in the block, or to the bytes kept at its end, to look
// for the next record from there, and queues the errors of the records
// lost inside the block: those more than maxOverrun before its end, and
// all of them when going back would read the text more than twice over
// (each record of a file could run 1 MB over the next ones).
func (w *WARCReader) damaged(b *warcBlock, why string) error {
	t := w.text
	err := w.recordErr(b.rec, b.start, fmt.Errorf("%w: %s", ErrCorruptRecord, why))
	w.resync = true
	if len(b.cands) > 0 {
		back := t.pos() - b.cands[0]
		if read := t.base + int64(len(t.buf)); w.reread+back <= read {
			w.reread += back
			t.keep = b.cands[0]
			w.resync = false
		} else {
			for _, at := range b.cands {
				if len(b.lost) < maxLost {
					b.lost = append(b.lost, at)
				}
				b.nLost++
			}
			// On from the end of the block, where a version line may
			// start.
			end := b.blockStart + b.cl - b.left
			t.keep = max(end-int64(len(warcVersion)-1), b.cands[len(b.cands)-1]+1)
		}
	}
	if t.keep >= 0 {
		t.rewind()
	}
	for _, at := range b.lost {
		w.pending = append(w.pending, w.recordErr(0, at, fmt.Errorf("%w: a record lost inside the block of record %d, which ran over it",
			ErrCorruptRecord, b.rec)))
	}
	if more := b.nLost - len(b.lost); more > 0 {
		w.pending = append(w.pending, w.recordErr(0, b.lost[len(b.lost)-1], fmt.Errorf("%w: %d more version lines inside the block of record %d, records lost with it",
			ErrCorruptRecord, more, b.rec)))
	}
	return err
}

// overran reports whether the last version line found in the block
// starts a record whose block ends where this one does: the block holds
// the next record whole, its Content-Length too long by exactly that
// record.
func (b *warcBlock) overran(end int64) bool {
	if len(b.cands) == 0 {
		return false
	}
	t := b.w.text
	rec := t.buf[b.cands[len(b.cands)-1]-t.base : end-t.base]
	i := bytes.Index(rec, []byte("\r\n\r\n"))
	if i < 0 {
		return false
	}
	for _, line := range bytes.Split(rec[:i], []byte("\r\n")) {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(k)), "content-length") {
			cl, err := strconv.ParseInt(string(bytes.TrimSpace(v)), 10, 64)
			return err == nil && int64(i+4)+cl == int64(len(rec))
		}
	}
	return false
}

// fail ends the stream with err.
func (w *WARCReader) fail(err error) error {
	w.err = err
	return err
}

// truncated says so of an error that cut the stream short.
func truncated(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated: %w", err)
	}
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

// Next returns the next page of the archive. Every record comes out as a
// page, as a count in SkippedRecords, or as an *eventwire.ItemError whose
// Err is a *RecordError (a record that cannot be read, or bytes between
// records that are not WARC data) or about its content.
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
		if err != nil {
			return nil, w.fail(nil, err)
		}
		if rec.Type != "response" && rec.Type != "resource" {
			// Read through before counting it passed over: a wrong
			// Content-Length makes it a failure instead.
			if err := w.r.EndRecord(); err != nil {
				return nil, w.fail(rec, err)
			}
			w.skip(SkipNotResponse)
			continue
		}
		max := w.opts.Limits.maxBytes()
		if rec.ContentLength > max+maxWARCHeader {
			if err := w.r.EndRecord(); err != nil {
				return nil, w.fail(rec, err) // its length may be wrong rather than big
			}
			return nil, &eventwire.ItemError{Op: "read", Item: w.item(rec),
				Err: fmt.Errorf("%w: record of %d bytes over %d", eventwire.ErrTooLarge, rec.ContentLength, max)}
		}
		block, rerr := io.ReadAll(rec.Block)
		if err := w.r.EndRecord(); err != nil {
			return nil, w.fail(rec, err)
		}
		if rerr != nil { // EndRecord reports what ended the block early
			return nil, w.fail(rec, rerr)
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

// fail returns the item error of a record (nil: not read) that cannot be
// read, and stops at an error that ends the stream.
func (w *WARC) fail(rec *WARCRecord, err error) error {
	if !errors.Is(err, ErrCorruptRecord) && !errors.Is(err, ErrGarbage) {
		w.done = true
	}
	return &eventwire.ItemError{Op: "read", Item: w.item(rec), Err: err}
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
