//! Every entity the timeline names, with its number of events and the
//! dates of its first and last; Enter shows its events in the timeline.

use crate::text::clean_line;
use crate::tui::app::App;
use crate::tui::format::{date, fit};
use crate::tui::views::timeline::pad;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

fn when(s: &Option<String>) -> String {
    s.as_deref()
        .and_then(|d| d.parse().ok())
        .map(|d| date(&d))
        .unwrap_or_else(|| "?".into())
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::TOP)
        .title(format!(" Entities ({}) ", app.entities.len()));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let name_w = w.saturating_sub(8 + 14 + 30).clamp(10, 40);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            " {:<name_w$} {:>6}  {:<13} {}",
            "name", "events", "type", "first – last"
        ),
        t.dim(),
    ))];
    if app.entities.is_empty() {
        let msg = if app.entities_loading() {
            " Counting events per entity…"
        } else {
            " No entities yet: they appear as events name them."
        };
        lines.push(Line::from(Span::styled(msg, t.dim())));
    }
    let h = inner.height.saturating_sub(1) as usize;
    for (i, e) in app.entities.iter().enumerate().skip(app.ent_offset).take(h) {
        let mut name = clean_line(&e.name);
        if let Some(zh) = e
            .aliases
            .iter()
            .find(|a| a.chars().any(crate::text::is_han))
        {
            name = format!("{name} {}", clean_line(zh));
        }
        let text = format!(
            " {} {:>6}  {:<13} {} – {}",
            pad(&fit(&name, name_w), name_w),
            e.events,
            fit(&clean_line(&e.kind), 13),
            when(&e.first),
            when(&e.last)
        );
        let line = Line::from(fit(&text, w));
        lines.push(if i == app.ent_sel {
            line.style(t.selected())
        } else {
            line
        });
    }
    Paragraph::new(lines).render(inner, buf);
}
