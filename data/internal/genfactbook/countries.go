package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// A country is the actor code a Factbook country gets.
type country struct {
	gec   string // the Factbook's code (FIPS 10-4 in most cases)
	name  string // GeoNames' name, else the Factbook's
	iso3  string // ISO 3166-1 alpha-3, from GeoNames' countryInfo.txt or gecISO3
	code  string // the code written: Phoenix's code for the country's name when it has one, else iso3
	how   string // where code comes from, for the report
	skip  string // why the country has no code (it is left out)
	names []string
}

// gecISO3 gives the ISO 3166-1 alpha-3 code of the Factbook codes that
// GeoNames' FIPS column lacks: codes the Factbook has since retired, and
// the British Sovereign Base Areas on Cyprus, which have no ISO code and
// are coded as the United Kingdom (their administrator is a British
// officer).
var gecISO3 = map[string]string{
	"CC": "CUW", // Curacao, the Factbook's code until 2016 (now UC)
	"SK": "SXM", // Sint Maarten, the Factbook's code until 2016 (now NN)
	"AX": "GBR", // Akrotiri Sovereign Base Area
	"DX": "GBR", // Dhekelia Sovereign Base Area
}

// gecSkip lists the Factbook files that are no country.
var gecSkip = map[string]string{
	"XX": "the World entry (a list of monarchies, no office holder)",
}

// gecCode fixes the code of countries whose Phoenix code is not the ISO
// code and which the look-up of their name does not find.
var gecCode = map[string]string{
	"KV": "KSV", // Kosovo: Phoenix uses the World Bank's KSV ("using World Bank code-No ISO"); ISO's user-assigned XKX
	"TT": "TMP", // Timor-Leste: Phoenix's TMP (the old ISO code), ISO TLS
}

// readCountryInfo reads GeoNames' countryInfo.txt: FIPS code → ISO3 and
// name.
func readCountryInfo(data string) (map[string][2]string, error) {
	out := map[string][2]string{}
	for i, l := range strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 5 {
			return nil, fmt.Errorf("countryInfo.txt:%d: %d fields, want at least 5", i+1, len(f))
		}
		if f[3] != "" {
			out[f[3]] = [2]string{f[1], f[4]}
		}
	}
	if len(out) < 200 {
		return nil, fmt.Errorf("countryInfo.txt: %d countries with a FIPS code, want about 250", len(out))
	}
	return out, nil
}

// countries maps each Factbook country of rows to its code. The ISO3 code
// comes from GeoNames (by the FIPS code that names the Factbook file) or
// gecISO3. The code written is what the Phoenix dictionaries give the
// country's name, when that is the ISO3 code, a code that starts with a
// sovereign's ISO3 and ends with the territory's ("USAPRI" for Puerto
// Rico, "FRAPYF" for French Polynesia: Phoenix codes dependencies under
// their sovereign), or another three-letter code for the same country
// (gecCode); otherwise the ISO3 code (Phoenix's codes of historic states,
// USRTKM for Turkmenistan, are not taken). A country without a code is an
// error if it has entries after 2015.
func countries(rows []row, info map[string][2]string, phoenix *upstream) (map[string]*country, []error) {
	out := map[string]*country{}
	last := map[string]time.Time{}
	for _, r := range rows {
		c := out[r.gec]
		if c == nil {
			c = &country{gec: r.gec}
			out[r.gec] = c
		}
		if r.short != "" && r.short != "none" && !slices.Contains(c.names, r.short) {
			c.names = append(c.names, r.short)
		}
		if r.seen.After(last[r.gec]) {
			last[r.gec] = r.seen
		}
	}
	states := map[string]bool{} // the ISO3 codes GeoNames knows
	for _, in := range info {
		states[in[0]] = true
	}
	var errs []error
	for _, gec := range sortedKeys(out) {
		c := out[gec]
		if why, ok := gecSkip[gec]; ok {
			c.skip = why
			continue
		}
		if in, ok := info[gec]; ok {
			c.iso3, c.name, c.how = in[0], in[1], "GeoNames FIPS "+gec
		}
		if iso, ok := gecISO3[gec]; ok {
			c.iso3, c.how = iso, "table"
		}
		if c.name == "" && len(c.names) > 0 {
			c.name = c.names[len(c.names)-1]
		}
		if c.iso3 == "" {
			c.skip = "no ISO code"
			if last[gec].Year() > 2015 {
				errs = append(errs, fmt.Errorf("country %s (%s): no ISO 3166 code, and it has entries after 2015: add it to gecISO3 or gecSkip", gec, strings.Join(c.names, ", ")))
			}
			continue
		}
		c.code = c.iso3
		if code, ok := gecCode[gec]; ok {
			c.code, c.how = code, c.how+", Phoenix code (table)"
			continue
		}
		for _, n := range append([]string{c.name}, c.names...) {
			code := phoenixCountry(phoenix, n)
			switch {
			case code == "" || code == c.iso3:
				continue
			case len(code) == 6 && strings.HasSuffix(code, c.iso3) && states[code[:3]]:
				c.code, c.how = code, c.how+", Phoenix code of "+n
			default:
				continue
			}
			break
		}
	}
	return out, errs
}

// phoenixCountry returns the code the Phoenix dictionaries give the
// country name n, written exactly (as one of a record's phrases), on 1
// January 2020.
func phoenixCountry(u *upstream, n string) string {
	if i := strings.IndexByte(n, '('); i > 0 {
		n = n[:i]
	}
	f := strings.Fields(n)
	if len(f) == 0 {
		return ""
	}
	a := u.lookup(strings.Join(f, "_"))
	if a == nil {
		return ""
	}
	return a.CodeAt(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
