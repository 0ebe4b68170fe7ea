package coder

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// The last step of stage 5: a learned scorer. Each candidate event is
// described by a few dozen features of what the stages decided — the
// kind of frame, whether a pattern matched, the assertion, the code's
// family, how each actor was found, the factuality model's value, where
// the sentence stands in the article — and a logistic model trained on
// judged and annotated news (eventwire train scorer) gives the probability
// that a careful reader would code the event. Events below the model's
// threshold are dropped; the others carry the probability as their
// Confidence.

// FeatureNames names the features of a candidate event, in the order of
// Candidate.Features.
var FeatureNames = featureNames()

// families groups CAMEO roots into the feature families of the scorer.
var families = []struct{ name, roots string }{
	{"statement", "01"}, {"appeal", "02"}, {"intent", "03"}, {"consult", "04"}, {"support", "05"},
	{"cooperate", "06 07 08"}, {"investigate", "09"}, {"demand", "10"}, {"disapprove", "11"},
	{"reject", "12"}, {"threaten", "13"}, {"protest", "14 15 16"}, {"coerce", "17"}, {"force", "18 19 20"},
}

// viaHows are the ways an actor is found without being named (eventwire.Via).
var viaHows = []string{"pronoun", "short-ref", "country", "place", "role-ref", "place-ref", "sender", "apposition", "article"}

func featureNames() []string {
	n := []string{"kind:verb", "kind:aspect", "kind:noun", "kind:rule", "pattern", "mode:asserted", "mode:intended", "mode:negated"}
	for _, f := range families {
		n = append(n, "family:"+f.name)
	}
	for _, side := range []string{"source", "target"} {
		n = append(n, side+":inferred", side+":no-country", side+":bare-state", side+":person", side+":organisation")
		for _, h := range viaHows {
			n = append(n, side+":via-"+h)
		}
	}
	return append(n, "target:deep", "repaired", "finite", "factuality", "first-sentence", "sentence-position",
		"pairs>1", "in-quote", "reported-clause")
}

// featureIndex maps a feature name to its index in FeatureNames.
var featureIndex = func() map[string]int {
	m := make(map[string]int, len(FeatureNames))
	for i, n := range FeatureNames {
		m[n] = i
	}
	return m
}()

// A Candidate is a coded event with the features the scorer reads, for
// training and inspecting the scorer (Coder.Candidates).
type Candidate struct {
	Event    eventwire.Event
	Features []float32
}

// features describes the event of code between src and tgt that frame f
// gives.
func (st *sent) features(f *frame, code string, src, tgt entity) []float32 {
	x := make([]float32, len(FeatureNames))
	set := func(name string, v float32) {
		if i, ok := featureIndex[name]; ok {
			x[i] = v
		}
	}
	switch {
	case f.rule != nil:
		set("kind:rule", 1)
	case f.kind == aspectFrame:
		set("kind:aspect", 1)
	case f.kind == nounFrame, f.kind == evalFrame:
		set("kind:noun", 1)
	default:
		set("kind:verb", 1)
	}
	if f.best != nil {
		set("pattern", 1)
	}
	switch f.as.mode {
	case asserted:
		set("mode:asserted", 1)
	case intended:
		set("mode:intended", 1)
	case negated:
		set("mode:negated", 1)
	}
	if len(code) >= 2 {
		for _, fam := range families {
			if strings.Contains(fam.roots, code[:2]) {
				set("family:"+fam.name, 1)
			}
		}
	}
	for _, side := range []struct {
		name string
		e    entity
	}{{"source", src}, {"target", tgt}} {
		e := side.e
		if e.inferred {
			set(side.name+":inferred", 1)
		}
		if strings.HasPrefix(e.code, "---") {
			set(side.name+":no-country", 1)
		}
		if len(e.code) == 3 && placeCode(e.code) {
			set(side.name+":bare-state", 1)
		}
		if e.person {
			set(side.name+":person", 1)
		}
		if organisation(e.code) {
			set(side.name+":organisation", 1)
		}
		if e.viaHow != "" {
			set(side.name+":via-"+e.viaHow, 1)
		}
	}
	if !tgt.null() && tgt.head >= st.lo && tgt.head < st.hi && st.head(tgt.head) != f.host {
		set("target:deep", 1)
	}
	if src.repaired || tgt.repaired || st.repairedTok[src.head] || st.repairedTok[tgt.head] {
		set("repaired", 1)
	}
	if f.finite {
		set("finite", 1)
		set("factuality", float32(f.fact))
	}
	if st.idx == 0 {
		set("first-sentence", 1)
	}
	set("sentence-position", float32(math.Log1p(float64(st.idx))/4))
	if len(f.sources)*max(len(f.targets), 1) > 1 {
		set("pairs>1", 1)
	}
	if st.inQuote(f.pred) {
		set("in-quote", 1)
	}
	if st.base(f.host) == text.Ccomp {
		set("reported-clause", 1)
	}
	return x
}

// inQuote reports whether token i stands inside quotation marks opened
// earlier in its sentence.
func (st *sent) inQuote(i int) bool {
	open, _ := st.quoteAt(i)
	return open
}

// quoteAt reports whether token i stands inside quotation marks opened
// earlier in its sentence, and whether they were opened where a direct
// quotation starts: at the sentence's start or after a comma or a colon.
func (st *sent) quoteAt(i int) (open, direct bool) {
	for j := st.lo; j < i; j++ {
		if quoteMark(st.doc.Form(j)) {
			open = !open
			if open {
				direct = j == st.lo || st.doc.Form(j-1) == "," || st.doc.Form(j-1) == ":"
			}
		}
	}
	return open, direct
}

// quoteMark reports whether form is a double quotation mark.
func quoteMark(form string) bool {
	switch form {
	case "\"", "“", "”", "«", "»":
		return true
	}
	return false
}

// Scorer is a logistic model over the features of candidate events: the
// probability that a careful reader codes the event is 1/(1+e^-z), z the
// bias plus the weighted features. A Scorer is immutable and safe for
// concurrent use.
type Scorer struct {
	// Bias and Weights (by feature name, see FeatureNames) define z.
	Bias    float64            `json:"bias"`
	Weights map[string]float64 `json:"weights"`
	// Threshold is the lowest probability of an event that is kept.
	Threshold float64 `json:"threshold"`
	// Trained says how the model was made (data, command, scores), for
	// people reading the file.
	Trained map[string]string `json:"trained,omitempty"`

	w []float64 // Weights in the order of FeatureNames
}

// ErrScorer is wrapped by the errors of ReadScorer.
var ErrScorer = errors.New("bad scorer file")

// maxScorerBytes bounds a scorer file.
const maxScorerBytes = 1 << 20

// ReadScorer reads a scorer written by Scorer.Write. Weights of features
// this coder does not know are an error (the model was trained for
// another version of the features); features it lacks weigh nothing.
func ReadScorer(r io.Reader) (*Scorer, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxScorerBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxScorerBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrScorer, maxScorerBytes)
	}
	var s Scorer
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrScorer, err)
	}
	if err := s.init(); err != nil {
		return nil, err
	}
	return &s, nil
}

// NewScorer returns a scorer with the given weights, bias and threshold.
func NewScorer(bias float64, weights map[string]float64, threshold float64, trained map[string]string) (*Scorer, error) {
	s := &Scorer{Bias: bias, Weights: weights, Threshold: threshold, Trained: trained}
	if err := s.init(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Scorer) init() error {
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e6 }
	if bad(s.Bias) || bad(s.Threshold) || s.Threshold < 0 || s.Threshold > 1 {
		return fmt.Errorf("%w: bias %v or threshold %v out of range", ErrScorer, s.Bias, s.Threshold)
	}
	s.w = make([]float64, len(FeatureNames))
	for name, v := range s.Weights {
		i, ok := featureIndex[name]
		if !ok {
			return fmt.Errorf("%w: unknown feature %q", ErrScorer, name)
		}
		if bad(v) {
			return fmt.Errorf("%w: weight of %q is %v", ErrScorer, name, v)
		}
		s.w[i] = v
	}
	return nil
}

// Write writes s as JSON (indented, features in a stable order).
func (s *Scorer) Write(w io.Writer) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// Prob returns the probability the model gives features x.
func (s *Scorer) Prob(x []float32) float64 {
	z := s.Bias
	for i, v := range x {
		if i < len(s.w) {
			z += s.w[i] * float64(v)
		}
	}
	return 1 / (1 + math.Exp(-z))
}
