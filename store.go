package eventwire

import "time"

// StoreStats counts what a Store holds.
type StoreStats struct {
	Pages    int64 `json:"pages"`
	Articles int64 `json:"articles"`
	Failures int64 `json:"failures"`
	Events   int64 `json:"events"`
	Quotes   int64 `json:"quotes"`
	Places   int64 `json:"places"`
}

// Failure is a page that failed a stage, as recorded by Store.PutFailure.
type Failure struct {
	URL      string    `json:"url"`
	Origin   string    `json:"origin,omitempty"`
	Stage    string    `json:"stage"`
	Error    string    `json:"error"`
	Attempts int       `json:"attempts"`
	LastAt   time.Time `json:"last_at"`
}

// CountBy names how Store.CountEvents groups events.
type CountBy int

// The groupings of Store.CountEvents.
const (
	// CountByDay counts events per day (the first ten characters of
	// Event.Date) and QuadClass, in date then class order; undated events
	// are left out.
	CountByDay CountBy = iota + 1
	// CountByDyad counts events per source and target actor code, most
	// events first (then by codes), at most EventFilter.Limit pairs; events
	// without both codes are left out.
	CountByDyad
)

// EventCount is the number of events that share a key: Day and QuadClass
// (CountByDay) or Source and Target (CountByDyad).
type EventCount struct {
	Day       string `json:"day,omitempty"`
	QuadClass int    `json:"quad_class,omitempty"`
	Source    string `json:"source,omitempty"`
	Target    string `json:"target,omitempty"`
	Events    int64  `json:"events"`
}
