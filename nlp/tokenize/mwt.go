package tokenize

import (
	"strings"

	"github.com/eventwire/eventwire/text"
)

// Words returns the syntactic words of surface token tk of s as byte ranges:
// one word for most tokens, two for the contractions and possessives that
// EWT writes as multi-word tokens. Every word is a substring of the token,
// so no word needs an explicit Form.
func Words(s string, tk Tok) []Tok {
	return appendSplit(nil, s, tk)
}

func appendWords(dst []text.Token, s string, tk Tok) []text.Token {
	var buf [2]Tok
	for _, w := range appendSplit(buf[:0], s, tk) {
		dst = append(dst, text.Token{Start: w.Start, End: w.End, Head: -1})
	}
	return dst
}

// appendSplit appends the words of tk to dst.
func appendSplit(dst []Tok, s string, tk Tok) []Tok {
	if cut := splitPoint(s[tk.Start:tk.End]); cut > 0 {
		m := tk.Start + int32(cut)
		return append(dst, Tok{tk.Start, m}, Tok{m, tk.End})
	}
	return append(dst, tk)
}

// clitics are the endings EWT splits off after an apostrophe, lower-cased.
var clitics = setOf("s", "m", "re", "ve", "ll", "d")

// informal are contractions written without an apostrophe that EWT still
// splits, lower-cased, with the length of their first word.
var informal = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "cant": 2, "wont": 2, "isnt": 2, "wasnt": 3,
	"arent": 3, "werent": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4,
	"hasnt": 3, "hadnt": 3, "aint": 2, "im": 1, "ive": 1, "youre": 3, "thats": 4,
	"theyre": 4, "theres": 5, "whats": 4, "hes": 2, "shes": 3,
}

// splitPoint returns the byte offset in w where its second word starts, or 0
// when w is one word.
func splitPoint(w string) int {
	if len(w) < 2 {
		return 0
	}
	if len(w) <= 8 {
		var buf [8]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if n, ok := informal[string(buf[:len(w)])]; ok { // no allocation
			return n
		}
	}
	if !strings.ContainsAny(w, "'’`") {
		return 0
	}
	// The plural possessive "soldiers'" = "soldiers" + "'".
	if r, n := runeBefore(w, len(w)); (r == '\'' || r == '’') && len(w) > n+1 && w[len(w)-n-1] == 's' {
		return len(w) - n
	}
	// X + n't ("don't", "can't" = "ca" + "n't", "won't" = "wo" + "n't").
	for _, apos := range [...]string{"'", "’", "`"} {
		nt := "n" + apos + "t"
		if len(w) > len(nt) && hasSuffixFold(w, nt) {
			return len(w) - len(nt)
		}
		// X + 's, 're, 've, 'll, 'd, 'm.
		i := strings.LastIndex(w, apos)
		if i <= 0 || i == len(w)-len(apos) {
			continue
		}
		if _, ok := clitics[strings.ToLower(w[i+len(apos):])]; ok && (isLetterOrDigitBefore(w, i) || w[i-1] == '.') {
			return i
		}
	}
	return 0
}

func hasSuffixFold(s, suf string) bool {
	return len(s) >= len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf)
}

func isLetterOrDigitBefore(w string, i int) bool {
	r, _ := runeBefore(w, i)
	return isAlnum(r)
}
