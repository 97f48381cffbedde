//! What an export needs to know about a source beyond the event itself:
//! how sure the extractor was of the sentence, and when dateline read the
//! article (the "accessed" date of a citation). Read by mention id, since
//! that is what an event's sources carry.

use super::{Result, Store};
use rusqlite::OptionalExtension;
use std::collections::HashMap;

/// One source's provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The extractor's confidence in the mention, 0..1.
    pub confidence: f32,
    /// When the article was first stored (RFC 3339), i.e. read by dateline.
    pub accessed: Option<String>,
}

impl Store {
    /// Provenance of the given mentions; hand-made sources (id 0) and
    /// mentions no longer stored are left out of the map.
    pub fn provenance(&self, mention_ids: &[i64]) -> Result<HashMap<i64, Provenance>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.confidence, a.added_at FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.id = ?1",
        )?;
        let mut out = HashMap::new();
        for &id in mention_ids {
            if id == 0 || out.contains_key(&id) {
                continue;
            }
            let row = stmt
                .query_row([id], |r| {
                    Ok(Provenance {
                        confidence: r.get::<_, f64>(0)? as f32,
                        accessed: r.get(1)?,
                    })
                })
                .optional()?;
            if let Some(p) = row {
                out.insert(id, p);
            }
        }
        Ok(out)
    }
}
