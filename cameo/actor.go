package cameo

import "strings"

// ActorKind says what the first part of a CAMEO actor code names.
type ActorKind int

// The kinds of actor code.
const (
	NoActor       ActorKind = iota // empty or "---": no actor, or an anonymous one ("---GOV")
	Country                        // a three-letter country code, as "RUS" (ISO 3166-1 alpha-3 in the dictionaries)
	Region                         // a CAMEO region code, as "AFR", "MEA"
	International                  // a generic international code: IGO, IMG, INT, MNC, NGM, NGO, UIS
)

func (k ActorKind) String() string {
	switch k {
	case Country:
		return "country"
	case Region:
		return "region"
	case International:
		return "international"
	}
	return "none"
}

// ActorCode is a CAMEO actor code split into its three-letter parts:
// "RUSGOV" is Country "RUS" with Parts ["GOV"]; "IGOUNOHCR" is the
// international code "IGO" with Parts ["UNO", "HCR"]; "---GOV" (an
// anonymous government) has no country and Parts ["GOV"].
type ActorCode struct {
	Code string
	// Head is the first part: a country, region or international code; ""
	// when the code starts with "---" or with a role code.
	Head string
	Kind ActorKind
	// Parts are the codes after Head: role codes (see RoleLabel) and
	// organisation codes ("UNO", "ALQ"), in order. A trailing part shorter
	// than three letters is kept as it is.
	Parts []string
}

// SplitActor splits a CAMEO actor code. It accepts what the dictionaries
// write: upper-case letters in groups of three, with "---" for an unknown
// country, and a leading "~" as agent codes have ("~GOV").
func SplitActor(code string) ActorCode {
	a := ActorCode{Code: code}
	s := strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(code)), "~")
	var parts []string
	for len(s) > 3 {
		parts = append(parts, s[:3])
		s = s[3:]
	}
	if s != "" {
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return a
	}
	head := parts[0]
	switch {
	case head == "---":
		parts = parts[1:]
	case internationalCodes[head] != "":
		a.Head, a.Kind, parts = head, International, parts[1:]
	case regionCodes[head] != "":
		a.Head, a.Kind, parts = head, Region, parts[1:]
	case roleLabels[head] != "":
		// An agent code alone ("GOV"): no head.
	case len(head) == 3:
		a.Head, a.Kind, parts = head, Country, parts[1:]
	}
	if len(parts) > 0 {
		a.Parts = parts
	}
	return a
}

// Roles returns the parts that are known role codes, in order.
func (a ActorCode) Roles() []string {
	var out []string
	for _, p := range a.Parts {
		if roleLabels[p] != "" {
			out = append(out, p)
		}
	}
	return out
}

// HasRole reports whether role is one of the code's parts.
func (a ActorCode) HasRole(role string) bool {
	for _, p := range a.Parts {
		if p == role {
			return true
		}
	}
	return false
}

// RoleLabel returns a short English label for a CAMEO role code ("GOV" →
// "government"), or "" when the code is not a role code.
func RoleLabel(role string) string { return roleLabels[role] }

// RegionLabel returns the name of a CAMEO region code ("MEA" → "Middle
// East"), or "".
func RegionLabel(code string) string { return regionCodes[code] }

// InternationalLabel returns a short label for a generic international code
// ("IGO" → "intergovernmental organisation"), or "".
func InternationalLabel(code string) string { return internationalCodes[code] }

// roleLabels are eventwire's own short labels for the CAMEO role codes
// (primary, secondary, tertiary) and the religion codes the Phoenix agent
// dictionary uses as roles. The map is read-only.
var roleLabels = map[string]string{
	// Primary roles.
	"COP": "police",
	"GOV": "government",
	"INS": "insurgents",
	"JUD": "judiciary",
	"MIL": "military",
	"OPP": "political opposition",
	"REB": "rebels",
	"SEP": "separatist rebels",
	"SPY": "intelligence services",
	"UAF": "armed forces not aligned with the government",
	"PTY": "political party",
	// Secondary roles.
	"AGR": "agriculture",
	"BUS": "business",
	"CRM": "criminals",
	"CVL": "civilians",
	"DEV": "development",
	"EDU": "education",
	"ELI": "elites",
	"ENV": "environment",
	"HLH": "health",
	"HRI": "human rights",
	"LAB": "labour",
	"LEG": "legislature",
	"MED": "media",
	"REF": "refugees",
	// Tertiary roles.
	"MOD": "moderates",
	"RAD": "radicals",
	// Religions used as roles by the Phoenix agents.
	"REL": "religious",
	"MUS": "Muslim",
	"CHR": "Christian",
	"CTH": "Catholic",
	"PRO": "Protestant",
	"JEW": "Jewish",
	"HIN": "Hindu",
	"BUD": "Buddhist",
}

// regionCodes are the CAMEO region codes.
var regionCodes = map[string]string{
	"AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CRB": "Caribbean",
	"CAU": "Caucasus", "CFR": "Central Africa", "CAS": "Central Asia",
	"CEU": "Central Europe", "EIN": "East Indies", "EAF": "Eastern Africa",
	"EEU": "Eastern Europe", "EUR": "Europe", "LAM": "Latin America",
	"MEA": "Middle East", "MDT": "Mediterranean", "NAF": "North Africa",
	"NMR": "North America", "PGS": "Persian Gulf", "SCN": "Scandinavia",
	"SAM": "South America", "SAS": "South Asia", "SEA": "Southeast Asia",
	"SAF": "Southern Africa", "WAF": "West Africa", "WST": "the West",
}

// internationalCodes are the generic international actor codes.
var internationalCodes = map[string]string{
	"IGO": "intergovernmental organisation",
	"IMG": "international militarised group",
	"INT": "international actor",
	"MNC": "multinational corporation",
	"NGM": "non-governmental movement",
	"NGO": "non-governmental organisation",
	"UIS": "unidentified state actor",
}
