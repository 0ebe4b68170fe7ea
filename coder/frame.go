package coder

import (
	"slices"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Stage 2 of the coder: frames. A frame is one predicate of a sentence —
// a verb with a verb-dictionary entry, or a noun that names an event —
// with the sense its dictionary pattern gives it and its arguments: who
// acts (the subject, the by-agent of a passive, the controller of an
// infinitive, the noun a relative or reduced clause hangs on, each member
// of a coordination) and to whom (the object, the passive subject, a
// prepositional phrase, the subject of a reported clause), normalised
// across passive, control, relative clauses, conjunction and apposition.
// Actors come from the mentions of stage 1 (mention.go).

// frameKind says what kind of predicate a frame has.
type frameKind uint8

const (
	verbFrame   frameKind = iota // a verb: "Turkey attacked Syria"
	aspectFrame                  // an event noun under an aspectual verb: "resumed their bombing campaign"
	nounFrame                    // an event noun with its doer: "Israel's attack on Gaza"
	evalFrame                    // a quoted evaluation: "He was a dictator," said X (evaluation.go)
)

// frame is one predicate with its arguments, and what the later stages
// decide about it: whether it is asserted (stage 3), its code (stage 4).
type frame struct {
	kind frameKind
	// pred is the token of the verb or event noun, the evidence of the
	// frame's events; host is the verb whose clause the frame belongs to
	// (the aspectual verb of an aspectFrame, pred otherwise).
	pred, host int
	verb       *dict.Verb
	// best is the pattern that matched (nil: the verb's own code), m
	// what it matched, sense the code it gives.
	best    *dict.Pattern
	m       match
	sense   dict.Code
	pattern string
	conf    float64
	passive bool
	// sources and targets are the actors of the frame's two sides.
	sources, targets []entity
	// args says how they were found, for explanations.
	args string
	// own reports whether the predicate has a subject of its own (not an
	// infinitive or a participle), for the transformations.
	own bool

	as assertion // stage 3
	// finite reports whether the factuality model judged the predicate
	// (finite clauses, when a model is given); fact is its value.
	finite bool
	fact   float64
	code   dict.Code // stage 4: the code of the events, empty when none
	// coding says how the code was reached when it is not the sense.
	coding string
	// rule, when not nil, is the event a transformation makes of the
	// frame in place of its own.
	rule *ruleEvent
	// ruling reports a court's finding of unlawfulness (courtFinding),
	// an act done in the words that report it.
	ruling bool
	// decided reports an act whose infinitive a decision taken governs
	// ("Japan decided to ease sanctions"): asserted, the decision's own
	// event given up for it (intents).
	decided bool
	// outlook reports a statement of the speaker's own outlook
	// (ownOutlook), a comment made before no one in particular.
	outlook bool
	// committed reports an intent that a governing verb of commitment
	// (commitVerbs) stands for ("agreed to resign", intents).
	committed bool
}

// verbFrame builds the frame of verb v: its dictionary entry, the most
// specific pattern its dependents satisfy, and its sources and targets as
// that pattern places them. It returns nil (with the reason) for a token
// that is no coded verb.
func (st *sent) verbFrame(v int) (*frame, string) {
	t := st.tok(v)
	if t.UPOS != text.VERB {
		return nil, ""
	}
	if st.absorbed[v] {
		return nil, "coded by the pattern of the verb above"
	}
	e := st.findVerb(v)
	if e == nil {
		return nil, ""
	}
	f := &frame{kind: verbFrame, pred: v, host: v, verb: e, sense: e.Code, passive: st.isPassive(v) || st.reducedPassive(v)}
	f.m = match{source: -1, target: -1, score: -1, absorb: -1, noun: -1}
	vc := st.newVerbCtx(v)
	for _, p := range e.Block.Patterns {
		if mm, ok := st.matchPattern(v, p, vc); ok && mm.score > f.m.score {
			f.best, f.m = p, mm
		}
	}
	if f.best != nil {
		f.sense = f.best.Code
	}
	ruling := false
	if f.sense.IsNull() && st.courtFinding(v) {
		// "The Supreme Court ruled the prorogation was unlawful": a
		// court's finding that an act is unlawful is 116 Find guilty or
		// liable (legally), against whoever did the act.
		f.sense, ruling = dict.Code{Event: "116"}, true
	}
	if f.best == nil && st.lemma(v) == "DEFEND" && st.defendedStance(v) && st.c.opts.Modality == ModalityNews {
		// "Ambassador Cui Tiankai defended China's recent expansion of
		// reefs": what a state did or holds, defended, is 052 Defend
		// verbally, not the military protection (074) of a place.
		f.sense, f.coding = dict.Code{Event: "052"}, "a state's act or stance defended: 052, not military protection"
	}
	returned := false
	if f.sense.IsNull() {
		if to := st.propertyReturned(v); to >= 0 {
			// "ICE returned 12 human skulls to Peru": property given
			// back is 0842 Return, release property, to whom it goes.
			f.sense, f.coding = dict.Code{Event: "0842"}, "a thing returned to an actor: 0842"
			f.m.target, returned = to, true
		}
	}
	if f.sense.IsNull() {
		return nil, "the dictionary gives " + e.Word + " no code here"
	}
	if f.best == nil && st.lemma(v) == "FAIL" && st.c.opts.Modality == ModalityNews {
		// "failed to release the sailors": the infinitive's act, negated
		// (failedTo), is the event: not releasing them (1243), not the
		// bare failure (120) as well.
		for _, k := range st.childrenRel(v, text.Xcomp) {
			if st.caseWord(k) == "TO" && st.findVerb(k) != nil {
				return nil, "a failure to do what the infinitive says: that act, negated"
			}
		}
	}
	if f.best == nil && st.lemma(v) == "DEMONSTRATE" && len(st.childrenRel(v, text.Obj, text.Ccomp)) > 0 {
		// "the court demonstrated a shocking ignorance of the
		// technology", "it demonstrates that ...": showing, which the
		// verb means with an object or a clause; a demonstration of
		// protest has neither ("protesters demonstrated in Hong Kong").
		return nil, "showing something, not a demonstration (\"demonstrated a lack of\")"
	}
	if f.best == nil && !ruling && st.predicative(v) {
		if c, ok := st.characterization(f); !ok || c.IsNull() {
			return nil, "naming, not an act (\"calling it a part\")"
		}
		// "called the deal "lousy"": blame, coded by characterization.
	}
	if f.best == nil && strings.HasPrefix(f.sense.Event, "01") && st.namedAs(v) {
		return nil, "naming, not a statement to its object (\"announced Harris as his running mate\")"
	}
	m := f.m
	if m.absorb >= 0 {
		// The pattern coded the complement too: "agreed to hold talks" is
		// one event, not an agreement and a meeting.
		st.absorbed[m.absorb] = true
	}
	// The infinitive under a verb of wanting is what was threatened,
	// promised, urged or wanted, not something that happened: "threatened
	// to assassinate" is one event, a threat.
	if irrealisCode(f.sense.Event) {
		for _, k := range st.children(v) {
			if b := st.base(k); (b == text.Xcomp || b == text.Advcl) && st.caseWord(k) == "TO" && k > v {
				st.irrealis[k] = true
			}
			if st.rel(k).IsObject() {
				// "urged Eriador to respond" parsed with the infinitive
				// on the object.
				for _, a := range st.childrenRel(k, text.Acl) {
					if st.caseWord(a) == "TO" {
						st.irrealis[a] = true
					}
				}
			}
		}
	}
	f.pattern = e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "]"
	if ruling {
		f.pattern += "; a finding of unlawfulness [116]"
	}
	f.conf = 0.6
	if f.best != nil {
		f.pattern = f.best.File + ":" + strconv.Itoa(f.best.Line) + " " + e.Word + " " + f.best.Text
		f.conf = 0.8
	}
	passive := f.passive
	var sources, targets []entity
	var how []string
	switch {
	case m.source >= 0:
		sources = st.mention(m.source)
		how = append(how, "source from the pattern's $")
	case m.subjTgt:
	default:
		sources = st.sourceOf(v, 0)
		if len(sources) == 0 {
			sources = st.newActor(st.subjectOf(v))
		}
		if s := st.subjectOf(v); s >= 0 && instruments[st.lemma(s)] && !passive {
			// "Until recently, Pakistani law allowed the perpetrators of
			// honor killings to go unpunished": a law, a constitution or
			// a treaty says what may be done; it does nothing, and the
			// state its adjective names is not its subject.
			sources = nil
			how = append(how, "no source: the subject is a law or a rule, no actor")
		}
	}
	unidentified := false
	if len(sources) == 0 && forceCode(f.sense.Event) && !passive {
		if e := st.weaponUser(v); len(e) > 0 {
			sources = e
			how = append(how, "source: who fired or launched the weapon named as the subject")
		} else if e, ok := st.unidentified(v); ok {
			sources, unidentified = []entity{e}, true
			how = append(how, "source: the unidentified attackers of a violent act named as the subject")
		}
	}
	if s, ok := st.sender(v, m, vc); ok && len(sources) == 0 {
		// "Russian military police were dispatched to Aleppo": Russia
		// sent them.
		sources, m.target = s, st.destination(v)
		how = append(how, "source: the state whose forces were sent")
	}
	switch {
	case returned:
		targets = st.mentionDeep(m.target)
		how = append(how, "target: whom the thing is returned to")
	case m.target >= 0:
		targets = st.mentionDeep(m.target)
		how = append(how, "target from the pattern's +")
	case m.subjTgt:
		targets = st.subjectMention(v)
		how = append(how, "target: the subject (pattern + before the verb)")
	case f.best == nil && strings.HasPrefix(f.sense.Event, "01") && !passive:
		targets = st.statementTarget(v, sources)
		how = append(how, "target: addressee or topic actor of a statement")
	default:
		// In the object of an act that is no conflict (giving, sending,
		// deploying), that shows force (15: "sent troops to help the
		// Philippines army") or that reduces what the source gives
		// (cutting or suspending aid, 16), forces of no named state are
		// the source's own: "suspended military aid ... with Pakistan".
		own := !conflictCode(f.sense.Event) || strings.HasPrefix(f.sense.Event, "16") || strings.HasPrefix(f.sense.Event, "15")
		targets = st.targetOf(v, passive, sources, targetHints{unnamedOwn: own, patternNoun: f.m.noun, ownAct: !verbalCode(f.sense.Event),
			defence: strings.HasPrefix(f.sense.Event, "052")})
		if aidCode(f.sense.Event) && st.hostilePurpose(v, targets) {
			// "gave weapons to fight Ukraine": aid's recipient is not
			// whom its purpose fights.
			targets = nil
			how = append(how, "the object of a hostile purpose is no recipient of aid")
		}
		if len(targets) == 0 && st.reducedPassive(v) {
			if e := st.mention(st.head(v)); !sameAs(e, sources) {
				targets = e
				how = append(how, "target: the noun the participle describes")
			}
		}
		if len(targets) == 0 {
			targets = st.newActor(st.firstComplement(v, passive))
		}
		if len(targets) == 0 && aidCode(f.sense.Event) {
			// "Germany gave 352.5 million euros to promote private
			// investment ... in Ethiopia": aid given for a purpose goes
			// to whom the purpose names.
			if e := st.purposeBeneficiary(v, sources); len(e) > 0 {
				targets = e
				how = append(how, "target: whom the purpose of the aid names")
			} else if e, ok := st.aidPlace(v, sources); ok && strings.HasPrefix(f.sense.Event, "07") {
				targets = []entity{e}
				how = append(how, "target: the state of the place whose people the aid is for")
			}
		}
		if m.noun >= 0 && st.thingOnly(targets, m.noun) {
			// "sent troops to Syria", "began a military offensive into
			// Syria": what the pattern's noun names (troops, an
			// offensive) is what was sent or done; the target is where
			// or against whom. Without such a phrase the noun stays the
			// target ("fired his vice president").
			d := st.destination(v)
			if d < 0 {
				d = st.directedAt(m.noun)
			}
			if d < 0 && mutual(f.sense) && !strings.HasPrefix(f.sense.Event, "19") {
				// "shared intelligence with India": with whom one
				// cooperates (03-06) is the counterpart.
				for _, k := range st.children(v) {
					if st.rel(k).IsObliqueLike() && st.caseWord(k) == "WITH" {
						d = k
						break
					}
				}
			}
			if d >= 0 {
				if e := st.mentionDeep(d); len(e) > 0 {
					targets = e
					how = append(how, "target: where the pattern's noun was sent or directed")
				}
			} else if len(sources) > 1 && mutual(f.sense) && len(targets) > 0 && st.thingOnly(targets, m.noun) {
				// "The Russian and US navies began a joint military
				// exercise": what several sources do together is no
				// counterpart; they do it with each other.
				targets = nil
				how = append(how, "the pattern's noun is what the sources do together, not a counterpart")
			}
		}
	}
	if m.noun >= 0 && mutual(f.sense) && len(sources) > 0 {
		// "the Trump administration announced additional deals between
		// Israel and Bahrain": the pattern's noun is between others,
		// and its announcer is no party to it.
		if parties := st.betweenParties(m.noun); len(parties) > 0 && !overlaps(sources, parties) {
			return nil, "the pattern's noun is between others (" + parties[0].code + " ...), and the source is no party to it"
		}
	}
	if len(sources) == 0 && passive && st.lemma(v) == "IMPEACH" && len(targets) > 0 && len(targets[0].code) >= 3 && placeCode(targets[0].code[:3]) {
		// "Only two presidents have been impeached": no place needed;
		// an official is impeached by the legislature of their own
		// state (authority gives it when a place is known).
		t := targets[0]
		sources = []entity{{code: t.code[:3] + "LEG", head: -1, inferred: true, viaHow: "authority", viaSpan: t.span}}
		how = append(how, "source: the legislature of the impeached official's own state")
	}
	if len(sources) == 0 && passive && len(targets) > 0 && m.source < 0 && st.c.opts.Modality == ModalityNews {
		if e, ok := st.unknownAssailant(v, f.sense.Event, targets); ok {
			sources = []entity{e}
			how = append(how, "source: the unidentified assailant of an agentless passive of violence")
		}
	}
	if (len(targets) == 0 || len(targets) == 1 && targets[0].private()) && len(sources) == 1 && st.c.opts.Modality == ModalityNews {
		if e, ok := st.suspect(v, passive, sources[0]); ok {
			targets = []entity{e}
			how = append(how, "target: a person the dictionaries do not know whom a state's police or courts act on: a suspect of that state")
		}
	}
	if len(targets) == 0 && unidentified && len(st.childrenRel(v, text.Obj)) == 0 {
		// "The first bomb went off within the cathedral": an explosion
		// no one is named to have done and that hit no one named hits
		// the state it happened in, where its attackers were placed.
		src := sources[0]
		targets = []entity{{code: src.code[:3], head: -1, inferred: true, viaHow: "scene", viaSpan: src.viaSpan}}
	}
	if len(targets) == 0 && (f.sense.Event == "017" || f.sense.Event == "018") && st.c.opts.Modality == ModalityNews {
		// "Tributes were paid by world leaders", "Iran expressed its
		// condolences": in a report of a death, tributes and condolences
		// with no one named are for the dead.
		if e, ok := st.deceased(); ok && !sameAs([]entity{e}, sources) {
			targets = []entity{e}
			how = append(how, "target: the dead person the article reports")
		}
	}
	if len(targets) == 0 && m.noun >= 0 && (strings.HasPrefix(f.sense.Event, "01") || strings.HasPrefix(f.sense.Event, "11") || strings.HasPrefix(f.sense.Event, "12")) {
		// "denied all claims that Khashoggi was slain": a claim,
		// report or allegation the pattern names is about the subject
		// of its content clause.
		if e := st.contentSubject(m.noun, sources); len(e) > 0 {
			targets = e
			how = append(how, "target: the subject of what the pattern's noun says")
		}
	}
	if len(targets) == 0 && f.sense.Event == "015" && m.noun >= 0 {
		// "claimed responsibility for the Easter bombings that killed
		// more than 300 people in Sri Lanka": whom the claimed act hit,
		// as its relative clause says.
		if e := st.claimedVictims(v, m.noun, sources); len(e) > 0 {
			targets = e
			how = append(how, "target: whom the claimed act hit, by its relative clause")
		} else if e, ok := st.claimedForce(v, m.noun, sources); ok {
			targets = []entity{e}
		}
	}
	if len(targets) == 0 && strings.HasPrefix(f.sense.Event, "13") {
		// "Russia threatened to stop negotiations if the United States
		// goes ahead with ...": a conditional threat is made against
		// whoever the condition is about.
		if e := st.conditionActor(v, sources); len(e) > 0 {
			targets = e
			how = append(how, "target: the subject of the threat's condition")
		}
	}
	if strings.HasPrefix(f.sense.Event, "14") && m.target < 0 {
		// "Hundreds of protesters rallied in Tehran": where a protest
		// happens is its venue, not whom it is against; the family
		// needs no target. (A ceasefire "in Idlib" or a withdrawal
		// "from Iraq" keeps its place: it is the other side's.)
		kept := targets[:0:0]
		for _, t := range targets {
			if w := st.caseWord(t.head); !(locative[w] && w != "FROM" && len(t.code) == 3 && placeCode(t.code)) {
				kept = append(kept, t)
			}
		}
		targets = kept
	}
	if (strings.HasPrefix(f.sense.Event, "04") || f.sense.Event == "064") && m.target < 0 {
		// A meeting's counterpart is whom it is with, not what it is
		// about: "held a press conference discussing concerns about
		// Iranian and Russian interference" meets neither. So is that
		// of sharing information: "Trump and Putin have agreed to share
		// information on North Korea" share it with each other.
		kept := targets[:0:0]
		for _, t := range targets {
			// Where several actors meet is their venue, not a party:
			// "The US, Russia, and Switzerland met in Geneva", and so
			// is a plural group: "Leaders of African Union member
			// states met in Niamey". (One who arrives in a state visits
			// it: 040 in the PETRARCH unit tests.) A meeting "at" a
			// place is there, whoever meets: "has held talks at
			// Downing Street with the Irish premier".
			venue := st.caseWord(t.head) == "AT" || st.several(sources) && st.caseWord(t.head) == "IN"
			if !st.topicOf(v, t.head) && !venue {
				kept = append(kept, t)
			}
		}
		if len(kept) < len(targets) {
			how = append(how, "topics of the meeting or exchange dropped as counterparts")
			if len(kept) == 0 {
				// "held talks about Turkey with Iran": the with-phrase,
				// also on the pattern's noun ("held talks at Downing
				// Street with the Irish premier").
				kids := st.children(v)
				if m.noun >= st.lo && m.noun < st.hi {
					kids = append(slices.Clone(kids), st.children(m.noun)...)
				}
				for _, k := range kids {
					switch st.caseWord(k) {
					case "WITH", "BETWEEN", "AMONG":
						if e := st.mentionDeep(k); len(kept) == 0 && len(e) > 0 && !sameAs(e, sources) {
							kept = e
						}
					}
				}
			}
		}
		targets = kept
	}
	if m.target < 0 && len(st.childrenRel(v, text.Obj)) == 0 && f.best == nil && (f.sense.Event == "050" || f.sense.Event == "057") {
		// One who cooperates or collaborates "in" a place or a group
		// does it there, with no one named: "The people collaborate in
		// their own community".
		kept := targets[:0:0]
		for _, t := range targets {
			if w := st.caseWord(t.head); (w != "IN" && w != "AT") || st.head(t.head) != v {
				kept = append(kept, t)
			}
		}
		if len(kept) < len(targets) {
			how = append(how, "where the cooperation happens dropped as counterpart")
		}
		targets = kept
	}
	if len(sources) > 1 && m.target < 0 && (strings.HasPrefix(f.sense.Event, "03") || strings.HasPrefix(f.sense.Event, "05") ||
		strings.HasPrefix(f.sense.Event, "19") && len(st.childrenRel(v, text.Obj)) == 0) {
		// Where several actors agree or cooperate is their venue, as
		// for a meeting: "Russia and Turkey agreed on a ceasefire in
		// Idlib" is an agreement of the two, not with Syria. So is
		// where they clash or fight each other ("Russia and Ukraine
		// clashed in Donbas"), though not where they strike a target.
		kept := targets[:0:0]
		for _, t := range targets {
			if w := st.caseWord(t.head); !((w == "IN" || w == "AT") && len(t.code) == 3 && placeCode(t.code)) {
				kept = append(kept, t)
			}
		}
		if len(kept) < len(targets) {
			how = append(how, "the venue of a joint act (an agreement, cooperation, a clash) among its sources dropped as counterpart")
		}
		targets = kept
	}
	if verbalCode(f.sense.Event) && len(targets) > 0 {
		if a, ok := st.actAgent(v, targets, sources); ok {
			targets = a
			how = append(how, "target: the agent of the act its object names (a by-phrase), not what that act was done to")
		}
	}
	f.m = m
	if ruling && !judicial(sources) {
		return nil, "a finding of unlawfulness by no court: an opinion, not a ruling"
	}
	f.ruling = ruling
	f.sources, f.targets = sources, targets
	f.own = st.subjectOf(v) >= 0 || passive
	if st.dc.explain {
		f.args = st.describeArgs(f, how)
	}
	return f, ""
}

// defendedStance reports whether the object of DEFEND is something an
// actor named by its possessor did or holds ("China's recent expansion of
// reefs", "Brazil's air traffic control system", "Mexico's restrictive
// immigration policy"): a possessor that names an actor, and a head that
// names no actor or place itself and no territory or force that arms
// defend ("Ukraine's borders", "its troops").
func (st *sent) defendedStance(v int) bool {
	for _, o := range st.childrenRel(v, text.Obj) {
		if st.tok(o).UPOS != text.NOUN || guardedNouns[st.lemma(o)] {
			return false
		}
		for _, k := range st.children(o) {
			if st.rel(k) == text.NmodPoss && st.tok(k).UPOS != text.PRON && len(st.mention(k)) > 0 {
				return st.possessedOnly(o, k)
			}
		}
	}
	return false
}

// possessedOnly reports whether the actors of noun o's phrase are only
// those of its possessor k: "China's expansion" names China through
// "China's"; "China's ambassador" is an actor of its own.
func (st *sent) possessedOnly(o, k int) bool {
	ks := st.mention(k)
	for _, e := range st.mention(o) {
		if !slices.ContainsFunc(ks, func(x entity) bool { return x.code == e.code }) {
			return false
		}
	}
	return true
}

// guardedNouns are what armed forces defend: a state's ground, people and
// forces.
var guardedNouns = map[string]bool{"BORDER": true, "TERRITORY": true, "AIRSPACE": true, "WATER": true,
	"COAST": true, "SOIL": true, "CITIZEN": true, "PEOPLE": true, "FORCE": true, "TROOP": true, "BASE": true,
	"CITY": true, "CAPITAL": true, "EMBASSY": true, "HOMELAND": true, "FRONTIER": true, "ALLY": true}

// judgeVerbs are the verbs with which a court states its finding: "ruled
// the prorogation was unlawful", "found the law unconstitutional",
// "concluded that the advice was unlawful, void and of no effect".
var judgeVerbs = map[string]bool{"RULE": true, "FIND": true, "CONCLUDE": true, "DECLARE": true, "DEEM": true,
	"HOLD": true, "JUDGE": true}

// unlawfulWords are the predicates of a finding against an act or its
// doer.
var unlawfulWords = map[string]bool{"UNLAWFUL": true, "ILLEGAL": true, "UNCONSTITUTIONAL": true, "VOID": true,
	"INVALID": true, "GUILTY": true, "LIABLE": true}

// courtFinding reports whether verb v, a verb of judging, has a
// complement whose predicate (or one of its conjuncts) finds an act
// unlawful, not negated: "ruled ... the prorogation was unlawful", "found
// the prorogation to be unlawful", "found unconstitutional a 2005 law".
func (st *sent) courtFinding(v int) bool {
	if !judgeVerbs[st.lemma(v)] {
		return false
	}
	for _, k := range st.childrenRel(v, text.Ccomp, text.Xcomp) {
		preds := append([]int{k}, st.childrenRel(k, text.Conj)...)
		for _, p := range preds {
			if unlawfulWords[st.key(p)] {
				return !st.negated(k)
			}
		}
	}
	if len(st.childrenRel(v, text.Obj)) > 0 {
		// "ruled the United States federal government's practice of
		// registering men ... is unconstitutional", parsed with the
		// practice the verb's object and "is unconstitutional" a
		// conjunct of the verb with no subject of its own: the object is
		// what the finding is about.
		for _, p := range st.childrenRel(v, text.Conj) {
			if unlawfulWords[st.key(p)] && len(st.childrenRel(p, text.Cop)) > 0 && st.subjectOf(p) < 0 {
				return !st.negated(p)
			}
		}
	}
	return false
}

// returnVerbs give back what was taken.
var returnVerbs = map[string]bool{"RETURN": true, "REPATRIATE": true}

// notProperty are the objects of "return" that are no thing handed over:
// "returned fire", "returned the favour", "returned power to civilians".
var notProperty = map[string]bool{"FIRE": true, "FAVOUR": true, "FAVOR": true, "CALL": true, "VISIT": true,
	"POWER": true, "CONTROL": true, "HOME": true, "ATTENTION": true, "SERVE": true}

// propertyReturned reports whether verb v, a verb of returning with no
// pattern of its own, gives a thing back to an actor, and returns the
// to-phrase that names the actor, or -1: its object (or the
// subject of its passive) names no actor, no group of people and no
// pronoun, and a to-phrase names an actor ("The US authorities returned
// the wild monkeys to the Democratic Republic of the Congo", "a
// sarcophagus was returned to Egypt by ICE"). Upstream's RETURN block
// codes a few such objects by name (PROPERTY, ARTWORK, EQUIPMENT) and has
// no code for the verb alone; people returned are refugees or deportees,
// not property.
func (st *sent) propertyReturned(v int) int {
	if !returnVerbs[st.lemma(v)] {
		return -1
	}
	theme := -1
	for _, k := range st.children(v) {
		if r := st.rel(k); r == text.Obj || r.IsPassiveSubject() {
			theme = k
			break
		}
	}
	if theme < 0 || st.tok(theme).UPOS == text.PRON || st.tok(theme).UPOS == text.PROPN || notProperty[st.key(theme)] {
		return -1
	}
	// The head names no actor or group; a modifier may name a country
	// ("an ancient Egyptian sarcophagus").
	pi := st.scanPhrase(theme)
	if pi.headAgent {
		return -1
	}
	for _, a := range pi.actors {
		if a.tok == theme {
			return -1
		}
	}
	// The to-phrase is the verb's, or parsed inside the object ("returned
	// the wild monkeys to the Congo", "returned dozens of Mayan artifacts
	// to the Embassy of El Salvador", "a silver pendant engraved with the
	// image of Peter the Great to Russian authorities").
	isTo := func(k int) bool {
		return (st.base(k) == text.Obl || st.base(k) == text.Nmod) && st.caseWord(k) == "TO" && len(st.mentionDeep(k)) > 0
	}
	for _, k := range st.children(v) {
		if isTo(k) {
			return k
		}
	}
	queue := []int{theme}
	for n := 0; len(queue) > 0 && n < 32; n++ {
		x := queue[0]
		queue = queue[1:]
		for _, k := range st.children(x) {
			if isTo(k) {
				return k
			}
			// A relative clause on the thing too: "12 human skulls that
			// date back to A.D. 640-890 to Peru", "the image of Peter the
			// Great to Russian authorities" ("Great" read as a relative
			// clause), where the parser hangs the to-phrase inside it.
			if r := st.rel(k); r.Base() == text.Nmod || r.Base() == text.Acl || r.Base() == text.Obl || r.Base() == text.Flat || r.Base() == text.Appos {
				queue = append(queue, k)
			}
		}
	}
	return -1
}

// judicial reports whether one of es is a court or a judge (JUD).
func judicial(es []entity) bool {
	for _, e := range es {
		if len(e.code) >= 6 && strings.Contains(e.code[3:], "JUD") {
			return true
		}
	}
	return false
}

// hostilePurpose reports whether targets were found in the object of a
// purpose clause of v whose verb is hostile ("to fight", "to attack").
func (st *sent) hostilePurpose(v int, targets []entity) bool {
	for _, t := range targets {
		for x, n := t.head, 0; x >= st.lo && x < st.hi && x != v && n < maxDepth; x, n = st.head(x), n+1 {
			if st.head(x) == v && (st.base(x) == text.Advcl || st.base(x) == text.Xcomp) && st.caseWord(x) == "TO" {
				if e := st.findVerb(x); e != nil && len(e.Code.Event) >= 2 && e.Code.Event[:2] >= "14" && e.Code.Event[:2] <= "20" { // material conflict
					return true
				}
				break
			}
		}
	}
	return false
}

// aidCode reports whether code gives material cooperation or aid (06, 07).
func aidCode(code string) bool {
	return strings.HasPrefix(code, "06") || strings.HasPrefix(code, "07")
}

// benefitVerbs are the purposes whose object aid goes to ("to support",
// "to help", "to rebuild"), unlike "to fight".
var benefitVerbs = map[string]bool{"SUPPORT": true, "HELP": true, "ASSIST": true, "PROMOTE": true, "BENEFIT": true,
	"AID": true, "REBUILD": true, "RECONSTRUCT": true, "DEVELOP": true, "STRENGTHEN": true, "FUND": true,
	"FINANCE": true, "FEED": true, "RELIEVE": true, "BOOST": true, "EQUIP": true, "TRAIN": true}

// purposeBeneficiary returns the actors the purpose clause of verb v
// names when the purpose is to benefit them ("gave money to promote
// development in Ethiopia", "to help the Philippines army"): the first
// actor among its objects and obliques, other than sources.
func (st *sent) purposeBeneficiary(v int, sources []entity) []entity {
	for _, c := range st.children(v) {
		if b := st.base(c); (b != text.Advcl && b != text.Xcomp) || st.caseWord(c) != "TO" || c < v || !benefitVerbs[st.lemma(c)] {
			continue
		}
		for _, o := range st.children(c) {
			r := st.rel(o)
			if !(r.IsObject() || r.IsObliqueLike()) || r == text.OblAgent || unmarked(r) || notTarget[st.caseWord(o)] {
				continue
			}
			if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) && !ownOrgan(e, sources) {
				return e
			}
		}
	}
	return nil
}

// aidPlace gives the target of aid that names no recipient: the state of
// the first place named in what is given or in the aid's purpose,
// through their modifiers and clauses, other than the source's own:
// "$33 million in additional assistance to populations affected by
// Tropical Cyclone Idai in Mozambique", "€28 million this year to pay for
// humanitarian aid for those affected in Yemen", "a sixfold increase in
// funding to fight the Ebola epidemic in West Africa". Aid is given to
// the people of a place, whom CAMEO codes by their state. Not a place of
// time ("in 2010") nor one the source acts from.
func (st *sent) aidPlace(v int, sources []entity) (entity, bool) {
	var roots []int
	for _, c := range st.children(v) {
		switch b := st.base(c); {
		case st.rel(c).IsObject():
			roots = append(roots, c)
		case (b == text.Advcl || b == text.Xcomp) && st.caseWord(c) == "TO" && c > v:
			roots = append(roots, c)
		}
	}
	for _, r := range roots {
		lo, hi := st.span(r, func(k int) bool { return st.base(k) != text.Punct })
		for _, e := range st.occurrences {
			if e.head < lo || e.head > hi || e.inferred || len(e.code) != 3 || !placeCode(e.code) ||
				overlaps([]entity{e}, sources) || st.caseWord(e.head) == "FROM" {
				continue
			}
			return e, true
		}
	}
	return entity{}, false
}

// reducedPassive reports whether verb v is a past participle modifying a
// noun ("militias associated with Iran", "the missiles fired by the
// army"): a passive clause without its auxiliary.
func (st *sent) reducedPassive(v int) bool {
	if st.conjPassive(v) {
		return true
	}
	if st.base(v) != text.Acl || st.rel(v) == text.AclRelcl || st.caseWord(v) != "" {
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h > v || st.tok(h).UPOS == text.VERB {
		return false
	}
	// A participle with an object is a finite verb the parser hung on a
	// noun ("the House of Representatives impeached President Trump").
	return st.tok(v).XPOS == "VBN" && len(st.childrenRel(v, text.Obj)) == 0
}

// conjPassive reports whether verb v is a past participle joined to a
// clause with no auxiliary, subject or object of its own: a reduced
// passive whose subject is the clause's, what was done to it ("An
// Australian ... appeared in court yesterday, charged with one count of
// murder"; "was found dead, shot in the head"), set off by a comma. A
// participle joined by "and", or that shares its head's perfect
// auxiliary, is active ("dropped his guns and surrendered", which the
// tagger may read as a participle; "has met Putin and signed a deal").
func (st *sent) conjPassive(v int) bool {
	if st.tok(v).XPOS != "VBN" || st.caseWord(v) != "" {
		return false
	}
	switch st.base(v) {
	case text.Conj, text.Advcl:
	default:
		return false
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h > v || st.tok(h).UPOS != text.VERB {
		return false
	}
	if v == st.lo || st.key(v-1) != "," {
		return false // "dropped his guns and surrendered": a past tense the tagger read as a participle
	}
	for _, k := range st.children(v) {
		switch r := st.rel(k); {
		case r.IsSubject(), r.Base() == text.Aux, r == text.AuxPass, r.Base() == text.Obj, r.Base() == text.Cc:
			return false
		}
	}
	for _, k := range st.children(h) {
		if st.base(k) == text.Aux && st.lemma(k) == "HAVE" {
			return false
		}
	}
	return true
}

// topicPreps introduce what a meeting or a talk is about.
var topicPreps = map[string]bool{"ABOUT": true, "ON": true, "OVER": true, "REGARDING": true, "CONCERNING": true, "INTO": true}

// topicOf reports whether token h, an argument of verb v, is what v's act
// is about rather than who takes part: on the way up from h to v lies a
// topic preposition's phrase or a clause on a noun ("a conference
// discussing ...").
func (st *sent) topicOf(v, h int) bool {
	for x, n := h, 0; x >= st.lo && x < st.hi && x != v && n < maxDepth; x, n = st.head(x), n+1 {
		if topicPreps[st.caseWord(x)] || st.base(x) == text.Acl {
			return true
		}
	}
	return false
}

// describeArgs says in words how a frame's sides were found: the
// dependency path from the predicate to each side's head.
func (st *sent) describeArgs(f *frame, how []string) string {
	var b strings.Builder
	b.WriteString(strconv.Quote(st.doc.Form(f.pred)))
	if f.passive {
		b.WriteString(" (passive)")
	}
	side := func(name string, es []entity) {
		for _, e := range es {
			switch e.viaHow {
			case "authority":
				b.WriteString("; " + name + " " + e.code + ": the authority that does this act, in the state of " + strconv.Quote(st.spanText(e.viaSpan)))
				continue
			case "assailant":
				b.WriteString("; " + name + " " + e.code + ": an unidentified assailant, in the state of " + strconv.Quote(st.spanText(e.viaSpan)))
				continue
			case "scene":
				b.WriteString("; " + name + " " + e.code + ": the state where it happened, by " + strconv.Quote(st.spanText(e.viaSpan)))
				continue
			case "restated":
				b.WriteString("; " + name + " " + e.code + ": " + strconv.Quote(st.spanText(e.viaSpan)) + ", the " + name + " of the act of force the article coded before")
				continue
			case "deceased":
				b.WriteString("; " + name + " " + e.code + ": " + strconv.Quote(st.spanText(e.viaSpan)) + ", whose death the article reports")
				continue
			}
			b.WriteString("; " + name + " " + strconv.Quote(st.spanText(e.span)) + " via " + st.path(f.host, e.head))
		}
	}
	side("source", f.sources)
	side("target", f.targets)
	for _, h := range how {
		b.WriteString("; " + h)
	}
	return b.String()
}

// path describes how token h hangs from token v: the relations down from
// v ("obj", "ccomp>nsubj"), or up and down through their common ancestor
// ("^xcomp^ nsubj"), or "outside" when h is not in the sentence's tree
// near v (an actor from an earlier sentence).
func (st *sent) path(v, h int) string {
	if h < st.lo || h >= st.hi {
		return "an earlier sentence"
	}
	up := map[int]int{} // ancestor of v -> steps
	var upRels []string
	for x, n := v, 0; x >= st.lo && x < st.hi && n < maxDepth; x, n = st.head(x), n+1 {
		up[x] = n
		upRels = append(upRels, string(st.rel(x)))
	}
	var down []string
	for x, n := h, 0; x >= st.lo && x < st.hi && n < maxDepth; x, n = st.head(x), n+1 {
		if k, ok := up[x]; ok {
			var b strings.Builder
			for i := 0; i < k; i++ {
				b.WriteString("^" + upRels[i] + " ")
			}
			for i := len(down) - 1; i >= 0; i-- {
				b.WriteString(down[i])
				if i > 0 {
					b.WriteString(">")
				}
			}
			if b.Len() == 0 {
				return "the predicate itself"
			}
			return strings.TrimSpace(b.String())
		}
		down = append(down, string(st.rel(x)))
	}
	return "outside the predicate's tree"
}

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

// childrenRel2 is childrenRel for each of heads in turn.
func (st *sent) childrenRel2(heads []int, bases ...text.DepRel) []int {
	var out []int
	for _, h := range heads {
		out = append(out, st.childrenRel(h, bases...)...)
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

// statementTarget finds whom a statement (codes 01x) by verb v is addressed
// to or about, conservatively: an object that names an actor itself ("told
// Assad"; news media are the channel, see channelTarget), a phrase with to/with/against/about ("spoke to
// Assad"), or the subject of the reported clause when it names an actor
// itself ("said Turkey attacked"). Actors deeper in the statement's content
// ("an agreement on a cease-fire on the entire territory of Syria should be
// reached", "announced a new initiative for the Gulf of Oman") are what it
// is about only loosely, and places and media it was made in or on ("said
// on live television") are not its target. Agent-only phrases (---MIL, "a
// naval coalition") are the content of an announcement, not its target.
func (st *sent) statementTarget(v int, sources []entity) []entity {
	ok := func(e []entity) bool {
		if len(e) == 0 || sameAs(e, sources) {
			return false
		}
		for _, x := range e {
			// Agent-only phrases, also with a country taken from the
			// places around them ("said children around the world ..."),
			// are the content, not the addressee.
			if strings.HasPrefix(x.code, "---") || x.viaHow == "place" {
				return false
			}
		}
		return true
	}
	kids := st.children(v)
	for _, k := range kids {
		if r := st.rel(k); (r.IsObject() || r.Base() == text.Iobj) && !st.commaObject(v, k) {
			if st.ownedBy(k, sources) {
				// "said his Labour Party \"[are] eager ...\"", the
				// party parsed as the object: his own group.
				return nil
			}
			if e := st.mention(k); ok(e) {
				return e
			}
			switch st.key(k) {
			case "ME", "US", "YOU":
				// "She told me that the police are not good": said to
				// the writer or the reader, who are no actors; the
				// police are what it is about, not whom it is to.
				return nil
			}
		}
	}
	for _, k := range kids {
		if !st.rel(k).IsObliqueLike() {
			continue
		}
		switch st.caseWord(k) {
		case "TO", "WITH", "AGAINST", "ABOUT":
			if st.hasCase(k, "ACCORDING") {
				continue
			}
			if e := st.mention(k); ok(e) {
				return e
			}
		}
	}
	for _, k := range kids {
		// "commented on Luk's death", "spoke about the collaboration
		// between his agency and SpaceX": the person or body a comment's
		// topic names, through its possessor or its of-phrase.
		if !st.rel(k).IsObliqueLike() || st.timePhrase(k) || k < v {
			continue
		}
		switch w := st.caseWord(k); w {
		case "ON", "ABOUT", "REGARDING", "CONCERNING", "OF":
			// "On" is a topic only of a comment ("said on the
			// parliament floor", "on Voice of America" are where), "of"
			// only of speaking.
			if w == "OF" && st.lemma(v) != "SPEAK" && st.lemma(v) != "TALK" || w == "ON" && !commentOn[st.lemma(v)] {
				continue
			}
			if e := st.topicActor(k); ok(e) && !st.ownedBy(k, sources) {
				return e
			}
		}
	}
	for _, k := range kids {
		switch st.rel(k).Base() {
		case text.Ccomp, text.Xcomp:
			// The reported clause's subject, else a directed modifier of
			// its subject or object one level down ("an arms embargo
			// against Mordor would not work", "he has satisfaction toward
			// Gondor").
			var phrases []int
			for _, s := range st.children(k) {
				// Not a counted group that something was done to: that
				// is a casualty report ("Armenia claimed 790 Azerbaijani
				// soldiers had been killed"), not a statement to or about
				// Azerbaijan's army; "said Navalny was poisoned" is about
				// Navalny.
				if r := st.rel(s); r.IsSubject() && !(r.IsPassiveSubject() && len(st.childrenRel(s, text.Nummod)) > 0) {
					// The subject names the actor itself ("Turkey",
					// "the president of Syria"), not an event of it
					// ("the army's defeat of rebels").
					if e := st.mention(s); ok(e) && st.namesActor(s) && !st.ownedBy(s, sources) {
						return e
					}
					// "UNESCO also said that this change would require its
					// approval": a definite act noun is the act the article
					// leads with, the statement about its doer.
					if r, found := st.actRef(s); found && ok([]entity{r}) {
						lo, hi := st.phraseSpan(s)
						return []entity{{code: r.code, entry: r.entry, head: s, inferred: true,
							span: text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End}, viaHow: "act-ref", viaSpan: r.span}}
					}
					// What another must do: an obligation is a demand on
					// whom its subject's phrase names, though the subject
					// is an act or a group in a place ("the brutal
					// oppression of the Venezuelan people must end", "all
					// political forces in Yemen must provide support").
					if m, _ := st.modal(k); m == "MUST" {
						if e := st.mentionDeep(s); len(e) > 0 && !strings.HasPrefix(e[0].code, "---") && !sameAs(e, sources) && !st.ownedBy(s, sources) {
							return e
						}
					}
					// A name known by its title: "Russian opposition
					// leader Alexei Navalny".
					for _, d := range st.children(s) {
						if r := st.rel(d); r.Base() == text.Appos || r.Subtype() == "desc" {
							if e := st.mention(d); ok(e) && st.namesActor(d) {
								return e
							}
						}
					}
					phrases = append(phrases, s)
				}
			}
			phrases = append(phrases, st.childrenRel(k, text.Obj)...)
			phrases = append(phrases, k)
			for _, p := range phrases {
				for _, m := range st.childrenRel(p, text.Nmod, text.Obl) {
					switch w := st.caseWord(m); w {
					case "AGAINST", "TOWARD", "TOWARDS", "WITH", "TO", "ON", "ABOUT", "OF", "OVER":
						evaluation := p == k && evalAdjectives[st.lemma(k)]
						if (w == "ABOUT" || w == "OF" || w == "OVER") && !evaluation {
							continue
						}
						// A thing described by a country's adjective is
						// no actor the statement is about: "comparable
						// to the European and North American trade
						// blocs" is not about North America. What one
						// is skeptical or hopeful about is that
						// country's, though: "skeptical of a Russian
						// announcement".
						if e := st.mention(m); ok(e) && (evaluation || !st.adjectivesOfThing(m, e)) {
							return e
						}
					}
				}
			}
		}
	}
	return nil
}

// commentOn are the verbs whose on-phrase is their topic: "commented on
// Luk's death".
var commentOn = map[string]bool{"COMMENT": true, "REMARK": true, "REFLECT": true, "ELABORATE": true}

// topicActor returns the actors a comment's topic phrase k names: the
// phrase itself ("about Iran"), else its possessor or a modifier with of
// or between ("on Luk's death", "about the collaboration between his
// agency and SpaceX"), named actors only (no agent alone, no place).
func (st *sent) topicActor(k int) []entity {
	named := func(e []entity) bool {
		for _, x := range e {
			if strings.HasPrefix(x.code, "---") || x.viaHow == "place" || x.locative {
				return false
			}
		}
		return len(e) > 0
	}
	if e := st.mention(k); named(e) {
		return e
	}
	for _, m := range st.children(k) {
		r := st.rel(m)
		if r == text.NmodPoss || r.Base() == text.Nmod && (st.caseWord(m) == "OF" || st.caseWord(m) == "BETWEEN") {
			if e := st.mention(m); named(e) {
				return e
			}
		}
	}
	return nil
}

// evalAdjectives judge what their about-, of- or over-phrase names, in a
// statement's reported clause: "said it is skeptical of a Russian
// announcement" (a statement about Russia), "is optimistic about the
// talks with Iran".
var evalAdjectives = map[string]bool{"SKEPTICAL": true, "SCEPTICAL": true, "PESSIMISTIC": true,
	"OPTIMISTIC": true, "HOPEFUL": true, "CONCERNED": true, "WORRIED": true, "WARY": true, "SUSPICIOUS": true,
	"CRITICAL": true, "CONFIDENT": true, "DOUBTFUL": true, "ANGRY": true, "DISAPPOINTED": true, "PLEASED": true,
	"HAPPY": true, "PROUD": true, "GRATEFUL": true, "SATISFIED": true, "UPSET": true, "FURIOUS": true}

// hasCase reports whether k has the case word w among its case children
// ("according to": the parser hangs both words on the noun).
func (st *sent) hasCase(k int, w string) bool {
	for _, c := range st.children(k) {
		if st.base(c) == text.Case && st.key(c) == w {
			return true
		}
	}
	return false
}

// commaObject reports whether object k of verb v is cut off from it by a
// comma while v heads a subordinate clause: in "Even as they spoke, rebel
// groups ... started shelling", "rebel groups" is the subject of the main
// clause that the parser hung on "spoke", not what was spoken to. English
// does not put a comma between a verb and its object.
func (st *sent) commaObject(v, k int) bool {
	if k < v {
		return false
	}
	sub := false
	for _, m := range st.children(v) {
		if st.base(m) == text.Mark && m < v {
			sub = true
		}
	}
	if !sub {
		return false
	}
	start, _ := st.span(k, func(int) bool { return true })
	for i := v + 1; i < start; i++ {
		if st.key(i) == "," {
			return true
		}
	}
	return false
}

// adjectivesOfThing reports whether the actors es of phrase m come only
// from adjectives of a noun that names no actor: "the European and North
// American trade blocs" describes blocs, not Europe or North America.
func (st *sent) adjectivesOfThing(m int, es []entity) bool {
	if st.tok(m).UPOS != text.NOUN || st.scanPhrase(m).headAgent || len(es) == 0 {
		return false
	}
	adj := false
	for _, c := range st.children(m) {
		switch st.base(c) {
		case text.Amod:
			adj = adj || st.tok(c).UPOS == text.ADJ
		case text.Det, text.Case, text.Punct, text.Cc:
		default:
			for _, x := range st.mention(c) {
				if x.code != "" {
					return false // "the escalation of military conflict in Syria"
				}
			}
		}
	}
	return adj
}

// namesActor reports whether the phrase headed by h names an actor in its
// own words or is headed by an agent ("Turkey", "the president of Syria"),
// rather than naming an event or a thing that actors are attached to ("the
// army's defeat of rebels", "a cease-fire on the territory of Syria").
func (st *sent) namesActor(h int) bool {
	if st.tok(h).UPOS == text.PROPN {
		return true // a name: "Russian opposition leader Alexei Navalny"
	}
	pi := st.scanPhrase(h)
	return len(pi.actors) > 0 || pi.headAgent
}

// ownMention returns the actors of noun h without those of its
// conjuncts: the antecedent of a relative pronoun is the noun the clause
// hangs on ("both Iran, which backs the regime, and Turkey": Iran).
func (st *sent) ownMention(h int) []entity {
	all := st.mention(h)
	lo, hi := st.phraseSpan(h)
	a, b := st.tok(lo).Start, st.tok(hi).End
	var own []entity
	for _, e := range all {
		if int32(e.span.Start) >= a && int32(e.span.End) <= b {
			own = append(own, e)
		}
	}
	if len(own) == 0 {
		return all
	}
	return own
}

// subjectDeep returns the actors of an abstract subject's modifiers that
// take part in what it names: "resumption of ties between Arnor and
// Gondor", "an attack by Osgiliath". Modifiers of topic, time or place ("the
// statement tonight on Syria", "talks after the war in Syria") are not
// the ones acting.
func (st *sent) subjectDeep(h int) []entity {
	return st.firstMention(h, func(x, k int) []int {
		r := st.rel(k)
		switch r.Base() {
		case text.Conj, text.Compound:
			return []int{k}
		case text.Nmod, text.Obl:
			if r == text.NmodPoss && st.tok(k).UPOS == text.PRON {
				return nil
			}
			switch st.caseWord(k) {
			case "OF", "BETWEEN", "BY", "FROM", "AMONG", "WITH", "'S", "":
				return []int{k}
			}
		}
		return nil
	}, nil)
}

// innerSubject reports whether v has a subject other than an outer one
// (nsubj:outer, the subject of a copular frame around the clause).
func (st *sent) innerSubject(v int) bool {
	for _, k := range st.children(v) {
		if r := st.rel(k); r.IsSubject() && r.Subtype() != "outer" {
			return true
		}
	}
	return false
}

// byAgent returns the by-agent of passive verb v ("was condemned by
// Egypt"), or -1.
func (st *sent) byAgent(v int) int {
	for _, k := range st.children(v) {
		if r := st.rel(k); r == text.OblAgent || (r.IsObliqueLike() && st.caseWord(k) == "BY") {
			return k
		}
	}
	return -1
}

// destination returns the to/into phrase of verb v ("dispatched to
// Aleppo"), or -1.
func (st *sent) destination(v int) int {
	for _, k := range st.children(v) {
		if st.rel(k).IsObliqueLike() {
			switch st.caseWord(k) {
			case "TO", "INTO":
				return k
			}
		}
	}
	return -1
}

// contentSubject returns the actors of the subject of the content clause
// of noun n ("claims that Khashoggi was slain"), other than sources.
func (st *sent) contentSubject(n int, sources []entity) []entity {
	for _, k := range st.children(n) {
		if st.base(k) != text.Acl || st.caseWord(k) != "THAT" {
			continue
		}
		for _, c := range st.children(k) {
			if st.rel(c).IsSubject() {
				if e := st.mention(c); len(e) > 0 && !sameAs(e, sources) {
					return e
				}
			}
		}
	}
	return nil
}

// claimedVictims finds whom the act claimed by verb v hit, when the
// claim names the act by a noun in a for-phrase (on v or on n, the
// pattern's noun "responsibility") with a relative clause: the actors of
// the clause's object, else of its obliques that are not time or place
// words around the act ("killed more than 300 people in Sri Lanka": the
// people have no country of their own, Sri Lanka is the target), other
// than the sources.
func (st *sent) claimedVictims(v, n int, sources []entity) []entity {
	for _, h := range []int{v, n} {
		for _, act := range st.children(h) {
			if !st.rel(act).IsObliqueLike() || st.caseWord(act) != "FOR" {
				continue
			}
			for _, rc := range st.children(act) {
				if st.rel(rc) != text.AclRelcl {
					continue
				}
				// "which killed and injured dozens of people": the
				// clause's conjoined verbs share what they hit.
				// (A conjunct noun is an object the parser split off:
				// "killed and injured dozens", "injured" read as an
				// adjective.)
				verbs := []int{rc}
				var nouns []int
				for _, c := range st.childrenRel(rc, text.Conj) {
					if st.tok(c).UPOS == text.NOUN {
						nouns = append(nouns, c)
					} else {
						verbs = append(verbs, c)
					}
				}
				for _, cands := range [][]int{append(st.childrenRel2(verbs, text.Obj), nouns...), st.childrenRel2(verbs, text.Obl)} {
					for _, o := range cands {
						if notTarget[st.caseWord(o)] || unmarked(st.rel(o)) {
							continue
						}
						if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) && !strings.HasPrefix(e[0].code, "---") {
							return e
						}
					}
				}
			}
		}
	}
	return nil
}

// betweenParties returns the actors with a country or an organisation of
// the between-phrase of noun n ("a deal between Israel and Bahrain").
func (st *sent) betweenParties(n int) []entity {
	var out []entity
	for _, k := range st.children(n) {
		if st.rel(k).IsObliqueLike() && st.caseWord(k) == "BETWEEN" {
			for _, e := range st.mention(k) {
				if !strings.HasPrefix(e.code, "---") {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// overlaps reports whether one of a has the code, or the state, of one
// of b.
func overlaps(a, b []entity) bool {
	for _, x := range a {
		for _, y := range b {
			if x.code == y.code || len(x.code) >= 3 && len(y.code) >= 3 && x.code[:3] == y.code[:3] {
				return true
			}
		}
	}
	return false
}

// claimedForce gives the target of a claim of responsibility that names
// no act of its own: the target of the last act of force (18-20) the
// article coded before it, which the claim is for. "The Islamic State ...
// subsequently claimed responsibility" after "Twin bombings yesterday
// struck the Jolo Cathedral in Mindanao" claims the bombings of the
// Philippines. The claim names no act when its noun ("responsibility",
// "credit") has no for-phrase, or one that restates an act (attackRef:
// "for the attack"), as does a claimed "attack" with no modifier ("The
// attack was claimed by the Houthi movement"). Not a side that is the
// claimant itself.
func (st *sent) claimedForce(v, n int, sources []entity) (entity, bool) {
	t := st.dc.force.target
	if st.dc.force.code == "" || t.null() || strings.HasPrefix(t.code, "---") || sameAs([]entity{t}, sources) {
		return entity{}, false
	}
	if _, ok := st.attackRef(n); violentActs[st.lemma(n)] && !ok {
		return entity{}, false // "the attack on Gaza was claimed": an act of its own
	}
	for _, h := range []int{v, n} {
		for _, k := range st.children(h) {
			if _, ok := st.attackRef(k); st.rel(k).IsObliqueLike() && st.caseWord(k) == "FOR" && !ok {
				return entity{}, false // "for the kidnapping of ...": an act of its own
			}
		}
	}
	t.viaHow, t.inferred = "restated", true
	if t.viaSpan.End <= t.viaSpan.Start {
		t.viaSpan = t.span
	}
	return t, true
}

// directedAt returns the to/into/on/against modifier of noun n ("an
// offensive into Syria", "strikes on Idlib"), or -1.
func (st *sent) directedAt(n int) int {
	for _, k := range st.children(n) {
		if st.rel(k).Base() == text.Nmod {
			switch st.caseWord(k) {
			case "TO", "INTO", "ON", "AGAINST":
				return k
			}
		}
	}
	return -1
}

// armedOrgans are the roles whose members a state sends: its military
// and its police.
var armedOrgans = map[string]bool{"MIL": true, "COP": true}

// sender finds who sent the subject of a passive without a by-agent whose
// pattern matched that subject as its object ("Russian military police
// were dispatched to Aleppo" with SEND * &MILITARY): the state whose armed
// organ it is. Rebels, civilians and unnamed forces have no sender here.
func (st *sent) sender(v int, m match, vc *verbCtx) ([]entity, bool) {
	if vc.theme < 0 || m.noun != vc.theme {
		return nil, false
	}
	es := st.mention(vc.theme)
	if len(es) != 1 {
		return nil, false
	}
	e := es[0]
	if len(e.code) < 6 || !placeCode(e.code[:3]) || !armedOrgans[e.code[3:6]] || e.inferred {
		return nil, false
	}
	span := e.span
	return []entity{{code: e.code[:3], span: span, head: vc.theme, entry: e.entry, viaHow: "sender", viaSpan: span, inferred: true}}, true
}

func (st *sent) isPassive(v int) bool {
	for _, k := range st.children(v) {
		r := st.rel(k)
		if r.IsPassiveSubject() || r == text.AuxPass {
			return true
		}
	}
	return false
}

// subjectMention returns the actors of v's own subject.
func (st *sent) subjectMention(v int) []entity {
	for _, k := range st.children(v) {
		if st.rel(k).IsSubject() {
			return st.mention(k)
		}
	}
	return nil
}

var relPronouns = map[string]bool{"WHO": true, "WHICH": true, "THAT": true, "WHOM": true}

// sourceOf finds the source of verb v: its active subject, the by-agent of
// a passive, or the subject (or, for "urged X to ...", the object) of the
// verb that governs an infinitive or a coordinated verb.
func (st *sent) sourceOf(v int, depth int) []entity {
	if depth > 8 {
		return nil
	}
	// A passive auxiliary marks a passive even when the subject is shared
	// with a coordinated clause ("Turkey is under sanctions and was
	// condemned by Egypt"): that subject is what was done to, not the
	// source.
	passive := st.isPassive(v) || st.conjPassive(v)
	for _, k := range st.children(v) {
		r := st.rel(k)
		if r.IsPassiveSubject() {
			passive = true
			continue
		}
		if r.IsSubject() {
			if r.Subtype() == "outer" && st.innerSubject(v) {
				continue // "The accusation against Biden is that he called for ...": he
			}
			if relPronouns[st.key(k)] && st.rel(v) == text.AclRelcl {
				return st.ownMention(st.head(v))
			}
			if more := st.otherSubjects(v, k); len(more) > 0 {
				// Two subjects of one verb is no UD tree: the parser
				// missed a coordination ("Arnor and the evil awful
				// Gondor welcomed"); each subject is a conjunct.
				e := st.subjectEntities(k)
				for _, m := range more {
					e = appendNew(e, st.subjectEntities(m))
				}
				return repaired(e)
			}
			return st.subjectEntities(k)
		}
	}
	if !passive && st.tok(v).UPOS == text.ADJ {
		// "Syria says it is willing to withdraw", parsed with "it" as an
		// expletive: before a predicate adjective it is the subject.
		for _, k := range st.children(v) {
			if st.base(k) == text.Expl && st.key(k) == "IT" && k < v {
				return st.subjectEntities(k)
			}
		}
	}
	if passive {
		if k := st.byAgent(v); k >= 0 {
			return st.mention(k)
		}
		if k, ok := st.strayAgent(v); ok {
			return repaired(st.mention(k))
		}
		if k, ok := st.agentOfMedium(v); ok {
			return st.mention(k)
		}
		if e := st.operationAgent(v); len(e) > 0 {
			return e
		}
		if e, ok := st.authority(v); ok && depth == 0 {
			// Only v's own act: "was arrested and banned from the
			// election" was not banned by the police.
			return []entity{e}
		}
		return nil
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi {
		return nil
	}
	if g, ok := st.auxNoun(h); ok {
		// "officials are about to restore ...", parsed with "are" as a
		// modifier of "officials" and the clause under "are": an
		// auxiliary heads no clause, the noun it hangs on is the
		// subject.
		return repaired(st.subjectEntities(g))
	}
	switch st.rel(v).Base() {
	case text.Xcomp:
		for _, k := range st.children(h) {
			if st.rel(k).IsObject() && !st.subjectControl(h) {
				return st.mention(k) // object control: "urged Bree to help"
			}
			if st.rel(k).IsPassiveSubject() {
				return st.mention(k) // raising: "Gollum was seen to break"
			}
		}
		return st.sourceOf(h, depth+1)
	case text.Conj:
		if g, ok := st.verbAbove(h); ok && st.bareConjunct(v) {
			// "condemned an attack ... on Thursday and promised aid",
			// parsed with "promised" as a conjunct of "Thursday": a
			// verb coordinated with a bare noun shares the subject of
			// the verb above that noun.
			return repaired(st.sourceOf(g, depth+1))
		}
		return st.sourceOf(h, depth+1)
	case text.Advcl:
		if w := st.caseWord(v); w == "TO" || w == "" || st.tok(v).XPOS == "VBG" && w == "BY" {
			// "Russia responded by expelling 23 British diplomats": a
			// gerund of means with no subject of its own has its
			// clause's. ("after meeting", "while visiting" are too, but
			// their acts' targets were found wrongly more often than
			// right in the ConfliBERT development file: 2 of 6.)
			return st.sourceOf(h, depth+1)
		}
	case text.Acl:
		if st.rel(v) == text.AclRelcl {
			return nil
		}
		if st.tok(v).XPOS == "VBG" && st.caseWord(v) == "BY" {
			// "continues with its efforts in Africa by donating medical
			// supplies", the gerund hung on the noun: the means of the
			// verb above it, done by its subject.
			for g := st.head(h); g >= st.lo && g < st.hi; g = st.head(g) {
				if st.tok(g).UPOS == text.VERB {
					return st.sourceOf(g, depth+1)
				}
			}
			return nil
		}
		if st.caseWord(v) == "" && st.tok(h).UPOS != text.VERB {
			if st.reducedPassive(v) {
				// "militias associated with Iran", "the missiles fired by
				// the Israeli military": the noun is what the participle
				// was done to; only a by-phrase acts.
				if k := st.byAgent(v); k >= 0 {
					return st.mention(k)
				}
				return nil
			}
			if mediumNouns[st.lemma(h)] {
				// "issued a statement urging North Korea to comply", "a
				// letter by the ministers calling for talks": whoever
				// issued the statement says what it says.
				return st.mediumAuthor(h, depth)
			}
			// A reduced relative: "crowds burned down its embassy"
			// parsed as a clause on "crowds".
			return st.mention(h)
		}
		if st.caseWord(v) == "TO" {
			// "an attempt by the US to force it": the noun's by-agent acts.
			for _, k := range st.children(h) {
				if st.rel(k).IsObliqueLike() && st.caseWord(k) == "BY" {
					return st.mention(k)
				}
			}
			// "urged Eriador to respond": an actor noun is the subject.
			if e := st.mention(h); len(e) > 0 {
				return e
			}
			// "signed an accord to supply": the governor's governor acts.
			if g := st.head(h); g >= st.lo && g < st.hi && st.tok(g).UPOS == text.VERB {
				return st.sourceOf(g, depth+1)
			}
		}
	}
	return nil
}

// operationNouns name the armed or police operations in which a passive's
// act is done: "was killed in a US counter-terrorism operation".
var operationNouns = map[string]bool{"OPERATION": true, "STRIKE": true, "AIRSTRIKE": true, "ATTACK": true,
	"RAID": true, "BOMBING": true, "OFFENSIVE": true, "ASSAULT": true, "SHELLING": true, "AMBUSH": true,
	"CRACKDOWN": true, "BOMBARDMENT": true, "ATTACKS": true, "STRIKES": true}

// operationAgent finds the agent of a passive without a by-phrase in the
// operation it was done in: the actor that modifies "operation", "strike"
// or "raid" ("was killed in a US counter-terrorism operation", "were
// wounded in an Israeli air strike"). An operation no actor modifies ("in
// a suicide car bombing") names no agent.
func (st *sent) operationAgent(v int) []entity {
	for _, k := range st.children(v) {
		if !st.rel(k).IsObliqueLike() || !operationNouns[st.lemma(k)] {
			continue
		}
		switch st.caseWord(k) {
		case "IN", "DURING", "BY", "IN_A", "THROUGH":
		default:
			continue
		}
		for _, m := range st.children(k) {
			switch r := st.rel(m); {
			case r == text.NmodPoss, (r.Base() == text.Amod || r.Base() == text.Compound) && m < k,
				r.IsObliqueLike() && st.caseWord(m) == "BY":
				if e := st.mention(m); len(e) > 0 && !strings.HasPrefix(e[0].code, "---") {
					return e
				}
			}
		}
	}
	return nil
}

// authorities are the verbs whose act only a state's authorities do, with
// the role of the organ that does it: a person "was arrested" by the
// police, "was charged" or "sentenced" by the judiciary, "was impeached"
// by the legislature, "was deported" by the government.
var authorities = map[string]string{"ARREST": "COP", "DETAIN": "COP", "APPREHEND": "COP",
	"CHARGE": "JUD", "INDICT": "JUD", "SENTENCE": "JUD", "CONVICT": "JUD", "JAIL": "JUD", "IMPRISON": "JUD",
	"IMPEACH": "LEG", "DEPORT": "GOV", "EXTRADITE": "GOV", "EXPEL": "GOV"}

// authority gives the agent of an agentless passive of an act only a
// state's authorities do ("Zhukovskyy was arrested Monday at his home in
// Massachusetts", "eleven individuals were charged"): that organ of the
// state the clause or the article is set in, found as localCountry and
// homeCountry find a local group's. No state, no agent.
func (st *sent) authority(v int) (entity, bool) {
	role, ok := st.authorityRole(v)
	if !ok {
		return entity{}, false
	}
	c, ok := st.clausePlace(v)
	if !ok && st.lemma(v) != "EXPEL" {
		// Not for expulsions: one is expelled from a party or a school
		// as often as from a state, which then names itself ("were
		// expelled from North Korea").
		c, ok = st.homeCountry(v, []*dict.Agent{{Name: st.lemma(v), Code: role}})
	}
	if !ok || len(c.code) < 3 || !placeCode(c.code[:3]) {
		return entity{}, false
	}
	return entity{code: c.code[:3] + role, head: -1, inferred: true, viaHow: "authority", viaSpan: c.span}, true
}

// authorityRole gives the organ of the state that alone does verb v's
// act (authorities), also for "taken into custody" (the police) and
// "found guilty" (the courts).
func (st *sent) authorityRole(v int) (string, bool) {
	if role, ok := authorities[st.lemma(v)]; ok {
		return role, true
	}
	switch st.lemma(v) {
	case "TAKE":
		for _, k := range st.children(v) {
			if st.lemma(k) == "CUSTODY" && st.caseWord(k) == "INTO" {
				return "COP", true
			}
		}
	case "FIND":
		// "were found guilty": by a court.
		for _, k := range st.children(v) {
			if st.key(k) == "GUILTY" {
				return "JUD", true
			}
		}
	}
	return "", false
}

// suspect gives the target of an arrest, a charge or a sentence whose
// source is a state's police or courts when its object (or, in the
// passive, its subject) is a name the dictionaries do not know: a
// suspect of that state ("Zhukovskyy was arrested Monday", "Police
// arrested Zhukovskyy"), as the guideline codes one. Only a person's
// name: two or more proper nouns, or one that ends a full name earlier in
// the article, that neither the dictionaries nor the geocoder know; a
// noun ("the man") is an actor of its own or none.
func (st *sent) suspect(v int, passive bool, src entity) (entity, bool) {
	role, ok := st.authorityRole(v)
	if !ok || (role != "COP" && role != "JUD") || len(src.code) < 6 || !placeCode(src.code[:3]) || !domesticOrgans[src.code[3:6]] {
		return entity{}, false
	}
	h := -1
	for _, k := range st.children(v) {
		if passive && st.rel(k).IsPassiveSubject() || !passive && st.rel(k) == text.Obj {
			h = k
			break
		}
	}
	if h < 0 || st.tok(h).UPOS != text.PROPN {
		return entity{}, false
	}
	if m := st.mention(h); len(m) > 0 && !(len(m) == 1 && m[0].private()) {
		return entity{}, false // (a private person's country: the suspect says more)
	}
	lo, hi := h, h
	for _, k := range st.children(h) {
		switch st.base(k) {
		case text.Flat, text.Compound:
			if st.tok(k).UPOS != text.PROPN {
				return entity{}, false
			}
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	for i := lo; i <= hi; i++ {
		if _, ok := st.dc.places[i]; ok || institutionWords[st.key(i)] {
			return entity{}, false
		}
	}
	if lo == hi && !st.namedBefore(hi) {
		return entity{}, false // one name, as firms have ("Huawei was charged")
	}
	from := src.span
	if src.inferred {
		from = src.viaSpan
	}
	return entity{code: src.code[:3] + "CRM", head: h, span: text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End},
		inferred: true, person: true, viaHow: "suspect", viaSpan: from}, true
}

// namedBefore reports whether the proper noun at h ends a full name earlier
// in the article ("Volodoymyr Zhukovskyy", then "Zhukovskyy").
func (st *sent) namedBefore(h int) bool {
	form := st.doc.Form(h)
	for i := 1; i < st.lo; i++ {
		if st.doc.Tokens[i].UPOS == text.PROPN && st.doc.Tokens[i-1].UPOS == text.PROPN && st.doc.Form(i) == form {
			return true
		}
	}
	return false
}

// conditionActor finds the actors of the subject of a condition ("if",
// "unless") on verb v or on the infinitives below it ("threatened to
// stop negotiations to reduce weapons if the United States ..."), other
// than its sources.
func (st *sent) conditionActor(v int, sources []entity) []entity {
	heads := []int{v}
	for i := 0; i < len(heads) && i < 4; i++ {
		for _, k := range st.children(heads[i]) {
			if st.base(k) == text.Xcomp {
				heads = append(heads, k)
			}
		}
	}
	for _, h := range heads {
		for _, k := range st.children(h) {
			if st.base(k) != text.Advcl {
				continue
			}
			switch st.caseWord(k) {
			case "IF", "UNLESS":
			default:
				continue
			}
			if e := st.subjectMention(k); len(e) > 0 && !sameAs(e, sources) {
				return e
			}
		}
	}
	return nil
}

// violentActs are the nouns of violence that news makes the subject of
// its verb of harm when no attacker is known: "A roadside bombing near
// Samarra killed one U.S. soldier", "Twin bombings struck the Jolo
// Cathedral".
var violentActs = map[string]bool{"BOMBING": true, "BOMB": true, "BLAST": true, "EXPLOSION": true,
	"ATTACK": true, "SHELLING": true, "SHOOTING": true, "STABBING": true, "AMBUSH": true, "RAID": true,
	"MORTAR": true, "ROCKET": true, "GRENADE": true, "MINE": true, "LANDMINE": true, "IED": true,
	"DETONATION": true, "GUNFIRE": true}

// weapons are the nouns of what is fired, launched or dropped at a
// target: with violentActs, the subjects whose participle names who used
// them ("The missiles fired by the Israeli military struck an arms
// depot").
var weapons = map[string]bool{"MISSILE": true, "SHELL": true, "DRONE": true, "BULLET": true, "TORPEDO": true,
	"PROJECTILE": true, "WARHEAD": true, "ARTILLERY": true}

// weaponUser gives the source of a verb of force whose subject is a
// weapon or an act of violence that a participle says who used: "The
// missiles fired by the Israeli military struck ...", "rockets launched
// by Hamas hit ...". The participle's by-agent is the source.
func (st *sent) weaponUser(v int) []entity {
	subj := st.subjectOf(v)
	if subj < 0 || !weapons[st.lemma(subj)] && !violentActs[st.lemma(subj)] {
		return nil
	}
	for _, k := range st.children(subj) {
		if st.base(k) != text.Acl || st.tok(k).UPOS != text.VERB {
			continue
		}
		for _, o := range st.children(k) {
			if st.rel(o) == text.OblAgent || st.rel(o).IsObliqueLike() && st.caseWord(o) == "BY" {
				if e := st.mention(o); len(e) > 0 {
					return e
				}
			}
		}
	}
	return nil
}

// unidentified gives the source of a verb of force whose subject is an act
// of violence, not an actor ("A roadside bombing near Samarra killed one
// U.S. soldier"): CAMEO's unidentified armed force (UAF) of the state
// where it happened: a place in the subject ("near Samarra"), else in the
// clause, else the state the article is set in. No state, no source.
func (st *sent) unidentified(v int) (entity, bool) {
	subj := -1
	for _, k := range st.children(v) {
		if st.rel(k).IsSubject() && !st.rel(k).IsPassiveSubject() {
			subj = k
		}
	}
	if subj < 0 || !violentActs[st.lemma(subj)] || len(st.mention(subj)) > 0 {
		return entity{}, false
	}
	lo, hi := st.phraseSpan(subj)
	hi = max(hi, st.subtreeEnd(subj))
	var found entity
	for _, o := range st.occurrences {
		if placeCode(o.code) && !o.inferred && o.head >= lo && o.head <= hi {
			if found.code != "" && found.code != o.code {
				return entity{}, false
			}
			found = o
		}
	}
	ok := found.code != ""
	if !ok {
		found, ok = st.clausePlace(v)
	}
	if !ok {
		found, ok = st.homeCountry(v, []*dict.Agent{{Name: "attackers", Code: "UAF"}})
	}
	if !ok || len(found.code) < 3 || !placeCode(found.code[:3]) {
		return entity{}, false
	}
	t := st.tok(subj)
	return entity{code: found.code[:3] + "UAF", head: subj, span: text.Span{Start: st.tok(lo).Start, End: t.End},
		inferred: true, viaHow: "place", viaSpan: found.span}, true
}

// deceased returns the person whose death the article's first sentence
// reports ("Longtime leader of Zimbabwe Robert Mugabe dies aged 95",
// "Sultan Qaboos of Oman has died"): the subject of its main verb DIE, a
// person the dictionaries code. It is the target of tributes and
// condolences the article reports with no one named (017, 018). Not in
// the first sentence itself.
func (st *sent) deceased() (entity, bool) {
	if st.idx == 0 || len(st.doc.Sents) == 0 {
		return entity{}, false
	}
	first := st.doc.Sents[0]
	root := -1
	for i := int(first.Start); i < int(first.End); i++ {
		if st.doc.Tokens[i].Head < 0 {
			root = i
			break
		}
	}
	if root < 0 || dict.Key(st.doc.Tokens[root].Lemma) != "DIE" {
		return entity{}, false
	}
	end := int(st.doc.SentByteSpan(0).End)
	for _, o := range st.dc.history {
		if int(o.span.Start) >= end {
			break
		}
		if !o.subject || strings.HasPrefix(o.code, "---") || !o.person {
			continue
		}
		return entity{code: o.code, entry: o.entry, head: -1, inferred: true, person: true, viaHow: "deceased", viaSpan: o.span}, true
	}
	return entity{}, false
}

// assaultVerbs are the verbs of violence against a person that only
// someone does: "Wiranto was stabbed", "a protester was shot".
// killVerbs may name an accident as well ("were killed in a crash"):
// they need an attack around them (attackWords).
var assaultVerbs = map[string]bool{"STAB": true, "SHOOT": true, "MURDER": true, "ASSASSINATE": true,
	"BEHEAD": true, "KIDNAP": true, "ABDUCT": true, "BEAT": true, "TORTURE": true, "ASSAULT": true,
	"ATTACK": true, "SLAY": true}

var killVerbs = map[string]bool{"KILL": true, "INJURE": true, "WOUND": true, "HURT": true}

// attackWords are the nouns by which news reports an attack or names an
// unknown attacker: with violentActs, the words that make "was killed"
// or "were injured" the work of an attacker, not of an accident.
var attackWords = map[string]bool{"ATTACKER": true, "ASSAILANT": true, "GUNMAN": true, "KILLER": true,
	"PERPETRATOR": true, "STABBER": true, "SHOOTER": true, "BOMBER": true, "SUSPECT": true, "KNIFE": true,
	"GUN": true, "RIFLE": true, "PISTOL": true, "MURDER": true, "ASSASSINATION": true, "TERRORIST": true}

// accidentWords name harm no one does on purpose: "were killed in a
// crash", "injured in the fire".
var accidentWords = map[string]bool{"CRASH": true, "ACCIDENT": true, "COLLISION": true, "FIRE": true, "BLAZE": true,
	"FLOOD": true, "FLOODING": true, "FLOODS": true, "STORM": true, "EARTHQUAKE": true, "QUAKE": true,
	"AVALANCHE": true, "LANDSLIDE": true, "HURRICANE": true, "TORNADO": true, "CYCLONE": true, "TYPHOON": true,
	"STAMPEDE": true, "COLLAPSE": true, "LIGHTNING": true, "DERAILMENT": true, "TSUNAMI": true, "ERUPTION": true}

// unknownAssailant gives the source of an agentless passive of violence
// against a person ("Indonesia's security minister Wiranto was stabbed",
// "The woman was killed in a stairwell" in a report of a stabbing):
// CAMEO's unidentified armed force (UAF) of the state where it happened,
// the clause's place, else the state the article is set in, as for a
// violent act named as the subject (unidentified), else, with no place
// known, the victim's own state. Not when an operation
// or a strike names the act ("killed in an airstrike": an armed force,
// not an assailant, whose state no place says), nor for a death that an
// accident may have caused: "killed" and "injured" need an attack, an
// attacker or a weapon named in the sentence or the two before it, and
// no accident in the sentence. The event is then assault (18), not
// military force (emit). A convention of news coding (the gold
// guideline's unknown attackers placed by country), not PETRARCH's: under
// its options an agentless passive has no source.
func (st *sent) unknownAssailant(v int, code string, targets []entity) (entity, bool) {
	if !strings.HasPrefix(code, "18") && !strings.HasPrefix(code, "19") {
		return entity{}, false
	}
	l := st.lemma(v)
	if !assaultVerbs[l] && !killVerbs[l] {
		return entity{}, false
	}
	for i := st.lo; i < st.hi; i++ {
		if accidentWords[st.lemma(i)] || operationNouns[st.lemma(i)] && st.inClause(i, v) {
			return entity{}, false
		}
	}
	if killVerbs[l] && !st.attackNear() {
		return entity{}, false
	}
	found, ok := st.clausePlace(v)
	if !ok {
		found, ok = st.homeCountry(v, []*dict.Agent{{Name: "attackers", Code: "UAF"}})
	}
	if !ok && len(targets) == 1 && len(targets[0].code) >= 3 && placeCode(targets[0].code[:3]) {
		// No place known yet ("Yesterday, Indonesia's security minister
		// Wiranto was stabbed", an article's first sentence): the
		// victim's own state, where news reports such attacks without
		// saying so.
		found, ok = targets[0], true
	}
	if !ok || len(found.code) < 3 || !placeCode(found.code[:3]) {
		return entity{}, false
	}
	return entity{code: found.code[:3] + "UAF", head: -1, inferred: true, viaHow: "assailant", viaSpan: found.span}, true
}

// attackNear reports whether the sentence or one of the two before it
// names an attack, an attacker or a weapon (violentActs, attackWords).
func (st *sent) attackNear() bool {
	from := st.lo
	if st.idx >= 2 {
		from = int(st.doc.Sents[st.idx-2].Start)
	} else if st.idx == 1 {
		from = int(st.doc.Sents[0].Start)
	}
	for i := from; i < st.hi; i++ {
		l := dict.Key(st.doc.Tokens[i].Lemma)
		if violentActs[l] || attackWords[l] {
			return true
		}
	}
	return false
}

// clausePlace finds the state where the clause of verb v is set: the
// places named in it outside its subject ("was arrested in Lebanon", not
// "a missionary from Calgary"), when they agree on one state.
func (st *sent) clausePlace(v int) (entity, bool) {
	// The places of the actor dictionaries, then those only the geocoder
	// knows ("in Borno, Nigeria": Borno), the way scanPhrase reads both.
	var found entity
	for _, list := range [2][]entity{st.geoPlaces(), st.occurrences} {
		for _, o := range list {
			if !o.locative || !placeCode(o.code) || o.head < st.lo || o.head >= st.hi || !st.inClause(o.head, v) {
				continue
			}
			if found.code != "" && found.code != o.code {
				return entity{}, false
			}
			if found.code == "" || o.span.Start < found.span.Start {
				found = o
			}
		}
	}
	return found, found.code != ""
}

// directed are the prepositions that say at whom an act is directed:
// "clashed ... with the police", "fired ... on a protester".
var directed = map[string]bool{"WITH": true, "AGAINST": true, "ON": true, "UPON": true, "INTO": true,
	"TOWARD": true, "TOWARDS": true, "TO": true}

// directedFirst orders the dependents kids of a verb for the search of
// its target among its obliques: those with a directed preposition first,
// then the others in order, so that "clashed in front of parliament with
// the police" is with the police and "fired, in the weeks of protests in
// Hong Kong, on a protester" on the protester; a place is the target
// only when nothing else is named ("shelled Aleppo", "bombed targets in
// Idlib").
func directedFirst(st *sent, kids []int) []int {
	n := 0
	for _, k := range kids {
		if st.directedAtK(k) {
			n++
		}
	}
	if n == 0 || n == len(kids) {
		return kids
	}
	out := make([]int, 0, len(kids))
	for _, k := range kids {
		if st.directedAtK(k) {
			out = append(out, k)
		}
	}
	for _, k := range kids {
		if !st.directedAtK(k) {
			out = append(out, k)
		}
	}
	return out
}

// directedAtK reports whether oblique k has a directed preposition, not
// one of a multi-word preposition of place or cause ("next to", "close
// to", "due to", "according to").
func (st *sent) directedAtK(k int) bool {
	if !directed[st.caseWord(k)] {
		return false
	}
	if c := st.caseTok(k); c > st.lo {
		switch st.key(c - 1) {
		case "NEXT", "CLOSE", "DUE", "ACCORDING", "PRIOR", "THANKS", "OWING", "CONTRARY":
			return false
		}
	}
	return true
}

// passiveSubject reports whether passive verb v has a nominal subject,
// its own or, for a non-finite clause ("after being detained in ...", "a
// man detained in ..."), the one it shares.
func (st *sent) passiveSubject(v int) bool {
	switch st.base(v) {
	case text.Advcl, text.Acl, text.Xcomp:
		return true
	}
	for _, k := range st.children(v) {
		if st.rel(k).IsPassiveSubject() {
			switch st.tok(k).UPOS {
			case text.NOUN, text.PROPN, text.PRON:
				return true
			}
		}
	}
	return false
}

// inClause reports whether token k hangs, outside the subject, on verb v.
func (st *sent) inClause(k, v int) bool {
	for n := 0; n < maxDepth && k >= st.lo && k < st.hi; n++ {
		h := st.head(k)
		if h == v {
			return !st.rel(k).IsSubject() && !st.rel(k).IsPassiveSubject()
		}
		k = h
	}
	return false
}

// sharedSubject returns the subject a conjunct verb v without one of its
// own shares with the clause it is coordinated with ("Turkey is under
// sanctions and was condemned": Turkey), as a reduced passive adjunct
// does with its clause ("stood in court, condemned by Egypt").
func (st *sent) sharedSubject(v int) (int, bool) {
	if st.base(v) != text.Conj && !(st.base(v) == text.Advcl && st.conjPassive(v)) {
		return 0, false
	}
	for _, k := range st.children(v) {
		if st.rel(k).IsSubject() {
			return 0, false
		}
	}
	h := st.head(v)
	if h < st.lo || h >= st.hi || h == v {
		return 0, false
	}
	for _, k := range st.children(h) {
		if st.rel(k).IsSubject() {
			return k, true
		}
	}
	return 0, false
}

// mediumAuthor returns who speaks through the statement, letter or
// resolution n: its by-phrase or possessor ("a statement by Egypt",
// "Egypt's statement"), else the subject of the verb that issued it
// ("Egypt issued a statement").
func (st *sent) mediumAuthor(n, depth int) []entity {
	for _, k := range st.children(n) {
		if r := st.rel(k); r == text.NmodPoss || (r.IsObliqueLike() && st.caseWord(k) == "BY") {
			if e := st.mention(k); len(e) > 0 {
				return e
			}
		}
	}
	if g := st.head(n); g >= st.lo && g < st.hi && g != n && st.tok(g).UPOS == text.VERB && st.rel(n).IsObject() {
		return st.sourceOf(g, depth+1)
	}
	return nil
}

// subjectControl reports whether the subject of verb h, not its object,
// does what h's infinitive says: a verb of meeting, consulting or
// cooperating (04, 05) or of intent (03) calls or meets someone to do
// something itself ("Putin called Assad to congratulate him"), where
// verbs of appeal, demand or force ("urged Bree to help") hand it to the
// object.
func (st *sent) subjectControl(h int) bool {
	e := st.findVerb(h)
	if e == nil || e.Code.Event == "" {
		return false
	}
	switch e.Code.Event[:2] {
	case "03", "04", "05":
		return true
	}
	return false
}

// instruments are the nouns of laws and rules, which say what may be
// done and do nothing themselves.
var instruments = map[string]bool{"LAW": true, "CONSTITUTION": true, "RULE": true, "REGULATION": true,
	"STATUTE": true, "LEGISLATION": true, "CODE": true, "CHARTER": true}

// actAgent returns the actor a by-phrase names as the agent of the act
// that verb v's object names, when v's targets were found inside that
// object: "Iran condemned the annexation of Crimea by Russia" condemns
// Russia, not Ukraine; "Erdogan attacked the proclamation of Golan
// Heights as Israeli territory by ... Donald Trump" attacks Trump, not
// Syria. A verbal reaction (condemning, welcoming, rejecting) is aimed
// at who did the act, as it is with a possessor ("Russia's annexation").
// The by-phrase may hang on the object or on a noun below it (the parser
// often hangs it on the last noun before it); not inside a clause.
func (st *sent) actAgent(v int, targets, sources []entity) ([]entity, bool) {
	for _, o := range st.childrenRel(v, text.Obj) {
		if st.tok(o).UPOS != text.NOUN {
			continue
		}
		lo, hi := st.span(o, func(int) bool { return true })
		inside := false
		for _, t := range targets {
			inside = inside || t.head >= lo && t.head <= hi
		}
		if !inside {
			continue
		}
		// An active verb has no agent phrase of its own: a by-phrase
		// after its object is the object's, hung on the verb ("condemned
		// the annexation of Crimea by Russia"), and so is one below an
		// as-phrase after it ("the proclamation of Golan Heights as
		// Israeli territory by ...").
		queue := []int{o}
		if !st.isPassive(v) {
			for _, k := range st.childrenRel(v, text.Obl) {
				switch w := st.caseWord(k); {
				case k < hi:
				case w == "BY":
					if e := st.mention(k); len(e) > 0 && !sameAs(e, sources) {
						return e, true
					}
				case w == "AS":
					queue = append(queue, k)
				}
			}
		}
		// Breadth first through the object's nominal modifiers.
		for n := 0; len(queue) > 0 && n < maxDepth; n++ {
			x := queue[0]
			queue = queue[1:]
			for _, k := range st.children(x) {
				r := st.rel(k)
				if r.Base() != text.Nmod && r.Base() != text.Obl {
					continue
				}
				if st.caseWord(k) == "BY" {
					if e := st.mention(k); len(e) > 0 && !sameAs(e, sources) {
						return e, true
					}
					continue
				}
				queue = append(queue, k)
			}
		}
	}
	return nil, false
}

// mentionDeep returns the actors of h, or failing that the first actors
// found among its nominal dependents ("an attack by Osgiliath soldiers",
// "an embargo against Mordor"), breadth first.
func (st *sent) mentionDeep(h int) []entity {
	return st.firstMention(h, st.deepFollow(h), nil)
}

// mentionPast is mentionDeep for an object whose first actor is the
// source itself or its own armed forces: the search goes on below that
// mention to the first other actor, through the phrases that say to,
// on or against whom ("authorized the release of $1.2 billion in U.S.
// military assistance to Egypt"), never through a possessive or a
// phrase of time or place around the act (notTarget). The actor found
// must be one the act is directed at (to, on, against, with ...:
// directed), not one more modifier ("the California, US lawyer").
func (st *sent) mentionPast(h int, sources []entity, unnamed bool) []entity {
	follow := st.deepFollow(h)
	return st.firstMention(h, func(x, k int) []int {
		if r := st.rel(k); r == text.NmodPoss || notTarget[st.caseWord(k)] {
			return nil
		}
		return follow(x, k)
	}, func(x int, e []entity) bool { return directed[st.caseWord(x)] && !ownSide(e, sources, unnamed) })
}

// ownSide reports whether e, an object's actor, is the source itself, its
// own armed forces (with unnamed, also forces of no named state: see
// ownForces) or its own bare state ("U.S. military assistance" for a US
// secretary): what the source gives or moves, not whom it acts on.
func ownSide(e, sources []entity, unnamed bool) bool {
	return sameAs(e, sources) || ownForces(e, sources, unnamed) ||
		len(e) == 1 && len(sources) == 1 && bareOf(e[0].code, sources[0].code)
}

// deepFollow gives mentionDeep's walk from h: into the nominal, oblique,
// appositive, conjoined and compound dependents, and the objects and
// obliques of a reduced clause.
func (st *sent) deepFollow(h int) func(x, k int) []int {
	return func(x, k int) []int {
		r := st.rel(k)
		if (r.Base() == text.Compound || r.Base() == text.Amod) && st.namesMoney(k) {
			return nil // "nine billion US dollars", "a US dollar reward": money, not a target
		}
		if x != h && st.tok(x).UPOS == text.VERB && r.IsObject() {
			// A participle parsed as a modifier: "an offensive against
			// besieged Osgiliath".
			return []int{k}
		}
		switch r.Base() {
		case text.Nmod, text.Obl, text.Appos, text.Conj, text.Compound:
			if r == text.NmodPoss && st.tok(k).UPOS == text.PRON {
				return nil // "their resumption": not a target
			}
			return []int{k}
		case text.Acl:
			// "the roads leading into Mordor", "an accord to supply
			// Gondor": the reduced clause's object.
			if r == text.AclRelcl {
				return nil
			}
			if chargeWords[st.lemma(x)] && st.caseWord(k) == "OF" {
				// "found Nielsen guilty of stealing from an agency",
				// "charges of attacking": the act charged is what
				// the one charged did, not whom the verb acts on.
				return nil
			}
			var next []int
			for _, o := range st.children(k) {
				if st.rel(o).IsObject() || st.rel(o).IsObliqueLike() {
					next = append(next, o)
				}
			}
			return next
		}
		return nil
	}
}

// chargeWords are the words whose of-clause names the act someone is
// charged with or found to have done ("guilty of stealing", "charges of
// spying").
var chargeWords = map[string]bool{"GUILTY": true, "INNOCENT": true, "CHARGE": true, "ACCUSATION": true,
	"ALLEGATION": true, "SUSPICION": true, "CONVICTION": true}

// firstMention walks the tree breadth-first from h, at most 32 nodes, and
// returns the first node's actors; follow(x, k) gives the nodes to visit
// for child k of node x. With accept, a node whose actors it refuses is
// walked through like one with none.
func (st *sent) firstMention(h int, follow func(x, k int) []int, accept func(x int, e []entity) bool) []entity {
	queue := []int{h}
	for n := 0; len(queue) > 0 && n < 32; n++ {
		x := queue[0]
		queue = queue[1:]
		if e := st.mention(x); len(e) > 0 && (accept == nil || accept(x, e)) {
			return e
		}
		if waterHeads[st.key(x)] {
			continue // "the Gulf of Oman": not into its of-phrase
		}
		for _, k := range st.children(x) {
			queue = append(queue, follow(x, k)...)
		}
	}
	return nil
}

// mediumNouns are the documents and speeches in which a passive's act is
// done: "was condemned in a joint statement by Egypt".
var mediumNouns = map[string]bool{"STATEMENT": true, "COMMUNIQUE": true, "LETTER": true, "REPORT": true,
	"RESOLUTION": true, "SPEECH": true, "DECLARATION": true, "INTERVIEW": true, "TWEET": true, "POST": true,
	"MESSAGE": true, "NOTE": true, "VOTE": true, "RULING": true, "DECISION": true}

// agentOfMedium finds the agent of a passive named inside the document or
// speech it was done in: "Turkey was condemned in a joint statement by
// Egypt, Greece and Cyprus" (Egypt is the agent; the parser hangs the
// by-phrase on "statement").
func (st *sent) agentOfMedium(v int) (int, bool) {
	for _, k := range st.children(v) {
		if !st.rel(k).IsObliqueLike() || !mediumNouns[st.lemma(k)] {
			continue
		}
		switch st.caseWord(k) {
		case "IN", "THROUGH", "VIA":
		default:
			continue
		}
		for _, m := range st.children(k) {
			if st.base(m) == text.Nmod && st.caseWord(m) == "BY" {
				return m, true
			}
		}
	}
	return 0, false
}

// targetHints are what targetOf knows of the frame it seeks a target for.
type targetHints struct {
	// unnamedOwn: the act is no conflict, or a show of force (15) or a
	// reduction of what the source gives (16), so forces of no named
	// state in its object are the source's own (ownForces).
	unnamedOwn bool
	// patternNoun is the token the verb's pattern matched after it (-1 for
	// none): a gerund complement it names gives the target.
	patternNoun int
	// ownAct: the act is no verbal one, so the source does what the
	// pattern's noun names ("launched an operation"), rather than
	// condemning or praising someone else's.
	ownAct bool
	// defence: the act defends verbally (052) what its object names,
	// which may be the source's own state's act ("defended Germany's
	// decision"): that state is the target, not an actor further in.
	defence bool
}

// targetOf finds the target of verb v: the passive subject, the first
// actors in the objects, the obliques, or the subject of a complement
// clause.
func (st *sent) targetOf(v int, passive bool, sources []entity, hints targetHints) []entity {
	kids := st.children(v)
	if passive {
		for _, k := range kids {
			if st.rel(k).IsPassiveSubject() {
				if relPronouns[st.key(k)] && st.rel(v) == text.AclRelcl {
					// "Syrian rebels, who were attacked by Russia": the
					// noun the relative clause modifies.
					if e := st.ownMention(st.head(v)); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
					continue
				}
				if e := st.mention(k); len(e) > 0 {
					return e
				}
			}
		}
		if k, ok := st.sharedSubject(v); ok {
			if e := st.mention(k); len(e) > 0 && !sameAs(e, sources) {
				return e
			}
		}
	}
	if transferVerbs[st.lemma(v)] && !passive {
		// "offered to US an armored regiment", "provide our military
		// expertise to the United Nations": what is given is the object,
		// the one it is given to the target.
		for _, k := range kids {
			if st.rel(k).IsObliqueLike() && st.caseWord(k) == "TO" && !st.infinitive(k) {
				if e := st.mention(k); len(e) > 0 && !sameAs(e, sources) {
					return e
				}
			}
		}
		// "sent supplies and personnel such as doctors to Nepal",
		// "returned a sculpture of the head of Marcus Aurelius to
		// Algerian Ambassador Amine Kherbi": a to-phrase the parser hung
		// on a noun of what is given names whom it is given to.
		if k, ok := st.recipientInObject(v); ok {
			if e := st.mention(k); len(e) > 0 && !sameAs(e, sources) {
				return e
			}
		}
		// "provided Wikinews with his own plan for the Court": with a
		// with-phrase for what is given, the object is who receives it,
		// an actor or nobody, not anyone the gift names.
		if objs := st.childrenRel(v, text.Obj); len(objs) > 0 {
			obj := objs[0]
			for _, k := range st.childrenRel(v, text.Obl) {
				if st.caseWord(k) == "WITH" {
					if e := st.mention(obj); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
					return nil
				}
			}
		}
	}
	for _, k := range kids {
		if r := st.rel(k); (r.IsObject() || r.Base() == text.Iobj) && !st.commaObject(v, k) {
			if dayWords[st.key(k)] {
				continue // "detained earlier Friday in ...", "Friday" read as the object: a time
			}
			e := st.mentionDeep(k)
			if len(e) > 0 && k == hints.patternNoun && hints.ownAct && st.modifiedAct(k) {
				// "will begin a new military operation against Kurdish
				// fighters" (BEGIN * OPERATION): the pattern's own noun is
				// the source's act, and the agents that modify it ("military")
				// say who does it; it is done to whom it is against.
				if e := st.mentionPast(k, sources, true); len(e) > 0 {
					return e
				}
				continue
			}
			if len(e) > 0 && ownSide(e, sources, hints.unnamedOwn) && !(hints.defence && !sameAs(e, sources)) {
				if e := st.mentionPast(k, sources, hints.unnamedOwn); len(e) > 0 {
					return e
				}
			}
			if len(e) > 0 && ownForces(e, sources, hints.unnamedOwn) {
				// "withdrew its troops from Lebanon": where from or to;
				// through a partitive ("some of its troops from Syria").
				nmods := st.childrenRel(k, text.Nmod)
				for _, o := range nmods {
					if st.caseWord(o) == "OF" {
						nmods = append(nmods, st.childrenRel(o, text.Nmod)...)
					}
				}
				for _, o := range nmods {
					if r := st.rel(o); r == text.NmodPoss || unmarked(r) || notTarget[st.caseWord(o)] {
						continue
					}
					if e := st.mention(o); len(e) > 0 && !sameAs(e, sources) && !ownOrgan(e, sources) {
						return e
					}
				}
				continue
			}
			if len(e) > 0 && !sameAs(e, sources) {
				return e
			}
		}
	}
	for _, k := range directedFirst(st, kids) {
		r := st.rel(k)
		if !r.IsObliqueLike() || r == text.OblAgent || unmarked(r) || r == text.NmodPoss {
			continue
		}
		if passive && st.caseWord(k) == "BY" {
			continue
		}
		if passive && locative[st.caseWord(k)] && st.passiveSubject(v) {
			// "A man ... was arrested in Norfolk": the passive's subject
			// is who it was done to, though no dictionary names them;
			// the place is where.
			continue
		}
		if notTarget[st.caseWord(k)] || st.hasCase(k, "ACCORDING") || st.timePhrase(k) {
			continue
		}
		if e := st.mentionDeep(k); len(e) > 0 && !sameAs(e, sources) {
			return e
		}
	}
	for _, k := range kids {
		switch st.rel(k).Base() {
		case text.Ccomp, text.Xcomp:
			if st.adjectival(k) {
				// "marched very close to the border with Mordor": the
				// obliques of an adjectival complement.
				for _, o := range st.childrenRel(k, text.Obl, text.Nmod) {
					if r := st.rel(o); r == text.NmodPoss || unmarked(r) || notTarget[st.caseWord(o)] {
						continue
					}
					if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
				continue
			}
			// The complement's subject, else (when that is the source
			// again: "Frodo said he has satisfaction toward Gondor") its
			// object.
			for _, s := range st.children(k) {
				if st.rel(s).IsSubject() {
					if e := st.mentionDeep(s); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
			}
			if st.rel(k).Base() == text.Ccomp {
				for _, o := range st.childrenRel(k, text.Obj, text.Obl, text.Nmod) {
					if r := st.rel(o); r == text.NmodPoss || unmarked(r) || notTarget[st.caseWord(o)] {
						continue
					}
					if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
			}
		}
	}
	// "signed an accord to supply Gondor": the infinitive's object; so
	// too a gerund complement's that the verb's pattern names ("is
	// considering sending aid to North Korea": CONSIDER * SENDING).
	for _, k := range kids {
		switch st.rel(k).Base() {
		case text.Xcomp, text.Advcl:
			gerund := st.rel(k).Base() == text.Xcomp && st.tok(k).XPOS == "VBG" && k == hints.patternNoun
			if st.caseWord(k) != "TO" && !gerund {
				continue
			}
			if controlVerbs[st.lemma(v)] && len(st.childrenRel(v, text.Obj)) > 0 {
				// "urged vigilant locals to assist authorities": the
				// appeal goes to its object, which no dictionary codes,
				// not to whom the object is asked to help.
				continue
			}
			// Its object, the object's modifiers ("wage war on the
			// Rohans"), then its obliques; no deeper.
			var cands []int
			for _, o := range st.childrenRel(k, text.Obj) {
				cands = append(cands, o)
				cands = append(cands, st.childrenRel(o, text.Nmod)...)
			}
			cands = append(cands, st.childrenRel(k, text.Obl, text.Nmod)...)
			for _, o := range cands {
				if st.rel(o) == text.NmodPoss || unmarked(st.rel(o)) || notTarget[st.caseWord(o)] {
					continue
				}
				if e := st.mention(o); len(e) > 0 && !sameAs(e, sources) {
					return e
				}
			}
			// "begun to question whether he has a future with the Orcs":
			// the object of the infinitive's own complement.
			for _, cc := range st.childrenRel(k, text.Ccomp) {
				for _, o := range st.childrenRel(cc, text.Obj) {
					if e := st.mentionDeep(o); len(e) > 0 && !sameAs(e, sources) {
						return e
					}
				}
			}
		}
	}
	if !passive {
		// Its object, else the phrase saying to, on or against whom; not
		// a pronoun object ("was crying and telling me that ...") nor
		// anything inside a complement clause.
		if c, ok := st.sharedObjectVerb(v); ok {
			for _, k := range st.children(c) {
				r := st.rel(k)
				switch {
				case r.IsObject() && st.tok(k).UPOS != text.PRON:
				case r.IsObliqueLike() && !unmarked(r) && r != text.NmodPoss && directed[st.caseWord(k)]:
				default:
					continue
				}
				if e := st.mentionDeep(k); len(e) > 0 && !sameAs(e, sources) {
					return e
				}
			}
		}
	}
	return nil
}

// givenNouns name what a source gives, spends or keeps somewhere: with
// the operations, the nouns of acts whose modifiers say whose they are.
var givenNouns = map[string]bool{"AID": true, "ASSISTANCE": true, "SUPPORT": true, "EQUIPMENT": true,
	"EXERCISE": true, "EXERCISES": true, "CAMPAIGN": true, "INTERVENTION": true, "PRESENCE": true,
	"SPENDING": true, "COOPERATION": true, "TRAINING": true, "HARDWARE": true}

// modifiedAct reports whether noun k names an act or a thing that agents
// only modify: no actor is named in its phrase and its head is no agent
// ("a new military operation", "military aid"), as opposed to "the
// Syrian army" or "rebel fighters".
func (st *sent) modifiedAct(k int) bool {
	if !operationNouns[st.lemma(k)] && !givenNouns[st.lemma(k)] {
		return false // "stormed a police headquarters": a place of the police
	}
	pi := st.scanPhrase(k)
	return len(pi.actors) == 0 && !pi.headAgent && len(pi.modAgents) > 0
}

// recipientInObject returns the first to-phrase with an actor below the
// objects and obliques of transfer verb v that the parser hung on a noun
// rather than on v, walking through nominal dependents and conjuncts only
// (never into a clause).
func (st *sent) recipientInObject(v int) (int, bool) {
	var walk func(x, depth int) (int, bool)
	walk = func(x, depth int) (int, bool) {
		if depth > 4 {
			return 0, false
		}
		for _, k := range st.children(x) {
			switch st.base(k) {
			case text.Nmod, text.Conj, text.Obl, text.Appos:
			default:
				continue
			}
			if u := st.tok(k).UPOS; u != text.NOUN && u != text.PROPN {
				continue
			}
			if st.caseWord(k) == "TO" && len(st.mention(k)) > 0 {
				return k, true
			}
			if r, ok := walk(k, depth+1); ok {
				return r, true
			}
		}
		return 0, false
	}
	for _, k := range st.children(v) {
		if r := st.rel(k); r.IsObject() || r.IsObliqueLike() && st.caseWord(k) != "TO" {
			if r, ok := walk(k, 0); ok {
				return r, true
			}
		}
	}
	return 0, false
}

// sharedObjectVerb returns the verb conjoined right after v whose object
// v shares: "attacked and killed two soldiers", "condemned and rejected
// the proposal", "will totally destroy and obliterate the Economy of
// Turkey". v has no object, oblique or complement of its own, and
// nothing but the coordinator (and adverbs) stands between it and the
// conjunct, which has no subject of its own.
func (st *sent) sharedObjectVerb(v int) (int, bool) {
	for _, k := range st.children(v) {
		if k > v && (st.rel(k).IsObject() || st.rel(k).IsObliqueLike() || st.base(k) == text.Ccomp || st.base(k) == text.Xcomp) {
			return 0, false
		}
	}
	for _, c := range st.childrenRel(v, text.Conj) {
		if c < v || st.tok(c).UPOS != text.VERB {
			continue
		}
		for i := v + 1; i < c; i++ {
			switch {
			case st.base(i) == text.Cc && st.head(i) == c:
			case st.base(i) == text.Advmod && st.head(i) == c:
			default:
				return 0, false
			}
		}
		for _, k := range st.children(c) {
			if st.rel(k).IsSubject() {
				return 0, false
			}
		}
		return c, true
	}
	return 0, false
}

// ownedBy reports whether the phrase headed by h is possessed by a
// pronoun that stands for the sources: "Corbyn said his Labour Party are
// eager for an election" speaks of his own party, about no one else.
func (st *sent) ownedBy(h int, sources []entity) bool {
	for _, k := range st.childrenRel(h, text.Nmod) {
		if st.rel(k) != text.NmodPoss || st.tok(k).UPOS != text.PRON {
			continue
		}
		if e := st.mention(k); len(e) > 0 && sameAs(e, sources) {
			return true
		}
	}
	return false
}

// ownOrgan reports whether e, an object, is the armed forces of the
// source's own state while the source is that state or its government:
// what the source moves or sends, not whom it acts on. "Syria withdrew its
// troops from Lebanon", "the government sent its army to Aleppo": the
// target is where from or to. Other organs stay targets ("the army placed
// the president under house arrest", "the House subpoenaed the White
// House").
func ownOrgan(e, sources []entity) bool {
	return ownForces(e, sources, false)
}

// ownForces is ownOrgan, with unnamed: forces of no named state count as
// the source's own too ("the deployment of 230 troops to Liberia"
// announced by Nigeria), as they do in the object of an act of giving,
// sending or deploying, of a show of force or of cutting aid, not of one
// of conflict ("claimed to have killed about 2,300 Artsakh soldiers"). With
// several sources, forces of no named state are each one's own.
func ownForces(e, sources []entity, unnamed bool) bool {
	if unnamed && len(e) == 1 && len(sources) > 1 && strings.HasPrefix(e[0].code, "---MIL") {
		// "Netherlands and Switzerland suspended military aid": each
		// state's own.
		for _, s := range sources {
			if !ownForces(e, []entity{s}, true) {
				return false
			}
		}
		return true
	}
	if len(e) != 1 || len(sources) != 1 {
		return false
	}
	s, o := sources[0].code, e[0].code
	if len(s) < 3 || len(o) < 6 || !placeCode(s[:3]) || o[3:6] != "MIL" {
		return false
	}
	if s[:3] != o[:3] && !(unnamed && o[:3] == "---") {
		return false
	}
	return len(s) == 3 || s[3:min(6, len(s))] == "GOV"
}

// transferVerbs give, send or offer their object to someone: the
// to-phrase names the target.
var transferVerbs = map[string]bool{"PROVIDE": true, "OFFER": true, "SEND": true, "SUPPLY": true, "GIVE": true,
	"DELIVER": true, "CONTRIBUTE": true, "DONATE": true, "DEPLOY": true, "DISPATCH": true, "SELL": true,
	"TRANSFER": true, "HAND": true, "GRANT": true, "EXTEND": true, "PLEDGE": true, "LEND": true, "EXPORT": true,
	"SHIP": true, "RETURN": true, "REPATRIATE": true}

// notTarget are prepositions whose phrase places or dates an event
// rather than naming who it is done to ("after the talks in Astana",
// "outside Aleppo").
var notTarget = map[string]bool{"AFTER": true, "BEFORE": true, "DURING": true, "SINCE": true, "UNTIL": true,
	"OUTSIDE": true, "INSIDE": true, "NEAR": true, "ACROSS": true, "THROUGHOUT": true, "AROUND": true, "DESPITE": true}

// timePhrase reports whether oblique k is headed by a noun of time, whose
// phrase says when, not to whom: "For the first time in the sixteen
// weeks of protests in Hong Kong, police fired" (Hong Kong is no target).
// Days and dates are left to the other rules: "On Friday in Pakistan, X
// was sentenced" places its target there.
func (st *sent) timePhrase(k int) bool {
	if st.caseWord(k) == "" {
		return false
	}
	switch st.lemma(k) {
	case "TIME", "WEEK", "MONTH", "YEAR", "HOUR", "MINUTE", "DECADE", "CENTURY", "PERIOD", "ERA", "SEASON", "ANNIVERSARY":
		return true
	}
	return false
}

// several reports whether sources are more than one actor: two or more,
// or one named by a plural noun ("leaders of the member states").
func (st *sent) several(sources []entity) bool {
	return len(sources) > 1 || len(sources) == 1 && st.pluralNoun(sources[0].head)
}

// sameAs reports whether a and b are one actor: one code, and not two
// people the dictionaries list apart (Barack Obama and Joe Biden are both
// USAELI).
func sameAs(a, b []entity) bool {
	if len(a) != 1 || len(b) != 1 {
		return false
	}
	return a[0].code == b[0].code && !twoPeople(a[0], b[0])
}

// twoPeople reports whether a and b are two persons whom a shared code
// does not make one actor: with entries of their own in the actor
// dictionaries (people with dated roles), or, when one has none (a person
// the text describes: "Michael Bloomberg, formerly the mayor of New York
// City"), with names that end in different words ("Bloomberg endorsed his
// former rival, Joe Biden": USAELI both). Groups, organs and places with
// one code are one actor ("the police" and "El Paso's police chief").
func twoPeople(a, b entity) bool {
	if !a.person || !b.person {
		return false
	}
	if a.entry != "" && b.entry != "" {
		return a.entry != b.entry
	}
	return a.last != "" && b.last != "" && a.last != b.last
}

// subjectOf returns v's active subject, or -1.
func (st *sent) subjectOf(v int) int {
	for _, k := range st.children(v) {
		if r := st.rel(k); r.IsSubject() && !r.IsPassiveSubject() {
			return k
		}
	}
	return -1
}

// firstComplement returns the phrase a target would come from: the
// passive subject, the object, or the first oblique; -1 if none.
func (st *sent) firstComplement(v int, passive bool) int {
	kids := st.children(v)
	for _, k := range kids {
		r := st.rel(k)
		if (passive && r.IsPassiveSubject()) || r.IsObject() {
			return k
		}
	}
	for _, k := range kids {
		r := st.rel(k)
		if r.IsObliqueLike() && r != text.NmodPoss && r != text.OblAgent && !unmarked(r) && st.caseWord(k) != "BY" {
			return k
		}
	}
	return -1
}

// newActor codes a noun phrase that no dictionary knows as a new actor,
// its words in quotes ("THE MINISTRY OF MAGIC"), when
// Options.NewActorLength allows a phrase that long (PETRARCH's
// new_actor_length). Pronouns, dates and numbers are not actors.
func (st *sent) newActor(h int) []entity {
	n := st.c.opts.NewActorLength
	if n <= 0 || h < 0 {
		return nil
	}
	switch st.tok(h).UPOS {
	case text.NOUN, text.PROPN:
	default:
		return nil
	}
	lo, _ := st.phraseSpan(h)
	hi := max(st.subtreeEnd(h), h)
	var words []string
	for i := lo; i <= hi; i++ {
		switch {
		case st.tok(i).UPOS == text.PUNCT, st.key(i) == "'S", st.key(i) == "'":
			continue
		}
		words = append(words, st.key(i))
	}
	if len(words) == 0 || len(words) > n {
		return nil
	}
	return []entity{{code: "\"" + strings.Join(words, " ") + "\"", head: h, inferred: true,
		span: text.Span{Start: st.tok(lo).Start, End: st.tok(hi).End}}}
}

// unmarked reports whether r is a bare noun modifier of time or measure
// ("on Monday" is obl; "Monday", "this week" are obl:tmod in UD v1 and
// early v2, obl:unmarked since UD 2.14): never a target.
func unmarked(r text.DepRel) bool {
	switch r.Subtype() {
	case "tmod", "npmod", "unmarked":
		return true
	}
	return false
}
