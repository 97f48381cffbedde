//! One incident told in different voices (a name spelt as one word or
//! two, another government's move on the same day) merges, or stays
//! apart, as it should.

use super::super::testutil::m;
use super::super::*;
use super::groups;

#[test]
fn a_name_written_as_one_word_or_two_is_one_subject() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2024-02-01",
            "ban",
            "2023-06",
            &["Vermont"],
            &["Snap Chat"],
            "In June 2023, Vermont barred Snap Chat from state phones.",
        ),
        m(
            2,
            "https://b.example/2",
            "2024-03-01",
            "ban",
            "2023-06",
            &["Vermont"],
            &["SnapChat"],
            "Vermont kept SnapChat off state phones from June 2023.",
        ),
    ];
    let events = build(&ms, &[]);
    assert_eq!(events.len(), 1, "{:?}", groups(&events));
}

/// Two governments' tariffs taking effect on one day, and a report that
/// names neither actor.
fn tit_for_tat() -> Vec<MentionRecord> {
    vec![
        m(
            1,
            "https://a.example/1",
            "2026-04-09",
            "tariff",
            "2026-04-10",
            &["United States"],
            &["China"],
            "The United States will raise its duty on Chinese goods to 90% from April 10.",
        ),
        m(
            2,
            "https://b.example/2",
            "2026-04-09",
            "tariff",
            "2026-04-10",
            &[],
            &["United States"],
            "自2026年4月10日起，对原产于美国的进口商品加征关税。",
        ),
        m(
            3,
            "https://c.example/3",
            "2026-04-09",
            "tariff",
            "2026-04-10",
            &["Customs Tariff Commission of the State Council"],
            &["United States"],
            "国务院关税税则委员会决定，自2026年4月10日起对原产于美国的进口商品加征关税。",
        ),
    ]
}

#[test]
fn a_report_naming_no_actor_chains_no_two_governments() {
    let events = build(&tit_for_tat(), &[]);
    let g = groups(&events);
    assert!(
        !g.iter()
            .any(|e| e.contains(&"https://a.example/1".to_string())
                && e.contains(&"https://c.example/3".to_string())),
        "{g:?}"
    );
}

#[test]
fn duties_imposed_and_duties_suspended_on_one_day_are_two_incidents() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2026-08-20",
            "tariff",
            "2026-09-01",
            &["Customs Tariff Commission of the State Council"],
            &["United States"],
            "国务院关税税则委员会决定，自2026年9月1日起对原产于美国的汽车恢复加征关税。",
        ),
        m(
            2,
            "https://b.example/2",
            "2026-08-20",
            "tariff",
            "2026-09-01",
            &["Customs Tariff Commission of the State Council"],
            &["United States"],
            "国务院关税税则委员会决定，自2026年9月1日起暂不实施对原产于美国的部分商品的加征关税措施。",
        ),
        m(
            3,
            "https://c.example/3",
            "2026-08-21",
            "tariff",
            "2026-09-01",
            &["Customs Tariff Commission of the State Council"],
            &["United States"],
            "China's tariff commission suspended the planned duties on some American goods from September 1.",
        ),
    ];
    let g = groups(&build(&ms, &[]));
    assert_eq!(
        g,
        vec![
            vec!["https://a.example/1".to_string()],
            vec![
                "https://b.example/2".to_string(),
                "https://c.example/3".to_string()
            ],
        ]
    );
}
