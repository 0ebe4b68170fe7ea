// Package nlp assembles annotators into pipelines. An Annotator adds layers
// (tokens, sentences, tags, lemmas, dependency trees) to a text.Doc in place;
// a Pipeline runs annotators in order and checks, when it is built, that each
// one's requirements are provided by those before it.
package nlp

import (
	"context"
	"fmt"

	"github.com/eventwire/eventwire/text"
)

// An Annotator adds annotations to a Doc in place.
//
// Annotate must not keep d after it returns, must leave d valid
// (d.Validate() == nil) and must add Provides() to d.Attrs. It returns an error
// only for a broken Doc or a done ctx, never for odd text: every string,
// however strange, gets annotated. Annotators are safe for concurrent use on
// different Docs.
type Annotator interface {
	Name() string
	Requires() text.Attr
	Provides() text.Attr
	Annotate(ctx context.Context, d *text.Doc) error
}

// Pipeline runs annotators in order.
type Pipeline struct {
	steps []Annotator
}

// NewPipeline returns a pipeline of the given annotators, or an error naming
// the first annotator whose requirements no earlier step provides.
func NewPipeline(steps ...Annotator) (*Pipeline, error) {
	var have text.Attr
	for _, a := range steps {
		if missing := a.Requires() &^ have; missing != 0 {
			return nil, fmt.Errorf("nlp: %s requires %s, which no earlier step provides", a.Name(), missing)
		}
		have |= a.Provides()
	}
	return &Pipeline{steps: steps}, nil
}

// Name implements Annotator.
func (p *Pipeline) Name() string { return "pipeline" }

// Requires implements Annotator: what the first steps need from the Doc.
func (p *Pipeline) Requires() text.Attr {
	var need, have text.Attr
	for _, a := range p.steps {
		need |= a.Requires() &^ have
		have |= a.Provides()
	}
	return need
}

// Provides implements Annotator.
func (p *Pipeline) Provides() text.Attr {
	var have text.Attr
	for _, a := range p.steps {
		have |= a.Provides()
	}
	return have
}

// Annotate runs each step on d in order, skipping none.
func (p *Pipeline) Annotate(ctx context.Context, d *text.Doc) error {
	for _, a := range p.steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := a.Annotate(ctx, d); err != nil {
			return fmt.Errorf("nlp: %s: %w", a.Name(), err)
		}
	}
	return nil
}
