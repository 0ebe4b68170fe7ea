package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
	"github.com/eventwire/eventwire/internal/web"
	"github.com/eventwire/eventwire/text"
)

// span returns the byte span of the first word w in s.
func span(s, w string) text.Span {
	i := strings.Index(s, w)
	if i < 0 {
		panic(w + " not in " + s)
	}
	return text.Span{Start: int32(i), End: int32(i + len(w))}
}

// newStore returns a store with three articles: two report Russia's
// strikes on Syrian rebels (one event, merged), the third holds markup in
// its title and text.
func newStore(t *testing.T) eventwire.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	type ev struct{ cameo, plover, src, tgt, date, srcW, verbW, tgtW string }
	for _, st := range []struct {
		url, title, body string
		evs              []ev
	}{
		{"https://a.example/1", "Strikes on Aleppo", "Russian aircraft bombed rebels in Aleppo.", []ev{
			{"195", "ASSAULT", "RUSMIL", "SYRREB", "2016-12-20", "Russian aircraft", "bombed", "rebels"}}},
		{"https://b.example/2", "Aleppo bombed", "Russian aircraft bombed rebels near Aleppo on Tuesday.", []ev{
			{"195", "ASSAULT", "RUSMIL", "SYRREB", "2016-12-20", "Russian aircraft", "bombed", "rebels"},
			{"040", "CONSULT", "TURGOV", "RUSGOV", "2016-12-21", "", "", ""}}},
		{"https://c.example/3", "<script>alert(1)</script> Talks", "Turkey met Russia <script>alert(2)</script> in Astana.", []ev{
			{"040", "CONSULT", "TURGOV", "RUSGOV", "2016-12-23", "Turkey", "met", "Russia"},
			{"111", "ACCUSE", "IRN", "USA", "2017-01-02", "", "", ""}}},
	} {
		x := storetest.Story(st.url, st.title, st.body)
		x.Events = nil
		for _, e := range st.evs {
			var evd eventwire.Evidence
			if e.srcW != "" {
				evd = eventwire.Evidence{Source: span(st.body, e.srcW), Verb: span(st.body, e.verbW), Target: span(st.body, e.tgtW)}
			}
			x.Events = append(x.Events, eventwire.Event{CAMEO: e.cameo, PLOVER: e.plover, Date: e.date, QuadClass: 4,
				Source: eventwire.Actor{Code: e.src, Text: e.srcW}, Target: eventwire.Actor{Code: e.tgt, Text: e.tgtW},
				Evidence: evd, Confidence: 0.8})
		}
		if _, err := s.PutStory(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.MergeEvents(ctx, 1, false); err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// getJSON GETs target, wants status and decodes the body into v.
func getJSON(t *testing.T, h http.Handler, target string, status int, v any) string {
	t.Helper()
	rec := get(t, h, "GET", target)
	if rec.Code != status {
		t.Fatalf("GET %s: %d %s, want %d", target, rec.Code, rec.Body, status)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q", target, ct)
	}
	if v != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Fatalf("GET %s: %v in %s", target, err, rec.Body)
		}
	}
	return rec.Body.String()
}

type eventsPage struct {
	Events []eventwire.EventRecord `json:"events"`
	Next   *string                 `json:"next"`
}

func TestEventsFilters(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"", "195 195 040 040 111"},
		{"?actor=rus", "195 195 040 040"},
		{"?source=TUR", "040 040"},
		{"?target=USA", "111"},
		{"?code=19", "195 195"},
		{"?plover=ACCUSE", "111"},
		{"?from=2016-12-21&to=2016-12-23", "040 040"},
		{"?text=Astana", "040 111"},
		{"?actor=CHN", ""},
	} {
		var p eventsPage
		getJSON(t, h, "/api/events"+tt.query, 200, &p)
		var got []string
		for _, r := range p.Events {
			got = append(got, r.Event.CAMEO)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %q, want %q", tt.query, g, tt.want)
		}
		if p.Next != nil {
			t.Errorf("%s: next %q on the only page", tt.query, *p.Next)
		}
	}
}

func TestEventsPaging(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	seen := map[int64]bool{}
	pages := 0
	for after := ""; ; pages++ {
		var p eventsPage
		getJSON(t, h, "/api/events?limit=2"+after, 200, &p)
		if len(p.Events) > 2 {
			t.Fatalf("page of %d", len(p.Events))
		}
		for _, r := range p.Events {
			if seen[r.ID] {
				t.Errorf("event %d twice", r.ID)
			}
			seen[r.ID] = true
		}
		if p.Next == nil {
			break
		}
		after = "&after=" + *p.Next
	}
	if len(seen) != 5 || pages != 2 {
		t.Errorf("%d events in %d pages after the first, want 5 in 2", len(seen), pages)
	}
	// A limit above the maximum is cut to it.
	var p eventsPage
	getJSON(t, web.New(newStore(t), nil, web.Options{MaxLimit: 3}), "/api/events?limit=1000", 200, &p)
	if len(p.Events) != 3 || p.Next == nil {
		t.Errorf("limit above the maximum: %d events, next %v", len(p.Events), p.Next)
	}
}

func TestMerged(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	var p struct {
		Events []eventwire.MergedEvent `json:"events"`
		Next   *string                 `json:"next"`
	}
	getJSON(t, h, "/api/events/merged?code=195", 200, &p)
	if len(p.Events) != 1 || p.Events[0].Articles != 2 {
		t.Fatalf("merged 195: %+v", p.Events)
	}
	var alias struct {
		Events []eventwire.MergedEvent `json:"events"`
	}
	getJSON(t, h, "/api/events?merged=true&code=195", 200, &alias)
	if len(alias.Events) != 1 || alias.Events[0].ID != p.Events[0].ID {
		t.Errorf("?merged=true: %+v", alias.Events)
	}
	var me struct {
		eventwire.MergedEvent
		Mentions []struct {
			ID       int64 `json:"id"`
			Sentence []struct{ Text, Role string }
		} `json:"mentions"`
	}
	getJSON(t, h, fmt.Sprintf("/api/events/merged/%d", p.Events[0].ID), 200, &me)
	if len(me.Mentions) != 2 {
		t.Fatalf("mentions: %+v", me.Mentions)
	}
	var roles []string
	for _, s := range me.Mentions[1].Sentence {
		roles = append(roles, s.Role+":"+s.Text)
	}
	if got, want := strings.Join(roles, "|"), "source:Russian aircraft|: |verb:bombed|: |target:rebels|: near Aleppo on Tuesday."; got != want {
		t.Errorf("segments %q, want %q", got, want)
	}
	getJSON(t, h, "/api/events/merged/999", 404, nil)
}

func TestEventDetail(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	var m struct {
		eventwire.EventRecord
		Sentence []struct{ Text, Role string } `json:"sentence"`
	}
	getJSON(t, h, "/api/events/4", 200, &m)
	if m.ID != 4 || m.Event.CAMEO != "040" || m.Title != "<script>alert(1)</script> Talks" {
		t.Errorf("event 4: %+v", m.EventRecord)
	}
	var all []string
	for _, s := range m.Sentence {
		all = append(all, s.Text)
	}
	if got := strings.Join(all, ""); got != "Turkey met Russia <script>alert(2)</script> in Astana." {
		t.Errorf("sentence %q", got)
	}
	getJSON(t, h, "/api/events/99", 404, nil)
	getJSON(t, h, "/api/events/x", 400, nil)
	getJSON(t, h, "/api/events/0", 400, nil)
}

func TestArticles(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	var p struct {
		Articles []eventwire.ArticleSummary `json:"articles"`
		Next     *string                    `json:"next"`
	}
	n := 0
	for after := ""; ; {
		getJSON(t, h, "/api/articles?limit=2"+after, 200, &p)
		n += len(p.Articles)
		if p.Next == nil {
			break
		}
		after = "&after=" + *p.Next
	}
	if n != 3 {
		t.Errorf("%d articles paged, want 3", n)
	}
	getJSON(t, h, "/api/articles?text=Astana", 200, &p)
	if len(p.Articles) != 1 || p.Articles[0].ID != 3 {
		t.Errorf("search: %+v", p.Articles)
	}
	var a struct {
		Title      string   `json:"title"`
		Text       string   `json:"text"`
		Paragraphs []string `json:"paragraphs"`
		Events     []struct {
			CAMEO        string                        `json:"cameo"`
			Evidence     eventwire.Evidence            `json:"evidence"`
			SentenceText []struct{ Text, Role string } `json:"sentence_text"`
		} `json:"events"`
	}
	body := getJSON(t, h, "/api/articles/3", 200, &a)
	if len(a.Events) != 2 || a.Events[0].Evidence.Verb != span(a.Text, "met") || len(a.Paragraphs) != 1 {
		t.Errorf("article 3: %+v", a)
	}
	// Markup in article text reaches clients only JSON-escaped.
	if strings.Contains(body, "<script>") || !strings.Contains(body, `\u003cscript\u003e`) {
		t.Errorf("article text not escaped: %s", body)
	}
	if strings.Contains(body, "<html>") || strings.Contains(body, `\u003chtml\u003e`) {
		t.Errorf("the raw page was served: %s", body)
	}
	getJSON(t, h, "/api/articles/77", 404, nil)
}

func TestActorsTimelineStats(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	var net struct {
		Actors []struct {
			Code     string `json:"code"`
			AsSource int64  `json:"as_source"`
			AsTarget int64  `json:"as_target"`
		} `json:"actors"`
		Links []struct {
			Source, Target string
			Events         int64
		} `json:"links"`
	}
	getJSON(t, h, "/api/actors", 200, &net)
	if len(net.Links) != 3 || net.Links[0].Source != "RUSMIL" || net.Links[0].Events != 2 {
		t.Errorf("links %+v", net.Links)
	}
	if len(net.Actors) != 6 || net.Actors[0].Code != "RUSGOV" && net.Actors[0].Code != "RUSMIL" && net.Actors[0].Code != "TURGOV" {
		t.Errorf("actors %+v", net.Actors)
	}
	var actor struct {
		Code     string `json:"code"`
		AsSource int64  `json:"as_source"`
		AsTarget int64  `json:"as_target"`
		Events   []eventwire.EventRecord
	}
	getJSON(t, h, "/api/actors/rus", 200, &actor)
	if actor.Code != "RUS" || actor.AsSource != 2 || actor.AsTarget != 2 || len(actor.Events) != 4 {
		t.Errorf("actor RUS: %+v", actor)
	}
	getJSON(t, h, "/api/actors/CHN", 404, nil)
	var pl struct {
		Place    eventwire.Place            `json:"place"`
		Articles []eventwire.ArticleSummary `json:"articles"`
	}
	getJSON(t, h, "/api/places/98182?limit=2", 200, &pl)
	if pl.Place.Name != "Baghdad" || len(pl.Articles) != 2 {
		t.Errorf("place: %+v", pl)
	}
	getJSON(t, h, "/api/places/1", 404, nil)
	getJSON(t, h, "/api/actors/R-S", 400, nil)
	var tl struct {
		Days []struct {
			Day    string   `json:"day"`
			Counts [5]int64 `json:"counts"`
		} `json:"days"`
	}
	getJSON(t, h, "/api/timeline?actor=RUS", 200, &tl)
	if len(tl.Days) != 3 || tl.Days[0].Day != "2016-12-20" || tl.Days[0].Counts[4] != 2 {
		t.Errorf("timeline %+v", tl.Days)
	}
	var st eventwire.StoreStats
	getJSON(t, h, "/api/stats", 200, &st)
	if st.Articles != 3 || st.Events != 5 {
		t.Errorf("stats %+v", st)
	}
}

func TestErrors(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	for _, tt := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/api/events?from=20161220", 400},
		{"GET", "/api/events?to=yesterday", 400},
		{"GET", "/api/events?code=1a", 400},
		{"GET", "/api/events?actor=R%27S", 400},
		{"GET", "/api/events?limit=0", 400},
		{"GET", "/api/events?limit=x", 400},
		{"GET", "/api/events?after=-1", 400},
		{"GET", "/api/events?actr=RUS", 400},
		{"GET", "/api/events?actor=RUS&actor=TUR", 400},
		{"GET", "/api/events?merged=maybe", 400},
		{"GET", "/api/events?text=" + strings.Repeat("a", 300), 400},
		{"GET", "/api/stats?x=1", 400},
		{"GET", "/api/nothing", 404},
		{"POST", "/api/events", 405},
		{"DELETE", "/api/articles/1", 405},
		{"OPTIONS", "/api/events", 405},
		{"PUT", "/", 405},
	} {
		rec := get(t, h, tt.method, tt.target)
		if rec.Code != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.target, rec.Code, tt.status)
			continue
		}
		var e struct{ Error string }
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
			t.Errorf("%s %s: body %q is not an error object", tt.method, tt.target, rec.Body)
		}
		if tt.status == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s %s: Allow %q", tt.method, tt.target, rec.Header().Get("Allow"))
		}
	}
}

func TestServerErrorHidesDetail(t *testing.T) {
	s := newStore(t)
	s.Close() // every query fails now
	rec := get(t, web.New(s, nil, web.Options{}), "GET", "/api/events")
	if rec.Code != 500 || strings.TrimSpace(rec.Body.String()) != `{"error":"internal error"}` {
		t.Errorf("closed store: %d %s", rec.Code, rec.Body)
	}
}

func TestHeaders(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	for _, target := range []string{"/", "/app.js", "/api/events", "/api/nothing", "/api/openapi.json"} {
		rec := get(t, h, "GET", target)
		hd := rec.Header()
		if !strings.Contains(hd.Get("Content-Security-Policy"), "default-src 'self'") ||
			hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") != "no-referrer" ||
			hd.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: security headers missing: %v", target, hd)
		}
		if hd.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: CORS header set", target)
		}
	}
	req := httptest.NewRequest("GET", "/api/events", nil)
	req.Header.Set("Origin", "https://evil.example")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS answered for another origin")
	}
	if rec := get(t, h, "HEAD", "/api/stats"); rec.Code != 200 {
		t.Errorf("HEAD: %d", rec.Code)
	}
}

// TestOpenAPICoversRoutes checks that the served OpenAPI document lists
// every route the handler answers, and nothing else.
func TestOpenAPICoversRoutes(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{})
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	getJSON(t, h, "/api/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var documented []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	routes := web.Routes()
	sort.Strings(documented)
	sort.Strings(routes)
	if strings.Join(documented, ",") != strings.Join(routes, ",") {
		t.Errorf("documented\n%v\nroutes\n%v", documented, routes)
	}
	// Each GET route answers something other than the catch-all 404.
	for _, r := range routes {
		path, ok := strings.CutPrefix(r, "GET ")
		if !ok {
			continue
		}
		target := strings.NewReplacer("{id}", "1", "{code}", "RUS").Replace(path)
		if path == "/api/places/{id}" {
			target = "/api/places/98182"
		}
		if rec := get(t, h, "GET", target); rec.Code != 200 {
			t.Errorf("GET %s: %d %s", target, rec.Code, rec.Body)
		}
	}
}

// TestUINeverParsesText checks the UI's scripts: text from the store goes
// into the page through textContent and createElement only, never through
// APIs that parse markup.
func TestUINeverParsesText(t *testing.T) {
	bad := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|srcdoc`)
	n := 0
	err := fs.WalkDir(os.DirFS("static"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join("static", p))
		if err != nil {
			return err
		}
		n++
		if strings.HasSuffix(p, ".js") {
			if m := bad.Find(b); m != nil {
				t.Errorf("%s uses %s", p, m)
			}
		}
		if strings.HasSuffix(p, ".html") {
			if regexp.MustCompile(`(?i)<script>|<style|\son[a-z]+=|https?://`).Match(b) {
				t.Errorf("%s has inline script, style, handlers or an outside URL", p)
			}
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("reading static: %v (%d files)", err, n)
	}
}

// TestUISmoke runs the UI's script in Node, when Node is installed, with
// a minimal DOM of its own (testdata/uismoke.js) against a real server,
// and checks that every view renders without an error, that markup in
// article text arrives as text, and that the event page marks source,
// verb and target. The script waits for each view to say it has rendered
// (aria-busy), within a budget taken from the test's deadline.
func TestUISmoke(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	// The server's own bound on a request is generous too: on a loaded
	// machine a 503 would be a failure of the machine, not of the UI.
	srv := httptest.NewServer(web.New(newStore(t), nil, web.Options{Timeout: time.Minute}))
	defer srv.Close()
	ctx, cancel := testContext(t, 5*time.Minute)
	defer cancel()
	// Node gets most of the time left, so that it reports a view that does
	// not render itself, with what it shows, before it is killed.
	dl, _ := ctx.Deadline()
	budget := time.Until(dl) * 9 / 10
	routes := []string{"#/", "#/events?actor=RUS&code=19", "#/events?merged=true", "#/event/4", "#/merged/1",
		"#/article/3", "#/place/98182", "#/articles?text=Astana", "#/timeline", "#/actors", "#/actor/RUS", "#/map"}
	cmd := exec.CommandContext(ctx, node, append([]string{"testdata/uismoke.js", srv.URL + "/", strconv.FormatInt(budget.Milliseconds(), 10)}, routes...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("node after %v (budget %v, context: %v): %v\nstdout:\n%s\nstderr:\n%s",
			time.Since(start).Round(time.Millisecond), budget.Round(time.Millisecond), ctx.Err(), err, &stdout, &stderr)
	}
	out := stdout.String()
	views := map[string]string{}
	var last string
	for _, line := range strings.SplitAfter(out, "\n") {
		if r, ok := strings.CutPrefix(line, "== #"); ok {
			last = "#" + strings.TrimSuffix(r, "\n")
			views[last] = ""
			continue
		}
		if last != "" {
			views[last] += line
		}
	}
	for _, tt := range []struct{ route, want string }{
		{"#/", "5 events"},
		{"#/events?actor=RUS&code=19", "2 events"},
		{"#/events?merged=true", "merged events"},
		{"#/event/4", "Turkey met Russia <script>alert(2)</script> in Astana."},
		{"#/merged/1", "2 mentions"},
		{"#/article/3", "<script>alert(1)</script> Talks"},
		{"#/article/3", "Baghdad (IQ) 33.34, 44.40"},
		{"#/articles?text=Astana", "Talks"},
		{"#/timeline", "2016-12-20"},
		{"#/actors", "RUSMIL"},
		{"#/actor/RUS", "Actor RUS"},
		{"#/map", "places"},
		{"#/place/98182", "3 articles mention it"},
	} {
		v, ok := views[tt.route]
		if !ok {
			t.Errorf("%s: not shown; node printed:\n%s", tt.route, out)
			continue
		}
		if !strings.Contains(v, tt.want) {
			t.Errorf("%s: no %q in\n%s", tt.route, tt.want, v)
		}
	}
	t.Logf("node took %v\n%s%s", time.Since(start).Round(time.Millisecond), out, &stderr)
}

// testContext returns a context that ends with t, and at the latest limit
// from now or shortly before the test binary's deadline (go test
// -timeout), whichever comes first: a test that waits on it fails with
// what it saw, rather than the binary panicking with a dump of goroutines.
func testContext(t *testing.T, limit time.Duration) (context.Context, context.CancelFunc) {
	dl := time.Now().Add(limit)
	if td, ok := t.Deadline(); ok {
		// Leave a tenth of what is left, at most a minute, to report.
		if d := td.Add(-min(time.Until(td)/10, time.Minute)); d.Before(dl) {
			dl = d
		}
	}
	return context.WithDeadline(t.Context(), dl)
}

// TestTimeout checks that a request that runs out of time is 503 with a
// JSON error, not a hang or a 500.
func TestTimeout(t *testing.T) {
	h := web.New(newStore(t), nil, web.Options{Timeout: time.Nanosecond})
	rec := get(t, h, "GET", "/api/events")
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("timed out: %d %s", rec.Code, rec.Body)
	}
}

// The SQLite store serves place pages.
var _ web.PlaceLister = (*sqlite.Store)(nil)
