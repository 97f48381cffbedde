//! Drawing. Every view renders from a shared borrow of the app into a
//! buffer, so tests snapshot any screen on `TestBackend` and drawing can
//! never change state. Text from outside is cleaned before it is drawn.

pub mod detail;
pub mod entities;
pub mod feeds;
pub mod form;
pub mod help;
pub mod reader;
pub mod timeline;
pub mod watch;

use super::app::{App, Mode, View};
use super::keys::Action;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    render(app, frame.area(), frame.buffer_mut());
}

/// Renders the whole screen into a buffer.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [tabs, body, status, bottom] = App::layout(area);
    render_tabs(app, tabs, buf);
    match app.view {
        View::Timeline => match &app.detail {
            Some(d) => detail::render(app, d, body, buf),
            None => timeline::render(app, body, buf),
        },
        View::Entities => entities::render(app, body, buf),
        View::Feeds => feeds::render(app, body, buf),
        View::Reader => reader::render(app, body, buf),
        View::Watch => watch::render(app, body, buf),
    }
    if let Some(f) = &app.form {
        form::render(app, f, body, buf);
    }
    render_status(app, status, buf);
    render_bottom(app, bottom, buf);
    if app.help {
        help::render(app, area, buf);
    }
}

fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut spans = Vec::new();
    for (i, v) in View::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, v.title());
        let style = if *v == app.view {
            t.selected().add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            t.dim()
        };
        spans.push(Span::styled(label, style));
    }
    let order = if app.newest_first {
        "newest first"
    } else {
        "oldest first"
    };
    let right = format!("dateline · {order} · ? help ");
    let used: usize = spans.iter().map(|s| s.width()).sum();
    // on a narrow screen the tabs keep their room and the right side goes
    if used + right.chars().count() <= area.width as usize {
        let pad = (area.width as usize).saturating_sub(used + right.chars().count());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(right, t.dim()));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let p = &app.progress;
    let mut left: Vec<Span> = Vec::new();
    if let Some((msg, err)) = &app.flash {
        left.push(Span::styled(
            format!(" {msg}"),
            if *err { t.error() } else { t.ok() },
        ));
    } else if p.running {
        left.push(Span::styled(
            format!(
                " ⟳ refreshing {}/{} feeds{}{}",
                p.done,
                p.total,
                if p.failed > 0 {
                    format!(", {} failed", p.failed)
                } else {
                    String::new()
                },
                if p.pending { " (another queued)" } else { "" }
            ),
            t.ok(),
        ));
        if let Some((feed, e)) = p.errors.last() {
            left.push(Span::styled(format!(" · {feed}: {e}"), t.error()));
        }
    } else if let Some(s) = &p.summary {
        left.push(Span::raw(format!(" {s}")));
        if let Some((feed, e)) = p.errors.last() {
            left.push(Span::styled(format!(" · {feed}: {e}"), t.error()));
        }
    }
    // "12/340 events", and "of N" under a search; counts stop at the cap
    // ("100000+"), and the place is left out when it is not known.
    let at = if app.index.is_empty() || !app.base_exact {
        String::new()
    } else {
        format!("{}/", app.base + app.sel + 1)
    };
    let plus = |more: bool| if more { "+" } else { "" };
    let events = |n: usize, more: bool| {
        if more {
            format!("{n}+ events")
        } else {
            crate::text::count(n, "event", "events")
        }
    };
    let shown = if app.counting.is_some() {
        "counting…".to_string()
    } else if app.query.is_empty() {
        format!("{at}{}", events(app.shown, app.shown_more))
    } else {
        format!(
            "{at}{}{} of {}",
            app.shown,
            plus(app.shown_more),
            events(app.total_events.max(0) as usize, app.total_more)
        )
    };
    let unseen = if app.unseen_total == 0 {
        String::new()
    } else {
        format!("{}{} unseen · ", app.unseen_total, plus(app.unseen_more))
    };
    let right = format!("{unseen}{shown} ");
    let used: usize = left.iter().map(|s| s.width()).sum();
    let room = (area.width as usize).saturating_sub(right.chars().count() + 1);
    if used > room {
        let text: String = left.iter().map(|s| s.content.as_ref()).collect();
        let style = left.first().map(|s| s.style).unwrap_or_default();
        left = vec![Span::styled(super::format::fit(&text, room), style)];
    }
    let used: usize = left.iter().map(|s| s.width()).sum();
    left.push(Span::raw(" ".repeat(
        (area.width as usize).saturating_sub(used + right.chars().count()),
    )));
    left.push(Span::raw(right));
    Paragraph::new(Line::from(left))
        .style(t.bar())
        .render(area, buf);
}

fn render_bottom(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if let Some(f) = &app.form {
        let hint = f.fields.get(f.focus).map(|x| x.hint).unwrap_or("");
        let line = Line::from(vec![
            Span::styled(" Tab", t.label()),
            Span::styled(" next field ", t.dim()),
            Span::styled("Enter", t.label()),
            Span::styled(" save ", t.dim()),
            Span::styled("Esc", t.label()),
            Span::styled(format!(" cancel · {hint}"), t.dim()),
        ]);
        Paragraph::new(line).render(area, buf);
        return;
    }
    let line = match app.mode {
        Mode::Search => {
            let mut spans = vec![
                Span::styled("/", t.label()),
                Span::raw(crate::text::clean_line(&app.query)),
                Span::styled("█", t.dim()),
            ];
            if let Some(h) = &app.hint {
                spans.push(Span::styled(format!("  {h}"), t.error()));
            } else {
                spans.push(Span::styled("  Enter keep · Esc clear", t.dim()));
            }
            Line::from(spans)
        }
        Mode::Note => Line::from(vec![
            Span::styled("note: ", t.label()),
            Span::raw(crate::text::clean_line(&app.note_input)),
            Span::styled("█", t.dim()),
            Span::styled("  Enter save · Esc cancel · empty clears", t.dim()),
        ]),
        Mode::WatchName => Line::from(vec![
            Span::styled("watchlist name: ", t.label()),
            Span::raw(crate::text::clean_line(&app.watch_name)),
            Span::styled("█", t.dim()),
            Span::styled("  Enter save · Esc cancel", t.dim()),
        ]),
        Mode::Normal if !app.query.is_empty() && app.view == View::Timeline => {
            let mut spans = vec![
                Span::styled("filter: ", t.label()),
                Span::raw(crate::text::clean_line(&app.query)),
            ];
            if let Some(h) = &app.hint {
                spans.push(Span::styled(format!("  {h}"), t.error()));
            } else {
                let save = app
                    .keys
                    .keys(Action::SaveWatch)
                    .first()
                    .map(|k| format!(" · {k} watch"))
                    .unwrap_or_default();
                spans.push(Span::styled(format!("  / edit · Esc clear{save}"), t.dim()));
            }
            Line::from(spans)
        }
        Mode::Normal => {
            let k = |a: Action| {
                app.keys
                    .keys(a)
                    .first()
                    .map(|k| k.to_string())
                    .unwrap_or_else(|| "-".into())
            };
            let hints = match (app.view, app.detail.is_some()) {
                (View::Timeline, false) => vec![
                    (k(Action::Open), "open"),
                    (k(Action::Search), "search"),
                    (k(Action::NextNew), "next new"),
                    (k(Action::Confirm), "confirm"),
                    (k(Action::Reject), "reject"),
                    (k(Action::Note), "note"),
                    (k(Action::ToggleOrder), "order"),
                    (k(Action::Refresh), "refresh"),
                    (k(Action::Help), "help"),
                    (k(Action::Quit), "quit"),
                ],
                (View::Timeline, true) => vec![
                    (k(Action::Open), "read source / go to related"),
                    (k(Action::Browser), "browser"),
                    (k(Action::CopyUrl), "copy url"),
                    (k(Action::Back), "back"),
                ],
                (View::Entities, _) => vec![(k(Action::Open), "show its events")],
                (View::Feeds, _) => vec![
                    (k(Action::Open), "show its events"),
                    (k(Action::Refresh), "refresh"),
                ],
                (View::Reader, _) => {
                    vec![(k(Action::Browser), "browser"), (k(Action::Back), "back")]
                }
                (View::Watch, _) => vec![
                    (k(Action::Open), "show its events"),
                    (k(Action::DeleteWatch), "delete"),
                    (k(Action::Search), "search, then"),
                    (k(Action::SaveWatch), "saves a watchlist"),
                ],
            };
            let mut spans = Vec::new();
            for (key, what) in hints {
                spans.push(Span::styled(format!(" {key}"), t.label()));
                spans.push(Span::styled(format!(" {what} "), t.dim()));
            }
            Line::from(spans)
        }
    };
    Paragraph::new(line).render(area, buf);
}
