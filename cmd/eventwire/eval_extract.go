package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/extract"
	"github.com/eventwire/eventwire/internal/eval/extraction"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// extractionSystems returns the systems eval extract can compare, by name.
// "all" runs readability, trafilatura and eventwire; the two variants
// (eventwire-nofallback, trafilatura-nodate) are there to measure where
// time and accuracy go.
func extractionSystems() map[string]extraction.ExtractFunc {
	ours := func(x *extract.Extractor) extraction.ExtractFunc {
		return func(ctx context.Context, u string, b []byte) (string, error) {
			a, err := x.Extract(ctx, &eventwire.Page{URL: u, Body: b, ContentType: "text/html; charset=utf-8"})
			if err != nil {
				return "", err
			}
			return a.Text, nil
		}
	}
	traf := func(mode trafilatura.HtmlDateMode) extraction.ExtractFunc {
		return func(ctx context.Context, u string, b []byte) (text string, err error) {
			defer recoverInto(&err)
			opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, HtmlDateMode: mode}
			if pu, perr := url.Parse(u); perr == nil && pu.Host != "" {
				opts.OriginalURL = pu
			}
			res, err := trafilatura.Extract(bytes.NewReader(b), opts)
			if err != nil {
				return "", err
			}
			return res.ContentText, nil
		}
	}
	return map[string]extraction.ExtractFunc{
		"eventwire":            ours(extract.New(extract.Options{})),
		"eventwire-nofallback": ours(extract.New(extract.Options{NoFallback: true})),
		// go-trafilatura as its README recommends for accuracy: fallback
		// to readability and DOM distiller on, comments off, its default
		// date extraction (go-htmldate) on.
		"trafilatura": traf(trafilatura.Default),
		// The same without go-htmldate's whole-page date scan, which
		// eventwire replaces with its own metadata reader.
		"trafilatura-nodate": traf(trafilatura.Disabled),
		"readability": func(ctx context.Context, u string, b []byte) (text string, err error) {
			defer recoverInto(&err)
			pu, _ := url.Parse(u)
			p := readability.NewParser()
			art, err := p.Parse(bytes.NewReader(b), pu)
			if err != nil {
				return "", err
			}
			var sb strings.Builder
			if err := art.RenderText(&sb); err != nil {
				return "", err
			}
			return sb.String(), nil
		},
	}
}

// recoverInto turns a panic in a third-party extractor into an error.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("panic: %v", r)
	}
}

func runEvalExtract(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("eval extract", "[--data DIR] [--system eventwire|trafilatura|readability|all]",
		"eventwire eval extract --data ../shared/data/extraction --system all")
	data := fs.String("data", filepath.Join("..", "shared", "data", "extraction"), "benchmark directory (ground-truth.json, html/)")
	system := fs.String("system", "all", "systems to run, comma-separated: eventwire, trafilatura, readability or all (also eventwire-nofallback, trafilatura-nodate)")
	passes := fs.Int("passes", 3, "timed passes per system, taken in turns; the fastest is reported (the first also warms up lazy initialisation)")
	worst := fs.Int("worst", 0, "print the N worst pages of each system by F1")
	out := fs.String("out", "", "directory to write each system's predictions as <system>.json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	systems := extractionSystems()
	var names []string
	if *system == "all" {
		names = []string{"readability", "trafilatura", "eventwire"}
	} else {
		for _, name := range strings.Split(*system, ",") {
			if _, ok := systems[name]; !ok {
				fmt.Fprintf(m.Stderr, "eventwire eval extract: unknown system %q\n", name)
				return errUsage
			}
			names = append(names, name)
		}
	}
	d, err := extraction.Load(*data)
	if err != nil {
		if errors.Is(err, extraction.ErrNoData) {
			return fmt.Errorf("eval extract: %w", err)
		}
		return err
	}
	pages, err := d.ReadPages()
	if err != nil {
		return fmt.Errorf("eval extract: %w", err)
	}
	fmt.Fprintf(m.Stdout, "%d pages from %s\n", len(pages.IDs), *data)
	fmt.Fprintf(m.Stdout, "%-12s %-15s %-15s %-15s %-15s %9s %6s\n", "system", "F1", "precision", "recall", "accuracy", "pages/s", "errors")
	var systemsRun []extraction.System
	for _, name := range names {
		systemsRun = append(systemsRun, extraction.System{Name: name, Extract: systems[name]})
	}
	runs, err := extraction.RunSystems(ctx, d, pages, systemsRun, *passes)
	if err != nil {
		return err
	}
	var last *extraction.Run
	for _, run := range runs {
		r := run.Result
		r.Bootstrap(1000, 1)
		fmt.Fprintf(m.Stdout, "%-12s %.3f ± %.3f   %.3f ± %.3f   %.3f ± %.3f   %.3f ± %.3f   %9.1f %6d\n", run.System,
			r.F1, r.StdF1, r.Precision, r.StdPrecision, r.Recall, r.StdRecall, r.Accuracy, r.StdAccuracy, run.PagesPerSecond(), run.Errors)
		if *worst > 0 {
			printWorst(m, run, *worst)
		}
		if *out != "" {
			if err := writePredictions(filepath.Join(*out, run.System+".json"), run.Predictions); err != nil {
				return err
			}
		}
		if run.System == "eventwire" || len(runs) == 1 {
			last = run
		}
	}
	if last == nil {
		last = runs[len(runs)-1]
	}
	r := last.Result
	fmt.Fprintf(m.Stdout, "F1 %.3f P %.3f R %.3f accuracy %.3f pages/s %.0f\n", r.F1, r.Precision, r.Recall, r.Accuracy, last.PagesPerSecond())
	return nil
}

func printWorst(m *Main, run *extraction.Run, n int) {
	pages := append([]extraction.PageScore(nil), run.Result.Pages...)
	f := func(s extraction.PageScore) float64 {
		if s.Precision+s.Recall == 0 {
			return 0
		}
		return 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	sort.SliceStable(pages, func(i, j int) bool { return f(pages[i]) < f(pages[j]) })
	for _, s := range pages[:min(n, len(pages))] {
		fmt.Fprintf(m.Stdout, "    %s  F1 %.3f P %.3f R %.3f\n", s.ID[:12], f(s), s.Precision, s.Recall)
	}
}

func writePredictions(path string, preds map[string]string) error {
	out := make(map[string]map[string]string, len(preds))
	for id, body := range preds {
		out[id] = map[string]string{"articleBody": body}
	}
	b, err := json.MarshalIndent(map[string]any{"version": eventwire.Version, "output": out}, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
