package progress

import (
	"bytes"
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

func TestDraws(t *testing.T) {
	var buf bytes.Buffer
	m := Start(&buf, true, func() Status { return Status{Items: 7} })
	time.Sleep(3 * Interval)
	m.Stop()
	if !bytes.Contains(buf.Bytes(), []byte("\r7 items")) {
		t.Errorf("meter wrote %q", buf.String())
	}
}
