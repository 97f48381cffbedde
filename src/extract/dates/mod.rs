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
pub(crate) mod words;
pub(crate) mod zh;

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

/// A language's date grammar: a cheap test of whether a text may hold a
/// date in it, and the reader that finds them.
pub(crate) struct Grammar {
    /// The code of the language (its file is `data/lang/<code>.toml`).
    pub code: &'static str,
    worth_scanning: fn(&str) -> bool,
    scan: fn(&str, NaiveDate, &mut Vec<Found>),
}

/// The date grammars, keyed by language code. Every grammar reads every
/// sentence: an English story quotes "5月15日", a Chinese one "May 15".
pub(crate) const GRAMMARS: &[Grammar] = &[
    Grammar {
        code: "en",
        worth_scanning: words::worth_scanning,
        scan: en::scan,
    },
    Grammar {
        code: "zh",
        worth_scanning: zh::worth_scanning,
        scan: zh::scan,
    },
];

/// Every date expression in `text` (usually one sentence), in order, non-overlapping,
/// resolved against `anchor` (the article's publication time, in its own offset:
/// use anchor.date_naive() of the DateTime<FixedOffset> as given, NOT converted to UTC).
pub fn find_dates(text: &str, anchor: &DateTime<FixedOffset>) -> Vec<DateMatch> {
    let day = anchor.date_naive();
    let mut found = Vec::new();
    for g in GRAMMARS {
        if (g.worth_scanning)(text) {
            (g.scan)(text, day, &mut found);
        }
    }
    if text.contains('/') {
        slashed(text, day, &mut found);
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

/// "01/25/2024", "10/30/20": the month-first numeric dates of US dockets
/// and bill histories. A two-digit year is in the century that puts it on
/// or before the anchor's year.
fn slashed(text: &str, anchor: NaiveDate, out: &mut Vec<Found>) {
    use chrono::Datelike;
    let b = text.as_bytes();
    let digits = |at: usize| b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/'))
        {
            i += 1;
            continue;
        }
        let m_len = digits(i);
        let (m_end, d_at) = (i + m_len, i + m_len + 1);
        if !(1..=2).contains(&m_len) || b.get(m_end) != Some(&b'/') || d_at >= b.len() {
            i = m_end.max(i + 1);
            continue;
        }
        let d_len = digits(d_at);
        let y_at = d_at + d_len + 1;
        if !(1..=2).contains(&d_len) || b.get(d_at + d_len) != Some(&b'/') || y_at >= b.len() {
            i = m_end.max(i + 1);
            continue;
        }
        let y_len = digits(y_at);
        let end = y_at + y_len;
        let next_ok = b
            .get(end)
            .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'/');
        let num = |a: usize, n: usize| text.get(a..a + n).and_then(|t| t.parse::<i32>().ok());
        if (y_len == 2 || y_len == 4) && next_ok {
            if let (Some(m), Some(d), Some(y)) = (num(i, m_len), num(d_at, d_len), num(y_at, y_len))
            {
                let year = if y_len == 4 {
                    y
                } else if 2000 + y <= anchor.year() + 1 {
                    2000 + y
                } else {
                    1900 + y
                };
                let (m, d) = (m as u32, d as u32);
                if NaiveDate::from_ymd_opt(year, m, d).is_some() {
                    out.push(Found {
                        start: i,
                        end,
                        a: Ymd::day(year, m, d),
                        b: None,
                    });
                }
            }
        }
        i = end.max(i + 1);
    }
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
        if let Some(m) = d.with_year(year) {
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
