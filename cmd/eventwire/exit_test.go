package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitStatus checks the statuses the README documents: a refusal
// (robots.txt forbids the page) is listed but is not a failure of the run;
// a page that fails is; --version and "version -h" do what they say.
func TestExitStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
		case "/news":
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("The council approved the new bridge on Monday after a long debate."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	run := func(args ...string) (string, error) {
		var o, e bytes.Buffer
		err := (&Main{Stdout: &o, Stderr: &e}).Run(ctx, args)
		return o.String() + e.String(), err
	}
	db := filepath.Join(t.TempDir(), "x.db")
	out, err := run("ingest", "--no-parse", "--rate", "-1", "--db", db, srv.URL+"/news", srv.URL+"/private/a")
	if err != nil {
		t.Errorf("a page forbidden by robots.txt made the run fail: %v\n%s", err, out)
	}
	if !strings.Contains(out, "disallowed by robots.txt") || !strings.Contains(out, "unsupported 1") {
		t.Errorf("the refusal is not listed:\n%s", out)
	}
	out, err = run("ingest", "--no-parse", "--rate", "-1", "--db", db, srv.URL+"/news", srv.URL+"/gone")
	if !errors.Is(err, errFailures) {
		t.Errorf("a page that failed (404): err = %v, want errFailures (exit 1)\n%s", err, out)
	}

	if out, err := run("--version"); err != nil || !strings.HasPrefix(out, "eventwire ") {
		t.Errorf("--version: %q, %v", out, err)
	}
	if out, err := run("version", "-h"); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out, "Usage: eventwire version") {
		t.Errorf("version -h: %q, %v; want its usage", out, err)
	}
}
