package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/progress"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// runRecode re-codes the events of stored articles from their stored Docs,
// after a dictionary change: no page is read, extracted or parsed again
// (except, with --parse, the articles stored without a parse).
func runRecode(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("recode", "[--db FILE] [--dict [KIND=]FILE]... [--since ID] [--parse]",
		"eventwire recode --db news.db --dict actors=my-actors.txt --dict verbs=my-verbs.txt")
	db := fs.String("db", defaultDB, "SQLite database `file`")
	var userDicts multiFlag
	fs.Var(&userDicts, "dict", "extra dictionary `[KIND=]FILE` layered over the shipped ones, as in \"eventwire code\"; repeatable")
	since := fs.Int64("since", 0, "only stories whose id is at least `ID` (to finish an interrupted recode, or code new stories only)")
	modelDir := modelsFlag(fs)
	noMerge, mergeWindow := mergeFlags(fs)
	parse := fs.Bool("parse", false, "first parse, store and code the articles stored without a parse (ingested with --no-parse)")
	jsonOut := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress display, even on a terminal")
	workers := fs.Int("workers", 0, "stories coded at once (0: one per CPU)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for developers)")
	langFlag := fs.String("languages", "en", "with --parse: `codes` (ISO 639-1, comma-separated) of the articles parsed, as in \"eventwire ingest\"; others stay unparsed and are counted as skipped")
	anyLang := fs.Bool("any-language", false, "with --parse: parse every article, whatever its detected language")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	languages, err := parseLanguages(*langFlag)
	if err != nil {
		fmt.Fprintf(m.Stderr, "eventwire recode: --languages: %v\n", err)
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire recode: unexpected argument %q (dictionaries go in --dict)\n", fs.Arg(0))
		return errUsage
	}
	if *since < 0 {
		fmt.Fprintln(m.Stderr, "eventwire recode: --since must not be negative")
		return errUsage
	}
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	rc := &recoder{workers: *workers, languages: languages, anyLanguage: *anyLang}
	if rc.workers <= 0 {
		rc.workers = defaultWorkers()
	}
	if *parse {
		pl, err := newPipeline(m.Stderr, false, userDicts, *modelDir)
		if err != nil {
			return fmt.Errorf("recode: %w", err)
		}
		rc.parser, rc.coder = pl.parser, pl.coder
	} else {
		c, err := newEventCoder(m.Stderr, userDicts, *modelDir)
		if err != nil {
			return fmt.Errorf("recode: %w", err)
		}
		rc.coder = c
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	rc.store = store

	after := max(*since-1, 0)
	total, err := store.CountDocs(ctx, after)
	if err != nil {
		return err
	}
	unparsed, err := store.CountUnparsed(ctx, after)
	if err != nil {
		return err
	}
	if *parse {
		total += unparsed
	}
	meter := progress.Start(m.Stderr, !*quiet && progress.IsTerminal(m.Stderr), func() progress.Status {
		d := rc.done.Load()
		return progress.Status{Items: d, Failed: rc.failed.Load(), Done: d, Total: total, Unit: "stories"}
	})
	sum, err := rc.run(ctx, after)
	meter.Stop()
	sum.Unparsed, _ = store.CountUnparsed(ctx, after)
	if err == nil && !*noMerge {
		// Replaced events left their merged events; merge the new ones.
		ms, merr := store.MergeEvents(ctx, *mergeWindow, false)
		if merr != nil {
			err = merr
		}
		sum.Merged = &ms
	}
	if *jsonOut {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(sum)
	} else {
		sum.print(m.Stdout)
	}
	if errors.Is(err, context.Canceled) {
		if sum.phase == phaseParse {
			fmt.Fprintln(m.Stderr, "eventwire: interrupted; run the same command again to continue (the parsed stories are kept)")
		} else {
			fmt.Fprintf(m.Stderr, "eventwire: interrupted; continue with --since %d\n", sum.LastID+1)
		}
	}
	if err != nil {
		return fmt.Errorf("recode: %w", err)
	}
	if sum.Failed > 0 {
		return errFailures
	}
	return nil
}

// recodeSummary is what a recode did.
type recodeSummary struct {
	Parsed       int64                 `json:"parsed"`           // stories parsed now (--parse), stored and coded
	ParsedEvents int64                 `json:"parsed_events"`    // the events coded from them
	Stories      int64                 `json:"stories"`          // stories recoded from their stored Doc
	Changed      int64                 `json:"changed"`          // of those, stories whose events changed (and were rewritten)
	EventsBefore int64                 `json:"events_before"`    // events of the recoded stories before
	EventsAfter  int64                 `json:"events_after"`     // and after
	Failed       int64                 `json:"failed"`           // stories that failed to parse or code; their events are kept
	Failures     []recodeError         `json:"failures"`         // the first maxRecodeFailures of them
	LastID       int64                 `json:"last_id"`          // every stored Doc up to this id is recoded
	Merged       *eventwire.MergeStats `json:"merged,omitempty"` // the merge pass after recoding
	Unparsed     int64                 `json:"unparsed"`         // articles left without a Doc (ingested with --no-parse or skipped for their language), not coded
	// Skipped counts the unparsed articles --parse left alone for their
	// language (ingest's rule, ingest.SkipLanguage), by language.
	Skipped          int64            `json:"skipped"`
	SkippedLanguages map[string]int64 `json:"skipped_languages,omitempty"`
	Seconds          float64          `json:"seconds"`
	Elapsed          time.Duration    `json:"-"`
	phase            string           // where the run stopped
	parseRan         bool             // the parse phase ran
}

// The phases of a recode run, in order.
const (
	phaseParse  = "parse"
	phaseRecode = "recode"
)

// recodeError is one story the parser or coder failed on.
type recodeError struct {
	ID    int64  `json:"id"`
	URL   string `json:"url"`
	Error string `json:"error"`
}

// maxRecodeFailures bounds the failures listed in a summary.
const maxRecodeFailures = 100

// recodeBatch is the number of stories processed at once between writes.
const recodeBatch = 64

// recoder re-codes stored stories; parser, when set, also parses the
// stories stored without a Doc.
type recoder struct {
	store        *sqlite.Store
	coder        *coder.Coder
	parser       annotator
	workers      int
	done, failed atomic.Int64
	languages    []string // parsed by the parse phase (nil: ingest's default)
	anyLanguage  bool     // parse every language
}

// job is one story of a batch and what the workers made of it.
type job struct {
	st  *eventwire.Story
	doc *text.Doc // parsed now (parse phase)
	evs []eventwire.Event
	// quotes and places found in a Doc parsed now, stored with it.
	quotes []eventwire.Quote
	places []eventwire.Place
	err    error
	// skip is the language for which the parse phase left the story
	// alone; "" when it did not.
	skip string
}

// run parses the stories without a Doc (when r.parser is set), then codes
// every stored Doc of a story with id > after and replaces the story's
// events when they changed, one transaction per story. Stories are worked
// on in batches by r.workers goroutines (parser and coder are safe for
// concurrent use) and written in id order after each batch, so LastID
// always means "every story up to here is done". A story that fails keeps
// its events and is counted; a store error ends the run.
func (r *recoder) run(ctx context.Context, after int64) (*recodeSummary, error) {
	start := time.Now()
	sum := &recodeSummary{Failures: []recodeError{}, LastID: after}
	defer func() {
		sum.Elapsed = time.Since(start)
		sum.Seconds = sum.Elapsed.Seconds()
	}()
	fail := func(st *eventwire.Story, err error) {
		sum.Failed++
		r.failed.Add(1)
		if len(sum.Failures) < maxRecodeFailures {
			sum.Failures = append(sum.Failures, recodeError{st.ID, st.Page.URL, err.Error()})
		}
	}
	parsedNow := map[int64]bool{}
	if r.parser != nil {
		sum.phase, sum.parseRan = phaseParse, true
		err := r.walk(ctx, after, r.store.Unparsed, func(j *job) {
			if lang := j.st.Article.Language; !r.anyLanguage && ingest.SkipLanguage(lang, r.languages) {
				j.skip = lang
				return
			}
			if len(j.st.Article.Text) > defaultMaxParse {
				j.err = fmt.Errorf("article text of %d bytes, more than the %d parsed: %w",
					len(j.st.Article.Text), defaultMaxParse, eventwire.ErrTooLarge)
				return
			}
			d := text.NewDoc(j.st.Article.Text)
			if j.err = r.parser.Annotate(ctx, d); j.err != nil {
				return
			}
			j.doc = d
			j.evs, j.quotes, j.places, j.err = codeStored(ctx, r.coder, j.st, d)
		}, func(j *job) (bool, error) {
			if j.skip != "" {
				sum.Skipped++
				if sum.SkippedLanguages == nil {
					sum.SkippedLanguages = map[string]int64{}
				}
				sum.SkippedLanguages[j.skip]++
				return true, nil
			}
			if j.err != nil {
				fail(j.st, j.err)
				return true, nil
			}
			if err := r.store.PutDoc(ctx, j.st.ID, j.doc, j.evs, j.quotes, j.places); err != nil {
				return false, err
			}
			parsedNow[j.st.ID] = true
			sum.Parsed++
			sum.ParsedEvents += int64(len(j.evs))
			return true, nil
		})
		if err != nil {
			return sum, err
		}
	}
	sum.phase = phaseRecode
	err := r.walk(ctx, after, r.store.Docs, func(j *job) {
		if !parsedNow[j.st.ID] {
			j.evs, _, _, j.err = codeStored(ctx, r.coder, j.st, j.st.Doc)
		}
	}, func(j *job) (bool, error) {
		sum.LastID = j.st.ID
		switch {
		case parsedNow[j.st.ID]:
			// Coded a moment ago, with the same dictionaries; counted then.
			return false, nil
		case j.err != nil:
			fail(j.st, j.err)
		default:
			same := sameEvents(j.st.Events, j.evs)
			if !same || !sameCoder(j.st.Events, j.evs) {
				// Events that did not change are still rewritten when
				// they were coded with other dictionaries, so each
				// says what coded it.
				if err := r.store.ReplaceEvents(ctx, j.st.ID, j.evs); err != nil {
					sum.LastID = j.st.ID - 1
					return false, err
				}
			}
			if !same {
				sum.Changed++
			}
			sum.Stories++
			sum.EventsBefore += int64(len(j.st.Events))
			sum.EventsAfter += int64(len(j.evs))
		}
		return true, nil
	})
	return sum, err
}

// walk runs a store walk (Docs or Unparsed) from after in batches: work
// runs on r.workers goroutines for every story of a batch (a panic in it
// becomes the job's error), then write for each in id order; write says
// whether the story counts toward progress. A cancelled ctx stops the walk
// with ctx.Err().
func (r *recoder) walk(ctx context.Context, after int64, stories func(context.Context, int64, func(*eventwire.Story) error) error,
	work func(*job), write func(*job) (bool, error)) error {
	safeWork := func(j *job) {
		defer func() {
			if p := recover(); p != nil {
				j.err = fmt.Errorf("panic: %v", p)
			}
		}()
		work(j)
	}
	batch := make([]job, 0, recodeBatch)
	flush := func() error {
		var wg sync.WaitGroup
		var next atomic.Int64
		for w := 0; w < max(r.workers, 1); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(batch) || ctx.Err() != nil {
						return
					}
					safeWork(&batch[i])
				}
			}()
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return err
		}
		for i := range batch {
			counted, err := write(&batch[i])
			if err != nil {
				return err
			}
			if counted {
				r.done.Add(1)
			}
		}
		batch = batch[:0]
		return nil
	}
	err := stories(ctx, after, func(st *eventwire.Story) error {
		batch = append(batch, job{st: st})
		if len(batch) == recodeBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return err
}

// sameEvents reports whether two event lists are equal but for what coded
// them (Event.Coder), treating nil and empty alike.
func sameEvents(a, b []eventwire.Event) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.Coder, y.Coder = "", ""
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// sameCoder reports whether the events of a and b were coded by the same
// coder and dictionaries (b's first event decides; no events, no stamp).
func sameCoder(a, b []eventwire.Event) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	return a[0].Coder == b[0].Coder
}

func (s *recodeSummary) print(w io.Writer) {
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(s.Parsed+s.Stories+s.Failed) / sec
	}
	if s.Parsed > 0 {
		fmt.Fprintf(w, "parsed %d stories that had no stored parse, coded %d events from them\n", s.Parsed, s.ParsedEvents)
	}
	fmt.Fprintf(w, "recoded %d stories (%d changed, %d unchanged), failed %d; events %d → %d (%s, %.1f stories/s)\n",
		s.Stories, s.Changed, s.Stories-s.Changed, s.Failed, s.EventsBefore, s.EventsAfter,
		s.Elapsed.Round(time.Millisecond), rate)
	if s.Merged != nil && s.Merged.Events > 0 {
		fmt.Fprintln(w, mergeLine(*s.Merged))
	}
	if s.Skipped > 0 {
		fmt.Fprintln(w, skippedLine(ingest.Counts{Skipped: s.Skipped, SkippedLanguages: s.SkippedLanguages}))
	}
	switch {
	case s.Unparsed > s.Skipped && s.parseRan:
		fmt.Fprintf(w, "%d articles still have no stored parse (see the failures)\n", s.Unparsed-s.Skipped)
	case s.Unparsed > 0 && !s.parseRan:
		fmt.Fprintf(w, "%d articles have no stored parse (ingested with --no-parse, or kept out of parsing for their language) and were not coded; --parse parses them (with --any-language, those in other languages too)\n", s.Unparsed)
	}
	if len(s.Failures) > 0 {
		fmt.Fprintln(w, "failures (these stories keep their events):")
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  story %d %s: %s\n", f.ID, f.URL, f.Error)
		}
		if n := s.Failed - int64(len(s.Failures)); n > 0 {
			fmt.Fprintf(w, "  ... and %d more\n", n)
		}
	}
}

// codeStored codes a stored story's Doc as ingest does after parsing: the
// events with their dates and places, the article's places, and its quotes,
// statement events linked to them. Recoding a parsed story keeps its stored
// quotes and places (found again from the same Doc, they are the same, so
// the links point into the stored list); a story parsed now stores them.
func codeStored(ctx context.Context, c *coder.Coder, st *eventwire.Story, d *text.Doc) ([]eventwire.Event, []eventwire.Quote, []eventwire.Place, error) {
	places, err := stages.ResolvePlaces(ctx, loadGazetteer, st.Article, d)
	if err != nil {
		return nil, nil, nil, err
	}
	var paras []text.Span
	if st.Article != nil {
		paras = st.Article.Paragraphs
	}
	qs, err := stages.AttributeQuotes(ctx, c, d, paras, stages.StoryDate(st))
	if err != nil {
		return nil, nil, nil, err
	}
	evs, err := stages.CodeDated(ctx, c, loadGazetteer, d, stages.StoryDate(st), places, qs)
	if err != nil {
		return nil, nil, nil, err
	}
	geo.Locate(d, places, evs)
	quote.Link(qs, evs)
	return evs, qs, places, nil
}
