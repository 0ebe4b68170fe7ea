package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// Events lists stored events that pass f, in event ID order after f.After
// (eventwire.Store). Code prefixes are index range scans (events_source,
// events_target, events_cameo); a search joins the articles' full-text
// index.
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
	where = append(where, "e.id > ?")
	args = append(args, f.After, limit)
	// The page's IDs first, then their rows: a filter that many events
	// pass (a CAMEO root, a span of dates) is read from its index alone
	// and sorted, and only the events listed are joined and decoded (at
	// 100,000 events, 10-50 times faster than joining every match before
	// the sort).
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.page_id, p.url, COALESCE(a.title, ''), COALESCE(a.published, ''), p.fetched_at, e.json
		FROM (SELECT e.id FROM events e WHERE `+strings.Join(where, " AND ")+` ORDER BY e.id LIMIT ?) x
		JOIN events e ON e.id = x.id JOIN pages p ON p.id = e.page_id LEFT JOIN articles a ON a.page_id = e.page_id
		ORDER BY e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	out := []eventwire.EventRecord{}
	for rows.Next() {
		var r eventwire.EventRecord
		var js string
		if err := rows.Scan(&r.ID, &r.StoryID, &r.URL, &r.Title, &r.Published, &r.FetchedAt, &js); err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &r.Event); err != nil {
			return nil, fmt.Errorf("sqlite: event %d: %w", r.ID, err)
		}
		out = append(out, r)
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
