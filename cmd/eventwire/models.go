package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/eventwire/eventwire/models"
	"github.com/eventwire/eventwire/nlp"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/nlp/factuality"
	"github.com/eventwire/eventwire/nlp/parse"
	"github.com/eventwire/eventwire/nlp/tag"
	"github.com/eventwire/eventwire/nlp/tokenize"
)

// This file lets the commands that parse or code use models retrained by
// "eventwire train" (--models DIR) instead of the embedded ones, without
// rebuilding.

// The models each kind of command uses, by the file names "eventwire
// train" and "eventwire train factuality" write into --out.
var (
	tagParseModels = []string{models.TaggerFile, models.ParserFile}
	codingModels   = []string{models.FactualityFile}
	allModels      = []string{models.TaggerFile, models.ParserFile, models.FactualityFile}
)

// modelsFlag adds --models to fs.
func modelsFlag(fs *flag.FlagSet) *string {
	return fs.String("models", "", "`dir`ectory of retrained models that replace the embedded ones, under the names \"eventwire train --out\" gives them ("+
		models.TaggerFile+", "+models.ParserFile+", "+models.FactualityFile+"); a model the directory lacks stays the embedded one, with a note")
}

// modelFiles are the models a command read from its --models directory:
// the bytes of each file found, by name. A name absent from files, or a nil
// *modelFiles, stands for the embedded model.
type modelFiles struct {
	dir   string
	files map[string][]byte
}

// ModelError reports a file of a --models directory that is not a model of
// the kind its name says.
type ModelError struct {
	Path string // the file
	Kind string // tagger, parser, factuality
	Err  error
}

func (e *ModelError) Error() string {
	return fmt.Sprintf("--models: %s: not a valid %s model: %v", e.Path, e.Kind, e.Err)
}

func (e *ModelError) Unwrap() error { return e.Err }

// modelKind names the model a file holds, for messages.
func modelKind(name string) string {
	switch name {
	case models.TaggerFile:
		return "tagger"
	case models.ParserFile:
		return "parser"
	case models.FactualityFile:
		return "factuality"
	}
	return name
}

// readModels reads from dir the model files names; for each one dir lacks
// it writes a note on stderr and the embedded model stands in. An empty dir
// reads nothing (nil: every model embedded). A dir that is not a readable
// directory is an error. The files are checked when the models are
// decoded (english, tagParse, rawPipeline, factuality).
func readModels(stderr io.Writer, dir string, names ...string) (*modelFiles, error) {
	if dir == "" {
		return nil, nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("--models: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("--models: %s is not a directory", dir)
	}
	mf := &modelFiles{dir: dir, files: map[string][]byte{}}
	for _, name := range names {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if errors.Is(err, iofs.ErrNotExist) {
			fmt.Fprintf(stderr, "note: --models %s: no %s; using the embedded %s model\n", dir, name, modelKind(name))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("--models: %w", err)
		}
		mf.files[name] = b
	}
	return mf, nil
}

// englishOptions decodes the tagger and parser of mf into the options that
// put them in place of the embedded ones; none when mf has neither.
func (mf *modelFiles) englishOptions() ([]english.Option, error) {
	if mf == nil {
		return nil, nil
	}
	var opts []english.Option
	if b, ok := mf.files[models.TaggerFile]; ok {
		t, err := tag.LoadBytes(b)
		if err != nil {
			return nil, mf.errorf(models.TaggerFile, err)
		}
		opts = append(opts, english.Tagger(t))
	}
	if b, ok := mf.files[models.ParserFile]; ok {
		p, err := parse.LoadBytes(b)
		if err != nil {
			return nil, mf.errorf(models.ParserFile, err)
		}
		opts = append(opts, english.Parser(p))
	}
	return opts, nil
}

func (mf *modelFiles) errorf(name string, err error) error {
	return &ModelError{Path: filepath.Join(mf.dir, name), Kind: modelKind(name), Err: err}
}

// english returns eventwire's English pipeline (tokenize, tag, parse) with
// the models of mf; the embedded one, loaded once per process, when mf has
// no tagger or parser.
func (mf *modelFiles) english() (annotator, error) {
	opts, err := mf.englishOptions()
	if err != nil {
		return nil, err
	}
	var p *nlp.Pipeline
	if len(opts) == 0 {
		p, err = loadEnglish()
	} else {
		p, err = english.New(opts...)
	}
	if err != nil {
		return nil, fmt.Errorf("loading the English parser: %w", err)
	}
	return p, nil
}

// rawPipeline returns the pipeline for raw text with the models of mf and
// the tokenizer options opts, loaded afresh.
func (mf *modelFiles) rawPipeline(opts ...tokenize.Option) (*nlp.Pipeline, error) {
	eo, err := mf.englishOptions()
	if err != nil {
		return nil, err
	}
	return english.New(append(eo, english.Tokenize(opts...))...)
}

// tagParse returns the tag → parse pipeline for tokenized Docs with the
// models of mf.
func (mf *modelFiles) tagParse() (*nlp.Pipeline, error) {
	eo, err := mf.englishOptions()
	if err != nil {
		return nil, err
	}
	return english.NewTagParse(eo...)
}

// factuality returns the factuality model of mf, else the embedded one.
func (mf *modelFiles) factuality() (*factuality.Model, error) {
	if mf != nil {
		if b, ok := mf.files[models.FactualityFile]; ok {
			m, err := factuality.LoadBytes(b)
			if err != nil {
				return nil, mf.errorf(models.FactualityFile, err)
			}
			return m, nil
		}
	}
	m, err := loadFactuality()
	if err != nil {
		return nil, fmt.Errorf("loading the factuality model: %w", err)
	}
	return m, nil
}

// loadEnglish and loadFactuality load the embedded models once per
// process: they are immutable and safe for concurrent use, and a process
// that runs several commands (the tests, a program embedding Main) need
// not decode them again.
var (
	loadEnglish    = sync.OnceValues(func() (*nlp.Pipeline, error) { return english.New() })
	loadFactuality = sync.OnceValues(factuality.Load)
)

// newEnglish returns the English pipeline (tokenize, tag, parse) with the
// tagger and parser of modelDir (--models) in place of the embedded ones.
func newEnglish(stderr io.Writer, modelDir string) (annotator, error) {
	mf, err := readModels(stderr, modelDir, tagParseModels...)
	if err != nil {
		return nil, err
	}
	return mf.english()
}

// rawPipeline returns the pipeline for raw text: the tokenizer with opts,
// then the tagger and parser of modelDir (--models), else the embedded
// ones, configured as english.New configures them.
func rawPipeline(stderr io.Writer, modelDir string, opts ...tokenize.Option) (*nlp.Pipeline, error) {
	mf, err := readModels(stderr, modelDir, tagParseModels...)
	if err != nil {
		return nil, err
	}
	return mf.rawPipeline(opts...)
}

// newTagParse returns the tag → parse pipeline for tokenized Docs with the
// tagger and parser of modelDir (--models), else the embedded ones.
func newTagParse(stderr io.Writer, modelDir string) (*nlp.Pipeline, error) {
	mf, err := readModels(stderr, modelDir, tagParseModels...)
	if err != nil {
		return nil, err
	}
	return mf.tagParse()
}
