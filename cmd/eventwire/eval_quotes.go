package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// polnearHint says where the PolNeAR attribution corpus lives.
const polnearHint = "../shared/data/quotes/polnear"

// runEvalQuotes attributes the quotes of every article of PolNeAR's dev
// compartment (DIR/dev/text/*.txt, brat annotations in
// DIR/dev/attributions/*.ann) and scores them against its attributions.
//
// Matching rule. A system quote and a gold attribution match when their
// content stretches share at least one non-space character; pairs are
// made one to one, largest overlap first. Content overlap precision is the
// share of system quotes matched, recall the share of gold attributions
// matched; exact content counts a match only when both contents are equal
// once quotation marks, spaces and the punctuation at their ends are
// removed; content chars is the share of the non-space characters of the
// system contents (P) and of the gold contents (R) that matched pairs
// share, so that a content cut too long or too short costs. A speaker is
// right when the quote is matched and its speaker mention
// (Quote.SpeakerSpan, or the reporter's, Evidence.ReportedBy, when the
// quote is inside a report: see polnearSource) shares a non-space
// character with the gold Source;
// speaker precision is over the system quotes (less those matched to an
// attribution the gold gives no source), recall over the gold
// attributions that have a source. Direct, mixed and indirect are scored
// apart: a gold attribution is direct when its content is wholly in
// quotation marks, mixed when it holds some, indirect otherwise (beliefs
// included); the precision of a kind is over the system quotes of that
// kind, its recall over the gold attributions of that kind.
//
// Each article is in one half, tune or check, by the FNV-1a hash of its
// name (even: tune); an article annotated twice is scored with its first
// annotation file.
func runEvalQuotes(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlagSet("eval quotes", "--data DIR [--part all|tune|check] [--errors N]",
		"eventwire eval quotes --data "+polnearHint)
	dataDir := flags.String("data", "", "the PolNeAR `folder` (it holds dev/text and dev/attributions)")
	part := flags.String("part", "all", "`part` whose errors --errors prints: all, tune or check (the scores of all three are printed)")
	nErr := flags.Int("errors", 0, "print up to `N` missed and N spurious quotes of the selected part on stderr, for error analysis")
	modelDir, quiet := modelsFlag(flags), flags.Bool("quiet", false, "no progress line on a terminal")
	rest, err := parseFlagsInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 || *dataDir == "" {
		flags.Usage()
		return errUsage
	}
	if *part != "all" && *part != "tune" && *part != "check" {
		fmt.Fprintf(m.Stderr, "eval quotes: --part must be all, tune or check, not %q\n", *part)
		flags.Usage()
		return errUsage
	}
	docs, err := readPolNeAR(*dataDir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("eval quotes: %w; PolNeAR is not shipped with eventwire: it is in the project's data folder, %s", err, polnearHint)
	}
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	mf, err := readModels(m.Stderr, *modelDir, tagParseModels...)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	parser, err := mf.english()
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	meter := startCountMeter(m.Stderr, *quiet, len(docs), "articles")
	start := time.Now()
	scores := map[string]*quoteScore{"all": {}, "tune": {}, "check": {}}
	errs := 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			meter.Stop()
			return err
		}
		doc := text.NewDoc(d.text)
		if err := parser.Annotate(ctx, doc); err != nil {
			meter.Failed.Add(1)
			fmt.Fprintf(m.Stderr, "%s: parse: %v\n", d.name, err)
			continue
		}
		qs, err := quote.Attribute(ctx, doc, nil, nil)
		if err != nil {
			meter.Failed.Add(1)
			fmt.Fprintf(m.Stderr, "%s: %v\n", d.name, err)
			continue
		}
		meter.Done.Add(1)
		r := scoreQuotes(d, qs)
		scores["all"].add(r)
		scores[d.part].add(r)
		if *nErr > 0 && (*part == "all" || *part == d.part) && errs < *nErr {
			errs += printQuoteErrors(m.Stderr, d, qs, r, *nErr-errs)
		}
	}
	meter.Stop()
	w := bufio.NewWriter(m.Stdout)
	for _, p := range []string{"all", "tune", "check"} {
		scores[p].print(w, p)
	}
	fmt.Fprintf(w, "articles %d in %.1fs\n", len(docs), time.Since(start).Seconds())
	return w.Flush()
}

// polnearDoc is one annotated article.
type polnearDoc struct {
	name, part, text string
	gold             []goldAttr
}

// goldAttr is one PolNeAR attribution, in byte offsets of the text.
type goldAttr struct {
	source  []text.Span
	cue     []text.Span
	content []text.Span
	kind    string
}

// readPolNeAR reads dir/dev: each text with its first annotation file.
func readPolNeAR(dir string) ([]polnearDoc, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "dev", "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "dev", "text"), fs.ErrNotExist)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "dev", "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	var docs []polnearDoc
	for _, tp := range texts {
		name := strings.TrimSuffix(filepath.Base(tp), ".txt")
		var ann string
		for _, a := range anns {
			if b := filepath.Base(a); strings.HasPrefix(b, name+"_") && !strings.Contains(strings.TrimPrefix(b, name+"_"), "_") {
				ann = a
				break
			}
		}
		if ann == "" {
			continue
		}
		b, err := os.ReadFile(tp)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(ann)
		if err != nil {
			return nil, err
		}
		gold, err := readBrat(f, string(b))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ann, err)
		}
		docs = append(docs, polnearDoc{name: name, part: polnearPart(name), text: string(b), gold: gold})
	}
	return docs, nil
}

// polnearPart is the half an article belongs to: tune when the FNV-1a
// hash of its name is even, check otherwise.
func polnearPart(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

// readBrat reads the attributions of a brat file over txt, turning its
// character offsets into byte offsets.
func readBrat(r io.Reader, txt string) ([]goldAttr, error) {
	// byteAt[i] is the byte offset of character i.
	byteAt := make([]int32, 0, len(txt)+1)
	for i := range txt {
		byteAt = append(byteAt, int32(i))
	}
	byteAt = append(byteAt, int32(len(txt)))
	spans := map[string][]text.Span{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var events [][]string
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(fields[0], "T"):
			_, ranges, _ := strings.Cut(fields[1], " ")
			var ss []text.Span
			for _, rg := range strings.Split(ranges, ";") {
				a, b, ok := strings.Cut(rg, " ")
				i, err1 := strconv.Atoi(a)
				j, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || i < 0 || j < i || j >= len(byteAt) {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, rg)
				}
				ss = append(ss, text.Span{Start: byteAt[i], End: byteAt[j]})
			}
			spans[fields[0]] = ss
		case strings.HasPrefix(fields[0], "E"):
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []goldAttr
	for _, ev := range events {
		var g goldAttr
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch {
			case role == "Source":
				g.source = append(g.source, spans[id]...)
			case role == "Cue":
				g.cue = append(g.cue, spans[id]...)
			case strings.HasPrefix(role, "Content"):
				g.content = append(g.content, spans[id]...)
			}
		}
		if len(g.content) == 0 {
			continue
		}
		sort.Slice(g.content, func(i, j int) bool { return g.content[i].Start < g.content[j].Start })
		g.kind = goldKind(txt, g.content)
		out = append(out, g)
	}
	return out, nil
}

// isDoubleMark reports whether r is a double quotation mark.
func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// goldKind is direct when the content is wholly in quotation marks, mixed
// when it holds some, indirect otherwise.
func goldKind(txt string, content []text.Span) string {
	var b strings.Builder
	for _, c := range content {
		b.WriteString(txt[c.Start:c.End])
		b.WriteByte(' ')
	}
	s := strings.TrimRightFunc(b.String(), func(r rune) bool { return unicode.IsSpace(r) || r == '.' || r == ',' || r == ';' || r == ':' })
	s = strings.TrimSpace(s)
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case isDoubleMark(first) && isDoubleMark(last):
		return "direct"
	case strings.IndexFunc(s, isDoubleMark) >= 0:
		return "mixed"
	}
	return "indirect"
}

// docResult is how one article's quotes matched its gold.
type docResult struct {
	match       []int // gold index of each system quote, -1 for none
	goldMatched []bool
	exact       []bool // per system quote
	speakerOK   []bool // per system quote
	kinds       []string
	gold        []goldAttr
	// shared counts the non-space characters that matched pairs share,
	// sysChars and goldChars those of all system and gold contents.
	shared, sysChars, goldChars int
}

// overlap counts the non-space characters of txt that spans a and b
// share.
func overlap(txt string, a, b []text.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += chars(txt[lo:hi])
			}
		}
	}
	return n
}

// chars counts the non-space characters of s.
func chars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// spanChars counts the non-space characters of txt in the spans ss.
func spanChars(txt string, ss []text.Span) int {
	n := 0
	for _, s := range ss {
		n += chars(txt[s.Start:s.End])
	}
	return n
}

// normContent is the content's text without quotation marks, spaces and
// edge punctuation, for exact matching.
func normContent(txt string, ss []text.Span) string {
	var b strings.Builder
	for _, s := range ss {
		for _, r := range txt[s.Start:s.End] {
			if unicode.IsSpace(r) || isDoubleMark(r) || r == '‘' || r == '’' {
				continue
			}
			b.WriteRune(r)
		}
	}
	return strings.TrimFunc(b.String(), unicode.IsPunct)
}

// polnearSource is the mention of a quote that stands for PolNeAR's
// Source: the speaker, or, when the text says who reports the speech ("the
// agency said the minister told reporters that …"), that reporter.
// PolNeAR's annotation is univocal, each token in at most one attribution,
// so a statement inside a report is content of the report, whose source is
// the outer one; the quote package keeps the inner speaker and names the
// reporter in ReportedBy.
func polnearSource(q eventwire.Quote) text.Span {
	if sp := q.Evidence.ReportedBy; sp.End > sp.Start {
		return sp
	}
	return q.SpeakerSpan
}

func scoreQuotes(d polnearDoc, qs []eventwire.Quote) docResult {
	r := docResult{match: make([]int, len(qs)), goldMatched: make([]bool, len(d.gold)), exact: make([]bool, len(qs)),
		speakerOK: make([]bool, len(qs)), gold: d.gold}
	type pair struct{ q, g, n int }
	var pairs []pair
	for qi, q := range qs {
		r.match[qi] = -1
		r.kinds = append(r.kinds, q.Kind)
		for gi, g := range d.gold {
			if n := overlap(d.text, q.Evidence.Content, g.content); n > 0 {
				pairs = append(pairs, pair{qi, gi, n})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].n > pairs[j].n })
	for _, p := range pairs {
		if r.match[p.q] >= 0 || r.goldMatched[p.g] {
			continue
		}
		r.match[p.q], r.goldMatched[p.g] = p.g, true
		g, q := d.gold[p.g], qs[p.q]
		r.exact[p.q] = normContent(d.text, g.content) == normContent(d.text, q.Evidence.Content)
		if sp := polnearSource(q); sp.End > sp.Start && overlap(d.text, []text.Span{sp}, g.source) > 0 {
			r.speakerOK[p.q] = true
		}
		r.shared += p.n
	}
	for _, q := range qs {
		r.sysChars += spanChars(d.text, q.Evidence.Content)
	}
	for _, g := range d.gold {
		r.goldChars += spanChars(d.text, g.content)
	}
	return r
}

// prf counts system items, gold items and the matches of each.
type prf struct{ sys, sysOK, gold, goldOK int }

func (c prf) String() string {
	p, r := ratio(c.sysOK, c.sys), ratio(c.goldOK, c.gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (sys %d, gold %d)", p, r, f, c.sys, c.gold)
}

// quoteScore accumulates the counts of one part.
type quoteScore struct {
	content, exact prf
	chars          prf             // non-space characters of matched contents
	speaker        map[string]*prf // by kind, and "all"
}

func (s *quoteScore) add(r docResult) {
	if s.speaker == nil {
		s.speaker = map[string]*prf{}
		for _, k := range []string{"all", "direct", "mixed", "indirect"} {
			s.speaker[k] = &prf{}
		}
	}
	s.chars.sys += r.sysChars
	s.chars.sysOK += r.shared
	s.chars.gold += r.goldChars
	s.chars.goldOK += r.shared
	for qi, gi := range r.match {
		s.content.sys++
		s.exact.sys++
		if gi >= 0 {
			s.content.sysOK++
			if r.exact[qi] {
				s.exact.sysOK++
			}
		}
		if gi >= 0 && len(r.gold[gi].source) == 0 {
			continue // the gold gives no speaker to compare
		}
		for _, k := range []string{"all", r.kinds[qi]} {
			if c := s.speaker[k]; c != nil {
				c.sys++
				if r.speakerOK[qi] {
					c.sysOK++
				}
			}
		}
	}
	hit := make([]bool, len(r.gold))
	exact := make([]bool, len(r.gold))
	spk := make([]bool, len(r.gold))
	for qi, gi := range r.match {
		if gi >= 0 {
			hit[gi], exact[gi], spk[gi] = true, r.exact[qi], r.speakerOK[qi]
		}
	}
	for gi, g := range r.gold {
		s.content.gold++
		s.exact.gold++
		if hit[gi] {
			s.content.goldOK++
		}
		if exact[gi] {
			s.exact.goldOK++
		}
		if len(g.source) == 0 {
			continue
		}
		for _, k := range []string{"all", g.kind} {
			s.speaker[k].gold++
			if spk[gi] {
				s.speaker[k].goldOK++
			}
		}
	}
}

func (s *quoteScore) print(w io.Writer, part string) {
	if s.speaker == nil {
		s.add(docResult{})
	}
	fmt.Fprintf(w, "part %s:\n", part)
	fmt.Fprintf(w, "  speaker  all      %v\n", *s.speaker["all"])
	fmt.Fprintf(w, "  speaker  direct   %v\n", *s.speaker["direct"])
	fmt.Fprintf(w, "  speaker  mixed    %v\n", *s.speaker["mixed"])
	fmt.Fprintf(w, "  speaker  indirect %v\n", *s.speaker["indirect"])
	fmt.Fprintf(w, "  content  overlap  %v\n", s.content)
	fmt.Fprintf(w, "  content  exact    %v\n", s.exact)
	fmt.Fprintf(w, "  content  chars    %v\n", s.chars)
}

// printQuoteErrors prints up to n missed gold attributions and spurious
// or misattributed quotes of one article; it returns how many it printed.
func printQuoteErrors(w io.Writer, d polnearDoc, qs []eventwire.Quote, r docResult, n int) int {
	k := 0
	clip := func(s string) string {
		if len(s) > 120 {
			return s[:120] + "…"
		}
		return s
	}
	join := func(ss []text.Span) string {
		var parts []string
		for _, s := range ss {
			parts = append(parts, d.text[s.Start:s.End])
		}
		return strings.Join(parts, " | ")
	}
	for gi, g := range d.gold {
		if k >= n {
			return k
		}
		if !r.goldMatched[gi] {
			fmt.Fprintf(w, "MISS %s [%s] cue=%q src=%q content=%q\n", d.name, g.kind, join(g.cue), join(g.source), clip(join(g.content)))
			k++
		}
	}
	for qi, q := range qs {
		if k >= n {
			return k
		}
		switch gi := r.match[qi]; {
		case gi < 0:
			fmt.Fprintf(w, "SPUR %s [%s] cue=%q spk=%q content=%q\n", d.name, q.Kind, q.Cue, q.Speaker.Text, clip(q.Text))
			k++
		case !r.speakerOK[qi] && len(d.gold[gi].source) > 0:
			var by string
			if q.ReportedBy != nil {
				by = fmt.Sprintf(" by=%q", q.ReportedBy.Text)
			}
			fmt.Fprintf(w, "SPKR %s [%s/%s] cue=%q spk=%q%s gold=%q content=%q\n", d.name, q.Kind, d.gold[gi].kind, q.Cue, join([]text.Span{q.SpeakerSpan}), by, join(d.gold[gi].source), clip(q.Text))
			k++
		}
	}
	return k
}
