package coder_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// petrarchDir returns ../shared/data/petrarch beside the repository; when
// it is absent the test fails under CI and skips otherwise.
func petrarchDir(tb testing.TB) string {
	tb.Helper()
	return shared.Data(tb, "petrarch")
}

// record is one sentence of the UD unit-test file.
type record struct {
	ID          string
	Date        time.Time
	Text        string
	Doc         *text.Doc
	Want        map[string]bool // "code source target"
	RequireDyad bool
	NewActors   int // new_actor_length
}

type xmlRecords struct {
	Items []xmlItem `xml:",any"`
}

type xmlItem struct {
	XMLName xml.Name
	ID      string `xml:"id,attr"`
	Date    string `xml:"date,attr"`
	Option  string `xml:"option,attr"`
	Value   string `xml:"value,attr"`
	Codings []struct {
		Event    string `xml:"eventcode,attr"`
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		NoEvents string `xml:"noevents,attr"`
	} `xml:"EventCoding"`
	Text  string `xml:"Text"`
	Parse string `xml:"Parse"`
}

// loadUnitTests reads the UD-parsed PETRARCH unit tests, honouring the
// require_dyad <Config> switches between records.
func loadUnitTests(tb testing.TB) []record {
	dir := petrarchDir(tb)
	data, err := os.ReadFile(filepath.Join(dir, "universalpetrarch", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	var root struct {
		Sentences xmlRecords `xml:"Sentences"`
	}
	if err := xml.Unmarshal(data, &root); err != nil {
		tb.Fatal(err)
	}
	var out []record
	dyad, newActors := true, 0
	for _, it := range root.Sentences.Items {
		switch it.XMLName.Local {
		case "Config":
			switch it.Option {
			case "require_dyad":
				dyad = strings.EqualFold(it.Value, "true")
			case "new_actor_length":
				newActors, _ = strconv.Atoi(it.Value)
			}
			continue
		case "Sentence":
		default:
			continue
		}
		date, err := time.Parse("20060102", it.Date)
		if err != nil {
			tb.Fatalf("%s: date %q: %v", it.ID, it.Date, err)
		}
		txt := strings.TrimSpace(it.Text)
		// "# text" keeps the record's own text (newlines become blanks,
		// so byte offsets are those of the trimmed <Text>).
		src := "# text = " + strings.ReplaceAll(txt, "\n", " ") + "\n" + strings.TrimSpace(it.Parse) + "\n\n"
		s, err := conllu.NewReader(strings.NewReader(src)).Next()
		if err != nil {
			tb.Fatalf("%s: parse: %v", it.ID, err)
		}
		r := record{ID: it.ID, Date: date, Text: txt, Doc: s.Doc, Want: map[string]bool{}, RequireDyad: dyad, NewActors: newActors}
		for _, c := range it.Codings {
			if c.NoEvents != "" || c.Event == "" {
				continue // noevents, or an expected error: no events
			}
			r.Want[c.Event+" "+c.Source+" "+c.Target] = true
		}
		out = append(out, r)
	}
	return out
}

func loadToyDicts(tb testing.TB) *dict.Dictionaries {
	dir := petrarchDir(tb)
	d, err := dict.Load(os.DirFS(dir), dict.Files{
		Verbs:    []string{"universalpetrarch/PETR.Validate.verbs.2.0.txt"},
		Actors:   []string{"universalpetrarch/PETR.Validate.actors.txt"},
		Agents:   []string{"PETR.Validate.agents.txt"},
		Discards: []string{"PETR.Validate.discards.txt"},
	})
	if err != nil {
		tb.Logf("toy dictionaries: %v", err)
	}
	return d
}

type score struct {
	tp, fp, fn, exact, n int
}

func (s score) f1() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func scoreUnitTests(tb testing.TB, verbose bool, base coder.Options) score {
	recs := loadUnitTests(tb)
	d := loadToyDicts(tb)
	book := cameo.Default()
	coders := map[[2]int]*coder.Coder{}
	coderFor := func(r record) *coder.Coder {
		k := [2]int{0, r.NewActors}
		if r.RequireDyad {
			k[0] = 1
		}
		if c, ok := coders[k]; ok {
			return c
		}
		o := base
		o.RequireDyad = r.RequireDyad
		o.NewActorLength = r.NewActors
		switch os.Getenv("CODER_NEG") {
		case "keep":
			o.Negation = coder.NegationKeep
		case "drop":
			o.Negation = coder.NegationDrop
		}
		coders[k] = coder.New(d, book, o)
		return coders[k]
	}
	var s score
	for _, r := range recs {
		evs, err := coderFor(r).Code(context.Background(), r.Doc, r.Date)
		if err != nil {
			tb.Errorf("%s: %v", r.ID, err)
			continue
		}
		got := map[string]bool{}
		for _, e := range evs {
			got[e.CAMEO+" "+e.Source.Code+" "+e.Target.Code] = true
		}
		tp := 0
		for k := range got {
			if r.Want[k] {
				tp++
			}
		}
		s.tp += tp
		s.fp += len(got) - tp
		s.fn += len(r.Want) - tp
		s.n++
		if tp == len(got) && tp == len(r.Want) {
			s.exact++
		} else if verbose {
			fmt.Printf("FAIL %s | %s\n   want %v\n   got  %v\n", r.ID, r.Text, keys(r.Want), keys(got))
			for _, e := range evs {
				fmt.Printf("      %s %s->%s  [%s]\n", e.CAMEO, e.Source.Text, e.Target.Text, e.Pattern)
			}
		}
	}
	return s
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestUnitTestScoreFloor codes the 284 UD-parsed PETRARCH unit tests with
// their toy dictionaries, under PETRARCH's conventions, which they encode,
// and checks event F1 and exact-record rate against floors that only rise.
func TestUnitTestScoreFloor(t *testing.T) {
	s := scoreUnitTests(t, os.Getenv("CODER_VERBOSE") != "", coder.PetrarchOptions())
	p, r, f := s.f1()
	exact := float64(s.exact) / float64(s.n)
	t.Logf("records %d  events tp=%d fp=%d fn=%d  P=%.3f R=%.3f F1=%.3f  exact=%d (%.1f%%)", s.n, s.tp, s.fp, s.fn, p, r, f, s.exact, 100*exact)
	const floorF1, floorExact = 0.90, 0.875
	if f < floorF1 {
		t.Errorf("event F1 %.3f below floor %.3f", f, floorF1)
	}
	if exact < floorExact {
		t.Errorf("exact-record rate %.3f below floor %.3f", exact, floorExact)
	}
}

// TestUnitTestNewsConventions scores the unit tests with eventwire's news
// conventions (coder.DefaultOptions). They differ from PETRARCH's on
// purpose, and only there: "Arnor will contribute a million dollars to
// Australia", aid given (070) for PETRARCH, is an expressed intent to give
// aid (033) for CAMEO's codebook and for news, and "may spur" is no event.
// The floor guards the rest of the coder under the shipped options.
func TestUnitTestNewsConventions(t *testing.T) {
	news := scoreUnitTests(t, false, coder.DefaultOptions())
	pet := scoreUnitTests(t, false, coder.PetrarchOptions())
	_, _, fn := news.f1()
	_, _, fp := pet.f1()
	t.Logf("event F1: news conventions %.3f, PETRARCH's %.3f", fn, fp)
	// 0.840 before Options.RequireCountry (0.827 with it), whose dropped
	// events (a source with no country: ---GOV) PETRARCH's tests expect.
	const floor = 0.815
	if fn < floor {
		t.Errorf("event F1 with news conventions %.3f below floor %.3f", fn, floor)
	}
	if fn > fp {
		t.Errorf("news conventions score %.3f above PETRARCH's %.3f on PETRARCH's tests: the conventions no longer differ as documented", fn, fp)
	}
}

// BenchmarkCode codes the 284 UD unit-test sentences; sentences/s is the
// figure to watch (the target is at least 5,000 on one core).
func BenchmarkCode(b *testing.B) {
	recs := loadUnitTests(b)
	c := coder.New(loadToyDicts(b), cameo.Default(), coder.DefaultOptions())
	ctx := context.Background()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		n = 0
		for _, r := range recs {
			evs, err := c.Code(ctx, r.Doc, r.Date)
			if err != nil {
				b.Fatal(err)
			}
			n += len(evs)
		}
	}
	if n == 0 {
		b.Fatal("no events coded")
	}
	b.ReportMetric(float64(len(recs))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(len(recs))*float64(b.N)/(cpuTime()-cpu0).Seconds(), "sentences/cpu-s")
}

// BenchmarkCodePhoenix codes the same sentences with the operational
// dictionaries (CAMEO.2.0 verbs, Phoenix actors and agents), whose larger
// indexes are the realistic case.
func BenchmarkCodePhoenix(b *testing.B) {
	recs := loadUnitTests(b)
	d, _ := dict.Load(os.DirFS(petrarchDir(b)), dict.Files{
		Verbs:    []string{"CAMEO.2.0.txt"},
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents:   []string{"Phoenix.agents.txt"},
		Discards: []string{"Phoenix.discards.txt"},
	})
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	ctx := context.Background()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, r := range recs {
			if _, err := c.Code(ctx, r.Doc, r.Date); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(recs))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(len(recs))*float64(b.N)/(cpuTime()-cpu0).Seconds(), "sentences/cpu-s")
}

// TestCodeConcurrent codes the unit-test docs from several goroutines with
// one Coder and checks each result equals the sequential one (run with
// -race).
func TestCodeConcurrent(t *testing.T) {
	recs := loadUnitTests(t)
	c := coder.New(loadToyDicts(t), cameo.Default(), coder.DefaultOptions())
	ctx := context.Background()
	want := make([][]eventwire.Event, len(recs))
	for i, r := range recs {
		evs, err := c.Code(ctx, r.Doc, r.Date)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = evs
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(recs))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, r := range recs {
				evs, err := c.Code(ctx, r.Doc, r.Date)
				if err != nil || !reflect.DeepEqual(evs, want[i]) {
					errs <- r.ID
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for id := range errs {
		t.Errorf("%s: concurrent result differs", id)
	}
}
