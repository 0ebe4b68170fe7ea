package extract

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the news metadata a page declares in its markup, read in one
// walk over the parsed tree before content extraction.
type pageMeta struct {
	// published holds candidate publication dates, best source first.
	published []string
	authors   []string
	lang      string
}

// date sources in order of trust: explicit article metadata first, then
// structured data, then generic meta names, then <time> elements.
const (
	rankArticleMeta = iota
	rankJSONLD
	rankItemprop
	rankGenericMeta
	rankTime
	nRanks
)

// metaDateNames maps lower-cased <meta> property/name/itemprop values that
// carry a publication date to their rank.
func metaDateRank(key string) (int, bool) {
	switch key {
	case "article:published_time", "og:published_time", "article:published", "published_time",
		"datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
		"parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
		"dcterms.created", "dc.date.created", "citation_publication_date", "article.published",
		"cxenseparse:recs:publishtime", "originalpublicationdate", "date.available":
		return rankArticleMeta, true
	case "date", "dc.date", "dcterms.date", "creation_date", "timestamp", "displaydate":
		return rankGenericMeta, true
	}
	return 0, false
}

func metaAuthorKey(key string) bool {
	switch key {
	case "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author":
		return true
	}
	return false
}

// readMeta walks doc once and collects dates, authors and the language.
func readMeta(doc *html.Node) *pageMeta {
	ranked := make([][]string, nRanks)
	m := &pageMeta{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if l := attr(n, "lang"); l != "" {
					m.lang = l
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := attr(n, "content")
				if content == "" {
					content = attr(n, "datetime")
				}
				if content != "" {
					if r, ok := metaDateRank(key); ok {
						if key == "datepublished" {
							r = rankItemprop
						}
						ranked[r] = append(ranked[r], content)
					} else if metaAuthorKey(key) && !strings.Contains(content, "://") {
						m.authors = append(m.authors, content)
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &ranked[rankJSONLD], &m.authors)
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Time:
				dt := attr(n, "datetime")
				if dt != "" {
					r := rankTime
					if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
						r = rankItemprop
					}
					ranked[r] = append(ranked[r], dt)
				}
			default:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if v := firstNonEmpty(attr(n, "content"), attr(n, "datetime")); v != "" {
						ranked[rankItemprop] = append(ranked[rankItemprop], v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for _, r := range ranked {
		m.published = append(m.published, r...)
	}
	return m
}

// readJSONLD collects datePublished and author names from a JSON-LD
// script, looking through @graph arrays and nested objects.
func readJSONLD(src string, dates, authors *[]string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 16 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				visit(e, depth+1)
			}
		case map[string]any:
			if s, ok := t["datePublished"].(string); ok && s != "" {
				*dates = append(*dates, s)
			}
			if a, ok := t["author"]; ok {
				*authors = append(*authors, jsonNames(a)...)
			}
			for k, e := range t {
				if k == "author" || k == "publisher" {
					continue
				}
				if _, ok := e.(string); !ok {
					visit(e, depth+1)
				}
			}
		}
	}
	visit(v, 0)
}

// jsonNames returns the names in a JSON-LD author value: a string, a
// Person object, or an array of either.
func jsonNames(v any) []string {
	switch t := v.(type) {
	case string:
		if t != "" && !strings.Contains(t, "://") {
			return []string{t}
		}
	case map[string]any:
		if s, ok := t["name"].(string); ok && s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, jsonNames(e)...)
		}
		return out
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
