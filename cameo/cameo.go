// Package cameo is the CAMEO event codebook as data: for each event code its
// label, level, parent, GDELT QuadClass and Goldstein-scale weight, and the
// PLOVER event category (with mode and context) it maps to. It also splits
// CAMEO actor codes ("RUSGOV", "USAMILREB") into a country or organisation
// part and role parts.
//
// The codebook is embedded (codebook.tsv, generated from the GDELT lookup
// tables and the Open Event Data Alliance's CAMEO→PLOVER crosswalk by
// cameo/internal/gencodebook; see README.md there for provenance and
// licences). Default parses it on each call, so the package holds no state.
package cameo

import (
	"bufio"
	_ "embed" // for the codebook
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

//go:generate go run ./internal/gencodebook -ontology ../../shared/data/ontology -o codebook.tsv

//go:embed codebook.tsv
var codebookTSV string

// QuadClass values follow GDELT: the four-way split of CAMEO roots.
const (
	VerbalCooperation   = 1 // roots 01–05
	MaterialCooperation = 2 // roots 06–09
	VerbalConflict      = 3 // roots 10–14
	MaterialConflict    = 4 // roots 15–20
)

// Code is one CAMEO event code.
type Code struct {
	// Code is the CAMEO code as written in the dictionaries: "05", "051", "0511".
	Code string
	// Label is the GDELT name of the code ("Praise or endorse"; roots in capitals).
	Label string
	// Level is 1 for a two-digit root, 2 for a three-digit code, 3 for four digits.
	Level int
	// Parent is the code one level up; "" for a root.
	Parent string
	// QuadClass is GDELT's quad class, 1–4 (see VerbalCooperation etc.).
	QuadClass int
	// Goldstein is the Goldstein-scale weight, -10 (conflict) to +10 (cooperation).
	Goldstein float64
	// GoldsteinFrom is "" when GDELT gives Goldstein for this code; otherwise
	// the ancestor code whose value was used (five codes added in CAMEO 1.1b3
	// have no GDELT value).
	GoldsteinFrom string
	// PLOVER is the PLOVER event category ("CONSULT", "ASSAULT"); "" when
	// there is none (CAMEO roots 01 and 02).
	PLOVER string
	// PLOVERMode is the PLOVER mode given by the crosswalk ("visit", "arrest"), or "".
	PLOVERMode string
	// PLOVERContext is the PLOVER context ("diplomatic"; several joined by
	// ';', as "military;legal"), or "".
	PLOVERContext string
	// PLOVERFrom is "" when the crosswalk lists this code; otherwise the
	// ancestor code whose category was used ("-" when there is no category).
	PLOVERFrom string
}

// Codebook is a set of CAMEO event codes. A Codebook is immutable once built
// and safe for concurrent use.
type Codebook struct {
	codes []Code         // in file order
	index map[string]int // code → position in codes
}

// Default returns the embedded codebook. It parses the embedded table on each
// call (about 300 rows); callers that look codes up often keep the result.
func Default() *Codebook {
	b, err := Parse(strings.NewReader(codebookTSV))
	if err != nil {
		// The embedded table is generated and checked by the tests; an error
		// here is a build defect, not bad input.
		panic("cameo: embedded codebook: " + err.Error())
	}
	return b
}

// ParseError reports a malformed line of a codebook table.
type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("codebook:%d: %v", e.Line, e.Err) }

func (e *ParseError) Unwrap() error { return e.Err }

// Parse reads a codebook in the format of the embedded codebook.tsv: '#'
// comment lines, a header line, then tab-separated rows of the columns code,
// label, level, parent, quad_class, goldstein, goldstein_from, plover,
// plover_mode, plover_context, plover_from. It returns the first malformed
// line as a *ParseError.
func Parse(r io.Reader) (*Codebook, error) {
	b := &Codebook{index: map[string]int{}}
	sc := bufio.NewScanner(r)
	line, header := 0, false
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		if !header {
			header = true
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 11 {
			return nil, &ParseError{line, fmt.Errorf("%d fields, want 11", len(f))}
		}
		c := Code{Code: f[0], Label: f[1], Parent: f[3], GoldsteinFrom: f[6],
			PLOVER: f[7], PLOVERMode: f[8], PLOVERContext: f[9], PLOVERFrom: f[10]}
		var err error
		if c.Level, err = strconv.Atoi(f[2]); err != nil {
			return nil, &ParseError{line, fmt.Errorf("level: %w", err)}
		}
		if c.QuadClass, err = strconv.Atoi(f[4]); err != nil {
			return nil, &ParseError{line, fmt.Errorf("quad_class: %w", err)}
		}
		if c.Goldstein, err = strconv.ParseFloat(f[5], 64); err != nil {
			return nil, &ParseError{line, fmt.Errorf("goldstein: %w", err)}
		}
		if _, dup := b.index[c.Code]; dup {
			return nil, &ParseError{line, fmt.Errorf("duplicate code %q", c.Code)}
		}
		b.index[c.Code] = len(b.codes)
		b.codes = append(b.codes, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	return b, nil
}

// Lookup returns the code, matched exactly as the dictionaries write it
// ("051", not "51" or "0510"). A nil Codebook has no codes.
func (b *Codebook) Lookup(code string) (Code, bool) {
	if b == nil {
		return Code{}, false
	}
	i, ok := b.index[code]
	if !ok {
		return Code{}, false
	}
	return b.codes[i], true
}

// Nearest returns the code, or its closest listed ancestor when the code
// itself is not listed ("0874" → "087" → "08"). Dictionaries sometimes use
// codes more specific than the codebook; the ancestor carries the right quad
// class, Goldstein value and PLOVER category for them.
func (b *Codebook) Nearest(code string) (Code, bool) {
	for n := len(code); n >= 2; n-- {
		if c, ok := b.Lookup(code[:n]); ok {
			return c, true
		}
	}
	return Code{}, false
}

// Codes returns every code, sorted by code.
func (b *Codebook) Codes() []Code {
	out := append([]Code(nil), b.codes...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Len returns the number of codes.
func (b *Codebook) Len() int { return len(b.codes) }
