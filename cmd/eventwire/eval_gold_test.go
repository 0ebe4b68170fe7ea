package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldDir is the made-up gold of the command tests: gold-1 (dev) and
// gold-2 (test), four sentences each, with gold.tsv and two readings.
var goldDir = filepath.Join("testdata", "gold")

// writeGoldDir writes a gold directory with the fixture's articles and the
// given files.
func writeGoldDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	arts, err := os.ReadFile(filepath.Join(goldDir, "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "articles.jsonl"), arts, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalGoldUsage(t *testing.T) {
	gold1 := "gold-1\t0\tnone\ngold-1\t1\tnone\ngold-1\t2\tnone\ngold-1\t3\tnone\n"
	onlyDev := writeGoldDir(t, map[string]string{"gold.tsv": gold1})
	bad := writeGoldDir(t, map[string]string{"gold.tsv": gold1 + "gold-2\t0\t999\tIRN\tIRQ\ngold-2\t9\tnone\n"})
	noGold := writeGoldDir(t, nil)
	empty := t.TempDir()
	absent := filepath.Join(empty, "absent")
	brokenArts := t.TempDir()
	os.WriteFile(filepath.Join(brokenArts, "articles.jsonl"), []byte(`{"id":"x","split":"train","text":"A.","sentences":[[0,2]]}`+"\n"), 0o644)

	checkCmdErrors(t, []string{"eval", "events"}, []cmdError{
		{"empty gold", []string{"--gold", ""}, true, nil, ""},
		{"bad split", []string{"--gold", goldDir, "--split", "train"}, true, nil, `--split "train": want dev, test or all`},
		{"stray argument", []string{"--gold", goldDir, "extra"}, true, nil, ""},
		{"judged flags", []string{"--gold", goldDir, "--corpus", "c.jsonl"}, true, nil, ""},
		{"absent dir", []string{"--gold", absent}, false, []string{absent, "does not exist", "testdata/gold"}, ""},
		{"no articles", []string{"--gold", empty}, false, []string{filepath.Join(empty, "articles.jsonl"), "does not exist"}, ""},
		{"bad articles", []string{"--gold", brokenArts}, false, []string{filepath.Join(brokenArts, "articles.jsonl") + `:1: article "x": split "train"`}, ""},
		{"no gold.tsv", []string{"--gold", noGold}, false, []string{filepath.Join(noGold, "gold.tsv"), "does not exist", "--annotations", "reader-a.tsv"}, ""},
		{"absent annotations", []string{"--gold", goldDir, "--annotations", absent}, false, []string{absent, "does not exist"}, ""},
		{"bad lines", []string{"--gold", bad}, false, []string{
			filepath.Join(bad, "gold.tsv") + `:5: cameo "999"`, filepath.Join(bad, "gold.tsv") + `:6: sent 9`,
		}, ""},
		{"article without lines", []string{"--gold", onlyDev}, false, []string{"article gold-2 (test) has no line in", "--partial"}, ""},
		{"article without lines, test", []string{"--gold", onlyDev, "--split", "test"}, false, []string{"article gold-2 (test) has no line"}, ""},
		{"partial, nothing", []string{"--gold", onlyDev, "--split", "test", "--partial"}, false, []string{"no annotated article in split test"}, ""},
	})
	checkCmdErrors(t, []string{"eval", "agreement"}, []cmdError{
		{"no args", nil, true, nil, ""},
		{"two args", []string{goldDir, "reader-a.tsv"}, true, nil, ""},
		{"bad split", []string{"--split", "x", goldDir, "reader-a.tsv", "reader-b.tsv"}, true, nil, `--split "x": want dev, test or all`},
		{"absent dir", []string{absent, "a.tsv", "b.tsv"}, false, []string{absent, "does not exist"}, ""},
		{"absent file", []string{goldDir, "reader-a.tsv", "nope.tsv"}, false, []string{"nope.tsv does not exist"}, ""},
		{"article without lines", []string{onlyDev, "gold.tsv", filepath.Join(goldDir, "reader-b.tsv")}, false, []string{"article gold-2 (test) has no line in " + filepath.Join(onlyDev, "gold.tsv")}, ""},
	})
}

func TestGoldMode(t *testing.T) {
	for args, want := range map[string]bool{
		"--gold d":                 true,
		"-gold d":                  true,
		"--gold=d":                 true,
		"--split dev --gold=d":     true,
		"--corpus c --judged j":    false,
		"--goldx d":                false,
		"-- --gold":                false,
		"gold":                     false,
		"--corpus c --judged gold": false,
	} {
		if got := goldMode(strings.Fields(args)); got != want {
			t.Errorf("goldMode(%q) = %v, want %v", args, got, want)
		}
	}
}

// TestEvalGold runs "eval events --gold" end to end (parser and shipped
// dictionaries) on testdata/gold. The coder codes, and the gold says:
//
//	gold-1 (dev)
//	  s0 111 FRA IRN            gold 111 FRAGOV IRNGOV     matched (strict: no, roles)
//	  s1 nothing                gold none
//	  s2 051 EGY JOR            gold 051 EGY JOR           matched (strict too)
//	  s3 010 EGYGOV IRN         gold 010 IRNGOV ISR        missed, and a false event
//	gold-2 (test)
//	  s0 190 IRNMIL IRQCVL      gold 194 IRNMIL IRQCVL     matched (strict: no)
//	  s1 141 IRQOPP IRQGOV      gold 141 IRQCVL IRQGOV     matched (strict: no)
//	  s2 051 IGOUNO ARM, AZE    gold 051 IGOUNO ARM        one matched, AZE false
//	                            gold 050 IGOUNO -          no target: not scored
//	  s3 046 TUR RUS, RUS TUR   gold 040 RUS TUR, TUR RUS  matched (strict: no)
//
// dev: gold 3 coded 3 matched 2: P = R = F1 = 2/3. test: gold 5 coded 6
// matched 5: P 5/6 = 0.833, R 1, F1 10/11 = 0.909. all: gold 8 coded 9
// matched 7: P 0.778, R 0.875, F1 14/17 = 0.824. Strict, all: 2 matched
// (051 EGY JOR, 051 IGOUNO ARM): P 2/9, R 2/8, F1 4/17 = 0.235.
func TestEvalGold(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the parser and the dictionaries; skipped in -short")
	}
	out, stderr, err := runMain("eval", "events", "--gold", goldDir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{
		"split dev gold 3 coded 3 matched 2 precision 0.667 recall 0.667 f1 0.667",
		"split test gold 5 coded 6 matched 5 precision 0.833 recall 1.000 f1 0.909",
		"split all gold 8 coded 9 matched 7 precision 0.778 recall 0.875 f1 0.824",
	}
	if len(lines) < 3 || strings.Join(lines[len(lines)-3:], "\n") != strings.Join(want, "\n") {
		t.Errorf("last lines:\n%s\nwant:\n%s", strings.Join(lines[max(0, len(lines)-3):], "\n"), strings.Join(want, "\n"))
	}
	for _, w := range []string{
		"=== gold-1 [dev] (gold 3, coded 3, matched 2)\ns3: The minister said Iran would never attack Israel.\n" +
			`  MISSED 010 IRNGOV "The minister" -> ISR "Israel" trigger "said" (` + filepath.Join(goldDir, "gold.tsv") + ":7: statement about Israel)\n" +
			`  FALSE  010 EGYGOV "The minister" -> IRN "Iran" verb "said" [`,
		"=== gold-2 [TEST] (gold 5, coded 6, matched 5)\ns2: The UN welcomed the ceasefire between Armenia and Azerbaijan.\n" +
			`  FALSE  051 IGOUNO "The UN" -> AZE "Azerbaijan" verb "welcomed" [`,
		"--- split test (HELD OUT: report these figures, never tune on them): 1 articles, 4 sentences ---\n",
		"strict (code, source code, target code):       gold 8 coded 9 matched 2 precision 0.222 recall 0.250 f1 0.235\n",
		"family 05 gold 2 coded 3 matched 2 precision 0.667 recall 1.000\n",
		"not scored: events without a target: gold 1, coded 0\n--- split all",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks\n%s\n---- output:\n%s", w, out)
		}
	}
	if strings.Count(out, "===") != 2 {
		t.Errorf("%d article blocks, want 2", strings.Count(out, "==="))
	}

	// --split dev --json: one line for gold-1 on stdout; the summary on
	// stderr, ending with the dev line.
	out, stderr, err = runMain("eval", "events", "--gold", goldDir, "--split", "dev", "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	jl := strings.Split(strings.TrimSpace(out), "\n")
	if len(jl) != 1 {
		t.Fatalf("--json printed %d lines, want 1:\n%s", len(jl), out)
	}
	type jev struct {
		SentIndex                 int `json:"sentence_index"`
		CAMEO, Source, Target, At string
		Key                       []string
	}
	var a struct {
		ID, Split                  string
		Counts                     struct{ Gold, Coded, Matched int }
		Gold, Coded, Missed, False []jev
		Matched                    []struct{ Gold, Coded jev }
		OneSidedGold               []jev `json:"one_sided_gold"`
	}
	if err := json.Unmarshal([]byte(jl[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a.ID != "gold-1" || a.Split != "dev" || a.Counts.Gold != 3 || a.Counts.Coded != 3 || a.Counts.Matched != 2 ||
		len(a.Gold) != 3 || len(a.Coded) != 3 || len(a.Matched) != 2 || len(a.Missed) != 1 || len(a.False) != 1 {
		t.Fatalf("--json gold-1 = %+v", a)
	}
	if m := a.Missed[0]; m.SentIndex != 3 || m.Source != "IRNGOV" || !strings.HasSuffix(m.At, "gold.tsv:7") || strings.Join(m.Key, " ") != "01 IRN ISR" {
		t.Errorf("missed %+v", m)
	}
	if p := a.Matched[0]; p.Gold.CAMEO != "111" || p.Coded.Source != "FRA" || p.Gold.Source != "FRAGOV" {
		t.Errorf("first match %+v", p)
	}
	if lastLine(stderr) != want[0] || strings.Contains(stderr, "split test") {
		t.Errorf("--json --split dev: stderr ends %q, want only the dev figures:\n%s", lastLine(stderr), stderr)
	}

	// Against reader B, test split only, without the list.
	out, stderr, err = runMain("eval", "events", "--gold", goldDir, "--annotations", filepath.Join(goldDir, "reader-b.tsv"), "--split", "test", "--no-list")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// B: 190 IRN IRQ, 141 IRQCVL IRQGOV, 051 IGOUNO ARM and AZE, 040 RUS
	// TUR: gold 5; coded 6 as above; matched 5 (TUR 04 RUS is false now).
	if l := lastLine(out); l != "split test gold 5 coded 6 matched 5 precision 0.833 recall 1.000 f1 0.909" {
		t.Errorf("against reader B, test: %q", l)
	}
	if strings.Contains(out, "===") || strings.Contains(out, "split dev") {
		t.Errorf("--no-list --split test printed articles or dev:\n%s", out)
	}
}

// TestEvalAgreement compares testdata/gold/reader-a.tsv (= gold.tsv) with
// reader-b.tsv. By hand (A / B):
//
//	gold-1 s0 111 FRAGOV IRNGOV / 111 FRA IRN      match; root item 11/11
//	gold-1 s1 none / none                          root item NONE/NONE
//	gold-1 s2 051 EGY JOR / same                   match; 05/05
//	gold-1 s3 010 IRNGOV ISR / none                A only; 01/NONE; any-event event/none
//	gold-2 s0 194 IRNMIL IRQCVL / 190 IRN IRQ      match; 19/19
//	gold-2 s1 141 IRQCVL IRQGOV / same             match; 14/14
//	gold-2 s2 051 IGOUNO ARM / same, + IGOUNO AZE  match, B only; 05/05, NONE/05
//	          050 IGOUNO - (A, no target)
//	gold-2 s3 040 RUS TUR, TUR RUS / RUS TUR       match, A only; 04/04, 04/NONE
//
// Events: A 8, B 7, matched 6: P 6/7 = 0.857, R 6/8 = 0.75, F1 12/15 = 0.8.
// Root, n = 10, po = 7/10; A: 11 1, NONE 2, 05 2, 01 1, 19 1, 14 1, 04 2;
// B: 11 1, NONE 3, 05 3, 19 1, 14 1, 04 1; pe = (1 + 6 + 6 + 0 + 1 + 1 +
// 2)/100 = 0.17; κ = 0.53/0.83 = 0.639. Any event, 8 sentences, po = 7/8;
// A: event 7, none 1; B: event 6, none 2; pe = (42 + 2)/64 = 0.6875;
// κ = 0.1875/0.3125 = 0.6. Test split alone: every sentence has events
// for both, pe = 1: any-event κ n/a.
func TestEvalAgreement(t *testing.T) {
	out, stderr, err := runMain("eval", "agreement", "--list", goldDir, "reader-a.tsv", "reader-b.tsv")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{
		"split dev A 3 B 2 matched 2 precision 1.000 recall 0.667 f1 0.800 kappa-root 0.667 kappa-any 0.500",
		"split test A 5 B 5 matched 4 precision 0.800 recall 0.800 f1 0.800 kappa-root 0.586 kappa-any n/a",
		"split all A 8 B 7 matched 6 precision 0.857 recall 0.750 f1 0.800 kappa-root 0.639 kappa-any 0.600",
	}
	if len(lines) < 3 || strings.Join(lines[len(lines)-3:], "\n") != strings.Join(want, "\n") {
		t.Errorf("last lines:\n%s\nwant:\n%s", strings.Join(lines[max(0, len(lines)-3):], "\n"), strings.Join(want, "\n"))
	}
	a, b := filepath.Join(goldDir, "reader-a.tsv"), filepath.Join(goldDir, "reader-b.tsv")
	for _, w := range []string{
		"=== gold-1 [dev] (A 3, B 2, matched 2)\ns3: The minister said Iran would never attack Israel.\n" +
			`  A only 010 IRNGOV "The minister" -> ISR "Israel" trigger "said" (` + a + ":7: statement about Israel)\n  B none\n",
		"s2: The UN welcomed the ceasefire between Armenia and Azerbaijan.\n" +
			`  both   051 IGOUNO "The UN" -> ARM "Armenia" trigger "welcomed" (` + a + ":10)\n" +
			`  A no target 050 IGOUNO "The UN" -> - "" trigger "welcomed" (` + a + ":11: fixture: an event without a target)\n" +
			`  B only 051 IGOUNO "The UN" -> AZE "Azerbaijan" trigger "welcomed" (` + b + ":11)\n",
		"kappa on the CAMEO root: 0.639 over 10 items (observed 0.700, chance 0.170)\n",
		"kappa on any event: 0.600 over 8 sentences (observed 0.875, chance 0.688); sentences with events: A 7, B 6, both 6\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks\n%s\n---- output:\n%s", w, out)
		}
	}
	if strings.Contains(out, "s0:") || strings.Contains(out, "s1:") {
		t.Errorf("sentences the readers agree on are listed:\n%s", out)
	}

	// Without --list, one split: no sentences, the split's line last.
	out, _, err = runMain("eval", "agreement", "--split", "dev", goldDir, a, b)
	if err != nil || strings.Contains(out, "===") || lastLine(out) != want[0] {
		t.Errorf("--split dev: %v, last line %q:\n%s", err, lastLine(out), out)
	}

	// --partial: a reading of gold-1 only is compared on gold-1.
	dir := writeGoldDir(t, map[string]string{"a.tsv": "gold-1\t0\tnone\ngold-1\t1\tnone\ngold-1\t2\tnone\ngold-1\t3\tnone\n"})
	out, stderr, err = runMain("eval", "agreement", "--partial", dir, "a.tsv", b)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// A none everywhere; B 111, 051: root items NONE/11, NONE/NONE,
	// NONE/05, NONE/NONE: po 2/4, pe = 1·0.5 = 0.5, κ 0.
	if l := lastLine(out); l != "split all A 0 B 2 matched 0 precision 0.000 recall 0.000 f1 0.000 kappa-root 0.000 kappa-any 0.000" {
		t.Errorf("--partial: %q", l)
	}
	if !strings.Contains(stderr, "1 articles of split all are not in both files and not compared: gold-2") {
		t.Errorf("--partial does not say what it left out:\n%s", stderr)
	}
}

// goldDevFloor guards the coder's F1 on the dev split of the real-news
// gold (testdata/gold, shipped, so this test always runs): 0.066 at the
// start of session 4, 0.076 at 181006b, 0.350 at 84fe628 on the 40 dev
// articles of batches 1 and 2, 0.346 at 1d78e43 on the 52 of batches 1-3,
// 0.327 at 68510bd on the 62 of batches 1-4. A guard, not a target; raise
// it when the coder improves. The test split is never scored by a test.
const goldDevFloor = 0.30

func TestEvalGoldDevFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 62 articles; skipped in -short")
	}
	dir := filepath.Join("..", "..", "testdata", "gold")
	out, stderr, err := runMain("eval", "events", "--gold", dir, "--split", "dev", "--no-list")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	line := lastLine(out)
	t.Log(line)
	var g, c, m int
	var p, r, f float64
	if _, err := fmt.Sscanf(line, "split dev gold %d coded %d matched %d precision %f recall %f f1 %f", &g, &c, &m, &p, &r, &f); err != nil {
		t.Fatalf("last line %q: %v", line, err)
	}
	if g != 546 {
		t.Errorf("%d gold dev events, want 546 (gold.tsv changed?)", g)
	}
	if f < goldDevFloor {
		t.Errorf("gold dev F1 %.3f below the floor %.3f", f, goldDevFloor)
	}
}
