package petrarch

import (
	"slices"
	"strings"
)

// NullActor is how PETRARCH writes a missing actor; Set turns it into "".
const NullActor = "---"

// Set normalises triples for comparison: trims spaces, writes a missing
// actor ("---" or "") as "", removes duplicates and sorts. It returns a new
// slice.
func Set(ts []Triple) []Triple {
	out := make([]Triple, 0, len(ts))
	for _, t := range ts {
		t = Triple{strings.TrimSpace(t.Event), actor(t.Source), actor(t.Target)}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b Triple) int {
		if c := strings.Compare(a.Event, b.Event); c != 0 {
			return c
		}
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Target, b.Target)
	})
	return slices.Compact(out)
}

func actor(s string) string {
	s = strings.TrimSpace(s)
	if s == NullActor {
		return ""
	}
	return s
}

// Score accumulates event precision and recall and exact records over
// records. The zero Score is ready to use.
type Score struct {
	Records int // records scored
	Exact   int // records whose triple set equals the expected set
	TP      int // triples both expected and produced
	FP      int // produced, not expected
	FN      int // expected, not produced
}

// Add scores one record: want and got are normalised with Set first. It
// returns the triples missed and the triples not expected, and whether the
// record is exact.
func (s *Score) Add(want, got []Triple) (missed, extra []Triple, exact bool) {
	w, g := Set(want), Set(got)
	in := func(set []Triple, t Triple) bool { return slices.Contains(set, t) }
	for _, t := range w {
		if in(g, t) {
			s.TP++
		} else {
			missed = append(missed, t)
		}
	}
	for _, t := range g {
		if !in(w, t) {
			extra = append(extra, t)
		}
	}
	s.FN += len(missed)
	s.FP += len(extra)
	s.Records++
	exact = len(missed) == 0 && len(extra) == 0
	if exact {
		s.Exact++
	}
	return missed, extra, exact
}

// Precision is TP/(TP+FP); 0 when nothing was produced.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN); 0 when nothing was expected.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall; 0 when both are 0.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ExactRate is Exact/Records; 0 for no records.
func (s Score) ExactRate() float64 { return ratio(s.Exact, s.Records) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
