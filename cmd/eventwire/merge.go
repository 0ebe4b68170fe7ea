package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
)

// mergeFlags are the flags of the commands that store events and merge
// them afterwards (ingest, recode).
func mergeFlags(fs *flag.FlagSet) (noMerge *bool, window *int) {
	noMerge = fs.Bool("no-merge", false, "do not merge the new events with reports of the same events (\"eventwire merge\" does it later)")
	window = fs.Int("merge-window", sqlite.DefaultMergeWindow, "reports dated up to this many `days` apart can be one event")
	return noMerge, window
}

// mergeLine summarises a merge pass.
func mergeLine(st eventwire.MergeStats) string {
	return fmt.Sprintf("merged %d event reports: %d joined events already reported, %d are new events",
		st.Events, st.Joined, st.Events-st.Joined)
}

// runMerge merges the stored events not merged yet, or all of them again.
func runMerge(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("merge", "[--db FILE] [--window DAYS] [--rebuild]", "eventwire merge --db news.db --window 2 --rebuild")
	db := fs.String("db", defaultDB, "SQLite database `file`")
	window := fs.Int("window", sqlite.DefaultMergeWindow, "reports dated up to this many `days` apart can be one event")
	rebuild := fs.Bool("rebuild", false, "forget every merge and merge all events again (to apply another --window to all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *window < 0 {
		fs.Usage()
		return fmt.Errorf("%w: merge takes no arguments and a window of 0 days or more", errUsage)
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.MergeEvents(ctx, *window, *rebuild)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, mergeLine(st))
	return nil
}
