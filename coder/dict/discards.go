package dict

import "strings"

// Discards is a discard list: phrases that stop a sentence, or with "+" a
// whole story, from being coded (sports results, chronologies).
type Discards struct {
	entries []discard
	// byFirst indexes entries by their first word; a one-word entry is a
	// stem, so it is found under every prefix of a text word.
	byFirst map[string][]int
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
		if d.byFirst == nil {
			d.byFirst = map[string][]int{}
		}
		first, _, _ := strings.Cut(e.text[1:], " ")
		d.byFirst[first] = append(d.byFirst[first], len(d.entries))
		d.entries = append(d.entries, e)
	}
}

// Len returns the number of discard phrases.
func (d *Discards) Len() int { return len(d.entries) }

// Match reports whether text (a sentence or a story) holds a discard
// phrase: sentence is true when a sentence-level phrase matched, story when
// a story-level one did. phrase is the matched phrase.
func (d *Discards) Match(text string) (sentence, story bool, phrase string) {
	story, hits, phrase := d.Find(text)
	return len(hits) > 0 && !story, story, phrase
}

// Find scans text once: story reports a story-level phrase; hits are the
// byte offsets in text where sentence-level phrases start, so that one
// scan of a document serves all its sentences. phrase is the first
// phrase found (the story-level one when story is true).
func (d *Discards) Find(text string) (story bool, hits []int, phrase string) {
	s, hits, phrase := d.find(text)
	if s != nil {
		return true, hits, s.Phrase
	}
	return false, hits, phrase
}

// StoryDiscard is a story-level discard phrase found in a text: where, and
// which entry of which file.
type StoryDiscard struct {
	Phrase     string // the entry's phrase, upper case
	Start, End int    // byte offsets of the match in the text
	File       string
	Line       int
}

// FindStory returns the first story-level phrase in text, if any: what
// makes a whole story uncoded, for telling a reader why.
func (d *Discards) FindStory(text string) (StoryDiscard, bool) {
	s, _, _ := d.find(text)
	if s == nil {
		return StoryDiscard{}, false
	}
	return *s, true
}

func (d *Discards) find(text string) (story *StoryDiscard, hits []int, phrase string) {
	if d == nil || len(d.entries) == 0 {
		return nil, nil, ""
	}
	up := make([]byte, 0, len(text)+2)
	up = append(up, ' ')
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			c = ' '
		}
		up = append(up, c)
	}
	up = append(up, ' ')
	u := string(up)
	for i := 1; i < len(u); i++ {
		if u[i-1] != ' ' || u[i] == ' ' {
			continue
		}
		j := i
		for j < len(u) && u[j] != ' ' {
			j++
		}
		for k := j; k > i; k-- {
			for _, x := range d.byFirst[u[i:k]] {
				e := &d.entries[x]
				if k < j && strings.IndexByte(e.text[1:], ' ') >= 0 {
					continue // a multi-word entry's first word is whole
				}
				if !strings.HasPrefix(u[i-1:], e.text) {
					continue
				}
				end := i - 1 + len(e.text)
				if e.exact && end < len(u) && isLetter(u[end]) {
					continue
				}
				if e.story {
					return &StoryDiscard{Phrase: e.text[1:], Start: i - 1, End: end - 1, File: e.file, Line: e.line}, hits, ""
				}
				if len(hits) == 0 {
					phrase = e.text[1:]
				}
				hits = append(hits, i-1)
			}
		}
	}
	return nil, hits, phrase
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 }
