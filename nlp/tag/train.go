package tag

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

// TrainOptions control training. The zero value is usable.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 10
	Seed   uint64 // shuffling seed; the same seed gives the same model
	// Progress, when set, is called after each epoch with the share of
	// non-dictionary tokens the model got right during that epoch.
	Progress func(epoch int, acc float64)
	// WordDropout is the probability of hiding, in one training instance,
	// the identity of a word seen fewer than rareCount times, so that the
	// model learns to tag rare words from their context and spelling.
	WordDropout float64
}

// rareCount is the training count below which word dropout applies.
const rareCount = 10

// Tag-dictionary thresholds: a word skips the model when it was seen at
// least dictMinCount times with one class at least dictMinShare of the time.
const (
	dictMinCount = 20
	dictMinShare = 0.97
	topMinCount  = 2
)

type trainState struct {
	p       *perceptron.Trainer
	gold    []uint16
	n       int
	correct int
	// drop[i] hides word i's identity from the features (word dropout).
	drop []bool
}

// Train learns a tagger from gold-tagged documents (each needs tokens,
// sentences, UPOS and XPOS; lemmas and features are used when present).
func Train(docs []*text.Doc, opt TrainOptions) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	type sent struct {
		forms []string
		gold  []uint16
	}
	t := &Tagger{}
	classID := map[Class]int{}
	var sents []sent
	wordCounts := map[string]map[uint16]int{}
	lemmaCounts := map[string]map[string]int{}
	featCounts := map[string]map[string]int{}
	xfeatCounts := map[string]map[string]int{}
	count := func(m map[string]map[string]int, k, v string) {
		c := m[k]
		if c == nil {
			c = map[string]int{}
			m[k] = c
		}
		c[v]++
	}
	for di, d := range docs {
		if !d.Attrs.Has(text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrXPOS) {
			return nil, fmt.Errorf("tag: train: doc %d lacks tags (has %s)", di, d.Attrs)
		}
		for si := range d.Sents {
			sp := d.Sents[si]
			var s sent
			for i := sp.Start; i < sp.End; i++ {
				tok := &d.Tokens[i]
				c := Class{tok.UPOS, tok.XPOS}
				id, ok := classID[c]
				if !ok {
					id = len(t.classes)
					classID[c] = id
					t.classes = append(t.classes, c)
				}
				f := d.Form(int(i))
				s.forms = append(s.forms, f)
				s.gold = append(s.gold, uint16(id))
				wc := wordCounts[f]
				if wc == nil {
					wc = map[uint16]int{}
					wordCounts[f] = wc
				}
				wc[uint16(id)]++
				if d.Attrs.Has(text.AttrLemma) && tok.Lemma != "" {
					count(lemmaCounts, f+"\x00"+tok.XPOS, tok.Lemma)
				}
				if d.Attrs.Has(text.AttrFeats) {
					count(featCounts, strings.ToLower(f)+"\x00"+tok.XPOS, tok.Feats)
					count(xfeatCounts, tok.XPOS, tok.Feats)
				}
			}
			if len(s.forms) > 0 {
				sents = append(sents, s)
			}
		}
	}
	if len(sents) == 0 {
		return nil, errors.New("tag: train: no sentences")
	}
	if len(t.classes) > maxClasses {
		return nil, fmt.Errorf("tag: train: %d classes exceed %d", len(t.classes), maxClasses)
	}
	t.words = map[string]wordInfo{}
	for _, w := range sortedKeys(wordCounts) {
		total, best, bestN := 0, uint16(0), -1
		for _, c := range sortedClassKeys(wordCounts[w]) {
			n := wordCounts[w][c]
			total += n
			if n > bestN {
				best, bestN = c, n
			}
		}
		if total < topMinCount {
			continue
		}
		t.words[w] = wordInfo{top: best, fixed: total >= dictMinCount && float64(bestN) >= dictMinShare*float64(total)}
	}
	t.xfeats = map[string]string{}
	for _, x := range sortedKeys(xfeatCounts) {
		t.xfeats[x] = commonest(xfeatCounts[x])
	}
	t.feats = map[string]string{}
	for _, k := range sortedKeys(featCounts) {
		x := k[strings.IndexByte(k, 0)+1:]
		if f := commonest(featCounts[k]); f != t.xfeats[x] {
			t.feats[k] = f
		}
	}
	t.lemmas = map[string]string{}
	for _, k := range sortedKeys(lemmaCounts) {
		i := strings.IndexByte(k, 0)
		if l := commonest(lemmaCounts[k]); l != RuleLemma(k[:i], k[i+1:]) {
			t.lemmas[k] = l
		}
	}

	counts := make(map[string]int, len(wordCounts))
	for w, c := range wordCounts {
		for _, n := range c {
			counts[w] += n
		}
	}
	tr := &trainState{p: perceptron.NewTrainer(len(t.classes))}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7461676765720001))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	s := t.newScratch()
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tr.n, tr.correct = 0, 0
		for _, k := range order {
			s.forms = append(s.forms[:0], sents[k].forms...)
			tr.gold = sents[k].gold
			tr.drop = tr.drop[:0]
			for _, f := range s.forms {
				tr.drop = append(tr.drop, opt.WordDropout > 0 && counts[f] < rareCount && rng.Float64() < opt.WordDropout)
			}
			t.tagSentence(s, tr)
		}
		if opt.Progress != nil {
			opt.Progress(ep+1, float64(tr.correct)/float64(max(tr.n, 1)))
		}
	}
	t.model = tr.p.Average(1e-3)
	return t, nil
}

func sortedClassKeys(m map[uint16]int) []uint16 {
	keys := make([]uint16, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// commonest returns the most frequent value, the smallest on ties.
func commonest(m map[string]int) string {
	best, bestN := "", -1
	for _, k := range sortedKeys(m) {
		if m[k] > bestN {
			best, bestN = k, m[k]
		}
	}
	return best
}

// Jackknife returns copies of docs whose tags, lemmas and features come from
// taggers trained on the other folds (k folds by document index), so that a
// parser can be trained on the kind of tags it will see at run time.
func Jackknife(ctx context.Context, docs []*text.Doc, k int, opt TrainOptions) ([]*text.Doc, error) {
	if k < 2 {
		return nil, fmt.Errorf("tag: jackknife needs at least 2 folds, got %d", k)
	}
	out := make([]*text.Doc, len(docs))
	for fold := 0; fold < k; fold++ {
		var train []*text.Doc
		for i, d := range docs {
			if i%k != fold {
				train = append(train, d)
			}
		}
		t, err := Train(train, TrainOptions{Epochs: opt.Epochs, Seed: opt.Seed + uint64(fold), WordDropout: opt.WordDropout})
		if err != nil {
			return nil, fmt.Errorf("tag: jackknife fold %d: %w", fold, err)
		}
		for i, d := range docs {
			if i%k != fold {
				continue
			}
			c := *d
			c.Tokens = slices.Clone(d.Tokens)
			if err := t.annotate(ctx, &c, false); err != nil {
				return nil, err
			}
			out[i] = &c
		}
	}
	return out, nil
}
