//! Replaying the analyst's decisions over freshly merged clusters, in the
//! order they were taken: confirm, reject, reset, note, merge, split,
//! hand-made events, edits and reverts; an undone decision is skipped as
//! if it was never taken. Decisions name events by id; an event answers to its
//! own id, to the id each of its reports would have as a seed, and to the
//! ids of events merged into it, so a decision still finds its event when
//! a new, earlier report changes the seed.

use super::features::FastMap;
use super::ids;
use crate::model::{
    DateSpan, Decision, DecisionAction, EventEdit, Kind, MentionRecord, PartialDate, Source, Status,
};
use std::collections::HashSet;

/// A hand-made event, as `event add` writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Manual {
    pub kind: Kind,
    pub span: DateSpan,
    pub title: String,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub url: String,
    pub evidence: String,
}

impl Manual {
    /// Reads the JSON payload of an `add` decision; `None` when it is not one.
    pub fn parse(payload: &str) -> Option<Manual> {
        let v: serde_json::Value = serde_json::from_str(payload).ok()?;
        let text = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let list = |k: &str| -> Vec<String> {
            v.get(k)
                .and_then(|x| x.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str())
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let start: PartialDate = text("start").parse().ok()?;
        let end: Option<PartialDate> = v
            .get("end")
            .and_then(|x| x.as_str())
            .and_then(|s| s.parse().ok());
        Some(Manual {
            kind: text("kind").parse().unwrap_or(Kind::Other),
            span: DateSpan { start, end },
            title: text("title"),
            actors: list("actors"),
            targets: list("targets"),
            url: text("url"),
            evidence: text("evidence"),
        })
    }

    /// The payload of its `add` decision, as [`Manual::parse`] reads it.
    pub fn payload(&self) -> String {
        serde_json::json!({
            "start": self.span.start.to_string(), "end": self.span.end.map(|d| d.to_string()),
            "kind": self.kind.as_str(), "title": self.title, "actors": self.actors,
            "targets": self.targets, "url": self.url, "evidence": self.evidence,
        })
        .to_string()
    }

    pub fn source(&self) -> Source {
        let outlet = url::Url::parse(&self.url)
            .ok()
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_string())
            })
            .unwrap_or_default();
        Source {
            mention_id: 0,
            url: self.url.clone(),
            outlet,
            title: self.title.clone(),
            published: None,
            evidence: self.evidence.clone(),
            date: None,
        }
    }
}

/// A group of reports on its way to becoming an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub id: String,
    /// Indices into the seed-ordered mentions, ascending.
    pub members: Vec<usize>,
    pub status: Status,
    pub note: Option<String>,
    pub manual: Option<Manual>,
    /// The analyst's corrections, all edits so far folded into one.
    pub edit: Option<EventEdit>,
    /// Other ids this cluster answers to.
    pub aliases: Vec<String>,
}

impl Cluster {
    /// A merged cluster; its seed is its first (earliest) member.
    pub fn auto(mentions: &[&MentionRecord], mut members: Vec<usize>) -> Cluster {
        members.sort_unstable();
        let aliases: Vec<String> = members
            .iter()
            .map(|&i| ids::mention_id(mentions[i]))
            .collect();
        let id = aliases.first().cloned().unwrap_or_default();
        Cluster {
            id,
            members,
            status: super::default_status(),
            note: None,
            manual: None,
            edit: None,
            aliases,
        }
    }

    fn empty() -> Cluster {
        Cluster {
            id: String::new(),
            members: Vec::new(),
            status: Status::Auto,
            note: None,
            manual: None,
            edit: None,
            aliases: Vec::new(),
        }
    }
}

/// Which cluster each id names: own ids first, then aliases. Kept up to
/// date as decisions move reports, so each look-up is one hash probe.
#[derive(Default)]
struct Index {
    ids: FastMap<String, usize>,
    aliases: FastMap<String, usize>,
}

impl Index {
    fn new(clusters: &[Cluster]) -> Index {
        let mut ix = Index::default();
        for (i, c) in clusters.iter().enumerate() {
            ix.ids.insert(c.id.clone(), i);
            for a in &c.aliases {
                ix.aliases.entry(a.clone()).or_insert(i);
            }
        }
        ix
    }

    fn find(&self, clusters: &[Cluster], id: &str) -> Option<usize> {
        let live = |&i: &usize| !clusters[i].members.is_empty() || clusters[i].manual.is_some();
        self.ids
            .get(id)
            .copied()
            .filter(live)
            .or_else(|| self.aliases.get(id).copied().filter(live))
    }
}

/// The ids of the decisions that an `undo` took back. An undo names one
/// earlier decision that is not itself an undo.
pub fn undone(decisions: &[Decision]) -> HashSet<i64> {
    let actions: std::collections::HashMap<i64, DecisionAction> =
        decisions.iter().map(|d| (d.id, d.action)).collect();
    decisions
        .iter()
        .filter(|d| d.action == DecisionAction::Undo)
        .filter_map(|d| d.arg.as_deref()?.trim().parse::<i64>().ok())
        .filter(|target| {
            actions
                .get(target)
                .is_some_and(|a| *a != DecisionAction::Undo)
        })
        .collect()
}

/// Applies every decision in order. Decisions naming events that no
/// longer exist are skipped: the reports they named are gone.
pub fn replay(clusters: &mut Vec<Cluster>, mentions: &[&MentionRecord], decisions: &[Decision]) {
    let undone = undone(decisions);
    let mut ordered: Vec<&Decision> = decisions
        .iter()
        .filter(|d| d.action != DecisionAction::Undo && !undone.contains(&d.id))
        .collect();
    ordered.sort_by_key(|d| d.id);
    if ordered.is_empty() {
        // no decision to replay: nothing to index
        return;
    }
    let mut index = Index::new(clusters);
    for d in ordered {
        if d.action == DecisionAction::Add {
            if !index.ids.contains_key(&d.event_id) && add(clusters, d) {
                index.ids.insert(d.event_id.clone(), clusters.len() - 1);
            }
            continue;
        }
        let Some(at) = index.find(clusters, &d.event_id) else {
            continue;
        };
        match d.action {
            DecisionAction::Confirm => clusters[at].status = Status::Confirmed,
            DecisionAction::Reject => clusters[at].status = Status::Rejected,
            DecisionAction::Reset => {
                clusters[at].status = if clusters[at].manual.is_some() {
                    Status::Manual
                } else {
                    Status::Auto
                }
            }
            DecisionAction::Note => {
                let text = d.arg.as_deref().map(str::trim).unwrap_or("");
                clusters[at].note = (!text.is_empty()).then(|| text.to_string());
            }
            DecisionAction::Merge => {
                let Some(other) = d.arg.as_deref().and_then(|o| index.find(clusters, o)) else {
                    continue;
                };
                if other == at {
                    continue;
                }
                let taken = std::mem::replace(&mut clusters[other], Cluster::empty());
                index.aliases.insert(taken.id.clone(), at);
                for a in &taken.aliases {
                    index.aliases.insert(a.clone(), at);
                }
                let into = &mut clusters[at];
                into.members.extend(taken.members);
                into.members.sort_unstable();
                into.members.dedup();
                into.aliases.push(taken.id);
                into.aliases.extend(taken.aliases);
                if into.note.is_none() {
                    into.note = taken.note;
                }
                if into.manual.is_none() {
                    into.manual = taken.manual;
                }
                if into.edit.is_none() {
                    into.edit = taken.edit;
                }
            }
            DecisionAction::Split => {
                let Some(url) = d.arg.as_deref() else {
                    continue;
                };
                let (out, keep): (Vec<usize>, Vec<usize>) = clusters[at]
                    .members
                    .iter()
                    .partition(|&&i| mentions[i].url == url);
                if out.is_empty() || (keep.is_empty() && clusters[at].manual.is_none()) {
                    continue;
                }
                let base = clusters[at].id.clone();
                clusters[at].members = keep;
                let gone: Vec<String> = out.iter().map(|&i| ids::mention_id(mentions[i])).collect();
                clusters[at].aliases.retain(|a| !gone.contains(a));
                let id = ids::split_id(&base, url);
                index.ids.insert(id.clone(), clusters.len());
                for g in &gone {
                    if index.aliases.get(g) == Some(&at) {
                        index.aliases.insert(g.clone(), clusters.len());
                    }
                }
                clusters.push(Cluster {
                    id,
                    members: out,
                    status: Status::Auto,
                    note: None,
                    manual: None,
                    edit: None,
                    aliases: gone,
                });
            }
            DecisionAction::Edit => {
                let Some(e) = d.arg.as_deref().and_then(EventEdit::from_json) else {
                    continue;
                };
                clusters[at]
                    .edit
                    .get_or_insert_with(EventEdit::default)
                    .then(e);
            }
            DecisionAction::Revert => clusters[at].edit = None,
            DecisionAction::Add | DecisionAction::Undo => {}
        }
    }
    clusters.retain(|c| !c.members.is_empty() || c.manual.is_some());
}

/// A hand-made event joins the timeline under the id `event add` gave it;
/// true when its payload was readable.
fn add(clusters: &mut Vec<Cluster>, d: &Decision) -> bool {
    let Some(m) = d.arg.as_deref().and_then(Manual::parse) else {
        return false;
    };
    clusters.push(Cluster {
        id: d.event_id.clone(),
        members: Vec::new(),
        status: Status::Manual,
        note: None,
        manual: Some(m),
        edit: None,
        aliases: Vec::new(),
    });
    true
}
