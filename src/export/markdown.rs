//! A sourced chronology in Markdown, for a reporter's draft or an analyst's
//! brief: one line an event, dated at its real precision, each with
//! footnotes that cite the article (docs/citations.md) and quote the
//! sentence the event was read from.

use super::citation::Citation;
use super::ProvenanceMap;
use crate::model::Event;
use crate::store::{EventFilter, Store};
use std::fmt::Write;

/// The chronology of `events`, in the order given.
pub fn chronology(title: &str, events: &[Event], prov: &ProvenanceMap) -> String {
    let mut out = String::new();
    let mut notes = String::new();
    out += &header(title);
    let mut lines = Lines::default();
    for e in events {
        out += &lines.event(e);
    }
    let mut numbers = Notes::default();
    for e in events {
        notes += &numbers.event(e, prov);
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n---\n\n{notes}");
    }
    out
}

/// The chronology of a filter's events, written to `out` as it is read:
/// the lines in one pass over the events and their footnotes in a second,
/// both in one read snapshot, so memory holds one event at a time however
/// long the chronology is. The same bytes as [`chronology`]. Returns the
/// number of events.
pub fn write_chronology(
    store: &Store,
    filter: &EventFilter,
    title: &str,
    out: &mut dyn std::io::Write,
) -> Result<usize, super::WriteError> {
    store.snapshot_with(|s| -> Result<usize, super::WriteError> {
        out.write_all(header(title).as_bytes())?;
        let mut lines = Lines::default();
        let mut n = 0;
        s.for_each_event(filter, |e| -> Result<(), super::WriteError> {
            n += 1;
            Ok(out.write_all(lines.event(&e).as_bytes())?)
        })?;
        let mut numbers = Notes::default();
        let mut first = true;
        s.for_each_event(filter, |e| -> Result<(), super::WriteError> {
            let ids: Vec<i64> = e.sources.iter().map(|x| x.mention_id).collect();
            let notes = numbers.event(&e, &s.provenance(&ids)?);
            if first && !notes.is_empty() {
                out.write_all(b"\n---\n\n")?;
                first = false;
            }
            Ok(out.write_all(notes.as_bytes())?)
        })?;
        if !first {
            out.write_all(b"\n")?;
        }
        Ok(n)
    })
}

fn header(title: &str) -> String {
    format!("# {}\n\n", escape(title))
}

/// The chronology's lines, event by event: a year heading when the year
/// changes, footnote marks numbered in order.
#[derive(Default)]
struct Lines {
    year: Option<i32>,
    n: usize,
}

impl Lines {
    fn event(&mut self, e: &Event) -> String {
        let mut out = String::new();
        if self.year != Some(e.span.start.year) {
            self.year = Some(e.span.start.year);
            let _ = writeln!(out, "\n## {}\n", e.span.start.year);
        }
        let date = match e.span.end {
            Some(end) => format!("{} – {}", e.span.start, end),
            None => e.span.start.to_string(),
        };
        let mut refs = String::new();
        for _ in &e.sources {
            self.n += 1;
            let _ = write!(refs, "[^{}]", self.n);
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
        out
    }
}

/// The footnotes, event by event, numbered as [`Lines`] numbered them.
#[derive(Default)]
struct Notes {
    n: usize,
}

impl Notes {
    fn event(&mut self, e: &Event, prov: &ProvenanceMap) -> String {
        let mut notes = String::new();
        for s in &e.sources {
            self.n += 1;
            let cite = Citation::of(s, prov).render(escape, link);
            let _ = writeln!(notes, "[^{}]: {cite} “{}”", self.n, escape(&s.evidence));
        }
        notes
    }
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
