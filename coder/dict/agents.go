package dict

import "strings"

// Agent is one agent (role) entry: "~GOV" appends GOV after the actor code,
// "NGO~" puts NGO before it.
type Agent struct {
	// Name is the phrase as written in the file.
	Name string
	// Code is the role code without the tilde.
	Code string
	// Prefix is true for "CODE~" entries, whose code goes before the
	// actor's.
	Prefix bool
	File   string
	Line   int
}

type agentPhrase struct {
	phrase
	agent *Agent
}

// Agents is an agent dictionary indexed for longest-match look-up.
type Agents struct {
	byFirst map[string][]agentPhrase
	n       int
	seq     int
}

func newAgents() *Agents { return &Agents{byFirst: map[string][]agentPhrase{}} }

// Len returns the number of agent entries.
func (a *Agents) Len() int { return a.n }

func (a *Agents) parse(file string, data []byte, errs *ErrorList) {
	subst := map[string][]string{}
	for _, ln := range lines(data) {
		s := ln.s
		if s[0] == '!' && strings.Contains(s, "=") && !strings.Contains(s, "[") {
			i := strings.IndexByte(s, '=')
			name := strings.TrimSpace(s[:i])
			if len(name) < 3 || !strings.HasSuffix(name, "!") {
				errs.add(file, ln.n, "substitution set %q: want !NAME! = A, B", name)
				continue
			}
			var items []string
			for _, it := range strings.Split(s[i+1:], ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, Key(it))
				}
			}
			subst[Key(name)] = items
			continue
		}
		before, inside, _, ok := bracket(s)
		if !ok {
			errs.add(file, ln.n, "agent %q has no [code]", s)
			continue
		}
		code := strings.TrimSpace(inside)
		ag := &Agent{File: file, Line: ln.n}
		switch {
		case strings.HasPrefix(code, "~"):
			ag.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			ag.Code, ag.Prefix = code[:len(code)-1], true
		default:
			errs.add(file, ln.n, "agent code [%s] has no ~", code)
			continue
		}
		if ag.Code == "" || strings.ContainsAny(ag.Code, " ~") {
			errs.add(file, ln.n, "bad agent code [%s]", code)
			continue
		}
		// Split off an explicit plural in {...}.
		phr, plural, hasPlural := before, "", false
		if i := strings.IndexByte(before, '{'); i >= 0 {
			j := strings.IndexByte(before[i:], '}')
			if j < 0 {
				errs.add(file, ln.n, "unclosed { in %q", s)
				continue
			}
			phr, plural, hasPlural = before[:i], before[i+1:i+j], true
		}
		phr = strings.TrimSpace(phr)
		ag.Name = phr
		if phr == "" {
			errs.add(file, ln.n, "agent without a phrase")
			continue
		}
		forms, bad := expandSubst(Key(phr), subst)
		if bad != "" {
			errs.add(file, ln.n, "undefined substitution set %s", bad)
			continue
		}
		a.n++
		for _, f := range forms {
			words, _ := splitPhrase(f)
			if len(words) == 0 {
				continue
			}
			a.add(words, ag)
			if f != Key(phr) {
				continue // substituted forms get no plurals
			}
			if hasPlural {
				if pw, _ := splitPhrase(plural); len(pw) > 0 {
					a.add(pw, ag)
				}
				continue
			}
			for _, p := range plurals(words[len(words)-1]) {
				pw := append(append([]string(nil), words[:len(words)-1]...), p)
				a.add(pw, ag)
			}
		}
	}
}

// expandSubst replaces each !NAME! marker by every item of its set.
func expandSubst(s string, subst map[string][]string) (out []string, undefined string) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, ""
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, s[i:]
	}
	name := s[i : i+j+2]
	items, ok := subst[name]
	if !ok {
		return nil, name
	}
	for _, it := range items {
		rest, bad := expandSubst(s[i+j+2:], subst)
		if bad != "" {
			return nil, bad
		}
		for _, r := range rest {
			out = append(out, s[:i]+it+r)
		}
	}
	return out, ""
}

func (a *Agents) add(words []string, ag *Agent) {
	a.seq++
	a.byFirst[words[0]] = append(a.byFirst[words[0]], agentPhrase{newPhrase(words, false, a.seq), ag})
	if split, ok := splitHyphens(words); ok {
		a.seq++
		a.byFirst[split[0]] = append(a.byFirst[split[0]], agentPhrase{newPhrase(split, false, a.seq), ag})
	}
}

func (a *Agents) finish() {
	for _, v := range a.byFirst {
		sortPhrases(v, func(p *agentPhrase) *phrase { return &p.phrase })
	}
}

// Match finds the longest agent phrase that starts at word i of w and ends
// before word end.
func (a *Agents) Match(w Words, i, end int) (*Agent, int) {
	if a == nil || i >= end {
		return nil, 0
	}
	for _, p := range a.byFirst[w.Keys[i]] {
		if n := p.match(w, i, end, false, false); n > 0 {
			return p.agent, n // candidates are sorted longest first
		}
	}
	return nil, 0
}
