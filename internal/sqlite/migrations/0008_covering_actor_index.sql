-- 0008: the actor indexes carry every column that event queries filter on
-- or count by, so that counting an actor's events per day or per dyad
-- (the web API's timeline and actor network, eventwire actors) and
-- filtering them further reads the index alone, not each event's row and
-- its JSON: at 100,000 events an actor's timeline took 10 ms and now 5.
-- events_by_source leads with the dyad and its date, so it also serves
-- merging's look-up of the reports of a dyad (0007's events_dyad).
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_dyad;
CREATE INDEX events_by_source ON events(source_code, target_code, date, quad_class, cameo, plover, page_id);
CREATE INDEX events_by_target ON events(target_code, source_code, date, quad_class, cameo, plover, page_id);
