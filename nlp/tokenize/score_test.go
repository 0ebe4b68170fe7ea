package tokenize_test

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/ud"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/nlp/tokenize"
	"github.com/eventwire/eventwire/text/conllu"
)

// readShared reads a gzip-compressed CoNLL-U file under ../shared/data;
// when it is absent the test fails under CI and skips otherwise.
func readShared(tb testing.TB, rel ...string) []*conllu.Sentence {
	tb.Helper()
	f, err := os.Open(shared.Data(tb, rel...))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sents, err := conllu.ReadAll(gz)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// TestScoreFloorEWTDev tokenizes the running text of EWT dev and scores it
// with the CoNLL 2018 metrics, in the default (news) mode and with
// EveryGap. The floors only rise: raise them when the tokenizer improves
// (measured 99.64 / 86.78 / 99.31 and, with EveryGap, 90.34 sentences when
// set).
func TestScoreFloorEWTDev(t *testing.T) {
	if testing.Short() {
		t.Skip("reads EWT dev")
	}
	sents := readShared(t, "ud", "en_ewt", "en_ewt-ud-dev.conllu.gz")
	docs := conllu.Documents(sents)
	var gold ud.Treebank
	for _, doc := range docs {
		for _, s := range doc.Sents {
			gold.Add(s.Doc)
		}
	}
	type floor struct {
		name  string
		s     func(ud.Scores) ud.Score
		floor float64
	}
	tokens := func(sc ud.Scores) ud.Score { return sc.Tokens }
	sentences := func(sc ud.Scores) ud.Score { return sc.Sentences }
	words := func(sc ud.Scores) ud.Score { return sc.Words }
	for _, mode := range []struct {
		name   string
		opts   []tokenize.Option
		floors []floor
	}{
		{"default", nil, []floor{{"Tokens", tokens, 99.6}, {"Sentences", sentences, 86.5}, {"Words", words, 99.2}}},
		{"EveryGap", []tokenize.Option{tokenize.EveryGap()}, []floor{{"Sentences", sentences, 90.0}}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			var sys ud.Treebank
			tk := tokenize.New(mode.opts...)
			for _, doc := range docs {
				sys.Add(tk.Tokenize(doc.Text))
			}
			sc, err := ud.Evaluate(&gold, &sys)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range mode.floors {
				got := 100 * f.s(sc).F1()
				t.Logf("%s F1 %.2f (floor %.2f)", f.name, got, f.floor)
				if got < f.floor {
					t.Errorf("%s F1 %.2f fell below its floor %.2f", f.name, got, f.floor)
				}
			}
		})
	}
}

// newsText returns the texts of the Wikinews politics demo articles,
// separated by blank lines; without the corpus the test fails under CI and
// skips otherwise.
func newsText(tb testing.TB) string {
	tb.Helper()
	path := shared.Data(tb, "corpus", "wikinews-politics-demo.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var b2 strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var art struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &art); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		b2.WriteString(art.Text)
		b2.WriteString("\n\n")
	}
	return b2.String()
}

func BenchmarkTokenize(b *testing.B) {
	txt := newsText(b)
	tk := tokenize.New()
	b.SetBytes(int64(len(txt)))
	b.ResetTimer()
	words := 0
	for b.Loop() {
		d := tk.Tokenize(txt)
		words = len(d.Tokens)
	}
	b.StopTimer()
	// 50 articles of a few hundred words: anything far off means the
	// tokenizer broke.
	if words < 15000 || words > 40000 {
		b.Fatalf("tokenized %d words, want 15000-40000", words)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
