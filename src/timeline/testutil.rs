//! Builders for test mentions and decisions.

use crate::model::{DateSpan, Mention, MentionRecord, PartialDate};
use crate::model::{Decision, DecisionAction};

fn date(s: &str) -> PartialDate {
    s.parse().unwrap_or(PartialDate::year(1900))
}

/// A mention without names. `start` is `YYYY[-MM[-DD]]` or `A..B` for a span;
/// `published` is a day, read as 09:00 UTC.
pub fn rec(
    id: i64,
    url: &str,
    published: &str,
    kind: &str,
    start: &str,
    evidence: &str,
) -> MentionRecord {
    let span = match start.split_once("..") {
        Some((a, b)) => DateSpan {
            start: date(a),
            end: Some(date(b)),
        },
        None => DateSpan::at(date(start)),
    };
    MentionRecord {
        id,
        article_id: id,
        url: url.to_string(),
        outlet: url.split('/').nth(2).unwrap_or("").to_string(),
        article_title: format!("Article {id}"),
        published: chrono::DateTime::parse_from_rfc3339(&format!("{published}T09:00:00+00:00"))
            .ok(),
        lang: "en".into(),
        mention: Mention {
            kind: kind.parse().unwrap_or(crate::model::Kind::Other),
            span,
            actors: Vec::new(),
            targets: Vec::new(),
            evidence: evidence.to_string(),
            sentence: 0,
            confidence: 0.9,
            cues: Vec::new(),
        },
    }
}

/// The same mention with names.
pub fn named(mut m: MentionRecord, actors: &[&str], targets: &[&str]) -> MentionRecord {
    m.mention.actors = actors.iter().map(|s| s.to_string()).collect();
    m.mention.targets = targets.iter().map(|s| s.to_string()).collect();
    m
}

/// A mention in one line: id, url, published, kind, date, actors, targets, evidence.
#[allow(clippy::too_many_arguments)]
pub fn m(
    id: i64,
    url: &str,
    published: &str,
    kind: &str,
    start: &str,
    actors: &[&str],
    targets: &[&str],
    evidence: &str,
) -> MentionRecord {
    named(
        rec(id, url, published, kind, start, evidence),
        actors,
        targets,
    )
}

pub fn decision(id: i64, action: DecisionAction, event: &str, arg: Option<&str>) -> Decision {
    Decision {
        id,
        at: "2026-07-01T00:00:00Z".into(),
        action,
        event_id: event.to_string(),
        arg: arg.map(str::to_string),
    }
}

/// splitmix64: small and deterministic, for random archives.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}
