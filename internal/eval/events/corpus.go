package events

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Article is one record of a Wikinews-style JSONL corpus. Text is clean
// article text (no extraction needed); Published is the article's date
// (YYYY-MM-DD), used for dated actor roles.
type Article struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// MaxArticleBytes bounds one JSONL record.
const MaxArticleBytes = 16 << 20

// MaxCorpusBytes bounds a corpus after decompression.
const MaxCorpusBytes = 1 << 30

// ReadCorpusFile reads a JSONL corpus, gzip-compressed when the name ends
// in .gz. A file that does not exist gives an error wrapping
// fs.ErrNotExist that names the path.
func ReadCorpusFile(path string) ([]Article, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var r io.Reader = fh
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return ReadCorpus(r, path)
}

// ReadCorpus reads JSONL records, one article a line; name is used in
// error messages. Records without an id or text, duplicate ids and lines
// that are not JSON objects are reported in an ErrorList with file:line
// and skipped; the articles that could be read are returned in any case.
func ReadCorpus(r io.Reader, name string) ([]Article, error) {
	var out []Article
	var errs ErrorList
	seen := map[string]int{}
	br := bufio.NewReader(io.LimitReader(r, MaxCorpusBytes+1))
	total := 0
	for n := 1; ; n++ {
		line, err := readLine(br, MaxArticleBytes)
		total += len(line) + 1
		if total > MaxCorpusBytes+1 {
			errs.Add(name, n, "corpus larger than %d bytes; the rest is not read", MaxCorpusBytes)
			break
		}
		if errors.Is(err, io.EOF) && line == nil {
			break
		}
		if errors.Is(err, errLineTooLong) {
			errs.Add(name, n, "record longer than %d bytes", MaxArticleBytes)
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return out, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var a Article
		if err := json.Unmarshal(line, &a); err != nil {
			errs.Add(name, n, "not a JSON object: %v", err)
			continue
		}
		switch {
		case a.ID == "":
			errs.Add(name, n, "record without an id")
			continue
		case a.Text == "":
			errs.Add(name, n, "record %q without text", a.ID)
			continue
		}
		if prev, ok := seen[a.ID]; ok {
			errs.Add(name, n, "id %q already used at line %d", a.ID, prev)
			continue
		}
		seen[a.ID] = n
		out = append(out, a)
	}
	return out, errs.Err()
}
