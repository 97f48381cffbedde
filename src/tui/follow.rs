//! Following the news in the app: which events are unseen (and when one
//! becomes seen), `n`/`N` between them, the watchlists of the Watch view,
//! and the refresh on an interval while the app is open.
//!
//! "Seen" is defined here: an event is seen once the timeline has shown it
//! selected, or the detail view has opened it. Marks are kept in memory at
//! once and written to the store when no refresh is writing (and on quit),
//! so moving the cursor never waits on the database.

use super::app::{App, Mode, View};
use crate::store::views::Walk;
use crate::watch::{self, Watchlist};
use std::path::PathBuf;
use std::time::{Duration, Instant};

impl App {
    /// Gives the app the watchlists of watch.toml and where to save them.
    pub fn with_watchlists(mut self, path: PathBuf, lists: Vec<Watchlist>) -> App {
        self.watch_path = Some(path);
        self.watchlists = lists;
        self
    }

    /// Refreshes the due feeds this often while the app is open.
    pub fn with_refresh_every(mut self, every: Option<Duration>) -> App {
        self.refresh_every = every;
        self
    }

    /// The event the user is looking at in the timeline, by id: the open
    /// detail, else the selected row.
    fn shown_event(&self) -> Option<&str> {
        if self.view != View::Timeline || self.help || self.body_height() == 0 {
            return None;
        }
        match &self.detail {
            Some(d) => Some(d.event.id.as_str()),
            None => self.index.get(self.sel).map(|k| k.id.as_str()),
        }
    }

    /// Marks the event on screen as seen, in memory.
    pub(crate) fn note_seen(&mut self) {
        let Some(id) = self.shown_event().map(str::to_string) else {
            return;
        };
        if self.unseen.remove(&id) {
            self.seen_pending.push(id);
            self.unseen_total = self.unseen_total.saturating_sub(1);
        }
    }

    /// Writes the seen marks to the store, unless a refresh is writing
    /// (then they wait for the next tick).
    pub(crate) fn flush_seen(&mut self) {
        if self.seen_pending.is_empty() || self.worker.refreshing() {
            return;
        }
        self.flush_seen_now();
    }

    /// Writes the seen marks now (on quit).
    pub fn flush_seen_now(&mut self) {
        if self.seen_pending.is_empty() {
            return;
        }
        match self.store.mark_seen(&self.seen_pending) {
            Ok(_) => self.seen_pending.clear(),
            Err(e) => self.set_flash(&format!("cannot save what was seen: {e}"), true),
        }
    }

    /// Re-counts the unseen events when something changed them (the
    /// window's own are read with the window).
    pub(crate) fn refresh_unseen(&mut self) {
        if !self.unseen_stale {
            return;
        }
        match self.store.unseen_count() {
            Ok((n, more)) => {
                self.unseen_total = n.saturating_sub(self.seen_pending.len());
                self.unseen_more = more;
                self.unseen_stale = false;
            }
            Err(e) => self.set_flash(&format!("cannot read what is new: {e}"), true),
        }
    }

    /// Reads which events of the window are unseen (less those seen here
    /// and not written yet).
    pub(crate) fn window_unseen(&mut self) {
        let ids: Vec<String> = self.index.iter().map(|k| k.id.clone()).collect();
        self.unseen_among(&ids);
    }

    /// Asks the store which of `ids` (keys of the window) are unseen and
    /// folds the answer in: marks of events the window no longer holds,
    /// and the old marks of `ids`, are dropped; events seen here and not
    /// written yet stay seen.
    pub(crate) fn unseen_among(&mut self, ids: &[String]) {
        let asked: Vec<&str> = ids.iter().map(String::as_str).collect();
        match self.store.unseen_among(&asked) {
            Ok(set) => {
                let held: std::collections::HashSet<&str> =
                    self.index.iter().map(|k| k.id.as_str()).collect();
                let asked: std::collections::HashSet<&str> = asked.into_iter().collect();
                self.unseen
                    .retain(|id| held.contains(id.as_str()) && !asked.contains(id.as_str()));
                for id in set {
                    if !self.seen_pending.contains(&id) {
                        self.unseen.insert(id);
                    }
                }
            }
            Err(e) => self.set_flash(&format!("cannot read what is new: {e}"), true),
        }
    }

    /// Selects the next (or previous) unseen event of the timeline as it
    /// is filtered, wrapping around once.
    pub(crate) fn jump_unseen(&mut self, forward: bool) {
        self.view = View::Timeline;
        self.detail = None;
        if self.index.is_empty() || self.unseen_total == 0 {
            self.set_flash("no unseen events", false);
            return;
        }
        // the store walks the filtered timeline from the selection for
        // unseen events (those marked seen in memory are skipped)
        let (mut filter, _) = self.filter();
        filter.new = Some(crate::store::NewFilter::Unseen);
        let walk = if forward { Walk::Down } else { Walk::Up };
        let here = self.index.get(self.sel).cloned();
        for (from, wrapped) in [(here.as_ref(), false), (None, true)] {
            let found = match self.store.event_keys_from(&filter, true, from, walk, 64) {
                Ok(keys) => keys.into_iter().find(|k| {
                    Some(&k.id) != here.as_ref().map(|h| &h.id)
                        && !self.seen_pending.contains(&k.id)
                }),
                Err(e) => {
                    self.set_flash(&format!("cannot read the timeline: {e}"), true);
                    return;
                }
            };
            let Some(k) = found else { continue };
            self.select_id(&k.id);
            if wrapped {
                self.set_flash(wrapped_around(forward), false);
            }
            return;
        }
        if here.as_ref().is_some_and(|h| self.unseen.contains(&h.id)) {
            self.set_flash(wrapped_around(forward), false);
            return;
        }
        self.set_flash(
            &format!(
                "the {}{} unseen events are outside this search; Esc clears it",
                self.unseen_total,
                if self.unseen_more { "+" } else { "" }
            ),
            false,
        );
    }

    /// Starts a refresh of the due feeds when the interval has passed
    /// since the last one began. The clock starts when the app does, so
    /// `--offline` means no refresh until the first interval has passed.
    pub(crate) fn interval_refresh(&mut self) {
        let Some(every) = self.refresh_every else {
            return;
        };
        if !self.can_refresh() || self.worker.refreshing() || self.progress.pending {
            return;
        }
        match self.last_refresh {
            None => self.last_refresh = Some(Instant::now()),
            Some(t) if t.elapsed() >= every => {
                self.start_refresh_as(super::refresh::Mode::Due);
            }
            Some(_) => {}
        }
    }

    /// Pretends the last refresh began `ago` (tests of the interval).
    pub fn set_last_refresh_ago(&mut self, ago: Duration) {
        self.last_refresh = Instant::now().checked_sub(ago);
    }

    /// Counts each watchlist's unseen events.
    pub(crate) fn load_watch_counts(&mut self) {
        self.flush_seen();
        match watch::counts(&self.store, &self.watchlists) {
            Ok(c) => self.watch_counts = c,
            Err(e) => self.set_flash(&format!("cannot count the watchlists: {e}"), true),
        }
        self.watch_sel = self.watch_sel.min(self.watchlists.len().saturating_sub(1));
    }

    /// `w`: asks for a name for the current search.
    pub(crate) fn begin_save_watch(&mut self) {
        if self.watch_path.is_none() {
            self.set_flash("watchlists cannot be saved here (the demo)", true);
            return;
        }
        if self.query.trim().is_empty() {
            self.set_flash(
                "search with / first; w saves the search as a watchlist",
                true,
            );
            return;
        }
        if let Some(h) = self.hint.clone() {
            self.set_flash(&format!("fix the search first: {h}"), true);
            return;
        }
        self.watch_name.clear();
        self.mode = Mode::WatchName;
    }

    /// Saves the current search as the watchlist `name` (replacing the
    /// query of one with that name).
    pub(crate) fn save_watch(&mut self, name: &str) {
        let name = crate::text::clean_line(name.trim());
        let Some(path) = self.watch_path.clone() else {
            return;
        };
        if name.is_empty() {
            self.set_flash("not saved: a watchlist needs a name", true);
            return;
        }
        let command = self
            .watchlists
            .iter()
            .find(|w| w.name == name)
            .map(|w| w.command.clone())
            .unwrap_or_default();
        let w = Watchlist {
            name: name.clone(),
            query: self.query.trim().to_string(),
            command,
        };
        let saved = watch::save(&path, &w).and_then(|_| watch::load(&path));
        match saved {
            Ok(lists) => {
                self.watchlists = lists;
                self.load_watch_counts();
                let at = self.watchlists.iter().position(|x| x.name == name);
                let n = at
                    .and_then(|i| self.watch_counts.get(i))
                    .copied()
                    .unwrap_or(0);
                self.watch_sel = at.unwrap_or(self.watch_sel);
                self.set_flash(&format!("saved watchlist '{name}': {n} unseen"), false);
            }
            Err(e) => self.set_flash(&format!("not saved: {e}"), true),
        }
    }

    /// `D` in the Watch view: deletes the selected watchlist.
    pub(crate) fn delete_watch(&mut self) {
        if self.view != View::Watch {
            return;
        }
        let (Some(path), Some(w)) = (self.watch_path.clone(), self.watchlists.get(self.watch_sel))
        else {
            self.set_flash("no watchlist selected", true);
            return;
        };
        let name = w.name.clone();
        match watch::remove(&path, &name).and_then(|_| watch::load(&path)) {
            Ok(lists) => {
                self.watchlists = lists;
                self.load_watch_counts();
                self.set_flash(&format!("deleted watchlist '{name}'"), false);
            }
            Err(e) => self.set_flash(&format!("not deleted: {e}"), true),
        }
    }

    /// Enter in the Watch view: the timeline filtered by its query.
    pub(crate) fn open_watch(&mut self) {
        let Some(w) = self.watchlists.get(self.watch_sel) else {
            return;
        };
        self.query = w.query.clone();
        self.open_timeline_at_start();
    }

    /// Shows the timeline of the query just set (from Entities, Feeds or
    /// Watch), from its first event: the old window's keys are dropped so
    /// the re-read starts at the top, not at the old selection.
    pub(crate) fn open_timeline_at_start(&mut self) {
        self.view = View::Timeline;
        self.detail = None;
        self.sel = 0;
        self.index.clear();
        self.offset = 0;
        self.reload_keep();
    }
}

/// What `n`/`N` say when they went on from the other end.
fn wrapped_around(forward: bool) -> &'static str {
    if forward {
        "no unseen event below; went on from the top"
    } else {
        "no unseen event above; went on from the bottom"
    }
}
