// Package coder codes events — who did what to whom — from the dependency
// trees of a text.Doc, with PETRARCH-format dictionaries (package
// coder/dict) and the CAMEO codebook (package cameo).
//
// The coder is a pipeline of stages, each in its own file, run sentence by
// sentence in the order the data flows:
//
//  0. the tree (repair.go): repairs of parse structures that UD never
//     produces but statistical parsers do;
//  1. mentions (mention.go, place.go): every actor mention with its code,
//     from the actor and agent dictionaries with dated roles, pronouns,
//     short names, role nouns and the places actors act in, and how each
//     was resolved;
//  2. frames (frame.go, nominal.go): every predicate — a verb with a
//     dictionary entry, or a noun that names an event — with the sense its
//     most specific dictionary pattern gives it and its arguments, found
//     through passive, control, relative clauses, conjunction and
//     apposition;
//  3. assertion (assert.go): whether the text says the act happened, or
//     only wants, plans, threatens, supposes or denies it;
//  4. coding (coding.go): the code each frame's events take: its sense,
//     the opposite of a negated one, the verb dictionary's
//     transformations of a statement about an event;
//  5. events (events.go): one event per pair of actors, with the byte
//     spans that prove it, the entries that fired, and, on request
//     (Coder.Explain), what each stage decided.
//
// After the date stage (internal/stages, which dates each event by its
// clause), Coder.RedateRoles gives the actors of an event dated well
// before the article the roles their records date for that day.
//
// See docs/notes/coder.md for the constructions handled.
package coder

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Options tune the coder. The zero value is not a useful configuration:
// use DefaultOptions (eventwire's conventions for news) or PetrarchOptions
// (PETRARCH's).
type Options struct {
	// RequireDyad drops events that lack a coded source or target
	// (PETRARCH's require_dyad, true by default there).
	RequireDyad bool
	// RequireCountry drops events whose source has a role but no country
	// or organisation (a code that begins with "---": "a government
	// official said", "senators criticized" where nothing says whose): an
	// act nobody can be placed as doing. On the development sets it
	// raises precision (judged Wikinews demo 0.484 to 0.500, PLOVER tune
	// half 0.548 to 0.556, the real-news gold's dev split 0.278 to 0.288)
	// and costs ConfliBERT's phrase-scored class recall (0.402 to 0.386),
	// which counts "officials" as a source. A target with no country stays
	// ("Turkey attacked forces in Syria").
	RequireCountry bool
	// RequireTargetCountry drops, in a document of more than one
	// sentence, events whose target has no country or organisation
	// after the coder has looked for one in the article ("supported
	// peasant farming", ---AGR; "began a military offensive", ---MIL;
	// "called for refugees", ---REF): what is left without a country
	// there is mostly a thing a role word names, not an actor. On the
	// judged demo set 8 of 9 such events were wrong, on the judged
	// sample of the other Wikinews articles 6 of 7, and the real-news
	// gold has 3 such targets in 446 events. Acts of force and coercion
	// (17-20) kept them until session 14 ("Turkey attacked forces in
	// Syria" is an attack though whose forces is not said), but of the
	// 16 such events the judged Wikinews sets hold, 15 are wrong (a
	// protest's "parliament", "the offensive" itself, "Artsakh soldiers",
	// ABS-CBN with no country), so they go too. A lone sentence has no
	// article to place its groups and keeps them all ("officials
	// condemned militants"), as the PLOVER and ConfliBERT sets annotate
	// them.
	RequireTargetCountry bool
	// Negation says what a negated verb codes; the zero value,
	// NegationInvert, codes exact opposites only.
	Negation Negation
	// NewActorLength, when positive, codes a source or target phrase that
	// no dictionary knows, of at most that many words, as a new actor
	// whose code is the phrase in quotes (PETRARCH's new_actor_length;
	// 0, off, is its default).
	NewActorLength int
	// Modality says how acts that are only committed to, future,
	// possible or hypothetical are coded.
	Modality Modality
	// Factuality, when not nil, is a learned model of whether the act a
	// predicate names happened (package nlp/factuality implements it).
	// The assertion stage takes an act its rules find asserted as not
	// asserted when the model's value is below FactualityMin.
	Factuality Factuality
	// Scorer, when not nil, is the learned scorer of the events stage
	// (score.go): events it gives a probability below its threshold are
	// dropped, the others carry the probability as their Confidence.
	Scorer *Scorer
	// FactualityMin is the lowest factuality value of an asserted act
	// (on the UDS-IH2 scale, about -1.2 "did not happen" to 1.1
	// "happened").
	FactualityMin float64
}

// DefaultFactualityMin is the FactualityMin eventwire's commands use with
// the shipped factuality model, which the assertion stage consults for
// finite clauses: chosen on the development sets (the judged Wikinews demo
// set loses 6 wrong events and no right one; the PLOVER tune half's F1
// rises from 0.392 to 0.403), below the value where recall falls away
// (docs/BENCHMARKS.md).
const DefaultFactualityMin = 0.6

// Factuality says whether the act that token tok of an annotated doc
// names happened, according to the text: a value on the UDS-IH2 scale,
// positive for "happened". It must be safe for concurrent use.
type Factuality interface {
	Factuality(d *text.Doc, tok int) float64
}

// Modality is a convention for acts that have not (yet) happened.
type Modality int

const (
	// ModalityNews, the default, follows the CAMEO codebook's definitions:
	// an act its actor commits to or announces for the future ("will
	// give", "agreed to withdraw", "is ready to negotiate") is an
	// expressed intent (03) or, when hostile, a threat (13); a possible or
	// hypothetical act ("could attack", "would face trial") is no event.
	ModalityNews Modality = iota
	// ModalityAct codes such verbs as the act they name, as PETRARCH does
	// (its unit tests code "Arnor will contribute a million dollars to
	// Australia" as aid given, 070).
	ModalityAct
)

// DefaultOptions returns eventwire's conventions for news: RequireDyad,
// RequireCountry, negated verbs inverted where the ontology has an exact
// opposite, no new actors, ModalityNews.
func DefaultOptions() Options {
	return Options{RequireDyad: true, RequireCountry: true, RequireTargetCountry: true}
}

// PetrarchOptions returns PETRARCH-2's conventions, which its unit tests
// encode: DefaultOptions with ModalityAct.
func PetrarchOptions() Options { return Options{RequireDyad: true, Modality: ModalityAct} }

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
	// states caches the code of each geocoded place's state (stateCode).
	states sync.Map
}

// synset is a verb-dictionary synonym set prepared for matching.
type synset struct {
	single map[string]bool // one-word members
	multi  [][]string      // multi-word members, head last
}

// hyphenParts splits a hyphenated dictionary word into the words the
// tokenizer makes of it ("CEASE-FIRE": CEASE, FIRE), or returns nil for a
// word without an inner hyphen.
func hyphenParts(w string) []string {
	if !strings.Contains(strings.Trim(w, "-"), "-") {
		return nil
	}
	var out []string
	for _, p := range strings.Split(w, "-") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
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
					if parts := hyphenParts(m[0]); parts != nil {
						s.multi = append(s.multi, parts) // "HUNGER-STRIKE", tokenized hunger - strike
					}
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
	evs, _, err := c.code(ctx, doc, date, Given{}, false)
	return evs, err
}

// A Place is a place name of the doc that the geocoder resolved: the span
// of the name in doc.Text, its state (ISO 3166-1 alpha-3 and the state's
// name) and the gazetteer entry ("geonames:170063 Aleppo"). The coder
// codes the place by the code its actor dictionaries give the state's
// name ("Kosovo" is KSV there, XKX in ISO), else by the ISO code.
type Place struct {
	Span        text.Span
	Country     string
	CountryName string
	Entry       string
}

// Given is what the pipeline knows of a doc before the coder reads it.
type Given struct {
	// Places are the place names the geocoder resolved: a place that no
	// actor dictionary lists ("Tal Abyad", "Kramatorsk") is an actor of
	// its state, as the dictionaries' own places are, and tells a group
	// acting there its country. The dictionaries' entries win where both
	// know a name. Places whose spans are not whole tokens are ignored.
	Places []Place
	// Quotes are the quotations attributed to their speakers (package
	// quote): in the words of a direct or mixed quote, "I", "we", "me",
	// "us", "my" and "our" are its speaker ("I asked John for his
	// resignation," wrote Trump).
	Quotes []eventwire.Quote
}

// CodeGiven codes doc as Code does, knowing what g gives.
func (c *Coder) CodeGiven(ctx context.Context, doc *text.Doc, date time.Time, g Given) ([]eventwire.Event, error) {
	evs, _, err := c.code(ctx, doc, date, g, false)
	return evs, err
}

// RedateRoles gives the actors of events dated well before the article
// (an act told as background, Event.DateFrom "sentence": "Clinton was
// impeached in 1998", "after Theresa May stepped down on July 24") the
// roles their dictionary records date for the event's day, not the
// article's: an office holder then was one. Only an actor whose code is
// its record's own role on the article's date (no agent was combined
// with it) and only for persons' records; a date of a year or a month is
// read as its middle. Dates within 30 days of the article keep its roles.
func (c *Coder) RedateRoles(evs []eventwire.Event, article time.Time) {
	if article.IsZero() || c.d.Actors == nil {
		return
	}
	for i := range evs {
		ev := &evs[i]
		if ev.DateFrom != "sentence" {
			continue
		}
		day, ok := eventDay(ev.Date)
		if !ok || day.After(article.AddDate(0, 0, -30)) {
			continue
		}
		for _, side := range []*eventwire.Actor{&ev.Source, &ev.Target} {
			act := c.d.Actors.ByEntry(side.Entry)
			if act == nil || !personEntry(act) || act.CodeAt(article) != side.Code {
				continue
			}
			if code := act.CodeAt(day); code != "" && code != side.Code {
				side.Code = code
			}
		}
	}
}

// eventDay reads an event's date, a day, a month or a year (timex
// values "2019-07-24", "2019-07", "1998"), as a day: a month or a year by
// its middle.
func eventDay(s string) (time.Time, bool) {
	for _, f := range []struct {
		layout string
		months int
		days   int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 14}, {"2006", 6, 0}} {
		if len(s) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, s); err == nil {
			return t.AddDate(0, f.months, f.days), true
		}
	}
	return time.Time{}, false
}

// A Decision is what a stage of the coder decided about a predicate that
// gave no event: why it is no frame, why its act is not asserted, or why
// no pair of its actors makes an event.
type Decision struct {
	Sentence int       `json:"sentence"`
	Word     string    `json:"word"`
	Span     text.Span `json:"span"`
	// Stage is "frame", "assertion" or "events", or "discard" for an
	// article a story-level discard phrase keeps from being coded.
	Stage string `json:"stage"`
	Why   string `json:"why"`
}

// Explain codes doc as Code does, and says what each stage decided: every
// event carries its Explain, and the decisions list the predicates that
// gave no event and why. It is slower than Code and meant for people
// reading why an event was, or was not, coded.
func (c *Coder) Explain(ctx context.Context, doc *text.Doc, date time.Time) ([]eventwire.Event, []Decision, error) {
	return c.code(ctx, doc, date, Given{}, true)
}

// ExplainGiven is Explain knowing what g gives, as CodeGiven.
func (c *Coder) ExplainGiven(ctx context.Context, doc *text.Doc, date time.Time, g Given) ([]eventwire.Event, []Decision, error) {
	return c.code(ctx, doc, date, g, true)
}

// Candidates codes doc as Code does, without the learned scorer's filter,
// and returns every event with the features the scorer reads, for
// training and inspecting it (eventwire train scorer).
func (c *Coder) Candidates(ctx context.Context, doc *text.Doc, date time.Time) ([]Candidate, error) {
	dc, evs, _, err := c.run(ctx, doc, date, Given{}, false, true)
	if err != nil || dc == nil {
		return nil, err
	}
	out := make([]Candidate, len(evs))
	for i, e := range evs {
		out[i] = Candidate{Event: e, Features: dc.features[i]}
	}
	return out, nil
}

func (c *Coder) code(ctx context.Context, doc *text.Doc, date time.Time, g Given, explain bool) ([]eventwire.Event, []Decision, error) {
	_, evs, trace, err := c.run(ctx, doc, date, g, explain, false)
	return evs, trace, err
}

func (c *Coder) run(ctx context.Context, doc *text.Doc, date time.Time, g Given, explain, collect bool) (*docState, []eventwire.Event, []Decision, error) {
	if doc == nil {
		return nil, nil, nil, nil
	}
	if need := text.AttrTokens | text.AttrSents | text.AttrUPOS | text.AttrDeps; doc.Attrs != 0 && !doc.Attrs.Has(need) {
		return nil, nil, nil, fmt.Errorf("coder: the doc has %v, the coder needs %v: %w", doc.Attrs, need, eventwire.ErrInvalid)
	}
	if err := doc.Validate(); err != nil {
		return nil, nil, nil, fmt.Errorf("coder: %w: %w", eventwire.ErrInvalid, err)
	}
	dc := &docState{c: c, doc: doc, date: date, explain: explain, collect: collect, places: c.placeIndex(doc, g.Places), quotes: speakerIndex(g.Quotes)}
	if c.d.Discards != nil {
		story, hits, _ := c.d.Discards.Find(doc.Text)
		if story {
			if explain {
				dc.trace = append(dc.trace, storyDiscarded(doc, c.d.Discards))
			}
			return dc, nil, dc.trace, nil
		}
		dc.discardAt = hits
	}
	var out []eventwire.Event
	for s := range doc.Sents {
		// Every sentence: a stop must not wait for a long document.
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
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
	return dc, out, dc.trace, nil
}

// storyDiscarded is the decision that explains an article with no
// events because it holds a story-level discard phrase ("+AUSTRALIAN OPEN"
// in the Phoenix discard list): the dictionaries mark such stories (sports
// results, entertainment) as no news of political events, and the coder
// codes none of their sentences, as PETRARCH does.
func storyDiscarded(doc *text.Doc, d *dict.Discards) Decision {
	m, _ := d.FindStory(doc.Text)
	sent := 0
	for i, s := range doc.Sents {
		if int(s.Start) <= m.Start {
			sent = i
		}
	}
	return Decision{Sentence: sent, Word: doc.Text[m.Start:m.End], Span: text.Span{Start: int32(m.Start), End: int32(m.End)}, Stage: "discard",
		Why: fmt.Sprintf("the article holds %q, a story-level discard phrase (%s:%d): no sentence of it is coded", m.Phrase, m.File, m.Line)}
}

// docState is what the coder remembers across the sentences of one doc:
// the actors mentioned so far, for short references and pronouns.
type docState struct {
	c    *Coder
	doc  *text.Doc
	date time.Time
	// history holds the actors mentioned in earlier sentences, in order.
	history []entity
	// geoHistory holds the places of earlier sentences that only the
	// geocoder knows (sent.geoPlaces), in order.
	geoHistory []entity
	// force is the last act of force (18-20) coded in an earlier
	// sentence, for "the attack" (sent.attackRef) and for a noun that
	// restates it (sent.restatedFrames); code "" when none.
	force forceAct
	// discardAt are the byte offsets of sentence-level discard phrases.
	discardAt []int
	// surnames are the one-word places the article has used as a
	// person's surname ("Sudesh Amman"): later alone they name him, not
	// the place.
	surnames map[string]bool
	// privateNames are the last words of the names of persons the
	// dictionaries do not know, named in full so far ("Milken" after
	// "Michael Milken"; privateName).
	privateNames map[string]bool
	// explain asks every stage to say what it decided; trace collects
	// the decisions about predicates that gave no event.
	explain bool
	trace   []Decision
	// collect asks for the scorer's features of every candidate event,
	// unfiltered, in the order of the events (Coder.Candidates).
	collect  bool
	features [][]float32
	// places are the geocoder's places by the token they start at (the
	// token's index), each with the index of its last token.
	places map[int]docPlace
	// quotes are the direct and mixed quotes with a coded speaker.
	quotes []quoted
}

func (dc *docState) sentence(s int) []eventwire.Event {
	doc := dc.doc
	sp := doc.Sents[s]
	lo, hi := int(sp.Start), int(sp.End)
	if hi <= lo {
		return nil
	}
	var past []int
	discarded := false
	if len(dc.discardAt) > 0 {
		span := doc.SentByteSpan(s)
		for _, at := range dc.discardAt {
			if !span.Contains(at) {
				continue
			}
			if pastTime(doc.Text[at:]) {
				// "in 1963", "two weeks ago": the clause that says it is
				// background, not the whole sentence ("said they will
				// release him, whom they had taken hostage two weeks ago").
				// A year is past only against the report's date: an
				// undated text may report what happened in it.
				if !dc.date.IsZero() || !yearTime(doc.Text[at:]) {
					past = append(past, at)
				}
				continue
			}
			discarded = true
			break
		}
	}
	st := newSent(dc, s, lo, hi)
	// A discarded sentence still names people: "The attacker, identified
	// as Sudesh Amman, ... a week ago" makes "Amman" his name later.
	st.markSurnames()
	if discarded {
		return nil
	}
	st.past = append(past, st.pastYears(past)...)
	evs := st.code()
	// Remember this sentence's actors for later references.
	st.rememberNames()
	dc.history = append(dc.history, st.occurrences...)
	dc.geoHistory = append(dc.geoHistory, st.geoPlaces()...)
	for _, e := range evs {
		if forceCode(e.CAMEO) && e.CAMEO[:2] != "17" && !e.Negated && e.Source.Code != "" && !strings.HasPrefix(e.Source.Code, "---") {
			side := func(a eventwire.Actor, span text.Span) entity {
				if span.End <= span.Start {
					span = e.Evidence.Verb // an inferred side: the act's verb shows it
				}
				return entity{code: a.Code, entry: a.Entry, head: -1, span: span, inferred: true}
			}
			dc.force = forceAct{code: e.CAMEO, pattern: e.Pattern, source: side(e.Source, e.Evidence.Source), target: side(e.Target, e.Evidence.Target)}
		}
	}
	return evs
}

// forceAct is an act of force an article has coded: its code, pattern and
// sides, each with the span that shows it (its evidence, or the act's
// verb for a side that was inferred).
type forceAct struct {
	code, pattern  string
	source, target entity
}

// pastTimes are the discard phrases that date a clause in the past ("2011",
// "the 1990s", "weeks ago", "years later"); pastTime reports whether text
// starts with one. (A decade had discarded its whole sentence: "China has
// agreed to lift a ban ... that was imposed over a BSE crisis in the
// 1990s".)
var pastTimes = regexp.MustCompile(`^(?i)([12][0-9]{3}s?\b|(days|weeks|months|years|decades) (ago|later|earlier)\b)`)

func pastTime(text string) bool { return pastTimes.MatchString(text) }

// yearTime reports whether text starts with a year or a decade ("2011",
// "the 1990s" starts at its number), which dates a clause in the past only
// against the date of the report.
func yearTime(text string) bool { return len(text) > 0 && text[0] >= '0' && text[0] <= '9' }

// yearCase are the prepositions of a year that dates when a clause
// happened ("in 2016", "since 2017", none); "a trade protocol for 1990"
// or "until 2015" name a period or a limit.
var yearCase = map[string]bool{"": true, "IN": true, "DURING": true, "SINCE": true, "ON": true}

// pastYears are the byte offsets of the years before the article's that
// date a clause of the sentence and that the discard phrases (1914-2013)
// do not list: "received a prison sentence in 2016", "in March 2017", in
// a 2020 article. The discard list dates a clause by any of its years,
// as its compilers' past; this keeps that past current. Only a year that
// is a time phrase (in, during, since, on or none; or a month's year) counts:
// "the 2016 election" dates nothing. known are the offsets found already.
func (st *sent) pastYears(known []int) []int {
	if st.dc.date.IsZero() {
		return nil
	}
	var out []int
	for i := st.lo; i < st.hi; i++ {
		t := st.tok(i)
		f := st.doc.Form(i)
		if t.UPOS != text.NUM || len(f) != 4 || (f[:2] != "19" && f[:2] != "20") || slices.Contains(known, int(t.Start)) {
			continue
		}
		y, err := strconv.Atoi(f)
		if err != nil || y >= st.dc.date.Year() {
			continue
		}
		h := i
		if b := st.base(i); b != text.Obl && b != text.Nmod {
			// "in late February 2017": the year of a month.
			h = st.head(i)
			if h < st.lo || h >= st.hi || !timeNouns[st.key(h)] {
				continue
			}
		}
		if b := st.base(h); (b == text.Obl || b == text.Nmod) && yearCase[st.caseWord(h)] {
			out = append(out, int(t.Start))
		}
	}
	return out
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
	seen        map[string]int  // event key → index in events
	eventVerb   []int           // the verb token of each event
	cur         *frame          // the frame whose events are being emitted
	eventX      [][]float32     // the scorer's features of each event, when collected or scored
	dropped     []string        // why the current frame's pairs made no event, when explaining
	past        []int           // byte offsets of past-time discard phrases in the sentence
	absorbed    map[int]bool    // complement verbs already coded by their governor's pattern
	vocab       map[string]bool // forms and lemmas of the sentence, for mayMatch
	irrealis    map[int]bool    // infinitives under a coded verb
	moved       map[int]int     // heads changed by repairPreconj and the repairs of repair.go
	repairedTok map[int]bool    // tokens re-attached by the repairs of repair.go
	geo         []entity        // the places only the geocoder knows (geoPlaces)
	geoDone     bool            // geo is computed
}

func newSent(dc *docState, s, lo, hi int) *sent {
	doc := dc.doc
	n := hi - lo
	st := &sent{dc: dc, c: dc.c, doc: doc, idx: s, lo: lo, hi: hi,
		kids: make([][]int, n), lemmas: make([]string, n), rels: make([]text.DepRel, n), bases: make([]text.DepRel, n), memo: map[int][]entity{}, seen: map[string]int{}, absorbed: map[int]bool{}, irrealis: map[int]bool{}}
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
	st.repairTimeSubject()
	st.repairFrontedTime()
	st.repairTimeSubjects()
	st.repairAgoCompound()
	st.repairFreeAfterVerb()
	st.repairElectedTitle()
	st.repairThatAfterDay()
	st.repairPerfect()
	st.repairVerbAmod()
	st.repairReport()
	st.repairPostposedReporter()
	st.repairParticleCase()
	st.repairQuotedName()
	st.repairControlInfinitive()
	st.repairObjectComplement()
	st.repairAppositiveSubject()
	st.repairRelativeSubject()
	st.repairAppositiveParticiple()
	st.repairTimeConj()
	st.repairFrontedName()
	st.repairTitleConj()
	st.repairAlliedConj()
	st.repairSubjects()
	st.repairRaised()
	st.scanOccurrences()
	st.geoDone = false // a repair's mention may have computed it before the scan
	return st
}

func (st *sent) tok(i int) *text.Token { return &st.doc.Tokens[i] }

func (st *sent) key(i int) string { return st.words.Keys[i-st.lo] }

func (st *sent) lemma(i int) string { return st.lemmas[i-st.lo] }

func (st *sent) children(i int) []int { return st.kids[i-st.lo] }

func (st *sent) rel(i int) text.DepRel { return st.rels[i-st.lo] }

func (st *sent) base(i int) text.DepRel { return st.bases[i-st.lo] }

// code codes the sentence, stage by stage: the frames of its predicates
// with the actors their arguments name (stages 1 and 2), whether each is
// asserted (3), the code each gives (4), and their events (5).
func (st *sent) code() []eventwire.Event {
	st.markWishes()
	var frames []*frame
	for v := st.lo; v < st.hi; v++ {
		f, why := st.verbFrame(v)
		if f != nil {
			frames = append(frames, f)
		} else if why != "" {
			st.decide(v, "frame", why)
		}
	}
	aspect := st.aspectFrames(frames)
	frames = append(frames, aspect...)
	frames = append(frames, st.nounFrames(aspect)...)
	frames = append(frames, st.evalFrames()...)
	frames = append(frames, st.griefFrames()...)
	frames = append(frames, st.protestFrames()...)
	frames = append(frames, st.restatedFrames()...)
	for _, f := range frames {
		f.as = st.assert(f)
	}
	for _, f := range frames {
		st.codeFrame(f)
	}
	st.intents(frames)
	st.transform(frames)
	st.refusals(frames)
	for _, f := range frames {
		n := len(st.events)
		st.dropped = st.dropped[:0]
		st.emitFrame(f)
		if st.dc.explain && len(st.events) == n && f.rule == nil {
			if f.code.Event == "" && f.code.Reverse == "" {
				st.decide(f.pred, "assertion", f.as.mode.String()+": "+f.as.why)
			} else {
				st.decide(f.pred, "events", "no pair of actors makes an event: "+strings.Join(uniq(st.dropped), "; ")+" ("+f.args+")")
			}
		}
	}
	for _, f := range frames {
		if f.rule != nil {
			st.emitRule(f)
		}
	}
	order := make([]int, len(st.events))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return st.events[order[i]].Evidence.Verb.Start < st.events[order[j]].Evidence.Verb.Start
	})
	evs := make([]eventwire.Event, len(order))
	for i, k := range order {
		evs[i] = st.events[k]
		if st.dc.collect {
			st.dc.features = append(st.dc.features, st.eventX[k])
		}
	}
	return evs
}

// uniq returns ss without repeats, in order.
func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// decide records, when explaining, what a stage decided about the
// predicate at token i that gave no event.
func (st *sent) decide(i int, stage, why string) {
	if !st.dc.explain {
		return
	}
	t := st.tok(i)
	st.dc.trace = append(st.dc.trace, Decision{Sentence: st.idx, Word: st.doc.Text[t.Start:t.End],
		Span: text.Span{Start: t.Start, End: t.End}, Stage: stage, Why: why})
}
