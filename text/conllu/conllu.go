// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
//
// Reading rebuilds each sentence's text from its "# text" comment when there
// is one (otherwise from the word forms and SpaceAfter=No), so that every
// token of the resulting text.Doc has byte offsets into real text, exactly as
// a Doc produced by the tokenizer does. Empty nodes (n.m lines) are skipped;
// multi-word token ranges (n-m lines) become Doc.MWTs.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/text"
)

// Sentence is one CoNLL-U sentence: its comments and its words, kept inside
// a Doc that holds the sentence alone.
type Sentence struct {
	ID     string // "# sent_id"
	Text   string // "# text", or the text rebuilt from forms
	NewDoc bool   // "# newdoc" seen before it
	NewPar bool   // "# newpar" seen before it
	// NoSpaceAfter reports SpaceAfter=No on the sentence's last token: in the
	// running text the next sentence follows without a space.
	NoSpaceAfter bool
	Comments     []string
	Doc          *text.Doc
}

// Error is a problem at a line of the input.
type Error struct {
	File string // set by Reader.Named; "" when unknown
	Line int
	Msg  string
}

// Error formats the problem as file:line: msg (or line N: msg without a
// file name).
func (e *Error) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// ErrorList is every problem ReadAll found, in input order.
type ErrorList []*Error

// maxListed bounds how many problems ErrorList.Error spells out.
const maxListed = 10

// Error lists the first problems, one per line, and counts the rest.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == maxListed {
			fmt.Fprintf(&b, "\n(and %d more)", len(l)-maxListed)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// MaxLineBytes bounds one input line.
const MaxLineBytes = 1 << 20

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
	err  error
}

// Named sets the file name that errors report, and returns r.
func (r *Reader) Named(name string) *Reader {
	r.name = name
	return r
}

func (r *Reader) errorf(format string, args ...any) *Error {
	return &Error{File: r.name, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// NewReader returns a Reader on r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLineBytes)
	return &Reader{sc: sc}
}

type word struct {
	form, lemma, upos, xpos, feats, deprel, misc string
	head                                         int
	spaceAfter                                   bool
}

type mwt struct {
	first, last int // 1-based word ids
	form        string
	spaceAfter  bool
}

// Next returns the next sentence, or io.EOF after the last. A malformed
// sentence gives an *Error; the reader then skips to the next blank line, so
// calling Next again continues with the following sentence.
func (r *Reader) Next() (*Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	s := &Sentence{}
	var words []word
	var mwts []mwt
	var bad *Error
	started := false
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if !started {
				continue
			}
			break
		}
		started = true
		if bad != nil {
			continue
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, line)
			c := strings.TrimSpace(line[1:])
			switch {
			case strings.HasPrefix(c, "sent_id"):
				s.ID = commentValue(c)
			case strings.HasPrefix(c, "text ") || strings.HasPrefix(c, "text="):
				s.Text = commentValue(c)
			case strings.HasPrefix(c, "newdoc"):
				s.NewDoc = true
			case strings.HasPrefix(c, "newpar"):
				s.NewPar = true
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			bad = r.errorf("want 10 tab-separated fields, have %d", len(f))
			continue
		}
		id := f[0]
		if strings.Contains(id, ".") {
			continue // empty node
		}
		if i := strings.IndexByte(id, '-'); i > 0 {
			a, err1 := strconv.Atoi(id[:i])
			b, err2 := strconv.Atoi(id[i+1:])
			if err1 != nil || err2 != nil || a != len(words)+1 || b <= a || len(mwts) > 0 && mwts[len(mwts)-1].last >= a {
				bad = r.errorf("bad multi-word token range %q", id)
				continue
			}
			if blank(f[1]) {
				// A token with no characters but spaces: its words would
				// have none either, and nothing could align them.
				bad = r.errorf("empty FORM of multi-word token %q", id)
				continue
			}
			mwts = append(mwts, mwt{first: a, last: b, form: f[1], spaceAfter: !hasNoSpace(f[9])})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(words)+1 {
			bad = r.errorf("word id %q out of sequence (want %d)", id, len(words)+1)
			continue
		}
		if blank(f[1]) {
			bad = r.errorf("empty FORM")
			continue
		}
		w := word{form: f[1], lemma: f[2], upos: f[3], xpos: f[4], feats: f[5], deprel: f[7], misc: f[9], head: -2}
		if f[6] != "_" {
			h, err := strconv.Atoi(f[6])
			if err != nil || h < 0 {
				bad = r.errorf("bad HEAD %q", f[6])
				continue
			}
			w.head = h
		}
		w.spaceAfter = !hasNoSpace(f[9])
		words = append(words, w)
	}
	if err := r.sc.Err(); err != nil {
		where := fmt.Sprintf("line %d", r.line+1)
		if r.name != "" {
			where = fmt.Sprintf("%s:%d", r.name, r.line+1)
		}
		r.err = fmt.Errorf("conllu: %s: %w", where, err)
		return nil, r.err
	}
	if !started {
		r.err = io.EOF
		return nil, io.EOF
	}
	if bad != nil {
		return nil, bad
	}
	if len(words) == 0 {
		return nil, r.errorf("sentence has no words")
	}
	for i, w := range words {
		if w.head > len(words) {
			return nil, r.errorf("HEAD %d beyond the sentence's %d words", w.head, len(words))
		}
		if w.head == i+1 {
			return nil, r.errorf("word %d is its own HEAD", i+1)
		}
	}
	for _, m := range mwts {
		if m.last > len(words) {
			return nil, r.errorf("multi-word token %d-%d beyond the sentence", m.first, m.last)
		}
	}
	s.NoSpaceAfter = !words[len(words)-1].spaceAfter
	if len(mwts) > 0 && mwts[len(mwts)-1].last == len(words) {
		s.NoSpaceAfter = !mwts[len(mwts)-1].spaceAfter
	}
	d, txt := build(words, mwts, s.Text)
	if s.Text == "" {
		s.Text = txt
	}
	s.Doc = d
	return s, nil
}

func commentValue(c string) string {
	if i := strings.IndexByte(c, '='); i >= 0 {
		return strings.TrimSpace(c[i+1:])
	}
	return ""
}

func hasNoSpace(misc string) bool {
	if misc == "_" {
		return false
	}
	for _, kv := range strings.Split(misc, "|") {
		if kv == "SpaceAfter=No" {
			return true
		}
	}
	return false
}

// build lays the surface tokens out in a text and makes the Doc. When the
// sentence's own text is given, surface tokens are found in it in order
// (skipping whitespace); tokens that cannot be found fall back to a rebuilt
// text, so the Doc is valid whatever the input.
func build(words []word, mwts []mwt, given string) (*text.Doc, string) {
	type surf struct {
		form        string
		first, last int // 0-based word indices
		spaceAfter  bool
	}
	var toks []surf
	mi := 0
	for i := 0; i < len(words); {
		if mi < len(mwts) && mwts[mi].first == i+1 {
			m := mwts[mi]
			toks = append(toks, surf{m.form, i, m.last - 1, m.spaceAfter})
			i = m.last
			mi++
			continue
		}
		toks = append(toks, surf{words[i].form, i, i, words[i].spaceAfter})
		i++
	}
	// Try to align with the given text.
	starts := make([]int, len(toks))
	txt := given
	ok := given != ""
	pos := 0
	for k, t := range toks {
		if !ok {
			break
		}
		for pos < len(txt) && isSpace(txt[pos]) {
			pos++
		}
		if strings.HasPrefix(txt[pos:], t.form) {
			starts[k] = pos
			pos += len(t.form)
			continue
		}
		ok = false
	}
	if !ok {
		var b strings.Builder
		for k, t := range toks {
			starts[k] = b.Len()
			b.WriteString(t.form)
			if t.spaceAfter && k+1 < len(toks) {
				b.WriteByte(' ')
			}
		}
		txt = b.String()
	}
	d := &text.Doc{Text: txt, Tokens: make([]text.Token, len(words))}
	for k, t := range toks {
		st := starts[k]
		if t.first != t.last {
			d.MWTs = append(d.MWTs, text.Span{Start: int32(t.first), End: int32(t.last + 1)})
		}
		// Words of a multi-word token take substrings of it where their forms
		// line up; otherwise they share its span and keep their form.
		off := st
		aligned := true
		for i := t.first; i <= t.last; i++ {
			wf := words[i].form
			if !strings.HasPrefix(txt[off:st+len(t.form)], wf) {
				aligned = false
				break
			}
			off += len(wf)
		}
		if t.first != t.last && aligned && off != st+len(t.form) {
			aligned = false
		}
		off = st
		for i := t.first; i <= t.last; i++ {
			w := words[i]
			tok := &d.Tokens[i]
			if aligned {
				tok.Start, tok.End = int32(off), int32(off+len(w.form))
				off += len(w.form)
			} else {
				tok.Start, tok.End = int32(st), int32(st+len(t.form))
				tok.Form = w.form
			}
			fillWord(tok, w)
		}
	}
	d.Sents = []text.Span{{Start: 0, End: int32(len(words))}}
	d.Attrs = text.AttrTokens | text.AttrSents
	for _, w := range words {
		if w.upos != "_" {
			d.Attrs |= text.AttrUPOS
		}
		if w.xpos != "_" {
			d.Attrs |= text.AttrXPOS
		}
		if w.lemma != "_" || w.form == "_" {
			d.Attrs |= text.AttrLemma
		}
		if w.feats != "_" {
			d.Attrs |= text.AttrFeats
		}
		if w.head >= 0 {
			d.Attrs |= text.AttrDeps
		}
	}
	return d, txt
}

func fillWord(tok *text.Token, w word) {
	tok.UPOS, _ = text.ParseUPOS(w.upos)
	if w.xpos != "_" {
		tok.XPOS = w.xpos
	}
	if w.feats != "_" {
		tok.Feats = w.feats
	}
	if w.lemma != "_" || w.form == "_" {
		tok.Lemma = w.lemma
	}
	tok.Head = int32(w.head - 1) // 0 → -1 (root); unset -2 → -3, fixed below
	if w.head < 0 {
		tok.Head = -1
	}
	if w.deprel != "_" {
		tok.Dep = text.DepRel(w.deprel)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ReadAll reads every sentence of r; see Reader.ReadAll.
func ReadAll(r io.Reader) ([]*Sentence, error) { return NewReader(r).ReadAll() }

// ReadAll reads every remaining sentence. Malformed sentences are skipped
// and reported together, in an ErrorList, after the whole input has been
// read, so that a treebank's problems show at once; the good sentences are
// returned either way. A read error stops it and is returned alone.
func (r *Reader) ReadAll() ([]*Sentence, error) {
	var out []*Sentence
	var list ErrorList
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var e *Error
		if errors.As(err, &e) {
			list = append(list, e)
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
	if len(list) > 0 {
		return out, list
	}
	return out, nil
}

// Write writes every sentence of d in CoNLL-U, numbering words from 1 in
// each sentence. It writes "# sent_id" (prefix-N) and "# text" comments,
// multi-word token lines for d.MWTs, and MISC with SpaceAfter=No and the
// token's byte offsets (TokenRange=start:end).
func Write(w io.Writer, d *text.Doc, idPrefix string) error {
	bw := bufio.NewWriter(w)
	mi := 0
	for s := range d.Sents {
		sp := d.Sents[s]
		fmt.Fprintf(bw, "# sent_id = %s%d\n", idPrefix, s+1)
		fmt.Fprintf(bw, "# text = %s\n", oneLine(d.SentText(s)))
		for i := sp.Start; i < sp.End; i++ {
			for mi < len(d.MWTs) && d.MWTs[mi].End <= i {
				mi++
			}
			if mi < len(d.MWTs) && d.MWTs[mi].Start == i {
				m := d.MWTs[mi]
				first, last := d.Tokens[m.Start], d.Tokens[m.End-1]
				misc := []string{}
				if !d.SpaceAfter(int(m.End - 1)) {
					misc = append(misc, "SpaceAfter=No")
				}
				misc = append(misc, fmt.Sprintf("TokenRange=%d:%d", first.Start, last.End))
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.Start-sp.Start+1, m.End-sp.Start,
					field(d.Text[first.Start:last.End]), strings.Join(misc, "|"))
			}
			t := &d.Tokens[i]
			head := "_"
			if d.Attrs.Has(text.AttrDeps) {
				if t.Head < 0 {
					head = "0"
				} else {
					head = strconv.Itoa(int(t.Head - sp.Start + 1))
				}
			}
			inMWT := mi < len(d.MWTs) && d.MWTs[mi].Contains(int(i))
			misc := "_"
			if !inMWT {
				var parts []string
				if !d.SpaceAfter(int(i)) {
					parts = append(parts, "SpaceAfter=No")
				}
				parts = append(parts, fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End))
				misc = strings.Join(parts, "|")
			}
			upos := "_"
			if t.UPOS != text.NoUPOS {
				upos = t.UPOS.String()
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i-sp.Start+1, field(d.Form(int(i))),
				field(t.Lemma), upos, field(t.XPOS), field(t.Feats), head, field(string(t.Dep)), misc)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// blank reports whether a FORM has no characters but white space, which
// CoNLL-U does not allow (a token is written, spaces at most inside it).
func blank(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }
