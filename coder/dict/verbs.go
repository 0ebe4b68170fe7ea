package dict

import (
	"fmt"
	"slices"
	"strings"
)

// Verbs is a PETRARCH-2 verb dictionary: synonym sets, and verb blocks that
// group synonymous verbs with the patterns that refine their code.
type Verbs struct {
	// Synsets maps "&NAME" to its member phrases (upper-case words,
	// plurals included).
	Synsets map[string][][]string
	// Blocks are the verb blocks in file order.
	Blocks []*VerbBlock
	// Transformations are the "~ ..." verb-verb rules, kept as written.
	Transformations []Transformation

	forms  map[string][]*Verb // surface form of the verb word → entries
	lemmas map[string][]*Verb // base form → entries
	nform  int
	layer  int // files parsed so far: the layer of the file being parsed
}

// Transformation is one "~" line of a verb dictionary: what an upper verb
// and the event coded below it become together. "~ a (b . ATTACK) SAY =
// a b 112" reads: when a says that b attacked anyone, a accuses b (112).
// Variables are letters; "." is any actor, "_" no actor of its own (an
// infinitive); verbs are verb words, standing for their codes, or Q for
// any verb (and, in the result, the lower verb's code).
type Transformation struct {
	// Source is the upper verb's source variable.
	Source string
	// LowerSource, LowerTarget and LowerVerb describe the lower event.
	LowerSource, LowerTarget, LowerVerb string
	// Verb is the upper verb word.
	Verb string
	// ResultSource, ResultTarget and ResultCode are the event it becomes.
	ResultSource, ResultTarget, ResultCode string
	Text                                   string
	File                                   string
	Line                                   int
}

// VerbBlock is one "--- NAME [code] ---" block. The block of a verb that
// amends an earlier file's entry (see Verb.Amends) is made for that verb
// alone: it carries the name, code, file and line of the block its code
// comes from (its own block's when the later entry gives a code, else the
// earlier entry's), and the patterns of both blocks, the later ones
// first. Such blocks are not in Verbs.Blocks.
type VerbBlock struct {
	Name     string
	Code     Code
	Verbs    []*Verb
	Patterns []*Pattern
	File     string
	Line     int

	coded bool // the header has a [code]
	layer int  // index of the file, from 1, in load order
	// byElems indexes Patterns by their elements while the file is read.
	byElems map[string]int
}

// Verb is one verb (or multi-word verb) of a block.
type Verb struct {
	// Word is the base form of the verb word, upper case.
	Word string
	// Before and After are the other words of a multi-word verb
	// ("WIRE" in WIRE_+TAP, "DOWN" in +BREAK_DOWN), upper case.
	Before, After []string
	// Code is the verb's own code, or the block's. For a verb that amends
	// an earlier entry and has no code of its own nor in its block
	// header, it is the earlier entry's code, and Line and Block name
	// that entry's place, where the code comes from.
	Code  Code
	Block *VerbBlock
	Line  int
	// Amends is the entry of an earlier file that this one amends: the
	// same verb phrase (Before, Word, After) listed again by a later verb
	// file. Look-ups return this entry in the earlier one's place. Nil for
	// a verb no earlier file lists.
	Amends *Verb

	coded bool // the verb or its block header has a [code]
}

// Code is an event code as a verb dictionary writes it: "050", "040:040"
// (a paired event: the second code for target→source), ":190" (only the
// reversed event), "---" (no event).
type Code struct {
	Event   string // source→target code; "" when none
	Reverse string // target→source code; "" when none
}

// IsNull reports whether the code yields no event.
func (c Code) IsNull() bool { return c.Event == "" && c.Reverse == "" }

// String writes the code as the dictionary does: "050", "040:040",
// ":190", "---".
func (c Code) String() string {
	if c.IsNull() {
		return "---"
	}
	if c.Reverse != "" {
		return c.Event + ":" + c.Reverse
	}
	return c.Event
}

func parseCode(s string) Code {
	s = strings.TrimSpace(s)
	ev, rev, _ := strings.Cut(s, ":")
	norm := func(x string) string {
		x = strings.TrimSpace(x)
		if x == "" || strings.Trim(x, "-") == "" {
			return ""
		}
		return x
	}
	return Code{Event: norm(ev), Reverse: norm(rev)}
}

// Pattern is one "- ... * ... [code]" line: the elements that must be
// found before and after the verb.
type Pattern struct {
	Pre, Post []Elem
	Code      Code
	// Text is the pattern as written (runs of blanks made one space), for
	// reporting which pattern fired.
	Text string
	File string
	Line int
}

// ElemKind says what a pattern element matches.
type ElemKind uint8

// The kinds of pattern elements.
const (
	ElemNoun     ElemKind = iota // a noun phrase: Head with Mods
	ElemPrep                     // a prepositional phrase: Prep, then an optional noun phrase
	ElemSource                   // $: the source actor is here
	ElemTarget                   // +: the target actor is here
	ElemCompound                 // %: a compound actor is here
	ElemSkip                     // ^: skip a phrase
)

// Elem is one element of a pattern. Words may be synset names ("&TREATY").
type Elem struct {
	Kind ElemKind
	// Head is the head word of a noun phrase (the last word of {...}).
	Head string
	// Mods are the other words of {...}, in order.
	Mods []string
	// Prep is the preposition of a prepositional phrase.
	Prep string
	// Role is ElemSource, ElemTarget, ElemSkip or ElemCompound when a
	// prepositional phrase holds $, +, ^ or % instead of (or after) a noun.
	Role ElemKind
	// HasRole says whether Role is set.
	HasRole bool
}

func newVerbs() *Verbs {
	return &Verbs{Synsets: map[string][][]string{}, forms: map[string][]*Verb{}, lemmas: map[string][]*Verb{}}
}

// Len returns the number of verb blocks and of verb forms indexed.
func (v *Verbs) Len() (blocks, forms int) { return len(v.Blocks), v.nform }

// Lookup returns the verbs whose word has the given surface form (any case).
func (v *Verbs) Lookup(form string) []*Verb {
	if v == nil {
		return nil
	}
	return v.forms[Key(form)]
}

// LookupLemma returns the verbs whose base form is lemma (any case).
func (v *Verbs) LookupLemma(lemma string) []*Verb {
	if v == nil {
		return nil
	}
	return v.lemmas[Key(lemma)]
}

func (v *Verbs) parse(file string, data []byte, errs *ErrorList) {
	v.layer++
	var syn string // current synset, "" when not in one
	var block *VerbBlock
	for _, ln := range lines(data) {
		s := ln.s
		switch {
		case strings.HasPrefix(s, "---"):
			syn = ""
			body := strings.TrimSpace(strings.Trim(s, "-"))
			before, inside, _, ok := bracket(body)
			code := Code{}
			if ok {
				code = parseCode(inside)
			}
			name := strings.TrimSpace(before)
			if name == "" {
				errs.add(file, ln.n, "verb block without a name")
			}
			block = &VerbBlock{Name: name, Code: code, File: file, Line: ln.n, coded: ok, layer: v.layer}
			v.Blocks = append(v.Blocks, block)
		case s[0] == '&':
			name := strings.Fields(s)[0]
			syn = Key(name)
			if _, ok := v.Synsets[syn]; !ok {
				v.Synsets[syn] = nil
			}
		case s[0] == '~':
			t, err := parseTransformation(s)
			if err != nil {
				errs.add(file, ln.n, "transformation: %v", err)
				continue
			}
			t.File, t.Line = file, ln.n
			v.Transformations = append(v.Transformations, t)
		case syn != "" && s[0] == '+':
			words, exact := splitPhrase(s[1:])
			if len(words) == 0 {
				errs.add(file, ln.n, "empty synset member")
				continue
			}
			v.Synsets[syn] = append(v.Synsets[syn], words)
			if !exact && !strings.HasSuffix(syn, "_") {
				last := words[len(words)-1]
				for _, p := range plurals(last) {
					pw := append(append([]string(nil), words[:len(words)-1]...), p)
					v.Synsets[syn] = append(v.Synsets[syn], pw)
				}
			}
		case s[0] == '-' || s[0] == '*':
			if block == nil {
				errs.add(file, ln.n, "pattern before any verb block")
				continue
			}
			if s[0] == '-' {
				s = s[1:]
			}
			p, err := v.parsePattern(s)
			if err != nil {
				errs.add(file, ln.n, "pattern: %v", err)
				continue
			}
			p.File, p.Line = file, ln.n
			block.addPattern(p)
		default:
			syn = ""
			if block == nil {
				errs.add(file, ln.n, "verb %q before any verb block", s)
				continue
			}
			if err := v.parseVerb(s, block, ln.n); err != nil {
				errs.add(file, ln.n, "verb: %v", err)
			}
		}
	}
}

// parseVerb reads "WORD {FORMS} [code]", "+BREAK_DOWN {+BROKE_DOWN ...}"
// or "WIRE_+TAP {WIRE_+TAPPED ...}".
func (v *Verbs) parseVerb(s string, block *VerbBlock, n int) error {
	code, coded := block.Code, block.coded
	if before, inside, after, ok := bracket(s); ok {
		if strings.TrimSpace(after) != "" {
			return fmt.Errorf("text after the code in %q", s)
		}
		code, coded, s = parseCode(inside), true, before
	} else if strings.ContainsAny(s, "[]") {
		return fmt.Errorf("unbalanced brackets in %q", s)
	}
	var irregular []string
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return fmt.Errorf("unclosed { in %q", s)
		}
		irregular = strings.Fields(s[i+1 : i+j])
		s = s[:i] + s[i+j+1:]
	}
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i] // an old-style "; comment"
	}
	f := strings.Fields(s)
	if len(f) != 1 {
		return fmt.Errorf("want one verb phrase, got %q", s)
	}
	base, err := splitVerb(f[0])
	if err != nil {
		return err
	}
	base.Code, base.Block, base.Line, base.coded = code, block, n, coded
	block.Verbs = append(block.Verbs, base)
	v.lemmas[base.Word] = append(v.lemmas[base.Word], base)
	v.addForm(base.Word, base)
	if irregular == nil {
		for _, form := range verbForms(base.Word)[1:] {
			v.addForm(form, base)
		}
		return nil
	}
	for _, irr := range irregular {
		w, err := splitVerb(irr)
		if err != nil {
			return err
		}
		v.addForm(w.Word, base)
	}
	return nil
}

func (v *Verbs) addForm(form string, verb *Verb) {
	for _, e := range v.forms[form] {
		if e == verb {
			return
		}
	}
	v.forms[form] = append(v.forms[form], verb)
	v.nform++
}

// splitVerb splits "WIRE_+TAP" into the verb word and its companions.
func splitVerb(s string) (*Verb, error) {
	words := strings.Split(strings.Trim(s, "_"), "_")
	at := -1
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			if at >= 0 {
				return nil, fmt.Errorf("two verb words marked with + in %q", s)
			}
			at = i
			words[i] = w[1:]
		}
	}
	if at < 0 {
		at = 0
	}
	for i, w := range words {
		if w == "" || strings.ContainsAny(w, "+{}()[]*$%^&") {
			return nil, fmt.Errorf("bad verb word %q in %q", w, s)
		}
		words[i] = Key(w)
	}
	return &Verb{Word: words[at], Before: words[:at], After: words[at+1:]}, nil
}

// verbForms returns base and its regular forms: -S (-ES, -IES), -ED (-D,
// -IED), -ING (dropping a final E).
func verbForms(base string) []string {
	out := []string{base}
	n := len(base)
	if n == 0 {
		return out
	}
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	last := base[n-1]
	switch {
	case last == 'Y' && n > 1 && !vowel(base[n-2]):
		out = append(out, base[:n-1]+"IES", base[:n-1]+"IED")
	case last == 'E':
		out = append(out, base+"S", base+"D")
	case strings.HasSuffix(base, "S") || strings.HasSuffix(base, "SH") || strings.HasSuffix(base, "CH") || last == 'X' || last == 'Z':
		out = append(out, base+"ES", base+"ED")
	default:
		out = append(out, base+"S", base+"ED")
	}
	if last == 'E' && n > 2 && !strings.HasSuffix(base, "EE") {
		out = append(out, base[:n-1]+"ING")
	} else {
		out = append(out, base+"ING")
	}
	// Consonant-vowel-consonant endings double in English ("STOPPED",
	// "PLANNING"); British spelling doubles L ("CANCELLED"). Both forms are
	// indexed since stress decides and the dictionary does not say.
	if n >= 3 && !vowel(last) && vowel(base[n-2]) && !vowel(base[n-3]) && strings.IndexByte("WXY", last) < 0 {
		d := base + string(last)
		out = append(out, d+"ED", d+"ING")
	}
	return out
}

// parsePattern reads the text of a pattern line after its leading "-".
func (v *Verbs) parsePattern(s string) (*Pattern, error) {
	text := strings.TrimSpace(s)
	before, inside, after, ok := bracket(s)
	if !ok {
		return nil, fmt.Errorf("no [code] in %q", text)
	}
	if strings.TrimSpace(after) != "" {
		return nil, fmt.Errorf("text after the code in %q", text)
	}
	p := &Pattern{Code: parseCode(inside), Text: strings.Join(strings.Fields(text), " ")}
	toks, err := patternTokens(before)
	if err != nil {
		return nil, err
	}
	post, star := false, false
	for _, t := range toks {
		if t == "*" {
			if star {
				return nil, fmt.Errorf("two * in %q", text)
			}
			star, post = true, true
			continue
		}
		e, err := v.elem(t)
		if err != nil {
			return nil, err
		}
		if post {
			p.Post = append(p.Post, e)
		} else {
			p.Pre = append(p.Pre, e)
		}
	}
	if !star {
		return nil, fmt.Errorf("no * (the verb) in %q", text)
	}
	p.Pre, p.Post = mergePreps(p.Pre), mergePreps(p.Post)
	return p, nil
}

// prepositions are the words that, bare before $, + or ^ ("DEAD IN $"),
// stand for a prepositional phrase, as TABARI-era patterns write them.
var prepositions = map[string]bool{"ABOUT": true, "ACROSS": true, "AFTER": true, "AGAINST": true, "AMONG": true,
	"AT": true, "BEFORE": true, "BETWEEN": true, "BY": true, "DURING": true, "FOR": true, "FROM": true, "IN": true,
	"INTO": true, "NEAR": true, "OF": true, "ON": true, "OVER": true, "THROUGH": true, "TO": true, "TOWARD": true,
	"TOWARDS": true, "UNDER": true, "UPON": true, "WITH": true, "WITHIN": true, "WITHOUT": true}

// mergePreps turns a bare preposition followed by a role marker into one
// prepositional element: IN $ is (IN $).
func mergePreps(es []Elem) []Elem {
	out := es[:0]
	for i := 0; i < len(es); i++ {
		e := es[i]
		if e.Kind == ElemNoun && len(e.Mods) == 0 && prepositions[e.Head] && i+1 < len(es) {
			switch k := es[i+1].Kind; k {
			case ElemSource, ElemTarget, ElemSkip:
				out = append(out, Elem{Kind: ElemPrep, Prep: e.Head, Role: k, HasRole: true})
				i++
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// patternTokens splits a pattern into words, {...} and (...) groups.
func patternTokens(s string) ([]string, error) {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '{' || c == '(':
			close := byte('}')
			if c == '(' {
				close = ')'
			}
			j := strings.IndexByte(s[i:], close)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %c in %q", c, strings.TrimSpace(s))
			}
			out = append(out, s[i:i+j+1])
			i += j + 1
		case c == '}' || c == ')':
			return nil, fmt.Errorf("unexpected %c in %q", c, strings.TrimSpace(s))
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '{' && s[j] != '(' && s[j] != '}' && s[j] != ')' {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out, nil
}

func roleKind(t string) (ElemKind, bool) {
	switch t {
	case "$":
		return ElemSource, true
	case "+":
		return ElemTarget, true
	case "%":
		return ElemCompound, true
	case "^":
		return ElemSkip, true
	}
	return 0, false
}

func (v *Verbs) elem(t string) (Elem, error) {
	if k, ok := roleKind(t); ok {
		return Elem{Kind: k}, nil
	}
	if t[0] == '(' {
		inner := strings.TrimSpace(t[1 : len(t)-1])
		toks, err := patternTokens(inner)
		if err != nil {
			return Elem{}, err
		}
		if len(toks) == 0 {
			return Elem{}, fmt.Errorf("empty ()")
		}
		e := Elem{Kind: ElemPrep, Prep: Key(toks[0])}
		var words []string
		for _, w := range toks[1:] {
			if k, ok := roleKind(w); ok {
				if !e.HasRole {
					e.Role, e.HasRole = k, true
				}
				continue
			}
			if w[0] == '{' {
				words = append(words, strings.Fields(w[1:len(w)-1])...)
				continue
			}
			words = append(words, w)
		}
		if err := v.noun(&e, words); err != nil {
			return Elem{}, err
		}
		return e, nil
	}
	var words []string
	if t[0] == '{' {
		words = strings.Fields(t[1 : len(t)-1])
	} else {
		words = []string{t}
	}
	e := Elem{Kind: ElemNoun}
	if err := v.noun(&e, words); err != nil {
		return Elem{}, err
	}
	if e.Head == "" {
		return Elem{}, fmt.Errorf("empty {}")
	}
	return e, nil
}

// noun fills the head and modifiers of e from words ("_" joins words too).
func (v *Verbs) noun(e *Elem, words []string) error {
	var all []string
	for _, w := range words {
		for _, p := range strings.Split(w, "_") {
			if p == "" {
				continue
			}
			if p[0] == '&' {
				if _, ok := v.Synsets[Key(p)]; !ok {
					return fmt.Errorf("undefined synset %s", p)
				}
			} else if strings.ContainsAny(p, "{}()[]*$%^+") {
				return fmt.Errorf("bad pattern word %q", p)
			}
			all = append(all, Key(p))
		}
	}
	if len(all) == 0 {
		return nil
	}
	e.Head, e.Mods = all[len(all)-1], all[:len(all)-1]
	return nil
}

// finish applies the layering of verb files: a verb phrase that a later
// file lists again amends the entry that won until then (see amend), and
// takes its place in the look-up lists. Within one file the first entry of
// a phrase keeps winning, as the coder has always read PETRARCH's files.
func (v *Verbs) finish() {
	for _, b := range v.Blocks {
		b.byElems = nil
	}
	winner := map[string]*Verb{}
	all := map[string][]*Verb{} // every entry of a phrase, in load order
	repl := map[*Verb]*Verb{}
	for _, b := range v.Blocks {
		for _, e := range b.Verbs {
			k := e.phrase()
			w, ok := winner[k]
			switch {
			case !ok:
				winner[k] = e
			case w.layer() < e.layer():
				e.amend(w)
				// Every earlier entry of the phrase is amended: a file
				// that lists a verb twice ("BEAT" [190], then "BEAT
				// {BEATS BEATING BEATEN}" [182]) reaches the second
				// entry through its irregular forms.
				for _, o := range all[k] {
					if _, done := repl[o]; !done {
						repl[o] = e
					}
				}
				winner[k] = e
			}
			all[k] = append(all[k], e)
		}
	}
	if len(repl) == 0 {
		return
	}
	resolve := func(m map[string][]*Verb) int {
		n := 0
		for key, list := range m {
			hit := false
			for _, e := range list {
				if _, ok := repl[e]; ok {
					hit = true
					break
				}
			}
			if hit {
				out := make([]*Verb, 0, len(list))
				for _, e := range list {
					for r, ok := repl[e]; ok; r, ok = repl[e] {
						e = r
					}
					if !slices.Contains(out, e) {
						out = append(out, e)
					}
				}
				m[key] = out
			}
			n += len(m[key])
		}
		return n
	}
	v.nform = resolve(v.forms)
	resolve(v.lemmas)
}

// phrase is the verb phrase as a map key: "WIRE_+TAP".
func (e *Verb) phrase() string {
	var b strings.Builder
	for _, w := range e.Before {
		b.WriteString(w)
		b.WriteByte('_')
	}
	b.WriteByte('+')
	b.WriteString(e.Word)
	for _, w := range e.After {
		b.WriteByte('_')
		b.WriteString(w)
	}
	return b.String()
}

// layer is the load-order index of the file that lists e.
func (e *Verb) layer() int {
	if e.Block == nil {
		return 0
	}
	return e.Block.layer
}

// amend makes e, listed by a later file, amend w, the entry of the same
// phrase that won until then. e keeps its own code when it or its block
// header gives one ([---] withdraws the code of the verb on its own) and
// takes w's otherwise. Its patterns are its block's followed by w's, less
// those of w whose elements one of e's repeats: a later pattern with the
// same elements re-codes the earlier one, and [---] withdraws it. The
// block and line that e reports are those of the entry its code comes
// from: e's own when it gives a code, w's when it inherits w's (a block
// that only adds patterns leaves the bare verb reported where it was).
func (e *Verb) amend(w *Verb) {
	own := e.Block
	from := own
	if !e.coded {
		e.Code, e.coded, e.Line = w.Code, w.coded, w.Line
		from = w.Block
	}
	pats := slices.Clip(own.Patterns)
	mine := make(map[string]bool, len(own.Patterns))
	for _, p := range own.Patterns {
		mine[p.elems()] = true
	}
	for _, p := range w.Block.Patterns {
		if !mine[p.elems()] {
			pats = append(pats, p)
		}
	}
	e.Block = &VerbBlock{Name: from.Name, Code: from.Code, Verbs: []*Verb{e}, Patterns: pats,
		File: from.File, Line: from.Line, coded: from.coded, layer: own.layer}
	e.Amends = w
}

// addPattern adds p to the block. A pattern whose elements an earlier
// pattern of the block already has replaces it, where it stood: the
// PETRARCH readers keep patterns in a table keyed by their words, so the
// last listing of a pattern is the one that codes (CAMEO.2.0.txt lists
// "* EXPLANATION FROM" twice under DEMAND, with 090 and then 101).
func (b *VerbBlock) addPattern(p *Pattern) {
	k := p.elems()
	if i, ok := b.byElems[k]; ok {
		b.Patterns[i] = p
		return
	}
	if b.byElems == nil {
		b.byElems = map[string]int{}
	}
	b.byElems[k] = len(b.Patterns)
	b.Patterns = append(b.Patterns, p)
}

// elems writes what p matches, without its code, as a comparable key.
func (p *Pattern) elems() string {
	var b strings.Builder
	write := func(es []Elem) {
		for _, e := range es {
			fmt.Fprintf(&b, "%d|%s|%s|%s|%d|%t;", e.Kind, e.Head, strings.Join(e.Mods, " "), e.Prep, e.Role, e.HasRole)
		}
	}
	write(p.Pre)
	b.WriteByte('*')
	write(p.Post)
	return b.String()
}

// parseTransformation reads "~ a (b . ATTACK) SAY = a b 112".
func parseTransformation(s string) (Transformation, error) {
	r := strings.NewReplacer("~", " ", "(", " ( ", ")", " ) ")
	f := strings.Fields(r.Replace(s))
	// a ( x y VERB ) UP = r s CODE
	if len(f) != 11 || f[1] != "(" || f[5] != ")" || f[7] != "=" {
		return Transformation{}, fmt.Errorf("want \"~ a (b c VERB) VERB = a b CODE\", got %q", s)
	}
	return Transformation{Source: f[0], LowerSource: f[2], LowerTarget: f[3], LowerVerb: Key(f[4]), Verb: Key(f[6]),
		ResultSource: f[8], ResultTarget: f[9], ResultCode: f[10], Text: strings.TrimSpace(s)}, nil
}
