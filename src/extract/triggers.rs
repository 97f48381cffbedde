//! Triggers: the constructions that assert an event of a kind ("X was
//! added to the Entity List", "将X列入实体清单", "sued", "imposed tariffs").
//!
//! The patterns are data (`data/rules.toml`); this module runs them over a
//! sentence, prefiltered by one `RegexSet` per language so a sentence costs
//! one scan when nothing matches, and resolves overlaps and absorptions.

use super::rules::{Trigger, TriggerKind};
use crate::model::Kind;
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
    en: Option<(Option<RegexSet>, Vec<usize>)>,
    zh: Option<(Option<RegexSet>, Vec<usize>)>,
}

impl TriggerTable {
    pub fn new(triggers: Vec<Trigger>) -> TriggerTable {
        let set = |zh: bool| {
            let idx: Vec<usize> = (0..triggers.len())
                .filter(|&i| triggers[i].zh == zh)
                .collect();
            let pats: Vec<&str> = idx.iter().map(|&i| triggers[i].regex.as_str()).collect();
            // The patterns are already compiled one by one, so the set can
            // only fail on size; without it every pattern is tried.
            RegexSetBuilder::new(pats)
                .size_limit(256 << 20)
                .dfa_size_limit(8 << 20)
                .build()
                .ok()
                .map(|s| (Some(s), idx.clone()))
                .or(Some((None, idx)))
        };
        let en = set(false);
        let zh = set(true);
        TriggerTable { triggers, en, zh }
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
    pub fn find(&self, s: &str, zh: bool) -> Vec<Hit> {
        let Some((set, idx)) = (if zh { &self.zh } else { &self.en }) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = Vec::new();
        // English patterns use Unicode word boundaries, which the regex
        // crate's fast engines only handle on ASCII text: on a sentence with
        // "é" or "—" it falls back to a slow one (a 2 MB accented item took
        // a minute). They run on an ASCII stand-in of the sentence instead,
        // and positions are mapped back.
        let shadow = (!zh && !s.is_ascii()).then(|| super::shadow::AsciiShadow::new(s));
        let hay = shadow.as_ref().map_or(s, |sh| sh.text.as_str());
        let back = |i: usize| shadow.as_ref().map_or(i, |sh| sh.original(i));
        let matched: Vec<usize> = match set {
            Some(set) => set.matches(hay).iter().collect(),
            None => (0..idx.len()).collect(),
        };
        for m in matched {
            let Some(t) = idx.get(m).and_then(|&i| self.triggers.get(i)) else {
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
                    end: back(all.end()),
                    verb_start: back(vs),
                    verb_end: back(ve),
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
            if out.iter().any(|o| {
                o.verb_start == h.verb_start
                    && (o.kind == h.kind || (o.verb_end == h.verb_end && o.end > h.end))
            }) {
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

    fn table(specs: &[(&str, &str, &str, &[&str])]) -> TriggerTable {
        let specs: Vec<TriggerSpec> = specs
            .iter()
            .map(|(k, l, p, a)| TriggerSpec {
                kind: k.to_string(),
                lang: l.to_string(),
                pattern: p.to_string(),
                absorbs: a.iter().map(|s| s.to_string()).collect(),
                weight: None,
                nominal: false,
            })
            .collect();
        TriggerTable::new(compile_triggers("t", "", &specs).unwrap_or_default())
    }

    #[test]
    fn finds_triggers_with_their_verb() {
        let t = table(&[("listing", "en", r"(?P<v>added)\b.{0,80}?\bentity list", &[])]);
        let s = "The department added Acme to its Entity List on Friday";
        let h = t.find(s, false);
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
        let h = t.find(s, false);
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
        assert!(t.find("The bané rule and éban", false).is_empty());
    }

    #[test]
    fn an_absorbing_trigger_replaces_the_other_kind_in_its_group() {
        let t = table(&[
            ("ban", "en", r"\bbarred\b", &[]),
            ("sanction", "en", r"\bdenial order\b", &["ban"]),
        ]);
        let s = "It barred sales, activating a denial order; Acme barred apps.";
        let mut h = t.find(s, false);
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
            .find("It added Acme to its export control list.", false)
            .is_empty());
        assert!(t.find("将华为列入出口管制“实体清单”", true).is_empty());
        assert_eq!(
            t.find("It imposed export controls on Monday.", false).len(),
            1
        );
    }

    #[test]
    fn languages_are_kept_apart() {
        let t = table(&[
            ("lawsuit", "zh", "提起诉讼", &[]),
            ("lawsuit", "en", r"\bsued\b", &[]),
        ]);
        assert_eq!(t.find("原告于8月提起诉讼", true).len(), 1);
        assert_eq!(t.find("原告于8月提起诉讼", false).len(), 0);
        assert_eq!(t.find("Acme sued Bolt", false).len(), 1);
    }
}
