//! Table tests for the constructions that make the extractor generalise
//! beyond the phrasings it was first written for: participles and relative
//! clauses that date a measure after its noun, dated nouns, orders to strip
//! equipment, coordinated dates, deadlines, "a day after", past-tense
//! year-less dates, elaborating participles, and Chinese resultatives.
//! Every sentence is written for these tests.

#[path = "extract_common/mod.rs"]
mod common;

use common::{check, check_none, found, mentions};
use dateline::model::{Kind, Mention};

#[test]
fn bans_named_by_exclusion_removal_and_dated_nouns() {
    check(&[
        (
            "When the regulator voted on March 4, it cut the two carriers off from the subsidy program.",
            Kind::Ban,
            "2025-03-04",
        ),
        (
            "Canada on Monday barred the vendor from supplying gear for its new networks.",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "In February the ministry had excluded the vendor from the core of its mobile networks.",
            Kind::Ban,
            "2025-02",
        ),
        (
            "The new order extends Ottawa's May 12 ban on 40 apps.",
            Kind::Ban,
            "2025-05-12",
        ),
        (
            "Analysts recalled Madrid's April 3 decision to stop buying the routers.",
            Kind::Ban,
            "2025-04-03",
        ),
        (
            "Spain reached an agreement with carriers on Tuesday to remove equipment made by the vendor.",
            Kind::Ban,
            "2025-06-17",
        ),
        (
            "Ohio already prohibits the app on state devices, restrictions the governor imposed in January 2024.",
            Kind::Ban,
            "2024-01",
        ),
        (
            "The chatbot was unavailable in Korea from March 2 to April 9.",
            Kind::Ban,
            "2025-03-02",
        ),
        (
            "交通部5月8日宣布，运营商不得在新建网络中使用该公司的设备。",
            Kind::Ban,
            "2025-05-08",
        ),
        (
            "2024年2月1日至3月5日，该聊天机器人在韩国被暂停服务。",
            Kind::Ban,
            "2024-02-01",
        ),
    ]);
}

#[test]
fn a_deadline_does_not_date_the_event() {
    let zh = "德国内政部本周一宣布，已与运营商达成协议，将在2029年底前从核心网中移除该公司的组件。";
    check(&[(zh, Kind::Ban, "2025-06-16")]);
    assert!(!found(zh).iter().any(|(_, d)| d.starts_with("2029")));
    let en = "Britain, which in July 2020 ordered operators to strip all of the vendor's gear out of their networks by 2027, was first.";
    check(&[(en, Kind::Ban, "2020-07")]);
    assert!(!found(en).iter().any(|(_, d)| d.starts_with("2027")));
}

#[test]
fn measures_dated_after_their_noun() {
    check(&[
        (
            "The fines followed a probe into pricing practices that the agency launched in October 2023.",
            Kind::Investigation,
            "2023-10",
        ),
        (
            "A probe into whether imported drones threaten security, launched in May 2024, is over.",
            Kind::Investigation,
            "2024-05",
        ),
        (
            "Its regulator ran a security audit of the router maker from April 1 to May 2.",
            Kind::Investigation,
            "2025-04-01",
        ),
        (
            "Critics attacked the law that the governor signed on May 30.",
            Kind::Legislation,
            "2025-05-30",
        ),
        (
            "Mexico's duties of 20% on 300 products worth about $5 billion, including steel, corn and glass, also took effect on May 9.",
            Kind::Tariff,
            "2025-05-09",
        ),
        (
            "Those parts had been taxed at 15% from Feb. 3 until Monday.",
            Kind::Tariff,
            "2025-02-03",
        ),
        (
            "The government raised tariffs on imported cars at 12:01 a.m. on Friday.",
            Kind::Tariff,
            "2025-06-13",
        ),
        (
            "The ministry in March tightened its rules to stop the firm from using foreign tools.",
            Kind::ExportControl,
            "2025-03",
        ),
    ]);
}

#[test]
fn sanctions_by_visa_restriction() {
    check(&[
        (
            "The State Department on Monday imposed visa restrictions on the officials.",
            Kind::Sanction,
            "2025-06-16",
        ),
        (
            "外交部3日宣布，对相关官员实施签证限制。",
            Kind::Sanction,
            "2025-06-03",
        ),
    ]);
    check_none(&[(
        "The State Department on Monday imposed visa restrictions on the officials.",
        Kind::ExportControl,
    )]);
}

#[test]
fn chinese_resultatives_and_titles() {
    check(&[
        (
            "州长本月5日签署《数据安全法》。",
            Kind::Legislation,
            "2025-06-05",
        ),
        (
            "商务部10日宣布，将三家公司认定为“安全风险”。",
            Kind::Listing,
            "2025-06-10",
        ),
        (
            "去年5月，委员会公布了一份新名单，将两家企业列入其中。",
            Kind::Listing,
            "2024-05",
        ),
        (
            "财政部12日宣布，将该公司从“特别制裁清单”（SDN清单）中移除。",
            Kind::Delisting,
            "2025-06-12",
        ),
        (
            "乙国对甲国商品加征关税的措施，于北京时间9日零时同步实施。",
            Kind::Tariff,
            "2025-06-09",
        ),
    ]);
    check_none(&[(
        "州长本月5日签署《数据安全法》，禁止机构使用该软件。",
        Kind::Ban,
    )]);
}

#[test]
fn coordinated_dates_each_date_an_event() {
    let zh = found("3月4日和5月6日，美方已分两批对进口商品加征关税。");
    for d in ["2025-03-04", "2025-05-06"] {
        assert!(zh.contains(&(Kind::Tariff, d.into())), "{d} in {zh:?}");
    }
    let en = found("The agency added the firms to the Entity List on March 4 and May 6.");
    for d in ["2025-03-04", "2025-05-06"] {
        assert!(en.contains(&(Kind::Listing, d.into())), "{d} in {en:?}");
    }
}

#[test]
fn two_sides_measures_on_one_day_stay_apart() {
    let ms = mentions("昨天，美方对中国商品加征关税的措施正式生效，中方当天对美国商品加征关税。");
    let tariffs: Vec<&Mention> = ms
        .iter()
        .filter(|m| m.kind == Kind::Tariff && m.span.start.to_string() == "2025-06-17")
        .collect();
    assert_eq!(tariffs.len(), 2, "{ms:?}");
}

#[test]
fn relative_day_phrases_and_past_years() {
    check(&[
        (
            "Beijing on Friday banned exports of the metal, a day after Washington added 30 firms to its Entity List.",
            Kind::Listing,
            "2025-06-12",
        ),
        (
            "Beijing on Friday banned exports of the metal, a day after Washington added 30 firms to its Entity List.",
            Kind::ExportControl,
            "2025-06-13",
        ),
        // Written in June: a past-tense September is last September.
        (
            "The carrier sued the regulator in September in a federal court.",
            Kind::Lawsuit,
            "2024-09",
        ),
    ]);
    // The future keeps the nearest year.
    check(&[(
        "The ministry raised tariffs on steel, effective September 1.",
        Kind::Tariff,
        "2025-09-01",
    )]);
}

#[test]
fn elaborations_and_hypotheticals_are_not_events() {
    check_none(&[
        (
            "The ministry on Monday accused Delhi of overreach and said the bans violated trade rules.",
            Kind::Ban,
        ),
        (
            "The Justice Department filed its own suit in August, accusing the app of violating privacy law.",
            Kind::Accusation,
        ),
        ("今年5月，三个州分别起诉该公司，指控其误导用户。", Kind::Accusation),
        ("分析人士估算，加征关税可能使今年的增速下降。", Kind::Tariff),
        (
            "该公司今年3月递交了上市申请，此次被列入清单是否影响其上市进程仍不明朗。",
            Kind::Listing,
        ),
        (
            "The export rules, aimed at cutting the country off from advanced chips, were published.",
            Kind::Ban,
        ),
    ]);
    check(&[
        (
            "The Justice Department filed its own suit in August, accusing the app of violating privacy law.",
            Kind::Lawsuit,
            "2024-08",
        ),
        ("今年5月，三个州分别起诉该公司，指控其误导用户。", Kind::Lawsuit, "2025-05"),
    ]);
}

#[test]
fn passives_imports_and_denial_orders() {
    check(&[
        (
            "Canadian aluminium was hit with 10% tariffs on March 12.",
            Kind::Tariff,
            "2025-03-12",
        ),
        (
            "A ban on foreign drones was announced by the navy on June 2.",
            Kind::Ban,
            "2025-06-02",
        ),
        (
            "Seoul on Monday suspended imports of the company's modems.",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "海关总署周一宣布暂停进口该公司的产品。",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "The maker was barred from buying American parts from early April until May 30.",
            Kind::Sanction,
            "2025-04",
        ),
        (
            "商务部4月16日禁止美国企业向该公司出售零部件。",
            Kind::Sanction,
            "2025-04-16",
        ),
    ]);
    check_none(&[(
        "The maker was barred from buying American parts from early April until May 30.",
        Kind::Ban,
    )]);
}

#[test]
fn an_order_already_in_place_is_not_reported_again() {
    check(&[(
        "The carrier filed a petition on Monday asking a court to overturn an order that bars it from buying subsidised gear.",
        Kind::Lawsuit,
        "2025-06-16",
    )]);
    check_none(&[(
        "The carrier filed a petition on Monday asking a court to overturn an order that bars it from buying subsidised gear.",
        Kind::Ban,
    )]);
}

#[test]
fn chinese_year_less_dates_without_a_future_word_are_past() {
    // Published in June: a December with no word of the future is last
    // December; with 将 or 起 it is the coming one.
    check(&[
        (
            "监管总局12月9日对该公司立案调查。",
            Kind::Investigation,
            "2024-12-09",
        ),
        (
            "该部宣布将自12月1日起对进口商品加征关税。",
            Kind::Tariff,
            "2025-12-01",
        ),
    ]);
}

#[test]
fn dated_nouns_of_other_kinds_and_licence_revocations() {
    check(&[
        // Published in June 2025: past verbs put October and November in 2024.
        (
            "The Oct. 7 rules restricted shipments of advanced chips to the country.",
            Kind::ExportControl,
            "2024-10-07",
        ),
        (
            "The army's March 2022 designation of the drone maker was challenged.",
            Kind::Listing,
            "2022-03",
        ),
        (
            "The agency on Tuesday slapped a $2 million fine on the carrier.",
            Kind::Sanction,
            "2025-06-17",
        ),
        (
            "The regulator on Thursday revoked the carrier's licence to operate in the country.",
            Kind::Ban,
            "2025-06-12",
        ),
        (
            "Utah became the first state to ban the app on March 20.",
            Kind::Ban,
            "2025-03-20",
        ),
        (
            "The board voted 4-1 on Nov. 25 to prohibit sales of the cameras.",
            Kind::Ban,
            "2024-11-25",
        ),
    ]);
    check_none(&[(
        "The regulator on Thursday revoked the carrier's licence to operate in the country.",
        Kind::ExportControl,
    )]);
}

#[test]
fn the_restrictions_refer_back_to_the_measure_just_named() {
    let text = "The ministry said it was imposing visa restrictions on the officials. \
                The minister announced the restrictions on Tuesday.";
    check(&[(text, Kind::Sanction, "2025-06-17")]);
    check_none(&[(text, Kind::ExportControl)]);
}

#[test]
fn a_date_inside_a_relative_clause_dates_only_that_clause() {
    let text = "The trade list, which the vendor was added to in May 2021, cut it off from many suppliers.";
    check_none(&[(text, Kind::Ban)]);
    check(&[(text, Kind::Listing, "2021-05")]);
}

#[test]
fn nominalised_orders_designations_and_bills() {
    check(&[
        (
            "The cabinet on Tuesday ordered the removal of the vendor's cameras from ministries.",
            Kind::Ban,
            "2025-06-17",
        ),
        (
            "The Treasury on Monday designated six shipping firms for sanctions.",
            Kind::Sanction,
            "2025-06-16",
        ),
        (
            "Two senators unveiled a bill on Monday to bar the chips from federal systems.",
            Kind::Legislation,
            "2025-06-16",
        ),
        (
            "The president issued an executive order on June 2 restricting the app.",
            Kind::Legislation,
            "2025-06-02",
        ),
        // A past verb that does not end in -ed still means the past.
        (
            "An appeals court on Dec. 6 upheld the law.",
            Kind::Ruling,
            "2024-12-06",
        ),
    ]);
}

#[test]
fn a_time_clause_does_not_take_the_kind_of_the_verb_it_hangs_on() {
    let text = "The order was issued hours before the curbs were due to take effect on Sunday.";
    let got = found(text);
    assert!(!got.iter().any(|(_, d)| d == "2025-06-22"), "{got:?}");
    // A participle after "before" is no time clause.
    check(&[(
        "New rules requiring firms to get a licence before exporting the tools took effect on Monday.",
        Kind::ExportControl,
        "2025-06-16",
    )]);
}

#[test]
fn chinese_bills_with_long_modifiers() {
    check(&[(
        "参议院4月23日通过了禁止联邦机构使用该软件的两党法案。",
        Kind::Legislation,
        "2025-04-23",
    )]);
}

#[test]
fn the_rules_published_take_the_kind_of_the_measure() {
    let text = "New rules requiring a licence to export the scanners took effect on Monday, \
                adding Norway to the list of countries limiting such sales. \
                The government published the rules on May 2.";
    check(&[
        (text, Kind::ExportControl, "2025-06-16"),
        (text, Kind::ExportControl, "2025-05-02"),
    ]);
    check_none(&[(text, Kind::Listing)]);
    // Nothing before: what follows names the measure.
    check(&[(
        "相关省令昨天正式生效，今后出口上述设备须申请出口许可。",
        Kind::ExportControl,
        "2025-06-17",
    )]);
    check(&[(
        "Friday's vote means that the cameras can no longer be sold in the country.",
        Kind::Ban,
        "2025-06-13",
    )]);
}

#[test]
fn nouns_of_measures_with_participles_and_relatives() {
    check(&[
        (
            "Exports fell after the firm's addition to the Entity List in May 2022.",
            Kind::Listing,
            "2022-05",
        ),
        (
            "A ban imposed by the city in March covers all council laptops.",
            Kind::Ban,
            "2025-03",
        ),
        (
            "The inquiry, which began in April, focuses on data flows.",
            Kind::Investigation,
            "2025-04",
        ),
        (
            "A complaint lodged with the trade body on Monday challenges the duties.",
            Kind::Lawsuit,
            "2025-06-16",
        ),
        (
            "The bureau's decision on Tuesday to blacklist the supplier surprised analysts.",
            Kind::Listing,
            "2025-06-17",
        ),
    ]);
}

#[test]
fn a_dated_noun_takes_the_date_in_its_head() {
    // The bare year before the noun dates it, not the day of the saying.
    check(&[(
        "The maker said on Tuesday that a 2021 ban had cost it dearly.",
        Kind::Ban,
        "2021",
    )]);
    let got = found("The maker said on Tuesday that a 2021 ban had cost it dearly.");
    assert!(!got.contains(&(Kind::Ban, "2025-06-17".into())), "{got:?}");
    // A dated noun reports a measure already taken: June 29, written on
    // June 18, is last year's.
    check(&[(
        "The order builds on Lagos's June 29 ban on 12 apps.",
        Kind::Ban,
        "2024-06-29",
    )]);
}

#[test]
fn a_reported_event_keeps_its_own_date() {
    check(&[
        (
            "The maker disclosed on Tuesday that regulators had opened an inquiry in April.",
            Kind::Investigation,
            "2025-04",
        ),
        (
            "The army updated its supplier list on Jan. 6, adding two drone makers.",
            Kind::Listing,
            "2025-01-06",
        ),
    ]);
}
