//! Merging reports of one incident: candidate pairs come from blocks of
//! (kind, shared entity) swept in date order, each pair gets a score from
//! entity overlap, date compatibility and text similarity, and clusters
//! grow greedily from the best pairs while every cluster keeps one
//! consistent date, one report per article, one government's side (a
//! report that names no actor chains no two governments' moves), and no
//! coarse report ("in 2018") glues together incidents it cannot tell
//! apart.

use super::features::{jaccard, FastMap, Features, Item};
use crate::model::Kind;

/// Pairs scoring below this never merge.
pub const THRESHOLD: f32 = 0.55;
/// Share of the smaller report's entity weight the two must have in common.
pub const MIN_COVERAGE: f32 = 0.5;
/// Discount on the coverage of a pair that shares only a country.
const WEAK: f32 = 0.6;
/// How many neighbours in date order one report is compared with per block.
const NEIGHBOURS: usize = 16;
/// A coarse report joins no one when its two best incompatible partners
/// score closer than this.
const AMBIGUITY_MARGIN: f32 = 0.1;

/// How two date spans relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFit {
    Same,
    /// One covers the other ("in May" and "May 16").
    Contains,
    /// Two single days one apart (time zones, "yesterday" read differently).
    Near,
    Apart,
}

pub fn date_fit(a: &Item, b: &Item) -> DateFit {
    if a.first == b.first && a.last == b.last {
        DateFit::Same
    } else if (a.first <= b.first && b.last <= a.last) || (b.first <= a.first && a.last <= b.last) {
        DateFit::Contains
    } else if a.is_day() && b.is_day() && (a.first - b.first).abs() <= 1 {
        DateFit::Near
    } else {
        DateFit::Apart
    }
}

/// Share of `a`'s extracted names (with their countries) that `b` talks
/// about, by weight; and whether any shared name is specific (not a
/// country).
fn covered(f: &Features, a: &Item, b: &Item) -> (f32, bool) {
    let mass = f.mass(&a.ext);
    if mass <= 0.0 {
        return (0.0, false);
    }
    let mut common = 0.0;
    let mut specific = false;
    for &n in &a.ext {
        if b.seen.binary_search(&n).is_ok() {
            common += f.weight[n as usize];
            specific |= !f.generic[n as usize];
        } else if b.seen.binary_search(&f.leads[n as usize]).is_ok() {
            // a head of state where the other names the country
            common += f.weight[n as usize];
        }
    }
    (common / mass, specific)
}

/// True when both reports name what the incident is about (a company, a
/// product, a person) and neither report talks about what the other
/// names; and likewise for targets alone, so one actor's moves against two
/// companies stay two incidents. A target the other report has as its
/// actor, or only in its sentence, still counts as shared.
fn subjects_differ(a: &Item, b: &Item) -> bool {
    let disjoint = |x: &[u32], y: &[u32]| !x.iter().any(|n| y.binary_search(n).is_ok());
    let apart = |x: &[u32], y: &[u32]| {
        !x.is_empty() && !y.is_empty() && disjoint(x, &b.seen) && disjoint(y, &a.seen)
    };
    apart(&a.subjects, &b.subjects) || apart(&a.specific_targets, &b.specific_targets)
}

/// True when both sentences name a government list and no list is common
/// (an unreliable entity list is not an export control list).
fn lists_differ(a: &Item, b: &Item) -> bool {
    !a.lists.is_empty()
        && !b.lists.is_empty()
        && !a.lists.iter().any(|n| b.lists.binary_search(n).is_ok())
}

/// True when the two reports' actors speak for different governments, or
/// are different bodies of one government that neither sentence mentions
/// the other of (Commerce's list is not the Pentagon's).
fn actors_clash(a: &Item, b: &Item) -> bool {
    let disjoint = |x: &[u32], y: &[u32]| !x.iter().any(|n| y.binary_search(n).is_ok());
    if !a.actor_countries.is_empty()
        && !b.actor_countries.is_empty()
        && disjoint(&a.actor_countries, &b.actor_countries)
    {
        return true;
    }
    !a.bodies.is_empty()
        && !b.bodies.is_empty()
        && disjoint(&a.bodies, &b.seen)
        && disjoint(&b.bodies, &a.seen)
}

/// The score of two reports being one incident, or `None` when a rule
/// forbids it (see [`pair`]).
pub fn pair_score(f: &Features, a: &Item, b: &Item) -> Option<f32> {
    pair(f, a, b).map(|p| p.score)
}

/// A scored candidate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub score: f32,
    /// Only a country in common: joins only when neither report has
    /// another partner on a different date.
    pub weak: bool,
}

/// Two reports as one incident, or `None` when a rule forbids it. Kinds
/// must match, and both must impose or both ease a measure; dates must fit; the names one report extracted (roles
/// ignored: extraction swaps them) must be what the other talks about, a
/// body counting as its country; actors must not speak for different
/// governments, nor the two name different companies or lists. A pair
/// that shares only a country ("China" and "the Ministry of Commerce") is
/// weak: it needs the same day, or a month and a day inside it.
pub fn pair(f: &Features, a: &Item, b: &Item) -> Option<Pair> {
    if a.kind != b.kind || a.eases != b.eases {
        return None;
    }
    let fit = date_fit(a, b);
    let date = match fit {
        DateFit::Apart => return None,
        DateFit::Same => 1.0,
        DateFit::Contains if a.width().max(b.width()) > 62 => 0.45,
        DateFit::Contains => 0.7,
        DateFit::Near => 0.3,
    };
    let text = jaccard(&a.tokens, &b.tokens);
    let mut weak = false;
    let coverage = if a.names.is_empty() && b.names.is_empty() {
        // nothing to go on but the sentence and an exact date
        if fit != DateFit::Same || text < 0.5 || a.kind == Kind::Other {
            return None;
        }
        1.0
    } else {
        if actors_clash(a, b) || subjects_differ(a, b) || lists_differ(a, b) {
            return None;
        }
        // two actors neither report mentions the other of: only when the
        // sentences are close
        let strangers =
            |x: &Item, y: &Item| !x.actors.iter().any(|n| y.seen.binary_search(n).is_ok());
        if !a.actors.is_empty()
            && !b.actors.is_empty()
            && strangers(a, b)
            && strangers(b, a)
            && text < 0.3
        {
            return None;
        }
        let (ca, sa) = covered(f, a, b);
        let (cb, sb) = covered(f, b, a);
        let cov = ca.max(cb);
        if cov < MIN_COVERAGE {
            return None;
        }
        if sa || sb {
            if fit == DateFit::Near && a.names.is_empty() != b.names.is_empty() {
                return None;
            }
        } else {
            let month = a.width().max(b.width()) <= 31;
            let ok = match fit {
                DateFit::Same => month,
                DateFit::Contains => month && (a.is_day() || b.is_day()),
                _ => false,
            };
            if !ok {
                return None;
            }
            weak = true;
        }
        // a report that names no company or person, not even in its
        // sentence, is weaker evidence of the other's incident
        let unaware = |x: &Item, y: &Item| {
            x.subjects.is_empty()
                && !y.subjects.is_empty()
                && !y.subjects.iter().any(|n| x.seen.binary_search(n).is_ok())
        };
        let one_sided = unaware(a, b) || unaware(b, a);
        cov.min(1.0) * if one_sided { 0.8 } else { 1.0 }
    };
    let score = 0.55 * coverage + 0.25 * date + 0.2 * (text * 2.0).min(1.0);
    // weak pairs rank after every pair with a specific name in common
    (score >= THRESHOLD).then_some(Pair {
        score: if weak { score * WEAK } else { score },
        weak,
    })
}

/// Candidate pairs `(i, j)`, `i < j`, each once.
///
/// Blocks of (kind, name) hold the reports that talk about a name. A
/// report pairs with the day reports of its own day and the days either
/// side in the blocks of its two rarest names (at most [`NEIGHBOURS`] of
/// them); with every coarse report whose span covers its own, in a block
/// of the two rarest names of either; and with [`NEIGHBOURS`] coarse
/// reports of its own span. Every window is a date or a span, never a
/// count of reports over a stretch of time, and no pair of a report with
/// a coarse one depends on which other reports exist, so a new report
/// changes only the candidates of the days next to it or of the spans it
/// falls in.
pub fn candidates(f: &Features) -> Vec<(u32, u32)> {
    let items = &f.items;
    let mut blocks: FastMap<(Kind, u32), Vec<u32>> = FastMap::default();
    let mut bare: FastMap<(Kind, i32, i32), Vec<u32>> = FastMap::default();
    for (i, it) in items.iter().enumerate() {
        if it.names.is_empty() {
            bare.entry((it.kind, it.first, it.last))
                .or_default()
                .push(i as u32);
        }
        for &n in &it.seen {
            blocks.entry((it.kind, n)).or_default().push(i as u32);
        }
    }
    // each report queries the day neighbours only in the blocks of its two
    // rarest names; a matching report shares at least one in practice
    let query: Vec<[u32; 2]> = items
        .iter()
        .map(|it| {
            let mut v = it.ext.clone();
            v.sort_by(|x, y| {
                f.weight[*y as usize]
                    .total_cmp(&f.weight[*x as usize])
                    .then_with(|| f.names[*x as usize].cmp(&f.names[*y as usize]))
            });
            [
                v.first().copied().unwrap_or(u32::MAX),
                v.get(1).copied().unwrap_or(u32::MAX),
            ]
        })
        .collect();
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut keys: Vec<&(Kind, u32)> = blocks.keys().collect();
    keys.sort_unstable();
    for key in keys {
        let Some(block) = blocks.get(key) else {
            continue;
        };
        let mut days: Vec<u32> = block
            .iter()
            .copied()
            .filter(|&i| items[i as usize].is_day())
            .collect();
        days.sort_unstable_by_key(|&i| (items[i as usize].first, i));
        // coarse reports by span, spans in order of their first day
        let mut spans: Vec<((i32, i32), Vec<u32>)> = Vec::new();
        let mut coarse: Vec<u32> = block
            .iter()
            .copied()
            .filter(|&i| !items[i as usize].is_day())
            .collect();
        coarse.sort_unstable_by_key(|&i| (items[i as usize].first, items[i as usize].last, i));
        for i in coarse {
            let span = (items[i as usize].first, items[i as usize].last);
            match spans.last_mut() {
                Some((s, v)) if *s == span => v.push(i),
                _ => spans.push((span, vec![i])),
            }
        }
        let widest = spans.iter().map(|(s, _)| s.1 - s.0).max().unwrap_or(0);
        // day reports: their own day and the next
        for (p, &i) in days.iter().enumerate() {
            let it = &items[i as usize];
            if !query[i as usize].contains(&key.1) {
                continue;
            }
            for &j in days[p + 1..]
                .iter()
                .take_while(|&&j| items[j as usize].first <= it.last + 1)
                .take(NEIGHBOURS)
            {
                out.push((i.min(j), i.max(j)));
            }
            for &j in days[..p]
                .iter()
                .rev()
                .take_while(|&&j| items[j as usize].first + 1 >= it.first)
                .take(NEIGHBOURS)
            {
                out.push((i.min(j), i.max(j)));
            }
        }
        // coarse reports of one span with each other
        for (_, group) in &spans {
            for (p, &i) in group.iter().enumerate() {
                if !query[i as usize].contains(&key.1) {
                    continue;
                }
                for &j in group[p + 1..].iter().take(NEIGHBOURS) {
                    out.push((i.min(j), i.max(j)));
                }
                for &j in group[..p].iter().rev().take(NEIGHBOURS) {
                    out.push((i.min(j), i.max(j)));
                }
            }
        }
        // every coarse report with the reports its span covers, when the
        // block is of one of the two rarest names of either: no count of
        // neighbours, so a pair never depends on which other reports exist
        for &i in block {
            let it = &items[i as usize];
            let mine = query[i as usize].contains(&key.1);
            let from = spans.partition_point(|(s, _)| s.0 < it.first - widest);
            for ((first, last), group) in &spans[from..] {
                if *first > it.first {
                    break;
                }
                if *last < it.last || (*first, *last) == (it.first, it.last) {
                    continue;
                }
                for &j in group {
                    if mine || query[j as usize].contains(&key.1) {
                        out.push((i.min(j), i.max(j)));
                    }
                }
            }
        }
    }
    for group in bare.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in group[x + 1..].iter().take(NEIGHBOURS) {
                out.push((i.min(j), i.max(j)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Scored pairs, best first, with ambiguous coarse reports and
/// ambiguous weak pairs taken out.
pub fn scored_pairs(f: &Features) -> Vec<(f32, u32, u32)> {
    let scored: Vec<(Pair, u32, u32)> = candidates(f)
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (&f.items[i as usize], &f.items[j as usize]);
            if a.url == b.url {
                return None;
            }
            pair(f, a, b).map(|p| (p, i, j))
        })
        .collect();
    let mut partners: Vec<Vec<(f32, u32)>> = vec![Vec::new(); f.items.len()];
    for &(p, i, j) in &scored {
        partners[i as usize].push((p.score, j));
        partners[j as usize].push((p.score, i));
    }
    let paired: std::collections::HashSet<(u32, u32)> = scored
        .iter()
        .map(|&(_, i, j)| (i.min(j), i.max(j)))
        .collect();
    // two partners that may be different incidents: dates apart, or two
    // days one apart that do not pair with each other
    let rivals = |x: u32, y: u32| match date_fit(&f.items[x as usize], &f.items[y as usize]) {
        DateFit::Apart => true,
        DateFit::Near => !paired.contains(&(x.min(y), x.max(y))),
        _ => false,
    };
    // a coarse report whose best partners belong to different incidents stays alone
    let mut ambiguous = vec![false; f.items.len()];
    for (i, ps) in partners.iter_mut().enumerate() {
        if ps.len() < 2 || f.items[i].is_day() {
            continue;
        }
        ps.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let (best_s, best) = ps[0];
        if let Some(&(s, _)) = ps[1..].iter().find(|(_, q)| rivals(best, *q)) {
            if best_s - s < AMBIGUITY_MARGIN {
                ambiguous[i] = true;
            }
        }
    }
    // a partner of `i` on a date apart from `j`'s: `i` could be either;
    // between two day reports only day partners count, so that what
    // decides a day's clusters lies within a day of it
    let rival = |i: u32, j: u32| {
        let days = f.items[i as usize].is_day() && f.items[j as usize].is_day();
        partners[i as usize]
            .iter()
            .filter(|(_, q)| *q != j && (!days || f.items[*q as usize].is_day()))
            .any(|(_, q)| rivals(j, *q))
    };
    let mut out: Vec<(f32, u32, u32)> = scored
        .iter()
        .filter(|&&(p, i, j)| {
            !ambiguous[i as usize]
                && !ambiguous[j as usize]
                && !(p.weak && (rival(i, j) || rival(j, i)))
        })
        .map(|&(p, i, j)| (p.score, i, j))
        .collect();
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    out
}

/// What one article's repeated report of one event shares: url, kind,
/// days, actors, targets.
type RepeatKey<'a> = (u32, Kind, i32, i32, &'a [u32], &'a [u32]);

/// One growing cluster's invariants.
#[derive(Default)]
struct Group {
    first: i32,
    last: i32,
    size: usize,
    urls: Vec<u32>,
    /// Countries the members' actors act for, sorted.
    actor_countries: Vec<u32>,
}

impl Group {
    fn new(it: &Item) -> Group {
        Group {
            first: it.first,
            last: it.last,
            size: 1,
            urls: vec![it.url],
            actor_countries: it.actor_countries.clone(),
        }
    }

    /// True when the two clusters cannot be one incident though a pair of
    /// their members can: their actors speak for different governments
    /// (a report that names no actor must not chain one government's move
    /// to another's on the same day). Target countries are no such test:
    /// a stray "China" or "EU" among a report's targets is common.
    fn clash(&self, other: &Group) -> bool {
        let disjoint = |x: &[u32], y: &[u32]| !x.iter().any(|n| y.binary_search(n).is_ok());
        !self.actor_countries.is_empty()
            && !other.actor_countries.is_empty()
            && disjoint(&self.actor_countries, &other.actor_countries)
    }

    /// Takes in the other cluster's actor countries.
    fn absorb(&mut self, other: &mut Group) {
        self.actor_countries.append(&mut other.actor_countries);
        self.actor_countries.sort_unstable();
        self.actor_countries.dedup();
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let p = parent[parent[x as usize] as usize];
        parent[x as usize] = p;
        x = p;
    }
    x
}

/// The clusters as they grow: a union-find over items with each root's
/// invariants.
struct Forest {
    parent: Vec<u32>,
    groups: Vec<Group>,
}

impl Forest {
    fn root(&mut self, x: u32) -> u32 {
        find(&mut self.parent, x)
    }

    /// True when the clusters of `i` and `j` could join now.
    fn fits(&mut self, f: &Features, i: u32, j: u32) -> bool {
        let (ra, rb) = (self.root(i), self.root(j));
        ra != rb && self.joined_dates(f, ra, rb, i, j).is_some()
    }

    /// The days the clusters rooted at `ra` and `rb` would have as one, or
    /// `None` when they cannot be one incident: one consistent date, one
    /// report per article, one government's side.
    fn joined_dates(&self, f: &Features, ra: u32, rb: u32, i: u32, j: u32) -> Option<(i32, i32)> {
        let (ga, gb) = (&self.groups[ra as usize], &self.groups[rb as usize]);
        let first = ga.first.max(gb.first);
        let last = ga.last.min(gb.last);
        let days = if first <= last {
            (first, last)
        } else if ga.first == ga.last
            && gb.first == gb.last
            && (ga.first - gb.first).abs() <= 1
            && date_fit(&f.items[i as usize], &f.items[j as usize]) == DateFit::Near
        {
            // two single days one apart, said by two day reports (not
            // bridged by a month): the larger side's day stands
            let keep = if gb.size > ga.size { gb } else { ga };
            (keep.first, keep.last)
        } else {
            return None;
        };
        if ga.urls.iter().any(|u| gb.urls.binary_search(u).is_ok()) || ga.clash(gb) {
            return None;
        }
        Some(days)
    }

    /// Joins the clusters of `i` and `j` when they can be one incident
    /// (see [`Forest::joined_dates`]).
    fn join(&mut self, f: &Features, i: u32, j: u32) -> bool {
        let (ra, rb) = (self.root(i), self.root(j));
        if ra == rb {
            return false;
        }
        let Some((first, last)) = self.joined_dates(f, ra, rb, i, j) else {
            return false;
        };
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        let mut taken = std::mem::take(&mut self.groups[child as usize]);
        let mut urls = std::mem::take(&mut taken.urls);
        urls.extend_from_slice(&self.groups[root as usize].urls);
        urls.sort_unstable();
        let size = self.groups[root as usize].size + taken.size;
        let g = &mut self.groups[root as usize];
        g.absorb(&mut taken);
        g.first = first;
        g.last = last;
        g.size = size;
        g.urls = urls;
        self.parent[child as usize] = root;
        true
    }
}

/// For each report `c` of the candidates `(c, partner)`, taken best first,
/// the first partner whose cluster it could join now: each report's choice
/// read from the forest as it stands, none from another's.
fn first_fits(
    forest: &mut Forest,
    f: &Features,
    candidates: impl Iterator<Item = (u32, u32)>,
) -> Vec<(u32, u32)> {
    let mut taken = vec![false; forest.parent.len()];
    let mut out = Vec::new();
    for (c, partner) in candidates {
        if !taken[c as usize] && forest.fits(f, c, partner) {
            taken[c as usize] = true;
            out.push((c, partner));
        }
    }
    out
}

/// Clusters of item indices; each cluster sorted, clusters ordered by
/// their first item. Items must be in seed order for stable results.
///
/// Three stages, each deciding from what lies near in time, so that a
/// report's arrival changes only clusters within a few days of it (or
/// within a coarse report's span):
/// 1. reports of the same date grow greedily from their best pairs;
/// 2. clusters of two days one apart join when each is the other's best
///    such partner (a matching: no chain of days grows through it);
/// 3. each coarse report ("in May", "in 2019") chooses on its own the
///    cluster of stages 1 and 2 of its best day partner that it fits, so
///    no coarse report's choice depends on another's; the choices join,
///    best first; a coarse report without a day partner follows its best
///    coarse partner that found one; the rest join each other, best pair
///    first.
///
/// What decides a day's clusters lies within a day of it (the rival test
/// of weak pairs counts day partners only), and what decides a coarse
/// report's place is its own pairs and the clusters they reach: a new day
/// report can move only the clusters of the days next to it and the
/// coarse reports that pair with them.
pub fn cluster(f: &Features) -> Vec<Vec<usize>> {
    let n = f.items.len();
    let mut forest = Forest {
        parent: (0..n as u32).collect(),
        groups: f.items.iter().map(Group::new).collect(),
    };
    // one article repeating one event (same kind, date and names) is one report
    let mut repeats: FastMap<RepeatKey, u32> = FastMap::default();
    for (i, it) in f.items.iter().enumerate() {
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
            Some(&first) => forest.parent[i] = first,
            None => {
                repeats.insert(key, i as u32);
            }
        }
    }
    let pairs = scored_pairs(f);
    let fit = |i: u32, j: u32| date_fit(&f.items[i as usize], &f.items[j as usize]);
    let day = |i: u32| f.items[i as usize].is_day();
    // 1. the same day
    for &(_, i, j) in pairs
        .iter()
        .filter(|&&(_, i, j)| day(i) && fit(i, j) == DateFit::Same)
    {
        forest.join(f, i, j);
    }
    // 2. days one apart, mutual best partners
    let mut best: FastMap<u32, (f32, u32, u32, u32)> = FastMap::default();
    for &(s, i, j) in pairs
        .iter()
        .filter(|&&(_, i, j)| fit(i, j) == DateFit::Near)
    {
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
    // 3. coarse reports into what their span covers, each on its own:
    // its best day partner whose cluster it fits, read from the clusters
    // of stages 1 and 2 only, so a coarse report's choice never depends
    // on another's (and a new report moves only the coarse reports it
    // pairs with); then the choices join, best first, and the coarse
    // reports left over join each other
    let chosen = first_fits(
        &mut forest,
        f,
        pairs
            .iter()
            .filter(|&&(_, i, j)| day(i) != day(j))
            .map(|&(_, i, j)| if day(i) { (j, i) } else { (i, j) }),
    );
    // a choice the cluster no longer fits (another coarse report of its
    // article joined first) leaves the report to the steps below
    let mut placed = vec![false; n];
    for (c, d) in chosen {
        placed[c as usize] = forest.join(f, c, d);
    }
    // a coarse report with no day partner follows its best coarse partner
    // that found one ("in May" beside "in 2019", both about one listing)
    let follows = first_fits(
        &mut forest,
        f,
        pairs
            .iter()
            .filter(|&&(_, i, j)| !day(i) && !day(j))
            .filter_map(
                |&(_, i, j)| match (placed[i as usize], placed[j as usize]) {
                    (false, true) => Some((i, j)),
                    (true, false) => Some((j, i)),
                    _ => None,
                },
            ),
    );
    for (c, lead) in follows {
        placed[c as usize] = forest.join(f, c, lead);
    }
    for &(_, i, j) in pairs
        .iter()
        .filter(|&&(_, i, j)| !day(i) && !day(j) && !placed[i as usize] && !placed[j as usize])
    {
        forest.join(f, i, j);
    }
    let mut slot_of = vec![usize::MAX; n];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for i in 0..n as u32 {
        let r = forest.root(i) as usize;
        if slot_of[r] == usize::MAX {
            slot_of[r] = out.len();
            out.push(Vec::new());
        }
        out[slot_of[r]].push(i as usize);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::testutil::m;

    fn item(start: &str) -> Item {
        let r = m(
            1,
            "https://a.example/",
            "2026-01-01",
            "listing",
            start,
            &["X"],
            &[],
            "",
        );
        Features::new(&[&r]).items.remove(0)
    }

    #[test]
    fn date_fit_table() {
        let cases = [
            ("2026-05-16", "2026-05-16", DateFit::Same),
            ("2026-05", "2026-05-16", DateFit::Contains),
            ("2026-05-16", "2026", DateFit::Contains),
            ("2026-06..2026-07", "2026-07-03", DateFit::Contains),
            ("2026-06..2026-07", "2026-08-01", DateFit::Apart),
            ("2026-05-16", "2026-05-17", DateFit::Near),
            ("2026-05-31", "2026-06-01", DateFit::Near),
            ("2026-05-16", "2026-05-18", DateFit::Apart),
            ("2026-05", "2026-06", DateFit::Apart),
            ("2026-05", "2026-06-01", DateFit::Apart),
        ];
        for (a, b, want) in cases {
            assert_eq!(date_fit(&item(a), &item(b)), want, "{a} vs {b}");
            assert_eq!(date_fit(&item(b), &item(a)), want, "{b} vs {a}");
        }
    }

    #[test]
    fn scores_rank_exact_dates_above_coarse_ones() {
        let day = m(
            1,
            "https://a.example/1",
            "2026-05-17",
            "listing",
            "2026-05-16",
            &["Commerce"],
            &["Huawei"],
            "x",
        );
        let same = m(
            2,
            "https://b.example/2",
            "2026-05-17",
            "listing",
            "2026-05-16",
            &["Commerce"],
            &["Huawei"],
            "y",
        );
        let month = m(
            3,
            "https://c.example/3",
            "2026-06-17",
            "listing",
            "2026-05",
            &["Commerce"],
            &["Huawei"],
            "z",
        );
        let year = m(
            4,
            "https://d.example/4",
            "2027-06-17",
            "listing",
            "2026",
            &["Commerce"],
            &["Huawei"],
            "w",
        );
        let f = Features::new(&[&day, &same, &month, &year]);
        let s = |i: usize, j: usize| pair_score(&f, &f.items[i], &f.items[j]).unwrap_or(0.0);
        assert!(s(0, 1) > s(0, 2) && s(0, 2) > s(0, 3) && s(0, 3) >= THRESHOLD);
    }
}
