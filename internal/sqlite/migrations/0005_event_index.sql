-- 0005: the columns event queries filter on (eventwire events, the API):
-- actor code prefixes are range scans on these indexes.
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_plover ON events(plover);
