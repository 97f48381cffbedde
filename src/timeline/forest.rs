//! Clusters as they grow: a union-find over reports, each root keeping
//! what its cluster must stay consistent with (one date, one report per
//! article, one government's side). The merger's stages join through it;
//! a refresh builds one over just the reports it re-decides, so it works
//! on local indices that map to the reports' places in [`Features`].

use super::features::{Features, Item};
use super::merge::{date_fit, DateFit};

/// One growing cluster's invariants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    pub first: i32,
    pub last: i32,
    pub size: usize,
    /// Interned urls of the members' articles, sorted.
    pub urls: Vec<u32>,
    /// Countries the members' actors act for, sorted.
    pub actor_countries: Vec<u32>,
}

impl Group {
    pub fn new(it: &Item) -> Group {
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

/// True when a coarse report's cluster `a` and a cluster `b` could be one
/// incident: [`Forest::fits`] when `a` spans more than a day.
pub fn compatible(a: &Group, b: &Group) -> bool {
    a.first.max(b.first) <= a.last.min(b.last)
        && !a.urls.iter().any(|u| b.urls.binary_search(u).is_ok())
        && !a.clash(b)
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let p = parent[parent[x as usize] as usize];
        parent[x as usize] = p;
        x = p;
    }
    x
}

/// The clusters of some reports as they grow. Local index `x` stands for
/// the report `items[x]` of the features; local order follows the
/// features' order, so the root a join keeps (the smaller index) is the
/// same whether the forest holds every report or a few.
pub struct Forest {
    pub parent: Vec<u32>,
    pub groups: Vec<Group>,
    /// Local index → index in [`Features::items`], ascending.
    pub items: Vec<u32>,
}

impl Forest {
    /// Every report of the features on its own.
    pub fn singletons(f: &Features) -> Forest {
        Forest::over(f, (0..f.items.len() as u32).collect())
    }

    /// These reports (ascending indices into the features), each on its own.
    pub fn over(f: &Features, items: Vec<u32>) -> Forest {
        Forest {
            parent: (0..items.len() as u32).collect(),
            groups: items
                .iter()
                .map(|&i| Group::new(&f.items[i as usize]))
                .collect(),
            items,
        }
    }

    pub fn root(&mut self, x: u32) -> u32 {
        find(&mut self.parent, x)
    }

    /// True when the clusters of `i` and `j` could join now.
    pub fn fits(&mut self, f: &Features, i: u32, j: u32) -> bool {
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
        let item = |x: u32| &f.items[self.items[x as usize] as usize];
        let days = if first <= last {
            (first, last)
        } else if ga.first == ga.last
            && gb.first == gb.last
            && (ga.first - gb.first).abs() <= 1
            && date_fit(item(i), item(j)) == DateFit::Near
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
    pub fn join(&mut self, f: &Features, i: u32, j: u32) -> bool {
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

    /// For each report `c` of the candidates `(c, partner)`, taken best
    /// first, the first partner whose cluster it could join now: each
    /// report's choice read from the forest as it stands, none from
    /// another's.
    pub fn first_fits(
        &mut self,
        f: &Features,
        candidates: impl Iterator<Item = (u32, u32)>,
    ) -> Vec<(u32, u32)> {
        let mut taken = vec![false; self.parent.len()];
        let mut out = Vec::new();
        for (c, partner) in candidates {
            if !taken[c as usize] && self.fits(f, c, partner) {
                taken[c as usize] = true;
                out.push((c, partner));
            }
        }
        out
    }
}
