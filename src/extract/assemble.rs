//! Puts the pieces together for one article: sentences, names, triggers,
//! dates, modality and roles become mentions, one per (kind, date) per
//! article.
//!
//! The date rule lives here: a trigger takes the date of its own clause;
//! failing that, a date in a coordinated clause that no other trigger
//! claims, a date fronted before the coordination ("China on Tuesday opened
//! … and added …"), or the date a ", when" clause hangs on.

use super::dates::{find_dates, DateMatch};
use super::dating::{
    add_phrase_dates, clause_of, group, group_index, mask_dates, nonevent_date, pick_date,
};
use super::entities::{unknown_orgs, Found};
use super::roles::{self, Scope};
use super::rules::TriggerKind;
use super::sentences::{clauses, sentences, Clause};
use super::triggers::{Hit, TriggerTable};
use super::Rules;
use crate::model::{Article, Kind, Mention};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Words that refer back to a named entity: (phrase, what the entity's name
/// contains, or its type after "type:").
const ANAPHORS: &[(&str, &str)] = &[
    ("the department", "Department"),
    ("the bureau", "Bureau"),
    ("the commission", "Commission"),
    ("the ministry", "Ministry"),
    ("the regulator", "type:agency"),
    ("the agency", "type:agency"),
    ("the watchdog", "type:agency"),
    ("the company", "type:company"),
    ("the chinese company", "type:company"),
    ("the smartphone maker", "type:company"),
    ("the chipmaker", "type:company"),
    ("the firm", "type:company"),
    ("the startup", "type:company"),
    ("the app", "type:product|company"),
    ("the chatbot", "type:product|company"),
    ("the service", "type:product|company"),
    ("the platform", "type:product|company"),
    ("该公司", "type:company"),
    ("该部", "type:agency"),
];

pub fn extract(article: &Article, rules: &Rules) -> Vec<Mention> {
    let (anchor, absolute_only) = match article.published {
        Some(p) => (p, false),
        None => (fallback_anchor(), true),
    };
    let text = article.text.as_str();
    let names = article_names(text, rules);
    let mut out: Vec<Mention> = Vec::new();
    let mut last_kind: Option<(usize, Kind)> = None;
    for (si, sent) in sentences(text).into_iter().enumerate() {
        let s = &text[sent.start..sent.end];
        let zh = s.chars().any(is_han);
        let mut hits = rules.triggers.find(s, zh);
        if hits.is_empty() {
            continue;
        }
        let cs = clauses(s, zh);
        let group_of = |h: &Hit| {
            let ci = clause_of(&cs, h.verb_start);
            group_index(&cs, ci).0
        };
        TriggerTable::absorb(&mut hits, group_of);
        let mut dates = find_dates(s, &anchor);
        if absolute_only {
            dates.retain(|d| !d.relative);
        }
        dates.retain(|d| !nonevent_date(rules, s, d, &hits, zh));
        add_phrase_dates(rules, s, &mut dates, &out, si);
        if !dates.is_empty() {
            let local: Vec<Found> = names
                .iter()
                .filter(|f| f.start >= sent.start && f.end <= sent.end)
                .map(|f| Found {
                    start: f.start - sent.start,
                    end: f.end - sent.start,
                    ..f.clone()
                })
                .collect();
            for (hi, hit) in hits.iter().enumerate() {
                if hit.nominal {
                    continue;
                }
                let kind = match hit.kind {
                    TriggerKind::Kind(k) => k,
                    TriggerKind::Effect => {
                        let before = hits[..hi].iter().rev().find_map(|h| match h.kind {
                            TriggerKind::Kind(k) => Some(k),
                            TriggerKind::Effect => None,
                        });
                        match (before, last_kind) {
                            (Some(k), _) => k,
                            (None, Some((at, k))) if si - at <= 2 => k,
                            _ => continue,
                        }
                    }
                };
                let prior = names
                    .iter()
                    .filter(|f| {
                        f.end <= sent.start && matches!(f.kind.as_str(), "company" | "product")
                    })
                    .next_back()
                    .map(|f| f.name.as_str());
                if let Some(mut m) = mention(
                    rules, s, si, &cs, &dates, &hits, hit, kind, &local, zh, prior,
                ) {
                    if m.actors.is_empty() && m.targets.is_empty() {
                        inherit_names(&mut m, &out);
                    }
                    out.push(m);
                }
            }
        }
        if let Some(k) = hits.iter().rev().find_map(|h| match h.kind {
            TriggerKind::Kind(k) => Some(k),
            TriggerKind::Effect => None,
        }) {
            last_kind = Some((si, k));
        }
    }
    dedupe(out)
}

#[allow(clippy::too_many_arguments)]
fn mention(
    rules: &Rules,
    s: &str,
    si: usize,
    cs: &[Clause],
    dates: &[DateMatch],
    hits: &[Hit],
    hit: &Hit,
    kind: Kind,
    names: &[Found],
    zh: bool,
    prior: Option<&str>,
) -> Option<Mention> {
    if kind == Kind::Accusation && !zh && reduced_relative(&s[..hit.verb_start]) {
        return None;
    }
    let ci = clause_of(cs, hit.verb_start);
    let clause = cs.get(ci)?;
    let (date, own) = pick_date(s, cs, ci, dates, hits, hit)?;
    let from = clause.start.min(hit.start);
    if rules
        .modality
        .check(&mask_dates(s, from, hit.verb_start, dates), zh)
        .is_some()
    {
        return None;
    }
    let (gs, ge) = group(cs, ci);
    let scope = Scope {
        clause: clause.start..clause.end,
        group: gs..ge,
    };
    let mut r = roles::assign(s, names, hit, &scope, zh);
    // "Texas banned it": the object pronoun is the last company named.
    if r.targets.is_empty() {
        let after = s[hit.verb_end..].trim_start();
        let pronoun = ["it ", "it.", "it,", "them ", "其"]
            .iter()
            .any(|p| after.starts_with(p));
        if let (true, Some(p)) = (pronoun, prior) {
            if !r.actors.iter().any(|a| a == p) {
                r.targets.push(p.to_string());
            }
        }
    }
    let cues = find_cues(rules, s, zh);
    Some(Mention {
        kind,
        span: date.span,
        actors: r.actors,
        targets: r.targets,
        evidence: s.trim().to_string(),
        sentence: si,
        confidence: hit.weight * if own { 0.9 } else { 0.7 },
        cues,
    })
}

/// A mention that names nobody ("公告自8月1日起正式实施", "The review
/// began on March 31") is about the event just reported: it takes that
/// event's names, preferring one of its own kind.
fn inherit_names(m: &mut Mention, before: &[Mention]) {
    let recent = || {
        before
            .iter()
            .rev()
            .take_while(|o| m.sentence.saturating_sub(o.sentence) <= 3)
    };
    let source = recent()
        .find(|o| o.kind == m.kind)
        .or_else(|| recent().find(|o| m.sentence.saturating_sub(o.sentence) <= 2));
    if let Some(o) = source {
        m.actors = o.actors.clone();
        m.targets = o.targets.clone();
    }
}

/// "three companies accused of supplying parts": a participle after a
/// plain noun describes the noun; nobody is accusing anyone in this clause.
fn reduced_relative(before_verb: &str) -> bool {
    const SUBJECT_ENDS: &[&str] = &[
        "has",
        "have",
        "had",
        "also",
        "publicly",
        "formally",
        "was",
        "were",
        "been",
        "is",
        "are",
        "repeatedly",
        "again",
        "previously",
        "then",
        "later",
        "it",
        "they",
        "he",
        "she",
        "and",
        "who",
        "which",
        "that",
        "officially",
        "openly",
        "directly",
        "explicitly",
        "once",
        "first",
    ];
    let Some(w) = before_verb.split_whitespace().next_back() else {
        return false;
    };
    let starts_lower = w.chars().next().is_some_and(|c| c.is_lowercase());
    let lw = w.to_lowercase();
    starts_lower && !SUBJECT_ENDS.contains(&lw.as_str()) && !w.ends_with(',') && lw.ends_with('s')
}

fn find_cues(rules: &Rules, s: &str, zh: bool) -> Vec<String> {
    if zh {
        return rules
            .cues_zh
            .iter()
            .filter(|c| s.contains(c.as_str()))
            .cloned()
            .collect();
    }
    let lower = s.to_lowercase();
    rules
        .cues_en
        .iter()
        .filter(|c| lower.contains(c.as_str()))
        .cloned()
        .collect()
}

/// Every name in the article: the gazetteer's, the recognised ones, and
/// the phrases that refer back to a name ("the department").
fn article_names(text: &str, rules: &Rules) -> Vec<Found> {
    let known = rules.gazetteer.find(text);
    let unknown = unknown_orgs(text, &known);
    // 美国星海防务公司: a country right before a company name describes it.
    let mut all: Vec<Found> = known
        .iter()
        .filter(|k| !(k.kind == "country" && unknown.iter().any(|u| u.start == k.end)))
        .cloned()
        .collect();
    all.extend(unknown);
    let lower = text.to_lowercase();
    if lower.len() == text.len() {
        for (phrase, want) in ANAPHORS {
            let mut from = 0;
            while let Some(p) = lower[from..].find(phrase) {
                let at = from + p;
                let end = at + phrase.len();
                from = end;
                if lower[end..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric())
                    || all.iter().any(|f| at < f.end && f.start < end)
                {
                    continue;
                }
                let target = known.iter().filter(|f| f.end <= at).rev().find(|f| {
                    match want.strip_prefix("type:") {
                        Some(t) => t.split('|').any(|t| f.kind == t),
                        None => f.name.contains(want),
                    }
                });
                if let Some(t) = target {
                    all.push(Found {
                        start: at,
                        end,
                        ..t.clone()
                    });
                }
            }
        }
    }
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    all
}

/// One mention per (kind, date) per article: later reports of the same
/// event in the article add their names to the first.
fn dedupe(ms: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        if let Some(o) = out
            .iter_mut()
            .find(|o| o.kind == m.kind && o.span == m.span)
        {
            for a in m.actors {
                if !o.actors.contains(&a) {
                    o.actors.push(a);
                }
            }
            for t in m.targets {
                if !o.targets.contains(&t) && !o.actors.contains(&t) {
                    o.targets.push(t);
                }
            }
            for c in m.cues {
                if !o.cues.contains(&c) {
                    o.cues.push(c);
                }
            }
            o.confidence = o.confidence.max(m.confidence);
            continue;
        }
        out.push(m);
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// An anchor for articles without a publication time; only absolute dates
/// are kept for them.
fn fallback_anchor() -> DateTime<FixedOffset> {
    let utc = FixedOffset::east_opt(0);
    let day = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    match (utc, day) {
        (Some(o), Some(d)) => DateTime::from_naive_utc_and_offset(d, o),
        _ => DateTime::<FixedOffset>::default(),
    }
}
