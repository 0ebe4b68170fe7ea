package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

// newServer serves a small site on loopback and counts requests per path.
func newServer(t *testing.T) (*httptest.Server, func(string) int) {
	t.Helper()
	var mu sync.Mutex
	hits := map[string]int{}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: eventwire\nDisallow: /nobots/\nDisallow: /private/\n")
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); ua != UserAgent() {
			http.Error(w, "bad UA "+ua, 400)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		// No Content-Length: the bound must hold while reading.
		for i := 0; i < 100; i++ {
			fmt.Fprint(w, strings.Repeat("x", 1024))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/redirect/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>One</title><link>/page</link><pubDate>Sun, 05 Jan 2020 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>/missing</link></item>
<item><title>Three</title><link>/private/x</link></item>
</channel></rss>`)
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func(p string) int { mu.Lock(); defer mu.Unlock(); return hits[p] }
}

func TestFetch(t *testing.T) {
	srv, hits := newServer(t)
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1, Limits: Limits{MaxBytes: 50 << 10}})
	tests := []struct {
		path    string
		wantErr error  // sentinel, or nil
		errText string // substring, or ""
	}{
		{"/page", nil, ""},
		{"/redirect/4", nil, ""},          // 5 redirects: allowed
		{"/redirect/5", nil, "redirects"}, // 6: too many
		{"/private/a", ErrDisallowed, ""},
		{"/nobots/a", ErrDisallowed, ""},
		{"/big", eventwire.ErrTooLarge, ""},
		{"/image", eventwire.ErrUnsupported, ""},
		{"/missing", nil, "404"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, err := f.Fetch(context.Background(), srv.URL+tt.path)
			switch {
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
			case tt.errText != "":
				if err == nil || !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.errText)
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				if string(p.Body) != html || p.URL != srv.URL+"/page" || p.Origin != "http" ||
					!strings.HasPrefix(p.ContentType, "text/html") {
					t.Errorf("page = %+v", p)
				}
			}
		})
	}
	if n := hits("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once (cached)", n)
	}
	if n := hits("/private/a"); n != 0 {
		t.Errorf("disallowed path fetched %d times", n)
	}
}

func TestFetchRateLimit(t *testing.T) {
	srv, _ := newServer(t)
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: 20}) // 50ms apart
	start := time.Now()
	for i := 0; i < 4; i++ {
		if _, err := f.Fetch(context.Background(), srv.URL+"/page"); err != nil {
			t.Fatal(err)
		}
	}
	// robots.txt + 4 pages = 5 requests, so at least 4 intervals.
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("5 requests at 20/s took %v, want at least 200ms", d)
	}
}

// The wait for the rate limit is not part of a request's timeout: at a
// timeout below 1/Rate every second request to a host used to time out.
func TestFetchRateWaitNotTimed(t *testing.T) {
	srv, _ := newServer(t)
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: 5, Timeout: 100 * time.Millisecond}) // 200ms apart
	for i := range 3 {
		if _, err := f.Fetch(context.Background(), srv.URL+"/page"); err != nil {
			t.Fatalf("fetch %d: %v", i, err)
		}
	}
}

func TestFetchUnreachable(t *testing.T) {
	srv, _ := newServer(t)
	url := srv.URL
	srv.Close()
	f := NewFetcher(nil, FetcherOptions{Rate: -1, Timeout: 2 * time.Second})
	if _, err := f.Fetch(context.Background(), url+"/page"); err == nil {
		t.Fatal("fetch of a closed server succeeded")
	}
	for _, bad := range []string{"ftp://x.example/a", "http://", "://bad"} {
		if _, err := f.Fetch(context.Background(), bad); err == nil {
			t.Errorf("Fetch(%q) succeeded", bad)
		}
	}
}

func TestFeedURL(t *testing.T) {
	srv, _ := newServer(t)
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1})
	src, err := Open(context.Background(), []string{srv.URL + "/feed"}, Options{Fetcher: f})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pages, errs := drain(t, src)
	if len(pages) != 1 {
		t.Fatalf("pages = %d, want 1 (errors %v)", len(pages), errs)
	}
	p := pages[0]
	if p.URL != srv.URL+"/page" || p.Hints.Title != "One" || p.Hints.Published != "2020-01-05T10:00:00Z" ||
		p.Origin != "feed:"+srv.URL+"/feed" {
		t.Errorf("page = %+v", p)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "404") || !errors.Is(errs[1], ErrDisallowed) {
		t.Errorf("errors = %v, want a 404 and a robots refusal", errs)
	}
}

// A failed robots.txt fetch is not cached: once the host answers, pages
// are fetched.
func TestRobotsErrorNotCached(t *testing.T) {
	srv, _ := newServer(t)
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Fetch(ctx, srv.URL+"/page"); err == nil {
		t.Fatal("fetch with a cancelled context succeeded")
	}
	if _, err := f.Fetch(context.Background(), srv.URL+"/page"); err != nil {
		t.Fatalf("fetch after a cancelled robots.txt fetch: %v", err)
	}
}

// A redirect loop is reported with the absolute URL it led to, not the
// Location header as written (often relative).
func TestFetchRedirectLoop(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Location", "loop?x=1")
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1})
	_, err := f.Fetch(context.Background(), srv.URL+"/a/loop")
	if !errors.Is(err, errRedirects) {
		t.Fatalf("err = %v, want too many redirects", err)
	}
	if want := "redirect to " + srv.URL + "/a/loop?x=1"; !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), `"loop?x=1"`) {
		t.Errorf("err = %q, want it to name %q", err, want)
	}
}
