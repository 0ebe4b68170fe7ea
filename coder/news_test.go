package coder_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
)

// TestNewsAleppo codes hand-parsed sentences of the RFE/RL sample article
// with the operational Phoenix dictionaries. The expected events were
// checked by eye against the article: who did what to whom, and nothing
// from the sentences without a dyad (a passive without agent, an agent
// with no country).
func TestNewsAleppo(t *testing.T) {
	d, _ := dict.Load(os.DirFS(petrarchDir(t)), dict.Files{
		Verbs:    []string{"CAMEO.2.0.txt"},
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents:   []string{"Phoenix.agents.txt"},
		Discards: []string{"Phoenix.discards.txt"},
	})
	data, err := os.ReadFile("testdata/news/aleppo.txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, files := parseTxtar(data)
	doc := caseDoc(t, string(files["text.txt"][:len(files["text.txt"])-1]), files["sentence.conllu"])
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	evs, err := c.Code(context.Background(), doc, time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	compareEvents(t, doc, evs, files["want.json"], true)
	for _, e := range evs {
		t.Logf("s%d %s %s %q -> %s %q verb %q [%s]", e.Sentence, e.CAMEO, e.Source.Code, spanText(doc, e.Evidence.Source),
			e.Target.Code, spanText(doc, e.Evidence.Target), spanText(doc, e.Evidence.Verb), e.Pattern)
	}
}
