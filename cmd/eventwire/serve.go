package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/eventwire/eventwire/internal/web"
)

// serveShutdown is how long serve waits for requests in flight after its
// context ends; it stays under stopGrace so a signal stops it cleanly.
const serveShutdown = 800 * time.Millisecond

// runServe serves the store's read-only JSON API and the web UI until the
// command's context ends (SIGINT, SIGTERM).
func runServe(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("serve", "[flags]", `eventwire serve --db news.db --addr 127.0.0.1:8080   # then open http://127.0.0.1:8080/`)
	db := fs.String("db", defaultDB, "SQLite database `file`")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0: any free port)")
	timeout := fs.Duration("timeout", 10*time.Second, "most time one request may take")
	maxLimit := fs.Int("max-limit", 500, "largest page `size` a client may ask for")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire serve: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	if *timeout <= 0 || *maxLimit <= 0 {
		fmt.Fprintln(m.Stderr, "eventwire serve: --timeout and --max-limit must be positive")
		return errUsage
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	log := slog.New(slog.NewTextHandler(m.Stderr, nil))
	h := web.New(store, log, web.Options{Timeout: *timeout, MaxLimit: *maxLimit})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := web.NewServer(*addr, h)
	srv.WriteTimeout = *timeout + 5*time.Second
	if host, _, err := net.SplitHostPort(ln.Addr().String()); err == nil {
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			fmt.Fprintf(m.Stderr, "eventwire serve: listening beyond this machine (%s): anyone who can reach it can read the store\n", host)
		}
	}
	fmt.Fprintf(m.Stderr, "eventwire: serving %s on http://%s/ (read-only; Ctrl-C stops)\n", *db, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), serveShutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
