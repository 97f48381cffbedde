//! The merger decides from what lies near in time: a new report changes
//! only the clusters of the days next to it and of the coarse reports
//! whose span takes it in. This is what lets a refresh re-link only the
//! neighbourhood of what it adds, so it is tested here on random
//! archives: every cluster outside that neighbourhood must come out of
//! the merger unchanged when one report is added.

use super::features::Features;
use super::merge;
use super::testutil::{m, Rng};
use crate::model::MentionRecord;
use std::collections::{BTreeSet, HashMap};

const ACTORS: [&str; 4] = [
    "Commerce Department",
    "Ministry of Commerce",
    "China",
    "Treasury",
];
const TARGETS: [&str; 6] = ["Huawei", "ZTE", "SMIC", "DJI", "Hikvision", "United States"];
const WORDS: [&str; 8] = [
    "added", "list", "entity", "export", "rule", "banned", "firms", "chips",
];

/// A random report: mostly days in `span` days of early 2026, some
/// months, a year.
fn report(r: &mut Rng, id: i64, span: u64) -> MentionRecord {
    let day = 1 + r.below(span) as u32;
    let (month, dom) = if day > 31 { (2, day - 31) } else { (1, day) };
    let start = match r.below(10) {
        0 => format!("2026-{month:02}"),
        1 if r.below(3) == 0 => "2026".to_string(),
        _ => format!("2026-{month:02}-{dom:02}"),
    };
    let actors = [ACTORS[r.below(4) as usize]];
    let targets = [TARGETS[r.below(6) as usize], TARGETS[r.below(2) as usize]];
    let words: Vec<&str> = (0..5).map(|_| WORDS[r.below(8) as usize]).collect();
    let kind = if r.below(4) == 0 { "ban" } else { "listing" };
    m(
        id,
        &format!("https://outlet{}.example/{id}", r.below(5)),
        "2026-03-01",
        kind,
        &start,
        &actors,
        &targets,
        &words.join(" "),
    )
}

/// The clusters as sets of mention ids, and each name's weight.
fn clusters(ms: &[MentionRecord]) -> (Vec<BTreeSet<i64>>, HashMap<String, u32>) {
    let mut refs: Vec<&MentionRecord> = ms.iter().collect();
    refs.sort_by(|a, b| super::ids::seed_order(a, b));
    let f = Features::new(&refs);
    let sets = merge::cluster(&f)
        .into_iter()
        .map(|c| c.into_iter().map(|i| refs[i].id).collect())
        .collect();
    let weights = f
        .names
        .iter()
        .zip(&f.weight)
        .map(|(n, w)| (n.clone(), w.to_bits()))
        .collect();
    (sets, weights)
}

/// Days since the epoch of a report's first and last day.
fn days(m: &MentionRecord) -> (i64, i64) {
    let d = |x: chrono::NaiveDate| x.signed_duration_since(chrono::NaiveDate::MIN).num_days();
    (d(m.mention.span.first_day()), d(m.mention.span.last_day()))
}

#[test]
fn a_new_report_changes_only_the_clusters_near_it() {
    let mut r = Rng(7);
    let (mut checked, mut far_checked) = (0, 0);
    for case in 0..400 {
        // sparse archives and dense ones (reports on most days of a
        // stretch, where chains of days one apart form)
        let span = [59, 20, 12, 4][case % 4];
        let n = 12 + r.below(80) as i64;
        let mut ms: Vec<MentionRecord> = (1..=n).map(|id| report(&mut r, id, span)).collect();
        let (before, w0) = clusters(&ms);
        let mut new = report(&mut r, n + 1, span);
        while new.mention.span.start.precision() < 3 {
            new = report(&mut r, n + 1, span);
        }
        ms.push(new.clone());
        let (after, w1) = clusters(&ms);
        // a weight that changed (a count doubled) re-links the archive
        if w0.iter().any(|(k, w)| w1.get(k) != Some(w)) {
            continue;
        }
        checked += 1;
        let (d, _) = days(&new);
        // near: reports within three days of the new one, or coarse ones
        // whose span takes in those days
        let near: BTreeSet<i64> = ms
            .iter()
            .filter(|m| {
                let (a, b) = days(m);
                b >= d - 3 && a <= d + 3
            })
            .map(|m| m.id)
            .collect();
        for c in &before {
            if c.iter().any(|id| near.contains(id)) {
                continue;
            }
            far_checked += 1;
            assert!(
                after.contains(c),
                "case {case}: cluster {c:?} far from day {d} changed when report {} arrived",
                new.id
            );
        }
    }
    assert!(
        checked > 100 && far_checked > 1000,
        "{checked} cases, {far_checked} clusters"
    );
}

/// Reports of one company on ten days in a row: each day is one apart
/// from the next, so a merger that chains days one apart (greedy over the
/// whole archive) lets a report on the first day reach the last.
#[test]
fn a_chain_of_days_one_apart_stays_local() {
    let day = |id: i64, d: u32| {
        m(
            id,
            &format!("https://outlet{id}.example/{id}"),
            "2026-03-01",
            "listing",
            &format!("2026-01-{d:02}"),
            &["Commerce Department"],
            &["Huawei"],
            "Commerce added Huawei to the entity list",
        )
    };
    let mut ms: Vec<MentionRecord> = (1..=10).map(|d| day(d as i64, d)).collect();
    let (before, _) = clusters(&ms);
    ms.push(day(11, 1));
    ms.push(day(12, 1));
    let (after, _) = clusters(&ms);
    for c in &before {
        if c.iter().all(|&id| id >= 5) {
            assert!(
                after.contains(c),
                "cluster {c:?} changed: {before:?} -> {after:?}"
            );
        }
    }
}
