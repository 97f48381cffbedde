-- 011 (mention key): one sentence may report two events of one kind and
-- day ("将A列入“实体清单”，将B列入“军事最终用户清单”": two companies put on
-- two lists), so a mention's key takes its targets in. Under 001 the key
-- was article, sentence, kind and date, and the second report was lost.
-- SQLite cannot change a table's UNIQUE constraint in place: the table is
-- built anew with the same rows (ids kept) and its index and triggers.

CREATE TABLE mentions_011 (
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
    UNIQUE (article_id, sentence, kind, start, targets)
);
INSERT INTO mentions_011 (id, article_id, sentence, kind, start, end_date, actors, targets, evidence, confidence, cues)
SELECT id, article_id, sentence, kind, start, end_date, actors, targets, evidence, confidence, cues FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_011 RENAME TO mentions;
-- serves: replace_mentions (delete by article) and the timeline's reload
CREATE INDEX mentions_by_article ON mentions(article_id);
CREATE TRIGGER timeline_mention_added AFTER INSERT ON mentions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_mention_removed AFTER DELETE ON mentions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER timeline_mention_changed AFTER UPDATE ON mentions
BEGIN UPDATE timeline_state SET changes = changes + 1 WHERE id = 1; END;
