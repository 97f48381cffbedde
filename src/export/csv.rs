//! The timeline as CSV (RFC 4180), one row an event-source pair, for a
//! spreadsheet: every row keeps the sentence and link it stands on.
//!
//! Excel reads a CSV file as the machine's legacy code page unless it starts
//! with a UTF-8 byte order mark, which turns 华为 into mojibake; so the file
//! starts with one by default (`--no-bom` leaves it out for tools that do
//! not expect it). Line ends are CRLF. A field that starts with = + - @ is
//! prefixed with ' so a spreadsheet never runs it as a formula. The
//! columns are documented in docs/exports.md; new ones are only appended.

use super::ProvenanceMap;
use crate::model::Event;

const HEADER: &str = "event_id,start,end,kind,title,actors,targets,status,outlet,published,url,evidence,note,date_precision,date_conflict,confidence,citation";

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{feff}";

/// Rows for `events`, header first. An event without sources still gets
/// one row, with the source columns empty.
pub fn rows(events: &[Event], prov: &ProvenanceMap, bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push_str(BOM);
    }
    out.push_str(HEADER);
    out.push_str("\r\n");
    for e in events {
        let event_fields = [
            e.id.clone(),
            e.span.start.to_string(),
            e.span.end.map(|d| d.to_string()).unwrap_or_default(),
            e.kind.as_str().to_string(),
            e.title.clone(),
            e.actors.join("; "),
            e.targets.join("; "),
            e.status.as_str().to_string(),
        ];
        let precision = match e.span.start.precision() {
            1 => "year",
            2 => "month",
            _ => "day",
        };
        let tail = |confidence: String, citation: String| {
            [
                e.note.clone().unwrap_or_default(),
                precision.to_string(),
                if e.date_conflict { "yes" } else { "no" }.to_string(),
                confidence,
                citation,
            ]
        };
        let mut write = |source: [String; 4], tail: [String; 5]| {
            let line: Vec<String> = event_fields
                .iter()
                .chain(source.iter())
                .chain(tail.iter())
                .map(|f| field(f))
                .collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        };
        if e.sources.is_empty() {
            write(Default::default(), tail(String::new(), String::new()));
        }
        for s in &e.sources {
            let confidence = prov
                .get(&s.mention_id)
                .map(|p| format!("{:.2}", p.confidence))
                .unwrap_or_default();
            let citation = super::citation::Citation::of(s, prov).plain();
            write(
                [
                    s.outlet.clone(),
                    s.published.map(|t| t.to_rfc3339()).unwrap_or_default(),
                    super::web_link(&s.url).unwrap_or_default(),
                    s.evidence.clone(),
                ],
                tail(confidence, citation),
            );
        }
    }
    out
}

fn field(s: &str) -> String {
    let s = crate::text::clean_line(s);
    // a leading = + - @ would run as a formula in a spreadsheet
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
