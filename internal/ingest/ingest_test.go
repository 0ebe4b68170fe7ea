package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/text"
)

// textExtractor is a stand-in stage: the body up to a "|" (the rest plays
// boilerplate) is the article text; bodies starting with "FAIL" fail and
// "PANIC" panic. It counts its calls.
type textExtractor struct{ calls atomic.Int64 }

func (x *textExtractor) Extract(ctx context.Context, p *eventwire.Page) (*eventwire.Article, error) {
	x.calls.Add(1)
	b := string(p.Body)
	switch {
	case strings.HasPrefix(b, "FAIL"):
		return nil, fmt.Errorf("test: %w", eventwire.ErrNoContent)
	case strings.HasPrefix(b, "PANIC"):
		panic("extractor bug")
	}
	b, _, _ = strings.Cut(b, "|")
	return &eventwire.Article{Text: b, Paragraphs: []text.Span{{Start: 0, End: int32(len(b))}}}, nil
}

// sliceSource serves pages and item errors from a list.
type sliceSource struct {
	items []any // *eventwire.Page or error
}

func (s *sliceSource) Next(ctx context.Context) (*eventwire.Page, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(s.items) == 0 {
		return nil, io.EOF
	}
	it := s.items[0]
	s.items = s.items[1:]
	if err, ok := it.(error); ok {
		return nil, err
	}
	return it.(*eventwire.Page), nil
}

func (s *sliceSource) Close() error { return nil }

func page(url, body string) *eventwire.Page {
	return &eventwire.Page{URL: url, Body: []byte(body), ContentType: "text/plain",
		Hints: eventwire.PageHints{Title: "Hint " + url, Published: "2020-01-02"}}
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "i.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestProcess(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	var coded atomic.Int64
	p := &ingest.Processor{
		Extractor: &textExtractor{},
		Store:     s,
		Coders: []ingest.Coder{ingest.CoderFunc{N: "test", F: func(ctx context.Context, st *eventwire.Story) error {
			coded.Add(1)
			if strings.Contains(st.Article.Text, "CODEFAIL") {
				return errors.New("cannot code")
			}
			st.Events = append(st.Events, eventwire.Event{CAMEO: "010", Source: eventwire.Actor{Code: "USA"}})
			return nil
		}}},
	}
	tests := []struct {
		name        string
		page        *eventwire.Page
		wantCreated bool
		wantStage   string // "" for success
	}{
		{"new", page("https://a.example/1", "Text one."), true, ""},
		{"again", page("https://a.example/1", "Text one."), false, ""},
		{"changed", page("https://a.example/1", "Text one, updated."), true, ""},
		{"boilerplate changed", page("https://a.example/1", "Text one, updated.|footer 12:31"), false, ""},
		{"extract fails", page("https://a.example/2", "FAIL"), false, ingest.StageExtract},
		{"extract panics", page("https://a.example/3", "PANIC"), false, ingest.StageExtract},
		{"coder fails", page("https://a.example/4", "CODEFAIL"), false, ingest.StageCode},
		{"no URL", page("", "x"), false, ingest.StageRead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := coded.Load()
			st, created, err := p.ProcessPage(ctx, tt.page)
			if tt.wantStage == "" && !tt.wantCreated && coded.Load() != before {
				t.Errorf("an unchanged article was coded again")
			}
			if tt.wantStage != "" {
				var ie *eventwire.ItemError
				if !errors.As(err, &ie) || ie.Op != tt.wantStage {
					t.Fatalf("err = %v, want an ItemError of stage %s", err, tt.wantStage)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if created != tt.wantCreated || st.ID == 0 {
				t.Errorf("created = %v, ID %d; want %v", created, st.ID, tt.wantCreated)
			}
		})
	}
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// One story per URL: the changed article replaced the first version.
	if stats.Pages != 1 || stats.Articles != 1 || stats.Events != 1 || stats.Failures != 3 {
		t.Errorf("stats = %+v, want 1 page, 1 article, 1 event, 3 failures", stats)
	}
	fs, _ := s.Failures(ctx, 10)
	for _, f := range fs {
		if f.URL == "https://a.example/3" && !strings.Contains(f.Error, "panic: extractor bug") {
			t.Errorf("panic failure recorded as %q", f.Error)
		}
	}
	// Hints fill what the extractor left empty.
	st, err := s.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.Article.Title != "Hint https://a.example/1" || st.Article.Published != "2020-01-02" || st.Article.URL != "https://a.example/1" {
		t.Errorf("article = %+v", st.Article)
	}
}

func TestRun(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	x := &textExtractor{}
	p := &ingest.Processor{Extractor: x, Store: s}
	items := func() []any {
		var it []any
		for i := 0; i < 50; i++ {
			it = append(it, page(fmt.Sprintf("https://a.example/%d", i), fmt.Sprintf("Story %d.", i)))
		}
		it = append(it, page("https://a.example/bad", "FAIL"),
			&eventwire.ItemError{Op: "read", Item: "file:///x/truncated.gz", Err: errors.New("gzip: truncated")})
		return it
	}
	var counters ingest.Counters
	sum, err := ingest.Run(ctx, &sliceSource{items: items()}, p, ingest.RunOptions{Workers: 4, Counters: &counters})
	if err != nil {
		t.Fatal(err)
	}
	want := ingest.Counts{Read: 51, Ingested: 50, Unchanged: 0, Failed: 2,
		FailedStages: map[string]int64{"extract": 1, "read": 1}, FailedKinds: map[string]int64{"no_content": 1, "other": 1}}
	if !reflect.DeepEqual(sum.Counts, want) || !reflect.DeepEqual(counters.Snapshot(), want) {
		t.Errorf("counts = %+v (counters %+v), want %+v", sum.Counts, counters.Snapshot(), want)
	}
	if len(sum.Failures) != 2 {
		t.Errorf("failures = %v", sum.Failures)
	}
	// Again: nothing new, and the extractor is not even called for stored pages.
	before := x.calls.Load()
	sum, err = ingest.Run(ctx, &sliceSource{items: items()}, p, ingest.RunOptions{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 0 || sum.Unchanged != 50 || sum.Failed != 2 {
		t.Errorf("second run = %+v, want 0 ingested, 50 unchanged, 2 failed", sum.Counts)
	}
	if calls := x.calls.Load() - before; calls != 1 {
		t.Errorf("second run extracted %d pages, want 1 (the failed one)", calls)
	}
	stats, _ := s.Stats(ctx)
	if stats.Pages != 50 || stats.Failures != 2 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestRunCancel(t *testing.T) {
	s := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int64
	p := &ingest.Processor{Extractor: &textExtractor{}, Store: s, Coders: []ingest.Coder{ingest.CoderFunc{N: "stop",
		F: func(context.Context, *eventwire.Story) error {
			if n.Add(1) == 10 {
				cancel()
			}
			return nil
		}}}}
	var items []any
	for i := 0; i < 1000; i++ {
		items = append(items, page(fmt.Sprintf("https://a.example/%d", i), "x"))
	}
	sum, err := ingest.Run(ctx, &sliceSource{items: items}, p, ingest.RunOptions{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sum.Read >= 1000 || sum.Failed != 0 {
		t.Errorf("after cancel: %+v; want the run stopped early with no failures recorded", sum.Counts)
	}
}

// TestRunByteBudget: with a budget smaller than two pages, pages are
// processed one at a time whatever the number of workers.
func TestRunByteBudget(t *testing.T) {
	s := openStore(t)
	var cur, peak atomic.Int64
	p := &ingest.Processor{Extractor: &textExtractor{}, Store: s, Coders: []ingest.Coder{ingest.CoderFunc{N: "watch",
		F: func(context.Context, *eventwire.Story) error {
			n := cur.Add(1)
			for {
				old := peak.Load()
				if n <= old || peak.CompareAndSwap(old, n) {
					break
				}
			}
			time.Sleep(2 * time.Millisecond)
			cur.Add(-1)
			return nil
		}}}}
	var items []any
	for i := 0; i < 40; i++ {
		items = append(items, page(fmt.Sprintf("https://a.example/%d", i), fmt.Sprintf("Story number %03d.", i))) // 18 bytes
	}
	sum, err := ingest.Run(context.Background(), &sliceSource{items: items}, p,
		ingest.RunOptions{Workers: 4, MaxInflightBytes: 30})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 40 {
		t.Fatalf("ingested %d, want 40", sum.Ingested)
	}
	if got := peak.Load(); got != 1 {
		t.Errorf("peak concurrency = %d, want 1 under a 30-byte budget for 18-byte pages", got)
	}
	// And with room for all, the workers do overlap.
	peak.Store(0)
	var more []any
	for i := 0; i < 40; i++ {
		more = append(more, page(fmt.Sprintf("https://b.example/%d", i), fmt.Sprintf("Story number %03d.", i)))
	}
	if _, err := ingest.Run(context.Background(), &sliceSource{items: more}, p, ingest.RunOptions{Workers: 4}); err != nil {
		t.Fatal(err)
	}
	if got := peak.Load(); got < 2 {
		t.Errorf("peak concurrency with the default budget = %d, want >= 2", got)
	}
}

// spaceAnnotator is a stand-in parser: one token per space-separated word,
// one sentence; text starting with "BADPARSE" fails.
type spaceAnnotator struct{}

func (spaceAnnotator) Annotate(ctx context.Context, d *text.Doc) error {
	if strings.HasPrefix(d.Text, "BADPARSE") {
		return errors.New("parser broke")
	}
	for i, start := 0, -1; i <= len(d.Text); i++ {
		if i == len(d.Text) || d.Text[i] == ' ' {
			if start >= 0 {
				d.Tokens = append(d.Tokens, text.Token{Start: int32(start), End: int32(i), Head: -1})
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	d.Sents = []text.Span{{Start: 0, End: int32(len(d.Tokens))}}
	d.Attrs |= text.AttrTokens | text.AttrSents
	return nil
}

// TestAnnotate checks that the Doc reaches the coders and the store, that
// MaxAnnotateBytes and annotator errors fail stage annotate, and that the
// stage times add up.
func TestAnnotate(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	var times ingest.StageTimes
	p := &ingest.Processor{Extractor: &textExtractor{}, Annotator: spaceAnnotator{}, Store: s, Times: &times,
		MaxAnnotateBytes: 20,
		Coders: []ingest.Coder{ingest.CoderFunc{N: "count", F: func(ctx context.Context, st *eventwire.Story) error {
			if st.Doc == nil {
				return errors.New("no Doc")
			}
			st.Events = make([]eventwire.Event, len(st.Doc.Tokens)) // one per word
			return nil
		}}}}
	st, err := p.Process(ctx, page("https://a.example/ok", "three short words"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Doc == nil || len(got.Doc.Tokens) != 3 || got.Doc.Text != "three short words" || len(got.Events) != 3 {
		t.Errorf("stored Doc %+v with %d events; want 3 tokens and 3 events", got.Doc, len(got.Events))
	}
	for _, tc := range []struct{ url, body, want string }{
		{"https://a.example/long", "a text longer than twenty bytes", "more than the 20 parsed"},
		{"https://a.example/bad", "BADPARSE me", "parser broke"},
	} {
		_, err := p.Process(ctx, page(tc.url, tc.body))
		var ie *eventwire.ItemError
		if !errors.As(err, &ie) || ie.Op != ingest.StageAnnotate || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want an annotate ItemError saying %q", tc.url, err, tc.want)
		}
	}
	if _, err := p.Process(ctx, page("https://a.example/long2", "a text longer than twenty bytes")); !errors.Is(err, eventwire.ErrTooLarge) {
		t.Errorf("long text: err = %v, want ErrTooLarge", err)
	}
	fs, err := s.Failures(ctx, 0)
	if err != nil || len(fs) != 3 {
		t.Fatalf("failures = %+v, %v; want 3", fs, err)
	}
	for _, f := range fs {
		if f.Stage != ingest.StageAnnotate {
			t.Errorf("failure %+v, want stage annotate", f)
		}
	}
	d := times.Snapshot()
	if d.Extract <= 0 || d.Annotate <= 0 || d.Code <= 0 || d.Store <= 0 {
		t.Errorf("stage times %+v, want all positive", d)
	}
}
