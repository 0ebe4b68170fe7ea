package dict_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/internal/shared"
)

func load(t *testing.T, files map[string]string, f dict.Files) (*dict.Dictionaries, dict.ErrorList) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	d, err := dict.Load(fsys, f)
	if d == nil {
		t.Fatal("Load returned nil Dictionaries")
	}
	var el dict.ErrorList
	if err != nil && !errors.As(err, &el) {
		t.Fatalf("error %T is not an ErrorList: %v", err, err)
	}
	return d, el
}

func TestErrorsCarryFileLine(t *testing.T) {
	tests := []struct {
		name  string
		kind  string
		body  string
		wants []string // "file:line: substring"
	}{
		{"verb pattern without code", "verbs", "--- A [010] ---\nA\n- * THING\n", []string{"v.txt:3: pattern: no [code]"}},
		{"bad transformation", "verbs", "--- A [010] ---\nA\n~ a (b ATTACK) SAY = a b 112\n", []string{"v.txt:3: transformation: want"}},
		{"undefined synset", "verbs", "--- A [010] ---\nA\n- * &NOPE [011]\n", []string{"v.txt:3: pattern: undefined synset &NOPE"}},
		{"pattern before block", "verbs", "- * X [010]\n--- A [010] ---\n", []string{"v.txt:1: pattern before any verb block"}},
		{"two errors", "verbs", "--- A [010] ---\nA\n- * X\n# fine\n- * (Y [010]\n", []string{"v.txt:3:", "v.txt:5: pattern: unclosed ("}},
		{"bad date", "actors", "GOLLUM\n\t[HOB <9506]\n", []string{"a.txt:2: date restriction"}},
		{"synonym first", "actors", "+SMEAGOL\n", []string{"a.txt:1: synonym"}},
		{"agent without tilde", "agents", "POLICE [COP]\n", []string{"g.txt:1: agent code [COP] has no ~"}},
		{"undefined substitution", "agents", "CONGRESS!PERSON! [~LEG]\n", []string{"g.txt:1: undefined substitution set !PERSON!"}},
		{"missing file", "missing", "", []string{"nope.txt: open"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f dict.Files
			files := map[string]string{}
			switch tt.kind {
			case "verbs":
				f.Verbs, files["v.txt"] = []string{"v.txt"}, tt.body
			case "actors":
				f.Actors, files["a.txt"] = []string{"a.txt"}, tt.body
			case "agents":
				f.Agents, files["g.txt"] = []string{"g.txt"}, tt.body
			case "missing":
				f.Verbs = []string{"nope.txt"}
			}
			_, el := load(t, files, f)
			if len(el) != len(tt.wants) {
				t.Fatalf("got %d errors %v, want %d", len(el), el, len(tt.wants))
			}
			for i, w := range tt.wants {
				if !strings.Contains(el[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, el[i].Error(), w)
				}
			}
		})
	}
}

const actors = `ARNOR_  [ARN]
+ARNORIAN_
ARGENTIN  [ARG]
GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
NURSULTAN_NAZARBAYEV_ [KAZGOV]
IRAQ_
	[IRQ <20030320]
	[IRQOCC 1920030320-20060520]
	[IRQ >20060520]
ZAHIR_SHAH_
	[AFGGOV 331108-730717]
NEW_ZEALAND [NZE]
ZEALAND [DNK]
AL-QAEDA [ALQ]
LORD'S_RESISTANCE_ARMY_ [UGAREB]
BOSNIA-HERZEGOVINA_ [BIH]
ARAGORN_
KING_ELESSAR
STRIDER_OF_BREE
	[ARNGOV >30190101]
	[ARNELI]
NORWAY_ [NOR]
+CHRISTIANIA_
SEYCHELLES_ [SYC]
HEZBOLLAH_ [LBNREB]
DIRECTV_ [MNCUSAMED]
ASSAD [SYRGOV]
`

func TestActorsMatch(t *testing.T) {
	d, el := load(t, map[string]string{"a.txt": actors}, dict.Files{Actors: []string{"a.txt"}})
	if len(el) != 1 || el[0].Line != 12 { // the bad range copied from Phoenix
		t.Fatalf("errors %v, want one at a.txt:12", el)
	}
	day := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
	tests := []struct {
		words string
		date  time.Time
		code  string
		n     int
	}{
		{"Arnor said", time.Time{}, "ARN", 1},
		// Primary phrases in a row share the codes that follow them.
		{"Aragorn spoke", day("2020-01-01"), "ARNELI", 1},
		{"King Elessar spoke", day("2020-01-01"), "ARNELI", 2},
		{"Strider of Bree spoke", time.Time{}, "ARNELI", 3},
		{"Arnorian troops", time.Time{}, "ARN", 1},
		{"Argentina won", time.Time{}, "ARG", 1}, // stem
		{"Argentinians won", time.Time{}, "ARG", 1},
		{"Argentinosaurus", time.Time{}, "", 0},      // suffix too long for a stem
		{"Smeagol ran", day("1995-05-31"), "HOB", 1}, // < date
		{"Smeagol ran", day("1995-06-01"), "HOB", 1}, // < is inclusive, the first role wins
		{"Smeagol ran", day("1995-06-02"), "HOBGOV", 1},
		{"Gollum ran", day("1999-08-15"), "HOBGOV", 1},          // upper bound inclusive
		{"Gollum ran", day("1999-08-16"), "HOBREB", 1},          // > date
		{"Nursultan Nazarbaev spoke", time.Time{}, "KAZGOV", 2}, // transliteration
		{"New Zealand", time.Time{}, "NZE", 2},                  // longest match
		{"Zealand", time.Time{}, "DNK", 1},
		{"Iraq", day("2005-01-01"), "IRQ", 1},       // gap left by a bad range keeps the state
		{"Zahir Shah", day("1990-01-01"), "", 2},    // after the last role: out of office
		{"Arnorians", time.Time{}, "ARN", 1},        // plural of a one-word name
		{"nursultan nazarbaev", time.Time{}, "", 0}, // variants only for names
		{"Christian leaders", time.Time{}, "", 0},   // a word that lacks an ending is another word, no variant
		{"Christiania", time.Time{}, "NOR", 1},
		{"Schools reopened", time.Time{}, "", 0},         // no variants of a state's names
		{"Directive issued", time.Time{}, "", 0},         // nor of a company's
		{"Hizballah fighters", time.Time{}, "LBNREB", 1}, // a group's are kept
		{"Al-Qaeda fighters", time.Time{}, "ALQ", 1},
		{"Al - Qaeda fighters", time.Time{}, "ALQ", 3}, // tokenized as UD English does
		{"Bosnia - Herzegovina said", time.Time{}, "BIH", 3},
		{"Al - Jazeera", time.Time{}, "", 0},
		{"Lord's Resistance Army fighters", time.Time{}, "UGAREB", 3},
		{"Lord 's Resistance Army fighters", time.Time{}, "UGAREB", 4}, // tokenized as UD English does
		{"Lord ’s Resistance Army fighters", time.Time{}, "UGAREB", 4}, // a typographic apostrophe
		// A one-word stem of an actor with a role code (a person, a group)
		// takes a plural but no other ending: "Assadi" is another name.
		{"Assad spoke", time.Time{}, "SYRGOV", 1},
		{"Assads spoke", time.Time{}, "SYRGOV", 1},
		{"Assadi spoke", time.Time{}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			w := dict.NewWords(strings.Fields(tt.words))
			a, n := d.Actors.Match(w, 0, len(w.Keys))
			code := ""
			if a != nil {
				code = a.CodeAt(tt.date)
			}
			if code != tt.code || n != tt.n {
				t.Errorf("Match(%q) = %q, %d; want %q, %d", tt.words, code, n, tt.code, tt.n)
			}
		})
	}
}

const agents = `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
CONGRESS!PERSON! [~LEG]
POLICE {} [~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
FOREIGN_MINISTER [~GOVFRM]
FOREIGN_MINISTRY [~GOV]
MSF {} [NGO~]
VICE-PRESIDENT [~GOVVPR]
`

func TestAgentsMatch(t *testing.T) {
	d, el := load(t, map[string]string{"g.txt": agents}, dict.Files{Agents: []string{"g.txt"}})
	if len(el) > 0 {
		t.Fatal(el)
	}
	tests := []struct {
		words, code string
		prefix      bool
	}{
		{"congresswomen", "LEG", false},
		{"police", "COP", false},
		{"polices", "", false}, // {} means no plural
		{"golden geese", "GGS", false},
		{"golden gooses", "", false}, // explicit plural replaces the regular one
		{"foreign ministers", "GOVFRM", false},
		{"foreign ministry", "GOV", false},
		{"MSF", "NGO", true},
		{"vice-president", "GOVVPR", false},
		{"vice - presidents", "GOVVPR", false}, // split like UD English
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			w := dict.NewWords(strings.Fields(tt.words))
			a, _ := d.Agents.Match(w, 0, len(w.Keys))
			code, prefix := "", false
			if a != nil {
				code, prefix = a.Code, a.Prefix
			}
			if code != tt.code || prefix != tt.prefix {
				t.Errorf("Match(%q) = %q prefix=%v; want %q prefix=%v", tt.words, code, prefix, tt.code, tt.prefix)
			}
		})
	}
}

const verbs = `&TREATY
+TREATY
+PEACE_ACCORD
&AUX_
+WAS

--- BREAK [120] ---
BREAK {BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN }
WIRE_+TAP {WIRE_+TAPPED }
- * &TREATY  [1246]
- % * (WITH +) [040:040]
- * (DOWN) [:190]
--- DEPLORE [111] ---
DEPLORE
~ a (b . ATTACK) SAY = a b 112
`

func TestVerbs(t *testing.T) {
	d, el := load(t, map[string]string{"v.txt": verbs}, dict.Files{Verbs: []string{"v.txt"}})
	if len(el) > 0 {
		t.Fatal(el)
	}
	v := d.Verbs
	if got := v.Synsets["&TREATY"]; len(got) != 4 { // TREATY TREATIES, PEACE ACCORD(S)
		t.Errorf("&TREATY = %v, want 4 members with plurals", got)
	}
	if got := v.Synsets["&AUX_"]; len(got) != 1 {
		t.Errorf("&AUX_ = %v, want no plurals", got)
	}
	forms := []struct {
		form, word string
		after      string
	}{
		{"broke", "BREAK", ""},
		{"broken", "BREAK", ""},
		{"deplored", "DEPLORE", ""},
		{"deplores", "DEPLORE", ""},
		{"deploring", "DEPLORE", ""},
		{"tapped", "TAP", ""},
	}
	for _, f := range forms {
		vs := v.Lookup(f.form)
		if len(vs) == 0 || vs[0].Word != f.word {
			t.Errorf("Lookup(%q) = %v, want %s", f.form, vs, f.word)
		}
	}
	if vs := v.Lookup("breaks"); len(vs) != 0 {
		t.Errorf("Lookup(breaks) = %v: irregular forms given, so no regular ones", vs)
	}
	if vs := v.Lookup("deploreed"); len(vs) != 0 {
		t.Errorf("Lookup(deploreed) = %v", vs)
	}
	var down *dict.Verb
	for _, x := range v.Lookup("broke") {
		if len(x.After) == 1 && x.After[0] == "DOWN" {
			down = x
		}
	}
	if down == nil {
		t.Fatal("BROKE_DOWN not indexed under BROKE")
	}
	tap := v.Lookup("tapped")[0]
	if len(tap.Before) != 1 || tap.Before[0] != "WIRE" {
		t.Errorf("WIRE_+TAP: Before = %v", tap.Before)
	}
	b := v.Blocks[0]
	if len(b.Patterns) != 3 {
		t.Fatalf("patterns = %d, want 3", len(b.Patterns))
	}
	p := b.Patterns[1]
	if len(p.Pre) != 1 || p.Pre[0].Kind != dict.ElemCompound || len(p.Post) != 1 ||
		p.Post[0].Kind != dict.ElemPrep || p.Post[0].Prep != "WITH" || !p.Post[0].HasRole || p.Post[0].Role != dict.ElemTarget {
		t.Errorf("pattern %q parsed as %+v", p.Text, p)
	}
	if c := p.Code; c.Event != "040" || c.Reverse != "040" {
		t.Errorf("code = %+v", c)
	}
	if got := b.Patterns[0].Text; got != "* &TREATY [1246]" {
		t.Errorf("pattern text %q: want blanks collapsed, as reported in Event.Pattern", got)
	}
	if c := b.Patterns[2].Code; c.Event != "" || c.Reverse != "190" {
		t.Errorf("[:190] = %+v", c)
	}
	if len(v.Transformations) != 1 {
		t.Fatalf("transformations = %d, want 1", len(v.Transformations))
	}
	tr := v.Transformations[0]
	if tr.Source != "a" || tr.LowerSource != "b" || tr.LowerTarget != "." || tr.LowerVerb != "ATTACK" || tr.Verb != "SAY" ||
		tr.ResultSource != "a" || tr.ResultTarget != "b" || tr.ResultCode != "112" || tr.Line != 16 {
		t.Errorf("transformation parsed as %+v", tr)
	}
}

func TestDiscards(t *testing.T) {
	d, _ := load(t, map[string]string{"d.txt": "+TYPHOON\nBASEBALL\nWORLD CUP_\n"}, dict.Files{Discards: []string{"d.txt"}})
	tests := []struct {
		text        string
		sent, story bool
	}{
		{"A typhoon hit.", false, true},
		{"They played baseballs.", true, false}, // a stem
		{"The World Cup, again.", true, false},
		{"The World Cups.", false, false}, // _ needs a word end
		{"Nothing here.", false, false},
		{"Rain.\nBaseball again.", true, false}, // any blank separates words
	}
	for _, tt := range tests {
		s, st, _ := d.Discards.Match(tt.text)
		if s != tt.sent || st != tt.story {
			t.Errorf("Match(%q) = %v,%v; want %v,%v", tt.text, s, st, tt.sent, tt.story)
		}
	}
}

// TestFindStory: the story-level phrase is found with its offsets in the
// text, the file and line of its entry; sentence-level phrases are not
// story phrases.
func TestFindStory(t *testing.T) {
	d, _ := load(t, map[string]string{"d.txt": "BASEBALL\n+TYPHOON\n"}, dict.Files{Discards: []string{"d.txt"}})
	text := "Baseball first.\nThen a  Typhoon hit."
	m, ok := d.Discards.FindStory(text)
	if !ok || text[m.Start:m.End] != "Typhoon" || m.Phrase != "TYPHOON" || m.File != "d.txt" || m.Line != 2 {
		t.Errorf("FindStory = %+v, %v; want Typhoon at d.txt:2", m, ok)
	}
	if m, ok := d.Discards.FindStory("Baseball only."); ok {
		t.Errorf("FindStory found %+v in a text with a sentence-level phrase only", m)
	}
}

// TestHashtagWords: a hashtag is looked up as its word, so that quoted
// posts name their actors ("#US blockade measure"); a lone "#" or "#1" is
// left as it is.
func TestHashtagWords(t *testing.T) {
	d, _ := load(t, map[string]string{"a.txt": "UNITED_STATES_ [USA]\n+US_\n"}, dict.Files{Actors: []string{"a.txt"}})
	w := dict.NewWords([]string{"new", "#US", "measure"})
	if a, n := d.Actors.Match(w, 1, 3); a == nil || n != 1 || a.Code != "USA" {
		t.Errorf("Match(#US) = %v, %d; want the United States", a, n)
	}
	if w := dict.NewWords([]string{"#", "#1"}); w.Keys[0] != "#" || w.Keys[1] != "#1" {
		t.Errorf("keys %q; want # and #1 unchanged", w.Keys)
	}
}

func TestSkeleton(t *testing.T) {
	pairs := [][2]string{{"NAZARBAEV", "NAZARBAYEV"}, {"HIZBALLAH", "HEZBOLLAH"}}
	for _, p := range pairs {
		if a, b := dict.Skeleton(p[0]), dict.Skeleton(p[1]); a == "" || a != b {
			t.Errorf("Skeleton(%s)=%q, Skeleton(%s)=%q; want equal", p[0], a, p[1], b)
		}
	}
	if dict.Skeleton("IRAN") != "" {
		t.Error("short words must have no skeleton")
	}
	if s := dict.Skeleton("RUSSIA"); s != "" {
		t.Errorf("Skeleton(RUSSIA) = %q: too few consonants to be selective", s)
	}
	if s := dict.Skeleton("MICHAEL"); s != "" {
		t.Errorf("Skeleton(MICHAEL) = %q: four consonants match too much (MECHEL)", s)
	}
	if a, b := dict.Skeleton("KALASHNIKOV"), dict.Skeleton("KOLESNIKOV"); a == "" || a == b {
		t.Errorf("KALASHNIKOV %q and KOLESNIKOV %q: want distinct keys", a, b)
	}
}

// petrarchDir is ../shared/data/petrarch beside the repository; when it is
// absent the test fails under CI and skips otherwise.
func petrarchDir(tb testing.TB) string {
	tb.Helper()
	return shared.Data(tb, "petrarch")
}

var phoenix = dict.Files{
	Verbs:    []string{"CAMEO.2.0.txt"},
	Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
	Agents:   []string{"Phoenix.agents.txt"},
	Discards: []string{"Phoenix.discards.txt"},
	Issues:   []string{"Phoenix.IssueCoding.txt"},
}

// TestLoadPhoenix loads the operational dictionaries; their known defects
// are reported with file:line and everything else is kept.
func TestLoadPhoenix(t *testing.T) {
	d, err := dict.Load(os.DirFS(petrarchDir(t)), phoenix)
	var el dict.ErrorList
	if err != nil && !errors.As(err, &el) {
		t.Fatal(err)
	}
	for _, e := range el {
		if e.Line == 0 {
			t.Errorf("error without a line: %v", e)
		}
	}
	if len(el) > 40 {
		t.Errorf("%d errors; the files have about 30 known defects", len(el))
	}
	blocks, forms := d.Verbs.Len()
	if blocks < 300 || forms < 5000 || d.Actors.Len() < 20000 || d.Agents.Len() < 2000 {
		t.Errorf("loaded blocks=%d forms=%d actors=%d agents=%d: too few", blocks, forms, d.Actors.Len(), d.Agents.Len())
	}
	w := dict.NewWords([]string{"Bashar", "al-Assad"})
	if a, n := d.Actors.Match(w, 0, 2); a == nil || n != 2 {
		t.Errorf("BASHAR AL-ASSAD not found")
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	fsys := os.DirFS(petrarchDir(b))
	cpu0 := cpuTime()
	for b.Loop() {
		d, _ := dict.Load(fsys, phoenix)
		if d.Actors.Len() == 0 {
			b.Fatal("no actors")
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// TestVerbLayering checks how a later verb file amends the verbs of an
// earlier one: its code wins ([---] withdraws the bare verb's code), a
// header without a code keeps the earlier code, a pattern with the same
// elements replaces the earlier one, the other earlier patterns stay, and
// look-ups (by form, irregular form and lemma) return the amended entry
// in the earlier one's place. Within one file the first entry still wins.
func TestVerbLayering(t *testing.T) {
	const base = `&ARMS
+WEAPON
--- PRAISE [051] ---
PRAISE
ENCOURAGE
- * (FOR ^) [051]
- * TALKS [026]
--- SEND [---] ---
TRANSPORT
SEND {SENDS SENT SENDING}
- * &ARMS [072]
- * AID [070]
--- SEND_TWICE [040] ---
SEND
--- ROLL [190] ---
ROLL
- * (DOWN) [080]
`
	const news = `--- APPEAL [---] ---
ENCOURAGE
- * (TO ^) [020]
- * TALKS [036]
--- SEND_FIX ---
SEND
- * &ARMS [---]
- IN * (OF &ARMS) IN ^ [---]
--- NEW [---] ---
PRAISE [052]
INSPIRE
--- ROLL_MORE ---
ROLL
- * (OVER +) [190]
`
	const third = `--- AGAIN [042] ---
SEND
`
	d, el := load(t, map[string]string{"base.txt": base, "news.txt": news, "third.txt": third},
		dict.Files{Verbs: []string{"base.txt", "news.txt", "third.txt"}})
	if len(el) > 0 {
		t.Fatal(el)
	}
	v := d.Verbs
	codes := func(form string) []string {
		var out []string
		for _, e := range v.Lookup(form) {
			var pats []string
			for _, p := range e.Block.Patterns {
				pats = append(pats, p.File+":"+p.Text)
			}
			out = append(out, e.Block.File+" "+e.Code.String()+" "+strings.Join(pats, ", "))
		}
		return out
	}
	tests := []struct {
		form string
		want []string
	}{
		// [---] withdraws the code; TALKS re-coded, (FOR ^) kept.
		{"encouraged", []string{"news.txt --- news.txt:* (TO ^) [020], news.txt:* TALKS [036], base.txt:* (FOR ^) [051]"}},
		// Own [code] on a verb of a [---] block.
		{"praise", []string{"news.txt 052 base.txt:* (FOR ^) [051], base.txt:* TALKS [026]"}},
		// A new verb: only its own block.
		{"inspires", []string{"news.txt --- "}},
		// Untouched.
		{"transport", []string{"base.txt --- base.txt:* &ARMS [072], base.txt:* AID [070]"}},
		// Three layers: third.txt re-codes, news.txt withdrew &ARMS; the
		// within-file second SEND of base.txt is amended too, so that no
		// form reaches the unamended entry.
		{"sends", []string{"third.txt 042 news.txt:* &ARMS [---], news.txt:IN * (OF &ARMS) IN ^ [---], base.txt:* AID [070]"}},
		// A block that adds patterns only reports the bare verb where its
		// code comes from.
		{"rolled", []string{"base.txt 190 news.txt:* (OVER +) [190], base.txt:* (DOWN) [080]"}},
	}
	for _, tt := range tests {
		got := codes(tt.form)
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s:\n got %q\nwant %q", tt.form, got, tt.want)
		}
	}
	// A header without a code keeps the earlier code: SEND_FIX amends
	// SEND of base.txt ([---]) and is itself amended by third.txt.
	send := v.Lookup("send")[0]
	if mid := send.Amends; mid == nil || mid.Code.String() != "---" || mid.Block.File != "base.txt" || mid.Line != 10 ||
		mid.Amends == nil || mid.Amends.Block.Name != "SEND" || send.Line != 2 || send.Block.Name != "AGAIN" {
		t.Errorf("send.Amends chain wrong: %+v", send.Amends)
	}
	roll := v.Lookup("roll")[0]
	if roll.Block.File != "base.txt" || roll.Line != 16 || roll.Block.Name != "ROLL" {
		t.Errorf("ROLL amended by a block without a code reports %s:%d %s, want base.txt:16 ROLL", roll.Block.File, roll.Line, roll.Block.Name)
	}
	if l := v.LookupLemma("encourage"); len(l) != 1 || l[0].Block.File != "news.txt" {
		t.Errorf("LookupLemma(encourage) = %v", l)
	}
	if blocks, _ := v.Len(); blocks != 9 {
		t.Errorf("blocks = %d, want the 9 blocks of the files", blocks)
	}
	// Within one file the first of two entries of a phrase wins, as before.
	d, _ = load(t, map[string]string{"one.txt": base}, dict.Files{Verbs: []string{"one.txt"}})
	if l := d.Verbs.Lookup("send"); len(l) != 2 || l[0].Code.String() != "---" || l[0].Amends != nil {
		t.Errorf("within one file: %v", l)
	}
}

// BenchmarkLoadShipped loads what eventwire ships (data.DefaultFiles):
// the upstream dictionaries and eventwire's own layers over them.
func BenchmarkLoadShipped(b *testing.B) {
	files := dict.Files(data.DefaultFiles())
	cpu0 := cpuTime()
	for b.Loop() {
		d, _ := dict.Load(data.FS(), files)
		if d.Actors.Len() == 0 || len(d.Verbs.LookupLemma("encourage")) == 0 || d.Verbs.LookupLemma("encourage")[0].Amends == nil {
			b.Fatal("shipped layers not loaded")
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// TestDigest checks the dictionaries' digest names what was loaded: the
// same files give the same digest, a changed byte or another file order
// another one.
func TestDigest(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("RUSSIA_ [RUS]\n")},
		"b.txt": {Data: []byte("IRAN_ [IRN]\n")},
	}
	load := func(fsys fs.FS, names ...string) string {
		t.Helper()
		d, err := dict.Load(fsys, dict.Files{Actors: names})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Digest) != 12 {
			t.Fatalf("digest %q, want 12 hex digits", d.Digest)
		}
		return d.Digest
	}
	d1, d2 := load(fsys, "a.txt", "b.txt"), load(fsys, "a.txt", "b.txt")
	if d1 != d2 {
		t.Errorf("same files, digests %s and %s", d1, d2)
	}
	if d := load(fsys, "b.txt", "a.txt"); d == d1 {
		t.Errorf("another order, same digest %s", d)
	}
	changed := fstest.MapFS{"a.txt": {Data: []byte("RUSSIA_ [RUSGOV]\n")}, "b.txt": fsys["b.txt"]}
	if d := load(changed, "a.txt", "b.txt"); d == d1 {
		t.Errorf("changed file, same digest %s", d)
	}
}

// TestRepeatedPatternLastWins: a pattern listed twice in one block codes
// with its last listing, as in the PETRARCH readers, which keep patterns in
// a table keyed by their words (CAMEO.2.0.txt lists "* EXPLANATION" under
// DEMAND with 090 and then 101). It keeps the place of its first listing.
func TestRepeatedPatternLastWins(t *testing.T) {
	const verbs = `--- DEMAND [100] ---
DEMAND
- * EXPLANATION [090]
- * (FROM $) [100]
- * EXPLANATION [101]
- *   EXPLANATION   [1011]
- * (FOR +) [100]
`
	d, errs := load(t, map[string]string{"v.txt": verbs}, dict.Files{Verbs: []string{"v.txt"}})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b := d.Verbs.Blocks[0]
	var got []string
	for _, p := range b.Patterns {
		got = append(got, p.Text)
	}
	want := []string{"* EXPLANATION [1011]", "* (FROM $) [100]", "* (FOR +) [100]"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("patterns = %q, want %q", got, want)
	}
	if p := b.Patterns[0]; p.Code.Event != "1011" || p.Line != 6 {
		t.Errorf("EXPLANATION codes %q from line %d, want 1011 from line 6", p.Code.Event, p.Line)
	}
}

// A name with a bracketed acronym is also found as the name alone and as
// the acronym written in capitals, when the acronym is the name's
// initials; a bracket that qualifies or names something else adds nothing,
// and another record's own phrase wins over such an alias.
func TestParenthesisedNames(t *testing.T) {
	const body = `TAMIL_TIGERS_ [XXXREB]
LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB]
MUJAHEDIN-E-KHALQ_(MEK)_ [INTREB]
REVOLUTIONARY_ARMED_CORPS_(CAR)_ [ECUREB]
GEORGIA_(COUNTRY)_ [GEO]
NATIONAL_LIBERATION_ARMY_(COLOMBIA)_ [COLREB]
TIGERS_OF_ALBION_ [AAAREB]
TIGERS_OF_ALBION_(TOA)_ [GBRREB]
`
	d, el := load(t, map[string]string{"a.txt": body}, dict.Files{Actors: []string{"a.txt"}})
	if len(el) != 0 {
		t.Fatal(el)
	}
	tests := []struct {
		words string
		code  string
		n     int
	}{
		{"Liberation Tigers of Tamil Eelam attacked", "LKAREB", 5},
		{"Liberation Tigers of Tamil Eelam (LTTE) attacked", "LKAREB", 6}, // the bracket as one word, as upstream writes it
		{"LTTE attacked", "LKAREB", 1},
		{"Ltte attacked", "", 0}, // an acronym only in capitals
		{"MEK attacked", "INTREB", 1},
		{"Mujahedin - e - Khalq attacked", "INTREB", 5},
		{"CAR signed", "", 0},                // not Revolutionary Armed Corps' initials
		{"Revolutionary Armed Corps", "", 0}, // nor its name without them
		{"Georgia (country)", "GEO", 2},
		{"National Liberation Army fought", "", 0}, // a qualifier, not an acronym
		{"Tigers of Albion attacked", "AAAREB", 3}, // an earlier record's own phrase beats a later alias
		{"TOA attacked", "GBRREB", 1},
	}
	for _, tt := range tests {
		w := dict.NewWords(strings.Fields(tt.words))
		a, n := d.Actors.Match(w, 0, len(w.Keys))
		code := ""
		if a != nil {
			code = a.CodeAt(time.Time{})
		}
		if code != tt.code || n != tt.n {
			t.Errorf("%q: got %q, %d words; want %q, %d", tt.words, code, n, tt.code, tt.n)
		}
	}
}
