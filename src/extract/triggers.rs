//! Triggers: the constructions that assert an event of a kind ("X was
//! added to the Entity List", "将X列入实体清单", "sued", "imposed tariffs").
//!
//! The patterns are data (`data/lang/<code>.toml`); this module runs them
//! over a sentence, prefiltered by one `RegexSet` per language so a
//! sentence costs one scan when nothing matches, and resolves overlaps and
//! absorptions.
//!
//! The set of a spaced language (English) runs without Unicode classes, on the ASCII stand-in the
//! English patterns read anyway. With Unicode `\w`, `\b` and `.` its lazy
//! DFA had 256 byte classes a state and outgrew its cache on ordinary
//! prose once the official-document triggers joined (a 40-alternative
//! name of up to 14 words before "Act"); the regex crate then fell back to
//! its slowest engine and extraction ran at 40 articles a second.

use super::rules::{Trigger, TriggerKind};
use crate::model::Kind;
use regex::bytes::{RegexSet as AsciiSet, RegexSetBuilder as AsciiSetBuilder};
use regex::{RegexSet, RegexSetBuilder};

/// One trigger found in a sentence (byte offsets into the sentence).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: TriggerKind,
    pub start: usize,
    pub end: usize,
    /// The verb: names after it are targets.
    pub verb_start: usize,
    pub verb_end: usize,
    pub weight: f32,
    /// Kinds this hit replaces in its clause group.
    pub absorbs: Vec<Kind>,
    /// Only names its kind; yields no event itself.
    pub nominal: bool,
}

/// The compiled trigger table with its per-language prefilters.
#[derive(Debug, Clone)]
pub struct TriggerTable {
    triggers: Vec<Trigger>,
    /// One prefilter per language, by its index.
    filters: Vec<Prefilter>,
    /// Whether each language is spaced (read on the ASCII stand-in).
    spaced: Vec<bool>,
}

/// Which triggers of a language may match a sentence: those its set
/// reports, plus those no set holds (tried every time).
#[derive(Debug, Clone, Default)]
struct Prefilter {
    set: Option<Set>,
    /// Trigger indices, in the set's pattern order.
    in_set: Vec<usize>,
    /// Trigger indices always tried.
    always: Vec<usize>,
}

#[derive(Debug, Clone)]
enum Set {
    Unicode(RegexSet),
    Ascii(AsciiSet),
}

/// A size for a set's lazy DFA cache: enough that keyword-stuffed text
/// does not make it thrash (the cache grows only as states are needed).
const SET_CACHE: usize = 16 << 20;

impl Prefilter {
    /// The set of an unspaced language (Chinese) matches the sentence as
    /// written.
    fn unspaced(triggers: &[Trigger], lang: usize) -> Prefilter {
        let idx: Vec<usize> = (0..triggers.len())
            .filter(|&i| triggers[i].lang == lang)
            .collect();
        let pats = idx.iter().map(|&i| triggers[i].regex.as_str());
        // The patterns are already compiled one by one, so the set can
        // only fail on size; without it every pattern is tried.
        match RegexSetBuilder::new(pats)
            .size_limit(256 << 20)
            .dfa_size_limit(SET_CACHE)
            .build()
        {
            Ok(set) => Prefilter {
                set: Some(Set::Unicode(set)),
                in_set: idx,
                always: Vec::new(),
            },
            Err(_) => Prefilter {
                always: idx,
                ..Prefilter::default()
            },
        }
    }

    /// English patterns read the ASCII stand-in, so the set can match it
    /// with ASCII classes: on ASCII text `\w`, `\b`, `.` and `(?i)` mean
    /// what they mean in Unicode mode. A pattern that cannot be put that
    /// way is tried every time.
    fn spaced(triggers: &[Trigger], lang: usize) -> Prefilter {
        let mut in_set = Vec::new();
        let mut pats = Vec::new();
        let mut always = Vec::new();
        for i in (0..triggers.len()).filter(|&i| triggers[i].lang == lang) {
            match ascii_pattern(triggers[i].regex.as_str()) {
                Some(p) => {
                    in_set.push(i);
                    pats.push(p);
                }
                None => always.push(i),
            }
        }
        let build = |pats: &[String]| {
            AsciiSetBuilder::new(pats)
                .unicode(false)
                .size_limit(256 << 20)
                .dfa_size_limit(SET_CACHE)
                .build()
        };
        if let Ok(set) = build(&pats) {
            return Prefilter {
                set: Some(Set::Ascii(set)),
                in_set,
                always,
            };
        }
        // Some pattern has no ASCII form (a Unicode class by name): find
        // which, one by one, and try those every time.
        let (mut keep, mut kept) = (Vec::new(), Vec::new());
        for (i, p) in in_set.into_iter().zip(pats) {
            if build(std::slice::from_ref(&p)).is_ok() {
                keep.push(i);
                kept.push(p);
            } else {
                always.push(i);
            }
        }
        match build(&kept) {
            Ok(set) => Prefilter {
                set: Some(Set::Ascii(set)),
                in_set: keep,
                always,
            },
            Err(_) => {
                always.extend(keep);
                always.sort_unstable();
                Prefilter {
                    always,
                    ..Prefilter::default()
                }
            }
        }
    }

    /// The triggers worth running on `hay`, in trigger order.
    fn candidates(&self, hay: &str) -> Vec<usize> {
        let mut out: Vec<usize> = match &self.set {
            Some(Set::Unicode(set)) => set.matches(hay).iter().collect(),
            Some(Set::Ascii(set)) => set.matches(hay.as_bytes()).iter().collect(),
            None => Vec::new(),
        }
        .into_iter()
        .filter_map(|m| self.in_set.get(m).copied())
        .collect();
        out.extend(&self.always);
        out.sort_unstable();
        out
    }
}

/// `pattern` as the ASCII stand-in of a sentence spells it: each non-ASCII
/// character becomes the stand-in's byte for it (`’` an apostrophe, a
/// letter `a`, a space, anything else `#`), so whatever the pattern matches
/// in a sentence, this matches in its stand-in. A negated class could
/// then refuse what the original allowed, so a pattern with one and a
/// non-ASCII character has no ASCII form.
fn ascii_pattern(pattern: &str) -> Option<String> {
    if pattern.is_ascii() {
        return Some(pattern.to_string());
    }
    if negated_class_with_non_ascii(pattern) {
        return None;
    }
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        match c {
            c if c.is_ascii() => out.push(c),
            '’' => out.push_str("\\x27"),
            c if c.is_whitespace() => out.push_str("\\x20"),
            c if c.is_alphanumeric() => out.push_str("\\x61"),
            _ => out.push_str("\\x23"),
        }
    }
    Some(out)
}

/// Whether a negated class (`[^…]`, at any depth) holds a non-ASCII
/// character. Escapes are skipped; a `]` first in a class is literal.
fn negated_class_with_non_ascii(pattern: &str) -> bool {
    // for each open class: whether it or one around it is negated
    let mut stack: Vec<bool> = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => {
                let negated = chars.peek() == Some(&'^');
                if negated {
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    chars.next();
                }
                let outer = stack.last().copied().unwrap_or(false);
                stack.push(outer || negated);
            }
            ']' if !stack.is_empty() => {
                stack.pop();
            }
            c if !c.is_ascii() && stack.last().copied().unwrap_or(false) => return true,
            _ => {}
        }
    }
    false
}

impl TriggerTable {
    /// The table of `triggers`, whose languages are spaced or not as
    /// `spaced` says, by index.
    pub fn new(mut triggers: Vec<Trigger>, spaced: &[bool]) -> TriggerTable {
        // English patterns read the stand-in, where `’` is an apostrophe
        // and `§` or `“` is `#`: spelled as it spells them, "application
        // for § 214 authorization" and "prohibits “transactions”" match.
        let is_spaced = |l: usize| spaced.get(l).copied().unwrap_or(false);
        for t in triggers.iter_mut().filter(|t| is_spaced(t.lang)) {
            let Some(ascii) = ascii_pattern(t.regex.as_str()) else {
                continue;
            };
            if ascii != t.regex.as_str() {
                if let Ok(r) = regex::Regex::new(&ascii) {
                    t.regex = r;
                }
            }
        }
        let filters = (0..spaced.len())
            .map(|l| {
                if is_spaced(l) {
                    Prefilter::spaced(&triggers, l)
                } else {
                    Prefilter::unspaced(&triggers, l)
                }
            })
            .collect();
        TriggerTable {
            triggers,
            filters,
            spaced: spaced.to_vec(),
        }
    }

    /// The ids of the triggers in the table.
    pub fn ids(&self) -> Vec<&str> {
        self.triggers
            .iter()
            .filter_map(|t| t.id.as_deref())
            .collect()
    }

    pub fn len(&self) -> usize {
        self.triggers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.triggers.is_empty()
    }

    /// Every trigger in `s`, in order. Hits of one kind at one verb keep
    /// the longest; a trigger word that only names a list ("export control
    /// list", 出口管制“实体清单”) is not a trigger. Absorption is left to
    /// the caller, which knows the clauses.
    pub fn find(&self, s: &str, lang: super::Lang) -> Vec<Hit> {
        let Some(filter) = self.filters.get(lang.0) else {
            return Vec::new();
        };
        let zh = !self.spaced.get(lang.0).copied().unwrap_or(false);
        let mut hits: Vec<Hit> = Vec::new();
        // English patterns use Unicode word boundaries, which the regex
        // crate's fast engines only handle on ASCII text: on a sentence with
        // "é" or "—" it falls back to a slow one (a 2 MB accented item took
        // a minute). They run on an ASCII stand-in of the sentence instead,
        // and positions are mapped back.
        let shadow = (!zh && (!s.is_ascii() || s.contains('"')))
            .then(|| super::shadow::AsciiShadow::unquoted(s));
        let hay = shadow.as_ref().map_or(s, |sh| sh.text.as_str());
        let back = |i: usize| shadow.as_ref().map_or(i, |sh| sh.original(i));
        let back_end = |i: usize| shadow.as_ref().map_or(i, |sh| sh.original_end(i));
        for i in filter.candidates(hay) {
            let Some(t) = self.triggers.get(i) else {
                continue;
            };
            // Search again from after each verb, not after each match: one
            // long match ("add to pressure on Huawei, which was placed on
            // the … List") must not hide a later verb of the same pattern.
            let mut at = 0;
            while at <= hay.len() {
                let Some(caps) = t.regex.captures_at(hay, at) else {
                    break;
                };
                let Some(all) = caps.get(0) else { break };
                let (vs, ve) = match caps
                    .name("v")
                    .or_else(|| caps.name("v2"))
                    .or_else(|| caps.name("v3"))
                {
                    Some(v) => (v.start(), v.end()),
                    None => first_word(hay, all.start(), all.end(), zh),
                };
                hits.push(Hit {
                    kind: t.kind,
                    start: back(all.start()),
                    end: back_end(all.end()),
                    verb_start: back(vs),
                    verb_end: back_end(ve),
                    weight: t.weight,
                    absorbs: t.absorbs.clone(),
                    nominal: t.nominal,
                });
                at = if ve > all.start() && ve > at {
                    ve
                } else if all.end() > at {
                    all.end()
                } else {
                    // An empty match: step over one character.
                    at + hay[at..].chars().next().map_or(1, char::len_utf8)
                };
            }
        }
        hits.retain(|h| {
            let on_lists = matches!(h.kind, TriggerKind::Kind(Kind::Listing | Kind::Delisting));
            (on_lists || !names_a_list(&s[h.end..])) && !modifies_a_name(h, &s[h.end..])
        });
        hits.sort_by_key(|h| (h.verb_start, std::cmp::Reverse(h.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            // One verb, one reading: the same kind once, and of two kinds
            // the longer (more specific) construction.
            if let Some(o) = out.iter_mut().find(|o| {
                o.verb_start == h.verb_start
                    && (o.kind == h.kind || (o.verb_end == h.verb_end && o.end > h.end))
            }) {
                // "the June passage of the Data Law": a shorter reading of
                // the same kind may reach further back, to a dated head.
                if o.kind == h.kind {
                    o.start = o.start.min(h.start);
                } else if let TriggerKind::Kind(k) = o.kind {
                    // "a judge temporarily blocked the ban on downloads": a
                    // reading that absorbs the other's kind (a court's
                    // ruling over a ban) is the one the verb has.
                    if h.absorbs.contains(&k) && !h.nominal {
                        *o = h;
                    }
                }
                continue;
            }
            out.push(h);
        }
        out
    }

    /// Removes the hits that another hit in the same group absorbs;
    /// `group_of` gives a hit's clause group.
    pub fn absorb(hits: &mut Vec<Hit>, group_of: impl Fn(&Hit) -> usize) {
        let absorbed: Vec<(usize, Kind)> = hits
            .iter()
            .filter(|h| !h.nominal)
            .flat_map(|h| {
                let g = group_of(h);
                h.absorbs.iter().map(move |k| (g, *k))
            })
            .collect();
        hits.retain(|h| match h.kind {
            TriggerKind::Kind(k) => !absorbed.contains(&(group_of(h), k)),
            TriggerKind::Effect => true,
        });
    }
}

/// True when the text right after a trigger names a list, so the trigger
/// words only describe the list.
fn names_a_list(after: &str) -> bool {
    let t = after.trim_start_matches([' ', '“', '"', '”', '\'', '「']);
    let head: String = t.chars().take(6).collect();
    head.contains("清单")
        || head.contains("名单")
        || t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("list"))
}

/// 被列入实体清单企业 ("companies on the Entity List"): a listing phrase
/// that describes a noun after it, not an event.
fn modifies_a_name(h: &Hit, after: &str) -> bool {
    h.kind == TriggerKind::Kind(Kind::Listing)
        && ["企业", "公司", "的企业", "的公司", "实体"]
            .iter()
            .any(|w| after.trim_start_matches(['”', '"']).starts_with(w))
}

/// The first word of a match (a Chinese match: its first two characters).
fn first_word(s: &str, start: usize, end: usize, zh: bool) -> (usize, usize) {
    let part = &s[start..end];
    let len = if zh {
        part.char_indices()
            .nth(2)
            .map(|(i, _)| i)
            .unwrap_or(part.len())
    } else {
        part.find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(part.len())
    };
    (start, start + len.max(1).min(part.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::{compile_triggers, TriggerSpec};
    use crate::extract::Lang;

    fn table(specs: &[(&str, &str, &str, &[&str])]) -> TriggerTable {
        let specs: Vec<TriggerSpec> = specs
            .iter()
            .map(|(k, l, p, a)| TriggerSpec {
                id: None,
                kind: k.to_string(),
                lang: Some(l.to_string()),
                pattern: p.to_string(),
                absorbs: a.iter().map(|s| s.to_string()).collect(),
                weight: None,
                nominal: false,
            })
            .collect();
        let langs = [("en", true), ("zh", false)];
        let triggers = compile_triggers("t", "", &specs, &langs, None).unwrap_or_default();
        TriggerTable::new(triggers, &[true, false])
    }

    const EN: Lang = Lang(0);
    const ZH: Lang = Lang(1);

    #[test]
    fn finds_triggers_with_their_verb() {
        let t = table(&[("listing", "en", r"(?P<v>added)\b.{0,80}?\bentity list", &[])]);
        let s = "The department added Acme to its Entity List on Friday";
        let h = t.find(s, EN);
        assert_eq!(h.len(), 1);
        assert_eq!(&s[h[0].verb_start..h[0].verb_end], "added");
        assert_eq!(h[0].kind, TriggerKind::Kind(Kind::Listing));
    }

    #[test]
    fn non_ascii_sentences_match_as_written_at_the_right_bytes() {
        let t = table(&[
            ("listing", "en", r"(?P<v>added)\b.{0,80}?\bentity list", &[]),
            ("ban", "en", r"\bbanned\b (?:\w+(?:\x27s|’s) )?\w+", &[]),
        ]);
        let s = "Le Département — “officially” — added Acmé to its Entity List; Zoë banned Huawei’s phones";
        let h = t.find(s, EN);
        let got: Vec<(&str, &str)> = h
            .iter()
            .map(|h| (&s[h.verb_start..h.verb_end], &s[h.start..h.end]))
            .collect();
        assert_eq!(
            got,
            vec![
                ("added", "added Acmé to its Entity List"),
                ("banned", "banned Huawei’s phones")
            ]
        );
        // a word boundary inside an accented word is no boundary
        let t = table(&[("ban", "en", r"\bban\b", &[])]);
        assert!(t.find("The bané rule and éban", EN).is_empty());
    }

    #[test]
    fn ascii_forms_spell_patterns_as_the_stand_in_does() {
        assert_eq!(ascii_pattern(r"\bban\b").as_deref(), Some(r"\bban\b"));
        assert_eq!(
            ascii_pattern("(?:\\x27s|’s) [\\w§-]+ [\"“]?é\u{a0}x").as_deref(),
            Some(r#"(?:\x27s|\x27s) [\w\x23-]+ ["\x23]?\x61\x20x"#)
        );
        // a negated class with a non-ASCII character could refuse a
        // stand-in byte the original allowed
        assert_eq!(ascii_pattern("ban[^”]+"), None);
        assert_eq!(ascii_pattern("ban[^a[“]]+"), None);
        assert_eq!(
            ascii_pattern(r"(?:\([^)\]]*\) )?[“]?x").as_deref(),
            Some(r"(?:\([^)\]]*\) )?[\x23]?x")
        );
    }

    #[test]
    fn non_ascii_characters_in_english_patterns_match_as_written() {
        let t = table(&[
            (
                "ban",
                "en",
                r"\b(?P<v>denied)\b an application for (?:[\w§.-]+ ){0,3}authorization",
                &[],
            ),
            (
                "ban",
                "en",
                r#"\b(?P<v>prohibits)\b ["“]?transactions\b"#,
                &[],
            ),
        ]);
        let s = "The agency denied an application for § 14 authorization; the rule prohibits “transactions” with Ruritania";
        assert_eq!(verbs(&t, s), vec!["denied", "prohibits"]);
    }

    /// The verbs the table finds in `s`, in order.
    fn verbs<'a>(t: &TriggerTable, s: &'a str) -> Vec<&'a str> {
        t.find(s, EN)
            .iter()
            .map(|h| &s[h.verb_start..h.verb_end])
            .collect()
    }

    #[test]
    fn patterns_without_an_ascii_form_are_tried_every_time() {
        let t = table(&[
            ("ban", "en", r"\bbarred\b", &[]),
            ("ban", "en", r"\p{Lu}\w+ (?P<v>banned)", &[]),
            ("ban", "en", r"(?P<v>outlawed) [^”]+ apps", &[]),
        ]);
        assert_eq!(t.filters[0].in_set.len(), 1);
        assert_eq!(t.filters[0].always.len(), 2);
        let s = "Ruritania banned phones; Acme outlawed “foreign” apps";
        assert_eq!(verbs(&t, s), vec!["banned", "outlawed"]);
    }

    #[test]
    fn the_builtin_english_set_is_ascii_and_misses_no_match() {
        let rules = crate::extract::Rules::builtin();
        let t = &rules.triggers;
        assert!(t.filters[0].always.is_empty(), "{:?}", t.filters[0].always);
        assert!(matches!(t.filters[0].set, Some(Set::Ascii(_))));
        // sentences written for this test, with non-ASCII punctuation and
        // letters, and a keyword-stuffed one
        let sentences = [
            "On May 3 the Commerce Department added Zoë Robotics to the Entity List.",
            "The court’s judge on Friday blocked the ban, and the Treasury sanctioned two firms.",
            "Congress passed the Protecting Americans from Foreign Adversary Controlled Applications Act — signed in April.",
            "The FCC revoked China Telecom’s authority to operate; it is hereby ordered that the motion is granted.",
            "banned sued tariffs Entity List added export controls court ruling blocked fined probe sanctions Act Law signed passed",
        ];
        for s in sentences {
            let sh = crate::extract::shadow::AsciiShadow::new(s);
            let hay = sh.text.as_str();
            let cands = t.filters[0].candidates(hay);
            for (i, tr) in t.triggers.iter().enumerate().filter(|(_, tr)| tr.lang == 0) {
                if tr.regex.is_match(hay) {
                    assert!(cands.contains(&i), "{} missed on {s}", tr.regex.as_str());
                }
            }
            assert!(!cands.is_empty(), "{s}");
        }
    }

    #[test]
    fn an_absorbing_trigger_replaces_the_other_kind_in_its_group() {
        let t = table(&[
            ("ban", "en", r"\bbarred\b", &[]),
            ("sanction", "en", r"\bdenial order\b", &["ban"]),
        ]);
        let s = "It barred sales, activating a denial order; Acme barred apps.";
        let mut h = t.find(s, EN);
        assert_eq!(h.len(), 3);
        let semi = s.find(';').unwrap_or(0);
        TriggerTable::absorb(&mut h, |h| usize::from(h.start > semi));
        let kinds: Vec<TriggerKind> = h.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            vec![
                TriggerKind::Kind(Kind::Sanction),
                TriggerKind::Kind(Kind::Ban)
            ]
        );
    }

    #[test]
    fn trigger_words_that_name_a_list_are_not_triggers() {
        let t = table(&[
            ("export_control", "en", r"\bexport controls?\b", &[]),
            ("export_control", "zh", "出口管制", &[]),
        ]);
        assert!(t
            .find("It added Acme to its export control list.", EN)
            .is_empty());
        assert!(t.find("将华为列入出口管制“实体清单”", ZH).is_empty());
        assert_eq!(t.find("It imposed export controls on Monday.", EN).len(), 1);
    }

    #[test]
    fn languages_are_kept_apart() {
        let t = table(&[
            ("lawsuit", "zh", "提起诉讼", &[]),
            ("lawsuit", "en", r"\bsued\b", &[]),
        ]);
        assert_eq!(t.find("原告于8月提起诉讼", ZH).len(), 1);
        assert_eq!(t.find("原告于8月提起诉讼", EN).len(), 0);
        assert_eq!(t.find("Acme sued Bolt", EN).len(), 1);
    }
}
