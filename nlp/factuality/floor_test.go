package factuality

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// Score floors of the embedded model. They only rise: raise them when the
// shipped model improves, never lower them.
const (
	// UDS-IH2 dev, over eventwire's own tags and parses of EWT dev's gold
	// tokens (the shipped model scores r 0.714, accuracy 0.819).
	floorDevPearson  = 0.70
	floorDevAccuracy = 0.81
	// testdata/news.tsv, over the full pipeline on raw text (the shipped
	// model gets 60 of 71 right, 0.845).
	floorNewsAccuracy = 0.83
)

// sharedData opens a file under ../shared/data beside the repository. When
// it is absent the test fails if CI is "true" and is skipped otherwise.
func sharedData(tb testing.TB, rel string) io.Reader {
	tb.Helper()
	f, err := os.Open(shared.Data(tb, filepath.FromSlash(rel)))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	gz, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		tb.Fatal(err)
	}
	return gz
}

// devExamples returns the UDS-IH2 dev judgements over eventwire's own
// annotation of EWT dev, from the gold tokens.
func devExamples(tb testing.TB) []Example {
	tb.Helper()
	js, err := ReadUDS(sharedData(tb, "ud/uds-factuality/uds_factuality_on_ewt2.16.tsv.gz"), "uds_factuality_on_ewt2.16.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	sents, err := conllu.ReadAll(sharedData(tb, "ud/en_ewt/en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	p, err := english.NewTagParse()
	if err != nil {
		tb.Fatal(err)
	}
	byID := map[string]*text.Doc{}
	for _, s := range sents {
		byID[s.ID] = s.Doc
	}
	parsed := map[string]*text.Doc{}
	var ex []Example
	for _, j := range js {
		g := byID[j.SentID]
		if j.Split != "dev" || g == nil || j.Word >= len(g.Tokens) {
			continue
		}
		d := parsed[j.SentID]
		if d == nil {
			d = &text.Doc{Text: g.Text, Tokens: slices.Clone(g.Tokens), Sents: g.Sents, MWTs: g.MWTs, Attrs: text.AttrTokens | text.AttrSents}
			for i := range d.Tokens {
				t := &d.Tokens[i]
				t.UPOS, t.XPOS, t.Lemma, t.Feats, t.Head, t.Dep = 0, "", "", "", -1, ""
			}
			if err := p.Annotate(context.Background(), d); err != nil {
				tb.Fatal(err)
			}
			parsed[j.SentID] = d
		}
		ex = append(ex, Example{Doc: d, Token: j.Word, Value: j.Value})
	}
	return ex
}

func TestUDSDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("parses EWT dev")
	}
	ex := devExamples(t)
	if len(ex) < 2600 {
		t.Fatalf("%d dev judgements matched, want about 2,646", len(ex))
	}
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fact, learned := Evaluate(m, ex)
	t.Logf("dev Factuality %s", fact)
	t.Logf("dev learned    %s", learned)
	if fact.Pearson < floorDevPearson {
		t.Errorf("dev Pearson r %.3f below the floor %.3f", fact.Pearson, floorDevPearson)
	}
	if fact.Accuracy < floorDevAccuracy {
		t.Errorf("dev accuracy of value > 0 %.3f below the floor %.3f", fact.Accuracy, floorDevAccuracy)
	}
}

func TestNewsFloor(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	items := readNews(t)
	if len(items) < 60 {
		t.Fatalf("%d news items, want at least 60", len(items))
	}
	acc, wrong := newsAccuracy(m, items)
	for _, it := range wrong {
		t.Logf("news.tsv:%d: %s (%s): Factuality %.2f", it.line, it.label, it.category, m.Factuality(it.doc, it.tok))
	}
	t.Logf("news accuracy %.3f (%d of %d)", acc, len(items)-len(wrong), len(items))
	if acc < floorNewsAccuracy {
		t.Errorf("news accuracy %.3f below the floor %.3f", acc, floorNewsAccuracy)
	}
}
