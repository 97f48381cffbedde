//! More table tests for the extractor's constructions: Chinese
//! resultatives and 将-constructions for lists, orders to shut a business,
//! contrastive clauses that keep their own dates, plans and requests that
//! are no events; and English tariff, accusation, investigation and
//! sanction constructions. Every sentence is written for these tests; the
//! first set is in `extract_constructions.rs`.

#[path = "extract_common/mod.rs"]
mod common;

use common::{check, check_none, found, mentions};
use dateline::model::Kind;

#[test]
fn chinese_list_verbs_and_shutdown_orders() {
    check(&[
        (
            "工业与安全局周一发布公告，将12家实体添加至实体清单。",
            Kind::Listing,
            "2025-06-16",
        ),
        (
            "工业部上月以安全为由，要求该公司解散在当地的业务。",
            Kind::Ban,
            "2025-05",
        ),
    ]);
}

#[test]
fn a_contrast_keeps_its_own_date_and_a_plan_is_no_event() {
    let text = "该州的禁令原定于今年1月1日生效，但被联邦法官叫停。";
    let got = found(text);
    assert!(got.is_empty(), "{got:?}");
    check_none(&[("华为请求法院撤销该决定。", Kind::Ruling)]);
}

#[test]
fn mentions_keep_their_evidence_sentence() {
    let ms = mentions("去年12月，商务部曾将25家实体从“未经核实清单”中移除。此后再无变化。");
    let m = ms
        .iter()
        .find(|m| m.kind == Kind::Delisting)
        .expect("a delisting");
    assert_eq!(m.span.start.to_string(), "2024-12");
    assert!(m.evidence.contains("移除"), "{}", m.evidence);
}

// English tariff constructions.
#[test]
fn tariff_changes_by_size_passives_and_surtaxes() {
    check(&[
        (
            "Duties on imported bikes tripled to 45% on Sept. 27.",
            Kind::Tariff,
            "2024-09-27",
        ),
        (
            "Ottawa answered with a 25% surtax on the steel that took effect on May 1.",
            Kind::Tariff,
            "2025-05-01",
        ),
        (
            "The levies were lifted on Jan. 1.",
            Kind::Tariff,
            "2025-01-01",
        ),
    ]);
}

// English accusation, investigation and sanction constructions.
#[test]
fn accusations_probes_and_sanctions_in_other_words() {
    check(&[
        (
            "Anthropic alleged on Monday that the startup had copied its models.",
            Kind::Accusation,
            "2025-06-16",
        ),
        (
            "The State Department on Monday blamed Beijing for the intrusion.",
            Kind::Accusation,
            "2025-06-16",
        ),
        (
            "The FTC began investigating the app's data practices in March.",
            Kind::Investigation,
            "2025-03",
        ),
        (
            "The Treasury on Monday blocked the assets of two shipping firms.",
            Kind::Sanction,
            "2025-06-16",
        ),
        (
            "The EU on May 20 adopted its 17th sanctions package.",
            Kind::Sanction,
            "2025-05-20",
        ),
    ]);
}

#[test]
fn delistings_settlements_and_panels() {
    check(&[
        (
            "The drone maker was taken off the Entity List in January.",
            Kind::Delisting,
            "2025-01",
        ),
        (
            "The two sides reached a settlement on Monday.",
            Kind::Ruling,
            "2025-06-16",
        ),
        (
            "The trade panel ruled against the importer on March 15.",
            Kind::Ruling,
            "2025-03-15",
        ),
        ("法院1月17日维持了该法律。", Kind::Ruling, "2025-01-17"),
    ]);
}

#[test]
fn sales_restricted_to_a_country_are_export_controls() {
    check(&[
        (
            "The ministry on Monday restricted the sale of lidar sensors to Iran.",
            Kind::ExportControl,
            "2025-06-16",
        ),
        (
            "商务部4月通知该公司，向海外出口该芯片需要获得许可证。",
            Kind::ExportControl,
            "2025-04",
        ),
    ]);
    // Sales to a group of people are no export.
    check_none(&[(
        "The city on Monday banned the sale of vapes to minors.",
        Kind::ExportControl,
    )]);
}

#[test]
fn listings_in_other_words() {
    check(&[
        (
            "The army on Jan. 6 identified two battery makers as Chinese military companies.",
            Kind::Listing,
            "2025-01-06",
        ),
        (
            "The drone maker landed on the Entity List in 2021.",
            Kind::Listing,
            "2021",
        ),
        (
            "The cotton trader was designated under the UFLPA in May.",
            Kind::Listing,
            "2025-05",
        ),
    ]);
}

#[test]
fn hours_after_is_the_same_day() {
    check(&[(
        "Beijing on Tuesday opened a probe into the chipmaker, minutes after new U.S. tariffs took effect.",
        Kind::Tariff,
        "2025-06-17",
    )]);
    // "It came hours after …": the day the sentence before was about.
    let text = "The ban, announced on Tuesday, took effect at once. \
                It came hours after U.S. tariffs on the goods doubled to 20%.";
    check(&[(text, Kind::Tariff, "2025-06-17")]);
    // Capitals (a headline written in title case) count too: the quick
    // "after" scan that skips most sentences ignores case.
    check(&[(
        "Ruritania Bans Tin Exports on Friday, A Day After Freedonia Adds 12 Firms to Its Entity List",
        Kind::Listing,
        "2025-06-12",
    )]);
}

#[test]
fn another_round_takes_the_kind_of_the_measure_before() {
    check(&[(
        "The order extends Lagos's June 2 ban on 30 apps and a second round announced in early May.",
        Kind::Ban,
        "2025-05",
    )]);
}

#[test]
fn bills_becoming_law_votes_and_elided_signings() {
    check(&[
        (
            "The bill became law on April 24.",
            Kind::Legislation,
            "2025-04-24",
        ),
        (
            "The Senate voted 70-25 on April 23 to approve the package.",
            Kind::Legislation,
            "2025-04-23",
        ),
        (
            "Parliament passed the measure in April.",
            Kind::Legislation,
            "2025-04",
        ),
        (
            "议会4月通过该法案，总统4月24日签署。",
            Kind::Legislation,
            "2025-04-24",
        ),
    ]);
}

#[test]
fn chinese_countermeasures_against_companies_are_sanctions() {
    check(&[(
        "外交部3日宣布对两家军工企业实施反制措施。",
        Kind::Sanction,
        "2025-06-03",
    )]);
    check_none(&[("外交部3日宣布对进口商品实施反制措施。", Kind::Sanction)]);
}
