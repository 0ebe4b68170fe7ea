// Package tag assigns parts of speech (UD UPOS and Penn XPOS), lemmas and
// morphological features to the tokens of a text.Doc.
//
// The tagger is a greedy left-to-right averaged perceptron over hashed
// features (word, lower case, prefixes and suffixes, shape, neighbouring words
// and the tags already assigned). Its classes are the (XPOS, UPOS) pairs seen
// in training, so both tag sets come from one decision. Frequent words that
// always had the same tag in training skip the model (the tag dictionary),
// which is both faster and slightly more accurate. Lemmas come from a
// treebank lexicon of exceptions backed by English suffix rules; features
// (UFeats) from a (word, XPOS) lexicon backed by the commonest features of
// each XPOS.
package tag

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/nlp/internal/perceptron"
	"github.com/eventwire/eventwire/text"
)

// Class is one tagger decision: an XPOS with the UPOS it goes with.
type Class struct {
	UPOS text.UPOS
	XPOS string
}

type wordInfo struct {
	top   uint16 // commonest class in training
	fixed bool   // always top: skip the model
}

// Tagger tags, lemmatizes and adds features. It is immutable after loading
// and safe for concurrent use.
type Tagger struct {
	classes []Class
	model   *perceptron.Model
	words   map[string]wordInfo
	lemmas  map[string]string // form "\x00" xpos → lemma, where the rules are wrong
	feats   map[string]string // lower-case form "\x00" xpos → feats, where they differ from xfeats
	xfeats  map[string]string // xpos → commonest feats
}

// Classes returns the tagger's classes, in class-id order.
func (t *Tagger) Classes() []Class { return slices.Clone(t.classes) }

// Name implements nlp.Annotator.
func (t *Tagger) Name() string { return "tag" }

// Requires implements nlp.Annotator.
func (t *Tagger) Requires() text.Attr { return text.AttrTokens | text.AttrSents }

// Provides implements nlp.Annotator.
func (t *Tagger) Provides() text.Attr {
	return text.AttrUPOS | text.AttrXPOS | text.AttrLemma | text.AttrFeats
}

// Annotate implements nlp.Annotator: it tags every sentence of d.
func (t *Tagger) Annotate(ctx context.Context, d *text.Doc) error {
	return t.annotate(ctx, d, true)
}

// annotate tags d; headlines says whether headline-cased sentences are
// read as running text (see decapitalize) and "about to" is fixed (see
// aboutTo). Jackknifing for the parser's
// training tags leaves it off: it is an adjustment for news headlines,
// which the treebank hardly has, and the shipped parser was trained
// without it.
func (t *Tagger) annotate(ctx context.Context, d *text.Doc, headlines bool) error {
	if !d.Attrs.Has(t.Requires()) {
		return fmt.Errorf("tag: doc lacks %s", t.Requires()&^d.Attrs)
	}
	s := t.newScratch()
	if headlines {
		s.names = docNames(d)
	}
	for _, sp := range d.Sents {
		// Every sentence: a stop must not wait for a long document.
		if err := ctx.Err(); err != nil {
			return err
		}
		s.orig = s.orig[:0]
		for i := sp.Start; i < sp.End; i++ {
			s.orig = append(s.orig, d.Form(int(i)))
		}
		s.forms = append(s.forms[:0], s.orig...)
		s.afterModal = headlines
		headline := false
		if headlines {
			headline = t.decapitalize(s.forms)
		}
		tags := t.tagSentence(s, nil)
		if headline {
			t.headlineVerb(s, tags)
		} else if headlines {
			t.presentVerb(s, tags)
		}
		if headlines {
			t.aboutTo(s.forms, tags)
			t.ingAdjective(s.forms, tags)
			t.finitePast(s.forms, tags)
			t.verbless(s.forms, tags)
			t.finitePresent(s.forms, tags)
			t.nounAfterArticle(s.forms, tags)
			t.noIngNoVBG(s.orig, tags)
			t.subordinator(s.forms, tags)
			t.capitalIS(s.forms, tags)
			t.nounBeforeFinite(s.forms, tags)
			t.nameWord(s.forms, tags)
			t.openPreposition(s.forms, tags)
			t.onlyPreposition(s.forms, tags)
			t.afterPossessive(s.forms, tags)
			t.substantiveParticiple(s.forms, tags)
			t.coordinatedPast(s.forms, tags)
			t.nameNotAux(s.forms, tags)
			t.reducedRelative(s.forms, tags)
			t.nounHead(s.forms, tags)
		}
		for k, c := range tags {
			tok := &d.Tokens[int(sp.Start)+k]
			cl := t.classes[c]
			tok.UPOS, tok.XPOS = cl.UPOS, cl.XPOS
			f := s.forms[k]
			if cl.XPOS == "NNP" || cl.XPOS == "NNPS" {
				f = s.orig[k]
			}
			tok.Lemma = t.Lemma(f, cl.XPOS)
			tok.Feats = t.Feats(f, cl.XPOS)
		}
	}
	d.Attrs |= t.Provides()
	return nil
}

// decapitalize rewrites, in a headline-cased sentence ("Putin, Assad Say
// Aleppo Takeover Makes Conditions Ripe For Peace", or one in capitals),
// the capitalized words whose lower-case form the tagger knows and whose
// written form it does not know as a proper noun: "Say" → "say", "For" →
// "for", while "Putin" and "Aleppo" stay. Capitals then mean a name again,
// as in the running text the tagger was trained on. Other sentences are
// left alone. It reports whether the sentence is headline-cased.
func (t *Tagger) decapitalize(forms []string) bool {
	words, upper := 0, 0
	for i, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if i == 0 || !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if words < 3 || upper*10 < words*8 {
		return false
	}
	for i, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			continue
		}
		lower := strings.ToLower(f)
		lw, ok := t.words[lower]
		if !ok || t.isName(lw.top) {
			continue
		}
		if w, ok := t.words[f]; ok && t.isName(w.top) {
			continue
		}
		forms[i] = lower
	}
	return true
}

// headlineMargin is how far (in perceptron score) below the model's choice
// the best finite-verb class of a noun may be for headlineVerb to make it
// the headline's verb. Set by hand from 21 invented title-case headlines:
// the verbs tagged as nouns ("Rebels Attack Army Convoy", "Police Arrest
// 20 Protesters", "Court Blocks Trump Order") scored -4 to -54, the nouns
// of verbless headlines ("Death Toll In Nigeria Church Attack", "UN
// Security Council Meeting On Syria") -65 to -72; one verb, "Collapse" in
// "Talks Collapse" (-62), fell below. In EWT dev the rule fires in two
// lines of e-mail signatures, both wrongly.
const headlineMargin = 60

// headlineVerb gives a headline-cased sentence in which the model found no
// verb at all (nor an -ed adjective, a participle: "Election Results
// Delayed") one: among the lower-case words (decapitalize lowered them:
// common words, not names) tagged as nouns right after a noun, the one
// whose best finite-verb class that its spelling allows (VBZ for -s, VBD
// for -ed, VBP otherwise) scores closest to the model's choice, if within
// headlineMargin. Headlines drop the articles that tell running text's
// verbs from nouns, and the treebank has few, so "Rebels Attack Army
// Convoy" came out as four nouns. s holds the sentence as tagSentence
// left it.
func (t *Tagger) headlineVerb(s *scratch, tags []uint16) {
	for i, c := range tags {
		switch t.classes[c].XPOS {
		case "VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD":
			return
		case "JJ":
			if strings.HasSuffix(s.forms[i], "ed") {
				return // a participle as the predicate: "Election Results Delayed"
			}
		}
	}
	isNoun := func(c uint16) bool {
		switch t.classes[c].XPOS {
		case "NN", "NNS", "NNP", "NNPS":
			return true
		}
		return false
	}
	best, bestClass, bestMargin := -1, 0, float32(-headlineMargin)
	for i := 1; i < len(tags); i++ {
		if !isNoun(tags[i]) || !isNoun(tags[i-1]) || !isLowerWord(s.forms[i]) || len(s.forms[i]) < 3 {
			continue // decapitalize lowered the words it knows as common words
		}
		ends := func(suf string) bool { return strings.HasSuffix(s.forms[i], suf) }
		t.scoreAt(s, tags, i)
		v := -1
		for k, cl := range t.classes {
			// Only the verb forms the spelling allows: "attacks" VBZ,
			// "attacked" VBD, "attack" VBP.
			ok := false
			switch cl.XPOS {
			case "VBZ":
				ok = ends("s") && !ends("ss")
			case "VBD":
				ok = ends("ed")
			case "VBP":
				ok = !ends("s") && !ends("ed")
			}
			if ok && (v < 0 || s.scores[k] > s.scores[v]) {
				v = k
			}
		}
		if v < 0 {
			continue
		}
		if m := s.scores[v] - s.scores[tags[i]]; m > bestMargin {
			best, bestClass, bestMargin = i, v, m
		}
	}
	if best >= 0 {
		tags[best] = uint16(bestClass)
	}
}

// particles are the prepositions that also make phrasal verbs ("call on",
// "hand over").
var particles = map[string]bool{"on": true, "over": true, "up": true, "out": true, "off": true, "down": true,
	"back": true, "away": true}

// presentVerb gives a running-text sentence whose subject is followed by
// a present-tense verb the model read as a noun, and which has no finite
// verb before it, that verb: "Germany accepts more than 1,500 people",
// "China and Russia call on US to lift sanctions", "Authorities ease
// curfew as businesses reopen", "EU and UN hand over urgently needed
// medical supplies" (news headlines written as sentences, with the
// articles dropped that tell a verb from a noun). The sentence ends in a
// full stop and has no finite verb outside a clause that a subordinator
// or a relative pronoun opens, and no verb form before the word. The
// word is lower-case, right after a name or a plural noun (the end of a
// subject), and before what may follow a verb (a determiner, number,
// adjective, plural noun, possessive or particle; a singular noun or a
// name only after a plural subject, since after a name it makes a
// compound: "United States basketball player"); its spelling must allow
// a present form (VBZ after a singular name, VBP after a plural or
// conjoined subject) scoring within headlineMargin of the model's
// choice, as for headlineVerb.
func (t *Tagger) presentVerb(s *scratch, tags []uint16) {
	xpos := t.xposOf(tags)
	if len(tags) < 4 || s.forms[len(tags)-1] != "." {
		return
	}
main:
	for i := range tags {
		switch xpos(i) {
		case "WDT", "WP", "WRB":
			break main // a relative or subordinate clause's verb is its own
		case "IN":
			if subordinators[strings.ToLower(s.forms[i])] || strings.EqualFold(s.forms[i], "as") {
				break main
			}
		case "VBD", "VBZ", "VBP", "MD":
			return // the sentence has its verb
		}
	}
	for i := 1; i+1 < len(tags); i++ {
		switch xpos(i) {
		case "VB", "VBN", "VBG":
			return // a verb form before: the sentence's verb may be it
		case "NN", "NNS":
		default:
			continue
		}
		f := s.forms[i]
		if !isLowerWord(f) || len(f) < 3 {
			continue
		}
		prev := xpos(i - 1)
		plural := prev == "NNS" || prev == "NNPS" || i >= 3 && strings.EqualFold(s.forms[i-2], "and") && prev == "NNP"
		if prev != "NNP" && !plural || strings.HasPrefix(prev, "NNP") && isLowerWord(s.forms[i-1]) {
			continue // "skidoo skis": a lower-case word the model took for a name
		}
		switch xpos(i + 1) {
		case "DT", "CD", "JJ", "JJR", "NNS", "PRP$", "RP":
		case "NN", "NNP", "NNPS":
			if strings.HasPrefix(prev, "NNP") {
				continue // "United States basketball player": a compound
			}
		case "IN":
			if !particles[strings.ToLower(s.forms[i+1])] {
				continue // "U.S. products after Trump's exit"
			}
		default:
			continue
		}
		want := "VBZ"
		if plural {
			want = "VBP"
		}
		if want == "VBZ" && (!strings.HasSuffix(f, "s") || strings.HasSuffix(f, "ss")) || want == "VBP" && strings.HasSuffix(f, "s") {
			continue
		}
		v := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: want})
		if v < 0 {
			return
		}
		t.scoreAt(s, tags, i)
		if s.scores[v]-s.scores[tags[i]] > -headlineMargin {
			tags[i] = uint16(v)
		}
		return
	}
}

// scoreAt leaves in s.scores the model's score of every class for word
// i (i >= 1), given the tags of the two words before it, for the rules
// that weigh a verb class against the model's choice.
func (t *Tagger) scoreAt(s *scratch, tags []uint16, i int) {
	p1, p2 := uint64(tags[i-1])+1, uint64(hStart)
	if i > 1 {
		p2 = uint64(tags[i-2]) + 1
	}
	feats := t.features(s, i, p1, p2)
	clear(s.scores)
	t.model.Score(feats, s.scores)
}

// aboutTo retags "about" as an adjective (JJ) where "to" and a base-form
// verb follow ("officials are about to restore ties"): the treebank tags
// it so there, but the model, which mostly sees the preposition, does
// not. Like decapitalize it is applied when tagging, not when
// jackknifing the parser's training tags.
func (t *Tagger) aboutTo(forms []string, tags []uint16) {
	jj := slices.Index(t.classes, Class{UPOS: text.ADJ, XPOS: "JJ"})
	if jj < 0 {
		return
	}
	for i := 0; i+2 < len(forms); i++ {
		if strings.EqualFold(forms[i], "about") && strings.EqualFold(forms[i+1], "to") &&
			int(tags[i+2]) < len(t.classes) && t.classes[tags[i+2]].XPOS == "VB" {
			tags[i] = uint16(jj)
		}
	}
}

// ingAdjectives are "-ing" words news uses as adjectives before a noun,
// never as verbs there, which the model, having seen them rarely, tags
// VBG ("from neighboring Lebanon" became a gerund clause, "neighboring"
// a verb whose object was Lebanon).
var ingAdjectives = map[string]bool{"neighboring": true, "neighbouring": true, "warring": true}

// ingAdjective retags the words of ingAdjectives as adjectives (JJ)
// before a noun or an adjective, and so any "-ing" word (VBG) between a
// possessive 's and a noun or adjective: "Algeria's leading human rights
// activist" had "leading" a verb of the clause, "activist" its object.
// Applied when tagging, like aboutTo.
func (t *Tagger) ingAdjective(forms []string, tags []uint16) {
	jj := slices.Index(t.classes, Class{UPOS: text.ADJ, XPOS: "JJ"})
	if jj < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 0; i+1 < len(forms); i++ {
		possessed := i > 0 && xpos(i) == "VBG" && xpos(i-1) == "POS"
		if !ingAdjectives[strings.ToLower(forms[i])] && !possessed {
			continue
		}
		switch xpos(i + 1) {
		case "NN", "NNS", "NNP", "NNPS", "JJ":
			tags[i] = uint16(jj)
		}
	}
}

// finitePast retags as a past-tense verb (VBD) a past participle (VBN)
// that reads as the finite verb of a clause: nothing before it in the
// sentence is a form of be, have or get (which would make it passive or
// perfect); the word before it ends a subject (a noun, a subject pronoun,
// a closing bracket, or an adverb right after one: "Trump later
// expanded"; or the comma after an appositive, see afterAppositive); an
// object starts right after it (a determiner, number, possessive, object
// pronoun, adjective or noun: "Germany on Monday banned Iranian airline
// Mahan Air", "the police used water cannon"); and no other finite verb
// shares its stretch of the sentence (see otherFinite). EWT, web text,
// has many news verbs ("killed", "banned", "arrested") mostly as
// participles, so the model tags them VBN, and the parser then hangs the
// clause on a noun. A reduced relative ("a man named John", "a statement
// issued Monday") looks the same, so naming verbs and following dates
// and times are left alone, unless the participle is the sentence's only
// candidate for its finite verb (soleVerb). Applied when tagging, like
// aboutTo.
func (t *Tagger) finitePast(forms []string, tags []uint16) {
	vbd := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: "VBD"})
	if vbd < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 1; i+1 < len(forms); i++ {
		adj := xpos(i) == "JJ" && pastAdjective(forms[i], xpos(i+1))
		if xpos(i) != "VBN" && !adj {
			continue
		}
		if auxBefore(forms, xpos, i) {
			// An auxiliary anywhere before: the participle may belong to
			// it, and a finite verb before it in another clause is rare
			// enough to leave.
			return
		}
		if !endsSubject(forms, xpos, i-1) && !afterAppositive(xpos, i) {
			continue
		}
		// "Gunmen attacked and killed two soldiers": two participles
		// joined by and/or share the object after the second.
		j, second := i+1, -1
		if c := strings.ToLower(forms[i+1]); (c == "and" || c == "or") && i+3 < len(forms) && !adj {
			if x := xpos(i + 2); x == "VBN" || x == "VBD" {
				j, second = i+3, i+2
			}
		}
		sole := soleVerb(forms, xpos, i) || reportedIntransitive(forms, xpos, i)
		if !startsObject(forms[j], xpos(j)) && !countStarts(forms, xpos, j) && !noPassive[strings.ToLower(forms[i])] && !sole ||
			isNamingVerb(strings.ToLower(forms[i])) && !callFor(forms, j) ||
			j+1 < len(forms) && isTimeWord(strings.ToLower(forms[j+1])) && !onlyCandidate(forms, xpos, i) ||
			otherFinite(forms, xpos, i) {
			continue
		}
		tags[i] = uint16(vbd)
		if second >= 0 {
			tags[second] = uint16(vbd)
		}
		return
	}
}

// verbless retags as a past-tense verb (VBD) the first regular "-ed"
// adjective of a sentence that has no verb at all and ends with a full
// stop, when a noun, name, number or pronoun stands before it and a
// noun phrase after it: "Queen Elizabeth II suspended parliament." had
// been read as one noun phrase, "suspended" an adjective of
// "parliament". A sentence needs a verb; headline fragments ("Wounded
// soldiers in hospital") have no full stop. Applied when tagging, like
// aboutTo.
func (t *Tagger) verbless(forms []string, tags []uint16) {
	vbd := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: "VBD"})
	if vbd < 0 || len(forms) < 4 || forms[len(forms)-1] != "." {
		return
	}
	xpos := t.xposOf(tags)
	for i := range forms {
		switch xpos(i) {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	if i := verblessParticiple(forms, xpos); i >= 0 {
		tags[i] = uint16(vbd)
		return
	}
	for i := range forms {
		if x := xpos(i); strings.HasPrefix(x, "VB") || x == "MD" {
			return
		}
	}
	for i := 1; i+2 < len(forms); i++ {
		w := strings.ToLower(forms[i])
		if xpos(i) != "JJ" || !strings.HasSuffix(w, "ed") || len(w) < 5 {
			continue
		}
		switch xpos(i - 1) {
		case "NN", "NNS", "NNP", "NNPS", "CD", "PRP":
		default:
			continue
		}
		switch xpos(i + 1) {
		case "NN", "NNS", "NNP", "NNPS", "DT", "PRP$", "CD", "JJ", "PRP":
			tags[i] = uint16(vbd)
		}
		return
	}
}

// verblessParticiple returns the participle that is the finite verb of a
// sentence with none (no finite verb or modal; the caller checks), or -1:
// the first past participle (or regular "-ed" adjective, or an irregular
// past form read as a noun before an object: irregularPast) right after what
// can end a subject (endsSubject) or close an appositive after it
// (afterAppositive), with no base-form verb and no auxiliary before it
// ("Rescuers, working in temperatures well below freezing, ... recovered
// at least ten survivors", "The event raised nearly CDN$11,000", "Some
// called for younger leadership"), when something follows it but a
// by-phrase ("a leader loved by all", a reduced passive) or punctuation,
// and it is no naming verb ("a man named John") and none of the
// participles news mostly uses as adjectives (pastAdjective). A sentence
// with a full stop needs a verb; a participle there is most often it.
func verblessParticiple(forms []string, xpos func(int) string) int {
	n := len(forms)
	for i := 1; i+1 < n; i++ {
		x := xpos(i)
		if x == "VB" {
			return -1 // a base form before: "Escape rooms see participants locked into a space"
		}
		w := strings.ToLower(forms[i])
		irregular := (x == "NN" || x == "JJ") && irregularPast[w] && startsObject(forms[i+1], xpos(i+1))
		if x != "VBN" && !(x == "JJ" && strings.HasSuffix(w, "ed") && len(w) >= 5) && !irregular {
			continue
		}
		if !endsSubject(forms, xpos, i-1) && !afterAppositive(xpos, i) {
			continue
		}
		if auxBefore(forms, xpos, i) {
			return -1
		}
		next := strings.ToLower(forms[i+1])
		switch {
		case next == "by" || xpos(i+1) == "," || xpos(i+1) == "." || xpos(i+1) == ":":
			continue
		case isNamingVerb(w) && !callFor(forms, i+1):
			continue
		case strings.HasSuffix(w, "ed") && !pastAdjective(w, "DT"):
			continue // "armed", "alleged", "based": adjectives
		}
		return i
	}
	return -1
}

// irregularPast are irregular past forms of news verbs that are also
// nouns or adjectives, which the model, reading a noun compound, tags as
// such in a sentence with no verb: "On Saturday morning, a gunman shot
// shoppers at a Walmart store". verblessParticiple takes them before
// what starts an object.
var irregularPast = map[string]bool{"shot": true, "hit": true, "cut": true, "set": true, "led": true,
	"struck": true, "fought": true, "won": true, "lost": true, "held": true, "sent": true, "left": true,
	"fled": true, "seized": true, "beat": true, "bombed": true, "shelled": true}

// noPassive are past forms of verbs that have no passive, so that after
// a subject, with no auxiliary before them, they are the finite verb
// though no object follows: "Protests erupted in Tehran", "Clashes
// occurred near the border", "Hundreds of protesters rallied in Tehran"
// (tagged VBN, the parser made "erupted" a reduced relative on
// "Protests"). "gathered" and "marched" have a passive ("the prisoners
// were marched off") but not without an auxiliary after a subject.
var noPassive = map[string]bool{"erupted": true, "occurred": true, "happened": true, "ensued": true,
	"emerged": true, "died": true, "arrived": true, "collapsed": true, "flared": true,
	"rallied": true, "protested": true, "demonstrated": true, "rioted": true, "gathered": true, "marched": true}

// pastAdjective reports whether the adjective f, followed by a word of
// class next, may be a past-tense verb the model took for an adjective:
// a regular past form ("-ed") followed by what can only start an object
// (a determiner, number or possessive: "Irish guerrillas wounded two
// British soldiers"), not a noun it could modify ("wounded soldiers").
// Participles that news mostly use as adjectives before a determiner
// ("armed", "alleged", "so-called") are left alone.
func pastAdjective(f, next string) bool {
	w := strings.ToLower(f)
	if !strings.HasSuffix(w, "ed") || len(w) < 5 {
		return false
	}
	switch w {
	case "armed", "alleged", "so-called", "united", "related", "based", "concerned", "detailed",
		"limited", "advanced", "unidentified", "unnamed", "masked", "interested", "supposed", "reported":
		return false
	}
	switch next {
	case "DT", "CD", "PRP$":
		return true
	}
	return false
}

// otherFinite reports whether the stretch of words around i between
// punctuation marks has another finite verb or modal, which would make
// word i a participle modifying a noun ("Any opinions expressed herein
// are those of the author", "when they arrested a young newlywed
// bride"). A reporting verb before i with words between ("Fars reported
// Iran issued arrest warrants") and a finite verb conjoined after it
// ("... and demanded") do not count.
func otherFinite(forms []string, xpos func(int) string, i int) bool {
	for _, step := range []int{-1, 1} {
	stretch:
		for j := i + step; j >= 0 && j < len(forms); j += step {
			switch xpos(j) {
			case ",", ":", ".", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP":
				break stretch
			case "CC":
				if step > 0 {
					switch xpos(j + 1) {
					case "VBD", "VBZ", "VBP":
						// "issued arrest warrants ... and demanded": a
						// finite verb conjoined to word i.
						break stretch
					}
				}
			case "WDT", "WP", "WRB":
				if step > 0 {
					// "expressed condolences over a fire that killed
					// ...", "fled when police arrived": a relative or
					// subordinate clause's verb is its own.
					break stretch
				}
			case "IN":
				if j == i+1 && strings.EqualFold(forms[j], "that") {
					break stretch // "announced that he was ending": so is a complement clause's
				}
				if step > 0 && subordinators[strings.ToLower(forms[j])] {
					// "promised protests every week until Sweden joined
					// the Paris Agreement": an adverbial clause's verb.
					break stretch
				}
			case "VBD", "VBZ", "VBP", "MD":
				if step > 0 && isReportingVerb(strings.ToLower(forms[i])) && j > i+1 {
					// "A woman told reporters she was afraid": the clause
					// a reporting verb takes without "that" has its own
					// verb.
					break stretch
				}
				if step < 0 && isReportingVerb(strings.ToLower(forms[j])) && j < i-1 {
					// "Fars reported Iran issued arrest warrants": the
					// clause after a reporting verb has its own verb.
					break stretch
				}
				return true
			}
		}
	}
	return false
}

// subordinators are the conjunctions (tagged IN) that open an adverbial
// clause with a verb of its own.
var subordinators = map[string]bool{"until": true, "because": true, "if": true, "unless": true, "while": true,
	"although": true, "though": true, "whereas": true, "once": true, "since": true, "after": true, "before": true}

// soleVerb reports whether participle i is the only verb that could be
// the sentence's finite one (onlyCandidate) and a preposition, particle
// or the end follows it: "Twenty NPA rebels surrendered to the police",
// "Manuel Merino resigned on Sunday". With no object after it, the verb
// was left a participle, and a sentence without a finite verb is rare in
// news.
func soleVerb(forms []string, xpos func(int) string, i int) bool {
	if !onlyCandidate(forms, xpos, i) || i+1 >= len(forms) {
		return false
	}
	switch xpos(i + 1) {
	case "IN", "RP", "TO", ".", ",":
		return true
	}
	return false
}

// onlyCandidate reports whether the sentence of participle i ends with a
// full stop and has no finite verb, modal or other participle outside the
// relative and subordinate clauses after i ("that killed", "when police
// arrived"), a that-clause right after i ("announced that he was
// ending") and a relative clause set off by commas before it
// (relativesBefore).
func onlyCandidate(forms []string, xpos func(int) string, i int) bool {
	n := len(forms)
	if n < 4 || forms[n-1] != "." {
		return false
	}
	rel := relativesBefore(forms, xpos, i)
	for j := 0; j < n; j++ {
		if j < i && rel[j] {
			continue // a relative clause set off by commas before i
		}
		switch xpos(j) {
		case "WDT", "WP", "WRB":
			if j > i {
				return true // the rest is a relative or subordinate clause
			}
		case "IN":
			if j == i+1 && strings.EqualFold(forms[j], "that") {
				return true // "announced that he was ending": the verb's complement clause
			}
		case "VBD", "VBZ", "VBP", "MD":
			return false
		case "VBN", "JJ":
			if j != i && (xpos(j) == "VBN" || strings.HasSuffix(strings.ToLower(forms[j]), "ed")) {
				// Another participle (or -ed word) may be the finite
				// verb: "According to a lawsuit filed by the board, the
				// company dumped oil".
				return false
			}
		}
	}
	return true
}

// isReportingVerb reports whether the lower-case word w is a finite form
// of a verb of saying or thinking that takes a clause without "that".
func isReportingVerb(w string) bool {
	switch w {
	case "said", "says", "say", "reported", "reports", "claimed", "claims", "announced", "announces",
		"added", "adds", "stated", "states", "confirmed", "confirms", "alleged", "alleges", "believed",
		"believes", "thought", "thinks", "warned", "warns", "insisted", "insists", "denied", "denies",
		"noted", "notes", "argued", "argues", "wrote", "writes", "tweeted", "suggested", "suggests",
		"acknowledged", "admitted", "admits", "told", "tells", "knew", "knows", "feared", "fears":
		return true
	}
	return false
}

// auxBefore reports whether a form of be, have or get (not a possessive
// 's) comes before word i.
func auxBefore(forms []string, xpos func(int) string, i int) bool {
	rel := relativesBefore(forms, xpos, i)
	for j := range i {
		if xpos(j) != "POS" && isAuxForm(forms[j]) && !rel[j] {
			return true
		}
	}
	return false
}

// relativesBefore marks the words before i that lie in a relative clause
// set off by commas on both sides ("Beto O'Rourke, who was a candidate
// in the primary, announced", "A bus operated by Viazul, which is run by
// the military, crashed"): its verbs and auxiliaries are its own, not
// the sentence's.
func relativesBefore(forms []string, xpos func(int) string, i int) []bool {
	rel := make([]bool, i)
	for j := 1; j+1 < i; j++ {
		if forms[j-1] != "," {
			continue
		}
		switch xpos(j) {
		case "WP", "WDT":
		default:
			continue
		}
		end := -1
		for k := j + 1; k < i; k++ {
			if forms[k] == "," {
				end = k
				break
			}
		}
		if end < 0 {
			break // not closed before i: i may be its verb
		}
		for k := j; k < end; k++ {
			rel[k] = true
		}
		j = end
	}
	return rel
}

// isAuxForm reports whether f is a form of be, have or get.
func isAuxForm(f string) bool {
	switch strings.ToLower(f) {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
		"have", "has", "had", "having", "'ve", "'d",
		"get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

// endsSubject reports whether word j can end a clause's subject.
func endsSubject(forms []string, xpos func(int) string, j int) bool {
	switch xpos(j) {
	case "NN", "NNS", "NNP", "NNPS", "-RRB-":
		return true
	case "PRP":
		switch strings.ToLower(forms[j]) {
		case "i", "he", "she", "we", "they", "it", "you":
			return true
		}
	case "RB", "RBR":
		// "He later apologized": an adverb (not two) after a subject.
		return j > 0 && xpos(j-1) != "RB" && xpos(j-1) != "RBR" && endsSubject(forms, xpos, j-1)
	}
	return false
}

// afterAppositive reports whether word i follows a comma that can close
// an appositive or a parenthetical after the subject ("Ahmed al-Assadi, a
// spokesman for the PMF, blamed both Israel and the United States"): a
// comma (or a comma and an adverb), a noun somewhere before it, and no
// finite verb or modal before it in the sentence outside a relative
// clause, so that word i would be the first.
func afterAppositive(xpos func(int) string, i int) bool {
	j := i - 1
	if xpos(j) == "RB" {
		j--
	}
	if xpos(j) != "," {
		return false
	}
	noun, relative := false, false
	for k := range j {
		switch xpos(k) {
		case "WP", "WDT":
			// "Al-Quaety, who contributed to AFP, openly supported":
			// the relative clause's verb is its own, up to its comma.
			relative = true
		case ",":
			relative = false
		case "VBD", "VBZ", "VBP", "MD":
			if !relative {
				return false
			}
		case "NN", "NNS", "NNP", "NNPS", "PRP":
			noun = true
		}
	}
	return noun
}

// startsObject reports whether a word f tagged x can open a direct
// object (and is not a date or time, which after a participle usually
// dates a reduced relative: "a statement issued Monday"; finitePast also
// looks at the word after f: "a release issued the following day").
func startsObject(f, x string) bool {
	if isTimeWord(strings.ToLower(f)) {
		return false
	}
	switch x {
	case "DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS":
		return true
	case "PRP":
		switch strings.ToLower(f) {
		case "him", "her", "them", "us", "me", "it":
			return true
		}
	case "CC":
		// "blamed both Israel and the United States".
		return strings.EqualFold(f, "both") || strings.EqualFold(f, "either")
	}
	return false
}

// countStarts reports whether an object that is a count starts at j: "at
// least 75 people", "more than 100", "nearly 40", "up to 20". News
// reports tolls so ("A car bombing killed at least 75 displaced people"),
// and a reduced relative is rarely followed by one.
func countStarts(forms []string, xpos func(int) string, j int) bool {
	if j+1 >= len(forms) {
		return false
	}
	w, next := strings.ToLower(forms[j]), strings.ToLower(forms[j+1])
	switch w {
	case "at":
		return next == "least" || next == "most"
	case "more", "fewer", "less":
		return next == "than"
	case "up":
		return next == "to"
	case "nearly", "almost", "about", "around", "over", "roughly", "approximately", "some":
		return xpos(j+1) == "CD"
	}
	return false
}

// isNamingVerb reports whether w is a participle that takes a name
// right after it in a reduced relative ("a man named John", "a group
// called Hamas").
func isNamingVerb(w string) bool {
	switch w {
	case "named", "called", "dubbed", "titled", "entitled", "nicknamed", "labelled", "labeled",
		"termed", "styled":
		return true
	}
	return false
}

// callFor reports whether word j after "called" makes it an appeal or a
// summons ("called for reform", "called on Iran", "called off the
// strike"), not a name ("a man called John").
func callFor(forms []string, j int) bool {
	switch strings.ToLower(forms[j]) {
	case "for", "on", "off", "upon":
		return true
	}
	return false
}

// isTimeWord reports whether the lower-case word w opens a time expression.
func isTimeWord(w string) bool {
	switch w {
	case "yesterday", "today", "tonight", "tomorrow", "last", "this", "next", "earlier", "later",
		"following", "previous", "day", "night", "week", "weekend", "month", "year", "morning",
		"afternoon", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december":
		return true
	}
	return false
}

// afterModal returns the class for word i given the model's choice c: a
// word right after a modal (MD) that the model tags as an adverb or a
// noun but whose commonest training tag is VB gets the best-scoring VB
// class ("Arnor will abandon improved economic relations": abandon was
// RB), or, for a lower-case word the treebank never had, one not ending
// in -ly. Adverbs the treebank knows as adverbs ("will not", "will also")
// keep their tag, since their commonest tag is RB.
func (t *Tagger) afterModal(s *scratch, i, c int) int {
	if int(s.tags[i-1]) >= len(t.classes) || t.classes[s.tags[i-1]].XPOS != "MD" {
		return c
	}
	switch t.classes[c].XPOS {
	case "RB", "NN":
	default:
		return c
	}
	lower := strings.ToLower(s.forms[i])
	if w, ok := t.words[lower]; ok {
		if int(w.top) >= len(t.classes) || t.classes[w.top].XPOS != "VB" {
			return c
		}
	} else if strings.HasSuffix(lower, "ly") || !isLowerWord(s.forms[i]) {
		return c
	}
	best := -1
	for k, cl := range t.classes {
		if cl.XPOS == "VB" && (best < 0 || s.scores[k] > s.scores[best]) {
			best = k
		}
	}
	if best < 0 {
		return c
	}
	return best
}

// unknownName returns the class for word i given the model's choice c: a
// capitalised word the treebank never had that the model tags as an
// adverb is a name (NNP): "Thunberg promised protests every week", "Abiy
// ordered troops into Tigray", which the model read as adverbs opening
// the sentence ("However", "Meanwhile") and then took the verb for a
// participle. Adverbs are a class the treebank knows; the rare ones it
// lacks end in -ly ("Reportedly"), and those keep their tag. The words
// after are tagged with the name before them.
func (t *Tagger) unknownName(s *scratch, i, c int) int {
	if t.classes[c].XPOS != "RB" {
		return c
	}
	f := s.forms[i]
	lower := strings.ToLower(f)
	if strings.HasSuffix(lower, "ly") || utf8.RuneCountInString(f) < 3 {
		return c
	}
	if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) {
		return c
	}
	if _, ok := t.words[lower]; ok {
		return c
	}
	if _, ok := t.words[f]; ok {
		return c
	}
	if nnp := slices.Index(t.classes, Class{UPOS: text.PROPN, XPOS: "NNP"}); nnp >= 0 {
		return nnp
	}
	return c
}

// docNames returns the capitalized words of d that are names by the
// doc's own evidence: written capitalized inside a sentence (not first,
// not after an opening quote, a bracket, a colon or a dash, not in a
// headline-cased sentence) and never in lower case. "Trump called
// Erdogan" opens a sentence with a word the treebank knows as a common
// noun, and the model, which cannot tell a capital that marks a name
// from one that starts a sentence, tags it NN ("trump"); a doc that also
// writes "said Trump" says it is a name. (In the 293 Wikinews articles,
// 25 sentence-initial "Trump" were common nouns.)
func docNames(d *text.Doc) map[string]bool {
	capMid := map[string]bool{}
	lower := map[string]bool{}
	for _, sp := range d.Sents {
		words, upper := 0, 0
		for i := sp.Start + 1; i < sp.End; i++ {
			if r, _ := utf8.DecodeRuneInString(d.Form(int(i))); unicode.IsLetter(r) {
				words++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		headline := words >= 3 && upper*10 >= words*8
		for i := sp.Start; i < sp.End; i++ {
			f := d.Form(int(i))
			r, _ := utf8.DecodeRuneInString(f)
			if !unicode.IsLetter(r) {
				continue
			}
			if unicode.IsLower(r) {
				lower[f] = true
				continue
			}
			if i == sp.Start || headline {
				continue
			}
			switch d.Form(int(i) - 1) {
			case "\"", "“", "'", "‘", "(", "[", ":", "-", "—", "–":
				continue
			}
			capMid[f] = true
		}
	}
	names := map[string]bool{}
	for f := range capMid {
		if !lower[strings.ToLower(f)] {
			names[f] = true
		}
	}
	return names
}

// docName returns the class for word i given the model's choice c: a
// sentence's first word (after an opening quote or bracket) that the doc
// writes as a name elsewhere (docNames) and the model tagged as a common
// noun is a proper noun. Adjectives stay: a nationality is written
// capitalized everywhere ("German State Prosecutors").
func (t *Tagger) docName(s *scratch, i, c int) int {
	if len(s.names) == 0 || !s.names[s.orig[i]] {
		return c
	}
	for j := 0; j < i; j++ {
		switch s.orig[j] {
		case "\"", "“", "'", "‘", "(", "[":
		default:
			return c // not the sentence's first word
		}
	}
	x := "NNP"
	switch t.classes[c].XPOS {
	case "NN":
	case "NNS":
		x = "NNPS"
	default:
		return c
	}
	if k := slices.Index(t.classes, Class{UPOS: text.PROPN, XPOS: x}); k >= 0 {
		return k
	}
	return c
}

// infinitiveTo returns the class for word i given the model's choice c:
// "to" right after a verb that takes a to-infinitive ("has begun to
// question whether", "vowed to retaliate") is the infinitive marker
// (TO), unless a determiner or possessive follows it ("began to the
// south"). The model, deciding "to" before it sees the next word, often
// makes it a preposition and the verb after it a noun. With TO as the
// previous tag the model then tags the verb itself.
func (t *Tagger) infinitiveTo(s *scratch, i, c int) int {
	if !strings.EqualFold(s.forms[i], "to") || t.classes[c].XPOS == "TO" {
		return c
	}
	prev := t.classes[s.tags[i-1]]
	if prev.UPOS != text.VERB || !isInfinitiveVerb(t.Lemma(strings.ToLower(s.forms[i-1]), prev.XPOS)) {
		return c
	}
	if i+1 < len(s.forms) && isDeterminer(strings.ToLower(s.forms[i+1])) {
		return c
	}
	to := slices.Index(t.classes, Class{UPOS: text.PART, XPOS: "TO"})
	if to < 0 {
		return c
	}
	return to
}

// isInfinitiveVerb reports whether w is a verb lemma whose "to" is the
// infinitive marker, not a preposition. Verbs that also take a "to"
// phrase ("agree to a ceasefire", "return to Syria", "continue to the
// border") are left out.
func isInfinitiveVerb(w string) bool {
	switch w {
	case "begin", "start", "try", "want", "decide", "plan", "refuse", "threaten", "vow", "seek",
		"need", "fail", "hope", "promise", "attempt", "intend", "expect", "aim", "pledge", "prepare",
		"choose", "manage", "tend", "seem", "appear", "wish", "struggle", "vote":
		return true
	}
	return false
}

// isDeterminer reports whether the lower-case word w opens a noun phrase
// after "to".
func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
		"my", "your":
		return true
	}
	return false
}

// finitePresent retags as a present-tense verb (VBZ) a word tagged as a
// plural noun (NNS) that reads as the verb of a clause with a singular
// subject: "A large portion of its population suffers from power
// outages". It fires only when the
// word is a verb to the treebank (its commonest tag is VBZ, or it is
// unknown and its stem without -s is known as a base-form verb), the
// word before it ends a singular subject, no other finite verb or
// auxiliary shares its stretch between punctuation marks, and a
// preposition, determiner, possessive or adverb follows it. Applied when
// tagging, like aboutTo.
func (t *Tagger) finitePresent(forms []string, tags []uint16) {
	vbz := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: "VBZ"})
	if vbz < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 1; i+1 < len(forms); i++ {
		if xpos(i) != "NNS" || !t.verbLikeS(forms[i]) {
			continue
		}
		switch xpos(i - 1) {
		case "NN", "NNP":
		case "PRP":
			switch strings.ToLower(forms[i-1]) {
			case "he", "she", "it":
			default:
				continue
			}
		default:
			continue
		}
		switch xpos(i + 1) {
		case "IN", "DT", "PRP$", "RB", "TO":
		default:
			continue
		}
		if otherFinite(forms, xpos, i) {
			continue
		}
		tags[i] = uint16(vbz)
	}
}

// capitalIS retags as a proper noun (NNP) "IS" written in capitals in a
// sentence that is not a capitalised headline (decapitalize would have
// lowered it): news writes the Islamic State so ("dozens of IS members",
// "IS fighters"), which the tagger reads as the verb "is". Applied when
// tagging, like aboutTo.
func (t *Tagger) capitalIS(forms []string, tags []uint16) {
	nnp := slices.Index(t.classes, Class{UPOS: text.PROPN, XPOS: "NNP"})
	if nnp < 0 {
		return
	}
	for i, f := range forms {
		if f == "IS" {
			tags[i] = uint16(nnp)
		}
	}
}

// nounBeforeFinite retags as a plural noun (NNS) an -s word tagged as a
// present-tense verb (VBZ) that the treebank does not know as a verb (it
// is unknown, or its commonest tag is not VBZ), after a noun or an
// adjective, when a finite verb or auxiliary follows it before any
// punctuation, conjunction, preposition or relative word (finiteAfter):
// "U.S. military airstrikes this month have
// killed dozens", where "airstrikes", unknown to the treebank, was read
// as the verb. Two finite verbs in one stretch with no conjunction
// between are rare; a noun modified by the words before it is not.
// Applied when tagging, like aboutTo.
func (t *Tagger) nounBeforeFinite(forms []string, tags []uint16) {
	nns := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NNS"})
	if nns < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 1; i+1 < len(forms); i++ {
		lower := strings.ToLower(forms[i])
		if xpos(i) != "VBZ" || !strings.HasSuffix(lower, "s") || !isLowerWord(forms[i]) || isReportingVerb(lower) {
			continue // "The agency reports the army has killed ..."
		}
		if w, ok := t.words[lower]; ok && int(w.top) < len(t.classes) && t.classes[w.top].XPOS == "VBZ" {
			continue
		}
		switch xpos(i - 1) {
		case "NN", "NNP", "JJ":
		default:
			continue
		}
		if !finiteAfter(xpos, i, len(forms), false) {
			continue
		}
		tags[i] = uint16(nns)
	}
}

// nameWord retags as a proper noun (NNP) a capitalised word inside a
// sentence, tagged as a present or base-form verb, that follows another
// capitalised word when a finite verb follows it in its stretch: the last
// word of a name such as "Human Rights Watch in New York issued a
// statement", where "Watch" was the root. In running text a verb is not
// capitalised; headline-cased sentences were lowered by decapitalize
// before this runs (forms holds the lowered words). Applied when
// tagging, like aboutTo.
func (t *Tagger) nameWord(forms []string, tags []uint16) {
	nnp := slices.Index(t.classes, Class{UPOS: text.PROPN, XPOS: "NNP"})
	if nnp < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 1; i+1 < len(forms); i++ {
		switch xpos(i) {
		case "VB", "VBP", "VBZ":
		default:
			continue
		}
		if !titleWord(forms[i]) || !titleWord(forms[i-1]) {
			continue
		}
		if !finiteAfter(xpos, i, len(forms), true) {
			continue
		}
		tags[i] = uint16(nnp)
	}
}

// openPreposition retags as a noun a word tagged as a preposition (IN)
// that the treebank never had and that is no preposition: prepositions
// are a closed class, but the model's suffix features read some unknown
// nouns as one ("Saudi Arabia lifts blockade of Qatar", "blockade" IN).
// The few real prepositions too rare in the treebank to be in its
// lexicon ("amid", "atop") are listed. Applied when tagging, like
// aboutTo.
func (t *Tagger) openPreposition(forms []string, tags []uint16) {
	nn := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NN"})
	nns := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NNS"})
	vb := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: "VB"})
	if nn < 0 || nns < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i, f := range forms {
		if xpos(i) != "IN" || !isLowerWord(f) || len(f) < 4 {
			continue
		}
		lower := strings.ToLower(f)
		if _, ok := t.words[lower]; ok || rarePrepositions[lower] {
			continue
		}
		switch {
		case vb >= 0 && i > 0 && i+1 < len(forms) && nominal(xpos(i-1)) && startsObject(forms[i+1], xpos(i+1)):
			// "demanding that President Mugabe abandon his policy": a
			// verb between its subject and its object.
			tags[i] = uint16(vb)
		case strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss"):
			tags[i] = uint16(nns)
		default:
			tags[i] = uint16(nn)
		}
	}
}

// nominal reports whether x is the tag of a noun, a name or a personal
// pronoun, which may end a subject.
func nominal(x string) bool {
	switch x {
	case "NN", "NNS", "NNP", "NNPS", "PRP":
		return true
	}
	return false
}

// reducedRelative retags as a past participle (VBN) a past-tense verb
// (VBD) right after a noun when a finite verb before it in the same
// stretch already heads the clause and a preposition follows it: "is
// investigating Trump over alleged hush money paid to two women", "accused
// Iran over weapons sold to Syria". A clause has one finite verb; the
// second, after a noun and before a prepositional phrase with no object
// of its own, modifies the noun. Applied when tagging, like aboutTo.
func (t *Tagger) reducedRelative(forms []string, tags []uint16) {
	vbn := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: "VBN"})
	if vbn < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 2; i+1 < len(forms); i++ {
		if xpos(i) != "VBD" || !isLowerWord(forms[i]) {
			continue
		}
		switch xpos(i - 1) {
		case "NN", "NNS":
		default:
			continue
		}
		if x := xpos(i + 1); x != "IN" && x != "TO" || strings.EqualFold(forms[i+1], "that") {
			continue
		}
		finite := false
	back:
		for j := i - 2; j >= 0; j-- {
			switch xpos(j) {
			case ",", ":", ".", "``", "''", "-LRB-", "-RRB-", "CC", "WDT", "WP", "WRB", "IN":
				if xpos(j) == "IN" && !clauseOpeners[strings.ToLower(forms[j])] {
					continue // a preposition inside the clause: "over alleged hush money"
				}
				break back
			case "VBD", "VBZ", "VBP", "MD":
				// Not the verb of a relative clause ("peacekeepers who
				// are part of a group arrived in"): that clause ends
				// before the main verb.
				finite = !relativeBefore(xpos, j)
				// Nor a reporting verb with only a noun phrase between
				// (reportedIntransitive): "Officials said the rebels
				// withdrew from the town".
				if finite && reportedIntransitive(forms, xpos, i) {
					finite = false
				}
				break back
			}
		}
		if finite {
			tags[i] = uint16(vbn)
		}
	}
}

// reportedIntransitive reports whether participle i, followed by a
// preposition or particle (not "by"), is the verb of a clause a reporting
// verb takes without "that": "Witnesses said the army fired on
// protesters", where only a noun phrase stands between the reporting verb
// (not "told", whose object is its addressee) and word i. The model had
// the participle modifying the noun, the army the object of "said".
func reportedIntransitive(forms []string, xpos func(int) string, i int) bool {
	if i+1 >= len(forms) || strings.EqualFold(forms[i+1], "by") {
		return false
	}
	switch xpos(i + 1) {
	case "IN", "RP", "TO":
	default:
		return false
	}
	noun := false
	for k := i - 1; k >= 0; k-- {
		switch xpos(k) {
		case "NN", "NNS", "NNP", "NNPS":
			noun = true
		case "DT", "JJ", "JJR", "JJS", "CD", "POS", "PRP$", "HYPH":
		case "VBD", "VBZ", "VBP":
			w := strings.ToLower(forms[k])
			return noun && isReportingVerb(w) && w != "told" && w != "tells"
		default:
			return false
		}
	}
	return false
}

// clauseOpeners are the words tagged IN that open a clause of their own
// ("because", "after" ... and "that"), which ends a verb's stretch.
var clauseOpeners = map[string]bool{"that": true, "because": true, "if": true, "while": true, "after": true,
	"before": true, "since": true, "when": true}

// relativeBefore reports whether a relative pronoun (who, which, that)
// opens the clause of the finite verb at j, in its stretch before it.
func relativeBefore(xpos func(int) string, j int) bool {
	for k := j - 1; k >= 0; k-- {
		switch xpos(k) {
		case "WDT", "WP", "WP$":
			return true
		case ",", ":", ".", "``", "''", "-LRB-", "-RRB-":
			return false
		}
	}
	return false
}

// onlyPreposition tags as a preposition (IN) the words that are nothing
// else but are too rare in the treebank for the model to know them:
// "strengthened its forces in Crimea amid ongoing confrontation" had
// "amid" as a noun, "announced a ceasefire ... amid an increasingly
// bloody war" as a past verb. Applied when tagging, like aboutTo.
func (t *Tagger) onlyPreposition(forms []string, tags []uint16) {
	in := slices.Index(t.classes, Class{UPOS: text.ADP, XPOS: "IN"})
	if in < 0 {
		return
	}
	for i, f := range forms {
		for _, p := range onlyPrepositions {
			if strings.EqualFold(f, p) { // no lower-casing of every token
				tags[i] = uint16(in)
				break
			}
		}
	}
}

// nameNotAux retags as a proper noun (NNP) a capitalized word the model
// tagged as an auxiliary that is none of the auxiliaries' forms: "ISIS
// attacked Iraq" had "ISIS" an auxiliary (its "-IS" read as "is") and
// the sentence no subject; "Beijing", "DHS" likewise at the start of a
// sentence. Auxiliaries are a closed class. Applied when tagging, like
// aboutTo.
func (t *Tagger) nameNotAux(forms []string, tags []uint16) {
	nnp := slices.Index(t.classes, Class{UPOS: text.PROPN, XPOS: "NNP"})
	if nnp < 0 {
		return
	}
	for i, f := range forms {
		if t.classes[tags[i]].UPOS != text.AUX || f == "" || f[0] < 'A' || f[0] > 'Z' || auxForm(f) {
			continue
		}
		tags[i] = uint16(nnp)
	}
}

// auxForm reports whether f is a form of an English auxiliary (be, have,
// do, get, the modals, their contractions).
func auxForm(f string) bool {
	w := strings.ReplaceAll(strings.ToLower(f), "\u2019", "'")
	if isAuxForm(w) {
		return true
	}
	switch w {
	case "s", "re", "m", "ve", "d", "do", "does", "did", "done", "doing",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "need", "dare",
		"wo", "ca", "sha", "'ll", "ll", "let", "used":
		return true
	}
	return false
}

// afterPossessive retags a word tagged as a finite or base-form verb
// (VB, VBP, VBZ, VBD) right after a possessive: the "'s" of a noun (POS)
// or a possessive pronoun that is nothing else (its, their, our, my,
// your, his). A possessor opens a noun phrase, so the word is its
// modifier or head: "European Parliament's lead Brexit negotiator Guy
// Verhofstadt has rejected" had "lead" as the sentence's verb and
// Verhofstadt no subject. The word takes the class training saw it
// with most if that is a noun or an adjective; an -ed form before a noun
// or adjective is an adjective ("the Kingdom's continued support"), one
// before anything else is left (a participle after "'s" for "has":
// "Alan's refused to work"); else NN. ("her" is left: "made her
// leave".) Applied when tagging, like aboutTo.
func (t *Tagger) afterPossessive(forms []string, tags []uint16) {
	nn := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NN"})
	jj := slices.Index(t.classes, Class{UPOS: text.ADJ, XPOS: "JJ"})
	if nn < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 1; i < len(forms); i++ {
		switch xpos(i) {
		case "VB", "VBP", "VBZ", "VBD":
		default:
			continue
		}
		if !possessiveEnding(forms, xpos, i-1) && !possessivePronoun(forms[i-1]) {
			continue
		}
		if isAuxForm(strings.ToLower(forms[i])) || !endsNounPhrase(forms, xpos, i+1) {
			continue // "Trump's was", "its kept a" (it's)
		}
		c := uint16(nn)
		if w, ok := t.words[strings.ToLower(forms[i])]; ok && int(w.top) < len(t.classes) &&
			(t.classes[w.top].UPOS == text.NOUN || t.classes[w.top].UPOS == text.ADJ) {
			c = w.top
		} else if strings.HasSuffix(forms[i], "ed") && !strings.HasSuffix(forms[i], "eed") {
			// A past form after "'s" is a participle after "has"
			// ("Alan's refused to work") unless a noun follows: "the
			// Kingdom's continued support".
			if jj < 0 || i+1 >= len(forms) || !modifies(xpos(i+1)) {
				continue
			}
			c = uint16(jj)
		}
		tags[i] = c
	}
}

// substantiveParticiple tags as a noun a participle that "the" makes a
// noun phrase of its own, the people it describes: "Police arrested the
// accused in the neighborhood", "the deceased was a ...", "the injured
// were taken to hospital". The model read "accused" as a verb, with the
// neighborhood its oblique, so that the arrest went to the neighborhood.
// Only participles news uses so (substantives), after "the" and before a
// word that no noun phrase goes on with (not a noun, an adjective or a
// number: "the accused man" keeps its participle). Applied when tagging,
// like afterPossessive.
func (t *Tagger) substantiveParticiple(forms []string, tags []uint16) {
	nn := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NN"})
	if nn < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 1; i < len(forms); i++ {
		if x := xpos(i); x != "VBN" && x != "VBD" || !strings.EqualFold(forms[i-1], "the") || !substantives[strings.ToLower(forms[i])] {
			continue
		}
		if i+1 < len(forms) {
			if x := xpos(i + 1); modifies(x) || x == "CD" {
				continue
			}
		}
		tags[i] = uint16(nn)
	}
}

// coordinatedPast tags as a past-tense verb (VBD) a past form after "and"
// or "or" that the model read as a noun or as a base form, when the
// nearest verb before it is a past-tense verb and a verb's dependent
// follows it (a preposition, a determiner, a pronoun, a name, a number,
// an adverb): "he then drew his pistol, pointed it, and shot at one
// person" had "shot" a noun. A noun after the coordinator would mostly
// have a determiner of its own ("fired a warning shot and a rubber
// bullet"). Only regular -ed forms of five letters or more (not "used",
// "shed") and the irregular pasts that are also nouns (pastNouns; as a
// base form, only those that are none: pastOnly). Applied when tagging,
// like afterPossessive.
func (t *Tagger) coordinatedPast(forms []string, tags []uint16) {
	vbd := slices.Index(t.classes, Class{UPOS: text.VERB, XPOS: "VBD"})
	if vbd < 0 {
		return
	}
	xpos := t.xposOf(tags)
	for i := 2; i+1 < len(forms); i++ {
		if c := strings.ToLower(forms[i-1]); c != "and" && c != "or" {
			continue
		}
		f := strings.ToLower(forms[i])
		regular := strings.HasSuffix(f, "ed") && !strings.HasSuffix(f, "eed") && len(f) > 4
		switch xpos(i) {
		case "NN":
			if !regular && !pastNouns[f] {
				continue
			}
		case "VB", "VBP":
			// A base form that is none: "and shot him dead".
			if !regular && !pastOnly[f] {
				continue
			}
		default:
			continue
		}
		switch x := xpos(i + 1); x {
		case "IN", "DT", "PRP", "PRP$", "NNP", "CD", "RB", "TO":
		default:
			continue
		}
		last := ""
		for j := i - 2; j >= 0 && last == ""; j-- {
			if x := xpos(j); strings.HasPrefix(x, "VB") || x == "MD" {
				last = x
			}
		}
		if last == "VBD" {
			tags[i] = uint16(vbd)
		}
	}
}

// pastNouns are irregular past forms that are also nouns; pastOnly those
// of them that are no base form as well.
var pastNouns = map[string]bool{"shot": true, "hit": true, "cut": true, "struck": true, "set": true,
	"beat": true, "spread": true, "cast": true, "fought": true, "threw": true, "stole": true, "bit": true}
var pastOnly = map[string]bool{"shot": true, "struck": true, "fought": true, "threw": true, "stole": true}

// substantives are the participles news makes nouns of with "the".
var substantives = map[string]bool{"accused": true, "deceased": true, "injured": true, "wounded": true,
	"detained": true, "displaced": true, "kidnapped": true, "abducted": true, "convicted": true,
	"disappeared": true}

// endsNounPhrase reports whether token j may follow a word of a noun
// phrase: a noun, an adjective, a preposition other than "that", a
// punctuation mark or the sentence's end, but not a determiner, a
// pronoun or a verb, which a clause's verb is followed by.
func endsNounPhrase(forms []string, xpos func(int) string, j int) bool {
	if j >= len(forms) {
		return true
	}
	switch x := xpos(j); {
	case strings.HasPrefix(x, "NN"), strings.HasPrefix(x, "JJ"), x == "CD", x == "POS", x == "CC",
		x == "," || x == "." || x == ":" || x == "''" || x == "-RRB-" || x == "HYPH":
		return true
	case x == "IN":
		return !strings.EqualFold(forms[j], "that")
	}
	return false
}

// modifies reports whether a word before one tagged x may modify it: x
// is a noun or an adjective.
func modifies(x string) bool { return strings.HasPrefix(x, "NN") || strings.HasPrefix(x, "JJ") }

// possessiveEnding reports whether token j is a possessive ending the
// tagger tagged POS: "'s", or a bare apostrophe after a plural in -s
// ("citizens' rights"), not a closing quotation mark ("'Biplav' led
// outfit").
func possessiveEnding(forms []string, xpos func(int) string, j int) bool {
	if j < 1 || xpos(j) != "POS" {
		return false
	}
	switch forms[j] {
	case "'s", "’s", "'S", "’S":
		return true
	case "'", "’":
		p := forms[j-1]
		return strings.HasSuffix(p, "s") || strings.HasSuffix(p, "S")
	}
	return false
}

// possessivePronoun reports whether f is a possessive pronoun and
// nothing else ("her" is an object pronoun too).
func possessivePronoun(f string) bool {
	switch strings.ToLower(f) {
	case "its", "their", "our", "my", "your", "his":
		return true
	}
	return false
}

// onlyPrepositions are words that are prepositions and nothing else.
var onlyPrepositions = []string{"amid", "amidst", "atop"}

// rarePrepositions are English prepositions and subordinators that may be
// missing from the tagger's lexicon (seen once or never in training).
var rarePrepositions = map[string]bool{"amid": true, "amidst": true, "atop": true, "aboard": true, "albeit": true,
	"circa": true, "minus": true, "astride": true, "versus": true, "notwithstanding": true, "underneath": true,
	"beneath": true, "alongside": true, "amongst": true, "whilst": true, "lest": true, "unto": true, "betwixt": true,
	"toward": true, "towards": true, "onto": true, "upon": true, "despite": true, "throughout": true, "beyond": true,
	"unlike": true, "pending": true, "barring": true, "regarding": true, "concerning": true, "considering": true,
	"excluding": true, "including": true, "following": true, "whereas": true, "whether": true, "though": true,
	"although": true, "unless": true, "until": true, "till": true, "since": true, "because": true, "while": true,
	"once": true, "than": true, "like": true, "plus": true, "past": true, "outside": true, "inside": true,
	"within": true, "without": true, "beside": true, "besides": true, "between": true, "among": true,
	"against": true, "across": true, "along": true, "around": true, "behind": true, "below": true, "above": true,
	"under": true, "over": true, "near": true, "into": true, "from": true, "with": true, "about": true,
	"after": true, "before": true, "during": true, "except": true, "through": true, "per": true}

// titleWord reports whether f starts with a capital letter followed by a
// lower-case one: "Watch", "Rights", not "IS" or "the".
func titleWord(f string) bool {
	r, n := utf8.DecodeRuneInString(f)
	if !unicode.IsUpper(r) || n >= len(f) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(f[n:])
	return unicode.IsLower(r2)
}

// finiteAfter reports whether a finite verb or a modal follows word i in
// its stretch, before punctuation, a conjunction, a subordinator or a
// relative word opens another clause; with pp, a preposition may come
// between ("Human Rights Watch in New York issued").
func finiteAfter(xpos func(int) string, i, n int, pp bool) bool {
	for j := i + 1; j < n; j++ {
		switch xpos(j) {
		case ",", ":", ".", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "CC", "WDT", "WP", "WRB", "TO":
			return false
		case "IN":
			if !pp {
				return false
			}
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// verbLikeS reports whether the -s word f is a verb to the treebank: its
// commonest tag is VBZ, or it is unknown and its stem is a known base
// form (VB or VBP).
func (t *Tagger) verbLikeS(f string) bool {
	lower := strings.ToLower(f)
	if !strings.HasSuffix(lower, "s") || strings.HasSuffix(lower, "ss") {
		return false
	}
	if w, ok := t.words[lower]; ok {
		return int(w.top) < len(t.classes) && t.classes[w.top].XPOS == "VBZ"
	}
	for _, stem := range []string{lower[:len(lower)-1], strings.TrimSuffix(lower, "es")} {
		if w, ok := t.words[stem]; ok && int(w.top) < len(t.classes) {
			switch t.classes[w.top].XPOS {
			case "VB", "VBP":
				return true
			}
		}
	}
	return false
}

// nounAfterArticle retags as a noun (NN) a word tagged as a present-tense
// verb (VBP or VB) that follows "a"/"an" (or "each", "every", "another")
// and one noun: "an arms embargo against Mordor would not work". A
// singular article with one noun is no complete subject, and a base-form
// verb does not agree with a singular one. Applied when tagging, like
// aboutTo.
func (t *Tagger) nounAfterArticle(forms []string, tags []uint16) {
	nn := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NN"})
	if nn < 0 {
		return
	}
	for i := 2; i < len(forms); i++ {
		switch strings.ToLower(forms[i-2]) {
		case "a", "an", "each", "every", "another":
		default:
			continue
		}
		if x := t.classes[tags[i-1]].XPOS; x != "NN" && x != "NNS" {
			continue
		}
		if x := t.classes[tags[i]].XPOS; (x == "VBP" || x == "VB") && isLowerWord(forms[i]) {
			tags[i] = uint16(nn)
		}
	}
}

// nounHead retags as a noun (NN) a word tagged as an adverb that training
// saw mostly as a noun and that ends a noun phrase an article opens: "a
// key U.S. ally in the war", "a close NATO ally,". The "-ly" of "ally"
// reads as an adverb's suffix after a name, but an article's phrase needs
// a head, and adverbs such as "recently" ("the U.S. recently said") were
// seen as adverbs. Applied when tagging, like aboutTo.
func (t *Tagger) nounHead(forms []string, tags []uint16) {
	nn := slices.Index(t.classes, Class{UPOS: text.NOUN, XPOS: "NN"})
	if nn < 0 {
		return
	}
	xpos := func(i int) string { return t.classes[tags[i]].XPOS }
	for i := 2; i < len(forms); i++ {
		if xpos(i) != "RB" {
			continue
		}
		w, ok := t.words[strings.ToLower(forms[i])]
		if !ok || int(w.top) >= len(t.classes) || t.classes[w.top].UPOS != text.NOUN {
			continue
		}
		if i+1 < len(forms) {
			switch xpos(i + 1) {
			case "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "POS":
				continue // not the phrase's last word
			}
		}
		// Back over the phrase's modifiers to its article.
		j := i - 1
		for j >= 0 && (xpos(j) == "JJ" || xpos(j) == "NNP" || xpos(j) == "NN" || xpos(j) == "NNPS") {
			j--
		}
		if j == i-1 || j < 0 {
			continue
		}
		switch strings.ToLower(forms[j]) {
		case "a", "an", "the", "another", "each", "every", "this", "that":
			tags[i] = uint16(nn)
		}
	}
}

// noIngNoVBG retags as a proper noun (NNP) a capitalized word tagged as
// a gerund or present participle (VBG) that does not end in -ing (or the
// clipped -in, -in'): "Pyongyang on Thursday fired", which the suffix
// features read as a verb. (Lower-case ones are left: the model's VBG
// for "sang" is wrong too, but no noun.) orig are the forms as written.
// Applied when tagging, like aboutTo.
func (t *Tagger) noIngNoVBG(orig []string, tags []uint16) {
	nnp := slices.Index(t.classes, Class{UPOS: text.PROPN, XPOS: "NNP"})
	if nnp < 0 {
		return
	}
	for i, f := range orig {
		if t.classes[tags[i]].XPOS != "VBG" || utf8.RuneCountInString(f) < 4 {
			continue
		}
		lower := strings.ToLower(f)
		if strings.HasSuffix(lower, "ing") || strings.HasSuffix(lower, "in") || strings.HasSuffix(lower, "in'") ||
			strings.HasSuffix(lower, "in’") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			tags[i] = uint16(nnp)
		}
	}
}

// subordinator retags as a subordinating conjunction (SCONJ, IN)
// "after", "before", "since", "until", "till" or "as" tagged as a
// preposition when a clause follows it: a noun phrase (determiners,
// adjectives, numbers, nouns, pronouns) and then a finite verb ("After
// the meeting ended, the two ministers signed an agreement", "were killed
// as Syrian government forces launched air strikes"), as EWT tags them. The
// parser then reads a fronted adverbial clause rather than a sentence
// that begins "the meeting ended". Applied when tagging, like aboutTo.
func (t *Tagger) subordinator(forms []string, tags []uint16) {
	sconj := slices.Index(t.classes, Class{UPOS: text.SCONJ, XPOS: "IN"})
	if sconj < 0 {
		return
	}
	for i, f := range forms {
		switch strings.ToLower(f) {
		case "after", "before", "since", "until", "till", "as":
		default:
			continue
		}
		if t.classes[tags[i]].UPOS != text.ADP {
			continue
		}
		np := 0
	clause:
		for j := i + 1; j < len(forms); j++ {
			switch t.classes[tags[j]].XPOS {
			case "DT", "PRP$", "JJ", "CD", "NN", "NNS", "NNP", "NNPS", "PRP", "POS":
				np++
			case "VBD", "VBZ", "VBP", "MD":
				if np > 0 {
					tags[i] = uint16(sconj)
				}
				break clause
			default:
				break clause
			}
		}
	}
}

// isLowerWord reports whether f is all lower-case letters.
func isLowerWord(f string) bool {
	for _, r := range f {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return f != ""
}

func (t *Tagger) isName(c uint16) bool {
	return int(c) < len(t.classes) && t.classes[c].UPOS == text.PROPN
}

// Lemma returns the lemma of form tagged xpos.
func (t *Tagger) Lemma(form, xpos string) string {
	if l, ok := t.lemmas[form+"\x00"+xpos]; ok {
		return l
	}
	if lf := strings.ToLower(form); lf != form {
		if l, ok := t.lemmas[lf+"\x00"+xpos]; ok {
			return l
		}
	}
	return RuleLemma(form, xpos)
}

// Feats returns the UD features of form tagged xpos.
func (t *Tagger) Feats(form, xpos string) string {
	if f, ok := t.feats[strings.ToLower(form)+"\x00"+xpos]; ok {
		return f
	}
	return t.xfeats[xpos]
}

// scratch holds per-call buffers so that tagging a sentence does not
// allocate per token.
type scratch struct {
	forms  []string // forms the tagger sees
	orig   []string // forms as written
	toks   []tokFeats
	feats  []uint64
	scores []float32
	tags   []uint16
	// afterModal turns on the modal rule in tagSentence (see afterModal).
	afterModal bool
	// names are the doc's capitalized words that are names (docNames).
	names map[string]bool
}

func (t *Tagger) newScratch() *scratch {
	return &scratch{scores: make([]float32, len(t.classes))}
}

// tokFeats are the hashed properties of one token, computed once per
// sentence.
type tokFeats struct {
	form, lower, shape, flags uint64
	pre, suf                  [4]uint64
	top                       uint64 // commonest training class, or a marker
	fixed                     int    // class id when in the tag dictionary, else -1
}

const (
	hNone  = 0x5bd1e995 // "no word here" (sentence edge)
	hStart = 0x27d4eb2f
	hUnk   = 0x165667b1
)

func (t *Tagger) prepare(s *scratch) {
	s.toks = slices.Grow(s.toks[:0], len(s.forms))[:len(s.forms)]
	for i, f := range s.forms {
		tf := &s.toks[i]
		lower := strings.ToLower(f)
		tf.form = perceptron.String(f)
		tf.lower = perceptron.String(lower)
		tf.shape = perceptron.String(shape(f))
		tf.flags = flags(f)
		tf.pre, tf.suf = affixes(lower)
		tf.fixed = -1
		tf.top = hUnk
		wi, ok := t.words[f]
		if !ok && lower != f {
			wi, ok = t.words[lower]
			wi.fixed = false
		}
		if ok {
			tf.top = uint64(wi.top) + 1
			if wi.fixed {
				tf.fixed = int(wi.top)
			}
		}
	}
}

// affixes returns hashes of the first and last 1-4 runes of s.
func affixes(s string) (pre, suf [4]uint64) {
	for k := 0; k < 4; k++ {
		pre[k] = hNone
		suf[k] = hNone
	}
	i, k := 0, 0
	for k < 4 && i < len(s) {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		pre[k] = perceptron.String(s[:i])
		k++
	}
	j := len(s)
	k = 0
	for k < 4 && j > 0 {
		_, sz := utf8.DecodeLastRuneInString(s[:j])
		j -= sz
		suf[k] = perceptron.String(s[j:])
		k++
	}
	return pre, suf
}

// shape maps letters to X/x, digits to d, keeps other characters, and
// collapses runs longer than two: "McCain" → "XxXxx", "1990s" → "ddx".
func shape(s string) string {
	var b [32]byte
	n := 0
	var last byte
	run := 0
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

func flags(s string) uint64 {
	var f uint64
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		f |= 1
	}
	allUpper := true
	for _, r := range s {
		switch {
		case r == '-':
			f |= 2
		case unicode.IsDigit(r):
			f |= 4
		case r == '.':
			f |= 8
		case r == '@' || r == '/' || r == ':':
			f |= 16
		}
		if !unicode.IsUpper(r) {
			allUpper = false
		}
	}
	if allUpper {
		f |= 32
	}
	return f
}

// Feature templates.
const (
	fBias = iota + 1
	fForm
	fLower
	fPre
	fSuf
	fShape
	fFlags
	fTop
	fPrevLower
	fPrev2Lower
	fNextLower
	fNext2Lower
	fPrevSuf
	fNextSuf
	fPrevTag
	fPrevTags
	fPrevTagLower
	fPrevLowerLower
	fLowerNextLower
	fNextTop
	fNext2Top
	fPrevTagNextTop
	fFirstShape
	fPrevTagSuf
	fPrevShapeShape
	fPrev2Tag
	fPrevTagNextLower
	fPrevLowerNextLower
	fPrevLowerPrevTag
	fNextSuf1
	fLowerNextTop
	fPrevTagFlags
	fNext2Suf
	fPrevTagsLower
	fPrevLowerSuf
	fLowerNextSuf
	fPrevTagPre
	fShapeNextShape
)

func (t *Tagger) features(s *scratch, i int, p1, p2 uint64) []uint64 {
	f := s.feats[:0]
	tk := &s.toks[i]
	n := len(s.toks)
	lowerAt := func(j int) uint64 {
		if j < 0 || j >= n {
			return hNone
		}
		return s.toks[j].lower
	}
	topAt := func(j int) uint64 {
		if j < 0 || j >= n {
			return hNone
		}
		return s.toks[j].top
	}
	f = append(f,
		perceptron.H1(fBias, 0),
		perceptron.H1(fForm, tk.form),
		perceptron.H1(fLower, tk.lower),
		perceptron.H1(fShape, tk.shape),
		perceptron.H1(fFlags, tk.flags),
		perceptron.H1(fTop, tk.top),
	)
	for k := 0; k < 4; k++ {
		f = append(f, perceptron.H2(fPre, uint64(k), tk.pre[k]), perceptron.H2(fSuf, uint64(k), tk.suf[k]))
	}
	prevSuf, nextSuf, prevShape := uint64(hNone), uint64(hNone), uint64(hNone)
	if i > 0 {
		prevSuf = s.toks[i-1].suf[2]
		prevShape = s.toks[i-1].shape
	}
	nextSuf1, next2Suf, nextShape := uint64(hNone), uint64(hNone), uint64(hNone)
	if i+1 < n {
		nextShape = s.toks[i+1].shape
		nextSuf = s.toks[i+1].suf[2]
		nextSuf1 = s.toks[i+1].suf[0]
	}
	if i+2 < n {
		next2Suf = s.toks[i+2].suf[2]
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f = append(f,
		perceptron.H1(fPrevLower, lowerAt(i-1)),
		perceptron.H1(fPrev2Lower, lowerAt(i-2)),
		perceptron.H1(fNextLower, lowerAt(i+1)),
		perceptron.H1(fNext2Lower, lowerAt(i+2)),
		perceptron.H1(fPrevSuf, prevSuf),
		perceptron.H1(fNextSuf, nextSuf),
		perceptron.H1(fPrevTag, p1),
		perceptron.H2(fPrevTags, p1, p2),
		perceptron.H2(fPrevTagLower, p1, tk.lower),
		perceptron.H2(fPrevLowerLower, lowerAt(i-1), tk.lower),
		perceptron.H2(fLowerNextLower, tk.lower, lowerAt(i+1)),
		perceptron.H1(fNextTop, topAt(i+1)),
		perceptron.H2(fNext2Top, topAt(i+1), topAt(i+2)),
		perceptron.H2(fPrevTagNextTop, p1, topAt(i+1)),
		perceptron.H2(fFirstShape, first, tk.shape),
		perceptron.H2(fPrevTagSuf, p1, tk.suf[2]),
		perceptron.H2(fPrevShapeShape, prevShape, tk.shape),
		perceptron.H1(fPrev2Tag, p2),
		perceptron.H2(fPrevTagNextLower, p1, lowerAt(i+1)),
		perceptron.H2(fPrevLowerNextLower, lowerAt(i-1), lowerAt(i+1)),
		perceptron.H2(fPrevLowerPrevTag, lowerAt(i-1), p1),
		perceptron.H1(fNextSuf1, nextSuf1),
		perceptron.H2(fLowerNextTop, tk.lower, topAt(i+1)),
		perceptron.H3(fPrevTagFlags, p1, tk.flags, first),
		perceptron.H1(fNext2Suf, next2Suf),
		perceptron.H3(fPrevTagsLower, p1, p2, tk.lower),
		perceptron.H2(fPrevLowerSuf, lowerAt(i-1), tk.suf[2]),
		perceptron.H2(fLowerNextSuf, tk.lower, nextSuf),
		perceptron.H2(fPrevTagPre, p1, tk.pre[1]),
		perceptron.H2(fShapeNextShape, tk.shape, nextShape),
	)
	s.feats = f
	return f
}

// tagSentence tags s.forms. With a trainer and gold classes it also learns
// (gold != nil); it returns the predicted class ids (valid until the next
// call with s).
func (t *Tagger) tagSentence(s *scratch, tr *trainState) []uint16 {
	t.prepare(s)
	if tr != nil {
		for i, d := range tr.drop {
			if d {
				tf := &s.toks[i]
				tf.form, tf.lower, tf.top = hUnk, hUnk, hUnk
			}
		}
	}
	s.tags = slices.Grow(s.tags[:0], len(s.forms))[:len(s.forms)]
	p1, p2 := uint64(hStart), uint64(hStart)
	for i := range s.forms {
		var c int
		if fx := s.toks[i].fixed; fx >= 0 {
			c = fx
		} else {
			feats := t.features(s, i, p1, p2)
			clear(s.scores)
			if tr != nil {
				tr.p.Score(feats, s.scores)
			} else {
				t.model.Score(feats, s.scores)
			}
			c = argmax(s.scores)
			if tr == nil && s.afterModal && i > 0 {
				c = t.afterModal(s, i, c)
				c = t.infinitiveTo(s, i, c)
			}
			if tr == nil && s.afterModal {
				c = t.unknownName(s, i, c)
				c = t.docName(s, i, c)
			}
			if tr != nil {
				g := int(tr.gold[i])
				tr.p.Update(feats, g, c)
				tr.p.Tick()
				tr.n++
				if g == c {
					tr.correct++
				}
			}
		}
		s.tags[i] = uint16(c)
		p2, p1 = p1, uint64(c)+1
	}
	return s.tags
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

const magic = "eventwire-tagger-1"

// Limits the loader enforces.
const (
	maxClasses = 1024
	maxEntries = 1 << 22
	maxString  = 1 << 12
)

// Save writes the tagger in its binary model format (gzip). The same tagger
// always gives the same bytes.
func (t *Tagger) Save(w io.Writer) error {
	e := perceptron.NewEncoder(w, magic)
	e.Uvarint(uint64(len(t.classes)))
	for _, c := range t.classes {
		e.String(c.UPOS.String())
		e.String(c.XPOS)
	}
	words := sortedKeys(t.words)
	e.Uvarint(uint64(len(words)))
	for _, w := range words {
		wi := t.words[w]
		e.String(w)
		v := uint64(wi.top) << 1
		if wi.fixed {
			v |= 1
		}
		e.Uvarint(v)
	}
	for _, m := range []map[string]string{t.lemmas, t.feats, t.xfeats} {
		keys := sortedKeys(m)
		e.Uvarint(uint64(len(keys)))
		for _, k := range keys {
			e.String(k)
			e.String(m[k])
		}
	}
	e.Model(t.model)
	return e.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Load reads a tagger written by Save. Malformed input gives an error, never
// a panic.
func Load(r io.Reader) (*Tagger, error) {
	d, err := perceptron.NewDecoder(r, magic)
	if err != nil {
		return nil, fmt.Errorf("tag: load: %w", err)
	}
	t := &Tagger{}
	nc := d.Uvarint("class count", maxClasses)
	for i := uint64(0); i < nc && d.Err() == nil; i++ {
		u, x := d.String(maxString), d.String(maxString)
		up, ok := text.ParseUPOS(u)
		if !ok && d.Err() == nil {
			d.Fail("class %d: unknown UPOS %q", i, u)
		}
		t.classes = append(t.classes, Class{up, x})
	}
	nw := d.Uvarint("word count", maxEntries)
	t.words = make(map[string]wordInfo, min(nw, 1<<16))
	for i := uint64(0); i < nw && d.Err() == nil; i++ {
		w := d.String(maxString)
		v := d.Uvarint("word class", 2*nc)
		if v>>1 >= nc && d.Err() == nil {
			d.Fail("word %q: class %d out of range", w, v>>1)
		}
		t.words[w] = wordInfo{top: uint16(v >> 1), fixed: v&1 == 1}
	}
	var maps [3]map[string]string
	for k := range maps {
		n := d.Uvarint("lexicon size", maxEntries)
		maps[k] = make(map[string]string, min(n, 1<<16))
		for i := uint64(0); i < n && d.Err() == nil; i++ {
			key := d.String(maxString)
			maps[k][key] = d.String(maxString)
		}
	}
	t.lemmas, t.feats, t.xfeats = maps[0], maps[1], maps[2]
	t.model = d.Model()
	if d.Err() == nil && t.model.NumClasses() != len(t.classes) {
		d.Fail("model has %d classes, tagger %d", t.model.NumClasses(), len(t.classes))
	}
	if err := d.Close(); err != nil {
		return nil, fmt.Errorf("tag: load: %w", err)
	}
	return t, nil
}

// LoadBytes is Load on a byte slice (an embedded model).
func LoadBytes(b []byte) (*Tagger, error) { return Load(bytes.NewReader(b)) }

// xposOf returns a look-up of the XPOS of tags[i], "" out of range.
func (t *Tagger) xposOf(tags []uint16) func(i int) string {
	return func(i int) string {
		if i < 0 || i >= len(tags) || int(tags[i]) >= len(t.classes) {
			return ""
		}
		return t.classes[tags[i]].XPOS
	}
}
