package main

import (
	"testing"
)

// TestCompact checks the quantization: points are moved to the coarser
// grid, a point that then repeats is dropped, an arc keeps two points, the
// countries keep their names, and the ends two arcs share stay equal.
func TestCompact(t *testing.T) {
	in := &topology{Type: "Topology", BBox: [4]float64{0, 0, 10, 10},
		Transform: transform{Scale: [2]float64{0.01, 0.01}, Translate: [2]float64{0, 0}},
		Objects: map[string]objects{
			"countries": {Type: "GeometryCollection", Geometries: []geometry{{Type: "Polygon", Arcs: []byte("[[0,1]]")}}},
			"land":      {Type: "GeometryCollection"},
		},
		Arcs: [][][2]int64{
			{{0, 0}, {1, 0}, {1, 0}, {498, 500}}, // (0,0) (0.01,0) (0.02,0) (5,5)
			{{500, 500}, {1, 1}},                 // (5,5) (5.01,5.01): one point on the coarse grid
		},
	}
	in.Objects["countries"].Geometries[0].Properties.Name = "Somewhere"
	out, err := compact(in, 11) // a step of 1 unit
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out.Objects["land"]; ok || out.Objects["countries"].Geometries[0].Properties.Name != "Somewhere" {
		t.Errorf("objects %+v", out.Objects)
	}
	abs := func(arc [][2]int64) (pts [][2]int64) {
		var x, y int64
		for _, d := range arc {
			x, y = x+d[0], y+d[1]
			pts = append(pts, [2]int64{x, y})
		}
		return pts
	}
	a0, a1 := abs(out.Arcs[0]), abs(out.Arcs[1])
	if len(a0) != 2 || a0[0] != [2]int64{0, 0} || a0[1] != [2]int64{5, 5} {
		t.Errorf("arc 0: %v, want [0 0] [5 5]", a0)
	}
	if len(a1) != 2 || a1[0] != a0[1] || a1[1] != a1[0] {
		t.Errorf("arc 1: %v, want two points at the end of arc 0", a1)
	}
	if out.Transform.Scale != [2]float64{1, 1} || out.Transform.Translate != [2]float64{0, 0} {
		t.Errorf("transform %+v", out.Transform)
	}
	if _, err := compact(&topology{Type: "Topology"}, 10); err == nil {
		t.Error("a topology without countries compacted")
	}
}
