//! Chinese narratives that date an act from the one before it: "三天后，
//! ……" (three days after the last event's day), "同月" and "次年" (that
//! event's month, the year after it). The phrases of a month or a year are
//! `period_phrases` in the language file; the days are read here, in
//! Arabic or Chinese numerals.

use super::super::dates::DateMatch;
use super::super::lang::words;
use crate::model::{DateSpan, PartialDate};

/// Dates a clause opened by "N天后" / "N日后" / "一周后" or by a phrase of
/// `period_phrases` ("同月", "次年") from the last date before it in the
/// sentence, else from `anchor` (the last event's start).
pub(crate) fn add_zh_later(s: &str, dates: &mut Vec<DateMatch>, anchor: Option<PartialDate>) {
    if !s.contains('后') && !s.contains('同') && !s.contains('次') && !s.contains('翌') {
        return;
    }
    let base_at = |at: usize, dates: &[DateMatch]| {
        dates
            .iter()
            .rfind(|d| d.end <= at && d.span.end.is_none())
            .map(|d| d.span.start)
            .or(anchor)
    };
    let mut found: Vec<DateMatch> = Vec::new();
    for (phrase, unit, n) in &words("zh").period_phrases {
        let Some(at) = s.find(phrase.as_str()) else {
            continue;
        };
        if !opens_clause(s, at) {
            continue;
        }
        // from the sentence's own dates, not the phrases found here
        let end = at + phrase.len();
        found.extend(super::dating::period_phrase_date(
            dates, at, end, anchor, unit, *n,
        ));
    }
    if let Some((at, end, days)) = days_later(s) {
        let base = base_at(at, dates).filter(|b| b.precision() == 3);
        let day = base
            .map(|b| b.first_day())
            .and_then(|b| b.checked_add_signed(chrono::Duration::days(days)));
        if let Some(day) = day.filter(|_| !dates.iter().any(|d| at < d.end && d.start < end)) {
            found.push(DateMatch {
                start: at,
                end,
                span: DateSpan::at(PartialDate::from_naive(day)),
                relative: true,
            });
        }
    }
    if !found.is_empty() {
        dates.extend(found);
        dates.sort_by_key(|d| d.start);
    }
}

/// True when the phrase at `at` opens the sentence or a clause.
fn opens_clause(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("").trim_end();
    before.is_empty() || before.ends_with(['，', ',', '；', '。', '：'])
}

/// "三天后", "5日后", "一周后", "两周后" opening a clause: its bytes and
/// how many days it counts.
fn days_later(s: &str) -> Option<(usize, usize, i64)> {
    let at = s.find('后')?;
    let head = s.get(..at)?;
    let (unit_len, per) = if head.ends_with('天') || head.ends_with('日') {
        (3, 1)
    } else if head.ends_with('周') {
        (3, 7)
    } else {
        return None;
    };
    let num = &head[..head.len() - unit_len];
    let digits: String = num
        .chars()
        .rev()
        .take_while(|&c| c.is_ascii_digit() || super::super::dates::zh::cn_digit(c).is_some())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() {
        return None;
    }
    let n: i64 = if digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()?
    } else if digits.chars().count() == 1 {
        i64::from(super::super::dates::zh::cn_digit(digits.chars().next()?)?)
    } else {
        return None;
    };
    let start = num.len() - digits.len();
    (opens_clause(s, start) && (1..=31).contains(&n)).then_some((
        start,
        at + '后'.len_utf8(),
        n * per,
    ))
}
