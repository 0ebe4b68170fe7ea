package texttest_test

import (
	"testing"

	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/texttest"
)

func TestDoc(t *testing.T) {
	d := texttest.Doc(t,
		texttest.Word{Form: "Rebels", UPOS: "NOUN", XPOS: "NNS", Head: 2, Dep: "nsubj"},
		texttest.Word{Form: "attacked", UPOS: "VERB", XPOS: "VBD", Feats: "Tense=Past", Head: 0, Dep: "root"},
		texttest.Word{Form: "Aleppo", UPOS: "PROPN", XPOS: "NNP", Head: 2, Dep: "obj"})
	if d.Text != "Rebels attacked Aleppo" || len(d.Sents) != 1 {
		t.Fatalf("text %q, %d sentences", d.Text, len(d.Sents))
	}
	v := d.Tokens[1]
	if v.UPOS != text.VERB || v.Head != -1 || v.Lemma != "attacked" || d.Form(2) != "Aleppo" || d.Tokens[2].Head != 1 {
		t.Errorf("token %+v, object head %d", v, d.Tokens[2].Head)
	}
}
