// Package dict reads event-coding dictionaries in the PETRARCH formats: the
// verb dictionary (synsets, verb blocks, verb forms and patterns), actor
// dictionaries with dated roles, agent dictionaries, discard lists and issue
// lists. The format is documented in PETRARCH's docs/dictionaries.rst.
//
// Readers never panic on input: every problem is reported with its file and
// line in an ErrorList, and the entries that could be read are kept, so a
// caller may decide to go on with a dictionary that has a few bad lines.
//
// Verb files layer: Files.Verbs are read in order, and a verb phrase that a
// later file lists again amends the entry of the earlier file instead of
// standing beside it. PETRARCH's documentation does not say what a verb
// listed twice means; this is eventwire's extension, so that a correction
// file never has to copy an upstream block:
//
//   - a [code] on the later verb, or in its block header, replaces the
//     earlier code of the verb on its own; [---] withdraws it, so the verb
//     codes only through patterns. A header without a code keeps the
//     earlier code (for a new verb it means [---], as in PETRARCH).
//   - the later block's patterns are tried with the earlier entry's; an
//     earlier pattern with the same elements as a later one is dropped, so
//     "- * &WEAPON [---]" withdraws one upstream pattern and
//     "- * &WEAPON [073]" re-codes it.
//   - look-ups return the amended entry where the earlier one stood
//     (Verb.Amends points to it), for every entry of the phrase in the
//     earlier file (upstream lists BEAT twice; "beaten" reaches the
//     second).
//
// Within one file a phrase listed twice keeps its first entry, as before.
//
// In actor files, primary phrases written in a row before any code are
// one record, sharing the codes that follow (Phoenix writes
// MIKHAIL_GORBACHEV_, EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV, ..., then the
// dated roles); PETRARCH's documentation gives such a phrase no meaning
// of its own.
//
// Words are matched in a normalised key form (see Key): upper case, with
// underscores standing for blanks in multi-word phrases. Actor and agent
// look-ups also accept transliteration variants of long proper names
// (Nazarbaev/Nazarbayev, Hizballah/Hezbollah) through a consonant skeleton
// (see Skeleton).
package dict

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Files names the dictionary files to load, by kind. Within a kind, later
// files layer on top of earlier ones: their entries win ties, and a verb
// that a later verb file lists again amends the earlier entry (see the
// package documentation).
type Files struct {
	Verbs    []string
	Actors   []string
	Agents   []string
	Discards []string
	Issues   []string
}

// Dictionaries holds every dictionary the coder uses. A zero kind (no file
// of that kind loaded) is an empty, usable dictionary.
type Dictionaries struct {
	Verbs    *Verbs
	Actors   *Actors
	Agents   *Agents
	Discards *Discards
	Issues   *Issues
	// Digest identifies what was loaded: the first 12 hex digits of a
	// SHA-256 over each file's name and bytes, in load order. Events
	// carry it, so data coded with different dictionaries can be told
	// apart.
	Digest string
}

// Error is one problem at a line of a dictionary file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error returns "file:line: message".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is a list of problems, in file and line order, in the manner of
// go/scanner.ErrorList.
type ErrorList []*Error

func (l *ErrorList) add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Error summarises the list: the first problem and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// MaxFileBytes bounds the size of one dictionary file.
const MaxFileBytes = 64 << 20

// Load reads the named files from fsys. It always returns usable
// Dictionaries holding every entry that could be read; its error, when not
// nil, is an ErrorList with every problem at file:line (or a single
// problem for a file that could not be read at all).
func Load(fsys fs.FS, f Files) (*Dictionaries, error) {
	d := &Dictionaries{
		Verbs:    newVerbs(),
		Actors:   newActors(),
		Agents:   newAgents(),
		Discards: &Discards{},
		Issues:   &Issues{},
	}
	var errs ErrorList
	sum := sha256.New()
	read := func(names []string, parse func(name string, data []byte, errs *ErrorList)) {
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				errs.add(name, 0, "%v", err)
				continue
			}
			fmt.Fprintf(sum, "%s\x00%d\x00", name, len(data))
			sum.Write(data)
			if len(data) > MaxFileBytes {
				errs.add(name, 0, "file of %d bytes exceeds the limit of %d", len(data), MaxFileBytes)
				continue
			}
			parse(name, data, &errs)
		}
	}
	read(f.Verbs, d.Verbs.parse)
	read(f.Actors, d.Actors.parse)
	read(f.Agents, d.Agents.parse)
	read(f.Discards, d.Discards.parse)
	read(f.Issues, d.Issues.parse)
	d.Digest = hex.EncodeToString(sum.Sum(nil))[:12]
	d.Verbs.finish()
	d.Actors.finish()
	d.Agents.finish()
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].File != errs[j].File {
			return false
		}
		return errs[i].Line < errs[j].Line
	})
	return d, errs.Err()
}

// line is one logical line of a dictionary file: its number, its text with
// the comment removed, and whether it began with a tab.
type line struct {
	n   int
	s   string
	tab bool
}

// lines splits data into non-blank lines with comments removed. XML-style
// comment lines (<!-- ... -->), which PETRARCH's files use as headers, are
// dropped too.
func lines(data []byte) []line {
	var out []line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), MaxFileBytes)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw = raw[:i]
		}
		tab := len(raw) > 0 && (raw[0] == '\t' || raw[0] == ' ')
		s := strings.TrimSpace(strings.TrimRight(raw, "\r"))
		if s == "" || strings.HasPrefix(s, "<!--") {
			continue
		}
		out = append(out, line{n: n, s: s, tab: tab})
	}
	return out
}

// Key returns the normalised form of one word for matching: upper case.
func Key(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'a' && c <= 'z' || c >= 0x80 {
			return strings.ToUpper(word)
		}
	}
	return word
}

// Skeleton returns the transliteration key of an upper-case word: its
// letters without vowels (A E I O U Y), with doubled letters collapsed and
// the first letter kept whatever it is. Two spellings of one foreign name
// usually share a skeleton: NAZARBAEV and NAZARBAYEV give NZRBV, HIZBALLAH
// and HEZBOLLAH give HZBLH. Skeleton returns "" for words shorter than six
// letters or with fewer than five consonants, whose keys are not
// selective (MICHAEL and MECHEL would share MCHL).
func Skeleton(w string) string {
	if len(w) < 6 {
		return ""
	}
	var b [64]byte
	out := b[:0]
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			if c == '-' || c == '\'' {
				continue
			}
			return ""
		}
		if i > 0 {
			switch c {
			case 'A', 'E', 'I', 'O', 'U', 'Y':
				continue
			}
		}
		if c == last {
			continue
		}
		if c == 'K' && last == 'C' || c == 'C' && last == 'K' { // CK, KH/CH variants stay distinct otherwise
			last = c
			continue
		}
		out = append(out, c)
		last = c
	}
	if len(out) < 5 {
		return "" // MCHL would make MICHAEL the company MECHEL
	}
	return string(out)
}

// splitPhrase splits a PETRARCH phrase string into upper-case words; blanks
// and underscores both separate words. It reports whether the phrase ended
// with an underscore (an exact, non-stemmed last word).
func splitPhrase(s string) (words []string, exact bool) {
	s = strings.TrimSpace(s)
	exact = strings.HasSuffix(s, "_")
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	for _, w := range f {
		words = append(words, Key(w))
	}
	return words, exact
}

// bracket finds the first [...] in s and returns the text before it, its
// contents, and the text after it. ok is false when there is no complete
// bracket.
func bracket(s string) (before, inside, after string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, "", "", false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return s, "", "", false
	}
	return s[:i], strings.TrimSpace(s[i+1 : i+j]), s[i+j+1:], true
}

// plurals returns the regular plurals of an upper-case noun as PETRARCH
// forms them: +S, Y→IES, and +ES after S, SH, CH, X and Z.
func plurals(w string) []string {
	switch {
	case w == "":
		return nil
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return []string{w[:len(w)-1] + "IES"}
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"):
		return []string{w + "ES"}
	}
	return []string{w + "S"}
}
