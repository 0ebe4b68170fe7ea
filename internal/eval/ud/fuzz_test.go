package ud_test

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/ud"
	"github.com/eventwire/eventwire/text/conllu"
)

// FuzzEvaluate scores arbitrary CoNLL-U against arbitrary CoNLL-U (as
// "eventwire eval ud --system" does with user files): no panic, counts in
// range, and any treebank scored against itself is perfect.
func FuzzEvaluate(f *testing.F) {
	tab := func(s string) string { return strings.ReplaceAll(s, " | ", "\t") }
	f.Add(tab(dontGold), tab("1 | I | I | PRON | PRP | _ | 2 | nsubj | _ | _\n2 | don't | do | AUX | VBP | _ | 0 | root | _ | _\n3 | know | know | VERB | VB | _ | 2 | dep | _ | SpaceAfter=No\n4 | . | . | PUNCT | . | _ | 2 | punct | _ | _\n"))
	f.Add(tab("1-2 | ab | _ | _ | _ | _ | _ | _ | _ | _\n1 | a | a | X | _ | _ | 0 | root | _ | _\n2 | b | b | X | _ | _ | 1 | dep | _ | _\n"), tab("1 | a | a | X | _ | _ | 0 | root | _ | _\n2 | b | b | X | _ | _ | 1 | dep | _ | _\n"))
	f.Fuzz(func(t *testing.T, a, b string) {
		ta, oka := read(a)
		tb, okb := read(b)
		if !oka || !okb {
			return
		}
		sc, err := ud.Evaluate(ta, tb)
		if err == nil {
			for _, s := range []ud.Score{sc.Tokens, sc.Sentences, sc.Words, sc.UPOS, sc.UAS, sc.LAS} {
				if s.Correct < 0 || s.Correct > s.Gold || s.Correct > s.System {
					t.Fatalf("score out of range: %+v", s)
				}
			}
		}
		self, err := ud.Evaluate(ta, ta)
		if err != nil {
			t.Fatalf("treebank against itself: %v", err)
		}
		if self.Words.Correct != ta.Len() || self.LAS.Correct != ta.Len() {
			t.Fatalf("treebank against itself: words %+v, LAS %+v", self.Words, self.LAS)
		}
	})
}

func read(s string) (*ud.Treebank, bool) {
	sents, err := conllu.ReadAll(strings.NewReader(s))
	if err != nil || len(sents) == 0 {
		return nil, false
	}
	var tb ud.Treebank
	for _, x := range sents {
		tb.Add(x.Doc)
	}
	return &tb, true
}
