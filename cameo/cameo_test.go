package cameo_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/cameo"
)

func TestDefaultInvariants(t *testing.T) {
	b := cameo.Default()
	// 316 codes in ../shared/data/ontology/cameo/cameo-eventcodes.tsv.
	if b.Len() != 316 {
		t.Errorf("Len = %d, want 316", b.Len())
	}
	for _, c := range b.Codes() {
		if c.QuadClass < 1 || c.QuadClass > 4 {
			t.Errorf("%s: quad class %d", c.Code, c.QuadClass)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v", c.Code, c.Goldstein)
		}
		if c.Level != len(c.Code)-1 {
			t.Errorf("%s: level %d for a %d-digit code", c.Code, c.Level, len(c.Code))
		}
		if c.Level > 1 {
			p, ok := b.Lookup(c.Parent)
			if !ok || !strings.HasPrefix(c.Code, p.Code) || p.Level != c.Level-1 {
				t.Errorf("%s: bad parent %q", c.Code, c.Parent)
			}
		}
		// GDELT's quad classes follow the root: 01–05, 06–09, 10–14, 15–20.
		root := c.Code[:2]
		want := 4
		switch {
		case root <= "05":
			want = 1
		case root <= "09":
			want = 2
		case root <= "14":
			want = 3
		}
		if c.QuadClass != want {
			t.Errorf("%s: quad class %d, want %d for root %s", c.Code, c.QuadClass, want, root)
		}
		if (root == "01" || root == "02") != (c.PLOVER == "") {
			t.Errorf("%s: PLOVER %q", c.Code, c.PLOVER)
		}
	}
}

// Expected values checked by hand against cameo-eventcodes.tsv,
// CAMEO.goldsteinscale.txt and CAMEO2PLOVER-2021.txt.
func TestLookup(t *testing.T) {
	b := cameo.Default()
	tests := []cameo.Code{
		{Code: "051", Label: "Praise or endorse", Level: 2, Parent: "05", QuadClass: 1, Goldstein: 3.4,
			PLOVER: "SUPPORT", PLOVERContext: "diplomatic"},
		{Code: "08", Label: "YIELD", Level: 1, QuadClass: 2, Goldstein: 5.0, PLOVER: "CONCEDE"},
		{Code: "0874", Label: "Retreat or surrender militarily", Level: 3, Parent: "087", QuadClass: 2, Goldstein: 10,
			PLOVER: "RETREAT", PLOVERMode: "disarm", PLOVERContext: "military"},
		{Code: "1124", Label: "Accuse of war crimes", Level: 3, Parent: "112", QuadClass: 3, Goldstein: -2,
			PLOVER: "ACCUSE", PLOVERMode: "allege", PLOVERContext: "military;legal"},
		{Code: "041", Label: "Discuss by telephone", Level: 2, Parent: "04", QuadClass: 1, Goldstein: 1,
			PLOVER: "CONSULT", PLOVERMode: "phone"},
		{Code: "163", Label: "Impose embargo, boycott, or sanctions", Level: 2, Parent: "16", QuadClass: 4, Goldstein: -8,
			PLOVER: "COERCE", PLOVERMode: "restrict", PLOVERContext: "diplomatic"},
		// No GDELT Goldstein, no crosswalk row: both inherited from 17.
		{Code: "176", Label: "Attack cybernetically", Level: 2, Parent: "17", QuadClass: 4, Goldstein: -7,
			GoldsteinFrom: "17", PLOVER: "COERCE", PLOVERFrom: "17"},
		{Code: "013", Label: "Make optimistic comment", Level: 2, Parent: "01", QuadClass: 1, Goldstein: 0.4, PLOVERFrom: "-"},
	}
	for _, want := range tests {
		t.Run(want.Code, func(t *testing.T) {
			got, ok := b.Lookup(want.Code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", want.Code)
			}
			if got != want {
				t.Errorf("Lookup(%q)\n got %+v\nwant %+v", want.Code, got, want)
			}
		})
	}
	for _, bad := range []string{"", "51", "0510", "999", "21"} {
		if _, ok := b.Lookup(bad); ok {
			t.Errorf("Lookup(%q) found a code", bad)
		}
	}
	var nilBook *cameo.Codebook
	if _, ok := nilBook.Lookup("051"); ok {
		t.Error("nil codebook found a code")
	}
}

func TestNearest(t *testing.T) {
	b := cameo.Default()
	for in, want := range map[string]string{"051": "051", "0519": "051", "1999": "19", "99": "", "0": ""} {
		c, ok := b.Nearest(in)
		if ok != (want != "") || c.Code != want {
			t.Errorf("Nearest(%q) = %q, %v; want %q", in, c.Code, ok, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	head := "# comment\ncode\tlabel\tlevel\tparent\tquad_class\tgoldstein\tgoldstein_from\tplover\tplover_mode\tplover_context\tplover_from\n"
	tests := []struct {
		name, body string
		line       int
	}{
		{"fields", "01\tX\t1\n", 3},
		{"level", "01\tX\tone\t\t1\t0\t\t\t\t\t-\n", 3},
		{"goldstein", "01\tX\t1\t\t1\tbig\t\t\t\t\t-\n", 3},
		{"dup", "01\tX\t1\t\t1\t0\t\t\t\t\t-\n01\tX\t1\t\t1\t0\t\t\t\t\t-\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cameo.Parse(strings.NewReader(head + tt.body))
			var pe *cameo.ParseError
			if !errors.As(err, &pe) || pe.Line != tt.line {
				t.Fatalf("err = %v, want ParseError at line %d", err, tt.line)
			}
		})
	}
}
