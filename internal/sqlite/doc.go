package sqlite

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/text"
)

// Stored Doc formats, recorded in docs.format. Both are read; new Docs are
// written in docFormatV2.
const (
	// docFormatV1 is the text.Doc as JSON, gzip-compressed.
	docFormatV1 = "json+gzip/v1"
	// docFormatV2 is the compact binary layout below, gzip-compressed: about
	// a fifth of v1's size and several times faster to decode, which is
	// what recoding a large database spends its time on.
	docFormatV2 = "bin+gzip/v2"
)

// The v2 layout, before gzip. Integers are varints (signed ones zigzag, as
// encoding/binary writes them); strings are a uvarint length and bytes.
//
//	"EWD2"
//	flags        uvarint: 1 = the text follows; 0 = the text is the article's
//	[text        string]
//	attrs        uvarint (text.Attr)
//	strings      uvarint count, then each string: the table that string
//	             fields point into
//	tokens       uvarint count n, then n values of each column in turn:
//	  start      varint, minus the previous token's start
//	  length     varint, End - Start
//	  form       uvarint string index + 1; 0 = "" (the usual case)
//	  upos       uvarint string index of the tag's name ("NOUN"; "_" for
//	             none): names, not enum values, so that reordering
//	             text.UPOS never changes what a stored Doc says
//	  xpos       uvarint string index
//	  feats      uvarint string index
//	  lemma      uvarint: 0 = the token's text, 1 = the token's text in
//	             lower case, k+2 = string k
//	  head       varint, Head - i (a root's -1 gives -1-i, out of any
//	             sentence's range, so it needs no flag)
//	  dep        uvarint string index
//	sents, mwts  uvarint count, then each span as varint Start minus the
//	             previous span's End, varint End - Start
//
// Columns rather than records put like values together, which gzip
// compresses best.
const docMagic = "EWD2"

// encodeDocV2 writes d in the v2 layout (uncompressed). articleText is the
// text of the story's article: when d.Text equals it, the text is not
// stored twice.
func encodeDocV2(d *text.Doc, articleText string) []byte {
	var b []byte
	b = append(b, docMagic...)
	if d.Text == articleText {
		b = binary.AppendUvarint(b, 0)
	} else {
		b = binary.AppendUvarint(b, 1)
		b = appendString(b, d.Text)
	}
	b = binary.AppendUvarint(b, uint64(d.Attrs))

	index := map[string]int{}
	var table []string
	intern := func(s string) uint64 {
		i, ok := index[s]
		if !ok {
			i = len(table)
			index[s] = i
			table = append(table, s)
		}
		return uint64(i)
	}
	n := len(d.Tokens)
	forms := make([]uint64, n)
	upos := make([]uint64, n)
	xpos := make([]uint64, n)
	feats := make([]uint64, n)
	lemmas := make([]uint64, n)
	deps := make([]uint64, n)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Form != "" {
			forms[i] = intern(t.Form) + 1
		}
		upos[i] = intern(t.UPOS.String())
		xpos[i] = intern(t.XPOS)
		feats[i] = intern(t.Feats)
		surface := tokenSurface(d, t)
		switch t.Lemma {
		case surface:
			lemmas[i] = 0
		case strings.ToLower(surface):
			lemmas[i] = 1
		default:
			lemmas[i] = intern(t.Lemma) + 2
		}
		deps[i] = intern(string(t.Dep))
	}
	b = binary.AppendUvarint(b, uint64(len(table)))
	for _, s := range table {
		b = appendString(b, s)
	}

	b = binary.AppendUvarint(b, uint64(n))
	prev := int32(0)
	for _, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.Start)-int64(prev))
		prev = t.Start
	}
	for _, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.End)-int64(t.Start))
	}
	for _, v := range forms {
		b = binary.AppendUvarint(b, v)
	}
	for _, col := range [][]uint64{upos, xpos, feats, lemmas} {
		for _, v := range col {
			b = binary.AppendUvarint(b, v)
		}
	}
	for i, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.Head)-int64(i))
	}
	for _, v := range deps {
		b = binary.AppendUvarint(b, v)
	}
	b = appendSpans(b, d.Sents)
	b = appendSpans(b, d.MWTs)
	return b
}

// tokenSurface is the token's form: Form when set, else its text.
func tokenSurface(d *text.Doc, t *text.Token) string {
	if t.Form != "" {
		return t.Form
	}
	if t.Start >= 0 && t.Start <= t.End && int(t.End) <= len(d.Text) {
		return d.Text[t.Start:t.End]
	}
	return ""
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendSpans(b []byte, spans []text.Span) []byte {
	b = binary.AppendUvarint(b, uint64(len(spans)))
	prev := int32(0)
	for _, sp := range spans {
		b = binary.AppendVarint(b, int64(sp.Start)-int64(prev))
		b = binary.AppendVarint(b, int64(sp.End)-int64(sp.Start))
		prev = sp.End
	}
	return b
}

// errDocCorrupt reports a stored Doc that does not decode.
var errDocCorrupt = errors.New("corrupt stored doc")

// docReader reads the v2 layout, remembering the first error; every read
// after an error returns zero values, so decoding never panics and never
// allocates more than the input can describe.
type docReader struct {
	b   []byte
	err error
}

func (r *docReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", errDocCorrupt, what)
	}
	r.b = nil
}

func (r *docReader) uvarint(what string) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *docReader) varint(what string) int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length that must not exceed the bytes left divided by
// the least each item takes.
func (r *docReader) count(what string, minBytes int) int {
	v := r.uvarint(what)
	if r.err != nil || v > uint64(len(r.b)/minBytes) {
		r.fail(what + " count")
		return 0
	}
	return int(v)
}

func (r *docReader) string(what string) string {
	n := r.uvarint(what)
	if r.err != nil || n > uint64(len(r.b)) {
		r.fail(what)
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// int32 reads a varint that must fit an int32 once added to base.
func (r *docReader) int32(what string, base int64) int32 {
	v := r.varint(what) + base
	if v < -1<<31 || v > 1<<31-1 {
		r.fail(what)
		return 0
	}
	return int32(v)
}

func (r *docReader) spans(what string) []text.Span {
	n := r.count(what, 2)
	if n == 0 {
		return nil
	}
	out := make([]text.Span, n)
	prev := int64(0)
	for i := range out {
		start := r.int32(what, prev)
		end := r.int32(what, int64(start))
		out[i] = text.Span{Start: start, End: end}
		prev = int64(end)
	}
	return out
}

// decodeDocV2 reads the v2 layout (uncompressed); articleText is the text
// of the story's article, used when the Doc did not store its own. It
// checks what it needs to index safely (string indices, token offsets
// inside the text); the structural checks of text.Doc.Validate are the
// Doc's users' to make.
func decodeDocV2(b []byte, articleText string) (*text.Doc, error) {
	if !bytes.HasPrefix(b, []byte(docMagic)) {
		return nil, fmt.Errorf("%w: no %s header", errDocCorrupt, docMagic)
	}
	r := &docReader{b: b[len(docMagic):]}
	d := &text.Doc{}
	switch r.uvarint("flags") {
	case 0:
		d.Text = articleText
	case 1:
		d.Text = r.string("text")
	default:
		r.fail("flags")
	}
	d.Attrs = text.Attr(r.uvarint("attrs"))
	table := make([]string, r.count("strings", 1))
	for i := range table {
		table[i] = r.string("string")
	}
	str := func(v uint64, what string) string {
		if v >= uint64(len(table)) {
			r.fail(what + " index")
			return ""
		}
		return table[v]
	}
	// Each token takes at least 9 bytes: one per column.
	n := r.count("tokens", 9)
	if n > 0 {
		d.Tokens = make([]text.Token, n)
	}
	toks := d.Tokens
	prev := int64(0)
	for i := range toks {
		toks[i].Start = r.int32("token start", prev)
		prev = int64(toks[i].Start)
	}
	for i := range toks {
		toks[i].End = r.int32("token length", int64(toks[i].Start))
		if t := toks[i]; r.err == nil && (t.Start < 0 || t.End < t.Start || int(t.End) > len(d.Text)) {
			r.fail(fmt.Sprintf("token %d offsets [%d,%d) outside the text of %d bytes", i, t.Start, t.End, len(d.Text)))
		}
	}
	for i := range toks {
		if v := r.uvarint("form"); v > 0 {
			toks[i].Form = str(v-1, "form")
		}
	}
	for i := range toks {
		name := str(r.uvarint("upos"), "upos")
		if u, ok := text.ParseUPOS(name); ok {
			toks[i].UPOS = u
		} else if name != "_" && r.err == nil {
			r.fail(fmt.Sprintf("token %d: unknown UPOS %q", i, name))
		}
	}
	for i := range toks {
		toks[i].XPOS = str(r.uvarint("xpos"), "xpos")
	}
	for i := range toks {
		toks[i].Feats = str(r.uvarint("feats"), "feats")
	}
	for i := range toks {
		if r.err != nil {
			break
		}
		switch v := r.uvarint("lemma"); v {
		case 0:
			toks[i].Lemma = tokenSurface(d, &toks[i])
		case 1:
			toks[i].Lemma = strings.ToLower(tokenSurface(d, &toks[i]))
		default:
			toks[i].Lemma = str(v-2, "lemma")
		}
	}
	for i := range toks {
		toks[i].Head = r.int32("head", int64(i))
	}
	for i := range toks {
		toks[i].Dep = text.DepRel(str(r.uvarint("dep"), "dep"))
	}
	d.Sents = r.spans("sentences")
	d.MWTs = r.spans("multi-word tokens")
	if r.err == nil && len(r.b) != 0 {
		r.fail("trailing bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	return d, nil
}

// encodeDoc returns d gzip-compressed in the current format.
func (s *Store) encodeDoc(d *text.Doc, articleText string) (format string, data []byte) {
	var buf bytes.Buffer
	zw := s.gzipWriter(&buf)
	zw.Write(encodeDocV2(d, articleText))
	zw.Close()
	s.zw.Put(zw)
	return docFormatV2, buf.Bytes()
}

// decodeDoc reads a stored Doc of either format; articleText is the
// story's article text ("" when it has none).
func decodeDoc(format string, data []byte, articleText string) (*text.Doc, error) {
	if format != docFormatV1 && format != docFormatV2 {
		return nil, fmt.Errorf("doc: unknown format %q", format)
	}
	raw, err := decompress(data, encGzip)
	if err != nil {
		return nil, fmt.Errorf("doc: %w", err)
	}
	if format == docFormatV2 {
		d, err := decodeDocV2(raw, articleText)
		if err != nil {
			return nil, fmt.Errorf("doc: %w", err)
		}
		return d, nil
	}
	d := &text.Doc{}
	if err := json.Unmarshal(raw, d); err != nil {
		return nil, fmt.Errorf("doc: %w", err)
	}
	return d, nil
}
