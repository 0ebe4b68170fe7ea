package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

// The ConfliBERT files are development-only: these tests write made-up
// sentences in the same layout.

// tinyConfliBERTClasses: one sentence coded right with the right actors,
// one with its gold source and target swapped, one with nothing to code,
// one whose gold class (2) is not the one coded (SUPPORT, 1).
const tinyConfliBERTClasses = "Germany criticized Russia on Monday.\t3\n" +
	"France attacked Mali.\t4\n" +
	"The weather was mild.\t0\n" +
	"Iran praised Syria.\t2\n"

// tinyConfliBERTNER tags the first two sentences and an edited version of
// the fourth, which joins nothing.
const tinyConfliBERTNER = "Germany B-S\ncriticized O\nRussia B-T\non O\nMonday O\n. O\n\n" +
	"France B-T\nattacked O\nMali B-S\n. O\n\n" +
	"Iran B-S\nwarmly O\npraised O\nSyria B-T\n. O\n"

// writeConfliBERT writes a data folder with the two files.
func writeConfliBERT(t *testing.T, classes, ner string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cameo_class_train.tsv"), []byte(classes), 0o644); err != nil {
		t.Fatal(err)
	}
	if ner != "" {
		if err := os.WriteFile(filepath.Join(dir, "cameo_ner_train.txt"), []byte(ner), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// confliBERTLineRE matches the summary line of eval conflibert.
var confliBERTLineRE = regexp.MustCompile(`^sentences (\d+) coded (\d+) class-recall (\d\.\d{3}) cst-recall (\d\.\d{3}) precision (\d\.\d{3}) cst-precision (\d\.\d{3})$`)

// confliBERTSummary parses the summary line: sentences, coded, and class
// recall, cst recall, precision, cst precision.
func confliBERTSummary(t *testing.T, line string) (n [2]int, f [4]float64) {
	t.Helper()
	m := confliBERTLineRE.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("summary line %q does not match %v", line, confliBERTLineRE)
	}
	n[0], _ = strconv.Atoi(m[1])
	n[1], _ = strconv.Atoi(m[2])
	for i := range 4 {
		f[i], _ = strconv.ParseFloat(m[3+i], 64)
	}
	return n, f
}

func TestEvalConfliBERTUsage(t *testing.T) {
	absent := filepath.Join(t.TempDir(), "absent")
	noNER := writeConfliBERT(t, tinyConfliBERTClasses, "")
	badClasses := writeConfliBERT(t, "Only bad.\t7\n", tinyConfliBERTNER)

	checkCmdErrors(t, []string{"eval", "conflibert"}, []cmdError{
		{"no dir", nil, true, nil, "Usage: eventwire eval conflibert"},
		{"two dirs", []string{noNER, noNER}, true, nil, "Usage: eventwire eval conflibert"},
		{"absent", []string{absent}, false, []string{absent, "does not exist", "not shipped", "../shared/data/events/conflibert-dev"}, ""},
		{"no tag file", []string{noNER}, false, []string{filepath.Join(noNER, "cameo_ner_train.txt"), "does not exist", "../shared/data/events/conflibert-dev"}, ""},
		{"no good line", []string{badClasses}, false, []string{filepath.Join(badClasses, "cameo_class_train.tsv") + `:1: class "7": want 0-4`}, ""},
	})
	checkHelpExample(t, []string{"eval", "conflibert"}, "eventwire eval conflibert ../shared/data/events/conflibert-dev")
}

// TestEvalConfliBERTTiny runs the command end to end (parser and shipped
// dictionaries) on made-up files.
func TestEvalConfliBERTTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the parser and the dictionaries; skipped in -short")
	}
	// A bad tag line drops its sentence, reported with file:line.
	dir := writeConfliBERT(t, tinyConfliBERTClasses, tinyConfliBERTNER+"\nBroken Z-Z\n")
	out, stderr, err := runMain("eval", "conflibert", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// Coded: 111 DEU→RUS (class 3, source and target on the gold words),
	// 190 FRA→MLI (class 4, gold source and target swapped), 051 IRN→SYR
	// (class 1, gold 2); nothing for the weather. Class recall 2/4,
	// class+source+target 1/2 (the two tagged sentences with both chunks),
	// precision 2/3, cst precision 1/2.
	n, f := confliBERTSummary(t, lastLine(out))
	if n != [2]int{4, 3} || f != [4]float64{0.5, 0.5, 0.667, 0.5} {
		t.Errorf("summary %q: want sentences 4 coded 3 class-recall 0.500 cst-recall 0.500 precision 0.667 cst-precision 0.500", lastLine(out))
	}
	for _, w := range []string{
		"\n2 material cooperation           1      1      0 0.000\n",
		"\ncoded at all: 3 of 4 sentences (0.750)\n",
		"\njoin: 2 of 3 tagged sentences match a class sentence (1 unmatched: edited; 0 repeat a matched one); 2 class sentences have chunks, 2 a source and a target\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if !strings.Contains(stderr, "warning: lines skipped:\n"+filepath.Join(dir, "cameo_ner_train.txt")+`:19: tag "Z-Z"`) {
		t.Errorf("stderr does not report the bad tag line:\n%s", stderr)
	}

	// --json: one line per sentence on stdout, the summary on stderr.
	out, stderr, err = runMain("eval", "conflibert", "--json", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("--json printed %d lines, want 4:\n%s", len(lines), out)
	}
	type chunk struct {
		Start, End int
		Text       string
	}
	var s struct {
		At, Text       string
		Class          int
		NERLine        int `json:"ner_line"`
		Source, Target []chunk
		Events         []struct {
			CAMEO, Source, Target string
			Class                 int
			ClassRight            bool `json:"class_right"`
			CSTRight              bool `json:"cst_right"`
		}
		ClassHit bool `json:"class_hit"`
		CST      bool
		CSTHit   bool `json:"cst_hit"`
	}
	if err := json.Unmarshal([]byte(lines[1]), &s); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(s.At, "cameo_class_train.tsv:2") || s.Class != 4 || s.NERLine != 8 ||
		len(s.Source) != 1 || s.Source[0] != (chunk{16, 20, "Mali"}) || len(s.Target) != 1 || s.Target[0].Text != "France" ||
		len(s.Events) != 1 || s.Events[0].CAMEO != "190" || s.Events[0].Class != 4 || !s.Events[0].ClassRight || s.Events[0].CSTRight ||
		!s.ClassHit || !s.CST || s.CSTHit {
		t.Errorf("--json second sentence = %+v", s)
	}
	if n, _ := confliBERTSummary(t, lastLine(stderr)); n != [2]int{4, 3} {
		t.Errorf("--json: summary on stderr %q", lastLine(stderr))
	}
}

// Floors for TestEvalConfliBERTFloor: today's figures on the development
// files minus about 0.02. They are guards, not targets: raise them when
// the coder improves, never lower them. Measured: coded 0.529 (714/1349),
// class recall 0.363, class+source+target recall 0.325, precision 0.664
// at 3f798fb; coded 0.530 (715/1349), class recall 0.378 (510/1349),
// class+source+target recall 0.331 (239/721), precision 0.687 at 7dd6c3d;
// coded 0.545 (735/1349), class recall 0.399 (538/1349),
// class+source+target recall 0.343 (247/721), precision 0.700 at a946544;
// coded 0.532, class recall 0.397, class+source+target recall 0.350,
// precision 0.724 at 181006b. With the PentaClass of the file's own
// convention (02 → statement, 16 → verbal conflict; the figures above
// counted them as cooperation and material conflict): coded 0.522, class
// recall 0.441 (595/1349), class+source+target recall 0.394 (284/721),
// precision 0.819 in session 7.
const (
	confliBERTClassRecallFloor = 0.420
	confliBERTCSTRecallFloor   = 0.375
	confliBERTPrecisionFloor   = 0.795
)

// TestEvalConfliBERTFloor scores the coder on the ConfliBERT development
// files and fails when class recall, class+source+target recall or
// precision fall below their floors. It skips in -short.
func TestEvalConfliBERTFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 1,349 sentences; skipped in -short")
	}
	dir := shared.Data(t, "events", "conflibert-dev")
	out, stderr, err := runMain("eval", "conflibert", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	line := lastLine(out)
	t.Log(line)
	n, f := confliBERTSummary(t, line)
	if n[0] != 1349 {
		t.Errorf("%d sentences scored, want the file's 1349", n[0])
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"class recall", f[0], confliBERTClassRecallFloor}, {"class+source+target recall", f[1], confliBERTCSTRecallFloor}, {"precision", f[2], confliBERTPrecisionFloor}} {
		if c.got < c.floor {
			t.Errorf("%s %.3f is below the floor %.3f:\n%s", c.name, c.got, c.floor, out)
		}
	}
}
