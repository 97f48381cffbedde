//! The date grammar: finds date expressions in running text (English and
//! Chinese) and resolves them against the article's publication time.
//!
//! News copy rarely says "2019-05-15"; it says "on Wednesday", "late last
//! month", "5月15日" or "between April 22 and June 5". Every event the
//! extractor reports needs an ISO partial date (`YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`) that is exactly as precise as the text, so this module
//! reads those expressions by hand (no crate covers both languages and the
//! annotation rules of `eval/SCHEMA.md`):
//!
//! - a year-less date takes the year that puts it nearest the publication
//!   day; a bare month compares month distance, ties going to the past;
//! - a weekday is the nearest such day on or before the publication day,
//!   or on or after it when the sentence speaks of the future (see
//!   `en.rs`'s tense cues); "last"/"next" exclude the publication day;
//!   上周/本周/下周 count calendar weeks from Monday;
//! - "early/mid/late June", "the end of June", 6月下旬 keep month precision;
//! - quarters, decades, versions, money, percentages and counts are not
//!   dates, and "May"/"March" count as months only when capitalised and
//!   next to a day, a year or a preposition.
//!
//! The module is pure and cheap: a prefilter skips sentences without a
//! digit, a date word or a Chinese date character, and there is no regex
//! compilation or allocation on that path.

mod en;
mod lex;
mod resolve;
#[cfg(test)]
mod tests;
mod words;
mod zh;

use crate::model::DateSpan;
use chrono::{DateTime, FixedOffset, NaiveDate};
use resolve::Ymd;

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// Byte range of the expression in the text passed in.
    pub start: usize,
    pub end: usize,
    /// The resolved date or span.
    pub span: DateSpan,
    /// True when the expression was relative or year-less and so needed the anchor.
    pub relative: bool,
}

/// A parsed expression before resolution: a date, or a stated span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub a: Ymd,
    pub b: Option<Ymd>,
}

/// Every date expression in `text` (usually one sentence), in order, non-overlapping,
/// resolved against `anchor` (the article's publication time, in its own offset:
/// use anchor.date_naive() of the DateTime<FixedOffset> as given, NOT converted to UTC).
pub fn find_dates(text: &str, anchor: &DateTime<FixedOffset>) -> Vec<DateMatch> {
    let day = anchor.date_naive();
    let mut found = Vec::new();
    if words::worth_scanning(text) {
        en::scan(text, day, &mut found);
    }
    if zh::worth_scanning(text) {
        zh::scan(text, day, &mut found);
    }
    if found.is_empty() {
        return Vec::new();
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<DateMatch> = Vec::with_capacity(found.len());
    for f in found {
        if out.last().is_some_and(|last| f.start < last.end) {
            continue;
        }
        if let Some(m) = resolve_found(f, day) {
            out.push(m);
        }
    }
    share_year(text, &mut out);
    out
}

/// "2025年3月4日和4月4日", "on May 3, 2024 and June 5": a year-less date
/// joined to a dated one is in the same year, however far that is from the
/// publication day.
fn share_year(text: &str, out: &mut [DateMatch]) {
    for i in 1..out.len() {
        let (prev, cur) = (&out[i - 1], &out[i]);
        if !cur.relative || prev.relative || cur.span.end.is_some() || prev.span.end.is_some() {
            continue;
        }
        let between = text.get(prev.end..cur.start).unwrap_or("").trim();
        let joined = matches!(
            between,
            "和" | "、" | "及" | "与" | "或" | "and" | "or" | "," | "，"
        );
        let numeric = text
            .get(cur.start..cur.end)
            .is_some_and(|t| t.chars().any(|c| c.is_ascii_digit()));
        let d = cur.span.start;
        let year = prev.span.start.year;
        if !joined || !numeric || d.year == year {
            continue;
        }
        let moved = match (d.month, d.day) {
            (Some(m), Some(day)) => crate::model::PartialDate::day(year, m, day),
            (Some(m), None) => crate::model::PartialDate::month(year, m),
            _ => None,
        };
        if let Some(m) = moved {
            out[i].span.start = m;
        }
    }
}

/// Resolves a parsed expression. A span whose end would precede its start
/// falls back to its start alone.
fn resolve_found(f: Found, day: NaiveDate) -> Option<DateMatch> {
    // Year-less on both sides means the anchor chose the year.
    let yearless = f.a.year.is_none() && f.b.is_none_or(|b| b.year.is_none());
    let relative = yearless || f.a.relative || f.b.is_some_and(|b| b.relative);
    let span = match f.b.and_then(|b| resolve::resolve_span(f.a, b, day)) {
        Some(span) => span,
        None => DateSpan::at(resolve::resolve(f.a, day)?),
    };
    Some(DateMatch {
        start: f.start,
        end: f.end,
        span,
        relative,
    })
}
