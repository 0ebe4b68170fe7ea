package source

import "testing"

func TestRobots(t *testing.T) {
	const txt = `# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/public
Disallow: /search?

User-agent: eventwire
User-agent: otherbot
Disallow: /news/drafts
Allow: /news/drafts/ok$
Disallow: /tmp*/x
`
	tests := []struct {
		name   string
		robots string
		agent  string
		path   string
		want   bool
	}{
		{"own group used over star", txt, "eventwire", "/private/a", true},
		{"own group disallow", txt, "eventwire", "/news/drafts/1", false},
		{"own group anchored allow", txt, "eventwire", "/news/drafts/ok", true},
		{"anchored allow does not match longer", txt, "eventwire", "/news/drafts/ok/more", false},
		{"wildcard middle", txt, "eventwire", "/tmp123/x/y", false},
		{"wildcard no match", txt, "eventwire", "/tmp123/y", true},
		{"agent case-insensitive", txt, "EventWire", "/news/drafts/1", false},
		{"star group for others", txt, "somebot", "/private/a", false},
		{"star longest allow wins", txt, "somebot", "/private/public/x", true},
		{"star pdf anchored", txt, "somebot", "/a/b.pdf", false},
		{"star pdf not at end", txt, "somebot", "/a/b.pdf?x", true},
		{"star query", txt, "somebot", "/search?q=1", false},
		{"root allowed", txt, "somebot", "/", true},
		{"empty file allows", "", "eventwire", "/x", true},
		{"empty disallow allows", "User-agent: *\nDisallow:\n", "eventwire", "/x", true},
		{"disallow all", "User-agent: *\nDisallow: /\n", "eventwire", "/x", false},
		{"robots.txt always allowed", "User-agent: *\nDisallow: /\n", "eventwire", "/robots.txt", true},
		{"rules before any agent ignored", "Disallow: /\nUser-agent: *\nAllow: /\n", "eventwire", "/x", true},
		{"tie goes to allow", "User-agent: *\nDisallow: /a\nAllow: /a\n", "eventwire", "/a", true},
		{"prefix of agent name is not a match", "User-agent: event\nDisallow: /\n", "eventwire", "/x", true},
		{"versioned agent token", "User-agent: eventwire/0.1\nDisallow: /\n", "eventwire", "/x", false},
		{"CRLF and spaces", "User-agent : * \r\nDisallow : /x \r\n", "eventwire", "/x/1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseRobots([]byte(tt.robots), tt.agent).Allowed(tt.path); got != tt.want {
				t.Errorf("Allowed(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/public$\n"), "/private/x")
	f.Add([]byte("User-agent: eventwire\nDisallow: /*.pdf$\n"), "/a.pdf")
	f.Add([]byte("User-agent: *\nDisallow: /***$$\n"), "/")
	f.Fuzz(func(t *testing.T, b []byte, path string) {
		r := ParseRobots(b, "eventwire")
		_ = r.Allowed(path)
		// A file without rules for us allows everything.
		if len(r.rules) == 0 && !r.Allowed(path) {
			t.Fatal("no rules but disallowed")
		}
	})
}
