package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestEachFailure walks more failures than one batch, in the order they
// were recorded, bodies or not, and stops at fn's error.
func TestEachFailure(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	const n = 2345 // three batches
	for i := range n {
		p := &eventwire.Page{URL: fmt.Sprintf("file:///in/%05d.html", i), Origin: "file"}
		if i%2 == 1 {
			p.Body = []byte("<p>kept body</p>") // a failure after reading
		}
		if err := s.PutFailure(ctx, p, "read", fmt.Errorf("bad %d: %w", i, eventwire.ErrUnsupported)); err != nil {
			t.Fatal(err)
		}
	}
	// A second failure of the first page updates its record, not a new one.
	if err := s.PutFailure(ctx, &eventwire.Page{URL: "file:///in/00000.html"}, "read", errors.New("again")); err != nil {
		t.Fatal(err)
	}
	var got []eventwire.Failure
	if err := s.EachFailure(ctx, func(f eventwire.Failure) error { got = append(got, f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("walked %d failures, want %d", len(got), n)
	}
	for i, f := range got {
		if want := fmt.Sprintf("file:///in/%05d.html", i); f.URL != want || f.Stage != "read" {
			t.Fatalf("failure %d = %s %s, want %s read", i, f.URL, f.Stage, want)
		}
	}
	if got[0].Attempts != 2 || got[0].Error != "again" || got[1].Attempts != 1 || got[1].Error != "bad 1: unsupported input" {
		t.Errorf("first two = %+v, %+v", got[0], got[1])
	}
	if got[5].LastAt.IsZero() || got[5].Origin != "file" {
		t.Errorf("failure 5 has no time or origin: %+v", got[5])
	}

	stop := errors.New("stop")
	calls := 0
	err := s.EachFailure(ctx, func(eventwire.Failure) error {
		calls++
		if calls == 1500 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 1500 {
		t.Errorf("walk with a stop: err %v after %d calls, want stop after 1500", err, calls)
	}
}
