//! Driving the real app in tests: an app over a store at a size, its
//! screen as text, and key presses written as a string.

use dateline::extract::Rules;
use dateline::store::Store;
use dateline::tui::keys::Keymap;
use dateline::tui::theme::Theme;
use dateline::tui::{views, App, Msg};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

/// The app over `store`, sized `w`×`h`, with its rows loaded.
pub fn app_with(store: Store, w: u16, h: u16) -> App {
    let mut app = App::new(store, Rules::builtin(), Keymap::default(), Theme::plain());
    app.update(Msg::Resize {
        width: w,
        height: h,
    });
    app.reload_keep();
    app
}

/// The screen as the terminal would show it, one quoted line per row.
pub fn screen(app: &App) -> String {
    if app.size.0 == 0 || app.size.1 == 0 {
        // TestBackend cannot be empty; render into an empty buffer instead.
        let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        views::render(app, area, &mut buf);
        return String::new();
    }
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    t.draw(|f| views::draw(app, f)).expect("draw");
    t.backend().to_string()
}

/// Presses keys: plain characters (capitals with shift), or named keys in
/// angle brackets: `<Enter>`, `<Esc>`, `<Up>`, `<Down>`, `<Tab>`,
/// `<BackTab>`, `<Backspace>`, `<PageDown>`, `<PageUp>`. A `<` with no name after it
/// is typed as itself.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, len) = if c == '<' && rest.len() > 1 && rest.contains('>') {
            let end = rest.find('>').expect("closed key name");
            let code = match &rest[1..end] {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Down" => KeyCode::Down,
                "Up" => KeyCode::Up,
                "Tab" => KeyCode::Tab,
                "BackTab" => KeyCode::BackTab,
                "Backspace" => KeyCode::Backspace,
                "PageDown" => KeyCode::PageDown,
                "PageUp" => KeyCode::PageUp,
                other => panic!("unknown key {other}"),
            };
            (code, end + 1)
        } else {
            (KeyCode::Char(c), c.len_utf8())
        };
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        if let Some(m) = app.on_key(&KeyEvent::new(code, mods)) {
            app.update(m);
        }
        rest = &rest[len..];
    }
}
