//! The keymap: which key does what. Defaults follow lazygit and less
//! (`j`/`k`, `g`/`G`, `/`, `q`); a `keys.toml` beside feeds.toml can rebind
//! any action, one line an action, e.g.
//!
//! ```toml
//! down = ["j", "Down", "ctrl-n"]
//! quit = ["q", "ctrl-c"]
//! ```
//!
//! A listed action replaces its defaults; unlisted actions keep theirs.
//! Key names: a single character, or Up, Down, Left, Right, PageUp,
//! PageDown, Home, End, Enter, Esc, Tab, BackTab, Space, Backspace, F1–F12,
//! each optionally prefixed by `ctrl-` or `alt-`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

/// What the user can ask for with one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    NextView,
    PrevView,
    Timeline,
    Entities,
    Feeds,
    Reader,
    Search,
    Browser,
    CopyUrl,
    Confirm,
    Reject,
    Note,
    Edit,
    Mark,
    Merge,
    Split,
    Add,
    Undo,
    Refresh,
    ToggleOrder,
    Export,
    Help,
    Quit,
    NextNew,
    PrevNew,
    Watch,
    SaveWatch,
    DeleteWatch,
}

impl Action {
    pub const ALL: [Action; 36] = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Back,
        Action::NextView,
        Action::PrevView,
        Action::Timeline,
        Action::Entities,
        Action::Feeds,
        Action::Reader,
        Action::Search,
        Action::Browser,
        Action::CopyUrl,
        Action::Confirm,
        Action::Reject,
        Action::Note,
        Action::Edit,
        Action::Mark,
        Action::Merge,
        Action::Split,
        Action::Add,
        Action::Undo,
        Action::Refresh,
        Action::ToggleOrder,
        Action::Export,
        Action::Help,
        Action::Quit,
        Action::NextNew,
        Action::PrevNew,
        Action::Watch,
        Action::SaveWatch,
        Action::DeleteWatch,
    ];

    /// The action's name in keys.toml.
    pub fn name(self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Back => "back",
            Action::NextView => "next_view",
            Action::PrevView => "prev_view",
            Action::Timeline => "timeline",
            Action::Entities => "entities",
            Action::Feeds => "feeds",
            Action::Reader => "reader",
            Action::Search => "search",
            Action::Browser => "browser",
            Action::CopyUrl => "copy_url",
            Action::Confirm => "confirm",
            Action::Reject => "reject",
            Action::Note => "note",
            Action::Edit => "edit",
            Action::Mark => "mark",
            Action::Merge => "merge",
            Action::Split => "split",
            Action::Add => "add",
            Action::Undo => "undo",
            Action::Refresh => "refresh",
            Action::ToggleOrder => "toggle_order",
            Action::Export => "export",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::NextNew => "next_new",
            Action::PrevNew => "prev_new",
            Action::Watch => "watch",
            Action::SaveWatch => "save_watch",
            Action::DeleteWatch => "delete_watch",
        }
    }

    /// What the action does, for the help overlay: at most 18 columns, so
    /// two columns of them fit the smallest screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Up => "move up",
            Action::Down => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "first row",
            Action::Bottom => "last row",
            Action::Open => "open / go into",
            Action::Back => "back; clear search",
            Action::NextView => "next view",
            Action::PrevView => "previous view",
            Action::Timeline => "Timeline view",
            Action::Entities => "Entities view",
            Action::Feeds => "Feeds view",
            Action::Reader => "Reader view",
            Action::Search => "search and filter",
            Action::Browser => "source in browser",
            Action::CopyUrl => "copy source's URL",
            Action::Confirm => "confirm / undo",
            Action::Reject => "reject / undo",
            Action::Note => "edit the note",
            Action::Edit => "correct the event",
            Action::Mark => "mark for merging",
            Action::Merge => "merge marked here",
            Action::Split => "split source off",
            Action::Add => "add an event",
            Action::Undo => "undo last decision",
            Action::Refresh => "refresh feeds",
            Action::ToggleOrder => "flip the order",
            Action::Export => "export view (HTML)",
            Action::Help => "this help",
            Action::Quit => "quit",
            Action::NextNew => "next unseen event",
            Action::PrevNew => "prev. unseen event",
            Action::Watch => "Watch view",
            Action::SaveWatch => "save as watchlist",
            Action::DeleteWatch => "delete watchlist",
        }
    }

    fn defaults(self) -> &'static [&'static str] {
        match self {
            Action::Up => &["k", "Up"],
            Action::Down => &["j", "Down"],
            Action::PageUp => &["PageUp", "ctrl-b", "ctrl-u"],
            Action::PageDown => &["PageDown", "ctrl-f", "ctrl-d", "Space"],
            Action::Top => &["g", "Home"],
            Action::Bottom => &["G", "End"],
            Action::Open => &["Enter", "l", "Right"],
            Action::Back => &["Esc", "h", "Left", "Backspace"],
            Action::NextView => &["Tab"],
            Action::PrevView => &["BackTab"],
            Action::Timeline => &["1"],
            Action::Entities => &["2"],
            Action::Feeds => &["3"],
            Action::Reader => &["4"],
            Action::Search => &["/"],
            Action::Browser => &["o"],
            Action::CopyUrl => &["y"],
            Action::Confirm => &["c"],
            Action::Reject => &["x"],
            Action::Note => &["a"],
            Action::Edit => &["e"],
            Action::Mark => &["m"],
            Action::Merge => &["M"],
            Action::Split => &["S"],
            Action::Add => &["A"],
            Action::Undo => &["u"],
            Action::Refresh => &["r"],
            Action::ToggleOrder => &["s"],
            Action::Export => &["E"],
            Action::Help => &["?", "F1"],
            Action::Quit => &["q", "ctrl-c"],
            Action::NextNew => &["n"],
            Action::PrevNew => &["N"],
            Action::Watch => &["5"],
            Action::SaveWatch => &["w"],
            Action::DeleteWatch => &["D"],
        }
    }
}

/// One key with its modifiers, as bound in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The binding a key press matches. Shift is folded into the character
    /// (`G`), so it is not a separate modifier.
    pub fn of(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses a key name: "j", "G", "Enter", "ctrl-c", "alt-Up", "F5".
    pub fn parse(spec: &str) -> Result<Key, String> {
        let mut rest = spec;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key '{spec}'")),
                },
                _ => return Err(format!("unknown key '{spec}'")),
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::BackTab => f.write_str("shift-Tab"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Keys to actions, and back (for the help overlay).
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut by_action = BTreeMap::new();
        for a in Action::ALL {
            let keys: Vec<Key> = a
                .defaults()
                .iter()
                .filter_map(|s| Key::parse(s).ok())
                .collect();
            by_action.insert(a, keys);
        }
        Keymap::from_actions(by_action)
    }
}

impl Keymap {
    fn from_actions(by_action: BTreeMap<Action, Vec<Key>>) -> Keymap {
        let mut by_key = HashMap::new();
        for (a, keys) in &by_action {
            for k in keys {
                by_key.insert(*k, *a);
            }
        }
        Keymap { by_key, by_action }
    }

    /// The action bound to a key press, if any.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::of(ev)).copied()
    }

    /// The keys bound to an action.
    pub fn keys(&self, a: Action) -> &[Key] {
        self.by_action.get(&a).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The defaults with a keys.toml's bindings on top; `name` is used in errors.
    pub fn parse(raw: &str, name: &str) -> Result<Keymap, String> {
        use crate::config::{key_line, located, toml_error};
        let table: toml::Table = toml::from_str(raw).map_err(|e| toml_error(name, raw, &e))?;
        let at = |key: &str, msg: String| located(name, key_line(raw, key), &msg);
        let mut map = Keymap::default().by_action;
        for (action_name, value) in &table {
            let action = Action::ALL
                .iter()
                .copied()
                .find(|a| a.name() == action_name)
                .ok_or_else(|| {
                    at(
                        action_name.as_str(),
                        format!("unknown action '{action_name}'"),
                    )
                })?;
            let list = match value {
                toml::Value::String(s) => vec![s.clone()],
                toml::Value::Array(items) => items
                    .iter()
                    .map(|v| {
                        v.as_str().map(str::to_string).ok_or_else(|| {
                            at(
                                action_name.as_str(),
                                format!("{action_name}: keys must be strings"),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
                _ => {
                    return Err(at(
                        action_name.as_str(),
                        format!("{action_name}: expected a list of keys"),
                    ))
                }
            };
            let keys = list
                .iter()
                .map(|s| {
                    Key::parse(s)
                        .map_err(|e| at(action_name.as_str(), format!("{action_name}: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            map.insert(action, keys);
        }
        // A key moved to a new action leaves its old one.
        let mut owner: HashMap<Key, Action> = HashMap::new();
        for (a, keys) in &map {
            if table.contains_key(a.name()) {
                for k in keys {
                    owner.insert(*k, *a);
                }
            }
        }
        for (a, keys) in map.iter_mut() {
            keys.retain(|k| owner.get(k).is_none_or(|o| o == a));
        }
        Ok(Keymap::from_actions(map))
    }

    /// Reads `path` when it exists; the defaults otherwise.
    pub fn load(path: &Path) -> Result<Keymap, String> {
        match std::fs::read_to_string(path) {
            Ok(raw) => Keymap::parse(&raw, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::default()),
            Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn defaults_cover_every_action_once() {
        let km = Keymap::default();
        for a in Action::ALL {
            assert!(!km.keys(a).is_empty(), "{a:?} has no key");
        }
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(km.action(&j), Some(Action::Down));
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.action(&big_g), Some(Action::Bottom));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(km.action(&ctrl_c), Some(Action::Quit));
        let c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(km.action(&c), Some(Action::Confirm));
    }

    #[test]
    fn keys_toml_rebinds_and_steals_keys() {
        let km = Keymap::parse("down = [\"n\", \"ctrl-n\"]\nquit = \"Q\"\n", "keys.toml")
            .expect("valid keys.toml");
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(km.action(&n), Some(Action::Down));
        assert!(
            km.keys(Action::NextNew).is_empty(),
            "n moved away from next_new"
        );
        let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(km.action(&a), Some(Action::Note), "the note key is a");
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(km.action(&j), None, "down's defaults were replaced");
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.action(&q), None);
        let big_q = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(km.action(&big_q), Some(Action::Quit));
    }

    #[test]
    fn bad_keys_toml_gets_a_one_line_error() {
        let table = [
            ("fly = [\"f\"]", "keys.toml:1: unknown action 'fly'"),
            (
                "# mine\ndown = [\"Hyper\"]",
                "keys.toml:2: down: unknown key 'Hyper'",
            ),
            ("down = 3", "keys.toml:1: down: expected a list of keys"),
            ("down = [3]", "keys.toml:1: down: keys must be strings"),
            ("down = [\"F13\"]", "keys.toml:1: down: unknown key 'F13'"),
        ];
        for (raw, want) in table {
            assert_eq!(Keymap::parse(raw, "keys.toml").err().as_deref(), Some(want));
        }
        let broken = Keymap::parse("down = [", "keys.toml")
            .err()
            .unwrap_or_default();
        assert!(
            broken.starts_with("keys.toml:1: ") && !broken.contains('\n'),
            "{broken}"
        );
    }

    #[test]
    fn key_names_round_trip_for_display() {
        for (spec, shown) in [
            ("ctrl-d", "ctrl-d"),
            ("PageUp", "PgUp"),
            ("Space", "Space"),
            ("F1", "F1"),
            ("?", "?"),
        ] {
            assert_eq!(
                Key::parse(spec).map(|k| k.to_string()),
                Ok(shown.to_string())
            );
        }
    }
}
