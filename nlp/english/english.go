// Package english builds the default English pipeline from the embedded
// models: tokenizer and sentence splitter, tagger and lemmatizer, dependency
// parser. Annotating a Doc needs no files and no network; a tagger or parser
// retrained by "eventwire train" can stand in for the embedded one (Tagger,
// Parser).
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
	beam     int
	tagger   *tag.Tagger
	parser   *parse.Parser
	tokenize []tokenize.Option
}

// Beam sets the parser's beam width: 1 is greedy and fastest; wider beams
// are more accurate and slower (see docs/notes/parser.md for the figures).
func Beam(k int) Option { return func(c *config) { c.beam = max(k, 1) } }

// Tagger makes the pipelines tag with t instead of the embedded tagger (a
// model retrained by "eventwire train", say). A nil t keeps the embedded one.
func Tagger(t *tag.Tagger) Option { return func(c *config) { c.tagger = t } }

// Parser makes the pipelines parse with p, at the beam width Beam sets,
// instead of the embedded parser. A nil p keeps the embedded one.
func Parser(p *parse.Parser) Option { return func(c *config) { c.parser = p } }

// Tokenize passes opts to the tokenizer of New (WrappedLines, EveryGap);
// NewTagParse has no tokenizer and ignores them.
func Tokenize(opts ...tokenize.Option) Option {
	return func(c *config) { c.tokenize = append(c.tokenize, opts...) }
}

// load returns the configuration of opts with the embedded models in
// place of those the options do not give; only those are loaded.
func load(opts []Option) (config, error) {
	c := config{beam: DefaultBeam}
	for _, o := range opts {
		o(&c)
	}
	var err error
	if c.tagger == nil {
		if c.tagger, err = loadTagger(); err != nil {
			return c, err
		}
	}
	if c.parser == nil {
		if c.parser, err = loadParser(); err != nil {
			return c, err
		}
	}
	c.parser = c.parser.WithBeam(c.beam)
	return c, nil
}

// New returns the full pipeline for raw text: tokenize → tag → parse. The
// tokenizer takes each line break as a boundary (one paragraph or headline
// per line), as the article extractor writes them, unless Tokenize says
// otherwise.
func New(opts ...Option) (*nlp.Pipeline, error) {
	c, err := load(opts)
	if err != nil {
		return nil, err
	}
	return nlp.NewPipeline(tokenize.New(c.tokenize...), c.tagger, c.parser)
}

// NewTagParse returns the pipeline for Docs that already have tokens and
// sentences (gold tokenization, CoNLL-U input): tag → parse.
func NewTagParse(opts ...Option) (*nlp.Pipeline, error) {
	c, err := load(opts)
	if err != nil {
		return nil, err
	}
	return nlp.NewPipeline(givenTokens{}, c.tagger, c.parser)
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
	t, err := loadTagger()
	if err != nil {
		return nil, nil, err
	}
	p, err := loadParser()
	if err != nil {
		return nil, nil, err
	}
	return t, p, nil
}

func loadTagger() (*tag.Tagger, error) {
	b, err := models.Tagger()
	if err != nil {
		return nil, fmt.Errorf("english: %w", err)
	}
	t, err := tag.LoadBytes(b)
	if err != nil {
		return nil, fmt.Errorf("english: embedded tagger: %w", err)
	}
	return t, nil
}

func loadParser() (*parse.Parser, error) {
	b, err := models.Parser()
	if err != nil {
		return nil, fmt.Errorf("english: %w", err)
	}
	p, err := parse.LoadBytes(b)
	if err != nil {
		return nil, fmt.Errorf("english: embedded parser: %w", err)
	}
	return p, nil
}
