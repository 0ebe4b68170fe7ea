// Package ingest is the orchestrator: Process takes one page through
// extraction, optional annotation and coding, and storage, and Run drives a
// Source through a bounded pool of workers into a Store. The CLI, the API
// and queue workers all go through Process, so a page is treated the same
// whichever way it arrives.
//
// Failures are per page: a page that fails a stage is recorded with
// Store.PutFailure (stage and error) and the run goes on. A page already
// stored (same URL and content hash) is recognised before extraction when
// the store can tell (PageLooker), so rerunning an interrupted ingest costs
// little and stores nothing twice.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/text"
)

// Stages name where a page failed; they are stored with failures.
const (
	StageRead     = "read"
	StageFetch    = "fetch"
	StageExtract  = "extract"
	StageAnnotate = "annotate"
	StageCode     = "code"
	StageStore    = "store"
)

// Extractor turns a page into an article; extract.Extractor is one.
type Extractor interface {
	Extract(ctx context.Context, p *eventwire.Page) (*eventwire.Article, error)
}

// Annotator adds linguistic layers (tokens, sentences, tags, trees) to a
// Doc in place; every nlp.Annotator is one. It must be safe for concurrent
// use on different Docs: the workers of Run share it.
type Annotator interface {
	Annotate(ctx context.Context, d *text.Doc) error
}

// Coder adds events, quotes, places or dates to a story whose Article (and
// Doc, when an annotator ran) are set. It must not keep the story.
type Coder interface {
	Name() string
	Code(ctx context.Context, s *eventwire.Story) error
}

// CoderFunc adapts a function to Coder.
type CoderFunc struct {
	N string                                              // the coder's name
	F func(ctx context.Context, s *eventwire.Story) error // the coding
}

// Name returns c.N.
func (c CoderFunc) Name() string { return c.N }

// Code calls c.F.
func (c CoderFunc) Code(ctx context.Context, s *eventwire.Story) error { return c.F(ctx, s) }

// PageLooker is implemented by stores that can tell whether a page is
// already stored, so Process can skip extracting it again.
type PageLooker interface {
	PageID(ctx context.Context, url, contentHash string) (id int64, ok bool, err error)
}

// ArticleLooker is implemented by stores that keep one story per URL and
// can tell whether the story stored under url has exactly this article
// text, so Process need not parse and code a re-fetch whose boilerplate
// alone changed.
type ArticleLooker interface {
	SameArticle(ctx context.Context, url, text string) (id int64, same bool, err error)
}

// Processor takes pages through the pipeline. Extractor and Store are
// required; Annotator may be nil (no Doc is made or stored) and Coders
// empty. A Processor is safe for concurrent use when its parts are.
type Processor struct {
	Extractor Extractor
	Annotator Annotator
	Coders    []Coder
	Store     eventwire.Store
	// Times, if set, accumulates the time spent in each stage.
	Times *StageTimes
	// MaxAnnotateBytes, when positive, bounds the article text given to
	// the Annotator: a longer one fails stage annotate with
	// eventwire.ErrTooLarge (and is kept for a retry with a higher bound),
	// because parsing time and Doc size grow with the text and no news
	// article comes near the bound.
	MaxAnnotateBytes int
	// Languages lists the ISO 639-1 codes of the articles given to the
	// Annotator and Coders; nil means DefaultLanguages. An article whose
	// detected language is known and not listed is stored with its
	// Article only (no Doc, no events), and Run counts it as skipped:
	// the models and dictionaries are English, and on other languages
	// they give garbage trees and spurious events. An unknown language
	// ("") is taken as English: the detector abstains on short texts.
	Languages []string
	// AnyLanguage, when set, annotates and codes every article whatever
	// its language (Languages is ignored).
	AnyLanguage bool
}

// DefaultLanguages returns the languages annotated and coded when
// Processor.Languages is nil: the shipped models and dictionaries are
// English.
func DefaultLanguages() []string { return []string{"en"} }

// SkipLanguage reports whether an article in language lang is kept out of
// the English-only stages when languages are accepted (nil: the
// defaults). Unknown ("") is never skipped. recode --parse applies the
// same rule as Process through it.
func SkipLanguage(lang string, languages []string) bool {
	if lang == "" {
		return false
	}
	if languages == nil {
		languages = DefaultLanguages()
	}
	return !slices.Contains(languages, lang)
}

// Skipped returns the language for which st's article was kept out of
// annotation and coding by p, or "" when it was not (or p has no such
// stages: nothing was skipped).
func (p *Processor) Skipped(st *eventwire.Story) string {
	if p.AnyLanguage || (p.Annotator == nil && len(p.Coders) == 0) || st == nil || st.Article == nil || st.Doc != nil {
		return ""
	}
	if SkipLanguage(st.Article.Language, p.Languages) {
		return st.Article.Language
	}
	return ""
}

// StageTimes accumulates, over all pages and workers, the time spent in
// each stage of Process; read it with Snapshot from any goroutine. With
// several workers the sum exceeds the wall time of the run.
type StageTimes struct {
	extract, annotate, code, store atomic.Int64
}

// StageDurations is a snapshot of StageTimes.
type StageDurations struct {
	Extract  time.Duration `json:"extract"`
	Annotate time.Duration `json:"annotate"`
	Code     time.Duration `json:"code"`
	Store    time.Duration `json:"store"`
}

// Snapshot returns the times so far.
func (t *StageTimes) Snapshot() StageDurations {
	return StageDurations{
		Extract:  time.Duration(t.extract.Load()),
		Annotate: time.Duration(t.annotate.Load()),
		Code:     time.Duration(t.code.Load()),
		Store:    time.Duration(t.store.Load()),
	}
}

// record adds the time since start to stage's total; a nil t records
// nothing.
func (t *StageTimes) record(stage string, start time.Time) {
	if t == nil {
		return
	}
	d := int64(time.Since(start))
	switch stage {
	case StageExtract:
		t.extract.Add(d)
	case StageAnnotate:
		t.annotate.Add(d)
	case StageCode:
		t.code.Add(d)
	case StageStore:
		t.store.Add(d)
	}
}

// Process runs page through extract → annotate → code → store and returns
// the stored story. See ProcessPage.
func (p *Processor) Process(ctx context.Context, page *eventwire.Page) (*eventwire.Story, error) {
	st, _, err := p.ProcessPage(ctx, page)
	return st, err
}

// ProcessPage is Process that also reports whether the story was newly
// stored (false: the same URL and content were already there, and nothing
// was written). A failure is returned as an *eventwire.ItemError whose Op is
// the stage, and recorded in the store (best effort) before returning.
func (p *Processor) ProcessPage(ctx context.Context, page *eventwire.Page) (st *eventwire.Story, created bool, err error) {
	if page == nil || page.URL == "" {
		return nil, false, &eventwire.ItemError{Op: StageRead, Item: "", Err: fmt.Errorf("%w: page without URL", eventwire.ErrInvalid)}
	}
	if pl, ok := p.Store.(PageLooker); ok {
		id, found, err := pl.PageID(ctx, page.URL, page.ContentHash())
		if err != nil {
			return nil, false, p.fail(ctx, page, StageStore, err)
		}
		if found {
			return &eventwire.Story{ID: id, Page: page}, false, nil
		}
	}
	st = &eventwire.Story{Page: page}
	start := time.Now()
	a, err := safely(func() (*eventwire.Article, error) { return p.Extractor.Extract(ctx, page) })
	p.Times.record(StageExtract, start)
	if err != nil {
		return nil, false, p.fail(ctx, page, StageExtract, err)
	}
	if a == nil {
		return nil, false, p.fail(ctx, page, StageExtract, eventwire.ErrNoContent)
	}
	fillFromHints(a, page)
	st.Article = a
	if al, ok := p.Store.(ArticleLooker); ok {
		// A re-fetch whose article text is unchanged (only the
		// boilerplate differs) is not parsed or coded again: the store
		// keeps the story's article and events and updates the page.
		_, same, err := al.SameArticle(ctx, page.URL, a.Text)
		if err != nil {
			return nil, false, p.fail(ctx, page, StageStore, err)
		}
		if same {
			start := time.Now()
			created, err := p.Store.PutStory(ctx, st)
			p.Times.record(StageStore, start)
			if err != nil {
				return nil, false, p.fail(ctx, page, StageStore, err)
			}
			return st, created, nil
		}
	}
	skip := !p.AnyLanguage && SkipLanguage(a.Language, p.Languages)
	if p.Annotator != nil && !skip {
		if p.MaxAnnotateBytes > 0 && len(a.Text) > p.MaxAnnotateBytes {
			return nil, false, p.fail(ctx, page, StageAnnotate, fmt.Errorf("article text of %d bytes, more than the %d parsed: %w",
				len(a.Text), p.MaxAnnotateBytes, eventwire.ErrTooLarge))
		}
		d := text.NewDoc(a.Text)
		start := time.Now()
		_, err := safely(func() (struct{}, error) { return struct{}{}, p.Annotator.Annotate(ctx, d) })
		p.Times.record(StageAnnotate, start)
		if err != nil {
			return nil, false, p.fail(ctx, page, StageAnnotate, err)
		}
		st.Doc = d
	}
	start = time.Now()
	for _, c := range p.Coders {
		if skip {
			break
		}
		if _, err := safely(func() (struct{}, error) { return struct{}{}, c.Code(ctx, st) }); err != nil {
			return nil, false, p.fail(ctx, page, StageCode, fmt.Errorf("%s: %w", c.Name(), err))
		}
	}
	p.Times.record(StageCode, start)
	start = time.Now()
	created, err = p.Store.PutStory(ctx, st)
	p.Times.record(StageStore, start)
	if err != nil {
		return nil, false, p.fail(ctx, page, StageStore, err)
	}
	return st, created, nil
}

// fillFromHints completes an article with what the source knew: the page's
// own metadata wins, hints only fill gaps.
func fillFromHints(a *eventwire.Article, p *eventwire.Page) {
	if a.URL == "" {
		a.URL = p.URL
	}
	if a.Title == "" {
		a.Title = p.Hints.Title
	}
	if a.Published == "" {
		a.Published = p.Hints.Published
	}
	if a.Language == "" {
		a.Language = p.Hints.Language
	}
}

// fail records the failure of page at stage and returns it as an ItemError.
// A cancelled context is not recorded: the page was not tried.
func (p *Processor) fail(ctx context.Context, page *eventwire.Page, stage string, err error) error {
	ie := &eventwire.ItemError{Op: stage, Item: page.URL, Err: err}
	if ctx.Err() != nil {
		return ie
	}
	if perr := p.Store.PutFailure(ctx, page, stage, err); perr != nil {
		return &eventwire.ItemError{Op: stage, Item: page.URL, Err: errors.Join(err, fmt.Errorf("recording the failure: %w", perr))}
	}
	return ie
}

// safely calls f, turning a panic in third-party or model code into an
// error: bad input must never bring the run down.
func safely[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return f()
}

// Counters count a run's items as it goes; read them with Snapshot from any
// goroutine.
type Counters struct {
	read, ingested, unchanged, failed, skipped atomic.Int64

	mu     sync.Mutex
	langs  map[string]int64 // skipped stories by language
	stages map[string]int64 // failures by stage
	kinds  map[string]int64 // failures by FailureKind
}

// fail counts a failed item of stage whose cause is err.
func (c *Counters) fail(stage string, err error) {
	c.failed.Add(1)
	kind := FailureKind(err)
	c.mu.Lock()
	if c.stages == nil {
		c.stages, c.kinds = map[string]int64{}, map[string]int64{}
	}
	c.stages[stage]++
	c.kinds[kind]++
	c.mu.Unlock()
}

// FailureKind names what kind of failure err is, for counting failures
// when there are too many to list: the root error code it wraps
// ("too_large", "unsupported", "no_content", "invalid", "not_found"),
// "timeout", or "other". A missing file is "not_found".
func FailureKind(err error) string {
	var te interface{ Timeout() bool }
	switch {
	case errors.Is(err, eventwire.ErrTooLarge):
		return "too_large"
	case errors.Is(err, eventwire.ErrUnsupported):
		return "unsupported"
	case errors.Is(err, eventwire.ErrNoContent):
		return "no_content"
	case errors.Is(err, eventwire.ErrInvalid):
		return "invalid"
	case errors.Is(err, eventwire.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return "not_found"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &te) && te.Timeout():
		return "timeout"
	}
	return "other"
}

// skip counts a newly stored story kept out of the English-only stages.
func (c *Counters) skip(lang string) {
	c.skipped.Add(1)
	c.mu.Lock()
	if c.langs == nil {
		c.langs = map[string]int64{}
	}
	c.langs[lang]++
	c.mu.Unlock()
}

// Counts is a snapshot of Counters.
type Counts struct {
	Read      int64 `json:"read"`      // pages read from the source
	Ingested  int64 `json:"ingested"`  // stories newly stored
	Unchanged int64 `json:"unchanged"` // pages already stored
	Failed    int64 `json:"failed"`    // items that failed a stage
	// Skipped counts the stories newly stored (they are among Ingested)
	// without annotation and coding because of their language;
	// SkippedLanguages breaks them down by language.
	Skipped          int64            `json:"skipped"`
	SkippedLanguages map[string]int64 `json:"skipped_languages,omitempty"`
	// FailedStages and FailedKinds break Failed down by stage (StageRead
	// ...) and by FailureKind: a summary of a run with many failures lists
	// only a few but counts them all.
	FailedStages map[string]int64 `json:"failed_stages,omitempty"`
	FailedKinds  map[string]int64 `json:"failed_kinds,omitempty"`
}

// Snapshot returns the current counts.
func (c *Counters) Snapshot() Counts {
	n := Counts{Read: c.read.Load(), Ingested: c.ingested.Load(), Unchanged: c.unchanged.Load(),
		Failed: c.failed.Load(), Skipped: c.skipped.Load()}
	c.mu.Lock()
	n.SkippedLanguages = copyCounts(c.langs)
	n.FailedStages = copyCounts(c.stages)
	n.FailedKinds = copyCounts(c.kinds)
	c.mu.Unlock()
	return n
}

// copyCounts returns a copy of m, nil when m is empty.
func copyCounts(m map[string]int64) map[string]int64 {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]int64, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// RunOptions configure Run.
type RunOptions struct {
	// Workers is the number of pages processed at once; 0 means GOMAXPROCS.
	Workers int
	// Counters, if set, are updated as the run goes (for progress display).
	Counters *Counters
	// MaxFailures bounds the failures kept in the Summary (all are in the
	// store); 0 means 1000.
	MaxFailures int
	// MaxInflightBytes bounds the page bytes queued and being processed
	// at once; a page bigger than the budget is processed alone. 0 means
	// DefaultMaxInflightBytes. It keeps memory bounded when big pages come
	// together: extraction costs grow faster than page size.
	MaxInflightBytes int64
	// Queue carries pages from the source to the workers; nil means an
	// in-process queue.Memory holding Workers pages.
	Queue queue.Queue
	// OnStory, if set, is called after each page is processed successfully;
	// it must be safe for concurrent use.
	OnStory func(st *eventwire.Story, created bool)
}

// DefaultMaxInflightBytes is the default RunOptions.MaxInflightBytes.
const DefaultMaxInflightBytes = 8 << 20

// budget is a counting semaphore of bytes whose waits honour a context.
type budget struct {
	mu    sync.Mutex
	free  int64
	total int64
	wake  chan struct{}
}

func newBudget(n int64) *budget { return &budget{free: n, total: n, wake: make(chan struct{})} }

// acquire takes n bytes (at most the whole budget), waiting for them; it
// returns what it took, to be released.
func (b *budget) acquire(ctx context.Context, n int64) (int64, error) {
	n = min(max(n, 1), b.total)
	b.mu.Lock()
	for b.free < n {
		wake := b.wake
		b.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		b.mu.Lock()
	}
	b.free -= n
	b.mu.Unlock()
	return n, nil
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	close(b.wake)
	b.wake = make(chan struct{})
	b.mu.Unlock()
}

// Summary is what a run did.
type Summary struct {
	Counts
	// Failures lists the failed items, at most RunOptions.MaxFailures, in
	// the order they failed.
	Failures []*eventwire.ItemError `json:"failures"`
	Elapsed  time.Duration          `json:"elapsed"`
}

// Run reads src to the end, putting pages on a queue that a pool of workers
// takes them from; a page is acknowledged once its story or failure is
// committed. Item errors from the source are recorded as failures of stage
// Op; any other source error, a failure of the queue, or the cancellation
// of ctx stops the run: pages being processed finish (each story is one
// transaction), and Run returns the summary so far with the error. A run
// that ends without an error has settled every page it read: pages read
// and never processed are reported as an error, never dropped quietly.
func Run(ctx context.Context, src eventwire.Source, p *Processor, opts RunOptions) (*Summary, error) {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	c := opts.Counters
	if c == nil {
		c = &Counters{}
	}
	maxFail := opts.MaxFailures
	if maxFail <= 0 {
		maxFail = 1000
	}
	// runCtx also stops the run when the queue fails: the workers are
	// gone, so the reader must not wait for room in the queue.
	runCtx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	// settled counts the pages read whose outcome is known: at the end of a
	// run that was not stopped it must equal the pages read, else pages
	// were lost without a word.
	var settled atomic.Int64
	sum := &Summary{}
	var mu sync.Mutex
	failed := func(err error) {
		var ie *eventwire.ItemError
		if !errors.As(err, &ie) {
			ie = &eventwire.ItemError{Op: "process", Err: err}
		}
		c.fail(ie.Op, ie.Err)
		mu.Lock()
		if len(sum.Failures) < maxFail {
			sum.Failures = append(sum.Failures, ie)
		}
		mu.Unlock()
	}

	q := opts.Queue
	if q == nil {
		q = queue.NewMemory(workers)
	}
	maxBytes := opts.MaxInflightBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxInflightBytes
	}
	bud := newBudget(maxBytes)
	// held maps a queued page to the bytes it holds; settled pages give
	// them back.
	var heldMu sync.Mutex
	held := map[*eventwire.Page]int64{}
	giveBack := func(p *eventwire.Page) {
		heldMu.Lock()
		n, ok := held[p]
		delete(held, p)
		heldMu.Unlock()
		if ok {
			bud.release(n)
		}
	}
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				d, err := q.Get(runCtx)
				if err != nil {
					// Closed and drained, or cancelled; anything else is
					// a failed queue, and the run stops with its error.
					if !errors.Is(err, queue.ErrClosed) && runCtx.Err() == nil {
						stop(fmt.Errorf("queue: %w", err))
					}
					return
				}
				st, created, err := p.ProcessPage(runCtx, d.Page)
				switch {
				case err != nil && runCtx.Err() != nil:
					// Cancelled mid-page: not a failure of the page, and
					// not handled: a durable queue delivers it again.
					d.Nack()
					giveBack(d.Page)
					return
				case err != nil:
					failed(err)
				case created:
					c.ingested.Add(1)
					if lang := p.Skipped(st); lang != "" {
						c.skip(lang)
					}
				default:
					c.unchanged.Add(1)
				}
				settled.Add(1)
				// Acknowledged only now that the story (or its failure) is
				// committed.
				d.Ack()
				giveBack(d.Page)
				if err == nil && opts.OnStory != nil {
					opts.OnStory(st, created)
				}
			}
		}()
	}

	var runErr error
read:
	for {
		page, err := src.Next(runCtx)
		if err != nil {
			var ie *eventwire.ItemError
			switch {
			case runCtx.Err() != nil:
				// Cancelled: whatever the source says, the item was not tried.
			case errors.As(err, &ie):
				fp := &eventwire.Page{URL: ie.Item}
				if fp.URL == "" {
					fp.URL = "unknown:"
				}
				if perr := p.Store.PutFailure(runCtx, fp, ie.Op, ie.Err); perr != nil {
					ie = &eventwire.ItemError{Op: ie.Op, Item: ie.Item, Err: errors.Join(ie.Err, perr)}
				}
				failed(ie)
				continue
			case errors.Is(err, io.EOF):
			default:
				runErr = err
			}
			break read
		}
		c.read.Add(1)
		n, err := bud.acquire(runCtx, int64(len(page.Body)))
		if err != nil {
			break read
		}
		heldMu.Lock()
		held[page] = n
		heldMu.Unlock()
		if err := q.Put(runCtx, page); err != nil {
			giveBack(page)
			if runCtx.Err() == nil {
				runErr = err
			}
			break read
		}
	}
	q.Close()
	wg.Wait()
	if runErr == nil {
		runErr = context.Cause(runCtx)
	}
	if n := c.read.Load(); runErr == nil && settled.Load() != n {
		runErr = fmt.Errorf("ingest: %d pages read but %d processed: the others were lost", n, settled.Load())
	}
	sum.Counts = c.Snapshot()
	sum.Elapsed = time.Since(start)
	return sum, runErr
}
