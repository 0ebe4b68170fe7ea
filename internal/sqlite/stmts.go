package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the readers' prepared statements: the queries of the
// read paths are a few hundred shapes at most (one for each set of event
// filters), but a statement past the bound is prepared for its one use.
const maxStmts = 512

// stmts keeps the readers' statements prepared, by their text: parsing
// and planning each query again took a tenth of the web API's CPU time
// under load.
type stmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// stmt returns the prepared statement of query, preparing it on first
// use; nil when the cache is full or preparing fails (the caller then
// runs the query unprepared, which reports any error).
func (s *Store) stmt(ctx context.Context, query string) *sql.Stmt {
	c := &s.stmts
	c.mu.Lock()
	st, ok := c.m[query]
	full := len(c.m) >= maxStmts
	c.mu.Unlock()
	if ok || full {
		return st
	}
	// Prepared outside the lock: preparing takes a connection, which may
	// have to wait for one.
	st, err := s.r.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[query]; ok {
		st.Close()
		return old
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st
}

// query runs a read query through its prepared statement.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := s.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.r.QueryContext(ctx, query, args...)
}

// queryRow runs a read query of one row through its prepared statement.
func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := s.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.r.QueryRowContext(ctx, query, args...)
}

// close closes the prepared statements.
func (c *stmts) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}
