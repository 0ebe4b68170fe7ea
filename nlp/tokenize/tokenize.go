// Package tokenize is eventwire's English tokenizer and sentence splitter.
//
// A hand-written scanner cuts text into surface tokens following the
// conventions of the UD English Web Treebank (EWT): punctuation split off,
// hyphenated words split at the hyphen (except for bound prefixes such as
// "non-" and "e-" at the start of a word, and phone numbers), URLs, e-mail
// addresses, numbers, emoticons, abbreviations and currencies ("US$")
// kept whole. Contractions and possessives become
// multi-word tokens the way EWT splits them: "don't" is "do" + "n't",
// "Elena's" is "Elena" + "'s", "cannot" is "can" + "not", "gonna" is "gon" +
// "na". Every word is a byte range of the text; nothing is copied.
//
// Sentence boundaries are decided by a small averaged perceptron over
// features of the tokens around a gap (words, shapes, punctuation classes,
// the white space in the gap), trained on UD English EWT train by Train (go
// generate runs it) and embedded in the package. By default it decides the
// gaps after sentence-final punctuation and closing quotes; the EveryGap
// option lets it end sentences anywhere, as web text needs. Blank lines
// always end a sentence, and so, unless the WrappedLines option is given, do
// single line breaks: text that reaches the tokenizer from the article
// extractor has one paragraph or headline per line. A few rules overrule the
// model where news needs it: a lone period before a capitalised word always
// ends a sentence; a title ("Gen."), a dateline ("ALEPPO, Syria (AP) —"), a
// bracketed aside inside a sentence, or glued closing punctuation never do.
package tokenize

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/eventwire/eventwire/text"
)

// Tokenizer is the English tokenizer and sentence splitter. It implements
// nlp.Annotator and is safe for concurrent use.
type Tokenizer struct {
	wrapped  bool
	everyGap bool
	model    *Model
}

// Option configures a Tokenizer.
type Option func(*Tokenizer)

// WrappedLines makes single line breaks count as spaces: the text is wrapped
// at a fixed width and only blank lines separate paragraphs (e-mail, the raw
// text files of the CoNLL 2018 shared task).
func WrappedLines() Option { return func(t *Tokenizer) { t.wrapped = true } }

// EveryGap lets the sentence model end a sentence at any gap between
// tokens, not only after final punctuation: for web text (e-mail, forums)
// whose sentences often end without punctuation. It costs precision on
// edited text such as news.
func EveryGap() Option { return func(t *Tokenizer) { t.everyGap = true } }

// WithModel replaces the embedded sentence-boundary model, for example with
// one just produced by Train.
func WithModel(m *Model) Option { return func(t *Tokenizer) { t.model = m } }

//go:embed sentmodel.bin
var embeddedModel []byte

// New returns the English tokenizer and sentence splitter. It provides
// text.AttrTokens|text.AttrSents and Doc.MWTs for contractions and
// possessives. It needs no files: the sentence model is embedded.
func New(opts ...Option) *Tokenizer {
	t := &Tokenizer{}
	for _, o := range opts {
		o(t)
	}
	if t.model == nil {
		// The embedded model is checked by the package tests; should it ever
		// be unreadable, the splitter falls back to rules alone.
		if m, err := DecodeModel(embeddedModel); err == nil {
			t.model = m
		}
	}
	return t
}

// Name implements nlp.Annotator.
func (t *Tokenizer) Name() string { return "tokenize" }

// Requires implements nlp.Annotator: nothing.
func (t *Tokenizer) Requires() text.Attr { return 0 }

// Provides implements nlp.Annotator.
func (t *Tokenizer) Provides() text.Attr { return text.AttrTokens | text.AttrSents }

// Annotate implements nlp.Annotator: it replaces d's tokens, multi-word
// tokens and sentences with those it finds in d.Text. Any other annotation
// layers are dropped from d.Attrs, since they referred to the old tokens.
func (t *Tokenizer) Annotate(ctx context.Context, d *text.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Text) > maxText {
		return fmt.Errorf("tokenize: text of %d bytes exceeds the %d-byte limit", len(d.Text), maxText)
	}
	toks := Scan(d.Text)
	if cap(d.Tokens) < len(toks)+len(toks)/8 {
		d.Tokens = make([]text.Token, 0, len(toks)+len(toks)/8)
	}
	d.Tokens = d.Tokens[:0]
	d.MWTs = d.MWTs[:0]
	d.Sents = d.Sents[:0]
	sentStart := int32(0)
	breaks := t.boundaries(d.Text, toks)
	toks, breaks = splitFinalAbbrevs(d.Text, toks, breaks)
	for i, tk := range toks {
		first := int32(len(d.Tokens))
		d.Tokens = appendWords(d.Tokens, d.Text, tk)
		if n := int32(len(d.Tokens)) - first; n > 1 {
			d.MWTs = append(d.MWTs, text.Span{Start: first, End: first + n})
		}
		if breaks[i] || i == len(toks)-1 {
			end := int32(len(d.Tokens))
			d.Sents = append(d.Sents, text.Span{Start: sentStart, End: end})
			sentStart = end
		}
	}
	if len(d.MWTs) == 0 {
		d.MWTs = nil
	}
	d.Sents = capSentences(d, d.Sents, MaxSentenceWords)
	d.Attrs = text.AttrTokens | text.AttrSents
	return nil
}

// MaxSentenceWords bounds the words of one sentence. Text without sentence
// punctuation (a list, a table flattened to text, a broken or hostile page)
// would otherwise be one "sentence" of any length, and the stages after
// the splitter (the parser's repairs, the factuality features, the coder)
// look at a whole sentence for each of its words. No sentence of the UD
// English EWT training set is longer than 159 words (99.9% have at most
// 88), so the bound changes nothing on real prose and keeps every later
// stage linear in the length of the text.
const MaxSentenceWords = 200

// capSentences splits every sentence of more than max words into pieces
// of at most max words, each cut after the last semicolon, colon or dash
// in the second half of the piece, else after the last comma there, else
// at max words; never inside a multi-word token. It returns sents itself
// when nothing is too long.
func capSentences(d *text.Doc, sents []text.Span, max int32) []text.Span {
	long := false
	for _, sp := range sents {
		if int32(sp.Len()) > max {
			long = true
			break
		}
	}
	if !long {
		return sents
	}
	// inMWT[k]: word k continues a multi-word token (no cut before it).
	inMWT := make([]bool, len(d.Tokens)+1)
	for _, m := range d.MWTs {
		for k := m.Start + 1; k < m.End; k++ {
			inMWT[k] = true
		}
	}
	out := make([]text.Span, 0, len(sents)+len(d.Tokens)/int(max))
	for _, sp := range sents {
		start := sp.Start
		for sp.End-start > max {
			cut := int32(-1) // the first word of the next piece
			rank := 0
			for k := start + max; k > start+max/2; k-- {
				if inMWT[k] {
					continue
				}
				r := 1
				switch d.Form(int(k) - 1) {
				case ";", ":", "—", "–", "--":
					r = 3
				case ",":
					r = 2
				}
				if r > rank || cut < 0 {
					cut, rank = k, r
				}
				if rank == 3 {
					break
				}
			}
			if cut < 0 {
				cut = start + max
			}
			out = append(out, text.Span{Start: start, End: cut})
			start = cut
		}
		out = append(out, text.Span{Start: start, End: sp.End})
	}
	return out
}

// maxText bounds the text of one Doc: offsets are int32.
const maxText = 1<<31 - 1

// Tokenize is a convenience: it returns a new Doc of s, tokenized and split.
func (t *Tokenizer) Tokenize(s string) *text.Doc {
	d := text.NewDoc(s)
	_ = t.Annotate(context.Background(), d) // cannot fail: fresh ctx, bounded by string size
	return d
}

// splitFinalAbbrevs splits the period off an abbreviation that ends a
// sentence ("in the U.S." gives "U.S" and "."), as EWT does: the period then
// ends the sentence.
func splitFinalAbbrevs(s string, toks []Tok, breaks []bool) ([]Tok, []bool) {
	n := 0
	for i, tk := range toks {
		if (breaks[i] || i == len(toks)-1) && classOf(s[tk.Start:tk.End]) == clAbbrev {
			n++
		}
	}
	if n == 0 {
		return toks, breaks
	}
	t2 := make([]Tok, 0, len(toks)+n)
	b2 := make([]bool, 0, len(toks)+n)
	for i, tk := range toks {
		if (breaks[i] || i == len(toks)-1) && classOf(s[tk.Start:tk.End]) == clAbbrev {
			t2 = append(t2, Tok{tk.Start, tk.End - 1}, Tok{tk.End - 1, tk.End})
			b2 = append(b2, false, breaks[i])
			continue
		}
		t2 = append(t2, tk)
		b2 = append(b2, breaks[i])
	}
	return t2, b2
}
