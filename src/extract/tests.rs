//! Table tests of the whole extractor on single sentences written for
//! these tests: every kind in English and Chinese, every modality and
//! negation cue of the built-in rules, non-events and names.

use super::{extract, Rules};
use crate::model::{Article, Kind};
use std::sync::OnceLock;

pub(super) fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(Rules::builtin)
}

pub(super) fn article(text: &str, lang: &str) -> Article {
    Article {
        url: "https://example.test/a".into(),
        title: String::new(),
        lang: lang.into(),
        text: text.into(),
        // A Wednesday.
        published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
        ..Default::default()
    }
}

/// (kind, start date) of every mention, for a document published on
/// Wednesday 2025-06-18; shared with the other table-test modules.
pub(super) fn found(text: &str) -> Vec<(Kind, String)> {
    let lang = if text.chars().any(crate::text::is_han) {
        "zh"
    } else {
        "en"
    };
    extract(&article(text, lang), rules())
        .into_iter()
        .map(|m| (m.kind, m.span.start.to_string()))
        .collect()
}

/// The mentions of an English document published at `published` (RFC
/// 3339), for tests whose dates hang on the document's own day.
pub(super) fn read_en_on(text: &str, published: &str) -> Vec<crate::model::Mention> {
    let a = Article {
        published: chrono::DateTime::parse_from_rfc3339(published).ok(),
        ..article(text, "en")
    };
    extract(&a, rules())
}

/// Asserts that no event of `kind` is found in `text`.
pub(super) fn none_of(text: &str, kind: Kind) {
    let got = found(text);
    assert!(
        got.iter().all(|(k, _)| *k != kind),
        "expected no {kind} in {text:?}, got {got:?}"
    );
}

pub(super) fn check(cases: &[(&str, Kind, &str)]) {
    for (text, kind, date) in cases {
        let got = found(text);
        assert!(
            got.contains(&(*kind, date.to_string())),
            "expected {kind} {date} in {text:?}, got {got:?}"
        );
    }
}

#[test]
fn bans_in_english_and_chinese() {
    check(&[
        (
            "The state of Ohio banned the video app from public devices on March 3.",
            Kind::Ban,
            "2025-03-03",
        ),
        (
            "On Monday the navy told sailors not to use the chatbot on duty.",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "Regulators suspended new downloads of the app on May 2.",
            Kind::Ban,
            "2025-05-02",
        ),
        (
            "The province prohibited the use of the drones in April.",
            Kind::Ban,
            "2025-04",
        ),
        (
            "教育部5月6日宣布禁止在校园使用该应用。",
            Kind::Ban,
            "2025-05-06",
        ),
    ]);
}

#[test]
fn lawsuits_in_english_and_chinese() {
    check(&[
        (
            "Acme Robotics sued the Commerce Department on Feb. 3.",
            Kind::Lawsuit,
            "2025-02-03",
        ),
        (
            "The company filed a lawsuit in federal court on Tuesday.",
            Kind::Lawsuit,
            "2025-06-17",
        ),
        (
            "小米公司于1月29日向法院提起诉讼。",
            Kind::Lawsuit,
            "2025-01-29",
        ),
    ]);
}

#[test]
fn rulings_in_english_and_chinese() {
    check(&[
        (
            "A federal judge on Friday blocked the rule from taking effect.",
            Kind::Ruling,
            "2025-06-13",
        ),
        (
            "The appeals court ruled on May 30 that the order was lawful.",
            Kind::Ruling,
            "2025-05-30",
        ),
        (
            "法院于6月2日作出裁决，暂停执行该禁令。",
            Kind::Ruling,
            "2025-06-02",
        ),
    ]);
}

#[test]
fn listings_and_delistings() {
    check(&[
        (
            "The Commerce Department added Acme Robotics to the Entity List on April 9.",
            Kind::Listing,
            "2025-04-09",
        ),
        (
            "Bolt Semiconductor was placed on the Entity List in March.",
            Kind::Listing,
            "2025-03",
        ),
        (
            "美国商务部4月9日将星辰航天有限公司列入实体清单。",
            Kind::Listing,
            "2025-04-09",
        ),
        (
            "星辰航天有限公司于4月被列入实体清单。",
            Kind::Listing,
            "2025-04",
        ),
        (
            "The department removed nine firms from the Unverified List on June 2.",
            Kind::Delisting,
            "2025-06-02",
        ),
        (
            "商务部6月2日将三家企业移出不可靠实体清单。",
            Kind::Delisting,
            "2025-06-02",
        ),
    ]);
}

#[test]
fn sanctions_export_controls_and_tariffs() {
    check(&[
        (
            "The Treasury sanctioned two shipping firms on May 14.",
            Kind::Sanction,
            "2025-05-14",
        ),
        (
            "Regulators fined the carrier $20 million in January.",
            Kind::Sanction,
            "2025-01",
        ),
        (
            "外交部5月14日宣布对三家美国军工企业实施制裁。",
            Kind::Sanction,
            "2025-05-14",
        ),
        (
            "The ministry imposed export controls on antimony on June 5.",
            Kind::ExportControl,
            "2025-06-05",
        ),
        (
            "商务部6月5日宣布对锑相关物项实施出口管制。",
            Kind::ExportControl,
            "2025-06-05",
        ),
        (
            "Washington raised tariffs on Chinese steel to 50% on June 4.",
            Kind::Tariff,
            "2025-06-04",
        ),
        (
            "自6月10日起，对原产于美国的大豆加征10%关税。",
            Kind::Tariff,
            "2025-06-10",
        ),
    ]);
}

#[test]
fn investigations_accusations_and_legislation() {
    check(&[
        (
            "The regulator opened an antitrust investigation into the chipmaker on Monday.",
            Kind::Investigation,
            "2025-06-16",
        ),
        (
            "市场监管总局5月8日对该公司立案调查。",
            Kind::Investigation,
            "2025-05-08",
        ),
        (
            "On June 3, Acme Robotics accused its rival of copying its model.",
            Kind::Accusation,
            "2025-06-03",
        ),
        (
            "该公司6月3日发表声明，指责对手窃取技术。",
            Kind::Accusation,
            "2025-06-03",
        ),
        (
            "The president signed an executive order on May 20 restricting the apps.",
            Kind::Legislation,
            "2025-05-20",
        ),
        (
            "The Senate passed the chip security bill on June 12.",
            Kind::Legislation,
            "2025-06-12",
        ),
        (
            "The Senate voted 79-18 on April 23 to approve the bill.",
            Kind::Legislation,
            "2025-04-23",
        ),
        (
            "Last month the Pentagon designated the drone maker a Chinese military company.",
            Kind::Listing,
            "2025-05",
        ),
        ("总统5月20日签署行政令。", Kind::Legislation, "2025-05-20"),
    ]);
}

#[test]
fn every_english_hedge_and_negation_cue_blocks() {
    let rules = Rules::builtin();
    let cues: Vec<&str> = rules.langs[0].modality.cues().collect();
    assert_eq!(rules.langs[0].code, "en");
    assert!(cues.len() > 25);
    for cue in cues {
        let text = format!("The agency {cue} banned the app on March 3.");
        assert!(found(&text).is_empty(), "cue {cue:?} did not block: {text}");
    }
}

#[test]
fn every_chinese_hedge_and_negation_cue_blocks() {
    let rules = Rules::builtin();
    let cues: Vec<&str> = rules.langs[1].modality.cues().collect();
    assert_eq!(rules.langs[1].code, "zh");
    assert!(cues.len() > 15);
    for cue in cues {
        let text = format!("该机构{cue}于3月3日禁止该应用。");
        assert!(found(&text).is_empty(), "cue {cue:?} did not block: {text}");
    }
}

#[test]
fn natural_hypotheticals_threats_and_denials_yield_nothing() {
    for text in [
        "Acme could be added to the Entity List as soon as July.",
        "Officials said Bolt may face a ban on June 30.",
        "The startup threatened to sue the ministry on Friday.",
        "The company has not filed a lawsuit since the May 2 ruling by regulators.",
        "On Monday the ministry denied that it had banned the app.",
        "The White House is considering tariffs on drones, officials said on Tuesday.",
        "美国政府可能于7月将该公司列入实体清单。",
        "该公司6月3日否认曾被列入实体清单。",
        "商务部拟于7月1日对相关物项实施出口管制。",
        "The list, published on Monday, names three firms accused of supplying drone parts.",
        "公司表示尚未于本月提起诉讼。",
        "Nvidia reported record revenue on Wednesday despite export controls.",
        "受美国出口管制影响，该公司股价3日下跌5%。",
        "外交部发言人3日回应称，中方坚决反对美方将中国企业列入实体清单。",
        "China on Monday opposed the U.S. decision to add its firms to the Entity List.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn non_events_with_dates_yield_nothing() {
    for text in [
        "Acme Robotics, founded in 2014, makes warehouse robots.",
        "The chipmaker will report quarterly earnings on July 30.",
        "The company launched its new phone on June 2.",
        "Bolt Semiconductor listed its shares on the Shanghai exchange in March.",
        "The drone maker went public in Hong Kong on May 8.",
        "该公司成立于2016年，总部位于杭州。",
        "公司计划于7月30日发布第二季度业绩。",
        "该公司于3月在上海证券交易所上市。",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn the_date_comes_from_the_triggers_clause() {
    // The founding year is in the sentence but not in the ban's clause.
    let got = found("Acme, which was founded in 2009, was banned from federal networks on May 5.");
    assert_eq!(got, vec![(Kind::Ban, "2025-05-05".to_string())]);
    // Each coordinated clause keeps its own date.
    let got = found(
        "Ohio banned the app in December 2022 and in 2023 extended the restriction to other apps.",
    );
    assert!(got.contains(&(Kind::Ban, "2022-12".to_string())), "{got:?}");
    assert!(got.contains(&(Kind::Ban, "2023".to_string())), "{got:?}");
}

#[test]
fn names_resolve_across_languages_and_roles_follow_structure() {
    let en = extract(
        &article(
            "The Commerce Department added Huawei Technologies to the Entity List on May 15.",
            "en",
        ),
        rules(),
    );
    let zh = extract(
        &article("美国商务部5月15日将华为技术有限公司列入实体清单。", "zh"),
        rules(),
    );
    for m in [&en[0], &zh[0]] {
        assert_eq!(m.actors, vec!["Commerce Department"]);
        assert_eq!(m.targets, vec!["Huawei"]);
    }
    let sued = extract(
        &article("Acme Robotics Inc sued the Pentagon on Feb. 3.", "en"),
        rules(),
    );
    assert_eq!(sued[0].actors, vec!["Acme Robotics Inc"]);
    assert_eq!(sued[0].targets, vec!["Department of Defense"]);
    let passive = extract(
        &article(
            "Xiaomi was added to the list by the Pentagon on Jan. 14.",
            "en",
        ),
        rules(),
    );
    assert_eq!(passive[0].actors, vec!["Department of Defense"]);
    assert_eq!(passive[0].targets, vec!["Xiaomi"]);
}

#[test]
fn taiwan_government_bodies_are_named_in_either_script() {
    for text in [
        "行政院於12月18日決議，公務機關禁止採購大陸廠牌資通訊產品。",
        "行政院于12月18日决议，公务机关禁止采购大陆厂牌资通讯产品。",
    ] {
        let ms = extract(&article(text, "zh"), rules());
        assert!(
            ms.iter()
                .any(|m| m.actors.contains(&"Executive Yuan".to_string())),
            "{text}: {ms:?}"
        );
    }
    let court = extract(
        &article("最高行政法院98年6月18日判決，原判決廢棄。", "zh"),
        rules(),
    );
    assert!(
        court
            .iter()
            .all(|m| !m.actors.contains(&"U.S. Supreme Court".to_string())),
        "{court:?}"
    );
}

#[test]
fn one_mention_per_kind_and_date_per_article() {
    let text =
        "The ministry banned the app on March 3. The ban, imposed on March 3, covers all phones.";
    let got = found(text);
    assert_eq!(got, vec![(Kind::Ban, "2025-03-03".to_string())]);
}

#[test]
fn linking_cues_are_kept() {
    let ms = extract(
        &article(
            "In response to the tariffs, Beijing imposed export controls on gallium on July 3.",
            "en",
        ),
        rules(),
    );
    assert!(
        ms[0].cues.iter().any(|c| c == "in response to"),
        "{:?}",
        ms[0].cues
    );
}

#[test]
fn more_constructions_of_the_beat() {
    check(&[
        (
            "The FCC on Monday voted to ban new approvals of equipment from two Chinese suppliers.",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "Apple pulled the messaging app from its China app store in April.",
            Kind::Ban,
            "2025-04",
        ),
        (
            "Beijing on Friday announced 34% tariffs on all U.S. goods.",
            Kind::Tariff,
            "2025-06-13",
        ),
        (
            "China's market regulator said on Monday it was investigating the chipmaker.",
            Kind::Investigation,
            "2025-06-16",
        ),
        (
            "商务部6月3日对原产于美国的进口光纤发起反倾销调查。",
            Kind::Investigation,
            "2025-06-03",
        ),
        (
            "The Netherlands on Sept. 1, 2024 restricted exports of advanced lithography tools.",
            Kind::ExportControl,
            "2024-09-01",
        ),
        (
            "Beijing suspended exports of rare earth magnets in April.",
            Kind::ExportControl,
            "2025-04",
        ),
        (
            "The bill, which passed the Senate on Tuesday, now goes to the president.",
            Kind::Legislation,
            "2025-06-17",
        ),
        (
            "The Pentagon removed the carmaker from the 1260H list in December 2024.",
            Kind::Delisting,
            "2024-12",
        ),
        (
            "Treasury said on June 2 it would impose sanctions on four refiners.",
            Kind::Sanction,
            "2025-06-02",
        ),
        (
            "商务部5月9日将15家美国企业纳入出口管制管控名单。",
            Kind::Listing,
            "2025-05-09",
        ),
        (
            "欧盟委员会6月12日宣布对中国电动汽车征收临时反补贴税。",
            Kind::Tariff,
            "2025-06-12",
        ),
        (
            "TikTok于5月7日向联邦上诉法院提交诉状。",
            Kind::Lawsuit,
            "2025-05-07",
        ),
        (
            "TikTok on Friday asked a federal appeals court to block the law.",
            Kind::Lawsuit,
            "2025-06-13",
        ),
        (
            "美国众议院3月13日以352票赞成、65票反对的结果通过法案。",
            Kind::Legislation,
            "2025-03-13",
        ),
        (
            "The Treasury lifted sanctions on the shipping firm on May 30.",
            Kind::Sanction,
            "2025-05-30",
        ),
        (
            "The department revoked the company's export licences on May 7.",
            Kind::ExportControl,
            "2025-05-07",
        ),
        (
            "美国商务部宣布，自9月15日起，相关企业未经许可不得向该公司供货。",
            Kind::ExportControl,
            "2025-09-15",
        ),
    ]);
    // The list name is not itself an export control.
    let got = found("商务部5月9日将15家美国企业纳入出口管制管控名单。");
    assert_eq!(got, vec![(Kind::Listing, "2025-05-09".to_string())]);
}

#[test]
fn dates_given_by_reference() {
    let text =
        "The ministry banned the app on June 3. The following day, regulators fined its maker.";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Sanction, "2025-06-04".to_string())),
        "{got:?}"
    );
    let text = "商务部6月3日宣布对锑实施出口管制。此前一天，美国商务部将十家企业列入实体清单。";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Listing, "2025-06-02".to_string())),
        "{got:?}"
    );
    let text = "Regulators fined the firm on June 3. On the same day, the ministry opened an investigation into its parent.";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Investigation, "2025-06-03".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_clause_does_not_borrow_a_later_clauses_date() {
    // "recently" is no date; June 2 belongs to the proposal, which is hedged.
    let got = found("The department recently opened a probe into chip imports, and the FCC on June 2 proposed barring a carrier.");
    assert!(got.is_empty(), "{got:?}");
    let got = found("美国联邦通信委员会6月2日提议禁止该公司在美运营。");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn banning_exports_is_an_export_control() {
    let got =
        found("Beijing responded on Tuesday by banning exports of antimony to the United States.");
    assert_eq!(got, vec![(Kind::ExportControl, "2025-06-17".to_string())]);
}

#[test]
fn the_date_a_measure_applies_from_wins_in_its_clause() {
    let got = found("The State Council announced on Monday that it would impose a 34% tariff on all U.S. goods from July 10.");
    assert_eq!(got, vec![(Kind::Tariff, "2025-07-10".to_string())]);
    let got = found("国务院关税税则委员会16日宣布，自7月10日起对美国商品加征34%关税。");
    assert_eq!(got, vec![(Kind::Tariff, "2025-07-10".to_string())]);
}

#[test]
fn pronouns_and_nameless_follow_ups_take_earlier_names() {
    let ms = extract(
        &article(
            "DeepSeek released a new model last month. Ohio banned it from state phones on June 2.",
            "en",
        ),
        rules(),
    );
    assert_eq!(ms[0].targets, vec!["DeepSeek"]);
    let ms = extract(
        &article(
            "网信办6月2日宣布对美光公司产品启动网络安全审查。审查自6月5日起正式实施。",
            "zh",
        ),
        rules(),
    );
    assert_eq!(ms.len(), 2, "{ms:?}");
    assert_eq!(ms[1].actors, ms[0].actors);
    assert_eq!(ms[1].targets, vec!["Micron"]);
}

#[test]
fn a_long_match_does_not_hide_a_later_verb() {
    let got = found(
        "The rules add to pressure on Acme, which was placed on the Entity List in May 2024.",
    );
    assert_eq!(got, vec![(Kind::Listing, "2024-05".to_string())]);
}

#[test]
fn odd_text_never_panics() {
    // Fragments that exercise clause cuts, multi-byte boundaries, passives,
    // 被/对 constructions and dates, shuffled deterministically.
    const PIECES: &[&str] = &[
        "被",
        "对",
        "将",
        "列入",
        "实体清单",
        "，",
        "。",
        "Judge ",
        "court ",
        "blocked ",
        ", which ",
        " and ",
        "May 3",
        "2025年5月3日",
        "Entity List",
        "“",
        "”",
        "é",
        "🚫",
        "added ",
        " to the list ",
        "ban",
        "未来",
        "票反对",
        "took effect ",
        "on Monday",
        ";",
        " — ",
        "the app",
        "it ",
        "U.S. ",
        "Acme Corp ",
        "星海公司",
        "\n\n",
        "the following day",
        "此前一天",
        "，禁止其出口",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(x % 24) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
        }
        x = x.wrapping_add(0x632b_e59b_d9b4_e019);
        for lang in ["en", "zh"] {
            let ms = extract(&article(&text, lang), rules());
            for m in ms {
                assert!(!m.evidence.is_empty());
            }
        }
    }
}

#[test]
fn court_decisions_that_refuse_are_rulings() {
    check(&[
        (
            "A U.S. appeals court on Tuesday declined to halt the tariffs.",
            Kind::Ruling,
            "2025-06-17",
        ),
        (
            "美国一家联邦上诉法院8日拒绝暂停相关关税措施。",
            Kind::Ruling,
            "2025-06-08",
        ),
    ]);
    // …and not the measure they refused to halt.
    let got = found("美国一家联邦上诉法院8日拒绝暂停相关关税措施。");
    assert_eq!(got, vec![(Kind::Ruling, "2025-06-08".to_string())]);
}

#[test]
fn a_cue_governs_only_the_verb_near_it() {
    // "declined" belongs to the court; the lawsuit was filed.
    let got = found(
        "An appeals court on Tuesday declined to halt the duties while a lawsuit by importers, filed on June 3, proceeds.",
    );
    assert!(
        got.contains(&(Kind::Lawsuit, "2025-06-03".to_string())),
        "{got:?}"
    );
    check(&[(
        "Washington imposed a 10% duty on May 4.",
        Kind::Tariff,
        "2025-05-04",
    )]);
}

#[test]
fn same_day_is_the_day_the_last_event_sentence_was_about() {
    let text = "委员会9日发布公告，决定自6月10日起对美国商品加征关税。同日，商务部将六家美国企业列入不可靠实体清单。";
    let got = found(text);
    assert!(
        got.contains(&(Kind::Listing, "2025-06-09".to_string())),
        "{got:?}"
    );
}

#[test]
fn measures_named_with_a_participle_and_a_date() {
    check(&[
        (
            "The review covers the tariffs imposed in 2018 on Chinese goods.",
            Kind::Tariff,
            "2018",
        ),
        (
            "The listing tightens the curbs imposed in March on the chipmaker.",
            Kind::ExportControl,
            "2025-03",
        ),
        (
            "Sanctions imposed on May 2 froze the firm's assets.",
            Kind::Sanction,
            "2025-05-02",
        ),
    ]);
}

#[test]
fn what_took_effect_decides_the_kind() {
    // A law taking effect is not a new event; a tariff taking effect is.
    let got = found("美国最高法院17日作出裁决，维持该法律。该法律将于1月19日生效。");
    assert_eq!(got, vec![(Kind::Ruling, "2025-06-17".to_string())]);
    let got = found(
        "A judge ruled on June 2 against the importers. The new tariffs took effect on June 5.",
    );
    assert!(
        got.contains(&(Kind::Tariff, "2025-06-05".to_string())),
        "{got:?}"
    );
    assert!(
        !got.contains(&(Kind::Ruling, "2025-06-05".to_string())),
        "{got:?}"
    );
}

#[test]
fn chinese_object_pronoun_finds_the_company_in_the_sentence() {
    let ms = extract(
        &article(
            "市场监管总局9日称，因英伟达公司涉嫌违反反垄断法，依法对其开展立案调查。",
            "zh",
        ),
        rules(),
    );
    assert_eq!(ms[0].targets, vec!["Nvidia"]);
}

#[test]
fn a_law_named_before_its_relative_clause() {
    check(&[(
        "The TikTok law, which Congress passed in April, faces a court test.",
        Kind::Legislation,
        "2025-04",
    )]);
}

#[test]
fn compound_adjectives_deadlines_and_anonymous_accusations_yield_nothing() {
    for text in [
        "Revenue from the Trump-imposed tariffs totaled $63 billion through June 30.",
        "The activist was accused of fraud in 2010.",
        "Tariffs on steel stay in place until March 1.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn a_broken_publication_year_anchors_nothing() {
    let mut a = article(
        "Regulators fined the firm on Tuesday. The ministry fined it again on March 4, 2024.",
        "en",
    );
    a.published = chrono::DateTime::parse_from_rfc3339("0000-12-31T00:00:00Z").ok();
    let got: Vec<String> = extract(&a, rules())
        .iter()
        .map(|m| m.span.start.to_string())
        .collect();
    assert_eq!(got, vec!["2024-03-04"]);
}
