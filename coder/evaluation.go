package coder

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/text"
)

// Evaluations in quoted words. A speaker whose direct quotation calls a
// named actor a hero or a dictator praises (051) or criticises (111) that
// actor, though no verb of praising or criticising is used: "Cde Mugabe
// was an icon of liberation," wrote President Mnangagwa; "He was a
// dictator. He was ruthless," said Ashton Bumhira. CAMEO codes these as
// the speaker's verbal acts (051 "praise or endorse", 111 "criticize or
// denounce"). The frame is a copular clause inside a quotation whose
// speaker the quote stage found and coded: its subject is the target, its
// predicate noun or adjective an entry of the verb dictionary coded 05 or
// 11 (data/eventwire/verbs.news.txt lists the evaluation words, whose
// sense is praise or condemnation of a person or a state whatever the
// context). A negated predicate ("he was not a dictator") codes nothing.

// evalFrames builds the frames of the sentence's evaluations in quoted
// words (evaluation.go).
func (st *sent) evalFrames() []*frame {
	if len(st.dc.quotes) == 0 {
		return nil
	}
	var out []*frame
	for p := st.lo; p < st.hi; p++ {
		switch st.tok(p).UPOS {
		case text.NOUN, text.ADJ:
		default:
			continue
		}
		e := st.evaluation(p)
		if e == nil {
			continue
		}
		subj, cop, neg := -1, false, false
		for _, k := range st.children(p) {
			switch {
			case st.base(k) == text.Cop:
				cop = true
			case st.rel(k).IsSubject() && !st.rel(k).IsPassiveSubject():
				subj = k
			case st.base(k) == text.Advmod && (st.key(k) == "NOT" || st.key(k) == "N'T" || st.key(k) == "NEVER"):
				neg = true
			}
		}
		if !cop || subj < 0 || neg {
			continue
		}
		speaker, ok := st.quotedBy(p)
		if !ok {
			continue
		}
		targets := st.mention(subj)
		if len(targets) == 0 || sameAs(targets, []entity{speaker}) {
			continue
		}
		f := &frame{kind: evalFrame, pred: p, host: p, verb: e, sense: e.Code, conf: 0.5,
			sources: []entity{speaker}, targets: targets, own: true,
			pattern: e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (an evaluation in quoted words)"}
		if st.dc.explain {
			f.args = st.describeArgs(f, []string{"an evaluation in quoted words: the quotation's speaker judges its subject"})
		}
		out = append(out, f)
	}
	return out
}

// evaluation returns the dictionary entry of predicate p's lemma when it
// is a word of evaluation: an entry without patterns whose code is praise
// (05) or disapproval (11).
func (st *sent) evaluation(p int) *dict.Verb {
	vd := st.c.d.Verbs
	if vd == nil {
		return nil
	}
	for _, e := range vd.LookupLemma(st.lemma(p)) {
		if len(e.Before)+len(e.After) == 0 && (strings.HasPrefix(e.Code.Event, "05") || strings.HasPrefix(e.Code.Event, "11")) {
			return e
		}
	}
	return nil
}

// Grief in quoted words. In a report of a death (deceased: the article's
// first sentence says who died), a speaker whose direct quotation speaks
// of the loss, of missing the dead or of mourning them expresses sympathy
// for the dead, 018, as the gold guideline codes tributes (rule 7.4): "It
// is a great loss to the people of South Sudan," said the information
// minister of John Luk Jok; "He is a person the whole country will
// miss"; "He will be missed". The code is the dictionary's for MOURN
// (verbs.news.txt LAMENT_MOURN).
// Negated words ("not a loss") and the dead person's own words give
// nothing; one frame a sentence.
var griefWords = map[string]bool{"LOSS": true, "MISS": true, "MOURN": true, "GRIEVE": true, "SORROW": true,
	"SADNESS": true, "GRIEF": true, "CONDOLENCE": true, "CONDOLENCES": true}

// griefFrames builds the frame of grief in the sentence's quoted words.
func (st *sent) griefFrames() []*frame {
	if len(st.dc.quotes) == 0 || st.c.d.Verbs == nil {
		return nil
	}
	var e *dict.Verb
	for _, c := range st.c.d.Verbs.LookupLemma("MOURN") {
		if len(c.Before)+len(c.After) == 0 && c.Code.Event == "018" {
			e = c
			break
		}
	}
	if e == nil {
		return nil
	}
	for p := st.lo; p < st.hi; p++ {
		w := st.lemma(p)
		switch u := st.tok(p).UPOS; {
		case griefWords[w] && (u == text.NOUN || u == text.VERB):
		case w == "REST" && u == text.VERB && st.hasChildKey(p, "PEACE"):
			// "May he Rest In Peace"
		default:
			continue
		}
		if st.negated(p) {
			continue
		}
		speaker, ok := st.quotedBy(p)
		if !ok {
			continue
		}
		dead, ok := st.deceased()

		if !ok || sameAs([]entity{dead}, []entity{speaker}) {
			return nil
		}
		f := &frame{kind: evalFrame, pred: p, host: p, verb: e, sense: e.Code, conf: 0.5,
			sources: []entity{speaker}, targets: []entity{dead}, own: true,
			pattern: e.Block.File + ":" + strconv.Itoa(e.Line) + " " + e.Word + " [" + e.Code.String() + "] (grief in quoted words)"}
		if st.dc.explain {
			f.args = st.describeArgs(f, []string{"grief in quoted words in a report of a death: the quotation's speaker mourns the dead"})
		}
		return []*frame{f}
	}
	return nil
}

// hasChildKey reports whether token p has a dependent whose key is k.
func (st *sent) hasChildKey(p int, k string) bool {
	for _, c := range st.children(p) {
		if st.key(c) == k {
			return true
		}
	}
	return false
}
