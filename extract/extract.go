// Package extract turns a raw page (HTML or plain text, in any common
// charset) into a clean news article: title, publication date, byline, wire
// credits, dateline, language, and the body text with its paragraphs as byte
// ranges.
//
// HTML goes through go-trafilatura, which finds the main content of a page;
// a news layer on top reads what a news reader cares about and trafilatura
// does not give: the publication date from meta tags, JSON-LD, <time> and
// URL patterns; wire credits ("(Reuters) -", "With reporting by AP, AFP");
// the dateline ("ALEPPO, Syria (AP) —"); and a final pass that drops
// boilerplate paragraphs. Plain text goes through rules that remove
// navigation, captions and footers by their shape, not by site.
//
// The dateline stays in Text (the first paragraph is kept as published, so
// offsets and quotes stay true to the source) and is also reported in
// Article.Dateline; consumers that parse sentences can skip the first
// len(Dateline) bytes of the first paragraph when they need to.
//
// Pages larger than Options.MaxBytes are rejected with ErrTooLarge rather
// than truncated: a truncated HTML page gives a wrong article, and the caller
// can record the failure and move on.
package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
)

// DefaultMaxBytes is the page size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 50 << 20

// Options configures an Extractor. The zero value is ready to use.
type Options struct {
	// MaxBytes bounds the size of Page.Body; larger pages fail with
	// eventwire.ErrTooLarge. Zero means DefaultMaxBytes; negative means no
	// limit.
	MaxBytes int64

	// NoFallback turns off go-trafilatura's comparison with its readability
	// and DOM-distiller fallbacks. Extraction is faster and a little less
	// accurate on unusual pages.
	NoFallback bool
}

// Extractor extracts articles from pages. It holds no mutable state and is
// safe for concurrent use.
type Extractor struct {
	opts Options
}

// New returns an Extractor with the given options.
func New(opts Options) *Extractor {
	if opts.MaxBytes == 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	return &Extractor{opts: opts}
}

// Extract returns the clean article of p.
//
// The error wraps eventwire.ErrTooLarge when p.Body exceeds
// Options.MaxBytes, eventwire.ErrUnsupported when the body is binary (an
// image, a PDF, an archive), and eventwire.ErrNoContent when no article text
// is found. Extract never panics on any input; a panic inside the HTML
// library is turned into an error. It returns ctx.Err() if ctx is done before
// it starts.
func (x *Extractor) Extract(ctx context.Context, p *eventwire.Page) (a *eventwire.Article, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p == nil {
		return nil, fmt.Errorf("extract: nil page: %w", eventwire.ErrInvalid)
	}
	if x.opts.MaxBytes > 0 && int64(len(p.Body)) > x.opts.MaxBytes {
		return nil, fmt.Errorf("extract %s: %d bytes, limit %d: %w", p.URL, len(p.Body), x.opts.MaxBytes, eventwire.ErrTooLarge)
	}
	in, err := decode(p.Body, p.ContentType)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", p.URL, err)
	}
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("extract %s: internal error: %v", p.URL, r)
		}
	}()
	var d *draft
	if in.html {
		d, err = x.extractHTML(in.text, p.URL)
	} else {
		d = extractPlain(in.text)
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", p.URL, err)
	}
	a = d.article(p)
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("extract %s: %w", p.URL, eventwire.ErrNoContent)
	}
	return a, nil
}
