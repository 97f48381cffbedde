//! Snapshots of every view, drawn by the real app into ratatui's
//! TestBackend from the fixture timeline.

#[path = "tui_common/mod.rs"]
mod common;

use dateline::extract::Rules;
use dateline::store::FeedState;
use dateline::tui::keys::{Action, Keymap};
use dateline::tui::theme::Theme;
use dateline::tui::{views, App, Msg, RefreshMsg};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn app_sized(w: u16, h: u16) -> App {
    let mut app = App::new(
        common::fixture_store(),
        Rules::builtin(),
        Keymap::default(),
        Theme::plain(),
    );
    app.update(Msg::Resize {
        width: w,
        height: h,
    });
    app.reload_keep();
    app
}

fn screen(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    t.draw(|f| views::draw(app, f)).expect("draw");
    t
}

fn act(app: &mut App, a: Action) {
    app.update(Msg::Act(a));
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Msg::Edit(dateline::tui::app::Edit::Insert(c)));
    }
}

#[test]
fn timeline_oldest_first() {
    let app = app_sized(110, 20);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn timeline_newest_first() {
    let mut app = app_sized(110, 20);
    act(&mut app, Action::ToggleOrder);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn timeline_at_the_smallest_supported_size() {
    let mut app = app_sized(60, 20);
    act(&mut app, Action::Bottom);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn detail_of_an_event_with_two_sources_and_a_related_event() {
    let mut app = app_sized(100, 34);
    // Oldest first: Huawei, Micron, two accusations, the June ban, the listing.
    for _ in 0..5 {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Open);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn detail_shows_a_date_conflict() {
    let mut app = app_sized(90, 24);
    app.update(Msg::Act(Action::Search));
    type_text(&mut app, "fake accounts");
    app.update(Msg::Edit(dateline::tui::app::Edit::Submit));
    act(&mut app, Action::Open);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn search_narrows_as_you_type() {
    let mut app = app_sized(100, 14);
    act(&mut app, Action::Search);
    type_text(&mut app, "Alibaba");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn search_in_chinese_with_filters() {
    let mut app = app_sized(100, 12);
    act(&mut app, Action::Search);
    type_text(&mut app, "阿里巴巴 lang:zh kind:lawsuit");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn malformed_query_shows_a_hint() {
    let mut app = app_sized(100, 12);
    act(&mut app, Action::Search);
    type_text(&mut app, "kind:war since:2026-13");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn entities_view() {
    let mut app = app_sized(90, 16);
    act(&mut app, Action::Entities);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn feeds_view_with_a_failing_feed() {
    let mut store = common::fixture_store();
    store
        .save_feed_state(&FeedState {
            url: "https://wire.example/rss".into(),
            title: Some("Example Wire".into()),
            last_fetch_at: Some("2026-07-09T02:00:00Z".into()),
            last_success_at: Some("2026-07-09T02:00:00Z".into()),
            articles_seen: 42,
            ..Default::default()
        })
        .expect("feed saved");
    store
        .save_feed_state(&FeedState {
            url: "https://broken.example/feed.xml".into(),
            last_fetch_at: Some("2026-07-09T02:00:01Z".into()),
            last_error: Some("HTTP 503 from broken.example".into()),
            consecutive_failures: 3,
            ..Default::default()
        })
        .expect("feed saved");
    let mut app =
        App::new(store, Rules::builtin(), Keymap::default(), Theme::plain()).with_feeds(vec![
            dateline::config::FeedConfig {
                url: "https://new.example/atom.xml".into(),
                title: Some("Never Fetched".into()),
                ..Default::default()
            },
        ]);
    app.update(Msg::Resize {
        width: 100,
        height: 14,
    });
    app.reload_keep();
    app.update(Msg::Refresh(RefreshMsg::Started { total: 2 }));
    app.update(Msg::Refresh(RefreshMsg::Feed {
        url: "https://broken.example/feed.xml".into(),
        title: None,
        error: Some("HTTP 503".into()),
        new_articles: 0,
    }));
    act(&mut app, Action::Feeds);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn reader_of_a_source() {
    let mut app = app_sized(90, 18);
    act(&mut app, Action::Bottom);
    // Newest kept event is the July ban; go to the lawsuit (two up).
    act(&mut app, Action::Up);
    act(&mut app, Action::Open);
    act(&mut app, Action::Open);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn empty_reader_explains_itself() {
    let mut app = app_sized(80, 8);
    act(&mut app, Action::Reader);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn help_overlay_lists_every_key() {
    let mut app = app_sized(90, 36);
    act(&mut app, Action::Help);
    let t = screen(&app);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn empty_timeline_says_what_to_do() {
    let store = dateline::store::Store::open_in_memory().expect("store");
    let mut app = App::new(store, Rules::builtin(), Keymap::default(), Theme::plain());
    app.update(Msg::Resize {
        width: 80,
        height: 10,
    });
    app.reload_keep();
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn plain_theme_draws_no_colour() {
    let mut app = app_sized(110, 20);
    act(&mut app, Action::Open);
    let t = screen(&app);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn articles_without_events_say_so() {
    let mut store = dateline::store::Store::open_in_memory().expect("store");
    let articles = dateline::tui::demo::articles().expect("demo corpus");
    dateline::pipeline::ingest(&mut store, &Rules::builtin(), &articles).expect("ingest");
    let mut app = App::new(store, Rules::builtin(), Keymap::default(), Theme::plain());
    app.update(Msg::Resize {
        width: 90,
        height: 8,
    });
    app.reload_keep();
    if app.index.is_empty() {
        let t = screen(&app);
        let text = t.backend().to_string();
        assert!(
            text.contains(&format!("{} articles are stored", articles.len())),
            "{text}"
        );
    } else {
        // Once the extractor finds events, the demo shows them.
        assert!(app.row(app.sel).is_some());
    }
}

#[test]
fn help_overlay_fits_the_smallest_size_in_two_columns() {
    let mut app = app_sized(60, 20);
    act(&mut app, Action::Help);
    let first = screen(&app).backend().to_string();
    // Every action shows, uncut, on one of the overlay's scrolled pages at
    // 60×20; the arrows scroll it and the title says so.
    let mut seen = first.clone();
    for _ in 0..Action::ALL.len() {
        act(&mut app, Action::Down);
        seen.push_str(&screen(&app).backend().to_string());
    }
    for a in Action::ALL {
        assert!(
            seen.contains(a.describe()),
            "{} missing:\n{seen}",
            a.describe()
        );
    }
    assert!(!seen.contains('…'), "something is cut:\n{seen}");
    assert!(first.contains("↑↓ scroll"), "{first}");
    assert!(seen.contains("Mouse: wheel scrolls"), "{seen}");
    insta::assert_snapshot!(first);
}

#[test]
fn detail_wraps_long_sentences_at_the_smallest_size() {
    let mut app = app_sized(60, 20);
    act(&mut app, Action::Bottom);
    act(&mut app, Action::Open);
    act(&mut app, Action::Down);
    insta::assert_snapshot!(screen(&app).backend());
}
