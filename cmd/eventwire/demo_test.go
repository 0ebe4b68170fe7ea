package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
)

// figures are the counts of the demo's "N articles parsed" line.
type figures struct{ articles, sentences, tokens, events int }

func demoFigures(t *testing.T, out string) figures {
	t.Helper()
	line := regexp.MustCompile(`(?m)^\d+ articles parsed: .*$`).FindString(out)
	var f figures
	if _, err := fmt.Sscanf(line, "%d articles parsed: %d sentences, %d tokens; %d events coded",
		&f.articles, &f.sentences, &f.tokens, &f.events); err != nil {
		t.Fatalf("no figures line in the demo output (%v):\n%s", err, out)
	}
	return f
}

// TestDemoAndArticles runs the demo (the whole pipeline) into a kept
// database, checks its report and the stored events, runs it again (all
// unchanged, same figures), then lists and searches with the articles
// command.
func TestDemoAndArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.db")
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(ctx, []string{"demo", "--db", db, "--samples", "../../testdata/samples"}); err != nil {
		t.Fatalf("demo: %v\n%s%s", err, out.String(), errb.String())
	}
	for _, want := range []string{
		"ingested 51, unchanged 0, failed 0 ",
		"store: 51 pages, 51 articles, 0 failures",
		"events by CAMEO root:",
		"events by PLOVER category:",
		"top dyads (source → target):",
		"2020-11-07  Joe Biden projected US president-elect",
		"timings (wall clock):",
		"throughput: ",
		"eventwire articles --db " + db + " --search Aleppo",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	// Hand-checked against the RFE/RL text: "Russian President Vladmir
	// Putin hailed the recapture of Aleppo" is praise (CAMEO 051) by the
	// Russian government (Putin is RUSGOV from 2000 in the Phoenix
	// dictionaries), and "The Kremlin said Putin told Assad ..." has Putin
	// (RUSGOV) making a statement (010) to Assad (SYRGOV).
	if !regexp.MustCompile(`(?m)^ +2 051 +(Russian President )?Vladmir Putin \[RUSGOV\] \| hailed \|`).MatchString(out.String()) {
		t.Errorf("the RFE/RL events lack Putin hailed (051, RUSGOV):\n%s", out.String())
	}
	first := demoFigures(t, out.String())
	if first.articles != 51 || first.sentences < 500 || first.tokens < 10*first.sentences || first.events < 51 {
		// 51 articles of several paragraphs each; at least one event an
		// article on average (the RFE/RL page alone has more than five).
		t.Errorf("figures %+v: want 51 articles, >= 500 sentences, >= 10 tokens a sentence, >= 51 events", first)
	}
	if n := countRows(t, db, "SELECT count(*) FROM docs"); n != 51 {
		t.Errorf("docs = %d, want 51", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM events"); n != first.events {
		t.Errorf("events in the database = %d, report says %d", n, first.events)
	}

	// The RFE/RL story's events, through "articles --events --json".
	rferl := countRows(t, db, "SELECT id FROM pages WHERE url = 'eventwire:samples/rferl-2016-12-23-aleppo.txt'")
	text := ""
	{
		d, err := sqlite.Open(ctx, db, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := d.Story(ctx, int64(rferl))
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		text = st.Article.Text
	}
	var eo bytes.Buffer
	m = &Main{Stdout: &eo, Stderr: &errb}
	if err := m.Run(ctx, []string{"articles", "--db", db, "--events", strconv.Itoa(rferl), "--json"}); err != nil {
		t.Fatal(err)
	}
	type found struct{ cameo, src, verb, srcCode, tgtCode string }
	var got []found
	dec := json.NewDecoder(&eo)
	for dec.More() {
		var e eventwire.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		src, verb := e.Evidence.Source, e.Evidence.Verb
		if src.End > int32(len(text)) || verb.End > int32(len(text)) || src.Start > src.End || verb.Start > verb.End {
			t.Fatalf("event %+v: evidence outside the article's %d bytes", e, len(text))
		}
		got = append(got, found{e.CAMEO, text[src.Start:src.End], text[verb.Start:verb.End], e.Source.Code, e.Target.Code})
	}
	for _, want := range []found{
		{"051", "Russian President Vladmir Putin", "hailed", "RUSGOV", ""}, // the title (nmod:desc) is part of the actor phrase
		{"010", "Putin", "told", "RUSGOV", "SYRGOV"},
	} {
		ok := false
		for _, g := range got {
			ok = ok || (g.cameo == want.cameo && g.src == want.src && g.verb == want.verb &&
				g.srcCode == want.srcCode && (want.tgtCode == "" || g.tgtCode == want.tgtCode))
		}
		if !ok {
			t.Errorf("RFE/RL events lack %+v; have %+v", want, got)
		}
	}

	// Again over the same database: nothing new, the same figures.
	var out2 bytes.Buffer
	m = &Main{Stdout: &out2, Stderr: &errb}
	if err := m.Run(ctx, []string{"demo", "--db", db, "--samples", "../../testdata/samples"}); err != nil {
		t.Fatalf("second demo: %v\n%s", err, out2.String())
	}
	if !strings.Contains(out2.String(), "ingested 0, unchanged 51, failed 0 ") {
		t.Errorf("second demo:\n%s", out2.String())
	}
	if again := demoFigures(t, out2.String()); again != first {
		t.Errorf("second demo figures %+v, first %+v", again, first)
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

// lockedBuffer is a bytes.Buffer safe for a command writing while a test
// reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestDemoServe: demo --serve runs the demo, merges its events, then
// serves the results until its context ends: the API answers with the
// demo's stories and merged events, and the command returns cleanly.
func TestDemoServe(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole demo")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errs lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- (&Main{Stdout: &out, Stderr: &errs}).Run(ctx, []string{"demo", "--samples", "../../testdata/samples",
			"--serve", "--addr", "127.0.0.1:0"})
	}()
	re := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(3 * time.Minute); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("demo ended before serving: %v\n%s", err, errs.String())
		default:
		}
		if m := re.FindStringSubmatch(errs.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("demo did not serve:\n%s", errs.String())
	}
	get := func(path string, v any) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, resp.Status)
		}
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	var stats eventwire.StoreStats
	get("api/stats", &stats)
	if stats.Articles < 50 || stats.Events == 0 {
		t.Errorf("served stats %+v, want the demo's 51 articles and their events", stats)
	}
	var merged struct {
		Events []eventwire.MergedEvent `json:"events"`
	}
	get("api/events/merged?limit=5", &merged)
	if len(merged.Events) == 0 {
		t.Error("no merged events served: the demo did not merge")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("demo --serve after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo --serve did not stop")
	}
}
