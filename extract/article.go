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
	language  string
	paras     []string
}

// creditTail is how many final paragraphs are checked for credit lines.
const creditTail = 3

// article assembles the final Article: credit lines at the end are moved
// from the text to Credits, paragraphs are joined by a blank line and
// recorded as byte spans, and the dateline, the date in the URL and the
// language are filled in when the page did not give them.
func (d *draft) article(p *eventwire.Page) *eventwire.Article {
	a := &eventwire.Article{URL: p.URL, Paragraphs: []text.Span{}}
	paras := make([]string, 0, len(d.paras))
	for _, para := range d.paras {
		if para = strings.TrimSpace(para); para != "" {
			paras = append(paras, para)
		}
	}
	credits := append([]string(nil), d.credits...)
	var tail []string
	lo := max(1, len(paras)-creditTail)
	for i := len(paras) - 1; i >= lo; i-- {
		if c, ok := creditLine(paras[i]); ok {
			tail = append(c, tail...)
			paras = append(paras[:i], paras[i+1:]...)
		}
	}
	if len(paras) > 0 {
		dl, agency := parseDateline(paras[0])
		a.Dateline = dl
		if agency != "" {
			credits = append([]string{agency}, credits...)
		}
	}
	byline, bylineCredits := cleanByline(d.byline)
	a.Byline = byline
	a.Credits = dedupeCredits(append(append(credits, bylineCredits...), tail...))

	var b strings.Builder
	for _, para := range paras {
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

	a.Language = d.language
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	if a.Language == "" {
		a.Language = normalizeLang(p.Hints.Language)
	}
	return a
}

// cleanSpace collapses runs of white space to one space and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
