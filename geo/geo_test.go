package geo_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/nlp"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/text"
)

var (
	gaz    = sync.OnceValues(geo.Default)
	parser = sync.OnceValues(func() (*nlp.Pipeline, error) { return english.New() })
)

func load(t testing.TB) *geo.Gazetteer {
	t.Helper()
	g, err := gaz()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func parse(t testing.TB, s string) *text.Doc {
	t.Helper()
	p, err := parser()
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDoc(s)
	if err := p.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDefault(t *testing.T) {
	g := load(t)
	if g.Len() < 60000 {
		t.Errorf("%d entries, want the ~80,000 shipped", g.Len())
	}
	for _, c := range []struct {
		name string
		id   int64
	}{{"Aleppo", 170063}, {"Astana", 1526273}, {"Tartus", 163345}, {"U.S.", 6252001}, {"the Netherlands", 0}} {
		found := false
		for _, e := range g.Lookup(c.name) {
			found = found || e.ID == c.id || c.id == 0
		}
		if !found {
			t.Errorf("Lookup(%q) = %v, want an entry with id %d", c.name, g.Lookup(c.name), c.id)
		}
	}
	if iso, ok := g.Demonym("Kazakh"); !ok || iso != "KZ" {
		t.Errorf("Demonym(Kazakh) = %q, %v", iso, ok)
	}
}

// The ids were looked up by hand in ../shared/data/geo/cities15000.txt.gz
// and admin1CodesASCII.txt.
func TestResolve(t *testing.T) {
	g := load(t)
	for _, c := range []struct {
		name, text, dateline string
		want                 map[string]int64 // mention text → geonameid
	}{
		{"kazakh capital", "He said the next round of talks would be held in the Kazakh capital, Astana, next month.", "",
			map[string]int64{"Kazakh capital": 1526273, "Astana": 1526273}},
		{"syrian city", "Putin signed an order to expand Russia's naval facility in the Syrian city of Tartus.", "",
			map[string]int64{"Russia": 2017370, "Tartus": 163345}},
		{"seat city over its division", "Rebels were evacuated from Aleppo on Thursday.", "",
			map[string]int64{"Aleppo": 170063}},
		{"division in the article", "Storms hit Atlanta and other parts of Georgia on Monday.", "",
			map[string]int64{"Atlanta": 4180439, "Georgia": 4197000}},
		{"country by its neighbours", "Protests spread across Georgia and Armenia.", "",
			map[string]int64{"Georgia": 614540, "Armenia": 174982}},
		{"capital by population", "Talks in Paris ended on Friday.", "",
			map[string]int64{"Paris": 2988507}},
		{"dateline", "Officials said the hospital in Victoria was closed.", "MELBOURNE, Australia",
			map[string]int64{"Victoria": 2145234}},
		{"aliases", "The U.S. and the UK sent aid to the DRC.", "",
			map[string]int64{"U.S.": 6252001, "UK": 2635167, "DRC": 203312}},
		{"demonym as a place", "Shells landed in Syrian territory, a Turkish official said.", "",
			map[string]int64{"Syrian territory": 163843}},
		{"comma qualifies", "The fair in Paris, Texas, drew crowds.", "",
			map[string]int64{"Paris": 4717560, "Texas": 4736286}},
		{"not a place", "George Washington wrote to the Washington Post.", "", map[string]int64{}},
		{"a virus, not a town", "Chakrapani had said, \"Corona was quiet in India because of rituals.\"", "",
			map[string]int64{"India": 1269750}},
		// Made-up sentences for the classes of errors of the geo-eval
		// dev halves (docs/BENCHMARKS.md).
		{"state abbreviation qualifies", "GLASGOW, Ky. - A woman was hurt on a road in Glasgow on Friday.", "",
			map[string]int64{"GLASGOW": 4292826, "Ky.": 6254925, "Glasgow": 4292826}},
		{"postal code qualifies", "The plant in Glasgow, KY, will close.", "",
			map[string]int64{"Glasgow": 4292826, "KY": 6254925}},
		{"a place the gazetteer lacks", "A man from Qqxville, West Virginia, was arrested. Police in Qqxville said so.", "",
			map[string]int64{"Qqxville": 4826850, "West Virginia": 4826850}},
		{"no candidate in the division", "He grew up in Edmonton, Ky., on a farm.", "",
			map[string]int64{"Edmonton": 6254925, "Ky.": 6254925}},
		{"a monarch's regnal number", "Queen Elizabeth II suspended parliament in London.", "",
			map[string]int64{"London": 2643743}},
		{"a person and an age", "Burton, 39, runs a farm in Paris, Texas.", "",
			map[string]int64{"Paris": 4717560, "Texas": 4736286}},
		{"a list of divisions", "Cases were found in Washington, Pennsylvania and California.", "",
			map[string]int64{"Washington": 5815135, "Pennsylvania": 6254927, "California": 5332921}},
		{"a capital and its division", "Talks were held in Washington, D.C., and Virginia.", "",
			map[string]int64{"Washington": 4140963, "D.C.": 4138106, "Virginia": 6254928}},
		{"continent", "Birds flew in from Africa.", "", map[string]int64{"Africa": 6255146}},
		{"capital over a division of its name", "Officials in Washington said the talks would go on.", "",
			map[string]int64{"Washington": 4140963}},
		{"the state by its word", "The cow came from a Washington state farm.", "",
			map[string]int64{"Washington": 5815135}},
		{"the state in a list", "Cases were found in Utah, Washington and Wisconsin.", "",
			map[string]int64{"Utah": 5549030, "Washington": 5815135, "Wisconsin": 5279468}},
		{"a town by the other names that may lie in its division", "Palestine police said a man from Tyler was held.", "",
			map[string]int64{"Palestine": 4717232, "Tyler": 4738214}},
		{"a state line", "It serves a rural area up to the Georgia state line.", "",
			map[string]int64{"Georgia": 4197000}},
		{"an abbreviation after a name the gazetteer lacks", "She was born in Qqxtown, Man., in 2001.", "",
			map[string]int64{"Qqxtown": 6065171, "Man.": 6065171}},
		{"a degree is no abbreviation", "Maury Qqxstein, M.D., has been named a professor.", "", map[string]int64{}},
		{"a person before a country", "According to Conrad, South Africa exports more fruit.", "",
			map[string]int64{"South Africa": 953987}},
		{"a province whose seat is a small part of it", "He is not allowed to stay in Quebec.", "",
			map[string]int64{"Quebec": 6115047}},
		{"a first name", "Nine-year-old Georgia Stevens skates. Her coach said Stevens trains daily and Georgia began at four.", "",
			map[string]int64{}},
		{"a first name that is a tiny division's", "His lawyer Michael Qqxcohen was convicted in Austin.", "",
			map[string]int64{"Austin": 4671654}},
		{"a first name of a couple", "A judge sentenced David and Louise Qqxpin to life. The court said Qqxpin wept in Austin.", "",
			map[string]int64{"Austin": 4671654}},
		{"a place before a title", "Texas Governor Rick Perry met Perry supporters in Austin.", "",
			map[string]int64{"Texas": 4736286, "Austin": 4671654}},
		{"a dateline in capitals", "OMAHA -- A sociologist said more people work for themselves.", "",
			map[string]int64{"OMAHA": 5074472}},
		{"a part of a state", "Schools in Atlanta and Northeast Georgia are changing their rules.", "",
			map[string]int64{"Atlanta": 4180439, "Georgia": 4197000}},
		{"a town after a church's name", "The pastor of First Baptist Church Maryville spoke in Maryville, Tennessee.", "",
			map[string]int64{"Maryville": 4639848, "Tennessee": 4662168}},
		{"a name with a proper noun after it", "Fighters escaped from a camp at Ain Issa.", "", map[string]int64{}},
		{"a street is no place", "Police arrested a man of 12 Orchard St., Alexandria, Egypt.", "",
			map[string]int64{"Alexandria": 361058, "Egypt": 357994}},
		{"head of a longer name", "Tankers were hit in the Gulf of Oman and the Bay of Bengal, the Bank of England said.", "",
			map[string]int64{}},
		{"a body of water is no division", "Rebels attacked ships in the Red Sea and the Gulf. Port Sudan is the capital of the Red Sea State.", "",
			map[string]int64{"Port Sudan": 377039, "Red Sea State": 408646}},
		{"a person's name", "US officials said Hamza bin Laden had died. The death of Hamza was reported.", "",
			map[string]int64{"US": 6252001}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := parse(t, c.text)
			got := map[string]int64{}
			for _, p := range g.Resolve(d, c.dateline) {
				if d.Text[p.Span.Start:p.Span.End] != p.Text {
					t.Errorf("place %q has span %v = %q", p.Text, p.Span, d.Text[p.Span.Start:p.Span.End])
				}
				if p.Evidence == "" {
					t.Errorf("place %q has no evidence", p.Text)
				}
				got[p.Text] = p.GeonameID
			}
			for k, id := range c.want {
				if got[k] != id {
					t.Errorf("%q resolved to %d, want %d (all: %v)", k, got[k], id, got)
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("places %v, want none", got)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	g := load(t)
	txt := "Government forces entered Aleppo on Monday. Rebels started shelling the city. Russia held talks with Turkey in Astana. Officials praised the deal."
	d := parse(t, txt)
	places := g.Resolve(d, "")
	at := func(w string) text.Span { return spanOf(strings.Index(txt, w), len(w)) }
	span := func(w string) eventwire.Evidence { return eventwire.Evidence{Verb: at(w)} }
	evs := []eventwire.Event{
		{Evidence: eventwire.Evidence{Verb: at("entered"), Target: at("Aleppo")}},
		{Evidence: eventwire.Evidence{Verb: at("shelling"), Target: at("the city")}},
		{Evidence: span("held")},
		{Evidence: span("praised")},
		{},
	}
	geo.Locate(d, places, evs)
	for i, c := range []struct{ name, how string }{{"Aleppo", "clause"}, {"Aleppo", "clause"}, {"Astana", "clause"}, {"Astana", "article"}, {"", ""}} {
		l := evs[i].Location
		switch {
		case c.name == "" && l != nil:
			t.Errorf("event %d: location %+v, want none", i, l)
		case c.name != "" && (l == nil || l.Name != c.name || l.How != c.how):
			t.Errorf("event %d: location %+v, want %s by %s", i, l, c.name, c.how)
		}
	}
}

func spanOf(i, n int) text.Span { return text.Span{Start: int32(i), End: int32(i + n)} }

// TestManyPlaces: a sentence of a thousand place names gives a bounded
// list of places and no panic.
func TestManyPlaces(t *testing.T) {
	g := load(t)
	names := []string{"Paris", "London", "Aleppo", "Kabul", "Lagos", "Lima", "Berlin", "Cairo", "Tartus", "Astana"}
	var b strings.Builder
	b.WriteString("Protests were held in ")
	for i := 0; i < 1000; i++ {
		b.WriteString(names[i%len(names)])
		b.WriteString(", ")
	}
	b.WriteString("and Oslo.")
	d := parse(t, b.String())
	places := g.Resolve(d, strings.Repeat("Paris, ", 500))
	if len(places) == 0 || len(places) > 1001 {
		t.Errorf("%d places", len(places))
	}
	evs := []eventwire.Event{{Evidence: eventwire.Evidence{Verb: spanOf(strings.Index(b.String(), "held"), 4)}}}
	geo.Locate(d, places, evs)
	if evs[0].Location == nil {
		t.Errorf("the protests have no location")
	}
}

// TestUnsplitDoc: a Doc with tokens but no sentences (not annotated) gives
// no places and no panic.
func TestUnsplitDoc(t *testing.T) {
	g := load(t)
	d := wordDoc("Rebels shelled Aleppo .")
	d.Sents = nil
	ps := g.Resolve(d, "")
	geo.Locate(d, ps, []eventwire.Event{{Evidence: eventwire.Evidence{Verb: spanOf(7, 7)}}})
	if len(ps) != 0 {
		t.Errorf("places %v", ps)
	}
	geo.Locate(d, []eventwire.Place{{Name: "Aleppo", GeonameID: 170063, Span: spanOf(15, 6)}}, []eventwire.Event{{Evidence: eventwire.Evidence{Verb: spanOf(7, 7)}}})
	geo.Locate(nil, nil, nil)
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		g, err := geo.Default()
		if err != nil || g.Len() < 60000 {
			b.Fatal(err, g.Len())
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	g := load(b)
	d := parse(b, strings.Repeat("Rebels shelled Aleppo and talks were held in the Kazakh capital, Astana, as Russia expanded its base in the Syrian city of Tartus. ", 20))
	b.ResetTimer()
	for b.Loop() {
		if len(g.Resolve(d, "")) < 60 {
			b.Fatal("places lost")
		}
	}
}

// TestConcurrent: one Gazetteer serves many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	g := load(t)
	d := parse(t, "Rebels shelled Aleppo. Talks were held in the Kazakh capital, Astana.")
	want := len(g.Resolve(d, ""))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := len(g.Resolve(d, "ALEPPO, Syria")); got != want {
					t.Errorf("%d places, want %d", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestCountyOffice: a county before its office is a place ("the Douglas
// County Sheriff's Office"); a town before a proper noun is a person's
// name ("Shady Grove Adventist Hospital" is no town).
func TestCountyOffice(t *testing.T) {
	g := load(t)
	d := parse(t, "The car overturned, according to the Douglas County Sheriff's Office.")
	found := false
	for _, p := range g.Resolve(d, "") {
		found = found || p.Text == "Douglas County"
	}
	if !found {
		t.Errorf("Douglas County not found: %+v", g.Resolve(d, ""))
	}
}

// TestNotOwnContext: a place is not its own context; the countries of
// a name's own candidates do not count as the article's.
func TestNotOwnContext(t *testing.T) {
	g := load(t)
	d := parse(t, "Storms hit Atlanta.")
	ps := g.Resolve(d, "")
	if len(ps) != 1 || ps[0].GeonameID != 4180439 {
		t.Fatalf("places %+v, want Atlanta, Georgia", ps)
	}
	if strings.Contains(ps[0].Evidence, "in the article") {
		t.Errorf("Atlanta alone is its own context: %s", ps[0].Evidence)
	}
	// Nor are a name's other mentions: three times Paris is no more
	// France than once.
	d = parse(t, "Paris police said a Paris man was held. The Paris mayor spoke.")
	for _, p := range g.Resolve(d, "") {
		if strings.Contains(p.Evidence, "in the article") {
			t.Errorf("%q at %v has its own name as context: %s", p.Text, p.Span, p.Evidence)
		}
	}
}

// TestResolveSpansDemonyms: a span given as a place that is a demonym
// names its country or continent.
func TestResolveSpansDemonyms(t *testing.T) {
	g := load(t)
	txt := "Egyptian officials met Israelis and African envoys in B.C. and Sask. on Friday."
	d := parse(t, txt)
	words := []string{"Egyptian", "Israelis", "African", "B.C.", "Sask."}
	var spans []text.Span
	for _, w := range words {
		spans = append(spans, spanOf(strings.Index(txt, w), len(w)))
	}
	got := g.ResolveSpans(d, "", spans)
	for i, want := range []int64{357994, 294640, 6255146, 5909050, 6141242} {
		if got[i].GeonameID != want {
			t.Errorf("%q resolved to %d (%s), want %d", words[i], got[i].GeonameID, got[i].Name, want)
		}
	}
}

func TestResolveSpans(t *testing.T) {
	g := load(t)
	txt := "Flooding hit North Dallas and the Swat Valley, not Qqxland."
	d := parse(t, txt)
	at := func(w string) text.Span { return spanOf(strings.Index(txt, w), len(w)) }
	got := g.ResolveSpans(d, "", []text.Span{at("North Dallas"), at("Swat Valley"), at("Qqxland"), {Start: 5, End: 2}})
	if len(got) != 4 {
		t.Fatalf("%d places for 4 spans", len(got))
	}
	for i, want := range []string{"Dallas", "Swat", "", ""} {
		if got[i].Name != want && !(want != "" && strings.HasPrefix(got[i].Name, want)) {
			t.Errorf("span %d resolved to %q (%s), want %q", i, got[i].Name, got[i].Evidence, want)
		}
	}
}

// TestCountryPointsInside checks the hand-entered points of
// gazetteer/points.txt, which were typed from memory and not from a cited
// source: each country's point must lie within the bounding box of that
// country's own GeoNames places, widened by 7 degrees (a point in an
// empty interior, as Greenland's ice sheet, lies beyond the places on its
// coasts; a sign or a digit typed wrong lies far outside).
func TestCountryPointsInside(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	type box struct{ minLat, maxLat, minLon, maxLon float64 }
	boxes := map[string]*box{}
	for i := range g.Len() {
		e := g.Entry(i)
		if e.Kind != geo.City || e.Country == "" {
			continue
		}
		b := boxes[e.Country]
		if b == nil {
			b = &box{e.Lat, e.Lat, e.Lon, e.Lon}
			boxes[e.Country] = b
		}
		b.minLat, b.maxLat = min(b.minLat, e.Lat), max(b.maxLat, e.Lat)
		b.minLon, b.maxLon = min(b.minLon, e.Lon), max(b.maxLon, e.Lon)
	}
	data, err := os.ReadFile("gazetteer/points.txt")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for n, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || strings.HasPrefix(f[0], "#") || len(f[0]) != 2 {
			continue
		}
		b := boxes[f[0]]
		if b == nil {
			continue // a continent code, or a country without places
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			t.Errorf("points.txt:%d: %q", n+1, line)
			continue
		}
		const m = 7
		if lat < b.minLat-m || lat > b.maxLat+m || lon < b.minLon-m || lon > b.maxLon+m {
			t.Errorf("points.txt:%d: %s at %.1f,%.1f lies outside its places (lat %.1f..%.1f, lon %.1f..%.1f)",
				n+1, f[0], lat, lon, b.minLat, b.maxLat, b.minLon, b.maxLon)
		}
		checked++
	}
	if checked < 70 {
		t.Errorf("checked %d country points, want the table's (72)", checked)
	}
}
