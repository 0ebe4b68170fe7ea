package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/text"
)

// geoEvalHint says where the toponym gold lives.
const geoEvalHint = "../shared/data/geo-eval/geovirus.jsonl"

// loadGazetteer loads the shipped gazetteer once per process.
var loadGazetteer = sync.OnceValues(geo.Default)

// geoArticle is one line of a toponym gold file.
type geoArticle struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Toponyms []struct {
		Start     int      `json:"start"` // code points
		End       int      `json:"end"`
		Name      string   `json:"name"`
		GeonameID *int64   `json:"geonameid"`
		Lat       *float64 `json:"lat"`
		Lon       *float64 `json:"lon"`
	} `json:"toponyms"`
}

// geoPart is an article's half of a gold file: "dev" or "test", by a hash
// of its id alone, so the halves do not change as the file grows.
func geoPart(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%2 == 0 {
		return "dev"
	}
	return "test"
}

// geoScore accumulates the figures of one part.
type geoScore struct {
	articles                int
	goldSpans, predSpans    int
	exactSpans, overlapHits int
	n, within, withID, idOK int
	withinPoint             int // within 161 km by the points alone, an exact id not counted as a hit
	missing                 int
	errKm                   []float64
	nSmall, withinSmall     int // toponyms whose prediction is not a country or continent
}

// runEvalGeo scores toponym recognition and resolution on a JSONL gold
// file ({"id","text","toponyms":[{"start","end","name","geonameid","lat",
// "lon"}]}, offsets in code points), as ../shared/data/geo-eval holds them.
//
// Recognition: precision, recall and F1 of the spans Resolve finds against
// the gold spans (exact, and overlapping). Resolution, given the gold spans
// (geo.Gazetteer.ResolveSpans): exact GeoNames id where the gold has one,
// accuracy within 161 km, mean and median error in km, and the share with
// no candidate. Where the gold has GeoNames ids, a toponym resolved to the
// gold's id counts as within 161 km (error 0) whatever the two points: the
// gold's point of an entry is that of the annotators' GeoNames version,
// which moved countries by hundreds of km between versions, and the
// gazetteer's points of countries follow Wikipedia (GeoVirus's gold);
// the accuracy by points alone is printed beside it. Each article belongs to the dev or test half by a hash of
// its id; one block per half and the whole file, and as the last line
//
//	exact X acc161 Y n N
//
// for the part --part selects.
func runEvalGeo(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval geo", "[--part all|dev|test] --data FILE.jsonl",
		"eventwire eval geo --data "+geoEvalHint)
	data := flags.String("data", "", "toponym gold `file` (JSONL)")
	part := flags.String("part", "all", "`part` for the last line: all, dev or test (by a hash of the article id)")
	verbose := flags.Bool("v", false, "list every toponym resolved more than 161 km from the gold (miss), within 161 km but to another id than the gold's (wrong id), every gold span not found (unfound) and every span found that is not gold (extra)")
	quiet := flags.Bool("quiet", false, "no progress line on a terminal")
	modelDir := modelsFlag(flags)
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if *data == "" && len(rest) == 1 {
		*data, rest = rest[0], nil
	}
	if *data == "" || len(rest) != 0 || (*part != "all" && *part != "dev" && *part != "test") {
		flags.Usage()
		return errUsage
	}
	arts, err := readGeoGold(*data)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("eval geo: %s does not exist; the toponym gold is not shipped with eventwire: it is in the project's data folder, %s", *data, geoEvalHint)
	}
	if err != nil {
		return fmt.Errorf("eval geo: %w", err)
	}
	start := time.Now()
	g, err := loadGazetteer()
	if err != nil {
		return fmt.Errorf("eval geo: %w", err)
	}
	loaded := time.Since(start)
	parser, err := newEnglish(m.Stderr, *modelDir)
	if err != nil {
		return fmt.Errorf("eval geo: %w", err)
	}
	scores := map[string]*geoScore{"all": {}, "dev": {}, "test": {}}
	meter := startCountMeter(m.Stderr, *quiet, len(arts), "articles")
	var resolveTime time.Duration
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			meter.Stop()
			return err
		}
		d := text.NewDoc(a.Text)
		if err := parser.Annotate(ctx, d); err != nil {
			meter.Stop()
			return fmt.Errorf("eval geo: %s: %w", a.ID, err)
		}
		byteAt := runeOffsets(a.Text)
		var gold []text.Span
		for _, t := range a.Toponyms {
			if t.Start < 0 || t.End < t.Start || t.End >= len(byteAt) {
				continue
			}
			gold = append(gold, text.Span{Start: int32(byteAt[t.Start]), End: int32(byteAt[t.End])})
		}
		t0 := time.Now()
		found := g.Resolve(d, "")
		res := g.ResolveSpans(d, "", gold)
		resolveTime += time.Since(t0)
		for _, s := range []*geoScore{scores["all"], scores[geoPart(a.ID)]} {
			s.articles++
			s.goldSpans += len(gold)
			s.predSpans += len(found)
			exact := map[text.Span]bool{}
			for _, sp := range gold {
				exact[sp] = true
			}
			got := map[text.Span]bool{}
			for _, p := range found {
				got[p.Span] = true
				if exact[p.Span] {
					s.exactSpans++
				} else if *verbose && s == scores["all"] {
					fmt.Fprintf(m.Stdout, "extra %s %q\n", a.ID, p.Text)
				}
				for _, sp := range gold {
					if p.Span.Start < sp.End && sp.Start < p.Span.End {
						s.overlapHits++
						break
					}
				}
			}
			for _, sp := range gold {
				if !got[sp] && *verbose && s == scores["all"] {
					fmt.Fprintf(m.Stdout, "unfound %s %q\n", a.ID, a.Text[sp.Start:sp.End])
				}
			}
			for i, t := range a.Toponyms {
				if i >= len(res) || t.Lat == nil || t.Lon == nil {
					continue
				}
				p := res[i]
				s.n++
				if t.GeonameID != nil {
					s.withID++
					if p.GeonameID == *t.GeonameID {
						s.idOK++
					}
				}
				if p.Name == "" {
					s.missing++
					s.nSmall++
					if *verbose && s == scores["all"] {
						fmt.Fprintf(m.Stdout, "miss %s %q: no candidate\n", a.ID, t.Name)
					}
					continue
				}
				km := haversine(p.Lat, p.Lon, *t.Lat, *t.Lon)
				if km <= 161 {
					s.withinPoint++
				}
				// The gold's own GeoNames entry is no error, whatever its
				// point: the gold's point for an id is that of the
				// annotators' GeoNames version (Canada is at 60,-96 in
				// LGL's and 60.1,-113.6 in TR-News's) and ours for
				// countries is Wikipedia's (points.txt).
				if t.GeonameID != nil && p.GeonameID == *t.GeonameID {
					km = 0
				}
				s.errKm = append(s.errKm, km)
				big := p.Admin1 == "" // countries and continents
				if !big {
					s.nSmall++
				}
				if km <= 161 {
					s.within++
					if !big {
						s.withinSmall++
					}
					if t.GeonameID != nil && p.GeonameID != *t.GeonameID && *verbose && s == scores["all"] {
						fmt.Fprintf(m.Stdout, "wrong id %s %q: %s %s (%d, gold %d) %.0f km; %s\n", a.ID, t.Name, p.Name, p.Country, p.GeonameID, *t.GeonameID, km, p.Evidence)
					}
				} else if *verbose && s == scores["all"] {
					fmt.Fprintf(m.Stdout, "miss %s %q: %s %s (%d) %.0f km; %s\n", a.ID, t.Name, p.Name, p.Country, p.GeonameID, km, p.Evidence)
				}
			}
		}
		meter.Done.Add(1)
	}
	meter.Stop()
	for _, name := range []string{"dev", "test", "all"} {
		s := scores[name]
		p, r := ratio(s.exactSpans, s.predSpans), ratio(s.exactSpans, s.goldSpans)
		op, or := ratio(s.overlapHits, s.predSpans), ratio(s.overlapHits, s.goldSpans)
		fmt.Fprintf(m.Stdout, "part %-4s articles %d toponyms %d\n", name, s.articles, s.n)
		fmt.Fprintf(m.Stdout, "  recognition  exact P %.3f R %.3f F1 %.3f   overlap P %.3f R %.3f F1 %.3f   (%d found, %d gold)\n",
			p, r, f1(p, r), op, or, f1(op, or), s.predSpans, s.goldSpans)
		exact := "n/a"
		if s.withID > 0 {
			exact = fmt.Sprintf("%.3f of %d", ratio(s.idOK, s.withID), s.withID)
		}
		fmt.Fprintf(m.Stdout, "  resolution   acc@161km %.3f  exact id %s  mean error %.0f km  median %.0f km  no candidate %.3f\n",
			ratio(s.within, s.n), exact, mean(s.errKm), median(s.errKm), ratio(s.missing, s.n))
		if s.withID > 0 {
			fmt.Fprintf(m.Stdout, "  by points alone (the gold's id not counted as a hit): acc@161km %.3f\n", ratio(s.withinPoint, s.n))
		}
		fmt.Fprintf(m.Stdout, "  without countries and continents: acc@161km %.3f of %d\n", ratio(s.withinSmall, s.nSmall), s.nSmall)
	}
	fmt.Fprintf(m.Stdout, "gazetteer %d entries loaded in %s; resolution %.1f ms/article\n",
		g.Len(), loaded.Round(time.Millisecond), float64(resolveTime.Microseconds())/1000/float64(max(1, len(arts))))
	s := scores[*part]
	exact := "n/a"
	if s.withID > 0 {
		exact = fmt.Sprintf("%.3f", ratio(s.idOK, s.withID))
	}
	fmt.Fprintf(m.Stdout, "exact %s acc161 %.3f n %d\n", exact, ratio(s.within, s.n), s.n)
	return nil
}

func readGeoGold(path string) ([]geoArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []geoArticle
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var a geoArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return out, nil
}

// runeOffsets maps code-point offsets of s to byte offsets (one past the
// end included).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// haversine is the great-circle distance in km.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// ratio is a/b, 0 when b is 0 (eval geo and eval quotes).
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
