package coder_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
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
	d, err := dict.Load(os.DirFS("testdata/dict"), dict.Files{
		Verbs: []string{"verbs.txt"}, Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	const conll = `# text = Russia condemned Turkey and attacked Syria.
1	Russia	Russia	PROPN	_	_	2	nsubj	_	_
2	condemned	condemn	VERB	_	_	0	root	_	_
3	Turkey	Turkey	PROPN	_	_	2	obj	_	_
4	and	and	CCONJ	_	_	5	cc	_	_
5	attacked	attack	VERB	_	_	2	conj	_	_
6	Syria	Syria	PROPN	_	_	5	obj	_	SpaceAfter=No
7	.	.	PUNCT	_	_	2	punct	_	_

`
	doc := caseDoc(t, "Russia condemned Turkey and attacked Syria.", []byte(conll))
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
