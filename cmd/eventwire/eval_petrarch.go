package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/internal/eval/petrarch"
	"github.com/eventwire/eventwire/text"
)

// udVerbFile is the verb dictionary UniversalPetrarch's UD unit tests were
// written against; their <Environment> still names the PETRARCH-2 one.
const udVerbFile = "PETR.Validate.verbs.2.0.txt"

// runEvalPetrarch codes the records of a PETRARCH validation file and scores
// the events against the expected ones.
//
// Output: a block per record that is not exact (id, text, expected, got with
// the pattern that fired), then, as the last line,
//
//	records N exact X% event P p R r F1 f
//
// with exact records as a percentage of N (one decimal) and event-level
// precision, recall and F1 over all records (three decimals). With --json
// stdout has one JSON line per record and nothing else; the summary goes to
// stderr.
func runEvalPetrarch(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("eval petrarch", "FILE [--dict DIR] [--verbs FILE] [--parse given|own] [--news] [--json] [--only REGEXP]",
		"eventwire eval petrarch ../shared/data/petrarch/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml --dict ../shared/data/petrarch")
	dictDir := fs.String("dict", "", "`dir` holding the dictionaries the file's <Environment> names (default: the file's folder, or its parent for a file in universalpetrarch/)")
	verbs := fs.String("verbs", "", "verb dictionary `file` to use instead of the one the file names")
	parseMode := fs.String("parse", "given", "`mode`: given = use the records' UD parses; own = parse the <Text> with eventwire's parser")
	asJSON := fs.Bool("json", false, "print one JSON line per record (id, events) and nothing else on stdout")
	only := fs.String("only", "", "score only the records whose id matches this `regexp` (for debugging a case)")
	modelDir := modelsFlag(fs)
	news := fs.Bool("news", false, "code with eventwire's conventions for news (coder.DefaultOptions: \"will give\" is an intent, 03) instead of PETRARCH's, which the records encode (\"will give\" is the act, 07)")
	rest, err := parseFlagsInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fs.Usage()
		return errUsage
	}
	if *parseMode != "given" && *parseMode != "own" {
		fmt.Fprintf(m.Stderr, "eval petrarch: --parse must be given or own, not %q\n", *parseMode)
		return errUsage
	}
	path := rest[0]
	f, err := readValidation(m.Stderr, path)
	if err != nil {
		return err
	}
	if *only != "" {
		re, err := regexp.Compile(*only)
		if err != nil {
			fmt.Fprintf(m.Stderr, "eval petrarch: --only: %v\n", err)
			return errUsage
		}
		n := len(f.Records)
		f.Records = slices.DeleteFunc(f.Records, func(r *petrarch.Record) bool { return !re.MatchString(r.ID) })
		fmt.Fprintf(m.Stderr, "note: --only %s: %d of %d records\n", *only, len(f.Records), n)
		if len(f.Records) == 0 {
			return fmt.Errorf("eval petrarch: --only %s matches no record id", *only)
		}
	}

	ud := countKind(f, petrarch.UDParse) > len(f.Records)/2
	if *parseMode == "given" && !ud {
		return fmt.Errorf("eval petrarch: %s: the records have no UD parses (Penn Treebank or none); eventwire's coder reads dependency trees: use --parse own", path)
	}
	dir := *dictDir
	if dir == "" {
		dir = filepath.Dir(path)
		if filepath.Base(dir) == "universalpetrarch" {
			dir = filepath.Dir(dir)
		}
	}
	files, fsys, notes, err := validationDicts(f.Env, dir, ud, *verbs)
	if err != nil {
		return fmt.Errorf("eval petrarch: %w", err)
	}
	for _, n := range notes {
		fmt.Fprintln(m.Stderr, "note:", n)
	}
	d, err := dict.Load(fsys, files)
	if err != nil {
		warnDictErrors(m.Stderr, err)
	}
	book := cameo.Default()

	var parser annotator
	if *parseMode == "own" {
		if parser, err = newEnglish(m.Stderr, *modelDir); err != nil {
			return fmt.Errorf("eval petrarch: --parse own: %w", err)
		}
	}

	coders := map[coder.Options]*coder.Coder{}
	start := time.Now()
	var score petrarch.Score
	enc := json.NewEncoder(m.Stdout)
	unaligned, docErrors, codeErrors := 0, 0, 0
	for _, rec := range f.Records {
		if err := ctx.Err(); err != nil {
			return err
		}
		opts := recordOptions(rec, *news)
		c := coders[opts]
		if c == nil {
			// The codebook is not passed: the toy dictionaries use codes
			// outside CAMEO, which a codebook would drop.
			c = coder.New(d, nil, opts)
			coders[opts] = c
		}
		var events []eventwire.Event
		var problem string
		doc, un, err := recordDoc(ctx, rec, parser)
		unaligned += un
		if err != nil {
			docErrors++
			problem = "no document: " + err.Error()
		} else if events, err = c.Code(ctx, doc, rec.Date); err != nil {
			codeErrors++
			problem = "coder: " + err.Error()
		}
		got := triples(events)
		missed, extra, exact := score.Add(rec.Want, got)
		if *asJSON {
			if err := enc.Encode(jsonRecord(rec.ID, events)); err != nil {
				return err
			}
			continue
		}
		if !exact || problem != "" {
			printFailure(m.Stdout, f.Name, rec, events, missed, extra, problem, book)
		}
	}
	summary := m.Stdout
	if *asJSON {
		summary = m.Stderr
	}
	elapsed := time.Since(start)
	fmt.Fprintf(m.Stderr, "coded %d records in %v (%.0f records/s, %s parses; dictionaries loaded before)\n",
		score.Records, elapsed.Round(time.Millisecond), float64(score.Records)/elapsed.Seconds(), *parseMode)
	if unaligned > 0 {
		fmt.Fprintf(m.Stderr, "note: %d parse words could not be aligned to their record's text\n", unaligned)
	}
	if docErrors+codeErrors > 0 {
		fmt.Fprintf(m.Stderr, "note: %d records without a document, %d coder errors (scored as no events)\n", docErrors, codeErrors)
	}
	fmt.Fprintf(summary, "events expected %d produced %d matched %d\n", score.TP+score.FN, score.TP+score.FP, score.TP)
	fmt.Fprintf(summary, "records %d exact %.1f%% event P %.3f R %.3f F1 %.3f\n",
		score.Records, 100*score.ExactRate(), score.Precision(), score.Recall(), score.F1())
	return nil
}

// readValidation opens and reads a validation file, saying clearly when it
// is absent: the unit tests live in the data folder, not in the product.
func readValidation(stderr io.Writer, path string) (*petrarch.File, error) {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("eval petrarch: %s does not exist; the PETRARCH unit tests are not shipped with eventwire: they are in the project's data folder, e.g. ../shared/data/petrarch/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml", path)
	}
	if err != nil {
		return nil, fmt.Errorf("eval petrarch: %w", err)
	}
	defer fh.Close()
	f, err := petrarch.Read(fh, path)
	if err != nil {
		if len(f.Records) == 0 {
			return nil, fmt.Errorf("eval petrarch: %w", err)
		}
		fmt.Fprintf(stderr, "eval petrarch: records skipped:\n%v\n", err)
	}
	if len(f.Records) == 0 {
		return nil, fmt.Errorf("eval petrarch: %s: no <Sentence> records", path)
	}
	return f, nil
}

func countKind(f *petrarch.File, k petrarch.ParseKind) int {
	n := 0
	for _, r := range f.Records {
		if r.ParseKind == k {
			n++
		}
	}
	return n
}

// validationDicts finds the files the Environment names. For UD records a
// file of the same name in dir/universalpetrarch/ wins (UniversalPetrarch's
// variant of the toy actors), and the verb file is that folder's
// PETR.Validate.verbs.2.0.txt, which the UD expected codes follow. verbs,
// when set, overrides the verb file.
func validationDicts(env petrarch.Environment, dir string, ud bool, verbs string) (dict.Files, fs.FS, []string, error) {
	files := fileFS{}
	var notes []string
	find := func(name string) (string, error) {
		var tried []string
		if ud {
			p := filepath.Join(dir, "universalpetrarch", name)
			if _, err := os.Stat(p); err == nil {
				return files.add(p), nil
			}
			tried = append(tried, p)
		}
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return files.add(p), nil
		}
		tried = append(tried, p)
		return "", fmt.Errorf("dictionary %s not found (tried %s); set --dict to the folder that holds it", name, strings.Join(tried, ", "))
	}
	var out dict.Files
	var errs []error
	add := func(dst *[]string, names []string) {
		for _, n := range names {
			key, err := find(n)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			*dst = append(*dst, key)
		}
	}
	verbNames := env.Verbs
	switch {
	case verbs != "":
		if _, err := os.Stat(verbs); err != nil {
			return out, nil, nil, fmt.Errorf("--verbs: %w", err)
		}
		out.Verbs = []string{files.add(verbs)}
		verbNames = nil
	case ud:
		if _, err := os.Stat(filepath.Join(dir, "universalpetrarch", udVerbFile)); err == nil {
			notes = append(notes, fmt.Sprintf("UD records: verbs from universalpetrarch/%s (the expected codes follow it), not %s as <Environment> says; --verbs overrides",
				udVerbFile, strings.Join(env.Verbs, ", ")))
			verbNames = []string{udVerbFile}
		}
	}
	add(&out.Verbs, verbNames)
	add(&out.Actors, env.Actors)
	add(&out.Agents, env.Agents)
	add(&out.Discards, env.Discards)
	add(&out.Issues, env.Issues)
	return out, files, notes, errors.Join(errs...)
}

// fileFS serves chosen files of the OS file system under short names (their
// base names), so dictionary errors read "PETR.Validate.actors.txt:12".
type fileFS map[string]string

func (f fileFS) add(path string) string {
	key := filepath.Base(path)
	for i := 2; ; i++ {
		if p, ok := f[key]; !ok || p == path {
			break
		}
		key = strconv.Itoa(i) + "-" + filepath.Base(path)
	}
	f[key] = path
	return key
}

func (f fileFS) Open(name string) (fs.File, error) {
	p, ok := f[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return os.Open(p)
}

// recordOptions maps the record's <Config> options to coder options, over
// PETRARCH's conventions (coder.PetrarchOptions), which the validation
// records encode, or eventwire's news conventions with news. Only
// require_dyad has a coder counterpart; its default is PETRARCH-2's (true).
func recordOptions(rec *petrarch.Record, news bool) coder.Options {
	o := coder.PetrarchOptions()
	if news {
		o = coder.DefaultOptions()
	}
	if v, ok := rec.Options["require_dyad"]; ok {
		if b, err := strconv.ParseBool(strings.ToLower(strings.TrimSpace(v))); err == nil {
			o.RequireDyad = b
		}
	}
	return o
}

// recordDoc returns the Doc to code: from the record's UD parse, or from
// parsing its Text when parser is not nil.
func recordDoc(ctx context.Context, rec *petrarch.Record, parser annotator) (*text.Doc, int, error) {
	if parser == nil {
		return rec.Doc()
	}
	d := text.NewDoc(rec.Text)
	if err := parser.Annotate(ctx, d); err != nil {
		return nil, 0, err
	}
	return d, 0, nil
}

func triples(events []eventwire.Event) []petrarch.Triple {
	out := make([]petrarch.Triple, 0, len(events))
	for _, e := range events {
		out = append(out, petrarch.Triple{Event: e.CAMEO, Source: e.Source.Code, Target: e.Target.Code})
	}
	return out
}

type jsonEvent struct {
	CAMEO  string `json:"cameo"`
	Source string `json:"source"`
	Target string `json:"target"`
}

func jsonRecord(id string, events []eventwire.Event) any {
	evs := make([]jsonEvent, 0, len(events))
	for _, e := range events {
		evs = append(evs, jsonEvent{e.CAMEO, e.Source.Code, e.Target.Code})
	}
	return struct {
		ID     string      `json:"id"`
		Events []jsonEvent `json:"events"`
	}{id, evs}
}

// printFailure shows one record that was not coded exactly.
func printFailure(w io.Writer, file string, rec *petrarch.Record, events []eventwire.Event, missed, extra []petrarch.Triple, problem string, book *cameo.Codebook) {
	fmt.Fprintf(w, "FAIL %s (%s:%d) %s\n", rec.ID, file, rec.Line, rec.Text)
	want := "none"
	if rec.WantError != "" {
		want = "none (expects error " + rec.WantError + ")"
	} else if len(rec.Want) > 0 {
		want = tripleList(rec.Want, book)
	}
	fmt.Fprintf(w, "  want:   %s\n", want)
	if len(events) == 0 {
		fmt.Fprintf(w, "  got:    none\n")
	}
	for i, e := range events {
		label := "  got:   "
		if i > 0 {
			label = "         "
		}
		t := petrarch.Triple{Event: e.CAMEO, Source: e.Source.Code, Target: e.Target.Code}
		fmt.Fprintf(w, "%s %s  pattern %q\n", label, tripleList([]petrarch.Triple{t}, book), e.Pattern)
	}
	if len(missed) > 0 {
		fmt.Fprintf(w, "  missed: %s\n", tripleList(missed, book))
	}
	if len(extra) > 0 {
		fmt.Fprintf(w, "  extra:  %s\n", tripleList(extra, book))
	}
	if problem != "" {
		fmt.Fprintf(w, "  error:  %s\n", problem)
	}
}

// tripleList writes triples with the CAMEO label when the code is known.
func tripleList(ts []petrarch.Triple, book *cameo.Codebook) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
		if c, ok := book.Lookup(t.Event); ok {
			parts[i] += " [" + c.Label + "]"
		}
	}
	return strings.Join(parts, "; ")
}

// warnDictErrors reports dictionary problems without stopping: dict.Load
// keeps every entry it could read.
func warnDictErrors(w io.Writer, err error) {
	if err == nil {
		return
	}
	var list dict.ErrorList
	if !errors.As(err, &list) {
		fmt.Fprintf(w, "warning: dictionaries: %v\n", err)
		return
	}
	for i, e := range list {
		if i == 5 {
			fmt.Fprintf(w, "warning: ... and %d more dictionary problems\n", len(list)-5)
			break
		}
		fmt.Fprintf(w, "warning: %v\n", e)
	}
}

// parseFlagsInterspersed parses flags placed before or after the positional
// arguments ("FILE --json" as well as "--json FILE") and returns the
// positional ones. "--" ends the flags.
func parseFlagsInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if len(args) > 0 && args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}
