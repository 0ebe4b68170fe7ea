package petrarch

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/text"
)

const small = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A1.txt, A2.txt</Actorfile>
    <Agentfile>G.txt</Agentfile>
    <Discardfile>D.txt</Discardfile>
    <Include>valid DEMO</Include>
    <Config option="stop_on_error" value="True" />
</Environment>
<Sentences>
<Sentence source="DEMO" date="19950101" id="A_1" sentence="true">
<!-- comment -->
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="010" sourcecode="---GOV" targetcode="---" />
<Text>
Arnor  restores ties
  with (Gondor).
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
2	restores	restore	VERB	VBZ	_	0	root	_	_
3	ties	tie	NOUN	NNS	_	2	obj	_	_
4	with	with	ADP	IN	_	6	case	_	_
5	-LRB-	-LRB-	PUNCT	-LRB-	_	6	punct	_	_
6	Gondor	Gondor	PROPN	NNP	_	2	obl	_	_
7	-RRB-	-RRB-	PUNCT	-RRB-	_	6	punct	_	_
8	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Config option="require_dyad" value="false" />
<Sentence category="DEMO" date="20010203" id="A_2" sentence="true">
<EventCoding noevents = "True" />
<Text>Nothing.</Text>
<Parse>
(ROOT (NP (NN Nothing)) (. .))
</Parse>
</Sentence>
<Sentence category="ERROR" date="20010203" id="A_3" sentence="true">
<EventCoding error="dateline" />
<Text>X</Text>
</Sentence>
<Stop/>
<Sentence category="ERROR" date="20010203" id="A_4" sentence="true">
<EventCoding noevents="true" />
<Text>Never read</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestRead(t *testing.T) {
	f, err := Read(strings.NewReader(small), "small.xml")
	if err != nil {
		t.Fatal(err)
	}
	wantEnv := Environment{Verbs: []string{"V.txt"}, Actors: []string{"A1.txt", "A2.txt"}, Agents: []string{"G.txt"},
		Discards: []string{"D.txt"}, Include: []string{"valid", "DEMO"}, Options: map[string]string{"stop_on_error": "True"}}
	if !reflect.DeepEqual(f.Env, wantEnv) {
		t.Errorf("Env = %+v\nwant %+v", f.Env, wantEnv)
	}
	if len(f.Records) != 3 {
		t.Fatalf("%d records, want 3 (reading stops at <Stop>)", len(f.Records))
	}
	r := f.Records[0]
	if r.ID != "A_1" || r.Category != "DEMO" || !r.Date.Equal(time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)) || r.Line != 12 {
		t.Errorf("record 0 = %q %q %v line %d", r.ID, r.Category, r.Date, r.Line)
	}
	if r.Text != "Arnor restores ties with (Gondor)." {
		t.Errorf("Text = %q", r.Text)
	}
	// Duplicates once; "---" becomes "".
	want := []Triple{{"010", "---GOV", ""}, {"050", "ARN", "GON"}}
	if !reflect.DeepEqual(r.Want, want) {
		t.Errorf("Want = %v, want %v", r.Want, want)
	}
	if r.ParseKind != UDParse || r.Options["require_dyad"] != "" || r.Options["stop_on_error"] != "True" {
		t.Errorf("record 0: kind %v options %v", r.ParseKind, r.Options)
	}
	r = f.Records[1]
	if len(r.Want) != 0 || r.WantError != "" || r.ParseKind != PTBParse || r.Options["require_dyad"] != "false" || r.Category != "DEMO" {
		t.Errorf("record 1 = %+v", r)
	}
	if r = f.Records[2]; r.WantError != "dateline" || len(r.Want) != 0 || r.ParseKind != NoParse {
		t.Errorf("record 2 = %+v", r)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
		lines    []int // lines of the reported errors
		records  int
	}{
		{"bad date and empty code",
			"<V><Environment><Verbfile>v</Verbfile></Environment>\n" +
				"<Sentence id=\"a\" date=\"1995\"><Text>x</Text></Sentence>\n" +
				"<Sentence id=\"b\" date=\"19950101\"><EventCoding eventcode=\"\"/></Sentence>\n" +
				"<Sentence id=\"c\" date=\"19950101\"><EventCoding/></Sentence>\n" +
				"<Sentence id=\"d\" date=\"19950101\"><EventCoding eventcode=\"01\"/></Sentence>\n</V>",
			[]int{2, 3, 4}, 1},
		{"no environment", "<V><Sentence id=\"d\" date=\"19950101\"/></V>", []int{1}, 1},
		{"malformed", "<V><Environment></Environment>\n<Sentence id=\"d\" date=\"19950101\">\n</V>", []int{3}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tt.in), "t.xml")
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("err = %v, want ErrorList", err)
			}
			var lines []int
			for _, e := range list {
				lines = append(lines, e.Line)
				if e.File != "t.xml" {
					t.Errorf("File = %q", e.File)
				}
			}
			if !reflect.DeepEqual(lines, tt.lines) {
				t.Errorf("error lines %v, want %v (%v)", lines, tt.lines, err)
			}
			if len(f.Records) != tt.records {
				t.Errorf("%d records, want %d", len(f.Records), tt.records)
			}
		})
	}
}

func TestDoc(t *testing.T) {
	f, err := Read(strings.NewReader(small), "small.xml")
	if err != nil {
		t.Fatal(err)
	}
	d, unaligned, err := f.Records[0].Doc()
	if err != nil {
		t.Fatal(err)
	}
	if unaligned != 0 || d.Text != "Arnor restores ties with (Gondor)." {
		t.Fatalf("unaligned %d, text %q", unaligned, d.Text)
	}
	// Offsets worked out by hand on "Arnor restores ties with (Gondor)."
	want := []struct {
		start, end int32
		form       string // Token.Form: set only for respelled words
		head       int32
		dep        text.DepRel
	}{
		{0, 5, "", 1, "nsubj"}, {6, 14, "", -1, "root"}, {15, 19, "", 1, "obj"}, {20, 24, "", 5, "case"},
		{25, 26, "-LRB-", 5, "punct"}, {26, 32, "", 1, "obl"}, {32, 33, "-RRB-", 5, "punct"}, {33, 34, "", 1, "punct"},
	}
	if len(d.Tokens) != len(want) {
		t.Fatalf("%d tokens", len(d.Tokens))
	}
	for i, w := range want {
		tok := d.Tokens[i]
		if tok.Start != w.start || tok.End != w.end || tok.Form != w.form || tok.Head != w.head || tok.Dep != w.dep {
			t.Errorf("token %d = %+v, want %+v", i, tok, w)
		}
	}
	if d.Tokens[1].Lemma != "restore" || d.Tokens[1].UPOS != text.VERB || d.Form(4) != "-LRB-" {
		t.Errorf("token 1 = %+v", d.Tokens[1])
	}
	if len(d.Sents) != 1 || d.Sents[0] != (text.Span{Start: 0, End: 8}) {
		t.Errorf("Sents = %v", d.Sents)
	}
	if _, _, err := f.Records[1].Doc(); !errors.Is(err, ErrNoUDParse) {
		t.Errorf("PTB record: err = %v, want ErrNoUDParse", err)
	}
}

func TestDocAlignment(t *testing.T) {
	conll := func(forms ...string) string {
		var b strings.Builder
		for i, f := range forms {
			b.WriteString(strings.Join([]string{strconv.Itoa(i + 1), f, f, "X", "_", "_", "0", "root", "_", "_"}, "\t") + "\n")
		}
		return b.String()
	}
	tests := []struct {
		name, text, parse string
		spans             [][2]int32
		unaligned         int
	}{
		// The parse skipped "and the": the word is found a little ahead.
		{"skip", "Radagast and the Brown called", conll("Radagast", "Brown", "called"),
			[][2]int32{{0, 8}, {17, 22}, {23, 29}}, 0},
		// A curly quote in the text, a straight one in the parse.
		{"quote", "Gondor\u2019s border", conll("Gondor", "'s", "border"),
			[][2]int32{{0, 6}, {6, 10}, {11, 17}}, 0},
		// A word the text does not have: empty span, alignment goes on.
		{"missing", "Arnor left", conll("Arnor", "Mordor", "left"),
			[][2]int32{{0, 5}, {5, 5}, {6, 10}}, 1},
		// Two sentences in one parse.
		{"two sentences", "A b. C d.", conll("A", "b.") + "\n" + conll("C", "d."),
			[][2]int32{{0, 1}, {2, 4}, {5, 6}, {7, 9}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Record{Text: tt.text, Parse: tt.parse, ParseKind: UDParse}
			d, un, err := r.Doc()
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]int32
			for _, tok := range d.Tokens {
				got = append(got, [2]int32{tok.Start, tok.End})
			}
			if !reflect.DeepEqual(got, tt.spans) || un != tt.unaligned {
				t.Errorf("spans %v unaligned %d, want %v %d", got, un, tt.spans, tt.unaligned)
			}
		})
	}
}

func TestScore(t *testing.T) {
	var s Score
	// Record 1: want {050 ARN GON, 010 ---GOV ---}; got the first twice and
	// 111 ARN GON: TP 1, FN 1, FP 1, not exact.
	s.Add([]Triple{{"050", "ARN", "GON"}, {"010", "---GOV", "---"}},
		[]Triple{{"050", "ARN", "GON"}, {"050", "ARN", "GON"}, {"111", "ARN", "GON"}})
	// Record 2: noevents, got nothing: exact.
	_, _, exact := s.Add(nil, nil)
	if !exact {
		t.Error("empty vs empty not exact")
	}
	// Record 3: null actor written two ways: exact, TP 1.
	_, _, exact = s.Add([]Triple{{"010", "---GOV", "---"}}, []Triple{{"010", "---GOV", ""}})
	if !exact {
		t.Error("--- vs \"\" not exact")
	}
	// Record 4: noevents, got one: FP 1.
	missed, extra, _ := s.Add(nil, []Triple{{"190", "MOR", ""}})
	if len(missed) != 0 || len(extra) != 1 {
		t.Errorf("missed %v extra %v", missed, extra)
	}
	want := Score{Records: 4, Exact: 2, TP: 2, FP: 2, FN: 1}
	if s != want {
		t.Fatalf("score %+v, want %+v", s, want)
	}
	// P = 2/4, R = 2/3, F1 = 2·0.5·0.667/(1.167) = 4/7.
	if !near(s.Precision(), 0.5) || !near(s.Recall(), 2.0/3) || !near(s.F1(), 4.0/7) || !near(s.ExactRate(), 0.5) {
		t.Errorf("P %v R %v F1 %v exact %v", s.Precision(), s.Recall(), s.F1(), s.ExactRate())
	}
	var zero Score
	if zero.Precision() != 0 || zero.Recall() != 0 || zero.F1() != 0 || zero.ExactRate() != 0 {
		t.Error("zero score not 0")
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestRealFiles reads the two unit-test files of the data folder.
func TestRealFiles(t *testing.T) {
	dir := shared.Data(t, "petrarch")
	for _, tc := range []struct {
		path string
		kind ParseKind
	}{
		{"PETR.UnitTest.records.xml", PTBParse},
		{"universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml", UDParse},
	} {
		t.Run(tc.kind.String(), func(t *testing.T) {
			fh, err := os.Open(filepath.Join(dir, tc.path))
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			f, err := Read(fh, tc.path)
			if err != nil {
				t.Fatal(err)
			}
			// 284 <Sentence> records in each file (grep -c '<Sentence ').
			if len(f.Records) != 284 {
				t.Errorf("%d records, want 284", len(f.Records))
			}
			if len(f.Env.Verbs) != 1 || len(f.Env.Actors) != 1 {
				t.Errorf("Env = %+v", f.Env)
			}
			unaligned := 0
			for _, r := range f.Records {
				if r.ParseKind != tc.kind {
					t.Errorf("%s: parse kind %v", r.ID, r.ParseKind)
				}
				if tc.kind != UDParse {
					continue
				}
				_, un, err := r.Doc()
				if err != nil {
					t.Errorf("%s: %v", r.ID, err)
				}
				unaligned += un
			}
			// Every word of the UD file's parses is found in its text.
			if unaligned > 0 {
				t.Errorf("%d words not aligned to their text", unaligned)
			}
		})
	}
}
