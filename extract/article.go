package extract

import (
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// draft is an article before its text is assembled: the stages fill what
// they know and article() completes the rest from the paragraphs.
type draft struct {
	title     string
	published string
	byline    string
	credits   []string
	dateline  string
	language  string
	paras     []string
}

// article assembles the final Article: paragraphs joined by a blank line,
// their byte spans, and the news metadata the body itself carries (credits,
// dateline, date in the URL, language) when the page did not give it.
func (d *draft) article(p *eventwire.Page) *eventwire.Article {
	a := &eventwire.Article{URL: p.URL, Credits: []string{}, Paragraphs: []text.Span{}}
	var b strings.Builder
	for _, para := range d.paras {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(para)
		a.Paragraphs = append(a.Paragraphs, text.Span{Start: int32(start), End: int32(b.Len())})
	}
	a.Text = b.String()

	a.Title = cleanSpace(d.title)
	if a.Title == "" {
		a.Title = cleanSpace(p.Hints.Title)
	}
	a.Published = d.published
	if a.Published == "" {
		a.Published = normalizeDate(p.Hints.Published)
	}
	if a.Published == "" {
		a.Published = dateFromURL(p.URL)
	}
	a.Byline = cleanByline(d.byline)

	credits := append([]string(nil), d.credits...)
	if len(a.Paragraphs) > 0 {
		first := a.Text[a.Paragraphs[0].Start:a.Paragraphs[0].End]
		dl, agency := parseDateline(first)
		a.Dateline = dl
		if d.dateline != "" {
			a.Dateline = d.dateline
		}
		if agency != "" {
			credits = append(credits, agency)
		}
		for _, sp := range a.Paragraphs {
			credits = append(credits, creditsIn(a.Text[sp.Start:sp.End])...)
		}
	}
	a.Credits = dedupeCredits(credits)

	a.Language = d.language
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	if a.Language == "" {
		a.Language = p.Hints.Language
	}
	return a
}

// cleanSpace collapses runs of white space to one space and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
