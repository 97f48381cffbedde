//! Behaviour of `build` as a whole: merging rules and dates here; ids and
//! decisions in `curation`, links in `linking`, incidents reported in
//! different voices in `incidents`.

mod curation;
mod incidents;
mod linking;
mod nations;

use super::testutil::m;
use super::*;

pub(super) const COM: &[&str] = &["Commerce Department"];

pub(super) fn groups(events: &[Event]) -> Vec<Vec<String>> {
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

pub(super) fn huawei_reports() -> Vec<MentionRecord> {
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
