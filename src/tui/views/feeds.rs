//! The feeds: each one's state (ok, failing), when it was last fetched,
//! how many articles it gave, and its last error; plus the current
//! refresh's per-feed errors.

use crate::text::clean_line;
use crate::tui::app::App;
use crate::tui::format::fit;
use crate::tui::views::timeline::pad;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

/// The state column's width.
const STATE_W: usize = 15;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::TOP)
        .title(format!(" Feeds ({}) ", app.feeds.len()));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    if app.feeds.is_empty() {
        lines.push(Line::from(Span::styled(
            " No feed has been fetched yet. Add feeds with `dateline feeds add URL`, then press r.",
            t.dim(),
        )));
    }
    for (i, f) in app.feeds.iter().enumerate() {
        // failing means failures in a row; a working feed may still carry
        // a note (pages that could not be read), shown below it
        let state = if f.consecutive_failures > 0 {
            Span::styled(
                pad(&format!(" ✗ failing ×{}", f.consecutive_failures), STATE_W),
                t.error(),
            )
        } else if f.last_success_at.is_some() {
            Span::styled(pad(" ✓ ok", STATE_W), t.ok())
        } else {
            Span::styled(pad(" · never", STATE_W), t.dim())
        };
        let name = clean_line(f.title.as_deref().unwrap_or(&f.url));
        let last = f
            .last_fetch_at
            .as_deref()
            .map(|s| s.replace('T', " ").chars().take(16).collect::<String>())
            .unwrap_or_else(|| "never".into());
        let rest = format!(
            "  {:>5} {:<8}  last fetch {last}",
            f.articles_seen,
            if f.articles_seen == 1 {
                "article"
            } else {
                "articles"
            }
        );
        let rest_w = Span::raw(rest.as_str()).width();
        let name_w = w.saturating_sub(STATE_W + rest_w).max(8);
        // padded by display width, so CJK titles keep the columns
        let mut spans = vec![
            state,
            Span::raw(pad(&fit(&name, name_w), name_w)),
            Span::styled(rest, t.dim()),
        ];
        if i == app.feed_sel {
            spans[1] = spans[1].clone().style(t.selected());
        }
        lines.push(Line::from(spans));
        if let Some(e) = &f.last_error {
            let style = if f.consecutive_failures > 0 {
                t.error()
            } else {
                t.dim()
            };
            lines.push(Line::from(Span::styled(
                fit(&format!("     {}", clean_line(e)), w),
                style,
            )));
        }
    }
    if !app.progress.errors.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(" This refresh:", t.heading())));
        for (feed, e) in &app.progress.errors {
            lines.push(Line::from(Span::styled(
                fit(&format!("  ✗ {feed}: {e}"), w),
                t.error(),
            )));
        }
    }
    Paragraph::new(lines).render(inner, buf);
}
