//! Extraction: an [`Article`] in, the dated events its sentences assert
//! out. Pure: no I/O, and "now" is the article's publication time, passed
//! in. Triggers and names come from data files compiled into the binary
//! (`data/rules.toml`, `data/entities.toml`), which a user can extend.

pub mod dates;

use crate::model::{Article, Mention};

/// The rules and names the extractor works from.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Changes whenever the rules change, so stale extractions are found.
    pub version: String,
}

impl Rules {
    /// The rules built into the binary.
    pub fn builtin() -> Rules {
        Rules {
            version: "0".into(),
        }
    }

    /// Canonical entities as (name, type, aliases), for the store's index.
    pub fn entity_table(&self) -> Vec<(String, String, Vec<String>)> {
        Vec::new()
    }
}

/// Every dated event the article asserts.
pub fn extract(_article: &Article, _rules: &Rules) -> Vec<Mention> {
    Vec::new()
}
