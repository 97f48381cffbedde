//! Chinese constructions of real official and news text (issue 12), second
//! set, each tested on sentences written for this file, with a near miss
//! that must not fire: Taiwanese dates named by their number (今(18)日),
//! 即日起 ("from this day"), a legislature passing a law named without
//! 《》, a list's additions counted with words between the count and 实体,
//! 课征 for a levy, access to a service cut (暂停……连线), a court's
//! sentence (判处), a regulator's fine (开罚), a decision appealed
//! against with 不服, whose date is the decision's, not the appeal's; a
//! document's "本决定自……起施行" with nothing before it (its title's kind),
//! "本公告自发布之日起" (the document's day, a report's "公告自发布之日起"
//! is not), 暂不加征, words holding a hedge (模拟芯片, 若干), 关税提高到,
//! export licences revoked, 实行出口管制, 提起公诉, a judgment set aside in
//! part, a list's loosely counted additions, a disposition under a
//! "主 文" heading on its own line, Minguo years in Chinese numerals, a
//! letter cited and restated ("依……号函，重申……如下："), and a line wrap
//! inside a citation.

use super::extract;
use super::tests::{check, found};
use super::tests_real_zh::found_titled as titled;
use crate::model::{Article, Kind};

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
    // a number in brackets that is no day: the year it names, as 今年 does
    assert!(found("该法今（2025）年修订后，禁止公务机关使用这类软件。")
        .iter()
        .all(|(_, d)| d == "2025"));
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

#[test]
fn from_this_day_with_a_date_of_its_own_is_that_day() {
    check(&[(
        "勞動部6月16日宣布，即日起禁止引進某國移工。",
        Kind::Ban,
        "2025-06-16",
    )]);
}

#[test]
fn a_document_taking_effect_with_nothing_before_it_is_its_title_s_decision() {
    assert_eq!(
        titled(
            "关于对北岭防务公司采取反制措施的决定",
            "本决定自2025年6月20日起施行。"
        ),
        vec![(Kind::Sanction, "2025-06-20".to_string())]
    );
    assert_eq!(
        titled(
            "商务部公告 关于将北岭防务公司列入不可靠实体清单的公告",
            "本公告自发布之日起实施。"
        ),
        vec![(Kind::Listing, "2025-06-18".to_string())]
    );
    // a title naming no measure gives the sentence nothing to take effect
    assert!(titled("商务部公告", "本公告自发布之日起实施。").is_empty());
    // a report's "公告自发布之日起" is the reported announcement's day
    let got = found("商务部16日发布公告，禁止北岭公司向中国出口雷达。公告自发布之日起施行。");
    assert!(
        !got.contains(&(Kind::Ban, "2025-06-18".to_string())),
        "{got:?}"
    );
}

#[test]
fn tariff_wordings_of_suspension_and_rates() {
    check(&[
        (
            "自2025年6月20日起，对原产于北国的大豆暂不加征关税。",
            Kind::Tariff,
            "2025-06-20",
        ),
        (
            "白宫5月14日宣布，将北国电动车的关税提高到100%。",
            Kind::Tariff,
            "2025-05-14",
        ),
    ]);
    // 不 alone before the verb still negates it
    assert!(found("6月20日之前启运的货物，不加征本公告规定的关税。").is_empty());
    assert!(found("白宫5月14日表示，可能将北国电动车的关税提高到100%。").is_empty());
}

#[test]
fn words_that_hold_a_hedge_block_nothing() {
    check(&[
        (
            "商务部6月9日对原产于北国的进口模拟芯片发起反倾销调查。",
            Kind::Investigation,
            "2025-06-09",
        ),
        (
            "市场监管总局6月9日宣布，对北岭公司涉嫌未依法申报一案立案调查。",
            Kind::Investigation,
            "2025-06-09",
        ),
    ]);
    assert!(found("商务部6月9日表示，拟对进口模拟芯片发起反倾销调查。").is_empty());
}

#[test]
fn export_licences_revoked_and_controls_put_in_force() {
    check(&[
        (
            "北国商务部6月16日晚宣布，撤销对北岭公司的出口许可。",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "商务部6月9日公布两份公告，对稀土技术实行出口管制。",
            Kind::ExportControl,
            "2025-06-09",
        ),
    ]);
    assert!(found("北国商务部6月16日否认撤销对北岭公司的出口许可。").is_empty());
}

#[test]
fn prosecutions_judgments_set_aside_in_part_and_dispositions_under_a_heading() {
    check(&[(
        "地检署6月16日侦结，将涉案的3人提起公诉。",
        Kind::Lawsuit,
        "2025-06-16",
    )]);
    check(&[(
        "本院判决如下：主文原判决关于驳回上诉人之诉部分废弃。",
        Kind::Ruling,
        "2025-06-18",
    )]);
    check(&[(
        "主 文\n原告之诉驳回。\n诉讼费用由原告负担。",
        Kind::Ruling,
        "2025-06-18",
    )]);
    // a disposition not under the heading takes no document day
    assert!(found("本案中原告之诉驳回。").is_empty());
}

#[test]
fn a_list_s_additions_counted_loosely() {
    check(&[(
        "經濟部國際貿易署6月16日更新出口實體管理名單，新增多家北國企業。",
        Kind::Listing,
        "2025-06-16",
    )]);
    // additions to something that is no list
    assert!(found("这家工业园6月16日新增多家北国企业入驻。").is_empty());
}

/// (kind, start date) of a Traditional document published on `day`.
fn on_day(day: &str, text: &str) -> Vec<(Kind, String)> {
    use super::tests::rules;
    let a = Article {
        url: "https://example.test/tw".into(),
        lang: "zh".into(),
        text: text.into(),
        published: chrono::DateTime::parse_from_rfc3339(&format!("{day}T12:00:00+08:00")).ok(),
        ..Default::default()
    };
    extract(&a, rules())
        .into_iter()
        .map(|m| (m.kind, m.span.start.to_string()))
        .collect()
}

#[test]
fn a_judgment_s_minguo_years_in_chinese_numerals() {
    let got = on_day(
        "2003-10-30",
        "被上訴人於八十九年十月二十六日以處分書處上訴人罰鍰新臺幣一百萬元。",
    );
    assert!(
        got.contains(&(Kind::Sanction, "2000-10-26".to_string())),
        "{got:?}"
    );
    let got = on_day(
        "2003-10-30",
        "上訴人對於中華民國九十一年六月二十日臺北高等行政法院九十年度訴字第四九八六號判決，提起上訴，本院判決如左：\n  主  文\n上訴駁回。",
    );
    assert!(
        got.contains(&(Kind::Ruling, "2002-06-20".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::Ruling, "2003-10-30".to_string())),
        "{got:?}"
    );
    // the case number's year is no date
    assert!(!got.iter().any(|(_, d)| d.starts_with("2001")), "{got:?}");
}

#[test]
fn a_letter_cited_and_restated_dates_the_items_after_it() {
    let text = "一、依行政院秘書長109年12月18日院臺護長字第1090201804A號函，重申各機關使用資通訊產品之原則如下：\n（一）公務用之資通訊產品不得使用大陸廠牌。";
    let got = on_day("2025-12-09", text);
    assert!(
        got.contains(&(Kind::Ban, "2020-12-18".to_string())),
        "{got:?}"
    );
    // a letter cited without restating it dates nothing after it
    let text =
        "一、行政院秘書長109年12月18日函已送達。\n（一）公務用之資通訊產品不得使用大陸廠牌。";
    let got = on_day("2025-12-09", text);
    assert!(
        !got.contains(&(Kind::Ban, "2020-12-18".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_wrapped_line_does_not_cut_the_citation_it_wraps() {
    let text = "一、依據行政院114年3月31日院授數資安字第1141000253號函\n辦理。\n二、請配合辦理以下事項：\n（一）公務用之資通訊產品不得使用大陸廠牌。";
    let got = on_day("2025-04-11", text);
    assert!(
        got.contains(&(Kind::Ban, "2025-03-31".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_day_joined_to_a_full_date_is_of_its_month() {
    let text = "商务部于2025年4月4日和9日分别发布公告，将28家北国实体列入出口管制管控名单。";
    check(&[
        (text, Kind::Listing, "2025-04-04"),
        (text, Kind::Listing, "2025-04-09"),
    ]);
    let got = found(text);
    assert!(
        !got.iter().any(|(_, d)| d.starts_with("2025-06")),
        "{got:?}"
    );
    // a day after a date and other words is a day of its own
    let got = found("商务部于2025年4月4日发布公告，9日将北岭公司列入出口管制管控名单。");
    assert!(
        got.contains(&(Kind::Listing, "2025-06-09".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_service_cut_off_by_order_or_blocked_for_a_term() {
    check(&[
        (
            "刑事局6月4日宣布，對某社群平台發布網際網路停止解析及限制接取的命令。",
            Kind::Ban,
            "2025-06-04",
        ),
        (
            "內政部6月4日決定封鎖某短影音平台一年。",
            Kind::Ban,
            "2025-06-04",
        ),
        (
            "內政部宣布從昨（17）天起禁限某社群App。",
            Kind::Ban,
            "2025-06-17",
        ),
    ]);
    // a blockade of technology is no service blocked; a possible block is none
    assert!(found("北國5月起加強對南國的技術封鎖。").is_empty());
    assert!(found("內政部6月4日表示，可能封鎖該平台一年。").is_empty());
}

#[test]
fn further_measures_of_the_same_occasion_take_its_day() {
    let text = "商务部6月4日宣布，将15家北国实体列入出口管制管控名单。此外，海关总署宣布暂停三家北国企业的大豆输华资质。市场监管总局亦宣布，对北岭公司依法立案调查。";
    check(&[
        (text, Kind::Listing, "2025-06-04"),
        (text, Kind::Ban, "2025-06-04"),
        (text, Kind::Investigation, "2025-06-04"),
    ]);
    // a day of the sentence's own stands
    let text =
        "商务部6月4日发布公告，对北岭公司处以罚款。商务部上周四还宣布对稀土物项实施出口管制。";
    check(&[(text, Kind::ExportControl, "2025-06-12")]);
    assert!(!found(text).contains(&(Kind::ExportControl, "2025-06-04".to_string())));
    // a supplier barred, hedged
    assert!(found("海关总署6月4日表示，或将暂停北岭公司的大豆输华资质。").is_empty());
}

#[test]
fn an_act_some_days_before_the_report_takes_no_document_day() {
    assert!(found("商务部日前决定对原产于北国的进口丙酸进行反倾销立案调查。").is_empty());
    assert!(found("不可靠实体清单工作机制近日决定将北岭公司列入不可靠实体清单。").is_empty());
    // the document's own decision does
    check(&[(
        "不可靠实体清单工作机制决定将北岭公司列入不可靠实体清单。",
        Kind::Listing,
        "2025-06-18",
    )]);
}

#[test]
fn taiwanese_words_for_suing_judging_banning_sales_and_rolling_out_measures() {
    check(&[
        (
            "北岭公司6月16日向聯邦法院提告，要求撤銷禁令。",
            Kind::Lawsuit,
            "2025-06-16",
        ),
        (
            "台北地方法院6月16日宣判，被告有期徒刑5年。",
            Kind::Ruling,
            "2025-06-16",
        ),
        ("北國6月16日宣布禁售某品牌無人機。", Kind::Ban, "2025-06-16"),
        (
            "北國商務部6月16日祭出新一波出口管制。",
            Kind::ExportControl,
            "2025-06-16",
        ),
        ("北國6月16日對南國祭出25%關稅。", Kind::Tariff, "2025-06-16"),
    ]);
    assert!(found("北岭公司6月16日表示，不排除向法院提告。").is_empty());
    assert!(found("北國6月16日表示，可能祭出新一波出口管制。").is_empty());
}

#[test]
fn a_statute_s_header_dates_its_passing_and_promulgation() {
    let got = on_day(
        "2021-06-10",
        "（2021年6月10日第十三屆全國人民代表大會常務委員會第二十九次會議通過）",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2021-06-10".to_string())]);
    check(&[(
        "《某某法》已由全国人民代表大会常务委员会第二十九次会议于2025年6月10日通过，现予公布。",
        Kind::Legislation,
        "2025-06-10",
    )]);
    // each segment of a header, parted by wide spaces, keeps its own date
    let got = on_day(
        "2024-09-20",
        "（2024年9月18日国务院第41次常务会议通过　2024年9月20日国务院令第792号公布）",
    );
    assert!(
        got.contains(&(Kind::Legislation, "2024-09-18".to_string())),
        "{got:?}"
    );
    let got = on_day(
        "2025-10-01",
        "中華民國114年9月24日總統華總一義字第11400092181號令修正公布全文。",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2025-09-24".to_string())]);
    // a meeting that passes nothing, and a proposal
    assert!(found("全国人民代表大会常务委员会6月10日开幕。").is_empty());
    assert!(found("立法院6月10日表示，可能修正公布该法。").is_empty());
}

#[test]
fn a_law_named_in_a_title_is_no_measure_of_the_title() {
    let got = titled(
        "实施《中华人民共和国反外国制裁法》的规定",
        "（2025年3月23日国务院令第803号公布）",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2025-03-23".to_string())]);
}

#[test]
fn a_statute_revised_and_a_law_promulgated_by_presidential_order() {
    let got = on_day(
        "2022-12-30",
        "（1994年5月12日第八届全国人民代表大会常务委员会第七次会议通过　根据2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议《关于修改〈某某法〉的决定》第一次修正）",
    );
    assert!(
        got.contains(&(Kind::Legislation, "1994-05-12".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::Legislation, "2016-11-07".to_string())),
        "{got:?}"
    );
    let got = on_day(
        "2020-10-17",
        "中華民國108年7月24日總統華總一義字第10800079741號令公布",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2019-07-24".to_string())]);
}

#[test]
fn a_law_taking_effect_is_no_second_legislation() {
    let got = on_day(
        "2024-03-05",
        "《某某管理办法》已经2024年3月1日商务部第5次部务会议审议通过，现予公布，自2024年4月1日起施行。",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2024-03-01".to_string())]);
    let got = on_day(
        "2020-10-17",
        "《某某法》已由全国人民代表大会常务委员会第二十二次会议于2020年10月17日通过。本法自2020年12月1日起施行。",
    );
    assert_eq!(got, vec![(Kind::Legislation, "2020-10-17".to_string())]);
    // a decision taking effect is still the decision
    check(&[(
        "中方决定对北岭公司采取反制措施。本决定自2025年6月20日起施行。",
        Kind::Sanction,
        "2025-06-20",
    )]);
}

#[test]
fn a_legislature_passes_an_amendment_or_an_article() {
    check(&[
        (
            "立法院會今天三讀通過「國家安全法」部分條文修正案。",
            Kind::Legislation,
            "2025-06-18",
        ),
        (
            "立法院17日三讀修正通過兩岸條例第40條之1。",
            Kind::Legislation,
            "2025-06-17",
        ),
    ]);
    assert!(found("立法院17日表示，尚未三讀通過兩岸條例第40條之1。").is_empty());
}
