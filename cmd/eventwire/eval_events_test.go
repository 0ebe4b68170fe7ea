package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/events"
	"github.com/eventwire/eventwire/internal/shared"
)

// runMain runs eventwire with args and returns stdout, stderr and the error.
func runMain(args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	err := m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

// cmdError is a bad invocation of a command and what it must say.
type cmdError struct {
	name   string
	args   []string // after the command's words
	usage  bool     // errUsage wanted, with the command's usage on stderr
	want   []string // fragments of the error
	stderr string   // a fragment of stderr, or ""
}

// checkCmdErrors runs cmd with each case's arguments and checks that it
// fails as the case says.
func checkCmdErrors(t *testing.T, cmd []string, tests []cmdError) {
	t.Helper()
	usage := "Usage: eventwire " + strings.Join(cmd, " ")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := runMain(append(slices.Clone(cmd), tt.args...)...)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.usage != errors.Is(err, errUsage) {
				t.Errorf("error %v: usage error %v, want %v", err, errors.Is(err, errUsage), tt.usage)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if tt.usage && !strings.Contains(stderr, usage) {
				t.Errorf("no %q on stderr:\n%s", usage, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr does not say %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}

// checkHelpExample checks that cmd -h shows example.
func checkHelpExample(t *testing.T, cmd []string, example string) {
	t.Helper()
	_, stderr, err := runMain(append(slices.Clone(cmd), "-h")...)
	if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: error %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(stderr, "Example:\n  "+example) {
		t.Errorf("-h shows no example %q:\n%s", example, stderr)
	}
}

// summaryRE matches the last line of eval events.
var summaryRE = regexp.MustCompile(`^events (\d+) judged (\d+) right (\d+) wrong (\d+) unjudged (\d+) precision (\d\.\d{3}) \(95% CI (\d\.\d{3})–(\d\.\d{3})\) judged-right-missing (\d+)$`)

// summary parses the summary line: events, judged, right, wrong, unjudged,
// missing, and precision, lo, hi.
func summary(t *testing.T, line string) (n [6]int, p [3]float64) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("summary line %q does not match %v", line, summaryRE)
	}
	for i, j := range []int{1, 2, 3, 4, 5, 9} {
		n[i], _ = strconv.Atoi(m[j])
	}
	for i := range 3 {
		p[i], _ = strconv.ParseFloat(m[6+i], 64)
	}
	return n, p
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestEvalEventsUsage(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	os.WriteFile(corpus, []byte(`{"id":"a","published":"2020-01-05","text":"Iran praised Syria."}`+"\n"), 0o644)
	judged := filepath.Join(dir, "j.tsv")
	os.WriteFile(judged, nil, 0o644)
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("# c\na\tb\n"+strings.Join([]string{"a", "S.", "51x", "IRN", "SYR", "praised", "right", ""}, "\t")+"\n"), 0o644)
	empty := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(empty, []byte("\n"), 0o644)
	noCorpus := filepath.Join(dir, "absent.jsonl")
	noJudged := filepath.Join(dir, "absent.tsv")

	checkCmdErrors(t, []string{"eval", "events"}, []cmdError{
		{"no flags", nil, true, nil, ""},
		{"no judged", []string{"--corpus", corpus}, true, nil, ""},
		{"no corpus", []string{"--judged", judged}, true, nil, ""},
		{"stray argument", []string{"--corpus", corpus, "--judged", judged, "extra"}, true, nil, ""},
		{"absent corpus", []string{"--corpus", noCorpus, "--judged", judged}, false, []string{noCorpus, "does not exist", "../shared/data/corpus"}, ""},
		{"absent judged", []string{"--corpus", corpus, "--judged", noJudged}, false, []string{noJudged, "does not exist"}, ""},
		{"bad judged lines", []string{"--corpus", corpus, "--judged", bad}, false, []string{bad + ":2: 2 tab-separated fields", bad + `:3: cameo "51x"`}, ""},
		{"empty corpus", []string{"--corpus", empty, "--judged", judged}, false, []string{empty, "no articles"}, ""},
	})
}

// TestEvalEventsTiny runs the command end to end (parser and shipped
// dictionaries) on testdata/judged/tiny.jsonl, three plain sentences, and
// tiny.tsv, whose lines cover each outcome.
func TestEvalEventsTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the parser and the dictionaries; skipped in -short")
	}
	corpus := filepath.Join("..", "..", "testdata", "judged", "tiny.jsonl")
	judged := filepath.Join("..", "..", "testdata", "judged", "tiny.tsv")
	out, stderr, err := runMain("eval", "events", "--corpus", corpus, "--judged", judged)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// 3 events coded: DEU 111 RUS and IRN 051 SYR judged right, TUR 112 GRC
	// judged wrong; GRC 112 TUR judged right is never coded. By hand:
	// precision 2/3, Wilson 95% 0.208–0.939.
	n, p := summary(t, lastLine(out))
	if n != [6]int{3, 3, 2, 1, 0, 1} || p != [3]float64{0.667, 0.208, 0.939} {
		t.Errorf("summary %q: want events 3 judged 3 right 2 wrong 1 unjudged 0 precision 0.667 (0.208–0.939) missing 1", lastLine(out))
	}
	if !strings.Contains(out, "MISSING  112 GRC -> TUR") || !strings.Contains(out, "tiny.tsv:9") {
		t.Errorf("the missing line is not listed with its file:line:\n%s", out)
	}
	if !strings.Contains(out, "\nwrong by class: (no class) 1\n") {
		t.Errorf("no class line for the wrong event without a class:\n%s", out)
	}
	if strings.Contains(out, "UNJUDGED") {
		t.Errorf("unjudged events listed, want none:\n%s", out)
	}
	if !strings.Contains(stderr, "1 judged lines are for articles not in") {
		t.Errorf("stderr does not count the line of the absent article:\n%s", stderr)
	}

	// With an empty judged file every event is unjudged, listed under its
	// sentence, and --write-unjudged writes them as judged-file lines.
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.tsv")
	os.WriteFile(empty, nil, 0o644)
	unjudged := filepath.Join(dir, "un.tsv")
	out, stderr, err = runMain("eval", "events", "--corpus", corpus, "--judged", empty, "--write-unjudged", unjudged)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if n, _ := summary(t, lastLine(out)); n != [6]int{3, 0, 0, 0, 3, 0} {
		t.Errorf("summary %q: want 3 events, all unjudged", lastLine(out))
	}
	for _, w := range []string{"s2: Iran praised Syria.", `UNJUDGED 051 IRN "Iran" -> SYR "Syria" verb "praised"`} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	fh, err := os.Open(unjudged)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	j, err := events.ReadJudged(fh, unjudged)
	if err != nil {
		t.Fatal(err)
	}
	if len(j.Lines) != 3 {
		t.Fatalf("--write-unjudged wrote %d lines, want 3", len(j.Lines))
	}
	want := events.Key{Article: "tiny-1", Sentence: "Germany criticized Russia on Monday.", CAMEO: "111", Source: "DEU", Target: "RUS", Verb: "criticized"}
	if g, ok := j.Lookup(want); !ok || g.Verdict != "" {
		t.Errorf("written lines lack %+v with an empty judgement: %+v", want, j.Lines)
	}

	// --json: one line per article on stdout, the summary on stderr.
	out, stderr, err = runMain("eval", "events", "--corpus", corpus, "--judged", judged, "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("--json printed %d lines, want 2:\n%s", len(lines), out)
	}
	var a struct {
		ID     string
		Events []struct {
			Sentence, CAMEO, Source, Target, Judgement, At string
		}
		Missing []struct{ CAMEO, Source, Target, At string }
	}
	if err := json.Unmarshal([]byte(lines[1]), &a); err != nil {
		t.Fatal(err)
	}
	if a.ID != "tiny-2" || len(a.Events) != 1 || a.Events[0].Judgement != "wrong" || !strings.HasSuffix(a.Events[0].At, "tiny.tsv:8") ||
		len(a.Missing) != 1 || a.Missing[0].Source != "GRC" {
		t.Errorf("--json tiny-2 = %+v", a)
	}
	if n, _ := summary(t, lastLine(stderr)); n[2] != 2 {
		t.Errorf("--json: summary on stderr %q", lastLine(stderr))
	}
}

// demoFloor is the precision measured on the judged demo set minus 0.05.
// It is a floor, not a target: the test catches a coder change that loses
// precision on real news; raise it when precision rises, never lower it.
// Measured: 0.230 (23 of 100) at c70ae98, where batch 1 was judged; 0.297
// (27 of 91) at 758e263 with batches 2 and 3 judged; 0.479 (58 of 121)
// at 181006b with batches 4-12 judged; 0.873 (165 of 189) in session 23
// with every event judged, hence 0.82.
const demoFloor = 0.82

// demoMaxMissing is how many events judged right may stop being coded: 5
// until session 23, 6 since; the sixth, "Iran issued arrest warrants on 36
// people" (173 IRN to USAPPL), was coded and judged right while
// governments named as bodies counted for the article's country, which
// the same session restricted to persons (coder homeCountry).
const demoMaxMissing = 6

// TestEvalEventsDemoFloor scores the coder on the judged Wikinews politics
// demo set (testdata/judged/wikinews-politics-demo.tsv) and fails when
// precision over the judged events coded now falls below demoFloor, or when
// more than demoMaxMissing events judged right are no longer coded. It is
// a floor, not a target. It skips in -short; without ../shared/data it
// fails under CI and skips otherwise.
func TestEvalEventsDemoFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 50 articles; skipped in -short")
	}
	corpus := shared.Data(t, "corpus", "wikinews-politics-demo.jsonl")
	judged := filepath.Join("..", "..", "testdata", "judged", "wikinews-politics-demo.tsv")
	out, stderr, err := runMain("eval", "events", "--corpus", corpus, "--judged", judged)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	line := lastLine(out)
	t.Log(line)
	n, p := summary(t, line)
	if p[0] < demoFloor {
		t.Errorf("precision %.3f over %d judged events is below the floor %.3f:\n%s", p[0], n[1], demoFloor, out)
	}
	if n[5] > demoMaxMissing {
		t.Errorf("%d events judged right are no longer coded (at most %d):\n%s", n[5], demoMaxMissing, out)
	}
}
