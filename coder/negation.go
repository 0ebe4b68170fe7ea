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
var opposite = map[string]string{
	"010": "011", "011": "010", "015": "016", "016": "015",
	"060": "121", "061": "1211", "062": "1212",
	"080": "124", "081": "1241", "082": "1242", "0841": "1242", "0842": "1242",
	"085": "1244", "086": "1245", "087": "1246",
	"110": "050", "121": "060", "1211": "061", "1212": "062",
	"124": "080", "1241": "081", "1242": "082", "1244": "085", "1245": "086", "1246": "087",
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
