//! Whether the stored timeline is up to date with what it is built from,
//! and what other processes did to the database since we last looked.
//!
//! Migration 003's triggers count every write the timeline depends on;
//! a rebuild records the count it was built from. An ingest killed between
//! its articles and its rebuild therefore leaves a visible "rebuild
//! pending" that the next command completes, instead of a stale timeline
//! that looks fine.

use super::{Result, Store};
use rusqlite::params;
use std::sync::atomic::{AtomicU64, Ordering};

/// The timeline's bookkeeping row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimelineState {
    /// Writes so far that the timeline depends on.
    pub changes: i64,
    /// The value of `changes` the stored events were built from.
    pub built: i64,
    /// Rebuilds so far.
    pub builds: i64,
}

impl TimelineState {
    /// True when the stored events miss some write: a rebuild is due.
    pub fn pending(&self) -> bool {
        self.changes != self.built
    }
}

static COMMITS: AtomicU64 = AtomicU64::new(0);

pub(super) fn committed() {
    COMMITS.fetch_add(1, Ordering::Relaxed);
}

/// Write transactions this process has committed so far: an error after
/// some of them must not claim that nothing was changed.
pub fn commits() -> u64 {
    COMMITS.load(Ordering::Relaxed)
}

impl Store {
    /// The timeline's bookkeeping.
    pub fn timeline_state(&self) -> Result<TimelineState> {
        Ok(self.conn.query_row(
            "SELECT changes, built, builds FROM timeline_state WHERE id = 1",
            [],
            |r| {
                Ok(TimelineState {
                    changes: r.get(0)?,
                    built: r.get(1)?,
                    builds: r.get(2)?,
                })
            },
        )?)
    }

    /// True when a rebuild is due (an ingest, a decision or a reindex was
    /// interrupted before its rebuild, or is still running in another
    /// process).
    pub fn rebuild_pending(&self) -> Result<bool> {
        Ok(self.timeline_state()?.pending())
    }

    /// Records that the stored events were built from the state whose
    /// change count was `changes`. Called in the rebuild's transaction,
    /// with the events it wrote.
    pub fn mark_built(&mut self, changes: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE timeline_state SET built = ?1 WHERE id = 1",
            params![changes],
        )?;
        Ok(())
    }

    /// SQLite's `data_version`: it changes when another connection commits
    /// to the database, and costs no disk read. The TUI polls it.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}

/// Held by a process while it writes what the timeline is built from (an
/// ingest, a reindex): a shared lock on `<database>-writers`, which the
/// system releases however the process ends, SIGKILL included. Others see
/// a rebuild left pending by a live writer (it will rebuild when it ends)
/// apart from one left by a dead one (theirs to complete).
#[derive(Debug)]
pub struct WriterLease {
    _file: Option<std::fs::File>,
}

impl Store {
    fn lease_file(&self) -> Option<std::fs::File> {
        let mut path = self.file_path()?.into_os_string();
        path.push("-writers");
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .ok()
    }

    /// Marks this process as a writer until the lease is dropped. Without
    /// a lock file (an in-memory store, a read-only folder) it marks
    /// nothing, and others may rebuild alongside: slower, never wrong.
    pub fn writer_lease(&self) -> WriterLease {
        WriterLease {
            _file: self.lease_file().filter(|f| f.lock_shared().is_ok()),
        }
    }

    /// True while some process (this one included) holds a writer lease.
    pub fn writer_active(&self) -> bool {
        self.lease_file()
            .is_some_and(|f| matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)))
    }
}
