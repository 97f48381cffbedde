//! Behaviour of `build` as a whole: merging rules, dates, ids, decisions
//! and links.

use super::testutil::{decision, m};
use super::*;
use crate::model::Status;
use crate::store::DecisionAction as A;

const COM: &[&str] = &["Commerce Department"];

fn groups(events: &[Event]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let mut u: Vec<String> = e.sources.iter().map(|s| s.url.clone()).collect();
            u.sort();
            u
        })
        .collect();
    v.sort();
    v
}

fn huawei_reports() -> Vec<MentionRecord> {
    vec![
        m(
            1,
            "https://a.example/1",
            "2019-05-16",
            "listing",
            "2019-05-15",
            COM,
            &["Huawei"],
            "The Commerce Department added Huawei to the Entity List on Wednesday.",
        ),
        m(
            2,
            "https://b.example/2",
            "2019-05-17",
            "listing",
            "2019-05-15",
            COM,
            &["HUAWEI"],
            "美国商务部5月15日将华为列入实体清单。",
        ),
        m(
            3,
            "https://c.example/3",
            "2020-07-01",
            "listing",
            "2019-05",
            COM,
            &["Huawei"],
            "Huawei has been on the Entity List since May 2019.",
        ),
        m(
            4,
            "https://d.example/4",
            "2022-10-08",
            "listing",
            "2019",
            COM,
            &["Huawei"],
            "Washington blacklisted Huawei in 2019.",
        ),
    ]
}

#[test]
fn pair_rules_table() {
    // (a, b, should merge)
    let cases: Vec<(MentionRecord, MentionRecord, bool, &str)> = vec![
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-06-02",
                "listing",
                "2026-05",
                COM,
                &["Huawei"],
                "y",
            ),
            true,
            "a month joins a day inside it",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-07-12",
                "ban",
                "2026-06..2026-07",
                &["Anthropic"],
                &["Chinese users"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-07-01",
                "ban",
                "2026-06-28",
                &["Anthropic"],
                &["Chinese users"],
                "y",
            ),
            true,
            "a span joins a day inside it",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-05-17",
                "sanction",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            false,
            "kinds differ",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-09-20",
                "listing",
                "2026-09-19",
                COM,
                &["Huawei"],
                "x",
            ),
            false,
            "two Entity List rounds months apart",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2017-03-08",
                "sanction",
                "2017-03",
                COM,
                &["ZTE"],
                "fined",
            ),
            m(
                2,
                "https://b.example/2",
                "2018-04-17",
                "sanction",
                "2018-04-16",
                COM,
                &["ZTE"],
                "denial order",
            ),
            false,
            "two sanctions on ZTE a year apart",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["SMIC"],
                "x",
            ),
            false,
            "same day, same list, different companies",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2025-01-31",
                "ban",
                "2025-01-30",
                &["Garante"],
                &["DeepSeek"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2025-02-03",
                "ban",
                "2025-01-31",
                &["Greg Abbott"],
                &["DeepSeek"],
                "y",
            ),
            false,
            "different actors a day apart",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-05-18",
                "listing",
                "2026-05-17",
                COM,
                &["Huawei"],
                "y",
            ),
            true,
            "the same listing read one day apart",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei"],
                "x",
            ),
            m(
                2,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05",
                COM,
                &["Huawei"],
                "y",
            ),
            false,
            "one article reports one event once",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "listing",
                "2026-05-16",
                COM,
                &["Huawei", "SMIC", "DJI"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-05-18",
                "listing",
                "2026-05-16",
                COM,
                &["DJI"],
                "y",
            ),
            true,
            "one outlet names fewer targets",
        ),
        (
            m(
                1,
                "https://a.example/1",
                "2026-05-17",
                "tariff",
                "2026-05-16",
                &["China"],
                &["United States"],
                "x",
            ),
            m(
                2,
                "https://b.example/2",
                "2026-05-18",
                "tariff",
                "2026-05-16",
                &["United States"],
                &["China"],
                "y",
            ),
            false,
            "retaliation is not the original",
        ),
    ];
    for (a, b, merge, why) in cases {
        let events = build(&[a, b], &[]);
        assert_eq!(events.len() == 1, merge, "{why}: {:?}", groups(&events));
    }
}

#[test]
fn reports_across_outlets_and_languages_merge_into_one_event() {
    let events = build(&huawei_reports(), &[]);
    assert_eq!(events.len(), 1, "{:?}", groups(&events));
    let e = &events[0];
    assert_eq!(
        e.span.start.to_string(),
        "2019-05-15",
        "most precise agreed date"
    );
    assert_eq!(e.sources.len(), 4);
    assert!(!e.date_conflict);
    assert!(e.sources.iter().all(|s| s.date.is_none()));
    assert_eq!(
        e.sources[1].evidence, "美国商务部5月15日将华为列入实体清单。",
        "each source keeps its sentence"
    );
    assert_eq!(e.title, "Commerce adds Huawei to Entity List");
}

#[test]
fn a_coarse_report_between_two_incidents_joins_neither() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2018-04-17",
            "sanction",
            "2018-04-16",
            COM,
            &["ZTE"],
            "denial order",
        ),
        m(
            2,
            "https://b.example/2",
            "2018-04-18",
            "sanction",
            "2018-04-16",
            COM,
            &["ZTE"],
            "denial order imposed",
        ),
        m(
            3,
            "https://c.example/3",
            "2018-07-14",
            "sanction",
            "2018-07-13",
            COM,
            &["ZTE"],
            "order lifted",
        ),
        m(
            4,
            "https://d.example/4",
            "2018-07-15",
            "sanction",
            "2018-07-13",
            COM,
            &["ZTE"],
            "order was lifted",
        ),
        m(
            5,
            "https://e.example/5",
            "2020-07-01",
            "sanction",
            "2018",
            COM,
            &["ZTE"],
            "sanctioned in 2018",
        ),
    ];
    let g = groups(&build(&ms, &[]));
    assert_eq!(g.len(), 3, "{g:?}");
    assert!(g.contains(&vec!["https://e.example/5".to_string()]));
}

#[test]
fn disagreeing_sources_are_flagged() {
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
            &["Huawei"],
            "b",
        ),
        m(
            3,
            "https://c.example/3",
            "2026-05-18",
            "listing",
            "2026-05-17",
            COM,
            &["Huawei"],
            "c",
        ),
    ];
    let events = build(&ms, &[]);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.span.start.to_string(), "2026-05-16");
    assert!(e.date_conflict);
    let flagged: Vec<_> = e
        .sources
        .iter()
        .filter(|s| s.date.is_some())
        .map(|s| s.url.as_str())
        .collect();
    assert_eq!(flagged, vec!["https://c.example/3"]);
}

#[test]
fn choose_span_prefers_the_most_precise_majority_date() {
    let d = |s: &str| DateSpan::at(s.parse().unwrap_or(crate::model::PartialDate::year(1)));
    let cases: &[(&[&str], &str)] = &[
        (&["2026-05", "2026-05-16", "2026"], "2026-05-16"),
        (&["2026-05-16", "2026-05-16", "2026-05-17"], "2026-05-16"),
        (&["2026-05", "2026-05"], "2026-05"),
        (&["2026-05-16", "2026-05-17"], "2026-05-16"),
    ];
    for (spans, want) in cases {
        let spans: Vec<DateSpan> = spans.iter().map(|s| d(s)).collect();
        let got = choose_span(&spans).map(|(s, _)| s.start.to_string());
        assert_eq!(got.as_deref(), Some(*want), "{spans:?}");
    }
    assert!(choose_span(&[]).is_none());
}

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
fn events_come_out_oldest_first_and_linked_by_shared_names() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2021-03-13",
            "ruling",
            "2021-03-12",
            &["Rudolph Contreras"],
            &["Department of Defense", "Xiaomi"],
            "injunction",
        ),
        m(
            2,
            "https://b.example/2",
            "2021-01-15",
            "listing",
            "2021-01-14",
            &["Department of Defense"],
            &["Xiaomi"],
            "listed",
        ),
        m(
            3,
            "https://c.example/3",
            "2021-02-01",
            "lawsuit",
            "2021-01-29",
            &["Xiaomi"],
            &["Department of Defense"],
            "sued",
        ),
        m(
            4,
            "https://d.example/4",
            "2023-05-22",
            "ban",
            "2023-05-21",
            &["CAC"],
            &["Micron"],
            "banned",
        ),
    ];
    let events = build(&ms, &[]);
    let kinds: Vec<_> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, vec!["listing", "lawsuit", "ruling", "ban"]);
    for i in 0..3 {
        let others: Vec<String> = (0..3)
            .filter(|&j| j != i)
            .map(|j| events[j].id.clone())
            .collect();
        assert_eq!(
            events[i].related, others,
            "the chain is visible from {}",
            events[i].kind
        );
    }
    assert!(events[3].related.is_empty());
}

#[test]
fn cue_phrases_link_to_the_event_they_answer() {
    let mut answer = m(
        2,
        "https://a.example/1",
        "2025-02-05",
        "tariff",
        "2025-02-10",
        &["China"],
        &["US farm goods"],
        "作为回应，中方对美国加征关税。",
    );
    answer.mention.cues = vec!["作为回应".into()];
    let mut ms = vec![
        m(
            1,
            "https://a.example/1",
            "2025-02-05",
            "tariff",
            "2025-02-04",
            &["Trump administration"],
            &["China"],
            "US tariffs took effect.",
        ),
        answer,
    ];
    // so many events name China that sharing it alone links nothing
    for i in 0..30 {
        let actor = format!("Agency {i}");
        let day = format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i);
        ms.push(m(
            10 + i as i64,
            &format!("https://f.example/{i}"),
            &day,
            "ban",
            &day,
            &[actor.as_str()],
            &["China"],
            "filler",
        ));
    }
    let events = build(&ms, &[]);
    let tariff = events
        .iter()
        .find(|e| e.span.start.to_string() == "2025-02-04")
        .map(|e| e.id.clone());
    let reply = events
        .iter()
        .find(|e| e.span.start.to_string() == "2025-02-10");
    assert!(reply.is_some_and(|r| tariff
        .as_ref()
        .is_some_and(|t| r.related == vec![t.clone()])));
    let filler = events
        .iter()
        .find(|e| e.kind == Kind::Ban)
        .map(|e| e.related.len());
    assert_eq!(filler, Some(0), "a generic name alone does not link");
}

#[test]
fn an_article_repeating_an_event_gives_one_source() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2026-05-17",
            "listing",
            "2026-05-16",
            COM,
            &["Huawei"],
            "Commerce added Huawei on Friday.",
        ),
        m(
            2,
            "https://a.example/1",
            "2026-05-17",
            "listing",
            "2026-05-16",
            COM,
            &["Huawei"],
            "Friday's listing cuts Huawei off.",
        ),
        m(
            3,
            "https://a.example/1",
            "2026-05-17",
            "listing",
            "2026-05",
            COM,
            &["Huawei"],
            "It is the second listing in May.",
        ),
        m(
            4,
            "https://b.example/2",
            "2026-05-18",
            "listing",
            "2026-05-16",
            COM,
            &["Huawei"],
            "Huawei was listed.",
        ),
    ];
    let events = build(&ms, &[]);
    let g = groups(&events);
    assert_eq!(g.len(), 2, "{g:?}");
    let main = events
        .iter()
        .find(|e| e.sources.len() == 2)
        .map(|e| e.sources[0].evidence.clone());
    assert_eq!(main.as_deref(), Some("Commerce added Huawei on Friday."));
}
