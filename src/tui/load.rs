//! Reading the store into the app, and the analyst's decisions written back.
//! Every re-read keeps the user's place: the same event stays selected at
//! the same height on screen when it is still there.

use super::app::{App, Detail, Item, Reader, RelatedRow};
use super::format;
use crate::model::Event;
use crate::text::{clean_line, clean_paragraphs};

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
        self.month_counts.clear();
        // month counts on their way are of the query before
        self.months_asked = None;
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
