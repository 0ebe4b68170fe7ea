package extract

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// input is a page body decoded to valid UTF-8.
type input struct {
	text string
	html bool
}

// decode sniffs body, rejects binary content, converts it to UTF-8 and
// decides whether it is HTML. contentType is the declared media type, which
// may carry a charset parameter; it may be empty or wrong.
func decode(body []byte, contentType string) (input, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return input{}, fmt.Errorf("empty page: %w", eventwire.ErrNoContent)
	}
	declared, params, _ := mime.ParseMediaType(contentType)
	sniffed := http.DetectContentType(body)
	if isBinary(sniffed, body) {
		return input{}, fmt.Errorf("binary content (%s): %w", strings.SplitN(sniffed, ";", 2)[0], eventwire.ErrUnsupported)
	}
	if declaredBinary(declared) && !strings.HasPrefix(sniffed, "text/") {
		return input{}, fmt.Errorf("content type %s: %w", declared, eventwire.ErrUnsupported)
	}

	enc := pickEncoding(body, params["charset"], contentType)
	var s string
	if enc == nil {
		s = string(body)
	} else {
		b, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			// A decoder fails only on malformed input for strict
			// encodings; fall back to the raw bytes, repaired below.
			b = body
		}
		s = string(b)
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if strings.TrimSpace(s) == "" {
		return input{}, fmt.Errorf("empty page: %w", eventwire.ErrNoContent)
	}
	return input{text: s, html: isHTML(declared, sniffed, s)}, nil
}

// pickEncoding returns the encoding of body, or nil when it is UTF-8. The
// order follows the HTML standard: byte-order mark, then the transport
// charset, then a <meta> declaration in the first 1024 bytes; undeclared
// bytes that are not valid UTF-8 are read as windows-1252.
func pickEncoding(body []byte, declaredCharset, contentType string) encoding.Encoding {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return nil
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	}
	if declaredCharset == "" && utf8.Valid(body) {
		// Most pages are UTF-8; a wrong <meta> on a valid UTF-8 body is
		// more common than a legacy page that happens to be valid UTF-8,
		// but an explicit meta charset is still honoured below when the
		// body is not valid UTF-8.
		return nil
	}
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "windows-1252" && !certain {
		// Undeclared legacy bytes (or a declared windows-1252, which
		// cannot be told apart here): let a statistical detector decide,
		// so that an undeclared windows-1251 or Shift_JIS page is not
		// read as Western European.
		if e := sniffCharset(body); e != nil {
			return e
		}
	}
	if name == "utf-8" || enc == nil {
		return nil
	}
	return enc
}

// sniffSample bounds the bytes given to the charset detector.
const sniffSample = 64 << 10

// sniffCharset guesses the charset of undeclared non-UTF-8 bytes, or nil
// when the detector is not confident.
func sniffCharset(body []byte) encoding.Encoding {
	if len(body) > sniffSample {
		body = body[:sniffSample]
	}
	r, err := chardet.NewHtmlDetector().DetectBest(body)
	if err != nil || r.Confidence < 50 {
		return nil
	}
	e, _ := charset.Lookup(r.Charset)
	return e
}

// isBinary reports content that is not text: images, audio, video, PDFs,
// archives, or bytes with control characters no text contains.
func isBinary(sniffed string, body []byte) bool {
	if strings.HasPrefix(sniffed, "text/") {
		return false
	}
	switch {
	case strings.HasPrefix(sniffed, "image/"), strings.HasPrefix(sniffed, "audio/"),
		strings.HasPrefix(sniffed, "video/"), strings.HasPrefix(sniffed, "font/"):
		return true
	case sniffed == "application/octet-stream":
		// No signature matched but control bytes were seen: text with a
		// stray NUL is still text, a real binary is full of them.
		return controlRatio(body) > 0.02
	case strings.HasPrefix(sniffed, "application/"):
		// pdf, zip, x-gzip, wasm, ogg, postscript, vnd.ms-fontobject...
		return !strings.Contains(sniffed, "json") && !strings.Contains(sniffed, "xml")
	}
	return false
}

// declaredBinary reports declared media types that are never articles.
func declaredBinary(mt string) bool {
	switch {
	case mt == "", strings.HasPrefix(mt, "text/"), strings.Contains(mt, "html"), strings.Contains(mt, "xml"):
		return false
	case strings.HasPrefix(mt, "image/"), strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"),
		strings.HasPrefix(mt, "font/"), mt == "application/pdf", mt == "application/zip",
		mt == "application/gzip", mt == "application/x-gzip", mt == "application/octet-stream":
		return true
	}
	return false
}

// isHTML decides between the HTML and the plain-text extractor. A declared
// text/plain wins; otherwise markup near the start of the page decides.
func isHTML(declared, sniffed, s string) bool {
	switch {
	case declared == "text/plain":
		return false
	case strings.Contains(declared, "html"):
		return true
	case strings.HasPrefix(sniffed, "text/html"):
		return true
	}
	head := s
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = strings.ToLower(head)
	for _, tag := range []string{"<html", "<body", "<head", "<!doctype html", "<div", "<p>", "<p ", "<article", "<br", "<meta"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}

// controlRatio is the share of C0 control bytes other than white space in
// the first 4 KB of b.
func controlRatio(b []byte) float64 {
	if len(b) > 4096 {
		b = b[:4096]
	}
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			n++
		}
	}
	return float64(n) / float64(len(b))
}
