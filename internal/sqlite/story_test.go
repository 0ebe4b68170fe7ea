package sqlite_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/storetest"
)

// TestArticleStory checks that ArticleStory is Story without the raw page
// body and the quotes, and without the events and places unless asked.
func TestArticleStory(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	x := storetest.Story("https://a.example/1", "One", "Officials met in Baghdad on Monday.")
	if _, err := s.PutStory(ctx, x); err != nil {
		t.Fatal(err)
	}
	full, err := s.Story(ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Page.Body) == 0 || len(full.Events) == 0 || len(full.Quotes) == 0 || len(full.Places) == 0 || full.Doc == nil {
		t.Fatalf("the story lacks parts to compare: %+v", full)
	}
	for _, withEvents := range []bool{true, false} {
		got, err := s.ArticleStory(ctx, x.ID, withEvents)
		if err != nil {
			t.Fatal(err)
		}
		want := *full
		page := *full.Page
		page.Body = nil
		want.Page, want.Quotes = &page, nil
		if !withEvents {
			want.Events, want.Places = nil, nil
		}
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("withEvents %v:\n%+v\nwant\n%+v", withEvents, got, &want)
		}
	}
	if _, err := s.ArticleStory(ctx, 999, true); !errors.Is(err, eventwire.ErrNotFound) {
		t.Errorf("a missing story: %v, want ErrNotFound", err)
	}
}
