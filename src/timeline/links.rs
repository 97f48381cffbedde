//! Links between events: events that name the same actor or target, and
//! events the text ties together ("in response to", "follows", "after the
//! ruling", 作为回应). Follow-on chains (a listing, the lawsuit against it,
//! the ruling on the lawsuit) share their company, so each of them links
//! to the others and the chain is visible from any of its events.

use super::features::{norm_name, FastMap, Features};
use crate::model::{Event, MentionRecord, Status};
use std::collections::BTreeSet;

/// A name with at most this many events links them all to each other.
const SMALL_BUCKET: usize = 16;
/// In larger buckets an event links to this many neighbours in time on each side.
const NEIGHBOURS: usize = 2;
/// How far back (in days) a cue looks for the event it answers.
const CUE_LOOKBACK: i64 = 366;
/// How far back (in days) a lawsuit, ruling or removal looks for what it follows.
const FOLLOW_LOOKBACK: i64 = 730;
/// How many earlier events sharing one name a follow-on looks at.
const FOLLOW_SCAN: usize = 256;

/// Fills `related` of each event. `events` must be sorted oldest first;
/// `members[i]` are the mentions of `events[i]`.
pub fn relate(
    events: &mut [Event],
    members: &[Vec<usize>],
    mentions: &[&MentionRecord],
    feats: &Features,
) {
    let n = events.len();
    // names as interned ids: the merger's, then new ones for names only
    // hand-made events use
    let mut extra: FastMap<String, u32> = FastMap::default();
    let mut id_of = |raw: &str| -> u32 {
        feats.key(raw).unwrap_or_else(|| {
            let next = (feats.names.len() + extra.len()) as u32;
            *extra.entry(norm_name(raw)).or_insert(next)
        })
    };
    let mut role = |v: &[String]| -> Vec<u32> {
        let mut out: Vec<u32> = v
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| id_of(s))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let actors: Vec<Vec<u32>> = events.iter().map(|e| role(&e.actors)).collect();
    let targets: Vec<Vec<u32>> = events.iter().map(|e| role(&e.targets)).collect();
    let names: Vec<Vec<u32>> = actors
        .iter()
        .zip(&targets)
        .map(|(a, t)| {
            let mut v: Vec<u32> = a.iter().chain(t).copied().collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    // a rejected event is hidden from the timeline, so nothing links to it
    let hidden: Vec<bool> = events
        .iter()
        .map(|e| e.status == Status::Rejected)
        .collect();
    let mut buckets: FastMap<u32, Vec<usize>> = FastMap::default();
    for (i, ns) in names.iter().enumerate() {
        if hidden[i] {
            continue;
        }
        for name in ns {
            buckets.entry(*name).or_default().push(i);
        }
    }
    // a tenth of the events, the count rounded down to a power of two so
    // that a refresh moves the line only when the timeline doubles
    let generic = SMALL_BUCKET.max(super::features::pow2(n as u64) as usize / 10);
    let mut edges: BTreeSet<(usize, usize)> = BTreeSet::new();
    let edge = |a: usize, b: usize, edges: &mut BTreeSet<(usize, usize)>| {
        if a != b {
            edges.insert((a.min(b), a.max(b)));
        }
    };
    for bucket in buckets.values() {
        if bucket.len() <= SMALL_BUCKET {
            for (x, &a) in bucket.iter().enumerate() {
                for &b in &bucket[x + 1..] {
                    edge(a, b, &mut edges);
                }
            }
        } else if bucket.len() <= generic {
            for (x, &a) in bucket.iter().enumerate() {
                for &b in bucket[x + 1..].iter().take(NEIGHBOURS) {
                    edge(a, b, &mut edges);
                }
            }
        }
    }
    follow_ons(events, &hidden, &buckets, (&actors, &targets), &mut edges);
    // cues: the event a cued report answers is an earlier one sharing a
    // name, from the same article when it reports one, else the latest
    let mut by_url: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, ms) in members.iter().enumerate() {
        for &m in ms {
            by_url.entry(mentions[m].url.as_str()).or_default().push(i);
        }
    }
    for (i, ms) in members.iter().enumerate() {
        let cued: Vec<&MentionRecord> = ms
            .iter()
            .map(|&m| mentions[m])
            .filter(|m| !m.mention.cues.is_empty())
            .collect();
        if cued.is_empty() || hidden[i] {
            continue;
        }
        let day = events[i].span.first_day();
        let shares = |j: usize| names[j].iter().any(|x| names[i].binary_search(x).is_ok());
        let earlier = |j: usize| {
            let d = events[j].span.first_day();
            j != i && !hidden[j] && d <= day && (day - d).num_days() <= CUE_LOOKBACK && shares(j)
        };
        let latest = |cands: &mut dyn Iterator<Item = usize>| {
            cands.max_by_key(|&j| (events[j].span.first_day(), std::cmp::Reverse(j)))
        };
        let mut same_article = cued
            .iter()
            .flat_map(|m| by_url.get(m.url.as_str()).into_iter().flatten().copied())
            .filter(|&j| earlier(j));
        let target = latest(&mut same_article).or_else(|| {
            let mut anywhere = names[i]
                .iter()
                .flat_map(|x| buckets.get(x).into_iter().flatten().copied())
                .filter(|&j| earlier(j));
            latest(&mut anywhere)
        });
        if let Some(j) = target {
            edge(i, j, &mut edges);
        }
    }
    let mut related: Vec<Vec<String>> = vec![Vec::new(); n];
    for (a, b) in edges {
        related[a].push(events[b].id.clone());
        related[b].push(events[a].id.clone());
    }
    for (e, mut r) in events.iter_mut().zip(related) {
        r.sort();
        r.dedup();
        e.related = r;
    }
}

fn meet(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Follow-on chains, whatever the size of the names' buckets: a lawsuit
/// follows the latest earlier measure against its plaintiff, a ruling the
/// latest earlier lawsuit (else measure) naming its parties, a removal
/// from a list the latest listing of the same target.
fn follow_ons(
    events: &[Event],
    hidden: &[bool],
    buckets: &FastMap<u32, Vec<usize>>,
    (actors, targets): (&[Vec<u32>], &[Vec<u32>]),
    edges: &mut BTreeSet<(usize, usize)>,
) {
    use crate::model::Kind::*;
    let measure = |k| {
        matches!(
            k,
            Ban | Listing | Sanction | ExportControl | Tariff | Legislation | Investigation
        )
    };
    for (i, e) in events.iter().enumerate() {
        if hidden[i] || !matches!(e.kind, Lawsuit | Ruling | Delisting) {
            continue;
        }
        let day = e.span.first_day();
        // (rank of the rule that matched, date, index): best is highest
        let mut best: Option<(u8, chrono::NaiveDate, usize)> = None;
        for name in actors[i].iter().chain(&targets[i]) {
            let Some(bucket) = buckets.get(name) else {
                continue;
            };
            let end = bucket.partition_point(|&j| j < i);
            for &j in bucket[..end].iter().rev().take(FOLLOW_SCAN) {
                let o = &events[j];
                let d = o.span.first_day();
                if d > day || (day - d).num_days() > FOLLOW_LOOKBACK {
                    continue;
                }
                let rank = match e.kind {
                    Lawsuit if measure(o.kind) && meet(&actors[i], &targets[j]) => 1,
                    Ruling if o.kind == Lawsuit => 2,
                    Ruling if measure(o.kind) && meet(&targets[i], &targets[j]) => 1,
                    Delisting if o.kind == Listing && meet(&targets[i], &targets[j]) => 1,
                    _ => 0,
                };
                if rank > 0 && best.is_none_or(|b| (rank, d) > (b.0, b.1)) {
                    best = Some((rank, d, j));
                }
            }
        }
        if let Some((_, _, j)) = best {
            edges.insert((i.min(j), i.max(j)));
        }
    }
}
