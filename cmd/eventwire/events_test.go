package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestEventsCommand ingests the sample article and queries its events in
// the three formats, with filters that keep some and drop others, and
// checks the bad invocations.
func TestEventsCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "e.db")
	run := func(args ...string) (string, string, error) {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		return o.String(), e.String(), err
	}
	if _, e, err := run("ingest", "--quiet", "--db", db, "../../testdata/samples/rferl-2016-12-23-aleppo.txt"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, e)
	}
	jsonEvents := func(args ...string) []eventwire.EventRecord {
		t.Helper()
		out, e, err := run(append([]string{"events", "--db", db, "--format", "json", "--limit", "1000"}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, e)
		}
		var recs []eventwire.EventRecord
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l == "" {
				continue
			}
			var r eventwire.EventRecord
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("%q: %v", l, err)
			}
			recs = append(recs, r)
		}
		return recs
	}
	all := jsonEvents()
	if len(all) < 5 {
		t.Fatalf("%d events of the sample article, want at least 5", len(all))
	}
	rus := jsonEvents("--actor", "RUS")
	if len(rus) == 0 || len(rus) == len(all) {
		t.Errorf("--actor RUS kept %d of %d events, want some", len(rus), len(all))
	}
	for _, r := range rus {
		if !strings.HasPrefix(r.Event.Source.Code, "RUS") && !strings.HasPrefix(r.Event.Target.Code, "RUS") {
			t.Errorf("--actor RUS listed %s -> %s", r.Event.Source.Code, r.Event.Target.Code)
		}
	}
	if got := jsonEvents("--from", "2017-01-01"); len(got) != 0 {
		t.Errorf("--from 2017-01-01 listed %d events of a 2016 article", len(got))
	}
	if got := jsonEvents("--text", "Astana"); len(got) != len(all) {
		t.Errorf("--text Astana (in the article) listed %d of %d", len(got), len(all))
	}
	if got := jsonEvents("--text", "Zanzibar"); len(got) != 0 {
		t.Errorf("--text Zanzibar (not in the article) listed %d", len(got))
	}

	out, _, err := run("events", "--db", db, "--format", "csv", "--actor", "RUS")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != len(rus)+1 || strings.Join(rows[0], ",") != strings.Join(eventCSVHeader, ",") {
		t.Errorf("csv: %d rows, %v; want a header and %d rows", len(rows), err, len(rus))
	}
	out, _, err = run("events", "--db", db, "--actor", "RUS")
	if err != nil || !strings.HasPrefix(out, "ID") || strings.Count(out, "\n") != len(rus)+1 {
		t.Errorf("table: %v\n%s", err, out)
	}

	for _, bad := range [][]string{
		{"events", "--db", db, "--format", "xml"},
		{"events", "--db", db, "--limit", "0"},
		{"events", "--db", db, "RUS"},
	} {
		if _, _, err := run(bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want a usage error", bad, err)
		}
	}
	if _, _, err := run("events", "--db", db, "--from", "23/12/2016"); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("a malformed date: %v, want ErrInvalid", err)
	}
	if _, _, err := run("events", "--db", filepath.Join(t.TempDir(), "none.db")); err == nil {
		t.Error("a missing database gave no error")
	}
}

// TestMergeCommand: ingest merges the events it stores and says so;
// events --merged lists one row per merged event; merge --rebuild with
// another window merges again; bad invocations are usage errors.
func TestMergeCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	run := func(args ...string) (string, error) {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		return o.String() + e.String(), err
	}
	out, err := run("ingest", "--quiet", "--db", db, "../../testdata/samples/rferl-2016-12-23-aleppo.txt")
	if err != nil || !strings.Contains(out, "merged ") {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	var nEvents, nMerged int
	if out, err = run("events", "--db", db, "--format", "csv", "--limit", "1000"); err == nil {
		nEvents = strings.Count(out, "\n") - 1
	}
	out, err = run("events", "--db", db, "--merged", "--format", "csv", "--limit", "1000")
	if err != nil {
		t.Fatal(err)
	}
	nMerged = strings.Count(out, "\n") - 1
	if !strings.HasPrefix(out, strings.Join(mergedCSVHeader, ",")) || nMerged == 0 || nMerged > nEvents {
		t.Errorf("%d merged events of %d reports:\n%s", nMerged, nEvents, out)
	}
	out, err = run("merge", "--db", db, "--rebuild", "--window", "0")
	if err != nil || !strings.HasPrefix(out, fmt.Sprintf("merged %d event reports", nEvents)) {
		t.Errorf("merge --rebuild: %v\n%s", err, out)
	}
	if out, err = run("merge", "--db", db); err != nil || !strings.HasPrefix(out, "merged 0 event reports") {
		t.Errorf("merge with nothing new: %v\n%s", err, out)
	}
	for _, bad := range [][]string{{"merge", "--db", db, "x"}, {"merge", "--db", db, "--window", "-1"}} {
		if _, err := run(bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
	// --no-merge leaves the new reports unmerged.
	db2 := filepath.Join(dir, "n.db")
	if out, err := run("ingest", "--quiet", "--no-merge", "--db", db2, "../../testdata/samples/rferl-2016-12-23-aleppo.txt"); err != nil || strings.Contains(out, "merged ") {
		t.Errorf("ingest --no-merge: %v\n%s", err, out)
	}
	if out, _ := run("events", "--db", db2, "--merged", "--format", "csv"); strings.Count(out, "\n") != 1 {
		t.Errorf("merged events after --no-merge:\n%s", out)
	}
}

// TestActorsCommand: the counts per pair add up to the events listed, and
// per source to the same total; filters narrow them; bad flags are usage
// errors.
func TestActorsCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "a.db")
	run := func(args ...string) (string, error) {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		return o.String(), err
	}
	if _, err := run("ingest", "--quiet", "--db", db, "../../testdata/samples/rferl-2016-12-23-aleppo.txt"); err != nil {
		t.Fatal(err)
	}
	total := func(args ...string) (int64, int) {
		t.Helper()
		out, err := run(append([]string{"actors", "--db", db, "--format", "csv", "--limit", "1000"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) < 1 || strings.Join(rows[0], ",") != "source,target,events" {
			t.Fatalf("csv %q: %v", out, err)
		}
		var n int64
		for _, r := range rows[1:] {
			v, _ := strconv.ParseInt(r[2], 10, 64)
			n += v
		}
		return n, len(rows) - 1
	}
	recs, _ := run("events", "--db", db, "--format", "csv", "--limit", "1000")
	events := int64(strings.Count(recs, "\n") - 1)
	byDyad, pairs := total()
	bySource, sources := total("--by", "source")
	if byDyad != events || bySource != events || sources > pairs || pairs == 0 {
		t.Errorf("events %d; by dyad %d in %d pairs; by source %d in %d", events, byDyad, pairs, bySource, sources)
	}
	if rus, _ := total("--actor", "RUS"); rus == 0 || rus >= events {
		t.Errorf("--actor RUS: %d of %d events", rus, events)
	}
	for _, bad := range [][]string{{"actors", "--db", db, "--by", "country"}, {"actors", "--db", db, "--limit", "0"}} {
		if _, err := run(bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}

// TestQuotesCommand lists the sample article's quotes: Assad's, reported
// by SANA, by speaker and kind; bad flags are usage errors.
func TestQuotesCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "q.db")
	run := func(args ...string) (string, error) {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		return o.String(), err
	}
	if _, err := run("ingest", "--quiet", "--db", db, "../../testdata/samples/rferl-2016-12-23-aleppo.txt"); err != nil {
		t.Fatal(err)
	}
	out, err := run("quotes", "--db", db, "--speaker", "SYRGOV", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r eventwire.QuoteRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if !strings.HasPrefix(r.Quote.Speaker.Code, "SYRGOV") {
			t.Errorf("--speaker SYRGOV listed %s", r.Quote.Speaker.Code)
		}
		if r.Quote.Speaker.Text == "Assad" && r.Quote.ReportedBy != nil && strings.Contains(r.Quote.ReportedBy.Text, "SANA") {
			found = true
		}
	}
	if !found {
		t.Errorf("Assad's quote reported by SANA not listed:\n%s", out)
	}
	all, _ := run("quotes", "--db", db, "--format", "csv", "--limit", "1000")
	direct, _ := run("quotes", "--db", db, "--format", "csv", "--kind", "direct", "--limit", "1000")
	if strings.Count(direct, "\n") >= strings.Count(all, "\n") || strings.Count(direct, "\n") < 2 {
		t.Errorf("--kind direct kept %d of %d lines", strings.Count(direct, "\n"), strings.Count(all, "\n"))
	}
	for _, bad := range [][]string{{"quotes", "--db", db, "--kind", "shouted"}, {"quotes", "--db", db, "x"}} {
		if _, err := run(bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}
