package conllu

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/text"
)

func TestDocuments(t *testing.T) {
	in := strings.Join([]string{
		"# newdoc id = d1",
		"# newpar id = p1",
		"# text = Hi there.",
		"1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_",
		"2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No",
		"3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\tSpaceAfter=No", // glued to the next sentence
		"",
		"# text = Bye.",
		"1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No",
		"2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_",
		"",
		"# newpar id = p2",
		"# text = New par.",
		"1\tNew\tnew\tADJ\tJJ\t_\t2\tamod\t_\t_",
		"2\tpar\tpar\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No",
		"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
		"",
		"# newdoc id = d2",
		"# text = Two.",
		"1\tTwo\ttwo\tNUM\tCD\t_\t0\troot\t_\tSpaceAfter=No",
		"2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_",
		"", "",
	}, "\n")
	sents, err := ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !sents[0].NoSpaceAfter || sents[1].NoSpaceAfter {
		t.Errorf("NoSpaceAfter = %v, %v; want true, false", sents[0].NoSpaceAfter, sents[1].NoSpaceAfter)
	}
	docs := Documents(sents)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if want := "Hi there.Bye.\n\nNew par."; docs[0].Text != want {
		t.Errorf("doc 1 text %q, want %q", docs[0].Text, want)
	}
	wantSpans := []text.Span{{Start: 0, End: 9}, {Start: 9, End: 13}, {Start: 15, End: 23}}
	if len(docs[0].Spans) != 3 {
		t.Fatalf("doc 1 spans %v, want %v", docs[0].Spans, wantSpans)
	}
	for i, sp := range wantSpans {
		if docs[0].Spans[i] != sp {
			t.Errorf("doc 1 span %d = %v, want %v", i, docs[0].Spans[i], sp)
		}
	}
	if docs[1].Text != "Two." || len(docs[1].Sents) != 1 {
		t.Errorf("doc 2 = %q with %d sentences, want \"Two.\" with 1", docs[1].Text, len(docs[1].Sents))
	}
}
