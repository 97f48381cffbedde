//! Every entity with its number of events and date range, read from a
//! table kept per entity (migration 008) instead of counted over the
//! whole timeline at each read: `entities` and the TUI's Entities view
//! cost the number of entities, not the number of events.
//!
//! Triggers keep the counts by differences (migration 009): an event that
//! starts or stops counting for a name adds or takes away one and widens
//! the name's range. What may narrow a range (an event on its first or last
//! date leaving) or changes an event in place (a decision) marks the name
//! instead, and [`Store::refresh_entity_stats`] recounts just those inside
//! the writer's transaction: a refresh costs the events it changes, not
//! the events of every name they carry. A reader that finds marked names
//! (a writer that has not recounted, an older dateline's write) counts
//! those few itself, so the answer always equals a count over the
//! timeline as it is.

use super::{EntityRow, Result, Store};
use rusqlite::Connection;

/// The counts of the entities marked changed, over the events that name
/// them, rejected ones left out. CROSS JOIN keeps the few marked names
/// the outer loop (the planner cannot know the table is small).
const COUNT: &str =
    "SELECT n.entity, count(DISTINCT e.id), min(e.start), max(coalesce(e.end_date, e.start))
     FROM entity_stats_dirty d CROSS JOIN event_entities n ON n.entity = d.entity
     CROSS JOIN events e ON e.id = n.event_id AND e.status != 'rejected'
     GROUP BY n.entity";

impl Store {
    /// Recounts the entities whose events changed since the last recount,
    /// in one write transaction; returns how many names it recounted.
    pub fn refresh_entity_stats(&mut self) -> Result<usize> {
        self.batch(|s| Store::refresh_entity_stats_in(&s.conn))
    }

    /// [`Store::refresh_entity_stats`] on a connection inside the
    /// transaction of whoever wrote the events (each writer of events
    /// calls it before it commits).
    pub(super) fn refresh_entity_stats_in(conn: &Connection) -> Result<usize> {
        let n: i64 = conn.query_row("SELECT count(*) FROM entity_stats_dirty", [], |r| r.get(0))?;
        conn.execute(
            "DELETE FROM entity_stats WHERE entity IN (SELECT entity FROM entity_stats_dirty)",
            [],
        )?;
        conn.execute(
            &format!("INSERT INTO entity_stats (entity, events, first_start, last_end) {COUNT}"),
            [],
        )?;
        conn.execute("DELETE FROM entity_stats_dirty", [])?;
        Ok(n as usize)
    }

    /// Every entity with its number of events and date range, most events
    /// first (then by name). Entities whose events are all rejected are
    /// left out.
    pub fn entities(&self) -> Result<Vec<EntityRow>> {
        self.snapshot(|s| {
            let mut stmt = s.conn.prepare_cached(&format!(
                "SELECT c.entity, coalesce(en.type, 'organization'), coalesce(en.aliases, '[]'),
                        c.events, c.first_start, c.last_end
                 FROM (SELECT entity, events, first_start, last_end FROM entity_stats
                       WHERE entity NOT IN (SELECT entity FROM entity_stats_dirty)
                       UNION ALL {COUNT}) AS c
                 LEFT JOIN entities en ON en.name = c.entity
                 ORDER BY c.events DESC, c.entity"
            ))?;
            let rows = stmt.query_map([], |r| {
                Ok(EntityRow {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    aliases: serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or_default(),
                    events: r.get::<_, i64>(3)? as usize,
                    first: r.get(4)?,
                    last: r.get(5)?,
                })
            })?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Event, Kind, Status};

    fn ev(id: &str, date: &str, status: Status, actors: &[&str], targets: &[&str]) -> Event {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        let span = DateSpan::at(date.parse().expect("date"));
        let url = format!("https://x.example/{id}");
        Event {
            actors: names(actors),
            targets: names(targets),
            status,
            ..Event::one_source(id, Kind::Ban, span, &format!("event {id}"), &url)
        }
    }

    /// The count over the whole timeline that the table stands for.
    fn counted(s: &Store) -> Vec<(String, i64, Option<String>, Option<String>)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT n.entity, count(DISTINCT e.id), min(e.start), max(coalesce(e.end_date, e.start))
                 FROM event_entities n JOIN events e ON e.id = n.event_id AND e.status != 'rejected'
                 GROUP BY n.entity ORDER BY count(DISTINCT e.id) DESC, n.entity",
            )
            .expect("sql");
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("rows");
        rows.map(|r| r.expect("row")).collect()
    }

    fn shown(s: &Store) -> Vec<(String, i64, Option<String>, Option<String>)> {
        s.entities()
            .expect("entities")
            .into_iter()
            .map(|e| (e.name, e.events as i64, e.first, e.last))
            .collect()
    }

    fn dirty(s: &Store) -> i64 {
        s.conn
            .query_row("SELECT count(*) FROM entity_stats_dirty", [], |r| r.get(0))
            .expect("dirty")
    }

    #[test]
    fn kept_counts_equal_a_count_over_the_timeline() {
        let mut s = Store::open_in_memory().expect("db");
        let table = vec![(
            "Huawei".to_string(),
            "company".to_string(),
            vec!["华为".to_string()],
        )];
        // an entity both actor and target of one event counts it once; a
        // rejected event does not count
        let first = vec![
            ev("a", "2019-05-15", Status::Auto, &["Huawei"], &[]),
            ev(
                "b",
                "2020-01",
                Status::Auto,
                &["Huawei"],
                &["Huawei", "ZTE"],
            ),
            ev("c", "2024", Status::Rejected, &["ZTE"], &["Huawei"]),
        ];
        s.replace_events(&first, &table).expect("write");
        assert_eq!(dirty(&s), 0, "the writer recounted before it committed");
        assert_eq!(shown(&s), counted(&s));
        assert_eq!(
            shown(&s)[0],
            (
                "Huawei".into(),
                2,
                Some("2019-05-15".into()),
                Some("2020-01".into())
            )
        );

        // a rewrite in part: one event gone, one changed, one new
        let second = vec![
            ev("a", "2019-05-15", Status::Rejected, &["Huawei"], &[]),
            ev("c", "2024", Status::Auto, &["ZTE"], &["Huawei"]),
            ev("d", "2026-06-24", Status::Confirmed, &["SMIC"], &[]),
        ];
        s.replace_events(&second, &table).expect("rewrite");
        assert_eq!(dirty(&s), 0);
        assert_eq!(shown(&s), counted(&s));
        let names: Vec<String> = shown(&s).into_iter().map(|r| r.0).collect();
        assert_eq!(names, ["Huawei", "SMIC", "ZTE"]);

        // a write that did not recount (another writer, an older dateline):
        // the reader counts the marked names itself
        s.conn
            .execute_batch(
                "INSERT INTO event_entities (event_id, entity, role) VALUES ('d', 'Huawei', 'target');
                 UPDATE events SET status = 'rejected' WHERE id = 'c';",
            )
            .expect("raw write");
        assert!(dirty(&s) > 0);
        assert_eq!(shown(&s), counted(&s));
        assert_eq!(s.refresh_entity_stats().expect("recount"), 2);
        assert_eq!(dirty(&s), 0);
        assert_eq!(shown(&s), counted(&s));
        assert_eq!(
            shown(&s)[0],
            (
                "Huawei".into(),
                1,
                Some("2026-06-24".into()),
                Some("2026-06-24".into())
            )
        );
    }

    /// The kept table as it stands, names marked for a recount left out.
    fn kept(s: &Store) -> Vec<(String, i64, Option<String>, Option<String>)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT entity, events, first_start, last_end FROM entity_stats
                 WHERE entity NOT IN (SELECT entity FROM entity_stats_dirty)
                 ORDER BY events DESC, entity",
            )
            .expect("sql");
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("rows");
        rows.map(|r| r.expect("row")).collect()
    }

    /// Writes in every order the store sees (rebuilds that keep, change,
    /// drop and add events; raw row writes and removals; status changes)
    /// keep the table equal to a count over the timeline, for every name
    /// not marked for a recount, and the readers' answer always.
    #[test]
    fn kept_by_differences_under_random_writes() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let names = ["Huawei", "ZTE", "SMIC", "DJI", "China"];
        let mut s = Store::open_in_memory().expect("db");
        for round in 0..60 {
            let mut events = Vec::new();
            for i in 0..14 {
                if next(10) < 6 {
                    let date = format!("2019-{:02}-{:02}", 1 + next(12), 1 + next(28));
                    let status =
                        [Status::Auto, Status::Rejected, Status::Confirmed][next(3) as usize];
                    let pick = |k: u64| names[k as usize];
                    let actors = [pick(next(5))];
                    let targets = [pick(next(5)), pick(next(5))];
                    let id = format!("e{i}");
                    events.push(ev(
                        &id,
                        &date,
                        status,
                        &actors,
                        &targets[..next(3) as usize],
                    ));
                }
            }
            s.replace_events(&events, &[]).expect("write");
            assert_eq!(dirty(&s), 0, "round {round}: the writer recounted");
            assert_eq!(kept(&s), counted(&s), "round {round}: after a rebuild");
            // raw writes, as another writer or an older dateline makes them
            let id = format!("e{}", next(14));
            let name = names[next(5) as usize];
            let raw = match next(4) {
                0 => format!("DELETE FROM event_entities WHERE event_id = '{id}' AND entity = '{name}'"),
                1 => format!("INSERT OR IGNORE INTO event_entities (event_id, entity, role) VALUES ('{id}', '{name}', 'target')"),
                2 => format!("UPDATE events SET status = 'rejected' WHERE id = '{id}'"),
                _ => format!("UPDATE events SET start = '2018-06-01' WHERE id = '{id}'"),
            };
            s.conn.execute_batch(&raw).expect("raw write");
            assert_eq!(shown(&s), counted(&s), "round {round}: readers after {raw}");
            let dirty_names: Vec<String> = {
                let mut q = s
                    .conn
                    .prepare("SELECT entity FROM entity_stats_dirty")
                    .expect("sql");
                q.query_map([], |r| r.get(0))
                    .expect("rows")
                    .map(|r| r.expect("row"))
                    .collect()
            };
            let clean: Vec<_> = counted(&s)
                .into_iter()
                .filter(|r| !dirty_names.contains(&r.0))
                .collect();
            assert_eq!(kept(&s), clean, "round {round}: kept rows after {raw}");
        }
    }

    /// A name's count moves by one when one of its events goes; only an
    /// event on an end of its date range marks it for a recount.
    #[test]
    fn only_an_event_at_an_end_of_the_range_is_recounted() {
        let mut s = Store::open_in_memory().expect("db");
        let events = [
            ev("a", "2019-01-01", Status::Auto, &["Huawei"], &[]),
            ev("b", "2019-06-01", Status::Auto, &["Huawei"], &["ZTE"]),
            ev("c", "2019-12-31", Status::Auto, &["Huawei"], &[]),
        ];
        s.replace_events(&events, &[]).expect("write");
        s.conn
            .execute_batch("DELETE FROM event_entities WHERE event_id = 'b' AND entity = 'Huawei'")
            .expect("raw");
        assert_eq!(dirty(&s), 0, "an inner event needs no recount");
        assert_eq!(kept(&s), counted(&s));
        assert_eq!(kept(&s)[0].1, 2);
        s.conn
            .execute_batch("DELETE FROM event_entities WHERE event_id = 'a'")
            .expect("raw");
        assert_eq!(dirty(&s), 1, "the first event of the range went");
        assert_eq!(shown(&s), counted(&s));
    }
}
