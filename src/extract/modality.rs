//! Modality and polarity: does the clause assert its event, or only
//! consider, threaten, deny or negate it?
//!
//! "Could be added to the list" and "has not filed suit" carry the same
//! trigger words as real events; reporting them would put invented events
//! in the timeline. A cue counts when it stands in the trigger's clause,
//! before the trigger (English: as a whole word).

use super::lang::ModalityWords;
use aho_corasick::AhoCorasick;

/// Why a trigger does not yield an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    Hedge(String),
    Negation(String),
}

/// The compiled cue lists of one language.
#[derive(Debug, Clone, Default)]
pub struct Modality {
    /// Words separated by spaces: cues match as whole words, ignoring case.
    spaced: bool,
    hedge: Vec<String>,
    negation: Vec<String>,
    reported: Vec<String>,
    not_cue: Vec<String>,
    /// One pass over a clause for every cue: (is negation, cue) by pattern.
    matcher: Option<(AhoCorasick, Vec<(bool, String)>)>,
}

fn matcher(neg: &[String], hedge: &[String]) -> Option<(AhoCorasick, Vec<(bool, String)>)> {
    let cues: Vec<(bool, String)> = neg
        .iter()
        .map(|c| (true, c.clone()))
        .chain(hedge.iter().map(|c| (false, c.clone())))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let ac = AhoCorasick::new(cues.iter().map(|(_, c)| c.as_str())).ok()?;
    Some((ac, cues))
}

impl Modality {
    pub fn new(spaced: bool, words: &ModalityWords) -> Modality {
        let mut m = Modality {
            spaced,
            ..Modality::default()
        };
        m.extend(words);
        m
    }

    /// Adds more cues of this language.
    pub fn extend(&mut self, words: &ModalityWords) {
        let spaced = self.spaced;
        let low = |v: &[String]| {
            v.iter()
                .map(|s| if spaced { s.to_lowercase() } else { s.clone() })
                .collect::<Vec<_>>()
        };
        self.hedge.extend(low(&words.hedge));
        self.negation.extend(low(&words.negation));
        self.reported.extend(low(&words.reported));
        self.not_cue.extend(low(&words.not_cue));
        self.matcher = matcher(&self.negation, &self.hedge);
    }

    /// The hedge and negation cues, for tests that try each.
    pub fn cues(&self) -> impl Iterator<Item = &str> {
        self.hedge.iter().chain(&self.negation).map(String::as_str)
    }

    /// Checks `before`, the clause text from its start up to the trigger.
    pub fn check(&self, before: &str) -> Option<Blocked> {
        let block = |neg: bool, cue: &str| {
            Some(if neg {
                Blocked::Negation(cue.to_string())
            } else {
                Blocked::Hedge(cue.to_string())
            })
        };
        let (ac, cues) = self.matcher.as_ref()?;
        if !self.spaced {
            for m in ac.find_overlapping_iter(before) {
                let (neg, cue) = &cues[m.pattern().as_usize()];
                if !inside_exception(before, m.start(), cue, &self.not_cue) {
                    return block(*neg, cue);
                }
            }
            return None;
        }
        let norm = before.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = norm.to_lowercase();
        for m in ac.find_overlapping_iter(&lower) {
            let (neg, cue) = &cues[m.pattern().as_usize()];
            if !whole_words(&lower, m.start(), m.end(), cue) {
                continue;
            }
            // "Pub. L. No. 115-232", "Case No: 20-cv-2658": a number's
            // label, not a negation.
            if cue == "no" && lower[m.end()..].starts_with(['.', ':']) {
                continue;
            }
            // "the No TikTok on Government Devices Act was enacted": a cue
            // that opens a statute's title.
            if norm.len() == lower.len()
                && norm[m.start()..].starts_with(|c: char| c.is_uppercase())
                && opens_title(&norm[m.end()..])
            {
                continue;
            }
            // "said it would impose": a reported plan, asserted.
            if !*neg && cue == "would" && self.reported_before(&lower[..m.start()]) {
                continue;
            }
            if inside_exception(&lower, m.start(), cue, &self.not_cue) {
                continue;
            }
            return block(*neg, cue);
        }
        None
    }

    /// "said it", "said on Monday that it": the would-clause reports a
    /// decision. The reporting verb is the first word of a listed phrase.
    fn reported_before(&self, text: &str) -> bool {
        let t = text.trim_end();
        if self.reported.iter().any(|r| t.ends_with(r.as_str())) {
            return true;
        }
        let words: Vec<&str> = t.split_whitespace().rev().take(6).collect();
        let Some((last, rest)) = words.split_first() else {
            return false;
        };
        let pronoun = self
            .reported
            .iter()
            .filter_map(|r| r.split_whitespace().last())
            .any(|p| p == *last);
        let verbs: Vec<&str> = self
            .reported
            .iter()
            .filter_map(|r| r.split_whitespace().next())
            .collect();
        pronoun && rest.iter().any(|w| verbs.contains(w))
    }
}

/// True when `rest`, the text after a capitalised cue, runs on in title
/// case to the head of a statute's name ("… on Government Devices Act").
fn opens_title(rest: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "on", "for", "the", "and", "from", "to", "in", "a", "an",
    ];
    for w in rest.split_whitespace().take(12) {
        let w = w.trim_end_matches([',', '.', ';', ':', ')']);
        if matches!(w, "Act" | "Law" | "Bill") {
            return true;
        }
        if !(SMALL.contains(&w) || w.starts_with(|c: char| c.is_uppercase())) {
            return false;
        }
    }
    false
}

/// True when the Chinese cue at `at` is part of a word that merely
/// contains it (未 in 未来).
fn inside_exception(text: &str, at: usize, cue: &str, exceptions: &[String]) -> bool {
    exceptions.iter().any(|x| {
        x.find(cue).is_some_and(|off| {
            at >= off
                && text
                    .get(at - off..)
                    .is_some_and(|t| t.starts_with(x.as_str()))
        })
    })
}

/// True when text[start..end] stands as whole words ("n't" may attach to
/// its verb).
fn whole_words(text: &str, start: usize, end: usize, cue: &str) -> bool {
    let before_ok = cue.starts_with("n'")
        || !text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
    let after_ok = !text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric());
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn en() -> Modality {
        Modality::new(
            true,
            &ModalityWords {
                hedge: s(&["could", "may", "would", "plans to", "threatened to"]),
                negation: s(&["not", "n't", "denied"]),
                reported: s(&["said it", "said they"]),
                not_cue: Vec::new(),
            },
        )
    }

    fn zh() -> Modality {
        Modality::new(
            false,
            &ModalityWords {
                hedge: s(&["可能", "拟"]),
                negation: s(&["未", "否认"]),
                reported: Vec::new(),
                not_cue: s(&["未来"]),
            },
        )
    }

    #[test]
    fn english_cues_block_as_whole_words() {
        let m = en();
        assert_eq!(
            m.check("Xiaomi could be "),
            Some(Blocked::Hedge("could".into()))
        );
        assert_eq!(
            m.check("It has not "),
            Some(Blocked::Negation("not".into()))
        );
        assert_eq!(m.check("It hasn't "), Some(Blocked::Negation("n't".into())));
        assert_eq!(m.check("The firm nothing "), None);
        assert_eq!(m.check("In Mayfield the city "), None);
        // a cue that opens a statute's title
        assert_eq!(m.check("The Not For Export Act was "), None);
        // "No." labels a number
        let m = Modality::new(
            true,
            &ModalityWords {
                hedge: Vec::new(),
                negation: s(&["no"]),
                reported: Vec::new(),
                not_cue: Vec::new(),
            },
        );
        assert_eq!(m.check("In Roe v. Doe, No. 20-1, the court "), None);
        assert_eq!(
            m.check("No court has "),
            Some(Blocked::Negation("no".into()))
        );
        let m = en();
        assert_eq!(
            m.check("Not one Act was "),
            Some(Blocked::Negation("not".into()))
        );
    }

    #[test]
    fn reported_would_is_asserted() {
        let m = en();
        assert_eq!(m.check("Beijing also said it would "), None);
        assert_eq!(m.check("Treasury said on      it would "), None);
        assert_eq!(
            m.check("the ban would "),
            Some(Blocked::Hedge("would".into()))
        );
    }

    #[test]
    fn chinese_cues_block_except_inside_other_words() {
        let m = zh();
        assert_eq!(m.check("公司尚未"), Some(Blocked::Negation("未".into())));
        assert_eq!(
            m.check("美国政府可能在未来数月内"),
            Some(Blocked::Hedge("可能".into()))
        );
        assert_eq!(m.check("未来数月内美国"), None);
    }
}
