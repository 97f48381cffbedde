//! Noticing other processes' writes: a cron `dateline fetch` or an import
//! in another terminal. On each tick (at most every [`WATCH_EVERY`]) the
//! app reads SQLite's `data_version`, which changes only when another
//! connection commits and costs no disk read; when it changed, one more
//! read of the timeline's rebuild count tells whether the events changed
//! (then the timeline is re-read, keeping the user's place) or only
//! articles and feed states did (then only the Feeds view is re-read).

use super::app::{App, View};
use std::time::{Duration, Instant};

/// How often the database is looked at.
pub const WATCH_EVERY: Duration = Duration::from_millis(250);

/// What the app last saw of the database.
#[derive(Debug, Default)]
pub struct DbWatch {
    version: Option<i64>,
    builds: Option<i64>,
    last: Option<Instant>,
}

impl App {
    /// Re-reads what another process changed; cheap when nothing did.
    pub fn poll_database(&mut self) {
        if self.watch.last.is_some_and(|t| t.elapsed() < WATCH_EVERY) {
            return;
        }
        self.watch.last = Some(Instant::now());
        let Ok(version) = self.store.data_version() else {
            return;
        };
        if self.watch.version == Some(version) {
            return;
        }
        let first = self.watch.version.is_none();
        self.watch.version = Some(version);
        let builds = self.store.timeline_state().ok().map(|s| s.builds);
        if first {
            self.watch.builds = builds;
            return;
        }
        if builds != self.watch.builds {
            self.watch.builds = builds;
            self.entities_stale = true;
            self.reload_keep();
        } else if self.view == View::Feeds {
            self.load_feeds();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Rules;
    use crate::model::Article;
    use crate::store::Store;
    use crate::tui::{keys::Keymap, theme::Theme, Msg};

    #[test]
    fn another_processs_new_events_appear_on_a_tick() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        let store = Store::open(&path).expect("db");
        let mut app = App::new(store, Rules::builtin(), Keymap::default(), Theme::plain());
        app.reload_keep();
        app.update(Msg::Tick);
        assert!(app.index.is_empty());

        // another connection, as another process would write
        let mut other = Store::open(&path).expect("second connection");
        let article = Article {
            url: "https://wire.example/huawei".into(),
            title: "Huawei".into(),
            lang: "en".into(),
            published: chrono::DateTime::parse_from_rfc3339("2019-05-16T08:00:00+00:00").ok(),
            text: "The Commerce Department added Huawei to the Entity List on May 15, 2019.".into(),
            ..Default::default()
        };
        crate::pipeline::ingest(&mut other, &Rules::builtin(), &[article]).expect("ingest");
        std::thread::sleep(WATCH_EVERY);
        app.update(Msg::Tick);
        assert_eq!(app.index.len(), 1, "the tick re-read the timeline");
        // the counts come from the background
        app.wait_background();
        assert_eq!(app.total_events, 1);
    }
}
