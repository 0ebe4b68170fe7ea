package coder_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
)

// TestVerbSupplement codes hand-built UD trees with the shipped
// dictionaries (data.DefaultFiles: CAMEO.2.0.txt, then eventwire's
// verbs.supplement.txt) and checks that each supplement verb codes as its
// header comment says, that its sense patterns leave other senses alone,
// and that without the supplement the same trees code nothing.
func TestVerbSupplement(t *testing.T) {
	full, err := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	if err != nil {
		t.Logf("shipped dictionaries: %v", err) // upstream defects, reported with file:line
	}
	noSupp := dict.Files(data.DefaultFiles())
	noSupp.Verbs = []string{"CAMEO.2.0.txt"}
	upstream, _ := dict.Load(data.FS(), noSupp)
	date := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)

	tests := []struct {
		name, text, conll string
		want              []string // "code source target file"
		upstream          bool     // CAMEO.2.0.txt alone codes it the same
		without           []string // what CAMEO.2.0.txt alone codes, when it codes something else
	}{
		{
			name: "credit-for",
			text: "Putin credited Iran and Turkey for the agreement.",
			conll: `1	Putin	Putin	PROPN	NNP	_	2	nsubj	_	_
2	credited	credit	VERB	VBD	_	0	root	_	_
3	Iran	Iran	PROPN	NNP	_	2	obj	_	_
4	and	and	CCONJ	CC	_	5	cc	_	_
5	Turkey	Turkey	PROPN	NNP	_	3	conj	_	_
6	for	for	ADP	IN	_	8	case	_	_
7	the	the	DET	DT	_	8	det	_	_
8	agreement	agreement	NOUN	NN	_	2	obl	_	_
9	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"051 RUSGOV IRN verbs.supplement.txt", "051 RUSGOV TUR verbs.supplement.txt"},
		},
		{
			name: "urge-to",
			text: "Britain urged Iran to release the prisoners.",
			conll: `1	Britain	Britain	PROPN	NNP	_	2	nsubj	_	_
2	urged	urge	VERB	VBD	_	0	root	_	_
3	Iran	Iran	PROPN	NNP	_	2	obj	_	_
4	to	to	PART	TO	_	5	mark	_	_
5	release	release	VERB	VB	_	2	xcomp	_	_
6	the	the	DET	DT	_	7	det	_	_
7	prisoners	prisoner	NOUN	NNS	_	5	obj	_	_
8	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"020 GBR IRN verbs.supplement.txt"},
		},
		{
			name: "label-as",
			text: "Iran labelled Turkey as a dictator.",
			conll: `1	Iran	Iran	PROPN	NNP	_	2	nsubj	_	_
2	labelled	label	VERB	VBD	_	0	root	_	_
3	Turkey	Turkey	PROPN	NNP	_	2	obj	_	_
4	as	as	ADP	IN	_	6	case	_	_
5	a	a	DET	DT	_	6	det	_	_
6	dictator	dictator	NOUN	NN	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"111 IRN TUR verbs.supplement.txt"},
		},
		{
			name: "attribute-attack-to",
			text: "Iran attributed the attack to Israel.",
			conll: `1	Iran	Iran	PROPN	NNP	_	2	nsubj	_	_
2	attributed	attribute	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	attack	attack	NOUN	NN	_	2	obj	_	_
5	to	to	ADP	IN	_	6	case	_	_
6	Israel	Israel	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"112 IRN ISR verbs.supplement.txt"},
		},
		{
			name: "ascribe-bombing-to",
			text: "Iraq ascribed the bombing to Syria.",
			conll: `1	Iraq	Iraq	PROPN	NNP	_	2	nsubj	_	_
2	ascribed	ascribe	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	bombing	bombing	NOUN	NN	_	2	obj	_	_
5	to	to	ADP	IN	_	6	case	_	_
6	Syria	Syria	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"112 IRQ SYR verbs.supplement.txt"},
		},
		{
			// Attributing success is not an accusation: no event.
			name: "attribute-success-to",
			text: "Iran attributed its success to Russia.",
			conll: `1	Iran	Iran	PROPN	NNP	_	2	nsubj	_	_
2	attributed	attribute	VERB	VBD	_	0	root	_	_
3	its	its	PRON	PRP$	_	4	nmod:poss	_	_
4	success	success	NOUN	NN	_	2	obj	_	_
5	to	to	ADP	IN	_	6	case	_	_
6	Russia	Russia	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`,
			want:     nil,
			upstream: true,
		},
		{
			name: "impeach",
			text: "Brazil's parliament impeached Dilma Rousseff.",
			conll: `1	Brazil	Brazil	PROPN	NNP	_	3	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	parliament	parliament	NOUN	NN	_	4	nsubj	_	_
4	impeached	impeach	VERB	VBD	_	0	root	_	_
5	Dilma	Dilma	PROPN	NNP	_	4	obj	_	_
6	Rousseff	Rousseff	PROPN	NNP	_	5	flat	_	_
7	.	.	PUNCT	.	_	4	punct	_	_
`,
			// On the cases' date, 2016-12-23, Rousseff was out of
			// office (removed 2016-08-31): ELI, by the Factbook layer.
			want: []string{"173 BRALEG BRAELI verbs.supplement.txt"},
		},
		{
			// CAMEO.2.0.txt lists DISPATCH with no code or patterns.
			name: "dispatch-troops",
			text: "Russia dispatched troops to Syria.",
			conll: `1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	dispatched	dispatch	VERB	VBD	_	0	root	_	_
3	troops	troops	NOUN	NNS	_	2	obj	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Syria	Syria	PROPN	NNP	_	2	obl	_	_
6	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"072 RUS SYR verbs.news.txt"},
			// Upstream, DISPATCH codes only as another block's verb:
			// economic cooperation (061), to Syria, the to-phrase of a
			// verb of sending (the troops had been its target before
			// the coder's transfer rule).
			without: []string{"061 RUS SYR CAMEO.2.0.txt"},
		},
		{
			// The passive names no sender: the state whose forces went.
			name: "dispatched-military-police",
			text: "Russian military police were dispatched to Aleppo.",
			conll: `1	Russian	Russian	ADJ	JJ	_	3	amod	_	_
2	military	military	ADJ	JJ	_	3	amod	_	_
3	police	police	NOUN	NNS	_	5	nsubj:pass	_	_
4	were	be	AUX	VBD	_	5	aux:pass	_	_
5	dispatched	dispatch	VERB	VBN	_	0	root	_	_
6	to	to	ADP	IN	_	7	case	_	_
7	Aleppo	Aleppo	PROPN	NNP	_	5	obl	_	_
8	.	.	PUNCT	.	_	5	punct	_	_
`,
			want: []string{"072 RUS SYR verbs.news.txt"},
		},
		{
			// BLAME X FOR is in CAMEO.2.0.txt already (112, 1124 for
			// attacks): the supplement does not repeat it.
			name: "blame-for",
			text: "Russia blamed Ukraine for the shelling.",
			conll: `1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	blamed	blame	VERB	VBD	_	0	root	_	_
3	Ukraine	Ukraine	PROPN	NNP	_	2	obj	_	_
4	for	for	ADP	IN	_	6	case	_	_
5	the	the	DET	DT	_	6	det	_	_
6	shelling	shelling	NOUN	NN	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`,
			want:     []string{"112 RUS UKR CAMEO.2.0.txt"},
			upstream: true,
		},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, withSupp := range []bool{true, false} {
				d := full
				if !withSupp {
					d = upstream
				}
				conll := "# text = " + tc.text + "\n" + tc.conll + "\n"
				doc := caseDoc(t, tc.text, []byte(conll))
				evs, err := coder.New(d, cameo.Default(), coder.DefaultOptions()).Code(ctx, doc, date)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range evs {
					file, _, _ := strings.Cut(e.Pattern, ":")
					got = append(got, e.CAMEO+" "+e.Source.Code+" "+e.Target.Code+" "+file)
				}
				sort.Strings(got)
				want := tc.want
				if !withSupp && !tc.upstream {
					want = tc.without
				}
				if strings.Join(got, "; ") != strings.Join(want, "; ") {
					t.Errorf("supplement %v: got %q, want %q", withSupp, got, want)
				}
			}
		})
	}
}
