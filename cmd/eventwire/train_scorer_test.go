package main

import (
	"math"
	"testing"

	"github.com/eventwire/eventwire/coder"
)

// TestFitLogistic fits a feature that decides the label three times in
// four: its weight must be positive, the fit deterministic, and the
// out-of-sample threshold search must keep the right events.
func TestFitLogistic(t *testing.T) {
	n := len(coder.FeatureNames)
	mk := func(f, y float64) example {
		x := make([]float64, n)
		x[0] = f
		return example{x: x, y: y}
	}
	var ex []example
	for i := 0; i < 40; i++ {
		ex = append(ex, mk(1, 1), mk(1, 1), mk(1, 1), mk(1, 0), mk(0, 0), mk(0, 0), mk(0, 0), mk(0, 1))
	}
	b, w := fitLogistic(ex, 0.01)
	// The maximum-likelihood fit is logit(3/4) for the feature's events
	// and logit(1/4) without it: bias -1.0986, weight 2.1972.
	if math.Abs(b+1.0986) > 0.01 || math.Abs(w[0]-2.1972) > 0.02 {
		t.Errorf("bias %.4f weight %.4f, want -1.0986 and 2.1972", b, w[0])
	}
	b2, w2 := fitLogistic(ex, 0.01)
	if b2 != b || w2[0] != w[0] {
		t.Error("fit is not deterministic")
	}
	probs := make([]float64, len(ex))
	for i, e := range ex {
		probs[i] = sigmoid(b + dot(w, e.x))
	}
	th, p, r, _ := chooseThreshold(ex, probs, 0.5)
	// Favouring precision keeps only the feature's events: p 0.75, r 0.75.
	if th < 0.3 || th > 0.75 || math.Abs(p-0.75) > 1e-9 || math.Abs(r-0.75) > 1e-9 {
		t.Errorf("threshold %.2f precision %.3f recall %.3f, want one between 0.3 and 0.75 keeping 0.75/0.75", th, p, r)
	}
}

func TestCholSolve(t *testing.T) {
	a := [][]float64{{4, 2}, {2, 3}}
	x, ok := cholSolve(a, []float64{2, 5})
	// 4x+2y=2, 2x+3y=5: x=-0.5, y=2
	if !ok || math.Abs(x[0]+0.5) > 1e-12 || math.Abs(x[1]-2) > 1e-12 {
		t.Errorf("x = %v, want [-0.5 2]", x)
	}
	if _, ok := cholSolve([][]float64{{0, 1}, {1, 0}}, []float64{1, 1}); ok {
		t.Error("an indefinite matrix was factorised")
	}
}
