package extract

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/eventwire/eventwire"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// maxDepth bounds element nesting. The HTML libraries walk the tree
// recursively, and a hostile page of a million nested <div>s would exhaust
// the stack, which no recover can catch; real pages stay far below.
const maxDepth = 1024

// extractHTML runs go-trafilatura on the page and the news layer on its
// result.
func (x *Extractor) extractHTML(src, pageURL string) (*draft, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	if d := depth(doc); d > maxDepth {
		return nil, fmt.Errorf("html nested %d deep, limit %d: %w", d, maxDepth, eventwire.ErrUnsupported)
	}
	meta := readMeta(doc)
	opts := trafilatura.Options{
		EnableFallback:  !x.opts.NoFallback,
		ExcludeComments: true,
		// The news layer reads dates from meta tags, JSON-LD, <time> and the
		// URL; go-htmldate's whole-page scan costs more than the rest of
		// the extraction together.
		HtmlDateMode: trafilatura.Disabled,
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
		language: normalizeLang(res.Metadata.Language),
		paras:    strings.Split(res.ContentText, "\n"),
	}
	if d.language == "" {
		d.language = normalizeLang(meta.lang)
	}
	if d.byline == "" && len(meta.authors) > 0 {
		d.byline = strings.Join(meta.authors, ", ")
	}
	for _, c := range meta.published {
		if d.published = normalizeDate(c); d.published != "" {
			break
		}
	}
	if d.published == "" && !res.Metadata.Date.IsZero() {
		d.published = res.Metadata.Date.Format("2006-01-02")
	}
	return d, nil
}

// depth returns the maximum element nesting of n, without recursion.
func depth(n *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	maxd := 0
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > maxd {
			maxd = it.d
			if maxd > maxDepth {
				return maxd
			}
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return maxd
}
