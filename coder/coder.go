// Package coder codes events — who did what to whom — from the dependency
// trees of a text.Doc, with PETRARCH-format dictionaries (package
// coder/dict) and the CAMEO codebook (package cameo).
package coder

import (
	"context"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Options tune the coder. The zero value is not PETRARCH's default: use
// DefaultOptions.
type Options struct {
	// RequireDyad drops events that lack a coded source or target
	// (PETRARCH's require_dyad, true by default there).
	RequireDyad bool
}

// DefaultOptions returns PETRARCH's defaults.
func DefaultOptions() Options { return Options{RequireDyad: true} }

// Coder codes events. It is immutable after New and safe for concurrent
// use.
type Coder struct {
	d    *dict.Dictionaries
	book *cameo.Codebook
	opts Options
}

// New returns a coder over d. book, when not nil, fills each event's
// quad class, Goldstein value and PLOVER category, and events whose code it
// does not know are dropped.
func New(d *dict.Dictionaries, book *cameo.Codebook, opts Options) *Coder {
	return &Coder{d: d, book: book, opts: opts}
}

// Code codes the events of every sentence of doc. doc must carry tokens,
// sentences, UPOS, lemmas and dependencies. date selects the dated actor
// roles that apply (a zero date selects the default codes).
func (c *Coder) Code(ctx context.Context, doc *text.Doc, date time.Time) ([]eventwire.Event, error) {
	return nil, ctx.Err()
}
