// Package samples embeds the demo articles that "eventwire demo" ingests:
// 50 Wikinews articles (CC BY 2.5, see README.md). The RFE/RL sample page is
// read from the repository's testdata/samples at run time, because its text
// may not be redistributed beyond the project (and so not inside a binary).
package samples

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/source"
)

// Wikinews is the JSON Lines file of the 50 Wikinews demo articles.
//
//go:embed wikinews-politics-demo.jsonl
var Wikinews []byte

// RFERLURL is the URL the RFE/RL sample is stored under.
const RFERLURL = "eventwire:samples/rferl-2016-12-23-aleppo.txt"

// RFERLFile is the RFE/RL sample's file name inside the samples directory
// (testdata/samples in the repository).
const RFERLFile = "rferl-2016-12-23-aleppo.txt"

// MaxRFERLBytes bounds the RFE/RL file read from disk.
const MaxRFERLBytes = 1 << 20

// RFERL reads the RFE/RL sample page from dir. A missing file gives an
// error wrapping fs.ErrNotExist, which callers treat as "run without it".
func RFERL(dir string, now func() time.Time) (*eventwire.Page, error) {
	if now == nil {
		now = time.Now
	}
	f, err := os.Open(filepath.Join(dir, RFERLFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, MaxRFERLBytes+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxRFERLBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Name(), MaxRFERLBytes)
	}
	return &eventwire.Page{
		URL:         RFERLURL,
		Body:        body,
		ContentType: "text/plain; charset=utf-8",
		FetchedAt:   now().UTC(),
		Origin:      "samples",
		Hints:       eventwire.PageHints{Published: "2016-12-23", Language: "en"},
	}, nil
}

// Source returns a source of the embedded Wikinews articles followed by the
// extra pages given (the RFE/RL page, when the caller found it). now stamps
// FetchedAt (nil means time.Now).
func Source(now func() time.Time, extra ...*eventwire.Page) eventwire.Source {
	if now == nil {
		now = time.Now
	}
	opts := source.Options{Now: now}
	return &all{
		jsonl: source.NewJSONL(bytes.NewReader(Wikinews), "samples/wikinews-politics-demo.jsonl", opts),
		rest:  extra,
	}
}

type all struct {
	jsonl *source.JSONL
	rest  []*eventwire.Page
}

func (a *all) Next(ctx context.Context) (*eventwire.Page, error) {
	p, err := a.jsonl.Next(ctx)
	if err != io.EOF {
		return p, err
	}
	if len(a.rest) == 0 {
		return nil, io.EOF
	}
	p, a.rest = a.rest[0], a.rest[1:]
	return p, nil
}

func (a *all) Close() error { a.rest = nil; return a.jsonl.Close() }
