package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// langSample bounds the text the language detector reads: a few
// paragraphs decide the language as well as the whole article.
const langSample = 1000

// detectLanguage returns the ISO 639-1 code of s, or "" when the trigram
// detector (whatlanggo, already used inside go-trafilatura) is not
// confident.
func detectLanguage(s string) string {
	if len(s) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if len(strings.Fields(s)) < 5 && cjkRunes(s) < 10 {
		return ""
	}
	info := whatlanggo.Detect(s)
	if !info.IsReliable() && info.Confidence < 0.5 {
		return ""
	}
	return info.Lang.Iso6391()
}

// cjkRunes counts the Han, kana and Hangul letters in s: Chinese and
// Japanese put no spaces between words, so a whole paragraph is one
// field and the word count alone would call it too short to detect.
func cjkRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			n++
		}
	}
	return n
}

// normalizeLang turns an HTML lang attribute ("en-US", "EN", "en_GB") into
// an ISO 639-1 code, or "" if it is not one.
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}
