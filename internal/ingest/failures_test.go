package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/queue"
)

// timeoutError is a network error that timed out, as net/http returns.
type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

func TestFailureKind(t *testing.T) {
	_, statErr := os.Stat("/does/not/exist")
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("read: %w", eventwire.ErrTooLarge), "too_large"},
		{fmt.Errorf("binary content: %w", eventwire.ErrUnsupported), "unsupported"},
		{&eventwire.ItemError{Op: "extract", Err: eventwire.ErrNoContent}, "no_content"},
		{fmt.Errorf("x.jsonl:3: %w", eventwire.ErrInvalid), "invalid"},
		{eventwire.ErrNotFound, "not_found"},
		{statErr, "not_found"},
		{fmt.Errorf("walk: %w", fs.ErrNotExist), "not_found"},
		{context.DeadlineExceeded, "timeout"},
		{&url.Error{Op: "Get", URL: "https://x.example/", Err: timeoutError{}}, "timeout"},
		{errors.New("gzip: truncated"), "other"},
		{errors.Join(eventwire.ErrTooLarge, errors.New("recording the failure: disk full")), "too_large"},
	}
	for _, tt := range tests {
		if got := ingest.FailureKind(tt.err); got != tt.want {
			t.Errorf("FailureKind(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestRunManyFailures: the summary keeps at most MaxFailures failures but
// counts them all, by stage and kind, and the store records them all.
func TestRunManyFailures(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := &ingest.Processor{Extractor: &textExtractor{}, Store: s}
	var items []any
	for i := range 300 {
		switch i % 3 {
		case 0:
			items = append(items, page(fmt.Sprintf("https://a.example/fail/%d", i), "FAIL"))
		case 1:
			items = append(items, &eventwire.ItemError{Op: ingest.StageRead, Item: fmt.Sprintf("file:///in/%d.bin", i),
				Err: fmt.Errorf("binary content: %w", eventwire.ErrUnsupported)})
		case 2:
			items = append(items, page(fmt.Sprintf("https://a.example/ok/%d", i), fmt.Sprintf("Story %d.", i)))
		}
	}
	sum, err := ingest.Run(ctx, &sliceSource{items: items}, p, ingest.RunOptions{Workers: 3, MaxFailures: 25})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 200 || sum.Ingested != 100 || len(sum.Failures) != 25 {
		t.Errorf("failed %d, ingested %d, listed %d; want 200, 100, 25", sum.Failed, sum.Ingested, len(sum.Failures))
	}
	if want := map[string]int64{"extract": 100, "read": 100}; !reflect.DeepEqual(sum.FailedStages, want) {
		t.Errorf("by stage %v, want %v", sum.FailedStages, want)
	}
	if want := map[string]int64{"no_content": 100, "unsupported": 100}; !reflect.DeepEqual(sum.FailedKinds, want) {
		t.Errorf("by kind %v, want %v", sum.FailedKinds, want)
	}
	if st, err := s.Stats(ctx); err != nil || st.Failures != 200 {
		t.Errorf("stored failures %d (%v), want 200", st.Failures, err)
	}
}

// failingQueue is an in-process queue whose Get fails after a number of
// deliveries, as a durable queue can when its connection is lost.
type failingQueue struct {
	*queue.Memory
	left atomic.Int64
	err  error
}

func (q *failingQueue) Get(ctx context.Context) (*queue.Delivery, error) {
	if q.left.Add(-1) < 0 {
		return nil, q.err
	}
	return q.Memory.Get(ctx)
}

// TestRunQueueFailure: when the queue fails, Run says so; it used to let
// the workers stop quietly and return no error, with pages read and never
// processed.
func TestRunQueueFailure(t *testing.T) {
	s := openStore(t)
	p := &ingest.Processor{Extractor: &textExtractor{}, Store: s}
	var items []any
	for i := range 20 {
		items = append(items, page(fmt.Sprintf("https://a.example/%d", i), fmt.Sprintf("Story %d.", i)))
	}
	q := &failingQueue{Memory: queue.NewMemory(100), err: errors.New("connection lost")}
	q.left.Store(5)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sum, err := ingest.Run(ctx, &sliceSource{items: items}, p, ingest.RunOptions{Workers: 1, Queue: q})
	if err == nil || !strings.Contains(err.Error(), "connection lost") {
		t.Errorf("err = %v, want the queue's error", err)
	}
	if sum == nil || sum.Ingested != 5 {
		t.Fatalf("summary %+v, want 5 ingested before the queue failed", sum)
	}
}

// TestRunLostPages: a queue that drops pages (here, one that says it is
// closed while it holds pages) cannot make Run report success: pages read
// and never processed are an error.
func TestRunLostPages(t *testing.T) {
	s := openStore(t)
	p := &ingest.Processor{Extractor: &textExtractor{}, Store: s}
	var items []any
	for i := range 20 {
		items = append(items, page(fmt.Sprintf("https://a.example/%d", i), fmt.Sprintf("Story %d.", i)))
	}
	q := &failingQueue{Memory: queue.NewMemory(100), err: queue.ErrClosed}
	q.left.Store(5)
	sum, err := ingest.Run(context.Background(), &sliceSource{items: items}, p, ingest.RunOptions{Workers: 1, Queue: q})
	if err == nil || !strings.Contains(err.Error(), "20 pages read but 5 processed") {
		t.Errorf("err = %v, want 20 pages read but 5 processed", err)
	}
	if sum == nil || sum.Ingested != 5 {
		t.Errorf("summary %+v, want 5 ingested", sum)
	}
}
