package conflibert

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/eval/fileerr"
)

// The file names inside a ConfliBERT development folder.
const (
	ClassFile = "cameo_class_train.tsv"
	NERFile   = "cameo_ner_train.txt"
)

// MaxLineBytes bounds one line of either file.
const MaxLineBytes = 1 << 20

// MaxFileBytes bounds either file.
const MaxFileBytes = 256 << 20

// Sentence is one line of the class file.
type Sentence struct {
	Text  string
	Class int // PentaClass 0-4
	Line  int
}

// Word is one line of the tag file.
type Word struct {
	Text string
	Tag  string // O, B-S, I-S, B-T, I-T, B-R or I-R
}

// Tagged is one sentence of the tag file: its words in order.
type Tagged struct {
	Words []Word
	Line  int // line of the first word
}

// tags are the tags of the tag file.
var tags = map[string]bool{"O": true, "B-S": true, "I-S": true, "B-T": true, "I-T": true, "B-R": true, "I-R": true}

// lines calls fn with each line of r (without its line break and a final
// \r; a UTF-8 byte-order mark at the start is dropped) and its number. A
// line longer than MaxLineBytes or a file longer than MaxFileBytes stops
// the reading with an error.
func lines(r io.Reader, name string, fn func(n int, line string)) error {
	lr := &io.LimitedReader{R: r, N: MaxFileBytes + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		fn(n, line)
	}
	if lr.N <= 0 {
		return &Error{File: name, Line: n, Msg: fmt.Sprintf("file larger than %d bytes; the rest is not read", MaxFileBytes)}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &Error{File: name, Line: n + 1, Msg: fmt.Sprintf("line longer than %d bytes; the rest is not read", MaxLineBytes)}
		}
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

// ReadClassFile reads a class file. A file that does not exist gives an
// error wrapping fs.ErrNotExist.
func ReadClassFile(path string) ([]Sentence, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadClasses(fh, path)
}

// ReadClasses reads a class file: one sentence a line, a tab, and its
// PentaClass (a digit 0-4); name is used in error messages. Blank lines
// are skipped. A sentence that starts and ends with a double quote is
// unquoted as a CSV field ("" becomes "). Lines without a tab, with an
// empty sentence, a class that is not 0-4, or text that is not UTF-8 are
// reported with file:line in an ErrorList and skipped; the sentences that
// could be read are returned in any case.
func ReadClasses(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var errs ErrorList
	err := lines(r, name, func(n int, line string) {
		if strings.TrimSpace(line) == "" {
			return
		}
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			errs.Add(name, n, "want sentence TAB class")
			return
		}
		s, c := unquote(strings.TrimSpace(line[:i])), strings.TrimSpace(line[i+1:])
		if len(c) != 1 || c[0] < '0' || c[0] > '4' {
			errs.Add(name, n, "class %q: want 0-4", c)
			return
		}
		if s == "" {
			errs.Add(name, n, "empty sentence")
			return
		}
		if !utf8.ValidString(s) {
			errs.Add(name, n, "sentence is not UTF-8")
			return
		}
		out = append(out, Sentence{Text: s, Class: int(c[0] - '0'), Line: n})
	})
	if err != nil {
		return out, errors.Join(errs.Err(), err)
	}
	return out, errs.Err()
}

// unquote removes CSV quoting: a field that starts and ends with a double
// quote loses them, and "" inside becomes ".
func unquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	return strings.TrimSpace(strings.ReplaceAll(s[1:len(s)-1], `""`, `"`))
}

// ReadNERFile reads a tag file. A file that does not exist gives an error
// wrapping fs.ErrNotExist.
func ReadNERFile(path string) ([]Tagged, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadNER(fh, path)
}

// ReadNER reads a tag file: one word a line, a space (or tab) and its tag
// (see Word), a blank line between sentences; name is used in error
// messages. A line without a word and a tag, with an unknown tag or with
// text that is not UTF-8 is reported with file:line in an ErrorList, and
// its whole sentence is skipped (a sentence with a word missing could not
// be joined); the sentences that could be read are returned in any case.
func ReadNER(r io.Reader, name string) ([]Tagged, error) {
	var out []Tagged
	var errs ErrorList
	var cur Tagged
	bad := false
	flush := func() {
		if len(cur.Words) > 0 && !bad {
			out = append(out, cur)
		}
		cur, bad = Tagged{}, false
	}
	err := lines(r, name, func(n int, line string) {
		if strings.TrimSpace(line) == "" {
			flush()
			return
		}
		if cur.Line == 0 {
			cur.Line = n
		}
		line = strings.TrimRight(line, " \t")
		i := strings.LastIndexAny(line, " \t")
		if i < 0 {
			errs.Add(name, n, "want word SPACE tag")
			bad = true
			return
		}
		w, tag := strings.TrimSpace(line[:i]), line[i+1:]
		switch {
		case w == "":
			errs.Add(name, n, "no word before the tag")
		case !tags[tag]:
			errs.Add(name, n, "tag %q: want O, B-S, I-S, B-T, I-T, B-R or I-R", tag)
		case !utf8.ValidString(w):
			errs.Add(name, n, "word is not UTF-8")
		default:
			cur.Words = append(cur.Words, Word{Text: w, Tag: tag})
			return
		}
		bad = true
	})
	flush()
	if err != nil {
		return out, errors.Join(errs.Err(), err)
	}
	return out, errs.Err()
}

// Error is a problem at one line of a file; ErrorList is all of a file's
// problems, reported at once. Both wrap eventwire.ErrInvalid
// (internal/eval/fileerr).
type (
	Error     = fileerr.Error
	ErrorList = fileerr.List
)
