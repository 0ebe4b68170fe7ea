package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// Events lists stored events that pass f, in event ID order after f.After
// (eventwire.Store). Code prefixes are index range scans (events_by_source,
// events_by_target, events_cameo); a search joins the articles' full-text
// index.
//
// A filtered page is read in two steps (eventIDWindow): first the events
// whose IDs follow the cursor most closely, in ID order, which ends the
// page at once when many events pass the filter; then, if the page is not
// full, the events that pass from the indexes, sorted, which is quick when
// few do. Either alone is slow for the other kind of filter: at 100,000
// events, sorting every event of a CAMEO root (a fifth of them) took 3 ms
// and every event of articles holding a common word 15 ms, against 0.1 ms
// and 1 ms for the walk; walking past 6,000 events to find an actor that
// acts in one event of a hundred took 1 ms, against 0.3 ms from the
// indexes.
func (s *Store) Events(ctx context.Context, f eventwire.EventFilter) ([]eventwire.EventRecord, error) {
	where, args, err := eventWhere(f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	const cols = `SELECT e.id, e.page_id, p.url, COALESCE(a.title, ''), COALESCE(a.published, ''), p.fetched_at, e.json`
	const joins = ` JOIN pages p ON p.id = e.page_id LEFT JOIN articles a ON a.page_id = e.page_id`
	if len(where) == 0 {
		return s.scanEvents(ctx, limit, cols+` FROM events e`+joins+` WHERE e.id > ? ORDER BY e.id LIMIT ?`, f.After, limit)
	}
	cond := strings.Join(where, " AND ")
	// The walk: NOT INDEXED keeps the scan on the ID order (the rowid
	// range), whatever the planner thinks of the filter's indexes.
	hi := windowEnd(f.After, limit)
	out, err := s.scanEvents(ctx, limit, cols+` FROM events e NOT INDEXED`+joins+` WHERE `+cond+
		` AND e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?`, append(args[:len(args):len(args)], f.After, hi, limit)...)
	if err != nil || len(out) == limit {
		return out, err
	}
	if last, err := s.lastID(ctx, "events"); err != nil || hi >= last {
		return out, err
	}
	// The indexes, for the rest of the page, past the walk: the page's IDs
	// first, then their rows, so that only the events listed are joined
	// and decoded. An OR of the source and target ranges (an actor) is
	// read from both indexes and sorted (+e.id): the planner would walk
	// the ID order, which is slow when few events pass, as they do here.
	order := "e.id"
	if f.Actor != "" {
		order = "+e.id"
	}
	rest, err := s.scanEvents(ctx, limit-len(out), cols+` FROM (SELECT e.id FROM events e WHERE `+cond+` AND e.id > ? ORDER BY `+order+` LIMIT ?) x
		JOIN events e ON e.id = x.id`+joins+` ORDER BY e.id`, append(args, hi, limit-len(out))...)
	return append(out, rest...), err
}

// The walk of a filtered listing reads windowPerRow IDs for each row asked
// for, at least windowMin: a filter that one event in 32 passes ends its
// page there. (Variables, so that tests can make the walk short.)
var windowMin, windowPerRow = 2048, 32

// windowEnd is the last ID that the walk of a filtered listing of limit
// rows after the cursor after reads.
func windowEnd(after int64, limit int) int64 {
	hi := after + int64(max(windowMin, windowPerRow*limit))
	if hi < after {
		return math.MaxInt64
	}
	return hi
}

// lastID is the largest ID (rowid) of table, 0 when it is empty.
func (s *Store) lastID(ctx context.Context, table string) (int64, error) {
	var id int64
	if err := s.queryRow(ctx, `SELECT COALESCE(max(rowid), 0) FROM `+table).Scan(&id); err != nil {
		return 0, fmt.Errorf("sqlite: last id of %s: %w", table, err)
	}
	return id, nil
}

// scanEvents runs query, whose rows (at most limit) are an event's ID,
// story ID, URL, title, publication date, fetch time and JSON, and decodes
// them.
func (s *Store) scanEvents(ctx context.Context, limit int, query string, args ...any) ([]eventwire.EventRecord, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	// Each record is decoded in its place in out, made for a page at
	// once: a record decoded apart and appended was allocated twice over,
	// the most of the API's allocations.
	out := make([]eventwire.EventRecord, 0, min(limit, 256))
	// The JSON is read into one buffer, reused: it is decoded, not kept.
	var js sql.RawBytes
	for rows.Next() {
		out = append(out, eventwire.EventRecord{})
		r := &out[len(out)-1]
		if err := rows.Scan(&r.ID, &r.StoryID, &r.URL, &r.Title, &r.Published, &r.FetchedAt, &js); err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		if err := json.Unmarshal(js, &r.Event); err != nil {
			return nil, fmt.Errorf("sqlite: event %d: %w", r.ID, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return out, nil
}

// eventWhere is the WHERE clause (its terms, to be joined by AND) and
// arguments of the events, aliased e, that pass f's filters other than
// the cursor and the limit.
func eventWhere(f eventwire.EventFilter) (where []string, args []any, err error) {
	for _, d := range []string{f.From, f.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return nil, nil, fmt.Errorf("%w: date %q is not YYYY-MM-DD", eventwire.ErrInvalid, d)
		}
	}
	prefix := func(col, p string) {
		if p == "" {
			return
		}
		// A range, not LIKE (case-insensitive in SQLite, so it would not
		// use the index): codes are upper-case ASCII.
		where = append(where, "("+col+" >= ? AND "+col+" < ?)")
		args = append(args, p, p+"\xff")
	}
	prefix("e.source_code", strings.ToUpper(f.Source))
	prefix("e.target_code", strings.ToUpper(f.Target))
	prefix("e.cameo", f.CAMEO)
	if a := strings.ToUpper(f.Actor); a != "" {
		where = append(where, "((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))")
		args = append(args, a, a+"\xff", a, a+"\xff")
	}
	if f.PLOVER != "" {
		where = append(where, "e.plover = ?")
		args = append(args, strings.ToUpper(f.PLOVER))
	}
	if f.From != "" {
		where = append(where, "e.date >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		// Dates may carry a time ("2020-01-02T10:00:00Z"): up to the end
		// of the day.
		where = append(where, "e.date < ?")
		args = append(args, f.To+"\xff")
	}
	if q := ftsQuery(f.Search); q != "" {
		where = append(where, "e.page_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
		args = append(args, q)
	}
	return where, args, nil
}
