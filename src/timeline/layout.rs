//! The merger's decisions, kept. Clusters grow in three stages, each
//! deciding from what lies near in time:
//! 1. reports of the same date grow greedily from their best pairs;
//! 2. clusters of two days one apart join when each is the other's best
//!    such partner (a matching: no chain of days grows through it);
//! 3. each coarse report ("in May", "in 2019") chooses on its own the
//!    cluster of stages 1 and 2 of its best day partner that it fits, so
//!    no coarse report's choice depends on another's; the choices join,
//!    best first; a coarse report without a day partner follows its best
//!    coarse partner that found one; the rest join each other, best pair
//!    first.
//!
//! A [`Layout`] keeps what the stages decided and what stage 3 reads:
//! each report's cluster after stage 2 with that cluster's invariants,
//! each coarse report's scored pairs, which coarse reports are ambiguous,
//! and each report's final cluster. A refresh ([`super::incremental`])
//! re-decides stage 2 over the days near what it adds and replays stage 3
//! for the coarse reports those days reach, reading the rest from here.

use super::features::{FastMap, Features};
use super::forest::{Forest, Group};
use super::merge::{self, best_first, date_fit, DateFit, Scored};
use crate::model::Kind;

/// What one article's repeated report of one event shares: url, kind,
/// days, actors, targets.
type RepeatKey<'a> = (u32, Kind, i32, i32, &'a [u32], &'a [u32]);

/// The merger's decisions over one set of features, by report index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Per report: the first report of its cluster after stage 2 (for a
    /// coarse report, of its repeats).
    pub s2: Vec<u32>,
    /// Per first report of a stage-2 cluster: the cluster's invariants.
    pub groups: FastMap<u32, Group>,
    /// Per coarse report: its scored pairs, ambiguous weak pairs taken
    /// out, ambiguous partners not.
    pub pairs: FastMap<u32, Vec<Scored>>,
    /// Per report: a coarse report whose best partners may be different
    /// incidents, which joins no one.
    pub ambiguous: Vec<bool>,
    /// Per coarse report that chose a day partner's cluster in stage 3:
    /// the first report of that stage-2 cluster.
    pub choice: FastMap<u32, u32>,
    /// Per report: the first report of its final cluster.
    pub root: Vec<u32>,
}

/// One article repeating one event (same kind, date and names) is one
/// report: each repeat points at the first.
pub(crate) fn fold_repeats(f: &Features, forest: &mut Forest) {
    let mut repeats: FastMap<RepeatKey, u32> = FastMap::default();
    for x in 0..forest.items.len() {
        let it = &f.items[forest.items[x] as usize];
        if it.names.is_empty() {
            continue;
        }
        let key = (
            it.url,
            it.kind,
            it.first,
            it.last,
            &it.actors[..],
            &it.targets[..],
        );
        match repeats.get(&key) {
            Some(&first) => forest.parent[x] = first,
            None => {
                repeats.insert(key, x as u32);
            }
        }
    }
}

/// Stages 1 and 2 over the forest's reports, given their scored pairs
/// best first (local indices).
pub(crate) fn day_stages(f: &Features, forest: &mut Forest, pairs: &[Scored]) {
    let item = |x: u32, forest: &Forest| forest.items[x as usize] as usize;
    let fit = |i: u32, j: u32, forest: &Forest| {
        date_fit(&f.items[item(i, forest)], &f.items[item(j, forest)])
    };
    let day = |i: u32, forest: &Forest| f.items[item(i, forest)].is_day();
    // 1. the same day
    for &(_, i, j) in pairs {
        if day(i, forest) && fit(i, j, forest) == DateFit::Same {
            forest.join(f, i, j);
        }
    }
    // 2. days one apart, mutual best partners
    let mut best: FastMap<u32, (f32, u32, u32, u32)> = FastMap::default();
    for &(s, i, j) in pairs {
        if fit(i, j, forest) != DateFit::Near {
            continue;
        }
        let (ri, rj) = (forest.root(i), forest.root(j));
        if ri == rj {
            continue;
        }
        for (r, other) in [(ri, rj), (rj, ri)] {
            // pairs come best first: the first seen for a root is its best
            best.entry(r).or_insert((s, other, i, j));
        }
    }
    let mut mutual: Vec<(u32, u32)> = best
        .iter()
        .filter(|(&r, &(_, q, _, _))| r < q && best.get(&q).is_some_and(|b| b.1 == r))
        .map(|(_, &(_, _, i, j))| (i, j))
        .collect();
    mutual.sort_unstable();
    for (i, j) in mutual {
        forest.join(f, i, j);
    }
}

impl Layout {
    /// Every decision of the merger over these features.
    pub fn build(f: &Features) -> Layout {
        let n = f.items.len();
        let (raw, ambiguous) = merge::raw_pairs(f);
        let day = |i: u32| f.items[i as usize].is_day();
        let mut day_pairs: Vec<Scored> = Vec::new();
        let mut pairs: FastMap<u32, Vec<Scored>> = FastMap::default();
        for &(s, i, j) in &raw {
            if day(i) && day(j) {
                day_pairs.push((s, i, j));
                continue;
            }
            for c in [i, j] {
                if !day(c) {
                    pairs.entry(c).or_default().push((s, i, j));
                }
            }
        }
        for list in pairs.values_mut() {
            list.sort_by(best_first);
        }
        day_pairs.sort_by(best_first);
        let mut forest = Forest::singletons(f);
        fold_repeats(f, &mut forest);
        day_stages(f, &mut forest, &day_pairs);
        let s2: Vec<u32> = (0..n as u32).map(|i| forest.root(i)).collect();
        let mut groups = FastMap::default();
        for (i, &r) in s2.iter().enumerate() {
            if r == i as u32 {
                groups.insert(r, forest.groups[i].clone());
            }
        }
        let mut layout = Layout {
            root: s2.clone(),
            s2,
            groups,
            pairs,
            ambiguous,
            choice: FastMap::default(),
        };
        let coarse: Vec<u32> = (0..n as u32).filter(|&i| !day(i)).collect();
        let firsts: Vec<u32> = (0..n as u32)
            .filter(|&i| day(i) && layout.s2[i as usize] == i)
            .collect();
        layout.replay(f, &coarse, &firsts);
        layout
    }

    /// Stage 3 for these coarse reports (ascending), which must hold every
    /// coarse report their decisions reach: their coarse partners, their
    /// repeats and every other coarse report that chooses a cluster they
    /// choose. Sets the final cluster of each of them and of the stage-2
    /// clusters `also` (first reports, ascending), which must hold every
    /// cluster they choose and any they may have left.
    pub(crate) fn replay(&mut self, f: &Features, coarse: &[u32], also: &[u32]) {
        let usable = |i: u32, j: u32| !self.ambiguous[i as usize] && !self.ambiguous[j as usize];
        let mut pairs: Vec<Scored> = coarse
            .iter()
            .filter_map(|c| self.pairs.get(c))
            .flatten()
            .copied()
            .filter(|&(_, i, j)| usable(i, j))
            .collect();
        pairs.sort_by(best_first);
        pairs.dedup();
        // the forest's reports: the coarse ones and the first report of
        // each stage-2 cluster they pair with
        let mut nodes: Vec<u32> = coarse.to_vec();
        nodes.extend_from_slice(also);
        for &(_, i, j) in &pairs {
            nodes.push(self.s2[i as usize]);
            nodes.push(self.s2[j as usize]);
        }
        nodes.sort_unstable();
        nodes.dedup();
        let local = |g: u32| nodes.binary_search(&g).map(|x| x as u32).ok();
        let mut forest = Forest::over(f, nodes.clone());
        for (x, &g) in nodes.iter().enumerate() {
            let r = self.s2[g as usize];
            if r != g {
                // a repeat: its first report is among the coarse ones
                forest.parent[x] = local(r).unwrap_or(x as u32);
            } else if let Some(group) = self.groups.get(&g) {
                forest.groups[x] = group.clone();
            }
        }
        let node = |g: u32| local(self.s2[g as usize]);
        let day = |g: u32| f.items[g as usize].is_day();
        let at = |g: u32| -> u32 {
            if day(g) {
                node(g).unwrap_or(u32::MAX)
            } else {
                local(g).unwrap_or(u32::MAX)
            }
        };
        let local_pairs: Vec<(u32, u32, bool, bool)> = pairs
            .iter()
            .map(|&(_, i, j)| (at(i), at(j), day(i), day(j)))
            .collect();
        // choices: each coarse report's best day partner whose cluster it
        // fits, read from the clusters of stages 1 and 2
        let chosen = forest.first_fits(
            f,
            local_pairs
                .iter()
                .filter(|p| p.2 != p.3)
                .map(|&(a, b, da, _)| if da { (b, a) } else { (a, b) }),
        );
        // a choice the cluster no longer fits (another coarse report of its
        // article joined first) leaves the report to the steps below
        let mut placed = vec![false; nodes.len()];
        for &c in coarse {
            self.choice.remove(&c);
        }
        for &(c, d) in &chosen {
            self.choice.insert(nodes[c as usize], nodes[d as usize]);
        }
        for (c, d) in chosen {
            placed[c as usize] = forest.join(f, c, d);
        }
        // a coarse report with no day partner follows its best coarse
        // partner that found one ("in May" beside "in 2019", both about
        // one listing)
        let coarse_pairs: Vec<(u32, u32)> = local_pairs
            .iter()
            .filter(|p| !p.2 && !p.3)
            .map(|&(a, b, _, _)| (a, b))
            .collect();
        let follows = forest.first_fits(
            f,
            coarse_pairs.iter().filter_map(|&(i, j)| {
                match (placed[i as usize], placed[j as usize]) {
                    (false, true) => Some((i, j)),
                    (true, false) => Some((j, i)),
                    _ => None,
                }
            }),
        );
        for (c, lead) in follows {
            placed[c as usize] = forest.join(f, c, lead);
        }
        for &(i, j) in &coarse_pairs {
            if !placed[i as usize] && !placed[j as usize] {
                forest.join(f, i, j);
            }
        }
        // the clusters decided here: the coarse reports' and those of the
        // stage-2 clusters in `also`; any other stage-2 cluster a pair
        // reaches was only read (none of these joined it)
        let mut decided: Vec<(u32, u32)> = Vec::new();
        for x in 0..nodes.len() as u32 {
            let g = nodes[x as usize];
            if !day(g) || also.binary_search(&g).is_ok() {
                decided.push((g, nodes[forest.root(x) as usize]));
            }
        }
        // the members of the stage-2 clusters follow their first report
        for i in 0..self.s2.len() {
            let r = self.s2[i];
            if let Ok(x) = decided.binary_search_by_key(&r, |d| d.0) {
                self.root[i] = decided[x].1;
            }
        }
    }

    /// Clusters of report indices, each sorted, ordered by their first.
    pub fn clusters(&self) -> Vec<Vec<usize>> {
        let n = self.root.len();
        let mut slot_of = vec![usize::MAX; n];
        let mut out: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let r = self.root[i] as usize;
            if slot_of[r] == usize::MAX {
                slot_of[r] = out.len();
                out.push(Vec::new());
            }
            out[slot_of[r]].push(i);
        }
        out
    }
}
