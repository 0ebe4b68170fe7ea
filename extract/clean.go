package extract

import (
	"strings"
	"unicode/utf8"
)

// listLabels introduce a list of links to other stories.
var listLabels = []string{
	"you may also like", "you might also like", "related", "don't miss", "don’t miss", "see more",
	"more stories", "more from", "recommended", "most read", "most popular", "trending", "read more",
	"read next", "see also", "also read", "more on", "more", "more news", "related news", "latest news",
	"top stories", "editor's picks", "editor’s picks", "read this next", "what to read next",
}

// linkLabels prefix a link to another story: "Related: <headline>".
var linkLabels = []string{
	"related:", "read more:", "see more:", "also read:", "read also:", "more:", "watch:", "listen:",
	"recommended:", "see also:", "read next:", "more on this:", "click here:",
}

// isLabelledLink reports "Related: The 15 Weirdest Galaxies", a link to
// another story behind a label.
func isLabelledLink(s string) bool {
	low := strings.ToLower(s)
	for _, l := range linkLabels {
		if strings.HasPrefix(low, l) {
			return len(strings.Fields(s)) <= 40
		}
	}
	return false
}

// isCopyright reports a short copyright notice.
func isCopyright(s string) bool {
	low := strings.ToLower(s)
	return len(strings.Fields(s)) <= 25 && (strings.HasPrefix(low, "copyright") || strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c) "))
}

// promos start the calls to subscribe, follow or listen that end many
// stories.
var promos = []string{
	"subscribe to", "if you enjoyed", "listen to", "get access to", "download the", "download our",
	"become a member", "support our", "support us", "join our", "follow us",
}

// isPromo reports a call to subscribe or follow ("Follow Newsbeat on
// Instagram, Facebook, Twitter and YouTube.").
func isPromo(s string) bool {
	if len(strings.Fields(s)) > 60 {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range promos {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return strings.HasPrefix(low, "follow ") && strings.Contains(low, " on ") && len(strings.Fields(s)) <= 20
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
		if isChrome(t) || isBareURL(t) || isMediaCredit(t) || !hasLetter(t) || isLabelledLink(t) || isCopyright(t) {
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
		if isAboutUs(t) || isByline(t) || isDateLine(t) || strings.HasPrefix(t, "By ") && len(strings.Fields(t)) <= 8 || isPromo(t) {
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
