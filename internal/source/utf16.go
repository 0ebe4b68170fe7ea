package source

import (
	"bytes"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

// utf16Sample is how much of a body is looked at to decide whether it is
// UTF-16 text: enough for a few hundred words, little next to a page.
const utf16Sample = 4096

// TextBody checks that body can be a page (CheckBody) and returns it as the
// later stages should see it, with its media type. UTF-16 text is converted
// to UTF-8 and the charset of ct becomes utf-8 (ct becomes "" when it names
// no valid media type): text with a byte-order mark, text declared UTF-16 by
// ct, and text without either whose NUL bytes give it away (SniffUTF16).
// Without this a BOM-less UTF-16 file is rejected as binary, because half
// its bytes are NUL. converted reports whether the body was decoded.
func TextBody(body []byte, ct string) (out []byte, outCT string, converted bool, err error) {
	if order, skip, ok := SniffUTF16(body, declaredCharset(ct)); ok {
		dec := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder()
		if b, derr := dec.Bytes(body[skip:]); derr == nil {
			body, converted = b, true
			ct = withUTF8Charset(ct)
		}
	}
	if err := CheckBody(body); err != nil {
		return nil, "", false, err
	}
	return body, ct, converted, nil
}

// SniffUTF16 reports whether b is UTF-16 text, with its byte order and the
// length of its byte-order mark (0 or 2). A body that starts with a BOM is
// UTF-16. Otherwise the first 4 KB decide: text in the Latin, Greek or
// Cyrillic scripts has a zero high byte in every code unit of ASCII (spaces,
// digits, punctuation, and in English every letter), so one byte position
// of the pairs (odd for little endian, even for big endian) holds many NULs
// and the other almost none; binary data has NULs at both. The order with
// the zeros must then decode to text of which at most 2% is control
// characters, unpaired surrogates or unassigned code points, which an
// array of small integers or a file padded with NULs does not.
// declared is the charset named by the media type ("utf-16", "utf-16le",
// "utf-16be", lower case), or "": when it names UTF-16 the share of NULs is
// not required, only some NUL and the decoding check (a declared Chinese
// page has few NULs). A body without NUL is never taken for UTF-16 without a
// BOM: it is not rejected as binary, and a declared charset is left to the
// extractor.
func SniffUTF16(b []byte, declared string) (order xunicode.Endianness, bom int, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return xunicode.LittleEndian, 2, true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return xunicode.BigEndian, 2, true
	}
	sample := b[:min(len(b), utf16Sample)&^1]
	units := len(sample) / 2
	if units == 0 {
		return xunicode.LittleEndian, 0, false
	}
	var evenZero, oddZero int
	for i := 0; i+1 < len(sample); i += 2 {
		if sample[i] == 0 {
			evenZero++
		}
		if sample[i+1] == 0 {
			oddZero++
		}
	}
	// hi counts code units with a zero high byte in the chosen order, lo
	// those with a zero low byte (rare in text: U+0100, U+0400, U+4E00...).
	order, hi, lo := xunicode.LittleEndian, oddZero, evenZero
	if evenZero > oddZero {
		order, hi, lo = xunicode.BigEndian, evenZero, oddZero
	}
	if evenZero+oddZero == 0 {
		// Without a NUL nothing is rejected as binary, and a declared
		// charset is left to the extractor, as before.
		return xunicode.LittleEndian, 0, false
	}
	switch declared {
	case "utf-16le":
		order = xunicode.LittleEndian
	case "utf-16be":
		order = xunicode.BigEndian
	case "utf-16":
		// The zeros decide the order.
	default:
		// Undeclared: a tenth of the units must carry ASCII (prose in
		// Cyrillic or Greek still has its spaces, digits and
		// punctuation there), and zero low bytes must be rare.
		if hi*10 < units || lo*20 > units {
			return xunicode.LittleEndian, 0, false
		}
	}
	if !mostlyText(sample, order, len(b) > len(sample)) {
		return xunicode.LittleEndian, 0, false
	}
	return order, 0, true
}

// mostlyText decodes sample as UTF-16 in order and reports whether at most
// 2% of its characters are neither graphic nor white space. cut says the
// sample was cut from a longer body, so its last unit may be half a pair.
func mostlyText(sample []byte, order xunicode.Endianness, cut bool) bool {
	d, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(sample)
	if err != nil {
		return false
	}
	n, bad := 0, 0
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		d = d[size:]
		n++
		switch {
		case r == utf8.RuneError:
			bad++
		case r == '\n', r == '\r', r == '\t', r == '\f', r == '\v':
		case !unicode.IsGraphic(r):
			bad++
		}
	}
	allowed := n / 50
	if cut {
		allowed++
	}
	return n > 0 && bad <= allowed
}

// declaredCharset returns the lower-case charset parameter of media type
// ct, or "".
func declaredCharset(ct string) string {
	if ct == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(params["charset"]))
}

// withUTF8Charset returns media type ct with its charset set to utf-8, or
// "" when ct names no valid media type (the extractor then sniffs the body).
func withUTF8Charset(ct string) string {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
		params = map[string]string{}
	}
	if mt == "" {
		return ""
	}
	params["charset"] = "utf-8"
	return mime.FormatMediaType(mt, params)
}
