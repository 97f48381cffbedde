//! A refresh re-decides only what its new reports reach. Given the
//! [`Layout`] of the archive before and the features after, [`update`]
//! gives the layout a full [`Layout::build`] would, re-deciding:
//! - stages 1 and 2 over the day reports within [`ZONE`] days of a new
//!   day report of the same kind (what decides a day's clusters lies
//!   within five days of it, see [`super::layout`]), computed from the
//!   day reports within [`WINDOW`] days;
//! - the scored pairs of the coarse reports whose span comes within
//!   [`REACH`] days of a new day report or meets a new coarse report's
//!   span, computed from every report of their kind within three days of
//!   their spans;
//! - stage 3 for those coarse reports and every coarse report their
//!   decisions reach (partners, repeats, reports that choose a cluster
//!   one of them chooses or chose).
//!
//! A name whose weight moved (its count of reports doubled) changes the
//! scores of the pairs of the reports that name it: those reports are
//! re-decided as if new. When the count of all reports doubles, every
//! weight moves: then it is a full build.

use super::features::{pow2, FastMap, Features};
use super::forest::{compatible, Forest, Group};
use super::layout::{day_stages, fold_repeats, Layout};
use super::merge::{self, best_first, Scored};
use crate::model::Kind;
use std::collections::BTreeSet;

/// Day reports within this many days of a new one may change cluster.
pub const ZONE: i32 = 8;
/// Stage 2 over the zone is computed from the day reports this near.
pub const WINDOW: i32 = 16;
/// Coarse reports whose span comes this near a new day report re-score.
pub const REACH: i32 = 9;
/// Pairs of a coarse report read the reports this near its span.
const CONTEXT: i32 = 3;

/// What [`update`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// Re-decided the neighbourhood of the new reports: `reweighed`
    /// reports named a name whose weight moved, `days` stage-2 clusters
    /// and `coarse` coarse reports' pairs were decided again.
    Local {
        reweighed: usize,
        days: usize,
        coarse: usize,
    },
    /// A weight moved: built whole.
    Full,
}

/// The layout of `new` (the archive after adding the reports `added`,
/// ascending indices into `new`) from `old_layout`, the layout of `old`,
/// whose report `i` is report `old_at[i]` of `new`.
pub fn update(
    old: &Features,
    old_layout: &Layout,
    new: &Features,
    old_at: &[u32],
    added: &[u32],
) -> (Layout, Path) {
    let whole = || (Layout::build(new), Path::Full);
    if pow2(old.items.len() as u64) != pow2(new.items.len() as u64) {
        return whole();
    }
    let Some((mut layout, moved_names)) = remap(old, old_layout, new, old_at) else {
        return whole();
    };
    fold_new_repeats(new, &mut layout, added);
    // a report that names a name whose weight moved is re-decided as if new
    let new_n = added.len();
    let mut added: Vec<u32> = added.to_vec();
    if !moved_names.is_empty() {
        added.extend((0..new.items.len() as u32).filter(|&i| {
            new.items[i as usize]
                .seen
                .iter()
                .any(|n| moved_names.contains(n))
        }));
        added.sort_unstable();
        added.dedup();
    }
    let added = &added[..];
    let index = KindIndex::new(new);
    let mut kinds: BTreeSet<Kind> = BTreeSet::new();
    for &a in added {
        kinds.insert(new.items[a as usize].kind);
    }
    let (mut days, mut coarse_n) = (0, 0);
    for kind in kinds {
        let added_here: Vec<u32> = added
            .iter()
            .copied()
            .filter(|&a| new.items[a as usize].kind == kind)
            .collect();
        let changed: Vec<i32> = added_here
            .iter()
            .map(|&a| &new.items[a as usize])
            .filter(|it| it.is_day())
            .map(|it| it.first)
            .collect::<BTreeSet<i32>>()
            .into_iter()
            .collect();
        let spans: Vec<(i32, i32)> = added_here
            .iter()
            .map(|&a| &new.items[a as usize])
            .filter(|it| !it.is_day())
            .map(|it| (it.first, it.last))
            .collect();
        let moved = day_layer(new, &mut layout, &index, kind, &changed);
        days += moved.len();
        let q = index.coarse_near(kind, &changed, REACH, &spans);
        coarse_n += q.len();
        let flipped = rescore(new, &mut layout, &index, kind, &q);
        let (s, also) = reach(new, &layout, q, &flipped, &moved);
        layout.replay(new, &s, &also);
    }
    (
        layout,
        Path::Local {
            reweighed: added.len() - new_n,
            days,
            coarse: coarse_n,
        },
    )
}

/// The old layout in the new features' numbering, and the names (new
/// numbering) whose weight moved; `None` when a name of the old features
/// has no place in the new.
fn remap(
    old: &Features,
    l: &Layout,
    new: &Features,
    old_at: &[u32],
) -> Option<(Layout, BTreeSet<u32>)> {
    let by_name: FastMap<&str, u32> = new
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    let name_at: Vec<u32> = old
        .names
        .iter()
        .map(|n| by_name.get(n.as_str()).copied().unwrap_or(u32::MAX))
        .collect();
    let mut moved = BTreeSet::new();
    for (k, &w) in old.weight.iter().enumerate() {
        let at = name_at[k];
        if at == u32::MAX {
            return None;
        }
        if new.weight[at as usize].to_bits() != w.to_bits() {
            moved.insert(at);
        }
    }
    let mut url_at: FastMap<u32, u32> = FastMap::default();
    for (i, it) in old.items.iter().enumerate() {
        url_at.insert(it.url, new.items[old_at[i] as usize].url);
    }
    let n = new.items.len();
    let at = |i: u32| old_at[i as usize];
    let mut s2: Vec<u32> = (0..n as u32).collect();
    let mut root: Vec<u32> = (0..n as u32).collect();
    let mut ambiguous = vec![false; n];
    for i in 0..old.items.len() {
        s2[at(i as u32) as usize] = at(l.s2[i]);
        root[at(i as u32) as usize] = at(l.root[i]);
        ambiguous[at(i as u32) as usize] = l.ambiguous[i];
    }
    let mut groups: FastMap<u32, Group> = FastMap::default();
    for (&r, g) in &l.groups {
        let mut urls: Vec<u32> = g.urls.iter().map(|u| url_at[u]).collect();
        urls.sort_unstable();
        let mut actor_countries: Vec<u32> = g
            .actor_countries
            .iter()
            .map(|&c| name_at[c as usize])
            .collect();
        actor_countries.sort_unstable();
        groups.insert(
            at(r),
            Group {
                urls,
                actor_countries,
                ..g.clone()
            },
        );
    }
    let is_old = {
        let mut v = vec![false; n];
        for &i in old_at {
            v[i as usize] = true;
        }
        v
    };
    for (i, it) in new.items.iter().enumerate() {
        if !is_old[i] {
            groups.insert(i as u32, Group::new(it));
        }
    }
    let pairs = l
        .pairs
        .iter()
        .map(|(&c, list)| {
            let list = list.iter().map(|&(s, i, j)| (s, at(i), at(j))).collect();
            (at(c), list)
        })
        .collect();
    let choice = l.choice.iter().map(|(&c, &x)| (at(c), at(x))).collect();
    Some((
        Layout {
            s2,
            groups,
            pairs,
            ambiguous,
            choice,
            root,
        },
        moved,
    ))
}

/// New coarse reports that repeat another of their article point at the
/// first (an article arrives whole, so its repeats are all new; day
/// reports' repeats are folded again with their days).
fn fold_new_repeats(f: &Features, layout: &mut Layout, added: &[u32]) {
    let coarse: Vec<u32> = added
        .iter()
        .copied()
        .filter(|&a| !f.items[a as usize].is_day())
        .collect();
    let mut forest = Forest::over(f, coarse.clone());
    fold_repeats(f, &mut forest);
    for (x, &g) in coarse.iter().enumerate() {
        let r = coarse[forest.root(x as u32) as usize];
        if r != g {
            layout.s2[g as usize] = r;
            layout.root[g as usize] = r;
            layout.groups.remove(&g);
        }
    }
}

/// Reports by kind: day reports by day, coarse ones by first day.
struct KindIndex {
    days: FastMap<Kind, Vec<(i32, u32)>>,
    coarse: FastMap<Kind, Vec<(i32, i32, u32)>>,
}

impl KindIndex {
    fn new(f: &Features) -> KindIndex {
        let mut days: FastMap<Kind, Vec<(i32, u32)>> = FastMap::default();
        let mut coarse: FastMap<Kind, Vec<(i32, i32, u32)>> = FastMap::default();
        for (i, it) in f.items.iter().enumerate() {
            if it.is_day() {
                days.entry(it.kind).or_default().push((it.first, i as u32));
            } else {
                coarse
                    .entry(it.kind)
                    .or_default()
                    .push((it.first, it.last, i as u32));
            }
        }
        days.values_mut().for_each(|v| v.sort_unstable());
        coarse.values_mut().for_each(|v| v.sort_unstable());
        KindIndex { days, coarse }
    }

    /// Day reports of `kind` within `r` days of one of `centres` (sorted).
    fn days_near(&self, kind: Kind, centres: &[i32], r: i32) -> Vec<u32> {
        let Some(v) = self.days.get(&kind) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (lo, hi) in intervals(centres, r) {
            let from = v.partition_point(|&(d, _)| d < lo);
            out.extend(v[from..].iter().take_while(|&&(d, _)| d <= hi).map(|p| p.1));
        }
        out.sort_unstable();
        out
    }

    /// Coarse reports of `kind` whose span meets `[lo, hi]`.
    fn coarse_meeting(&self, kind: Kind, lo: i32, hi: i32) -> impl Iterator<Item = u32> + '_ {
        self.coarse
            .get(&kind)
            .map(|v| &v[..v.partition_point(|&(first, _, _)| first <= hi)])
            .unwrap_or(&[])
            .iter()
            .filter(move |&&(_, last, _)| last >= lo)
            .map(|p| p.2)
    }

    /// Coarse reports of `kind` whose span comes within `r` days of one of
    /// `centres` or meets one of `spans`, ascending.
    fn coarse_near(&self, kind: Kind, centres: &[i32], r: i32, spans: &[(i32, i32)]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for (lo, hi) in intervals(centres, r)
            .into_iter()
            .chain(spans.iter().copied())
        {
            out.extend(self.coarse_meeting(kind, lo, hi));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The days within `r` of the `centres`, as disjoint intervals.
fn intervals(centres: &[i32], r: i32) -> Vec<(i32, i32)> {
    union(centres.iter().map(|&c| (c - r, c + r)).collect())
}

/// These day intervals as disjoint ones, in order.
fn union(mut spans: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    spans.sort_unstable();
    let mut out: Vec<(i32, i32)> = Vec::new();
    for (lo, hi) in spans {
        match out.last_mut() {
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// Stages 1 and 2 again over the day reports of `kind` within [`ZONE`]
/// days of the `changed` days; the first reports of their stage-2
/// clusters, before and after.
fn day_layer(
    f: &Features,
    layout: &mut Layout,
    index: &KindIndex,
    kind: Kind,
    changed: &[i32],
) -> Vec<u32> {
    if changed.is_empty() {
        return Vec::new();
    }
    let window = index.days_near(kind, changed, WINDOW);
    let zone: BTreeSet<u32> = index.days_near(kind, changed, ZONE).into_iter().collect();
    let sub = f.subset(&window);
    let pairs = merge::scored_pairs(&sub);
    let mut forest = Forest::singletons(&sub);
    fold_repeats(&sub, &mut forest);
    day_stages(&sub, &mut forest, &pairs);
    let mut moved: BTreeSet<u32> = BTreeSet::new();
    for (x, &g) in window.iter().enumerate() {
        if !zone.contains(&g) {
            continue;
        }
        let r = forest.root(x as u32);
        let was = layout.s2[g as usize];
        moved.insert(was);
        layout.s2[g as usize] = window[r as usize];
        moved.insert(window[r as usize]);
        layout
            .groups
            .insert(window[r as usize], forest.groups[r as usize].clone());
    }
    for &r in &moved {
        if layout.s2[r as usize] != r {
            layout.groups.remove(&r);
        }
    }
    moved.into_iter().collect()
}

/// New scored pairs and ambiguity of the coarse reports `q` of `kind`,
/// from every report of the kind near their spans; the ones whose
/// ambiguity changed.
fn rescore(
    f: &Features,
    layout: &mut Layout,
    index: &KindIndex,
    kind: Kind,
    q: &[u32],
) -> Vec<u32> {
    if q.is_empty() {
        return Vec::new();
    }
    // the days near the spans
    let near = union(
        q.iter()
            .map(|&c| &f.items[c as usize])
            .map(|it| (it.first - CONTEXT, it.last + CONTEXT))
            .collect(),
    );
    let mut context: Vec<u32> = Vec::new();
    for &(lo, hi) in &near {
        context.extend(index.coarse_meeting(kind, lo, hi));
        if let Some(v) = index.days.get(&kind) {
            let from = v.partition_point(|&(d, _)| d < lo);
            context.extend(v[from..].iter().take_while(|&&(d, _)| d <= hi).map(|p| p.1));
        }
    }
    context.sort_unstable();
    context.dedup();
    let sub = f.subset(&context);
    let (raw, ambiguous) = merge::raw_pairs(&sub);
    let mut lists: FastMap<u32, Vec<Scored>> = FastMap::default();
    let wanted = |g: u32| q.binary_search(&g).is_ok();
    for (s, i, j) in raw {
        let (gi, gj) = (context[i as usize], context[j as usize]);
        for g in [gi, gj] {
            if wanted(g) {
                lists.entry(g).or_default().push((s, gi, gj));
            }
        }
    }
    let mut flipped = Vec::new();
    for (x, &g) in context.iter().enumerate() {
        if !wanted(g) {
            continue;
        }
        if layout.ambiguous[g as usize] != ambiguous[x] {
            flipped.push(g);
        }
        layout.ambiguous[g as usize] = ambiguous[x];
        match lists.remove(&g) {
            Some(mut list) => {
                list.sort_by(best_first);
                layout.pairs.insert(g, list);
            }
            None => {
                layout.pairs.remove(&g);
            }
        }
    }
    flipped
}

/// The coarse reports whose stage 3 must be replayed, from the re-scored
/// ones `q`, those whose ambiguity `flipped` and the stage-2 clusters
/// that `moved`; and the stage-2 clusters they chose or may leave.
fn reach(
    f: &Features,
    layout: &Layout,
    q: Vec<u32>,
    flipped: &[u32],
    moved: &[u32],
) -> (Vec<u32>, Vec<u32>) {
    let coarse = |g: u32| !f.items[g as usize].is_day();
    let partners = |c: u32| -> Vec<u32> {
        layout
            .pairs
            .get(&c)
            .into_iter()
            .flatten()
            .flat_map(|&(_, i, j)| [i, j])
            .filter(|&g| g != c && coarse(g))
            .collect()
    };
    let mut choosers: FastMap<u32, Vec<u32>> = FastMap::default();
    for (&c, &x) in &layout.choice {
        choosers.entry(x).or_default().push(c);
    }
    let mut repeats: FastMap<u32, Vec<u32>> = FastMap::default();
    for (i, &r) in layout.s2.iter().enumerate() {
        if r != i as u32 && coarse(i as u32) {
            repeats.entry(r).or_default().push(i as u32);
        }
    }
    let mut s: BTreeSet<u32> = q.into_iter().collect();
    for &c in flipped {
        s.extend(partners(c));
    }
    let mut also: BTreeSet<u32> = BTreeSet::new();
    let mut todo: Vec<u32> = s.iter().copied().collect();
    let mut xs: Vec<u32> = moved.to_vec();
    loop {
        while let Some(c) = todo.pop() {
            let r = layout.s2[c as usize];
            let mut next: Vec<u32> = partners(c);
            next.push(r);
            next.extend(repeats.get(&r).into_iter().flatten().copied());
            for g in next {
                if s.insert(g) {
                    todo.push(g);
                }
            }
            xs.extend(layout.choice.get(&c).copied());
            xs.extend(choose(f, layout, c));
        }
        let mut grew = false;
        for x in std::mem::take(&mut xs) {
            if !also.insert(x) {
                continue;
            }
            for &c in choosers.get(&x).into_iter().flatten() {
                if s.insert(c) {
                    todo.push(c);
                    grew = true;
                }
            }
        }
        if !grew && todo.is_empty() {
            break;
        }
    }
    (s.into_iter().collect(), also.into_iter().collect())
}

/// The stage-2 cluster coarse report `c` chooses: that of its best day
/// partner whose cluster it fits.
fn choose(f: &Features, layout: &Layout, c: u32) -> Option<u32> {
    if layout.ambiguous[c as usize] {
        return None;
    }
    let mine = layout.groups.get(&layout.s2[c as usize])?;
    layout
        .pairs
        .get(&c)?
        .iter()
        .filter(|&&(_, i, j)| !layout.ambiguous[i as usize] && !layout.ambiguous[j as usize])
        .map(|&(_, i, j)| if i == c { j } else { i })
        .filter(|&d| f.items[d as usize].is_day())
        .map(|d| layout.s2[d as usize])
        .find(|x| layout.groups.get(x).is_some_and(|g| compatible(mine, g)))
}
