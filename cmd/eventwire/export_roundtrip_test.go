package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
)

// The column types of the CSV and Parquet exports, as a Parquet reader
// sees them: physical type, logical type, repetition. No column is
// nullable: a missing code or name is "", a missing number 0.
const (
	pqInt32  = "INT32 Int(bitWidth=32, isSigned=true) required"
	pqInt64  = "INT64 Int(bitWidth=64, isSigned=true) required"
	pqDouble = "DOUBLE None required"
	pqString = "BYTE_ARRAY String required"
)

// exportSchema is the schema of the Parquet export, column by column, in
// order: what docs/export.md ("Column types") promises.
var exportSchema = []struct{ name, typ string }{
	{"GLOBALEVENTID", pqInt64}, {"SQLDATE", pqInt32}, {"MonthYear", pqInt32}, {"Year", pqInt32}, {"FractionDate", pqDouble},
	{"Actor1Code", pqString}, {"Actor1Name", pqString}, {"Actor1CountryCode", pqString}, {"Actor1KnownGroupCode", pqString},
	{"Actor1Type1Code", pqString}, {"Actor1Type2Code", pqString}, {"Actor1Type3Code", pqString},
	{"Actor2Code", pqString}, {"Actor2Name", pqString}, {"Actor2CountryCode", pqString}, {"Actor2KnownGroupCode", pqString},
	{"Actor2Type1Code", pqString}, {"Actor2Type2Code", pqString}, {"Actor2Type3Code", pqString},
	{"IsRootEvent", pqInt32}, {"EventCode", pqString}, {"EventBaseCode", pqString}, {"EventRootCode", pqString},
	{"QuadClass", pqInt32}, {"GoldsteinScale", pqDouble},
	{"NumMentions", pqInt32}, {"NumSources", pqInt32}, {"NumArticles", pqInt32}, {"DATEADDED", pqInt64}, {"SOURCEURL", pqString},
	{"PLOVER", pqString}, {"Confidence", pqDouble}, {"Sentence", pqInt32}, {"StoryID", pqInt64},
}

// secondReport is an article of another site (a file, where the sample
// credits AP) that reports one of the sample article's events again
// (Putin credits Iran), so that a merged event has two articles and two
// sources and its confidence is not its best report's, and whose other
// events have an international actor (IGOUNO: KnownGroupCode UNO).
const secondReport = `Putin praises Iran after Aleppo

December 23, 2016

Russian President Vladimir Putin praised Iran on Friday for its help in the evacuation of Aleppo.

The United Nations praised Turkey on Friday for its help.

UN Secretary-General Ban Ki-moon thanked Turkish police.

Syrian opposition lawmakers criticized the Russian military.
`

// TestExportParquetRoundTrip reads the Parquet export back with Apache
// Arrow's Go Parquet reader (arrow-go's parquet/file), an implementation
// independent of the writer (parquet-go), and checks it against the JSONL
// export of the same store, merged and per report: the schema of
// exportSchema, and for every event, matched by GLOBALEVENTID, the value
// of every column that docs/export.md derives from the event's JSON.
func TestExportParquetRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	run := func(args ...string) string {
		t.Helper()
		var o, e bytes.Buffer
		if err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, e.String())
		}
		return o.String()
	}
	second := filepath.Join(dir, "second-report.txt")
	if err := os.WriteFile(second, []byte(secondReport), 0o644); err != nil {
		t.Fatal(err)
	}
	run("ingest", "--quiet", "--db", db, "../../testdata/samples/rferl-2016-12-23-aleppo.txt")
	run("ingest", "--quiet", "--db", db, second)

	t.Run("merged", func(t *testing.T) {
		want := map[int64]map[string]any{}
		twoSources, group := false, false
		for _, l := range jsonLines(t, run("export", "--db", db, "--format", "jsonl")) {
			var me eventwire.MergedEvent
			if err := json.Unmarshal(l, &me); err != nil {
				t.Fatal(err)
			}
			row := wantRow(t, me.ID, me.Best, me.Articles, me.Sources, me.Articles, me.Confidence, me.FirstSeen)
			row["EventCode"], row["PLOVER"], row["Actor1Code"], row["Actor2Code"] = me.CAMEO, me.PLOVER, me.Source, me.Target
			want[me.ID] = row
			twoSources = twoSources || (me.Sources > 1 && me.Confidence != me.Best.Event.Confidence)
			group = group || row["Actor1KnownGroupCode"] != ""
		}
		if !twoSources || !group {
			t.Fatalf("the second report no longer gives a merged event of two sources (%v) or an actor of a known group (%v)", twoSources, group)
		}
		pq := filepath.Join(dir, "merged.parquet")
		run("export", "--db", db, "--format", "parquet", "--out", pq)
		compareExport(t, pq, want)
	})
	t.Run("mentions", func(t *testing.T) {
		want := map[int64]map[string]any{}
		for _, l := range jsonLines(t, run("export", "--db", db, "--format", "jsonl", "--mentions")) {
			var r eventwire.EventRecord
			if err := json.Unmarshal(l, &r); err != nil {
				t.Fatal(err)
			}
			want[r.ID] = wantRow(t, r.ID, r, 1, 1, 1, r.Event.Confidence, r.FetchedAt)
		}
		pq := filepath.Join(dir, "mentions.parquet")
		run("export", "--db", db, "--format", "parquet", "--out", pq, "--mentions")
		compareExport(t, pq, want)
	})
}

// jsonLines splits a JSONL export into its lines; it wants some.
func jsonLines(t *testing.T, s string) [][]byte {
	t.Helper()
	var out [][]byte
	for l := range strings.SplitSeq(strings.TrimSpace(s), "\n") {
		out = append(out, []byte(l))
	}
	if len(out) < 10 {
		t.Fatalf("%d events exported as JSONL, want at least 10", len(out))
	}
	return out
}

// compareExport reads the Parquet file pq with arrow-go's reader and
// compares its schema with exportSchema and its rows with want, by
// GLOBALEVENTID.
func compareExport(t *testing.T, pq string, want map[int64]map[string]any) {
	t.Helper()
	rdr, err := file.OpenParquetFile(pq, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	names, types := parquetSchema(rdr)
	if len(names) != len(exportSchema) {
		t.Errorf("%d columns, want %d", len(names), len(exportSchema))
	}
	for i, c := range exportSchema {
		switch {
		case i >= len(names):
			t.Errorf("column %d: none, want %s %s", i, c.name, c.typ)
		case names[i] != c.name || types[i] != c.typ:
			t.Errorf("column %d: %s %s, want %s %s", i, names[i], types[i], c.name, c.typ)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	rows := parquetRows(t, rdr, names)
	if strings.Join(names, ",") != strings.Join(gdeltHeader, ",") {
		t.Errorf("Parquet columns %v, CSV header %v", names, gdeltHeader)
	}
	if len(rows) != len(want) {
		t.Errorf("%d Parquet rows, %d JSONL lines", len(rows), len(want))
	}
	seen := map[int64]bool{}
	for _, got := range rows {
		id := got["GLOBALEVENTID"].(int64)
		w, ok := want[id]
		switch {
		case seen[id]:
			t.Errorf("GLOBALEVENTID %d: two rows", id)
			continue
		case !ok:
			t.Errorf("GLOBALEVENTID %d: not in the JSONL export", id)
			continue
		}
		seen[id] = true
		for _, c := range exportSchema {
			if g, w := got[c.name], w[c.name]; g != w {
				t.Errorf("GLOBALEVENTID %d: %s = %#v, want %#v", id, c.name, g, w)
			}
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("GLOBALEVENTID %d: in the JSONL export, not in the Parquet file", id)
		}
	}
}

// wantRow is the row docs/export.md gives an event: report r, of a merged
// event of the given counts, confidence and first fetch time (RFC 3339),
// or a single report (1, 1, 1, its own confidence and fetch time). Values
// are typed as exportSchema says: int32, int64, float64, string.
func wantRow(t *testing.T, id int64, r eventwire.EventRecord, mentions, sources, articles int, confidence float64, fetched string) map[string]any {
	t.Helper()
	e := r.Event
	row := map[string]any{
		"GLOBALEVENTID": id, "EventCode": e.CAMEO, "EventBaseCode": prefix(e.CAMEO, 3), "EventRootCode": prefix(e.CAMEO, 2),
		"QuadClass": int32(e.QuadClass), "GoldsteinScale": e.Goldstein, "IsRootEvent": int32(0),
		"NumMentions": int32(mentions), "NumSources": int32(sources), "NumArticles": int32(articles),
		"DATEADDED": int64(0), "SOURCEURL": r.URL, "PLOVER": e.PLOVER, "Confidence": confidence,
		"Sentence": int32(e.Sentence), "StoryID": r.StoryID,
	}
	if e.Sentence == 0 {
		row["IsRootEvent"] = int32(1)
	}
	// The date: a day, else zeros.
	var y, m, d int
	if day, err := time.Parse(time.DateOnly, prefix(e.Date, 10)); err == nil {
		y, m, d = day.Year(), int(day.Month()), day.Day()
	}
	row["SQLDATE"], row["MonthYear"], row["Year"] = int32(y*10000+m*100+d), int32(y*100+m), int32(y)
	row["FractionDate"] = 0.0
	if y != 0 {
		// Year + (30·(month−1) + day)/365, four decimals, the rest cut off.
		row["FractionDate"], _ = strconv.ParseFloat(fmt.Sprintf("%d.%04d", y, ((m-1)*30+d)*10000/365), 64)
	}
	if fetched != "" {
		at, err := time.Parse(time.RFC3339Nano, fetched)
		if err != nil {
			t.Fatalf("event %d: fetched %q: %v", id, fetched, err)
		}
		row["DATEADDED"], _ = strconv.ParseInt(at.UTC().Format("20060102150405"), 10, 64)
	}
	for n, a := range map[string]eventwire.Actor{"1": e.Source, "2": e.Target} {
		sp := cameo.SplitActor(a.Code)
		country, group, types := "", "", []string{}
		if sp.Kind == cameo.Country || sp.Kind == cameo.Region {
			country = sp.Head
		}
		for _, p := range sp.Parts {
			switch {
			case cameo.RoleLabel(p) != "":
				types = append(types, p)
			case sp.Kind == cameo.International && group == "":
				group = p
			}
		}
		types = append(types, "", "", "")
		row["Actor"+n+"Code"], row["Actor"+n+"Name"] = a.Code, a.Text
		row["Actor"+n+"CountryCode"], row["Actor"+n+"KnownGroupCode"] = country, group
		for i := range 3 {
			row[fmt.Sprintf("Actor%sType%dCode", n, i+1)] = types[i]
		}
	}
	return row
}

// prefix returns the first n bytes of s, or s if shorter.
func prefix(s string, n int) string { return s[:min(n, len(s))] }

// parquetSchema returns the names of the columns of a Parquet file and
// their types (physical, logical, repetition: as in exportSchema).
func parquetSchema(rdr *file.Reader) (names, types []string) {
	sc := rdr.MetaData().Schema
	for i := range sc.NumColumns() {
		c := sc.Column(i)
		names = append(names, c.Name())
		types = append(types, fmt.Sprintf("%s %s %s", c.PhysicalType(), c.LogicalType(), c.SchemaNode().RepetitionType()))
	}
	return names, types
}

// parquetRows reads the rows of a Parquet file with flat, required
// columns names, each a map by column name.
func parquetRows(t *testing.T, rdr *file.Reader, names []string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	for g := range rdr.NumRowGroups() {
		rg := rdr.RowGroup(g)
		n := rg.NumRows()
		base := len(rows)
		for range n {
			rows = append(rows, map[string]any{})
		}
		for i, name := range names {
			cr, err := rg.Column(i)
			if err != nil {
				t.Fatal(err)
			}
			vals, err := readColumn(cr, n)
			if err != nil {
				t.Fatalf("row group %d, column %s: %v", g, name, err)
			}
			for k, v := range vals {
				rows[base+k][name] = v
			}
		}
	}
	if int64(len(rows)) != rdr.NumRows() {
		t.Fatalf("read %d rows, the footer says %d", len(rows), rdr.NumRows())
	}
	return rows
}

// readColumn reads the n values of a column chunk of a required
// (non-nullable) column.
func readColumn(cr file.ColumnChunkReader, n int64) ([]any, error) {
	if cr.Descriptor().MaxDefinitionLevel() != 0 {
		return nil, errors.New("nullable")
	}
	switch cr := cr.(type) {
	case *file.Int32ColumnChunkReader:
		return readValues(n, cr.ReadBatch, func(v int32) any { return v })
	case *file.Int64ColumnChunkReader:
		return readValues(n, cr.ReadBatch, func(v int64) any { return v })
	case *file.Float64ColumnChunkReader:
		return readValues(n, cr.ReadBatch, func(v float64) any { return v })
	case *file.ByteArrayColumnChunkReader:
		return readValues(n, cr.ReadBatch, func(v parquet.ByteArray) any { return string(v) })
	}
	return nil, fmt.Errorf("unexpected column reader %T", cr)
}

// readValues reads n values with a typed column chunk reader's ReadBatch.
func readValues[T any](n int64, readBatch func(int64, []T, []int16, []int16) (int64, int, error), value func(T) any) ([]any, error) {
	buf := make([]T, n)
	for got := int64(0); got < n; {
		k, _, err := readBatch(n-got, buf[got:], nil, nil)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			return nil, fmt.Errorf("%d values, want %d", got, n)
		}
		got += k
	}
	out := make([]any, n)
	for i, v := range buf {
		out[i] = value(v)
	}
	return out, nil
}
