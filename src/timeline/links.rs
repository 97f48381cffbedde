//! Links between events: events that name the same actor or target, and
//! events the text ties together ("in response to", "follows", "after the
//! ruling", 作为回应). Follow-on chains (a listing, the lawsuit against it,
//! the ruling on the lawsuit) share their company, so each of them links
//! to the others and the chain is visible from any of its events.

use super::features::{norm_name, FastMap};
use crate::model::{Event, MentionRecord, Status};
use std::collections::BTreeSet;

/// A name with at most this many events links them all to each other.
const SMALL_BUCKET: usize = 16;
/// In larger buckets an event links to this many neighbours in time on each side.
const NEIGHBOURS: usize = 2;
/// How far back (in days) a cue looks for the event it answers.
const CUE_LOOKBACK: i64 = 366;

/// Fills `related` of each event. `events` must be sorted oldest first;
/// `members[i]` are the mentions of `events[i]`.
pub fn relate(events: &mut [Event], members: &[Vec<usize>], mentions: &[&MentionRecord]) {
    let n = events.len();
    let names: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let mut v: Vec<String> = e
                .actors
                .iter()
                .chain(&e.targets)
                .map(|s| norm_name(s))
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect();
    // a rejected event is hidden from the timeline, so nothing links to it
    let hidden: Vec<bool> = events
        .iter()
        .map(|e| e.status == Status::Rejected)
        .collect();
    let mut buckets: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, ns) in names.iter().enumerate() {
        if hidden[i] {
            continue;
        }
        for name in ns {
            buckets.entry(name.as_str()).or_default().push(i);
        }
    }
    let generic = SMALL_BUCKET.max(n / 10);
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
                .flat_map(|x| buckets.get(x.as_str()).into_iter().flatten().copied())
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
