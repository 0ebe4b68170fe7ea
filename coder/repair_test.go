package coder_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
)

const repairVerbs = `--- MEET [040] ---
MEET
--- WELCOME [050] ---
WELCOME
--- RESTORE [050] ---
RESTORE
--- PROMISE [033] ---
PROMISE
--- CONDEMN [111] ---
CONDEMN
--- OPPOSE [110] ---
OPPOSE
--- MARCH [152] ---
MARCH
--- ACT [100] ---
ACT
--- INDICATE [---] ---
INDICATE
--- ATTACK [190] ---
ATTACK
--- HOLD [---] ---
HOLD
- * TALKS [046:046]
--- SAY [010] ---
SAY
`

const repairActors = `ARNOR_ [ARN]
GONDOR_ [GON]
OSGILIATH_ [OSG]
ERIADOR_ [ERI]
BREE_ [BRE]
MORDOR_ [MOR]
BARAD-DUR [MOR]
HERMIT_KINGDOM [PRK]
ETHIOPIA_ [ETH]
LIBYA_ [LBY]
CALENARDHON_ [CAL]
ITHILEN_ [ITH]
`

const repairAgents = `PRIME_MINISTER [~GOV]
OFFICIAL [~GOV]
CLERIC [~REL]
`

// TestRepairs codes trees as eventwire's parser gives them for sentences
// of the PETRARCH unit tests (docs/notes/coder-ownparse.md), each with a
// structure that UD does not allow or that misplaces a word, and checks
// that the coder's repairs find the events a reader finds.
// The sentences are PETRARCH unit-test sentences, coded under its conventions.
func TestRepairs(t *testing.T) {
	fsys := fstest.MapFS{
		"v.txt": {Data: []byte(repairVerbs)},
		"a.txt": {Data: []byte(repairActors)},
		"g.txt": {Data: []byte(repairAgents)},
	}
	d, err := dict.Load(fsys, dict.Files{Verbs: []string{"v.txt"}, Actors: []string{"a.txt"}, Agents: []string{"g.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d, cameo.Default(), coder.PetrarchOptions())
	tests := []struct {
		name, text, conll string
		want              []string
	}{
		{
			// "Hours" parsed as a second subject: the name is the
			// subject, the time noun dates the clause.
			name: "time-noun-second-subject",
			text: "Hours earlier Arnor condemned Gondor.",
			conll: `1	Hours	hour	NOUN	NNS	_	4	nsubj	_	_
2	earlier	early	ADV	RBR	_	4	advmod	_	_
3	Arnor	Arnor	PROPN	NNP	_	4	nsubj	_	_
4	condemned	condemn	VERB	VBD	_	0	root	_	_
5	Gondor	Gondor	PROPN	NNP	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_
`,
			want: []string{"111 ARN GON"},
		},
		{
			name: "title-nmod-desc",
			text: "Bree Prime Minister Romendacil will meet Arnor.",
			conll: `1	Bree	Bree	PROPN	NNP	_	3	compound	_	_
2	Prime	prime	ADJ	JJ	_	3	amod	_	_
3	Minister	Minister	PROPN	NNP	_	4	nmod:desc	_	_
4	Romendacil	Romendacil	PROPN	NNP	_	6	nsubj	_	_
5	will	will	AUX	MD	_	6	aux	_	_
6	meet	meet	VERB	VB	_	0	root	_	_
7	Arnor	Arnor	PROPN	NNP	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	6	punct	_	_
`,
			want: []string{"040 BREGOV ARN"},
		},
		{
			// The parser took "held" for an adjective of "talks" and made
			// "talks" the root: the verb with its own subject and
			// auxiliary heads the clause again.
			name: "verb-as-amod",
			text: "The Bree Prime Minister Romendacil has held talks at Weathertop with Arnor.",
			conll: `1	The	the	DET	DT	_	9	det	_	_
2	Bree	Bree	PROPN	NNP	_	4	compound	_	_
3	Prime	prime	ADJ	JJ	_	4	amod	_	_
4	Minister	Minister	PROPN	NNP	_	5	nmod:desc	_	_
5	Romendacil	Romendacil	PROPN	NNP	_	7	nsubj	_	_
6	has	have	AUX	VBZ	_	7	aux	_	_
7	held	hold	VERB	VBN	_	8	amod	_	_
8	talks	talk	NOUN	NNS	_	0	root	_	_
9	at	at	ADP	IN	_	10	case	_	_
10	Weathertop	Weathertop	PROPN	NNP	_	8	nmod	_	_
11	with	with	ADP	IN	_	12	case	_	_
12	Arnor	Arnor	PROPN	NNP	_	8	nmod	_	SpaceAfter=No
13	.	.	PUNCT	.	_	8	punct	_	_
`,
			want: []string{"046 ARN BREGOV", "046 BREGOV ARN"},
		},
		{
			// A participle in a noun phrase has no subject of its own:
			// no clause, no repair, no talks held by Gondor.
			name: "participle-amod-stays",
			text: "Gondor condemned the held talks with Arnor.",
			conll: `1	Gondor	Gondor	PROPN	NNP	_	2	nsubj	_	_
2	condemned	condemn	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	5	det	_	_
4	held	hold	VERB	VBN	_	5	amod	_	_
5	talks	talk	NOUN	NNS	_	2	obj	_	_
6	with	with	ADP	IN	_	7	case	_	_
7	Arnor	Arnor	PROPN	NNP	_	5	nmod	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"111 GON ARN"},
		},
		{
			// The parser made the reported clause's verb the root,
			// "said" its adverbial clause, and the reported subject a
			// second subject of "said", so that nothing was coded. Under
			// the PETRARCH conventions of this test Bree's statement
			// about Arnor is coded too.
			name: "inverted-report",
			text: "Bree said Arnor, a kingdom of the north, has been attacked by Gondor.",
			conll: `1	Bree	Bree	PROPN	NNP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	13	advcl	_	_
3	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
4	,	,	PUNCT	,	_	6	punct	_	_
5	a	a	DET	DT	_	6	det	_	_
6	kingdom	kingdom	NOUN	NN	_	3	appos	_	_
7	of	of	ADP	IN	_	9	case	_	_
8	the	the	DET	DT	_	9	det	_	_
9	north	north	NOUN	NN	_	6	nmod	_	_
10	,	,	PUNCT	,	_	2	punct	_	_
11	has	have	AUX	VBZ	_	13	aux	_	_
12	been	be	AUX	VBN	_	13	aux:pass	_	_
13	attacked	attack	VERB	VBN	_	0	root	_	_
14	by	by	ADP	IN	_	15	case	_	_
15	Gondor	Gondor	PROPN	NNP	_	13	obl:agent	_	SpaceAfter=No
16	.	.	PUNCT	.	_	13	punct	_	_
`,
			want: []string{"010 BRE ARN", "190 GON ARN"},
		},
		{
			// "allied" parsed as the root, with the first conjunct its
			// subject and "forces have attacked" its complement: the
			// participle is the second conjunct's adjective.
			name: "allied-conjunct",
			text: "Gondor and allied forces have attacked Mordor.",
			conll: `1	Gondor	Gondor	PROPN	NNP	_	3	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	allied	ally	VERB	VBN	_	0	root	_	_
4	forces	force	NOUN	NNS	_	6	nsubj	_	_
5	have	have	AUX	VBP	_	6	aux	_	_
6	attacked	attack	VERB	VBN	_	3	ccomp	_	_
7	Mordor	Mordor	PROPN	NNP	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_
`,
			want: []string{"190 GON MOR"},
		},
		{
			name: "name-as-bare-nmod",
			text: "Bree Prime Minister Romendacil will meet Arnor.",
			conll: `1	Bree	Bree	PROPN	NNP	_	6	nsubj	_	_
2	Prime	prime	ADJ	JJ	_	3	amod	_	_
3	Minister	Minister	PROPN	NNP	_	4	nmod:desc	_	_
4	Romendacil	Romendacil	PROPN	NNP	_	1	nmod	_	_
5	will	will	AUX	MD	_	6	aux	_	_
6	meet	meet	VERB	VB	_	0	root	_	_
7	Arnor	Arnor	PROPN	NNP	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	6	punct	_	_
`,
			want: []string{"040 BREGOV ARN"},
		},
		{
			name: "two-subjects-coordinated",
			text: "Arnor and the evil Gondor welcomed Osgiliath.",
			conll: `1	Arnor	Arnor	PROPN	NNP	_	6	nsubj	_	_
2	and	and	CCONJ	CC	_	4	cc	_	_
3	the	the	DET	DT	_	4	det	_	_
4	evil	evil	NOUN	NN	_	1	conj	_	_
5	Gondor	Gondor	PROPN	NNP	_	6	nsubj	_	_
6	welcomed	welcome	VERB	VBD	_	0	root	_	_
7	Osgiliath	Osgiliath	PROPN	NNP	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	6	punct	_	_
`,
			want: []string{"050 ARN OSG", "050 GON OSG"},
		},
		{
			name: "two-subjects-adjacent",
			text: "The Hermit Kingdom attacked Gondor.",
			conll: `1	The	the	DET	DT	_	2	det	_	_
2	Hermit	hermit	NOUN	NN	_	4	nsubj	_	_
3	Kingdom	Kingdom	PROPN	NNP	_	4	nsubj	_	_
4	attacked	attack	VERB	VBD	_	0	root	_	_
5	Gondor	Gondor	PROPN	NNP	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_
`,
			want: []string{"190 PRK GON"},
		},
		{
			name: "auxiliary-on-noun",
			text: "Arnor officials are about to restore ties with Gondor.",
			conll: `1	Arnor	Arnor	PROPN	NNP	_	2	compound	_	_
2	officials	official	NOUN	NNS	_	0	root	_	_
3	are	be	AUX	VBP	_	2	appos	_	_
4	about	about	ADP	IN	_	6	mark	_	_
5	to	to	PART	TO	_	6	mark	_	_
6	restore	restore	VERB	VB	_	3	advcl	_	_
7	ties	tie	NOUN	NNS	_	6	obj	_	_
8	with	with	ADP	IN	_	9	case	_	_
9	Gondor	Gondor	PROPN	NNP	_	7	nmod	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"050 ARNGOV GON"},
		},
		{
			name: "conjunct-verb-on-noun",
			text: "Calenardhon condemned the attack by Osgiliath on Thursday and promised aid to Ithilen.",
			conll: `1	Calenardhon	Calenardhon	PROPN	NNP	_	2	nsubj	_	_
2	condemned	condemn	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	attack	attack	NOUN	NN	_	2	obj	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	Osgiliath	Osgiliath	PROPN	NNP	_	4	nmod	_	_
7	on	on	ADP	IN	_	8	case	_	_
8	Thursday	Thursday	PROPN	NNP	_	6	nmod	_	_
9	and	and	CCONJ	CC	_	10	cc	_	_
10	promised	promise	VERB	VBD	_	8	conj	_	_
11	aid	aid	NOUN	NN	_	10	obj	_	_
12	to	to	ADP	IN	_	13	case	_	_
13	Ithilen	Ithilen	PROPN	NNP	_	10	obl	_	SpaceAfter=No
14	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"033 CAL ITH", "111 CAL OSG"},
		},
		{
			name: "lower-case-agent-tagged-propn",
			text: "Arnor cleric restored ties with Gondor.",
			conll: `1	Arnor	Arnor	PROPN	NNP	_	3	nsubj	_	_
2	cleric	cleric	PROPN	NNP	_	1	flat	_	_
3	restored	restore	VERB	VBD	_	0	root	_	_
4	ties	tie	NOUN	NNS	_	3	obj	_	_
5	with	with	ADP	IN	_	6	case	_	_
6	Gondor	Gondor	PROPN	NNP	_	4	nmod	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_
`,
			want: []string{"050 ARNREL GON"},
		},
		{
			name: "agent-on-adverb",
			text: "Eriador was opposed earlier by Osgiliath.",
			conll: `1	Eriador	Eriador	PROPN	NNP	_	3	nsubj:pass	_	_
2	was	be	AUX	VBD	_	3	aux:pass	_	_
3	opposed	oppose	VERB	VBN	_	0	root	_	_
4	earlier	early	ADV	RBR	_	3	advmod	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	Osgiliath	Osgiliath	PROPN	NNP	_	4	obl:agent	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_
`,
			want: []string{"110 OSG ERI"},
		},
		{
			name: "adjectival-complement",
			text: "Bree marched very close to the border with Mordor.",
			conll: `1	Bree	Bree	PROPN	NNP	_	2	nsubj	_	_
2	marched	march	VERB	VBD	_	0	root	_	_
3	very	very	ADV	RB	_	4	advmod	_	_
4	close	close	ADJ	JJ	_	2	xcomp	_	_
5	to	to	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	border	border	NOUN	NN	_	4	obl	_	_
8	with	with	ADP	IN	_	9	case	_	_
9	Mordor	Mordor	PROPN	NNP	_	7	nmod	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"152 BRE MOR"},
		},
		{
			name: "subject-parsed-as-object",
			text: "Ethiopia indicated it should have acted against Libya.",
			conll: `1	Ethiopia	Ethiopia	PROPN	NNP	_	2	nsubj	_	_
2	indicated	indicate	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	2	obj	_	_
4	should	should	AUX	MD	_	6	aux	_	_
5	have	have	AUX	VB	_	6	aux	_	_
6	acted	act	VERB	VBN	_	2	ccomp	_	_
7	against	against	ADP	IN	_	8	case	_	_
8	Libya	Libya	PROPN	NNP	_	6	obl	_	SpaceAfter=No
9	.	.	PUNCT	.	_	2	punct	_	_
`,
			want: []string{"100 ETH LBY"},
		},
		{
			name: "hyphenated-name-split",
			text: "Barad-dur attacked Gondor.",
			conll: `1	Barad	Barad	PROPN	NNP	_	3	compound	_	SpaceAfter=No
2	-	-	PUNCT	HYPH	_	1	punct	_	SpaceAfter=No
3	dur	dur	PROPN	NNP	_	4	nsubj	_	_
4	attacked	attack	VERB	VBD	_	0	root	_	_
5	Gondor	Gondor	PROPN	NNP	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_
`,
			want: []string{"190 MOR GON"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := caseDoc(t, tc.text, []byte("# text = "+tc.text+"\n"+tc.conll+"\n"))
			evs, err := c.Code(context.Background(), doc, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.CAMEO+" "+e.Source.Code+" "+e.Target.Code)
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRepairConfidence checks that an event found only through a repair
// is worth 0.9 of the same event on a well-formed tree.
func TestRepairConfidence(t *testing.T) {
	fsys := fstest.MapFS{
		"v.txt": {Data: []byte(repairVerbs)},
		"a.txt": {Data: []byte(repairActors)},
	}
	d, err := dict.Load(fsys, dict.Files{Verbs: []string{"v.txt"}, Actors: []string{"a.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	const txt = "The Hermit Kingdom attacked Gondor."
	conf := func(hermit string) float64 {
		conll := "# text = " + txt + "\n" +
			"1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n" +
			"2\tHermit\thermit\t" + hermit + "\t_\t_\n" +
			"3\tKingdom\tKingdom\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n" +
			"4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
			"5\tGondor\tGondor\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No\n" +
			"6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
		evs, err := c.Code(context.Background(), caseDoc(t, txt, []byte(conll)), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].Source.Code != "PRK" {
			t.Fatalf("events %+v, want one by PRK", evs)
		}
		return evs[0].Confidence
	}
	good := conf("PROPN\tNNP\t_\t3\tcompound")
	bad := conf("NOUN\tNN\t_\t4\tnsubj")
	if r := bad / good; r < 0.899 || r > 0.901 {
		t.Errorf("confidence %.3f repaired vs %.3f well-formed: ratio %.3f, want 0.9", bad, good, r)
	}
}
