//! Correcting the timeline from the terminal, driven by keys as a user
//! would: the edit and add forms (snapshots), merge, split, undo, the
//! "again: undo" of `c`/`x`, and the background worker on a database file.

#[path = "tui_common/mod.rs"]
mod common;
use common::app::{app_with, press, screen};

use dateline::extract::Rules;
use dateline::model::{DecisionAction, EditField, Status};
use dateline::store::Store;
use dateline::tui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The fixture with its events rebuilt from mentions and decisions, as
/// curation needs.
fn rebuilt(store: &mut Store) {
    common::fill(store);
    dateline::pipeline::rebuild(store, &Rules::builtin()).expect("rebuild");
}

fn curated_app(w: u16, h: u16) -> App {
    let mut store = Store::open_in_memory().expect("db");
    rebuilt(&mut store);
    app_with(store, w, h)
}

/// Clears the focused form field (ctrl-u).
fn clear_field(app: &mut App) {
    if let Some(m) = app.on_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)) {
        app.update(m);
    }
}

fn decisions(app: &App) -> Vec<(DecisionAction, String)> {
    app.store()
        .decisions()
        .expect("decisions")
        .into_iter()
        .map(|d| (d.action, d.event_id))
        .collect()
}

fn status(app: &App, id: &str) -> Status {
    app.store().event(id).expect("event").status
}

fn selected_id(app: &App) -> String {
    app.index[app.sel].id.clone()
}

#[test]
fn x_twice_leaves_the_first_event_as_it_was_and_the_second_untouched() {
    let mut store = Store::open_in_memory().expect("db");
    rebuilt(&mut store);
    // The first event starts confirmed, so "as it was" is not just "auto".
    let first = store.events(&Default::default()).expect("events")[1]
        .id
        .clone();
    store
        .add_decision(DecisionAction::Confirm, &first, None)
        .expect("confirm");
    dateline::pipeline::rebuild(&mut store, &Rules::builtin()).expect("rebuild");
    let mut app = app_with(store, 100, 20);
    press(&mut app, "j");
    assert_eq!(selected_id(&app), first);
    let second = app.index[app.sel + 1].id.clone();
    let second_before = status(&app, &second);

    press(&mut app, "x");
    assert_eq!(status(&app, &first), Status::Rejected);
    assert_eq!(
        selected_id(&app),
        second,
        "the rejected row is hidden and the selection moved on"
    );
    press(&mut app, "x");
    assert_eq!(status(&app, &first), Status::Confirmed, "as it was");
    assert_eq!(status(&app, &second), second_before, "untouched");
    assert_eq!(selected_id(&app), first, "and selected again");
    assert!(
        !decisions(&app).iter().any(|(_, id)| *id == second),
        "no decision names the second event"
    );
    let (msg, err) = app.flash.clone().expect("a message");
    assert!(!err && msg.starts_with("undone: reject"), "{msg}");

    // Any other key in between ends the "again": x rejects the selection.
    press(&mut app, "x");
    assert_eq!(status(&app, &first), Status::Rejected);
    assert_eq!(selected_id(&app), second);
    press(&mut app, "kjx");
    assert_eq!(status(&app, &first), Status::Rejected, "still rejected");
    assert_eq!(
        status(&app, &second),
        Status::Rejected,
        "x after moving rejects anew"
    );
}

#[test]
fn on_a_database_file_decisions_and_rebuilds_run_in_the_background() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path).expect("db");
        rebuilt(&mut s);
    }
    let mut app = app_with(Store::open(&path).expect("ui connection"), 100, 20);
    press(&mut app, "j");
    let first = selected_id(&app);
    let second = app.index[app.sel + 1].id.clone();
    press(&mut app, "x");
    // Rejecting returns at once; the worker writes and rebuilds through
    // its own connection, and the app folds in its reports.
    app.wait_background();
    assert_eq!(status(&app, &first), Status::Rejected);
    assert_eq!(selected_id(&app), second);
    press(&mut app, "x");
    app.wait_background();
    assert_eq!(status(&app, &first), Status::Auto);
    assert_eq!(status(&app, &second), Status::Auto);
    assert_eq!(
        selected_id(&app),
        first,
        "the undone event is selected again"
    );
    // Two keys in a row before the worker answers: still one event each.
    press(&mut app, "cx");
    app.wait_background();
    assert_eq!(status(&app, &first), Status::Rejected, "c then x: x wins");
    press(&mut app, "u");
    app.wait_background();
    assert_eq!(
        status(&app, &first),
        Status::Confirmed,
        "u undid the reject"
    );
}

#[test]
fn edit_form_snapshots_error_on_its_line_and_saves_edits_that_survive_reindex() {
    let mut app = curated_app(90, 20);
    press(&mut app, "j");
    let id = selected_id(&app);
    press(&mut app, "e");
    assert!(app.form.is_some());
    insta::assert_snapshot!("edit_form", screen(&app));
    clear_field(&mut app);
    press(&mut app, "May 2024<Enter>");
    let shown = screen(&app);
    insta::assert_snapshot!("edit_form_with_a_bad_date", shown);
    assert!(shown.contains("✗ 'May 2024' is not a date"), "{shown}");
    assert!(app.form.is_some(), "a bad form stays open");

    clear_field(&mut app);
    press(&mut app, "2024-05<Tab><Tab>");
    clear_field(&mut app);
    press(&mut app, "sanction<Tab>");
    clear_field(&mut app);
    press(&mut app, "Department of the Treasury<Tab>");
    clear_field(&mut app);
    press(&mut app, "Acme Semi, Example Trading<Enter>");
    assert!(app.form.is_none());
    let e = app.store().event(&id).expect("event");
    assert_eq!(e.span.start.to_string(), "2024-05");
    assert_eq!(e.kind.as_str(), "sanction");
    assert_eq!(e.targets, vec!["Acme Semi", "Example Trading"]);
    assert_eq!(
        e.edited,
        vec![
            EditField::Date,
            EditField::Kind,
            EditField::Actors,
            EditField::Targets
        ]
    );
    // The row moved to May 2024 and stays selected, marked as edited.
    assert_eq!(selected_id(&app), id);
    let row = screen(&app)
        .lines()
        .find(|l| l.contains("May 2024") && l.contains("sanction"))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(row.contains("±"), "{row}");
    press(&mut app, "<Enter>");
    let detail = screen(&app);
    assert!(
        detail.contains("Edited   date, kind, actors, targets"),
        "{detail}"
    );
    press(&mut app, "<Esc>");

    // Esc cancels without a decision.
    let before = decisions(&app).len();
    press(&mut app, "e<Tab>x<Esc>");
    assert!(app.form.is_none());
    assert_eq!(decisions(&app).len(), before);
}

#[test]
fn an_edit_from_the_form_survives_reindex() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path).expect("db");
        rebuilt(&mut s);
    }
    let mut app = app_with(Store::open(&path).expect("ui connection"), 90, 20);
    let id = selected_id(&app);
    press(&mut app, "e<Tab><Tab>");
    clear_field(&mut app);
    press(&mut app, "ruling<Enter>");
    app.wait_background();
    assert_eq!(
        app.store().event(&id).expect("event").kind.as_str(),
        "ruling"
    );
    let mut other = Store::open(&path).expect("a second connection");
    dateline::pipeline::reindex(&mut other, &Rules::builtin()).expect("reindex");
    let e = other.event(&id).expect("the event after reindex");
    assert_eq!(
        (e.kind.as_str(), e.edited.clone()),
        ("ruling", vec![EditField::Kind])
    );
}

#[test]
fn u_undoes_the_last_decision_an_edit_included() {
    let mut app = curated_app(90, 20);
    let id = selected_id(&app);
    let title = app.store().event(&id).expect("event").title;
    press(&mut app, "e<Tab><Tab><Tab><Tab><Tab>");
    clear_field(&mut app);
    press(&mut app, "A better headline<Enter>");
    assert_eq!(
        app.store().event(&id).expect("e").title,
        "A better headline"
    );
    press(&mut app, "u");
    let e = app.store().event(&id).expect("e");
    assert_eq!(e.title, title);
    assert!(e.edited.is_empty());
    press(&mut app, "u");
    let (msg, err) = app.flash.clone().expect("a message");
    assert!(err && msg.contains("nothing to undo"), "{msg}");
}

#[test]
fn m_marks_and_shift_m_merges_the_marked_events_into_the_selected_one() {
    let mut app = curated_app(100, 20);
    let n = app.index.len();
    let a = selected_id(&app);
    press(&mut app, "m");
    assert_eq!(app.marked, vec![a.clone()]);
    assert!(
        screen(&app).lines().any(|l| l.starts_with("\"●")),
        "{}",
        screen(&app)
    );
    press(&mut app, "j");
    let b = selected_id(&app);
    let sources = app.store().event(&b).expect("b").sources.len();
    press(&mut app, "M");
    assert!(app.marked.is_empty());
    assert_eq!(app.index.len(), n - 1);
    let merged = app.store().event(&b).expect("b");
    assert_eq!(merged.sources.len(), sources + 1);
    assert!(
        app.store().event(&a).is_err(),
        "a answers no more by its own row"
    );
    assert_eq!(selected_id(&app), b);
    // M with nothing marked explains itself.
    press(&mut app, "M");
    let (msg, err) = app.flash.clone().expect("a message");
    assert!(err && msg.contains("mark"), "{msg}");
}

#[test]
fn shift_s_splits_the_selected_source_off_into_its_own_event() {
    let mut app = curated_app(100, 30);
    // The fixture's events have one source each: merge two first.
    press(&mut app, "mjM");
    assert!(app
        .flash
        .as_ref()
        .is_some_and(|f| f.0.starts_with("merged 1 event")));
    let id = selected_id(&app);
    let n = app.index.len();
    press(&mut app, "S");
    assert!(
        app.flash.as_ref().is_some_and(|f| f.1),
        "S needs the detail view"
    );
    press(&mut app, "<Enter>j");
    let url = app.detail.as_ref().expect("detail").event.sources[1]
        .url
        .clone();
    press(&mut app, "S");
    assert_eq!(app.index.len(), n + 1);
    let d = app.detail.as_ref().expect("the detail stays open");
    assert_eq!(d.event.id, id);
    assert!(d.event.sources.iter().all(|s| s.url != url));
    press(&mut app, "S");
    let (msg, err) = app.flash.clone().expect("a message");
    assert!(err && msg.contains("one source"), "{msg}");
}

#[test]
fn add_form_is_sourced_by_the_selected_event_and_selects_the_new_one() {
    let mut app = curated_app(90, 20);
    let src = app
        .store()
        .event(&selected_id(&app))
        .expect("event")
        .sources[0]
        .url
        .clone();
    press(&mut app, "A");
    let shown = screen(&app);
    insta::assert_snapshot!("add_form", shown);
    press(&mut app, "<Enter>");
    assert!(screen(&app).contains("✗ a date is needed"));
    press(&mut app, "2025-01-13<Tab><Tab>investigation<Tab>Department of Commerce<Tab>TP-Link<Tab><Tab>ask the agency<Enter>");
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.error)
    );
    let e = app
        .store()
        .event(&selected_id(&app))
        .expect("the new event is selected");
    assert_eq!(e.status, Status::Manual);
    assert_eq!(e.sources[0].url, src);
    assert_eq!(e.note.as_deref(), Some("ask the agency"));
    assert_eq!(e.targets, vec!["TP-Link"]);
    assert!(e.title.contains("TP-Link"), "{}", e.title);
}

#[test]
fn forms_fit_the_smallest_screen() {
    let mut app = curated_app(60, 20);
    press(&mut app, "e");
    clear_field(&mut app);
    press(&mut app, "2024-13<Enter>");
    let shown = screen(&app);
    insta::assert_snapshot!("edit_form_at_60x20", shown);
    assert!(shown.contains("✗"));
}
