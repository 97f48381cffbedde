//! How dates read on screen. A date is shown at the precision the sources
//! give it and never more: "24 Jun 2026", "Jun 2026", "2026", and spans as
//! "22 Apr – 5 Jun 2026". Pure functions, so the timeline, the detail view
//! and the tests agree.

use crate::model::{DateSpan, PartialDate};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The short name of a month (1–12), or `"?"` when out of range.
pub fn month_short(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The full name of a month (1–12), or `"?"` when out of range.
pub fn month_name(m: u32) -> &'static str {
    MONTH_NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// A partial date at its own precision: "24 Jun 2026", "Jun 2026", "2026".
pub fn date(d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", month_short(m), d.year),
        (Some(m), None) => format!("{} {}", month_short(m), d.year),
        _ => d.year.to_string(),
    }
}

/// A date without its year, for the first half of a span within one year.
fn date_no_year(d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {}", month_short(m)),
        (Some(m), None) => month_short(m).to_string(),
        _ => d.year.to_string(),
    }
}

/// A date or span: "24 Jun 2026", "22 Apr – 5 Jun 2026", "Jun – Jul 2026",
/// "Dec 2025 – Jan 2026". The year is written once when both ends share it.
pub fn span(s: &DateSpan) -> String {
    let Some(end) = s.end.filter(|e| *e != s.start) else {
        return date(&s.start);
    };
    let start = &s.start;
    if start.year == end.year && start.month.is_some() && end.month.is_some() {
        if start.month == end.month && start.day.is_some() && end.day.is_some() {
            // "22 – 25 Jun 2026"
            return format!("{} – {}", start.day.unwrap_or(1), date(&end));
        }
        return format!("{} – {}", date_no_year(start), date(&end));
    }
    format!("{} – {}", date(start), date(&end))
}

/// The heading of a month group: "June 2026", or "2026" for events known
/// only to the year.
pub fn group_heading(year: i32, month: Option<u32>) -> String {
    match month {
        Some(m) => format!("{} {year}", month_name(m)),
        None => format!("{year} (month unknown)"),
    }
}

/// The group a span sorts under: its first year and (when known) month.
pub fn group_of(s: &DateSpan) -> (i32, Option<u32>) {
    (s.start.year, s.start.month)
}

/// Cuts `s` to at most `width` terminal columns, ending in "…" when cut.
/// Wide (CJK) characters count as two columns.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// A publication time as the reader sees it: "2026-07-09 10:00 +08:00".
pub fn published(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or(PartialDate::year(0))
    }

    fn sp(a: &str, b: Option<&str>) -> DateSpan {
        DateSpan {
            start: d(a),
            end: b.map(d),
        }
    }

    #[test]
    fn dates_show_their_own_precision() {
        let table = [
            ("2026-06-24", "24 Jun 2026"),
            ("2026-06", "Jun 2026"),
            ("2026", "2026"),
            ("2019-05-15", "15 May 2019"),
            ("2023-12-01", "1 Dec 2023"),
        ];
        for (input, want) in table {
            assert_eq!(date(&d(input)), want, "{input}");
        }
    }

    #[test]
    fn spans_write_the_shared_year_once() {
        let table = [
            (("2026-04-22", Some("2026-06-05")), "22 Apr – 5 Jun 2026"),
            (("2026-06-22", Some("2026-06-25")), "22 – 25 Jun 2026"),
            (("2026-06", Some("2026-07")), "Jun – Jul 2026"),
            (("2025-12", Some("2026-01")), "Dec 2025 – Jan 2026"),
            (("2025", Some("2026")), "2025 – 2026"),
            (("2026-06-24", None), "24 Jun 2026"),
            (("2026-06-24", Some("2026-06-24")), "24 Jun 2026"),
            (("2026-06", Some("2026-07-10")), "Jun – 10 Jul 2026"),
        ];
        for ((a, b), want) in table {
            assert_eq!(span(&sp(a, b)), want, "{a} {b:?}");
        }
    }

    #[test]
    fn group_headings_name_the_month() {
        assert_eq!(group_heading(2026, Some(6)), "June 2026");
        assert_eq!(group_heading(2026, None), "2026 (month unknown)");
        assert_eq!(month_short(13), "?");
    }

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("Alibaba", 10), "Alibaba");
        assert_eq!(fit("Alibaba sues", 6), "Aliba…");
        assert_eq!(fit("华为被列入", 5), "华为…");
        assert_eq!(fit("abc", 0), "");
    }
}
