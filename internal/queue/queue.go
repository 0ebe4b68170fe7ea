// Package queue carries pages from sources to the workers that process
// them. Queue is the contract (at-least-once: a page is acknowledged only
// after its story is committed, and a page not acknowledged is delivered
// again); Memory is the in-process implementation used by a single
// "eventwire ingest". A durable implementation (NATS JetStream) satisfies the
// same interface for multi-process deployments.
package queue

import (
	"context"
	"errors"
	"sync"

	"github.com/eventwire/eventwire"
)

// ErrClosed is returned by Put after Close, and by Get once a closed queue
// is drained.
var ErrClosed = errors.New("queue closed")

// Queue carries pages to workers.
//
// Put blocks while the queue is full, until there is room or ctx is done.
// Get blocks until a page is available, ctx is done, or the queue is closed
// and drained (ErrClosed). Each delivery must be settled exactly once: Ack
// after the page's outcome is stored (success or recorded failure), Nack to
// have it delivered again (the worker stopped before handling it). Close
// stops Put; pages already queued are still delivered. Implementations are
// safe for concurrent use.
type Queue interface {
	Put(ctx context.Context, p *eventwire.Page) error
	Get(ctx context.Context) (*Delivery, error)
	Close() error
}

// Delivery is one page handed to a worker.
type Delivery struct {
	Page *eventwire.Page
	// Attempt counts deliveries of this page, from 1.
	Attempt int
	settle  func(ack bool)
	once    sync.Once
}

// Ack settles the delivery as handled.
func (d *Delivery) Ack() { d.once.Do(func() { d.settle(true) }) }

// Nack settles the delivery as not handled: the page is delivered again.
func (d *Delivery) Nack() { d.once.Do(func() { d.settle(false) }) }

// Memory is an in-process Queue: a bounded buffer, with Nacked pages put
// back at the front. Nothing survives the process; durability comes from
// the store's idempotence (rerunning an ingest skips stored pages).
type Memory struct {
	mu       sync.Mutex
	cond     chan struct{} // closed and replaced whenever the state changes
	buf      []item
	cap      int
	inflight int
	closed   bool
}

type item struct {
	p       *eventwire.Page
	attempt int
}

var _ Queue = (*Memory)(nil)

// NewMemory returns an in-process queue holding at most capacity pages
// (at least 1).
func NewMemory(capacity int) *Memory {
	return &Memory{cap: max(capacity, 1), cond: make(chan struct{})}
}

// signal wakes every waiter; the caller holds mu.
func (q *Memory) signal() {
	close(q.cond)
	q.cond = make(chan struct{})
}

// Put adds p, waiting for room.
func (q *Memory) Put(ctx context.Context, p *eventwire.Page) error {
	q.mu.Lock()
	for {
		if q.closed {
			q.mu.Unlock()
			return ErrClosed
		}
		if len(q.buf) < q.cap {
			q.buf = append(q.buf, item{p: p, attempt: 0})
			q.signal()
			q.mu.Unlock()
			return nil
		}
		wait := q.cond
		q.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		}
		q.mu.Lock()
	}
}

// Get returns the next page, waiting for one.
func (q *Memory) Get(ctx context.Context) (*Delivery, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q.mu.Lock()
	for {
		if len(q.buf) > 0 {
			it := q.buf[0]
			q.buf = q.buf[1:]
			q.inflight++
			q.signal()
			q.mu.Unlock()
			it.attempt++
			d := &Delivery{Page: it.p, Attempt: it.attempt}
			d.settle = func(ack bool) { q.settle(it, ack) }
			return d, nil
		}
		if q.closed && q.inflight == 0 {
			q.mu.Unlock()
			return nil, ErrClosed
		}
		wait := q.cond
		q.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		q.mu.Lock()
	}
}

func (q *Memory) settle(it item, ack bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.inflight--
	if !ack {
		// Back to the front, even past capacity: it was already admitted.
		q.buf = append([]item{it}, q.buf...)
	}
	q.signal()
}

// Len returns the pages waiting and the pages delivered but not settled.
func (q *Memory) Len() (waiting, inflight int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.buf), q.inflight
}

// Close stops Put. Get keeps delivering what is queued (and what is
// Nacked) and returns ErrClosed when nothing is left.
func (q *Memory) Close() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.closed {
		q.closed = true
		q.signal()
	}
	return nil
}
