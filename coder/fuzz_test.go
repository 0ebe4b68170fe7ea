package coder_test

import (
	"context"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/text"
)

// FuzzCode codes Docs built from arbitrary bytes: words from a small
// vocabulary that the toy dictionaries know, with arbitrary heads
// (cycles included), relations and tags. The coder must not panic or
// loop, and every event's evidence must lie inside the text.
func FuzzCode(f *testing.F) {
	d := caseDicts(f)
	o := coder.DefaultOptions()
	o.NewActorLength = 3
	c := coder.New(d, nil, o)
	f.Add([]byte{0, 1, 2, 1, 0, 3, 3, 2, 4, 2, 2, 5})
	f.Add([]byte{5, 1, 1, 6, 0, 0, 7, 1, 2, 8, 2, 1, 9, 3, 2, 10, 0, 4})
	f.Fuzz(func(t *testing.T, b []byte) {
		doc := fuzzDoc(b)
		evs, err := c.Code(context.Background(), doc, time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC))
		if err != nil {
			return
		}
		for _, e := range evs {
			spans := []text.Span{e.Evidence.Source, e.Evidence.Verb, e.Evidence.Target}
			for _, v := range []*eventwire.Via{e.Source.Via, e.Target.Via} {
				if v != nil {
					spans = append(spans, v.Span)
				}
			}
			for _, s := range spans {
				if s.Start < 0 || s.End < s.Start || int(s.End) > len(doc.Text) {
					t.Fatalf("evidence %v outside text of %d bytes", s, len(doc.Text))
				}
			}
		}
	})
}

var fuzzWords = []string{"Russia", "attacked", "Turkey", "and", "Iran", "the", "army", "said", "him", "Putin",
	"to", "hold", "talks", "with", "by", "was", "not", "Syrian", "President", "Bashar", "al-Assad", "met", "Assad", "'s",
	"are", "officials", "-", "Al", "Qaeda", "it", "should", "earlier", "close",
	"city", "rebels", "in", "Aleppo", "police", "dispatched", "defeat", "attack", "on", "of", "offensive", "began",
	"into", "forces", "airline", "were", "bombing", "resumed", "Cairo",
	// Words of the quoted-name, control-infinitive, act-agent and money
	// rules: naming verbs, quotation marks, appeals, sums.
	"called", "\"", "urged", "described", "as", "$", "million", "condemned", "stupid", "women",
	// The host-parties rule: a reciprocal noun as an object or a setting.
	"call", "phone", "during", "characterized",
	// Groups sent, elections, background years.
	"hundreds", "team", "contingent", "tons", "defeated", "retired", "encountered", "2007",
	// Private persons of the article's state.
	"Ivan", "Petrov", "Hospital", "Bank",
	// Grief in a report of a death.
	"died", "loss", "missed"}

var fuzzRels = []text.DepRel{"nsubj", "obj", "obl", "conj", "cc", "case", "nmod", "nmod:poss", "amod", "compound",
	"flat", "xcomp", "ccomp", "advcl", "acl", "acl:relcl", "mark", "aux", "aux:pass", "nsubj:pass", "obl:agent", "det", "advmod", "appos", "root", "dobj",
	"nmod:desc", "cop", "punct"}

func fuzzDoc(b []byte) *text.Doc {
	doc := &text.Doc{}
	var txt []byte
	for i := 0; i+2 < len(b) && len(doc.Tokens) < 200; i += 3 {
		w := fuzzWords[int(b[i])%len(fuzzWords)]
		if len(txt) > 0 {
			txt = append(txt, ' ')
		}
		start := len(txt)
		txt = append(txt, w...)
		upos := text.UPOS(1 + int(b[i+1])%int(text.NumUPOS-1))
		doc.Tokens = append(doc.Tokens, text.Token{Start: int32(start), End: int32(len(txt)), UPOS: upos,
			Lemma: w, Head: int32(b[i+2]), Dep: fuzzRels[int(b[i+1]^b[i+2])%len(fuzzRels)]})
	}
	doc.Text = string(txt)
	n := int32(len(doc.Tokens))
	for i := range doc.Tokens {
		h := doc.Tokens[i].Head % (n + 1)
		if h == n || h == int32(i) {
			h = -1
		}
		doc.Tokens[i].Head = h
	}
	if n > 0 {
		doc.Sents = []text.Span{{Start: 0, End: n}}
	}
	return doc
}
