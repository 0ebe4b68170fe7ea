package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/eventwire/eventwire"
)

// runEvents lists stored events by actor, code, category, date and the
// words of their articles, as a table, JSON lines or CSV.
func runEvents(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("events", "[flags]", `eventwire events --db news.db --actor RUS --code 19 --from 2016-12-01 --format csv`)
	db := fs.String("db", defaultDB, "SQLite database `file`")
	var f eventwire.EventFilter
	eventFilterFlags(fs, &f)
	fs.Int64Var(&f.After, "after", 0, "only events after this event `ID` (to page on: the last ID printed)")
	fs.IntVar(&f.Limit, "limit", 50, "most events listed")
	format := fs.String("format", "table", "output `format`: table, json (one object per line) or csv")
	merged := fs.Bool("merged", false, "one row per event however many articles report it, with their counts (see \"eventwire merge\"); --after pages by merged-event ID")
	mentions := fs.Bool("mentions", false, "with --merged --format json: each merged event's reports too")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire events: unexpected argument %q (filters are flags)\n", fs.Arg(0))
		return errUsage
	}
	switch *format {
	case "table", "json", "csv":
	default:
		fmt.Fprintf(m.Stderr, "eventwire events: --format %q: want table, json or csv\n", *format)
		return errUsage
	}
	if f.Limit <= 0 {
		fmt.Fprintln(m.Stderr, "eventwire events: --limit must be positive")
		return errUsage
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if *merged {
		return printMerged(ctx, m, store, f, *format, *mentions)
	}
	recs, err := store.Events(ctx, f)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(m.Stdout)
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		return writeEventsCSV(m.Stdout, recs)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tCAMEO\tPLOVER\tSOURCE\tTARGET\tARTICLE")
	for _, r := range recs {
		e := r.Event
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d %s\n", r.ID, dash(e.Date), e.CAMEO, dash(e.PLOVER),
			actorCell(e.Source), actorCell(e.Target), r.StoryID, clip(r.Title, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(recs) == f.Limit {
		fmt.Fprintf(m.Stderr, "(the first %d; --after %d lists the next)\n", f.Limit, recs[len(recs)-1].ID)
	}
	return nil
}

// eventCSVHeader names the CSV columns: one row per stored event.
var eventCSVHeader = []string{"id", "story_id", "date", "cameo", "plover", "quad_class", "goldstein",
	"source_code", "source_text", "target_code", "target_text", "sentence", "confidence", "url", "title"}

func writeEventsCSV(w io.Writer, recs []eventwire.EventRecord) error {
	cw := csv.NewWriter(w)
	cw.Write(eventCSVHeader)
	for _, r := range recs {
		e := r.Event
		cw.Write([]string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.StoryID, 10), e.Date, e.CAMEO, e.PLOVER,
			strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
			e.Source.Code, e.Source.Text, e.Target.Code, e.Target.Text, strconv.Itoa(e.Sentence),
			strconv.FormatFloat(e.Confidence, 'f', 3, 64), r.URL, r.Title})
	}
	cw.Flush()
	return cw.Error()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// actorCell shows an actor as its code and, shortened, its words.
func actorCell(a eventwire.Actor) string {
	code := dash(a.Code)
	if a.Text == "" {
		return code
	}
	return code + " (" + clip(a.Text, 24) + ")"
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// printMerged lists merged events.
func printMerged(ctx context.Context, m *Main, store eventwire.Store, f eventwire.EventFilter, format string, mentions bool) error {
	ms, err := store.MergedEvents(ctx, f, mentions && format == "json")
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	switch format {
	case "json":
		enc := json.NewEncoder(m.Stdout)
		for _, me := range ms {
			if err := enc.Encode(me); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(m.Stdout)
		cw.Write(mergedCSVHeader)
		for _, me := range ms {
			cw.Write([]string{strconv.FormatInt(me.ID, 10), me.FirstDate, me.LastDate, me.CAMEO, me.PLOVER, me.Source, me.Target,
				strconv.Itoa(me.Articles), strconv.Itoa(me.Sources), strconv.FormatFloat(me.Confidence, 'f', 3, 64),
				me.FirstSeen, me.LastSeen, me.Best.URL, me.Best.Title})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATES\tCAMEO\tPLOVER\tSOURCE\tTARGET\tARTICLES\tSOURCES\tCONF\tBEST REPORT")
	for _, me := range ms {
		dates := dash(me.FirstDate)
		if me.LastDate != me.FirstDate {
			dates += ".." + me.LastDate
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%.2f\t%d %s\n", me.ID, dates, me.CAMEO, dash(me.PLOVER),
			actorCell(me.Best.Event.Source), actorCell(me.Best.Event.Target), me.Articles, me.Sources, me.Confidence,
			me.Best.StoryID, clip(me.Best.Title, 50))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(ms) == f.Limit {
		fmt.Fprintf(m.Stderr, "(the first %d; --after %d lists the next)\n", f.Limit, ms[len(ms)-1].ID)
	}
	return nil
}

// mergedCSVHeader names the CSV columns of --merged: one row per merged
// event.
var mergedCSVHeader = []string{"id", "first_date", "last_date", "cameo", "plover", "source_code", "target_code",
	"articles", "sources", "confidence", "first_seen", "last_seen", "best_url", "best_title"}

// eventFilterFlags defines the event filters that events, export and
// actors share, writing into f.
func eventFilterFlags(fs *flag.FlagSet, f *eventwire.EventFilter) {
	fs.StringVar(&f.Actor, "actor", "", "either side's actor `code` or its prefix (RUS: RUS, RUSGOV, RUSMIL...)")
	fs.StringVar(&f.Source, "source", "", "the source actor's `code` or its prefix")
	fs.StringVar(&f.Target, "target", "", "the target actor's `code` or its prefix")
	fs.StringVar(&f.CAMEO, "code", "", "CAMEO `code` or its prefix (19: all fighting)")
	fs.StringVar(&f.PLOVER, "plover", "", "PLOVER `category` (ASSAULT, CONSULT...)")
	fs.StringVar(&f.From, "from", "", "first event `date`, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "last event `date`, YYYY-MM-DD (included)")
	fs.StringVar(&f.Search, "text", "", "only events of articles whose title or text hold all these `words`")
}
