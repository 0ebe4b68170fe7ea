package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

// Floors of eventwire eval geo on GeoVirus (../shared/data/geo-eval):
// accuracy within 161 km on each half, tuned on dev only. They only rise.
const (
	geoDevAcc161Floor   = 0.88
	geoTestAcc161Floor  = 0.79
	geoDevRecogF1Floor  = 0.92 // exact spans
	geoTestRecogF1Floor = 0.85
)

func TestEvalGeoFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 229 articles; skipped in -short")
	}
	path := shared.Data(t, "geo-eval", "geovirus.jsonl")
	for _, c := range []struct {
		part         string
		floor, recog float64
	}{{"dev", geoDevAcc161Floor, geoDevRecogF1Floor}, {"test", geoTestAcc161Floor, geoTestRecogF1Floor}} {
		out, stderr, err := runMain("eval", "geo", "--part", c.part, "--data", path)
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		line := lastLine(out)
		t.Log(c.part, line)
		f := strings.Fields(line) // exact X acc161 Y n N
		if len(f) != 6 || f[2] != "acc161" {
			t.Fatalf("last line %q, want exact X acc161 Y n N", line)
		}
		acc, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			t.Fatal(err)
		}
		if acc < c.floor {
			t.Errorf("%s acc@161km %.3f is below the floor %.3f:\n%s", c.part, acc, c.floor, out)
		}
		// "part dev ...", then "  recognition  exact P x R y F1 z ..."
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "part "+c.part+" ") && i+1 < len(lines) {
				f := strings.Fields(lines[i+1])
				if len(f) < 8 || f[6] != "F1" {
					t.Fatalf("recognition line %q", lines[i+1])
				}
				if f1, _ := strconv.ParseFloat(f[7], 64); f1 < c.recog {
					t.Errorf("%s recognition F1 %.3f is below the floor %.3f", c.part, f1, c.recog)
				}
			}
		}
	}
}

func TestEvalGeoTiny(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.jsonl")
	// Offsets in code points: "Zürich" has one two-byte letter before
	// Aleppo. Canada's gold point is GeoNames' of 2017, 1,000 km from
	// the gazetteer's (Wikipedia's): its id makes it a hit all the same.
	line := `{"id":"a","text":"Zürich met Aleppo in Canada.","toponyms":[{"start":0,"end":6,"name":"Zürich","geonameid":2657896,"lat":47.37,"lon":8.55},{"start":11,"end":17,"name":"Aleppo","geonameid":170063,"lat":36.2,"lon":37.16},{"start":21,"end":27,"name":"Canada","geonameid":6251999,"lat":60.10867,"lon":-113.64258}]}`
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runMain("eval", "geo", "--data", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if got := lastLine(out); got != "exact 1.000 acc161 1.000 n 3" {
		t.Errorf("last line %q, want exact 1.000 acc161 1.000 n 3\n%s", got, out)
	}
	if !strings.Contains(out, "by points alone (the gold's id not counted as a hit): acc@161km 0.667") {
		t.Errorf("no accuracy by points alone of 0.667 (Canada's points 1,000 km apart):\n%s", out)
	}
	checkCmdErrors(t, []string{"eval", "geo"}, []cmdError{
		{name: "no data", args: nil, usage: true},
		{name: "bad part", args: []string{"--part", "x", "--data", path}, usage: true},
		{name: "absent", args: []string{"--data", filepath.Join(dir, "none.jsonl")}, want: []string{"does not exist", "geo-eval"}},
	})
}

// TestCodeSamplePlaces: the sample article's Aleppo, Astana and Tartus
// resolve to their GeoNames ids (looked up by hand in cities15000) and the
// events in Aleppo are placed there.
func TestCodeSamplePlaces(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the sample; skipped in -short")
	}
	out, stderr, err := runMain("code", filepath.Join("..", "..", "testdata", "samples", "rferl-2016-12-23-aleppo.txt"), "--date", "2016-12-23")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got codeOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, p := range got.Places {
		ids[p.Text] = p.GeonameID
	}
	for name, id := range map[string]int64{"Aleppo": 170063, "Astana": 1526273, "Tartus": 163345, "Syria": 163843} {
		if ids[name] != id {
			t.Errorf("%s resolved to %d, want %d", name, ids[name], id)
		}
	}
	inAleppo := 0
	for _, e := range got.Events {
		if strings.Contains(e.Target.Text, "Aleppo") || strings.Contains(e.Target.Text, "the city") {
			if e.Location == nil || e.Location.GeonameID != 170063 {
				t.Errorf("event %s %s %s: location %+v, want Aleppo", e.Source.Text, e.CAMEO, e.Target.Text, e.Location)
				continue
			}
			inAleppo++
		}
	}
	if inAleppo < 4 {
		t.Errorf("%d events placed in Aleppo, want at least 4", inAleppo)
	}
}
