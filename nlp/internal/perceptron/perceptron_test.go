package perceptron

import (
	"bytes"
	"errors"
	"testing"
)

// toy trains a three-class problem where feature k votes for class k%3.
func toy() *Trainer {
	tr := NewTrainer(3)
	scores := make([]float32, 3)
	for ep := 0; ep < 5; ep++ {
		for k := uint64(0); k < 30; k++ {
			feats := []uint64{H1(1, k), H1(2, 0)}
			clear(scores)
			tr.Score(feats, scores)
			best := 0
			for c := range scores {
				if scores[c] > scores[best] {
					best = c
				}
			}
			tr.Update(feats, int(k%3), best)
			tr.Tick()
		}
	}
	return tr
}

func TestTrainerLearnsAndAverages(t *testing.T) {
	m := toy().Average(0)
	scores := make([]float32, 3)
	for k := uint64(0); k < 30; k++ {
		clear(scores)
		m.Score([]uint64{H1(1, k), H1(2, 0)}, scores)
		want := int(k % 3)
		for c := range scores {
			if c != want && scores[c] >= scores[want] {
				t.Fatalf("feature %d: class %d scores %v, want class %d highest", k, c, scores, want)
			}
		}
	}
	clear(scores)
	m.Score([]uint64{H1(1, 999)}, scores)
	if scores[0] != 0 || scores[1] != 0 || scores[2] != 0 {
		t.Errorf("unknown feature scored %v, want zeros", scores)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	m := toy().Average(0)
	var a bytes.Buffer
	if err := m.Encode(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m2.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("re-encoding a decoded model changed its bytes")
	}
	if m2.NumFeatures() != m.NumFeatures() || m2.NumWeights() != m.NumWeights() || m2.NumFeatures() == 0 {
		t.Fatalf("decoded %d rows/%d weights, want %d/%d", m2.NumFeatures(), m2.NumWeights(), m.NumFeatures(), m.NumWeights())
	}
}

func TestDecodeRejects(t *testing.T) {
	m := toy().Average(0)
	var good bytes.Buffer
	m.Encode(&good)
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"no classes", []byte{0, 0}},
		{"truncated", good.Bytes()[:good.Len()/2]},
		{"huge row count", []byte{3, 0xff, 0xff, 0xff, 0xff, 0x7f}},
		{"class out of range", []byte{3, 1, 5, 1, 7, 0, 0, 0, 0}},
		{"repeated key", []byte{3, 2, 5, 0, 0, 0}},
		{"NaN weight", []byte{3, 1, 5, 1, 0, 0, 0, 0xc0, 0x7f}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Decode(bytes.NewReader(tt.in)); !errors.Is(err, ErrFormat) {
				t.Fatalf("Decode = %v, want ErrFormat", err)
			}
		})
	}
}

func TestFileCodec(t *testing.T) {
	var buf bytes.Buffer
	e := NewEncoder(&buf, "magic-1")
	e.Uvarint(42)
	e.String("héllo")
	e.Model(toy().Average(0))
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	d, err := NewDecoder(bytes.NewReader(buf.Bytes()), "magic-1")
	if err != nil {
		t.Fatal(err)
	}
	if v := d.Uvarint("v", 100); v != 42 {
		t.Errorf("Uvarint = %d, want 42", v)
	}
	if s := d.String(100); s != "héllo" {
		t.Errorf("String = %q", s)
	}
	if d.Model() == nil {
		t.Errorf("Model: %v", d.Err())
	}
	if err := d.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := NewDecoder(bytes.NewReader(buf.Bytes()), "other"); !errors.Is(err, ErrFormat) {
		t.Errorf("wrong magic: %v, want ErrFormat", err)
	}
}

func FuzzDecode(f *testing.F) {
	var good bytes.Buffer
	toy().Average(0).Encode(&good)
	f.Add(good.Bytes())
	f.Add([]byte{3, 1, 5, 1, 0, 0, 0, 0x80, 0x3f})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		scores := make([]float32, m.NumClasses())
		m.Score([]uint64{1, 2, 3}, scores)
	})
}
