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
