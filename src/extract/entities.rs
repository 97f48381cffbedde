//! Names: the gazetteer (canonical entities with English and Chinese
//! aliases, matched in one Aho–Corasick pass) and recognition of
//! organisations the gazetteer does not know.
//!
//! Users search by any name ("华为", "Huawei Technologies") and expect one
//! entity, so every alias resolves to one canonical name; a company nobody
//! listed still shows up under its own name.

use super::rules::EntitySpec;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A known entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub owner: Option<String>,
}

/// A name found in a text: byte range, canonical name, type.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: String,
    /// The list's keeper, for government lists.
    pub owner: Option<String>,
    /// False for organisations recognised by shape, not by the gazetteer.
    pub known: bool,
}

/// Every known entity and a matcher over all their aliases.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    matcher: Option<AhoCorasick>,
    /// Pattern index → entity index.
    owners: Vec<usize>,
    /// Lower-cased alias → the first entity that has it, for [`Self::lookup`].
    by_alias: HashMap<String, usize>,
}

impl Gazetteer {
    /// Builds the gazetteer; later specs with the same canonical name add
    /// aliases to the earlier one (so a user file can extend a built-in).
    pub fn new(specs: &[EntitySpec]) -> Gazetteer {
        let mut entities: Vec<Entity> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for s in specs {
            let key = s.name.to_lowercase();
            let idx = *by_name.entry(key).or_insert_with(|| {
                entities.push(Entity {
                    name: s.name.trim().to_string(),
                    kind: s.kind.clone(),
                    aliases: Vec::new(),
                    owner: None,
                });
                entities.len() - 1
            });
            let e = &mut entities[idx];
            if s.owner.is_some() {
                e.owner = s.owner.clone();
            }
            for a in std::iter::once(&s.name).chain(&s.aliases) {
                let a = a.trim();
                if !a.is_empty() && !e.aliases.iter().any(|x| x == a) {
                    e.aliases.push(a.to_string());
                }
            }
        }
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            for a in &e.aliases {
                patterns.push(a.clone());
                owners.push(i);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        let mut by_alias = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            for a in &e.aliases {
                by_alias.entry(a.to_lowercase()).or_insert(i);
            }
        }
        Gazetteer {
            entities,
            matcher,
            owners,
            by_alias,
        }
    }

    /// The entity with this canonical name or alias (any case).
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        self.by_alias
            .get(&name.to_lowercase())
            .and_then(|&i| self.entities.get(i))
    }

    /// Every known name in `text`, in order, whole words only for Latin
    /// names.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let Some(m) = &self.matcher else {
            return out;
        };
        for hit in m.find_iter(text) {
            let (s, e) = (hit.start(), hit.end());
            if !whole_word(text, s, e) {
                continue;
            }
            let Some(ent) = self
                .owners
                .get(hit.pattern().as_usize())
                .and_then(|&i| self.entities.get(i))
            else {
                continue;
            };
            out.push(Found {
                start: s,
                end: e,
                name: ent.name.clone(),
                kind: ent.kind.clone(),
                owner: ent.owner.clone(),
                known: true,
            });
        }
        out
    }
}

/// True when the match does not cut a Latin word in two.
fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let first = text[s..e].chars().next();
    let last = text[s..e].chars().next_back();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !((latin(first) && latin(before)) || (latin(last) && latin(after)))
}

/// Capitalised words that are not names on their own.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "And",
    "But",
    "Or",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "This",
    "That",
    "These",
    "Those",
    "Some",
    "Analysts",
    "Officials",
    "Chinese",
    "American",
    "European",
    "U.S.",
    "US",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Earlier",
    "Later",
    "Separately",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "Under",
    "Since",
    "Shares",
    "President",
    "Secretary",
    "Minister",
    "Judge",
    "Gov",
    "Rep",
    "Sen",
    "Chief",
    "Executive",
    // "Executive Order 13873": an instrument, not an organisation
    "Order",
    "Federal",
    "State",
    "Former",
    "Key",
    "Lawmakers",
    // a House bill's number ("H.R. 3919"), not an organisation
    "H.R",
    "Legal",
    "Some",
    "Several",
    // counts that open a sentence ("Three days later, …")
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Many",
    "Most",
    "All",
    "Both",
    "Neither",
    "No",
    "Nothing",
    "Buyers",
    "Traders",
    "Rural",
    "Memory",
    "Cloud",
    "Governments",
    "Republican",
    "Democratic",
    "Senator",
    // words that open the sentences of legal and policy documents
    "Section",
    "Accordingly",
    "Plaintiffs",
    "Defendants",
    "Petitioners",
    "Figure",
    "Table",
    "Dkt",
    "Average",
    "Last",
    "Next",
    "This",
    // the first word of an instrument's title ("the Provisions on …")
    "Provisions",
    "Regulations",
    "Measures",
    // words that open a sentence or a clause, not a name ("Although the
    // agency added …", "Effective June 1, …", "Annex I of the rule …")
    "Although",
    "Though",
    "Whereas",
    "Because",
    "Unless",
    "Until",
    "Upon",
    "Pursuant",
    "Following",
    "According",
    "Additionally",
    "Further",
    "Furthermore",
    "Moreover",
    "However",
    "Thereafter",
    "Subsequently",
    "Certain",
    "Effective",
    "Included",
    "Including",
    "Annex",
    "Also",
    "Thus",
    "Therefore",
    "Instead",
    "Notably",
    "Currently",
    "Previously",
    "Recently",
];

/// Suffixes that mark a Chinese organisation name.
const ZH_ORG_SUFFIXES: &[&str] = &[
    "有限合伙公司",
    "有限责任公司",
    "股份有限公司",
    "有限公司",
    "集团",
    "公司",
];

/// Characters a Chinese organisation name does not start after.
const ZH_STOPS: &str =
    "将对与和及被把向在由等的了从、，。；：“”《》（）「」 为于是其该此已又还也均";

/// Organisations the gazetteer does not know: runs of capitalised words in
/// English ("Moore Threads", "Acme Robotics Inc") and names ending in
/// 公司/集团 in Chinese. `known` holds the gazetteer's finds, which win.
pub fn unknown_orgs(text: &str, known: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    static CAPS: OnceLock<Option<Regex>> = OnceLock::new();
    let caps = CAPS.get_or_init(|| {
        Regex::new(r"\b[A-Z][A-Za-z0-9&'’.-]*(?:\s+(?:of\s+|for\s+|de\s+)?[A-Z][A-Za-z0-9&'’.-]*)*")
            .ok()
    });
    let mut known_spans = Spans::default();
    for k in known {
        known_spans.insert(k.start, k.end);
    }
    let overlaps = |s: usize, e: usize| known_spans.overlaps(s, e);
    let known_ends: std::collections::HashSet<usize> = known.iter().map(|k| k.end).collect();
    let mut taken = Spans::default();
    // on an ASCII stand-in: fast whatever the text (see `shadow`)
    let shadow = (!text.is_ascii()).then(|| super::shadow::AsciiShadow::new(text));
    let hay = shadow.as_ref().map_or(text, |sh| sh.text.as_str());
    let back = |i: usize| shadow.as_ref().map_or(i, |sh| sh.original(i));
    if let Some(re) = caps {
        for m in re.find_iter(hay) {
            let mut s = back(m.start());
            let mut name = sentence_end(&text[s..back(m.end())]).trim_end_matches(['.', '\'', '’']);
            // "a ban on Northwind Tech's app": the owner, not its possessive
            // (a lone "Sweden's" before a body stays out, as below)
            if name.contains(char::is_whitespace) {
                name = name
                    .strip_suffix("'s")
                    .or_else(|| name.strip_suffix("’s"))
                    .unwrap_or(name);
            }
            // Drop leading words that are not names ("The", "Chinese").
            loop {
                let first = name.split_whitespace().next().unwrap_or("");
                let first_clean = first.trim_end_matches(['.', '\'', '’', 's']);
                if NOT_NAMES.contains(&first)
                    || NOT_NAMES.contains(&first_clean)
                    || first.ends_with("'s")
                    || first.ends_with("’s")
                {
                    match name.find(char::is_whitespace) {
                        Some(sp) => {
                            let rest = name[sp..].trim_start();
                            s += name.len() - rest.len();
                            name = rest;
                        }
                        None => {
                            name = "";
                            break;
                        }
                    }
                } else {
                    break;
                }
            }
            // "President of Ruritania" less its title is "Ruritania"
            for joint in ["of ", "for ", "de "] {
                if let Some(rest) = name.strip_prefix(joint) {
                    s += joint.len();
                    name = rest;
                }
            }
            let name = name.trim_end_matches(['.', '\'', '’']);
            // "New York Gov. Kathy Hochul": a title inside the run parts a
            // place or body from the person who holds the title there
            for (at, piece) in split_at_title(name) {
                let piece = piece.trim_end_matches(['.', '\'', '’']);
                if piece.len() < 3 || NOT_NAMES.contains(&piece) {
                    continue;
                }
                let (ps, pe) = (s + at, s + at + piece.len());
                if overlaps(ps, pe) || quoted_title(text, ps) {
                    continue;
                }
                taken.insert(ps, pe);
                out.push(Found {
                    start: ps,
                    end: pe,
                    name: piece.to_string(),
                    kind: "org".into(),
                    owner: None,
                    known: false,
                });
            }
        }
    }
    for suffix in ZH_ORG_SUFFIXES {
        let mut from = 0;
        while let Some(pos) = text[from..].find(suffix) {
            let end = from + pos + suffix.len();
            let mut start = from + pos;
            let mut count = 0;
            for (i, c) in text[..from + pos].char_indices().rev() {
                let after_known = known_ends.contains(&(i + c.len_utf8()));
                if ZH_STOPS.contains(c)
                    || c.is_whitespace()
                    || count >= 10
                    || c.is_ascii_digit()
                    || after_known
                {
                    break;
                }
                start = i;
                count += 1;
            }
            from = end;
            if count < 2 || overlaps(start, end) || taken.overlaps(start, end) {
                continue;
            }
            taken.insert(start, end);
            out.push(Found {
                start,
                end,
                name: text[start..end].to_string(),
                kind: "org".into(),
                owner: None,
                known: false,
            });
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Titles that part a run of capitalised words when they stand inside it.
const TITLES: &[&str] = &[
    "Gov.",
    "Gov",
    "Governor",
    "Sen.",
    "Senator",
    "Rep.",
    "Judge",
    "President",
    "Secretary",
    "Minister",
    "Mayor",
    "Chairman",
];

/// A name run cut round a title word inside it, as (byte offset, piece):
/// "New York Gov. Kathy Hochul" is "New York" and "Kathy Hochul".
fn split_at_title(name: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    for w in name.split_inclusive(char::is_whitespace) {
        let word = w.trim_end();
        if at > 0 && TITLES.contains(&word) {
            let rest_at = at + w.len();
            let mut out = vec![(0, name[..at].trim_end())];
            if rest_at < name.len() {
                out.push((rest_at, &name[rest_at..]));
            }
            return out;
        }
        at += w.len();
    }
    vec![(0, name)]
}

/// True when a capitalised run opens a quoted title of four words or
/// more ("issued an “Identification of Prohibited Transactions to
/// Implement …”"): a document's title, not an organisation.
fn quoted_title(text: &str, start: usize) -> bool {
    let before = text[..start].chars().next_back();
    if !matches!(before, Some('"' | '“')) {
        return false;
    }
    let rest = &text[start..];
    let close = rest.find(['"', '”']).unwrap_or(rest.len());
    rest[..close].split_whitespace().count() >= 4
}

/// A run of capitalised words cut where a sentence ends inside it: "Data
/// Act. Since" is "Data Act." (a word of three letters or more closing on
/// a full stop ends a sentence; "U.S." and "St." do not).
fn sentence_end(run: &str) -> &str {
    let mut at = 0;
    for w in run.split_inclusive(char::is_whitespace) {
        at += w.len();
        let t = w.trim_end();
        let word = t.trim_end_matches('.');
        if t.ends_with('.') && word.len() >= 3 && !word.contains('.') && at < run.len() {
            return run[..at].trim_end();
        }
    }
    run
}

/// Byte ranges as disjoint sorted intervals (overlapping ones merged), for
/// "does this overlap anything taken" in logarithmic time: an article with
/// thousands of names must not cost names x names.
#[derive(Default)]
struct Spans(std::collections::BTreeMap<usize, usize>);

impl Spans {
    fn insert(&mut self, mut start: usize, mut end: usize) {
        while let Some((&s, &e)) = self.0.range(..end).next_back() {
            if e < start {
                break;
            }
            self.0.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        self.0.insert(start, end);
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.0
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_merge_and_answer_overlaps() {
        let mut sp = Spans::default();
        sp.insert(10, 20);
        sp.insert(30, 40);
        sp.insert(18, 32);
        assert_eq!(sp.0.len(), 1);
        assert!(
            sp.overlaps(39, 50)
                && sp.overlaps(0, 11)
                && !sp.overlaps(40, 50)
                && !sp.overlaps(0, 10)
        );
        sp.insert(60, 70);
        assert!(!sp.overlaps(45, 60) && sp.overlaps(45, 61));
    }

    fn gaz() -> Gazetteer {
        let spec = |name: &str, kind: &str, aliases: &[&str]| EntitySpec {
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            owner: None,
        };
        Gazetteer::new(&[
            spec(
                "Huawei",
                "company",
                &["Huawei Technologies", "华为", "华为技术有限公司"],
            ),
            spec(
                "Commerce Department",
                "agency",
                &["U.S. Commerce Department", "美国商务部"],
            ),
            spec(
                "Ministry of Commerce",
                "agency",
                &["商务部", "commerce ministry"],
            ),
            spec("Huawei", "company", &["HW"]),
        ])
    }

    #[test]
    fn english_and_chinese_aliases_resolve_to_one_name() {
        let g = gaz();
        let names: Vec<String> = g
            .find("Huawei Technologies, 华为技术有限公司 and 华为 and HW")
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, vec!["Huawei"; 4]);
    }

    #[test]
    fn the_longest_alias_wins() {
        let g = gaz();
        let f = g.find("美国商务部宣布，商务部回应");
        let names: Vec<&str> = f.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["Commerce Department", "Ministry of Commerce"]);
    }

    #[test]
    fn latin_aliases_match_whole_words_only() {
        let g = gaz();
        assert!(g.find("HWY 5 and SHW").is_empty());
    }

    #[test]
    fn lookup_is_case_insensitive() {
        let g = gaz();
        assert_eq!(
            g.lookup("COMMERCE MINISTRY").map(|e| e.name.as_str()),
            Some("Ministry of Commerce")
        );
    }

    #[test]
    fn unknown_english_organisations_are_recognised() {
        let text = "The agency added Chinese graphics firm Moore Threads and Acme Robotics Inc to the list.";
        let names: Vec<String> = unknown_orgs(text, &[])
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert!(names.contains(&"Moore Threads".to_string()), "{names:?}");
        assert!(
            names.contains(&"Acme Robotics Inc".to_string()),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|n| n == "The" || n == "Chinese"),
            "{names:?}"
        );
    }

    #[test]
    fn unknown_chinese_organisations_are_recognised() {
        let text = "商务部将星辰航天有限公司、蓝海科技集团等企业列入清单";
        let names: Vec<String> = unknown_orgs(text, &[])
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, vec!["星辰航天有限公司", "蓝海科技集团"]);
    }
}
