//! What is new: when each event and each of its sources was first seen,
//! whether the analyst has seen an event, and when refreshes ran.
//!
//! Events are derived and rebuilt, so their marks live in tables of their
//! own (`event_marks`, `source_marks`), keyed by the stable ids a rebuild
//! produces; [`Store::replace_events`] adds a mark for every id it has not
//! met before. "Seen" is the analyst's: an event becomes seen when the
//! terminal timeline showed it selected or opened it, or when it is marked
//! seen explicitly (`dateline event seen`).

use super::{now_rfc3339, Result, Store};
use rusqlite::{params, OptionalExtension};
use std::collections::HashSet;

pub use crate::query::NewFilter;

/// One refresh as the store keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefreshRecord {
    pub id: i64,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub fetched: i64,
    pub skipped: i64,
    pub new_events: i64,
}

/// The SQL condition (on events aliased `e`) and its bound value for a
/// `new:` filter.
pub(super) fn new_clause(f: &NewFilter) -> (&'static str, Option<String>) {
    match f {
        NewFilter::Unseen => (
            " AND e.id IN (SELECT event_id FROM event_marks WHERE seen_at IS NULL)",
            None,
        ),
        NewFilter::Since(t) => (
            " AND e.id IN (SELECT event_id FROM event_marks WHERE first_seen >= ?)",
            Some(t.clone()),
        ),
        NewFilter::LastRefresh => (
            " AND e.id IN (SELECT event_id FROM event_marks WHERE first_seen >= \
             (SELECT coalesce(max(started_at), '9999') FROM refreshes))",
            None,
        ),
    }
}

impl Store {
    /// Gives an event the rebuild wrote, and each of its sources, a
    /// first-seen mark when it has none; called by every rebuild, inside
    /// its transaction, for the events it wrote (an event it left alone is
    /// unchanged, so it has its marks already).
    pub(super) fn mark_first_seen(
        conn: &rusqlite::Connection,
        now: &str,
        event_id: &str,
        urls: &[&str],
    ) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO event_marks (event_id, first_seen) VALUES (?1, ?2)
             ON CONFLICT (event_id) DO NOTHING",
        )?
        .execute(params![event_id, now])?;
        let mut src = conn.prepare_cached(
            "INSERT INTO source_marks (event_id, url, first_seen) VALUES (?1, ?2, ?3)
             ON CONFLICT (event_id, url) DO NOTHING",
        )?;
        for url in urls {
            src.execute(params![event_id, url, now])?;
        }
        Ok(())
    }

    /// Marks these events seen (those already seen keep their time).
    /// Returns how many changed.
    pub fn mark_seen(&mut self, ids: &[String]) -> Result<usize> {
        let now = now_rfc3339();
        let tx = self.conn.savepoint()?;
        let mut n = 0;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE event_marks SET seen_at = ?2 WHERE event_id = ?1 AND seen_at IS NULL",
            )?;
            for id in ids {
                n += stmt.execute(params![id, now])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// Marks these events unseen again ("keep as new"). Returns how many
    /// changed.
    pub fn mark_unseen(&mut self, ids: &[String]) -> Result<usize> {
        let tx = self.conn.savepoint()?;
        let mut n = 0;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE event_marks SET seen_at = NULL WHERE event_id = ?1 AND seen_at IS NOT NULL",
            )?;
            for id in ids {
                n += stmt.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// Marks every event seen. Returns how many changed.
    pub fn mark_all_seen(&mut self) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE event_marks SET seen_at = ?1 WHERE seen_at IS NULL",
            [now_rfc3339()],
        )?)
    }

    /// The ids of the events not yet seen (rejected ones left out).
    pub fn unseen_ids(&self) -> Result<HashSet<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.event_id FROM event_marks m JOIN events e ON e.id = m.event_id
             WHERE m.seen_at IS NULL AND e.status != 'rejected'",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// When an event was first seen, and when the analyst saw it.
    pub fn event_marks(&self, id: &str) -> Result<Option<(String, Option<String>)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT first_seen, seen_at FROM event_marks WHERE event_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// When each source (by url) of an event first backed it.
    pub fn source_first_seen(&self, id: &str) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT url, first_seen FROM source_marks WHERE event_id = ?1 ORDER BY first_seen, url",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Records that a refresh began; returns its id for [`Store::refresh_finished`].
    pub fn refresh_started(&mut self) -> Result<i64> {
        // Stamps have millisecond precision, and a refresh may begin within
        // the millisecond of the last event write (a script running `fetch`
        // twice): the start is put after every first-seen mark, so what an
        // earlier run stored is never new to this one.
        let now = chrono::Utc::now();
        let latest: Option<String> =
            self.conn
                .query_row("SELECT max(first_seen) FROM event_marks", [], |r| r.get(0))?;
        let start = latest
            .and_then(|l| chrono::DateTime::parse_from_rfc3339(&l).ok())
            .map(|l| l.with_timezone(&chrono::Utc) + chrono::Duration::milliseconds(1))
            .filter(|after| *after > now)
            .unwrap_or(now);
        self.conn.execute(
            "INSERT INTO refreshes (started_at) VALUES (?1)",
            [start.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records how a refresh ended.
    pub fn refresh_finished(
        &mut self,
        id: i64,
        fetched: usize,
        skipped: usize,
        new_events: usize,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE refreshes SET finished_at = ?2, fetched = ?3, skipped = ?4, new_events = ?5 WHERE id = ?1",
            params![id, now_rfc3339(), fetched as i64, skipped as i64, new_events as i64],
        )?;
        Ok(())
    }

    /// The latest refresh, if any ran.
    pub fn last_refresh(&self) -> Result<Option<RefreshRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, started_at, finished_at, fetched, skipped, new_events FROM refreshes
                 ORDER BY started_at DESC, id DESC LIMIT 1",
                [],
                |r| {
                    Ok(RefreshRecord {
                        id: r.get(0)?,
                        started_at: r.get(1)?,
                        finished_at: r.get(2)?,
                        fetched: r.get(3)?,
                        skipped: r.get(4)?,
                        new_events: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Sets an event's first-seen time (tests and tools that replay history).
    pub fn set_first_seen(&mut self, id: &str, at: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE event_marks SET first_seen = ?2 WHERE event_id = ?1",
            params![id, at],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Event, Kind};
    use crate::store::EventFilter;

    fn ev(id: &str, url: &str) -> Event {
        let span = DateSpan::at("2026-06-01".parse().expect("date"));
        Event::one_source(id, Kind::Ban, span, &format!("event {id}"), url)
    }

    fn ids(s: &Store, f: NewFilter) -> Vec<String> {
        let mut v: Vec<String> = s
            .event_keys(&EventFilter {
                new: Some(f),
                ..Default::default()
            })
            .expect("keys")
            .into_iter()
            .map(|k| k.id)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_refresh_started_right_after_a_write_finds_nothing_new() {
        let mut s = Store::open_in_memory().expect("db");
        s.replace_events(&[ev("a", "https://x.example/1")], &[])
            .expect("stored");
        // the next refresh starts at once, most often within the same second
        s.refresh_started().expect("started");
        assert!(
            ids(&s, NewFilter::LastRefresh).is_empty(),
            "an event stored before the refresh began is not new to it"
        );
    }

    #[test]
    fn events_are_new_until_seen_and_keep_their_first_seen_time() {
        let mut s = Store::open_in_memory().expect("db");
        s.replace_events(&[ev("a", "https://x.example/1")], &[])
            .expect("stored");
        let (first_a, seen) = s.event_marks("a").expect("q").expect("marked");
        assert_eq!(seen, None);
        assert_eq!(s.unseen_ids().expect("q").len(), 1);
        assert_eq!(ids(&s, NewFilter::Unseen), vec!["a"]);
        s.set_first_seen("a", "2026-01-01T00:00:00Z").expect("set");

        s.replace_events(
            &[
                ev("a", "https://x.example/1"),
                ev("b", "https://x.example/2"),
            ],
            &[],
        )
        .expect("rebuilt");
        let (first, _) = s.event_marks("a").expect("q").expect("marked");
        assert_eq!(first, "2026-01-01T00:00:00Z", "a rebuild keeps the mark");
        assert_ne!(first, first_a);
        assert_eq!(ids(&s, NewFilter::Unseen), vec!["a", "b"]);
        assert_eq!(
            ids(&s, NewFilter::Since("2026-02-01".into())),
            vec!["b"],
            "only b was first seen after February"
        );

        assert_eq!(s.mark_seen(&["a".into(), "zz".into()]).expect("seen"), 1);
        assert_eq!(s.mark_seen(&["a".into()]).expect("again"), 0);
        assert_eq!(ids(&s, NewFilter::Unseen), vec!["b"]);
        assert!(s.event_marks("a").expect("q").and_then(|m| m.1).is_some());
        assert_eq!(s.mark_all_seen().expect("all"), 1);
        assert_eq!(s.mark_unseen(&["b".into()]).expect("unseen"), 1);
        assert_eq!(ids(&s, NewFilter::Unseen), vec!["b"]);
        assert_eq!(s.mark_all_seen().expect("all"), 1);
        assert!(s.unseen_ids().expect("q").is_empty());
        assert_eq!(s.source_first_seen("b").expect("q").len(), 1);
    }

    #[test]
    fn new_since_the_last_refresh() {
        let mut s = Store::open_in_memory().expect("db");
        assert!(ids(&s, NewFilter::LastRefresh).is_empty(), "no refresh yet");
        s.replace_events(&[ev("a", "https://x.example/1")], &[])
            .expect("stored");
        s.set_first_seen("a", "2026-01-01T00:00:00Z").expect("set");
        let id = s.refresh_started().expect("started");
        s.replace_events(
            &[
                ev("a", "https://x.example/1"),
                ev("b", "https://x.example/2"),
            ],
            &[],
        )
        .expect("rebuilt");
        s.refresh_finished(id, 3, 1, 1).expect("finished");
        assert_eq!(ids(&s, NewFilter::LastRefresh), vec!["b"]);
        let last = s.last_refresh().expect("q").expect("one");
        assert_eq!((last.fetched, last.skipped, last.new_events), (3, 1, 1));
        assert!(last.finished_at.is_some());
    }
}
