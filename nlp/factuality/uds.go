package factuality

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Judgement is one UDS-IH2 factuality judgement: did the event that the
// word names happen? Value runs from about -3 (did not) to +3 (did).
type Judgement struct {
	ID         string  // uds_id
	Split      string  // train, dev or test
	SentID     string  // the EWT sentence id ("# sent_id")
	Word       int     // 0-based index of the word in its sentence (the file counts from 1)
	Form       string  // the word's form in EWT v2.16, for checking the alignment
	Value      float64 // factual_value
	Confidence float64 // annotators' normalised confidence, 0-1
	Line       int     // line in the file, for messages
}

// Error is a problem at a line of a UDS file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.File == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ErrorList is every problem found in a file, in line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// udsHeader is the header line of the aligned UDS-IH2 file.
var udsHeader = []string{"uds_id", "split", "sent_id", "token_id", "form_v2.16", "upos_v2.16", "factual_value", "confidence"}

// Limits on what ReadUDS accepts from one file.
const (
	maxUDSLine  = 1 << 16
	maxUDSLines = 1 << 22
	maxErrors   = 20
)

// ReadUDS reads the tab-separated UDS-IH2 file aligned to EWT
// (../shared/data/ud/uds-factuality/, uncompressed): a header line, then
// uds_id, split, sent_id, token_id (from 1), form, UPOS, factual_value,
// confidence. name labels errors ("file:line: ..."); every bad line is
// reported, up to a limit, in an ErrorList.
func ReadUDS(r io.Reader, name string) ([]Judgement, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxUDSLine)
	var out []Judgement
	var errs ErrorList
	fail := func(line int, format string, args ...any) {
		if len(errs) < maxErrors {
			errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
		}
	}
	line := 0
	for sc.Scan() {
		line++
		if line > maxUDSLines {
			fail(line, "more than %d lines", maxUDSLines)
			break
		}
		s := strings.TrimRight(sc.Text(), "\r")
		f := strings.Split(s, "\t")
		if line == 1 {
			if strings.Join(f, "\t") != strings.Join(udsHeader, "\t") {
				fail(line, "header %q, want %q", s, strings.Join(udsHeader, "\t"))
				return nil, errs
			}
			continue
		}
		if s == "" {
			continue
		}
		if len(f) != len(udsHeader) {
			fail(line, "%d fields, want %d", len(f), len(udsHeader))
			continue
		}
		j := Judgement{ID: f[0], Split: f[1], SentID: f[2], Form: f[4], Line: line}
		switch j.Split {
		case "train", "dev", "test":
		default:
			fail(line, "split %q, want train, dev or test", j.Split)
			continue
		}
		if j.SentID == "" {
			fail(line, "empty sent_id")
			continue
		}
		w, err := strconv.Atoi(f[3])
		if err != nil || w < 1 || w > 10000 {
			fail(line, "token_id %q is not a word number from 1", f[3])
			continue
		}
		j.Word = w - 1
		v, err1 := strconv.ParseFloat(f[6], 64)
		c, err2 := strconv.ParseFloat(f[7], 64)
		switch {
		case err1 != nil || math.IsNaN(v) || v < -4 || v > 4:
			fail(line, "factual_value %q is not a number in -4..4", f[6])
			continue
		case err2 != nil || math.IsNaN(c) || c < 0 || c > 1:
			fail(line, "confidence %q is not a number in 0..1", f[7])
			continue
		}
		j.Value, j.Confidence = v, c
		out = append(out, j)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			fail(line+1, "line longer than %d bytes", maxUDSLine)
		} else {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if line == 0 {
		fail(1, "empty file")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}
