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
use super::{Result, Store};
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
    /// `day` and runs into it matches too).
    /// Finding it reads the day index up to it (40 ms at a million
    /// events), so the answer is kept until the database changes.
    fn since_floor(&self, day: &str) -> Result<Option<String>> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let stamp = (day.to_string(), version, self.conn.total_changes());
        if let Some((kept, floor)) = self.since_floor.borrow().as_ref() {
            if *kept == stamp {
                return Ok(floor.clone());
            }
        }
        let floor: Option<String> = self
            .conn
            .prepare_cached("SELECT min(first_day) FROM events WHERE last_day >= ?1")?
            .query_row([day], |r| r.get(0))?;
        *self.since_floor.borrow_mut() = Some((stamp, floor.clone()));
        Ok(floor)
    }
}

/// A kept [`Store::since_floor`]: the day asked about, the database's
/// version and this connection's count of changed rows when it was read,
/// and the answer.
pub(super) type SinceFloor = ((String, i64, u64), Option<String>);

/// A count's cap as SQLite's LIMIT (which takes a signed number).
fn cap(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
