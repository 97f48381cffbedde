//! Legal citations. Court opinions and legal reports say what a court or
//! agency did in one sentence and date it only in the citation beside it:
//! "The commission revoked the carrier's authority. Carrier Corp., FCC
//! 21-114, 36 FCC Rcd. 15966 (Nov. 2, 2021)." or "The court of appeals
//! denied the petitions. 122 F.4th 930 (D.C. Cir. 2024)." The date grammar
//! reads neither "(D.C. Cir. 2024)" nor a citation in the next sentence;
//! this module reads the parenthetical date that closes a reporter
//! citation (U.S. Reports, the Federal Reporter and Supplement, the Federal
//! Register, the FCC Record, Westlaw and LEXIS numbers).

use super::super::dates::{find_dates, DateMatch};
use crate::model::{DateSpan, PartialDate};
use chrono::{DateTime, FixedOffset};
use regex::Regex;
use std::sync::OnceLock;

/// A reporter citation: volume, reporter, first page ("85 Fed. Reg. 48,637",
/// "2021 WL 5161884", "122 F. 4th 930").
fn reporter() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        #[allow(clippy::expect_used)] // a constant pattern, tested below
        Regex::new(
            r"(?x)\b\d{1,4}\s
            (?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.\s?(?:2d|3d|4th)|F\.\s?Supp\.(?:\s?[23]d)?
              |F\.\s?App[’']x|Fed\.\s?Reg\.|FCC\s?Rcd\.?|F\.R\.D\.|B\.R\.|WL
              |U\.S\.\s?(?:Dist\.|App\.)\s?LEXIS|F\.)
            \s?[\d_–—-]",
        )
        .expect("citation pattern compiles")
    })
}

/// The parenthetical that closes a citation: "(Nov. 2, 2021)", "(D.C.
/// Cir. 2024)", "(CADC 2024)", "(9th Cir. 2020)".
fn closing() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        #[allow(clippy::expect_used)] // a constant pattern, tested below
        Regex::new(r"\(([^()]{0,40}?)\b((?:19|20)\d\d)\)").expect("closing pattern compiles")
    })
}

/// The date of each reporter citation in `s`, placed over its
/// parenthetical; dates the grammar already read there are not repeated.
pub(crate) fn citation_dates(s: &str, anchor: &DateTime<FixedOffset>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for r in reporter().find_iter(s) {
        // pin cites and a court's name come first: "930, 940, 948–965 (CADC 2024)"
        let rest_end = (r.end() + 120).min(s.len());
        let mut end = rest_end;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let Some(c) = closing().captures(&s[r.end()..end]) else {
            continue;
        };
        let (Some(all), Some(year)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let (start, stop) = (r.end() + all.start(), r.end() + all.end());
        if out.iter().any(|d: &DateMatch| d.start == start) {
            continue;
        }
        let inner = &s[start..stop];
        let span = find_dates(inner, anchor)
            .into_iter()
            .rfind(|d| !d.relative)
            .map(|d| d.span)
            .or_else(|| {
                year.as_str()
                    .parse::<i32>()
                    .ok()
                    .map(|y| DateSpan::at(PartialDate::year(y)))
            });
        if let Some(span) = span {
            out.push(DateMatch {
                start,
                end: stop,
                span,
                relative: false,
            });
        }
    }
    out
}

/// True when `s` is a citation sentence: it opens with a case name or a
/// volume number and holds a reporter citation within its first words, so
/// it names a source rather than saying something of its own.
pub(crate) fn is_citation(s: &str) -> bool {
    reporter()
        .find(s)
        .is_some_and(|r| s[..r.start()].split_whitespace().count() <= 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2025-06-18T09:00:00+00:00").unwrap_or_default()
    }

    fn dates(s: &str) -> Vec<String> {
        citation_dates(s, &anchor())
            .iter()
            .map(|d| d.span.start.to_string())
            .collect()
    }

    #[test]
    fn the_closing_parenthetical_dates_a_citation() {
        assert_eq!(
            dates("Carrier Corp., FCC 21-114, 36 FCC Rcd. 15966 (Nov. 2, 2021)."),
            ["2021-11-02"]
        );
        assert_eq!(dates("122 F. 4th 930, 940, 948–965 (CADC 2024)."), ["2024"]);
        assert_eq!(dates("85 Fed. Reg. 48,637 (Aug. 6, 2020)"), ["2020-08-06"]);
        assert_eq!(
            dates("See 2020 WL 5592848 (D.D.C. Sept. 27, 2020)."),
            ["2020-09-27"]
        );
        assert_eq!(dates("Smith v. Jones, 500 U.S. 1, 12 (1991)."), ["1991"]);
    }

    #[test]
    fn numbers_that_are_not_citations_give_nothing() {
        assert!(dates("It covers 300 products (as of 2024).").is_empty());
        assert!(dates("Tariffs rose to 25 percent (up from 10 percent in 2019).").is_empty());
        assert!(!is_citation("The court ruled on 12 F. claims."));
        assert!(is_citation(
            "Carrier Corp., FCC 21-114, 36 FCC Rcd. 15966 (Nov. 2, 2021)."
        ));
    }
}
