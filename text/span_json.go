package text

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// MarshalJSON writes a Span as the two-element array [start, end], the
// compact form used in every JSON output of eventwire. It writes the bytes
// json.Marshal([2]int32{start, end}) would, without its reflection: every
// event has several spans, and the web API encodes pages of events.
func (s Span) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, ']'), nil
}

// UnmarshalJSON reads a Span from [start, end]. It also accepts the object
// form {"Start":s,"End":e} so that data written before arrays were used
// still reads.
func (s *Span) UnmarshalJSON(b []byte) error {
	if start, end, ok := parseSpan(b); ok {
		s.Start, s.End = start, end
		return nil
	}
	return s.unmarshalJSON(b)
}

// unmarshalJSON is UnmarshalJSON through encoding/json: every form it
// accepts, and the errors.
func (s *Span) unmarshalJSON(b []byte) error {
	var a []int32
	if err := json.Unmarshal(b, &a); err == nil {
		if len(a) != 2 {
			return fmt.Errorf("text: span: want [start,end], got %d numbers", len(a))
		}
		s.Start, s.End = a[0], a[1]
		return nil
	}
	var o struct{ Start, End int32 }
	if err := json.Unmarshal(b, &o); err != nil {
		return fmt.Errorf("text: span: want [start,end]: %w", err)
	}
	s.Start, s.End = o.Start, o.End
	return nil
}

// parseSpan reads the usual form, [start,end] with two integers that fit
// in an int32 and JSON white space around them, without encoding/json
// (reading stored events spent a tenth of its time on spans); ok is false
// for anything else, which unmarshalJSON then reads or refuses.
func parseSpan(b []byte) (start, end int32, ok bool) {
	i := 0
	space := func() {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
			i++
		}
	}
	// num reads an integer as JSON writes one (no leading zeros, no
	// fraction or exponent) that fits in an int32.
	num := func() (int32, bool) {
		neg := i < len(b) && b[i] == '-'
		if neg {
			i++
		}
		d := i
		var n int64
		for i < len(b) && b[i] >= '0' && b[i] <= '9' && i-d < 11 {
			n = n*10 + int64(b[i]-'0')
			i++
		}
		if i == d || i-d > 10 || (b[d] == '0' && i-d > 1) {
			return 0, false
		}
		if neg {
			n = -n
		}
		if n < -1<<31 || n > 1<<31-1 {
			return 0, false
		}
		return int32(n), true
	}
	expect := func(c byte) bool {
		space()
		if i < len(b) && b[i] == c {
			i++
			return true
		}
		return false
	}
	if !expect('[') {
		return 0, 0, false
	}
	space()
	start, ok = num()
	if !ok || !expect(',') {
		return 0, 0, false
	}
	space()
	end, ok = num()
	if !ok || !expect(']') {
		return 0, 0, false
	}
	space()
	return start, end, i == len(b)
}
