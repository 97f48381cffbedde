//! Words that stand for a name, and names a document gives elsewhere:
//! "the President" and "the Secretary" in American texts, 我国 in a text
//! from Taiwan's bodies, one-character country names (对美, 自华), the
//! parties of a court caption ("A v. B"), and a list a decision announces
//! with 以下 and spells out in the next sentence. `assemble` calls these
//! while it gathers an article's names and builds its mentions.

use super::entities::{Found, Gazetteer};
use super::triggers::Hit;
use crate::model::{DateSpan, Kind, Mention};
use chrono::NaiveDate;

/// "对以下美国企业采取反制措施：": the trigger's targets are announced
/// ("以下", "下列") and the sentence ends on a colon, so the list follows.
pub(super) fn announces_list(s: &str, hit: &Hit) -> bool {
    let before = s.get(..hit.verb_start).unwrap_or("");
    let opens = ["对以下", "对下列", "将以下", "将下列"]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max();
    opens.is_some() && s.trim_end().ends_with(['：', ':'])
}

/// The companies and organisations a list sentence names (byte range
/// `start..end` of the article), added to the event's targets; countries
/// there only describe them.
pub(super) fn listed_targets(m: &mut Mention, names: &[Found], start: usize, end: usize) {
    let listed = names
        .iter()
        .filter(|f| f.start >= start && f.end <= end)
        .filter(|f| matches!(f.kind.as_str(), "company" | "org" | "person" | "product"))
        .take(25);
    for f in listed {
        if !m.targets.contains(&f.name) && !m.actors.contains(&f.name) {
            m.targets.push(f.name.clone());
        }
    }
}

/// A court document's ruling that names no party concerns the parties of
/// its caption ("Xiaomi Corp. v. Dep't of Def."), and a suit named by
/// nobody is the plaintiffs' against the defendants.
pub(super) fn from_caption(m: &mut Mention, (plaintiffs, defendants): &(Vec<String>, Vec<String>)) {
    let add = |into: &mut Vec<String>, from: &[String], other: &[String]| {
        for p in from {
            if !into.contains(p) && !other.contains(p) {
                into.push(p.clone());
            }
        }
    };
    match m.kind {
        Kind::Ruling if m.targets.is_empty() => {
            let mut t = Vec::new();
            add(&mut t, defendants, &m.actors);
            add(&mut t, plaintiffs, &m.actors);
            m.targets = t;
        }
        Kind::Lawsuit if m.actors.is_empty() && m.targets.is_empty() => {
            m.actors = plaintiffs.clone();
            let mut t = Vec::new();
            add(&mut t, defendants, &m.actors);
            m.targets = t;
        }
        _ => {}
    }
}

/// Chinese writes a country as one character after a preposition or a
/// verb of travel or response: 对美加征关税, 反制美301措施, 自华进口, 赴美.
/// 美 and 华 are then the United States and China, unless the character
/// runs on into another word (美元, 华为, 华尔街, 华盛顿, 华人).
pub(super) fn country_abbreviations(text: &str, all: &mut Vec<Found>) {
    const BEFORE: &[&str] = &["对", "對", "反制", "自", "赴", "访", "訪", "来", "來"];
    const COUNTRIES: &[(char, &str, &str)] = &[
        ('美', "United States", "元国國方洲股金军軍籍术術食女丽麗好"),
        (
            '华',
            "China",
            "为為尔爾盛人裔侨僑夏南北东東西中府丽麗语語文",
        ),
        (
            '華',
            "China",
            "为為尔爾盛人裔侨僑夏南北东東西中府丽麗语語文",
        ),
    ];
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        let Some((_, name, runs_on)) = COUNTRIES.iter().find(|(x, _, _)| *x == c) else {
            continue;
        };
        let end = at + c.len_utf8();
        let next = text[end..].chars().next();
        if next.is_some_and(|n| runs_on.contains(n))
            || !BEFORE.iter().any(|b| text[..at].ends_with(b))
            || all.iter().any(|f| at < f.end && f.start < end)
        {
            continue;
        }
        found.push(Found {
            start: at,
            end,
            name: (*name).to_string(),
            kind: "country".into(),
            owner: None,
            known: true,
        });
    }
    all.extend(found);
}

/// 我国 ("our country") is the government that writes: China's in a
/// text from Beijing, Taiwan's in one that names Taiwan's bodies (行政院,
/// 数位发展部) and none of Beijing's.
pub(super) fn our_country(text: &str, all: &mut [Found]) {
    use super::nations::acts_for;
    let speaks_for = |c: &str| all.iter().any(|f| f.known && acts_for(&f.name, c));
    if !speaks_for("Taiwan") || speaks_for("China") {
        return;
    }
    for f in all.iter_mut() {
        if f.name == "China" && matches!(text.get(f.start..f.end), Some("我国" | "我國")) {
            f.name = "Taiwan".into();
        }
    }
}

/// Where "the TITLE" or "The TITLE" stands alone: not part of a longer
/// word, not "the TITLE of …", not before a capitalised name ("the
/// Secretary Raimondo"), and not inside a name already found.
fn bare_title(text: &str, title: &str, all: &[Found]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for pat in [format!("the {title}"), format!("The {title}")] {
        for (at, _) in text.match_indices(pat.as_str()) {
            let end = at + pat.len();
            let after = &text[end..];
            if !(after.starts_with(|c: char| c.is_alphanumeric())
                || after.starts_with(" of ")
                || after.trim_start().starts_with(|c: char| c.is_uppercase())
                || all.iter().any(|f| at < f.end && f.start < end))
            {
                out.push((at, end));
            }
        }
    }
    out
}

/// "The President signed this act": in a text that names the United
/// States or one of its bodies, "the President" (capitalised, not "the
/// President of …") is the U.S. president, whose name the event's date
/// settles (see `nations::us_president_on`).
pub(super) fn the_president(text: &str, all: &mut Vec<Found>) {
    use super::nations::{standing, Standing, THE_PRESIDENT};
    let american = all.iter().any(|f| {
        f.known
            && (f.name == "United States"
                || matches!(
                    standing(&f.name),
                    Standing::Body("United States") | Standing::Leader("United States")
                ))
    });
    if !american {
        return;
    }
    let found: Vec<Found> = bare_title(text, "President", all)
        .into_iter()
        .filter(|&(at, _)| !text[..at].ends_with(|c: char| c.is_alphanumeric()))
        .map(|(start, end)| Found {
            start,
            end,
            name: THE_PRESIDENT.to_string(),
            kind: "person".into(),
            owner: None,
            known: true,
        })
        .collect();
    all.extend(found);
}

/// "The Executive Order directs the Secretary of Commerce … the Secretary
/// issued": a bare "the Secretary" is the last secretary named, as the
/// department the gazetteer files that secretary under.
pub(super) fn the_secretary(text: &str, all: &mut Vec<Found>) {
    let mut found = Vec::new();
    for (at, end) in bare_title(text, "Secretary", all) {
        let secretary = all
            .iter()
            .filter(|f| f.known && f.end <= at && text[f.start..f.end].contains("Secretary"))
            .max_by_key(|f| f.end);
        if let Some(s) = secretary {
            found.push(Found {
                start: at,
                end,
                ..s.clone()
            });
        }
    }
    all.extend(found);
}

/// Puts the U.S. president on the event's day for "the President": the
/// day itself, or for a month or a year the publication day if it falls
/// in it, else the period's nearer end.
pub(super) fn name_the_president(names: &mut Vec<String>, span: &DateSpan, published: NaiveDate) {
    use super::nations::{us_president_on, THE_PRESIDENT};
    let Some(i) = names.iter().position(|n| n == THE_PRESIDENT) else {
        return;
    };
    let (first, last) = (span.start.first_day(), span.start.last_day());
    let day = published.clamp(first, last.max(first));
    match us_president_on(day) {
        Some(p) if !names.iter().any(|n| n == p) => names[i] = p.to_string(),
        _ => {
            names.remove(i);
        }
    }
}

/// The one company or product a headline names, if it names exactly one.
pub(super) fn headline_subject(title: &str, gazetteer: &Gazetteer) -> Option<String> {
    let mut names: Vec<String> = gazetteer
        .find(title)
        .into_iter()
        .filter(|f| matches!(f.kind.as_str(), "company" | "product"))
        .map(|f| f.name)
        .collect();
    names.dedup();
    match names.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}
