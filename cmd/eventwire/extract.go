package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/internal/source"
)

func runExtract(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("extract", "[flags] FILE|URL|- ...",
		"eventwire extract testdata/samples/rferl-2016-12-23-aleppo.txt")
	maxBytes := fs.Int64("max-bytes", extract.DefaultMaxBytes, "largest page accepted, in bytes, after decompression (0: the default)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for fetching one URL")
	contentType := fs.String("type", "", `media type of the inputs ("text/html", "text/plain"); default: from the file name or the server, else sniffed`)
	noFallback := fs.Bool("no-fallback", false, "skip go-trafilatura's readability/distiller fallback (faster)")
	pageURL := fs.String("url", "", "the page's original address, for a saved page (one input only); dates in it are used")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *pageURL != "" && fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	if *maxBytes <= 0 {
		*maxBytes = extract.DefaultMaxBytes
	}
	x := extract.New(extract.Options{MaxBytes: *maxBytes, NoFallback: *noFallback})
	fetcher := source.NewFetcher(nil, source.FetcherOptions{Timeout: *timeout, Limits: source.Limits{MaxBytes: *maxBytes}})
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, arg := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := extractInput(ctx, m, fetcher, arg, *maxBytes)
		if err == nil && *contentType != "" {
			p.ContentType = *contentType
		}
		if err == nil && *pageURL != "" {
			p.URL = *pageURL
		}
		var a *eventwire.Article
		if err == nil {
			a, err = x.Extract(ctx, p)
		}
		if err != nil {
			failed++
			out.Flush()
			fmt.Fprintf(m.Stderr, "eventwire extract: %s: %v\n", arg, err)
			continue
		}
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	if failed > 0 {
		out.Flush()
		fmt.Fprintf(m.Stderr, "eventwire extract: %d of %d inputs failed\n", failed, fs.NArg())
		return errFailures
	}
	return nil
}

// extractInput reads one command-line input as a page: "-" is standard
// input, http(s):// is fetched through the polite fetcher of package
// source (robots.txt, time and size bounds, the eventwire User-Agent),
// anything else is a file read by source.ReadFile (.gz decompressed with a
// size and ratio bound).
func extractInput(ctx context.Context, m *Main, fetcher *source.Fetcher, arg string, max int64) (*eventwire.Page, error) {
	switch {
	case arg == "-":
		b, err := io.ReadAll(io.LimitReader(m.Stdin, max+1))
		if err != nil {
			return nil, err
		}
		if int64(len(b)) > max {
			return nil, fmt.Errorf("standard input: more than %d bytes: %w", max, eventwire.ErrTooLarge)
		}
		b, ct, _, err := source.TextBody(b, "")
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return &eventwire.Page{URL: "stdin", Body: b, ContentType: ct, FetchedAt: time.Now().UTC(), Origin: "file"}, nil
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		return fetcher.Fetch(ctx, arg)
	}
	return source.ReadFile(arg, source.Options{Limits: source.Limits{MaxBytes: max}})
}
