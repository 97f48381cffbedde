-- 005: what is new. Events and their sources are rebuilt from mentions on
-- every run, so when each was first seen, and whether the analyst has seen
-- an event, are kept apart here, by the stable ids the rebuild produces.

CREATE TABLE event_marks (
    event_id   TEXT PRIMARY KEY,
    first_seen TEXT NOT NULL,      -- RFC 3339 UTC: the rebuild that first produced this id
    seen_at    TEXT                -- when the analyst saw it; NULL while unseen
) WITHOUT ROWID;
-- serves `new:` since a time and the start of a refresh (max(first_seen))
CREATE INDEX event_marks_first_seen ON event_marks (first_seen);

CREATE TABLE source_marks (
    event_id   TEXT NOT NULL,
    url        TEXT NOT NULL,
    first_seen TEXT NOT NULL,      -- RFC 3339 UTC: when this source first backed this event
    PRIMARY KEY (event_id, url)
) WITHOUT ROWID;

-- One row a refresh of the feeds, so `new:last` knows when the last one began.
CREATE TABLE refreshes (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    fetched     INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    new_events  INTEGER NOT NULL DEFAULT 0
);

-- What the database held before this migration counts as seen: the analyst
-- had the timeline in front of them; only what arrives from now on is new.
INSERT INTO event_marks (event_id, first_seen, seen_at)
    SELECT id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM events;
INSERT INTO source_marks (event_id, url, first_seen)
    SELECT DISTINCT event_id, url, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM event_sources;
