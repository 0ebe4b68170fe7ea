package gold_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/eval/gold"
)

// FuzzReadAnnotations: any input gives events and/or an error, never a
// panic; every event read is in a sentence of its article, its texts are
// in that sentence at its spans, and it can be compared and agreed on.
func FuzzReadAnnotations(f *testing.F) {
	good, err := os.ReadFile(filepath.Join("testdata", "good.tsv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(good))
	f.Add(readerB)
	f.Add(tsv("g1", "3", "111", "IGOUNO", "TUR", "he", "“unacceptable”", "") + "\r\n" + tsv("g1", "9", "none") + "\n#\n\t\t\t")
	f.Add(tsv("g2", "1", "NONE", "", "", "", "", "", "n") + "\n" + tsv("g2", "1", "051", "---", "-"))
	arts := fixture(f)
	f.Fuzz(func(t *testing.T, in string) {
		an, _ := gold.ReadAnnotations(strings.NewReader(in), "f.tsv", arts)
		for _, a := range arts.List {
			for _, e := range an.Events(a.ID) {
				s := a.SentText(e.Sent)
				if s == "" || e.Article != a.ID || e.Line <= 0 {
					t.Fatalf("event %+v outside its article's sentences", e)
				}
				for _, c := range []struct {
					text string
					sp   [2]int32
				}{{e.SourceText, [2]int32{e.SourceSpan.Start, e.SourceSpan.End}}, {e.Trigger, [2]int32{e.TriggerSpan.Start, e.TriggerSpan.End}}, {e.TargetText, [2]int32{e.TargetSpan.Start, e.TargetSpan.End}}} {
					if c.text == "" {
						continue
					}
					sent := a.Sentences[e.Sent]
					if c.sp[0] < sent.Start || c.sp[1] > sent.End || a.Text[c.sp[0]:c.sp[1]] != c.text {
						t.Fatalf("text %q at %v is not in sentence %d %v", c.text, c.sp, e.Sent, sent)
					}
				}
			}
			gold.Compare(a, an.Events(a.ID), an.Events(a.ID))
		}
		gold.Agree(arts.List, an, an)
	})
}

// FuzzReadArticles: any input gives articles and/or an error, never a
// panic; every article read has valid sentences (SentText is not empty).
func FuzzReadArticles(f *testing.F) {
	good, err := os.ReadFile(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(good))
	f.Add(`{"id":"a","split":"dev","text":"né.","sentences":[[0,2],[1,4],[-1,3],[0]]}` + "\n{}\nnull\n[1]")
	f.Add(`{"id":"b","split":"test","text":"x","sentences":[[0,1e30]]}`)
	f.Fuzz(func(t *testing.T, in string) {
		arts, _ := gold.ReadArticles(strings.NewReader(in), "f.jsonl")
		for _, a := range arts.List {
			if a.ID == "" || (a.Split != gold.Dev && a.Split != gold.Test) || len(a.Sentences) == 0 {
				t.Fatalf("article %+v read", a)
			}
			for i := range a.Sentences {
				if a.SentText(i) == "" || a.SentenceAt(int(a.Sentences[i].Start)) != i {
					t.Fatalf("article %q sentence %d %v is empty or not found", a.ID, i, a.Sentences[i])
				}
			}
		}
	})
}
