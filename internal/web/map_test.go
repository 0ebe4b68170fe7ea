package web_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestMapData checks the world map the UI draws (static/map): a quantized
// TopoJSON topology of Natural Earth's 177 countries, each named, whose
// rings refer to arcs that exist and decode inside the bounding box, with
// its licence beside it.
func TestMapData(t *testing.T) {
	b, err := os.ReadFile("static/map/countries-110m.json")
	if err != nil {
		t.Fatal(err)
	}
	var topo struct {
		Type      string     `json:"type"`
		BBox      [4]float64 `json:"bbox"`
		Transform struct {
			Scale, Translate [2]float64
		} `json:"transform"`
		Objects struct {
			Countries struct {
				Geometries []struct {
					Type       string          `json:"type"`
					Arcs       json.RawMessage `json:"arcs"`
					Properties struct{ Name string }
				} `json:"geometries"`
			} `json:"countries"`
		} `json:"objects"`
		Arcs [][][2]int64 `json:"arcs"`
	}
	if err := json.Unmarshal(b, &topo); err != nil {
		t.Fatal(err)
	}
	if topo.Type != "Topology" || topo.Transform.Scale[0] <= 0 || topo.Transform.Scale[1] <= 0 {
		t.Fatalf("not a quantized topology: %s %+v", topo.Type, topo.Transform)
	}
	bb := topo.BBox
	for i, arc := range topo.Arcs {
		if len(arc) < 2 {
			t.Errorf("arc %d has %d points", i, len(arc))
		}
		var x, y int64
		for _, d := range arc {
			x, y = x+d[0], y+d[1]
			lon := float64(x)*topo.Transform.Scale[0] + topo.Transform.Translate[0]
			lat := float64(y)*topo.Transform.Scale[1] + topo.Transform.Translate[1]
			if lon < bb[0]-1e-6 || lon > bb[2]+1e-6 || lat < bb[1]-1e-6 || lat > bb[3]+1e-6 {
				t.Fatalf("arc %d leaves the bounding box: %.4f, %.4f", i, lon, lat)
			}
		}
	}
	gs := topo.Objects.Countries.Geometries
	if len(gs) != 177 {
		t.Errorf("%d countries, want Natural Earth's 177", len(gs))
	}
	for _, g := range gs {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			err = json.Unmarshal(g.Arcs, &p)
			polys = [][][]int{p}
		case "MultiPolygon":
			err = json.Unmarshal(g.Arcs, &polys)
		default:
			t.Errorf("%s: geometry %s", g.Properties.Name, g.Type)
		}
		if err != nil || g.Properties.Name == "" {
			t.Errorf("%q: %v", g.Properties.Name, err)
		}
		for _, p := range polys {
			for _, ring := range p {
				for _, i := range ring {
					if i < 0 {
						i = ^i
					}
					if i >= len(topo.Arcs) {
						t.Errorf("%s: arc %d of %d", g.Properties.Name, i, len(topo.Arcs))
					}
				}
			}
		}
	}
	lic, err := os.ReadFile("static/map/LICENSE")
	if err != nil || !strings.Contains(string(lic), "Michael Bostock") {
		t.Errorf("static/map/LICENSE: %v", err)
	}
}
