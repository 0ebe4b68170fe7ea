package geo

import (
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

//go:generate go run ./internal/gengeo -geo ../../shared/data/geo -o gazetteer/geonames.tsv.gz

//go:embed gazetteer/geonames.tsv.gz gazetteer/points.txt gazetteer/aliases.txt gazetteer/demonyms.txt gazetteer/LICENSE
var shipped embed.FS

// Attribution is the credit the GeoNames licence (CC BY 4.0) asks for,
// to be shown with anything derived from the shipped gazetteer.
const Attribution = "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0"

// Kind is what sort of place a gazetteer entry is.
type Kind uint8

// The kinds of entries, from the largest.
const (
	Continent Kind = iota + 1
	Country
	Division  // a first-level administrative division: state, province, governorate
	Division2 // a second-level division: county, district (no GeoNames id)
	City      // a populated place
)

// Entry is one place of the gazetteer.
type Entry struct {
	ID       int64 // GeoNames id; 0 for second-level divisions (the files the gazetteer is made from give them none)
	Name     string
	Kind     Kind
	Code     string // GeoNames feature code for cities (PPL, PPLA, PPLC, ...); "PCLI", "ADM1", "CONT" otherwise
	Country  string // ISO 3166-1 alpha-2; "" for continents
	ISO3     string // ISO 3166-1 alpha-3, for countries only
	Admin1   string // GeoNames admin1 code within Country ("CA" in US.CA)
	Lat, Lon float64
	Pop      int64 // population; for countries and divisions, that of their places
}

// Gazetteer is a read-only index of places by name. It is safe for
// concurrent use.
type Gazetteer struct {
	entries   []Entry
	names     map[string]int32   // norm(name) → entry i (i >= 0) or multi[-i-1]
	multi     [][]int32          // the entries of names with several
	ids       []int32            // ids[i] == i: a one-entry slice without allocating
	keys      []string           // keys[i] == norm(entries[i].Name)
	countries map[string]int32   // ISO2 → entry
	divisions map[string]int32   // "CC.ADM1" → entry
	capitals  map[string]int32   // ISO2 → its PPLC
	demonyms  map[string]string  // norm(demonym) → ISO2
	demonymOf map[string]int32   // norm(demonym) → its country or continent
	qualifier map[string][]int32 // name as written, less a final full stop → divisions it names after a place and a comma only ("Ky")
	admin1    map[string]string  // "CC.ADM1" → name
	maxWords  int                // most words in a name
}

// Limits of the loader: the shipped gazetteer is well inside them, and a
// hostile file cannot make the loader use more than a few hundred MB.
const (
	maxEntries  = 2_000_000
	maxLine     = 1 << 20
	maxAlts     = 200
	maxNameLen  = 120
	maxNameWord = 8
)

// Default loads the gazetteer shipped in the binary (about 59,000 places
// of GeoNames: every city over 15,000 people, places over 5,000, capitals;
// countries, first-level divisions and continents), with eventwire's own
// tables of country points, aliases ("U.S.", "Britain", "DRC") and
// demonyms. It takes about a tenth of a second; callers should load once.
func Default() (*Gazetteer, error) {
	open := func(name string) io.Reader {
		b, _ := shipped.ReadFile("gazetteer/" + name)
		return bytes.NewReader(b)
	}
	zr, err := gzip.NewReader(open("geonames.tsv.gz"))
	if err != nil {
		return nil, fmt.Errorf("geo: shipped gazetteer: %w", err)
	}
	return Load(zr, open("points.txt"), open("aliases.txt"), open("demonyms.txt"))
}

// LoadError reports every problem of a gazetteer file with its line.
type LoadError struct {
	File string
	Line int
	Err  error
}

func (e *LoadError) Error() string { return fmt.Sprintf("geo: %s:%d: %v", e.File, e.Line, e.Err) }
func (e *LoadError) Unwrap() error { return e.Err }

// Load reads a gazetteer in the format gengeo writes (uncompressed) and
// the three tables of points, aliases and demonyms (any may be nil). Bad
// lines are skipped and reported together in the returned error (an
// errors.Join of *LoadError, at most 20); the Gazetteer is usable whenever
// it is not nil.
func Load(places, points, aliases, demonyms io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{
		names:     map[string]int32{},
		countries: map[string]int32{},
		divisions: map[string]int32{},
		capitals:  map[string]int32{},
		demonyms:  map[string]string{},
		demonymOf: map[string]int32{},
		qualifier: map[string][]int32{},
		admin1:    map[string]string{},
	}
	var errs []error
	bad := func(file string, line int, err error) {
		if len(errs) < 20 {
			errs = append(errs, &LoadError{file, line, err})
		}
	}
	continents := map[string]int32{}
	all, err := readAll(places)
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer: %w", err)
	}
	// Room for every line, and for the names of the shipped file.
	lines := min(strings.Count(all, "\n")+1, 1<<17)
	g.entries = make([]Entry, 0, lines+8)
	g.names = make(map[string]int32, lines*5/2)
	err = eachLineOf(all, func(line int, f []string) error {
		if len(g.entries) >= maxEntries {
			return errors.New("too many entries")
		}
		e, alts, err := parseEntry(f)
		if err != nil {
			bad("gazetteer", line, err)
			return nil
		}
		i := int32(len(g.entries))
		g.entries = append(g.entries, e)
		switch e.Kind {
		case Country:
			g.countries[e.Country] = i
			if t, ok := strings.CutPrefix(e.Name, "The "); ok {
				g.index(t, i)
			}
		case Division:
			g.divisions[e.Country+"."+e.Admin1] = i
			g.admin1[e.Country+"."+e.Admin1] = e.Name
		case City:
			if e.Code == "PPLC" {
				if _, ok := g.capitals[e.Country]; !ok {
					g.capitals[e.Country] = i
				}
			}
		}
		g.index(e.Name, i)
		for _, a := range alts {
			g.index(a, i)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer: %w", err)
	}
	// The continents, with the GeoNames ids of geonames-readme.txt.
	for _, c := range []struct {
		code, name string
		id         int64
	}{{"AF", "Africa", 6255146}, {"AS", "Asia", 6255147}, {"EU", "Europe", 6255148}, {"NA", "North America", 6255149},
		{"SA", "South America", 6255150}, {"OC", "Oceania", 6255151}, {"AN", "Antarctica", 6255152}} {
		continents["@"+c.code] = int32(len(g.entries))
		g.entries = append(g.entries, Entry{ID: c.id, Name: c.name, Kind: Continent, Code: "CONT", Pop: 1e9})
	}
	key := func(k string) (int32, bool) {
		if i, ok := continents[k]; ok {
			return i, true
		}
		if i, ok := g.countries[k]; ok {
			return i, true
		}
		i, ok := g.divisions[k]
		return i, ok
	}
	if points != nil {
		if err := eachLine(points, func(line int, f []string) error {
			i, ok := key(f[0])
			if len(f) != 3 || !ok {
				bad("points", line, fmt.Errorf("want KEY lat lon with a known KEY, got %q", strings.Join(f, " ")))
				return nil
			}
			lat, lon, err := parsePoint(f[1], f[2])
			if err != nil {
				bad("points", line, err)
				return nil
			}
			g.entries[i].Lat, g.entries[i].Lon = lat, lon
			return nil
		}); err != nil {
			return nil, fmt.Errorf("geo: points: %w", err)
		}
	}
	if aliases != nil {
		if err := eachLine(aliases, func(line int, f []string) error {
			i, ok := key(f[0])
			if len(f) != 2 || !ok {
				bad("aliases", line, fmt.Errorf("want KEY names with a known KEY, got %q", strings.Join(f, " ")))
				return nil
			}
			for _, a := range strings.Split(f[1], "|") {
				if q, ok := strings.CutPrefix(a, ","); ok {
					// By the form it is written in, with or without its
					// full stop, or in capitals: "Md." is "Md" and "MD",
					// and not "M.D.".
					q = strings.TrimSuffix(strings.TrimSpace(q), ".")
					for _, k := range []string{q, strings.ToUpper(q)} {
						if k != "" && len(g.qualifier[k]) < 8 && !slices.Contains(g.qualifier[k], i) {
							g.qualifier[k] = append(g.qualifier[k], i)
						}
					}
					continue
				}
				g.index(a, i)
			}
			return nil
		}); err != nil {
			return nil, fmt.Errorf("geo: aliases: %w", err)
		}
	}
	if demonyms != nil {
		if err := eachLine(demonyms, func(line int, f []string) error {
			// A country's demonyms ("Syrian") or a continent's ("African").
			i, isCountry := g.countries[f[0]]
			j, isContinent := continents[f[0]]
			if len(f) != 2 || !isCountry && !isContinent {
				bad("demonyms", line, fmt.Errorf("want KEY demonyms with a known country or continent, got %q", strings.Join(f, " ")))
				return nil
			}
			if isContinent {
				i = j
			}
			for _, a := range strings.Split(f[1], "|") {
				if k := norm(a); k != "" {
					if isCountry {
						g.demonyms[k] = f[0]
					}
					g.demonymOf[k] = i
				}
			}
			return nil
		}); err != nil {
			return nil, fmt.Errorf("geo: demonyms: %w", err)
		}
	}
	g.ids = make([]int32, len(g.entries))
	g.keys = make([]string, len(g.entries))
	for i := range g.ids {
		g.ids[i] = int32(i)
		g.keys[i] = norm(g.entries[i].Name)
	}
	return g, errors.Join(errs...)
}

// index adds name as a name of entry i.
func (g *Gazetteer) index(name string, i int32) {
	k := norm(name)
	if k == "" || len(k) > maxNameLen {
		return
	}
	w := strings.Count(k, " ") + 1
	if w > maxNameWord {
		return
	}
	if w > g.maxWords {
		g.maxWords = w
	}
	v, ok := g.names[k]
	switch {
	case !ok:
		g.names[k] = i
	case v >= 0:
		if v != i {
			g.names[k] = int32(-len(g.multi) - 1)
			g.multi = append(g.multi, []int32{v, i})
		}
	default:
		l := g.multi[-v-1]
		for _, j := range l {
			if j == i {
				return
			}
		}
		g.multi[-v-1] = append(l, i)
	}
}

// lookup returns the entries of a normalised name; the caller must not
// modify the slice.
func (g *Gazetteer) lookup(k string) []int32 {
	v, ok := g.names[k]
	switch {
	case !ok:
		return nil
	case v >= 0:
		return g.ids[v : v+1]
	}
	return g.multi[-v-1]
}

func parseEntry(f []string) (Entry, []string, error) {
	var e Entry
	var alts string
	var err error
	switch {
	case f[0] == "C" && len(f) == 10:
		e = Entry{Kind: Country, Code: "PCLI", Country: f[1], ISO3: f[2], Name: f[4]}
		e.ID, err = strconv.ParseInt(f[3], 10, 64)
		if err == nil {
			e.Pop, err = strconv.ParseInt(f[7], 10, 64)
		}
		if err == nil {
			e.Lat, e.Lon, err = parsePoint(f[8], f[9])
		}
		if err == nil && (len(e.Country) != 2 || strings.ContainsAny(e.Country, ".@")) {
			err = fmt.Errorf("country code %q", e.Country)
		}
		if err == nil && !upperCode(e.ISO3, 3) {
			err = fmt.Errorf("alpha-3 country code %q", e.ISO3)
		}
	case f[0] == "A" && len(f) == 8:
		cc, a1, ok := strings.Cut(f[1], ".")
		if !ok {
			return e, nil, fmt.Errorf("division code %q, want CC.ADM1", f[1])
		}
		e = Entry{Kind: Division, Code: "ADM1", Country: cc, Admin1: a1, Name: f[3]}
		e.ID, err = strconv.ParseInt(f[2], 10, 64)
		if err == nil {
			e.Lat, e.Lon, err = parsePoint(f[4], f[5])
		}
		if err == nil {
			e.Pop, err = strconv.ParseInt(f[6], 10, 64)
		}
		alts = f[7]
	case f[0] == "B" && len(f) == 6:
		// "Province of Laguna" is "Laguna" in news; "Scott County" stays
		// whole ("Scott" is a person far more often).
		for _, p := range []string{"Province of ", "Provincia de ", "Provincia di "} {
			if t, ok := strings.CutPrefix(f[2], p); ok && t != "" {
				alts = t
			}
		}
		if t, ok := strings.CutSuffix(f[2], " Province"); ok && t != "" {
			alts = t
		}
		parts := strings.SplitN(f[1], ".", 3)
		if len(parts) != 3 {
			return e, nil, fmt.Errorf("division code %q, want CC.ADM1.ADM2", f[1])
		}
		e = Entry{Kind: Division2, Code: "ADM2", Country: parts[0], Admin1: parts[1], Name: f[2]}
		e.Lat, e.Lon, err = parsePoint(f[3], f[4])
		if err == nil {
			e.Pop, err = strconv.ParseInt(f[5], 10, 64)
		}
	case f[0] == "P" && len(f) == 10:
		e = Entry{Kind: City, Name: f[2], Code: f[5], Country: f[6], Admin1: f[7]}
		e.ID, err = strconv.ParseInt(f[1], 10, 64)
		if err == nil {
			e.Lat, e.Lon, err = parsePoint(f[3], f[4])
		}
		if err == nil {
			e.Pop, err = strconv.ParseInt(f[8], 10, 64)
		}
		alts = f[9]
	default:
		return e, nil, fmt.Errorf("record %q with %d fields", f[0], len(f))
	}
	if err != nil {
		return e, nil, err
	}
	if e.Name == "" || len(e.Name) > maxNameLen {
		return e, nil, fmt.Errorf("name of %d bytes", len(e.Name))
	}
	if e.Pop < 0 {
		e.Pop = 0
	}
	if e.Kind == Division {
		// "Aleppo Governorate", "Province of Sichuan": news says "Aleppo".
		// "Akita Prefecture", "Sichuan Province": and the long forms.
		short := divisionShort(e.Name)
		base := e.Name
		if short != "" {
			base = short
		}
		alts = strings.Join(append(strings.Split(alts, "|"), short, base+" Province", base+" Prefecture", base+" State", base+" Region"), "|")
	}
	var as []string
	for alts != "" && len(as) < maxAlts {
		var a string
		a, alts, _ = strings.Cut(alts, "|")
		as = append(as, a)
	}
	return e, as, nil
}

// divisionShort drops the word for the kind of division from a name.
func divisionShort(n string) string {
	for _, s := range []string{" Governorate", " Province", " Region", " Oblast", " Department", " District", " State", " Prefecture", " Territory", " County"} {
		if t, ok := strings.CutSuffix(n, s); ok && t != "" {
			return t
		}
	}
	for _, p := range []string{"Province of ", "Provincia de ", "State of "} {
		if t, ok := strings.CutPrefix(n, p); ok && t != "" {
			return t
		}
	}
	return ""
}

func parsePoint(a, b string) (lat, lon float64, err error) {
	lat, err1 := strconv.ParseFloat(a, 64)
	lon, err2 := strconv.ParseFloat(b, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, 0, err
	}
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("point %s,%s out of range", a, b)
	}
	return lat, lon, nil
}

// maxInput bounds what Load reads from each reader.
const maxInput = 64 << 20

// eachLine calls fn with the tab-separated fields of every line of r that
// is neither blank nor a comment; fn must not keep f (its strings it may).
// It stops at fn's error, at a line longer than maxLine, or after
// maxInput bytes.
func eachLine(r io.Reader, fn func(line int, f []string) error) error {
	rest, err := readAll(r)
	if err != nil {
		return err
	}
	return eachLineOf(rest, fn)
}

// readAll reads r, up to maxInput bytes.
func readAll(r io.Reader) (string, error) {
	var sb strings.Builder
	n, err := io.Copy(&sb, io.LimitReader(r, maxInput+1))
	if err != nil {
		return "", err
	}
	if n > maxInput {
		return "", fmt.Errorf("more than %d bytes", maxInput)
	}
	return sb.String(), nil
}

// eachLineOf is eachLine over a string.
func eachLineOf(rest string, fn func(line int, f []string) error) error {
	f := make([]string, 0, 16)
	for n := 1; rest != ""; n++ {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		if len(l) > maxLine {
			return fmt.Errorf("line %d: longer than %d bytes", n, maxLine)
		}
		l = strings.TrimRight(l, "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		f = f[:0]
		for len(f) < 32 {
			i := strings.IndexByte(l, '\t')
			if i < 0 {
				break
			}
			f = append(f, l[:i])
			l = l[i+1:]
		}
		f = append(f, l)
		if err := fn(n, f); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return nil
}

// norm is the form names are looked up by: lower case, without full stops,
// hyphens as spaces, with single spaces ("U.S." and "US" are "us";
// "Kvemo-Kartli" is "kvemo kartli").
func norm(s string) string {
	clean := s != "" && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		clean = !('A' <= c && c <= 'Z') && c != '.' && c != '-' && c < 0x80 && c != '\t' && c != '\n' && !(c == ' ' && s[i+1] == ' ')
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '.':
			continue
		case r == ' ' || r == '-' || r == '\t' || r == '\n' || r == '\u00a0':
			space = b.Len() > 0
			continue
		case r == '’':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		} else {
			b.WriteString(strings.ToLower(string(r)))
		}
	}
	return b.String()
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns entry i, 0 <= i < Len().
func (g *Gazetteer) Entry(i int) Entry { return g.entries[i] }

// Lookup returns the entries a name may refer to, in gazetteer order.
func (g *Gazetteer) Lookup(name string) []Entry {
	var out []Entry
	for _, i := range g.lookup(norm(name)) {
		out = append(out, g.entries[i])
	}
	return out
}

// Country returns the entry of a country by its ISO 3166-1 alpha-2 code.
func (g *Gazetteer) Country(iso2 string) (Entry, bool) {
	i, ok := g.countries[iso2]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// upperCode reports whether s is n letters A-Z.
func upperCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Demonym returns the country a demonym ("Syrian", "Kazakh") names.
func (g *Gazetteer) Demonym(s string) (iso2 string, ok bool) {
	iso2, ok = g.demonyms[norm(s)]
	return iso2, ok
}
