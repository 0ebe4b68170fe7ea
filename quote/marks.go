package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/text"
)

// A segment is a stretch of text between quotation marks: one part per
// paragraph it runs over (the convention that repeats the opening mark at
// the start of each paragraph of a long quotation and closes it only at
// the end).
type segment struct {
	open  int         // byte offset of the opening mark
	close int         // byte offset of the closing mark; -1 when a paragraph end closed it
	parts []text.Span // the words inside, trimmed of spaces
	words int
	para  int // paragraph of the opening mark
	// sepBefore is true when the last character before the closing mark
	// is a comma, "?" or "!": the quotation is a clause that an
	// attribution follows ("No," he said).
	sepBefore bool
}

// span is the stretch from the first part's start to the last part's end.
func (s *segment) span() text.Span {
	return text.Span{Start: s.parts[0].Start, End: s.parts[len(s.parts)-1].End}
}

// markKind says what a character can be as a quotation mark.
type markKind uint8

const (
	notMark markKind = iota
	openMark
	closeMark
	eitherMark // the straight marks, decided by context
)

// mark classifies the rune r; single is true for the single marks, which
// also serve as apostrophes.
func mark(r rune) (markKind, bool) {
	switch r {
	case '“', '„', '«':
		return openMark, false
	case '”', '»':
		return closeMark, false
	case '"':
		return eitherMark, false
	case '‘', '‹', '‚':
		return openMark, true
	case '’', '›':
		return closeMark, true
	case '\'':
		return eitherMark, true
	}
	return notMark, false
}

// wordRune reports whether r is part of a word.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// openerBefore reports whether a mark after rune p opens: a space, the
// text's start, an opening bracket or dash, or another mark precedes it.
func openerBefore(p rune) bool {
	if p == 0 || unicode.IsSpace(p) {
		return true
	}
	switch p {
	case '(', '[', '{', '—', '–', '-', ':', '/':
		return true
	}
	k, _ := mark(p)
	return k == openMark || k == eitherMark
}

// findSegments pairs the quotation marks of s within paras. Marks pair
// within a paragraph; a quotation still open at a paragraph's end goes on
// into the next paragraph when that one starts with an opening mark, and
// otherwise ends with the paragraph. Single marks (‘…’) count only outside
// double ones, and only where they cannot be apostrophes. Unpaired closing
// marks are ignored. The work is linear in len(s).
func findSegments(s string, paras []text.Span) []segment {
	var out []segment
	var cur *segment  // the quotation open, if any
	var single bool   // cur was opened by a single mark
	var partStart int // where cur's current part starts
	var dq bool       // cur opened with „, which “ closes
	endPart := func(end int) {
		if p, ok := trimSpan(s, partStart, end); ok {
			cur.parts = append(cur.parts, p)
		}
	}
	finish := func(closeAt int) {
		if len(cur.parts) > 0 {
			cur.close = closeAt
			cur.words = 0
			for _, p := range cur.parts {
				cur.words += countWords(s[p.Start:p.End])
			}
			if closeAt >= 0 {
				last := cur.parts[len(cur.parts)-1]
				r, _ := utf8.DecodeLastRuneInString(s[:last.End])
				cur.sepBefore = r == ',' || r == '?' || r == '!'
			}
			out = append(out, *cur)
		}
		cur = nil
	}
	for pi, para := range paras {
		lo, hi := int(para.Start), int(para.End)
		if lo < 0 || hi > len(s) || lo >= hi {
			continue
		}
		first := true // the next non-space rune is the paragraph's first
		for i := lo; i < hi; {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			wasFirst := first
			first = false
			k, sg := mark(r)
			if (r == '\'' || r == '`') && i+1 < hi && s[i+1] == byte(r) {
				// ''…'' and ``…'': double marks typed as two singles.
				k, sg, n = eitherMark, false, 2
				if r == '`' {
					k = openMark
				}
			}
			if k == notMark {
				i += n
				continue
			}
			var prev, next rune
			if i > 0 {
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
			}
			if i+n < len(s) {
				next, _ = utf8.DecodeRuneInString(s[i+n:])
			}
			if sg && cur != nil && !single {
				// A single mark inside a double quotation: nested, or an
				// apostrophe.
				i += n
				continue
			}
			if sg {
				// Outside double marks a single one must not be an
				// apostrophe: "Clinton’s", "don't", "the players' union".
				switch {
				case cur == nil && k != closeMark && openerBefore(prev) && wordRune(next):
					k = openMark
				case cur != nil && single && k != openMark && !wordRune(next) && !unicode.IsSpace(prev):
					k = closeMark
				default:
					i += n
					continue
				}
			}
			if k == closeMark && !sg && cur == nil && openerBefore(prev) && wordRune(next) && closeAhead(s, i+n, hi) {
				// A closing mark typed for an opening one, at a word's
				// start with a closing mark later in the paragraph:
				// ”We stay,” he said.
				k = openMark
			}
			if k == eitherMark {
				switch {
				case cur == nil:
					k = openMark
				case openerBefore(prev) && next != 0 && !unicode.IsSpace(next) && !unicode.IsPunct(next):
					// `"abc "def` : the first was never closed.
					k = openMark
				default:
					k = closeMark
				}
			}
			if dq && r == '“' {
				k = closeMark // „…“
			}
			switch k {
			case openMark:
				if cur != nil {
					if wasFirst && cur.para < pi {
						// A new paragraph of the same quotation.
						partStart = i + n
						i += n
						continue
					}
					// An opening mark inside an open quotation of the
					// same paragraph: the earlier one was never closed.
					endPart(i)
					finish(-1)
				}
				cur = &segment{open: i, close: -1, para: pi}
				single, dq = sg, r == '„'
				partStart = i + n
			case closeMark:
				if cur != nil && single == sg {
					endPart(i)
					finish(i)
				}
			}
			i += n
		}
		if cur != nil {
			endPart(hi)
			if !(pi+1 < len(paras) && startsWithOpen(s, paras[pi+1], single)) {
				finish(-1)
			}
		}
	}
	if cur != nil {
		finish(-1)
	}
	return out
}

// closeAhead reports whether a double closing mark follows i in s[:hi],
// looking no further than 4,000 bytes.
func closeAhead(s string, i, hi int) bool {
	hi = min(hi, i+4000)
	for i < hi {
		r, n := utf8.DecodeRuneInString(s[i:])
		if k, sg := mark(r); !sg && (k == closeMark || k == eitherMark) {
			return true
		}
		i += n
	}
	return false
}

// startsWithOpen reports whether paragraph p starts with an opening mark
// of the kind given (single or double).
func startsWithOpen(s string, p text.Span, single bool) bool {
	lo, hi := int(p.Start), int(p.End)
	if lo < 0 || hi > len(s) || lo >= hi {
		return false
	}
	for i := lo; i < hi; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		k, sg := mark(r)
		return sg == single && (k == openMark || k == eitherMark)
	}
	return false
}

// trimSpan returns [a, b) of s without spaces at either end; false when
// nothing is left.
func trimSpan(s string, a, b int) (text.Span, bool) {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return text.Span{Start: int32(a), End: int32(b)}, b > a
}

// countWords counts the runs of letters and digits in s.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := wordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// paragraphs returns paras, or, when there are none, the paragraphs of s:
// the stretches between blank lines, or the lines when s has no blank
// line.
func paragraphs(s string, paras []text.Span) []text.Span {
	if len(paras) > 0 {
		return paras
	}
	var out []text.Span
	start := 0
	blank := false
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\n' && (s[i+1] == '\n' || s[i+1] == '\r') {
			blank = true
			break
		}
	}
	flush := func(end int) {
		if p, ok := trimSpan(s, start, end); ok {
			out = append(out, p)
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		if blank {
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j >= len(s) || s[j] != '\n' {
				continue
			}
		}
		flush(i)
		start = i + 1
	}
	flush(len(s))
	return out
}
