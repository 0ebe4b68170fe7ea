package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/samples"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/text"
)

func runDemo(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("demo", "[flags]", "eventwire demo --db demo.db && eventwire articles --db demo.db --search Iran")
	db := fs.String("db", "", "keep the results in this SQLite `file` (default: a temporary one, removed at the end)")
	workers := fs.Int("workers", 0, "pages processed at once (0: one per CPU)")
	modelDir := modelsFlag(fs)
	serve := fs.Bool("serve", false, "then serve the results over HTTP (the web UI and the JSON API, as \"eventwire serve\") until Ctrl-C")
	addr := fs.String("addr", "127.0.0.1:8080", "with --serve: `host:port` to listen on")
	samplesDir := fs.String("samples", filepath.Join("testdata", "samples"),
		"`dir`ectory holding the RFE/RL sample page, which is not built into the binary (its licence allows no redistribution); skipped when absent")
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
	rep, err := demo(ctx, m, path, *workers, *samplesDir, *modelDir)
	if rep != nil {
		rep.print(m.Stdout, *db)
	}
	if err != nil {
		return err
	}
	if rep.Summary.Failed > 0 {
		return errFailures
	}
	if *serve {
		return runServe(ctx, m, []string{"--db", path, "--addr", *addr})
	}
	return nil
}

// demoReport is what the demo shows.
type demoReport struct {
	Summary *ingest.Summary
	Stats   eventwire.StoreStats
	Top     []eventwire.ArticleSummary
	// Stories are the demo's stories as stored, with Doc and events, in
	// id order.
	Stories []*eventwire.Story
	// Stages is the time spent in each stage, summed over workers.
	Stages  ingest.StageDurations
	Workers int
	// Timings of each step, in order.
	Timings []demoTiming
	book    *cameo.Codebook
}

type demoTiming struct {
	Step string
	Took time.Duration
}

// demo runs the whole pipeline over the bundled samples into the store at
// path, one timed step at a time, and reads back what it stored.
func demo(ctx context.Context, m *Main, path string, workers int, samplesDir, modelDir string) (*demoReport, error) {
	if workers <= 0 {
		workers = defaultWorkers()
	}
	rep := &demoReport{Workers: workers, book: cameo.Default()}
	step := func(name string, start time.Time) {
		rep.Timings = append(rep.Timings, demoTiming{name, time.Since(start)})
	}

	t := time.Now()
	pl, err := newPipeline(m.Stderr, false, nil, modelDir)
	if err != nil {
		return nil, err
	}
	step("load parser + dictionaries", t)

	t = time.Now()
	store, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return nil, err
	}
	defer store.Close()
	step("open store", t)

	t = time.Now()
	var extra []*eventwire.Page
	switch rferl, err := samples.RFERL(samplesDir, nil); {
	case err == nil:
		extra = append(extra, rferl)
	case errors.Is(err, iofs.ErrNotExist):
		fmt.Fprintf(m.Stderr, "eventwire demo: the RFE/RL sample is not in %s (it is not built into the binary); run from a clone of the repository, or give --samples DIR, to include it\n", samplesDir)
	default:
		return nil, err
	}
	src := samples.Source(nil, extra...)
	defer src.Close()
	var times ingest.StageTimes
	ids := newIDSet()
	sum, err := ingestRun(ctx, m, src, newProcessor(store, defaultMaxExtract, defaultMaxParse, pl, &times), workers, true,
		func(st *eventwire.Story, _ bool) { ids.add(st.ID) })
	rep.Summary = sum
	rep.Stages = times.Snapshot()
	step("ingest (extract, parse, code, store)", t)
	if err != nil {
		return rep, err
	}
	t = time.Now()
	if _, err := store.MergeEvents(ctx, sqlite.DefaultMergeWindow, false); err != nil {
		return rep, err
	}
	step("merge reports of one event", t)

	t = time.Now()
	if rep.Stats, err = store.Stats(ctx); err != nil {
		return rep, err
	}
	if rep.Top, err = store.Articles(ctx, eventwire.ArticleFilter{Limit: 5}); err != nil {
		return rep, err
	}
	// Read the stories back from the store (not from memory), so a rerun
	// over a kept --db reports the same figures.
	err = store.Docs(ctx, 0, func(st *eventwire.Story) error {
		if ids.has(st.ID) {
			rep.Stories = append(rep.Stories, st)
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	step("read back", t)
	return rep, nil
}

func (r *demoReport) print(w io.Writer, keptDB string) {
	fmt.Fprintln(w, "eventwire demo: extract → parse → code events → store, on the bundled samples")
	fmt.Fprintln(w, "(50 Wikinews articles, CC BY 2.5, and one RFE/RL page)")
	fmt.Fprintln(w)
	printSummary(w, r.Summary)
	var sents, toks, evs int
	for _, st := range r.Stories {
		sents += len(st.Doc.Sents)
		toks += len(st.Doc.Tokens)
		evs += len(st.Events)
	}
	fmt.Fprintf(w, "\n%d articles parsed: %d sentences, %d tokens; %d events coded\n", len(r.Stories), sents, toks, evs)
	fmt.Fprintf(w, "store: %d pages, %d articles, %d failures, %d events, %d quotes, %d places\n",
		r.Stats.Pages, r.Stats.Articles, r.Stats.Failures, r.Stats.Events, r.Stats.Quotes, r.Stats.Places)

	if evs > 0 {
		r.printEventTables(w)
	}
	for _, st := range r.Stories {
		if st.Page.URL == samples.RFERLURL {
			r.printStoryEvents(w, st)
		}
	}
	if len(r.Top) > 0 {
		fmt.Fprintln(w, "\nnewest articles:")
		for _, a := range r.Top {
			fmt.Fprintf(w, "  %-10.10s  %s\n", a.Published, oneLine(a.Title, 90))
		}
	}

	fmt.Fprintln(w, "\ntimings (wall clock):")
	var total time.Duration
	for _, s := range r.Timings {
		fmt.Fprintf(w, "  %-38s %8s\n", s.Step, s.Took.Round(time.Millisecond))
		total += s.Took
	}
	fmt.Fprintf(w, "  %-38s %8s\n", "total", total.Round(time.Millisecond))
	if busy := r.Stages.Extract + r.Stages.Annotate + r.Stages.Code + r.Stages.Store; busy > 0 {
		fmt.Fprintf(w, "time in each stage, summed over %d workers:\n", r.Workers)
		for _, s := range []struct {
			name string
			d    time.Duration
		}{{"extract", r.Stages.Extract}, {"parse", r.Stages.Annotate}, {"code events", r.Stages.Code}, {"store", r.Stages.Store}} {
			fmt.Fprintf(w, "  %-38s %8s %4.0f%%\n", s.name, s.d.Round(time.Millisecond), 100*s.d.Seconds()/busy.Seconds())
		}
	}
	if sec := r.Summary.Elapsed.Seconds(); sec > 0 && r.Summary.Ingested > 0 {
		fmt.Fprintf(w, "throughput: %.1f articles/s, %.0f sentences/s, %.0f tokens/s\n",
			float64(r.Summary.Ingested)/sec, float64(sents)/sec, float64(toks)/sec)
	}

	fmt.Fprintln(w, "\nexplore further:")
	db := keptDB
	if db == "" {
		db = "demo.db"
		fmt.Fprintln(w, "  # keep the database this time:")
		fmt.Fprintln(w, "  eventwire demo --db demo.db")
	}
	fmt.Fprintln(w, "  # list or search the stored articles, show one article's events:")
	fmt.Fprintf(w, "  eventwire articles --db %s --search Aleppo\n", db)
	fmt.Fprintf(w, "  eventwire articles --db %s --events %d\n", db, r.exampleID())
	fmt.Fprintln(w, "  # one article, or a sentence of your own, through the pipeline, as JSON:")
	fmt.Fprintln(w, "  eventwire code testdata/samples/rferl-2016-12-23-aleppo.txt")
	fmt.Fprintln(w, `  echo "Russia accused Turkey of arming the rebels." | eventwire code - --date 2020-01-01`)
	fmt.Fprintln(w, "  # re-code the stored articles after a dictionary change, without re-parsing:")
	fmt.Fprintf(w, "  eventwire recode --db %s --dict actors=my-actors.txt\n", db)
}

// exampleID is the RFE/RL story's id, else the first story's, else 1.
func (r *demoReport) exampleID() int64 {
	for _, st := range r.Stories {
		if st.Page.URL == samples.RFERLURL {
			return st.ID
		}
	}
	if len(r.Stories) > 0 {
		return r.Stories[0].ID
	}
	return 1
}

// printEventTables prints the events by CAMEO root and PLOVER category,
// and the most frequent dyads.
func (r *demoReport) printEventTables(w io.Writer) {
	roots, plover, dyads := map[string]int{}, map[string]int{}, map[string]int{}
	for _, st := range r.Stories {
		for _, e := range st.Events {
			if len(e.CAMEO) >= 2 {
				roots[e.CAMEO[:2]]++
			}
			p := e.PLOVER
			if p == "" {
				p = "(none: CAMEO 01, 02 have no category)"
			}
			plover[p]++
			dyads[actorCode(e.Source)+" → "+actorCode(e.Target)]++
		}
	}
	fmt.Fprintln(w, "\nevents by CAMEO root:")
	for _, kv := range byCount(roots, 0) {
		label := ""
		if c, ok := r.book.Lookup(kv.key); ok {
			label = c.Label
		}
		fmt.Fprintf(w, "  %s %-38s %5d\n", kv.key, oneLine(label, 38), kv.n)
	}
	fmt.Fprintln(w, "\nevents by PLOVER category:")
	for _, kv := range byCount(plover, 0) {
		fmt.Fprintf(w, "  %-41s %5d\n", kv.key, kv.n)
	}
	fmt.Fprintln(w, "\ntop dyads (source → target):")
	for _, kv := range byCount(dyads, 10) {
		fmt.Fprintf(w, "  %-41s %5d\n", kv.key, kv.n)
	}
}

// printStoryEvents lists one story's events with their evidence.
func (r *demoReport) printStoryEvents(w io.Writer, st *eventwire.Story) {
	title, pub := "", ""
	if st.Article != nil {
		title, pub = st.Article.Title, st.Article.Published
	}
	fmt.Fprintf(w, "\nevents of %q (%s), story %d:\n", oneLine(title, 70), pub, st.ID)
	if len(st.Events) == 0 {
		fmt.Fprintln(w, "  (none)")
		return
	}
	fmt.Fprintln(w, "  sent CAMEO  source | verb | target")
	for _, e := range st.Events {
		fmt.Fprintln(w, "  "+eventLine(st, e, r.book))
	}
}

// eventLine formats one event with its evidence: sentence, CAMEO code and
// label, then "source [CODE] | verb | target [CODE]".
func eventLine(st *eventwire.Story, e eventwire.Event, book *cameo.Codebook) string {
	label := ""
	if c, ok := book.Lookup(e.CAMEO); ok {
		label = " (" + c.Label + ")"
	}
	neg := ""
	if e.Negated {
		neg = " [negated]"
	}
	if e.Background {
		neg += " [background, " + e.Date + "]"
	}
	src := evidence(st, e.Evidence.Source, e.Source.Text)
	verb := evidence(st, e.Evidence.Verb, "")
	tgt := evidence(st, e.Evidence.Target, e.Target.Text)
	return fmt.Sprintf("%4d %-5s  %s [%s] | %s | %s [%s]%s%s",
		e.Sentence, e.CAMEO, src, actorCode(e.Source), verb, tgt, actorCode(e.Target), label, neg)
}

// evidence returns the text of span in the story's article, cut to a
// readable length, else fallback, else "-".
func evidence(st *eventwire.Story, sp text.Span, fallback string) string {
	s := fallback
	if st.Article != nil && sp.End > sp.Start && int(sp.End) <= len(st.Article.Text) && sp.Start >= 0 {
		s = st.Article.Text[sp.Start:sp.End]
	}
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return oneLine(s, 50)
}

// actorCode is an actor's code, "-" when it has none.
func actorCode(a eventwire.Actor) string {
	if a.Code == "" {
		return "-"
	}
	return a.Code
}

type keyCount struct {
	key string
	n   int
}

// byCount sorts a tally by count, then key; n > 0 keeps the first n.
func byCount(m map[string]int, n int) []keyCount {
	out := make([]keyCount, 0, len(m))
	for k, v := range m {
		out = append(out, keyCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
