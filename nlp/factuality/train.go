package factuality

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/eventwire/eventwire/text"
)

// Example is one training or evaluation item: a predicate of an annotated
// Doc and its gold factual value.
type Example struct {
	Doc   *text.Doc
	Token int
	Value float64
}

// TrainOptions control training. The zero value gives the shipped model's
// settings.
type TrainOptions struct {
	Groups Groups  // feature groups; 0 means DefaultGroups
	Lambda float64 // L2 penalty of the ridge regression; 0 means DefaultLambda
	// Iterations bounds the conjugate-gradient iterations; 0 means
	// DefaultIterations (the solution has converged long before).
	Iterations int
	// Prune drops weights whose magnitude is below it; 0 means DefaultPrune,
	// negative keeps every weight.
	Prune float64
}

// Defaults of TrainOptions, chosen on UDS-IH2 dev and by cross-validation on
// the training judgements.
const (
	DefaultGroups     = AllGroups
	DefaultLambda     = 20
	DefaultIterations = 200
	DefaultPrune      = 0.01
)

// Train fits a ridge regression of the factual value on the hashed
// features of each example: the weights w minimise
//
//	Σ (mean + Σ_f∈example w_f − value)² + λ Σ w_f²
//
// solved exactly (to convergence) by conjugate gradients on the normal
// equations. The result depends only on the examples and the options:
// there is no sampling and no order dependence, so the same data give the
// same model bytes.
func Train(ex []Example, opt TrainOptions) (*Model, error) {
	if len(ex) == 0 {
		return nil, errors.New("factuality: train: no examples")
	}
	if opt.Groups == 0 {
		opt.Groups = DefaultGroups
	}
	if opt.Lambda <= 0 {
		opt.Lambda = DefaultLambda
	}
	if opt.Iterations <= 0 {
		opt.Iterations = DefaultIterations
	}
	if opt.Prune == 0 {
		opt.Prune = DefaultPrune
	}
	// Features are extracted once, as dense indices. A feature that occurs
	// twice (or two that fold alike) counts twice, in training as in
	// Factuality.
	index := map[uint32]int32{}
	feats := make([][]int32, len(ex))
	ys := make([]float64, len(ex))
	var mean float64
	var buf []uint64
	for i, e := range ex {
		if e.Doc == nil || e.Token < 0 || e.Token >= len(e.Doc.Tokens) {
			return nil, fmt.Errorf("factuality: train: example %d: token %d out of range", i, e.Token)
		}
		if math.IsNaN(e.Value) || math.IsInf(e.Value, 0) {
			return nil, fmt.Errorf("factuality: train: example %d: value not finite", i)
		}
		buf = features(buf[:0], e.Doc, e.Token, opt.Groups)
		fi := make([]int32, 0, len(buf))
		for _, f := range buf {
			k := fold(f)
			j, ok := index[k]
			if !ok {
				j = int32(len(index))
				index[k] = j
			}
			fi = append(fi, j)
		}
		feats[i] = fi
		ys[i] = e.Value
		mean += e.Value
	}
	mean /= float64(len(ex))
	w := ridge(feats, ys, mean, len(index), opt.Lambda, opt.Iterations)
	return finish(index, w, mean, opt), nil
}

// ridge solves (XᵀX + λI) w = Xᵀ(y - mean) by conjugate gradients, where
// row i of the 0/1 design matrix X holds the features of example i.
func ridge(feats [][]int32, ys []float64, mean float64, n int, lambda float64, iters int) []float64 {
	// mul returns (XᵀX + λI) v.
	xv := make([]float64, len(feats))
	mul := func(out, v []float64) {
		for i, fi := range feats {
			s := 0.0
			for _, j := range fi {
				s += v[j]
			}
			xv[i] = s
		}
		for j := range out {
			out[j] = lambda * v[j]
		}
		for i, fi := range feats {
			for _, j := range fi {
				out[j] += xv[i]
			}
		}
	}
	w := make([]float64, n)
	r := make([]float64, n)
	for i, fi := range feats {
		for _, j := range fi {
			r[j] += ys[i] - mean
		}
	}
	p := slices.Clone(r)
	ap := make([]float64, n)
	rr := dot(r, r)
	for it := 0; it < iters && rr > 1e-12; it++ {
		mul(ap, p)
		alpha := rr / dot(p, ap)
		for j := range w {
			w[j] += alpha * p[j]
			r[j] -= alpha * ap[j]
		}
		rr2 := dot(r, r)
		beta := rr2 / rr
		rr = rr2
		for j := range p {
			p[j] = r[j] + beta*p[j]
		}
	}
	return w
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// finish turns dense weights into a Model, dropping those below opt.Prune
// and keeping the rest in key order.
func finish(index map[uint32]int32, w []float64, mean float64, opt TrainOptions) *Model {
	type kw struct {
		k uint32
		w float32
	}
	out := make([]kw, 0, len(w))
	for k, j := range index {
		if math.Abs(w[j]) < opt.Prune || w[j] == 0 {
			continue
		}
		out = append(out, kw{k, float32(w[j])})
	}
	slices.SortFunc(out, func(a, b kw) int { return cmp.Compare(a.k, b.k) })
	keys := make([]uint32, len(out))
	ws := make([]float32, len(out))
	for i, x := range out {
		keys[i], ws[i] = x.k, x.w
	}
	return newModel(opt.Groups, float32(mean), keys, ws)
}

// Scores are a model's figures on a set of examples.
type Scores struct {
	N        int
	Pearson  float64 // Pearson correlation of predicted and gold values
	MAE      float64 // mean absolute error
	Accuracy float64 // share of examples where predicted > 0 iff gold > 0
	// Precision, Recall and F1 of the decision "happened" (value > 0).
	Precision, Recall, F1 float64
	// NegF1 is the F1 of "did not happen or uncertain" (value <= 0).
	NegF1 float64
}

// Evaluate scores m on ex: factuality is what Factuality returns,
// learned what the learned model alone predicts (Model.Learned).
func Evaluate(m *Model, ex []Example) (factuality, learned Scores) {
	pred := make([]float64, len(ex))
	raw := make([]float64, len(ex))
	gold := make([]float64, len(ex))
	for i, e := range ex {
		pred[i] = m.Factuality(e.Doc, e.Token)
		raw[i] = m.Learned(e.Doc, e.Token)
		gold[i] = e.Value
	}
	return Score(pred, gold), Score(raw, gold)
}

// Score compares predicted values with gold ones.
func Score(pred, gold []float64) Scores {
	s := Scores{N: len(pred)}
	if len(pred) == 0 || len(pred) != len(gold) {
		return Scores{}
	}
	var mp, mg float64
	for i := range pred {
		mp += pred[i]
		mg += gold[i]
	}
	mp /= float64(len(pred))
	mg /= float64(len(pred))
	var cov, vp, vg, abs float64
	var tp, fp, fn, tn int
	for i := range pred {
		dp, dg := pred[i]-mp, gold[i]-mg
		cov += dp * dg
		vp += dp * dp
		vg += dg * dg
		abs += math.Abs(pred[i] - gold[i])
		switch p, g := pred[i] > 0, gold[i] > 0; {
		case p && g:
			tp++
		case p && !g:
			fp++
		case !p && g:
			fn++
		default:
			tn++
		}
	}
	if vp > 0 && vg > 0 {
		s.Pearson = cov / math.Sqrt(vp*vg)
	}
	s.MAE = abs / float64(len(pred))
	s.Accuracy = float64(tp+tn) / float64(len(pred))
	s.Precision = ratio(tp, tp+fp)
	s.Recall = ratio(tp, tp+fn)
	s.F1 = ratio(2*tp, 2*tp+fp+fn)
	s.NegF1 = ratio(2*tn, 2*tn+fn+fp)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String formats the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("n %d r %.3f MAE %.3f acc %.3f P %.3f R %.3f F1 %.3f negF1 %.3f",
		s.N, s.Pearson, s.MAE, s.Accuracy, s.Precision, s.Recall, s.F1, s.NegF1)
}
