package parse

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

// TrainOptions control training. The zero value is usable.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 12
	Seed   uint64 // shuffling and exploration seed
	// Explore is the probability of following a wrong prediction (rather
	// than the oracle) from the second epoch on; 0 means 0.9, negative
	// means never.
	Explore float64
	// Progress, when set, is called after each epoch with the share of
	// transitions the model predicted at zero cost.
	Progress func(epoch int, acc float64)
	// Snapshot, when set, is called after each epoch with the parser
	// averaged so far, for tuning the number of epochs on held-out data.
	Snapshot func(epoch int, p *Parser)
	// KeepNonProjective trains on non-projective trees as they are, with
	// the (then inexact) dynamic oracle; by default their crossing arcs are
	// lifted to the head's head until the tree is projective.
	KeepNonProjective bool
	// Prune drops averaged weights whose magnitude is below it; 0 means
	// 1.0, which on EWT dev shrinks the model threefold for 0.05 LAS,
	// negative keeps every weight.
	Prune float32
}

// goldSent is one training sentence: its words (through the Doc) and gold
// heads (n for the root) and label ids.
type goldSent struct {
	doc   *text.Doc
	span  text.Span
	heads []int32
	labs  []uint16
	kids  [][]int32 // gold children of each word (and the root at n)
}

// Train learns a parser from documents with gold trees. The tags the parser
// will read (XPOS) should be predicted ones (see tag.Jackknife), while heads
// and relations are gold. Sentences that are not single-rooted trees are
// skipped.
func Train(docs []*text.Doc, opt TrainOptions) (*Parser, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	prune := opt.Prune
	switch {
	case prune == 0:
		prune = 1
	case prune < 0:
		prune = 0
	}
	labelSet := map[text.DepRel]bool{text.Root: true}
	for di, d := range docs {
		if !d.Attrs.Has(text.AttrTokens | text.AttrSents | text.AttrXPOS | text.AttrDeps) {
			return nil, fmt.Errorf("parse: train: doc %d lacks tags or trees (has %s)", di, d.Attrs)
		}
		for _, t := range d.Tokens {
			labelSet[t.Dep] = true
		}
	}
	p := &Parser{}
	for l := range labelSet {
		p.labels = append(p.labels, l)
	}
	slices.Sort(p.labels)
	if len(p.labels) > maxLabels {
		return nil, fmt.Errorf("parse: train: %d labels exceed %d", len(p.labels), maxLabels)
	}
	labID := map[text.DepRel]uint16{}
	for i, l := range p.labels {
		labID[l] = uint16(i)
		if l == text.Root {
			p.root = i
		}
	}
	var sents []goldSent
	for _, d := range docs {
	sent:
		for _, sp := range d.Sents {
			n := sp.Len()
			g := goldSent{doc: d, span: sp, heads: make([]int32, n), labs: make([]uint16, n), kids: make([][]int32, n+1)}
			roots := 0
			for k := 0; k < n; k++ {
				t := d.Tokens[int(sp.Start)+k]
				h := int32(n)
				if t.Head >= 0 {
					h = t.Head - sp.Start
					if h < 0 || int(h) >= n || int(h) == k {
						continue sent
					}
				} else {
					roots++
				}
				if (h == int32(n)) != (t.Dep == text.Root) {
					continue sent
				}
				g.heads[k] = h
				g.labs[k] = labID[t.Dep]
				g.kids[h] = append(g.kids[h], int32(k))
			}
			if roots != 1 || n == 0 {
				continue
			}
			if !opt.KeepNonProjective && projectivize(g.heads) {
				for i := range g.kids {
					g.kids[i] = g.kids[i][:0]
				}
				for k, h := range g.heads {
					g.kids[h] = append(g.kids[h], int32(k))
				}
			}
			sents = append(sents, g)
		}
	}
	if len(sents) == 0 {
		return nil, errors.New("parse: train: no usable sentences")
	}
	nc := 1 + 2*len(p.labels)
	tr := perceptron.NewTrainer(nc)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7061727365720001))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	st := newState(len(p.labels))
	scores := make([]float32, nc)
	inStack := []bool{}
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		total, good := 0, 0
		for _, k := range order {
			g := &sents[k]
			st.reset(g.doc, g.span)
			inStack = grow(inStack, st.n+1)
			clear(inStack)
			for !st.terminal() {
				feats := st.features()
				clear(scores)
				tr.Score(feats, scores)
				pred := st.bestValid(scores, p.root)
				costs := st.costs(g, inStack)
				gold, best := -1, 1<<30
				for c := 0; c < nc; c++ {
					if !st.valid(c, p.root) {
						continue
					}
					cc := st.cost(c, g, costs)
					if cc < best || cc == best && scores[c] > scores[gold] {
						gold, best = c, cc
					}
				}
				next := gold
				total++
				if st.cost(pred, g, costs) == best {
					good++
					next = pred
				} else {
					tr.Update(feats, gold, pred)
					if ep > 0 && opt.Explore > 0 && rng.Float64() < opt.Explore {
						next = pred
					}
				}
				tr.Tick()
				if next == 0 {
					inStack[st.bi] = true
				} else {
					inStack[st.stack[len(st.stack)-1]] = false
				}
				st.apply(next, p.root)
			}
		}
		if opt.Progress != nil {
			opt.Progress(ep+1, float64(good)/float64(max(total, 1)))
		}
		if opt.Snapshot != nil && ep+1 < opt.Epochs {
			snap := *p
			snap.model = tr.Average(prune)
			snap.initRules()
			opt.Snapshot(ep+1, &snap)
		}
	}
	p.model = tr.Average(prune)
	p.initRules()
	return p, nil
}

// unlabelled transition costs in a state.
type costSet struct{ shift, left, right int }

// costs returns the number of gold arcs that each unlabelled transition
// makes unreachable (Goldberg and Nivre 2013, arc-hybrid).
func (s *state) costs(g *goldSent, inStack []bool) costSet {
	var c costSet
	b := s.bi
	n := int32(s.n)
	if b < n {
		// SHIFT: b can no longer take a head from the stack below s0, nor
		// any dependents from the stack.
		h := g.heads[b]
		if h < n && inStack[h] && (len(s.stack) == 0 || h != s.stack[len(s.stack)-1]) {
			c.shift++
		}
		for _, k := range g.kids[b] {
			if inStack[k] {
				c.shift++
			}
		}
	}
	if len(s.stack) > 0 {
		s0 := s.stack[len(s.stack)-1]
		var s1 int32 = -1
		if len(s.stack) > 1 {
			s1 = s.stack[len(s.stack)-2]
		}
		kidsInBuf := 0
		for _, k := range g.kids[s0] {
			if k >= b {
				kidsInBuf++
			}
		}
		h := g.heads[s0]
		// LEFT: s0 takes b as head and loses heads in s1 or the rest of
		// the buffer, and its dependents in the buffer.
		c.left = kidsInBuf
		if h == s1 || h > b {
			c.left++
		}
		// RIGHT: s0 takes s1 as head and loses heads and dependents in the
		// buffer.
		c.right = kidsInBuf
		if h >= b {
			c.right++
		}
	}
	return c
}

// cost returns the cost of labelled transition c.
func (s *state) cost(c int, g *goldSent, cs costSet) int {
	if c == 0 {
		return cs.shift
	}
	kind, lab := decode(c)
	s0 := s.stack[len(s.stack)-1]
	if kind == kindLeft {
		if g.heads[s0] == s.bi && int(g.labs[s0]) != lab {
			return cs.left + 1
		}
		return cs.left
	}
	if g.heads[s0] == s.stack[len(s.stack)-2] && int(g.labs[s0]) != lab {
		return cs.right + 1
	}
	return cs.right
}

// projectivize lifts non-projective arcs (heads indexed 0..n-1, n for the
// root) until the tree is projective: the shortest crossing arc first, its
// dependent re-attached to its head's head. It reports whether it changed
// anything.
func projectivize(heads []int32) bool {
	n := int32(len(heads))
	changed := false
	for rounds := 0; rounds < len(heads)*len(heads); rounds++ {
		best, bestLen := int32(-1), int32(1<<30)
		for d := int32(0); d < n; d++ {
			h := heads[d]
			if h == n {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			if hi-lo >= bestLen || dominatesSpan(heads, h, lo, hi) {
				continue
			}
			best, bestLen = d, hi-lo
		}
		if best < 0 {
			return changed
		}
		heads[best] = heads[heads[best]]
		changed = true
	}
	return changed
}

// dominatesSpan reports whether every word strictly between lo and hi
// descends from h.
func dominatesSpan(heads []int32, h, lo, hi int32) bool {
	n := int32(len(heads))
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := int32(0); a != h && a != n && steps <= n; steps++ {
			a = heads[a]
		}
		if a != h {
			return false
		}
	}
	return true
}
