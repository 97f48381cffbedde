//! The help overlay: every action and the keys bound to it, read from the
//! live keymap so a keys.toml shows up here too.

use crate::tui::app::App;
use crate::tui::keys::Action;
use crate::tui::query::FILTERS;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let w = area.width.saturating_sub(4).min(76);
    let h = area
        .height
        .saturating_sub(2)
        .min(Action::ALL.len() as u16 + 7);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys (any key closes) ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut lines = Vec::new();
    for a in Action::ALL {
        let keys: Vec<String> = app.keys.keys(a).iter().map(|k| k.to_string()).collect();
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {:<24} ", crate::tui::format::fit(&keys.join(" "), 24)),
                t.label(),
            ),
            Span::raw(a.describe()),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " Search: words, \"phrases\", 华为, and filters",
        t.heading(),
    )));
    lines.push(Line::from(format!(
        " {}",
        FILTERS
            .iter()
            .map(|f| format!("{f}:"))
            .collect::<Vec<_>>()
            .join(" ")
    )));
    lines.push(Line::from(
        " e.g. kind:lawsuit entity:alibaba since:2025-06 until:2026 lang:zh",
    ));
    lines.push(Line::from(
        " Mouse: wheel scrolls, click selects, click again opens.",
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
