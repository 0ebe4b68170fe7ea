package extract

import (
	"strings"
	"unicode/utf8"
)

// listLabels introduce a list of links to other stories.
var listLabels = []string{
	"you may also like", "you might also like", "related", "don't miss", "don’t miss", "see more",
	"more stories", "more from", "recommended", "most read", "most popular", "trending", "read more",
	"read next", "see also", "also read", "more on",
}

// tidy applies the news layer's paragraph rules to the blocks go-trafilatura
// extracted: it removes chrome anywhere, the headline, dek, byline and date
// above the story, publisher blurbs, bylines and dates below it, and lists
// of links that a label introduces. ("About <company>" sections of press
// releases are kept: the benchmark's annotators kept them as often as not.)
func tidy(bl []block, title string) []block {
	out := make([]block, 0, len(bl))
	for i := 0; i < len(bl); i++ {
		t := bl[i].text
		if isListLabel(t) {
			// Drop the label and the headline-shaped links after it.
			for i+1 < len(bl) && linkLike(bl[i+1].text) {
				i++
			}
			continue
		}
		if isChrome(t) || isBareURL(t) || isMediaCredit(t) || !hasLetter(t) {
			continue
		}
		out = append(out, bl[i])
	}
	bl = out

	// Above the story: the headline and the dek are headings before the
	// first paragraph; a repeated headline, a byline or a date may follow.
	for n := 0; n < 3 && len(bl) > 1 && bl[0].heading; n++ {
		bl = bl[1:]
	}
	for n := 0; n < 3 && len(bl) > 1; n++ {
		t := bl[0].text
		if sameText(t, title) || isByline(t) || isDateLine(t) {
			bl = bl[1:]
			continue
		}
		break
	}

	// Below the story.
	for len(bl) > 1 {
		t := bl[len(bl)-1].text
		if isAboutUs(t) || isByline(t) || isDateLine(t) || strings.HasPrefix(t, "By ") && len(strings.Fields(t)) <= 8 {
			bl = bl[:len(bl)-1]
			continue
		}
		break
	}
	return bl
}

// isListLabel reports a label that introduces links ("You may also
// like...", "DON'T MISS", "Related:").
func isListLabel(s string) bool {
	if len(strings.Fields(s)) > 5 {
		return false
	}
	low := strings.ToLower(strings.TrimRight(s, " .…:!»›>|-–—"))
	for _, l := range listLabels {
		if low == l {
			return true
		}
	}
	return false
}

// linkLike reports a paragraph shaped like a link to another story: a
// headline, short and without a final full stop.
func linkLike(s string) bool {
	n := len(strings.Fields(s))
	if n == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\"'”’"))
	return n <= 25 && last != '.' || strings.Count(s, "|") >= 1 && n <= 60
}
