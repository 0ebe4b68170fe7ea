// Package sqlite is the eventwire.Store on an embedded SQLite database (pure
// Go, modernc.org/sqlite): the default store of the one-binary setup.
//
// The database runs in WAL mode with a busy timeout, so readers never block
// the writer and several processes may share one file. Every story is written
// in one IMMEDIATE transaction through a single writer connection; the pair
// (url, content_hash) is UNIQUE, so a page stored twice, by a rerun after a
// crash or by two workers at once, is stored once. Raw page bodies are kept
// (gzip-compressed when that saves space) so articles can be re-extracted,
// and parsed Docs in a compact binary layout (doc.go) so events can be
// re-coded without parsing again.
// The schema is versioned by PRAGMA user_version and migrated on Open from
// the SQL files embedded in migrations/.
package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Body encodings recorded beside each blob (Doc formats are in doc.go).
const (
	encIdentity = "identity"
	encGzip     = "gzip"
)

// DefaultLimit is the number of articles listed when a filter gives none.
const DefaultLimit = 50

// MaxLimit bounds one listing.
const MaxLimit = 10000

// Store is an eventwire.Store on one SQLite file. It is safe for concurrent
// use.
type Store struct {
	path string
	w    *sql.DB // one connection: every write goes through it
	r    *sql.DB // readers
	now  func() time.Time
	// zw recycles gzip writers: allocating one costs more than compressing
	// a page.
	zw sync.Pool
	// version tells readers' caches that the data changed (DataVersion).
	version version
	// stmts are the readers' prepared statements.
	stmts stmts
}

var _ eventwire.Store = (*Store)(nil)

// Options tune Open; the zero value is the default.
type Options struct {
	// BusyTimeout is how long a statement waits for a lock held by another
	// process; 0 means 10s.
	BusyTimeout time.Duration
	// Now is the clock used for stored_at and failure times; nil means
	// time.Now.
	Now func() time.Time
}

// Open opens (creating if needed) the database at path and migrates it to
// the current schema.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: empty path")
	}
	bt := opts.BusyTimeout
	if bt <= 0 {
		bt = 10 * time.Second
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", bt.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	dsn := fileURI(path) + "?" + q.Encode()

	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	s := &Store{path: path, w: w, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	qr := url.Values{}
	qr.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", bt.Milliseconds()))
	qr.Add("_pragma", "foreign_keys(1)")
	qr.Add("_pragma", "query_only(1)")
	// Readers map the file (up to 1 GiB) instead of copying each page
	// into a private 2 MB cache through a read system call: under the web
	// API's load at 100,000 events, pread was a fifth of the CPU time, and
	// the operating system's page cache is shared by every connection and
	// process.
	qr.Add("_pragma", "mmap_size(1073741824)")
	r, err := sql.Open("sqlite", fileURI(path)+"?"+qr.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	v, err := sql.Open("sqlite", fileURI(path)+"?"+qr.Encode())
	if err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	v.SetMaxOpenConns(1)
	s.version.db = v
	readers := max(2, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(readers)
	// Keep them all: database/sql keeps two idle by default, and a reader
	// closed and opened again loses its parsed schema and statements.
	r.SetMaxIdleConns(readers)
	s.r = r
	return s, nil
}

// fileURI returns the SQLite URI of a file name: the characters that URIs
// give a meaning to are percent-encoded, so any path opens the file it names.
func fileURI(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	if strings.HasPrefix(path, "//") {
		path = "/" + strings.TrimLeft(path, "/") // "file://x" would name a host
	}
	return "file:" + r.Replace(path)
}

// Path returns the database file name.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.close()
	errs := []error{s.version.close()}
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		// Fold the WAL back into the main file so a closed database is one file.
		_, _ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}

// migration is one numbered SQL file.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	ents, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range ents {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("sqlite: migration %s: name must start with a positive number and _", name)
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", name))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, name, string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	// Numbers may skip one that a branch written at the same time takes;
	// that branch's migration must then land before any database is
	// migrated past its number, which would never apply it.
	for i, m := range ms {
		if i > 0 && m.version == ms[i-1].version {
			return nil, fmt.Errorf("sqlite: migrations %s and %s have the same version", ms[i-1].name, m.name)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this code migrates to: the number
// of its last migration.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies, each in its own transaction, the migrations newer than
// the database's user_version.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return nil
	}
	latest := ms[len(ms)-1].version
	for _, m := range ms {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var v int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
				return err
			}
			if v > latest {
				return fmt.Errorf("database schema version %d is newer than this program's %d", v, latest)
			}
			if v >= m.version {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("sqlite: migrate %s: %w", s.path, err)
		}
	}
	return nil
}

// tx runs fn in a write transaction, committing if it returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// gzipWriter returns a pooled gzip writer reset to w.
func (s *Store) gzipWriter(w io.Writer) *gzip.Writer {
	if zw, ok := s.zw.Get().(*gzip.Writer); ok {
		zw.Reset(w)
		return zw
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	return zw
}

// compress returns b gzip-compressed when that saves at least a tenth.
func (s *Store) compress(b []byte) ([]byte, string) {
	if len(b) < 256 {
		return b, encIdentity
	}
	var buf bytes.Buffer
	zw := s.gzipWriter(&buf)
	zw.Write(b)
	zw.Close()
	s.zw.Put(zw)
	if buf.Len() > len(b)-len(b)/10 {
		return b, encIdentity
	}
	return buf.Bytes(), encGzip
}

// gzipReaders recycles gzip readers: a new one allocates its 32 KB window,
// and the web API's article and event pages decompress a Doc each.
var gzipReaders sync.Pool

func decompress(b []byte, enc string) ([]byte, error) {
	switch enc {
	case encIdentity, "":
		return b, nil
	case encGzip:
		zr, _ := gzipReaders.Get().(*gzip.Reader)
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(bytes.NewReader(b))
		} else {
			err = zr.Reset(bytes.NewReader(b))
		}
		if err != nil {
			return nil, err
		}
		defer gzipReaders.Put(zr)
		// The size gzip records last (modulo 4 GiB, of the last member)
		// is a hint for the buffer, bounded against a corrupt one.
		var buf bytes.Buffer
		if len(b) >= 4 {
			buf.Grow(int(min(binary.LittleEndian.Uint32(b[len(b)-4:]), 64<<20)) + bytes.MinRead)
		}
		if _, err := buf.ReadFrom(zr); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	return nil, fmt.Errorf("unknown body encoding %q", enc)
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// PutStory stores the story's page, article, Doc, events, quotes and places
// in one transaction and sets s.ID. There is one story per URL:
//   - the same URL and content hash again: nothing changes, created is false;
//   - the same URL with other bytes but the same article text (only the
//     boilerplate changed): the raw page is updated, the article and its
//     events stand, created is false;
//   - the same URL with another article text: the story keeps its id, its
//     article, Doc, events, quotes and places are replaced, and the old
//     text is kept in article_versions; created is true.
//
// A story without an Article stores the page alone.
func (s *Store) PutStory(ctx context.Context, st *eventwire.Story) (created bool, err error) {
	if st == nil || st.Page == nil {
		return false, fmt.Errorf("sqlite: put story: %w: no page", eventwire.ErrInvalid)
	}
	p := st.Page
	if p.URL == "" {
		return false, fmt.Errorf("sqlite: put story: %w: page has no URL", eventwire.ErrInvalid)
	}
	hash := p.ContentHash()
	body, enc := s.compress(p.Body)
	var doc []byte
	var docFormat string
	if st.Doc != nil {
		articleText := ""
		if st.Article != nil {
			articleText = st.Article.Text
		}
		docFormat, doc = s.encodeDoc(st.Doc, articleText)
	}
	var id int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM pages WHERE url = ? AND content_hash = ?`, p.URL, hash).Scan(&id)
		if err == nil {
			created = false // the same bytes again
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// The newest page stored under this URL, if any (databases
		// written before one article per URL may hold several).
		var oldHash string
		err = tx.QueryRowContext(ctx, `SELECT id, content_hash FROM pages WHERE url = ? ORDER BY id DESC LIMIT 1`,
			p.URL).Scan(&id, &oldHash)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			// The same URL with other bytes: a re-fetch. The story keeps
			// its id; what changes depends on the article text.
			var oldText, oldTitle, oldPublished, oldFetched string
			var hasArticle bool
			aerr := tx.QueryRowContext(ctx, `SELECT a.text, a.title, a.published, p.fetched_at
				FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.page_id = ?`, id).
				Scan(&oldText, &oldTitle, &oldPublished, &oldFetched)
			switch {
			case errors.Is(aerr, sql.ErrNoRows):
			case aerr != nil:
				return aerr
			default:
				hasArticle = true
			}
			if _, err := tx.ExecContext(ctx, `UPDATE pages SET content_hash = ?, content_type = ?, origin = ?,
				fetched_at = ?, hints = ?, body_encoding = ?, body_size = ?, body = ? WHERE id = ?`,
				hash, p.ContentType, p.Origin, timeText(p.FetchedAt), jsonText(p.Hints), enc, len(p.Body), body, id); err != nil {
				return fmt.Errorf("page: %w", err)
			}
			if hasArticle && st.Article != nil && st.Article.Text == oldText {
				// Only the boilerplate changed (a footer timestamp, a
				// new "most read" list): the article, its Doc and its
				// events stand.
				created = false
				_, err := tx.ExecContext(ctx, `DELETE FROM failures WHERE url = ?`, p.URL)
				return err
			}
			if hasArticle {
				if _, err := tx.ExecContext(ctx, `INSERT INTO article_versions
					(page_id, content_hash, fetched_at, title, published, text, replaced_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)`,
					id, oldHash, oldFetched, oldTitle, oldPublished, oldText, timeText(s.now())); err != nil {
					return fmt.Errorf("article version: %w", err)
				}
			}
			for _, q := range []string{`DELETE FROM articles WHERE page_id = ?`, `DELETE FROM docs WHERE page_id = ?`,
				`DELETE FROM events WHERE page_id = ?`, `DELETE FROM quotes WHERE page_id = ?`,
				`DELETE FROM places WHERE page_id = ?`} {
				if _, err := tx.ExecContext(ctx, q, id); err != nil {
					return fmt.Errorf("replacing story %d: %w", id, err)
				}
			}
			created = true
			return s.putStoryParts(ctx, tx, id, st, docFormat, doc)
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO pages
			(url, content_hash, content_type, origin, fetched_at, hints, body_encoding, body_size, body, stored_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			p.URL, hash, p.ContentType, p.Origin, timeText(p.FetchedAt), jsonText(p.Hints),
			enc, len(p.Body), body, timeText(s.now())).Scan(&id); err != nil {
			return err
		}
		created = true
		return s.putStoryParts(ctx, tx, id, st, docFormat, doc)
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: put story %s: %w", p.URL, err)
	}
	st.ID = id
	return created, nil
}

// putStoryParts inserts the article, Doc, events, quotes and places of
// story id, and clears the failures of its URL.
func (s *Store) putStoryParts(ctx context.Context, tx *sql.Tx, id int64, st *eventwire.Story, docFormat string, doc []byte) error {
	if a := st.Article; a != nil {
		credits := a.Credits
		if credits == nil {
			credits = []string{}
		}
		paras := a.Paragraphs
		if paras == nil {
			paras = []text.Span{}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles
			(page_id, url, title, published, byline, credits, dateline, language, text, paragraphs)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, a.URL, a.Title, a.Published, a.Byline, jsonText(credits), a.Dateline, a.Language,
			a.Text, jsonText(paras)); err != nil {
			return fmt.Errorf("article: %w", err)
		}
	}
	if doc != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO docs (page_id, format, data) VALUES (?, ?, ?)`,
			id, docFormat, doc); err != nil {
			return fmt.Errorf("doc: %w", err)
		}
	}
	if err := putCoded(ctx, tx, id, st); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM failures WHERE url = ?`, st.Page.URL)
	return err
}

// putEvents inserts events for page id.
func putEvents(ctx context.Context, tx *sql.Tx, id int64, events []eventwire.Event) error {
	for i, e := range events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events
			(page_id, idx, cameo, plover, source_code, target_code, quad_class, goldstein, sentence, date, json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, e.CAMEO, e.PLOVER, e.Source.Code, e.Target.Code, e.QuadClass, e.Goldstein,
			e.Sentence, e.Date, jsonText(e)); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	return nil
}

// putCoded inserts the story's events, quotes and places for page id.
func putCoded(ctx context.Context, tx *sql.Tx, id int64, st *eventwire.Story) error {
	if err := putEvents(ctx, tx, id, st.Events); err != nil {
		return err
	}
	for i, q := range st.Quotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (page_id, idx, speaker, json) VALUES (?, ?, ?, ?)`,
			id, i, q.Speaker.Code, jsonText(q)); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, pl := range st.Places {
		if _, err := tx.ExecContext(ctx, `INSERT INTO places (page_id, idx, geonameid, country, json) VALUES (?, ?, ?, ?, ?)`,
			id, i, pl.GeonameID, pl.Country, jsonText(pl)); err != nil {
			return fmt.Errorf("place %d: %w", i, err)
		}
	}
	return nil
}

// PutFailure records that page p failed stage with cause, keeping its body so
// it can be retried. Recording the same url and stage again replaces the
// error and counts the attempt.
func (s *Store) PutFailure(ctx context.Context, p *eventwire.Page, stage string, cause error) error {
	if p == nil || p.URL == "" {
		return fmt.Errorf("sqlite: put failure: %w: no page URL", eventwire.ErrInvalid)
	}
	msg := "unknown error"
	if cause != nil {
		msg = cause.Error()
	}
	var body []byte
	enc := encIdentity
	hash := ""
	if len(p.Body) > 0 {
		body, enc = s.compress(p.Body)
		hash = p.ContentHash()
	}
	now := timeText(s.now())
	// A refusal (eventwire.ErrUnsupported: a link to a directory, a special
	// file, a binary format) is what the input is, not a mishap: retries
	// pass over it.
	refused := errors.Is(cause, eventwire.ErrUnsupported)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO failures
			(url, stage, error, origin, content_type, content_hash, body_encoding, body, attempts, first_at, last_at, refused)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
			ON CONFLICT (url, stage) DO UPDATE SET
				error = excluded.error, origin = excluded.origin, content_type = excluded.content_type,
				content_hash = excluded.content_hash, body_encoding = excluded.body_encoding,
				body = excluded.body, attempts = attempts + 1, last_at = excluded.last_at,
				refused = excluded.refused`,
			p.URL, stage, msg, p.Origin, p.ContentType, hash, enc, body, now, now, refused)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: put failure %s: %w", p.URL, err)
	}
	return nil
}

// Story returns the stored story id with its page (body decompressed),
// article, Doc, events, quotes and places; eventwire.ErrNotFound if absent.
func (s *Store) Story(ctx context.Context, id int64) (*eventwire.Story, error) {
	return s.story(ctx, id, true, true, true)
}

// ArticleStory is Story without what the web API's article and event
// pages never show: the raw page body (which may be hundreds of
// kilobytes to decompress) and the quotes, and the events and places too
// unless withEvents (web.ArticleReader).
func (s *Store) ArticleStory(ctx context.Context, id int64, withEvents bool) (*eventwire.Story, error) {
	return s.story(ctx, id, false, withEvents, false)
}

// story reads story id: its page, with its body if body, its article and
// Doc, its events and places if events, its quotes if quotes.
func (s *Store) story(ctx context.Context, id int64, body, events, quotes bool) (*eventwire.Story, error) {
	st := &eventwire.Story{ID: id, Page: &eventwire.Page{}}
	p := st.Page
	var fetched, hints, enc string
	var raw []byte
	q := `SELECT url, content_type, origin, fetched_at, hints, body_encoding, body FROM pages WHERE id = ?`
	if !body {
		q = `SELECT url, content_type, origin, fetched_at, hints, body_encoding, NULL FROM pages WHERE id = ?`
	}
	err := s.queryRow(ctx, q, id).Scan(&p.URL, &p.ContentType, &p.Origin, &fetched, &hints, &enc, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: story %d: %w", id, eventwire.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %d: %w", id, err)
	}
	p.FetchedAt = parseTime(fetched)
	if err := json.Unmarshal([]byte(hints), &p.Hints); err != nil {
		return nil, fmt.Errorf("sqlite: story %d: hints: %w", id, err)
	}
	if body {
		if p.Body, err = decompress(raw, enc); err != nil {
			return nil, fmt.Errorf("sqlite: story %d: body: %w", id, err)
		}
	}

	a := &eventwire.Article{}
	var credits, paras string
	err = s.queryRow(ctx, `SELECT url, title, published, byline, credits, dateline, language, text, paragraphs
		FROM articles WHERE page_id = ?`, id).Scan(&a.URL, &a.Title, &a.Published, &a.Byline, &credits,
		&a.Dateline, &a.Language, &a.Text, &paras)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("sqlite: story %d: article: %w", id, err)
	default:
		if err := decodeArticleJSON(a, credits, paras); err != nil {
			return nil, fmt.Errorf("sqlite: story %d: %w", id, err)
		}
		st.Article = a
	}

	var format string
	var data []byte
	err = s.queryRow(ctx, `SELECT format, data FROM docs WHERE page_id = ?`, id).Scan(&format, &data)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("sqlite: story %d: doc: %w", id, err)
	default:
		if st.Doc, err = decodeDoc(format, data, a.Text); err != nil {
			return nil, fmt.Errorf("sqlite: story %d: %w", id, err)
		}
	}
	if events {
		if err := scanJSON(ctx, s, `SELECT json FROM events WHERE page_id = ? ORDER BY idx`, id, &st.Events); err != nil {
			return nil, fmt.Errorf("sqlite: story %d: events: %w", id, err)
		}
		if err := scanJSON(ctx, s, `SELECT json FROM places WHERE page_id = ? ORDER BY idx`, id, &st.Places); err != nil {
			return nil, fmt.Errorf("sqlite: story %d: places: %w", id, err)
		}
	}
	if quotes {
		if err := scanJSON(ctx, s, `SELECT json FROM quotes WHERE page_id = ? ORDER BY idx`, id, &st.Quotes); err != nil {
			return nil, fmt.Errorf("sqlite: story %d: quotes: %w", id, err)
		}
	}
	return st, nil
}

// decodeArticleJSON fills the JSON columns of an article row.
func decodeArticleJSON(a *eventwire.Article, credits, paras string) error {
	if err := json.Unmarshal([]byte(credits), &a.Credits); err != nil {
		return fmt.Errorf("credits: %w", err)
	}
	if err := json.Unmarshal([]byte(paras), &a.Paragraphs); err != nil {
		return fmt.Errorf("paragraphs: %w", err)
	}
	return nil
}

// docsBatch is the number of stories Docs reads per query: no read
// transaction stays open while the caller's function runs, so a long walk
// neither holds a snapshot nor stops WAL checkpoints.
const docsBatch = 32

// Docs calls fn, in id order, for each stored story with id > after that
// has a Doc, with its Page (no Body), Article, Doc and Events. Stories are
// read in small batches and no transaction is open while fn runs, so fn
// may write (ReplaceEvents). An error from fn stops the walk and is
// returned as it is.
func (s *Store) Docs(ctx context.Context, after int64, fn func(*eventwire.Story) error) error {
	return s.walk(ctx, after, true, fn)
}

// Unparsed is Docs for the stories that have an article but no Doc
// (ingested without parsing): each comes with its Page (no Body), Article
// and Events.
func (s *Store) Unparsed(ctx context.Context, after int64, fn func(*eventwire.Story) error) error {
	return s.walk(ctx, after, false, fn)
}

// walk serves Docs (withDoc) and Unparsed.
func (s *Store) walk(ctx context.Context, after int64, withDoc bool, fn func(*eventwire.Story) error) error {
	for {
		batch, err := s.storiesAfter(ctx, after, withDoc)
		if err != nil {
			return err
		}
		for _, st := range batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(st); err != nil {
				return err
			}
		}
		if len(batch) < docsBatch {
			return nil
		}
		after = batch[len(batch)-1].ID
	}
}

// storiesAfter reads the next batch of a walk: at most docsBatch stories
// with id > after, with their events; withDoc selects the stories with a
// Doc (decoded), else the articles without one.
func (s *Store) storiesAfter(ctx context.Context, after int64, withDoc bool) ([]*eventwire.Story, error) {
	const cols = `p.id, p.url, p.content_type, p.origin, p.fetched_at, p.hints,
			a.url, a.title, a.published, a.byline, a.credits, a.dateline, a.language, a.text, a.paragraphs`
	var rows *sql.Rows
	var err error
	if withDoc {
		rows, err = s.query(ctx, `SELECT `+cols+`, d.format, d.data
			FROM docs d JOIN pages p ON p.id = d.page_id LEFT JOIN articles a ON a.page_id = d.page_id
			WHERE d.page_id > ? ORDER BY d.page_id LIMIT ?`, after, docsBatch)
	} else {
		rows, err = s.query(ctx, `SELECT `+cols+`, '', NULL
			FROM articles a JOIN pages p ON p.id = a.page_id LEFT JOIN docs d ON d.page_id = a.page_id
			WHERE a.page_id > ? AND d.page_id IS NULL ORDER BY a.page_id LIMIT ?`, after, docsBatch)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: docs: %w", err)
	}
	defer rows.Close()
	var out []*eventwire.Story
	byID := map[int64]*eventwire.Story{}
	for rows.Next() {
		st := &eventwire.Story{Page: &eventwire.Page{}}
		p := st.Page
		var fetched, hints, format string
		var aURL, title, published, byline, credits, dateline, lang, body, paras sql.NullString
		var data []byte
		if err := rows.Scan(&st.ID, &p.URL, &p.ContentType, &p.Origin, &fetched, &hints,
			&aURL, &title, &published, &byline, &credits, &dateline, &lang, &body, &paras,
			&format, &data); err != nil {
			return nil, fmt.Errorf("sqlite: docs: %w", err)
		}
		p.FetchedAt = parseTime(fetched)
		if err := json.Unmarshal([]byte(hints), &p.Hints); err != nil {
			return nil, fmt.Errorf("sqlite: docs: story %d: hints: %w", st.ID, err)
		}
		if aURL.Valid {
			st.Article = &eventwire.Article{URL: aURL.String, Title: title.String, Published: published.String,
				Byline: byline.String, Dateline: dateline.String, Language: lang.String, Text: body.String}
			if err := decodeArticleJSON(st.Article, credits.String, paras.String); err != nil {
				return nil, fmt.Errorf("sqlite: docs: story %d: %w", st.ID, err)
			}
		}
		if withDoc {
			if st.Doc, err = decodeDoc(format, data, body.String); err != nil {
				return nil, fmt.Errorf("sqlite: docs: story %d: %w", st.ID, err)
			}
		}
		out = append(out, st)
		byID[st.ID] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: docs: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return nil, nil
	}
	ev, err := s.query(ctx, `SELECT page_id, json FROM events WHERE page_id > ? AND page_id <= ?
		ORDER BY page_id, idx`, after, out[len(out)-1].ID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: docs: events: %w", err)
	}
	defer ev.Close()
	for ev.Next() {
		var id int64
		var js string
		if err := ev.Scan(&id, &js); err != nil {
			return nil, fmt.Errorf("sqlite: docs: events: %w", err)
		}
		st, ok := byID[id]
		if !ok {
			continue // a story the walk does not visit
		}
		var e eventwire.Event
		if err := json.Unmarshal([]byte(js), &e); err != nil {
			return nil, fmt.Errorf("sqlite: docs: story %d: event: %w", id, err)
		}
		st.Events = append(st.Events, e)
	}
	if err := ev.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: docs: events: %w", err)
	}
	return out, nil
}

// CountDocs returns the number of stored Docs of stories with id > after:
// the stories Docs(ctx, after, fn) visits, for progress displays.
func (s *Store) CountDocs(ctx context.Context, after int64) (int64, error) {
	var n int64
	if err := s.queryRow(ctx, `SELECT count(*) FROM docs WHERE page_id > ?`, after).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count docs: %w", err)
	}
	return n, nil
}

// CountUnparsed returns the number of stored articles with id > after
// that have no Doc: the stories Unparsed(ctx, after, fn) visits.
func (s *Store) CountUnparsed(ctx context.Context, after int64) (int64, error) {
	var n int64
	err := s.queryRow(ctx, `SELECT count(*) FROM articles a LEFT JOIN docs d ON d.page_id = a.page_id
		WHERE a.page_id > ? AND d.page_id IS NULL`, after).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sqlite: count unparsed: %w", err)
	}
	return n, nil
}

// PutDoc sets the Doc of story id (replacing any) and replaces its events,
// quotes and places,
// in one transaction; eventwire.ErrNotFound if no page has that id.
func (s *Store) PutDoc(ctx context.Context, id int64, d *text.Doc, events []eventwire.Event, quotes []eventwire.Quote, places []eventwire.Place) error {
	if d == nil {
		return fmt.Errorf("sqlite: put doc of story %d: %w: no Doc", id, eventwire.ErrInvalid)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var articleText sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT a.text FROM pages p LEFT JOIN articles a ON a.page_id = p.id
			WHERE p.id = ?`, id).Scan(&articleText)
		if errors.Is(err, sql.ErrNoRows) {
			return eventwire.ErrNotFound
		}
		if err != nil {
			return err
		}
		format, data := s.encodeDoc(d, articleText.String)
		if _, err := tx.ExecContext(ctx, `INSERT INTO docs (page_id, format, data) VALUES (?, ?, ?)
			ON CONFLICT (page_id) DO UPDATE SET format = excluded.format, data = excluded.data`,
			id, format, data); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM events WHERE page_id = ?`, `DELETE FROM quotes WHERE page_id = ?`,
			`DELETE FROM places WHERE page_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		return putCoded(ctx, tx, id, &eventwire.Story{Events: events, Quotes: quotes, Places: places})
	})
	if err != nil {
		return fmt.Errorf("sqlite: put doc of story %d: %w", id, err)
	}
	return nil
}

// ReplaceEvents replaces the events of story id by events in one
// transaction; eventwire.ErrNotFound if no page has that id.
func (s *Store) ReplaceEvents(ctx context.Context, id int64, events []eventwire.Event) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM pages WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return eventwire.ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE page_id = ?`, id); err != nil {
			return err
		}
		return putEvents(ctx, tx, id, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: replace events of story %d: %w", id, err)
	}
	return nil
}

// scanJSON appends to *dst the JSON value of each row of query.
func scanJSON[T any](ctx context.Context, s *Store, query string, id int64, dst *[]T) error {
	rows, err := s.query(ctx, query, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	var js sql.RawBytes // decoded, not kept
	for rows.Next() {
		if err := rows.Scan(&js); err != nil {
			return err
		}
		var v T
		if err := json.Unmarshal(js, &v); err != nil {
			return err
		}
		*dst = append(*dst, v)
	}
	return rows.Err()
}

// ftsQuery turns free words into an FTS5 query that matches articles holding
// all of them: each word is quoted, so FTS5 operators and punctuation in the
// input are taken literally and never cause a syntax error. A NUL byte,
// which ends FTS5's reading of the query (an "unterminated string" error),
// separates words, as the tokenizer makes it do in the text.
func ftsQuery(words string) string {
	var parts []string
	for _, w := range strings.Fields(strings.ReplaceAll(words, "\x00", " ")) {
		w = strings.Trim(w, `"`)
		w = strings.ReplaceAll(w, `"`, `""`)
		if w == "" {
			continue
		}
		parts = append(parts, `"`+w+`"`)
	}
	return strings.Join(parts, " ")
}

// Articles lists stored articles, newest first by publication date (then by
// id), or, with a search, those whose title or text hold all the words,
// best match first.
func (s *Store) Articles(ctx context.Context, f eventwire.ArticleFilter) ([]eventwire.ArticleSummary, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(f.Offset, 0)
	var rows *sql.Rows
	var err error
	if q := ftsQuery(f.Search); q != "" {
		rows, err = s.query(ctx, `SELECT a.page_id, a.url, a.title, a.published, a.language,
				snippet(articles_fts, 1, '[', ']', '…', 12)
			FROM articles_fts JOIN articles a ON a.page_id = articles_fts.rowid
			WHERE articles_fts MATCH ? ORDER BY rank, a.page_id LIMIT ? OFFSET ?`, q, limit, offset)
	} else {
		rows, err = s.query(ctx, `SELECT page_id, url, title, published, language, ''
			FROM articles ORDER BY published DESC, page_id DESC LIMIT ? OFFSET ?`, limit, offset)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	out := []eventwire.ArticleSummary{}
	for rows.Next() {
		var a eventwire.ArticleSummary
		if err := rows.Scan(&a.ID, &a.URL, &a.Title, &a.Published, &a.Language, &a.Snippet); err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	return out, nil
}

// Stats counts pages, articles, failures, events, quotes and places.
func (s *Store) Stats(ctx context.Context) (eventwire.StoreStats, error) {
	var st eventwire.StoreStats
	err := s.queryRow(ctx, `SELECT
		(SELECT count(*) FROM pages), (SELECT count(*) FROM articles), (SELECT count(*) FROM failures),
		(SELECT count(*) FROM events), (SELECT count(*) FROM quotes), (SELECT count(*) FROM places)`).
		Scan(&st.Pages, &st.Articles, &st.Failures, &st.Events, &st.Quotes, &st.Places)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}

// Failures lists recorded failures, most recent first.
func (s *Store) Failures(ctx context.Context, limit int) ([]eventwire.Failure, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	rows, err := s.query(ctx, `SELECT url, origin, stage, error, attempts, last_at
		FROM failures ORDER BY last_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: failures: %w", err)
	}
	defer rows.Close()
	out := []eventwire.Failure{}
	for rows.Next() {
		var f eventwire.Failure
		var last string
		if err := rows.Scan(&f.URL, &f.Origin, &f.Stage, &f.Error, &f.Attempts, &last); err != nil {
			return nil, fmt.Errorf("sqlite: failures: %w", err)
		}
		f.LastAt = parseTime(last)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: failures: %w", err)
	}
	return out, nil
}

// PageID returns the id of the stored page with url and contentHash, so
// the orchestrator can skip pages it already has (ingest.PageLooker).
func (s *Store) PageID(ctx context.Context, url, contentHash string) (int64, bool, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM pages WHERE url = ? AND content_hash = ?`, url, contentHash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("sqlite: page id: %w", err)
	}
	return id, true, nil
}

// SameArticle reports whether the newest story stored under url has an
// article whose text is exactly text (ingest.ArticleLooker).
func (s *Store) SameArticle(ctx context.Context, url, text string) (int64, bool, error) {
	var id int64
	var same bool
	err := s.queryRow(ctx, `SELECT p.id, a.text = ? FROM pages p JOIN articles a ON a.page_id = p.id
		WHERE p.url = ? ORDER BY p.id DESC LIMIT 1`, text, url).Scan(&id, &same)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("sqlite: same article: %w", err)
	}
	return id, same, nil
}

// FailedPage is a recorded failure with the page it concerns.
type FailedPage struct {
	ID    int64  // the failure's id, for paging
	Stage string // where the page failed
	// Refused: the input was refused for what it is (its error wrapped
	// eventwire.ErrUnsupported), so a retry would only repeat the refusal
	// or, for a link to a directory read as a named input, cross a
	// boundary the first run kept.
	Refused bool
	// Page has the URL, origin and content type, and the body when one was
	// kept (failures after reading); FetchedAt is the time of the lookup.
	Page *eventwire.Page
}

// FailedPages returns recorded failures with id > afterID, in id order, at
// most limit (0 means DefaultLimit), each with its page as kept: the body
// (decompressed) when the failure happened after reading, else none. It
// serves retries (eventwire ingest --retry).
func (s *Store) FailedPages(ctx context.Context, afterID int64, limit int) ([]FailedPage, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	rows, err := s.query(ctx, `SELECT id, url, stage, refused, origin, content_type, body_encoding, body
		FROM failures WHERE id > ? ORDER BY id LIMIT ?`, afterID, min(limit, MaxLimit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: failed pages: %w", err)
	}
	defer rows.Close()
	var out []FailedPage
	for rows.Next() {
		var f FailedPage
		var enc string
		var body []byte
		p := &eventwire.Page{}
		if err := rows.Scan(&f.ID, &p.URL, &f.Stage, &f.Refused, &p.Origin, &p.ContentType, &enc, &body); err != nil {
			return nil, fmt.Errorf("sqlite: failed pages: %w", err)
		}
		if len(body) > 0 {
			if p.Body, err = decompress(body, enc); err != nil {
				return nil, fmt.Errorf("sqlite: failed page %s: %w", p.URL, err)
			}
		}
		p.FetchedAt = s.now().UTC()
		f.Page = p
		out = append(out, f)
	}
	return out, rows.Err()
}
