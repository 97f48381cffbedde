//! The data-file schema of the extractor: triggers, modality cues, linking
//! cues (`rules.toml`) and the gazetteer (`entities.toml`), parsed and
//! compiled once.
//!
//! Rules live in data, not code, so an analyst can teach dateline a new
//! construction or a new company without recompiling: the built-in files
//! are compiled into the binary and a user's files of the same names are
//! added on top (see `docs/rules.md`).

use crate::model::Kind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::fmt;

/// A rules or entities file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for RuleError {}

/// `rules.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Ids of built-in triggers to turn off.
    #[serde(default)]
    pub disable: Vec<String>,
    #[serde(default)]
    pub trigger: Vec<TriggerSpec>,
    #[serde(default)]
    pub modality: ModalitySpec,
    #[serde(default)]
    pub cues: CueSpec,
    /// Words before a date that make it a non-event's date ("founded in").
    #[serde(default)]
    pub nonevent: CueSpec,
    /// Phrases that date a sentence by an earlier event.
    #[serde(default)]
    pub dates: DateCueSpec,
    /// Subjects of "took effect" that say what took effect.
    #[serde(default)]
    pub effect_noun: Vec<EffectNounSpec>,
}

/// Nouns that, as the subject of "took effect", give the event's kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectNounSpec {
    /// An event kind, or `none` for things that are not events of ours.
    pub kind: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
}

/// Phrases that stand for a date given earlier in the article.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateCueSpec {
    /// "on the same day", 同一天: the date of the last event.
    #[serde(default)]
    pub same_day: Vec<String>,
    /// "the following day", 次日: the day after the last date.
    #[serde(default)]
    pub next_day: Vec<String>,
    /// "the day before", 此前一天: the day before the last event.
    #[serde(default)]
    pub prev_day: Vec<String>,
    /// The document's own voice ("IT IS ORDERED", 现予公布, 决定): a sentence
    /// that says nothing of when is dated by the document itself.
    #[serde(default)]
    pub document_day: Vec<String>,
}

/// One trigger: a construction that asserts an event of a kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerSpec {
    /// A stable name, which `disable` in a user's rules.toml can refer to.
    /// Every built-in trigger has one.
    #[serde(default)]
    pub id: Option<String>,
    /// An event kind, or `effect` for "X took effect", which takes the kind
    /// of the event the sentence or the one before it refers to.
    pub kind: String,
    /// The code of a registered language (`en`, `zh`); implied in a
    /// language's own file, required in a user's rules.toml.
    #[serde(default)]
    pub lang: Option<String>,
    /// A regular expression (English ones match case-insensitively). A
    /// named group `v` marks the verb; names after it are targets.
    pub pattern: String,
    /// Kinds whose triggers in the same sentence this one replaces (a
    /// "denial order" that "barred" sales is a sanction, not a ban).
    #[serde(default)]
    pub absorbs: Vec<String>,
    /// Lower numbers are weaker; used for confidence.
    #[serde(default)]
    pub weight: Option<f32>,
    /// True when the pattern only names the kind ("export controls"): it
    /// yields no event itself but gives its kind to "took effect".
    #[serde(default)]
    pub nominal: bool,
}

/// Words that make a clause not assert its event.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalitySpec {
    /// Hypotheticals, plans, threats ("could", "plans to").
    #[serde(default)]
    pub en_hedge: Vec<String>,
    /// Negations and denials ("not", "denied").
    #[serde(default)]
    pub en_negation: Vec<String>,
    #[serde(default)]
    pub zh_hedge: Vec<String>,
    #[serde(default)]
    pub zh_negation: Vec<String>,
    /// Phrases that make a following "would" a reported plan that is
    /// asserted ("said it would impose").
    #[serde(default)]
    pub en_reported: Vec<String>,
    /// Words that contain a cue but are not cues (未来, 未经, 票反对).
    #[serde(default)]
    pub zh_not_cue: Vec<String>,
}

/// Phrases that tie one event to another.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueSpec {
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
}

/// `entities.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitiesFile {
    #[serde(default)]
    pub entity: Vec<EntitySpec>,
}

/// One entity: its canonical name, type and aliases in any language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitySpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For a government list: who keeps it (the actor of a listing).
    #[serde(default)]
    pub owner: Option<String>,
}

/// The entity types the gazetteer knows.
pub const ENTITY_TYPES: &[&str] = &[
    "agency",
    "court",
    "legislature",
    "government",
    "country",
    "company",
    "product",
    "person",
    "list",
    "group",
];

/// What a trigger's kind turns into once compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    Kind(Kind),
    /// "took effect": the kind of the event referred to.
    Effect,
}

/// A compiled trigger.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub id: Option<String>,
    pub kind: TriggerKind,
    /// The language it reads, an index into the rule set's languages.
    pub lang: usize,
    pub regex: Regex,
    pub absorbs: Vec<Kind>,
    pub weight: f32,
    pub nominal: bool,
}

/// A list of phrases matched in one pass (English ones ignoring ASCII case).
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    pub list: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl Phrases {
    pub fn new(list: Vec<String>) -> Phrases {
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(list.iter().filter(|p| !p.is_empty()))
            .ok();
        let list = list.into_iter().filter(|p| !p.is_empty()).collect();
        Phrases { list, matcher }
    }

    /// Every (start, end, phrase) in `text`, overlapping ones included.
    pub fn find_all<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
        self.matcher
            .iter()
            .flat_map(move |m| m.find_overlapping_iter(text))
            .filter_map(move |m| {
                self.list
                    .get(m.pattern().as_usize())
                    .map(|p| (m.start(), m.end(), p.as_str()))
            })
    }
}

/// Parses a TOML document, turning a syntax error into a [`RuleError`]
/// that names the file and the line.
pub fn parse_toml<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, RuleError> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        RuleError {
            file: file.to_string(),
            line,
            message: crate::text::clean_line(e.message()),
        }
    })
}

/// The line of the `n`th `[[table]]` header in a TOML text, for errors.
pub fn table_line(text: &str, table: &str, n: usize) -> Option<usize> {
    let header = format!("[[{table}]]");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .nth(n)
        .map(|(i, _)| i + 1)
}

/// Compiles the triggers of a rules file. `langs` are the registered
/// languages as (code, spaced); `own` is the language of a language's own
/// file, whose triggers name none.
pub fn compile_triggers(
    file: &str,
    text: &str,
    specs: &[TriggerSpec],
    langs: &[(&str, bool)],
    own: Option<usize>,
) -> Result<Vec<Trigger>, RuleError> {
    let mut out = Vec::with_capacity(specs.len());
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, t) in specs.iter().enumerate() {
        let err = |message: String| RuleError {
            file: file.to_string(),
            line: table_line(text, "trigger", i),
            message,
        };
        // an id names one trigger: `disable` must not silence two
        if let Some(id) = t.id.as_deref() {
            if !seen.insert(id) {
                return Err(err(format!("a second trigger with the id '{id}'")));
            }
        }
        let kind = if t.kind == "effect" {
            TriggerKind::Effect
        } else {
            TriggerKind::Kind(t.kind.parse::<Kind>().map_err(err)?)
        };
        let codes = || langs.iter().map(|l| l.0).collect::<Vec<_>>().join(" or ");
        let lang = match (&t.lang, own) {
            (None, Some(own)) => own,
            (None, None) => return Err(err(format!("trigger without lang ({})", codes()))),
            (Some(code), _) => langs
                .iter()
                .position(|l| l.0 == code)
                .ok_or_else(|| err(format!("unknown lang '{code}' ({})", codes())))?,
        };
        let spaced = langs.get(lang).is_some_and(|l| l.1);
        let pattern = if spaced {
            format!("(?i){}", t.pattern)
        } else {
            t.pattern.clone()
        };
        let regex = Regex::new(&pattern)
            .map_err(|e| err(format!("bad pattern: {}", first_line(&e.to_string()))))?;
        let absorbs = t
            .absorbs
            .iter()
            .map(|k| k.parse::<Kind>().map_err(err))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(Trigger {
            id: t.id.clone(),
            kind,
            lang,
            regex,
            absorbs,
            weight: t.weight.unwrap_or(1.0).clamp(0.0, 1.0),
            nominal: t.nominal,
        });
    }
    Ok(out)
}

/// The line of the first quoted `word` in `text`, for errors.
pub fn quoted_line(text: &str, word: &str) -> Option<usize> {
    let (dq, sq) = (format!("\"{word}\""), format!("'{word}'"));
    text.lines()
        .position(|l| l.contains(&dq) || l.contains(&sq))
        .map(|i| i + 1)
}

/// Checks the entity specs of a file (known types, non-empty names).
pub fn check_entities(file: &str, text: &str, specs: &[EntitySpec]) -> Result<(), RuleError> {
    for (i, e) in specs.iter().enumerate() {
        let err = |message: String| RuleError {
            file: file.to_string(),
            line: table_line(text, "entity", i),
            message,
        };
        if e.name.trim().is_empty() {
            return Err(err("entity with an empty name".into()));
        }
        if !ENTITY_TYPES.contains(&e.kind.as_str()) {
            return Err(err(format!(
                "unknown entity type '{}' (one of: {})",
                e.kind,
                ENTITY_TYPES.join(", ")
            )));
        }
    }
    Ok(())
}

fn first_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or(s)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_names_file_and_line() {
        let text = "[[trigger]]\nkind = \"ban\"\nlang = \"en\"\npattern = \n";
        let e = parse_toml::<RulesFile>("rules.toml", text).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("rules.toml:4:"), "{e}");
    }

    #[test]
    fn unknown_keys_are_refused_with_file_and_line() {
        let rules = "[[trigger]]\nkind = \"ban\"\nlang = \"en\"\npatern = \"banned\"\n";
        let e = parse_toml::<RulesFile>("rules.toml", rules)
            .err()
            .map(|e| e.to_string());
        let e = e.unwrap_or_default();
        assert!(
            e.starts_with("rules.toml:4: ") && e.contains("patern"),
            "{e}"
        );
        let ents = "[[entity]]\nname = \"Acme\"\ntype = \"company\"\nalias = [\"A\"]\n";
        let e = parse_toml::<EntitiesFile>("entities.toml", ents)
            .err()
            .map(|e| e.to_string());
        let e = e.unwrap_or_default();
        assert!(
            e.starts_with("entities.toml:4: ") && e.contains("alias"),
            "{e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }

    const LANGS: &[(&str, bool)] = &[("en", true), ("zh", false)];

    #[test]
    fn an_unknown_language_or_none_is_refused_at_its_trigger() {
        let text = "[[trigger]]\nkind = \"ban\"\nlang = \"fr\"\npattern = \"x\"\n\n[[trigger]]\nkind = \"ban\"\npattern = \"x\"\n";
        let file: RulesFile = parse_toml("r.toml", text).unwrap_or_default();
        let e = compile_triggers("r.toml", text, &file.trigger[..1], LANGS, None).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(e, "r.toml:1: unknown lang 'fr' (en or zh)");
        let e = compile_triggers("r.toml", text, &file.trigger, LANGS, Some(0)).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(e, "r.toml:1: unknown lang 'fr' (en or zh)");
        let e = compile_triggers("r.toml", text, &file.trigger[1..], LANGS, None).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(e, "r.toml:1: trigger without lang (en or zh)");
        // in a language's own file the language is implied
        let own = compile_triggers("r.toml", text, &file.trigger[1..], LANGS, Some(1));
        assert_eq!(own.map(|t| t[0].lang).ok(), Some(1));
    }

    #[test]
    fn an_unknown_kind_names_its_trigger_line() {
        let text = "[[trigger]]\nkind = \"ban\"\nlang = \"en\"\npattern = \"banned\"\n\n[[trigger]]\nkind = \"war\"\nlang = \"en\"\npattern = \"x\"\n";
        let file: RulesFile = parse_toml("r.toml", text).unwrap_or_default();
        let e = compile_triggers("r.toml", text, &file.trigger, LANGS, None).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("r.toml:6: unknown kind 'war'"), "{e}");
    }

    #[test]
    fn a_bad_regex_is_reported() {
        let text = "[[trigger]]\nkind = \"ban\"\nlang = \"zh\"\npattern = \"(禁止\"\n";
        let file: RulesFile = parse_toml("r.toml", text).unwrap_or_default();
        let e = compile_triggers("r.toml", text, &file.trigger, LANGS, None).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("r.toml:1: bad pattern"), "{e}");
    }

    #[test]
    fn a_second_trigger_with_one_id_is_reported_at_its_line() {
        let text = "[[trigger]]\nid = \"x-1\"\nkind = \"ban\"\nlang = \"en\"\npattern = \"banned\"\n\n[[trigger]]\nid = \"x-1\"\nkind = \"ban\"\nlang = \"en\"\npattern = \"barred\"\n";
        let file: RulesFile = parse_toml("r.toml", text).unwrap_or_default();
        let e = compile_triggers("r.toml", text, &file.trigger, LANGS, None).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.starts_with("r.toml:7: a second trigger with the id 'x-1'"),
            "{e}"
        );
    }

    #[test]
    fn an_unknown_entity_type_is_reported() {
        let text = "[[entity]]\nname = \"Acme\"\ntype = \"planet\"\n";
        let file: EntitiesFile = parse_toml("e.toml", text).unwrap_or_default();
        let e = check_entities("e.toml", text, &file.entity).err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.starts_with("e.toml:1: unknown entity type 'planet'"),
            "{e}"
        );
    }
}
