//! The timeline read as a window: with more events than the app holds
//! (2,500 here; the app keeps about 1,000 keys around the selection), every
//! move, jump, change of order and re-query must show the rows the whole
//! timeline has at that place, in the store's order.

#[path = "tui_common/mod.rs"]
mod common;

use common::app::{app_with, press, screen};
use dateline::store::{EventFilter, Store};
use dateline::tui::App;

const N: usize = 2500;

fn big_store() -> Store {
    let mut store = Store::open_in_memory().expect("db");
    store
        .replace_events(&common::synthetic_events(N), &common::entity_table())
        .expect("events");
    store
}

/// Every id of the timeline in the store's order.
fn all_ids(app: &App, newest_first: bool) -> Vec<String> {
    app.store()
        .event_keys(&EventFilter {
            newest_first,
            ..Default::default()
        })
        .expect("keys")
        .into_iter()
        .map(|k| k.id)
        .collect()
}

fn selected(app: &App) -> String {
    app.index[app.sel].id.clone()
}

/// The selection is the event at `at` of the whole timeline, and the
/// status line says so.
fn assert_at(app: &App, all: &[String], at: usize) {
    assert_eq!(selected(app), all[at], "row {at}");
    assert!(app.base_exact);
    assert_eq!(app.base + app.sel, at);
    let shown = screen(app);
    assert!(
        shown.contains(&format!("{}/{N} events", at + 1)),
        "status line at {at}"
    );
}

#[test]
fn the_window_holds_part_and_moves_over_the_whole() {
    let mut app = app_with(big_store(), 100, 30);
    let all = all_ids(&app, false);
    assert_eq!(all.len(), N);
    assert!(app.index.len() < N, "only a window is read");
    assert_eq!(app.shown, N);
    assert!(app.at_start && !app.at_end);
    assert_at(&app, &all, 0);
    // line by line past the window's first end
    for (at, id) in all.iter().enumerate().take(1400).skip(1) {
        press(&mut app, "j");
        assert_eq!(selected(&app), *id, "row {at}");
    }
    assert_at(&app, &all, 1399);
    // pages down to the last row, and G
    for _ in 0..60 {
        press(&mut app, "<PageDown>");
    }
    assert_at(&app, &all, N - 1);
    press(&mut app, "g");
    assert_at(&app, &all, 0);
    press(&mut app, "G");
    assert_at(&app, &all, N - 1);
    assert!(app.at_end && !app.at_start);
    // line by line up from the end, past the window's other end
    for at in (N - 1300..N - 1).rev() {
        press(&mut app, "k");
        assert_eq!(selected(&app), all[at], "row {at}");
    }
    assert_at(&app, &all, N - 1300);
}

#[test]
fn the_order_flips_around_the_selection_and_search_keeps_it() {
    let mut app = app_with(big_store(), 100, 30);
    let all = all_ids(&app, false);
    let newest = all_ids(&app, true);
    for _ in 0..1200 {
        press(&mut app, "j");
    }
    let id = selected(&app);
    let row = app.row_pos[app.sel] - app.offset;
    press(&mut app, "s");
    assert!(app.newest_first);
    assert_eq!(selected(&app), id, "the same event after the flip");
    assert_eq!(app.row_pos[app.sel] - app.offset, row, "at the same height");
    let at = newest.iter().position(|i| *i == id).expect("listed");
    assert_at(&app, &newest, at);
    for k in 1..700 {
        press(&mut app, "j");
        assert_eq!(selected(&app), newest[at + k]);
    }
    press(&mut app, "s");
    let id = selected(&app);
    let at = all.iter().position(|i| *i == id).expect("listed");
    assert_at(&app, &all, at);

    // a search keeps the selected event when it still matches
    let title = app.row(app.sel).expect("on screen").title.clone();
    let name = title.split(' ').next().expect("a name").to_string();
    // (typed key by key, each prefix would move the selection first)
    app.query = name.clone();
    app.reload_keep();
    assert_eq!(selected(&app), id, "kept across the re-query");
    let matching = app
        .store()
        .event_keys(&EventFilter {
            text: Some(name.clone()),
            ..Default::default()
        })
        .expect("keys");
    assert_eq!(app.shown, matching.len());
    assert_eq!(
        app.base + app.sel,
        matching.iter().position(|k| k.id == id).expect("in")
    );
    press(&mut app, "G");
    assert_eq!(selected(&app), matching.last().expect("some").id);
    press(&mut app, "<Esc>");
    assert_eq!(app.shown, N);
    assert_eq!(selected(&app), matching.last().expect("some").id);
}

/// The window the app holds is always one stretch of the whole timeline
/// in the order shown, with its ends marked where the timeline ends.
fn assert_window_is_a_stretch(app: &App, whole: &[String]) {
    assert!(app.base_exact);
    let held: Vec<&str> = app.index.iter().map(|k| k.id.as_str()).collect();
    let stretch: Vec<&str> = whole[app.base..app.base + held.len()]
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(held, stretch, "the window at {}", app.base);
    assert_eq!(app.at_start, app.base == 0);
    assert_eq!(app.at_end, app.base + held.len() == whole.len());
}

/// A flip turns the window held around (days reversed, ids within a day
/// kept, a day cut by the window's edge let go): at the start, in the
/// middle and at the end of the timeline, and flipped back, the window is
/// the stretch of the timeline it should be and the selection keeps its
/// event and its place.
#[test]
fn a_flip_turns_the_window_around_where_it_stands() {
    let mut app = app_with(big_store(), 100, 30);
    let oldest = all_ids(&app, false);
    let newest = all_ids(&app, true);
    for moves in ["", "<PageDown><PageDown><PageDown>", "G", "gjjjjj"] {
        press(&mut app, moves);
        for whole in [&newest, &oldest] {
            let id = selected(&app);
            let row = app.row_pos[app.sel] - app.offset;
            press(&mut app, "s");
            assert_eq!(selected(&app), id, "after {moves:?}");
            if !moves.is_empty() && !moves.starts_with(['G', 'g']) {
                // (near an end of the timeline the screen cannot keep it)
                assert_eq!(app.row_pos[app.sel] - app.offset, row, "at the same height");
            }
            assert_window_is_a_stretch(&app, whole);
            assert_at(&app, whole, app.base + app.sel);
        }
    }
    // and from the middle, moved line by line across the flipped window's
    // ends, every row is the timeline's
    for _ in 0..1200 {
        press(&mut app, "j");
    }
    press(&mut app, "s");
    let at = app.base + app.sel;
    for k in 1..500 {
        press(&mut app, "k");
        assert_eq!(selected(&app), newest[at - k]);
    }
}

/// The big store with every event seen but those whose place in the
/// timeline (oldest first) `unseen` picks; and every id in that order.
fn store_unseen_at(unseen: impl Fn(usize) -> bool) -> (Store, Vec<String>) {
    let mut store = big_store();
    let ids: Vec<String> = store
        .event_keys(&EventFilter::default())
        .expect("keys")
        .into_iter()
        .map(|k| k.id)
        .collect();
    store.mark_seen(&ids).expect("all seen");
    let picked: Vec<String> = (0..ids.len())
        .filter(|&i| unseen(i))
        .map(|i| ids[i].clone())
        .collect();
    store.mark_unseen(&picked).expect("some unseen");
    (store, ids)
}

#[test]
fn n_finds_unseen_events_outside_the_window() {
    let (store, ids) = store_unseen_at(|i| [2100, 40, 2300].contains(&i));
    let far = [ids[2100].clone(), ids[40].clone(), ids[2300].clone()];
    let mut app = app_with(store, 100, 30);
    assert!(
        !app.index.iter().any(|k| k.id == far[0]),
        "outside the window"
    );
    assert!(screen(&app).contains("3 unseen"));
    press(&mut app, "n");
    assert_eq!(selected(&app), ids[40]);
    press(&mut app, "n");
    assert_eq!(selected(&app), ids[2100], "read from the store");
    assert_eq!(app.base + app.sel, 2100);
    press(&mut app, "G");
    assert_eq!(selected(&app), ids[N - 1]);
    press(&mut app, "N");
    assert_eq!(selected(&app), ids[2300], "the one above");
    // all three seen now
    press(&mut app, "n");
    assert_eq!(
        app.flash.as_ref().map(|f| f.0.as_str()),
        Some("no unseen events")
    );
    assert_eq!(selected(&app), ids[2300]);
}

/// As the window slides (only the keys it reads are asked whether they
/// are unseen) and flips (none are), the unseen marks it holds are those
/// of the store for the events it holds, less the events selected since
/// (seen, written later).
#[test]
fn unseen_marks_follow_the_window_as_it_slides_and_flips() {
    let (store, ids) = store_unseen_at(|i| i % 7 == 0);
    let unseen: std::collections::HashSet<String> = ids.iter().step_by(7).cloned().collect();
    let mut app = app_with(store, 100, 30);
    let mut visited = std::collections::HashSet::new();
    let check = |app: &App, visited: &std::collections::HashSet<String>, after: &str| {
        let held: std::collections::HashSet<String> = app
            .index
            .iter()
            .map(|k| k.id.clone())
            .filter(|id| unseen.contains(id) && !visited.contains(id))
            .collect();
        let marked: std::collections::HashSet<String> = app
            .unseen
            .iter()
            .filter(|id| app.index.iter().any(|k| &k.id == *id))
            .cloned()
            .collect();
        assert_eq!(marked, held, "after {after}");
    };
    visited.insert(selected(&app));
    for keys in ["<PageDown>", "j", "s", "<PageUp>", "k", "s"] {
        for _ in 0..45 {
            press(&mut app, keys);
            visited.insert(selected(&app));
        }
        check(&app, &visited, keys);
    }
}

#[test]
fn month_headings_count_the_whole_month_at_the_window_ends() {
    let mut app = app_with(big_store(), 100, 30);
    let all = app
        .store()
        .event_keys(&EventFilter::default())
        .expect("keys");
    // each month's events in the whole timeline, and how many runs of
    // the timeline it makes (January is split by the year-only events)
    let mut months: std::collections::HashMap<(i32, Option<u32>), (usize, usize)> =
        Default::default();
    let mut prev = None;
    for k in &all {
        let g = (k.start.year, k.start.month);
        let e = months.entry(g).or_default();
        e.0 += 1;
        if prev != Some(g) {
            e.1 += 1;
        }
        prev = Some(g);
    }
    let mut checked = 0;
    for _ in 0..40 {
        press(&mut app, "<PageDown>");
        for item in &app.items {
            if let dateline::tui::app::Item::Heading { year, month, count } = *item {
                let (n, runs) = months[&(year, month)];
                if runs == 1 {
                    assert_eq!(count, n, "{year} {month:?}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 40, "{checked}");
}

/// The filters whose sets a window may test row by row (a big entity, an
/// early `since:`, a common word), alone and together.
fn walked_filters() -> Vec<EventFilter> {
    let since = |s: &str| s.parse().ok();
    vec![
        EventFilter {
            entities: vec!["Alibaba".into()],
            ..Default::default()
        },
        EventFilter {
            entities: vec!["Huawei".into(), "Micron".into()],
            kinds: vec![dateline::model::Kind::Ban, dateline::model::Kind::Lawsuit],
            ..Default::default()
        },
        // year-only events of 2020 run into June: they match though they
        // begin before it
        EventFilter {
            since: since("2020-06"),
            ..Default::default()
        },
        EventFilter {
            since: since("2024"),
            until: since("2025"),
            entities: vec!["Alibaba".into()],
            ..Default::default()
        },
        EventFilter {
            since: since("2012-03-15"),
            text: Some("huawei".into()),
            ..Default::default()
        },
        EventFilter {
            entities: vec!["Nobody Known".into()],
            ..Default::default()
        },
    ]
}

#[test]
fn row_by_row_and_set_windows_read_the_same_rows() {
    use dateline::store::views::Walk;
    let mut sets = big_store();
    sets.set_walk_at(usize::MAX);
    let mut rows = big_store();
    rows.set_walk_at(0);
    for f in walked_filters() {
        for newest_first in [false, true] {
            let f = EventFilter {
                newest_first,
                ..f.clone()
            };
            let all = sets.event_keys(&f).expect("keys");
            for (label, store) in [("sets", &sets), ("row by row", &rows)] {
                for walk in [Walk::Down, Walk::Up] {
                    let mut window = store
                        .event_keys_from(&f, false, None, walk, N)
                        .expect("window from an end");
                    if walk == Walk::Up {
                        window.reverse();
                    }
                    assert_eq!(window, all, "{label} {walk:?} {f:?}");
                    assert_eq!(
                        store.count_keys_from(&f, false, None, walk).expect("n"),
                        (all.len(), false),
                        "{label} {f:?}"
                    );
                }
                // from keys spread over the timeline, both ways
                for i in (0..all.len()).step_by(all.len() / 7 + 1) {
                    let k = &all[i];
                    let down = store
                        .event_keys_from(&f, false, Some(k), Walk::Down, 40)
                        .expect("down");
                    assert_eq!(down[..], all[i..(i + 40).min(all.len())], "{label} {f:?}");
                    let mut up = store
                        .event_keys_from(&f, false, Some(k), Walk::Up, 40)
                        .expect("up");
                    up.reverse();
                    assert_eq!(up[..], all[i.saturating_sub(40)..i], "{label} {f:?}");
                    assert_eq!(
                        store
                            .count_keys_from(&f, false, Some(k), Walk::Up)
                            .expect("n"),
                        (i, false),
                        "{label} {f:?}"
                    );
                }
                for (year, month) in [(2020, None), (2020, Some(6)), (2013, Some(1))] {
                    assert_eq!(
                        store.count_month(&f, false, year, month).expect("month"),
                        sets.count_month(&f, false, year, month).expect("month"),
                        "{label} {year} {month:?} {f:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_re_query_shows_the_same_window_either_way() {
    let queries = [
        "entity:alibaba",
        "since:2020-06",
        "since:2016 entity:huawei kind:ban",
        "since:2012 huawei",
    ];
    let mut screens = Vec::new();
    for walk_at in [usize::MAX, 0] {
        let mut store = big_store();
        store.set_walk_at(walk_at);
        let mut app = app_with(store, 100, 30);
        let mut shown = Vec::new();
        for _ in 0..900 {
            press(&mut app, "j");
        }
        for q in queries {
            // each re-query keeps the selection when it still matches
            app.query = q.to_string();
            app.reload_keep();
            shown.push((selected(&app), app.shown, app.base, screen(&app)));
            press(&mut app, "<PageDown>");
            shown.push((selected(&app), app.shown, app.base, screen(&app)));
        }
        screens.push(shown);
    }
    assert_eq!(screens[0], screens[1]);
}

#[test]
fn kept_matches_follow_a_change_of_the_timeline() {
    use dateline::store::views::Walk;
    let mut store = big_store();
    store.set_walk_at(0);
    let f = EventFilter {
        text: Some("huawei".into()),
        since: "2015".parse().ok(),
        ..Default::default()
    };
    let window = |s: &Store| {
        s.event_keys_from(&f, false, None, Walk::Down, N)
            .expect("keys")
    };
    assert_eq!(window(&store), store.event_keys(&f).expect("keys"));
    // the same events with each other's words, and a third fewer: the
    // kept matches and floor are read again
    let old = common::synthetic_events(N);
    let mut events = old.clone();
    for (i, e) in events.iter_mut().enumerate() {
        let other = &old[(i + 7) % N];
        e.title = other.title.clone();
        e.actors = other.actors.clone();
        e.targets = other.targets.clone();
        e.sources = other.sources.clone();
    }
    events.truncate(2 * N / 3);
    store
        .replace_events(&events, &common::entity_table())
        .expect("events");
    let now = store.event_keys(&f).expect("keys");
    assert!(!now.is_empty());
    assert_eq!(window(&store), now);
}

/// Waits for the background's counts of the window held.
fn settle(app: &mut App) {
    let mut waited = 0;
    while app.counting() && waited < 1000 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.update(dateline::tui::Msg::Tick);
        waited += 1;
    }
    assert!(!app.counting(), "the counts arrived");
}

/// On a database file the window is drawn at once and its counts (the
/// place, the filtered total, the whole total) come from the background,
/// so a re-query at a million events does not wait for them. Whether they
/// arrive before or after the window jumps or flips order, the place
/// shown must be right.
#[test]
fn counts_of_a_database_file_arrive_from_the_background() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("w.db")).expect("db");
    store
        .replace_events(&common::synthetic_events(N), &common::entity_table())
        .expect("events");
    let mut app = app_with(store, 100, 30);
    settle(&mut app);
    let all = all_ids(&app, false);
    assert_at(&app, &all, 0);
    // a query and at once a jump to its end
    press(&mut app, "/Alibaba<Enter>G");
    settle(&mut app);
    let matching = app.shown;
    assert!(matching > 0 && matching < N, "{matching} of {N}");
    assert!(app.base_exact);
    assert_eq!(app.base + app.sel, matching - 1, "the last match");
    assert!(screen(&app).contains(&format!("{matching}/{matching} of {N} events")));
    // back to every event and at once flipped
    press(
        &mut app,
        "/<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Enter>s",
    );
    settle(&mut app);
    let newest = all_ids(&app, true);
    assert_eq!(app.shown, N);
    assert!(app.base_exact);
    let at = app.base + app.sel;
    assert_eq!(
        newest[at],
        selected(&app),
        "the place counts in the new order"
    );
    // the month heading at the window's top counts its whole month, from
    // the background too
    assert_top_heading_whole(&app);
    // from the top, paged far enough that the window is read again
    // (its month headings counted in the background)
    press(&mut app, "g");
    for _ in 0..40 {
        press(&mut app, "<PageDown>");
    }
    settle(&mut app);
    assert!(!app.at_start, "the window was read again");
    assert_eq!(newest[app.base + app.sel], selected(&app));
    assert_top_heading_whole(&app);
}

/// The heading at the top of the window, when the window does not start
/// the timeline, counts its whole month.
fn assert_top_heading_whole(app: &App) {
    if app.at_start {
        return;
    }
    let (y, m) = (app.index[0].start.year, app.index[0].start.month);
    let whole = app
        .store()
        .count_month(&EventFilter::default(), false, y, m)
        .expect("count");
    match app.items.first() {
        Some(dateline::tui::app::Item::Heading { count, .. }) => assert_eq!(*count, whole),
        other => panic!("a heading first, not {other:?}"),
    }
}
