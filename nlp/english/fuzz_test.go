package english_test

import (
	"context"
	"testing"

	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/text"
)

// FuzzPipeline runs the whole pipeline, with the tagger's news rules and
// the parser's decoding rules, on arbitrary text: it must not fail or
// panic, and every sentence must come out as one tree.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"Even as they spoke, rebel groups who were safely evacuated from Aleppo earlier in the week started shelling the city.",
		"After the meeting ended, the two ministers signed an agreement.",
		"Rebels Attack Army Convoy\nCourt Blocks Trump Order",
		"The defence minister, Ali Hatami, accused Israel of the attack.",
		"Gondor has begun to question whether the talks will work. An arms embargo against Mordor would not work.",
		"Pyongyang on Thursday fired two missiles. A large portion of its population suffers from power outages.",
		"their bombing campaign pounding rebel positions in to at by from",
		"A an A AN a To to TO after After AFTER ,,, in In",
		"On Thursday, former candidate Senator Ted Cruz and Francis Rooney proposed limits. On July 25, which was the anniversary, Zapata fell.",
		"On Friday, Beto O'Rourke, who was a candidate, announced that he was ending it. Yesterday afternoon, Nancy Pelosi, the Speaker, announced it. On Monday, Tuesday,",
		"",
	} {
		f.Add(s)
	}
	p, err := english.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		d := text.NewDoc(s)
		if err := p.Annotate(context.Background(), d); err != nil {
			t.Fatalf("Annotate(%q): %v", s, err)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("Annotate(%q): invalid Doc: %v", s, err)
		}
		for _, sp := range d.Sents {
			roots := 0
			for i := sp.Start; i < sp.End; i++ {
				if d.Tokens[i].Head < 0 {
					roots++
				}
			}
			if roots != 1 {
				t.Fatalf("Annotate(%q): sentence %v has %d roots", s, sp, roots)
			}
		}
	})
}
