//! The timeline as TimelineJS 3 JSON (Knight Lab's format, which newsrooms
//! embed): `{"title": slide, "events": [slide…]}`. Each event is a slide
//! whose `start_date`/`end_date` carry only the fields the sources give
//! (year; year and month; or year, month and day — as numeric strings, as
//! the format's own examples write them), with a `display_date` at the same
//! precision, a `text` object whose headline is the event's title and whose
//! text is HTML citing every source with a link, a `group` (the kind, or the
//! entity with `--group entity`) and `unique_id` = the event's id.
//!
//! All feed text is HTML-escaped before it goes into `text`, because
//! TimelineJS renders it as HTML; `autolink` is off so only the sources'
//! own http(s) links become links.

use super::citation::Citation;
use super::html::escape;
use super::{Group, Options, ProvenanceMap};
use crate::model::{Event, PartialDate};
use serde_json::{json, Map, Value};

/// The whole TimelineJS document.
pub fn document(title: &str, events: &[Event], prov: &ProvenanceMap, opts: &Options) -> String {
    let slides: Vec<Value> = events.iter().map(|e| slide(e, prov, opts.group)).collect();
    let n = events.len();
    let doc = json!({
        "title": {
            "text": {
                "headline": escape(&crate::text::clean_line(title)),
                "text": format!(
                    "<p>{n} event{} from dateline, exported {}.</p>",
                    if n == 1 { "" } else { "s" },
                    opts.now.format("%-d %b %Y")
                ),
            }
        },
        "events": slides,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A date object with the fields the date has, and no more.
pub fn date(d: &PartialDate) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), Value::String(d.year.to_string()));
    if let Some(month) = d.month {
        m.insert("month".into(), Value::String(month.to_string()));
        if let Some(day) = d.day {
            m.insert("day".into(), Value::String(day.to_string()));
        }
    }
    m.insert(
        "display_date".into(),
        Value::String(crate::tui::format::date(d)),
    );
    Value::Object(m)
}

fn slide(e: &Event, prov: &ProvenanceMap, group: Group) -> Value {
    let mut m = Map::new();
    m.insert("unique_id".into(), Value::String(e.id.clone()));
    m.insert("start_date".into(), date(&e.span.start));
    if let Some(end) = e.span.end.filter(|end| *end != e.span.start) {
        m.insert("end_date".into(), date(&end));
    }
    m.insert(
        "display_date".into(),
        Value::String(crate::tui::format::span(&e.span)),
    );
    m.insert(
        "text".into(),
        json!({"headline": escape(&crate::text::clean_line(&e.title)), "text": body(e, prov)}),
    );
    m.insert("group".into(), Value::String(group_of(e, group)));
    m.insert("autolink".into(), Value::Bool(false));
    Value::Object(m)
}

/// The group label of an event.
pub fn group_of(e: &Event, group: Group) -> String {
    match group {
        Group::Kind => super::kind_label(e.kind),
        Group::Entity => e
            .targets
            .first()
            .or(e.actors.first())
            .map(|n| crate::text::clean_line(n))
            .unwrap_or_else(|| "(no entity)".into()),
    }
}

/// The slide's HTML: kind and parties, note, then every source cited with
/// its quoted sentence.
fn body(e: &Event, prov: &ProvenanceMap) -> String {
    let clean = crate::text::clean_line;
    let mut out = format!("<p><b>{}</b>", escape(&super::kind_label(e.kind)));
    let names = |v: &[String]| {
        v.iter()
            .map(|n| escape(&clean(n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (e.actors.is_empty(), e.targets.is_empty()) {
        (false, false) => out += &format!(" · {} → {}", names(&e.actors), names(&e.targets)),
        (false, true) => out += &format!(" · {}", names(&e.actors)),
        (true, false) => out += &format!(" · → {}", names(&e.targets)),
        (true, true) => {}
    }
    if e.status != crate::model::Status::Auto {
        out += &format!(" · {}", e.status.as_str());
    }
    out += "</p>";
    if let Some(note) = e.note.as_deref().filter(|n| !n.trim().is_empty()) {
        out += &format!("<p><i>Note:</i> {}</p>", escape(&clean(note)));
    }
    out += "<ol>";
    for s in &e.sources {
        out += &format!(
            "<li>{} <q>{}</q></li>",
            super::html::cite(&Citation::of(s, prov)),
            escape(&clean(&s.evidence))
        );
    }
    out += "</ol>";
    out
}
