package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestREADMEExamples keeps README.md's examples true: it runs every
// "$ eventwire ..." line of the README's shell blocks from the repository
// root, as a reader of the README would, and checks the output shown under
// it against what the command prints on stdout.
//
// JSON output is compared value by value: every key and value shown must be
// the command's, an object or array shown without "…" must have exactly the
// keys or elements shown, "…" (or "...") in an object or array stands for any
// keys or any run of elements, and "…" inside a string for any text. Text
// output is compared line by line (runs of blanks count as one space); a
// line "…" stands for any run of lines, "…" inside a line for any text. A
// command shown without output must only succeed.
//
// Nothing is exempt: when the dictionaries change, the "coder" digest in
// the README must change with them.
func TestREADMEExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo and the coder")
	}
	t.Chdir("../..")
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	exs, err := readmeExamples(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) < 4 {
		t.Fatalf("README.md has %d example commands, want at least 4 (extract, code, demo, parse)", len(exs))
	}
	for _, ex := range exs {
		t.Run(fmt.Sprintf("line%d_%s", ex.line, ex.args[0]), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			m := &Main{Stdin: strings.NewReader(ex.stdin), Stdout: &stdout, Stderr: &stderr}
			if err := m.Run(context.Background(), ex.args); err != nil {
				t.Fatalf("README.md:%d: %s: %v\n%s", ex.line, ex.cmd, err, stderr.String())
			}
			if err := matchOutput(ex.output, stdout.String()); err != nil {
				t.Errorf("README.md:%d: %s: the output differs from the README's: %v", ex.line, ex.cmd, err)
			}
		})
	}
}

// readmeExample is one "$ eventwire ..." line of a shell block and the
// output shown under it.
type readmeExample struct {
	line   int    // of the command in README.md
	cmd    string // as written
	args   []string
	stdin  string // what "echo ... |" feeds it
	output []string
}

// readmeExamples returns the example commands of the shell blocks of a
// Markdown text. A block's lines that start with "$ " are commands; the
// lines up to the next command or the end of the block are its output.
func readmeExamples(md string) ([]readmeExample, error) {
	var exs []readmeExample
	inShell, inBlock := false, false
	cur := -1 // the command whose output the block's lines are
	sc := bufio.NewScanner(strings.NewReader(md))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if fence, ok := strings.CutPrefix(line, "```"); ok {
			cur = -1
			if inBlock {
				inBlock, inShell = false, false
			} else {
				inBlock = true
				inShell = slices.Contains([]string{"sh", "shell", "bash", "console"}, strings.TrimSpace(fence))
			}
			continue
		}
		if !inShell {
			continue
		}
		if cmd, ok := strings.CutPrefix(line, "$ "); ok {
			ex, err := parseExampleCommand(cmd)
			if err != nil {
				return nil, fmt.Errorf("README.md:%d: %w", n, err)
			}
			ex.line = n
			exs = append(exs, ex)
			cur = len(exs) - 1
			continue
		}
		if cur >= 0 {
			exs[cur].output = append(exs[cur].output, line)
		}
	}
	// Output ends at its last non-blank line.
	for i := range exs {
		o := exs[i].output
		for len(o) > 0 && strings.TrimSpace(o[len(o)-1]) == "" {
			o = o[:len(o)-1]
		}
		exs[i].output = o
	}
	return exs, sc.Err()
}

// parseExampleCommand reads "eventwire ARGS" or
// `echo "TEXT" | eventwire ARGS`.
func parseExampleCommand(cmd string) (readmeExample, error) {
	ex := readmeExample{cmd: cmd}
	words, err := shellWords(cmd)
	if err != nil {
		return ex, err
	}
	if i := slices.Index(words, "|"); i >= 0 {
		if i != 2 || words[0] != "echo" {
			return ex, fmt.Errorf("%s: the only pipe the test knows is echo TEXT | eventwire ...", cmd)
		}
		ex.stdin = words[1] + "\n"
		words = words[3:]
	}
	if len(words) < 2 || words[0] != "eventwire" {
		return ex, fmt.Errorf("%s: not an eventwire command", cmd)
	}
	ex.args = words[1:]
	return ex, nil
}

// shellWords splits a command line into words: blanks separate them,
// single and double quotes group them, and a lone "|" is a word.
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case '\'', '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("%s: unclosed quote", s)
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// matchOutput compares the output a README shows with a command's stdout.
func matchOutput(shown []string, got string) error {
	if len(shown) == 0 {
		return nil
	}
	text := strings.Join(shown, "\n")
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return matchJSONOutput(text, got)
	}
	return matchLines(shown, strings.Split(strings.TrimRight(got, "\n"), "\n"))
}

// isElision reports whether s is the README's mark for something left out.
func isElision(s string) bool { return s == "…" || s == "..." }

// matchLines compares text output line by line.
func matchLines(shown, got []string) error {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	_, err := matchSeq(len(shown), len(got),
		func(i int) bool { return isElision(strings.TrimSpace(shown[i])) },
		func(i, j int) (int, error) {
			if !globMatch(norm(shown[i]), norm(got[j])) {
				return 0, fmt.Errorf("output line %d is\n\t%s\nthe README shows\n\t%s", j+1, got[j], shown[i])
			}
			return 1, nil
		}, "line")
	return err
}

// matchSeq matches n shown items against m real ones, in order: gap(i)
// says shown item i stands for any run of real items, elem(i, j) compares
// shown item i with real item j and says how many values they agree on.
// It returns the number of values that agree; when no alignment works, the
// error of the nearest miss: the furthest shown item reached, and of the
// real items tried for it the one that agrees most.
func matchSeq(n, m int, gap func(int) bool, elem func(i, j int) (int, error), what string) (int, error) {
	bestI, bestN, best := -1, -1, error(nil)
	fail := func(i, agreed int, err error) {
		if i > bestI || i == bestI && agreed > bestN {
			bestI, bestN, best = i, agreed, err
		}
	}
	total := 0
	var rec func(i, j int) bool
	rec = func(i, j int) bool {
		switch {
		case i == n && j == m:
			return true
		case i == n:
			fail(i, 0, fmt.Errorf("the output has %d more %s(s) than the README shows, from %s %d (mark left-out parts with …)", m-j, what, what, j+1))
			return false
		case gap(i):
			for k := j; k <= m; k++ {
				if rec(i+1, k) {
					return true
				}
			}
			return false
		case j == m:
			fail(i, 0, fmt.Errorf("the README shows more %ss than the output has (%d)", what, m))
			return false
		}
		agreed, err := elem(i, j)
		if err != nil {
			fail(i, agreed, err)
			return false
		}
		if !rec(i+1, j+1) {
			return false
		}
		total += agreed
		return true
	}
	if rec(0, 0) {
		return total, nil
	}
	return 0, best
}

// globMatch reports whether s matches pattern, where "…" and "..." in
// pattern stand for any text.
func globMatch(pattern, s string) bool {
	parts := strings.Split(strings.ReplaceAll(pattern, "...", "…"), "…")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}

// matchJSONOutput compares JSON values shown with elisions with the JSON
// values a command printed (one or more, as JSON lines).
func matchJSONOutput(shown, got string) error {
	p := &jsonPattern{s: shown}
	var pats []*jpat
	for {
		p.space()
		if p.i == len(p.s) {
			break
		}
		v, err := p.value()
		if err != nil {
			return fmt.Errorf("the README's output is not JSON with elisions: %w", err)
		}
		pats = append(pats, v)
	}
	var vals []any
	dec := json.NewDecoder(strings.NewReader(got))
	dec.UseNumber()
	for {
		var v any
		if err := dec.Decode(&v); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("the command's output is not JSON: %w", err)
		}
		vals = append(vals, v)
	}
	_, err := matchSeq(len(pats), len(vals),
		func(i int) bool { return pats[i].kind == kindAny },
		func(i, j int) (int, error) { return pats[i].match(vals[j], fmt.Sprintf("value %d", j+1)) }, "value")
	return err
}

// jpat is a JSON value as the README shows it, possibly with elisions.
type jpat struct {
	kind  byte   // kindAny, '{', '[', '"', or 'l' for a number, true, false or null
	text  string // a string's value, or a literal as written
	keys  []string
	vals  []*jpat
	open  bool // an object with "…" among its members
	elems []*jpat
}

// kindAny is "…" standing for a value, or for a run of array elements.
const kindAny = '*'

// match compares p with the decoded value v at path and returns the
// number of strings, numbers and other literals that agree (up to the
// mismatch, when there is one).
func (p *jpat) match(v any, path string) (int, error) {
	switch p.kind {
	case kindAny:
		return 0, nil
	case '{':
		obj, ok := v.(map[string]any)
		if !ok {
			return 0, fmt.Errorf("%s: the README shows an object, the output has %s", path, show(v))
		}
		agreed := 0
		for i, k := range p.keys {
			got, ok := obj[k]
			if !ok {
				return agreed, fmt.Errorf("%s: the output has no key %q", path, k)
			}
			n, err := p.vals[i].match(got, path+"."+k)
			agreed += n
			if err != nil {
				return agreed, err
			}
		}
		if !p.open {
			var extra []string
			for k := range obj {
				if !slices.Contains(p.keys, k) {
					extra = append(extra, k)
				}
			}
			if len(extra) > 0 {
				slices.Sort(extra)
				return agreed, fmt.Errorf("%s: the output has keys the README does not show: %s (show them or mark the elision with …)", path, strings.Join(extra, ", "))
			}
		}
		return agreed, nil
	case '[':
		arr, ok := v.([]any)
		if !ok {
			return 0, fmt.Errorf("%s: the README shows an array, the output has %s", path, show(v))
		}
		return matchSeq(len(p.elems), len(arr),
			func(i int) bool { return p.elems[i].kind == kindAny },
			func(i, j int) (int, error) { return p.elems[i].match(arr[j], fmt.Sprintf("%s[%d]", path, j)) },
			"element of "+path)
	case '"':
		s, ok := v.(string)
		if !ok || !globMatch(p.text, s) {
			return 0, fmt.Errorf("%s: the README shows %q, the output has %s", path, p.text, show(v))
		}
		return 1, nil
	default:
		if !literalEqual(p.text, v) {
			return 0, fmt.Errorf("%s: the README shows %s, the output has %s", path, p.text, show(v))
		}
		return 1, nil
	}
}

// literalEqual compares a number, true, false or null as written with a
// decoded value.
func literalEqual(lit string, v any) bool {
	switch lit {
	case "true", "false":
		b, ok := v.(bool)
		return ok && (lit == "true") == b
	case "null":
		return v == nil
	}
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	want, err1 := json.Number(lit).Float64()
	got, err2 := n.Float64()
	return err1 == nil && err2 == nil && want == got
}

// show prints a decoded value for an error message, cut short.
func show(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 120 {
		cut := 120
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// jsonPattern parses JSON in which "…" or "..." may stand for a value, for
// members of an object, for runs of array elements, and for text inside a
// string.
type jsonPattern struct {
	s string
	i int
}

func (p *jsonPattern) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *jsonPattern) errorf(format string, args ...any) error {
	line := 1 + strings.Count(p.s[:p.i], "\n")
	return fmt.Errorf("line %d of the output shown: %s", line, fmt.Sprintf(format, args...))
}

// elision consumes "…" or "..." if it comes next.
func (p *jsonPattern) elision() bool {
	for _, e := range []string{"…", "..."} {
		if strings.HasPrefix(p.s[p.i:], e) {
			p.i += len(e)
			return true
		}
	}
	return false
}

func (p *jsonPattern) value() (*jpat, error) {
	p.space()
	if p.elision() {
		return &jpat{kind: kindAny}, nil
	}
	if p.i == len(p.s) {
		return nil, p.errorf("a value is missing at the end")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &jpat{kind: '"', text: s}, nil
	default:
		j := p.i
		for j < len(p.s) && strings.IndexByte("+-.0123456789eEtruefalsn", p.s[j]) >= 0 {
			j++
		}
		if j == p.i {
			return nil, p.errorf("unexpected %q", p.s[p.i:min(p.i+10, len(p.s))])
		}
		lit := p.s[p.i:j]
		if !json.Valid([]byte(lit)) {
			return nil, p.errorf("%q is not a JSON literal", lit)
		}
		p.i = j
		return &jpat{kind: 'l', text: lit}, nil
	}
}

func (p *jsonPattern) str() (string, error) {
	start := p.i
	for j := p.i + 1; j < len(p.s); j++ {
		switch p.s[j] {
		case '\\':
			j++
		case '"':
			var s string
			if err := json.Unmarshal([]byte(p.s[start:j+1]), &s); err != nil {
				return "", p.errorf("%v", err)
			}
			p.i = j + 1
			return s, nil
		}
	}
	return "", p.errorf("unclosed string")
}

func (p *jsonPattern) object() (*jpat, error) {
	o := &jpat{kind: '{'}
	p.i++ // {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return o, nil
	}
	for {
		p.space()
		if p.elision() {
			o.open = true
		} else {
			if p.i == len(p.s) || p.s[p.i] != '"' {
				return nil, p.errorf("want a key or …")
			}
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.space()
			if p.i == len(p.s) || p.s[p.i] != ':' {
				return nil, p.errorf("want : after key %q", k)
			}
			p.i++
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			o.keys, o.vals = append(o.keys, k), append(o.vals, v)
		}
		p.space()
		if p.i == len(p.s) {
			return nil, p.errorf("unclosed object")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return o, nil
		default:
			return nil, p.errorf("want , or } in an object")
		}
	}
}

func (p *jsonPattern) array() (*jpat, error) {
	a := &jpat{kind: '['}
	p.i++ // [
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return a, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		a.elems = append(a.elems, v)
		p.space()
		if p.i == len(p.s) {
			return nil, p.errorf("unclosed array")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return a, nil
		default:
			return nil, p.errorf("want , or ] in an array")
		}
	}
}

// TestMatchOutput checks the comparison itself: what it lets through and
// what it reports.
func TestMatchOutput(t *testing.T) {
	tests := []struct {
		name  string
		shown string
		got   string
		want  string // "" for a match, else a part of the error
	}{
		{"json equal", `{"a":1,"b":"x"}`, `{"b":"x","a":1}`, ""},
		{"json value differs", `{"a":1,"b":"x"}`, `{"a":1,"b":"y"}`, `value 1.b: the README shows "x", the output has "y"`},
		{"json key missing", `{"a":1,"c":2}`, `{"a":1}`, `no key "c"`},
		{"json unshown key", `{"a":1}`, `{"a":1,"b":2}`, "keys the README does not show: b"},
		{"json elided keys", `{"a":1,…}`, `{"a":1,"b":2}`, ""},
		{"json elided value", `{"a":…}`, `{"a":[1,2]}`, ""},
		{"json string elision", `{"u":"file:///…/x.txt","t":"The …"}`, `{"u":"file:///tmp/d/x.txt","t":"The end."}`, ""},
		{"json string elision fails", `{"u":"file:///…/x.txt"}`, `{"u":"file:///tmp/y.txt"}`, `value 1.u`},
		{"json array elided tail", `[[0,2],[3,4],...]`, `[[0,2],[3,4],[5,6]]`, ""},
		{"json array element found after a gap", `{"e":[…,{"k":2,…},…]}`, `{"e":[{"k":1},{"k":2,"z":0},{"k":3}]}`, ""},
		{"json array element missing", `{"e":[…,{"k":4,…},…]}`, `{"e":[{"k":1},{"k":2}]}`, `value 1.e[`},
		{"json nearest miss reported", `{"e":[…,{"k":2,"v":"b"},…]}`, `{"e":[{"k":1,"v":"a"},{"k":2,"v":"c"},{"k":3,"v":"d"}]}`, `value 1.e[1].v: the README shows "b", the output has "c"`},
		{"json array longer than shown", `[1,2]`, `[1,2,3]`, "1 more element of value 1(s)"},
		{"json number", `{"c":0.38}`, `{"c":0.380}`, ""},
		{"json lines", "{\"a\":1}\n{\"a\":2}", "{\"a\":1}\n{\"a\":2}\n", ""},
		{"text lines", "a  b\nc", "a b\nc\n", ""},
		{"text differs", "a\nc", "a\nd\n", "output line 2 is"},
		{"text gap", "…\nc\n…", "a\nb\nc\nd\n", ""},
		{"text line elision", "c (…", "c (x y)\n", ""},
		{"text extra line", "a", "a\nb\n", "1 more line(s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := matchOutput(strings.Split(tt.shown, "\n"), tt.got)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want a match", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReadmeExamplesParse(t *testing.T) {
	md := "text\n```sh\n$ eventwire extract a.txt\n{\"a\":1}\n\n$ echo \"Hi there.\" | eventwire parse\n# text = Hi there.\n```\n" +
		"```\n$ eventwire ignored\n```\n```sh\ngo test ./...\n```\n"
	exs, err := readmeExamples(md)
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 2 {
		t.Fatalf("%d examples, want 2: %+v", len(exs), exs)
	}
	if e := exs[0]; e.line != 3 || !slices.Equal(e.args, []string{"extract", "a.txt"}) || !slices.Equal(e.output, []string{`{"a":1}`}) {
		t.Errorf("first example %+v", e)
	}
	if e := exs[1]; e.line != 6 || e.stdin != "Hi there.\n" || !slices.Equal(e.args, []string{"parse"}) || len(e.output) != 1 {
		t.Errorf("second example %+v", e)
	}
	if _, err := readmeExamples("```sh\n$ ls | eventwire parse\n```\n"); err == nil || !strings.Contains(err.Error(), "README.md:2") {
		t.Errorf("unsupported pipe: %v, want an error naming line 2", err)
	}
}
