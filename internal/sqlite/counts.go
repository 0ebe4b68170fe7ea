package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
)

// CountEvents implements eventwire.Store: one GROUP BY over the events
// that pass f, on the same WHERE clause as Events.
func (s *Store) CountEvents(ctx context.Context, f eventwire.EventFilter, by eventwire.CountBy) ([]eventwire.EventCount, error) {
	where, args, err := eventWhere(f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: count events: %w", err)
	}
	var q string
	switch by {
	case eventwire.CountByDay:
		where = append(where, "e.date <> ''")
		q = `SELECT substr(e.date, 1, 10) AS day, e.quad_class, '', '', count(*) FROM events e
			WHERE ` + strings.Join(where, " AND ") + ` GROUP BY day, e.quad_class ORDER BY day, e.quad_class`
	case eventwire.CountByDyad:
		limit := f.Limit
		if limit <= 0 {
			limit = DefaultLimit
		}
		where = append(where, "e.source_code <> ''", "e.target_code <> ''")
		q = `SELECT '', 0, e.source_code, e.target_code, count(*) AS n FROM events e
			WHERE ` + strings.Join(where, " AND ") + ` GROUP BY e.source_code, e.target_code
			ORDER BY n DESC, e.source_code, e.target_code LIMIT ?`
		args = append(args, min(limit, MaxLimit))
	default:
		return nil, fmt.Errorf("sqlite: count events: %w: grouping %d", eventwire.ErrInvalid, by)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: count events: %w", err)
	}
	defer rows.Close()
	out := []eventwire.EventCount{}
	for rows.Next() {
		var c eventwire.EventCount
		if err := rows.Scan(&c.Day, &c.QuadClass, &c.Source, &c.Target, &c.Events); err != nil {
			return nil, fmt.Errorf("sqlite: count events: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: count events: %w", err)
	}
	return out, nil
}
