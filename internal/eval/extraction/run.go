package extraction

import (
	"context"
	"fmt"
	"time"
)

// ExtractFunc is one system under test: it returns the article body of a
// page. An error counts as an empty prediction, as upstream does.
type ExtractFunc func(ctx context.Context, url string, html []byte) (string, error)

// Run is the outcome of one system on the benchmark.
type Run struct {
	System string
	Result Result
	// Errors counts pages the system failed on (scored as empty).
	Errors int
	// Elapsed is the time spent inside the system over all pages; reading
	// and decompressing the pages is not counted.
	Elapsed time.Duration
	// Predictions maps page id to the extracted body.
	Predictions map[string]string
}

// PagesPerSecond is the throughput of the run.
func (r *Run) PagesPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(len(r.Predictions)) / r.Elapsed.Seconds()
}

// Pages holds the benchmark pages in memory, so that timing covers
// extraction only.
type Pages struct {
	IDs  []string
	HTML [][]byte
	URL  []string
}

// ReadPages reads and decompresses every page of d.
func (d *Dataset) ReadPages() (*Pages, error) {
	p := &Pages{IDs: d.IDs}
	for _, id := range d.IDs {
		b, err := d.HTML(id)
		if err != nil {
			return nil, err
		}
		p.HTML = append(p.HTML, b)
		p.URL = append(p.URL, d.URL[id])
	}
	return p, nil
}

// System is a named system under test.
type System struct {
	Name    string
	Extract ExtractFunc
}

// RunSystem runs one system; see RunSystems.
func RunSystem(ctx context.Context, d *Dataset, pages *Pages, name string, fn ExtractFunc, passes int) (*Run, error) {
	runs, err := RunSystems(ctx, d, pages, []System{{name, fn}}, passes)
	if err != nil {
		return nil, err
	}
	return runs[0], nil
}

// RunSystems runs every system over every page, sequentially on one
// goroutine, and scores each against the ground truth of d. With passes >
// 1 the systems take turns pass by pass (A B C A B C ...) and each keeps
// its fastest pass, so that a burst of load from other processes does not
// favour whichever system ran at a quiet moment. The first pass also
// warms up lazily initialised state.
func RunSystems(ctx context.Context, d *Dataset, pages *Pages, systems []System, passes int) ([]*Run, error) {
	if passes < 1 {
		passes = 1
	}
	runs := make([]*Run, len(systems))
	for i, s := range systems {
		runs[i] = &Run{System: s.Name}
	}
	for pass := 0; pass < passes; pass++ {
		for i, s := range systems {
			run := runs[i]
			preds := make(map[string]string, len(pages.IDs))
			errs := 0
			start := time.Now()
			for j, id := range pages.IDs {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				body, err := s.Extract(ctx, pages.URL[j], pages.HTML[j])
				if err != nil {
					errs++
					body = ""
				}
				preds[id] = body
			}
			el := time.Since(start)
			if pass == 0 || el < run.Elapsed {
				run.Elapsed = el
			}
			run.Predictions, run.Errors = preds, errs
		}
	}
	for _, run := range runs {
		res, err := Score(d.Truth, run.Predictions)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", run.System, err)
		}
		run.Result = res
	}
	return runs, nil
}
