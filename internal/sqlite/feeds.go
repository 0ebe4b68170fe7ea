package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// FeedValidators returns the validators (ETag, Last-Modified) saved for
// the feed at url by PutFeedValidators, empty strings when there are none
// (source.FeedState).
func (s *Store) FeedValidators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = s.queryRow(ctx, `SELECT etag, last_modified FROM feeds WHERE url = ?`, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("sqlite: feed validators %s: %w", url, err)
	}
	return etag, lastModified, nil
}

// PutFeedValidators saves the validators of the last complete poll of the
// feed at url, replacing those saved before; empty strings clear them.
func (s *Store) PutFeedValidators(ctx context.Context, url, etag, lastModified string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
				polled_at = excluded.polled_at`,
			url, etag, lastModified, timeText(s.now()))
		if err != nil {
			return err
		}
		// A feed read to the end is no longer a failure.
		_, err = tx.ExecContext(ctx, `DELETE FROM failures WHERE url = ?`, url)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: put feed validators %s: %w", url, err)
	}
	return nil
}

// HasURL reports whether a page is stored under url, whatever its content
// (source.KnownURLs): a feed item already stored is not fetched again.
// Failed pages are not stored, so they are fetched again.
func (s *Store) HasURL(ctx context.Context, url string) (bool, error) {
	var one int
	err := s.queryRow(ctx, `SELECT 1 FROM pages WHERE url = ? LIMIT 1`, url).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sqlite: has url %s: %w", url, err)
	}
	return true, nil
}
