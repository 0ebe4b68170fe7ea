package sqlite_test

import (
	"context"
	"errors"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/storetest"
)

func TestPlaceArticles(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	for _, u := range []string{"https://example.com/1", "https://example.com/2"} {
		st := storetest.Story(u, "Baghdad story", "Words about Baghdad.")
		if _, err := s.PutStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	other := storetest.Story("https://example.com/3", "Elsewhere", "Other words.")
	other.Places = []eventwire.Place{{Text: "Kyiv", GeonameID: 703448, Name: "Kyiv", Country: "UA"}}
	if _, err := s.PutStory(ctx, other); err != nil {
		t.Fatal(err)
	}
	p, as, err := s.PlaceArticles(ctx, 98182, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Baghdad" || p.Country != "IQ" || len(as) != 2 || as[0].ID != 2 || as[1].ID != 1 {
		t.Errorf("Baghdad: %+v, %+v", p, as)
	}
	if _, as, _ := s.PlaceArticles(ctx, 98182, 1); len(as) != 1 {
		t.Errorf("limit 1: %d articles", len(as))
	}
	for _, id := range []int64{0, 12345} {
		if _, _, err := s.PlaceArticles(ctx, id, 0); !errors.Is(err, eventwire.ErrNotFound) {
			t.Errorf("place %d: %v, want ErrNotFound", id, err)
		}
	}
}
