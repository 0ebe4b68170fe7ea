package conflibert_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/eval/conflibert"
)

// FuzzReadClasses: any input gives sentences and/or an error, never a
// panic; every sentence has UTF-8 text, a class 0-4 and a line.
func FuzzReadClasses(f *testing.F) {
	f.Add("Freedonia shelled Sylvania.\t4\n\"A \"\"b\"\".\"\t0\r\n\t1\nx\t9\n")
	f.Add("\ufeff\"\"\t2\n\"\t3")
	f.Add("a\tb\tc\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, _ := conflibert.ReadClasses(strings.NewReader(in), "c.tsv")
		for _, s := range ss {
			if s.Text == "" || !utf8.ValidString(s.Text) || s.Class < 0 || s.Class > 4 || s.Line < 1 {
				t.Fatalf("bad sentence %+v", s)
			}
		}
	})
}

// FuzzReadNER: any input gives tagged sentences and/or an error, never a
// panic; every sentence has words with text and a known tag.
func FuzzReadNER(f *testing.F) {
	f.Add("Freedonia B-S\n's I-S\nshelled O\nSylvania B-T\n\nagain O\n")
	f.Add("x B-X\n\n O\nnotag\n\ty\tI-R \n")
	f.Fuzz(func(t *testing.T, in string) {
		ts, _ := conflibert.ReadNER(strings.NewReader(in), "n.txt")
		for _, s := range ts {
			if len(s.Words) == 0 || s.Line < 1 {
				t.Fatalf("bad sentence %+v", s)
			}
			for _, w := range s.Words {
				if w.Text == "" || w.Tag == "" {
					t.Fatalf("bad word %+v", w)
				}
			}
		}
	})
}

// FuzzAlign: words split from a sentence by spaces always align to it,
// each word's span lies in the sentence, in order, and holds the word's
// key; chunks lie in the sentence too. Any other pair never panics.
func FuzzAlign(f *testing.F) {
	f.Add("Şahin’s army shelled “Sylvania”.", "B-S I-S O B-T")
	f.Add("ﬁne ½ \xff Ǆ", "I-T B-R")
	f.Fuzz(func(t *testing.T, s, tagLine string) {
		tags := strings.Fields(tagLine)
		var ws []conflibert.Word
		for i, f := range strings.Fields(s) {
			tag := "O"
			if len(tags) > 0 {
				tag = tags[i%len(tags)]
			}
			ws = append(ws, conflibert.Word{Text: f, Tag: tag})
		}
		spans, ok := conflibert.Align(s, ws)
		if !ok {
			t.Fatalf("words of %q do not align", s)
		}
		last := int32(0)
		for i, sp := range spans {
			if sp.End <= sp.Start {
				continue
			}
			if sp.Start < last || int(sp.End) > len(s) {
				t.Fatalf("span %d %+v out of order or range in %q", i, sp, s)
			}
			if conflibert.Key(s[sp.Start:sp.End]) != conflibert.Key(ws[i].Text) {
				t.Fatalf("span %d holds %q for word %q", i, s[sp.Start:sp.End], ws[i].Text)
			}
			last = sp.End
		}
		ch := conflibert.Chunks(ws, spans)
		for _, c := range append(append(ch.Source, ch.Target...), ch.Related...) {
			if c.Start < 0 || c.End <= c.Start || int(c.End) > len(s) {
				t.Fatalf("chunk %+v out of %q", c, s)
			}
		}
		_, _ = conflibert.Align(tagLine, ws)
	})
}
