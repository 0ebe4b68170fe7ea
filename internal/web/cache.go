package web

import (
	"bytes"
	"container/list"
	"context"
	"hash/maphash"
	"net/http"
	"strconv"
	"sync"
)

// Versioner is what a store offers for the response cache (the SQLite
// store has it): a number that changes whenever the stored data changes,
// by this process or another, and only grows. Without it nothing is
// cached.
type Versioner interface {
	DataVersion(ctx context.Context) (uint64, error)
}

// DefaultCacheBytes is the response cache's size when Options.CacheBytes
// is 0: its views' part (three quarters) holds the first pages and counts
// of a few hundred actors at 100,000 events, about 25 MB in the load test;
// with 32 MiB they pushed each other out and the counts were computed five
// times over.
const DefaultCacheBytes = 64 << 20

// cache holds the bodies of successful API responses, keyed by the
// canonical request (path and sorted query), for one data version: the
// first request that sees a newer version empties it. The least recently
// used responses go first when it is full.
//
// The views, first pages of listings and the counts (no cursor, no ID in
// the path: what the UI's views ask for), are kept at once; the items, a
// page from a cursor or of one event, article, actor or place, from the
// second time their request is answered on: the first time only the key's
// hash is noted (seen). Requests asked once (a page deep in a listing, one
// event among a hundred thousand) would otherwise push out the answers
// asked again and again: under the load test's mix they were four
// megabytes a second through a cache of 32.
//
// Requests for the same answer that arrive while it is being computed
// wait for it (a flight) rather than compute it again: after every write
// the busiest answers are all missed at once.
type cache struct {
	max int64 // bytes, keys included

	mu      sync.Mutex
	version uint64
	// The views and the rest (items) are kept in two parts, three
	// quarters and a quarter of the cache, each with its own order of use:
	// the views are few and dear (an actor's timeline takes milliseconds
	// to count), the items many and cheap, and in one order the items
	// pushed the views out (under the load test's mix, the counts were
	// computed ten times over).
	views, items cacheSeg
	byKey        map[string]*list.Element // of *cached, in its part's list
	seen         [2]map[uint64]bool       // hashes of keys answered once: this generation and the last
	seed         maphash.Seed
	flights      map[flightKey]*flight
}

// flightKey names an answer being computed: the same request at the same
// data version.
type flightKey struct {
	key     string
	version uint64
}

// flight is an answer being computed; done is closed when it is, and e is
// then the answer if it was a success, else nil.
type flight struct {
	fk   flightKey
	done chan struct{}
	e    *cached
}

// join returns the flight of key at version v and whether the caller
// leads it (computes the answer and lands the flight) or follows (waits).
func (c *cache) join(key string, v uint64) (f *flight, lead bool) {
	fk := flightKey{key, v}
	c.mu.Lock()
	defer c.mu.Unlock()
	if f := c.flights[fk]; f != nil {
		return f, false
	}
	f = &flight{fk: fk, done: make(chan struct{})}
	c.flights[fk] = f
	return f, true
}

// land ends flight f with the answer e (nil: not a success).
func (c *cache) land(f *flight, e *cached) {
	c.mu.Lock()
	delete(c.flights, f.fk)
	c.mu.Unlock()
	f.e = e
	close(f.done)
}

// wait returns the answer of flight f, or nil if it was not a success or
// ctx ended first.
func (f *flight) wait(ctx context.Context) *cached {
	select {
	case <-f.done:
		return f.e
	case <-ctx.Done():
		return nil
	}
}

// seenKeys bounds a generation of seen: the last 16,384 to 32,768 keys
// answered once are remembered.
const seenKeys = 16384

// cacheSeg is a part of the cache: its responses, most recently used
// first, and their size.
type cacheSeg struct {
	max, size int64
	lru       *list.List // of *cached
}

// cached is one response: its headers (those the handler set) and body,
// and the part of the cache that holds it.
type cached struct {
	key    string
	header http.Header
	body   []byte
	seg    *cacheSeg
}

func (c *cached) bytes() int64 { return int64(len(c.key)+len(c.body)) + 256 }

func newCache(max int64) *cache {
	return &cache{max: max, byKey: map[string]*list.Element{},
		views: cacheSeg{max: max - max/4, lru: list.New()}, items: cacheSeg{max: max / 4, lru: list.New()},
		seen: [2]map[uint64]bool{{}, {}}, seed: maphash.MakeSeed(), flights: map[flightKey]*flight{}}
}

// get returns the response cached for key at data version v, if any.
func (c *cache) get(key string, v uint64) *cached {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		if v > c.version {
			c.reset(v)
		}
		return nil
	}
	el := c.byKey[key]
	if el == nil {
		return nil
	}
	e := el.Value.(*cached)
	e.seg.lru.MoveToFront(el)
	return e
}

// put caches e, read at data version v: a view at once, an item if its
// key was answered before (at any version). A response of an older
// version, or larger than a sixteenth of the cache, is not kept.
func (c *cache) put(e *cached, v uint64, view bool) {
	n := e.bytes()
	if n > c.max/16 {
		return
	}
	h := maphash.String(c.seed, e.key)
	c.mu.Lock()
	defer c.mu.Unlock()
	if v < c.version {
		return
	}
	if v > c.version {
		c.reset(v)
	}
	if !view && !c.seen[0][h] && !c.seen[1][h] {
		if len(c.seen[0]) >= seenKeys {
			c.seen[1], c.seen[0] = c.seen[0], map[uint64]bool{}
		}
		c.seen[0][h] = true
		return
	}
	// A copy, so that the cache holds no spare capacity of the recorder's
	// buffer and shares no header map.
	seg := &c.items
	if view {
		seg = &c.views
	}
	e = &cached{key: e.key, header: e.header.Clone(), body: bytes.Clone(e.body), seg: seg}
	if el := c.byKey[e.key]; el != nil {
		old := el.Value.(*cached)
		old.seg.size -= old.bytes()
		old.seg.lru.Remove(el)
	}
	c.byKey[e.key] = seg.lru.PushFront(e)
	seg.size += n
	for seg.size > seg.max {
		el := seg.lru.Back()
		old := el.Value.(*cached)
		seg.lru.Remove(el)
		delete(c.byKey, old.key)
		seg.size -= old.bytes()
	}
}

// reset empties the cache for version v.
func (c *cache) reset(v uint64) {
	c.version = v
	for _, seg := range []*cacheSeg{&c.views, &c.items} {
		seg.size = 0
		seg.lru.Init()
	}
	clear(c.byKey)
}

// write sends the cached response.
func (e *cached) write(w http.ResponseWriter) {
	hd := w.Header()
	for k, v := range e.header {
		hd[k] = v
	}
	hd.Set("Content-Length", strconv.Itoa(len(e.body)))
	w.WriteHeader(http.StatusOK)
	w.Write(e.body)
}

// recorder keeps a handler's response so that it can be cached before it
// is sent.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}

// send writes the recorded response to w.
func (r *recorder) send(w http.ResponseWriter) {
	hd := w.Header()
	for k, v := range r.header {
		hd[k] = v
	}
	hd.Set("Content-Length", strconv.Itoa(r.body.Len()))
	if r.status == 0 {
		r.status = http.StatusOK
	}
	w.WriteHeader(r.status)
	w.Write(r.body.Bytes())
}
