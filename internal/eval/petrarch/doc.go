package petrarch

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/text"
	"github.com/eventwire/eventwire/text/conllu"
)

// ErrNoUDParse is returned by Doc for a record whose <Parse> is not CoNLL-U.
var ErrNoUDParse = errors.New("record has no UD (CoNLL-U) parse")

// alignWindow bounds how far ahead of the current position Doc looks for a
// word the parser saw but the Text does not have at that point (the parse
// of PATTERN_19 was made from a text without "and the").
const alignWindow = 64

// Doc builds a text.Doc from the record's UD parse: Doc.Text is the record's
// normalised Text, tokens carry byte offsets into it, and UPOS, XPOS,
// features, lemmas, heads and relations come from the parse. Several
// sentences in the parse (blank-line separated) become several Doc.Sents.
//
// Words are aligned to the text in order. A word found with a different
// spelling (-LRB- for "(", ” for a curly quote) keeps its parse form in
// Token.Form. A word not found within a short window ahead is given an empty
// span at the current position and its Form; unaligned counts them, so the
// caller can report records whose parse does not match their text.
func (r *Record) Doc() (d *text.Doc, unaligned int, err error) {
	if r.ParseKind != UDParse {
		return nil, 0, ErrNoUDParse
	}
	d = &text.Doc{Text: r.Text}
	rd := conllu.NewReader(strings.NewReader(r.Parse))
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("parse: %w", err)
		}
		base := int32(len(d.Tokens))
		for _, m := range s.Doc.MWTs {
			d.MWTs = append(d.MWTs, text.Span{Start: m.Start + base, End: m.End + base})
		}
		for _, t := range s.Doc.Tokens {
			if t.Head >= 0 {
				t.Head += base
			}
			d.Tokens = append(d.Tokens, t)
		}
		d.Sents = append(d.Sents, text.Span{Start: base, End: int32(len(d.Tokens))})
		d.Attrs |= s.Doc.Attrs
		// Re-anchor the sentence's tokens, which conllu laid out in a text of
		// its own, onto the record's text.
		unaligned += realign(d, s.Doc, base)
	}
	if len(d.Tokens) == 0 {
		return nil, 0, errors.New("parse: no words")
	}
	return d, unaligned, nil
}

// cursor is the alignment position in the record text; it lives across
// sentences, so realign keeps it on the Doc: the end of the last aligned
// token of the previous sentence.
func cursor(d *text.Doc, base int32) int {
	for i := base - 1; i >= 0; i-- {
		if e := int(d.Tokens[i].End); e > 0 {
			return e
		}
	}
	return 0
}

// realign sets d.Tokens[base:] offsets into d.Text from the sentence doc sd
// and returns how many surface tokens could not be placed.
func realign(d *text.Doc, sd *text.Doc, base int32) int {
	pos := cursor(d, base)
	missing := 0
	n := len(sd.Tokens)
	mwt := 0
	for i := 0; i < n; {
		// A surface unit: one word, or the words of a multi-word token.
		j := i + 1
		if mwt < len(sd.MWTs) && int(sd.MWTs[mwt].Start) == i {
			j = int(sd.MWTs[mwt].End)
			mwt++
		}
		first, last := sd.Tokens[i], sd.Tokens[j-1]
		surface := sd.Text[first.Start:last.End]
		at, length := find(d.Text, pos, surface)
		for k := i; k < j; k++ {
			t := &d.Tokens[int(base)+k]
			form := sd.Form(k)
			switch {
			case at < 0:
				t.Start, t.End, t.Form = int32(pos), int32(pos), form
			case length == len(surface):
				// Same spelling: shift the unit's offsets as a block.
				delta := int32(at) - first.Start
				t.Start += delta
				t.End += delta
			default:
				// Different spelling: the unit's words share its span.
				t.Start, t.End, t.Form = int32(at), int32(at+length), form
			}
			if t.Form == d.Text[t.Start:t.End] {
				t.Form = ""
			}
		}
		if at < 0 {
			missing++
		} else {
			pos = at + length
		}
		i = j
	}
	return missing
}

// find looks for form in s at pos (after spaces) or, failing that, within
// alignWindow bytes ahead, trying the spellings a parser may have normalised.
// It returns the position and length of the match, or -1.
func find(s string, pos int, form string) (int, int) {
	for pos < len(s) && s[pos] == ' ' {
		pos++
	}
	vs := variants(form)
	for _, v := range vs {
		if strings.HasPrefix(s[pos:], v) {
			return pos, len(v)
		}
	}
	end := min(len(s), pos+alignWindow+len(form))
	best, blen := -1, 0
	for _, v := range vs {
		if k := strings.Index(s[pos:end], v); k >= 0 && (best < 0 || pos+k < best) {
			best, blen = pos+k, len(v)
		}
	}
	return best, blen
}

// variants returns form and the spellings a text may have for it.
func variants(form string) []string {
	switch form {
	case "-LRB-":
		return []string{"(", "["}
	case "-RRB-":
		return []string{")", "]"}
	case "-LSB-":
		return []string{"["}
	case "-RSB-":
		return []string{"]"}
	case "-LCB-":
		return []string{"{"}
	case "-RCB-":
		return []string{"}"}
	case "``", "''", `"`:
		return []string{form, `"`, "\u201c", "\u201d", "``", "''"}
	case "`", "'":
		return []string{form, "'", "\u2018", "\u2019", "`"}
	case "--":
		return []string{"--", "\u2014", "\u2013"}
	}
	if strings.ContainsAny(form, "'") {
		return []string{form, strings.ReplaceAll(form, "'", "\u2019")}
	}
	return []string{form}
}
