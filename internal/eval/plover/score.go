package plover

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/text"
)

// Event is a coded event as the scorer sees it: codes and the words of its
// evidence.
type Event struct {
	CAMEO      string `json:"cameo"`
	PLOVER     string `json:"plover"`
	Source     string `json:"source"`
	SourceText string `json:"source_text"`
	Target     string `json:"target"`
	TargetText string `json:"target_text"`
	Verb       string `json:"verb"`
	Pattern    string `json:"pattern"`
}

// FromEvents turns the events coded from s into scorer events. Actor texts
// are the evidence spans in s, else the actors' own texts (an actor the
// sentence does not name).
func FromEvents(s string, evs []eventwire.Event) []Event {
	out := make([]Event, 0, len(evs))
	for _, e := range evs {
		c := Event{CAMEO: e.CAMEO, PLOVER: e.PLOVER, Source: e.Source.Code, Target: e.Target.Code,
			SourceText: spanText(s, e.Evidence.Source), TargetText: spanText(s, e.Evidence.Target),
			Verb: spanText(s, e.Evidence.Verb), Pattern: e.Pattern}
		if c.SourceText == "" {
			c.SourceText = e.Source.Text
		}
		if c.TargetText == "" {
			c.TargetText = e.Target.Text
		}
		out = append(out, c)
	}
	return out
}

func spanText(s string, sp text.Span) string {
	if sp.Start < 0 || sp.End <= sp.Start || int(sp.End) > len(s) {
		return ""
	}
	return s[sp.Start:sp.End]
}

// Country returns the country part of a CAMEO actor code: the Head of
// cameo.SplitActor ("RUSGOV" → "RUS"), with the first part after it for an
// international code ("IGOUNOHCR" → "IGOUNO"); "" when the code names no
// country, region or international body ("---GOV", "").
func Country(code string) string {
	a := cameo.SplitActor(code)
	if a.Head == "" {
		return ""
	}
	if a.Kind == cameo.International && len(a.Parts) > 0 && len(a.Parts[0]) == 3 {
		return a.Head + a.Parts[0]
	}
	if federations[a.Head] && len(a.Parts) > 0 && countryPart(a.Parts[0]) {
		return a.Parts[0]
	}
	return a.Head
}

// federations are the dissolved states under whose code the Phoenix
// dictionaries write their member republics: Serbia and Montenegro
// (SCGSRB, SCGMNE) and the Federal Republic of Yugoslavia (FRYKSV for
// Kosovo). The member's own code is its country, as the gold writes it
// (SRB, MNE).
var federations = map[string]bool{"SCG": true, "FRY": true, "YUG": true}

// countryPart reports whether a part of a federation's code names a
// member country, not a role (SRB, not GOV).
func countryPart(p string) bool {
	return len(p) == 3 && cameo.RoleLabel(p) == ""
}

// goldCountry returns the country of a gold code, with GoldAliases
// applied.
func goldCountry(code string) string {
	if c, ok := GoldAliases[code]; ok {
		code = c
	}
	return Country(code)
}

// countryMatch reports whether a coded country matches a gold country:
// equal, or the gold is a bare international code ("IGO") and the coded
// country has the same head ("IGOUNO").
func countryMatch(gold, coded string) bool {
	if gold == "" || coded == "" {
		return false
	}
	if gold == coded {
		return true
	}
	g := cameo.SplitActor(gold)
	return g.Kind == cameo.International && len(g.Parts) == 0 && cameo.SplitActor(coded).Head == gold
}

// actorMatch reports whether a coded actor code matches one of the gold
// actors; with no gold actors it matches whatever was coded.
func actorMatch(gold []Actor, coded string) bool {
	if len(gold) == 0 {
		return true
	}
	c := Country(coded)
	for _, a := range gold {
		if countryMatch(goldCountry(a.Code), c) {
			return true
		}
	}
	return false
}

// RecordResult is a record with the events coded from its sentence and
// how they compare with its gold event.
type RecordResult struct {
	Record *Record
	Events []Event
	// Right[i] says whether Events[i] is right: the record's category and a
	// gold source country (the category alone when the gold has no source).
	Right []bool
	// Hit: some event is right. StrictHit: some right event also has a
	// gold target country, or the gold has no target.
	Hit, StrictHit bool
}

// ScoreRecord compares the events coded from r's sentence with its gold
// event.
func ScoreRecord(r *Record, evs []Event) RecordResult {
	res := RecordResult{Record: r, Events: evs, Right: make([]bool, len(evs))}
	for i, e := range evs {
		if e.PLOVER == "" || e.PLOVER != r.Gold || !actorMatch(r.Sources, e.Source) {
			continue
		}
		res.Right[i] = true
		res.Hit = true
		if actorMatch(r.Targets, e.Target) {
			res.StrictHit = true
		}
	}
	return res
}

// CategoryCount counts the records of one gold category.
type CategoryCount struct {
	Records, Hits int
	// Tune and Check count the category's records in each Part, whatever
	// part was scored.
	Tune, Check int
}

// Summary adds up record results.
type Summary struct {
	Records    int // records scored
	Coded      int // records with at least one event coded
	Hits       int
	StrictHits int
	Events     int // events coded
	// Unmapped counts the events whose CAMEO code has no PLOVER category
	// (wrong for any record; MappedPrecision leaves them out).
	Unmapped int
	Right    int // events right for their record
	// ByCategory counts records by gold category (2021 names).
	ByCategory map[string]*CategoryCount
}

// Summarize adds up rs.
func Summarize(rs []RecordResult) Summary {
	s := Summary{ByCategory: map[string]*CategoryCount{}}
	for _, r := range rs {
		s.Records++
		if len(r.Events) > 0 {
			s.Coded++
		}
		if r.Hit {
			s.Hits++
		}
		if r.StrictHit {
			s.StrictHits++
		}
		for i, e := range r.Events {
			s.Events++
			if e.PLOVER == "" {
				s.Unmapped++
			}
			if r.Right[i] {
				s.Right++
			}
		}
		c := s.ByCategory[r.Record.Gold]
		if c == nil {
			c = &CategoryCount{}
			s.ByCategory[r.Record.Gold] = c
		}
		c.Records++
		if r.Hit {
			c.Hits++
		}
		if Part(r.Record.ID) == PartTune {
			c.Tune++
		} else {
			c.Check++
		}
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Recall is the share of records hit.
func (s *Summary) Recall() float64 { return ratio(s.Hits, s.Records) }

// StrictRecall is the share of records hit strictly.
func (s *Summary) StrictRecall() float64 { return ratio(s.StrictHits, s.Records) }

// Precision is the share of coded events that are right; a lower bound
// (see the package doc).
func (s *Summary) Precision() float64 { return ratio(s.Right, s.Events) }

// MappedPrecision is the share of coded events with a PLOVER category that
// are right: Precision without the events no PLOVER gold can hold.
func (s *Summary) MappedPrecision() float64 { return ratio(s.Right, s.Events-s.Unmapped) }

// F1 is the harmonic mean of Precision and Recall.
func (s *Summary) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// NoEvent is the share of records for which nothing was coded.
func (s *Summary) NoEvent() float64 { return ratio(s.Records-s.Coded, s.Records) }

// Line is the summary line:
//
//	records N coded C recall R precision P f1 F strict-recall S
//
// with C the records with any event and three decimals for the scores.
func (s *Summary) Line() string {
	return fmt.Sprintf("records %d coded %d recall %.3f precision %.3f f1 %.3f strict-recall %.3f",
		s.Records, s.Coded, s.Recall(), s.Precision(), s.F1(), s.StrictRecall())
}
