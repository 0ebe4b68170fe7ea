package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/eval/gold"
)

// runEvalAgreement measures how far two annotation files of the gold
// standard's articles agree (internal/eval/gold.Agree): B's events scored
// against A's with the keys of "eval events --gold" (F1 is the same either
// way), Cohen's kappa on the CAMEO root over (sentence, source country,
// target country) items, and Cohen's kappa on whether a sentence has any
// event.
//
// Output: with --list, the sentences where the readers disagree (events
// one has and the other not, events without a target, "none" against
// events, with the events both have for context), for adjudication; then for each split (dev, test, and all when
// --split is all) the figures by CAMEO family and key, and the two kappas;
// last, one line a split, the last one for the split asked for:
//
//	split S A a B b matched m precision P recall R f1 F kappa-root K kappa-any K
//
// where precision and recall take A as the reference and a kappa is "n/a"
// when it is undefined.
func runEvalAgreement(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval agreement", "[--split dev|test|all] [--list] [--partial] DIR A.tsv B.tsv",
		"eventwire eval agreement --split dev --list testdata/gold reader-a.tsv reader-b.tsv")
	split := flags.String("split", gold.All, "articles to compare: dev, test or all")
	list := flags.Bool("list", false, "list the sentences where the readers disagree, for adjudication")
	partial := flags.Bool("partial", false, "compare only the articles both files have lines for (readings in progress), instead of refusing files that lack articles")
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 3 || !validSplit(*split) {
		switch {
		case !validSplit(*split):
			fmt.Fprintf(m.Stderr, "eval agreement: --split %q: want dev, test or all\n", *split)
		default:
			fmt.Fprintln(m.Stderr, "eval agreement: want the gold directory and two annotation files")
		}
		flags.Usage()
		return errUsage
	}
	dir := rest[0]
	arts, err := readGoldArticles(dir)
	if err != nil {
		return fmt.Errorf("eval agreement: %w", err)
	}
	var anns [2]*gold.Annotations
	for i, p := range rest[1:] {
		if anns[i], err = readGoldAnnotations(inGoldDir(dir, p), arts); err != nil {
			return fmt.Errorf("eval agreement: %w", err)
		}
	}
	a, b := anns[0], anns[1]
	sel, skipped, err := goldArticles(arts, *split, *partial, a, b)
	if err != nil {
		return fmt.Errorf("eval agreement: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	w := bufio.NewWriter(m.Stdout)
	if *list {
		g := gold.Agree(sel, a, b)
		for _, r := range g.Results {
			printDisagreements(w, r, a, b)
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintf(m.Stderr, "note: --partial: %d articles of split %s are not in both files and not compared: %s\n", len(skipped), *split, strings.Join(skipped, " "))
	}
	fmt.Fprintf(w, "A = %s, B = %s: events matched on (CAMEO root, source country, target country) in their sentence; precision and recall take A as the reference\n", a.Name, b.Name)
	var last []string
	for _, s := range goldSplits(*split) {
		var arts []*gold.Article
		for _, art := range sel {
			if s == gold.All || art.Split == s {
				arts = append(arts, art)
			}
		}
		g := gold.Agree(arts, a, b)
		printGoldTally(w, s, &g.Events, "A", "B")
		kr, ka := kappaText(&g.Root), kappaText(&g.Any)
		fmt.Fprintf(w, "kappa on the CAMEO root: %s over %d items (observed %.3f, chance %.3f)\n", kr, g.Root.N(), g.Root.Observed(), g.Root.Expected())
		fmt.Fprintf(w, "kappa on any event: %s over %d sentences (observed %.3f, chance %.3f); sentences with events: A %d, B %d, both %d\n",
			ka, g.Any.N(), g.Any.Observed(), g.Any.Expected(),
			g.Any.Count(gold.HasEvent, gold.HasEvent)+g.Any.Count(gold.HasEvent, gold.NoEvent),
			g.Any.Count(gold.HasEvent, gold.HasEvent)+g.Any.Count(gold.NoEvent, gold.HasEvent),
			g.Any.Count(gold.HasEvent, gold.HasEvent))
		last = append(last, fmt.Sprintf("split %s %s kappa-root %s kappa-any %s", s, goldCounts(g.Events.Main, "A", "B"), kr, ka))
	}
	for _, l := range last {
		fmt.Fprintln(w, l)
	}
	return w.Flush()
}

// inGoldDir returns path, or DIR/path when path does not exist as given
// but does in the gold directory ("reader-a.tsv" for testdata/gold/reader-a.tsv).
func inGoldDir(dir, path string) string {
	if _, err := os.Stat(path); err == nil || filepath.IsAbs(path) {
		return path
	}
	if p := filepath.Join(dir, path); fileExists(p) {
		return p
	}
	return path
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// kappaText formats a kappa with three decimals, "n/a" when undefined.
func kappaText(c *gold.Confusion) string {
	k, ok := c.Kappa()
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", k)
}

// printDisagreements lists, by sentence, where two readers disagree on an
// article: the events with a target one has and the other not, and, in
// those sentences and in those where one reader has events and the other
// none, the events without a target and which reader wrote none.
func printDisagreements(w io.Writer, r *gold.ArticleResult, a, b *gold.Annotations) {
	art := r.Article
	hasA, hasB := sentencesWithEvents(a.Events(art.ID)), sentencesWithEvents(b.Events(art.ID))
	onlyA, onlyB := r.Missed(), r.False()
	show := map[int]bool{}
	for _, e := range onlyA {
		show[e.Sent] = true
	}
	for _, e := range onlyB {
		show[e.Sent] = true
	}
	for s := range art.Sentences {
		if hasA[s] != hasB[s] {
			show[s] = true
		}
	}
	if len(show) == 0 {
		return
	}
	split := art.Split
	if split == gold.Test {
		split = "TEST"
	}
	fmt.Fprintf(w, "=== %s [%s] (A %d, B %d, matched %d)\n", art.ID, split, r.Main.Gold, r.Main.Coded, r.Main.Matched)
	for s := range art.Sentences {
		if !show[s] {
			continue
		}
		fmt.Fprintf(w, "s%d: %s\n", s, goldFlat(art.SentText(s)))
		for _, side := range []struct {
			tag  string
			only []gold.Event
			one  []gold.Event
			has  bool
			name string
		}{{"A", onlyA, r.OneSidedGold, hasA[s], a.Name}, {"B", onlyB, r.OneSidedCoded, hasB[s], b.Name}} {
			if !side.has {
				fmt.Fprintf(w, "  %s none\n", side.tag)
				continue
			}
			if side.tag == "A" {
				for i, j := range r.GoldMatch {
					if j >= 0 && r.Gold[i].Sent == s {
						fmt.Fprintf(w, "  both   %s\n", goldEventText(&r.Gold[i], a.Name))
					}
				}
			}
			for _, e := range side.only {
				if e.Sent == s {
					fmt.Fprintf(w, "  %s only %s\n", side.tag, goldEventText(&e, side.name))
				}
			}
			for _, e := range side.one {
				if e.Sent == s {
					fmt.Fprintf(w, "  %s no target %s\n", side.tag, goldEventText(&e, side.name))
				}
			}
		}
	}
}

// sentencesWithEvents is the set of sentences that have events.
func sentencesWithEvents(evs []gold.Event) map[int]bool {
	out := map[int]bool{}
	for _, e := range evs {
		out[e.Sent] = true
	}
	return out
}
