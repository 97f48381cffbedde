//! The TUI's speed budgets, on a generated timeline of 1,000,000 events in
//! a database file: the first frame (open the store, read the timeline,
//! draw) under 200 ms, and a key press to its new frame under 16 ms. Frames
//! are drawn into ratatui's TestBackend. Run with `cargo bench --bench tui`
//! (`-- N` for another number of events). The database is generated once
//! into `bench-data/tui-N.db` (not committed; `--fresh` rebuilds it).

#[path = "../tests/tui_common/mod.rs"]
mod common;

use dateline::extract::{Rules, SharedRules};
use dateline::store::Store;
use dateline::tui::app::{Edit, SEARCH_PAUSE};
use dateline::tui::keys::Keymap;
use dateline::tui::theme::Theme;
use dateline::tui::{views, App, Msg};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::time::{Duration, Instant};

const W: u16 = 120;
const H: u16 = 40;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn stats(name: &str, mut v: Vec<Duration>, budget_ms: f64) -> bool {
    v.sort();
    let pct = |p: f64| v[((v.len() - 1) as f64 * p) as usize];
    let max = *v.last().unwrap_or(&Duration::ZERO);
    let ok = ms(max) < budget_ms;
    println!(
        "{name:<34} n={:<5} p50 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms  budget {budget_ms} ms  {}",
        v.len(),
        ms(pct(0.5)),
        ms(pct(0.99)),
        ms(max),
        if ok { "ok" } else { "OVER" }
    );
    ok
}

fn key(app: &mut App, term: &mut Terminal<TestBackend>, code: KeyCode) -> Duration {
    let t = Instant::now();
    if let Some(m) = app.on_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(m);
    }
    term.draw(|f| views::draw(app, f)).expect("draw");
    t.elapsed()
}

/// CPU time this thread has run (Linux `schedstat`, nanoseconds): on a
/// machine shared with other work, the UI thread's own cost.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        s.split_whitespace().next()?.parse().ok()?,
    ))
}

/// Folds in background reports until the window's counts are in.
fn settle(app: &mut App) {
    while app.counting() {
        std::thread::sleep(Duration::from_micros(200));
        app.update(Msg::Tick);
    }
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data folder");
    let path = dir.join(format!("tui-{n}.db"));
    if std::env::args().any(|a| a == "--fresh") {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
    }
    if !path.exists() {
        let t = Instant::now();
        let mut store = Store::open(&path).expect("db");
        store
            .replace_events(&common::synthetic_events(n), &common::entity_table())
            .expect("events");
        println!(
            "generated {n} events in {:.0} ms (setup, not budgeted)",
            ms(t.elapsed())
        );
    }

    // First frame: open, read, draw. Several cold starts. As `dateline`
    // does without a user rules file, the built-in rules compile on another
    // thread beside the first frame; the frame does not wait for them.
    let mut firsts = Vec::new();
    let (mut rules_t, mut opens, mut reads) = (Vec::new(), Vec::new(), Vec::new());
    let (mut counted, mut read_cpu) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let rules = SharedRules::builtin_later();
        rules.warm_up();
        let store = Store::open(&path).expect("db");
        let mut app = App::new(store, rules.clone(), Keymap::default(), Theme::from_env());
        app.update(Msg::Resize {
            width: W,
            height: H,
        });
        opens.push(t.elapsed());
        let r = Instant::now();
        let c = thread_cpu();
        app.reload_keep();
        reads.push(r.elapsed());
        if let Some((a, b)) = c.zip(thread_cpu()) {
            read_cpu.push(b - a);
        }
        let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");
        term.draw(|f| views::draw(&app, f)).expect("draw");
        firsts.push(t.elapsed());
        // the counts come from the background after the frame
        settle(&mut app);
        counted.push(t.elapsed());
        // reading waits for the warm-up: when the rules are ready
        assert!(!rules.version.is_empty());
        rules_t.push(t.elapsed());
        // the count stops at the cap; the window holds the first screens
        assert!(app.shown == n || (app.shown_more && app.shown < n));
        assert!(!app.index.is_empty() && app.index.len() <= n);
    }
    let mut ok = stats("first frame", firsts, 200.0);
    stats(
        "  rules ready (compiled beside the frame, needed only to refresh)",
        rules_t,
        f64::INFINITY,
    );
    stats("  of which: rules, open the store, app", opens, 200.0);
    stats("  of which: read the timeline", reads, 200.0);
    stats("  read the timeline: UI thread CPU", read_cpu, 200.0);
    stats(
        "  counts in (background, after the frame)",
        counted,
        f64::INFINITY,
    );

    let store = Store::open(&path).expect("db");
    let mut app = App::new(
        store,
        Rules::builtin(),
        Keymap::default(),
        Theme::from_env(),
    );
    app.update(Msg::Resize {
        width: W,
        height: H,
    });
    app.reload_keep();
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    term.draw(|f| views::draw(&app, f)).expect("draw");

    // Entity counts are read on a background thread after the first frame;
    // the UI thread only spawns it and later takes the result.
    let t = Instant::now();
    app.update(Msg::Tick);
    let spawn = t.elapsed();
    while app.entities_loading() {
        std::thread::sleep(Duration::from_millis(1));
        app.update(Msg::Tick);
    }
    stats("entity counts: UI thread (spawn)", vec![spawn], 16.0);
    stats(
        "entity counts: background (wall)",
        vec![t.elapsed()],
        1000.0,
    );

    let mut steps = Vec::new();
    for _ in 0..2000 {
        steps.push(key(&mut app, &mut term, KeyCode::Char('j')));
    }
    ok &= stats("move one line (j)", steps, 16.0);
    let mut pages = Vec::new();
    for _ in 0..200 {
        pages.push(key(&mut app, &mut term, KeyCode::PageDown));
    }
    pages.push(key(&mut app, &mut term, KeyCode::Char('G')));
    for _ in 0..200 {
        pages.push(key(&mut app, &mut term, KeyCode::PageUp));
    }
    pages.push(key(&mut app, &mut term, KeyCode::Char('g')));
    ok &= stats("move a page (PgDn, PgUp, g, G)", pages, 16.0);

    let mut opens = Vec::new();
    for _ in 0..50 {
        opens.push(key(&mut app, &mut term, KeyCode::Enter));
        opens.push(key(&mut app, &mut term, KeyCode::Esc));
        key(&mut app, &mut term, KeyCode::PageDown);
    }
    ok &= stats("open detail / back", opens, 16.0);

    let mut views_t = Vec::new();
    for _ in 0..20 {
        for c in ['2', '3', '4', '1'] {
            views_t.push(key(&mut app, &mut term, KeyCode::Char(c)));
        }
    }
    ok &= stats("switch view", views_t, 16.0);

    // Typing a search re-queries the whole timeline on each key.
    let mut typing = Vec::new();
    key(&mut app, &mut term, KeyCode::Char('/'));
    for c in "Alibaba kind:lawsuit".chars() {
        typing.push(key(&mut app, &mut term, KeyCode::Char(c)));
    }
    ok &= stats("search key (draws; query waits)", typing, 16.0);
    // Typing pauses: the re-query runs on the next tick.
    let (mut settles, mut counts) = (Vec::new(), Vec::new());
    for q in [
        "Alibaba",
        "Alibaba kind:lawsuit",
        "since:2020 Huawei",
        "entity:alibaba",
    ] {
        app.query = q.to_string();
        app.update(Msg::Edit(Edit::Insert(' ')));
        std::thread::sleep(SEARCH_PAUSE);
        let t = Instant::now();
        let c = thread_cpu();
        app.update(Msg::Tick);
        term.draw(|f| views::draw(&app, f)).expect("draw");
        let took = t.elapsed();
        let cpu = c
            .zip(thread_cpu())
            .map(|(a, b)| ms(b - a))
            .unwrap_or(f64::NAN);
        settle(&mut app);
        let all = t.elapsed();
        println!(
            "  re-query {q:<28} {:>8.3} ms (UI thread CPU {cpu:.1} ms), counts in at {:>8.3} ms ({} events{})",
            ms(took),
            ms(all),
            app.shown,
            if app.shown_more { "+" } else { "" }
        );
        settles.push(took);
        counts.push(all);
    }
    stats("search after a pause (re-query)", settles, 200.0);
    stats(
        "  counts in (background, after the frame)",
        counts,
        f64::INFINITY,
    );
    key(&mut app, &mut term, KeyCode::Enter);
    key(&mut app, &mut term, KeyCode::Esc);

    // flips in the middle of the timeline (the window turned around) and
    // at its start (where the day cut by the window's far edge is let go)
    settle(&mut app);
    let mut toggles = Vec::new();
    let mut toggle_cpu = Vec::new();
    for at_start in [false, true] {
        key(&mut app, &mut term, KeyCode::Char('g'));
        if !at_start {
            for _ in 0..20 {
                key(&mut app, &mut term, KeyCode::PageDown);
            }
        }
        for _ in 0..4 {
            let c = thread_cpu();
            toggles.push(key(&mut app, &mut term, KeyCode::Char('s')));
            if let Some((a, b)) = c.zip(thread_cpu()) {
                toggle_cpu.push(b.saturating_sub(a));
            }
        }
    }
    ok &= stats("toggle order (window turned around)", toggles, 16.0);
    stats("  toggle order: UI thread CPU", toggle_cpu, 16.0);

    println!(
        "budgets (first frame < 200 ms, move/open < 16 ms): {}",
        if ok { "met" } else { "NOT met" }
    );
}
