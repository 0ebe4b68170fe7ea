package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/internal/shared"
)

// holders renders what parseText finds as "Title|FULL_NAME_|since", one
// per holder, representatives marked "rep:" and sovereigns who have one
// "(represented)".
func holders(e entry) []string {
	var out []string
	for _, h := range e.holders {
		p, _ := phraseOf(h.name.words())
		s := h.title + "|" + p + "|" + h.since.Format("2006-01-02")
		if h.rep {
			s = "rep:" + s
		}
		if h.represented {
			s += " (represented)"
		}
		out = append(out, s)
	}
	if e.vacant {
		out = append(out, "vacant "+e.since.Format("2006-01-02"))
	}
	return out
}

func TestParseText(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"President Abdelaziz BOUTEFLIKA (since 28 April 1999)", []string{"President|ABDELAZIZ_BOUTEFLIKA_|1999-04-28"}},
		{"Chancellor Friedrich MERZ (since 6 May 2025)", []string{"Chancellor|FRIEDRICH_MERZ_|2025-05-06"}},
		// A bare name, the first clause of a head-of-government entry.
		{"Abdelaziz DJERAD (since 28 December 2019)", []string{"|ABDELAZIZ_DJERAD_|2019-12-28"}},
		// Vice presidents and notes are left out; "Jr." is no name word.
		{"President Joseph R. BIDEN, Jr. (since 20 January 2021); Vice President Kamala D. HARRIS (since 20 January 2021); note - the president is both chief of state and head of government",
			[]string{"President|JOSEPH_R._BIDEN_|2021-01-20"}},
		// East Asian order: the capitals first.
		{"President XI Jinping (since 14 March 2013)", []string{"President|XI_JINPING_|2013-03-14"}},
		{"President MUHAMMAD BIN ZAYID Al Nuhayyan (since 14 May 2022)", []string{"President|MUHAMMAD_BIN_ZAYID_AL_NUHAYYAN_|2022-05-14"}},
		// A Spanish second surname stays in the full name.
		{"President Danilo MEDINA Sanchez (since 16 August 2012); Vice President Margarita CEDENO DE FERNANDEZ (since 16 August 2012);",
			[]string{"President|DANILO_MEDINA_SANCHEZ_|2012-08-16"}},
		// A realm: the monarch is represented by the governor general.
		{"King CHARLES III (since 8 September 2022); represented by Governor General Mary SIMON (since 6 July 2021)",
			[]string{"King|CHARLES_III_|2022-09-08 (represented)", "rep:Governor General|MARY_SIMON_|2021-07-06"}},
		{"President Emmanuel MACRON (since 14 May 2017), represented by High Commissioner of the Republic Eric SPITZ (since 23 September 2022)",
			[]string{"President|EMMANUEL_MACRON_|2017-05-14 (represented)", "rep:|ERIC_SPITZ_|2022-09-23"}},
		// Two co-chiefs of state with a fixed term.
		{"co-chiefs of state Captains Regent Alessandro SCARANO and Adele TONNINI (for the period 1 April 2023 - 1 October 2023)",
			[]string{"|ALESSANDRO_SCARANO_|2023-04-01", "|ADELE_TONNINI_|2023-04-01"}},
		// A collective presidency: the members after the chair count.
		{"Chairperson of the Presidency Denis BECIROVIC (chairperson since 16 March 2024; presidency member since 16 November 2022 - Bosniak seat); Zeljka CVIJANOVIC (presidency member since 16 November 2022 - Serb seat)",
			[]string{"|DENIS_BECIROVIC_|2024-03-16", "|ZELJKA_CVIJANOVIC_|2022-11-16"}},
		// A bare name after a titled clause is someone else's (a deputy
		// whose title the Factbook left out).
		{"Prime Minister Imad Muhammad Dib KHAMIS (since 22 June 2016); Walid al-MUALEM (since 2006)",
			[]string{"Prime Minister|IMAD_MUHAMMAD_DIB_KHAMIS_|2016-06-22"}},
		// The principal title of "Crown Prince and Prime Minister".
		{"Crown Prince and Prime Minister MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud (since 27 September 2022)",
			[]string{"Prime Minister|MUHAMMAD_BIN_SALMAN_BIN_ABD_AL-AZIZ_AL_SAUD_|2022-09-27"}},
		{"Vice President Farouk al-SHARA (since 21 February 2006)", nil},
		{"Acting Vice President Netumbo NANDI-NDAITWAH (since 4 February 2024)", nil},
		// Ranks and styles are neither title nor name.
		{"President Brig. Gen. (Ret.) Teodoro OBIANG Nguema Mbasogo (since 3 August 1979 when he seized power in a military coup)",
			[]string{"President|TEODORO_OBIANG_NGUEMA_MBASOGO_|1979-08-03"}},
		{"Administrator Air Vice-Marshal Peter J.M. SQUIRES (since 1 September 2022); note - the administrator reports to the British Ministry of Defense",
			[]string{"|PETER_J.M._SQUIRES_|2022-09-01"}},
		{"Prime Minister, State Administration Council (SAC) Chair, Sr. Gen. MIN AUNG HLAING (since 1 August 2023)",
			[]string{"Prime Minister|MIN_AUNG_HLAING_|2023-08-01"}},
		// A hyphenated name partly in capitals; a name without capitals.
		{"President Denis SASSOU-Nguesso (since 25 October 1997)", []string{"President|DENIS_SASSOU-NGUESSO_|1997-10-25"}},
		{"Prime Minister Milos Vucevic (since 2 May 2024)", []string{"Prime Minister|MILOS_VUCEVIC_|2024-05-02"}},
		// Former holders, sentences and vacant posts.
		{"Prime Minister Mamady YOULA (since 26 December 2015); Prime Minister Mohamed Said FOFANA (since 24 December 2010) resigned 12/23/15",
			[]string{"Prime Minister|MAMADY_YOULA_|2015-12-26"}},
		{"on 13 November 2022, President HERZOG tasked Benjamin NETANYHU with forming a new government", nil},
		{"President (vacant); note - President Michel SULAYMAN's term expired on 25 May 2014", []string{"vacant 2014-05-25"}},
		{"President (vacant)", []string{"vacant 0001-01-01"}},
		{"vacant (since 7 September 2025)", []string{"vacant 2025-09-07"}},
		{"vacant; former President Bashar al-ASAD was overthrown by Islamist rebels on 8 December 2024", []string{"vacant 2024-12-08"}},
		{"Vice President (vacant)", nil},
		// HTML entities, a stale fragment after a run of blanks.
		{"Prime Minister F&eacute;lix MOLOUA (since 7 February 2022)", []string{"Prime Minister|FELIX_MOLOUA_|2022-02-07"}},
		{"Prime Minister Ayman BENABDERRAHMANE (since 7 July 2021)\u00a0\u00a0\u00a0  Abdelaziz DJERAD (since 28 December 2019)",
			[]string{"Prime Minister|AYMAN_BENABDERRAHMANE_|2021-07-07"}},
		{"Queen of Australia ELIZABETH II (since 6 February 1952)", []string{"Queen|ELIZABETH_II_|1952-02-06"}},
	}
	for _, tt := range tests {
		if got := holders(parseText(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"President Abdelmadjid TEBBOUNE (since 12 December 2019)", []string{"ABDELMADJID_TEBBOUNE_", "PRESIDENT_TEBBOUNE_"}},
		{"President Barack H. OBAMA (since 20 January 2009)", []string{"BARACK_H._OBAMA_", "BARACK_OBAMA_", "PRESIDENT_OBAMA_"}},
		{"President Joao Manuel Goncalves LOURENCO (since 26 September 2017)",
			[]string{"JOAO_MANUEL_GONCALVES_LOURENCO_", "JOAO_LOURENCO_", "PRESIDENT_LOURENCO_"}},
		{"President Pedro SANCHEZ Perez-Castejon (since 2 June 2018)",
			[]string{"PEDRO_SANCHEZ_PEREZ-CASTEJON_", "PEDRO_SANCHEZ_", "PRESIDENT_SANCHEZ_"}},
		{"President XI Jinping (since 14 March 2013)", []string{"XI_JINPING_", "PRESIDENT_XI_"}},
		{"President KHALIFA bin Zayid Al-Nuhayyan (since 3 November 2004)",
			[]string{"KHALIFA_BIN_ZAYID_AL-NUHAYYAN_", "KHALIFA_BIN_ZAYID_", "PRESIDENT_KHALIFA_", "KHALIFA_BIN_ZAYED_AL-NUHAYYAN_", "KHALIFA_BIN_ZAYED_"}},
		// A common given name makes no title phrase; its spellings do.
		{"President MUHAMMAD BIN ZAYID Al Nuhayyan (since 14 May 2022)",
			[]string{"MUHAMMAD_BIN_ZAYID_AL_NUHAYYAN_", "MUHAMMAD_BIN_ZAYID_", "PRESIDENT_MUHAMMAD_BIN_ZAYID_",
				"MOHAMMED_BIN_ZAYID_AL_NUHAYYAN_", "MOHAMMED_BIN_ZAYED_AL_NUHAYYAN_", "MOHAMMAD_BIN_ZAYID_AL_NUHAYYAN_",
				"MOHAMMAD_BIN_ZAYED_AL_NUHAYYAN_", "MOHAMED_BIN_ZAYID_AL_NUHAYYAN_", "MOHAMED_BIN_ZAYED_AL_NUHAYYAN_",
				"MUHAMMAD_BIN_ZAYED_AL_NUHAYYAN_", "MOHAMMED_BIN_ZAYID_", "MOHAMMED_BIN_ZAYED_", "MOHAMMAD_BIN_ZAYID_",
				"MOHAMMAD_BIN_ZAYED_", "MOHAMED_BIN_ZAYID_", "MOHAMED_BIN_ZAYED_", "MUHAMMAD_BIN_ZAYED_",
				"PRESIDENT_MOHAMMED_BIN_ZAYID_", "PRESIDENT_MOHAMMED_BIN_ZAYED_", "PRESIDENT_MOHAMMAD_BIN_ZAYID_",
				"PRESIDENT_MOHAMMAD_BIN_ZAYED_", "PRESIDENT_MOHAMED_BIN_ZAYID_", "PRESIDENT_MOHAMED_BIN_ZAYED_",
				"PRESIDENT_MUHAMMAD_BIN_ZAYED_"}},
		// One-word names only with their title; regnal numbers.
		{"King PHILIPPE (since 21 July 2013)", []string{"KING_PHILIPPE_"}},
		{"King CHARLES III (since 8 September 2022)", []string{"CHARLES_III_", "KING_CHARLES_III_", "KING_CHARLES_"}},
		{"Amir TAMIM bin Hamad Al Thani (since 25 June 2013)",
			[]string{"TAMIM_BIN_HAMAD_AL_THANI_", "TAMIM_BIN_HAMAD_", "EMIR_TAMIM_", "AMIR_TAMIM_"}},
		// A hyphenated name partly in capitals: its parts apart, and the
		// capitals alone.
		{"Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)",
			[]string{"ALI_HOSEINI-KHAMENEI_", "SUPREME_LEADER_HOSEINI-KHAMENEI_", "ALI_HOSEINI_KHAMENEI_",
				"SUPREME_LEADER_HOSEINI_KHAMENEI_", "ALI_KHAMENEI_", "SUPREME_LEADER_KHAMENEI_", "AYATOLLAH_ALI_KHAMENEI_", "AYATOLLAH_KHAMENEI_"}},
		// Nicknames, "Jr.", accents.
		{"President Ferdinand \"BongBong\" R. MARCOS, Jr. (since 30 June 2022)",
			[]string{"FERDINAND_R._MARCOS_", "FERDINAND_R._MARCOS_JR._", "FERDINAND_MARCOS_", "BONGBONG_MARCOS_", "PRESIDENT_MARCOS_", "PRESIDENT_BONGBONG_"}},
		{"President Faustin-Archange TOUAD&Eacute;RA (since 30 March 2016)",
			[]string{"FAUSTIN-ARCHANGE_TOUADERA_", "FAUSTIN-ARCHANGE_TOUADÉRA_", "PRESIDENT_TOUADERA_", "PRESIDENT_TOUADÉRA_"}},
		// Governors make no title phrase ("Governor X" is more often a
		// US state's); a name without capitals only its full form.
		{"Governor Rena LALGIE (since 14 December 2020)", []string{"RENA_LALGIE_"}},
		{"Prime Minister Milos Vucevic (since 2 May 2024)", []string{"MILOS_VUCEVIC_"}},
		{"Prime Minister Mary Elizabeth TRUSS (since 6 September 2022)",
			[]string{"MARY_ELIZABETH_TRUSS_", "MARY_TRUSS_", "ELIZABETH_TRUSS_", "PRIME_MINISTER_TRUSS_", "LIZ_TRUSS_"}},
		{"President Matamela Cyril RAMAPHOSA (since 15 February 2018)",
			[]string{"MATAMELA_CYRIL_RAMAPHOSA_", "MATAMELA_RAMAPHOSA_", "CYRIL_RAMAPHOSA_", "PRESIDENT_RAMAPHOSA_"}},
		{"Prime Minister Muhammad Shehbaz SHARIF (since 3 March 2024)",
			[]string{"MUHAMMAD_SHEHBAZ_SHARIF_", "SHEHBAZ_SHARIF_", "PRIME_MINISTER_SHARIF_", "MOHAMMED_SHEHBAZ_SHARIF_",
				"MOHAMMAD_SHEHBAZ_SHARIF_", "MOHAMED_SHEHBAZ_SHARIF_"}},
	}
	for _, tt := range tests {
		e := parseText(tt.text)
		if len(e.holders) != 1 {
			t.Errorf("%s: %d holders", tt.text, len(e.holders))
			continue
		}
		h := e.holders[0]
		if got := variants(h.name, h.title); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// fixture is a small Factbook history: Ruritania's presidents and prime
// ministers, with the cases the timeline must handle.
const fixture = "first_seen_commit_date\tfile\tcountry_short\trole\ttext\n" +
	// A president re-elected ("since" changes) and replaced.
	"2015-11-07\teurope/rr.json\tRuritania\tchief of state\tPresident Rudolf RASSENDYLL (since 3 May 2010)\n" +
	"2016-11-16\teurope/rr.json\tRuritania\tchief of state\tPresident Rudolf RASSENDYLL (since 3 May 2015)\n" +
	"2020-11-25\teurope/rr.json\tRuritania\tchief of state\tPresident Flavia ELPHBERG (since 1 June 2019)\n" +
	// A prime minister respelt, a vacancy he stays through, a successor.
	"2015-11-07\teurope/rr.json\tRuritania\thead of government\tPrime Minister Michael SAPT (since 2 February 2014)\n" +
	"2021-02-03\teurope/rr.json\tRuritania\thead of government\tPrime Minister Michael SAPPT (since 2 February 2014)\n" +
	"2022-03-01\teurope/rr.json\tRuritania\thead of government\tPrime Minister (vacant); note - Prime Minister SAPPT resigned\n" +
	"2022-04-01\teurope/rr.json\tRuritania\thead of government\tPrime Minister Michael SAPPT (since 2 February 2014)\n" +
	"2024-07-01\teurope/rr.json\tRuritania\thead of government\tPrime Minister Fritz TARLENHEIM (since 20 June 2024)\n" +
	// Two prime ministers of Gondor share a surname: no shared phrase.
	"2015-11-07\teurope/gd.json\tGondor\thead of government\tPrime Minister Boromir HURIN (since 1 January 2012)\n" +
	"2021-06-01\teurope/gd.json\tGondor\thead of government\tPrime Minister Faramir HURIN (since 1 March 2021)\n"

const fixtureCountries = "#ISO\tISO3\tISO-Numeric\tfips\tCountry\n" +
	"RU\tRUR\t999\tRR\tRuritania\n" + "GD\tGDR\t998\tGD\tGondor\n"

func fixtureInput(t *testing.T) input {
	t.Helper()
	fsys := fstest.MapFS{
		// An upstream record of the same president, with an old role.
		"phoenix.txt": {Data: []byte("RUDOLF_RASSENDYLL_\n+RASSENDYLL_\n+PRESIDENT_RUDOLF_RASSENDYLL\n\t[RURGOVMIL 19990101-20091231]\n\t[RURGOV >20100503]\n\t[RURELI]\n" +
			// A namesake in another country: the full name takes its
			// phrase (and the record's phrases and earlier roles, none).
			"FLAVIA_ELPHBERG_\n\t[GDRBUS]\n")},
		"news.txt": {Data: []byte("FRITZ_TARLENHEIM_\n\t[RURLEG <20240619]\n\t[RURGOV >20240620]\n")},
	}
	up, err := newUpstream(fsys, []string{"phoenix.txt"})
	if err != nil {
		t.Fatal(err)
	}
	news, err := newUpstream(fsys, []string{"news.txt"})
	if err != nil {
		t.Fatal(err)
	}
	up.index()
	news.index()
	// countryInfo needs 200 countries to be taken for the real file.
	var ci strings.Builder
	ci.WriteString(fixtureCountries)
	for i := range 200 {
		ci.WriteString("Q" + string(rune('A'+i/26)) + "\tQ" + string(rune('A'+i/26)) + string(rune('A'+i%26)) + "\t0\tQ" + string(rune('A'+i/26)) + string(rune('A'+i%26)) + "\tFiller\n")
	}
	return input{tsv: fixture, countryInfo: ci.String(), upstream: up, news: news}
}

// TestGenerate checks the records made from the fixture: dates from the
// "since" dates, the successor's start as the end, a respelling and a
// vacancy that do not end a tenure, the upstream record merged with its
// old roles and phrases, a record of another country with the full name
// taken over, a phrase two persons share dropped, a person of the news
// file left to it.
func TestGenerate(t *testing.T) {
	b, rep, err := generate(fixtureInput(t))
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	for _, want := range []string{
		"RUDOLF_RASSENDYLL_\n+PRESIDENT_RASSENDYLL_\n+RASSENDYLL_\n+PRESIDENT_RUDOLF_RASSENDYLL\n\t[RURGOVMIL 19990101-20091231]\n\t[RURGOV 20100503-20190531]\n\t[RURELI]\n",
		"# President Flavia ELPHBERG; merged with phoenix.txt:7\nFLAVIA_ELPHBERG_\n+PRESIDENT_ELPHBERG_\n\t[RURGOV >20190601]\n\t[RURELI]\n",
		"MICHAEL_SAPPT_\n+PRIME_MINISTER_SAPPT_\n+MICHAEL_SAPT_\n+PRIME_MINISTER_SAPT_\n\t[RURGOV 20140202-20240619]\n\t[RURELI]\n",
		"BOROMIR_HURIN_\n\t[GDRGOV 20120101-20210228]\n",
		"FARAMIR_HURIN_\n\t[GDRGOV >20210301]\n",
		"# President Rudolf RASSENDYLL; end 2019-05-31 uncertain (no snapshot from 2016-11-16 to 2020-11-25); merged with phoenix.txt:1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	if strings.Contains(out, "TARLENHEIM") {
		t.Error("a person of the news file is written")
	}
	if len(rep.news) != 1 || rep.persons != 5 || rep.countries != 2 {
		t.Errorf("report: news %q, %d persons in %d countries", rep.news, rep.persons, rep.countries)
	}
	if !slices.ContainsFunc(rep.conflicts, func(s string) bool { return strings.HasPrefix(s, "PRIME_MINISTER_HURIN_: shared by") }) {
		t.Errorf("conflicts %q", rep.conflicts)
	}
	// Deterministic: the same input, the same bytes.
	b2, _, _ := generate(fixtureInput(t))
	if !bytes.Equal(b, b2) {
		t.Error("two runs differ")
	}
}

// TestNewsDisagrees checks that a news record contradicting the Factbook
// fails the generator, naming it.
func TestNewsDisagrees(t *testing.T) {
	in := fixtureInput(t)
	fsys := fstest.MapFS{"news.txt": {Data: []byte("FRITZ_TARLENHEIM_\n\t[RURLEG]\n")}}
	news, err := newUpstream(fsys, []string{"news.txt"})
	if err != nil {
		t.Fatal(err)
	}
	news.index()
	in.news = news
	_, _, err = generate(in)
	if err == nil || !strings.Contains(err.Error(), "news.txt:1 FRITZ_TARLENHEIM_ contradicts the Factbook") {
		t.Errorf("err = %v", err)
	}
}

// TestUnmappedCountry checks that a country without a code and entries
// after 2015 fails the generator.
func TestUnmappedCountry(t *testing.T) {
	in := fixtureInput(t)
	in.tsv += "2020-01-01\teurope/zz.json\tZembla\tchief of state\tPresident Charles KINBOTE (since 1 January 2019)\n"
	_, _, err := generate(in)
	if err == nil || !strings.Contains(err.Error(), "country ZZ (Zembla): no ISO 3166 code") {
		t.Errorf("err = %v", err)
	}
	in = fixtureInput(t)
	in.tsv += "2015-11-07\teurope/zz.json\tZembla\tchief of state\tPresident Charles KINBOTE (since 1 January 2010)\n"
	if _, rep, err := generate(in); err != nil || !slices.ContainsFunc(rep.noCode, func(s string) bool { return strings.HasPrefix(s, "ZZ Zembla") }) {
		t.Errorf("a country with entries of 2015 only: err %v, unmapped %q", err, rep.noCode)
	}
}

// TestAbsent checks the generator leaves its output alone when the data
// folder is absent.
func TestAbsent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.txt")
	if err := os.WriteFile(out, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	if err := run(filepath.Join(t.TempDir(), "nope"), "nope.txt", out, false, &log); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "kept" || !strings.Contains(log.String(), "left as it is") {
		t.Errorf("output %q, log %q", b, log.String())
	}
}

// TestCurrent checks the committed file is what the generator makes from
// the data folder (CI checks the same with go generate).
func TestCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole Factbook history")
	}
	dir := shared.Data(t, "actors", "factbook")
	geo := shared.Data(t, "geo", "countryInfo.txt")
	in, err := readInput(dir, geo)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := generate(in)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "eventwire", "actors.factbook.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("data/eventwire/actors.factbook.txt is stale: run go generate in data/")
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"President Abdelaziz BOUTEFLIKA (since 28 April 1999)",
		"co-chiefs of state Captains Regent A B and C D (for the period 1 April 2023 - 1 October 2023)",
		"King X II; represented by Governor General Y Z (since 1 May 2020)",
		"vacant; on 8 December 2024", "((((", "President \"", "a-b-c-D-E-f", "since 99 May 2020",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := parseText(s)
		for _, h := range e.holders {
			if len(h.name.caps) == 0 {
				t.Fatalf("%q: a name without capitals: %+v", s, h.name)
			}
			_ = variants(h.name, h.title)
		}
	})
}

// TestUpstreamGroupedPhrases checks that a record's phrases include the
// primary phrases written in a row before its codes, as coder/dict reads
// them, and stop at the next record.
func TestUpstreamGroupedPhrases(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("MIKHAIL_GORBACHEV_\n+GORBACHEV\nGENERAL_SECRETARY_GORBACHEV\n\t[RUSGOV 850311-911225]\n\t[RUSELI]\nBORIS_YELTSIN_ [RUSELI]\n")}}
	u, err := newUpstream(fsys, []string{"a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	w := u.d.Actors
	a, _ := w.Match(dict.NewWords(strings.Fields("General Secretary Gorbachev")), 0, 3)
	if a == nil || a.Line != 1 {
		t.Fatalf("General Secretary Gorbachev: record %+v, want the one at line 1", a)
	}
	got := u.phrases(a)
	want := []string{"MIKHAIL_GORBACHEV_", "GORBACHEV", "GENERAL_SECRETARY_GORBACHEV"}
	if !slices.Equal(got, want) {
		t.Errorf("phrases %q, want %q", got, want)
	}
}

// TestNewsEndsUnseen checks the news file may end a time in office
// between the last snapshot that lists the person and the successor's
// start, which the Factbook does not see (Rassendyll was last seen in
// office on 2016-11-16; his successor took office on 2019-06-01), but not
// before that snapshot.
func TestNewsEndsUnseen(t *testing.T) {
	for _, tc := range []struct {
		end string
		ok  bool
	}{{"20180101", true}, {"20160601", false}} {
		in := fixtureInput(t)
		rec := "RUDOLF_RASSENDYLL_\n\t[RURGOV 20100503-" + tc.end + "]\n\t[IGOUNO]\n"
		news, err := newUpstream(fstest.MapFS{"news.txt": {Data: []byte(rec)}}, []string{"news.txt"})
		if err != nil {
			t.Fatal(err)
		}
		news.index()
		in.news = news
		_, rep, err := generate(in)
		if ok := err == nil; ok != tc.ok {
			t.Errorf("GOV until %s: err %v, want ok %v", tc.end, err, tc.ok)
		}
		if tc.ok && (rep == nil || len(rep.news) != 1) {
			t.Errorf("GOV until %s: the news record should take the person", tc.end)
		}
	}
}
