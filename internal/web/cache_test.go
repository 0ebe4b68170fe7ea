package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
	"github.com/eventwire/eventwire/internal/web"
)

// countingStore counts the listings the handler asks the store for.
type countingStore struct {
	*sqlite.Store
	reads atomic.Int64
}

func (s *countingStore) Events(ctx context.Context, f eventwire.EventFilter) ([]eventwire.EventRecord, error) {
	s.reads.Add(1)
	return s.Store.Events(ctx, f)
}

func (s *countingStore) Stats(ctx context.Context) (eventwire.StoreStats, error) {
	s.reads.Add(1)
	return s.Store.Stats(ctx)
}

// story is a stored story with one event of code cameo.
func story(n int, cameo string) *eventwire.Story {
	st := storetest.Story(fmt.Sprintf("https://cache.example/%d", n), fmt.Sprintf("Story %d", n), "Officials met in Astana today.")
	st.Events[0].CAMEO = cameo
	return st
}

// TestCacheSeesWrites checks that an answer asked for twice is served from
// the cache from then on while nothing changes, and that a write after it, by the same store or by
// another store on the same file (as another process would write), is
// seen by the next read.
func TestCacheSeesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cache.db")
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := &countingStore{Store: st}
	h := web.New(s, nil, web.Options{})
	if _, err := s.PutStory(ctx, story(1, "040")); err != nil {
		t.Fatal(err)
	}
	count := func(target string) int {
		t.Helper()
		var p eventsPage
		getJSON(t, h, target, 200, &p)
		return len(p.Events)
	}
	// Answered twice, the second answer is kept.
	for range 2 {
		if n := count("/api/events?code=04"); n != 1 {
			t.Fatalf("%d events, want 1", n)
		}
	}
	reads := s.reads.Load()
	for _, target := range []string{"/api/events?code=04", "/api/events?code=04&", "/api/events?code=%30%34"} {
		if n := count(target); n != 1 {
			t.Errorf("%s: %d events, want 1", target, n)
		}
	}
	if r := s.reads.Load(); r != reads {
		t.Errorf("the same request again read the store %d times; want the cached answer", r-reads)
	}

	if _, err := s.PutStory(ctx, story(2, "042")); err != nil {
		t.Fatal(err)
	}
	if n := count("/api/events?code=04"); n != 2 {
		t.Errorf("after a write by the store: %d events, want 2", n)
	}

	other, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.PutStory(ctx, story(3, "043")); err != nil {
		t.Fatal(err)
	}
	if n := count("/api/events?code=04"); n != 3 {
		t.Errorf("after a write by another store on the file: %d events, want 3", n)
	}
	var stats eventwire.StoreStats
	getJSON(t, h, "/api/stats", 200, &stats)
	getJSON(t, h, "/api/stats", 200, &stats) // now cached
	reads = s.reads.Load()
	getJSON(t, h, "/api/stats", 200, &stats)
	if r := s.reads.Load(); r != reads || stats.Events != 3 {
		t.Errorf("stats: %d events, %d reads of the store; want 3 from the cache", stats.Events, r-reads)
	}
	if err := other.ReplaceEvents(ctx, 1, nil); err != nil {
		t.Fatal(err)
	}
	getJSON(t, h, "/api/stats", 200, &stats)
	if stats.Events != 2 {
		t.Errorf("stats after another store deleted an event: %d events, want 2", stats.Events)
	}
	if n := count("/api/events?code=04"); n != 2 {
		t.Errorf("after another store deleted an event: %d events, want 2", n)
	}
}

// TestCacheSameAnswers checks that every endpoint answers the same bytes,
// status and content type from the cache as without it, and that errors
// are not cached.
func TestCacheSameAnswers(t *testing.T) {
	s := newStore(t)
	cached := web.New(s, nil, web.Options{})
	plain := web.New(s, nil, web.Options{CacheBytes: -1})
	for _, target := range []string{
		"/api/events", "/api/events?actor=rus&limit=2", "/api/events?limit=2&after=2", "/api/events?merged=true",
		"/api/events/merged?mentions=true", "/api/events/merged/1", "/api/events/4", "/api/articles?text=Astana",
		"/api/articles/3", "/api/actors", "/api/actors/RUS", "/api/places/98182", "/api/timeline?actor=RUS",
		"/api/stats", "/api/openapi.json", "/api/events/99", "/api/events?actr=1", "/api/nothing",
	} {
		want := get(t, plain, "GET", target)
		for i := range 3 {
			got := get(t, cached, "GET", target)
			if got.Code != want.Code || got.Body.String() != want.Body.String() ||
				got.Header().Get("Content-Type") != want.Header().Get("Content-Type") ||
				got.Header().Get("Cache-Control") != want.Header().Get("Cache-Control") {
				t.Errorf("%s, request %d: %d %q %s\nwant %d %q %s", target, i, got.Code, got.Header().Get("Content-Type"), got.Body,
					want.Code, want.Header().Get("Content-Type"), want.Body)
			}
			if got.Header().Get("X-Frame-Options") != "DENY" {
				t.Errorf("%s, request %d: security headers missing", target, i)
			}
		}
	}
	if rec := get(t, cached, "HEAD", "/api/stats"); rec.Code != http.StatusOK {
		t.Errorf("HEAD from the cache: %d", rec.Code)
	}
}

// TestCacheBounded checks that the cache keeps no more than its size and
// still answers correctly when it evicts.
func TestCacheBounded(t *testing.T) {
	s := newStore(t)
	h := web.New(s, nil, web.Options{CacheBytes: 16 << 10})
	plain := web.New(s, nil, web.Options{CacheBytes: -1})
	for i := range 200 {
		target := fmt.Sprintf("/api/events?limit=%d", 1+i%40)
		if got, want := get(t, h, "GET", target).Body.String(), get(t, plain, "GET", target).Body.String(); got != want {
			t.Fatalf("%s: %s, want %s", target, got, want)
		}
	}
}

// TestMalformedQuery checks that a query string that does not parse is
// refused, not read as the parameters that do.
func TestMalformedQuery(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	for _, target := range []string{"/api/events?actor=%zz", "/api/events?code=19;actor=RUS", "/api/stats?%",
		"/api/events/merged?actor=R%", "/api/timeline?x=%G1"} {
		rec := get(t, h, "GET", target)
		if rec.Code != 400 || !strings.Contains(rec.Body.String(), `"error"`) {
			t.Errorf("%s: %d %s, want 400", target, rec.Code, rec.Body)
		}
	}
}

// The SQLite store serves article and event pages without their raw page.
var _ web.ArticleReader = (*sqlite.Store)(nil)

// blockingStore holds every Stats call until release is closed, counting
// them.
type blockingStore struct {
	*sqlite.Store
	calls   atomic.Int64
	release chan struct{}
}

func (s *blockingStore) Stats(ctx context.Context) (eventwire.StoreStats, error) {
	s.calls.Add(1)
	<-s.release
	return s.Store.Stats(ctx)
}

// TestCacheOneFlight checks that requests for an answer being computed
// wait for it instead of computing it again, and all get it.
func TestCacheOneFlight(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "f.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := &blockingStore{Store: st, release: make(chan struct{})}
	h := web.New(s, nil, web.Options{})
	const n = 8
	bodies := make(chan string, n)
	for range n {
		go func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/stats", nil))
			bodies <- fmt.Sprint(rec.Code, " ", rec.Body.String())
		}()
	}
	for s.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // the others arrive and wait
	close(s.release)
	want := ""
	for range n {
		b := <-bodies
		if want == "" {
			want = b
		}
		if b != want || !strings.HasPrefix(b, "200 ") {
			t.Errorf("answer %q, want %q", b, want)
		}
	}
	if c := s.calls.Load(); c != 1 {
		t.Errorf("%d concurrent requests read the store %d times, want once", n, c)
	}
}
