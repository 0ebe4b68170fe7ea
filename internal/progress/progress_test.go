package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	tests := []struct {
		s       Status
		elapsed time.Duration
		want    string
	}{
		{Status{Items: 10}, 2 * time.Second, "10 items  5.0/s"},
		{Status{Items: 10, Failed: 2, Done: 25, Total: 100, Unit: "files"}, 10 * time.Second,
			"10 items  1.0/s  2 failed  25% of 100 files  ETA 30s"},
		{Status{Items: 3, Done: 1 << 29, Total: 1 << 30, Unit: "bytes"}, time.Minute,
			"3 items  0.1/s  50% of 1.0 GB  ETA 1m0s"},
		{Status{Items: 3, Done: -1, Total: -1}, time.Second, "3 items  3.0/s"},
	}
	for _, tt := range tests {
		if got := Line(tt.s, tt.elapsed); got != tt.want {
			t.Errorf("Line(%+v, %v) = %q, want %q", tt.s, tt.elapsed, got, tt.want)
		}
	}
}

// A meter that is not enabled writes nothing: pipes stay quiet.
func TestQuietWhenDisabled(t *testing.T) {
	var buf bytes.Buffer
	m := Start(&buf, false, func() Status { return Status{Items: 1} })
	time.Sleep(2 * Interval)
	m.Stop()
	if buf.Len() != 0 {
		t.Errorf("disabled meter wrote %q", buf.String())
	}
	if IsTerminal(&buf) {
		t.Error("a buffer is not a terminal")
	}
}

// syncBuffer is a bytes.Buffer safe to read while the meter writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestDraws(t *testing.T) {
	var buf syncBuffer
	m := Start(&buf, true, func() Status { return Status{Items: 7} })
	// Wait for a draw (generously: CI machines can be slow).
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(Interval / 5) {
		if strings.Contains(buf.String(), "\r7 items") {
			break
		}
	}
	m.Stop()
	s := buf.String()
	if !strings.Contains(s, "\r7 items") {
		t.Errorf("meter wrote %q", s)
	}
	if !strings.HasSuffix(s, "\r") {
		t.Errorf("Stop did not clear the line: %q", s)
	}
}
