package shared

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB whose Fatalf, Skipf and Logf record the outcome
// instead of reporting it. Fatalf and Skipf end the goroutine, as the real
// ones do, so the code after them in Data and Lookup never runs.
type recorder struct {
	testing.TB
	outcome string // "", "fatal", "skip" or "log"
	msg     string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.outcome, r.msg = "fatal", fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Skipf(format string, args ...any) {
	r.outcome, r.msg = "skip", fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Logf(format string, args ...any) {
	r.outcome, r.msg = "log", fmt.Sprintf(format, args...)
}

// call runs f with a recorder on its own goroutine, so that Fatalf and
// Skipf can end it, and returns the recorder and what f returned ("" when
// it was ended).
func call(t *testing.T, f func(tb testing.TB) string) (*recorder, string) {
	r := &recorder{TB: t}
	var got string
	done := make(chan struct{})
	go func() {
		defer close(done)
		got = f(r)
	}()
	<-done
	return r, got
}

// module lays out a module root with ../shared/data beside it in a
// temporary directory, and returns the module root and the data folder.
func module(t *testing.T) (root, data string) {
	t.Helper()
	tmp := t.TempDir()
	root = filepath.Join(tmp, "repo")
	data = filepath.Join(tmp, "shared", "data")
	for _, d := range []string{filepath.Join(root, "internal", "pkg"), filepath.Join(data, "ud")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(root, "go.mod"), filepath.Join(data, "ud", "x.conllu")} {
		if err := os.WriteFile(f, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Symbolic links in the temporary directory's path (macOS) would make
	// the paths differ from os.Getwd's.
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root, data = r, filepath.Join(filepath.Dir(r), "shared", "data")
	}
	return root, data
}

func TestDirThisRepository(t *testing.T) {
	got, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	// This package is internal/shared, two levels below the module root.
	want, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Dir() = %s, want %s", got, want)
	}
}

func TestData(t *testing.T) {
	root, data := module(t)
	present := filepath.Join(data, "ud", "x.conllu")
	absent := filepath.Join(data, "ud", "y.conllu")
	tests := []struct {
		name    string
		dir     string // working directory
		ci      string
		rel     []string
		want    string // path returned
		outcome string // "", "fatal" or "skip"
		msg     []string
	}{
		{"present from the root", root, "", []string{"ud", "x.conllu"}, present, "", nil},
		{"present from a package", filepath.Join(root, "internal", "pkg"), "true", []string{"ud", "x.conllu"}, present, "", nil},
		{"the folder itself", root, "true", nil, data, "", nil},
		{"absent, skip", root, "", []string{"ud", "y.conllu"}, "", "skip",
			[]string{absent + " is absent", "the evaluation data lives in ../shared/data beside the repository"}},
		{"absent, CI=false skips", root, "false", []string{"ud", "y.conllu"}, "", "skip", []string{absent}},
		{"absent, CI=true fails", filepath.Join(root, "internal", "pkg"), "true", []string{"ud", "y.conllu"}, "", "fatal",
			[]string{absent + " is absent", "the evaluation data lives in ../shared/data beside the repository", "CI=true"}},
		{"no module, skip", filepath.Dir(root), "", []string{"ud"}, "", "skip", []string{"no go.mod", "../shared/data beside the repository"}},
		{"no module, CI=true fails", filepath.Dir(root), "true", []string{"ud"}, "", "fatal", []string{"no go.mod", "CI=true"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(tt.dir)
			t.Setenv("CI", tt.ci)
			r, got := call(t, func(tb testing.TB) string { return Data(tb, tt.rel...) })
			if got != tt.want || r.outcome != tt.outcome {
				t.Fatalf("Data(%q) = %q with outcome %q (%s), want %q with outcome %q", tt.rel, got, r.outcome, r.msg, tt.want, tt.outcome)
			}
			for _, m := range tt.msg {
				if !strings.Contains(r.msg, m) {
					t.Errorf("message %q lacks %q", r.msg, m)
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	root, data := module(t)
	t.Chdir(filepath.Join(root, "internal", "pkg"))
	absent := filepath.Join(data, "samples", "a.txt")
	tests := []struct {
		name    string
		ci      string
		rel     []string
		want    string
		ok      bool
		outcome string // "", "fatal" or "log"
	}{
		{"present", "true", []string{"ud", "x.conllu"}, filepath.Join(data, "ud", "x.conllu"), true, ""},
		{"absent, goes on", "", []string{"samples", "a.txt"}, "", false, "log"},
		{"absent, CI=true fails", "true", []string{"samples", "a.txt"}, "", false, "fatal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			var ok bool
			r, got := call(t, func(tb testing.TB) string {
				var p string
				p, ok = Lookup(tb, tt.rel...)
				return p
			})
			if got != tt.want || ok != tt.ok || r.outcome != tt.outcome {
				t.Fatalf("Lookup(%q) = %q, %v with outcome %q (%s), want %q, %v with outcome %q", tt.rel, got, ok, r.outcome, r.msg, tt.want, tt.ok, tt.outcome)
			}
			if tt.outcome != "" && !strings.Contains(r.msg, absent+" is absent") {
				t.Errorf("message %q does not name %s", r.msg, absent)
			}
		})
	}
}

func TestRequired(t *testing.T) {
	for _, tt := range []struct {
		ci   string
		want bool
	}{{"true", true}, {"", false}, {"false", false}, {"1", false}, {"TRUE", false}} {
		t.Setenv("CI", tt.ci)
		if got := Required(); got != tt.want {
			t.Errorf("CI=%q: Required() = %v, want %v", tt.ci, got, tt.want)
		}
	}
}
