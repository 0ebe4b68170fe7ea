package extract

import (
	"reflect"
	"testing"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in            string
		place, credit string
	}{
		{"ALEPPO, Syria (AP) — The presidents of Russia and Syria", "ALEPPO, Syria", "AP"},
		{"WASHINGTON (Reuters) - U.S. officials said", "WASHINGTON", "Reuters"},
		{"LONDON, Nov 25 (Reuters) - Britain's", "LONDON", "Reuters"},
		{"MADRID — Rafael Nadal kept Spain’s hopes alive", "MADRID", ""},
		{"BERLIN -- The European Space Agency says", "BERLIN", ""},
		{"Dekalb, Ill. — Mike Glass threw for three touchdowns", "Dekalb, Ill.", ""},
		{"SANTA FE, N.M. (AP) — A cat who has been missing", "SANTA FE, N.M.", "AP"},
		{"CLEVELAND, Ohio – The Doobie Brothers will", "CLEVELAND, Ohio", ""},
		{"MOSCOW (RFE/RL) -- Russia said", "MOSCOW", "RFE/RL"},
		{"NEW DELHI: The government said on Monday", "NEW DELHI", ""},
		{"(CNN)The president said", "", "CNN"},
		{"(CNN) — The president said", "", "CNN"},
		{"МОСКВА, 23 декабря — Президент России", "МОСКВА", ""},
		// Not datelines.
		{"Two hostages — an American and an Australian — were freed", "", ""},
		{"Beauty company Coty is breaking out — in a good way.", "", ""},
		{"Dow component Home Depot reported earnings", "", ""},
		{"Russian President Vladimir Putin (L) and Syrian President Bashar al-Assad - a caption", "", ""},
		{"The ministry said - in a statement", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		place, credit := parseDateline(tt.in)
		if place != tt.place || credit != tt.credit {
			t.Errorf("parseDateline(%q) = %q, %q; want %q, %q", tt.in, place, credit, tt.place, tt.credit)
		}
	}
}

func TestCreditLine(t *testing.T) {
	tests := []struct {
		in      string
		credits []string
		ok      bool
	}{
		{"With reporting by AP, AFP, Reuters, TASS, and Interfax", []string{"AP", "AFP", "Reuters", "TASS", "Interfax"}, true},
		{"Reporting by Jane Doe; Editing by John Roe", nil, true},
		{"— AP", []string{"AP"}, true},
		{"-- Reuters", []string{"Reuters"}, true},
		{"The Associated Press contributed to this report.", []string{"AP"}, true},
		{"Associated Press writer Hau Dinh in Hanoi contributed to this report.", []string{"AP"}, true},
		{"Compiled from reports by Reuters and AFP", []string{"Reuters", "AFP"}, true},
		{"Additional reporting by Agence France-Presse", []string{"AFP"}, true},
		{"Source: Xinhua", []string{"Xinhua"}, true},
		{"With reporting by RFE/RL's Russian Service", nil, true},
		{"He said AP and Reuters had reported the story.", nil, false},
		{"The minister spoke to reporters.", nil, false},
	}
	for _, tt := range tests {
		c, ok := creditLine(tt.in)
		if ok != tt.ok || !reflect.DeepEqual(c, tt.credits) {
			t.Errorf("creditLine(%q) = %q, %v; want %q, %v", tt.in, c, ok, tt.credits, tt.ok)
		}
	}
}

func TestDates(t *testing.T) {
	urls := []struct{ in, want string }{
		{"https://www.nj.com/entertainment/2019/11/florida-man.html", ""},
		{"https://example.com/2016/12/23/aleppo-takeover/", "2016-12-23"},
		{"https://example.com/news/2016-12-23-aleppo", "2016-12-23"},
		{"file:///data/rferl-2016-12-23-aleppo.txt", "2016-12-23"},
		{"https://example.com/2016/2/30/bad-day", ""},
		{"https://example.com/12016/12/23/", ""},
		{"https://example.com/a?d=2016/12/23", ""},
		{"https://example.com/1850/01/01/old", ""},
		{"", ""},
	}
	for _, tt := range urls {
		if got := dateFromURL(tt.in); got != tt.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	dates := []struct{ in, want string }{
		{"2019-11-20T06:01:44-05:00", "2019-11-20T06:01:44-05:00"},
		{"2019-11-20T11:01:44Z", "2019-11-20T11:01:44Z"},
		{"2019-11-20T11:01:44.123+0000", "2019-11-20T11:01:44Z"},
		{"2019-11-20T11:01:44", "2019-11-20"},
		{"2019-11-20", "2019-11-20"},
		{"2019-11-20T11:01:44.123456789+05:30", "2019-11-20T11:01:44+05:30"},
		{"Wed, 20 Nov 2019 11:01:44 GMT", "2019-11-20T11:01:44Z"},
		{"November 20, 2019", "2019-11-20"},
		{"20 November 2019", "2019-11-20"},
		{"yesterday", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"", ""},
	}
	for _, tt := range dates {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct {
		in, want string
		credits  []string
	}{
		{"By Robert Burns", "Robert Burns", nil},
		{"TOM KRISHER; AP Auto Writer", "TOM KRISHER", []string{"AP"}},
		{"Associated Press", "", []string{"AP"}},
		{"Rachael Link; MS; RD", "Rachael Link", nil},
		{"Carrie Arnold November", "Carrie Arnold", nil},
		{"Jane Doe; John Roe", "Jane Doe, John Roe", nil},
		{"https://www.facebook.com/someone", "", nil},
		{"Admin", "", nil},
		{"DANICA KIRKA; JILL LAWLESS Associated Press", "DANICA KIRKA, JILL LAWLESS", []string{"AP"}},
		{"Staff Reports", "", nil},
	}
	for _, tt := range tests {
		got, c := cleanByline(tt.in)
		if got != tt.want || !reflect.DeepEqual(c, tt.credits) {
			t.Errorf("cleanByline(%q) = %q, %q; want %q, %q", tt.in, got, c, tt.want, tt.credits)
		}
	}
}

func TestChrome(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Accessibility links", true},
		{"Breaking News", true},
		{"16x9 Image", true},
		{"Image 3 of 12", true},
		{"Share", true},
		{"Share this article", true},
		{"Sign up for our newsletter", true},
		{"Advertisement", true},
		{"Home | World | Politics", true},
		{"CLICK HERE TO GET THE FOX NEWS APP", true},
		{"You may also like...", true},
		{"Shares of Apple rose 3% on Monday after the results.", false},
		{"Video shows dramatic rescue of 8-year-old girl", false},
		{"Homeland security officials met on Tuesday", false},
		{"Click here to get more information or download this game.", false},
		{"Putin, Assad Say Aleppo Takeover Makes Conditions Ripe For Peace", false},
	}
	for _, tt := range tests {
		if got := isChrome(tt.in); got != tt.want {
			t.Errorf("isChrome(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPlainRules(t *testing.T) {
	in := "Accessibility links\n\nBreaking News\n\nMinister Resigns Over Spending Row\n\n" +
		"A caption that repeats\nA caption that repeats\n\n" +
		"The minister resigned on Friday after a week of criticism over his department's spending on travel.\n\n" +
		"• Home\n• World\n\n" +
		"His deputy will take over until a successor is chosen, the prime minister's office said in a statement.\n\n" +
		"Share\n\n" +
		"Our journalists report from 40 countries. We provide news you can trust.\n"
	d := extractPlain(in)
	if d.title != "Minister Resigns Over Spending Row" {
		t.Errorf("title = %q", d.title)
	}
	want := []string{
		"The minister resigned on Friday after a week of criticism over his department's spending on travel.",
		"His deputy will take over until a successor is chosen, the prime minister's office said in a statement.",
	}
	if !reflect.DeepEqual(d.paras, want) {
		t.Errorf("paragraphs = %q, want %q", d.paras, want)
	}

	// Hard-wrapped text is joined; one paragraph per line stays apart.
	wrapped := "Title Of The Story Here\n\nThe first paragraph is wrapped at a fixed width as old\n" +
		"plain-text news wires do, and it goes on for a while so that\nthe lines are long.\n\n" +
		"Second paragraph is short.\n"
	d = extractPlain(wrapped)
	if len(d.paras) != 2 || d.paras[0] != "The first paragraph is wrapped at a fixed width as old plain-text news wires do, and it goes on for a while so that the lines are long." {
		t.Errorf("wrapped paragraphs = %q", d.paras)
	}
	perLine := "One paragraph per line, with no blank lines between them at all in the file.\n" +
		"A second paragraph follows on the very next line and it is also long enough to be body text, and even longer than the first one was.\n" +
		"A third one closes the story with a final sentence of reasonable length.\n"
	d = extractPlain(perLine)
	if len(d.paras) != 3 {
		t.Errorf("per-line paragraphs = %q, want 3", d.paras)
	}
}
