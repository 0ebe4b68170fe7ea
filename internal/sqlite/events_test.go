package sqlite

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/storetest"
)

// filteredStore returns a store of 60 stories of 1 to 12 events each, over
// a few actors, codes, dates and words, merged, with some stories' events
// replaced so that the IDs have gaps.
func filteredStore(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "events.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(9, 9))
	actors := []string{"USA", "USAGOV", "RUS", "RUSMIL", "SYR", "SYRREB", "IRN", ""}
	codes := []struct{ cameo, plover string }{{"010", ""}, {"040", "CONSULT"}, {"042", "CONSULT"}, {"111", "ACCUSE"},
		{"190", "ASSAULT"}, {"195", "ASSAULT"}, {"1951", "ASSAULT"}}
	words := []string{"talks", "strike", "border", "oil", "summit"}
	for i := range 60 {
		body := "Officials said " + words[r.IntN(len(words))] + " and " + words[r.IntN(len(words))] + "."
		x := storetest.Story(fmt.Sprintf("https://n%d.example/%d", i%3, i), fmt.Sprintf("Story %d", i), body)
		x.Events = nil
		for range 1 + r.IntN(12) {
			c := codes[r.IntN(len(codes))]
			date := fmt.Sprintf("2024-01-%02d", 1+r.IntN(9))
			if r.IntN(10) == 0 {
				date = ""
			}
			x.Events = append(x.Events, eventwire.Event{CAMEO: c.cameo, PLOVER: c.plover, Date: date, Confidence: r.Float64(),
				Source: eventwire.Actor{Code: actors[r.IntN(len(actors))]}, Target: eventwire.Actor{Code: actors[r.IntN(len(actors))]}})
		}
		if _, err := s.PutStory(ctx, x); err != nil {
			t.Fatal(err)
		}
		if i%7 == 3 { // events coded again: new IDs, a gap behind
			if err := s.ReplaceEvents(ctx, x.ID, x.Events[:len(x.Events)/2]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.MergeEvents(ctx, 1, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// passes reports whether r passes f's filters, as the API defines them,
// given the stories that hold f's words.
func passes(r eventwire.EventRecord, f eventwire.EventFilter, search map[int64]bool) bool {
	e := r.Event
	pre := func(code, p string) bool { return p == "" || strings.HasPrefix(code, strings.ToUpper(p)) }
	return pre(e.Source.Code, f.Source) && pre(e.Target.Code, f.Target) && pre(e.CAMEO, f.CAMEO) &&
		(f.Actor == "" || pre(e.Source.Code, f.Actor) || pre(e.Target.Code, f.Actor)) &&
		(f.PLOVER == "" || e.PLOVER == strings.ToUpper(f.PLOVER)) &&
		(f.From == "" || e.Date >= f.From) && (f.To == "" || e.Date < f.To+"\xff") &&
		(f.Search == "" || search[r.StoryID])
}

// TestFilteredListings checks Events and MergedEvents against a filter
// applied to every event, for many filters, cursors and page sizes, with
// the walk of a listing as long as in use and short enough that most
// pages end on the indexes.
func TestFilteredListings(t *testing.T) {
	ctx := context.Background()
	s := filteredStore(t)
	all, err := s.Events(ctx, eventwire.EventFilter{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	merged, err := s.MergedEvents(ctx, eventwire.EventFilter{Limit: MaxLimit}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 200 || len(merged) < 100 {
		t.Fatalf("%d events, %d merged: too few to test", len(all), len(merged))
	}
	filters := []eventwire.EventFilter{
		{}, {Actor: "usa"}, {Actor: "SYRREB"}, {Actor: "CHN"}, {Source: "RUS"}, {Target: "IRN"}, {CAMEO: "19"},
		{CAMEO: "1951"}, {PLOVER: "consult"}, {From: "2024-01-03", To: "2024-01-04"}, {From: "2024-01-08"},
		{Search: "talks"}, {Search: "summit border"}, {Search: "nothing"}, {Actor: "RUS", CAMEO: "0"},
		{Source: "USA", Target: "SYR", PLOVER: "ASSAULT"}, {Actor: "IRN", Search: "oil", To: "2024-01-05"},
	}
	defer func(m, p int) { windowMin, windowPerRow = m, p }(windowMin, windowPerRow)
	for _, win := range [][2]int{{2048, 32}, {4, 2}, {1, 1}} {
		windowMin, windowPerRow = win[0], win[1]
		for _, f := range filters {
			search := map[int64]bool{}
			if f.Search != "" {
				as, err := s.Articles(ctx, eventwire.ArticleFilter{Search: f.Search, Limit: MaxLimit})
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range as {
					search[a.ID] = true
				}
			}
			var want []int64
			for _, r := range all {
				if passes(r, f, search) {
					want = append(want, r.ID)
				}
			}
			var wantMerged []int64
			for _, me := range merged {
				if slices.ContainsFunc(me.Mentions, func(r eventwire.EventRecord) bool { return passes(r, f, search) }) {
					wantMerged = append(wantMerged, me.ID)
				}
			}
			for _, limit := range []int{1, 3, 50} {
				for _, after := range []int64{0, 17, all[len(all)/2].ID, all[len(all)-1].ID, math.MaxInt64 - 1} {
					g := f
					g.After, g.Limit = after, limit
					recs, err := s.Events(ctx, g)
					if err != nil {
						t.Fatalf("Events(%+v): %v", g, err)
					}
					var got []int64
					for _, r := range recs {
						got = append(got, r.ID)
					}
					if w := page(want, after, limit); !slices.Equal(got, w) {
						t.Errorf("window %v: Events(%+v) = %v, want %v", win, g, got, w)
					}
					ms, err := s.MergedEvents(ctx, g, false)
					if err != nil {
						t.Fatalf("MergedEvents(%+v): %v", g, err)
					}
					got = got[:0]
					for _, me := range ms {
						got = append(got, me.ID)
					}
					if w := page(wantMerged, after, limit); !slices.Equal(got, w) {
						t.Errorf("window %v: MergedEvents(%+v) = %v, want %v", win, g, got, w)
					}
				}
			}
		}
	}
}

// page returns the first limit IDs of ids after after.
func page(ids []int64, after int64, limit int) []int64 {
	var out []int64
	for _, id := range ids {
		if id > after && len(out) < limit {
			out = append(out, id)
		}
	}
	return out
}

// TestSearchNUL checks that a NUL byte in searched words separates them
// rather than breaking the full-text query.
func TestSearchNUL(t *testing.T) {
	ctx := context.Background()
	s := filteredStore(t)
	for _, q := range []string{"\x00", "talks\x00", "\x00summit\x00border"} {
		if _, err := s.Articles(ctx, eventwire.ArticleFilter{Search: q}); err != nil {
			t.Errorf("Articles(%q): %v", q, err)
		}
		if _, err := s.Events(ctx, eventwire.EventFilter{Search: q}); err != nil {
			t.Errorf("Events(%q): %v", q, err)
		}
		if _, err := s.Quotes(ctx, eventwire.QuoteFilter{Search: q}); err != nil {
			t.Errorf("Quotes(%q): %v", q, err)
		}
	}
	a, err := s.Articles(ctx, eventwire.ArticleFilter{Search: "summit\x00border"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Articles(ctx, eventwire.ArticleFilter{Search: "summit border"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) || len(a) == 0 {
		t.Errorf("summit NUL border: %d articles, summit border: %d", len(a), len(b))
	}
}
