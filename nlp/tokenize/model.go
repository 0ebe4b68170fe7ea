package tokenize

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Model is the sentence-boundary classifier: a linear model over hashed
// features of the tokens around a candidate gap. A Model is immutable and
// safe for concurrent use.
type Model struct {
	keys    []uint64 // sorted
	weights []float32
	// An open-addressing table of the weights (key 0 marks an empty slot;
	// feature keys are never 0), faster than a map on this hot path.
	slots []uint64
	vals  []float32
	mask  uint64
}

// score returns the model's margin for the features in keys; positive means
// "boundary".
func (m *Model) score(keys []uint64) float32 {
	var sum float32
	if len(m.slots) == 0 {
		return 0
	}
	for _, k := range keys {
		for i := k & m.mask; ; i = (i + 1) & m.mask {
			if m.slots[i] == k {
				sum += m.vals[i]
				break
			}
			if m.slots[i] == 0 {
				break
			}
		}
	}
	return sum
}

// buildIndex makes the lookup table. Train and DecodeModel call it before
// handing the Model out, so score never writes to a shared Model.
func (m *Model) buildIndex() {
	size := 1
	for size < 2*len(m.keys) {
		size *= 2
	}
	m.slots = make([]uint64, size)
	m.vals = make([]float32, size)
	m.mask = uint64(size - 1)
	for i, k := range m.keys {
		if k == 0 {
			continue
		}
		j := k & m.mask
		for m.slots[j] != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = k
		m.vals[j] = m.weights[i]
	}
}

// Len returns the number of features the model weighs.
func (m *Model) Len() int { return len(m.keys) }

const modelMagic = "eventwire-sentsplit-1\n"

// Encode writes m in its binary form: gzip of a magic line, the feature
// count, then delta-coded keys and float32 weights. The same model always
// gives the same bytes.
func (m *Model) Encode(w io.Writer) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(gz)
	bw.WriteString(modelMagic)
	var buf [binary.MaxVarintLen64]byte
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(m.keys)))])
	prev := uint64(0)
	for _, k := range m.keys {
		bw.Write(buf[:binary.PutUvarint(buf[:], k-prev)])
		prev = k
	}
	for _, wt := range m.weights {
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(wt))
		bw.Write(buf[:4])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tokenize: writing model: %w", err)
	}
	if err := gz.Close(); err != nil {
		return fmt.Errorf("tokenize: writing model: %w", err)
	}
	return nil
}

// ErrBadModel reports sentence-model bytes that do not decode.
var ErrBadModel = errors.New("tokenize: bad sentence model")

// maxModelFeatures bounds what DecodeModel accepts.
const maxModelFeatures = 1 << 22

// DecodeModel reads a model written by Encode. Bad bytes give an error
// wrapping ErrBadModel, never a panic.
func DecodeModel(b []byte) (*Model, error) {
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	br := bufio.NewReader(io.LimitReader(gz, 64<<20))
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("%w: wrong magic", ErrBadModel)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > maxModelFeatures {
		return nil, fmt.Errorf("%w: bad feature count", ErrBadModel)
	}
	m := &Model{keys: make([]uint64, n), weights: make([]float32, n)}
	prev := uint64(0)
	for i := range m.keys {
		d, err := binary.ReadUvarint(br)
		if err != nil || (i > 0 && d == 0) {
			return nil, fmt.Errorf("%w: bad key %d", ErrBadModel, i)
		}
		prev += d
		m.keys[i] = prev
	}
	var w4 [4]byte
	for i := range m.weights {
		if _, err := io.ReadFull(br, w4[:]); err != nil {
			return nil, fmt.Errorf("%w: short weights", ErrBadModel)
		}
		m.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(w4[:]))
	}
	m.buildIndex()
	return m, nil
}

// Features. Each feature is a template number hashed with the values it
// combines (FNV-1a over bytes, ASCII lower-cased where a template asks for
// it), so that extracting features never allocates.

type hasher uint64

func newHash(template byte) hasher {
	return hasher((14695981039346656037 ^ uint64(template)) * 1099511628211)
}

func (h hasher) b(c byte) hasher { return hasher((uint64(h) ^ uint64(c)) * 1099511628211) }

func (h hasher) lower(s string) hasher {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = h.b(c)
	}
	return h.b(0xff)
}

func (h hasher) key() uint64 {
	k := uint64(h)
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	if k == 0 {
		k = 1
	}
	return k
}

type featBuf struct {
	keys []uint64
}

// extract fills fb.keys with the features of the gap after token i.
func (fb *featBuf) extract(s string, toks []Tok, i int, gap gapKind) {
	fb.keys = fb.keys[:0]
	tok := func(j int) string {
		if j < 0 || j >= len(toks) {
			return ""
		}
		return s[toks[j].Start:toks[j].End]
	}
	p, n, nn := tok(i), tok(i+1), tok(i+2)
	pc, nc := classOf(p), numClasses
	ns, nns := byte('$'), byte('$')
	if n != "" {
		nc, ns = classOf(n), shape(n)
	}
	if nn != "" {
		nns = shape(nn)
	}
	// The last word before the gap, skipping punctuation, and the one before.
	w, w2 := "", ""
	for j := i; j >= 0 && j >= i-4; j-- {
		c := classOf(tok(j))
		if c == clWord || c == clNum || c == clAbbrev {
			if w == "" {
				w = tok(j)
			} else {
				w2 = tok(j)
				break
			}
		}
	}
	ppc := numClasses
	if i > 0 {
		ppc = classOf(tok(i - 1))
	}
	add := func(h hasher) { fb.keys = append(fb.keys, h.key()) }
	add(newHash(1))
	add(newHash(2).lower(p))
	add(newHash(3).lower(n))
	add(newHash(4).b(byte(pc)))
	add(newHash(5).b(byte(nc)).b(ns))
	add(newHash(6).b(byte(pc)).b(ns))
	add(newHash(7).b(byte(gap)).b(byte(pc)))
	add(newHash(8).b(byte(ppc)).b(byte(pc)).b(ns))
	add(newHash(9).lower(p).b(ns))
	add(newHash(10).lower(n).b(byte(pc)))
	add(newHash(11).b(byte(nc)).b(ns).b(nns))
	add(newHash(12).lower(w).b(ns))
	add(newHash(13).lower(w))
	add(newHash(14).b(shape(w)).b(byte(min(utf8Len(w), 6))).b(byte(pc)).b(ns))
	add(newHash(15).lower(w2).lower(w))
	add(newHash(16).b(byte(gap)).b(byte(pc)).b(ns))
	ps := shape(p)
	add(newHash(17).b(ps).b(ns).b(byte(gap)))
	add(newHash(18).b(byte(pc)).b(byte(nc)))
	add(newHash(19).lower(suffix3(p)).b(ns))
	add(newHash(20).b(addrKind(p)).b(ns))
	add(newHash(21).lower(n).lower(nn))
}

// suffix3 returns the last three bytes of s (or s).
func suffix3(s string) string {
	if len(s) > 3 {
		return s[len(s)-3:]
	}
	return s
}

// addrKind tells URLs, e-mail addresses and file names apart from words.
func addrKind(s string) byte {
	switch {
	case containsByte(s, '@'):
		return '@'
	case len(s) > 4 && (s[:4] == "http" || s[:4] == "www."):
		return 'u'
	case containsByte(s, '.') && len(s) > 1 && s[len(s)-1] != '.':
		return '.'
	}
	return 0
}

func utf8Len(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
