package eventwire_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/eventwire/eventwire"

// allowed maps a package (relative to the module root, "" for the root) to
// the module packages it may import; a trailing "/..." allows a subtree.
// Packages not listed may import anything (cmd/, internal/).
var allowed = map[string][]string{
	"":            {"text"},
	"text":        {},
	"text/...":    {"text", "text/..."},
	"nlp/...":     {"text", "text/...", "nlp", "nlp/...", "models"},
	"nlp":         {"text"},
	"models":      {},
	"data":        {},
	"cameo":       {},
	"extract":     {"", "text", "extract/..."},
	"extract/...": {"", "text", "extract", "extract/..."},
	"coder":       {"", "text", "text/...", "nlp", "cameo", "coder/..."},
	"coder/...":   {"", "text", "text/...", "nlp", "cameo", "coder", "coder/..."},
	"quote":       {"", "text", "nlp", "cameo"},
	"geo":         {"", "text", "nlp", "cameo", "geo/..."},
	"timex":       {"", "text", "nlp"},
}

func rule(pkg string) ([]string, bool) {
	if r, ok := allowed[pkg]; ok {
		return r, true
	}
	for p := pkg; p != "." && p != ""; p = filepath.Dir(p) {
		parent := filepath.Dir(p)
		if parent == "." {
			break
		}
		if r, ok := allowed[parent+"/..."]; ok {
			return r, true
		}
	}
	if i := strings.IndexByte(pkg, '/'); i > 0 {
		if r, ok := allowed[pkg[:i]+"/..."]; ok {
			return r, true
		}
	}
	return nil, false
}

func permits(list []string, imp string) bool {
	for _, a := range list {
		if a == imp {
			return true
		}
		if strings.HasSuffix(a, "/...") {
			base := strings.TrimSuffix(a, "/...")
			if strings.HasPrefix(imp, base+"/") {
				return true
			}
		}
	}
	return false
}

// TestImportRules enforces the layering of docs/ARCHITECTURE.md: the text
// package is a leaf, the root imports only text, the language core imports
// only text, the coding stages import the vocabulary but never internal/
// adapters, and no public package imports internal/.
func TestImportRules(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bin") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(path))
		if pkg == "." {
			pkg = ""
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		public := !strings.HasPrefix(pkg, "internal") && !strings.HasPrefix(pkg, "cmd") && !strings.Contains(pkg, "/internal")
		list, ruled := rule(pkg)
		for _, is := range f.Imports {
			imp, _ := strconv.Unquote(is.Path.Value)
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if public && (strings.HasPrefix(rel, "internal") || strings.HasPrefix(rel, "cmd")) && !strings.HasPrefix(rel, pkg+"/internal") {
				t.Errorf("%s: public package %q imports %q", path, pkg, rel)
				continue
			}
			if ruled && rel != pkg && !permits(list, rel) {
				t.Errorf("%s: package %q may not import %q (allowed: %v)", path, pkg, rel, list)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestImportRulesTable(t *testing.T) {
	// The rule table itself: a sanity check that the lookups behave.
	if r, ok := rule("nlp/tag"); !ok || !permits(r, "text") || permits(r, "coder") {
		t.Errorf("nlp/tag rule wrong: %v %v", r, ok)
	}
	if r, ok := rule("text/conllu"); !ok || permits(r, "nlp") {
		t.Errorf("text/conllu rule wrong: %v", r)
	}
	if _, ok := rule("internal/sqlite"); ok {
		t.Errorf("internal/sqlite should be unruled")
	}
	if _, err := os.Stat("go.mod"); err != nil {
		t.Fatal("test must run from the module root")
	}
}
