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
	units := paragraphs(lines)

	d := &draft{}
	first, last := -1, -1
	for i, u := range units {
		if sentenceLike(u.text, u.words) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		// No sentence at all: keep what survived the line rules.
		for _, u := range units {
			d.paras = append(d.paras, u.text)
		}
		return d
	}

	// Header: the headline, a byline and a date; everything else is chrome.
	for _, u := range units[:first] {
		switch {
		case d.byline == "" && isByline(u.text):
			d.byline = u.text
		case d.published == "" && looseDate(u.text) != "":
			d.published = looseDate(u.text)
		case d.title == "" && headlineLike(u.text, u.words):
			d.title = u.text
		}
	}

	// Footer: a credit line in the last quarter closes the story; publisher
	// blurbs at the end and anything after the last sentence go.
	body := units[first : last+1]
	for k := len(body) - 1; k >= 1 && k >= len(body)*3/4; k-- {
		if c, ok := creditLine(body[k].text); ok {
			d.credits = append(d.credits, c...)
			body = body[:k]
			break
		}
	}
	for len(body) > 1 && isAboutUs(body[len(body)-1].text) {
		body = body[:len(body)-1]
	}
	for _, u := range units[last+1:] {
		if c, ok := creditLine(u.text); ok {
			d.credits = append(d.credits, c...)
		}
	}
	for _, u := range body {
		d.paras = append(d.paras, u.text)
	}
	return d
}

// unit is a paragraph of plain text.
type unit struct {
	text  string
	words int
}

// paragraphs groups the kept lines into paragraphs: a blank or dropped line
// ends a paragraph, and inside a block a line ends one unless the block is
// hard-wrapped (its width is that of a terminal, minWrap to maxWrap runes)
// and the wrap was forced: the next line's first word would not have fit
// on this one. Text with one paragraph per line thus keeps its paragraphs,
// and wrapped text is joined even where a line happens to end a sentence.
func paragraphs(lines []line) []unit {
	var units []unit
	var cur []string
	width, wrapped := 0, false
	flush := func() {
		if len(cur) > 0 {
			t := strings.Join(cur, " ")
			units = append(units, unit{text: t, words: len(strings.Fields(t))})
			cur = cur[:0]
		}
	}
	for i, l := range lines {
		if l.blank || l.drop {
			flush()
			continue
		}
		if len(cur) == 0 && (i == 0 || lines[i-1].blank || lines[i-1].drop) {
			width, wrapped = blockShape(lines, i)
		}
		cur = append(cur, l.text)
		if !wrapped || !forcedWrap(l.text, lines, i+1, width) {
			flush()
		}
	}
	flush()
	return units
}

// forcedWrap reports that line is full: the first word of the next kept
// line (lines[next]) would have made it wider than the block.
func forcedWrap(line string, lines []line, next, width int) bool {
	if next >= len(lines) || lines[next].blank || lines[next].drop {
		return false
	}
	w, _, _ := strings.Cut(lines[next].text, " ")
	return utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width
}

// blockShape returns the width of the block starting at i (its longest
// line) and whether it is hard-wrapped: the width is that of a terminal
// (minWrap to maxWrap runes) and most lines but the last fill three
// quarters of it, as wrapped prose does and one-paragraph-per-line text
// does not.
func blockShape(lines []line, i int) (width int, wrapped bool) {
	var ns []int
	for ; i < len(lines) && !lines[i].blank && !lines[i].drop; i++ {
		n := utf8.RuneCountInString(lines[i].text)
		ns = append(ns, n)
		width = max(width, n)
	}
	if len(ns) < 2 || width < minWrap || width > maxWrap {
		return width, false
	}
	full := 0
	for _, n := range ns[:len(ns)-1] {
		if n*4 >= width*3 {
			full++
		}
	}
	return width, full*10 >= (len(ns)-1)*6
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
	return words >= 4 && endsSentence(s)
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
