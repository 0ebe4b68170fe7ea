package conflibert_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/eval/conflibert"
	"github.com/eventwire/eventwire/text"
)

// All sentences here are made up; the real files are development-only and
// none of their text may be copied into the repository.

func TestReadClasses(t *testing.T) {
	in := "\ufeffFreedonia shelled Sylvania.\t4\r\n" +
		"\n" +
		`"The minister called it ""absurd"" today."""` + "\t3\n" +
		"Sylvania thanked\tFreedonia.\t1\n"
	got, err := conflibert.ReadClasses(strings.NewReader(in), "c.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []conflibert.Sentence{
		{Text: "Freedonia shelled Sylvania.", Class: 4, Line: 1},
		{Text: `The minister called it "absurd" today."`, Class: 3, Line: 3},
		// The class is after the last tab.
		{Text: "Sylvania thanked\tFreedonia.", Class: 1, Line: 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadClasses:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadClassesErrors(t *testing.T) {
	in := "no tab here\n" +
		"Good one.\t0\n" +
		"Bad class.\t5\n" +
		"\t2\n" +
		"Two digits.\t12\n" +
		"Bad \xff byte.\t1\n"
	got, err := conflibert.ReadClasses(strings.NewReader(in), "c.tsv")
	if len(got) != 1 || got[0].Text != "Good one." {
		t.Errorf("sentences %+v, want the good one", got)
	}
	want := "c.tsv:1: want sentence TAB class\n" +
		"c.tsv:3: class \"5\": want 0-4\n" +
		"c.tsv:4: empty sentence\n" +
		"c.tsv:5: class \"12\": want 0-4\n" +
		"c.tsv:6: sentence is not UTF-8"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	if _, ok := err.(conflibert.ErrorList); !ok || !errors.Is(err, eventwire.ErrInvalid) {
		t.Errorf("error %T is not an ErrorList of eventwire.ErrInvalid", err)
	}

	long := strings.Repeat("x", conflibert.MaxLineBytes+1) + "\t1\n"
	_, err = conflibert.ReadClasses(strings.NewReader("A.\t1\n"+long), "c.tsv")
	if err == nil || !strings.Contains(err.Error(), "c.tsv:2: line longer than") {
		t.Errorf("long line: error %v", err)
	}
	if _, ok := err.(conflibert.ErrorList); ok {
		t.Error("a truncated file is reported as bad lines only")
	}
}

func TestReadNER(t *testing.T) {
	in := "Freedonia B-S\n" +
		"'s I-S\n" +
		"army I-S\n" +
		"shelled O\n" +
		"Sylvania B-T\n" +
		". O\n" +
		"\n\n" +
		"New York B-R\r\n" +
		"agreed\tO\n"
	got, err := conflibert.ReadNER(strings.NewReader(in), "n.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []conflibert.Tagged{
		{Line: 1, Words: []conflibert.Word{{"Freedonia", "B-S"}, {"'s", "I-S"}, {"army", "I-S"}, {"shelled", "O"}, {"Sylvania", "B-T"}, {".", "O"}}},
		{Line: 9, Words: []conflibert.Word{{"New York", "B-R"}, {"agreed", "O"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadNER:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadNERErrors(t *testing.T) {
	in := "Good B-S\nsentence O\n\n" +
		"Bad O\nword B-X\nhere O\n\n" +
		"notag\n\n" +
		" O\n\n" +
		"Fine O\n"
	got, err := conflibert.ReadNER(strings.NewReader(in), "n.txt")
	if len(got) != 2 || got[0].Line != 1 || got[1].Line != 12 {
		t.Errorf("sentences %+v, want those at lines 1 and 12", got)
	}
	want := "n.txt:5: tag \"B-X\": want O, B-S, I-S, B-T, I-T, B-R or I-R\n" +
		"n.txt:8: want word SPACE tag\n" +
		"n.txt:10: no word before the tag"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"The ministerʼs visit.", "The minister 's visit"},
		{"Şahin met Müller in São Paulo", "Sahin met Muller in Sao Paulo ."},
		{"“Quoted”, he said", `" Quoted " , he said`},
		{"ﬁne ½", "fine 12"},
		{"Ǆ", "dž"},
	}
	for _, tt := range tests {
		if ka, kb := conflibert.Key(tt.a), conflibert.Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q, want equal", tt.a, ka, tt.b, kb)
		}
	}
	if conflibert.Key("Freedonia shelled Sylvania") == conflibert.Key("Freedonia shelled Sylvania again") {
		t.Error("an added word does not change the key")
	}
	if k := conflibert.Key("A-1, b!"); k != "a1b" {
		t.Errorf("Key = %q, want a1b", k)
	}
}

// words builds tagged words from "word/TAG" fields ("word" alone is O).
func words(s string) []conflibert.Word {
	var out []conflibert.Word
	for _, f := range strings.Fields(s) {
		w, tag, ok := strings.Cut(f, "/")
		if !ok {
			tag = "O"
		}
		out = append(out, conflibert.Word{Text: w, Tag: tag})
	}
	return out
}

func TestAlign(t *testing.T) {
	s := "Şahin’s army shelled “Sylvania”."
	ws := words("Sahin/B-S 's/I-S army/I-S shelled \" Sylvania/B-T \" .")
	spans, ok := conflibert.Align(s, ws)
	if !ok {
		t.Fatal("not aligned")
	}
	got := make([]string, len(spans))
	for i, sp := range spans {
		got[i] = s[sp.Start:sp.End]
	}
	// Punctuation-only words get no span (zero, empty text); "'s" is
	// placed by its s.
	want := []string{"Şahin", "s", "army", "shelled", "", "Sylvania", "", ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aligned words %q, want %q", got, want)
	}
	ch := conflibert.Chunks(ws, spans)
	if len(ch.Source) != 1 || s[ch.Source[0].Start:ch.Source[0].End] != "Şahin’s army" ||
		len(ch.Target) != 1 || s[ch.Target[0].Start:ch.Target[0].End] != "Sylvania" || len(ch.Related) != 0 {
		t.Errorf("chunks %+v", ch)
	}

	for _, bad := range []string{
		"Sahin army shelled Sylvania",        // a word less
		"Sahin 's army shelled Sylvania too", // a word more
		"Sahin 's navy shelled Sylvania",     // a word changed
	} {
		if _, ok := conflibert.Align(s, words(bad)); ok {
			t.Errorf("%q aligned to %q", bad, s)
		}
	}
}

func TestChunks(t *testing.T) {
	s := "a b c d e f g"
	sp := func(i int) text.Span { return text.Span{Start: int32(2 * i), End: int32(2*i + 1)} }
	spans := []text.Span{sp(0), sp(1), sp(2), sp(3), sp(4), sp(5), sp(6)}
	tests := []struct {
		tags      string
		src, tgt  []string
		rel       []string
		dropSpans []int // words without a span
	}{
		{"B-S I-S O B-T I-T I-T O", []string{"a b"}, []string{"d e f"}, nil, nil},
		// B-S B-S: two chunks; I-T without B-T starts one; I-S after a
		// target chunk starts a new source chunk.
		{"B-S B-S I-T I-T I-S B-R I-R", []string{"a", "b", "e"}, []string{"c d"}, []string{"f g"}, nil},
		// A chunk whose words have no span is dropped; one with some keeps
		// those.
		{"B-S I-S O B-T O O O", []string{"b"}, nil, nil, []int{0, 3}},
	}
	for _, tt := range tests {
		ws := make([]conflibert.Word, 7)
		for i, tag := range strings.Fields(tt.tags) {
			ws[i] = conflibert.Word{Text: string(s[2*i]), Tag: tag}
		}
		spansHere := append([]text.Span(nil), spans...)
		for _, i := range tt.dropSpans {
			spansHere[i] = text.Span{}
		}
		ch := conflibert.Chunks(ws, spansHere)
		texts := func(ss []text.Span) []string {
			var out []string
			for _, x := range ss {
				out = append(out, s[x.Start:x.End])
			}
			return out
		}
		if got := texts(ch.Source); !reflect.DeepEqual(got, tt.src) {
			t.Errorf("%s: source %q, want %q", tt.tags, got, tt.src)
		}
		if got := texts(ch.Target); !reflect.DeepEqual(got, tt.tgt) {
			t.Errorf("%s: target %q, want %q", tt.tags, got, tt.tgt)
		}
		if got := texts(ch.Related); !reflect.DeepEqual(got, tt.rel) {
			t.Errorf("%s: related %q, want %q", tt.tags, got, tt.rel)
		}
	}
}

func TestJoin(t *testing.T) {
	classes := []conflibert.Sentence{
		{Text: "Freedonia shelled Sylvania.", Class: 4, Line: 1},
		{Text: "Sylvania thanked Freedonia.", Class: 1, Line: 2},
		{Text: "Freedonia shelled Sylvania.", Class: 4, Line: 3}, // repeats line 1
		{Text: "Nobody tagged this one.", Class: 0, Line: 4},
	}
	tagged := []conflibert.Tagged{
		{Line: 1, Words: words("Freedonia/B-S shelled Sylvania/B-T .")},
		{Line: 6, Words: words("Sylvania/B-S thanked Freedonia")},                  // no target
		{Line: 10, Words: words("Sylvania/B-S thanked Freedonia/B-T warmly")},      // edited
		{Line: 16, Words: words("Freedonia/B-S shelled/I-S Sylvania/B-T")},         // repeat
		{Line: 20, Words: words("Freedonia/B-S shelled Sylvania/B-T today again")}, // edited
	}
	items, st := conflibert.Join(classes, tagged)
	if st != (conflibert.JoinStats{Tagged: 5, Matched: 2, Unmatched: 2, Repeated: 1, Items: 3, SourceTarget: 2}) {
		t.Errorf("stats %+v", st)
	}
	if len(items) != 4 {
		t.Fatalf("%d items", len(items))
	}
	for i, want := range []struct {
		ner   int
		st    bool
		nsrc  int
		nspan bool
	}{{1, true, 1, true}, {6, false, 1, true}, {1, true, 1, true}, {0, false, 0, false}} {
		it := items[i]
		if it.NERLine != want.ner || it.HasSourceTarget() != want.st || (it.Spans != nil) != want.nspan {
			t.Errorf("item %d: %+v", i, it)
		}
		if it.Spans != nil && len(it.Spans.Source) != want.nsrc {
			t.Errorf("item %d: sources %+v", i, it.Spans.Source)
		}
	}
	if sp := items[0].Spans.Source[0]; items[0].Text[sp.Start:sp.End] != "Freedonia" {
		t.Errorf("item 0 source %q", items[0].Text[sp.Start:sp.End])
	}
}

func TestPentaClass(t *testing.T) {
	for code, want := range map[string]int{
		"010": 0, "01": 0, "020": 0, "0256": 0, "030": 1, "051": 1, "057": 1, "061": 2, "0874": 2, "090": 3,
		"111": 3, "138": 3, "163": 3, "161": 3, "141": 4, "150": 4, "172": 4, "190": 4, "204": 4,
		"": -1, "0": -1, "00": -1, "21": -1, "x1": -1, "1a": -1,
	} {
		if got := conflibert.PentaClass(code); got != want {
			t.Errorf("PentaClass(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestScoreAndSummarize(t *testing.T) {
	s := "Freedonia shelled Sylvania."
	src, verb, tgt := text.Span{Start: 0, End: 9}, text.Span{Start: 10, End: 17}, text.Span{Start: 18, End: 26}
	gold := &conflibert.Item{Sentence: conflibert.Sentence{Text: s, Class: 4},
		Spans: &conflibert.Spans{Source: []text.Span{src}, Target: []text.Span{tgt}}}
	noSpans := &conflibert.Item{Sentence: conflibert.Sentence{Text: s, Class: 4}}
	onlySource := &conflibert.Item{Sentence: conflibert.Sentence{Text: s, Class: 4}, Spans: &conflibert.Spans{Source: []text.Span{src}}}
	ev := func(code string, sSpan, tSpan text.Span) conflibert.Event {
		return conflibert.Event{CAMEO: code, Class: conflibert.PentaClass(code), SourceSpan: sSpan, TargetSpan: tSpan}
	}
	tests := []struct {
		name               string
		it                 *conflibert.Item
		evs                []conflibert.Event
		classHit, cst, hit bool
	}{
		{"right", gold, []conflibert.Event{ev("190", src, tgt)}, true, true, true},
		{"overlap is enough", gold, []conflibert.Event{ev("195", text.Span{Start: 5, End: 17}, text.Span{Start: 25, End: 27})}, true, true, true},
		{"reversed", gold, []conflibert.Event{ev("190", tgt, src)}, true, true, false},
		{"no target span", gold, []conflibert.Event{ev("190", src, text.Span{})}, true, true, false},
		{"verb is not the target", gold, []conflibert.Event{ev("190", src, verb)}, true, true, false},
		{"wrong class", gold, []conflibert.Event{ev("111", src, tgt)}, false, true, false},
		{"not scored without spans", noSpans, []conflibert.Event{ev("190", src, tgt)}, true, false, false},
		{"not scored without a target chunk", onlySource, []conflibert.Event{ev("190", src, tgt)}, true, false, false},
	}
	var rs []conflibert.Result
	for _, tt := range tests {
		r := conflibert.ScoreSentence(tt.it, tt.evs)
		if r.ClassHit != tt.classHit || r.CST != tt.cst || r.CSTHit != tt.hit {
			t.Errorf("%s: class %v cst %v hit %v, want %v %v %v", tt.name, r.ClassHit, r.CST, r.CSTHit, tt.classHit, tt.cst, tt.hit)
		}
		rs = append(rs, r)
	}
	rs = append(rs, conflibert.ScoreSentence(gold, nil))
	sum := conflibert.Summarize(rs)
	// 9 sentences, 8 coded, 7 class hits; 7 with chunks (6 cases + the
	// uncoded one), 2 hit; 8 events, 7 of the class; 6 events in chunked
	// sentences, 2 right.
	if sum.Sentences != 9 || sum.Coded != 8 || sum.ClassHits != 7 || sum.CSTSentences != 7 || sum.CSTHits != 2 ||
		sum.Events != 8 || sum.ClassRight != 7 || sum.CSTEvents != 6 || sum.CSTRight != 2 {
		t.Errorf("summary %+v", sum)
	}
	if sum.ByClass[4] != (conflibert.ClassCount{Sentences: 9, Coded: 8, Hits: 7}) {
		t.Errorf("class 4: %+v", sum.ByClass[4])
	}
	if line := sum.Line(); line != "sentences 9 coded 8 class-recall 0.778 cst-recall 0.286 precision 0.875 cst-precision 0.333" {
		t.Errorf("Line() = %q", line)
	}
	// A hand-built item with a class out of range is counted in the
	// totals only.
	odd := conflibert.Summarize([]conflibert.Result{conflibert.ScoreSentence(&conflibert.Item{Sentence: conflibert.Sentence{Class: 9}}, nil)})
	if odd.Sentences != 1 || odd.ByClass != [5]conflibert.ClassCount{} {
		t.Errorf("class 9: %+v", odd)
	}
}

func TestFromEvents(t *testing.T) {
	s := "Freedonia shelled Sylvania."
	got := conflibert.FromEvents(s, []eventwire.Event{{
		CAMEO: "195", Source: eventwire.Actor{Code: "FRD"}, Target: eventwire.Actor{Code: "SYL"},
		Evidence: eventwire.Evidence{Source: text.Span{Start: 0, End: 9}, Verb: text.Span{Start: 10, End: 17}, Target: text.Span{Start: 18, End: 26}},
		Pattern:  "v.txt:9 SHELL",
	}})
	want := []conflibert.Event{{CAMEO: "195", Class: 4, Source: "FRD", SourceText: "Freedonia", SourceSpan: text.Span{Start: 0, End: 9},
		Target: "SYL", TargetText: "Sylvania", TargetSpan: text.Span{Start: 18, End: 26}, Verb: "shelled", Pattern: "v.txt:9 SHELL"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FromEvents = %+v, want %+v", got, want)
	}
}

// TestCoreferentActor: an actor coded from a pronoun is right when the
// mention the pronoun stands for is the gold chunk, as annotators mark the
// name; a code inferred from a place is not the same actor named elsewhere.
func TestCoreferentActor(t *testing.T) {
	s := "Freedonia said it shelled Sylvania near Ruritania."
	name, it, tgt, place := text.Span{Start: 0, End: 9}, text.Span{Start: 15, End: 17}, text.Span{Start: 26, End: 34}, text.Span{Start: 40, End: 49}
	gold := &conflibert.Item{Sentence: conflibert.Sentence{Text: s, Class: 4},
		Spans: &conflibert.Spans{Source: []text.Span{name}, Target: []text.Span{tgt}}}
	event := func(how string, from text.Span) eventwire.Event {
		return eventwire.Event{CAMEO: "195",
			Source:   eventwire.Actor{Text: "it", Code: "FRE", Via: &eventwire.Via{How: how, Text: s[from.Start:from.End], Span: from}},
			Target:   eventwire.Actor{Text: "Sylvania", Code: "SYL"},
			Evidence: eventwire.Evidence{Source: it, Target: tgt}}
	}
	tests := []struct {
		how  string
		from text.Span
		want bool
	}{
		{"pronoun", name, true},
		{"short-ref", name, true},
		{"place", name, false},
		{"pronoun", place, false},
	}
	for _, tt := range tests {
		evs := conflibert.FromEvents(s, []eventwire.Event{event(tt.how, tt.from)})
		if r := conflibert.ScoreSentence(gold, evs); r.CSTHit != tt.want {
			t.Errorf("via %s from %q: hit %v, want %v", tt.how, s[tt.from.Start:tt.from.End], r.CSTHit, tt.want)
		}
	}
	// Without a Via the pronoun's own span is all there is.
	e := event("pronoun", name)
	e.Source.Via = nil
	if r := conflibert.ScoreSentence(gold, conflibert.FromEvents(s, []eventwire.Event{e})); r.CSTHit {
		t.Error("a pronoun without its antecedent scored as the named source")
	}
}
