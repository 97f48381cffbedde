//! The timeline as CSV (RFC 4180), one row an event-source pair, for a
//! spreadsheet: every row keeps the sentence and link it stands on.

use crate::model::Event;

const HEADER: &str =
    "event_id,start,end,kind,title,actors,targets,status,outlet,published,url,evidence";

/// Rows for `events`, header first, CRLF line ends as RFC 4180 asks.
pub fn rows(events: &[Event]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for e in events {
        for s in &e.sources {
            let fields = [
                e.id.clone(),
                e.span.start.to_string(),
                e.span.end.map(|d| d.to_string()).unwrap_or_default(),
                e.kind.as_str().to_string(),
                e.title.clone(),
                e.actors.join("; "),
                e.targets.join("; "),
                e.status.as_str().to_string(),
                s.outlet.clone(),
                s.published.map(|t| t.to_rfc3339()).unwrap_or_default(),
                super::web_link(&s.url).unwrap_or_default(),
                s.evidence.clone(),
            ];
            let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
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
