//! Order of the timeline and links between events.

use super::super::testutil::m;
use super::super::*;

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
fn rejected_events_link_to_nothing() {
    let ms = vec![
        m(
            1,
            "https://b.example/2",
            "2021-01-15",
            "listing",
            "2021-01-14",
            &["Department of Defense"],
            &["Xiaomi"],
            "listed",
        ),
        m(
            2,
            "https://c.example/3",
            "2021-02-01",
            "lawsuit",
            "2021-01-29",
            &["Xiaomi"],
            &["Department of Defense"],
            "sued",
        ),
    ];
    let events = build(&ms, &[]);
    assert_eq!(events[0].related, vec![events[1].id.clone()]);
    let reject = crate::timeline::testutil::decision(
        1,
        crate::store::DecisionAction::Reject,
        &events[0].id,
        None,
    );
    let events = build(&ms, &[reject]);
    assert!(events.iter().all(|e| e.related.is_empty()));
}

#[test]
fn follow_on_chains_link_even_through_busy_names() {
    let mut ms = vec![
        m(
            1,
            "https://b.example/2",
            "2021-01-15",
            "listing",
            "2021-01-14",
            &["Department of Defense"],
            &["Xiaomi"],
            "listed",
        ),
        m(
            2,
            "https://c.example/3",
            "2021-02-01",
            "lawsuit",
            "2021-01-29",
            &["Xiaomi"],
            &["Department of Defense"],
            "sued",
        ),
        m(
            3,
            "https://d.example/4",
            "2021-03-13",
            "ruling",
            "2021-03-12",
            &["Rudolph Contreras"],
            &["Department of Defense", "Xiaomi"],
            "injunction",
        ),
    ];
    // so many earlier events name Xiaomi and the Pentagon that sharing them
    // alone links nothing
    for i in 0..40 {
        let day = format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        ms.push(m(
            10 + i as i64,
            &format!("https://f.example/{i}"),
            &day,
            "investigation",
            &day,
            &["Department of Defense"],
            &["Xiaomi"],
            "probe",
        ));
    }
    let events = build(&ms, &[]);
    let id = |k: Kind| {
        events
            .iter()
            .find(|e| e.kind == k)
            .map(|e| e.id.clone())
            .unwrap_or_default()
    };
    let (listing, lawsuit, ruling) = (id(Kind::Listing), id(Kind::Lawsuit), id(Kind::Ruling));
    let related = |x: &str| {
        events
            .iter()
            .find(|e| e.id == x)
            .map(|e| e.related.clone())
            .unwrap_or_default()
    };
    assert_eq!(related(&listing), vec![lawsuit.clone()]);
    let mut want = vec![listing.clone(), ruling.clone()];
    want.sort();
    assert_eq!(related(&lawsuit), want);
    assert_eq!(related(&ruling), vec![lawsuit.clone()]);
}
