//! English constructions of the sixth pass (issue 12), tested on sentences
//! written for this file with near misses that must stay silent: a list
//! published with what it holds ("published the Covered List, which
//! included ..."); a public law's date line as its text rendering prints
//! it under "An Act" ("Mar. 4, 2025 [H.R. 1234]"); trade preferences
//! taken away (removed from the GSP, most-favored-nation status revoked).

use super::tests::{check, none_of};
use crate::model::Kind;

#[test]
fn a_list_published_with_what_it_holds_is_a_listing() {
    check(&[
        (
            "On March 12, 2025, the regulator published the Covered List, which included equipment produced by Northridge Telecom.",
            Kind::Listing,
            "2025-03-12",
        ),
        (
            "The department released an updated Entity List that adds two chip designers on Jan. 15, 2025.",
            Kind::Listing,
            "2025-01-15",
        ),
        (
            "In January 2024 the Pentagon issued its latest list of Chinese military companies, which named the drone maker Redcat.",
            Kind::Listing,
            "2024-01",
        ),
    ]);
    // a list of goods, not of companies, is not a listing
    none_of(
        "On March 12, 2025, the trade office published a list of products that included solar cells and batteries.",
        Kind::Listing,
    );
}

#[test]
fn a_public_law_s_date_line_dates_its_enactment() {
    check(&[(
        "PUBLIC LAW 119-12--MAR. 4, 2025\n\nAn Act\n\nMar. 4, 2025 [H.R. 1234]\n\nTo prohibit the purchase of drones made by Northridge, and for other purposes.",
        Kind::Legislation,
        "2025-03-04",
    )]);
    // a committee report's number is no bill
    none_of(
        "The committee filed its views on Mar. 4, 2025 [H. Rept. 119-5].",
        Kind::Legislation,
    );
}

#[test]
fn trade_preferences_taken_away_are_tariffs() {
    check(&[
        (
            "A presidential proclamation removed Turkey from the Generalized System of Preferences program in May 2019.",
            Kind::Tariff,
            "2019-05",
        ),
        (
            "On Jan. 5, 2026, the administration revoked the country's most-favored-nation status.",
            Kind::Tariff,
            "2026-01-05",
        ),
        (
            "The president ended duty-free treatment for the territory's exports on July 14, 2020.",
            Kind::Tariff,
            "2020-07-14",
        ),
    ]);
    // a proposal is no measure
    none_of(
        "In 2025 lawmakers said they would revoke the country's permanent normal trade relations.",
        Kind::Tariff,
    );
}
