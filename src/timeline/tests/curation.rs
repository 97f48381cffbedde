//! Stable ids and the replay of the analyst's decisions.

use super::super::testutil::{decision, m};
use super::super::*;
use super::{huawei_reports, COM};
use crate::model::DecisionAction as A;
use crate::model::Status;

#[test]
fn ids_do_not_depend_on_input_order_or_row_ids() {
    let ms = huawei_reports();
    let a = build(&ms, &[]);
    let mut rev = ms.clone();
    rev.reverse();
    for (n, r) in rev.iter_mut().enumerate() {
        r.id = 1000 + n as i64; // re-extraction gives new row ids
        r.article_id = 500 + n as i64;
    }
    let b = build(&rev, &[]);
    assert_eq!(
        a.iter().map(|e| &e.id).collect::<Vec<_>>(),
        b.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
}

#[test]
fn a_later_article_joins_without_changing_the_id() {
    let ms = huawei_reports();
    let before = build(&ms[..2], &[]);
    let after = build(&ms, &[]);
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(before[0].id, after[0].id);
    assert_eq!(after[0].sources.len(), 4);
}

#[test]
fn decisions_replay_in_order() {
    let ms = huawei_reports();
    let id = build(&ms, &[])[0].id.clone();
    let d = vec![
        decision(1, A::Confirm, &id, None),
        decision(
            2,
            A::Note,
            &id,
            Some("checked against the Federal Register"),
        ),
    ];
    let e = &build(&ms, &d)[0];
    assert_eq!(e.status, Status::Confirmed);
    assert_eq!(
        e.note.as_deref(),
        Some("checked against the Federal Register")
    );
    let d2 = [d.clone(), vec![decision(3, A::Reject, &id, None)]].concat();
    assert_eq!(build(&ms, &d2)[0].status, Status::Rejected);
    let d3 = [
        d2,
        vec![
            decision(4, A::Reset, &id, None),
            decision(5, A::Note, &id, Some(" ")),
        ],
    ]
    .concat();
    let e = &build(&ms, &d3)[0];
    assert_eq!(e.status, Status::Auto);
    assert_eq!(e.note, None);
}

#[test]
fn split_then_merge_round_trips() {
    let ms = huawei_reports();
    let id = build(&ms, &[])[0].id.clone();
    let split = vec![decision(1, A::Split, &id, Some("https://d.example/4"))];
    let events = build(&ms, &split);
    assert_eq!(events.len(), 2);
    let main = events.iter().find(|e| e.id == id).map(|e| e.sources.len());
    assert_eq!(main, Some(3), "the event keeps its id and three sources");
    let other = events
        .iter()
        .find(|e| e.id != id)
        .map(|e| e.id.clone())
        .unwrap_or_default();
    assert_eq!(other, ids::split_id(&id, "https://d.example/4"));
    let both = [split, vec![decision(2, A::Merge, &id, Some(&other))]].concat();
    let events = build(&ms, &both);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].id, id, "a merge keeps the first id");
    assert_eq!(events[0].sources.len(), 4);
}

#[test]
fn merge_joins_events_the_merger_kept_apart() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2026-05-17",
            "listing",
            "2026-05-16",
            COM,
            &["Huawei"],
            "a",
        ),
        m(
            2,
            "https://b.example/2",
            "2026-05-17",
            "listing",
            "2026-05-16",
            COM,
            &["Huawei Cloud"],
            "b",
        ),
    ];
    let events = build(&ms, &[]);
    assert_eq!(events.len(), 2);
    let (x, y) = (events[0].id.clone(), events[1].id.clone());
    let merged = build(
        &ms,
        &[
            decision(1, A::Merge, &x, Some(&y)),
            decision(2, A::Confirm, &y, None),
        ],
    );
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].id, x);
    assert_eq!(
        merged[0].status,
        Status::Confirmed,
        "the merged-away id still names the event"
    );
}

#[test]
fn a_decision_survives_an_earlier_article_changing_the_seed() {
    let ms = huawei_reports();
    let later = &ms[1..];
    let id = build(later, &[])[0].id.clone();
    let d = vec![decision(1, A::Reject, &id, None)];
    let e = build(&ms, &d);
    assert_eq!(e.len(), 1);
    assert_ne!(e[0].id, id, "the earliest report is the new seed");
    assert_eq!(e[0].status, Status::Rejected);
}

#[test]
fn hand_made_events_join_the_timeline() {
    let payload = r#"{"start":"2026-06-24","end":null,"kind":"lawsuit","title":"","actors":["Alibaba"],"targets":["Department of Defense"],"url":"https://court.example/case","evidence":"Complaint filed."}"#;
    let id = manual_id(payload);
    let events = build(
        &huawei_reports(),
        &[
            decision(1, A::Add, &id, Some(payload)),
            decision(2, A::Add, &id, Some(payload)),
        ],
    );
    assert_eq!(events.len(), 2);
    let e = &events[1];
    assert_eq!(e.id, id);
    assert_eq!(e.status, Status::Manual);
    assert_eq!(e.title, "Alibaba sues Department of Defense");
    assert_eq!(e.sources[0].outlet, "court.example");
    assert_eq!(
        build(&[], &[decision(1, A::Add, "m1", Some("not json"))]).len(),
        0
    );
}

#[test]
fn edits_correct_fields_and_the_headline_follows_the_names() {
    use crate::model::{DateSpan, EditField, EventEdit, Kind};
    let ms = huawei_reports();
    let before = build(&ms, &[]);
    let id = before[0].id.clone();
    let edit = EventEdit {
        span: Some(DateSpan::at("2019-05".parse().expect("a month"))),
        kind: Some(Kind::Sanction),
        actors: Some(vec!["Department of the Treasury".into()]),
        ..Default::default()
    };
    let e = &build(&ms, &[decision(1, A::Edit, &id, Some(&edit.to_json()))])[0];
    assert_eq!(e.id, id, "an edit keeps the event's id");
    assert_eq!(e.kind, Kind::Sanction);
    assert_eq!(e.span.start.to_string(), "2019-05");
    assert_eq!(e.actors, vec!["Department of the Treasury".to_string()]);
    assert_eq!(e.targets, before[0].targets, "targets not edited");
    assert_eq!(
        e.edited,
        vec![EditField::Date, EditField::Kind, EditField::Actors]
    );
    assert!(
        e.title.contains("Treasury") && e.title != before[0].title,
        "the headline is made from the corrected names: {}",
        e.title
    );
    assert!(
        e.sources.iter().all(|s| s.date.is_none()),
        "May 2019 covers every source"
    );

    // A later edit wins field by field; a set title wins over the headline.
    let title = EventEdit {
        title: Some("Treasury sanctions two Chinese firms".into()),
        kind: Some(Kind::ExportControl),
        ..Default::default()
    };
    let d = vec![
        decision(1, A::Edit, &id, Some(&edit.to_json())),
        decision(2, A::Edit, &id, Some(&title.to_json())),
    ];
    let e = &build(&ms, &d)[0];
    assert_eq!(e.kind, Kind::ExportControl);
    assert_eq!(e.title, "Treasury sanctions two Chinese firms");
    assert_eq!(
        e.span.start.to_string(),
        "2019-05",
        "the first edit's date stays"
    );

    // A revert drops every edit; undoing the revert brings them back.
    let reverted = [d.clone(), vec![decision(3, A::Revert, &id, None)]].concat();
    let e = &build(&ms, &reverted)[0];
    assert_eq!(
        (e.kind, e.title.as_str()),
        (before[0].kind, before[0].title.as_str())
    );
    assert!(e.edited.is_empty());
    let undone = [reverted, vec![decision(4, A::Undo, &id, Some("3"))]].concat();
    assert_eq!(build(&ms, &undone)[0].kind, Kind::ExportControl);
}

#[test]
fn an_edited_date_flags_the_sources_that_disagree() {
    use crate::model::{DateSpan, EventEdit};
    let ms = huawei_reports();
    let id = build(&ms, &[])[0].id.clone();
    let edit = EventEdit {
        span: Some(DateSpan::at("2019-05-20".parse().expect("a day"))),
        ..Default::default()
    };
    let e = &build(&ms, &[decision(1, A::Edit, &id, Some(&edit.to_json()))])[0];
    assert!(e.date_conflict);
    assert!(e.sources.iter().any(|s| s.date.is_some()));
}

#[test]
fn undo_takes_back_one_decision_and_leaves_the_state_before_it() {
    let ms = huawei_reports();
    let id = build(&ms, &[])[0].id.clone();
    let d = vec![
        decision(1, A::Confirm, &id, None),
        decision(2, A::Reject, &id, None),
        decision(3, A::Undo, &id, Some("2")),
    ];
    assert_eq!(build(&ms, &d)[0].status, Status::Confirmed);
    // An undo of an undo is ignored rather than redoing.
    let d2 = [d, vec![decision(4, A::Undo, &id, Some("3"))]].concat();
    assert_eq!(build(&ms, &d2)[0].status, Status::Confirmed);
    assert_eq!(
        super::super::decisions::undone(&d2)
            .into_iter()
            .collect::<Vec<_>>(),
        vec![2]
    );
}
