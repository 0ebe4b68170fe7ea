-- 0003: one article per URL, and failures that were refusals.
--
-- A page fetched again under the same URL is the same story: PutStory updates it in place when the
-- article text changed, keeping the replaced text here for provenance, and
-- changes nothing but the raw page when only the boilerplate did.
CREATE TABLE article_versions (
	id           INTEGER PRIMARY KEY,
	page_id      INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
	content_hash TEXT    NOT NULL,
	fetched_at   TEXT    NOT NULL DEFAULT '',
	title        TEXT    NOT NULL DEFAULT '',
	published    TEXT    NOT NULL DEFAULT '',
	text         TEXT    NOT NULL DEFAULT '',
	replaced_at  TEXT    NOT NULL
);
CREATE INDEX article_versions_page ON article_versions(page_id);

-- refused = 1: the input was refused for what it is (a link to a directory,
-- a special file, a binary format), not for a failure a retry could mend;
-- ingest --retry passes over it.
ALTER TABLE failures ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
