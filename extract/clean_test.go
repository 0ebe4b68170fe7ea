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

func TestTitles(t *testing.T) {
	tests := []struct {
		title, heading, site, host, want string
	}{
		{"Best tech gadgets of 2019 | ZDNet", "Best tech gadgets of 2019", "", "www.zdnet.com", "Best tech gadgets of 2019"},
		{"Meal Prep for A Little More Obsessed | The Beachbody Blog", "", "The Beachbody Blog", "www.beachbodyondemand.com", "Meal Prep for A Little More Obsessed"},
		{"LinkNaija | Nigeria's popular news platform", "", "LinkNaija", "linknaija.com", "Nigeria's popular news platform"},
		{"The Impeachment Clock | National Review", "", "National Review", "www.nationalreview.com", "The Impeachment Clock"},
		// A dash inside the headline is not a site separator.
		{"Snooze cruise - study sees future for hibernating astronauts", "", "Phys.org", "phys.org", "Snooze cruise - study sees future for hibernating astronauts"},
		{"Nadal keeps Spain alive", "Nadal keeps Spain alive against Russia", "", "", "Nadal keeps Spain alive"},
	}
	for _, tt := range tests {
		got := tt.title
		if tt.heading != "" {
			got = pickTitle(got, tt.heading)
		}
		got = stripSiteName(got, tt.site, tt.host)
		if got != tt.want {
			t.Errorf("title(%q, %q) = %q, want %q", tt.title, tt.heading, got, tt.want)
		}
	}
}
