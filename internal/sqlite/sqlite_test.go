package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
)

func open(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) eventwire.Store { return open(t) })
}

// TestReopen checks that the schema is migrated once and data survives a
// close and reopen.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "re.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Story("https://example.com/x", "T", "body text")
	if _, err := s.PutStory(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	created, err := s.PutStory(ctx, storetest.Story("https://example.com/x", "T", "body text"))
	if err != nil || created {
		t.Errorf("PutStory after reopen = %v, %v; want false, nil", created, err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != sqlite.SchemaVersion() || v < 2 {
		t.Errorf("user_version = %d, want %d", v, sqlite.SchemaVersion())
	}
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
}

// TestNewerSchema refuses a database written by a newer program.
func TestNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err := sqlite.Open(context.Background(), path, sqlite.Options{}); err == nil {
		s.Close()
		t.Fatal("Open of a schema-999 database succeeded")
	}
}

func BenchmarkPutStory(b *testing.B) {
	s := open(b)
	defer s.Close()
	ctx := context.Background()
	text := "United States forces killed Qasem Soleimani in a drone strike near Baghdad airport on Friday. "
	for len(text) < 3000 {
		text += text
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := storetest.Story(fmt.Sprintf("https://example.com/%d", i), "Title", text)
		created, err := s.PutStory(ctx, st)
		if err != nil || !created {
			b.Fatalf("PutStory = %v, %v", created, err)
		}
	}
}

// TestOddPath opens databases whose names hold URI metacharacters: each
// must create exactly the file it names.
func TestOddPath(t *testing.T) {
	for _, name := range []string{"a b.db", "we#ird.db", "per%20cent.db", "q?x=1.db"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if _, err := os.Stat(path); err != nil {
				ents, _ := os.ReadDir(dir)
				var names []string
				for _, e := range ents {
					names = append(names, e.Name())
				}
				t.Errorf("%q not created (directory holds %q)", name, names)
			}
		})
	}
}

// TestArticleVersions: a re-fetch that replaces a story's article keeps the
// replaced text, with the hash of the page it came from, for provenance;
// a boilerplate-only change keeps nothing (nothing was replaced).
func TestArticleVersions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := storetest.Story("https://example.com/v", "T", "First text.")
	boiler := storetest.Story("https://example.com/v", "T", "First text.")
	boiler.Page.Body = append(boiler.Page.Body, " footer"...)
	second := storetest.Story("https://example.com/v", "T2", "Second text.")
	for _, st := range []*eventwire.Story{first, boiler, second} {
		if _, err := s.PutStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT page_id, content_hash, title, text FROM article_versions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id int64
		var hash, title, txt string
		if err := rows.Scan(&id, &hash, &title, &txt); err != nil {
			t.Fatal(err)
		}
		if id != first.ID || hash != boiler.Page.ContentHash() {
			t.Errorf("version of page %d from %s, want page %d from the boilerplate fetch", id, hash, first.ID)
		}
		got = append(got, title+"|"+txt)
	}
	if len(got) != 1 || got[0] != "T|First text." {
		t.Errorf("article_versions = %q, want the first text once", got)
	}
}
