package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
)

// Quotes lists stored quotes (eventwire.Store). A quote's ID is its row's
// (the quotes table's rowid), so it increases with storage order.
func (s *Store) Quotes(ctx context.Context, f eventwire.QuoteFilter) ([]eventwire.QuoteRecord, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	where := []string{"q.rowid > ?"}
	args := []any{f.After}
	if sp := strings.ToUpper(f.Speaker); sp != "" {
		where = append(where, "(q.speaker >= ? AND q.speaker < ?)")
		args = append(args, sp, sp+"\xff")
	}
	switch f.Kind {
	case "":
	case "direct", "indirect", "mixed":
		where = append(where, "json_extract(q.json, '$.kind') = ?")
		args = append(args, f.Kind)
	default:
		return nil, fmt.Errorf("sqlite: quotes: %w: kind %q", eventwire.ErrInvalid, f.Kind)
	}
	if fq := ftsQuery(f.Search); fq != "" {
		where = append(where, "q.page_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
		args = append(args, fq)
	}
	args = append(args, limit)
	rows, err := s.query(ctx, `SELECT q.rowid, q.page_id, p.url, COALESCE(a.title, ''), COALESCE(a.published, ''), q.json
		FROM quotes q JOIN pages p ON p.id = q.page_id LEFT JOIN articles a ON a.page_id = q.page_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY q.rowid LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	out := []eventwire.QuoteRecord{}
	for rows.Next() {
		var r eventwire.QuoteRecord
		var js string
		if err := rows.Scan(&r.ID, &r.StoryID, &r.URL, &r.Title, &r.Published, &js); err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &r.Quote); err != nil {
			return nil, fmt.Errorf("sqlite: quote %d: %w", r.ID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
