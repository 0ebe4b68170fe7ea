package timex

import (
	"testing"
	"time"

	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/texttest"
)

// hw is a hand-parsed word: form, UPOS, XPOS, feats, head (1-based, 0
// for the root), relation.
type hw struct {
	form, upos, xpos, feats string
	head                    int
	dep                     string
}

func handParsed(t *testing.T, words ...hw) *text.Doc {
	t.Helper()
	ws := make([]texttest.Word, len(words))
	for i, x := range words {
		ws[i] = texttest.Word{Form: x.form, UPOS: x.upos, XPOS: x.xpos, Feats: x.feats, Head: x.head, Dep: x.dep}
	}
	return texttest.Doc(t, ws...)
}

// TestFindDocTense: the tree's tense decides the side of the reference
// (a Friday, 2016-12-23) a weekday or a month falls on.
func TestFindDocTense(t *testing.T) {
	tests := []struct {
		name  string
		words []hw
		value string
		verb  int
	}{
		{"past", []hw{{"They", "PRON", "PRP", "", 2, "nsubj"}, {"met", "VERB", "VBD", "Tense=Past", 0, "root"},
			{"on", "ADP", "IN", "", 4, "case"}, {"Wednesday", "PROPN", "NNP", "", 2, "obl"}}, "2016-12-21", 1},
		{"will", []hw{{"They", "PRON", "PRP", "", 3, "nsubj"}, {"will", "AUX", "MD", "", 3, "aux"}, {"meet", "VERB", "VB", "", 0, "root"},
			{"on", "ADP", "IN", "", 5, "case"}, {"Wednesday", "PROPN", "NNP", "", 3, "obl"}}, "2016-12-28", 2},
		{"is scheduled", []hw{{"It", "PRON", "PRP", "", 3, "nsubj:pass"}, {"is", "AUX", "VBZ", "Tense=Pres", 3, "aux:pass"},
			{"scheduled", "VERB", "VBN", "Tense=Past", 0, "root"}, {"for", "ADP", "IN", "", 5, "case"}, {"March", "PROPN", "NNP", "", 3, "obl"}}, "2017-03", 2},
		{"was killed", []hw{{"He", "PRON", "PRP", "", 3, "nsubj:pass"}, {"was", "AUX", "VBD", "Tense=Past", 3, "aux:pass"},
			{"killed", "VERB", "VBN", "Tense=Past", 0, "root"}, {"in", "ADP", "IN", "", 5, "case"}, {"March", "PROPN", "NNP", "", 3, "obl"}}, "2016-03", 2},
		{"has said", []hw{{"He", "PRON", "PRP", "", 3, "nsubj"}, {"has", "AUX", "VBZ", "Tense=Pres", 3, "aux"},
			{"said", "VERB", "VBN", "Tense=Past", 0, "root"}, {"on", "ADP", "IN", "", 5, "case"}, {"Wednesday", "PROPN", "NNP", "", 3, "obl"}}, "2016-12-21", 2},
		{"could", []hw{{"He", "PRON", "PRP", "", 3, "nsubj"}, {"could", "AUX", "MD", "", 3, "aux"},
			{"leave", "VERB", "VB", "", 0, "root"}, {"on", "ADP", "IN", "", 5, "case"}, {"Wednesday", "PROPN", "NNP", "", 3, "obl"}}, "2016-12-21", 2},
		{"noun in a past clause", []hw{{"He", "PRON", "PRP", "", 2, "nsubj"}, {"condemned", "VERB", "VBD", "Tense=Past", 0, "root"},
			{"the", "DET", "DT", "", 4, "det"}, {"attack", "NOUN", "NN", "", 2, "obj"}, {"on", "ADP", "IN", "", 6, "case"},
			{"Wednesday", "PROPN", "NNP", "", 4, "nmod"}}, "2016-12-21", 1},
	}
	ref := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := handParsed(t, tt.words...)
			es := FindDoc(d, ref)
			if len(es) != 1 {
				t.Fatalf("%d expressions: %+v", len(es), es)
			}
			last := len(tt.words) - 1
			if es[0].Value != tt.value || es[0].Verb != tt.verb || es[0].Head != last {
				t.Errorf("%q = %s verb %d head %d, want %s verb %d head %d", es[0].Text, es[0].Value, es[0].Verb, es[0].Head, tt.value, tt.verb, last)
			}
		})
	}
}

func TestFindMore(t *testing.T) {
	tests := []struct{ in, expr, value, mod string }{
		{"Born on Sept. 5, 1935, he", "Sept. 5, 1935", "1935-09-05", ""},
		{"It ended on Wednesday, December 21, 2016.", "Wednesday, December 21, 2016", "2016-12-21", ""},
		{"It ended the day before yesterday.", "the day before yesterday", "2016-12-21", ""},
		{"It began earlier this year.", "earlier this year", "2016", ""},
		{"He has led it since 2015.", "2015", "2015", "since"},
		{"Last year August 8 was a happy day.", "August 8", "2015-08-08", ""},
		{"They will meet this weekend.", "this weekend", "2016-W51", ""},
		{"The vote is due on Tuesday.", "Tuesday", "2016-12-27", ""},
		{"Fighting stopped in late November.", "late November", "2016-11", ""},
		{"It was signed in March 2015 and in 2017–2018.", "2018", "2018", ""},
		{"It will take effect in January.", "January", "2017-01", ""},
		{"It took effect in January.", "January", "2016-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			for _, e := range Find(tt.in, ref) {
				if e.Text == tt.expr {
					if e.Value != tt.value || e.Mod != tt.mod {
						t.Errorf("%q = %s mod %q, want %s mod %q", e.Text, e.Value, e.Mod, tt.value, tt.mod)
					}
					return
				}
			}
			t.Errorf("%q not found in %+v", tt.expr, Find(tt.in, ref))
		})
	}
}
