package geo_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/text"
)

// FuzzLoad: any bytes as any of the loader's inputs give an error or a
// usable Gazetteer, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("C\tSY\tSYR\t163843\tSyria\tDamascus\tAS\t16906283\t34.7\t38.2\nP\t170063\tAleppo\t36.2\t37.16\tPPLA\tSY\t09\t2098210\tHalab|Haleb\n"), []byte("SY\t35\t38\n"))
	f.Add([]byte("A\tSY.09\t170062\tAleppo\t36\t37\t100\t\nB\tSY.09.1\tJabal Saman\t36\t37\t5\n"), []byte("@AF\t7\t21\nSY.09\tx\ty"))
	f.Add([]byte("P\t1\t\t999\t0\tPPL\tXX\t\t-1\t\n"), []byte("SY\tNaN\tInf"))
	f.Fuzz(func(t *testing.T, places, table []byte) {
		g, _ := geo.Load(bytes.NewReader(places), bytes.NewReader(table), bytes.NewReader(table), bytes.NewReader(table))
		if g == nil {
			return
		}
		for i := 0; i < g.Len() && i < 50; i++ {
			e := g.Entry(i)
			if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 {
				t.Fatalf("entry %d %+v out of range", i, e)
			}
			g.Lookup(e.Name)
		}
		d := wordDoc("Fighting in Aleppo , Syria and the Syrian city of Aleppo .")
		ps := g.Resolve(d, string(table))
		geo.Locate(d, ps, []eventwire.Event{{Evidence: eventwire.Evidence{Verb: text.Span{Start: d.Tokens[0].Start, End: d.Tokens[0].End}}}})
	})
}

// FuzzResolve: any text, tokenised on spaces and tagged by hand, gives
// places whose spans are inside the text, never a panic.
func FuzzResolve(f *testing.F) {
	f.Add("Rebels shelled the city of Aleppo , Syria , in the Kazakh capital Astana .", "ALEPPO, Syria")
	f.Add("U.S. U.S. UK Paris , Texas , Washington , D.C. Syrian territory", "")
	f.Add(strings.Repeat("Aleppo ", 3000), strings.Repeat(",", 100))
	g := load(f)
	f.Fuzz(func(t *testing.T, s, dateline string) {
		d := wordDoc(s)
		ps := g.Resolve(d, dateline)
		for _, p := range ps {
			if p.Span.Start < 0 || p.Span.End > int32(len(s)) || p.Span.Start > p.Span.End || s[p.Span.Start:p.Span.End] != p.Text {
				t.Fatalf("place %+v: bad span in %q", p, s)
			}
		}
		var spans []text.Span
		for _, tk := range d.Tokens {
			spans = append(spans, text.Span{Start: tk.Start, End: tk.End})
		}
		spans = append(spans, text.Span{Start: -1, End: 5}, text.Span{Start: 3, End: 1})
		if got := g.ResolveSpans(d, dateline, spans); len(got) != len(spans) {
			t.Fatalf("%d places for %d spans", len(got), len(spans))
		}
		evs := make([]eventwire.Event, 0, len(d.Tokens))
		for i, tk := range d.Tokens {
			evs = append(evs, eventwire.Event{Evidence: eventwire.Evidence{Verb: text.Span{Start: tk.Start, End: tk.End}, Target: spans[(i*7)%len(spans)]}})
		}
		geo.Locate(d, ps, evs)
	})
}

// wordDoc is a Doc of s cut at spaces: capitalised words are proper
// nouns, the rest nouns, each word hanging on the one before it; sentences
// end after ".".
func wordDoc(s string) *text.Doc {
	d := text.NewDoc(s)
	start := -1
	sent := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := s[start:i]
		tk := text.Token{Start: int32(start), End: int32(i), UPOS: text.NOUN, Head: -1, Dep: "root"}
		if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
			tk.UPOS = text.PROPN
		}
		if n := len(d.Tokens); n > sent {
			tk.Head, tk.Dep = int32(n-1), "nmod"
		}
		d.Tokens = append(d.Tokens, tk)
		if w == "." {
			d.Sents = append(d.Sents, text.Span{Start: int32(sent), End: int32(len(d.Tokens))})
			sent = len(d.Tokens)
		}
		start = -1
	}
	if sent < len(d.Tokens) {
		d.Sents = append(d.Sents, text.Span{Start: int32(sent), End: int32(len(d.Tokens))})
	}
	return d
}
