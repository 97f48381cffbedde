//! The analyst's decisions. They are kept apart from the derived events and
//! replayed over every rebuild, so they survive re-extraction. The types
//! live in [`crate::model`]; this module only persists them.

use super::{now_rfc3339, Result, Store};
use crate::model::{Decision, DecisionAction};
use rusqlite::params;

impl Store {
    /// Records a decision; returns its id.
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

    /// Records several decisions at once: all of them or none. Returns
    /// their ids in order.
    pub fn add_decisions(
        &mut self,
        decisions: &[(DecisionAction, String, Option<String>)],
    ) -> Result<Vec<i64>> {
        let tx = self.conn.savepoint()?;
        let mut ids = Vec::with_capacity(decisions.len());
        {
            let mut ins = tx.prepare(
                "INSERT INTO decisions (at, action, event_id, arg) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let at = now_rfc3339();
            for (action, event_id, arg) in decisions {
                ins.execute(params![at, action.as_str(), event_id, arg])?;
                ids.push(tx.last_insert_rowid());
            }
        }
        tx.commit()?;
        Ok(ids)
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

    /// One decision by id.
    pub fn decision(&self, id: i64) -> Result<Option<Decision>> {
        use rusqlite::OptionalExtension;
        let row: Option<(String, String, String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT at, action, event_id, arg FROM decisions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        Ok(row.and_then(|(at, action, event_id, arg)| {
            Some(Decision {
                id,
                at,
                action: action.parse().ok()?,
                event_id,
                arg,
            })
        }))
    }

    /// The latest decision still in force (neither an undo nor undone):
    /// what `undo` takes back.
    pub fn last_decision_in_force(&self) -> Result<Option<Decision>> {
        let all = self.decisions()?;
        let undone = crate::timeline::decisions::undone(&all);
        Ok(all
            .into_iter()
            .rev()
            .find(|d| d.action != DecisionAction::Undo && !undone.contains(&d.id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_decisions_land_together_and_undo_finds_the_last_in_force() {
        let mut s = Store::open_in_memory().expect("db");
        let ids = s
            .add_decisions(&[
                (DecisionAction::Confirm, "a".into(), None),
                (DecisionAction::Reject, "b".into(), None),
            ])
            .expect("written");
        assert_eq!(ids.len(), 2);
        assert_eq!(
            s.last_decision_in_force().ok().flatten().map(|d| d.id),
            Some(ids[1])
        );
        s.add_decision(DecisionAction::Undo, "b", Some(&ids[1].to_string()))
            .expect("undo");
        assert_eq!(
            s.last_decision_in_force().ok().flatten().map(|d| d.id),
            Some(ids[0])
        );
        assert_eq!(
            s.decision(ids[0]).ok().flatten().map(|d| d.action),
            Some(DecisionAction::Confirm)
        );
    }
}
