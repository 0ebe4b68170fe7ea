package plover_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/internal/eval/plover"
	"github.com/eventwire/eventwire/text"
)

// goodFile is a made-up gold file in the upstream layout: a DOCUMENT
// record, then records with the shapes the reader must accept.
const goodFile = `[
 {"id": "DOC-1", "event": "DOCUMENT", "comment": "documents the file"},
 {
  "id": "X-AGREE-0001", "date": "2001-02-03", "event": "AGREE", "eventText": "agreed",
  "text": "Freedonia and Sylvania agreed on a truce.",
  "source": [{"actorText": "Freedonia", "code": "FRD"}, {"actorText": "Sylvania", "code": "syl", "sector": "GOV"}],
  "target": ""
 },
 {
  "id": "X-FIGHT-0002", "date": "2001-02-03", "event": "FIGHT",
  "text": "Troops shelled the town.",
  "target": [{"actorText": "the town", "code": "FRD"}]
 },
 {"id": "X-DEMAND-0003", "event": "DEMAND", "text": "Sylvania asked Freedonia for talks.",
  "source": [{"actorText": "Sylvania", "code": "SYL"}], "target": "diplomatic"}
]
`

func TestRead(t *testing.T) {
	recs, err := plover.Read(strings.NewReader(goodFile), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []plover.Record{
		{ID: "X-AGREE-0001", Text: "Freedonia and Sylvania agreed on a truce.", Date: time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC),
			Category: "AGREE", Gold: "AGREE", EventText: "agreed",
			Sources: []plover.Actor{{Text: "Freedonia", Code: "FRD"}, {Text: "Sylvania", Code: "SYL", Sector: "GOV"}}, Line: 3},
		{ID: "X-FIGHT-0002", Text: "Troops shelled the town.", Date: time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC),
			Category: "FIGHT", Gold: "ASSAULT", Targets: []plover.Actor{{Text: "the town", Code: "FRD"}}, Line: 9},
		{ID: "X-DEMAND-0003", Text: "Sylvania asked Freedonia for talks.", Category: "DEMAND", Gold: "REQUEST",
			Sources: []plover.Actor{{Text: "Sylvania", Code: "SYL"}}, Line: 14},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("Read:\n got %+v\nwant %+v", recs, want)
	}
}

func TestReadErrors(t *testing.T) {
	rec := func(fields string) string { return "{" + fields + "}" }
	ok := `"id": "OK-1", "event": "AGREE", "text": "T."`
	tests := []struct {
		name  string
		in    string
		nrecs int      // records still read
		want  []string // fragments of the error, in order
	}{
		{"empty", "", 0, []string{"g.json:1: unexpected end of the file"}},
		{"not an array", `{"id": "a"}`, 0, []string{"g.json:1: want a JSON array"}},
		{"no id", "[\n" + rec(`"event": "AGREE", "text": "T."`) + ",\n" + rec(ok) + "\n]", 1, []string{"g.json:2: record without an id"}},
		{"no text", "[\n\n" + rec(`"id": "a", "event": "AGREE", "text": " "`) + "]", 0, []string{"g.json:3: record a: no text"}},
		{"unknown category", "[" + rec(`"id": "a", "event": "HUG", "text": "T."`) + "]", 0, []string{`g.json:1: record a: event "HUG" is not a PLOVER category`}},
		{"bad date", "[" + rec(`"id": "a", "event": "AGREE", "text": "T.", "date": "3 Feb 2001"`) + "]", 0, []string{`record a: date "3 Feb 2001": want YYYY-MM-DD`}},
		{"actor without code", "[" + rec(`"id": "a", "event": "AGREE", "text": "T.", "source": [{"actorText": "X", "code": " "}]`) + "]", 0, []string{`record a: source: actor 1 ("X") has no code`}},
		{"target not a list", "[" + rec(`"id": "a", "event": "AGREE", "text": "T.", "target": {"code": "FRD"}`) + "]", 0, []string{"record a: target: cannot unmarshal object"}},
		{"id not a string", "[" + rec(`"id": 7, "event": "AGREE", "text": "T."`) + "]", 0, []string{"g.json:1: cannot unmarshal number"}},
		{"duplicate id", "[\n" + rec(ok) + ",\n" + rec(ok) + "\n]", 1, []string{`g.json:3: id "OK-1" already at line 2`}},
		{"syntax error", "[\n" + rec(ok) + ",\n{\"id\": }\n]", 1, []string{"g.json:3: invalid character '}'"}},
		{"unterminated", "[\n" + rec(ok) + ",\n", 1, []string{"g.json:3: unexpected end of the file"}},
		{"data after the array", "[" + rec(ok) + "]\n[]", 1, []string{"g.json:2: data after the array"}},
		{"two problems", "[\n" + rec(`"id": "a", "event": "HUG", "text": "T."`) + ",\n" + rec(`"id": "b", "event": "AGREE"`) + "\n]", 0,
			[]string{"g.json:2: record a", "\ng.json:3: record b: no text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := plover.Read(strings.NewReader(tt.in), "g.json")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, eventwire.ErrInvalid) {
				t.Errorf("error %v is not eventwire.ErrInvalid", err)
			}
			if len(recs) != tt.nrecs {
				t.Errorf("%d records read, want %d", len(recs), tt.nrecs)
			}
			msg, at := err.Error(), 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("error %q does not say %q (in order)", msg, w)
				}
				at += i + len(w)
			}
		})
	}
}

func TestCategory(t *testing.T) {
	for in, want := range map[string]string{
		"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
		"AGREE": "AGREE", "ASSAULT": "ASSAULT", "agree": "", "DOCUMENT": "", "": "",
	} {
		if got := plover.Category(in); got != want {
			t.Errorf("Category(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCategoriesMatchCodebook: the 16 names are exactly those the shipped
// CAMEO→PLOVER crosswalk gives events.
func TestCategoriesMatchCodebook(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range cameo.Default().Codes() {
		if c.PLOVER != "" {
			seen[c.PLOVER] = true
		}
	}
	for _, c := range plover.Categories {
		if !seen[c] {
			t.Errorf("category %s is not in the codebook", c)
		}
		delete(seen, c)
	}
	if len(seen) > 0 {
		t.Errorf("codebook categories missing from Categories: %v", seen)
	}
}

func TestPart(t *testing.T) {
	// SHA-256 first bytes, worked out apart: "a" ca…, "rec-1" 9d…, "rec-2"
	// 9e…, "rec-3" …: even → tune, odd → check.
	for id, want := range map[string]string{"a": "tune", "rec-1": "check", "rec-2": "tune", "rec-3": "check"} {
		if got := plover.Part(id); got != want {
			t.Errorf("Part(%q) = %q, want %q", id, got, want)
		}
	}
	// Ids that differ only in their last digits must not fall on one side,
	// as they did with the lowest bit of FNV-1a.
	n := 0
	for i := 1; i <= 400; i += 2 {
		if plover.Part(fmt.Sprintf("X-SANCTION-%04d", i)) == plover.PartTune {
			n++
		}
	}
	if n < 80 || n > 120 {
		t.Errorf("%d of 200 similar ids in tune, want about half", n)
	}
}

func TestCountry(t *testing.T) {
	for in, want := range map[string]string{
		"RUSGOV": "RUS", "USA": "USA", "IGOUNOHCR": "IGOUNO", "IGO": "IGO", "IMGMUSALQ": "IMGMUS",
		"---GOV": "", "": "", "MEAGOV": "MEA", "NGOHRIAMN": "NGOHRI",
		// A republic under a dissolved federation's code is itself.
		"SCGSRB": "SRB", "SCGSRBLEG": "SRB", "SCGMNE": "MNE", "FRYKSV": "KSV", "SCG": "SCG", "SCGGOV": "SCG",
	} {
		if got := plover.Country(in); got != want {
			t.Errorf("Country(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScoreRecord(t *testing.T) {
	gold := func(cat string, src, tgt []string) *plover.Record {
		r := &plover.Record{ID: "r", Text: "T.", Gold: cat}
		for _, c := range src {
			r.Sources = append(r.Sources, plover.Actor{Code: c})
		}
		for _, c := range tgt {
			r.Targets = append(r.Targets, plover.Actor{Code: c})
		}
		return r
	}
	ev := func(cat, src, tgt string) plover.Event { return plover.Event{PLOVER: cat, Source: src, Target: tgt} }
	tests := []struct {
		name        string
		rec         *plover.Record
		evs         []plover.Event
		right       []bool
		hit, strict bool
	}{
		{"nothing coded", gold("AGREE", []string{"FRD"}, nil), nil, []bool{}, false, false},
		{"country of a role code", gold("AGREE", []string{"FRD", "SYL"}, nil),
			[]plover.Event{ev("AGREE", "SYLGOV", "")}, []bool{true}, true, true},
		{"wrong category", gold("AGREE", []string{"FRD"}, nil),
			[]plover.Event{ev("CONSULT", "FRD", "")}, []bool{false}, false, false},
		{"wrong source", gold("AGREE", []string{"FRD"}, []string{"SYL"}),
			[]plover.Event{ev("AGREE", "SYL", "FRD")}, []bool{false}, false, false},
		{"no PLOVER category", gold("AGREE", []string{"FRD"}, nil),
			[]plover.Event{ev("", "FRD", "")}, []bool{false}, false, false},
		{"anonymous source", gold("AGREE", []string{"FRD"}, nil),
			[]plover.Event{ev("AGREE", "---GOV", "")}, []bool{false}, false, false},
		{"no gold source: category alone", gold("ASSAULT", nil, []string{"FRD"}),
			[]plover.Event{ev("ASSAULT", "---MIL", "SYL"), ev("ASSAULT", "", "FRDCVL")}, []bool{true, true}, true, true},
		{"strict needs the target", gold("REQUEST", []string{"SYL"}, []string{"FRD"}),
			[]plover.Event{ev("REQUEST", "SYLGOV", "")}, []bool{true}, true, false},
		{"strict from another right event", gold("REQUEST", []string{"SYL"}, []string{"FRD"}),
			[]plover.Event{ev("REQUEST", "SYLGOV", "USA"), ev("REQUEST", "SYL", "FRDGOV")}, []bool{true, true}, true, true},
		{"bare IGO matches its organisations", gold("AID", []string{"IGO"}, []string{"IGO"}),
			[]plover.Event{ev("AID", "IGOUNO", "IGOWHO")}, []bool{true}, true, true},
		{"a named IGO does not match another", gold("AID", []string{"IGOUNO"}, nil),
			[]plover.Event{ev("AID", "IGOWHO", "")}, []bool{false}, false, false},
		{"bare IGO does not match a country", gold("AID", []string{"IGO"}, nil),
			[]plover.Event{ev("AID", "IGOTUR", ""), ev("AID", "TUR", "")}, []bool{true, false}, true, true},
		{"gold alias", gold("CONSULT", []string{"RUS"}, []string{"JAP"}),
			[]plover.Event{ev("CONSULT", "RUSGOV", "JPNGOV")}, []bool{true}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := plover.ScoreRecord(tt.rec, tt.evs)
			if !reflect.DeepEqual(r.Right, tt.right) || r.Hit != tt.hit || r.StrictHit != tt.strict {
				t.Errorf("right %v hit %v strict %v, want %v %v %v", r.Right, r.Hit, r.StrictHit, tt.right, tt.hit, tt.strict)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	recA := &plover.Record{ID: "a", Gold: "AGREE", Sources: []plover.Actor{{Code: "FRD"}}}     // tune
	recB := &plover.Record{ID: "rec-1", Gold: "AGREE", Sources: []plover.Actor{{Code: "FRD"}}} // check
	recC := &plover.Record{ID: "rec-2", Gold: "ASSAULT", Sources: []plover.Actor{{Code: "SYL"}},
		Targets: []plover.Actor{{Code: "FRD"}}} // tune
	rs := []plover.RecordResult{
		plover.ScoreRecord(recA, []plover.Event{{PLOVER: "AGREE", Source: "FRD"}, {PLOVER: "", Source: "FRD"}, {PLOVER: "REJECT", Source: "FRD"}}),
		plover.ScoreRecord(recB, nil),
		plover.ScoreRecord(recC, []plover.Event{{PLOVER: "ASSAULT", Source: "SYLMIL", Target: "FRD"}}),
	}
	s := plover.Summarize(rs)
	// 3 records, 2 coded, 2 hit (a, rec-2), 1 hit strictly (a has no gold
	// target, so it counts: 2). 4 events, 1 unmapped, 2 right.
	if s.Records != 3 || s.Coded != 2 || s.Hits != 2 || s.StrictHits != 2 || s.Events != 4 || s.Unmapped != 1 || s.Right != 2 {
		t.Fatalf("summary %+v", s)
	}
	want := map[string]plover.CategoryCount{"AGREE": {Records: 2, Hits: 1, Tune: 1, Check: 1}, "ASSAULT": {Records: 1, Hits: 1, Tune: 1}}
	for c, w := range want {
		if got := s.ByCategory[c]; got == nil || *got != w {
			t.Errorf("ByCategory[%s] = %+v, want %+v", c, got, w)
		}
	}
	// recall 2/3, precision 2/4, F1 2·0.5·0.667/1.167 = 0.571.
	if line := s.Line(); line != "records 3 coded 2 recall 0.667 precision 0.500 f1 0.571 strict-recall 0.667" {
		t.Errorf("Line() = %q", line)
	}
	if p := s.MappedPrecision(); p < 0.666 || p > 0.667 {
		t.Errorf("MappedPrecision = %.3f, want 2/3", p)
	}
	if e := s.NoEvent(); e < 0.333 || e > 0.334 {
		t.Errorf("NoEvent = %.3f, want 1/3", e)
	}
	empty := plover.Summarize(nil)
	if line := empty.Line(); line != "records 0 coded 0 recall 0.000 precision 0.000 f1 0.000 strict-recall 0.000" {
		t.Errorf("empty Line() = %q", line)
	}
}

func TestFromEvents(t *testing.T) {
	s := "Freedonia praised Sylvania."
	evs := []eventwire.Event{{
		CAMEO: "051", PLOVER: "SUPPORT",
		Source:   eventwire.Actor{Text: "Freedonia", Code: "FRD"},
		Target:   eventwire.Actor{Text: "the Sylvanians", Code: "SYL"},
		Evidence: eventwire.Evidence{Source: text.Span{Start: 0, End: 9}, Verb: text.Span{Start: 10, End: 17}},
		Pattern:  "v.txt:3 PRAISE",
	}}
	got := plover.FromEvents(s, evs)
	want := []plover.Event{{CAMEO: "051", PLOVER: "SUPPORT", Source: "FRD", SourceText: "Freedonia", Target: "SYL",
		TargetText: "the Sylvanians", Verb: "praised", Pattern: "v.txt:3 PRAISE"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FromEvents = %+v, want %+v", got, want)
	}
}
