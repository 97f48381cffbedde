//! Who acts and who is targeted, for the constructions real text names
//! them by (issue 12), each tested on sentences written for this file with
//! a near miss beside it: a court's citation in a caption, a Taiwanese
//! judgment's role words, "the President", 我国 in a text from Taiwan, a
//! document signed at its foot, one-character country names (对美, 自华),
//! a list of targets after 其中包括, a court before a cited case number,
//! a company the gazetteer knows by its subsidiary's name, a measure's
//! reason that names the acting government's own country, and a US body
//! written with the one-character 美 (美商务部).

use super::{extract, Rules};
use crate::model::{Article, Kind, Mention};
use std::sync::OnceLock;

/// Every mention of a titled text published on `published`.
fn read(title: &str, text: &str, lang: &str, published: &str) -> Vec<Mention> {
    static R: OnceLock<Rules> = OnceLock::new();
    let a = Article {
        url: "https://example.test/names".into(),
        title: title.into(),
        lang: lang.into(),
        text: text.into(),
        published: chrono::DateTime::parse_from_rfc3339(published).ok(),
        ..Default::default()
    };
    extract(&a, R.get_or_init(Rules::builtin))
}

/// The one mention of `kind`, or a failure that shows them all.
fn only(ms: &[Mention], kind: Kind) -> Mention {
    let of: Vec<&Mention> = ms.iter().filter(|m| m.kind == kind).collect();
    assert_eq!(of.len(), 1, "{ms:#?}");
    of[0].clone()
}

fn names(m: &Mention) -> Vec<&str> {
    m.actors
        .iter()
        .chain(&m.targets)
        .map(String::as_str)
        .collect()
}

#[test]
fn a_caption_citing_its_court_names_the_ruling_court() {
    let text = "Lark Labs v. Doe\n\nThe Court heard argument on March 1, 2024.\n\nOn March 3, 2024, the Court granted the motion to dismiss.";
    let ms = read(
        "Lark Labs v. Doe, Order (W.D. Tex. Mar. 3, 2024)",
        text,
        "en",
        "2024-03-03T12:00:00-06:00",
    );
    let m = only(&ms, Kind::Ruling);
    assert!(
        m.actors
            .contains(&"U.S. District Court for the Western District of Texas".to_string()),
        "{m:?}"
    );
    // a title that cites no court names none
    let ms = read(
        "Lark Labs v. Doe, Order",
        text,
        "en",
        "2024-03-03T12:00:00-06:00",
    );
    let m = only(&ms, Kind::Ruling);
    assert!(m.actors.is_empty(), "{m:?}");
}

#[test]
fn a_judgments_role_words_are_its_parties() {
    let text = "台北高等行政法院判决\n\n原   告 丙○○\n\n被   告 经济部\n代 表 人 某某\n\n上列当事人间因投资事件，本院判决如下：\n\n一、被告以原告未经许可在大陆地区投资，于2004年5月6日以经审字第1号处分书处原告罚锾新台币100万元。";
    let ms = read(
        "台北高等行政法院判决",
        text,
        "zh",
        "2006-01-10T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Sanction);
    assert_eq!(m.actors, ["Ministry of Economic Affairs"], "{m:?}");
    assert!(m.targets.contains(&"丙○○".to_string()), "{m:?}");
    // without a caption the role words are plain words
    let ms = read(
        "",
        "被告以原告未经许可在大陆地区投资，于2004年5月6日处原告罚锾新台币100万元。",
        "zh",
        "2006-01-10T12:00:00+08:00",
    );
    assert!(
        ms.iter()
            .all(|m| !names(m).contains(&"Ministry of Economic Affairs")),
        "{ms:?}"
    );
}

#[test]
fn the_president_is_who_held_office_on_the_events_day() {
    let text = "Congress passed the Bridge Safety Act in December. The President signed this act on December 20, 2022, and the Commerce Department must report on it.";
    let ms = read("", text, "en", "2023-02-01T12:00:00-05:00");
    let signed = ms
        .iter()
        .find(|m| m.span.start.to_string() == "2022-12-20")
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(
        signed.actors.contains(&"President Biden".to_string()),
        "{signed:?}"
    );
    let text = "The President imposed tariffs on imported steel on March 4, 2019, and the Commerce Department will collect them.";
    let ms = read("", text, "en", "2019-03-05T12:00:00-05:00");
    assert!(
        ms.iter()
            .any(|m| m.actors.contains(&"Donald Trump".to_string())),
        "{ms:?}"
    );
    // another country's president is not the American one
    let text = "The President of Ruritania imposed tariffs on imported steel on March 4, 2019, and the Commerce Department objected.";
    let ms = read("", text, "en", "2019-03-05T12:00:00-05:00");
    assert!(
        ms.iter().all(|m| !names(m).contains(&"Donald Trump")),
        "{ms:?}"
    );
}

#[test]
fn our_country_is_taiwan_in_a_text_from_taiwans_bodies() {
    let text = "數位發展部表示，我國自2021年起禁止公務機關使用某某應用程式。";
    let ms = read("", text, "zh", "2025-01-31T12:00:00+08:00");
    let m = only(&ms, Kind::Ban);
    assert!(names(&m).contains(&"Taiwan"), "{m:?}");
    assert!(!names(&m).contains(&"China"), "{m:?}");
    // in a text from Beijing's bodies it stays China
    let text = "商务部表示，我国自2021年起禁止进口某某产品。";
    let ms = read("", text, "zh", "2025-01-31T12:00:00+08:00");
    let m = only(&ms, Kind::Ban);
    assert!(!names(&m).contains(&"Taiwan"), "{m:?}");
}

#[test]
fn the_body_that_signs_a_decision_takes_it() {
    let text = "依据有关法律规定，中方决定对某某采取反制措施。\n\n本决定自2024年3月2日起施行。\n\n外交部\n\n2024年3月2日";
    let ms = read(
        "关于对某国议员某某采取反制措施的决定",
        text,
        "zh",
        "2024-03-02T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Sanction);
    assert!(
        m.actors
            .contains(&"Ministry of Foreign Affairs".to_string()),
        "{m:?}"
    );
}

#[test]
fn one_character_country_names_after_a_preposition() {
    let ms = read(
        "",
        "关税税则委员会决定，自2020年5月19日起不再对美加征部分关税。",
        "zh",
        "2020-05-12T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Tariff);
    assert!(m.targets.contains(&"United States".to_string()), "{m:?}");
    let ms = read(
        "",
        "2019年8月15日，美国政府宣布对自华进口的商品加征10%关税。",
        "zh",
        "2019-08-20T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Tariff);
    assert!(m.targets.contains(&"China".to_string()), "{m:?}");
    // 美元 and 华为 are words of their own
    let ms = read(
        "",
        "美国商务部2020年5月15日宣布对华为实施新的出口管制，涉及约300亿美元。",
        "zh",
        "2020-05-16T12:00:00+08:00",
    );
    assert!(ms.iter().all(|m| !names(m).contains(&"China")), "{ms:?}");
}

#[test]
fn a_list_after_qizhong_baokuo_is_targeted() {
    let ms = read(
        "",
        "国际贸易署于6月10日发布，新增300个实体，其中包括华为、中芯国际等企业。",
        "zh",
        "2025-06-15T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Listing);
    assert!(m.targets.contains(&"Huawei".to_string()), "{m:?}");
    // a following clause that is not a list stays out
    let ms = read(
        "",
        "国际贸易署于6月10日发布，新增300个实体，华为表示将提出申诉。",
        "zh",
        "2025-06-15T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Listing);
    assert!(!m.targets.contains(&"Huawei".to_string()), "{m:?}");
}

#[test]
fn a_court_before_a_cited_case_number_rendered_it() {
    let ms = read(
        "",
        "上诉人对于2010年7月21日台北高等行政法院99年度诉字第3号判决，提起上诉。",
        "zh",
        "2011-12-15T12:00:00+08:00",
    );
    let m = ms
        .iter()
        .find(|m| m.kind == Kind::Ruling && m.span.start.to_string() == "2010-07-21")
        .cloned();
    let m = m.unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(
        m.actors
            .contains(&"Taipei High Administrative Court".to_string()),
        "{m:?}"
    );
}

#[test]
fn a_subsidiary_is_known_by_its_parents_name() {
    let ms = read(
        "",
        "On October 26, 2021, the FCC revoked the authority of China Telecom (Americas) Corp. to operate in the country.",
        "en",
        "2021-10-27T12:00:00-04:00",
    );
    let m = only(&ms, Kind::Ban);
    assert!(m.targets.contains(&"China Telecom".to_string()), "{m:?}");
    assert!(!m.targets.contains(&"China".to_string()), "{m:?}");
}

#[test]
fn a_nameless_sentence_takes_the_names_of_the_undated_report_before_it() {
    let text = "President Donald Trump approved new import taxes on Chinese machinery. The tariffs began Friday.";
    let ms = read("", text, "en", "2018-07-09T11:00:00+08:00");
    let m = only(&ms, Kind::Tariff);
    assert!(m.actors.contains(&"Donald Trump".to_string()), "{m:?}");
    // a sentence in between breaks the chain
    let text = "President Donald Trump approved new import taxes on Chinese machinery. Markets fell. The tariffs began Friday.";
    let ms = read("", text, "en", "2018-07-09T11:00:00+08:00");
    let m = only(&ms, Kind::Tariff);
    assert!(m.actors.is_empty(), "{m:?}");
}

#[test]
fn a_law_is_what_a_legislation_event_targets_and_its_legislature_passes() {
    let text = "The report concerns the Harbor Safety Act (HSA) and the Border Data Act. Since these acts became law in 2018, the Commerce Department has issued few rules.";
    let ms = read("", text, "en", "2021-06-01T12:00:00-04:00");
    let m = only(&ms, Kind::Legislation);
    assert_eq!(m.actors, ["Congress"], "{m:?}");
    assert!(m.targets.contains(&"Border Data Act".to_string()), "{m:?}");
    // a law acted under is neither actor nor target of another measure
    let text = "Under the Harbor Safety Act, the Commerce Department imposed tariffs on imported cranes on May 3, 2021.";
    let ms = read("", text, "en", "2021-06-01T12:00:00-04:00");
    let m = only(&ms, Kind::Tariff);
    assert!(!names(&m).contains(&"Harbor Safety Act"), "{m:?}");
    assert_eq!(m.actors, ["Commerce Department"], "{m:?}");
    // a Chinese law in Traditional text keeps its own spelling
    let text = "數位發展部表示，依照2025年9月新修正的網路設備管理法規定，公務機關不得使用這些App。";
    let ms = read("", text, "zh", "2025-12-03T12:00:00+08:00");
    let m = only(&ms, Kind::Legislation);
    assert!(m.targets.contains(&"網路設備管理法".to_string()), "{m:?}");
}

#[test]
fn targets_announced_with_yixia_are_the_list_that_follows() {
    let text = "依据有关法律规定，中方决定对以下美国军工企业采取反制措施：\n\n一、对北岭航空公司、蓝湾动力公司等企业，冻结其在中国境内的财产。\n\n本决定自2025年3月2日起施行。";
    let ms = read(
        "关于采取反制措施的决定",
        text,
        "zh",
        "2025-03-02T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Sanction);
    assert!(m.targets.contains(&"北岭航空公司".to_string()), "{m:?}");
    // a sentence that does not announce a list takes nothing from the next
    let text = "中方决定对美国军工企业采取反制措施。\n\n一、对北岭航空公司、蓝湾动力公司等企业，冻结其在中国境内的财产。\n\n本决定自2025年3月2日起施行。";
    let ms = read(
        "关于采取反制措施的决定",
        text,
        "zh",
        "2025-03-02T12:00:00+08:00",
    );
    let m = only(&ms, Kind::Sanction);
    assert!(!m.targets.contains(&"北岭航空公司".to_string()), "{m:?}");
}

#[test]
fn the_secretary_is_the_last_secretary_named() {
    let text = "The order directs the Secretary of Commerce to list the barred dealings. On May 4, 2021, the Secretary banned downloads of the Lark app.";
    let ms = read("", text, "en", "2021-05-05T12:00:00-04:00");
    let m = only(&ms, Kind::Ban);
    assert!(
        m.actors.contains(&"Commerce Department".to_string()),
        "{m:?}"
    );
    // with no secretary named before, "the Secretary" names nobody
    let text = "On May 4, 2021, the Secretary banned downloads of the Lark app.";
    let ms = read("", text, "en", "2021-05-05T12:00:00-04:00");
    let m = only(&ms, Kind::Ban);
    assert!(
        !m.actors.contains(&"Commerce Department".to_string()),
        "{m:?}"
    );
}

#[test]
fn a_quoted_title_is_not_an_organisation() {
    let text = "On May 4, 2021, the Commerce Department banned the Lark app in a notice titled “Rules for Handling Foreign Messaging Apps”.";
    let ms = read("", text, "en", "2021-05-05T12:00:00-04:00");
    let m = only(&ms, Kind::Ban);
    assert!(!names(&m).iter().any(|n| n.starts_with("Rules")), "{m:?}");
}

#[test]
fn a_ruling_in_a_captioned_opinion_concerns_its_parties() {
    let text = "MEMORANDUM OPINION\n\nOn April 2, 2021, the Court granted the motion for a preliminary injunction.";
    let ms = read(
        "Lark Labs Inc. v. Dep't of Def., Memorandum Opinion",
        text,
        "en",
        "2021-04-02T12:00:00-04:00",
    );
    let m = only(&ms, Kind::Ruling);
    assert!(
        m.targets.contains(&"Department of Defense".to_string()),
        "{m:?}"
    );
    // a report without a caption gets no parties from its headline
    let ms = read(
        "Judge sides with Lark Labs",
        "On April 2, 2021, the court granted the motion for a preliminary injunction.",
        "en",
        "2021-04-02T12:00:00-04:00",
    );
    let m = only(&ms, Kind::Ruling);
    assert!(m.targets.is_empty(), "{m:?}");
}

#[test]
fn a_report_naming_nobody_is_about_its_headlines_company() {
    let text = "Officials confirmed the schedule. The ban takes effect on March 9, 2025.";
    let ms = read("Lemon8 ban upheld", text, "en", "2025-03-01T12:00:00-05:00");
    let m = only(&ms, Kind::Ban);
    assert_eq!(m.targets, ["Lemon8"], "{m:?}");
    // a headline naming two companies says nothing about which
    let ms = read(
        "Lemon8 and Temu face bans",
        text,
        "en",
        "2025-03-01T12:00:00-05:00",
    );
    let m = only(&ms, Kind::Ban);
    assert!(m.targets.is_empty(), "{m:?}");
}

#[test]
fn a_title_inside_a_name_run_parts_place_and_person() {
    let text = "Ruritania Gov. Mara Tull announced a ban on the Lark app on February 10, 2025.";
    let ms = read("", text, "en", "2025-02-12T12:00:00-05:00");
    let m = only(&ms, Kind::Ban);
    assert_eq!(m.actors, ["Ruritania"], "{m:?}");
    // a run with no title inside stays one name
    let text = "Ruritania Data Office announced a ban on the Lark app on February 10, 2025.";
    let ms = read("", text, "en", "2025-02-12T12:00:00-05:00");
    let m = only(&ms, Kind::Ban);
    assert_eq!(m.actors, ["Ruritania Data Office"], "{m:?}");
}

/// The one mention of `kind` in an untitled sentence published on `published`.
fn only_in(text: &str, lang: &str, published: &str, kind: Kind) -> Mention {
    only(&read("", text, lang, published), kind)
}

#[test]
fn a_measure_does_not_hit_the_country_its_actor_acts_for() {
    // the reason names the acting government's own country: no target
    for (text, kind, actor) in [
        (
            "The Commerce Department on Oct. 7 added 31 Chinese research institutes to the Entity List for acting against U.S. foreign policy interests.",
            Kind::Listing,
            Some("Commerce Department"),
        ),
        (
            "The Treasury Department on May 2 sanctioned four shipping firms for helping a Norland airline evade U.S. sanctions.",
            Kind::Sanction,
            None,
        ),
    ] {
        let m = only_in(text, "en", "2024-10-08T10:00:00Z", kind);
        assert!(m.targets.is_empty(), "{m:#?}");
        if let Some(actor) = actor {
            assert_eq!(m.actors, [actor], "{m:#?}");
        }
    }
    // near misses: another government's measure keeps the country it hits
    // (among the companies), and a suit keeps the government it is brought
    // against (alone)
    for (text, kind, alone) in [
        (
            "China's Commerce Ministry on May 5 added two U.S. drone makers to its unreliable entity list for harming China's interests.",
            Kind::Listing,
            false,
        ),
        (
            "On June 3 the company sued the United States over the order.",
            Kind::Lawsuit,
            true,
        ),
    ] {
        let m = only_in(text, "en", "2024-06-04T10:00:00Z", kind);
        assert!(m.targets.contains(&"United States".to_string()), "{m:#?}");
        assert!(!alone || m.targets.len() == 1, "{m:#?}");
    }
}

#[test]
fn mei_before_a_ministry_makes_it_the_us_body() {
    // 美商务部 is the US Commerce Department, not MOFCOM, in either script;
    // the bare 商务部 is still China's ministry (the near miss)
    for (text, kind, actor) in [
        (
            "美东时间2024年9月12日，美商务部宣布将多家中国企业列入“实体清单”。",
            Kind::Listing,
            "Commerce Department",
        ),
        (
            "2024年9月12日，美財政部宣布對十二家中國企業實施制裁。",
            Kind::Sanction,
            "Treasury Department",
        ),
        (
            "2024年9月12日，商务部宣布将三家美国企业列入不可靠实体清单。",
            Kind::Listing,
            "Ministry of Commerce",
        ),
    ] {
        let m = only_in(text, "zh", "2024-09-13T10:00:00+08:00", kind);
        assert_eq!(m.actors, [actor], "{m:#?}");
    }
}

#[test]
fn a_short_chinese_company_name_is_the_company() {
    // 中芯 for 中芯国际 (SMIC), in both scripts, beside another company
    for text in [
        "2025年6月10日，台湾经济部将华为、中芯等企业列入出口管制实体名单。",
        "2025年6月10日，臺灣經濟部將華為、中芯等企業列入出口管制實體名單。",
    ] {
        let m = only_in(text, "zh", "2025-06-15T10:00:00+08:00", Kind::Listing);
        assert!(
            m.targets.iter().any(|t| t == "SMIC") && m.targets.iter().any(|t| t == "Huawei"),
            "{m:#?}"
        );
    }
}
