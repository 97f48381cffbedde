//! The edit and add forms, drawn in a box over the body: one line a field
//! (label, value, a cursor in the field being typed in), and a wrong
//! field's error on its own line, so the user sees what to fix where.

use crate::text::clean_line;
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::format::fit;
use crate::tui::views::timeline::pad;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

const LABEL: usize = 9;

pub fn render(app: &App, f: &Form, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if area.width < 12 || area.height < 3 {
        return;
    }
    let w = area.width.min(78);
    let h = (f.fields.len() as u16 + 4).min(area.height);
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y, w, h);
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", f.title()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let width = inner.width as usize;
    let room = width.saturating_sub(LABEL + 1);
    let mut lines = Vec::new();
    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.focus;
        let error = f.error.as_ref().filter(|(at, _)| *at == i).map(|e| &e.1);
        let value = clean_line(&field.value);
        let mut spans = vec![Span::styled(
            format!("{:<LABEL$}", field.label),
            if focused { t.selected() } else { t.dim() },
        )];
        let err_text = error.map(|e| format!("  ✗ {}", clean_line(e)));
        let err_w = err_text
            .as_deref()
            .map(|e| Span::raw(e).width().min(room / 2))
            .unwrap_or(0);
        let value_room = room.saturating_sub(err_w + usize::from(focused));
        let shown = if focused {
            tail(&value, value_room)
        } else {
            fit(&value, value_room)
        };
        spans.push(Span::raw(shown));
        if focused {
            spans.push(Span::styled("█", t.dim()));
        }
        if let Some(e) = err_text {
            spans.push(Span::styled(fit(&e, err_w), t.error()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    lines.push(match &f.error {
        Some((at, why)) => {
            let label = f.fields.get(*at).map(|x| x.label).unwrap_or("");
            Line::from(Span::styled(
                fit(&format!("✗ {label}: {}", clean_line(why)), width),
                t.error(),
            ))
        }
        None => Line::from(Span::styled(
            pad(
                &fit("Tab next field · Enter saves · Esc cancels", width),
                width,
            ),
            t.dim(),
        )),
    });
    Paragraph::new(lines).render(inner, buf);
}

/// The end of `s` in `w` columns (where the cursor is), with `…` in front
/// when cut.
fn tail(s: &str, w: usize) -> String {
    if Span::raw(s).width() <= w {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let cw = Span::raw(c.to_string()).width();
        if used + cw > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}
