package main

import (
	"slices"
	"strings"
	"unicode"
)

// fold maps the accented letters the Factbook writes to their base
// letters, as the Phoenix dictionaries spell names.
var fold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ě': "e", 'ę': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ñ': "n", 'ń': "n", 'ň': "n", 'ç': "c", 'ć': "c", 'č': "c",
	'ś': "s", 'š': "s", 'ș': "s", 'ş': "s", 'ź': "z", 'ž': "z", 'ż': "z", 'ř': "r",
	'ľ': "l", 'ł': "l", 'ĺ': "l", 'ď': "d", 'đ': "d", 'ť': "t", 'ț': "t", 'ţ': "t", 'ğ': "g",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ð': "d",
}

// asciiKey returns w in upper case with accents removed ("Touadéra" →
// "TOUADERA"), and whether anything was removed.
func asciiKey(w string) (string, bool) {
	var b strings.Builder
	changed := false
	for _, r := range w {
		lr := unicode.ToLower(r)
		if f, ok := fold[lr]; ok {
			b.WriteString(strings.ToUpper(f))
			changed = true
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String(), changed
}

// phraseOf writes words as a PETRARCH phrase: upper case, joined by
// underscores, with a final underscore (an exact last word). Accents are
// removed; accented reports whether there were any.
func phraseOf(words []string) (p string, accented bool) {
	keys := make([]string, len(words))
	for i, w := range words {
		var a bool
		keys[i], a = asciiKey(w)
		accented = accented || a
	}
	return strings.Join(keys, "_") + "_", accented
}

// accentedPhrase is phraseOf keeping the accents (upper case), for text
// that writes them.
func accentedPhrase(words []string) string {
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = strings.ToUpper(w)
	}
	return strings.Join(keys, "_") + "_"
}

// isInitial reports whether w is an initial ("H.", "J.M.").
func isInitial(w string) bool {
	return len(w) >= 2 && w[len(w)-1] == '.' && strings.Count(w, ".")*2 == len(w)
}

// romanNumeral reports whether w is a regnal number (II, III, XIV).
func romanNumeral(w string) bool {
	if w == "" || len(w) > 5 {
		return false
	}
	return strings.Trim(w, "IVX") == ""
}

// titled are the titles that make title + name phrases ("PRESIDENT_
// TEBBOUNE_"): those news put before a head's name alone. Governors and
// premiers are left out: "Governor X" and "Premier X" name US and
// Canadian office holders far more often than the territories'.
var titled = map[string]bool{
	"President": true, "Prime Minister": true, "Chancellor": true, "King": true, "Queen": true, "Emir": true,
	"Sultan": true, "Pope": true, "Grand Duke": true, "Prince": true, "Taoiseach": true, "Supreme Leader": true,
	"Governor General": true,
}

// monarchs are the titles used with a regnal name, which news also write
// without the number ("King Charles").
var monarchs = map[string]bool{"King": true, "Queen": true, "Emir": true, "Sultan": true, "Pope": true, "Grand Duke": true, "Prince": true}

// variants returns the phrases a name is written as in news, the full
// name first:
//
//   - the full name in written (natural) order: ABDELAZIZ_BOUTEFLIKA_,
//     DANILO_MEDINA_SANCHEZ_, XI_JINPING_, and with "Jr." when the
//     Factbook writes it;
//   - without initials: BARACK_OBAMA_ for Barack H. OBAMA;
//   - the first given name with the capitals: JOAO_LOURENCO_ for Joao
//     Manuel Goncalves LOURENCO, PEDRO_SANCHEZ_ for Pedro SANCHEZ
//     Perez-Castejon (a Spanish second surname left out), but not for an
//     Arabic compound given name (Abdel Fattah), and the second when the
//     first is Muhammad or another common name (SHEHBAZ_SHARIF_), or when
//     there are two (CYRIL_RAMAPHOSA_ for Matamela Cyril RAMAPHOSA);
//   - a nickname the Factbook quotes with the capitals: BONGBONG_MARCOS_;
//   - for a hyphenated name with one part in capitals, the parts apart
//     and the capitals alone: DENIS_SASSOU_NGUESSO_, VJOSA_OSMANI_,
//     ALI_KHAMENEI_;
//   - for a name that starts with its capitals, the capitals alone when
//     they are several words (MUHAMMAD_BIN_ZAYID_), and an Arabic name
//     with its patronymic (KHALIFA_BIN_ZAYID_);
//   - the title with the capitals (PRESIDENT_TEBBOUNE_, KING_CHARLES_III_,
//     KING_CHARLES_), for the titles in titled, unless the capitals are
//     one common given name (PRESIDENT_MUHAMMAD_);
//   - the common English spellings of Muhammad and Zayid in all of these
//     but the forms with initials and nicknames (MOHAMMED_BIN_ZAYED_);
//   - the aliases listed for the name.
//
// Phrases of one word are never made (bare surnames and given names are
// too ambiguous: "MAY", "LEE"); a name the Factbook did not capitalise
// gives its full form only.
func variants(n name, title string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(words []string) {
		if len(words) < 2 {
			return
		}
		p, accented := phraseOf(words)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
		if accented {
			if a := accentedPhrase(words); !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	full := n.words()
	add(full)
	if n.plain {
		return out
	}
	if n.jr {
		add(append(slices.Clone(full), "Jr."))
	}
	var short [][]string // the variants that get other spellings
	addShort := func(words []string) {
		add(words)
		short = append(short, words)
	}
	var given []string
	for _, g := range n.given {
		if !isInitial(g) {
			given = append(given, g)
		}
	}
	cat := func(parts ...[]string) []string {
		var w []string
		for _, p := range parts {
			w = append(w, p...)
		}
		return w
	}
	caps := [][]string{n.caps}
	if split, alone, ok := hyphenParts(n.caps); ok {
		caps = append(caps, split, alone)
	}
	for _, cp := range caps {
		addShort(cat(given, cp, n.rest))
		if !n.capsFirst() {
			g0 := ""
			if len(given) > 0 {
				g0, _ = asciiKey(given[0])
			}
			compound := len(given) > 1 && arabicCompound[g0]
			first := given
			if len(given) > 1 && commonGiven[g0] {
				// "Muhammad Shehbaz SHARIF" is Shehbaz Sharif.
				first = given[1:]
				addShort(cat(first, cp))
			}
			if len(first) > 0 && !compound {
				addShort(cat(first[:1], cp, n.rest))
			}
			if len(first) == 2 && !compound && !isInitial(first[1]) {
				// "Matamela Cyril RAMAPHOSA" is Cyril Ramaphosa.
				addShort(cat(first[1:], cp))
			}
			if len(n.rest) > 0 {
				addShort(cat(given, cp))
				if len(first) > 0 && !compound {
					addShort(cat(first[:1], cp))
				}
			}
			if n.nick != "" {
				add(cat([]string{n.nick}, cp))
			}
		} else {
			if len(cp) >= 2 && len(n.rest) > 0 {
				addShort(cp)
			}
			if len(cp) == 1 && len(n.rest) >= 2 && (strings.EqualFold(n.rest[0], "bin") || strings.EqualFold(n.rest[0], "bint") || strings.EqualFold(n.rest[0], "ibn")) {
				addShort(cat(cp, n.rest[:2]))
			}
		}
		if titled[title] && !(len(cp) == 1 && commonGiven[strings.ToUpper(cp[0])]) {
			t := strings.Fields(title)
			addShort(cat(t, cp))
			if monarchs[title] && len(cp) >= 2 && romanNumeral(cp[len(cp)-1]) {
				addShort(cat(t, cp[:len(cp)-1]))
			}
			if title == "Emir" {
				add(cat([]string{"Amir"}, cp))
			}
			if n.nick != "" {
				add(cat(t, []string{n.nick}))
			}
		}
	}
	for _, w := range short {
		for _, sp := range respell(w) {
			add(sp)
		}
	}
	fp, _ := phraseOf(full)
	for _, a := range aliases[strings.TrimSuffix(fp, "_")] {
		add(strings.Split(strings.TrimSuffix(a, "_"), "_"))
	}
	return out
}

// hyphenParts returns, for capitals with a hyphenated word only partly in
// capitals ("SASSOU-Nguesso", "Hoseini-KHAMENEI"), the capitals with that
// word's parts apart and with its capital parts alone.
func hyphenParts(caps []string) (split, alone []string, ok bool) {
	for _, w := range caps {
		parts := strings.Split(w, "-")
		if len(parts) < 2 || allCaps(w) {
			split, alone = append(split, w), append(alone, w)
			continue
		}
		for _, p := range parts {
			if p == "" {
				continue
			}
			split = append(split, p)
			if allCaps(p) && !particles[p] {
				alone = append(alone, p)
			}
		}
		ok = true
	}
	return split, alone, ok
}

// arabicCompound are first given names that do not stand alone: "Abdel
// Fattah EL-SISI" is never "Abdel el-Sisi".
var arabicCompound = map[string]bool{"ABD": true, "ABDEL": true, "ABDUL": true, "ABDOUL": true, "ABDER": true, "ABU": true, "ABOU": true, "EL": true, "AL": true}

// commonGiven are given names too common to make a title phrase alone
// ("President Muhammad").
var commonGiven = map[string]bool{"MUHAMMAD": true, "MOHAMMED": true, "MOHAMMAD": true, "MOHAMED": true, "AHMAD": true,
	"AHMED": true, "ALI": true, "ABDULLAH": true, "ABDALLAH": true, "KHALID": true, "HASAN": true, "HASSAN": true,
	"HUSSEIN": true, "ABD": true}

// spellings are the common English spellings of name words the Factbook
// transliterates otherwise.
var spellings = map[string][]string{
	"MUHAMMAD": {"MOHAMMED", "MOHAMMAD", "MOHAMED"},
	"ZAYID":    {"ZAYED"},
}

// respell returns words with each word of spellings replaced by each of
// its other spellings (one word at a time).
func respell(words []string) [][]string {
	var out [][]string
	for i, w := range words {
		k, _ := asciiKey(w)
		for _, sp := range spellings[k] {
			c := slices.Clone(words)
			c[i] = sp
			out = append(out, c)
			for _, more := range respell(c[i+1:]) {
				out = append(out, append(slices.Clone(c[:i+1]), more...))
			}
		}
	}
	return out
}

// aliases are names news use that the Factbook does not write and the
// rules above cannot make, by the full name's phrase: a short form of a
// given name, or the spelling under which the Phoenix dictionaries have
// the person (which links the record, so it is merged).
var aliases = map[string][]string{
	"MARY_ELIZABETH_TRUSS": {"LIZ_TRUSS_"},
	"BASHAR_AL-ASAD":       {"BASHAR_AL_ASSAD_", "BASHAR_AL-ASSAD_", "PRESIDENT_ASSAD_"},
	"ALI_HOSEINI-KHAMENEI": {"ALI_HOSEINI_KHAMENEI_", "AYATOLLAH_ALI_KHAMENEI_", "AYATOLLAH_KHAMENEI_"},
	"KIM_JONG_UN":          {"KIM_JONG-UN_"},
}
