package quote_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/nlp"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

var pipeline = sync.OnceValues(func() (*nlp.Pipeline, error) { return english.New() })

// parse annotates s with the shipped English pipeline.
func parse(t testing.TB, s string) *text.Doc {
	t.Helper()
	p, err := pipeline()
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDoc(s)
	if err := p.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// summary is a quote in one line: kind, cue, speaker (→ the mention it
// refers to), addressee, reporter, text.
func summary(q eventwire.Quote) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q %s", q.Kind, q.Cue, q.Speaker.Text)
	if v := q.Speaker.Via; v != nil {
		fmt.Fprintf(&b, "→%s(%s)", v.Text, v.How)
	}
	if q.Addressee != nil {
		fmt.Fprintf(&b, " to %s", q.Addressee.Text)
	}
	if q.ReportedBy != nil {
		fmt.Fprintf(&b, " by %s", q.ReportedBy.Text)
	}
	fmt.Fprintf(&b, ": %s", q.Text)
	return b.String()
}

func TestAttribute(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"direct after", `"We will not give up," Smith said.`,
			[]string{`direct "said" Smith: We will not give up,`}},
		{"direct before", `Smith said: "The talks have failed."`,
			[]string{`direct "said" Smith: The talks have failed.`}},
		{"direct inverted", "“There is no deal on the table yet,” said Maria Jones.",
			[]string{`direct "said" Maria Jones: There is no deal on the table yet,`}},
		{"interrupted", "“The talks,” said Jones, “have failed completely.”",
			[]string{`direct "said" Jones: The talks, … have failed completely.`}},
		{"guillemets", "«The border stays closed for now,» the minister said.",
			[]string{`direct "said" the minister: The border stays closed for now,`}},
		{"indirect that", "The minister said that the border would stay closed.",
			[]string{`indirect "said" The minister: the border would stay closed`}},
		{"told", "Jones told reporters that the talks had failed.",
			[]string{`indirect "told" Jones to reporters: the talks had failed`}},
		{"according to", "According to the ministry, twelve soldiers died in the attack.",
			[]string{`indirect "According to" the ministry: twelve soldiers died in the attack`}},
		{"warned", "The general warned that the ceasefire would collapse.",
			[]string{`indirect "warned" The general: the ceasefire would collapse`}},
		{"scare quote", `The so-called "peace plan" was rejected by the opposition.`, nil},
		{"pronoun", "Anna Berg arrived in the capital on Monday. She said the vote was fair.",
			[]string{`indirect "said" She→Anna Berg(pronoun): the vote was fair`}},
		{"short name", "Anna Berg spoke first. \"We are ready to govern the country,\" Berg said.",
			[]string{`direct "said" Berg→Anna Berg(short-ref): We are ready to govern the country,`}},
		{"continued paragraph", "\"We will win this election,\" Berg said.\n\n\"Nobody can stop us now.\"",
			[]string{`direct "said" Berg: We will win this election,`, `direct "" Berg: Nobody can stop us now.`}},
		{"quotation over paragraphs", "Berg said: \"The first paragraph of the quotation.\n\n\"The second paragraph of it.\"",
			[]string{`direct "said" Berg: The first paragraph of the quotation. … The second paragraph of it.`}},
		{"relative", "The talks were led by Maria Jones, who said the deal was close.",
			[]string{`indirect "said" who→Maria Jones(pronoun): the deal was close`}},
		{"chain", "The agency said Smith told Jones that the deal was off.",
			[]string{`indirect "told" Smith to Jones by The agency: the deal was off`}},
		{"mixed", `Smith said the plan "has no chance of success" in parliament.`,
			[]string{`mixed "said" Smith: the plan "has no chance of success" in parliament`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.in)
			qs, err := quote.Attribute(context.Background(), d, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range qs {
				got = append(got, summary(q))
				checkSpans(t, d.Text, q)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\n got:\n\t%s\nwant:\n\t%s", tt.in, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// checkSpans checks that a quote's evidence spans lie in the text and say
// what the quote says.
func checkSpans(t *testing.T, s string, q eventwire.Quote) {
	t.Helper()
	in := func(sp text.Span) bool { return sp.Start >= 0 && sp.End >= sp.Start && int(sp.End) <= len(s) }
	for _, sp := range append([]text.Span{q.Span, q.SpeakerSpan, q.Evidence.Cue, q.Evidence.Addressee, q.Evidence.ReportedBy}, q.Evidence.Content...) {
		if !in(sp) {
			t.Fatalf("span %v outside the text (%d bytes)", sp, len(s))
		}
	}
	if got := s[q.Evidence.Cue.Start:q.Evidence.Cue.End]; got != q.Cue {
		t.Errorf("cue span says %q, Cue %q", got, q.Cue)
	}
	if got := s[q.SpeakerSpan.Start:q.SpeakerSpan.End]; got != q.Speaker.Text {
		t.Errorf("speaker span says %q, Speaker.Text %q", got, q.Speaker.Text)
	}
	var parts []string
	for _, c := range q.Evidence.Content {
		parts = append(parts, s[c.Start:c.End])
	}
	if got := strings.Join(parts, " … "); got != q.Text {
		t.Errorf("content spans say %q, Text %q", got, q.Text)
	}
}
