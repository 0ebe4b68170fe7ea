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

// ErrDisallowed reports a URL that robots.txt forbids us to fetch, or whose
// host's robots.txt could not be fetched: RFC 9309 section 2.3.1.4 reads an
// unreachable robots.txt (network error, timeout, HTTP 5xx) as complete
// disallow.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// robotsRefusal is the error of a URL that the host's robots.txt forbids:
// ErrDisallowed, and a refusal (eventwire.ErrUnsupported) rather than a
// failure, since asking again will not change the answer; an unreachable
// robots.txt is a plain ErrDisallowed, which a retry may mend.
type robotsRefusal struct{}

func (robotsRefusal) Error() string { return ErrDisallowed.Error() }

// Is reports ErrDisallowed and eventwire.ErrUnsupported.
func (robotsRefusal) Is(target error) bool {
	return target == ErrDisallowed || target == eventwire.ErrUnsupported
}

// ErrHostDown reports a request that was not sent because its host failed
// too many requests in a row; the error is a *HostDownError.
var ErrHostDown = errors.New("host down")

// ErrNotModified reports a 304 Not Modified answer to a conditional
// request (FetchIf): the server has nothing newer than what was named.
var ErrNotModified = errors.New("not modified")

// errTimedOut is the cause of a request's context when the fetcher's own
// timeout ends it, which tells a host that did not answer apart from a
// caller that gave up. It is a timeout (context.DeadlineExceeded, and a
// Timeout method) to whoever inspects the errors it ends up in: the HTTP
// client returns the cause.
var errTimedOut error = timeoutError{}

type timeoutError struct{}

func (timeoutError) Error() string        { return "fetch timed out" }
func (timeoutError) Timeout() bool        { return true }
func (timeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// redirectError is a redirect refused, with the absolute URL it led to.
type redirectError struct {
	url string
	err error
}

func (e *redirectError) Error() string { return fmt.Sprintf("redirect to %s: %v", e.url, e.err) }
func (e *redirectError) Unwrap() error { return e.err }

// errRedirects reports a chain of redirects longer than MaxRedirects.
var errRedirects = errors.New("too many redirects")

// Fetcher defaults.
const (
	DefaultRate         = 1.0 // requests per second per host
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	// DefaultMaxHostFailures is how many requests in a row may fail
	// without an answer before a host is skipped for the run.
	DefaultMaxHostFailures = 3
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
	// Timeout bounds one request, body and redirects included; a
	// robots.txt fetch is a request of its own, and the wait for the rate
	// limit before a request does not count. 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is the most redirects followed; 0 means
	// DefaultMaxRedirects.
	MaxRedirects int
	// MaxHostFailures is how many requests to one host may fail in a row
	// without an answer (connection refused or reset, timeout, TLS
	// failure, HTTP 5xx) before the host's further requests fail at once
	// with a *HostDownError; 0 means DefaultMaxHostFailures, a negative
	// value never.
	MaxHostFailures int
	// Limits bound the body.
	Limits Limits
	// IgnoreRobots skips robots.txt (for tests and archives one owns).
	IgnoreRobots bool
	// Now is the clock for FetchedAt and the robots.txt cache; nil means
	// time.Now.
	Now func() time.Time
}

// Fetcher fetches pages politely: it honours robots.txt (cached per host,
// failures included), spaces requests to one host by 1/Rate, bounds time,
// body size and redirects, and sends the eventwire User-Agent. A host that
// fails MaxHostFailures requests in a row is skipped for the rest of the
// Fetcher's life (one run), so a dead or hanging host costs a few timeouts,
// not one per item. It is safe for concurrent use.
type Fetcher struct {
	client *http.Client
	opts   FetcherOptions

	mu     sync.Mutex
	robots map[string]*robotsEntry // by scheme://host
	hosts  map[string]*hostState   // by host[:port]
}

// hostState is what the fetcher knows of one host.
type hostState struct {
	next  time.Time // earliest next request (the rate limit)
	fails int       // requests in a row that got no answer
	last  error     // the last of them
}

// HostDownError is returned, without network access, for a request to a
// host whose last Failures requests got no answer. The items it fails are
// failures like any other, for a later run or ingest --retry.
type HostDownError struct {
	Host     string
	Failures int
	Last     error // the last failure
}

func (e *HostDownError) Error() string {
	return fmt.Sprintf("host %s: %d consecutive failures, skipped for this run (last: %v)", e.Host, e.Failures, e.Last)
}

// Unwrap returns ErrHostDown and the last failure.
func (e *HostDownError) Unwrap() []error { return []error{ErrHostDown, e.Last} }

// StatusError is an HTTP answer that is not a page: a status other than
// 2xx (or 304 to a conditional request).
type StatusError struct {
	Code   int
	Status string // as the server wrote it, e.g. "503 Service Unavailable"
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// Validators identify the version of a document that a server sent (RFC
// 9110 section 8.8), so that asking for it again can be conditional.
type Validators struct {
	ETag         string
	LastModified string
}

// IsZero reports whether v holds no validator.
func (v Validators) IsZero() bool { return v == Validators{} }

type robotsEntry struct {
	ready chan struct{} // closed when the fields below are set
	r     *Robots       // the rules; nil when the fetch got no answer to keep
	err   error         // why r disallows everything (unreachable, 5xx); or why r is nil
	until time.Time     // when to ask again
}

// robotsTTL is how long an answered robots.txt is trusted (RFC 9309
// section 2.4: caches should not be used for more than 24 hours).
const robotsTTL = 24 * time.Hour

// robotsRetry is how long a robots.txt that could not be fetched (network
// error, timeout, HTTP 5xx) disallows its host before it is asked again.
// Asking at every item would make each wait for the timeout: a 10,000-item
// feed on a hanging host took 83 hours at 30 s.
const robotsRetry = time.Hour

// expired reports whether a finished entry must be fetched again: it got
// no answer (a cancelled fetch) or it is past its time. The caller holds
// f.mu.
func (e *robotsEntry) expired(now time.Time) bool {
	select {
	case <-e.ready:
		return e.r == nil || now.After(e.until)
	default:
		return false // being fetched: wait for it
	}
}

// disallowAll is the rule set of a host whose robots.txt is unreachable.
var disallowAll = &Robots{rules: []robotsRule{{allow: false, pattern: "/"}}}

// NewFetcher returns a fetcher that sends its requests through c (nil means
// a new client). c itself is not modified: the fetcher uses a copy whose
// redirect policy enforces MaxRedirects, robots.txt and the host breaker.
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
	if opts.MaxHostFailures == 0 {
		opts.MaxHostFailures = DefaultMaxHostFailures
	}
	f := &Fetcher{opts: opts, robots: map[string]*robotsEntry{}, hosts: map[string]*hostState{}}
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

// host returns the state of host, creating it. The caller holds f.mu.
func (f *Fetcher) host(host string) *hostState {
	h := f.hosts[host]
	if h == nil {
		h = &hostState{}
		f.hosts[host] = h
	}
	return h
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return &redirectError{url: req.URL.String(), err: fmt.Errorf("%w: stopped after %d", errRedirects, f.opts.MaxRedirects)}
	}
	if err := f.down(req.URL.Host); err != nil {
		return err
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
	h := f.host(host)
	now := time.Now()
	at := h.next
	if at.Before(now) {
		at = now
	}
	h.next = at.Add(interval)
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

// down returns a *HostDownError when host's last MaxHostFailures requests
// got no answer, else nil.
func (f *Fetcher) down(host string) error {
	if f.opts.MaxHostFailures < 0 {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[host]
	if h == nil || h.fails < f.opts.MaxHostFailures {
		return nil
	}
	return &HostDownError{Host: host, Failures: h.fails, Last: h.last}
}

// gaveUp reports whether ctx, a request's context, was ended by the caller
// (cancelled, or a deadline of its own) rather than by the fetcher's
// timeout: the request then says nothing about the host.
func gaveUp(ctx context.Context) bool {
	return ctx.Err() != nil && !errors.Is(context.Cause(ctx), errTimedOut)
}

// transportFailure reports whether err, the outcome of a request, means
// the host gave no usable answer: a network error, a timeout, a TLS
// failure or an HTTP 5xx. An answer (another status, a body too big or of
// the wrong type) and a refusal of our own (robots.txt, redirects, a host
// already down) are not.
func transportFailure(err error) bool {
	if err == nil {
		return false
	}
	for _, ours := range []error{ErrDisallowed, ErrHostDown, ErrNotModified, errRedirects,
		eventwire.ErrTooLarge, eventwire.ErrUnsupported, eventwire.ErrNoContent, eventwire.ErrInvalid} {
		if errors.Is(err, ours) {
			return false
		}
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500
	}
	return true
}

// record notes the outcome of a request to host made with ctx: a transport
// failure adds to the host's count, anything else resets it, and a request
// the caller gave up is not counted. It returns err, saying so when the
// fetcher's timeout ended the request.
func (f *Fetcher) record(ctx context.Context, host string, err error) error {
	if gaveUp(ctx) {
		return err
	}
	fail := transportFailure(err)
	if fail && ctx.Err() != nil {
		err = fmt.Errorf("no answer within %s: %w", f.opts.Timeout, err)
	}
	f.mu.Lock()
	h := f.host(host)
	if fail {
		h.fails++
		h.last = err
	} else {
		h.fails, h.last = 0, nil
	}
	f.mu.Unlock()
	return err
}

// failedHost returns the host of the request that err, from
// http.Client.Do, is about (after redirects, not necessarily the first).
func failedHost(err error, first string) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	return first
}

// allowed checks u against its host's robots.txt, fetching it once per
// robotsTTL, or once per robotsRetry while it cannot be fetched.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) error {
	if f.opts.IgnoreRobots {
		return nil
	}
	key := u.Scheme + "://" + u.Host
	for {
		f.mu.Lock()
		e, cached := f.robots[key]
		if cached && e.expired(f.now()) {
			cached = false
		}
		if !cached {
			e = &robotsEntry{ready: make(chan struct{})}
			f.robots[key] = e
		}
		f.mu.Unlock()
		if !cached {
			f.fetchRobots(ctx, key, u.Host, e)
			if e.r == nil {
				f.mu.Lock()
				if f.robots[key] == e {
					delete(f.robots, key)
				}
				f.mu.Unlock()
			}
			close(e.ready)
		} else {
			select {
			case <-e.ready:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		switch {
		case e.r == nil && !cached:
			return fmt.Errorf("robots.txt: %w", e.err)
		case e.r == nil:
			continue // the request that fetched it gave up; try with ours
		case e.err != nil:
			return fmt.Errorf("%w: %w, which RFC 9309 reads as complete disallow; asked again after %s",
				ErrDisallowed, e.err, e.until.Format("15:04:05 MST"))
		case !e.r.Allowed(u.EscapedPath() + queryOf(u)):
			return robotsRefusal{}
		}
		return nil
	}
}

func queryOf(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// fetchRobots reads base/robots.txt into e, following RFC 9309 section
// 2.3.1: a 2xx body is parsed and a 4xx (or more than MaxRedirects
// redirects) allows everything, both kept for robotsTTL; a 5xx, a network
// error or a timeout disallow everything for robotsRetry, and count as a
// failure of the host. A fetch the caller gave up leaves e.r nil: no answer.
func (f *Fetcher) fetchRobots(ctx context.Context, base, host string, e *robotsEntry) {
	answer := func(r *Robots) { e.r, e.until = r, f.now().Add(robotsTTL) }
	unreachable := func(err error) {
		e.r, e.err, e.until = disallowAll, err, f.now().Add(robotsRetry)
	}
	if err := f.wait(ctx, host); err != nil {
		e.err = err
		return
	}
	ctx, cancel := context.WithTimeoutCause(ctx, f.opts.Timeout, errTimedOut)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/robots.txt", nil)
	if err != nil {
		e.err = err
		return
	}
	req.Header.Set("User-Agent", UserAgent())
	// robots.txt redirects are followed by the plain client policy.
	c := *f.client
	c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > f.opts.MaxRedirects {
			return fmt.Errorf("%w: stopped after %d", errRedirects, f.opts.MaxRedirects)
		}
		return nil
	}
	resp, err := c.Do(req)
	switch {
	case err == nil:
	case gaveUp(ctx):
		e.err = err
		return
	case errors.Is(err, errRedirects):
		answer(&Robots{})
		return
	default:
		unreachable(fmt.Errorf("robots.txt unreachable: %w", f.record(ctx, failedHost(err, host), err)))
		return
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
		if err != nil {
			if gaveUp(ctx) {
				e.err = err
				return
			}
			unreachable(fmt.Errorf("robots.txt unreachable: %w", f.record(ctx, host, err)))
			return
		}
		f.record(ctx, host, nil)
		answer(ParseRobots(b, Agent))
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		f.record(ctx, host, nil)
		answer(&Robots{})
	default:
		err := &StatusError{Code: resp.StatusCode, Status: resp.Status}
		f.record(ctx, host, err)
		unreachable(fmt.Errorf("robots.txt answered %w", err))
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
// final one after redirects. Errors: ErrDisallowed, a *HostDownError
// (ErrHostDown) for a host that stopped answering, a *StatusError for an
// HTTP status other than 2xx, ErrTooLarge past Limits.MaxBytes,
// ErrUnsupported for a non-text media type, ErrNoContent for an empty
// body, and network errors.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*eventwire.Page, error) {
	p, _, err := f.FetchIf(ctx, rawURL, Validators{})
	return p, err
}

// FetchIf is Fetch that also returns the validators the server sent with
// the page and, when v is not zero, asks conditionally (If-None-Match,
// If-Modified-Since): a 304 answer returns ErrNotModified and v.
func (f *Fetcher) FetchIf(ctx context.Context, rawURL string, v Validators) (*eventwire.Page, Validators, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, Validators{}, fmt.Errorf("%w: %v", eventwire.ErrInvalid, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, Validators{}, fmt.Errorf("%w: scheme %q", eventwire.ErrUnsupported, u.Scheme)
	}
	if u.Host == "" {
		return nil, Validators{}, fmt.Errorf("%w: no host in %q", eventwire.ErrInvalid, rawURL)
	}
	if err := f.down(u.Host); err != nil {
		return nil, Validators{}, err
	}
	if err := f.allowed(ctx, u); err != nil {
		return nil, Validators{}, err
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, Validators{}, err
	}
	ctx, cancel := context.WithTimeoutCause(ctx, f.opts.Timeout, errTimedOut)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, Validators{}, fmt.Errorf("%w: %v", eventwire.ErrInvalid, err)
	}
	req.Header.Set("User-Agent", UserAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.1")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		var re *redirectError
		if errors.As(err, &re) {
			// http.Client names the redirect by its Location as written,
			// often relative ("loop?x=1"): name the absolute URL.
			err = re
		}
		return nil, Validators{}, f.record(ctx, failedHost(err, u.Host), err)
	}
	defer resp.Body.Close()
	host := resp.Request.URL.Host
	if resp.StatusCode == http.StatusNotModified && !v.IsZero() {
		f.record(ctx, host, nil)
		return nil, v, ErrNotModified
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, Validators{}, f.record(ctx, host, &StatusError{Code: resp.StatusCode, Status: resp.Status})
	}
	ct := resp.Header.Get("Content-Type")
	if !textual(ct) {
		f.record(ctx, host, nil)
		return nil, Validators{}, fmt.Errorf("%w: content type %q", eventwire.ErrUnsupported, ct)
	}
	max := f.opts.Limits.maxBytes()
	if resp.ContentLength > max {
		f.record(ctx, host, nil)
		return nil, Validators{}, fmt.Errorf("%w: Content-Length %d over %d", eventwire.ErrTooLarge, resp.ContentLength, max)
	}
	body, err := readBounded(resp.Body, max)
	if err := f.record(ctx, host, err); err != nil {
		return nil, Validators{}, err
	}
	body, ct, _, err = TextBody(body, ct)
	if err != nil {
		return nil, Validators{}, err
	}
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	p := &eventwire.Page{
		URL:         resp.Request.URL.String(),
		Body:        body,
		ContentType: ct,
		FetchedAt:   f.now().UTC(),
		Origin:      "http",
	}
	return p, Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}

// urlSource fetches one URL; a feed yields its items instead. A feed whose
// validators were saved (Options.Feeds) is asked for conditionally, and
// yields nothing when it has not changed.
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
	var v Validators
	if s.opts.Feeds != nil && !s.opts.Refresh {
		etag, lastModified, err := s.opts.Feeds.FeedValidators(ctx, s.url)
		if err != nil {
			return nil, &eventwire.ItemError{Op: "fetch", Item: s.url, Err: fmt.Errorf("reading the validators of the last poll: %w", err)}
		}
		v = Validators{ETag: etag, LastModified: lastModified}
	}
	p, nv, err := s.opts.Fetcher.FetchIf(ctx, s.url, v)
	if errors.Is(err, ErrNotModified) {
		s.opts.log.notModified()
		return nil, io.EOF
	}
	if err != nil {
		return nil, &eventwire.ItemError{Op: "fetch", Item: s.url, Err: err}
	}
	if looksLikeFeed(p.Body) {
		fs, err := newFeedSource(ctx, p, s.opts)
		if err != nil {
			return nil, &eventwire.ItemError{Op: "read", Item: s.url, Err: err}
		}
		fs.poll, fs.validators = s.url, nv
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
