// Package coder codes events — who did what to whom — from the dependency
// trees of a text.Doc, with PETRARCH-format dictionaries (package
// coder/dict) and the CAMEO codebook (package cameo).
//
// For each verb of a sentence the coder finds the verb's dictionary entry,
// picks the most specific of its block's patterns that the verb's
// dependents satisfy, finds the source (the subject, the by-agent of a
// passive, or the controller of an infinitive) and the target (the first
// actor in the object, the obliques or the complement clause), expands
// compounds, and emits one event per source–target pair. See
// docs/notes/coder.md for the constructions handled.
package coder

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Options tune the coder. The zero value is not PETRARCH's default: use
// DefaultOptions.
type Options struct {
	// RequireDyad drops events that lack a coded source or target
	// (PETRARCH's require_dyad, true by default there).
	RequireDyad bool
	// Negation says what a negated verb codes; the zero value,
	// NegationInvert, codes exact opposites only.
	Negation Negation
	// NewActorLength, when positive, codes a source or target phrase that
	// no dictionary knows, of at most that many words, as a new actor
	// whose code is the phrase in quotes (PETRARCH's new_actor_length;
	// 0, off, is its default).
	NewActorLength int
}

// DefaultOptions returns PETRARCH's defaults: RequireDyad, negated verbs
// inverted where the ontology has an exact opposite, no new actors.
func DefaultOptions() Options { return Options{RequireDyad: true} }

// Coder codes events. It is immutable after New and safe for concurrent
// use.
type Coder struct {
	d    *dict.Dictionaries
	book *cameo.Codebook
	opts Options
	syn  map[string]synset
	// rules are the verb dictionary's transformations whose verbs are in
	// the dictionary.
	rules []rule
	// stamp is every event's Coder: the version and the dictionaries'
	// digest.
	stamp string
}

// synset is a verb-dictionary synonym set prepared for matching.
type synset struct {
	single map[string]bool // one-word members
	multi  [][]string      // multi-word members, head last
}

// New returns a coder over d. book, when not nil, fills each event's
// quad class, Goldstein value and PLOVER category, and events whose code
// has no entry there (nor an ancestor) are dropped.
func New(d *dict.Dictionaries, book *cameo.Codebook, opts Options) *Coder {
	if d == nil {
		d = &dict.Dictionaries{}
	}
	c := &Coder{d: d, book: book, opts: opts, syn: map[string]synset{}, stamp: eventwire.Version}
	if d.Digest != "" {
		c.stamp += " dict:" + d.Digest
	}
	if d.Verbs != nil {
		for name, members := range d.Verbs.Synsets {
			s := synset{single: map[string]bool{}}
			for _, m := range members {
				if len(m) == 1 {
					s.single[m[0]] = true
				} else {
					s.multi = append(s.multi, m)
				}
			}
			c.syn[name] = s
		}
		codeOf := func(w string) string {
			for _, v := range d.Verbs.LookupLemma(w) {
				if v.Code.Event != "" {
					return v.Code.Event
				}
			}
			return ""
		}
		for _, t := range d.Verbs.Transformations {
			r := rule{Transformation: t, verb: codeOf(t.Verb)}
			if t.LowerVerb != "Q" {
				r.lower = codeOf(t.LowerVerb)
				if r.lower == "" {
					continue
				}
			}
			if r.verb == "" {
				continue // ATTEMPT [---]: no code to recognise it by
			}
			c.rules = append(c.rules, r)
		}
	}
	return c
}

// Code codes the events of every sentence of doc. doc must carry tokens,
// sentences, UPOS and dependencies, and should carry lemmas (irregular
// verb forms are found by lemma); a doc whose Attrs say otherwise, or that
// fails Validate, gives an error wrapping eventwire.ErrInvalid. (A doc
// with no Attrs at all, built by hand, is taken as it is.) date selects
// the dated actor roles that apply (a zero date selects the default
// codes). Code returns ctx.Err() if ctx is done.
func (c *Coder) Code(ctx context.Context, doc *text.Doc, date time.Time) ([]eventwire.Event, error) {
	if doc == nil {
		return nil, nil
	}
	if need := text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrDeps; doc.Attrs != 0 && !doc.Attrs.Has(need) {
		return nil, fmt.Errorf("coder: the doc has %v, the coder needs %v: %w", doc.Attrs, need, eventwire.ErrInvalid)
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("coder: %w: %w", eventwire.ErrInvalid, err)
	}
	dc := &docState{c: c, doc: doc, date: date}
	if c.d.Discards != nil {
		story, hits, _ := c.d.Discards.Find(doc.Text)
		if story {
			return nil, nil
		}
		dc.discardAt = hits
	}
	var out []eventwire.Event
	for s := range doc.Sents {
		if s%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out = append(out, dc.sentence(s)...)
	}
	ds := ""
	if !date.IsZero() {
		ds = date.Format("2006-01-02")
	}
	for i := range out {
		out[i].Date = ds
	}
	return out, nil
}

// docState is what the coder remembers across the sentences of one doc:
// the actors mentioned so far, for short references and pronouns.
type docState struct {
	c    *Coder
	doc  *text.Doc
	date time.Time
	// history holds the actors mentioned in earlier sentences, in order.
	history []entity
	// discardAt are the byte offsets of sentence-level discard phrases.
	discardAt []int
}

// entity is one coded actor mention.
type entity struct {
	code  string // combined actor+agent code; "" when nothing is coded
	span  text.Span
	head  int    // token index of the phrase head
	entry string // the actor dictionary entry, file:line NAME
	last  string // last word of the actor phrase, for short references
	// subject is true for an occurrence inside a clause's subject, which
	// pronouns in the next sentence prefer.
	subject bool
	// inferred is true when the actor was not named here: a pronoun, a
	// short reference, a country carried over, a new actor.
	inferred bool
	// person is true for actors with dated roles (office holders: the
	// dictionaries date people, not places), for pronoun agreement.
	person bool
	// repaired is true when the actor fills its role only through a
	// repair of an implausible parse (repair.go).
	repaired bool
	// role is, for an occurrence that modifies a noun naming a role
	// ("Iranian airline", "Syria's army"), that role's code (BUS, MIL),
	// for later definite references to it ("the airline").
	role string
	// locative is true for an occurrence after a place preposition
	// ("in Aleppo", "outside Aleppo"): where something happens.
	locative bool
	// via says where an inferred code came from (eventwire.Via.How) and
	// the mention it was taken from.
	viaHow  string
	viaSpan text.Span
}

// from marks e as inferred from the mention src in the way how, unless e
// already says where it came from.
func (e entity) from(how string, src text.Span) entity {
	e.inferred = true
	if e.viaHow == "" {
		e.viaHow, e.viaSpan = how, src
	}
	return e
}

func (e entity) null() bool { return e.code == "" }

func (dc *docState) sentence(s int) []eventwire.Event {
	doc := dc.doc
	sp := doc.Sents[s]
	lo, hi := int(sp.Start), int(sp.End)
	if hi <= lo {
		return nil
	}
	if len(dc.discardAt) > 0 {
		span := doc.SentByteSpan(s)
		for _, at := range dc.discardAt {
			if span.Contains(at) {
				return nil
			}
		}
	}
	st := newSent(dc, s, lo, hi)
	evs := st.code()
	// Remember this sentence's actors for later references.
	dc.history = append(dc.history, st.occurrences...)
	return evs
}

// sent holds one sentence being coded.
type sent struct {
	dc     *docState
	c      *Coder
	doc    *text.Doc
	idx    int
	lo, hi int
	kids   [][]int       // children of each token, relative to lo, in order
	rels   []text.DepRel // universal relation of each token, relative to lo
	bases  []text.DepRel // its base (no subtype)
	words  dict.Words
	lemmas []string // upper-case lemmas
	memo   map[int][]entity
	// occurrences are the actors found by a left-to-right scan, for
	// pronoun resolution within the sentence.
	occurrences []entity
	events      []eventwire.Event
	seen        map[string]int   // event key → index in events
	eventVerb   []int            // the verb token of each event
	curVerb     int              // the verb being coded
	absorbed    map[int]bool     // complement verbs already coded by their governor's pattern
	vocab       map[string]bool  // forms and lemmas of the sentence, for mayMatch
	irrealis    map[int]bool     // infinitives under a coded verb
	info        map[int]verbInfo // what each coded verb found
	moved       map[int]int      // heads changed by repairPreconj and the repairs of repair.go
	repairedTok map[int]bool     // tokens re-attached by the repairs of repair.go
}

func newSent(dc *docState, s, lo, hi int) *sent {
	doc := dc.doc
	n := hi - lo
	st := &sent{dc: dc, c: dc.c, doc: doc, idx: s, lo: lo, hi: hi,
		kids: make([][]int, n), lemmas: make([]string, n), rels: make([]text.DepRel, n), bases: make([]text.DepRel, n), memo: map[int][]entity{}, seen: map[string]int{}, absorbed: map[int]bool{}, irrealis: map[int]bool{}, info: map[int]verbInfo{}}
	forms := make([]string, n)
	for i := lo; i < hi; i++ {
		t := &doc.Tokens[i]
		forms[i-lo] = doc.Form(i)
		st.lemmas[i-lo] = dict.Key(t.Lemma)
		st.rels[i-lo] = t.Dep.Universal()
		st.bases[i-lo] = st.rels[i-lo].Base()
		if h := int(t.Head); h >= lo && h < hi {
			st.kids[h-lo] = append(st.kids[h-lo], i)
		}
	}
	st.words = dict.NewWords(forms)
	st.repairPreconj()
	st.repairSubjects()
	st.repairRaised()
	st.scanOccurrences()
	return st
}

func (st *sent) tok(i int) *text.Token  { return &st.doc.Tokens[i] }
func (st *sent) key(i int) string       { return st.words.Keys[i-st.lo] }
func (st *sent) lemma(i int) string     { return st.lemmas[i-st.lo] }
func (st *sent) children(i int) []int   { return st.kids[i-st.lo] }
func (st *sent) rel(i int) text.DepRel  { return st.rels[i-st.lo] }
func (st *sent) base(i int) text.DepRel { return st.bases[i-st.lo] }

// childrenRel returns the children of i whose relation has base b.
func (st *sent) childrenRel(i int, bases ...text.DepRel) []int {
	var out []int
	for _, k := range st.children(i) {
		b := st.base(k)
		for _, x := range bases {
			if b == x {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// caseWord returns the upper-case preposition (case or mark child) of i.
func (st *sent) caseWord(i int) string {
	for _, k := range st.children(i) {
		switch st.rel(k).Base() {
		case text.Case, text.Mark:
			if st.key(k) != "'S" && st.key(k) != "'" {
				return st.key(k)
			}
		}
	}
	return ""
}

// scanOccurrences finds every actor phrase of the sentence left to right.
func (st *sent) scanOccurrences() {
	a := st.c.d.Actors
	if a == nil {
		return
	}
	end := st.hi - st.lo
	for i := 0; i < end; {
		act, n := a.Match(st.words, i, end)
		if act == nil {
			i++
			continue
		}
		code := act.CodeAt(st.dc.date)
		if code == "" || strings.Trim(code, "-") == "" {
			i++ // a null-coded phrase does not hide the words inside it
			continue
		}
		j := st.lo + i
		top := st.topOf(j, j+n-1) // "Hong" of "in Hong Kong" carries the case
		st.occurrences = append(st.occurrences, entity{code: code, head: j + n - 1,
			span:  text.Span{Start: st.doc.Tokens[j].Start, End: st.doc.Tokens[j+n-1].End},
			entry: entryName(act), last: st.words.Keys[i+n-1], person: len(act.Roles) > 0, subject: st.inSubject(j + n - 1),
			locative: locative[st.caseWord(top)], role: st.roleOf(top)})
		i += n
	}
	// Short references to actors named before ("Assad" after "Bashar
	// al-Assad") are occurrences too, for the pronouns that follow them.
	if len(st.dc.history) == 0 && len(st.occurrences) == 0 {
		return
	}
	var refs []entity
	for j := st.lo; j < st.hi; j++ {
		if st.doc.Tokens[j].UPOS != text.PROPN || st.covered(j) {
			continue
		}
		if r, ok := st.shortRef(j); ok {
			r.head = j
			r.span = text.Span{Start: st.doc.Tokens[j].Start, End: st.doc.Tokens[j].End}
			refs = append(refs, r)
		}
	}
	if len(refs) > 0 {
		st.occurrences = append(st.occurrences, refs...)
		sort.SliceStable(st.occurrences, func(a, b int) bool { return st.occurrences[a].span.Start < st.occurrences[b].span.Start })
	}
}

// topOf returns the token of [a, b] whose head lies outside it (the
// syntactic head of a multi-word name), else b.
func (st *sent) topOf(a, b int) int {
	for k := a; k <= b; k++ {
		if h := int(st.doc.Tokens[k].Head); h < a || h > b {
			return k
		}
	}
	return b
}

// inSubject reports whether token j lies in the subject of a clause: on
// the way up to the first verb, some token is a subject.
func (st *sent) inSubject(j int) bool {
	for n := 0; n < maxDepth && j >= st.lo && j < st.hi; n++ {
		if st.rel(j).IsSubject() {
			return true
		}
		if st.doc.Tokens[j].UPOS == text.VERB {
			return false
		}
		j = int(st.doc.Tokens[j].Head)
	}
	return false
}

// covered reports whether token j lies inside an actor occurrence.
func (st *sent) covered(j int) bool {
	p := st.doc.Tokens[j].Start
	for _, o := range st.occurrences {
		if o.span.Start <= p && p < o.span.End {
			return true
		}
	}
	return false
}

func entryName(a *dict.Actor) string {
	return a.File + ":" + strconv.Itoa(a.Line) + " " + a.Name
}

// code codes every verb of the sentence.
func (st *sent) code() []eventwire.Event {
	st.markWishes()
	for v := st.lo; v < st.hi; v++ {
		st.codeVerb(v)
	}
	st.codeNominals()
	st.codeEventNouns()
	st.transform()
	sort.SliceStable(st.events, func(i, j int) bool {
		return st.events[i].Evidence.Verb.Start < st.events[j].Evidence.Verb.Start
	})
	return st.events
}
