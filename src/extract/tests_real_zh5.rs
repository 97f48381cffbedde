//! Chinese constructions of real official and news text (issue 12), fifth
//! set, each tested on sentences written for this file in both scripts,
//! with a near miss that must not fire: a Taiwanese document's subject line
//! (主旨：) in its own voice, dated by its signature or by a date line under
//! its heading; what a just-dated announcement says (公告称，……); a law
//! promulgated by the president (总统公布, 公布修正《……》, 兹修正……公布之);
//! countervailing duties (平衡税) and a duty levied anew (开征); imports of a
//! good halted (暂停某国牛肉进口); service cut off to a region's users
//! (停止向……提供服务); goods barred from being sold to a country (销往);
//! export licences required in an announcement's words; a further decision
//! of the same occasion (同时，……; 还决定; 随即宣布); a judgment's header,
//! whose dates (辩论终结, a petition decision's) date no ruling; duties in
//! Taiwanese wording (调高至, 加收); accounts blocked; a list updated with
//! its additions named after it; a letter's rules followed (函规定办理)
//! dating the measures after it; the country a 对 governs (对华加征关税，
//! 对其……加征), no actor of the clauses after it; two coordinated clauses
//! with targets of their own (……，同时对B……发起调查), two measures.

use super::tests::{article, check, found, rules};
use crate::model::Kind;

// Every document of these tests is published on 2025-06-18.

#[test]
fn a_subject_line_speaks_in_the_document_s_voice() {
    check(&[
        // dated by the signature's date line, in the Minguo calendar
        (
            "經濟部公告\n主旨：公告將北岭公司等三家實體列入出口管制實體名單。\n部長 某某\n中華民國114年6月10日",
            Kind::Listing,
            "2025-06-10",
        ),
        // dated by a date line under the heading
        (
            "財政部 公告\n中華民國114年6月11日\n台財關字第1140000001號\n主旨：公告對原產於北岭之鋼捲課徵反傾銷稅。",
            Kind::Tariff,
            "2025-06-11",
        ),
        // Simplified script, a letter to the schools
        (
            "教育部 函\n主旨：请各校即日起禁止于公务设备安装北岭公司之软件。\n2025年6月12日",
            Kind::Ban,
            "2025-06-12",
        ),
    ]);
    // a draft put out for comment is no measure
    assert!(
        found("經濟部公告\n主旨：預告修正「北岭產品輸入規定」草案。\n中華民國114年6月10日")
            .is_empty()
    );
    // a reply on whether a listing will happen asserts none
    assert!(found(
        "函\n主旨：有關北岭公司是否列入管制名單一案，復如說明，請查照。\n中華民國114年6月10日"
    )
    .is_empty());
}

#[test]
fn what_a_just_dated_announcement_says() {
    check(&[
        (
            "2025年6月10日，商务部发布公告。公告称，北岭公司等五家企业被列入不可靠实体清单。",
            Kind::Listing,
            "2025-06-10",
        ),
        (
            "6月11日，海关总署发布公告。根据公告，自即日起暂停南川禽肉产品进口。",
            Kind::Ban,
            "2025-06-11",
        ),
        (
            "商務部6月12日發布公告。公告指出，對南川相關物項實施出口管制。",
            Kind::ExportControl,
            "2025-06-12",
        ),
    ]);
    // with no dated announcement before it, a report's 公告称 dates nothing
    assert!(found("公告称，北岭公司等五家企业被列入不可靠实体清单。").is_empty());
    // an announcement two paragraphs back is not the one meant
    assert!(found(
        "2025年6月10日，商务部发布公告。业内人士认为影响有限。市场反应平稳。专家表示仍需观察。公告称，北岭公司被列入不可靠实体清单。"
    )
    .is_empty());
}

#[test]
fn a_law_promulgated_by_the_president() {
    check(&[
        (
            "總統府6月11日公布修正《國家安全法》部分條文。",
            Kind::Legislation,
            "2025-06-11",
        ),
        (
            "總統令 中華民國114年6月12日 華總一義字第11400000001號 茲修正資通安全管理法第二條條文，公布之。",
            Kind::Legislation,
            "2025-06-12",
        ),
        (
            "该法案经立法院5月20日三读通过，总统于6月3日公布。",
            Kind::Legislation,
            "2025-06-03",
        ),
    ]);
    // a bill still awaiting promulgation
    assert!(found("總統府表示，將於近日公布修正之國家安全法。").is_empty());
    // "总统公布的" describes an earlier law, no act
    assert!(found("依据总统公布的法律，相关规定6月11日仍有效。").is_empty());
}

#[test]
fn countervailing_duties_and_duties_levied_anew() {
    check(&[
        (
            "財政部關務署6月10日起對北岭產製之鋁箔課徵平衡稅。",
            Kind::Tariff,
            "2025-06-10",
        ),
        (
            "自2025年6月11日起，对原产于北岭的进口光纤开征反补贴税。",
            Kind::Tariff,
            "2025-06-11",
        ),
        (
            "南川6月12日宣布，即日起對北岭輪胎課徵臨時平衡稅。",
            Kind::Tariff,
            "2025-06-12",
        ),
    ]);
    // a duty weighed, not levied
    assert!(found("財政部6月10日表示，是否課徵平衡稅尚待調查結果。").is_empty());
}

#[test]
fn imports_of_a_good_halted() {
    check(&[
        (
            "海关总署6月10日宣布暂停南川企业的牛肉进口。",
            Kind::Ban,
            "2025-06-10",
        ),
        ("北岭自6月11日起禁止南川禽肉进口。", Kind::Ban, "2025-06-11"),
        (
            "農業部6月12日宣布，即日起停止北岭豬肉進口。",
            Kind::Ban,
            "2025-06-12",
        ),
    ]);
    // a tariff on imported goods halted is no ban on them
    assert!(found("税委会6月10日决定，暂停对南川进口商品加征的关税。")
        .iter()
        .all(|(k, _)| *k != Kind::Ban));
}

#[test]
fn service_cut_off_to_a_region_s_users() {
    check(&[
        (
            "北岭公司6月10日宣布停止向南川地区用户提供服务。",
            Kind::Ban,
            "2025-06-10",
        ),
        (
            "自6月11日起，北岭雲端暫停向南川企業客戶提供運算服務。",
            Kind::Ban,
            "2025-06-11",
        ),
        (
            "北岭平台6月12日起中止向未实名用户提供直播服务。",
            Kind::Ban,
            "2025-06-12",
        ),
    ]);
    // service kept going
    assert!(found("北岭公司6月10日表示，将继续向南川用户提供服务。").is_empty());
}

#[test]
fn goods_barred_from_sale_to_a_country_and_licences_required() {
    check(&[
        (
            "南川政府6月10日宣布限制高階晶片銷往北岭。",
            Kind::ExportControl,
            "2025-06-10",
        ),
        (
            "出口经营者自2025年6月11日起出口上述物项，应向商务部申请许可。",
            Kind::ExportControl,
            "2025-06-11",
        ),
        (
            "自2025年6月12日起，未经许可，任何组织和个人不得向南川出口上述物项。",
            Kind::ExportControl,
            "2025-06-12",
        ),
        (
            "南川6月13日宣布，即日起将北岭列入出口管制对象国。",
            Kind::ExportControl,
            "2025-06-13",
        ),
    ]);
    // a website's reprint notice, and a shop's licence, are no export rule
    assert!(found("2025年6月10日起，未经许可，不得转载本网站内容。").is_empty());
    assert!(found("企业6月10日起开设门店，应向市场监管部门申请许可。").is_empty());
}

#[test]
fn a_further_decision_of_the_same_occasion() {
    let got = found("6月10日，南川宣布对北岭商品加征10%关税。同时，商务部决定对北岭公司立案调查。");
    assert!(
        got.contains(&(Kind::Investigation, "2025-06-10".into())),
        "{got:?}"
    );
    check(&[
        (
            "6月11日，南川宣布对北岭商品加征10%关税。商务部还决定将北岭公司列入不可靠实体清单。",
            Kind::Listing,
            "2025-06-11",
        ),
        (
            "南川6月12日對北岭商品加徵關稅。北岭隨即宣布對南川商品加徵同等關稅。",
            Kind::Tariff,
            "2025-06-12",
        ),
    ]);
    // "同时" of a plan dates no act
    let got =
        found("6月10日，南川宣布对北岭商品加征10%关税。同时，商务部表示不排除对北岭公司立案调查。");
    assert!(
        got.iter().all(|(k, _)| *k != Kind::Investigation),
        "{got:?}"
    );
}

#[test]
fn a_judgment_s_header_dates_no_ruling() {
    // the hearing's close and the petition decision sued against are the
    // header's dates; the disposition is the judgment's own day
    let got = found(
        "臺北高等行政法院判決\n114年度訴字第10號\n114年5月20日辯論終結\n原 告 北岭公司\n被 告 經濟部\n上列當事人間貿易法事件，原告不服行政院114年2月3日院臺訴字第1140000001號訴願決定，提起行政訴訟，本院判決如下：\n主 文\n原告之訴駁回。",
    );
    assert_eq!(got, vec![(Kind::Ruling, "2025-06-18".into())]);
    // dated by the signature, Simplified script
    let got = found(
        "台北高等行政法院判决\n114年度诉字第11号\n114年5月21日言词辩论终结\n原告不服经济部114年2月4日经诉字第11400000号诉愿决定，提起行政诉讼，本院判决如下：\n主 文\n诉愿决定及原处分均撤销。\n中华民国114年6月9日",
    );
    assert_eq!(got, vec![(Kind::Ruling, "2025-06-09".into())]);
    // a court of the mainland opening its disposition in the same sentence
    check(&[(
        "北京市高级人民法院\n民事判决书\n依照相关法律规定，判决如下：驳回上诉，维持原判。\n二〇二五年六月十日",
        Kind::Ruling,
        "2025-06-10",
    )]);
    // a header alone states no ruling
    assert!(found("最高行政法院判決\n114年度上字第5號\n114年5月20日言詞辯論終結").is_empty());
}

#[test]
fn a_duty_raised_lowered_or_revoked_in_taiwanese_wording() {
    check(&[
        (
            "南川對北岭電動車的關稅10日起由25%調高至100%。",
            Kind::Tariff,
            "2025-06-10",
        ),
        (
            "南川11日起將北岭鋼鋁關稅調升至50%。",
            Kind::Tariff,
            "2025-06-11",
        ),
        (
            "北岭12日宣布撤銷對南川的報復關稅。",
            Kind::Tariff,
            "2025-06-12",
        ),
        (
            "南川海关13日起对北岭大豆加收10%关税。",
            Kind::Tariff,
            "2025-06-13",
        ),
        (
            "两国14日同意将关税降低20个百分点。",
            Kind::Tariff,
            "2025-06-14",
        ),
    ]);
    // a duty rate that the article only compares
    assert!(found("分析師10日指出，北岭關稅水準高於南川。").is_empty());
}

#[test]
fn accounts_blocked_and_a_list_updated_with_its_additions_after() {
    check(&[
        (
            "北岭公司10日封鎖了數千個南川用戶帳號。",
            Kind::Ban,
            "2025-06-10",
        ),
        (
            "南川商務部11日更新實體清單，納入北岭等12家企業。",
            Kind::Listing,
            "2025-06-11",
        ),
        (
            "南川商务部12日修订实体清单，增列北岭大学等5家机构。",
            Kind::Listing,
            "2025-06-12",
        ),
        (
            "南川13日把北岭等企業加進實體清單。",
            Kind::Listing,
            "2025-06-13",
        ),
    ]);
    // an updated list that adds nobody named
    assert!(found("南川商務部11日更新實體清單的查詢網站。").is_empty());
    // a user locking their own account is no ban
    assert!(found("北岭公司10日提醒用户定期修改账号密码。").is_empty());
}

#[test]
fn a_letter_s_rules_followed_date_the_measures_after_it() {
    check(&[
        (
            "1.依據教育部民國114年6月10日臺教資字第1140000001號函規定辦理。\n2.公務設備不得安裝北岭公司之軟體。",
            Kind::Ban,
            "2025-06-10",
        ),
        (
            "依据某部2025年6月11日某字第1号函示办理。\n各单位公务电脑不得安装北岭公司软件。",
            Kind::Ban,
            "2025-06-11",
        ),
        (
            "一、依數位部114年6月12日數授資字第1140000002號函指示辦理。\n二、公務機關全面禁用北岭App。",
            Kind::Ban,
            "2025-06-12",
        ),
    ]);
    // a letter mentioned, not acted under: the measure stays undated
    assert!(
        found("該部114年6月10日函規定辦理事項業已完成。\n公務設備不得安裝北岭公司之軟體。")
            .is_empty()
    );
}

/// "对华加征关税……，对其附件所列商品加征10%的关税": the country a 对 governs
/// undergoes the measure; it is not the actor of the coordinated clause
/// after it, whose 其 refers back to it.
#[test]
fn a_country_after_dui_acts_in_no_later_clause() {
    let tariff_actors = |text: &str| {
        super::extract(&article(text, "zh"), rules())
            .into_iter()
            .filter(|m| m.kind == Kind::Tariff)
            .map(|m| m.actors)
            .collect::<Vec<_>>()
    };
    for (text, country) in [
        (
            "二、对该公告所附对华加征关税商品清单的商品，自2025年6月10日起加征关税，对其附件1所列812个税目商品加征15%的关税，对其附件2所列95个税目商品加征5%的关税。",
            "China",
        ),
        (
            "二、對該公告所附對華加徵關稅商品清單的商品，自2025年6月10日起加徵關稅，對其附件1所列812個稅目商品加徵15%的關稅。",
            "China",
        ),
        (
            "自2025年6月10日起，对原产于加拿大的部分进口商品加征关税，对其附件所列商品加征10%的关税。",
            "Canada",
        ),
    ] {
        let got = tariff_actors(text);
        assert!(!got.is_empty(), "no tariff in {text:?}");
        assert!(
            got.iter().all(|a| !a.iter().any(|n| n == country)),
            "{text:?}: {got:?}"
        );
    }
    // near misses: the country is the subject, or the topic 对……而言
    // names, and acts
    let got =
        tariff_actors("加拿大自2025年6月10日起对北岭加征关税，对其附件所列商品加征10%的关税。");
    assert!(
        got.iter().any(|a| a.iter().any(|n| n == "Canada")),
        "{got:?}"
    );
    let got = tariff_actors("对加拿大而言，自2025年6月10日起对北岭钢材加征关税，是其首次反制。");
    assert!(
        got.iter().any(|a| a.iter().any(|n| n == "Canada")),
        "{got:?}"
    );
}

/// "对原产于A的商品发起反倾销调查，同时对B的措施发起反歧视调查": two
/// coordinated clauses of one sentence, each with a target of its own and
/// none shared, are two measures of one day; a clause that only spells
/// out the first one's goods (对其附件……) is the same measure.
#[test]
fn two_clauses_with_their_own_targets_are_two_measures() {
    let of_kind = |text: &str, kind: Kind| {
        super::extract(&article(text, "zh"), rules())
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.targets)
            .collect::<Vec<_>>()
    };
    let two = of_kind(
        "商务部6月10日宣布对原产于日本的进口光纤发起反倾销调查，同时对加拿大在钢铁领域采取的相关措施发起反歧视调查。",
        Kind::Investigation,
    );
    assert_eq!(two.len(), 2, "{two:?}");
    let two = of_kind(
        "商務部6月10日宣布對原產於日本的進口光纖發起反傾銷調查，同時對加拿大在鋼鐵領域採取的相關措施發起反歧視調查。",
        Kind::Investigation,
    );
    assert_eq!(two.len(), 2, "{two:?}");
    // near misses: the second clause names no target of its own, or one
    // the first already named
    let one = of_kind(
        "自2025年6月10日起，对原产于加拿大的部分进口钢材加征关税，对其附件所列商品加征10%的关税。",
        Kind::Tariff,
    );
    assert_eq!(one.len(), 1, "{one:?}");
    let one = of_kind(
        "商务部6月10日宣布对原产于日本和加拿大的进口光纤发起反倾销调查，同时对原产于日本的光纤预制棒发起反倾销调查。",
        Kind::Investigation,
    );
    assert_eq!(one.len(), 1, "{one:?}");
}

#[test]
fn measures_a_listing_lists_inline_are_the_listing() {
    // the bans after "采取以下处理措施：" are what the listing does
    for text in [
        "不可靠实体清单工作机制决定将下列五家外国实体列入不可靠实体清单，并采取以下处理措施：禁止上述企业从事与中国有关的进出口活动；禁止上述企业在中国境内新增投资。",
        "不可靠實體清單工作機制決定將下列五家外國實體列入不可靠實體清單，並採取以下處理措施：禁止上述企業從事與中國有關的進出口活動；禁止上述企業在中國境內新增投資。",
    ] {
        assert_eq!(
            found(text),
            [(Kind::Listing, "2025-06-18".to_string())],
            "{text}"
        );
    }
}
