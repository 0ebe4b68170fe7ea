package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestIngestFeedPoll polls a feed four times: the first run stores its
// items; the second sends the feed's ETag and gets 304, fetching nothing;
// the third gets a changed feed and fetches only the new item (the others
// are known); --refresh fetches them all again.
func TestIngestFeedPoll(t *testing.T) {
	good, err := os.ReadFile("../../testdata/ingest/good.html")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	version := 1
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits[r.URL.Path]++
		switch {
		case r.URL.Path == "/feed.xml":
			etag := fmt.Sprintf(`"v%d"`, version)
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>`)
			for i := 1; i <= version+1; i++ {
				fmt.Fprintf(w, "<item><title>Story %d</title><link>/story/%d</link></item>", i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/story/"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(good)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "e.db")
	run := func(extra ...string) string {
		t.Helper()
		var out bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &out}
		args := append([]string{"ingest", "--db", db, "--no-parse", "--quiet", "--rate", "-1"}, extra...)
		if err := m.Run(context.Background(), append(args, srv.URL+"/feed.xml")); err != nil {
			t.Fatalf("%v: %v\n%s", extra, err, out.String())
		}
		return out.String()
	}
	storyHits := func() string {
		mu.Lock()
		defer mu.Unlock()
		return fmt.Sprintf("%d %d %d", hits["/story/1"], hits["/story/2"], hits["/story/3"])
	}
	for _, step := range []struct {
		name    string
		change  bool     // the feed gets a third item
		flags   []string // extra flags
		summary []string // lines the summary must hold
		hits    string   // fetches of /story/1, 2 and 3 so far
	}{
		{"first poll", false, nil, []string{"ingested 2, unchanged 0, failed 0 "}, "1 1 0"},
		{"unchanged feed", false, nil, []string{"ingested 0, unchanged 0, failed 0 ",
			"not modified since their last poll: 1 feeds (--refresh downloads them anyway)"}, "1 1 0"},
		{"a new item", true, nil, []string{"ingested 1, unchanged 0, failed 0 ",
			"known, skipped 2 feed items whose URL is already stored (--refresh fetches them again)"}, "1 1 1"},
		{"refresh", false, []string{"--refresh"}, []string{"ingested 0, unchanged 3, failed 0 "}, "2 2 2"},
	} {
		if step.change {
			mu.Lock()
			version = 2
			mu.Unlock()
		}
		out := run(step.flags...)
		for _, want := range step.summary {
			if !strings.Contains(out, want) {
				t.Errorf("%s: summary\n%s\nwant %q", step.name, out, want)
			}
		}
		if strings.Contains(out, "known, skipped") != strings.Contains(strings.Join(step.summary, "\n"), "known, skipped") {
			t.Errorf("%s: summary\n%s", step.name, out)
		}
		if got := storyHits(); got != step.hits {
			t.Errorf("%s: stories fetched %s times, want %s", step.name, got, step.hits)
		}
	}
	if n := countRows(t, db, "SELECT count(*) FROM articles"); n != 3 {
		t.Errorf("articles = %d, want 3", n)
	}

	// The JSON summary counts them too.
	var js struct {
		Known       int64 `json:"known_skipped"`
		NotModified int64 `json:"feeds_not_modified"`
	}
	if err := json.Unmarshal([]byte(run("--json")), &js); err != nil || js.NotModified != 1 || js.Known != 0 {
		t.Errorf("JSON summary: %+v, %v; want 1 feed not modified", js, err)
	}
}

// TestIngestFeedDeadHost ingests a feed of 10,000 items on a host that
// refuses connections, and one of 500 items on a host whose robots.txt
// answers but whose pages hang: every item is recorded as a fetch failure,
// with a handful of connection attempts in all, and ingest --retry takes
// them all again.
func TestIngestFeedDeadHost(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := l.Addr().String()
	// 10,000 items, the case; 2,000 under the race detector, where
	// recording each failure costs several times more (the connection
	// counts, which are the point, do not depend on it).
	nRefused := 10000
	if raceEnabled {
		nRefused = 2000
	}
	total := nRefused + 500
	l.Close()
	var mu sync.Mutex
	conns := 0
	hanging := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		<-r.Context().Done()
	}))
	hanging.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			mu.Lock()
			conns++
			mu.Unlock()
		}
	}
	hanging.Start()
	defer hanging.Close()
	feeds := map[string]string{}
	for _, f := range []struct {
		path  string
		host  string
		items int
	}{{"/refused.xml", refused, nRefused}, {"/hanging.xml", hanging.Listener.Addr().String(), 500}} {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>`)
		for i := range f.items {
			fmt.Fprintf(&b, "<item><title>Story %d</title><link>http://%s/story/%d</link></item>\n", i, f.host, i)
		}
		b.WriteString("</channel></rss>")
		feeds[f.path] = b.String()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		feed, ok := feeds[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "e.db")
	run := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &out}
		args = append([]string{"ingest", "--db", db, "--no-parse", "--quiet", "--timeout", "300ms"}, args...)
		if err := m.Run(context.Background(), args); !errors.Is(err, errFailures) {
			t.Fatalf("%v: err = %v, want errFailures\n%s", args, err, out.String())
		}
		return out.String()
	}
	// The default rate (1 a second) would take three hours to fetch the
	// items.
	out := run(srv.URL+"/refused.xml", srv.URL+"/hanging.xml")
	if !strings.HasPrefix(out, fmt.Sprintf("ingested 0, unchanged 0, failed %d ", total)) ||
		!strings.Contains(out, "disallowed by robots.txt: robots.txt unreachable") ||
		!strings.HasSuffix(out, fmt.Sprintf("failed by stage: fetch %d; by kind: other %d, timeout 500\n", total, nRefused)) {
		t.Errorf("summary:\n%s\nwant %d failures, robots.txt unreachable, 500 timeouts", out, total)
	}
	t.Logf("first run: %s", out[:strings.IndexByte(out, '\n')])
	for _, q := range []struct{ query, what string }{
		{fmt.Sprintf("SELECT count(*) FROM failures WHERE stage = 'fetch' AND url LIKE 'http://%s/story/%%' AND error LIKE '%%robots.txt unreachable%%'", refused),
			"refused host's items failed by robots.txt"},
		{fmt.Sprintf("SELECT count(*) FROM failures WHERE stage = 'fetch' AND url LIKE 'http://%s/story/%%' AND error LIKE '%%3 consecutive failures, skipped for this run%%'", hanging.Listener.Addr()),
			"hanging host's items failed by the breaker"},
	} {
		want := nRefused
		if strings.HasPrefix(q.what, "hanging") {
			want = 500 - 3
		}
		if n := countRows(t, db, q.query); n != want {
			t.Errorf("%s: %d, want %d", q.what, n, want)
		}
	}
	mu.Lock()
	if conns != 4 {
		t.Errorf("hanging host: %d connections, want 4 (robots.txt and 3 pages)", conns)
	}
	mu.Unlock()

	// Every failure is retried, and fails again as fast.
	out = run("--retry")
	if !strings.HasPrefix(out, fmt.Sprintf("ingested 0, unchanged 0, failed %d ", total)) {
		t.Errorf("retry summary:\n%s", out)
	}
	t.Logf("retry: %s", out[:strings.IndexByte(out, '\n')])
	if n := countRows(t, db, "SELECT count(*) FROM failures WHERE attempts = 2"); n != total {
		t.Errorf("failures tried twice: %d, want %d", n, total)
	}
}

// TestRetryFeedURL: a feed URL whose fetch failed is retried as a feed
// (its items are read), not stored as one page.
func TestRetryFeedURL(t *testing.T) {
	good, err := os.ReadFile("../../testdata/ingest/good.html")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	down := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.URL.Path == "/feed.xml" && down:
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case r.URL.Path == "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>`+
				`<item><title>A</title><link>/story/1</link></item><item><title>B</title><link>/story/2</link></item></channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/story/"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(good)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "f.db")
	var out bytes.Buffer
	err = (&Main{Stdout: &out, Stderr: &out}).Run(context.Background(),
		[]string{"ingest", "--db", db, "--no-parse", "--quiet", "--rate", "-1", srv.URL + "/feed.xml"})
	if !errors.Is(err, errFailures) {
		t.Fatalf("first run: %v, want the feed's fetch to fail\n%s", err, out.String())
	}
	mu.Lock()
	down = false
	mu.Unlock()
	out.Reset()
	if err := (&Main{Stdout: &out, Stderr: &out}).Run(context.Background(),
		[]string{"ingest", "--db", db, "--no-parse", "--quiet", "--rate", "-1", "--retry"}); err != nil {
		t.Fatalf("retry: %v\n%s", err, out.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM pages WHERE url LIKE '%/story/%'"); n != 2 {
		t.Errorf("%d feed items stored by the retry, want 2\n%s", n, out.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM pages WHERE url LIKE '%feed.xml'"); n != 0 {
		t.Errorf("the feed itself was stored as a page")
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures"); n != 0 {
		t.Errorf("%d failures left after the retry, want 0", n)
	}
}
