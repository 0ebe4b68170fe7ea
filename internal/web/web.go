// Package web serves the store over HTTP: a read-only JSON API (events with
// the filters of "eventwire events" and cursor paging, merged events,
// articles with the evidence of their events, actors, a timeline, stats and
// the OpenAPI document that describes them) and the web UI, plain HTML, CSS
// and JavaScript embedded in the binary.
//
// Errors reach clients as {"error": "..."}: the store's eventwire.ErrInvalid
// and bad parameters are 400, eventwire.ErrNotFound 404, a request that ran
// out of time 503, anything else 500 with no detail (the detail goes to the
// log). This package is the only place that maps error codes to HTTP status.
//
// Every response carries a restrictive Content-Security-Policy and the
// other security headers; there is no CORS. The API answers only GET and
// HEAD unless the handler is given a token and an ingest function: then
// POST /api/ingest/url and /api/ingest/file take pages from clients that
// present the token, bounded in size, time and rate, and URLs are fetched
// only from public addresses (GuardedClient).
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

//go:embed static openapi.json
var assets embed.FS

// Options tune the handler; the zero value is the default.
type Options struct {
	// Timeout bounds the work of one request; 0 means 10s.
	Timeout time.Duration
	// MaxLimit bounds the page size clients may ask for; 0 means 500, and
	// more than maxPage is cut to it (stores cap their own listings).
	MaxLimit int
	// MaxInFlight bounds the API requests served at once; the others wait
	// their turn in arrival order, within their time bound. 0 means 4 per
	// CPU. Answers from the response cache do not wait.
	MaxInFlight int
	// CacheBytes bounds the response cache, which keeps successful API
	// answers until the store's data changes (only over a store that is a
	// Versioner); 0 means DefaultCacheBytes, a negative size turns it off.
	CacheBytes int64

	// Token, with Ingest, enables the ingest endpoints (POST
	// /api/ingest/url and /api/ingest/file) for requests that carry it as
	// a bearer token; "" leaves the API read-only.
	Token string
	// Ingest stores one page through the pipeline (extract, parse, code,
	// store, merge) and returns its story and whether it was new.
	Ingest func(ctx context.Context, p *eventwire.Page) (*eventwire.Story, bool, error)
	// Fetch fetches a URL a client asked to ingest; it must refuse
	// private and loopback targets (GuardedClient). nil: files only.
	Fetch func(ctx context.Context, url string) (*eventwire.Page, error)
	// MaxBody bounds an uploaded page; 0 means 5 MB.
	MaxBody int64
	// IngestRate is how many ingest requests a second all clients
	// together may make, in bursts of 5; 0 means 1.
	IngestRate float64
	// IngestTimeout bounds one ingest request; 0 means 2 minutes.
	IngestTimeout time.Duration
	// Now is the clock of the rate limit; nil means time.Now.
	Now func() time.Time
}

// DefaultLimit is the page size when a request names none.
const DefaultLimit = 50

// maxPage is the largest page size: a page asks the store for one row
// more, and the SQLite store lists at most 10,000 rows at once.
const maxPage = 5000

// Handler is the API and the UI as one http.Handler. It is safe for
// concurrent use.
type Handler struct {
	store eventwire.Store
	log   *slog.Logger
	opts  Options
	mux   *http.ServeMux

	ingestOn bool
	cache    *cache    // nil: off
	version  Versioner // the store's, with cache
	rate     *limiter
	slots    chan struct{}
	inFlight chan struct{}
}

// route is one API endpoint: its path pattern (as http.ServeMux and the
// OpenAPI document write it) and what answers it.
type route struct {
	path string
	fn   func(h *Handler, w http.ResponseWriter, r *http.Request) error
}

// routes lists every API endpoint; the OpenAPI document lists the same
// (TestOpenAPICoversRoutes).
var routes = []route{
	{"/api/events", (*Handler).events},
	{"/api/events/merged", (*Handler).mergedEvents},
	{"/api/events/merged/{id}", (*Handler).mergedEvent},
	{"/api/events/{id}", (*Handler).event},
	{"/api/articles", (*Handler).articles},
	{"/api/articles/{id}", (*Handler).article},
	{"/api/actors", (*Handler).actors},
	{"/api/actors/{code}", (*Handler).actor},
	{"/api/places/{id}", (*Handler).place},
	{"/api/timeline", (*Handler).timeline},
	{"/api/stats", (*Handler).stats},
	{"/api/openapi.json", (*Handler).openapi},
}

// New returns the handler over store; log receives server errors (nil
// discards them).
func New(store eventwire.Store, log *slog.Logger, opts Options) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MaxLimit <= 0 {
		opts.MaxLimit = 500
	}
	opts.MaxLimit = min(opts.MaxLimit, maxPage)
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 4 * runtime.GOMAXPROCS(0)
	}
	if opts.CacheBytes == 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 5 << 20
	}
	if opts.IngestRate <= 0 {
		opts.IngestRate = 1
	}
	if opts.IngestTimeout <= 0 {
		opts.IngestTimeout = 2 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	h := &Handler{store: store, log: log, opts: opts, mux: http.NewServeMux(),
		ingestOn: opts.Token != "" && opts.Ingest != nil,
		rate:     &limiter{rate: opts.IngestRate, burst: ingestBurst, tokens: ingestBurst, now: opts.Now},
		slots:    make(chan struct{}, ingestSlots),
		inFlight: make(chan struct{}, opts.MaxInFlight)}
	if v, ok := store.(Versioner); ok && opts.CacheBytes > 0 {
		h.cache, h.version = newCache(opts.CacheBytes), v
	}
	handle := func(method string, rt route) {
		fn := rt.fn
		h.mux.HandleFunc(method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) {
			if err := fn(h, w, r); err != nil {
				h.fail(w, r, err)
			}
		})
	}
	for _, rt := range routes {
		handle("GET", rt)
	}
	if h.ingestOn {
		for _, rt := range ingestRoutes {
			handle("POST", rt)
		}
	}
	h.mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		h.fail(w, r, eventwire.ErrNotFound)
	})
	static, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	h.mux.Handle("GET /", http.FileServerFS(static))
	return h
}

// securityHeaders are set on every response: nothing but this origin's
// own files may run or load, the pages may not be framed, no referrer
// leaves, and types are not sniffed.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
}

// ServeHTTP sets the security headers, refuses methods other than GET and
// HEAD, bounds the request's time and dispatches it.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	for k, v := range securityHeaders {
		hd.Set(k, v)
	}
	if h.ingestOn && h.isIngest(r.URL.Path) {
		if r.Method != http.MethodPost {
			hd.Set("Allow", "POST")
			writeJSON(w, http.StatusMethodNotAllowed, errorBody{"method not allowed"})
			return
		}
		r, cancel := h.ingestContext(r)
		defer cancel()
		h.mux.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{"method not allowed"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	r = r.WithContext(ctx)
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		h.mux.ServeHTTP(w, r)
		return
	}
	// The cache answers before admission: a cached answer costs no
	// store connection, nor does waiting for one being computed.
	key, version, cacheable := h.cacheKey(r)
	var fl *flight // led by this request
	if cacheable {
		if e := h.cache.get(key, version); e != nil {
			e.write(w)
			return
		}
		f, lead := h.cache.join(key, version)
		if !lead {
			if e := f.wait(ctx); e != nil {
				e.write(w)
				return
			}
			if ctx.Err() != nil {
				h.fail(w, r, ctx.Err())
				return
			}
			// Not a success: this request answers for itself.
		} else {
			fl = f
		}
	}
	var answer *cached
	if fl != nil {
		defer func() { h.cache.land(fl, answer) }()
	}
	// Admission: a request that holds the store's few connections runs to
	// its end, instead of every request queueing for a connection at each
	// of its queries (which made the tail seconds long under 64 clients).
	select {
	case h.inFlight <- struct{}{}:
		defer func() { <-h.inFlight }()
	case <-ctx.Done():
		h.fail(w, r, ctx.Err())
		return
	}
	rec := newRecorder()
	h.mux.ServeHTTP(rec, r)
	if cacheable && rec.status == http.StatusOK {
		answer = &cached{key: key, header: rec.header, body: rec.body.Bytes()}
		// A view (a listing's first page, the counts: what everyone
		// opens) or an item (a page from a cursor, the page of one
		// event, article, actor or place)?
		view := !strings.Contains(r.Pattern, "{") && !r.URL.Query().Has("after")
		h.cache.put(answer, version, view)
	}
	rec.send(w)
}

// cacheKey returns the key of r's answer in the response cache, the
// path and the sorted parameters, and the store's data version read
// before the answer is: cacheable is false when there is no cache, the
// query does not parse, or the version cannot be read.
func (h *Handler) cacheKey(r *http.Request) (key string, version uint64, cacheable bool) {
	if h.cache == nil {
		return "", 0, false
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return "", 0, false
	}
	version, err = h.version.DataVersion(r.Context())
	if err != nil {
		return "", 0, false
	}
	return r.URL.Path + "?" + q.Encode(), version, true
}

// errorBody is every error response.
type errorBody struct {
	Error string `json:"error"`
}

// badRequest is a problem with the request's parameters; its message is
// safe to show.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

// fail maps err to its status and writes it; only messages written for
// clients (badRequest) reach them.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var br *badRequest
	if status, msg, ok := ingestError(err); ok {
		writeJSON(w, status, errorBody{msg})
		return
	}
	switch {
	case errors.As(err, &br):
		writeJSON(w, http.StatusBadRequest, errorBody{br.msg})
	case errors.Is(err, eventwire.ErrInvalid):
		writeJSON(w, http.StatusBadRequest, errorBody{"invalid request"})
	case errors.Is(err, eventwire.ErrNotFound):
		writeJSON(w, http.StatusNotFound, errorBody{"not found"})
	case errors.Is(err, context.DeadlineExceeded):
		h.log.Warn("request timed out", "path", r.URL.Path, "err", err)
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"request timed out"})
	case r.Context().Err() != nil:
		// The client went away; nobody reads the answer.
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"request cancelled"})
	default:
		h.log.Error("request failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"internal error"})
	}
}

// writeJSON writes v as JSON with status. The encoder escapes <, > and &,
// so article text never reads as markup even where a client mislabels it.
func writeJSON(w http.ResponseWriter, status int, v any) {
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// NewServer returns an http.Server for h on addr with every timeout set, so
// slow or idle clients cannot hold connections.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// Routes lists the API's endpoints as "METHOD /path", the ingest
// endpoints included, for tests and documentation.
func Routes() []string {
	var out []string
	for _, r := range routes {
		out = append(out, "GET "+r.path)
	}
	for _, r := range ingestRoutes {
		out = append(out, "POST "+r.path)
	}
	return out
}

// isIngest reports whether path is an ingest endpoint's.
func (h *Handler) isIngest(path string) bool {
	for _, r := range ingestRoutes {
		if r.path == path {
			return true
		}
	}
	return false
}
