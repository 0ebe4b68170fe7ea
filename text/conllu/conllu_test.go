package conllu

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

const sample = `# sent_id = x-1
# text = I don't know Elena's dog.
1	I	I	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	_
5-6	Elena's	_	_	_	_	_	_	_	_
5	Elena	Elena	PROPN	NNP	_	7	nmod:poss	_	_
6	's	's	PART	POS	_	5	case	_	_
7	dog	dog	NOUN	NN	_	4	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadOffsets(t *testing.T) {
	s, err := NewReader(strings.NewReader(sample)).Next()
	if err != nil {
		t.Fatal(err)
	}
	d := s.Doc
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	want := []string{"I", "do", "n't", "know", "Elena", "'s", "dog", "."}
	if len(d.Tokens) != len(want) {
		t.Fatalf("got %d tokens", len(d.Tokens))
	}
	for i, w := range want {
		tok := d.Tokens[i]
		if got := d.Text[tok.Start:tok.End]; got != w {
			t.Errorf("token %d: text %q want %q", i, got, w)
		}
	}
	if len(d.MWTs) != 2 || d.MWTs[0].Start != 1 || d.MWTs[0].End != 3 {
		t.Errorf("MWTs = %v", d.MWTs)
	}
	if d.Tokens[3].Head != -1 || d.Tokens[0].Head != 3 || d.Tokens[4].Dep != "nmod:poss" {
		t.Errorf("heads/deps wrong: %+v", d.Tokens[:5])
	}
	if d.SpaceAfter(6) || !d.SpaceAfter(3) || d.SpaceAfter(1) {
		t.Errorf("SpaceAfter wrong")
	}
}

func TestRoundTrip(t *testing.T) {
	s, err := NewReader(strings.NewReader(sample)).Next()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, s.Doc, "x-"); err != nil {
		t.Fatal(err)
	}
	s2, err := NewReader(&buf).Next()
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if s2.Text != s.Text || len(s2.Doc.Tokens) != len(s.Doc.Tokens) {
		t.Fatalf("round trip changed sentence: %q", s2.Text)
	}
	for i := range s.Doc.Tokens {
		a, b := s.Doc.Tokens[i], s2.Doc.Tokens[i]
		if a != b {
			t.Errorf("token %d: %+v != %+v", i, a, b)
		}
	}
}

func TestErrors(t *testing.T) {
	for name, in := range map[string]string{
		"fields":    "1\tx\n\n",
		"sequence":  "2\tx\tx\tX\t_\t_\t0\troot\t_\t_\n\n",
		"head":      "1\tx\tx\tX\t_\t_\t5\troot\t_\t_\n\n",
		"range":     "1-5\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\t_\t_\t0\troot\t_\t_\n\n",
		"self head": "1\tx\tx\tX\t_\t_\t0\troot\t_\t_\n2\ty\ty\tX\t_\t_\t2\tdep\t_\t_\n\n",
		"overlapping ranges": "1-2\txy\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\t_\t_\t0\troot\t_\t_\n" +
			"2-3\tyz\t_\t_\t_\t_\t_\t_\t_\t_\n2\ty\ty\tX\t_\t_\t1\tdep\t_\t_\n3\tz\tz\tX\t_\t_\t1\tdep\t_\t_\n\n",
		"one-word range": "1-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\t_\t_\t0\troot\t_\t_\n\n",
		"empty form":     "1\t\tx\tX\t_\t_\t0\troot\t_\t_\n\n",
		"blank form":     "1\t \u00a0\tx\tX\t_\t_\t0\troot\t_\t_\n\n",
		// Found by FuzzEvaluate (internal/eval/ud): a token of no
		// characters left its words nothing to align by.
		"empty range form": "1-2\t\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\t_\t_\t0\troot\t_\t_\n2\ty\ty\tX\t_\t_\t1\tdep\t_\t_\n\n",
	} {
		_, err := NewReader(strings.NewReader(in)).Next()
		if _, ok := err.(*Error); !ok {
			t.Errorf("%s: got %v, want *Error", name, err)
		}
	}
	// After a bad sentence the reader goes on with the next one.
	r := NewReader(strings.NewReader("1\tx\n\n" + sample))
	if _, err := r.Next(); err == nil {
		t.Fatal("want error")
	}
	if s, err := r.Next(); err != nil || len(s.Doc.Tokens) != 8 {
		t.Fatalf("recovery: %v", err)
	}
}

func TestEWTTrain(t *testing.T) {
	f, err := os.Open(shared.Data(t, "ud", "en_ewt", "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2001 {
		t.Errorf("dev sentences = %d, want 2001", len(ss))
	}
	words, fallback := 0, 0
	for _, s := range ss {
		if err := s.Doc.Validate(); err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		words += len(s.Doc.Tokens)
		if s.Doc.Text != s.Text {
			fallback++
		}
	}
	if words != 25147 {
		t.Errorf("dev words = %d, want 25147", words)
	}
	if fallback != 0 {
		t.Errorf("%d sentences did not align with their # text", fallback)
	}
}

func FuzzReader(f *testing.F) {
	f.Add(sample)
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in))
		for i := 0; i < 1000; i++ {
			s, err := r.Next()
			if err != nil {
				if _, ok := err.(*Error); ok {
					continue
				}
				return
			}
			if err := s.Doc.Validate(); err != nil {
				t.Fatalf("invalid doc: %v", err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, s.Doc, "f-"); err != nil {
				t.Fatal(err)
			}
			// What Write wrote reads back as a valid sentence with as many
			// words.
			back, err := NewReader(&buf).Next()
			if err != nil {
				t.Fatalf("re-reading written sentence: %v\n%s", err, buf.String())
			}
			if err := back.Doc.Validate(); err != nil {
				t.Fatalf("re-read doc invalid: %v", err)
			}
			if len(back.Doc.Tokens) != len(s.Doc.Tokens) {
				t.Fatalf("re-read %d words, wrote %d", len(back.Doc.Tokens), len(s.Doc.Tokens))
			}
		}
	})
}

func TestErrorList(t *testing.T) {
	in := "1\tx\n\n" + sample + "2\tx\tx\tX\t_\t_\t0\troot\t_\t_\n\n"
	sents, err := NewReader(strings.NewReader(in)).Named("bad.conllu").ReadAll()
	if len(sents) != 1 {
		t.Errorf("got %d good sentences, want 1", len(sents))
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("err = %v, want an ErrorList of 2", err)
	}
	if !strings.HasPrefix(list[0].Error(), "bad.conllu:1: ") {
		t.Errorf("first error %q, want it at bad.conllu:1", list[0])
	}
	if list[1].File != "bad.conllu" || list[1].Line <= list[0].Line {
		t.Errorf("second error %+v, want bad.conllu after line %d", list[1], list[0].Line)
	}
	if !strings.Contains(err.Error(), "\n") {
		t.Errorf("ErrorList.Error() = %q, want one problem per line", err)
	}
}
