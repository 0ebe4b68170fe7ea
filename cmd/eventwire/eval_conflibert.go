package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/eventwire/eventwire/internal/eval/conflibert"
	"github.com/eventwire/eventwire/text"
)

// confliBERTHint says where the ConfliBERT development data lives.
const confliBERTHint = "../shared/data/events/conflibert-dev"

// runEvalConfliBERT parses and codes every sentence of the ConfliBERT class
// file with the shipped dictionaries (as "eventwire code" does) and
// compares the events with each sentence's PentaClass and, where the tag
// file gives them, its source and target words (internal/eval/conflibert:
// the join of the two files and the scores).
//
// Output: recall by gold class, what the join of the two files found,
// and, as the last line,
//
//	sentences N coded C class-recall R cst-recall R2 precision P cst-precision P2
//
// With --json stdout has one JSON line per sentence (gold class and
// chunks, events with their evidence spans, hits) and nothing else; the
// rest goes to stderr.
func runEvalConfliBERT(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval conflibert", "[--json] [--dict [KIND=]FILE]... DIR",
		"eventwire eval conflibert "+confliBERTHint)
	asJSON := flags.Bool("json", false, "print one JSON line per sentence (gold class and chunks, events, hits) and nothing else on stdout")
	userDicts, modelDir, quiet := codingFlags(flags)
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		flags.Usage()
		return errUsage
	}
	dir := rest[0]
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("eval conflibert: %s does not exist; the ConfliBERT data is not shipped with eventwire (GPL, third-party texts, for development only): it is in the project's data folder, %s", dir, confliBERTHint)
	}
	classPath, nerPath := filepath.Join(dir, conflibert.ClassFile), filepath.Join(dir, conflibert.NERFile)
	classes, err := conflibert.ReadClassFile(classPath)
	if err := confliBERTReadError(m.Stderr, classPath, err, len(classes)); err != nil {
		return err
	}
	if len(classes) == 0 {
		return fmt.Errorf("eval conflibert: %s: no sentences", classPath)
	}
	tagged, err := conflibert.ReadNERFile(nerPath)
	if err := confliBERTReadError(m.Stderr, nerPath, err, len(tagged)); err != nil {
		return err
	}
	items, join := conflibert.Join(classes, tagged)

	p, err := newPipeline(m.Stderr, false, *userDicts, *modelDir)
	if err != nil {
		return fmt.Errorf("eval conflibert: %w", err)
	}
	meter := startCountMeter(m.Stderr, *quiet, len(items), "sentences")
	start := time.Now()
	results := make([]conflibert.Result, 0, len(items))
	for i := range items {
		if err := ctx.Err(); err != nil {
			meter.Stop()
			return err
		}
		// The class file has no dates: dated actor roles take the
		// dictionaries' undated codes.
		doc, evs, err := p.code(ctx, items[i].Text, time.Time{})
		if err != nil {
			meter.Stop()
			return fmt.Errorf("eval conflibert: %s:%d: %w", classPath, items[i].Line, err)
		}
		results = append(results, conflibert.ScoreSentence(&items[i], conflibert.FromEvents(doc.Text, evs)))
		meter.Done.Add(1)
	}
	meter.Stop()
	elapsed := time.Since(start)
	sum := conflibert.Summarize(results)

	w := bufio.NewWriter(m.Stdout)
	var info io.Writer = w
	if *asJSON {
		info = m.Stderr
		enc := json.NewEncoder(w)
		for i := range results {
			if err := enc.Encode(jsonConfliBERTSentence(classPath, &results[i])); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(m.Stderr, "coded %d sentences in %v (%.1f sentences/s, parse and code)\n",
		len(results), elapsed.Round(time.Millisecond), float64(len(results))/max(elapsed.Seconds(), 1e-9))
	printConfliBERTClasses(info, &sum)
	fmt.Fprintf(info, "coded at all: %d of %d sentences (%.3f)\n", sum.Coded, sum.Sentences, sum.CodedShare())
	fmt.Fprintf(info, "join: %d of %d tagged sentences match a class sentence (%d unmatched: edited; %d repeat a matched one); %d class sentences have chunks, %d a source and a target\n",
		join.Matched, join.Tagged, join.Unmatched, join.Repeated, join.Items, join.SourceTarget)
	fmt.Fprintf(info, "class+source+target: %d of %d sentences hit; %d of the %d events coded from them right\n",
		sum.CSTHits, sum.CSTSentences, sum.CSTRight, sum.CSTEvents)
	if *asJSON {
		fmt.Fprintln(m.Stderr, sum.Line())
	} else {
		fmt.Fprintln(w, sum.Line())
	}
	return w.Flush()
}

// confliBERTReadError turns a read error into the command's error: an
// absent file names the data folder; bad lines (an ErrorList) are a
// warning when something was read; anything else stops.
func confliBERTReadError(stderr io.Writer, path string, err error, n int) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("eval conflibert: %s does not exist; the folder must hold %s and %s as in the project's data folder, %s", path, conflibert.ClassFile, conflibert.NERFile, confliBERTHint)
	}
	if _, ok := err.(conflibert.ErrorList); ok && n > 0 {
		fmt.Fprintf(stderr, "warning: lines skipped:\n%v\n", err)
		return nil
	}
	return fmt.Errorf("eval conflibert: %w", err)
}

// printConfliBERTClasses prints recall by gold class.
func printConfliBERTClasses(w io.Writer, s *conflibert.Summary) {
	fmt.Fprintf(w, "%-24s %9s %6s %6s %s\n", "class", "sentences", "coded", "hit", "recall")
	for i, c := range s.ByClass {
		fmt.Fprintf(w, "%-24s %9d %6d %6d %.3f\n", fmt.Sprintf("%d %s", i, conflibert.Classes[i]), c.Sentences, c.Coded, c.Hits,
			float64(c.Hits)/max(float64(c.Sentences), 1))
	}
	fmt.Fprintf(w, "%-24s %9d %6d %6d %.3f\n", "total", s.Sentences, s.Coded, s.ClassHits, s.ClassRecall())
}

// jsonChunk is a gold chunk of --json output.
type jsonChunk struct {
	Start int32  `json:"start"`
	End   int32  `json:"end"`
	Text  string `json:"text"`
}

func jsonChunks(s string, spans []text.Span) []jsonChunk {
	out := make([]jsonChunk, 0, len(spans))
	for _, sp := range spans {
		out = append(out, jsonChunk{sp.Start, sp.End, s[sp.Start:sp.End]})
	}
	return out
}

// jsonConfliBERTEvent is one event of --json output.
type jsonConfliBERTEvent struct {
	conflibert.Event
	ClassRight bool `json:"class_right"`
	CSTRight   bool `json:"cst_right"`
}

// jsonConfliBERTSentence is one line of --json output.
func jsonConfliBERTSentence(path string, r *conflibert.Result) any {
	it := r.Item
	evs := make([]jsonConfliBERTEvent, len(r.Events))
	for i, e := range r.Events {
		evs[i] = jsonConfliBERTEvent{e, r.ClassRight[i], r.CSTRight[i]}
	}
	src, tgt, rel := []jsonChunk{}, []jsonChunk{}, []jsonChunk{}
	if it.Spans != nil {
		src, tgt, rel = jsonChunks(it.Text, it.Spans.Source), jsonChunks(it.Text, it.Spans.Target), jsonChunks(it.Text, it.Spans.Related)
	}
	return struct {
		At       string                `json:"at"`
		Text     string                `json:"text"`
		Class    int                   `json:"class"`
		NERLine  int                   `json:"ner_line,omitempty"`
		Source   []jsonChunk           `json:"source"`
		Target   []jsonChunk           `json:"target"`
		Related  []jsonChunk           `json:"related"`
		Events   []jsonConfliBERTEvent `json:"events"`
		ClassHit bool                  `json:"class_hit"`
		CST      bool                  `json:"cst"`
		CSTHit   bool                  `json:"cst_hit"`
	}{fmt.Sprintf("%s:%d", path, it.Line), it.Text, it.Class, it.NERLine, src, tgt, rel, evs, r.ClassHit, r.CST, r.CSTHit}
}
