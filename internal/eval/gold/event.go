package gold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/text"
)

// Event is one event of an article, from an annotation file or from the
// coder, placed in one of the article's annotated sentences.
type Event struct {
	Article string
	// Sent is the index of the annotated sentence; -1 for a coded event
	// outside every annotated sentence.
	Sent int
	// CAMEO is the event code ("190", "0213"); Source and Target are the
	// actor codes. A gold Target of "-" or "" marks an event without a
	// target (see OneSided).
	CAMEO          string
	Source, Target string
	// SourceText, Trigger and TargetText are the texts of the source, the
	// word or words that express the act (a coded event's evidence verb)
	// and the target; "" when absent.
	SourceText, Trigger, TargetText string
	// SourceSpan, TriggerSpan and TargetSpan are their byte spans in the
	// article's text; zero when absent. For a gold event each is the first
	// occurrence of its text in the sentence that starts and ends at word
	// boundaries (not inside a longer word: "he" is not found in "the"),
	// or failing that the first occurrence anywhere in the sentence. They
	// serve display only; matching uses the codes.
	SourceSpan, TriggerSpan, TargetSpan text.Span
	// Note is the reader's note (gold events).
	Note string
	// Line is the event's line in its annotation file; 0 for coded events.
	Line int
	// Pattern is the verb pattern or dictionary entry that coded the event
	// (coded events).
	Pattern string
}

// OneSided reports whether the event has no target: a Target of "-" or "".
// One-sided events are counted apart and not scored.
func (e *Event) OneSided() bool {
	t := strings.TrimSpace(e.Target)
	return t == "" || t == "-"
}

// Root returns the CAMEO root of a code: its first two digits ("19" for
// "190" and "1951"); a shorter code is its own root.
func Root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// NoCountry is the country of an actor code that names none ("---GOV",
// "GOV", "").
const NoCountry = "---"

// Country returns the part of an actor code that decides a match: the
// country or region code ("RUS" for "RUSMIL", "EUR" for "EURGOV"); for an
// international code its first six letters, the code and its first part
// ("IGOUNO" for "IGOUNOHLHWHO", "IGOWST" for NATO's "IGOWSTNAT", "IGOEUR"
// for "IGOEUREEC"), or the three letters alone ("NGO", "MNC") when it has
// no part; NoCountry when the code names neither ("---GOV", "GOV", "").
// Codes are read as cameo.SplitActor reads them (upper-cased, a leading
// "~" dropped).
func Country(code string) string {
	a := cameo.SplitActor(code)
	switch a.Kind {
	case cameo.Country, cameo.Region:
		return a.Head
	case cameo.International:
		if len(a.Parts) > 0 {
			return a.Head + a.Parts[0]
		}
		return a.Head
	}
	return NoCountry
}

// fullCode is an actor code as the strict key compares it: upper-case,
// without spaces or a leading "~".
func fullCode(code string) string {
	return strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(code)), "~")
}

// Key is what decides a match under one of the three keys.
type Key struct {
	CAMEO, Source, Target string
}

// MainKey is the key of the main score: (CAMEO root, source country,
// target country).
func MainKey(e *Event) Key {
	return Key{Root(e.CAMEO), Country(e.Source), Country(e.Target)}
}

// LooseKey is (CAMEO root, source country): the target does not count.
func LooseKey(e *Event) Key {
	return Key{CAMEO: Root(e.CAMEO), Source: Country(e.Source)}
}

// StrictKey is (full CAMEO code, full source code, full target code), roles
// included.
func StrictKey(e *Event) Key {
	return Key{strings.TrimSpace(e.CAMEO), fullCode(e.Source), fullCode(e.Target)}
}

// FromCoded turns the events the coder found in a's text (their evidence
// spans are byte offsets into a.Text) into Events placed in a's annotated
// sentences: an event belongs to the sentence whose span holds the start of
// its evidence verb or, when it has no verb (an empty span), of its
// evidence source; Sent is -1 when that offset is in no sentence or there
// is neither. Spans outside the text are dropped (empty texts, zero spans),
// never a panic; an actor's own text stands in for a missing source or
// target span.
func FromCoded(a *Article, evs []eventwire.Event) []Event {
	out := make([]Event, 0, len(evs))
	for _, e := range evs {
		ev := Event{
			Article: a.ID,
			Sent:    -1,
			CAMEO:   e.CAMEO,
			Source:  e.Source.Code,
			Target:  e.Target.Code,
			Pattern: e.Pattern,
		}
		ev.SourceSpan, ev.SourceText = spanIn(a.Text, e.Evidence.Source)
		ev.TriggerSpan, ev.Trigger = spanIn(a.Text, e.Evidence.Verb)
		ev.TargetSpan, ev.TargetText = spanIn(a.Text, e.Evidence.Target)
		if ev.SourceText == "" {
			ev.SourceText = e.Source.Text
		}
		if ev.TargetText == "" {
			ev.TargetText = e.Target.Text
		}
		switch {
		case ev.Trigger != "":
			ev.Sent = a.SentenceAt(int(ev.TriggerSpan.Start))
		case ev.SourceSpan.End > ev.SourceSpan.Start:
			ev.Sent = a.SentenceAt(int(ev.SourceSpan.Start))
		}
		out = append(out, ev)
	}
	return out
}

// spanIn returns sp and its text when sp is a non-empty span of s, else
// a zero span and "".
func spanIn(s string, sp text.Span) (text.Span, string) {
	if sp.Start < 0 || sp.End <= sp.Start || int(sp.End) > len(s) {
		return text.Span{}, ""
	}
	return sp, s[sp.Start:sp.End]
}

// locate finds phrase in sentence sent of a: its first occurrence at word
// boundaries, else its first occurrence; ok is false when it does not
// occur (or phrase is empty).
func locate(a *Article, sent int, phrase string) (text.Span, bool) {
	s := a.SentText(sent)
	if phrase == "" || s == "" {
		return text.Span{}, false
	}
	base := int(a.Sentences[sent].Start)
	first := -1
	for from := 0; from <= len(s)-len(phrase); {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			break
		}
		i += from
		if first < 0 {
			first = i
		}
		if wordBoundary(s, i) && wordBoundary(s, i+len(phrase)) {
			first = i
			break
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		from = i + w
	}
	if first < 0 {
		return text.Span{}, false
	}
	return text.Span{Start: int32(base + first), End: int32(base + first + len(phrase))}, true
}

// wordBoundary reports whether byte offset i of s is not between two
// letters or digits.
func wordBoundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(before) || !isWordRune(after)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
