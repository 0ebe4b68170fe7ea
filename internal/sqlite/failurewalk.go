package sqlite

import (
	"context"
	"fmt"

	"github.com/eventwire/eventwire"
)

// failureBatch is how many failure records EachFailure reads at a time.
const failureBatch = 1000

// EachFailure calls fn for every recorded failure, in the order they were
// first recorded, without their kept bodies: it serves listings of more
// failures than Failures returns at once (eventwire ingest --failures). No
// query is open while fn runs; an error from fn stops the walk and is
// returned.
func (s *Store) EachFailure(ctx context.Context, fn func(eventwire.Failure) error) error {
	var after int64
	for {
		batch, last, err := s.failuresAfter(ctx, after, failureBatch)
		if err != nil {
			return err
		}
		for _, f := range batch {
			if err := fn(f); err != nil {
				return err
			}
		}
		if len(batch) < failureBatch {
			return nil
		}
		after = last
	}
}

// failuresAfter returns at most limit failures with id > after, in id
// order, and the last id.
func (s *Store) failuresAfter(ctx context.Context, after int64, limit int) ([]eventwire.Failure, int64, error) {
	rows, err := s.query(ctx, `SELECT id, url, origin, stage, error, attempts, last_at
		FROM failures WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: failures: %w", err)
	}
	defer rows.Close()
	var out []eventwire.Failure
	for rows.Next() {
		var f eventwire.Failure
		var last string
		if err := rows.Scan(&after, &f.URL, &f.Origin, &f.Stage, &f.Error, &f.Attempts, &last); err != nil {
			return nil, 0, fmt.Errorf("sqlite: failures: %w", err)
		}
		f.LastAt = parseTime(last)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: failures: %w", err)
	}
	return out, after, nil
}
