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

// Floors of eventwire eval geo on the toponym gold of ../shared/data/geo-eval,
// tuned on the dev halves only (the test halves are scored to report). They
// only rise. GeoVirus has coordinates, no GeoNames ids: accuracy within
// 161 km and recognition F1 (exact spans) on each half. LGL and TR-News
// have GeoNames ids: exact-id accuracy and accuracy within 161 km on the
// dev halves.
var geoFloors = []struct {
	file, part             string
	exact, acc161, recogF1 float64 // 0: no floor
}{
	{"geovirus.jsonl", "dev", 0, 0.88, 0.92},
	{"geovirus.jsonl", "test", 0, 0.79, 0.85},
	{"lgl.jsonl", "dev", 0.66, 0.75, 0},
	{"tr-news.jsonl", "dev", 0.82, 0.87, 0},
}

func TestEvalGeoFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 935 articles; skipped in -short")
	}
	outs := map[string]string{} // one run per file: it scores both halves
	for _, f := range geoFloors {
		out, ok := outs[f.file]
		if !ok {
			path := shared.Data(t, "geo-eval", f.file)
			o, stderr, err := runMain("eval", "geo", "--data", path)
			if err != nil {
				t.Fatalf("%s: %v\n%s", f.file, err, stderr)
			}
			out, outs[f.file] = o, o
		}
		got := geoPartScores(t, out, f.part)
		t.Logf("%s %s: exact %.3f acc161 %.3f recognition F1 %.3f", f.file, f.part, got.exact, got.acc161, got.recogF1)
		for _, c := range []struct {
			what       string
			got, floor float64
		}{{"exact-id accuracy", got.exact, f.exact}, {"acc@161km", got.acc161, f.acc161}, {"recognition F1", got.recogF1, f.recogF1}} {
			if c.got < c.floor {
				t.Errorf("%s %s: %s %.3f is below the floor %.3f:\n%s", f.file, f.part, c.what, c.got, c.floor, out)
			}
		}
	}
}

type geoPartScore struct{ exact, acc161, recogF1 float64 }

// geoPartScores reads one half's block of eval geo's output:
//
//	part dev  articles N toponyms N
//	  recognition  exact P x R y F1 z ...
//	  resolution   acc@161km x  exact id y of N ...
func geoPartScores(t *testing.T, out, part string) geoPartScore {
	t.Helper()
	var s geoPartScore
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "part "+part+" ") || i+2 >= len(lines) {
			continue
		}
		rec, res := strings.Fields(lines[i+1]), strings.Fields(lines[i+2])
		if len(rec) < 8 || rec[6] != "F1" || len(res) < 5 || res[1] != "acc@161km" || res[3] != "exact" {
			t.Fatalf("part %s: lines %q, %q", part, lines[i+1], lines[i+2])
		}
		s.recogF1, _ = strconv.ParseFloat(rec[7], 64)
		s.acc161, _ = strconv.ParseFloat(res[2], 64)
		s.exact, _ = strconv.ParseFloat(res[5], 64) // "n/a" without ids: 0
		return s
	}
	t.Fatalf("no block for part %s in:\n%s", part, out)
	return s
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
