package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/source"
)

// utf16Bytes encodes s as UTF-16 without a byte-order mark.
func utf16Bytes(s string, big bool) []byte {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(units))
	for i, u := range units {
		if big {
			binary.BigEndian.PutUint16(b[2*i:], u)
		} else {
			binary.LittleEndian.PutUint16(b[2*i:], u)
		}
	}
	return b
}

// TestIngestManyFailures ingests a directory of 250 bad files and three
// good ones (two of them UTF-16 without a byte-order mark): the summary
// lists the first 20 failures, says how many more there are and how to
// list them, and counts them by stage and kind; ingest --failures lists
// every one as a JSON line.
func TestIngestManyFailures(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	news := "Police arrested 20 protesters in the capital on Monday, officials said. " +
		"The government condemned the violence and promised an independent inquiry into the clashes. " +
		"Opposition leaders called for calm and said they would meet the interior minister on Tuesday.\n"
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good-utf16le.txt", utf16Bytes(news, false))
	write("good-utf16be.txt", utf16Bytes(strings.Replace(news, "Monday", "Sunday", 1), true))
	write("good-utf8.txt", []byte(strings.Replace(news, "Monday", "Friday", 1)))
	const bad = 250
	want := map[string]bool{} // URLs of the bad files
	for i := range bad {
		var name string
		var b []byte
		switch i % 3 {
		case 0:
			name, b = fmt.Sprintf("bad-%03d-empty.html", i), nil
		case 1:
			name, b = fmt.Sprintf("bad-%03d-elf.html", i), []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00")
		case 2:
			name, b = fmt.Sprintf("bad-%03d-cut.html.gz", i), gzipped([]byte(news))[:30]
		}
		write(name, b)
		want["file://"+filepath.Join(in, name)] = true
	}
	db := filepath.Join(dir, "e.db")

	var out, errOut bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errOut}
	err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", "--quiet", in})
	if !errors.Is(err, errFailures) {
		t.Fatalf("err = %v, want errFailures\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if !strings.HasPrefix(lines[0], "ingested 3, unchanged 0, failed 250 ") {
		t.Errorf("first line %q, want ingested 3, failed 250", lines[0])
	}
	if lines[1] != "failures (the first 20 of 250):" {
		t.Errorf("second line %q", lines[1])
	}
	listed := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "  read     file://"+in+"/bad-") {
			listed++
		}
	}
	if listed != 20 {
		t.Errorf("%d failure lines, want 20:\n%s", listed, out.String())
	}
	// 84 empty (i%3 == 0), 83 ELF, 83 cut gzip streams (no error code).
	wantTail := []string{
		"  ... and 230 more; all are recorded in the database: eventwire ingest --failures --db " + db + " lists them",
		"failed by stage: read 250; by kind: no_content 84, other 83, unsupported 83",
	}
	if len(lines) != 24 || !slices.Equal(lines[22:], wantTail) {
		t.Errorf("summary:\n%s\nwant 24 lines ending with\n%s", out.String(), strings.Join(wantTail, "\n"))
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr: %q", errOut.String())
	}
	// The UTF-16 files were decoded, not rejected as binary.
	for _, day := range []string{"Monday", "Sunday", "Friday"} {
		q := fmt.Sprintf("SELECT count(*) FROM articles WHERE text LIKE '%%protesters in the capital on %s%%'", day)
		if n := countRows(t, db, q); n != 1 {
			t.Errorf("articles with %s = %d, want 1", day, n)
		}
	}

	// Every failure, one JSON object a line.
	out.Reset()
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--failures"}); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var f eventwire.Failure
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if f.Stage != "read" || f.Attempts != 1 || f.Error == "" || f.LastAt.IsZero() {
			t.Errorf("failure %+v", f)
		}
		if got[f.URL] {
			t.Errorf("%s listed twice", f.URL)
		}
		got[f.URL] = true
	}
	if len(got) != bad {
		t.Errorf("--failures listed %d, want %d", len(got), bad)
	}
	for u := range want {
		if !got[u] {
			t.Errorf("--failures does not list %s", u)
		}
	}

	out.Reset()
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--failures", "--limit", "7"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 7 {
		t.Errorf("--limit 7 printed %d lines", n)
	}

	// The JSON summary counts by stage and kind too.
	out.Reset()
	err = m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", "--quiet", "--json", in})
	if !errors.Is(err, errFailures) {
		t.Fatalf("--json run: err = %v", err)
	}
	var js struct {
		Unchanged    int64            `json:"unchanged"`
		Failed       int64            `json:"failed"`
		FailedStages map[string]int64 `json:"failed_stages"`
		FailedKinds  map[string]int64 `json:"failed_kinds"`
	}
	if err := json.Unmarshal(out.Bytes(), &js); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if js.Unchanged != 3 || js.Failed != bad || js.FailedStages["read"] != bad || js.FailedKinds["unsupported"] != 83 {
		t.Errorf("JSON summary %+v", js)
	}
}

func TestIngestFailuresUsage(t *testing.T) {
	var o, e bytes.Buffer
	m := &Main{Stdout: &o, Stderr: &e}
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{
		{"ingest", "--failures", "x.html"},
		{"ingest", "--failures", "--retry"},
		{"ingest", "--failures", "--limit", "-1"},
		{"ingest", "--limit", "3", "x.html"},
	} {
		if err := m.Run(context.Background(), args); !errors.Is(err, errUsage) {
			t.Errorf("%q = %v, want errUsage", args, err)
		}
	}
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--failures"}); err == nil || !strings.Contains(err.Error(), "no database") {
		t.Errorf("--failures on a missing db = %v, want a no-database error", err)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("--failures created %s", db)
	}
}

func TestFailuresCommand(t *testing.T) {
	tests := []struct{ db, want string }{
		{"", "eventwire ingest --failures --db FILE"},
		{defaultDB, "eventwire ingest --failures"},
		{"/data/news.db", "eventwire ingest --failures --db /data/news.db"},
		{"my news.db", "eventwire ingest --failures --db 'my news.db'"},
		{"it's.db", `eventwire ingest --failures --db 'it'\''s.db'`},
	}
	for _, tt := range tests {
		if got := failuresCommand(tt.db); got != tt.want {
			t.Errorf("failuresCommand(%q) = %q, want %q", tt.db, got, tt.want)
		}
	}
}

// TestIngestFixedInputClearsFailure: a file named as an input fails, is
// fixed and ingested again: its failure is cleared, as for a file found in
// a directory (the failure used to be recorded under the bare path, not the
// page's file:// URL, so it stayed listed forever and --retry skipped it).
func TestIngestFixedInputClearsFailure(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "story.txt")
	db := filepath.Join(dir, "e.db")
	if err := os.WriteFile(page, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out}
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", page}); !errors.Is(err, errFailures) {
		t.Fatalf("empty file: err = %v, want errFailures\n%s", err, out.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures WHERE url = 'file://"+page+"'"); n != 1 {
		t.Errorf("failures recorded under the file's URL = %d, want 1", n)
	}
	news := "Police arrested 20 protesters in the capital on Monday, officials said. " +
		"The government condemned the violence and promised an independent inquiry into the clashes."
	if err := os.WriteFile(page, []byte(news), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", page}); err != nil {
		t.Fatalf("fixed file: %v\n%s", err, out.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM failures"); n != 0 {
		t.Errorf("failures after the fixed file was ingested = %d, want 0", n)
	}
}

// TestRetryFeedFile: a feed file whose items cannot be read is recorded as
// a failure of the file; --retry reads it again as a feed (it used to read
// it as one page, and stored the feed's XML as an article).
func TestRetryFeedFile(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "saved.rss")
	db := filepath.Join(dir, "e.db")
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Saved news feed</title>
<item><title>Police arrest protesters</title><link>/relative/story</link>
<description>Police arrested 20 protesters in the capital on Monday, officials said. The government condemned the violence.</description></item>
</channel></rss>`
	if err := os.WriteFile(feed, []byte(rss), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out}
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", feed}); !errors.Is(err, errFailures) {
		t.Fatalf("err = %v, want errFailures\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), "ingested 0, unchanged 0, failed 1 ") || !strings.Contains(out.String(), "1 items without an http(s) link") {
		t.Errorf("summary:\n%s\nwant the feed's item without a link as its one failure", out.String())
	}
	out.Reset()
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", "--retry"}); !errors.Is(err, errFailures) {
		t.Fatalf("retry: err = %v, want errFailures\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), "ingested 0, unchanged 0, failed 1 ") {
		t.Errorf("retry summary:\n%s\nwant the same failure again, nothing ingested", out.String())
	}
	if n := countRows(t, db, "SELECT count(*) FROM articles"); n != 0 {
		t.Errorf("articles = %d, want 0 (the feed is not an article)", n)
	}
}

// TestIngestPassedOver: archive records that are not pages are not
// failures, but the summary says how many there were and why.
func TestIngestPassedOver(t *testing.T) {
	dir := t.TempDir()
	var raw bytes.Buffer
	w := source.NewWARCWriter(&raw, true)
	when := time.Date(2020, 1, 5, 10, 0, 0, 0, time.UTC)
	news := "<html><body><p>Police arrested 20 protesters in the capital on Monday, officials said. " +
		"The government condemned the violence and promised an independent inquiry into the clashes.</p></body></html>"
	w.WriteRecord("warcinfo", "", when, "application/warc-fields", []byte("software: test\r\n"))
	w.WriteRecord("request", "https://a.example/1", when, "application/http; msgtype=request", []byte("GET /1 HTTP/1.1\r\n\r\n"))
	w.WriteResponse("https://a.example/1", when, []byte(news), "Content-Type: text/html")
	w.WriteRecord("response", "https://a.example/404", when, "application/http; msgtype=response",
		[]byte("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"))
	warc := filepath.Join(dir, "crawl.warc.gz")
	if err := os.WriteFile(warc, raw.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "e.db")
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out}
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", warc}); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "passed over 3 archive records that are not pages (not a response or resource record 2, HTTP status other than 200 1)\n"
	if !strings.HasPrefix(out.String(), "ingested 1, unchanged 0, failed 0 ") || !strings.Contains(out.String(), want) {
		t.Errorf("summary:\n%s\nwant ingested 1 and %q", out.String(), want)
	}
	out.Reset()
	if err := m.Run(context.Background(), []string{"ingest", "--db", db, "--no-parse", "--json", warc}); err != nil {
		t.Fatal(err)
	}
	var js struct {
		Unchanged  int64            `json:"unchanged"`
		PassedOver map[string]int64 `json:"passed_over"`
	}
	if err := json.Unmarshal(out.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if js.Unchanged != 1 || js.PassedOver["not a response or resource record"] != 2 || js.PassedOver["HTTP status other than 200"] != 1 {
		t.Errorf("JSON summary %+v", js)
	}
}
