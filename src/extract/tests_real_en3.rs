//! English constructions of reports, wire copy and court opinions (issue
//! 12, third pass), each tested on sentences written for this file with a
//! near miss that must stay silent: officials' verdicts and claims, votes
//! and amendments, bills named by number, guidance on devices, tariff
//! rates that change or are scheduled to, a document's year, and acts
//! repeated "each time".

use super::tests::{check, found, none_of};
use crate::model::Kind;

#[test]
fn verdicts_that_a_firm_poses_a_threat_are_accusations() {
    check(&[
        (
            "In 2019, the cabinet office said the router maker posed a threat to national security.",
            Kind::Accusation,
            "2019",
        ),
        (
            "The State Department determined on March 3, 2021, that the regime was committing genocide.",
            Kind::Accusation,
            "2021-03-03",
        ),
        (
            "In its 2022 annual report, the commission concluded that the vendors pose a risk to public networks.",
            Kind::Accusation,
            "2022",
        ),
    ]);
    // a risk that might be is no finding
    none_of(
        "In 2019, the cabinet office said the router maker could pose a threat.",
        Kind::Accusation,
    );
    none_of(
        "In 2019, analysts said the router maker's phones could pose risks.",
        Kind::Accusation,
    );
}

#[test]
fn verdicts_and_claims_in_a_statement_or_report() {
    check(&[
        (
            "The ministry on Friday called the export curbs a violation of trade rules.",
            Kind::Accusation,
            "2025-06-13",
        ),
        (
            "The ministry said on Friday that the tariffs were an act of economic bullying.",
            Kind::Accusation,
            "2025-06-13",
        ),
        (
            "The trade office claimed in a May 2019 report that the rival state forces firms to hand over designs.",
            Kind::Accusation,
            "2019-05",
        ),
        (
            "A grand jury indicted the shipping firm in February 2020.",
            Kind::Accusation,
            "2020-02",
        ),
        (
            "The embassy condemned the listing on Thursday as a political manipulation.",
            Kind::Accusation,
            "2025-06-12",
        ),
    ]);
    none_of(
        "The ministry on Friday called the export curbs a matter for negotiation.",
        Kind::Accusation,
    );
}

#[test]
fn a_documents_year_dates_what_it_says() {
    check(&[(
        "The panel accused the retailer in a 2023 report of selling goods made with forced labor.",
        Kind::Accusation,
        "2023",
    )]);
    // a year before another noun is no date
    none_of(
        "The panel accused the retailer of selling 2023 models made with forced labor.",
        Kind::Accusation,
    );
}

#[test]
fn votes_amendments_and_bills_by_number() {
    check(&[
        (
            "Lawmakers approved the measure in a 301-99 vote on Saturday.",
            Kind::Legislation,
            "2025-06-14",
        ),
        (
            "The island's parliament amended the Anti-Interference Act in November 2021.",
            Kind::Legislation,
            "2021-11",
        ),
        (
            "Idaho became the first state to enact a law banning the drones in March 2023.",
            Kind::Legislation,
            "2023-03",
        ),
        (
            "H.R. 4120 passed the House on May 9, 2023.",
            Kind::Legislation,
            "2023-05-09",
        ),
        (
            "The bill, introduced in 2022, would have barred the sale of the cameras.",
            Kind::Legislation,
            "2022",
        ),
        (
            "In July 2022, the President signed an order expanding the investment ban to 40 firms.",
            Kind::Legislation,
            "2022-07",
        ),
    ]);
    none_of(
        "Lawmakers may approve the measure in a vote next week.",
        Kind::Legislation,
    );
    none_of(
        "The senators hope to enact a law banning the drones in 2026.",
        Kind::Legislation,
    );
}

#[test]
fn guidance_on_devices_and_bars_on_infrastructure_are_bans() {
    check(&[
        (
            "On March 1, 2023, the budget office issued guidance directing agencies to remove the app from federal phones.",
            Kind::Ban,
            "2023-03-01",
        ),
        (
            "The regulator in December 2022 prohibited the authorization of new routers from the two vendors.",
            Kind::Ban,
            "2022-12",
        ),
        (
            "In June 2023, the agency barred the memory maker's products from critical information infrastructure.",
            Kind::Ban,
            "2023-06",
        ),
    ]);
    none_of(
        "The budget office is considering guidance directing agencies to remove the app from federal phones in 2026.",
        Kind::Ban,
    );
}

#[test]
fn tariff_rates_that_change_or_are_scheduled_to() {
    check(&[
        (
            "On October 1, 2018, 10% tariffs on $90 billion of imports took effect; the rate increased to 25% on June 1, 2019.",
            Kind::Tariff,
            "2019-06-01",
        ),
        (
            "The Section 232 duties on steel, imposed in April 2018, remain in force.",
            Kind::Tariff,
            "2018-04",
        ),
        (
            "Tariffs of 20% on copper and 5% on zinc were imposed in May 2021.",
            Kind::Tariff,
            "2021-05",
        ),
        (
            "In February 2020, the administration halved the tariff on List 4A goods to 7.5%.",
            Kind::Tariff,
            "2020-02",
        ),
        (
            "Tariffs on imported batteries will triple to 75% in 2026.",
            Kind::Tariff,
            "2026",
        ),
        (
            "Starting Friday, imports from the island face a 32% tariff.",
            Kind::Tariff,
            "2025-06-20",
        ),
        (
            "In March 2024, the trade office finalized tariff increases on solar wafers.",
            Kind::Tariff,
            "2024-03",
        ),
    ]);
    none_of("Tariff revenue rose to $80 billion in 2023.", Kind::Tariff);
    none_of(
        "Tariffs on imported batteries would triple to 75% in 2026 if talks fail.",
        Kind::Tariff,
    );
    none_of(
        "In 2024, imports from the island could face a 32% tariff.",
        Kind::Tariff,
    );
}

#[test]
fn an_act_repeated_each_time_takes_every_date_before() {
    let text = "On May 2, 2019, the United States raised duties on Chinese bikes, and on August 9 it raised duties on \
                Chinese pedals. China retaliated each time with tariffs on American wine.";
    let got = found(text);
    let retaliations = got
        .iter()
        .filter(|(k, d)| *k == Kind::Tariff && (d == "2019-05-02" || d == "2019-08-09"))
        .count();
    assert!(
        retaliations >= 4,
        "expected both raises and both retaliations in {got:?}"
    );
    // with one date before, "each time" adds nothing
    let one = "On May 2, 2019, the United States raised duties on Chinese bikes. \
               China retaliated each time with tariffs on American wine.";
    let got = found(one);
    assert!(
        got.iter().filter(|(k, _)| *k == Kind::Tariff).count() <= 2,
        "{got:?}"
    );
}

#[test]
fn a_date_heading_a_timeline_entry_dates_it() {
    check(&[
        (
            "March 4, 2021: The bureau adds the drone maker to the Entity List.",
            Kind::Listing,
            "2021-03-04",
        ),
        (
            "October 2020 — The state bans the video app on agency phones.",
            Kind::Ban,
            "2020-10",
        ),
    ]);
    // a heading that is no date cuts the line as before
    none_of(
        "Background: the state bans the video app on agency phones.",
        Kind::Ban,
    );
}

#[test]
fn a_courts_hypothetical_without_relief_is_no_event() {
    none_of(
        "Without preliminary injunctive relief, the ban will take effect on April 2, 2021.",
        Kind::Ban,
    );
    none_of(
        "Without a stay, the prohibitions will take effect on April 2, 2021.",
        Kind::Ban,
    );
    check(&[(
        "Without delay, the state banned the video app on agency phones on April 2, 2021.",
        Kind::Ban,
        "2021-04-02",
    )]);
}

#[test]
fn controls_implemented_added_or_named_by_their_date() {
    check(&[
        (
            "In November 2022, the bureau implemented new controls on advanced lithography tools.",
            Kind::ExportControl,
            "2022-11",
        ),
        (
            "The bureau's December 2, 2024, export controls restricted sales of memory chips to the country.",
            Kind::ExportControl,
            "2024-12-02",
        ),
    ]);
}

#[test]
fn acts_by_acronym_by_pronoun_and_over_a_veto() {
    check(&[
        (
            "The Senate passed the FOCAA in April 2021, and the House passed it in June 2021.",
            Kind::Legislation,
            "2021-04",
        ),
        (
            "The Senate passed the FOCAA in April 2021, and the House passed it in June 2021.",
            Kind::Legislation,
            "2021-06",
        ),
        (
            "The FY2017 NDAA, enacted over a presidential veto on December 23, 2016, barred the purchases.",
            Kind::Legislation,
            "2016-12-23",
        ),
    ]);
    // capitals that end in A but name an agency's budget are no act
    none_of(
        "In April 2021, the panel approved the NASA budget request.",
        Kind::Legislation,
    );
    none_of(
        "The House may pass the FOCAA in June 2026 if the Senate acts.",
        Kind::Legislation,
    );
}

#[test]
fn a_judges_signed_order_is_a_ruling() {
    check(&[(
        "Judge Roe signed the order on October 30, 2020.",
        Kind::Ruling,
        "2020-10-30",
    )]);
    none_of(
        "Judge Roe signed the order on October 30, 2020.",
        Kind::Legislation,
    );
}

#[test]
fn bars_on_downloads_use_and_directives_to_stop_using() {
    check(&[
        (
            "On May 5, 2021, the ministry said it would bar downloads of the game from local app stores.",
            Kind::Ban,
            "2021-05-05",
        ),
        (
            "The cabinet in 2022 restricted the use of foreign phones by its officials.",
            Kind::Ban,
            "2022",
        ),
        (
            "In May 2018, the agency issued a directive requiring departments to stop using the antivirus suite.",
            Kind::Ban,
            "2018-05",
        ),
        (
            "In 2021, the coast guard stopped crews from using the messaging app.",
            Kind::Ban,
            "2021",
        ),
    ]);
    none_of(
        "In 2021, the ministry said it might bar downloads of the game.",
        Kind::Ban,
    );
}

#[test]
fn findings_that_a_named_party_broke_the_law_accuse_it() {
    check(&[
        (
            "The Treasury Department said in 2021 that Orion Shipping had violated the embargo.",
            Kind::Accusation,
            "2021",
        ),
        (
            "In 2022, the secretary of state called the video app a tool of the ruling party.",
            Kind::Accusation,
            "2022",
        ),
        (
            "The ministry alleged in a March 2021 court filing that the exporter had evaded the controls.",
            Kind::Accusation,
            "2021-03",
        ),
    ]);
    // an admission is no accusation
    none_of(
        "The shipping company said in 2021 that it had violated the embargo.",
        Kind::Accusation,
    );
}

#[test]
fn a_fronted_weekday_dates_a_said_clause_as_a_fronted_day_does() {
    check(&[
        (
            "On Friday, the cabinet office said the router maker posed a threat to the grid.",
            Kind::Accusation,
            "2025-06-13",
        ),
        (
            "In May, the ministry said the listing was an act of bullying.",
            Kind::Accusation,
            "2025-05",
        ),
    ]);
    none_of(
        "On Friday, the cabinet office said the router maker could pose a threat.",
        Kind::Accusation,
    );
}

#[test]
fn bills_signed_by_pronoun_and_rates_that_move_by_themselves() {
    check(&[
        (
            "The governor signed it on March 30, 2023.",
            Kind::Legislation,
            "2023-03-30",
        ),
        (
            "The provision was enacted as part of the annual defense bill on December 23, 2022.",
            Kind::Legislation,
            "2022-12-23",
        ),
        (
            "In 2020, the tariff rate on the second list increased from 10% to 25%.",
            Kind::Tariff,
            "2020",
        ),
        (
            "The tariff increase on $50 billion of bicycles went ahead on July 1, 2019.",
            Kind::Tariff,
            "2019-07-01",
        ),
    ]);
    none_of(
        "The governor may sign it on March 30 if lawmakers agree.",
        Kind::Legislation,
    );
    none_of(
        "In 2020, the interest rate increased from 1% to 2%.",
        Kind::Tariff,
    );
}

#[test]
fn plural_investigations_and_suits() {
    check(&[
        (
            "In October 2019, the department self-initiated antidumping investigations of steel racks from the country.",
            Kind::Investigation,
            "2019-10",
        ),
        (
            "More than 200 importers filed suits challenging the duties in 2021.",
            Kind::Lawsuit,
            "2021",
        ),
    ]);
    none_of(
        "The department may open investigations of steel racks in 2026.",
        Kind::Investigation,
    );
}

#[test]
fn possessives_before_an_authority_and_licence_requirements_placed() {
    check(&[
        (
            "In 2022, the commission revoked Pacific Link Networks' authority to operate.",
            Kind::Ban,
            "2022",
        ),
        (
            "In 2023 it revoked the carrier's authorization.",
            Kind::Ban,
            "2023",
        ),
        (
            "In 2017, the bureau placed license requirements on exports to the shipyard.",
            Kind::ExportControl,
            "2017",
        ),
    ]);
    none_of(
        "In 2023 the regulator threatened to revoke the carrier's authorization.",
        Kind::Ban,
    );
}

#[test]
fn effective_dates_after_a_tariffs_object_and_raises_in_a_relative_clause() {
    check(&[
        (
            "Second list: 25% tariffs on $20 billion, effective October 2, 2019.",
            Kind::Tariff,
            "2019-10-02",
        ),
        (
            "The union imposed a 20% tariff on the bikes on March 3, 2021, which it raised to 40% on June 1, 2021.",
            Kind::Tariff,
            "2021-06-01",
        ),
    ]);
    none_of(
        "The union proposed a 20% tariff on the bikes, which it could raise to 40% in 2027.",
        Kind::Tariff,
    );
}

#[test]
fn a_governments_argument_in_a_dated_filing_that_a_firm_poses_a_threat() {
    check(&[(
        "The department argued in a brief on March 9, 2023, that the app's foreign ownership posed a grave threat.",
        Kind::Accusation,
        "2023-03-09",
    )]);
    none_of(
        "The department argued in a brief on March 9, 2023, that the app could pose a threat.",
        Kind::Accusation,
    );
}
