package coder

import "github.com/eventwire/eventwire/coder/dict"

// Negation says what a negated verb ("did not clash", "will not help")
// codes.
type Negation int

// The ways to code a negated verb.
const (
	// NegationInvert codes the opposite event where PETRARCH's internal
	// coding ontology defines one (not disapprove 110 = cooperate 050, not
	// make a statement 010 = decline to comment 011, not provide material
	// cooperation 060 = reject it 121, ...), marked Negated; other negated
	// verbs code nothing. It is what UniversalPetrarch does, restricted to
	// exact opposites.
	NegationInvert Negation = iota
	// NegationDrop codes nothing for a negated verb.
	NegationDrop
	// NegationKeep codes the verb's own event, marked Negated.
	NegationKeep
)

// opposite maps a CAMEO code to the code of its negation. It is derived
// from UniversalPetrarch's PETR.Internal.Coding.Ontology.txt (MIT licence,
// (c) 2016 Open Event Data Alliance): two codes are opposites when their
// internal hex codes differ by exactly 0xFFFF, the ontology's negation.
//
// The refusals of the CAMEO codebook's Reject family (12) complete it:
// not yielding (08) is refusing to yield (124), each sub-code to its own
// (not releasing persons or property, 084, is 1243, which the ontology
// had as 1242, refusing to ease popular dissent; not acceding to
// political reform, 083, is 123); not doing what one intended (03) is
// refusing it: aid (033 → 122, "will not accept refugees" 0333 → 1223
// Reject request for humanitarian aid), political reform (034 → 123),
// yielding (035 → 124), a meeting (036 → 125), settling a dispute (037
// → 127), accepting mediation (038 → 126); not giving aid (07) is
// refusing it as the intent's refusal is (070 → 122, 071 → 1221, 072 →
// 1222, 073 → 1223, 074 → 1224), and not granting asylum (075) is 1223
// ("will not accept refugees from Afghanistan", ACCEPT * &REFUGEE [075]).
// The codebook's 12 family defines each
// as the refusal of that act (cameo/ and
// ../shared/data/ontology/cameo/cameo-eventcodes.tsv).
var opposite = map[string]string{
	"010": "011", "011": "010", "015": "016", "016": "015",
	"060": "121", "061": "1211", "062": "1212",
	"080": "124", "081": "1241", "082": "1242", "084": "1243", "0841": "1243", "0842": "1243",
	"085": "1244", "086": "1245", "087": "1246",
	"0811": "1241", "0812": "1241", "0813": "1241", "0814": "1241",
	"083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
	"0861": "1245", "0862": "1245", "0863": "1245",
	"0871": "1246", "0872": "1246", "0873": "1246", "0874": "1246",
	"070": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "075": "1223",
	"033": "122", "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224",
	"034": "123", "0341": "1231", "0342": "1232", "0343": "1233", "0344": "1234",
	"035": "124", "0351": "1241", "0352": "1242", "0353": "1243", "0354": "1244", "0355": "1245", "0356": "1246",
	"036": "125", "037": "127", "038": "126",
	"110": "050", "121": "060", "1211": "061", "1212": "062",
	"124": "080", "1241": "081", "1242": "082", "1243": "084", "1244": "085", "1245": "086", "1246": "087",
	"170": "057",
}

// negate returns the code a negated verb gets under mode n, and whether
// it codes anything.
func negate(n Negation, c dict.Code) (dict.Code, bool) {
	switch n {
	case NegationKeep:
		return c, true
	case NegationInvert:
		out := dict.Code{Event: opposite[c.Event], Reverse: opposite[c.Reverse]}
		return out, !out.IsNull()
	}
	return dict.Code{}, false
}
