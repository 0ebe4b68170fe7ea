package cameo_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/cameo"
)

func TestSplitActor(t *testing.T) {
	tests := []struct {
		code  string
		head  string
		kind  cameo.ActorKind
		parts []string
		roles []string
	}{
		{"RUSGOV", "RUS", cameo.Country, []string{"GOV"}, []string{"GOV"}},
		{"USA", "USA", cameo.Country, nil, nil},
		{"SYRREBMUS", "SYR", cameo.Country, []string{"REB", "MUS"}, []string{"REB", "MUS"}},
		{"IGOUNOHCR", "IGO", cameo.International, []string{"UNO", "HCR"}, nil},
		{"NGOHRIAMN", "NGO", cameo.International, []string{"HRI", "AMN"}, []string{"HRI"}},
		{"MEAGOV", "MEA", cameo.Region, []string{"GOV"}, []string{"GOV"}},
		{"---GOV", "", cameo.NoActor, []string{"GOV"}, []string{"GOV"}},
		{"~GOVMED", "", cameo.NoActor, []string{"GOV", "MED"}, []string{"GOV", "MED"}},
		{"---", "", cameo.NoActor, nil, nil},
		{"", "", cameo.NoActor, nil, nil},
		{"IMGOSALQ", "IMG", cameo.International, []string{"OSA", "LQ"}, nil},
		{"usagov", "USA", cameo.Country, []string{"GOV"}, []string{"GOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			a := cameo.SplitActor(tt.code)
			if a.Code != tt.code || a.Head != tt.head || a.Kind != tt.kind || !reflect.DeepEqual(a.Parts, tt.parts) {
				t.Errorf("SplitActor(%q) = %+v", tt.code, a)
			}
			if got := a.Roles(); !reflect.DeepEqual(got, tt.roles) {
				t.Errorf("Roles = %v, want %v", got, tt.roles)
			}
		})
	}
	if !cameo.SplitActor("RUSMILGOV").HasRole("GOV") || cameo.SplitActor("RUSGOV").HasRole("MIL") {
		t.Error("HasRole")
	}
}

func TestLabels(t *testing.T) {
	if cameo.RoleLabel("GOV") != "government" || cameo.RoleLabel("RUS") != "" {
		t.Error("RoleLabel")
	}
	if cameo.RegionLabel("MEA") != "Middle East" || cameo.RegionLabel("GOV") != "" {
		t.Error("RegionLabel")
	}
	if cameo.InternationalLabel("IGO") == "" || cameo.InternationalLabel("USA") != "" {
		t.Error("InternationalLabel")
	}
}

// FuzzSplitActor checks that any string splits without panicking and that
// the head and parts rebuild the code (upper-cased, without "~" and "---").
func FuzzSplitActor(f *testing.F) {
	for _, s := range []string{"RUSGOV", "---GOV", "~GOVMED", "IGOUNOHCR", "", "ab", "é€x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		a := cameo.SplitActor(code)
		rebuilt := a.Head + strings.Join(a.Parts, "")
		want := strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(code)), "~")
		if !strings.HasSuffix(want, rebuilt) || len(want)-len(rebuilt) > 3 {
			t.Fatalf("SplitActor(%q) = %+v: parts rebuild %q from %q", code, a, rebuilt, want)
		}
	})
}
