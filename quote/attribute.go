package quote

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

// A Resolver gives the actors that noun phrases name: for each token of
// heads, the head of a phrase in doc, the actor with its code, dictionary
// entry and, for a phrase that does not name it itself, where the code
// came from. An Actor with no Code means the phrase names no known actor.
// The result has one Actor per head, in order. The event coder's mentions
// stage is one (cmd/eventwire wires coder.Coder.Actors in); the quote
// package does not import the coder.
type Resolver interface {
	Actors(ctx context.Context, doc *text.Doc, heads []int) ([]eventwire.Actor, error)
}

// ResolverFunc adapts a function to Resolver.
type ResolverFunc func(ctx context.Context, doc *text.Doc, heads []int) ([]eventwire.Actor, error)

// Actors calls f.
func (f ResolverFunc) Actors(ctx context.Context, doc *text.Doc, heads []int) ([]eventwire.Actor, error) {
	return f(ctx, doc, heads)
}

// maxDepth bounds every walk up or down a tree, whatever the parse.
const maxDepth = 64

// maxBack bounds how many earlier names and speakers a reference is
// looked up among, and maxLead how far before a quotation its cue may be,
// so that the work stays linear in a long text.
const (
	maxBack = 400
	maxLead = 80
)

// continueParas is how many paragraphs back a quotation paragraph without
// attribution may find the speaker it continues.
const continueParas = 3

// Attribute finds the quotes of doc and who said them. doc must carry
// tokens, sentences, UPOS, lemmas and dependencies, and its Text is the
// article's (the spans are byte offsets into it); paras are the article's
// paragraphs (Article.Paragraphs), or nil to split Text at blank lines.
// r, when not nil, codes speakers, addressees and reporters; without it
// they carry only their text and, for references, the mention they refer
// to. A doc that fails Validate gives an error wrapping
// eventwire.ErrInvalid; odd text never does: unpaired quotation marks
// close at the paragraph's end. Attribute returns ctx.Err() if ctx is
// done.
func Attribute(ctx context.Context, doc *text.Doc, paras []text.Span, r Resolver) ([]eventwire.Quote, error) {
	if doc == nil || len(doc.Tokens) == 0 {
		return nil, nil
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("quote: %w: %w", eventwire.ErrInvalid, err)
	}
	a := newAttributor(doc, paragraphs(doc.Text, paras))
	a.stances = true
	if err := a.run(ctx); err != nil {
		return nil, err
	}
	return a.quotes(ctx, r)
}

// found is one attribution being built.
type found struct {
	kind     string
	cue      int       // cue token; -1 for a colon or a continuation
	cueSpan  text.Span // the cue's words ("according to": both)
	speaker  int       // head token of the speaker phrase; -1 when unknown
	addr     int       // head token of the addressee; -1 for none
	reporter int       // head token of who reports the speech; -1 for none
	content  []text.Span
	spkSpan  text.Span // the speaker's words, when not the phrase of speaker
	np       bool      // the content is a noun phrase, not a clause ("denied the report")
	paren    bool      // a cue set off by commas with its speaker: its content is the sentence
	cont     *found    // the quote this paragraph continues
	para     int
	dropped  bool
}

func (f *found) start() int32 {
	if len(f.content) == 0 {
		return 0
	}
	return f.content[0].Start
}

type attributor struct {
	doc    *text.Doc
	s      string
	kids   [][]int
	sentOf []int32
	paras  []text.Span
	segs   []segment
	segOf  []int32 // the segment each token lies in, -1 for none
	used   map[int]bool
	segUse []bool
	found  []*found
	names  []nameRun
	// seen and stamp mark the tokens a walk has visited.
	seen  []uint32
	stamp uint32
	// stances takes noun phrases as what a cue reports ("denied the
	// report"), as PolNeAR does; without it only clauses are.
	stances bool
}

// nameRun is a run of proper nouns (a name) outside quotation marks.
type nameRun struct{ a, b int }

func newAttributor(doc *text.Doc, paras []text.Span) *attributor {
	n := len(doc.Tokens)
	a := &attributor{doc: doc, s: doc.Text, kids: make([][]int, n), sentOf: make([]int32, n), paras: paras,
		segOf: make([]int32, n), used: map[int]bool{}, seen: make([]uint32, n)}
	for i := range a.sentOf {
		a.sentOf[i] = -1
	}
	for s, sp := range doc.Sents {
		for i := int(sp.Start); i < int(sp.End) && i < n; i++ {
			if i >= 0 {
				a.sentOf[i] = int32(s)
			}
		}
	}
	for i, t := range doc.Tokens {
		if h := int(t.Head); h >= 0 && h < n && h != i && a.sentOf[h] == a.sentOf[i] {
			a.kids[h] = append(a.kids[h], i)
		}
	}
	a.segs = mergeSegments(a.s, findSegments(a.s, paras))
	// A quotation that never closes ends with its first sentence: a
	// stray mark must not hide the cues of the rest of its paragraph.
	for i := range a.segs {
		sg := &a.segs[i]
		if sg.close >= 0 || len(sg.parts) != 1 {
			continue
		}
		k := sort.Search(n, func(j int) bool { return doc.Tokens[j].Start >= sg.parts[0].Start })
		if k >= n || a.sentOf[k] < 0 {
			continue
		}
		last := int(doc.Sents[a.sentOf[k]].End) - 1
		if end := doc.Tokens[last].End; end < sg.parts[0].End && end > sg.parts[0].Start {
			sg.parts[0].End = end
			sg.words = countWords(a.s[sg.parts[0].Start:end])
		}
	}
	a.segUse = make([]bool, len(a.segs))
	for i := range a.segOf {
		a.segOf[i] = -1
	}
	k := 0
	for i, t := range doc.Tokens {
		for k < len(a.segs) && a.segs[k].span().End <= t.Start {
			k++
		}
		if k < len(a.segs) {
			for _, p := range a.segs[k].parts {
				if p.Start <= t.Start && t.Start < p.End {
					a.segOf[i] = int32(k)
				}
			}
		}
	}
	for i := 0; i < n; {
		if doc.Tokens[i].UPOS != text.PROPN || a.segOf[i] >= 0 {
			i++
			continue
		}
		j := i
		for j+1 < n && doc.Tokens[j+1].UPOS == text.PROPN && a.sentOf[j+1] == a.sentOf[i] && a.segOf[j+1] < 0 {
			j++
		}
		a.names = append(a.names, nameRun{i, j})
		i = j + 1
	}
	return a
}

// mergeSegments joins quotations that follow each other in one paragraph
// with nothing but spaces between them (“…,” “…” said X).
func mergeSegments(s string, segs []segment) []segment {
	var out []segment
	for _, sg := range segs {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			if prev.close >= 0 && prev.para == sg.para && strings.TrimSpace(s[prev.close:sg.open]) == markText(s, prev.close) {
				prev.parts = append(prev.parts, sg.parts...)
				prev.close, prev.words, prev.sepBefore = sg.close, prev.words+sg.words, sg.sepBefore
				continue
			}
		}
		out = append(out, sg)
	}
	return out
}

// markText is the quotation mark at byte i of s.
func markText(s string, i int) string {
	if i+1 < len(s) && (s[i] == '\'' || s[i] == '`') && s[i+1] == s[i] {
		return s[i : i+2]
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i : i+n]
}

func (a *attributor) tok(i int) *text.Token { return &a.doc.Tokens[i] }

func (a *attributor) lemma(i int) string {
	t := a.tok(i)
	if t.Lemma == "" {
		return strings.ToLower(a.form(i))
	}
	l := strings.ToLower(t.Lemma)
	if t.UPOS == text.VERB && !strings.HasSuffix(l, "e") && !inLexicon(l) && inLexicon(l+"e") {
		// The lemmatizer cuts the silent "e" of a verb it does not
		// know: "implored" is "implor", "deplored" "deplor".
		return l + "e"
	}
	return l
}

// inLexicon reports whether verb lemma l is one the rules know.
func inLexicon(l string) bool {
	return cues[l] != 0 || urgeVerbs[l] || depictVerbs[l] || dubVerbs[l]
}

func (a *attributor) form(i int) string {
	t := a.tok(i)
	return a.s[t.Start:t.End]
}

func (a *attributor) head(i int) int {
	h := int(a.tok(i).Head)
	if h < 0 || h >= len(a.doc.Tokens) || a.sentOf[h] != a.sentOf[i] {
		return -1
	}
	return h
}

func (a *attributor) base(i int) text.DepRel { return a.tok(i).Dep.Universal().Base() }

// isCue reports whether token i is a verb that reports speech, outside
// quotation marks.
func (a *attributor) isCue(i int) bool {
	if a.segOf[i] >= 0 {
		return false
	}
	switch a.tok(i).UPOS {
	case text.VERB:
	default:
		return false
	}
	return cues[a.lemma(i)] != 0
}

// subject returns the head of the subject of verb v: its own, a first
// conjunct's ("credited ... and said"), a participle's governor's
// ("hailed ..., calling it"), or the noun a relative clause modifies
// ("Putin, who said"); -1 when there is none or it is passive.
func (a *attributor) subject(v int) int {
	for n := 0; n < 6 && v >= 0; n++ {
		for _, k := range a.kids[v] {
			d := a.tok(k).Dep.Universal()
			if d.IsPassiveSubject() {
				return -1
			}
			if d.IsSubject() {
				// "Putin, who said": the speaker mention is "who",
				// which refer resolves to "Putin".
				return k
			}
		}
		if n == 0 {
			if k := a.modifierSubject(v); k >= 0 {
				return k
			}
		}
		switch a.base(v) {
		case text.Xcomp, text.Advcl:
			h := a.head(v)
			if h >= 0 && n == 0 && a.hasMark(v, "to") && controlVerbs[a.lemma(h)] {
				// Object control: "forced the banker to admit", "urged
				// them to say": the object speaks.
				for _, k := range a.kids[h] {
					if a.base(k) == text.Obj && k < v && a.segOf[k] < 0 && nominal(a.tok(k).UPOS) {
						return k
					}
				}
			}
			v = h
		case text.Conj:
			h := a.head(v)
			if h >= 0 && a.tok(v).UPOS == text.VERB && nominal(a.tok(h).UPOS) && a.childOf(v, text.Cc) >= 0 {
				// "has criticized the quotas of the treaty and
				// called for a ban": a verb the parse joined to the
				// last noun of the first verb's object is that verb's
				// conjunct.
				g := h
				for m := 0; m < 5 && g >= 0 && a.tok(g).UPOS != text.VERB; m++ {
					g = a.head(g)
				}
				if g >= 0 && a.tok(g).UPOS == text.VERB && g < v {
					h = g
				}
			}
			v = h
		case text.Acl:
			h := a.head(v)
			if a.tok(v).XPOS == "VBG" && v > 0 && a.form(v-1) == "," {
				// "spoke to a crowd of farmers, promising …": a
				// participle after a comma, hung on the last noun,
				// tells of the clause's subject.
				g := h
				for m := 0; m < 4 && g >= 0 && a.tok(g).UPOS != text.VERB; m++ {
					g = a.head(g)
				}
				if g >= 0 && a.tok(g).UPOS == text.VERB {
					v = g
					continue
				}
			}
			return h
		default:
			return -1
		}
	}
	return -1
}

// modifierSubject returns the subject of verb v that the parse hung on
// it as a modifier, as if v were a noun ("Each Liberal voted to
// …", "Footage shows that …"): the word just before v, a noun, a name or a
// capitalized adjective, which with the words it governs opens the
// sentence; -1 if there is none.
func (a *attributor) modifierSubject(v int) int {
	k := v - 1
	if k < 0 || a.tok(v).UPOS != text.VERB || a.head(k) != v || a.segOf[k] >= 0 {
		return -1
	}
	switch a.base(k) {
	case text.Amod, text.Nummod, text.Compound, text.Nmod:
	default:
		return -1
	}
	switch u := a.tok(k).UPOS; {
	case u == text.NOUN || u == text.PROPN:
	case u == text.ADJ && a.upper(k):
	default:
		return -1
	}
	lo, _ := a.sentRange(v)
	start := k
	for _, j := range a.kids[v] {
		if j < k && (a.base(j) == text.Amod || a.base(j) == text.Nummod || a.base(j) == text.Det || a.base(j) == text.Compound) {
			start = min(start, j)
		}
	}
	for _, j := range a.subtree(k, nil) {
		start = min(start, j)
	}
	if start != lo {
		return -1
	}
	return k
}

func (a *attributor) isRelPron(k int) bool {
	switch strings.ToLower(a.form(k)) {
	case "who", "which", "that":
		return true
	}
	return false
}

// childOf returns the first child of v with base relation rel, or -1.
func (a *attributor) childOf(v int, rel text.DepRel) int {
	for _, k := range a.kids[v] {
		if a.base(k) == rel {
			return k
		}
	}
	return -1
}

// subtree returns the tokens under h (h included) in order, without the
// children whose relation skip rejects, bounded in depth.
func (a *attributor) subtree(h int, skip func(k int) bool) []int {
	var out []int
	type item struct{ t, d int }
	a.stamp++
	stack := []item{{h, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if a.seen[it.t] == a.stamp {
			continue // a cycle in a broken tree
		}
		a.seen[it.t] = a.stamp
		out = append(out, it.t)
		if it.d >= maxDepth {
			continue
		}
		for _, k := range a.kids[it.t] {
			if skip == nil || !skip(k) {
				stack = append(stack, item{k, it.d + 1})
			}
		}
	}
	sort.Ints(out)
	return out
}

// phrase returns the byte span of the noun phrase headed by h, without
// relative clauses, appositions and punctuation at its edges.
func (a *attributor) phrase(h int) text.Span {
	toks := a.subtree(h, func(k int) bool {
		if a.base(k) == text.Case && a.head(k) == h && k < h {
			return true // "according to X", "by X"
		}
		switch a.base(k) {
		case text.Acl, text.Appos, text.Parataxis, text.Advcl, text.Dep, text.Punct:
			return true
		}
		return a.segOf[k] >= 0 && a.segOf[h] < 0
	})
	return a.spanOf(toks)
}

// spanOf is the byte span from the first to the last of toks (in order),
// without punctuation at the edges.
func (a *attributor) spanOf(toks []int) text.Span {
	for len(toks) > 0 && a.tok(toks[0]).UPOS == text.PUNCT {
		toks = toks[1:]
	}
	for len(toks) > 0 && a.tok(toks[len(toks)-1]).UPOS == text.PUNCT {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return text.Span{}
	}
	return text.Span{Start: a.tok(toks[0]).Start, End: a.tok(toks[len(toks)-1]).End}
}

// spansOf cuts toks (in order) into byte spans of consecutive tokens,
// each without punctuation at its edges, and drops a leading
// complementiser ("that").
func (a *attributor) spansOf(toks []int) []text.Span {
	for len(toks) > 1 && (a.tok(toks[0]).UPOS == text.PUNCT || a.lemma(toks[0]) == "that" && a.tok(toks[0]).UPOS != text.NOUN) {
		toks = toks[1:]
	}
	var out []text.Span
	for i := 0; i < len(toks); {
		j := i
		for j+1 < len(toks) && toks[j+1] == toks[j]+1 {
			j++
		}
		if sp := a.spanOf(toks[i : j+1]); sp.End > sp.Start {
			out = append(out, sp)
		}
		i = j + 1
	}
	return out
}

// words counts the word tokens of toks that lie outside quotation marks
// and are not a complementiser.
func (a *attributor) wordsOutside(toks []int) int {
	n := 0
	for _, k := range toks {
		if a.segOf[k] >= 0 || a.tok(k).UPOS == text.PUNCT || a.base(k) == text.Mark {
			continue
		}
		n++
	}
	return n
}

// tokAt returns the first token that starts at or after byte b.
func (a *attributor) tokAt(b int32) int {
	return sort.Search(len(a.doc.Tokens), func(i int) bool { return a.doc.Tokens[i].Start >= b })
}

// paraOf returns the paragraph that holds byte b, or -1.
func (a *attributor) paraOf(b int32) int {
	i := sort.Search(len(a.paras), func(i int) bool { return a.paras[i].End > b })
	if i < len(a.paras) && a.paras[i].Start <= b {
		return i
	}
	return -1
}

func (a *attributor) run(ctx context.Context) error {
	for i := range a.segs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a.direct(i)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a.headlines()
	for v := range a.doc.Tokens {
		if a.used[v] {
			continue
		}
		if a.isCue(v) || a.attitude(v) {
			a.indirect(v)
		} else if strings.EqualFold(a.form(v), "according") {
			a.according(v)
		} else if a.stances && !a.characterize(v) && !a.putIt(v) && !a.urge(v) {
			a.nounVerb(v)
			if !a.used[v] {
				a.nounCue(v)
			}
		}
	}
	sort.SliceStable(a.found, func(i, j int) bool { return a.found[i].start() < a.found[j].start() })
	a.nested()
	a.continuations()
	a.chains()
	return nil
}

// direct attributes the quotation segs[si]: to the cue just after it
// ("…," Putin said), between its parts, or before it in its sentence
// (Putin said: "…"; told Assad that "…").
func (a *attributor) direct(si int) {
	sg := &a.segs[si]
	if a.segUse[si] {
		return // the second part of an interrupted quotation
	}
	first := a.tokAt(sg.parts[0].Start)
	if first >= len(a.doc.Tokens) {
		return
	}
	v := a.trailingCue(sg)
	if v < 0 {
		v = a.leadingCue(sg, first)
	}
	colon := -1
	if v < 0 {
		colon = a.colonSpeaker(sg, first)
	}
	dash := -1
	if v < 0 && colon < 0 {
		dash = a.dashSpeaker(sg)
	}
	if v < 0 && colon < 0 && dash < 0 {
		a.embedded(si, first)
		return
	}
	if sg.words <= 2 && !(v >= 0 && sg.sepBefore) {
		return // a scare quote, or a word or two cited
	}
	f := &found{kind: "direct", cue: v, speaker: -1, addr: -1, reporter: -1, para: sg.para, content: sg.parts}
	if dash >= 0 {
		f.speaker = dash
		f.cueSpan = a.dashSpan(sg)
	} else if colon >= 0 {
		f.speaker = colon
		f.cueSpan = text.Span{Start: sg.parts[0].Start, End: sg.parts[0].Start}
		if k := a.tokAt(int32(sg.open)) - 1; k >= 0 && a.form(k) == ":" {
			f.cueSpan = text.Span{Start: a.tok(k).Start, End: a.tok(k).End}
		}
	} else {
		a.used[v] = true
		f.cueSpan = text.Span{Start: a.tok(v).Start, End: a.tok(v).End}
		f.speaker = a.directSpeaker(v, sg)
		f.addr = a.addressee(v)
		// Reported speech with quoted words in it: "said the takeover
		// "has opened the door"".
		if c := a.complement(v); c >= 0 {
			toks := a.subtree(c, nil)
			// Not when the parse hung the speaker on the quoted words
			// ("“…,” Jane Doe, head of the pilots' guild, said").
			if len(toks) > 0 && a.tok(toks[0]).Start <= sg.parts[0].Start && a.tok(toks[len(toks)-1]).End >= sg.parts[0].End && a.wordsOutside(toks) >= 2 &&
				!slices.Contains(toks, f.speaker) {
				f.kind = "mixed"
				f.content = a.spansOf(toks)
				a.claimSegments(toks)
			}
		}
	}
	a.segUse[si] = true
	if v >= 0 && f.kind == "direct" && sg.close >= 0 && a.tok(v).Start > int32(sg.close) && si+1 < len(a.segs) {
		// "…," said Jones, "…": the next quotation, after the
		// attribution's few words, goes on with the same one.
		nx := &a.segs[si+1]
		k := a.tokAt(int32(nx.open))
		if nx.para == sg.para && k-v <= 8 && k > v {
			ok := true
			for j := v + 1; j < k; j++ {
				if u := a.tok(j).UPOS; u == text.VERB || a.form(j) == "." {
					ok = false
				}
			}
			if ok {
				f.content = append(append([]text.Span(nil), f.content...), nx.parts...)
				a.segUse[si+1] = true
			}
		}
	}
	a.found = append(a.found, f)
}

// claimSegments marks the quotations among toks as attributed.
func (a *attributor) claimSegments(toks []int) {
	for _, k := range toks {
		if s := a.segOf[k]; s >= 0 {
			a.segUse[s] = true
		}
	}
}

// trailingCue returns the cue just after the closing mark of sg: within a
// few tokens, in the same paragraph, with no other verb between; -1 if
// none.
// maxAppos bounds how many words a speaker's apposition between a
// quotation and its cue may have.
const maxAppos = 40

// nickname returns the token after a nickname in quotation marks
// within a name that starts at or around k (Maria "Mia" Hansen: the
// marks and the one or two words in them, between two names), or -1.
func (a *attributor) nickname(k int) int {
	if k <= 0 || k >= len(a.doc.Tokens) || a.tok(k-1).UPOS != text.PROPN {
		return -1
	}
	j := k
	if a.segOf[j] < 0 {
		if a.tok(j).UPOS != text.PUNCT || j+1 >= len(a.doc.Tokens) || a.segOf[j+1] < 0 {
			return -1
		}
		j++ // the opening mark
	}
	si := a.segOf[j]
	if a.segs[si].words > 2 {
		return -1
	}
	for j < len(a.doc.Tokens) && a.segOf[j] == si {
		j++
	}
	if j < len(a.doc.Tokens) && a.tok(j).UPOS == text.PUNCT && a.segOf[j] < 0 && a.tok(j).Start < int32(a.segs[si].span().End)+4 {
		j++ // the closing mark
	}
	if j >= len(a.doc.Tokens) || !nominal(a.tok(j).UPOS) || !a.upper(j) {
		return -1 // a capitalized name after it ("Price" may be tagged a noun)
	}
	return j
}

// apposed reports whether the words from first up to k are a name and an
// apposition set off by a comma with no verb in it ("“…,” Jane Doe,
// head of the pilots' guild and a former harbour master, said"), the cue
// being after the apposition's closing comma.
func (a *attributor) apposed(first, k int) bool {
	if first >= len(a.doc.Tokens) {
		return false
	}
	switch a.tok(first).UPOS {
	case text.PROPN, text.NOUN, text.DET:
	default:
		return false
	}
	comma := false
	for j := first; j < k && j < len(a.doc.Tokens); j++ {
		if e := a.nickname(j); e > j {
			j = e - 1
			continue
		}
		switch a.tok(j).UPOS {
		case text.VERB, text.AUX:
			return false
		case text.PUNCT:
			switch a.form(j) {
			case ",":
				comma = true
			case "(", ")", "-":
			default:
				return false
			}
		}
	}
	return comma
}

func (a *attributor) trailingCue(sg *segment) int {
	if sg.close < 0 {
		return -1
	}
	end := sg.close + len(markText(a.s, sg.close))
	k := a.tokAt(int32(end))
	para := a.paraOf(int32(sg.close))
	first := k
	for n := 0; (n < 6 || n < maxAppos && a.apposed(first, k)) && k < len(a.doc.Tokens); n, k = n+1, k+1 {
		if e := a.nickname(k); e > k {
			k = e - 1 // Maria "Mia" Hansen: a name, not a quotation
			continue
		}
		if a.segOf[k] >= 0 || a.paraOf(a.tok(k).Start) != para {
			return -1
		}
		if a.cueWord(k) {
			// A comma after the closing mark ("… peace", wrote X) ties the
			// cue to the quotation as one inside it does ("… peace," wrote
			// X).
			if !sg.sepBefore && a.form(first) != "," {
				// "…end." Trump said on Monday that X: a new statement
				// with content of its own.
				if c := a.complement(k); c >= 0 && c > k {
					return -1
				}
				// "…." Amnesty has called for an inquiry: a cue
				// with a phrase of its own.
				if c := a.npContent(k); c > k {
					return -1
				}
			}
			return k
		}
		switch a.tok(k).UPOS {
		case text.VERB:
			return -1
		case text.PUNCT:
			if f := a.form(k); f == "." || f == ";" {
				return -1
			}
		}
	}
	return -1
}

// leadingCue returns the last cue before the opening mark of sg in its
// sentence (or, for a quotation that starts a paragraph, in the previous
// paragraph when it ends with a colon) that introduces it: a cue that
// governs the quoted words, or one a comma or colon separates from them;
// -1 if none.
func (a *attributor) leadingCue(sg *segment, first int) int {
	s := a.sentOf[first]
	open := a.tokAt(int32(sg.open))
	if open > first {
		open = first
	}
	lo := first
	if s >= 0 {
		lo = int(a.doc.Sents[s].Start)
	}
	lo = max(lo, open-maxLead)
	colon := open >= 1 && a.form(open-1) == ":"
	for k := open - 1; k >= lo; k-- {
		if a.segOf[k] >= 0 {
			break
		}
		// "also speaking via Twitter: "I offered to resign ..."": a verb
		// of speaking, a stance cue elsewhere ("speaking to reporters"),
		// introduces the direct quotation its colon opens.
		speaking := colon && open-k <= 6 && a.tok(k).UPOS == text.VERB && (a.lemma(k) == "speak" || a.lemma(k) == "talk")
		if !a.cueWord(k) && !speaking || a.used[k] {
			continue
		}
		if a.governs(k, first) {
			return k
		}
		if gap := open - k; gap <= 6 {
			if f := a.form(open - 1); f == ":" || f == "," {
				return k
			}
		}
		return -1
	}
	// "Caddell continued:" ending the paragraph before.
	if p := a.paraOf(int32(sg.open)); p > 0 && a.paras[p].Start == int32(sg.open) {
		prev := a.paras[p-1]
		end := a.tokAt(prev.End) - 1
		if end >= 0 && a.form(end) == ":" {
			for k := end - 1; k >= 0 && k >= end-8 && a.tok(k).Start >= prev.Start; k-- {
				if (a.isCue(k) || a.cueWord(k)) && !a.used[k] {
					return k
				}
			}
			// "The minister gave this answer:": the
			// verb of the clause the colon ends, with its subject.
			if s := a.sentOf[end]; s >= 0 {
				for k := end - 1; k >= int(a.doc.Sents[s].Start) && k >= end-maxLead; k-- {
					if a.tok(k).UPOS == text.VERB && a.head(k) < 0 && !a.used[k] && a.segOf[k] < 0 && a.subject(k) >= 0 {
						return k
					}
				}
			}
		}
	}
	return -1
}

// governs reports whether token k is an ancestor of token t.
func (a *attributor) governs(k, t int) bool {
	for n := 0; n < maxDepth && t >= 0; n++ {
		t = a.head(t)
		if t == k {
			return true
		}
	}
	return false
}

// colonSpeaker returns the head of a name that a colon introduces the
// quotation with ("Caddell: "…"" in a headline), or -1.
func (a *attributor) colonSpeaker(sg *segment, first int) int {
	k := a.tokAt(int32(sg.open)) - 1
	if k < 1 || a.form(k) != ":" || a.sentOf[k] != a.sentOf[first] {
		return -1
	}
	if a.tok(k-1).UPOS != text.PROPN {
		return -1
	}
	// The name must open its sentence.
	j := k - 1
	for j > 0 && a.tok(j-1).UPOS == text.PROPN && a.sentOf[j-1] == a.sentOf[k] {
		j--
	}
	if s := a.sentOf[k]; s < 0 || int(a.doc.Sents[s].Start) != j {
		return -1
	}
	return k - 1
}

// complement returns the clause that verb v reports: its clausal
// complement, an infinitive it takes (vowed to fight), the charge of
// "accused X of ..."; -1 if none.
func (a *attributor) complement(v int) int {
	// The clause after the cue first: a clause before it may be a
	// sentence the parser joined on.
	c := -1
	for _, k := range a.kids[v] {
		if a.base(k) == text.Ccomp && (c < 0 || c < v && k > v) {
			c = k
		}
	}
	if c >= 0 {
		return c
	}
	l := a.lemma(v)
	if intentCues[l] || cues[l] == stance || wishCues[l] {
		if c := a.childOf(v, text.Xcomp); c >= 0 && (a.hasMark(c, "to") || !wishCues[l]) {
			return c
		}
		if c := a.infinitiveAfter(v); c >= 0 {
			return c
		}
	}
	if l == "accuse" || l == "charge" {
		for _, k := range a.kids[v] {
			if b := a.base(k); b == text.Advcl || b == text.Obl {
				return k
			}
		}
	}
	return -1
}

// infinitiveAfter returns the infinitive right after cue v ("likes to
// sing", "plans not to run", "refused to answer") that the parse hangs
// on v by another relation than xcomp (an adverbial clause of purpose,
// most often; an oblique when the verb was tagged a noun), or -1. Only an infinitive right after the verb is its complement: "backed
// the bill to win votes" is a purpose.
func (a *attributor) infinitiveAfter(v int) int {
	_, hi := a.sentRange(v)
	n := v + 1
	for n < hi && (a.tok(n).UPOS == text.ADV || a.tok(n).UPOS == text.PART && a.lemma(n) == "not") {
		n++
	}
	if n+1 >= hi || !strings.EqualFold(a.form(n), "to") {
		return -1
	}
	if u := a.tok(n + 1).UPOS; u != text.VERB && (u != text.NOUN || cues[a.lemma(n+1)] != speech) {
		// A speech verb the tagger took for a noun after "to" is still
		// one: "refused to answer".
		return -1
	}
	switch a.tok(n + 1).XPOS {
	case "VBD", "VBN", "VBZ":
		return -1 // "to" a preposition: "took to calling", not an infinitive
	}
	c := n + 1
	if a.head(c) != v || a.head(n) != c || a.segOf[c] >= 0 {
		return -1
	}
	return c
}

// promiseVerbs promise something to someone (of Levin's 13.3, verbs of
// future having).
var promiseVerbs = map[string]bool{"promise": true, "pledge": true, "guarantee": true}

// addressee returns the head of whom a verb of telling addresses ("told
// Assad that"), or -1.
func (a *attributor) addressee(v int) int {
	if !toldVerbs[a.lemma(v)] {
		return -1
	}
	// "promised a recount": the lone object of a verb of future having
	// (Levin's 13.3) is what was promised; whom it was promised to
	// needs a second object or a clause ("promised voters a tax cut",
	// "promised them that …").
	lone := promiseVerbs[a.lemma(v)] && a.childOf(v, text.Ccomp) < 0 && a.childOf(v, text.Xcomp) < 0
	n := 0
	for _, k := range a.kids[v] {
		if b := a.base(k); b == text.Obj || b == text.Iobj {
			n++
		}
	}
	if lone && n < 2 {
		return -1
	}
	for _, k := range a.kids[v] {
		switch a.base(k) {
		case text.Obj, text.Iobj:
			switch a.tok(k).UPOS {
			case text.NOUN, text.PROPN, text.PRON:
				if a.segOf[k] < 0 {
					return k
				}
			}
		}
	}
	return -1
}

// indirect attributes reported speech to the subject of cue v: "X said
// (that) …", "X told Y that …", "…, X said" (the cue a parenthetical of
// the clause it reports).
func (a *attributor) indirect(v int) {
	if k := cues[a.lemma(v)]; k == speech || k == belief {
		// A cue set off by commas with its speaker, however the parser
		// hung it ("…, a spokesman announced Monday", parsed as an
		// adjective of "Monday"; "…, said one official at the talks").
		if s, sp, toks, ok := a.parenthetical(v); ok && a.segOf[s] < 0 && !firstOrSecond(a.form(s)) {
			if f := a.add(v, s, toks); f != nil {
				f.spkSpan, f.paren = sp, true
			}
			return
		}
	}
	spk := a.subject(v)
	if spk < 0 {
		a.passive(v)
		return
	}
	spk = a.besideCue(v, spk)
	if a.segOf[spk] >= 0 {
		return
	}
	if strings.EqualFold(a.form(spk), "you") {
		// "you know …": the reader addressed, or the words of someone
		// quoted whose quotation marks were lost. "I" and "we" outside
		// quotation marks are the author's own statements (columns,
		// open letters: "I know the board has tried its best").
		return
	}
	var toks []int
	if c := a.attitudeAdj(v); c >= 0 {
		toks = a.withoutCase(c)
	} else if w := a.whatSaid(v); w >= 0 && a.complement(v) < 0 {
		// "That was what he said when he left office": the pronoun is
		// what was said, the clause after it says when.
		toks = []int{w}
	} else if c := a.complement(v); c >= 0 {
		if a.base(c) == text.Xcomp {
			// An infinitive holds no clause with a subject of its
			// own: "plan to sell the farm and their children hope to …".
			toks = a.subtree(c, func(k int) bool { return a.base(k) == text.Conj && a.hasSubject(k) })
		} else if a.base(c) != text.Ccomp && a.hasMark(c, "to") {
			// Nor one the parse hung on it by another relation, with
			// "and" of its own ("likes to paint, and her brother …").
			toks = a.subtree(c, func(k int) bool {
				return a.hasSubject(k) && (a.base(k) == text.Conj || a.childOf(k, text.Cc) >= 0)
			})
		} else {
			toks = a.subtree(c, nil)
		}
	} else if a.base(v) == text.Parataxis && cues[a.lemma(v)] == speech {
		h := a.head(v)
		if h < 0 {
			return
		}
		own := map[int]bool{}
		for _, k := range a.subtree(v, nil) {
			own[k] = true
		}
		for _, k := range a.subtree(h, nil) {
			if !own[k] {
				toks = append(toks, k)
			}
		}
	}
	if len(toks) == 0 && cues[a.lemma(v)] == belief {
		// An object and its predicate, a clause without "that": "found
		// the inspectors repeatedly ignored the rules", "believes the
		// plan doomed".
		toks = a.objectPredicate(v)
	}
	if len(toks) == 0 && a.lemma(v) == "call" && a.appeal(v) {
		toks = a.callOn(v)
	}
	if len(toks) == 0 && cues[a.lemma(v)] == speech {
		if c := a.clauseAfter(v); c >= 0 {
			toks = a.subtree(c, nil)
		}
	}
	var spkSpan text.Span
	np := false
	if len(toks) == 0 && (cues[a.lemma(v)] == speech || a.thatAfter(v)) {
		toks = a.restAfter(v)
	}
	if len(toks) == 0 && namingVerbs[a.lemma(v)] {
		// "called Clinton a champion", "called it a common ailment".
		var objs []int
		for _, k := range a.kids[v] {
			switch a.base(k) {
			case text.Obj, text.Iobj, text.Xcomp:
				if a.tok(k).UPOS != text.VERB {
					objs = append(objs, k)
				}
			}
		}
		if len(objs) >= 2 {
			toks = append(a.subtree(objs[0], nil), a.subtree(objs[1], nil)...)
			sort.Ints(toks)
		}
	}
	if len(toks) == 0 && a.stances {
		// "called the new toll a scam", "deemed the bridge a danger".
		toks = a.smallClause(v)
	}
	if len(toks) == 0 && a.stances && (cues[a.lemma(v)] == stance || npSpeech[a.lemma(v)]) {
		if c := a.npContent(v); c >= 0 {
			toks, np = a.withoutCase(c), true
			if as := a.asPhrase(v, c); as >= 0 && a.base(c) == text.Obj {
				// "described the plan as a failure": what the plan is said to be.
				toks = append(toks, a.subtree(as, nil)...)
				sort.Ints(toks)
				toks = dedup(toks)
			}
		}
	}
	if len(toks) == 0 {
		if w := a.whatSaid(v); w >= 0 {
			toks = []int{w}
		}
	}
	if a.wordsOutside(toks) == 0 && !a.hasSegment(toks) {
		return
	}
	if f := a.add(v, spk, toks); f != nil {
		f.spkSpan, f.np = spkSpan, np
	}
}

// objectPredicate returns the object of v and the predicate the parse
// hangs on v after it, a clause without "that" misread (an xcomp, an
// adverbial clause without a conjunction, a conjunct without "and"), or
// nil.
func (a *attributor) objectPredicate(v int) []int {
	obj := -1
	for _, k := range a.kids[v] {
		if k > v && a.base(k) == text.Obj && a.segOf[k] < 0 && (a.tok(k).UPOS == text.NOUN || a.tok(k).UPOS == text.PROPN) {
			obj = k
			break
		}
	}
	if obj < 0 {
		return nil
	}
	for _, k := range a.kids[v] {
		if k < obj || a.segOf[k] >= 0 || a.hasSubject(k) {
			continue
		}
		switch a.base(k) {
		case text.Xcomp:
		case text.Advcl:
			if a.childOf(k, text.Mark) >= 0 {
				continue // "found the council … when it …"
			}
		case text.Conj:
			if a.childOf(k, text.Cc) >= 0 {
				continue // "found the body and called the police"
			}
		default:
			continue
		}
		switch a.tok(k).UPOS {
		case text.VERB, text.ADJ:
			toks := append(a.subtree(obj, nil), a.subtree(k, nil)...)
			sort.Ints(toks)
			return dedup(toks)
		}
	}
	return nil
}

// whatSaid returns the pronoun that stands for what cue v reports in a
// free relative or a relative clause, before the cue's subject: "that is
// what the mayor said", "what the board expects", "a plan, which the
// minister announced, …"; -1 if none.
func (a *attributor) whatSaid(v int) int {
	if h := a.head(v); h >= 0 && h < v && a.base(v) == text.Acl && a.lemma(h) == "what" && a.segOf[h] < 0 {
		return h
	}
	for _, k := range a.kids[v] {
		if k < v && a.base(k) == text.Obj && a.segOf[k] < 0 {
			switch a.lemma(k) {
			case "what", "which":
				return k
			}
		}
	}
	return -1
}

// add records what cue v reports: toks, said by spk; nil if toks hold
// no words.
func (a *attributor) add(v, spk int, toks []int) *found {
	f := &found{kind: "indirect", cue: v, speaker: spk, addr: a.addressee(v), reporter: -1,
		cueSpan: text.Span{Start: a.tok(v).Start, End: a.tok(v).End}, content: a.spansOf(toks)}
	if len(f.content) == 0 {
		return nil
	}
	f.para = a.paraOf(f.content[0].Start)
	if a.hasSegment(toks) {
		f.kind = "mixed"
		a.claimSegments(toks)
	}
	a.used[v] = true
	a.found = append(a.found, f)
	return f
}

// withoutCase returns the tokens under h without the preposition that
// introduces it: what "called for a ceasefire" or "critical of the plan" is
// about is "a ceasefire", "the plan".
func (a *attributor) withoutCase(h int) []int {
	return a.subtree(h, func(k int) bool { return a.base(k) == text.Case && a.head(k) == h && k < h })
}

// hasSubject reports whether k has a subject of its own.
func (a *attributor) hasSubject(k int) bool {
	for _, c := range a.kids[k] {
		if a.tok(c).Dep.Universal().IsSubject() {
			return true
		}
	}
	return false
}

// cueWord reports whether token k is a speech cue outside quotation
// marks, or a form of one the tagger took for a noun or a name ("…,
// tweeting, “…”", "The Courier reports:", "“…,” the letter read").
func (a *attributor) cueWord(k int) bool {
	if a.segOf[k] >= 0 {
		return false
	}
	if a.tok(k).UPOS == text.VERB {
		return cues[a.lemma(k)] == speech
	}
	switch a.tok(k).UPOS {
	case text.NOUN, text.PROPN, text.ADJ:
	default:
		return false
	}
	speechWord := func(c string) bool {
		return len(c) > 2 && (clauseCues[c] && cues[c] == speech || c == "tweet" || c == "report")
	}
	switch f := strings.ToLower(a.form(k)); {
	case f == "read" || f == "wrote" || f == "said":
		return true
	case strings.HasSuffix(f, "ing"):
		stem := strings.TrimSuffix(f, "ing")
		return speechWord(stem) || speechWord(stem+"e")
	case strings.HasSuffix(f, "s"):
		return speechWord(strings.TrimSuffix(f, "s"))
	}
	return false
}

// firstOrSecond reports whether w is "I", "you" or "we".
func firstOrSecond(w string) bool {
	switch strings.ToLower(w) {
	case "i", "you", "we":
		return true
	}
	return false
}

// hasSegment reports whether toks hold quoted words of a quotation of
// three words or more.
func (a *attributor) hasSegment(toks []int) bool {
	for _, k := range toks {
		if s := a.segOf[k]; s >= 0 && a.segs[s].words >= 3 {
			return true
		}
	}
	return false
}

// according attributes the clause of "according to X" to X.
func (a *attributor) according(i int) {
	n := len(a.doc.Tokens)
	if i+1 >= n || !strings.EqualFold(a.form(i+1), "to") || a.segOf[i] >= 0 {
		return
	}
	x := a.head(i)
	if x <= i+1 || !nominal(a.tok(x).UPOS) {
		// "to" or the name is the head: the first noun after "to".
		x = -1
		for k := i + 2; k < n && k < i+6 && a.sentOf[k] == a.sentOf[i]; k++ {
			if u := a.tok(k).UPOS; u == text.PROPN || u == text.NOUN || u == text.PRON {
				x = k
				for h := a.head(k); h > k && h < i+8 && (a.tok(h).UPOS == text.PROPN || a.tok(h).UPOS == text.NOUN); h = a.head(h) {
					x = h
				}
				break
			}
		}
	}
	if x < 0 {
		return
	}
	s := a.sentOf[i]
	if s < 0 {
		return
	}
	own := map[int]bool{}
	for _, k := range a.subtree(x, nil) {
		own[k] = true
	}
	own[i], own[i+1] = true, true
	clause := a.head(x)
	var scope []int
	if lo, hi := a.sentRange(i); a.asideAt(i, x, lo, hi) {
		// "…, according to X." or "According to X, …": the rest of
		// the sentence, whatever the parse hangs the phrase on; X's
		// words end at its separator, even when the parse hangs the
		// sentence on X ("According to a complaint filed by the
		// agency, the firm …" parsed with "complaint" as the root).
		for k := lo; k < hi; k++ {
			scope = append(scope, k)
		}
		sep := hi
		for k := i + 2; k < hi; k++ {
			if a.isSep(k) && a.segOf[k] < 0 {
				sep = k
				break
			}
		}
		for k := range own {
			if k > sep {
				delete(own, k)
			}
		}
	} else if clause < 0 {
		for k := int(a.doc.Sents[s].Start); k < int(a.doc.Sents[s].End); k++ {
			scope = append(scope, k)
		}
	} else {
		scope = a.subtree(clause, nil)
	}
	var toks []int
	for _, k := range scope {
		if !own[k] {
			toks = append(toks, k)
		}
	}
	if a.wordsOutside(toks) < 2 {
		return
	}
	f := &found{kind: "indirect", cue: -1, speaker: x, addr: -1, reporter: -1,
		cueSpan: text.Span{Start: a.tok(i).Start, End: a.tok(i + 1).End}, content: a.spansOf(toks)}
	// The speaker's words are those after "according to", whatever the
	// parse hangs on them.
	var spk []int
	for _, k := range a.subtree(x, nil) {
		if !own[k] {
			continue
		}
		if k > i+1 && (len(spk) == 0 && k == i+2 || len(spk) > 0 && k == spk[len(spk)-1]+1) {
			spk = append(spk, k)
		}
	}
	f.spkSpan = a.spanOf(spk)
	if len(f.content) == 0 {
		return
	}
	f.para = a.paraOf(f.content[0].Start)
	if a.hasSegment(toks) {
		f.kind = "mixed"
		a.claimSegments(toks)
	}
	a.found = append(a.found, f)
}

// asideAt reports whether the phrase from token i to the end of the
// phrase headed by x is set off from the rest of the sentence [lo, hi):
// it opens the sentence and a comma follows, or a comma precedes it and
// it ends the sentence.
func (a *attributor) asideAt(i, x, lo, hi int) bool {
	toks := a.subtree(x, nil)
	end := toks[len(toks)-1]
	for _, k := range toks {
		if a.isSep(k) && k > i {
			end = k - 1 // an apposition of the source's is not its end
			break
		}
	}
	after := end + 1
	for after < hi && a.tok(after).UPOS == text.PUNCT && !a.isSep(after) && a.segOf[after] < 0 {
		after++
	}
	switch {
	case i == lo:
		return after < hi && a.form(after) == ","
	case i > lo && a.form(i-1) == ",":
		return after >= hi || a.isSep(after) && a.form(after) != "(" && after+1 >= hi
	}
	return false
}

// continuations attributes a quotation that is a paragraph of its own,
// with no cue, to the speaker of the last quote of the paragraphs just
// before.
func (a *attributor) continuations() {
	var out []*found
	k := 0
	var last *found
	for si := range a.segs {
		sg := &a.segs[si]
		for k < len(a.found) && a.found[k].start() <= sg.parts[0].Start {
			out = append(out, a.found[k])
			if a.found[k].speaker >= 0 {
				last = a.found[k]
			}
			k++
		}
		if a.segUse[si] || sg.words < 3 || last == nil || sg.para-last.para > continueParas || sg.para < last.para {
			continue
		}
		p := a.paraOf(int32(sg.open))
		if p < 0 || a.paras[p].Start != int32(sg.open) {
			continue
		}
		// Only quoted words in the paragraph, give or take a word or two.
		para := a.paras[p]
		rest := countWords(a.s[para.Start:para.End]) - sg.words
		if rest > 2 {
			continue
		}
		f := &found{kind: "direct", cue: -1, speaker: last.speaker, addr: -1, reporter: last.reporter, para: sg.para, content: sg.parts, cont: last}
		a.segUse[si] = true
		out = append(out, f)
		last = f
	}
	out = append(out, a.found[k:]...)
	a.found = out
}

// chains records who reports a speech: a cue whose clause is the
// complement of another cue ("SANA said Assad responded that …") is the
// speech of its own subject, reported by the other cue's subject, and the
// outer report is not a quote of its own.
func (a *attributor) chains() {
	byCue := map[int]*found{}
	for _, f := range a.found {
		if f.cue >= 0 {
			byCue[f.cue] = f
		}
	}
	for _, f := range a.found {
		if f.cue < 0 || f.cont != nil || cues[a.lemma(f.cue)] != speech || f.np {
			// Agreeing or believing is no speech that someone
			// reports, nor is a noun phrase ("the board would
			// announce its decision").
			continue
		}
		v := f.cue
		for n := 0; n < 4; n++ {
			if a.base(v) != text.Ccomp {
				break
			}
			g := a.head(v)
			if g < 0 || g > v || !a.isCue(g) || cues[a.lemma(g)] != speech {
				// The reporter's cue comes first ("SANA said Assad
				// responded"); a cue after the clause is a misparse of
				// two sentences.
				break
			}
			if s := a.subject(g); s >= 0 && s != f.speaker {
				f.reporter = s
				if o := byCue[g]; o != nil && o != f {
					o.dropped = true
				}
			}
			v = g
		}
	}
	out := a.found[:0]
	for _, f := range a.found {
		if f.dropped {
			continue
		}
		out = append(out, f)
	}
	a.found = out
}

// ref is what a speaker phrase refers to when it does not name the
// speaker itself.
type ref struct {
	how  string
	head int
	span text.Span
}

// refer resolves a pronoun, a surname or a role noun ("the minister") to
// the last full mention it refers to: the last named speaker or
// person-like name before it.
func (a *attributor) refer(h int, speakers []int) (ref, bool) {
	t := a.tok(h)
	lf := strings.ToLower(a.form(h))
	switch {
	case t.UPOS == text.PRON && a.isRelPron(h):
		// "who" of "Putin, who said": the noun the clause modifies.
		if v := a.head(h); v >= 0 && a.base(v) == text.Acl {
			if n := a.head(v); n >= 0 && nominal(a.tok(n).UPOS) {
				return ref{how: "pronoun", head: n, span: a.phrase(n)}, true
			}
		}
		// A relative clause the parser did not attach: the name just
		// before the comma.
		k := h - 1
		for k >= 0 && a.sentOf[k] == a.sentOf[h] && a.tok(k).UPOS == text.PUNCT {
			k--
		}
		if k >= 0 && a.sentOf[k] == a.sentOf[h] && a.tok(k).UPOS == text.PROPN {
			if i := a.namesBefore(k+1) - 1; i >= 0 && a.names[i].a <= k && k <= a.names[i].b {
				nr := a.names[i]
				return ref{how: "pronoun", head: a.runHead(nr), span: text.Span{Start: a.tok(nr.a).Start, End: a.tok(nr.b).End}}, true
			}
		}
	case t.UPOS == text.PRON:
		switch lf {
		case "he", "she", "him", "her":
		default:
			return ref{}, false
		}
		for i := len(speakers) - 1; i >= 0 && i >= len(speakers)-maxBack; i-- {
			if s := speakers[i]; s < h && a.tok(s).UPOS == text.PROPN {
				if r, ok := a.fullName(s); ok {
					r.how = "pronoun"
					return r, true
				}
				return ref{how: "pronoun", head: s, span: a.phrase(s)}, true
			}
		}
		for i := a.namesBefore(h) - 1; i >= 0 && i >= a.namesBefore(h)-maxBack; i-- {
			nr := a.names[i]
			if nr.b < h && nr.b > nr.a && a.tok(a.runHead(nr)).Dep.Universal().IsSubject() {
				return ref{how: "pronoun", head: a.runHead(nr), span: text.Span{Start: a.tok(nr.a).Start, End: a.tok(nr.b).End}}, true
			}
		}
	case t.UPOS == text.PROPN:
		return a.fullName(h)
	case t.UPOS == text.NOUN:
		det := false
		for _, k := range a.kids[h] {
			if a.base(k) == text.Det && strings.EqualFold(a.form(k), "the") {
				det = true
			}
		}
		l := a.lemma(h)
		if !det || strings.ToLower(a.form(h)) != l {
			return ref{}, false // "the minister", not "the ministers"
		}
		for _, k := range a.kids[h] {
			if b := a.base(k); b == text.Nmod || b == text.Appos || b == text.Conj {
				return ref{}, false // "the president of Syria" says who
			}
		}
		for i := a.namesBefore(h) - 1; i >= 0 && i >= a.namesBefore(h)-maxBack; i-- {
			nr := a.names[i]
			if nr.b >= h {
				continue
			}
			for k := max(nr.a-3, 0); k <= nr.b; k++ {
				if a.lemma(k) == l && a.sentOf[k] == a.sentOf[nr.a] {
					return ref{how: "role-ref", head: a.runHead(nr), span: text.Span{Start: a.tok(min(k, nr.a)).Start, End: a.tok(nr.b).End}}, true
				}
			}
		}
	}
	return ref{}, false
}

// fullName resolves a one-word name ("Caddell") to the last longer name
// before it that ends with the same word ("Pat Caddell").
func (a *attributor) fullName(h int) (ref, bool) {
	if h > 0 && a.tok(h-1).UPOS == text.PROPN && a.sentOf[h-1] == a.sentOf[h] {
		return ref{}, false
	}
	if h+1 < len(a.doc.Tokens) && a.tok(h+1).UPOS == text.PROPN && a.sentOf[h+1] == a.sentOf[h] {
		return ref{}, false
	}
	w := a.form(h)
	for i := a.namesBefore(h) - 1; i >= 0 && i >= a.namesBefore(h)-maxBack; i-- {
		nr := a.names[i]
		if nr.b >= h || nr.b == nr.a {
			continue
		}
		if strings.EqualFold(a.form(nr.b), w) {
			return ref{how: "short-ref", head: a.runHead(nr), span: text.Span{Start: a.tok(nr.a).Start, End: a.tok(nr.b).End}}, true
		}
	}
	return ref{}, false
}

// quotes builds the quotes, coding their actors with r.
func (a *attributor) quotes(ctx context.Context, r Resolver) ([]eventwire.Quote, error) {
	if len(a.found) == 0 {
		return nil, nil
	}
	var speakers []int
	refs := map[int]ref{}
	var heads []int
	for _, f := range a.found {
		for _, h := range []int{f.speaker, f.addr, f.reporter} {
			if h < 0 {
				continue
			}
			if _, ok := refs[h]; !ok {
				rf, ok := a.refer(h, speakers)
				if ok {
					refs[h] = rf
					heads = append(heads, rf.head)
				} else {
					refs[h] = ref{head: -1}
				}
				heads = append(heads, h)
			}
		}
		if f.speaker >= 0 && f.cont == nil {
			speakers = append(speakers, f.speaker)
		}
	}
	coded := map[int]eventwire.Actor{}
	if r != nil && len(heads) > 0 {
		sort.Ints(heads)
		heads = dedup(heads)
		acts, err := r.Actors(ctx, a.doc, heads)
		if err != nil {
			return nil, fmt.Errorf("quote: speakers: %w", err)
		}
		for i, h := range heads {
			if i < len(acts) {
				coded[h] = acts[i]
			}
		}
	}
	actor := func(h int) (eventwire.Actor, text.Span) {
		sp := a.phrase(h)
		act := eventwire.Actor{Text: a.s[sp.Start:sp.End]}
		c := coded[h]
		act.Code, act.Entry, act.Via = c.Code, c.Entry, c.Via
		if rf := refs[h]; rf.head >= 0 && act.Via == nil && (act.Code == "" || strings.HasPrefix(act.Code, "---")) {
			act.Via = &eventwire.Via{How: rf.how, Text: a.s[rf.span.Start:rf.span.End], Span: rf.span}
			if ac := coded[rf.head]; ac.Code != "" {
				act.Code, act.Entry = ac.Code, ac.Entry
			}
		}
		return act, sp
	}
	out := make([]eventwire.Quote, 0, len(a.found))
	for _, f := range a.found {
		if len(f.content) == 0 {
			continue
		}
		if f.kind != "direct" {
			f.content = a.closeQuoted(f.content)
		}
		q := eventwire.Quote{Kind: f.kind, Direct: f.kind == "direct"}
		var parts []string
		for _, c := range f.content {
			parts = append(parts, a.s[c.Start:c.End])
		}
		q.Text = strings.Join(parts, " … ")
		q.Span = text.Span{Start: f.content[0].Start, End: f.content[len(f.content)-1].End}
		q.Evidence.Content = f.content
		if k := a.tokAt(q.Span.Start); k < len(a.doc.Tokens) {
			q.Sentence = int(a.sentOf[k])
		}
		q.Evidence.Cue = f.cueSpan
		q.Cue = a.s[f.cueSpan.Start:f.cueSpan.End]
		if f.speaker >= 0 {
			q.Speaker, q.SpeakerSpan = actor(f.speaker)
			if f.spkSpan.End > f.spkSpan.Start {
				q.SpeakerSpan = f.spkSpan
				q.Speaker.Text = a.s[f.spkSpan.Start:f.spkSpan.End]
			}
			q.Evidence.Speaker = q.SpeakerSpan
		}
		if f.addr >= 0 {
			act, sp := actor(f.addr)
			q.Addressee, q.Evidence.Addressee = &act, sp
		}
		if f.reporter >= 0 {
			act, sp := actor(f.reporter)
			q.ReportedBy, q.Evidence.ReportedBy = &act, sp
		}
		out = append(out, q)
	}
	return out, nil
}

func dedup(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// Link points the statement events (CAMEO 01-02, 10-13) and the quotes
// whose cue coded them at each other: Event.Quote and Quote.Events. An
// event is a quote's when its verb is the quote's cue.
func Link(quotes []eventwire.Quote, events []eventwire.Event) {
	for i := range events {
		e := &events[i]
		if len(e.CAMEO) < 2 || !statementRoots[e.CAMEO[:2]] || e.Evidence.Verb.End <= e.Evidence.Verb.Start {
			continue
		}
		for qi := range quotes {
			c := quotes[qi].Evidence.Cue
			if c.End > c.Start && c.Start < e.Evidence.Verb.End && e.Evidence.Verb.Start < c.End {
				e.Quote = &qi
				quotes[qi].Events = append(quotes[qi].Events, i)
				break
			}
		}
	}
}

func nominal(u text.UPOS) bool {
	return u == text.NOUN || u == text.PROPN || u == text.PRON
}

// directSpeaker returns the speaker of the quotation sg that cue v
// reports: the cue's subject outside the quotation marks, else the name
// or pronoun next to the cue (the parser often takes a quotation's words
// for the subject of a cue that follows it: "“One of the things ...,”
// said Caddell").
func (a *attributor) directSpeaker(v int, sg *segment) int {
	if a.tok(v).UPOS != text.VERB && (sg.close < 0 || a.tok(v).Start < int32(sg.close)) {
		// A cue the tagger took for a noun before the quotation: ",
		// tweeting, “…”" tells of the sentence's subject; "The Courier
		// reports:" of the name before it.
		if strings.HasSuffix(strings.ToLower(a.form(v)), "ing") && v > 0 && a.form(v-1) == "," {
			if s := a.sentOf[v]; s >= 0 {
				for k := int(a.doc.Sents[s].Start); k < v; k++ {
					if a.head(k) < 0 {
						if sub := a.subject(k); sub >= 0 {
							return sub
						}
					}
				}
			}
		}
		return a.chunkHead(a.chunkStart(v), v)
	}
	for _, k := range a.kids[v] {
		if a.tok(k).Dep.Universal().IsSubject() && !a.tok(k).Dep.Universal().IsPassiveSubject() && a.segOf[k] < 0 {
			return k
		}
	}
	near := func(k int) bool {
		return k >= 0 && k < len(a.doc.Tokens) && a.segOf[k] < 0 && a.sentOf[k] == a.sentOf[v]
	}
	top := func(k int) int {
		// The head of the name k is in: "Caddell" of "Pat Caddell".
		for n := 0; n < 4; n++ {
			h := a.head(k)
			if h < 0 || !near(h) || h == v || !nominal(a.tok(h).UPOS) || (h-k) > 4 || (k-h) > 4 {
				break
			}
			k = h
		}
		return k
	}
	if sg.close >= 0 && a.tok(v).Start > int32(sg.close) {
		// "…," Jane Doe, head of the pilots' guild, said: the
		// name the apposition follows.
		if first := a.tokAt(int32(sg.close + len(markText(a.s, sg.close)))); first < v && v-first > 6 &&
			a.form(v-1) == "," && a.apposed(first, v) && near(first) {
			k := first
			for k+1 < v && a.tok(k+1).UPOS == text.PROPN {
				k++
			}
			return top(k)
		}
		// "…," he said / "…," the minister said.
		for k := v - 1; near(k) && a.tok(k).Start > int32(sg.close); k-- {
			if nominal(a.tok(k).UPOS) {
				return top(k)
			}
		}
		// "…," said Caddell.
		for k := v + 1; near(k) && k <= v+4; k++ {
			if a.tok(k).UPOS == text.PUNCT {
				break
			}
			if nominal(a.tok(k).UPOS) {
				for k+1 < len(a.doc.Tokens) && near(k+1) && a.tok(k+1).UPOS == a.tok(k).UPOS && a.tok(k).UPOS == text.PROPN {
					k++
				}
				return top(k)
			}
		}
	}
	if s := a.subject(v); s >= 0 && a.segOf[s] < 0 {
		return s
	}
	return a.participleSpeaker(v)
}

// participleSpeaker returns the speaker of a cue that is a participle
// after a comma, or an infinitive under one, when the parse hangs it on
// nothing with a subject of its own (on a verb inside the quotation): ",
// insisting, “…”", "said, proposing a few lines, including “…”", "…,
// going on to say that “…”" tell of the clause before them, whose
// subject is the nearest one before the participle in its sentence,
// outside quotation marks. It returns -1 when there is none.
func (a *attributor) participleSpeaker(v int) int {
	g := v
	if a.base(g) == text.Xcomp && a.hasMark(g, "to") {
		if h := a.head(g); h >= 0 && h < g {
			g = h
		}
	}
	if a.tok(g).XPOS != "VBG" || g == 0 || a.form(g-1) != "," || a.sentOf[g] < 0 {
		return -1
	}
	lo := int(a.doc.Sents[a.sentOf[g]].Start)
	for k := g - 1; k >= lo && g-k <= 200; k-- {
		d := a.tok(k).Dep.Universal()
		if a.segOf[k] >= 0 || !d.IsSubject() {
			continue
		}
		if h := a.head(k); d.IsPassiveSubject() || h < 0 || a.segOf[h] >= 0 {
			continue
		}
		if firstOrSecond(a.form(k)) {
			return -1
		}
		return k
	}
	return -1
}

// isDash reports whether r is a dash that attributes a quotation to the
// name after it ("“…” ― Jane Doe").
func isDash(r rune) bool { return r == '―' || r == '—' || r == '–' }

// dashSpeaker returns the head of the name that a dash after the closing
// mark of sg gives as its speaker, in the same paragraph or as a paragraph
// of its own just after, or -1.
func (a *attributor) dashSpeaker(sg *segment) int {
	d := a.dashAt(sg)
	if d < 0 {
		return -1
	}
	_, n := utf8.DecodeRuneInString(a.s[d:])
	k := a.tokAt(int32(d + n))
	j := k
	for j < len(a.doc.Tokens) && j < k+6 && a.tok(j).UPOS == text.PROPN && a.segOf[j] < 0 {
		j++
	}
	if j == k {
		return -1
	}
	return j - 1
}

// dashAt returns the byte offset of an attributing dash after sg, or -1.
func (a *attributor) dashAt(sg *segment) int {
	if sg.close < 0 {
		return -1
	}
	i := sg.close + len(markText(a.s, sg.close))
	newlines := 0
	for i < len(a.s) && i < sg.close+64 {
		r, n := utf8.DecodeRuneInString(a.s[i:])
		switch {
		case r == '\n':
			newlines++
		case unicode.IsSpace(r):
		case isDash(r):
			if newlines > 2 {
				return -1
			}
			return i
		default:
			return -1
		}
		i += n
	}
	return -1
}

func (a *attributor) dashSpan(sg *segment) text.Span {
	d := a.dashAt(sg)
	_, n := utf8.DecodeRuneInString(a.s[d:])
	return text.Span{Start: int32(d), End: int32(d + n)}
}

// npContent returns the noun phrase or prepositional object that says
// what a cue's subject said or stood for ("denied the report", "called
// for a ceasefire"), or -1. The addressee of a verb of telling is not its
// content.
func (a *attributor) npContent(v int) int {
	addr := a.addressee(v)
	call := a.lemma(v) == "call"
	if a.lemma(v) == "show" {
		// "showed the visitors the harbour" is a guided tour, not
		// evidence: two objects.
		n := 0
		for _, k := range a.kids[v] {
			if b := a.base(k); b == text.Obj || b == text.Iobj {
				n++
				for _, c := range a.kids[k] {
					if b := a.base(c); b == text.Obj || b == text.Iobj {
						n++ // the second hung on the first
					}
				}
			}
		}
		if n > 1 {
			return -1
		}
	}
	if c := a.aboutWhether(v); c >= 0 {
		return c // "asked about whether …"
	}
	for _, k := range a.kids[v] {
		if k == addr {
			continue
		}
		switch a.base(k) {
		case text.Obj:
			// "called Assad" is a telephone call; "called it a
			// breakthrough" is a statement.
			if x := a.childOf(v, text.Xcomp); call && (x < 0 || a.tok(x).UPOS == text.VERB) {
				continue
			}
			if k != addr {
				return k
			}
		case text.Obl:
			if timeWords[a.lemma(k)] || a.tok(k).UPOS == text.NUM {
				continue
			}
			for _, c := range a.kids[k] {
				if a.base(c) != text.Case || !stancePreps[a.lemma(c)] && !(a.lemma(c) == "with" && withVerbs[a.lemma(v)]) {
					continue
				}
				if l := a.lemma(v); (l == "speak" || l == "talk") && a.lemma(c) != "about" && a.lemma(c) != "of" {
					continue // "spoke on the phone", "speaking to reporters"
				}
				return k
			}
		}
	}
	return -1
}

// attitude reports whether v, a verb outside the cue lexicon, reports
// what its subject holds true by a clause it governs ("recognized that
// ...", "feels that ..."), as PolNeAR counts.
func (a *attributor) attitude(v int) bool {
	if !a.stances || a.segOf[v] >= 0 || notAttitude[a.lemma(v)] {
		return false
	}
	if a.tok(v).UPOS == text.ADJ {
		return a.attitudeAdj(v) >= 0
	}
	if a.tok(v).UPOS != text.VERB {
		return false
	}
	c := a.childOf(v, text.Ccomp)
	if c < 0 {
		return false
	}
	for _, k := range a.kids[c] {
		if a.base(k) == text.Mark && a.lemma(k) == "that" {
			return true
		}
	}
	return false
}

// attitudeAdjs are the adjectives of a belief or a feeling about what a
// clause or an "about" phrase says: "she was sure (that) …", "were
// concerned about the new rules", "has been critical of the plan".
var attitudeAdjs = map[string]bool{"sure": true, "certain": true, "confident": true, "convinced": true,
	"afraid": true, "aware": true, "worried": true, "concerned": true, "frustrated": true, "angry": true,
	"upset": true, "happy": true, "glad": true, "pleased": true, "proud": true, "disappointed": true,
	"surprised": true, "optimistic": true, "hopeful": true, "pessimistic": true, "skeptical": true,
	"sceptical": true, "adamant": true, "unsure": true, "uncertain": true, "doubtful": true, "fearful": true,
	"satisfied": true, "grateful": true, "sorry": true, "eager": true, "anxious": true, "nervous": true,
	"furious": true, "outraged": true, "incensed": true, "critical": true, "coy": true, "wary": true,
	"supportive": true, "dismissive": true, "emphatic": true, "explicit": true, "unhappy": true,
	"enthusiastic": true, "cautious": true, "insistent": true, "resentful": true, "suspicious": true}

// attitudeAdj returns what attitude adjective v (attitudeAdjs) with a
// subject of its own is about: its clause ("was sure the team would win"),
// or its "about", "of" or "over" phrase; -1 if none.
func (a *attributor) attitudeAdj(v int) int {
	if a.tok(v).UPOS != text.ADJ || !attitudeAdjs[a.lemma(v)] || a.segOf[v] >= 0 {
		return -1
	}
	subj := false
	for _, k := range a.kids[v] {
		if d := a.tok(k).Dep.Universal(); d.IsSubject() && !d.IsPassiveSubject() && nominal(a.tok(k).UPOS) && !strings.EqualFold(a.form(k), "it") {
			subj = true
		}
	}
	if !subj {
		return -1
	}
	if c := a.childOf(v, text.Ccomp); c > v {
		return c
	}
	if c := a.aboutWhether(v); c >= 0 {
		return c
	}
	for _, k := range a.kids[v] {
		if a.base(k) != text.Obl || k < v {
			continue
		}
		for _, c := range a.kids[k] {
			if a.base(c) == text.Case && (a.lemma(c) == "about" || a.lemma(c) == "of" || a.lemma(c) == "over") {
				return k
			}
		}
	}
	return -1
}

// aboutWhether returns a question clause after v that "about",
// "over" or "on" opens ("were vague about whether the pier would
// reopen", "spoke out about whether the report should be published"),
// or -1.
func (a *attributor) aboutWhether(v int) int {
	for _, k := range a.kids[v] {
		if k < v || a.segOf[k] >= 0 {
			continue
		}
		switch a.base(k) {
		case text.Advcl, text.Ccomp, text.Acl:
		default:
			continue
		}
		prep, wh := false, false
		for _, c := range a.kids[k] {
			if c > k || a.base(c) != text.Mark {
				continue
			}
			switch a.lemma(c) {
			case "about", "over", "on":
				prep = true
			case "whether", "if", "how", "why", "what", "when":
				wh = true
			}
		}
		if prep && wh {
			return k
		}
	}
	return -1
}

// notAttitude are verbs whose "that" clause is no one's statement or
// belief.
var notAttitude = map[string]bool{"be": true, "have": true, "mean": true, "ensure": true, "make": true, "seem": true,
	"appear": true, "happen": true, "require": true}

// clauseAfter returns the clause after a speech cue that the parser did
// not attach as its complement ("officials said the two raised $350
// million", parsed with "$" as the object): a child after v of three
// words or more that holds a verb; -1 if none.
func (a *attributor) clauseAfter(v int) int {
	addr := a.addressee(v)
	for _, k := range a.kids[v] {
		if k < v || k == addr || a.segOf[k] >= 0 || a.isCue(k) {
			continue
		}
		obj := false
		switch a.base(k) {
		case text.Obj:
			obj = true
		case text.Parataxis, text.Dep, text.Advcl:
			if a.adverbial(k) || a.base(k) == text.Advcl && a.hasMark(k, "to") && !a.appeal(v) {
				// "refuse them a licence until the fee is paid",
				// "called the governor to thank him" (but "called on
				// the mayor to resign", "urged both sides to resume talks").
				continue
			}
		case text.Xcomp:
			// A mis-attached "that" clause, not "called Assad to
			// congratulate him".
			if a.lemma(v) == "call" || a.hasMark(k, "to") {
				continue
			}
		default:
			continue
		}
		toks := a.subtree(k, nil)
		if a.wordsOutside(toks) < 3 {
			continue
		}
		for _, t := range toks {
			tk := a.tok(t)
			if tk.UPOS != text.VERB && (obj || tk.UPOS != text.AUX) {
				continue
			}
			if !obj {
				return k
			}
			// An object that is a clause in disguise holds a finite
			// verb that no relative clause hangs on it ("the news ...
			// where a free press is banned" is a noun phrase).
			if b := a.base(t); b != text.Acl && (tk.XPOS == "VBD" || tk.XPOS == "VBZ" || tk.XPOS == "VBP" || strings.Contains(tk.Feats, "VerbForm=Fin")) {
				return k
			}
		}
	}
	return -1
}

// appeal reports whether cue v asks someone to act, so that its
// infinitive is what was asked: "urged both sides to resume talks", "called on
// the mayor to resign" (not "called Assad to congratulate him").
func (a *attributor) appeal(v int) bool {
	switch a.lemma(v) {
	case "urge", "ask", "press", "push", "plead", "appeal", "beg", "implore", "encourage", "invite",
		"challenge", "dare", "warn", "tell", "order", "demand", "advise", "remind":
		return true
	case "call":
		for _, k := range a.kids[v] {
			if a.base(k) == text.Obl && (a.hasCase(k, "on") || a.hasCase(k, "upon")) {
				return true
			}
		}
	}
	return false
}

// urgeVerbs ask someone to act, by an object and an infinitive: the
// verbs of urging and begging (Levin's class 58: encourage, advise,
// implore, beg, entreat …) and of persuading (persuade, convince), outside
// the cue lexicon. What they ask is what their subject said: "begged
// him to stay", "has encouraged the towns to build more houses".
var urgeVerbs = map[string]bool{"encourage": true, "advise": true, "counsel": true, "exhort": true,
	"admonish": true, "implore": true, "beg": true, "beseech": true, "entreat": true, "invite": true,
	"persuade": true, "convince": true, "instruct": true}

// urge attributes what a verb of urging (urgeVerbs) asks, its object
// and its infinitive, to its subject; it reports whether it found one.
func (a *attributor) urge(v int) bool {
	if a.segOf[v] >= 0 || a.tok(v).UPOS != text.VERB || !urgeVerbs[a.lemma(v)] {
		return false
	}
	spk := a.subject(v)
	if spk < 0 || a.segOf[spk] >= 0 || firstOrSecond(a.form(spk)) {
		return false
	}
	if l := strings.ToLower(a.form(spk)); l == "that" || l == "which" {
		// "a policy that encourages people to …": a thing, not
		// someone asking.
		return false
	}
	obj := -1
	for _, k := range a.kids[v] {
		if b := a.base(k); k > v && (b == text.Obj || b == text.Iobj) && nominal(a.tok(k).UPOS) && a.segOf[k] < 0 {
			obj = k
			break
		}
	}
	if obj < 0 {
		return false
	}
	for _, h := range [2]int{v, obj} {
		for _, k := range a.kids[h] {
			if b := a.base(k); k > obj && (b == text.Xcomp || b == text.Advcl || b == text.Acl) && a.hasMark(k, "to") {
				toks := append(a.subtree(obj, func(t int) bool { return t == k }),
					a.subtree(k, func(t int) bool { return a.base(t) == text.Conj && a.hasSubject(t) })...)
				sort.Ints(toks)
				return a.add(v, spk, dedup(toks)) != nil
			}
		}
	}
	return false
}

// callOn returns what "called on X to …" asks: X and the infinitive,
// wherever the parse hangs the infinitive (on the verb or on X); nil
// without one.
func (a *attributor) callOn(v int) []int {
	on := -1
	for _, k := range a.kids[v] {
		if a.base(k) == text.Obl && (a.hasCase(k, "on") || a.hasCase(k, "upon")) {
			on = k
			break
		}
	}
	if on < 0 {
		return nil
	}
	toks := a.withoutCase(on)
	inf := false
	for _, t := range toks {
		if a.tok(t).UPOS == text.VERB && a.hasMark(t, "to") {
			inf = true
		}
	}
	if !inf {
		for _, k := range a.kids[v] {
			if b := a.base(k); k > on && (b == text.Xcomp || b == text.Advcl) && a.hasMark(k, "to") {
				toks = append(toks, a.subtree(k, nil)...)
				inf = true
				break
			}
		}
	}
	if !inf {
		return nil
	}
	sort.Ints(toks)
	return toks
}

// adverbial reports whether clause k opens with a conjunction that makes
// it say when, why or on what condition ("until", "because", "when"),
// not what was said.
func (a *attributor) adverbial(k int) bool {
	for _, c := range a.kids[k] {
		if a.base(c) != text.Mark && !(a.base(c) == text.Advmod && c < k && a.tok(c).XPOS == "WRB") {
			continue
		}
		switch a.lemma(c) {
		case "when", "until", "till", "as", "because", "after", "before", "while", "since", "although",
			"though", "unless", "once", "where", "whereas", "so":
			return true
		}
	}
	return false
}

// namesBefore returns the number of names that start before token h.
func (a *attributor) namesBefore(h int) int {
	return sort.Search(len(a.names), func(i int) bool { return a.names[i].a >= h })
}

// runHead returns the token of a name whose head lies outside it (UD
// makes a name's first word its head: "Anna" of "Anna Berg").
func (a *attributor) runHead(nr nameRun) int {
	for k := nr.a; k <= nr.b; k++ {
		if h := a.head(k); h < nr.a || h > nr.b {
			return k
		}
	}
	return nr.b
}

// nested drops the stances and beliefs reported inside another quote.
func (a *attributor) nested() {
	// What someone else is reported to have said, inside a report, is
	// part of that report ("He said the troika had agreed to …"), not a
	// quote of its own; but a statement of its own that the parse hangs
	// on the end of a report ("said the count was wrong, arguing that
	// …", "…, though she admitted …") is cut off the report.
	for i, f := range a.found {
		if f.cue >= 0 && !f.dropped && f.kind == "direct" && len(f.content) > 0 {
			a.cutDirect(f, a.found[max(0, i-maxNest):min(len(a.found), i+maxNest+1)])
		}
		if f.cue < 0 || f.dropped || f.kind == "direct" {
			continue
		}
		at := a.tok(f.cue).Start
		// The quotes are in the order of their content; one that holds
		// f's cue is among its neighbours (the cue's sentence holds
		// few), and looking no further keeps the work linear.
		for _, o := range a.found[max(0, i-maxNest):min(len(a.found), i+maxNest+1)] {
			if o == f || o.dropped || !o.holds(at) {
				continue
			}
			if o.cue < 0 {
				// "The club has said …, according to its lawyers",
				// "Berg: the talks must go on": the report is the
				// outer one.
				f.dropped = true
				break
			}
			if f.paren {
				// "The club plans to …, a spokesman announced": the
				// report set off by commas holds the sentence, the
				// cue whose words ran on into it included.
				continue
			}
			if cues[a.lemma(f.cue)] == speech && cues[a.lemma(o.cue)] == speech && !f.np && a.reportsTo(f.cue, o.cue) &&
				!a.coordinated(f.cue) {
				continue // "the Kremlin said Putin told Assad": chains'
			}
			if cut, ok := a.aside(f); ok && (cues[a.lemma(f.cue)] == speech || cues[a.lemma(f.cue)] == belief ||
				a.tok(f.cue).XPOS == "VBG" && cues[a.lemma(f.cue)] == stance) {
				o.content = a.cutSpans(o.content, cut)
				if a.tok(f.cue).XPOS == "VBG" && o.speaker >= 0 {
					// The participle tells of the reporter, not of
					// the subject of the clause it hangs on.
					f.speaker, f.spkSpan = o.speaker, o.spkSpan
				}
				continue
			}
			if cut, ok := a.participleAside(f.cue, o.cue); ok {
				// "Footage shows that …, disputing the ministry's
				// claim that …": the participle after a comma tells of
				// the report, and the claim in it is a statement of its
				// own.
				o.content = a.cutSpans(o.content, cut)
				continue
			}
			f.dropped = true
		}
	}
	out := a.found[:0]
	for _, f := range a.found {
		if !f.dropped && len(f.content) > 0 {
			out = append(out, f)
		}
	}
	a.found = out
}

// coordinated reports whether cue v opens a clause of its own joined by
// a conjunction, with a subject of its own: "Farmers said the board
// lied and the mayor accused it of …" holds two reports, not one inside
// the other, whatever the parse joins the second to.
func (a *attributor) coordinated(v int) bool {
	if a.base(v) != text.Conj || !a.hasSubject(v) {
		return false
	}
	c := a.childOf(v, text.Cc)
	return c >= 0 && c < v
}

// cutDirect cuts quotation f, with the cue after it and the speaker that
// give it to someone ("“…,” the union wrote"), out of the content of the other
// reports near it that ran on into it: "The letter also described the
// damage: “…,” the fishermen wrote." holds two statements, each
// with its own words.
func (a *attributor) cutDirect(f *found, near []*found) {
	lo, hi := f.content[0].Start, f.content[len(f.content)-1].End
	if f.cueSpan.Start < hi {
		// A cue before the quotation may be a report inside the
		// other ("what the minister called the board's “careless” plan").
		return
	}
	if f.cueSpan.End > hi {
		hi = f.cueSpan.End
	}
	if f.speaker >= 0 {
		if sp := a.phrase(f.speaker); sp.End > hi && sp.Start >= lo {
			hi = sp.End
		}
	}
	// The cue's own words after it, up to a comma: "the council wrote
	// in a letter".
	own := map[int]bool{}
	for _, k := range a.subtree(f.cue, nil) {
		own[k] = true
	}
	_, end := a.sentRange(f.cue)
	for k := f.cue + 1; k < end && own[k] && a.form(k) != "," && a.segOf[k] < 0; k++ {
		if l := a.lemma(k); l == "that" || l == "to" || l == "on" || a.tok(k).UPOS == text.VERB {
			break // the cue's own clause: ", adding that …"
		}
		if e := a.tok(k).End; e > hi {
			hi = e
		}
	}
	for lo > 0 {
		r, n := utf8.DecodeLastRuneInString(a.s[:lo])
		if k, _ := mark(r); k == notMark && !unicode.IsSpace(r) && r != ':' && r != ',' {
			break
		}
		lo -= int32(n)
	}
	for int(hi) < len(a.s) {
		r, n := utf8.DecodeRuneInString(a.s[hi:])
		if k, _ := mark(r); k == notMark && r != ',' && r != '.' {
			break
		}
		hi += int32(n)
	}
	cut := text.Span{Start: lo, End: hi}
	for _, o := range near {
		if o == f || o.dropped || o.kind == "direct" || o.cue < 0 || o.cue == f.cue || !o.holds(f.content[0].Start) {
			continue
		}
		if o.holds(a.tok(o.cue).Start) {
			continue // a cue inside its own content: a parse gone wrong
		}
		rest := a.cutSpans(o.content, cut)
		n := 0
		for _, c := range rest {
			n += countWords(a.s[c.Start:c.End])
		}
		if n < 2 {
			// The other report is the quotation's own cue ("X said
			// at a press conference: “…”"), the one after it a new
			// sentence's.
			continue
		}
		o.content = rest
		if o.kind == "mixed" {
			var toks []int
			for _, c := range o.content {
				toks = append(toks, a.tokensIn(c)...)
			}
			if !a.hasSegment(toks) {
				o.kind = "indirect"
			}
		}
	}
}

// participleAside returns the bytes, from its comma to its end, of a
// participle after a comma that holds cue v and not cue o ("…,
// disputing the ministry's claim that …").
func (a *attributor) participleAside(v, o int) (text.Span, bool) {
	p := v
	for n := 0; n < 6 && p >= 0; n++ {
		if p != v && a.tok(p).XPOS == "VBG" && p > 0 && a.form(p-1) == "," && p > o {
			switch a.base(p) {
			case text.Advcl, text.Acl, text.Conj, text.Xcomp:
				toks := a.subtree(p, nil)
				if slices.Contains(toks, o) {
					return text.Span{}, false
				}
				return text.Span{Start: a.tok(p - 1).Start, End: a.tok(toks[len(toks)-1]).End}, true
			}
		}
		p = a.head(p)
	}
	return text.Span{}, false
}

// maxNest bounds how many quotes before and after one are looked at for a
// report that holds its cue.
const maxNest = 32

// holds reports whether byte b lies in the content of f.
func (f *found) holds(b int32) bool {
	for _, c := range f.content {
		if c.Start <= b && b < c.End {
			return true
		}
	}
	return false
}

// reportsTo reports whether cue v is (through clausal complements and
// conjuncts) the clause that cue o reports: "o said … v told".
func (a *attributor) reportsTo(v, o int) bool {
	for n := 0; n < 4 && v >= 0; n++ {
		switch a.base(v) {
		case text.Ccomp, text.Conj, text.Parataxis:
		default:
			return false
		}
		v = a.head(v)
		if v == o {
			return true
		}
	}
	return false
}

// aside returns the bytes of the clause of quote f when it is a
// statement of its own beside the clause it hangs on: a participle after
// a comma (", arguing that …") or a clause a conjunction opens (",
// though she admitted …"), from the comma or the conjunction to the
// clause's end.
func (a *attributor) aside(f *found) (text.Span, bool) {
	v := f.cue
	switch a.base(v) {
	case text.Advcl, text.Conj, text.Parataxis:
	case text.Acl:
		if a.tok(v).XPOS != "VBG" || v == 0 || a.form(v-1) != "," {
			return text.Span{}, false
		}
		// ", citing her record", hung on the last noun.
	default:
		return text.Span{}, false
	}
	toks := a.subtree(v, nil)
	for len(toks) > 1 && a.tok(toks[0]).UPOS == text.PUNCT {
		toks = toks[1:]
	}
	first, last := toks[0], toks[len(toks)-1]
	lead := first
	switch {
	case a.tok(v).XPOS == "VBG" && first == v:
	case a.tok(first).UPOS == text.CCONJ:
	case a.tok(first).UPOS == text.SCONJ:
		switch a.lemma(first) {
		case "though", "although", "while", "whereas":
			// ", though she admitted …": a statement against the
			// report, not part of it ("as they seek …" is).
		default:
			return text.Span{}, false
		}
	default:
		return text.Span{}, false
	}
	if lead > 0 && (a.form(lead-1) == "," || a.tok(lead-1).UPOS == text.CCONJ) && a.sentOf[lead-1] == a.sentOf[v] {
		lead--
	}
	if lead == first && a.tok(first).UPOS != text.SCONJ && a.tok(first).UPOS != text.CCONJ {
		return text.Span{}, false // a participle needs its comma
	}
	return text.Span{Start: a.tok(lead).Start, End: a.tok(last).End}, true
}

// cutSpans removes the bytes of cut from the spans ss, trimming the
// spaces at the new edges.
func (a *attributor) cutSpans(ss []text.Span, cut text.Span) []text.Span {
	var out []text.Span
	add := func(i, j int32) {
		if sp, ok := trimSpan(a.s, int(i), int(j)); ok {
			out = append(out, sp)
		}
	}
	for _, s := range ss {
		if s.End <= cut.Start || s.Start >= cut.End {
			out = append(out, s)
			continue
		}
		if s.Start < cut.Start {
			add(s.Start, cut.Start)
		}
		if cut.End < s.End {
			add(cut.End, s.End)
		}
	}
	return out
}

// hasCase reports whether k has the preposition w ("as", "for").
func (a *attributor) hasCase(k int, w string) bool {
	for _, c := range a.kids[k] {
		if a.base(c) == text.Case && a.lemma(c) == w {
			return true
		}
	}
	return false
}

// hasMark reports whether k has the marker word w ("to", "that").
func (a *attributor) hasMark(k int, w string) bool {
	for _, c := range a.kids[k] {
		if a.base(c) == text.Mark && a.lemma(c) == w {
			return true
		}
	}
	return false
}

// passiveSpeech are the speech cues whose passive subject is what was
// said, or whom it was said of: "was accused of", "was announced".
var passiveSpeech = map[string]bool{"accuse": true, "charge": true, "announce": true,
	"mention": true, "describe": true, "declare": true, "deny": true, "reveal": true, "allege": true}

// controlVerbs make their object the subject of their infinitive:
// "forced the banker to admit", "urged them to say".
var controlVerbs = map[string]bool{"force": true, "urge": true, "ask": true, "push": true, "press": true,
	"pressure": true, "persuade": true, "convince": true, "encourage": true, "invite": true, "lead": true,
	"prompt": true, "compel": true, "tell": true, "order": true, "challenge": true, "dare": true, "implore": true,
	"beg": true, "allow": true, "get": true, "require": true}

// namingVerbs say what their subject called something: "called it a
// disaster".
var namingVerbs = map[string]bool{"call": true, "label": true, "brand": true, "dub": true, "describe": true,
	"characterize": true, "characterise": true, "liken": true, "compare": true}

// headlines attributes a short paragraph that a name and a colon open
// ("Sanders: Clinton needs to change course") to that name.
func (a *attributor) headlines() {
	for _, p := range a.paras {
		if countWords(a.s[p.Start:p.End]) > 25 {
			continue
		}
		first := a.tokAt(p.Start)
		k := first
		for k < len(a.doc.Tokens) && k < first+4 && a.tok(k).UPOS == text.PROPN && a.segOf[k] < 0 {
			k++
		}
		if k == first || k >= len(a.doc.Tokens) || a.form(k) != ":" || a.tok(k).End > p.End {
			continue
		}
		rest, _ := trimSpan(a.s, int(a.tok(k).End), int(p.End))
		if rest.End <= rest.Start || countWords(a.s[rest.Start:rest.End]) < 3 {
			continue
		}
		spk := a.runHead(nameRun{first, k - 1})
		f := &found{kind: "indirect", cue: -1, speaker: spk, addr: -1, reporter: -1, para: a.paraOf(p.Start),
			cueSpan: text.Span{Start: a.tok(k).Start, End: a.tok(k).End}, content: []text.Span{rest},
			spkSpan: text.Span{Start: a.tok(first).Start, End: a.tok(k - 1).End}}
		if a.hasSegment(a.tokensIn(rest)) {
			f.kind = "mixed"
			a.claimSegments(a.tokensIn(rest))
		}
		a.found = append(a.found, f)
	}
}

// tokensIn returns the tokens that start inside sp.
func (a *attributor) tokensIn(sp text.Span) []int {
	var out []int
	for k := a.tokAt(sp.Start); k < len(a.doc.Tokens) && a.tok(k).Start < sp.End; k++ {
		out = append(out, k)
	}
	return out
}

// embedded attributes quoted words that an argument of a cue holds ("Japan
// branded North Korea an "outlaw nation"", "Protesters chanted "What
// curfew?"") to the cue's subject: direct when the quotation is the whole
// argument, mixed otherwise. A word or two in quotation marks counts only
// under a verb of naming or speech ("called them "losers""); under no cue
// it is a scare quote or a title.
func (a *attributor) embedded(si, first int) {
	sg := &a.segs[si]
	child, g := -1, first
	for n := 0; n < maxDepth; n++ {
		h := a.head(g)
		if h < 0 {
			return
		}
		if a.segOf[h] != int32(si) {
			child, g = g, h
			break
		}
		g = h
	}
	if child < 0 || a.segOf[g] >= 0 || a.used[g] || a.tok(g).UPOS != text.VERB {
		return
	}
	l := a.lemma(g)
	if cues[l] == 0 || (sg.words <= 2 && cues[l] != speech && !namingVerbs[l]) {
		return
	}
	spk := a.subject(g)
	if spk < 0 || a.segOf[spk] >= 0 {
		return
	}
	switch strings.ToLower(a.form(spk)) {
	case "i", "you", "we":
		return
	}
	f := &found{kind: "direct", cue: g, speaker: spk, addr: a.addressee(g), reporter: -1, para: sg.para,
		cueSpan: text.Span{Start: a.tok(g).Start, End: a.tok(g).End}, content: sg.parts}
	if toks := a.subtree(child, nil); a.wordsOutside(toks) >= 1 {
		f.kind = "mixed"
		if namingVerbs[l] {
			// "called Clinton a "champion"": what she was called.
			for _, k := range a.kids[g] {
				if k != child && (a.base(k) == text.Obj || a.base(k) == text.Iobj) {
					toks = append(toks, a.subtree(k, nil)...)
				}
			}
			sort.Ints(toks)
		}
		f.content = a.spansOf(toks)
		a.claimSegments(toks)
	}
	if len(f.content) == 0 {
		return
	}
	a.used[g] = true
	a.segUse[si] = true
	a.found = append(a.found, f)
}

// passive attributes reported speech whose cue is passive: "X is expected
// to win", "it was reported that ...", "was told by aides that ...": the
// speaker is the by-agent, or unknown.
func (a *attributor) passive(v int) bool {
	psubj, agent := -1, -1
	for _, k := range a.kids[v] {
		d := a.tok(k).Dep.Universal()
		switch {
		case d.IsPassiveSubject():
			psubj = k
		case d == "obl:agent":
			agent = k
		}
	}
	if psubj < 0 || a.segOf[psubj] >= 0 {
		return false
	}
	var toks []int
	if c := a.childOf(v, text.Ccomp); c >= 0 {
		toks = a.subtree(c, nil)
	} else if x := a.childOf(v, text.Xcomp); x >= 0 && a.hasMark(x, "to") && cues[a.lemma(v)] != speech {
		// "Obama's veto is expected to come before the deadline".
		toks = append(a.subtree(psubj, nil), a.subtree(x, nil)...)
		sort.Ints(toks)
	} else if l := a.lemma(v); a.isRelPron(psubj) || len(a.subtree(psubj, nil)) > 20 {
		// Too far from what was called or supported to say it.
	} else if namingVerbs[l] || l == "consider" || l == "deem" || l == "regard" || l == "view" {
		// "the mayor was dubbed the winner", "the river is considered
		// a danger": what the subject was called.
		for _, k := range a.kids[v] {
			if b := a.base(k); k > v && (b == text.Obj || b == text.Xcomp || b == text.Obl && a.hasCase(k, "as")) {
				toks = append(a.subtree(psubj, nil), a.subtree(k, nil)...)
				sort.Ints(toks)
				break
			}
		}
	} else if agent >= 0 && (cues[l] == stance || npSpeech[l]) && a.segOf[agent] < 0 {
		// "The plan is supported by a coalition of farmers": what
		// the agent stood for is the subject.
		toks = a.subtree(psubj, nil)
	} else if cues[l] == stance && l != "recommend" || passiveSpeech[l] {
		// "the treasurer was accused of taking the money", "a holiday
		// was announced", "they have been criticized for acting late": the
		// subject and what it is said of it.
		toks = a.subtree(psubj, nil)
		for _, k := range a.kids[v] {
			if k < v || a.segOf[k] >= 0 {
				continue
			}
			switch a.base(k) {
			case text.Obl:
				if a.hasCase(k, "of") || a.hasCase(k, "for") || a.hasCase(k, "with") || a.hasCase(k, "as") || a.hasCase(k, "about") {
					toks = append(toks, a.subtree(k, nil)...)
				}
			case text.Advcl, text.Obj:
				if !a.adverbial(k) {
					toks = append(toks, a.subtree(k, nil)...)
				}
			}
		}
		sort.Ints(toks)
	}
	if a.wordsOutside(toks) < 2 {
		return false
	}
	f := &found{kind: "indirect", cue: v, speaker: agent, addr: -1, reporter: -1,
		cueSpan: text.Span{Start: a.tok(v).Start, End: a.tok(v).End}, content: a.spansOf(toks)}
	if len(f.content) == 0 {
		return false
	}
	f.para = a.paraOf(f.content[0].Start)
	if a.hasSegment(toks) {
		f.kind = "mixed"
		a.claimSegments(toks)
	}
	a.used[v] = true
	a.found = append(a.found, f)
	return true
}

// besideCue returns the name or noun just before cue v when the parser
// gave v a subject further back that does not hold it ("The revelation
// came ..., Republicans said they ..." parsed with "revelation" as the
// subject of "said"); spk otherwise.
func (a *attributor) besideCue(v, spk int) int {
	k := v - 1
	for k > spk && a.tok(k).UPOS == text.AUX || k > spk && a.tok(k).UPOS == text.ADV {
		k-- // "Republicans have said", "Republicans also said"
	}
	if k <= spk || a.sentOf[k] != a.sentOf[v] || a.segOf[k] >= 0 {
		return spk
	}
	if u := a.tok(k).UPOS; u != text.PROPN && u != text.NOUN || timeWords[a.lemma(k)] || a.isDay(k) {
		return spk // "the bank this week announced"
	}
	if a.tok(v).XPOS == "VBG" || a.hasMark(v, "to") {
		return spk // a participle's or an infinitive's subject is its governor's
	}
	for _, t := range a.subtree(spk, nil) {
		if t == k {
			return spk
		}
	}
	// The head of the phrase k ends.
	for n := 0; n < 4; n++ {
		h := a.head(k)
		if h < 0 || h > v || h < k-4 || !nominal(a.tok(h).UPOS) {
			break
		}
		k = h
	}
	switch a.base(k) {
	case text.Obj, text.Iobj, text.Obl, text.Nmod:
		if h := a.head(k); h >= 0 && h != v {
			return spk // "wrote to the council urging": another verb's object
		}
	}
	return k
}

// closeQuoted widens reported content that ends or starts inside quoted
// words to the whole quoted stretch: the speaker's words are not cut where
// a parse hangs a clause of theirs elsewhere ("by "encouraging many, who
// earlier hampered ..., to join the process"" ended at "many").
func (a *attributor) closeQuoted(content []text.Span) []text.Span {
	if len(content) == 0 || len(a.segs) == 0 {
		return content
	}
	out := append([]text.Span(nil), content...)
	for i := range out {
		c := &out[i]
		for si := range a.segs {
			for _, p := range a.segs[si].parts {
				if p.Start < c.End && c.End < p.End {
					c.End = p.End
				}
				if p.Start < c.Start && c.Start < p.End {
					c.Start = p.Start
				}
			}
		}
	}
	// Spans that now overlap or touch become one.
	merged := out[:1]
	for _, c := range out[1:] {
		last := &merged[len(merged)-1]
		if c.Start <= last.End {
			last.End = max(last.End, c.End)
			continue
		}
		merged = append(merged, c)
	}
	return merged
}
