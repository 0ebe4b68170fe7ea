// Package shared finds, for tests, the evaluation data that lives in
// ../shared/data beside the repository (the project's data folder, described
// by its README.md; it is never copied into the repository).
//
// Every test that reads that folder goes through Data or Lookup, so all of
// them obey one rule: when the data is absent the test fails if the
// environment variable CI is "true" (CI always lays the folder beside its
// clone, so absence there is a broken set-up, not a reason to pass) and is
// skipped otherwise, with a message that names the missing path.
//
// The folder is found from the test's working directory (the package
// directory under go test) by walking up to the module root, the nearest
// directory holding go.mod; it is ../shared/data from there.
package shared

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// where is appended to every message about absent data.
const where = "the evaluation data lives in ../shared/data beside the repository"

// Required reports whether absent data must fail a test rather than skip
// it: true when the environment variable CI is "true".
func Required() bool { return os.Getenv("CI") == "true" }

// Dir returns the absolute path of ../shared/data beside the module root,
// the nearest directory at or above the working directory that holds
// go.mod. It does not check that the folder exists; it fails only when the
// working directory is unknown or no go.mod is found above it.
func Dir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "data"), nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no go.mod in %s or any directory above it", wd)
		}
		d = up
	}
}

// Data returns the absolute path of rel (joined path elements) under
// ../shared/data; with no rel it returns the folder itself. When that path
// does not exist it ends the test: tb.Fatalf when Required, tb.Skipf
// otherwise, naming the missing path. It only checks that the path exists;
// reading it is the caller's business.
func Data(tb testing.TB, rel ...string) string {
	tb.Helper()
	path, err := find(rel)
	if err != nil {
		if Required() {
			tb.Fatalf("%v; CI=true needs it", err)
		}
		tb.Skipf("%v", err)
	}
	return path
}

// Lookup is Data for a test that uses the data when it is there and does
// something less without it (a second copy of a fixture, a larger training
// slice). It returns the path and true when it exists. When it does not, it
// fails the test when Required, as Data does, and otherwise logs the missing
// path and returns false so that the test goes on.
func Lookup(tb testing.TB, rel ...string) (string, bool) {
	tb.Helper()
	path, err := find(rel)
	if err != nil {
		if Required() {
			tb.Fatalf("%v; CI=true needs it", err)
		}
		tb.Logf("%v; going on without it", err)
		return "", false
	}
	return path, true
}

// find returns the path of rel under Dir, or an error that names the
// missing path and says where the data lives.
func find(rel []string) (string, error) {
	dir, err := Dir()
	if err != nil {
		return "", fmt.Errorf("cannot place ../shared/data (%v): %s", err, where)
	}
	path := filepath.Join(append([]string{dir}, rel...)...)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s is absent: %s", path, where)
	} else if err != nil {
		return "", fmt.Errorf("%s cannot be read (%v): %s", path, err, where)
	}
	return path, nil
}
