package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence boundaries. A gap between two surface tokens is a boundary when
// it holds a blank line (a paragraph break), or a line break unless the text
// is wrapped, or when the model says so. By default the model decides only
// candidate gaps (after final punctuation, an emoticon, or a closing quote or
// bracket after final punctuation). With EveryGap it weighs every gap: on
// EWT, whose e-mails and forum posts often end sentences without
// punctuation, that gains about three points of sentence F1, but on news
// every such split we looked at was wrong (14 of 14 on the Wikinews demo:
// "This Wednesday | Greek Foreign Minister ...").

// gapKind describes the white space between two tokens.
type gapKind uint8

const (
	gapNone  gapKind = iota // tokens touch
	gapSpace                // spaces or tabs
	gapLine                 // one line break
	gapPara                 // a blank line
)

func gapOf(s string) gapKind {
	if s == "" {
		return gapNone
	}
	nl := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			nl++
		}
	}
	if nl == 0 {
		// U+2029 PARAGRAPH SEPARATOR and U+2028 LINE SEPARATOR.
		for _, r := range s {
			switch r {
			case 0x2029:
				return gapPara
			case 0x2028, 0x85:
				nl++
			}
		}
	}
	switch {
	case nl >= 2:
		return gapPara
	case nl == 1:
		return gapLine
	}
	return gapSpace
}

// tokClass is a coarse class of a token for boundary features.
type tokClass uint8

const (
	clWord tokClass = iota
	clNum
	clPeriod     // "."
	clExcl       // "!" "!!" "?!"
	clQuest      // "?" "??"
	clEllipsis   // "..." "…" ".." "...."
	clAbbrev     // word ending in "." ("Dr.", "U.S.")
	clCloseQuote // " ” ' ’ ''
	clOpenQuote  // “ ‘ ``
	clClose      // ) ] }
	clOpen       // ( [ {
	clColon      // : ;
	clComma
	clDash // - -- — –
	clEmoticon
	clOther
	numClasses
)

func classOf(s string) tokClass {
	r, w := utf8.DecodeRuneInString(s)
	if isDigit(r) || r == '.' && len(s) > 1 && isDigit(rune(s[1])) {
		return clNum // "42", ".0605"
	}
	if isAlnum(r) || isApos(r) && len(s) > w {
		if s[len(s)-1] == '.' {
			return clAbbrev
		}
		return clWord
	}
	if emoticonAt(s) == len(s) && len(s) > 1 {
		return clEmoticon
	}
	switch {
	case s == ".":
		return clPeriod
	case s == "…" || len(s) >= 2 && s[0] == '.' && s[1] == '.':
		return clEllipsis
	case r == '?' || isFinalPunct(r) && containsByte(s, '?'):
		return clQuest
	case r == '!':
		return clExcl
	case r == '.':
		return clEllipsis
	case r == '"' || r == '”' || r == '\'' || r == '’':
		return clCloseQuote
	case r == '“' || r == '‘' || r == '`':
		return clOpenQuote
	case r == ')' || r == ']' || r == '}' || r == '>':
		return clClose
	case r == '(' || r == '[' || r == '{' || r == '<':
		return clOpen
	case r == ':' || r == ';':
		return clColon
	case r == ',':
		return clComma
	case r == '-' || r == '—' || r == '–':
		return clDash
	}
	return clOther
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func isFinalClass(c tokClass) bool {
	return c == clPeriod || c == clExcl || c == clQuest || c == clEllipsis || c == clAbbrev
}

// shape is a coarse orthographic shape: upper-initial, all caps, lower, digit,
// punctuation.
func shape(s string) byte {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case isDigit(r):
		return 'd'
	case unicode.IsUpper(r):
		for _, r2 := range s[utf8.RuneLen(r):] {
			if unicode.IsLower(r2) {
				return 'X'
			}
		}
		if len(s) == 1 {
			return 'X'
		}
		return 'A'
	case unicode.IsLower(r):
		return 'x'
	case isLetter(r):
		return 'l'
	}
	return 'p'
}

// candidate reports whether the gap after token i may end a sentence in
// news text: after final punctuation, an emoticon, or a closing quote or
// bracket that follows final punctuation (and, in wrapped text, at a line
// break).
func candidate(s string, toks []Tok, i int, gap gapKind) bool {
	if gap == gapLine {
		return true
	}
	c := classOf(s[toks[i].Start:toks[i].End])
	switch {
	case isFinalClass(c), c == clEmoticon:
		return true
	case c == clCloseQuote || c == clClose:
		// A closing quote or bracket right after final punctuation.
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			pc := classOf(s[toks[j].Start:toks[j].End])
			if isFinalClass(pc) {
				return true
			}
			if pc != clCloseQuote && pc != clClose {
				break
			}
		}
	}
	return false
}

// boundaries returns, for each token, whether a sentence ends after it.
func (t *Tokenizer) boundaries(s string, toks []Tok) []bool {
	out := make([]bool, len(toks))
	var fb featBuf
	sent := 0 // first token of the current sentence
	for i := 0; i+1 < len(toks); i++ {
		if i > 0 && out[i-1] {
			sent = i
		}
		gap := gapOf(s[toks[i].End:toks[i+1].Start])
		switch {
		case gap == gapPara:
			out[i] = true
		case gap == gapLine && !t.wrapped:
			out[i] = true
		case never(s, toks, i, gap), isDateline(s, toks, sent, i):
		case always(s, toks, i, gap):
			out[i] = true
		case t.model == nil:
			out[i] = candidate(s, toks, i, gap) && ruleBoundary(s, toks, i)
		case t.everyGap || candidate(s, toks, i, gap):
			fb.extract(s, toks, i, gap)
			out[i] = t.model.score(fb.keys) > 0
		}
	}
	return out
}

// never reports gaps that are not boundaries whatever the model says: before
// punctuation glued to the token ("tomorrow.'\"" does not end after "'"),
// after a title ("Gen. David Petraeus") or a middle initial ("George W.
// Bush"), between a time and its day or zone
// ("3 p.m. Tuesday"), after an elision in brackets before a lower-case word
// ("[...] this"), and after a
// bracketed aside that follows a word and holds no final punctuation
// ("Labour MP (Member of Parliament) Tom Watson").
func never(s string, toks []Tok, i int, gap gapKind) bool {
	if gap == gapNone {
		switch classOf(s[toks[i+1].Start:toks[i+1].End]) {
		case clCloseQuote, clClose, clPeriod, clExcl, clQuest, clEllipsis, clComma, clColon:
			return true
		}
	}
	pc := classOf(s[toks[i].Start:toks[i].End])
	if pc == clAbbrev {
		// A title before a name: "Gen. David Petraeus".
		p := s[toks[i].Start : toks[i].End-1]
		if _, ok := titles[p]; ok {
			return true
		}
		// A middle initial: "Wayne A. I. Frederick", "George W. Bush".
		if len(p) == 1 && 'A' <= p[0] && p[0] <= 'Z' && i > 0 && shape(s[toks[i+1].Start:toks[i+1].End]) == 'X' {
			prev := s[toks[i-1].Start:toks[i-1].End]
			if sh := shape(prev); sh == 'X' && classOf(prev) == clWord || classOf(prev) == clAbbrev && len(prev) == 2 {
				return true
			}
		}
		// A time before its day or zone: "3 p.m. Tuesday", "10 a.m. EST".
		if lp := strings.ToLower(p); lp == "a.m" || lp == "p.m" {
			_, ok := afterTime[s[toks[i+1].Start:toks[i+1].End]]
			return ok
		}
		return false
	}
	if pc == clClose && i >= 2 && classOf(s[toks[i-2].Start:toks[i-2].End]) == clOpen {
		// An elision or query mark in brackets before a lower-case word:
		// "But now [...] this is a big slap".
		switch s[toks[i-1].Start:toks[i-1].End] {
		case "...", "…", "?", "!", "..":
			return shape(s[toks[i+1].Start:toks[i+1].End]) == 'x'
		}
	}
	if pc == clClose {
		// Find the opening bracket; the bracket sits inside a sentence when
		// a word comes right before it.
		for j := i - 1; j >= 0 && j >= i-12; j-- {
			c := classOf(s[toks[j].Start:toks[j].End])
			if isFinalClass(c) {
				return false
			}
			if c == clOpen {
				return j > 0 && classOf(s[toks[j-1].Start:toks[j-1].End]) == clWord
			}
		}
	}
	return false
}

// always reports gaps that are boundaries whatever the model says: a lone
// ".", "!" or "?" followed by a space and a capitalised word or an opening
// quote (on EWT train 7,514 of 7,584 such gaps end a sentence, and the rule
// catches what the features miss: "fell 3%. Prices rose"); "a.m." or
// "p.m." before a capitalised word other than a day, zone or month; and an
// abbreviation before a pronoun, article or conjunction ("D.C. It").
func always(s string, toks []Tok, i int, gap gapKind) bool {
	if gap != gapSpace {
		return false
	}
	n := s[toks[i+1].Start:toks[i+1].End]
	switch p := s[toks[i].Start:toks[i].End]; p {
	case ".", "!", "?":
	case "a.m.", "p.m.", "A.M.", "P.M.":
		// A time, then a capitalised word that is not its day or zone:
		// "at 7:45 p.m. Police said".
		_, ok := afterTime[n]
		return !ok && shape(n) == 'X' && !isMonth(n)
	default:
		// An abbreviation before a word that starts sentences and cannot
		// go on a name: "in Washington, D.C. It is".
		if classOf(p) == clAbbrev {
			_, ok := starters[n]
			return ok
		}
		return false
	}
	if sh := shape(n); sh == 'X' || sh == 'A' {
		return true
	}
	return n == "\"" || n == "“"
}

func isMonth(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// isDateline reports a news dateline ending at token i, a dash: the
// sentence began with an all-capitals word a few tokens back ("ALEPPO, Syria
// (AP) —", "WASHINGTON —"). The story's first sentence goes on after it.
func isDateline(s string, toks []Tok, sent, i int) bool {
	if i-sent > 10 || classOf(s[toks[i].Start:toks[i].End]) != clDash {
		return false
	}
	first := s[toks[sent].Start:toks[sent].End]
	return len(first) > 1 && shape(first) == 'A'
}

// ruleBoundary is the fallback when no model is loaded: final punctuation
// (not an abbreviation) followed by a token that does not start lower-case.
func ruleBoundary(s string, toks []Tok, i int) bool {
	c := classOf(s[toks[i].Start:toks[i].End])
	if c == clAbbrev {
		return false
	}
	n := s[toks[i+1].Start:toks[i+1].End]
	return shape(n) != 'x'
}
