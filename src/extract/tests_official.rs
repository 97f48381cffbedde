//! Table tests for the wording of official documents and court papers:
//! a document's own voice dates an undated decision by the document
//! ("IT IS ORDERED", 决定, 现予公布), Minguo years and Traditional script in
//! Taiwanese text, and the institutional vocabulary of courts, regulators
//! and ministries. Every sentence is written for these tests.

use super::tests::{check, found};
use crate::model::Kind;

fn check_none(texts: &[&str]) {
    for text in texts {
        let got = found(text);
        assert!(got.is_empty(), "expected nothing in {text:?}, got {got:?}");
    }
}

#[test]
fn the_documents_own_voice_dates_an_undated_decision() {
    check(&[
        (
            "IT IS ORDERED that the plaintiffs' motion for a preliminary injunction is GRANTED.",
            Kind::Ruling,
            "2025-06-18",
        ),
        (
            "For these reasons, the defendants' motion to dismiss is granted.",
            Kind::Ruling,
            "2025-06-18",
        ),
        (
            "工作机制决定将甲乙科技公司列入不可靠实体清单。",
            Kind::Listing,
            "2025-06-18",
        ),
        (
            "中方决定对以下三家美国企业采取反制措施。",
            Kind::Sanction,
            "2025-06-18",
        ),
    ]);
    // a narrative sentence with no date and no voice of the document
    check_none(&[
        "The motion for a preliminary injunction was filed by the company.",
        "商务部将甲乙科技公司列入不可靠实体清单。",
    ]);
}

#[test]
fn a_date_in_the_sentence_beats_the_documents_date() {
    check(&[(
        "委员会决定自2025年7月1日起对原产于某国的部分商品加征关税。",
        Kind::Tariff,
        "2025-07-01",
    )]);
    let got = found("委员会决定自2025年7月1日起对原产于某国的部分商品加征关税。");
    assert!(
        !got.contains(&(Kind::Tariff, "2025-06-18".into())),
        "{got:?}"
    );
}

#[test]
fn taiwanese_documents_in_traditional_script_with_minguo_years() {
    check(&[
        (
            "經濟部於109年12月18日處分甲公司罰鍰新臺幣200萬元。",
            Kind::Sanction,
            "2020-12-18",
        ),
        (
            "行政院於民國112年3月1日宣佈禁止公務機關使用該軟體。",
            Kind::Ban,
            "2023-03-01",
        ),
        (
            "國務院關稅稅則委員會決定自2025年3月10日起對原產於某國的商品加徵關稅。",
            Kind::Tariff,
            "2025-03-10",
        ),
    ]);
}

#[test]
fn courts_issue_enjoin_and_hold() {
    check(&[
        (
            "On March 2, 2024, a federal judge in Ohio issued a preliminary injunction against the state law.",
            Kind::Ruling,
            "2024-03-02",
        ),
        (
            "The Ninth Circuit affirmed the order on May 5, 2023.",
            Kind::Ruling,
            "2023-05-05",
        ),
        (
            "In October 2022 the statute was preliminarily enjoined.",
            Kind::Ruling,
            "2022-10",
        ),
        (
            "For the reasons below, the Court holds that the statute exceeds the agency's power.",
            Kind::Ruling,
            "2025-06-18",
        ),
    ]);
}

#[test]
fn regulators_revoke_deny_and_prohibit() {
    check(&[
        (
            "On April 4, 2022, the Commission revoked the operating authority of a carrier.",
            Kind::Ban,
            "2022-04-04",
        ),
        (
            "In July 2020 the Commission denied an application for section 214 authorization.",
            Kind::Ban,
            "2020-07",
        ),
        (
            "The order, signed on June 2, 2024, prohibits transactions with the app's owner.",
            Kind::Ban,
            "2024-06-02",
        ),
        (
            "Starting March 1, 2026, the statute makes it unlawful to host the app.",
            Kind::Ban,
            "2026-03-01",
        ),
        (
            "In May 2023, the state legislature passed a statewide ban on the app.",
            Kind::Ban,
            "2023-05",
        ),
        (
            "The regulator issued an order on August 9, 2021 directing the carrier to show cause.",
            Kind::Investigation,
            "2021-08-09",
        ),
    ]);
}

#[test]
fn acts_named_in_full_and_instruments_with_their_dates() {
    check(&[
        (
            "On May 1, 2024, the Senate passed the Securing Networks From Hostile Foreign Vendors and Applications Act.",
            Kind::Legislation,
            "2024-05-01",
        ),
        (
            "Enacted in 1988, the statute lets the President act in an emergency.",
            Kind::Legislation,
            "1988",
        ),
        (
            "The governor signed this act on February 9, 2023.",
            Kind::Legislation,
            "2023-02-09",
        ),
        (
            "Since these provisions became law in 2019, agencies have removed the gear.",
            Kind::Legislation,
            "2019",
        ),
        (
            "The Commission relied on Executive Order 14001 of March 3, 2021, to act.",
            Kind::Legislation,
            "2021-03-03",
        ),
    ]);
}

#[test]
fn charges_penalties_and_tariff_deals() {
    check(&[
        (
            "In 2020, the Department of Justice charged the company and two executives with bank fraud.",
            Kind::Accusation,
            "2020",
        ),
        (
            "In June 2019, the firm agreed to a civil penalty of $200 million.",
            Kind::Sanction,
            "2019-06",
        ),
        (
            "In late April 2025 the two sides agreed to reduce tariffs on each other's goods.",
            Kind::Tariff,
            "2025-04",
        ),
        (
            "On May 3, 2018, the President approved import taxes of 20 percent on washers.",
            Kind::Tariff,
            "2018-05-03",
        ),
    ]);
}

#[test]
fn chinese_ministries_summon_publish_and_fine() {
    check(&[
        (
            "网信办于2025年5月6日约谈了某某科技公司。",
            Kind::Investigation,
            "2025-05-06",
        ),
        (
            "《数据出境管理规定》已经国务院批准，现予公布，自公布之日起施行。",
            Kind::Legislation,
            "2025-06-18",
        ),
        (
            "委员会3月5日全票通过法案，要求该公司出售其海外业务。",
            Kind::Legislation,
            "2025-03-05",
        ),
        (
            "主管机关于2024年2月1日对该公司处以罚款。",
            Kind::Sanction,
            "2024-02-01",
        ),
    ]);
}

#[test]
fn a_title_in_book_brackets_names_an_instrument_and_reports_nothing() {
    check_none(&[
        "根据《关于对某国商品加征关税的公告》（公告2024年第3号），清单将于2024年9月1日到期。",
    ]);
}

#[test]
fn the_document_taking_effect_is_the_decision_it_opened_with() {
    let text =
        "中方决定对某某议员采取以下反制措施：\n\n一、禁止其入境。\n\n本决定自2024年5月2日起施行。";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Sanction, "2024-05-02".into())),
        "{got:?}"
    );
    assert!(!got.iter().any(|(k, _)| *k == Kind::Ban), "{got:?}");
}

#[test]
fn bills_by_number_orders_by_date_and_ministry_measures() {
    check(&[
        (
            "On June 3, 2024, the House passed H.R. 9100 by a wide margin.",
            Kind::Legislation,
            "2024-06-03",
        ),
        (
            "The agency's rule built on the March 2021 executive order on supply chains.",
            Kind::Legislation,
            "2021-03",
        ),
        (
            "自2024年1月1日起，各机关个人电脑不可安装非公务用软件。",
            Kind::Ban,
            "2024-01-01",
        ),
        (
            "商务部决定自2024年3月4日起采取临时反倾销措施。",
            Kind::Tariff,
            "2024-03-04",
        ),
    ]);
}

#[test]
fn conditions_powers_and_names_of_acts_are_no_events() {
    check_none(&[
        // a condition
        "Plaintiffs say that, absent an injunction, the app will be banned on May 4, 2025.",
        // a power the law grants, not its use
        "国务院有关部门有权决定将相关组织列入反制清单。",
    ]);
    // the year in the name of an Act is not the date of the revocation
    let got = found(
        "The Commission revoked the license under section 214 of the Communications Act of 1934.",
    );
    assert!(!got.iter().any(|(_, d)| d == "1934"), "{got:?}");
}

#[test]
fn goods_named_by_their_tariff_and_goods_left_out_are_no_events() {
    check_none(&[
        "对美加征关税商品第三次排除延期清单将于2024年5月31日到期。",
        "2024年4月10日之前已启运，并于2024年4月10日至5月13日进口的，不加征本公告规定加征的关税。",
        "外国对我国采取歧视性措施的，国务院有关部门可以于2024年1月1日起采取相应反制措施。",
    ]);
}

#[test]
fn an_exclusion_list_put_in_force_changes_tariffs() {
    check(&[(
        "委员会于2024年3月1日实施第三批加征关税商品第二次排除清单。",
        Kind::Tariff,
        "2024-03-01",
    )]);
}

#[test]
fn bill_histories_and_docket_entries_with_numeric_dates() {
    check(&[
        (
            "Introduced in Senate (02/14/2024)",
            Kind::Legislation,
            "2024-02-14",
        ),
        (
            "MEMORANDUM OPINION SIGNED BY JUDGE JANE ROE ON 11/3/21.",
            Kind::Ruling,
            "2021-11-03",
        ),
    ]);
}

#[test]
fn official_future_actions_dated_as_of_a_day() {
    check(&[
        (
            "As of March 2, 2026, the Ruritania Data Act will make it unlawful to distribute the app.",
            Kind::Ban,
            "2026-03-02",
        ),
        (
            "As from 1 October 2025, the decree will prohibit the sale of the sensors.",
            Kind::Ban,
            "2025-10-01",
        ),
    ]);
    // a fronted "as" clause still ends at its comma
    check(&[(
        "As the talks stalled, the ministry banned the app on June 3.",
        Kind::Ban,
        "2025-06-03",
    )]);
}

#[test]
fn tariffs_on_goods_lifted_and_reviews_and_listings_counted() {
    check(&[
        (
            "The tariffs on Ruritanian steel were lifted in April 2021.",
            Kind::Tariff,
            "2021-04",
        ),
        (
            "2023年3月31日，有关部门对鲁国某公司在华销售的产品实施网络安全审查。",
            Kind::Investigation,
            "2023-03-31",
        ),
        (
            "美國商務部於本(6)月10日發佈公告，新增鲁国、某国等120個實體。",
            Kind::Listing,
            "2025-06-10",
        ),
    ]);
    // a count of entities already listed is no addition
    check_none(&["该名单迄今已有1200个实体。"]);
}

#[test]
fn a_document_reporting_another_governments_move_leaves_it_that_governments() {
    let rules = crate::extract::Rules::builtin();
    let article = crate::model::Article {
        url: "https://example.test/notice".into(),
        title: "国务院关税税则委员会公告".into(),
        lang: "zh".into(),
        text: "国务院关税税则委员会公告\n\n2026年3月2日，美国政府宣布对自华进口的商品加征关税。\n\n中方决定，自2026年3月10日起对原产于美国的部分商品加征关税。".into(),
        published: chrono::DateTime::parse_from_rfc3339("2026-03-05T09:00:00+08:00").ok(),
        ..Default::default()
    };
    let ms = crate::extract::extract(&article, &rules);
    let actors = |day: &str| -> Vec<String> {
        ms.iter()
            .find(|m| m.kind == Kind::Tariff && m.span.start.to_string() == day)
            .map(|m| m.actors.clone())
            .unwrap_or_default()
    };
    assert_eq!(actors("2026-03-02"), vec!["United States".to_string()]);
    assert!(actors("2026-03-10")
        .iter()
        .any(|a| a == "Customs Tariff Commission of the State Council"));
}

#[test]
fn a_chambers_committee_is_not_the_chamber() {
    let rules = crate::extract::Rules::builtin();
    let actors = |text: &str| -> Vec<String> {
        let article = crate::model::Article {
            url: "https://example.test/bill".into(),
            lang: "zh".into(),
            text: text.into(),
            published: chrono::DateTime::parse_from_rfc3339("2026-03-20T09:00:00+08:00").ok(),
            ..Default::default()
        };
        crate::extract::extract(&article, &rules)
            .into_iter()
            .filter(|m| m.kind == Kind::Legislation)
            .flat_map(|m| m.actors)
            .collect()
    };
    let house = "House of Representatives".to_string();
    assert!(!actors("美国众议院能源和商务委员会3月7日全票通过一项法案。").contains(&house));
    assert!(actors("美国众议院3月13日通过一项法案。").contains(&house));
}
