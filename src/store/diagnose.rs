//! Looking at the store's own queries: every statement a connection runs
//! can be recorded, and SQLite's plan for any of them read back. The
//! query-plan test (`tests/query_plans.rs`) drives the CLI's and the TUI's
//! read paths with recording on and fails on a full scan of a large table.

use super::{Result, Store};
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use std::sync::{Arc, Mutex};

impl Store {
    /// Appends the SQL text (placeholders unexpanded) of every statement
    /// this connection runs from now on to `sink`.
    pub fn record_statements(&mut self, sink: Arc<Mutex<Vec<String>>>) -> Result<()> {
        self.conn.trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |e: TraceEvent<'_>| {
                if let TraceEvent::Stmt(stmt, _) = e {
                    if let Ok(mut v) = sink.lock() {
                        v.push(stmt.sql().into_owned());
                    }
                }
            }),
        )?;
        Ok(())
    }

    /// SQLite's plan for `sql` (`EXPLAIN QUERY PLAN`), one step a line;
    /// placeholders plan as unknown values.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        // unbound placeholders plan as NULL; the parameter count is not checked
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(r.get::<_, String>(3)?);
        }
        Ok(out)
    }
}
