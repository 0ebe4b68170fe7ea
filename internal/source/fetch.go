package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire"
)

// ErrDisallowed reports a URL that robots.txt forbids us to fetch.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// Fetcher defaults.
const (
	DefaultRate         = 1.0 // requests per second per host
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	// Agent is the product token robots.txt groups are matched against.
	Agent = "eventwire"
)

// UserAgent is the User-Agent header of every request.
func UserAgent() string {
	return "eventwire/" + eventwire.Version + " (+https://github.com/eventwire/eventwire)"
}

// FetcherOptions configure a Fetcher; the zero value is polite.
type FetcherOptions struct {
	// Rate is the most requests per second sent to one host (robots.txt
	// included); 0 means DefaultRate, a negative value no limit.
	Rate float64
	// Timeout bounds one request, body included; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is the most redirects followed; 0 means
	// DefaultMaxRedirects.
	MaxRedirects int
	// Limits bound the body.
	Limits Limits
	// IgnoreRobots skips robots.txt (for tests and archives one owns).
	IgnoreRobots bool
	// Now is the clock for FetchedAt; nil means time.Now.
	Now func() time.Time
}

// Fetcher fetches pages politely: it honours robots.txt (cached per host),
// spaces requests to one host by 1/Rate, bounds time, body size and
// redirects, and sends the eventwire User-Agent. It is safe for concurrent
// use.
type Fetcher struct {
	client *http.Client
	opts   FetcherOptions

	mu     sync.Mutex
	robots map[string]*robotsEntry // by scheme://host
	next   map[string]time.Time    // by host: earliest next request
}

type robotsEntry struct {
	ready chan struct{}
	r     *Robots
	err   error
	at    time.Time // when fetched
}

// robotsTTL is how long a robots.txt is trusted (RFC 9309 section 2.4:
// caches should not be used for more than 24 hours).
const robotsTTL = 24 * time.Hour

// stale reports whether a finished entry must be fetched again: it failed
// (a network error or a cancelled request is not an answer to keep) or it
// is older than robotsTTL. The caller holds f.mu.
func (e *robotsEntry) stale(now time.Time) bool {
	select {
	case <-e.ready:
		return e.err != nil || now.Sub(e.at) > robotsTTL
	default:
		return false // being fetched: wait for it
	}
}

// NewFetcher returns a fetcher that sends its requests through c (nil means
// a new client). c itself is not modified: the fetcher uses a copy whose
// redirect policy enforces MaxRedirects and robots.txt.
func NewFetcher(c *http.Client, opts FetcherOptions) *Fetcher {
	if c == nil {
		c = &http.Client{}
	}
	if opts.Rate == 0 {
		opts.Rate = DefaultRate
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	f := &Fetcher{opts: opts, robots: map[string]*robotsEntry{}, next: map[string]time.Time{}}
	cc := *c
	cc.CheckRedirect = f.checkRedirect
	f.client = &cc
	return f
}

func (f *Fetcher) now() time.Time {
	if f.opts.Now != nil {
		return f.opts.Now()
	}
	return time.Now()
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("stopped after %d redirects", f.opts.MaxRedirects)
	}
	if err := f.allowed(req.Context(), req.URL); err != nil {
		return err
	}
	return f.wait(req.Context(), req.URL.Host)
}

// wait blocks until a request to host is allowed by the rate limit.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	if f.opts.Rate < 0 {
		return nil
	}
	interval := time.Duration(float64(time.Second) / f.opts.Rate)
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(interval)
	f.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// allowed checks u against its host's robots.txt, fetching it once.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) error {
	if f.opts.IgnoreRobots {
		return nil
	}
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e, ok := f.robots[key]
	if ok && e.stale(time.Now()) {
		ok = false
	}
	if !ok {
		e = &robotsEntry{ready: make(chan struct{})}
		f.robots[key] = e
	}
	f.mu.Unlock()
	if !ok {
		e.r, e.err = f.fetchRobots(ctx, key)
		e.at = time.Now()
		close(e.ready)
	}
	select {
	case <-e.ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	if e.err != nil {
		return fmt.Errorf("robots.txt: %w", e.err)
	}
	if !e.r.Allowed(u.EscapedPath() + queryOf(u)) {
		return ErrDisallowed
	}
	return nil
}

func queryOf(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// fetchRobots reads base/robots.txt: a 2xx body is parsed, a 4xx allows
// everything, a 5xx forbids everything (RFC 9309 section 2.3.1).
func (f *Fetcher) fetchRobots(ctx context.Context, base string) (*Robots, error) {
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	u, _ := url.Parse(base + "/robots.txt")
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent())
	// robots.txt redirects are followed by the plain client policy.
	c := *f.client
	c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > f.opts.MaxRedirects {
			return fmt.Errorf("stopped after %d redirects", f.opts.MaxRedirects)
		}
		return nil
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
		if err != nil {
			return nil, err
		}
		return ParseRobots(b, Agent), nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return &Robots{}, nil
	default:
		return &Robots{rules: []robotsRule{{allow: false, pattern: "/"}}}, nil
	}
}

// textual reports whether a declared media type can hold a page or a feed.
func textual(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return true // let the body decide
	}
	return strings.HasPrefix(mt, "text/") || strings.Contains(mt, "xml") ||
		strings.Contains(mt, "json") || mt == "application/octet-stream"
}

// Fetch GETs rawURL politely and returns it as a page whose URL is the
// final one after redirects. Errors: ErrDisallowed, an HTTP status other than
// 2xx, ErrTooLarge past Limits.MaxBytes, ErrUnsupported for a non-text
// media type, ErrNoContent for an empty body, and network errors.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*eventwire.Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", eventwire.ErrInvalid, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: scheme %q", eventwire.ErrUnsupported, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%w: no host in %q", eventwire.ErrInvalid, rawURL)
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	if err := f.allowed(ctx, u); err != nil {
		return nil, err
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", eventwire.ErrInvalid, err)
	}
	req.Header.Set("User-Agent", UserAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	if !textual(ct) {
		return nil, fmt.Errorf("%w: content type %q", eventwire.ErrUnsupported, ct)
	}
	max := f.opts.Limits.maxBytes()
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w: Content-Length %d over %d", eventwire.ErrTooLarge, resp.ContentLength, max)
	}
	body, err := readBounded(resp.Body, max)
	if err != nil {
		return nil, err
	}
	body, ct, _, err = TextBody(body, ct)
	if err != nil {
		return nil, err
	}
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	return &eventwire.Page{
		URL:         resp.Request.URL.String(),
		Body:        body,
		ContentType: ct,
		FetchedAt:   f.now().UTC(),
		Origin:      "http",
	}, nil
}

// urlSource fetches one URL; a feed yields its items instead.
type urlSource struct {
	url  string
	opts Options
	feed eventwire.Source
	done bool
}

func newURLSource(u string, opts Options) *urlSource { return &urlSource{url: u, opts: opts} }

func (s *urlSource) Next(ctx context.Context) (*eventwire.Page, error) {
	if s.feed != nil {
		return s.feed.Next(ctx)
	}
	if s.done {
		return nil, io.EOF
	}
	s.done = true
	p, err := s.opts.Fetcher.Fetch(ctx, s.url)
	if err != nil {
		return nil, &eventwire.ItemError{Op: "fetch", Item: s.url, Err: err}
	}
	if looksLikeFeed(p.Body) {
		fs, err := newFeedSource(ctx, p, s.opts)
		if err != nil {
			return nil, &eventwire.ItemError{Op: "read", Item: s.url, Err: err}
		}
		s.feed = fs
		return fs.Next(ctx)
	}
	return p, nil
}

func (s *urlSource) Close() error {
	s.done = true
	if s.feed != nil {
		return s.feed.Close()
	}
	return nil
}
