package factuality

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// handmade returns the hand-parsed sentences of testdata/handmade.conllu
// by sent_id.
func handmade(tb testing.TB) map[string]*text.Doc {
	tb.Helper()
	f, err := os.Open("testdata/handmade.conllu")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	ss, err := conllu.NewReader(f).Named("handmade.conllu").ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]*text.Doc{}
	for _, s := range ss {
		out[s.ID] = s.Doc
	}
	return out
}

// TestFactualityHandParsed checks the embedded model's decision on
// hand-parsed sentences that differ only in what makes "ban" factual.
func TestFactualityHandParsed(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	docs := handmade(t)
	for _, tc := range []struct {
		sent     string
		tok      int
		happened bool
	}{
		{"asserted", 1, true},
		{"reported", 4, true},
		{"negated", 3, false},
		{"negative-subject", 2, false},
		{"future", 2, false},
		{"possible", 2, false},
		{"wanted", 3, false},
		{"conditional", 2, false},
		{"question", 2, false},
	} {
		t.Run(tc.sent, func(t *testing.T) {
			d := docs[tc.sent]
			if d == nil {
				t.Fatalf("no sentence %q", tc.sent)
			}
			if d.Form(tc.tok) != "ban" && d.Form(tc.tok) != "banned" && d.Form(tc.tok) != "bans" {
				t.Fatalf("token %d is %q, not the predicate", tc.tok, d.Form(tc.tok))
			}
			v := m.Factuality(d, tc.tok)
			if (v > 0) != tc.happened {
				t.Errorf("Factuality = %.2f, want happened=%v", v, tc.happened)
			}
			if v < MinValue || v > MaxValue {
				t.Errorf("Factuality = %v outside [%v, %v]", v, MinValue, MaxValue)
			}
		})
	}
	// The negation rule caps the learned value.
	d := docs["negated"]
	if v := m.Factuality(d, 3); v > NotAssertedMax {
		t.Errorf("negated: Factuality = %.2f above NotAssertedMax %.2f (learned %.2f)", v, NotAssertedMax, m.Learned(d, 3))
	}
}

// TestFactualityBadInput checks that odd input gives a value, not a panic
// or a hang: tokens out of range, no sentences, heads out of range, cycles.
func TestFactualityBadInput(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	d := handmade(t)["wanted"]
	for _, tok := range []int{-1, len(d.Tokens), 1 << 30} {
		if v := m.Factuality(d, tok); v != 0 {
			t.Errorf("token %d out of range: %v, want 0", tok, v)
		}
	}
	if v := m.Factuality(nil, 0); v != 0 {
		t.Errorf("nil Doc: %v, want 0", v)
	}
	mangle := []func(d *text.Doc){
		func(d *text.Doc) { d.Sents = nil },
		func(d *text.Doc) { // a cycle: want ← ban ← want
			d.Tokens[1].Head, d.Tokens[3].Head = 3, 1
		},
		func(d *text.Doc) { d.Tokens[3].Head = 99 },
		func(d *text.Doc) { d.Tokens[3].Head = 3 },
		func(d *text.Doc) {
			for i := range d.Tokens {
				d.Tokens[i].Head, d.Tokens[i].Dep, d.Tokens[i].Lemma, d.Tokens[i].Feats = -1, "", "", ""
			}
		},
	}
	for i, f := range mangle {
		c := *d
		c.Tokens = append([]text.Token(nil), d.Tokens...)
		f(&c)
		for tok := range c.Tokens {
			if v := m.Factuality(&c, tok); math.IsNaN(v) || v < MinValue || v > MaxValue {
				t.Errorf("mangled doc %d, token %d: %v", i, tok, v)
			}
		}
	}
}

// trainSmall trains a model on the hand-parsed sentences with made-up
// values.
func trainSmall(t *testing.T) *Model {
	t.Helper()
	docs := handmade(t)
	var ex []Example
	for id, tok := range map[string]int{"asserted": 1, "reported": 4, "negated": 3, "future": 2, "wanted": 3, "possible": 2} {
		v := -1.0
		if id == "asserted" || id == "reported" {
			v = 1.1
		}
		ex = append(ex, Example{Doc: docs[id], Token: tok, Value: v})
	}
	// Map order must not matter: sort by value then token.
	for i := range ex {
		for j := i + 1; j < len(ex); j++ {
			if ex[j].Value < ex[i].Value || ex[j].Value == ex[i].Value && ex[j].Token < ex[i].Token {
				ex[i], ex[j] = ex[j], ex[i]
			}
		}
	}
	m, err := Train(ex, TrainOptions{Lambda: 0.1, Prune: -1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTrainSaveRead checks that training is deterministic, that a model
// survives Save and Read unchanged, and that it learns the training data.
func TestTrainSaveRead(t *testing.T) {
	var files [2][]byte
	var m *Model
	for i := range files {
		m = trainSmall(t)
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		files[i] = buf.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings on the same data gave different bytes")
	}
	r, err := LoadBytes(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if r.NumFeatures() != m.NumFeatures() || r.Groups() != m.Groups() || r.NumFeatures() == 0 {
		t.Fatalf("read %d features (%s), saved %d (%s)", r.NumFeatures(), r.Groups(), m.NumFeatures(), m.Groups())
	}
	var again bytes.Buffer
	if err := r.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), files[0]) {
		t.Error("a read model saves to different bytes")
	}
	docs := handmade(t)
	if a, n := r.Learned(docs["asserted"], 1), r.Learned(docs["future"], 2); a <= 0 || n >= 0 {
		t.Errorf("trained model: asserted %.2f, future %.2f; want positive, negative", a, n)
	}
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("Train with no examples: no error")
	}
	if _, err := Train([]Example{{Doc: docs["asserted"], Token: 99}}, TrainOptions{}); err == nil {
		t.Error("Train with a token out of range: no error")
	}
	if _, err := Train([]Example{{Doc: docs["asserted"], Token: 1, Value: math.NaN()}}, TrainOptions{}); err == nil {
		t.Error("Train with a NaN value: no error")
	}
}

// modelFile assembles a model file by hand, for the loader tests.
func modelFile(magic string, fields ...uint64) []byte {
	var buf bytes.Buffer
	e := perceptron.NewEncoder(&buf, magic)
	for _, f := range fields {
		e.Uvarint(f)
	}
	e.Close()
	return buf.Bytes()
}

func TestReadRejects(t *testing.T) {
	one := uint64(math.Float32bits(1))
	nan := uint64(math.Float32bits(float32(math.NaN())))
	good := modelFile(magic, uint64(AllGroups), one, 2, 5, one, 3, one)
	if _, err := LoadBytes(good); err != nil {
		t.Fatalf("well-formed file: %v", err)
	}
	var trailing bytes.Buffer
	gz := gzip.NewWriter(&trailing)
	r, _ := gzip.NewReader(bytes.NewReader(good))
	var raw bytes.Buffer
	raw.ReadFrom(r)
	gz.Write(raw.Bytes())
	gz.Write([]byte{0})
	gz.Close()
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "malformed"},
		{"not gzip", []byte("eventwire factuality model 1"), "malformed"},
		{"other magic", modelFile("eventwire tagger", 1), "not a"},
		{"truncated", good[:len(good)-9], "malformed"},
		{"trailing bytes", trailing.Bytes(), "trailing"},
		{"unknown groups", modelFile(magic, uint64(AllGroups)+1, one, 0), "feature groups"},
		{"NaN bias", modelFile(magic, 1, nan, 0), "bias not finite"},
		{"too many features", modelFile(magic, 1, one, maxFeatures+1), "feature count"},
		{"missing features", modelFile(magic, 1, one, 3, 5, one), "reading key"},
		{"zero key delta", modelFile(magic, 1, one, 2, 5, one, 0, one), "strictly increasing"},
		{"key overflow", modelFile(magic, 1, one, 2, math.MaxUint32, one, 1, one), "strictly increasing"},
		{"NaN weight", modelFile(magic, 1, one, 1, 5, nan), "weight not finite"},
		{"weight over 32 bits", modelFile(magic, 1, one, 1, 5, 1<<33), "weight"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadBytes(tc.b)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	one := uint64(math.Float32bits(1))
	f.Add(modelFile(magic, uint64(AllGroups), one, 2, 5, one, 3, one))
	f.Add(modelFile(magic, 1, one, 0))
	f.Add([]byte{0x1f, 0x8b})
	d := &text.Doc{Text: "x", Tokens: []text.Token{{Start: 0, End: 1, Head: -1}}, Sents: []text.Span{{Start: 0, End: 1}}}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := LoadBytes(b)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		if v := m.Factuality(d, 0); math.IsNaN(v) || v < MinValue || v > MaxValue {
			t.Fatalf("Factuality = %v", v)
		}
	})
}

func TestGroups(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Groups
		ok   bool
	}{
		{"all", AllGroups, true},
		{"lex,pos", GroupLex | GroupPOS, true},
		{"all,-window", AllGroups &^ GroupWindow, true},
		{" gov , neg ", GroupGov | GroupNeg, true},
		{"lex,nonsense", 0, false},
		{"", 0, true},
	} {
		got, ok := ParseGroups(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseGroups(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok && got != 0 {
			if back, _ := ParseGroups(got.String()); back != got {
				t.Errorf("ParseGroups(%q.String() = %q) = %v", tc.in, got.String(), back)
			}
		}
	}
	if AllGroups != 1<<len(groupNames)-1 {
		t.Errorf("%d group names for AllGroups %b", len(groupNames), AllGroups)
	}
}
