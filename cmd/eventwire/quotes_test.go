package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestCodeQuotesSample runs "eventwire code" on the RFE/RL sample and
// checks the quotes a reader checked by hand: their speakers' codes
// through a pronoun and a surname, the chain of reporting, the addressee,
// and the statement event its quote points at.
func TestCodeQuotesSample(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models and dictionaries")
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")}
	if err := m.Run(context.Background(), []string{"code", "../../testdata/samples/rferl-2016-12-23-aleppo.txt", "--date", "2016-12-23"}); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	var got struct {
		Events []eventwire.Event
		Quotes []eventwire.Quote
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	find := func(prefix string) *eventwire.Quote {
		for i := range got.Quotes {
			if strings.HasPrefix(got.Quotes[i].Text, prefix) {
				return &got.Quotes[i]
			}
		}
		t.Fatalf("no quote starts with %q", prefix)
		return nil
	}
	q := find("the troika had agreed")
	if q.Kind != "indirect" || q.Speaker.Text != "He" || q.Speaker.Code != "RUSGOV" || q.Speaker.Via == nil || q.Speaker.Via.How != "pronoun" {
		t.Errorf("He said: %+v", q)
	}
	q = find("President [Nursultan] Nazarbaev")
	if q.Kind != "direct" || q.Speaker.Code != "RUSGOV" || q.Cue != "" {
		t.Errorf("continued paragraph: %+v", q)
	}
	q = find("the main goal now")
	if q.Speaker.Text != "Putin" || q.Speaker.Code != "RUSGOV" || q.Addressee == nil || q.Addressee.Code != "SYRGOV" ||
		q.ReportedBy == nil || q.ReportedBy.Text != "The Kremlin" {
		t.Errorf("the Kremlin said Putin told Assad: %+v", q)
	}
	if len(q.Events) != 1 || got.Events[q.Events[0]].Quote == nil || got.Quotes[*got.Events[q.Events[0]].Quote].Text != q.Text {
		t.Errorf("the statement event and its quote do not point at each other: %v", q.Events)
	}
	q = find("the Aleppo takeover")
	if q.Kind != "mixed" || q.Speaker.Code != "SYRGOV" || q.ReportedBy == nil || !strings.Contains(q.ReportedBy.Text, "SANA") {
		t.Errorf("SANA said Assad responded: %+v", q)
	}
	q = find("After Aleppo")
	if q.Kind != "direct" || q.Speaker.Text != "Nasrallah" || q.Speaker.Code == "" {
		t.Errorf("Nasrallah said: %+v", q)
	}
	for _, q := range got.Quotes {
		if strings.Contains(q.Text, "troika") && len(q.Text) < 12 || q.Text == "maintain order" {
			t.Errorf("scare quote taken for a quote: %+v", q)
		}
	}
}
