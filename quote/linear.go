package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/text"
)

// The rules of this file read a speech cue's words in order where the
// parse gives no clause for it: news prose sets a cue off by commas
// ("…, the agency said in a report, and …") or runs the reported clause
// straight after it ("officials said the two firms raised $20 million"), and
// the parser often hangs those clauses anywhere (an object, a conjunct,
// an adjective of the next noun).

// maxChunk bounds the words of a speaker phrase set off by commas.
const maxChunk = 24

// isSep reports whether token k separates a parenthetical from its
// sentence: a comma, a colon, a dash or a bracket.
func (a *attributor) isSep(k int) bool {
	switch a.form(k) {
	case ",", ":", "--", "—", "–", "―", "(", ")", ";":
		return true
	}
	return false
}

// maxReach bounds how far from a cue, in tokens, the rules of this file
// read its sentence, so that the work per cue stays bounded however long
// a sentence a Doc holds (the English pipeline cuts them at 200 words).
const maxReach = 200

// sentRange returns the tokens [lo, hi) of the sentence of token k, no
// further than maxReach from k.
func (a *attributor) sentRange(k int) (lo, hi int) {
	s := a.sentOf[k]
	if s < 0 {
		return k, k + 1
	}
	lo, hi = int(a.doc.Sents[s].Start), min(int(a.doc.Sents[s].End), len(a.doc.Tokens))
	return max(lo, k-maxReach), min(hi, k+maxReach)
}

// parenthetical attributes the rest of its sentence to a speech cue that
// commas set off with its speaker, whatever the parse: "X, the agency
// said in a report, and Y" (content on both sides), "…, a spokesman
// announced Monday." (before), "Back home, the mayor said, he decided
// …" (after), "…, said Jane Doe, a senior official." (the speaker after
// the cue). It returns the speaker's head, the content's tokens and
// whether the pattern holds.
func (a *attributor) parenthetical(v int) (spk int, spkSpan text.Span, toks []int, ok bool) {
	if !parenCues[a.lemma(v)] || !a.finiteCue(v) {
		return -1, spkSpan, nil, false
	}
	lo, hi := a.sentRange(v)
	for hi > lo && a.tok(hi-1).UPOS == text.PUNCT && !a.isSep(hi-1) {
		hi-- // the full stop
	}
	// The speaker's words before the cue, back to a separator or the
	// sentence's start.
	left := v - 1
	rel := false
	for ; left >= lo && v-left <= maxChunk; left-- {
		if a.isSep(left) || a.segOf[left] >= 0 {
			break
		}
		t := a.tok(left)
		switch t.UPOS {
		case text.VERB:
			if !rel {
				// A verb before the cue, outside a relative clause of
				// the speaker ("aides who saw the draft told"):
				// not a parenthetical.
				if !a.relBefore(left, lo) {
					return -1, spkSpan, nil, false
				}
				rel = true
			}
		case text.SCONJ:
			return -1, spkSpan, nil, false
		}
	}
	if v-left > maxChunk || left >= lo && !a.isSep(left) {
		return -1, spkSpan, nil, false
	}
	// The cue's own words after it: adjuncts ("in a report", "on
	// Monday", "of the plan"), an addressee ("told reporters"), up to a
	// separator or the sentence's end; no verb.
	right := v + 1
	for ; right < hi; right++ {
		if a.isSep(right) || a.segOf[right] >= 0 {
			break
		}
		switch a.tok(right).UPOS {
		case text.VERB, text.AUX, text.SCONJ:
			return -1, spkSpan, nil, false
		}
		if a.lemma(right) == "that" {
			return -1, spkSpan, nil, false
		}
	}
	if right < hi && a.segOf[right] >= 0 {
		return -1, spkSpan, nil, false // a quotation follows: direct's
	}
	spk = -1
	switch {
	case left+1 < v:
		// "…, the agency said": the speaker phrase before the cue.
		if left < lo && (right >= hi || a.form(right) != ",") {
			return -1, spkSpan, nil, false // sentence-initial: "X said, …" only
		}
		first := left + 1
		switch u := a.tok(first).UPOS; {
		case u == text.SCONJ || u == text.CCONJ || a.isRelPron(first) || a.tok(v-1).UPOS == text.CCONJ:
			// "…, which critics say …", "and then quickly
			// disclosed": a clause of the sentence, not an aside.
			return -1, spkSpan, nil, false
		case a.lemma(first) == "as":
			return -1, spkSpan, nil, false
		}
		if right >= hi && (left < lo || a.form(left) != ",") {
			return -1, spkSpan, nil, false // "It is an old story: X declared …"
		}
		for _, k := range a.kids[v] {
			if k > v && a.base(k) == text.Obj && k != a.addressee(v) {
				return -1, spkSpan, nil, false // "declared war on …"
			}
		}
		spk = a.chunkHead(first, v)
		spkSpan = a.spanOf(a.rangeToks(first, v))
	case left >= lo && a.form(left) == ",":
		// "…, said Jane Doe, a senior official": the speaker after it.
		k := v + 1
		for k < hi && a.tok(k).UPOS == text.ADV {
			k++
		}
		if k >= hi {
			return -1, spkSpan, nil, false
		}
		switch a.tok(k).UPOS {
		case text.DET, text.PROPN, text.NOUN, text.ADJ, text.NUM:
		default:
			return -1, spkSpan, nil, false
		}
		end := k
		for end < hi && !a.isSep(end) {
			end++
		}
		if !invertCues[a.lemma(v)] {
			return -1, spkSpan, nil, false
		}
		for _, c := range a.kids[v] {
			if c < v && a.tok(c).Dep.Universal().IsSubject() && a.sentOf[c] == a.sentOf[v] && a.coversBefore(c, lo, left) {
				// "Berg, 56, who has served …, told …": the words
				// before are the subject, not what was said.
				return -1, spkSpan, nil, false
			}
		}
		spk = a.chunkHead(k, end)
		spkSpan = a.spanOf(a.rangeToks(k, end))
		right = hi // the rest is the speaker and an apposition
	}
	if spk < 0 {
		return -1, spkSpan, nil, false
	}
	var out []int
	for k := lo; k < hi; k++ {
		if k < left || k > right {
			out = append(out, k)
		}
	}
	if a.wordsOutside(out) < 3 || !a.hasVerb(out) {
		return -1, spkSpan, nil, false
	}
	return spk, spkSpan, out, true
}

// rangeToks returns the tokens [i, j).
func (a *attributor) rangeToks(i, j int) []int {
	out := make([]int, 0, j-i)
	for k := i; k < j; k++ {
		out = append(out, k)
	}
	return out
}

// finiteCue reports whether cue v is a finite verb or a perfect ("has
// said"), not a participle or a passive ("the plan declared", "were
// charged").
func (a *attributor) finiteCue(v int) bool {
	for _, k := range a.kids[v] {
		if a.tok(k).Dep.Universal().IsPassiveSubject() || a.tok(k).Dep == "aux:pass" {
			return false
		}
	}
	switch a.tok(v).XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	case "VBN":
		// "has said", "has also said"; "a spokesman announced", tagged
		// as a participle.
		k := v - 1
		for k >= 0 && a.tok(k).UPOS == text.ADV {
			k--
		}
		return k >= 0 && (a.lemma(k) == "have" || nominal(a.tok(k).UPOS))
	}
	return false
}

// parenCues are the cues that news prose sets off by commas with their
// speaker: "…, the agency said", "…, she believes, …".
var parenCues = map[string]bool{"say": true, "tell": true, "add": true, "write": true, "explain": true,
	"note": true, "argue": true, "insist": true, "claim": true, "contend": true, "acknowledge": true,
	"admit": true, "announce": true, "report": true, "warn": true, "predict": true, "estimate": true,
	"recall": true, "reply": true, "respond": true, "continue": true, "conclude": true, "stress": true,
	"emphasize": true, "suggest": true, "confirm": true, "assert": true, "allege": true, "concede": true,
	"observe": true, "testify": true, "complain": true, "believe": true, "think": true}

// invertCues are the cues that come before their speaker: "…, said Jane
// Doe".
var invertCues = map[string]bool{"say": true, "add": true, "write": true, "explain": true, "continue": true,
	"reply": true, "respond": true, "ask": true, "note": true, "recall": true, "insist": true, "argue": true,
	"conclude": true, "warn": true, "tell": true}

// relBefore reports whether a relative pronoun ("who", "that", "which")
// comes before token k, after lo, in a phrase without separators.
func (a *attributor) relBefore(k, lo int) bool {
	for j := k - 1; j >= lo && k-j <= 8; j-- {
		if a.isSep(j) {
			return false
		}
		if a.tok(j).UPOS == text.PRON && a.isRelPron(j) {
			return true
		}
	}
	return false
}

// chunkHead returns the head of the noun phrase in tokens [i, j): the
// nominal whose head lies outside the stretch, else the last nominal.
func (a *attributor) chunkHead(i, j int) int {
	last, num := -1, -1
	for k := i; k < j; k++ {
		if a.tok(k).UPOS == text.NUM && num < 0 {
			num = k // "said one at the talks"
		}
		if !nominal(a.tok(k).UPOS) {
			continue
		}
		if h := a.head(k); h < i || h >= j {
			return k
		}
		last = k
	}
	if last < 0 {
		return num
	}
	return last
}

// hasVerb reports whether toks hold a verb or an auxiliary outside
// quotation marks, or quoted words.
func (a *attributor) hasVerb(toks []int) bool {
	for _, k := range toks {
		if a.segOf[k] >= 0 {
			return true
		}
		if u := a.tok(k).UPOS; u == text.VERB || u == text.AUX {
			return true
		}
	}
	return false
}

// clauseCues are the speech cues whose object is almost always what was
// said, a clause, not a thing: "said the two firms raised", "claimed the
// vote was rigged".
var clauseCues = map[string]bool{"say": true, "tell": true, "claim": true, "insist": true, "argue": true,
	"contend": true, "assert": true, "allege": true, "add": true, "explain": true, "predict": true,
	"stress": true, "emphasize": true, "emphasise": true, "testify": true, "conclude": true, "reply": true,
	"respond": true, "acknowledge": true, "admit": true, "write": true, "warn": true,
	"concede": true, "suggest": true, "note": true}

// restAfter returns the words after a speech cue that the parser did not
// make its clause ("officials said the two firms raised $20 million",
// parsed with "$" as the object), up to the end of the sentence: past the
// addressee and the cue's adjuncts before them ("told reporters on
// Monday that …"), holding a verb; nil if none.
func (a *attributor) restAfter(v int) []int {
	if !clauseCues[a.lemma(v)] && !a.thatAfter(v) || v > 0 && a.form(v-1) == "," && !a.subjectBefore(v) {
		return nil // "…, said Jane Doe, an official …": the speaker follows
	}
	_, hi := a.sentRange(v)
	addr := a.addressee(v)
	skip := map[int]bool{}
	if addr > v {
		// The addressee's words, up to a "that" the parse may have hung
		// on it ("told The Daily Courier that …").
		for _, k := range a.subtree(addr, nil) {
			if k > addr && (a.lemma(k) == "that" || a.isSep(k)) {
				break
			}
			skip[k] = true
		}
	}
	for _, k := range a.kids[v] {
		if k <= v {
			continue
		}
		switch a.base(k) {
		case text.Obl, text.Advmod:
			if timeWords[a.lemma(k)] || a.tok(k).UPOS == text.PROPN && a.isDay(k) || a.base(k) == text.Advmod {
				for _, t := range a.subtree(k, nil) {
					skip[t] = true
				}
			}
		}
	}
	k := v + 1
	for k < hi && (skip[k] || a.tok(k).UPOS == text.ADV && k == v+1) {
		k++
	}
	if k < hi && a.form(k) == "," {
		return nil // "said, …": a parenthetical's, or a quotation's
	}
	conj := false // a "that" the tagger took for a conjunction opens a clause, its verb found or not
	if k < hi && a.lemma(k) == "that" {
		conj = a.tok(k).UPOS == text.SCONJ
		k++
		if k < hi && a.form(k) == "," {
			k++ // "quipped that, for a small town, …"
		}
	}
	if k >= hi {
		return nil
	}
	switch a.tok(k).UPOS {
	case text.ADP, text.PUNCT, text.CCONJ, text.SCONJ:
		if !conj || a.tok(k).UPOS != text.ADP {
			return nil // "said in a statement", "said so"
		}
	}
	var toks []int
	for ; k < hi; k++ {
		switch a.form(k) {
		case ";", "—", "--", "–", "―", "(", ")":
			// The end of an aside the cue is in ("the mayor — who says
			// the budget is sound — has proposed little").
			k = hi
			continue
		case ",":
			if k+1 < hi && a.tok(k+1).XPOS == "VBG" && a.isCue(k+1) {
				k = hi // ", arguing that …": a statement of its own
				continue
			}
		}
		toks = append(toks, k)
	}
	if a.wordsOutside(toks) < 3 || !a.hasVerb(toks) && !conj {
		return nil
	}
	// The first verb must not be in a relative clause of an object
	// ("keep the calm … that the town so needs").
	for i, k := range toks {
		if u := a.tok(k).UPOS; u != text.VERB && u != text.AUX {
			continue
		}
		for _, j := range toks[:i] {
			if a.isRelPron(j) && a.tok(j).UPOS != text.SCONJ || a.lemma(j) == "whom" || a.lemma(j) == "where" {
				return nil
			}
		}
		break
	}
	return toks
}

// thatAfter reports whether "that" follows cue v of speech or belief
// outside the lexicon of clause cues, an adverb apart ("quipped that, for
// a small town, …", "feared that"): the clause the conjunction opens is what
// was said or thought, however the parse hangs it.
func (a *attributor) thatAfter(v int) bool {
	if k := cues[a.lemma(v)]; k != speech && k != belief {
		return false
	}
	_, hi := a.sentRange(v)
	n := v + 1
	if n < hi && a.tok(n).UPOS == text.ADV {
		n++
	}
	return n+1 < hi && strings.EqualFold(a.form(n), "that") && a.segOf[n] < 0
}

// isDay reports whether proper noun k names a day or month ("Monday",
// "Sept.").
func (a *attributor) isDay(k int) bool {
	switch a.lemma(k) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// intentVerbs report what their subject means to do by an infinitive:
// "plans to release", "seeks to end".
var intentVerbs = map[string]bool{"plan": true, "aim": true, "seek": true, "vow": true, "pledge": true,
	"promise": true, "threaten": true, "intend": true, "hope": true, "vie": true}

// verbAsNoun returns the cue lemma of token v when the tagger took a
// verb for a plural noun after its subject ("the mayor claims that …",
// "the union argues that …", "the institute plans to publish …", "…, the
// Courier reports."), and "" otherwise.
func (a *attributor) verbAsNoun(v int) (string, int) {
	t := a.tok(v)
	if a.segOf[v] >= 0 || v == 0 || a.sentOf[v-1] != a.sentOf[v] {
		return "", -1
	}
	f := strings.ToLower(a.form(v))
	switch {
	case t.UPOS == text.NOUN && t.XPOS == "NNS":
	case t.UPOS == text.PROPN && a.upper(v) && a.upper(v-1) && a.headline(v):
		// A title-case headline: "Mayor Seeks New Bridge".
	case t.UPOS == text.PROPN && !a.upper(v) && a.tok(v-1).XPOS == "NNS" && cues[f] != 0:
		// "Farm leaders denounce the tax", the verb taken for
		// part of a name.
	default:
		return "", -1
	}
	l := ""
	for _, c := range []string{a.lemma(v), f, strings.TrimSuffix(f, "s"), strings.TrimSuffix(f, "es")} {
		if c != f && !strings.HasSuffix(f, "s") {
			continue
		}
		if cues[c] != 0 || intentVerbs[c] {
			l = c
			break
		}
	}
	if l == "" {
		return "", -1
	}
	if a.upper(v) && !a.upper(v-1) {
		return "", -1 // a capital only in a title-case headline
	}
	lo, hi := a.sentRange(v)
	start := a.chunkStart(v)
	if a.form(v-1) == "," {
		// "The governor's deputy, Anna Berg, plans to": a
		// subject with an apposition, from the sentence's start, with
		// no verb in it.
		noun := false
		for k := v - 2; k >= lo; k-- {
			switch u := a.tok(k).UPOS; u {
			case text.VERB, text.AUX, text.SCONJ:
				return "", -1
			case text.NOUN, text.PROPN:
				noun = true
			}
		}
		if !noun || lo > 0 && a.sentOf[lo-1] == a.sentOf[v] {
			return "", -1
		}
		start = lo
	} else if u := a.tok(v - 1).UPOS; u != text.PROPN && u != text.NOUN {
		return "", -1
	}
	// The subject: a noun phrase just before, from the sentence's start
	// or a separator, with no verb in it.
	for k := v - 1; k >= start && !(a.isSep(k) && k < v-1); k-- {
		if k == v-1 && a.form(k) == "," {
			continue
		}
		switch a.tok(k).UPOS {
		case text.VERB, text.AUX, text.ADP, text.SCONJ:
			if !(a.tok(k).UPOS == text.ADP && k > lo && nominal(a.tok(k-1).UPOS) && k < v-1) {
				return "", -1 // "rejected the insurance claims"; "of claims"
			}
		case text.PART:
			if k == v-1 {
				return "", -1 // "the mayor's claims"
			}
		}
	}
	n := v + 1
	if n >= hi {
		return "", -1
	}
	switch nf := strings.ToLower(a.form(n)); {
	case nf == "that":
		if n+1 < hi && (a.tok(n+1).UPOS == text.VERB || a.tok(n+1).UPOS == text.AUX) {
			return "", -1 // "claims that were filed": a relative clause
		}
	case nf == "to":
		if n+1 >= hi || a.tok(n+1).XPOS != "VB" {
			return "", -1
		}
	case nf == "." || nf == "!":
		if !a.isSep(a.chunkStart(v) - 1) {
			return "", -1
		}
	case intentVerbs[l] && cues[l] == 0:
		return "", -1 // "plans" without "to"
	default:
		switch a.tok(n).UPOS {
		case text.DET, text.PROPN, text.PRON, text.NUM:
		case text.ADJ, text.ADV, text.NOUN:
			if !a.upper(v) {
				return "", -1 // only a headline's words say it is a verb
			}
		case text.ADP:
			if !stancePreps[a.lemma(n)] {
				return "", -1
			}
		default:
			return "", -1
		}
	}
	return l, start
}

// chunkStart returns the first token of the stretch before v that no
// separator interrupts, within v's sentence.
func (a *attributor) chunkStart(v int) int {
	lo, _ := a.sentRange(v)
	k := v - 1
	for k >= lo && !a.isSep(k) {
		k--
	}
	return k + 1
}

// nounVerb attributes what a verb the tagger took for a noun reports
// (verbAsNoun): the words after it, or, when it ends its sentence after a
// comma, the words before.
func (a *attributor) nounVerb(v int) {
	l, start := a.verbAsNoun(v)
	if l == "" {
		return
	}
	lo, hi := a.sentRange(v)
	for hi > lo && a.tok(hi-1).UPOS == text.PUNCT && !a.isSep(hi-1) {
		hi--
	}
	spk := a.chunkHead(start, v)
	if spk < 0 {
		return
	}
	var toks []int
	if v+1 >= hi {
		for k := lo; k < start-1; k++ {
			toks = append(toks, k)
		}
	} else {
		k := v + 1
		if a.lemma(k) == "that" {
			k++
		}
		for ; k < hi; k++ {
			if f := a.form(k); f == ";" || f == "—" || f == "--" {
				break
			}
			toks = append(toks, k)
		}
	}
	if a.wordsOutside(toks) < 2 && !a.hasSegment(toks) {
		return
	}
	for start < v && (a.tok(start).UPOS == text.CCONJ || a.tok(start).UPOS == text.ADV) {
		start++ // "But the mayor claims"
	}
	end := v
	if a.form(v-1) == "," {
		end = v - 1
	}
	if f := a.add(v, spk, toks); f != nil {
		f.spkSpan = a.spanOf(a.rangeToks(start, end))
	}
}

// speechNouns name a statement, a stance or a belief whose holder a
// possessive gives and whose content a clause does: "the senator's claim that
// …", "his promise to …", "the mayor's insistence that …".
var speechNouns = map[string]bool{"claim": true, "assertion": true, "argument": true, "contention": true,
	"insistence": true, "allegation": true, "accusation": true, "suggestion": true, "warning": true,
	"promise": true, "pledge": true, "vow": true, "threat": true, "prediction": true, "belief": true,
	"view": true, "hope": true, "fear": true, "concern": true, "admission": true, "announcement": true,
	"assurance": true, "emphasis": true, "complaint": true, "demand": true, "call": true, "proposal": true,
	"plan": true, "determination": true, "commitment": true, "decision": true, "statement": true,
	"remark": true, "comment": true, "denial": true, "estimate": true, "forecast": true, "recognition": true,
	"conviction": true, "expectation": true, "assessment": true, "conclusion": true, "finding": true,
	"acknowledgment": true, "acknowledgement": true, "charge": true, "declaration": true, "objection": true,
	"desire": true, "wish": true, "intention": true, "intent": true, "refusal": true, "offer": true,
	"request": true, "suspicion": true, "worry": true, "doubt": true, "insinuation": true, "implication": true,
	"explanation": true, "reminder": true, "response": true, "reply": true, "boast": true, "push": true,
	"bid": true, "effort": true, "idea": true, "notion": true, "position": true, "opinion": true}

// feelingNouns name an attitude to something, said or shown, that a
// prepositional phrase names: "outrage over the test", "reservations
// about the deal", "questions about his taxes".
var feelingNouns = map[string]bool{"outrage": true, "anger": true, "frustration": true, "reservation": true,
	"skepticism": true, "scepticism": true, "enthusiasm": true, "sympathy": true, "approval": true,
	"disapproval": true, "support": true, "opposition": true, "criticism": true, "condemnation": true,
	"praise": true, "question": true, "advice": true, "alarm": true, "dismay": true, "regret": true,
	"displeasure": true, "disagreement": true, "distrust": true, "mistrust": true, "confidence": true,
	"faith": true, "optimism": true, "pessimism": true, "unease": true, "disgust": true, "contempt": true,
	"admiration": true, "gratitude": true, "condolence": true, "apology": true, "protest": true}

// lightVerbs make a statement noun their object and give it their
// subject as its holder: "expressed outrage over …", "made the case
// that …", "has questions about …", "sounded a call for …".
var lightVerbs = map[string]bool{"make": true, "express": true, "voice": true, "raise": true, "have": true,
	"offer": true, "issue": true, "sound": true, "unveil": true, "share": true, "give": true, "lodge": true,
	"file": true, "level": true, "register": true, "air": true, "pose": true, "put": true, "deliver": true,
	"send": true, "extend": true, "renew": true}

// nounPreps introduce what a statement or feeling noun is about: "his
// criticism of the plan", "outrage over the test", "a call for calm".
var nounPreps = map[string]bool{"of": true, "about": true, "for": true, "on": true, "over": true, "against": true}

// nounCue attributes the clause of a statement noun to its holder
// (speechNouns): "the senator's claim that crime had doubled", "his
// promises to cut taxes"; or what a statement or feeling noun
// (feelingNouns) is about: "the senator's criticism of the plan". The
// holder is the possessor, or the subject of a light verb whose object
// the noun is ("the council expressed outrage over the fees", "made the
// case that …").
func (a *attributor) nounCue(v int) {
	l := a.lemma(v)
	if a.tok(v).UPOS != text.NOUN || a.segOf[v] >= 0 || !speechNouns[l] && !feelingNouns[l] && l != "case" {
		return
	}
	spk, light := -1, false
	for _, k := range a.kids[v] {
		if a.tok(k).Dep == "nmod:poss" && k < v && a.segOf[k] < 0 {
			spk = k
		}
	}
	if h := a.head(v); spk < 0 && h >= 0 && h < v && a.base(v) == text.Obj && a.tok(h).UPOS == text.VERB && lightVerbs[a.lemma(h)] {
		if s := a.subject(h); s >= 0 && a.segOf[s] < 0 && !firstOrSecond(a.form(s)) {
			spk, light = s, true
		}
	}
	if spk < 0 || l == "case" && !light {
		return
	}
	if !speechNouns[l] || l == "call" || l == "question" {
		if a.nounAbout(v, spk, light) {
			return
		}
	}
	_, hi := a.sentRange(v)
	// The clause: "that" or "to" right after the noun, or a clause the
	// parse hangs on it.
	start := -1
	if n := v + 1; n < hi {
		switch strings.ToLower(a.form(n)) {
		case "that":
			if n+1 < hi && a.tok(n+1).UPOS != text.VERB && a.tok(n+1).UPOS != text.AUX {
				start = n + 1
			}
		case "to":
			if n+1 < hi && a.tok(n+1).XPOS == "VB" {
				start = n
			}
		}
	}
	if start < 0 {
		if speechNouns[l] {
			// Without a clause, what a statement is about: "the
			// senator's comments about the deal", "the bank's
			// forecast of exports".
			a.nounAbout(v, spk, light)
		}
		return
	}
	a.nounClause(v, spk, start, hi)
}

// nounAbout attributes what statement or feeling noun v is about, the
// phrase hung on the noun or on its light verb ("outrage over the test",
// "a call for calm"), to spk; it reports whether it found one.
func (a *attributor) nounAbout(v, spk int, light bool) bool {
	about := a.kids[v]
	if light {
		about = append(append([]int(nil), about...), a.kids[a.head(v)]...)
	}
	for _, k := range about {
		if b := a.base(k); k > v && (b == text.Nmod || light && b == text.Obl) && a.segOf[k] < 0 && !timeWords[a.lemma(k)] && a.tok(k).UPOS != text.NUM {
			for _, c := range a.kids[k] {
				if a.base(c) == text.Case && c > v && nounPreps[a.lemma(c)] {
					if toks := a.withoutCase(k); a.wordsOutside(toks) >= 1 {
						a.add(v, spk, toks)
						return true
					}
				}
			}
		}
	}
	return false
}

// nounClause attributes the clause that starts at start after statement
// noun v to spk.
func (a *attributor) nounClause(v, spk, start, hi int) {
	// Up to the clause's end: a separator, or a second finite verb with
	// no subject of its own (the sentence's own predicate: "the mayor's
	// insistence that the budget is balanced angered the council").
	var toks []int
	verb, nounSince, inf := false, false, a.lemma(start) == "to"
	for k := start; k < hi; k++ {
		t := a.tok(k)
		if a.isSep(k) && a.segOf[k] < 0 || t.UPOS == text.PUNCT && (a.form(k) == "." || a.form(k) == "?") {
			break
		}
		switch t.UPOS {
		case text.VERB, text.AUX:
			fin := t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || t.XPOS == "MD"
			if fin && (inf || verb && !nounSince) && a.tok(k-1).UPOS != text.CCONJ {
				// An infinitive holds no finite verb of its own: "his
				// promises to cut taxes were forgotten".
				k = hi
				continue
			}
			verb, nounSince = true, false
		case text.NOUN, text.PROPN, text.PRON:
			if verb {
				nounSince = true
			}
		}
		toks = append(toks, k)
	}
	if a.wordsOutside(toks) < 2 || !a.hasVerb(toks) {
		return
	}
	a.add(v, spk, toks)
}

// coversBefore reports whether the phrase of c holds every word of the
// tokens [lo, end).
func (a *attributor) coversBefore(c, lo, end int) bool {
	in := map[int]bool{}
	for _, k := range a.subtree(c, nil) {
		in[k] = true
	}
	for k := lo; k < end; k++ {
		if !in[k] && a.tok(k).UPOS != text.PUNCT {
			return false
		}
	}
	return true
}

// subjectBefore reports whether v has a subject before it.
func (a *attributor) subjectBefore(v int) bool {
	for _, c := range a.kids[v] {
		if c < v && a.tok(c).Dep.Universal().IsSubject() {
			return true
		}
	}
	return false
}

// upper reports whether token k starts with a capital letter.
func (a *attributor) upper(k int) bool {
	r, _ := utf8.DecodeRuneInString(a.form(k))
	return unicode.IsUpper(r)
}

// headline reports whether token k is in a short paragraph whose words
// mostly start with a capital: a title-case headline, where the tagger
// takes verbs for names.
func (a *attributor) headline(k int) bool {
	p := a.paraOf(a.tok(k).Start)
	if p < 0 {
		return false
	}
	n, upper := 0, 0
	for j := a.tokAt(a.paras[p].Start); j < len(a.doc.Tokens) && a.tok(j).Start < a.paras[p].End; j++ {
		r, _ := utf8.DecodeRuneInString(a.form(j))
		if !unicode.IsLetter(r) {
			continue
		}
		if n++; n > 25 {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper*4 >= n*3
}
