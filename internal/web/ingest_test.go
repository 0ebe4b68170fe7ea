package web_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/source"
	"github.com/eventwire/eventwire/internal/storetest"
	"github.com/eventwire/eventwire/internal/web"
)

const token = "s3cret-token"

// storeIngest stands in for the pipeline: it stores the page's body as
// the article text (the pipeline itself is tested in internal/ingest and
// through eventwire serve).
func storeIngest(s eventwire.Store) func(context.Context, *eventwire.Page) (*eventwire.Story, bool, error) {
	return func(ctx context.Context, p *eventwire.Page) (*eventwire.Story, bool, error) {
		st := storetest.Story(p.URL, "Uploaded", string(p.Body))
		st.Page = p
		created, err := s.PutStory(ctx, st)
		return st, created, err
	}
}

func post(t *testing.T, h http.Handler, target, auth, ct, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", target, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestIngestOffByDefault(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{Ingest: storeIngest(nil)}) // no token
	if rec := post(t, h, "/api/ingest/file", "Bearer x", "text/plain", "words"); rec.Code != 405 {
		t.Errorf("ingest without a token configured: %d", rec.Code)
	}
}

func TestIngestFile(t *testing.T) {
	s := newStore(t)
	h := web.New(s, nil, web.Options{Token: token, Ingest: storeIngest(s), MaxBody: 100, IngestRate: 1000})
	bearer := "Bearer " + token
	for _, tt := range []struct {
		name, auth, ct, body string
		status               int
	}{
		{"no token", "", "text/plain", "Some words.", 401},
		{"wrong token", "Bearer nope", "text/plain", "Some words.", 401},
		{"not bearer", "Basic " + token, "text/plain", "Some words.", 401},
		{"pdf", bearer, "application/pdf", "%PDF", 415},
		{"no type", bearer, "", "Some words.", 415},
		{"too large", bearer, "text/plain", strings.Repeat("word ", 30), 413},
		{"empty", bearer, "text/plain", "", 422},
		{"ok", bearer, "text/plain; charset=utf-8", "Turkey met Russia in Astana.", 200},
	} {
		rec := post(t, h, "/api/ingest/file", tt.auth, tt.ct, tt.body)
		if rec.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, rec.Code, rec.Body, tt.status)
			continue
		}
		if tt.status == 401 && rec.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("%s: no WWW-Authenticate", tt.name)
		}
		if tt.status == 200 {
			var res struct {
				ID      int64
				Created bool
				URL     string
			}
			json.Unmarshal(rec.Body.Bytes(), &res)
			if res.ID == 0 || !res.Created || !strings.HasPrefix(res.URL, "upload:sha256:") {
				t.Errorf("ingested %+v", res)
			}
			var a struct{ Text string }
			getJSON(t, h, "/api/articles/"+itoa(res.ID), 200, &a)
			if a.Text != tt.body {
				t.Errorf("stored text %q", a.Text)
			}
		}
	}
	if rec := get(t, h, "GET", "/api/ingest/file"); rec.Code != 405 || rec.Header().Get("Allow") != "POST" {
		t.Errorf("GET on an ingest endpoint: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	if rec := post(t, h, "/api/ingest/file?url=not-a-url", bearer, "text/plain", "x"); rec.Code != 400 {
		t.Errorf("a bad url name: %d", rec.Code)
	}
	if rec := post(t, h, "/api/events", bearer, "text/plain", "x"); rec.Code != 405 {
		t.Errorf("POST on a read endpoint: %d", rec.Code)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestIngestRate(t *testing.T) {
	s := newStore(t)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	h := web.New(s, nil, web.Options{Token: token, Ingest: storeIngest(s), IngestRate: 0.5, Now: func() time.Time { return now }})
	codes := ""
	for i := range 7 {
		rec := post(t, h, "/api/ingest/file", "Bearer "+token, "text/plain", "Words number "+itoa(int64(i)))
		codes += itoa(int64(rec.Code)) + " "
		if rec.Code == 429 && rec.Header().Get("Retry-After") != "2" {
			t.Errorf("Retry-After %q, want 2", rec.Header().Get("Retry-After"))
		}
	}
	if codes != "200 200 200 200 200 429 429 " {
		t.Errorf("a burst of 7: %s", codes)
	}
	now = now.Add(2 * time.Second)
	if rec := post(t, h, "/api/ingest/file", "Bearer "+token, "text/plain", "Later words"); rec.Code != 200 {
		t.Errorf("after 2 s at 0.5/s: %d", rec.Code)
	}
}

// TestIngestURLGuard fetches through the real fetcher and GuardedClient:
// a loopback server is refused unless private targets are allowed.
func TestIngestURLGuard(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Russia and Turkey met in Astana on Friday."))
	}))
	defer page.Close()
	for _, allow := range []bool{false, true} {
		s := newStore(t)
		f := source.NewFetcher(web.GuardedClient(allow, 5*time.Second), source.FetcherOptions{IgnoreRobots: true, Rate: -1})
		h := web.New(s, nil, web.Options{Token: token, Ingest: storeIngest(s), Fetch: f.Fetch})
		rec := post(t, h, "/api/ingest/url", "Bearer "+token, "application/json", `{"url": "`+page.URL+`/news"}`)
		want := 403
		if allow {
			want = 200
		}
		if rec.Code != want {
			t.Errorf("allow private %v: %d %s, want %d", allow, rec.Code, rec.Body, want)
		}
	}
	s := newStore(t)
	h := web.New(s, nil, web.Options{Token: token, Ingest: storeIngest(s),
		Fetch: source.NewFetcher(web.GuardedClient(false, 5*time.Second), source.FetcherOptions{IgnoreRobots: true}).Fetch})
	for _, body := range []string{`{"url": "file:///etc/passwd"}`, `{"url": "http://user:pw@example.com/"}`, `{"url": 1}`, `not json`, `{"url": "https://example.com", "x": 1}`} {
		if rec := post(t, h, "/api/ingest/url", "Bearer "+token, "application/json", body); rec.Code != 400 {
			t.Errorf("%s: %d, want 400", body, rec.Code)
		}
	}
}

func TestPublicIP(t *testing.T) {
	for _, tt := range []struct {
		ip     string
		public bool
	}{
		{"127.0.0.1", false}, {"10.1.2.3", false}, {"172.16.0.1", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"0.0.0.0", false}, {"100.64.0.1", false}, {"224.0.0.1", false},
		{"::1", false}, {"fe80::1", false}, {"fc00::1", false}, {"::ffff:127.0.0.1", false}, {"::", false},
		{"8.8.8.8", true}, {"93.184.216.34", true}, {"2606:4700:4700::1111", true},
	} {
		if got := web.PublicIP(net.ParseIP(tt.ip)); got != tt.public {
			t.Errorf("PublicIP(%s) = %v, want %v", tt.ip, got, tt.public)
		}
	}
}
