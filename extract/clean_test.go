package extract

import (
	"reflect"
	"testing"
)

func TestTidy(t *testing.T) {
	h := func(s string) block { return block{text: s, heading: true} }
	p := func(s string) block { return block{text: s} }
	in := []block{
		h("Oil Prices Rise After Talks"),
		h("Producers signalled deeper cuts"),
		p("By Jane Doe"),
		p("March 6, 2020"),
		p("LONDON (Reuters) - Oil prices rose on Friday after producers signalled deeper cuts."),
		p("Advertisement"),
		p("Related: Five things to know about the oil market"),
		p("Brent crude futures were up 40 cents at midday."),
		h("Analysts cautious"),
		p("Analysts said the market would remain volatile."),
		p("Photo: Reuters"),
		p("You may also like"),
		p("Gold hits a record high"),
		p("Stocks fall in Asia"),
		p("The story goes on after the links."),
		p("https://example.com/share"),
		p("Follow us on Twitter and Facebook."),
		p("Copyright 2020 Example News"),
	}
	want := []string{
		"LONDON (Reuters) - Oil prices rose on Friday after producers signalled deeper cuts.",
		"Brent crude futures were up 40 cents at midday.",
		"Analysts cautious",
		"Analysts said the market would remain volatile.",
		"The story goes on after the links.",
	}
	var got []string
	for _, b := range tidy(in, "Oil Prices Rise After Talks | Example News") {
		got = append(got, b.text)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tidy =\n%q\nwant\n%q", got, want)
	}

	// A story that is one heading and one paragraph keeps its paragraph,
	// and text that only looks like chrome stays.
	keep := []block{p("Shares of Apple rose 3% on Monday."), p("More than 600 people were evacuated, officials said.")}
	if got := tidy(keep, ""); len(got) != 2 {
		t.Errorf("tidy dropped body text: %+v", got)
	}
}

func TestSameText(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Nadal keeps Spain alive", "Nadal keeps Spain alive", true},
		{"Nadal keeps Spain alive against Russia", "Nadal keeps Spain alive against Russia | Sports News", true},
		{"Nadal", "Nadal keeps Spain alive", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := sameText(tt.a, tt.b); got != tt.want {
			t.Errorf("sameText(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
