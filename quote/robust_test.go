package quote

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/text"
)

// roughDoc annotates s without a model, cheaply and deterministically:
// tokens at spaces and around quotation marks and punctuation, a sentence
// at each full stop, and a tree read from shape: the i-th token's head is
// the token shape[i] says (as an offset back within the sentence), its
// relation and part of speech follow from the word ("said" is a verb
// whose subject is the word before it). Any shape gives a valid Doc; the
// trees may be nonsense, as a parser's can be.
func roughDoc(s string, shape []byte) *text.Doc {
	d := text.NewDoc(s)
	start := -1
	flush := func(end int) {
		if start >= 0 {
			d.Tokens = append(d.Tokens, text.Token{Start: int32(start), End: int32(end)})
			start = -1
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			flush(i)
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			flush(i)
			d.Tokens = append(d.Tokens, text.Token{Start: int32(i), End: int32(i + n)})
		default:
			if start < 0 {
				start = i
			}
		}
		i += n
	}
	flush(len(s))
	sent := 0
	for i := range d.Tokens {
		t := &d.Tokens[i]
		w := s[t.Start:t.End]
		t.Lemma = strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case t.Lemma == "said" || t.Lemma == "says" || t.Lemma == "told" || t.Lemma == "according":
			t.UPOS, t.Lemma = text.VERB, map[string]string{"said": "say", "says": "say", "told": "tell", "according": "accord"}[t.Lemma]
		case t.Lemma == "he" || t.Lemma == "she" || t.Lemma == "they":
			t.UPOS = text.PRON
		case unicode.IsUpper(r):
			t.UPOS = text.PROPN
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			t.UPOS = text.PUNCT
		default:
			t.UPOS = text.NOUN
		}
		t.Head, t.Dep = -1, "root"
		if i > sent {
			back := 1
			if len(shape) > 0 {
				back = 1 + int(shape[i%len(shape)])%4
			}
			t.Head = int32(max(sent, i-back))
			switch {
			case t.UPOS == text.PUNCT:
				t.Dep = "punct"
			case i+1 < len(d.Tokens) && strings.HasPrefix(s[d.Tokens[i+1].Start:], "said"):
				t.Dep, t.Head = "nsubj", int32(i+1)
			case t.UPOS == text.VERB:
				t.Dep = "ccomp"
			default:
				t.Dep = text.DepRel([]string{"obj", "nmod", "ccomp", "conj", "parataxis", "obl", "case", "acl:relcl"}[int(t.Start)%8])
			}
		}
		if w == "." || i == len(d.Tokens)-1 {
			d.Sents = append(d.Sents, text.Span{Start: int32(sent), End: int32(i + 1)})
			sent = i + 1
		}
	}
	// Heads that point forward out of the sentence, or at themselves, are
	// moved back; a sentence's root stays -1.
	for _, sp := range d.Sents {
		for i := sp.Start; i < sp.End; i++ {
			if h := d.Tokens[i].Head; h != -1 && (h < sp.Start || h >= sp.End || h == i) {
				d.Tokens[i].Head = -1
			}
		}
	}
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrLemma | text.AttrDeps
	return d
}

func FuzzAttribute(f *testing.F) {
	for _, s := range []string{
		`"We will stay," Smith said.`,
		"“The talks,” said Jones, “have failed.”\n\n“Nobody can stop us.”",
		"He said: “First part.\n\n“Second part.”",
		`He said "never closed. And "another one "and more`,
		"«Nous restons», a dit Berg. According to Berg, they said it.",
		"''Old style,'' he said. It’s Clinton’s ‘own’ words'.",
		"\"\"\"\"\n\n\"",
	} {
		f.Add(s, []byte{1, 2, 3})
	}
	f.Fuzz(func(t *testing.T, s string, shape []byte) {
		if !utf8.ValidString(s) || len(s) > 1<<14 {
			return
		}
		d := roughDoc(s, shape)
		if err := d.Validate(); err != nil {
			t.Skip(err)
		}
		qs, err := Attribute(context.Background(), d, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			for _, sp := range append(q.Evidence.Content, q.Span, q.SpeakerSpan, q.Evidence.Cue) {
				if sp.Start < 0 || sp.End < sp.Start || int(sp.End) > len(s) {
					t.Fatalf("span %v outside %d bytes", sp, len(s))
				}
			}
			if len(q.Evidence.Content) == 0 {
				t.Fatalf("quote without content: %+v", q)
			}
		}
	})
}

// TestLongUnbalanced attributes a megabyte of text whose quotation marks
// never pair up: every quotation closes with its paragraph, none runs
// over into the next, and the work stays linear (a quadratic step would
// not finish within the test's time).
func TestLongUnbalanced(t *testing.T) {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("Smith said \"the border will stay closed. Jones said “it will not. ")
		b.WriteString("According to Berg, the talks failed. \"Nobody said it\n\n")
	}
	s := b.String()
	d := roughDoc(s, []byte{0, 1, 2})
	qs, err := Attribute(context.Background(), d, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) == 0 {
		t.Fatal("no quotes")
	}
	paras := paragraphs(s, nil)
	for _, q := range qs {
		if len(q.Evidence.Content) != 1 {
			continue
		}
		c := q.Evidence.Content[0]
		p := paras[sortSearch(paras, c.Start)]
		if c.End > p.End {
			t.Fatalf("quote %v runs over its paragraph %v", c, p)
		}
	}
}

func sortSearch(paras []text.Span, b int32) int {
	lo, hi := 0, len(paras)
	for lo < hi {
		m := (lo + hi) / 2
		if paras[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TestCancel stops on a done context.
func TestCancel(t *testing.T) {
	d := roughDoc(`"We will stay," Smith said.`, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Attribute(ctx, d, nil, nil); err == nil {
		t.Fatal("no error for a cancelled context")
	}
}

// TestLongSentence attributes a megabyte of one sentence (no full stop)
// full of cues set off by commas, noun cues and "according to": the rules
// that read a sentence in word order look no further than a bounded
// stretch around each cue, so the work stays linear.
func TestLongSentence(t *testing.T) {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("the plan failed, the agency said in a report, and Smith claims that prices rose, ")
		b.WriteString("said Jones, according to Berg, who told reporters the talks failed, ")
	}
	d := roughDoc(b.String(), []byte{0, 1, 2})
	if len(d.Sents) != 1 {
		t.Fatalf("%d sentences, want one", len(d.Sents))
	}
	if _, err := Attribute(context.Background(), d, nil, nil); err != nil {
		t.Fatal(err)
	}
}
