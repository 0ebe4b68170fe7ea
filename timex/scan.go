package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one unit of the scanner: a run of letters, a run of digits
// (with an ordinal suffix: "23rd") or one punctuation character.
type word struct {
	start, end int32
	kind       byte   // kLetters, kNumber, kPunct, kOther
	low        string // lower-cased text of short words; "" for long ones
	upper      bool   // starts with an upper-case letter
	glued      bool   // no space between the previous word and this one
	num        int    // value of a number of at most 4 digits, else -1
	digits     int8   // digits of a number
	ordinal    bool   // a number with "st", "nd", "rd" or "th"
	sentEnd    bool   // ".", "!" or "?" that ends a sentence
}

const (
	kLetters = iota + 1
	kNumber
	kPunct
	kOther // digits glued to letters other than an ordinal suffix ("10km")
)

// maxLow bounds the words the scanner lower-cases: no date word is longer.
const maxLow = 12

// scan cuts s into words, in one pass.
func scan(s string) []word {
	ws := make([]word, 0, len(s)/5+1)
	prevEnd := -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || unicode.IsSpace(r) {
			i += n
			continue
		}
		w := word{start: int32(i), glued: i == prevEnd, num: -1}
		switch {
		case isLetter(r):
			j := i + n
			for j < len(s) {
				r2, n2 := rune(s[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(s[j:])
				}
				if !isLetter(r2) {
					break
				}
				j += n2
			}
			w.kind, w.end = kLetters, int32(j)
			w.upper = unicode.IsUpper(r)
			if j-i <= maxLow {
				w.low = lowerASCII(s[i:j])
			}
			i = j
		case r >= '0' && r <= '9':
			j := i
			v := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 4 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			w.kind = kNumber
			if j-i <= 4 {
				w.num = v
			}
			w.digits = int8(min(j-i, 100))
			// An ordinal suffix, or letters that make it no number.
			k := j
			for k < len(s) && isASCIILetter(s[k]) {
				k++
			}
			if k > j {
				switch lowerASCII(s[j:min(k, j+3)]) {
				case "st", "nd", "rd", "th":
					if k-j == 2 {
						w.ordinal = true
						break
					}
					w.kind = kOther
				default:
					w.kind = kOther
				}
				j = k
			}
			w.end = int32(j)
			i = j
		default:
			w.kind, w.end = kPunct, int32(i+n)
			if n == 1 {
				w.low = s[i : i+1]
			}
			if r == '.' || r == '!' || r == '?' {
				// A sentence ends when space and an upper-case letter
				// (or the end) follow; "Dec. 23" does not end one.
				k := i + 1
				for k < len(s) && (s[k] == ' ' || s[k] == '\n' || s[k] == '"' || s[k] == '\'') {
					k++
				}
				w.sentEnd = k == len(s) || (k > i+1 && s[k] >= 'A' && s[k] <= 'Z')
			}
			i += n
		}
		prevEnd = int(w.end)
		ws = append(ws, w)
	}
	return ws
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lowerASCII lower-cases ASCII letters; other bytes are kept.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
