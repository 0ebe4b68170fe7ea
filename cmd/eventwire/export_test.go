package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/eventwire/eventwire"
)

// TestExport ingests the sample article and exports its events in the
// three formats, merged and per report: the same rows in each, GDELT's
// columns filled from the events (checked against the JSON), and a
// Parquet file that a reader takes back.
func TestExport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	run := func(args ...string) (string, error) {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		return o.String(), err
	}
	if _, err := run("ingest", "--quiet", "--db", db, "../../testdata/samples/rferl-2016-12-23-aleppo.txt"); err != nil {
		t.Fatal(err)
	}
	js, err := run("export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var merged []eventwire.MergedEvent
	for _, l := range strings.Split(strings.TrimSpace(js), "\n") {
		var me eventwire.MergedEvent
		if err := json.Unmarshal([]byte(l), &me); err != nil {
			t.Fatal(err)
		}
		merged = append(merged, me)
	}
	if len(merged) < 5 {
		t.Fatalf("%d merged events exported, want at least 5", len(merged))
	}
	out, err := run("export", "--db", db, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != len(merged)+1 {
		t.Fatalf("csv: %d rows, %v; want %d and a header", len(rows), err, len(merged))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for i, me := range merged {
		r := rows[i+1]
		e := me.Best.Event
		want := map[string]string{"EventCode": e.CAMEO, "EventRootCode": e.CAMEO[:2], "Actor1Code": e.Source.Code,
			"Actor2Code": e.Target.Code, "SQLDATE": strings.ReplaceAll(e.Date[:10], "-", ""), "SOURCEURL": me.Best.URL}
		if strings.HasPrefix(e.Source.Code, "RUS") {
			want["Actor1CountryCode"] = "RUS"
		}
		for k, v := range want {
			if r[col[k]] != v {
				t.Errorf("row %d %s = %q, want %q", i, k, r[col[k]], v)
			}
		}
	}
	pq := filepath.Join(dir, "e.parquet")
	if _, err := run("export", "--db", db, "--format", "parquet", "--out", pq, "--mentions"); err != nil {
		t.Fatal(err)
	}
	got, err := parquet.ReadFile[gdeltRow](pq)
	if err != nil {
		t.Fatal(err)
	}
	reports, _ := run("events", "--db", db, "--format", "csv", "--limit", "1000")
	if n := strings.Count(reports, "\n") - 1; len(got) != n || n < len(merged) {
		t.Errorf("parquet holds %d rows, want one per report (%d)", len(got), n)
	}
	for _, g := range got {
		if g.EventCode == "" || g.Actor1Code == "" || g.SQLDate < 20161201 || g.NumMentions != 1 {
			t.Errorf("parquet row %+v", g)
			break
		}
	}
	for _, bad := range [][]string{
		{"export", "--db", db, "--format", "xlsx"},
		{"export", "--db", db, "--format", "parquet"},
		{"export", "--db", db, "extra"},
	} {
		if _, err := run(bad...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}
