//! Background refresh, injected. The TUI does not know how feeds are
//! fetched: the worker (`worker.rs`) runs a [`Refresher`] on its own thread,
//! which reports through the app's one report channel and writes through
//! its own store connection; the terminal thread only reads the reports and
//! re-reads the store. At most one refresh runs at a time; a request made
//! while one runs is remembered once.

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
    Finished {
        new_articles: usize,
        new_events: usize,
        failed: usize,
    },
}

/// Fetches every feed, reporting on the sender. Runs on a background thread.
pub type Refresher = Box<dyn Fn(Sender<RefreshMsg>) + Send + Sync>;

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
                self.summary = Some(format!(
                    "refreshed: {}, {}{}",
                    crate::text::count(*new_articles, "new article", "new articles"),
                    crate::text::count(*new_events, "new event", "new events"),
                    if *failed > 0 {
                        format!(
                            ", {failed} feed{} failed",
                            if *failed == 1 { "" } else { "s" }
                        )
                    } else {
                        String::new()
                    }
                ));
                true
            }
        }
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
}
