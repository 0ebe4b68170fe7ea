// Package samples embeds the demo articles that "eventwire demo" ingests:
// 50 Wikinews articles (CC BY 2.5, see README.md) and the RFE/RL sample
// page kept as a demo input.
package samples

import (
	"bytes"
	"context"
	_ "embed"
	"io"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/source"
)

// Wikinews is the JSON Lines file of the 50 Wikinews demo articles.
//
//go:embed wikinews-politics-demo.jsonl
var Wikinews []byte

// RFERL is the scraped text of the RFE/RL sample page, boilerplate included.
//
//go:embed rferl-2016-12-23-aleppo.txt
var RFERL []byte

// RFERLURL is the URL the RFE/RL sample is stored under.
const RFERLURL = "eventwire:samples/rferl-2016-12-23-aleppo.txt"

// Source returns a source of every sample: the Wikinews articles, then the
// RFE/RL page. now stamps FetchedAt (nil means time.Now).
func Source(now func() time.Time) eventwire.Source {
	if now == nil {
		now = time.Now
	}
	opts := source.Options{Now: now}
	return &all{
		jsonl: source.NewJSONL(bytes.NewReader(Wikinews), "samples/wikinews-politics-demo.jsonl", opts),
		last: &eventwire.Page{
			URL:         RFERLURL,
			Body:        RFERL,
			ContentType: "text/plain; charset=utf-8",
			FetchedAt:   now().UTC(),
			Origin:      "samples",
			Hints:       eventwire.PageHints{Published: "2016-12-23", Language: "en"},
		},
	}
}

type all struct {
	jsonl *source.JSONL
	last  *eventwire.Page
}

func (a *all) Next(ctx context.Context) (*eventwire.Page, error) {
	p, err := a.jsonl.Next(ctx)
	if err != io.EOF {
		return p, err
	}
	if a.last == nil {
		return nil, io.EOF
	}
	p, a.last = a.last, nil
	return p, nil
}

func (a *all) Close() error { a.last = nil; return a.jsonl.Close() }
