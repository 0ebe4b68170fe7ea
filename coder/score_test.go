package coder_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
)

func TestScorerReadWrite(t *testing.T) {
	s, err := coder.NewScorer(-1, map[string]float64{"family:force": 2, "source:no-country": -3}, 0.5, map[string]string{"data": "made up"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	r, err := coder.ReadScorer(&b)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float32, len(coder.FeatureNames))
	for i, n := range coder.FeatureNames {
		if n == "family:force" {
			x[i] = 1
		}
	}
	// z = -1 + 2 = 1: p = 1/(1+e^-1) = 0.731059
	if p := r.Prob(x); math.Abs(p-0.731059) > 1e-6 {
		t.Errorf("Prob = %v, want 0.731059", p)
	}
	for _, bad := range []string{
		`{"bias": 0, "weights": {"no such feature": 1}, "threshold": 0.5}`,
		`{"bias": 0, "weights": {}, "threshold": 1.5}`,
		`{"bias": 1e9, "weights": {}, "threshold": 0.5}`,
		`{"bias": 0, "weights": {"pattern": "x"}, "threshold": 0.5}`,
		`not json`,
		strings.Repeat(" ", 1<<20+1),
	} {
		if _, err := coder.ReadScorer(strings.NewReader(bad)); !errors.Is(err, coder.ErrScorer) {
			t.Errorf("ReadScorer(%.40q): err = %v, want ErrScorer", bad, err)
		}
	}
}

// TestScorerFilters: events the scorer gives less than its threshold are
// dropped, the others carry its probability; Candidates sees them all,
// each with one value per feature name.
func TestScorerFilters(t *testing.T) {
	d := caseDicts(t)
	doc := condemnAttackDoc(t)
	// Force (19) events score 1/(1+e^-2) = 0.88, the rest 0.5.
	s, err := coder.NewScorer(0, map[string]float64{"family:force": 2}, 0.6, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := coder.DefaultOptions()
	o.Scorer = s
	c := coder.New(d, cameo.Default(), o)
	evs, err := c.Code(context.Background(), doc, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].CAMEO != "190" || evs[0].Confidence != 0.88 {
		t.Fatalf("events %+v: want the attack alone, confidence 0.88", evs)
	}
	cs, err := c.Candidates(context.Background(), doc, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d candidates, want 2 (the scorer does not filter candidates)", len(cs))
	}
	for _, cand := range cs {
		if len(cand.Features) != len(coder.FeatureNames) {
			t.Errorf("%d features, want %d", len(cand.Features), len(coder.FeatureNames))
		}
		force := cand.Features[indexOf(coder.FeatureNames, "family:force")]
		if (cand.Event.CAMEO == "190") != (force == 1) {
			t.Errorf("event %s: family:force = %v", cand.Event.CAMEO, force)
		}
	}
}

func indexOf(names []string, n string) int {
	for i, x := range names {
		if x == n {
			return i
		}
	}
	return -1
}
