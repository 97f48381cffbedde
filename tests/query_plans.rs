//! Every query the CLI and the TUI issue to read the timeline runs on an
//! index: the read paths are driven over the demo corpus with statement
//! recording on, and SQLite's plan for each recorded statement must not
//! scan a large table, except the few statements that list everything by
//! design (named below with their reason).

use dateline::extract::Rules;
use dateline::model::{Kind, Status};
use dateline::store::views::Walk;
use dateline::store::{EventFilter, NewFilter, Store};
use std::sync::{Arc, Mutex};

/// Tables (and the aliases the store's SQL gives them) that grow with the
/// archive.
const LARGE: &[&str] = &[
    "events",
    "e",
    "event_sources",
    "event_links",
    "event_entities",
    "n",
    "articles",
    "a",
    "mentions",
    "m",
    "article_keys",
    "entity_aliases",
    "k",
    "event_langs",
    "event_source_keys",
    "event_marks",
    "source_marks",
];

/// Statements that read a whole table on purpose, by a fragment of their
/// SQL, with why.
const WHOLE_TABLE: &[(&str, &str)] = &[
    // the whole timeline, in date order: walks the day index and stops at
    // the page (TUI: event_keys reads the light index of every event)
    ("SELECT e.rowid, e.id, e.start, e.first_day, e.last_day FROM events e WHERE 1=1 AND e.status != 'rejected'", "the TUI's index of the whole timeline"),
    ("FROM events e WHERE 1=1 AND e.status != 'rejected' ORDER BY e.first_day", "the whole timeline in date order, one page"),
    ("SELECT count(*) FROM events e WHERE 1=1 AND e.status != 'rejected'", "the size of the whole timeline"),
    ("SELECT count(*) FROM events WHERE status != 'rejected'", "the size of the whole timeline"),
];

/// Partial indexes, scanned whole by design: small by their WHERE.
const PARTIAL: &[&str] = &["event_marks_unseen"];

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().expect("db");
    let rules = Rules::builtin();
    let articles = dateline::tui::demo::articles().expect("demo corpus");
    dateline::pipeline::ingest(&mut store, &rules, &articles).expect("ingest");
    store
}

fn is_large_scan(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("SCAN ") else {
        return false;
    };
    let table = rest.split_whitespace().next().unwrap_or("");
    // a partial index holds only the rows its WHERE names (the unseen
    // events: as many as the analyst has not looked at, not the archive)
    if PARTIAL
        .iter()
        .any(|ix| rest.ends_with(&format!("USING INDEX {ix}")))
    {
        return false;
    }
    if rest.contains("VIRTUAL TABLE") {
        // a full-text table is scanned only through a MATCH constraint
        return !rest.contains(":M") && !rest.contains("INDEX 0:M");
    }
    LARGE.contains(&table)
}

#[test]
fn every_read_query_runs_on_an_index() {
    let mut store = demo_store();
    let sink = Arc::new(Mutex::new(Vec::new()));
    store.record_statements(sink.clone()).expect("trace");

    let all = store.events(&EventFilter::default()).expect("events");
    assert!(all.len() > 5);
    let one = &all[all.len() / 2];
    let filters = vec![
        EventFilter::default(),
        EventFilter {
            limit: Some(5),
            offset: 2,
            ..Default::default()
        },
        EventFilter {
            newest_first: true,
            limit: Some(5),
            ..Default::default()
        },
        EventFilter {
            kinds: vec![Kind::Lawsuit],
            ..Default::default()
        },
        EventFilter {
            kinds: vec![Kind::Listing, Kind::Ban],
            newest_first: true,
            ..Default::default()
        },
        EventFilter {
            entities: vec!["Huawei".into()],
            ..Default::default()
        },
        EventFilter {
            since: "2025".parse().ok(),
            ..Default::default()
        },
        EventFilter {
            until: "2020-06".parse().ok(),
            ..Default::default()
        },
        EventFilter {
            since: "2020".parse().ok(),
            until: "2021".parse().ok(),
            ..Default::default()
        },
        EventFilter {
            lang: Some("zh".into()),
            ..Default::default()
        },
        EventFilter {
            source: Some("demo".into()),
            ..Default::default()
        },
        EventFilter {
            statuses: vec![Status::Rejected],
            ..Default::default()
        },
        EventFilter {
            statuses: vec![Status::Confirmed, Status::Manual],
            ..Default::default()
        },
        EventFilter {
            text: Some("huawei".into()),
            ..Default::default()
        },
        EventFilter {
            text: Some("\"entity list\"".into()),
            ..Default::default()
        },
        EventFilter {
            text: Some("华为".into()),
            kinds: vec![Kind::Listing],
            ..Default::default()
        },
        EventFilter {
            text: Some("Alib".into()),
            ..Default::default()
        },
        // search with every filter the full-text walk tests row by row
        EventFilter {
            text: Some("huawei".into()),
            kinds: vec![Kind::Listing],
            since: "2024".parse().ok(),
            until: "2026".parse().ok(),
            ..Default::default()
        },
        EventFilter {
            text: Some("华为".into()),
            entities: vec!["Huawei".into()],
            lang: Some("zh".into()),
            source: Some("demo".into()),
            statuses: vec![Status::Auto, Status::Confirmed],
            ..Default::default()
        },
        // the window's row-by-row tests of a name and a since together
        EventFilter {
            entities: vec!["Huawei".into(), "SMIC".into()],
            since: "2023-05".parse().ok(),
            kinds: vec![Kind::Ban, Kind::Listing],
            ..Default::default()
        },
        EventFilter {
            new: Some(NewFilter::Unseen),
            ..Default::default()
        },
        EventFilter {
            new: Some(NewFilter::Since("2026-01-01".into())),
            ..Default::default()
        },
        EventFilter {
            new: Some(NewFilter::LastRefresh),
            kinds: vec![Kind::Ban],
            ..Default::default()
        },
        EventFilter {
            feed: Some("https://example.org/feed.xml".into()),
            ..Default::default()
        },
    ];
    for f in &filters {
        // the CLI: events (streamed whole), search, counts, exports
        store
            .for_each_event(f, |_| -> Result<(), dateline::store::StoreError> { Ok(()) })
            .expect("events");
        store.count_events(f).expect("count");
        if f.text.is_some() {
            store.search_events(f, 20, 0).expect("search events");
            store
                .search_article_page(f, 20, 20)
                .expect("search articles");
            // a page past the end counts the window instead
            store
                .search_events(f, 20, 5000)
                .expect("search past the end");
            store
                .search_article_page(f, 20, 5000)
                .expect("articles past the end");
        }
        // the light index, as typed and as entered
        store.event_keys(f).expect("keys");
        store.event_keys_as_typed(f).expect("keys as typed");
        drive_windows(&store, f);
    }
    // the same windows with every large set tested row by row, as a
    // million events make them (the demo's sets are small)
    store.set_walk_at(0);
    for f in &filters {
        drive_windows(&store, f);
    }
    store.event_key(&one.id).expect("key by id");
    store.unseen_count().expect("unseen count");
    store
        .unseen_among(&[one.id.as_str()])
        .expect("unseen in the window");
    let keys = store.event_keys(&EventFilter::default()).expect("keys");
    let rowids: Vec<i64> = keys.iter().take(30).map(|k| k.rowid).collect();
    store.event_rows_by_rowid(&rowids).expect("rows on screen");
    store.event(&one.id).expect("detail");
    store.event(&one.id[..6]).expect("detail by prefix");
    store.event_rowid(&one.id).expect("rowid");
    store.resolve_entity("华为").expect("alias");
    store.resolve_entity("Nobody Known").expect("unknown name");
    store.aliases_of(&["Huawei".into()]).expect("aliases");
    store.entities().expect("entities");
    store.entities_fast().expect("entities view");
    store.shown_event_count().expect("count");
    store.decisions().expect("decisions");

    let mut statements: Vec<String> = sink.lock().expect("sink").clone();
    statements.sort();
    statements.dedup();
    statements.retain(|s| s.trim_start().to_ascii_uppercase().starts_with("SELECT"));
    assert!(
        statements.len() > 20,
        "the read paths ran: {}",
        statements.len()
    );
    // the window's row-by-row forms were planned too
    for form in [
        "EXISTS (SELECT 1 FROM event_entities x WHERE x.event_id = e.id",
        "AND e.last_day >= ? AND e.first_day >= ?",
        "FROM event_entities x CROSS JOIN events e ON e.id = x.event_id",
        "AND dl_word_hit(e.rowid)",
        "FROM events_fts CROSS JOIN events e ON e.rowid = events_fts.rowid",
    ] {
        assert!(
            statements.iter().any(|s| s.contains(form)),
            "no statement has {form}"
        );
    }
    let mut failures = Vec::new();
    for sql in &statements {
        let plan = store.query_plan(sql).expect("plan");
        let scans: Vec<&String> = plan.iter().filter(|l| is_large_scan(l)).collect();
        if scans.is_empty() {
            continue;
        }
        if WHOLE_TABLE.iter().any(|(frag, _)| sql.contains(frag)) {
            continue;
        }
        failures.push(format!("{sql}\n    plan: {plan:?}"));
    }
    assert!(failures.is_empty(), "full scans:\n{}", failures.join("\n"));

    // a window walked on the day index reads the index in its order and
    // stops at its limit: no sort of a day's events (a year-only day holds
    // thousands at a million), in either order, either way
    let walks: Vec<&String> = statements
        .iter()
        .filter(|s| s.contains("ORDER BY e.first_day") && s.contains("LIMIT"))
        .collect();
    assert!(walks.len() >= 4, "the walks ran: {}", walks.len());
    let mut sorted = Vec::new();
    for sql in walks {
        let plan = store.query_plan(sql).expect("plan");
        let on_days = plan.iter().any(|l| l.contains("USING INDEX events_by_day"));
        if on_days && plan.iter().any(|l| l.contains("TEMP B-TREE")) {
            sorted.push(format!("{sql}\n    plan: {plan:?}"));
        }
    }
    assert!(sorted.is_empty(), "walks that sort:\n{}", sorted.join("\n"));
}

/// The TUI's reads: its window of keys, from either end and from a key,
/// both ways, in both orders, and its bounded counts.
fn drive_windows(store: &Store, f: &EventFilter) {
    for newest_first in [false, true] {
        let f = EventFilter {
            newest_first,
            ..f.clone()
        };
        for walk in [Walk::Down, Walk::Up] {
            let keys = store
                .event_keys_from(&f, true, None, walk, 40)
                .expect("window from an end");
            store.count_keys_from(&f, true, None, walk).expect("count");
            store
                .count_month(&f, true, 2020, Some(6))
                .expect("a month's count");
            store.count_month(&f, true, 2020, None).expect("a year's");
            if let Some(k) = keys.get(keys.len() / 2) {
                store
                    .event_keys_from(&f, true, Some(k), walk, 40)
                    .expect("window from a key");
                store
                    .count_keys_from(&f, true, Some(k), walk)
                    .expect("count from a key");
            }
        }
    }
}
