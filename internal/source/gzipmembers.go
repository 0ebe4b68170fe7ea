package source

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// errGzipResync reports a corrupt gzip member that gzipMembers skipped: the
// data of the member up to the damage came out (and may be garbage), the
// stream goes on with the next member.
var errGzipResync = errors.New("corrupt gzip member skipped")

// errGzipHeader reports a gzip member whose header was damaged, skipped
// whole: none of its data came out, and the member before it was good.
var errGzipHeader = errors.New("gzip member with a damaged header skipped")

// errGzipGarbage reports bytes between members (or after the last) that are
// not a gzip member at all, not even a damaged one: they do not start with
// two of the three bytes 1f 8b 08 that start every member (a flipped bit
// leaves two). Zero padding and junk written between members are such
// bytes; no member, so no record, is lost with them.
var errGzipGarbage = errors.New("not gzip data")

// Bounds of the recovery from damaged members.
const (
	// maxRescan is the most compressed bytes of one member kept to be
	// searched again for the next member when it turns out damaged: a
	// damaged header or block length can make the decompressor read
	// past the start of the next members. CC-NEWS members (one record)
	// are tens of KB; a bigger member is searched from where the damage
	// was found.
	maxRescan = 4 << 20
	// maxResyncs bounds the damaged members skipped in one stream.
	maxResyncs = 1000
)

// gzipMembers decompresses a stream of gzip members one at a time, so that
// a damaged member costs only itself: on a checksum error, corrupt deflate
// data or a bad member header it reports one error wrapping errGzipResync
// or errGzipHeader and goes on at the next gzip header (1f 8b 08) after the
// start of the damaged member. A WARC.gz in the CC-NEWS layout has one
// member per record, so one flipped bit loses one record instead of the
// rest of the file. A stream cut short with no member after the cut ends
// with its error (truncated), as before.
type gzipMembers struct {
	src     markReader // compressed
	zr      *gzip.Reader
	pending error // to return after the data that came with it
	done    bool
	resyncs int
	// out counts the bytes delivered; ends holds the values of out where
	// members ended with a good checksum, oldest first (see endedAt).
	out  int64
	ends []int64
	// starts holds where members started, in both streams, oldest first
	// (see memberAt).
	starts []memberStart
	// at is the offset in the compressed stream of the member header
	// last tried, head its first bytes (to tell a damaged member from
	// bytes that are no member).
	at   int64
	head []byte
}

// memberStart is where a gzip member starts: out in the decompressed
// stream, in in the compressed one.
type memberStart struct{ out, in int64 }

// newGzipMembers starts reading the first member of r, which starts with
// the gzip magic number; a damaged first header is skipped like any other
// (the first Read reports it).
func newGzipMembers(r io.Reader) *gzipMembers {
	g := &gzipMembers{src: markReader{r: r}, zr: new(gzip.Reader)}
	if err := g.startMember(); err != nil {
		g.pending = g.resync(errGzipHeader, err)
	}
	return g
}

// startMember reads the header of a member starting here.
func (g *gzipMembers) startMember() error {
	g.src.setMark()
	g.at = g.src.offset()
	g.head = append(g.head[:0], g.src.peek(3)...)
	if err := g.zr.Reset(&g.src); err != nil {
		return err
	}
	g.zr.Multistream(false)
	g.starts = append(g.starts, memberStart{out: g.out, in: g.at})
	return nil
}

func (g *gzipMembers) Read(p []byte) (int, error) {
	for {
		if g.pending != nil {
			err := g.pending
			g.pending = nil
			return 0, err
		}
		if g.done {
			return 0, io.EOF
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		switch {
		case err == nil:
			return n, nil
		case err == io.EOF:
			// The member ended with a good checksum: on to the next.
			g.ends = append(g.ends, g.out)
			if rerr := g.startMember(); rerr == io.EOF {
				g.done = true
			} else if rerr != nil {
				g.pending = g.resync(errGzipHeader, rerr)
			}
		default:
			g.pending = g.resync(errGzipResync, err)
		}
		if n > 0 {
			return n, nil
		}
	}
}

// endedAt reports whether a member ended with a good checksum at pos, an
// offset in the decompressed stream not before the last forget.
func (g *gzipMembers) endedAt(pos int64) bool {
	for _, e := range g.ends {
		if e >= pos {
			return e == pos
		}
	}
	return false
}

// memberAt returns the offset in the compressed stream of the member that
// holds pos, an offset in the decompressed stream not before the last
// forget (-1 if unknown).
func (g *gzipMembers) memberAt(pos int64) int64 {
	in := int64(-1)
	for _, s := range g.starts {
		if s.out > pos {
			break
		}
		in = s.in
	}
	return in
}

// forget drops what endedAt and memberAt keep about the decompressed
// stream before pos: the reader asks about no offset before a record it has
// started.
func (g *gzipMembers) forget(pos int64) {
	i := 0
	for i < len(g.ends) && g.ends[i] < pos {
		i++
	}
	g.ends = g.ends[i:]
	j := 0
	for j+1 < len(g.starts) && g.starts[j+1].out <= pos {
		j++
	}
	g.starts = g.starts[j:]
}

// gzipError is a damaged gzip member, or bytes that are no member,
// skipped. It wraps its kind (errGzipResync, errGzipHeader or
// errGzipGarbage) and its cause.
type gzipError struct {
	kind  error
	at    int64 // offset in the compressed stream where the member or the bytes start
	n     int64 // length of the bytes that are no member
	toEnd bool  // the bytes run to the end of the stream
	cause error
}

func (e *gzipError) Error() string {
	if e.kind == errGzipGarbage {
		if e.toEnd {
			return fmt.Sprintf("%d bytes that are %v, to the end of the file", e.n, errGzipGarbage)
		}
		return fmt.Sprintf("%d bytes that are %v", e.n, errGzipGarbage)
	}
	return fmt.Sprintf("%v: %v", e.kind, e.cause)
}

func (e *gzipError) Unwrap() []error { return []error{e.kind, e.cause} }

// resync goes on at the next gzip member after the start of the damaged
// one and returns the error to report: a *gzipError of kind
// (errGzipResync or errGzipHeader), or of errGzipGarbage when a member
// header was expected where the bytes are no gzip member. When no member
// follows, it returns cause itself as the end of the stream (or the
// *gzipError of the bytes that are no member).
func (g *gzipMembers) resync(kind, cause error) error {
	g.resyncs++
	if g.resyncs > maxResyncs {
		g.done = true
		return fmt.Errorf("%w (more than %d damaged gzip members: giving up)", cause, maxResyncs)
	}
	if kind == errGzipHeader && !gzipLike(g.head) {
		kind = errGzipGarbage
	}
	from := g.at
	// Search again the bytes the damaged member took, after its first:
	// the next member may start among them.
	g.src.rewind()
	for {
		b := g.src.peek(3)
		if len(b) < 3 {
			g.done = true
			if kind == errGzipGarbage {
				end := g.src.offset() + int64(len(b))
				return &gzipError{kind: kind, at: from, n: end - from, toEnd: true, cause: cause}
			}
			return cause
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 {
			to := g.src.offset()
			if err := g.startMember(); err == nil {
				return &gzipError{kind: kind, at: from, n: to - from, cause: cause}
			}
			g.src.rewind() // a false start
			continue
		}
		g.src.pos++
	}
}

// gzipLike reports whether b, the first bytes of what should be a gzip
// member, could be one that is damaged: two of the bytes 1f 8b 08 in place,
// or, cut short, a start of them.
func gzipLike(b []byte) bool {
	magic := [3]byte{0x1f, 0x8b, 8}
	same := 0
	for i := range min(len(b), 3) {
		if b[i] == magic[i] {
			same++
		}
	}
	if len(b) < 3 {
		return same == len(b) && same > 0
	}
	return same >= 2
}

// markReader is a buffered reader that keeps the bytes read since its mark
// (up to maxRescan), so that reading can go back to just after the mark. It
// is an io.ByteReader, so the decompressor reads no further than it needs.
type markReader struct {
	r    io.Reader
	buf  []byte
	pos  int   // next byte of buf to read
	mark int   // start of the kept bytes in buf, or -1: none kept
	base int64 // offset of buf[0] in the stream
	err  error
}

// offset returns the offset in the stream of the next byte to read.
func (m *markReader) offset() int64 { return m.base + int64(m.pos) }

// setMark starts keeping the bytes read from here.
func (m *markReader) setMark() { m.mark = m.pos }

// rewind goes back to just after the mark, when the bytes since it were
// kept.
func (m *markReader) rewind() {
	if m.mark >= 0 && m.mark < m.pos {
		m.pos = m.mark + 1
	}
}

func (m *markReader) ReadByte() (byte, error) {
	if m.pos == len(m.buf) && !m.fill() {
		return 0, m.err
	}
	b := m.buf[m.pos]
	m.pos++
	return b, nil
}

func (m *markReader) Read(p []byte) (int, error) {
	if m.pos == len(m.buf) && !m.fill() {
		return 0, m.err
	}
	n := copy(p, m.buf[m.pos:])
	m.pos += n
	return n, nil
}

// peek returns the next n bytes without reading them, fewer at the end.
func (m *markReader) peek(n int) []byte {
	for len(m.buf)-m.pos < n && m.fill() {
	}
	return m.buf[m.pos:min(len(m.buf), m.pos+n)]
}

// fill reads more bytes into buf, dropping those before the mark (all
// those read when there is none, or more than maxRescan); false at the end
// or on an error, in m.err.
func (m *markReader) fill() bool {
	if m.err != nil {
		return false
	}
	const chunk = 64 << 10
	if cap(m.buf)-len(m.buf) < chunk {
		if m.mark >= 0 && m.pos-m.mark > maxRescan {
			m.mark = -1
		}
		keep := m.pos
		if m.mark >= 0 {
			keep = m.mark
			m.mark = 0
		}
		n := copy(m.buf, m.buf[keep:])
		m.buf, m.pos = m.buf[:n], m.pos-keep
		m.base += int64(keep)
		if cap(m.buf)-n < chunk {
			nb := make([]byte, n, 2*cap(m.buf)+chunk)
			copy(nb, m.buf)
			m.buf = nb
		}
	}
	n, err := m.r.Read(m.buf[len(m.buf):cap(m.buf)])
	m.buf = m.buf[:len(m.buf)+n]
	if err != nil {
		m.err = err
	} else if n == 0 {
		m.err = io.ErrNoProgress
	}
	return n > 0
}
