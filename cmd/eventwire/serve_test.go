package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
)

// syncBuffer is a bytes.Buffer safe to write from the command while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe starts the server on a free loopback port, reads the API and
// the UI through it, and stops it by cancelling the command's context, as
// a signal does.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutStory(context.Background(), storetest.Story("https://example.com/a", "Title", "Some words here.")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- (&Main{Stdout: io.Discard, Stderr: &stderr}).Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
	}()
	addr := regexp.MustCompile(`http://[0-9.:]+/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = addr.FindString(stderr.String())
	}
	if base == "" {
		t.Fatalf("no address announced: %s", stderr.String())
	}
	res, err := http.Get(base + "api/stats")
	if err != nil {
		t.Fatal(err)
	}
	var st eventwire.StoreStats
	json.NewDecoder(res.Body).Decode(&st)
	res.Body.Close()
	if res.StatusCode != 200 || st.Events != 1 {
		t.Errorf("stats: %d %+v", res.StatusCode, st)
	}
	res, err = http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), "eventwire") {
		t.Errorf("UI: %d %.200s", res.StatusCode, page)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("serve did not stop within 2 s of its context ending")
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "extra"},
		{"serve", "--max-limit", "0"},
		{"serve", "--cache-mb", "-1"},
		{"serve", "--bogus"},
	} {
		err := (&Main{Stdout: io.Discard, Stderr: io.Discard}).Run(context.Background(), args)
		if !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	err := (&Main{Stdout: io.Discard, Stderr: io.Discard}).Run(context.Background(),
		[]string{"serve", "--db", filepath.Join(t.TempDir(), "none.db")})
	if err == nil || !strings.Contains(err.Error(), "no database") {
		t.Errorf("a missing database: %v", err)
	}
}

// TestServeIngest runs serve with an ingest token: an uploaded article
// goes through the real pipeline into the store, a request without the
// token is refused, and a loopback URL is not fetched.
func TestServeIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	tokenFile := filepath.Join(dir, "token")
	const token = "0123456789abcdef-test"
	if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- (&Main{Stdout: io.Discard, Stderr: &stderr}).Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--ingest-token-file", tokenFile})
	}()
	addr := regexp.MustCompile(`http://[0-9.:]+/`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		base = addr.FindString(stderr.String())
	}
	if base == "" {
		t.Fatalf("no address announced: %s", stderr.String())
	}
	do := func(path, auth, ct, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	article := "MOSCOW, Dec. 20 -- Russian aircraft bombed rebel positions near Aleppo on Tuesday, officials said. Turkey condemned the strikes."
	if code, body := do("api/ingest/file", "", "text/plain", article); code != 401 {
		t.Errorf("no token: %d %s", code, body)
	}
	code, body := do("api/ingest/file?url=https://example.com/aleppo", token, "text/plain", article)
	if code != 200 || !strings.Contains(body, `"created":true`) {
		t.Fatalf("ingest: %d %s", code, body)
	}
	if code, body := do("api/ingest/url", token, "application/json", `{"url": "`+base+`api/stats"}`); code != 403 {
		t.Errorf("a loopback URL: %d %s", code, body)
	}
	res, err := http.Get(base + "api/stats")
	if err != nil {
		t.Fatal(err)
	}
	var st eventwire.StoreStats
	json.NewDecoder(res.Body).Decode(&st)
	res.Body.Close()
	if st.Articles != 1 || st.Events == 0 {
		t.Errorf("after ingest: %+v", st)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}
