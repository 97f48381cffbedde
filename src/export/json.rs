//! `dateline events --json`: one object a line, in exactly the shape
//! documented in docs/events-json.md. Field order is fixed so diffs of two
//! exports stay readable.

use crate::model::Event;
use serde::Serialize;

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    start: String,
    end: Option<String>,
    kind: &'a str,
    title: &'a str,
    actors: &'a [String],
    targets: &'a [String],
    status: &'a str,
    related: &'a [String],
    sources: Vec<SourceJson<'a>>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    url: &'a str,
    outlet: &'a str,
    title: &'a str,
    published: Option<String>,
    evidence: &'a str,
}

/// One event as one line of JSON (no trailing newline).
pub fn event_line(e: &Event) -> String {
    let v = EventJson {
        id: &e.id,
        start: e.span.start.to_string(),
        end: e.span.end.map(|d| d.to_string()),
        kind: e.kind.as_str(),
        title: &e.title,
        actors: &e.actors,
        targets: &e.targets,
        status: e.status.as_str(),
        related: &e.related,
        sources: e
            .sources
            .iter()
            .map(|s| SourceJson {
                url: &s.url,
                outlet: &s.outlet,
                title: &s.title,
                published: s.published.map(|t| t.to_rfc3339()),
                evidence: &s.evidence,
            })
            .collect(),
    };
    serde_json::to_string(&v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Kind, PartialDate, Source, Status};

    #[test]
    fn matches_the_design_contract() {
        let e = Event {
            id: "e1".into(),
            kind: Kind::Lawsuit,
            span: DateSpan::at(PartialDate::day(2026, 6, 24).expect("valid")),
            title: "Alibaba sues Department of Defense".into(),
            actors: vec!["Alibaba".into()],
            targets: vec!["Department of Defense".into()],
            status: Status::Auto,
            note: None,
            sources: vec![Source {
                mention_id: 3,
                url: "https://x.example/a".into(),
                outlet: "X".into(),
                title: "T".into(),
                published: chrono::DateTime::parse_from_rfc3339("2026-07-09T10:00:00+08:00").ok(),
                evidence: "On June 24, Alibaba filed a lawsuit.".into(),
                date: None,
            }],
            related: vec!["9ab2".into()],
            date_conflict: false,
            edited: vec![],
        };
        assert_eq!(
            event_line(&e),
            r#"{"id":"e1","start":"2026-06-24","end":null,"kind":"lawsuit","title":"Alibaba sues Department of Defense","actors":["Alibaba"],"targets":["Department of Defense"],"status":"auto","related":["9ab2"],"sources":[{"url":"https://x.example/a","outlet":"X","title":"T","published":"2026-07-09T10:00:00+08:00","evidence":"On June 24, Alibaba filed a lawsuit."}]}"#
        );
    }
}
