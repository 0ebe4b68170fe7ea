// Command eventwire turns news into event data: it ingests pages, feeds and
// WARC archives, extracts articles, parses them, codes events, and serves the
// results. Run "eventwire help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"
)

// command is one subcommand. Each lives in its own file; wiring of internal
// adapters happens only in this package.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, m *Main, args []string) error
}

// commands lists every subcommand, in the order help shows them.
var commands = []command{
	{"demo", "run the whole pipeline on the bundled sample articles", runDemo},
	{"ingest", "read pages, feeds, directories and WARC archives into the store", runIngest},
	{"extract", "print the clean article of pages as JSON lines", runExtract},
	{"articles", "list or search stored articles", runArticles},
	{"events", "list stored events by actor, code, date and words", runEvents},
	{"actors", "who acts most, and on whom: events per actor or pair", runActors},
	{"quotes", "list stored quotes by speaker, kind and words", runQuotes},
	{"merge", "merge the reports of one event from many articles", runMerge},
	{"export", "write the events as JSON lines, CSV or Parquet (GDELT columns)", runExport},
	{"serve", "serve the read-only JSON API and the web UI over HTTP", runServe},
	{"parse", "tokenize, tag and parse English text, printing CoNLL-U", runParse},
	{"train", "train the tagger and parser (train factuality: the factuality model)", runTrain},
	{"code", "code the events of one article and print them as JSON", runCode},
	{"recode", "re-code stored articles after a dictionary change", runRecode},
	{"eval", "measure accuracy and speed: eval extract|ud|petrarch|events", runEval},
	{"version", "print the version", runVersion},
}

// Main holds what every command shares: where output goes.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// errUsage reports bad command-line usage; main exits with status 2.
var errUsage = errors.New("usage error")

// errFailures reports that a command finished but some items failed; main
// exits with status 1 after the command printed its summary.
var errFailures = errors.New("some items failed")

// defaultMemoryLimit is the soft heap limit set when GOMEMLIMIT is not: the
// embedded models and dictionaries hold about 130 MB live, and without a limit
// the collector lets the heap double before it runs, which puts an ingest of
// a multi-gigabyte archive near 300 MB of RSS. With it, measured peaks stay
// well below (docs/BENCHMARKS.md). GOMEMLIMIT in the environment overrides it.
const defaultMemoryLimit = 200 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go stopOnSignal(sigs, cancel, os.Stderr, stopGrace, os.Exit)
	if f := os.Getenv("EVENTWIRE_READY_FILE"); f != "" {
		// For supervisors and tests: from now on a signal stops the
		// command cleanly.
		os.WriteFile(f, nil, 0o644)
	}
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	err := m.Run(ctx, os.Args[1:])
	signal.Stop(sigs)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(exitUsage)
	case ctx.Err() != nil:
		fmt.Fprintln(os.Stderr, "eventwire: interrupted")
		os.Exit(exitInterrupted)
	case errors.Is(err, errFailures):
		os.Exit(exitFailures)
	default:
		fmt.Fprintln(os.Stderr, "eventwire:", err)
		os.Exit(exitFatal)
	}
}

// The exit statuses (README, "Exit status").
const (
	exitFailures    = 1   // the command ran, but some items failed (its summary lists them)
	exitUsage       = 2   // bad flags or arguments
	exitFatal       = 2   // the command could not run (a missing database, an unreadable model)
	exitInterrupted = 130 // stopped by SIGINT or SIGTERM, as shells report 128+SIGINT
)

// stopGrace is how long the commands get to wind down after the first
// SIGINT or SIGTERM before the process exits anyway. Every store write is
// one transaction and every queue item is acknowledged only after its
// commit, so exiting mid-work loses nothing: the next run redoes what was
// not committed.
const stopGrace = time.Second

// stopOnSignal cancels the commands' context at the first signal, then
// exits with status 130 at a second signal or when grace has passed.
func stopOnSignal(sigs <-chan os.Signal, cancel func(), stderr io.Writer, grace time.Duration, exit func(int)) {
	s := <-sigs
	fmt.Fprintf(stderr, "\neventwire: %v: stopping; what is stored is kept and the next run resumes (again to quit at once)\n", s)
	cancel()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-sigs:
	case <-t.C:
		fmt.Fprintf(stderr, "eventwire: still busy %v after the signal; quitting\n", grace)
	}
	exit(exitInterrupted)
}

// Run dispatches args[0] to its command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version" || args[0] == "-v") {
		return runVersion(ctx, m, nil)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range commands {
				if c.name == args[1] {
					return c.run(ctx, m, []string{"-h"})
				}
			}
		}
		m.usage(m.Stdout)
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, m, args[1:])
		}
	}
	fmt.Fprintf(m.Stderr, "eventwire: unknown command %q\n\n", args[0])
	m.usage(m.Stderr)
	return errUsage
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprintln(w, "eventwire turns news into event data.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: eventwire COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "eventwire COMMAND -h" for a command's flags and an example.`)
}

// newFlagSet returns a FlagSet whose usage shows the command's synopsis and
// example; parse errors become errUsage.
func (m *Main) newFlagSet(name, synopsis, example string) *flag.FlagSet {
	fs := flag.NewFlagSet("eventwire "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: eventwire %s %s\n\n", name, synopsis)
		fs.PrintDefaults()
		if example != "" {
			fmt.Fprintf(m.Stderr, "\nExample:\n  %s\n", example)
		}
	}
	return fs
}

// parseFlags parses args into fs, mapping errors to errUsage and -h to
// flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

func runVersion(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("version", "", "eventwire version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: version takes no arguments", errUsage)
	}
	fmt.Fprintln(m.Stdout, "eventwire", version())
	return nil
}
