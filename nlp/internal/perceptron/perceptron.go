// Package perceptron is the averaged multiclass perceptron shared by the
// tagger and the parser: hashed features (uint64 keys), sparse weight rows,
// a Trainer that averages lazily, and a compact immutable Model with a binary
// encoding that the loaders check strictly (bad bytes give an error, never a
// panic).
package perceptron

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Hashing. Features are uint64 keys built by mixing a template number with the
// hashes of the values it combines, so that extracting a feature never
// allocates. Key 0 is reserved for empty table slots.

// String returns the FNV-1a hash of s.
func String(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func fmix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

func nonzero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// H1 returns the key of template t with one value.
func H1(t, a uint64) uint64 { return nonzero(fmix(fmix(t+0x9e3779b97f4a7c15) ^ a)) }

// H2 returns the key of template t with two values.
func H2(t, a, b uint64) uint64 {
	return nonzero(fmix(fmix(fmix(t+0x9e3779b97f4a7c15)^a) ^ b))
}

// H3 returns the key of template t with three values.
func H3(t, a, b, c uint64) uint64 {
	return nonzero(fmix(fmix(fmix(fmix(t+0x9e3779b97f4a7c15)^a)^b) ^ c))
}

// Model is a trained, immutable weight table: for each feature a sparse row
// of (class, weight). It is safe for concurrent use.
//
// A Model keys its rows by the 64-bit feature key folded to 32 bits, which
// halves the table and the file. Two features of a model that fold alike
// share a row (their weights are summed); with a few million features that
// happens to a few hundred of them, and the scores do not notice.
type Model struct {
	nclasses int
	mask     uint32
	slots    []slot   // open addressing; key 0 = empty
	start    []uint32 // row r holds entries start[r]:start[r+1]
	ents     []ent
	keys     []uint32 // row keys in ascending order, for encoding
}

// slot and ent keep what one lookup needs side by side; a row of one entry
// lives in its slot, so most features cost one cache miss.
type slot struct {
	key uint32
	n   uint16 // entries in the row
	c0  uint16 // the entry itself when n == 1 (most rows)
	w0  float32
	off uint32 // the entries in ents[off:off+n] when n > 1
}

type ent struct {
	cls uint16
	w   float32
}

// fold maps a feature key to the 32-bit key a Model stores (never 0).
func fold(k uint64) uint32 {
	f := uint32(k>>32) ^ uint32(k)
	if f == 0 {
		return 1
	}
	return f
}

// NumClasses returns the number of classes the model scores.
func (m *Model) NumClasses() int { return m.nclasses }

// NumFeatures returns the number of feature rows.
func (m *Model) NumFeatures() int { return len(m.keys) }

// NumWeights returns the number of non-zero weights.
func (m *Model) NumWeights() int { return len(m.ents) }

// Score adds the weights of feats to scores, which must have NumClasses
// elements (callers zero it first).
func (m *Model) Score(feats []uint64, scores []float32) {
	if len(m.slots) == 0 {
		return
	}
	for _, f := range feats {
		k := fold(f)
		i := (k * 0x9e3779b1) & m.mask
		for {
			s := &m.slots[i]
			if s.key == k {
				if s.n == 1 {
					scores[s.c0] += s.w0
				} else {
					for _, e := range m.ents[s.off : s.off+uint32(s.n)] {
						scores[e.cls] += e.w
					}
				}
				break
			}
			if s.key == 0 {
				break
			}
			i = (i + 1) & m.mask
		}
	}
}

func newModel(nclasses int, keys []uint32, start []uint32, cls []uint16, w []float32) *Model {
	m := &Model{nclasses: nclasses, keys: keys, start: start, ents: make([]ent, len(w))}
	for i := range w {
		m.ents[i] = ent{cls[i], w[i]}
	}
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	m.mask = uint32(size - 1)
	m.slots = make([]slot, size)
	for r, k := range keys {
		i := (k * 0x9e3779b1) & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		a, b := start[r], start[r+1]
		sl := slot{key: k, n: uint16(b - a), off: a}
		if b-a == 1 {
			sl.c0, sl.w0 = cls[a], w[a]
		}
		m.slots[i] = sl
	}
	return m
}

type entry struct {
	cls uint16
	w   float32
	tot float64
	ts  int64
}

// Trainer learns weights with the averaged perceptron. It is not safe for
// concurrent use.
type Trainer struct {
	nclasses int
	index    map[uint64]int32
	rows     [][]entry
	now      int64
}

// NewTrainer returns a Trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{nclasses: n, index: make(map[uint64]int32)}
}

// NumClasses returns the number of classes.
func (t *Trainer) NumClasses() int { return t.nclasses }

// Score adds the current (not averaged) weights of feats to scores.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.cls] += e.w
		}
	}
}

// Tick advances the averaging clock by one instance. Call it once per
// training instance, updated or not.
func (t *Trainer) Tick() { t.now++ }

// Update moves the weights of feats towards class gold and away from pred.
func (t *Trainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
		}
		t.rows[r] = t.bump(t.rows[r], uint16(gold), 1)
		t.rows[r] = t.bump(t.rows[r], uint16(pred), -1)
	}
}

func (t *Trainer) bump(row []entry, c uint16, d float32) []entry {
	for i := range row {
		if row[i].cls == c {
			e := &row[i]
			e.tot += float64(t.now-e.ts) * float64(e.w)
			e.ts = t.now
			e.w += d
			return row
		}
	}
	return append(row, entry{cls: c, w: d, ts: t.now})
}

// Average returns the averaged weights as a Model, dropping weights whose
// magnitude is below prune. The result does not depend on map order.
func (t *Trainer) Average(prune float32) *Model {
	type kr struct {
		folded uint32
		key    uint64
	}
	keys := make([]kr, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, kr{fold(k), k})
	}
	slices.SortFunc(keys, func(a, b kr) int {
		if a.folded != b.folded {
			return cmp.Compare(a.folded, b.folded)
		}
		return cmp.Compare(a.key, b.key)
	})
	now := max(t.now, 1)
	var out []uint32
	start := []uint32{0}
	var cls []uint16
	var w []float32
	acc := make([]float64, t.nclasses)
	used := make([]bool, t.nclasses)
	for i := 0; i < len(keys); {
		j := i
		for ; j < len(keys) && keys[j].folded == keys[i].folded; j++ {
			for _, e := range t.rows[t.index[keys[j].key]] {
				acc[e.cls] += (e.tot + float64(now-e.ts)*float64(e.w)) / float64(now)
				used[e.cls] = true
			}
		}
		n := 0
		for c := range acc {
			if !used[c] {
				continue
			}
			avg := float32(acc[c])
			acc[c], used[c] = 0, false
			if avg > -prune && avg < prune || avg == 0 {
				continue
			}
			cls = append(cls, uint16(c))
			w = append(w, avg)
			n++
		}
		if n > 0 {
			out = append(out, keys[i].folded)
			start = append(start, uint32(len(w)))
		}
		i = j
	}
	return newModel(t.nclasses, out, start, cls, w)
}

// Prune returns a copy of m without the weights whose magnitude is below
// threshold, for trading accuracy against size.
func (m *Model) Prune(threshold float32) *Model {
	var keys []uint32
	start := []uint32{0}
	var cls []uint16
	var w []float32
	for r, k := range m.keys {
		n := 0
		for _, e := range m.ents[m.start[r]:m.start[r+1]] {
			if e.w > -threshold && e.w < threshold {
				continue
			}
			cls = append(cls, e.cls)
			w = append(w, e.w)
			n++
		}
		if n > 0 {
			keys = append(keys, k)
			start = append(start, uint32(len(w)))
		}
	}
	return newModel(m.nclasses, keys, start, cls, w)
}

// Limits on what Decode accepts, so that corrupted input cannot ask for
// absurd allocations.
const (
	maxClasses = 1 << 12
	maxRows    = 1 << 26
	maxWeights = 1 << 28
)

// ErrFormat reports model bytes that are not a valid encoding.
var ErrFormat = errors.New("perceptron: malformed model")

// Encode writes m in a compact binary form: class count, row count, then for
// each row in key order the key delta (32-bit keys), the entry count, and the entries
// (class, float32 weight).
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:n])
	}
	put(uint64(m.nclasses))
	put(uint64(len(m.keys)))
	prev := uint32(0)
	for r, k := range m.keys {
		put(uint64(k - prev))
		prev = k
		a, b := m.start[r], m.start[r+1]
		put(uint64(b - a))
		for _, e := range m.ents[a:b] {
			put(uint64(e.cls))
			var f [4]byte
			binary.LittleEndian.PutUint32(f[:], math.Float32bits(e.w))
			bw.Write(f[:])
		}
	}
	return bw.Flush()
}

// Decode reads a Model written by Encode. Malformed input gives an error
// wrapping ErrFormat.
func Decode(r io.ByteReader) (*Model, error) {
	get := func(what string, limit uint64) (uint64, error) {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return 0, fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		}
		if v > limit {
			return 0, fmt.Errorf("%w: %s %d exceeds %d", ErrFormat, what, v, limit)
		}
		return v, nil
	}
	nc, err := get("class count", maxClasses)
	if err != nil {
		return nil, err
	}
	if nc == 0 {
		return nil, fmt.Errorf("%w: no classes", ErrFormat)
	}
	nr, err := get("row count", maxRows)
	if err != nil {
		return nil, err
	}
	keys := make([]uint32, 0, min(nr, 1<<20))
	start := make([]uint32, 1, min(nr, 1<<20)+1)
	var cls []uint16
	var ws []float32
	prev := uint64(0)
	for i := uint64(0); i < nr; i++ {
		d, err := get("key", math.MaxUint32)
		if err != nil {
			return nil, err
		}
		if d == 0 || prev+d > math.MaxUint32 {
			return nil, fmt.Errorf("%w: row %d: keys not strictly increasing 32-bit values", ErrFormat, i)
		}
		prev += d
		keys = append(keys, uint32(prev))
		n, err := get("row length", nc)
		if err != nil {
			return nil, err
		}
		if uint64(len(ws))+n > maxWeights {
			return nil, fmt.Errorf("%w: too many weights", ErrFormat)
		}
		for j := uint64(0); j < n; j++ {
			c, err := get("class", nc-1)
			if err != nil {
				return nil, err
			}
			var f [4]byte
			for k := range f {
				b, err := r.ReadByte()
				if err != nil {
					return nil, fmt.Errorf("%w: reading weight: %v", ErrFormat, err)
				}
				f[k] = b
			}
			wt := math.Float32frombits(binary.LittleEndian.Uint32(f[:]))
			if math.IsNaN(float64(wt)) || math.IsInf(float64(wt), 0) {
				return nil, fmt.Errorf("%w: row %d: weight not finite", ErrFormat, i)
			}
			cls = append(cls, uint16(c))
			ws = append(ws, wt)
		}
		start = append(start, uint32(len(ws)))
	}
	return newModel(int(nc), keys, start, cls, ws), nil
}
