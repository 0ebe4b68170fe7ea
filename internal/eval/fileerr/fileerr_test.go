package fileerr

import (
	"errors"
	"testing"

	"github.com/eventwire/eventwire"
)

func TestList(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Error("an empty list is no error")
	}
	l.Add("a.tsv", 3, "bad field %q", "x")
	l.Add("a.tsv", 0, "file too large")
	err := l.Err()
	if err == nil || err.Error() != "a.tsv:3: bad field \"x\"\na.tsv: file too large" {
		t.Errorf("error %q", err)
	}
	if !errors.Is(err, eventwire.ErrInvalid) {
		t.Error("a list does not wrap ErrInvalid")
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 {
		t.Errorf("errors.As found %+v", e)
	}
}
