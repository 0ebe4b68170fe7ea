package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/web"
)

// TestRun loads a small synthetic store for a moment: every request of
// the mix must succeed.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a store and loads it")
	}
	if err := run(filepath.Join(t.TempDir(), "load.db"), 500, 4, 500*time.Millisecond, 100*time.Millisecond, "", 1, web.Options{}); err != nil {
		t.Fatal(err)
	}
}
