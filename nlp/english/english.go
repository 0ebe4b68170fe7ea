// Package english builds the default English pipeline from the embedded
// models: tokenizer and sentence splitter, tagger and lemmatizer, dependency
// parser. Annotating a Doc needs no files and no network.
//
// Each call of New or NewTagParse loads the models afresh (about a quarter of
// a second); a program that annotates many documents builds one pipeline and
// shares it, since pipelines are safe for concurrent use.
package english

import (
	"context"
	"fmt"

	"github.com/eventwire/eventwire/models"
	"github.com/eventwire/eventwire/nlp"
	"github.com/eventwire/eventwire/nlp/parse"
	"github.com/eventwire/eventwire/nlp/tag"
	"github.com/eventwire/eventwire/nlp/tokenize"
	"github.com/eventwire/eventwire/text"
)

// DefaultBeam is the parser's beam width unless Beam says otherwise.
const DefaultBeam = 2

// Option configures the pipelines that New and NewTagParse build.
type Option func(*config)

type config struct {
	beam int
}

// Beam sets the parser's beam width: 1 is greedy and fastest; wider beams
// are more accurate and slower (see docs/notes/parser.md for the figures).
func Beam(k int) Option { return func(c *config) { c.beam = max(k, 1) } }

func load(opts []Option) (*tag.Tagger, *parse.Parser, error) {
	c := config{beam: DefaultBeam}
	for _, o := range opts {
		o(&c)
	}
	t, p, err := Load()
	if err != nil {
		return nil, nil, err
	}
	return t, p.WithBeam(c.beam), nil
}

// New returns the full pipeline for raw text: tokenize → tag → parse. The
// tokenizer takes each line break as a boundary (one paragraph or headline
// per line), as the article extractor writes them.
func New(opts ...Option) (*nlp.Pipeline, error) {
	t, p, err := load(opts)
	if err != nil {
		return nil, err
	}
	return nlp.NewPipeline(tokenize.New(), t, p)
}

// NewTagParse returns the pipeline for Docs that already have tokens and
// sentences (gold tokenization, CoNLL-U input): tag → parse.
func NewTagParse(opts ...Option) (*nlp.Pipeline, error) {
	t, p, err := load(opts)
	if err != nil {
		return nil, err
	}
	return nlp.NewPipeline(givenTokens{}, t, p)
}

// givenTokens is the first step of NewTagParse: it checks that the Doc
// arrives tokenized and split, and declares so to the pipeline.
type givenTokens struct{}

func (givenTokens) Name() string        { return "given-tokens" }
func (givenTokens) Requires() text.Attr { return 0 }
func (givenTokens) Provides() text.Attr { return text.AttrTokens | text.AttrSents }

func (givenTokens) Annotate(ctx context.Context, d *text.Doc) error {
	if !d.Attrs.Has(text.AttrTokens | text.AttrSents) {
		return fmt.Errorf("english: NewTagParse needs a tokenized, sentence-split Doc (has %s)", d.Attrs)
	}
	return nil
}

// Load returns the embedded tagger and a greedy parser.
func Load() (*tag.Tagger, *parse.Parser, error) {
	tb, err := models.Tagger()
	if err != nil {
		return nil, nil, fmt.Errorf("english: %w", err)
	}
	t, err := tag.LoadBytes(tb)
	if err != nil {
		return nil, nil, fmt.Errorf("english: embedded tagger: %w", err)
	}
	pb, err := models.Parser()
	if err != nil {
		return nil, nil, fmt.Errorf("english: %w", err)
	}
	p, err := parse.LoadBytes(pb)
	if err != nil {
		return nil, nil, fmt.Errorf("english: embedded parser: %w", err)
	}
	return t, p, nil
}
