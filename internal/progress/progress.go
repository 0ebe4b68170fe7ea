// Package progress draws a one-line progress display on a terminal: items,
// rate, failures, and an ETA when the total is known. On anything that is
// not a terminal it draws nothing, so pipes and logs stay clean.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Status is what the display shows.
type Status struct {
	Items  int64 // items processed
	Failed int64
	// Done and Total measure progress toward the end, in Unit (files,
	// bytes); Total <= 0 when unknown.
	Done, Total int64
	Unit        string
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Meter redraws a status line every Interval until Stop.
type Meter struct {
	w     io.Writer
	poll  func() Status
	start time.Time
	stop  chan struct{}
	done  sync.WaitGroup
	width int
}

// Interval is how often the line is redrawn.
const Interval = 250 * time.Millisecond

// Start begins drawing poll's status on w if enabled (typically
// IsTerminal(os.Stderr)); otherwise the meter does nothing.
func Start(w io.Writer, enabled bool, poll func() Status) *Meter {
	m := &Meter{w: w, poll: poll, start: time.Now()}
	if !enabled {
		return m
	}
	m.stop = make(chan struct{})
	m.done.Add(1)
	go func() {
		defer m.done.Done()
		t := time.NewTicker(Interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				m.draw(Line(m.poll(), time.Since(m.start)))
			case <-m.stop:
				return
			}
		}
	}()
	return m
}

func (m *Meter) draw(s string) {
	pad := ""
	if n := m.width - len(s); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	m.width = len(s)
	fmt.Fprintf(m.w, "\r%s%s", s, pad)
}

// Stop stops drawing and clears the line.
func (m *Meter) Stop() {
	if m.stop == nil {
		return
	}
	close(m.stop)
	m.done.Wait()
	m.stop = nil
	fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.width))
}

// Line formats a status after elapsed time: "1234 items  56.7/s  3 failed
// 41% of 1.2 GB  ETA 1m20s".
func Line(s Status, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d items", s.Items)
	if sec := elapsed.Seconds(); sec > 0 {
		fmt.Fprintf(&b, "  %.1f/s", float64(s.Items)/sec)
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, "  %d failed", s.Failed)
	}
	if s.Total > 0 && s.Done >= 0 {
		frac := float64(s.Done) / float64(s.Total)
		fmt.Fprintf(&b, "  %d%% of %s", int(100*frac), amount(s.Total, s.Unit))
		if frac > 0.001 && frac < 1 {
			eta := time.Duration(float64(elapsed) * (1 - frac) / frac)
			fmt.Fprintf(&b, "  ETA %s", eta.Round(time.Second))
		}
	}
	return b.String()
}

func amount(n int64, unit string) string {
	if unit != "bytes" {
		return fmt.Sprintf("%d %s", n, unit)
	}
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
