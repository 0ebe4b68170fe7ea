package conflibert

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// Classes names the PentaClasses 0-4.
var Classes = [5]string{"statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// PentaClass returns the PentaClass of a CAMEO event code, from its root,
// as the Phoenix data and the ConfliBERT files define it: 01-02 → 0
// (statements and appeals); 03-05 → 1; 06-08 → 2; 09-13 and 16 (reduce
// relations) → 3; 14-15 and 17-20 → 4. It returns -1 for a code that
// does not start with a root 01-20.
//
// Sessions 4 to 7 counted 02 as verbal cooperation and 16 as material
// conflict, the GDELT QuadClass split; the labels of the ConfliBERT file
// disagree on both: of the sentences eventwire coded 02, 25 are labelled
// 0 and 1 labelled 1; coded 16, 38 are labelled 3 and 1 labelled 4.
func PentaClass(code string) int {
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return -1
	}
	switch root := int(code[0]-'0')*10 + int(code[1]-'0'); {
	case root == 1 || root == 2:
		return 0
	case root >= 3 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13, root == 16:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return -1
}

// Event is a coded event as the scorer sees it: its code and the evidence
// spans of its source and target in the sentence.
type Event struct {
	CAMEO      string    `json:"cameo"`
	Class      int       `json:"class"`
	Source     string    `json:"source"`
	SourceText string    `json:"source_text"`
	SourceSpan text.Span `json:"source_span"`
	Target     string    `json:"target"`
	TargetText string    `json:"target_text"`
	TargetSpan text.Span `json:"target_span"`
	// SourceRef and TargetRef are the spans of the mentions a pronoun or a
	// short reference among the actors stands for ("Farc has said it will
	// release ...": "Farc" for "it"); zero when the actor is named where
	// it acts.
	SourceRef text.Span `json:"source_ref,omitzero"`
	TargetRef text.Span `json:"target_ref,omitzero"`
	Verb      string    `json:"verb"`
	Pattern   string    `json:"pattern"`
}

// FromEvents turns the events coded from s into scorer events.
func FromEvents(s string, evs []eventwire.Event) []Event {
	out := make([]Event, 0, len(evs))
	for _, e := range evs {
		out = append(out, Event{
			CAMEO: e.CAMEO, Class: PentaClass(e.CAMEO),
			Source: e.Source.Code, SourceText: spanText(s, e.Evidence.Source), SourceSpan: e.Evidence.Source,
			Target: e.Target.Code, TargetText: spanText(s, e.Evidence.Target), TargetSpan: e.Evidence.Target,
			SourceRef: coreferent(e.Source), TargetRef: coreferent(e.Target),
			Verb: spanText(s, e.Evidence.Verb), Pattern: e.Pattern,
		})
	}
	return out
}

// coreferent is the span of the mention an actor's pronoun or short
// reference stands for: an annotator marks "Farc", not "it", as the source
// of "Farc has said it will release ...", and the coder took its code
// from there. Codes inferred otherwise (from a place, the article, a
// sender) are not the same actor named elsewhere and give no span.
func coreferent(a eventwire.Actor) text.Span {
	if a.Via == nil {
		return text.Span{}
	}
	switch a.Via.How {
	case "pronoun", "short-ref", "role-ref", "apposition", "quote-speaker":
		return a.Via.Span
	}
	return text.Span{}
}

func spanText(s string, sp text.Span) string {
	if sp.Start < 0 || sp.End <= sp.Start || int(sp.End) > len(s) {
		return ""
	}
	return s[sp.Start:sp.End]
}

// overlaps reports whether two non-empty byte spans share a byte.
func overlaps(a, b text.Span) bool {
	return a.End > a.Start && b.End > b.Start && a.Start < b.End && b.Start < a.End
}

// overlapsAny reports whether sp overlaps one of chunks.
func overlapsAny(sp text.Span, chunks []text.Span) bool {
	for _, c := range chunks {
		if overlaps(sp, c) {
			return true
		}
	}
	return false
}

// Result is a sentence with the events coded from it and how they compare
// with its gold.
type Result struct {
	Item   *Item
	Events []Event
	// ClassRight[i]: Events[i] has the gold class. CSTRight[i]: it also
	// overlaps a gold source and a gold target chunk (false when the item
	// has no source and target chunks).
	ClassRight, CSTRight []bool
	ClassHit             bool
	// CST says whether the sentence is scored for class+source+target
	// (Item.HasSourceTarget); CSTHit whether some event is CSTRight.
	CST, CSTHit bool
}

// ScoreSentence compares the events coded from an item's sentence with its
// gold.
func ScoreSentence(it *Item, evs []Event) Result {
	r := Result{Item: it, Events: evs, ClassRight: make([]bool, len(evs)), CSTRight: make([]bool, len(evs)), CST: it.HasSourceTarget()}
	for i, e := range evs {
		if e.Class != it.Class {
			continue
		}
		r.ClassRight[i], r.ClassHit = true, true
		if r.CST && it.actorRight(e.SourceSpan, e.SourceRef, it.Spans.Source) && it.actorRight(e.TargetSpan, e.TargetRef, it.Spans.Target) {
			r.CSTRight[i], r.CSTHit = true, true
		}
	}
	return r
}

// actorRight reports whether an event's actor, by its own span or by the
// span of the mention it refers back to, overlaps one of the gold chunks.
func (it *Item) actorRight(span, ref text.Span, chunks []text.Span) bool {
	return overlapsAny(span, chunks) || overlapsAny(ref, chunks)
}

// ClassCount counts the sentences of one gold class.
type ClassCount struct {
	Sentences, Coded, Hits int
}

// Summary adds up sentence results.
type Summary struct {
	Sentences  int // class sentences scored
	Coded      int // with any event
	ClassHits  int
	Events     int // events coded
	ClassRight int // events with their sentence's class
	// CSTSentences are the sentences with a source and a target chunk,
	// CSTHits those hit; CSTEvents the events coded from them and
	// CSTRight those with class, source and target right.
	CSTSentences, CSTHits, CSTEvents, CSTRight int
	ByClass                                    [5]ClassCount
}

// Summarize adds up rs.
func Summarize(rs []Result) Summary {
	var s Summary
	for _, r := range rs {
		s.Sentences++
		c := &ClassCount{} // counted nowhere for a class out of range
		if r.Item.Class >= 0 && r.Item.Class < len(s.ByClass) {
			c = &s.ByClass[r.Item.Class]
		}
		c.Sentences++
		if len(r.Events) > 0 {
			s.Coded++
			c.Coded++
		}
		if r.ClassHit {
			s.ClassHits++
			c.Hits++
		}
		s.Events += len(r.Events)
		for i := range r.Events {
			if r.ClassRight[i] {
				s.ClassRight++
			}
		}
		if !r.CST {
			continue
		}
		s.CSTSentences++
		if r.CSTHit {
			s.CSTHits++
		}
		s.CSTEvents += len(r.Events)
		for i := range r.Events {
			if r.CSTRight[i] {
				s.CSTRight++
			}
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

// CodedShare is the share of sentences with any event coded.
func (s *Summary) CodedShare() float64 { return ratio(s.Coded, s.Sentences) }

// ClassRecall is the share of sentences with an event of the gold class.
func (s *Summary) ClassRecall() float64 { return ratio(s.ClassHits, s.Sentences) }

// CSTRecall is the share of sentences with source and target chunks that
// have an event right in class, source and target.
func (s *Summary) CSTRecall() float64 { return ratio(s.CSTHits, s.CSTSentences) }

// Precision is the share of coded events with their sentence's class.
func (s *Summary) Precision() float64 { return ratio(s.ClassRight, s.Events) }

// CSTPrecision is the share of the events coded from sentences with source
// and target chunks that are right in class, source and target.
func (s *Summary) CSTPrecision() float64 { return ratio(s.CSTRight, s.CSTEvents) }

// Line is the summary line:
//
//	sentences N coded C class-recall R cst-recall R2 precision P cst-precision P2
//
// with C the sentences with any event and three decimals for the scores.
func (s *Summary) Line() string {
	return fmt.Sprintf("sentences %d coded %d class-recall %.3f cst-recall %.3f precision %.3f cst-precision %.3f",
		s.Sentences, s.Coded, s.ClassRecall(), s.CSTRecall(), s.Precision(), s.CSTPrecision())
}
