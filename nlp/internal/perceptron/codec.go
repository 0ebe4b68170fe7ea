package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Encoder writes the pieces of a model file (a gzip stream holding a magic
// string, then varints, strings and Models). Errors stick: check Close.
type Encoder struct {
	gz  *gzip.Writer
	bw  *bufio.Writer
	err error
}

// NewEncoder starts a model file on w with the given magic string. The gzip
// header carries no name or time, so the same model gives the same bytes.
func NewEncoder(w io.Writer, magic string) *Encoder {
	gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	e := &Encoder{gz: gz, bw: bufio.NewWriter(gz)}
	e.String(magic)
	return e
}

// Uvarint writes v.
func (e *Encoder) Uvarint(v uint64) {
	if e.err != nil {
		return
	}
	var buf [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(buf[:], v)
	_, e.err = e.bw.Write(buf[:n])
}

// String writes s with its length.
func (e *Encoder) String(s string) {
	e.Uvarint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.bw.WriteString(s)
	}
}

// Model writes m.
func (e *Encoder) Model(m *Model) {
	if e.err == nil {
		e.err = m.Encode(e.bw)
	}
}

// Close flushes the file and returns the first error.
func (e *Encoder) Close() error {
	if e.err == nil {
		e.err = e.bw.Flush()
	}
	if err := e.gz.Close(); e.err == nil {
		e.err = err
	}
	return e.err
}

// Decoder reads what an Encoder wrote. Errors stick and wrap ErrFormat.
type Decoder struct {
	gz  *gzip.Reader
	br  *bufio.Reader
	err error
}

// NewDecoder opens a model file and checks its magic string.
func NewDecoder(r io.Reader, magic string) (*Decoder, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	d := &Decoder{gz: gz, br: bufio.NewReader(gz)}
	if got := d.String(64); d.err != nil || got != magic {
		return nil, fmt.Errorf("%w: not a %q file", ErrFormat, magic)
	}
	return d, nil
}

// Uvarint reads a varint no larger than limit.
func (d *Decoder) Uvarint(what string, limit uint64) uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.br)
	if err != nil {
		d.err = fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		return 0
	}
	if v > limit {
		d.err = fmt.Errorf("%w: %s %d exceeds %d", ErrFormat, what, v, limit)
		return 0
	}
	return v
}

// String reads a string of at most maxLen bytes.
func (d *Decoder) String(maxLen int) string {
	n := d.Uvarint("string length", uint64(maxLen))
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.br, b); err != nil {
		d.err = fmt.Errorf("%w: reading string: %v", ErrFormat, err)
		return ""
	}
	return string(b)
}

// Model reads a Model.
func (d *Decoder) Model() *Model {
	if d.err != nil {
		return nil
	}
	m, err := Decode(d.br)
	if err != nil {
		d.err = err
		return nil
	}
	return m
}

// Fail records a semantic error found by the caller.
func (d *Decoder) Fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
	}
}

// Err returns the first error so far.
func (d *Decoder) Err() error { return d.err }

// Close checks that the file ends here (which also verifies the gzip
// checksum) and returns the first error.
func (d *Decoder) Close() error {
	if d.err != nil {
		return d.err
	}
	if _, err := d.br.ReadByte(); !errors.Is(err, io.EOF) {
		if err == nil {
			return fmt.Errorf("%w: trailing bytes", ErrFormat)
		}
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return nil
}
