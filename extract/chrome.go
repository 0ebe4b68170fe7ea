package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page chrome is recognised by shape and by the small closed vocabulary of
// web page labels, the same on every site: "Share", "Read more",
// "Advertisement", "You may also like". A label counts only when it is the
// whole line, or is followed by punctuation or a few words ("Share this
// article", "Sign up for our newsletter"); "Video shows dramatic rescue of a
// girl" is a headline, not a label.

// chromeLabels are navigation, sharing and promotion labels.
var chromeLabels = []string{
	"accessibility links", "skip to", "jump to", "breaking news", "share", "shares", "subscribe", "sign up",
	"sign in", "log in", "login", "register", "follow us", "follow", "print", "email", "e-mail", "comment",
	"comments", "related", "related articles", "related stories", "related content", "related coverage",
	"read more", "read next", "read also", "also read", "see also", "see more", "more from", "more on",
	"more stories", "advertisement", "sponsored", "sponsored content", "click here", "tap here", "listen",
	"download", "newsletter", "tags", "topics", "filed under", "copyright", "all rights reserved", "privacy",
	"terms of", "cookie", "cookies", "menu", "search", "home", "back to top", "next article",
	"previous article", "next story", "you may also like", "you might also like", "recommended",
	"recommended for you", "most read", "most popular", "trending", "trending now", "don't miss",
	"don’t miss", "continue reading", "continue reading below", "story continues below",
	"scroll to continue", "whatsapp", "facebook", "twitter", "linkedin", "telegram", "reddit", "pinterest",
	"open in app", "loading", "caption", "hide caption", "toggle caption", "enlarge this image",
	"show comments", "view comments", "watch", "watch live", "live updates", "getty images",
}

// labelLike reports whether s is a chrome label: a label on its own, with
// punctuation after it, or with at most three more words, the whole line
// short and not a sentence.
func labelLike(s string) bool {
	s = strings.TrimRight(s, ".…")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || endsSentence(s) && len(words) > 3 {
		return false
	}
	low := strings.ToLower(strings.TrimRight(s, " .…:!»›>|-–—"))
	for _, p := range chromeLabels {
		if !strings.HasPrefix(low, p) {
			continue
		}
		rest := low[len(p):]
		if rest == "" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(rest)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// "Shareholders", "Homeland": not the label.
		case r == ' ' && len(strings.Fields(rest)) <= 3 && actionLabel(p):
			return true
		case r != ' ':
			return true
		}
	}
	return false
}

// actionLabel reports labels that take an object ("Share this article",
// "Sign up for alerts", "Read more about it").
func actionLabel(p string) bool {
	switch p {
	case "share", "subscribe", "sign up", "sign in", "log in", "follow", "follow us", "print", "email",
		"read more", "see more", "more from", "more on", "click here", "tap here", "download", "listen",
		"continue reading", "skip to", "jump to", "watch", "open in app", "related", "you may also like",
		"you might also like", "recommended", "don't miss", "don’t miss", "show comments", "view comments":
		return true
	}
	return false
}

// isChrome reports page chrome: a label, an image placeholder ("16x9
// Image"), a "Home | World | Politics" menu, or a call to click.
func isChrome(s string) bool {
	if strings.Count(s, "|") >= 2 && !endsSentence(s) {
		return true
	}
	if isPlaceholder(s) || labelLike(s) {
		return true
	}
	words := len(strings.Fields(s))
	low := strings.ToLower(s)
	if words <= 15 && !endsSentence(s) && (strings.Contains(low, "click here") || strings.Contains(low, "clicking here")) {
		return true
	}
	return false
}

// aboutUs are phrases of publisher blurbs and legal footers.
var aboutUs = []string{
	"journalists report", "we provide", "our journalists", "our mission", "our reporters", "our journalism",
	"all rights reserved", "copyright ©", "© ", "is a registered trademark", "terms of use", "terms of service",
	"privacy policy", "cookie policy", "support our journalism", "support independent journalism",
	"sign up for our", "subscribe to our", "follow us on", "download our app",
	"this material may not be published", "may not be published, broadcast, rewritten", "we use cookies",
}

// isAboutUs reports a publisher blurb or legal footer paragraph.
func isAboutUs(s string) bool {
	low := strings.ToLower(s)
	for _, p := range aboutUs {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// isBareURL reports a paragraph that is only a web address.
func isBareURL(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// isMediaCredit reports a short caption credit: "photos © Inexhibit, 2018",
// "Photo: Reuters", "(AP Photo/Jane Doe)".
func isMediaCredit(s string) bool {
	words := len(strings.Fields(s))
	if words > 20 {
		return false
	}
	low := strings.ToLower(s)
	if strings.Contains(s, "©") {
		return true
	}
	for _, p := range []string{"photo:", "photos:", "image:", "images:", "photo credit", "image credit", "credit:", "(ap photo", "(photo", "(reuters/", "photograph:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// isDateLine reports a line that is only a date, maybe with a time
// ("NOVEMBER 20, 2019 10:43", "11/19/2019", "Updated at 1:23 p.m.").
func isDateLine(s string) bool {
	if len(strings.Fields(s)) > 8 {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range []string{"updated", "published", "posted", "last updated", "first published", "modified"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return looseDate(s) != ""
}
