package text

// UPOS is a Universal Dependencies part-of-speech tag.
type UPOS uint8

// The seventeen UD v2 tags; NoUPOS means "not tagged".
const (
	NoUPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	NumUPOS // number of values, for tables indexed by UPOS
)

var uposNames = [...]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's UD name ("NOUN"), or "_" for NoUPOS.
func (u UPOS) String() string {
	if int(u) < len(uposNames) {
		return uposNames[u]
	}
	return "_"
}

// ParseUPOS returns the tag named s. UD v1's CONJ is read as CCONJ. Unknown
// names give NoUPOS and false.
func ParseUPOS(s string) (UPOS, bool) {
	for i, n := range uposNames {
		if n == s && i > 0 {
			return UPOS(i), true
		}
	}
	if s == "CONJ" {
		return CCONJ, true
	}
	return NoUPOS, false
}

// MarshalText implements encoding.TextMarshaler.
func (u UPOS) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names give NoUPOS.
func (u *UPOS) UnmarshalText(b []byte) error {
	*u, _ = ParseUPOS(string(b))
	return nil
}
