package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
)

// langPage wraps the hand-written paragraph in
// internal/ingest/testdata/language/<lang>.txt in an HTML page without a
// lang attribute, so the detector alone names its language.
func langPage(t *testing.T, lang, title string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "internal", "ingest", "testdata", "language", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return []byte("<html><head><title>" + title + "</title></head><body><article><h1>" + title +
		"</h1><p>" + strings.TrimSpace(string(b)) + "</p></article></body></html>")
}

// TestIngestLanguages ingests an English, a German and a Russian page: all
// three are stored with their language, only the English one is parsed
// and coded, the others are counted as skipped (not failed), recode
// --parse leaves them alone too, and --any-language parses them all.
func TestIngestLanguages(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	en, err := os.ReadFile("../../testdata/ingest/good.html")
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"en.html": en,
		"de.html": langPage(t, "de", "Neue Gespräche in Berlin"),
		"ru.html": langPage(t, "ru", "Переговоры в Москве"),
	} {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	db := filepath.Join(dir, "l.db")
	if err := m.Run(ctx, []string{"ingest", "--workers", "1", "--quiet", "--db", db, in}); err != nil {
		t.Fatalf("ingest: %v\n%s%s", err, out.String(), errb.String())
	}
	for _, want := range []string{"ingested 3, unchanged 0, failed 0",
		"skipped 2 articles (stored, not parsed or coded: language de: 1, language ru: 1)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("ingest output lacks %q:\n%s", want, out.String())
		}
	}
	check := func(db string, wantDocs int, wantUnparsed []string) {
		t.Helper()
		s, err := sqlite.Open(ctx, db, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var langs []string
		if err := s.Unparsed(ctx, 0, func(st *eventwire.Story) error {
			if len(st.Events) != 0 {
				t.Errorf("%s: %d events on an unparsed story", st.Page.URL, len(st.Events))
			}
			langs = append(langs, st.Article.Language)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		sort.Strings(langs)
		if strings.Join(langs, ",") != strings.Join(wantUnparsed, ",") {
			t.Errorf("unparsed stories in languages %q, want %q", langs, wantUnparsed)
		}
		var docs []string
		if err := s.Docs(ctx, 0, func(st *eventwire.Story) error {
			docs = append(docs, st.Article.Language)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(docs) != wantDocs {
			t.Errorf("%d parsed stories (languages %q), want %d", len(docs), docs, wantDocs)
		}
	}
	check(db, 1, []string{"de", "ru"})

	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--parse", "--quiet", "--db", db}); err != nil {
		t.Fatalf("recode --parse: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "skipped 2 articles") || strings.Contains(out.String(), "parsed 2") {
		t.Errorf("recode --parse output:\n%s", out.String())
	}
	check(db, 1, []string{"de", "ru"})

	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--parse", "--quiet", "--languages", "en,de", "--db", db}); err != nil {
		t.Fatalf("recode --parse --languages en,de: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "parsed 1 stories") || !strings.Contains(out.String(), "language ru: 1") {
		t.Errorf("recode --parse --languages en,de output:\n%s", out.String())
	}
	check(db, 2, []string{"ru"})

	out.Reset()
	all := filepath.Join(dir, "all.db")
	if err := m.Run(ctx, []string{"ingest", "--workers", "1", "--quiet", "--any-language", "--db", all, in}); err != nil {
		t.Fatalf("ingest --any-language: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "skipped") {
		t.Errorf("ingest --any-language reports skips:\n%s", out.String())
	}
	check(all, 3, nil)

	errb.Reset()
	if err := m.Run(ctx, []string{"ingest", "--languages", "english", "--db", all, in}); err != errUsage {
		t.Errorf("--languages english: err = %v, want errUsage", err)
	}
}

// TestCodeLanguage runs "eventwire code" on the German page: the article
// comes out with its language and no events, a note on stderr says why,
// and the exit status is 0; --any-language parses and codes it.
func TestCodeLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	ctx := context.Background()
	de := filepath.Join(t.TempDir(), "de.html")
	if err := os.WriteFile(de, langPage(t, "de", "Neue Gespräche in Berlin"), 0o644); err != nil {
		t.Fatal(err)
	}
	note := "language de: the English parser and dictionaries do not apply; use --any-language to force"
	for _, tc := range []struct {
		args     []string
		wantNote bool
	}{
		{[]string{"code", de, "--date", "2024-05-07"}, true},
		{[]string{"code", "--any-language", de, "--date", "2024-05-07"}, false},
	} {
		var out, errb bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &errb}
		if err := m.Run(ctx, tc.args); err != nil {
			t.Fatalf("%q: %v\n%s", tc.args, err, errb.String())
		}
		var got struct {
			Article struct {
				Language string `json:"language"`
				Text     string `json:"text"`
			} `json:"article"`
			Events json.RawMessage `json:"events"`
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("%q: %v\n%s", tc.args, err, out.String())
		}
		if got.Article.Language != "de" || !strings.Contains(got.Article.Text, "Bundesregierung") {
			t.Errorf("%q: article %+v", tc.args, got.Article)
		}
		if strings.Contains(errb.String(), note) != tc.wantNote {
			t.Errorf("%q: stderr %q; want the note: %v", tc.args, errb.String(), tc.wantNote)
		}
		if tc.wantNote && string(got.Events) != "[]" {
			t.Errorf("%q: events %s, want []", tc.args, got.Events)
		}
	}
}
