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
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use regex::Regex;
use std::sync::OnceLock;

/// The detail's lines at a width, already wrapped (one per screen row),
/// the item (source, then related event) each line belongs to, and the
/// line the cursor's item starts on. Drawing and mouse clicks share it.
pub struct Layout<'a> {
    pub lines: Vec<Line<'a>>,
    pub item_of_line: Vec<Option<usize>>,
    pub cursor_line: usize,
}

impl Layout<'_> {
    /// The first line shown in `height` rows, so the cursor's item (about
    /// five lines) stays in view.
    pub fn scroll(&self, height: usize) -> usize {
        (self.cursor_line + 5)
            .saturating_sub(height)
            .min(self.cursor_line)
    }
}

/// The area inside the detail's border.
pub fn inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

pub fn layout<'a>(app: &App, d: &Detail, width: usize) -> Layout<'a> {
    let t = &app.theme;
    let e = &d.event;
    let mut out = Layout {
        lines: Vec::new(),
        item_of_line: Vec::new(),
        cursor_line: 0,
    };
    let push =
        |out: &mut Layout<'a>, spans: Vec<Span<'a>>, item: Option<usize>, style: Option<Style>| {
            for mut l in wrap(spans, width, 4) {
                if let Some(st) = style {
                    l = l.style(st);
                }
                out.lines.push(l);
                out.item_of_line.push(item);
            }
        };
    push(
        &mut out,
        vec![Span::styled(clean_line(&e.title), t.label())],
        None,
        None,
    );
    push(&mut out, vec![], None, None);
    let field = |name: &str, value: String, style: Style| {
        vec![
            Span::styled(format!("{name:<9}"), t.dim()),
            Span::styled(value, style),
        ]
    };
    let mut date = span(&e.span);
    if e.date_conflict {
        date.push_str("  (sources disagree on the date)");
    }
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            clean_line(&v.join(", "))
        }
    };
    push(
        &mut out,
        field("Date", date, t.highlight_date()),
        None,
        None,
    );
    push(
        &mut out,
        field("Kind", e.kind.as_str().replace('_', " "), t.kind(e.kind)),
        None,
        None,
    );
    push(
        &mut out,
        field("Actors", list(&e.actors), Style::new()),
        None,
        None,
    );
    push(
        &mut out,
        field("Targets", list(&e.targets), Style::new()),
        None,
        None,
    );
    push(
        &mut out,
        field("Status", e.status.as_str().into(), t.status(e.status)),
        None,
        None,
    );
    if !e.edited.is_empty() {
        let names: Vec<&str> = e.edited.iter().map(|f| f.as_str()).collect();
        push(
            &mut out,
            field(
                "Edited",
                format!("{} (by hand; u undoes)", names.join(", ")),
                t.label(),
            ),
            None,
            None,
        );
    }
    if let Some(n) = e.note.as_deref().filter(|n| !n.is_empty()) {
        push(
            &mut out,
            field("Note", clean_line(n), Style::new()),
            None,
            None,
        );
    }
    push(
        &mut out,
        field("Id", clean_line(&e.id), t.dim()),
        None,
        None,
    );
    push(&mut out, vec![], None, None);
    push(
        &mut out,
        vec![Span::styled(
            format!("Sources ({})", e.sources.len()),
            t.heading(),
        )],
        None,
        None,
    );
    let names: Vec<&str> = d.names.iter().map(String::as_str).collect();
    for (i, s) in e.sources.iter().enumerate() {
        let selected = i == d.cursor;
        if selected {
            out.cursor_line = out.lines.len();
        }
        let when = s
            .published
            .as_ref()
            .map(published)
            .unwrap_or_else(|| "time unknown".into());
        let head = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::styled(clean_line(&s.outlet), t.label()),
            Span::styled(format!(" · {when}"), t.dim()),
        ];
        push(&mut out, head, Some(i), selected.then(|| t.selected()));
        if !s.title.is_empty() {
            push(
                &mut out,
                vec![Span::raw(format!("    {}", clean_line(&s.title)))],
                Some(i),
                None,
            );
        }
        push(
            &mut out,
            vec![
                Span::raw("    "),
                Span::styled(clean_line(&s.url), t.link()),
            ],
            Some(i),
            None,
        );
        let mut ev = vec![Span::raw("    “")];
        ev.extend(highlight(&clean_line(&s.evidence), &names, t));
        ev.push(Span::raw("”"));
        push(&mut out, ev, Some(i), None);
        if let Some(other) = &s.date {
            let text = format!("    this source dates it {}", span(other));
            push(&mut out, vec![Span::styled(text, t.error())], Some(i), None);
        }
        push(&mut out, vec![], None, None);
    }
    push(
        &mut out,
        vec![Span::styled(
            format!("Related ({})", d.related.len()),
            t.heading(),
        )],
        None,
        None,
    );
    if d.related.is_empty() {
        push(&mut out, vec![Span::styled("  none", t.dim())], None, None);
    }
    for (j, r) in d.related.iter().enumerate() {
        let item = e.sources.len() + j;
        let selected = item == d.cursor;
        if selected {
            out.cursor_line = out.lines.len();
        }
        let spans = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::raw(format!("{:<20} ", span(&r.span))),
            Span::styled(
                format!("{:<15}", r.kind.as_str().replace('_', " ")),
                t.kind(r.kind),
            ),
            Span::raw(clean_line(&r.title)),
        ];
        push(&mut out, spans, Some(item), selected.then(|| t.selected()));
    }
    out
}

pub fn render(app: &App, d: &Detail, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let e = &d.event;
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", e.kind.as_str().replace('_', " ")),
        t.kind(e.kind),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let l = layout(app, d, inner.width as usize);
    let scroll = l.scroll(inner.height as usize);
    let shown: Vec<Line> = l
        .lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    Paragraph::new(shown).render(inner, buf);
}

/// Wraps styled text to `width` columns: at spaces where it can, inside a
/// word (or a run of Chinese) where it must; lines after the first are
/// indented by `indent`.
pub fn wrap<'a>(spans: Vec<Span<'a>>, width: usize, indent: usize) -> Vec<Line<'a>> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(indent + 8);
    let mut lines: Vec<Vec<Span<'a>>> = vec![Vec::new()];
    let mut used = 0usize;
    // Pieces: a word with the spaces after it, in its span's style.
    let mut pieces: Vec<(String, Style)> = Vec::new();
    for s in &spans {
        let mut cur = String::new();
        let mut in_space = false;
        for c in s.content.chars() {
            if in_space && c != ' ' {
                pieces.push((std::mem::take(&mut cur), s.style));
                in_space = false;
            }
            if c == ' ' {
                in_space = true;
            }
            cur.push(c);
        }
        if !cur.is_empty() {
            pieces.push((cur, s.style));
        }
    }
    let new_line = |lines: &mut Vec<Vec<Span<'a>>>, used: &mut usize| {
        lines.push(vec![Span::raw(" ".repeat(indent))]);
        *used = indent;
    };
    for (text, style) in pieces {
        let w: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
        let w_trim: usize = text
            .trim_end()
            .chars()
            .map(|c| c.width().unwrap_or(0))
            .sum();
        if used + w_trim > width && used > indent && w_trim <= width - indent {
            new_line(&mut lines, &mut used);
        }
        if used + w_trim <= width {
            used += w;
            if let Some(l) = lines.last_mut() {
                l.push(Span::styled(text, style));
            }
            continue;
        }
        // Too long for any line: cut by characters.
        let mut chunk = String::new();
        for c in text.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width {
                if let Some(l) = lines.last_mut() {
                    l.push(Span::styled(std::mem::take(&mut chunk), style));
                }
                new_line(&mut lines, &mut used);
            }
            chunk.push(c);
            used += cw;
        }
        if let Some(l) = lines.last_mut() {
            l.push(Span::styled(chunk, style));
        }
    }
    lines.into_iter().map(Line::from).collect()
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
    fn wrapping_breaks_at_spaces_and_inside_chinese() {
        let text = |l: &Line| {
            l.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        let lines = wrap(vec![Span::raw("one two three four five six")], 14, 2);
        let got: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(got, vec!["one two three ", "  four five ", "  six"]);
        let zh = wrap(vec![Span::raw("美国商务部宣布将华为列入实体清单")], 12, 0);
        for l in &zh {
            assert!(l.width() <= 12, "{:?}", text(l));
        }
        let joined: String = zh.iter().map(text).collect();
        assert_eq!(joined, "美国商务部宣布将华为列入实体清单");
        assert_eq!(wrap(vec![], 20, 4).len(), 1);
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
