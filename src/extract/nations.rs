//! Which government a name speaks for, and which known names a sentence
//! mentions: entity knowledge both the extractor (one side of a
//! per-article duplicate) and the timeline's merger use.
//!
//! Reports of one incident name its actor at different levels: one says
//! "China", another "the Ministry of Commerce"; one "Washington", another
//! "the Pentagon". The merger must see these as compatible, yet keep two
//! different agencies of one country apart. This module maps each body to
//! its country (a small table kept here, so the gazetteer needs no new
//! field), tells countries (weak evidence: nearly every report names one)
//! from specific names, and finds the gazetteer's names in an evidence
//! sentence, so a report whose extracted names missed the company it is
//! about can still meet the other reports of it.

use super::entities::{Found, Gazetteer};
use super::Rules;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Government bodies, courts and heads of state by the country they act
/// for, under their canonical gazetteer names.
const BODIES: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "Commerce Department",
            "Department of Defense",
            "Treasury Department",
            "Justice Department",
            "State Department",
            "Federal Communications Commission",
            "Federal Trade Commission",
            "Securities and Exchange Commission",
            "Office of the U.S. Trade Representative",
            "Department of Homeland Security",
            "Interior Department",
            "U.S. Army",
            "U.S. Navy",
            "CFIUS",
            "U.S. Senate",
            "House of Representatives",
            "House Energy and Commerce Committee",
            "Congress",
            "U.S. District Court for the District of Columbia",
            "U.S. District Court for the Northern District of California",
            "U.S. District Court for the District of Montana",
            "U.S. District Court for the Eastern District of Pennsylvania",
            "U.S. District Court for the Western District of Texas",
            "U.S. Supreme Court",
            "U.S. Court of Appeals",
            "U.S. Court of International Trade",
        ],
    ),
    (
        "China",
        &[
            "Ministry of Commerce",
            "General Administration of Customs",
            "Cyberspace Administration of China",
            "State Administration for Market Regulation",
            "Customs Tariff Commission of the State Council",
            "Ministry of Foreign Affairs",
            "Ministry of Industry and Information Technology",
            "National Development and Reform Commission",
            "National People's Congress",
        ],
    ),
    (
        "Taiwan",
        &[
            "Executive Yuan",
            "Legislative Yuan",
            "Ministry of Economic Affairs",
            "Investment Commission",
            "International Trade Administration",
            "Ministry of Digital Affairs",
            "Investigation Bureau",
            "Taipei High Administrative Court",
            "Supreme Administrative Court",
        ],
    ),
    (
        "South Korea",
        &["Personal Information Protection Commission"],
    ),
    ("Italy", &["Garante"]),
    ("Ireland", &["Data Protection Commission"]),
    ("Netherlands", &["Enterprise Chamber"]),
];

/// Heads of state and government by country: they speak for every body
/// of their government, so a president's order and his trade office's
/// tariff can be one incident. The United States' are its presidents
/// (`US_PRESIDENTS`).
const LEADERS: &[(&str, &[&str])] = &[("China", &["Xi Jinping"])];

/// What "the President" stands for in a text about the United States
/// until the event's date says whose term it fell in.
pub const THE_PRESIDENT: &str = "the President";

/// Presidents of the United States by the day their term began.
const US_PRESIDENTS: &[((i32, u32, u32), &str)] = &[
    ((2009, 1, 20), "Barack Obama"),
    ((2017, 1, 20), "Donald Trump"),
    ((2021, 1, 20), "President Biden"),
    ((2025, 1, 20), "Donald Trump"),
];

/// The President of the United States on `day`, for the terms the table
/// knows (none before 2009).
pub fn us_president_on(day: chrono::NaiveDate) -> Option<&'static str> {
    US_PRESIDENTS
        .iter()
        .rev()
        .find(|((y, m, d), _)| {
            chrono::NaiveDate::from_ymd_opt(*y, *m, *d).is_some_and(|start| day >= start)
        })
        .map(|(_, name)| *name)
}

/// What a name is, for the merger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// A country or a union of them: named by nearly every report, weak
    /// evidence that two reports are one incident.
    Country,
    /// A body that acts for a country (agency, court, legislature, head of
    /// state); carries the country's canonical name.
    Body(&'static str),
    /// A head of state: acts for the country and all its bodies.
    Leader(&'static str),
    /// Anything else: a company, a product, a person, an unknown name.
    Specific,
}

/// Which country each known name speaks for, and the gazetteer to find
/// known names in a sentence: built from the built-in entities, or from
/// the user's (so a name or alias added in entities.toml counts too).
#[derive(Debug, Clone)]
pub struct Nations {
    /// Every alias and canonical name, lower-cased → what it stands for.
    table: HashMap<String, Standing>,
    gazetteer: Gazetteer,
}

impl Nations {
    /// The table of these rules' entities.
    pub fn from_rules(rules: &Rules) -> Nations {
        let mut t: HashMap<String, Standing> = HashMap::new();
        for e in &rules.gazetteer.entities {
            let of = |table: &[(&'static str, &[&str])]| {
                table.iter().find_map(|(country, names)| {
                    names
                        .iter()
                        .any(|b| b.eq_ignore_ascii_case(&e.name))
                        .then_some(*country)
                })
            };
            let leader = of(LEADERS).or_else(|| {
                US_PRESIDENTS
                    .iter()
                    .any(|(_, n)| n.eq_ignore_ascii_case(&e.name))
                    .then_some("United States")
            });
            let st = match (of(BODIES), leader) {
                (Some(c), _) => Standing::Body(c),
                (None, Some(c)) => Standing::Leader(c),
                (None, None) if e.kind == "country" || e.kind == "government" => Standing::Country,
                (None, None) => Standing::Specific,
            };
            for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
                t.entry(a.to_lowercase()).or_insert(st);
            }
        }
        // countries the gazetteer knows only as a body's country
        for (country, _) in BODIES {
            t.entry(country.to_lowercase()).or_insert(Standing::Country);
        }
        Nations {
            table: t,
            gazetteer: rules.gazetteer.clone(),
        }
    }

    /// The version of the built-in rules (whose table is [`Nations::builtin`]).
    pub fn builtin_version() -> &'static str {
        static VERSION: OnceLock<String> = OnceLock::new();
        VERSION.get_or_init(|| Rules::builtin().version)
    }

    /// The table of the built-in entities, built once.
    pub fn builtin() -> &'static Nations {
        static BUILTIN: OnceLock<Nations> = OnceLock::new();
        BUILTIN.get_or_init(|| Nations::from_rules(&Rules::builtin()))
    }

    /// What a spelling stands for (any alias the gazetteer knows).
    pub fn standing(&self, spelling: &str) -> Standing {
        self.table
            .get(&spelling.trim().to_lowercase())
            .copied()
            .unwrap_or(Standing::Specific)
    }

    /// Canonical names of the known entities a sentence mentions, each
    /// once, and apart from them the government lists it names (a list is
    /// where, not who).
    pub fn mentioned(&self, sentence: &str) -> (Vec<String>, Vec<String>) {
        let (mut names, mut lists): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for f in self.gazetteer.find(sentence) {
            let out = if f.kind == "list" {
                &mut lists
            } else {
                &mut names
            };
            if !out.contains(&f.name) {
                out.push(f.name);
            }
        }
        (names, lists)
    }
}

impl Nations {
    /// The government list a sentence names right after `name` (its
    /// canonical name or its spelling there), within 40 characters:
    /// "added Huawei to the Entity List", "将中海油列入实体清单".
    pub fn list_after(&self, sentence: &str, name: &str) -> Option<String> {
        let found = self.gazetteer.find(sentence);
        let end = found
            .iter()
            .find(|f| f.name == name && f.kind != "list")
            .map(|f| f.end)
            .or_else(|| sentence.find(name).map(|at| at + name.len()))?;
        let rest = &sentence[end..];
        let reach = end
            + rest
                .char_indices()
                .nth(40)
                .map(|(i, _)| i)
                .unwrap_or(rest.len());
        found
            .into_iter()
            .filter(|f| f.kind == "list" && f.start >= end && f.start < reach)
            .min_by_key(|f| f.start)
            .map(|f| f.name)
    }
}

impl Nations {
    /// "added A to the Entity List and B to the Military End-User List":
    /// a listing's targets grouped by the list each is put on, in their
    /// order, when the sentence names one list after each group and only
    /// "and" or a comma joins a list to the next group's first target;
    /// otherwise one group of every target. A target with no list of its
    /// own within reach ("A and B to the Entity List") goes on the next
    /// one named.
    pub fn by_list(&self, sentence: &str, targets: &[String]) -> Vec<Vec<String>> {
        let whole = || vec![targets.to_vec()];
        if targets.len() < 2 {
            return whole();
        }
        let found = self.gazetteer.find(sentence);
        let lists: Vec<&Found> = found.iter().filter(|f| f.kind == "list").collect();
        // each target's place and the first list named after it
        let mut placed: Vec<(usize, usize, &String)> = Vec::new();
        for t in targets {
            let Some((start, end)) = found
                .iter()
                .find(|f| &f.name == t && f.kind != "list")
                .map(|f| (f.start, f.end))
                .or_else(|| sentence.find(t.as_str()).map(|at| (at, at + t.len())))
            else {
                return whole();
            };
            placed.push((start, end, t));
        }
        placed.sort_by_key(|p| p.0);
        let list_of = |end: usize| lists.iter().copied().find(|l| l.start >= end);
        let mut groups: Vec<(&Found, Vec<String>)> = Vec::new();
        for (start, end, t) in placed {
            let Some(list) = list_of(end) else {
                return whole();
            };
            match groups.last_mut() {
                Some((l, g)) if l.start == list.start => g.push(t.clone()),
                Some((l, _)) => {
                    // the next group opens right after the last list
                    let gap = sentence.get(l.end..start).unwrap_or("");
                    let gap = gap.trim_matches(|c: char| c.is_whitespace() || ",，、".contains(c));
                    if !["", "and", "as well as", "和", "及", "以及"].contains(&gap) {
                        return whole();
                    }
                    groups.push((list, vec![t.clone()]));
                }
                None => groups.push((list, vec![t.clone()])),
            }
        }
        let names: Vec<&str> = groups.iter().map(|(l, _)| l.name.as_str()).collect();
        if groups.len() < 2 || names.iter().skip(1).all(|n| *n == names[0]) {
            return whole();
        }
        groups.into_iter().map(|(_, g)| g).collect()
    }
}

/// The list named right after `name` in a sentence, by the built-in table
/// (see [`Nations::list_after`]).
pub fn list_after(sentence: &str, name: &str) -> Option<String> {
    Nations::builtin().list_after(sentence, name)
}

/// A listing's targets grouped by the list each is put on, by the built-in
/// table (see [`Nations::by_list`]).
pub fn by_list(sentence: &str, targets: &[String]) -> Vec<Vec<String>> {
    Nations::builtin().by_list(sentence, targets)
}

/// What a spelling stands for in the built-in table.
pub fn standing(spelling: &str) -> Standing {
    Nations::builtin().standing(spelling)
}

/// True when a spelling is a body or the leader of `country`'s
/// government (in the built-in table): it speaks for that country.
pub fn acts_for(spelling: &str, country: &str) -> bool {
    matches!(standing(spelling), Standing::Body(c) | Standing::Leader(c) if c == country)
}

/// The known entities and lists a sentence mentions, by the built-in table.
pub fn mentioned(sentence: &str) -> (Vec<String>, Vec<String>) {
    Nations::builtin().mentioned(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_president_is_whoever_held_office_that_day() {
        let on = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).and_then(us_president_on);
        assert_eq!(on(2022, 12, 29), Some("President Biden"));
        assert_eq!(on(2025, 1, 19), Some("President Biden"));
        assert_eq!(on(2025, 1, 20), Some("Donald Trump"));
        assert_eq!(on(2019, 5, 10), Some("Donald Trump"));
        assert_eq!(on(2001, 9, 1), None);
    }

    #[test]
    fn bodies_belong_to_their_country() {
        let cases = [
            ("Ministry of Commerce", Standing::Body("China")),
            ("商务部", Standing::Body("China")),
            ("Pentagon", Standing::Body("United States")),
            ("Commerce Department", Standing::Body("United States")),
            ("Dutch court", Standing::Body("Netherlands")),
            ("PIPC", Standing::Body("South Korea")),
            ("Donald Trump", Standing::Leader("United States")),
            ("习近平", Standing::Leader("China")),
            ("China", Standing::Country),
            ("Beijing", Standing::Country),
            ("United States", Standing::Country),
            ("European Union", Standing::Country),
            ("Italy", Standing::Body("Italy")),
            ("Huawei", Standing::Specific),
            ("Acme Widgets", Standing::Specific),
        ];
        for (name, want) in cases {
            assert_eq!(standing(name), want, "{name}");
        }
    }

    #[test]
    fn sentences_name_known_entities_in_both_languages() {
        let (en, lists) = mentioned("Regulators in Washington put ZTE on the Entity List.");
        assert_eq!(en, vec!["United States".to_string(), "ZTE".to_string()]);
        assert_eq!(lists, vec!["Entity List".to_string()]);
        let (zh, _) = mentioned("法院暂停了张学政在安世半导体的职务，闻泰科技表示反对。");
        assert!(zh.contains(&"Zhang Xuezheng".to_string()), "{zh:?}");
        assert!(zh.contains(&"Wingtech".to_string()), "{zh:?}");
        assert_eq!(mentioned("Nothing known here."), (vec![], vec![]));
    }

    #[test]
    fn user_entities_reach_the_country_table() {
        let user = "[[entity]]\nname = \"Commerce Department\"\ntype = \"agency\"\naliases = [\"Herbert Hoover Building\"]\n\n[[entity]]\nname = \"Republic of Freedonia\"\ntype = \"country\"\naliases = [\"Freedonia\"]\n";
        let rules = Rules::from_texts(
            &[],
            &[
                (
                    "data/entities.toml",
                    include_str!("../../data/entities.toml"),
                ),
                ("entities.toml", user),
            ],
        )
        .expect("valid user entities");
        let n = Nations::from_rules(&rules);
        assert_eq!(
            n.standing("Herbert Hoover Building"),
            Standing::Body("United States"),
            "a user alias of a built-in body"
        );
        assert_eq!(n.standing("Freedonia"), Standing::Country);
        assert_eq!(
            standing("Freedonia"),
            Standing::Specific,
            "the built-ins do not know it"
        );
        let (names, _) = n.mentioned("Officials in Freedonia said so.");
        assert_eq!(names, vec!["Republic of Freedonia".to_string()]);
    }
}
