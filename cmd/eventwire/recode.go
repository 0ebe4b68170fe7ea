package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/internal/progress"
	"github.com/eventwire/eventwire/internal/sqlite"
)

// runRecode re-codes the events of stored articles from their stored Docs,
// after a dictionary change: no page is read, extracted or parsed again.
func runRecode(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("recode", "[--db FILE] [--dict [KIND=]FILE]... [--since ID]",
		"eventwire recode --db news.db --dict actors=my-actors.txt --dict verbs=my-verbs.txt")
	db := fs.String("db", defaultDB, "SQLite database `file`")
	var userDicts multiFlag
	fs.Var(&userDicts, "dict", "extra dictionary `[KIND=]FILE` layered over the shipped ones, as in \"eventwire code\"; repeatable")
	since := fs.Int64("since", 0, "only stories whose id is at least `ID` (to finish an interrupted recode, or code new stories only)")
	jsonOut := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress display, even on a terminal")
	workers := fs.Int("workers", 0, "stories coded at once (0: one per CPU)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for developers)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire recode: unexpected argument %q (dictionaries go in --dict)\n", fs.Arg(0))
		return errUsage
	}
	if *since < 0 {
		fmt.Fprintln(m.Stderr, "eventwire recode: --since must not be negative")
		return errUsage
	}
	c, err := newEventCoder(m.Stderr, userDicts)
	if err != nil {
		return fmt.Errorf("recode: %w", err)
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	after := max(*since-1, 0)
	total, err := store.CountDocs(ctx, after)
	if err != nil {
		return err
	}
	var unparsed int64
	if after == 0 {
		st, err := store.Stats(ctx)
		if err != nil {
			return err
		}
		unparsed = max(st.Articles-total, 0)
	}
	var done, failed atomic.Int64
	meter := progress.Start(m.Stderr, !*quiet && progress.IsTerminal(m.Stderr), func() progress.Status {
		d := done.Load()
		return progress.Status{Items: d, Failed: failed.Load(), Done: d, Total: total, Unit: "stories"}
	})
	if *workers <= 0 {
		*workers = defaultWorkers()
	}
	sum, err := recode(ctx, store, c, after, *workers, &done, &failed)
	meter.Stop()
	if sum != nil {
		sum.Unparsed = unparsed
		if *jsonOut {
			enc := json.NewEncoder(m.Stdout)
			enc.SetIndent("", "  ")
			enc.Encode(sum)
		} else {
			sum.print(m.Stdout)
		}
	}
	if errors.Is(err, context.Canceled) && sum != nil {
		fmt.Fprintf(m.Stderr, "eventwire: interrupted; continue with --since %d\n", sum.LastID+1)
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
	Stories      int64         `json:"stories"`       // stories whose Doc was coded
	Changed      int64         `json:"changed"`       // stories whose events changed (and were rewritten)
	EventsBefore int64         `json:"events_before"` // events of the coded stories before
	EventsAfter  int64         `json:"events_after"`  // and after
	Failed       int64         `json:"failed"`        // stories the coder failed on; their events are kept
	Failures     []recodeError `json:"failures"`      // the first maxRecodeFailures of them
	LastID       int64         `json:"last_id"`       // the last story visited
	Unparsed     int64         `json:"unparsed"`      // stored articles without a Doc (ingested with --no-parse), not coded
	Seconds      float64       `json:"seconds"`
	Elapsed      time.Duration `json:"-"`
}

// recodeError is one story the coder failed on.
type recodeError struct {
	ID    int64  `json:"id"`
	URL   string `json:"url"`
	Error string `json:"error"`
}

// maxRecodeFailures bounds the failures listed in a summary.
const maxRecodeFailures = 100

// recodeBatch is the number of stories coded at once between writes.
const recodeBatch = 64

// recode codes every stored Doc of a story with id > after with c, and
// replaces the story's events when they changed, one transaction per
// story. Stories are coded in batches by workers goroutines (the coder is
// safe for concurrent use) and written in id order after each batch, so
// LastID always means "every story up to here is done". A story the coder
// fails on keeps its events and is counted; a store error ends the run.
// done and failed count as it goes.
func recode(ctx context.Context, store *sqlite.Store, c *coder.Coder, after int64, workers int, done, failed *atomic.Int64) (*recodeSummary, error) {
	start := time.Now()
	sum := &recodeSummary{Failures: []recodeError{}, LastID: after}
	type job struct {
		st  *eventwire.Story
		evs []eventwire.Event
		err error
	}
	batch := make([]job, 0, recodeBatch)
	flush := func() error {
		var wg sync.WaitGroup
		next := atomic.Int64{}
		for w := 0; w < max(workers, 1); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(batch) {
						return
					}
					j := &batch[i]
					j.evs, j.err = c.Code(ctx, j.st.Doc, storyDate(j.st))
				}
			}()
		}
		wg.Wait()
		for _, j := range batch {
			st := j.st
			switch {
			case j.err != nil && ctx.Err() != nil:
				return ctx.Err()
			case j.err != nil:
				sum.Failed++
				failed.Add(1)
				if len(sum.Failures) < maxRecodeFailures {
					sum.Failures = append(sum.Failures, recodeError{st.ID, st.Page.URL, j.err.Error()})
				}
			default:
				if !sameEvents(st.Events, j.evs) {
					if err := store.ReplaceEvents(ctx, st.ID, j.evs); err != nil {
						return err
					}
					sum.Changed++
				}
				sum.Stories++
				sum.EventsBefore += int64(len(st.Events))
				sum.EventsAfter += int64(len(j.evs))
			}
			sum.LastID = st.ID
			done.Add(1)
		}
		batch = batch[:0]
		return nil
	}
	err := store.Docs(ctx, after, func(st *eventwire.Story) error {
		batch = append(batch, job{st: st})
		if len(batch) == recodeBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	sum.Elapsed = time.Since(start)
	sum.Seconds = sum.Elapsed.Seconds()
	return sum, err
}

// sameEvents reports whether two event lists are equal, treating nil and
// empty alike.
func sameEvents(a, b []eventwire.Event) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func (s *recodeSummary) print(w io.Writer) {
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(s.Stories+s.Failed) / sec
	}
	fmt.Fprintf(w, "recoded %d stories (%d changed, %d unchanged), failed %d; events %d → %d (%s, %.1f stories/s)\n",
		s.Stories, s.Changed, s.Stories-s.Changed, s.Failed, s.EventsBefore, s.EventsAfter,
		s.Elapsed.Round(time.Millisecond), rate)
	if s.Unparsed > 0 {
		fmt.Fprintf(w, "%d articles have no stored parse (ingested with --no-parse) and were not coded\n", s.Unparsed)
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
