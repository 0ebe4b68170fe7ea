package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// version tracks whether the database has changed, for caches of what was
// read from it (the web API's responses): SQLite's PRAGMA data_version on
// a connection of its own changes whenever another connection commits,
// this store's writer or any other process's.
type version struct {
	mu   sync.Mutex
	db   *sql.DB   // one connection, for the pragma alone
	conn *sql.Conn // held, since data_version values compare only on one connection
	stmt *sql.Stmt
	dv   int64  // the connection's last data_version
	gen  uint64 // DataVersion's answer: counts the changes seen
}

// DataVersion returns a number that changes whenever the database's data
// changes, by this store or by another process that writes to the same
// file, and only grows: a value read before a query and still current
// after it means nothing was committed in between. It serves the web
// API's response cache (web.Versioner). Each call asks SQLite (a few
// microseconds); calls are serialised.
func (s *Store) DataVersion(ctx context.Context) (uint64, error) {
	v := &s.version
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.conn == nil {
		conn, err := v.db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("sqlite: data version: %w", err)
		}
		stmt, err := conn.PrepareContext(ctx, `PRAGMA data_version`)
		if err != nil {
			conn.Close()
			return 0, fmt.Errorf("sqlite: data version: %w", err)
		}
		// A new connection counts from its own start: whatever was
		// read before is of another epoch.
		v.conn, v.stmt, v.dv = conn, stmt, -1
	}
	var dv int64
	if err := v.stmt.QueryRowContext(ctx).Scan(&dv); err != nil {
		if ctx.Err() != nil {
			return 0, fmt.Errorf("sqlite: data version: %w", err)
		}
		v.stmt.Close()
		v.conn.Close()
		v.conn, v.stmt = nil, nil
		return 0, fmt.Errorf("sqlite: data version: %w", err)
	}
	if dv != v.dv {
		v.dv = dv
		v.gen++
	}
	return v.gen, nil
}

// close releases the version's connection.
func (v *version) close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.conn != nil {
		v.stmt.Close()
		v.conn.Close()
		v.conn, v.stmt = nil, nil
	}
	if v.db == nil {
		return nil
	}
	return v.db.Close()
}
