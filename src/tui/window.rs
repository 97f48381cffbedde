//! The timeline held as a window: a few hundred keys of the index around
//! the selection (never the whole timeline, which may hold a million
//! events), grouped under month headings, read again from the store when
//! the selection nears an end of the window, jumps to an end of the
//! timeline, or the order flips. The counts beside it stop at a cap
//! (see [`crate::store::views::COUNT_CAP`]).

use super::app::{App, Item};
use crate::store::views::{EventKey, Walk};

/// The timeline's lines: a heading before each month (or year, for events
/// known only to the year), then its events. Returns the lines and the line
/// of each row.
pub fn group(rows: &[EventKey]) -> (Vec<Item>, Vec<usize>) {
    let mut items = Vec::with_capacity(rows.len() + rows.len() / 8 + 1);
    let mut pos = Vec::with_capacity(rows.len());
    let mut current: Option<(i32, Option<u32>)> = None;
    let mut heading_at = 0;
    for (i, r) in rows.iter().enumerate() {
        let g = (r.start.year, r.start.month);
        if current != Some(g) {
            current = Some(g);
            heading_at = items.len();
            items.push(Item::Heading {
                year: g.0,
                month: g.1,
                count: 0,
            });
        }
        if let Some(Item::Heading { count, .. }) = items.get_mut(heading_at) {
            *count += 1;
        }
        pos.push(items.len());
        items.push(Item::Event(i));
    }
    (items, pos)
}

/// Keys read on each side of the selection: the window of the timeline
/// the app holds (a few dozen screens; the rest stays in the store).
pub const WINDOW_HALF: usize = 300;

/// When the selection comes this near an end of the window that is not
/// the timeline's end, the window is read again around it. More than a
/// page, so a page move never leaves the window.
const MARGIN: usize = 80;

impl App {
    /// Reads the window of keys around `anchor` (selected: the anchor, or
    /// the row after where it was when it no longer matches; the last row
    /// past the end), or from the start without one. With `count`, the
    /// timeline's size and the window's place in it are counted (up to
    /// [`crate::store::views::COUNT_CAP`]).
    pub(super) fn read_window(
        &mut self,
        filter: &crate::store::EventFilter,
        anchor: Option<&EventKey>,
        count: bool,
    ) -> crate::store::Result<()> {
        let typing = true;
        let above = match anchor {
            Some(a) => {
                let mut up =
                    self.store
                        .event_keys_from(filter, typing, Some(a), Walk::Up, WINDOW_HALF)?;
                up.reverse();
                up
            }
            None => Vec::new(),
        };
        let below = self.store.event_keys_from(
            filter,
            typing,
            anchor,
            Walk::Down,
            WINDOW_HALF + if anchor.is_none() { WINDOW_HALF } else { 0 },
        )?;
        self.at_start = above.len() < WINDOW_HALF;
        self.at_end = below.len() < WINDOW_HALF + if anchor.is_none() { WINDOW_HALF } else { 0 };
        let before = above.len();
        self.index = above;
        self.index.extend(below);
        self.sel = before.min(self.index.len().saturating_sub(1));
        if count {
            self.request_counts(filter);
        }
        Ok(())
    }

    /// Asks the background for the counts of the window just read: the
    /// window is drawn at once, the place and totals when they arrive
    /// ([`App::counts_arrived`]).
    fn request_counts(&mut self, filter: &crate::store::EventFilter) {
        let ticket = self.ticket();
        self.counting = Some(ticket);
        self.base_exact = false;
        self.submit(super::worker::Job::Count {
            ticket,
            filter: Box::new(filter.clone()),
            first: self.index.first().cloned(),
            at_start: self.at_start,
        });
    }

    /// Folds in the counts of a window: where its first key stands, how
    /// many events the filtered timeline and the whole one hold. Counts
    /// for a window read since, or for a first key the window no longer
    /// holds, are dropped.
    pub(crate) fn counts_arrived(
        &mut self,
        ticket: u64,
        first: Option<EventKey>,
        result: Result<super::worker::Counts, String>,
    ) {
        if self.counting != Some(ticket) {
            return;
        }
        self.counting = None;
        let c = match result {
            Ok(c) => c,
            Err(e) => return self.set_flash(&e, true),
        };
        (self.total_events, self.total_more) = (c.total.0 as i64, c.total.1);
        self.shown = c.before.0 + c.rest.0;
        self.shown_more = c.before.1 || c.rest.1;
        // the window may have slid since it was asked for: its first key
        // is then further in
        let at = match &first {
            Some(k) => self.index.iter().position(|i| i == k),
            None => Some(0),
        };
        match at {
            Some(p) if c.before.0 >= p => {
                self.base = c.before.0 - p;
                self.base_exact = !c.before.1;
            }
            // moved to an end of the timeline meanwhile
            _ if self.at_start => {
                self.base = 0;
                self.base_exact = true;
            }
            _ if self.at_end => {
                self.base = self.shown.saturating_sub(self.index.len());
                self.base_exact = !self.shown_more;
            }
            _ => self.base_exact = false,
        }
    }

    /// Reads the window again around the selection when it nears an end
    /// of the window that is not an end of the timeline. The selection
    /// and its place on screen stay.
    pub(crate) fn slide_window(&mut self) {
        let near_top = self.sel < MARGIN && !self.at_start;
        let near_end = self.sel + MARGIN >= self.index.len() && !self.at_end;
        if !(near_top || near_end) {
            return;
        }
        let (_, screen_row) = self.place();
        let (filter, _) = self.filter();
        let added = match self.extend_window(&filter, near_end) {
            Ok(added) => added,
            Err(e) => {
                self.set_flash(&format!("cannot read the timeline: {e}"), true);
                return;
            }
        };
        // only the keys just read are asked whether they are unseen
        self.unseen_among_added(added);
        self.relayout(screen_row);
    }

    /// Asks which of the window's `added` keys (its last ones, or with a
    /// negative count its first ones) are unseen.
    fn unseen_among_added(&mut self, added: isize) {
        let n = added.unsigned_abs().min(self.index.len());
        let keys = if added >= 0 {
            &self.index[self.index.len() - n..]
        } else {
            &self.index[..n]
        };
        let ids: Vec<String> = keys.iter().map(|k| k.id.clone()).collect();
        self.unseen_among(&ids);
    }

    /// Reads [`WINDOW_HALF`] keys past the window's end (or before its
    /// start) and lets go of as many on the other side beyond
    /// [`WINDOW_HALF`] of the selection: one read from the window's edge
    /// instead of two around the selection, so a page move that slides
    /// the window costs half as much. The selection keeps its event.
    /// Returns how many keys were read: counted from the window's end,
    /// or negative, from its start.
    fn extend_window(
        &mut self,
        filter: &crate::store::EventFilter,
        down: bool,
    ) -> crate::store::Result<isize> {
        if down {
            let Some(last) = self.index.last().cloned() else {
                return Ok(0);
            };
            // a walk down starts at its key; up, before it
            let mut more = self.store.event_keys_from(
                filter,
                true,
                Some(&last),
                Walk::Down,
                WINDOW_HALF + 1,
            )?;
            if more.first() == Some(&last) {
                more.remove(0);
            }
            self.at_end = more.len() < WINDOW_HALF;
            let added = more.len() as isize;
            self.index.extend(more);
            let drop = self.sel.saturating_sub(WINDOW_HALF);
            if drop > 0 {
                self.index.drain(..drop);
                self.sel -= drop;
                self.base += drop;
                self.at_start = false;
            }
            Ok(added)
        } else {
            let Some(first) = self.index.first().cloned() else {
                return Ok(0);
            };
            let mut more =
                self.store
                    .event_keys_from(filter, true, Some(&first), Walk::Up, WINDOW_HALF)?;
            self.at_start = more.len() < WINDOW_HALF;
            more.reverse();
            let added = more.len();
            more.append(&mut self.index);
            self.index = more;
            self.sel += added;
            self.base = self.base.saturating_sub(added);
            let keep = self.sel + WINDOW_HALF + 1;
            if self.index.len() > keep {
                self.index.truncate(keep);
                self.at_end = false;
            }
            Ok(-(added as isize))
        }
    }

    /// Puts the selection on the first (or last) event of the timeline,
    /// reading that end's window when it is not held.
    pub(crate) fn jump_end(&mut self, last: bool) {
        let held = if last { self.at_end } else { self.at_start };
        if !held {
            let (filter, _) = self.filter();
            let read = if last {
                self.store
                    .event_keys_from(&filter, true, None, Walk::Up, 2 * WINDOW_HALF)
                    .map(|mut k| {
                        k.reverse();
                        k
                    })
            } else {
                self.store
                    .event_keys_from(&filter, true, None, Walk::Down, 2 * WINDOW_HALF)
            };
            match read {
                Ok(keys) => {
                    let full = keys.len() < 2 * WINDOW_HALF;
                    self.index = keys;
                    if last {
                        self.at_end = true;
                        self.at_start = full;
                        self.base = self.shown.saturating_sub(self.index.len());
                        self.base_exact = !self.shown_more && self.counting.is_none();
                    } else {
                        self.at_start = true;
                        self.at_end = full;
                        self.base = 0;
                        self.base_exact = true;
                    }
                }
                Err(e) => {
                    self.set_flash(&format!("cannot read the timeline: {e}"), true);
                    return;
                }
            }
            self.sel = if last {
                self.index.len().saturating_sub(1)
            } else {
                0
            };
            self.regroup(None);
        } else {
            self.sel = if last {
                self.index.len().saturating_sub(1)
            } else {
                0
            };
            self.follow();
            self.fill_window();
        }
    }

    /// Selects the event with this id when the filtered timeline holds
    /// it: in the window, or by reading the window around it.
    pub(crate) fn select_id(&mut self, id: &str) {
        if let Some(i) = self.index.iter().position(|k| k.id == id) {
            self.sel = i;
            self.follow();
            self.fill_window();
            self.slide_window();
            return;
        }
        let Ok(Some(key)) = self.store.event_key(id) else {
            return;
        };
        let (filter, _) = self.filter();
        let (keep, screen_row) = self.place();
        if let Err(e) = self.read_window(&filter, Some(&key), true) {
            self.set_flash(&format!("cannot read the timeline: {e}"), true);
            return;
        }
        if self.index.get(self.sel).map(|k| k.id.as_str()) != Some(id) {
            // not in this timeline: back to where the selection was
            if let Err(e) = self.read_window(&filter, keep.as_ref(), true) {
                self.set_flash(&format!("cannot read the timeline: {e}"), true);
                return;
            }
        }
        self.regroup(screen_row);
    }

    /// Flips the order, keeping the selected event and its place on
    /// screen. Newest first is oldest first read backwards (ids within a
    /// day too), so the window held, turned around, is the window of the
    /// other order: nothing is read but the rows newly on screen.
    pub fn toggle_order(&mut self) {
        let (_, screen_row) = self.place();
        self.newest_first = !self.newest_first;
        let len = self.index.len();
        self.index.reverse();
        self.sel = len.saturating_sub(1).saturating_sub(self.sel);
        // the events before the new first key are those after the old
        // last one (a guess when the counts stopped at their cap)
        self.base_exact &= !self.shown_more && self.shown >= self.base + len;
        self.base = self.shown.saturating_sub(self.base + len);
        (self.at_start, self.at_end) = (self.at_end, self.at_start);
        // counts still to come were asked in the other order: ask again
        if self.counting.is_some() {
            let (filter, _) = self.filter();
            self.request_counts(&filter);
        }
        // the same events: which are unseen is known
        self.relayout(screen_row);
    }

    /// The selected event's key and its row on screen, to restore after
    /// the rows change.
    pub(super) fn place(&self) -> (Option<EventKey>, Option<usize>) {
        let keep = self.index.get(self.sel).cloned();
        let screen_row = self
            .row_pos
            .get(self.sel)
            .map(|p| p.saturating_sub(self.offset));
        (keep, screen_row)
    }

    /// Rebuilds the month groups of the window, with the selection (set by
    /// the read) at `screen_row`.
    pub(super) fn regroup(&mut self, screen_row: Option<usize>) {
        self.window_unseen();
        self.relayout(screen_row);
    }

    /// As [`App::regroup`], for a window whose unseen events are known.
    fn relayout(&mut self, screen_row: Option<usize>) {
        let (items, pos) = group(&self.index);
        self.items = items;
        self.row_pos = pos;
        self.edge_counts();
        self.sel = self.sel.min(self.index.len().saturating_sub(1));
        if let (Some(p), Some(screen)) = (self.row_pos.get(self.sel), screen_row) {
            self.offset = p.saturating_sub(screen);
        }
        self.follow();
        self.fill_window();
    }

    /// The month headings at the window's ends count only the window's
    /// part of their month when the month runs on past it: those two get
    /// the month's whole count from the store (kept until the next
    /// re-read of the timeline).
    fn edge_counts(&mut self) {
        let first = if self.at_start { None } else { Some(0) };
        let last = if self.at_end {
            None
        } else {
            self.items
                .iter()
                .rposition(|i| matches!(i, Item::Heading { .. }))
        };
        let mut missing = Vec::new();
        for at in [first, last].into_iter().flatten() {
            let Some(Item::Heading { year, month, .. }) = self.items.get(at).copied() else {
                continue;
            };
            match self.month_counts.get(&(year, month)) {
                Some(&n) => {
                    if let Some(Item::Heading { count, .. }) = self.items.get_mut(at) {
                        *count = (*count).max(n);
                    }
                }
                None if !missing.contains(&(year, month)) => missing.push((year, month)),
                None => {}
            }
        }
        // counted in the background (in place for a store in memory), and
        // applied when they arrive; one such count waits at a time
        if missing.is_empty() || self.months_asked.is_some() {
            return;
        }
        let ticket = self.ticket();
        self.months_asked = Some(ticket);
        let (filter, _) = self.filter();
        self.submit(super::worker::Job::Months {
            ticket,
            filter: Box::new(filter),
            months: missing,
        });
    }

    /// Folds in whole-month counts asked by [`App::edge_counts`]; counts
    /// for another query (asked before the timeline was re-read) are
    /// dropped.
    pub(crate) fn months_arrived(
        &mut self,
        ticket: u64,
        result: Result<Vec<(super::worker::Month, usize)>, String>,
    ) {
        if self.months_asked != Some(ticket) {
            return;
        }
        self.months_asked = None;
        match result {
            Ok(m) => {
                self.month_counts.extend(m);
                self.edge_counts();
            }
            Err(e) => self.set_flash(&e, true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    fn row(id: &str, date: &str) -> EventKey {
        EventKey {
            rowid: 0,
            id: id.into(),
            start: date.parse().unwrap_or(PartialDate::year(0)),
            first_day: 0,
            last_day: 0,
            days: (String::new(), String::new()),
        }
    }

    #[test]
    fn rows_group_under_month_headings() {
        let rows = [
            row("a", "2026-06-08"),
            row("b", "2026-06-24"),
            row("c", "2026-07"),
            row("d", "2026"),
        ];
        let (items, pos) = group(&rows);
        assert_eq!(pos, vec![1, 2, 4, 6]);
        assert_eq!(
            items[0],
            Item::Heading {
                year: 2026,
                month: Some(6),
                count: 2
            }
        );
        assert_eq!(
            items[5],
            Item::Heading {
                year: 2026,
                month: None,
                count: 1
            }
        );
        assert_eq!(items.len(), 7);
    }
}
