//! How a window of the timeline tests its filter. A window reads a few
//! hundred keys by walking the day index from a key and stops at its
//! limit. A condition written as a set (`e.id IN (SELECT …)`) is gathered
//! whole for every read, so its cost is the set's size: hundreds of
//! thousands of rows for a big entity or a `since:` a few years back, at
//! a million events. When a condition holds for that many events, the
//! window tests it on each row the walk meets instead (the walk then meets
//! a match every few rows); a rare condition stays a set, which the
//! planner starts from and sorts.

use super::filter::RowWise;
use super::{Result, Store, StoreError};
use crate::query::EventFilter;

/// From this many matching events (or full-text matches) a condition is
/// tested row by row as the window walks: gathering 20,000 costs a few
/// milliseconds, and at this density a window of 600 walks some 30,000
/// rows of a million.
pub(super) const WALK_AT: usize = 20_000;

impl Store {
    /// Sets from how many matching events a window of the timeline tests a
    /// condition row by row (0: always; `usize::MAX`: never). For tests
    /// that compare the two compiles.
    #[doc(hidden)]
    pub fn set_walk_at(&mut self, n: usize) {
        self.walk_at = n;
    }

    /// Below this many events between a key and the end of the timeline,
    /// a count walks the day index and tests each row rather than start
    /// from a word's matches or a name's rows (50,000 by default).
    pub(super) fn short_walk(&self) -> usize {
        self.walk_at.saturating_mul(5) / 2
    }

    /// Which of the filter's conditions a window tests row by row: those
    /// that hold for at least [`WALK_AT`] events.
    pub(super) fn window_rowwise(&self, f: &EventFilter) -> Result<RowWise> {
        let mut plan = RowWise::NONE;
        if !f.entities.is_empty() && self.entity_matches(&f.entities)? >= self.walk_at {
            plan.entities = true;
        }
        if let Some(since) = f.since {
            let day = since.first_day().to_string();
            if self.since_matches(&day)? >= self.walk_at {
                plan.since = true;
                plan.since_floor = self.since_floor(&day)?;
            }
        }
        Ok(plan)
    }

    /// True when a window walks the day index and tests each row against
    /// this full-text match expression.
    pub(super) fn walk_text(&self, expr: &str) -> Result<bool> {
        Ok(self.capped(
            "SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ?1 LIMIT ?2)",
            expr,
        )? >= self.walk_at)
    }

    /// How many entity rows name one of `names`, counted up to the
    /// threshold.
    fn entity_matches(&self, names: &[String]) -> Result<usize> {
        let marks = vec!["?"; names.len()].join(", ");
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM event_entities WHERE entity IN ({marks}) LIMIT ?)"
        );
        let mut args: Vec<rusqlite::types::Value> = names
            .iter()
            .map(|n| rusqlite::types::Value::Text(n.clone()))
            .collect();
        args.push(rusqlite::types::Value::Integer(cap(self.walk_at)));
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// How many events end on or after `day`, counted up to the threshold
    /// (a range of `events_by_last_day`).
    fn since_matches(&self, day: &str) -> Result<usize> {
        self.capped(
            "SELECT count(*) FROM (SELECT 1 FROM events WHERE last_day >= ?1 LIMIT ?2)",
            day,
        )
    }

    /// `sql` (a count with `?1` and the cap as `?2`) for one value.
    fn capped(&self, sql: &str, value: &str) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(sql)?
            .query_row(rusqlite::params![value, cap(self.walk_at)], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// The first day of the earliest event that ends on or after `day`:
    /// the walk of a `since:` starts there (an event that began before
    /// `day` and runs into it matches too). Finding it reads the day
    /// index up to it (40 ms at a million events), so the answer is kept
    /// until the database changes.
    fn since_floor(&self, day: &str) -> Result<Option<String>> {
        let stamp = self.stamp()?;
        if let Some((kept_day, kept_stamp, floor)) = &self.kept.borrow().floor {
            if kept_day == day && *kept_stamp == stamp {
                return Ok(floor.clone());
            }
        }
        let floor: Option<String> = self
            .conn
            .prepare_cached("SELECT min(first_day) FROM events WHERE last_day >= ?1")?
            .query_row([day], |r| r.get(0))?;
        self.kept.borrow_mut().floor = Some((day.to_string(), stamp, floor.clone()));
        Ok(floor)
    }

    /// Keeps the row ids of a common word's full-text matches as bits,
    /// unless they are kept already (the database unchanged since): every
    /// read of a window tests its rows against them with `dl_word_hit`,
    /// instead of gathering the matches again for each statement (40 ms
    /// for 160,000).
    pub(super) fn keep_word_matches(&self, expr: &str) -> Result<()> {
        let stamp = self.stamp()?;
        if let Some((kept_expr, kept_stamp)) = &self.kept.borrow().words {
            if kept_expr == expr && *kept_stamp == stamp {
                return Ok(());
            }
        }
        // read into a bit set in memory, not a table: 160,000 matches of
        // a common word at a million events cost 20-30 ms to read and
        // 70 ms to insert into a temporary table
        let mut bits = WordHits::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid FROM events_fts WHERE events_fts MATCH ?1")?;
        let mut rows = stmt.query([expr])?;
        while let Some(row) = rows.next()? {
            bits.insert(row.get(0)?);
        }
        *self
            .word_hits
            .write()
            .map_err(|_| StoreError::Data("the word matches were left half written".into()))? =
            bits;
        self.kept.borrow_mut().words = Some((expr.to_string(), stamp));
        Ok(())
    }

    /// Changes as of now: the database's version (other connections'
    /// commits) and this connection's count of rows written to it.
    fn stamp(&self) -> Result<(i64, u64)> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((version, self.conn.total_changes()))
    }
}

/// What a window's reads keep while the database is unchanged (each with
/// the [`Store::stamp`] it was read at).
#[derive(Debug, Default)]
pub(super) struct Kept {
    /// The last `since:` day asked about and its floor.
    floor: Option<(String, (i64, u64), Option<String>)>,
    /// The match expression the word hits hold the matches of.
    words: Option<(String, (i64, u64))>,
}

/// The row ids of a full-text expression's matches, as bits: what the
/// SQL function `dl_word_hit(rowid)` answers from as a window walks the
/// day index (registered on each connection, see [`register_word_hit`]).
#[derive(Debug, Default)]
pub(super) struct WordHits(Vec<u64>);

impl WordHits {
    fn insert(&mut self, rowid: i64) {
        let Ok(i) = usize::try_from(rowid) else {
            return;
        };
        let (word, bit) = (i / 64, i % 64);
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << bit;
    }

    fn contains(&self, rowid: i64) -> bool {
        usize::try_from(rowid)
            .ok()
            .and_then(|i| self.0.get(i / 64).map(|w| w & (1 << (i % 64)) != 0))
            .unwrap_or(false)
    }
}

/// Shared between the store and the SQL function it registers.
pub(super) type SharedHits = std::sync::Arc<std::sync::RwLock<WordHits>>;

/// Registers `dl_word_hit(rowid)`: true when the row is among the matches
/// the store last kept ([`Store::keep_word_matches`]).
pub(super) fn register_word_hit(conn: &rusqlite::Connection, hits: SharedHits) -> Result<()> {
    conn.create_scalar_function(
        "dl_word_hit",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        move |ctx| {
            let rowid: i64 = ctx.get(0)?;
            Ok(hits.read().map(|h| h.contains(rowid)).unwrap_or(false))
        },
    )?;
    Ok(())
}

/// A count's cap as SQLite's LIMIT (which takes a signed number).
fn cap(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
