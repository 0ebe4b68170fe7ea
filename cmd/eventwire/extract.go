package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
)

func runExtract(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("extract", "[flags] FILE|URL|- ...",
		"eventwire extract ../shared/data/samples/rferl-2016-12-23-aleppo.txt")
	maxBytes := fs.Int64("max-bytes", extract.DefaultMaxBytes, "largest page accepted, in bytes (after decompression)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for fetching one URL")
	contentType := fs.String("type", "", `media type of the inputs ("text/html", "text/plain"); default: from the file name or the server, else sniffed`)
	noFallback := fs.Bool("no-fallback", false, "skip go-trafilatura's readability/distiller fallback (faster)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	x := extract.New(extract.Options{MaxBytes: *maxBytes, NoFallback: *noFallback})
	client := &http.Client{Timeout: *timeout}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, arg := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := extractInput(ctx, m, client, arg, *maxBytes)
		if err == nil && *contentType != "" {
			p.ContentType = *contentType
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

// extractInput reads one command-line input as a page: "-" is standard input,
// http(s):// is fetched with a bounded GET, anything else is a file; a .gz
// name is decompressed. Every read is bounded by max bytes.
func extractInput(ctx context.Context, m *Main, client *http.Client, arg string, max int64) (*eventwire.Page, error) {
	switch {
	case arg == "-":
		b, err := extractReadAll(m.Stdin, max)
		if err != nil {
			return nil, err
		}
		return &eventwire.Page{URL: "stdin", Body: b, FetchedAt: time.Now().UTC(), Origin: "file"}, nil
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		return extractFetch(ctx, client, arg, max)
	}
	f, err := os.Open(arg)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	name := arg
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		r, name = zr, strings.TrimSuffix(name, ".gz")
	}
	b, err := extractReadAll(r, max)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		abs = arg
	}
	return &eventwire.Page{URL: "file://" + filepath.ToSlash(abs), Body: b, ContentType: extractTypeByName(name),
		FetchedAt: time.Now().UTC(), Origin: "file"}, nil
}

// extractTypeByName guesses a media type from a file name, or "" to sniff.
func extractTypeByName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return "text/html"
	case ".txt", ".text":
		return "text/plain"
	}
	return ""
}

// extractFetch is a simple bounded GET for one URL given on the command line.
// Crawling many pages belongs to "eventwire ingest", whose fetcher honours
// robots.txt and rate limits.
func extractFetch(ctx context.Context, client *http.Client, u string, max int64) (*eventwire.Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", eventwire.ErrInvalid, err)
	}
	req.Header.Set("User-Agent", "eventwire/"+eventwire.Version+" (+https://github.com/eventwire/eventwire)")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > max && max > 0 {
		return nil, fmt.Errorf("Content-Length %d over %d: %w", resp.ContentLength, max, eventwire.ErrTooLarge)
	}
	b, err := extractReadAll(resp.Body, max)
	if err != nil {
		return nil, err
	}
	return &eventwire.Page{URL: resp.Request.URL.String(), Body: b, ContentType: resp.Header.Get("Content-Type"),
		FetchedAt: time.Now().UTC(), Origin: "http"}, nil
}

// extractReadAll reads r to the end, failing with ErrTooLarge past max bytes
// (max <= 0: no limit).
func extractReadAll(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("more than %d bytes: %w", max, eventwire.ErrTooLarge)
	}
	return b, nil
}
