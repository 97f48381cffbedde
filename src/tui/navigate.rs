//! Moving around: the cursor in each view, Enter and Esc, mouse clicks
//! and the wheel. Every move keeps the cursor within its list.

use super::app::{App, Item, View};

fn step(cur: usize, by: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (cur as i64).saturating_add(by).clamp(0, len as i64 - 1) as usize
}

impl App {
    pub(crate) fn move_by(&mut self, by: i64) {
        match (self.view, &mut self.detail) {
            (View::Timeline, Some(d)) => d.cursor = step(d.cursor, by, d.items()),
            (View::Timeline, None) => {
                let target = self.sel as i64 + by;
                if target < 0 && !self.at_start {
                    self.jump_end(false);
                } else if target >= self.index.len() as i64 && !self.at_end {
                    self.jump_end(true);
                } else {
                    self.sel = step(self.sel, by, self.index.len());
                    self.follow();
                    self.slide_window();
                }
            }
            (View::Entities, _) => {
                self.ent_sel = step(self.ent_sel, by, self.entities.len());
                let h = self.body_height().saturating_sub(3).max(1);
                if self.ent_sel < self.ent_offset {
                    self.ent_offset = self.ent_sel;
                } else if self.ent_sel >= self.ent_offset + h {
                    self.ent_offset = self.ent_sel + 1 - h;
                }
            }
            (View::Feeds, _) => self.feed_sel = step(self.feed_sel, by, self.feeds.len()),
            (View::Watch, _) => self.watch_sel = step(self.watch_sel, by, self.watchlists.len()),
            (View::Reader, _) => {
                if let Some(r) = &mut self.reader {
                    // Roughly the text's height at this width; never past it.
                    let width = (self.size.0 as usize).saturating_sub(2).max(10);
                    let lines: usize = r
                        .text
                        .split("\n\n")
                        .map(|p| p.chars().count() / width + 2)
                        .sum::<usize>()
                        + 6;
                    let max = lines.min(u16::MAX as usize) as i64;
                    let by = by.clamp(-10_000, 10_000);
                    r.scroll = (r.scroll as i64 + by).clamp(0, max) as u16;
                }
            }
        }
    }

    pub(crate) fn open(&mut self) {
        match self.view {
            View::Timeline => match &self.detail {
                None => {
                    if let Some(id) = self.index.get(self.sel).map(|r| r.id.clone()) {
                        self.open_event(&id);
                    }
                }
                Some(d) => {
                    let n = d.event.sources.len();
                    if let Some(s) = d.event.sources.get(d.cursor) {
                        let (url, ev, title, outlet) = (
                            s.url.clone(),
                            s.evidence.clone(),
                            s.title.clone(),
                            s.outlet.clone(),
                        );
                        self.open_reader(&url, &ev, &title, &outlet);
                    } else if let Some(r) = d.related.get(d.cursor - n) {
                        let id = r.id.clone();
                        self.open_event(&id);
                    }
                }
            },
            View::Entities => {
                if let Some(e) = self.entities.get(self.ent_sel) {
                    self.query = format!("entity:\"{}\"", e.name);
                    self.open_timeline_at_start();
                }
            }
            View::Feeds => {
                // the events with a source from this very feed, not from
                // every feed of its host
                if let Some(f) = self.feeds.get(self.feed_sel) {
                    self.query = format!("feed:\"{}\"", f.url.replace('"', "%22"));
                    self.open_timeline_at_start();
                }
            }
            View::Watch => self.open_watch(),
            View::Reader => {}
        }
    }

    pub(crate) fn back(&mut self) {
        match self.view {
            View::Timeline => {
                if self.detail.is_some() {
                    self.detail = self.detail_back.pop();
                } else if !self.query.is_empty() {
                    self.query.clear();
                    self.reload_keep();
                }
            }
            View::Reader => self.view = View::Timeline,
            View::Entities | View::Feeds | View::Watch => self.view = View::Timeline,
        }
    }

    pub(crate) fn scroll(&mut self, by: i32) {
        if self.help {
            return;
        }
        if self.view == View::Timeline && self.detail.is_none() {
            // The wheel moves the view, and the selection with it when it
            // would leave the screen.
            let h = self.body_height().max(1);
            let max = self.items.len().saturating_sub(h);
            self.offset = (self.offset as i64 + by as i64).clamp(0, max as i64) as usize;
            if let Some(&p) = self.row_pos.get(self.sel) {
                if p < self.offset || p >= self.offset + h {
                    let target = if p < self.offset {
                        self.offset
                    } else {
                        self.offset + h - 1
                    };
                    self.sel = self.nearest_row(target);
                    self.slide_window();
                }
            }
            return;
        }
        self.move_by(by as i64);
    }

    /// The row at or after line `line` of the timeline (or the last one).
    fn nearest_row(&self, line: usize) -> usize {
        let after = self.items.iter().skip(line).find_map(|i| match i {
            Item::Event(r) => Some(*r),
            Item::Heading { .. } => None,
        });
        after.unwrap_or(self.index.len().saturating_sub(1))
    }

    pub(crate) fn click(&mut self, column: u16, row: u16) {
        if self.help {
            self.help = false;
            return;
        }
        let [tabs, body, _, _] =
            App::layout(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1));
        if row == tabs.y && tabs.height > 0 {
            // Tabs are drawn as " N Title " one after another.
            let mut x = 0u16;
            for (i, v) in View::ALL.iter().enumerate() {
                let w = (v.title().len() + 4) as u16;
                if column >= x && column < x + w {
                    let _ = i;
                    self.view = *v;
                    if *v == View::Entities {
                        self.load_entities();
                    } else if *v == View::Feeds {
                        self.load_feeds();
                    } else if *v == View::Watch {
                        self.load_watch_counts();
                    }
                    return;
                }
                x += w;
            }
            return;
        }
        if row < body.y || row >= body.y + body.height {
            return;
        }
        let line = (row - body.y) as usize;
        match self.view {
            View::Timeline if self.detail.is_some() => {
                let Some(d) = &self.detail else { return };
                let inner = super::views::detail::inner(body);
                if row < inner.y || row >= inner.y + inner.height {
                    return;
                }
                let l = super::views::detail::layout(self, d, inner.width as usize);
                let at = l.scroll(inner.height as usize) + (row - inner.y) as usize;
                if let Some(Some(item)) = l.item_of_line.get(at) {
                    let item = *item;
                    if item == d.cursor {
                        self.open();
                    } else if let Some(d) = &mut self.detail {
                        d.cursor = item;
                    }
                }
            }
            View::Timeline if self.detail.is_none() => {
                if let Some(Item::Event(r)) = self.items.get(self.offset + line) {
                    if *r == self.sel {
                        self.open();
                    } else {
                        self.sel = *r;
                        self.follow();
                        self.slide_window();
                    }
                }
            }
            View::Entities => {
                // Two lines of border and header above the list.
                if let Some(i) = line.checked_sub(2).map(|l| l + self.ent_offset) {
                    if i < self.entities.len() {
                        if i == self.ent_sel {
                            self.open();
                        } else {
                            self.ent_sel = i;
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
