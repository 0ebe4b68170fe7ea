package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/source"
	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// annotator is the part of nlp.Annotator the commands use.
type annotator interface {
	Annotate(ctx context.Context, d *text.Doc) error
}

// maxCodeInput bounds the page read by "eventwire code".
const maxCodeInput = 50 << 20

// dictKinds are the prefixes --dict accepts to say what a file holds.
var dictKinds = []string{"verbs", "actors", "agents", "discards", "issues"}

// runCode runs the whole pipeline on one article — extract, parse, code —
// and prints one JSON object: the article, its events, quotes and places.
func runCode(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("code", "FILE|URL|- [--date YYYY-MM-DD] [--dict [KIND=]FILE]... [--models DIR]",
		"eventwire code testdata/samples/rferl-2016-12-23-aleppo.txt --date 2016-12-23")
	dateFlag := fs.String("date", "", "article `date` (YYYY-MM-DD) for dated actor roles; default: the article's own date, else today")
	var userDicts multiFlag
	fs.Var(&userDicts, "dict", "extra dictionary `[KIND=]FILE` layered over the shipped ones; KIND is verbs, actors, agents, discards or issues (default: guessed from the file name, else actors); repeatable")
	anyLang := fs.Bool("any-language", false, "parse and code the article whatever its detected language (by default only English, or undetected, articles are coded)")
	modelDir := modelsFlag(fs)
	explain := fs.Bool("explain", false, "say what each stage of the coder decided: every event gets an \"explain\" object (frame, assertion, coding), and \"decisions\" lists the predicates that gave no event and why")
	rest, err := parseFlagsInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fs.Usage()
		return errUsage
	}
	var date time.Time
	if *dateFlag != "" {
		if date, err = time.Parse("2006-01-02", *dateFlag); err != nil {
			fmt.Fprintf(m.Stderr, "code: --date %q: want YYYY-MM-DD\n", *dateFlag)
			return errUsage
		}
	}
	// Dictionaries (user files reported at file:line) and the parser first:
	// without them nothing can be coded.
	go loadGazetteer() // for the places, while the dictionaries and models load
	pl, err := newPipeline(m.Stderr, false, userDicts, *modelDir)
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	parser, c := pl.parser, pl.coder
	page, err := readPage(ctx, m.Stdin, rest[0])
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	out, err := codePage(ctx, m.Stderr, page, date, parser, c, codeOptions{anyLanguage: *anyLang, explain: *explain})
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// codeOutput is what "eventwire code" prints.
type codeOutput struct {
	Article *eventwire.Article `json:"article"`
	Events  []eventwire.Event  `json:"events"`
	Quotes  []eventwire.Quote  `json:"quotes"`
	Places  []eventwire.Place  `json:"places"`
	// Decisions, with --explain, are the coder's decisions about the
	// predicates that gave no event.
	Decisions []coder.Decision `json:"decisions,omitempty"`
}

// codeOptions are the choices of "eventwire code" that codePage applies.
type codeOptions struct {
	anyLanguage bool // parse and code whatever the detected language
	explain     bool // explain every event and list the coder's decisions
}

// codePage extracts, parses and codes one page. date, when zero, comes from
// the article, else today (with a note on stderr).
// An article detected in a language other than English is not parsed or
// coded (a note on stderr says why) unless opts.anyLanguage is set, the
// rule ingest applies (ingest.SkipLanguage).
func codePage(ctx context.Context, stderr io.Writer, page *eventwire.Page, date time.Time, parser annotator, c *coder.Coder, opts codeOptions) (*codeOutput, error) {
	art, err := extract.New(extract.Options{}).Extract(ctx, page)
	if err != nil {
		return nil, err
	}
	if !opts.anyLanguage && ingest.SkipLanguage(art.Language, nil) {
		fmt.Fprintf(stderr, "note: language %s: the English parser and dictionaries do not apply; use --any-language to force\n", art.Language)
		return &codeOutput{Article: art, Events: []eventwire.Event{}, Quotes: []eventwire.Quote{}, Places: []eventwire.Place{}}, nil
	}
	if date.IsZero() {
		date = stages.ArticleDate(art.Published)
	}
	if date.IsZero() {
		date = stages.DatelineDate(art, time.Now().UTC())
	}
	if date.IsZero() {
		date = time.Now().UTC().Truncate(24 * time.Hour)
		fmt.Fprintf(stderr, "note: the article has no date; dated actor roles are taken at today's date, %s (set --date)\n", date.Format("2006-01-02"))
	}
	doc := text.NewDoc(art.Text)
	if err := parser.Annotate(ctx, doc); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	places, err := stages.ResolvePlaces(ctx, loadGazetteer, art, doc)
	if err != nil {
		return nil, err
	}
	quotes, err := stages.AttributeQuotes(ctx, c, doc, art.Paragraphs, date)
	if err != nil {
		return nil, err
	}
	var events []eventwire.Event
	var decisions []coder.Decision
	if opts.explain {
		events, decisions, err = c.ExplainGiven(ctx, doc, date, coder.Given{Places: stages.CodePlaces(loadGazetteer, places), Quotes: quotes})
		stages.DateEvents(doc, events, date)
		c.RedateRoles(events, date)
	} else {
		events, err = stages.CodeDated(ctx, c, loadGazetteer, doc, date, places, quotes)
	}
	if err != nil {
		return nil, err
	}
	if events == nil {
		events = []eventwire.Event{}
	}
	geo.Locate(doc, places, events)
	quote.Link(quotes, events)
	return &codeOutput{Article: art, Events: events, Quotes: quotes, Places: places, Decisions: decisions}, nil
}

// userDictErrors keeps the dictionary problems that are in user files.
func userDictErrors(err error, user fileFS) error {
	var list dict.ErrorList
	if !errors.As(err, &list) {
		return err
	}
	var mine dict.ErrorList
	for _, e := range list {
		if _, ok := user[e.File]; ok {
			mine = append(mine, e)
		}
	}
	return mine.Err()
}

// codeDicts returns the shipped dictionaries with the user's files layered
// on top (later files win ties, per dict.Files).
func codeDicts(user []string) (dict.Files, overlayFS, error) {
	files := dict.Files(data.DefaultFiles())
	extra := fileFS{}
	for _, arg := range user {
		kind, path := guessDictKind(arg)
		if _, err := os.Stat(path); err != nil {
			return files, overlayFS{}, fmt.Errorf("--dict: %w", err)
		}
		key := extra.add(path)
		switch kind {
		case "verbs":
			files.Verbs = append(files.Verbs, key)
		case "actors":
			files.Actors = append(files.Actors, key)
		case "agents":
			files.Agents = append(files.Agents, key)
		case "discards":
			files.Discards = append(files.Discards, key)
		case "issues":
			files.Issues = append(files.Issues, key)
		}
	}
	return files, overlayFS{extra, data.FS()}, nil
}

// guessDictKind splits "KIND=FILE", or guesses the kind from the file name.
func guessDictKind(arg string) (kind, path string) {
	if k, p, ok := strings.Cut(arg, "="); ok {
		for _, known := range dictKinds {
			if k == known {
				return k, p
			}
		}
	}
	base := strings.ToLower(filepath.Base(arg))
	for _, k := range []string{"verb", "agent", "discard", "issue"} {
		if strings.Contains(base, k) {
			return k + "s", arg
		}
	}
	return "actors", arg
}

// overlayFS serves names from top first, then from base.
type overlayFS struct {
	top  fileFS
	base fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if _, ok := o.top[name]; ok {
		return o.top.Open(name)
	}
	return o.base.Open(name)
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (f *multiFlag) String() string     { return strings.Join(*f, ",") }
func (f *multiFlag) Set(s string) error { *f = append(*f, s); return nil }

// readPage reads the page named by arg: "-" for standard input, an http(s)
// URL, or a file.
func readPage(ctx context.Context, stdin io.Reader, arg string) (*eventwire.Page, error) {
	now := time.Now().UTC()
	if arg == "-" {
		b, err := readAllBounded(stdin)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		// UTF-16 text (with or without a byte-order mark) becomes UTF-8;
		// binary input is refused here with a clear error.
		b, ct, _, err := source.TextBody(b, "")
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		return &eventwire.Page{URL: "stdin:", Body: b, ContentType: ct, FetchedAt: now, Origin: "file"}, nil
	}
	if u, err := url.Parse(arg); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return fetchPage(ctx, arg)
	}
	// Files are read like ingest reads them: size-bounded, .gz
	// decompressed with a ratio bound, UTF-16 converted.
	return source.ReadFile(arg, source.Options{Limits: source.Limits{MaxBytes: maxCodeInput}})
}

func readAllBounded(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxCodeInput+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxCodeInput {
		return nil, fmt.Errorf("more than %d bytes: %w", maxCodeInput, eventwire.ErrTooLarge)
	}
	return b, nil
}

// fetchPage gets one URL with the polite fetcher (robots.txt, time and size
// bounds, the eventwire User-Agent).
func fetchPage(ctx context.Context, rawURL string) (*eventwire.Page, error) {
	return source.NewFetcher(nil, source.FetcherOptions{}).Fetch(ctx, rawURL)
}
