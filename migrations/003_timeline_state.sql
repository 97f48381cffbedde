-- 003: the timeline's bookkeeping, so that an interrupted ingest is finished
-- by the next command instead of leaving a stale timeline that looks fine.
--
-- `changes` counts every write the derived timeline depends on (mentions,
-- decisions, the article fields a source shows); the triggers below bump it
-- in the same transaction as the write itself, whoever makes it. `built` is
-- the value of `changes` the stored events were built from: while the two
-- differ a rebuild is pending, and any command completes it before it
-- answers. `builds` counts rebuilds, so another process (the TUI) notices a
-- new timeline with one cheap read.
CREATE TABLE timeline_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL,
    built   INTEGER NOT NULL,
    builds  INTEGER NOT NULL DEFAULT 0
);

-- A database from before this migration may hold a timeline that an
-- interrupted ingest left stale: it is rebuilt once.
INSERT INTO timeline_state (id, changes, built)
VALUES (1, (SELECT count(*) > 0 FROM mentions) + (SELECT count(*) > 0 FROM decisions), 0);

CREATE TRIGGER timeline_mention_added AFTER INSERT ON mentions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_mention_removed AFTER DELETE ON mentions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_mention_changed AFTER UPDATE ON mentions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_decision_added AFTER INSERT ON decisions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_decision_removed AFTER DELETE ON decisions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_decision_changed AFTER UPDATE ON decisions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_article_changed
AFTER UPDATE OF url, canonical_url, outlet, title, published, lang ON articles
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
