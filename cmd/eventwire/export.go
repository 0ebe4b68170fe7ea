package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
)

// gdeltRow is one event in the columns of the GDELT 2.0 event table, as
// far as eventwire's data maps onto them (docs/export.md says which do
// not). The parquet tags name the columns as GDELT does.
type gdeltRow struct {
	GlobalEventID        int64   `parquet:"GLOBALEVENTID"`
	SQLDate              int32   `parquet:"SQLDATE"`
	MonthYear            int32   `parquet:"MonthYear"`
	Year                 int32   `parquet:"Year"`
	FractionDate         float64 `parquet:"FractionDate"`
	Actor1Code           string  `parquet:"Actor1Code"`
	Actor1Name           string  `parquet:"Actor1Name"`
	Actor1CountryCode    string  `parquet:"Actor1CountryCode"`
	Actor1KnownGroupCode string  `parquet:"Actor1KnownGroupCode"`
	Actor1Type1Code      string  `parquet:"Actor1Type1Code"`
	Actor1Type2Code      string  `parquet:"Actor1Type2Code"`
	Actor1Type3Code      string  `parquet:"Actor1Type3Code"`
	Actor2Code           string  `parquet:"Actor2Code"`
	Actor2Name           string  `parquet:"Actor2Name"`
	Actor2CountryCode    string  `parquet:"Actor2CountryCode"`
	Actor2KnownGroupCode string  `parquet:"Actor2KnownGroupCode"`
	Actor2Type1Code      string  `parquet:"Actor2Type1Code"`
	Actor2Type2Code      string  `parquet:"Actor2Type2Code"`
	Actor2Type3Code      string  `parquet:"Actor2Type3Code"`
	IsRootEvent          int32   `parquet:"IsRootEvent"`
	EventCode            string  `parquet:"EventCode"`
	EventBaseCode        string  `parquet:"EventBaseCode"`
	EventRootCode        string  `parquet:"EventRootCode"`
	QuadClass            int32   `parquet:"QuadClass"`
	GoldsteinScale       float64 `parquet:"GoldsteinScale"`
	NumMentions          int32   `parquet:"NumMentions"`
	NumSources           int32   `parquet:"NumSources"`
	NumArticles          int32   `parquet:"NumArticles"`
	DateAdded            int64   `parquet:"DATEADDED"`
	SourceURL            string  `parquet:"SOURCEURL"`
	// eventwire's own columns, after GDELT's.
	PLOVER     string  `parquet:"PLOVER"`
	Confidence float64 `parquet:"Confidence"`
	Sentence   int32   `parquet:"Sentence"`
	StoryID    int64   `parquet:"StoryID"`
}

// gdeltHeader is the CSV header: the parquet column names in order.
var gdeltHeader = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL",
	"PLOVER", "Confidence", "Sentence", "StoryID"}

func (r *gdeltRow) csv() []string {
	i64 := func(v int64) string { return strconv.FormatInt(v, 10) }
	i32 := func(v int32) string { return strconv.FormatInt(int64(v), 10) }
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return []string{i64(r.GlobalEventID), i32(r.SQLDate), i32(r.MonthYear), i32(r.Year), f(r.FractionDate),
		r.Actor1Code, r.Actor1Name, r.Actor1CountryCode, r.Actor1KnownGroupCode, r.Actor1Type1Code, r.Actor1Type2Code, r.Actor1Type3Code,
		r.Actor2Code, r.Actor2Name, r.Actor2CountryCode, r.Actor2KnownGroupCode, r.Actor2Type1Code, r.Actor2Type2Code, r.Actor2Type3Code,
		i32(r.IsRootEvent), r.EventCode, r.EventBaseCode, r.EventRootCode, i32(r.QuadClass), f(r.GoldsteinScale),
		i32(r.NumMentions), i32(r.NumSources), i32(r.NumArticles), i64(r.DateAdded), r.SourceURL,
		r.PLOVER, f(r.Confidence), i32(r.Sentence), i64(r.StoryID)}
}

// setActor fills an actor's GDELT columns from its CAMEO code: the country
// (or region) head, a known group (the organisation after an
// international head: "IGOUNO" is UNO), and up to three role types.
func setActor(code, name string, c, n, country, group, t1, t2, t3 *string) {
	*c, *n = code, name
	a := cameo.SplitActor(code)
	switch a.Kind {
	case cameo.Country, cameo.Region:
		*country = a.Head
	}
	var types []string
	for _, p := range a.Parts {
		if cameo.RoleLabel(p) != "" {
			types = append(types, p)
		} else if *group == "" && a.Kind == cameo.International {
			*group = p
		}
	}
	for i, dst := range []*string{t1, t2, t3} {
		if i < len(types) {
			*dst = types[i]
		}
	}
}

// newGDELTRow makes the row of an event; mentions, sources and articles
// are 1 for a single report.
func newGDELTRow(id int64, r eventwire.EventRecord, mentions, sources, articles int, firstSeen string) gdeltRow {
	e := r.Event
	g := gdeltRow{GlobalEventID: id, EventCode: e.CAMEO, QuadClass: int32(e.QuadClass), GoldsteinScale: e.Goldstein,
		NumMentions: int32(mentions), NumSources: int32(sources), NumArticles: int32(articles), SourceURL: r.URL,
		PLOVER: e.PLOVER, Confidence: e.Confidence, Sentence: int32(e.Sentence), StoryID: r.StoryID, IsRootEvent: 0}
	if e.Sentence == 0 {
		g.IsRootEvent = 1 // GDELT: the event is in the lead of the article
	}
	if len(e.CAMEO) >= 2 {
		g.EventRootCode = e.CAMEO[:2]
		g.EventBaseCode = e.CAMEO[:min(3, len(e.CAMEO))]
	}
	setActor(e.Source.Code, e.Source.Text, &g.Actor1Code, &g.Actor1Name, &g.Actor1CountryCode, &g.Actor1KnownGroupCode,
		&g.Actor1Type1Code, &g.Actor1Type2Code, &g.Actor1Type3Code)
	setActor(e.Target.Code, e.Target.Text, &g.Actor2Code, &g.Actor2Name, &g.Actor2CountryCode, &g.Actor2KnownGroupCode,
		&g.Actor2Type1Code, &g.Actor2Type2Code, &g.Actor2Type3Code)
	if d := e.Date; len(d) >= 10 {
		if y, err := strconv.Atoi(d[:4]); err == nil {
			mo, _ := strconv.Atoi(d[5:7])
			day, _ := strconv.Atoi(d[8:10])
			g.Year, g.MonthYear, g.SQLDate = int32(y), int32(y*100+mo), int32(y*10000+mo*100+day)
			g.FractionDate = float64(y) + float64((mo-1)*30+day)/365
			g.FractionDate = float64(int(g.FractionDate*10000)) / 10000
		}
	}
	if len(firstSeen) >= 19 { // RFC 3339: 2006-01-02T15:04:05
		if v, err := strconv.ParseInt(strings.NewReplacer("-", "", ":", "", "T", "").Replace(firstSeen[:19]), 10, 64); err == nil {
			g.DateAdded = v
		}
	}
	return g
}

// runExport writes the stored events, merged (default) or one row per
// report, as JSON lines, CSV or Parquet.
func runExport(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("export", "--format jsonl|csv|parquet [--mentions] [--out FILE] [filters]",
		"eventwire export --db news.db --format parquet --out events.parquet --from 2019-01-01")
	db := fs.String("db", defaultDB, "SQLite database `file`")
	format := fs.String("format", "csv", "`format`: jsonl (eventwire's own JSON), csv or parquet (GDELT 2.0 event columns where they map, see docs/export.md)")
	perMention := fs.Bool("mentions", false, "one row per report (each article's mention) instead of one per merged event")
	out := fs.String("out", "", "output `file` (default standard output; parquet needs a file)")
	var f eventwire.EventFilter
	eventFilterFlags(fs, &f)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(m.Stderr, "eventwire export: unexpected argument %q (filters are flags)\n", fs.Arg(0))
		return errUsage
	case *format != "jsonl" && *format != "csv" && *format != "parquet":
		fmt.Fprintf(m.Stderr, "eventwire export: --format %q: want jsonl, csv or parquet\n", *format)
		return errUsage
	case *format == "parquet" && *out == "":
		fmt.Fprintln(m.Stderr, "eventwire export: --format parquet needs --out FILE")
		return errUsage
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	w := m.Stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	ew, err := newEventWriter(bw, *format)
	if err != nil {
		return err
	}
	n := 0
	f.Limit = 1000
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if *perMention {
			recs, err := store.Events(ctx, f)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			for _, r := range recs {
				if err := ew.write(newGDELTRow(r.ID, r, 1, 1, 1, r.FetchedAt), r); err != nil {
					return err
				}
			}
			n += len(recs)
			if len(recs) < f.Limit {
				break
			}
			f.After = recs[len(recs)-1].ID
			continue
		}
		ms, err := store.MergedEvents(ctx, f, false)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for _, me := range ms {
			g := newGDELTRow(me.ID, me.Best, me.Articles, me.Sources, me.Articles, me.FirstSeen)
			g.Confidence = me.Confidence // the merged event's, from all its sources, not its best report's
			if err := ew.write(g, me); err != nil {
				return err
			}
		}
		n += len(ms)
		if len(ms) < f.Limit {
			break
		}
		f.After = ms[len(ms)-1].ID
	}
	if err := ew.close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
		unit := "merged events"
		if *perMention {
			unit = "event reports"
		}
		fmt.Fprintf(m.Stderr, "wrote %d %s to %s\n", n, unit, *out)
	}
	return nil
}

// eventWriter writes rows in one of the export formats.
type eventWriter struct {
	write func(g gdeltRow, native any) error
	close func() error
}

func newEventWriter(w io.Writer, format string) (*eventWriter, error) {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		return &eventWriter{write: func(_ gdeltRow, native any) error { return enc.Encode(native) }, close: func() error { return nil }}, nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(gdeltHeader); err != nil {
			return nil, err
		}
		return &eventWriter{write: func(g gdeltRow, _ any) error { return cw.Write(g.csv()) },
			close: func() error { cw.Flush(); return cw.Error() }}, nil
	}
	pw := parquet.NewGenericWriter[gdeltRow](w)
	buf := make([]gdeltRow, 0, 1024)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		buf = buf[:0]
		return err
	}
	return &eventWriter{
		write: func(g gdeltRow, _ any) error {
			buf = append(buf, g)
			if len(buf) == cap(buf) {
				return flush()
			}
			return nil
		},
		close: func() error {
			if err := flush(); err != nil {
				return err
			}
			return pw.Close()
		},
	}, nil
}
