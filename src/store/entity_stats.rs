//! Every entity with its number of events and date range, read from a
//! table kept per entity (migration 008) instead of counted over the
//! whole timeline at each read: `entities` and the TUI's Entities view
//! cost the number of entities, not the number of events.
//!
//! Triggers mark the names whose events changed; [`Store::refresh_entity_stats`]
//! recounts just those inside the writer's transaction. A reader that
//! finds marked names (a writer that has not recounted, an older
//! dateline's write) counts those few itself, so the answer always equals
//! a count over the timeline as it is.

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
}
