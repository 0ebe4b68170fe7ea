package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/eventwire/eventwire"
)

// PlaceArticles returns the gazetteer place geonameID as an article
// resolved it (its first mention, by article ID) and the articles that
// mention it, newest first, at most limit (0 means DefaultLimit);
// eventwire.ErrNotFound when no stored article mentions it. It serves the
// place pages of the web API (web.PlaceLister); it is not in the Store
// contract because places are not yet attached to events (issue #8).
func (s *Store) PlaceArticles(ctx context.Context, geonameID int64, limit int) (eventwire.Place, []eventwire.ArticleSummary, error) {
	var p eventwire.Place
	if limit <= 0 {
		limit = DefaultLimit
	}
	var js string
	err := s.queryRow(ctx, `SELECT json FROM places WHERE geonameid = ? ORDER BY page_id, idx LIMIT 1`, geonameID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) || geonameID == 0 {
		return p, nil, fmt.Errorf("sqlite: place %d: %w", geonameID, eventwire.ErrNotFound)
	}
	if err != nil {
		return p, nil, fmt.Errorf("sqlite: place %d: %w", geonameID, err)
	}
	if err := json.Unmarshal([]byte(js), &p); err != nil {
		return p, nil, fmt.Errorf("sqlite: place %d: %w", geonameID, err)
	}
	p.Span.Start, p.Span.End = 0, 0 // a mention's span means nothing outside its article
	rows, err := s.query(ctx, `SELECT a.page_id, a.url, a.title, a.published, a.language
		FROM articles a WHERE a.page_id IN (SELECT page_id FROM places WHERE geonameid = ?)
		ORDER BY a.published DESC, a.page_id DESC LIMIT ?`, geonameID, min(limit, MaxLimit))
	if err != nil {
		return p, nil, fmt.Errorf("sqlite: place %d: %w", geonameID, err)
	}
	defer rows.Close()
	out := []eventwire.ArticleSummary{}
	for rows.Next() {
		var a eventwire.ArticleSummary
		if err := rows.Scan(&a.ID, &a.URL, &a.Title, &a.Published, &a.Language); err != nil {
			return p, nil, fmt.Errorf("sqlite: place %d: %w", geonameID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return p, nil, fmt.Errorf("sqlite: place %d: %w", geonameID, err)
	}
	return p, out, nil
}
