package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/source"
	"github.com/eventwire/eventwire/internal/sqlite"
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
	tokenFile := fs.String("ingest-token-file", "", "enable POST /api/ingest/url and /api/ingest/file for clients that send the token in this `file` (Authorization: Bearer TOKEN)")
	allowPrivate := fs.Bool("allow-private", false, "with --ingest-token-file: let /api/ingest/url fetch loopback, private and link-local addresses")
	ingestRate := fs.Float64("ingest-rate", 1, "ingest `rate`: requests per second, all clients together (bursts of 5)")
	maxBody := fs.Int64("max-body", 5<<20, "largest page `bytes` ingested over HTTP (uploaded or fetched)")
	ingestTimeout := fs.Duration("ingest-timeout", 2*time.Minute, "most time one ingest request may take")
	cacheMB := fs.Int("cache-mb", 64, "`MiB` of API answers kept until the database changes (0: no cache)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire serve: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	if *timeout <= 0 || *maxLimit <= 0 || *ingestRate <= 0 || *maxBody <= 0 || *ingestTimeout <= 0 {
		fmt.Fprintln(m.Stderr, "eventwire serve: --timeout, --max-limit, --ingest-rate, --max-body and --ingest-timeout must be positive")
		return errUsage
	}
	if *cacheMB < 0 || *cacheMB > 1<<20 {
		fmt.Fprintln(m.Stderr, "eventwire serve: --cache-mb must be between 0 and 1048576")
		return errUsage
	}
	var token string
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		if token = strings.TrimSpace(string(b)); len(token) < 16 {
			fmt.Fprintf(m.Stderr, "eventwire serve: the token in %s is shorter than 16 characters\n", *tokenFile)
			return errUsage
		}
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	log := slog.New(slog.NewTextHandler(m.Stderr, nil))
	opts := web.Options{Timeout: *timeout, MaxLimit: *maxLimit, Token: token, MaxBody: *maxBody,
		IngestRate: *ingestRate, IngestTimeout: *ingestTimeout, CacheBytes: int64(*cacheMB) << 20}
	if *cacheMB == 0 {
		opts.CacheBytes = -1
	}
	if token != "" {
		if opts.Ingest, err = serveIngest(m, store); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		fetcher := source.NewFetcher(web.GuardedClient(*allowPrivate, *ingestTimeout),
			source.FetcherOptions{Timeout: *ingestTimeout, Limits: source.Limits{MaxBytes: *maxBody}})
		opts.Fetch = fetcher.Fetch
	}
	h := web.New(store, log, opts)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := web.NewServer(*addr, h)
	srv.WriteTimeout = max(*timeout, *ingestTimeout) + 5*time.Second
	if host, _, err := net.SplitHostPort(ln.Addr().String()); err == nil {
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			fmt.Fprintf(m.Stderr, "eventwire serve: listening beyond this machine (%s): anyone who can reach it can read the store\n", host)
		}
	}
	mode := "read-only"
	if token != "" {
		mode = "ingest with the token"
	}
	fmt.Fprintf(m.Stderr, "eventwire: serving %s on http://%s/ (%s; Ctrl-C stops)\n", *db, ln.Addr(), mode)
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

// serveIngest loads the pipeline and returns what stores one page through
// it, merging its events as ingest does.
func serveIngest(m *Main, store *sqlite.Store) (func(context.Context, *eventwire.Page) (*eventwire.Story, bool, error), error) {
	pl, err := newPipeline(m.Stderr, false, nil, "")
	if err != nil {
		return nil, err
	}
	proc := newProcessor(store, defaultMaxExtract, defaultMaxParse, pl, nil)
	return func(ctx context.Context, p *eventwire.Page) (*eventwire.Story, bool, error) {
		st, created, err := proc.ProcessPage(ctx, p)
		if err != nil {
			return nil, false, err
		}
		if created {
			if _, err := store.MergeEvents(ctx, sqlite.DefaultMergeWindow, false); err != nil {
				return nil, false, err
			}
		}
		return st, created, nil
	}, nil
}
