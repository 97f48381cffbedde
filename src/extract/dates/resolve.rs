//! Calendar arithmetic that turns a parsed, possibly incomplete date into a
//! [`PartialDate`] relative to the article's publication day.

use crate::model::{DateSpan, PartialDate};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A date as the grammar read it: `year` is `None` when the text gave no
/// year and the anchor must pick the nearest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ymd {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The expression leaned on the anchor (relative word, weekday, ...).
    pub relative: bool,
}

impl Ymd {
    pub fn year(y: i32) -> Self {
        Ymd {
            year: Some(y),
            month: None,
            day: None,
            relative: false,
        }
    }
    pub fn month(y: i32, m: u32) -> Self {
        Ymd {
            year: Some(y),
            month: Some(m),
            day: None,
            relative: false,
        }
    }
    pub fn day(y: i32, m: u32, d: u32) -> Self {
        Ymd {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            relative: false,
        }
    }
    /// A month or day whose year the anchor decides.
    pub fn yearless(m: u32, d: Option<u32>) -> Self {
        Ymd {
            year: None,
            month: Some(m),
            day: d,
            relative: false,
        }
    }
    pub fn date(d: NaiveDate) -> Self {
        Ymd {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
            relative: true,
        }
    }
    pub fn rel(mut self) -> Self {
        self.relative = true;
        self
    }
    fn month_day_key(&self) -> (u32, u32) {
        (self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

/// `(year, month)` moved by `delta` months.
pub(crate) fn shift_month(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let idx = year * 12 + month as i32 - 1 + delta;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// `anchor` moved by `delta` days (saturating at the calendar's ends).
pub(crate) fn add_days(anchor: NaiveDate, delta: i64) -> NaiveDate {
    let r = if delta >= 0 {
        anchor.checked_add_days(Days::new(delta as u64))
    } else {
        anchor.checked_sub_days(Days::new(delta.unsigned_abs()))
    };
    r.unwrap_or(anchor)
}

/// The year that puts month `m` nearest to the anchor's month; ties go to
/// the past.
pub(crate) fn nearest_month_year(anchor: NaiveDate, m: u32) -> i32 {
    let a = anchor.year() * 12 + anchor.month() as i32;
    let mut best = (i32::MAX, anchor.year());
    for y in [anchor.year() - 1, anchor.year(), anchor.year() + 1] {
        let dist = (y * 12 + m as i32 - a).abs();
        if dist < best.0 {
            best = (dist, y);
        }
    }
    best.1
}

/// The year that puts day `m`/`d` nearest to the anchor; ties go to the past.
pub(crate) fn nearest_day_year(anchor: NaiveDate, m: u32, d: u32) -> Option<i32> {
    let mut best: Option<(i64, i32)> = None;
    for y in [anchor.year() - 1, anchor.year(), anchor.year() + 1] {
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
            continue;
        };
        let dist = (date - anchor).num_days().abs();
        if best.is_none_or(|(bd, _)| dist < bd) {
            best = Some((dist, y));
        }
    }
    best.map(|(_, y)| y)
}

/// The day-of-month `d` nearest to the anchor (this, last or next month);
/// ties go to the past. For Chinese "18日".
pub(crate) fn nearest_day_of_month(anchor: NaiveDate, d: u32) -> Option<NaiveDate> {
    let mut best: Option<(i64, NaiveDate)> = None;
    for delta in [-1, 0, 1] {
        let (y, m) = shift_month(anchor.year(), anchor.month(), delta);
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
            continue;
        };
        let dist = (date - anchor).num_days().abs();
        if best.is_none_or(|(bd, _)| dist < bd) {
            best = Some((dist, date));
        }
    }
    best.map(|(_, date)| date)
}

/// Which occurrence of a weekday a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// The anchor day itself if it is that weekday, else the nearest before.
    PastOrToday,
    /// The anchor day itself if it is that weekday, else the nearest after.
    FutureOrToday,
    /// Strictly before the anchor ("last Thursday").
    Before,
    /// Strictly after the anchor ("next Tuesday").
    After,
}

pub(crate) fn weekday_near(anchor: NaiveDate, wd: Weekday, lean: Lean) -> NaiveDate {
    let a = anchor.weekday().num_days_from_monday() as i64;
    let w = wd.num_days_from_monday() as i64;
    let back = (a - w).rem_euclid(7);
    let fwd = (w - a).rem_euclid(7);
    match lean {
        Lean::PastOrToday => add_days(anchor, -back),
        Lean::FutureOrToday => add_days(anchor, fwd),
        Lean::Before => add_days(anchor, -(if back == 0 { 7 } else { back })),
        Lean::After => add_days(anchor, if fwd == 0 { 7 } else { fwd }),
    }
}

/// Weekday `wd` of the calendar week (Monday to Sunday) `weeks` weeks away
/// from the anchor's week: -1 for 上周, 0 for 本周, 1 for 下周.
pub(crate) fn weekday_of_week(anchor: NaiveDate, weeks: i64, wd: Weekday) -> NaiveDate {
    let monday = add_days(anchor, -(anchor.weekday().num_days_from_monday() as i64));
    add_days(monday, weeks * 7 + wd.num_days_from_monday() as i64)
}

/// Fills in a missing year (nearest to the anchor) and checks the date.
pub(crate) fn resolve(ymd: Ymd, anchor: NaiveDate) -> Option<PartialDate> {
    let year = match (ymd.year, ymd.month, ymd.day) {
        (Some(y), _, _) => y,
        (None, Some(m), Some(d)) => nearest_day_year(anchor, m, d)?,
        (None, Some(m), None) => nearest_month_year(anchor, m),
        (None, None, _) => return None,
    };
    match (ymd.month, ymd.day) {
        (None, _) => Some(PartialDate::year(year)),
        (Some(m), None) => PartialDate::month(year, m),
        (Some(m), Some(d)) => PartialDate::day(year, m, d),
    }
}

/// A stated span: a missing year on one side comes from the other side (the
/// end never before the start); with no year at all the start is placed
/// nearest the anchor. `None` when the end would precede the start.
pub(crate) fn resolve_span(a: Ymd, b: Ymd, anchor: NaiveDate) -> Option<DateSpan> {
    let (mut a, mut b) = (a, b);
    match (a.year, b.year) {
        (None, Some(by)) => {
            a.year = Some(if a.month_day_key() > b.month_day_key() {
                by - 1
            } else {
                by
            });
        }
        (Some(_), None) => {}
        (None, None) => a.year = Some(resolve(a, anchor)?.year),
        (Some(_), Some(_)) => {}
    }
    if b.year.is_none() {
        let ay = a.year?;
        b.year = Some(if b.month_day_key() < a.month_day_key() {
            ay + 1
        } else {
            ay
        });
    }
    let start = resolve(a, anchor)?;
    let end = resolve(b, anchor)?;
    (end.last_day() >= start.first_day()).then_some(DateSpan {
        start,
        end: Some(end),
    })
}
