package dict

import "strings"

// Discards is a discard list: phrases that stop a sentence, or with "+" a
// whole story, from being coded (sports results, chronologies).
type Discards struct {
	entries []discard
}

type discard struct {
	text  string // upper case, with a leading blank
	exact bool   // must end at a word boundary
	story bool
	file  string
	line  int
}

func (d *Discards) parse(file string, data []byte, errs *ErrorList) {
	for _, ln := range lines(data) {
		s := ln.s
		e := discard{file: file, line: ln.n}
		if s[0] == '+' {
			e.story, s = true, strings.TrimSpace(s[1:])
		}
		if strings.HasSuffix(s, "_") {
			e.exact, s = true, strings.TrimRight(s, "_")
		}
		s = strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
		if s == "" {
			errs.add(file, ln.n, "empty discard phrase")
			continue
		}
		e.text = " " + Key(s)
		d.entries = append(d.entries, e)
	}
}

// Len returns the number of discard phrases.
func (d *Discards) Len() int { return len(d.entries) }

// Match reports whether text (a sentence or a story) holds a discard
// phrase: sentence is true when a sentence-level phrase matched, story when
// a story-level one did. phrase is the matched phrase.
func (d *Discards) Match(text string) (sentence, story bool, phrase string) {
	if d == nil || len(d.entries) == 0 {
		return false, false, ""
	}
	up := " " + Key(text) + " "
	for _, e := range d.entries {
		from := 0
		for {
			i := strings.Index(up[from:], e.text)
			if i < 0 {
				break
			}
			end := from + i + len(e.text)
			if !e.exact || end >= len(up) || !isLetter(up[end]) {
				if e.story {
					return false, true, e.text[1:]
				}
				sentence, phrase = true, e.text[1:]
				break
			}
			from = end
		}
	}
	return sentence, false, phrase
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 }
