package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

const tinyValidation = `<Validation>
<Environment>
<Verbfile>verbs.txt</Verbfile>
<Actorfile>actors.txt</Actorfile>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="T_1" sentence="true">
<EventCoding noevents="true" />
<Text>Rain fell.</Text>
<Parse>
1	Rain	rain	NOUN	NN	_	2	nsubj	_	_
2	fell	fall	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
<Sentence category="DEMO" date="19950101" id="T_2" sentence="true">
<EventCoding eventcode="051" sourcecode="ARN" targetcode="GON" />
<Text>Arnor praised Gondor.</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
2	praised	praise	VERB	VBD	_	0	root	_	_
3	Gondor	Gondor	PROPN	NNP	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
</Sentences>
</Validation>
`

func TestEvalPetrarch(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("v.xml", tinyValidation)
	write("verbs.txt", "--- PRAISE [051] ---\nPRAISE\n- * [051] # praise\n")
	write("actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n")
	file := filepath.Join(dir, "v.xml")

	run := func(args ...string) (string, string, error) {
		var out, errb bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &errb}
		err := m.Run(context.Background(), args)
		return out.String(), errb.String(), err
	}

	out, stderr, err := run("eval", "petrarch", file, "--dict", dir)
	if err != nil {
		t.Fatalf("err %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	re := regexp.MustCompile(`^records 2 exact (50\.0|100\.0)% event P [01]\.\d{3} R [01]\.\d{3} F1 [01]\.\d{3}$`)
	if !re.MatchString(last) {
		t.Errorf("last line %q does not match %v", last, re)
	}
	// T_1 expects no events; only T_2 can fail, and its block names it.
	if strings.Contains(out, "T_1") {
		t.Errorf("T_1 reported as failing:\n%s", out)
	}

	out, _, err = run("eval", "petrarch", "--json", file, "--dict", dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			ID     string `json:"id"`
			Events []struct {
				CAMEO, Source, Target string
			} `json:"events"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("--json line %q: %v", l, err)
		}
		if rec.Events == nil {
			t.Errorf("%s: events is null, want a list", rec.ID)
		}
		ids = append(ids, rec.ID)
	}
	if strings.Join(ids, ",") != "T_1,T_2" {
		t.Errorf("--json ids %v", ids)
	}

	out, _, err = run("eval", "petrarch", file, "--only", "^T_1$")
	if err != nil || !strings.HasSuffix(out, "records 1 exact 100.0% event P 0.000 R 0.000 F1 0.000\n") {
		t.Errorf("--only: err %v, output %q", err, out)
	}
	if _, _, err = run("eval", "petrarch", file, "--only", "nomatch"); err == nil {
		t.Error("--only matching nothing: no error")
	}

	_, _, err = run("eval", "petrarch", filepath.Join(dir, "absent.xml"))
	if err == nil || !strings.Contains(err.Error(), "not shipped") {
		t.Errorf("absent file: err = %v", err)
	}
	_, _, err = run("eval", "petrarch", file, "--dict", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "verbs.txt not found") {
		t.Errorf("absent dictionaries: err = %v", err)
	}
	if _, _, err = run("eval", "petrarch", file, "--parse", "maybe"); !errors.Is(err, errUsage) {
		t.Errorf("bad --parse: err = %v", err)
	}
}

// TestEvalPetrarchUDFloor runs the command on UniversalPetrarch's UD unit
// tests, with the file's parses and with eventwire's own. The floors only
// rise: measured at commit c402476 on 2026-11-25 (docs/notes/cameo-eval.md):
// given parses F1 0.896, 87.0% exact; own parses F1 0.770, 69.4% exact.
func TestEvalPetrarchUDFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	file := shared.Data(t, "petrarch", "universalpetrarch", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")
	dir := shared.Data(t, "petrarch")
	for _, tc := range []struct {
		parse     string
		f1, exact float64
	}{
		{"given", 0.88, 85},
		{"own", 0.74, 66},
	} {
		t.Run(tc.parse, func(t *testing.T) {
			if tc.parse == "own" && testing.Short() {
				t.Skip("loads the embedded models")
			}
			var out, errb bytes.Buffer
			m := &Main{Stdout: &out, Stderr: &errb}
			if err := m.Run(context.Background(), []string{"eval", "petrarch", file, "--dict", dir, "--parse", tc.parse}); err != nil {
				t.Fatalf("%v\n%s", err, errb.String())
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			var n int
			var exact, p, r, f1 float64
			if _, err := fmt.Sscanf(lines[len(lines)-1], "records %d exact %f%% event P %f R %f F1 %f", &n, &exact, &p, &r, &f1); err != nil {
				t.Fatalf("summary %q: %v", lines[len(lines)-1], err)
			}
			if n != 284 {
				t.Errorf("records %d, want 284", n)
			}
			if f1 < tc.f1 || exact < tc.exact {
				t.Errorf("F1 %.3f exact %.1f%%: below the floors %.2f and %.0f%%", f1, exact, tc.f1, tc.exact)
			}
		})
	}
}
