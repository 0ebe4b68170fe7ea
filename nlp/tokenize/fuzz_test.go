package tokenize_test

import (
	"slices"
	"testing"
	"unicode"

	"github.com/eventwire/eventwire/nlp/tokenize"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "Hello, world.", "ALEPPO, Syria (AP) — Dr. Smith didn't go to the U.S. last week.",
		"e-mail john@x.com http://a.b/c?d=1). :) ;-) ...?! ''quoted''", "soldiers' 1990's '90s #tag +1 3-5213",
		"\xff\xfe broken \xc3 utf8", "Inc.. L.P.. ,,,,", "a\n\nb\nc\r\nd", "’’‘‘“”", "(((((", "-- --- —— ==--",
	} {
		f.Add(s)
	}
	tk := tokenize.New()
	f.Fuzz(func(t *testing.T, s string) {
		d := tk.Tokenize(s)
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid doc: %v", err)
		}
		for i, tok := range d.Tokens {
			if tok.Start >= tok.End {
				t.Fatalf("word %d is empty: [%d,%d)", i, tok.Start, tok.End)
			}
			if tok.Form != "" {
				t.Fatalf("word %d has an explicit form %q: words should be substrings", i, tok.Form)
			}
			if i > 0 && tok.Start < d.Tokens[i-1].End {
				t.Fatalf("word %d [%d,%d) overlaps the previous one ending at %d", i, tok.Start, tok.End, d.Tokens[i-1].End)
			}
		}
		// Every non-space byte is in a token; no token holds white space.
		covered := make([]bool, len(s))
		for _, tok := range d.Tokens {
			for k := tok.Start; k < tok.End; k++ {
				covered[k] = true
			}
		}
		for i, r := range s {
			if !covered[i] && !unicode.IsSpace(r) && !unicode.IsControl(r) && r != 0x200B && r != 0xFEFF && r != 0x200C && r != 0x200D && r != 0x2060 {
				t.Fatalf("byte %d (%q) is in no token", i, r)
			}
			if covered[i] && (unicode.IsSpace(r) || unicode.IsControl(r)) {
				t.Fatalf("byte %d is white space inside a token", i)
			}
		}
		for _, m := range d.MWTs {
			if m.Len() < 2 {
				t.Fatalf("multi-word token %v has fewer than two words", m)
			}
		}
		if d2 := tk.Tokenize(s); !slices.Equal(d.Tokens, d2.Tokens) || !slices.Equal(d.Sents, d2.Sents) || !slices.Equal(d.MWTs, d2.MWTs) {
			t.Fatal("two runs gave different results")
		}
	})
}
