//! The analyst's decisions. They are kept apart from the derived events and
//! replayed over every rebuild, so they survive re-extraction.

use super::{now_rfc3339, Result, Store};
use rusqlite::params;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionAction {
    Confirm,
    Reject,
    /// Clear a confirm or reject.
    Reset,
    Note,
    /// Merge `arg` (another event id) into the event.
    Merge,
    /// Split the source with url `arg` out of the event.
    Split,
    /// A hand-made event; `arg` is its JSON.
    Add,
}

impl DecisionAction {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionAction::Confirm => "confirm",
            DecisionAction::Reject => "reject",
            DecisionAction::Reset => "reset",
            DecisionAction::Note => "note",
            DecisionAction::Merge => "merge",
            DecisionAction::Split => "split",
            DecisionAction::Add => "add",
        }
    }
}

impl FromStr for DecisionAction {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Ok(match s {
            "confirm" => DecisionAction::Confirm,
            "reject" => DecisionAction::Reject,
            "reset" => DecisionAction::Reset,
            "note" => DecisionAction::Note,
            "merge" => DecisionAction::Merge,
            "split" => DecisionAction::Split,
            "add" => DecisionAction::Add,
            other => return Err(format!("unknown decision '{other}'")),
        })
    }
}

/// One decision, in the order it was taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: i64,
    pub at: String,
    pub action: DecisionAction,
    pub event_id: String,
    pub arg: Option<String>,
}

impl Store {
    /// Records a decision.
    pub fn add_decision(
        &mut self,
        action: DecisionAction,
        event_id: &str,
        arg: Option<&str>,
    ) -> Result<i64> {
        self.batch(|s| {
            s.conn.execute(
                "INSERT INTO decisions (at, action, event_id, arg) VALUES (?1, ?2, ?3, ?4)",
                params![now_rfc3339(), action.as_str(), event_id, arg],
            )?;
            Ok(s.conn.last_insert_rowid())
        })
    }

    /// Every decision, oldest first.
    pub fn decisions(&self) -> Result<Vec<Decision>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, at, action, event_id, arg FROM decisions ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            let action: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, action, r.get(3)?, r.get(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, action, event_id, arg): (i64, String, String, String, Option<String>) =
                row?;
            if let Ok(action) = action.parse() {
                out.push(Decision {
                    id,
                    at,
                    action,
                    event_id,
                    arg,
                });
            }
        }
        Ok(out)
    }
}
