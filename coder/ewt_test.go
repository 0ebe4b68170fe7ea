package coder_test

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"testing"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text/conllu"
)

// TestEWTEvents codes the gold-parsed UD English EWT dev and test
// treebanks (web text: weblogs, newsgroups, reviews) with the Phoenix
// dictionaries. It checks every event's evidence and, with -v, lists the
// events for judging precision by eye (docs/notes/coder.md has the
// judgement). Set CODER_EWT=1 to run it; without ../shared/data it then
// fails under CI and skips otherwise.
func TestEWTEvents(t *testing.T) {
	if os.Getenv("CODER_EWT") == "" {
		t.Skip("set CODER_EWT=1 to code the EWT treebanks")
	}
	pd := petrarchDir(t)
	d, _ := dict.Load(os.DirFS(pd), dict.Files{
		Verbs:    []string{"CAMEO.2.0.txt"},
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents:   []string{"Phoenix.agents.txt"},
		Discards: []string{"Phoenix.discards.txt"},
	})
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	for _, split := range []string{"dev", "test"} {
		f, err := os.Open(shared.Data(t, "ud", "en_ewt", "en_ewt-ud-"+split+".conllu.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r := conllu.NewReader(zr)
		n, ne := 0, 0
		for {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			n++
			evs, err := c.Code(context.Background(), s.Doc, time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Errorf("%s: %v", s.ID, err)
				continue
			}
			for _, e := range evs {
				ne++
				for _, sp := range [][2]int32{{e.Evidence.Source.Start, e.Evidence.Source.End}, {e.Evidence.Verb.Start, e.Evidence.Verb.End}, {e.Evidence.Target.Start, e.Evidence.Target.End}} {
					if sp[0] < 0 || sp[1] < sp[0] || int(sp[1]) > len(s.Doc.Text) {
						t.Fatalf("%s: evidence %v outside the text", s.ID, sp)
					}
				}
				t.Logf("%s %d %.2f %s %s(%s) -> %s(%s) verb=%q | %s", split, ne, e.Confidence, e.CAMEO, e.Source.Code, e.Source.Text,
					e.Target.Code, e.Target.Text, s.Doc.Text[e.Evidence.Verb.Start:e.Evidence.Verb.End], s.Text)
			}
		}
		f.Close()
		t.Logf("%s: %d sentences, %d events", split, n, ne)
	}
}
