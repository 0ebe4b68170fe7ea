package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

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
	doc, err := parseHTML(src)
	if err != nil {
		return nil, err
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
	}
	bl := dropRepeat(blocks(res.ContentNode))
	if len(bl) > 0 && bl[0].heading {
		d.title = pickTitle(d.title, bl[0].text)
	}
	d.title = stripSiteName(d.title, res.Metadata.Sitename, res.Metadata.Hostname)
	for _, b := range tidy(bl, d.title) {
		d.paras = append(d.paras, b.text)
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

// flattenDepth is the tree depth over which a page is parsed again with
// the middle of its nesting flattened (see flatten): go-trafilatura's time
// grows with depth times text (the same short article took 0.7 ms bare, 23
// ms inside 250 nested <div>s, 77 ms inside 500), and the parser refuses
// more than 512 open elements. Real pages stay far below.
const flattenDepth = 256

// parseHTML parses src. A page that the parser refuses as nested too deep,
// or whose tree is deeper than flattenDepth, is parsed again flattened to
// 129 levels, or, if the parser's tree is still too deep (implicit
// elements, misnested tags), to 33. Other pages are parsed once.
func parseHTML(src string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil && !strings.Contains(err.Error(), "open stack of elements exceeds") {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	d := 0
	if err == nil {
		if d = depth(doc); d <= flattenDepth {
			return doc, nil
		}
	}
	for _, keep := range []int{64, 16} {
		flat, ferr := html.Parse(strings.NewReader(flatten(src, keep, keep)))
		if ferr == nil && depth(flat) <= flattenDepth {
			return flat, nil
		}
	}
	switch {
	case err != nil:
		return nil, fmt.Errorf("parse html: %w, even with its nesting flattened: %w", err, eventwire.ErrUnsupported)
	case d > maxDepth:
		return nil, fmt.Errorf("html nested %d deep, limit %d, even with its nesting flattened: %w", d, maxDepth, eventwire.ErrUnsupported)
	}
	return doc, nil
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

// dropRepeat removes a last block that is all the blocks before it run
// together. go-trafilatura's baseline (used when a page has under 100
// characters of text) adds the page's whole text as one more <p> after the
// paragraphs it already collected, so short pages came out twice and their
// events were coded twice.
func dropRepeat(bl []block) []block {
	if len(bl) < 2 {
		return bl
	}
	var before strings.Builder
	for _, b := range bl[:len(bl)-1] {
		before.WriteString(noSpace(b.text))
	}
	if before.String() == noSpace(bl[len(bl)-1].text) {
		return bl[:len(bl)-1]
	}
	return bl
}

// noSpace returns s without its white space.
func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// block is one paragraph of the extracted content.
type block struct {
	text    string
	heading bool
}

// blocks turns go-trafilatura's content tree into paragraphs: every block
// element (p, h1-h6, li, blockquote, pre, tr, div) and every <br> ends one;
// table cells are separated by a space.
func blocks(root *html.Node) []block {
	var out []block
	var b strings.Builder
	heading := false
	lastDepth := -1
	flush := func() {
		if t := cleanSpace(b.String()); t != "" {
			out = append(out, block{text: t, heading: heading})
		}
		b.Reset()
		heading = false
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			// go-trafilatura trims the text around inline elements
			// ("<b>Summary</b>Studies"): like its own text output, put a
			// space where two words meet across an element boundary.
			if depth != lastDepth && b.Len() > 0 {
				prev, _ := utf8.DecodeLastRuneInString(b.String())
				next, _ := utf8.DecodeRuneInString(n.Data)
				if isAlnum(prev) && isAlnum(next) {
					b.WriteByte(' ')
				}
			}
			lastDepth = depth
			b.WriteString(n.Data)
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, depth+1)
			}
			return
		}
		switch n.Data {
		case "br", "hr":
			flush()
			return
		case "script", "style", "img", "graphic":
			return
		case "td", "th", "cell":
			b.WriteByte(' ')
		}
		blockLevel := isBlock(n.Data)
		if blockLevel {
			flush()
			heading = len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' || n.Data == "head"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if blockLevel {
			flush()
		}
	}
	walk(root, 0)
	flush()
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "head", "li", "item", "ul", "ol", "list", "dl", "dt", "dd",
		"blockquote", "quote", "pre", "code", "tr", "row", "table", "section", "article", "figure", "figcaption",
		"header", "footer", "aside", "main", "body", "summary", "details", "address":
		return true
	}
	return false
}

// sameText reports whether two strings are the same headline: equal
// ignoring case, space and punctuation, or one a prefix of the other (a
// <title> often adds " | Site").
func sameText(a, b string) bool {
	na, nb := letters(a), letters(b)
	if na == "" || nb == "" {
		return false
	}
	return na == nb || len(na) >= 20 && strings.HasPrefix(nb, na) || len(nb) >= 20 && strings.HasPrefix(na, nb)
}

func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pickTitle prefers the article's own heading to the page title when the
// title contains it: "<h1>Best tech gadgets of 2019</h1>" over
// "Best tech gadgets of 2019 | ZDNet".
func pickTitle(title, heading string) string {
	h := letters(heading)
	if len(h) >= 10 && len(heading) <= 300 && strings.Contains(letters(title), h) {
		return heading
	}
	if title == "" && len(strings.Fields(heading)) >= 3 {
		return heading
	}
	return title
}

// titleSeparators divide a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// stripSiteName removes the site's name from either end of a title
// ("Meal Prep | The Beachbody Blog", "LinkNaija | Nigeria's news"). The
// name must match the declared site name or the host name.
func stripSiteName(title, site, host string) string {
	names := []string{letters(site), letters(strings.TrimPrefix(host, "www."))}
	if i := strings.LastIndexByte(host, '.'); i > 0 {
		h := strings.TrimPrefix(host[:i], "www.")
		names = append(names, letters(h))
	}
	isSite := func(part string) bool {
		p := letters(part)
		if p == "" || len(strings.Fields(part)) > 6 {
			return false
		}
		for _, n := range names {
			if n != "" && (p == n || strings.Contains(p, n) && len(p) <= len(n)+10 || strings.Contains(n, p) && len(p) >= 4) {
				return true
			}
		}
		return false
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && isSite(title[i+len(sep):]) {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && isSite(title[:i]) && len(strings.Fields(title[i+len(sep):])) >= 3 {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}
