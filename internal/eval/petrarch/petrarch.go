// Package petrarch reads PETRARCH validation (unit-test) files and scores an
// event coder against them.
//
// A validation file is XML: an <Environment> that names the dictionary files,
// then <Sentence id date> records, each with its expected <EventCoding
// eventcode sourcecode targetcode/> elements (or noevents="true", or an
// expected error="..."), a <Text> and a <Parse>. <Config option value/>
// elements between records change coder options for the records that follow.
// The Parse is either Universal Dependencies CoNLL-U lines (the
// UniversalPetrarch file) or a Penn Treebank bracketing (the PETRARCH-2 file);
// Doc turns a UD parse into a text.Doc whose byte offsets point into the
// record's whitespace-normalised Text.
//
// Scoring (Score) compares, per record, the SET of (event, source, target)
// code triples: duplicates count once, events with a missing actor count
// with that actor as "" (PETRARCH writes "---"), and a record is exact when
// the two sets are equal.
package petrarch

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"
)

// MaxFileBytes bounds a validation file.
const MaxFileBytes = 64 << 20

// Environment is the <Environment> block: the dictionary files the records
// were written for, and the options set inside it.
type Environment struct {
	Verbs, Actors, Agents, Discards, Issues []string
	// Include lists the record categories the file asks to run ("valid DEMO
	// ACTOR ..."); kept for reference, records are not filtered by it.
	Include []string
	// Options holds the <Config option value/> elements of the Environment.
	Options map[string]string
}

// ParseKind says what a record's <Parse> holds.
type ParseKind int

// The kinds of parse.
const (
	NoParse  ParseKind = iota
	UDParse            // CoNLL-U lines
	PTBParse           // Penn Treebank brackets
)

func (k ParseKind) String() string {
	switch k {
	case UDParse:
		return "ud"
	case PTBParse:
		return "ptb"
	}
	return "none"
}

// Triple is one coded event as the validation files state it.
type Triple struct {
	Event, Source, Target string
}

func (t Triple) String() string {
	return fmt.Sprintf("%s(%s, %s)", t.Event, orNull(t.Source), orNull(t.Target))
}

func orNull(s string) string {
	if s == "" {
		return "---"
	}
	return s
}

// Record is one <Sentence> record.
type Record struct {
	ID       string
	Category string // the category= (or source=) attribute
	Date     time.Time
	// Line is the line of the <Sentence> tag in the file.
	Line int
	// Text is the <Text> element with runs of white space replaced by one
	// space and the ends trimmed.
	Text      string
	Parse     string
	ParseKind ParseKind
	// Want is the expected set of triples (normalised by Set); empty when the
	// record expects no events or an error.
	Want []Triple
	// WantError is the error the record expects ("dateline",
	// "bad_input_parse", "storydiscard"), or "". Such a record expects no
	// events.
	WantError string
	// Options are the options in force for the record: the Environment's,
	// then every <Config> seen before the record, later ones winning.
	Options map[string]string
}

// File is a whole validation file.
type File struct {
	Name    string
	Env     Environment
	Records []*Record
}

// Error is a problem at a line of a validation file.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in a file, in order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i == 10 {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Read reads a validation file. name is used in error messages. Records
// with problems (a bad date, an EventCoding without an event code) are
// reported together in an ErrorList and left out; the records that are fine
// are returned with it. Malformed XML stops the reading. Reading stops at a
// <Stop> element, as PETRARCH does.
func Read(r io.Reader, name string) (*File, error) {
	lr := &io.LimitedReader{R: r, N: MaxFileBytes + 1}
	dec := xml.NewDecoder(lr)
	dec.Strict = true
	f := &File{Name: name}
	var errs ErrorList
	opts := map[string]string{}
	seenEnv := false
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return f, append(errs, xmlError(name, line, err, lr))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "Environment":
			var env xmlEnv
			if err := dec.DecodeElement(&env, &se); err != nil {
				return f, append(errs, xmlError(name, line, err, lr))
			}
			if seenEnv {
				errs = append(errs, &Error{name, line, errors.New("second <Environment>")})
			}
			seenEnv = true
			f.Env = env.environment()
			maps.Copy(opts, f.Env.Options)
		case "Config":
			o, v := attr(se, "option"), attr(se, "value")
			if o == "" {
				errs = append(errs, &Error{name, line, errors.New("<Config> without option=")})
				continue
			}
			opts = maps.Clone(opts) // records keep the map they saw
			opts[o] = v
		case "Stop":
			return f, errsOrNil(errs)
		case "Sentence":
			var s xmlSentence
			if err := dec.DecodeElement(&s, &se); err != nil {
				return f, append(errs, xmlError(name, line, err, lr))
			}
			rec, err := s.record(line, opts)
			if err != nil {
				errs = append(errs, &Error{name, line, fmt.Errorf("sentence %q: %w", s.ID, err)})
				continue
			}
			f.Records = append(f.Records, rec)
		}
	}
	if !seenEnv {
		errs = append(errs, &Error{name, 1, errors.New("no <Environment>: the file does not name its dictionaries")})
	}
	return f, errsOrNil(errs)
}

// xmlError places a decoding error at its own line when it has one.
func xmlError(name string, line int, err error, lr *io.LimitedReader) *Error {
	if lr.N <= 0 {
		return &Error{name, line, fmt.Errorf("file larger than %d bytes", MaxFileBytes)}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{name, se.Line, errors.New(se.Msg)}
	}
	return &Error{name, line, err}
}

func errsOrNil(l ErrorList) error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

type xmlEnv struct {
	Verbs    []string `xml:"Verbfile"`
	Actors   []string `xml:"Actorfile"`
	Agents   []string `xml:"Agentfile"`
	Discards []string `xml:"Discardfile"`
	Issues   []string `xml:"Issuefile"`
	Include  string   `xml:"Include"`
	Config   []struct {
		Option string `xml:"option,attr"`
		Value  string `xml:"value,attr"`
	} `xml:"Config"`
}

func (x xmlEnv) environment() Environment {
	clean := func(l []string) []string {
		var out []string
		for _, s := range l {
			for _, p := range strings.Split(s, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	e := Environment{
		Verbs: clean(x.Verbs), Actors: clean(x.Actors), Agents: clean(x.Agents),
		Discards: clean(x.Discards), Issues: clean(x.Issues),
		Include: strings.Fields(x.Include), Options: map[string]string{},
	}
	for _, c := range x.Config {
		e.Options[c.Option] = c.Value
	}
	return e
}

type xmlSentence struct {
	ID       string `xml:"id,attr"`
	Date     string `xml:"date,attr"`
	Category string `xml:"category,attr"`
	Source   string `xml:"source,attr"`
	Codings  []struct {
		Event    *string `xml:"eventcode,attr"`
		Source   string  `xml:"sourcecode,attr"`
		Target   string  `xml:"targetcode,attr"`
		NoEvents string  `xml:"noevents,attr"`
		Error    string  `xml:"error,attr"`
	} `xml:"EventCoding"`
	Text  string `xml:"Text"`
	Parse struct {
		Body string `xml:",chardata"`
	} `xml:"Parse"`
}

func (s *xmlSentence) record(line int, opts map[string]string) (*Record, error) {
	if s.ID == "" {
		return nil, errors.New("no id=")
	}
	date, err := time.Parse("20060102", s.Date)
	if err != nil {
		return nil, fmt.Errorf("date=%q: want YYYYMMDD", s.Date)
	}
	rec := &Record{ID: s.ID, Category: s.Category, Date: date, Line: line,
		Text: strings.Join(strings.Fields(s.Text), " "), Options: opts}
	if rec.Category == "" {
		rec.Category = s.Source
	}
	rec.Parse, rec.ParseKind = parseBody(s.Parse.Body)
	var want []Triple
	for _, c := range s.Codings {
		switch {
		case c.Error != "":
			rec.WantError = c.Error
		case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
		case c.Event != nil:
			if strings.TrimSpace(*c.Event) == "" {
				return nil, errors.New("<EventCoding> with an empty eventcode")
			}
			want = append(want, Triple{strings.TrimSpace(*c.Event), c.Source, c.Target})
		default:
			return nil, errors.New("<EventCoding> without eventcode, noevents or error")
		}
	}
	if rec.WantError != "" && len(want) > 0 {
		return nil, fmt.Errorf("expects error %q and events", rec.WantError)
	}
	rec.Want = Set(want)
	return rec, nil
}

// parseBody trims a <Parse> body and says what it holds.
func parseBody(s string) (string, ParseKind) {
	s = strings.Trim(s, " \t\r\n")
	switch {
	case s == "":
		return "", NoParse
	case s[0] == '(':
		return s, PTBParse
	case s[0] >= '0' && s[0] <= '9':
		return s, UDParse
	}
	return s, NoParse
}
