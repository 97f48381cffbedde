//! What the merger compares, computed once per mention: day numbers of the
//! date span, interned entity ids with weights (rare names count for more
//! than "China" or "United States"), and hashed evidence tokens (words for
//! Latin script, character bigrams for Chinese) for text similarity.

use crate::extract::nations::{Nations, Standing};
use crate::model::{Kind, MentionRecord};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher (the one rustc uses) for the merger's maps of
/// small keys: not DoS-resistant, which the keys here never need, and
/// several times faster than the default.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// `x` rounded down to a power of two (1 for 0): a count that a refresh
/// moves only when it doubles.
pub fn pow2(x: u64) -> u64 {
    1u64 << (63 - x.max(1).leading_zeros())
}

/// A name's weight, `ln(1 + N / df)`, with the count of mentions `N` and
/// of mentions that name it `df` each rounded down to a power of two: a
/// weight changes only when one of them doubles, so a refresh leaves the
/// weights of the archive's names, and the merges they decide, as they were.
pub fn weight(mentions: usize, df: u32) -> f32 {
    let ratio = pow2(mentions as u64) as f32 / pow2(df as u64) as f32;
    (1.0 + ratio).ln()
}

/// One mention, ready to compare.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    /// First and last day the stated date covers (days since 0001-01-01).
    pub first: i32,
    pub last: i32,
    /// Interned canonical names; sorted, deduplicated.
    pub actors: Vec<u32>,
    pub targets: Vec<u32>,
    /// `actors ∪ targets`, sorted.
    pub names: Vec<u32>,
    /// `names` plus the countries their bodies act for, sorted.
    pub ext: Vec<u32>,
    /// `ext` plus every known name the evidence sentence mentions (and
    /// their countries), sorted: what the report talks about.
    pub seen: Vec<u32>,
    /// Actors that are bodies of a government (not bare countries), sorted.
    pub bodies: Vec<u32>,
    /// Countries the actors act for, sorted.
    pub actor_countries: Vec<u32>,
    /// Names that are neither a government nor one of its bodies (the
    /// companies, products and people the incident is about), sorted.
    pub subjects: Vec<u32>,
    /// Targets that are not countries (a stray "China" is common), sorted.
    pub specific_targets: Vec<u32>,
    /// Government lists the evidence names ("Entity List"), sorted.
    pub lists: Vec<u32>,
    /// Hashed evidence tokens, sorted, deduplicated.
    pub tokens: Vec<u64>,
    /// Interned article url.
    pub url: u32,
    /// The sentence tells of a measure eased, not imposed
    /// ([`super::relief`]).
    pub eases: bool,
}

impl Item {
    /// True when the date is one day.
    pub fn is_day(&self) -> bool {
        self.first == self.last
    }
    pub fn width(&self) -> i32 {
        self.last - self.first
    }
}

/// Every mention's features plus the shared weights.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub items: Vec<Item>,
    /// Weight of each interned name: `ln(1 + N / df)`.
    pub weight: Vec<f32>,
    /// Interned name → the normalised spelling (for links and tests).
    pub names: Vec<String>,
    /// Each spelling seen → its interned name, so each is folded once.
    pub spellings: FastMap<String, u32>,
    /// Per interned name: true for a country (weak evidence).
    pub generic: Vec<bool>,
    /// Per interned name: the country a head of state leads, else
    /// `u32::MAX`.
    pub leads: Vec<u32>,
}

pub fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// Words that say what kind of body a name is, not which one: dropped so
/// "Commerce Department", "U.S. Department of Commerce" and "Department of
/// Commerce" meet, as do "Huawei" and "Huawei Technologies Co". "Ministry"
/// stays: China's Ministry of Commerce is not the Commerce Department.
const NAME_NOISE: &[&str] = &[
    "the",
    "of",
    "for",
    "and",
    "u",
    "s",
    "us",
    "department",
    "dept",
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "technologies",
    "technology",
    "company",
    "administration",
    "president",
    "judge",
    "gov",
    "rep",
    "sen",
];

/// The key two spellings of one entity share: case, spacing, punctuation,
/// word order and [`NAME_NOISE`] words folded ("U.S. Commerce Department"
/// and "Department of Commerce" both read "commerce"). A name made only of
/// such words ("US") keeps its folded spelling. Chinese names stay whole,
/// in Simplified script (a Traditional report's 紅貓控股公司 is a
/// Simplified one's 红猫控股公司).
pub fn norm_name(s: &str) -> String {
    let folded = crate::extract::normalize::normalize(s).map(|n| n.text);
    let lower = folded.as_deref().unwrap_or(s).to_lowercase();
    let mut words = name_words(&lower);
    if words.is_empty() {
        return lower.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

/// The words of a lower-cased name, possessives and [`NAME_NOISE`] dropped.
fn name_words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(['\'', '’'])
        })
        .filter(|w| !w.is_empty() && !NAME_NOISE.contains(w))
        .collect()
}

/// A name's words run together in their order, [`NAME_NOISE`] dropped
/// as [`norm_name`] does, so a name written as one word or two ("TikTok",
/// "Tik Tok") is one entity. `None` when nothing is left.
fn run_together(s: &str) -> Option<String> {
    let folded = crate::extract::normalize::normalize(s).map(|n| n.text);
    let run: String = name_words(&folded.as_deref().unwrap_or(s).to_lowercase()).concat();
    (!run.is_empty()).then_some(run)
}

/// Reports whose sentences are read in parallel before their names are
/// interned in order: large enough to keep every core busy, small enough
/// that the names waiting are few.
const PARALLEL_CHUNK: usize = 16_384;

/// What a report's sentence says, read without the interner.
struct Read {
    /// Known names and government lists ([`Nations::mentioned`]).
    mentioned: (Vec<String>, Vec<String>),
    tokens: Vec<u64>,
    eases: bool,
}

/// Folds spellings to interned names and records what each name is.
#[derive(Default)]
struct Interner {
    ids: FastMap<String, u32>,
    /// Each name's words run together ([`run_together`]) → its id.
    runs: FastMap<String, u32>,
    names: Vec<String>,
    spellings: FastMap<String, u32>,
    /// Per interned name: its country's interned id (itself for a
    /// country), `u32::MAX` for a specific name.
    country: Vec<u32>,
    /// Per interned name: true for a country.
    generic: Vec<bool>,
    /// Per interned name: true for a head of state.
    leader: Vec<bool>,
}

impl Interner {
    fn intern(&mut self, s: &str, nations: &Nations) -> u32 {
        if let Some(&i) = self.spellings.get(s) {
            return i;
        }
        let k = norm_name(s);
        let run = run_together(s);
        let known = self
            .ids
            .get(&k)
            .or_else(|| run.as_ref().and_then(|r| self.runs.get(r)))
            .copied();
        let i = match known {
            Some(i) => i,
            None => {
                let i = self.names.len() as u32;
                self.ids.insert(k.clone(), i);
                if let Some(r) = run {
                    self.runs.insert(r, i);
                }
                self.names.push(k);
                self.country.push(u32::MAX);
                self.generic.push(false);
                self.leader.push(false);
                match nations.standing(s) {
                    Standing::Country => {
                        self.country[i as usize] = i;
                        self.generic[i as usize] = true;
                    }
                    Standing::Body(c) => {
                        let c = self.intern(c, nations);
                        self.country[i as usize] = c;
                    }
                    Standing::Leader(c) => {
                        let c = self.intern(c, nations);
                        self.country[i as usize] = c;
                        self.leader[i as usize] = true;
                    }
                    Standing::Specific => {}
                }
                i
            }
        };
        self.spellings.insert(s.to_string(), i);
        i
    }

    /// Sorted, deduplicated ids of these names plus their countries.
    fn with_countries(&self, v: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = v.to_vec();
        out.extend(
            v.iter()
                .map(|&n| self.country[n as usize])
                .filter(|&c| c != u32::MAX),
        );
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Features {
    /// The features with the built-in gazetteer's countries.
    pub fn new(mentions: &[&MentionRecord]) -> Features {
        Features::with_nations(mentions, Nations::builtin())
    }

    /// The features with this table of countries and bodies (built from
    /// the user's entities as well as the built-in ones).
    pub fn with_nations(mentions: &[&MentionRecord], nations: &Nations) -> Features {
        let mut int = Interner::default();
        let mut urls: FastMap<&str, u32> = FastMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut items = Vec::with_capacity(mentions.len());
        // what each report's sentence says, apart from the interner (which
        // must meet spellings in order), is read on every core a chunk at
        // a time, so only one chunk's names wait to be interned
        for chunk in mentions.chunks(PARALLEL_CHUNK) {
            let read: Vec<Read> = chunk
                .par_iter()
                .map(|m| Read {
                    mentioned: nations.mentioned(&m.mention.evidence),
                    tokens: tokens(&m.mention.evidence),
                    eases: super::relief::eases(m.mention.kind, &m.mention.evidence),
                })
                .collect();
            for (m, read) in chunk.iter().zip(read) {
                let mut role = |v: &[String]| -> Vec<u32> {
                    let mut out: Vec<u32> = v
                        .iter()
                        .filter(|s| !s.trim().is_empty())
                        .map(|s| int.intern(s, nations))
                        .collect();
                    out.sort_unstable();
                    out.dedup();
                    out
                };
                let actors = role(&m.mention.actors);
                let targets = role(&m.mention.targets);
                let mut all: Vec<u32> = actors.iter().chain(&targets).copied().collect();
                all.sort_unstable();
                all.dedup();
                let ext = int.with_countries(&all);
                let (said, named_lists) = read.mentioned;
                let mut seen: Vec<u32> = said.iter().map(|s| int.intern(s, nations)).collect();
                let mut lists: Vec<u32> =
                    named_lists.iter().map(|s| int.intern(s, nations)).collect();
                lists.sort_unstable();
                lists.dedup();
                seen.extend_from_slice(&all);
                let seen = int.with_countries(&seen);
                let state: Vec<u32> = actors
                    .iter()
                    .copied()
                    .filter(|&n| {
                        let c = int.country[n as usize];
                        c != u32::MAX && c != n && !int.leader[n as usize]
                    })
                    .collect();
                let mut actor_countries: Vec<u32> = actors
                    .iter()
                    .map(|&n| int.country[n as usize])
                    .filter(|&c| c != u32::MAX)
                    .collect();
                actor_countries.sort_unstable();
                actor_countries.dedup();
                let subjects: Vec<u32> = all
                    .iter()
                    .copied()
                    .filter(|&n| int.country[n as usize] == u32::MAX)
                    .collect();
                let specific_targets: Vec<u32> = targets
                    .iter()
                    .copied()
                    .filter(|&n| !int.generic[n as usize])
                    .collect();
                for &n in &seen {
                    if df.len() <= n as usize {
                        df.resize(n as usize + 1, 0);
                    }
                    df[n as usize] += 1;
                }
                let next = urls.len() as u32;
                let url = *urls.entry(m.url.as_str()).or_insert(next);
                items.push(Item {
                    kind: m.mention.kind,
                    first: day_number(m.mention.span.first_day()),
                    last: day_number(m.mention.span.last_day()),
                    actors,
                    targets,
                    names: all,
                    ext,
                    seen,
                    bodies: state,
                    actor_countries,
                    subjects,
                    specific_targets,
                    lists,
                    tokens: read.tokens,
                    url,
                    eases: read.eases,
                });
            }
        }
        df.resize(int.names.len(), 0);
        let weight = df.iter().map(|&d| weight(mentions.len(), d)).collect();
        Features {
            items,
            weight,
            names: int.names,
            spellings: int.spellings,
            leads: int
                .leader
                .iter()
                .zip(&int.country)
                .map(|(&l, &c)| if l { c } else { u32::MAX })
                .collect(),
            generic: int.generic,
        }
    }

    /// These reports only (ascending indices), with the weights and names
    /// of the whole: what the merger decides for a neighbourhood of the
    /// archive.
    pub fn subset(&self, idx: &[u32]) -> Features {
        Features {
            items: idx
                .iter()
                .map(|&i| self.items[i as usize].clone())
                .collect(),
            weight: self.weight.clone(),
            names: self.names.clone(),
            spellings: FastMap::default(),
            generic: self.generic.clone(),
            leads: self.leads.clone(),
        }
    }

    /// The interned name of a spelling the mentions used.
    pub fn key(&self, spelling: &str) -> Option<u32> {
        self.spellings.get(spelling).copied()
    }

    /// Sum of weights of the names in a sorted list.
    pub fn mass(&self, v: &[u32]) -> f32 {
        v.iter().map(|&n| self.weight[n as usize]).sum()
    }
}

/// Weight of the names two sorted lists share.
pub fn shared(w: &[f32], a: &[u32], b: &[u32]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += w[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Jaccard similarity of two sorted token lists.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f32 / (a.len() + b.len() - both) as f32
}

const STOP: &[&str] = &[
    "the", "and", "for", "that", "with", "from", "this", "was", "were", "has", "had", "have",
    "its", "their", "said", "says", "on", "in", "of", "to", "a", "an", "by", "at", "as", "it",
    "is", "be", "been", "which", "after", "would", "will", "into", "also",
];

fn fnv(bytes: impl Iterator<Item = u32>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Hashed tokens of a sentence: lower-cased Latin words and numbers (digits
/// of "25,000" joined), Chinese character bigrams.
pub fn tokens(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    let flush = |word: &mut String, out: &mut Vec<u64>| {
        if !word.is_empty()
            && !STOP.contains(&word.as_str())
            && (word.len() > 2 || word.chars().all(|c| c.is_ascii_digit()))
        {
            out.push(fnv(word.chars().map(|c| c as u32)));
        }
        word.clear();
    };
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_cjk(c) {
            flush(&mut word, &mut out);
            if let Some(p) = prev_cjk {
                out.push(fnv([p as u32, c as u32].into_iter()));
            }
            prev_cjk = Some(c);
            continue;
        }
        prev_cjk = None;
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == ','
            && !word.is_empty()
            && word.chars().all(|d| d.is_ascii_digit())
            && chars.peek().is_some_and(|d| d.is_ascii_digit())
        {
            // a thousands separator: keep the number whole
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_both_scripts_and_numbers() {
        let en = tokens("Alibaba used about 25,000 fake accounts.");
        let zh = tokens("阿里巴巴使用了约25000个虚假账户。");
        assert!(jaccard(&en, &zh) > 0.0, "the number is shared");
        assert_eq!(tokens("The the THE"), Vec::<u64>::new());
        assert_eq!(tokens("华为华为").len(), 2, "华为 and 为华");
        assert!((jaccard(&en, &en) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn shared_weights_sum_only_common_names() {
        let w = [1.0, 2.0, 4.0];
        assert_eq!(shared(&w, &[0, 2], &[1, 2]), 4.0);
        assert_eq!(shared(&w, &[0], &[1]), 0.0);
        let cases = [
            ("  Huawei   Technologies ", "huawei"),
            ("Huawei Technologies Co", "huawei"),
            ("U.S. Commerce Department", "commerce"),
            ("Department of Commerce", "commerce"),
            ("China's Ministry of Commerce", "china commerce ministry"),
            ("Ministry of Commerce", "commerce ministry"),
            ("Department of Defense", "defense"),
            ("Defense Department", "defense"),
            ("Trump administration", "trump"),
            ("US", "us"),
            ("U.S. government", "government"),
            ("美国商务部", "美国商务部"),
        ];
        for (name, key) in cases {
            assert_eq!(norm_name(name), key, "{name}");
        }
    }

    #[test]
    fn reports_carry_countries_bodies_and_what_their_sentence_names() {
        use crate::timeline::testutil::m;
        let r = m(
            1,
            "https://a.example/1",
            "2027-03-03",
            "listing",
            "2027-03-02",
            &["Ministry of Commerce", "Xi Jinping"],
            &["China", "Acme Aero"],
            "商务部将Acme Aero和洛克希德·马丁列入不可靠实体清单。",
        );
        let f = Features::new(&[&r]);
        let it = &f.items[0];
        let id = |s: &str| f.key(s).unwrap_or(u32::MAX);
        let (mofcom, china, acme, xi) = (
            id("Ministry of Commerce"),
            id("China"),
            id("Acme Aero"),
            id("Xi Jinping"),
        );
        assert!(it.ext.contains(&china) && it.ext.contains(&mofcom));
        assert_eq!(it.bodies, vec![mofcom], "a leader is not one body");
        assert_eq!(it.actor_countries, vec![china]);
        assert_eq!(it.subjects, vec![acme]);
        assert_eq!(it.specific_targets, vec![acme]);
        assert!(f.generic[china as usize] && !f.generic[mofcom as usize]);
        assert_eq!(f.leads[xi as usize], china);
        assert_eq!(f.leads[mofcom as usize], u32::MAX);
        assert_eq!(it.lists.len(), 1, "the unreliable entity list");
        assert!(
            it.seen.len() > it.ext.len(),
            "the sentence names Lockheed Martin"
        );
    }
}
