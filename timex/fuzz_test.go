package timex

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/text"
)

var valueForms = map[Granularity]*regexp.Regexp{
	Day:   regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
	Week:  regexp.MustCompile(`^\d{4}-W\d{2}$`),
	Month: regexp.MustCompile(`^\d{4}-\d{2}$`),
	Year:  regexp.MustCompile(`^\d{4}$`),
}

// checkExprs checks what every result promises: spans inside s, in
// order and apart, Text = s[Span], a value of the stated granularity
// that is a real calendar date.
func checkExprs(t *testing.T, s string, es []Expr) {
	t.Helper()
	prev := int32(0)
	for _, e := range es {
		if e.Span.Start < prev || e.Span.End <= e.Span.Start || int(e.Span.End) > len(s) {
			t.Fatalf("span %v after %d in %d bytes: %+v", e.Span, prev, len(s), e)
		}
		prev = e.Span.End
		if e.Text != s[e.Span.Start:e.Span.End] {
			t.Fatalf("text %q, span says %q", e.Text, s[e.Span.Start:e.Span.End])
		}
		re, ok := valueForms[e.Gran]
		if !ok || !re.MatchString(e.Value) {
			t.Fatalf("value %q of granularity %q", e.Value, e.Gran)
		}
		if e.Gran == Day {
			if _, err := time.Parse("2006-01-02", e.Value); err != nil {
				t.Fatalf("value %q is no day: %v", e.Value, err)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"The talks ended on Wednesday, December 21, 2016, two weeks ago.",
		"It happened on 31 February 2016 and 2016-02-30 and 23/12/2016.",
		"Dec. 23rd, last year August 8, mid-December, the 2019 election, 2017–2018",
		"earlier in the week, the next day, three days later, the day before yesterday",
		"May 2029 to December 31, 2021; since 2003; at 1922 UTC; 9999-99-99; 0/0/0000",
		"Jan\u00a0 5 \xff\xfe Sept. 31 — 2019/02/29 日曜日 Ⅻ",
	} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		ref := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%200000))
		checkExprs(t, s, Find(s, ref))
		checkExprs(t, s, FindDoc(wordDoc(s), ref))
	})
}

// wordDoc cuts s at spaces into one sentence of tokens whose heads and
// tags come from the bytes of s: any tree, cycles included, as a broken
// parser might give.
func wordDoc(s string) *text.Doc {
	d := text.NewDoc(s)
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				d.Tokens = append(d.Tokens, text.Token{Start: int32(start), End: int32(i)})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	n := len(d.Tokens)
	xpos := []string{"VBD", "VBZ", "VB", "VBN", "MD", "NN", "VBG"}
	deps := []text.DepRel{"obl", "aux", "cop", "nsubj", "compound", "root", "aux:pass"}
	for i := range d.Tokens {
		tk := &d.Tokens[i]
		c := int(s[tk.Start])
		tk.Head = int32((c*7+i)%(n+1) - 1)
		tk.UPOS = text.UPOS(c % 18)
		tk.XPOS = xpos[c%len(xpos)]
		tk.Dep = deps[c%len(deps)]
		if c%3 == 0 {
			tk.Feats = "Tense=Past"
		} else if c%3 == 1 {
			tk.Feats = "Tense=Pres"
		}
	}
	if n > 0 {
		d.Sents = []text.Span{{Start: 0, End: int32(n)}}
	}
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrDeps
	return d
}

func TestBadInput(t *testing.T) {
	ref := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	t.Run("a thousand dates in one sentence", func(t *testing.T) {
		s := strings.Repeat("on Monday, December 23, 2016 and 31 February and yesterday ", 1000)
		es := Find(s, ref)
		checkExprs(t, s, es)
		if len(es) != 2000 {
			t.Errorf("%d expressions, want 2000 (the weekday and the day as one, yesterday; 31 February is no date)", len(es))
		}
		es = FindDoc(wordDoc(s), ref)
		checkExprs(t, s, es)
	})
	t.Run("1 MB of text", func(t *testing.T) {
		s := strings.Repeat("Rebels shelled the city of 2,000,000 people 2016 times; ", 1<<20/56)
		checkExprs(t, s, Find(s, ref))
		checkExprs(t, s, FindDoc(wordDoc(s), ref))
		b := strings.Repeat("9", 1<<20) // one huge number
		checkExprs(t, b, Find(b, ref))
	})
	t.Run("invalid UTF-8 and odd dates", func(t *testing.T) {
		for _, s := range []string{"\xff on Monday \xfe", "29 February 2015", "February 29", "April 31", "2016-13-01", "0000-01-01", "13/13/2016"} {
			es := Find(s, ref)
			checkExprs(t, s, es)
			if utf8.ValidString(s) && len(es) > 0 && s != "February 29" {
				t.Errorf("Find(%q) = %+v, want nothing", s, es)
			}
		}
	})
	t.Run("far references", func(t *testing.T) {
		for _, r := range []time.Time{{}, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
			checkExprs(t, "yesterday, next year, in March, two weeks ago", Find("yesterday, next year, in March, two weeks ago", r))
		}
	})
	t.Run("nil and empty", func(t *testing.T) {
		if FindDoc(nil, ref) != nil || len(Find("", ref)) != 0 || len(FindDoc(text.NewDoc(""), ref)) != 0 {
			t.Error("want nothing")
		}
	})
}
