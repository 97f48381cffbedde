//! The timeline: month headings and one line an event (date at its real
//! precision, kind, headline, who acted on whom, how many sources). Only
//! the lines on screen are built, so a long timeline costs what a short
//! one does.

use crate::model::Status;
use crate::text::clean_line;
use crate::tui::app::{App, Item};
use crate::tui::format::{fit, group_heading, span};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Column widths (date, kind) at full width and below 80 columns.
const WIDE: (usize, usize) = (20, 15);
const NARROW: (usize, usize) = (17, 12);

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if app.index.is_empty() {
        let msg = if app.query.is_empty() && app.total_articles > 0 {
            vec![
                Line::from(format!(
                    " {} stored, but no dated event has been found in them yet.",
                    if app.total_articles == 1 {
                        "1 article is".to_string()
                    } else {
                        format!("{} articles are", app.total_articles)
                    }
                )),
                Line::from(""),
                Line::from(" `dateline reindex` re-reads them with the current extractor."),
            ]
        } else if app.query.is_empty() {
            vec![
                Line::from(" No events yet."),
                Line::from(""),
                Line::from(" Press r to refresh feeds, import files with `dateline import PATH`,"),
                Line::from(" or try `dateline demo` for a built-in corpus."),
            ]
        } else {
            vec![Line::from(" No event matches this search. Esc clears it.")]
        };
        Paragraph::new(msg).style(t.dim()).render(area, buf);
        return;
    }
    let width = area.width as usize;
    let h = area.height as usize;
    let mut lines = Vec::with_capacity(h);
    for item in app.items.iter().skip(app.offset).take(h) {
        match *item {
            Item::Heading { year, month, count } => {
                let text = format!(
                    " {} · {count} event{}",
                    group_heading(year, month),
                    if count == 1 { "" } else { "s" }
                );
                lines.push(Line::from(Span::styled(fit(&text, width), t.heading())));
            }
            Item::Event(i) => {
                if let Some(r) = app.row(i) {
                    lines.push(row_line(app, r, i == app.sel, width));
                }
            }
        }
    }
    Paragraph::new(lines).render(area, buf);
}

fn row_line<'a>(app: &App, r: &crate::store::EventRow, selected: bool, width: usize) -> Line<'a> {
    let t = &app.theme;
    let marked = app.marked.contains(&r.id);
    // not seen yet: a dot where an automatic event has no status mark,
    // and a bold headline
    let unseen = app.unseen.contains(&r.id);
    let mark = match r.status {
        _ if marked => "●",
        Status::Confirmed => "✓",
        Status::Rejected => "✗",
        Status::Manual => "✎",
        Status::Auto if unseen => "•",
        Status::Auto => " ",
    };
    // an analyst's edit says more than a conflict (an edited date usually
    // disagrees with the sources on purpose); the detail names both
    let conflict = if !r.edited.is_empty() {
        "±"
    } else if r.date_conflict {
        "≠"
    } else {
        " "
    };
    let (date_w, kind_w) = if width >= 80 { WIDE } else { NARROW };
    let date = fit(&span(&r.span), date_w);
    let kind = fit(&r.kind.as_str().replace('_', " "), kind_w - 1);
    let srcs = if width >= 80 {
        format!("{:>3} src", r.n_sources)
    } else {
        format!("{:>3}", r.n_sources)
    };
    let fixed = 2 + date_w + 1 + kind_w + srcs.chars().count() + 1;
    let rest = width.saturating_sub(fixed);
    let who = who_line(r);
    let (title_w, who_w) = if width >= 100 {
        let who_w = rest * 2 / 5;
        (rest - who_w, who_w)
    } else {
        (rest, 0)
    };
    let title = fit(&clean_line(&r.title), title_w.saturating_sub(1));
    let mut spans = vec![
        Span::styled(
            mark.to_string(),
            if marked || (unseen && r.status == Status::Auto) {
                t.label()
            } else {
                t.status(r.status)
            },
        ),
        Span::styled(
            conflict.to_string(),
            if r.edited.is_empty() {
                t.error()
            } else {
                t.label()
            },
        ),
        Span::raw(format!("{} ", pad(&date, date_w))),
        Span::styled(pad(&kind, kind_w), t.kind(r.kind)),
        if unseen {
            Span::styled(
                pad(&title, title_w),
                ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::BOLD),
            )
        } else {
            Span::raw(pad(&title, title_w))
        },
    ];
    if who_w > 0 {
        spans.push(Span::styled(pad(&fit(&who, who_w - 1), who_w), t.dim()));
    }
    spans.push(Span::styled(format!("{srcs} "), t.dim()));
    let line = Line::from(spans);
    if selected {
        line.style(t.selected())
    } else {
        line
    }
}

/// "Alibaba → Department of Defense".
pub fn who_line(r: &crate::store::EventRow) -> String {
    let a = clean_line(&r.actors.join(", "));
    let b = clean_line(&r.targets.join(", "));
    match (a.is_empty(), b.is_empty()) {
        (false, false) => format!("{a} → {b}"),
        (false, true) => a,
        (true, false) => format!("→ {b}"),
        _ => String::new(),
    }
}

/// Pads to `w` columns, counting wide characters as two.
pub fn pad(s: &str, w: usize) -> String {
    let used = Span::raw(s).width();
    format!("{s}{}", " ".repeat(w.saturating_sub(used)))
}
