package main

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
)

// An upstream is a loaded actor dictionary with its files, to find the
// records that name a person and read all their phrases.
type upstream struct {
	d     *dict.Dictionaries
	fsys  fs.FS
	files []string
	lines map[string][]string // file → its lines
	// byLast indexes the records by the last word of each of their
	// phrases of two words or more, for findPerson.
	byLast map[string][]*dict.Actor
}

// newUpstream loads the actor files from fsys, in order.
func newUpstream(fsys fs.FS, files []string) (*upstream, error) {
	d, err := dict.Load(fsys, dict.Files{Actors: files})
	if err != nil {
		// The upstream files have known defects, which the fixes
		// restore; what could be read is enough.
		var list dict.ErrorList
		if !errors.As(err, &list) {
			return nil, err
		}
	}
	return &upstream{d: d, fsys: fsys, files: files, lines: map[string][]string{}}, nil
}

// normPhrase returns a phrase's words in key form joined by "_", without
// the final underscore: "Donald_J._Trump_" → "DONALD_J._TRUMP".
func normPhrase(p string) string {
	f := strings.FieldsFunc(p, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	for i, w := range f {
		f[i] = dict.Key(w)
	}
	return strings.Join(f, "_")
}

// lookup returns the record that has phrase p itself among its phrases
// (not a transliteration variant or a stem), or nil.
func (u *upstream) lookup(p string) *dict.Actor {
	words := strings.Split(normPhrase(p), "_")
	w := dict.NewWords(words)
	a, n := u.d.Actors.Match(w, 0, len(words))
	if a == nil || n != len(words) {
		return nil
	}
	want := normPhrase(p)
	for _, q := range u.phrases(a) {
		if normPhrase(q) == want {
			return a
		}
	}
	return nil
}

// phrases returns the phrases of a record as written in its file: the
// primary phrase, its "+" synonyms and tab-indented phrases with codes.
func (u *upstream) phrases(a *dict.Actor) []string {
	ls := u.fileLines(a.File)
	if a.Line < 1 || a.Line > len(ls) {
		return nil
	}
	phrase := func(s string) string {
		if i := strings.IndexByte(s, '['); i >= 0 {
			s = s[:i]
		}
		if i := strings.IndexByte(s, ';'); i >= 0 {
			s = s[:i]
		}
		return strings.TrimSpace(s)
	}
	first := uncomment(ls[a.Line-1])
	out := []string{phrase(first)}
	// As coder/dict reads the file: primary phrases in a row, before any
	// code, are one record.
	coded := strings.Contains(first, "[")
	for _, raw := range ls[a.Line:] {
		s := uncomment(raw)
		t := strings.TrimSpace(s)
		switch {
		case t == "" || strings.HasPrefix(t, "<!--"):
			continue
		case strings.HasPrefix(t, "+"):
			if p := phrase(t[1:]); p != "" {
				out = append(out, p)
			}
			coded = coded || strings.Contains(t, "[")
		case strings.HasPrefix(t, "["):
			coded = true
		case s[0] == '\t' || s[0] == ' ':
			if p := phrase(t); p != "" && strings.Contains(t, "[") {
				out = append(out, p)
				coded = true
			}
		case !coded && !strings.Contains(t, "["):
			if p := phrase(t); p != "" {
				out = append(out, p)
			}
		default:
			return out
		}
	}
	return out
}

// uncomment removes a "#" comment and a carriage return.
func uncomment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, "\r")
}

func (u *upstream) fileLines(name string) []string {
	if ls, ok := u.lines[name]; ok {
		return ls
	}
	b, err := fs.ReadFile(u.fsys, name)
	if err != nil {
		return nil
	}
	ls := strings.Split(string(b), "\n")
	u.lines[name] = ls
	return ls
}

// index builds byLast: every record whose primary phrase is found as
// written (not shadowed by a later file's record of the same phrase).
func (u *upstream) index() {
	u.byLast = map[string][]*dict.Actor{}
	for _, f := range u.files {
		for i, raw := range u.fileLines(f) {
			s := uncomment(raw)
			t := strings.TrimSpace(s)
			if t == "" || s[0] == '\t' || s[0] == ' ' || t[0] == '+' || t[0] == '[' || strings.HasPrefix(t, "<!--") {
				continue
			}
			p := t
			if j := strings.IndexAny(p, "[;"); j >= 0 {
				p = p[:j]
			}
			a := u.lookup(p)
			if a == nil || a.File != f || a.Line != i+1 {
				continue
			}
			for _, q := range u.phrases(a) {
				w := strings.Split(normPhrase(q), "_")
				if len(w) < 2 {
					continue
				}
				last := w[len(w)-1]
				if !slices.Contains(u.byLast[last], a) {
					u.byLast[last] = append(u.byLast[last], a)
				}
			}
		}
	}
}

// findPerson returns the records that name a person of country code
// written n, allowing for transliteration: a record of that country
// (compatible) with a phrase that ends with the name's capitals and whose
// words before them are the given names (but initials), spelt alike
// (similarGiven): ALEXANDER_LUKASHENKO_ for Aleksandr LUKASHENKO, not
// AMADOU_BAH_ for Amadou Oury BAH. Names that start with their capitals
// (XI Jinping) are matched exactly only.
func (u *upstream) findPerson(n name, code string) []*dict.Actor {
	if n.capsFirst() || n.plain {
		return nil
	}
	caps := strings.Split(strings.TrimSuffix(capsKey(n), "_"), "_")
	var given []string
	for _, g := range n.given {
		if !isInitial(g) && !particles[g] {
			k, _ := asciiKey(g)
			given = append(given, k)
		}
	}
	if len(given) == 0 {
		return nil
	}
	var out []*dict.Actor
	for _, a := range u.byLast[caps[len(caps)-1]] {
		if !compatible(a, code) || slices.Contains(out, a) {
			continue
		}
		for _, q := range u.phrases(a) {
			w := strings.Split(normPhrase(q), "_")
			if len(w) <= len(caps) || !slices.Equal(w[len(w)-len(caps):], caps) {
				continue
			}
			if coversGiven(w[:len(w)-len(caps)], given) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// similarGiven reports whether two upper-case given names are one name
// transliterated: equal, or their consonant keys (consonants) differ by
// one edit, two for keys of six letters or more (ALXNDR, ALKSNDR).
func similarGiven(a, b string) bool {
	if a == b {
		return true
	}
	ka, kb := consonants(a), consonants(b)
	if ka[0] != kb[0] {
		return false
	}
	d := dict.EditDistance(ka, kb)
	return d <= 1 || d <= 2 && len(ka) >= 6 && len(kb) >= 6
}

// coversGiven reports whether the words of a phrase before the capitals
// are the given names, in order, each spelt alike, initials aside.
func coversGiven(words, given []string) bool {
	var w []string
	for _, x := range words {
		if !isInitial(x) {
			w = append(w, x)
		}
	}
	if len(w) != len(given) {
		return false
	}
	for i := range w {
		if !similarGiven(w[i], given[i]) {
			return false
		}
	}
	return true
}
