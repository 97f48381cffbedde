-- 008 (reads): what `entities` and the TUI's Entities view show, kept per
-- entity instead of counted over every event at each read (a GROUP BY over
-- event_entities and events costs the size of the timeline: 0.5 s at
-- 100,000 articles, seconds at 1M).
--
-- entity_stats holds, for each name events carry, the number of events
-- that are not rejected and their date range, exactly as
-- Store::entities used to compute them. The triggers below never compute:
-- whatever writes events or their entity rows, in whatever order, marks
-- the names it touched in entity_stats_dirty, in the same transaction.
-- The writer recounts the marked names before it commits
-- (Store::refresh_entity_stats); a reader that still finds marked names
-- counts just those itself, so an answer is never stale.

CREATE TABLE entity_stats (
    entity TEXT PRIMARY KEY,
    events INTEGER NOT NULL,
    first_start TEXT,
    last_end    TEXT
) WITHOUT ROWID;

CREATE TABLE entity_stats_dirty (
    entity TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TRIGGER entity_stats_name_added AFTER INSERT ON event_entities
BEGIN INSERT OR IGNORE INTO entity_stats_dirty (entity) VALUES (new.entity); END;
CREATE TRIGGER entity_stats_name_removed AFTER DELETE ON event_entities
BEGIN INSERT OR IGNORE INTO entity_stats_dirty (entity) VALUES (old.entity); END;
CREATE TRIGGER entity_stats_name_changed AFTER UPDATE ON event_entities
BEGIN
    INSERT OR IGNORE INTO entity_stats_dirty (entity) VALUES (old.entity);
    INSERT OR IGNORE INTO entity_stats_dirty (entity) VALUES (new.entity);
END;

-- an event's status or dates change its names' counts and ranges
-- (event_entities_by_event finds its names)
CREATE TRIGGER entity_stats_event_added AFTER INSERT ON events
BEGIN INSERT OR IGNORE INTO entity_stats_dirty (entity)
      SELECT entity FROM event_entities WHERE event_id = new.id; END;
CREATE TRIGGER entity_stats_event_removed AFTER DELETE ON events
BEGIN INSERT OR IGNORE INTO entity_stats_dirty (entity)
      SELECT entity FROM event_entities WHERE event_id = old.id; END;
CREATE TRIGGER entity_stats_event_changed AFTER UPDATE OF id, status, start, end_date ON events
BEGIN
    INSERT OR IGNORE INTO entity_stats_dirty (entity)
        SELECT entity FROM event_entities WHERE event_id = old.id;
    INSERT OR IGNORE INTO entity_stats_dirty (entity)
        SELECT entity FROM event_entities WHERE event_id = new.id;
END;

-- Counts for a timeline built before this migration.
INSERT INTO entity_stats (entity, events, first_start, last_end)
SELECT n.entity, count(DISTINCT e.id), min(e.start), max(coalesce(e.end_date, e.start))
FROM event_entities n JOIN events e ON e.id = n.event_id AND e.status != 'rejected'
GROUP BY n.entity;
