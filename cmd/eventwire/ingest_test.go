package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/source"

	_ "modernc.org/sqlite"
)

// The test binary doubles as the eventwire command: run with
// EVENTWIRE_CHILD_ARGS set (separated by U+001F), TestChildMain runs main().
func TestChildMain(t *testing.T) {
	args := os.Getenv("EVENTWIRE_CHILD_ARGS")
	if args == "" {
		t.Skip("runs only as a child process of the ingest tests")
	}
	os.Args = append([]string{"eventwire"}, strings.Split(args, "\x1f")...)
	main()
	os.Exit(0)
}

// child returns a command running "eventwire args..." in this test binary.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildMain$")
	cmd.Env = append(os.Environ(), "EVENTWIRE_CHILD_ARGS="+strings.Join(args, "\x1f"))
	return cmd
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func countRows(t *testing.T, db, query string) int {
	t.Helper()
	d, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	if err := d.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestIngestDir is the end-to-end test of "eventwire ingest" on a directory
// of good and bad inputs, run twice.
func TestIngestDir(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	good, err := os.ReadFile("../../testdata/ingest/good.html")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"good.html":             good,
		"sub/good-copy.html.gz": gzipped(good),
		"binary.dat":            {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"empty.html":            nil,
		"truncated.html.gz":     gzipped(good)[:200],
		"bomb.html.gz":          gzipped(make([]byte, 60<<20)), // 60 MB of zeros in ~60 KB
		// Over the extraction cap (set to 1 MB below, to keep the test
		// cheap; 5 MB by default), under the read cap (50 MB); its text
		// is over the parse cap (1 MiB).
		"huge.html": []byte("<html><body><p>" + strings.Repeat("Words of a very long page. ", 1200<<10/27) + "</p></body></html>"),
	}
	for name, b := range files {
		p := filepath.Join(in, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "e.db")

	// First run, as a real process: exit status 1 and a summary.
	var stdout, stderr bytes.Buffer
	cmd := child("ingest", "--max-extract-bytes", "1000000", "--db", db, in)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit = %v, want status 1\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	out := stdout.String()
	if !strings.HasPrefix(out, "ingested 2, unchanged 0, failed 5 ") {
		t.Errorf("summary:\n%s\nwant it to start with %q", out, "ingested 2, unchanged 0, failed 5 ")
	}
	for _, want := range []string{
		"binary.dat: unsupported input",
		"empty.html: no article content",
		"truncated.html.gz: gzip: truncated",
		"bomb.html.gz: input too large",
		"huge.html: extract",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary does not list %q:\n%s", want, out)
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr in a pipe should be quiet, got %q", stderr.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM pages"); n != 2 {
		t.Errorf("pages = %d, want 2", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM articles WHERE title = 'Council approves new bridge over the river'"); n != 2 {
		t.Errorf("articles with the page's title = %d, want 2", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures WHERE stage = 'read'"); n != 4 {
		t.Errorf("read failures = %d, want 4", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures WHERE stage = 'extract' AND error LIKE '%too large%' AND body IS NOT NULL"); n != 1 {
		t.Errorf("extract failures of the huge page, with its body kept = %d, want 1", n)
	}

	// Second run, in process: nothing new, same failures.
	var o2, e2 bytes.Buffer
	m := &Main{Stdout: &o2, Stderr: &e2}
	err = m.Run(context.Background(), []string{"ingest", "--max-extract-bytes", "1000000", "--db", db, in})
	if !errors.Is(err, errFailures) {
		t.Errorf("second run err = %v, want errFailures", err)
	}
	if !strings.HasPrefix(o2.String(), "ingested 0, unchanged 2, failed 5 ") {
		t.Errorf("second summary = %q", o2.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM pages"); n != 2 {
		t.Errorf("pages after second run = %d, want 2", n)
	}
	if n := countRows(t, db, "SELECT sum(attempts) FROM failures"); n != 10 {
		t.Errorf("failure attempts = %d, want 10 (5 failures, twice)", n)
	}

	// The good page and its copy were parsed: their Docs are stored.
	if n := countRows(t, db, "SELECT count(*) FROM docs"); n != 2 {
		t.Errorf("docs = %d, want 2", n)
	}

	// Retry from the database with a higher extraction cap: the huge page
	// (body kept) now goes through, extracted only (its 1.2 MB text is over
	// the parse cap); the others are read again from disk and fail again,
	// but for the one refused for what it is (unsupported), which is
	// passed over and said so.
	var o4 bytes.Buffer
	m = &Main{Stdout: &o4, Stderr: &e2}
	err = m.Run(context.Background(), []string{"ingest", "--db", db, "--retry", "--max-extract-bytes", "2000000", "--no-parse"})
	if !errors.Is(err, errFailures) {
		t.Errorf("retry err = %v, want errFailures", err)
	}
	if !strings.HasPrefix(o4.String(), "ingested 1, unchanged 0, failed 3 ") || !strings.Contains(o4.String(), "passed over 1 refused input") {
		t.Errorf("retry summary = %q", o4.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures"); n != 4 {
		t.Errorf("failures after retry = %d, want 4 (the huge page's is cleared)", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM pages WHERE url LIKE '%huge.html'"); n != 1 {
		t.Errorf("huge page stored %d times after retry, want 1", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM docs"); n != 2 {
		t.Errorf("docs after the --no-parse retry = %d, want still 2", n)
	}

	// Recode codes the two parsed stories and reports the unparsed one.
	var o6 bytes.Buffer
	m = &Main{Stdout: &o6, Stderr: &e2}
	if err := m.Run(context.Background(), []string{"recode", "--db", db}); err != nil {
		t.Fatalf("recode: %v", err)
	}
	if !strings.HasPrefix(o6.String(), "recoded 2 stories (0 changed, 2 unchanged), failed 0") ||
		!strings.Contains(o6.String(), "\n1 articles have no stored parse") {
		t.Errorf("recode summary:\n%s", o6.String())
	}

	// Without --no-parse, the huge page's text is over the parse cap.
	var o5 bytes.Buffer
	huge := filepath.Join(in, "huge.html")
	m = &Main{Stdout: &o5, Stderr: &e2}
	err = m.Run(context.Background(), []string{"ingest", "--db", filepath.Join(dir, "huge.db"), "--max-extract-bytes", "2000000", huge})
	if !errors.Is(err, errFailures) || !strings.Contains(o5.String(), "annotate") || !strings.Contains(o5.String(), "input too large") {
		t.Errorf("huge page with the parser: err = %v, summary:\n%s\nwant an annotate failure, input too large", err, o5.String())
	}

	// The articles command finds the page.
	var o3 bytes.Buffer
	m = &Main{Stdout: &o3, Stderr: &e2}
	if err := m.Run(context.Background(), []string{"articles", "--db", db, "--search", "bridge commuters"}); err != nil {
		t.Fatal(err)
	}
	if c := strings.Count(o3.String(), "Council approves new bridge"); c != 2 {
		t.Errorf("articles --search listed the page %d times, want 2:\n%s", c, o3.String())
	}
}

func TestIngestUsage(t *testing.T) {
	var o, e bytes.Buffer
	m := &Main{Stdout: &o, Stderr: &e}
	if err := m.Run(context.Background(), []string{"ingest"}); !errors.Is(err, errUsage) {
		t.Errorf("ingest without args = %v, want errUsage", err)
	}
	if err := m.Run(context.Background(), []string{"ingest", "--retry", "x.html"}); !errors.Is(err, errUsage) {
		t.Errorf("ingest --retry with an input = %v, want errUsage", err)
	}
	if err := m.Run(context.Background(), []string{"ingest", "--no-parse", "--dict", "x.txt", "x.html"}); !errors.Is(err, errUsage) {
		t.Errorf("ingest --no-parse --dict = %v, want errUsage", err)
	}
	if err := m.Run(context.Background(), []string{"ingest", "--db", filepath.Join(t.TempDir(), "d.db"), "--dict",
		filepath.Join(t.TempDir(), "absent.txt"), "x.html"}); err == nil || !strings.Contains(err.Error(), "absent.txt") {
		t.Errorf("ingest with a missing --dict file = %v, want an error naming it", err)
	}
	if err := m.Run(context.Background(), []string{"articles", "--db", filepath.Join(t.TempDir(), "none.db")}); err == nil ||
		!strings.Contains(err.Error(), "no database") {
		t.Errorf("articles on a missing db = %v, want a no-database error", err)
	}
}

// TestIngestCrash kills an ingest with SIGKILL in the middle, runs it
// again, and checks that every page is stored exactly once.
func TestIngestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	// Enough pages that the first run is killed (after 50 are committed)
	// long before it ends; most of the test's time is the second run
	// storing the rest, so no more than that.
	const pages = 250
	dir := t.TempDir()
	warc := filepath.Join(dir, "crawl.warc.gz")
	f, err := os.Create(warc)
	if err != nil {
		t.Fatal(err)
	}
	w := source.NewWARCWriter(f, true)
	when := time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)
	for i := 0; i < pages; i++ {
		body := fmt.Sprintf("<html><head><title>Story %d</title></head><body><article><h1>Story %d</h1>"+
			"<p>Officials in city %d announced on Monday that the talks with the delegation from region %d had ended without an agreement.</p>"+
			"<p>Negotiators are expected to meet again next week, a spokesman said, adding that both sides remained committed to a settlement.</p>"+
			"</article></body></html>", i, i, i, i*7)
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/story/%d", i), when, []byte(body), "Content-Type: text/html"); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	db := filepath.Join(dir, "crash.db")

	cmd := child("ingest", "--db", db, "--workers", "2", warc)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some pages are committed, then kill without warning.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		time.Sleep(20 * time.Millisecond)
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no page stored in 2 minutes")
		}
		if _, err := os.Stat(db); err != nil {
			continue
		}
		if n := countRowsQuiet(db, "SELECT count(*) FROM pages"); n >= 50 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	before := countRows(t, db, "SELECT count(*) FROM pages")
	if before >= pages {
		t.Fatalf("the first run finished (%d pages) before it was killed; the test proves nothing", before)
	}
	t.Logf("killed after %d of %d pages", before, pages)

	var o, e bytes.Buffer
	m := &Main{Stdout: &o, Stderr: &e}
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, warc}); err != nil {
		t.Fatalf("second run: %v\n%s%s", err, o.String(), e.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM pages"); n != pages {
		t.Errorf("pages = %d, want %d", n, pages)
	}
	if n := countRows(t, db, "SELECT count(DISTINCT url) FROM pages"); n != pages {
		t.Errorf("distinct URLs = %d, want %d", n, pages)
	}
	if n := countRows(t, db, "SELECT count(*) FROM articles"); n != pages {
		t.Errorf("articles = %d, want %d (a page without its article was half-written)", n, pages)
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures"); n != 0 {
		t.Errorf("failures = %d, want 0", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM docs"); n != pages {
		t.Errorf("docs = %d, want %d (a story without its parse was half-written)", n, pages)
	}
	want := fmt.Sprintf("ingested %d, unchanged %d, failed 0 ", pages-before, before)
	if !strings.HasPrefix(o.String(), want) {
		t.Errorf("second summary = %q, want it to start with %q", o.String(), want)
	}
	d, _ := sql.Open("sqlite", db)
	defer d.Close()
	var check string
	if err := d.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
}

// countRowsQuiet is countRows for polling: -1 on any error (the database
// may be mid-creation).
func countRowsQuiet(db, query string) int {
	d, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(1000)&_pragma=query_only(1)")
	if err != nil {
		return -1
	}
	defer d.Close()
	var n int
	if err := d.QueryRow(query).Scan(&n); err != nil {
		return -1
	}
	return n
}

// TestIngestPipeline ingests the RFE/RL sample with the whole pipeline and
// a user actor dictionary: the JSON summary counts the parse, and the
// stored events use the user's code.
func TestIngestPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	mine := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(mine, []byte("PUTIN_ [ZZZGOV]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	m := &Main{Stdout: &o, Stderr: &e}
	err := m.Run(context.Background(), []string{"ingest", "--db", db, "--json", "--dict", "actors=" + mine,
		"../../testdata/samples/rferl-2016-12-23-aleppo.txt"})
	if err != nil {
		t.Fatalf("%v\n%s%s", err, o.String(), e.String())
	}
	var sum struct {
		Ingested, Sentences, Tokens, Events int
	}
	if err := json.Unmarshal(o.Bytes(), &sum); err != nil {
		t.Fatalf("%v: %s", err, o.String())
	}
	// The article has 12 paragraphs of one or more sentences each.
	if sum.Ingested != 1 || sum.Sentences < 12 || sum.Tokens < 10*sum.Sentences || sum.Events < 2 {
		t.Errorf("summary %+v: want 1 article, >= 12 sentences, >= 10 tokens each, >= 2 events", sum)
	}
	if n := countRows(t, db, "SELECT count(*) FROM events"); n != sum.Events {
		t.Errorf("stored events = %d, summary says %d", n, sum.Events)
	}
	if n := countRows(t, db, "SELECT count(*) FROM events WHERE source_code = 'ZZZGOV' OR target_code = 'ZZZGOV'"); n < 2 {
		t.Errorf("events coded with the user's ZZZGOV = %d, want >= 2 (Putin called, told Assad)", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM docs"); n != 1 {
		t.Errorf("docs = %d, want 1", n)
	}
}

// TestRetryKeepsBoundaries: the reproduction. A link to a directory
// met in a walk is refused; --retry must not then read it as a named input
// (which followed the loop and stored the page again under ever longer
// paths), and a page reached by two paths is stored once, by its resolved
// path.
func TestRetryKeepsBoundaries(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "d", "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile("../../testdata/ingest/good.html")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(sub, "good.html"), good, 0o644)
	if err := os.Symlink("..", filepath.Join(sub, "up")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	os.Symlink("good.html", filepath.Join(sub, "alias.html"))
	db := filepath.Join(dir, "r.db")
	ctx := context.Background()
	for _, args := range [][]string{
		{"ingest", "--no-parse", "--db", db, filepath.Join(dir, "d")},
		{"ingest", "--no-parse", "--db", db, "--retry"},
		{"ingest", "--no-parse", "--db", db, "--retry"},
		{"ingest", "--no-parse", "--db", db, filepath.Join(dir, "d", "sub", "..", "sub", "good.html")},
	} {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		if err != nil && !errors.Is(err, errFailures) {
			t.Fatalf("%v: %v\n%s", args, err, e.String())
		}
		if n := countRows(t, db, "SELECT count(*) FROM pages"); n != 1 {
			t.Fatalf("after %v: %d pages stored, want 1\n%s", args, n, o.String())
		}
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures WHERE url LIKE '%/up' AND refused = 1"); n != 1 {
		t.Errorf("%d refusals of the link to a directory recorded, want 1", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures"); n != 1 {
		t.Errorf("%d failures, want 1 (the refused link)", n)
	}
}
