package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// encodeUTF16 encodes s as UTF-16 in the given order, with a byte-order
// mark when bom is set. It uses the standard library, not the decoder
// under test.
func encodeUTF16(s string, big, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 2*len(units))
	for i, u := range units {
		if big {
			binary.BigEndian.PutUint16(b[2*i:], u)
		} else {
			binary.LittleEndian.PutUint16(b[2*i:], u)
		}
	}
	return b
}

const (
	englishNews = "Police arrested 20 protesters in the capital on Monday, officials said.\n" +
		"The government condemned the violence and promised an inquiry.\n"
	russianNews = "Полиция задержала 20 протестующих в столице в понедельник, сообщили официальные лица.\n"
	htmlNews    = "<html><head><meta charset=\"utf-16\"><title>Talks</title></head><body><p>Ministers met in Geneva.</p></body></html>"
	// chineseNews has no ASCII but the digits and the newline: too few NULs
	// for an undeclared guess.
	chineseNews = "警方周一在首都逮捕了20名抗议者，官员表示。政府谴责暴力行为并承诺进行调查。\n"
)

func TestReadFileUTF16(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat(englishNews, 200) // past the 4 KB sample
	tests := []struct {
		name, file string
		body       []byte
		want       string // UTF-8 body
		wantCT     string
	}{
		{"LE without BOM", "le.txt", encodeUTF16(englishNews, false, false), englishNews, "text/plain; charset=utf-8"},
		{"BE without BOM", "be.txt", encodeUTF16(englishNews, true, false), englishNews, "text/plain; charset=utf-8"},
		{"LE with BOM", "le-bom.txt", encodeUTF16(englishNews, false, true), englishNews, "text/plain; charset=utf-8"},
		{"BE with BOM", "be-bom.txt", encodeUTF16(englishNews, true, true), englishNews, "text/plain; charset=utf-8"},
		{"LE without BOM, long", "long.txt", encodeUTF16(long, false, false), long, "text/plain; charset=utf-8"},
		{"BE without BOM, gzip", "be.txt.gz", gz(encodeUTF16(englishNews, true, false)), englishNews, "text/plain; charset=utf-8"},
		{"Russian LE without BOM", "ru.txt", encodeUTF16(russianNews, false, false), russianNews, "text/plain; charset=utf-8"},
		{"Russian BE without BOM", "ru-be.txt", encodeUTF16(russianNews, true, false), russianNews, "text/plain; charset=utf-8"},
		{"HTML LE without BOM", "p.html", encodeUTF16(htmlNews, false, false), htmlNews, "text/html; charset=utf-8"},
		{"HTML BE without BOM, no suffix", "page", encodeUTF16(htmlNews, true, false), htmlNews, "text/html; charset=utf-8"},
		{"odd length (stray last byte)", "odd.txt", append(encodeUTF16(englishNews, false, false), '\n'), englishNews + "\uFFFD", "text/plain; charset=utf-8"},
		{"UTF-8 untouched", "u.txt", []byte(russianNews), russianNews, "text/plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if err := os.WriteFile(p, tt.body, 0o644); err != nil {
				t.Fatal(err)
			}
			page, err := ReadFile(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(page.Body) != tt.want {
				t.Errorf("body = %.80q, want %.80q", page.Body, tt.want)
			}
			if page.ContentType != tt.wantCT {
				t.Errorf("content type = %q, want %q", page.ContentType, tt.wantCT)
			}
		})
	}
}

// binaries returns bodies that are not text, each with many NUL bytes
// unless said otherwise.
func binaries() map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 8192) // about 32 NULs, at both parities
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	// Small integers as little-endian uint16: every odd byte is zero, as
	// in English UTF-16LE, but the values are control characters and
	// Latin-1 signs, not text.
	ints := make([]byte, 8192)
	for i := 0; i < len(ints); i += 2 {
		ints[i] = byte(r.UintN(256))
	}
	// The same as big-endian int16 samples of a quiet sound.
	pcm := make([]byte, 8192)
	for i := 0; i < len(pcm); i += 2 {
		pcm[i+1] = byte(r.UintN(64))
	}
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00"), make([]byte, 4000)...)
	copy(elf[64:], random[:512])
	pe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8\x00\x00\x00"), make([]byte, 2000)...)
	copy(pe[78:], "This program cannot be run in DOS mode.\r\r\n$")
	pdf := append([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 4096 /Filter /FlateDecode >>\nstream\n"), random[:4096]...)
	pdf = append(pdf, "\nendstream\nendobj\n%%EOF\n"...)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"), random[:2000]...)
	jpeg := append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), random[:2000]...)
	gif := append([]byte("GIF89a\x01\x00\x01\x00\x80\x00\x00"), random[:500]...)
	zip := append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), random[:2000]...)
	padded := append([]byte("Police arrested 20 protesters.\n"), make([]byte, 4000)...)
	return map[string][]byte{
		"random bytes": random, "uint16 LE array": ints, "int16 BE samples": pcm,
		"ELF executable": elf, "PE executable": pe, "PDF": pdf, "PNG": png, "JPEG": jpeg,
		"GIF": gif, "zip": zip, "text padded with NULs": padded,
	}
}

func TestReadFileBinaryStillRejected(t *testing.T) {
	dir := t.TempDir()
	for name, b := range binaries() {
		t.Run(name, func(t *testing.T) {
			if bytes.IndexByte(b, 0) < 0 {
				t.Fatalf("test input has no NUL byte")
			}
			p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".html")
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			page, err := ReadFile(p, Options{})
			if !errors.Is(err, eventwire.ErrUnsupported) {
				t.Fatalf("err = %v, want ErrUnsupported; page %.60q", err, pageBody(page))
			}
			if _, _, ok := SniffUTF16(b, ""); ok {
				t.Errorf("SniffUTF16 takes it for UTF-16")
			}
		})
	}
}

func pageBody(p *eventwire.Page) []byte {
	if p == nil {
		return nil
	}
	return p.Body
}

func TestTextBodyDeclared(t *testing.T) {
	zh := encodeUTF16(chineseNews, false, false)
	tests := []struct {
		name, ct string
		body     []byte
		want     string // "" when an error is wanted
		wantCT   string
	}{
		// Too few NULs to guess (only "20" and "\n" are ASCII), so an
		// undeclared body stays binary, but a declared one is decoded.
		{"Chinese LE undeclared", "text/html", zh, "", ""},
		{"Chinese LE declared utf-16le", "text/html; charset=UTF-16LE", zh, chineseNews, "text/html; charset=utf-8"},
		{"Chinese LE declared utf-16", "text/plain; charset=utf-16", zh, chineseNews, "text/plain; charset=utf-8"},
		{"Chinese BE declared utf-16be", "text/plain;charset=\"utf-16be\"", encodeUTF16(chineseNews, true, false), chineseNews, "text/plain; charset=utf-8"},
		{"English BE declared utf-16", "text/html; charset=utf-16", encodeUTF16(englishNews, true, false), englishNews, "text/html; charset=utf-8"},
		// A declaration does not make binary text.
		{"random declared utf-16le", "text/plain; charset=utf-16le", binaries()["random bytes"], "", ""},
		// No NUL: left alone for the extractor, whatever the declaration.
		{"UTF-8 declared utf-16", "text/plain; charset=utf-16", []byte(englishNews), englishNews, "text/plain; charset=utf-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ct, _, err := TextBody(tt.body, tt.ct)
			if tt.want == "" {
				if !errors.Is(err, eventwire.ErrUnsupported) {
					t.Errorf("err = %v, want ErrUnsupported (out %.40q)", err, out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want || ct != tt.wantCT {
				t.Errorf("got %q %.60q, want %q %.60q", ct, out, tt.wantCT, tt.want)
			}
		})
	}
}

// TestWARCUTF16 reads a BOM-less UTF-16 page out of a WARC record, as a
// crawler of a Windows-made site stores it.
func TestWARCUTF16(t *testing.T) {
	var buf bytes.Buffer
	w := NewWARCWriter(&buf, true)
	w.WriteResponse("https://x.example/utf16", when, encodeUTF16(htmlNews, false, false), "Content-Type: text/html; charset=utf-16le")
	w.WriteResponse("https://x.example/bin", when, binaries()["uint16 LE array"], "Content-Type: text/html")
	src, err := NewWARC(&buf, "t.warc.gz", Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages, errs := drain(t, src)
	if len(pages) != 1 || string(pages[0].Body) != htmlNews || pages[0].ContentType != "text/html; charset=utf-8" {
		for _, p := range pages {
			t.Logf("page %s %q %.60q", p.URL, p.ContentType, p.Body)
		}
		t.Fatalf("want one UTF-8 page of the UTF-16 record")
	}
	if len(errs) != 1 || !errors.Is(errs[0], eventwire.ErrUnsupported) {
		t.Errorf("errors = %v, want the binary record's ErrUnsupported", errs)
	}
}

func FuzzTextBody(f *testing.F) {
	f.Add(encodeUTF16(englishNews, false, false), "")
	f.Add(encodeUTF16(englishNews, true, false), "text/html")
	f.Add(encodeUTF16(russianNews, false, true), "")
	f.Add(encodeUTF16(chineseNews, false, false), "text/plain; charset=utf-16le")
	f.Add(append(encodeUTF16(englishNews, false, false), 0xD8), "text/plain; charset=utf-16")
	f.Add(binaries()["uint16 LE array"][:600], "")
	f.Add([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"), "")
	f.Add([]byte(englishNews), "text/plain; charset=utf-8")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		in := bytes.Clone(b)
		out, outCT, converted, err := TextBody(b, ct)
		if !bytes.Equal(b, in) {
			t.Fatal("TextBody changed its input")
		}
		if err != nil {
			if !errors.Is(err, eventwire.ErrUnsupported) && !errors.Is(err, eventwire.ErrNoContent) {
				t.Fatalf("error %v is neither ErrUnsupported nor ErrNoContent", err)
			}
			return
		}
		if len(bytes.TrimSpace(out)) == 0 {
			t.Fatal("empty body accepted")
		}
		if !converted {
			if !bytes.Equal(out, b) || outCT != ct {
				t.Fatalf("unconverted body or type changed: %q -> %q", ct, outCT)
			}
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("converted body is not UTF-8: %.60q", out)
		}
		if outCT != "" && declaredCharset(outCT) != "utf-8" {
			t.Fatalf("converted body declared %q", outCT)
		}
		sample := b[:min(len(b), utf16Sample)]
		if !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) && bytes.IndexByte(sample, 0) < 0 {
			t.Fatalf("converted without a BOM or a NUL: %.60q", b)
		}
	})
}
