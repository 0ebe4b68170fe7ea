package gold_test

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/eval/gold"
	"github.com/eventwire/eventwire/text"
)

func TestCountry(t *testing.T) {
	tests := []struct{ code, want string }{
		{"USA", "USA"},
		{"RUSMIL", "RUS"},
		{"usagov", "USA"},
		{"HKGCOPREB", "HKG"},
		{"EURGOV", "EUR"},          // a region
		{"IGOUNOHLHWHO", "IGOUNO"}, // the WHO: the UN
		{"IGOWSTNAT", "IGOWST"},    // NATO
		{"IGOEUREEC", "IGOEUR"},    // EU institutions
		{"NGO", "NGO"},             // no part
		{"NGOHRI", "NGOHRI"},       // first six letters
		{"~IGOUNO", "IGOUNO"},      // an agent-style code
		{"---GOV", gold.NoCountry}, // anonymous
		{"GOV", gold.NoCountry},    // a role alone
		{"", gold.NoCountry},       // none
		{"-", gold.NoCountry},      // none
		{"IRNGOVMIL", "IRN"},       // roles do not count
		{"PSE", "PSE"},             // any three letters are a country
		{"  TUR  ", "TUR"},         // spaces
		{"UISGOV", "UISGOV"},       // international: six letters
		{"MNCUSA", "MNCUSA"},       // a multinational's country is part of it
		{"---", gold.NoCountry},    // nothing at all
		{"AB", gold.NoCountry},     // too short to be anything
		{"ABCD", "ABC"},            // a trailing fragment is a part
		{"XXX", "XXX"},             // unknown, but three letters
	}
	for _, tt := range tests {
		if got := gold.Country(tt.code); got != tt.want {
			t.Errorf("Country(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
	_ = gold.Country("ééé\xff") // not letters: no panic
	for code, want := range map[string]string{"190": "19", "0213": "02", "01": "01", "1": "1", "": ""} {
		if got := gold.Root(code); got != want {
			t.Errorf("Root(%q) = %q, want %q", code, got, want)
		}
	}
}

// ev is a placed event of article g1.
func ev(sent int, cameo, src, tgt string) gold.Event {
	return gold.Event{Article: "g1", Sent: sent, CAMEO: cameo, Source: src, Target: tgt}
}

func TestCompareKeys(t *testing.T) {
	arts := fixture(t)
	g1 := arts.Article("g1")
	base := ev(1, "040", "RUS", "TUR")
	tests := []struct {
		name                string
		coded               gold.Event
		main, loose, strict int
	}{
		{"same", base, 1, 1, 1},
		{"other root", ev(1, "050", "RUS", "TUR"), 0, 0, 0},
		{"same root, other code", ev(1, "043", "RUS", "TUR"), 1, 1, 0},
		{"root only", ev(1, "04", "RUS", "TUR"), 1, 1, 0},
		{"other source country", ev(1, "040", "GRC", "TUR"), 0, 0, 0},
		{"source role", ev(1, "040", "RUSGOV", "TUR"), 1, 1, 0},
		{"other target country", ev(1, "040", "RUS", "GRC"), 0, 1, 0},
		{"target role", ev(1, "040", "RUS", "TURGOV"), 1, 1, 0},
		{"anonymous target", ev(1, "040", "RUS", "---GOV"), 0, 1, 0},
		{"swapped", ev(1, "040", "TUR", "RUS"), 0, 0, 0},
		{"other sentence", ev(0, "040", "RUS", "TUR"), 0, 0, 0},
		{"unplaced", ev(-1, "040", "RUS", "TUR"), 0, 0, 0},
		{"lower case", ev(1, "040", "rus", "tur"), 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gold.Compare(g1, []gold.Event{base}, []gold.Event{tt.coded})
			if r.Main.Matched != tt.main || r.Loose.Matched != tt.loose || r.Strict.Matched != tt.strict {
				t.Errorf("matched main %d loose %d strict %d, want %d %d %d", r.Main.Matched, r.Loose.Matched, r.Strict.Matched, tt.main, tt.loose, tt.strict)
			}
			if r.Main.Gold != 1 || r.Main.Coded != 1 {
				t.Errorf("counts %+v, want 1 gold 1 coded", r.Main)
			}
			if missed, fal := r.Missed(), r.False(); len(missed) != 1-tt.main || len(fal) != 1-tt.main {
				t.Errorf("%d missed, %d false; want %d each", len(missed), len(fal), 1-tt.main)
			}
		})
	}
}

func TestCompareMultisets(t *testing.T) {
	g1 := fixture(t).Article("g1")
	talks := ev(1, "040", "RUS", "TUR")
	back := ev(1, "040", "TUR", "RUS")
	gold2 := []gold.Event{talks, back, talks}
	tests := []struct {
		name    string
		coded   []gold.Event
		matched int
		gm      []int // GoldMatch
	}{
		{"one of two", []gold.Event{talks}, 1, []int{0, -1, -1}},
		{"two of two", []gold.Event{talks, talks}, 2, []int{0, -1, 1}},
		{"three for two", []gold.Event{talks, talks, talks}, 2, []int{0, -1, 1}},
		{"both directions", []gold.Event{back, talks}, 2, []int{1, 0, -1}},
		{"none", nil, 0, []int{-1, -1, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gold.Compare(g1, gold2, tt.coded)
			if r.Main != (gold.Counts{Gold: 3, Coded: len(tt.coded), Matched: tt.matched}) {
				t.Errorf("main %+v, want gold 3 coded %d matched %d", r.Main, len(tt.coded), tt.matched)
			}
			for i, j := range r.GoldMatch {
				if j != tt.gm[i] {
					t.Errorf("GoldMatch = %v, want %v", r.GoldMatch, tt.gm)
					break
				}
				if j >= 0 && r.CodedMatch[j] != i {
					t.Errorf("CodedMatch %v does not mirror GoldMatch %v", r.CodedMatch, r.GoldMatch)
				}
			}
			if len(r.Missed()) != 3-tt.matched || len(r.False()) != len(tt.coded)-tt.matched {
				t.Errorf("missed %d false %d", len(r.Missed()), len(r.False()))
			}
		})
	}
}

func TestCompareOneSidedAndRoots(t *testing.T) {
	g1 := fixture(t).Article("g1")
	g := []gold.Event{ev(1, "040", "RUS", "TUR"), ev(3, "111", "IGOUNO", "TUR"), ev(3, "012", "SYRGOV", "-"), ev(3, "010", "SYRGOV", "")}
	c := []gold.Event{ev(1, "042", "RUSGOV", "TURGOV"), ev(3, "112", "IGOUNOSEC", "TUR"), ev(3, "111", "USA", "TUR"), ev(0, "190", "TUR", "SYR"), ev(-1, "010", "USA", "RUS"), ev(2, "010", "USA", "")}
	r := gold.Compare(g1, g, c)
	if r.Main != (gold.Counts{Gold: 2, Coded: 5, Matched: 2}) || r.Strict.Matched != 0 || r.Loose.Matched != 2 {
		t.Errorf("main %+v strict %+v loose %+v; want 2 5 2, strict 0, loose 2", r.Main, r.Strict, r.Loose)
	}
	if len(r.OneSidedGold) != 2 || len(r.OneSidedCoded) != 1 {
		t.Errorf("one-sided gold %d coded %d, want 2 1", len(r.OneSidedGold), len(r.OneSidedCoded))
	}
	want := map[string]gold.Counts{"04": {1, 1, 1}, "11": {1, 2, 1}, "19": {0, 1, 0}, "01": {0, 1, 0}}
	if len(r.ByRoot) != len(want) {
		t.Errorf("by root %v, want %v", r.ByRoot, want)
	}
	for root, w := range want {
		if r.ByRoot[root] != w {
			t.Errorf("root %s: %+v, want %+v", root, r.ByRoot[root], w)
		}
	}
	var tally gold.Tally
	tally.Add(r)
	tally.Add(gold.Compare(g1, g, nil))
	if tally.Articles != 2 || tally.Sentences != 8 || tally.Main != (gold.Counts{4, 5, 2}) || tally.Unplaced != 1 || tally.OneSidedGold != 4 || tally.OneSidedCoded != 1 {
		t.Errorf("tally %+v", tally)
	}
	if roots := strings.Join(tally.Roots(), " "); roots != "01 04 11 19" {
		t.Errorf("roots %q", roots)
	}
	// By hand: P = 2/5, R = 2/4, F1 = 2·2/(4+5) = 4/9.
	if m := tally.Main; !near(m.Precision(), 0.4) || !near(m.Recall(), 0.5) || !near(m.F1(), 4.0/9) {
		t.Errorf("P %v R %v F1 %v, want 0.4 0.5 0.444", m.Precision(), m.Recall(), m.F1())
	}
	if z := (gold.Counts{}); z.Precision() != 0 || z.Recall() != 0 || z.F1() != 0 {
		t.Error("empty counts are not 0")
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestSummarizeSplits(t *testing.T) {
	arts := fixture(t)
	an, err := gold.ReadAnnotationsFile(filepath.Join("testdata", "good.tsv"), arts)
	if err != nil {
		t.Fatal(err)
	}
	var rs []*gold.ArticleResult
	for _, a := range arts.List {
		// Coded: the gold itself minus its first event.
		rs = append(rs, gold.Compare(a, an.Events(a.ID), an.Events(a.ID)[1:]))
	}
	dev, test, all := gold.Summarize(rs, gold.Dev), gold.Summarize(rs, gold.Test), gold.Summarize(rs, gold.All)
	// g1: 4 events with a target, 3 coded and matched; g2: 2, 1 coded.
	if dev.Main != (gold.Counts{4, 3, 3}) || test.Main != (gold.Counts{2, 1, 1}) || all.Main != (gold.Counts{6, 4, 4}) {
		t.Errorf("dev %+v test %+v all %+v", dev.Main, test.Main, all.Main)
	}
	if dev.Articles != 1 || dev.Sentences != 4 || all.Articles != 2 || all.OneSidedGold != 1 {
		t.Errorf("dev %+v, all %+v", dev, all)
	}
}

func TestFromCoded(t *testing.T) {
	g1 := fixture(t).Article("g1")
	at := func(w string) text.Span {
		i := strings.Index(g1.Text, w)
		if i < 0 {
			t.Fatalf("%q not in g1", w)
		}
		return text.Span{Start: int32(i), End: int32(i + len(w))}
	}
	act := func(code, txt string) eventwire.Actor { return eventwire.Actor{Code: code, Text: txt} }
	evs := []eventwire.Event{
		// The verb decides: source in sentence 0, verb in sentence 1.
		{CAMEO: "040", Source: act("TUR", "Turkish troops"), Target: act("RUS", "Russia"), Pattern: "p:1",
			Evidence: eventwire.Evidence{Source: at("Turkish troops"), Verb: at("held talks"), Target: at("Russia")}},
		// No verb: the source decides.
		{CAMEO: "111", Source: act("IGOUNO", "The UN"), Target: act("TUR", "x"),
			Evidence: eventwire.Evidence{Source: at("The UN")}},
		// The verb between two sentences: unplaced.
		{CAMEO: "010", Source: act("USA", "u"), Target: act("RUS", "r"),
			Evidence: eventwire.Evidence{Source: at("Russia"), Verb: text.Span{Start: 102, End: 104}}},
		// Broken spans: no panic, empty texts, the actors' own texts, unplaced.
		{CAMEO: "190", Source: act("TUR", "src"), Target: act("SYR", "tgt"),
			Evidence: eventwire.Evidence{Source: text.Span{Start: 3, End: 900}, Verb: text.Span{Start: -4, End: 2}, Target: text.Span{Start: 5, End: 1}}},
		{CAMEO: "190", Evidence: eventwire.Evidence{Verb: text.Span{Start: math.MaxInt32 - 1, End: math.MaxInt32}, Source: text.Span{Start: -9, End: -1}}},
		{CAMEO: "190"},
	}
	got := gold.FromCoded(g1, evs)
	wantSent := []int{1, 3, -1, -1, -1, -1}
	for i, e := range got {
		if e.Sent != wantSent[i] || e.Article != "g1" {
			t.Errorf("event %d in sentence %d of %q, want %d", i, e.Sent, e.Article, wantSent[i])
		}
	}
	if e := got[0]; e.Trigger != "held talks" || e.SourceText != "Turkish troops" || e.TargetText != "Russia" || e.Pattern != "p:1" || e.TriggerSpan != at("held talks") {
		t.Errorf("event 0 = %+v", e)
	}
	if e := got[1]; e.Trigger != "" || e.TargetText != "x" || e.TriggerSpan != (text.Span{}) {
		t.Errorf("event 1 = %+v", e)
	}
	if e := got[3]; e.Trigger != "" || e.SourceText != "src" || e.TargetText != "tgt" || e.SourceSpan != (text.Span{}) {
		t.Errorf("event 3 = %+v", e)
	}
	// Scored: event 0 (TUR 040 RUS) matches the reciprocal gold line and
	// event 1 the UN's 111; the last two have no target (one-sided).
	an, err := gold.ReadAnnotationsFile(filepath.Join("testdata", "good.tsv"), fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	r := gold.Compare(g1, an.Events("g1"), got)
	if r.Main != (gold.Counts{Gold: 4, Coded: 4, Matched: 2}) || len(r.OneSidedCoded) != 2 {
		t.Errorf("main %+v, %d one-sided; want gold 4 coded 4 matched 2, 2", r.Main, len(r.OneSidedCoded))
	}
}

// TestLocate: a gold text is found at word boundaries first ("on" is the
// word, not the end of "positions"), else anywhere ("he" in "The").
func TestLocate(t *testing.T) {
	arts := fixture(t)
	in := tsv("g1", "0", "190", "TUR", "SYR", "Turkish", "on", "Kurdish") + "\n" +
		tsv("g1", "3", "010", "SYRGOV", "TUR", "he", "said", "it") + "\n" +
		tsv("g1", "3", "010", "SYRGOV", "TUR", "“unacceptable”", "said", "The UN") + "\n"
	an, _ := gold.ReadAnnotations(strings.NewReader(in), "l.tsv", arts)
	evs := an.Events("g1")
	if len(evs) != 3 {
		t.Fatalf("%d events", len(evs))
	}
	g1 := arts.Article("g1")
	s0 := g1.SentText(0)
	if i := int(evs[0].TriggerSpan.Start); i != strings.Index(s0, " on ")+1 {
		t.Errorf("\"on\" found at %d: %q", i, g1.Text[i:])
	}
	base := int(g1.Sentences[3].Start)
	if i := int(evs[1].SourceSpan.Start) - base; i != 1 {
		t.Errorf("\"he\" found at %d of sentence 3, want 1 (in The)", i)
	}
	if i := int(evs[1].TargetSpan.Start) - base; g1.Text[base+i:base+i+3] != "it " {
		t.Errorf("\"it\" found at %q", g1.Text[base+i:])
	}
	if sp := evs[2].SourceSpan; g1.Text[sp.Start:sp.End] != "“unacceptable”" || sp.Start-int32(base) != int32(strings.Index(g1.SentText(3), "“")) {
		t.Errorf("quoted text at %v", sp)
	}
}
