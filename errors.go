package eventwire

import (
	"errors"
	"fmt"
)

// Error codes callers branch on; the HTTP layer maps them to status codes.
var (
	ErrNotFound    = errors.New("not found")
	ErrInvalid     = errors.New("invalid input")
	ErrTooLarge    = errors.New("input too large")
	ErrNoContent   = errors.New("no article content")
	ErrUnsupported = errors.New("unsupported input")
)

// ItemError is a failure that concerns one item (a page, a record, a file)
// and not the run: the caller records it and goes on.
type ItemError struct {
	Op   string // the stage: "read", "fetch", "extract", "store"
	Item string // URL, path, or "path#record"
	Err  error
}

func (e *ItemError) Error() string { return fmt.Sprintf("%s %s: %v", e.Op, e.Item, e.Err) }

// Unwrap returns the cause.
func (e *ItemError) Unwrap() error { return e.Err }
