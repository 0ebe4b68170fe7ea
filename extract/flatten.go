package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Why flatten: golang.org/x/net/html refuses a document with more than 512
// open elements ("open stack of elements exceeds 512 nodes"), and the tree
// walks after it (ours, go-trafilatura's) recurse. Pages of generated
// wrappers (a builder's nested <div>s, a hostile page) go deeper while
// their text is ordinary. Such a page is parsed again without the wrappers
// in the middle of its deep nesting: the outer layout and the article with
// its paragraphs keep their elements, and no text is dropped.

// maxMatch bounds how far down the open elements an end tag looks for its
// start tag, so that stray end tags cost a constant each and the pass stays
// linear; an end tag whose start is deeper is taken as stray.
const maxMatch = 64

// flatten returns src without the start and end tags of the elements in
// the middle of any nesting deeper than top+bottom+1: along every path from
// the root, it keeps the top outermost elements and the elements whose
// subtree is at most bottom deep (the article, its paragraphs, links,
// scripts), and drops the tags of the elements between, keeping their
// content. It reads src with the tokenizer twice, in linear time: first to
// measure each element's subtree, then to write what is kept.
//
// The nesting is the tokenizer's, with the parser's common implicit ends
// (a block closes an open <p>, an <li> the <li> before it...); it can
// differ from the parser's tree, so the caller parses the result and
// checks its depth.
func flatten(src string, top, bottom int) string {
	// Pass 1: the height of each element's subtree, by start tag order.
	var heights []int32
	var n nesting
	n.closed = func(o *openElement) { heights[o.id] = o.low - o.depth }
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if n.start(name, tt == html.SelfClosingTagToken) {
				heights = append(heights, 0)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n.end(name)
		}
	}
	n.closeAll()

	// Pass 2: the same nesting; write every token but the dropped tags.
	var out strings.Builder
	out.Grow(len(src))
	n = nesting{}
	z = html.NewTokenizer(strings.NewReader(src))
	var id int32
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw() // before TagName, which lowercases it in place
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if n.start(name, tt == html.SelfClosingTagToken) {
				o := &n.stack[len(n.stack)-1]
				o.keep = int(o.depth) <= top || int(heights[id]) <= bottom
				id++
				if !o.keep {
					continue
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if o, ok := n.end(name); ok && !o.keep {
				continue
			}
		}
		out.Write(raw)
	}
	return out.String()
}

// openElement is an element of nesting's stack.
type openElement struct {
	a     atom.Atom
	name  string // when a is 0 (a name atom does not know)
	id    int32  // order of its start tag among those pushed
	depth int32  // 1 for an element at the top
	low   int32  // the deepest depth in its subtree
	keep  bool
}

// nesting follows the open elements of a token stream.
type nesting struct {
	stack   []openElement
	foreign int // open <svg> and <math>, where <x/> opens nothing
	n       int32
	closed  func(*openElement) // called as each element is closed
}

// start opens the element of a start tag, after the implicit ends it
// makes; it reports whether the tag opens an element.
func (n *nesting) start(name []byte, selfClosing bool) bool {
	a := atom.Lookup(name)
	if selfClosing && (n.foreign > 0 || a == atom.Svg || a == atom.Math) {
		return false
	}
	n.implicitEnd(a)
	if void[a] {
		return false
	}
	o := openElement{a: a, id: n.n, depth: int32(len(n.stack) + 1)}
	if a == 0 {
		o.name = string(name)
	}
	o.low = o.depth
	n.stack = append(n.stack, o)
	n.n++
	if a == atom.Svg || a == atom.Math {
		n.foreign++
	}
	return true
}

// implicitEnd closes what a start tag of a closes when it is the current
// element.
func (n *nesting) implicitEnd(a atom.Atom) {
	if closesP[a] {
		n.popIf(atom.P)
	}
	switch a {
	case atom.Li:
		n.popIf(atom.Li)
	case atom.Dd, atom.Dt:
		n.popIf(atom.Dd, atom.Dt)
	case atom.Option:
		n.popIf(atom.Option)
	case atom.Optgroup:
		n.popIf(atom.Option)
		n.popIf(atom.Optgroup)
	case atom.Tr:
		n.popIf(atom.Td, atom.Th)
		n.popIf(atom.Tr)
	case atom.Td, atom.Th:
		n.popIf(atom.Td, atom.Th)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		n.popIf(atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	}
}

// popIf closes the current element if it is one of as.
func (n *nesting) popIf(as ...atom.Atom) {
	if len(n.stack) == 0 {
		return
	}
	for _, a := range as {
		if n.stack[len(n.stack)-1].a == a {
			n.pop()
			return
		}
	}
}

// end closes the element of an end tag, and those opened inside it; it
// returns that element, or false for a stray end tag.
func (n *nesting) end(name []byte) (openElement, bool) {
	a := atom.Lookup(name)
	if a == atom.Html || a == atom.Body || void[a] {
		return openElement{}, false // the parser keeps them open
	}
	for i := len(n.stack) - 1; i >= 0 && i >= len(n.stack)-maxMatch; i-- {
		o := n.stack[i]
		if o.a == a && (a != 0 || o.name == string(name)) {
			for len(n.stack) > i+1 {
				n.pop()
			}
			n.pop()
			return o, true
		}
	}
	return openElement{}, false
}

func (n *nesting) pop() {
	o := &n.stack[len(n.stack)-1]
	if n.closed != nil {
		n.closed(o)
	}
	if o.a == atom.Svg || o.a == atom.Math {
		n.foreign--
	}
	if len(n.stack) > 1 {
		parent := &n.stack[len(n.stack)-2]
		parent.low = max(parent.low, o.low)
	}
	n.stack = n.stack[:len(n.stack)-1]
}

// closeAll closes the elements left open at the end.
func (n *nesting) closeAll() {
	for len(n.stack) > 0 {
		n.pop()
	}
}

// void are the elements that have no end tag and no content.
var void = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Keygen: true, atom.Link: true,
	atom.Meta: true, atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// closesP are the start tags that close an open <p>.
var closesP = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Ul: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
}
