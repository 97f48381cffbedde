//! The timeline: mentions in, events out. Pure: no I/O, no clock.
//!
//! Reports of one incident across articles and languages merge into one
//! event that keeps every source and its own evidence sentence
//! ([`merge`]); the event takes the most precise date its sources agree on
//! and flags those that disagree; its id derives from what it is
//! ([`ids`]); the analyst's decisions are replayed on top
//! ([`decisions`]); events sharing actors or targets, or tied by the text
//! ("in response to"), are linked ([`links`]); each gets a headline
//! ([`title`]).

pub mod decisions;
pub mod features;
pub mod forest;
pub mod ids;
pub mod incremental;
pub mod layout;
pub mod links;
pub mod merge;
pub mod relief;
pub mod title;

use crate::extract::nations;
use crate::model::{DateSpan, Decision, Event, Kind, MentionRecord, Source, Status};
use decisions::{Cluster, Manual};
use features::{norm_name, Features};
use rayon::prelude::*;

/// Builds the timeline from every mention and every decision, oldest first.
pub fn build(mentions: &[MentionRecord], decisions: &[Decision]) -> Vec<Event> {
    build_with(mentions, decisions, nations::Nations::builtin())
}

/// As [`build`], with the countries and bodies of this table (built from
/// the user's entities too, see [`nations::Nations::from_rules`]).
pub fn build_with(
    mentions: &[MentionRecord],
    decisions: &[Decision],
    nations: &nations::Nations,
) -> Vec<Event> {
    // seed order makes the result independent of the order given
    let mut sorted: Vec<&MentionRecord> = mentions.iter().collect();
    sorted.par_sort_by(|a, b| ids::seed_order(a, b));
    let owned = sorted;
    let mut feats = features::Features::with_nations(&owned, nations);
    // the heavy steps run on every core: the kinds' merges, the ids of
    // every report, the events' assembly
    let merged = merge::cluster_by_kind(&mut feats);
    // the reports' features served the merger; what follows reads the
    // names only, so the memory they hold goes back before the events grow
    feats.items = Vec::new();
    let mut clusters: Vec<Cluster> = merged
        .into_par_iter()
        .map(|members| Cluster::auto(&owned, members))
        .collect();
    decisions::replay(&mut clusters, &owned, decisions);
    let mut events: Vec<(Event, Vec<usize>)> = clusters
        .par_iter()
        .filter_map(|c| assemble(c, &owned, &feats).map(|e| (e, c.members.clone())))
        .collect();
    drop(clusters);
    // ids are unique even if two seeds hash alike
    let mut seen = std::collections::HashSet::new();
    for (e, _) in events.iter_mut() {
        let mut id = e.id.clone();
        let mut n = 2;
        while !seen.insert(id.clone()) {
            id = format!("{}-{n}", e.id);
            n += 1;
        }
        e.id = id;
    }
    events.sort_by(|(a, _), (b, _)| {
        a.span
            .first_day()
            .cmp(&b.span.first_day())
            .then(a.span.last_day().cmp(&b.span.last_day()))
            .then(a.id.cmp(&b.id))
    });
    let (mut events, members): (Vec<Event>, Vec<Vec<usize>>) = events.into_iter().unzip();
    links::relate(&mut events, &members, &owned, &feats);
    events
}

/// The id of a hand-made event, from its content.
pub fn manual_id(payload: &str) -> String {
    let h = blake3::hash(payload.as_bytes());
    format!("m{}", &h.to_hex()[..15])
}

/// Days a span covers, as (first, last).
fn days(s: &DateSpan) -> (chrono::NaiveDate, chrono::NaiveDate) {
    (s.first_day(), s.last_day())
}

fn covers(a: &DateSpan, b: &DateSpan) -> bool {
    let (af, al) = days(a);
    let (bf, bl) = days(b);
    af <= bf && bl <= al
}

/// The most precise date that a majority of the sources agree with (a
/// date agrees with another when one covers the other), else the one most
/// agree with. Returns the date and, per source, whether it agrees.
pub fn choose_span(spans: &[DateSpan]) -> Option<(DateSpan, Vec<bool>)> {
    let mut cands: Vec<DateSpan> = spans.to_vec();
    cands.sort_by_key(|s| (s.first_day(), s.last_day(), s.start.precision()));
    cands.dedup();
    let agree = |c: &DateSpan, s: &DateSpan| covers(c, s) || covers(s, c);
    let support = |c: &DateSpan| spans.iter().filter(|s| agree(c, s)).count();
    let width = |c: &DateSpan| (c.last_day() - c.first_day()).num_days();
    let n = spans.len();
    let best = cands
        .iter()
        .filter(|c| support(c) * 2 > n)
        .min_by_key(|c| (width(c), std::cmp::Reverse(support(c)), c.first_day()))
        .or_else(|| {
            cands
                .iter()
                .min_by_key(|c| (std::cmp::Reverse(support(c)), width(c), c.first_day()))
        })
        .copied()?;
    // a stated span that starts where the chosen date starts adds its end
    let best = cands
        .iter()
        .filter(|c| c.end.is_some() && c.start == best.start && best.end.is_none())
        .max_by_key(|c| (support(c), c.last_day()))
        .copied()
        .unwrap_or(best);
    let flags = spans.iter().map(|s| agree(&best, s)).collect();
    Some((best, flags))
}

/// Names of the members in order of how many name them, then first seen;
/// one spelling per name (spellings that fold alike count as one).
fn tally<'a>(lists: impl Iterator<Item = &'a Vec<String>>, feats: &Features) -> Vec<String> {
    // (interned name, first spelling, count); a spelling the merger never
    // saw counts on its own
    let mut counts: Vec<(u32, &str, usize)> = Vec::new();
    let mut this: Vec<u32> = Vec::new();
    for list in lists {
        this.clear();
        for name in list {
            if name.trim().is_empty() {
                continue;
            }
            let key = feats.key(name).unwrap_or(u32::MAX);
            if key != u32::MAX && this.contains(&key) {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == key && key != u32::MAX) {
                Some(c) => c.2 += 1,
                None => counts.push((key, name.trim(), 1)),
            }
            this.push(key);
        }
    }
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(counts[i].2), i));
    order.into_iter().map(|i| counts[i].1.to_string()).collect()
}

fn source_of(m: &MentionRecord) -> Source {
    Source {
        mention_id: m.id,
        url: m.url.clone(),
        outlet: m.outlet.clone(),
        title: m.article_title.clone(),
        published: m.published,
        evidence: m.mention.evidence.clone(),
        date: None,
    }
}

/// One cluster as an event; `None` for a cluster left empty by decisions.
fn assemble(c: &Cluster, mentions: &[&MentionRecord], feats: &Features) -> Option<Event> {
    let members: Vec<&MentionRecord> = c.members.iter().map(|&i| mentions[i]).collect();
    let mut sources: Vec<Source> = Vec::new();
    let mut spans: Vec<DateSpan> = Vec::new();
    if let Some(m) = &c.manual {
        sources.push(m.source());
    }
    for m in &members {
        if sources.iter().any(|s| s.url == m.url) {
            continue;
        }
        sources.push(source_of(m));
        spans.push(m.mention.span);
    }
    if sources.is_empty() {
        return None;
    }
    let (mut kind, mut span, mut actors, mut targets, mut title, mut date_conflict) =
        match &c.manual {
            Some(Manual {
                kind,
                span,
                actors,
                targets,
                title,
                ..
            }) => {
                let mut conflict = false;
                for (s, sp) in sources.iter_mut().skip(1).zip(&spans) {
                    if !(covers(span, sp) || covers(sp, span)) {
                        s.date = Some(*sp);
                        conflict = true;
                    }
                }
                let mut a = actors.clone();
                a.extend(tally(members.iter().map(|m| &m.mention.actors), feats));
                let mut t = targets.clone();
                t.extend(tally(members.iter().map(|m| &m.mention.targets), feats));
                (
                    *kind,
                    *span,
                    dedup_names(a),
                    dedup_names(t),
                    title.clone(),
                    conflict,
                )
            }
            None => {
                let (span, agree) = choose_span(&spans)?;
                let mut conflict = false;
                for ((s, sp), ok) in sources.iter_mut().zip(&spans).zip(agree) {
                    if !ok {
                        s.date = Some(*sp);
                        conflict = true;
                    }
                }
                let kind = members
                    .first()
                    .map(|m| m.mention.kind)
                    .unwrap_or(Kind::Other);
                let actors = tally(members.iter().map(|m| &m.mention.actors), feats);
                let targets = tally(members.iter().map(|m| &m.mention.targets), feats);
                (kind, span, actors, targets, String::new(), conflict)
            }
        };
    // the analyst's corrections win over what the sources say; a headline
    // not corrected follows the corrected kind and names
    let edited = c.edit.as_ref().map(|e| e.fields()).unwrap_or_default();
    if let Some(e) = &c.edit {
        if let Some(k) = e.kind {
            kind = k;
        }
        if let Some(s) = e.span {
            span = s;
            // each source's own reading shows where it disagrees
            date_conflict = false;
            let skip = usize::from(c.manual.is_some());
            for (s, sp) in sources.iter_mut().skip(skip).zip(&spans) {
                s.date = (!(covers(&span, sp) || covers(sp, &span))).then_some(*sp);
                date_conflict |= s.date.is_some();
            }
        }
        if let Some(a) = &e.actors {
            actors = a.clone();
        }
        if let Some(t) = &e.targets {
            targets = t.clone();
        }
        if let Some(t) = &e.title {
            title = t.clone();
        }
    }
    if title.trim().is_empty() {
        let evidence: Vec<&str> = sources.iter().map(|s| s.evidence.as_str()).collect();
        title = title::headline(kind, &actors, &targets, &evidence);
    }
    Some(Event {
        id: c.id.clone(),
        kind,
        span,
        title,
        actors,
        targets,
        status: c.status,
        note: c.note.clone(),
        sources,
        related: Vec::new(),
        date_conflict,
        edited,
    })
}

fn dedup_names(v: Vec<String>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for n in v {
        let k = norm_name(&n);
        if !k.is_empty() && !seen.contains(&k) {
            seen.push(k);
            out.push(n);
        }
    }
    out
}

/// The status a fresh cluster starts with.
pub(crate) fn default_status() -> Status {
    Status::Auto
}

#[cfg(test)]
mod tests_incremental;
#[cfg(test)]
mod tests_locality;
#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod tests;
