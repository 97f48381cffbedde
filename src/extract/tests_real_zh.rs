//! Chinese constructions found missing or misread on real text
//! (tests/corpus/real/tune), each tested on sentences written for this
//! file: goods put on a control list, the cash deposit of a provisional
//! duty, a statute's article quoted whole, an appeal against a dated
//! ruling, a judgment's disposition after the case's history, an
//! instrument acting under a named statute, "上周" alone, a fronted
//! announcement of a measure that applies later, a cited amendment, a
//! publication line under a title, a time of day before 起, a Taiwanese
//! agency finding a product barred, a country and its ministry acting on
//! one day, a licence requirement in an announcement, and ASCII commas in
//! Chinese text, which part clauses as full-width ones do.

use super::tests::{check, found};
use super::{extract, Rules};
use crate::model::{Article, Kind};
use std::sync::OnceLock;

/// (kind, start date) of every mention of a titled document published on
/// 2025-06-18.
pub(super) fn found_titled(title: &str, text: &str) -> Vec<(Kind, String)> {
    static R: OnceLock<Rules> = OnceLock::new();
    let a = Article {
        url: "https://example.test/doc".into(),
        title: title.into(),
        lang: "zh".into(),
        text: text.into(),
        published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
        ..Default::default()
    };
    extract(&a, R.get_or_init(Rules::builtin))
        .into_iter()
        .map(|m| (m.kind, m.span.start.to_string()))
        .collect()
}

#[test]
fn goods_put_on_a_control_list_are_an_export_control() {
    check(&[(
        "商务部6月3日宣布，将钛合金等三类物项纳入两用物项出口管制清单。",
        Kind::ExportControl,
        "2025-06-03",
    )]);
    let got = found("商务部6月3日宣布，将钛合金等三类物项纳入两用物项出口管制清单。");
    assert!(!got.iter().any(|(k, _)| *k == Kind::Listing), "{got:?}");
    // a company put on a list is still a listing
    check(&[(
        "商务部6月3日宣布，将北岭航空公司列入出口管制管控名单。",
        Kind::Listing,
        "2025-06-03",
    )]);
    assert!(found("商务部6月3日表示，可能将钛合金物项纳入两用物项出口管制清单。").is_empty());
}

#[test]
fn a_deposit_owed_under_a_provisional_duty_is_a_tariff() {
    let text = "自6月5日起，进口经营者应依据本初裁决定向海关提供相应的保证金。";
    check(&[(text, Kind::Tariff, "2025-06-05")]);
    let got = found(text);
    assert!(!got.iter().any(|(k, _)| *k == Kind::Ruling), "{got:?}");
    assert!(found("该协会6月5日表示，进口商或许需要缴纳保证金。").is_empty());
}

#[test]
fn a_statute_article_quoted_whole_reports_no_act() {
    assert!(found("第五条 国务院有关部门决定将直接或者间接参与的组织列入反制清单。").is_empty());
    // an article cited by a sentence with an act of its own
    check(&[(
        "依据第五条规定，外交部6月3日决定将该组织列入反制清单。",
        Kind::Listing,
        "2025-06-03",
    )]);
}

#[test]
fn an_appeal_against_a_dated_ruling_is_not_dated_by_it() {
    let got = found("上诉人对于2024年3月15日高等法院作出的判决，提起上诉。");
    assert!(
        got.contains(&(Kind::Ruling, "2024-03-15".into())),
        "{got:?}"
    );
    assert!(!got.iter().any(|(k, _)| *k == Kind::Lawsuit), "{got:?}");
    // a date of the appeal's own
    check(&[(
        "该公司于2024年3月15日对高等法院的判决提起上诉。",
        Kind::Lawsuit,
        "2024-03-15",
    )]);
}

#[test]
fn a_disposition_after_the_case_history_is_dated_by_the_judgment() {
    // published 2025-06-18, as every document of these tests
    let got = found(
        "上诉人对于2024年3月15日高等法院的判决提起上诉，本院判决如下：原判决废弃，发回高等法院。",
    );
    assert!(
        got.contains(&(Kind::Ruling, "2025-06-18".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::Ruling, "2024-03-15".into())),
        "{got:?}"
    );
    // a decision with a date of its own keeps it
    check(&[(
        "2月4日，商务部决定对该公司立案调查。",
        Kind::Investigation,
        "2025-02-04",
    )]);
}

#[test]
fn last_week_alone_dates_an_event_by_its_month() {
    // published Wednesday 2025-06-18: last week is 9 to 15 June
    check(&[(
        "众议院一个委员会上周全票通过法案，要求该公司剥离其应用。",
        Kind::Legislation,
        "2025-06",
    )]);
    assert!(found("众议院一个委员会上周并未通过该法案。").is_empty());
}

#[test]
fn an_instrument_acting_under_a_named_statute_is_dated_by_the_document() {
    // published 2025-06-18, as every document of these tests
    check(&[(
        "依据《中华人民共和国网络安全法》，审查办公室对北岭公司在华销售的产品实施网络安全审查。",
        Kind::Investigation,
        "2025-06-18",
    )]);
    assert!(found(
        "依据《中华人民共和国网络安全法》，审查办公室可能对北岭公司的产品实施网络安全审查。"
    )
    .is_empty());
    // a newspaper in 《》 is no statute
    assert!(found("根据《北岭日报》报道，该州禁止政府设备使用该应用。").is_empty());
}

#[test]
fn a_fronted_announcement_dates_a_measure_that_applies_later() {
    let text = "2025年5月6日北岭政府宣布对进口钢材加征15%关税并自6月1日起实施。";
    let got = found(text);
    for day in ["2025-05-06", "2025-06-01"] {
        assert!(got.contains(&(Kind::Tariff, day.into())), "{day}: {got:?}");
    }
    // a date before words that announce nothing dates only what it says
    let got = found("2025年5月6日北岭政府表示对进口钢材加征15%关税并自6月1日起实施。");
    assert!(
        !got.contains(&(Kind::Tariff, "2025-05-06".into())),
        "{got:?}"
    );
    let got = found("2025年5月6日北岭政府宣布可能对进口钢材加征关税并自6月1日起实施。");
    assert!(
        !got.contains(&(Kind::Tariff, "2025-05-06".into())),
        "{got:?}"
    );
}

#[test]
fn ascii_commas_part_chinese_clauses_and_a_borrowed_start_date_wins() {
    // official pages often set ASCII commas in Chinese text
    let text = "从2025年1月1日起至2025年3月31日,对北岭公司的产品暂停征收关税。";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Tariff, "2025-01-01".into())),
        "{got:?}"
    );
    assert!(
        !got.contains(&(Kind::Tariff, "2025-03-31".into())),
        "{got:?}"
    );
    assert!(found("从2025年1月1日起至2025年3月31日,可能对北岭公司的产品暂停征收关税。").is_empty());
}

#[test]
fn a_publication_line_dates_the_measure_its_title_names() {
    let got = found_titled(
        "北岭禁止出口限制出口技术目录",
        "（2021年3月4日商务部令第5号公布根据2023年8月9日商务部公告第12号修订）",
    );
    assert!(
        got.contains(&(Kind::ExportControl, "2021-03-04".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::ExportControl, "2023-08-09".into())),
        "{got:?}"
    );
    let got = found_titled(
        "北岭实体名单规定",
        "（2020年9月19日商務部令2020年第4號發布）",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2020-09-19".to_string())]);
    // a title that names no measure and no rule
    assert!(found_titled("商务部答记者问", "（2021年3月4日商务部令第5号公布）").is_empty());
}

#[test]
fn a_time_of_day_before_qi_keeps_a_date_one_a_measure_applies_from() {
    // published 2025-06-18: "12月15日12时01分起" is this December, not last
    let got = found(
        "国务院关税税则委员会决定,对北岭商品加征关税,分两批自2025年9月1日12时01分、12月15日12时01分起实施。",
    );
    assert!(
        got.contains(&(Kind::Tariff, "2025-12-15".into())),
        "{got:?}"
    );
    assert!(
        !got.contains(&(Kind::Tariff, "2024-12-15".into())),
        "{got:?}"
    );
    assert_eq!(
        super::constructions::past_time_of_day("12时01分起实施"),
        "起实施"
    );
    assert_eq!(super::constructions::past_time_of_day("零时起"), "起");
    assert_eq!(super::constructions::past_time_of_day("123时起"), "123时起");
    assert_eq!(super::constructions::past_time_of_day("12月"), "12月");
}

#[test]
fn a_cited_amendment_dates_the_law_and_not_what_the_document_requires() {
    let got =
        found("该部表示，依照2025年3月新修正的资通安全管理法规定，公务机关不得下载或使用该应用。");
    assert!(
        got.contains(&(Kind::Legislation, "2025-03".into())),
        "{got:?}"
    );
    assert!(got.contains(&(Kind::Ban, "2025-06-18".into())), "{got:?}");
    assert!(!got.contains(&(Kind::Ban, "2025-03".into())), "{got:?}");
    // a rule issued on a date, not amended: the date is the measure's
    let got = found("依照2025年3月发布的规定，公务机关不得使用该应用。");
    assert!(got.contains(&(Kind::Ban, "2025-03".into())), "{got:?}");
    assert!(!got.iter().any(|(k, _)| *k == Kind::Legislation), "{got:?}");
}

#[test]
fn a_taiwanese_agency_finding_a_product_barred_is_a_ban() {
    // published 2025-06-18, as every document of these tests
    check(&[
        (
            "另查该翻译服务为境外产品，有资料外泄疑虑，属危害国家资通安全产品。",
            Kind::Ban,
            "2025-06-18",
        ),
        (
            "行政院2019年公布原则，要求各机关限制使用危害国家资通安全产品。",
            Kind::Ban,
            "2019",
        ),
    ]);
    assert!(found("该部表示，尚未认定该服务属危害国家资通安全产品。").is_empty());
    assert!(found("行政院2019年表示，可能限制使用该应用。").is_empty());
}

#[test]
fn a_country_and_its_ministry_on_one_day_are_one_event() {
    let count = |text: &str| {
        found(text)
            .into_iter()
            .filter(|k| *k == (Kind::Sanction, "2025-05-22".to_string()))
            .count()
    };
    assert_eq!(
        count("5月22日，外交部宣布制裁北岭公司。同日，中方宣布对北岭公司实施制裁。"),
        1
    );
    // two countries' measures on one day stay two
    assert_eq!(
        count("5月22日，美国财政部宣布制裁北岭公司。同日，中国外交部宣布对南岭公司实施制裁。"),
        2
    );
}

#[test]
fn a_licence_requirement_in_an_announcement_is_dated_by_it() {
    // published 2025-06-18, as every document of these tests
    check(&[(
        "一、具有下列特性的合金物项，未经许可，不得出口。",
        Kind::ExportControl,
        "2025-06-18",
    )]);
    // a rule described, not laid down
    assert!(found("业内人士说，这类物项也许未经许可不得出口。").is_empty());
}
