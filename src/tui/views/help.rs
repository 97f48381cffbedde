//! The help overlay: every action and the keys bound to it, read from the
//! live keymap so a keys.toml shows up here too.

use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::keys::Action;
use crate::tui::query::FILTERS;
use crate::tui::views::timeline::pad;
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
    let entry = |a: Action, key_w: usize, width: usize| {
        let keys: Vec<String> = app.keys.keys(a).iter().map(|k| k.to_string()).collect();
        let keys = fit(&keys.join(" "), key_w);
        vec![
            Span::styled(format!(" {keys:<key_w$} "), t.label()),
            Span::raw(pad(
                &fit(a.describe(), width.saturating_sub(key_w + 2)),
                width.saturating_sub(key_w + 2),
            )),
        ]
    };
    let width = inner.width as usize;
    if Action::ALL.len() + 5 <= inner.height as usize {
        for a in Action::ALL {
            lines.push(Line::from(entry(a, 24, width)));
        }
    } else {
        // Too short for one column: two, keys cut shorter.
        let half = Action::ALL.len().div_ceil(2);
        let col = width / 2;
        for i in 0..half {
            let mut spans = entry(Action::ALL[i], 10, col);
            if let Some(b) = Action::ALL.get(i + half) {
                spans.extend(entry(*b, 10, col));
            }
            lines.push(Line::from(spans));
        }
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
