package extract

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/eventwire/eventwire"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractHTML runs go-trafilatura on the page and the news layer on its
// result.
func (x *Extractor) extractHTML(src, pageURL string) (*draft, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	opts := trafilatura.Options{
		EnableFallback:  !x.opts.NoFallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("%v: %w", err, eventwire.ErrNoContent)
	}
	d := &draft{
		title:    res.Metadata.Title,
		byline:   res.Metadata.Author,
		language: res.Metadata.Language,
		paras:    strings.Split(res.ContentText, "\n"),
	}
	if !res.Metadata.Date.IsZero() {
		d.published = res.Metadata.Date.Format("2006-01-02")
	}
	return d, nil
}
