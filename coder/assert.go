package coder

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/text"
)

// Stage 3 of the coder: assertion. A frame's events are coded only when
// the text says that its act happened (or is happening, or was said): not
// when it is wanted, planned, threatened, a purpose, a possibility, the
// describing participle of a noun, inside such a clause, or a news
// outlet's report of someone else's act. A negated act ("did not attack")
// codes its opposite only where the ontology has one (negation.go).

// mode is what the text says about a frame's act.
type mode uint8

const (
	asserted mode = iota // done, being done, or said
	negated              // "did not attack", "never met"
	unreal               // wanted, planned, possible, a purpose, a modifier
	cited                // a news outlet reporting what others did
	intended             // committed to, to be done: "will give", "agreed to share"
)

func (m mode) String() string {
	switch m {
	case asserted:
		return "asserted"
	case negated:
		return "negated"
	case unreal:
		return "not asserted"
	case cited:
		return "a report by news media"
	case intended:
		return "intended"
	}
	return "?"
}

// assertion is stage 3's decision about a frame, and the rule that made
// it.
type assertion struct {
	mode mode
	why  string
}

// assert decides whether the text asserts f's act.
func (st *sent) assert(f *frame) assertion {
	switch f.kind {
	case evalFrame:
		return assertion{asserted, "the speaker's evaluation of an actor in their quoted words"}
	case nounFrame:
		if !st.realNoun(f.pred) {
			return assertion{unreal, "the noun's act is negated, wished, planned or inside an unasserted clause"}
		}
		return assertion{asserted, "an event noun with its doer"}
	case aspectFrame:
		if a := st.clauseAssertion(f.host, nil); a.mode != asserted {
			return a
		}
		return assertion{asserted, "the object of " + st.key(f.host)}
	}
	a := st.clauseAssertion(f.pred, f.sources)
	if a.mode == intended && st.decision(f) {
		f.decided = true
		a = assertion{asserted, "the infinitive of a decision taken: the decision is the act"}
	}
	// The rules decide a to-infinitive (wanted, planned, a purpose, the
	// purpose a call is made for: "called Assad to congratulate him"),
	// which the model, trained on judgements that leave most such
	// complements uncertain, would not assert.
	if st.c.opts.Factuality != nil && st.caseWord(f.pred) != "TO" {
		f.finite = true
		f.fact = st.c.opts.Factuality.Factuality(st.doc, f.pred)
	}
	if a.mode == asserted && f.finite && !f.ruling && !st.underway(f.pred) && !(saidAct(f.sense.Event) && st.finiteVerb(f.pred)) && !st.finitePast(f.pred) && !st.meansGerund(f.pred) && !st.headlinePresent(f.pred) {
		// A court's finding is done in the words that report it ("found
		// the prorogation to be unlawful"), as a statement is made in
		// its saying; the model, which reads "found" as uncertain, is
		// not asked. Nor for a finite statement, criticism or refusal
		// (01, 11, 12), done in the saying, which it reads as the act
		// not happening ("Iran declined to release the sailors": 0.39;
		// "The Government of Eritrea declined to comment").
		if v := f.fact; v < st.c.opts.FactualityMin {
			return assertion{unreal, "the factuality model judges it not to have happened (" + strconv.FormatFloat(v, 'f', 2, 64) + ")"}
		}
	}
	if a.mode == asserted && st.c.opts.Modality == ModalityNews && st.inDirectQuote(f.pred) && !st.speakerAct(f) {
		return assertion{unreal, "the speaker's words inside a direct quotation: their statement, not an act the text reports"}
	}
	if (a.mode == asserted || a.mode == negated) && st.c.opts.Modality == ModalityNews && !verbalCode(f.sense.Event) && st.habitual(f.pred) {
		// Negated too: "Citizens of the United Kingdom do not elect the
		// Prime Minister directly" is a standing rule, no refusal.
		return assertion{unreal, "a habit or a standing rule: the simple present of an act (\"the House impeaches the official\")"}
	}
	return a
}

// headlinePresent reports whether v is the simple present root verb of a
// text's first sentence: a headline's present, which reports a past act
// ("Germany donates medical supplies to Nigeria", "Russia expels 23
// British diplomats"), as habitual leaves it asserted. The model, which
// reads the simple present as uncertain (0.55), is not asked.
func (st *sent) headlinePresent(v int) bool {
	if st.idx != 0 {
		return false
	}
	if x := st.tok(v).XPOS; x != "VBZ" && x != "VBP" {
		return false
	}
	if h := st.head(v); h >= st.lo && h < st.hi {
		return false
	}
	return len(st.childrenRel(v, text.Aux)) == 0
}

// meansGerund reports whether v is a gerund that says by what means a
// finite verb's act was done: "Russia responded by expelling 23 British
// diplomats", "China continues its efforts by donating medical
// supplies". The act is done as its clause is; the model, which reads
// such gerunds as uncertain (0.37, 0.39), is not asked. The rules have
// asserted the clause it hangs on.
func (st *sent) meansGerund(v int) bool {
	if st.tok(v).XPOS != "VBG" || st.caseWord(v) != "BY" {
		return false
	}
	h := st.head(v)
	for h >= st.lo && h < st.hi && st.tok(h).UPOS != text.VERB {
		h = st.head(h) // "continues with its efforts by donating": on the oblique's noun
	}
	return h >= st.lo && h < st.hi && st.finiteVerb(h)
}

// saidAct reports whether code is an act done in the saying of it: a
// statement or comment (01), an appeal (02), a demand (10), disapproval
// (11), a refusal (12) or a threat (13). "China and Russia call on US to
// lift sanctions", "Iran calls on the US to ..." had been read by the
// model as the appeal not happening (0.38-0.49).
func saidAct(code string) bool {
	switch code[:min(2, len(code))] {
	case "01", "02", "10", "11", "12", "13":
		return true
	}
	return false
}

// finitePast reports whether verb v is a finite verb of the past
// ("released", "has released", "was released"): what the rules found
// asserted, the text reports as done.
func (st *sent) finitePast(v int) bool {
	switch st.tok(v).XPOS {
	case "VBD":
		return true
	case "VB", "VBP":
		// "Ethiopia let free 74 political leaders", "Russian police put
		// Navalny under house arrest": a verb whose past is its base
		// form, tagged as a base form or an imperative, with a subject
		// of its own, no auxiliary, no "to", and a singular noun subject
		// (whose present would take -s): the past.
		if !samePast[st.lemma(v)] || st.key(v) != st.lemma(v) {
			return false
		}
		subj := false
		for _, k := range st.children(v) {
			switch b := st.base(k); {
			case b == text.Aux || b == text.AuxPass || b == text.Mark:
				return false
			case st.rel(k).IsSubject() && !st.rel(k).IsPassiveSubject():
				t := st.tok(k)
				subj = t.UPOS == text.PROPN || t.UPOS == text.NOUN && !st.pluralNoun(k)
			}
		}
		return subj
	case "VBN":
		// A perfect ("has released") or a past passive ("was
		// released"), not a present passive ("are killed").
		for _, k := range st.children(v) {
			if b := st.base(k); b == text.Aux || b == text.AuxPass {
				if l := st.lemma(k); l == "HAVE" && st.tok(k).XPOS != "VB" || st.tok(k).XPOS == "VBD" {
					return true
				}
			}
		}
	}
	return false
}

// samePast are the verbs whose past tense is their base form.
var samePast = map[string]bool{"LET": true, "SET": true, "PUT": true, "CUT": true, "HIT": true, "SHUT": true,
	"SPREAD": true, "CAST": true, "QUIT": true, "BID": true, "BURST": true, "THRUST": true, "UPSET": true,
	"BROADCAST": true, "FORECAST": true, "SPLIT": true, "SHED": true, "BEAT": true}

// finiteVerb reports whether verb v is finite, or a participle with a
// finite auxiliary ("declined", "accuse", "have expressed"), not an
// infinitive, a gerund or a bare participle ("would consider charging").
func (st *sent) finiteVerb(v int) bool {
	switch st.tok(v).XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	case "VBN":
		for _, k := range st.children(v) {
			if st.base(k) == text.Aux {
				switch st.tok(k).XPOS {
				case "VBD", "VBZ", "VBP":
					return true
				}
			}
		}
	}
	return false
}

// inDirectQuote reports whether token i stands inside a direct
// quotation: quotation marks opened earlier in its sentence at its start
// or after a comma or a colon ("Zelenskyy said, “We expect ...”"), not
// inside a clause that reports the words ("said she was “proud to
// endorse ...”", a mixed quotation, which the sentence asserts as
// reported speech).
func (st *sent) inDirectQuote(i int) bool {
	open, direct := st.quoteAt(i)
	return open && direct
}

// speakerAct reports whether f is a verbal act the speaker of a direct
// quotation does in saying it ("We condemn this attack"): its source is
// the quotation's "I" or "we".
func (st *sent) speakerAct(f *frame) bool {
	if !verbalCode(f.sense.Event) {
		return false
	}
	for _, e := range f.sources {
		if e.viaHow == "quote-speaker" {
			return true
		}
	}
	return false
}

// habitual reports whether verb v is an act's simple present, which news
// uses for what is usual or a standing rule ("Citizens do not elect the
// Prime Minister directly", "Interpol's constitution prohibits ...",
// "airlines offer flights to Cuban cities"), not for an event: a finite
// present verb, or a base form with the do-support of the present ("do
// not elect"), with no other auxiliary of tense, aspect or voice (the
// perfect, the progressive and the passive report events), outside the
// article's first sentence, whose headline style reports events in the
// present.
func (st *sent) habitual(v int) bool {
	if st.idx == 0 {
		return false
	}
	t := st.tok(v)
	if t.UPOS != text.VERB {
		return false
	}
	if !strings.Contains(t.Feats, "Tense=Pres") || !strings.Contains(t.Feats, "VerbForm=Fin") {
		// "do not elect": the present of do-support with a base form.
		if t.XPOS != "VB" || !st.doSupport(v) {
			return false
		}
	}
	for _, k := range st.children(v) {
		switch st.rel(k) {
		case text.Aux, text.AuxPass:
			if st.key(k) != "DO" && st.key(k) != "DOES" {
				return false
			}
		}
		switch st.key(k) {
		case "CURRENTLY", "NOW", "TODAY", "STILL", "ALREADY", "TONIGHT":
			return false // "Currently, NASA pays for Russian spacecraft": going on now
		}
	}
	return true
}

// doSupport reports whether verb v has the auxiliary "do" or "does" (the
// simple present's do-support: "do not elect").
func (st *sent) doSupport(v int) bool {
	for _, k := range st.children(v) {
		if st.rel(k) == text.Aux {
			switch st.key(k) {
			case "DO", "DOES":
				return true
			}
		}
	}
	return false
}

// failedTo returns the verb of failing that v is the infinitive of ("The
// United States and South Korea failed to reach agreement", "failed to
// release"): the act was not done, a negated act, whose opposite code
// the Reject family gives (a failure to reach agreement is verbal
// conflict, as the ConfliBERT file labels it). A failure that is itself
// negated ("did not fail to") is left to the other rules.
func (st *sent) failedTo(v int) (int, bool) {
	if st.base(v) != text.Xcomp || st.caseWord(v) != "TO" {
		return 0, false
	}
	g := st.head(v)
	if g < st.lo || g >= st.hi || st.lemma(g) != "FAIL" || st.negated(g) {
		return 0, false
	}
	return g, true
}

// hedgedBy returns the verb of seeming that v is the infinitive of:
// "Trump's state of emergency appears to allow him to pull funding", "the
// strike seems to have hit a school". The text says the act only appears
// to be so; the verb of seeming is a hedge, not an act.
func (st *sent) hedgedBy(v int) (int, bool) {
	if st.base(v) != text.Xcomp || st.caseWord(v) != "TO" {
		return 0, false
	}
	g := st.head(v)
	if g < st.lo || g >= st.hi || !hedgeVerbs[st.lemma(g)] {
		return 0, false
	}
	return g, true
}

// hedgeVerbs report what seems so: their infinitive is not asserted.
var hedgeVerbs = map[string]bool{"APPEAR": true, "SEEM": true}

// verbalCode reports whether an event code is a verbal act, which news
// reports in the present as it happens ("says", "urges", "condemns",
// "rejects"), or a stance that holds ("Iran backs Assad's government"):
// statements, appeals, intents, support, demands, disapproval, rejection,
// threats and protests (01-03, 05, 10-14).
func verbalCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "01", "02", "03", "05", "10", "11", "12", "13", "14":
		return true
	}
	return false
}

// clauseAssertion decides whether verb v's clause asserts its act;
// sources, when given, are its frame's sources (for citations).
func (st *sent) clauseAssertion(v int, sources []entity) assertion {
	news := st.c.opts.Modality == ModalityNews
	if g, ok := st.hedgedBy(v); ok && news {
		return assertion{unreal, "the infinitive of " + strconv.Quote(st.doc.Form(g)) + ": what only appears so, not established"}
	}
	if g, ok := st.intentGovernor(v); ok && news {
		return assertion{intended, "the infinitive of " + strconv.Quote(st.doc.Form(g)) + ": committed to, not yet done"}
	}
	if g, ok := st.failedTo(v); ok && news {
		return assertion{negated, "the infinitive of " + strconv.Quote(st.doc.Form(g)) + ": not done"}
	}
	if g, ok := st.claimedUnder(v); ok {
		return assertion{unreal, "claimed, believed or denied by " + strconv.Quote(st.doc.Form(g)) + ", not established"}
	}
	switch {
	case st.conditional(v):
		return assertion{unreal, "a condition (if, unless, whether), not asserted"}
	case st.irrealis[v]:
		return assertion{unreal, "the infinitive of a verb of wanting, appeal, intent, demand, refusal or threat"}
	case st.allegedIn(v):
		return assertion{unreal, "the content of a report, claim or allegation (\"the report that ...\"), not established"}
	case st.planned(v):
		return assertion{unreal, "a plan: an infinitive on a noun (\"a scheme to destroy\")"}
	case st.unasserted(v):
		return assertion{unreal, "a describing participle, a clause under a modal, or a purpose"}
	case st.standingPassive(v):
		return assertion{unreal, "a standing state: a relative clause in the present passive (\"who is supported by\")"}
	case st.classRelative(v):
		return assertion{unreal, "a relative clause on \"any\", \"no\" or \"every\": it describes a class, not an act done"}
	case st.notDone(v):
		return assertion{unreal, "the complement of a verb of stopping, or of encouraging or directing"}
	case st.underUnreal(v):
		return assertion{unreal, "inside a clause that is not asserted"}
	case st.attribution(v, sources):
		return assertion{cited, "a news outlet citing what others did or said"}
	case st.negated(v):
		return assertion{negated, "negated by not, n't or never"}
	}
	if g, ok := st.obligedBy(v); ok && news {
		switch g {
		case "BE":
			return assertion{intended, "arranged, not yet done (\"is to face trial\")"}
		case "BE TO BE":
			// Arranged for the subject by others, who express no intent
			// of their own: no threat or pledge to code.
			return assertion{unreal, "arranged in the passive, not yet done (\"is to be sentenced\")"}
		}
		return assertion{unreal, "obliged, not done (" + strings.ToLower(g) + " to)"}
	}
	if m, ok := st.modal(v); ok && news {
		switch m {
		case "WILL", "SHALL", "'LL", "GOING":
			return assertion{intended, "future (" + strings.ToLower(m) + ")"}
		case "WOULD", "'D":
			if st.perfect(v) {
				// "said he would have preferred that ...": what would
				// have been, not what will be.
				return assertion{unreal, "counterfactual (would have)"}
			}
			if st.reported(v) {
				return assertion{intended, "future in reported speech (would)"}
			}
			return assertion{unreal, "hypothetical (would)"}
		default:
			return assertion{unreal, "possible or obliged, not done (" + strings.ToLower(m) + ")"}
		}
	}
	if at, ok := st.pastClause(v); ok {
		// "In 2007, the United States government labeled Soleimani as
		// a terrorist and levied sanctions against him": a specific
		// past act told as background is an event of its own time, as
		// the gold guideline codes it; the date normaliser gives it the
		// clause's date, not the report's.
		return assertion{asserted, "a past act told as background: the clause is dated " + strconv.Quote(at)}
	}
	return assertion{asserted, "a clause that reports the act"}
}

// background reports whether f's act, asserted, is a past act told as
// background (Event.Background): its clause is dated by a past time.
func (st *sent) background(f *frame) bool {
	v := f.pred
	switch f.kind {
	case aspectFrame:
		v = f.host // the clause of "began attacking", "launched an attack"
	case nounFrame, evalFrame:
		return false
	}
	if f.as.mode != asserted || v < st.lo || v >= st.hi {
		return false
	}
	_, ok := st.pastClause(v)
	return ok
}

// pastClause reports whether verb v's clause holds a past-time discard
// phrase ("in 1963", "two weeks ago"), and which: the phrase's first word
// hangs, through nouns and prepositions, from v.
func (st *sent) pastClause(v int) (string, bool) {
	for _, at := range st.past {
		i := st.tokenAt(at)
		if i < 0 {
			continue
		}
		for x, below, n := i, -1, 0; x >= st.lo && x < st.hi && n < maxDepth; x, below, n = st.head(x), x, n+1 {
			if x != i && (st.tok(x).UPOS == text.VERB || st.tok(x).UPOS == text.AUX) {
				// The dated verb, or a verb coordinated with it, which
				// shares its time ("In 2007, the US labeled him a
				// terrorist and levied sanctions against him").
				if x == v || (st.base(v) == text.Conj && st.head(v) == x) || st.sameTime(v, x) {
					if st.dayTimed(x) && yearTime(st.doc.Text[at:]) {
						// "were found guilty on Thursday of raping a
						// tourist in 2014": a day of the report's week
						// on the same verb dates it; the year belongs
						// to a phrase the parser hung on it. ("Two
						// months ago" says itself that its verb is
						// past.)
						break
					}
					return st.doc.Form(i), true
				}
				break
			}
			if x != i && st.datesPhrase(x, below) {
				// "condemned the 2014 annexation", "an assault
				// reminiscent of 2008": the time is the object's or the
				// modifier's, not the clause's.
				break
			}
		}
	}
	return "", false
}

// dayTimed reports whether verb v has a time oblique that names a day of
// the report's week ("on Thursday", "yesterday", "today").
func (st *sent) dayTimed(v int) bool {
	for _, k := range st.children(v) {
		if b := st.base(k); (b == text.Obl || b == text.Advmod || b == text.Nmod) && dayWords[st.key(k)] {
			return true
		}
	}
	return false
}

// datesPhrase reports whether a past time below token x (through its
// dependent below) dates x's own phrase rather than the clause above it:
// x is a modifier of a noun (an adjective or a participle: "an assault
// reminiscent of 2008"), or a core argument (subject, object) that the
// time modifies as a compound, a number, an adjective or a possessive
// ("condemned the 2014 annexation", "2014's annexation"). A
// time in an oblique ("in the 2011 revolution") dates its clause, and so
// does one in a prepositional phrase the parser hung on an object
// ("contributed $141 million since independence in 2011"), as it often
// does wrongly.
func (st *sent) datesPhrase(x, below int) bool {
	r := st.rel(x)
	switch r.Base() {
	case text.Amod, text.Acl:
		return true
	case text.Obj, text.Iobj:
	default:
		if !r.IsSubject() {
			return false
		}
	}
	if below < 0 {
		return false
	}
	switch b := st.rel(below); b.Base() {
	case text.Compound, text.Nummod, text.Amod:
		return true
	default:
		return b == text.NmodPoss
	}
}

// classRelative reports whether verb v heads a relative clause on a noun
// phrase that names no one in particular, with "any", "no" or "every"
// ("name any law enforcement individuals or groups who endorsed Biden's
// campaign", "no country that attacks its neighbours"): the clause
// describes a class, whoever may be in it, not an act someone did.
func (st *sent) classRelative(v int) bool {
	if st.rel(v) != text.AclRelcl {
		return false
	}
	n := st.head(v)
	if n < st.lo || n >= st.hi {
		return false
	}
	if st.classDet(n) {
		return true
	}
	// "individuals or groups who endorsed": the determiner may sit on the
	// first conjunct.
	h := st.head(n)
	return st.base(n) == text.Conj && h >= st.lo && h < st.hi && st.classDet(h)
}

// classDet reports whether noun n has the determiner "any", "no", "every"
// or "whichever".
func (st *sent) classDet(n int) bool {
	for _, k := range st.children(n) {
		if st.base(k) == text.Det {
			switch st.key(k) {
			case "ANY", "NO", "EVERY", "WHICHEVER":
				return true
			}
		}
	}
	return false
}

// simultaneous are the conjunctions of a clause that happens when its
// head does; precedes those of a clause that happens before its head.
var (
	simultaneous = map[string]bool{"WHILE": true, "WHEN": true, "AS": true, "WHENEVER": true}
	precedes     = map[string]bool{"AFTER": true, "ONCE": true}
)

// sameTime reports whether verb v's clause is dated by the past time of
// verb x's: v hangs from x through complements, conjuncts and temporal
// clauses that happen with their head or before it ("In 2009, she was
// appointed to fill the seat after Clinton resigned"), or x is a temporal
// clause that happens with v ("encountered a bomber while returning from
// its tenth patrol in 1944", also when parsed on the object).
func (st *sent) sameTime(v, x int) bool {
	// up reports whether y's clause takes the time of its head, and
	// which conjunctions may join them.
	up := func(y int, marks ...map[string]bool) bool {
		switch st.base(y) {
		case text.Xcomp, text.Conj:
			return true
		case text.Advcl, text.Acl:
			w := st.caseWord(y)
			if w == "" && st.base(y) == text.Advcl && st.tok(y).XPOS == "VBG" {
				// "held a referendum in November 2018, allowing the
				// population to vote": a participle clause with no
				// conjunction is of its head's time.
				return true
			}
			for _, m := range marks {
				if m[w] {
					return true
				}
			}
		}
		return false
	}
	for y, n := v, 0; y >= st.lo && y < st.hi && n < maxDepth && up(y, simultaneous, precedes); y, n = st.head(y), n+1 {
		if st.head(y) == x {
			return true
		}
	}
	for y, n := x, 0; y >= st.lo && y < st.hi && n < maxDepth; y, n = st.clauseVerbAbove(y), n+1 {
		if b := st.base(y); (b != text.Advcl && b != text.Acl) || !simultaneous[st.caseWord(y)] {
			break
		}
		if st.clauseVerbAbove(y) == v {
			return true
		}
	}
	return false
}

// clauseVerbAbove is the nearest verb above token y (through nouns: "a
// bomber while returning"), or -1.
func (st *sent) clauseVerbAbove(y int) int {
	for h, n := st.head(y), 0; h >= st.lo && h < st.hi && n < maxDepth; h, n = st.head(h), n+1 {
		if st.tok(h).UPOS == text.VERB {
			return h
		}
	}
	return -1
}

// standingPassive reports whether v heads a relative clause in the simple
// present passive, which describes what holds, not what happened:
// "Carrie Lam, who is supported by the mainland Chinese government",
// "Northern Cyprus, which is recognized only by Turkey". A past passive
// ("which was joined by Australia") reports an act.
func (st *sent) standingPassive(v int) bool {
	if st.rel(v) != text.AclRelcl || !st.isPassive(v) {
		return false
	}
	for _, k := range st.children(v) {
		if st.rel(k) == text.AuxPass {
			switch st.key(k) {
			case "IS", "ARE", "'S", "'RE":
				return true
			}
		}
	}
	return false
}

// tokenAt returns the token of the sentence that starts at byte offset
// at, or -1.
func (st *sent) tokenAt(at int) int {
	for i := st.lo; i < st.hi; i++ {
		if int(st.tok(i).Start) <= at && at < int(st.tok(i).End) {
			return i
		}
	}
	return -1
}

// claimVerbs report what is claimed, believed, feared or denied, not
// established: "Russia claimed Turkey attacked Syria" is an accusation
// (the verb dictionary's transformation makes it 112), not an attack.
// Verbs of saying and reporting (say, tell, announce, report, confirm)
// relay what happened and are not here.
var claimVerbs = map[string]bool{"CLAIM": true, "ALLEGE": true, "DENY": true, "SUSPECT": true, "BELIEVE": true,
	"THINK": true, "FEAR": true, "SPECULATE": true, "DOUBT": true, "RUMOR": true, "RUMOUR": true, "GUESS": true,
	"SUPPOSE": true, "ASSUME": true, "HOPE": true, "WISH": true, "IMAGINE": true, "PREDICT": true, "EXPECT": true,
	"SUGGEST": true}

// claimedUnder returns the verb of claimVerbs whose clausal complement v
// is, if any.
func (st *sent) claimedUnder(v int) (int, bool) {
	if st.base(v) != text.Ccomp {
		return 0, false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || st.tok(h).UPOS != text.VERB || !claimVerbs[st.lemma(h)] {
		return 0, false
	}
	return h, true
}

// intentHeads are the verbs and adjectives whose to-infinitive names what
// their subject commits to doing: "agreed to share", "offered to
// negotiate", "is ready to withdraw". CAMEO codes such a commitment as an
// expressed intent (03) to do the act, or a threat (13) when the act is
// hostile; the act itself has not happened.
var intentHeads = map[string]bool{"AGREE": true, "OFFER": true, "PROMISE": true, "PLEDGE": true, "VOW": true,
	"COMMIT": true, "DECIDE": true, "PLAN": true, "INTEND": true, "PREPARE": true, "RESOLVE": true,
	"UNDERTAKE": true, "VOLUNTEER": true, "READY": true, "WILLING": true, "PREPARED": true, "DETERMINED": true,
	"EAGER": true, "KEEN": true}

// futureThat reports whether v is a that-clause (or one without "that")
// whose verb a modal of the future or of obligation carries: "agreed that
// their countries should cooperate", "pledged it would release the
// prisoners", which commit to the act as "agreed to cooperate" does when
// the clause's subject is the committers themselves (a pronoun, or a noun
// a pronoun possesses: subjectRefersBack); "agree that territorial
// disputes should be resolved" commits no one to an act.
func (st *sent) futureThat(v int) bool {
	if st.base(v) != text.Ccomp {
		return false
	}
	if w := st.caseWord(v); w != "" && w != "THAT" {
		return false
	}
	for _, k := range st.children(v) {
		if st.base(k) == text.Aux {
			switch st.key(k) {
			case "WILL", "WOULD", "SHOULD", "SHALL", "'LL", "'D":
				return true
			}
		}
	}
	return false
}

// decision reports whether f's act is the infinitive of a decision taken
// ("Japan decided on Thursday to ease some sanctions on North Korea", "has
// decided to grant political asylum"): news reports a government's
// decision as the act it enacts, and the ConfliBERT annotators code all
// six such sentences of their file as the act. An act of force or a
// threat (13, 17-20) decided on is still to come ("decided to attack"),
// and stays an intent.
func (st *sent) decision(f *frame) bool {
	if f.kind != verbFrame || strings.HasPrefix(f.sense.Event, "13") || forceCode(f.sense.Event) {
		return false
	}
	g, ok := st.intentGovernor(f.pred)
	if !ok || st.lemma(g) != "DECIDE" || st.caseWord(f.pred) != "TO" {
		return false
	}
	switch st.tok(g).XPOS {
	case "VBD", "VBN", "VBZ":
		return true
	}
	return false
}

// intentGovernor returns the verb or adjective of intentHeads whose
// to-infinitive v is, when that head is itself asserted (not negated, not
// wanted: "refused to agree to" is no intent).
func (st *sent) intentGovernor(v int) (int, bool) {
	switch st.base(v) {
	case text.Xcomp, text.Advcl, text.Ccomp:
	default:
		return 0, false
	}
	if st.caseWord(v) != "TO" && !(st.futureThat(v) && st.subjectRefersBack(v)) {
		return 0, false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h > v || !intentHeads[st.lemma(h)] {
		return 0, false
	}
	switch st.tok(h).UPOS {
	case text.VERB, text.ADJ:
	default:
		return 0, false
	}
	if st.negated(h) || st.irrealis[h] || st.unasserted(h) {
		return 0, false
	}
	if st.base(v) == text.Advcl && len(st.childrenRel(h, text.Obj)) > 0 {
		// "offered military assistance to Turkey to assist an
		// insurgency": with its own object the commitment is to that;
		// the infinitive is its purpose.
		return 0, false
	}
	return h, true
}

// underway reports whether verb v is the complement of a verb of
// beginning or continuing that is itself asserted ("Russia has begun
// withdrawing some of its troops from Syria", "started to shell"): the
// act is under way, as the text says, whatever the factuality model,
// which reads an unfinished act as uncertain, makes of the complement.
func (st *sent) underway(v int) bool {
	if st.base(v) != text.Xcomp {
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || st.tok(h).UPOS != text.VERB {
		return false
	}
	switch st.lemma(h) {
	case "BEGIN", "START", "CONTINUE", "RESUME", "KEEP":
	default:
		return false
	}
	return !st.negated(h) && !st.irrealis[h] && !st.unasserted(h)
}

// perfect reports whether verb v has the auxiliary "have" of the perfect.
func (st *sent) perfect(v int) bool {
	for _, k := range st.children(v) {
		if st.base(k) == text.Aux && st.lemma(k) == "HAVE" {
			return true
		}
	}
	return false
}

// modal returns the modal or future auxiliary of verb v ("WILL", "COULD",
// "GOING" for "is going to"), if any.
func (st *sent) modal(v int) (string, bool) {
	for _, k := range st.children(v) {
		if st.base(k) != text.Aux {
			continue
		}
		switch w := st.key(k); w {
		case "WILL", "SHALL", "'LL", "WOULD", "'D", "COULD", "MIGHT", "MAY", "MUST", "SHOULD", "CAN", "CA":
			if w == "CA" {
				w = "CAN"
			}
			return w, true
		}
	}
	// "is going to attack": the infinitive of GOING with its be.
	if st.base(v) == text.Xcomp && st.caseWord(v) == "TO" {
		if h := st.head(v); h >= st.lo && h < st.hi && st.key(h) == "GOING" && len(st.aux(h)) > 0 {
			return "GOING", true
		}
	}
	return "", false
}

// reported reports whether clause v is the content of a statement: a
// clausal complement of a verb ("said it would", "announced that it
// would").
func (st *sent) reported(v int) bool {
	if st.base(v) != text.Ccomp {
		return false
	}
	h := st.head(v)
	return h >= st.lo && h < st.hi && st.tok(h).UPOS == text.VERB
}

// unasserted reports whether verb v, though coded by the dictionary, does
// not say that something happened:
//   - a participle used as an adjective ("captured ISIS fighters");
//   - a relative or adverbial clause under a modal of possibility or
//     obligation ("a law that would allow the government to remove
//     people", "more than anyone could have expected"): it describes what
//     a thing is for or what might be. In a main or reported clause the
//     modal is kept, as PETRARCH does ("indicated it would act with
//     Libya");
//   - a purpose clause after a complete clause ("remained in Iraq to
//     prevent ISIS from gaining ground"), not an infinitive governed by an
//     adjective or adverb ("inching nearer to accord with Gondor").
func (st *sent) unasserted(v int) bool {
	if st.base(v) == text.Amod {
		return true
	}
	if st.base(v) == text.Advcl && st.caseWord(v) == "TO" && st.purposeTo(v) {
		// A call or a meeting is made for its purpose, which is done
		// in it ("called Assad to congratulate him"); other purposes
		// are hopes.
		if h := st.head(v); h < st.lo || h >= st.hi || !st.subjectControl(h) {
			return true
		}
	}
	if st.rel(v) != text.AclRelcl && st.base(v) != text.Advcl {
		return false
	}
	for _, k := range st.children(v) {
		if st.rel(k) == text.Aux && modals[st.key(k)] {
			return true
		}
	}
	return false
}

// wishVerbs take an infinitive that is wanted, planned, promised or
// refused, not done, whatever code the dictionary gives the verb itself (or
// none): "wants to expel the diplomats", "sought to arrest him". "tried
// to" and "attempted to" are not here: CAMEO codes an attempted act as
// the act (PETRARCH's unit tests too: "won't try to clash" is 110).
var wishVerbs = map[string]bool{"WANT": true, "WISH": true, "HOPE": true, "SEEK": true, "PLAN": true,
	"INTEND": true, "AIM": true, "EXPECT": true, "PREPARE": true, "THREATEN": true, "PROMISE": true,
	"PLEDGE": true, "VOW": true, "URGE": true, "ASK": true, "DEMAND": true, "PROPOSE": true, "OFFER": true,
	"REFUSE": true, "DECLINE": true, "FAIL": true}

// markWishes marks the to-infinitives of wishVerbs irrealis.
func (st *sent) markWishes() {
	for v := st.lo; v < st.hi; v++ {
		if st.tok(v).UPOS != text.VERB || !(wishVerbs[st.lemma(v)] || st.lemma(v) == "LIKE") {
			continue
		}
		for _, k := range st.children(v) {
			if b := st.base(k); (b == text.Xcomp || b == text.Advcl || b == text.Ccomp) && k > v && st.caseWord(k) == "TO" {
				if politeWish[st.lemma(v)] && performatives[st.lemma(k)] && b == text.Xcomp && !st.negated(v) && st.firstPerson(v) {
					// "I want to express my sympathy", "we would like to
					// thank": a speaker's polite formula that does what its
					// infinitive says; the wish itself is no act.
					st.absorbed[v] = true
					continue
				}
				if wishVerbs[st.lemma(v)] {
					st.irrealis[k] = true
				}
			}
		}
	}
}

// firstPerson reports whether verb v's subject is "I" or "we": a
// speaker's own words.
func (st *sent) firstPerson(v int) bool {
	k := st.subjectOf(v)
	return k >= 0 && (st.key(k) == "I" || st.key(k) == "WE")
}

// politeWish are the verbs of wanting that, with a performative verb in
// the infinitive, make a polite formula: "I want to express", "we would
// like to thank", "I wish to congratulate".
var politeWish = map[string]bool{"WANT": true, "WISH": true, "LIKE": true}

// performatives are the verbs whose saying is the act: expressing
// condolences or thanks, thanking, congratulating, welcoming.
var performatives = map[string]bool{"EXPRESS": true, "THANK": true, "CONGRATULATE": true, "EXTEND": true,
	"CONVEY": true, "WELCOME": true, "APOLOGIZE": true, "APOLOGISE": true, "ACKNOWLEDGE": true, "SALUTE": true,
	"PRAISE": true, "COMMEND": true, "OFFER": true}

// purposeTo reports whether the "to" of infinitive v follows a noun, a verb or a
// punctuation mark: a purpose clause, not the complement of an adjective
// or adverb ("nearer to", "able to", "about to").
func (st *sent) purposeTo(v int) bool {
	for _, m := range st.children(v) {
		if st.key(m) == "TO" && m < v {
			if m-1 < st.lo {
				return false
			}
			switch st.tok(m - 1).UPOS {
			case text.NOUN, text.PROPN, text.PRON, text.VERB, text.PUNCT, text.NUM:
				return true
			}
			return false
		}
	}
	return false
}

// modals are the auxiliaries of possibility and obligation.
var modals = map[string]bool{"WOULD": true, "COULD": true, "MIGHT": true, "MAY": true, "SHOULD": true,
	"MUST": true, "'D": true}

// attribution reports whether the sources of v are only news media and v
// is a verb of reporting: "Reuters reported the attack", "SANA said Assad
// responded" cite where the news came from; they are not events between
// the agency and whoever the report is about. A spokesman (GOVMED) still
// speaks for a government.
func (st *sent) attribution(v int, sources []entity) bool {
	if len(sources) == 0 {
		return false
	}
	for _, s := range sources {
		if !mediaOnly(s.code) {
			return false
		}
	}
	return reportVerbs[st.lemma(v)]
}

// mediaOnly reports whether code names news media with no other role:
// MED, ---MED, SYRMED; not USAGOVMED.
func mediaOnly(code string) bool {
	if !strings.HasSuffix(code, "MED") {
		return false
	}
	rest := strings.TrimSuffix(code, "MED")
	return rest == "" || rest == "---" || (len(rest) == 3 && !strings.Contains(rest, "-") && strings.ToUpper(rest) == rest && isState(rest))
}

// isState reports whether a three-letter code is a plain state code rather
// than an agent (GOV, MIL, REB ...), judged by the usual agent codes.
func isState(c string) bool {
	switch c {
	case "GOV", "MIL", "REB", "OPP", "BUS", "LEG", "JUD", "COP", "SPY", "CVL", "PPL", "EDU", "HLH", "REF", "UAF", "IGO", "NGO", "ELI", "LAB", "AGR", "ENV", "CRM", "REL", "MUS":
		return false
	}
	return true
}

// stopVerbs end what their complement names: "cease trading in Iran",
// "stopped shelling the city" say that an event did not go on.
var stopVerbs = map[string]bool{"CEASE": true, "STOP": true, "HALT": true, "QUIT": true, "END": true, "SUSPEND": true, "ABANDON": true}

// implicative verbs assert their object-controlled infinitive: "forced the
// army to withdraw" says the army withdrew; "encouraged firms to cease"
// and "directed units to join" do not.
var implicative = map[string]bool{"FORCE": true, "COMPEL": true, "HELP": true, "CAUSE": true, "OBLIGE": true, "DRIVE": true, "LEAD": true}

// notDone reports whether infinitive or gerund v is not asserted by the
// verb that governs it: the complement of a verb of stopping, an
// infinitive whose subject is its governor's object ("encouraging
// commercial entities to cease", "directing Coast Guard units to join")
// unless the governor is implicative, and an infinitive separated from
// its governor by an oblique, which is a purpose ("remained in Iraq to
// prevent ISIS from gaining ground"). Verbs of meeting and intent keep
// their purposes (subjectControl: "called Assad to congratulate him").
func (st *sent) notDone(v int) bool {
	b := st.base(v)
	if b != text.Xcomp && b != text.Advcl {
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h > v || st.tok(h).UPOS != text.VERB {
		return false
	}
	if stopVerbs[st.lemma(h)] && b == text.Xcomp {
		return true
	}
	if st.caseWord(v) != "TO" || st.subjectControl(h) || implicative[st.lemma(h)] {
		return false
	}
	for _, k := range st.children(h) {
		if k < h || k > v {
			continue
		}
		if r := st.rel(k); r.IsObject() || (r.IsObliqueLike() && !unmarked(r)) {
			return true
		}
	}
	return false
}

// unrealNouns govern an event noun that has not happened: "the threat of an
// attack", "fears of an invasion".
var unrealNouns = map[string]bool{"THREAT": true, "RISK": true, "FEAR": true, "POSSIBILITY": true, "PLAN": true,
	"PROSPECT": true, "DANGER": true, "CALL": true, "DEMAND": true, "WARNING": true, "RUMOR": true, "RUMOUR": true,
	"ALLEGATION": true, "CLAIM": true, "ACCUSATION": true, "REPORT": true, "DENIAL": true, "HOPE": true}

// unrealVerbs take an event noun as a thing not (yet) done: "planned an
// attack on", "prevented the annexation of", "denied the killing of",
// "arranged a meeting between", "cancelled the talks".
var unrealVerbs = map[string]bool{"PLAN": true, "THREATEN": true, "FEAR": true, "PREVENT": true, "AVERT": true,
	"AVOID": true, "DENY": true, "PROPOSE": true, "CONSIDER": true, "PREPARE": true, "URGE": true, "DEMAND": true,
	"WANT": true, "SEEK": true, "OPPOSE": true, "WARN": true, "THWART": true, "FOIL": true, "RULE": true,
	"REJECT": true, "ALLEGE": true, "CLAIM": true, "CALL": true, "ORDER": true, "AUTHORIZE": true, "APPROVE": true,
	"ARRANGE": true, "SCHEDULE": true, "ORGANIZE": true, "ORGANISE": true, "CANCEL": true, "POSTPONE": true}

// realNoun reports whether event noun n is reported as having happened:
// not "no attack", "any invasion", not after "for", "against" or "about"
// ("called for", "warned against"), not "the threat of an attack", not the
// object of "planned", "prevented", "denied" and the like, and not inside a
// clause the coder does not take as asserted.
func (st *sent) realNoun(n int) bool {
	for _, k := range st.children(n) {
		if st.rel(k).Base() == text.Det {
			switch st.key(k) {
			case "NO", "ANY", "EVERY", "ANOTHER":
				return false
			}
		}
	}
	switch st.caseWord(n) {
	case "ABOUT":
		if !st.possessed(n) {
			return false
		}
	case "FOR", "AGAINST", "WITHOUT":
		return false
	}
	h := st.head(n)
	if h < st.lo || h >= st.hi || h == n {
		return true
	}
	if st.caseWord(n) == "OF" && unrealNouns[st.lemma(h)] {
		return false
	}
	for up, depth := h, 0; up >= st.lo && up < st.hi && depth < maxDepth; up, depth = st.head(up), depth+1 {
		if st.tok(up).UPOS == text.VERB {
			if unrealVerbs[st.lemma(up)] || st.negated(up) || st.irrealis[up] || st.planned(up) || st.unasserted(up) || st.notDone(up) {
				return false
			}
			break
		}
		if st.head(up) == up {
			break
		}
	}
	return true
}

// possessed reports whether noun n has a possessor that names an actor
// ("Trump's call").
func (st *sent) possessed(n int) bool {
	for _, k := range st.children(n) {
		if st.rel(k) == text.NmodPoss && st.tok(k).UPOS != text.PRON && len(st.mention(k)) > 0 {
			return true
		}
	}
	return false
}

// underUnreal reports whether verb v is the complement of a verb whose
// event is not asserted: "a law that would allow the government to remove
// people" (remove under the hypothetical allow), "plans to force them to
// leave". It follows infinitival and participial complements up a few
// levels.
func (st *sent) underUnreal(v int) bool {
	for n := 0; n < 4; n++ {
		switch b := st.base(v); {
		case b == text.Xcomp, b == text.Acl && st.rel(v) != text.AclRelcl, b == text.Advcl && st.caseWord(v) == "TO":
		default:
			return false
		}
		h := st.head(v)
		if h < st.lo || h >= st.hi || h == v || st.tok(h).UPOS != text.VERB {
			return false
		}
		if st.irrealis[h] || st.planned(h) || st.unasserted(h) {
			return true
		}
		if g, ok := st.obligedBy(h); ok && g != "BE" {
			return true // "had to speed up to counter ..."
		}
		v = h
	}
	return false
}

// conditional reports whether verb v heads a condition or an open
// question: "if Turkey condemned Syria", "unless the president agrees",
// "whether Iran attacked".
func (st *sent) conditional(v int) bool {
	switch st.base(v) {
	case text.Advcl, text.Ccomp:
	default:
		return false
	}
	switch st.caseWord(v) {
	case "IF", "UNLESS", "WHETHER":
		return true
	}
	return false
}

// obligedBy reports whether verb v is the infinitive of an obligation or
// an arrangement, and the governing lemma: "had to speed up", "need to
// act", "ought to", "is to face trial" (BE), "is to be sentenced" (BE TO
// BE). Like a modal, but a verb.
func (st *sent) obligedBy(v int) (string, bool) {
	if st.caseWord(v) != "TO" {
		return "", false
	}
	for _, k := range st.children(v) {
		if st.base(k) == text.Cop && k < v {
			return "BE", true // "is to face trial" parsed with "is" as the copula
		}
		if st.base(k) == text.Aux && st.lemma(k) == "BE" && k < v && st.tok(k).XPOS != "VB" && st.key(k+1) == "TO" {
			return "BE TO BE", true // "is to be sentenced in June"
		}
	}
	if st.base(v) != text.Xcomp {
		return "", false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h > v {
		return "", false
	}
	switch l := st.lemma(h); l {
	case "HAVE", "NEED", "OUGHT", "BE":
		return l, true
	}
	return "", false
}

// irrealisCode reports whether an event code says that something is
// wanted rather than done: appeal (02), intend (03), demand (10), reject
// (12), threaten (13).
func irrealisCode(c string) bool {
	if len(c) < 2 {
		return false
	}
	switch c[:2] {
	case "02", "03", "10", "12", "13":
		return true
	}
	return false
}

func (st *sent) negated(v int) bool {
	for _, k := range st.children(v) {
		switch st.key(k) {
		case "NOT", "N'T", "NEVER":
			return true
		}
	}
	return false
}

// allegationNouns report or claim their that-clause without the writer
// vouching for it: "the New York Times report that Russians were paying
// bounties to the Taliban", "allegations that he took bribes". (Not
// "news that", "the fact that", which state it.)
var allegationNouns = map[string]bool{"REPORT": true, "CLAIM": true, "ALLEGATION": true, "ACCUSATION": true,
	"RUMOR": true, "RUMOUR": true, "SPECULATION": true, "SUGGESTION": true, "ASSERTION": true, "CHARGE": true,
	"THEORY": true, "BELIEF": true, "FEAR": true, "SUSPICION": true, "CONSPIRACY": true}

// allegedIn reports whether verb v heads the that-clause of a noun of
// report or claim: the content of the report, not an act the text
// asserts.
func (st *sent) allegedIn(v int) bool {
	if st.base(v) != text.Acl {
		return false
	}
	if relative := st.rel(v) == text.AclRelcl; relative && !st.contentRelative(v) || !relative && st.caseWord(v) != "THAT" {
		return false
	}
	h := st.head(v)
	return h >= st.lo && h < st.hi && st.tok(h).UPOS == text.NOUN && allegationNouns[st.lemma(h)]
}

// contentRelative reports whether relative clause v is a content clause
// the parser took for a relative one: its "that" fills a role the clause
// fills otherwise ("a report that Turkey attacked Syria", "that" parsed
// as the object of "attacked", which has Syria), so "that" relates
// nothing.
func (st *sent) contentRelative(v int) bool {
	that := -1
	for _, k := range st.children(v) {
		if st.key(k) == "THAT" {
			that = k
		}
	}
	if that < 0 {
		return false
	}
	for _, k := range st.children(v) {
		if k == that {
			continue
		}
		if st.rel(that).IsObject() && st.rel(k).IsObject() || st.rel(that).IsSubject() && st.rel(k).IsSubject() {
			return true
		}
	}
	return false
}

// planned reports whether v is a to-infinitive on a common noun that is
// not an agent: "Israel's scheme to destroy", "an attempt to force", "an
// accord to supply" describe plans, not events ("the army to attack"
// still codes).
func (st *sent) planned(v int) bool {
	if st.base(v) != text.Acl || st.rel(v) == text.AclRelcl || st.caseWord(v) != "TO" {
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi {
		return false
	}
	return st.tok(h).UPOS == text.NOUN && !st.scanPhrase(h).headAgent
}
