package petrarch

import (
	"strings"
	"testing"
)

// FuzzRead checks that no input makes Read or Doc panic, and that Doc's
// offsets always lie inside the text.
func FuzzRead(f *testing.F) {
	f.Add(small)
	f.Add("<V><Environment/><Sentence id=\"a\" date=\"19950101\"><Text>a b</Text><Parse>1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_</Parse></Sentence></V>")
	f.Add("<V><Sentence id=\"a\" date=\"19950101\"><Text>x</Text><Parse>1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_</Parse></Sentence></V>")
	f.Fuzz(func(t *testing.T, in string) {
		file, _ := Read(strings.NewReader(in), "fuzz.xml")
		for _, r := range file.Records {
			d, _, err := r.Doc()
			if err != nil {
				continue
			}
			for i, tok := range d.Tokens {
				if tok.Start < 0 || tok.End < tok.Start || int(tok.End) > len(d.Text) {
					t.Fatalf("token %d span [%d,%d) outside text of %d bytes", i, tok.Start, tok.End, len(d.Text))
				}
				if tok.Head < -1 || int(tok.Head) >= len(d.Tokens) {
					t.Fatalf("token %d head %d", i, tok.Head)
				}
			}
		}
	})
}
