package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

func page(i int) *eventwire.Page { return &eventwire.Page{URL: fmt.Sprint(i)} }

func TestMemoryOrderAckNack(t *testing.T) {
	ctx := context.Background()
	q := NewMemory(3)
	for i := 0; i < 3; i++ {
		if err := q.Put(ctx, page(i)); err != nil {
			t.Fatal(err)
		}
	}
	// Full: Put waits until ctx ends.
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := q.Put(short, page(9)); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Put on a full queue = %v, want deadline exceeded", err)
	}
	d0, _ := q.Get(ctx)
	d1, _ := q.Get(ctx)
	if d0.Page.URL != "0" || d1.Page.URL != "1" || d0.Attempt != 1 {
		t.Fatalf("got %s (attempt %d), %s; want 0 (1), 1", d0.Page.URL, d0.Attempt, d1.Page.URL)
	}
	d0.Ack()
	d1.Nack()
	d1.Nack() // settling twice is a no-op
	if w, f := q.Len(); w != 2 || f != 0 {
		t.Errorf("Len = %d waiting, %d in flight; want 2, 0", w, f)
	}
	again, _ := q.Get(ctx)
	if again.Page.URL != "1" || again.Attempt != 2 {
		t.Errorf("after Nack got %s attempt %d, want 1 attempt 2", again.Page.URL, again.Attempt)
	}
	q.Close()
	if err := q.Put(ctx, page(5)); !errors.Is(err, ErrClosed) {
		t.Errorf("Put after Close = %v, want ErrClosed", err)
	}
	d2, err := q.Get(ctx)
	if err != nil || d2.Page.URL != "2" {
		t.Fatalf("Get after Close = %v, %v; want the queued page 2", d2, err)
	}
	d2.Ack()
	// Page 1 is still in flight: Get waits for it rather than reporting the end.
	done := make(chan error, 1)
	go func() { _, err := q.Get(ctx); done <- err }()
	select {
	case err := <-done:
		t.Fatalf("Get returned %v while a delivery was unsettled", err)
	case <-time.After(20 * time.Millisecond):
	}
	again.Ack()
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Errorf("Get on a drained closed queue = %v, want ErrClosed", err)
	}
}

// TestMemoryConcurrent: every page put is delivered and acked exactly once.
func TestMemoryConcurrent(t *testing.T) {
	ctx := context.Background()
	q := NewMemory(4)
	const n = 1000
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				d, err := q.Get(ctx)
				if errors.Is(err, ErrClosed) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				seen[d.Page.URL]++
				mu.Unlock()
				d.Ack()
			}
		}()
	}
	for i := 0; i < n; i++ {
		if err := q.Put(ctx, page(i)); err != nil {
			t.Fatal(err)
		}
	}
	q.Close()
	wg.Wait()
	if len(seen) != n {
		t.Fatalf("%d pages delivered, want %d", len(seen), n)
	}
	for u, c := range seen {
		if c != 1 {
			t.Errorf("page %s delivered %d times", u, c)
		}
	}
}

// A cancelled Get returns at once even with pages waiting, so workers stop
// promptly instead of spinning on redelivered pages.
func TestMemoryGetCancelled(t *testing.T) {
	q := NewMemory(2)
	q.Put(context.Background(), page(1))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if d, err := q.Get(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Get(cancelled) = %v, %v; want context.Canceled", d, err)
	}
}
