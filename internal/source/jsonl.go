package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// JSONLRecord is one line of a JSON Lines article dump, the shape of the
// Wikinews corpus: the text is the article body, already clean.
type JSONLRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// JSONL reads a JSON Lines file (plain or gzip), one article per line. Each
// line becomes a page whose body is its html field if present, else its text
// (as text/plain), with the title and date as hints. A bad line is an
// *eventwire.ItemError naming path:line; the source goes on.
type JSONL struct {
	path string
	f    *os.File
	cr   *countingReader
	zr   *gzip.Reader
	br   *bufio.Reader
	line int
	size int64
	opts Options
	done bool
}

// OpenJSONL opens a JSON Lines file.
func OpenJSONL(path string, opts Options) (*JSONL, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	j := &JSONL{path: path, f: f, opts: opts}
	if fi, err := f.Stat(); err == nil {
		j.size = fi.Size()
	}
	j.cr = &countingReader{r: f}
	br := bufio.NewReaderSize(j.cr, 64<<10)
	if magic, _ := br.Peek(2); isGzip(magic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("gzip: %w", err)
		}
		j.zr = zr
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	j.br = br
	return j, nil
}

// NewJSONL reads JSON Lines from r (not compressed); name is used in page
// URLs of lines without one and in errors.
func NewJSONL(r io.Reader, name string, opts Options) *JSONL {
	return &JSONL{path: name, br: bufio.NewReaderSize(r, 64<<10), opts: opts, cr: &countingReader{}}
}

// readLine returns the next line without its newline, bounded by max:
// a longer line is consumed and reported as ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(frag)) > max+1 {
				tooLong = true
				line = nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && (err != io.EOF || (len(line) == 0 && !tooLong)) {
			return nil, err
		}
		if tooLong {
			return nil, fmt.Errorf("%w: line longer than %d bytes", eventwire.ErrTooLarge, max)
		}
		return bytes.TrimRight(line, "\r\n"), nil
	}
}

// Next returns the page of the next non-blank line.
func (j *JSONL) Next(ctx context.Context) (*eventwire.Page, error) {
	for {
		if j.done {
			return nil, io.EOF
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line, err := readLine(j.br, j.opts.Limits.maxBytes())
		j.line++
		item := fmt.Sprintf("%s:%d", j.path, j.line)
		if err == io.EOF {
			j.done = true
			return nil, io.EOF
		}
		if err != nil {
			if errors.Is(err, eventwire.ErrTooLarge) {
				return nil, &eventwire.ItemError{Op: "read", Item: item, Err: err}
			}
			// A read error (truncated gzip) ends the file.
			j.done = true
			return nil, &eventwire.ItemError{Op: "read", Item: item, Err: err}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		p, err := j.page(line)
		if err != nil {
			return nil, &eventwire.ItemError{Op: "read", Item: item, Err: err}
		}
		return p, nil
	}
}

// ParseJSONLRecord turns one JSON line into a page; name and line make the
// URL of a record without one.
func ParseJSONLRecord(line []byte, name string, lineNo int, fetched time.Time) (*eventwire.Page, error) {
	var rec JSONLRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("%w: %v", eventwire.ErrInvalid, err)
	}
	p := &eventwire.Page{
		URL:       strings.TrimSpace(rec.URL),
		FetchedAt: fetched,
		Origin:    "jsonl:" + name,
		Hints: eventwire.PageHints{
			Title:     strings.TrimSpace(rec.Title),
			Published: strings.TrimSpace(rec.Published),
			Language:  strings.TrimSpace(rec.Language),
		},
	}
	switch {
	case strings.TrimSpace(rec.HTML) != "":
		p.Body = []byte(rec.HTML)
		p.ContentType = "text/html; charset=utf-8"
	case strings.TrimSpace(rec.Text) != "":
		p.Body = []byte(rec.Text)
		p.ContentType = "text/plain; charset=utf-8"
	default:
		return nil, fmt.Errorf("%w: record has no text or html", eventwire.ErrNoContent)
	}
	if p.URL == "" {
		id := rec.ID
		if id == "" {
			id = fmt.Sprintf("L%d", lineNo)
		}
		p.URL = resolvedFileURL(name) + "#" + id
	}
	return p, nil
}

func (j *JSONL) page(line []byte) (*eventwire.Page, error) {
	return ParseJSONLRecord(line, j.path, j.line, j.opts.now().UTC())
}

// Progress reports compressed bytes read of the file's size.
func (j *JSONL) Progress() (done, total int64, unit string) {
	if j.size == 0 {
		return -1, -1, ""
	}
	return j.cr.n, j.size, "bytes"
}

// Close closes the file.
func (j *JSONL) Close() error {
	j.done = true
	if j.f != nil {
		err := j.f.Close()
		j.f = nil
		return err
	}
	return nil
}
