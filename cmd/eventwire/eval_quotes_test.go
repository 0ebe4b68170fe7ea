package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text"
)

// The floors of eval quotes on PolNeAR dev (docs/BENCHMARKS.md); they
// only rise.
const (
	quoteSpeakerAllFloor    = 0.71
	quoteSpeakerDirectFloor = 0.89
	quoteContentFloor       = 0.77
	quoteCharsFloor         = 0.72 // contents neither grown nor cut to match
)

// A made-up article in PolNeAR's layout, with character offsets (the ’ is
// one character, three bytes).
const tinyText = "Smith’s aides said the vote was fair. “We won,” Jones said.\n"

const tinyAnn = "T1\tSource 0 13\tSmith’s aides\n" +
	"T2\tCue 14 18\tsaid\n" +
	"T3\tContent 19 36\tthe vote was fair\n" +
	"T4\tAttribution 14 18\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"T5\tContent 38 47\t“We won,”\n" +
	"T6\tSource 48 53\tJones\n" +
	"T7\tCue 54 58\tsaid\n" +
	"T8\tAttribution 54 58\tsaid\n" +
	"E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"

func TestReadBrat(t *testing.T) {
	gold, err := readBrat(strings.NewReader(tinyAnn), tinyText)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 {
		t.Fatalf("%d attributions, want 2", len(gold))
	}
	at := func(ss []text.Span) string { return tinyText[ss[0].Start:ss[0].End] }
	if got := at(gold[0].source); got != "Smith’s aides" {
		t.Errorf("source = %q", got)
	}
	if got := at(gold[1].content); got != "“We won,”" {
		t.Errorf("content = %q", got)
	}
	if gold[0].kind != "indirect" || gold[1].kind != "direct" {
		t.Errorf("kinds %s, %s; want indirect, direct", gold[0].kind, gold[1].kind)
	}
	if _, err := readBrat(strings.NewReader("T1\tSource 5 999\tx\n"), tinyText); err == nil {
		t.Error("no error for offsets past the text")
	}
}

func TestScoreQuotes(t *testing.T) {
	gold, _ := readBrat(strings.NewReader(tinyAnn), tinyText)
	d := polnearDoc{name: "tiny", part: "tune", text: tinyText, gold: gold}
	sp := func(a, b int) text.Span { return text.Span{Start: int32(a), End: int32(b)} }
	qs := []eventwire.Quote{
		// Right content, wrong speaker.
		{Kind: "indirect", SpeakerSpan: sp(60, 64), Evidence: eventwire.QuoteEvidence{Content: []text.Span{sp(25, 38)}}},
		// Right content (exact but for the marks) and speaker.
		{Kind: "direct", SpeakerSpan: sp(54, 59), Evidence: eventwire.QuoteEvidence{Content: []text.Span{sp(43, 50)}}},
		// Spurious.
		{Kind: "direct", SpeakerSpan: sp(0, 5), Evidence: eventwire.QuoteEvidence{Content: []text.Span{sp(60, 64)}}},
	}
	r := scoreQuotes(d, qs)
	var s quoteScore
	s.add(r)
	if s.content != (prf{sys: 3, sysOK: 2, gold: 2, goldOK: 2}) {
		t.Errorf("content %+v", s.content)
	}
	if s.exact.sysOK != 1 {
		t.Errorf("exact %+v, want one", s.exact)
	}
	// Non-space characters: "votewasfair" and "Wewon," shared; the
	// system's 11+6+4, the gold's "thevotewasfair" and "“Wewon,”".
	if s.chars != (prf{sys: 21, sysOK: 17, gold: 22, goldOK: 17}) {
		t.Errorf("chars %+v", s.chars)
	}
	// Spans that share only a space do not match.
	r = scoreQuotes(d, []eventwire.Quote{{Kind: "indirect", Evidence: eventwire.QuoteEvidence{Content: []text.Span{sp(24, 25)}}}})
	if r.match[0] >= 0 {
		t.Errorf("a space matched gold %d", r.match[0])
	}
	if got := *s.speaker["all"]; got != (prf{sys: 3, sysOK: 1, gold: 2, goldOK: 1}) {
		t.Errorf("speaker %+v", got)
	}
	if got := *s.speaker["direct"]; got != (prf{sys: 2, sysOK: 1, gold: 1, goldOK: 1}) {
		t.Errorf("direct speaker %+v", got)
	}
	// A quote inside a report is scored by its reporter, PolNeAR's source:
	// the reporter "Smith’s aides" is right, though the inner speaker is
	// not; the right inner speaker with another reporter is wrong.
	content := []text.Span{sp(25, 38)}
	r = scoreQuotes(d, []eventwire.Quote{{Kind: "indirect", SpeakerSpan: sp(60, 64),
		Evidence: eventwire.QuoteEvidence{Content: content, ReportedBy: sp(0, 15)}}})
	if !r.speakerOK[0] {
		t.Error("the reporter was not taken for the source")
	}
	r = scoreQuotes(d, []eventwire.Quote{{Kind: "indirect", SpeakerSpan: sp(0, 15),
		Evidence: eventwire.QuoteEvidence{Content: content, ReportedBy: sp(60, 64)}}})
	if r.speakerOK[0] {
		t.Error("the inner speaker was scored beside another reporter")
	}
}

func TestPolnearPart(t *testing.T) {
	// The cut depends on the name alone: the same part on every call.
	for _, name := range []string{"a", "nyt_x", "wsj_0001"} {
		first := polnearPart(name)
		for range 3 {
			if polnearPart(name) != first {
				t.Fatalf("polnearPart(%q) not deterministic", name)
			}
		}
	}
	n := map[string]int{}
	for i := range 200 {
		n[polnearPart("doc"+strconv.Itoa(i))]++
	}
	if n["tune"] < 70 || n["check"] < 70 {
		t.Errorf("uneven halves: %v", n)
	}
}

func TestEvalQuotesUsage(t *testing.T) {
	dir := t.TempDir()
	checkCmdErrors(t, []string{"eval", "quotes"}, []cmdError{
		{"no data", nil, true, nil, "Usage: eventwire eval quotes"},
		{"absent", []string{"--data", filepath.Join(dir, "none")}, false, []string{"not shipped"}, ""},
		{"bad part", []string{"--data", dir, "--part", "x"}, true, nil, "--part"},
	})
}

var quoteLineRE = regexp.MustCompile(`F1 (\d\.\d{3})`)

// TestEvalQuotesFloor scores PolNeAR's dev compartment and holds the
// figures above their floors, on both halves.
func TestEvalQuotesFloor(t *testing.T) {
	// Parallel: a long workload of its own; under -race the floors take
	// minutes, and run two at a time on a 2-core machine.
	t.Parallel()
	if testing.Short() {
		t.Skip("parses 84 articles; skipped in -short")
	}
	dir := shared.Data(t, "quotes", "polnear")
	if _, err := os.Stat(filepath.Join(dir, "dev")); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runMain("eval", "quotes", "--quiet", "--data", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	t.Log(out)
	part := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "part ") {
			part = line
			continue
		}
		m := quoteLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f, _ := strconv.ParseFloat(m[1], 64)
		floor := -1.0
		switch f := strings.Fields(line); f[0] + " " + f[1] {
		case "speaker all":
			floor = quoteSpeakerAllFloor
		case "speaker direct":
			floor = quoteSpeakerDirectFloor
		case "content overlap":
			floor = quoteContentFloor
		case "content chars":
			floor = quoteCharsFloor
		}
		if f < floor {
			t.Errorf("%s %s: F1 %.3f below the floor %.2f", part, strings.TrimSpace(line), f, floor)
		}
	}
}
