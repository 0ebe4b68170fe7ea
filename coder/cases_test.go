package coder_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// parseTxtar splits a txtar archive into its comment and files.
func parseTxtar(data []byte) (comment string, files map[string][]byte) {
	files = map[string][]byte{}
	name := ""
	var cur bytes.Buffer
	flush := func() {
		if name == "" {
			comment = cur.String()
		} else {
			files[name] = append([]byte(nil), cur.Bytes()...)
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			name = strings.TrimSpace(t[3 : len(t)-3])
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return comment, files
}

// caseDoc builds one Doc from the sentences of a CoNLL-U file, laid out
// in text.txt: each sentence's tokens are found in the text in order.
func caseDoc(t *testing.T, txt string, conll []byte) *text.Doc {
	t.Helper()
	sents, err := conllu.ReadAll(bytes.NewReader(conll))
	if err != nil {
		t.Fatal(err)
	}
	doc := &text.Doc{Text: txt, Attrs: text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrLemma | text.AttrDeps}
	pos := 0
	for _, s := range sents {
		base := int32(len(doc.Tokens))
		off := strings.Index(txt[pos:], s.Text)
		if off < 0 {
			t.Fatalf("sentence %q not in text.txt", s.Text)
		}
		shift := int32(pos + off)
		for _, tok := range s.Doc.Tokens {
			tok.Start += shift
			tok.End += shift
			if tok.Head >= 0 {
				tok.Head += base
			}
			doc.Tokens = append(doc.Tokens, tok)
		}
		doc.Sents = append(doc.Sents, text.Span{Start: base, End: int32(len(doc.Tokens))})
		pos += off + len(s.Text)
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	return doc
}

type wantEvent struct {
	CAMEO      string `json:"cameo"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	SourceText string `json:"source_text"`
	Verb       string `json:"verb"`
	TargetText string `json:"target_text"`
	Negated    bool   `json:"negated,omitempty"`
	Background bool   `json:"background,omitempty"`
	// SourceVia and TargetVia are "how: text" of an inferred actor's
	// Via; checked only in cases whose want.json gives some.
	SourceVia string `json:"source_via,omitempty"`
	TargetVia string `json:"target_via,omitempty"`
}

// viaString renders v as "how: text", "" for nil.
func viaString(v *eventwire.Via) string {
	if v == nil {
		return ""
	}
	return v.How + ": " + v.Text
}

// TestCases codes the hand-built cases in testdata/cases: each txtar holds
// text.txt, sentence.conllu (one or more sentences of it) and want.json;
// the toy dictionaries are in testdata/dict. Evidence spans are checked
// through the text they cover.
func TestCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			comment, files := parseTxtar(data)
			var date time.Time
			var placeLines, quoteLines []string
			for _, l := range strings.Split(comment, "\n") {
				if v, ok := strings.CutPrefix(l, "date: "); ok {
					date, _ = time.Parse("2006-01-02", strings.TrimSpace(v))
				}
				if v, ok := strings.CutPrefix(l, "place: "); ok {
					placeLines = append(placeLines, v)
				}
				if v, ok := strings.CutPrefix(l, "quote: "); ok {
					quoteLines = append(quoteLines, v)
				}
			}
			d := caseDicts(t)
			doc := caseDoc(t, strings.TrimRight(string(files["text.txt"]), "\n"), files["sentence.conllu"])
			c := coder.New(d, cameo.Default(), coder.DefaultOptions())
			evs, err := c.CodeGiven(context.Background(), doc, date, coder.Given{
				Places: casePlaces(t, doc.Text, placeLines), Quotes: caseQuotes(t, doc.Text, quoteLines)})
			if err != nil {
				t.Fatal(err)
			}
			compareEvents(t, doc, evs, files["want.json"], !date.IsZero())
		})
	}
}

// casePlaces reads a case's "place: NAME ISO3 STATE NAME" lines: every
// occurrence of NAME in the text is a geocoded place in that state.
func casePlaces(t *testing.T, txt string, lines []string) []coder.Place {
	var out []coder.Place
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 3 {
			t.Fatalf("place line %q: want NAME ISO3 STATE", l)
		}
		for at := 0; ; {
			i := strings.Index(txt[at:], f[0])
			if i < 0 {
				break
			}
			start := at + i
			out = append(out, coder.Place{Span: text.Span{Start: int32(start), End: int32(start + len(f[0]))},
				Country: f[1], CountryName: strings.Join(f[2:], " "), Entry: "gazetteer " + f[0]})
			at = start + len(f[0])
		}
	}
	return out
}

// caseQuotes reads a case's "quote: CODE SPEAKER | WORDS" lines: the
// first occurrence of WORDS in the text is a direct quotation whose
// speaker is coded CODE, at the first occurrence of SPEAKER.
func caseQuotes(t *testing.T, txt string, lines []string) []eventwire.Quote {
	var out []eventwire.Quote
	for _, l := range lines {
		head, words, ok := strings.Cut(l, " | ")
		code, speaker, ok2 := strings.Cut(head, " ")
		i, j := strings.Index(txt, words), strings.Index(txt, speaker)
		if !ok || !ok2 || i < 0 || j < 0 {
			t.Fatalf("quote line %q: want CODE SPEAKER | WORDS, both in the text", l)
		}
		sp := text.Span{Start: int32(j), End: int32(j + len(speaker))}
		out = append(out, eventwire.Quote{Kind: "direct", Direct: true, Speaker: eventwire.Actor{Text: speaker, Code: code},
			SpeakerSpan: sp, Evidence: eventwire.QuoteEvidence{Speaker: sp, Content: []text.Span{{Start: int32(i), End: int32(i + len(words))}}}})
	}
	return out
}

// compareEvents checks evs against the want.json of a case, through the
// codes and the text of their evidence spans; an event of a dated text
// carries a date.
func compareEvents(t *testing.T, doc *text.Doc, evs []eventwire.Event, wantJSON []byte, dated bool) {
	t.Helper()
	var want []wantEvent
	if err := json.Unmarshal(wantJSON, &want); err != nil {
		t.Fatal(err)
	}
	withVia := bytes.Contains(wantJSON, []byte(`_via"`))
	got := make([]wantEvent, len(evs))
	for i, e := range evs {
		got[i] = wantEvent{CAMEO: e.CAMEO, Source: e.Source.Code, Target: e.Target.Code,
			SourceText: spanText(doc, e.Evidence.Source), Verb: spanText(doc, e.Evidence.Verb), TargetText: spanText(doc, e.Evidence.Target), Negated: e.Negated, Background: e.Background}
		if withVia {
			got[i].SourceVia, got[i].TargetVia = viaString(e.Source.Via), viaString(e.Target.Via)
		}
		checkEvent(t, e, dated)
		for _, v := range []*eventwire.Via{e.Source.Via, e.Target.Via} {
			if v != nil && (v.How == "" || v.Text != spanText(doc, v.Span)) {
				t.Errorf("event %s: via %+v does not name its span's text", e.CAMEO, v)
			}
		}
	}
	sortEvents(got)
	sortEvents(want)
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	if !bytes.Equal(g, w) {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

func spanText(doc *text.Doc, s text.Span) string { return doc.Text[s.Start:s.End] }

func sortEvents(es []wantEvent) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		ka := strings.Join([]string{a.CAMEO, a.Source, a.Target, a.Verb, a.SourceText, a.TargetText}, "|")
		kb := strings.Join([]string{b.CAMEO, b.Source, b.Target, b.Verb, b.SourceText, b.TargetText}, "|")
		return ka < kb
	})
}

// checkEvent checks what every event must carry.
func checkEvent(t *testing.T, e eventwire.Event, dated bool) {
	t.Helper()
	if e.Pattern == "" || !strings.Contains(e.Pattern, ".txt:") {
		t.Errorf("event %s has no dictionary pattern: %q", e.CAMEO, e.Pattern)
	}
	if !strings.HasPrefix(e.Coder, eventwire.Version+" dict:") || len(e.Coder) != len(eventwire.Version)+len(" dict:")+12 {
		t.Errorf("event %s: coder stamp %q, want the version and a 12-digit dictionary digest", e.CAMEO, e.Coder)
	}
	if e.QuadClass < 1 || e.QuadClass > 4 || (e.Date == "") == dated || e.Confidence <= 0 {
		t.Errorf("event %s: quad class %d, date %q, confidence %v", e.CAMEO, e.QuadClass, e.Date, e.Confidence)
	}
}

func TestCodeRejectsDocsWithoutParses(t *testing.T) {
	d, err := dict.Load(os.DirFS("testdata/dict"), dict.Files{Verbs: []string{"verbs.txt"}, Actors: []string{"actors.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d, nil, coder.DefaultOptions())
	doc := &text.Doc{Text: "Russia condemned Turkey.", Attrs: text.AttrTokens | text.AttrSents,
		Tokens: []text.Token{{Start: 0, End: 6}, {Start: 7, End: 16}, {Start: 17, End: 23}, {Start: 23, End: 24}},
		Sents:  []text.Span{{Start: 0, End: 4}}}
	if _, err := c.Code(context.Background(), doc, time.Time{}); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("untagged doc: err = %v, want ErrInvalid", err)
	}
	doc.Attrs |= text.AttrUPOS | text.AttrDeps
	doc.Tokens[0].Head = 7 // outside the sentence
	if _, err := c.Code(context.Background(), doc, time.Time{}); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("bad head: err = %v, want ErrInvalid", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc.Tokens[0].Head = -1
	if _, err := c.Code(ctx, doc, time.Time{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}

// TestEmptyDictionaries codes with no dictionaries at all: no events, no
// panic.
func TestEmptyDictionaries(t *testing.T) {
	data, err := os.ReadFile("testdata/cases/active.txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, files := parseTxtar(data)
	doc := caseDoc(t, strings.TrimRight(string(files["text.txt"]), "\n"), files["sentence.conllu"])
	for _, d := range []*dict.Dictionaries{nil, {}} {
		evs, err := coder.New(d, nil, coder.DefaultOptions()).Code(context.Background(), doc, time.Time{})
		if err != nil || len(evs) != 0 {
			t.Errorf("New(%v): %d events, err %v; want none", d, len(evs), err)
		}
	}
}

// caseDicts loads the hand-built test dictionaries without discards
// (testdata/dict).
func caseDicts(tb testing.TB) *dict.Dictionaries {
	tb.Helper()
	d, err := dict.Load(os.DirFS("testdata/dict"), dict.Files{
		Verbs: []string{"verbs.txt"}, Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"}, Discards: []string{"discards.txt"}})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// condemnAttackDoc is "Russia condemned Turkey and attacked Syria.",
// parsed by hand: a statement (111) and a force event (190) in one
// sentence, for the tests of options that keep one and drop the other.
func condemnAttackDoc(t *testing.T) *text.Doc {
	const conll = `# text = Russia condemned Turkey and attacked Syria.
1	Russia	Russia	PROPN	_	_	2	nsubj	_	_
2	condemned	condemn	VERB	_	_	0	root	_	_
3	Turkey	Turkey	PROPN	_	_	2	obj	_	_
4	and	and	CCONJ	_	_	5	cc	_	_
5	attacked	attack	VERB	_	_	2	conj	_	_
6	Syria	Syria	PROPN	_	_	5	obj	_	SpaceAfter=No
7	.	.	PUNCT	_	_	2	punct	_	_

`
	return caseDoc(t, "Russia condemned Turkey and attacked Syria.", []byte(conll))
}

// TestHomeCountryEntry checks that an actor given the country of the
// article's politicians carries no dictionary entry of its own: "police"
// after President Putin is RUSCOP, not Putin's entry (case
// home-politicians).
func TestHomeCountryEntry(t *testing.T) {
	data, err := os.ReadFile("testdata/cases/home-politicians.txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, files := parseTxtar(data)
	doc := caseDoc(t, strings.TrimRight(string(files["text.txt"]), "\n"), files["sentence.conllu"])
	c := coder.New(caseDicts(t), cameo.Default(), coder.DefaultOptions())
	evs, err := c.Code(context.Background(), doc, time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range evs {
		if e.Source.Code != "RUSCOP" {
			continue
		}
		found = true
		if e.Source.Entry != "" || e.Target.Entry != "" {
			t.Errorf("inferred actors carry entries %q, %q; want none", e.Source.Entry, e.Target.Entry)
		}
		if e.Source.Via == nil || e.Source.Via.How != "article" {
			t.Errorf("police via %+v, want the article", e.Source.Via)
		}
	}
	if !found {
		t.Fatalf("no event of RUSCOP in %+v", evs)
	}
}
