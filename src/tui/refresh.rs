//! Background refresh, injected. The TUI does not know how feeds are
//! fetched: the worker (`worker.rs`) runs a [`Refresher`] on its own thread,
//! which reports through the app's one report channel and writes through
//! its own store connection; the terminal thread only reads the reports and
//! re-reads the store. At most one refresh runs at a time; a request made
//! while one runs is remembered once.
//!
//! A refresh is asked for with a [`Mode`]: `r` is explicit (every feed not
//! backing off), the interval refresh asks only the feeds that are due.
//! Feeds not asked are reported as skipped, with when they are due, so the
//! status line never counts them as checked.

pub use crate::refresh::Mode;

use crate::text::count;
use std::sync::mpsc::Sender;

/// What a refresh reports while it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshMsg {
    Started {
        total: usize,
    },
    Feed {
        url: String,
        title: Option<String>,
        error: Option<String>,
        new_articles: usize,
    },
    /// A feed this refresh did not ask: backing off after failures, or
    /// (interval refresh) not due yet.
    Skipped {
        url: String,
        title: Option<String>,
        /// When it is due (RFC 3339), if known.
        due: Option<String>,
        backing_off: bool,
    },
    Finished {
        new_articles: usize,
        new_events: usize,
        failed: usize,
    },
}

/// Fetches the feeds the mode asks for, reporting on the sender. Runs on a
/// background thread.
pub type Refresher = Box<dyn Fn(Sender<RefreshMsg>, Mode) + Send + Sync>;

/// What the status line shows of the current or last refresh.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub running: bool,
    /// A request arrived while one ran; it starts when that one ends.
    pub pending: bool,
    pub total: usize,
    pub done: usize,
    pub failed: usize,
    pub new_articles: usize,
    /// (feed, error) of this refresh's failures, latest last.
    pub errors: Vec<(String, String)>,
    /// (feed, when due) of the feeds this refresh did not ask.
    pub skipped: Vec<(String, Option<String>)>,
    /// Skipped feeds that are backing off after failures.
    pub backing_off: usize,
    /// One line about the last finished refresh.
    pub summary: Option<String>,
}

impl Progress {
    /// Folds one report in. Returns true when the refresh finished (so the
    /// timeline should be re-read).
    pub fn apply(&mut self, msg: &RefreshMsg) -> bool {
        match msg {
            RefreshMsg::Started { total } => {
                self.total = *total;
                self.done = 0;
                self.failed = 0;
                self.new_articles = 0;
                self.errors.clear();
                self.skipped.clear();
                self.backing_off = 0;
                false
            }
            RefreshMsg::Skipped {
                url,
                title,
                due,
                backing_off,
            } => {
                self.done += 1;
                let name = title.clone().unwrap_or_else(|| url.clone());
                self.skipped.push((
                    crate::text::clean_line(&name),
                    due.as_deref().map(crate::text::clean_line),
                ));
                if *backing_off {
                    self.backing_off += 1;
                }
                false
            }
            RefreshMsg::Feed {
                url,
                title,
                error,
                new_articles,
            } => {
                self.done += 1;
                self.new_articles += new_articles;
                if let Some(e) = error {
                    self.failed += 1;
                    let name = title.clone().unwrap_or_else(|| url.clone());
                    self.errors
                        .push((crate::text::clean_line(&name), crate::text::clean_line(e)));
                }
                false
            }
            RefreshMsg::Finished {
                new_articles,
                new_events,
                failed,
            } => {
                let failed_part = if *failed > 0 {
                    format!(
                        ", {failed} feed{} failed",
                        if *failed == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                let skipped = self.skipped.len();
                let asked = self.total.saturating_sub(skipped);
                // feeds not asked are never counted as checked
                self.summary = Some(if skipped == 0 {
                    format!(
                        "refreshed: {}, {}{failed_part}",
                        count(*new_articles, "new article", "new articles"),
                        count(*new_events, "new event", "new events")
                    )
                } else if asked == 0 {
                    format!(
                        "no feed asked: {skipped} not due{}",
                        self.next_due()
                            .map(|d| format!(" (next at {d})"))
                            .unwrap_or_default()
                    )
                } else {
                    format!(
                        "refreshed {asked} of {} feeds: {}, {}{failed_part}; {skipped} skipped{}",
                        self.total,
                        count(*new_articles, "new article", "new articles"),
                        count(*new_events, "new event", "new events"),
                        self.next_due()
                            .map(|d| format!(", next due {d}"))
                            .unwrap_or_default()
                    )
                });
                true
            }
        }
    }
}

impl Progress {
    /// The earliest time a skipped feed is due, as HH:MM local time.
    pub fn next_due(&self) -> Option<String> {
        self.skipped
            .iter()
            .filter_map(|(_, d)| d.as_deref())
            .filter_map(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
            .min()
            .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_feeds_and_errors() {
        let mut p = Progress::default();
        assert!(!p.apply(&RefreshMsg::Started { total: 2 }));
        p.apply(&RefreshMsg::Feed {
            url: "https://a.example/rss".into(),
            title: None,
            error: Some("timed out\u{1b}[31m".into()),
            new_articles: 0,
        });
        p.apply(&RefreshMsg::Feed {
            url: "https://b.example/rss".into(),
            title: Some("B".into()),
            error: None,
            new_articles: 3,
        });
        assert_eq!((p.done, p.failed, p.new_articles), (2, 1, 3));
        assert_eq!(p.errors[0].0, "https://a.example/rss");
        assert!(!p.errors[0].1.contains('\u{1b}'));
        assert!(p.apply(&RefreshMsg::Finished {
            new_articles: 3,
            new_events: 1,
            failed: 1
        }));
        assert_eq!(
            p.summary.as_deref(),
            Some("refreshed: 3 new articles, 1 new event, 1 feed failed")
        );
    }

    #[test]
    fn feeds_not_asked_are_never_counted_as_checked() {
        let mut p = Progress::default();
        p.apply(&RefreshMsg::Started { total: 3 });
        for url in ["https://a.example/rss", "https://b.example/rss"] {
            p.apply(&RefreshMsg::Skipped {
                url: url.into(),
                title: None,
                due: Some("2026-07-01T12:05:00+00:00".into()),
                backing_off: false,
            });
        }
        p.apply(&RefreshMsg::Feed {
            url: "https://c.example/rss".into(),
            title: None,
            error: None,
            new_articles: 0,
        });
        p.apply(&RefreshMsg::Finished {
            new_articles: 0,
            new_events: 0,
            failed: 0,
        });
        let s = p.summary.clone().unwrap_or_default();
        assert!(
            s.starts_with(
                "refreshed 1 of 3 feeds: 0 new articles, 0 new events; 2 skipped, next due "
            ),
            "{s}"
        );
        p.apply(&RefreshMsg::Started { total: 1 });
        p.apply(&RefreshMsg::Skipped {
            url: "https://a.example/rss".into(),
            title: None,
            due: None,
            backing_off: true,
        });
        p.apply(&RefreshMsg::Finished {
            new_articles: 0,
            new_events: 0,
            failed: 0,
        });
        assert_eq!(p.summary.as_deref(), Some("no feed asked: 1 not due"));
        assert_eq!(p.backing_off, 1);
    }
}
