package ud_test

import (
	"compress/gzip"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/ud"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text/conllu"
)

// treebank reads CoNLL-U written with " | " for tabs, to keep the tables
// below readable.
func treebank(t *testing.T, src string) *ud.Treebank {
	t.Helper()
	src = strings.ReplaceAll(strings.TrimSpace(src), " | ", "\t")
	lines := strings.Split(src, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	sents, err := conllu.ReadAll(strings.NewReader(strings.Join(lines, "\n") + "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	var tb ud.Treebank
	for _, s := range sents {
		tb.Add(s.Doc)
	}
	return &tb
}

type want struct{ gold, system, correct int }

func check(t *testing.T, name string, got ud.Score, w want) {
	t.Helper()
	if got.Gold != w.gold || got.System != w.system || got.Correct != w.correct {
		t.Errorf("%s: gold/system/correct = %d/%d/%d, want %d/%d/%d", name, got.Gold, got.System, got.Correct, w.gold, w.system, w.correct)
	}
}

const dontGold = `
1 | I | I | PRON | PRP | Case=Nom|Number=Sing|Person=1|PronType=Prs | 3 | nsubj | _ | _
2-3 | don't | _ | _ | _ | _ | _ | _ | _ | _
2 | do | do | AUX | VBP | Mood=Ind | 4 | aux | _ | _
3 | n't | not | PART | RB | Polarity=Neg | 4 | advmod | _ | _
4 | know | know | VERB | VB | VerbForm=Inf | 0 | root | _ | SpaceAfter=No
5 | . | . | PUNCT | . | _ | 4 | punct | _ | _
`

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name      string
		gold, sys string
		want      map[string]want
	}{
		{
			name: "identical",
			gold: dontGold, sys: dontGold,
			want: map[string]want{"Tokens": {4, 4, 4}, "Words": {5, 5, 5}, "Sentences": {1, 1, 1},
				"UPOS": {5, 5, 5}, "LAS": {5, 5, 5}, "Lemmas": {5, 5, 5}, "UFeats": {5, 5, 5}},
		},
		{
			// The system leaves "don't" whole: tokens all match, but the
			// region of the multi-word token has no common lower-cased form,
			// so "do" and "n't" stay unaligned: words 3 of gold 5, system 4.
			name: "mwt not split",
			gold: dontGold,
			sys: `
1 | I | I | PRON | PRP | _ | 2 | nsubj | _ | _
2 | don't | do | AUX | VBP | _ | 3 | aux | _ | _
3 | know | know | VERB | VB | _ | 0 | root | _ | SpaceAfter=No
4 | . | . | PUNCT | . | _ | 3 | punct | _ | _
`,
			want: map[string]want{"Tokens": {4, 4, 4}, "Words": {5, 4, 3}, "UPOS": {5, 4, 3},
				// "I" is attached to word 2 of the system, which is aligned to
				// nothing, so its head is wrong; "know" (root) and "." are right.
				"UAS": {5, 4, 2}},
		},
		{
			// The system splits the multi-word token differently: "don" +
			// "'t" share no form with "do" + "n't".
			name: "mwt split differently",
			gold: dontGold,
			sys: `
1 | I | I | PRON | PRP | _ | 0 | root | _ | _
2-3 | don't | _ | _ | _ | _ | _ | _ | _ | _
2 | don | do | AUX | VBP | _ | 1 | aux | _ | _
3 | 't | not | PART | RB | _ | 1 | advmod | _ | _
4 | know | know | VERB | VB | _ | 1 | dep | _ | SpaceAfter=No
5 | . | . | PUNCT | . | _ | 1 | punct | _ | _
`,
			want: map[string]want{"Tokens": {4, 4, 4}, "Words": {5, 5, 3}, "UAS": {5, 5, 0}},
		},
		{
			// Hyphenated word: gold a - b c (4 tokens), system a-b c.
			name: "token boundaries",
			gold: `
1 | a | a | X | _ | _ | 0 | root | _ | SpaceAfter=No
2 | - | - | PUNCT | _ | _ | 1 | punct | _ | SpaceAfter=No
3 | b | b | X | _ | _ | 1 | dep | _ | _
4 | c | c | X | _ | _ | 1 | dep | _ | _
`,
			sys: `
1 | a-b | a | X | _ | _ | 0 | root | _ | _
2 | c | c | X | _ | _ | 1 | dep | _ | _
`,
			// Only c matches; its head a-b is not aligned, so UAS is 0.
			want: map[string]want{"Tokens": {4, 2, 1}, "Words": {4, 2, 1}, "UPOS": {4, 2, 1}, "UAS": {4, 2, 0}},
		},
		{
			// Heads and labels: one wrong head, one wrong label, one
			// subtype difference that does not count.
			name: "attachment",
			gold: `
1 | John | John | PROPN | NNP | _ | 3 | nmod:poss | _ | SpaceAfter=No
2 | 's | 's | PART | POS | _ | 1 | case | _ | _
3 | cat | cat | NOUN | NN | _ | 4 | nsubj | _ | _
4 | sleeps | sleep | VERB | VBZ | _ | 0 | root | _ | _
`,
			sys: `
1 | John | John | PROPN | NNP | _ | 3 | nmod | _ | SpaceAfter=No
2 | 's | 's | PART | POS | _ | 3 | case | _ | _
3 | cat | cat | NOUN | NN | _ | 4 | obj | _ | _
4 | sleeps | slept | VERB | VBD | _ | 0 | root | _ | _
`,
			// John: right (nmod:poss and nmod share the universal part).
			// 's: wrong head. cat: right head, wrong label. sleeps: right.
			// UAS 3, LAS 2; lemma and XPOS wrong once.
			want: map[string]want{"UAS": {4, 4, 3}, "LAS": {4, 4, 2}, "Lemmas": {4, 4, 3}, "XPOS": {4, 4, 3}, "UPOS": {4, 4, 4}},
		},
		{
			// Gold two sentences, system one: no sentence matches.
			name: "sentences",
			gold: `
1 | Hi | hi | INTJ | UH | _ | 0 | root | _ | _
2 | there | there | ADV | RB | _ | 1 | advmod | _ | SpaceAfter=No
3 | . | . | PUNCT | . | _ | 1 | punct | _ | _

1 | Bye | bye | INTJ | UH | _ | 0 | root | _ | SpaceAfter=No
2 | . | . | PUNCT | . | _ | 1 | punct | _ | _
`,
			sys: `
1 | Hi | hi | INTJ | UH | _ | 0 | root | _ | _
2 | there | there | ADV | RB | _ | 1 | advmod | _ | SpaceAfter=No
3 | . | . | PUNCT | . | _ | 1 | punct | _ | _
4 | Bye | bye | INTJ | UH | _ | 1 | parataxis | _ | SpaceAfter=No
5 | . | . | PUNCT | . | _ | 4 | punct | _ | _
`,
			// Bye is a root in gold and attached to Hi in the system; its
			// "." is attached to Bye (aligned) in both.
			want: map[string]want{"Sentences": {2, 1, 0}, "Tokens": {5, 5, 5}, "UAS": {5, 5, 4}},
		},
		{
			// Features: only universal features count, in any order.
			name: "ufeats",
			gold: `
1 | dogs | dog | NOUN | NNS | Number=Plur|Foo=Bar | 0 | root | _ | _
2 | run | run | VERB | VBP | Mood=Ind|Tense=Pres | 1 | dep | _ | _
`,
			sys: `
1 | dogs | dog | NOUN | NNS | Number=Plur | 0 | root | _ | _
2 | run | run | VERB | VBP | Tense=Pres | 1 | dep | _ | _
`,
			want: map[string]want{"UFeats": {2, 2, 1}, "AllTags": {2, 2, 1}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := ud.Evaluate(treebank(t, tc.gold), treebank(t, tc.sys))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]ud.Score{"Tokens": sc.Tokens, "Sentences": sc.Sentences, "Words": sc.Words,
				"UPOS": sc.UPOS, "XPOS": sc.XPOS, "UFeats": sc.UFeats, "AllTags": sc.AllTags,
				"Lemmas": sc.Lemmas, "UAS": sc.UAS, "LAS": sc.LAS}
			for name, w := range tc.want {
				check(t, name, got[name], w)
			}
		})
	}
}

func TestScoreRatios(t *testing.T) {
	s := ud.Score{Gold: 5, System: 4, Correct: 3, Aligned: 3}
	if s.Precision() != 0.75 || s.Recall() != 0.6 || s.AlignedAccuracy() != 1 {
		t.Errorf("P/R/acc = %v/%v/%v, want 0.75/0.6/1", s.Precision(), s.Recall(), s.AlignedAccuracy())
	}
	if f := s.F1(); f < 0.6666 || f > 0.6667 {
		t.Errorf("F1 = %v, want 6/9", f)
	}
	if (ud.Score{}).F1() != 0 {
		t.Error("empty score F1 is not 0")
	}
}

func TestTextMismatch(t *testing.T) {
	g := treebank(t, "1 | cat | cat | NOUN | NN | _ | 0 | root | _ | _")
	s := treebank(t, "1 | cap | cap | NOUN | NN | _ | 0 | root | _ | _")
	if _, err := ud.Evaluate(g, s); !errors.Is(err, ud.ErrTextMismatch) {
		t.Fatalf("err = %v, want ErrTextMismatch", err)
	}
}

// TestSelfScoreEWT scores EWT dev against itself: every metric must be
// perfect, which exercises Add on every multi-word token of the treebank.
func TestSelfScoreEWT(t *testing.T) {
	f, err := os.Open(shared.Data(t, "ud", "en_ewt", "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadAll(gz)
	if err != nil {
		t.Fatal(err)
	}
	var g, s ud.Treebank
	for _, x := range sents {
		g.Add(x.Doc)
		s.Add(x.Doc)
	}
	if g.Len() != 25147 || g.Sentences() != 2001 {
		t.Errorf("dev has %d words in %d sentences, want 25147 in 2001", g.Len(), g.Sentences())
	}
	sc, err := ud.Evaluate(&g, &s)
	if err != nil {
		t.Fatal(err)
	}
	for name, x := range map[string]ud.Score{"Tokens": sc.Tokens, "Sentences": sc.Sentences, "Words": sc.Words,
		"UPOS": sc.UPOS, "XPOS": sc.XPOS, "UFeats": sc.UFeats, "Lemmas": sc.Lemmas, "UAS": sc.UAS, "LAS": sc.LAS} {
		if x.F1() != 1 {
			t.Errorf("%s F1 = %v against itself, want 1", name, x.F1())
		}
	}
}
