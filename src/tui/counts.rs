//! The counts the TUI asks of its background thread: a window's place
//! and totals, and the whole months of the headings at its ends. At a
//! million events each is a walk of up to
//! [`crate::store::views::COUNT_CAP`] rows, tens of milliseconds, so the
//! window is drawn without them and they are folded in when they arrive
//! (see `window.rs`).

use crate::store::views::{EventKey, Walk};
use crate::store::{EventFilter, Store};

/// A month heading of the timeline: (year, month), no month for a year.
pub type Month = (i32, Option<u32>);

/// What a [`super::worker::Job::Count`] found; each count with whether it stopped at
/// the cap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    pub total: (usize, bool),
    pub before: (usize, bool),
    pub rest: (usize, bool),
}

/// The counts of a [`super::worker::Job::Count`].
pub(super) fn count(
    store: &Store,
    filter: &EventFilter,
    first: Option<&EventKey>,
    at_start: bool,
) -> crate::store::Result<Counts> {
    let all = EventFilter::default();
    let total = store.count_keys_from(&all, false, None, Walk::Down)?;
    let before = match first {
        Some(k) if !at_start => store.count_keys_from(filter, true, Some(k), Walk::Up)?,
        _ => (0, false),
    };
    let rest = store.count_keys_from(filter, true, first, Walk::Down)?;
    Ok(Counts {
        total,
        before,
        rest,
    })
}

/// Whole months of the filtered timeline.
pub(super) fn count_months(
    store: &Store,
    filter: &EventFilter,
    months: &[Month],
) -> crate::store::Result<Vec<(Month, usize)>> {
    months
        .iter()
        .map(|&(y, m)| Ok(((y, m), store.count_month(filter, true, y, m)?)))
        .collect()
}
