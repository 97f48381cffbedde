//! English word tables (months, weekdays, context words) and the cheap
//! prefilter that decides whether a sentence is worth tokenizing.

use chrono::Weekday;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const ABBREVS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
/// Whether `w` names a month or a day of the week in full, in any case.
pub(crate) fn names_month_or_weekday(w: &str) -> bool {
    MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m)) || weekday_of(w).is_some()
}

/// Words after which a bare month or year is a date ("in June", "since 2020").
pub(crate) const CONTEXT: [&str; 18] = [
    "in",
    "since",
    "by",
    "during",
    "until",
    "till",
    "from",
    "of",
    "before",
    "after",
    "through",
    "throughout",
    "around",
    "between",
    "spring",
    "summer",
    "autumn",
    "winter",
];
const RELATIVE_WORDS: [&str; 9] = [
    "yesterday",
    "ago",
    "today",
    "tonight",
    "tomorrow",
    "year",
    "month",
    "last",
    "next",
];

/// Cheap prefilter: a digit, or a word that can start a date expression.
pub(crate) fn worth_scanning(text: &str) -> bool {
    if text.bytes().any(|c| c.is_ascii_digit()) {
        return true;
    }
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        (3..=9).contains(&w.len())
            && (month_index(w).is_some()
                || weekday_of(w).is_some()
                || RELATIVE_WORDS.iter().any(|r| w.eq_ignore_ascii_case(r)))
    })
}

pub(crate) fn month_index(w: &str) -> Option<(u32, bool)> {
    if let Some(i) = MONTHS.iter().position(|m| w.eq_ignore_ascii_case(m)) {
        return Some((i as u32 + 1, false));
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some((9, true));
    }
    ABBREVS
        .iter()
        .position(|m| w.eq_ignore_ascii_case(m))
        .map(|i| (i as u32 + 1, true))
}

pub(crate) fn weekday_of(w: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(n, _)| w.eq_ignore_ascii_case(n))
        .map(|(_, d)| *d)
}

/// An ASCII word lowercased on the stack, so keyword matching allocates
/// nothing. Words longer than the buffer read as "" (no keyword is that long).
pub(crate) struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    pub(crate) fn new(w: &str) -> Self {
        let mut buf = [0u8; 24];
        if w.len() > buf.len() {
            return Lower { buf, len: 0 };
        }
        for (d, s) in buf.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        Lower { buf, len: w.len() }
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Whether an English date expression can start with this (lowercased)
/// word; everything else is skipped without trying the grammar.
pub(crate) fn can_start(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
            | "the"
            | "this"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "early"
            | "earlier"
            | "late"
            | "later"
            | "mid"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "between"
            | "from"
            | "a"
            | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
    )
}
