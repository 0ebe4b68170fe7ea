package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/eval/plover"
)

// ploverGoldHint says where the PLOVER gold lives.
const ploverGoldHint = "../shared/data/events/plover-gsr-dev/PLOVER_GSR_dev.json"

// runEvalPlover parses and codes every sentence of a PLOVER gold file with
// the shipped dictionaries (as "eventwire code" does) and compares the
// events with each record's gold event (internal/eval/plover: matching
// rules, the tune/check cut).
//
// Output: a block per record that is not hit (id, gold, events coded),
// a table of recall by gold category with each category's tune/check
// counts, the share of records with no event, a line per part
//
//	part all:   records N coded C recall R precision P f1 F strict-recall S
//	part tune:  ...
//	part check: ...
//
// and, as the last line, the part that --part selects in the same form
// without the prefix. With --json stdout has one JSON line per record of
// the selected part and nothing else; the summary goes to stderr.
func runEvalPlover(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval plover", "[--json] [--part all|tune|check] [--dict [KIND=]FILE]... FILE.json",
		"eventwire eval plover "+ploverGoldHint)
	asJSON := flags.Bool("json", false, "print one JSON line per record (gold, events coded, hit) and nothing else on stdout")
	part := flags.String("part", "all", "`part` of the file to score: all, tune or check (a record's part depends on its id alone: internal/eval/plover.Part)")
	userDicts, modelDir, quiet := codingFlags(flags)
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		flags.Usage()
		return errUsage
	}
	if *part != "all" && *part != plover.PartTune && *part != plover.PartCheck {
		fmt.Fprintf(m.Stderr, "eval plover: --part must be all, tune or check, not %q\n", *part)
		flags.Usage()
		return errUsage
	}
	path := rest[0]
	recs, err := plover.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("eval plover: %s does not exist; the PLOVER gold records are not shipped with eventwire: they are in the project's data folder, %s", path, ploverGoldHint)
	}
	if err != nil {
		var list plover.ErrorList
		if !errors.As(err, &list) || len(recs) == 0 {
			return fmt.Errorf("eval plover: %w", err)
		}
		fmt.Fprintf(m.Stderr, "warning: records skipped:\n%v\n", err)
	}
	if len(recs) == 0 {
		return fmt.Errorf("eval plover: %s: no records", path)
	}

	p, err := newPipeline(m.Stderr, false, *userDicts, *modelDir)
	if err != nil {
		return fmt.Errorf("eval plover: %w", err)
	}
	meter := startCountMeter(m.Stderr, *quiet, len(recs), "records")
	start := time.Now()
	results := make([]plover.RecordResult, 0, len(recs))
	for i := range recs {
		if err := ctx.Err(); err != nil {
			meter.Stop()
			return err
		}
		doc, evs, err := p.code(ctx, recs[i].Text, recs[i].Date)
		if err != nil {
			meter.Stop()
			return fmt.Errorf("eval plover: %s: %w", recs[i].ID, err)
		}
		results = append(results, plover.ScoreRecord(&recs[i], plover.FromEvents(doc.Text, evs)))
		meter.Done.Add(1)
	}
	meter.Stop()
	elapsed := time.Since(start)

	byPart := map[string][]plover.RecordResult{"all": results}
	for _, r := range results {
		k := plover.Part(r.Record.ID)
		byPart[k] = append(byPart[k], r)
	}
	selected := byPart[*part]
	sum := plover.Summarize(selected)
	all := plover.Summarize(results)

	w := bufio.NewWriter(m.Stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		for i := range selected {
			if err := enc.Encode(jsonPloverRecord(&selected[i])); err != nil {
				return err
			}
		}
	} else {
		for i := range selected {
			printPloverMiss(w, &selected[i])
		}
	}
	fmt.Fprintf(m.Stderr, "coded %d records in %v (%.1f records/s, parse and code)\n",
		len(results), elapsed.Round(time.Millisecond), float64(len(results))/max(elapsed.Seconds(), 1e-9))
	var info io.Writer = w
	if *asJSON {
		info = m.Stderr
	}
	printPloverCategories(info, &sum, &all, *part)
	fmt.Fprintf(info, "no event coded: %d of %d records (%.3f)\n", sum.Records-sum.Coded, sum.Records, sum.NoEvent())
	fmt.Fprintf(info, "events %d right %d; %d have no PLOVER category (CAMEO 01, 02): precision without them %.3f\n",
		sum.Events, sum.Right, sum.Unmapped, sum.MappedPrecision())
	for _, k := range []string{"all", plover.PartTune, plover.PartCheck} {
		s := plover.Summarize(byPart[k])
		fmt.Fprintf(info, "%-12s%s\n", "part "+k+":", s.Line())
	}
	if *asJSON {
		fmt.Fprintln(m.Stderr, sum.Line())
	} else {
		fmt.Fprintln(w, sum.Line())
	}
	return w.Flush()
}

// printPloverMiss prints a record that is not hit: its id, part, gold
// event and sentence, and every event coded from it.
func printPloverMiss(w io.Writer, r *plover.RecordResult) {
	if r.Hit {
		return
	}
	rec := r.Record
	fmt.Fprintf(w, "=== %s (%s) MISS %s %s -> %s\n", rec.ID, plover.Part(rec.ID), rec.Gold, goldActors(rec.Sources), goldActors(rec.Targets))
	fmt.Fprintf(w, "  %s\n", rec.Text)
	if len(r.Events) == 0 {
		fmt.Fprintln(w, "  (no event coded)")
	}
	for _, e := range r.Events {
		cat := e.PLOVER
		if cat == "" {
			cat = "-"
		}
		fmt.Fprintf(w, "  coded %s %s %s %q -> %s %q verb %q [%s]\n", e.CAMEO, cat, e.Source, e.SourceText, e.Target, e.TargetText, e.Verb, e.Pattern)
	}
}

// goldActors writes gold actors as "USA(United States)+JOR(Jordan)", or
// "-" for none.
func goldActors(as []plover.Actor) string {
	if len(as) == 0 {
		return "-"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = fmt.Sprintf("%s(%s)", a.Code, a.Text)
	}
	return strings.Join(parts, "+")
}

// printPloverCategories prints recall by gold category over the scored
// records, with each category's tune and check counts over the whole file.
func printPloverCategories(w io.Writer, sum, all *plover.Summary, part string) {
	cats := make([]string, 0, len(all.ByCategory))
	for c := range all.ByCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	fmt.Fprintf(w, "%-10s %7s %5s %5s  %s %s\n", "category", "records", "tune", "check", "hit ("+part+")", "recall")
	tune, check := 0, 0
	for _, c := range cats {
		a := all.ByCategory[c]
		tune, check = tune+a.Tune, check+a.Check
		n, hits := 0, 0
		if s := sum.ByCategory[c]; s != nil {
			n, hits = s.Records, s.Hits
		}
		rec := "-"
		if n > 0 {
			rec = fmt.Sprintf("%.3f", float64(hits)/float64(n))
		}
		fmt.Fprintf(w, "%-10s %7d %5d %5d  %4d/%-4d %s\n", c, a.Records, a.Tune, a.Check, hits, n, rec)
	}
	fmt.Fprintf(w, "%-10s %7d %5d %5d  %4d/%-4d %.3f\n", "total", all.Records, tune, check, sum.Hits, sum.Records, sum.Recall())
}

// jsonPloverEvent is one coded event of --json output.
type jsonPloverEvent struct {
	plover.Event
	Right bool `json:"right"`
}

// jsonPloverRecord is one line of --json output.
func jsonPloverRecord(r *plover.RecordResult) any {
	evs := make([]jsonPloverEvent, len(r.Events))
	for i, e := range r.Events {
		evs[i] = jsonPloverEvent{e, r.Right[i]}
	}
	rec := r.Record
	type gold struct {
		Category   string         `json:"category"`
		Category05 string         `json:"category_0_5"`
		EventText  string         `json:"event_text"`
		Sources    []plover.Actor `json:"sources"`
		Targets    []plover.Actor `json:"targets"`
	}
	src, tgt := rec.Sources, rec.Targets
	if src == nil {
		src = []plover.Actor{}
	}
	if tgt == nil {
		tgt = []plover.Actor{}
	}
	return struct {
		ID        string            `json:"id"`
		Part      string            `json:"part"`
		Text      string            `json:"text"`
		Gold      gold              `json:"gold"`
		Events    []jsonPloverEvent `json:"events"`
		Hit       bool              `json:"hit"`
		StrictHit bool              `json:"strict_hit"`
	}{rec.ID, plover.Part(rec.ID), rec.Text, gold{rec.Gold, rec.Category, rec.EventText, src, tgt}, evs, r.Hit, r.StrictHit}
}
