// Package ud scores a system's Universal Dependencies analysis against a
// gold treebank the way the CoNLL 2018 shared task did
// (https://universaldependencies.org/conll18/evaluation.html).
//
// Both sides are reduced to the sequence of their non-whitespace characters
// (white space of Unicode category Zs is dropped from forms); the two
// sequences must be equal. Tokens and sentences are then compared as spans of
// that sequence. Words are aligned by span; inside multi-word tokens, whose
// words share the token's span, they are aligned by the longest common
// subsequence of their lower-cased forms over the smallest region on which
// both sides' multi-word tokens agree. UPOS, XPOS, UFeats (universal features
// only), lemmas, UAS and LAS (universal part of DEPREL, before the colon) are
// scored on aligned words; the F1 of each is reported over gold and system
// word counts, so tokenization errors lower them. Empty nodes are not words.
package ud

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/text"
)

// span is a half-open range of character (rune) indices in the treebank's
// non-whitespace character sequence.
type span struct{ start, end int }

// Word is one syntactic word prepared for scoring.
type Word struct {
	start, end int  // the span of its surface token
	multi      bool // part of a multi-word token
	Form       string
	Lemma      string
	UPOS       string
	XPOS       string
	Feats      string // universal features only, sorted
	Dep        string // universal part of the relation
	Head       int    // index in Treebank.words of the head; -1 for the root
}

// Treebank is one side of an evaluation: the characters, tokens, sentences
// and words of a sequence of Docs.
type Treebank struct {
	chars  []rune
	tokens []span
	sents  []span
	words  []Word
}

// Len returns the number of words added.
func (t *Treebank) Len() int { return len(t.words) }

// Sentences returns the number of sentences added.
func (t *Treebank) Sentences() int { return len(t.sents) }

// Add appends every sentence of d. Tokens of d not covered by a sentence
// (a Doc without AttrSents) are treated as one sentence. Annotation layers
// that d lacks are read as "_".
func (t *Treebank) Add(d *text.Doc) {
	sents := d.Sents
	if len(sents) == 0 && len(d.Tokens) > 0 {
		sents = []text.Span{{Start: 0, End: int32(len(d.Tokens))}}
	}
	mi := 0
	for _, sp := range sents {
		if sp.Len() == 0 {
			continue
		}
		base := len(t.words) - int(sp.Start)
		sentStart := len(t.chars)
		for i := int(sp.Start); i < int(sp.End); {
			for mi < len(d.MWTs) && int(d.MWTs[mi].End) <= i {
				mi++
			}
			first, last := i, i
			if mi < len(d.MWTs) && int(d.MWTs[mi].Start) == i && d.MWTs[mi].Len() > 1 && int(d.MWTs[mi].End) <= int(sp.End) {
				last = int(d.MWTs[mi].End) - 1
			}
			st, en := int(d.Tokens[first].Start), int(d.Tokens[last].End)
			if en < st {
				en = st
			}
			form := d.Text[st:en]
			if first == last {
				form = d.Form(first)
			}
			cs := len(t.chars)
			for _, r := range form {
				if !unicode.Is(unicode.Zs, r) {
					t.chars = append(t.chars, r)
				}
			}
			ce := len(t.chars)
			t.tokens = append(t.tokens, span{cs, ce})
			for k := first; k <= last; k++ {
				t.words = append(t.words, makeWord(d, k, base, cs, ce, first != last))
			}
			i = last + 1
		}
		t.sents = append(t.sents, span{sentStart, len(t.chars)})
	}
}

func makeWord(d *text.Doc, k, base, cs, ce int, multi bool) Word {
	tk := &d.Tokens[k]
	w := Word{start: cs, end: ce, multi: multi, Form: d.Form(k), Head: -1,
		Lemma: orUnderscore(tk.Lemma), XPOS: orUnderscore(tk.XPOS), UPOS: tk.UPOS.String(),
		Feats: universalFeats(tk.Feats), Dep: orUnderscore(string(tk.Dep.Base()))}
	if !d.Attrs.Has(text.AttrLemma) {
		w.Lemma = "_"
	}
	if tk.Head >= 0 {
		w.Head = base + int(tk.Head)
	}
	return w
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// universalFeatures are the features the shared task scored in UFeats.
var universalFeatures = map[string]bool{
	"PronType": true, "NumType": true, "Poss": true, "Reflex": true, "Foreign": true,
	"Abbr": true, "Gender": true, "Animacy": true, "Number": true, "Case": true,
	"Definite": true, "Degree": true, "VerbForm": true, "Mood": true, "Tense": true,
	"Aspect": true, "Voice": true, "Evident": true, "Polarity": true, "Person": true,
	"Polite": true,
}

func universalFeats(f string) string {
	if f == "" || f == "_" {
		return ""
	}
	var keep []string
	for _, kv := range strings.Split(f, "|") {
		name, _, _ := strings.Cut(kv, "=")
		if universalFeatures[name] {
			keep = append(keep, kv)
		}
	}
	// Sorted, as the features of a CoNLL-U word should already be.
	for i := 1; i < len(keep); i++ {
		for j := i; j > 0 && keep[j] < keep[j-1]; j-- {
			keep[j], keep[j-1] = keep[j-1], keep[j]
		}
	}
	return strings.Join(keep, "|")
}

// Score counts one metric.
type Score struct {
	Gold, System, Correct int
	// Aligned is the number of aligned words the metric was computed on
	// (-1 for Tokens and Sentences, which are not computed on words).
	Aligned int
}

// Precision returns Correct/System.
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall returns Correct/Gold.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// AlignedAccuracy returns Correct/Aligned, or NaN-free 0 when nothing aligned.
func (s Score) AlignedAccuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores holds the CoNLL 2018 metrics.
type Scores struct {
	Tokens, Sentences, Words            Score
	UPOS, XPOS, UFeats, AllTags, Lemmas Score
	UAS, LAS                            Score
}

// ErrTextMismatch reports gold and system analyses of different texts.
var ErrTextMismatch = errors.New("ud: the concatenation of gold and system tokens differs")

// Evaluate scores sys against gold. Both must hold the same non-whitespace
// characters in the same order; otherwise the error wraps ErrTextMismatch and
// shows where they part.
func Evaluate(gold, sys *Treebank) (Scores, error) {
	if i := firstDiff(gold.chars, sys.chars); i >= 0 {
		return Scores{}, fmt.Errorf("%w at character %d: gold %q, system %q", ErrTextMismatch, i,
			around(gold.chars, i), around(sys.chars, i))
	}
	var sc Scores
	sc.Tokens = spansScore(gold.tokens, sys.tokens)
	sc.Sentences = spansScore(gold.sents, sys.sents)
	al := align(gold.words, sys.words)
	sc.Words = Score{Gold: len(gold.words), System: len(sys.words), Correct: len(al), Aligned: len(al)}
	// gmap maps each system word to its aligned gold word (-2: none).
	gmap := make([]int, len(sys.words))
	for i := range gmap {
		gmap[i] = -2
	}
	for _, p := range al {
		gmap[p.s] = p.g
	}
	head := func(h int) int {
		if h < 0 {
			return -1
		}
		return gmap[h]
	}
	count := func(eq func(g, s *Word) bool) Score {
		c := 0
		for _, p := range al {
			if eq(&gold.words[p.g], &sys.words[p.s]) {
				c++
			}
		}
		return Score{Gold: len(gold.words), System: len(sys.words), Correct: c, Aligned: len(al)}
	}
	sc.UPOS = count(func(g, s *Word) bool { return g.UPOS == s.UPOS })
	sc.XPOS = count(func(g, s *Word) bool { return g.XPOS == s.XPOS })
	sc.UFeats = count(func(g, s *Word) bool { return g.Feats == s.Feats })
	sc.AllTags = count(func(g, s *Word) bool { return g.UPOS == s.UPOS && g.XPOS == s.XPOS && g.Feats == s.Feats })
	sc.Lemmas = count(func(g, s *Word) bool { return g.Lemma == "_" || g.Lemma == s.Lemma })
	sc.UAS = count(func(g, s *Word) bool { return g.Head == head(s.Head) })
	sc.LAS = count(func(g, s *Word) bool { return g.Head == head(s.Head) && g.Dep == s.Dep })
	return sc, nil
}

func firstDiff(a, b []rune) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return n
	}
	return -1
}

func around(c []rune, i int) string {
	return string(c[min(i, len(c)):min(i+20, len(c))])
}

// spansScore counts spans present on both sides with the same start and end.
func spansScore(gold, sys []span) Score {
	c, gi, si := 0, 0, 0
	for gi < len(gold) && si < len(sys) {
		switch {
		case sys[si].start < gold[gi].start:
			si++
		case gold[gi].start < sys[si].start:
			gi++
		default:
			if gold[gi].end == sys[si].end {
				c++
			}
			gi++
			si++
		}
	}
	return Score{Gold: len(gold), System: len(sys), Correct: c, Aligned: -1}
}

type pair struct{ g, s int }

// align pairs gold and system words: by equal spans outside multi-word
// tokens, by LCS of lower-cased forms inside a region where either side has
// one.
func align(gold, sys []Word) []pair {
	var out []pair
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		if gold[gi].multi || sys[si].multi {
			gs, ss, ge, se := multiwordRegion(gold, sys, gi, si)
			if ge == gi && se == si {
				gi++ // an empty multi-word token: nothing to align, move on
				continue
			}
			gi, si = ge, se
			if ge > gs && se > ss {
				out = lcsAlign(out, gold[gs:ge], sys[ss:se], gs, ss)
			}
			continue
		}
		switch {
		case gold[gi].start == sys[si].start && gold[gi].end == sys[si].end:
			out = append(out, pair{gi, si})
			gi++
			si++
		case gold[gi].start <= sys[si].start:
			gi++
		default:
			si++
		}
	}
	return out
}

// multiwordRegion finds the smallest region starting at (gi, si) that
// covers whole multi-word tokens on both sides. It returns the region's
// start and end indices on each side.
func multiwordRegion(gold, sys []Word, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].end
		if !sys[si].multi && sys[si].start < gold[gi].start {
			si++
		}
	} else {
		end = sys[si].end
		if !gold[gi].multi && gold[gi].start < sys[si].start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyond(gold, gi, end) || !beyond(sys, si, end) {
		if gi < len(gold) && (si >= len(sys) || gold[gi].start <= sys[si].start) {
			end = extend(&gold[gi], end)
			gi++
		} else {
			end = extend(&sys[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

func beyond(w []Word, i, end int) bool {
	if i >= len(w) {
		return true
	}
	if w[i].multi {
		return w[i].start >= end
	}
	return w[i].end > end
}

func extend(w *Word, end int) int {
	if w.multi && w.end > end {
		return w.end
	}
	return end
}

// lcsAlign aligns g and s (offsets gOff, sOff in the full word lists) by the
// longest common subsequence of lower-cased forms.
func lcsAlign(out []pair, g, s []Word, gOff, sOff int) []pair {
	ng, ns := len(g), len(s)
	gl := make([]string, ng)
	sl := make([]string, ns)
	for i := range g {
		gl[i] = strings.ToLower(g[i].Form)
	}
	for i := range s {
		sl[i] = strings.ToLower(s[i].Form)
	}
	// lcs[i][j] is the LCS length of g[i:] and s[j:].
	lcs := make([][]int, ng+1)
	for i := range lcs {
		lcs[i] = make([]int, ns+1)
	}
	for i := ng - 1; i >= 0; i-- {
		for j := ns - 1; j >= 0; j-- {
			v := max(lcs[i+1][j], lcs[i][j+1])
			if gl[i] == sl[j] {
				v = max(v, 1+lcs[i+1][j+1])
			}
			lcs[i][j] = v
		}
	}
	i, j := 0, 0
	for i < ng && j < ns {
		switch {
		case gl[i] == sl[j]:
			out = append(out, pair{gOff + i, sOff + j})
			i++
			j++
		case lcs[i][j] == lcs[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}
