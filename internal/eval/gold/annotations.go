package gold

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/internal/eval/events"
)

// Columns are the fields of an annotation line, in order.
var Columns = []string{"article_id", "sent", "cameo", "source_code", "target_code", "source_text", "trigger", "target_text", "note"}

// None is the cameo field of a line saying that its sentence has no event.
const None = "none"

// MaxLineBytes bounds one line of an annotation file.
const MaxLineBytes = 1 << 20

// Annotations are the events of an annotation file, by article.
type Annotations struct {
	Name string
	// events are each article's events, in file order.
	events map[string][]Event
	// none maps an article to the sentences with a "none" line, and each to
	// that line.
	none map[string]map[int]int
}

// Events returns the events annotated in an article, in file order
// (one-sided ones included).
func (an *Annotations) Events(id string) []Event {
	if an == nil {
		return nil
	}
	return an.events[id]
}

// Has reports whether the file has any line for the article.
func (an *Annotations) Has(id string) bool {
	if an == nil {
		return false
	}
	return len(an.events[id]) > 0 || len(an.none[id]) > 0
}

// Len counts the events of the file.
func (an *Annotations) Len() int {
	n := 0
	for _, evs := range an.events {
		n += len(evs)
	}
	return n
}

// ReadAnnotationsFile reads an annotation file against the articles. A
// file that does not exist gives an error wrapping fs.ErrNotExist.
func ReadAnnotationsFile(path string, arts *Articles) (*Annotations, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadAnnotations(fh, path, arts)
}

// ReadAnnotations reads an annotation file of the articles arts; name is
// used in error messages.
//
// Format (docs/gold-guideline.md section 5): UTF-8 text, one event a line,
// tab-separated fields in the order of Columns:
//
//	article_id  sent  cameo  source_code  target_code  source_text  trigger  target_text  note
//
// or, for a sentence without events, "article_id  sent  none" (a note may
// follow in the ninth field). Empty lines, lines starting with # and a
// header line whose first field is "article_id" are skipped. Fields are
// taken as written, without escapes, and trimmed of surrounding spaces;
// trailing empty fields may be left out (an event line has five fields at
// least). sent is the index of the sentence in the article's Sentences,
// from 0. cameo is a code of cameo.Default() ("190", "0213"; "19" is the
// root). Actor codes are upper-case letters in groups of three, the first
// of which may be "---" ("USAGOV", "---CVL", "IGOUNOHLHWHO"); the target
// code may be "-" or empty for an event without a target, counted apart.
// source_text, trigger and target_text may be empty; when not, each must
// occur in the sentence exactly as written.
//
// Every problem is reported in an events.ErrorList with file:line: too few
// or too many fields, an unknown article, a sentence index that is not a
// number or not a sentence of the article, an unknown CAMEO code, a
// malformed actor code, a text not in the sentence, an event line repeated
// exactly, a second none line for a sentence and a sentence with both none
// and events; and, with the file's name only, each article with lines in
// which some sentences have none (listed). Articles without any line are
// not an error here (Has says which articles have lines). Bad lines are
// left out; the others are returned in any case.
func ReadAnnotations(r io.Reader, name string, arts *Articles) (*Annotations, error) {
	an := &Annotations{Name: name, events: map[string][]Event{}, none: map[string]map[int]int{}}
	var errs events.ErrorList
	add := func(line int, format string, args ...any) {
		errs = append(errs, &events.Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	book := cameo.Default()
	type lineKey struct {
		article string
		sent    int
		fields  string
	}
	seen := map[lineKey]int{}
	eventLine := map[string]map[int]int{} // article → sentence → first event line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	n := 0
	for sc.Scan() {
		n++
		s := strings.TrimSuffix(sc.Text(), "\r")
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if f[0] == Columns[0] {
			continue // a header
		}
		if len(f) < 3 || len(f) > len(Columns) {
			add(n, "%d tab-separated fields, want 3 (article_id, sent, none) or 5 to %d (%s)", len(f), len(Columns), strings.Join(Columns, ", "))
			continue
		}
		a := arts.Article(f[0])
		if a == nil {
			add(n, "article %q is not in %s", f[0], arts.Name)
			continue
		}
		sent, err := strconv.Atoi(f[1])
		if err != nil {
			add(n, "sent %q is not a number", f[1])
			continue
		}
		if sent < 0 || sent >= len(a.Sentences) {
			add(n, "sent %d: article %q has sentences 0 to %d", sent, a.ID, len(a.Sentences)-1)
			continue
		}
		fields := len(f)
		for len(f) < len(Columns) {
			f = append(f, "")
		}
		if strings.EqualFold(f[2], None) {
			if strings.Join(f[3:8], "") != "" {
				add(n, "a none line has codes or texts; write the sentence's events instead, or only the note after none (ninth field)")
				continue
			}
			if an.none[a.ID] == nil {
				an.none[a.ID] = map[int]int{}
			}
			if prev, ok := an.none[a.ID][sent]; ok {
				add(n, "sentence %d of %q is already none at line %d", sent, a.ID, prev)
				continue
			}
			an.none[a.ID][sent] = n
			continue
		}
		if fields < 5 {
			add(n, "an event line needs 5 fields at least (%s); %d here", strings.Join(Columns[:5], ", "), fields)
			continue
		}
		ev, probs := parseEvent(f, a, sent, book)
		if len(probs) > 0 {
			for _, p := range probs {
				add(n, "%s", p)
			}
			continue
		}
		k := lineKey{a.ID, sent, strings.Join(f[2:8], "\t")}
		if prev, ok := seen[k]; ok {
			add(n, "same event as line %d", prev)
			continue
		}
		seen[k] = n
		ev.Line = n
		an.events[a.ID] = append(an.events[a.ID], ev)
		if eventLine[a.ID] == nil {
			eventLine[a.ID] = map[int]int{}
		}
		if _, ok := eventLine[a.ID][sent]; !ok {
			eventLine[a.ID][sent] = n
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			add(n+1, "line longer than %d bytes; the rest of the file is not read", MaxLineBytes)
		} else {
			return an, fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
	}
	// A sentence with both none and events.
	for id, sents := range an.none {
		for sent, line := range sents {
			if ev, ok := eventLine[id][sent]; ok {
				add(line, "sentence %d of %q is none here but has an event at line %d", sent, id, ev)
			}
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	// Sentences without a line, in the articles that have lines.
	for _, a := range arts.List {
		if !an.Has(a.ID) {
			continue
		}
		var missing []int
		for i := range a.Sentences {
			_, none := an.none[a.ID][i]
			_, ev := eventLine[a.ID][i]
			if !none && !ev {
				missing = append(missing, i)
			}
		}
		if len(missing) > 0 {
			add(0, "article %q: no line for sentence %s (every sentence needs its events or none)", a.ID, ranges(missing))
		}
	}
	return an, errs.Err()
}

// parseEvent reads the fields of an event line (padded to len(Columns))
// of sentence sent of a; probs says what is wrong.
func parseEvent(f []string, a *Article, sent int, book *cameo.Codebook) (Event, []string) {
	ev := Event{
		Article: a.ID, Sent: sent, CAMEO: f[2], Source: f[3], Target: f[4],
		SourceText: f[5], Trigger: f[6], TargetText: f[7], Note: f[8],
	}
	var probs []string
	if _, ok := book.Lookup(ev.CAMEO); !ok || !isDigits(ev.CAMEO) {
		probs = append(probs, fmt.Sprintf("cameo %q is not a code of the CAMEO codebook (2 to 4 digits, as 190 or 0213; or none)", ev.CAMEO))
	}
	if msg := checkActor(ev.Source); msg != "" {
		probs = append(probs, "source_code "+msg)
	}
	if ev.Target != "-" && ev.Target != "" {
		if msg := checkActor(ev.Target); msg != "" {
			probs = append(probs, "target_code "+msg+` ("-" or empty: no target)`)
		}
	}
	for _, t := range []struct{ col, text string }{
		{"source_text", ev.SourceText},
		{"trigger", ev.Trigger},
		{"target_text", ev.TargetText},
	} {
		if t.text == "" {
			continue
		}
		if _, ok := locate(a, sent, t.text); !ok {
			probs = append(probs, fmt.Sprintf("%s %q does not occur in sentence %d: %q", t.col, t.text, sent, a.SentText(sent)))
		}
	}
	if len(probs) > 0 {
		return Event{}, probs
	}
	ev.SourceSpan, _ = locate(a, sent, ev.SourceText)
	ev.TriggerSpan, _ = locate(a, sent, ev.Trigger)
	ev.TargetSpan, _ = locate(a, sent, ev.TargetText)
	return ev, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// checkActor says what is wrong with an actor code, or "".
func checkActor(code string) string {
	switch {
	case code == "":
		return "is empty"
	case code != strings.ToUpper(code):
		return fmt.Sprintf("%q is not upper-case", code)
	case len(code)%3 != 0:
		return fmt.Sprintf("%q is not groups of three letters (USAGOV, ---CVL, IGOUNO)", code)
	}
	for i := 0; i < len(code); i += 3 {
		g := code[i : i+3]
		if i == 0 && g == "---" {
			continue
		}
		for j := 0; j < 3; j++ {
			if g[j] < 'A' || g[j] > 'Z' {
				return fmt.Sprintf("%q is not groups of three letters (USAGOV, ---CVL, IGOUNO)", code)
			}
		}
	}
	return ""
}

// ranges writes sorted integers as "1, 3-5, 9".
func ranges(xs []int) string {
	var b strings.Builder
	for i := 0; i < len(xs); {
		j := i
		for j+1 < len(xs) && xs[j+1] == xs[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if j > i {
			fmt.Fprintf(&b, "%d-%d", xs[i], xs[j])
		} else {
			fmt.Fprintf(&b, "%d", xs[i])
		}
		i = j + 1
	}
	return b.String()
}
