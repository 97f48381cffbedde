//! Statutes as names. A law is what a legislature passes and a president
//! signs, so it is the target of a legislation event ("Congress passed the
//! Export Control Reform Act"; "新修正的资通安全管理法") and never its actor,
//! even as the subject ("these acts became law in 2018"); for any other
//! event it is the authority acted under ("tariffs under the International
//! Emergency Economic Powers Act"), neither actor nor target.
//!
//! Laws are recognised by shape: a capitalised run ending in "Act", with
//! the acronym a text defines for it ("(“IEEPA”)"), a title in 《》 or 「」
//! ending in 法 or 条例, or a run of Han characters ending in 法 after 的 or
//! 修正. "This act", "these acts" and 该法 refer to the last one named. A
//! law with no stated actor was passed by its legislature (`owner`): the
//! U.S. Congress for an Act in a text about the United States, the
//! Legislative Yuan for a law in a text from Taiwan's bodies, the
//! National People's Congress for a 中华人民共和国 law.

use super::entities::Found;
use super::nations::{acts_for, standing, Standing};

/// The kind of a law's `Found`.
pub const LAW: &str = "law";

/// Words that refer back to the last law named.
const ANAPHORS: &[&str] = &[
    "these acts",
    "this act",
    "the act",
    "These acts",
    "This act",
    "The act",
    "该法",
    "此法",
];

/// What may follow a bare Chinese law's 法: the law's name has ended.
const ZH_LAW_ENDS: &[&str] = &[
    "规定", "第", "，", "。", "、", "的", "及", "和", "与", "(", "（", "》", "」", "修正", "施行",
];

/// Marks the laws among `all` (sorted by start) and adds the bracketed and
/// bare Chinese ones and the words that refer back to a law.
pub fn mark_laws(text: &str, all: &mut Vec<Found>) {
    let speaks_for = |c: &str| {
        all.iter()
            .any(|f| f.known && (f.name == c || acts_for(&f.name, c)))
    };
    let american = speaks_for("United States");
    let taiwanese = speaks_for("Taiwan")
        && !all
            .iter()
            .any(|f| f.known && matches!(standing(&f.name), Standing::Body("China")));
    let mut acronyms: Vec<(String, String)> = Vec::new();
    for f in all.iter_mut().filter(|f| !f.known && f.kind == "org") {
        if f.name.ends_with(" Act") && f.name.len() > 8 {
            f.kind = LAW.into();
            f.owner = american.then(|| "Congress".to_string());
            if let Some(a) = defined_acronym(&text[f.end..]) {
                acronyms.push((a, f.name.clone()));
            }
        }
    }
    for f in all.iter_mut().filter(|f| !f.known) {
        if let Some((_, law)) = acronyms.iter().find(|(a, _)| *a == f.name) {
            f.name = law.clone();
            f.kind = LAW.into();
            f.owner = american.then(|| "Congress".to_string());
        }
    }
    let mut found = Vec::new();
    for (start, end) in zh_laws(text) {
        if all
            .iter()
            .any(|f| f.known && start < f.end && f.start < end)
        {
            continue;
        }
        let name = &text[start..end];
        let owner = if name.starts_with("中华人民共和国") {
            Some("National People's Congress")
        } else if taiwanese {
            Some("Legislative Yuan")
        } else {
            None
        };
        found.push(Found {
            start,
            end,
            name: name.to_string(),
            kind: LAW.into(),
            owner: owner.map(str::to_string),
            known: false,
        });
    }
    // a law's name is one name: the organisations found inside it go
    all.retain(|f| {
        f.known || f.kind == LAW || !found.iter().any(|l| l.start <= f.start && f.end <= l.end)
    });
    all.extend(found);
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut refs = Vec::new();
    for w in ANAPHORS {
        for (at, _) in text.match_indices(w) {
            let end = at + w.len();
            let latin_cut = text[end..].starts_with(|c: char| c.is_ascii_alphanumeric())
                || text[..at].ends_with(|c: char| c.is_ascii_alphanumeric());
            if latin_cut || all.iter().any(|f| at < f.end && f.start < end) {
                continue;
            }
            if let Some(law) = all.iter().rfind(|f| f.kind == LAW && f.end <= at) {
                refs.push(Found {
                    start: at,
                    end,
                    ..law.clone()
                });
            }
        }
    }
    all.extend(refs);
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
}

/// The acronym a text defines right after a name: ` (IEEPA)`, ` (“IEEPA”)`.
fn defined_acronym(after: &str) -> Option<String> {
    let inner = after.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let a = inner[..close].trim_matches(['"', '“', '”', '\'']);
    (a.len() >= 2 && a.len() <= 10 && a.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| a.to_string())
}

/// Byte ranges of Chinese laws: titles in 《》/「」 ending in 法 or 条例,
/// and bare names ending in 法 after 的 or 修正.
fn zh_laws(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [('《', '》'), ('「', '」')] {
        for (at, _) in text.match_indices(open) {
            let start = at + open.len_utf8();
            let Some(len) = text[start..].find(close) else {
                continue;
            };
            let inner = &text[start..start + len];
            if (inner.ends_with('法') || inner.ends_with("条例"))
                && (3..=25).contains(&inner.chars().count())
            {
                out.push((start, start + len));
            }
        }
    }
    for lead in ["的", "修正"] {
        for (at, _) in text.match_indices(lead) {
            let start = at + lead.len();
            let run: Vec<(usize, char)> = text[start..]
                .char_indices()
                .take_while(|(_, c)| crate::text::is_han(*c))
                .take(20)
                .collect();
            let end = run.iter().find_map(|&(i, c)| {
                let after = &text[start + i + c.len_utf8()..];
                (c == '法' && i >= 3 * 3 && ZH_LAW_ENDS.iter().any(|w| after.starts_with(w)))
                    .then_some(start + i + c.len_utf8())
            });
            if let Some(end) = end {
                if !out.iter().any(|&(s, e)| start < e && s < end) {
                    out.push((start, end));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str, name: &str) -> Found {
        let start = text.find(name).unwrap_or(0);
        Found {
            start,
            end: start + name.len(),
            name: name.into(),
            kind: "org".into(),
            owner: None,
            known: false,
        }
    }

    #[test]
    fn an_act_and_its_acronym_are_one_law() {
        let text =
            "Congress passed the Harbor Safety Act (“HSA”) in 2019. Under HSA, the agency acts.";
        let mut all = vec![org(text, "Harbor Safety Act"), org(text, "HSA")];
        let last = text.rfind("HSA").unwrap_or(0);
        all.push(Found {
            start: last,
            end: last + 3,
            ..org(text, "HSA")
        });
        mark_laws(text, &mut all);
        let laws: Vec<&str> = all
            .iter()
            .filter(|f| f.kind == LAW)
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(laws, ["Harbor Safety Act"; 3]);
    }

    #[test]
    fn these_acts_are_the_last_law_named() {
        let text =
            "It implements the Harbor Safety Act. Since these acts became law, little changed.";
        let mut all = vec![org(text, "Harbor Safety Act")];
        mark_laws(text, &mut all);
        assert_eq!(all.len(), 2);
        assert_eq!(&text[all[1].start..all[1].end], "these acts");
        assert_eq!(all[1].name, "Harbor Safety Act");
    }

    #[test]
    fn chinese_laws_in_titles_and_after_de() {
        let text = "依据《数据出境管理法》和新修正的网络设备管理法规定，机关不得使用该设备。";
        let got: Vec<&str> = zh_laws(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["数据出境管理法", "网络设备管理法"]);
        // a 法 inside a word is no law: 方法, 办法 without a name before
        assert!(zh_laws("他们的方法有效。").is_empty());
    }
}
