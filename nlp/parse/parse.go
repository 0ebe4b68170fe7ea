// Package parse assigns Universal Dependencies trees (heads and labelled
// relations) to tagged sentences.
//
// The parser is a greedy transition-based arc-hybrid parser (Kuhlmann et al.
// 2011) with the root token at the end of the buffer, scored by an averaged
// perceptron over the rich non-local feature set of Zhang and Nivre (2011):
// words and tags of the stack and buffer, distance, valency, the two
// outermost children of each side and the label sets of the stack top and
// buffer front. Training uses the dynamic oracle of Goldberg and Nivre (2013)
// with exploration, on tags predicted by a jackknifed tagger. Labels are the
// full treebank relations with subtypes ("nsubj:pass", "obl:tmod").
package parse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

// Parser parses tagged sentences. It is immutable after loading and safe for
// concurrent use.
type Parser struct {
	labels []text.DepRel // label ids; class 0 is SHIFT, 1+2l LEFT-l, 2+2l RIGHT-l
	root   int           // id of the "root" label
	model  *perceptron.Model
	beam   int // partial parses kept; 0 or 1 is greedy
	rules  decodeRules
}

// WithBeam returns a copy of p that decodes with a beam of k partial parses
// (1: greedy), ranked by the sum of the log-softmax of their transition
// scores. The model is trained greedily; the beam only lets a later,
// confident decision overturn an earlier, marginal one (on EWT dev, beam 4
// gains 1.3 LAS). Decoding time grows with k.
func (p *Parser) WithBeam(k int) *Parser {
	q := *p
	q.beam = max(k, 1)
	return &q
}

// Labels returns the relation labels the parser predicts.
func (p *Parser) Labels() []text.DepRel { return slices.Clone(p.labels) }

// Name implements nlp.Annotator.
func (p *Parser) Name() string { return "parse" }

// Requires implements nlp.Annotator.
func (p *Parser) Requires() text.Attr { return text.AttrTokens | text.AttrSents | text.AttrXPOS }

// Provides implements nlp.Annotator.
func (p *Parser) Provides() text.Attr { return text.AttrDeps }

// Annotate implements nlp.Annotator: it parses every sentence of d.
func (p *Parser) Annotate(ctx context.Context, d *text.Doc) error {
	if !d.Attrs.Has(p.Requires()) {
		return fmt.Errorf("parse: doc lacks %s", p.Requires()&^d.Attrs)
	}
	st := newState(len(p.labels))
	scores := make([]float32, 1+2*len(p.labels))
	var bm *beamSearch
	if p.beam > 1 {
		bm = newBeamSearch(p.beam)
	}
	for _, sp := range d.Sents {
		// Every sentence: a stop must not wait for a long document.
		if err := ctx.Err(); err != nil {
			return err
		}
		st.reset(d, sp)
		if bm != nil && sp.Len() <= maxBeamWords {
			st = bm.run(p, st, scores)
		}
		for !st.terminal() {
			feats := st.features()
			clear(scores)
			p.model.Score(feats, scores)
			c := p.bestAllowed(st, scores)
			st.apply(c, p.root)
		}
		p.frontedRoot(st)
		p.frontedSubject(st)
		p.titleSubjects(st, d, sp)
		for k := 0; k < st.n; k++ {
			tok := &d.Tokens[int(sp.Start)+k]
			h := st.heads[k]
			if h == int32(st.n) || h < 0 {
				tok.Head = -1
			} else {
				tok.Head = sp.Start + h
			}
			tok.Dep = p.labels[st.labels[k]]
		}
	}
	d.Attrs |= text.AttrDeps
	return nil
}

// maxBeamWords bounds the sentences decoded with a beam: each beam step
// copies its states, which is quadratic in the sentence length, so longer
// (usually runaway) sentences are parsed greedily. No sentence of the UD
// English EWT dev or test set has more than 100 words; the pieces the
// tokenizer cuts from text without sentence punctuation have up to 200
// (tokenize.MaxSentenceWords), and a beam over them tripled the time per
// byte of such text.
const maxBeamWords = 100

// beamTemp scales perceptron scores before the softmax of beam decoding.
// Tuned on EWT dev with beam 4: 5 → LAS 82.00, 20 → 82.85, 25 → 82.96,
// 30 → 83.16, 35 → 82.84, 45 → 81.95 (greedy: 81.86).
const beamTemp = 30.0

// beamSearch holds the states of a beam decoder, reused across sentences.
type beamSearch struct {
	k           int
	items, next []beamItem
	spare       []*state
	cands       []beamCand
}

type beamItem struct {
	st    *state
	score float64
}

type beamCand struct {
	parent int
	class  int
	score  float64
}

func newBeamSearch(k int) *beamSearch {
	b := &beamSearch{k: k}
	for i := 0; i < 2*k+1; i++ {
		b.spare = append(b.spare, &state{})
	}
	return b
}

// run decodes from the initial state st0 and returns the best terminal
// state (st0 itself is reused as scratch and must be reset before reuse;
// the returned state stays valid until the next run).
func (b *beamSearch) run(p *Parser, st0 *state, scores []float32) *state {
	b.items = append(b.items[:0], beamItem{st0, 0})
	free := make([]*state, 0, len(b.spare))
	for _, s := range b.spare {
		if s != st0 {
			free = append(free, s)
		}
	}
	for !b.items[0].st.terminal() {
		b.cands = b.cands[:0]
		for i, it := range b.items {
			clear(scores)
			p.model.Score(it.st.features(), scores)
			bn := p.bans(it.st)
			// Locally normalised: log-softmax over the valid transitions.
			mx := math.Inf(-1)
			for c, v := range scores {
				if p.allowed(it.st, bn, c) && float64(v) > mx {
					mx = float64(v)
				}
			}
			z := 0.0
			for c, v := range scores {
				if x := (float64(v) - mx) / beamTemp; x > -30 && p.allowed(it.st, bn, c) {
					z += math.Exp(x)
				}
			}
			lz := math.Log(z)
			for c, v := range scores {
				// Transitions far below the best cannot enter a beam of
				// sane width.
				if x := (float64(v) - mx) / beamTemp; x > -30 && p.allowed(it.st, bn, c) {
					b.offer(beamCand{i, c, it.score + x - lz})
				}
			}
		}
		b.next = b.next[:0]
		for _, c := range b.cands {
			ns := free[len(free)-1]
			free = free[:len(free)-1]
			ns.copyFrom(b.items[c.parent].st)
			ns.apply(c.class, p.root)
			b.next = append(b.next, beamItem{ns, c.score})
		}
		for _, it := range b.items {
			free = append(free, it.st)
		}
		b.items, b.next = b.next, b.items
	}
	return b.items[0].st
}

// offer keeps c if it is among the k best candidates so far. b.cands stays
// sorted best first; ties go to the earlier parent, then the lower class,
// which is the order offers arrive in, so a tie never displaces.
func (b *beamSearch) offer(c beamCand) {
	if len(b.cands) == b.k {
		if c.score <= b.cands[b.k-1].score {
			return
		}
		b.cands = b.cands[:b.k-1]
	}
	i := len(b.cands)
	b.cands = append(b.cands, c)
	for i > 0 && b.cands[i-1].score < c.score {
		b.cands[i] = b.cands[i-1]
		i--
	}
	b.cands[i] = c
}

// copyFrom makes s a copy of o that can move on independently. The
// per-sentence word properties, which no transition changes, are shared.
func (s *state) copyFrom(o *state) {
	s.n, s.bi = o.n, o.bi
	s.stack = append(s.stack[:0], o.stack...)
	s.heads = append(s.heads[:0], o.heads...)
	s.labels = append(s.labels[:0], o.labels...)
	s.lc1 = append(s.lc1[:0], o.lc1...)
	s.lc2 = append(s.lc2[:0], o.lc2...)
	s.rc1 = append(s.rc1[:0], o.rc1...)
	s.rc2 = append(s.rc2[:0], o.rc2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
	s.ls = append(s.ls[:0], o.ls...)
	s.rs = append(s.rs[:0], o.rs...)
	s.w, s.p, s.lm, s.u, s.sf = o.w, o.p, o.lm, o.u, o.sf
	s.punctBefore, s.verbBefore = o.punctBefore, o.verbBefore
	s.prepOnly, s.finite, s.nominal = o.prepOnly, o.finite, o.nominal
	s.noun, s.lexFinite = o.noun, o.lexFinite
	s.timeWord, s.wh, s.front = o.timeWord, o.wh, o.front
}

// Transition classes: 0 is SHIFT, 1+2l is LEFT-l, 2+2l is RIGHT-l. decode
// splits a class above 0 into its kind and label.
func decode(c int) (kind, lab int) { return (c + 1) % 2, (c - 1) / 2 }

// kinds, as decode returns them for c > 0: left = 0, right = 1; shift is c == 0.
const (
	kindLeft  = 0
	kindRight = 1
)

// state is a parser configuration: a stack, the buffer (the suffix bi..n of
// the words, with the root at n), and the arcs built so far, plus the
// per-word properties the features read.
type state struct {
	n      int
	stack  []int32
	bi     int32
	heads  []int32
	labels []uint16
	lc1    []int32 // leftmost child
	lc2    []int32 // second leftmost
	rc1    []int32 // rightmost child
	rc2    []int32 // second rightmost
	nl, nr []int32 // left and right valency
	ls, rs []uint64
	w, p   []uint64 // word and tag hashes; index n is the root
	lm, u  []uint64 // lemma and UPOS hashes
	sf     []uint64 // last three bytes of the lower-case word
	// punctBefore[i] and verbBefore[i] count punctuation and verbs among
	// words 0..i-1, for the "what lies between" features.
	punctBefore, verbBefore []int32
	// prepOnly marks prepositions that never introduce a finite clause;
	// finite marks finite verbs (for the decoding rules).
	prepOnly, finite, nominal []bool
	noun, lexFinite           []bool
	// timeWord marks nouns and numbers of time (days, months, years,
	// "morning", "week"), wh the relative and question words; front is
	// the comma that closes a fronted time phrase ("On Saturday
	// morning,"), or -1 (frontedTime).
	timeWord, wh []bool
	front        int32
	feats        []uint64
}

func newState(nlabels int) *state { return &state{} }

var (
	hRootWord = perceptron.String("\x00ROOT")
	hRootTag  = perceptron.String("\x00ROOT-TAG")
)

const hNone = 0x5bd1e995

// between counts, from a prefix-count array, the words strictly between a
// and b, capped at limit; hNone when a is missing.
func between(prefix []int32, a, b int32, limit int32) uint64 {
	if a < 0 {
		return hNone
	}
	c := prefix[b] - prefix[a+1]
	return uint64(min(max(c, 0), limit))
}

func get(a []uint64, i int32) uint64 {
	if i < 0 {
		return hNone
	}
	return a[i]
}

func grow[T any](s []T, n int) []T { return slices.Grow(s[:0], n)[:n] }

func (s *state) reset(d *text.Doc, sp text.Span) {
	n := sp.Len()
	s.n = n
	s.stack = s.stack[:0]
	s.bi = 0
	s.heads = grow(s.heads, n+1)
	s.labels = grow(s.labels, n+1)
	s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.lc1, n+1), grow(s.lc2, n+1), grow(s.rc1, n+1), grow(s.rc2, n+1)
	s.nl, s.nr = grow(s.nl, n+1), grow(s.nr, n+1)
	s.ls, s.rs = grow(s.ls, n+1), grow(s.rs, n+1)
	s.w, s.p = grow(s.w, n+1), grow(s.p, n+1)
	s.lm, s.u, s.sf = grow(s.lm, n+1), grow(s.u, n+1), grow(s.sf, n+1)
	s.punctBefore, s.verbBefore = grow(s.punctBefore, n+2), grow(s.verbBefore, n+2)
	s.prepOnly, s.finite, s.nominal = grow(s.prepOnly, n+1), grow(s.finite, n+1), grow(s.nominal, n+1)
	s.noun, s.lexFinite = grow(s.noun, n+1), grow(s.lexFinite, n+1)
	s.timeWord, s.wh = grow(s.timeWord, n+1), grow(s.wh, n+1)
	s.punctBefore[0], s.verbBefore[0] = 0, 0
	for i := 0; i <= n; i++ {
		s.heads[i] = -1
		s.labels[i] = 0
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.ls[i], s.rs[i] = 0, 0
		if i < n {
			k := int(sp.Start) + i
			lw := strings.ToLower(d.Form(k))
			s.w[i] = perceptron.String(lw)
			s.p[i] = perceptron.String(d.Tokens[k].XPOS)
			s.u[i] = uint64(d.Tokens[k].UPOS) + 1
			lem := d.Tokens[k].Lemma
			if lem == "" {
				lem = lw
			}
			s.lm[i] = perceptron.String(lem)
			s.sf[i] = perceptron.String(lw[max(0, len(lw)-3):])
			s.punctBefore[i+1], s.verbBefore[i+1] = s.punctBefore[i], s.verbBefore[i]
			s.prepOnly[i] = isPrepOnly(lw)
			s.finite[i], s.nominal[i] = false, false
			s.noun[i], s.lexFinite[i] = false, false
			s.timeWord[i] = isTimeWord(lw, d.Tokens[k].XPOS)
			switch d.Tokens[k].XPOS {
			case "WDT", "WP", "WP$", "WRB":
				s.wh[i] = true
			default:
				s.wh[i] = false
			}
			switch d.Tokens[k].XPOS {
			case "VBD", "VBZ", "VBP", "MD":
				s.finite[i] = true
				s.lexFinite[i] = d.Tokens[k].XPOS != "MD" && !isAuxVerb(lw)
			case "NN", "NNS", "NNP", "NNPS", "CD":
				s.nominal[i] = true
				s.noun[i] = d.Tokens[k].XPOS != "CD"
			}
			switch d.Tokens[k].UPOS {
			case text.PUNCT:
				s.punctBefore[i+1]++
			case text.VERB, text.AUX:
				s.verbBefore[i+1]++
			}
		}
	}
	s.w[n], s.p[n] = hRootWord, hRootTag
	s.lm[n], s.u[n], s.sf[n] = hRootWord, hRootTag, hRootWord
	s.punctBefore[n+1], s.verbBefore[n+1] = s.punctBefore[n], s.verbBefore[n]
	s.prepOnly[n], s.finite[n], s.nominal[n] = false, false, false
	s.noun[n], s.lexFinite[n] = false, false
	s.timeWord[n], s.wh[n] = false, false
	s.front = frontedTime(d, sp, s.timeWord)
}

// frontedWords may open a fronted time phrase: "On Friday,", "Last week,",
// "Earlier this month,".
var frontedWords = map[string]bool{"on": true, "in": true, "at": true, "by": true, "since": true, "during": true,
	"until": true, "after": true, "before": true, "early": true, "late": true, "last": true, "earlier": true,
	"later": true, "this": true, "next": true, "yesterday": true, "today": true}

// frontedTime returns the index (in the sentence) of the comma that
// closes a time phrase the sentence opens with ("On Saturday morning,",
// "In September 2013,", "Yesterday,"), or -1: the words before the comma
// are at most seven, hold a word of time and no verb or punctuation, and
// the first is a preposition or word of time.
func frontedTime(d *text.Doc, sp text.Span, timeWord []bool) int32 {
	n := sp.Len()
	first := strings.ToLower(d.Form(int(sp.Start)))
	if n < 4 || !(frontedWords[first] || timeWord[0]) {
		return -1
	}
	hasTime := false
	for i := 0; i < n && i <= 7; i++ {
		t := &d.Tokens[int(sp.Start)+i]
		switch {
		case t.UPOS == text.PUNCT:
			if d.Form(int(sp.Start)+i) == "," && hasTime && i+2 < n {
				return int32(i)
			}
			return -1
		case t.UPOS == text.VERB || t.UPOS == text.AUX:
			return -1
		case timeWord[i]:
			hasTime = true
		}
	}
	return -1
}

// timeNames are the nouns of time that head a fronted time phrase.
var timeNames = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"day": true, "week": true, "month": true, "year": true, "weekend": true, "yesterday": true, "today": true,
	"tonight": true, "tomorrow": true, "days": true, "weeks": true, "months": true, "years": true, "hours": true,
	"decade": true, "century": true, "anniversary": true, "dawn": true, "noon": true, "midnight": true}

// isTimeWord reports whether lower-case word w (tagged xpos) names a time:
// a day, month or part of the day, or a number (a year or a date).
func isTimeWord(w, xpos string) bool {
	return timeNames[w] || xpos == "CD" && len(w) <= 4 && strings.Trim(w, "0123456789") == ""
}

// isAuxVerb reports whether the lower-case word w is a finite form of a
// verb that can be an auxiliary (be, have, do, get).
func isAuxVerb(w string) bool {
	switch w {
	case "is", "are", "was", "were", "am", "'s", "'re", "'m", "has", "have", "had", "'ve", "'d",
		"does", "do", "did", "gets", "get", "got":
		return true
	}
	return false
}

// isPrepOnly reports whether the lower-case word w is a preposition that
// in EWT train marks gerunds and infinitives ("in doing so", "by
// leaving") but never a verb in the past tense, so that "in" is no
// subordinator of "started" in "evacuated earlier in the week started
// shelling".
func isPrepOnly(w string) bool {
	switch w {
	case "in", "at", "by", "from", "into", "upon", "without", "onto", "within", "during", "through":
		return true
	}
	return false
}

func (s *state) terminal() bool { return len(s.stack) == 0 && int(s.bi) == s.n }

func (s *state) valid(c, root int) bool {
	if c == 0 {
		return int(s.bi) < s.n
	}
	kind, lab := decode(c)
	if kind == kindLeft {
		if len(s.stack) == 0 {
			return false
		}
		if int(s.bi) == s.n {
			return len(s.stack) == 1 && lab == root
		}
		return lab != root
	}
	return len(s.stack) >= 2 && lab != root
}

func (s *state) bestValid(scores []float32, root int) int {
	best := -1
	for c := range scores {
		if (best < 0 || scores[c] > scores[best]) && s.valid(c, root) {
			best = c
		}
	}
	return best
}

// decodeRules are hard constraints that decoding (Annotate), and not
// training, puts on the transitions: the beam then keeps the best
// transition the rules allow. They encode what English syntax rules out
// and the perceptron, trained on web text, gets wrong in news.
//
// A preposition that never introduces a finite clause ("in", "at", "by",
// "from": isPrepOnly) right before a noun and a finite verb takes that noun
// as its object at once (SHIFT is not allowed), and never becomes the
// mark of a finite verb. Without the rule the model read "rebel groups
// who were evacuated from Aleppo earlier in the week started shelling"
// with "in the week started" a clause ("in" its mark, "week" its
// subject) inside the relative clause, and the fronted "Even as they
// spoke" as the root.
//
// A noun right before a finite verb that is no auxiliary (be, have, do,
// get) is not shifted past it unless it has a copula: the verb takes
// it as its subject (or another left dependent) at once. Otherwise the
// model, which has seen many news verbs only as participles, read
// "Rebels controlling the city shelled government positions" with
// "shelled" a reduced relative on "city" and "Rebels" the root, even
// with "shelled" tagged VBD.
type decodeRules struct {
	mark, cop int // label ids of "mark" and "cop", -1 when the parser has none
	// desc, det and cas are the label ids of "nmod:desc", "det" and
	// "case" (-1: none).
	desc, det, cas int
	// obl, tmod and nsubj are the label ids of "obl", "obl:tmod" (in
	// UD 2.14 and later "obl:unmarked") and "nsubj" (-1: none).
	obl, tmod, nsubj int
	appos, conj      int // label ids of "appos" and "conj" (-1: none)
	punct            int // label id of "punct" (-1: none)
	// subject[l] is set for nsubj and nsubj:pass (see titleSubjects).
	subject []bool
}

// initRules looks up the label ids the decoding rules use.
func (p *Parser) initRules() {
	p.rules = decodeRules{
		mark:    slices.Index(p.labels, text.DepRel("mark")),
		cop:     slices.Index(p.labels, text.DepRel("cop")),
		desc:    slices.Index(p.labels, text.DepRel("nmod:desc")),
		det:     slices.Index(p.labels, text.DepRel("det")),
		cas:     slices.Index(p.labels, text.DepRel("case")),
		obl:     slices.Index(p.labels, text.DepRel("obl")),
		tmod:    max(slices.Index(p.labels, text.DepRel("obl:tmod")), slices.Index(p.labels, text.DepRel("obl:unmarked"))),
		nsubj:   slices.Index(p.labels, text.DepRel("nsubj")),
		appos:   slices.Index(p.labels, text.DepRel("appos")),
		conj:    slices.Index(p.labels, text.DepRel("conj")),
		punct:   slices.Index(p.labels, text.DepRel("punct")),
		subject: make([]bool, len(p.labels)),
	}
	for i, l := range p.labels {
		p.rules.subject[i] = l == "nsubj" || l == "nsubj:pass"
	}
}

// hasChild reports whether word h has a dependent to its left with label
// id lab. The label set of h's left dependents (ls) answers "no" at once;
// otherwise the words between h's leftmost dependent and h are scanned,
// nearest first, so decoding stays linear in the sentence length.
func (p *Parser) hasChild(s *state, h int32, lab int) bool {
	if s.ls[h]&(uint64(1)<<(uint(lab)&63)) == 0 || s.lc1[h] < 0 {
		return false
	}
	for k := h - 1; k >= s.lc1[h]; k-- {
		if s.heads[k] == h && int(s.labels[k]) == lab {
			return true
		}
	}
	return false
}

// banned is what the decoding rules rule out in one state: SHIFT, and a
// LEFT arc labelled mark.
type banned struct{ shift, leftMark bool }

// bans applies the decoding rules to s (computed once per state, then
// consulted for every transition by allowed).
func (p *Parser) bans(s *state) banned {
	var b banned
	if p.rules.mark < 0 || len(s.stack) == 0 || int(s.bi) >= s.n {
		return b
	}
	s0 := s.stack[len(s.stack)-1]
	if s0 == s.bi-1 && s.noun[s0] && s.lexFinite[s.bi] && !p.hasChild(s, s0, p.rules.cop) {
		b.shift = true
	}
	if s.prepOnly[s0] {
		b.shift = b.shift || s.nominal[s.bi] && int(s.bi)+1 < s.n && s.finite[s.bi+1]
		b.leftMark = s.finite[s.bi]
	}
	return b
}

// allowed reports whether transition c is valid in s and not banned by
// the decoding rules (b = p.bans(s)).
func (p *Parser) allowed(s *state, b banned, c int) bool {
	if !s.valid(c, p.root) {
		return false
	}
	if c == 0 {
		return !b.shift
	}
	if b.leftMark {
		kind, lab := decode(c)
		return kind != kindLeft || lab != p.rules.mark
	}
	return true
}

// frontedRoot repairs a decoded tree whose root is a fronted time phrase
// ("On Thursday, former presidential candidate Senator Ted Cruz and
// Representative Francis Rooney proposed to set term limits", parsed with
// "Thursday" the root, "candidate" its apposition and "proposed" a
// relative clause on it). A sentence that opens with a time phrase closed
// by a comma (frontedTime) has its main verb after the comma: the first
// lexical finite verb there that hangs below the phrase through words
// after the comma only, and is no relative clause (no wh-word) and no
// subordinate clause (no marker), becomes the root, and the phrase its
// oblique (obl with a preposition, else obl:tmod or obl:unmarked). The
// words on the way between them become the verb's: before it, subjects
// (titleSubjects, which runs next, makes a title of one of two side by
// side) or, with a preposition, obliques; after it, with their relation.
// The phrase's other dependents after the comma (the final period) go to
// the verb, but for its appositions (frontedSubject, next, reads them)
// and a relative clause on it ("On July 25, which was the anniversary of
// the first flight, Zapata fell"), which stay on it.
func (p *Parser) frontedRoot(st *state) {
	f := st.front
	if f < 0 || p.rules.obl < 0 || p.rules.tmod < 0 || p.rules.nsubj < 0 {
		return
	}
	n := int32(st.n)
	r := int32(-1)
	for k := int32(0); k < n; k++ {
		if st.heads[k] == n {
			r = k
			break
		}
	}
	if r < 0 || r >= f {
		return
	}
	// What each word's left and other dependents are, once: the repair
	// stays linear in the sentence (a runaway one may open with "On
	// Friday,").
	wh, mark, cas := make([]bool, n), make([]bool, n), make([]bool, n)
	for k := int32(0); k < n; k++ {
		h := st.heads[k]
		if h < 0 || h >= n {
			continue
		}
		wh[h] = wh[h] || st.wh[k] && k < h
		mark[h] = mark[h] || int(st.labels[k]) == p.rules.mark
		cas[h] = cas[h] || int(st.labels[k]) == p.rules.cas
	}
	// below[k] is 1 when k's head path reaches r through words after the
	// comma only, 2 when it does not, 0 not known yet; each word is
	// walked once.
	below := make([]uint8, n)
	var path []int32
	reaches := func(c int32) bool {
		path = path[:0]
		res := uint8(2)
		for x := c; ; x = st.heads[x] {
			h := st.heads[x]
			if h == r {
				res = 1
				break
			}
			if h <= f || h >= n || len(path) > int(n) {
				break
			}
			if below[h] != 0 {
				res = below[h]
				break
			}
			path = append(path, h)
		}
		for _, x := range path {
			below[x] = res
		}
		return res == 1
	}
	v := int32(-1)
	for c := f + 1; c < n; c++ {
		if st.lexFinite[c] && !wh[c] && !mark[c] && reaches(c) {
			v = c
			break
		}
	}
	if v < 0 {
		return
	}
	var chain []int32
	for x := st.heads[v]; x != r; x = st.heads[x] {
		chain = append(chain, x)
	}
	for _, c := range chain {
		switch {
		case wh[c]:
			// "On July 25, which was the anniversary of the first
			// flight, Zapata fell": the relative clause stays on the
			// date, the rest of the chain with it.
			goto moved
		case cas[c]:
			st.labels[c] = uint16(p.rules.obl) // "as a part of his campaign"
		case c < v && st.noun[c]:
			st.labels[c] = uint16(p.rules.nsubj)
		}
		st.heads[c] = v
	}
moved:
	for k := f + 1; k < n; k++ {
		if st.heads[k] == r && k != v && !wh[k] && int(st.labels[k]) != p.rules.appos {
			st.heads[k] = v
		}
	}
	rcas := cas[r]
	st.heads[v], st.labels[v] = n, uint16(p.root)
	st.heads[r] = v
	if rcas {
		st.labels[r] = uint16(p.rules.obl)
	} else {
		st.labels[r] = uint16(p.rules.tmod)
	}
}

// frontedSubject gives the main verb the subject that the model hung as an
// apposition (or a conjunct) of a fronted time phrase: "On Friday, Beto
// O'Rourke, who was a candidate in the primary, announced ...",
// "Yesterday afternoon, Nancy Pelosi, the Speaker of the House,
// announced", parsed with the name an apposition of "Friday" (or of
// "afternoon", made the subject). When the root is a verb after the
// phrase's comma with no subject but the phrase itself, the phrase's
// first apposition or conjunct between the comma and the verb that is a
// noun and no time ("Tomorrow, a Tuesday, ...") becomes its subject; the
// phrase's other dependents between that subject and the verb (an
// apposition, a relative clause; not punctuation) become the subject's,
// a conjunct among them an apposition; and the phrase an oblique.
func (p *Parser) frontedSubject(st *state) {
	f := st.front
	if f < 0 || p.rules.appos < 0 || p.rules.nsubj < 0 {
		return
	}
	n := int32(st.n)
	v, r := int32(-1), int32(-1)
	for k := int32(0); k < n; k++ {
		if st.heads[k] == n {
			v = k
		}
	}
	if v <= f || !(st.finite[v] || st.lexFinite[v]) {
		return
	}
	for k := int32(0); k < f; k++ {
		if st.heads[k] == v {
			r = k
		}
	}
	if r < 0 {
		return
	}
	a := int32(-1)
	var later []int32
	cas := false
	for k := int32(0); k < n; k++ {
		switch {
		case st.heads[k] == v && k != r && p.rules.subject[st.labels[k]]:
			return // the verb has a subject of its own
		case st.heads[k] == r && k > f && k < v && a >= 0 && int(st.labels[k]) != p.rules.punct:
			later = append(later, k)
		case st.heads[k] == r && (int(st.labels[k]) == p.rules.appos || int(st.labels[k]) == p.rules.conj) && k > f && k < v && st.noun[k] && !st.timeWord[k]:
			a = k
		case st.heads[k] == r && int(st.labels[k]) == p.rules.cas:
			cas = true
		}
	}
	if a < 0 {
		return
	}
	st.heads[a], st.labels[a] = v, uint16(p.rules.nsubj)
	for _, k := range later {
		st.heads[k] = a
		if l := int(st.labels[k]); l == p.rules.conj {
			st.labels[k] = uint16(p.rules.appos)
		}
	}
	if cas {
		st.labels[r] = uint16(p.rules.obl)
	} else {
		st.labels[r] = uint16(p.rules.tmod)
	}
}

// titleSubjects repairs a decoded tree in which a verb has two subjects
// side by side, a noun phrase and a name right after it: "Taliban
// spokesperson Zabiullah Mujahid claimed", "US Secretary of State Mike
// Pompeo said". UD (EWT) makes the title a descriptive modifier of the
// name (nmod:desc) and the name the one subject; the model, deciding the
// title's head only after the name has taken the subject relation, gives
// the verb both. A title with a determiner is left alone (see below).
func (p *Parser) titleSubjects(st *state, d *text.Doc, sp text.Span) {
	if p.rules.desc < 0 {
		return
	}
	// Everything below is linear in the sentence length, so that a
	// runaway sentence (a page without sentence punctuation) costs no
	// more per word than a short one: the extent of every subtree is
	// computed once, and the subject sibling before each name is the last
	// one seen in a left-to-right pass (lastSubj, by head).
	n := int32(st.n)
	lo, hi := subtreeExtents(st.heads[:n])
	lastSubj := make([]int32, n+1)
	for i := range lastSubj {
		lastSubj[i] = -1
	}
	leftChild := func(h int32, lab int) bool {
		if st.lc1[h] < 0 {
			return false
		}
		for k := h - 1; k >= lo[h]; k-- {
			if st.heads[k] == h && int(st.labels[k]) == lab {
				return true
			}
		}
		return false
	}
	for b := int32(0); b < n; b++ {
		h := st.heads[b]
		if h < 0 || h > n || !p.rules.subject[st.labels[b]] {
			continue
		}
		a := lastSubj[h]
		lastSubj[h] = b
		if b == 0 || h <= b || a < 0 || d.Tokens[int(sp.Start)+int(b)].UPOS != text.PROPN {
			continue
		}
		switch d.Tokens[int(sp.Start)+int(a)].UPOS {
		case text.NOUN, text.PROPN:
		default:
			continue
		}
		aLo, aHi := lo[a], hi[a]
		bLo := lo[b]
		if aHi+1 != bLo || !titleLike(d, sp, aLo, aHi) || !titleLike(d, sp, bLo, b) || leftChild(a, p.rules.cas) {
			// Not side by side; or a conjunction, verb or comma in
			// either phrase before the name ("Arnor and the evil awful
			// Gondor welcomed", "President Donald Trump and Turkish
			// President Recep Tayyip Erdogan spoke", "oil facilities
			// belonging to ... Saudi Aramco were hit", "In his talk at
			// ... headquarters, Mitsotakis reaffirmed"), or a
			// prepositional phrase: no title.
			continue
		}
		if leftChild(a, p.rules.det) {
			// "The former Iraqi leader Saddam Hussein is refusing": with
			// a determiner EWT makes the title the subject and the name
			// its apposition, but in "The Hermit Kingdom fired" and "the
			// evil awful Gondor" the first word is a mistagged part of
			// the name; left as the model had it.
			continue
		}
		st.heads[a] = b
		st.labels[a] = uint16(p.rules.desc)
		// a's subtree lies just left of b's, inside h's: only b's extent
		// grows.
		lo[b] = aLo
	}
}

// subtreeExtents returns, for every word of a tree given by its heads (a
// head outside 0..len-1 is the root), the first and last word of its
// subtree, in time linear in the number of words.
func subtreeExtents(heads []int32) (lo, hi []int32) {
	n := int32(len(heads))
	lo = make([]int32, n)
	hi = make([]int32, n)
	// Children in compressed rows: first[h]..first[h+1] index kids.
	first := make([]int32, n+1)
	for _, h := range heads {
		if h >= 0 && h < n {
			first[h+1]++
		}
	}
	for i := int32(1); i <= n; i++ {
		first[i] += first[i-1]
	}
	kids := make([]int32, first[n])
	fill := append([]int32(nil), first[:n]...)
	for k, h := range heads {
		if h >= 0 && h < n {
			kids[fill[h]] = int32(k)
			fill[h]++
		}
	}
	// Post-order without recursion: a word's extent is final once all
	// its children are. A cycle (never made by the parser) leaves its
	// words as their own extent.
	for k := range lo {
		lo[k], hi[k] = int32(k), int32(k)
	}
	pending := make([]int32, n)
	var ready []int32
	for k := int32(0); k < n; k++ {
		pending[k] = first[k+1] - first[k]
		if pending[k] == 0 {
			ready = append(ready, k)
		}
	}
	for len(ready) > 0 {
		k := ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		for _, c := range kids[first[k]:first[k+1]] {
			lo[k], hi[k] = min(lo[k], lo[c]), max(hi[k], hi[c])
		}
		if h := heads[k]; h >= 0 && h < n {
			if pending[h]--; pending[h] == 0 {
				ready = append(ready, h)
			}
		}
	}
	return lo, hi
}

// titleLike reports whether words lo..hi of sentence sp can be a title
// before a name: no conjunction, verb, auxiliary or punctuation mark
// other than a bracket ("Member of Parliament (MP) Yvette Cooper").
func titleLike(d *text.Doc, sp text.Span, lo, hi int32) bool {
	for k := lo; k <= hi; k++ {
		tok := &d.Tokens[int(sp.Start)+int(k)]
		switch tok.UPOS {
		case text.CCONJ, text.VERB, text.AUX:
			return false
		case text.PUNCT:
			if f := d.Form(int(sp.Start) + int(k)); f != "(" && f != ")" {
				return false
			}
		}
	}
	return true
}

// bestAllowed returns the highest-scoring transition that allowed
// accepts. A rule never removes the last valid transition (where SHIFT is
// ruled out a LEFT arc with a label other than mark remains, and the
// reverse), so the fallback to bestValid is only a guard.
func (p *Parser) bestAllowed(s *state, scores []float32) int {
	best := -1
	b := p.bans(s)
	for c := range scores {
		if (best < 0 || scores[c] > scores[best]) && p.allowed(s, b, c) {
			best = c
		}
	}
	if best < 0 {
		return s.bestValid(scores, p.root)
	}
	return best
}

func (s *state) apply(c, root int) {
	if c == 0 {
		s.stack = append(s.stack, s.bi)
		s.bi++
		return
	}
	kind, lab := decode(c)
	s0 := s.stack[len(s.stack)-1]
	var h int32
	if kind == kindLeft {
		h = s.bi
	} else {
		h = s.stack[len(s.stack)-2]
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.addArc(h, s0, lab)
}

func (s *state) addArc(h, d int32, lab int) {
	s.heads[d] = h
	s.labels[d] = uint16(lab)
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		s.nl[h]++
		s.ls[h] |= bit
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= bit
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

// Feature templates.
const (
	tS0wp = iota + 1
	tS0w
	tS0p
	tN0wp
	tN0w
	tN0p
	tN1wp
	tN1w
	tN1p
	tN2wp
	tN2w
	tN2p
	tS1wp
	tS1w
	tS1p
	tS2w
	tS2p
	tS0wpN0wp
	tS0wpN0w
	tS0wN0wp
	tS0wpN0p
	tS0pN0wp
	tS0wN0w
	tS0pN0p
	tN0pN1p
	tS1wS0w
	tS1pS0p
	tS1wpS0p
	tS1pS0wp
	tS1pN0p
	tS1wN0w
	tN0pN1pN2p
	tS0pN0pN1p
	tS1pS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS2pS1pS0p
	tS1pS1rpS0p
	tS0wD
	tS0pD
	tN0wD
	tN0pD
	tS0wN0wD
	tS0pN0pD
	tS1pS0pD1
	tS0wVr
	tS0pVr
	tS0wVl
	tS0pVl
	tN0wVl
	tN0pVl
	tS1pVr
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS1rw
	tS1rp
	tS1rl
	tS1lp
	tS1ll
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tN0pN0lpN0l2p
	tS0wSr
	tS0pSr
	tS0wSl
	tS0pSl
	tN0wNl
	tN0pNl
	tN0pN1wp
	tS0wpS0rl
	tN0wpN0ll
	tS0L
	tN0L
	tN1L
	tS1L
	tS0LN0L
	tS0LN0p
	tS0pN0L
	tS0uN0u
	tS0uN0uN1u
	tS1uS0uN0u
	tS0uN0uD
	tS0sf
	tN0sf
	tS0sfN0p
	tS0pN0sf
	tS1LS0L
	tS0pN0pPunct
	tS0pN0pVerb
	tS1pS0pPunct
	tS0wS0rw
	tN0wN0lw
	tS0pN0pN1w
)

func dist(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 11:
		return 6
	}
	return 7
}

func (s *state) features() []uint64 {
	h1, h2, h3 := perceptron.H1, perceptron.H2, perceptron.H3
	word := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.w[i]
	}
	tag := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.p[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return uint64(s.labels[i]) + 1
	}
	at := func(a []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return a[i]
	}
	var s0, s1, s2 int32 = -1, -1, -1
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	n0 := s.bi
	var n1, n2 int32 = -1, -1
	if int(n0)+1 <= s.n {
		n1 = n0 + 1
	}
	if int(n0)+2 <= s.n {
		n2 = n0 + 2
	}
	s0w, s0p := word(s0), tag(s0)
	s1w, s1p := word(s1), tag(s1)
	n0w, n0p := s.w[n0], s.p[n0]
	n1w, n1p := word(n1), tag(n1)
	n2w, n2p := word(n2), tag(n2)
	s0l, s0l2, s0r, s0r2 := at(s.lc1, s0), at(s.lc2, s0), at(s.rc1, s0), at(s.rc2, s0)
	n0l, n0l2 := s.lc1[n0], s.lc2[n0]
	s1l, s1r := at(s.lc1, s1), at(s.rc1, s1)
	d := uint64(hNone)
	if s0 >= 0 {
		d = dist(s0, n0)
	}
	d1 := uint64(hNone)
	if s1 >= 0 {
		d1 = dist(s1, s0)
	}
	var s0vl, s0vr, s0ls, s0rs uint64 = hNone, hNone, hNone, hNone
	if s0 >= 0 {
		s0vl, s0vr, s0ls, s0rs = uint64(s.nl[s0]), uint64(s.nr[s0]), s.ls[s0], s.rs[s0]
	}
	s1vr := uint64(hNone)
	if s1 >= 0 {
		s1vr = uint64(s.nr[s1])
	}
	n0vl, n0ls := uint64(s.nl[n0]), s.ls[n0]
	s0wp, n0wp, n1wp, s1wp := h2(0, s0w, s0p), h2(0, n0w, n0p), h2(0, n1w, n1p), h2(0, s1w, s1p)
	f := append(s.feats[:0],
		h1(tS0wp, s0wp), h1(tS0w, s0w), h1(tS0p, s0p),
		h1(tN0wp, n0wp), h1(tN0w, n0w), h1(tN0p, n0p),
		h1(tN1wp, n1wp), h1(tN1w, n1w), h1(tN1p, n1p),
		h2(tN2wp, n2w, n2p), h1(tN2w, n2w), h1(tN2p, n2p),
		h1(tS1wp, s1wp), h1(tS1w, s1w), h1(tS1p, s1p),
		h1(tS2w, word(s2)), h1(tS2p, tag(s2)),
		h2(tS0wpN0wp, s0wp, n0wp), h2(tS0wpN0w, s0wp, n0w), h2(tS0wN0wp, s0w, n0wp),
		h2(tS0wpN0p, s0wp, n0p), h2(tS0pN0wp, s0p, n0wp), h2(tS0wN0w, s0w, n0w),
		h2(tS0pN0p, s0p, n0p), h2(tN0pN1p, n0p, n1p),
		h2(tS1wS0w, s1w, s0w), h2(tS1pS0p, s1p, s0p), h2(tS1wpS0p, s1wp, s0p), h2(tS1pS0wp, s1p, s0wp),
		h2(tS1pN0p, s1p, n0p), h2(tS1wN0w, s1w, n0w),
		h3(tN0pN1pN2p, n0p, n1p, n2p), h3(tS0pN0pN1p, s0p, n0p, n1p), h3(tS1pS0pN0p, s1p, s0p, n0p),
		h3(tS0pS0lpN0p, s0p, tag(s0l), n0p), h3(tS0pS0rpN0p, s0p, tag(s0r), n0p),
		h3(tS0pN0pN0lp, s0p, n0p, tag(n0l)), h3(tS2pS1pS0p, tag(s2), s1p, s0p),
		h3(tS1pS1rpS0p, s1p, tag(s1r), s0p),
		h2(tS0wD, s0w, d), h2(tS0pD, s0p, d), h2(tN0wD, n0w, d), h2(tN0pD, n0p, d),
		h3(tS0wN0wD, s0w, n0w, d), h3(tS0pN0pD, s0p, n0p, d), h3(tS1pS0pD1, s1p, s0p, d1),
		h2(tS0wVr, s0w, s0vr), h2(tS0pVr, s0p, s0vr), h2(tS0wVl, s0w, s0vl), h2(tS0pVl, s0p, s0vl),
		h2(tN0wVl, n0w, n0vl), h2(tN0pVl, n0p, n0vl), h2(tS1pVr, s1p, s1vr),
		h1(tS0lw, word(s0l)), h1(tS0lp, tag(s0l)), h1(tS0ll, lab(s0l)),
		h1(tS0rw, word(s0r)), h1(tS0rp, tag(s0r)), h1(tS0rl, lab(s0r)),
		h1(tN0lw, word(n0l)), h1(tN0lp, tag(n0l)), h1(tN0ll, lab(n0l)),
		h1(tS1rw, word(s1r)), h1(tS1rp, tag(s1r)), h1(tS1rl, lab(s1r)),
		h1(tS1lp, tag(s1l)), h1(tS1ll, lab(s1l)),
		h1(tS0l2w, word(s0l2)), h1(tS0l2p, tag(s0l2)), h1(tS0l2l, lab(s0l2)),
		h1(tS0r2w, word(s0r2)), h1(tS0r2p, tag(s0r2)), h1(tS0r2l, lab(s0r2)),
		h1(tN0l2w, word(n0l2)), h1(tN0l2p, tag(n0l2)), h1(tN0l2l, lab(n0l2)),
		h3(tS0pS0lpS0l2p, s0p, tag(s0l), tag(s0l2)), h3(tS0pS0rpS0r2p, s0p, tag(s0r), tag(s0r2)),
		h3(tN0pN0lpN0l2p, n0p, tag(n0l), tag(n0l2)),
		h2(tS0wSr, s0w, s0rs), h2(tS0pSr, s0p, s0rs), h2(tS0wSl, s0w, s0ls), h2(tS0pSl, s0p, s0ls),
		h2(tN0wNl, n0w, n0ls), h2(tN0pNl, n0p, n0ls),
		h2(tN0pN1wp, n0p, n1wp), h2(tS0wpS0rl, s0wp, lab(s0r)), h2(tN0wpN0ll, n0wp, lab(n0l)),
	)
	s0L, n0L, s1L := get(s.lm, s0), s.lm[n0], get(s.lm, s1)
	s0u, n0u, n1u, s1u := get(s.u, s0), s.u[n0], get(s.u, n1), get(s.u, s1)
	s0sf, n0sf := get(s.sf, s0), s.sf[n0]
	f = append(f,
		h1(tS0L, s0L), h1(tN0L, n0L), h1(tN1L, get(s.lm, n1)), h1(tS1L, s1L),
		h2(tS0LN0L, s0L, n0L), h2(tS0LN0p, s0L, n0p), h2(tS0pN0L, s0p, n0L),
		h2(tS0uN0u, s0u, n0u), h3(tS0uN0uN1u, s0u, n0u, n1u), h3(tS1uS0uN0u, s1u, s0u, n0u),
		h3(tS0uN0uD, s0u, n0u, d),
		h1(tS0sf, s0sf), h1(tN0sf, n0sf), h2(tS0sfN0p, s0sf, n0p), h2(tS0pN0sf, s0p, n0sf),
		h2(tS1LS0L, s1L, s0L),
		h3(tS0pN0pPunct, s0p, n0p, between(s.punctBefore, s0, n0, 3)),
		h3(tS0pN0pVerb, s0p, n0p, between(s.verbBefore, s0, n0, 2)),
		h3(tS1pS0pPunct, s1p, s0p, between(s.punctBefore, s1, s0, 3)),
		h2(tS0wS0rw, s0w, word(s0r)), h2(tN0wN0lw, n0w, word(n0l)),
		h3(tS0pN0pN1w, s0p, n0p, n1w),
	)
	s.feats = f
	return f
}

const magic = "eventwire-parser-1"

const (
	maxLabels = 1000
	maxString = 1 << 10
)

// Save writes the parser in its binary model format (gzip). The same parser
// always gives the same bytes.
func (p *Parser) Save(w io.Writer) error {
	e := perceptron.NewEncoder(w, magic)
	e.Uvarint(uint64(len(p.labels)))
	for _, l := range p.labels {
		e.String(string(l))
	}
	e.Model(p.model)
	return e.Close()
}

// Load reads a parser written by Save. Malformed input gives an error, never
// a panic.
func Load(r io.Reader) (*Parser, error) {
	d, err := perceptron.NewDecoder(r, magic)
	if err != nil {
		return nil, fmt.Errorf("parse: load: %w", err)
	}
	p := &Parser{root: -1}
	n := d.Uvarint("label count", maxLabels)
	for i := uint64(0); i < n && d.Err() == nil; i++ {
		l := text.DepRel(d.String(maxString))
		if l == text.Root {
			p.root = int(i)
		}
		p.labels = append(p.labels, l)
	}
	p.model = d.Model()
	p.initRules()
	if d.Err() == nil {
		if p.root < 0 {
			d.Fail("no %q label", text.Root)
		} else if p.model.NumClasses() != 1+2*len(p.labels) {
			d.Fail("model has %d classes, want %d", p.model.NumClasses(), 1+2*len(p.labels))
		}
	}
	if err := d.Close(); err != nil {
		return nil, fmt.Errorf("parse: load: %w", err)
	}
	return p, nil
}

// LoadBytes is Load on a byte slice (an embedded model).
func LoadBytes(b []byte) (*Parser, error) { return Load(bytes.NewReader(b)) }

// Prune returns a copy of p without the weights whose magnitude is below
// threshold: a smaller model file and table for slightly lower accuracy.
func (p *Parser) Prune(threshold float32) *Parser {
	q := *p
	q.model = p.model.Prune(threshold)
	return &q
}

// Size returns the number of feature rows and of non-zero weights.
func (p *Parser) Size() (features, weights int) {
	return p.model.NumFeatures(), p.model.NumWeights()
}
