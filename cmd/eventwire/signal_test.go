package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStopOnSignal checks the signal watcher alone: the first signal
// cancels, a second exits at once with status 130, and without one the
// process exits when the grace period is over.
func TestStopOnSignal(t *testing.T) {
	for _, second := range []bool{true, false} {
		sigs := make(chan os.Signal, 2)
		cancelled := make(chan struct{})
		exited := make(chan int, 1)
		var stderr bytes.Buffer
		grace := 10 * time.Second
		if !second {
			grace = 50 * time.Millisecond
		}
		go stopOnSignal(sigs, func() { close(cancelled) }, &stderr, grace, func(c int) { exited <- c })
		sigs <- syscall.SIGTERM
		<-cancelled
		if second {
			sigs <- syscall.SIGINT
		}
		select {
		case c := <-exited:
			if c != exitInterrupted {
				t.Errorf("exit status %d, want %d", c, exitInterrupted)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("second signal %v: no exit within 5 s", second)
		}
		if !strings.Contains(stderr.String(), "next run resumes") {
			t.Errorf("message %q does not say the work is kept", stderr.String())
		}
	}
}

// TestSignalStopsCommands runs each long command as a real process, sends
// SIGINT (or SIGTERM) while it is busy on text that takes it many seconds,
// and checks that it exits within 2 s with status 130 (the bound is 1 s of
// grace, then exit). For ingest it then
// checks that the next run finishes the job, with every page stored once.
func TestSignalStopsCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts several processes")
	}
	dir := t.TempDir()
	// 4 MB: parse and code take it whole (ingest bounds a page's text to
	// 1 MiB), and take well over the 3 s waited before the signal.
	runon := filepath.Join(dir, "runon.txt")
	if err := os.WriteFile(runon, []byte(runOnText(t, 4<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := filepath.Join(dir, "pages")
	os.Mkdir(pages, 0o755)
	for i := range 8 {
		body := strings.Repeat("The minister met the ambassador in the capital on Monday. ", 3+i)
		os.WriteFile(filepath.Join(pages, "p"+string(rune('a'+i))+".txt"), []byte(body), 0o644)
	}
	// Last (one worker takes them in name order): a page that takes a
	// second or more to parse.
	os.WriteFile(filepath.Join(pages, "zz-runon.txt"), []byte(runOnText(t, 150<<10)), 0o644)
	unparsed := filepath.Join(dir, "unparsed.db")
	runon1m := filepath.Join(dir, "runon1m.txt") // within ingest's 1 MiB bound
	os.WriteFile(runon1m, []byte(runOnText(t, 1000<<10)), 0o644)
	if out, err := child("ingest", "--quiet", "--no-parse", "--db", unparsed, runon1m).CombinedOutput(); err != nil {
		t.Fatalf("ingest --no-parse: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus.jsonl")
	line, _ := json.Marshal(map[string]string{"id": "runon", "published": "2016-12-23", "text": runOnText(t, 1<<20)})
	os.WriteFile(corpus, append(line, '\n'), 0o644)
	judged := filepath.Join(dir, "judged.tsv")
	os.WriteFile(judged, nil, 0o644)
	ingestDB := filepath.Join(dir, "ingest.db")
	// busy waits until the command handles signals (it writes its
	// EVENTWIRE_READY_FILE) and is inside its work: a second later, or for
	// ingest once the small pages are stored and the run-on page is being
	// parsed.
	busy := func(t *testing.T, ready, db string) <-chan time.Time {
		ch := make(chan time.Time, 1)
		go func() {
			deadline := time.Now().Add(2 * time.Minute)
			for ; time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(ready); err == nil {
					break
				}
			}
			if db == "" {
				time.Sleep(time.Second)
			}
			for ; db != "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				if _, err := os.Stat(db); err == nil && countRowsQuiet(db, "SELECT count(*) FROM pages") >= 8 {
					break
				}
			}
			ch <- time.Now()
		}()
		return ch
	}
	cases := []struct {
		name string
		sig  syscall.Signal
		args []string
		db   string // ingest: the database to watch
	}{
		{"ingest", syscall.SIGINT, []string{"ingest", "--workers", "1", "--db", ingestDB, pages}, ingestDB},
		{"parse", syscall.SIGTERM, []string{"parse", runon}, ""},
		{"code", syscall.SIGINT, []string{"code", "--date", "2016-12-23", runon}, ""},
		{"recode", syscall.SIGINT, []string{"recode", "--parse", "--db", unparsed}, ""},
		{"eval", syscall.SIGTERM, []string{"eval", "events", "--corpus", corpus, "--judged", judged}, ""},
	}
	t.Run("group", func(t *testing.T) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				cmd := child(tc.args...)
				ready := filepath.Join(t.TempDir(), "ready")
				cmd.Env = append(cmd.Env, "EVENTWIRE_READY_FILE="+ready)
				var stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = nil, &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				// Busy: past loading the models, inside the work.
				select {
				case err := <-done:
					t.Fatalf("finished before the signal (%v); the test proves nothing\n%s", err, stderr.String())
				case <-busy(t, ready, tc.db):
				}
				sent := time.Now()
				if err := cmd.Process.Signal(tc.sig); err != nil {
					t.Fatal(err)
				}
				var err error
				select {
				case err = <-done:
				case <-time.After(10 * time.Second):
					cmd.Process.Kill()
					t.Fatalf("still running 10 s after %v", tc.sig)
				}
				took := time.Since(sent)
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
					t.Errorf("exit %v, want status %d\n%s", err, exitInterrupted, stderr.String())
				}
				if took > 2*time.Second {
					t.Errorf("stopped %v after %v, want within 2 s", took.Round(time.Millisecond), tc.sig)
				}
				t.Logf("stopped %v after %v", took.Round(time.Millisecond), tc.sig)
			})
		}
	})

	// The interrupted ingest resumes: the next run stores the rest, and
	// every page is stored once.
	if out, err := child("ingest", "--quiet", "--db", ingestDB, pages).CombinedOutput(); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	if n := countRows(t, ingestDB, "SELECT count(*) FROM pages"); n != 9 {
		t.Errorf("%d pages stored after the resumed run, want 9", n)
	}
	if n := countRows(t, ingestDB, "SELECT count(*) FROM failures"); n != 0 {
		t.Errorf("%d failures after the resumed run, want 0", n)
	}
}
