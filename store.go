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
