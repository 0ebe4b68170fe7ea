package source

import (
	"bufio"
	"bytes"
	"strings"
)

// Robots is a parsed robots.txt (RFC 9309), reduced to the rules of one
// user agent: the group that names our product token, else the "*" group,
// else none (everything allowed).
type Robots struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobotsBytes bounds the robots.txt read (RFC 9309 asks for at least
// 500 KiB).
const maxRobotsBytes = 512 << 10

// ParseRobots parses robots.txt content for the user agent whose product
// token is agent (e.g. "eventwire"). It never fails: lines it does not
// understand are ignored, as the RFC asks.
func ParseRobots(b []byte, agent string) *Robots {
	if len(b) > maxRobotsBytes {
		b = b[:maxRobotsBytes]
	}
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	lastWasAgent := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes+1)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if cur == nil || !lastWasAgent {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			lastWasAgent = true
		case "allow", "disallow":
			lastWasAgent = false
			if cur == nil {
				continue
			}
			if val == "" {
				continue // an empty Disallow allows everything
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		default:
			// sitemap, crawl-delay and unknown keys do not end a group.
		}
	}
	var star, mine []robotsRule
	foundMine, foundStar := false, false
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star = append(star, g.rules...)
				foundStar = true
			case a == agent || strings.HasPrefix(a, agent+"/"):
				mine = append(mine, g.rules...)
				foundMine = true
			}
		}
	}
	if foundMine {
		return &Robots{rules: mine}
	}
	if foundStar {
		return &Robots{rules: star}
	}
	return &Robots{}
}

// Allowed reports whether path (with its query, e.g. "/a/b?x=1") may be
// fetched: the longest matching rule wins, Allow on a tie; no match allows.
func (r *Robots) Allowed(path string) bool {
	if r == nil {
		return true
	}
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: '*' is any sequence, a
// final '$' anchors the end, anything else matches a prefix.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	// The first part must be a prefix.
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if i == len(parts)-1 && anchored {
			// The last part must end the path, after pos.
			return len(path)-len(p) >= pos && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	if anchored {
		return pos == len(path)
	}
	return true
}
