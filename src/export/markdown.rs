//! A sourced chronology in Markdown, for a reporter's draft or an analyst's
//! brief: one line an event, dated at its real precision, each with
//! footnotes that cite the article (docs/citations.md) and quote the
//! sentence the event was read from.

use super::citation::Citation;
use super::ProvenanceMap;
use crate::model::Event;
use std::fmt::Write;

/// The chronology of `events`, in the order given.
pub fn chronology(title: &str, events: &[Event], prov: &ProvenanceMap) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(title));
    let mut notes = String::new();
    let mut n = 0usize;
    let mut year = None;
    for e in events {
        if year != Some(e.span.start.year) {
            year = Some(e.span.start.year);
            let _ = writeln!(out, "\n## {}\n", e.span.start.year);
        }
        let date = match e.span.end {
            Some(end) => format!("{} – {}", e.span.start, end),
            None => e.span.start.to_string(),
        };
        let mut refs = String::new();
        for s in &e.sources {
            n += 1;
            let _ = write!(refs, "[^{n}]");
            let cite = Citation::of(s, prov).render(escape, link);
            let _ = writeln!(notes, "[^{n}]: {cite} “{}”", escape(&s.evidence));
        }
        let status = match e.status {
            crate::model::Status::Confirmed => " ✓",
            _ => "",
        };
        let _ = writeln!(
            out,
            "- **{date}** · {} · {}{status}{refs}",
            super::kind_label(e.kind),
            escape(&e.title)
        );
        if let Some(note) = &e.note {
            let _ = writeln!(out, "  - Note: {}", escape(note));
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n---\n\n{notes}");
    }
    out
}

/// A web address as an autolink; anything else as escaped text, so a
/// hostile `javascript:` link never becomes clickable.
fn link(u: &str) -> String {
    if super::is_web_url(u) && !u.contains(['<', '>']) {
        format!("<{u}>")
    } else {
        escape(u)
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::clean_line(s).chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
