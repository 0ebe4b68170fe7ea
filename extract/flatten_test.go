package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// texts returns the text of the tokens of src, run together.
func texts(src string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// TestFlatten checks flatten on hand-built pages: the text is all kept,
// the parsed tree is no deeper than top+bottom+1 (plus <html>, <body> and
// a text node; tables a third more, for the <tbody> the parser adds), the
// article's own tags are kept, and a page that is not deep comes out
// unchanged.
func TestFlatten(t *testing.T) {
	article := `<article><h1>Title</h1><p>First <b>para</b>.</p><ul><li>one<li>two</ul><p>Second para.<p>Third para.</article>`
	wrap := func(open, close string, n int) string {
		return strings.Repeat(open, n) + article + strings.Repeat(close, n)
	}
	tests := []struct {
		name      string
		src       string
		unchanged bool
		levels    int // parser levels per level of tags, in thirds
	}{
		{"shallow", "<html><body><nav>Home</nav>" + wrap("<div>", "</div>", 10) + "<footer>F</footer></body></html>", true, 3},
		{"divs", "<body><nav>Home</nav>" + wrap("<div>", "</div>", 3000) + "<footer>F</footer>", false, 3},
		{"unclosed spans", wrap(`<span class="x">`, "", 3000), false, 3},
		{"mixed with stray end tags", wrap("<section><div></i>", "</div></b></section>", 1500), false, 3},
		{"tables", wrap("<table><tr><td>", "</td></tr></table>", 1000), false, 4},
		{"custom elements", wrap("<x-box>", "</x-box>", 3000), false, 3},
		{"self-closing divs", wrap("<div/>", "", 3000), false, 3},
		{"svg inside", wrap("<div><svg><path/><g/></svg>", "</div>", 3000), false, 3},
	}
	const top, bottom = 20, 10
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flat := flatten(tt.src, top, bottom)
			if tt.unchanged && flat != tt.src {
				t.Errorf("flatten changed a shallow page:\n%s\n%s", tt.src, flat)
			}
			if got, want := texts(flat), texts(tt.src); got != want {
				t.Errorf("text %.200q, want %.200q", got, want)
			}
			doc, err := html.Parse(strings.NewReader(flat))
			if err != nil {
				t.Fatal(err)
			}
			if d, want := depth(doc), (top+bottom+1)*tt.levels/3+3; d > want {
				t.Errorf("depth %d after flattening, want at most %d", d, want)
			}
			for _, tag := range []string{"<article>", "<h1>", "<p>", "<b>", "<ul>", "<li>"} {
				if strings.Count(flat, tag) < strings.Count(article, tag) {
					t.Errorf("%s dropped from the article: %.300s", tag, flat[strings.Index(flat, "<article>"):])
				}
			}
		})
	}
}

// TestFlattenStrayEndTags: end tags that match no open element (each
// looks at most maxMatch elements down, so that a page of them costs a
// constant per tag) leave the nesting as it was: the divs around them are
// still flattened.
func TestFlattenStrayEndTags(t *testing.T) {
	for _, n := range []int{1000, 100000} {
		src := strings.Repeat("<div>", n) + strings.Repeat("</p></span>", n) + "text" + strings.Repeat("</div>", n)
		flat := flatten(src, 10, 10)
		if opened, closed := strings.Count(flat, "<div>"), strings.Count(flat, "</div>"); opened > 21 || closed != opened {
			t.Errorf("%d divs: %d start tags kept, %d end tags", n, opened, closed)
		}
	}
}
