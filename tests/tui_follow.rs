//! The real app following the news: unseen marks and `n`/`N`, what counts
//! as seen, `w` saving a search as a watchlist, the Watch view, the
//! interval refresh, and the Feeds view's titles, states, CJK columns and
//! Enter. Snapshots of the marks, the Watch view and the Feeds view.

#[path = "tui_common/mod.rs"]
mod common;
use common::app::{app_with, press, screen};

use dateline::config::FeedConfig;
use dateline::extract::Rules;
use dateline::refresh::Mode;
use dateline::store::{FeedState, Store};
use dateline::tui::{App, Msg, RefreshMsg, View};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn selected_id(app: &App) -> String {
    app.index
        .get(app.sel)
        .map(|k| k.id.clone())
        .unwrap_or_default()
}

/// The fixture with the events at these positions of the timeline unseen.
fn with_unseen(positions: &[usize]) -> (Store, Vec<String>) {
    let mut store = common::fixture_store();
    let keys = store.event_keys(&Default::default()).expect("keys");
    let ids: Vec<String> = positions.iter().map(|&i| keys[i].id.clone()).collect();
    store.mark_unseen(&ids).expect("marked unseen");
    (store, ids)
}

#[test]
fn unseen_events_are_marked_and_n_and_shift_n_jump_between_them() {
    let (store, ids) = with_unseen(&[2, 5]);
    let mut app = app_with(store, 100, 20);
    assert_eq!(app.unseen.len(), 2);
    let shown = screen(&app);
    insta::assert_snapshot!("unseen_marks", shown);
    // the dot marks an unseen automatic event; the unseen hand-made one
    // keeps its ✎ (both get a bold headline)
    assert_eq!(shown.matches('•').count(), 1, "{shown}");
    assert!(shown.contains("✎ Jun – Jul 2026"));
    assert!(shown.contains("2 unseen · "), "the status line counts them");

    press(&mut app, "n");
    assert_eq!(selected_id(&app), ids[0]);
    assert!(!app.unseen.contains(&ids[0]), "shown selected: seen");
    press(&mut app, "n");
    assert_eq!(selected_id(&app), ids[1]);
    assert!(app.unseen.is_empty());
    press(&mut app, "n");
    assert_eq!(selected_id(&app), ids[1], "nothing left: it stays");
    assert_eq!(
        app.flash.as_ref().map(|f| f.0.as_str()),
        Some("no unseen events")
    );
    // the marks reach the store on the next tick
    app.update(Msg::Tick);
    assert!(app.store().unseen_ids().expect("q").is_empty());
}

#[test]
fn shift_n_goes_up_and_wraps_around() {
    let (store, ids) = with_unseen(&[1, 4]);
    let mut app = app_with(store, 100, 20);
    press(&mut app, "G");
    press(&mut app, "N");
    assert_eq!(selected_id(&app), ids[1]);
    press(&mut app, "g");
    // from the top, going up wraps to the bottom and finds the other one
    press(&mut app, "N");
    assert_eq!(
        selected_id(&app),
        ids[0],
        "index 1 is the only unseen one left"
    );
    assert!(app
        .flash
        .as_ref()
        .is_some_and(|f| f.0.contains("went on from the bottom")));
}

#[test]
fn seen_means_shown_selected_or_opened_not_scrolled_past() {
    let (store, ids) = with_unseen(&[3]);
    let mut app = app_with(store, 100, 20);
    // on screen but never selected: still unseen
    assert!(screen(&app).contains('•'));
    app.update(Msg::Tick);
    assert_eq!(app.store().unseen_ids().expect("q").len(), 1);
    // the mouse wheel scrolls without selecting it
    app.update(Msg::Scroll(1));
    assert!(app.unseen.contains(&ids[0]));
    // opening an event by id (a related event) counts
    app.open_event(&ids[0]);
    // noted at the end of the next message, written at the tick after
    app.update(Msg::Tick);
    app.update(Msg::Tick);
    assert!(app.unseen.is_empty());
    assert!(app.store().unseen_ids().expect("q").is_empty());
    assert!(app
        .store()
        .event_marks(&ids[0])
        .expect("q")
        .and_then(|m| m.1)
        .is_some());
}

#[test]
fn the_note_key_is_now_a() {
    let mut app = app_with(common::fixture_store(), 100, 20);
    press(&mut app, "a");
    assert_eq!(app.mode, dateline::tui::app::Mode::Note);
}

#[test]
fn w_saves_the_search_as_a_watchlist_shown_in_the_watch_view() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("watch.toml");
    let (store, _) = with_unseen(&[0, 1, 2, 3, 4, 5, 6]);
    let mut app = app_with(store, 90, 16).with_watchlists(path.clone(), vec![]);

    press(&mut app, "w");
    assert!(app
        .flash
        .as_ref()
        .is_some_and(|f| f.1 && f.0.starts_with("search with / first")));

    press(&mut app, "/kind:lawsuit,listing<Enter>w");
    assert_eq!(app.mode, dateline::tui::app::Mode::WatchName);
    assert!(screen(&app).contains("watchlist name: "));
    press(&mut app, "suits and lists<Enter>");
    let saved = dateline::watch::load(&path).expect("valid watch.toml");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "suits and lists");
    assert_eq!(saved[0].query, "kind:lawsuit,listing");
    assert!(app
        .flash
        .as_ref()
        .is_some_and(|f| f.0.starts_with("saved watchlist 'suits and lists': ")));

    press(&mut app, "<Esc>/entity:华为<Enter>whuawei<Enter><Esc>5");
    assert_eq!(app.view, View::Watch);
    assert_eq!(app.watchlists.len(), 2);
    let shown = screen(&app);
    insta::assert_snapshot!("watch_view", shown);
    assert!(shown.contains("suits and lists") && shown.contains("huawei"));

    // Enter applies the query; the count was of unseen events matching it
    let want = app.watch_counts[0];
    press(&mut app, "g<Enter>");
    assert_eq!(app.view, View::Timeline);
    assert_eq!(app.query, "kind:lawsuit,listing");
    assert!(app.index.len() >= want && want > 0);

    press(&mut app, "5<Down>D");
    assert_eq!(app.watchlists.len(), 1);
    let left = dateline::watch::load(&path).expect("valid");
    assert_eq!(left[0].name, "suits and lists");
}

#[test]
fn the_empty_watch_view_says_how_to_make_one() {
    // nothing is written here, so the path need not exist
    let mut app = app_with(common::fixture_store(), 80, 12).with_watchlists(
        std::path::PathBuf::from("/home/analyst/.config/dateline/watch.toml"),
        vec![],
    );
    press(&mut app, "5");
    let shown = screen(&app);
    insta::assert_snapshot!("watch_view_empty", shown);
    assert!(shown.contains("No watchlists yet"));
}

#[test]
fn the_interval_refresh_asks_due_feeds_and_r_asks_every_feed() {
    let modes: Arc<Mutex<Vec<Mode>>> = Arc::default();
    let seen = modes.clone();
    let refresher: dateline::tui::Refresher = Box::new(move |tx, mode| {
        seen.lock().expect("lock").push(mode);
        let _ = tx.send(RefreshMsg::Started { total: 2 });
        let _ = tx.send(RefreshMsg::Skipped {
            url: "https://a.example/rss".into(),
            title: Some("A".into()),
            due: Some("2026-07-01T12:05:00+00:00".into()),
            backing_off: false,
        });
        let _ = tx.send(RefreshMsg::Feed {
            url: "https://b.example/rss".into(),
            title: Some("B".into()),
            error: None,
            new_articles: 0,
        });
        let _ = tx.send(RefreshMsg::Finished {
            new_articles: 0,
            new_events: 0,
            failed: 0,
        });
    });
    let mut app = app_with(common::fixture_store(), 100, 20)
        .with_refresher(refresher)
        .with_refresh_every(Some(Duration::from_secs(15 * 60)));
    app.update(Msg::Tick);
    app.wait_background();
    assert!(
        modes.lock().expect("lock").is_empty(),
        "the clock starts with the app"
    );
    app.set_last_refresh_ago(Duration::from_secs(16 * 60));
    app.update(Msg::Tick);
    app.wait_background();
    assert_eq!(*modes.lock().expect("lock"), vec![Mode::Due]);
    let status = app.progress.summary.clone().unwrap_or_default();
    assert!(
        status.starts_with(
            "refreshed 1 of 2 feeds: 0 new articles, 0 new events; 1 skipped, next due "
        ),
        "{status}"
    );
    app.update(Msg::Tick);
    assert_eq!(
        modes.lock().expect("lock").len(),
        1,
        "not again before the interval"
    );
    press(&mut app, "r");
    app.wait_background();
    assert_eq!(
        *modes.lock().expect("lock"),
        vec![Mode::Due, Mode::Explicit]
    );
}

fn feed_store() -> Store {
    let mut store = Store::open_in_memory().expect("db");
    let rules = Rules::builtin();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for (file, feed) in [
        ("wire.rss", "https://feeds.example/wire.rss"),
        ("zh.rss", "https://feeds.example/zh.rss"),
    ] {
        let dateline::sources::import::Input::Feed(parsed) =
            dateline::sources::import::read_path(&dir.join(file)).expect("fixture")
        else {
            panic!("{file} is a feed");
        };
        let articles: Vec<_> = parsed
            .items
            .into_iter()
            .map(|i| {
                let mut a = i.article;
                a.feed_url = Some(feed.to_string());
                a
            })
            .collect();
        dateline::pipeline::ingest(&mut store, &rules, &articles).expect("ingested");
    }
    let ok = |url: &str, title: &str| FeedState {
        url: url.into(),
        title: Some(title.into()),
        last_fetch_at: Some("2026-07-01T12:00:00+00:00".into()),
        last_success_at: Some("2026-07-01T12:00:00+00:00".into()),
        articles_seen: 2,
        ..Default::default()
    };
    store
        .save_feed_state(&ok("https://feeds.example/wire.rss", "Federal Register"))
        .expect("saved");
    store
        .save_feed_state(&FeedState {
            last_error: Some("1 article pages could not be read; their teasers were kept".into()),
            ..ok("https://feeds.example/zh.rss", "测试科技报 每日新闻")
        })
        .expect("saved");
    store
        .save_feed_state(&FeedState {
            url: "https://feeds.example/down.rss".into(),
            title: Some("Federal Register".into()),
            consecutive_failures: 3,
            last_error: Some("HTTP 503 Service Unavailable".into()),
            last_fetch_at: Some("2026-07-01T12:00:00+00:00".into()),
            ..Default::default()
        })
        .expect("saved");
    store
}

#[test]
fn feeds_view_uses_titles_from_feeds_toml_and_honest_states() {
    let configured = vec![
        FeedConfig {
            url: "https://feeds.example/wire.rss".into(),
            title: Some("Federal Register: BIS".into()),
            ..Default::default()
        },
        FeedConfig {
            url: "https://feeds.example/down.rss".into(),
            title: Some("Federal Register: OFAC".into()),
            ..Default::default()
        },
        FeedConfig {
            url: "https://feeds.example/zh.rss".into(),
            ..Default::default()
        },
    ];
    let mut app = app_with(feed_store(), 100, 14).with_feeds(configured);
    press(&mut app, "3");
    let shown = screen(&app);
    insta::assert_snapshot!("feeds_view", shown);
    assert!(shown.contains("Federal Register: BIS") && shown.contains("Federal Register: OFAC"));
    assert!(!shown.contains("×0"), "a working feed is not failing");
    assert!(shown.contains("✗ failing ×3"));
    // the columns line up whatever the script of the title
    let cols: Vec<usize> = shown
        .lines()
        .filter(|l| l.contains("articles  last fetch"))
        .map(|l| {
            let at = l.find("articles  last fetch").unwrap_or(0);
            unicode_width::UnicodeWidthStr::width(&l[..at])
        })
        .collect();
    assert_eq!(cols.len(), 3, "{shown}");
    assert!(cols.iter().all(|c| *c == cols[0]), "{cols:?}\n{shown}");
}

#[test]
fn enter_on_a_feed_shows_the_events_of_that_feed_not_of_its_host() {
    let mut app = app_with(feed_store(), 100, 20);
    let all = app.index.len();
    press(&mut app, "3");
    let zh = app
        .feeds
        .iter()
        .position(|f| f.url == "https://feeds.example/zh.rss")
        .expect("listed");
    app.feed_sel = zh;
    press(&mut app, "<Enter>");
    assert_eq!(app.view, View::Timeline);
    assert_eq!(app.query, "feed:\"https://feeds.example/zh.rss\"");
    assert!(
        !app.index.is_empty() && app.index.len() < all,
        "{} of {all}",
        app.index.len()
    );
    for k in &app.index {
        let e = app.store().event(&k.id).expect("event");
        assert!(
            e.sources.iter().any(|s| s.url.contains("ceshi.example")),
            "{} has no source from the zh feed",
            e.title
        );
    }
}
