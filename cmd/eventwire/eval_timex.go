package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/timex"
)

// timexDataHint is the annotated set shipped with the repository.
const timexDataHint = "testdata/timex/wikinews.tsv"

// maxTimexFile bounds the annotated file read by "eval timex".
const maxTimexFile = 16 << 20

// timexRow is one annotated expression of testdata/timex (see its README).
type timexRow struct {
	line       int
	id         string
	published  time.Time
	sentence   string
	expression string
	value      string
}

// timexSplit is the half an article's expressions belong to: "dev" when
// the CRC-32 of its id is even, else "test". The split depends on the id
// alone so that it was fixed before any tuning.
func timexSplit(id string) string {
	if crc32.ChecksumIEEE([]byte(id))%2 == 0 {
		return "dev"
	}
	return "test"
}

// readTimexRows reads the tab-separated annotated expressions; every
// problem is reported with its line.
func readTimexRows(path string) ([]timexRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseTimexRows(f, path)
}

// parseTimexRows reads annotated expressions from r, named path in errors.
func parseTimexRows(r io.Reader, path string) ([]timexRow, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxTimexFile))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var rows []timexRow
	var errs []error
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			errs = append(errs, fmt.Errorf("%s:%d: %d columns, want 5 (id, published, sentence, expression, value)", path, n, len(c)))
			continue
		}
		pub, err := time.Parse("2006-01-02", c[1])
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: published %q: want YYYY-MM-DD", path, n, c[1]))
			continue
		}
		if !strings.Contains(c[2], c[3]) {
			errs = append(errs, fmt.Errorf("%s:%d: expression %q is not in the sentence", path, n, c[3]))
			continue
		}
		rows = append(rows, timexRow{line: n, id: c[0], published: pub, sentence: c[2], expression: c[3], value: c[4]})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", path, err))
	}
	return rows, errors.Join(errs...)
}

// timexScore counts one split's results.
type timexScore struct {
	N     int // gold expressions
	Found int // a system expression overlaps the gold one
	Span  int // ... with exactly the gold extent
	Exact int // ... with the gold value
}

func (s timexScore) accuracy() float64 {
	if s.N == 0 {
		return 0
	}
	return float64(s.Exact) / float64(s.N)
}

// timexMiss is a gold expression not given its value.
type timexMiss struct {
	row timexRow
	got string // the system's expression and value; "" when none
}

// scoreTimex finds the date expressions of every row's sentence (parsed
// by parser when it is not nil, else as raw text) against the row's
// publication date, and scores them by split.
func scoreTimex(ctx context.Context, parser annotator, rows []timexRow) (map[string]*timexScore, []timexMiss, error) {
	scores := map[string]*timexScore{"dev": {}, "test": {}}
	var misses []timexMiss
	for _, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		var found []timex.Expr
		if parser != nil {
			doc := text.NewDoc(r.sentence)
			if err := parser.Annotate(ctx, doc); err != nil {
				return nil, nil, fmt.Errorf("line %d: parse: %w", r.line, err)
			}
			found = timex.FindDoc(doc, r.published)
		} else {
			found = timex.Find(r.sentence, r.published)
		}
		s := scores[timexSplit(r.id)]
		s.N++
		start := int32(strings.Index(r.sentence, r.expression))
		end := start + int32(len(r.expression))
		got := ""
		for _, e := range found {
			if e.Span.End <= start || e.Span.Start >= end {
				continue
			}
			s.Found++
			if e.Span.Start == start && e.Span.End == end {
				s.Span++
			}
			if e.Value == r.value {
				s.Exact++
				got = ""
			} else {
				got = fmt.Sprintf("%q %s (%s)", e.Text, e.Value, e.How)
			}
			break
		}
		if got != "" || !overlapsAny(found, start, end) {
			misses = append(misses, timexMiss{r, got})
		}
	}
	return scores, misses, nil
}

func overlapsAny(es []timex.Expr, start, end int32) bool {
	for _, e := range es {
		if e.Span.End > start && e.Span.Start < end {
			return true
		}
	}
	return false
}

// runEvalTimex scores the timex package on annotated date expressions:
// exact accuracy of the value on each half of the set, with the English
// parser's trees (the tense of each clause) and on raw text.
//
// Output: with --errors a line per expression not given its gold value
// (split, line, expression, gold, what was found), then per mode and split
//
//	parsed dev:  expressions N found F span-exact S exact E accuracy A%
func runEvalTimex(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval timex", "--data FILE [--errors] [--split all|dev|test]",
		"eventwire eval timex --data "+timexDataHint)
	data := flags.String("data", timexDataHint, "annotated date expressions, tab-separated (`FILE`; format in testdata/timex/README.md)")
	showErrors := flags.Bool("errors", false, "list the expressions not given their gold value")
	split := flags.String("split", "all", "which half to list with --errors: all, dev or test")
	modelDir := modelsFlag(flags)
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 || (*split != "all" && *split != "dev" && *split != "test") {
		flags.Usage()
		return errUsage
	}
	rows, err := readTimexRows(*data)
	if err != nil && len(rows) == 0 {
		return fmt.Errorf("eval timex: %w", err)
	}
	if err != nil {
		fmt.Fprintf(m.Stderr, "warning: rows skipped:\n%v\n", err)
	}
	parser, err := newEnglish(m.Stderr, *modelDir)
	if err != nil {
		return fmt.Errorf("eval timex: %w", err)
	}
	for _, mode := range []struct {
		name   string
		parser annotator
	}{{"parsed", parser}, {"raw", nil}} {
		start := time.Now()
		scores, misses, err := scoreTimex(ctx, mode.parser, rows)
		if err != nil {
			return fmt.Errorf("eval timex: %w", err)
		}
		if *showErrors {
			for _, ms := range misses {
				sp := timexSplit(ms.row.id)
				if *split != "all" && *split != sp {
					continue
				}
				got := ms.got
				if got == "" {
					got = "not found"
				}
				fmt.Fprintf(m.Stdout, "%s %s line %d: %q gold %s, got %s | %s | %s\n", mode.name, sp, ms.row.line, ms.row.expression, ms.row.value, got, ms.row.published.Format("2006-01-02 Mon"), ms.row.sentence)
			}
		}
		for _, sp := range []string{"dev", "test"} {
			s := scores[sp]
			fmt.Fprintf(m.Stdout, "%s %-5s expressions %d found %d span-exact %d exact %d accuracy %.1f%%\n",
				mode.name, sp+":", s.N, s.Found, s.Span, s.Exact, 100*s.accuracy())
		}
		fmt.Fprintf(m.Stderr, "%s: %d expressions in %v\n", mode.name, len(rows), time.Since(start).Round(time.Millisecond))
	}
	return nil
}
