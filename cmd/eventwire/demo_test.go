package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestDemoAndArticles runs the demo into a kept database, then lists and
// searches it with the articles command.
func TestDemoAndArticles(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.db")
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(ctx, []string{"demo", "--db", db}); err != nil {
		t.Fatalf("demo: %v\n%s%s", err, out.String(), errb.String())
	}
	for _, want := range []string{
		"ingested 51, unchanged 0, failed 0 ",
		"store: 51 pages, 51 articles, 0 failures",
		"2020-11-07  Joe Biden projected US president-elect",
		"timings:",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}

	tests := []struct {
		name    string
		args    []string
		wantURL string // must be listed
		n       int    // number of articles, -1 to skip
	}{
		{"search", []string{"--search", "Soleimani"}, "https://en.wikinews.org/wiki/United_States_military_kills_Qasem_Soleimani", -1},
		{"rferl", []string{"--search", "Aleppo Putin"}, "eventwire:samples/rferl-2016-12-23-aleppo.txt", 1},
		{"limit", []string{"--limit", "3"}, "", 3},
		{"none", []string{"--search", "zzzunknownzzz"}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o, e bytes.Buffer
			m := &Main{Stdout: &o, Stderr: &e}
			args := append([]string{"articles", "--db", db, "--json"}, tt.args...)
			if err := m.Run(ctx, args); err != nil {
				t.Fatal(err)
			}
			var got []eventwire.ArticleSummary
			dec := json.NewDecoder(&o)
			for dec.More() {
				var a eventwire.ArticleSummary
				if err := dec.Decode(&a); err != nil {
					t.Fatal(err)
				}
				got = append(got, a)
			}
			if tt.n >= 0 && len(got) != tt.n {
				t.Errorf("%d articles, want %d", len(got), tt.n)
			}
			if tt.wantURL != "" {
				found := false
				for _, a := range got {
					found = found || a.URL == tt.wantURL
				}
				if !found {
					t.Errorf("%s not listed: %+v", tt.wantURL, got)
				}
			}
		})
	}
}
