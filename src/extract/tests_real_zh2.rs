//! Chinese constructions of real official and news text (issue 12), second
//! set, each tested on sentences written for this file, with a near miss
//! that must not fire: Taiwanese dates named by their number (今(18)日),
//! 即日起 ("from this day"), a legislature passing a law named without
//! 《》, a list's additions counted with words between the count and 实体,
//! 课征 for a levy, access to a service cut (暂停……连线), a court's
//! sentence (判处), a regulator's fine (开罚), and a decision appealed
//! against with 不服, whose date is the decision's, not the appeal's.

use super::tests::{check, found};
use crate::model::Kind;

// Every document of these tests is published on 2025-06-18.

#[test]
fn a_day_named_by_its_number_between_jin_and_ri() {
    check(&[
        (
            "立法院今（18）日三讀通過國家安全法部分條文修正草案。",
            Kind::Legislation,
            "2025-06-18",
        ),
        (
            "投審會昨（17）日宣布，對違規的陸資公司處以新臺幣80萬元罰鍰。",
            Kind::Sanction,
            "2025-06-17",
        ),
        (
            "数位发展部今(18)日宣布禁止公务机关使用某款大陆聊天软件。",
            Kind::Ban,
            "2025-06-18",
        ),
    ]);
    // a number in brackets that is no day
    assert!(found("该法今（2025）年修订后，禁止公务机关使用这类软件。").is_empty());
}

#[test]
fn from_this_day_is_the_document_s_day() {
    check(&[
        (
            "中方决定即日起对北岭研究所及其负责人实施制裁。",
            Kind::Sanction,
            "2025-06-18",
        ),
        (
            "國家通訊傳播委員會表示，自即日起禁止進口該品牌的手機。",
            Kind::Ban,
            "2025-06-18",
        ),
    ]);
    assert!(found("中方表示，即日起可能对北岭研究所实施制裁。").is_empty());
}

#[test]
fn a_legislature_passes_a_law_named_without_title_marks() {
    check(&[
        (
            "全国人大常委会6月10日通过了数据出境管理法。",
            Kind::Legislation,
            "2025-06-10",
        ),
        (
            "立法院6月10日三读通过两岸人民关系条例修正草案。",
            Kind::Legislation,
            "2025-06-10",
        ),
    ]);
    let got = found("立法院6月10日三读通过两岸人民关系条例修正草案。");
    assert_eq!(got.len(), 1, "{got:?}");
    // a legislature acting by a method, and one only debating
    assert!(found("国会6月10日通过这种方法，延长了辩论。").is_empty());
    assert!(found("立法院6月10日审议两岸人民关系条例修正草案，尚未通过。").is_empty());
}

#[test]
fn a_list_s_additions_counted_with_words_between() {
    check(&[(
        "经济部国际贸易署6月10日公布名单，新增纳管213个涉武扩活动实体。",
        Kind::Listing,
        "2025-06-10",
    )]);
    assert!(found("经济部6月10日表示，名单可能新增纳管200个涉武扩活动实体。").is_empty());
}

#[test]
fn a_levy_access_cut_a_sentence_and_a_fine_in_taiwanese_wording() {
    check(&[
        (
            "美國6月16日起對中國商品課徵額外關稅。",
            Kind::Tariff,
            "2025-06-16",
        ),
        (
            "內政部6月4日宣布暫停某短影音平台在台灣的連線一年。",
            Kind::Ban,
            "2025-06-04",
        ),
        (
            "台北地方法院6月16日判處被告有期徒刑3年。",
            Kind::Ruling,
            "2025-06-16",
        ),
        (
            "金管會6月16日對某銀行開罰1200萬元。",
            Kind::Sanction,
            "2025-06-16",
        ),
    ]);
    assert!(found("美國6月16日表示，可能對中國商品課徵額外關稅。").is_empty());
    assert!(found("內政部6月4日否認暫停該平台在台灣的連線。").is_empty());
    assert!(found("金管會6月16日表示，並未對該銀行開罰。").is_empty());
}

#[test]
fn a_decision_appealed_against_with_bufu_dates_only_itself() {
    let text = "原告不服行政院中華民國92年11月14日院臺訴字第0920000001號訴願決定，提起上訴。";
    let got = found(text);
    assert!(!got.iter().any(|(k, _)| *k == Kind::Lawsuit), "{got:?}");
    // an appeal with its own date
    check(&[(
        "原告於92年12月3日不服該決定，提起上訴。",
        Kind::Lawsuit,
        "2003-12-03",
    )]);
}

#[test]
fn a_legislature_before_its_vote_is_its_actor() {
    use super::extract;
    use super::tests::{article, rules};
    for text in [
        "立法院6月10日三读通过两岸人民关系条例修正草案。",
        "国会6月10日通过了该法案。",
    ] {
        let got = extract(&article(text, "zh"), rules());
        let law = got.iter().find(|m| m.kind == Kind::Legislation);
        assert!(
            law.is_some_and(|m| m.actors.len() == 1 && m.targets.is_empty()),
            "{text}: {got:?}"
        );
    }
}
