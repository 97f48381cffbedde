//! Constructions found missing on real text (tests/corpus/real/tune), each
//! tested on sentences written for this file: a regulator's directive or
//! order to stop, a service blocked in a place, a
//! review as the subject of its beginning, a law's dated passage, a base
//! form after a reported "would", a tariff as the subject of its change,
//! and an official document's citation of the instrument it acts under.

use super::tests::{check, found};
use crate::model::Kind;

#[test]
fn a_directive_to_regulated_parties_is_a_ban_and_advice_is_not() {
    check(&[
        (
            "The regulator said on June 2 that operators of data centres must stop buying routers from Ostrava Networks.",
            Kind::Ban,
            "2025-06-02",
        ),
        (
            "On May 21 the watchdog said firms running payment systems should cease using the Velka app.",
            Kind::Ban,
            "2025-05-21",
        ),
    ]);
    assert!(
        found("A senator said on June 2 that the Pentagon should stop buying the drones.")
            .is_empty()
    );
}

#[test]
fn a_chinese_directive_with_no_date_is_dated_by_its_document() {
    // published 2025-06-18, as every document of these tests
    check(&[(
        "按照有关规定，数据中心的运营者应停止采购奥斯特拉瓦公司的路由器。",
        Kind::Ban,
        "2025-06-18",
    )]);
    // a date of its own wins over the document's
    check(&[(
        "6月2日，监管机构要求运营者应立即停止使用该应用。",
        Kind::Ban,
        "2025-06-02",
    )]);
}

#[test]
fn a_review_that_had_begun_is_an_investigation() {
    check(&[
        (
            "The review had begun in mid-April.",
            Kind::Investigation,
            "2025-04",
        ),
        (
            "The inquiry, which has started on March 3, covers cloud contracts.",
            Kind::Investigation,
            "2025-03-03",
        ),
    ]);
}

#[test]
fn a_dated_passage_of_a_law_is_legislation() {
    check(&[
        (
            "The March 2024 passage of the Border Data Act worried exporters.",
            Kind::Legislation,
            "2024-03",
        ),
        (
            "Its May 3, 2024 adoption of the Platform Security Law followed months of debate.",
            Kind::Legislation,
            "2024-05-03",
        ),
    ]);
}

#[test]
fn a_reported_decision_to_open_an_investigation_is_one_and_a_plan_is_not() {
    check(&[(
        "The trade office said on May 5 that it would open an investigation into drone imports.",
        Kind::Investigation,
        "2025-05-05",
    )]);
    assert!(found("The trade office plans to open an investigation on July 1.").is_empty());
}

#[test]
fn tariffs_as_the_subject_of_their_change() {
    check(&[
        (
            "The duties were lifted in February 2025.",
            Kind::Tariff,
            "2025-02",
        ),
        (
            "Those tariffs had been raised on March 4 to 20%.",
            Kind::Tariff,
            "2025-03-04",
        ),
    ]);
}

#[test]
fn an_instrument_cited_by_a_document_dates_its_undated_measures() {
    let text =
        "一、依据经济部2025年3月2日经贸字第1140001号函办理。\n\n二、各机关不得采购该公司的设备。";
    assert_eq!(found(text), vec![(Kind::Ban, "2025-03-02".to_string())]);
    // a rule the document quotes is not the document's act
    let quoted = "一、依据经济部2025年3月2日经贸字第1140001号函办理。\n\n二、依据某办法第六条：「机关应立即移除该产品」。";
    assert!(found(quoted).is_empty(), "{:?}", found(quoted));
    // without the citation the prohibition has no date
    assert!(found("二、各机关不得采购该公司的设备。").is_empty());
}

#[test]
fn a_fronted_since_over_a_date_dates_the_main_clause() {
    check(&[
        (
            "Since 2019, the government has imposed a string of tariffs on imports from Ostrava.",
            Kind::Tariff,
            "2019",
        ),
        (
            "Since early 2021, the council has adopted a data security law.",
            Kind::Legislation,
            "2021",
        ),
    ]);
    // a fronted clause with a verb of its own keeps its date to itself
    let got = found("Since the court ruled in May 2024, the vendor has sued the agency twice.");
    assert!(
        !got.contains(&(Kind::Lawsuit, "2024-05".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_bare_month_before_a_passage_dates_it_in_the_last_such_month() {
    // published 2025-06-18
    check(&[
        (
            "The June passage of the Cyber Data Law alarmed foreign firms.",
            Kind::Legislation,
            "2025-06",
        ),
        (
            "The December passage of the Cyber Data Law alarmed foreign firms.",
            Kind::Legislation,
            "2024-12",
        ),
    ]);
    // "May" alone is too often a verb to be read as a month here
    assert!(found("Its May passage of the Cyber Data Law was quick.").is_empty());
}

#[test]
fn a_legal_citation_dates_the_act_it_cites() {
    // the citation closes the sentence, after a number range
    check(&[(
        "The court of appeals denied the petitions, holding that the statute is valid. 118 F. 4th 212, 215, 230–241 (D.C. Cir. 2024).",
        Kind::Ruling,
        "2024",
    )]);
    // the citation is a sentence of its own, with a stray space before a stop
    check(&[(
        "The commission revoked the authority of Ostrava Telecom Corp. to operate lines. Ostrava Telecom Corp ., FCC 24-101, 39 FCC Rcd. ––––, 2024 WL 4410021 (Oct. 3, 2024).",
        Kind::Ban,
        "2024-10-03",
    )]);
    // a citation to a precedent in a sentence that reports no act adds none
    assert!(found("See Doe v. Roe, 512 U.S. 44, 50 (1994).").is_empty());
}

#[test]
fn a_docket_entry_signed_by_a_judge_is_a_ruling() {
    check(&[(
        "MEMORANDUM AND ORDER; ETC. SIGNED BY HONORABLE ALMA RIVERS ON 3/14/25.",
        Kind::Ruling,
        "2025-03-14",
    )]);
    assert!(found("The letter was signed by Judge Rivers's clerk on March 14.").is_empty());
}

#[test]
fn a_measure_as_the_subject_of_its_beginning() {
    // published Wednesday 2025-06-18
    check(&[("The new duties began Monday.", Kind::Tariff, "2025-06-16")]);
    assert!(found("The talks began Monday.").is_empty());
}

#[test]
fn a_fronted_full_date_dates_a_reported_plan() {
    check(&[(
        "On August 4, 2024, the trade office said it would open an investigation into Ostrava.",
        Kind::Investigation,
        "2024-08-04",
    )]);
    // a trailing attribution still keeps its own clause
    let got = found("The ministry banned the app in May, the agency said on June 2.");
    assert!(
        !got.contains(&(Kind::Ban, "2025-06-02".to_string())),
        "{got:?}"
    );
}

#[test]
fn an_announced_intent_with_a_day_looks_forward() {
    // published 2025-06-18: a September named as the day of an announced
    // measure is the coming one, not last year's
    check(&[(
        "The president announced his intent to impose a further 10% tariff on Ostravan imports on September 1.",
        Kind::Tariff,
        "2025-09-01",
    )]);
}

#[test]
fn a_measure_described_in_place_from_a_stated_day_is_dated_by_it() {
    check(&[(
        "The plaintiffs challenge Executive Order 14999, which prohibits transactions relating to the Velka app, effective September 20, 2024.",
        Kind::Ban,
        "2024-09-20",
    )]);
    // with no such day, a measure in place reports nothing new
    assert!(
        found("The order, which prohibits transactions with Velka, drew suits on May 2.")
            .iter()
            .all(|(k, _)| *k != Kind::Ban)
    );
}

#[test]
fn an_executive_order_cited_with_its_register_page_is_dated_by_it() {
    check(&[(
        "They challenge Executive Order 14990, \u{201c}Addressing the Threat Posed by Velka,\u{201d} 89 Fed. Reg. 51,220 (Aug. 6, 2024) (the \u{201c}Order\u{201d}).",
        Kind::Legislation,
        "2024-08-06",
    )]);
}

#[test]
fn commas_inside_a_quoted_title_split_no_clause() {
    check(&[(
        "They challenge Executive Order 14990, \u{201c}Addressing the Threat Posed by Velka, and Taking Further Steps,\u{201d} 89 Fed. Reg. 51,220 (Aug. 6, 2024).",
        Kind::Legislation,
        "2024-08-06",
    )]);
}

#[test]
fn a_trigger_reads_through_quotation_marks() {
    check(&[
        (
            "On May 12 both sides agreed to reduce \"reciprocal tariffs\" to 10% for 90 days.",
            Kind::Tariff,
            "2025-05-12",
        ),
        (
            "On May 12 both sides agreed to reduce \u{201c}reciprocal tariffs\u{201d} to 10%.",
            Kind::Tariff,
            "2025-05-12",
        ),
    ]);
}

#[test]
fn a_listing_a_suit_contests_is_not_a_new_listing() {
    let got = found(
        "Velka Robotics filed suit against the Defense Department on Tuesday over its inclusion on the list.",
    );
    assert_eq!(got, vec![(Kind::Lawsuit, "2025-06-17".to_string())]);
    // the addition itself, announced, still counts
    check(&[(
        "The Pentagon announced its addition to the 1260H list on Tuesday.",
        Kind::Listing,
        "2025-06-17",
    )]);
}

#[test]
fn prosecutors_charging_someone_accuse_and_a_reduced_relative_does_not() {
    check(&[(
        "On Monday the Justice Department charged two Ostravan nationals with stealing trade secrets.",
        Kind::Accusation,
        "2025-06-16",
    )]);
    assert!(
        found("Three firms accused of supplying parts were fined on Monday.")
            .iter()
            .all(|(k, _)| *k != Kind::Accusation)
    );
}

#[test]
fn trade_policy_prose_tariff_and_control_changes() {
    check(&[
        (
            "On August 20, 2024, the trade office published the fourth list of Ostravan products to be subject to additional tariffs.",
            Kind::Tariff,
            "2024-08-20",
        ),
        (
            "On August 13, 2024 the trade office delayed some of the additional tariffs until December 15, 2024.",
            Kind::Tariff,
            "2024-08-13",
        ),
        (
            "The first tariffs on Ostravan imports were put into effect in July 2024.",
            Kind::Tariff,
            "2024-07",
        ),
        (
            "The tariff rate on those goods was reduced to 7.5% in February 2025.",
            Kind::Tariff,
            "2025-02",
        ),
        (
            "On October 17, 2024, the department updated the export controls to close loopholes.",
            Kind::ExportControl,
            "2024-10-17",
        ),
    ]);
    // a list of products merely discussed, or an update of something else
    assert!(
        found("On May 2 analysts published a list of products that could face tariffs.").is_empty()
    );
    assert!(found("On May 2 the department updated its website.").is_empty());
}

#[test]
fn courts_rule_in_their_own_name() {
    let ms = crate::extract::extract(
        &crate::model::Article {
            url: "https://example.test/c".into(),
            lang: "en".into(),
            text: "The Supreme Court upheld the law on January 17, 2025.".into(),
            published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
            ..Default::default()
        },
        &crate::extract::Rules::builtin(),
    );
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(ms[0].actors, vec!["U.S. Supreme Court"]);
    // a judge blocking a ban rules; the ban is what the ruling is about
    check(&[(
        "A federal judge temporarily blocked the ban on downloads of the app on Sept. 27, 2024.",
        Kind::Ruling,
        "2024-09-27",
    )]);
    assert!(!found(
        "A federal judge temporarily blocked the ban on downloads of the app on Sept. 27, 2024."
    )
    .iter()
    .any(|(k, _)| *k == Kind::Ban));
    // "D.C." inside a court's name ends no sentence
    check(&[(
        "Velka filed a petition for review in the D.C. Circuit on May 7, 2024.",
        Kind::Lawsuit,
        "2024-05-07",
    )]);
}

#[test]
fn directives_that_ban_an_app_on_government_devices() {
    check(&[
        (
            "On Friday, the governor announced that, effective immediately, the use of the Velka app on state equipment is prohibited.",
            Kind::Ban,
            "2025-06-13",
        ),
        (
            "The governor on Monday directed agency heads to immediately ban employees from downloading the app.",
            Kind::Ban,
            "2025-06-16",
        ),
        (
            "The White House on Monday gave federal agencies 30 days to delete the app from government devices.",
            Kind::Ban,
            "2025-06-16",
        ),
    ]);
    // advice and a question are no directive
    assert!(
        found("On Friday the governor said lawmakers should consider whether to ban the app.")
            .is_empty()
    );
}

#[test]
fn beijing_countermeasures_designations_and_a_possessed_body() {
    check(&[
        (
            "China imposed countermeasures on the two contractors on Tuesday.",
            Kind::Sanction,
            "2025-06-17",
        ),
        (
            "The Treasury Department designated the refinery on the SDN list on Tuesday.",
            Kind::Listing,
            "2025-06-17",
        ),
        (
            "On August 5, 2024, Treasury designated Ostrava as a currency manipulator.",
            Kind::Accusation,
            "2024-08-05",
        ),
        (
            "The Treasury Department found on March 3 that Ostrava had been manipulating its currency.",
            Kind::Accusation,
            "2025-03-03",
        ),
    ]);
    let ms = crate::extract::extract(
        &crate::model::Article {
            url: "https://example.test/m".into(),
            lang: "en".into(),
            text: "China's Commerce Ministry on Tuesday imposed export controls on 28 firms."
                .into(),
            published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
            ..Default::default()
        },
        &crate::extract::Rules::builtin(),
    );
    assert_eq!(
        ms.first().map(|m| m.actors.clone()),
        Some(vec!["Ministry of Commerce".to_string()])
    );
}

#[test]
fn policy_report_constructions() {
    check(&[
        (
            "In March 2024, USTR released its Section 301 report, finding that Ostrava's licensing practices were unreasonable.",
            Kind::Accusation,
            "2024-03",
        ),
        (
            "In August 2024, the bureau expanded the foreign direct product rule to cover Velka's purchases of chips made abroad.",
            Kind::ExportControl,
            "2024-08",
        ),
        (
            "The bureau issued an interim final rule on October 7, 2024, imposing new controls on advanced computing chips.",
            Kind::ExportControl,
            "2024-10-07",
        ),
        (
            "Congress enacted the Data Export Reform Act of 2024 as part of the defense bill.",
            Kind::Legislation,
            "2024",
        ),
    ]);
    // an act named with its year in a sentence that enacts nothing
    assert!(
        found("The regulator relies on the Communications Act of 1934 to revoke licences.")
            .is_empty()
    );
}

#[test]
fn news_constructions_of_weeks_futures_and_sales_bans() {
    // published Wednesday 2025-06-18: last week (June 9-15) lies in June
    check(&[
        (
            "Last week, the government added 12 Ostravan companies to a trade blacklist.",
            Kind::Listing,
            "2025-06",
        ),
        (
            "The new rules, announced on Monday, stop American companies from selling some chipmaking tools to Ostrava.",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "On Tuesday, Ostrava said it will put a 10 percent tariff on American crude oil.",
            Kind::Tariff,
            "2025-06-17",
        ),
        // a future verb looks ahead for its year; a past one does not
        ("The tariffs will take effect on March 4.", Kind::Tariff, "2026-03-04"),
        ("The tariffs took effect on March 4.", Kind::Tariff, "2025-03-04"),
    ]);
    // a denial order barring sales is a sanction's effect, not a new control
    assert!(found(
        "The denial order, imposed in April, had barred American firms from selling chips."
    )
    .iter()
    .all(|(k, _)| *k != Kind::ExportControl));
}

#[test]
fn legislatures_and_regulations_issued_under_their_titles() {
    check(&[
        (
            "Congress overrode the veto on January 1, 2021.",
            Kind::Legislation,
            "2021-01-01",
        ),
        (
            "The law was passed by the Standing Committee of the National People's Congress on June 10, 2021.",
            Kind::Legislation,
            "2021-06-10",
        ),
        (
            "On September 19, 2020, the ministry issued the Provisions on the Unreliable Entity List.",
            Kind::Legislation,
            "2020-09-19",
        ),
    ]);
    // lowercase rules are the regulator's measure, not a titled instrument
    assert!(
        found("On May 2 the ministry published the rules on chip exports.")
            .iter()
            .all(|(k, _)| *k != Kind::Legislation)
    );
}

#[test]
fn a_parenthesis_before_the_verb_is_an_aside() {
    check(&[
        (
            "Acme (which denies any wrongdoing) sued the Commerce Department on May 4, 2023.",
            Kind::Lawsuit,
            "2023-05-04",
        ),
        (
            "The state (which could still lose in court) banned the app on June 1, 2023.",
            Kind::Ban,
            "2023-06-01",
        ),
    ]);
    // a hedge outside the parenthesis still governs the verb
    assert!(
        found("The state may (as soon as June 1, 2023) ban the app.")
            .iter()
            .all(|(k, _)| *k != Kind::Ban)
    );
}

#[test]
fn an_instrument_issued_in_its_own_voice_is_issued_on_its_day() {
    let read = |text: &str| {
        super::tests::read_en_on(text, "2021-03-02T12:00:00+08:00")
            .into_iter()
            .map(|m| (m.kind, m.span.start.to_string()))
            .collect::<Vec<_>>()
    };
    let want = vec![(Kind::Legislation, "2021-03-02".to_string())];
    assert_eq!(
        read("The Rules on Export Licensing of Drones are hereby promulgated and shall be effective as of the date of promulgation."),
        want
    );
    // the later day is the rules' effect, not their issue
    assert_eq!(
        read("The Measures on Data Exports are hereby issued and shall come into force on May 1, 2021."),
        want
    );
    // lower-case rules are no instrument's title, and a hedge is no act
    assert!(read("The new rules are hereby promulgated, officials said.").is_empty());
    assert!(read("The Measures would be hereby adopted if the council agreed.").is_empty());
}

#[test]
fn a_legislature_passes_amendments() {
    check(&[(
        "The council said that on April 12, 2023 the Legislative Yuan passed the third reading of the amendments.",
        Kind::Legislation,
        "2023-04-12",
    )]);
    // amendments merely proposed are no act
    assert!(
        found("On April 12, 2023 the cabinet said it might propose amendments to the law.")
            .iter()
            .all(|(k, _)| *k != Kind::Legislation)
    );
}

#[test]
fn a_measure_in_force_from_its_announcement_is_that_announcement() {
    let got = found(
        "商务部16日发布公告，将甲公司列入不可靠实体清单。根据公告，该公司被禁止从事与中国有关的进出口活动。公告自发布之日起施行。",
    );
    assert_eq!(got, vec![(Kind::Listing, "2025-06-16".to_string())]);
    // a measure in force from a later day of its own is still reported
    check(&[(
        "商务部16日发布公告，决定对甲公司实施出口管制。上述措施自7月1日起施行。",
        Kind::ExportControl,
        "2025-07-01",
    )]);
}
