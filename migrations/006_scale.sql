-- 006 (scale): indexes for every query the CLI and TUI issue, and two
-- small derived tables so the lang: and source: filters are index lookups
-- instead of scans of events and event_sources. Each index says which
-- query it serves; tests/query_plans.rs fails on a full scan of a large
-- table.

-- serves: an event's related events, looked up from the b side
-- (Store::complete: ... UNION SELECT a FROM event_links WHERE b = ?)
CREATE INDEX event_links_by_b ON event_links(b, a);

-- serves: kind: filters (events --kind, kind:lawsuit) in date order
CREATE INDEX events_by_kind ON events(kind, first_day, last_day);

-- serves: since: filters (e.last_day >= ?)
CREATE INDEX events_by_last_day ON events(last_day);

-- serves: Store::resolve_entity for names the gazetteer does not know
-- (event_entities WHERE entity = ? COLLATE NOCASE)
CREATE INDEX event_entities_by_name_nocase ON event_entities(entity COLLATE NOCASE);

-- serves: status: filters (status:rejected, status:confirmed)
CREATE INDEX events_by_status ON events(status, first_day);

-- serves: alias expansion in search (an alias's entity, then its other
-- aliases: entity_aliases WHERE name = ?) and Store::aliases_of
CREATE INDEX entity_aliases_by_name ON entity_aliases(name);

-- serves: removing one event's entity rows when the timeline is rewritten
-- in part, and the event -> entities direction
CREATE INDEX event_entities_by_event ON event_entities(event_id);

-- A hash of everything stored about an event, so a rebuild rewrites only
-- the events that changed ('' until the first rebuild writes it).
ALTER TABLE events ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';

-- The languages of each event's sources, one row a language.
-- serves: lang:zh / --lang (e.id IN (SELECT event_id FROM event_langs WHERE lang = ?))
CREATE TABLE event_langs (
    lang     TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (lang, event_id)
) WITHOUT ROWID;

-- serves: removing one event's rows when the timeline is rewritten in part
CREATE INDEX event_langs_by_event ON event_langs(event_id);

-- Each event's outlets and sites (lower-cased outlet name, url host).
-- serves: source:reuters / --source (keys matched in source_keys, then
-- the key, then this table's key order), never a scan of event_sources
CREATE TABLE event_source_keys (
    key      TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (key, event_id)
) WITHOUT ROWID;

-- serves: removing one event's rows when the timeline is rewritten in part
CREATE INDEX event_source_keys_by_event ON event_source_keys(event_id);

-- Every distinct outlet name and site: as many rows as outlets, not
-- articles; the source: filter's substring match scans only this.
CREATE TABLE source_keys (
    key TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Fill the new tables from a timeline built before this migration.
WITH RECURSIVE split(event_id, rest, lang) AS (
    SELECT id, langs || ' ', '' FROM events
    UNION ALL
    SELECT event_id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)
    FROM split WHERE rest != ''
)
INSERT OR IGNORE INTO event_langs (lang, event_id)
SELECT lang, event_id FROM split WHERE lang != '';

INSERT OR IGNORE INTO event_source_keys (key, event_id)
SELECT lower(outlet), event_id FROM event_sources WHERE outlet != '';

INSERT OR IGNORE INTO event_source_keys (key, event_id)
SELECT lower(substr(rest, 1, instr(rest || '/', '/') - 1)), event_id
FROM (SELECT substr(url, instr(url, '://') + 3) AS rest, event_id FROM event_sources WHERE instr(url, '://') > 0)
WHERE rest != '';

INSERT OR IGNORE INTO source_keys (key) SELECT DISTINCT key FROM event_source_keys;

-- serves: feed: / watchlists by feed (articles of a feed, their mentions,
-- the events those back: articles WHERE feed_url = ?, then event_sources
-- by mention_id)
CREATE INDEX articles_by_feed ON articles(feed_url);
CREATE INDEX event_sources_by_mention ON event_sources(mention_id);

-- serves: new:yes / --unseen (event_marks WHERE seen_at IS NULL), a small
-- partial index of just the unseen
CREATE INDEX event_marks_unseen ON event_marks(event_id) WHERE seen_at IS NULL;

