//! One incident told in different voices (a name spelt as one word or
//! two, another government's move on the same day) merges, or stays
//! apart, as it should.

use super::super::testutil::m;
use super::super::*;
use super::groups;

#[test]
fn a_name_written_as_one_word_or_two_is_one_subject() {
    let ms = vec![
        m(
            1,
            "https://a.example/1",
            "2024-02-01",
            "ban",
            "2023-06",
            &["Vermont"],
            &["Snap Chat"],
            "In June 2023, Vermont barred Snap Chat from state phones.",
        ),
        m(
            2,
            "https://b.example/2",
            "2024-03-01",
            "ban",
            "2023-06",
            &["Vermont"],
            &["SnapChat"],
            "Vermont kept SnapChat off state phones from June 2023.",
        ),
    ];
    let events = build(&ms, &[]);
    assert_eq!(events.len(), 1, "{:?}", groups(&events));
}
