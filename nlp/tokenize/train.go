package tokenize

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/eventwire/eventwire/text/conllu"
)

//go:generate go run ./internal/gensent -train ../../../shared/data/ud/en_ewt/en_ewt-ud-train.conllu.gz -epochs 15 -seeds 3 -min-weight 1 -o sentmodel.bin

// TrainOptions tune Train.
type TrainOptions struct {
	// Epochs over the training gaps; 0 means 15.
	Epochs int
	// Seeds is the number of perceptrons, each trained in its own shuffled
	// order, whose weights are averaged; 0 means 1.
	Seeds int
	// MinWeight drops features whose averaged weight is smaller in absolute
	// value, to keep the embedded model small; 0 keeps all.
	MinWeight float32
}

// Train learns a sentence-boundary Model from a CoNLL-U treebank read from
// r (EWT train, say). It rebuilds each document's running text as
// conllu.Documents does, tokenizes it with Scan, and labels each gap by
// whether a gold sentence ends there. Training is an averaged perceptron
// over the gaps in an order shuffled by a fixed seed (shuffling gained 0.8
// points of sentence F1 on EWT dev over file order), so the same input always
// gives the same model.
func Train(r io.Reader, opt TrainOptions) (*Model, error) {
	sents, err := conllu.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tokenize: reading training treebank: %w", err)
	}
	ex := examples(conllu.Documents(sents), false)
	if len(ex) == 0 {
		return nil, fmt.Errorf("tokenize: no candidate boundaries in the training treebank")
	}
	epochs := opt.Epochs
	if epochs <= 0 {
		epochs = 15
	}
	seeds := opt.Seeds
	if seeds <= 0 {
		seeds = 1
	}
	// Each seed gives an averaged perceptron trained in its own shuffled
	// order; the model is their mean, which steadies the decisions that one
	// training order would leave to chance.
	sum := map[uint64]float32{}
	for seed := 1; seed <= seeds; seed++ {
		for k, v := range trainOnce(ex, epochs, uint64(seed)) {
			sum[k] += v / float32(seeds)
		}
	}
	m := &Model{}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		avg := sum[k]
		if avg == 0 || abs32(avg) < opt.MinWeight {
			continue
		}
		m.keys = append(m.keys, k)
		m.weights = append(m.weights, avg)
	}
	m.buildIndex()
	return m, nil
}

// trainOnce returns the averaged weights of a perceptron trained on ex for
// the given epochs, visiting the examples in an order shuffled by seed.
func trainOnce(ex []example, epochs int, seed uint64) map[uint64]float32 {
	w := map[uint64]float32{}     // current weights
	total := map[uint64]float32{} // sum of weights over time, kept lazily
	stamp := map[uint64]int{}     // step at which total[k] was last brought up to date
	step := 0
	update := func(k uint64, d float32) {
		total[k] += float32(step-stamp[k]) * w[k]
		stamp[k] = step
		w[k] += d
	}
	// Examples are visited in a shuffled order, the same on every run.
	rng := rand.New(rand.NewPCG(seed, 2))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, xi := range order {
			x := ex[xi]
			step++
			var sum float32
			for _, k := range x.keys {
				sum += w[k]
			}
			if (sum > 0) != x.boundary {
				d := float32(1)
				if !x.boundary {
					d = -1
				}
				for _, k := range x.keys {
					update(k, d)
				}
			}
		}
	}
	out := make(map[uint64]float32, len(w))
	for k := range w {
		out[k] = (total[k] + float32(step-stamp[k])*w[k]) / float32(step)
	}
	return out
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// example is one gap with its features and gold label.
type example struct {
	keys     []uint64
	boundary bool
}

// examples returns the gaps between the tokens of the documents' texts,
// labelled by the documents' sentence ends. Gaps that are always boundaries
// (blank lines, line breaks unless wrapped, and see always) or never (see
// never) are left out.
func examples(docs []conllu.Document, wrapped bool) []example {
	var out []example
	var fb featBuf
	for _, d := range docs {
		ends := make(map[int32]bool, len(d.Spans))
		for _, sp := range d.Spans {
			ends[sp.End] = true
		}
		toks := Scan(d.Text)
		for i := 0; i+1 < len(toks); i++ {
			gap := gapOf(d.Text[toks[i].End:toks[i+1].Start])
			if gap == gapPara || gap == gapLine && !wrapped || never(d.Text, toks, i, gap) || always(d.Text, toks, i, gap) {
				continue
			}
			fb.extract(d.Text, toks, i, gap)
			out = append(out, example{keys: slices.Clone(fb.keys), boundary: ends[toks[i].End]})
		}
	}
	return out
}
