package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestCacheParts checks the cache's admission and its two parts: a view
// is kept at once, an item from its second answer on, items never push
// views out, and neither part outgrows its share.
func TestCacheParts(t *testing.T) {
	c := newCache(64 << 10)
	body := []byte(strings.Repeat("x", 1000))
	put := func(key string, view bool) { c.put(&cached{key: key, header: http.Header{}, body: body}, 1, view) }
	put("/api/stats?", true)
	if c.get("/api/stats?", 1) == nil {
		t.Fatal("a view was not kept at once")
	}
	put("/api/events/1?", false)
	if c.get("/api/events/1?", 1) != nil {
		t.Fatal("an item was kept at its first answer")
	}
	put("/api/events/1?", false)
	if c.get("/api/events/1?", 1) == nil {
		t.Fatal("an item was not kept at its second answer")
	}
	for i := range 500 {
		key := fmt.Sprintf("/api/events/%d?", 100+i)
		put(key, false)
		put(key, false)
	}
	if c.get("/api/stats?", 1) == nil {
		t.Error("items pushed a view out")
	}
	if c.items.size > c.items.max || c.views.size > c.views.max || c.items.lru.Len() < 10 {
		t.Errorf("items %d bytes (%d answers) of %d, views %d of %d", c.items.size, c.items.lru.Len(), c.items.max, c.views.size, c.views.max)
	}
	if c.get("/api/stats?", 2) != nil || len(c.byKey) != 0 || c.views.size != 0 || c.items.size != 0 {
		t.Error("a newer version did not empty the cache")
	}
	put("/api/stats?", true) // read at version 1, after version 2 was seen
	if c.get("/api/stats?", 2) != nil {
		t.Error("an answer of an older version was kept")
	}
}
