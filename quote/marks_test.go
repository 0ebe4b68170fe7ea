package quote

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/text"
)

// TestFindSegments checks the pairing of quotation marks, by the text
// inside each pair and its byte offsets.
func TestFindSegments(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the parts of each segment, joined by "|"
	}{
		{"straight", `He said "we will stay" and left.`, []string{"we will stay"}},
		{"curly", "He said “we will stay” and left.", []string{"we will stay"}},
		{"guillemets", "«Nous restons», a-t-il dit.", []string{"Nous restons"}},
		{"german", "Er sagte „wir bleiben“ und ging.", []string{"wir bleiben"}},
		{"two singles", "He said ''we will stay'' and left.", []string{"we will stay"}},
		{"single outside double", "Headline: Voters ‘in Their Heads’ now", []string{"in Their Heads"}},
		{"apostrophes are no marks", "Clinton’s aides don't say it’s over.", nil},
		{"nested single kept inside", "“You said ‘accept it’ then,” she said.", []string{"You said ‘accept it’ then,"}},
		{"interrupted", "“The talks,” said Jones, “have failed.”", []string{"The talks,", "have failed."}},
		{"unclosed ends with paragraph", "He said \"we will stay.\n\nNext paragraph here.", []string{"we will stay."}},
		{"paragraph convention", "He said: “First part.\n\n“Second part.”\n\nAfter.", []string{"First part.|Second part."}},
		{"stray closing", "It ended.” Then he left.", nil},
		{"closing typed for opening", "”We stay here,” she said. ”And we vote.”", []string{"We stay here,", "And we vote."}},
		{"closing at a word's start, unpaired", "The sign read ”closed for repairs.", nil},
		{"reopened", "“One “Two three”", []string{"One", "Two three"}},
		{"glued close", `calling it "very important part"at his news conference`, []string{"very important part"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := findSegments(tt.in, paragraphs(tt.in, nil))
			var got []string
			for _, sg := range segs {
				var parts []string
				for _, p := range sg.parts {
					parts = append(parts, tt.in[p.Start:p.End])
				}
				got = append(got, strings.Join(parts, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("segments of %q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSegmentOffsets checks byte offsets with multi-byte marks.
func TestSegmentOffsets(t *testing.T) {
	in := "A “bc de” f"
	segs := findSegments(in, paragraphs(in, nil))
	if len(segs) != 1 {
		t.Fatalf("got %d segments, want 1", len(segs))
	}
	if got, want := segs[0].parts[0], (text.Span{Start: 5, End: 10}); got != want {
		t.Errorf("part = %v, want %v", got, want)
	}
	if segs[0].open != 2 || segs[0].close != 10 || segs[0].words != 2 {
		t.Errorf("open %d close %d words %d, want 2 10 2", segs[0].open, segs[0].close, segs[0].words)
	}
}

func TestParagraphs(t *testing.T) {
	in := "one\ntwo\n\n  three \n\n\nfour"
	var got []string
	for _, p := range paragraphs(in, nil) {
		got = append(got, in[p.Start:p.End])
	}
	if want := []string{"one\ntwo", "three", "four"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
	in = "one\ntwo"
	got = nil
	for _, p := range paragraphs(in, nil) {
		got = append(got, in[p.Start:p.End])
	}
	if want := []string{"one", "two"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines = %q, want %q", got, want)
	}
}
