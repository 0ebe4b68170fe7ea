package factuality

import (
	"strings"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

// Groups are sets of feature templates that can be switched on and off
// together; a model records the groups it was trained with, so that
// prediction extracts exactly the features training saw. They exist to
// measure what each kind of evidence is worth ("eventwire train factuality
// --features all,-window" trains without one).
type Groups uint32

// The feature groups.
const (
	GroupLex      Groups = 1 << iota // the predicate's lemma and lower-cased form
	GroupPOS                         // its UPOS and XPOS
	GroupMorph                       // its Tense, Mood, VerbForm, Aspect (from the tagger)
	GroupNeg                         // negation: not, n't, never, no-one, nothing
	GroupAux                         // auxiliaries and modals, copula, passive
	GroupMark                        // subordinators and infinitival "to" on the predicate
	GroupRel                         // its own relation and the head's UPOS
	GroupGov                         // the chain of governors: relation + lemma, their modals, negation, marks
	GroupQuestion                    // being in a question
	GroupAdv                         // adverbs and discourse words on the predicate and its governors (hedges)
	GroupSubj                        // the subject: pronoun person, absent subject (imperative), expletive
	GroupCombo                       // conjunctions of the above (lemma × relation, lemma × tense, ...)
	GroupWindow                      // the words just before and after
	GroupPath                        // the path of relations to the root as one feature
	GroupSent                        // function words anywhere in the sentence, before or after the predicate
	GroupClass                       // the class of each governor in a small lexicon (desire, plan, negative implicative, factive, report ...)

	// AllGroups is every group.
	AllGroups = GroupLex | GroupPOS | GroupMorph | GroupNeg | GroupAux | GroupMark | GroupRel |
		GroupGov | GroupQuestion | GroupAdv | GroupSubj | GroupCombo | GroupWindow | GroupPath | GroupSent | GroupClass
)

// groupNames names the groups in bit order, for flags and reports.
var groupNames = []string{"lex", "pos", "morph", "neg", "aux", "mark", "rel", "gov", "question", "adv", "subj", "combo", "window", "path", "sent", "class"}

// String lists the groups, e.g. "lex,pos,gov".
func (g Groups) String() string {
	var parts []string
	for i, n := range groupNames {
		if g&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, ",")
}

// ParseGroups reads a comma-separated list of group names ("lex,pos,gov");
// "all" is every group, and a name prefixed with "-" removes it ("all,-window").
func ParseGroups(s string) (Groups, bool) {
	var g Groups
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		neg := strings.HasPrefix(f, "-")
		f = strings.TrimPrefix(f, "-")
		var bit Groups
		if f == "all" {
			bit = AllGroups
		} else {
			i := -1
			for j, n := range groupNames {
				if n == f {
					i = j
				}
			}
			if i < 0 {
				return 0, false
			}
			bit = 1 << i
		}
		if neg {
			g &^= bit
		} else {
			g |= bit
		}
	}
	return g, true
}

// Feature templates. Their numbers are part of the model format: never
// renumber one, only add.
const (
	tBias uint64 = iota + 1
	tLemma
	tForm
	tUPOS
	tXPOS
	tFeat
	tNeg
	tNegArg
	tAux
	tAuxCount
	tMark
	tRel
	tRelHeadPOS
	tGov
	tGovRel
	tGovAux
	tGovNeg
	tGovMark
	tAncMark
	tAncAux
	tAncNeg
	tQuestion
	tQuestionClause
	tAdv
	tGovAdv
	tSubj
	tNoSubj
	tLemmaRel
	tLemmaTense
	tLemmaAux
	tRelGovLemmaMark
	tPrev
	tPrev2
	tNext
	tPath
	tRoot
	tGovLemmaAux
	tModalNeg
	tGovTense
	tAncLemma
	tSentWord
	tQuestionRel
	tNext2
	tPrevLemma
	tModalPerfect
	tGovClass
	tAncClass
	tPolarQuestion
)

// maxDepth bounds the walk up the tree (and so a malformed tree with a
// cycle cannot loop).
const maxDepth = 6

// ctx holds what feature extraction needs about one predicate.
type ctx struct {
	d     *text.Doc
	start int // first token of the predicate's sentence
	end   int // one past its last token
}

// newCtx returns the context of token tok: its sentence, or the whole Doc
// when it has no sentences (or sentences that do not fit its tokens).
func newCtx(d *text.Doc, tok int) ctx {
	c := ctx{d: d, start: 0, end: len(d.Tokens)}
	if s := d.SentOf(tok); s >= 0 {
		if sp := d.Sents[s]; sp.Start >= 0 && int(sp.End) <= len(d.Tokens) && sp.Start < sp.End {
			c.start, c.end = int(sp.Start), int(sp.End)
		}
	}
	return c
}

func (c *ctx) valid(i int) bool { return i >= c.start && i < c.end }

func (c *ctx) head(i int) int {
	h := int(c.d.Tokens[i].Head)
	if !c.valid(h) || h == i {
		return -1
	}
	return h
}

// form returns the form of token i.
func (c *ctx) form(i int) string { return c.d.Form(i) }

// lower hashes s lower-cased (ASCII), without allocating.
func lower(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		h ^= uint64(b)
		h *= 1099511628211
	}
	return h
}

// lemma returns the lower-cased hash of token i's lemma, or of its form
// when the tagger gave none.
func (c *ctx) lemma(i int) uint64 {
	t := &c.d.Tokens[i]
	if t.Lemma != "" {
		return lower(t.Lemma)
	}
	return lower(c.form(i))
}

func (c *ctx) lemmaIs(i int, words ...string) bool {
	t := &c.d.Tokens[i]
	l := t.Lemma
	if l == "" {
		l = c.form(i)
	}
	for _, w := range words {
		if strings.EqualFold(l, w) {
			return true
		}
	}
	return false
}

func (c *ctx) isNeg(i int) bool {
	return c.lemmaIs(i, "not", "never", "n't", "no", "nt", "neither", "nor")
}

func (c *ctx) isModal(i int) bool {
	return c.d.Tokens[i].XPOS == "MD" || c.lemmaIs(i, "will", "would", "could", "can", "may", "might", "should", "must", "shall", "ought")
}

// negArg reports a negative argument: "nobody came", "no one was hurt",
// "nothing happened", "no troops were sent".
func (c *ctx) negArg(i int) bool {
	if c.lemmaIs(i, "nobody", "nothing", "none", "noone", "neither") {
		return true
	}
	for j := c.start; j < c.end; j++ {
		if int(c.d.Tokens[j].Head) == i && c.d.Tokens[j].Dep.Base() == text.Det && c.lemmaIs(j, "no") {
			return true
		}
	}
	return false
}

// whBefore reports a wh-word before token i in its sentence ("why did
// they go?" presupposes that they went).
func (c *ctx) whBefore(i int) bool {
	for j := c.start; j < i; j++ {
		switch c.d.Tokens[j].XPOS {
		case "WP", "WRB", "WDT", "WP$":
			return true
		}
	}
	return false
}

// feat returns the value of morphological feature name in token i's Feats.
func feat(feats, name string) string {
	for feats != "" {
		var f string
		f, feats, _ = strings.Cut(feats, "|")
		if k, v, ok := strings.Cut(f, "="); ok && k == name {
			return v
		}
	}
	return ""
}

var hNone = perceptron.String("")

// asserted reports whether the text leaves predicate tok open to being
// asserted, and so to the learned value: false for a negated predicate (a
// dependent "not", "n't" or "never", or a negative subject or object: "no
// group claimed it", "nobody was hurt", "they found nothing") and for the
// verb of a yes-no question ("Did Germany ban the airline?").
func asserted(d *text.Doc, tok int) bool {
	c := newCtx(d, tok)
	firstAux, subj := -1, -1
	for j := c.start; j < c.end; j++ {
		if int(d.Tokens[j].Head) != tok || j == tok {
			continue
		}
		switch d.Tokens[j].Dep.Base() {
		case text.Advmod:
			if c.lemmaIs(j, "not", "n't", "never") {
				return false
			}
		case text.Nsubj, text.Obj:
			if c.negArg(j) {
				return false
			}
		case text.Aux, text.Cop:
			if firstAux < 0 {
				firstAux = j
			}
		}
		if d.Tokens[j].Dep.Base() == text.Nsubj && subj < 0 {
			subj = j
		}
	}
	return !c.polarQuestion(tok, firstAux, subj)
}

// polarQuestion reports whether tok is the verb of a yes-no question: the
// sentence ends in "?", an auxiliary precedes the subject ("Did Germany
// ban ...?") and no wh-word comes before the verb ("Why did Germany ban
// ...?" presupposes the ban).
func (c *ctx) polarQuestion(tok, firstAux, subj int) bool {
	return c.end > c.start && c.form(c.end-1) == "?" && firstAux >= 0 && subj >= 0 &&
		firstAux < subj && !c.whBefore(tok)
}

// features appends the feature keys of predicate tok to fs. g selects the
// templates. The caller guarantees 0 <= tok < len(d.Tokens).
func features(fs []uint64, d *text.Doc, tok int, g Groups) []uint64 {
	c := newCtx(d, tok)
	t := &d.Tokens[tok]
	add := func(k uint64) { fs = append(fs, k) }
	add(perceptron.H1(tBias, 0))

	lem := c.lemma(tok)
	upos := uint64(t.UPOS)
	xpos := perceptron.String(t.XPOS)
	rel := perceptron.String(string(t.Dep))
	tense := perceptron.String(feat(t.Feats, "Tense"))
	vform := perceptron.String(feat(t.Feats, "VerbForm"))

	if g&GroupLex != 0 {
		add(perceptron.H1(tLemma, lem))
		add(perceptron.H1(tForm, lower(c.form(tok))))
	}
	if g&GroupPOS != 0 {
		add(perceptron.H1(tUPOS, upos))
		add(perceptron.H1(tXPOS, xpos))
	}
	if g&GroupMorph != 0 {
		for _, name := range []string{"Tense", "Mood", "VerbForm", "Aspect", "Voice"} {
			if v := feat(t.Feats, name); v != "" {
				add(perceptron.H2(tFeat, perceptron.String(name), perceptron.String(v)))
			}
		}
	}

	// The predicate's own dependents.
	var neg, negArg, question bool
	var nAux int
	var subj = -1
	var expl bool
	firstModal := hNone
	perfect := false
	firstAux := -1
	for j := c.start; j < c.end; j++ {
		if int(d.Tokens[j].Head) != tok || j == tok {
			continue
		}
		dep := d.Tokens[j].Dep
		base := dep.Base()
		switch {
		case base == text.Advmod && c.isNeg(j), base == text.Cc && c.lemmaIs(j, "neither", "nor"):
			neg = true
		case base == text.Aux || base == text.Cop:
			nAux++
			if firstAux < 0 {
				firstAux = j
			}
			if g&GroupAux != 0 {
				add(perceptron.H2(tAux, perceptron.String(string(dep)), c.lemma(j)))
			}
			if c.isModal(j) && firstModal == hNone {
				firstModal = c.lemma(j)
			}
			if base == text.Aux && c.lemmaIs(j, "have") {
				perfect = true
			}
		case base == text.Mark:
			if g&GroupMark != 0 {
				add(perceptron.H1(tMark, c.lemma(j)))
			}
		case base == text.Punct:
			if c.form(j) == "?" {
				question = true
			}
		case base == text.Nsubj || base == text.Csubj:
			subj = j
		case base == text.Expl:
			expl = true
		}
		if (base == text.Nsubj || base == text.Obj || base == text.Obl || base == text.Iobj) && c.negArg(j) {
			negArg = true
		}
		if (base == text.Advmod || base == text.Discourse) && g&GroupAdv != 0 && !c.isNeg(j) {
			add(perceptron.H1(tAdv, c.lemma(j)))
		}
	}
	if c.isNeg(tok) {
		neg = true // "no" as a predicate, rare
	}
	if g&GroupNeg != 0 {
		if neg {
			add(perceptron.H1(tNeg, 1))
		}
		if negArg {
			add(perceptron.H1(tNegArg, 1))
		}
		if neg && firstModal != hNone {
			add(perceptron.H1(tModalNeg, firstModal))
		}
	}
	if g&GroupAux != 0 {
		add(perceptron.H1(tAuxCount, uint64(min(nAux, 3))))
		if firstModal != hNone {
			add(perceptron.H2(tModalPerfect, firstModal, b2u(perfect)))
		}
	}
	if g&GroupSubj != 0 {
		switch {
		case subj >= 0 && d.Tokens[subj].UPOS == text.PRON:
			add(perceptron.H2(tSubj, uint64(text.PRON), c.lemma(subj)))
		case subj >= 0:
			add(perceptron.H2(tSubj, uint64(d.Tokens[subj].UPOS), 0))
		case !expl:
			add(perceptron.H2(tNoSubj, rel, vform))
		}
		if expl {
			add(perceptron.H2(tSubj, 0, 1))
		}
	}
	h := c.head(tok)
	if g&GroupRel != 0 {
		add(perceptron.H1(tRel, rel))
		hp := uint64(0)
		if h >= 0 {
			hp = uint64(d.Tokens[h].UPOS)
		}
		add(perceptron.H2(tRelHeadPOS, rel, hp))
		if h < 0 {
			add(perceptron.H1(tRoot, 1))
		}
	}

	// The governors. A predicate inherits the modality of the clauses above
	// it: the complement of "want", "plan", "deny", "if" ...
	var ancMark, ancAux, ancNeg bool
	path := perceptron.String(string(t.Dep))
	child := tok
	for depth := 1; h >= 0 && depth <= maxDepth; depth++ {
		crel := perceptron.String(string(d.Tokens[child].Dep))
		hl := c.lemma(h)
		if g&GroupClass != 0 {
			if cl := classOf(c.d.Tokens[h].Lemma); cl != 0 {
				if depth <= 2 {
					add(perceptron.H3(tGovClass, uint64(depth), crel, uint64(cl)))
				}
				add(perceptron.H1(tAncClass, uint64(cl)))
			}
		}
		if g&GroupGov != 0 {
			if depth <= 3 {
				add(perceptron.H3(tGov, uint64(depth), crel, hl))
				add(perceptron.H2(tGovRel, uint64(depth), crel))
			}
			add(perceptron.H1(tAncLemma, hl))
		}
		if depth <= 3 && g&GroupMorph != 0 && g&GroupGov != 0 {
			add(perceptron.H2(tGovTense, uint64(depth), perceptron.String(feat(d.Tokens[h].Feats, "Tense")+feat(d.Tokens[h].Feats, "VerbForm"))))
		}
		hneg := false
		hmodal := hNone
		for j := c.start; j < c.end; j++ {
			if int(d.Tokens[j].Head) != h || j == h || j == child {
				continue
			}
			base := d.Tokens[j].Dep.Base()
			switch {
			case base == text.Advmod && c.isNeg(j):
				hneg = true
			case base == text.Aux:
				if c.isModal(j) && hmodal == hNone {
					hmodal = c.lemma(j)
				}
			case base == text.Mark:
				if g&GroupGov != 0 && !ancMark {
					add(perceptron.H1(tAncMark, c.lemma(j)))
				}
				if g&GroupGov != 0 && depth <= 2 {
					add(perceptron.H2(tGovMark, uint64(depth), c.lemma(j)))
				}
				ancMark = true
			case base == text.Punct:
				if c.form(j) == "?" {
					question = true
				}
			}
			if (base == text.Advmod || base == text.Discourse) && g&GroupAdv != 0 && depth <= 2 && !c.isNeg(j) {
				add(perceptron.H2(tGovAdv, uint64(depth), c.lemma(j)))
			}
		}
		if g&GroupGov != 0 {
			if hneg && depth <= 3 {
				add(perceptron.H1(tGovNeg, uint64(depth)))
			}
			if hneg && !ancNeg {
				add(perceptron.H1(tAncNeg, 1))
			}
			if hmodal != hNone {
				if depth <= 3 {
					add(perceptron.H2(tGovAux, uint64(depth), hmodal))
				}
				if !ancAux {
					add(perceptron.H1(tAncAux, hmodal))
				}
				if depth == 1 {
					add(perceptron.H3(tGovLemmaAux, crel, hl, hmodal))
				}
			}
		}
		ancNeg = ancNeg || hneg
		ancAux = ancAux || hmodal != hNone
		if depth <= 4 {
			path = perceptron.H2(tPath, path, perceptron.String(string(d.Tokens[h].Dep)))
		}
		child = h
		h = c.head(h)
	}
	if g&GroupPath != 0 {
		add(perceptron.H1(tPath, path))
	}
	if g&GroupQuestion != 0 {
		if question {
			add(perceptron.H1(tQuestionClause, 1))
		}
		if c.end > c.start && c.form(c.end-1) == "?" {
			add(perceptron.H1(tQuestion, 1))
			add(perceptron.H2(tQuestionRel, rel, firstModal))
			if c.polarQuestion(tok, firstAux, subj) {
				// "Did Germany ban ...?": a yes-no question asserts nothing.
				add(perceptron.H1(tPolarQuestion, 1))
			}
		}
	}
	if g&GroupCombo != 0 {
		add(perceptron.H2(tLemmaRel, lem, rel))
		add(perceptron.H2(tLemmaTense, lem, tense))
		add(perceptron.H2(tLemmaAux, lem, firstModal))
		gl, gm := hNone, hNone
		if h0 := c.head(tok); h0 >= 0 {
			gl = c.lemma(h0)
		}
		for j := c.start; j < c.end; j++ {
			if int(d.Tokens[j].Head) == tok && d.Tokens[j].Dep.Base() == text.Mark {
				gm = c.lemma(j)
				break
			}
		}
		add(perceptron.H3(tRelGovLemmaMark, rel, gl, gm))
	}
	if g&GroupWindow != 0 {
		p1, p2, n1 := hNone, hNone, hNone
		if tok-1 >= c.start {
			p1 = lower(c.form(tok - 1))
		}
		if tok-2 >= c.start {
			p2 = lower(c.form(tok - 2))
		}
		if tok+1 < c.end {
			n1 = lower(c.form(tok + 1))
		}
		add(perceptron.H1(tPrev, p1))
		add(perceptron.H2(tPrev2, p2, p1))
		add(perceptron.H1(tNext, n1))
		if tok+2 < c.end {
			add(perceptron.H2(tNext2, n1, lower(c.form(tok+2))))
		}
		if tok-1 >= c.start {
			add(perceptron.H1(tPrevLemma, c.lemma(tok-1)))
		}
	}
	if g&GroupSent != 0 {
		for j := c.start; j < c.end; j++ {
			if j == tok {
				continue
			}
			switch d.Tokens[j].UPOS {
			case text.AUX, text.PART, text.SCONJ, text.ADV, text.INTJ, text.PUNCT:
				side := uint64(0)
				if j > tok {
					side = 1
				}
				add(perceptron.H2(tSentWord, side, lower(c.form(j))))
			}
		}
	}
	return fs
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Lexical classes of clause-taking predicates. The treebank has too few
// examples of most of them ("deny", "vow", "pledge") for their own
// weights; a class shares what the frequent members teach.
const (
	classNone     = iota
	classDesire   // want, hope, wish: the complement has not happened
	classPlan     // plan, intend, promise, threaten, decide: not yet
	classAttempt  // try, attempt, seek: not known
	classNegImpl  // fail, refuse, deny, prevent, avoid: it did not happen
	classFactive  // know, realise, regret, confirm, admit: it happened
	classReport   // say, tell, report, claim, announce: as the source says
	classDirect   // ask, urge, order, demand, call: someone else should
	classModalAdj // possible, likely, able, unable, necessary
)

// classOf returns the lexical class of a lemma, or classNone.
func classOf(lemma string) uint8 {
	switch strings.ToLower(lemma) {
	case "want", "wish", "hope", "like", "love", "prefer", "desire", "need", "long":
		return classDesire
	case "plan", "intend", "promise", "pledge", "vow", "threaten", "decide", "expect", "aim",
		"schedule", "prepare", "agree", "offer", "propose", "mean", "resolve":
		return classPlan
	case "try", "attempt", "seek", "struggle", "strive":
		return classAttempt
	case "fail", "refuse", "decline", "deny", "reject", "forget", "neglect", "avoid", "prevent",
		"stop", "bar", "ban", "block", "forbid", "prohibit", "doubt", "dispute":
		return classNegImpl
	case "know", "realize", "realise", "regret", "notice", "learn", "discover", "admit",
		"acknowledge", "confirm", "reveal", "show", "prove", "find", "remember", "manage":
		return classFactive
	case "say", "tell", "report", "claim", "state", "announce", "add", "note", "allege", "accuse",
		"argue", "insist", "suggest", "assert", "declare", "explain", "write", "tweet":
		return classReport
	case "ask", "urge", "order", "demand", "call", "request", "require", "force", "allow",
		"permit", "encourage", "invite", "instruct", "warn":
		return classDirect
	case "possible", "likely", "unlikely", "able", "unable", "necessary", "impossible",
		"probable", "sure", "certain", "willing", "ready":
		return classModalAdj
	}
	return classNone
}
