// Package text holds the document model that flows through the whole
// eventwire pipeline: a Doc is a text plus everything the language core has
// learned about it (tokens, sentences, tags, lemmas, dependency trees).
//
// Every position is a byte offset into Doc.Text, so any annotation can be
// traced back to the exact bytes that justify it. Annotators modify a Doc in
// place; nothing is copied between stages. The package imports only the
// standard library.
package text

import (
	"fmt"
	"strings"
)

// Attr is a set of annotation layers. Annotators declare which layers they
// require and which they provide, and a Doc records which it has.
type Attr uint32

// The annotation layers a Doc can carry.
const (
	AttrTokens Attr = 1 << iota // Token.Start, Token.End (and Doc.MWTs)
	AttrSents                   // Doc.Sents
	AttrUPOS                    // Token.UPOS
	AttrXPOS                    // Token.XPOS
	AttrFeats                   // Token.Feats
	AttrLemma                   // Token.Lemma
	AttrDeps                    // Token.Head, Token.Dep
)

var attrNames = []string{"tokens", "sents", "upos", "xpos", "feats", "lemma", "deps"}

// Has reports whether every layer in want is in a.
func (a Attr) Has(want Attr) bool { return a&want == want }

// String lists the layers, e.g. "tokens|sents|upos".
func (a Attr) String() string {
	if a == 0 {
		return "none"
	}
	var parts []string
	for i, n := range attrNames {
		if a&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if rest := a &^ (1<<len(attrNames) - 1); rest != 0 {
		parts = append(parts, fmt.Sprintf("0x%x", uint32(rest)))
	}
	return strings.Join(parts, "|")
}

// Span is a half-open range [Start, End). In Doc.Sents and Doc.MWTs it counts
// tokens; elsewhere (evidence, paragraphs) it counts bytes; the field that
// holds it says which.
type Span struct {
	Start, End int32
}

// Len returns End-Start.
func (s Span) Len() int { return int(s.End - s.Start) }

// Contains reports whether i lies in [Start, End).
func (s Span) Contains(i int) bool { return i >= int(s.Start) && i < int(s.End) }

// Token is one syntactic word. Start and End are byte offsets into Doc.Text.
// Words of a multi-word token ("don't" = "do" + "n't") each have their own
// offsets when their forms are substrings of the surface token; otherwise they
// share the token's offsets and carry their Form explicitly.
type Token struct {
	Start, End int32
	// Form is set only when the word's form differs from Text[Start:End]
	// (a word of a multi-word token whose form is not a substring).
	Form  string
	UPOS  UPOS
	XPOS  string
	Feats string // UD morphological features, "Number=Sing|..."; "" for none
	Lemma string
	// Head is the index in Doc.Tokens of this word's head; -1 for the root of
	// its sentence (and before parsing).
	Head int32
	Dep  DepRel
}

// Doc is a text and everything the pipeline has learned about it.
type Doc struct {
	Text   string
	Tokens []Token
	// Sents are token ranges, in order, covering every token exactly once.
	Sents []Span
	// MWTs lists the token ranges that form one surface token ("don't",
	// "Elena's"), in order; empty for most texts.
	MWTs []Span
	// Attrs records which annotation layers are present.
	Attrs Attr
}

// NewDoc returns a Doc holding s and no annotations.
func NewDoc(s string) *Doc { return &Doc{Text: s} }

// Form returns the form of token i: its explicit Form or its text.
func (d *Doc) Form(i int) string {
	t := &d.Tokens[i]
	if t.Form != "" {
		return t.Form
	}
	return d.Text[t.Start:t.End]
}

// SentTokens returns the tokens of sentence s (a subslice, not a copy).
func (d *Doc) SentTokens(s int) []Token {
	sp := d.Sents[s]
	return d.Tokens[sp.Start:sp.End]
}

// SentOf returns the index of the sentence holding token i, or -1.
func (d *Doc) SentOf(i int) int {
	lo, hi := 0, len(d.Sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case int(d.Sents[m].End) <= i:
			lo = m + 1
		case int(d.Sents[m].Start) > i:
			hi = m
		default:
			return m
		}
	}
	return -1
}

// SentText returns the bytes of Text covered by sentence s.
func (d *Doc) SentText(s int) string {
	sp := d.Sents[s]
	if sp.Len() == 0 {
		return ""
	}
	return d.Text[d.Tokens[sp.Start].Start:d.Tokens[sp.End-1].End]
}

// SentByteSpan returns the byte range of sentence s in Text.
func (d *Doc) SentByteSpan(s int) Span {
	sp := d.Sents[s]
	if sp.Len() == 0 {
		return Span{}
	}
	return Span{d.Tokens[sp.Start].Start, d.Tokens[sp.End-1].End}
}

// SpaceAfter reports whether whitespace follows token i in Text (the CoNLL-U
// SpaceAfter attribute). Words inside a multi-word token have none.
func (d *Doc) SpaceAfter(i int) bool {
	end := int(d.Tokens[i].End)
	if i+1 < len(d.Tokens) && int(d.Tokens[i+1].Start) <= end {
		return false
	}
	if end >= len(d.Text) {
		return false
	}
	switch d.Text[end] {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	}
	// Non-ASCII spaces (NBSP and friends) count as space too.
	r := []rune(d.Text[end:min(end+4, len(d.Text))])
	return len(r) > 0 && isUnicodeSpace(r[0])
}

func isUnicodeSpace(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Validate checks the Doc's structural invariants: token offsets inside Text
// and non-decreasing, sentences covering the tokens in order, heads inside
// their sentence. It returns the first problem found.
func (d *Doc) Validate() error {
	prev := int32(0)
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End < t.Start || int(t.End) > len(d.Text) {
			return fmt.Errorf("token %d: offsets [%d,%d) outside text of %d bytes", i, t.Start, t.End, len(d.Text))
		}
		if t.Start < prev {
			return fmt.Errorf("token %d: starts at %d before previous token start %d", i, t.Start, prev)
		}
		prev = t.Start
	}
	if d.Attrs.Has(AttrSents) || len(d.Sents) > 0 {
		next := int32(0)
		for s, sp := range d.Sents {
			if sp.Start != next || sp.End < sp.Start || int(sp.End) > len(d.Tokens) {
				return fmt.Errorf("sentence %d: token range [%d,%d) does not continue at %d", s, sp.Start, sp.End, next)
			}
			next = sp.End
			if d.Attrs.Has(AttrDeps) {
				for i := sp.Start; i < sp.End; i++ {
					h := d.Tokens[i].Head
					if h != -1 && (h < sp.Start || h >= sp.End || h == i) {
						return fmt.Errorf("sentence %d token %d: head %d outside sentence", s, i, h)
					}
				}
			}
		}
		if int(next) != len(d.Tokens) {
			return fmt.Errorf("sentences cover %d of %d tokens", next, len(d.Tokens))
		}
	}
	return nil
}

// Children returns the indices of the dependents of token i, in order. It
// scans the sentence, so callers that walk whole trees should build their own
// index.
func (d *Doc) Children(i int) []int {
	s := d.SentOf(i)
	if s < 0 {
		return nil
	}
	var out []int
	sp := d.Sents[s]
	for j := sp.Start; j < sp.End; j++ {
		if int(d.Tokens[j].Head) == i {
			out = append(out, int(j))
		}
	}
	return out
}
