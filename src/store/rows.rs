//! The one row decoder: every query that returns timeline rows selects
//! [`EVENT_COLUMNS`] from `events e` and decodes them with [`event_row`].

use super::EventRow;
use crate::model::{DateSpan, Kind, PartialDate};
use rusqlite::Row;

/// The columns [`event_row`] reads, in its order, over `events e`.
pub const EVENT_COLUMNS: &str = "e.id, e.kind, e.start, e.end_date, e.title, e.actors, e.targets, e.status, e.n_sources, e.date_conflict, e.edited";

/// Decodes one row of [`EVENT_COLUMNS`]. A date the store cannot read is
/// an error, not a silent year 0.
pub fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let kind: String = r.get(1)?;
    let start: String = r.get(2)?;
    let end: Option<String> = r.get(3)?;
    let status: String = r.get(7)?;
    let list = |s: String| serde_json::from_str::<Vec<String>>(&s).unwrap_or_default();
    Ok(EventRow {
        id: r.get(0)?,
        kind: kind.parse().unwrap_or(Kind::Other),
        span: DateSpan {
            start: checked_date(&start)?,
            end: end.as_deref().map(checked_date).transpose()?,
        },
        title: r.get(4)?,
        actors: list(r.get(5)?),
        targets: list(r.get(6)?),
        status: status.parse().unwrap_or_default(),
        n_sources: r.get::<_, i64>(8)? as usize,
        date_conflict: r.get(9)?,
        edited: super::events::parse_edited(&r.get::<_, String>(10)?),
    })
}

fn checked_date(s: &str) -> rusqlite::Result<PartialDate> {
    fast_date(s).or_else(|| s.parse().ok()).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("'{s}' is not a date").into(),
        )
    })
}

/// "2026-06-24" → 20260624 (0 for anything else).
pub fn day_number(s: &str) -> u32 {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 8 {
        digits.parse().unwrap_or(0)
    } else {
        0
    }
}

/// "2026-06-24" → its parts, without allocating; falls back to the
/// checked parser for anything unusual.
pub fn quick_date(s: &str) -> PartialDate {
    fast_date(s)
        .or_else(|| s.parse().ok())
        .unwrap_or(PartialDate::year(0))
}

/// The common shapes of a stored date, read without allocating.
fn fast_date(s: &str) -> Option<PartialDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        part.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32)
        })
    };
    match b.len() {
        4 => num(0..4).map(|y| PartialDate::year(y as i32)),
        7 => num(0..4)
            .zip(num(5..7))
            .and_then(|(y, m)| PartialDate::month(y as i32, m)),
        10 => num(0..4)
            .zip(num(5..7))
            .zip(num(8..10))
            .and_then(|((y, m), d)| PartialDate::day(y as i32, m, d)),
        _ => None,
    }
}
