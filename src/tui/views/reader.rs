//! The reader: one article's clean text, with where it came from, and the
//! sentence that led here shown first.

use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(r) = &app.reader else {
        Paragraph::new(vec![
            Line::from(""),
            Line::from(" No article open. In an event's detail, Enter on a source opens it here."),
        ])
        .style(t.dim())
        .render(area, buf);
        return;
    };
    let block = Block::default().borders(Borders::ALL).title(" Reader ");
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = vec![Line::from(Span::styled(r.title.clone(), t.label()))];
    let mut meta = vec![Span::styled(r.outlet.clone(), t.label())];
    if let Some(p) = &r.published {
        meta.push(Span::styled(format!(" · {p}"), t.dim()));
    }
    if !r.lang.is_empty() {
        meta.push(Span::styled(format!(" · {}", r.lang), t.dim()));
    }
    lines.push(Line::from(meta));
    lines.push(Line::from(Span::styled(r.url.clone(), t.link())));
    lines.push(Line::from(""));
    if !r.evidence.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("▌ ", t.highlight_date()),
            Span::styled(r.evidence.clone(), t.highlight_date()),
        ]));
        lines.push(Line::from(""));
    }
    for para in r.text.split("\n\n") {
        lines.push(Line::from(para.replace('\n', " ")));
        lines.push(Line::from(""));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .scroll((r.scroll, 0))
        .render(inner, buf);
}
