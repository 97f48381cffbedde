//! Mentions, the events rebuilt from them, their links and entities.

use super::rows::{event_row, EVENT_COLUMNS};
use super::{cjk, Result, Store, StoreError};
use crate::model::{
    DateSpan, EditField, Event, Kind, Mention, MentionRecord, PartialDate, Source, Status,
};
use chrono::DateTime;
use rayon::prelude::*;
use rusqlite::{params, params_from_iter, types::Value, OptionalExtension};

pub use crate::query::EventFilter;

/// One line of the timeline: an event without its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: String,
    pub kind: Kind,
    pub span: DateSpan,
    pub title: String,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub status: Status,
    pub n_sources: usize,
    pub date_conflict: bool,
    /// The fields the analyst corrected.
    pub edited: Vec<EditField>,
}

/// One entity with what the timeline knows of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntityRow {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub events: usize,
    pub first: Option<String>,
    pub last: Option<String>,
}

fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn parse_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

fn parse_date(s: &str) -> rusqlite::Result<PartialDate> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

impl Store {
    /// Replaces an article's mentions with a new extraction.
    pub fn replace_mentions(
        &mut self,
        article_id: i64,
        mentions: &[Mention],
        version: &str,
    ) -> Result<()> {
        self.batch(|s| s.replace_mentions_in(article_id, mentions, version))
    }

    fn replace_mentions_in(
        &mut self,
        article_id: i64,
        mentions: &[Mention],
        version: &str,
    ) -> Result<()> {
        let tx = self.conn.savepoint()?;
        tx.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?
            .execute([article_id])?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO mentions (article_id, sentence, kind, start, end_date, actors, targets, evidence, confidence, cues)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING",
            )?;
            for m in mentions {
                ins.execute(params![
                    article_id,
                    m.sentence as i64,
                    m.kind.as_str(),
                    m.span.start.to_string(),
                    m.span.end.map(|d| d.to_string()),
                    json_list(&m.actors),
                    json_list(&m.targets),
                    m.evidence,
                    m.confidence as f64,
                    json_list(&m.cues),
                ])?;
            }
        }
        tx.prepare_cached("UPDATE articles SET extracted_with = ?2 WHERE id = ?1")?
            .execute(params![article_id, version])?;
        tx.commit()?;
        Ok(())
    }

    /// Every mention with its article, in a stable order.
    pub fn mentions(&self) -> Result<Vec<MentionRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id, m.article_id, coalesce(a.canonical_url, a.url), a.outlet, a.title, a.published, a.lang,
                    m.kind, m.start, m.end_date, m.actors, m.targets, m.evidence, m.sentence, m.confidence, m.cues
             FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY m.article_id, m.sentence, m.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let published: Option<String> = r.get(5)?;
            let kind: String = r.get(7)?;
            let start: String = r.get(8)?;
            let end: Option<String> = r.get(9)?;
            Ok(MentionRecord {
                id: r.get(0)?,
                article_id: r.get(1)?,
                url: r.get(2)?,
                outlet: r.get(3)?,
                article_title: r.get(4)?,
                published: published.and_then(|p| DateTime::parse_from_rfc3339(&p).ok()),
                lang: r.get(6)?,
                mention: Mention {
                    kind: kind.parse().unwrap_or(Kind::Other),
                    span: DateSpan {
                        start: parse_date(&start)?,
                        end: end.as_deref().map(parse_date).transpose()?,
                    },
                    actors: parse_list(&r.get::<_, String>(10)?),
                    targets: parse_list(&r.get::<_, String>(11)?),
                    evidence: r.get(12)?,
                    sentence: r.get::<_, i64>(13)? as usize,
                    confidence: r.get::<_, f64>(14)? as f32,
                    cues: parse_list(&r.get::<_, String>(15)?),
                },
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Replaces the derived timeline (events, sources, links, entity index)
    /// in one transaction; `entities` is (canonical, type, aliases). Only
    /// what changed is written: an event whose content (with its sources,
    /// links, status and languages) hashes as stored is left alone, a
    /// changed one is rewritten, a gone one deleted. The result is the same
    /// as writing everything afresh, except for row ids. Counts the
    /// rebuild, so other processes notice it (see [`Store::timeline_state`]).
    pub fn replace_events(
        &mut self,
        events: &[Event],
        entities: &[(String, String, Vec<String>)],
    ) -> Result<()> {
        self.batch(|s| s.replace_events_in(events, entities, None))
    }

    /// As [`Store::replace_events`], for events just built from these
    /// mentions: each source's language is its mention's article language
    /// as read with the mentions, not read again (a join over every
    /// mention, most of a second at 100,000 articles).
    pub fn replace_built(
        &mut self,
        events: &[Event],
        entities: &[(String, String, Vec<String>)],
        mentions: &[MentionRecord],
    ) -> Result<()> {
        self.batch(|s| s.replace_events_in(events, entities, Some(mentions)))
    }

    fn replace_events_in(
        &mut self,
        events: &[Event],
        entities: &[(String, String, Vec<String>)],
        mentions: Option<&[MentionRecord]>,
    ) -> Result<()> {
        let tx = self.conn.savepoint()?;
        tx.execute(
            "UPDATE timeline_state SET builds = builds + 1 WHERE id = 1",
            [],
        )?;
        tx.execute_batch("DELETE FROM entities; DELETE FROM entity_aliases;")?;
        let now = super::now_rfc3339();
        // what is stored: id -> (rowid, fingerprint)
        let mut stored: std::collections::HashMap<String, (i64, String)> =
            std::collections::HashMap::new();
        {
            let mut q = tx.prepare("SELECT id, rowid, fingerprint FROM events")?;
            let rows = q.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, (r.get::<_, i64>(1)?, r.get(2)?)))
            })?;
            for row in rows {
                let (id, v) = row?;
                stored.insert(id, v);
            }
        }
        {
            let mut gone: Vec<rusqlite::Statement<'_>> = [
                "DELETE FROM events WHERE rowid = ?1",
                "DELETE FROM events_fts WHERE rowid = ?1",
                "DELETE FROM event_sources WHERE event_id = ?2",
                "DELETE FROM event_links WHERE a = ?2",
                "DELETE FROM event_links WHERE b = ?2",
                "DELETE FROM event_entities WHERE event_id = ?2",
                "DELETE FROM event_langs WHERE event_id = ?2",
                "DELETE FROM event_source_keys WHERE event_id = ?2",
            ]
            .iter()
            .map(|sql| tx.prepare(sql))
            .collect::<std::result::Result<_, _>>()?;
            let mut remove = |rowid: i64, id: &str| -> Result<()> {
                for (i, st) in gone.iter_mut().enumerate() {
                    if i < 2 {
                        st.execute(params![rowid])?;
                    } else {
                        st.execute(params![rowid, id])?;
                    }
                }
                Ok(())
            };
            let mut ev = tx.prepare(
                "INSERT INTO events (id, kind, start, end_date, first_day, last_day, title, actors, targets, status, note, date_conflict, n_sources, langs, fingerprint, edited)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?;
            let mut src = tx.prepare(
                "INSERT INTO event_sources (event_id, mention_id, url, outlet, title, published, evidence, date, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut link = tx.prepare(
                "INSERT INTO event_links (a, b, reason) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            )?;
            let mut lang_row = tx.prepare(
                "INSERT INTO event_langs (lang, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            )?;
            let mut key_row = tx.prepare(
                "INSERT INTO event_source_keys (key, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            )?;
            let mut key =
                tx.prepare("INSERT INTO source_keys (key) VALUES (?1) ON CONFLICT DO NOTHING")?;
            let mut keys_seen: std::collections::HashSet<String> = std::collections::HashSet::new();
            let mut ent = tx.prepare("INSERT INTO event_entities (event_id, entity, role) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")?;
            let mut fts =
                tx.prepare("INSERT INTO events_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
            let mut restamp = tx.prepare("UPDATE events SET fingerprint = ?1 WHERE rowid = ?2")?;
            // every mention's article language: as the events were built
            // from, else read once
            let mut read: Vec<(i64, String)> = Vec::new();
            if mentions.is_none() {
                let mut q = tx.prepare(
                    "SELECT m.id, a.lang FROM mentions m JOIN articles a ON a.id = m.article_id",
                )?;
                let rows =
                    q.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
                for row in rows {
                    read.push(row?);
                }
            }
            let langs_of: std::collections::HashMap<i64, &str> = match mentions {
                Some(ms) => ms.iter().map(|m| (m.id, m.lang.as_str())).collect(),
                None => read.iter().map(|(id, l)| (*id, l.as_str())).collect(),
            };
            // each event's languages and fingerprint, hashed on every core
            let prints: Vec<(Vec<&str>, String)> = events
                .par_iter()
                .map(|e| {
                    let mut langs: Vec<&str> = Vec::new();
                    for s in &e.sources {
                        if let Some(&l) = langs_of.get(&s.mention_id) {
                            if !langs.contains(&l) {
                                langs.push(l);
                            }
                        }
                    }
                    let fingerprint = super::fingerprint::fingerprint(e, &langs);
                    (langs, fingerprint)
                })
                .collect();
            for (e, (langs, fingerprint)) in events.iter().zip(prints) {
                if let Some((rowid, old)) = stored.remove(&e.id) {
                    if old == fingerprint {
                        continue;
                    }
                    // stored by a dateline before the field hash: the same
                    // event gets the new fingerprint, not a rewrite
                    if old == super::fingerprint::legacy(e, &langs) {
                        restamp.execute(params![fingerprint, rowid])?;
                        continue;
                    }
                    remove(rowid, &e.id)?;
                }
                ev.execute(params![
                    e.id,
                    e.kind.as_str(),
                    e.span.start.to_string(),
                    e.span.end.map(|d| d.to_string()),
                    e.span.first_day().to_string(),
                    e.span.last_day().to_string(),
                    e.title,
                    json_list(&e.actors),
                    json_list(&e.targets),
                    e.status.as_str(),
                    e.note,
                    e.date_conflict,
                    e.sources.len() as i64,
                    langs.join(" "),
                    fingerprint,
                    edited_text(&e.edited),
                ])?;
                let rowid = tx.last_insert_rowid();
                let mut body = e.actors.join(" ") + " " + &e.targets.join(" ");
                for (i, s) in e.sources.iter().enumerate() {
                    src.execute(params![
                        e.id,
                        s.mention_id,
                        s.url,
                        s.outlet,
                        s.title,
                        s.published.map(|t| t.to_rfc3339()),
                        s.evidence,
                        s.date.map(|d| d.start.to_string()),
                        i as i64,
                    ])?;
                    body.push(' ');
                    body.push_str(&s.evidence);
                    body.push(' ');
                    body.push_str(&s.outlet);
                    for k in super::filter::source_keys(&s.outlet, &s.url) {
                        key_row.execute(params![k, e.id])?;
                        if !keys_seen.contains(&k) {
                            key.execute(params![k])?;
                            keys_seen.insert(k);
                        }
                    }
                }
                for l in &langs {
                    lang_row.execute(params![l, e.id])?;
                }
                fts.execute(params![
                    rowid,
                    cjk::index_text(&e.title),
                    cjk::index_text(&body)
                ])?;
                // a link is stored once, smaller id first; reads look both ways
                for r in &e.related {
                    let (a, b) = if e.id.as_str() < r.as_str() {
                        (&e.id, r)
                    } else {
                        (r, &e.id)
                    };
                    link.execute(params![a, b, "related"])?;
                }
                let urls: Vec<&str> = e.sources.iter().map(|s| s.url.as_str()).collect();
                Store::mark_first_seen(&tx, &now, &e.id, &urls)?;
                for a in &e.actors {
                    ent.execute(params![e.id, a, "actor"])?;
                }
                for t in &e.targets {
                    ent.execute(params![e.id, t, "target"])?;
                }
            }
            for (id, (rowid, _)) in &stored {
                remove(*rowid, id)?;
            }
            let mut en = tx.prepare("INSERT INTO entities (name, type, aliases) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")?;
            let mut al = tx.prepare(
                "INSERT INTO entity_aliases (alias, name) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            )?;
            for (name, ty, aliases) in entities {
                en.execute(params![name, ty, json_list(aliases)])?;
                al.execute(params![name.to_lowercase(), name])?;
                for a in aliases {
                    al.execute(params![a.to_lowercase(), name])?;
                }
            }
        }
        // entity_stats: recount the names the triggers marked
        Store::refresh_entity_stats_in(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Resolves any alias (either language, any case) to its canonical name.
    /// Names the gazetteer does not know are matched against the names
    /// events carry, ignoring case.
    pub fn resolve_entity(&self, alias: &str) -> Result<Option<String>> {
        let known: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM entity_aliases WHERE alias = ?1",
                [alias.trim().to_lowercase()],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_some() {
            return Ok(known);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT entity FROM event_entities WHERE entity = ?1 COLLATE NOCASE ORDER BY entity LIMIT 1",
                [alias.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The timeline's rows for a filter, oldest first unless asked otherwise.
    pub fn event_rows(&self, f: &EventFilter) -> Result<Vec<EventRow>> {
        let (sql, args) = self.rows_sql(f)?;
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), event_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The timeline's query for a filter, in date order with its page.
    fn rows_sql(&self, f: &EventFilter) -> Result<(String, Vec<Value>)> {
        let (clause, mut args) = self.compile(f, false)?.with_text();
        let mut sql = format!("SELECT {EVENT_COLUMNS} FROM events e{clause}");
        sql += if f.newest_first {
            " ORDER BY e.first_day DESC, e.last_day DESC, e.id DESC"
        } else {
            " ORDER BY e.first_day, e.last_day, e.id"
        };
        if f.limit.is_some() || f.offset > 0 {
            sql += " LIMIT ? OFFSET ?";
            args.push(Value::Integer(f.limit.map_or(-1, |l| l as i64)));
            args.push(Value::Integer(f.offset as i64));
        }
        Ok((sql, args))
    }

    /// Whole events (with sources and links) for a filter, read in one
    /// snapshot: a rebuild in another process cannot pull an event out
    /// from under its sources.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<Event>> {
        let mut out = Vec::new();
        self.for_each_event(f, |e| -> Result<()> {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Each whole event for a filter, in order, handed to `each` as it is
    /// read, all in one snapshot: memory stays one event however long the
    /// timeline is.
    pub fn for_each_event<E: From<StoreError>>(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(Event) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut failed: Option<E> = None;
        self.snapshot(|s| {
            let (sql, args) = s.rows_sql(f)?;
            let mut stmt = s.conn.prepare(&sql)?;
            let mut rows = stmt.query(params_from_iter(args))?;
            while let Some(r) = rows.next()? {
                let e = s.complete(event_row(r)?)?;
                if let Err(err) = each(e) {
                    failed = Some(err);
                    break;
                }
            }
            Ok(())
        })?;
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// A timeline row made whole: its note, sources and links.
    pub fn complete_row(&self, r: EventRow) -> Result<Event> {
        self.complete(r)
    }

    /// One whole event by id (or by a unique prefix of it), read in one
    /// snapshot.
    pub fn event(&self, id: &str) -> Result<Event> {
        self.snapshot(|s| s.event_in(id))
    }

    fn event_in(&self, id: &str) -> Result<Event> {
        let full: Option<String> = self
            .conn
            .query_row("SELECT id FROM events WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        let full = match full {
            Some(f) => f,
            None => {
                let mut stmt = self
                    .conn
                    .prepare("SELECT id FROM events WHERE id BETWEEN ?1 AND ?1 || '~' LIMIT 2")?;
                // ids are lower-case ASCII, and '~' sorts after all of it
                let ids: Vec<String> = stmt
                    .query_map([id.to_ascii_lowercase()], |r| r.get(0))?
                    .collect::<std::result::Result<_, _>>()?;
                match ids.as_slice() {
                    [one] if id.len() >= 4 => one.clone(),
                    _ => return Err(StoreError::NoEvent(id.to_string())),
                }
            }
        };
        let row = self.conn.query_row(
            &format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"),
            [&full],
            event_row,
        )?;
        self.complete(row)
    }

    fn complete(&self, r: EventRow) -> Result<Event> {
        let note: Option<String> =
            self.conn
                .query_row("SELECT note FROM events WHERE id = ?1", [&r.id], |x| {
                    x.get(0)
                })?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT mention_id, url, outlet, title, published, evidence, date FROM event_sources WHERE event_id = ?1 ORDER BY position",
        )?;
        let sources = stmt
            .query_map([&r.id], |x| {
                let published: Option<String> = x.get(4)?;
                let date: Option<String> = x.get(6)?;
                Ok(Source {
                    mention_id: x.get(0)?,
                    url: x.get(1)?,
                    outlet: x.get(2)?,
                    title: x.get(3)?,
                    published: published.and_then(|p| DateTime::parse_from_rfc3339(&p).ok()),
                    evidence: x.get(5)?,
                    date: date.and_then(|d| d.parse().ok()).map(DateSpan::at),
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut links = self.conn.prepare_cached(
            "SELECT b FROM event_links WHERE a = ?1 UNION SELECT a FROM event_links WHERE b = ?1",
        )?;
        let mut related: Vec<String> = links
            .query_map([&r.id], |x| x.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        related.sort();
        Ok(Event {
            id: r.id,
            kind: r.kind,
            span: r.span,
            title: r.title,
            actors: r.actors,
            targets: r.targets,
            status: r.status,
            note,
            sources,
            related,
            date_conflict: r.date_conflict,
            edited: r.edited,
        })
    }

    /// How many events the timeline holds (rejected included).
    pub fn event_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))?)
    }
}

/// The edited fields as the `edited` column keeps them: "date kind".
fn edited_text(fields: &[EditField]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| f.as_str()).collect();
    names.join(" ")
}

/// Reads the `edited` column; unknown names are skipped.
pub(crate) fn parse_edited(s: &str) -> Vec<EditField> {
    s.split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect()
}
