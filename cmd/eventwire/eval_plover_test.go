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

// tinyPlover is a made-up gold file: one record the coder gets right
// (DEU criticizes RUS), one it codes with the wrong source (the gold says
// Mali attacked), one with nothing to code. Parts: the first two ids are
// in tune, the third in check.
const tinyPlover = `[
{"id": "DOC", "event": "DOCUMENT"},
{"id": "T-DISAPPROVE-1", "date": "2020-01-01", "event": "DISAPPROVE", "text": "Germany criticized Russia on Monday.",
 "source": [{"actorText": "Germany", "code": "DEU"}], "target": [{"actorText": "Russia", "code": "RUS"}]},
{"id": "T-FIGHT-2", "date": "2020-01-01", "event": "FIGHT", "text": "France attacked Mali.",
 "source": [{"actorText": "Mali", "code": "MLI"}], "target": [{"actorText": "France", "code": "FRA"}]},
{"id": "T-AGREE-3", "date": "2020-01-01", "event": "AGREE", "text": "The weather was mild.",
 "source": [{"actorText": "Germany", "code": "DEU"}], "target": ""}
]
`

// ploverLineRE matches the summary line of eval plover.
var ploverLineRE = regexp.MustCompile(`^records (\d+) coded (\d+) recall (\d\.\d{3}) precision (\d\.\d{3}) f1 (\d\.\d{3}) strict-recall (\d\.\d{3})$`)

// ploverSummary parses the summary line: records, coded, and recall,
// precision, F1, strict recall.
func ploverSummary(t *testing.T, line string) (n [2]int, f [4]float64) {
	t.Helper()
	m := ploverLineRE.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("summary line %q does not match %v", line, ploverLineRE)
	}
	n[0], _ = strconv.Atoi(m[1])
	n[1], _ = strconv.Atoi(m[2])
	for i := range 4 {
		f[i], _ = strconv.ParseFloat(m[3+i], 64)
	}
	return n, f
}

func TestEvalPloverUsage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "g.json")
	os.WriteFile(good, []byte(tinyPlover), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("[\n{\"id\": \"a\", \"event\": \"HUG\", \"text\": \"T.\"}\n]\n"), 0o644)
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte("[\n{\"id\": }"), 0o644)
	absent := filepath.Join(dir, "absent.json")

	checkCmdErrors(t, []string{"eval", "plover"}, []cmdError{
		{"no file", nil, true, nil, "Usage: eventwire eval plover"},
		{"two files", []string{good, good}, true, nil, "Usage: eventwire eval plover"},
		{"bad part", []string{"--part", "train", good}, true, nil, `--part must be all, tune or check, not "train"`},
		{"absent", []string{absent}, false, []string{absent, "does not exist", "../shared/data/events/plover-gsr-dev/PLOVER_GSR_dev.json", "not shipped"}, ""},
		{"no good record", []string{bad}, false, []string{bad + `:2: record a: event "HUG" is not a PLOVER category`}, ""},
		{"syntax error", []string{broken}, false, []string{broken + ":2: invalid character '}'"}, ""},
	})
	checkHelpExample(t, []string{"eval", "plover"}, "eventwire eval plover ../shared/data/events/plover-gsr-dev/PLOVER_GSR_dev.json")
}

// TestEvalPloverTiny runs the command end to end (parser and shipped
// dictionaries) on tinyPlover.
func TestEvalPloverTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the parser and the dictionaries; skipped in -short")
	}
	path := filepath.Join(t.TempDir(), "tiny.json")
	if err := os.WriteFile(path, []byte(tinyPlover), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runMain("eval", "plover", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// 2 events coded (DEU ACCUSE RUS right, FRA ASSAULT MLI wrong source),
	// none for the third record: recall 1/3, precision 1/2, F1 0.4.
	n, f := ploverSummary(t, lastLine(out))
	if n != [2]int{3, 2} || f != [4]float64{0.333, 0.5, 0.4, 0.333} {
		t.Errorf("summary %q: want records 3 coded 2 recall 0.333 precision 0.500 f1 0.400 strict-recall 0.333", lastLine(out))
	}
	for _, w := range []string{
		"=== T-FIGHT-2 (tune) MISS ASSAULT MLI(Mali) -> FRA(France)\n  France attacked Mali.\n  coded 190 ASSAULT FRA \"France\" -> MLI \"Mali\" verb \"attacked\"",
		"=== T-AGREE-3 (check) MISS AGREE DEU(Germany) -> -\n  The weather was mild.\n  (no event coded)\n",
		"\nACCUSE           1     1     0     1/1    1.000\n",
		"\nno event coded: 1 of 3 records (0.333)\n",
		"\npart all:   records 3 coded 2 recall 0.333 precision 0.500 f1 0.400 strict-recall 0.333\n" +
			"part tune:  records 2 coded 2 recall 0.500 precision 0.500 f1 0.500 strict-recall 0.500\n" +
			"part check: records 1 coded 0 recall 0.000 precision 0.000 f1 0.000 strict-recall 0.000\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "T-DISAPPROVE-1") {
		t.Errorf("a record that is hit is listed:\n%s", out)
	}

	// --json --part tune on the file with a bad record added: the bad
	// record is reported with its file:line and skipped; stdout has one
	// line per tune record; the summary of the tune part goes to stderr
	// after the three part lines.
	mixed := filepath.Join(t.TempDir(), "mixed.json")
	body := strings.Replace(tinyPlover, `{"id": "DOC", "event": "DOCUMENT"},`, `{"id": "DOC", "event": "DOCUMENT"},`+"\n"+`{"id": "B", "event": "AGREE"},`, 1)
	if err := os.WriteFile(mixed, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err = runMain("eval", "plover", "--json", "--part", "tune", mixed)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "warning: records skipped:\n"+mixed+":3: record B: no text\n") {
		t.Errorf("stderr does not report the bad record at line 3:\n%s", stderr)
	}
	if !strings.Contains(stderr, "\npart check: records 1 coded 0 ") {
		t.Errorf("--part tune: the check part's line is missing:\n%s", stderr)
	}
	if n, _ := ploverSummary(t, lastLine(stderr)); n != [2]int{2, 2} {
		t.Errorf("--part tune: summary on stderr %q, want the 2 tune records", lastLine(stderr))
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("--json --part tune printed %d lines, want 2:\n%s", len(lines), out)
	}
	var r struct {
		ID, Part, Text string
		Gold           struct {
			Category   string
			Category05 string `json:"category_0_5"`
			Sources    []struct{ Code, Text string }
		}
		Events []struct {
			CAMEO, PLOVER, Source, Target string
			SourceText                    string `json:"source_text"`
			Right                         bool
		}
		Hit       bool
		StrictHit bool `json:"strict_hit"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
		t.Fatal(err)
	}
	if r.ID != "T-DISAPPROVE-1" || r.Part != "tune" || r.Gold.Category != "ACCUSE" || r.Gold.Category05 != "DISAPPROVE" ||
		len(r.Gold.Sources) != 1 || r.Gold.Sources[0].Code != "DEU" || len(r.Events) != 1 || !r.Events[0].Right ||
		r.Events[0].CAMEO != "111" || r.Events[0].SourceText != "Germany" || !r.Hit || !r.StrictHit {
		t.Errorf("--json first record = %+v", r)
	}
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.ID != "T-FIGHT-2" || r.Hit || len(r.Events) != 1 || r.Events[0].Right || r.Events[0].Source != "FRA" {
		t.Errorf("--json second record = %+v", r)
	}
}

// Floors for TestEvalPloverFloor: today's figures on the development file
// minus a few records' worth. They are guards, not targets: raise them
// when the coder improves, never lower them. Measured: recall 0.258
// (42/163), precision 0.395 (47/119), strict recall 0.202 at 3f798fb;
// recall 0.301 (49/163), precision 0.459 (56/122), strict recall 0.245
// at 7dd6c3d (news conventions for intents); recall 0.331 (54/163),
// precision 0.496 (64/129), strict recall 0.276 at a946544; recall 0.387
// (63/163), precision 0.532, strict recall 0.331 at 181006b.
const (
	ploverRecallFloor       = 0.360
	ploverPrecisionFloor    = 0.500
	ploverStrictRecallFloor = 0.300
)

// TestEvalPloverFloor scores the coder on the PLOVER gold development file
// and fails when recall, precision or strict recall fall below their
// floors. It skips in -short.
func TestEvalPloverFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 163 sentences; skipped in -short")
	}
	path := shared.Data(t, "events", "plover-gsr-dev", "PLOVER_GSR_dev.json")
	out, stderr, err := runMain("eval", "plover", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	line := lastLine(out)
	t.Log(line)
	n, f := ploverSummary(t, line)
	if n[0] != 163 {
		t.Errorf("%d records scored, want the file's 163", n[0])
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"recall", f[0], ploverRecallFloor}, {"precision", f[1], ploverPrecisionFloor}, {"strict recall", f[3], ploverStrictRecallFloor}} {
		if c.got < c.floor {
			t.Errorf("%s %.3f is below the floor %.3f:\n%s", c.name, c.got, c.floor, out)
		}
	}
}
