package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingClient returns a client that counts the connections it dials,
// and a function that returns the count for one address.
func countingClient(t *testing.T) (*http.Client, func(addr string) int64) {
	t.Helper()
	var mu sync.Mutex
	dials := map[string]int64{}
	d := &net.Dialer{}
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dials[addr]++
		mu.Unlock()
		return d.DialContext(ctx, network, addr)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}, func(addr string) int64 { mu.Lock(); defer mu.Unlock(); return dials[addr] }
}

// deadAddr returns host:port of a loopback port nothing listens on: a
// listener opened and closed (connections are refused).
func deadAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// countedServer starts h and counts the connections it accepts.
func countedServer(t *testing.T, h http.Handler) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// hang answers nothing until the client gives up.
var hang = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })

// A robots.txt that cannot be fetched disallows its host for a while, and
// the failure is kept: the items after the first fail at once, without
// network access, instead of each trying again (and, on a hanging host,
// each waiting for the timeout).
func TestRobotsUnreachableCached(t *testing.T) {
	for _, tt := range []struct {
		name string
		host func(t *testing.T) (addr string, conns *atomic.Int64)
	}{
		{"refused", func(t *testing.T) (string, *atomic.Int64) { return deadAddr(t), nil }},
		{"hanging", func(t *testing.T) (string, *atomic.Int64) {
			srv, conns := countedServer(t, hang)
			return srv.Listener.Addr().String(), conns
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			addr, conns := tt.host(t)
			c, dials := countingClient(t)
			f := NewFetcher(c, FetcherOptions{Rate: -1, Timeout: 300 * time.Millisecond})
			for i := range 20 {
				_, err := f.Fetch(context.Background(), fmt.Sprintf("http://%s/story/%d", addr, i))
				if !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), "robots.txt unreachable") {
					t.Fatalf("item %d: err = %v, want robots.txt unreachable, disallowed", i, err)
				}
			}
			if n := dials(addr); n != 1 {
				t.Errorf("%d connections dialled for 20 items, want 1 (the robots.txt fetch)", n)
			}
			if conns != nil && conns.Load() != 1 {
				t.Errorf("%d connections accepted, want 1", conns.Load())
			}
		})
	}
}

// RFC 9309 section 2.3.1: robots.txt answered 4xx allows everything, 5xx
// disallows everything; both answers are cached.
func TestRobotsStatus(t *testing.T) {
	for _, tt := range []struct {
		status int
		allow  bool
	}{
		{http.StatusNotFound, true},
		{http.StatusForbidden, true},
		{http.StatusGone, true},
		{http.StatusInternalServerError, false},
		{http.StatusServiceUnavailable, false},
	} {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			var robots atomic.Int64
			srv, _ := countedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					robots.Add(1)
					w.WriteHeader(tt.status)
					return
				}
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, html)
			}))
			f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1})
			for range 3 {
				_, err := f.Fetch(context.Background(), srv.URL+"/page")
				if tt.allow && err != nil {
					t.Fatalf("err = %v, want the page", err)
				}
				if !tt.allow && (!errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), fmt.Sprint(tt.status))) {
					t.Fatalf("err = %v, want disallowed, naming the status", err)
				}
			}
			if n := robots.Load(); n != 1 {
				t.Errorf("robots.txt fetched %d times, want once", n)
			}
		})
	}
}

// An unreachable robots.txt is asked for again after robotsRetry, an
// answered one after robotsTTL.
func TestRobotsRetry(t *testing.T) {
	var down atomic.Bool
	var robots atomic.Int64
	srv, _ := countedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robots.Add(1)
			if down.Load() {
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, html)
	}))
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1, Now: func() time.Time { return now }})
	fetch := func() error { _, err := f.Fetch(context.Background(), srv.URL+"/page"); return err }

	down.Store(true)
	if err := fetch(); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("robots.txt 503: err = %v, want disallowed", err)
	}
	down.Store(false)
	now = now.Add(robotsRetry - time.Minute)
	if err := fetch(); !errors.Is(err, ErrDisallowed) || robots.Load() != 1 {
		t.Fatalf("within robotsRetry: err = %v, robots.txt fetched %d times; want still disallowed, once", err, robots.Load())
	}
	now = now.Add(2 * time.Minute)
	if err := fetch(); err != nil || robots.Load() != 2 {
		t.Fatalf("after robotsRetry: err = %v, robots.txt fetched %d times; want the page, twice", err, robots.Load())
	}
	down.Store(true)
	now = now.Add(robotsTTL - time.Minute)
	if err := fetch(); err != nil || robots.Load() != 2 {
		t.Fatalf("within robotsTTL: err = %v, robots.txt fetched %d times; want the page, twice", err, robots.Load())
	}
}

// After MaxHostFailures requests in a row without an answer, a host's
// requests fail at once with a HostDownError, without network access.
func TestHostBreaker(t *testing.T) {
	const items = 50
	for _, tt := range []struct {
		name string
		host func(t *testing.T) (addr string, conns *atomic.Int64)
		last string // in the HostDownError
	}{
		{"refused", func(t *testing.T) (string, *atomic.Int64) { return deadAddr(t), nil }, "connection refused"},
		{"hanging", func(t *testing.T) (string, *atomic.Int64) {
			srv, conns := countedServer(t, hang)
			return srv.Listener.Addr().String(), conns
		}, "no answer within 200ms"},
		{"5xx", func(t *testing.T) (string, *atomic.Int64) {
			srv, conns := countedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Connection", "close")
				http.Error(w, "down", http.StatusBadGateway)
			}))
			return srv.Listener.Addr().String(), conns
		}, "HTTP 502 Bad Gateway"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			addr, conns := tt.host(t)
			c, dials := countingClient(t)
			f := NewFetcher(c, FetcherOptions{Rate: -1, Timeout: 200 * time.Millisecond, IgnoreRobots: true})
			for i := range items {
				_, err := f.Fetch(context.Background(), fmt.Sprintf("http://%s/story/%d", addr, i))
				var hd *HostDownError
				var te interface{ Timeout() bool }
				switch {
				case err == nil:
					t.Fatalf("item %d fetched", i)
				case tt.name == "hanging" && (!errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &te) || !te.Timeout()):
					t.Fatalf("item %d: err = %v, want a timeout (context.DeadlineExceeded, Timeout())", i, err)
				case i < DefaultMaxHostFailures && errors.Is(err, ErrHostDown):
					t.Fatalf("item %d: host down after %d failures: %v", i, i, err)
				case i >= DefaultMaxHostFailures && !errors.As(err, &hd):
					t.Fatalf("item %d: err = %v, want a HostDownError", i, err)
				case hd != nil:
					want := fmt.Sprintf("host %s: 3 consecutive failures, skipped for this run", addr)
					if !errors.Is(err, ErrHostDown) || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), tt.last) {
						t.Fatalf("item %d: err = %q, want it to start %q and name %q", i, err, want, tt.last)
					}
				}
			}
			if n := dials(addr); n != DefaultMaxHostFailures {
				t.Errorf("%d connections dialled for %d items, want %d", n, items, DefaultMaxHostFailures)
			}
			if conns != nil && conns.Load() != DefaultMaxHostFailures {
				t.Errorf("%d connections accepted, want %d", conns.Load(), DefaultMaxHostFailures)
			}
		})
	}
}

// An answer resets the count: failures must come in a row; answers that
// are not pages (404) are answers; a request the caller gave up is not
// counted.
func TestHostBreakerResets(t *testing.T) {
	// The caller of /slow gives up while the request is in flight.
	cancelled, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, _ := countedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/fail":
			http.Error(w, "down", http.StatusServiceUnavailable)
		case "/missing":
			http.NotFound(w, r)
		case "/slow":
			cancel()
			<-r.Context().Done()
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, html)
		}
	}))
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1, IgnoreRobots: true})
	for i, path := range []string{"/fail", "/fail", "/page", "/fail", "/fail", "/missing", "/fail", "/fail", "/slow", "/page"} {
		ctx := context.Background()
		if path == "/slow" {
			ctx = cancelled
		}
		_, err := f.Fetch(ctx, srv.URL+path)
		if errors.Is(err, ErrHostDown) {
			t.Fatalf("request %d (%s): %v", i, path, err)
		}
	}
	f.Fetch(context.Background(), srv.URL+"/fail")
	f.Fetch(context.Background(), srv.URL+"/fail")
	if _, err := f.Fetch(context.Background(), srv.URL+"/page"); err != nil {
		t.Fatalf("after 2 failures: %v", err)
	}
	for range 3 {
		f.Fetch(context.Background(), srv.URL+"/fail")
	}
	if _, err := f.Fetch(context.Background(), srv.URL+"/page"); !errors.Is(err, ErrHostDown) {
		t.Fatalf("after 3 failures in a row: err = %v, want ErrHostDown", err)
	}
	// Another host (same IP, other port) is not affected.
	other, _ := newServer(t)
	if _, err := f.Fetch(context.Background(), other.URL+"/page"); err != nil {
		t.Fatalf("other host: %v", err)
	}
}

// A 10,000-item feed whose items are on a dead or hanging host fails every
// item, each as its own ItemError, with one connection attempt to that host
// in all (the robots.txt fetch); without robots.txt, three (the breaker).
// Neither the timeout nor the rate limit (10 a second: 1,000 s for the
// feed) applies to the items failed without network access.
func TestFeedDeadHost(t *testing.T) {
	for _, tt := range []struct {
		name   string
		host   func(t *testing.T) string
		robots bool
		dials  int64
		want   error
	}{
		{"refused", func(t *testing.T) string { return deadAddr(t) }, true, 1, ErrDisallowed},
		{"refused, no robots.txt", func(t *testing.T) string { return deadAddr(t) }, false, 3, ErrHostDown},
		{"hanging", func(t *testing.T) string {
			srv, _ := countedServer(t, hang)
			return srv.Listener.Addr().String()
		}, true, 1, ErrDisallowed},
		{"hanging, no robots.txt", func(t *testing.T) string {
			srv, _ := countedServer(t, hang)
			return srv.Listener.Addr().String()
		}, false, 3, ErrHostDown},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dead := tt.host(t)
			var feed strings.Builder
			feed.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>`)
			for i := range MaxFeedItems {
				fmt.Fprintf(&feed, "<item><title>Story %d</title><link>http://%s/story/%d</link></item>\n", i, dead, i)
			}
			feed.WriteString("</channel></rss>")
			live := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, feed.String())
			}))
			defer live.Close()
			c, dials := countingClient(t)
			f := NewFetcher(c, FetcherOptions{Rate: 10, Timeout: 200 * time.Millisecond, IgnoreRobots: !tt.robots})
			src, err := Open(context.Background(), []string{live.URL + "/feed"}, Options{Fetcher: f})
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			pages, errs := drain(t, src)
			if len(pages) != 0 || len(errs) != MaxFeedItems {
				t.Fatalf("%d pages and %d errors, want %d errors", len(pages), len(errs), MaxFeedItems)
			}
			for i, e := range errs {
				if want := fmt.Sprintf("http://%s/story/%d", dead, i); e.Op != "fetch" || e.Item != want {
					t.Fatalf("error %d: %s %s, want fetch %s", i, e.Op, e.Item, want)
				}
				if i >= 3 && !errors.Is(e, tt.want) {
					t.Fatalf("error %d: %v, want %v", i, e, tt.want)
				}
			}
			if n := dials(dead); n != tt.dials {
				t.Errorf("%d connections dialled to the dead host, want %d", n, tt.dials)
			}
		})
	}
}
