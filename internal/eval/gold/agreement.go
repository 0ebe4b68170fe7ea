package gold

import (
	"sort"
)

// Confusion counts items labelled by two readers: how many got label a
// from the first and b from the second. The zero value is empty and ready.
type Confusion struct {
	cells map[[2]string]int
	n     int
}

// Add counts one item labelled a by the first reader and b by the second.
func (c *Confusion) Add(a, b string) {
	if c.cells == nil {
		c.cells = map[[2]string]int{}
	}
	c.cells[[2]string{a, b}]++
	c.n++
}

// N is the number of items.
func (c *Confusion) N() int { return c.n }

// Count is the number of items labelled a by the first reader and b by the
// second.
func (c *Confusion) Count(a, b string) int { return c.cells[[2]string{a, b}] }

// Labels returns every label either reader gave, sorted.
func (c *Confusion) Labels() []string {
	set := map[string]bool{}
	for k := range c.cells {
		set[k[0]], set[k[1]] = true, true
	}
	out := make([]string, 0, len(set))
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Observed is the share of items both readers labelled alike: po = Σₖ nₖₖ/n
// (0 with no items).
func (c *Confusion) Observed() float64 {
	same := 0
	for k, v := range c.cells {
		if k[0] == k[1] {
			same += v
		}
	}
	return ratio(same, c.n)
}

// Expected is the agreement expected by chance when each reader labels
// independently with their own label frequencies: pe = Σₖ (nₖ./n)(n.ₖ/n),
// where nₖ. counts the items the first reader labelled k and n.ₖ those the
// second did (0 with no items).
func (c *Confusion) Expected() float64 {
	if c.n == 0 {
		return 0
	}
	rows, cols := map[string]int{}, map[string]int{}
	for k, v := range c.cells {
		rows[k[0]] += v
		cols[k[1]] += v
	}
	n := float64(c.n)
	pe := 0.0
	for l, r := range rows {
		pe += float64(r) / n * float64(cols[l]) / n
	}
	return pe
}

// Kappa is Cohen's kappa, κ = (po − pe)/(1 − pe), with po = Observed and
// pe = Expected: 1 for perfect agreement, 0 for agreement at chance level,
// below 0 for less. ok is false when κ is undefined: no items, or pe = 1
// (both readers gave every item one and the same label).
func (c *Confusion) Kappa() (k float64, ok bool) {
	pe := c.Expected()
	if c.n == 0 || pe >= 1 {
		return 0, false
	}
	return (c.Observed() - pe) / (1 - pe), true
}

// The labels of the agreement items.
const (
	// NoRoot is the root label of a reader who has no event for an item.
	NoRoot = "NONE"
	// HasEvent and NoEvent are the labels of a sentence in the any-event
	// agreement.
	HasEvent = "event"
	NoEvent  = "none"
)

// Agreement compares two annotation files of the same articles.
type Agreement struct {
	// Results score the second reader (as Coded) against the first (as
	// Gold), article by article, with Compare: the event F1 is symmetric.
	Results []*ArticleResult
	// Events is the tally of Results.
	Events Tally
	// Root is the confusion of the CAMEO roots the readers gave, over the
	// items described at Agree.
	Root Confusion
	// Any is the confusion of "does this sentence have an event" (HasEvent
	// or NoEvent), one item a sentence.
	Any Confusion
}

// Agree measures the agreement of annotations a and b on the articles
// arts.
//
// Events: b's events are scored against a's with Compare (main, loose and
// strict keys); F1 is the same either way round.
//
// Kappa on the CAMEO root: in each sentence, an item is each (source
// country, target country) pair of an event with a target that either
// reader annotated, and the label each reader gives it is the root of
// their event for that pair, NoRoot when they have none. When a reader has
// several roots for one pair, the label is the smallest root both readers
// gave for it if they share one, else that reader's smallest root; so a
// pair both readers coded 04 and only one also coded 05 counts as an
// agreement on 04. A sentence in which neither reader has an event with a
// target adds one item labelled NoRoot by both, so that agreeing on "no
// event" counts.
//
// Kappa on any event: one item a sentence, labelled HasEvent by a reader
// who has any event line for it (with or without a target), else NoEvent.
func Agree(arts []*Article, a, b *Annotations) *Agreement {
	g := &Agreement{Events: Tally{ByRoot: map[string]Counts{}}}
	for _, art := range arts {
		ea, eb := a.Events(art.ID), b.Events(art.ID)
		r := Compare(art, ea, eb)
		g.Results = append(g.Results, r)
		g.Events.Add(r)
		for s := range art.Sentences {
			ra, rb := pairRoots(ea, s), pairRoots(eb, s)
			pairs := map[[2]string]bool{}
			for p := range ra {
				pairs[p] = true
			}
			for p := range rb {
				pairs[p] = true
			}
			if len(pairs) == 0 {
				g.Root.Add(NoRoot, NoRoot)
			}
			for _, p := range sortedPairs(pairs) {
				la, lb := pairLabels(ra[p], rb[p])
				g.Root.Add(la, lb)
			}
			g.Any.Add(anyLabel(ea, s), anyLabel(eb, s))
		}
	}
	return g
}

// pairRoots maps each (source country, target country) pair of the events
// with a target in sentence s to their roots, sorted.
func pairRoots(evs []Event, s int) map[[2]string][]string {
	out := map[[2]string][]string{}
	for i := range evs {
		e := &evs[i]
		if e.Sent != s || e.OneSided() {
			continue
		}
		p := [2]string{Country(e.Source), Country(e.Target)}
		out[p] = append(out[p], Root(e.CAMEO))
	}
	for _, roots := range out {
		sort.Strings(roots)
	}
	return out
}

// pairLabels returns the two readers' labels for a pair from their sorted
// roots (see Agree).
func pairLabels(a, b []string) (string, string) {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return x, x
			}
		}
	}
	la, lb := NoRoot, NoRoot
	if len(a) > 0 {
		la = a[0]
	}
	if len(b) > 0 {
		lb = b[0]
	}
	return la, lb
}

func sortedPairs(set map[[2]string]bool) [][2]string {
	out := make([][2]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

func anyLabel(evs []Event, s int) string {
	for i := range evs {
		if evs[i].Sent == s {
			return HasEvent
		}
	}
	return NoEvent
}
