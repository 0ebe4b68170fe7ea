// Package storetest is the conformance suite every eventwire.Store passes:
// round trips, one story per URL, failure records cleared by a later
// success, search, concurrent writers, the walk over stored Docs with event
// replacement that recoding uses, event queries, counts and merging. A store's own test calls
// Run with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// Run runs the suite; open must return a new, empty store each time it is
// called (the suite closes it).
func Run(t *testing.T, open func(t *testing.T) eventwire.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s eventwire.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"SameURLNewContent", testSameURLNewContent},
		{"PageWithoutArticle", testPageWithoutArticle},
		{"Invalid", testInvalid},
		{"NotFound", testNotFound},
		{"Failures", testFailures},
		{"Search", testSearch},
		{"ListOrderAndLimit", testListOrderAndLimit},
		{"Concurrent", testConcurrent},
		{"Docs", testDocs},
		{"DocsStop", testDocsStop},
		{"ReplaceEvents", testReplaceEvents},
		{"UnparsedAndPutDoc", testUnparsedAndPutDoc},
		{"Events", testEvents},
		{"Merge", testMerge},
		{"Quotes", testQuotes},
		{"MergeArticleAndWeek", testMergeArticleAndWeek},
		{"CountEvents", testCountEvents},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tt.fn(t, s)
		})
	}
}

// Story returns a complete story for url with the given title and text:
// page, article, Doc, one event, quote and place. Exported for stores'
// own tests and benchmarks.
func Story(url, title, body string) *eventwire.Story {
	when := time.Date(2020, 1, 5, 12, 30, 0, 0, time.UTC)
	txt := body
	d := &text.Doc{Text: txt, Attrs: text.AttrTokens | text.AttrSents}
	// One token per space-separated word, one sentence over all of them.
	start := -1
	for i := 0; i <= len(txt); i++ {
		if i == len(txt) || txt[i] == ' ' {
			if start >= 0 {
				d.Tokens = append(d.Tokens, text.Token{Start: int32(start), End: int32(i), Head: -1})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	d.Sents = []text.Span{{Start: 0, End: int32(len(d.Tokens))}}
	end := int32(len(txt))
	return &eventwire.Story{
		Page: &eventwire.Page{
			URL:         url,
			Body:        []byte("<html><head><title>" + title + "</title></head><body><p>" + body + "</p></body></html>"),
			ContentType: "text/html; charset=utf-8",
			FetchedAt:   when,
			Origin:      "test",
			Hints:       eventwire.PageHints{Title: title, Published: "2020-01-05"},
		},
		Article: &eventwire.Article{
			URL:        url,
			Title:      title,
			Published:  "2020-01-05",
			Byline:     "A. Writer",
			Credits:    []string{"AP"},
			Dateline:   "BAGHDAD",
			Language:   "en",
			Text:       txt,
			Paragraphs: []text.Span{{Start: 0, End: end}},
		},
		Doc: d,
		Events: []eventwire.Event{{
			Source:     eventwire.Actor{Text: "United States", Code: "USA"},
			Target:     eventwire.Actor{Text: "Iran", Code: "IRN"},
			CAMEO:      "190",
			PLOVER:     "ASSAULT",
			QuadClass:  4,
			Goldstein:  -10,
			Sentence:   0,
			Evidence:   eventwire.Evidence{Verb: text.Span{Start: 0, End: min(end, 4)}},
			Pattern:    "KILL",
			Date:       "2020-01-03",
			Confidence: 0.9,
		}},
		Quotes: []eventwire.Quote{{
			Text: "quoted", Span: text.Span{Start: 0, End: min(end, 6)},
			Speaker: eventwire.Actor{Text: "Trump", Code: "USAGOV"}, Direct: true,
		}},
		Places: []eventwire.Place{{
			Text: "Baghdad", GeonameID: 98182, Name: "Baghdad", Country: "IQ", Lat: 33.34, Lon: 44.40,
		}},
	}
}

func put(t *testing.T, s eventwire.Store, st *eventwire.Story) bool {
	t.Helper()
	created, err := s.PutStory(context.Background(), st)
	if err != nil {
		t.Fatalf("PutStory(%s): %v", st.Page.URL, err)
	}
	if st.ID == 0 {
		t.Fatalf("PutStory(%s) left ID 0", st.Page.URL)
	}
	return created
}

func stats(t *testing.T, s eventwire.Store) eventwire.StoreStats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testRoundTrip(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	want := Story("https://example.com/a", "Soleimani killed", "United States forces killed Qasem Soleimani in Baghdad.")
	if !put(t, s, want) {
		t.Fatal("first PutStory: created = false")
	}
	got, err := s.Story(ctx, want.ID)
	if err != nil {
		t.Fatalf("Story(%d): %v", want.ID, err)
	}
	if got.ID != want.ID {
		t.Errorf("ID = %d, want %d", got.ID, want.ID)
	}
	if !reflect.DeepEqual(got.Page, want.Page) {
		t.Errorf("Page =\n%+v\nwant\n%+v", got.Page, want.Page)
	}
	if !reflect.DeepEqual(got.Article, want.Article) {
		t.Errorf("Article =\n%+v\nwant\n%+v", got.Article, want.Article)
	}
	if !reflect.DeepEqual(got.Doc, want.Doc) {
		t.Errorf("Doc =\n%+v\nwant\n%+v", got.Doc, want.Doc)
	}
	if !reflect.DeepEqual(got.Events, want.Events) {
		t.Errorf("Events =\n%+v\nwant\n%+v", got.Events, want.Events)
	}
	if !reflect.DeepEqual(got.Quotes, want.Quotes) {
		t.Errorf("Quotes =\n%+v\nwant\n%+v", got.Quotes, want.Quotes)
	}
	if !reflect.DeepEqual(got.Places, want.Places) {
		t.Errorf("Places =\n%+v\nwant\n%+v", got.Places, want.Places)
	}
	if st := stats(t, s); st != (eventwire.StoreStats{Pages: 1, Articles: 1, Events: 1, Quotes: 1, Places: 1}) {
		t.Errorf("Stats = %+v", st)
	}
}

func testIdempotent(t *testing.T, s eventwire.Store) {
	a := Story("https://example.com/a", "Title", "Some text here.")
	put(t, s, a)
	b := Story("https://example.com/a", "Title", "Some text here.")
	b.Events = append(b.Events, b.Events[0]) // must not be stored either
	if put(t, s, b) {
		t.Error("second PutStory of the same page: created = true")
	}
	if b.ID != a.ID {
		t.Errorf("second PutStory ID = %d, want %d", b.ID, a.ID)
	}
	if st := stats(t, s); st.Pages != 1 || st.Articles != 1 || st.Events != 1 {
		t.Errorf("Stats after storing twice = %+v, want 1 page, 1 article, 1 event", st)
	}
}

func testSameURLNewContent(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	a := Story("https://example.com/a", "Title", "First version.")
	put(t, s, a)

	// A re-fetch whose boilerplate changed but whose article did not
	// changes nothing that was coded.
	b := Story("https://example.com/a", "Title", "First version.")
	b.Page.Body = append(b.Page.Body, "<footer>updated 12:31</footer>"...)
	b.Events = append(b.Events, b.Events[0]) // would double the events if stored
	if put(t, s, b) {
		t.Error("PutStory of a page whose boilerplate alone changed: created = true")
	}
	if b.ID != a.ID {
		t.Errorf("boilerplate change: ID %d, want the story's %d", b.ID, a.ID)
	}
	if st := stats(t, s); st.Pages != 1 || st.Articles != 1 || st.Events != 1 {
		t.Errorf("after a boilerplate change: %+v, want 1 page, 1 article, 1 event", st)
	}

	// A re-fetch with another article text replaces the story's article
	// and events under the same ID; it never adds a second story.
	c := Story("https://example.com/a", "Title", "Second, updated version.")
	c.Events[0].CAMEO = "173"
	if !put(t, s, c) {
		t.Error("PutStory of a changed article: created = false")
	}
	if c.ID != a.ID {
		t.Errorf("changed article: ID %d, want the story's %d", c.ID, a.ID)
	}
	if st := stats(t, s); st.Pages != 1 || st.Articles != 1 || st.Events != 1 {
		t.Errorf("after a changed article: %+v, want 1 page, 1 article, 1 event", st)
	}
	got, err := s.Story(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article == nil || got.Article.Text != "Second, updated version." {
		t.Errorf("stored article %+v, want the second version", got.Article)
	}
	if len(got.Events) != 1 || got.Events[0].CAMEO != "173" {
		t.Errorf("stored events %+v, want the second version's one event (173)", got.Events)
	}
	if string(got.Page.Body) != string(c.Page.Body) {
		t.Error("stored page is not the newest fetch")
	}
	// The first fetch's bytes again are a change back, not a new story.
	d := Story("https://example.com/a", "Title", "First version.")
	put(t, s, d)
	if d.ID != a.ID {
		t.Errorf("first version again: ID %d, want %d", d.ID, a.ID)
	}
	if st := stats(t, s); st.Pages != 1 || st.Events != 1 {
		t.Errorf("after the first version again: %+v, want 1 page, 1 event", st)
	}
}

func testPageWithoutArticle(t *testing.T, s eventwire.Store) {
	st := Story("https://example.com/p", "T", "x")
	st.Article, st.Doc, st.Events, st.Quotes, st.Places = nil, nil, nil, nil, nil
	put(t, s, st)
	got, err := s.Story(context.Background(), st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article != nil {
		t.Errorf("Article = %+v, want nil", got.Article)
	}
	if string(got.Page.Body) != string(st.Page.Body) {
		t.Errorf("Body = %q, want %q", got.Page.Body, st.Page.Body)
	}
	if n := stats(t, s).Articles; n != 0 {
		t.Errorf("Articles = %d, want 0", n)
	}
}

func testInvalid(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	for _, st := range []*eventwire.Story{nil, {}, {Page: &eventwire.Page{}}} {
		if _, err := s.PutStory(ctx, st); !errors.Is(err, eventwire.ErrInvalid) {
			t.Errorf("PutStory(%+v) = %v, want ErrInvalid", st, err)
		}
	}
	if err := s.PutFailure(ctx, &eventwire.Page{}, "read", errors.New("x")); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("PutFailure(no URL) = %v, want ErrInvalid", err)
	}
}

func testNotFound(t *testing.T, s eventwire.Store) {
	if _, err := s.Story(context.Background(), 12345); !errors.Is(err, eventwire.ErrNotFound) {
		t.Errorf("Story(missing) = %v, want ErrNotFound", err)
	}
}

func testFailures(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	p := &eventwire.Page{URL: "https://example.com/bad", Body: []byte("\x00\x01binary"), Origin: "test"}
	if err := s.PutFailure(ctx, p, "extract", fmt.Errorf("wrapped: %w", eventwire.ErrUnsupported)); err != nil {
		t.Fatal(err)
	}
	if err := s.PutFailure(ctx, p, "extract", errors.New("second try")); err != nil {
		t.Fatal(err)
	}
	q := &eventwire.Page{URL: "https://example.com/gone"}
	if err := s.PutFailure(ctx, q, "fetch", errors.New("connection refused")); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Failures(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("Failures = %+v, want 2", fs)
	}
	byURL := map[string]eventwire.Failure{}
	for _, f := range fs {
		byURL[f.URL] = f
	}
	if f := byURL[p.URL]; f.Stage != "extract" || f.Error != "second try" || f.Attempts != 2 || f.Origin != "test" {
		t.Errorf("failure of %s = %+v, want stage extract, error %q, 2 attempts", p.URL, f, "second try")
	}
	if f := byURL[q.URL]; f.Stage != "fetch" || !strings.Contains(f.Error, "refused") || f.Attempts != 1 {
		t.Errorf("failure of %s = %+v", q.URL, f)
	}
	// A later success of the same URL clears its failures.
	put(t, s, Story(p.URL, "Now fine", "Fixed text."))
	if n := stats(t, s).Failures; n != 1 {
		t.Errorf("Failures after success = %d, want 1", n)
	}
}

func testSearch(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	put(t, s, Story("https://example.com/1", "Iran admits downing Ukrainian jet", "Iran said human error caused the crash."))
	put(t, s, Story("https://example.com/2", "Mugabe dies", "Robert Mugabe, longtime leader of Zimbabwe, died."))
	put(t, s, Story("https://example.com/3", "Protests in Hong Kong", "Protesters surrounded the police complex; Iran was not mentioned."))
	tests := []struct {
		search string
		want   []string // URLs, in any order
	}{
		{"Zimbabwe", []string{"https://example.com/2"}},
		{"zimbabwe", []string{"https://example.com/2"}},
		{"Iran", []string{"https://example.com/1", "https://example.com/3"}},
		{"Iran crash", []string{"https://example.com/1"}},
		{"ukrainian", []string{"https://example.com/1"}},
		{"nothingmatches", nil},
		{`"unbalanced AND OR ( *`, nil},
		{"", []string{"https://example.com/1", "https://example.com/2", "https://example.com/3"}},
	}
	for _, tt := range tests {
		t.Run(tt.search, func(t *testing.T) {
			got, err := s.Articles(ctx, eventwire.ArticleFilter{Search: tt.search})
			if err != nil {
				t.Fatalf("Articles(%q): %v", tt.search, err)
			}
			var urls []string
			for _, a := range got {
				urls = append(urls, a.URL)
				if a.ID == 0 || a.Title == "" {
					t.Errorf("summary %+v lacks ID or title", a)
				}
			}
			if !sameSet(urls, tt.want) {
				t.Errorf("Articles(%q) = %v, want %v", tt.search, urls, tt.want)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func testListOrderAndLimit(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	for i, d := range []string{"2019-05-01", "2020-02-01", "2019-12-31"} {
		st := Story(fmt.Sprintf("https://example.com/%d", i), "T"+d, "text")
		st.Article.Published = d
		put(t, s, st)
	}
	got, err := s.Articles(ctx, eventwire.ArticleFilter{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Published != "2020-02-01" || got[1].Published != "2019-12-31" {
		t.Errorf("Articles(limit 2) = %+v, want 2020-02-01 then 2019-12-31", got)
	}
	got, err = s.Articles(ctx, eventwire.ArticleFilter{Limit: 2, Offset: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Published != "2019-05-01" {
		t.Errorf("Articles(offset 2) = %+v, want 2019-05-01", got)
	}
}

// testConcurrent stores the same 20 pages from 4 goroutines at once: each
// page must be stored once and created exactly once.
func testConcurrent(t *testing.T, s eventwire.Store) {
	const pages, writers = 20, 4
	var mu sync.Mutex
	created := map[string]int{}
	ids := map[string]map[int64]bool{}
	var wg sync.WaitGroup
	errs := make(chan error, pages*writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < pages; i++ {
				u := fmt.Sprintf("https://example.com/c/%d", i)
				st := Story(u, "T", fmt.Sprintf("text %d", i))
				c, err := s.PutStory(context.Background(), st)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				if c {
					created[u]++
				}
				if ids[u] == nil {
					ids[u] = map[int64]bool{}
				}
				ids[u][st.ID] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i := 0; i < pages; i++ {
		u := fmt.Sprintf("https://example.com/c/%d", i)
		if created[u] != 1 || len(ids[u]) != 1 {
			t.Errorf("%s: created %d times with ids %v, want once with one id", u, created[u], ids[u])
		}
	}
	if st := stats(t, s); st.Pages != pages || st.Events != pages {
		t.Errorf("Stats = %+v, want %d pages and events", st, pages)
	}
}

// testDocs stores 70 stories, every third without a Doc, and walks them
// from the start and from the middle, replacing events as it goes (the
// recode pattern: reading and writing in one walk).
func testDocs(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	const n = 70 // more than one batch of any sensible batch size
	want := map[int64]*eventwire.Story{}
	var withDoc []int64
	for i := 0; i < n; i++ {
		st := Story(fmt.Sprintf("https://example.com/d/%d", i), fmt.Sprintf("Title %d", i), fmt.Sprintf("Story number %d here.", i))
		st.Events[0].Sentence = i
		if i%3 == 2 {
			st.Doc = nil
		}
		put(t, s, st)
		if st.Doc != nil {
			want[st.ID] = st
			withDoc = append(withDoc, st.ID)
		}
	}
	var got []int64
	err := s.Docs(ctx, 0, func(st *eventwire.Story) error {
		got = append(got, st.ID)
		w, ok := want[st.ID]
		if !ok {
			return fmt.Errorf("story %d has no Doc but was visited", st.ID)
		}
		if st.Page == nil || st.Page.URL != w.Page.URL || !st.Page.FetchedAt.Equal(w.Page.FetchedAt) || len(st.Page.Body) != 0 {
			t.Errorf("story %d: Page = %+v, want URL %s, FetchedAt %v and no body", st.ID, st.Page, w.Page.URL, w.Page.FetchedAt)
		}
		if !reflect.DeepEqual(st.Article, w.Article) {
			t.Errorf("story %d: Article =\n%+v\nwant\n%+v", st.ID, st.Article, w.Article)
		}
		if !reflect.DeepEqual(st.Doc, w.Doc) {
			t.Errorf("story %d: Doc =\n%+v\nwant\n%+v", st.ID, st.Doc, w.Doc)
		}
		if !reflect.DeepEqual(st.Events, w.Events) {
			t.Errorf("story %d: Events =\n%+v\nwant\n%+v", st.ID, st.Events, w.Events)
		}
		// Write during the walk.
		ev := append(st.Events, st.Events[0])
		ev[1].CAMEO = "042"
		return s.ReplaceEvents(ctx, st.ID, ev)
	})
	if err != nil {
		t.Fatalf("Docs: %v", err)
	}
	if !reflect.DeepEqual(got, withDoc) {
		t.Fatalf("Docs visited %v, want %v", got, withDoc)
	}
	if st := stats(t, s); st.Events != int64(n+len(withDoc)) {
		t.Errorf("Events after replacing = %d, want %d", st.Events, n+len(withDoc))
	}
	// From the middle: only later stories, with the events just written.
	mid := withDoc[len(withDoc)/2]
	got = got[:0]
	err = s.Docs(ctx, mid, func(st *eventwire.Story) error {
		got = append(got, st.ID)
		if len(st.Events) != 2 || st.Events[1].CAMEO != "042" {
			t.Errorf("story %d: events after replacing = %+v", st.ID, st.Events)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Docs(after %d): %v", mid, err)
	}
	if !reflect.DeepEqual(got, withDoc[len(withDoc)/2+1:]) {
		t.Errorf("Docs(after %d) visited %v, want %v", mid, got, withDoc[len(withDoc)/2+1:])
	}
}

// testDocsStop checks that an error from fn ends the walk and is returned.
func testDocsStop(t *testing.T, s eventwire.Store) {
	for i := 0; i < 3; i++ {
		put(t, s, Story(fmt.Sprintf("https://example.com/s/%d", i), "T", "text"))
	}
	stop := errors.New("stop here")
	calls := 0
	err := s.Docs(context.Background(), 0, func(*eventwire.Story) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Docs with failing fn = %v after %d calls, want %v after 1", err, calls, stop)
	}
	// An empty store, or nothing after the last id, visits nothing.
	err = s.Docs(context.Background(), 1<<40, func(*eventwire.Story) error { return stop })
	if err != nil {
		t.Errorf("Docs after the last id = %v, want nil", err)
	}
}

func testReplaceEvents(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	a := Story("https://example.com/r/a", "A", "United States forces killed Qasem Soleimani.")
	b := Story("https://example.com/r/b", "B", "Another story.")
	put(t, s, a)
	put(t, s, b)
	repl := []eventwire.Event{a.Events[0], a.Events[0]}
	repl[0].CAMEO, repl[0].Source.Code = "111", "USAGOV"
	repl[1].CAMEO, repl[1].Target.Code = "173", "IRNMIL"
	if err := s.ReplaceEvents(ctx, a.ID, repl); err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Events, repl) {
		t.Errorf("Events after ReplaceEvents =\n%+v\nwant\n%+v", got.Events, repl)
	}
	// Only events change.
	if !reflect.DeepEqual(got.Doc, a.Doc) || !reflect.DeepEqual(got.Quotes, a.Quotes) || !reflect.DeepEqual(got.Article, a.Article) {
		t.Error("ReplaceEvents changed more than the events")
	}
	if other, err := s.Story(ctx, b.ID); err != nil || !reflect.DeepEqual(other.Events, b.Events) {
		t.Errorf("the other story's events = %+v, %v; want %+v", other.Events, err, b.Events)
	}
	if err := s.ReplaceEvents(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if st := stats(t, s); st.Events != 1 {
		t.Errorf("Events after replacing by none = %d, want 1 (the other story's)", st.Events)
	}
	if err := s.ReplaceEvents(ctx, 1<<40, repl); !errors.Is(err, eventwire.ErrNotFound) {
		t.Errorf("ReplaceEvents(missing) = %v, want ErrNotFound", err)
	}
	if st := stats(t, s); st.Events != 1 {
		t.Errorf("Events after a failed replace = %d, want 1", st.Events)
	}
}

// testUnparsedAndPutDoc walks the articles stored without a Doc, gives one
// its Doc and events, and checks that it moves from Unparsed to Docs.
func testUnparsedAndPutDoc(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	parsed := Story("https://example.com/u/parsed", "P", "Parsed story text.")
	bare := Story("https://example.com/u/bare", "B", "Stored without parsing.")
	bare.Doc = nil
	pageOnly := Story("https://example.com/u/page", "X", "No article.")
	pageOnly.Article, pageOnly.Doc, pageOnly.Events = nil, nil, nil
	for _, st := range []*eventwire.Story{parsed, bare, pageOnly} {
		put(t, s, st)
	}
	walk := func(f func(context.Context, int64, func(*eventwire.Story) error) error) []*eventwire.Story {
		t.Helper()
		var got []*eventwire.Story
		if err := f(ctx, 0, func(st *eventwire.Story) error { got = append(got, st); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := walk(s.Unparsed)
	if len(got) != 1 || got[0].ID != bare.ID {
		t.Fatalf("Unparsed visited %d stories, want only story %d", len(got), bare.ID)
	}
	if st := got[0]; st.Doc != nil || !reflect.DeepEqual(st.Article, bare.Article) || !reflect.DeepEqual(st.Events, bare.Events) ||
		st.Page.URL != bare.Page.URL {
		t.Errorf("Unparsed story = %+v, want the article and events of %s and no Doc", st, bare.Page.URL)
	}

	d := Story(bare.Page.URL, "B", bare.Article.Text).Doc
	evs := []eventwire.Event{parsed.Events[0], parsed.Events[0]}
	evs[1].CAMEO = "036"
	qs := []eventwire.Quote{{Text: "q", Speaker: eventwire.Actor{Code: "TUR"}, Kind: "direct"}}
	pls := []eventwire.Place{{Text: "Ankara", GeonameID: 323786, Country: "TR"}}
	if err := s.PutDoc(ctx, bare.ID, d, evs, qs, pls); err != nil {
		t.Fatal(err)
	}
	if got := walk(s.Unparsed); len(got) != 0 {
		t.Errorf("Unparsed after PutDoc visited %d stories, want none", len(got))
	}
	docs := walk(s.Docs)
	if len(docs) != 2 || docs[1].ID != bare.ID || !reflect.DeepEqual(docs[1].Doc, d) || !reflect.DeepEqual(docs[1].Events, evs) {
		t.Errorf("Docs after PutDoc = %d stories; want 2, the second %d with its new Doc and 2 events", len(docs), bare.ID)
	}
	st, err := s.Story(ctx, bare.ID)
	if err != nil || !reflect.DeepEqual(st.Doc, d) || !reflect.DeepEqual(st.Events, evs) {
		t.Errorf("Story after PutDoc: %v, Doc %+v, events %+v", err, st.Doc, st.Events)
	}
	if len(st.Quotes) != 1 || st.Quotes[0].Speaker.Code != "TUR" || len(st.Places) != 1 || st.Places[0].GeonameID != 323786 {
		t.Errorf("quotes %+v and places %+v after PutDoc, want the ones given", st.Quotes, st.Places)
	}
	// Again: the Doc, events, quotes and places are replaced, not
	// duplicated.
	if err := s.PutDoc(ctx, bare.ID, d, evs[:1], qs, pls); err != nil {
		t.Fatal(err)
	}
	// One quote and one place per story (the page-only story keeps its
	// own), and one event each for the two with articles.
	if st := stats(t, s); st.Events != 2 || st.Quotes != 3 || st.Places != 3 {
		t.Errorf("after a second PutDoc: %+v, want 2 events, 3 quotes, 3 places", st)
	}
	if err := s.PutDoc(ctx, 1<<40, d, nil, nil, nil); !errors.Is(err, eventwire.ErrNotFound) {
		t.Errorf("PutDoc(missing) = %v, want ErrNotFound", err)
	}
	if err := s.PutDoc(ctx, bare.ID, nil, nil, nil, nil); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("PutDoc(nil Doc) = %v, want ErrInvalid", err)
	}
}

// testEvents checks the event query: each filter alone and combined, code
// prefixes, inclusive dates, full-text search, and paging by cursor.
func testEvents(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	type ev struct{ cameo, plover, src, tgt, date string }
	stories := []struct {
		url, title, body string
		evs              []ev
	}{
		{"https://example.com/1", "Strikes on Aleppo", "Russian aircraft bombed Aleppo.", []ev{
			{"195", "ASSAULT", "RUSMIL", "SYRREB", "2016-12-20"},
			{"111", "ACCUSE", "TUR", "RUSGOV", "2016-12-21"}}},
		{"https://example.com/2", "Talks in Astana", "Russia and Turkey met in Astana.", []ev{
			{"040", "CONSULT", "RUSGOV", "TURGOV", "2016-12-23"},
			{"040", "CONSULT", "TURGOV", "RUSGOV", "2016-12-23"}}},
		{"https://example.com/3", "Iran condemns", "Iran condemned the strikes.", []ev{
			{"111", "ACCUSE", "IRN", "USA", "2017-01-02"}}},
	}
	for _, st := range stories {
		x := Story(st.url, st.title, st.body)
		x.Events = nil
		for _, e := range st.evs {
			x.Events = append(x.Events, eventwire.Event{CAMEO: e.cameo, PLOVER: e.plover, Date: e.date,
				Source: eventwire.Actor{Code: e.src}, Target: eventwire.Actor{Code: e.tgt}})
		}
		put(t, s, x)
	}
	codes := func(f eventwire.EventFilter) string {
		t.Helper()
		recs, err := s.Events(ctx, f)
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		var out []string
		for _, r := range recs {
			if r.StoryID == 0 || r.URL == "" || r.Title == "" {
				t.Errorf("record %+v lacks its article", r)
			}
			out = append(out, r.Event.CAMEO+":"+r.Event.Source.Code+">"+r.Event.Target.Code)
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		name string
		f    eventwire.EventFilter
		want string
	}{
		{"all", eventwire.EventFilter{}, "195:RUSMIL>SYRREB 111:TUR>RUSGOV 040:RUSGOV>TURGOV 040:TURGOV>RUSGOV 111:IRN>USA"},
		{"source prefix", eventwire.EventFilter{Source: "RUS"}, "195:RUSMIL>SYRREB 040:RUSGOV>TURGOV"},
		{"source lower case", eventwire.EventFilter{Source: "rusgov"}, "040:RUSGOV>TURGOV"},
		{"target", eventwire.EventFilter{Target: "RUS"}, "111:TUR>RUSGOV 040:TURGOV>RUSGOV"},
		{"either side", eventwire.EventFilter{Actor: "TUR"}, "111:TUR>RUSGOV 040:RUSGOV>TURGOV 040:TURGOV>RUSGOV"},
		{"code root", eventwire.EventFilter{CAMEO: "19"}, "195:RUSMIL>SYRREB"},
		{"plover", eventwire.EventFilter{PLOVER: "accuse"}, "111:TUR>RUSGOV 111:IRN>USA"},
		{"dates inclusive", eventwire.EventFilter{From: "2016-12-21", To: "2016-12-23"}, "111:TUR>RUSGOV 040:RUSGOV>TURGOV 040:TURGOV>RUSGOV"},
		{"search", eventwire.EventFilter{Search: "Astana"}, "040:RUSGOV>TURGOV 040:TURGOV>RUSGOV"},
		{"combined", eventwire.EventFilter{Actor: "RUS", CAMEO: "1"}, "195:RUSMIL>SYRREB 111:TUR>RUSGOV"},
		{"nothing", eventwire.EventFilter{Source: "CHN"}, ""},
	} {
		if got := codes(tt.f); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// Paging: two at a time from the cursor covers all five once.
	var all []string
	for after := int64(0); ; {
		recs, err := s.Events(ctx, eventwire.EventFilter{After: after, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) == 0 {
			break
		}
		if len(recs) > 2 {
			t.Fatalf("page of %d, want at most 2", len(recs))
		}
		for _, r := range recs {
			all = append(all, r.Event.CAMEO)
			after = r.ID
		}
	}
	if len(all) != 5 {
		t.Errorf("paging gave %d events, want 5", len(all))
	}
	if _, err := s.Events(ctx, eventwire.EventFilter{From: "23/12/2016"}); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("a malformed date: %v, want ErrInvalid", err)
	}
}

// testMerge checks merging: reports of one event (same CAMEO root, source
// and target, dates within the window) from several articles become one
// merged event; a wire agency's copies, and copies of one evidence text,
// count as one source; a different target, root or a date outside the
// window stays apart; deleting mentions updates the merged events; a
// rebuild gives what the incremental passes gave.
func testMerge(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	type m struct {
		url, credit, body, cameo, src, tgt, date string
		conf                                     float64
	}
	add := func(x m) {
		st := Story(x.url, "Story "+x.url, x.body)
		st.Article.Credits = nil
		if x.credit != "" {
			st.Article.Credits = []string{x.credit}
		}
		end := int32(len(x.body))
		st.Events = []eventwire.Event{{CAMEO: x.cameo, Date: x.date, Confidence: x.conf,
			Source: eventwire.Actor{Code: x.src}, Target: eventwire.Actor{Code: x.tgt},
			Evidence: eventwire.Evidence{Source: text.Span{Start: 0, End: 6}, Target: text.Span{Start: end - 7, End: end}}}}
		put(t, s, st)
	}
	strike := "Russia bombed rebels in Aleppo."
	for _, x := range []m{
		{"https://a.example/1", "", strike, "195", "RUS", "SYRREB", "2016-12-20", 0.5},
		{"https://b.example/1", "", "Russia struck the rebels near Aleppo.", "190", "RUS", "SYRREB", "2016-12-21", 0.6},
		{"https://c.example/1", "AP", "Russia hit the rebels near Aleppo today.", "190", "RUS", "SYRREB", "2016-12-21", 0.4},
		{"https://d.example/1", "AP", "Russia hit the rebels near Aleppo overnight.", "190", "RUS", "SYRREB", "2016-12-20", 0.4},
		{"https://e.example/1", "", strike, "195", "RUS", "SYRREB", "2016-12-20", 0.5},                   // a copy of a's text
		{"https://f.example/1", "", strike, "195", "RUS", "SYRREB", "2016-12-25", 0.5},                   // outside the window
		{"https://g.example/1", "", "Russia met the rebels.", "040", "RUS", "SYRREB", "2016-12-20", 0.5}, // another root
		{"https://h.example/1", "", "Russia bombed Turkey.", "195", "RUS", "TUR", "2016-12-20", 0.5},     // another target
	} {
		add(x)
	}
	stats, err := s.MergeEvents(ctx, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events != 8 || stats.Joined != 4 {
		t.Errorf("merge stats %+v, want 8 mentions, 4 joined", stats)
	}
	list := func(f eventwire.EventFilter) []eventwire.MergedEvent {
		t.Helper()
		ms, err := s.MergedEvents(ctx, f, true)
		if err != nil {
			t.Fatal(err)
		}
		return ms
	}
	ms := list(eventwire.EventFilter{})
	if len(ms) != 4 {
		t.Fatalf("%d merged events, want 4: %+v", len(ms), ms)
	}
	big := ms[0]
	// a, e (a copy of a's text), b, c and d (AP): sources a.example, b.example, AP.
	if big.Articles != 5 || big.Sources != 3 || len(big.Mentions) != 5 {
		t.Errorf("merged strike: %d articles, %d sources, %d mentions; want 5, 3, 5", big.Articles, big.Sources, len(big.Mentions))
	}
	if big.FirstDate != "2016-12-20" || big.LastDate != "2016-12-21" || big.Source != "RUS" || big.Target != "SYRREB" {
		t.Errorf("merged strike: %+v", big)
	}
	if big.Best.Event.Confidence != 0.6 || big.Best.URL != "https://b.example/1" {
		t.Errorf("best mention %s (%.2f), want b's (0.6)", big.Best.URL, big.Best.Event.Confidence)
	}
	// 1 - (1-0.5)(1-0.6)(1-0.4) = 0.88
	if math.Abs(big.Confidence-0.88) > 1e-9 {
		t.Errorf("confidence %.3f, want 0.880", big.Confidence)
	}
	if got := list(eventwire.EventFilter{Target: "TUR"}); len(got) != 1 || got[0].Articles != 1 {
		t.Errorf("--target TUR: %+v", got)
	}
	// Merging again does nothing; a rebuild gives the same groups.
	if st, err := s.MergeEvents(ctx, 1, false); err != nil || st.Events != 0 {
		t.Errorf("second merge: %+v, %v; want nothing to do", st, err)
	}
	groups := func() string {
		var out []string
		for _, me := range list(eventwire.EventFilter{}) {
			out = append(out, fmt.Sprintf("%d:%d/%d", me.ID, me.Articles, me.Sources))
		}
		return strings.Join(out, " ")
	}
	before := groups()
	if _, err := s.MergeEvents(ctx, 1, true); err != nil {
		t.Fatal(err)
	}
	if after := groups(); after != before {
		t.Errorf("rebuild: %s, incremental: %s", after, before)
	}
	// A wider window takes in the late report.
	if _, err := s.MergeEvents(ctx, 5, true); err != nil {
		t.Fatal(err)
	}
	if got := list(eventwire.EventFilter{}); len(got) != 3 || got[0].Articles != 6 {
		t.Errorf("window 5: %d merged events, the first of %d articles; want 3 and 6", len(got), got[0].Articles)
	}
	// Deleting a mention's events updates its merged event.
	if err := s.ReplaceEvents(ctx, big.Best.StoryID, nil); err != nil {
		t.Fatal(err)
	}
	if got := list(eventwire.EventFilter{}); got[0].Articles != 5 {
		t.Errorf("after deleting b's events: %d articles, want 5", got[0].Articles)
	}
	if _, err := s.MergeEvents(ctx, -1, false); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("negative window: %v, want ErrInvalid", err)
	}
}

// testMergeArticleAndWeek: two reports of one kind between the same actors
// in one article are two events ("Trump attacked Biden for X ... accused
// Biden of Y"), even when a report in another article matches both; a
// report dated by its week ("last week": 2020-W01) merges with one dated
// on a day of that week.
func testMergeArticleAndWeek(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	add := func(url, date string, cameos ...string) {
		st := Story(url, "Story "+url, "Trump attacked Biden and accused Biden.")
		st.Article.Credits = nil
		st.Events = nil
		for _, c := range cameos {
			st.Events = append(st.Events, eventwire.Event{CAMEO: c, Date: date,
				Source: eventwire.Actor{Code: "USAGOV"}, Target: eventwire.Actor{Code: "USAELI"}})
		}
		put(t, s, st)
	}
	add("https://a.example/roundup", "2020-10-29", "111", "112")
	add("https://b.example/one", "2020-10-29", "111")
	add("https://c.example/strike", "2020-W01", "190")
	add("https://d.example/strike", "2020-01-02", "190")
	if _, err := s.MergeEvents(ctx, 1, false); err != nil {
		t.Fatal(err)
	}
	ms, err := s.MergedEvents(ctx, eventwire.EventFilter{}, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, me := range ms {
		got = append(got, fmt.Sprintf("%s/%d", me.CAMEO, me.Articles))
	}
	// The round-up's 111 takes b's report; its 112 stays alone; the week
	// and the day merge.
	if strings.Join(got, " ") != "111/2 112/1 190/2" {
		t.Errorf("merged events %q, want [111/2 112/1 190/2]", got)
	}
}

// testCountEvents checks the aggregates behind the timeline and the actor
// network: counts per day and quad class (times cut to the day, undated
// events left out), counts per dyad (most first, bounded by the limit,
// events without both codes left out), both under a filter.
func testCountEvents(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	type ev struct {
		src, tgt, date string
		quad           int
	}
	for i, evs := range [][]ev{
		{{"RUS", "SYR", "2016-12-20", 4}, {"RUS", "SYR", "2016-12-20T10:00:00Z", 4}, {"TUR", "RUS", "2016-12-20", 3}},
		{{"RUS", "SYR", "2016-12-21", 1}, {"IRN", "", "2016-12-21", 2}, {"USA", "IRN", "", 3}},
	} {
		x := Story(fmt.Sprintf("https://example.com/count/%d", i), "Counts", "Counted words here.")
		x.Events = nil
		for _, e := range evs {
			x.Events = append(x.Events, eventwire.Event{CAMEO: "190", QuadClass: e.quad, Date: e.date,
				Source: eventwire.Actor{Code: e.src}, Target: eventwire.Actor{Code: e.tgt}})
		}
		put(t, s, x)
	}
	show := func(f eventwire.EventFilter, by eventwire.CountBy) string {
		t.Helper()
		cs, err := s.CountEvents(ctx, f, by)
		if err != nil {
			t.Fatalf("CountEvents(%+v, %d): %v", f, by, err)
		}
		var out []string
		for _, c := range cs {
			if by == eventwire.CountByDay {
				out = append(out, fmt.Sprintf("%s/%d=%d", c.Day, c.QuadClass, c.Events))
			} else {
				out = append(out, fmt.Sprintf("%s>%s=%d", c.Source, c.Target, c.Events))
			}
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		name string
		f    eventwire.EventFilter
		by   eventwire.CountBy
		want string
	}{
		{"days", eventwire.EventFilter{}, eventwire.CountByDay, "2016-12-20/3=1 2016-12-20/4=2 2016-12-21/1=1 2016-12-21/2=1"},
		{"days filtered", eventwire.EventFilter{Source: "RUS"}, eventwire.CountByDay, "2016-12-20/4=2 2016-12-21/1=1"},
		{"dyads", eventwire.EventFilter{}, eventwire.CountByDyad, "RUS>SYR=3 TUR>RUS=1 USA>IRN=1"},
		{"dyads limited", eventwire.EventFilter{Limit: 1}, eventwire.CountByDyad, "RUS>SYR=3"},
		{"dyads filtered", eventwire.EventFilter{Actor: "IRN"}, eventwire.CountByDyad, "USA>IRN=1"},
		{"nothing", eventwire.EventFilter{Actor: "CHN"}, eventwire.CountByDyad, ""},
	} {
		if got := show(tt.f, tt.by); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if _, err := s.CountEvents(ctx, eventwire.EventFilter{}, 0); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("no grouping: %v, want ErrInvalid", err)
	}
	if _, err := s.CountEvents(ctx, eventwire.EventFilter{To: "tomorrow"}, eventwire.CountByDay); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("a malformed date: %v, want ErrInvalid", err)
	}
}

// testQuotes checks the quote query: by speaker code prefix, by kind, by
// the words of the article, and paging by cursor.
func testQuotes(t *testing.T, s eventwire.Store) {
	ctx := context.Background()
	add := func(url, body string, qs ...eventwire.Quote) {
		st := Story(url, "Story "+url, body)
		st.Quotes = qs
		put(t, s, st)
	}
	q := func(code, kind, txt string) eventwire.Quote {
		return eventwire.Quote{Text: txt, Speaker: eventwire.Actor{Code: code}, Kind: kind, Direct: kind == "direct"}
	}
	add("https://q.example/1", "Putin spoke in Moscow.", q("RUSGOV", "direct", "a"), q("SYRGOV", "indirect", "b"))
	add("https://q.example/2", "Assad spoke in Damascus.", q("SYRGOV", "direct", "c"), q("RUSMIL", "mixed", "d"))
	texts := func(f eventwire.QuoteFilter) string {
		t.Helper()
		rs, err := s.Quotes(ctx, f)
		if err != nil {
			t.Fatalf("Quotes(%+v): %v", f, err)
		}
		var out []string
		for _, r := range rs {
			if r.StoryID == 0 || r.URL == "" {
				t.Errorf("quote record %+v lacks its article", r)
			}
			out = append(out, r.Quote.Text)
		}
		return strings.Join(out, "")
	}
	for _, tt := range []struct {
		f    eventwire.QuoteFilter
		want string
	}{
		{eventwire.QuoteFilter{}, "abcd"},
		{eventwire.QuoteFilter{Speaker: "RUS"}, "ad"},
		{eventwire.QuoteFilter{Speaker: "syrgov"}, "bc"},
		{eventwire.QuoteFilter{Kind: "direct"}, "ac"},
		{eventwire.QuoteFilter{Search: "Damascus"}, "cd"},
		{eventwire.QuoteFilter{Speaker: "SYR", Kind: "direct"}, "c"},
	} {
		if got := texts(tt.f); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.f, got, tt.want)
		}
	}
	var all string
	for after := int64(0); ; {
		rs, err := s.Quotes(ctx, eventwire.QuoteFilter{After: after, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			break
		}
		for _, r := range rs {
			all += r.Quote.Text
			after = r.ID
		}
	}
	if all != "abcd" {
		t.Errorf("paging gave %q, want abcd", all)
	}
	if _, err := s.Quotes(ctx, eventwire.QuoteFilter{Kind: "shouted"}); !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("an unknown kind: %v, want ErrInvalid", err)
	}
}
