package data_test

import (
	"bufio"
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventwire/eventwire/cameo"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/coder/dict"
	"github.com/eventwire/eventwire/data"
	"github.com/eventwire/eventwire/text/conllu"
)

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// actorCode looks name up as a whole phrase and returns its code on date
// and the file of the record, or "", "".
func actorCode(d *dict.Dictionaries, name string, date time.Time) (code, file string) {
	w := dict.NewWords(strings.Fields(name))
	a, n := d.Actors.Match(w, 0, len(w.Keys))
	if a == nil || n != len(w.Keys) {
		return "", ""
	}
	return a.CodeAt(date), a.File
}

// TestHeadsOfState checks who is a head of state or government when, with
// the shipped dictionaries: the Factbook layer's dates for 2016-2026, the
// hand-written actors.news.txt for the persons it lists (it wins: it is
// loaded last and the generator leaves its persons out), and the Phoenix
// roles from before a person's first term, which the Factbook layer keeps.
// Handover days belong to the successor.
func TestHeadsOfState(t *testing.T) {
	d, _ := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	tests := []struct {
		name, date, want, file string
	}{
		{"Boris Johnson", "2020-01-01", "GBRGOV", data.ActorNews},
		{"Boris Johnson", "2022-09-05", "GBRGOV", data.ActorNews},
		{"Boris Johnson", "2022-09-07", "GBRLEG", data.ActorNews},
		{"Boris Johnson", "2024-01-01", "GBRELI", data.ActorNews},
		{"Volodymyr Zelensky", "2019-05-19", "UKRELI", data.ActorNews},
		{"Volodymyr Zelensky", "2019-05-20", "UKRGOV", data.ActorNews},
		{"Volodymyr Zelenskyy", "2025-01-01", "UKRGOV", data.ActorNews},
		{"Emmanuel Macron", "2017-05-14", "FRAGOV", data.ActorNews},
		{"Emmanuel Macron", "2025-01-01", "FRAGOV", data.ActorNews},
		// Biden: vice president until 2017, a former official and
		// candidate (ELI) in 2019-2020, president 2021-2025.
		{"Joe Biden", "2016-06-01", "USAGOV", data.ActorNews},
		{"Joe Biden", "2019-06-01", "USAELI", data.ActorNews},
		{"Joe Biden", "2020-11-04", "USAELI", data.ActorNews},
		{"Joe Biden", "2021-01-20", "USAGOV", data.ActorNews},
		{"Joe Biden", "2025-01-20", "USAELI", data.ActorNews},
		{"Donald Trump", "2016-11-09", "USAELI", data.ActorNews},
		{"Donald Trump", "2017-01-20", "USAGOV", data.ActorNews},
		{"Donald Trump", "2021-01-19", "USAGOV", data.ActorNews},
		{"Donald Trump", "2021-01-20", "USAELI", data.ActorNews},
		{"Donald Trump", "2024-11-06", "USAELI", data.ActorNews},
		{"Donald Trump", "2025-01-20", "USAGOV", data.ActorNews},
		{"President Trump", "2026-01-01", "USAGOV", data.ActorNews},
		// Presidents of the European Council and the Commission, with
		// their national offices (the Factbook layer had Tusk POLGOV and
		// Michel BELGOV throughout).
		// Groups and a leader of 2016-2026 news (session 12): dated by
		// what they were on the day.
		{"Aung San Suu Kyi", "2015-06-01", "MMROPP", data.ActorNews},
		{"Suu Kyi", "2019-06-01", "MMRGOV", data.ActorNews},
		{"Aung San Suu Kyi", "2021-02-01", "MMROPP", data.ActorNews},
		{"Rapid Support Forces", "2020-01-01", "SDNMIL", data.ActorNews},
		{"Rapid Support Forces", "2023-04-15", "SDNREB", data.ActorNews},
		{"TPLF", "2020-11-04", "ETHREB", data.ActorNews},
		{"UNRWA", "2024-01-01", "IGOUNOREF", data.ActorNews},
		{"Donald Tusk", "2013-01-01", "POLGOV", data.ActorNews},
		{"Donald Tusk", "2017-01-01", "IGOEUREEC", data.ActorNews},
		{"Donald Tusk", "2022-01-01", "POLOPP", data.ActorNews},
		{"Donald Tusk", "2024-06-01", "POLGOV", data.ActorNews},
		{"Charles Michel", "2018-01-01", "BELGOV", data.ActorNews},
		{"Charles Michel", "2020-06-01", "IGOEUREEC", data.ActorNews},
		{"Jean-Claude Juncker", "2016-01-01", "IGOEUREEC", data.ActorNews},
		// Heads of government out of office for years before their
		// Factbook terms (the layer had kept their open Phoenix roles).
		{"Lula", "2018-04-07", "BRAELI", data.ActorNews},
		{"President Lula", "2023-06-01", "BRAGOV", data.ActorNews},
		{"Giorgia Meloni", "2019-01-01", "ITAOPP", data.ActorNews},
		{"Micheál Martin", "2016-01-01", "IRLOPP", data.ActorNews},
		{"Micheál Martin", "2023-06-01", "IRLGOV", data.ActorNews},
		{"Nawaf Salam", "2020-01-01", "IGOUNOJUD", data.ActorNews},
		// Country abbreviations Phoenix lacks.
		{"PRC", "2019-01-01", "CHN", data.ActorNews},
		{"KSA", "2019-01-01", "SAU", data.ActorNews},
		// Regions of the Americas, not the United States.
		{"North American", "2019-01-01", "NMR", data.ActorNews},
		{"Latin American", "2019-01-01", "LAM", data.ActorNews},
		{"South America", "2019-01-01", "SAM", data.ActorNews},
		{"American", "2019-01-01", "USA", "Phoenix.Countries.actors.txt"},
		// International organisations Phoenix lacks.
		{"African Union", "2019-01-01", "IGOAFRAFU", data.ActorNews},
		{"OSCE", "2019-01-01", "IGOSCE", data.ActorNews},
		{"Shanghai Cooperation Organisation", "2019-01-01", "IGOASA", data.ActorNews},
		{"Qasem Soleimani", "2019-01-01", "IRNMIL", data.ActorNews},
		// Office holders of 2016-2026 (session 10): Phoenix lacked them,
		// or had them in an older office, or read "Alexandria" as Egypt's.
		{"Mitch McConnell", "2019-01-01", "USALEG", data.ActorNews},
		{"Alexandria Ocasio-Cortez", "2020-01-01", "USALEG", data.ActorNews},
		{"Antony Blinken", "2022-01-01", "USAGOV", data.ActorNews},
		{"Antony Blinken", "2019-01-01", "USAELI", data.ActorNews},
		{"Antonio Guterres", "2020-01-01", "IGOUNO", data.ActorNews},
		{"Antonio Guterres", "2000-01-01", "PRTGOV", data.ActorNews},
		{"Jens Stoltenberg", "2020-01-01", "IGOWSTNAT", data.ActorNews},
		{"Jens Stoltenberg", "2025-06-01", "NORGOV", data.ActorNews},
		{"Ursula von der Leyen", "2021-01-01", "IGOEUREEC", data.ActorNews},
		{"Sadiq Khan", "2019-01-01", "GBRGOV", data.ActorNews},
		{"Syrian Democratic Forces", "2019-01-01", "SYRREB", data.ActorNews},
		{"Dmytro Kuleba", "2022-03-01", "UKRGOV", data.ActorNews},
		{"Mevlut Cavusoglu", "2019-01-01", "TURGOV", data.ActorNews},
		{"Hakan Fidan", "2019-01-01", "TURSPY", data.ActorNews},
		{"Hakan Fidan", "2024-01-01", "TURGOV", data.ActorNews},
		{"Dmitry Peskov", "2022-03-01", "RUSGOV", data.ActorNews},
		// Heads of government who went on to head an organisation.
		{"Mark Rutte", "2020-01-01", "NLDGOV", data.ActorNews},
		{"Mark Rutte", "2025-01-01", "IGOWSTNAT", data.ActorNews},
		{"Kaja Kallas", "2025-01-01", "IGOEUREEC", data.ActorNews},
		{"Antonio Costa", "2020-01-01", "PRTGOV", data.ActorNews},
		{"Justice Department", "2019-01-01", "USAJUD", data.ActorNews},
		{"IRGC", "2019-01-01", "IRNMIL", data.ActorNews},
		// The Islamic State without "the", from its upstream date on.
		{"Islamic State", "2019-01-01", "IMGMUSISI", data.ActorNews},
		{"Islamic State", "2010-01-01", "", data.ActorNews}, // before its date: no code
		{"the Islamic State", "2019-01-01", "IMGMUSISI", "Phoenix.Countries.actors.txt"},
		// The Factbook layer.
		{"Friedrich Merz", "2025-05-05", "DEUELI", data.ActorFactbook},
		{"Friedrich Merz", "2025-05-06", "DEUGOV", data.ActorFactbook},
		{"Chancellor Merz", "2025-06-01", "DEUGOV", data.ActorFactbook},
		{"Olaf Scholz", "2022-01-01", "DEUGOV", data.ActorNews},
		{"Olaf Scholz", "2025-05-06", "DEULEG", data.ActorNews}, // a member of the Bundestag again
		{"Angela Merkel", "2020-01-01", "DEUGOV", data.ActorFactbook},
		{"Angela Merkel", "2022-01-01", "DEUELI", data.ActorFactbook},
		{"Keir Starmer", "2024-07-04", "GBROPP", data.ActorNews}, // Leader of the Opposition
		{"Keir Starmer", "2024-07-05", "GBRGOV", data.ActorNews},
		{"Rishi Sunak", "2023-01-01", "GBRGOV", data.ActorNews},
		{"Rishi Sunak", "2021-01-01", "GBRGOV", data.ActorNews}, // Chancellor of the Exchequer
		{"Liz Truss", "2022-10-01", "GBRGOV", data.ActorNews},
		{"Liz Truss", "2024-09-01", "GBRELI", data.ActorNews},
		{"King Charles", "2023-05-06", "GBRGOV", data.ActorFactbook},
		{"Xi Jinping", "2020-01-01", "CHNGOV", data.ActorFactbook},
		{"Vladimir Putin", "2020-01-01", "RUSGOV", data.ActorFactbook},
		{"Recep Tayyip Erdogan", "2020-01-01", "TURGOV", data.ActorFactbook},
		{"Benjamin Netanyahu", "2020-01-01", "ISRGOV", data.ActorFactbook},
		{"Benjamin Netanyahu", "2022-01-01", "ISRELI", data.ActorFactbook},
		{"Benjamin Netanyahu", "2023-06-01", "ISRGOV", data.ActorFactbook},
		{"Naftali Bennett", "2021-07-01", "ISRGOV", data.ActorFactbook},
		{"Mohammed bin Salman", "2023-01-01", "SAUGOV", data.ActorFactbook},
		{"Sheikh Tamim", "2020-01-01", "", ""}, // no such phrase: "Emir Tamim" is
		{"Emir Tamim", "2020-01-01", "QATGOV", data.ActorFactbook},
		{"Ali Khamenei", "2020-01-01", "IRNGOV", data.ActorFactbook},
		{"Bashar al-Assad", "2020-01-01", "SYRGOV", data.ActorFactbook},
		{"Shehbaz Sharif", "2023-01-01", "PAKGOV", data.ActorFactbook},
		// Heads of government the Phoenix dictionaries (about 2015) lack.
		{"Abdelmadjid Tebboune", "2020-06-01", "DZAGOV", data.ActorFactbook},
		{"President Tebboune", "2020-06-01", "DZAGOV", data.ActorFactbook},
		{"Abiy Ahmed", "2019-10-11", "ETHGOV", data.ActorFactbook},
		{"Jacinda Ardern", "2020-01-01", "NZLGOV", data.ActorFactbook},
		{"Jacinda Ardern", "2024-01-01", "NZLELI", data.ActorFactbook},
		{"Pedro Sanchez", "2020-01-01", "ESPGOV", data.ActorFactbook},
		{"Andres Manuel Lopez Obrador", "2020-01-01", "MEXGOV", data.ActorFactbook},
		{"Cyril Ramaphosa", "2020-01-01", "ZAFGOV", data.ActorFactbook},
		// Older Phoenix roles stay: Sellal was a minister in 2005, Putin
		// prime minister in 2010 (Scholz, labour minister in 2009, is in
		// actors.news.txt with all his offices).
		{"Abdelmalek Sellal", "2005-06-01", "DZAGOV", data.ActorFactbook},
		{"Vladimir Putin", "2010-06-01", "RUSGOV", data.ActorFactbook},
		{"Olaf Scholz", "2009-01-01", "DEUGOVLAB", data.ActorNews},
		{"Olaf Scholz", "2019-01-01", "DEUGOV", data.ActorNews}, // finance minister
		{"Benjamin Netanyahu", "1997-01-01", "ISRGOV", data.ActorFactbook},
		// A territory coded as Phoenix codes it, under its sovereign.
		{"Pedro Pierluisi", "2022-01-01", "USAPRIGOV", data.ActorFactbook},
	}
	for _, tt := range tests {
		code, file := actorCode(d, tt.name, day(t, tt.date))
		if code != tt.want || file != tt.file {
			t.Errorf("%s on %s: %q from %q, want %q from %q", tt.name, tt.date, code, file, tt.want, tt.file)
		}
	}
}

// TestHeadsOfStateCoded codes hand-parsed sentences with the shipped
// dictionaries: a head of state named by title and surname, full name,
// and one person in and out of office.
func TestHeadsOfStateCoded(t *testing.T) {
	tests := []struct {
		name, conll, date string
		want              []string
	}{
		{
			name: "title-and-surname",
			conll: tree("President Tebboune met Macron.",
				"President President PROPN NNP 2 compound", "Tebboune Tebboune PROPN NNP 3 nsubj", "met meet VERB VBD 0 root",
				"Macron Macron PROPN NNP 3 obj", ". . PUNCT . 3 punct"),
			date: "2020-06-01",
			want: []string{"040 DZAGOV FRAGOV actors.factbook.txt actors.news.txt"},
		},
		{
			name: "chancellor-meets-president",
			conll: tree("Chancellor Friedrich Merz met President Trump.",
				"Chancellor Chancellor PROPN NNP 3 compound", "Friedrich Friedrich PROPN NNP 3 compound", "Merz Merz PROPN NNP 4 nsubj",
				"met meet VERB VBD 0 root", "President President PROPN NNP 6 compound", "Trump Trump PROPN NNP 4 obj", ". . PUNCT . 4 punct"),
			date: "2025-06-01",
			want: []string{"040 DEUGOV USAGOV actors.factbook.txt actors.news.txt"},
		},
		{
			name: "prime-minister-before-and-after",
			conll: tree("Keir Starmer met Rishi Sunak.",
				"Keir Keir PROPN NNP 2 compound", "Starmer Starmer PROPN NNP 3 nsubj", "met meet VERB VBD 0 root",
				"Rishi Rishi PROPN NNP 5 compound", "Sunak Sunak PROPN NNP 3 obj", ". . PUNCT . 3 punct"),
			date: "2024-09-01",
			// Sunak was Leader of the Opposition from 5 July to 2
			// November 2024 (actors.news.txt, with his other offices).
			want: []string{"040 GBRGOV GBROPP actors.news.txt actors.news.txt"},
		},
	}
	d, _ := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	c := coder.New(d, cameo.Default(), coder.DefaultOptions())
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, err := conllu.ReadAll(strings.NewReader(tc.conll))
			if err != nil || len(sents) != 1 {
				t.Fatalf("%d sentences, %v", len(sents), err)
			}
			evs, err := c.Code(context.Background(), sents[0].Doc, day(t, tc.date))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				sf, _, _ := strings.Cut(e.Source.Entry, ":")
				tf, _, _ := strings.Cut(e.Target.Entry, ":")
				got = append(got, e.CAMEO+" "+e.Source.Code+" "+e.Target.Code+" "+sf+" "+tf)
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTitleSurname shows why the Factbook layer writes title + surname
// phrases (PRESIDENT_TEBBOUNE_): the coder applies "President" as an agent
// on its own, so a record with the full name only leaves "President
// Tebboune" without a country.
func TestTitleSurname(t *testing.T) {
	m := fstest.MapFS{}
	f := dict.Files(data.DefaultFiles())
	for _, l := range [][]string{f.Verbs, f.Agents, f.Discards, f.Issues, {"Phoenix.Countries.actors.txt"}} {
		for _, n := range l {
			b, err := fs.ReadFile(data.FS(), n)
			if err != nil {
				t.Fatal(err)
			}
			m[n] = &fstest.MapFile{Data: b}
		}
	}
	conll := tree("President Tebboune met Germany.",
		"President President PROPN NNP 2 compound", "Tebboune Tebboune PROPN NNP 3 nsubj", "met meet VERB VBD 0 root",
		"Germany Germany PROPN NNP 3 obj", ". . PUNCT . 3 punct")
	sents, err := conllu.ReadAll(strings.NewReader(conll))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ record, want string }{
		{"ABDELMADJID_TEBBOUNE_\n\t[DZAGOV >20191212]\n", "---GOV"},
		{"ABDELMADJID_TEBBOUNE_\n+PRESIDENT_TEBBOUNE_\n\t[DZAGOV >20191212]\n", "DZAGOV"},
	} {
		m["t.txt"] = &fstest.MapFile{Data: []byte(tt.record)}
		g := f
		g.Actors = []string{"Phoenix.Countries.actors.txt", "t.txt"}
		d, _ := dict.Load(m, g) // the upstream files' known defects
		opts := coder.DefaultOptions()
		opts.RequireCountry = false // the ---GOV event shows what the title alone gives
		evs, err := coder.New(d, cameo.Default(), opts).Code(context.Background(), sents[0].Doc, day(t, "2020-06-01"))
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].Source.Code != tt.want {
			t.Errorf("%q: events %+v, want one with source %s", tt.record, evs, tt.want)
		}
	}
}

// TestFactbookOwnsItsPhrases checks that every phrase of the Factbook
// layer finds a record of that layer (or, for the persons the generator
// leaves to it, of actors.news.txt) in the shipped dictionaries: no upstream
// record of the same phrase is left to answer with stale roles, and no
// two records of the layer share a phrase.
func TestFactbookOwnsItsPhrases(t *testing.T) {
	d, _ := dict.Load(data.FS(), dict.Files(data.DefaultFiles()))
	only, err := dict.Load(data.FS(), dict.Files{Actors: []string{data.ActorFactbook}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(data.FS(), data.ActorFactbook)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	n, persons, line, record := 0, 0, 0, 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' || s[0] == '\t' {
			continue
		}
		if s[0] != '+' {
			persons++
			record = line
		}
		p := strings.TrimPrefix(s, "+")
		w := dict.NewWords(strings.Split(strings.TrimSuffix(p, "_"), "_"))
		a, k := only.Actors.Match(w, 0, len(w.Keys))
		if a == nil || k != len(w.Keys) || a.Line != record {
			t.Errorf("%s:%d: %s is not the phrase of its own record alone", data.ActorFactbook, line, p)
			continue
		}
		a, k = d.Actors.Match(w, 0, len(w.Keys))
		if a == nil || k != len(w.Keys) || a.File != data.ActorFactbook && a.File != data.ActorNews {
			t.Errorf("%s:%d: %s finds %v in the shipped dictionaries", data.ActorFactbook, line, p, a)
		}
		n++
	}
	if persons < 1000 || n < 2500 {
		t.Errorf("%d persons, %d phrases: too few", persons, n)
	}
}
