package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/progress"
	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/text"
)

// This file wires the stages after extraction (parser, event coder) for
// the commands that run the whole pipeline over many pages: ingest, demo
// and recode. "eventwire code" wires the same parts for one article.

// pipeline holds the stages after extraction. Both parts are safe for
// concurrent use (nlp pipelines and coder.Coder say so), so one pipeline
// serves every worker.
type pipeline struct {
	parser annotator    // nil: extraction only (--no-parse)
	coder  *coder.Coder // nil when parser is
}

// newPipeline loads the English models and the event coder (the shipped
// dictionaries with userDicts layered on top) at the same time; with
// noParse it loads nothing. Problems in the user's dictionary files are
// printed on stderr and coding goes on without those entries. The models
// in modelDir (--models), when given, replace the embedded ones.
func newPipeline(stderr io.Writer, noParse bool, userDicts []string, modelDir string) (*pipeline, error) {
	if noParse {
		if modelDir != "" {
			fmt.Fprintln(stderr, "note: --no-parse: --models is not used")
		}
		return &pipeline{}, nil
	}
	// The files are read, and notes written, before the two loads run
	// side by side.
	mf, err := readModels(stderr, modelDir, allModels...)
	if err != nil {
		return nil, err
	}
	type parsed struct {
		a   annotator
		err error
	}
	ch := make(chan parsed, 1)
	go loadGazetteer() // for the places stage, while the models load
	go func() {
		a, err := mf.english()
		ch <- parsed{a, err}
	}()
	c, cerr := eventCoderFrom(stderr, userDicts, mf)
	p := <-ch
	if err := errors.Join(p.err, cerr); err != nil {
		return nil, err
	}
	return &pipeline{parser: p.a, coder: c}, nil
}

// newEventCoder returns the event coder over the shipped dictionaries and
// the factuality model (nlp/factuality) of modelDir (--models), else the
// embedded one, with the user's files ([KIND=]FILE, as "code --dict") on
// top.
func newEventCoder(stderr io.Writer, userDicts []string, modelDir string) (*coder.Coder, error) {
	mf, err := readModels(stderr, modelDir, codingModels...)
	if err != nil {
		return nil, err
	}
	return eventCoderFrom(stderr, userDicts, mf)
}

// eventCoderFrom is newEventCoder with the model files already read.
func eventCoderFrom(stderr io.Writer, userDicts []string, mf *modelFiles) (*coder.Coder, error) {
	var d *dict.Dictionaries
	if len(userDicts) == 0 {
		// The shipped dictionaries have known upstream defects
		// (docs/notes/cameo-eval.md), which are not the user's to see.
		d = loadShippedDicts()
	} else {
		files, fsys, err := codeDicts(userDicts)
		if err != nil {
			return nil, err
		}
		if d, err = dict.Load(fsys, files); err != nil {
			// Report only the problems in the user's files.
			warnDictErrors(stderr, userDictErrors(err, fsys.top))
		}
	}
	fm, err := mf.factuality()
	if err != nil {
		return nil, err
	}
	return stages.NewCoder(d, fm), nil
}

// loadShippedDicts loads the shipped dictionaries once per process; the
// Dictionaries are immutable.
var loadShippedDicts = sync.OnceValue(stages.ShippedDictionaries)

// stages returns the annotator and coders of an ingest.Processor.
func (p *pipeline) stages() (ingest.Annotator, []ingest.Coder) {
	if p == nil || p.parser == nil {
		return nil, nil
	}
	return p.parser, stages.Coders(p.coder, loadGazetteer)
}

// nlpCounts counts what the parser and coder produced over a run, for the
// summary of ingest. Safe for concurrent use.
type nlpCounts struct {
	sentences, tokens, events atomic.Int64
}

// add counts a newly stored story.
func (c *nlpCounts) add(st *eventwire.Story, created bool) {
	if !created || st == nil {
		return
	}
	if st.Doc != nil {
		c.sentences.Add(int64(len(st.Doc.Sents)))
		c.tokens.Add(int64(len(st.Doc.Tokens)))
	}
	c.events.Add(int64(len(st.Events)))
}

// line reports the counts with rates over elapsed.
func (c *nlpCounts) line(elapsed time.Duration) string {
	s, tk, ev := c.sentences.Load(), c.tokens.Load(), c.events.Load()
	sec := elapsed.Seconds()
	if sec <= 0 {
		sec = 1e-9
	}
	return fmt.Sprintf("parsed %d sentences (%d tokens; %.1f sentences/s, %.0f tokens/s), coded %d events",
		s, tk, float64(s)/sec, float64(tk)/sec, ev)
}

// defaultWorkers is the number of pages processed at once unless
// --workers says otherwise: one per CPU, as ingest.Run does.
func defaultWorkers() int { return runtime.GOMAXPROCS(0) }

// idSet is a set of story ids, safe for concurrent use.
type idSet struct {
	mu  sync.Mutex
	ids map[int64]bool
}

func newIDSet() *idSet { return &idSet{ids: map[int64]bool{}} }

func (s *idSet) add(id int64) {
	s.mu.Lock()
	s.ids[id] = true
	s.mu.Unlock()
}

func (s *idSet) has(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ids[id]
}

// startCPUProfile writes a CPU profile to path until the returned stop is
// called; an empty path profiles nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// codingFlags adds the flags of the eval commands that parse and code
// text: --dict, extra dictionaries as for "eventwire code", --models and
// --quiet.
func codingFlags(flags *flag.FlagSet) (userDicts *multiFlag, modelDir *string, quiet *bool) {
	userDicts = new(multiFlag)
	flags.Var(userDicts, "dict", "extra dictionary `[KIND=]FILE` layered over the shipped ones, as for eventwire code; repeatable")
	return userDicts, modelsFlag(flags), flags.Bool("quiet", false, "no progress line on a terminal")
}

// code parses s and codes its events as of date, as "eventwire code"
// does: the step the eval commands repeat for every sentence or article.
// The error says which of the two failed ("parse: ...", "code: ...").
func (p *pipeline) code(ctx context.Context, s string, date time.Time) (*text.Doc, []eventwire.Event, error) {
	doc := text.NewDoc(s)
	if err := p.parser.Annotate(ctx, doc); err != nil {
		return nil, nil, fmt.Errorf("parse: %w", err)
	}
	places, err := stages.ResolvePlaces(ctx, loadGazetteer, nil, doc)
	if err != nil {
		return nil, nil, err
	}
	quotes, err := stages.AttributeQuotes(ctx, p.coder, doc, nil, date)
	if err != nil {
		return nil, nil, err
	}
	evs, err := stages.CodeDated(ctx, p.coder, loadGazetteer, doc, date, places, quotes)
	if err != nil {
		return nil, nil, fmt.Errorf("code: %w", err)
	}
	return doc, evs, nil
}

// countMeter is the progress line of a command that works through a
// known number of items: Done and Failed count them, Stop ends the line.
type countMeter struct {
	Done, Failed atomic.Int64
	meter        *progress.Meter
}

// startCountMeter shows a progress line on stderr when it is a terminal
// and quiet is false.
func startCountMeter(stderr io.Writer, quiet bool, total int, unit string) *countMeter {
	c := &countMeter{}
	c.meter = progress.Start(stderr, !quiet && progress.IsTerminal(stderr), func() progress.Status {
		d := c.Done.Load()
		return progress.Status{Items: d, Failed: c.Failed.Load(), Done: d, Total: int64(total), Unit: unit}
	})
	return c
}

// Stop ends the progress line.
func (c *countMeter) Stop() { c.meter.Stop() }
