package stages

import (
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/texttest"
)

// w is one hand-parsed word: form, UPOS, XPOS, head (1-based, 0 for the
// root) and relation.
type w struct {
	form, upos, xpos string
	head             int
	dep              string
}

// handDoc builds a one-sentence Doc from hand-parsed words joined by
// spaces; a past-tense verb (VBD) carries Tense=Past, which the dates
// read.
func handDoc(t *testing.T, words ...w) *text.Doc {
	t.Helper()
	ws := make([]texttest.Word, len(words))
	for i, x := range words {
		feats := ""
		if x.xpos == "VBD" {
			feats = "Tense=Past"
		}
		ws[i] = texttest.Word{Form: x.form, UPOS: x.upos, XPOS: x.xpos, Feats: feats, Head: x.head, Dep: x.dep}
	}
	return texttest.Doc(t, ws...)
}

// verbEvent is an event whose verb is the word at index i of d.
func verbEvent(d *text.Doc, i int) eventwire.Event {
	tk := d.Tokens[i]
	return eventwire.Event{Sentence: 0, Evidence: eventwire.Evidence{Verb: text.Span{Start: tk.Start, End: tk.End}}, Date: "2016-12-23"}
}

func TestDateEvents(t *testing.T) {
	ref := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC) // a Friday
	// Rebels attacked the town on Monday .
	attacked := handDoc(t,
		w{"Rebels", "NOUN", "NNS", 2, "nsubj"}, w{"attacked", "VERB", "VBD", 0, "root"},
		w{"the", "DET", "DT", 4, "det"}, w{"town", "NOUN", "NN", 2, "obj"},
		w{"on", "ADP", "IN", 6, "case"}, w{"Monday", "PROPN", "NNP", 2, "obl"}, w{".", "PUNCT", ".", 2, "punct"})
	// Officials said on Monday rebels attacked the town .
	said := handDoc(t,
		w{"Officials", "NOUN", "NNS", 2, "nsubj"}, w{"said", "VERB", "VBD", 0, "root"},
		w{"on", "ADP", "IN", 4, "case"}, w{"Monday", "PROPN", "NNP", 2, "obl"},
		w{"rebels", "NOUN", "NNS", 6, "nsubj"}, w{"attacked", "VERB", "VBD", 2, "ccomp"},
		w{"the", "DET", "DT", 8, "det"}, w{"town", "NOUN", "NN", 6, "obj"}, w{".", "PUNCT", ".", 2, "punct"})
	// Rebels , who arrived in 2011 , attacked the town .
	relative := handDoc(t,
		w{"Rebels", "NOUN", "NNS", 7, "nsubj"}, w{",", "PUNCT", ",", 4, "punct"},
		w{"who", "PRON", "WP", 4, "nsubj"}, w{"arrived", "VERB", "VBD", 1, "acl:relcl"},
		w{"in", "ADP", "IN", 6, "case"}, w{"2011", "NUM", "CD", 4, "obl"}, w{",", "PUNCT", ",", 4, "punct"},
		w{"attacked", "VERB", "VBD", 0, "root"}, w{"the", "DET", "DT", 10, "det"}, w{"town", "NOUN", "NN", 8, "obj"})
	// Rebels attacked the town since 2015 .
	since := handDoc(t,
		w{"Rebels", "NOUN", "NNS", 2, "nsubj"}, w{"attacked", "VERB", "VBD", 0, "root"},
		w{"the", "DET", "DT", 4, "det"}, w{"town", "NOUN", "NN", 2, "obj"},
		w{"since", "ADP", "IN", 6, "case"}, w{"2015", "NUM", "CD", 2, "obl"})
	// Rebels attacked the 2020 convoy .
	noun := handDoc(t,
		w{"Rebels", "NOUN", "NNS", 2, "nsubj"}, w{"attacked", "VERB", "VBD", 0, "root"},
		w{"the", "DET", "DT", 5, "det"}, w{"2020", "NUM", "CD", 5, "compound"}, w{"convoy", "NOUN", "NN", 2, "obj"})
	tests := []struct {
		name     string
		doc      *text.Doc
		verb     int
		date     string
		dateFrom string
	}{
		{"own verb", attacked, 1, "2016-12-19", "sentence"},
		{"governing clause", said, 5, "2016-12-19", "sentence"},
		{"another clause", relative, 7, "2016-12-23", "article"},
		{"a span bound", since, 1, "2016-12-23", "article"},
		{"a noun's year", noun, 1, "2016-12-23", "article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := []eventwire.Event{verbEvent(tt.doc, tt.verb)}
			DateEvents(tt.doc, evs, ref)
			if evs[0].Date != tt.date || evs[0].DateFrom != tt.dateFrom {
				t.Errorf("date %s from %q, want %s from %q", evs[0].Date, evs[0].DateFrom, tt.date, tt.dateFrom)
			}
		})
	}
	// No reference date: no date at all.
	evs := []eventwire.Event{{}}
	DateEvents(attacked, evs, time.Time{})
	if evs[0].Date != "" || evs[0].DateFrom != "" {
		t.Errorf("no reference: date %q from %q", evs[0].Date, evs[0].DateFrom)
	}
}

func TestDatelineDate(t *testing.T) {
	fetched := time.Date(2020, 3, 9, 0, 0, 0, 0, time.UTC)
	art := &eventwire.Article{Dateline: "LONDON", Text: "LONDON, March 6 (Reuters) - Oil prices rose on Friday."}
	if got := DatelineDate(art, fetched); !got.Equal(time.Date(2020, 3, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dateline date %v, want 2020-03-06", got)
	}
	for _, a := range []*eventwire.Article{nil, {Text: "March 6: Oil prices rose."}, {Dateline: "HANOI, Vietnam", Text: "HANOI, Vietnam (AP) — Talks began."}} {
		if got := DatelineDate(a, fetched); !got.IsZero() {
			t.Errorf("DatelineDate(%+v) = %v, want zero", a, got)
		}
	}
}

// FuzzDateEvents dates events of any sentence against any tree: the
// heads, relations and verb spans come from the input bytes.
func FuzzDateEvents(f *testing.F) {
	f.Add("Rebels attacked the town on Monday , since 2015 , the 2020 election", []byte{2, 0, 7, 3, 9, 1})
	f.Add("On the same day , they met two weeks ago .", []byte{255, 3, 3, 3})
	f.Fuzz(func(t *testing.T, s string, shape []byte) {
		d := text.NewDoc(s)
		for _, f := range strings.Fields(s) {
			start := strings.Index(s[int(endOf(d)):], f) + int(endOf(d))
			d.Tokens = append(d.Tokens, text.Token{Start: int32(start), End: int32(start + len(f))})
		}
		n := len(d.Tokens)
		deps := []text.DepRel{"obl", "compound", "root", "nmod", "aux", "advmod"}
		for i := range d.Tokens {
			b := byte(i)
			if i < len(shape) {
				b = shape[i]
			}
			d.Tokens[i].Head = int32(int(b)%(n+1) - 1)
			d.Tokens[i].Dep = deps[int(b)%len(deps)]
			d.Tokens[i].UPOS = text.UPOS(int(b) % 18)
		}
		if n > 0 {
			d.Sents = []text.Span{{Start: 0, End: int32(n)}}
		}
		evs := []eventwire.Event{{}}
		for i, b := range shape {
			if n == 0 {
				break
			}
			tk := d.Tokens[int(b)%n]
			evs = append(evs, eventwire.Event{Sentence: i % 2, Evidence: eventwire.Evidence{Verb: text.Span{Start: tk.Start, End: tk.End}}})
		}
		DateEvents(d, evs, time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC))
		for _, e := range evs {
			if e.DateFrom != "sentence" && e.DateFrom != "article" || e.Date == "" {
				t.Fatalf("event dated %q from %q", e.Date, e.DateFrom)
			}
		}
	})
}

// endOf is the end of d's last token, 0 for none.
func endOf(d *text.Doc) int32 {
	if len(d.Tokens) == 0 {
		return 0
	}
	return d.Tokens[len(d.Tokens)-1].End
}
