//! English constructions found by a probe of court, ban, sanction and
//! charge reports, tested on sentences written for this file with near
//! misses that must stay silent: indictments unveiled or announced,
//! criminal charges with their day between the noun and "against", an
//! indictment named first and its filing told after it ("One indictment,
//! filed on …"), and a year-less date "of that year"; a ruling dated on
//! its noun ("In his ruling Friday, Judge X wrote", "Friday's ruling came
//! after …") and a court's order issued; an agency's finding or
//! determination told at length or dated after its noun; a listing told
//! as "the addition of" a long-named company, a designation as a CCMC,
//! and a designation "on" a list.

use super::tests::{check, none_of};
use crate::model::Kind;

#[test]
fn indictments_unveiled_filed_or_announced_are_accusations() {
    check(&[
        (
            "On Feb. 11, the Justice Department unveiled an indictment against Corvane Systems.",
            Kind::Accusation,
            "2025-02-11",
        ),
        (
            "In January 2019, prosecutors announced two separate indictments against the router maker.",
            Kind::Accusation,
            "2019-01",
        ),
        (
            "The Justice Department announced criminal charges Monday against Corvane Systems and its founder.",
            Kind::Accusation,
            "2025-06-16",
        ),
        (
            "One indictment, filed on March 3, 2021, in federal court in Seattle, dealt with stolen designs.",
            Kind::Accusation,
            "2021-03-03",
        ),
    ]);
    // charges weighed, and an indictment only described, accuse nobody
    none_of(
        "On Feb. 11, prosecutors weighed criminal charges against Corvane Systems.",
        Kind::Accusation,
    );
    none_of(
        "The indictment, which runs to 40 pages, was read on March 3, 2021.",
        Kind::Accusation,
    );
}

#[test]
fn a_date_of_that_year_takes_the_year_before_it() {
    check(&[(
        "In January 2019, prosecutors announced two indictments against the router maker. A second indictment, filed on Jan. 24 of that year, accused it of fraud.",
        Kind::Accusation,
        "2019-01-24",
    )]);
    // without the phrase, the year is publication's
    check(&[(
        "In January 2019, prosecutors announced two indictments against the router maker. A second indictment, filed on Jan. 24, accused it of fraud.",
        Kind::Accusation,
        "2025-01-24",
    )]);
}

#[test]
fn a_ruling_dated_on_its_noun_is_a_ruling() {
    check(&[
        (
            "In his ruling Friday, U.S. District Judge Maria Okafor wrote that the ban was arbitrary.",
            Kind::Ruling,
            "2025-06-13",
        ),
        (
            "In the ruling Monday granting an injunction against the May 30 ban, the judge wrote that the app would suffer harm.",
            Kind::Ruling,
            "2025-06-16",
        ),
        (
            "Tuesday's ruling came after the appeals court heard arguments in April.",
            Kind::Ruling,
            "2025-06-17",
        ),
        (
            "The Court of Appeals issued the order late Friday.",
            Kind::Ruling,
            "2025-06-13",
        ),
    ]);
    // an agency's ruling names no court; a ruling awaited has not come;
    // a summons is no decision
    none_of(
        "In a ruling on Friday, the commission said the carrier must pay.",
        Kind::Ruling,
    );
    none_of("Lawyers said Friday's ruling will matter.", Kind::Ruling);
    none_of("The court issued a summons on Friday.", Kind::Ruling);
}

#[test]
fn an_agency_s_findings_and_determinations_are_accusations() {
    check(&[
        (
            "On March 2, 2018, the trade office determined that Beijing's acts, policies and practices related to licensing, joint ventures, cloud services, and software were unreasonable or discriminatory.",
            Kind::Accusation,
            "2018-03-02",
        ),
        (
            "On May 3, 2019, the trade office announced its determination that the Government of China's practices were unreasonable.",
            Kind::Accusation,
            "2019-05-03",
        ),
        (
            "The trade office released its findings on March 8, 2018, concluding that the practices burden U.S. commerce.",
            Kind::Accusation,
            "2018-03-08",
        ),
    ]);
    // a finding that clears is no accusation
    none_of(
        "On May 3, 2019, the trade office announced its determination that the practices were lawful.",
        Kind::Accusation,
    );
}

#[test]
fn additions_and_designations_in_their_long_forms_are_listings() {
    check(&[
        (
            "On May 15, 2019, the Commerce Department announced the addition of Corvane Systems Co. Ltd., a maker of routers, switches and other networking gear, to the Entity List.",
            Kind::Listing,
            "2019-05-15",
        ),
        (
            "The phone maker was designated as a CCMC by the Pentagon on January 14, 2021.",
            Kind::Listing,
            "2021-01-14",
        ),
        (
            "Five suppliers were designated on the Entity List in May 2020.",
            Kind::Listing,
            "2020-05",
        ),
    ]);
    // a designation as something that is no list, and a list of goods
    none_of(
        "The phone maker was designated as a sponsor of the games on January 14, 2021.",
        Kind::Listing,
    );
    none_of(
        "In May 2020 the suppliers were designated on a shipping manifest.",
        Kind::Listing,
    );
}
