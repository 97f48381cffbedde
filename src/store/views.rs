//! Queries the terminal timeline needs beyond the CLI's: the timeline as
//! a light index (row id, event id, start date), read a window at a time
//! from a key (keyset reads on the day index, so a million events open
//! as fast as a hundred), counts that stop at a cap, and the full rows
//! of just the events on screen.
//!
//! The filter is applied exactly as [`Store::event_rows`] applies it; keep
//! the two in step (`event_rows_and_keys_agree` checks it).

use super::filter::RowWise;
use super::rows::{day_number, event_row, quick_date, EVENT_COLUMNS};
use super::{Result, Store};
use crate::model::PartialDate;
use crate::store::{EntityRow, EventFilter, EventRow};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// One line of the timeline's index: enough to order, group and find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKey {
    pub rowid: i64,
    pub id: String,
    pub start: PartialDate,
    /// The first and last day the event covers, as yyyymmdd.
    pub first_day: u32,
    pub last_day: u32,
    /// The two days as stored, for reading on from this key.
    pub days: (String, String),
}

/// Counts of the timeline stop here: each counted row is a lookup in the
/// table (10,000 cost about 15 ms at 1M events; 100,000 cost 150 ms), and
/// past this the status line says "10000+".
pub const COUNT_CAP: usize = 10_000;

/// The part of the timeline a statement reads.
enum Range<'a> {
    /// From a key (or an end, with `None`) one way.
    Walk(Option<&'a EventKey>, Walk),
    /// The events whose first day lies in these days (inclusive).
    Days(String, String),
}

/// Which way to read the timeline from a key, in the order it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// Down the screen, from the key itself.
    Down,
    /// Up the screen, from the row just above the key.
    Up,
}

/// Sorts as the store orders the timeline: by first day, then last day,
/// then id; newest first is that order reversed whole.
pub fn sort_keys(keys: &mut [EventKey], newest_first: bool) {
    keys.sort_unstable_by(|a, b| {
        (a.first_day, a.last_day, &a.id).cmp(&(b.first_day, b.last_day, &b.id))
    });
    // newest first is the same order read backwards, ids within a day too
    if newest_first {
        keys.reverse();
    }
}

impl Store {
    /// The timeline's index for a filter, in the order of
    /// [`Store::event_rows`]; `limit` is honoured. The rows are read in one
    /// table scan and sorted here: walking the day index would cost a
    /// random table lookup per row, several times slower at 100,000 events.
    pub fn event_keys(&self, f: &EventFilter) -> Result<Vec<EventKey>> {
        self.keys_where(f, false)
    }

    /// As [`Store::event_keys`], with the last word of the free text
    /// matched as a prefix: for search as you type.
    pub fn event_keys_as_typed(&self, f: &EventFilter) -> Result<Vec<EventKey>> {
        self.keys_where(f, true)
    }

    fn keys_where(&self, f: &EventFilter, typing: bool) -> Result<Vec<EventKey>> {
        let (clause, args) = self.compile(f, typing)?.with_text();
        let sql =
            format!("SELECT e.rowid, e.id, e.start, e.first_day, e.last_day FROM events e{clause}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), event_key_row)?;
        let mut keys: Vec<EventKey> = rows.collect::<std::result::Result<_, _>>()?;
        sort_keys(&mut keys, f.newest_first);
        if f.offset > 0 {
            keys.drain(..f.offset.min(keys.len()));
        }
        if let Some(limit) = f.limit {
            keys.truncate(limit);
        }
        Ok(keys)
    }

    /// At most `limit` keys of the timeline for a filter, read on from
    /// `from` (the start or the end when `None`) in the filter's order:
    /// down includes `from`, up starts just above it and returns the rows
    /// nearest it first. Runs on the day index (a range from the key) and
    /// stops at `limit`, so its cost is the window, not the timeline.
    pub fn event_keys_from(
        &self,
        f: &EventFilter,
        typing: bool,
        from: Option<&EventKey>,
        walk: Walk,
        limit: usize,
    ) -> Result<Vec<EventKey>> {
        // a big entity or an early since: tested on each row the walk
        // meets (see walk.rs)
        let rowwise = self.window_rowwise(f)?;
        let (clause, args) = self.keyset(f, typing, from, walk, rowwise)?;
        // one direction for days and ids alike: a range of the day index
        // (first_day, last_day, id) read one way, no sort
        let dir = if (walk == Walk::Down) != f.newest_first {
            "ASC"
        } else {
            "DESC"
        };
        let sql = format!(
            "SELECT e.rowid, e.id, e.start, e.first_day, e.last_day FROM events e{clause} \
             ORDER BY e.first_day {dir}, e.last_day {dir}, e.id {dir} LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), event_key_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// How many events of the timeline lie from `from` on (as
    /// [`Store::event_keys_from`] walks), counted up to [`COUNT_CAP`];
    /// `true` when there are more.
    pub fn count_keys_from(
        &self,
        f: &EventFilter,
        typing: bool,
        from: Option<&EventKey>,
        walk: Walk,
    ) -> Result<(usize, bool)> {
        let rowwise = self.window_rowwise(f)?;
        // near an end of the timeline the walk of the day index is short,
        // while a count from a word's matches or a name's rows would look
        // up every one of them to find the few that lie there
        let long = (rowwise.entities || f.text.is_some())
            && self.rows_from(f.newest_first, from, walk)? >= self.short_walk();
        let by_name = rowwise.entities && long;
        // (with kinds, the kind index walks faster than the matches of a
        // word, most of another kind, are looked up)
        let from_words = f.kinds.is_empty() && long;
        let (clause, mut args, words) =
            self.keyset_as(f, typing, Range::Walk(from, walk), rowwise, from_words)?;
        let sql = if let Some(words) = words {
            // a common word: counted from its matches as the index yields
            // them, each event looked up (no set gathered, no walk)
            args.push(Value::Text(words));
            format!(
                "SELECT count(*) FROM (SELECT 1 FROM events_fts \
                 CROSS JOIN events e ON e.rowid = events_fts.rowid{clause} \
                 AND events_fts MATCH ? LIMIT ?)"
            )
        } else if by_name {
            // a big entity: counted from its own rows, each event looked
            // up (a walk of the day index would meet 60,000 rows to count
            // 10,000 of a name on one event in six)
            args.extend(f.entities.iter().map(|n| Value::Text(n.clone())));
            format!(
                "SELECT count(*) FROM (SELECT DISTINCT e.rowid FROM event_entities x \
                 CROSS JOIN events e ON e.id = x.event_id{clause} AND x.entity IN ({}) LIMIT ?)",
                vec!["?"; f.entities.len()].join(", ")
            )
        } else {
            format!("SELECT count(*) FROM (SELECT 1 FROM events e{clause} LIMIT ?)")
        };
        args.push(Value::Integer(COUNT_CAP as i64 + 1));
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        let n = n.max(0) as usize;
        Ok((n.min(COUNT_CAP), n > COUNT_CAP))
    }

    /// How many events of the whole timeline (any status) lie from
    /// `from` on, counted up to [`Store::short_walk`] on the day index
    /// alone (a few milliseconds).
    fn rows_from(&self, newest_first: bool, from: Option<&EventKey>, walk: Walk) -> Result<usize> {
        let all = EventFilter {
            include_rejected: true,
            newest_first,
            ..Default::default()
        };
        let (clause, mut args) = self.keyset(&all, false, from, walk, RowWise::NONE)?;
        args.push(Value::Integer(
            i64::try_from(self.short_walk()).unwrap_or(i64::MAX),
        ));
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM events e{clause} LIMIT ?)"
            ))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// How many events of the filtered timeline start in this month (in
    /// this year, known only to the year, with `month` `None`): a month
    /// heading's count when the month runs past the window. A range on
    /// the day index; counted up to [`COUNT_CAP`].
    pub fn count_month(
        &self,
        f: &EventFilter,
        typing: bool,
        year: i32,
        month: Option<u32>,
    ) -> Result<usize> {
        // a month is a short range of the day index: every condition that
        // is a large set is cheaper tested on its rows
        let rowwise = self.window_rowwise(f)?;
        let (lo, hi, precision) = match month {
            Some(m) => (
                format!("{year:04}-{m:02}-01"),
                format!("{year:04}-{m:02}-31"),
                "length(e.start) > 4",
            ),
            // an event known only to its year begins on the year's first
            // day: the range is that one day, not the year's every event
            None => (
                format!("{year:04}-01-01"),
                format!("{year:04}-01-01"),
                "length(e.start) <= 4",
            ),
        };
        let (clause, mut args, _) =
            self.keyset_as(f, typing, Range::Days(lo, hi), rowwise, false)?;
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM events e{clause} AND {precision} LIMIT ?)"
        );
        args.push(Value::Integer(COUNT_CAP as i64));
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// The key of an event by its id, whatever the filter.
    pub fn event_key(&self, id: &str) -> Result<Option<EventKey>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT rowid, id, start, first_day, last_day FROM events WHERE id = ?1",
                [id],
                event_key_row,
            )
            .optional()?)
    }

    /// The filter's clause plus the keyset condition: the rows at or past
    /// `from` walking `walk` (all rows when `from` is `None`, written as a
    /// range past every day so the day index still drives).
    fn keyset(
        &self,
        f: &EventFilter,
        typing: bool,
        from: Option<&EventKey>,
        walk: Walk,
        rowwise: RowWise,
    ) -> Result<(String, Vec<Value>)> {
        let (clause, args, _) =
            self.keyset_as(f, typing, Range::Walk(from, walk), rowwise, false)?;
        Ok((clause, args))
    }

    /// As [`Store::keyset`]; with `count`, a common word is left out of
    /// the clause and returned, for the count to start from its matches.
    fn keyset_as(
        &self,
        f: &EventFilter,
        typing: bool,
        range: Range<'_>,
        rowwise: RowWise,
        count: bool,
    ) -> Result<(String, Vec<Value>, Option<String>)> {
        let floor = rowwise.since_floor.clone().unwrap_or_default();
        let compiled = self.compile_as(f, typing, rowwise)?;
        let text = compiled.text.clone();
        let mut words = None;
        let (mut clause, mut args) = match text {
            Some(t) if self.walk_text(&t)? => {
                let (mut clause, args) = (compiled.clause, compiled.args);
                if count {
                    words = Some(t);
                } else {
                    // a common word: walk the day index and test each row
                    // against the matches, kept as bits in memory (a plan
                    // that starts at the matches sorts them all, 120 ms
                    // for 160,000)
                    self.keep_word_matches(&t)?;
                    clause += " AND dl_word_hit(e.rowid)";
                }
                (clause, args)
            }
            _ => compiled.with_text(),
        };
        // the one lower bound of the first day: SQLite starts a range at
        // the first lower bound it meets, so a `since:` floor and the
        // range's own bound are merged into the higher
        let at_least = |day: &str| Value::Text(floor.as_str().max(day).to_string());
        let (walk, from) = match range {
            Range::Days(lo, hi) => {
                clause += " AND e.first_day >= ? AND e.first_day <= ?";
                args.extend([at_least(&lo), Value::Text(hi)]);
                return Ok((clause, args, words));
            }
            Range::Walk(from, walk) => (walk, from),
        };
        let ascending = (walk == Walk::Down) != f.newest_first;
        let op = if ascending { ">" } else { "<" };
        let bound = |day: &str| {
            if ascending {
                at_least(day)
            } else {
                Value::Text(day.to_string())
            }
        };
        match from {
            None => {
                // every stored day is an ISO date: digits sort below '~'
                let edge = if ascending { "" } else { "~" };
                clause += &format!(" AND e.first_day {op}= ?");
                args.push(bound(edge));
            }
            Some(k) => {
                // down takes the key itself, up starts past it
                let id_op = match (walk == Walk::Down, ascending) {
                    (true, true) => ">=",
                    (true, false) => "<=",
                    (false, true) => ">",
                    (false, false) => "<",
                };
                clause += &format!(
                    " AND e.first_day {op}= ? AND (e.first_day {op} ? OR e.last_day {op} ? \
                     OR (e.last_day = ? AND e.id {id_op} ?))"
                );
                let (first, last) = &k.days;
                args.extend([
                    bound(first),
                    Value::Text(first.clone()),
                    Value::Text(last.clone()),
                    Value::Text(last.clone()),
                    Value::Text(k.id.clone()),
                ]);
            }
        }
        if !ascending && !floor.is_empty() {
            clause += " AND e.first_day >= ?";
            args.push(Value::Text(floor));
        }
        Ok((clause, args, words))
    }

    /// Which of these events are unseen (see the marks), by point
    /// lookups: the cost of the window, not of the archive.
    pub fn unseen_among(&self, ids: &[&str]) -> Result<std::collections::HashSet<String>> {
        // a statement a chunk, not one an id (a window asks 600 at once);
        // a short chunk is padded with NULL, which matches nothing
        const CHUNK: usize = 128;
        let marks = vec!["?"; CHUNK].join(",");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT event_id FROM event_marks WHERE seen_at IS NULL AND event_id IN ({marks})"
        ))?;
        let mut out = std::collections::HashSet::new();
        for chunk in ids.chunks(CHUNK) {
            let params = (0..CHUNK).map(|i| match chunk.get(i) {
                Some(id) => Value::Text((*id).to_string()),
                None => Value::Null,
            });
            let mut rows = stmt.query(params_from_iter(params))?;
            while let Some(row) = rows.next()? {
                out.insert(row.get::<_, String>(0)?);
            }
        }
        Ok(out)
    }

    /// How many events of the timeline are unseen (rejected ones left
    /// out), counted up to [`COUNT_CAP`]; `true` when there are more.
    pub fn unseen_count(&self) -> Result<(usize, bool)> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT 1 FROM event_marks m JOIN events e ON e.id = m.event_id \
             WHERE m.seen_at IS NULL AND e.status != 'rejected' LIMIT ?1)",
            [COUNT_CAP as i64 + 1],
            |r| r.get(0),
        )?;
        let n = n.max(0) as usize;
        Ok((n.min(COUNT_CAP), n > COUNT_CAP))
    }

    /// The full rows of the events with these row ids, each with its row
    /// id; missing ones are left out.
    pub fn event_rows_by_rowid(&self, rowids: &[i64]) -> Result<Vec<(i64, EventRow)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE e.rowid = ?1"
        ))?;
        let mut out = Vec::with_capacity(rowids.len());
        for id in rowids {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                out.push((*id, event_row(r)?));
            }
        }
        Ok(out)
    }

    /// What [`Store::entities`] returns (the TUI's Entities view): read
    /// from the per-entity counts, so as cheap as that.
    pub fn entities_fast(&self) -> Result<Vec<EntityRow>> {
        self.entities()
    }

    /// The database file, unless the store lives in memory; a background
    /// task opens its own connection to it.
    pub fn file_path(&self) -> Option<std::path::PathBuf> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from)
    }

    /// How many events the timeline shows with no filter (rejected ones
    /// left out).
    pub fn shown_event_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM events WHERE status != 'rejected'",
            [],
            |r| r.get(0),
        )?)
    }

    /// Every alias of these canonical names (as the alias index keeps
    /// them: lower-cased), for picking names out of evidence in either
    /// language.
    pub fn aliases_of(&self, names: &[String]) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT alias FROM entity_aliases WHERE name = ?1")?;
        let mut out = Vec::new();
        for n in names {
            let rows = stmt.query_map([n], |r| r.get::<_, String>(0))?;
            for a in rows {
                out.push(a?);
            }
        }
        Ok(out)
    }

    /// The row id of an event, by its id.
    pub fn event_rowid(&self, id: &str) -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT rowid FROM events WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }
}

/// An [`EventKey`] from a row of `e.rowid, e.id, e.start, e.first_day,
/// e.last_day`.
fn event_key_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventKey> {
    let start: String = r.get(2)?;
    let first: String = r.get(3)?;
    let last: String = r.get(4)?;
    Ok(EventKey {
        rowid: r.get(0)?,
        id: r.get(1)?,
        start: quick_date(&start),
        first_day: day_number(&first),
        last_day: day_number(&last),
        days: (first, last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Kind, PartialDate};
    use crate::model::{Event, Status};
    use crate::store::filter::typing_expr;

    fn ev(id: &str, date: &str, kind: Kind, title: &str, status: Status) -> Event {
        let url = format!("https://x.example/{id}");
        let mut e = Event::one_source(id, kind, DateSpan::at(quick_date(date)), title, &url);
        e.sources[0].title = title.into();
        e.sources[0].evidence = title.into();
        Event {
            actors: vec!["Alibaba".into()],
            status,
            ..e
        }
    }

    #[test]
    fn the_last_word_typed_matches_as_a_prefix() {
        let table = [
            ("Alib", Some("\"Alib\"*")),
            ("Alibaba sues", Some("\"Alibaba\" AND \"sues\"*")),
            ("A", Some("\"A\"")),
            ("\"entity li", Some("\"entity li\"")),
            ("华为", Some("\"华为\"")),
            ("华为 Ali", Some("\"华为\" AND \"Ali\"*")),
            ("co-op", Some("\"co op\"")),
            ("", None),
        ];
        for (input, want) in table {
            assert_eq!(typing_expr(input).as_deref(), want, "{input}");
        }
        let mut s = Store::open_in_memory().expect("db");
        s.replace_events(
            &[ev(
                "c",
                "2026-06-24",
                Kind::Lawsuit,
                "Alibaba sues",
                Status::Auto,
            )],
            &[],
        )
        .expect("stored");
        let f = EventFilter {
            text: Some("Alib".into()),
            ..Default::default()
        };
        assert_eq!(s.event_keys_as_typed(&f).expect("keys").len(), 1);
        assert_eq!(s.event_keys(&f).expect("keys").len(), 0);
    }

    #[test]
    fn windows_read_from_a_key_agree_with_the_whole_index() {
        let mut s = Store::open_in_memory().expect("db");
        let mut events = Vec::new();
        // several events on the same days, so the id breaks ties
        for (i, date) in [
            "2026-06-24",
            "2026-06",
            "2019-05-15",
            "2026-06-24",
            "2026",
            "2019-05-15",
        ]
        .iter()
        .enumerate()
        {
            for j in 0..3 {
                let id = format!("e{j}{i}");
                events.push(ev(&id, date, Kind::Listing, "Alibaba listed", Status::Auto));
            }
        }
        s.replace_events(&events, &[]).expect("stored");
        for newest_first in [false, true] {
            let f = EventFilter {
                newest_first,
                ..Default::default()
            };
            let all = s.event_keys(&f).expect("keys");
            assert_eq!(all.len(), 18);
            assert_eq!(
                s.event_keys_from(&f, false, None, Walk::Down, 100)
                    .expect("down"),
                all
            );
            let mut up = s
                .event_keys_from(&f, false, None, Walk::Up, 100)
                .expect("up");
            up.reverse();
            assert_eq!(up, all);
            assert_eq!(
                s.count_keys_from(&f, false, None, Walk::Down).expect("n"),
                (18, false)
            );
            for (i, k) in all.iter().enumerate() {
                let down = s
                    .event_keys_from(&f, false, Some(k), Walk::Down, 4)
                    .expect("down");
                assert_eq!(down[..], all[i..(i + 4).min(all.len())], "down from {i}");
                let mut up = s
                    .event_keys_from(&f, false, Some(k), Walk::Up, 4)
                    .expect("up");
                up.reverse();
                assert_eq!(up[..], all[i.saturating_sub(4)..i], "up from {i}");
                assert_eq!(
                    s.count_keys_from(&f, false, Some(k), Walk::Up).expect("n"),
                    (i, false)
                );
                assert_eq!(s.event_key(&k.id).expect("key").as_ref(), Some(k));
            }
        }
        assert_eq!(s.event_key("none").expect("key"), None);
        let f = EventFilter::default();
        assert_eq!(s.count_month(&f, false, 2026, Some(6)).expect("june"), 9);
        assert_eq!(s.count_month(&f, false, 2026, None).expect("2026"), 3);
        assert_eq!(s.count_month(&f, false, 2019, Some(5)).expect("may"), 6);
        assert_eq!(s.count_month(&f, false, 2019, Some(6)).expect("none"), 0);
    }

    #[test]
    fn quick_dates_match_the_checked_parser() {
        for s in ["2026", "2026-06", "2026-06-24", "1999-12-31"] {
            assert_eq!(Some(quick_date(s)), s.parse().ok(), "{s}");
        }
        assert_eq!(quick_date("2026-02-30"), PartialDate::year(0));
    }

    #[test]
    fn event_rows_and_keys_agree() {
        let mut s = Store::open_in_memory().expect("db");
        let events = vec![
            ev(
                "c",
                "2026-06-24",
                Kind::Lawsuit,
                "Alibaba sues",
                Status::Auto,
            ),
            ev(
                "a",
                "2026-06",
                Kind::Listing,
                "Pentagon lists Alibaba",
                Status::Confirmed,
            ),
            ev(
                "b",
                "2019-05-15",
                Kind::Listing,
                "Huawei listed",
                Status::Auto,
            ),
            ev("d", "2026-06-24", Kind::Ban, "A ban", Status::Rejected),
        ];
        let table = vec![(
            "Alibaba".to_string(),
            "company".to_string(),
            vec!["阿里巴巴".to_string()],
        )];
        s.replace_events(&events, &table).expect("stored");
        let filters = [
            EventFilter::default(),
            EventFilter {
                newest_first: true,
                ..Default::default()
            },
            EventFilter {
                kinds: vec![Kind::Listing],
                ..Default::default()
            },
            EventFilter {
                text: Some("alibaba".into()),
                ..Default::default()
            },
            EventFilter {
                include_rejected: true,
                limit: Some(3),
                ..Default::default()
            },
            EventFilter {
                since: quick_date("2026").into(),
                ..Default::default()
            },
            EventFilter {
                statuses: vec![Status::Confirmed],
                ..Default::default()
            },
            EventFilter {
                source: Some("x.example/c".into()),
                ..Default::default()
            },
        ];
        for f in filters {
            let rows: Vec<String> = s
                .event_rows(&f)
                .expect("rows")
                .into_iter()
                .map(|r| r.id)
                .collect();
            let keys: Vec<String> = s
                .event_keys(&f)
                .expect("keys")
                .into_iter()
                .map(|k| k.id)
                .collect();
            assert_eq!(rows, keys, "{f:?}");
        }
        let keys = s.event_keys(&EventFilter::default()).expect("keys");
        let ids: Vec<i64> = keys.iter().map(|k| k.rowid).collect();
        let full: Vec<EventRow> = s
            .event_rows_by_rowid(&ids)
            .expect("rows")
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        assert_eq!(full, s.event_rows(&EventFilter::default()).expect("rows"));
        assert_eq!(s.event_rowid("c").expect("q"), Some(keys[2].rowid));
        assert_eq!(
            s.entities_fast().expect("fast"),
            s.entities().expect("entities")
        );
        assert_eq!(s.file_path(), None);
        assert_eq!(s.shown_event_count().expect("count"), 3);
        let mut aliases = s.aliases_of(&["Alibaba".into()]).expect("aliases");
        aliases.sort();
        assert_eq!(aliases, vec!["alibaba".to_string(), "阿里巴巴".to_string()]);
        let mut flipped = keys.clone();
        flipped.reverse();
        let newest = s
            .event_keys(&EventFilter {
                newest_first: true,
                ..Default::default()
            })
            .expect("keys");
        assert_eq!(flipped, newest);
        flipped.reverse();
        assert_eq!(flipped, keys);
    }
}
