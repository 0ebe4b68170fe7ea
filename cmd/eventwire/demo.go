package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/samples"
	"github.com/eventwire/eventwire/internal/sqlite"
)

func runDemo(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("demo", "[flags]", "eventwire demo --db demo.db && eventwire articles --db demo.db --search Iran")
	db := fs.String("db", "", "keep the results in this SQLite `file` (default: a temporary one, removed at the end)")
	workers := fs.Int("workers", 0, "pages processed at once (0: one per CPU)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire demo: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "eventwire-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	rep, err := demo(ctx, m, path, *workers)
	if rep != nil {
		rep.print(m.Stdout)
		if *db != "" {
			fmt.Fprintf(m.Stdout, "\nstored in %s; try: eventwire articles --db %s --search Iran\n", path, path)
		}
	}
	if err != nil {
		return err
	}
	if rep.Summary.Failed > 0 {
		return errFailures
	}
	return nil
}

// demoReport is what the demo shows. Later stages (events, quotes, places)
// add their own fields and lines here.
type demoReport struct {
	Summary *ingest.Summary
	Stats   eventwire.StoreStats
	Top     []eventwire.ArticleSummary
	// Timings of each step, in order.
	Timings []demoTiming
}

type demoTiming struct {
	Step string
	Took time.Duration
}

// demo runs the pipeline over the bundled samples into the store at path:
// one step per stage, each timed. It is the function to extend when a stage
// lands: add the stage to newProcessor and its figures to the report.
func demo(ctx context.Context, m *Main, path string, workers int) (*demoReport, error) {
	rep := &demoReport{}
	step := func(name string, start time.Time) {
		rep.Timings = append(rep.Timings, demoTiming{name, time.Since(start)})
	}

	t := time.Now()
	store, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return nil, err
	}
	defer store.Close()
	step("open store", t)

	t = time.Now()
	src := samples.Source(nil)
	defer src.Close()
	sum, err := ingestRun(ctx, m, src, newProcessor(store, defaultMaxExtract), workers, true)
	rep.Summary = sum
	step("ingest (extract + store)", t)
	if err != nil {
		return rep, err
	}

	t = time.Now()
	if rep.Stats, err = store.Stats(ctx); err != nil {
		return rep, err
	}
	if rep.Top, err = store.Articles(ctx, eventwire.ArticleFilter{Limit: 10}); err != nil {
		return rep, err
	}
	step("query", t)
	return rep, nil
}

func (r *demoReport) print(w io.Writer) {
	fmt.Fprintln(w, "eventwire demo: the bundled samples (50 Wikinews articles, CC BY 2.5; 1 RFE/RL page)")
	fmt.Fprintln(w)
	printSummary(w, r.Summary)
	fmt.Fprintf(w, "\nstore: %d pages, %d articles, %d failures, %d events, %d quotes, %d places\n",
		r.Stats.Pages, r.Stats.Articles, r.Stats.Failures, r.Stats.Events, r.Stats.Quotes, r.Stats.Places)
	if len(r.Top) > 0 {
		fmt.Fprintln(w, "\nnewest articles:")
		for _, a := range r.Top {
			fmt.Fprintf(w, "  %-10.10s  %s\n", a.Published, oneLine(a.Title, 90))
		}
	}
	fmt.Fprintln(w, "\ntimings:")
	var total time.Duration
	for _, s := range r.Timings {
		fmt.Fprintf(w, "  %-26s %8s\n", s.Step, s.Took.Round(time.Millisecond))
		total += s.Took
	}
	fmt.Fprintf(w, "  %-26s %8s\n", "total", total.Round(time.Millisecond))
	if r.Summary.Elapsed > 0 {
		fmt.Fprintf(w, "  %-26s %8.1f\n", "pages/s", float64(r.Summary.Read)/r.Summary.Elapsed.Seconds())
	}
}
