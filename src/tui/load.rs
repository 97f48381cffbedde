//! Reading the store into the app, and the analyst's decisions written back.
//! Every re-read keeps the user's place: the same event stays selected at
//! the same height on screen when it is still there.

use super::app::{App, Detail, Item, Reader, RelatedRow};
use super::format;
use crate::model::Event;
use crate::text::{clean_line, clean_paragraphs};

/// The timeline's lines: a heading before each month (or year, for events
/// known only to the year), then its events. Returns the lines and the line
/// of each row.
pub fn group(rows: &[crate::store::views::EventKey]) -> (Vec<Item>, Vec<usize>) {
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
    /// Re-reads the timeline for the current query, keeping the selected
    /// event (by id) and its place on screen.
    pub fn reload_keep(&mut self) {
        self.refresh_unseen();
        let (keep, screen_row) = self.place();
        let (filter, hint) = self.filter();
        self.hint = hint;
        // the kept event as it is stored now (a date edit moves it)
        let anchor = keep.map(|k| match self.store.event_key(&k.id) {
            Ok(Some(now)) => now,
            _ => k,
        });
        let all = crate::store::EventFilter::default();
        match self
            .store
            .count_keys_from(&all, false, None, crate::store::views::Walk::Down)
        {
            Ok((n, more)) => {
                self.total_events = n as i64;
                self.total_more = more;
            }
            Err(_) => self.total_events = 0,
        }
        self.month_counts.clear();
        if let Err(e) = self.read_window(&filter, anchor.as_ref(), true) {
            self.set_flash(&format!("cannot read the timeline: {e}"), true);
            return;
        }
        if self.index.is_empty() {
            self.total_articles = self.store.article_count().unwrap_or(0);
        }
        self.cache.clear();
        self.regroup(screen_row);
        if let Some(id) = self.detail.as_ref().map(|d| d.event.id.clone()) {
            match self.store.event(&id) {
                Ok(ev) => {
                    let cursor = self.detail.as_ref().map(|d| d.cursor).unwrap_or(0);
                    let mut d = self.detail_of(ev);
                    d.cursor = cursor.min(d.items().saturating_sub(1));
                    self.detail = Some(d);
                }
                Err(_) => self.detail = None,
            }
        }
        if self.view == super::app::View::Entities && self.entities_stale {
            self.load_entities();
        }
        if self.view == super::app::View::Feeds {
            self.load_feeds();
        }
    }

    /// Reads the window of keys around `anchor` (selected: the anchor, or
    /// the row after where it was when it no longer matches; the last row
    /// past the end), or from the start without one. With `count`, the
    /// timeline's size and the window's place in it are counted (up to
    /// [`crate::store::views::COUNT_CAP`]).
    fn read_window(
        &mut self,
        filter: &crate::store::EventFilter,
        anchor: Option<&crate::store::views::EventKey>,
        count: bool,
    ) -> crate::store::Result<()> {
        use crate::store::views::Walk;
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
            let first = self.index.first().cloned();
            let (n_before, more_before) = match (&first, self.at_start) {
                (Some(k), false) => {
                    self.store
                        .count_keys_from(filter, typing, Some(k), Walk::Up)?
                }
                _ => (0, false),
            };
            let (n_rest, more_rest) =
                self.store
                    .count_keys_from(filter, typing, first.as_ref(), Walk::Down)?;
            self.base = n_before;
            self.base_exact = !more_before;
            self.shown = n_before + n_rest;
            self.shown_more = more_before || more_rest;
        }
        Ok(())
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
        let (keep, screen_row) = self.place();
        let old = self.base + self.sel;
        let (filter, _) = self.filter();
        if let Err(e) = self.read_window(&filter, keep.as_ref(), false) {
            self.set_flash(&format!("cannot read the timeline: {e}"), true);
            return;
        }
        self.base = old.saturating_sub(self.sel);
        self.regroup(screen_row);
    }

    /// Puts the selection on the first (or last) event of the timeline,
    /// reading that end's window when it is not held.
    pub(crate) fn jump_end(&mut self, last: bool) {
        let held = if last { self.at_end } else { self.at_start };
        if !held {
            let (filter, _) = self.filter();
            let read = if last {
                self.store
                    .event_keys_from(
                        &filter,
                        true,
                        None,
                        crate::store::views::Walk::Up,
                        2 * WINDOW_HALF,
                    )
                    .map(|mut k| {
                        k.reverse();
                        k
                    })
            } else {
                self.store.event_keys_from(
                    &filter,
                    true,
                    None,
                    crate::store::views::Walk::Down,
                    2 * WINDOW_HALF,
                )
            };
            match read {
                Ok(keys) => {
                    let full = keys.len() < 2 * WINDOW_HALF;
                    self.index = keys;
                    if last {
                        self.at_end = true;
                        self.at_start = full;
                        self.base = self.shown.saturating_sub(self.index.len());
                        self.base_exact = !self.shown_more;
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
    /// screen: the window is read again around it in the new order.
    pub fn toggle_order(&mut self) {
        let (keep, screen_row) = self.place();
        let old = self.base + self.sel;
        self.newest_first = !self.newest_first;
        let (filter, _) = self.filter();
        if let Err(e) = self.read_window(&filter, keep.as_ref(), false) {
            self.set_flash(&format!("cannot read the timeline: {e}"), true);
            return;
        }
        // the same event, counted from the other end: the order of the
        // days flips, the order of the ids within a day does not
        let exact = self.base_exact && !self.shown_more;
        let held = match (&keep, self.index.get(self.sel)) {
            (Some(k), Some(now)) if now.id == k.id => {
                let same: Vec<&crate::store::views::EventKey> =
                    self.index.iter().filter(|o| o.days == k.days).collect();
                let inside =
                    |o: Option<&crate::store::views::EventKey>| o.is_none_or(|o| o.days != k.days);
                let whole = (self.at_start || inside(self.index.first()))
                    && (self.at_end || inside(self.index.last()));
                whole.then(|| (same.iter().filter(|o| o.id < k.id).count(), same.len()))
            }
            _ => None,
        };
        match held {
            Some((t, g)) if exact => {
                let new = (self.shown + 2 * t).saturating_sub(old + g);
                self.base = new.saturating_sub(self.sel);
            }
            _ => self.base_exact = false,
        }
        self.regroup(screen_row);
    }

    /// The selected event's key and its row on screen, to restore after
    /// the rows change.
    fn place(&self) -> (Option<crate::store::views::EventKey>, Option<usize>) {
        let keep = self.index.get(self.sel).cloned();
        let screen_row = self
            .row_pos
            .get(self.sel)
            .map(|p| p.saturating_sub(self.offset));
        (keep, screen_row)
    }

    /// Rebuilds the month groups of the window, with the selection (set by
    /// the read) at `screen_row`.
    fn regroup(&mut self, screen_row: Option<usize>) {
        let (items, pos) = group(&self.index);
        self.items = items;
        self.row_pos = pos;
        self.edge_counts();
        self.window_unseen();
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
        let (filter, _) = self.filter();
        for at in [first, last].into_iter().flatten() {
            let Some(Item::Heading { year, month, .. }) = self.items.get(at).copied() else {
                continue;
            };
            let n = match self.month_counts.get(&(year, month)) {
                Some(n) => *n,
                None => match self.store.count_month(&filter, true, year, month) {
                    Ok(n) => {
                        self.month_counts.insert((year, month), n);
                        n
                    }
                    Err(e) => {
                        self.set_flash(&format!("cannot count the month: {e}"), true);
                        continue;
                    }
                },
            };
            if let Some(Item::Heading { count, .. }) = self.items.get_mut(at) {
                *count = (*count).max(n);
            }
        }
    }

    /// Reads the full rows of the timeline lines on screen that are not
    /// read yet. Cheap when nothing moved.
    pub fn fill_window(&mut self) {
        let h = self.body_height().max(1);
        let missing: Vec<i64> = self
            .items
            .iter()
            .skip(self.offset)
            .take(h)
            .filter_map(|i| match i {
                Item::Event(r) => self.index.get(*r).map(|k| k.rowid),
                Item::Heading { .. } => None,
            })
            .filter(|id| !self.cache.contains_key(id))
            .collect();
        if missing.is_empty() {
            return;
        }
        if self.cache.len() > 4096 {
            self.cache.clear();
            return self.fill_window();
        }
        match self.store.event_rows_by_rowid(&missing) {
            Ok(rows) => self.cache.extend(rows),
            Err(e) => self.set_flash(&format!("cannot read the timeline: {e}"), true),
        }
    }

    /// Keeps the selected row on screen, with its month heading when it
    /// is the month's first event.
    pub fn follow(&mut self) {
        let h = self.body_height().max(1);
        let Some(&p) = self.row_pos.get(self.sel) else {
            self.offset = 0;
            return;
        };
        let top = if p > 0 && matches!(self.items.get(p - 1), Some(Item::Heading { .. })) {
            p - 1
        } else {
            p
        };
        if top < self.offset {
            self.offset = top;
        }
        if p >= self.offset + h {
            self.offset = p + 1 - h;
        }
        let max_offset = self.items.len().saturating_sub(h);
        self.offset = self.offset.min(max_offset);
    }

    /// Counts the entities' events in the background (a large timeline
    /// takes a few hundred milliseconds); the counts arrive as a report.
    pub(crate) fn load_entities(&mut self) {
        self.entities_stale = false;
        self.entities_pending = true;
        self.submit(super::worker::Job::Entities);
    }

    pub(crate) fn entities_arrived(&mut self, r: Result<Vec<crate::store::EntityRow>, String>) {
        self.entities_pending = false;
        match r {
            Ok(e) => self.entities = e,
            Err(e) => self.set_flash(&e, true),
        }
        self.ent_sel = self.ent_sel.min(self.entities.len().saturating_sub(1));
    }

    /// The feeds the store has fetched, plus the configured ones it has
    /// not fetched yet (shown as never fetched), in url order.
    pub(crate) fn load_feeds(&mut self) {
        match self.store.feed_states() {
            Ok(mut f) => {
                // the title the user gave in feeds.toml wins over the
                // feed's own (five Federal Register feeds call themselves
                // the same)
                for c in &self.configured_feeds {
                    match f.iter_mut().find(|s| s.url == c.url) {
                        Some(s) => {
                            if c.title.is_some() {
                                s.title = c.title.clone();
                            }
                        }
                        None => f.push(crate::store::FeedState {
                            url: c.url.clone(),
                            title: c.title.clone(),
                            ..Default::default()
                        }),
                    }
                }
                f.sort_by(|a, b| a.url.cmp(&b.url));
                self.feeds = f;
            }
            Err(e) => self.set_flash(&format!("cannot read feeds: {e}"), true),
        }
        self.feed_sel = self.feed_sel.min(self.feeds.len().saturating_sub(1));
    }

    /// The detail of an event, with its related events' headlines.
    pub(crate) fn detail_of(&self, event: Event) -> Detail {
        let related = event
            .related
            .iter()
            .filter_map(|id| self.store.event(id).ok())
            .map(|e| RelatedRow {
                id: e.id,
                span: e.span,
                kind: e.kind,
                title: e.title,
            })
            .collect();
        let mut names: Vec<String> = event.actors.iter().chain(&event.targets).cloned().collect();
        let known: Vec<String> = names.clone();
        names.extend(self.store.aliases_of(&known).unwrap_or_default());
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| seen.insert(n.to_lowercase()));
        Detail {
            event,
            related,
            cursor: 0,
            names,
        }
    }

    /// Opens the event with this id in the detail view.
    pub fn open_event(&mut self, id: &str) {
        match self.store.event(id) {
            Ok(ev) => {
                let d = self.detail_of(ev);
                if let Some(old) = self.detail.take() {
                    self.detail_back.push(old);
                }
                self.detail = Some(d);
            }
            Err(e) => self.set_flash(&e.to_string(), true),
        }
    }

    /// Opens the article behind a source in the reader.
    pub fn open_reader(&mut self, url: &str, evidence: &str, title: &str, outlet: &str) {
        let stored = self.store.article_by_url(url).ok().flatten();
        self.reader = Some(match stored {
            Some(s) => Reader {
                title: clean_line(&s.article.title),
                outlet: clean_line(&s.article.outlet),
                url: clean_line(s.article.best_url()),
                published: s.article.published.as_ref().map(format::published),
                lang: clean_line(&s.article.lang),
                text: clean_paragraphs(&s.article.text),
                evidence: clean_line(evidence),
                scroll: 0,
            },
            None => Reader {
                title: clean_line(title),
                outlet: clean_line(outlet),
                url: clean_line(url),
                published: None,
                lang: String::new(),
                text: "The article behind this source is not stored (a hand-made source, or \
                       one imported before articles were kept). Press o to open it in the browser."
                    .into(),
                evidence: clean_line(evidence),
                scroll: 0,
            },
        });
        self.view = super::app::View::Reader;
    }

    /// The event the user is looking at: the open detail, else the selected row.
    pub fn current_event(&self) -> Option<Event> {
        if let Some(d) = &self.detail {
            return Some(d.event.clone());
        }
        if self.view != super::app::View::Timeline {
            return None;
        }
        let row = self.index.get(self.sel)?;
        self.store.event(&row.id).ok()
    }

    /// The URL `o` and `y` act on: the reader's article, the source under
    /// the detail's cursor, or the selected event's first source.
    pub fn current_url(&self) -> Option<String> {
        if self.view == super::app::View::Reader {
            return self.reader.as_ref().map(|r| r.url.clone());
        }
        if self.view == super::app::View::Feeds {
            return self.feeds.get(self.feed_sel).map(|f| f.url.clone());
        }
        if let Some(d) = &self.detail {
            let i = d.cursor.min(d.event.sources.len().saturating_sub(1));
            return d.event.sources.get(i).map(|s| s.url.clone());
        }
        self.current_event()
            .and_then(|e| e.sources.first().map(|s| s.url.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;
    use crate::store::views::EventKey;

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
