package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

// TestGeneratedIsCurrent is the CI check that cameo/codebook.tsv is what the
// generator makes from the source tables. It needs the data folder beside
// the clone (../shared/data from the repository root).
func TestGeneratedIsCurrent(t *testing.T) {
	dir := shared.Data(t, "ontology")
	got, err := generateFromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile(filepath.Join("..", "..", "codebook.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, have) {
		t.Error("cameo/codebook.tsv is stale: run go generate ./cameo")
	}
}

func TestGenerateSmall(t *testing.T) {
	codes := "code\tname\tlevel\troot\tparent\tquad_class\tgoldstein\tsource\n" +
		"04\tCONSULT\t1\t04\t\t1\t1.0\tgdelt\n" +
		"041\tDiscuss by telephone\t2\t04\t04\t1\t\tx\n" +
		"042\tMake a visit\t2\t04\t04\t1\t1.9\tgdelt\n"
	cross := "# comment\n04: CONSULT\n042: CONSULT, visit , a; b # Make a visit\n0499: CONSULT\n"
	out, err := generate(codes, cross)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n04\tCONSULT\t1\t\t1\t1.0\t\tCONSULT\t\t\t\n",
		"\n041\tDiscuss by telephone\t2\t04\t1\t1.0\t04\tCONSULT\t\t\t04\n",
		"\n042\tMake a visit\t2\t04\t1\t1.9\t\tCONSULT\tvisit\ta;b\t\n",
		"left out: 0499\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := generate(codes+"x\t1\n", "04 CONSULT\n"); err == nil || !strings.Contains(err.Error(), "cameo-eventcodes.tsv:5") || !strings.Contains(err.Error(), "CAMEO2PLOVER-2021.txt:1") {
		t.Errorf("err = %v, want both line errors", err)
	}
}

// TestGoldsteinMatchesGDELT checks the generated Goldstein values against
// GDELT's own CAMEO.goldsteinscale.txt, independently of the merged table
// the generator reads.
func TestGoldsteinMatchesGDELT(t *testing.T) {
	path := shared.Data(t, "ontology", "cameo", "CAMEO.goldsteinscale.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gen, err := os.ReadFile(filepath.Join("..", "..", "codebook.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string][]string{} // code → row
	for _, l := range strings.Split(string(gen), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		have[f[0]] = f
	}
	n := 0
	for i, l := range strings.Split(strings.ReplaceAll(string(raw), "\r", ""), "\n") {
		if i == 0 || l == "" {
			continue
		}
		code, val, _ := strings.Cut(l, "\t")
		row, ok := have[code]
		if !ok {
			t.Errorf("GDELT code %s missing from codebook.tsv", code)
			continue
		}
		// Columns: code label level parent quad_class goldstein goldstein_from ...
		if row[5] != val || row[6] != "" {
			t.Errorf("%s: Goldstein %s (from %q), GDELT says %s", code, row[5], row[6], val)
		}
		n++
	}
	// 311 codes in the GDELT file (README of ontology/).
	if n != 311 {
		t.Errorf("checked %d GDELT codes, want 311", n)
	}
}
