package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/text"
)

// storedDocs returns a digest of every docs row (page id, format, bytes),
// to show that recoding rewrites no Doc.
func storedDocs(t *testing.T, db string) map[int64]string {
	t.Helper()
	d, err := sql.Open("sqlite", "file:"+db+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.Query("SELECT page_id, format, data FROM docs")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var format string
		var data []byte
		if err := rows.Scan(&id, &format, &data); err != nil {
			t.Fatal(err)
		}
		out[id] = fmt.Sprintf("%s %x", format, sha256.Sum256(data))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// storedEvents returns each stored story's events and article text.
func storedEvents(t *testing.T, db string) (map[int64][]eventwire.Event, map[int64]string) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	events, texts := map[int64][]eventwire.Event{}, map[int64]string{}
	err = s.Docs(ctx, 0, func(st *eventwire.Story) error {
		events[st.ID], texts[st.ID] = st.Events, st.Doc.Text
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return events, texts
}

// TestRecode ingests the samples, layers an actor dictionary that gives
// Putin a code no shipped dictionary has, recodes, and checks that exactly
// the events about Putin changed, that no Doc was rewritten, and that
// recoding with the shipped dictionaries alone restores the events the
// ingest coded.
func TestRecode(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(ctx, []string{"demo", "--db", db, "--samples", "../../testdata/samples"}); err != nil {
		t.Fatalf("demo: %v\n%s", err, errb.String())
	}
	docs0 := storedDocs(t, db)
	events0, texts := storedEvents(t, db)
	if len(docs0) != 51 || len(events0) != 51 {
		t.Fatalf("%d docs, %d stories with a Doc; want 51", len(docs0), len(events0))
	}
	total0 := 0
	for _, evs := range events0 {
		total0 += len(evs)
		for _, e := range evs {
			if e.Source.Code == "ZZZGOV" || e.Target.Code == "ZZZGOV" {
				t.Fatal("ZZZGOV coded before the user dictionary")
			}
		}
	}

	mine := filepath.Join(dir, "my-actors.txt")
	if err := os.WriteFile(mine, []byte("# a test code for one name\nPUTIN_ [ZZZGOV]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--db", db, "--dict", "actors=" + mine}); err != nil {
		t.Fatalf("recode: %v\n%s%s", err, out.String(), errb.String())
	}
	const want = "recoded 51 stories ("
	if !strings.HasPrefix(out.String(), want) || !strings.Contains(out.String(), fmt.Sprintf("failed 0; events %d → ", total0)) {
		t.Errorf("summary %q, want %q... failed 0; events %d → ...", out.String(), want, total0)
	}
	if !reflect.DeepEqual(storedDocs(t, db), docs0) {
		t.Error("recode rewrote stored Docs")
	}
	events1, _ := storedEvents(t, db)
	putinStories, zzz := 0, 0
	for id, evs := range events1 {
		if !strings.Contains(texts[id], "Putin") {
			if !sameEvents(evs, events0[id]) {
				t.Errorf("story %d does not mention Putin, but its events changed:\n%+v\n→\n%+v", id, events0[id], evs)
			}
			// The same events now say they were coded with the new
			// dictionaries.
			if len(evs) > 0 && (evs[0].Coder == events0[id][0].Coder || !strings.Contains(evs[0].Coder, " dict:")) {
				t.Errorf("story %d: coder stamp %q after recoding with other dictionaries (was %q)", id, evs[0].Coder, events0[id][0].Coder)
			}
			continue
		}
		putinStories++
		for _, e := range evs {
			for _, a := range []struct {
				actor eventwire.Actor
				span  text.Span
			}{{e.Source, e.Evidence.Source}, {e.Target, e.Evidence.Target}} {
				if a.actor.Code != "ZZZGOV" {
					continue
				}
				zzz++
				if got := texts[id][a.span.Start:a.span.End]; !strings.Contains(got, "Putin") {
					t.Errorf("story %d: ZZZGOV given to %q", id, got)
				}
			}
		}
	}
	// The RFE/RL page alone has "Putin called Assad", "Putin told Assad".
	if putinStories == 0 || zzz < 2 {
		t.Errorf("%d stories mention Putin, %d actors coded ZZZGOV; want some and at least 2", putinStories, zzz)
	}

	// Recoding with the shipped dictionaries gives back the ingest's
	// events exactly: the stored Doc is all the coder needs.
	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--db", db, "--quiet"}); err != nil {
		t.Fatalf("recode back: %v\n%s", err, out.String())
	}
	events2, _ := storedEvents(t, db)
	for id := range events0 {
		if !sameEvents(events2[id], events0[id]) {
			t.Errorf("story %d: events after recoding back differ from the ingest's:\n%+v\n→\n%+v", id, events0[id], events2[id])
		}
	}
	if !strings.Contains(out.String(), fmt.Sprintf("→ %d (", total0)) {
		t.Errorf("summary %q, want the events back to %d", out.String(), total0)
	}

	// --since: only stories from that id on.
	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--db", db, "--since", "50", "--json"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"stories": 2,`) || !strings.Contains(out.String(), `"changed": 0,`) {
		t.Errorf("recode --since 50 over 51 stories: %s, want 2 stories, none changed", out.String())
	}
}

func TestRecodeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	ctx := context.Background()
	if err := m.Run(ctx, []string{"recode", "extra"}); !errors.Is(err, errUsage) {
		t.Errorf("recode with an argument = %v, want errUsage", err)
	}
	if err := m.Run(ctx, []string{"recode", "--since", "-3"}); !errors.Is(err, errUsage) {
		t.Errorf("recode --since -3 = %v, want errUsage", err)
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if err := m.Run(ctx, []string{"recode", "--db", missing}); err == nil || !strings.Contains(err.Error(), "no database") {
		t.Errorf("recode on a missing db = %v, want a no-database error", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("recode created the missing database")
	}
}

// TestRecodeParse stores two pages without parsing, then parses them with
// recode --parse: the Docs and events stored are those a full ingest of
// the same pages stores.
func TestRecodeParse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	ctx := context.Background()
	dir := t.TempDir()
	inputs := []string{"../../testdata/samples/rferl-2016-12-23-aleppo.txt", "../../testdata/ingest/good.html"}
	later, full := filepath.Join(dir, "later.db"), filepath.Join(dir, "full.db")
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(ctx, append([]string{"ingest", "--no-parse", "--workers", "1", "--db", later}, inputs...)); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(ctx, append([]string{"ingest", "--workers", "1", "--db", full}, inputs...)); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--db", later}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "recoded 0 stories") || !strings.Contains(out.String(), "2 articles have no stored parse") {
		t.Errorf("recode without --parse:\n%s", out.String())
	}
	out.Reset()
	if err := m.Run(ctx, []string{"recode", "--db", later, "--parse"}); err != nil {
		t.Fatalf("recode --parse: %v\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), "parsed 2 stories that had no stored parse") || strings.Contains(out.String(), "no stored parse (") {
		t.Errorf("recode --parse:\n%s", out.String())
	}
	gotEvents, gotTexts := storedEvents(t, later)
	wantEvents, wantTexts := storedEvents(t, full)
	if len(gotEvents) != 2 || !reflect.DeepEqual(gotTexts, wantTexts) {
		t.Fatalf("parsed later: %d stories with Docs; texts equal: %v", len(gotEvents), reflect.DeepEqual(gotTexts, wantTexts))
	}
	n := 0
	for id, want := range wantEvents {
		n += len(want)
		if !sameEvents(gotEvents[id], want) {
			t.Errorf("story %d: events parsed later\n%+v\nwant (parsed at ingest)\n%+v", id, gotEvents[id], want)
		}
	}
	if n == 0 {
		t.Error("no events at all: the comparison proves nothing")
	}
	if a, b := storedDocs(t, later), storedDocs(t, full); !reflect.DeepEqual(a, b) {
		t.Errorf("stored Docs differ:\n%v\n%v", a, b)
	}
	// The quotes and places of the stories parsed later are stored as
	// ingest stores them.
	for _, table := range []string{"quotes", "places"} {
		q := "SELECT count(*) FROM " + table
		if got, want := countRows(t, later, q), countRows(t, full, q); got != want || want == 0 {
			t.Errorf("%s after recode --parse: %d, after ingest: %d", table, got, want)
		}
	}
}
