//! Per-feed fetch state: validators for conditional GET, last success and
//! error, and the back-off that keeps a failing feed from being hammered.

use super::{Result, Store};
use rusqlite::{params, OptionalExtension, Row};

/// What the store remembers of one feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedState {
    pub url: String,
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_fetch_at: Option<String>,
    pub last_success_at: Option<String>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub consecutive_failures: i64,
    pub next_fetch_at: Option<String>,
    pub articles_seen: i64,
}

const SELECT: &str = "SELECT url, title, etag, last_modified, last_fetch_at, last_success_at, last_status, last_error,
    consecutive_failures, next_fetch_at, articles_seen FROM feeds";

fn row(r: &Row<'_>) -> rusqlite::Result<FeedState> {
    Ok(FeedState {
        url: r.get(0)?,
        title: r.get(1)?,
        etag: r.get(2)?,
        last_modified: r.get(3)?,
        last_fetch_at: r.get(4)?,
        last_success_at: r.get(5)?,
        last_status: r.get(6)?,
        last_error: r.get(7)?,
        consecutive_failures: r.get(8)?,
        next_fetch_at: r.get(9)?,
        articles_seen: r.get(10)?,
    })
}

impl Store {
    /// The state of one feed, if it was ever seen.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>> {
        Ok(self
            .conn
            .query_row(&format!("{SELECT} WHERE url = ?1"), [url], row)
            .optional()?)
    }

    /// Every feed's state, by url.
    pub fn feed_states(&self) -> Result<Vec<FeedState>> {
        let mut stmt = self.conn.prepare(&format!("{SELECT} ORDER BY url"))?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Writes a feed's state, creating the feed when new.
    pub fn save_feed_state(&mut self, s: &FeedState) -> Result<()> {
        self.batch(|store| store.save_feed_state_in(s))
    }

    fn save_feed_state_in(&mut self, s: &FeedState) -> Result<()> {
        self.conn.execute(
            "INSERT INTO feeds (url, title, etag, last_modified, last_fetch_at, last_success_at, last_status, last_error,
                                consecutive_failures, next_fetch_at, articles_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, title), etag = excluded.etag,
                last_modified = excluded.last_modified, last_fetch_at = excluded.last_fetch_at,
                last_success_at = excluded.last_success_at, last_status = excluded.last_status,
                last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures,
                next_fetch_at = excluded.next_fetch_at, articles_seen = excluded.articles_seen",
            params![
                s.url,
                s.title,
                s.etag,
                s.last_modified,
                s.last_fetch_at,
                s.last_success_at,
                s.last_status,
                s.last_error,
                s.consecutive_failures,
                s.next_fetch_at,
                s.articles_seen
            ],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_state_round_trips_and_updates() {
        let mut s = Store::open_in_memory().expect("db");
        let mut st = FeedState {
            url: "https://a.example/rss".into(),
            etag: Some("\"v1\"".into()),
            ..Default::default()
        };
        s.save_feed_state(&st).expect("save");
        st.consecutive_failures = 2;
        st.last_error = Some("timed out".into());
        s.save_feed_state(&st).expect("update");
        assert_eq!(s.feed_state(&st.url).expect("q"), Some(st));
        assert_eq!(s.feed_states().expect("all").len(), 1);
    }
}
