package coder_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// TestExplain codes every hand-built case with Explain: the events are
// those Code gives, each says what its stages decided, and each decision
// names a word of the text.
func TestExplain(t *testing.T) {
	d := caseDicts(t)
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	paths, _ := filepath.Glob("testdata/cases/*.txtar")
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, files := parseTxtar(data)
		doc := caseDoc(t, strings.TrimRight(string(files["text.txt"]), "\n"), files["sentence.conllu"])
		date := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
		plain, err := c.Code(context.Background(), doc, date)
		if err != nil {
			t.Fatal(err)
		}
		explained, decisions, err := c.Explain(context.Background(), doc, date)
		if err != nil {
			t.Fatal(err)
		}
		if len(plain) != len(explained) {
			t.Fatalf("%s: Code gives %d events, Explain %d", path, len(plain), len(explained))
		}
		for i, e := range explained {
			x := e.Explain
			if x == nil || x.Frame == "" || !strings.HasPrefix(x.Assertion, "asserted") && !strings.HasPrefix(x.Assertion, "negated") && !strings.HasPrefix(x.Assertion, "intended") || !strings.HasPrefix(x.Coding, e.Pattern) {
				t.Errorf("%s: event %s %s→%s explained as %+v", path, e.CAMEO, e.Source.Code, e.Target.Code, x)
			}
			e.Explain = nil
			if !reflect.DeepEqual(e, plain[i]) {
				t.Errorf("%s: event %d differs from Code's:\n%+v\n%+v", path, i, e, plain[i])
			}
			if plain[i].Explain != nil {
				t.Errorf("%s: Code explained an event", path)
			}
		}
		for _, dc := range decisions {
			if dc.Word == "" || doc.Text[dc.Span.Start:dc.Span.End] != dc.Word || dc.Why == "" {
				t.Errorf("%s: decision %+v", path, dc)
			}
			switch dc.Stage {
			case "frame", "assertion", "events":
			default:
				t.Errorf("%s: decision of stage %q", path, dc.Stage)
			}
		}
	}
}

// TestExplainNotAsserted: a predicate the assertion stage rejects is
// listed with its reason.
func TestExplainNotAsserted(t *testing.T) {
	d := caseDicts(t)
	const conll = `# text = Russia did not condemn Turkey.
1	Russia	Russia	PROPN	_	_	4	nsubj	_	_
2	did	do	AUX	_	_	4	aux	_	_
3	not	not	PART	_	_	4	advmod	_	_
4	condemn	condemn	VERB	_	_	0	root	_	_
5	Turkey	Turkey	PROPN	_	_	4	obj	_	_
6	.	.	PUNCT	_	_	4	punct	_	_

`
	doc := caseDoc(t, "Russia did not condemn Turkey.", []byte(conll))
	evs, decisions, err := coder.New(d, cameo.Default(), coder.DefaultOptions()).Explain(context.Background(), doc, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 0 {
		t.Errorf("events %+v: a negated condemnation has no opposite code", evs)
	}
	found := false
	for _, dc := range decisions {
		if dc.Word == "condemn" && dc.Stage == "assertion" && strings.Contains(dc.Why, "negated") {
			found = true
		}
	}
	if !found {
		t.Errorf("decisions %+v: want condemn rejected as negated", decisions)
	}
}

// lowFactuality judges every predicate named word as not having happened.
type lowFactuality struct{ word string }

func (f lowFactuality) Factuality(d *text.Doc, tok int) float64 {
	if d.Text[d.Tokens[tok].Start:d.Tokens[tok].End] == f.word {
		return -1.2
	}
	return 1.1
}

// TestFactualityOption: an act the learned factuality model scores below
// FactualityMin is not asserted, whatever the rules say, and the decision
// says why; others are coded as before.
func TestFactualityOption(t *testing.T) {
	d := caseDicts(t)
	doc := condemnAttackDoc(t)
	o := coder.DefaultOptions()
	o.Factuality, o.FactualityMin = lowFactuality{"attacked"}, 0.6
	evs, decisions, err := coder.New(d, cameo.Default(), o).Explain(context.Background(), doc, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].CAMEO != "111" {
		t.Fatalf("events %+v: want the condemnation only", evs)
	}
	found := false
	for _, dc := range decisions {
		if dc.Word == "attacked" && dc.Stage == "assertion" && strings.Contains(dc.Why, "factuality model") && strings.Contains(dc.Why, "-1.20") {
			found = true
		}
	}
	if !found {
		t.Errorf("decisions %+v: want the attack rejected by the factuality model", decisions)
	}
}

// TestExplainStoryDiscard: an article with a story-level discard phrase
// gives no events, and Explain says which phrase, where, and from which
// dictionary line, instead of an empty list.
func TestExplainStoryDiscard(t *testing.T) {
	d := caseDicts(t)
	const conll = `# text = Russia condemned Turkey.
1	Russia	Russia	PROPN	_	_	2	nsubj	_	_
2	condemned	condemn	VERB	_	_	0	root	_	_
3	Turkey	Turkey	PROPN	_	_	2	obj	_	_
4	.	.	PUNCT	_	_	2	punct	_	_

# text = The Grand Prix went on.
1	The	the	DET	_	_	3	det	_	_
2	Grand	Grand	PROPN	_	_	3	compound	_	_
3	Prix	Prix	PROPN	_	_	4	nsubj	_	_
4	went	go	VERB	_	_	0	root	_	_
5	on	on	ADV	_	_	4	advmod	_	_
6	.	.	PUNCT	_	_	4	punct	_	_

`
	txt := "Russia condemned Turkey. The Grand Prix went on."
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	evs, decisions, err := c.Explain(context.Background(), caseDoc(t, txt, []byte(conll)), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 0 {
		t.Errorf("events %+v: a story-level discard keeps the whole article uncoded", evs)
	}
	if len(decisions) != 1 || decisions[0].Stage != "discard" || decisions[0].Word != "Grand Prix" || decisions[0].Sentence != 1 ||
		txt[decisions[0].Span.Start:decisions[0].Span.End] != "Grand Prix" || !strings.Contains(decisions[0].Why, "discards.txt:") {
		t.Errorf("decisions %+v: want one discard decision naming Grand Prix in sentence 1 and its dictionary line", decisions)
	}
	// Without the phrase the first sentence is coded: the discard, not the
	// sentence, kept the events out.
	evs, err = c.Code(context.Background(), caseDoc(t, "Russia condemned Turkey.", []byte(conll[:strings.Index(conll, "# text = The")])), time.Time{})
	if err != nil || len(evs) != 1 {
		t.Errorf("without the phrase: events %+v, %v; want the condemnation", evs, err)
	}
}

// TestKinName: a person's bare surname after another first name ("Ivanka
// Trump") is another member of the family, not the office holder; a
// title or an honorific before it ("President Trump", "Mr Trump") is not
// a first name.
func TestKinName(t *testing.T) {
	d, err := dict.Load(fstest.MapFS{
		"a.txt": &fstest.MapFile{Data: []byte("DONALD_TRUMP_\n+TRUMP_\n\t[USAGOV >20170120]\n\t[USAELI]\nIRAN_ [IRN]\n")},
		"g.txt": &fstest.MapFile{Data: []byte("PRESIDENT [~GOV]\n")},
		"v.txt": &fstest.MapFile{Data: []byte("--- CONDEMN [111] ---\nCONDEMN\n")},
	}, dict.Files{Actors: []string{"a.txt"}, Agents: []string{"g.txt"}, Verbs: []string{"v.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	for _, tc := range []struct {
		first, upos, rel string
		want             string
	}{
		{"Ivanka", "PROPN", "compound", ""},
		{"President", "PROPN", "compound", "USAGOV"},
		{"Mr", "PROPN", "compound", "USAGOV"},
	} {
		txt := tc.first + " Trump condemned Iran."
		conll := "# text = " + txt + "\n1\t" + tc.first + "\t" + tc.first + "\t" + tc.upos + "\t_\t_\t2\t" + tc.rel + "\t_\t_\n" +
			"2\tTrump\tTrump\tPROPN\t_\t_\t3\tnsubj\t_\t_\n3\tcondemned\tcondemn\tVERB\t_\t_\t0\troot\t_\t_\n" +
			"4\tIran\tIran\tPROPN\t_\t_\t3\tobj\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n"
		evs, err := c.Code(context.Background(), caseDoc(t, txt, []byte(conll)), time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(evs) == 1 {
			got = evs[0].Source.Code
		}
		if got != tc.want || len(evs) > 1 {
			t.Errorf("%s: events %+v, want source %q", txt, evs, tc.want)
		}
	}
}

// TestFactualityUnderway: the complement of an asserted verb of beginning
// or continuing is under way ("Russia began attacking Turkey"), whatever
// the factuality model, which reads an unfinished act as uncertain, says
// of it; the model still rules out other acts it scores low that are no
// finite past ("is bombing"; see TestFactualityRefusal).
func TestFactualityUnderway(t *testing.T) {
	d := caseDicts(t)
	txt := "Russia began attacking Turkey. Russia is bombing Iran."
	conll := `# text = Russia began attacking Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	began	begin	VERB	VBD	_	0	root	_	_
3	attacking	attack	VERB	VBG	_	2	xcomp	_	_
4	Turkey	Turkey	PROPN	NNP	_	3	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# text = Russia is bombing Iran.
1	Russia	Russia	PROPN	NNP	_	3	nsubj	_	_
2	is	be	AUX	VBZ	_	3	aux	_	_
3	bombing	bomb	VERB	VBG	_	0	root	_	_
4	Iran	Iran	PROPN	NNP	_	3	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_
`
	doc := caseDoc(t, txt, []byte(conll))
	o := coder.DefaultOptions()
	o.Factuality, o.FactualityMin = lowFactuality{"attacking"}, 0.6
	evs, err := coder.New(d, cameo.Default(), o).Code(context.Background(), doc, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		got = append(got, e.CAMEO+" "+e.Source.Code+" "+e.Target.Code)
	}
	if len(got) != 2 || got[0] != "190 RUS TUR" || got[1] != "190 RUS IRN" {
		t.Errorf("events %v: want the attack under way on Turkey and the attack on Iran", got)
	}
	o.Factuality = lowFactuality{"bombing"}
	evs, err = coder.New(d, cameo.Default(), o).Code(context.Background(), doc, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Target.Code != "TUR" {
		t.Errorf("events %+v: want the attack on Iran ruled out by the model", evs)
	}
}

// TestFactualityRefusal: a finite refusal (12) or criticism (11) is done
// in the refusing, as a statement is made in its saying; the factuality
// model, which reads a refusal as the act not happening ("Iran declined to
// release the sailors" scored 0.39), is not asked; nor for any act in a
// finite past ("attacked", "has attacked"). A verb that is not finite
// ("is condemning") is still put to it.
func TestFactualityRefusal(t *testing.T) {
	d := caseDicts(t)
	txt := "Russia refused Turkey."
	conll := `# text = Russia refused Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	refused	refuse	VERB	VBD	_	0	root	_	_
3	Turkey	Turkey	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_
`
	o := coder.DefaultOptions()
	o.Factuality, o.FactualityMin = lowFactuality{"refused"}, 0.6
	evs, err := coder.New(d, cameo.Default(), o).Code(context.Background(), caseDoc(t, txt, []byte(conll)), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].CAMEO != "120" || evs[0].Source.Code != "RUS" || evs[0].Target.Code != "TUR" {
		t.Errorf("events %+v: want the refusal 120 RUS TUR whatever the model says", evs)
	}
	for _, tc := range []struct {
		txt, conll string
		want       int
		veto       string // the word the model vetoes; "" for the verb before the last word
	}{
		{"Russia condemned Turkey.", `# text = Russia condemned Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	condemned	condemn	VERB	VBD	_	0	root	_	_
3	Turkey	Turkey	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_
`, 1, ""},
		{"Russia is condemning Turkey.", `# text = Russia is condemning Turkey.
1	Russia	Russia	PROPN	NNP	_	3	nsubj	_	_
2	is	be	AUX	VBZ	_	3	aux	_	_
3	condemning	condemn	VERB	VBG	_	0	root	_	_
4	Turkey	Turkey	PROPN	NNP	_	3	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_
`, 0, ""},
		// An appeal or a threat, like a statement or a refusal, is done
		// in the saying: a finite present one is asserted whatever the
		// model says.
		{"Russia calls on Turkey.", `# text = Russia calls on Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	calls	call	VERB	VBZ	_	0	root	_	_
3	on	on	ADP	IN	_	4	case	_	_
4	Turkey	Turkey	PROPN	NNP	_	2	obl	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_
`, 1, "calls"},
		{"Russia threatens Turkey.", `# text = Russia threatens Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	threatens	threaten	VERB	VBZ	_	0	root	_	_
3	Turkey	Turkey	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_
`, 1, ""},
		// A text's first sentence in the simple present is a headline's
		// present: the act is reported as done.
		{"Russia attacks Turkey.", `# text = Russia attacks Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	attacks	attack	VERB	VBZ	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	0	root	_	_
3	Turkey	Turkey	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_
`, 1, ""},
		// A gerund of means is done as its clause is.
		{"Russia responded by attacking Turkey.", `# text = Russia responded by attacking Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	responded	respond	VERB	VBD	_	0	root	_	_
3	by	by	SCONJ	IN	_	4	mark	_	_
4	attacking	attack	VERB	VBG	_	2	advcl	_	_
5	Turkey	Turkey	PROPN	NNP	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_
`, 1, "attacking"},
		// A finite past the rules assert is reported as done; the model
		// does not veto it (nor a perfect).
		{"Russia attacked Turkey.", `# text = Russia attacked Turkey.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	Turkey	Turkey	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_
`, 1, ""},
		{"Russia has attacked Turkey.", `# text = Russia has attacked Turkey.
1	Russia	Russia	PROPN	NNP	_	3	nsubj	_	_
2	has	have	AUX	VBZ	_	3	aux	_	_
3	attacked	attack	VERB	VBN	_	0	root	_	_
4	Turkey	Turkey	PROPN	NNP	_	3	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_
`, 1, ""},
		// A verb whose past is its base form, tagged as a base form, is
		// past with a singular subject of its own, and asserted without
		// the model; with a plural subject the present is as likely, and
		// the model is asked.
		{"Egypt let free Turkish rebels.", `# text = Egypt let free Turkish rebels.
1	Egypt	Egypt	PROPN	NNP	_	2	nsubj	_	_
2	let	let	VERB	VB	Mood=Imp|VerbForm=Fin	0	root	_	_
3	free	free	ADJ	JJ	_	5	amod	_	_
4	Turkish	Turkish	ADJ	JJ	_	5	amod	_	_
5	rebels	rebel	NOUN	NNS	_	2	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_
`, 1, "let"},
		{"Rebels let free Turkish rebels.", `# text = Rebels let free Turkish rebels.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	let	let	VERB	VB	Mood=Imp|VerbForm=Fin	0	root	_	_
3	free	free	ADJ	JJ	_	5	amod	_	_
4	Turkish	Turkish	ADJ	JJ	_	5	amod	_	_
5	rebels	rebel	NOUN	NNS	_	2	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_
`, 0, "let"},
	} {
		veto := tc.veto
		if veto == "" {
			veto = strings.Fields(tc.txt)[len(strings.Fields(tc.txt))-2]
		}
		o.Factuality = lowFactuality{veto}
		evs, err := coder.New(d, cameo.Default(), o).Code(context.Background(), caseDoc(t, tc.txt, []byte(tc.conll)), time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != tc.want {
			t.Errorf("%s: events %+v, want %d", tc.txt, evs, tc.want)
		}
	}
}
