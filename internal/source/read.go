package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readBounded reads r to the end, failing with ErrTooLarge past max bytes.
func readBounded(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", eventwire.ErrTooLarge, max)
	}
	return b, nil
}

// gunzipBounded decompresses the whole gzip stream r (all members) within
// the limits: ErrTooLarge past MaxBytes, or when the output passes
// MaxBytes/50 while being more than MaxRatio times the input read so far (a
// gzip bomb). A truncated or corrupt stream is an error, never a partial page.
func gunzipBounded(r io.Reader, l Limits) ([]byte, error) {
	cr := &countingReader{r: r}
	zr, err := gzip.NewReader(bufio.NewReader(cr))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	max, ratio := l.maxBytes(), l.maxRatio()
	floor := max / 50
	var buf bytes.Buffer
	chunk := make([]byte, 32<<10)
	for {
		n, err := zr.Read(chunk)
		buf.Write(chunk[:n])
		if int64(buf.Len()) > max {
			return nil, fmt.Errorf("%w: decompresses to more than %d bytes", eventwire.ErrTooLarge, max)
		}
		if int64(buf.Len()) > floor && int64(buf.Len()) > ratio*max64(cr.n, 1) {
			return nil, fmt.Errorf("%w: gzip bomb: %d bytes from %d compressed (ratio over %d)",
				eventwire.ErrTooLarge, buf.Len(), cr.n, ratio)
		}
		if err == io.EOF {
			return buf.Bytes(), nil
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("gzip: truncated: %w", err)
			}
			return nil, fmt.Errorf("gzip: %w", err)
		}
	}
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// isGzip reports whether b starts with the gzip magic number.
func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// CheckBody rejects bodies no page can come from: empty (ErrNoContent) and
// binary (ErrUnsupported: NUL bytes or a sniffed non-text type in the first
// 512 bytes). It is deliberately loose: invalid UTF-8 passes, the extractor
// repairs it.
func CheckBody(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return fmt.Errorf("%w: empty", eventwire.ErrNoContent)
	}
	head := b[:min(len(b), 512)]
	ct := http.DetectContentType(head)
	if strings.HasPrefix(ct, "text/") || strings.Contains(ct, "xml") || strings.Contains(ct, "json") {
		return nil
	}
	if bytes.IndexByte(head, 0) >= 0 || ct != "application/octet-stream" {
		return fmt.Errorf("%w: binary content (%s)", eventwire.ErrUnsupported, ct)
	}
	// application/octet-stream without NUL: mostly text in a legacy charset;
	// reject only when control bytes dominate.
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return fmt.Errorf("%w: binary content", eventwire.ErrUnsupported)
	}
	return nil
}

// sniffType returns a media type for a local file's body.
func sniffType(path string, b []byte) string {
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(path), ".gz"))
	switch {
	case strings.HasSuffix(n, ".html"), strings.HasSuffix(n, ".htm"), strings.HasSuffix(n, ".xhtml"):
		return "text/html"
	case strings.HasSuffix(n, ".txt"), strings.HasSuffix(n, ".text"):
		return "text/plain"
	}
	ct := http.DetectContentType(b[:min(len(b), 512)])
	if strings.HasPrefix(ct, "text/plain") && !utf8.Valid(b[:min(len(b), 512)]) {
		return "text/plain"
	}
	return ct
}

// ReadFile reads one local file as a page: .gz (or gzip magic) is
// decompressed within the limits; UTF-16 text is converted to UTF-8
// (TextBody); empty and binary files are errors.
func ReadFile(path string, opts Options) (*eventwire.Page, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := opts.Limits
	br := bufio.NewReader(f)
	magic, _ := br.Peek(2)
	var body []byte
	if isGzip(magic) {
		body, err = gunzipBounded(br, l)
	} else {
		body, err = readBounded(br, l.maxBytes())
	}
	if err != nil {
		return nil, err
	}
	body, _, converted, err := TextBody(body, "")
	if err != nil {
		return nil, err
	}
	ct := sniffType(path, body)
	if converted {
		ct = withUTF8Charset(ct)
	}
	return &eventwire.Page{
		URL:         resolvedFileURL(path),
		Body:        body,
		ContentType: ct,
		FetchedAt:   opts.now().UTC(),
		Origin:      "file",
	}, nil
}

// dirSource walks a directory: every regular file below it, in lexical
// order, skipping names that start with a dot. Files that are WARC, JSON
// Lines or feeds are read as such. A symbolic link to a file is read under
// the link's name; a link to a directory is not followed (it could loop)
// but reported, as are dangling links and files that are not regular (a
// named pipe would block the reader), so that nothing below the directory
// is dropped without a word. The directory itself may be a link.
type dirSource struct {
	root  string
	opts  Options
	files []dirFile
	next  int
	cur   eventwire.Source
	skips skipTally
}

// dirFile is a file found in the walk, or the reason it cannot be read.
type dirFile struct {
	path string
	err  error
}

func newDirSource(root string, opts Options) (*dirSource, error) {
	d := &dirSource{root: root, opts: opts}
	// WalkDir does not follow a root that is a symbolic link: walk its
	// target and name the files under root.
	walkRoot := root
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if walkRoot, err = filepath.EvalSymlinks(root); err != nil {
			return nil, err
		}
	}
	err := filepath.WalkDir(walkRoot, func(path string, e fs.DirEntry, err error) error {
		isRoot := path == walkRoot
		if !isRoot {
			if rel, rerr := filepath.Rel(walkRoot, path); rerr == nil {
				path = filepath.Join(root, rel)
			}
		}
		if err != nil {
			if isRoot {
				return err
			}
			// An unreadable subdirectory becomes one failed item.
			d.files = append(d.files, dirFile{path, err})
			return fs.SkipDir
		}
		if strings.HasPrefix(e.Name(), ".") && !isRoot {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch t := e.Type(); {
		case t.IsRegular():
			d.files = append(d.files, dirFile{path: path})
		case t.IsDir():
		case t&fs.ModeSymlink != 0:
			fi, err := os.Stat(path)
			switch {
			case err != nil:
				d.files = append(d.files, dirFile{path, err})
			case fi.Mode().IsRegular():
				d.files = append(d.files, dirFile{path: path})
			case fi.IsDir():
				d.files = append(d.files, dirFile{path, fmt.Errorf(
					"%w: symbolic link to a directory, not followed (name it as an input to read it)", eventwire.ErrUnsupported)})
			default:
				d.files = append(d.files, dirFile{path, fmt.Errorf("%w: symbolic link to a %s, not a regular file",
					eventwire.ErrUnsupported, fileKind(fi.Mode()))})
			}
		default:
			d.files = append(d.files, dirFile{path, fmt.Errorf("%w: %s, not a regular file", eventwire.ErrUnsupported, fileKind(t))})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A file reached by two paths below the root (a link to a file beside
	// it, "sub/up.txt" -> "../sub/b.txt") is read once, by the first path
	// in lexical order, and stored under its resolved path.
	seen := map[string]bool{}
	kept := d.files[:0]
	for _, f := range d.files {
		if f.err == nil {
			r := resolvedFileURL(f.path)
			if seen[r] {
				d.skips.count("file reached by another path, read once", 1)
				continue
			}
			seen[r] = true
		}
		kept = append(kept, f)
	}
	d.files = kept
	return d, nil
}

// fileKind names the type of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return "special file"
}

func (d *dirSource) Next(ctx context.Context) (*eventwire.Page, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if d.cur != nil {
			p, err := d.cur.Next(ctx)
			if err != io.EOF {
				return p, err
			}
			d.skips.add(d.cur)
			d.cur.Close()
			d.cur = nil
		}
		if d.next >= len(d.files) {
			return nil, io.EOF
		}
		f := d.files[d.next]
		d.next++
		if f.err != nil {
			return nil, &eventwire.ItemError{Op: "read", Item: fileURL(f.path), Err: f.err}
		}
		src, err := openFile(ctx, f.path, d.opts)
		if err != nil {
			var ie *eventwire.ItemError
			if errors.As(err, &ie) {
				return nil, ie
			}
			return nil, &eventwire.ItemError{Op: "read", Item: resolvedFileURL(f.path), Err: err}
		}
		d.cur = src
	}
}

// SkippedRecords adds up the records skipped by the files read so far.
func (d *dirSource) SkippedRecords() map[string]int64 { return d.skips.with(d.cur) }

// Progress reports files started of files found.
func (d *dirSource) Progress() (done, total int64, unit string) {
	return int64(d.next), int64(len(d.files)), "files"
}

func (d *dirSource) Close() error {
	d.next = len(d.files)
	if d.cur != nil {
		err := d.cur.Close()
		d.cur = nil
		return err
	}
	return nil
}
