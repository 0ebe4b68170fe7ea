package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/eventwire/eventwire"
)

// runQuotes lists stored quotes by speaker, kind and the words of their
// articles.
func runQuotes(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("quotes", "[--speaker CODE] [--kind direct|indirect|mixed] [--text WORDS] [--format table|json|csv]",
		`eventwire quotes --db news.db --speaker RUSGOV --kind direct`)
	db := fs.String("db", defaultDB, "SQLite database `file`")
	var f eventwire.QuoteFilter
	fs.StringVar(&f.Speaker, "speaker", "", "the speaker's actor `code` or its prefix (RUS: every Russian speaker)")
	fs.StringVar(&f.Kind, "kind", "", "`kind` of quote: direct, indirect or mixed")
	fs.StringVar(&f.Search, "text", "", "only quotes of articles whose title or text hold all these `words`")
	fs.Int64Var(&f.After, "after", 0, "only quotes after this quote `ID` (to page on)")
	fs.IntVar(&f.Limit, "limit", 50, "most quotes listed")
	format := fs.String("format", "table", "output `format`: table, json (one object per line) or csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(m.Stderr, "eventwire quotes: unexpected argument %q (filters are flags)\n", fs.Arg(0))
		return errUsage
	case *format != "table" && *format != "json" && *format != "csv":
		fmt.Fprintf(m.Stderr, "eventwire quotes: --format %q: want table, json or csv\n", *format)
		return errUsage
	case f.Kind != "" && f.Kind != "direct" && f.Kind != "indirect" && f.Kind != "mixed":
		fmt.Fprintf(m.Stderr, "eventwire quotes: --kind %q: want direct, indirect or mixed\n", f.Kind)
		return errUsage
	case f.Limit <= 0:
		fmt.Fprintln(m.Stderr, "eventwire quotes: --limit must be positive")
		return errUsage
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	rs, err := store.Quotes(ctx, f)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(m.Stdout)
		for _, r := range rs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(m.Stdout)
		cw.Write([]string{"id", "story_id", "kind", "speaker_code", "speaker_text", "cue", "text", "url", "title"})
		for _, r := range rs {
			q := r.Quote
			cw.Write([]string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.StoryID, 10), q.Kind, q.Speaker.Code,
				q.Speaker.Text, q.Cue, q.Text, r.URL, r.Title})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSPEAKER\tCUE\tQUOTE\tARTICLE")
	for _, r := range rs {
		q := r.Quote
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\n", r.ID, dash(q.Kind), actorCell(q.Speaker), dash(q.Cue), clip(q.Text, 70), r.StoryID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rs) == f.Limit {
		fmt.Fprintf(m.Stderr, "(the first %d; --after %d lists the next)\n", f.Limit, rs[len(rs)-1].ID)
	}
	return nil
}
