package parse

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

func handBuilt() []*text.Doc {
	return []*text.Doc{
		tree([]string{"Putin", "met", "Assad", "."}, []string{"NNP", "VBD", "NNP", "."}, []int{2, 0, 2, 2}, []string{"nsubj", "root", "obj", "punct"}),
		tree([]string{"The", "dog", "barked", "."}, []string{"DT", "NN", "VBD", "."}, []int{2, 3, 0, 3}, []string{"det", "nsubj", "root", "punct"}),
		tree([]string{"Rebels", "attacked", "the", "city", "."}, []string{"NNS", "VBD", "DT", "NN", "."}, []int{2, 0, 4, 2, 2}, []string{"nsubj", "root", "det", "obj", "punct"}),
		tree([]string{"He", "was", "killed", "."}, []string{"PRP", "VBD", "VBN", "."}, []int{3, 3, 0, 3}, []string{"nsubj:pass", "aux:pass", "root", "punct"}),
	}
}

func TestTrainParsesHandBuiltDocs(t *testing.T) {
	docs := handBuilt()
	p, err := Train(docs, TrainOptions{Epochs: 10, Seed: 1, Prune: -1})
	if err != nil {
		t.Fatal(err)
	}
	d := tree([]string{"Assad", "met", "Putin", "."}, []string{"NNP", "VBD", "NNP", "."}, []int{0, 0, 0, 0}, []string{"", "", "", ""})
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrXPOS
	if err := p.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		head int32
		rel  text.DepRel
	}{{1, "nsubj"}, {-1, "root"}, {1, "obj"}, {1, "punct"}}
	for i, w := range want {
		if got := d.Tokens[i]; got.Head != w.head || got.Dep != w.rel {
			t.Errorf("%s: head %d %s, want %d %s", d.Form(i), got.Head, got.Dep, w.head, w.rel)
		}
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
}

func TestParseGivesOneRootPerSentence(t *testing.T) {
	p, err := Train(handBuilt(), TrainOptions{Epochs: 3, Prune: -1})
	if err != nil {
		t.Fatal(err)
	}
	// Two sentences, one of them long and odd, one a single token.
	forms := []string{"x", "y", "z", "the", "the", "the", ".", ",", "met", "Assad", "!"}
	d := tree(forms, []string{"NN", "NN", "NN", "DT", "DT", "DT", ".", ",", "VBD", "NNP", "."}, make([]int, len(forms)), make([]string, len(forms)))
	d.Sents = []text.Span{{Start: 0, End: 10}, {Start: 10, End: 11}}
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrXPOS
	if err := p.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for s, sp := range d.Sents {
		roots := 0
		for i := sp.Start; i < sp.End; i++ {
			if d.Tokens[i].Head < 0 {
				roots++
				if d.Tokens[i].Dep != text.Root {
					t.Errorf("root word %d labelled %q", i, d.Tokens[i].Dep)
				}
			} else if d.Tokens[i].Dep == text.Root {
				t.Errorf("non-root word %d labelled root", i)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d: %d roots, want 1", s, roots)
		}
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	var out [2]bytes.Buffer
	for i := range out {
		p, err := Train(handBuilt(), TrainOptions{Epochs: 4, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Save(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatal("two trainings with the same seed gave different bytes")
	}
	p, err := Load(bytes.NewReader(out[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	p.Save(&again)
	if !bytes.Equal(again.Bytes(), out[0].Bytes()) {
		t.Fatal("Load then Save changed the bytes")
	}
}

func TestLoadRejectsCorruptModels(t *testing.T) {
	p, err := Train(handBuilt(), TrainOptions{Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var good bytes.Buffer
	p.Save(&good)
	b := good.Bytes()
	flipped := bytes.Clone(b)
	flipped[len(flipped)/2] ^= 0x55
	for name, in := range map[string][]byte{"empty": nil, "truncated": b[:len(b)-9], "flipped": flipped, "text": []byte("model")} {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(in)); !errors.Is(err, perceptron.ErrFormat) {
				t.Fatalf("Load = %v, want an ErrFormat error", err)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	p, err := Train(handBuilt(), TrainOptions{Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	var good bytes.Buffer
	p.Save(&good)
	f.Add(good.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Load(bytes.NewReader(b))
		if err != nil {
			return
		}
		d := tree([]string{"a", "b", "c"}, []string{"NN", "VB", "NN"}, []int{0, 0, 0}, []string{"", "", ""})
		d.Attrs = text.AttrTokens | text.AttrSents | text.AttrXPOS
		if err := p.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLongSentenceWithBeam(t *testing.T) {
	p, err := Train(handBuilt(), TrainOptions{Epochs: 2, Prune: -1})
	if err != nil {
		t.Fatal(err)
	}
	const n = 5000
	forms := make([]string, n)
	xpos := make([]string, n)
	for i := range forms {
		forms[i], xpos[i] = "word", "NN"
		if i%7 == 3 {
			forms[i], xpos[i] = "met", "VBD"
		}
	}
	d := tree(forms, xpos, make([]int, n), make([]string, n))
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrXPOS
	if err := p.WithBeam(4).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	roots := 0
	for _, tok := range d.Tokens {
		if tok.Head < 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots, want 1", roots)
	}
}
