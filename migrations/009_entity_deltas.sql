-- 009 (entity deltas): entity_stats kept by differences instead of
-- recounts. Under 008 every name an event write touched was recounted
-- over all of that name's events before the writer committed: a refresh
-- that rewrote one event naming China recounted every China event (about
-- a second at 100,000 articles, ten at 1M). Now each event that starts or
-- stops counting for a name adds or takes away one, and widens the name's
-- date range; only a change that may narrow the range (an event on the
-- range's first or last date leaving it) still marks the name in
-- entity_stats_dirty for a recount, as every write did before.
--
-- An event counts for a name when the event exists, is not rejected and
-- has at least one event_entities row for the name (actor, target or
-- both). Each trigger below keeps that count whatever order rows are
-- written or removed in: entity rows written before their event are
-- counted when the event arrives, and an event removed before its entity
-- rows takes its counts with it.

DROP TRIGGER entity_stats_name_added;
DROP TRIGGER entity_stats_name_removed;
DROP TRIGGER entity_stats_event_added;
DROP TRIGGER entity_stats_event_removed;

-- a name's first row for a counted event: one more
CREATE TRIGGER entity_stats_name_added AFTER INSERT ON event_entities
WHEN NOT EXISTS (SELECT 1 FROM event_entities
                 WHERE entity = new.entity AND event_id = new.event_id AND role != new.role)
BEGIN
    INSERT INTO entity_stats (entity, events, first_start, last_end)
    SELECT new.entity, 1, e.start, coalesce(e.end_date, e.start)
    FROM events e WHERE e.id = new.event_id AND e.status != 'rejected'
    ON CONFLICT (entity) DO UPDATE SET
        events = events + 1,
        first_start = min(first_start, excluded.first_start),
        last_end = max(last_end, excluded.last_end);
END;

-- a name's last row for a counted event: one fewer (a recount when the
-- event stood on an end of the name's range)
CREATE TRIGGER entity_stats_name_removed AFTER DELETE ON event_entities
WHEN NOT EXISTS (SELECT 1 FROM event_entities
                 WHERE entity = old.entity AND event_id = old.event_id)
BEGIN
    INSERT OR IGNORE INTO entity_stats_dirty (entity)
    SELECT old.entity FROM events e JOIN entity_stats s ON s.entity = old.entity
    WHERE e.id = old.event_id AND e.status != 'rejected'
      AND (e.start = s.first_start OR coalesce(e.end_date, e.start) = s.last_end);
    UPDATE entity_stats SET events = events - 1
    WHERE entity = old.entity
      AND EXISTS (SELECT 1 FROM events e WHERE e.id = old.event_id AND e.status != 'rejected');
    DELETE FROM entity_stats WHERE entity = old.entity AND events <= 0;
END;

-- an event that arrives after its entity rows, or comes back from being
-- rejected: one more for each of its names
CREATE TRIGGER entity_stats_event_added AFTER INSERT ON events
WHEN new.status != 'rejected'
BEGIN
    INSERT INTO entity_stats (entity, events, first_start, last_end)
    SELECT DISTINCT n.entity, 1, new.start, coalesce(new.end_date, new.start)
    FROM event_entities n WHERE n.event_id = new.id
    ON CONFLICT (entity) DO UPDATE SET
        events = events + 1,
        first_start = min(first_start, excluded.first_start),
        last_end = max(last_end, excluded.last_end);
END;

-- an event removed before its entity rows: one fewer for each of its names
CREATE TRIGGER entity_stats_event_removed AFTER DELETE ON events
WHEN old.status != 'rejected'
BEGIN
    INSERT OR IGNORE INTO entity_stats_dirty (entity)
    SELECT DISTINCT n.entity FROM event_entities n JOIN entity_stats s ON s.entity = n.entity
    WHERE n.event_id = old.id
      AND (old.start = s.first_start OR coalesce(old.end_date, old.start) = s.last_end);
    UPDATE entity_stats SET events = events - 1
    WHERE entity IN (SELECT entity FROM event_entities WHERE event_id = old.id);
    DELETE FROM entity_stats WHERE events <= 0
      AND entity IN (SELECT entity FROM event_entities WHERE event_id = old.id);
END;

-- Rows and events changed in place (a decision's status, an edited date)
-- keep 008's triggers: they mark the names for a recount.
