//! The Watch view: each watchlist of watch.toml with its number of unseen
//! events and its query; Enter shows its events, `D` deletes it, and `w`
//! in the timeline saves the current search as a new one.

use crate::text::clean_line;
use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::keys::Action;
use crate::tui::views::timeline::pad;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::TOP)
        .title(format!(" Watchlists ({}) ", app.watchlists.len()));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let key = |a: Action| {
        app.keys
            .keys(a)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into())
    };
    let mut lines = Vec::new();
    if app.watchlists.is_empty() {
        lines.push(Line::from(Span::styled(
            fit(
                &format!(
                    " No watchlists yet. Search with {} (e.g. entity:huawei kind:listing), then press {} to save it.",
                    key(Action::Search),
                    key(Action::SaveWatch)
                ),
                w,
            ),
            t.dim(),
        )));
        if let Some(p) = &app.watch_path {
            lines.push(Line::from(Span::styled(
                fit(
                    &format!(" They are kept in {}", clean_line(&p.display().to_string())),
                    w,
                ),
                t.dim(),
            )));
        }
        Paragraph::new(lines).render(inner, buf);
        return;
    }
    // name | unseen | query (| command), the name column as wide as the
    // longest name up to a third of the width, in display columns
    let name_w = app
        .watchlists
        .iter()
        .map(|x| Span::raw(clean_line(&x.name)).width())
        .max()
        .unwrap_or(4)
        .clamp(4, (w / 3).max(4));
    let count_w = 13;
    let h = inner.height as usize;
    let skip = (app.watch_sel + 1).saturating_sub(h);
    for (i, wl) in app.watchlists.iter().enumerate().skip(skip).take(h) {
        let unseen = app.watch_counts.get(i).copied();
        let count = match unseen {
            Some(0) => "    — unseen ".to_string(),
            Some(n) => format!("{n:>5} unseen "),
            None => "    ? unseen ".to_string(),
        };
        let mut query = clean_line(&wl.query);
        if !wl.command.is_empty() {
            query.push_str(&format!("  → {}", clean_line(&wl.command.join(" "))));
        }
        let rest = w.saturating_sub(1 + name_w + 1 + count_w);
        let name = pad(&fit(&clean_line(&wl.name), name_w), name_w);
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(name, t.label()),
            Span::raw(" "),
            Span::styled(
                pad(&count, count_w),
                if unseen.unwrap_or(0) > 0 {
                    t.ok()
                } else {
                    t.dim()
                },
            ),
            Span::styled(pad(&fit(&query, rest), rest), t.dim()),
        ];
        let mut line = Line::from(std::mem::take(&mut spans));
        if i == app.watch_sel {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    Paragraph::new(lines).render(inner, buf);
}
