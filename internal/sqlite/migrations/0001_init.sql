-- 0001: pages, articles with full-text search, docs, events, quotes,
-- places, failures. Times are RFC 3339 UTC text.

-- A page is one raw document; (url, content_hash) makes storage idempotent.
-- body holds the raw bytes, gzip-compressed when body_encoding = 'gzip'.
CREATE TABLE pages (
	id            INTEGER PRIMARY KEY,
	url           TEXT    NOT NULL,
	content_hash  TEXT    NOT NULL,
	content_type  TEXT    NOT NULL DEFAULT '',
	origin        TEXT    NOT NULL DEFAULT '',
	fetched_at    TEXT    NOT NULL DEFAULT '',
	hints         TEXT    NOT NULL DEFAULT '{}',
	body_encoding TEXT    NOT NULL DEFAULT 'identity',
	body_size     INTEGER NOT NULL,
	body          BLOB    NOT NULL,
	stored_at     TEXT    NOT NULL,
	UNIQUE (url, content_hash)
);

-- The article extracted from a page; its id is the page's (the story id).
CREATE TABLE articles (
	page_id    INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
	url        TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	published  TEXT NOT NULL DEFAULT '',
	byline     TEXT NOT NULL DEFAULT '',
	credits    TEXT NOT NULL DEFAULT '[]',
	dateline   TEXT NOT NULL DEFAULT '',
	language   TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL DEFAULT '',
	paragraphs TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_published ON articles(published);

-- The annotated text.Doc, so recoding does not need to re-parse.
CREATE TABLE docs (
	page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
	format  TEXT NOT NULL,
	data    BLOB NOT NULL
);

-- Coded events: the columns queries filter on, and the whole event as JSON.
CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	page_id     INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	cameo       TEXT    NOT NULL DEFAULT '',
	plover      TEXT    NOT NULL DEFAULT '',
	source_code TEXT    NOT NULL DEFAULT '',
	target_code TEXT    NOT NULL DEFAULT '',
	quad_class  INTEGER NOT NULL DEFAULT 0,
	goldstein   REAL    NOT NULL DEFAULT 0,
	sentence    INTEGER NOT NULL DEFAULT 0,
	date        TEXT    NOT NULL DEFAULT '',
	json        TEXT    NOT NULL,
	UNIQUE (page_id, idx)
);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_date ON events(date);

CREATE TABLE quotes (
	page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	speaker TEXT    NOT NULL DEFAULT '',
	json    TEXT    NOT NULL,
	PRIMARY KEY (page_id, idx)
);

CREATE TABLE places (
	page_id   INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	geonameid INTEGER NOT NULL DEFAULT 0,
	country   TEXT    NOT NULL DEFAULT '',
	json      TEXT    NOT NULL,
	PRIMARY KEY (page_id, idx)
);
CREATE INDEX places_geonameid ON places(geonameid);

-- A page that failed a stage, with what is needed to retry it. One row per
-- (url, stage); a later success of the url deletes its rows.
CREATE TABLE failures (
	id            INTEGER PRIMARY KEY,
	url           TEXT    NOT NULL,
	stage         TEXT    NOT NULL,
	error         TEXT    NOT NULL,
	origin        TEXT    NOT NULL DEFAULT '',
	content_type  TEXT    NOT NULL DEFAULT '',
	content_hash  TEXT    NOT NULL DEFAULT '',
	body_encoding TEXT    NOT NULL DEFAULT 'identity',
	body          BLOB,
	attempts      INTEGER NOT NULL DEFAULT 1,
	first_at      TEXT    NOT NULL,
	last_at       TEXT    NOT NULL,
	UNIQUE (url, stage)
);
CREATE INDEX failures_last_at ON failures(last_at);
