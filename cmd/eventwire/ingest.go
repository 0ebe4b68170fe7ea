package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/progress"
	"github.com/eventwire/eventwire/internal/source"
	"github.com/eventwire/eventwire/internal/sqlite"
)

// defaultDB is where commands keep their store unless --db says otherwise.
const defaultDB = "eventwire.db"

// The store serves feed polls: conditional requests and known items.
var (
	_ source.FeedState = (*sqlite.Store)(nil)
	_ source.KnownURLs = (*sqlite.Store)(nil)
)

func runIngest(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("ingest", "[flags] PATH|URL...",
		"eventwire ingest --db news.db ./pages https://example.com/feed.xml CC-NEWS-20240101.warc.gz")
	db := fs.String("db", defaultDB, "SQLite database `file` (created if absent)")
	workers := fs.Int("workers", 0, "pages processed at once (0: one per CPU)")
	rate := fs.Float64("rate", source.DefaultRate, "most requests per second to one host")
	timeout := fs.Duration("timeout", source.DefaultTimeout, "time limit of one HTTP request")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "largest page read, after decompression")
	maxExtract := fs.Int64("max-extract-bytes", defaultMaxExtract,
		"largest page extracted; bigger ones are stored as failures (extraction time and memory grow faster than size)")
	jsonOut := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress display, even on a terminal")
	retry := fs.Bool("retry", false, "instead of reading inputs, retry the failures recorded in the database")
	refresh := fs.Bool("refresh", false, "fetch again the feed items whose URL is already stored (skipped otherwise), and download feeds even when the server says they have not changed since their last poll")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for developers)")
	maxParse := fs.Int("max-parse-bytes", defaultMaxParse,
		"longest article text parsed, in bytes; longer ones are stored as failures of stage annotate (the longest of 293 Wikinews articles has 143 KB)")
	modelDir := modelsFlag(fs)
	noMerge, mergeWindow := mergeFlags(fs)
	noParse := fs.Bool("no-parse", false, "extract and store only: no parsing, no event coding (fast bulk archiving; \"eventwire recode --parse\" parses them later)")
	var userDicts multiFlag
	fs.Var(&userDicts, "dict", "extra dictionary `[KIND=]FILE` layered over the shipped ones, as in \"eventwire code\"; repeatable")
	langFlag := fs.String("languages", "en", "`codes` (ISO 639-1, comma-separated) of the articles parsed and coded; others are stored unparsed and counted as skipped (the parser and dictionaries are English; an undetected language counts as English)")
	anyLang := fs.Bool("any-language", false, "parse and code every article, whatever its detected language")
	failures := fs.Bool("failures", false, "instead of reading inputs, print the failures recorded in the database, one JSON object a line (url, origin, stage, error, attempts, last_at), in the order first recorded")
	limit := fs.Int("limit", 0, "with --failures: print at most `N` (0: all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *failures {
		if *retry || fs.NArg() > 0 {
			fmt.Fprintln(m.Stderr, "eventwire ingest: --failures takes no inputs and no --retry")
			return errUsage
		}
		if *limit < 0 {
			fmt.Fprintln(m.Stderr, "eventwire ingest: --limit must be 0 (all) or more")
			return errUsage
		}
		return listFailures(ctx, m.Stdout, *db, *limit)
	}
	if *limit != 0 {
		fmt.Fprintln(m.Stderr, "eventwire ingest: --limit goes with --failures")
		return errUsage
	}
	languages, err := parseLanguages(*langFlag)
	if err != nil {
		fmt.Fprintf(m.Stderr, "eventwire ingest: --languages: %v\n", err)
		return errUsage
	}
	if *noParse && len(userDicts) > 0 {
		fmt.Fprintln(m.Stderr, "eventwire ingest: --dict needs the parser; drop --no-parse")
		return errUsage
	}
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	switch {
	case *retry && fs.NArg() > 0:
		fmt.Fprintln(m.Stderr, "eventwire ingest: --retry takes no inputs")
		return errUsage
	case !*retry && fs.NArg() == 0:
		fmt.Fprintln(m.Stderr, "eventwire ingest: name at least one file, directory or URL")
		fs.Usage()
		return errUsage
	}
	// Load the models before opening anything: a bad --dict fails fast.
	pl, err := newPipeline(m.Stderr, *noParse, userDicts, *modelDir)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	store, err := sqlite.Open(ctx, *db, sqlite.Options{})
	if err != nil {
		return err
	}
	defer store.Close()

	limits := source.Limits{MaxBytes: *maxBytes}
	fetcher := source.NewFetcher(&http.Client{}, source.FetcherOptions{Rate: *rate, Timeout: *timeout, Limits: limits})
	// The store remembers feed validators and answers whether a feed
	// item's URL is stored.
	opts := source.Options{Limits: limits, Fetcher: fetcher, Feeds: store, Known: store, Refresh: *refresh}
	var src eventwire.Source
	if *retry {
		src = &retrySource{store: store, opts: opts, seen: map[string]bool{}}
	} else {
		src, err = source.Open(ctx, fs.Args(), opts)
		if err != nil {
			return err
		}
	}
	defer src.Close()

	var counts nlpCounts
	proc := newProcessor(store, *maxExtract, *maxParse, pl, nil)
	proc.Languages, proc.AnyLanguage = languages, *anyLang
	sum, err := ingestRun(ctx, m, src, proc, *workers, !*quiet, counts.add)
	if c, ok := src.(source.Committer); ok && err == nil {
		// Only now is every page read stored or recorded as a failure, so
		// the feeds read may be polled conditionally next time.
		err = c.Commit(ctx)
	}
	var merged *eventwire.MergeStats
	if err == nil && !*noMerge && !*noParse && sum != nil && sum.Ingested > 0 {
		ms, merr := store.MergeEvents(ctx, *mergeWindow, false)
		if merr != nil {
			err = merr
		} else {
			merged = &ms
		}
	}
	if sum != nil {
		var passed map[string]int64 // archive records that are not pages
		if sk, ok := src.(source.Skipper); ok {
			passed = sk.SkippedRecords()
		}
		var feeds source.FeedCounts
		if fc, ok := src.(source.FeedCounter); ok {
			feeds = fc.FeedCounts()
		}
		if *jsonOut {
			printSummaryJSON(m.Stdout, sum, &counts, passed, feeds)
		} else {
			printSummaryDB(m.Stdout, sum, *db)
			if !*noParse && sum.Skipped > 0 {
				fmt.Fprintln(m.Stdout, skippedLine(sum.Counts))
			}
			if !*noParse && sum.Ingested > 0 {
				fmt.Fprintln(m.Stdout, counts.line(sum.Elapsed))
			}
			if merged != nil && merged.Events > 0 {
				fmt.Fprintln(m.Stdout, mergeLine(*merged))
			}
			if len(passed) > 0 {
				fmt.Fprintln(m.Stdout, passedLine(passed))
			}
			for _, l := range feedLines(feeds) {
				fmt.Fprintln(m.Stdout, l)
			}
			if rs, ok := src.(*retrySource); ok && rs.skipped > 0 {
				fmt.Fprintf(m.Stdout, "skipped %d failures that need their original input (run the original ingest command again)\n", rs.skipped)
			}
			if rs, ok := src.(*retrySource); ok && rs.refused > 0 {
				fmt.Fprintf(m.Stdout, "passed over %d refused inputs (links to directories, special files, unsupported formats; name one as an input to read it)\n", rs.refused)
			}
		}
	}
	if err != nil {
		return err
	}
	if sum.Failed-sum.FailedKinds["unsupported"] > 0 {
		// Refusals (robots.txt forbids, links to directories, formats
		// we do not read) are listed but are not failures of the run.
		return errFailures
	}
	return nil
}

// parseLanguages reads the --languages list: ISO 639-1 codes separated by
// commas, case and blanks ignored.
func parseLanguages(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if len(f) != 2 || f[0] < 'a' || f[0] > 'z' || f[1] < 'a' || f[1] > 'z' {
			return nil, fmt.Errorf("%q is not a two-letter ISO 639-1 code", f)
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, errors.New("no language given (use --any-language to parse all)")
	}
	return out, nil
}

// skippedLine says how many stored articles were not parsed or coded
// because of their language, by language in code order.
func skippedLine(c ingest.Counts) string {
	langs := make([]string, 0, len(c.SkippedLanguages))
	for l := range c.SkippedLanguages {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = fmt.Sprintf("language %s: %d", l, c.SkippedLanguages[l])
	}
	return fmt.Sprintf("skipped %d articles (stored, not parsed or coded: %s); \"eventwire recode --parse --any-language\" parses them",
		c.Skipped, strings.Join(parts, ", "))
}

// defaultMaxExtract bounds the pages handed to the extractor. Measured on a
// text-dense synthetic page: 5 MB took 5.7 s and 276 MB peak RSS, 40 MB took
// 4 min 20 s and 1.18 GB (docs/notes/ingest.md), so the 50 MB read cap alone
// would break the memory and time bounds of an ingest.
const defaultMaxExtract = 5 << 20

// defaultMaxParse bounds the article text handed to the parser. The 293
// articles of the Wikinews 2019-2020 corpus average 4.5 KB, the longest
// 143 KB; parsing runs at some 20,000 tokens (about 100 KB) per second per
// core (docs/notes/pipeline.md), so 1 MB is about ten seconds of a core.
const defaultMaxParse = 1 << 20

// newProcessor wires the pipeline: the extractor, then pl's parser and
// event coder (none when pl is nil or built with noParse). times, if set,
// accumulates the time of each stage.
func newProcessor(store eventwire.Store, maxExtract int64, maxParse int, pl *pipeline, times *ingest.StageTimes) *ingest.Processor {
	ann, coders := pl.stages()
	return &ingest.Processor{
		Extractor:        extract.New(extract.Options{MaxBytes: maxExtract}),
		Annotator:        ann,
		Coders:           coders,
		Store:            store,
		Times:            times,
		MaxAnnotateBytes: maxParse,
	}
}

// ingestRun runs src through p with a progress display on a terminal;
// onStory, if set, is called after each page processed successfully, from
// the workers.
func ingestRun(ctx context.Context, m *Main, src eventwire.Source, p *ingest.Processor, workers int, showProgress bool, onStory func(*eventwire.Story, bool)) (*ingest.Summary, error) {
	var counters ingest.Counters
	pr, _ := src.(source.Progresser)
	meter := progress.Start(m.Stderr, showProgress && progress.IsTerminal(m.Stderr), func() progress.Status {
		c := counters.Snapshot()
		s := progress.Status{Items: c.Read, Failed: c.Failed, Done: -1, Total: -1}
		if pr != nil {
			s.Done, s.Total, s.Unit = pr.Progress()
		}
		return s
	})
	sum, err := ingest.Run(ctx, src, p, ingest.RunOptions{Workers: workers, Counters: &counters, OnStory: onStory})
	meter.Stop()
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(m.Stderr, "eventwire: interrupted; run the same command again to continue")
	}
	return sum, err
}

// maxListedFailures bounds the failures a text summary lists one by one: a
// run over a bad archive can fail 100,000 items, and the list would bury the
// counts. All are in the store (eventwire ingest --failures lists them).
const maxListedFailures = 20

// printSummary writes "ingested N, unchanged N, failed N", the first
// failures and the failure counts by stage and kind.
func printSummary(w io.Writer, s *ingest.Summary) { printSummaryDB(w, s, "") }

// printSummaryDB is printSummary for a run whose store is the database
// file db ("" when unknown), which the hint to list all failures names.
func printSummaryDB(w io.Writer, s *ingest.Summary, db string) {
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(s.Read) / sec
	}
	fmt.Fprintf(w, "ingested %d, unchanged %d, failed %d (%d pages read in %s, %.1f pages/s)\n",
		s.Ingested, s.Unchanged, s.Failed, s.Read, s.Elapsed.Round(time.Millisecond), rate)
	if s.Failed == 0 {
		return
	}
	listed := s.Failures[:min(len(s.Failures), maxListedFailures)]
	if int64(len(listed)) < s.Failed {
		fmt.Fprintf(w, "failures (the first %d of %d):\n", len(listed), s.Failed)
	} else {
		fmt.Fprintln(w, "failures:")
	}
	for _, f := range listed {
		fmt.Fprintf(w, "  %-8s %s: %v\n", f.Op, f.Item, f.Err)
	}
	if n := s.Failed - int64(len(listed)); n > 0 {
		fmt.Fprintf(w, "  ... and %d more; all are recorded in the database: %s lists them\n", n, failuresCommand(db))
	}
	fmt.Fprintf(w, "failed by stage: %s; by kind: %s\n", countList(s.FailedStages), countList(s.FailedKinds))
}

// failuresCommand is the command that lists the failures stored in db.
func failuresCommand(db string) string {
	switch {
	case db == "":
		return "eventwire ingest --failures --db FILE"
	case db == defaultDB:
		return "eventwire ingest --failures"
	case strings.ContainsAny(db, " \t\n'\"\\$`;&|<>()*?[]#~"):
		return "eventwire ingest --failures --db '" + strings.ReplaceAll(db, "'", `'\''`) + "'"
	}
	return "eventwire ingest --failures --db " + db
}

// countList writes counts as "a 3, b 1", largest first, then by name.
func countList(c map[string]int64) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c[a] != c[b] {
			return cmp.Compare(c[b], c[a])
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, c[k])
	}
	return strings.Join(parts, ", ")
}

// listFailures prints the failures recorded in the database at path, one
// JSON object a line, at most limit of them (0: all).
func listFailures(ctx context.Context, w io.Writer, path string, limit int) error {
	store, err := openExistingStore(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	n := 0
	errEnough := errors.New("enough")
	err = store.EachFailure(ctx, func(f eventwire.Failure) error {
		if limit > 0 && n >= limit {
			return errEnough
		}
		n++
		return enc.Encode(f)
	})
	if err != nil && !errors.Is(err, errEnough) {
		return err
	}
	return bw.Flush()
}

// passedLine says how many archive records were passed over because they
// are not pages, by reason: they are not failures, but the input had them.
func passedLine(passed map[string]int64) string {
	var n int64
	for _, v := range passed {
		n += v
	}
	return fmt.Sprintf("passed over %d archive records that are not pages (%s)", n, countList(passed))
}

// feedLines say what the feeds read were spared: items not fetched because
// their URL is stored, feeds not downloaded because unchanged.
func feedLines(c source.FeedCounts) []string {
	var out []string
	if c.Known > 0 {
		out = append(out, fmt.Sprintf("known, skipped %d feed items whose URL is already stored (--refresh fetches them again)", c.Known))
	}
	if c.NotModified > 0 {
		out = append(out, fmt.Sprintf("not modified since their last poll: %d feeds (--refresh downloads them anyway)", c.NotModified))
	}
	return out
}

// printSummaryJSON writes the summary as one JSON object; the parser and
// coder counts are those of the newly stored stories, passed the archive
// records that are not pages, by reason, feeds what the feeds were spared.
func printSummaryJSON(w io.Writer, s *ingest.Summary, c *nlpCounts, passed map[string]int64, feeds source.FeedCounts) {
	type failure struct {
		Stage string `json:"stage"`
		Item  string `json:"item"`
		Error string `json:"error"`
	}
	out := struct {
		ingest.Counts
		Sentences int64   `json:"sentences"`
		Tokens    int64   `json:"tokens"`
		Events    int64   `json:"events"`
		Seconds   float64 `json:"seconds"`
		// PassedOver counts archive records that are not pages.
		PassedOver map[string]int64 `json:"passed_over,omitempty"`
		source.FeedCounts
		Failures []failure `json:"failures"`
	}{Counts: s.Counts, Sentences: c.sentences.Load(), Tokens: c.tokens.Load(), Events: c.events.Load(),
		Seconds: s.Elapsed.Seconds(), PassedOver: passed, FeedCounts: feeds, Failures: []failure{}}
	for _, f := range s.Failures {
		out.Failures = append(out.Failures, failure{f.Op, f.Item, f.Err.Error()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// openExistingStore opens the database at path, refusing to create one.
func openExistingStore(ctx context.Context, path string) (*sqlite.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no database at %s (run \"eventwire ingest --db %s ...\" first): %w", path, path, err)
	}
	return sqlite.Open(ctx, path, sqlite.Options{})
}

// retryBatch is how many recorded failures retrySource loads at once: one,
// because each comes with its kept body, up to the read cap (50 MB), and a
// batch of 100 failed 3 MB pages took a retry to 372-377 MB of peak RSS,
// one at a time to 138-147 MB (docs/notes/robustness.md). A query per
// failure costs little next to processing its page.
const retryBatch = 1

// retrySource yields the pages of recorded failures, once per URL: from the
// kept body when there is one, else read again from a local file (as an
// input of ingest: a feed file yields its items, a directory its files) or
// fetched again from an http(s) URL. Failures that cannot be re-read (a
// record inside a WARC or JSON Lines file) are skipped and counted.
type retrySource struct {
	store   *sqlite.Store
	opts    source.Options
	after   int64
	batch   []sqlite.FailedPage
	seen    map[string]bool
	skipped int
	refused int // failures that were refusals, passed over
	// committers are the feeds fetched again, whose polls are saved (and
	// their failures cleared) by Commit once the run has stored their items.
	committers []source.Committer
	done       bool
	cur        eventwire.Source // a local input being read again
}

func (r *retrySource) Next(ctx context.Context) (*eventwire.Page, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if r.cur != nil {
			p, err := r.cur.Next(ctx)
			if err != io.EOF {
				return p, err
			}
			r.cur.Close()
			r.cur = nil
		}
		if len(r.batch) == 0 {
			if r.done {
				return nil, io.EOF
			}
			b, err := r.store.FailedPages(ctx, r.after, retryBatch)
			if err != nil {
				return nil, err
			}
			if len(b) < retryBatch {
				r.done = true
			}
			if len(b) == 0 {
				return nil, io.EOF
			}
			r.after = b[len(b)-1].ID
			r.batch = b
		}
		f := r.batch[0]
		r.batch = r.batch[1:]
		p := f.Page
		if r.seen[p.URL] {
			continue
		}
		r.seen[p.URL] = true
		if f.Refused {
			// Refused for what it is (a link to a directory, a special
			// file, a binary format): retrying would repeat the refusal,
			// or read as a named input what the walk kept out.
			r.refused++
			continue
		}
		if len(p.Body) > 0 {
			return p, nil
		}
		switch {
		case strings.HasPrefix(p.URL, "file://"):
			src, err := source.Open(ctx, []string{strings.TrimPrefix(p.URL, "file://")}, r.opts)
			if err != nil {
				return nil, &eventwire.ItemError{Op: ingest.StageRead, Item: p.URL, Err: err}
			}
			r.cur = src
			continue
		case strings.HasPrefix(p.URL, "http://"), strings.HasPrefix(p.URL, "https://"):
			if f.Stage != ingest.StageFetch {
				r.skipped++ // a record of an archive: not ours to fetch
				continue
			}
			// Read as an input again: a feed whose fetch failed yields
			// its items, a page itself.
			src, err := source.Open(ctx, []string{p.URL}, r.opts)
			if err != nil {
				return nil, &eventwire.ItemError{Op: ingest.StageFetch, Item: p.URL, Err: err}
			}
			r.cur = src
			if c, ok := src.(source.Committer); ok {
				r.committers = append(r.committers, c)
			}
			continue
		}
		r.skipped++
	}
}

// Commit implements source.Committer for the feeds fetched again.
func (r *retrySource) Commit(ctx context.Context) error {
	for _, c := range r.committers {
		if err := c.Commit(ctx); err != nil {
			return err
		}
	}
	r.committers = nil
	return nil
}

func (r *retrySource) Close() error {
	r.done, r.batch = true, nil
	if r.cur != nil {
		err := r.cur.Close()
		r.cur = nil
		return err
	}
	return nil
}
