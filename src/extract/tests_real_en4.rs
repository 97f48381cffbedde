//! English constructions of reports, wire copy and court opinions (issue
//! 12, fourth pass), each tested on sentences written for this file with a
//! near miss that must stay silent: indictments and passive accusers,
//! appellate dispositions and holdings, tariffs that begin or are levied
//! since a day, chambers' votes, signed orders, items brought under export
//! control, denials of export privileges, exclusions from networks, acts
//! named as nouns with their date, passive criminal charges, participles
//! used as adjectives ("to sanctioned buyers").

use super::tests::{check, none_of};
use crate::model::Kind;

#[test]
fn indictments_and_passive_accusers_make_accusations() {
    check(&[
        (
            "On July 21, 2020, the indictment accused the contractor of stealing design files.",
            Kind::Accusation,
            "2020-07-21",
        ),
        (
            "The shipping firm was accused by the trade office in March 2018 of dumping steel.",
            Kind::Accusation,
            "2018-03",
        ),
        (
            "On June 2, 2025, the president said that Beijing had violated the truce.",
            Kind::Accusation,
            "2025-06-02",
        ),
    ]);
    // accused, but by nobody the sentence names
    none_of(
        "The shipping firm was accused in March 2018 of dumping steel.",
        Kind::Accusation,
    );
    none_of(
        "Prosecutors could charge the executives as early as May 2024.",
        Kind::Accusation,
    );
}

#[test]
fn appellate_panels_and_holdings_are_rulings() {
    check(&[
        (
            "The panel affirmed the lower court's judgment on Dec. 21, 2022.",
            Kind::Ruling,
            "2022-12-21",
        ),
        (
            "The court held on March 12, 2021, that the agency had acted within its authority.",
            Kind::Ruling,
            "2021-03-12",
        ),
        (
            "On May 28, 2025, the trade court held that the duties exceeded the president's powers.",
            Kind::Ruling,
            "2025-05-28",
        ),
    ]);
    // a hearing held is no holding
    none_of(
        "The court held a hearing on the petition on March 12, 2021.",
        Kind::Ruling,
    );
    none_of(
        "The court could rule on the petition as early as March 2025.",
        Kind::Ruling,
    );
}

#[test]
fn tariffs_that_begin_or_stand_since_a_day() {
    check(&[
        (
            "On Sept. 1, 2019, the customs service began collecting 15 percent duties on $112 billion of goods.",
            Kind::Tariff,
            "2019-09-01",
        ),
        (
            "The goods have been subject to the extra duties since Sept. 24, 2018.",
            Kind::Tariff,
            "2018-09-24",
        ),
        (
            "The extra 10 percent duty kicked in on March 4, 2025.",
            Kind::Tariff,
            "2025-03-04",
        ),
        (
            "On May 14, 2024, the White House quadrupled the duty on electric cars to 100 percent.",
            Kind::Tariff,
            "2024-05-14",
        ),
    ]);
    none_of(
        "The president threatened on May 5, 2019, to raise tariffs to 25 percent.",
        Kind::Tariff,
    );
    none_of(
        "Importers have been subject to audits since 2019, the agency said.",
        Kind::Tariff,
    );
}

#[test]
fn chambers_votes_and_signed_orders_are_legislation() {
    check(&[
        (
            "The House approved the measure on April 20, 2024, as part of an aid package.",
            Kind::Legislation,
            "2024-04-20",
        ),
        (
            "On Jan. 20, 2025, the president signed an order delaying enforcement of the ban.",
            Kind::Legislation,
            "2025-01-20",
        ),
    ]);
    none_of(
        "Lawmakers may vote on the measure in June 2025.",
        Kind::Legislation,
    );
    // a judge's signed order is a ruling
    none_of(
        "A federal judge signed an order directing the agency to pause the rule on May 2, 2024.",
        Kind::Legislation,
    );
}

#[test]
fn items_under_export_control_and_denied_export_privileges() {
    check(&[
        (
            "On April 4, 2025, the ministry placed seven rare earth elements under export control.",
            Kind::ExportControl,
            "2025-04-04",
        ),
        (
            "The Dutch government published rules on June 30, 2023, requiring exporters of advanced lithography machines to apply for licenses.",
            Kind::ExportControl,
            "2023-06-30",
        ),
        (
            "Beijing's licensing requirement for the two metals took effect on Aug. 1, 2023.",
            Kind::ExportControl,
            "2023-08-01",
        ),
        (
            "On April 16, 2018, the Commerce Department denied the phone maker export privileges for seven years.",
            Kind::Sanction,
            "2018-04-16",
        ),
    ]);
    none_of(
        "The ministry may place more metals under export control in 2026.",
        Kind::ExportControl,
    );
    none_of(
        "The firm denied on May 2, 2018, that it had lost its export privileges.",
        Kind::Sanction,
    );
}

#[test]
fn exclusions_from_networks_and_outlawed_apps_are_bans() {
    check(&[
        (
            "Canberra excluded the two vendors from its 5G rollout on Aug. 23, 2018.",
            Kind::Ban,
            "2018-08-23",
        ),
        (
            "On May 15, 2019, the president effectively barred the telecom firm from American networks.",
            Kind::Ban,
            "2019-05-15",
        ),
        (
            "Britain outlawed the app on government phones on March 16, 2023.",
            Kind::Ban,
            "2023-03-16",
        ),
        (
            "In November 2022, the agency stopped approving new equipment from the two firms.",
            Kind::Ban,
            "2022-11",
        ),
        (
            "Google cut off the phone maker's access to its software on May 20, 2019.",
            Kind::Ban,
            "2019-05-20",
        ),
    ]);
    none_of(
        "The state could outlaw the app as soon as January 2025.",
        Kind::Ban,
    );
    none_of(
        "The vendors' gear was excluded from the tally in August 2018.",
        Kind::Ban,
    );
}

#[test]
fn acts_named_as_nouns_with_their_date() {
    check(&[
        (
            "Since the imposition of tariffs in 2018, imports of the parts have fallen.",
            Kind::Tariff,
            "2018",
        ),
        (
            "Following the enactment of the defense bill on Aug. 13, 2018, agencies stopped buying the gear.",
            Kind::Legislation,
            "2018-08-13",
        ),
        (
            "Since the introduction of the chip controls in October 2022, sales have dropped.",
            Kind::ExportControl,
            "2022-10",
        ),
        (
            "In August 2017, the trade office invoked Section 301 to examine the rival's technology policies.",
            Kind::Investigation,
            "2017-08",
        ),
    ]);
    // the noun's date must follow it: a later date in the clause dates
    // something else
    none_of(
        "The imposition of tariffs hurt farmers in 2019, a study found.",
        Kind::Tariff,
    );
    none_of(
        "The president may invoke Section 232 in 2025.",
        Kind::Investigation,
    );
}

#[test]
fn passive_criminal_charges_with_their_prosecutor() {
    check(&[(
        "The two engineers were charged by federal prosecutors on May 2, 2019, with stealing chip designs.",
        Kind::Accusation,
        "2019-05-02",
    )]);
    // a duty given is no charge, and nobody accuses
    none_of(
        "The agency was charged with enforcing the rule in 2019.",
        Kind::Accusation,
    );
    none_of(
        "The activists could be charged with subversion in 2021.",
        Kind::Accusation,
    );
}

#[test]
fn a_participle_before_its_noun_is_an_adjective() {
    check(&[
        (
            "On May 2, 2024, the Treasury sanctioned two shipping firms.",
            Kind::Sanction,
            "2024-05-02",
        ),
        (
            "The two shipping firms were sanctioned by the Treasury on May 2, 2024.",
            Kind::Sanction,
            "2024-05-02",
        ),
    ]);
    none_of(
        "On May 2, 2024, the broker sold chips to sanctioned buyers abroad.",
        Kind::Sanction,
    );
    none_of(
        "On May 2, 2024, the broker shipped parts to a blacklisted firm.",
        Kind::Listing,
    );
}
