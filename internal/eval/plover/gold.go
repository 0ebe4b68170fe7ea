package plover

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/eval/fileerr"
)

// Record is one gold record: a sentence and the event it was coded with.
type Record struct {
	ID   string
	Text string
	// Date is the record's date (dated actor roles); zero when the record
	// has none.
	Date time.Time
	// Category is the category as the file writes it (PLOVER 0.5b1 names);
	// Gold is the same in 2021 names (see Category).
	Category string
	Gold     string
	// EventText holds the words that carry the event, as the file gives
	// them ("agreed cooperate"); for reading only.
	EventText string
	Sources   []Actor
	Targets   []Actor
	// Line is the line of the file where the record starts.
	Line int
}

// Actor is a gold actor: the words that name it and its code (a country
// code, or a generic international code such as "IGO").
type Actor struct {
	Text   string `json:"text"`
	Code   string `json:"code"`
	Sector string `json:"sector,omitempty"`
}

// renamed maps PLOVER 0.5b1 category names that the 2021 manual renamed
// to their 2021 names.
var renamed = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"FIGHT":       "ASSAULT",
	"INVESTIGATE": "ACCUSE",
}

// Categories are the 16 PLOVER 2021 event categories, the names that the
// CAMEO→PLOVER crosswalk (and so eventwire.Event.PLOVER) uses.
var Categories = []string{
	"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
	"MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
}

// Category returns the 2021 name of a PLOVER category written in 0.5b1 or
// 2021 names (upper case), or "" when name is neither.
func Category(name string) string {
	if n, ok := renamed[name]; ok {
		return n
	}
	for _, c := range Categories {
		if c == name {
			return c
		}
	}
	return ""
}

// GoldAliases maps the gold codes that are not country codes to the
// country they stand for in the record's text (Japan, Vietnamese-led
// forces, Italy). The coder's dictionaries write ISO 3166 codes.
var GoldAliases = map[string]string{"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}

// MaxFileBytes bounds a gold file.
const MaxFileBytes = 64 << 20

// DocumentEvent is the category of the record that documents the file
// rather than coding a sentence; Read skips it.
const DocumentEvent = "DOCUMENT"

// ReadFile reads a gold file. A file that does not exist gives an error
// wrapping fs.ErrNotExist.
func ReadFile(path string) ([]Record, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return Read(fh, path)
}

// Read reads a gold file: a JSON array of record objects; name is used in
// error messages.
//
// Each record needs a string id, text and event (a PLOVER category; the
// record whose event is DOCUMENT is skipped). Source and target are arrays
// of actors (actorText, code, sector) or absent; a string there (the file
// writes "" for no target, and once a context) counts as no actors. Date is
// YYYY-MM-DD or absent. A record that breaks these rules, or repeats an
// earlier id, is reported with file:line in an ErrorList and skipped; the
// records that could be read are returned in any case. A file that is not
// a JSON array stops reading at the first syntax error, reported with its
// line.
func Read(r io.Reader, name string) ([]Record, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxFileBytes {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file larger than %d bytes", MaxFileBytes)}
	}
	var errs ErrorList
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		errs.Add(name, lineAt(data, errOffset(err, dec)), "%v", jsonMsg(err))
		return nil, errs
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		errs.Add(name, lineAt(data, dec.InputOffset()), "want a JSON array of records")
		return nil, errs
	}
	var out []Record
	seen := map[string]int{}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			errs.Add(name, lineAt(data, errOffset(err, dec)), "%v", jsonMsg(err))
			return out, errs
		}
		line := lineAt(data, dec.InputOffset()-int64(len(raw)))
		rec, skip, err := decodeRecord(raw)
		if err != nil {
			errs.Add(name, line, "%v", err)
			continue
		}
		if skip {
			continue
		}
		if first, dup := seen[rec.ID]; dup {
			errs.Add(name, line, "id %q already at line %d", rec.ID, first)
			continue
		}
		seen[rec.ID] = line
		rec.Line = line
		out = append(out, rec)
	}
	if _, err := dec.Token(); err != nil {
		errs.Add(name, lineAt(data, errOffset(err, dec)), "%v", jsonMsg(err))
	} else if _, err := dec.Token(); err != io.EOF {
		errs.Add(name, lineAt(data, dec.InputOffset()), "data after the array")
	}
	return out, errs.Err()
}

// rawRecord is a record as the file writes it.
type rawRecord struct {
	ID        string          `json:"id"`
	Event     string          `json:"event"`
	EventText string          `json:"eventText"`
	Text      string          `json:"text"`
	Date      string          `json:"date"`
	Source    json.RawMessage `json:"source"`
	Target    json.RawMessage `json:"target"`
}

// rawActor is an actor as the file writes it.
type rawActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// decodeRecord decodes one array element; skip is true for the DOCUMENT
// record.
func decodeRecord(raw json.RawMessage) (rec Record, skip bool, err error) {
	var rr rawRecord
	if err := json.Unmarshal(raw, &rr); err != nil {
		return rec, false, errors.New(jsonMsg(err))
	}
	if rr.Event == DocumentEvent {
		return rec, true, nil
	}
	rec = Record{ID: strings.TrimSpace(rr.ID), Text: rr.Text, Category: rr.Event, EventText: rr.EventText}
	if rec.ID == "" {
		return rec, false, errors.New("record without an id")
	}
	if strings.TrimSpace(rr.Text) == "" {
		return rec, false, fmt.Errorf("record %s: no text", rec.ID)
	}
	if rec.Gold = Category(rr.Event); rec.Gold == "" {
		return rec, false, fmt.Errorf("record %s: event %q is not a PLOVER category", rec.ID, rr.Event)
	}
	if rr.Date != "" {
		if rec.Date, err = time.Parse("2006-01-02", rr.Date); err != nil {
			return rec, false, fmt.Errorf("record %s: date %q: want YYYY-MM-DD", rec.ID, rr.Date)
		}
	}
	if rec.Sources, err = decodeActors(rr.Source); err != nil {
		return rec, false, fmt.Errorf("record %s: source: %v", rec.ID, err)
	}
	if rec.Targets, err = decodeActors(rr.Target); err != nil {
		return rec, false, fmt.Errorf("record %s: target: %v", rec.ID, err)
	}
	return rec, false, nil
}

// decodeActors decodes a source or target field: absent, null or a string
// is no actor; otherwise an array of actors, each with a code.
func decodeActors(raw json.RawMessage) ([]Actor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] == '"' || string(raw) == "null" {
		return nil, nil
	}
	var as []rawActor
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, errors.New(jsonMsg(err))
	}
	out := make([]Actor, 0, len(as))
	for i, a := range as {
		code := strings.ToUpper(strings.TrimSpace(a.Code))
		if code == "" {
			return nil, fmt.Errorf("actor %d (%q) has no code", i+1, a.Text)
		}
		out = append(out, Actor{Text: strings.TrimSpace(a.Text), Code: code, Sector: a.Sector})
	}
	return out, nil
}

// errOffset is the input offset of a decoding error: the syntax error's
// own offset when it has one, else where the decoder stopped.
func errOffset(err error, dec *json.Decoder) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Offset
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Offset
	}
	return dec.InputOffset()
}

// jsonMsg words a decoding error without the "json: " prefix; an early end
// of input says so.
func jsonMsg(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of the file"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	start := off
	// Point at the value, not at the spaces and comma before it.
	for start < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[start]) >= 0 {
		start++
	}
	return bytes.Count(data[:start], []byte{'\n'}) + 1
}

// Error is a problem at one line of a file; ErrorList is all of a file's
// problems, reported at once. Both wrap eventwire.ErrInvalid
// (internal/eval/fileerr).
type (
	Error     = fileerr.Error
	ErrorList = fileerr.List
)
