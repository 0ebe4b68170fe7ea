package events

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/eval/fileerr"
)

// Columns are the fields of a judged-file line, in order.
var Columns = []string{"article_id", "sentence", "cameo", "source_code", "target_code", "verb", "judgement", "note"}

// The judgement values.
const (
	Right = "right"
	Wrong = "wrong"
)

// MaxLineBytes bounds one line of a judged file.
const MaxLineBytes = 1 << 20

// Key identifies a coded event across runs of the coder: an event matches
// a judgement when every field agrees.
type Key struct {
	Article  string // the article's id in the corpus
	Sentence string // the sentence text, exactly as in the article
	CAMEO    string
	Source   string // source actor code
	Target   string // target actor code
	Verb     string // the text of the evidence verb ("" when none)
}

// Judgement is one line of a judged file.
type Judgement struct {
	Key
	// Verdict is Right, Wrong, or "" for a line written by
	// --write-unjudged that no one has judged yet.
	Verdict string
	Note    string
	// Line is the line number in the file (1-based).
	Line int
}

// Judged is a judged file, read.
type Judged struct {
	Name  string
	Lines []*Judgement
	byKey map[Key]*Judgement
}

// Lookup returns the judgement of k, if the file has one.
func (j *Judged) Lookup(k Key) (*Judgement, bool) {
	if j == nil {
		return nil, false
	}
	g, ok := j.byKey[k]
	return g, ok
}

// Error is a problem at one line of a file; ErrorList is all of a file's
// problems, reported at once. Both wrap eventwire.ErrInvalid
// (internal/eval/fileerr).
type (
	Error     = fileerr.Error
	ErrorList = fileerr.List
)

// ReadJudged reads a judged file; name is used in error messages.
//
// Format: UTF-8 text, one event per line, fields separated by tabs in the
// order of Columns. Lines that are empty or start with # are comments (the
// header that documents the file). Trailing empty fields may be left out
// (six fields at least: the verb may be empty but its column must be
// there). In fields, a tab, newline, carriage return and backslash are
// written \t, \n, \r and \\; any other backslash is kept as it is.
// judgement is right, wrong or empty (not judged yet: the event counts as
// unjudged). cameo is 2 to 4 digits; actor codes are non-empty and have
// no spaces. Two lines with the same key are an error.
//
// Bad lines are skipped and reported, all of them, in an ErrorList with
// file:line; the lines that could be read are returned in any case. An
// error reading r is returned alone.
func ReadJudged(r io.Reader, name string) (*Judged, error) {
	j := &Judged{Name: name, byKey: map[Key]*Judgement{}}
	var errs ErrorList
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := readLine(br, MaxLineBytes)
		if errors.Is(err, io.EOF) && line == nil {
			break
		}
		if errors.Is(err, errLineTooLong) {
			errs.Add(name, n, "line longer than %d bytes", MaxLineBytes)
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return j, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		s := strings.TrimSuffix(string(line), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		g, msg := parseJudgement(s)
		if msg != "" {
			errs.Add(name, n, "%s", msg)
			continue
		}
		g.Line = n
		if prev, ok := j.byKey[g.Key]; ok {
			errs.Add(name, n, "same event as line %d (article, sentence, cameo, source, target and verb all agree)", prev.Line)
			continue
		}
		j.byKey[g.Key] = g
		j.Lines = append(j.Lines, g)
	}
	return j, errs.Err()
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its newline, at most max bytes
// long (the rest of a longer line is skipped and errLineTooLong returned).
// At the end of the input it returns nil and io.EOF.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max+1 {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return []byte{}, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			if len(buf) == 0 {
				return nil, err
			}
			return buf, err
		}
		return bytes.TrimSuffix(buf, []byte{'\n'}), nil
	}
}

// parseJudgement reads the fields of one data line; msg says what is wrong.
func parseJudgement(s string) (g *Judgement, msg string) {
	f := strings.Split(s, "\t")
	if len(f) < 6 || len(f) > len(Columns) {
		return nil, fmt.Sprintf("%d tab-separated fields, want 6 to %d (%s)", len(f), len(Columns), strings.Join(Columns, ", "))
	}
	for len(f) < len(Columns) {
		f = append(f, "")
	}
	for i := range f {
		f[i] = Unescape(f[i])
	}
	g = &Judgement{
		Key:     Key{Article: f[0], Sentence: f[1], CAMEO: f[2], Source: f[3], Target: f[4], Verb: f[5]},
		Verdict: strings.TrimSpace(f[6]),
		Note:    f[7],
	}
	switch {
	case g.Article == "":
		return nil, "empty article_id"
	case g.Sentence == "":
		return nil, "empty sentence"
	case !isCAMEO(g.CAMEO):
		return nil, fmt.Sprintf("cameo %q: want 2 to 4 digits", g.CAMEO)
	case !isActorCode(g.Source):
		return nil, fmt.Sprintf("source_code %q: want a non-empty code without spaces", g.Source)
	case !isActorCode(g.Target):
		return nil, fmt.Sprintf("target_code %q: want a non-empty code without spaces", g.Target)
	}
	switch strings.ToLower(g.Verdict) {
	case Right, Wrong, "":
		g.Verdict = strings.ToLower(g.Verdict)
	default:
		return nil, fmt.Sprintf("judgement %q: want right, wrong or empty", g.Verdict)
	}
	return g, ""
}

func isCAMEO(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isActorCode(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t\n\r")
}

// Escape writes s as a TSV field: tab, newline, carriage return and
// backslash become \t, \n, \r and \\.
func Escape(s string) string {
	if !strings.ContainsAny(s, "\t\n\r\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Unescape undoes Escape. A backslash before any other character, or at
// the end, is kept as it is.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch s[i+1] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte(c)
			continue
		}
		i++
	}
	return b.String()
}

// FormatLine returns the TSV line of a judgement (without a newline).
func FormatLine(g *Judgement) string {
	f := []string{g.Article, g.Sentence, g.CAMEO, g.Source, g.Target, g.Verb, g.Verdict, g.Note}
	for i := range f {
		f[i] = Escape(f[i])
	}
	return strings.Join(f, "\t")
}

// Header is the comment that starts a file written by WriteUnjudged: the
// column names.
const Header = "# article_id\tsentence\tcameo\tsource_code\ttarget_code\tverb\tjudgement\tnote\n"
