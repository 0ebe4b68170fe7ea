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

// RunSystem runs fn over every page, sequentially on one goroutine, and
// scores it against the ground truth of d. passes > 1 repeats the timed loop
// and keeps the fastest pass, which damps noise from other processes.
func RunSystem(ctx context.Context, d *Dataset, pages *Pages, name string, fn ExtractFunc, passes int) (*Run, error) {
	if passes < 1 {
		passes = 1
	}
	run := &Run{System: name}
	for pass := 0; pass < passes; pass++ {
		preds := make(map[string]string, len(pages.IDs))
		errs := 0
		start := time.Now()
		for i, id := range pages.IDs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			body, err := fn(ctx, pages.URL[i], pages.HTML[i])
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
	res, err := Score(d.Truth, run.Predictions)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	run.Result = res
	return run, nil
}
