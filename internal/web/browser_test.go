package web_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/web"
)

// The browser tests drive the web UI in headless Chromium against the real
// server (web.NewServer on 127.0.0.1) over a store filled by the real
// pipeline with the demo articles (demoStore). Every wait is for a DOM
// condition, never for a time: a view sets main's aria-busy to "false"
// when it has rendered. The bounds below are generous for a loaded machine
// and the race detector; the browser's also ends before the test binary's
// deadline (testContext), so that a hang fails with what the page showed.
const (
	browserTimeout = 4 * time.Minute  // the whole browser part
	stepTimeout    = 90 * time.Second // one navigation or wait
)

// findChromium returns the path of Chromium's binary. When there is none
// the test skips, or fails under CI=true: CI installs it (.ci/run).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "chromium is not installed (apt-get install chromium; .ci/run installs it): the browser tests of the web UI cannot run"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// demoFacts are what the store says the UI should show.
type demoFacts struct {
	events []eventwire.EventRecord // all events, in ID order
	// places counts the located events per map place key (placeKey in
	// app.js: the GeoNames ID, else the point).
	places map[string][]int64
	// event is an event whose source, verb and target spans are all set and
	// apart, with the text of each.
	event                eventwire.EventRecord
	source, verb, target string
	actor                string // an actor code some events have, not all
	actorEvents          int
}

func readFacts(t *testing.T, s *sqlite.Store) demoFacts {
	t.Helper()
	ctx := context.Background()
	recs, err := s.Events(ctx, eventwire.EventFilter{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	f := demoFacts{events: recs, places: map[string][]int64{}, actor: "RUS"}
	for _, r := range recs {
		if l := r.Event.Location; l != nil {
			k := strconv.FormatInt(l.GeonameID, 10)
			if l.GeonameID == 0 {
				k = fmt.Sprintf("%.3f,%.3f", l.Lat, l.Lon)
			}
			f.places[k] = append(f.places[k], r.ID)
		}
		if strings.HasPrefix(r.Event.Source.Code, f.actor) || strings.HasPrefix(r.Event.Target.Code, f.actor) {
			f.actorEvents++
		}
	}
	if len(f.places) < 5 || f.actorEvents == 0 || f.actorEvents >= len(recs) {
		t.Fatalf("demo store: %d events, %d places, %d %s events: too few to test the UI with", len(recs), len(f.places), f.actorEvents, f.actor)
	}
	for _, r := range recs {
		ev := r.Event.Evidence
		spans := []struct{ s, e int32 }{{ev.Source.Start, ev.Source.End}, {ev.Verb.Start, ev.Verb.End}, {ev.Target.Start, ev.Target.End}}
		ok := true
		for i, a := range spans {
			ok = ok && a.s < a.e
			for _, b := range spans[:i] {
				ok = ok && (a.e <= b.s || b.e <= a.s)
			}
		}
		if !ok || r.Event.Location == nil {
			continue
		}
		st, err := s.Story(ctx, r.StoryID)
		if err != nil {
			t.Fatal(err)
		}
		txt := st.Article.Text
		f.event = r
		f.source, f.verb, f.target = txt[ev.Source.Start:ev.Source.End], txt[ev.Verb.Start:ev.Verb.End], txt[ev.Target.Start:ev.Target.End]
		break
	}
	if f.event.ID == 0 {
		t.Fatal("no located event with source, verb and target spans")
	}
	return f
}

// serve starts the real server over s on a free loopback port and returns
// its base URL; the server's log must stay free of errors and warnings.
func serve(t *testing.T, s eventwire.Store) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var logBuf syncBuffer
	srv := web.NewServer(ln.Addr().String(), web.New(s, slog.New(slog.NewTextHandler(&logBuf, nil)), web.Options{Timeout: time.Minute}))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("serve: %v", err)
		}
		if l := logBuf.String(); strings.Contains(l, "level=ERROR") || strings.Contains(l, "level=WARN") {
			t.Errorf("server log:\n%s", l)
		}
	})
	return "http://" + ln.Addr().String() + "/"
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// browser is one headless Chromium tab on the UI, with what went wrong in
// it since the last check: console errors and warnings, exceptions, error
// and warning entries of the browser's log (CSP violations among them),
// failed requests and HTTP errors.
type browser struct {
	ctx   context.Context
	base  string
	shots string // where screenshots go; "" for none

	mu       sync.Mutex
	urls     map[network.RequestID]string
	problems []string
}

func newBrowser(t *testing.T, chromium, base string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.WindowSize(1280, 900), chromedp.UserDataDir(t.TempDir()))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses root with its sandbox
	}
	// The browser lives at most browserTimeout: a hang fails the test.
	bctx, cancelAll := testContext(t, browserTimeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(bctx, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	b := &browser{ctx: ctx, base: base, shots: os.Getenv("EVENTWIRE_SCREENSHOTS"), urls: map[network.RequestID]string{}}
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelAll()
	})
	start := time.Now()
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", chromium, err)
	}
	if err := chromedp.Listen(ctx, b.listen); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s started in %v", chromium, time.Since(start).Round(time.Millisecond))
	if b.shots != "" {
		if err := os.MkdirAll(b.shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// listen runs in the tab's message loop: it only records.
func (b *browser) listen(ev any) {
	var p string
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			p = "console." + string(ev.Type) + ": " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		p = "exception: " + d.Text
		if d.Exception != nil {
			p += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning {
			p = fmt.Sprintf("log %s (%s): %s %s", e.Level, e.Source, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		b.urls[ev.RequestID] = ev.Request.URL
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			p = fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	case *network.EventLoadingFailed:
		p = fmt.Sprintf("request for %s failed: %s %s", b.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason)
	}
	if p != "" {
		b.problems = append(b.problems, p)
	}
}

// check fails t with every problem seen since the last check.
func (b *browser) check(t *testing.T, where string) {
	t.Helper()
	b.mu.Lock()
	ps := b.problems
	b.problems = nil
	b.mu.Unlock()
	for _, p := range ps {
		t.Errorf("%s: %s", where, p)
	}
}

// do runs actions within stepTimeout.
func (b *browser) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.check(t, what)
		t.Fatalf("%s: %v\n%s", what, err, b.seen())
	}
}

// seen describes what the page shows, for the message of a step that
// failed: its hash, whether main is busy, and main's text.
func (b *browser) seen() string {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const m = document.querySelector("main");
		if (!m) return location.href + ": no main";
		return location.href + ", main aria-busy=" + m.getAttribute("aria-busy") +
			(m.querySelector("h1[data-stale]") ? ", the old view's heading still shown" : "") +
			", main shows:\n" + m.innerText.replace(/\s*\n\s*/g, "\n").trim().slice(0, 2000);
	})()`))
	if err != nil {
		return "(what the page shows is unknown: " + err.Error() + ")"
	}
	return s
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v\n%s", expr, err, b.seen())
	}
	return v
}

// viewDone is the DOM condition of a rendered view: main is not busy, and
// no heading marked stale (markStale) is left.
const viewDone = `main[aria-busy="false"]:not(:has(h1[data-stale]))`

// open loads the UI afresh at route ("#/map"), waits until its view has
// rendered and checks that it shows no error.
func (b *browser) open(t *testing.T, route string) {
	t.Helper()
	b.openAt(t, b.base, route)
}

// openAt is open on the server at base.
func (b *browser) openAt(t *testing.T, base, route string) {
	t.Helper()
	b.do(t, "opening "+route, chromedp.Navigate("about:blank"), chromedp.Navigate(base+route),
		chromedp.WaitVisible(chromedp.CSS(viewDone)))
	b.viewOK(t, route)
}

// markStale marks the current view's heading, so that viewDone waits for
// the next view after an action that changes the hash.
func (b *browser) markStale(t *testing.T) {
	t.Helper()
	eval[chromedp.Void](t, b, `document.querySelectorAll("main h1").forEach((h) => h.setAttribute("data-stale", ""))`)
}

// waitView waits for the view that an action after markStale opened.
func (b *browser) waitView(t *testing.T, what string) {
	t.Helper()
	b.do(t, what, chromedp.WaitVisible(chromedp.CSS(viewDone)))
	b.viewOK(t, what)
}

// viewOK checks that the view has a heading and no error message, and that
// nothing went wrong on the way.
func (b *browser) viewOK(t *testing.T, where string) {
	t.Helper()
	if msg := eval[string](t, b, `[...document.querySelectorAll("main .error")].map((e) => e.textContent).join("; ")`); msg != "" {
		t.Errorf("%s: the page shows an error: %s", where, msg)
	}
	if h := eval[string](t, b, `(document.querySelector("main h1") || {}).textContent || ""`); strings.TrimSpace(h) == "" {
		t.Errorf("%s: no heading", where)
	}
	b.check(t, where)
}

// shot saves a screenshot of the whole page as DIR/name.png when
// EVENTWIRE_SCREENSHOTS=DIR.
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	if b.shots == "" {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// row is a row of the view's event table: its event and the actor codes
// it shows (rowsJS reads them all, in order).
type row struct {
	ID     int64  `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
}

const rowsJS = `[...document.querySelectorAll("main table tbody tr")].filter((tr) => tr.querySelector('a[href^="#/event/"]')).map((tr) => ({
	id: Number(tr.querySelector('a[href^="#/event/"]').getAttribute("href").slice(8)),
	source: tr.cells[3].textContent, target: tr.cells[4].textContent}))`

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser tests ingest the demo articles and drive Chromium")
	}
	chromium := findChromium(t)
	store := demoStore(t)
	facts := readFacts(t, store)
	b := newBrowser(t, chromium, serve(t, store))

	// Every page loads with no console error, no exception, no failed
	// request and no error shown.
	b.open(t, "#/events?merged=true")
	b.shot(t, "events-merged")
	mergedID := eval[int64](t, b, `(() => { const a = document.querySelector('main tbody a[href^="#/merged/"]'); return a ? Number(a.getAttribute("href").slice(9)) : 0; })()`)
	if mergedID == 0 {
		t.Fatal("the merged events list has no links")
	}
	loc := facts.event.Event.Location
	for _, p := range []struct{ name, route string }{
		{"events", "#/"},
		{"event", fmt.Sprintf("#/event/%d", facts.event.ID)},
		{"merged-event", fmt.Sprintf("#/merged/%d", mergedID)},
		{"article", fmt.Sprintf("#/article/%d", facts.event.StoryID)},
		{"articles", "#/articles"},
		{"timeline", "#/timeline"},
		{"actors", "#/actors"},
		{"actor", "#/actor/" + facts.actor},
		{"place", fmt.Sprintf("#/place/%d", loc.GeonameID)},
		{"map", "#/map"},
	} {
		b.open(t, p.route)
		b.shot(t, p.name)
	}

	t.Run("filter", func(t *testing.T) {
		b.open(t, "#/")
		all := eval[[]row](t, b, rowsJS)
		b.markStale(t)
		b.do(t, "filtering", chromedp.SendKeys(chromedp.CSS(`main form input[name="actor"]`), facts.actor),
			chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)))
		b.waitView(t, "the filtered list")
		if h := eval[string](t, b, "location.hash"); h != "#/events?actor="+facts.actor {
			t.Errorf("hash %q after filtering", h)
		}
		got := eval[[]row](t, b, rowsJS)
		if len(got) == 0 || len(got) >= len(all) || len(got) != min(facts.actorEvents, 100) {
			t.Errorf("%d rows after filtering by %s, %d before; the store has %d such events", len(got), facts.actor, len(all), facts.actorEvents)
		}
		for _, r := range got {
			if !strings.HasPrefix(r.Source, facts.actor) && !strings.HasPrefix(r.Target, facts.actor) {
				t.Errorf("event %d (%s → %s) does not match actor %s", r.ID, r.Source, r.Target, facts.actor)
			}
		}
		b.shot(t, "events-filtered")
	})

	t.Run("event", func(t *testing.T) {
		b.open(t, fmt.Sprintf("#/event/%d", facts.event.ID))
		type mark struct {
			Text, Background string
		}
		marks := eval[map[string]mark](t, b, `Object.fromEntries(["source", "verb", "target"].map((r) => {
			const m = document.querySelector("main p.sentence mark." + r);
			return [r, m ? {text: m.textContent, background: getComputedStyle(m).backgroundColor} : {text: "", background: ""}];
		}))`)
		bg := map[string]string{}
		for role, want := range map[string]string{"source": facts.source, "verb": facts.verb, "target": facts.target} {
			m := marks[role]
			if m.Text != want {
				t.Errorf("the %s is highlighted as %q, want %q", role, m.Text, want)
			}
			if m.Background == "" || m.Background == "rgba(0, 0, 0, 0)" || m.Background == "transparent" {
				t.Errorf("the %s mark has no background (%q)", role, m.Background)
			}
			bg[m.Background] = role
		}
		if len(bg) != 3 {
			t.Errorf("source, verb and target share colours: %v", marks)
		}
		if place := eval[string](t, b, `[...document.querySelectorAll("main dl.meta dt")].filter((d) => d.textContent === "Place").map((d) => d.nextElementSibling.textContent).join("")`); !strings.HasPrefix(place, loc.Name) {
			t.Errorf("place %q, want %s", place, loc.Name)
		}
	})

	t.Run("map", func(t *testing.T) {
		b.open(t, "#/map")
		if n := eval[int](t, b, `document.querySelectorAll("main svg.map path.land").length`); n < 170 {
			t.Errorf("%d countries drawn, want the 177 of Natural Earth", n)
		}
		markers := mapMarkers(t, b)
		if len(markers) != len(facts.places) {
			t.Errorf("%d markers, want one for each of the %d places of located events", len(markers), len(facts.places))
		}
		for _, m := range markers {
			ids := facts.places[m.Place]
			if ids == nil {
				t.Errorf("marker for place %q, which no event is located at", m.Place)
				continue
			}
			if !strings.HasSuffix(m.Label, fmt.Sprintf(": %d events", len(ids))) && !(len(ids) == 1 && strings.HasSuffix(m.Label, ": 1 event")) {
				t.Errorf("marker %q: want %d events", m.Label, len(ids))
			}
			l := locationOf(facts, ids[0])
			if x, y := (l.Lon+180)*1000/360, (84-l.Lat)*1000/360; math.Abs(x-m.CX) > 0.06 || math.Abs(y-m.CY) > 0.06 {
				t.Errorf("marker %q at (%.1f, %.1f), want (%.1f, %.1f) for %.4f, %.4f", m.Label, m.CX, m.CY, x, y, l.Lat, l.Lon)
			}
			if !m.Inside {
				t.Errorf("marker %q lies outside the map as drawn", m.Label)
			}
		}
		pick := busiest(markers, facts.places)
		if pick == nil {
			t.Fatal("no marker can be clicked at its centre")
		}
		// A click on a marker narrows the list under the map to its place.
		b.markStale(t)
		b.do(t, "clicking "+pick.Label, chromedp.MouseClickXY(pick.X, pick.Y))
		b.waitView(t, "the map of "+pick.Label)
		got := eval[[]row](t, b, rowsJS)
		var ids []int64
		for _, r := range got {
			ids = append(ids, r.ID)
		}
		if want := facts.places[pick.Place]; !slices.Equal(ids, want) {
			t.Errorf("after clicking %q the list shows events %v, want %v", pick.Label, ids, want)
		}
		if n := eval[int](t, b, `document.querySelectorAll("main svg.map a.marker.chosen").length`); n != 1 {
			t.Errorf("%d markers shown as chosen", n)
		}
		b.shot(t, "map-place")
	})

	t.Run("keyboard", func(t *testing.T) {
		b.open(t, "#/")
		active := func() string {
			return eval[string](t, b, `(() => { const a = document.activeElement; if (!a) return ""; return a === document.querySelector("main") ? "main" : a.tagName.toLowerCase() + " " + (a.getAttribute("href") || a.getAttribute("name") || a.textContent.trim().slice(0, 40)); })()`)
		}
		// The first Tab reaches the skip link; Enter on it moves focus to
		// the content and leaves the view where it is.
		b.do(t, "tab", chromedp.KeyEvent(kb.Tab))
		if a := active(); a != "a #main" {
			t.Fatalf("the first Tab focuses %q, want the skip link", a)
		}
		b.do(t, "enter", chromedp.KeyEvent(kb.Enter))
		if a, h := active(), eval[string](t, b, "location.hash"); a != "main" || h != "#/" {
			t.Errorf("after the skip link: focus on %q, hash %q; want main and the hash unchanged", a, h)
		}
		// Tab on, through the filters, to the first event of the list.
		var path []string
		for len(path) < 40 {
			b.do(t, "tab", chromedp.KeyEvent(kb.Tab))
			a := active()
			path = append(path, a)
			if strings.HasPrefix(a, "a #/event/") {
				break
			}
		}
		first := path[len(path)-1]
		if !strings.HasPrefix(first, "a #/event/") || first != "a #/event/"+strconv.FormatInt(facts.events[0].ID, 10) {
			t.Fatalf("Tab from the content went %q, not to the first event (%d)", path, facts.events[0].ID)
		}
		t.Logf("%d Tabs from the content to the first event: %s", len(path), strings.Join(path, ", "))
		b.markStale(t)
		b.do(t, "enter", chromedp.KeyEvent(kb.Enter))
		b.waitView(t, "the event opened by keyboard")
		if h, a := eval[string](t, b, "location.hash"), active(); h != strings.TrimPrefix(first, "a ") || a != "main" {
			t.Errorf("Enter on %q: hash %q, focus on %q; want the event with focus on its content", first, h, a)
		}

		// On the map, Tab reaches the markers; Enter on one chooses its
		// place and focus moves to the list of its events.
		b.open(t, "#/map")
		for i := 0; i < 40 && !strings.HasPrefix(active(), "a #/map?place="); i++ {
			b.do(t, "tab", chromedp.KeyEvent(kb.Tab))
		}
		a := active()
		if !strings.HasPrefix(a, "a #/map?place=") {
			t.Fatalf("Tab does not reach a map marker (focus on %q)", a)
		}
		if ring := eval[string](t, b, `getComputedStyle(document.activeElement.querySelector("circle")).fill`); ring != "rgb(255, 191, 71)" {
			t.Errorf("a focused marker is filled %q, want the focus colour", ring)
		}
		label := eval[string](t, b, `document.activeElement.getAttribute("aria-label")`)
		b.markStale(t)
		b.do(t, "enter", chromedp.KeyEvent(kb.Enter))
		b.waitView(t, "the place chosen by keyboard")
		name, _, _ := strings.Cut(label, ":")
		if got := eval[string](t, b, `document.activeElement.tagName + " " + document.activeElement.textContent`); !strings.HasPrefix(got, "H2 ") || !strings.HasSuffix(got, " at "+name) {
			t.Errorf("after Enter on marker %q, focus is on %q; want the heading of its events", label, got)
		}
	})

	t.Run("phone", func(t *testing.T) {
		b.do(t, "phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		defer b.do(t, "reset viewport", chromedp.ResetViewport())
		for _, p := range []struct{ name, route string }{
			{"phone-events", "#/"},
			{"phone-event", fmt.Sprintf("#/event/%d", facts.event.ID)},
			{"phone-map", "#/map"},
		} {
			b.open(t, p.route)
			// A mobile browser widens its layout to content that overflows,
			// so the page's width is compared with the device's.
			if w := eval[int](t, b, `document.documentElement.scrollWidth`); w > 390 {
				t.Errorf("%s: the page is %d px wide on a 390 px screen", p.route, w)
			}
			b.shot(t, p.name)
		}
		// Markers stay visible: at least 6 px across (the table of places
		// under the map is the larger target).
		if small := eval[int](t, b, `[...document.querySelectorAll("main svg.map a.marker circle")].filter((c) => c.getBoundingClientRect().width < 6).length`); small > 0 {
			t.Errorf("%d map markers under 6 px across on a phone", small)
		}
		// A tap on the busiest marker zooms to its region, where the
		// markers around it stand apart: more of them can be tapped.
		before := mapMarkers(t, b)
		pick := busiest(before, facts.places)
		if pick == nil {
			t.Fatal("no marker can be tapped at its centre on a phone")
		}
		b.markStale(t)
		b.do(t, "tapping "+pick.Label, chromedp.MouseClickXY(pick.X, pick.Y))
		b.waitView(t, "the phone map of "+pick.Label)
		after := mapMarkers(t, b)
		share := func(ms []marker) float64 {
			n := 0
			for _, m := range ms {
				if m.Top {
					n++
				}
			}
			return float64(n) / float64(max(len(ms), 1))
		}
		if share(after) <= share(before) && share(before) < 1 {
			t.Errorf("zoomed to %s, %.0f%% of the markers in view can be tapped, %.0f%% before", pick.Label, 100*share(after), 100*share(before))
		}
		t.Logf("phone: %.0f%% of %d markers can be tapped on the whole map, %.0f%% of %d around %s", 100*share(before), len(before), 100*share(after), len(after), pick.Label)
		b.shot(t, "phone-map-place")
	})
	// Markup in article text reaches the page as text: the small store of
	// web_test.go has a <script> in a title and in a sentence.
	t.Run("escaping", func(t *testing.T) {
		base := serve(t, newStore(t))
		for _, route := range []string{"#/article/3", "#/event/4", "#/", "#/articles?text=Astana"} {
			b.openAt(t, base, route)
			if n := eval[int](t, b, `document.querySelectorAll("main script, main [onerror], main iframe").length`); n > 0 {
				t.Errorf("%s: %d elements made from article text", route, n)
			}
			if !strings.Contains(eval[string](t, b, `document.querySelector("main").textContent`), "<script>alert(") {
				t.Errorf("%s: the markup of the article is not shown as text", route)
			}
		}
	})
	b.check(t, "the end")
}

// marker is a marker of the map as the page shows it.
type marker struct {
	Place  string  `json:"place"`  // its place key, from its link
	Label  string  `json:"label"`  // its aria-label
	CX     float64 `json:"cx"`     // its centre in map units
	CY     float64 `json:"cy"`     //
	Inside bool    `json:"inside"` // whether its circle lies within the map as drawn
	Top    bool    `json:"top"`    // whether a click at its centre reaches it (no marker on top)
	X      float64 `json:"x"`      // its centre on the page
	Y      float64 `json:"y"`      //
}

func mapMarkers(t *testing.T, b *browser) []marker {
	t.Helper()
	return eval[[]marker](t, b, `(() => {
		const box = document.querySelector("main svg.map").getBoundingClientRect();
		return [...document.querySelectorAll("main svg.map a.marker")].map((a) => {
			const c = a.querySelector("circle"), r = c.getBoundingClientRect();
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			const hit = document.elementFromPoint(x, y);
			return {place: new URLSearchParams(a.getAttribute("href").split("?")[1]).get("place"), label: a.getAttribute("aria-label"),
				cx: Number(c.getAttribute("cx")), cy: Number(c.getAttribute("cy")),
				inside: r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom,
				top: !!hit && hit.closest("a") === a, x: x, y: y};
		});
	})()`)
}

// busiest returns the marker with the most events that a click at its
// centre reaches, or nil.
func busiest(ms []marker, places map[string][]int64) *marker {
	var pick *marker
	for i, m := range ms {
		if m.Top && (pick == nil || len(places[m.Place]) > len(places[pick.Place])) {
			pick = &ms[i]
		}
	}
	return pick
}

// locationOf returns the location of event id.
func locationOf(f demoFacts, id int64) *eventwire.Location {
	for _, r := range f.events {
		if r.ID == id {
			return r.Event.Location
		}
	}
	return nil
}
