package gold

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/eval/events"
	"github.com/eventwire/eventwire/text"
)

// The splits of the gold standard. Test is held out: it is scored to report
// figures, and nothing is tuned on it.
const (
	Dev  = "dev"
	Test = "test"
	// All names both splits where a split is asked for.
	All = "all"
)

// MaxArticleBytes bounds one line of articles.jsonl (and so one article).
const MaxArticleBytes = 16 << 20

// Article is one article of the gold standard.
type Article struct {
	ID    string
	Split string // Dev or Test
	URL   string
	Title string
	// Published is the article's date, YYYY-MM-DD; the coder takes dated
	// actor roles from it.
	Published string
	Text      string
	// Sentences are the byte spans [Start, End) in Text of the annotated
	// sentences, increasing and not overlapping. Annotation lines name a
	// sentence by its index here, from 0. They are the sentences as
	// eventwire's splitter cut them when the articles were annotated, not
	// necessarily as it cuts them today.
	Sentences []text.Span
	// Line is the article's line in its file.
	Line int
}

// SentText returns the text of sentence i, "" when i is out of range.
func (a *Article) SentText(i int) string {
	if i < 0 || i >= len(a.Sentences) {
		return ""
	}
	sp := a.Sentences[i]
	if sp.Start < 0 || sp.Start > sp.End || int(sp.End) > len(a.Text) {
		return ""
	}
	return a.Text[sp.Start:sp.End]
}

// SentenceAt returns the index of the sentence whose span holds byte offset
// off, or -1 when none does (off is between sentences or outside the text).
func (a *Article) SentenceAt(off int) int {
	i := sort.Search(len(a.Sentences), func(i int) bool { return int(a.Sentences[i].End) > off })
	if i < len(a.Sentences) && int(a.Sentences[i].Start) <= off {
		return i
	}
	return -1
}

// Articles are the articles of a gold standard, in file order.
type Articles struct {
	Name string
	List []*Article
	byID map[string]*Article
}

// Article returns the article with the id, or nil.
func (s *Articles) Article(id string) *Article {
	if s == nil {
		return nil
	}
	return s.byID[id]
}

// Split returns the articles of a split (Dev, Test, or All for every
// article), in file order.
func (s *Articles) Split(split string) []*Article {
	if s == nil {
		return nil
	}
	if split == All {
		return s.List
	}
	var out []*Article
	for _, a := range s.List {
		if a.Split == split {
			out = append(out, a)
		}
	}
	return out
}

// Sentences counts the sentences of arts.
func Sentences(arts []*Article) int {
	n := 0
	for _, a := range arts {
		n += len(a.Sentences)
	}
	return n
}

// ReadArticlesFile reads an articles.jsonl file. A file that does not exist
// gives an error wrapping fs.ErrNotExist.
func ReadArticlesFile(path string) (*Articles, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadArticles(fh, path)
}

// articleRecord is a line of articles.jsonl as written.
type articleRecord struct {
	ID        string  `json:"id"`
	Split     string  `json:"split"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Text      string  `json:"text"`
	Sentences [][]int `json:"sentences"`
}

// ReadArticles reads articles, one JSON object a line with the fields id,
// split (dev or test), url, title, published (YYYY-MM-DD, may be empty),
// text and sentences, a list of [start, end) byte spans in text; name is
// used in error messages. Empty lines are skipped.
//
// Every problem is reported in an events.ErrorList with file:line: a line
// that is not a JSON object, an empty or repeated id, a split other than
// dev and test, an unreadable date, an empty text, no sentences, and spans
// that are not pairs, fall outside the text, are empty, overlap or go
// backwards, or cut a UTF-8 character. An article with a problem is left
// out; the others are returned in any case. A line longer than
// MaxArticleBytes ends the reading.
func ReadArticles(r io.Reader, name string) (*Articles, error) {
	s := &Articles{Name: name, byID: map[string]*Article{}}
	var errs events.ErrorList
	add := func(line int, format string, args ...any) {
		errs = append(errs, &events.Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxArticleBytes)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var rec articleRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			add(n, "not a JSON article: %v", err)
			continue
		}
		probs := checkArticle(&rec)
		if rec.ID != "" {
			if prev := s.byID[rec.ID]; prev != nil {
				probs = append(probs, fmt.Sprintf("id %q already used at line %d", rec.ID, prev.Line))
			}
		}
		for _, p := range probs {
			add(n, "%s", p)
		}
		if len(probs) > 0 {
			continue
		}
		a := &Article{ID: rec.ID, Split: rec.Split, URL: rec.URL, Title: rec.Title, Published: rec.Published, Text: rec.Text, Line: n}
		a.Sentences = make([]text.Span, len(rec.Sentences))
		for i, sp := range rec.Sentences {
			a.Sentences[i] = text.Span{Start: int32(sp[0]), End: int32(sp[1])}
		}
		s.byID[a.ID] = a
		s.List = append(s.List, a)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			add(n+1, "line longer than %d bytes; the rest of the file is not read", MaxArticleBytes)
		} else {
			return s, fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
	}
	return s, errs.Err()
}

// checkArticle lists what is wrong with a record.
func checkArticle(rec *articleRecord) []string {
	var probs []string
	if rec.ID == "" {
		probs = append(probs, "article without an id")
	}
	id := rec.ID
	if rec.Split != Dev && rec.Split != Test {
		probs = append(probs, fmt.Sprintf("article %q: split %q, want dev or test", id, rec.Split))
	}
	if rec.Published != "" {
		if _, err := time.Parse("2006-01-02", rec.Published[:min(10, len(rec.Published))]); err != nil {
			probs = append(probs, fmt.Sprintf("article %q: published %q is not a YYYY-MM-DD date", id, rec.Published))
		}
	}
	if rec.Text == "" {
		probs = append(probs, fmt.Sprintf("article %q without text", id))
	}
	if len(rec.Sentences) == 0 {
		probs = append(probs, fmt.Sprintf("article %q without sentences", id))
	}
	prevEnd := 0
	for i, sp := range rec.Sentences {
		if len(sp) != 2 {
			probs = append(probs, fmt.Sprintf("article %q: sentence %d: %d numbers, want [start, end]", id, i, len(sp)))
			continue
		}
		start, end := sp[0], sp[1]
		switch {
		case start < 0 || end > len(rec.Text) || start >= end:
			probs = append(probs, fmt.Sprintf("article %q: sentence %d: span [%d, %d) is empty or outside the text (%d bytes)", id, i, start, end, len(rec.Text)))
			continue
		case start < prevEnd:
			probs = append(probs, fmt.Sprintf("article %q: sentence %d: span [%d, %d) starts before the previous sentence ends (%d)", id, i, start, end, prevEnd))
		case !utf8.ValidString(rec.Text[start:end]) || !runeStart(rec.Text, start) || !runeStart(rec.Text, end):
			probs = append(probs, fmt.Sprintf("article %q: sentence %d: span [%d, %d) is not whole UTF-8 characters", id, i, start, end))
		}
		prevEnd = end
	}
	return probs
}

// runeStart reports whether byte offset i of s starts a character (or is
// the end of s).
func runeStart(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
