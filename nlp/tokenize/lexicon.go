package tokenize

// The word lists below follow UD English EWT: they were read off EWT train
// (tokens that keep their final period; hyphenated words EWT leaves whole)
// and completed by hand with the abbreviations of news style (AP state
// names, military and political titles).

// abbrevs are abbreviations, lower-cased without their period, whose period
// belongs to the token in any letter case. Words that often end a sentence
// ("no", "sun", "sat", "ill") are left out: EWT writes "No. 5" rarely and "no."
// at a sentence end often.
var abbrevs = setOf(
	"mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govt",
	"gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr", "cpl", "pvt", "pres", "supt",
	"st", "mt", "ft", "jr", "sr", "inc", "corp", "ltd", "co", "bros", "plc", "llc", "assn",
	"vs", "etc", "al", "esp", "attn", "approx", "dept", "est", "fig", "vol", "ave", "blvd",
	"jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "thu", "thur", "thurs", "fri",
	"arrv", "sts", "drs", "yrs", "mins", "hrs", "lbs", "oz", "ext", "tel", "ref", "cf", "eg", "ie",
)

// abbrevsCased are abbreviations recognised only capitalised as written, since
// their lower-case forms are words: AP-style state names and a few more.
var abbrevsCased = setOf(
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
	"Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
	"Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
	"Rev", "Hon", "Fr", "Msgr",
)

// titles are the abbreviations, as written, that come before a name and
// so never end a sentence.
var titles = setOf(
	"Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen",
	"Lt", "Col", "Sgt", "Capt", "Maj", "Adm", "Cmdr", "Cpl", "Pvt", "Pres", "Supt", "Rev",
	"Hon", "Fr", "Msgr", "St", "Mt", "Ft",
)

// afterTime are the words that follow "a.m." or "p.m." inside a sentence.
var afterTime = setOf(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
	"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
	"GMT", "UTC", "BST", "CET", "CEST", "Moscow", "local",
)

// starters are capitalised words that begin sentences and do not continue
// a name, so that an abbreviation before them ends its sentence.
var starters = setOf(
	"The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "This", "That", "These",
	"Those", "There", "His", "Her", "Their", "Its", "Our", "But", "And", "Yet", "So", "However",
	"Meanwhile", "Still", "Then", "In", "On", "At", "After", "Before", "When", "While", "If",
	"As", "According", "Earlier", "Later", "Last", "Some", "Many", "Most",
)

// numAbbrevs are abbreviations, as written, whose period belongs to them
// only before a number ("No. 3846", "pp. 12"): alone, "no." ends sentences.
var numAbbrevs = setOf("No", "no", "Nos", "nos", "Nr", "nr", "pp", "Art", "Vol", "Fig", "Ch")

// hyphenPrefixes are the bound prefixes that EWT keeps attached to the word
// after their hyphen ("non-commercial", "e-mail"); other hyphens between
// letters are tokens of their own.
var hyphenPrefixes = setOf(
	"e", "non", "pre", "anti", "re", "mid", "post", "co", "pro", "multi", "ex", "sub",
	"semi", "neo", "cross", "socio", "micro", "intra", "counter", "inter", "bi", "tri",
	"over", "psycho", "un", "macro", "mega", "mini", "quasi", "ultra",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
