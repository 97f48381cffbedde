//! The help overlay: every action and the keys bound to it, read from the
//! live keymap so a keys.toml shows up here too. It fits the smallest
//! supported screen (60×20) in two columns with nothing cut; when more
//! actions than that are bound, the arrow keys scroll it.

use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::keys::{Action, Key};
use crate::tui::query::FILTERS;
use crate::tui::views::timeline::pad;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// The keys of an action that fit whole in `width` columns (at least the
/// first one, cut if it must be).
fn keys_within(keys: &[Key], width: usize) -> String {
    let mut out = String::new();
    for k in keys {
        let k = k.to_string();
        let len = unicode_width::UnicodeWidthStr::width(k.as_str());
        let used = unicode_width::UnicodeWidthStr::width(out.as_str());
        if out.is_empty() {
            out = fit(&k, width);
        } else if used + 1 + len <= width {
            out.push(' ');
            out.push_str(&k);
        }
    }
    out
}

/// The overlay's lines at `width` columns.
pub fn lines(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let entry = |a: Action, key_w: usize, col: usize| {
        let desc_w = col.saturating_sub(key_w + 2);
        vec![
            Span::styled(
                format!(" {} ", pad(&keys_within(app.keys.keys(a), key_w), key_w)),
                t.label(),
            ),
            Span::raw(pad(&fit(a.describe(), desc_w), desc_w)),
        ]
    };
    let mut out = Vec::new();
    let footer = 5;
    if width >= 64 && Action::ALL.len() + footer <= height {
        for a in Action::ALL {
            out.push(Line::from(entry(a, 22, width)));
        }
    } else {
        // Two columns, the keys cut to the ones that fit whole.
        let half = Action::ALL.len().div_ceil(2);
        let col = width / 2;
        for i in 0..half {
            let mut spans = entry(Action::ALL[i], 9, col);
            if let Some(b) = Action::ALL.get(i + half) {
                spans.extend(entry(*b, 9, col));
            }
            out.push(Line::from(spans));
        }
    }
    out.push(Line::from(""));
    let text = |s: String| Line::from(fit(&s, width));
    out.push(Line::from(Span::styled(
        fit(" Search: words, \"phrases\", 华为, and filters", width),
        t.heading(),
    )));
    // The filter names, wrapped to fit the overlay at its smallest (60 wide).
    let mut line = String::new();
    for f in FILTERS {
        if line.len() + f.len() + 2 > 50 {
            out.push(text(std::mem::take(&mut line)));
        }
        line.push_str(&format!(" {f}:"));
    }
    if !line.is_empty() {
        out.push(text(line));
    }
    out.push(text(
        " e.g. kind:lawsuit entity:华为 since:2025-06 lang:zh".into(),
    ));
    out.push(text(
        " Mouse: wheel scrolls, click selects, click again opens.".into(),
    ));
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // Small screens give the overlay all of themselves.
    let w = if area.width >= 64 {
        (area.width - 4).min(80)
    } else {
        area.width
    };
    let room = if area.height >= 24 {
        area.height - 2
    } else {
        area.height
    };
    let inner_w = w.saturating_sub(2) as usize;
    let all = lines(app, inner_w, room.saturating_sub(2) as usize);
    let h = room.min(all.len() as u16 + 2);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner_h = h.saturating_sub(2) as usize;
    let overflow = all.len().saturating_sub(inner_h);
    let scroll = (app.help_scroll as usize).min(overflow);
    let title = if overflow > 0 {
        " Keys (↑↓ scroll, any other key closes) "
    } else {
        " Keys (any key closes) "
    };
    Clear.render(popup, buf);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    Paragraph::new(all)
        .scroll((scroll as u16, 0))
        .render(inner, buf);
}
