-- 0004: what each feed's last complete poll returned, so the next poll can
-- be conditional (If-None-Match, If-Modified-Since; RFC 9110 section 13):
-- a server with nothing new answers 304 and sends no body. (0003 is taken
-- by a migration written at the same time.)
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	polled_at     TEXT NOT NULL
);
