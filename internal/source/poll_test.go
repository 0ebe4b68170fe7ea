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
)

// memoryFeeds is an in-process FeedState and KnownURLs.
type memoryFeeds struct {
	mu         sync.Mutex
	validators map[string]Validators
	urls       map[string]bool
}

func (m *memoryFeeds) FeedValidators(_ context.Context, u string) (string, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v := m.validators[u]
	return v.ETag, v.LastModified, nil
}

func (m *memoryFeeds) PutFeedValidators(_ context.Context, u, etag, lastModified string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.validators == nil {
		m.validators = map[string]Validators{}
	}
	m.validators[u] = Validators{etag, lastModified}
	return nil
}

func (m *memoryFeeds) HasURL(_ context.Context, u string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.urls[u], nil
}

func (m *memoryFeeds) store(u string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.urls == nil {
		m.urls = map[string]bool{}
	}
	m.urls[u] = true
}

func TestFetchIf(t *testing.T) {
	const etag, lastMod = `"v1"`, "Sun, 05 Jan 2020 10:00:00 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, html)
	}))
	defer srv.Close()
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1})
	ctx := context.Background()

	p, v, err := f.FetchIf(ctx, srv.URL+"/page", Validators{})
	if err != nil || string(p.Body) != html || v != (Validators{etag, lastMod}) {
		t.Fatalf("unconditional: page %v, validators %+v, err %v", p != nil, v, err)
	}
	p, got, err := f.FetchIf(ctx, srv.URL+"/page", v)
	if !errors.Is(err, ErrNotModified) || p != nil || got != v {
		t.Fatalf("conditional, same ETag: page %v, validators %+v, err %v; want ErrNotModified", p != nil, got, err)
	}
	if _, _, err := f.FetchIf(ctx, srv.URL+"/page", Validators{ETag: `"v0"`}); err != nil {
		t.Fatalf("conditional, old ETag: %v, want the page", err)
	}
}

// A feed is polled conditionally on its last complete poll; its items
// whose URL is stored are not fetched; --refresh does both anyway.
func TestFeedPoll(t *testing.T) {
	var mu sync.Mutex
	version := 1
	hits := map[string]int{}
	var conditional []string // If-None-Match of each feed request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits[r.URL.Path]++
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/feed":
			conditional = append(conditional, r.Header.Get("If-None-Match"))
			etag := fmt.Sprintf(`"v%d"`, version)
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>`)
			for i := version + 1; i >= 1; i-- {
				fmt.Fprintf(w, "<item><title>Story %d</title><link>/story/%d</link></item>", i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/story/"):
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, html)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	state := &memoryFeeds{}
	f := NewFetcher(srv.Client(), FetcherOptions{Rate: -1})
	// poll reads the feed once, stores its pages as ingest would, and
	// commits unless told not to.
	poll := func(refresh, commit bool) (pages []string, counts FeedCounts) {
		t.Helper()
		src, err := Open(context.Background(), []string{srv.URL + "/feed"},
			Options{Fetcher: f, Feeds: state, Known: state, Refresh: refresh})
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		ps, errs := drain(t, src)
		if len(errs) > 0 {
			t.Fatalf("errors: %v", errs)
		}
		for _, p := range ps {
			pages = append(pages, strings.TrimPrefix(p.URL, srv.URL))
			state.store(p.URL)
		}
		if commit {
			if err := src.(Committer).Commit(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		return pages, src.(FeedCounter).FeedCounts()
	}
	check := func(step string, pages []string, counts FeedCounts, wantPages string, want FeedCounts, wantCond string) {
		t.Helper()
		mu.Lock()
		cond := conditional[len(conditional)-1]
		mu.Unlock()
		if strings.Join(pages, " ") != wantPages || counts != want || cond != wantCond {
			t.Errorf("%s: pages %q, counts %+v, If-None-Match %q; want %q, %+v, %q",
				step, pages, counts, cond, wantPages, want, wantCond)
		}
	}

	pages, counts := poll(false, false)
	check("first poll, not committed", pages, counts, "/story/2 /story/1", FeedCounts{}, "")
	pages, counts = poll(false, true)
	check("second poll", pages, counts, "", FeedCounts{Known: 2}, "")
	pages, counts = poll(false, true)
	check("unchanged feed", pages, counts, "", FeedCounts{NotModified: 1}, `"v1"`)
	mu.Lock()
	version = 2
	mu.Unlock()
	pages, counts = poll(false, true)
	check("feed with a new item", pages, counts, "/story/3", FeedCounts{Known: 2}, `"v1"`)
	pages, counts = poll(true, true)
	check("refresh", pages, counts, "/story/3 /story/2 /story/1", FeedCounts{}, "")
	pages, counts = poll(false, true)
	check("after refresh", pages, counts, "", FeedCounts{NotModified: 1}, `"v2"`)
	mu.Lock()
	defer mu.Unlock()
	if hits["/story/1"] != 2 || hits["/story/3"] != 2 {
		t.Errorf("stories fetched %v, want /story/1 and /story/3 twice (once, and on --refresh)", hits)
	}
}
