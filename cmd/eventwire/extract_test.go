package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestExtractCommand runs "eventwire extract" on a good text file, a
// gzipped HTML file, standard input, a missing file and a binary file: the
// good inputs print one JSON object each, the bad ones an error line each,
// and the command ends with errFailures.
func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join("..", "..", "testdata", "samples", "rferl-2016-12-23-aleppo.txt")
	html, err := os.ReadFile(filepath.Join("..", "..", "extract", "testdata", "golden", "ap-dateline.html"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(html)
	zw.Close()
	gzPath := filepath.Join(dir, "story.html.gz")
	binPath := filepath.Join(dir, "photo.png")
	if err := os.WriteFile(gzPath, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(binPath, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), 0o644); err != nil {
		t.Fatal(err)
	}

	var out, errb bytes.Buffer
	stdin := "Council Approves Budget\n\nThe city council approved next year's budget on Tuesday after a long debate.\n"
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	err = m.Run(context.Background(), []string{"extract", sample, filepath.Join(dir, "missing.txt"), gzPath, binPath, "-"})
	if !errors.Is(err, errFailures) {
		t.Fatalf("err = %v, want errFailures; stderr:\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want 3:\n%s", len(lines), out.String())
	}
	var arts []eventwire.Article
	for _, l := range lines {
		var a eventwire.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		arts = append(arts, a)
	}
	if arts[0].Title != "Putin, Assad Say Aleppo Takeover Makes Conditions Ripe For Peace" || len(arts[0].Credits) != 5 {
		t.Errorf("sample: title %q credits %q", arts[0].Title, arts[0].Credits)
	}
	if arts[1].Dateline != "HANOI, Vietnam" || !strings.HasPrefix(arts[1].URL, "file://") {
		t.Errorf("gzipped html: dateline %q url %q", arts[1].Dateline, arts[1].URL)
	}
	if arts[2].Title != "Council Approves Budget" || arts[2].URL != "stdin" {
		t.Errorf("stdin: title %q url %q", arts[2].Title, arts[2].URL)
	}
	// Paragraph spans are [start,end] arrays.
	if !strings.Contains(lines[2], `"paragraphs":[[0,`) {
		t.Errorf("paragraphs not written as arrays: %s", lines[2])
	}
	stderr := errb.String()
	for _, want := range []string{"missing.txt", "photo.png", "2 of 5 inputs failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestExtractUsage(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(context.Background(), []string{"extract"}); !errors.Is(err, errUsage) {
		t.Fatalf("no arguments: err = %v, want errUsage", err)
	}
}

func TestEvalExtractMissingData(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	dir := filepath.Join(t.TempDir(), "no-such-dir")
	err := m.Run(context.Background(), []string{"eval", "extract", "--data", dir})
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("err = %v, want an error naming %s", err, dir)
	}
	if err := m.Run(context.Background(), []string{"eval", "extract", "--data", dir, "--system", "nope"}); !errors.Is(err, errUsage) {
		t.Fatalf("unknown system: err = %v, want errUsage", err)
	}
}

// TestEvalExtractSmall runs the eval command on a two-page benchmark built
// here, and checks the row per system and the last line's format.
func TestEvalExtractSmall(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(filepath.Join("..", "..", "extract", "testdata", "golden", "ap-dateline.html"))
	if err != nil {
		t.Fatal(err)
	}
	body := "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion and intimidation against smaller Asian nations to advance its strategic interests in the region.\n\n" +
		"Esper told an audience in Hanoi that Beijing was trying to intimidate its neighbours in the South China Sea, where several countries have competing claims to islands and reefs.\n\n" +
		"He met several top government officials and paid a visit to the city's Hoa Lo prison, dubbed the \"Hanoi Hilton\" by American servicemen held there during the Vietnam War."
	truth := map[string]map[string]string{}
	for _, id := range []string{"aa", "bb"} {
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(html)
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), gz.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		truth[id] = map[string]string{"articleBody": body, "url": "https://example.com/" + id}
	}
	b, _ := json.Marshal(truth)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if err := m.Run(context.Background(), []string{"eval", "extract", "--data", dir, "--passes", "1"}); err != nil {
		t.Fatalf("eval extract: %v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	// The fixture's article is extracted exactly by the news layer.
	if !strings.HasPrefix(last, "F1 1.000 P 1.000 R 1.000 accuracy 1.000 pages/s ") {
		t.Errorf("last line = %q\n%s", last, out.String())
	}
	for _, sys := range []string{"readability", "trafilatura", "eventwire"} {
		if !strings.Contains(out.String(), "\n"+sys+" ") {
			t.Errorf("no row for %s:\n%s", sys, out.String())
		}
	}
}
