package text

import (
	"encoding/json"
	"testing"
)

func TestSpanJSON(t *testing.T) {
	tests := []struct {
		in      string
		want    Span
		wantErr bool
	}{
		{`[3,17]`, Span{3, 17}, false},
		{`[0,0]`, Span{}, false},
		{`{"Start":4,"End":9}`, Span{4, 9}, false},
		{`[1]`, Span{}, true},
		{`[1,2,3]`, Span{}, true},
		{`"x"`, Span{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var s Span
			err := json.Unmarshal([]byte(tt.in), &s)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && s != tt.want {
				t.Errorf("got %+v, want %+v", s, tt.want)
			}
		})
	}
	b, err := json.Marshal(struct {
		P []Span `json:"p"`
	}{[]Span{{0, 5}, {7, 12}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"p":[[0,5],[7,12]]}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
}

// TestSpanJSONFast checks that the fast paths write and read what
// encoding/json does.
func TestSpanJSONFast(t *testing.T) {
	for _, s := range []Span{{}, {3, 17}, {-1, 0}, {-2147483648, 2147483647}, {1 << 20, 1<<20 + 9}} {
		got, _ := s.MarshalJSON()
		want, _ := json.Marshal([2]int32{s.Start, s.End})
		if string(got) != string(want) {
			t.Errorf("MarshalJSON(%v) = %s, want %s", s, got, want)
		}
	}
	for _, in := range []string{`[3,17]`, ` [ 3 , 17 ] `, "[\n0,\t0]", `[-5,2147483647]`, `[-2147483648,0]`,
		`[2147483648,0]`, `[0,-2147483649]`, `[1.5,2]`, `[1e2,3]`, `[01,2]`, `[-0,0]`, `[-,1]`, `[1,2,3]`, `[1]`, `[]`,
		`null`, `{"Start":4,"End":9}`, `"x"`, `[1,2]x`, `[1,2`, `[99999999999,1]`, `[1,2]]`} {
		compareSpanParse(t, []byte(in))
	}
}

// compareSpanParse checks that UnmarshalJSON reads b as encoding/json
// alone does: the same span, or an error for both.
func compareSpanParse(t *testing.T, b []byte) {
	t.Helper()
	var fast, slow Span
	errFast := fast.UnmarshalJSON(b)
	errSlow := slow.unmarshalJSON(b)
	if (errFast != nil) != (errSlow != nil) || fast != slow {
		t.Errorf("%q: fast %v %v, encoding/json %v %v", b, fast, errFast, slow, errSlow)
	}
}

// FuzzSpanJSON checks the fast reading of spans against encoding/json.
func FuzzSpanJSON(f *testing.F) {
	for _, s := range []string{`[3,17]`, ` [ -1 , 0 ]`, `{"Start":4,"End":9}`, `[2147483648,0]`, `[01,2]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		compareSpanParse(t, b)
	})
}
