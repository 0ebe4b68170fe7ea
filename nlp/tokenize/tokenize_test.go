package tokenize_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire/nlp"
	"github.com/eventwire/eventwire/nlp/tokenize"
	"github.com/eventwire/eventwire/text"
)

var _ nlp.Annotator = (*tokenize.Tokenizer)(nil)

// surface returns the surface tokens of d (multi-word tokens whole), joined
// by spaces, after checking that every word's offsets hold its form.
func surface(t *testing.T, d *text.Doc) string {
	t.Helper()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	var out []string
	mi := 0
	for i := 0; i < len(d.Tokens); {
		for mi < len(d.MWTs) && int(d.MWTs[mi].End) <= i {
			mi++
		}
		last := i
		if mi < len(d.MWTs) && int(d.MWTs[mi].Start) == i {
			last = int(d.MWTs[mi].End) - 1
		}
		out = append(out, d.Text[d.Tokens[i].Start:d.Tokens[last].End])
		i = last + 1
	}
	return strings.Join(out, " ")
}

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		// News specifics: datelines, agencies, em-dashes, titles.
		{"ALEPPO, Syria (AP) — Syrian troops entered the city.", "ALEPPO , Syria ( AP ) — Syrian troops entered the city ."},
		{"WASHINGTON (Reuters) -- The U.S. Senate voted 52-48 on Tuesday.", "WASHINGTON ( Reuters ) -- The U.S. Senate voted 52 - 48 on Tuesday ."},
		{"Dr. Jane Smith met Gov. Brown and Lt. Gen. Flynn on Jan. 5.", "Dr. Jane Smith met Gov. Brown and Lt. Gen. Flynn on Jan. 5 ."},
		{"She lives in Washington, D.C., now.", "She lives in Washington , D.C. , now ."},
		// Quotes, straight and curly, and ellipses.
		{`"We will win," he said. “Never…” ‘Maybe.’`, `" We will win , " he said . “ Never … ” ‘ Maybe . ’`},
		{"Wait... what?! Really??", "Wait ... what ?! Really ??"},
		// Numbers, money, percentages, phone numbers, ranges.
		{"It cost $1,250.50, up 3.5% from 1999-2000; call 713-853-3989.", "It cost $ 1,250.50 , up 3.5 % from 1999 - 2000 ; call 713-853-3989 ."},
		// Numbers glued to units split; ordinals and decades do not.
		{"At 5pm a 35mm film of the 21st century, 1990s style, 24hrs.", "At 5 pm a 35 mm film of the 21st century , 1990s style , 24 hrs ."},
		// A forgotten space after a period, but not in names or files.
		{"Poor service.There was none. See report.pdf or Mr.Smith.", "Poor service . There was none . See report.pdf or Mr.Smith ."},
		// Abbreviations before a hyphen or a possessive keep their period.
		{"The U.S.-led coalition and the U.K.’s envoy spent €3.5bn.", "The U.S. - led coalition and the U.K.’s envoy spent € 3.5 bn ."},
		{"Aid of US$141 million, A$ 5, HK$3bn and $20; US$.", "Aid of US$ 141 million , A$ 5 , HK$ 3 bn and $ 20 ; US$ ."},
		{"USD$ 5 and ABCD$7", "USD$ 5 and ABCD $ 7"},
		// Hyphens: split, except bound prefixes.
		{"A well-known e-mail about non-violent anti-war protests.", "A well - known e-mail about non-violent anti-war protests ."},
		{"Lashkar-e-Taiba and Hezb-e-Islami, not e-mail.", "Lashkar - e - Taiba and Hezb - e - Islami , not e-mail ."},
		// URLs, e-mail addresses, emoticons, hashtags.
		{"See http://example.com/a?b=1, or mail jo.smith@example.org. :)", "See http://example.com/a?b=1 , or mail jo.smith@example.org . :)"},
		{"(http://www.bbc.co.uk/news) great:) #Brexit", "( http://www.bbc.co.uk/news ) great :) #Brexit"},
		// Brackets and slashes.
		{"[Nursultan] Nazarbaev and/or 9/11 (see above).", "[ Nursultan ] Nazarbaev and / or 9/11 ( see above ) ."},
		// Contractions and possessives stay one surface token.
		{"Elena's cat can't swim, and the soldiers' home won't open.", "Elena's cat can't swim , and the soldiers' home won't open ."},
		// A sentence-final abbreviation gives up its period.
		{"They moved to the U.S.", "They moved to the U.S ."},
		{"They sold fruit, bread, etc. Then they left.", "They sold fruit , bread , etc . Then they left ."},
		{"", ""},
		{"   \n\n  ", ""},
		// Control characters (NUL, terminal escapes, DEL, C1) separate
		// tokens and are in none: they were words of their own, tagged
		// and parsed as nouns.
		{"Russia\x00 condemned\x01\x02Ukraine\x1b[31m on\x7fMonday\u0085.\x00\x00", "Russia condemned Ukraine [ 31 m on Monday ."},
	}
	tk := tokenize.New()
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := surface(t, tk.Tokenize(tc.in)); got != tc.want {
				t.Errorf("\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestOffsets checks byte offsets, not only strings, on text with
// multi-byte runes and irregular spacing.
func TestOffsets(t *testing.T) {
	in := "  Zürich —  “Don’t.”\n"
	d := tokenize.New().Tokenize(in)
	want := []struct {
		start, end int32
		form       string
	}{
		{2, 9, "Zürich"}, // ü is two bytes
		{10, 13, "—"},    // three bytes
		{15, 18, "“"},    // two spaces before it
		{18, 20, "Do"},   // the words of the multi-word token "Don’t"
		{20, 25, "n’t"},  // ’ is three bytes
		{25, 26, "."},
		{26, 29, "”"},
	}
	if len(d.Tokens) != len(want) {
		t.Fatalf("got %d words, want %d: %s", len(d.Tokens), len(want), surface(t, d))
	}
	for i, w := range want {
		tok := d.Tokens[i]
		if tok.Start != w.start || tok.End != w.end || d.Form(i) != w.form {
			t.Errorf("word %d: [%d,%d) %q, want [%d,%d) %q", i, tok.Start, tok.End, d.Form(i), w.start, w.end, w.form)
		}
		if tok.Form != "" {
			t.Errorf("word %d has an explicit Form %q; all words should be substrings", i, tok.Form)
		}
	}
	if len(d.MWTs) != 1 || d.MWTs[0] != (text.Span{Start: 3, End: 5}) {
		t.Errorf("MWTs = %v, want [{3 5}]", d.MWTs)
	}
}

func TestMultiWordTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"don't", "do n't"},
		{"won't", "wo n't"},
		{"can't", "ca n't"},
		{"cannot", "can not"},
		{"gonna", "gon na"},
		{"wanna", "wan na"},
		{"I'm", "I 'm"},
		{"they're", "they 're"},
		{"we've", "we 've"},
		{"she'll", "she 'll"},
		{"he'd", "he 'd"},
		{"Elena's", "Elena 's"},
		{"Bush’s", "Bush ’s"},
		{"U.K.’s", "U.K. ’s"},
		{"ISN'T", "IS N'T"},
		{"dont", "do nt"},
		{"soldiers'", "soldiers '"},
		{"1990's", "1990 's"},
		// Not multi-word tokens.
		{"its", "its"},
		{"O'Neil", "O'Neil"},
		{"rock'n'roll", "rock'n'roll"},
		{"Ms", "Ms"},
	}
	tk := tokenize.New()
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d := tk.Tokenize(tc.in)
			var words []string
			for i := range d.Tokens {
				words = append(words, d.Form(i))
			}
			if got := strings.Join(words, " "); got != tc.want {
				t.Errorf("words %q, want %q", got, tc.want)
			}
			wantMWT := strings.Contains(tc.want, " ")
			if (len(d.MWTs) == 1) != wantMWT {
				t.Errorf("MWTs = %v, want one: %v", d.MWTs, wantMWT)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
		opts []tokenize.Option
	}{
		{
			name: "news paragraph",
			in:   `MOSCOW (AP) — Russian President Vladimir Putin said on Friday that the U.S. had "no right" to interfere. He spoke at his annual news conference. Dr. Smith, a U.N. official, disagreed.`,
			want: []string{
				`MOSCOW (AP) — Russian President Vladimir Putin said on Friday that the U.S. had "no right" to interfere.`,
				`He spoke at his annual news conference.`,
				`Dr. Smith, a U.N. official, disagreed.`,
			},
		},
		{
			name: "quotes end sentences",
			in:   `"The explosion was very powerful," a witness said. "Everything shook!" Police arrived at 10 a.m. on Monday.`,
			want: []string{
				`"The explosion was very powerful," a witness said.`,
				`"Everything shook!"`,
				`Police arrived at 10 a.m. on Monday.`,
			},
		},
		{
			name: "headline lines and paragraphs",
			in:   "Putin, Assad Say Aleppo Takeover Makes Conditions Ripe For Peace\nBy Staff\n\nThe presidents met on December 23. They agreed.",
			want: []string{
				"Putin, Assad Say Aleppo Takeover Makes Conditions Ripe For Peace",
				"By Staff",
				"The presidents met on December 23.",
				"They agreed.",
			},
		},
		{
			name: "wrapped lines",
			in:   "The presidents met on\nDecember 23 in Moscow.\n\nThey agreed.",
			opts: []tokenize.Option{tokenize.WrappedLines()},
			want: []string{"The presidents met on\nDecember 23 in Moscow.", "They agreed."},
		},
		{
			name: "brackets inside a sentence",
			in:   "Labour MP (Member of Parliament) Tom Watson spoke. President [Nursultan] Nazarbaev agreed.",
			want: []string{"Labour MP (Member of Parliament) Tom Watson spoke.", "President [Nursultan] Nazarbaev agreed."},
		},
		{
			// Seen split by the model when it weighed every gap.
			name: "no sentence ends without punctuation in news",
			in:   `This Wednesday Greek Foreign Minister George Katrougalos spoke. Only two presidents have been impeached: Andrew Johnson and Bill Clinton. Parliament voted against a "no deal" Brexit.`,
			want: []string{
				"This Wednesday Greek Foreign Minister George Katrougalos spoke.",
				"Only two presidents have been impeached: Andrew Johnson and Bill Clinton.",
				`Parliament voted against a "no deal" Brexit.`,
			},
		},
		{
			// E-mail sign-offs end without punctuation; EveryGap lets the
			// model split them, the default does not.
			name: "every gap for web text",
			in:   "Best regards Debra Perlingiere",
			opts: []tokenize.Option{tokenize.EveryGap()},
			want: []string{"Best regards", "Debra Perlingiere"},
		},
		{
			name: "no split without punctuation by default",
			in:   "Best regards Debra Perlingiere",
			want: []string{"Best regards Debra Perlingiere"},
		},
		{
			// From the Wikinews 2019-2020 corpus.
			name: "elisions, decimals, species",
			in:   `"But now [...] this is a big slap," he said. It covered 14.95 acres (.0605 square km) of land. The route for ESBL-E. coli is direct. Wayne A. I. Frederick and George W. Bush wrote.`,
			want: []string{
				`"But now [...] this is a big slap," he said.`,
				"It covered 14.95 acres (.0605 square km) of land.",
				"The route for ESBL-E. coli is direct.",
				"Wayne A. I. Frederick and George W. Bush wrote.",
			},
		},
		{
			name: "titles, times, percentages",
			in:   `Gen. David Petraeus arrived Sept. 5. The meeting starts at 3 p.m. Tuesday in St. Louis, Mo., officials said. The company (NYSE: XOM) fell 3%. Prices rose. It began at 7:45 p.m. Police said nobody was hurt.`,
			want: []string{
				"Gen. David Petraeus arrived Sept. 5.",
				"The meeting starts at 3 p.m. Tuesday in St. Louis, Mo., officials said.",
				"The company (NYSE: XOM) fell 3%.",
				"Prices rose.",
				"It began at 7:45 p.m.",
				"Police said nobody was hurt.",
			},
		},
		{
			name: "abbreviation at the end",
			in:   "They sold fruit, bread, etc. Then they left.",
			want: []string{"They sold fruit, bread, etc.", "Then they left."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tokenize.New(tc.opts...).Tokenize(tc.in)
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for s := range d.Sents {
				got = append(got, d.SentText(s))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	d := text.NewDoc("One. Two.")
	d.Attrs = text.AttrUPOS // stale layer from an earlier analysis
	tk := tokenize.New()
	if err := tk.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Attrs != text.AttrTokens|text.AttrSents {
		t.Errorf("Attrs = %v, want tokens|sents", d.Attrs)
	}
	if len(d.Sents) != 2 || len(d.Tokens) != 4 {
		t.Errorf("got %d sentences and %d tokens, want 2 and 4", len(d.Sents), len(d.Tokens))
	}
	for _, tok := range d.Tokens {
		if tok.Head != -1 {
			t.Errorf("token head %d, want -1 before parsing", tok.Head)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tk.Annotate(ctx, text.NewDoc("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("Annotate on a cancelled context: %v", err)
	}
}

func TestModel(t *testing.T) {
	// The embedded model loads: a tokenizer built with a rules-only
	// fallback would split "10 a.m. on Monday" after "a.m.".
	d := tokenize.New().Tokenize("Police arrived at 10 a.m. on Monday.")
	if len(d.Sents) != 1 {
		t.Errorf("got %d sentences, want 1", len(d.Sents))
	}
	if _, err := tokenize.DecodeModel([]byte("not a model")); !errors.Is(err, tokenize.ErrBadModel) {
		t.Errorf("DecodeModel(garbage) = %v, want ErrBadModel", err)
	}
}

const tinyTreebank = `# newdoc id = d1
# newpar id = p1
# text = He left.
1	He	he	PRON	PRP	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

# text = she came!
1	she	she	PRON	PRP	_	2	nsubj	_	_
2	came	come	VERB	VBD	_	0	root	_	SpaceAfter=No
3	!	!	PUNCT	.	_	2	punct	_	_

# newpar id = p2
# text = Then it rained.
1	Then	then	ADV	RB	_	3	advmod	_	_
2	it	it	PRON	PRP	_	3	expl	_	_
3	rained	rain	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`

func TestTrainDeterministic(t *testing.T) {
	var enc [2]bytes.Buffer
	for i := range enc {
		m, err := tokenize.Train(strings.NewReader(tinyTreebank), tokenize.TrainOptions{Epochs: 3})
		if err != nil {
			t.Fatal(err)
		}
		if m.Len() == 0 {
			t.Fatal("empty model")
		}
		if err := m.Encode(&enc[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(enc[0].Bytes(), enc[1].Bytes()) {
		t.Error("two trainings on the same data gave different models")
	}
	m, err := tokenize.DecodeModel(enc[0].Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// The only positive gap was after "left ." inside the first
	// paragraph (before a lower-case word, so the model and not a rule
	// decides it): "He left. she came!" is two sentences to the trained
	// model, and "He left she came" one.
	d := tokenize.New(tokenize.WithModel(m)).Tokenize("He left. she came!")
	if len(d.Sents) != 2 {
		t.Errorf("trained model: %d sentences, want 2", len(d.Sents))
	}
	if d := tokenize.New(tokenize.WithModel(m)).Tokenize("He left she came"); len(d.Sents) != 1 {
		t.Errorf("trained model: %d sentences, want 1", len(d.Sents))
	}
}

// TestConcurrent shares one Tokenizer between goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	tk := tokenize.New()
	in := "Dr. Smith didn't go. She said: \"We'll see.\" Then she left."
	want := surface(t, tk.Tokenize(in))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				d := tk.Tokenize(in)
				if len(d.Sents) != 3 {
					errs <- "sentence count changed"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if got := surface(t, tk.Tokenize(in)); got != want {
		t.Errorf("after concurrent use: %s, want %s", got, want)
	}
}

// TestRunOnSentences checks the bound on sentence length: text with no
// sentence punctuation is cut into pieces of at most MaxSentenceWords
// words, after a semicolon or comma where one is near the bound, never
// inside a contraction, and the pieces cover every word once.
func TestRunOnSentences(t *testing.T) {
	tk := tokenize.New()
	var b strings.Builder
	for i := range 1000 {
		switch {
		case i%150 == 149:
			b.WriteString("they're here; ")
		case i%37 == 36:
			b.WriteString("word, ")
		default:
			b.WriteString("word ")
		}
	}
	d := tk.Tokenize(b.String())
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(d.Sents) < 5 {
		t.Fatalf("%d sentences for %d words, want at least 5", len(d.Sents), len(d.Tokens))
	}
	next := int32(0)
	for i, sp := range d.Sents {
		if sp.Start != next || sp.Len() == 0 || sp.Len() > tokenize.MaxSentenceWords {
			t.Fatalf("sentence %d = %v after %d: not contiguous or of bad length %d", i, sp, next, sp.Len())
		}
		next = sp.End
		for _, m := range d.MWTs {
			if m.Start < sp.End && sp.End < m.End {
				t.Errorf("sentence %d ends inside the multi-word token %v", i, m)
			}
		}
		if i < len(d.Sents)-1 {
			if last := d.Form(int(sp.End) - 1); last != ";" && last != "," {
				t.Errorf("sentence %d cut after %q, want after a semicolon or comma", i, last)
			}
		}
	}
	if next != int32(len(d.Tokens)) {
		t.Errorf("sentences end at word %d of %d", next, len(d.Tokens))
	}
	// Real prose is not touched: a long but punctuated sentence of 120
	// words stays one sentence.
	long := strings.Repeat("the minister said, ", 30) + "and left."
	if d := tk.Tokenize(long); len(d.Sents) != 1 {
		t.Errorf("a %d-word sentence was split into %d", len(d.Tokens), len(d.Sents))
	}
}
