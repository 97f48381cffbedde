//! The store: one SQLite file, the only module that speaks SQL.
//!
//! WAL with `synchronous=NORMAL`, numbered add-only migrations applied by
//! `user_version`, bound parameters everywhere. Articles are kept whole so
//! a better extractor can re-run over the archive; events are derived and
//! rebuilt, while the analyst's decisions are kept apart and replayed.
//!
//! Several processes share the file (the TUI, a cron `dateline fetch`, a
//! query): every write is a short `BEGIN IMMEDIATE` transaction that waits
//! its turn for up to [`BUSY_TIMEOUT`], and an answer made of several
//! statements is read in one read transaction ([`Store::snapshot`]), so it
//! sees one consistent state of the database.

mod articles;
pub mod cjk;
mod decisions;
mod diagnose;
mod entity_stats;
mod events;
mod feeds;
mod filter;
mod fingerprint;
pub mod identity;
mod marks;
mod provenance;
mod rank;
mod rows;
mod search;
mod state;
pub mod views;
mod walk;

pub use crate::model::{Decision, DecisionAction};
pub use articles::{url_key, IndexEntry, StoredArticle, Upserted};
pub use events::{EntityRow, EventFilter, EventRow};
pub use feeds::FeedState;
pub use marks::{NewFilter, RefreshRecord};
pub use provenance::Provenance;
pub use search::{ArticleHit, Page};
pub use state::{commits, TimelineState, WriterLease};

use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database {path}: {message}")]
    Open { path: String, message: String },
    #[error("the database is locked by another program (waited {} s)", BUSY_TIMEOUT.as_secs())]
    Locked,
    #[error("database: {0}")]
    Sql(rusqlite::Error),
    #[error("database: {0}")]
    Data(String),
    #[error("no event with id '{0}'")]
    NoEvent(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) {
                return StoreError::Locked;
            }
        }
        StoreError::Sql(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Data(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long a statement waits for another process's write to finish
/// before it gives up with [`StoreError::Locked`]. Writes are short (one
/// batch of articles, one rebuild), so a wait this long means something
/// is stuck.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Applied in this order by `user_version`, and only ever appended to:
/// a database already past an entry never sees it again.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/001_init.sql"),
    "-- 002: reserved for the scale branch",
    include_str!("../../migrations/003_timeline_state.sql"),
    include_str!("../../migrations/004_edits.sql"),
    include_str!("../../migrations/005_first_seen.sql"),
    include_str!("../../migrations/006_scale.sql"),
    "-- 007: reserved for the incr branch",
    include_str!("../../migrations/008_reads.sql"),
    include_str!("../../migrations/009_entity_deltas.sql"),
    include_str!("../../migrations/010_day_order.sql"),
    include_str!("../../migrations/011_mention_key.sql"),
];

/// A connection to the database. Each thread or task opens its own.
pub struct Store {
    conn: Connection,
    /// From how many matching events a window of the timeline tests a
    /// condition row by row (see `walk.rs`).
    walk_at: usize,
    /// What a window's reads keep while the database is unchanged.
    kept: std::cell::RefCell<walk::Kept>,
    /// The matches of a common word a window tests each row against.
    word_hits: walk::SharedHits,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        let err = |message: String| StoreError::Open {
            path: path.display().to_string(),
            message,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| err(format!("cannot create folder: {e}")))?;
        }
        let conn = Connection::open(path).map_err(|e| err(e.to_string()))?;
        Store::setup(conn).map_err(|e| match e {
            StoreError::Locked => StoreError::Locked,
            other => err(other.to_string()),
        })
    }

    /// A private in-memory database, for tests and the demo.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // the ingest alone keeps a dozen statements hot (plan, upsert,
        // search index, mentions); the default cache holds 16
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let word_hits = walk::SharedHits::default();
        walk::register_word_hit(&conn, word_hits.clone())?;
        let mut store = Store {
            conn,
            walk_at: walk::WALK_AT,
            kept: Default::default(),
            word_hits,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations the database lacks. The version is read
    /// inside the write transaction, so two processes opening a new
    /// database at once migrate it once.
    fn migrate(&mut self) -> Result<()> {
        let version = |conn: &Connection| -> Result<usize> {
            let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if v as usize > MIGRATIONS.len() {
                return Err(StoreError::Data(format!(
                    "the database is from a newer dateline (schema {v}, this one knows {})",
                    MIGRATIONS.len()
                )));
            }
            Ok(v as usize)
        };
        if version(&self.conn)? == MIGRATIONS.len() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version(&tx)?) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` in one write transaction: committed when it returns Ok,
    /// rolled back when it fails, so a batch lands whole or not at all.
    /// `BEGIN IMMEDIATE` takes the write lock first (waiting its turn), so
    /// a read inside never has to be upgraded to a write against a newer
    /// snapshot. Inside a transaction already, `f` simply joins it; the
    /// store's own writes come through here.
    pub fn batch<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| E::from(e.into()))?;
        match f(self) {
            Ok(v) => {
                if let Err(e) = self.conn.execute_batch("COMMIT") {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    return Err(E::from(e.into()));
                }
                state::committed();
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs `f` in one read transaction, so every statement it makes sees
    /// the same state of the database even while other processes write.
    /// Inside a transaction already, `f` simply joins it.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.snapshot_with(f)
    }

    /// [`Store::snapshot`] for a reader whose own errors are not the
    /// store's (an export that also writes a file).
    pub fn snapshot_with<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN")
            .map_err(|e| E::from(e.into()))?;
        let r = f(self);
        // a read transaction has nothing to commit; ending it lets the
        // WAL be checkpointed past it
        let end = self.conn.execute_batch("COMMIT");
        match (r, end) {
            (Ok(v), Ok(())) => Ok(v),
            (Err(e), _) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
            (Ok(_), Err(e)) => Err(E::from(e.into())),
        }
    }

    /// Sets how much of the database this connection caches, in KiB
    /// (SQLite's default is 2,000). A bulk write (import, reindex) whose
    /// transactions outgrow the cache spills pages to the WAL mid-way and
    /// reads them back; a bigger cache for its duration avoids that, while
    /// readers keep the small default.
    pub fn set_cache_kib(&self, kib: i64) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -kib)?;
        Ok(())
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// Now, as stored: RFC 3339 in UTC with milliseconds, so that stamps taken
/// in one second still order (an event first seen at the end of one refresh
/// is not "new" to the next refresh that starts within the same second).
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_reopens() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/d.db");
        let s = Store::open(&path).expect("open");
        assert_eq!(s.schema_version().ok(), Some(MIGRATIONS.len() as i64));
        drop(s);
        let s = Store::open(&path).expect("reopen");
        assert_eq!(s.schema_version().ok(), Some(MIGRATIONS.len() as i64));
    }

    /// A database that main's dateline left at schema 5, with a timeline
    /// in it, takes migration 006: its lang: and source: tables are filled
    /// from the events already there, so the filters find them at once.
    #[test]
    fn migration_006_backfills_a_database_with_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).expect("open");
            for sql in &MIGRATIONS[..5] {
                conn.execute_batch(sql).expect("old migration");
            }
            conn.pragma_update(None, "user_version", 5)
                .expect("version");
            conn.execute_batch(
                "INSERT INTO events (id, kind, start, first_day, last_day, title, actors, targets, status, n_sources, langs)
                 VALUES ('e1', 'ban', '2026-01-02', '2026-01-02', '2026-01-02', 'A ban', '[]', '[]', 'auto', 2, 'en zh');
                 INSERT INTO event_sources (event_id, mention_id, url, outlet, title, evidence, position)
                 VALUES ('e1', 1, 'https://www.Reuters.com/x', 'Reuters', 't', 'ev', 0),
                        ('e1', 2, 'https://news.example.cn/y', '', 't', 'ev', 1);",
            )
            .expect("old data");
        }
        let s = Store::open(&path).expect("migrate");
        assert_eq!(s.schema_version().ok(), Some(MIGRATIONS.len() as i64));
        let ids = |f: EventFilter| -> Vec<String> {
            s.event_rows(&f)
                .expect("rows")
                .into_iter()
                .map(|r| r.id)
                .collect()
        };
        for lang in ["en", "zh"] {
            let f = EventFilter {
                lang: Some(lang.into()),
                ..Default::default()
            };
            assert_eq!(ids(f), vec!["e1".to_string()], "lang:{lang}");
        }
        for source in ["reuters", "www.reuters.com", "example.cn"] {
            let f = EventFilter {
                source: Some(source.into()),
                ..Default::default()
            };
            assert_eq!(ids(f), vec!["e1".to_string()], "source:{source}");
        }
        let none = EventFilter {
            lang: Some("ja".into()),
            ..Default::default()
        };
        assert!(ids(none).is_empty());
    }
}
