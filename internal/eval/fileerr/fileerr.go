// Package fileerr is the error type the evaluation readers share: a
// problem at one line of a data file, and the list of all of a file's
// problems, reported at once in the manner of go/scanner.ErrorList. Every
// Error wraps eventwire.ErrInvalid.
package fileerr

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
)

// Error is a problem at one line of a file (Line 0: the file as a whole).
type Error struct {
	File string
	Line int
	Msg  string
}

// Error returns "file:line: message".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap makes every Error an eventwire.ErrInvalid.
func (e *Error) Unwrap() error { return eventwire.ErrInvalid }

// List is every problem of a file, in line order.
type List []*Error

// Add appends a problem at file:line.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Error lists every problem, one per line.
func (l List) Error() string {
	if len(l) == 0 {
		return "no errors"
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the problems, so errors.Is(list, eventwire.ErrInvalid)
// holds.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}
