package main

import (
	"context"
	"errors"

	"github.com/eventwire/eventwire/text"
)

// annotator is the part of nlp.Annotator the commands use.
type annotator interface {
	Annotate(ctx context.Context, d *text.Doc) error
}

// newEnglish returns eventwire's English pipeline (tokenize, tag, parse).
func newEnglish() (annotator, error) {
	return nil, errors.New("the English parser (package nlp/english) is not in this build yet")
}

// runCode is not built yet.
func runCode(ctx context.Context, m *Main, args []string) error {
	return errors.New("code: not implemented yet")
}
