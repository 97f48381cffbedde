//! One event in full: its date span, kind, who and whom, status and note,
//! every source with its outlet, time, URL and the sentence that reports
//! it (dates and names picked out), and its related events. The cursor
//! walks the sources and related events; the view scrolls to keep it shown.

use crate::text::clean_line;
use crate::tui::app::{App, Detail};
use crate::tui::format::{published, span};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use regex::Regex;
use std::sync::OnceLock;

pub fn render(app: &App, d: &Detail, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let e = &d.event;
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", e.kind.as_str().replace('_', " ")),
        t.kind(e.kind),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::from(Span::styled(clean_line(&e.title), t.label())));
    lines.push(Line::from(""));
    let field = |name: &str, value: String, style: Style| {
        Line::from(vec![
            Span::styled(format!("{name:<9}"), t.dim()),
            Span::styled(value, style),
        ])
    };
    let mut date = span(&e.span);
    if e.date_conflict {
        date.push_str("  (sources disagree on the date)");
    }
    lines.push(field("Date", date, t.highlight_date()));
    lines.push(field(
        "Kind",
        e.kind.as_str().replace('_', " "),
        t.kind(e.kind),
    ));
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            clean_line(&v.join(", "))
        }
    };
    lines.push(field("Actors", list(&e.actors), Style::new()));
    lines.push(field("Targets", list(&e.targets), Style::new()));
    lines.push(field(
        "Status",
        e.status.as_str().into(),
        t.status(e.status),
    ));
    if let Some(n) = e.note.as_deref().filter(|n| !n.is_empty()) {
        lines.push(field("Note", clean_line(n), Style::new()));
    }
    lines.push(field("Id", e.id.clone(), t.dim()));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("Sources ({})", e.sources.len()),
        t.heading(),
    )));
    let mut cursor_line = 0usize;
    let names: Vec<&str> = d.names.iter().map(String::as_str).collect();
    for (i, s) in e.sources.iter().enumerate() {
        let selected = i == d.cursor;
        if selected {
            cursor_line = lines.len();
        }
        let marker = if selected { "▸ " } else { "  " };
        let when = s
            .published
            .as_ref()
            .map(published)
            .unwrap_or_else(|| "time unknown".into());
        let head = Line::from(vec![
            Span::raw(marker),
            Span::styled(clean_line(&s.outlet), t.label()),
            Span::styled(format!(" · {when}"), t.dim()),
        ]);
        lines.push(if selected {
            head.style(t.selected())
        } else {
            head
        });
        if !s.title.is_empty() {
            lines.push(Line::from(format!("    {}", clean_line(&s.title))));
        }
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(clean_line(&s.url), t.link()),
        ]));
        let mut ev = vec![Span::raw("    “")];
        ev.extend(highlight(&clean_line(&s.evidence), &names, t));
        ev.push(Span::raw("”"));
        lines.push(Line::from(ev));
        if let Some(other) = &s.date {
            lines.push(Line::from(Span::styled(
                format!("    this source dates it {}", span(other)),
                t.error(),
            )));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        format!("Related ({})", d.related.len()),
        t.heading(),
    )));
    if d.related.is_empty() {
        lines.push(Line::from(Span::styled("  none", t.dim())));
    }
    for (j, r) in d.related.iter().enumerate() {
        let selected = e.sources.len() + j == d.cursor;
        if selected {
            cursor_line = lines.len();
        }
        let l = Line::from(vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::raw(format!("{:<20} ", span(&r.span))),
            Span::styled(
                format!("{:<15}", r.kind.as_str().replace('_', " ")),
                t.kind(r.kind),
            ),
            Span::raw(clean_line(&r.title)),
        ]);
        lines.push(if selected { l.style(t.selected()) } else { l });
    }
    // Scroll so the cursor's item (about five lines) stays in view.
    let h = inner.height as usize;
    let scroll = (cursor_line + 5).saturating_sub(h).min(cursor_line);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
}

fn date_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let month = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
        let pattern = format!(
            r"(?:(?:early|mid|late)[- ])?(?:{month})\.?(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:, \d{{4}})?|\b\d{{1,2}} (?:{month})(?: \d{{4}})?|\d{{4}}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?|\d{{1,2}}月(?:\d{{1,2}}日)?|(?:上|中|下)旬|\b(?:19|20)\d{{2}}\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b"
        );
        Regex::new(&pattern).ok()
    })
    .as_ref()
}

/// Splits a sentence into spans with its dates and the event's names
/// picked out. Names match case-insensitively for ASCII.
pub fn highlight<'a>(text: &str, names: &[&str], t: &Theme) -> Vec<Span<'a>> {
    // Marks: 0 plain, 1 date, 2 name, per byte.
    let mut marks = vec![0u8; text.len()];
    if let Some(re) = date_re() {
        for m in re.find_iter(text) {
            marks[m.start()..m.end()].fill(1);
        }
    }
    let lower = text.to_ascii_lowercase();
    for name in names.iter().filter(|n| n.chars().count() >= 2) {
        let needle = name.to_ascii_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find(&needle) {
            let s = from + at;
            let e = s + needle.len();
            marks[s..e].fill(2);
            from = e;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bounds.push(text.len());
    for w in bounds.windows(2) {
        let (i, next) = (w[0], w[1]);
        if next == text.len() || marks[next] != marks[i] {
            let style = match marks[i] {
                1 => t.highlight_date(),
                2 => t.highlight_name(),
                _ => Style::new(),
            };
            out.push(Span::styled(text[start..next].to_string(), style));
            start = next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(text: &str, names: &[&str]) -> Vec<(String, u8)> {
        let t = Theme { color: true };
        highlight(text, names, &t)
            .into_iter()
            .map(|s| {
                let kind = if s.style == t.highlight_date() {
                    1
                } else if s.style == t.highlight_name() {
                    2
                } else {
                    0
                };
                (s.content.to_string(), kind)
            })
            .filter(|(_, k)| *k > 0)
            .collect()
    }

    #[test]
    fn dates_and_names_are_picked_out() {
        let got = picked(
            "On May 15, 2019, the Commerce Department added Huawei to the Entity List.",
            &["Huawei", "Commerce Department"],
        );
        assert_eq!(
            got,
            vec![
                ("May 15, 2019".to_string(), 1),
                ("Commerce Department".to_string(), 2),
                ("Huawei".to_string(), 2)
            ]
        );
        let zh = picked("美国商务部5月15日宣布将华为列入实体清单。", &["华为"]);
        assert_eq!(
            zh,
            vec![("5月15日".to_string(), 1), ("华为".to_string(), 2)]
        );
        let late = picked("from late June to early July", &[]);
        assert_eq!(
            late,
            vec![("late June".to_string(), 1), ("early July".to_string(), 1)]
        );
    }

    #[test]
    fn highlighting_keeps_every_character() {
        let t = Theme::plain();
        let text = "In 2023 阿里巴巴 sued; 2023年7月3日 controls on gallium.";
        let joined: String = highlight(text, &["阿里巴巴"], &t)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(joined, text);
    }
}
