package tag

import (
	"strings"
	"unicode/utf8"
)

// RuleLemma guesses the lemma of form tagged with Penn tag xpos by English
// suffix rules: plural nouns and third-person verbs lose -s/-es/-ies, past
// forms -ed, participles -ing (undoubling "stopped" → "stop", restoring the
// e of "hoped" → "hope"), comparatives -er/-est. Proper nouns keep their
// case; everything else is lower-cased. The tagger's lexicon overrides it for
// the words seen in training.
func RuleLemma(form, xpos string) string {
	switch xpos {
	case "NNP":
		return form
	case "NNPS":
		return plural(form)
	}
	w := strings.ToLower(form)
	switch xpos {
	case "NNS":
		return plural(w)
	case "VBZ":
		return thirdPerson(w)
	case "VBD", "VBN":
		if s, ok := strings.CutSuffix(w, "ied"); ok && len(s) > 1 {
			return s + "y"
		}
		if s, ok := strings.CutSuffix(w, "ed"); ok && len(s) > 1 {
			if strings.HasSuffix(s, "e") && len(s) > 2 {
				return s + "e" // freed → free, decreed → decree, guaranteed → guarantee
			}
			return restore(s)
		}
	case "VBG":
		if s, ok := strings.CutSuffix(w, "ying"); ok && len(s) > 0 && !hasVowel(s) {
			if len(s) > 1 {
				return s + "y" // crying → cry, trying → try, flying → fly
			}
			return s + "ie" // dying → die, lying → lie, tying → tie
		}
		if s, ok := strings.CutSuffix(w, "ing"); ok && len(s) > 1 && hasVowel(s) {
			return restore(s)
		}
	case "JJR", "RBR":
		if s, ok := strings.CutSuffix(w, "ier"); ok && len(s) > 1 {
			return s + "y"
		}
		if s, ok := strings.CutSuffix(w, "er"); ok && len(s) > 1 {
			return restore(s)
		}
	case "JJS", "RBS":
		if s, ok := strings.CutSuffix(w, "iest"); ok && len(s) > 1 {
			return s + "y"
		}
		if s, ok := strings.CutSuffix(w, "est"); ok && len(s) > 1 {
			return restore(s)
		}
	case "RB":
		if w == "n't" || w == "nt" {
			return "not"
		}
	}
	return w
}

func plural(w string) string {
	switch {
	case len(w) < 3:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "S"):
		return w[:len(w)-1]
	}
	return w
}

func thirdPerson(w string) string {
	switch {
	case len(w) < 3:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"), strings.HasSuffix(w, "oes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// restore undoes the spelling changes before -ed/-ing/-er: a doubled final
// consonant is undoubled ("stopp" → "stop"), and a final e is restored after
// stems that cannot end a word without one ("hop" from "hoped" → "hope",
// "charg" → "charge", "negotiat" → "negotiate").
func restore(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && utf8.RuneLen(rune(s[n-1])) == 1 {
		switch s[n-1] {
		case 'l':
			if (strings.HasSuffix(s, "ell") || strings.HasSuffix(s, "oll")) && vowelGroups(s) >= 2 {
				// A stem of two syllables or more doubles its final l:
				// expelled → expel, cancelled → cancel, patrolled →
				// patrol; spelled, shelled, rolled keep theirs.
				return s[:n-1]
			}
			return s // called → call
		case 's', 'z', 'f':
			return s // passed → pass
		}
		return s[:n-1]
	}
	switch {
	case strings.HasSuffix(s, "u") && n >= 3 && !isVowel(s[n-2]):
		return s + "e" // rescued → rescue, pursuing → pursue, subdued → subdue
	case strings.HasSuffix(s, "v"), strings.HasSuffix(s, "dg"), strings.HasSuffix(s, "rg"),
		strings.HasSuffix(s, "nc"), strings.HasSuffix(s, "rc"), strings.HasSuffix(s, "iz"),
		strings.HasSuffix(s, "yz"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "ag") && n > 4,
		strings.HasSuffix(s, "uir"), strings.HasSuffix(s, "ur") && n > 4:
		return s + "e"
	}
	// A stem ending in c takes k before -ed (panicked), so "reduc", "replac",
	// "notic" lost an e; so did a consonant + l ("enabl", "settl", "struggl"),
	// -um and -ut stems ("resum", "consum", "execut", "disput"), -ang/-eng
	// ("chang", "arrang", "challeng"), and -id/-ud/-in/-ir/-ar/-rs/-ps/-ns
	// after a consonant ("decid", "includ", "determin", "desir", "declar",
	// "revers", "collaps", "licens"). Doubled consonants were handled above.
	if n >= 4 {
		last, prev := s[n-1], s[n-2]
		third := s[n-3]
		switch {
		case last == 'c' && prev != 'c':
			return s + "e"
		case last == 'l' && strings.IndexByte("bcdfgkptz", prev) >= 0:
			return s + "e"
		case n > 4 && (strings.HasSuffix(s, "um") || strings.HasSuffix(s, "ut")) && !isVowel(third):
			return s + "e"
		case n > 4 && (strings.HasSuffix(s, "ang") || strings.HasSuffix(s, "eng")):
			return s + "e"
		case (prev == 'i' || prev == 'u' || prev == 'a') && (last == 'd' || last == 'n' || last == 'r') && !isVowel(third) && third != 'y' && n > 4:
			return s + "e"
		case last == 's' && (prev == 'r' || prev == 'p' || prev == 'n') && n > 4:
			return s + "e"
		case strings.HasSuffix(s, "ais"), strings.HasSuffix(s, "uis"), strings.HasSuffix(s, "ois"),
			strings.HasSuffix(s, "eas"), strings.HasSuffix(s, "os") && n > 4:
			return s + "e" // praised, bruised, poised, released, proposed

		}
	}
	if n >= 4 && strings.HasSuffix(s, "at") && (!isVowel(s[n-3]) || s[n-3] == 'i' || s[n-3] == 'u') {
		return s + "e" // negotiat → negotiate, evaluat → evaluate; treat, float stay
	}
	// One vowel group, ending consonant-vowel-consonant: hop(ed) → hope.
	if n >= 3 && n <= 5 && !isVowel(s[n-1]) && isVowel(s[n-2]) && !isVowel(s[n-3]) && vowelGroups(s) == 1 {
		switch s[n-1] {
		case 'w', 'x', 'y':
			return s
		}
		return s + "e"
	}
	return s
}

func vowelGroups(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i])
		if v && !in {
			n++
		}
		in = v
	}
	return n
}
