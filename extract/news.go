package extract

// normalizeDate returns s as YYYY-MM-DD or RFC 3339, or "" if it is not a
// date.
func normalizeDate(s string) string { return "" }

// dateFromURL returns the date a URL path spells (/2016/12/23/), or "".
func dateFromURL(u string) string { return "" }

// cleanByline removes "By" and surrounding noise from a byline.
func cleanByline(s string) string { return cleanSpace(s) }

// parseDateline splits a leading dateline off a first paragraph.
func parseDateline(p string) (dateline, agency string) { return "", "" }

// creditsIn returns the wire agencies a credit paragraph names.
func creditsIn(p string) []string { return nil }

// dedupeCredits removes repeated credits, keeping the first order.
func dedupeCredits(c []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range c {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// detectLanguage returns the ISO 639-1 code of s, or "".
func detectLanguage(s string) string { return "" }
