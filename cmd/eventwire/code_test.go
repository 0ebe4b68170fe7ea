package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/internal/eval/petrarch"
	"github.com/eventwire/eventwire/text"
)

func TestGuessDictKind(t *testing.T) {
	tests := []struct{ arg, kind, path string }{
		{"my.verbs.txt", "verbs", "my.verbs.txt"},
		{"dir/Phoenix.agents.txt", "agents", "dir/Phoenix.agents.txt"},
		{"x/discards.txt", "discards", "x/discards.txt"},
		{"MyIssues.txt", "issues", "MyIssues.txt"},
		{"local.txt", "actors", "local.txt"},
		{"verbs=local.txt", "verbs", "local.txt"},
		{"actors=my.verbs.txt", "actors", "my.verbs.txt"},
		{"a=b.txt", "actors", "a=b.txt"},
	}
	for _, tt := range tests {
		k, p := guessDictKind(tt.arg)
		if k != tt.kind || p != tt.path {
			t.Errorf("guessDictKind(%q) = %q, %q; want %q, %q", tt.arg, k, p, tt.kind, tt.path)
		}
	}
}

// TestCodeDicts checks that the shipped dictionaries load and that a user
// file is layered on top of them.
func TestCodeDicts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(path, []byte("FROBNIA [FRB]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, fsys, err := codeDicts([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(files.Actors); n != 7 || files.Actors[6] != "mine.txt" { // 3 Phoenix files, actors.fixes.txt, actors.factbook.txt, actors.news.txt, the user file
		t.Fatalf("Actors = %v", files.Actors)
	}
	if b, err := fs.ReadFile(fsys, "mine.txt"); err != nil || string(b) != "FROBNIA [FRB]\n" {
		t.Fatalf("user file through the overlay: %q, %v", b, err)
	}
	if b, err := fs.ReadFile(fsys, "CAMEO.2.0.txt"); err != nil || !bytes.Contains(b, []byte("---")) {
		t.Fatalf("shipped verbs through the overlay: %d bytes, %v", len(b), err)
	}
	d, err := dict.Load(fsys, files)
	if d == nil || d.Actors.Len() < 1000 {
		t.Fatalf("Load: %v actors, err %v", d, err)
	}
	// Problems in the shipped files are not reported; those in user files are.
	if err := userDictErrors(err, fsys.top); err != nil {
		t.Errorf("user file problems: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.actors.txt")
	if err := os.WriteFile(bad, []byte("FROBNIA [FRB >20201301]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, fsys, _ = codeDicts([]string{bad})
	_, err = dict.Load(fsys, files)
	if err := userDictErrors(err, fsys.top); err == nil || !strings.Contains(err.Error(), "bad.actors.txt:1") {
		t.Errorf("user file problem not reported: %v", err)
	}
	if _, _, err := codeDicts([]string{filepath.Join(t.TempDir(), "absent.txt")}); err == nil {
		t.Error("absent --dict file accepted")
	}
	if !slices.Equal(files.Verbs, []string{"CAMEO.2.0.txt", "verbs.fixes.txt", "verbs.supplement.txt", "verbs.news.txt"}) {
		t.Errorf("Verbs = %v", files.Verbs)
	}
}

func TestCodeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("Arnor praised Gondor.")}
	if err := m.Run(context.Background(), []string{"code"}); err != errUsage {
		t.Errorf("no argument: err = %v", err)
	}
	if err := m.Run(context.Background(), []string{"code", "-", "--date", "23/12/2016"}); err != errUsage {
		t.Errorf("bad date: err = %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout on usage errors: %q", out.String())
	}
}

// conlluParser is a stand-in for the English pipeline: it gives the Doc
// the hand-written parse of its text.
type conlluParser map[string]string

func (p conlluParser) Annotate(ctx context.Context, d *text.Doc) error {
	parse, ok := p[d.Text]
	if !ok {
		return fmt.Errorf("no parse for %q", d.Text)
	}
	r := petrarch.Record{Text: d.Text, Parse: parse, ParseKind: petrarch.UDParse}
	nd, unaligned, err := r.Doc()
	if err != nil || unaligned > 0 {
		return fmt.Errorf("parse does not fit %q: %v", d.Text, err)
	}
	*d = *nd
	return nil
}

// TestCodePage runs extract → (stand-in parser) → coder with the shipped
// dictionaries, the codebook and the factuality model, and a user actor
// file on top. The stand-in parse carries the morphology the real parser
// gives, which the factuality model reads (without Tense=Past it doubts
// "praised" happened).
func TestCodePage(t *testing.T) {
	const parse = "1\t%s\t%s\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tpraised\tpraise\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n" +
		"3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
	parser := conlluParser{
		"Russia praised Ukraine.":  fmt.Sprintf(parse, "Russia", "Russia"),
		"Frobnia praised Ukraine.": fmt.Sprintf(parse, "Frobnia", "Frobnia"),
	}
	user := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(user, []byte("FROBNIA [FRB]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := newEventCoder(io.Discard, []string{user}, "")
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2016, 12, 23, 0, 0, 0, 0, time.UTC)
	// Expected values: ACCLAIM/PRAISE is [051] in CAMEO.2.0.txt; RUSSIA is
	// [RUS] and UKRAINE [UKR] in Phoenix.Countries.actors.txt; 051 is
	// SUPPORT, quad class 1, Goldstein 3.4 in the codebook.
	for _, tc := range []struct{ text, source string }{
		{"Russia praised Ukraine.", "RUS"},
		{"Frobnia praised Ukraine.", "FRB"},
	} {
		t.Run(tc.source, func(t *testing.T) {
			page := &eventwire.Page{URL: "file:///t.txt", Body: []byte(tc.text), ContentType: "text/plain"}
			var stderr bytes.Buffer
			out, err := codePage(context.Background(), &stderr, page, date, parser, c, codeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if out.Article.Text != tc.text || out.Quotes == nil || out.Places == nil {
				t.Fatalf("article %q, quotes %v, places %v", out.Article.Text, out.Quotes, out.Places)
			}
			if len(out.Events) != 1 {
				t.Fatalf("events %+v", out.Events)
			}
			e := out.Events[0]
			if e.CAMEO != "051" || e.Source.Code != tc.source || e.Target.Code != "UKR" ||
				e.PLOVER != "SUPPORT" || e.QuadClass != 1 || e.Goldstein != 3.4 {
				t.Errorf("event %+v", e)
			}
			if got := tc.text[e.Evidence.Verb.Start:e.Evidence.Verb.End]; got != "praised" {
				t.Errorf("verb evidence %q", got)
			}
			if stderr.Len() != 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
		})
	}
}

// TestCodeCommand runs the command end to end with the embedded parser on a
// sentence whose coding is worked out by hand (see TestCodePage).
func TestCodeCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("Russia praised Ukraine on Monday.\n")}
	if err := m.Run(context.Background(), []string{"code", "-", "--date", "2016-12-23"}); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	var got struct {
		Article struct{ Text string }
		Events  []struct {
			CAMEO, PLOVER string
			Source        struct{ Code string }
			Target        struct{ Code string }
			Date          string
		}
		Quotes, Places []any
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out.String())
	}
	if got.Article.Text != "Russia praised Ukraine on Monday." || got.Quotes == nil || got.Places == nil {
		t.Errorf("article %q quotes %v places %v", got.Article.Text, got.Quotes, got.Places)
	}
	if len(got.Events) != 1 || got.Events[0].CAMEO != "051" || got.Events[0].PLOVER != "SUPPORT" ||
		got.Events[0].Source.Code != "RUS" || got.Events[0].Target.Code != "UKR" {
		t.Errorf("events %+v", got.Events)
	}
	if strings.Contains(errb.String(), "note: the article has no date") {
		t.Errorf("--date ignored: %s", errb.String())
	}
}

// TestCodeUTF16 codes a UTF-16 file without a byte-order mark (from a
// Windows tool, say) and the same text on standard input: both are
// converted, not refused as binary; random bytes are refused.
func TestCodeUTF16(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	const sentence = "Russia praised Ukraine on Monday.\n"
	var u16 []byte
	for _, r := range sentence { // UTF-16LE, ASCII only
		u16 = append(u16, byte(r), 0)
	}
	path := filepath.Join(t.TempDir(), "utf16.txt")
	if err := os.WriteFile(path, u16, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"code", path}, {"code", "-"}} {
		var out, errb bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &errb, Stdin: bytes.NewReader(u16)}
		if err := m.Run(context.Background(), append(args, "--date", "2016-12-23")); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		var got struct {
			Article struct{ Text string }
			Events  []struct{ CAMEO string }
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if got.Article.Text != strings.TrimSpace(sentence) || len(got.Events) != 1 || got.Events[0].CAMEO != "051" {
			t.Errorf("%v: text %q events %+v", args, got.Article.Text, got.Events)
		}
	}
	noise := make([]byte, 3000)
	for i := range noise {
		noise[i] = byte(i*7919 + i/3)
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Stdin: bytes.NewReader(noise)}
	if err := m.Run(context.Background(), []string{"code", "-"}); err == nil || !errors.Is(err, eventwire.ErrUnsupported) {
		t.Errorf("binary input: err = %v, want ErrUnsupported", err)
	}
}
