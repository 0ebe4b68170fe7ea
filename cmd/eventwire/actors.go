package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"text/tabwriter"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
)

// actorCount is one row of "eventwire actors": an actor code (by source
// or target) or a pair of them (by dyad) with its number of events.
type actorCount struct {
	Source string `json:"source,omitempty"`
	Target string `json:"target,omitempty"`
	Events int64  `json:"events"`
}

// runActors lists who acts most, and on whom: events per source and
// target actor code pair, or per source or target code, under the filters
// of "eventwire events".
func runActors(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("actors", "[--by dyad|source|target] [filters]", `eventwire actors --db news.db --by source --code 19 --from 2019-01-01`)
	db := fs.String("db", defaultDB, "SQLite database `file`")
	by := fs.String("by", "dyad", "count events per `key`: dyad (source and target), source or target")
	format := fs.String("format", "table", "output `format`: table, json (one object per line) or csv")
	limit := fs.Int("limit", 20, "most rows listed")
	var f eventwire.EventFilter
	eventFilterFlags(fs, &f)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(m.Stderr, "eventwire actors: unexpected argument %q (filters are flags)\n", fs.Arg(0))
		return errUsage
	case *by != "dyad" && *by != "source" && *by != "target":
		fmt.Fprintf(m.Stderr, "eventwire actors: --by %q: want dyad, source or target\n", *by)
		return errUsage
	case *format != "table" && *format != "json" && *format != "csv":
		fmt.Fprintf(m.Stderr, "eventwire actors: --format %q: want table, json or csv\n", *format)
		return errUsage
	case *limit <= 0:
		fmt.Fprintln(m.Stderr, "eventwire actors: --limit must be positive")
		return errUsage
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	f.Limit = *limit
	if *by != "dyad" {
		f.Limit = sqlite.MaxLimit // every pair, to add up per actor
	}
	dyads, err := store.CountEvents(ctx, f, eventwire.CountByDyad)
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	rows := make([]actorCount, 0, len(dyads))
	if *by == "dyad" {
		for _, d := range dyads {
			rows = append(rows, actorCount{Source: d.Source, Target: d.Target, Events: d.Events})
		}
	} else {
		sums := map[string]int64{}
		for _, d := range dyads {
			k := d.Source
			if *by == "target" {
				k = d.Target
			}
			sums[k] += d.Events
		}
		for k, n := range sums {
			r := actorCount{Events: n}
			if *by == "source" {
				r.Source = k
			} else {
				r.Target = k
			}
			rows = append(rows, r)
		}
		slices.SortFunc(rows, func(a, b actorCount) int {
			if a.Events != b.Events {
				return int(b.Events - a.Events)
			}
			if a.Source+a.Target < b.Source+b.Target {
				return -1
			}
			return 1
		})
		rows = rows[:min(len(rows), *limit)]
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(m.Stdout)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(m.Stdout)
		cw.Write([]string{"source", "target", "events"})
		for _, r := range rows {
			cw.Write([]string{r.Source, r.Target, strconv.FormatInt(r.Events, 10)})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tTARGET\tEVENTS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\n", dash(r.Source), dash(r.Target), r.Events)
	}
	return tw.Flush()
}
