//! English constructions of the fifth pass (issue 12), each a family of
//! forms tested on sentences written for this file with a near miss that
//! must stay silent: criminal charges in the passive with nobody named,
//! issued rules named by the ban their participle states, the whole verb
//! family of a ban imposed, votes dated before their "to ban", laws
//! imposed on a territory, courts' findings of unlawfulness, tariffs
//! reduced or halved, agreements dated before their "to cut", counted
//! indictments, orders to discontinue a service, courts' present-tense
//! dispositions dated by the opinion, designations as covered companies.

use super::tests::{check, found, none_of, read_en_on};
use crate::model::Kind;

#[test]
fn criminal_charges_in_the_passive_need_no_named_accuser() {
    check(&[
        (
            "Two engineers were charged on May 19, 2019, with stealing chip designs.",
            Kind::Accusation,
            "2019-05-19",
        ),
        (
            "In January 2019 the shipping company was indicted on charges of bank fraud.",
            Kind::Accusation,
            "2019-01",
        ),
        (
            "Forty of the activists were formally charged with subversion on Feb. 3, 2021.",
            Kind::Accusation,
            "2021-02-03",
        ),
    ]);
    // an accusation with nobody named still needs its accuser
    none_of(
        "The trading house was accused in April 2019 of dumping aluminium.",
        Kind::Accusation,
    );
    none_of(
        "The two engineers could be charged with theft as early as May 2019.",
        Kind::Accusation,
    );
}

#[test]
fn issued_rules_named_by_the_ban_they_state_are_bans() {
    check(&[
        (
            "On Nov. 3, 2022, the regulator adopted rules prohibiting the authorization of cameras from the two makers.",
            Kind::Ban,
            "2022-11-03",
        ),
        (
            "The commission released new regulations barring imports of the drones in March 2024.",
            Kind::Ban,
            "2024-03",
        ),
        (
            "In June 2021 the ministry issued an order that bans sales of the handsets.",
            Kind::Ban,
            "2021-06",
        ),
    ]);
    // rules that restrict exports are export controls, not a ban
    none_of(
        "In October 2022 the bureau issued rules restricting the export of advanced chips.",
        Kind::Ban,
    );
    // rules merely proposed ban nothing yet
    none_of(
        "In March 2024 the commission proposed rules barring imports of the drones.",
        Kind::Ban,
    );
}

#[test]
fn a_ban_enacted_adopted_or_imposed_is_a_ban() {
    check(&[
        (
            "In May 2023, the state became the first to enact a ban on the video app.",
            Kind::Ban,
            "2023-05",
        ),
        (
            "The city council adopted a ban on the drones on April 4, 2024.",
            Kind::Ban,
            "2024-04-04",
        ),
        (
            "On Jan. 9, 2023, the university implemented a campus ban on the app.",
            Kind::Ban,
            "2023-01-09",
        ),
    ]);
    none_of(
        "In May 2023 the governor was considering a ban on the video app.",
        Kind::Ban,
    );
}

#[test]
fn a_vote_dated_before_its_ban_is_a_ban() {
    check(&[
        (
            "The regulator voted unanimously on Nov. 3, 2022, to ban new approvals of the routers.",
            Kind::Ban,
            "2022-11-03",
        ),
        (
            "The board voted in March 2023 to bar the app from school networks.",
            Kind::Ban,
            "2023-03",
        ),
        (
            "On May 2, 2024, the council voted 7-2 to prohibit the cameras in city buildings.",
            Kind::Ban,
            "2024-05-02",
        ),
    ]);
    none_of(
        "The board voted in March 2023 to study whether to bar the app.",
        Kind::Ban,
    );
}

#[test]
fn a_law_imposed_on_a_territory_is_legislation() {
    check(&[
        (
            "On June 30, 2020, Beijing imposed a national security law on the city.",
            Kind::Legislation,
            "2020-06-30",
        ),
        (
            "The security law, imposed on June 30, 2020, criminalises secession.",
            Kind::Legislation,
            "2020-06-30",
        ),
        (
            "Since the law was imposed in June 2020, dozens of lawmakers have resigned.",
            Kind::Legislation,
            "2020-06",
        ),
        (
            "Since the imposition of the NSL in June 2020, the city's courts have convicted dozens.",
            Kind::Legislation,
            "2020-06",
        ),
    ]);
    // sanctions imposed under a law are no law imposed
    none_of(
        "On June 30, 2020, Washington imposed sanctions under the law on three officials.",
        Kind::Legislation,
    );
}

#[test]
fn a_courts_finding_of_unlawfulness_is_a_ruling() {
    check(&[
        (
            "A federal appeals court on Aug. 29, 2025, found that most of the duties were illegal.",
            Kind::Ruling,
            "2025-08-29",
        ),
        (
            "In May 2025 the trade court concluded that the president had exceeded his authority.",
            Kind::Ruling,
            "2025-05",
        ),
        (
            "The judge determined on Sept. 3, 2024, that the state's ban was unconstitutional.",
            Kind::Ruling,
            "2024-09-03",
        ),
    ]);
    // an agency's finding is no court's
    none_of(
        "In May 2025 the agency concluded that the imports were unlawful.",
        Kind::Ruling,
    );
    none_of(
        "The court could find by May 2025 that the duties were unlawful.",
        Kind::Ruling,
    );
}

#[test]
fn tariffs_reduced_halved_or_agreed_to_be_cut_are_tariffs() {
    check(&[
        (
            "The trade deal reduced tariffs on List 4A goods to 7.5 percent on Feb. 14, 2020.",
            Kind::Tariff,
            "2020-02-14",
        ),
        (
            "In January 2020 Washington halved the tariff on the last tranche of goods.",
            Kind::Tariff,
            "2020-01",
        ),
        (
            "The two governments agreed on May 12, 2025, to lower their reciprocal tariffs.",
            Kind::Tariff,
            "2025-05-12",
        ),
    ]);
    none_of(
        "On May 12, 2025, the two governments said they were considering reducing tariffs.",
        Kind::Tariff,
    );
}

#[test]
fn counted_indictments_unsealed_are_accusations() {
    check(&[
        (
            "In January 2019, prosecutors unsealed a 13-count indictment against the handset maker.",
            Kind::Accusation,
            "2019-01",
        ),
        (
            "On March 4, 2021, the department filed a criminal complaint against the two brokers.",
            Kind::Accusation,
            "2021-03-04",
        ),
        (
            "Federal prosecutors announced a sealed indictment against the trader on June 5, 2020.",
            Kind::Accusation,
            "2020-06-05",
        ),
    ]);
    none_of(
        "In January 2019, prosecutors weighed an indictment against the handset maker.",
        Kind::Accusation,
    );
}

#[test]
fn an_order_to_discontinue_a_service_is_a_ban() {
    check(&[
        (
            "The commission ordered the carrier to discontinue its domestic services in January 2022.",
            Kind::Ban,
            "2022-01",
        ),
        (
            "On Oct. 26, 2021, the regulator ordered the operator to cease providing service within 60 days.",
            Kind::Ban,
            "2021-10-26",
        ),
        (
            "The operator was ordered in March 2022 to discontinue its international service.",
            Kind::Ban,
            "2022-03",
        ),
    ]);
    none_of(
        "The carrier said in January 2022 that it would discontinue its domestic services.",
        Kind::Ban,
    );
}

#[test]
fn a_courts_present_disposition_is_dated_by_the_opinion() {
    let read = |text: &str| {
        read_en_on(text, "2020-09-19T12:00:00-07:00")
            .into_iter()
            .map(|m| (m.kind, m.span.start.to_string()))
            .collect::<Vec<_>>()
    };
    let want = vec![(Kind::Ruling, "2020-09-19".to_string())];
    assert_eq!(
        read("For these reasons, the Court GRANTS the motion for a preliminary injunction."),
        want
    );
    assert_eq!(
        read("The Court therefore denies the defendants' motion to dismiss."),
        want
    );
    assert_eq!(read("We affirm the judgment of the district court."), want);
    // a disposition the parties only ask about is no ruling
    assert!(
        read("Plaintiffs ask whether the Court grants such motions before a hearing.").is_empty()
    );
}

#[test]
fn designations_as_covered_companies_are_listings() {
    check(&[
        (
            "In June 2020, the regulator formally designated the two vendors as covered companies.",
            Kind::Listing,
            "2020-06",
        ),
        (
            "The commission designated the handset maker as a covered company on June 30, 2020.",
            Kind::Listing,
            "2020-06-30",
        ),
        (
            "On June 30, 2020, the regulator designated both firms as national security threats.",
            Kind::Listing,
            "2020-06-30",
        ),
    ]);
    let got = found("The regulator may designate the vendors as covered companies in 2026.");
    assert!(got.iter().all(|(k, _)| *k != Kind::Listing), "{got:?}");
}

#[test]
fn a_semicolon_inside_an_aside_does_not_part_its_date_from_the_verb() {
    check(&[
        (
            "The office imposed 25% duties on Tranche A ($20 billion; effective March 3, 2019).",
            Kind::Tariff,
            "2019-03-03",
        ),
        (
            "The ministry barred sales of the routers (all models; from June 2, 2021).",
            Kind::Ban,
            "2021-06-02",
        ),
        (
            "The bureau added nine firms (six in Shenzhen; three in Wuhan) to the Entity List on May 4, 2020.",
            Kind::Listing,
            "2020-05-04",
        ),
    ]);
    // outside an aside a semicolon still parts a clause from its date
    none_of(
        "The office imposed 25% duties on Tranche A; on March 3, 2019, the talks resumed.",
        Kind::Tariff,
    );
}

#[test]
fn a_law_named_with_its_number_and_the_day_it_was_signed() {
    check(&[
        (
            "The Harbour Autonomy Act (P.L. 116-149), signed July 14, 2020, authorizes sanctions.",
            Kind::Legislation,
            "2020-07-14",
        ),
        (
            "The Secure Routers Act, signed into law on Nov. 11, 2021, directs the regulator to act.",
            Kind::Legislation,
            "2021-11-11",
        ),
        (
            "The spending bill (H.R. 2617), enacted December 29, 2022, bans the app on federal phones.",
            Kind::Legislation,
            "2022-12-29",
        ),
    ]);
    // an agreement signed is no law
    none_of(
        "The trade agreement (the Phase One deal), signed January 15, 2020, cut some duties.",
        Kind::Legislation,
    );
}

#[test]
fn a_published_finding_of_wrongdoing_is_an_accusation() {
    check(&[
        (
            "On March 22, 2018, the trade office released its findings that the licensing rules were unreasonable.",
            Kind::Accusation,
            "2018-03-22",
        ),
        (
            "In October 2012, the commission published a report concluding that the two vendors posed a threat.",
            Kind::Accusation,
            "2012-10",
        ),
        (
            "In May 2021, the department issued a determination that the contractor had violated export rules.",
            Kind::Accusation,
            "2021-05",
        ),
    ]);
    // a report of economic effects accuses nobody
    none_of(
        "In May 2021, the agency released a report finding that the duties raised prices.",
        Kind::Accusation,
    );
}
