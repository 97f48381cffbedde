//! English constructions of the sixth pass (issue 12), tested on sentences
//! written for this file with near misses that must stay silent: a list
//! published with what it holds ("published the Covered List, which
//! included ...").

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
