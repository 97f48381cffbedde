//! The real app driven by key presses, mouse events and background
//! reports, as a user would drive it, with snapshots at the main steps.

#[path = "tui_common/mod.rs"]
mod common;
use common::app::{app_with, press, screen};

use dateline::extract::Rules;
use dateline::store::{DecisionAction, Store};
use dateline::tui::{App, Effect, Msg, RefreshMsg, View};
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn selected_title(app: &App) -> String {
    app.row(app.sel)
        .map(|r| r.title.clone())
        .unwrap_or_default()
}

#[test]
fn search_alibaba_open_an_event_see_its_urls_go_back_and_quit() {
    let mut app = app_with(common::fixture_store(), 100, 30);
    press(&mut app, "/Alibaba<Enter>");
    insta::assert_snapshot!("after_search", screen(&app));
    assert_eq!(app.index.len(), 3);
    assert!((0..3)
        .filter_map(|i| app.row(i))
        .all(|r| r.title.contains("Alibaba")
            || r.actors.iter().chain(&r.targets).any(|n| n == "Alibaba")));
    press(&mut app, "G<Enter>");
    let shown = screen(&app);
    insta::assert_snapshot!("detail", shown);
    assert!(shown.contains("https://wire.example/2026/alibaba-sues"));
    assert!(shown.contains("https://cn.example/2026/alibaba-qisu"));
    press(&mut app, "<Esc>");
    assert!(app.detail.is_none());
    assert_eq!(app.index.len(), 3, "Esc from the detail keeps the search");
    press(&mut app, "<Esc>");
    assert_eq!(app.index.len(), 7, "a second Esc clears it");
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn typing_q_in_the_search_line_does_not_quit() {
    let mut app = app_with(common::fixture_store(), 80, 20);
    press(&mut app, "/qq<Backspace>");
    assert!(!app.quit);
    assert_eq!(app.query, "q");
    press(&mut app, "<Esc>");
    assert_eq!(app.query, "");
}

#[test]
fn related_events_are_one_enter_away_and_esc_walks_back() {
    let mut app = app_with(common::fixture_store(), 100, 30);
    press(&mut app, "G<Enter>");
    let lawsuit = app.detail.as_ref().map(|d| d.event.id.clone());
    // Two sources, then the related listing.
    press(&mut app, "jj<Enter>");
    let listing = app.detail.as_ref().map(|d| d.event.title.clone());
    assert_eq!(
        listing.as_deref(),
        Some("Pentagon names Alibaba, Baidu and BYD on the 1260H list")
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.detail.as_ref().map(|d| d.event.id.clone()), lawsuit);
    press(&mut app, "<Esc>");
    assert!(app.detail.is_none());
}

#[test]
fn enter_on_a_source_opens_the_reader_and_o_y_ask_for_its_url() {
    let mut app = app_with(common::fixture_store(), 90, 20);
    press(&mut app, "G<Enter>j<Enter>");
    assert_eq!(app.view, View::Reader);
    let r = app.reader.as_ref().expect("reader open");
    assert_eq!(r.url, "https://cn.example/2026/alibaba-qisu");
    assert!(r.text.contains("阿里巴巴6月24日起诉美国国防部"));
    press(&mut app, "oy");
    assert_eq!(
        app.effects,
        vec![
            Effect::OpenUrl("https://cn.example/2026/alibaba-qisu".into()),
            Effect::CopyUrl("https://cn.example/2026/alibaba-qisu".into())
        ]
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.view, View::Timeline);
    assert!(
        app.detail.is_some(),
        "back to the event the reader came from"
    );
}

#[test]
fn entities_enter_filters_the_timeline() {
    let mut app = app_with(common::fixture_store(), 90, 20);
    press(&mut app, "2");
    assert_eq!(app.view, View::Entities);
    assert_eq!(app.entities[0].name, "Alibaba");
    press(&mut app, "<Enter>");
    assert_eq!(app.view, View::Timeline);
    assert_eq!(app.query, "entity:\"Alibaba\"");
    assert_eq!(app.index.len(), 3);
    // The Chinese alias resolves to the same entity.
    press(&mut app, "/");
    for _ in 0.."entity:\"Alibaba\"".len() {
        press(&mut app, "<Backspace>");
    }
    press(&mut app, "entity:阿里巴巴<Enter>");
    assert_eq!(app.index.len(), 3);
}

#[test]
fn tab_and_numbers_switch_views() {
    let mut app = app_with(common::fixture_store(), 90, 20);
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, "<Tab>");
        seen.push(app.view);
    }
    assert_eq!(
        seen,
        vec![
            View::Entities,
            View::Feeds,
            View::Reader,
            View::Watch,
            View::Timeline
        ]
    );
    press(&mut app, "3");
    assert_eq!(app.view, View::Feeds);
    press(&mut app, "1");
    assert_eq!(app.view, View::Timeline);
}

#[test]
fn order_toggle_keeps_the_selected_event() {
    let mut app = app_with(common::fixture_store(), 100, 20);
    press(&mut app, "jj");
    let before = selected_title(&app);
    press(&mut app, "s");
    assert!(app.newest_first);
    assert_eq!(selected_title(&app), before);
    press(&mut app, "g");
    assert_eq!(
        selected_title(&app),
        "Alibaba sues the Department of Defense"
    );
}

#[test]
fn help_overlay_opens_and_any_key_closes_it() {
    let mut app = app_with(common::fixture_store(), 90, 36);
    press(&mut app, "?");
    assert!(app.help);
    press(&mut app, "j");
    assert!(!app.help);
    assert_eq!(app.sel, 0, "the closing key does nothing else");
}

#[test]
fn mouse_wheel_and_clicks_select_and_open() {
    let mut app = app_with(common::fixture_store(), 100, 12);
    let click = |app: &mut App, row: u16| {
        let ev = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 30,
            row,
            modifiers: KeyModifiers::NONE,
        };
        if let Some(m) = app.on_mouse(&ev) {
            app.update(m);
        }
    };
    // Body lines: May 2019 heading, Huawei, May 2023 heading, Micron; the
    // body starts below the tab bar, so Micron is on screen row 4.
    click(&mut app, 4);
    assert_eq!(app.sel, 1);
    click(&mut app, 4);
    assert!(app.detail.is_some(), "a second click opens");
    press(&mut app, "<Esc>");
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 0,
        row: 3,
        modifiers: KeyModifiers::NONE,
    };
    for _ in 0..3 {
        if let Some(m) = app.on_mouse(&wheel) {
            app.update(m);
        }
    }
    let h = app.body_height();
    assert!(app.offset > 0);
    let p = app.row_pos[app.sel];
    assert!(
        p >= app.offset && p < app.offset + h,
        "selection stays on screen"
    );
    // Clicking the tab bar switches views.
    click_at(&mut app, 16, 0);
    assert_eq!(app.view, View::Entities);
}

fn click_at(app: &mut App, column: u16, row: u16) {
    let ev = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    if let Some(m) = app.on_mouse(&ev) {
        app.update(m);
    }
}

#[test]
fn resizing_down_to_tiny_never_panics_and_keeps_the_selection_visible() {
    let mut app = app_with(common::fixture_store(), 120, 40);
    press(&mut app, "G");
    for (w, h) in [
        (60, 20),
        (40, 10),
        (10, 3),
        (1, 1),
        (0, 0),
        (200, 60),
        (60, 20),
    ] {
        app.update(Msg::Resize {
            width: w,
            height: h,
        });
        for keys in ["", "<Enter>", "?", "?", "<Esc>", "2", "3", "4", "1"] {
            press(&mut app, keys);
            let _ = screen(&app);
        }
    }
    let p = app.row_pos[app.sel];
    assert!(p >= app.offset && p < app.offset + app.body_height());
}

#[test]
fn control_characters_from_feeds_are_never_drawn() {
    let mut store = common::fixture_store();
    let mut events = common::synthetic_events(3);
    events[0].title = "Evil \u{1b}[2J\u{1b}]0;pwned\u{7} title\r\n".into();
    events[0].sources[0].evidence = "line\u{1b}[31m red \u{8}\u{8}".into();
    store
        .replace_events(&events, &common::entity_table())
        .expect("stored");
    let mut app = app_with(store, 100, 20);
    let s = screen(&app);
    press(&mut app, "<Enter>");
    let d = screen(&app);
    for text in [s, d] {
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the screen"
        );
        assert!(!text.contains("pwned\u{7}"));
    }
}

#[test]
fn background_refresh_reports_progress_and_new_events_keep_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path).expect("db");
        common::fill(&mut s);
    }
    let runs = Arc::new(AtomicUsize::new(0));
    let runs_in = Arc::clone(&runs);
    let db = path.clone();
    let refresher: dateline::tui::Refresher = Box::new(move |tx, _mode| {
        let n = runs_in.fetch_add(1, Ordering::SeqCst);
        let _ = tx.send(RefreshMsg::Started { total: 2 });
        // The refresher writes through its own connection.
        let mut store = Store::open(&db).expect("refresher's connection");
        let mut events = store.events(&Default::default()).expect("events");
        let mut extra = common::synthetic_events(2 + n);
        for (i, e) in extra.iter_mut().enumerate() {
            e.id = format!("new{n}-{i}");
            e.span = dateline::model::DateSpan::at(common::day("2001-01-01"));
        }
        events.extend(extra);
        store
            .replace_events(&events, &common::entity_table())
            .expect("write");
        let _ = tx.send(RefreshMsg::Feed {
            url: "https://a.example/rss".into(),
            title: Some("A".into()),
            error: None,
            new_articles: 2,
        });
        let _ = tx.send(RefreshMsg::Feed {
            url: "https://b.example/rss".into(),
            title: None,
            error: Some("connection refused".into()),
            new_articles: 0,
        });
        std::thread::sleep(std::time::Duration::from_millis(50));
        let _ = tx.send(RefreshMsg::Finished {
            new_articles: 2,
            new_events: 2,
            failed: 1,
        });
    });
    let store = Store::open(&path).expect("ui connection");
    let mut app = app_with(store, 130, 12).with_refresher(refresher);
    press(&mut app, "jjj");
    let before = selected_title(&app);
    let screen_line = app.row_pos[app.sel] - app.offset;
    press(&mut app, "r");
    assert!(app.progress.running);
    press(&mut app, "r");
    assert!(app.progress.pending, "a second request waits");
    press(&mut app, "r");
    app.wait_background();
    app.wait_background();
    assert_eq!(
        runs.load(Ordering::SeqCst),
        2,
        "one run, one remembered run"
    );
    assert!(!app.progress.running && !app.progress.pending);
    assert_eq!(app.index.len(), 7 + 2 + 3, "new events appear");
    assert_eq!(selected_title(&app), before, "the selection is kept");
    assert_eq!(
        app.row_pos[app.sel] - app.offset,
        screen_line,
        "and its place"
    );
    let shown = screen(&app);
    assert!(shown.contains("refreshed: 2 new articles, 2 new events, 1 feed failed"));
    assert!(shown.contains("b.example/rss: connection refused"));
    insta::assert_snapshot!("after_refresh", shown);
}

#[test]
fn without_a_refresher_r_explains_why() {
    let mut app = app_with(common::fixture_store(), 100, 10);
    press(&mut app, "r");
    let (msg, err) = app.flash.clone().expect("a message");
    assert!(err && msg.starts_with("refresh is off"), "{msg}");
}

#[test]
fn confirm_reject_and_note_are_recorded_and_the_selection_stays() {
    // Curation rebuilds the timeline from mentions, so this store gets its
    // events through the pipeline.
    let mut store = Store::open_in_memory().expect("db");
    let rules = Rules::builtin();
    common::fill(&mut store);
    dateline::pipeline::rebuild(&mut store, &rules).expect("rebuild");
    let mut app = app_with(store, 100, 20);
    assert!(app.index.len() >= 5);
    press(&mut app, "jj");
    let id = app.index[app.sel].id.clone();
    press(&mut app, "c");
    assert_eq!(app.index[app.sel].id, id, "same event after the rebuild");
    press(&mut app, "achecked by phone<Enter>");
    press(&mut app, "x");
    let decisions = app_decisions(&app);
    assert_eq!(
        decisions,
        vec![
            (DecisionAction::Confirm, id.clone(), None),
            (
                DecisionAction::Note,
                id.clone(),
                Some("checked by phone".into())
            ),
            (DecisionAction::Reject, id.clone(), None),
        ]
    );
    let (msg, err) = app.flash.clone().expect("flash");
    assert!(!err && msg.starts_with("rejected"), "{msg}");
}

fn app_decisions(app: &App) -> Vec<(DecisionAction, String, Option<String>)> {
    app.store()
        .decisions()
        .expect("decisions")
        .into_iter()
        .map(|d| (d.action, d.event_id, d.arg))
        .collect()
}

#[test]
fn large_timelines_search_when_typing_pauses() {
    let mut app = app_with(common::fixture_store(), 100, 20);
    app.large_timeline = 0;
    press(&mut app, "/kind:war Alibaba");
    assert_eq!(app.index.len(), 7, "keys draw at once; the query waits");
    assert!(app
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("unknown kind")));
    assert!(app.wants_tick_soon());
    std::thread::sleep(dateline::tui::app::SEARCH_PAUSE);
    app.update(Msg::Tick);
    assert_eq!(app.index.len(), 3);
    assert!(!app.wants_tick_soon());
    press(&mut app, "<Backspace><Enter>");
    assert_eq!(app.query, "kind:war Alibab");
    assert_eq!(app.index.len(), 3, "the last word matches as a prefix");
    press(
        &mut app,
        "/<Backspace><Backspace><Backspace><Backspace>x<Enter>",
    );
    assert_eq!(app.query, "kind:war Alx");
    assert_eq!(app.index.len(), 0, "Enter applies a waiting query at once");
}

#[test]
fn entity_counts_of_a_database_file_arrive_from_the_background() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("e.db");
    let mut store = Store::open(&path).expect("db");
    common::fill(&mut store);
    let mut app = app_with(store, 90, 16);
    press(&mut app, "2");
    let mut waited = 0;
    while app.entities_loading() && waited < 500 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.update(Msg::Tick);
        waited += 1;
    }
    assert!(!app.entities_loading());
    assert_eq!(app.entities[0].name, "Alibaba");
    assert_eq!(app.entities[0].events, 3);
}

#[test]
fn a_search_that_drops_the_selected_event_stays_near_its_date() {
    let mut app = app_with(common::fixture_store(), 100, 20);
    // Select the May 2023 Micron ban, then search for what does not name it.
    press(&mut app, "j");
    assert!(selected_title(&app).contains("Micron"));
    press(&mut app, "/Alibaba<Enter>");
    // The first Alibaba event after May 2023.
    assert_eq!(app.sel, 0);
    press(&mut app, "<Esc>");
    assert!(
        selected_title(&app).contains("fake accounts"),
        "{}",
        selected_title(&app)
    );
    press(&mut app, "G/Huawei<Enter>");
    assert_eq!(
        selected_title(&app),
        "Commerce adds Huawei to the Entity List"
    );
}

#[test]
fn detail_knows_every_alias_of_its_names_for_highlighting() {
    let mut app = app_with(common::fixture_store(), 100, 30);
    press(&mut app, "G<Enter>");
    let d = app.detail.as_ref().expect("detail open");
    for name in ["Alibaba", "阿里巴巴", "美国国防部", "pentagon"] {
        assert!(d.names.iter().any(|n| n == name), "{name} in {:?}", d.names);
    }
    assert_eq!(
        d.names
            .iter()
            .filter(|n| n.eq_ignore_ascii_case("alibaba"))
            .count(),
        1
    );
}

#[test]
fn arrows_move_the_list_while_typing_a_search() {
    let mut app = app_with(common::fixture_store(), 100, 20);
    press(&mut app, "/Alibaba<Down>");
    assert_eq!(app.query, "Alibaba");
    assert_eq!(app.sel, 1);
    press(&mut app, "<Enter><Enter>");
    assert_eq!(
        app.detail.as_ref().map(|d| d.event.title.as_str()),
        Some("Pentagon names Alibaba, Baidu and BYD on the 1260H list")
    );
}

#[test]
fn the_reader_does_not_scroll_past_its_text() {
    let mut app = app_with(common::fixture_store(), 90, 20);
    press(&mut app, "G<Enter><Enter>");
    assert_eq!(app.view, View::Reader);
    for _ in 0..50 {
        press(&mut app, "<PageDown>");
    }
    let scroll = app.reader.as_ref().map(|r| r.scroll).unwrap_or(u16::MAX);
    assert!(scroll < 20, "scrolled to {scroll}");
}

#[test]
fn clicking_a_source_in_the_detail_selects_it_and_a_second_click_reads_it() {
    let mut app = app_with(common::fixture_store(), 100, 30);
    press(&mut app, "G<Enter>");
    let shown = screen(&app);
    let row = shown
        .lines()
        .position(|l| l.contains("cn.example/2026/alibaba-qisu"))
        .expect("the second source's url is on screen") as u16;
    click_at(&mut app, 20, row);
    assert_eq!(app.detail.as_ref().map(|d| d.cursor), Some(1));
    click_at(&mut app, 20, row);
    assert_eq!(app.view, View::Reader);
    assert_eq!(
        app.reader.as_ref().map(|r| r.url.as_str()),
        Some("https://cn.example/2026/alibaba-qisu")
    );
}

#[test]
fn capital_e_exports_the_filtered_view_and_shows_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_with(common::fixture_store(), 110, 30).with_export_dir(dir.path());
    press(&mut app, "/kind:ban<Enter>");
    let shown = app.index.len();
    assert!(shown > 0 && (shown as i64) < app.total_events, "{shown}");
    press(&mut app, "E");
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let html = std::fs::read_to_string(&files[0]).expect("read");
    assert_eq!(html.matches("<article class=\"event").count(), shown);
    assert_eq!(
        html.matches("<article class=\"event k-ban\"").count(),
        shown
    );
    let (msg, error) = app.flash.clone().expect("a status message");
    assert!(!error, "{msg}");
    assert!(
        msg.contains(&files[0].display().to_string()),
        "the path is shown: {msg}"
    );
    assert!(screen(&app).contains("exported "));
}

#[test]
fn capital_e_into_a_missing_folder_says_where_it_failed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gone = dir.path().join("gone");
    let mut app = app_with(common::fixture_store(), 110, 30).with_export_dir(&gone);
    press(&mut app, "E");
    let (msg, error) = app.flash.clone().expect("a status message");
    assert!(
        error && msg.contains("gone") && msg.contains("cannot create"),
        "{msg}"
    );
}

#[test]
fn help_overlay_scrolls_with_the_arrows_when_it_is_taller_than_the_screen() {
    let mut app = app_with(common::fixture_store(), 60, 12);
    press(&mut app, "?");
    let top = screen(&app);
    assert!(top.contains("↑↓ scroll"), "{top}");
    press(&mut app, "<Down><Down><Down>");
    assert!(app.help, "the arrows keep the help open");
    let lower = screen(&app);
    assert_ne!(top, lower, "the help scrolled");
    press(&mut app, "x");
    assert!(!app.help);
}
