package sqlite

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// handDocs are Docs built by hand to cover every case of the v2 layout.
func handDocs() map[string]struct {
	doc     *text.Doc
	article string
} {
	all := text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrXPOS | text.AttrFeats | text.AttrLemma | text.AttrDeps
	// "Don't panic. It was del Rey." — an MWT whose words are substrings
	// (Do + n't), and one whose words have their own forms (de + el).
	const s = "Don't panic. It was del Rey."
	d := &text.Doc{Text: s, Attrs: all,
		Tokens: []text.Token{
			{Start: 0, End: 2, UPOS: text.AUX, XPOS: "VB", Lemma: "do", Head: 2, Dep: "aux"},
			{Start: 2, End: 5, UPOS: text.PART, XPOS: "RB", Lemma: "not", Head: 2, Dep: "advmod"},
			{Start: 6, End: 11, UPOS: text.VERB, XPOS: "VB", Feats: "VerbForm=Inf", Lemma: "panic", Head: -1, Dep: "root"},
			{Start: 11, End: 12, UPOS: text.PUNCT, XPOS: ".", Lemma: ".", Head: 2, Dep: "punct"},
			{Start: 13, End: 15, UPOS: text.PRON, XPOS: "PRP", Feats: "Case=Nom|Number=Sing|Person=3", Lemma: "it", Head: 7, Dep: "nsubj"},
			{Start: 16, End: 19, UPOS: text.AUX, XPOS: "VBD", Lemma: "be", Head: 7, Dep: "cop"},
			{Start: 20, End: 23, Form: "de", UPOS: text.ADP, Lemma: "de", Head: 7, Dep: "case"},
			{Start: 20, End: 23, Form: "el", UPOS: text.DET, Lemma: "el", Head: 7, Dep: "det"},
			{Start: 24, End: 27, UPOS: text.PROPN, XPOS: "NNP", Lemma: "Rey", Head: -1, Dep: "root"},
			{Start: 27, End: 28, UPOS: text.PUNCT, XPOS: ".", Lemma: ".", Head: 8, Dep: "punct"},
		},
		Sents: []text.Span{{Start: 0, End: 4}, {Start: 4, End: 10}},
		MWTs:  []text.Span{{Start: 0, End: 2}, {Start: 6, End: 8}},
	}
	tokensOnly := &text.Doc{Text: "Two  words", Attrs: text.AttrTokens | text.AttrSents,
		Tokens: []text.Token{{Start: 0, End: 3, Head: -1}, {Start: 5, End: 10, Head: -1}},
		Sents:  []text.Span{{Start: 0, End: 2}}}
	unicode := &text.Doc{Text: "Café — Zürich", Attrs: text.AttrTokens | text.AttrLemma,
		Tokens: []text.Token{{Start: 0, End: 5, Lemma: "café", Head: -1}, {Start: 6, End: 9, Lemma: "—", Head: -1},
			{Start: 10, End: 17, Lemma: "", Head: -1}}}
	return map[string]struct {
		doc     *text.Doc
		article string
	}{
		"full":             {d, s},
		"own text":         {d, "a different article text"},
		"empty":            {&text.Doc{}, ""},
		"text only":        {&text.Doc{Text: "Not tokenized yet."}, "Not tokenized yet."},
		"tokens only":      {tokensOnly, tokensOnly.Text},
		"unicode, lemma''": {unicode, unicode.Text},
	}
}

func TestDocV2RoundTrip(t *testing.T) {
	for name, tc := range handDocs() {
		t.Run(name, func(t *testing.T) {
			b := encodeDocV2(tc.doc, tc.article)
			got, err := decodeDocV2(b, tc.article)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.doc) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, tc.doc)
			}
			// Every cut of the encoding is an error, never a panic.
			for n := 0; n < len(b); n++ {
				if _, err := decodeDocV2(b[:n], tc.article); !errors.Is(err, errDocCorrupt) {
					t.Fatalf("decoding the first %d of %d bytes: err = %v, want errDocCorrupt", n, len(b), err)
				}
			}
			if _, err := decodeDocV2(append(b, 0), tc.article); !errors.Is(err, errDocCorrupt) {
				t.Errorf("trailing byte: err = %v", err)
			}
		})
	}
}

// TestDocV2TextShared checks that the article text is not stored twice,
// and that a Doc relying on it fails cleanly when it would not fit.
func TestDocV2TextShared(t *testing.T) {
	tc := handDocs()["full"]
	shared := encodeDocV2(tc.doc, tc.article)
	own := encodeDocV2(tc.doc, "")
	if len(own)-len(shared) < len(tc.article) {
		t.Errorf("Doc with the article's text: %d bytes, with its own: %d; want the text (%d bytes) stored once", len(shared), len(own), len(tc.article))
	}
	if _, err := decodeDocV2(shared, "short"); !errors.Is(err, errDocCorrupt) {
		t.Errorf("decoding against a too short article text: err = %v, want errDocCorrupt", err)
	}
}

// TestDocFormats reads both stored formats through decodeDoc: v1 (JSON)
// rows written by earlier versions stay readable.
func TestDocFormats(t *testing.T) {
	tc := handDocs()["full"]
	s := &Store{}
	format, data := s.encodeDoc(tc.doc, tc.article)
	if format != docFormatV2 {
		t.Errorf("format = %q, want %q", format, docFormatV2)
	}
	var v1 bytes.Buffer
	zw := gzip.NewWriter(&v1)
	json.NewEncoder(zw).Encode(tc.doc)
	zw.Close()
	for _, c := range []struct {
		format string
		data   []byte
	}{{format, data}, {docFormatV1, v1.Bytes()}} {
		got, err := decodeDoc(c.format, c.data, tc.article)
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		if !reflect.DeepEqual(got, tc.doc) {
			t.Errorf("%s: got %+v", c.format, got)
		}
	}
	if _, err := decodeDoc("xml/v9", data, tc.article); err == nil {
		t.Error("unknown format accepted")
	}
	t.Logf("v1 %d bytes, v2 %d bytes", v1.Len(), len(data))
}

// TestDocV2Treebank round-trips every sentence of the UD English EWT dev
// set (gold tokens, tags, lemmas, features and trees) and compares sizes.
func TestDocV2Treebank(t *testing.T) {
	path := shared.Data(t, "ud", "en_ewt", "en_ewt-ud-dev.conllu.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := conllu.NewReader(zr).Named(path)
	var n, v1Bytes, v2Bytes, tokens int
	s := &Store{}
	for {
		sent, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		d := sent.Doc
		_, data := s.encodeDoc(d, d.Text)
		got, err := decodeDoc(docFormatV2, data, d.Text)
		if err != nil {
			t.Fatalf("sentence %s: %v", sent.ID, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Fatalf("sentence %s: round trip differs:\n got %+v\nwant %+v", sent.ID, got, d)
		}
		js, _ := json.Marshal(d)
		v1Bytes += len(js)
		v2Bytes += len(encodeDocV2(d, d.Text))
		tokens += len(d.Tokens)
		n++
	}
	if n < 1000 {
		t.Fatalf("read %d sentences, want the whole dev set", n)
	}
	// Before compression the v2 layout must be far smaller than JSON.
	if v2Bytes*3 > v1Bytes {
		t.Errorf("v2 %d bytes, JSON %d: want v2 under a third", v2Bytes, v1Bytes)
	}
	t.Logf("%d sentences, %d tokens: JSON %d bytes, v2 %d bytes (uncompressed)", n, tokens, v1Bytes, v2Bytes)
}

// FuzzDecodeDocV2 feeds arbitrary bytes to the decoder: no panic, and
// whatever decodes encodes back to a Doc that decodes the same.
func FuzzDecodeDocV2(f *testing.F) {
	for _, tc := range handDocs() {
		f.Add(encodeDocV2(tc.doc, tc.article), tc.article)
	}
	f.Add([]byte("EWD2"), "")
	f.Fuzz(func(t *testing.T, b []byte, article string) {
		d, err := decodeDocV2(b, article)
		if err != nil {
			if !errors.Is(err, errDocCorrupt) {
				t.Fatalf("error %v does not wrap errDocCorrupt", err)
			}
			return
		}
		again, err := decodeDocV2(encodeDocV2(d, article), article)
		if err != nil {
			t.Fatalf("re-encoded Doc does not decode: %v", err)
		}
		if !reflect.DeepEqual(again, d) {
			t.Fatalf("re-encoded Doc differs:\n%+v\n%+v", again, d)
		}
	})
}

// treebankArticles joins the EWT dev sentences into article-sized Docs of
// 40 sentences; without the treebank b fails under CI and skips otherwise.
func treebankArticles(b *testing.B) []*text.Doc {
	f, err := os.Open(shared.Data(b, "ud", "en_ewt", "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	r := conllu.NewReader(zr)
	var docs []*text.Doc
	cur := &text.Doc{}
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		base, tbase := int32(len(cur.Text)), int32(len(cur.Tokens))
		if base > 0 {
			cur.Text += " "
			base++
		}
		cur.Text += s.Doc.Text
		for _, t := range s.Doc.Tokens {
			t.Start += base
			t.End += base
			if t.Head >= 0 {
				t.Head += tbase
			}
			cur.Tokens = append(cur.Tokens, t)
		}
		cur.Sents = append(cur.Sents, text.Span{Start: tbase, End: int32(len(cur.Tokens))})
		cur.Attrs |= s.Doc.Attrs
		if len(cur.Sents) == 40 {
			docs = append(docs, cur)
			cur = &text.Doc{}
		}
	}
	return docs
}

// BenchmarkDocDecode decodes stored article-sized Docs in each format and
// reports the stored (gzip) bytes per token.
func BenchmarkDocDecode(b *testing.B) {
	docs := treebankArticles(b)
	s := &Store{}
	for _, format := range []string{docFormatV1, docFormatV2} {
		b.Run(format, func(b *testing.B) {
			var stored [][]byte
			size, tokens := 0, 0
			for _, d := range docs {
				var data []byte
				if format == docFormatV2 {
					_, data = s.encodeDoc(d, d.Text)
				} else {
					var buf bytes.Buffer
					zw := gzip.NewWriter(&buf)
					json.NewEncoder(zw).Encode(d)
					zw.Close()
					data = buf.Bytes()
				}
				stored = append(stored, data)
				size += len(data)
				tokens += len(d.Tokens)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for j, data := range stored {
					got, err := decodeDoc(format, data, docs[j].Text)
					if err != nil || len(got.Tokens) != len(docs[j].Tokens) {
						b.Fatalf("decode: %v", err)
					}
				}
			}
			b.ReportMetric(float64(size)/float64(tokens), "stored-bytes/token")
			b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
