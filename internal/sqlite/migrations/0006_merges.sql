-- 0006: reports of one event merged (eventwire merge; ingest merges the
-- events it stores). One row per merged event mention: merged_id names the
-- group (the id of its first event); source_key is the independent source
-- the mention counts for (a wire agency the article credits, else the
-- site; a mention whose evidence text another member already has counts
-- for that member's source: a wire copy); text_hash is that evidence text,
-- normalised. Groups are derived from these rows alone, so deleting events
-- (recode, a re-fetched article) updates them through the cascade.
CREATE TABLE event_merges (
	event_id   INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
	merged_id  INTEGER NOT NULL,
	source_key TEXT    NOT NULL,
	text_hash  TEXT    NOT NULL,
	day_lo     TEXT    NOT NULL DEFAULT '',
	day_hi     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX event_merges_group ON event_merges(merged_id);
