//! The incremental merger against the full one: random archives arrive
//! article by article in random batches, and after every batch the layout
//! that [`incremental::update`] re-decides from the one before must equal
//! the one [`Layout::build`] makes from scratch: every stage-2 cluster,
//! every coarse report's pairs, ambiguity and choice, every final cluster.

use super::features::Features;
use super::incremental::{self, Path};
use super::layout::Layout;
use super::testutil::{m, Rng};
use crate::model::MentionRecord;
use std::collections::HashMap;

const ACTORS: [&str; 5] = [
    "Commerce Department",
    "Ministry of Commerce",
    "China",
    "Treasury",
    "",
];
const TARGETS: [&str; 7] = [
    "Huawei",
    "ZTE",
    "SMIC",
    "DJI",
    "Hikvision",
    "United States",
    "",
];
const WORDS: [&str; 8] = [
    "added", "list", "entity", "export", "rule", "banned", "firms", "chips",
];

/// One article: one to three reports, mostly of days within `span` days
/// of 2026, some of a month, a year or two months.
fn article(r: &mut Rng, next_id: &mut i64, n: usize, span: u64) -> Vec<MentionRecord> {
    let url = format!("https://outlet{}.example/{n}", r.below(6));
    let published = format!("2026-{:02}-{:02}", 1 + r.below(6), 1 + r.below(28));
    let count = 1 + r.below(3);
    let mut out = Vec::new();
    let mut last: Option<MentionRecord> = None;
    for _ in 0..count {
        *next_id += 1;
        // an article often repeats one report in other words
        if let (Some(prev), 0) = (&last, r.below(4)) {
            let mut again = prev.clone();
            again.id = *next_id;
            again.mention.sentence += 1;
            again.mention.evidence = format!("{} again", prev.mention.evidence);
            out.push(again);
            continue;
        }
        // calendar days from late January, so that days one apart cross
        // the ends of months
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 20).unwrap_or_default()
            + chrono::Duration::days(if span < 12 {
                // around the end of January
                8 + r.below(span) as i64
            } else {
                r.below(span) as i64
            });
        let month = date.format("%Y-%m").to_string();
        let start = match r.below(12) {
            0 | 1 => month,
            2 => "2026".to_string(),
            3 => format!(
                "{month}..{}",
                (date + chrono::Duration::days(31)).format("%Y-%m")
            ),
            _ => date.format("%Y-%m-%d").to_string(),
        };
        let actor = ACTORS[r.below(5) as usize];
        let targets = [TARGETS[r.below(7) as usize], TARGETS[r.below(3) as usize]];
        let actors: Vec<&str> = [actor].into_iter().filter(|a| !a.is_empty()).collect();
        let targets: Vec<&str> = targets.into_iter().filter(|t| !t.is_empty()).collect();
        let words: Vec<&str> = (0..5).map(|_| WORDS[r.below(8) as usize]).collect();
        let kind = if r.below(4) == 0 { "ban" } else { "listing" };
        let mut rec = m(
            *next_id,
            &url,
            &published,
            kind,
            &start,
            &actors,
            &targets,
            &words.join(" "),
        );
        rec.mention.sentence = out.len();
        last = Some(rec.clone());
        out.push(rec);
    }
    out
}

/// The features of these reports in seed order, and their ids in it.
fn features(ms: &[MentionRecord]) -> (Features, Vec<i64>) {
    let mut refs: Vec<&MentionRecord> = ms.iter().collect();
    refs.sort_by(|a, b| super::ids::seed_order(a, b));
    let ids = refs.iter().map(|m| m.id).collect();
    (Features::new(&refs), ids)
}

/// Random archives tried; `DATELINE_CASES` asks for more (rarer cases
/// turn up, slowly in a debug build).
fn cases() -> usize {
    std::env::var("DATELINE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16)
}

/// `extra` added to `base` (whose features, ids in seed order and layout
/// are given) through [`incremental::update`]: the features after, their
/// ids, the layout and the path taken.
fn step(
    f: &Features,
    ids: &[i64],
    layout: &Layout,
    base: &[MentionRecord],
    extra: &[MentionRecord],
) -> (Features, Vec<i64>, Layout, Path) {
    let all: Vec<MentionRecord> = base.iter().chain(extra).cloned().collect();
    let (g, gids) = features(&all);
    let place: HashMap<i64, u32> = gids
        .iter()
        .enumerate()
        .map(|(i, &id)| (id, i as u32))
        .collect();
    let old_at: Vec<u32> = ids.iter().map(|id| place[id]).collect();
    let mut added: Vec<u32> = extra.iter().map(|m| place[&m.id]).collect();
    added.sort_unstable();
    let (next, path) = incremental::update(f, layout, &g, &old_at, &added);
    (g, gids, next, path)
}

#[test]
fn the_incremental_merger_equals_a_full_build_after_every_batch() {
    let mut r = Rng(11);
    let (mut local, mut full, mut batches) = (0, 0, 0);
    for case in 0..cases() {
        // sparse archives and dense ones (reports on most days of a
        // stretch, chains of days one apart, months and years over them);
        // a first part built whole, the rest arriving in batches (a count
        // that doubles moves a weight and makes a full build, which small
        // archives do often)
        let span = [150, 40, 12, 6][case % 4];
        let mut next_id = 0;
        let articles: Vec<Vec<MentionRecord>> = (0..100 + r.below(200) as usize)
            .map(|n| article(&mut r, &mut next_id, n, span))
            .collect();
        let mut rest: Vec<&Vec<MentionRecord>> = articles.iter().collect();
        let mut have: Vec<MentionRecord> = Vec::new();
        for _ in 0..articles.len() / 2 {
            let k = r.below(rest.len() as u64) as usize;
            have.extend(rest.swap_remove(k).iter().cloned());
        }
        let (mut f, mut ids) = features(&have);
        let mut layout = Layout::build(&f);
        while !rest.is_empty() {
            let take = (1 + r.below(6) as usize).min(rest.len());
            let mut batch = Vec::new();
            for _ in 0..take {
                let k = r.below(rest.len() as u64) as usize;
                batch.extend(rest.swap_remove(k).iter().cloned());
            }
            let (g, gids, next, path) = step(&f, &ids, &layout, &have, &batch);
            have.extend(batch);
            let whole = Layout::build(&g);
            batches += 1;
            match path {
                Path::Local { .. } => local += 1,
                Path::Full => full += 1,
            }
            assert_eq!(
                next.clusters(),
                whole.clusters(),
                "case {case}, batch {batches}: clusters differ"
            );
            assert_eq!(next, whole, "case {case}, batch {batches}: layouts differ");
            layout = next;
            f = g;
            ids = gids;
        }
    }
    eprintln!("{local} batches re-decided locally, {full} built whole");
    assert!(
        local > 2 * full && local > 150,
        "{local} batches re-decided locally, {full} built whole"
    );
}

/// Adds `extra` to `base` through [`incremental::update`], checks that it
/// re-decided a neighbourhood (no weight moved) and that the result equals
/// a full build, and returns the clusters as sets of mention ids.
fn add(base: &[MentionRecord], extra: &[MentionRecord]) -> Vec<Vec<i64>> {
    let (f, ids) = features(base);
    let layout = Layout::build(&f);
    let (g, gids, next, path) = step(&f, &ids, &layout, base, extra);
    assert!(matches!(path, Path::Local { reweighed: 0, .. }), "{path:?}");
    assert_eq!(next, Layout::build(&g));
    next.clusters()
        .into_iter()
        .map(|c| c.into_iter().map(|i| gids[i]).collect())
        .collect()
}

/// A month's report ("in February") that could not join the cluster of
/// January 31 and February 1 (which keeps January's date) can join
/// February 1 once a report of January 30 takes January 31 away: a new
/// report two days outside the month moves the month's report.
#[test]
fn a_new_day_moves_a_coarse_report_whose_span_it_misses() {
    let day = |id: i64, published: &str, start: &str, evidence: &str| {
        m(
            id,
            &format!("https://outlet{id}.example/{id}"),
            published,
            "listing",
            start,
            &["Commerce Department"],
            &["Huawei"],
            evidence,
        )
    };
    // other reports far away, so that no count doubles: the archive's
    // (19 to 20) and the names' (5 to 6)
    let mut base: Vec<MentionRecord> = (0..14)
        .map(|k| {
            m(
                100 + k,
                &format!("https://other.example/{k}"),
                "2024-03-01",
                "ban",
                &format!("2024-0{}-1{}", 1 + k % 9, k % 10),
                &["Treasury"],
                &["DJI"],
                "Treasury banned DJI",
            )
        })
        .collect();
    base.push(day(50, "2025-06-11", "2025-06-10", "Commerce added Huawei"));
    base.push(day(51, "2025-06-21", "2025-06-20", "Commerce added Huawei"));
    let e = day(
        1,
        "2026-01-31",
        "2026-01-31",
        "Commerce added Huawei to the entity list",
    );
    let d = day(
        2,
        "2026-02-01",
        "2026-02-01",
        "the listing of huawei takes effect",
    );
    let c = day(3, "2026-02-10", "2026-02", "huawei listing in february");
    let h = day(
        4,
        "2026-02-02",
        "2026-01-30",
        "Commerce added Huawei to the entity list",
    );
    let with = |extra: &[&MentionRecord]| -> Vec<MentionRecord> {
        base.iter()
            .cloned()
            .chain(extra.iter().map(|&x| x.clone()))
            .collect()
    };
    let before = add(&with(&[&e, &d]), std::slice::from_ref(&c));
    assert!(
        before.contains(&vec![1, 2]) && before.contains(&vec![3]),
        "{before:?}"
    );
    let after = add(&with(&[&e, &d, &c]), &[h]);
    assert!(
        after.contains(&vec![2, 3]) && after.contains(&vec![1, 4]),
        "{after:?}"
    );
}

/// Each kind decided on its own, the kinds in parallel, gives the clusters
/// of one build over every kind, and hands the features back as they were.
#[test]
fn kinds_decided_apart_give_the_clusters_of_one_build() {
    use crate::model::Kind;
    let mut r = Rng(29);
    let mut joined = 0;
    for case in 0..cases() {
        let span = [150, 40, 12, 6][case % 4];
        let mut next_id = 0;
        let mut all: Vec<MentionRecord> = (0..150 + r.below(150) as usize)
            .flat_map(|n| article(&mut r, &mut next_id, n, span))
            .collect();
        // more kinds, on the same days and names as the others
        for rec in all.iter_mut() {
            if r.below(3) == 0 {
                rec.mention.kind =
                    [Kind::Sanction, Kind::Tariff, Kind::ExportControl][r.below(3) as usize];
            }
        }
        let (f, _) = features(&all);
        let mut g = f.clone();
        let apart = super::merge::cluster_by_kind(&mut g);
        let whole = super::merge::cluster(&f);
        assert_eq!(apart, whole, "case {case}");
        assert_eq!(format!("{:?}", g.items), format!("{:?}", f.items));
        joined += whole.iter().filter(|c| c.len() > 1).count();
    }
    assert!(joined > 100, "only {joined} clusters of two or more");
}
