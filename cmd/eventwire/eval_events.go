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
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/eval/events"
	"github.com/eventwire/eventwire/internal/stages"
)

// runEvalEvents parses and codes every article of a JSONL corpus with the
// shipped dictionaries (as "eventwire code" does) and compares the events
// with a judged file (internal/eval/events).
//
// Output: for each article with events not judged yet, or with events
// judged right that are no longer coded, a block listing them by sentence;
// then, as the last line,
//
//	events N judged J right R wrong W unjudged U precision P (95% CI lo–hi) judged-right-missing M
//
// where precision = R/J over the judged events coded now and the interval is
// Wilson's. With --json stdout has one JSON line per article (every event
// with its judgement, and the missing ones) and nothing else; the summary
// goes to stderr. --write-unjudged writes the unjudged events as judged-file
// lines with an empty judgement, to be judged and appended.
func runEvalEvents(ctx context.Context, m *Main, args []string) error {
	if goldMode(args) {
		return runEvalEventsGold(ctx, m, args)
	}
	flags := m.newFlagSet("eval events", "--corpus FILE.jsonl[.gz] --judged FILE.tsv [--json] [--write-unjudged FILE] [--dict [KIND=]FILE]...",
		"eventwire eval events --corpus ../shared/data/corpus/wikinews-politics-demo.jsonl --judged testdata/judged/wikinews-politics-demo.tsv")
	corpusPath := flags.String("corpus", "", "JSONL `file` of articles (id, published, text), gzip-compressed if it ends in .gz")
	judgedPath := flags.String("judged", "", "judged events, a TSV `file` (format: its header comment, or internal/eval/events.ReadJudged); an empty file to start judging")
	asJSON := flags.Bool("json", false, "print one JSON line per article (events with their judgements, missing ones) and nothing else on stdout")
	unjudgedPath := flags.String("write-unjudged", "", "write the events not judged yet to this `file` as judged-file lines with an empty judgement")
	userDicts, modelDir, quiet := codingFlags(flags)
	flags.String("gold", "", "instead, score recall and precision against the real-news gold standard in `directory` (eval events --gold DIR -h for its flags)")
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 || *corpusPath == "" || *judgedPath == "" {
		if *corpusPath == "" || *judgedPath == "" {
			fmt.Fprintln(m.Stderr, "eval events: --corpus and --judged are required (--judged may name an empty file)")
		}
		flags.Usage()
		return errUsage
	}

	arts, err := events.ReadCorpusFile(*corpusPath)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("eval events: corpus %s does not exist; the Wikinews corpora are not shipped with eventwire: they are in the project's data folder, e.g. ../shared/data/corpus/wikinews-politics-demo.jsonl", *corpusPath)
	}
	if err != nil {
		var list events.ErrorList
		if !errors.As(err, &list) || len(arts) == 0 {
			return fmt.Errorf("eval events: %w", err)
		}
		fmt.Fprintf(m.Stderr, "warning: records skipped:\n%v\n", err)
	}
	if len(arts) == 0 {
		return fmt.Errorf("eval events: %s: no articles", *corpusPath)
	}
	judged, err := readJudgedFile(*judgedPath)
	if err != nil {
		return err
	}

	p, err := newPipeline(m.Stderr, false, *userDicts, *modelDir)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	meter := startCountMeter(m.Stderr, *quiet, len(arts), "articles")
	start := time.Now()
	coded := make([]events.ArticleEvents, 0, len(arts))
	sentences, undated := 0, 0
	var failures []string
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			meter.Stop()
			return err
		}
		date := stages.ArticleDate(a.Published)
		if date.IsZero() {
			undated++
		}
		doc, evs, err := p.code(ctx, a.Text, date)
		meter.Done.Add(1)
		if err != nil {
			meter.Failed.Add(1)
			failures = append(failures, fmt.Sprintf("%s: %v", a.ID, err))
			continue
		}
		sentences += len(doc.Sents)
		coded = append(coded, events.ArticleEvents{ID: a.ID, Events: events.FromEvents(a.ID, doc, evs)})
	}
	meter.Stop()
	elapsed := time.Since(start)
	res := events.Compare(judged, coded)

	w := bufio.NewWriter(m.Stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		for i := range res.Articles {
			if err := enc.Encode(jsonArticle(&res.Articles[i], judged.Name)); err != nil {
				return err
			}
		}
	} else {
		for i := range res.Articles {
			printArticleResult(w, &res.Articles[i], judged.Name)
		}
	}
	if *unjudgedPath != "" {
		if err := writeUnjudged(*unjudgedPath, *corpusPath, res); err != nil {
			return fmt.Errorf("eval events: --write-unjudged: %w", err)
		}
	}
	fmt.Fprintf(m.Stderr, "coded %d articles (%d sentences) in %v (%.1f articles/s, parse and code)\n",
		len(coded), sentences, elapsed.Round(time.Millisecond), float64(len(coded))/max(elapsed.Seconds(), 1e-9))
	if undated > 0 {
		fmt.Fprintf(m.Stderr, "note: %d articles have no published date; their dated actor roles are the dictionaries' undated codes\n", undated)
	}
	if res.Elsewhere > 0 {
		fmt.Fprintf(m.Stderr, "note: %d judged lines are for articles not in %s; not scored\n", res.Elsewhere, *corpusPath)
	}
	if *unjudgedPath != "" {
		fmt.Fprintf(m.Stderr, "wrote %d unjudged events to %s\n", res.Unjudged, *unjudgedPath)
	}
	summary := summaryLine(res)
	if *asJSON {
		fmt.Fprintln(m.Stderr, summary)
	} else {
		if line := classLine(res.WrongByClass); line != "" {
			fmt.Fprintln(w, line)
		}
		fmt.Fprintln(w, summary)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintln(m.Stderr, "failed:", f)
		}
		return errFailures
	}
	return nil
}

// readJudgedFile reads the judged file, saying clearly when it is absent.
// A file with bad lines is an error (every line reported): a precision over
// part of the judgements would mislead.
func readJudgedFile(path string) (*events.Judged, error) {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("eval events: judged file %s does not exist (the shipped one is testdata/judged/wikinews-politics-demo.tsv; to start a new one, pass an empty file and --write-unjudged)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	defer fh.Close()
	j, err := events.ReadJudged(fh, path)
	if err != nil {
		return nil, fmt.Errorf("eval events: judged file:\n%w", err)
	}
	return j, nil
}

// summaryLine is the last line of the output.
func summaryLine(r *events.Result) string {
	lo, hi := r.Interval()
	return fmt.Sprintf("events %d judged %d right %d wrong %d unjudged %d precision %.3f (95%% CI %.3f–%.3f) judged-right-missing %d",
		r.Events, r.Judged, r.Right, r.Wrong, r.Unjudged, r.Precision(), lo, hi, r.Missing)
}

// classLine counts the judged-wrong events coded now by the first class
// of their note, most frequent first: "wrong by class: not-event 21,
// wrong-family 17, ...". Empty when nothing coded is judged wrong.
func classLine(byClass map[string]int) string {
	if len(byClass) == 0 {
		return ""
	}
	names := make([]string, 0, len(byClass))
	for c := range byClass {
		names = append(names, c)
	}
	sort.Slice(names, func(i, j int) bool {
		if byClass[names[i]] != byClass[names[j]] {
			return byClass[names[i]] > byClass[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, c := range names {
		if c == "" {
			c = "(no class)"
		}
		parts[i] = fmt.Sprintf("%s %d", c, byClass[names[i]])
	}
	return "wrong by class: " + strings.Join(parts, ", ")
}

// printArticleResult lists an article's unjudged events and its missing
// judged-right ones, by sentence; nothing when it has neither.
func printArticleResult(w io.Writer, a *events.ArticleResult, judgedName string) {
	un := a.Unjudged()
	if len(un) == 0 && len(a.Missing) == 0 {
		return
	}
	fmt.Fprintf(w, "=== %s (%d events, %d unjudged, %d judged right and missing)\n", a.ID, len(a.Events), len(un), len(a.Missing))
	last := ""
	for _, c := range un {
		if c.Sentence != last {
			fmt.Fprintf(w, "s%d: %s\n", c.SentIndex, c.Sentence)
			last = c.Sentence
		}
		fmt.Fprintf(w, "  UNJUDGED %s %s %q -> %s %q verb %q [%s]\n", c.CAMEO, c.Source, c.SourceText, c.Target, c.TargetText, c.Verb, c.Pattern)
	}
	for _, g := range a.Missing {
		fmt.Fprintf(w, "  MISSING  %s %s -> %s verb %q (%s:%d, right: %s) in: %s\n", g.CAMEO, g.Source, g.Target, g.Verb, judgedName, g.Line, g.Note, g.Sentence)
	}
}

// jsonEventJudged is one event of --json output.
type jsonEventJudged struct {
	SentIndex  int    `json:"sentence_index"`
	Sentence   string `json:"sentence"`
	CAMEO      string `json:"cameo"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	Verb       string `json:"verb"`
	SourceText string `json:"source_text"`
	TargetText string `json:"target_text"`
	Pattern    string `json:"pattern"`
	Judgement  string `json:"judgement"` // right, wrong or "" (unjudged)
	Note       string `json:"note,omitempty"`
	At         string `json:"at,omitempty"` // file:line of the judgement
}

// jsonMissing is a judged-right event no longer coded.
type jsonMissing struct {
	Sentence string `json:"sentence"`
	CAMEO    string `json:"cameo"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Verb     string `json:"verb"`
	Note     string `json:"note,omitempty"`
	At       string `json:"at"`
}

func jsonArticle(a *events.ArticleResult, judgedName string) any {
	evs := make([]jsonEventJudged, 0, len(a.Events))
	for _, s := range a.Events {
		e := jsonEventJudged{SentIndex: s.SentIndex, Sentence: s.Sentence, CAMEO: s.CAMEO, Source: s.Source, Target: s.Target,
			Verb: s.Verb, SourceText: s.SourceText, TargetText: s.TargetText, Pattern: s.Pattern}
		if g := s.Judgement; g != nil {
			e.Judgement, e.Note, e.At = g.Verdict, g.Note, fmt.Sprintf("%s:%d", judgedName, g.Line)
		}
		evs = append(evs, e)
	}
	miss := make([]jsonMissing, 0, len(a.Missing))
	for _, g := range a.Missing {
		miss = append(miss, jsonMissing{g.Sentence, g.CAMEO, g.Source, g.Target, g.Verb, g.Note, fmt.Sprintf("%s:%d", judgedName, g.Line)})
	}
	return struct {
		ID      string            `json:"id"`
		Events  []jsonEventJudged `json:"events"`
		Missing []jsonMissing     `json:"missing"`
	}{a.ID, evs, miss}
}

// writeUnjudged writes the unjudged events as judged-file lines with an
// empty judgement; the note holds the source and target texts and the
// pattern, to help the reader (replace it with the reason of the verdict).
func writeUnjudged(path, corpus string, r *events.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Events coded from %s that no judgement matches; judge each (right|wrong, with a short note) and append to the judged file.\n", corpus)
	w.WriteString(events.Header)
	seen := map[events.Key]bool{}
	for i := range r.Articles {
		for _, c := range r.Articles[i].Unjudged() {
			if seen[c.Key] {
				continue
			}
			seen[c.Key] = true
			g := &events.Judgement{Key: c.Key, Note: fmt.Sprintf("%s -> %s [%s]", c.SourceText, c.TargetText, c.Pattern)}
			w.WriteString(events.FormatLine(g))
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
