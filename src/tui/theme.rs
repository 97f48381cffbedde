//! Colours. Kinds get colours that read on dark and on light backgrounds
//! (the terminal's own palette entries, never a fixed black or white), the
//! selection is reversed video, and `NO_COLOR` turns every colour off while
//! keeping bold and reverse so the screen still reads.

use crate::model::{Kind, Status};
use ratatui::style::{Color, Modifier, Style};

/// The styles every view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    /// A theme without colours, as under `NO_COLOR`.
    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The colour of an event kind. Enforcement acts (bans, sanctions,
    /// controls) are red and magenta, courts blue, lists yellow, inquiries cyan.
    pub fn kind(&self, k: Kind) -> Style {
        let c = match k {
            Kind::Ban => Color::Red,
            Kind::Sanction => Color::LightRed,
            Kind::ExportControl => Color::Magenta,
            Kind::Tariff => Color::LightMagenta,
            Kind::Lawsuit => Color::Blue,
            Kind::Ruling => Color::LightBlue,
            Kind::Listing => Color::Yellow,
            Kind::Delisting => Color::Green,
            Kind::Investigation => Color::Cyan,
            Kind::Accusation => Color::LightCyan,
            Kind::Legislation => Color::LightGreen,
            Kind::Other => Color::Gray,
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }

    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Confirmed => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Status::Rejected => self.fg(Color::Red).add_modifier(Modifier::CROSSED_OUT),
            Status::Manual => self.fg(Color::Cyan),
            Status::Auto => self.dim(),
        }
    }

    pub fn heading(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new()
        }
    }

    pub fn label(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Dates and names picked out inside evidence sentences.
    pub fn highlight_date(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn highlight_name(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn link(&self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_theme_has_no_colours_but_keeps_emphasis() {
        let t = Theme::plain();
        for k in Kind::ALL {
            assert_eq!(t.kind(k).fg, None);
            assert!(t.kind(k).add_modifier.contains(Modifier::BOLD));
        }
        assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
        let c = Theme { color: true };
        assert_eq!(c.kind(Kind::Ban).fg, Some(Color::Red));
    }
}
