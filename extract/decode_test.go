package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	ru := "Президент России заявил в пятницу, что переговоры о прекращении огня в Сирии должны начаться в ближайшее время. Эксперты считают, что новая площадка для переговоров может ускорить урегулирование."
	cp1251, err := charmap.Windows1251.NewEncoder().String(ru)
	if err != nil {
		t.Fatal(err)
	}
	fr := "Le café de la gare ferme ses portes après quarante ans d'activité, a annoncé son propriétaire."
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(fr)
	ja := "東京都は月曜日、新しい条例を発表した。市民の生活を守るための措置だという。関係者によると、来月から施行される予定である。"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(ja)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>" + fr + "</p>")

	tests := []struct {
		name        string
		body        string
		contentType string
		want        string // substring of the decoded text
		html        bool
	}{
		{"utf-8", "<p>" + fr + "</p>", "text/html", fr, true},
		{"utf-8 BOM", "\xEF\xBB\xBF" + fr, "", fr, false},
		{"utf-16 BOM", utf16, "", fr, true},
		{"http charset param", "<p>" + latin1 + "</p>", "text/html; charset=ISO-8859-1", fr, true},
		{"meta charset", `<html><head><meta charset="windows-1251"></head><body><p>` + cp1251 + "</p></body></html>", "text/html", ru, true},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>` + cp1251 + "</p>", "", ru, true},
		{"undeclared windows-1251", "<html><body><p>" + cp1251 + "</p><p>" + cp1251 + "</p></body></html>", "", ru, true},
		{"undeclared shift_jis text", sjis + "\n\n" + sjis, "text/plain", ja, false},
		{"undeclared latin-1", latin1 + " " + latin1, "", fr, false},
		{"invalid utf-8 repaired", "<p>caf\xc3 ok</p>", "text/html; charset=utf-8", "caf\uFFFD ok", true},
		{"stray nul removed", strings.Repeat("Some text. ", 20) + "a\x00b", "text/plain", "Some text. ab", false},
		{"plain by sniffing", "Just a line of text.\n\nAnother one.", "", "Another one.", false},
		{"html by sniffing", "<div><p>Some text.</p></div>", "", "Some text.", true},
		{"declared plain wins", "<p>literal markup</p>", "text/plain", "<p>literal markup</p>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := decode([]byte(tt.body), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(in.text, tt.want) {
				t.Errorf("decoded text %q lacks %q", in.text[:min(120, len(in.text))], tt.want)
			}
			if in.html != tt.html {
				t.Errorf("html = %v, want %v", in.html, tt.html)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		want                    error
	}{
		{"empty", "", "", eventwire.ErrNoContent},
		{"spaces", "  \r\n\t", "text/plain", eventwire.ErrNoContent},
		{"jpeg", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", "", eventwire.ErrUnsupported},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", "", eventwire.ErrUnsupported},
		{"pdf declared and sniffed", "%PDF-1.7\n", "application/pdf", eventwire.ErrUnsupported},
		{"control bytes", "\x01\x02\x03\x04\x05binary", "", eventwire.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode([]byte(tt.body), tt.contentType)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}
