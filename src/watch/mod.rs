//! Watchlists: named, saved queries in the timeline's one query language
//! (`entity:huawei kind:listing,sanction`), kept in `watch.toml` beside
//! feeds.toml, each with an optional command run for its new events.
//!
//! ```toml
//! [[watch]]
//! name = "Huawei listings"
//! query = "entity:huawei kind:listing,sanction"
//! command = ["notify-send", "dateline"]   # optional: argv, no shell
//! ```
//!
//! The file is edited in place (comments and order kept) when the TUI saves
//! (`w`) or deletes (`D`) a watchlist. [`matches`] finds a watchlist's
//! events in the store; [`run_command`] hands them to its command.

mod run;

pub use run::{counts, filter_of, matches, run_command, COMMAND_TIMEOUT};

use crate::config::{write_atomically, ConfigError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One `[[watch]]` of watch.toml.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Watchlist {
    pub name: String,
    /// A query as typed after `/` in the timeline.
    pub query: String,
    /// Run after a refresh that brought new matching events: the program
    /// and its arguments, as a list; the events arrive as JSON lines on
    /// its standard input.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchFile {
    #[serde(default)]
    watch: Vec<Watchlist>,
}

/// watch.toml, beside feeds.toml.
pub fn path_beside(config: &Path) -> PathBuf {
    crate::config::config_dir(config).join("watch.toml")
}

/// Reads and checks watch.toml; a missing file holds no watchlists.
pub fn load(path: &Path) -> Result<Vec<Watchlist>, ConfigError> {
    let p = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(raw) => parse(&raw, &p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(ConfigError::Read { path: p, source }),
    }
}

/// Parses the text of a watch.toml; `name` is used in errors, which read
/// as feeds.toml's do: `PATH:LINE: what`.
pub fn parse(raw: &str, name: &str) -> Result<Vec<Watchlist>, ConfigError> {
    let file: WatchFile = toml::from_str(raw).map_err(|e| ConfigError::Parse {
        path: name.to_string(),
        line: crate::config::span_line(raw, e.span()),
        message: crate::text::clean_line(e.message()),
    })?;
    let at = |i: usize, message: String| ConfigError::Parse {
        path: name.to_string(),
        line: crate::extract::rules::table_line(raw, "watch", i),
        message: format!("watch {}: {message}", i + 1),
    };
    for (i, w) in file.watch.iter().enumerate() {
        if let Err(m) = check(w) {
            return Err(at(i, m));
        }
        if file.watch[..i].iter().any(|o| o.name == w.name) {
            return Err(at(i, format!("the name '{}' is used twice", w.name)));
        }
    }
    Ok(file.watch)
}

/// What is wrong with a watchlist, if anything.
pub fn check(w: &Watchlist) -> Result<(), String> {
    if w.name.trim().is_empty() {
        return Err("name is empty".into());
    }
    if w.name.chars().any(char::is_control) {
        return Err("name has control characters".into());
    }
    if w.query.trim().is_empty() {
        return Err("query is empty".into());
    }
    if let Some(h) = crate::tui::query::parse(&w.query).hint {
        return Err(format!("query: {h}"));
    }
    if w.command.first().is_some_and(|p| p.trim().is_empty()) {
        return Err("command: the program is empty".into());
    }
    Ok(())
}

/// Adds a watchlist to watch.toml, or replaces the query of the one with
/// its name (its command is kept); creates the file when missing.
pub fn save(path: &Path, w: &Watchlist) -> Result<(), ConfigError> {
    let p = path.display().to_string();
    check(w).map_err(|message| ConfigError::Parse {
        path: p.clone(),
        line: None,
        message: format!("watch '{}': {message}", crate::text::clean_line(&w.name)),
    })?;
    let raw = match std::fs::read_to_string(path) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(ConfigError::Read { path: p, source }),
    };
    parse(&raw, &p)?;
    let mut doc = editable(&raw, &p)?;
    let item = doc.entry("watch").or_insert(toml_edit::Item::ArrayOfTables(
        toml_edit::ArrayOfTables::new(),
    ));
    let Some(list) = item.as_array_of_tables_mut() else {
        return Err(ConfigError::Parse {
            path: p,
            line: None,
            message: "'watch' is not a list of [[watch]] tables".into(),
        });
    };
    let found = list
        .iter()
        .position(|t| t.get("name").and_then(|n| n.as_str()) == Some(w.name.as_str()));
    match found.and_then(|i| list.get_mut(i)) {
        Some(t) => t["query"] = toml_edit::value(w.query.as_str()),
        None => {
            let mut t = toml_edit::Table::new();
            t["name"] = toml_edit::value(w.name.as_str());
            t["query"] = toml_edit::value(w.query.as_str());
            if !w.command.is_empty() {
                t["command"] = toml_edit::value(
                    w.command
                        .iter()
                        .map(String::as_str)
                        .collect::<toml_edit::Array>(),
                );
            }
            list.push(t);
        }
    }
    write_atomically(path, &doc.to_string()).map_err(|source| ConfigError::Read { path: p, source })
}

/// Removes the watchlist with this name; returns whether it was there.
pub fn remove(path: &Path, name: &str) -> Result<bool, ConfigError> {
    let p = path.display().to_string();
    let raw = match std::fs::read_to_string(path) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => return Err(ConfigError::Read { path: p, source }),
    };
    let mut doc = editable(&raw, &p)?;
    let Some(list) = doc
        .get_mut("watch")
        .and_then(|i| i.as_array_of_tables_mut())
    else {
        return Ok(false);
    };
    let before = list.len();
    list.retain(|t| t.get("name").and_then(|n| n.as_str()) != Some(name));
    if list.len() == before {
        return Ok(false);
    }
    write_atomically(path, &doc.to_string())
        .map_err(|source| ConfigError::Read { path: p, source })?;
    Ok(true)
}

fn editable(raw: &str, path: &str) -> Result<toml_edit::DocumentMut, ConfigError> {
    raw.parse()
        .map_err(|e: toml_edit::TomlError| ConfigError::Parse {
            path: path.to_string(),
            line: crate::config::span_line(raw, e.span()),
            message: crate::text::clean_line(e.message()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_file_parses_and_explains_its_errors() {
        let ok = "[[watch]]\nname = \"Huawei\"\nquery = \"entity:huawei kind:listing,sanction\"\ncommand = [\"notify-send\", \"dateline\"]\n";
        let w = parse(ok, "watch.toml").expect("valid");
        assert_eq!(w[0].command, vec!["notify-send", "dateline"]);
        let table = [
            (
                "[[watch]]\nname = \"a\"\nquery = \"kind:war\"\n",
                "watch.toml:1: watch 1: query: unknown kind 'war' (one of: ban, lawsuit, ruling, listing, delisting, sanction, export_control, tariff, investigation, accusation, legislation, other)",
            ),
            (
                "[[watch]]\nname = \"\"\nquery = \"x\"\n",
                "watch.toml:1: watch 1: name is empty",
            ),
            (
                "[[watch]]\nname = \"a\"\nquery = \"x\"\n\n[[watch]]\nname = \"a\"\nquery = \"y\"\n",
                "watch.toml:5: watch 2: the name 'a' is used twice",
            ),
            (
                "[[watch]]\nname = \"a\"\nquery = \"x\"\ncommand = [\"\"]\n",
                "watch.toml:1: watch 1: command: the program is empty",
            ),
        ];
        for (raw, want) in table {
            assert_eq!(parse(raw, "watch.toml").unwrap_err().to_string(), want);
        }
        let unknown = parse(
            "[[watch]]\nname = \"a\"\nquery = \"x\"\nshell = \"sh\"\n",
            "watch.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            unknown.starts_with("watch.toml:4: ") && unknown.contains("shell"),
            "{unknown}"
        );
    }

    #[test]
    fn saving_and_removing_keep_the_rest_of_the_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("watch.toml");
        let text = "# mine\n[[watch]]\nname = \"chips\"\nquery = \"kind:export_control\" # the big one\ncommand = [\"notify-send\"]\n";
        std::fs::write(&path, text).expect("write");
        let w = |name: &str, query: &str| Watchlist {
            name: name.into(),
            query: query.into(),
            command: vec![],
        };
        save(&path, &w("huawei", "entity:huawei")).expect("saved");
        save(&path, &w("chips", "kind:export_control since:2024")).expect("replaced");
        let back = load(&path).expect("valid");
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].query, "kind:export_control since:2024");
        assert_eq!(back[0].command, vec!["notify-send"], "the command is kept");
        assert!(std::fs::read_to_string(&path)
            .expect("read")
            .starts_with("# mine\n"));
        assert!(save(&path, &w("bad", "since:tomorrow")).is_err());
        assert!(remove(&path, "chips").expect("removed"));
        assert!(!remove(&path, "chips").expect("gone"));
        assert_eq!(
            load(&path).expect("valid"),
            vec![w("huawei", "entity:huawei")]
        );
        assert_eq!(
            load(&dir.path().join("none.toml")).expect("missing"),
            vec![]
        );
    }
}
