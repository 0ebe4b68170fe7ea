package plover_test

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/plover"
)

// FuzzRead: any input gives records and/or an error, never a panic; every
// record read has an id, a text, a 2021 category, a line, and actors with
// codes.
func FuzzRead(f *testing.F) {
	f.Add(goodFile)
	f.Add(`[{"id":"a","event":"FIGHT","text":"T.","source":"","target":[{"code":"x"}]},{"id":"a"}]`)
	f.Add("[\n{\"id\": }\n]")
	f.Add(`[{"id":"a","event":"AGREE","text":"T.","date":"2000-13-01"}] x`)
	f.Add(`[1, null, "s", [], {"source": [1]}]`)
	f.Fuzz(func(t *testing.T, in string) {
		recs, _ := plover.Read(strings.NewReader(in), "f.json")
		for _, r := range recs {
			if r.ID == "" || strings.TrimSpace(r.Text) == "" || plover.Category(r.Gold) != r.Gold || r.Gold == "" || r.Line < 1 {
				t.Fatalf("bad record %+v", r)
			}
			for _, a := range append(r.Sources, r.Targets...) {
				if a.Code == "" {
					t.Fatalf("actor without a code in %+v", r)
				}
			}
			_ = plover.Part(r.ID)
		}
	})
}
