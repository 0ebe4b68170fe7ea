// Package data holds the data files eventwire ships inside the binary: the
// PETRARCH-format event-coding dictionaries (verbs, actors, agents,
// discards, issues) of the Open Event Data project, and eventwire's own
// dictionary layers in eventwire/ (MIT like the code), loaded after the
// upstream files they correct or extend:
//
//   - verbs.fixes.txt, actors.fixes.txt, agents.fixes.txt, issues.fixes.txt
//     restore the upstream entries that dict.Load rejects as defective
//     (a typo in a date, a code or a pattern), as their authors meant them;
//   - verbs.supplement.txt adds common news verbs that CAMEO.2.0.txt lacks;
//   - verbs.news.txt re-codes or withdraws upstream verbs and patterns whose
//     code does not fit news usage (through the verb layering of coder/dict);
//   - actors.news.txt adds or re-dates office holders of recent years that
//     the Phoenix actor dictionaries lack or date wrongly.
//
// Each file's header says what it holds and why.
//
// The third-party files are stored gzip-compressed (petrarch/*.txt.gz) and
// served decompressed by FS, so readers see plain "CAMEO.2.0.txt" and so
// on; they are byte for byte the upstream files. Provenance and licences
// are in petrarch/LICENSE and the repository's NOTICE file. Package data is
// a leaf: it imports only the standard library.
package data

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

//go:embed petrarch/*.txt.gz petrarch/LICENSE
var petrarchFS embed.FS

//go:embed eventwire/*.txt
var eventwireFS embed.FS

// The names, in FS, of eventwire's own dictionary files (see the package
// documentation), each layered by DefaultFiles after the upstream files of
// its kind.
const (
	VerbFixes      = "verbs.fixes.txt"
	VerbSupplement = "verbs.supplement.txt"
	VerbNews       = "verbs.news.txt"
	ActorFixes     = "actors.fixes.txt"
	ActorNews      = "actors.news.txt"
	AgentFixes     = "agents.fixes.txt"
	IssueFixes     = "issues.fixes.txt"
)

// Own reports whether name is one of eventwire's own files rather than an
// upstream PETRARCH file.
func Own(name string) bool {
	_, err := fs.Stat(eventwireFS, "eventwire/"+name)
	return err == nil && !strings.Contains(name, "/")
}

// Files names the dictionary files of a PETRARCH coder configuration. Its
// fields match coder/dict.Files, so cmd/ converts with dict.Files(f).
type Files struct {
	Verbs    []string
	Actors   []string
	Agents   []string
	Discards []string
	Issues   []string
}

// DefaultFiles returns the names, in FS, of the dictionaries eventwire
// codes with: those that the PETRARCH-2 distribution configures (its
// PETR_config.ini: the CAMEO 2.0 verb dictionary, the three Phoenix actor
// dictionaries, agents, discards and issues), each kind followed by
// eventwire's own layers: the fixes first (upstream intent), then the verb
// supplement, then the news corrections, which therefore win.
func DefaultFiles() Files {
	return Files{
		Verbs:    []string{"CAMEO.2.0.txt", VerbFixes, VerbSupplement, VerbNews},
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", ActorFixes, ActorNews},
		Agents:   []string{"Phoenix.agents.txt", AgentFixes},
		Discards: []string{"Phoenix.discards.txt"},
		Issues:   []string{"Phoenix.IssueCoding.txt", IssueFixes},
	}
}

// FS returns the shipped dictionaries, the PETRARCH files decompressed on
// open: the files named by DefaultFiles and LICENSE (the PETRARCH files'
// licence), all at the root of the file system. The result implements fs.ReadFileFS and fs.ReadDirFS and is
// safe for concurrent use.
func FS() fs.FS { return gzFS{} }

// gzFS serves petrarch/NAME.gz as NAME, petrarch/LICENSE as LICENSE and
// eventwire/NAME.txt as NAME.txt.
type gzFS struct{}

var (
	_ fs.ReadFileFS = gzFS{}
	_ fs.ReadDirFS  = gzFS{}
)

func (gzFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		entries, err := gzFS{}.ReadDir(".")
		if err != nil {
			return nil, err
		}
		return &dir{entries: entries}, nil
	}
	b, err := gzFS{}.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &file{info: info{name: name, size: int64(len(b))}, r: bytes.NewReader(b)}, nil
}

func (gzFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if name == "LICENSE" {
		return petrarchFS.ReadFile("petrarch/LICENSE")
	}
	if Own(name) {
		return eventwireFS.ReadFile("eventwire/" + name)
	}
	if strings.HasSuffix(name, ".gz") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	raw, err := petrarchFS.ReadFile("petrarch/" + name + ".gz")
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("data: %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("data: %s: %w", name, err)
	}
	return b, nil
}

func (gzFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	raw, err := petrarchFS.ReadDir("petrarch")
	if err != nil {
		return nil, err
	}
	own, err := eventwireFS.ReadDir("eventwire")
	if err != nil {
		return nil, err
	}
	var out []fs.DirEntry
	var names []string
	for _, e := range own {
		names = append(names, e.Name())
	}
	for _, e := range raw {
		names = append(names, strings.TrimSuffix(e.Name(), ".gz"))
	}
	for _, n := range names {
		b, err := gzFS{}.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, fs.FileInfoToDirEntry(info{name: n, size: int64(len(b))}))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// info describes a decompressed file.
type info struct {
	name string
	size int64
	dir  bool
}

func (i info) Name() string { return path.Base(i.name) }
func (i info) Size() int64  { return i.size }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }

// file is an open decompressed file.
type file struct {
	info info
	r    *bytes.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *file) Close() error               { return nil }

// dir is the open root directory.
type dir struct {
	entries []fs.DirEntry
	off     int
}

func (d *dir) Stat() (fs.FileInfo, error) { return info{name: ".", dir: true}, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: fs.ErrInvalid}
}
func (d *dir) Close() error { return nil }

// ReadDir implements fs.ReadDirFile.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}
