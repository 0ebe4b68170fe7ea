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
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/eval/gold"
	"github.com/eventwire/eventwire/internal/stages"
)

// goldMode reports whether "eval events" was asked to score against the
// real-news gold (--gold DIR) rather than a judged file.
func goldMode(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "gold" {
			return true
		}
	}
	return false
}

// goldTestNote marks the test split wherever its figures are printed.
const goldTestNote = "HELD OUT: report these figures, never tune on them"

// runEvalEventsGold is "eval events --gold DIR": it parses and codes every
// article of DIR/articles.jsonl of the chosen split (as "eventwire code"
// does, dated by the article's published date) and scores the events
// against DIR/gold.tsv, or the annotation file --annotations names
// (internal/eval/gold: an event matches on CAMEO root, source country and
// target country, sentence by sentence).
//
// Output: for each article with gold events not coded (MISSED) or coded
// events not in the gold (FALSE), a block listing them by sentence (not
// with --no-list); then, for each split (dev, test, and all when --split
// is all), its figures by CAMEO family, with the looser and stricter keys,
// and what is not scored; last, one line a split, the last one for the
// split asked for:
//
//	split S gold G coded C matched M precision P recall R f1 F
//
// With --json stdout has one JSON line per article (its gold, coded,
// matched, missed and false events) and nothing else; the summary goes to
// stderr.
func runEvalEventsGold(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval events", "--gold DIR [--split dev|test|all] [--annotations FILE] [--json] [--no-list] [--partial] [--dict [KIND=]FILE]...",
		"eventwire eval events --gold testdata/gold --split dev")
	dir := flags.String("gold", "", "gold standard `directory`: articles.jsonl and the annotations (docs/gold-guideline.md)")
	split := flags.String("split", gold.All, "articles to code and score: dev, test or all (the test split is held out: report it, never tune on it)")
	annPath := flags.String("annotations", "", "annotation `file` to score against (default DIR/gold.tsv, the adjudicated set; e.g. DIR/reader-a.tsv)")
	asJSON := flags.Bool("json", false, "print one JSON line per article (gold, coded, matched, missed and false events) and nothing else on stdout")
	noList := flags.Bool("no-list", false, "do not list the missed and false events of each article, only the summary")
	partial := flags.Bool("partial", false, "score only the articles the annotation file has lines for (a reader's file in progress), instead of refusing one that lacks articles")
	userDicts, modelDir, quiet := codingFlags(flags)
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 || *dir == "" || !validSplit(*split) {
		if !validSplit(*split) {
			fmt.Fprintf(m.Stderr, "eval events: --split %q: want dev, test or all\n", *split)
		}
		flags.Usage()
		return errUsage
	}
	if *annPath == "" {
		*annPath = filepath.Join(*dir, "gold.tsv")
	}
	arts, err := readGoldArticles(*dir)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	an, err := readGoldAnnotations(*annPath, arts)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	sel, skipped, err := goldArticles(arts, *split, *partial, an)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}

	p, err := newPipeline(m.Stderr, false, *userDicts, *modelDir)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	meter := startCountMeter(m.Stderr, *quiet, len(sel), "articles")
	start := time.Now()
	var results []*gold.ArticleResult
	var failures []string
	for _, a := range sel {
		if err := ctx.Err(); err != nil {
			meter.Stop()
			return err
		}
		_, evs, err := p.code(ctx, a.Text, stages.ArticleDate(a.Published))
		meter.Done.Add(1)
		if err != nil {
			meter.Failed.Add(1)
			failures = append(failures, fmt.Sprintf("%s: %v", a.ID, err))
			continue
		}
		results = append(results, gold.Compare(a, an.Events(a.ID), gold.FromCoded(a, evs)))
	}
	meter.Stop()
	elapsed := time.Since(start)

	w := bufio.NewWriter(m.Stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		for _, r := range results {
			if err := enc.Encode(goldArticleJSON(r, an.Name)); err != nil {
				return err
			}
		}
	} else if !*noList {
		for _, r := range results {
			printGoldArticle(w, r, an.Name)
		}
	}
	fmt.Fprintf(m.Stderr, "coded %d articles (%d sentences) in %v\n", len(results), gold.Sentences(sel), elapsed.Round(time.Millisecond))
	if len(skipped) > 0 {
		fmt.Fprintf(m.Stderr, "note: --partial: %d articles of split %s have no line in %s and are not scored: %s\n", len(skipped), *split, an.Name, strings.Join(skipped, " "))
	}
	sum := w
	if *asJSON {
		sum = bufio.NewWriter(m.Stderr)
	}
	fmt.Fprintf(sum, "scored against %s: an event matches on (CAMEO root, source country, target country) in its annotated sentence\n", an.Name)
	splits := goldSplits(*split)
	for _, s := range splits {
		t := gold.Summarize(results, s)
		printGoldTally(sum, s, &t, "gold", "coded")
	}
	for _, s := range splits {
		t := gold.Summarize(results, s)
		fmt.Fprintln(sum, goldMainLine(s, t.Main))
	}
	if err := sum.Flush(); err != nil {
		return err
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

func validSplit(s string) bool { return s == gold.Dev || s == gold.Test || s == gold.All }

// goldSplits are the splits whose figures are printed for --split s.
func goldSplits(s string) []string {
	if s == gold.All {
		return []string{gold.Dev, gold.Test, gold.All}
	}
	return []string{s}
}

// readGoldArticles reads DIR/articles.jsonl, saying clearly when the
// directory or the file is absent. Any problem in it is an error: the
// spans define what was annotated.
func readGoldArticles(dir string) (*gold.Articles, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("gold directory %s does not exist or is not a directory (the shipped gold standard is testdata/gold)", dir)
	}
	path := filepath.Join(dir, "articles.jsonl")
	arts, err := gold.ReadArticlesFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s does not exist: a gold directory holds articles.jsonl and the annotations (testdata/gold/README.md)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("articles:\n%w", err)
	}
	if len(arts.List) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return arts, nil
}

// readGoldAnnotations reads an annotation file; a file with any problem is
// an error (every problem reported): a score over part of the annotations
// would mislead.
func readGoldAnnotations(path string, arts *gold.Articles) (*gold.Annotations, error) {
	an, err := gold.ReadAnnotationsFile(path, arts)
	if errors.Is(err, fs.ErrNotExist) {
		hint := ""
		if filepath.Base(path) == "gold.tsv" {
			hint = " (the adjudicated annotations may not be written yet; score against a reader's file with --annotations " + filepath.Join(filepath.Dir(path), "reader-a.tsv") + ")"
		}
		return nil, fmt.Errorf("annotation file %s does not exist%s", path, hint)
	}
	if err != nil {
		return nil, fmt.Errorf("annotations:\n%w", err)
	}
	return an, nil
}

// goldArticles returns the articles of split to score. An article with no
// line in every one of anns is an error, unless partial, when it is left
// out and returned in skipped.
func goldArticles(arts *gold.Articles, split string, partial bool, anns ...*gold.Annotations) (sel []*gold.Article, skipped []string, err error) {
	for _, a := range arts.Split(split) {
		var lacking []string
		for _, an := range anns {
			if !an.Has(a.ID) {
				lacking = append(lacking, an.Name)
			}
		}
		if len(lacking) == 0 {
			sel = append(sel, a)
			continue
		}
		skipped = append(skipped, a.ID)
		if !partial {
			err = errors.Join(err, fmt.Errorf("article %s (%s) has no line in %s", a.ID, a.Split, strings.Join(lacking, " and ")))
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w\n(every article of split %s needs its lines; --partial scores only the articles annotated)", err, split)
	}
	if len(sel) == 0 {
		return nil, nil, fmt.Errorf("no annotated article in split %s", split)
	}
	return sel, skipped, nil
}

// goldSplitName labels a split in headers, marking the test split.
func goldSplitName(s string) string {
	if s == gold.Test {
		return "split test (" + goldTestNote + ")"
	}
	return "split " + s
}

// goldCounts formats counts as the summary lines do; g and c name the two
// sides ("gold" and "coded", or "A" and "B").
func goldCounts(c gold.Counts, g, cd string) string {
	return fmt.Sprintf("%s %d %s %d matched %d precision %.3f recall %.3f f1 %.3f", g, c.Gold, cd, c.Coded, c.Matched, c.Precision(), c.Recall(), c.F1())
}

// goldMainLine is the main figure of a split, the last lines of the output.
func goldMainLine(split string, c gold.Counts) string {
	return "split " + split + " " + goldCounts(c, "gold", "coded")
}

// printGoldTally prints a split's figures by CAMEO family, under the loose
// and strict keys, and what is not scored.
func printGoldTally(w io.Writer, split string, t *gold.Tally, g, c string) {
	fmt.Fprintf(w, "--- %s: %d articles, %d sentences ---\n", goldSplitName(split), t.Articles, t.Sentences)
	for _, root := range t.Roots() {
		fc := t.ByRoot[root]
		fmt.Fprintf(w, "family %s %s %d %s %d matched %d precision %.3f recall %.3f\n", root, g, fc.Gold, c, fc.Coded, fc.Matched, fc.Precision(), fc.Recall())
	}
	fmt.Fprintf(w, "main   (root, source country, target country): %s\n", goldCounts(t.Main, g, c))
	fmt.Fprintf(w, "loose  (root, source country):                 %s\n", goldCounts(t.Loose, g, c))
	fmt.Fprintf(w, "strict (code, source code, target code):       %s\n", goldCounts(t.Strict, g, c))
	fmt.Fprintf(w, "not scored: events without a target: %s %d, %s %d", g, t.OneSidedGold, c, t.OneSidedCoded)
	if t.Unplaced > 0 {
		fmt.Fprintf(w, "; %s events outside the annotated sentences (scored as false): %d", c, t.Unplaced)
	}
	fmt.Fprintln(w)
}

// printGoldArticle lists an article's missed and false events by
// sentence; nothing when it has neither.
func printGoldArticle(w io.Writer, r *gold.ArticleResult, annName string) {
	missed, fals := r.Missed(), r.False()
	if len(missed) == 0 && len(fals) == 0 {
		return
	}
	a := r.Article
	split := a.Split
	if split == gold.Test {
		split = "TEST"
	}
	fmt.Fprintf(w, "=== %s [%s] (gold %d, coded %d, matched %d)\n", a.ID, split, r.Main.Gold, r.Main.Coded, r.Main.Matched)
	printGoldSentences(w, a, missed, fals, "MISSED", "FALSE ", annName)
}

// printGoldSentences lists two sets of events of an article by sentence,
// in sentence order, the first set's before the second's; events outside
// every sentence come last.
func printGoldSentences(w io.Writer, a *gold.Article, first, second []gold.Event, firstTag, secondTag, annName string) {
	bySent := map[int][2][]gold.Event{}
	for _, e := range first {
		p := bySent[e.Sent]
		p[0] = append(p[0], e)
		bySent[e.Sent] = p
	}
	for _, e := range second {
		p := bySent[e.Sent]
		p[1] = append(p[1], e)
		bySent[e.Sent] = p
	}
	for s := -1; s < len(a.Sentences); s++ {
		p, ok := bySent[s]
		if !ok {
			continue
		}
		if s < 0 {
			fmt.Fprintln(w, "outside the annotated sentences:")
		} else {
			fmt.Fprintf(w, "s%d: %s\n", s, goldFlat(a.SentText(s)))
		}
		for _, e := range p[0] {
			fmt.Fprintf(w, "  %s %s\n", firstTag, goldEventText(&e, annName))
		}
		for _, e := range p[1] {
			fmt.Fprintf(w, "  %s %s\n", secondTag, goldEventText(&e, annName))
		}
	}
}

// goldEventText describes an event: codes, texts, and where it came from
// (the annotation line or the coder's pattern).
func goldEventText(e *gold.Event, annName string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %q -> %s %q", e.CAMEO, e.Source, e.SourceText, orDash(e.Target), e.TargetText)
	if e.Line > 0 {
		fmt.Fprintf(&b, " trigger %q (%s:%d", e.Trigger, annName, e.Line)
		if e.Note != "" {
			fmt.Fprintf(&b, ": %s", e.Note)
		}
		b.WriteByte(')')
	} else {
		fmt.Fprintf(&b, " verb %q [%s]", e.Trigger, e.Pattern)
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// goldFlat replaces line breaks by spaces, so that a listed sentence takes
// one line.
func goldFlat(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// jsonGoldEvent is one event of --json output.
type jsonGoldEvent struct {
	SentIndex   int      `json:"sentence_index"`
	Sentence    string   `json:"sentence"`
	CAMEO       string   `json:"cameo"`
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	SourceText  string   `json:"source_text"`
	Trigger     string   `json:"trigger"`
	TargetText  string   `json:"target_text"`
	TriggerSpan *[2]int  `json:"trigger_span,omitempty"`
	Pattern     string   `json:"pattern,omitempty"`
	Note        string   `json:"note,omitempty"`
	At          string   `json:"at,omitempty"` // file:line of a gold event
	Key         []string `json:"key"`          // root, source country, target country
}

func goldEventJSON(a *gold.Article, e *gold.Event, annName string) jsonGoldEvent {
	k := gold.MainKey(e)
	j := jsonGoldEvent{SentIndex: e.Sent, Sentence: a.SentText(e.Sent), CAMEO: e.CAMEO, Source: e.Source, Target: e.Target,
		SourceText: e.SourceText, Trigger: e.Trigger, TargetText: e.TargetText, Pattern: e.Pattern, Note: e.Note,
		Key: []string{k.CAMEO, k.Source, k.Target}}
	if e.TriggerSpan.End > e.TriggerSpan.Start {
		j.TriggerSpan = &[2]int{int(e.TriggerSpan.Start), int(e.TriggerSpan.End)}
	}
	if e.Line > 0 {
		j.At = fmt.Sprintf("%s:%d", annName, e.Line)
	}
	return j
}

func goldEventsJSON(a *gold.Article, evs []gold.Event, annName string) []jsonGoldEvent {
	out := make([]jsonGoldEvent, 0, len(evs))
	for i := range evs {
		out = append(out, goldEventJSON(a, &evs[i], annName))
	}
	return out
}

// goldArticleJSON is an article's line of --json output.
func goldArticleJSON(r *gold.ArticleResult, annName string) any {
	a := r.Article
	type pair struct {
		Gold  jsonGoldEvent `json:"gold"`
		Coded jsonGoldEvent `json:"coded"`
	}
	matched := []pair{}
	for i, j := range r.GoldMatch {
		if j >= 0 {
			matched = append(matched, pair{goldEventJSON(a, &r.Gold[i], annName), goldEventJSON(a, &r.Coded[j], annName)})
		}
	}
	type counts struct {
		Gold    int `json:"gold"`
		Coded   int `json:"coded"`
		Matched int `json:"matched"`
	}
	return struct {
		ID            string          `json:"id"`
		Split         string          `json:"split"`
		Counts        counts          `json:"counts"`
		Gold          []jsonGoldEvent `json:"gold"`
		Coded         []jsonGoldEvent `json:"coded"`
		Matched       []pair          `json:"matched"`
		Missed        []jsonGoldEvent `json:"missed"`
		False         []jsonGoldEvent `json:"false"`
		OneSidedGold  []jsonGoldEvent `json:"one_sided_gold"`
		OneSidedCoded []jsonGoldEvent `json:"one_sided_coded"`
	}{a.ID, a.Split, counts(r.Main),
		goldEventsJSON(a, r.Gold, annName), goldEventsJSON(a, r.Coded, annName), matched,
		goldEventsJSON(a, r.Missed(), annName), goldEventsJSON(a, r.False(), annName),
		goldEventsJSON(a, r.OneSidedGold, annName), goldEventsJSON(a, r.OneSidedCoded, annName)}
}
