//! The store: one SQLite file, the only module that speaks SQL.
//!
//! WAL with `synchronous=NORMAL`, numbered add-only migrations applied by
//! `user_version`, bound parameters everywhere. Articles are kept whole so
//! a better extractor can re-run over the archive; events are derived and
//! rebuilt, while the analyst's decisions are kept apart and replayed.

mod articles;
pub mod cjk;
mod decisions;
mod diagnose;
mod events;
mod feeds;
mod filter;
mod rows;
mod search;
pub mod views;

pub use articles::{StoredArticle, Upserted};
pub use decisions::{Decision, DecisionAction};
pub use events::{EntityRow, EventFilter, EventRow};
pub use feeds::FeedState;
pub use search::{ArticleHit, Page};

use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database {path}: {message}")]
    Open { path: String, message: String },
    #[error("the database is locked by another program")]
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

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/001_init.sql"),
    include_str!("../../migrations/002_scale.sql"),
];

/// A connection to the database. Each thread or task opens its own.
pub struct Store {
    conn: Connection,
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
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version as usize > MIGRATIONS.len() {
            return Err(StoreError::Data(format!(
                "the database is from a newer dateline (schema {version}, this one knows {})",
                MIGRATIONS.len()
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Runs `f` in one transaction: committed when it returns Ok, rolled
    /// back when it fails, so a batch lands whole or not at all. The
    /// store's own writes nest inside as savepoints.
    pub fn batch<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| E::from(e.into()))?;
        match f(self) {
            Ok(v) => {
                self.conn
                    .execute_batch("COMMIT")
                    .map_err(|e| E::from(e.into()))?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
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
}
