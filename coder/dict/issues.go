package dict

import (
	"sort"
	"strings"
)

// Issues is an issue list: phrases that tag a sentence with issue codes
// (topics). Phrases starting with "~" are ignore phrases: finding one
// cancels all issues of the sentence.
type Issues struct {
	entries []issue
}

type issue struct {
	text   string // upper case, blank on both sides
	code   string
	ignore bool
}

func (is *Issues) parse(file string, data []byte, errs *ErrorList) {
	for _, ln := range lines(data) {
		s := ln.s
		if s[0] == '<' {
			continue // <ISSUE CATEGORY=...> and </ISSUE> group entries
		}
		ignore := false
		if s[0] == '~' {
			ignore, s = true, strings.TrimLeft(s, "~")
		}
		code := ""
		if before, inside, _, ok := bracket(s); ok {
			s, code = before, inside
		} else if !ignore {
			errs.add(file, ln.n, "issue %q has no [code]", s)
			continue
		}
		variants := []string{""}
		for _, w := range strings.Fields(s) {
			var forms []string
			switch {
			case strings.HasPrefix(w, "n:"):
				w = Key(w[2:])
				forms = append([]string{w}, plurals(w)...)
			case strings.HasPrefix(w, "v:"):
				w = Key(w[2:])
				forms = verbForms(w)
			default:
				forms = []string{Key(w)}
			}
			var more []string
			for _, f := range forms {
				if strings.Contains(f, "+") {
					more = append(more, strings.ReplaceAll(f, "+", " "), strings.ReplaceAll(f, "+", "-"), strings.ReplaceAll(f, "+", ""))
				} else {
					more = append(more, f)
				}
			}
			var next []string
			for _, v := range variants {
				for _, f := range more {
					next = append(next, v+" "+f)
				}
			}
			if len(next) > 256 {
				errs.add(file, ln.n, "issue %q expands to too many forms", s)
				next = nil
			}
			variants = next
		}
		for _, v := range variants {
			if strings.TrimSpace(v) == "" {
				continue
			}
			is.entries = append(is.entries, issue{text: v + " ", code: code, ignore: ignore})
		}
	}
}

// Len returns the number of issue phrases (after expansion).
func (is *Issues) Len() int { return len(is.entries) }

// Match returns the issue codes found in text with their counts, sorted by
// code; nil when an ignore phrase is present.
func (is *Issues) Match(text string) map[string]int {
	if is == nil {
		return nil
	}
	up := " " + strings.Join(strings.FieldsFunc(Key(text), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == ',' || r == '.' || r == ';' || r == ':' || r == '"' || r == '(' || r == ')'
	}), " ") + " "
	var out map[string]int
	for _, e := range is.entries {
		if n := strings.Count(up, e.text); n > 0 {
			if e.ignore {
				return nil
			}
			if out == nil {
				out = map[string]int{}
			}
			out[e.code] += n
		}
	}
	return out
}

// Codes returns the keys of m sorted.
func Codes(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
