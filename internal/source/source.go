// Package source reads pages from where news lives: files and directories
// (plain or .gz), JSON Lines article dumps, http(s) URLs through a polite
// fetcher (robots.txt, per-host rate limit, bounded bodies and redirects, a
// per-host breaker that skips a host after repeated failures),
// RSS/Atom feeds whose items it fetches, and WARC archives (CC-NEWS style,
// gzip per record). Every source implements eventwire.Source: per-item
// problems come back as *eventwire.ItemError and the source goes on.
//
// Everything read is bounded: a page body is at most Limits.MaxBytes after
// decompression, and a gzip stream that inflates more than Limits.MaxRatio
// times its compressed size (past MaxBytes/50) is rejected as a bomb.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire"
)

// Default limits.
const (
	DefaultMaxBytes = 50 << 20 // 50 MB per page, after decompression
	DefaultMaxRatio = 200      // decompressed/compressed above this is a bomb
)

// Limits bound what one item may cost.
type Limits struct {
	// MaxBytes is the largest page body accepted, after decompression; 0
	// means DefaultMaxBytes.
	MaxBytes int64
	// MaxRatio is the largest decompression ratio accepted once the output
	// passes MaxBytes/50; 0 means DefaultMaxRatio.
	MaxRatio int64
}

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l Limits) maxRatio() int64 {
	if l.MaxRatio <= 0 {
		return DefaultMaxRatio
	}
	return l.MaxRatio
}

// Options configure Open.
type Options struct {
	Limits Limits
	// Fetcher fetches URLs and feed items; nil means URLs are refused.
	Fetcher *Fetcher
	// Now is the clock for FetchedAt of local files; nil means time.Now.
	Now func() time.Time
	// Feeds, if set, makes polling a feed URL again conditional on its
	// last poll (If-None-Match, If-Modified-Since): a feed the server says
	// is not modified yields no items. The validators of the feeds read
	// are saved by Commit.
	Feeds FeedState
	// Known, if set, is asked about the link of every feed item: an item
	// already stored is skipped without fetching, and counted
	// (FeedCounts.Known).
	Known KnownURLs
	// Refresh fetches known feed items again and polls feeds
	// unconditionally.
	Refresh bool

	log *feedLog // shared by the sources of one Open
}

// FeedState remembers the validators (RFC 9110 section 8.8) of each feed
// URL's last poll whose items were all processed; the sqlite store is one.
type FeedState interface {
	// FeedValidators returns the validators saved for feedURL, empty
	// strings when there are none.
	FeedValidators(ctx context.Context, feedURL string) (etag, lastModified string, err error)
	// PutFeedValidators saves the validators of feedURL, replacing any
	// saved before (empty strings clear them).
	PutFeedValidators(ctx context.Context, feedURL, etag, lastModified string) error
}

// KnownURLs tells whether a page is already stored under a URL; the
// sqlite store is one.
type KnownURLs interface {
	HasURL(ctx context.Context, url string) (bool, error)
}

// FeedCounts counts the work feeds were spared: items not fetched because
// their URL is stored, feeds not downloaded because the server said they
// had not changed since their last poll.
type FeedCounts struct {
	Known       int64 `json:"known_skipped"`
	NotModified int64 `json:"feeds_not_modified"`
}

// FeedCounter is implemented by the sources of Open: FeedCounts returns
// the counts so far.
type FeedCounter interface {
	FeedCounts() FeedCounts
}

// Committer is implemented by sources that keep something to save once
// every page they returned was processed (stored, or recorded as a
// failure): the sources of Open keep the validators of the feeds read to
// the end, so that the next poll can be conditional. Call Commit after a
// run that ended without an error. A run that does not commit loses
// nothing: its feeds are downloaded again next time.
type Committer interface {
	Commit(ctx context.Context) error
}

// feedLog is what the feeds read through one Open did, and the validators
// to save once their items are processed. A nil *feedLog records nothing.
type feedLog struct {
	mu     sync.Mutex
	counts FeedCounts
	polled map[string]Validators // by feed URL: polls read to the end
}

func (l *feedLog) known() {
	if l != nil {
		l.mu.Lock()
		l.counts.Known++
		l.mu.Unlock()
	}
}

func (l *feedLog) notModified() {
	if l != nil {
		l.mu.Lock()
		l.counts.NotModified++
		l.mu.Unlock()
	}
}

// read notes that every item of the poll of feedURL that returned v was
// given out.
func (l *feedLog) read(feedURL string, v Validators) {
	if l == nil {
		return
	}
	l.mu.Lock()
	if l.polled == nil {
		l.polled = map[string]Validators{}
	}
	l.polled[feedURL] = v
	l.mu.Unlock()
}

func (l *feedLog) snapshot() FeedCounts {
	if l == nil {
		return FeedCounts{}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.counts
}

// commit saves the validators of the polls read to the end in st, in URL
// order; those saved are forgotten.
func (l *feedLog) commit(ctx context.Context, st FeedState) error {
	if l == nil || st == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	urls := make([]string, 0, len(l.polled))
	for u := range l.polled {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	for _, u := range urls {
		v := l.polled[u]
		if err := st.PutFeedValidators(ctx, u, v.ETag, v.LastModified); err != nil {
			return fmt.Errorf("saving the validators of feed %s: %w", u, err)
		}
		delete(l.polled, u)
	}
	return nil
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Kind is what an argument names.
type Kind int

// The kinds of input Open understands.
const (
	KindFile Kind = iota
	KindDir
	KindURL
	KindFeed
	KindWARC
	KindJSONL
)

// String returns the kind's name: "file", "dir", "url", "feed", "warc" or
// "jsonl".
func (k Kind) String() string {
	return [...]string{"file", "dir", "url", "feed", "warc", "jsonl"}[k]
}

// kindOfName guesses the kind of a file from its name alone.
func kindOfName(name string) Kind {
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	switch {
	case strings.HasSuffix(n, ".warc"):
		return KindWARC
	case strings.HasSuffix(n, ".jsonl"), strings.HasSuffix(n, ".ndjson"):
		return KindJSONL
	case strings.HasSuffix(n, ".rss"), strings.HasSuffix(n, ".atom"):
		return KindFeed
	}
	return KindFile
}

// isURL reports whether arg is an http(s) URL.
func isURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Open returns a source for each argument in turn: an http(s) URL (a feed
// URL yields its items), a directory (walked recursively), a WARC file, a
// JSON Lines file, a feed file (.rss, .atom, or XML that sniffs as a feed),
// or any other file as one page.
func Open(ctx context.Context, args []string, opts Options) (eventwire.Source, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("source: nothing to read")
	}
	opts.log = &feedLog{}
	return &multi{ctx: ctx, args: args, opts: opts, total: int64(len(args))}, nil
}

// multi reads its arguments one after the other, opening each lazily so a
// missing file is one failed item and not the end of the run.
type multi struct {
	ctx   context.Context
	args  []string
	opts  Options
	cur   eventwire.Source
	mu    sync.Mutex
	done  int64 // arguments finished
	total int64 // arguments given
	skips skipTally
}

func (m *multi) Next(ctx context.Context) (*eventwire.Page, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if m.cur == nil {
			if len(m.args) == 0 {
				return nil, io.EOF
			}
			arg := m.args[0]
			m.args = m.args[1:]
			src, err := openOne(ctx, arg, m.opts)
			if err != nil {
				m.done++
				var ie *eventwire.ItemError
				if errors.As(err, &ie) {
					return nil, ie
				}
				item := arg
				if !isURL(arg) {
					// As its page would be stored, so that a later
					// success clears the failure.
					item = resolvedFileURL(arg)
				}
				return nil, &eventwire.ItemError{Op: "read", Item: item, Err: err}
			}
			m.cur = src
		}
		p, err := m.cur.Next(ctx)
		if err == io.EOF {
			m.skips.add(m.cur)
			m.cur.Close()
			m.cur = nil
			m.done++
			continue
		}
		return p, err
	}
}

// SkippedRecords adds up the records skipped by the inputs read so far.
func (m *multi) SkippedRecords() map[string]int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.skips.with(m.cur)
}

// FeedCounts returns what the feeds read so far were spared.
func (m *multi) FeedCounts() FeedCounts { return m.opts.log.snapshot() }

// Commit saves the validators of the feeds read to the end (Options.Feeds).
func (m *multi) Commit(ctx context.Context) error { return m.opts.log.commit(ctx, m.opts.Feeds) }

// Progress reports the progress of the only argument when it knows its
// size, and with several arguments how many are finished.
func (m *multi) Progress() (done, total int64, unit string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.total > 1 {
		return m.done, m.total, "inputs"
	}
	if pr, ok := m.cur.(Progresser); ok {
		return pr.Progress()
	}
	return -1, -1, ""
}

func (m *multi) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.args = nil
	if m.cur != nil {
		err := m.cur.Close()
		m.cur = nil
		return err
	}
	return nil
}

// Skipper is implemented by sources that pass over records which are not
// pages (the requests, metadata, images and error responses of a WARC):
// they are not failures, but a run should say how many there were, so that
// nothing in the input goes unaccounted for. SkippedRecords returns the
// counts by reason; call it when the source is not being read.
type Skipper interface {
	SkippedRecords() map[string]int64
}

// skipTally adds up the skipped records of the sources a source reads in
// turn.
type skipTally map[string]int64

// add adds the counts of src, if it is a Skipper.
func (t *skipTally) add(src eventwire.Source) {
	sk, ok := src.(Skipper)
	if !ok {
		return
	}
	for k, v := range sk.SkippedRecords() {
		if *t == nil {
			*t = skipTally{}
		}
		(*t)[k] += v
	}
}

// count adds n records skipped for reason.
func (t *skipTally) count(reason string, n int64) {
	if *t == nil {
		*t = skipTally{}
	}
	(*t)[reason] += n
}

// with returns the tally plus the counts of cur (the source being read).
func (t skipTally) with(cur eventwire.Source) map[string]int64 {
	out := skipTally{}
	for k, v := range t {
		out[k] = v
	}
	out.add(cur)
	return out
}

// Progresser is implemented by sources that know how far they are: done
// and total in unit ("files", "bytes", "items"); total < 0 when unknown.
type Progresser interface {
	Progress() (done, total int64, unit string)
}

// openOne opens the source for one argument.
func openOne(ctx context.Context, arg string, opts Options) (eventwire.Source, error) {
	if isURL(arg) {
		if opts.Fetcher == nil {
			return nil, fmt.Errorf("%w: no fetcher for URL %s", eventwire.ErrUnsupported, arg)
		}
		return newURLSource(arg, opts), nil
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return newDirSource(arg, opts)
	}
	return openFile(ctx, arg, opts)
}

// openFile opens one local file by its kind.
func openFile(ctx context.Context, path string, opts Options) (eventwire.Source, error) {
	switch kindOfName(path) {
	case KindWARC:
		return OpenWARC(path, opts)
	case KindJSONL:
		return OpenJSONL(path, opts)
	case KindFeed:
		return openFeedFile(path, opts)
	}
	p, err := ReadFile(path, opts)
	if err != nil {
		return nil, err
	}
	if looksLikeFeed(p.Body) {
		return newFeedSource(ctx, p, opts)
	}
	return &onePage{p: p}, nil
}

// fileURL is the URL of a local file: file:// and its absolute path.
func fileURL(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return "file://" + filepath.ToSlash(path)
}

// resolvedFileURL is the URL a file's pages are stored under: its absolute
// path with every symbolic link resolved, so that a file reached by two
// paths (a link, "a/../a") is one story. When the path cannot be resolved
// (it does not exist) it is fileURL's.
func resolvedFileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fileURL(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	}
	return "file://" + filepath.ToSlash(abs)
}

// onePage is a source of one page.
type onePage struct{ p *eventwire.Page }

func (o *onePage) Next(ctx context.Context) (*eventwire.Page, error) {
	if o.p == nil {
		return nil, io.EOF
	}
	p := o.p
	o.p = nil
	return p, nil
}

func (o *onePage) Close() error { o.p = nil; return nil }
