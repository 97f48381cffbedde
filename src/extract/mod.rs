//! Extraction: an [`Article`] in, the dated events its sentences assert
//! out. Pure: no I/O, and "now" is the article's publication time, passed
//! in. Triggers and names come from data files compiled into the binary
//! (one per language, `data/lang/<code>.toml`, and `data/entities.toml`),
//! which a user can extend and whose triggers a user can disable by id.
//!
//! A sentence yields an event when a trigger of a kind is asserted (not
//! hedged, threatened, denied or negated) and a date belongs to it: the date
//! in the trigger's clause, not any date in the sentence.

mod assemble;
mod constructions;
pub mod dates;
mod dating;
pub mod entities;
pub mod lang;
mod laws;
pub mod modality;
pub mod nations;
pub mod normalize;
mod referents;
pub mod roles;
pub mod rules;
pub mod sentences;
mod shadow;
mod shared;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_names;
#[cfg(test)]
mod tests_official;
#[cfg(test)]
mod tests_real;
#[cfg(test)]
mod tests_real_courts;
#[cfg(test)]
mod tests_real_en2;
#[cfg(test)]
mod tests_real_en3;
#[cfg(test)]
mod tests_real_en4;
#[cfg(test)]
mod tests_real_en5;
#[cfg(test)]
mod tests_real_en6;
#[cfg(test)]
mod tests_real_en7;
#[cfg(test)]
mod tests_real_zh;
#[cfg(test)]
mod tests_real_zh2;
#[cfg(test)]
mod tests_real_zh3;
#[cfg(test)]
mod tests_real_zh4;
#[cfg(test)]
mod tests_real_zh5;
#[cfg(test)]
mod tests_real_zh6;
pub mod triggers;

use crate::model::{Article, Mention};
use entities::Gazetteer;
pub use lang::Lang;
use modality::Modality;
use rules::{EntitiesFile, RuleError, RulesFile};
pub use shared::SharedRules;
use std::path::Path;
use triggers::TriggerTable;

pub use rules::RuleError as Error;

const BUILTIN_ENTITIES: &str = include_str!("../../data/entities.toml");

/// The rules and names the extractor works from.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Changes whenever the rules change, so stale extractions are found.
    pub version: String,
    pub(crate) triggers: TriggerTable,
    /// The languages, in registry order: a [`lang::Lang`] indexes them.
    pub(crate) langs: Vec<LangRules>,
    /// Each language's script and whether it is spaced, by index.
    scripts: Vec<(lang::Script, bool)>,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) same_day: Vec<String>,
    pub(crate) next_day: Vec<String>,
    pub(crate) prev_day: Vec<String>,
    pub(crate) document_day: rules::Phrases,
}

/// The rules of one language.
#[derive(Debug, Clone)]
pub(crate) struct LangRules {
    pub code: String,
    pub script: lang::Script,
    pub spaced: bool,
    pub modality: Modality,
    pub cues: rules::Phrases,
    pub nonevent: rules::Phrases,
    /// (kind or none, nouns).
    pub effect_nouns: Vec<(Option<crate::model::Kind>, Vec<String>)>,
}

/// A language's lists while files are read, compiled at the end.
struct LangDraft {
    code: String,
    script: lang::Script,
    spaced: bool,
    modality: Modality,
    cues: Vec<String>,
    nonevent: Vec<String>,
    effect_nouns: Vec<(Option<crate::model::Kind>, Vec<String>)>,
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
        Rules::from_texts(&[], &[("data/entities.toml", BUILTIN_ENTITIES)])
            .expect("built-in rules compile")
    }

    /// The files of the user's own that [`Rules::load`] reads beside
    /// feeds.toml: rules, then entities.
    pub const USER_FILES: [&'static str; 2] = ["rules.toml", "entities.toml"];

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
        let [rules_file, entities_file] = Self::USER_FILES;
        let user_rules = read(rules_file)?;
        let user_entities = read(entities_file)?;
        let mut r: Vec<(&str, &str)> = Vec::new();
        if let Some((f, t)) = &user_rules {
            r.push((f, t));
        }
        let mut e: Vec<(&str, &str)> = vec![("data/entities.toml", BUILTIN_ENTITIES)];
        if let Some((f, t)) = &user_entities {
            e.push((f, t));
        }
        Rules::from_texts(&r, &e)
    }

    /// The built-in languages extended by rules files in the user's format
    /// and by entity files, as (file name, TOML text) pairs, later files
    /// extending earlier ones.
    pub fn from_texts(
        rule_files: &[(&str, &str)],
        entity_files: &[(&str, &str)],
    ) -> Result<Rules, RuleError> {
        let mut hasher = blake3::Hasher::new();
        let mut triggers = Vec::new();
        let mut drafts: Vec<LangDraft> = Vec::new();
        let (mut same_day, mut next_day, mut prev_day) = (Vec::new(), Vec::new(), Vec::new());
        let mut document_day = Vec::new();
        let low = |v: &[String]| v.iter().map(|c| c.to_lowercase()).collect::<Vec<_>>();
        let files: Vec<(&str, &str, lang::LangFile)> = lang::BUILTIN
            .iter()
            .map(|b| lang::parse(b.file, b.text).map(|f| (b.file, b.text, f)))
            .collect::<Result<_, _>>()?;
        let codes: Vec<(&str, bool)> = files
            .iter()
            .map(|(_, _, f)| (f.code.as_str(), f.spaced))
            .collect();
        for (li, (name, text, f)) in files.iter().enumerate() {
            if !dates::GRAMMARS.iter().any(|g| g.code == f.code) {
                return Err(RuleError {
                    file: name.to_string(),
                    line: None,
                    message: format!("no date grammar for language '{}'", f.code),
                });
            }
            hasher.update(text.as_bytes());
            hasher.update(b"\0");
            triggers.extend(rules::compile_triggers(
                name,
                text,
                &f.trigger,
                &codes,
                Some(li),
            )?);
            let case = |v: &[String]| if f.spaced { low(v) } else { v.to_vec() };
            same_day.extend(case(&f.dates.same_day));
            next_day.extend(case(&f.dates.next_day));
            prev_day.extend(case(&f.dates.prev_day));
            document_day.extend(case(&f.dates.document_day));
            let mut effect_nouns = Vec::new();
            for (i, e) in f.effect_noun.iter().enumerate() {
                let kind = effect_kind_of(name, text, i, &e.kind)?;
                effect_nouns.push((kind, case(&e.words)));
            }
            drafts.push(LangDraft {
                code: f.code.clone(),
                script: f.script,
                spaced: f.spaced,
                modality: Modality::new(f.spaced, &f.modality),
                cues: case(&f.cues.link),
                nonevent: case(&f.cues.nonevent),
                effect_nouns,
            });
        }
        let builtin_ids = triggers
            .iter()
            .filter_map(|t| t.id.clone())
            .collect::<Vec<_>>();
        let mut disabled: Vec<String> = Vec::new();
        for (name, text) in rule_files {
            hasher.update(text.as_bytes());
            hasher.update(b"\0");
            let f: RulesFile = rules::parse_toml(name, text)?;
            for id in &f.disable {
                if !builtin_ids.contains(id) {
                    return Err(RuleError {
                        file: name.to_string(),
                        line: rules::quoted_line(text, id),
                        message: format!("disable: no built-in trigger has the id '{id}'"),
                    });
                }
            }
            disabled.extend(f.disable.iter().cloned());
            triggers.extend(rules::compile_triggers(
                name, text, &f.trigger, &codes, None,
            )?);
            let draft =
                |drafts: &[LangDraft], code: &str| drafts.iter().position(|d| d.code == code);
            if let Some(en) = draft(&drafts, "en") {
                let d = &mut drafts[en];
                d.modality.extend(&lang::ModalityWords {
                    hedge: f.modality.en_hedge.clone(),
                    negation: f.modality.en_negation.clone(),
                    reported: f.modality.en_reported.clone(),
                    not_cue: Vec::new(),
                });
                d.cues.extend(low(&f.cues.en));
                d.nonevent.extend(low(&f.nonevent.en));
            }
            if let Some(zh) = draft(&drafts, "zh") {
                let d = &mut drafts[zh];
                d.modality.extend(&lang::ModalityWords {
                    hedge: f.modality.zh_hedge.clone(),
                    negation: f.modality.zh_negation.clone(),
                    reported: Vec::new(),
                    not_cue: f.modality.zh_not_cue.clone(),
                });
                d.cues.extend(f.cues.zh.iter().cloned());
                d.nonevent.extend(f.nonevent.zh.iter().cloned());
            }
            same_day.extend(low(&f.dates.same_day));
            next_day.extend(low(&f.dates.next_day));
            prev_day.extend(low(&f.dates.prev_day));
            document_day.extend(low(&f.dates.document_day));
            for (i, e) in f.effect_noun.iter().enumerate() {
                let kind = effect_kind_of(name, text, i, &e.kind)?;
                for (code, words) in [("en", low(&e.en)), ("zh", e.zh.clone())] {
                    if let Some(d) = draft(&drafts, code) {
                        drafts[d].effect_nouns.push((kind, words));
                    }
                }
            }
        }
        triggers.retain(|t| !t.id.as_ref().is_some_and(|id| disabled.contains(id)));
        let mut specs = Vec::new();
        for (name, text) in entity_files {
            hasher.update(text.as_bytes());
            hasher.update(b"\0");
            let f: EntitiesFile = rules::parse_toml(name, text)?;
            rules::check_entities(name, text, &f.entity)?;
            specs.extend(f.entity);
        }
        let langs = drafts
            .into_iter()
            .map(|d| LangRules {
                code: d.code,
                script: d.script,
                spaced: d.spaced,
                modality: d.modality,
                cues: rules::Phrases::new(d.cues),
                nonevent: rules::Phrases::new(d.nonevent),
                effect_nouns: d.effect_nouns,
            })
            .collect::<Vec<_>>();
        let spaced: Vec<bool> = langs.iter().map(|l| l.spaced).collect();
        Ok(Rules {
            version: hasher.finalize().to_hex()[..16].to_string(),
            triggers: TriggerTable::new(triggers, &spaced),
            scripts: langs.iter().map(|l| (l.script, l.spaced)).collect(),
            langs,
            gazetteer: Gazetteer::new(&specs),
            same_day,
            next_day,
            prev_day,
            document_day: rules::Phrases::new(document_day),
        })
    }

    /// The rules of language `l`.
    pub(crate) fn lang(&self, l: Lang) -> &LangRules {
        // a Lang only comes from this rule set, which has at least one language
        &self.langs[l.0.min(self.langs.len() - 1)]
    }

    /// The language an article is written in, by its letters; its tag
    /// (`lang`) decides a text with none.
    pub fn article_lang(&self, article: &Article) -> Lang {
        let scripts: Vec<lang::Script> = self.scripts.iter().map(|s| s.0).collect();
        let primary = article.lang.split(['-', '_']).next().unwrap_or("");
        let tag = self.langs.iter().position(|l| l.code == primary);
        Lang(lang::detect(&scripts, &article.text, tag))
    }

    /// The language a sentence of an article in `article` is read in.
    pub(crate) fn sentence_lang(&self, article: Lang, s: &str) -> Lang {
        Lang(lang::of_sentence(&self.scripts, article.0, s))
    }

    /// The ids of the triggers in force (the built-in ones a user has not
    /// disabled, and the user's own that have one).
    pub fn trigger_ids(&self) -> Vec<&str> {
        self.triggers.ids()
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
    pub(crate) fn effect_kind(&self, subject: &str, l: Lang) -> Option<Option<crate::model::Kind>> {
        let lr = self.lang(l);
        let lower = subject.to_lowercase();
        let mut best: Option<(usize, Option<crate::model::Kind>)> = None;
        for (kind, words) in &lr.effect_nouns {
            for w in words {
                let found = if !lr.spaced {
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

/// The kind an `effect_noun` table names (`none`: not an event of ours).
fn effect_kind_of(
    file: &str,
    text: &str,
    i: usize,
    kind: &str,
) -> Result<Option<crate::model::Kind>, RuleError> {
    if kind == "none" {
        return Ok(None);
    }
    kind.parse::<crate::model::Kind>()
        .map(Some)
        .map_err(|m| RuleError {
            file: file.to_string(),
            line: rules::table_line(text, "effect_noun", i),
            message: m,
        })
}

/// Every dated event the article asserts.
pub fn extract(article: &Article, rules: &Rules) -> Vec<Mention> {
    let Some(norm) = normalize::normalize(&article.text) else {
        return assemble::extract(article, rules);
    };
    // the title is read as the text is: a heading's 判決 is a 判决
    let title =
        normalize::normalize(&article.title).map_or_else(|| article.title.clone(), |t| t.text);
    let read = Article {
        text: norm.text.clone(),
        title,
        ..article.clone()
    };
    let mut mentions = assemble::extract(&read, rules);
    // the evidence quotes the source as written, not as normalised, and so
    // does a name the gazetteer does not know (a company or a law in
    // Traditional script keeps its own spelling)
    for m in &mut mentions {
        if let Some(orig) = norm.original(&article.text, &m.evidence) {
            m.evidence = orig.to_string();
        }
        for n in m.actors.iter_mut().chain(m.targets.iter_mut()) {
            if rules.gazetteer.lookup(n).is_some() || n.is_ascii() {
                continue;
            }
            if let Some(orig) = norm.original(&article.text, n) {
                *n = orig.to_string();
            }
        }
    }
    mentions
}
