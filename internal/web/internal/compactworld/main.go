// Command compactworld writes the world map the web UI draws
// (internal/web/static/map/countries-110m.json) from world-atlas's
// countries-110m.json (npm world-atlas@2.0.2: Natural Earth 1:110m Admin 0
// country boundaries as TopoJSON; see static/map/README.md):
//
//	npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run ./internal/web/internal/compactworld package/countries-110m.json > internal/web/static/map/countries-110m.json
//
// It keeps the countries and their names and drops what the UI does not
// draw (the merged land object, the numeric ISO codes), and it quantizes
// the arcs on a grid of 10,000 steps each way instead of 100,000 (0.036°
// of longitude, finer than the 1:110m lines) and drops the points that
// then repeat: 107,761 bytes become 88,389. Shared arcs
// stay shared: each point is quantized alone, so the ends two countries
// share stay equal. The same input gives the same bytes.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
)

// topology is the part of a TopoJSON topology this command reads and
// writes (TopoJSON specification 1.0, quantized).
type topology struct {
	Type      string             `json:"type"`
	BBox      [4]float64         `json:"bbox"`
	Transform transform          `json:"transform"`
	Objects   map[string]objects `json:"objects"`
	Arcs      [][][2]int64       `json:"arcs"`
}

type transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

type objects struct {
	Type       string     `json:"type"`
	Geometries []geometry `json:"geometries"`
}

type geometry struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

func main() {
	steps := flag.Int("steps", 10000, "quantization `steps` across the bounding box, each way")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: compactworld [-steps N] countries-110m.json > out.json")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *steps, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "compactworld:", err)
		os.Exit(1)
	}
}

func run(path string, steps int, w io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var in topology
	if err := json.Unmarshal(b, &in); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	out, err := compact(&in, steps)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	enc, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = w.Write(append(enc, '\n'))
	return err
}

// compact returns in with its countries only, quantized on steps × steps.
func compact(in *topology, steps int) (*topology, error) {
	countries, ok := in.Objects["countries"]
	if in.Type != "Topology" || !ok || in.Transform.Scale[0] == 0 || in.Transform.Scale[1] == 0 {
		return nil, errors.New("not a quantized TopoJSON topology with a countries object")
	}
	if steps < 2 {
		return nil, fmt.Errorf("steps %d: want 2 or more", steps)
	}
	bb := in.BBox
	kx, ky := (bb[2]-bb[0])/float64(steps-1), (bb[3]-bb[1])/float64(steps-1)
	out := &topology{Type: "Topology", BBox: bb,
		Transform: transform{Scale: [2]float64{kx, ky}, Translate: [2]float64{bb[0], bb[1]}},
		Objects:   map[string]objects{"countries": countries}}
	for _, arc := range in.Arcs {
		var x, y int64 // the input's absolute quantized position
		var px, py int64
		var q [][2]int64
		for i, d := range arc {
			x, y = x+d[0], y+d[1]
			lon := float64(x)*in.Transform.Scale[0] + in.Transform.Translate[0]
			lat := float64(y)*in.Transform.Scale[1] + in.Transform.Translate[1]
			nx, ny := int64(math.Round((lon-bb[0])/kx)), int64(math.Round((lat-bb[1])/ky))
			if i > 0 && nx == px && ny == py {
				continue // the same point again on the coarser grid
			}
			q = append(q, [2]int64{nx - px, ny - py})
			px, py = nx, ny
		}
		if len(q) == 1 { // an arc needs two points, even equal ones
			q = append(q, [2]int64{0, 0})
		}
		out.Arcs = append(out.Arcs, q)
	}
	return out, nil
}
