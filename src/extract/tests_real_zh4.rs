//! Chinese constructions of real official and news text (issue 12), fourth
//! set, each tested on sentences written for this file, with a near miss
//! that must not fire: a list's additions counted in Chinese numerals
//! (新增三百余个实体, 新增两家企业); prosecutors searching named premises;
//! a duty's rate changed (税率从15%降至7.5%) and an agreement's concessions
//! suspended (中止适用……协定税率); items put under export control
//! (对锑相关物项实施列管); an announcement dated after its subject
//! ("税委会6月16日宣布……，自7月1日起实施"); 稍早 (earlier on the report's
//! day); an order to stop using a product (要求……全面停用); an item of a
//! decision's numbered list; a procurement rule that shuts out mainland
//! suppliers, made by the agency whose letter the sentence cites.

use super::tests::{check, found};
use crate::model::Kind;

// Every document of these tests is published on 2025-06-18.

#[test]
fn a_list_s_additions_counted_in_chinese_numerals() {
    check(&[
        (
            "貿易署於本月10日發布更新，新增北岭與南川等三百餘個實體。",
            Kind::Listing,
            "2025-06-10",
        ),
        (
            "經濟部16日公告修正出口管制實體名單，新增兩家北岭企業。",
            Kind::Listing,
            "2025-06-16",
        ),
    ]);
    // more plants are no list's entries
    assert!(found("北岭公司16日表示，今年將新增兩家工廠。").is_empty());
}

#[test]
fn prosecutors_search_named_premises() {
    check(&[
        (
            "檢方16日持法院核發的搜索票，搜索北岭科技在台辦事處等5處。",
            Kind::Investigation,
            "2025-06-16",
        ),
        (
            "檢調16日兵分多路，搜索該公司辦公室及負責人住處。",
            Kind::Investigation,
            "2025-06-16",
        ),
    ]);
    // a web search names no searchers
    assert!(found("用戶16日可在網站上搜索北岭公司辦事處的資訊。").is_empty());
    // a warrant asked for and refused searches nothing
    assert!(found("檢方16日向法院聲請搜索票，惟法院未核准。").is_empty());
}

#[test]
fn a_duty_s_rate_changed_and_concessions_suspended() {
    check(&[
        (
            "北岭将自6月14日起，把部分南川商品的加征税率从20%降至10%。",
            Kind::Tariff,
            "2025-06-14",
        ),
        (
            "自2025年6月15日起，对原产于南川的60个税目进口产品中止适用某协议协定税率。",
            Kind::Tariff,
            "2025-06-15",
        ),
        (
            "税委会6月16日发布公告，中止《某框架协议》部分产品关税减让。",
            Kind::Tariff,
            "2025-06-16",
        ),
    ]);
    assert!(found("税委会6月16日表示，暂不考虑中止协定税率。").is_empty());
}

#[test]
fn items_put_under_export_control() {
    check(&[(
        "自2024年9月15日对锑相关物项实施列管以来，已收到多份出口许可申请。",
        Kind::ExportControl,
        "2024-09-15",
    )]);
    // a company 列管 by another country is listed, not a control on items
    assert!(found("北岭公司6月16日遭南川列管。")
        .iter()
        .all(|(k, _)| *k != Kind::ExportControl));
}

#[test]
fn an_announcement_dated_after_its_subject() {
    let text = "税委会6月16日宣布对原产于北岭的部分商品加征10%关税，自7月1日起实施。";
    let got = found(text);
    for day in ["2025-06-16", "2025-07-01"] {
        assert!(got.contains(&(Kind::Tariff, day.into())), "{day}: {got:?}");
    }
    // a measure announced as possible dates nothing
    let got = found("税委会6月16日宣布可能对北岭商品加征10%关税，自7月1日起实施。");
    assert!(
        !got.contains(&(Kind::Tariff, "2025-06-16".into())),
        "{got:?}"
    );
}

#[test]
fn earlier_today_and_an_order_to_stop_using() {
    check(&[
        (
            "南川財政部稍早宣布制裁3家北岭企業。",
            Kind::Sanction,
            "2025-06-18",
        ),
        (
            "南川商務部本月稍早將多家北岭企業列入實體清單。",
            Kind::Listing,
            "2025-06",
        ),
        (
            "數發部16日證實，已要求公務機關全面停用該款境外軟體。",
            Kind::Ban,
            "2025-06-16",
        ),
    ]);
    // "some while before" is no day; a service its maker retired is no ban
    assert!(found("南川財政部稍早前曾宣布制裁3家北岭企業。").is_empty());
    assert!(found("北岭公司16日表示，該雲端服務已於去年停用。").is_empty());
}

#[test]
fn a_dispatch_s_yesterday_written_as_zuo_alone() {
    // filed on the 17th, published on the 18th: 昨 is the 16th
    let text = "（某通讯社记者某某华盛顿17日专电）南川商务部昨宣布将12家北岭企业列入实体清单。";
    assert_eq!(found(text), vec![(Kind::Listing, "2025-06-16".into())]);
    let plain = "南川商务部昨宣布将12家北岭企业列入实体清单。";
    assert_eq!(found(plain), vec![(Kind::Listing, "2025-06-17".into())]);
}

#[test]
fn an_item_of_a_decision_s_list_is_the_decision_s() {
    let notice = "关于将北岭动力公司列入不可靠实体清单的公告\n\n\
        工作机制决定将北岭动力公司列入不可靠实体清单，并采取以下措施：\n\n\
        一、禁止该企业从事与中国有关的进出口活动；\n\n\
        二、不予批准该企业高级管理人员的工作许可；\n\n\
        三、对该企业处以罚款，金额为其合同金额的两倍。\n\n\
        本公告自发布之日起施行。\n\n某工作机制\n2025年6月13日";
    let got = found(notice);
    assert!(
        got.contains(&(Kind::Listing, "2025-06-13".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::Sanction, "2025-06-13".into())),
        "{got:?}"
    );
    // the bans are what the listing does, not measures of their own
    assert!(!got.iter().any(|(k, _)| *k == Kind::Ban), "{got:?}");
    // an item that states a rule of procedure reports nothing
    let rules = "商务部6月16日决定对锑相关物项实施出口管制，并规定以下事项：\n\n\
        一、商务部应当自收到申请之日起进行审查。";
    let got = found(rules);
    assert!(
        !got.iter().any(|(k, _)| *k == Kind::Investigation),
        "{got:?}"
    );
    // an item of a list that follows no decision is undated
    let plain = "有关事项说明如下：\n\n一、对该企业处以罚款。";
    assert!(found(plain).is_empty());
}

#[test]
fn numbered_items_are_told_by_their_marks() {
    use super::constructions::numbered_item;
    for item in ["一、禁止", "（三）禁止", "(2)禁止", "12、禁止"] {
        assert!(numbered_item(item), "{item}");
    }
    for not in ["一是禁止", "（注）禁止", "一）禁止", "二〇二五年"] {
        assert!(!numbered_item(not), "{not}");
    }
}

#[test]
fn a_procurement_rule_under_a_cited_letter() {
    let letter = "各機關可依據本院公共工程委員會108年3月5日某字第1080000001號函，\
        辦理資訊設備採購時，於招標文件中明定其原產地不得為大陸地區，進而限制大陸地區之財物參與。";
    let got = super::extract(&super::tests::article(letter, "zh"), super::tests::rules());
    let ban = got.iter().find(|m| m.kind == Kind::Ban);
    assert!(
        ban.is_some_and(|m| m.span.start.to_string() == "2019-03-05"
            && m.actors
                .contains(&"Public Construction Commission".to_string())),
        "{got:?}"
    );
    assert!(found("工程會16日表示，是否限制陸資廠商參與投標仍待研議。").is_empty());
}

#[test]
fn a_decision_passed_under_its_quoted_title_by_the_topic_s_body() {
    let text = "某議會黨團針對中國於5月28日全國人大常委會略過地方議會，\
        逕行通過「關於建立某地區安全制度的決定」，表示遺憾。";
    let got = super::extract(&super::tests::article(text, "zh"), super::tests::rules());
    let law = got.iter().find(|m| m.kind == Kind::Legislation);
    assert!(
        law.is_some_and(|m| m.span.start.to_string() == "2025-05-28"
            && m.actors == vec!["National People's Congress".to_string()]),
        "{got:?}"
    );
    // a vote still to come, and 透过 ("by way of") a law, pass nothing
    assert!(found("北岭議會將於下月審議是否通過「某某法」。").is_empty());
    assert!(found("該法案16日透過「某某條例」授權主管機關訂定細則。").is_empty());
}

#[test]
fn a_date_inside_a_modifier_dates_the_modifier_s_verb() {
    let text = "北岭将自6月20日起，把去年3月1日起加征关税的南川商品的税率从20%降至10%。";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Tariff, "2025-06-20".into())),
        "{got:?}"
    );
    // with no 的 the date is the verb's own
    let got = found("北岭去年3月1日起把南川商品的关税税率从20%降至10%。");
    assert!(
        got.contains(&(Kind::Tariff, "2024-03-01".into())),
        "{got:?}"
    );
}

#[test]
fn a_scale_of_fines_and_a_statute_s_maximum_are_no_fine() {
    check(&[
        (
            "投審會16日對該陸資企業處新台幣120萬元罰鍰。",
            Kind::Sanction,
            "2025-06-16",
        ),
        (
            "金管會16日對某證券商裁罰600萬元。",
            Kind::Sanction,
            "2025-06-16",
        ),
    ]);
    for rule in [
        "經濟部3日公布裁罰基準，罰款共分為5段加總。",
        "修正條文規定，業者屆期未改正者，最高可處新台幣1000萬元罰鍰。",
        "主管機關16日表示，違規者得按次處新台幣50萬元罰鍰。",
    ] {
        assert!(found(rule).is_empty(), "{rule}");
    }
}

#[test]
fn a_letter_s_dated_heading_with_its_era() {
    let letter = "發文日期：中華民國114年6月13日\n發文字號：某字第1140000001號\n\n\
        主旨：有關境外軟體使用事宜，請查照。\n\n一、公務機關即日起不得使用該軟體。";
    assert_eq!(found(letter), vec![(Kind::Ban, "2025-06-13".into())]);
    let short = "日期：114年6月13日\n\n公務機關即日起不得使用該軟體。";
    assert_eq!(found(short), vec![(Kind::Ban, "2025-06-13".into())]);
    // a heading dated after publication is no document day
    let ahead = "發文日期：中華民國114年7月13日\n\n公務機關即日起不得使用該軟體。";
    assert_eq!(found(ahead), vec![(Kind::Ban, "2025-06-18".into())]);
}

#[test]
fn days_and_months_counted_from_the_act_before() {
    let got = found("南川政府6月13日宣布对北岭应用展开调查。两天后，南川政府宣布禁用该应用。");
    assert!(got.contains(&(Kind::Ban, "2025-06-15".into())), "{got:?}");
    let got =
        found("南川商务部6月13日宣布制裁北岭公司。一周后，南川商务部又将东岳公司列入实体清单。");
    assert!(
        got.contains(&(Kind::Listing, "2025-06-20".into())),
        "{got:?}"
    );
    let got = found("南川商务部6月初将东岳公司列入实体清单。同月，南川财政部宣布制裁北岭公司。");
    assert!(got.contains(&(Kind::Sanction, "2025-06".into())), "{got:?}");
    let got = found("2023年5月，北岭议会提出该法案。次年，北岭议会通过该法案。");
    assert!(got.contains(&(Kind::Legislation, "2024".into())), "{got:?}");
    // with no act before, or not opening a clause, the phrase dates nothing
    assert!(found("北岭公司表示，同年营收增长了两成。").is_empty());
    assert!(found("北岭议会表示将在30天后通过该法案。").is_empty());
}

#[test]
fn a_connective_before_background_names_no_act_of_the_day() {
    let text = "商务部6月13日宣布将北岭公司列入不可靠实体清单。\
        另外，南川财政部此前已对该公司实施制裁。\
        此外，该公司曾多次被南川指控窃取技术。\
        此外，海关总署宣布暂停进口北岭公司产品。";
    let got = found(text);
    assert!(got.contains(&(Kind::Ban, "2025-06-13".into())), "{got:?}");
    assert!(
        !got.iter()
            .any(|(k, _)| matches!(k, Kind::Sanction | Kind::Accusation)),
        "{got:?}"
    );
}

#[test]
fn a_minguo_date_written_in_digits() {
    check(&[
        (
            "南川商務部於114/6/12將多家北岭企業列入實體清單。",
            Kind::Listing,
            "2025-06-12",
        ),
        (
            "南川商務部於114.6.12將多家北岭企業列入實體清單。",
            Kind::Listing,
            "2025-06-12",
        ),
    ]);
    // an address or a version number is no date
    let norm = crate::extract::normalize::normalize("該伺服器位址為120.10.5.3，版本為114.6.12.1。")
        .map(|n| n.text)
        .unwrap_or_default();
    assert!(!norm.contains("2025"), "{norm}");
}

#[test]
fn an_allegation_in_other_words() {
    check(&[
        (
            "南川司法部16日指稱，北岭公司竊取了東岳企業的商業機密。",
            Kind::Accusation,
            "2025-06-16",
        ),
        (
            "北岭公司16日發表聲明，控訴南川政府濫用國家安全概念。",
            Kind::Accusation,
            "2025-06-16",
        ),
    ]);
    assert!(found("北岭公司16日否認南川所指稱的竊密行為。").is_empty());
}

#[test]
fn a_suit_in_other_words() {
    check(&[
        (
            "北岭公司已于16日将南川国防部告上法庭。",
            Kind::Lawsuit,
            "2025-06-16",
        ),
        (
            "北岭公司16日入禀香港高等法院，要求撤销该决定。",
            Kind::Lawsuit,
            "2025-06-16",
        ),
    ]);
    assert!(found("北岭公司16日表示，不排除将南川国防部告上法庭。").is_empty());
}

#[test]
fn a_list_s_additions_named_first_and_a_removal_written_chuming() {
    check(&[
        (
            "南川國防部16日更新軍事企業清單，新增北岭公司等多家企業。",
            Kind::Listing,
            "2025-06-16",
        ),
        (
            "南川商務部16日將北岭公司自未經核實清單中除名。",
            Kind::Delisting,
            "2025-06-16",
        ),
    ]);
    // a removal hoped for is none
    assert!(found("北岭公司16日表示，希望早日自未經核實清單中除名。").is_empty());
}

#[test]
fn since_an_undated_listing_is_background() {
    assert!(found("北岭公司16日表示，自被列入清單以來已新增兩家海外工廠。").is_empty());
    check(&[(
        "北岭公司16日表示，自2019年被列入实体清单以来，营收大幅下滑。",
        Kind::Listing,
        "2019",
    )]);
}
