package source

import (
	"bytes"
	"fmt"
	"io"

	"github.com/eventwire/eventwire"
)

// warcText is the WARC text (the stream after gzip) read with byte offsets.
// Unlike a bufio.Reader it can go back: the bytes from a kept offset on
// stay in the buffer, so that the reader can return to a record found
// inside the block of a damaged one whose Content-Length ran over it.
type warcText struct {
	r    io.Reader
	buf  []byte
	off  int   // next byte to read in buf
	base int64 // stream offset of buf[0]
	// keep is the stream offset of the first byte that must stay in
	// buf, or -1.
	keep int64
	// pending is an error that came with the last bytes read, returned
	// by the next call to more. The reader under a WARC.gz goes on after
	// a damaged member, so an error is not the end of the text.
	pending error
	// fresh is the offset where the text went on after an error: the
	// start of a gzip member, so of a line.
	fresh int64
}

// lookback is how many bytes before the read position stay in the buffer:
// enough to see whether a version line starts a line, and to find one
// that spans two reads of a block.
const lookback = len(warcVersion) + 1

// warcVersion starts the first line of every record.
const warcVersion = "WARC/1."

func newWARCText(r io.Reader) *warcText { return &warcText{r: r, keep: -1} }

// pos returns the stream offset of the next byte to read.
func (t *warcText) pos() int64 { return t.base + int64(t.off) }

// buffered returns the bytes read into the buffer and not yet consumed.
func (t *warcText) buffered() []byte { return t.buf[t.off:] }

// more reads more bytes into the buffer. It returns nil if some came, else
// the error of the reader under it (io.EOF at the end). It may move the
// bytes in the buffer: slices of it taken before are stale.
func (t *warcText) more() error {
	if err := t.pending; err != nil {
		t.pending = nil
		t.fresh = t.base + int64(len(t.buf))
		return err
	}
	const chunk = 64 << 10
	if cap(t.buf)-len(t.buf) < chunk {
		drop := max(t.off-lookback, 0)
		if t.keep >= 0 {
			drop = min(drop, max(int(t.keep-t.base)-lookback, 0))
		}
		if drop > 0 {
			n := copy(t.buf, t.buf[drop:])
			t.buf, t.off = t.buf[:n], t.off-drop
			t.base += int64(drop)
		}
		if n := len(t.buf); cap(t.buf)-n < chunk {
			nb := make([]byte, n, max(2*cap(t.buf), n+chunk))
			copy(nb, t.buf)
			t.buf = nb
		}
	}
	for range 100 {
		// At most a chunk: the buffer grows only with what is kept.
		n, err := t.r.Read(t.buf[len(t.buf):min(cap(t.buf), len(t.buf)+chunk)])
		t.buf = t.buf[:len(t.buf)+n]
		if n > 0 {
			t.pending = err
			return nil
		}
		if err != nil {
			if err != io.EOF {
				t.fresh = t.base + int64(len(t.buf))
			}
			return err
		}
	}
	return io.ErrNoProgress
}

// peek returns the next n bytes without consuming them, or fewer and the
// error that stopped reading.
func (t *warcText) peek(n int) ([]byte, error) {
	for len(t.buf)-t.off < n {
		if err := t.more(); err != nil {
			return t.buf[t.off:], err
		}
	}
	return t.buf[t.off : t.off+n], nil
}

// lineStart reports whether the next byte starts a line.
func (t *warcText) lineStart() bool {
	if t.off == 0 && t.base == 0 || t.pos() == t.fresh {
		return true
	}
	return t.off > 0 && t.buf[t.off-1] == '\n'
}

// rewind goes back to the kept offset, and keeps nothing more.
func (t *warcText) rewind() {
	t.off = int(t.keep - t.base)
	t.keep = -1
}

// readLine reads one line and returns it without its CR LF; it is valid
// until the next read. A line longer than max is consumed and reported
// with eventwire.ErrTooLarge. A last line without LF is returned at the
// end; after it, io.EOF. On another error, the bytes of the unfinished line
// are consumed.
func (t *warcText) readLine(max int) ([]byte, error) {
	scanned := 0 // bytes after off known to hold no LF
	tooLong := false
	for {
		if i := bytes.IndexByte(t.buf[t.off+scanned:], '\n'); i >= 0 {
			end := t.off + scanned + i
			line := t.buf[t.off:end]
			t.off = end + 1
			if tooLong || len(line) > max {
				return nil, fmt.Errorf("%w: line longer than %d bytes", eventwire.ErrTooLarge, max)
			}
			return bytes.TrimRight(line, "\r\n"), nil
		}
		scanned = len(t.buf) - t.off
		if scanned > max {
			tooLong = true
			t.off, scanned = len(t.buf), 0
		}
		if err := t.more(); err != nil {
			line := t.buf[t.off:]
			t.off = len(t.buf)
			if err != io.EOF {
				return nil, err
			}
			if tooLong {
				return nil, fmt.Errorf("%w: line longer than %d bytes", eventwire.ErrTooLarge, max)
			}
			if len(line) == 0 {
				return nil, io.EOF
			}
			return bytes.TrimRight(line, "\r\n"), nil
		}
	}
}

// skipped describes the bytes passed over on the way to a version line,
// blank lines aside: where the others start and end in the text (start is
// -1 if there were none) and whether they were all zero.
type skipped struct {
	start, end int64
	zero       bool
}

func (s *skipped) add(b []byte, at int64) {
	for i, c := range b {
		if c == '\r' || c == '\n' {
			continue
		}
		if s.start < 0 {
			s.start = at + int64(i)
		}
		s.end = at + int64(i) + 1
		s.zero = s.zero && c == 0
	}
}

// seekVersion consumes bytes up to the next version line, and returns what
// it passed over. A version line starts a line, or, after garbage on its
// line (zero padding, a record cut short), is a whole "WARC/1.x" CR LF.
// It returns io.EOF at the end of the text, and the error of the reader
// under it otherwise.
func (t *warcText) seekVersion() (skipped, error) {
	s := skipped{start: -1, zero: true}
	const whole = len(warcVersion) + 3 // "WARC/1." digit CR LF
	for {
		b := t.buffered()
		if len(b) < whole {
			if err := t.more(); err != nil {
				if err == io.EOF {
					s.add(t.buffered(), t.pos()) // b may have moved
					t.off = len(t.buf)
				}
				return s, err
			}
			continue
		}
		i := bytes.Index(b, []byte(warcVersion))
		var n int // bytes to pass over
		switch {
		case i < 0:
			n = len(b) - (len(warcVersion) - 1) // keep what may start one
		case i == 0 && t.lineStart():
			return s, nil
		case i > 0 && b[i-1] == '\n':
			n = i
		case i+whole > len(b):
			n = max(i, 1) // to be judged with the bytes after it
		case b[i+len(warcVersion)] >= '0' && b[i+len(warcVersion)] <= '9' && string(b[i+whole-2:i+whole]) == "\r\n":
			if i == 0 {
				return s, nil
			}
			n = i
		default:
			n = i + 1
		}
		if f := t.fresh - t.pos(); f > 0 && f < int64(n) {
			n = int(f) // a line starts there too
		}
		s.add(b[:n], t.pos())
		t.off += n
	}
}
