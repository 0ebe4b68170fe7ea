package extract

import "strings"

// extractPlain extracts an article from plain text: paragraphs are separated
// by blank lines.
func extractPlain(s string) *draft {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	d := &draft{}
	for _, block := range strings.Split(s, "\n\n") {
		if p := cleanSpace(block); p != "" {
			d.paras = append(d.paras, p)
		}
	}
	return d
}
