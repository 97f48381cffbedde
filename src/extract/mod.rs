//! Extraction: an [`Article`] in, the dated events its sentences assert
//! out. Pure: no I/O, and "now" is the article's publication time, passed
//! in. Triggers and names come from data files compiled into the binary
//! (`data/rules.toml`, `data/entities.toml`), which a user can extend.
//!
//! A sentence yields an event when a trigger of a kind is asserted (not
//! hedged, threatened, denied or negated) and a date belongs to it: the date
//! in the trigger's clause, not any date in the sentence.

mod assemble;
mod constructions;
pub mod dates;
mod dating;
pub mod entities;
pub mod modality;
pub mod roles;
pub mod rules;
pub mod sentences;
mod shadow;
#[cfg(test)]
mod tests;
pub mod triggers;

use crate::model::{Article, Mention};
use entities::Gazetteer;
use modality::Modality;
use rules::{EntitiesFile, RuleError, RulesFile};
use std::path::Path;
use triggers::TriggerTable;

pub use rules::RuleError as Error;

const BUILTIN_RULES: &str = include_str!("../../data/rules.toml");
const BUILTIN_ENTITIES: &str = include_str!("../../data/entities.toml");

/// The rules and names the extractor works from.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Changes whenever the rules change, so stale extractions are found.
    pub version: String,
    pub(crate) triggers: TriggerTable,
    pub(crate) modality: Modality,
    pub(crate) cues_en: rules::Phrases,
    pub(crate) cues_zh: rules::Phrases,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) nonevent_en: rules::Phrases,
    pub(crate) nonevent_zh: rules::Phrases,
    pub(crate) same_day: Vec<String>,
    pub(crate) next_day: Vec<String>,
    pub(crate) prev_day: Vec<String>,
    /// (kind or none, English nouns, Chinese nouns).
    pub(crate) effect_nouns: Vec<(Option<crate::model::Kind>, Vec<String>, Vec<String>)>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules::builtin()
    }
}

impl Rules {
    /// The rules built into the binary.
    pub fn builtin() -> Rules {
        // The built-in files are part of the program and tested; a failure
        // here is a bug in this build, not bad input.
        #[allow(clippy::expect_used)]
        Rules::from_texts(
            &[("data/rules.toml", BUILTIN_RULES)],
            &[("data/entities.toml", BUILTIN_ENTITIES)],
        )
        .expect("built-in rules compile")
    }

    /// The built-in rules plus the user's `rules.toml` and `entities.toml`
    /// in `dir`, when they exist.
    pub fn load(dir: &Path) -> Result<Rules, RuleError> {
        let read = |name: &str| -> Result<Option<(String, String)>, RuleError> {
            let path = dir.join(name);
            if !path.is_file() {
                return Ok(None);
            }
            std::fs::read_to_string(&path)
                .map(|t| Some((path.display().to_string(), t)))
                .map_err(|e| RuleError {
                    file: path.display().to_string(),
                    line: None,
                    message: format!("cannot read: {e}"),
                })
        };
        let user_rules = read("rules.toml")?;
        let user_entities = read("entities.toml")?;
        let mut r: Vec<(&str, &str)> = vec![("data/rules.toml", BUILTIN_RULES)];
        if let Some((f, t)) = &user_rules {
            r.push((f, t));
        }
        let mut e: Vec<(&str, &str)> = vec![("data/entities.toml", BUILTIN_ENTITIES)];
        if let Some((f, t)) = &user_entities {
            e.push((f, t));
        }
        Rules::from_texts(&r, &e)
    }

    /// Rules from (file name, TOML text) pairs, later files extending
    /// earlier ones.
    pub fn from_texts(
        rule_files: &[(&str, &str)],
        entity_files: &[(&str, &str)],
    ) -> Result<Rules, RuleError> {
        let mut hasher = blake3::Hasher::new();
        let mut triggers = Vec::new();
        let mut modality = Modality::default();
        let (mut cues_en, mut cues_zh) = (Vec::new(), Vec::new());
        let (mut nonevent_en, mut nonevent_zh) = (Vec::new(), Vec::new());
        let (mut same_day, mut next_day, mut prev_day) = (Vec::new(), Vec::new(), Vec::new());
        let mut effect_nouns = Vec::new();
        for (name, text) in rule_files {
            hasher.update(text.as_bytes());
            hasher.update(b"\0");
            let f: RulesFile = rules::parse_toml(name, text)?;
            triggers.extend(rules::compile_triggers(name, text, &f.trigger)?);
            modality.extend(&f.modality);
            cues_en.extend(f.cues.en.iter().map(|c| c.to_lowercase()));
            cues_zh.extend(f.cues.zh.iter().cloned());
            nonevent_en.extend(f.nonevent.en.iter().map(|c| c.to_lowercase()));
            nonevent_zh.extend(f.nonevent.zh.iter().cloned());
            same_day.extend(f.dates.same_day.iter().map(|c| c.to_lowercase()));
            next_day.extend(f.dates.next_day.iter().map(|c| c.to_lowercase()));
            prev_day.extend(f.dates.prev_day.iter().map(|c| c.to_lowercase()));
            for (i, e) in f.effect_noun.iter().enumerate() {
                let kind = if e.kind == "none" {
                    None
                } else {
                    Some(
                        e.kind
                            .parse::<crate::model::Kind>()
                            .map_err(|m| RuleError {
                                file: name.to_string(),
                                line: rules::table_line(text, "effect_noun", i),
                                message: m,
                            })?,
                    )
                };
                let en = e.en.iter().map(|w| w.to_lowercase()).collect();
                effect_nouns.push((kind, en, e.zh.clone()));
            }
        }
        let mut specs = Vec::new();
        for (name, text) in entity_files {
            hasher.update(text.as_bytes());
            hasher.update(b"\0");
            let f: EntitiesFile = rules::parse_toml(name, text)?;
            rules::check_entities(name, text, &f.entity)?;
            specs.extend(f.entity);
        }
        Ok(Rules {
            version: hasher.finalize().to_hex()[..16].to_string(),
            triggers: TriggerTable::new(triggers),
            modality,
            cues_en: rules::Phrases::new(cues_en),
            cues_zh: rules::Phrases::new(cues_zh),
            gazetteer: Gazetteer::new(&specs),
            nonevent_en: rules::Phrases::new(nonevent_en),
            nonevent_zh: rules::Phrases::new(nonevent_zh),
            same_day,
            next_day,
            prev_day,
            effect_nouns,
        })
    }

    /// Canonical entities as (name, type, aliases), for the store's index.
    pub fn entity_table(&self) -> Vec<(String, String, Vec<String>)> {
        self.gazetteer
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.kind.clone(), e.aliases.clone()))
            .collect()
    }

    /// What the subject of "took effect" names: `Some(Some(kind))` for a
    /// measure of a kind, `Some(None)` for something that is not an event
    /// of ours (a law), `None` when it does not say (the order, 公告).
    pub(crate) fn effect_kind(
        &self,
        subject: &str,
        zh: bool,
    ) -> Option<Option<crate::model::Kind>> {
        let lower = subject.to_lowercase();
        let mut best: Option<(usize, Option<crate::model::Kind>)> = None;
        for (kind, en, zhs) in &self.effect_nouns {
            let words = if zh { zhs } else { en };
            for w in words {
                let found = if zh {
                    subject.rfind(w.as_str())
                } else {
                    lower.rmatch_indices(w.as_str()).map(|(i, _)| i).find(|&i| {
                        let end = i + w.len();
                        !lower[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                            && !lower[end..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric)
                    })
                };
                if let Some(at) = found {
                    if best.is_none_or(|(b, _)| at > b) {
                        best = Some((at, *kind));
                    }
                }
            }
        }
        best.map(|(_, k)| k)
    }

    /// The canonical name of an entity, from any of its names.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.gazetteer.lookup(name).map(|e| e.name.as_str())
    }
}

/// Every dated event the article asserts.
pub fn extract(article: &Article, rules: &Rules) -> Vec<Mention> {
    assemble::extract(article, rules)
}
