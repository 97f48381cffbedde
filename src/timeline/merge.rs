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
use rayon::prelude::*;

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

/// A scored pair `(score, i, j)`, `i < j`.
pub type Scored = (f32, u32, u32);

/// The merger's order of pairs: best first, then by the reports' places.
pub fn best_first(x: &Scored, y: &Scored) -> std::cmp::Ordering {
    y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
}

/// Scored pairs with ambiguous weak pairs taken out, unordered, and per
/// report whether it is a coarse report whose best partners may be
/// different incidents (which then joins no one).
pub fn raw_pairs(f: &Features) -> (Vec<Scored>, Vec<bool>) {
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
    let out = scored
        .iter()
        .filter(|&&(p, i, j)| !(p.weak && (rival(i, j) || rival(j, i))))
        .map(|&(p, i, j)| (p.score, i, j))
        .collect();
    (out, ambiguous)
}

/// Scored pairs, best first, with ambiguous coarse reports and
/// ambiguous weak pairs taken out.
pub fn scored_pairs(f: &Features) -> Vec<Scored> {
    let (raw, ambiguous) = raw_pairs(f);
    let mut out: Vec<Scored> = raw
        .into_iter()
        .filter(|&(_, i, j)| !ambiguous[i as usize] && !ambiguous[j as usize])
        .collect();
    out.sort_by(best_first);
    out
}

/// Clusters of item indices; each cluster sorted, clusters ordered by
/// their first item. Items must be in seed order for stable results. See
/// [`super::layout`] for the stages.
pub fn cluster(f: &Features) -> Vec<Vec<usize>> {
    super::layout::Layout::build(f).clusters()
}

/// The clusters [`cluster`] gives, each kind decided on its own and the
/// kinds in parallel: no pair crosses kinds (candidates come from blocks
/// of one kind, repeats share their kind), so a kind's layout is the whole
/// one restricted to it. The reports are moved into their kind's share
/// and back, not copied.
pub fn cluster_by_kind(f: &mut Features) -> Vec<Vec<usize>> {
    let items = std::mem::take(&mut f.items);
    let kinds: Vec<Kind> = items.iter().map(|it| it.kind).collect();
    let mut parts: Vec<(Kind, Vec<u32>, Features)> = Vec::new();
    for (i, it) in items.into_iter().enumerate() {
        let at = match parts.iter().position(|p| p.0 == it.kind) {
            Some(at) => at,
            None => {
                let shared = Features {
                    items: Vec::new(),
                    weight: f.weight.clone(),
                    names: f.names.clone(),
                    spellings: FastMap::default(),
                    generic: f.generic.clone(),
                    leads: f.leads.clone(),
                };
                parts.push((it.kind, Vec::new(), shared));
                parts.len() - 1
            }
        };
        parts[at].1.push(i as u32);
        parts[at].2.items.push(it);
    }
    // the largest kinds start first, so the cores finish together
    parts.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
    let decided: Vec<Vec<Vec<usize>>> = parts
        .par_iter()
        .map(|(_, idx, sub)| {
            super::layout::Layout::build(sub)
                .clusters()
                .into_iter()
                .map(|c| c.into_iter().map(|x| idx[x] as usize).collect())
                .collect()
        })
        .collect();
    // the reports back in their places: each kind's share holds its
    // reports in their order
    let mut shares: Vec<(Kind, std::vec::IntoIter<Item>)> = parts
        .into_iter()
        .map(|(k, _, sub)| (k, sub.items.into_iter()))
        .collect();
    f.items = kinds
        .iter()
        .filter_map(|k| shares.iter_mut().find(|s| s.0 == *k)?.1.next())
        .collect();
    let mut out: Vec<Vec<usize>> = decided.into_iter().flatten().collect();
    out.sort_unstable_by_key(|c| c.first().copied());
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
