//! The timeline as an iCalendar file (RFC 5545) of all-day entries, so a
//! chronology can sit beside deadlines in any calendar. A month- or
//! year-precision event spans its whole month or year, and says so.

use crate::model::Event;

/// A VCALENDAR with one VEVENT an event.
pub fn calendar(events: &[Event], stamp: chrono::DateTime<chrono::Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//dateline//timeline//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        let first = e.span.first_day();
        let after = e.span.last_day().succ_opt().unwrap_or(e.span.last_day());
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@dateline", e.id));
        line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
        );
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")),
        );
        line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                text(&format!("[{}] {}", e.kind.as_str(), e.title))
            ),
        );
        line(
            &mut out,
            &format!("CATEGORIES:{}", text(&super::kind_label(e.kind))),
        );
        line(&mut out, &format!("STATUS:{}", ics_status(e.status)));
        let mut desc = format!("Status: {}\n", e.status.as_str());
        if let Some(note) = e.note.as_deref().filter(|n| !n.trim().is_empty()) {
            desc.push_str(&format!("Note: {note}\n"));
        }
        desc.push('\n');
        if e.span.start.precision() < 3 || e.span.end.is_some() {
            desc.push_str(&format!("Date as reported: {}", e.span.start));
            if let Some(end) = e.span.end {
                desc.push_str(&format!(" to {end}"));
            }
            desc.push_str("\n\n");
        }
        for s in &e.sources {
            desc.push_str(&format!("{}: \"{}\" {}\n", s.outlet, s.evidence, s.url));
        }
        line(&mut out, &format!("DESCRIPTION:{}", text(desc.trim_end())));
        if let Some(s) = e.sources.iter().find(|s| super::is_web_url(&s.url)) {
            line(
                &mut out,
                &format!("URL:{}", crate::text::clean_line(&s.url)),
            );
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// RFC 5545's STATUS of a VEVENT: an analyst's decision is firm, an
/// automatic reading tentative.
fn ics_status(s: crate::model::Status) -> &'static str {
    use crate::model::Status;
    match s {
        Status::Confirmed | Status::Manual => "CONFIRMED",
        Status::Auto => "TENTATIVE",
        Status::Rejected => "CANCELLED",
    }
}

/// Escapes a TEXT value.
fn text(s: &str) -> String {
    crate::text::clean(s)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
        .replace('\t', " ")
}

/// Appends a content line folded at 75 octets, CRLF-terminated.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}
