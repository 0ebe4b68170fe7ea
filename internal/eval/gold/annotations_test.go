package gold_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/gold"
)

// tsv joins fields with tabs.
func tsv(f ...string) string { return strings.Join(f, "\t") }

func TestReadAnnotations(t *testing.T) {
	arts := fixture(t)
	an, err := gold.ReadAnnotationsFile(filepath.Join("testdata", "good.tsv"), arts)
	if err != nil {
		t.Fatal(err)
	}
	if !an.Has("g1") || !an.Has("g2") || an.Len() != 7 {
		t.Fatalf("has g1 %v g2 %v, %d events; want both, 7", an.Has("g1"), an.Has("g2"), an.Len())
	}
	evs := an.Events("g1")
	if len(evs) != 5 {
		t.Fatalf("g1 has %d events, want 5", len(evs))
	}
	g1 := arts.Article("g1")
	e := evs[0]
	if e.Article != "g1" || e.Sent != 0 || e.CAMEO != "194" || e.Source != "TURMIL" || e.Target != "SYRREB" || e.Line != 4 ||
		e.Note != "country from the article" || e.OneSided() {
		t.Errorf("first event %+v", e)
	}
	// Spans are byte offsets in the article's text.
	for _, c := range []struct {
		span [2]int32
		want string
	}{
		{[2]int32{e.SourceSpan.Start, e.SourceSpan.End}, "Turkish troops"},
		{[2]int32{e.TriggerSpan.Start, e.TriggerSpan.End}, "shelled"},
		{[2]int32{e.TargetSpan.Start, e.TargetSpan.End}, "Kurdish positions"},
	} {
		if got := g1.Text[c.span[0]:c.span[1]]; got != c.want {
			t.Errorf("span %v is %q, want %q", c.span, got, c.want)
		}
	}
	// Sentence 3 starts at byte 126: "The UN" at 126, "condemned" at 133.
	un := evs[3]
	if un.SourceSpan.Start != 126 || un.TriggerSpan.Start != 133 || un.TargetText != "the attack" || un.Note != "" {
		t.Errorf("UN event %+v", un)
	}
	// An empty target text has a zero span; "-" is a one-sided event.
	if os := evs[4]; !os.OneSided() || os.TargetText != "" || os.TargetSpan.End != 0 || os.Line != 10 {
		t.Errorf("one-sided event %+v", os)
	}
	if an.Events("nope") != nil || an.Has("nope") {
		t.Error("unknown article has events")
	}
}

func TestReadAnnotationsErrors(t *testing.T) {
	arts := fixture(t)
	in := strings.Join([]string{
		"# header comment",
		tsv("g1", "0", "194", "TURMIL", "SYRREB", "Turkish troops", "shelled", "Kurdish positions"),
		tsv("g1", "0"),
		tsv("zz", "0", "none"),
		tsv("g1", "x", "none"),
		tsv("g1", "4", "none"),
		tsv("g1", "-1", "none"),
		tsv("g1", "1", "040", "RUS"),
		tsv("g1", "1", "043", "RUS", "TUR", "Russia", "held talks", "Turkey"),
		tsv("g1", "1", "49", "rus", "TU", "Russia", "", ""),
		tsv("g1", "1", "040", "RUS", "T1R", "Rusia", "hold talks", "Turkey"),
		tsv("g1", "1", "040", "RUS", "TUR", "Russia", "held talks", "Turkey", "n", "extra"),
		tsv("g1", "1", "043", "RUS", "TUR", "Russia", "held talks", "Turkey", "a different note"),
		tsv("g1", "2", "none", "", "USA"),
		tsv("g1", "2", "none"),
		tsv("g1", "2", "NONE", "", "", "", "", "", "again"),
		tsv("g1", "0", "none"),
		tsv("g1", "1", "1299", "---GOV", "USA-", "", "", ""),
		tsv("g2", "0", "173", "HKGCOP", "HKGCVL"),
	}, "\r\n")
	an, err := gold.ReadAnnotations(strings.NewReader(in), "r.tsv", arts)
	checkErrors(t, err, []string{
		`r.tsv:3: 2 tab-separated fields`,
		`r.tsv:4: article "zz" is not in testdata/articles.jsonl`,
		`r.tsv:5: sent "x" is not a number`,
		`r.tsv:6: sent 4: article "g1" has sentences 0 to 3`,
		`r.tsv:7: sent -1: article "g1" has sentences 0 to 3`,
		`r.tsv:8: an event line needs 5 fields at least`,
		`r.tsv:10: cameo "49" is not a code of the CAMEO codebook`,
		`r.tsv:10: source_code "rus" is not upper-case`,
		`r.tsv:10: target_code "TU" is not groups of three letters`,
		`r.tsv:11: target_code "T1R" is not groups of three letters`,
		`r.tsv:11: source_text "Rusia" does not occur in sentence 1`,
		`r.tsv:11: trigger "hold talks" does not occur in sentence 1`,
		`r.tsv:12: 10 tab-separated fields`,
		`r.tsv:13: same event as line 9`,
		`r.tsv:14: a none line has codes or texts`,
		`r.tsv:16: sentence 2 of "g1" is already none at line 15`,
		`r.tsv:17: sentence 0 of "g1" is none here but has an event at line 2`,
		`r.tsv:18: cameo "1299" is not a code of the CAMEO codebook`,
		`r.tsv:18: target_code "USA-" is not groups of three letters`,
		`r.tsv: article "g1": no line for sentence 3 (every sentence`,
		`r.tsv: article "g2": no line for sentence 1 (every sentence`,
	})
	// The good lines are kept.
	if n := len(an.Events("g1")); n != 2 {
		t.Errorf("%d g1 events kept, want 2 (lines 2 and 9)", n)
	}
	if n := len(an.Events("g2")); n != 1 {
		t.Errorf("%d g2 events kept, want 1", n)
	}
}

// TestReadAnnotationsComplete: an article without lines is no error of
// the reader (Has tells); a reader's partial file is read.
func TestReadAnnotationsComplete(t *testing.T) {
	arts := fixture(t)
	in := tsv("g2", "0", "none") + "\n" + tsv("g2", "1", "051", "HKGGOV", "HKGCOP", "The mayor", "praised", "the officers") + "\n"
	an, err := gold.ReadAnnotations(strings.NewReader(in), "p.tsv", arts)
	if err != nil {
		t.Fatal(err)
	}
	if an.Has("g1") || !an.Has("g2") {
		t.Errorf("has g1 %v g2 %v, want false true", an.Has("g1"), an.Has("g2"))
	}
	// An empty file is read as no lines.
	if an, err := gold.ReadAnnotations(strings.NewReader(""), "e.tsv", arts); err != nil || an.Len() != 0 {
		t.Errorf("empty file: %v, %d events", err, an.Len())
	}
	if _, err := gold.ReadAnnotationsFile(filepath.Join(t.TempDir(), "no.tsv"), arts); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("absent file: %v, want fs.ErrNotExist", err)
	}
}

func TestReadAnnotationsLongLine(t *testing.T) {
	arts := fixture(t)
	in := tsv("g2", "0", "none") + "\n" + strings.Repeat("x", gold.MaxLineBytes+1) + "\n"
	_, err := gold.ReadAnnotations(strings.NewReader(in), "l.tsv", arts)
	checkErrors(t, err, []string{"l.tsv:2: line longer than", `l.tsv: article "g2": no line for sentence 1`})
}
