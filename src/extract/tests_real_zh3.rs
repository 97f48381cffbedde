//! Chinese constructions of real official and news text (issue 12), third
//! set, each tested on sentences written for this file, with a near miss
//! that must not fire: a document's own day from its signature's date line,
//! a dated heading (Taiwan's "發布日期：114-12-04") or a decision in force
//! from a day before it was reported; export controls adjusted (调整); a
//! ban named by its noun (实施为期一年的封锁).

use super::tests::{check, found};
use crate::model::Kind;

// Every document of these tests is published on 2025-06-18.

#[test]
fn a_notice_reposted_later_acts_on_its_signature_s_day() {
    let notice = "关于将部分外国实体列入不可靠实体清单的公告\n\n\
        工作机制依据有关规定，决定将北岭动力等三家外国实体列入不可靠实体清单。\n\n\
        本公告自发布之日起施行。\n\n某工作机制\n2025年6月13日";
    assert_eq!(found(notice), vec![(Kind::Listing, "2025-06-13".into())]);
    // a date that ends a sentence is no signature: the notice's own act
    // keeps the day it was published
    let quoted = "工作机制决定将北岭动力等三家外国实体列入不可靠实体清单，并回顾了该制度\
        自2020年9月19日以来的实施情况。";
    assert!(found(quoted)
        .iter()
        .all(|(_, d)| d == "2025-06-18" || d.starts_with("2020")));
}

#[test]
fn a_dated_heading_gives_the_document_s_day() {
    let release = "新聞稿\n發布日期：114-06-16\n\n\
        數位發展部表示，某款境外聊天軟體屬危害國家資通安全產品，公務機關即日起禁止下載及使用。";
    assert_eq!(found(release), vec![(Kind::Ban, "2025-06-16".into())]);
    // a heading after publication is a typo or a schedule, not its day
    let ahead = "發布日期：114-07-16\n\n公務機關即日起禁止下載及使用該軟體。";
    assert_eq!(found(ahead), vec![(Kind::Ban, "2025-06-18".into())]);
}

#[test]
fn a_decision_in_force_from_an_earlier_day_was_made_that_day() {
    let decision = "中方决定对以下外国军工企业采取反制措施：冻结其在中国境内的财产。\n\n\
        本决定自2025年6月16日起施行。";
    assert_eq!(found(decision), vec![(Kind::Sanction, "2025-06-16".into())]);
    // in force from a later day: the decision is the document's day, the
    // day it applies from is its own
    let later = "中方决定对以下外国军工企业采取反制措施。\n\n本决定自2025年7月1日起施行。";
    assert!(found(later).contains(&(Kind::Sanction, "2025-06-18".into())));
}

#[test]
fn export_controls_adjusted_and_a_ban_named_by_its_noun() {
    check(&[
        (
            "6月16日，商务部发布公告，调整部分稀有金属物项的出口管制措施。",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "內政部今（18）日宣布，對某境外影音平台實施為期一年的封鎖。",
            Kind::Ban,
            "2025-06-18",
        ),
    ]);
    assert!(found("6月16日，商务部表示，将研究是否调整出口管制措施。").is_empty());
    assert!(found("內政部6月16日表示，目前不會對該平台實施封鎖。").is_empty());
}

#[test]
fn a_list_grown_with_ba_or_named_first_and_removals_counted() {
    check(&[
        (
            "美国商务部周五把十余家外国公司加入了实体清单。",
            Kind::Listing,
            "2025-06-13",
        ),
        (
            "工业与安全局周一发布声明说，将在实体清单中增加24个外国机构。",
            Kind::Listing,
            "2025-06-16",
        ),
        (
            "貿易署16日公告更新實體管理名單，新增數十個實體，同時移除7個實體。",
            Kind::Delisting,
            "2025-06-16",
        ),
    ]);
    assert!(found("美国商务部周五表示，可能把更多外国公司加入实体清单。").is_empty());
    assert!(found("貿易署16日表示，不會移除7個實體。").is_empty());
}

#[test]
fn a_dispatch_s_today_is_its_dateline_s_day() {
    // filed in Washington on the 17th, published in Taipei on the 18th
    let dispatch =
        "（某通讯社记者某某华盛顿17日专电）美国商务部今天宣布将12家外国企业列入实体清单。";
    assert_eq!(found(dispatch), vec![(Kind::Listing, "2025-06-17".into())]);
    // no dateline: today is the day of publication
    let plain = "美国商务部今天宣布将12家外国企业列入实体清单。";
    assert_eq!(found(plain), vec![(Kind::Listing, "2025-06-18".into())]);
}

#[test]
fn an_order_to_delete_an_app_and_a_measure_kept_from_effect() {
    check(&[(
        "某国议会去年2月要求工作人员从公务设备上删除该视频应用。",
        Kind::Ban,
        "2024-02",
    )]);
    assert!(found("某国议会去年2月建议工作人员从公务设备上删除该视频应用。").is_empty());
    // the court's ruling, not the ban it blocked
    assert_eq!(
        found("一名联邦法官去年11月阻止了该州的禁令生效。"),
        vec![(Kind::Ruling, "2024-11".into())]
    );
}

#[test]
fn a_regulator_s_own_investigation_under_the_law() {
    let notice = "因某外国芯片公司涉嫌违反反垄断法，市场监管总局依法对其开展立案调查。";
    assert_eq!(
        found(notice),
        vec![(Kind::Investigation, "2025-06-18".into())]
    );
    // a spokesperson asked about an act of some days before: not its day
    let answer = "问：近日，市场监管总局对某外国芯片公司立案调查，请介绍情况。\n\n\
        答：在事实清楚的基础上，我局依法对该公司进行立案调查。";
    assert!(found(answer).is_empty());
}

#[test]
fn a_request_for_an_investigation_is_no_investigation() {
    // the cue stands before a long 对 phrase, more than twenty characters
    // from the verb
    let petition = "2025年4月20日，申请人请求对原产于甲国、乙国、丙国和丁地区的进口某种工程塑料进行反倾销调查。";
    assert!(found(petition).is_empty());
    check(&[(
        "2025年6月16日，商务部决定对原产于甲国、乙国、丙国和丁地区的进口某种工程塑料进行反倾销立案调查。",
        Kind::Investigation,
        "2025-06-16",
    )]);
}

#[test]
fn export_limits_on_advanced_goods_and_licences_after_an_ascii_comma() {
    check(&[
        (
            "美方6月16日公布新规，限制先进芯片出口。",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "根據公告,自2025年7月1日起,未經許可,相關物項不得出口。",
            Kind::ExportControl,
            "2025-07-01",
        ),
    ]);
    // imports and exports both: a trade measure, not an export control
    assert!(found("6月16日，该国宣布限制进出口贸易的部分环节。")
        .iter()
        .all(|(k, _)| *k != Kind::ExportControl));
}

#[test]
fn a_supplier_barred_from_selling_to_china() {
    check(&[(
        "6月16日，海关总署宣布暂停两家外国企业的禽肉产品输华。",
        Kind::Ban,
        "2025-06-16",
    )]);
    assert!(found("6月16日，海关总署表示，拟暂停两家外国企业的禽肉产品输华。").is_empty());
}

#[test]
fn a_reported_notice_in_force_from_its_issue_takes_the_issue_s_day() {
    let report =
        "商务部6月13日发布公告，决定加强相关两用物项对某国出口管制。公告自公布之日起正式实施。";
    assert_eq!(
        found(report),
        vec![(Kind::ExportControl, "2025-06-13".into())]
    );
    // the document's own "本公告自发布之日起" is its own day
    let own = "某部决定将三家外国实体列入不可靠实体清单。本公告自发布之日起施行。";
    assert_eq!(found(own), vec![(Kind::Listing, "2025-06-18".into())]);
}

#[test]
fn a_decision_after_the_sentence_that_dates_its_announcement() {
    let report = "6月13日，商务部发布2025年第9号公告。根据出口管制法等有关规定，决定加强两用物项对某国出口管制。";
    assert_eq!(
        found(report),
        vec![(Kind::ExportControl, "2025-06-13".into())]
    );
    // "日前" dates nothing: the decision keeps the document's day
    let vague = "日前，商务部发布2025年第9号公告。根据出口管制法等有关规定，决定加强两用物项对某国出口管制。";
    assert!(!found(vague).contains(&(Kind::ExportControl, "2025-06-13".into())));
}

#[test]
fn prosecutors_and_investigators_inquiries_in_taiwanese_wording() {
    check(&[
        (
            "調查局於114年6月16日報請地檢署，由檢察官指揮所屬外勤站同步偵辦某外資公司在臺非法招募人才案件。",
            Kind::Investigation,
            "2025-06-16",
        ),
        (
            "檢調17日在北部多個縣市發動搜索，約談十餘人。",
            Kind::Investigation,
            "2025-06-17",
        ),
    ]);
    // a case to be handed on later, a search engine and an audit rule
    assert!(found("全案將依違反兩岸條例移送偵辦。").is_empty());
    assert!(found("某搜索引擎6月16日推出新功能。").is_empty());
    assert!(found("依據產品審查辦法第六條及審計室114年6月16日函辦理。").is_empty());
}

#[test]
fn taiwanese_readings_and_promulgations() {
    check(&[
        (
            "某產業條例部分條文今天三讀通過，加強對外投資審查。",
            Kind::Legislation,
            "2025-06-18",
        ),
        (
            "行政院院會昨通過某條例修正草案，提高違規投資的罰鍰。",
            Kind::Legislation,
            "2025-06-17",
        ),
        (
            "該法修正案已於今年5月20日經總統公布。",
            Kind::Legislation,
            "2025-05-20",
        ),
        (
            "某部於114年6月16日訂定發布「某類產品審查辦法」。",
            Kind::Legislation,
            "2025-06-16",
        ),
    ]);
    // a rule cited by the day it was amended: no act of the document's
    assert!(found("被告依91年7月31日修正發布之某許可辦法第4條規定審認原告行為。").is_empty());
    // a reading still to come
    assert!(found("該條例修正草案預計下月三讀通過。").is_empty());
}

#[test]
fn services_cut_off_and_downloads_halted() {
    check(&[
        (
            "國家通訊傳播委員會6月16日要求電信業者停止提供某App的服務。",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "某國政府6月16日暫停某AI應用程式在當地的新下載。",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "某國資料保護機構6月16日下令封鎖某AI聊天機器人。",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "內政部6月16日宣布對某App實施網路阻斷，為期一年。",
            Kind::Ban,
            "2025-06-16",
        ),
    ]);
    assert!(found("某國政府6月16日表示，考慮暫停某AI應用程式的新下載。").is_empty());
}

#[test]
fn tariff_rates_raised_by_a_number_or_adjusted() {
    check(&[
        (
            "某国3月3日宣布，对进口商品的关税再提高10个百分点。",
            Kind::Tariff,
            "2025-03-03",
        ),
        (
            "税委会发布公告，自2025年7月1日起，调整对原产于某国的部分进口商品的加征税率。",
            Kind::Tariff,
            "2025-07-01",
        ),
    ]);
    // tariffs that raised costs are no tariff raised
    assert!(found("业者6月16日表示，关税提高了企业的采购成本。").is_empty());
}

#[test]
fn taiwanese_export_controls_written_with_shu() {
    check(&[
        (
            "經濟部宣布自6月16日起禁止相關晶片輸往該國。",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "自6月16日起，廠商出口清單所列貨品至該國，須事先申請輸出許可證。",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "貿易署6月16日公告修正「輸往某國高科技貨品清單」，新增管制品項。",
            Kind::ExportControl,
            "2025-06-16",
        ),
    ]);
    assert!(found("經濟部6月16日表示，將研議是否限制晶片輸往該國。").is_empty());
}

#[test]
fn a_party_s_prayer_a_petition_and_the_case_s_history_are_no_disposition() {
    let judgment = |body: &str| super::tests_real_zh::found_titled("某高等行政法院判決", body);
    assert!(judgment("被上訴人聲明：上訴駁回。").is_empty());
    assert!(judgment("經本院98年度判字第659號判決將原判決廢棄，發回更為審理。").is_empty());
    assert!(judgment(
        "原告不服，提起訴願，經行政院於95年10月19日以院臺訴字第0950092627號訴願決定駁回，遂提起行政訴訟。"
    )
    .is_empty());
    // the court's own disposition keeps its day
    assert_eq!(
        judgment("本院判決如下：\n主 文\n上訴駁回。"),
        vec![(Kind::Ruling, "2025-06-18".into())]
    );
}

#[test]
fn a_decision_whose_parts_apply_from_later_days() {
    let notice = "税委会决定对原产于某国的部分进口商品加征25%的关税，其中一部分商品自2025年7月6日起实施加征关税。";
    let got = found(notice);
    assert!(
        got.contains(&(Kind::Tariff, "2025-06-18".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::Tariff, "2025-07-06".into())),
        "{got:?}"
    );
    // the day it applies from stands before the measure: that day only
    let applying = "税委会决定，自2025年7月6日起，对原产于某国的部分进口商品提高加征关税税率。";
    assert_eq!(found(applying), vec![(Kind::Tariff, "2025-07-06".into())]);
}

#[test]
fn taiwanese_vocabulary_for_networks_and_apps() {
    check(&[
        (
            "網路安全審查辦公室6月16日宣布，對某公司產品實施網路安全審查。",
            Kind::Investigation,
            "2025-06-16",
        ),
        (
            "內政部6月16日宣布暫停某應用程式的連線。",
            Kind::Ban,
            "2025-06-16",
        ),
    ]);
    assert!(found("內政部6月16日表示，將評估是否暫停某應用程式的連線。").is_empty());
}

#[test]
fn tariff_exclusions_opened_and_concessions_suspended() {
    check(&[
        (
            "税委会决定，自2025年7月1日起开展对某国加征关税商品市场化采购排除工作。",
            Kind::Tariff,
            "2025-07-01",
        ),
        (
            "自2025年6月16日起，对原产于某国的部分进口商品中止关税减让义务。",
            Kind::Tariff,
            "2025-06-16",
        ),
    ]);
    assert!(found("6月16日，某部表示，可能中止关税减让义务。").is_empty());
}

#[test]
fn a_letter_forwarding_another_acts_under_the_one_it_forwards() {
    let notice = "一、依據本府114年6月10日府智安字第1140084422號函轉行政院114年6月6日院授數資安字第1141000253號函辦理。\n\n\
        二、公務用之資通訊產品不得使用大陸廠牌。";
    assert_eq!(found(notice), vec![(Kind::Ban, "2025-06-06".into())]);
    // a letter of its own: its day
    let own = "一、依據行政院114年6月6日院授數資安字第1141000253號函辦理。\n\n\
        二、公務用之資通訊產品不得使用大陸廠牌。";
    assert_eq!(found(own), vec![(Kind::Ban, "2025-06-06".into())]);
}

#[test]
fn taiwanese_years_and_months_named_by_their_number() {
    check(&[
        (
            "經濟部上(5)月28日公告將某公司列入實體管理名單。",
            Kind::Listing,
            "2025-05-28",
        ),
        (
            "行政院去(113)年12月通過某安全管理法修正草案。",
            Kind::Legislation,
            "2024-12",
        ),
    ]);
    // the Executive Yuan approving a plan is no bill
    assert!(found("行政院6月16日通過某產業發展方案。").is_empty());
}

#[test]
fn a_removal_whose_list_was_named_just_before() {
    let got = found("該公司曾於2022年遭某國列入實體清單，並於2024年被移除。");
    assert!(got.contains(&(Kind::Listing, "2022".into())), "{got:?}");
    assert!(got.contains(&(Kind::Delisting, "2024".into())), "{got:?}");
    // a removal that may come
    assert!(found("該公司6月16日表示，希望從實體清單中被移除。").is_empty());
}

#[test]
fn a_law_published_under_a_title_naming_a_measure() {
    assert_eq!(
        found("国务院6月16日签署国务院令，公布《某类物项出口管制条例》，自2025年12月1日起施行。"),
        vec![(Kind::Legislation, "2025-06-16".into())]
    );
    // a law taking effect is no measure of the kind its name holds
    assert!(found("关税法自2025年12月1日起施行。").is_empty());
    // a regulation citing a sanctions law in its title imposes nothing
    assert!(
        found("国务院3月24日公布《实施〈某反外国制裁法〉的规定》，自公布之日起施行。")
            .iter()
            .all(|(k, _)| *k != Kind::Sanction)
    );
}
