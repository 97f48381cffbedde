-- 001: the first schema. Migrations are numbered, add-only, and applied in
-- order by PRAGMA user_version (see src/store/mod.rs).

CREATE TABLE feeds (
    id                   INTEGER PRIMARY KEY,
    url                  TEXT NOT NULL UNIQUE,
    title                TEXT,
    etag                 TEXT,
    last_modified        TEXT,
    last_fetch_at        TEXT,
    last_success_at      TEXT,
    last_status          INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_fetch_at        TEXT,
    articles_seen        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    canonical_url TEXT,
    guid          TEXT,
    feed_url      TEXT,
    outlet        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    published     TEXT,            -- RFC 3339 with the publisher's offset
    lang          TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    added_at      TEXT NOT NULL,
    extracted_with TEXT            -- rules version the mentions came from
);

-- Every name an article is known by (normalised link, canonical url, guid):
-- an article is one article whichever way it arrives.
CREATE TABLE article_keys (
    key        TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_keys_by_article ON article_keys(article_id);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    start       TEXT NOT NULL,
    end_date    TEXT,
    actors      TEXT NOT NULL,     -- JSON array of canonical names
    targets     TEXT NOT NULL,     -- JSON array of canonical names
    evidence    TEXT NOT NULL,
    confidence  REAL NOT NULL,
    cues        TEXT NOT NULL DEFAULT '[]',
    UNIQUE (article_id, sentence, kind, start)
);
-- serves: replace_mentions (delete by article) and the timeline's reload
CREATE INDEX mentions_by_article ON mentions(article_id);

-- Events are derived: rebuilt from mentions and decisions on every run.
CREATE TABLE events (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    start         TEXT NOT NULL,
    end_date      TEXT,
    first_day     TEXT NOT NULL,   -- for ordering and range filters
    last_day      TEXT NOT NULL,
    title         TEXT NOT NULL,
    actors        TEXT NOT NULL,
    targets       TEXT NOT NULL,
    status        TEXT NOT NULL,
    note          TEXT,
    date_conflict INTEGER NOT NULL DEFAULT 0,
    n_sources     INTEGER NOT NULL DEFAULT 0,
    langs         TEXT NOT NULL DEFAULT ''   -- e.g. 'en zh'
);
-- serves: the timeline in date order, and since/until filters
CREATE INDEX events_by_day ON events(first_day, last_day);

CREATE TABLE event_sources (
    event_id   TEXT NOT NULL,
    mention_id INTEGER NOT NULL,    -- 0 for hand-made sources
    url        TEXT NOT NULL,
    outlet     TEXT NOT NULL,
    title      TEXT NOT NULL,
    published  TEXT,
    evidence   TEXT NOT NULL,
    date       TEXT,               -- this source's own date when it disagrees
    position   INTEGER NOT NULL
);
CREATE INDEX event_sources_by_event ON event_sources(event_id);

CREATE TABLE event_links (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;

-- serves: events --entity, and the Entities view's counts
CREATE TABLE event_entities (
    event_id TEXT NOT NULL,
    entity   TEXT NOT NULL,
    role     TEXT NOT NULL,        -- actor | target
    PRIMARY KEY (entity, event_id, role)
) WITHOUT ROWID;

CREATE TABLE entities (
    name    TEXT PRIMARY KEY,      -- canonical name
    type    TEXT NOT NULL,
    aliases TEXT NOT NULL          -- JSON array
) WITHOUT ROWID;

CREATE TABLE entity_aliases (
    alias TEXT PRIMARY KEY,        -- normalised alias
    name  TEXT NOT NULL
) WITHOUT ROWID;

-- The analyst's decisions: never rebuilt, replayed over every rebuild.
CREATE TABLE decisions (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    action   TEXT NOT NULL,        -- confirm | reject | note | merge | split | add
    event_id TEXT NOT NULL,
    arg      TEXT                  -- note text, other event id, url, or JSON
);

-- Full-text search. Text is indexed after cjk::index_text, which spells
-- Han runs as overlapping two-character words so 华为 and 制裁 are found.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE events_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
