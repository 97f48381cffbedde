//! Where things live (database, feeds.toml) and what feeds.toml says.
//! Two stages, as ripgrep does it: what the user wrote, then checked values.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One `[[feed]]` of feeds.toml. A key it does not know (`fultext`) is an
/// error, never silently ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FeedConfig {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Fetch the article page when the feed carries only a teaser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulltext: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FeedsFile {
    #[serde(default)]
    pub feed: Vec<FeedConfig>,
    /// The `[settings]` table.
    #[serde(default)]
    pub settings: FeedSettings,
}

/// The `[settings]` table of feeds.toml: how dateline refreshes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FeedSettings {
    /// Minutes between refreshes while the terminal timeline is open
    /// (feeds not yet due are left alone); 0 turns the interval off.
    #[serde(default = "default_refresh_minutes")]
    pub refresh_minutes: u64,
}

/// The interval refresh's default: every 15 minutes.
pub const DEFAULT_REFRESH_MINUTES: u64 = 15;

fn default_refresh_minutes() -> u64 {
    DEFAULT_REFRESH_MINUTES
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            refresh_minutes: DEFAULT_REFRESH_MINUTES,
        }
    }
}

/// Why a feeds.toml cannot be used. Every configuration file (feeds.toml,
/// keys.toml, rules.toml, entities.toml) reports in one format,
/// `PATH:LINE: message` (see [`located`]).
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", located(path, *line, message))]
    Parse {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

/// `PATH:LINE: message`, or `PATH: message` when no line is known: the one
/// format of every configuration error.
pub fn located(path: &str, line: Option<usize>, message: &str) -> String {
    match line {
        Some(l) => format!("{path}:{l}: {message}"),
        None => format!("{path}: {message}"),
    }
}

/// A TOML error as [`located`] text: the file, the line its span starts
/// on, and toml's message on one line.
pub fn toml_error(path: &str, text: &str, e: &toml::de::Error) -> String {
    let line = span_line(text, e.span());
    located(path, line, &crate::text::clean_line(e.message()))
}

/// The 1-based line where a byte span starts.
pub fn span_line(text: &str, span: Option<std::ops::Range<usize>>) -> Option<usize> {
    span.map(|s| {
        text.as_bytes()[..s.start.min(text.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    })
}

/// The line of the first `key = …` (bare or quoted key) of a TOML text,
/// for errors about a key's value.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            let rest = l
                .strip_prefix(key)
                .or_else(|| l.strip_prefix(&format!("\"{key}\"")))
                .or_else(|| l.strip_prefix(&format!("'{key}'")));
            rest.is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Reads and checks a feeds.toml.
pub fn load_feeds(path: &Path) -> Result<Vec<FeedConfig>, ConfigError> {
    let p = path.display().to_string();
    let raw = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: p.clone(),
        source,
    })?;
    parse_feeds(&raw, &p)
}

/// Reads and checks a whole feeds.toml: feeds and `[settings]`. A missing
/// file is an empty list with the default settings.
pub fn load_feeds_file(path: &Path) -> Result<FeedsFile, ConfigError> {
    let p = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(raw) => parse_feeds_file(&raw, &p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FeedsFile::default()),
        Err(source) => Err(ConfigError::Read { path: p, source }),
    }
}

/// Parses the text of a feeds.toml; `name` is used in errors.
pub fn parse_feeds(raw: &str, name: &str) -> Result<Vec<FeedConfig>, ConfigError> {
    parse_feeds_file(raw, name).map(|f| f.feed)
}

/// Parses the text of a whole feeds.toml, settings included.
pub fn parse_feeds_file(raw: &str, name: &str) -> Result<FeedsFile, ConfigError> {
    let file: FeedsFile = toml::from_str(raw).map_err(|e| ConfigError::Parse {
        path: name.to_string(),
        line: span_line(raw, e.span()),
        message: crate::text::clean_line(e.message()),
    })?;
    for (i, f) in file.feed.iter().enumerate() {
        let message = match url::Url::parse(&f.url) {
            Ok(u) if matches!(u.scheme(), "http" | "https" | "file") => continue,
            Ok(u) => format!(
                "feed {}: url scheme '{}' is not http or https",
                i + 1,
                u.scheme()
            ),
            Err(e) => format!("feed {}: url '{}' is not valid: {e}", i + 1, f.url),
        };
        return Err(ConfigError::Parse {
            path: name.to_string(),
            line: crate::extract::rules::table_line(raw, "feed", i),
            message: crate::text::clean_line(&message),
        });
    }
    Ok(file)
}

/// Appends feeds not already listed to feeds.toml, keeping its comments
/// and order; creates the file when missing. Returns how many were added.
pub fn add_feeds(path: &Path, feeds: &[FeedConfig]) -> Result<usize, ConfigError> {
    let p = path.display().to_string();
    let raw = match std::fs::read_to_string(path) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(ConfigError::Read { path: p, source }),
    };
    let mut known: Vec<String> = parse_feeds(&raw, &p)?.into_iter().map(|f| f.url).collect();
    let mut doc = editable(&raw, &p)?;
    let item = doc.entry("feed").or_insert(toml_edit::Item::ArrayOfTables(
        toml_edit::ArrayOfTables::new(),
    ));
    let Some(list) = item.as_array_of_tables_mut() else {
        return Err(ConfigError::Parse {
            path: p,
            line: None,
            message: "'feed' is not a list of [[feed]] tables".into(),
        });
    };
    let mut added = 0;
    for f in feeds {
        if known.contains(&f.url) {
            continue;
        }
        let mut t = toml_edit::Table::new();
        t["url"] = toml_edit::value(f.url.as_str());
        if let Some(title) = &f.title {
            t["title"] = toml_edit::value(title.as_str());
        }
        if !f.tags.is_empty() {
            t["tags"] = toml_edit::value(
                f.tags
                    .iter()
                    .map(String::as_str)
                    .collect::<toml_edit::Array>(),
            );
        }
        if let Some(ft) = f.fulltext {
            t["fulltext"] = toml_edit::value(ft);
        }
        list.push(t);
        known.push(f.url.clone());
        added += 1;
    }
    if added > 0 {
        write_atomically(path, &doc.to_string())
            .map_err(|source| ConfigError::Read { path: p, source })?;
    }
    Ok(added)
}

/// feeds.toml as a document that keeps comments and order when written back.
fn editable(raw: &str, path: &str) -> Result<toml_edit::DocumentMut, ConfigError> {
    raw.parse()
        .map_err(|e: toml_edit::TomlError| ConfigError::Parse {
            path: path.to_string(),
            line: span_line(raw, e.span()),
            message: crate::text::clean_line(e.message()),
        })
}

/// Removes every `[[feed]]` with this url from feeds.toml, keeping the
/// rest of the file (comments, order, formatting) as it was. Returns
/// whether the feed was listed.
pub fn remove_feed(path: &Path, url: &str) -> Result<bool, ConfigError> {
    let p = path.display().to_string();
    let raw = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: p.clone(),
        source,
    })?;
    let mut doc = editable(&raw, &p)?;
    let Some(list) = doc.get_mut("feed").and_then(|i| i.as_array_of_tables_mut()) else {
        return Ok(false);
    };
    let before = list.len();
    list.retain(|t| t.get("url").and_then(|u| u.as_str()) != Some(url));
    if list.len() == before {
        return Ok(false);
    }
    write_atomically(path, &doc.to_string())
        .map_err(|source| ConfigError::Read { path: p, source })?;
    Ok(true)
}

/// The feeds as an OPML 2.0 document, the format feed readers exchange
/// subscriptions in. Tags become the `category` attribute, which
/// [`crate::sources::opml::parse_opml`] reads back as tags.
pub fn to_opml(feeds: &[FeedConfig]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>dateline feeds</title>\n  </head>\n  <body>\n",
    );
    for f in feeds {
        let title = f.title.clone().unwrap_or_else(|| f.url.clone());
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{t}\" title=\"{t}\" xmlUrl=\"{u}\"",
            t = xml_attr(&title),
            u = xml_attr(&f.url)
        ));
        if !f.tags.is_empty() {
            out.push_str(&format!(" category=\"{}\"", xml_attr(&f.tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn xml_attr(s: &str) -> String {
    crate::text::clean_line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes through a temporary file and a rename, so a crash never leaves
/// half a file.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("org", "dateline", "dateline")
}

/// `--db`, else `$DATELINE_DB` (clap reads it), else the platform data directory.
pub fn db_path(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    project_dirs()
        .map(|d| d.data_dir().join("dateline.db"))
        .unwrap_or_else(|| PathBuf::from("dateline.db"))
}

/// `--config`, else `$DATELINE_CONFIG` (clap reads it), else `./feeds.toml`
/// when present, else the platform config directory.
pub fn config_path(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    let local = PathBuf::from("feeds.toml");
    if local.exists() {
        return local;
    }
    project_dirs()
        .map(|d| d.config_dir().join("feeds.toml"))
        .unwrap_or(local)
}

/// The folder beside feeds.toml, where user rule and entity files live.
pub fn config_dir(config: &Path) -> PathBuf {
    config
        .parent()
        .map(Path::to_path_buf)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_file_parses_and_checks_urls() {
        let ok =
            "[[feed]]\nurl = \"https://a.example/feed\"\ntags = [\"policy\"]\nfulltext = true\n";
        let feeds = parse_feeds(ok, "feeds.toml").expect("valid");
        assert_eq!(feeds[0].tags, vec!["policy"]);
        assert_eq!(feeds[0].fulltext, Some(true));
        let bad = parse_feeds("[[feed]]\nurl = \"ftp://x\"\n", "f.toml")
            .unwrap_err()
            .to_string();
        assert_eq!(
            bad,
            "f.toml:1: feed 1: url scheme 'ftp' is not http or https"
        );
        let broken = parse_feeds("[[feed]\nurl=", "f.toml")
            .unwrap_err()
            .to_string();
        assert!(broken.starts_with("f.toml:1: "), "{broken}");
    }

    #[test]
    fn unknown_keys_in_feeds_toml_are_errors_with_their_line() {
        let typo = "# feeds\n[[feed]]\nurl = \"https://a.example/feed\"\nfultext = true\n";
        let err = parse_feeds(typo, "feeds.toml").unwrap_err().to_string();
        assert!(err.starts_with("feeds.toml:4: "), "{err}");
        assert!(err.contains("fultext") && !err.contains('\n'), "{err}");
        let top = parse_feeds("feeds = []\n", "feeds.toml")
            .unwrap_err()
            .to_string();
        assert!(
            top.starts_with("feeds.toml:1: ") && top.contains("feeds"),
            "{top}"
        );
        let second = "[[feed]]\nurl = \"https://a.example/\"\n\n[[feed]]\nurl = \"gopher://b\"\n";
        let err = parse_feeds(second, "feeds.toml").unwrap_err().to_string();
        assert!(err.starts_with("feeds.toml:4: feed 2: "), "{err}");
    }

    #[test]
    fn key_lines() {
        let t = "# c\ndown = [\"j\"]\n\"up\" = []\nupper = 1\n";
        assert_eq!(key_line(t, "down"), Some(2));
        assert_eq!(key_line(t, "up"), Some(3));
        assert_eq!(key_line(t, "nope"), None);
    }
    #[test]
    fn settings_table_sets_the_refresh_interval() {
        let f = parse_feeds_file("[settings]\nrefresh_minutes = 5\n", "feeds.toml").expect("valid");
        assert_eq!(f.settings.refresh_minutes, 5);
        let none = parse_feeds_file("", "feeds.toml").expect("valid");
        assert_eq!(none.settings.refresh_minutes, DEFAULT_REFRESH_MINUTES);
        let bad = parse_feeds_file("[settings]\nrefresh_minute = 5\n", "feeds.toml")
            .unwrap_err()
            .to_string();
        assert!(
            bad.starts_with("feeds.toml:2: ") && bad.contains("refresh_minute"),
            "{bad}"
        );
    }

    #[test]
    fn removing_a_feed_keeps_comments_and_order() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("feeds.toml");
        let text = "# my feeds\n\n# wire services\n[[feed]]\nurl = \"https://a.example/rss\"\n\n# the noisy one\n[[feed]]\nurl = \"https://b.example/rss\" # too many posts\n\n# chips\n[[feed]]\nurl = \"https://c.example/rss\"\ntags = [\"chips\"] # keep\n";
        std::fs::write(&path, text).expect("write");
        assert!(remove_feed(&path, "https://b.example/rss").expect("removes"));
        assert!(!remove_feed(&path, "https://b.example/rss").expect("second time"));
        let after = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            after,
            text.replace(
                "# the noisy one\n[[feed]]\nurl = \"https://b.example/rss\" # too many posts\n\n",
                ""
            )
        );
        let left: Vec<_> = load_feeds(&path)
            .expect("valid")
            .into_iter()
            .map(|f| f.url)
            .collect();
        assert_eq!(left, vec!["https://a.example/rss", "https://c.example/rss"]);
    }

    #[test]
    fn opml_export_reads_back_with_tags() {
        let feeds = vec![
            FeedConfig {
                url: "https://a.example/rss?x=1&y=2".into(),
                title: Some("A & \"B\" <news>".into()),
                tags: vec!["policy".into(), "china".into()],
                fulltext: None,
            },
            FeedConfig {
                url: "https://c.example/atom".into(),
                ..Default::default()
            },
        ];
        let opml = to_opml(&feeds);
        assert!(opml.contains("version=\"2.0\""));
        let back = crate::sources::opml::parse_opml(opml.as_bytes()).expect("parses");
        assert_eq!(back[0], feeds[0]);
        assert_eq!(back[1].url, feeds[1].url);
        assert_eq!(back[1].title.as_deref(), Some("https://c.example/atom"));
    }
}
