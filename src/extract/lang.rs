//! Languages as values. Each language dateline reads is one data file
//! (`data/lang/<code>.toml`: triggers with ids, modality cues, linking and
//! date phrases, the word lists the construction code reads) and one date
//! grammar (`dates/<code>.rs`), listed once in [`BUILTIN`]. The article's
//! language, detected from its letters, chooses the rules a sentence is
//! read with; a sentence written wholly in another registered script (a
//! quoted Chinese paragraph in an English story) is read as that language.
//!
//! Adding a language is adding its file, its date grammar and one line to
//! [`BUILTIN`] and to `dates::GRAMMARS` (see `docs/languages.md`).

use super::rules::{DateCueSpec, RuleError};
use serde::Deserialize;
use std::sync::OnceLock;

/// A language built into the binary: its code and its data file.
pub struct Builtin {
    pub code: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

/// The registry of built-in languages, keyed by code. The order is the
/// order in which their rules are compiled.
pub const BUILTIN: &[Builtin] = &[
    Builtin {
        code: "en",
        file: "data/lang/en.toml",
        text: include_str!("../../data/lang/en.toml"),
    },
    Builtin {
        code: "zh",
        file: "data/lang/zh.toml",
        text: include_str!("../../data/lang/zh.toml"),
    },
];

/// The script a language is written in: which characters are its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Latin letters (ASCII and the Latin-1 and Latin Extended blocks).
    Latin,
    /// CJK ideographs.
    Han,
}

impl Script {
    /// Whether `c` is a letter of this script.
    pub fn holds(self, c: char) -> bool {
        match self {
            Script::Latin => {
                c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{c0}'..'\u{250}').contains(&c))
            }
            Script::Han => crate::text::is_han(c),
        }
    }
}

/// A language within a compiled rule set: an index into its languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(pub(crate) usize);

/// `data/lang/<code>.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangFile {
    pub code: String,
    pub name: String,
    pub script: Script,
    /// Words separated by spaces: patterns match case-insensitively and
    /// cues as whole words.
    pub spaced: bool,
    #[serde(default)]
    pub modality: ModalityWords,
    #[serde(default)]
    pub cues: CueWords,
    #[serde(default)]
    pub dates: DateCueSpec,
    #[serde(default)]
    pub words: Words,
    #[serde(default)]
    pub effect_noun: Vec<EffectWords>,
    #[serde(default)]
    pub trigger: Vec<super::rules::TriggerSpec>,
}

/// The modality cues of one language.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityWords {
    #[serde(default)]
    pub hedge: Vec<String>,
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub reported: Vec<String>,
    #[serde(default)]
    pub not_cue: Vec<String>,
}

/// Linking cues and non-event cues of one language.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueWords {
    #[serde(default)]
    pub link: Vec<String>,
    #[serde(default)]
    pub nonevent: Vec<String>,
}

/// Nouns of one language that, as the subject of "took effect", give the
/// event's kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectWords {
    pub kind: String,
    #[serde(default)]
    pub words: Vec<String>,
}

/// The word lists the construction code reads. A language without a
/// construction leaves its list empty, and the construction finds nothing.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Verbs that report what someone else did ("said on Tuesday that …").
    #[serde(default)]
    pub reporting: Vec<String>,
    /// Words that make a sentence speak of the future.
    #[serde(default)]
    pub future: Vec<String>,
    /// Past forms that do not end in -ed.
    #[serde(default)]
    pub irregular_past: Vec<String>,
    /// Verb forms that are also plural nouns ("bans").
    #[serde(default)]
    pub noun_like: Vec<String>,
    /// Words after which such a form is a noun ("the bans").
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Participles that also serve as adjectives ("sanctioned"): after a
    /// determiner or one of `attributive_leads` ("to sanctioned buyers")
    /// they describe a noun, and assert no act.
    #[serde(default)]
    pub attributive: Vec<String>,
    /// Words that, besides the determiners, put such a participle before
    /// its noun.
    #[serde(default)]
    pub attributive_leads: Vec<String>,
    /// Words before "whether" that open a question, not a doubt.
    #[serde(default)]
    pub question_leads: Vec<String>,
    /// Definite nouns that sum up a measure just named ("the curbs").
    #[serde(default)]
    pub summing_nouns: Vec<String>,
    /// Words that end a subject before a verb ("has", "also").
    #[serde(default)]
    pub subject_ends: Vec<String>,
    /// Forms of "be" and "get" that make a participle passive.
    #[serde(default)]
    pub be: Vec<String>,
    /// Words before a date a measure applies from ("starting").
    #[serde(default)]
    pub from: Vec<String>,
    /// How an official document names itself (本决定).
    #[serde(default)]
    pub self_reference: Vec<String>,
    /// How an official document begins to cite the instrument it acts
    /// under (依据), and how the citation ends (函办理): the instrument's
    /// date dates the document's own undated measures.
    #[serde(default)]
    pub instrument_heads: Vec<String>,
    #[serde(default)]
    pub instrument_tails: Vec<String>,
    /// Phrases that refer back to a named entity: (phrase, what the
    /// entity's name contains, or its type after "type:").
    #[serde(default)]
    pub anaphors: Vec<(String, String)>,
    /// "a day after": phrases that date an event a number of days before
    /// the date that follows them.
    #[serde(default)]
    pub days_after: Vec<(String, i64)>,
    /// "a week later": phrases that date an event a number of days after
    /// the date before them.
    #[serde(default)]
    pub days_later: Vec<(String, i64)>,
    /// Words that place an act vaguely before the document ("日前", "a few
    /// days ago"): a sentence that holds one reports an earlier act, so it
    /// is not in the document's own voice and takes no document day.
    #[serde(default)]
    pub vague_past: Vec<String>,
    /// Words that open a report of what an announcement says ("公告称",
    /// "根据公告"): right after a sentence dating the announcement's issue
    /// ("6月10日，商务部发布公告。"), what they report is of that day.
    #[serde(default)]
    pub announcement_refs: Vec<String>,
    /// "later that month", "the following year": phrases that date an
    /// event by the month or year of the date before them, with the unit
    /// ("month" or "year") and how many of it later.
    #[serde(default)]
    pub period_phrases: Vec<(String, String, i32)>,
    /// "of that year", "of the same year" right after a year-less date
    /// ("filed on Jan. 24 of that year"): the date is in the year of the
    /// written-out date before it, wherever publication would put it.
    #[serde(default)]
    pub that_year: Vec<String>,
    /// Those who accuse by their role, with no name ("prosecutors",
    /// "lawmakers"): an accusation needs someone to make it.
    #[serde(default)]
    pub accusers: Vec<String>,
    /// Verbs of a criminal charge ("charged", "indicted") and what follows
    /// one that names its crime (" with ", " on charges"): only a state
    /// charges, so such a charge needs no accuser named.
    #[serde(default)]
    pub criminal_charges: (Vec<String>, Vec<String>),
    /// Adjectives of a country before the goods a tariff hits ("Chinese
    /// goods"), with the country's canonical name, and the nouns of goods
    /// (see `constructions::goods`).
    #[serde(default)]
    pub demonyms: Vec<(String, String)>,
    #[serde(default)]
    pub goods: Vec<String>,
    /// "each time", "both times": phrases that repeat an act on every
    /// date of the sentence before ("on July 6 … and on August 23 …. China
    /// retaliated each time"), one event a date.
    #[serde(default)]
    pub each_time: Vec<String>,
}

/// Whether `list` holds `word`.
pub fn has(list: &[String], word: &str) -> bool {
    list.iter().any(|x| x == word)
}

/// The built-in language files, parsed once.
pub fn builtin_files() -> &'static [(&'static Builtin, LangFile)] {
    static FILES: OnceLock<Vec<(&'static Builtin, LangFile)>> = OnceLock::new();
    FILES.get_or_init(|| {
        BUILTIN
            .iter()
            .filter_map(|b| parse(b.file, b.text).ok().map(|f| (b, f)))
            .collect()
    })
}

/// The built-in word lists of the language with `code` (empty lists for a
/// language that is not built in).
pub fn words(code: &str) -> &'static Words {
    static NONE: OnceLock<Words> = OnceLock::new();
    builtin_files()
        .iter()
        .find(|(b, _)| b.code == code)
        .map(|(_, f)| &f.words)
        .unwrap_or_else(|| NONE.get_or_init(Words::default))
}

/// Parses a language file, checking that its code is its file's.
pub fn parse(file: &str, text: &str) -> Result<LangFile, RuleError> {
    let f: LangFile = super::rules::parse_toml(file, text)?;
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    if f.code != stem {
        return Err(RuleError {
            file: file.to_string(),
            line: text
                .lines()
                .position(|l| l.trim_start().starts_with("code"))
                .map(|i| i + 1),
            message: format!("code '{}' is not the file's name '{stem}'", f.code),
        });
    }
    Ok(f)
}

/// How much of an article language detection reads: enough to outweigh a
/// quoted paragraph, not a scan of a 2 MB item.
pub const DETECT_CHARS: usize = 4000;

/// Which language a text is in: the registered language with the most
/// letters in its first [`DETECT_CHARS`] characters; with none, the one
/// `tag` names, else the first.
pub fn detect(scripts: &[Script], text: &str, tag: Option<usize>) -> usize {
    let mut counts = vec![0usize; scripts.len()];
    for c in text
        .chars()
        .take(DETECT_CHARS)
        .filter(|c| c.is_alphabetic())
    {
        if let Some(i) = scripts.iter().position(|s| s.holds(c)) {
            counts[i] += 1;
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return tag.unwrap_or(0);
    }
    // a tie goes to the tagged language, else the one listed first
    match tag {
        Some(t) if counts.get(t) == Some(&best) => t,
        _ => counts.iter().position(|&c| c == best).unwrap_or(0),
    }
}

/// The language a sentence of an article in `article` is read in.
///
/// A sentence holding letters of an unspaced language (Chinese) is read
/// in that language: its patterns match only its own characters, so the
/// Latin names among them do not disturb it, while a spaced language's
/// patterns would read the ideographs as unknown words (and keyword soup
/// of both scripts sends their prefilter's lazy DFA into a slow fallback
/// that stays for every later sentence on the thread). Otherwise the
/// article's language reads it when it holds its letters, else the
/// language whose letters it holds.
pub fn of_sentence(scripts: &[(Script, bool)], article: usize, s: &str) -> usize {
    let mut own = false;
    let mut other = None;
    for c in s.chars() {
        if let Some(i) = scripts.iter().position(|x| x.0.holds(c)) {
            if !scripts[i].1 {
                return i;
            }
            own |= i == article;
            other = other.or(Some(i));
        }
    }
    if own {
        article
    } else {
        other.unwrap_or(article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_language_parses_and_is_keyed_by_its_code() {
        for b in BUILTIN {
            let f = parse(b.file, b.text);
            assert!(f.is_ok(), "{}: {:?}", b.file, f.err());
            assert_eq!(f.map(|f| f.code).ok().as_deref(), Some(b.code));
        }
        assert_eq!(builtin_files().len(), BUILTIN.len());
    }

    #[test]
    fn a_file_whose_code_is_not_its_name_is_refused_at_its_line() {
        let text = "name = \"French\"\ncode = \"de\"\nscript = \"latin\"\nspaced = true\n";
        let e = parse("data/lang/fr.toml", text)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("data/lang/fr.toml:2: code 'de' is not the file's name 'fr'")
        );
    }

    #[test]
    fn the_article_language_is_the_script_with_most_letters() {
        let scripts = [Script::Latin, Script::Han];
        assert_eq!(detect(&scripts, "华为（Huawei）被列入实体清单。", None), 1);
        assert_eq!(
            detect(&scripts, "Huawei (华为) was added to the list.", None),
            0
        );
        assert_eq!(detect(&scripts, "2019-05-16", Some(1)), 1);
        assert_eq!(detect(&scripts, "2019-05-16", None), 0);
    }

    #[test]
    fn a_sentence_is_read_in_its_article_language_or_the_unspaced_one_it_holds() {
        let scripts = [(Script::Latin, true), (Script::Han, false)];
        assert_eq!(of_sentence(&scripts, 0, "The list grew on May 15."), 0);
        assert_eq!(of_sentence(&scripts, 0, "商务部将华为列入清单。"), 1);
        // Chinese patterns read their own characters; the Latin name is no bar
        assert_eq!(of_sentence(&scripts, 0, "Huawei (华为) was added."), 1);
        assert_eq!(of_sentence(&scripts, 1, "华为（Huawei）被列入清单。"), 1);
        // a Chinese article: a quoted English sentence is read as English
        assert_eq!(of_sentence(&scripts, 1, "The list grew on May 15."), 0);
        // no letters: the article's language
        assert_eq!(of_sentence(&scripts, 1, "2019.5.16"), 1);
        assert_eq!(of_sentence(&scripts, 0, "2019.5.16"), 0);
    }
}
