package events

import (
	"math"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// Coded is one event as the coder gives it now, with the key that matches
// it against judgements and what a reader needs to judge it.
type Coded struct {
	Key
	// SentIndex is the sentence's index in the Doc (for display only: keys
	// use the sentence text).
	SentIndex  int
	SourceText string
	TargetText string
	Pattern    string
}

// FromEvents keys the events coded from doc, the parsed text of article id.
// Evidence spans outside doc.Text and sentence indexes outside doc.Sents
// give empty texts, not a panic.
func FromEvents(id string, doc *text.Doc, evs []eventwire.Event) []Coded {
	out := make([]Coded, 0, len(evs))
	for _, e := range evs {
		c := Coded{
			Key: Key{
				Article: id,
				CAMEO:   e.CAMEO,
				Source:  e.Source.Code,
				Target:  e.Target.Code,
				Verb:    spanText(doc.Text, e.Evidence.Verb),
			},
			SentIndex:  e.Sentence,
			SourceText: spanText(doc.Text, e.Evidence.Source),
			TargetText: spanText(doc.Text, e.Evidence.Target),
			Pattern:    e.Pattern,
		}
		if e.Sentence >= 0 && e.Sentence < len(doc.Sents) && validSent(doc, e.Sentence) {
			c.Sentence = doc.SentText(e.Sentence)
		}
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

func validSent(doc *text.Doc, s int) bool {
	sp := doc.Sents[s]
	if sp.Start < 0 || sp.End > int32(len(doc.Tokens)) || sp.Start > sp.End {
		return false
	}
	if sp.Start == sp.End {
		return true
	}
	a, b := doc.Tokens[sp.Start].Start, doc.Tokens[sp.End-1].End
	return a >= 0 && a <= b && int(b) <= len(doc.Text)
}

func spanText(s string, sp text.Span) string {
	if sp.Start < 0 || sp.End <= sp.Start || int(sp.End) > len(s) {
		return ""
	}
	return s[sp.Start:sp.End]
}

// ArticleEvents are the events coded from one article.
type ArticleEvents struct {
	ID     string
	Events []Coded
}

// Scored is a coded event with its judgement (nil when it has none).
type Scored struct {
	Coded
	Judgement *Judgement
}

// ArticleResult is the comparison for one article.
type ArticleResult struct {
	ID     string
	Events []Scored
	// Missing are the lines judged right for this article that no coded
	// event matches any more.
	Missing []*Judgement
}

// Unjudged returns the article's events that have no right/wrong
// judgement.
func (a *ArticleResult) Unjudged() []Coded {
	var out []Coded
	for _, s := range a.Events {
		if s.Judgement == nil || s.Judgement.Verdict == "" {
			out = append(out, s.Coded)
		}
	}
	return out
}

// Result is the comparison of a run of the coder with a judged file.
type Result struct {
	Articles []ArticleResult
	// Events counts the coded events; Judged those with a right or wrong
	// judgement (Right + Wrong); Unjudged the others.
	Events, Judged, Right, Wrong, Unjudged int
	// Missing counts lines judged right that no coded event matches, in
	// the articles coded.
	Missing int
	// Elsewhere counts judged lines whose article was not coded in this
	// run (not in the corpus); they are not scored.
	Elsewhere int
	// WrongByClass counts the coded events judged wrong by the first class
	// their note names (see Classes); "" for notes without classes.
	WrongByClass map[string]int
}

// Classes returns the classes a note starts with: "[not-event,no-country]
// why" gives not-event and no-country. A note without a leading bracket
// has none.
func Classes(note string) []string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(note), "[")
	if !ok {
		return nil
	}
	list, _, ok := strings.Cut(rest, "]")
	if !ok {
		return nil
	}
	var out []string
	for _, c := range strings.Split(list, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Compare matches the coded events of each article with the judgements.
func Compare(j *Judged, arts []ArticleEvents) *Result {
	r := &Result{WrongByClass: map[string]int{}}
	used := map[Key]bool{}
	inRun := map[string]bool{}
	for _, a := range arts {
		inRun[a.ID] = true
		ar := ArticleResult{ID: a.ID}
		for _, c := range a.Events {
			s := Scored{Coded: c}
			if g, ok := j.Lookup(c.Key); ok {
				s.Judgement = g
				used[c.Key] = true
			}
			r.Events++
			switch {
			case s.Judgement == nil || s.Judgement.Verdict == "":
				r.Unjudged++
			case s.Judgement.Verdict == Right:
				r.Judged++
				r.Right++
			default:
				r.Judged++
				r.Wrong++
				class := ""
				if cs := Classes(s.Judgement.Note); len(cs) > 0 {
					class = cs[0]
				}
				r.WrongByClass[class]++
			}
			ar.Events = append(ar.Events, s)
		}
		r.Articles = append(r.Articles, ar)
	}
	if j == nil {
		return r
	}
	idx := map[string]int{}
	for i, a := range r.Articles {
		if _, ok := idx[a.ID]; !ok {
			idx[a.ID] = i
		}
	}
	for _, g := range j.Lines {
		if !inRun[g.Article] {
			r.Elsewhere++
			continue
		}
		if g.Verdict == Right && !used[g.Key] {
			r.Missing++
			ar := &r.Articles[idx[g.Article]]
			ar.Missing = append(ar.Missing, g)
		}
	}
	return r
}

// Precision is Right/Judged, 0 when nothing is judged.
func (r *Result) Precision() float64 {
	if r.Judged == 0 {
		return 0
	}
	return float64(r.Right) / float64(r.Judged)
}

// Interval is the 95% Wilson score interval of Precision.
func (r *Result) Interval() (lo, hi float64) {
	return Wilson(r.Right, r.Judged, Z95)
}

// Z95 is the standard normal quantile for a two-sided 95% interval.
const Z95 = 1.959963984540054

// Wilson returns the Wilson score interval for k successes in n trials at
// normal quantile z. With n == 0 it returns 0, 1 (nothing is known).
func Wilson(k, n int, z float64) (lo, hi float64) {
	if n <= 0 {
		return 0, 1
	}
	k = max(0, min(k, n))
	p := float64(k) / float64(n)
	nf := float64(n)
	z2 := z * z
	d := 1 + z2/nf
	centre := (p + z2/(2*nf)) / d
	half := z * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / d
	return max(0, centre-half), min(1, centre+half)
}
