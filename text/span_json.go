package text

import (
	"encoding/json"
	"fmt"
)

// MarshalJSON writes a Span as the two-element array [start, end], the
// compact form used in every JSON output of eventwire.
func (s Span) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]int32{s.Start, s.End})
}

// UnmarshalJSON reads a Span from [start, end]. It also accepts the object
// form {"Start":s,"End":e} so that data written before arrays were used
// still reads.
func (s *Span) UnmarshalJSON(b []byte) error {
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
