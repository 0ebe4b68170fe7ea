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
