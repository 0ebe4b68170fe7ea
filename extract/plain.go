package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain text comes from copy-and-paste, scrapers and feeds, with the page
// chrome still in it. The rules below recognise chrome by its shape, never by
// site: navigation and labels are short lines without sentence punctuation;
// an image caption scraped twice is the same line twice in a row; image
// placeholders name a media type and a size; footers speak about the
// publisher ("our journalists", "we provide", copyright). The headline is the
// first headline-shaped line above the first sentence of the story.

// line is one input line with what the rules learned about it.
type line struct {
	text  string // trimmed, bullet removed
	blank bool
	drop  bool
	words int
}

// extractPlain extracts an article from plain text.
func extractPlain(s string) *draft {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")
	lines := make([]line, len(raw))
	for i, r := range raw {
		t := cleanSpace(strings.Map(func(r rune) rune {
			if r == '\u00a0' || r == '\t' {
				return ' '
			}
			return r
		}, r))
		bullet := false
		if t2, ok := stripBullet(t); ok {
			t, bullet = t2, true
		}
		l := line{text: t, blank: t == "", words: len(strings.Fields(t))}
		if !l.blank && (isChrome(t) || (bullet && !sentenceLike(t, l.words)) || !hasLetter(t)) {
			l.drop = true
		}
		lines[i] = l
	}
	markCaptions(lines)

	d := &draft{}
	first, last := -1, -1
	for i, l := range lines {
		if !l.blank && !l.drop && sentenceLike(l.text, l.words) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		// No sentence at all: keep what survived the line rules.
		d.paras = paragraphs(lines)
		return d
	}

	// Header: the headline, a byline and a date; everything else is chrome.
	for i := 0; i < first; i++ {
		l := &lines[i]
		if l.blank || l.drop {
			continue
		}
		switch {
		case d.byline == "" && isByline(l.text):
			d.byline = l.text
		case d.published == "" && looseDate(l.text) != "":
			d.published = looseDate(l.text)
		case d.title == "" && headlineLike(l.text, l.words):
			d.title = l.text
		}
		l.drop = true
	}

	// Footer: credit lines end the story; publisher blurbs and chrome after
	// the last sentence go.
	last = dropFooter(lines, first, last, &d.credits)
	for i := last + 1; i < len(lines); i++ {
		if !lines[i].blank && !sentenceLike(lines[i].text, lines[i].words) {
			if c, ok := creditLine(lines[i].text); ok {
				d.credits = append(d.credits, c...)
			}
			lines[i].drop = true
		}
	}
	d.paras = paragraphs(lines)
	return d
}

// dropFooter removes publisher blurbs at the end of the story and
// everything after a closing credit line, collecting the credits. It
// returns the index of the last line of the story.
func dropFooter(lines []line, first, last int, credits *[]string) int {
	// Body lines in order, to look at the last few.
	var body []int
	for i := first; i <= last; i++ {
		if !lines[i].blank && !lines[i].drop {
			body = append(body, i)
		}
	}
	// A credit line in the last quarter closes the story.
	for k := len(body) - 1; k >= 1 && k >= len(body)*3/4; k-- {
		i := body[k]
		if c, ok := creditLine(lines[i].text); ok {
			*credits = append(*credits, c...)
			for j := i; j < len(lines); j++ {
				lines[j].drop = true
			}
			body = body[:k]
			break
		}
	}
	// Publisher blurbs at the very end.
	for len(body) > 1 && isAboutUs(lines[body[len(body)-1]].text) {
		lines[body[len(body)-1]].drop = true
		body = body[:len(body)-1]
	}
	if len(body) == 0 {
		return last
	}
	return body[len(body)-1]
}

// paragraphs groups the kept lines into paragraphs: a blank or dropped line
// ends a paragraph; inside a block, hard-wrapped lines are joined and
// lines that end a sentence well short of the block's width end one.
func paragraphs(lines []line) []string {
	var paras []string
	var cur []string
	width := 0
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for i, l := range lines {
		if l.blank || l.drop {
			flush()
			continue
		}
		if len(cur) == 0 {
			width = blockWidth(lines, i)
		}
		cur = append(cur, l.text)
		// A hard-wrapped line fills most of the block's width, and the
		// width is that of a terminal (at most maxWrap runes); a line that
		// stops short, or lines longer than any wrap width, end paragraphs.
		n := utf8.RuneCountInString(l.text)
		wrapped := width >= minWrap && width <= maxWrap && n*10 >= width*7
		if !wrapped {
			flush()
		}
	}
	flush()
	return paras
}

// blockWidth is the longest line of the block starting at i.
func blockWidth(lines []line, i int) int {
	w := 0
	for ; i < len(lines) && !lines[i].blank && !lines[i].drop; i++ {
		w = max(w, utf8.RuneCountInString(lines[i].text))
	}
	return w
}

// Hard-wrap widths: text wrapped at 60 to 140 columns.
const (
	minWrap = 50
	maxWrap = 140
)

// markCaptions drops a line repeated verbatim on the next non-blank line:
// scrapers emit an image's alt text and its caption, which are the same.
func markCaptions(lines []line) {
	prev := -1
	for i := range lines {
		if lines[i].blank {
			continue
		}
		if prev >= 0 && lines[prev].text == lines[i].text {
			lines[prev].drop, lines[i].drop = true, true
		}
		prev = i
	}
}

// stripBullet removes a leading list bullet.
func stripBullet(s string) (string, bool) {
	for _, b := range []string{"•", "·", "▪", "◦", "‣", "●", "■", "►", "* ", "- ", "– ", "— "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):]), true
		}
	}
	return s, false
}

// sentenceLike reports a line that reads as running text: long, or of
// several words ending in sentence punctuation.
func sentenceLike(s string, words int) bool {
	if words >= 12 {
		return true
	}
	return words >= 5 && endsSentence(s)
}

// endsSentence reports a final ., !, ?, … possibly followed by a closing
// quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// headlineLike reports a headline: three to thirty words, not ending in a
// full stop.
func headlineLike(s string, words int) bool {
	if words < 3 || words > 30 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != '.' || strings.HasSuffix(s, "...")
}

// isByline reports "By Jane Doe" lines.
func isByline(s string) bool {
	if !strings.HasPrefix(s, "By ") && !strings.HasPrefix(s, "BY ") {
		return false
	}
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 12 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[1])
	return unicode.IsUpper(r)
}

// isPlaceholder reports image and video placeholders: "16x9 Image",
// "Image 3 of 12", "Video", "Photo: Reuters".
func isPlaceholder(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	media := func(w string) bool {
		switch strings.Trim(w, ":.") {
		case "image", "images", "photo", "photos", "picture", "video", "videos", "graphic", "gallery", "audio", "slideshow", "media":
			return true
		}
		return false
	}
	ratio := func(w string) bool {
		i := strings.IndexAny(w, "x×:")
		return i > 0 && i < len(w)-1 && allDigits(w[:i]) && allDigits(w[i+len(string([]rune(w[i:])[0])):])
	}
	switch {
	case len(f) == 2 && ratio(f[0]) && media(f[1]):
		return true
	case media(f[0]) && (len(f) == 1 || allDigits(f[1])):
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// looseDate finds a date in a short header line ("December 23, 2016",
// "23 Dec 2016 14:05 GMT", "2016-12-23"), or "".
func looseDate(s string) string {
	if len(s) > 80 {
		return ""
	}
	if d := normalizeDate(s); d != "" {
		return d
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '|' || r == '/' && false })
	for i := 0; i+2 < len(f); i++ {
		for _, cand := range []string{f[i] + " " + f[i+1] + ", " + f[i+2], f[i] + " " + f[i+1] + " " + f[i+2]} {
			if d := normalizeDate(cand); d != "" {
				return d
			}
		}
	}
	return dateFromURL(s)
}
