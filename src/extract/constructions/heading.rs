//! A date on a line of its own heads the paragraph after it. A bill as
//! printed puts the day of its introduction on its own line between the
//! chamber ("IN THE SENATE OF THE UNITED STATES") and the sentence that
//! reports it ("Mr. Rubio (for himself and Mr. Markey) introduced the
//! following bill; …"); a release or a chronology puts the day above the
//! paragraph that tells what happened on it. The sentence right after
//! such a line, when it states no date of its own, takes that day.

use super::super::dates::DateMatch;
use crate::model::DateSpan;

/// The day a sentence consists of, when it is nothing but one absolute
/// date to the day ("May 24, 2021", "24 May 2021.").
pub(crate) fn date_line(s: &str, dates: &[DateMatch]) -> Option<DateSpan> {
    let [d] = dates else {
        return None;
    };
    if d.relative || d.span.end.is_some() || d.span.start.precision() != 3 {
        return None;
    }
    let rest = |t: &str| {
        t.chars()
            .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ':' | '-' | '—' | '–'))
    };
    (rest(&s[..d.start]) && rest(&s[d.end..])).then_some(d.span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::find_dates;

    fn line(s: &str) -> Option<String> {
        let anchor =
            chrono::DateTime::parse_from_rfc3339("2021-06-01T12:00:00-04:00").expect("anchor");
        date_line(s, &find_dates(s, &anchor)).map(|d| d.start.to_string())
    }

    #[test]
    fn a_line_that_is_only_a_day() {
        assert_eq!(line("May 24, 2021").as_deref(), Some("2021-05-24"));
        assert_eq!(line("  24 May 2021. ").as_deref(), Some("2021-05-24"));
        // a Senate bill's day, its legislative day in brackets
        assert_eq!(
            line("January 19 (legislative day, January 18), 2022").as_deref(),
            Some("2022-01-19")
        );
        // a bracket of another kind leaves the day without its year
        assert_eq!(line("January 19 (a Wednesday), 2022"), None);
        // more than the date, a month, or a day the reader must place
        assert_eq!(line("Dated: May 24, 2021, at Washington"), None);
        assert_eq!(line("May 2021"), None);
        assert_eq!(line("Monday"), None);
        assert_eq!(line("May 24, 2021 and June 1, 2021"), None);
    }

    use crate::extract::tests::found;
    use crate::model::Kind;

    #[test]
    fn a_printed_bill_is_introduced_on_the_day_above_it() {
        let bill = "IN THE SENATE OF THE UNITED STATES\n\nMarch 2, 2022\n\n\
            Ms. Rivera (for herself and Mr. Okafor) introduced the following bill; \
            which was read twice and referred to the Committee on Finance\n\nA BILL\n\n\
            To restrict the sale of certain routers.";
        assert!(found(bill).contains(&(Kind::Legislation, "2022-03-02".into())));
        let senate = bill.replace("March 2, 2022", "March 2 (legislative day, March 1), 2022");
        assert!(
            found(&senate).contains(&(Kind::Legislation, "2022-03-02".into())),
            "{:?}",
            found(&senate)
        );
        // a sentence with a day of its own keeps it
        let own = "March 2, 2022\n\nThe committee approved the bill on March 9, 2022.";
        assert_eq!(found(own), vec![(Kind::Legislation, "2022-03-09".into())]);
        // the day heads only the sentence right after it
        let far = "March 2, 2022\n\nThe hearing ran long.\n\nThe House passed the bill.";
        assert!(
            found(far).iter().all(|(_, d)| d != "2022-03-02"),
            "{:?}",
            found(far)
        );
    }

    #[test]
    fn a_public_law_is_enacted_on_its_margin_note() {
        let law = "Public Law 118-9\n\nAn Act\n\nTo prohibit the purchase of certain drones. \
            <<NOTE: Aug. 3, 2023 - [S. 1204]>>\n\nBe it enacted by the Senate and House of \
            Representatives of the United States of America in Congress <<NOTE: Drone Act \
            of 2023.>> assembled,";
        assert!(found(law).contains(&(Kind::Legislation, "2023-08-03".into())));
        // other margin notes carry no date of enactment
        let notes = "(1) <<NOTE: Deadline.>> Not later than 90 days after the date of \
            enactment, the Secretary shall issue rules (adopted June 17, 2023).";
        assert!(
            found(notes).iter().all(|(k, _)| *k != Kind::Legislation),
            "{:?}",
            found(notes)
        );
    }

    #[test]
    fn the_sponsor_introduces_and_congress_enacts() {
        let read =
            |text: &str| crate::extract::tests::read_en_on(text, "2023-08-04T12:00:00-04:00");
        // the aside's co-sponsors are not the subject
        let bill =
            read("Ms. Rivera (for herself and Mr. Okafor) introduced the bill on March 2, 2022.");
        assert_eq!(bill[0].actors, vec!["Ms. Rivera".to_string()]);
        // a public law's margin note names nobody: Congress enacted it
        let law = read(
            "Public Law 118-9\n118th Congress\n\nAn Act\n\nTo prohibit the purchase of \
            certain drones. <<NOTE: Aug. 3, 2023 - [S. 1204]>>",
        );
        assert_eq!(law.len(), 1, "{law:?}");
        assert_eq!(law[0].actors, vec!["Congress".to_string()]);
    }
}
