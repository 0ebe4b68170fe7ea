package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
)

func TestFeedValidators(t *testing.T) {
	s := open(t)
	defer s.Close()
	ctx := context.Background()
	const feed = "https://news.example/feed.xml"
	check := func(step, wantETag, wantLM string) {
		t.Helper()
		etag, lm, err := s.FeedValidators(ctx, feed)
		if err != nil || etag != wantETag || lm != wantLM {
			t.Errorf("%s: FeedValidators = %q, %q, %v; want %q, %q", step, etag, lm, err, wantETag, wantLM)
		}
	}
	check("none saved", "", "")
	if err := s.PutFeedValidators(ctx, feed, `"v1"`, "Sun, 05 Jan 2020 10:00:00 GMT"); err != nil {
		t.Fatal(err)
	}
	check("saved", `"v1"`, "Sun, 05 Jan 2020 10:00:00 GMT")
	if err := s.PutFeedValidators(ctx, feed, `W/"v2"`, ""); err != nil {
		t.Fatal(err)
	}
	check("replaced", `W/"v2"`, "")
	if etag, _, _ := s.FeedValidators(ctx, feed+"?other"); etag != "" {
		t.Errorf("another feed has ETag %q", etag)
	}
}

func TestHasURL(t *testing.T) {
	s := open(t)
	defer s.Close()
	ctx := context.Background()
	if _, err := s.PutStory(ctx, storetest.Story("https://news.example/a", "A", "body text")); err != nil {
		t.Fatal(err)
	}
	failed := &eventwire.Page{URL: "https://news.example/failed"}
	if err := s.PutFailure(ctx, failed, "fetch", errors.New("refused")); err != nil {
		t.Fatal(err)
	}
	for url, want := range map[string]bool{
		"https://news.example/a":      true,
		"https://news.example/a/":     false,
		"https://news.example/b":      false,
		"https://news.example/failed": false, // failures are fetched again
	} {
		if got, err := s.HasURL(ctx, url); err != nil || got != want {
			t.Errorf("HasURL(%q) = %v, %v; want %v", url, got, err, want)
		}
	}
}

// undoMigrationsAfter returns the SQL that drops the tables and indexes
// that the migrations numbered above version create (read from
// migrations/*.sql), so that a database can be taken back to that version.
func undoMigrationsAfter(t *testing.T, version int) string {
	t.Helper()
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	create := regexp.MustCompile(`(?m)^CREATE (TABLE|INDEX) (\w+)`)
	var drops []string
	for _, f := range files {
		n, err := strconv.Atoi(strings.SplitN(filepath.Base(f), "_", 2)[0])
		if err != nil || n <= version {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range create.FindAllStringSubmatch(string(b), -1) {
			drops = append(drops, "DROP "+m[1]+" IF EXISTS "+m[2]+";")
		}
	}
	// Indexes first, then tables, the later migrations' first.
	slices.Reverse(drops)
	return strings.Join(drops, " ") + " "
}

// TestMigrateFeeds: a database of schema 3 (before the feeds table) is
// migrated on Open, its data kept.
func TestMigrateFeeds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutStory(ctx, storetest.Story("https://news.example/a", "A", "body text")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(undoMigrationsAfter(t, 3) + "PRAGMA user_version = 3"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutFeedValidators(ctx, "https://news.example/feed", `"v1"`, ""); err != nil {
		t.Fatalf("after migrating a schema-3 database: %v", err)
	}
	if ok, err := s.HasURL(ctx, "https://news.example/a"); !ok || err != nil {
		t.Errorf("HasURL of the stored page = %v, %v", ok, err)
	}
}
