package coder_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/text"
)

// TestNewsDump is a reading aid, not a check: with CODER_DUMP=FILE (a
// JSONL corpus with "id", "published" and "text", or a plain text file) it
// parses each text with nlp/english, codes it with the shipped
// dictionaries and prints every sentence with its parse and its events, so
// that a reader can judge them sentence by sentence. CODER_DUMP_N limits
// the number of JSONL records.
func TestNewsDump(t *testing.T) {
	path := os.Getenv("CODER_DUMP")
	if path == "" {
		t.Skip("set CODER_DUMP=FILE to print parses and events of real text")
	}
	type rec struct {
		ID, Published, Text string
	}
	var recs []rec
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".jsonl") {
		sc := bufio.NewScanner(strings.NewReader(string(raw)))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var r rec
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, r)
		}
	} else {
		recs = append(recs, rec{ID: path, Published: os.Getenv("CODER_DUMP_DATE"), Text: string(raw)})
	}
	n := len(recs)
	if s := os.Getenv("CODER_DUMP_N"); s != "" {
		fmt.Sscan(s, &n)
	}
	p, err := english.New()
	if err != nil {
		t.Skipf("no parser: %v", err)
	}
	d, _ := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	total := 0
	for _, r := range recs[:min(n, len(recs))] {
		doc := text.NewDoc(r.Text)
		if err := p.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		date, _ := time.Parse("2006-01-02", r.Published)
		evs, err := c.Code(context.Background(), doc, date)
		if err != nil {
			t.Fatal(err)
		}
		total += len(evs)
		fmt.Fprintf(w, "=== %s (%d events)\n", r.ID, len(evs))
		for si, s := range doc.Sents {
			var sevs []string
			for _, e := range evs {
				if e.Sentence == si {
					sevs = append(sevs, fmt.Sprintf("  EVENT %s %s %q -> %s %q verb %q [%s]", e.CAMEO, e.Source.Code, doc.Text[e.Evidence.Source.Start:e.Evidence.Source.End],
						e.Target.Code, doc.Text[e.Evidence.Target.Start:e.Evidence.Target.End], doc.Text[e.Evidence.Verb.Start:e.Evidence.Verb.End], e.Pattern))
				}
			}
			if os.Getenv("CODER_DUMP_EVENTS_ONLY") != "" && len(sevs) == 0 {
				continue
			}
			fmt.Fprintf(w, "s%d: %s\n", si, doc.Text[doc.Tokens[s.Start].Start:doc.Tokens[s.End-1].End])
			if os.Getenv("CODER_DUMP_TREE") != "" {
				for i := s.Start; i < s.End; i++ {
					tk := doc.Tokens[i]
					h := int(tk.Head) - int(s.Start) + 1
					if tk.Head < 0 {
						h = 0
					}
					fmt.Fprintf(w, "    %d %s %s %d %s\n", int(i-s.Start)+1, doc.Text[tk.Start:tk.End], tk.UPOS, h, tk.Dep)
				}
			}
			for _, e := range sevs {
				fmt.Fprintln(w, e)
			}
		}
	}
	fmt.Fprintf(w, "TOTAL %d events\n", total)
}
