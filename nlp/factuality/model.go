package factuality

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/eventwire/eventwire/models"
	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

// Model is a trained factuality model: a linear function of hashed
// features of the predicate and the tree around it. It is immutable and
// safe for concurrent use.
type Model struct {
	groups Groups
	bias   float32
	mask   uint32
	slots  []slot // open addressing on the folded key; key 0 = empty
	keys   []uint32
	ws     []float32
}

type slot struct {
	key uint32
	w   float32
}

// The range of the UDS scale; predictions are clipped to it.
const (
	MinValue = -3
	MaxValue = 3
)

// fold maps a feature key to the 32-bit key a Model stores (never 0). Two
// features that fold alike share a weight; with the few hundred thousand
// features of a model that happens to a handful.
func fold(k uint64) uint32 {
	f := uint32(k>>32) ^ uint32(k)
	if f == 0 {
		return 1
	}
	return f
}

// newModel builds the look-up table over keys (strictly increasing) and ws.
func newModel(g Groups, bias float32, keys []uint32, ws []float32) *Model {
	m := &Model{groups: g, bias: bias, keys: keys, ws: ws}
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
		m.slots[i] = slot{k, ws[r]}
	}
	return m
}

func (m *Model) weight(f uint64) float32 {
	k := fold(f)
	i := (k * 0x9e3779b1) & m.mask
	for {
		s := &m.slots[i]
		if s.key == k {
			return s.w
		}
		if s.key == 0 {
			return 0
		}
		i = (i + 1) & m.mask
	}
}

// Groups returns the feature groups the model was trained with.
func (m *Model) Groups() Groups { return m.groups }

// NumFeatures returns the number of weights the model holds.
func (m *Model) NumFeatures() int { return len(m.keys) }

// Factuality returns the predicted factual value of the event that token
// tok of d names, on the UDS-IH2 scale: positive it happened, negative it
// did not, near 0 uncertain (a hypothetical, a plan, a question, a
// possibility). UDS-IH2's values are normalised per annotator and lie
// between about -2.1 and +2.3, in three clusters: about +1.1 (happened),
// about -1.2 (did not happen) and about 0 (uncertain); predictions are
// clipped to [MinValue, MaxValue].
//
// d must be a valid Doc (Doc.Validate) annotated with tokens, sentences,
// UPOS, lemmas and dependencies, as the English pipeline leaves it;
// morphological features (tense, mood) are used when present. A token out
// of range gives 0; missing layers give a value from what is there.
//
// The value is the learned model's, except for a predicate the text does
// not assert, which scores at most NotAssertedMax: a negated one ("did not
// name", "no group claimed") and the verb of a yes-no question ("Did
// Germany ban the airline?"). The UDS-IH2 annotators judged 43% of negated
// predicates and 41% of yes-no questions as having happened ("I don't
// recommend this place"), so the model learns both as weak cues, while an
// event coder needs "did not ban" to mean that no ban happened.
//
// Deciding "did it happen?" is Factuality(...) > 0.
func (m *Model) Factuality(d *text.Doc, tok int) float64 {
	if d == nil || tok < 0 || tok >= len(d.Tokens) {
		return 0
	}
	v := m.Learned(d, tok)
	if v > NotAssertedMax && !asserted(d, tok) {
		return NotAssertedMax
	}
	return v
}

// NotAssertedMax is the highest value Factuality gives a negated predicate
// or the verb of a yes-no question.
const NotAssertedMax = -0.5

// Learned returns the value the learned model predicts for token tok of
// d, without Factuality's rule for negated predicates: the figure to
// compare with published UDS-IH2 results.
func (m *Model) Learned(d *text.Doc, tok int) float64 {
	if d == nil || tok < 0 || tok >= len(d.Tokens) {
		return 0
	}
	var buf [128]uint64
	fs := features(buf[:0], d, tok, m.groups)
	return m.score(fs)
}

func (m *Model) score(fs []uint64) float64 {
	s := m.bias
	if len(m.slots) > 0 {
		for _, f := range fs {
			s += m.weight(f)
		}
	}
	return clip(float64(s))
}

func clip(v float64) float64 {
	return max(MinValue, min(MaxValue, v))
}

// Load returns the embedded English model (models/en_ewt.factuality),
// trained on UDS-IH2 over eventwire's own parses of EWT.
func Load() (*Model, error) {
	b, err := models.Factuality()
	if err != nil {
		return nil, fmt.Errorf("factuality: %w", err)
	}
	m, err := LoadBytes(b)
	if err != nil {
		return nil, fmt.Errorf("factuality: embedded model: %w", err)
	}
	return m, nil
}

// magic opens every model file; the number changes with the format.
const magic = "eventwire factuality model 1"

// Limits on what the loader accepts, so that corrupted input cannot ask for
// absurd allocations.
const maxFeatures = 1 << 24

// ErrFormat reports model bytes that are not a valid model.
var ErrFormat = errors.New("factuality: malformed model")

// LoadBytes reads a model from the bytes Save wrote.
func LoadBytes(b []byte) (*Model, error) { return Read(bytes.NewReader(b)) }

// Read reads a model written by Save. Malformed input gives an error
// wrapping ErrFormat, never a panic.
func Read(r io.Reader) (*Model, error) {
	dec, err := perceptron.NewDecoder(r, magic)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	g := Groups(dec.Uvarint("feature groups", uint64(AllGroups)))
	bias := f32(dec.Uvarint("bias", math.MaxUint32))
	n := dec.Uvarint("feature count", maxFeatures)
	if err := dec.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if !finite(bias) {
		return nil, fmt.Errorf("%w: bias not finite", ErrFormat)
	}
	keys := make([]uint32, 0, min(n, 1<<20))
	ws := make([]float32, 0, min(n, 1<<20))
	prev := uint64(0)
	for i := uint64(0); i < n; i++ {
		d := dec.Uvarint("key", math.MaxUint32)
		w := f32(dec.Uvarint("weight", math.MaxUint32))
		if err := dec.Err(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		if d == 0 || prev+d > math.MaxUint32 {
			return nil, fmt.Errorf("%w: feature %d: keys not strictly increasing 32-bit values", ErrFormat, i)
		}
		if !finite(w) {
			return nil, fmt.Errorf("%w: feature %d: weight not finite", ErrFormat, i)
		}
		prev += d
		keys = append(keys, uint32(prev))
		ws = append(ws, w)
	}
	if err := dec.Close(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return newModel(g, bias, keys, ws), nil
}

// Save writes the model: a gzip stream (no name, no time, so the same model
// gives the same bytes) holding the magic string, the feature groups, the
// bias, and the features in key order (key delta, float32 bits).
func (m *Model) Save(w io.Writer) error {
	e := perceptron.NewEncoder(w, magic)
	e.Uvarint(uint64(m.groups))
	e.Uvarint(uint64(math.Float32bits(m.bias)))
	e.Uvarint(uint64(len(m.keys)))
	prev := uint32(0)
	for i, k := range m.keys {
		e.Uvarint(uint64(k - prev))
		e.Uvarint(uint64(math.Float32bits(m.ws[i])))
		prev = k
	}
	return e.Close()
}

func f32(v uint64) float32 { return math.Float32frombits(uint32(v)) }

func finite(f float32) bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }
