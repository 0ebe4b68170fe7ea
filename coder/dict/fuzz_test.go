package dict_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventwire/eventwire/coder/dict"
)

// fuzzLoad loads body as the one file of a kind and checks that Load
// neither panics nor returns nil, and that every error has a line.
func fuzzLoad(t *testing.T, body []byte, kind func(*dict.Files)) {
	var f dict.Files
	kind(&f)
	d, err := dict.Load(fstest.MapFS{"f.txt": &fstest.MapFile{Data: body}}, f)
	if d == nil {
		t.Fatal("nil Dictionaries")
	}
	if el, ok := err.(dict.ErrorList); ok {
		for _, e := range el {
			if e.Line <= 0 || e.File != "f.txt" {
				t.Fatalf("error without file:line: %v", e)
			}
		}
	}
	// Look-ups on whatever was loaded must not panic either.
	w := dict.NewWords([]string{"Arnor", "the", "foreign", "minister", "broke", "down"})
	for i := range w.Keys {
		d.Actors.Match(w, i, len(w.Keys))
		d.Agents.Match(w, i, len(w.Keys))
		d.Verbs.Lookup(w.Keys[i])
	}
	d.Discards.Match("Arnor the foreign minister")
	d.Issues.Match("Arnor the foreign minister")
}

func FuzzVerbs(f *testing.F) {
	f.Add([]byte(verbs))
	f.Add([]byte("--- A [010:] ---\n+X_+Y {+Z}\n- $ (IN {&S Q}) * ^ + % [:01]\n"))
	f.Add([]byte("&S_\n+A_B_\n~ a (a b Q) SAY = a b Q\n* (TO &S) [1]\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzLoad(t, b, func(f *dict.Files) { f.Verbs = []string{"f.txt"} }) })
}

func FuzzActors(f *testing.F) {
	f.Add([]byte(actors))
	f.Add([]byte("A_B_ [X]; c\n+C [Y 010101-]\n\t[Z >1]\n\tD_E [W 19990101-20000101]\n"))
	f.Add([]byte("ALPHA_BRAVO-CHARLIE_(ABC)_ [X]\n+D_(E)_\n()_(\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzLoad(t, b, func(f *dict.Files) { f.Actors = []string{"f.txt"} }) })
}

func FuzzAgents(f *testing.F) {
	f.Add([]byte(agents))
	f.Add([]byte("!A! = X, Y\n!B! = Z\n!A!_!B! {} [~Q]\nP {Q_R} [S~]\n!C [~D]\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzLoad(t, b, func(f *dict.Files) { f.Agents = []string{"f.txt"} }) })
}

func FuzzDiscardsIssues(f *testing.F) {
	f.Add([]byte("+TYPHOON\nWORLD CUP_\n<ISSUE>\nn:war v:attack+x [W]\n~a war\n</ISSUE>\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzLoad(t, b, func(f *dict.Files) { f.Discards = []string{"f.txt"}; f.Issues = []string{"f.txt"} })
	})
}

// FuzzVerbLayers loads the input as two verb files, the second amending
// every verb of the first (see the package documentation on layering), and
// checks that a look-up by lemma finds first the later file's entry,
// amending the earlier one.
func FuzzVerbLayers(f *testing.F) {
	f.Add([]byte(verbs))
	f.Add([]byte("--- A [---] ---\nX {Y}\n- * Z [010]\n--- B ---\nX\n- * Z [---]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fsys := fstest.MapFS{"f.txt": &fstest.MapFile{Data: b}, "g.txt": &fstest.MapFile{Data: b}}
		d, _ := dict.Load(fsys, dict.Files{Verbs: []string{"f.txt", "g.txt"}})
		if d == nil {
			t.Fatal("nil Dictionaries")
		}
		for _, blk := range d.Verbs.Blocks {
			for _, v := range blk.Verbs {
				first := d.Verbs.LookupLemma(v.Word)[0]
				if first.Amends == nil || first.Amends.Amends != nil || first.Amends.Block.File != "f.txt" {
					t.Fatalf("%s: first entry %+v does not amend an entry of f.txt", v.Word, first)
				}
			}
		}
	})
}

// FuzzFindStory checks that a story-level discard phrase found in any text
// has offsets that slice that text, spelling the phrase.
func FuzzFindStory(f *testing.F) {
	d, err := dict.Load(fstest.MapFS{"d.txt": &fstest.MapFile{Data: []byte("+GRAND PRIX\n+TYPHOON_\nBASEBALL\n")}},
		dict.Files{Discards: []string{"d.txt"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The Grand Prix went on.")
	f.Add("grand\tprix")
	f.Add("Typhoons and a TYPHOON\n")
	f.Add("é Grand Prix")
	f.Fuzz(func(t *testing.T, text string) {
		m, ok := d.Discards.FindStory(text)
		if !ok {
			return
		}
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("offsets %d-%d outside %q", m.Start, m.End, text)
		}
		if got := dict.Key(strings.Join(strings.Fields(text[m.Start:m.End]), " ")); got != m.Phrase {
			t.Fatalf("text %q at %d-%d is not the phrase %q", text[m.Start:m.End], m.Start, m.End, m.Phrase)
		}
	})
}
