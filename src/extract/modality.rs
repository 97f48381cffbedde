//! Modality and polarity: does the clause assert its event, or only
//! consider, threaten, deny or negate it?
//!
//! "Could be added to the list" and "has not filed suit" carry the same
//! trigger words as real events; reporting them would put invented events
//! in the timeline. A cue counts when it stands in the trigger's clause,
//! before the trigger (English: as a whole word).

use super::rules::ModalitySpec;

/// Why a trigger does not yield an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    Hedge(String),
    Negation(String),
}

/// Compiled cue lists.
#[derive(Debug, Clone, Default)]
pub struct Modality {
    en_hedge: Vec<String>,
    en_negation: Vec<String>,
    en_reported: Vec<String>,
    zh_hedge: Vec<String>,
    zh_negation: Vec<String>,
    zh_not_cue: Vec<String>,
}

impl Modality {
    pub fn new(spec: &ModalitySpec) -> Modality {
        let low = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        Modality {
            en_hedge: low(&spec.en_hedge),
            en_negation: low(&spec.en_negation),
            en_reported: low(&spec.en_reported),
            zh_hedge: spec.zh_hedge.clone(),
            zh_negation: spec.zh_negation.clone(),
            zh_not_cue: spec.zh_not_cue.clone(),
        }
    }

    /// Adds a user's cues to these.
    pub fn extend(&mut self, spec: &ModalitySpec) {
        let more = Modality::new(spec);
        self.en_hedge.extend(more.en_hedge);
        self.en_negation.extend(more.en_negation);
        self.en_reported.extend(more.en_reported);
        self.zh_hedge.extend(more.zh_hedge);
        self.zh_negation.extend(more.zh_negation);
        self.zh_not_cue.extend(more.zh_not_cue);
    }

    /// Checks `before`, the clause text from its start up to the trigger.
    pub fn check(&self, before: &str, zh: bool) -> Option<Blocked> {
        if zh {
            for c in &self.zh_negation {
                if contains_zh(before, c, &self.zh_not_cue) {
                    return Some(Blocked::Negation(c.clone()));
                }
            }
            for c in &self.zh_hedge {
                if contains_zh(before, c, &self.zh_not_cue) {
                    return Some(Blocked::Hedge(c.clone()));
                }
            }
            return None;
        }
        let lower = before
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        for c in &self.en_negation {
            if has_phrase(&lower, c) {
                return Some(Blocked::Negation(c.clone()));
            }
        }
        for c in &self.en_hedge {
            if let Some(at) = find_phrase(&lower, c) {
                // "said it would impose": a reported plan, asserted.
                if c == "would" && self.reported_before(&lower[..at]) {
                    continue;
                }
                return Some(Blocked::Hedge(c.clone()));
            }
        }
        None
    }

    /// "said it", "said on Monday that it": the would-clause reports a
    /// decision. The reporting verb is the first word of a listed phrase.
    fn reported_before(&self, text: &str) -> bool {
        let t = text.trim_end();
        if self.en_reported.iter().any(|r| t.ends_with(r.as_str())) {
            return true;
        }
        let words: Vec<&str> = t.split_whitespace().rev().take(6).collect();
        let Some((last, rest)) = words.split_first() else {
            return false;
        };
        let pronoun = self
            .en_reported
            .iter()
            .filter_map(|r| r.split_whitespace().last())
            .any(|p| p == *last);
        let verbs: Vec<&str> = self
            .en_reported
            .iter()
            .filter_map(|r| r.split_whitespace().next())
            .collect();
        pronoun && rest.iter().any(|w| verbs.contains(w))
    }
}

/// True when the Chinese cue occurs outside the words that merely contain
/// it (未 in 未来).
fn contains_zh(text: &str, cue: &str, exceptions: &[String]) -> bool {
    let mut from = 0;
    while let Some(p) = text[from..].find(cue) {
        let at = from + p;
        let excepted = exceptions.iter().any(|x| {
            x.contains(cue)
                && x.find(cue)
                    .is_some_and(|off| at >= off && text[at - off..].starts_with(x.as_str()))
        });
        if !excepted {
            return true;
        }
        from = at + cue.len();
    }
    false
}

fn has_phrase(text: &str, phrase: &str) -> bool {
    find_phrase(text, phrase).is_some()
}

/// The byte offset of `phrase` in `text` as whole words ("n't" may attach
/// to its verb).
fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = text[from..].find(phrase) {
        let at = from + p;
        let end = at + phrase.len();
        let before_ok = phrase.starts_with('n') && phrase.starts_with("n'")
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
        let after_ok = !text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + phrase.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Modality {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Modality::new(&ModalitySpec {
            en_hedge: s(&["could", "may", "would", "plans to", "threatened to"]),
            en_negation: s(&["not", "n't", "denied"]),
            en_reported: s(&["said it", "said they"]),
            zh_hedge: s(&["可能", "拟"]),
            zh_negation: s(&["未", "否认"]),
            zh_not_cue: s(&["未来"]),
        })
    }

    #[test]
    fn english_cues_block_as_whole_words() {
        let m = m();
        assert_eq!(
            m.check("Xiaomi could be ", false),
            Some(Blocked::Hedge("could".into()))
        );
        assert_eq!(
            m.check("It has not ", false),
            Some(Blocked::Negation("not".into()))
        );
        assert_eq!(
            m.check("It hasn't ", false),
            Some(Blocked::Negation("n't".into()))
        );
        assert_eq!(m.check("The firm nothing ", false), None);
        assert_eq!(m.check("In Mayfield the city ", false), None);
    }

    #[test]
    fn reported_would_is_asserted() {
        let m = m();
        assert_eq!(m.check("Beijing also said it would ", false), None);
        assert_eq!(m.check("Treasury said on      it would ", false), None);
        assert_eq!(
            m.check("the ban would ", false),
            Some(Blocked::Hedge("would".into()))
        );
    }

    #[test]
    fn chinese_cues_block_except_inside_other_words() {
        let m = m();
        assert_eq!(
            m.check("公司尚未", true),
            Some(Blocked::Negation("未".into()))
        );
        assert_eq!(
            m.check("美国政府可能在未来数月内", true),
            Some(Blocked::Hedge("可能".into()))
        );
        assert_eq!(m.check("未来数月内美国", true), None);
    }
}
