package gold_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/gold"
)

// table fills a Confusion: rows are the first reader's labels, columns the
// second's.
func table(labels []string, counts [][]int) *gold.Confusion {
	var c gold.Confusion
	for i, a := range labels {
		for j, b := range labels {
			for range counts[i][j] {
				c.Add(a, b)
			}
		}
	}
	return &c
}

func TestKappa(t *testing.T) {
	tests := []struct {
		name       string
		labels     []string
		counts     [][]int
		n          int
		po, pe, k  float64
		undefined  bool
		wantLabels string
	}{
		// Three labels, n = 20:
		//            B: 04  19  NONE | A's total
		//   A: 04        4   1   1   |  6
		//      19        0   3   1   |  4
		//      NONE      2   0   8   | 10
		//   B's total    6   4  10
		// po = (4+3+8)/20 = 0.75; pe = (6·6 + 4·4 + 10·10)/20² = 152/400
		// = 0.38; κ = (0.75 − 0.38)/(1 − 0.38) = 0.37/0.62 = 0.596774...
		{"three labels", []string{"04", "19", "NONE"}, [][]int{{4, 1, 1}, {0, 3, 1}, {2, 0, 8}}, 20, 0.75, 0.38, 0.37 / 0.62, false, "04 19 NONE"},
		// The textbook 2×2: yes/yes 20, yes/no 5, no/yes 10, no/no 15; n =
		// 50, po = 35/50 = 0.7; A says yes 25/50, B 30/50: pe = 0.5·0.6 +
		// 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/0.5 = 0.4.
		{"2x2", []string{"yes", "no"}, [][]int{{20, 5}, {10, 15}}, 50, 0.7, 0.5, 0.4, false, "no yes"},
		// Perfect agreement on two labels: po = 1, pe = 0.5, κ = 1.
		{"perfect", []string{"a", "b"}, [][]int{{3, 0}, {0, 3}}, 6, 1, 0.5, 1, false, "a b"},
		// Always opposite: po = 0, pe = 0.5·0.5·2 = 0.5, κ = −1.
		{"opposite", []string{"a", "b"}, [][]int{{0, 2}, {2, 0}}, 4, 0, 0.5, -1, false, "a b"},
		// One label for everything: pe = 1, κ undefined.
		{"one label", []string{"NONE"}, [][]int{{5}}, 5, 1, 1, 0, true, "NONE"},
		{"no items", []string{"a"}, [][]int{{0}}, 0, 0, 0, 0, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := table(tt.labels, tt.counts)
			k, ok := c.Kappa()
			if c.N() != tt.n || !near(c.Observed(), tt.po) || !near(c.Expected(), tt.pe) || ok == tt.undefined || (ok && !near(k, tt.k)) {
				t.Errorf("n %d po %v pe %v κ %v (defined %v); want %d %v %v %v (defined %v)", c.N(), c.Observed(), c.Expected(), k, ok, tt.n, tt.po, tt.pe, tt.k, !tt.undefined)
			}
			if l := strings.Join(c.Labels(), " "); l != tt.wantLabels {
				t.Errorf("labels %q, want %q", l, tt.wantLabels)
			}
		})
	}
	var zero gold.Confusion
	if _, ok := zero.Kappa(); ok || zero.Count("a", "b") != 0 {
		t.Error("the zero Confusion is not empty")
	}
}

// readerB is a second made-up reading of testdata/articles.jsonl; reader A
// is testdata/good.tsv.
var readerB = strings.Join([]string{
	tsv("g1", "0", "190", "TURMIL", "SYRREB", "Turkish troops", "shelled", "Kurdish positions"),
	tsv("g1", "0", "173", "TURMIL", "SYRREB", "Turkish troops", "shelled", "Kurdish positions", "two roots for one pair"),
	tsv("g1", "1", "040", "RUSGOV", "TURGOV", "Russia", "held talks", "Turkey"),
	tsv("g1", "2", "013", "---GOV", "-", "", "was", "", "one-sided"),
	tsv("g1", "3", "112", "IGOUNO", "TUR", "The UN", "condemned", "the attack"),
	tsv("g2", "0", "none"),
	tsv("g2", "1", "051", "HKGGOV", "HKGCOP", "The mayor", "praised", "the officers"),
}, "\n")

func TestAgree(t *testing.T) {
	arts := fixture(t)
	a, err := gold.ReadAnnotationsFile(filepath.Join("testdata", "good.tsv"), arts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := gold.ReadAnnotations(strings.NewReader(readerB), "b.tsv", arts)
	if err != nil {
		t.Fatal(err)
	}
	g := gold.Agree(arts.List, a, b)
	// Events with a target: A 6 (194, 040 ×2, 111, 173, 051), B 5 (190,
	// 173, 040, 112, 051); matched 4 (19 TUR SYR, 04 RUS TUR, 11 IGOUNO
	// TUR, 05 HKG HKG): F1 = 8/11. One-sided: one each.
	if g.Events.Main != (gold.Counts{Gold: 6, Coded: 5, Matched: 4}) || g.Events.OneSidedGold != 1 || g.Events.OneSidedCoded != 1 {
		t.Errorf("events %+v, one-sided %d %d", g.Events.Main, g.Events.OneSidedGold, g.Events.OneSidedCoded)
	}
	if !near(g.Events.Main.F1(), 8.0/11) {
		t.Errorf("F1 %v, want 8/11", g.Events.Main.F1())
	}
	// Root items (A / B):
	//   g1 s0 (TUR, SYR)     19 / 19   (B has 17 and 19: they share 19)
	//   g1 s1 (RUS, TUR)     04 / 04
	//   g1 s1 (TUR, RUS)     04 / NONE
	//   g1 s2 (no pair)    NONE / NONE (B's event has no target)
	//   g1 s3 (IGOUNO, TUR)  11 / 11
	//   g2 s0 (HKG, HKG)     17 / NONE
	//   g2 s1 (HKG, HKG)     05 / 05
	// n = 7, po = 5/7. A: 19 1, 04 2, NONE 1, 11 1, 17 1, 05 1; B: 19 1,
	// 04 1, NONE 3, 11 1, 05 1. pe = (1·1 + 2·1 + 1·3 + 1·1 + 1·0 +
	// 1·1)/49 = 8/49. κ = (35/49 − 8/49)/(41/49) = 27/41.
	if k, ok := g.Root.Kappa(); g.Root.N() != 7 || !ok || !near(k, 27.0/41) || g.Root.Count("04", gold.NoRoot) != 1 || g.Root.Count("17", gold.NoRoot) != 1 || g.Root.Count(gold.NoRoot, gold.NoRoot) != 1 {
		t.Errorf("root: n %d κ %v; want 7, 27/41 = %.6f", g.Root.N(), k, 27.0/41)
	}
	// Any event, one item a sentence: g1 s0, s1, s3 and g2 s1 both event;
	// g1 s2 none / event; g2 s0 event / none. po = 4/6; each reader says
	// event 5 times, none once: pe = (25 + 1)/36; κ = (24 − 26)/(36 − 26)
	// = −0.2.
	if k, ok := g.Any.Kappa(); g.Any.N() != 6 || !ok || !near(k, -0.2) || g.Any.Count(gold.NoEvent, gold.HasEvent) != 1 {
		t.Errorf("any: n %d κ %v; want 6, -0.2", g.Any.N(), k)
	}
	if len(g.Results) != 2 || len(g.Results[0].Missed()) != 1 || len(g.Results[0].False()) != 1 {
		t.Errorf("results: %d articles; g1 A-only %d, B-only %d (want 2, 1 (TUR 04 RUS), 1 (17 TUR SYR))", len(g.Results), len(g.Results[0].Missed()), len(g.Results[0].False()))
	}

	// Several roots, none shared: each reader's smallest.
	a2 := tsv("g2", "0", "050", "HKGCOP", "HKGCVL") + "\n" + tsv("g2", "0", "040", "HKGCOP", "HKGCVL") + "\n" + tsv("g2", "1", "none") + "\n"
	b2 := tsv("g2", "0", "010", "HKGCOP", "HKGCVL") + "\n" + tsv("g2", "1", "none") + "\n"
	ra, err1 := gold.ReadAnnotations(strings.NewReader(a2), "a2.tsv", arts)
	rb, err2 := gold.ReadAnnotations(strings.NewReader(b2), "b2.tsv", arts)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	g = gold.Agree(arts.Split(gold.Test), ra, rb)
	if g.Root.N() != 2 || g.Root.Count("04", "01") != 1 || g.Root.Count(gold.NoRoot, gold.NoRoot) != 1 {
		t.Errorf("root items %v: want 04/01 and NONE/NONE", g.Root.Labels())
	}
	// Any event: both say event for s0 and none for s1: po 1, pe 0.5, κ 1.
	if k, ok := g.Any.Kappa(); !ok || !near(k, 1) {
		t.Errorf("any: κ %v defined %v; want 1", k, ok)
	}
}
