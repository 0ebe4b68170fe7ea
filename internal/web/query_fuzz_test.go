package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
	"github.com/eventwire/eventwire/internal/web"
)

// fuzzPaths are the API's GET routes with their path parameter as %s.
var fuzzPaths = []string{
	"/api/events%s", "/api/events/merged%s", "/api/events/merged/%s", "/api/events/%s", "/api/articles%s",
	"/api/articles/%s", "/api/actors%s", "/api/actors/%s", "/api/places/%s", "/api/timeline%s", "/api/stats%s",
}

// FuzzAPIQuery sends the API's routes any path parameter and any query
// string: the answer is a client error or a JSON answer, never a server
// error, and what the cache answers is what the store does.
func FuzzAPIQuery(f *testing.F) {
	for _, s := range []struct {
		route      uint8
		arg, query string
	}{
		{0, "", "limit=50&actor=USA"}, {0, "", "code=19&from=2023-03-01&to=2023-06-30"}, {0, "", "after=9223372036854775807"},
		{0, "", "text=%22talks%22+OR&limit=5000"}, {0, "", "actor=%zz"}, {0, "", "code=19;actor=RUS"}, {1, "", "mentions=true&actor=rus"},
		{2, "1", ""}, {3, "4", "x=1"}, {4, "", "text=Astana&after=2"}, {5, "3", ""}, {6, "", "limit=60&source=TUR"},
		{7, "RUS", ""}, {8, "98182", "limit=1"}, {9, "", "plover=ACCUSE"}, {10, "", ""}, {3, "-1", ""}, {7, "%2F", ""},
	} {
		f.Add(s.route, s.arg, s.query)
	}
	s := fuzzStore(f)
	cached := web.New(s, nil, web.Options{})
	plain := web.New(s, nil, web.Options{CacheBytes: -1})
	f.Fuzz(func(t *testing.T, route uint8, arg, query string) {
		p := fuzzPaths[int(route)%len(fuzzPaths)]
		if !strings.HasSuffix(p, "/%s") {
			arg = ""
		}
		u := &url.URL{Path: strings.Replace(p, "%s", arg, 1), RawQuery: query}
		var first *httptest.ResponseRecorder
		// The store's answer, then the cache's twice: the second is
		// kept, the third served from it.
		for _, h := range []*web.Handler{plain, cached, cached} {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL = u
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s: %d %s", u, rec.Code, rec.Body)
			}
			// The mux redirects paths it cleans (301, 307: a short HTML
			// body).
			if rec.Code/100 != 3 && !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("GET %s: %d, not JSON: %q", u, rec.Code, rec.Body)
			}
			if first == nil {
				first = rec
			} else if rec.Code != first.Code || rec.Body.String() != first.Body.String() {
				t.Fatalf("GET %s: %d %s from the cache, %d %s from the store", u, rec.Code, rec.Body, first.Code, first.Body)
			}
		}
	})
}

// fuzzStore is a small store with events, merged events and places.
func fuzzStore(tb testing.TB) *sqlite.Store {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "fuzz.db"), sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	for i, body := range []string{"Russian aircraft bombed rebels in Aleppo.", "Turkey met Russia <script>x</script> in Astana."} {
		x := storetest.Story(fmt.Sprintf("https://f.example/%d", i), "Story "+body[:6], body)
		x.Events = append(x.Events, x.Events[0])
		x.Events[1].Source.Code, x.Events[1].CAMEO = "RUSMIL", "195"
		if _, err := s.PutStory(ctx, x); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := s.MergeEvents(ctx, 1, false); err != nil {
		tb.Fatal(err)
	}
	return s
}
