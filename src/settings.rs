//! Everything the user configured, read once per run and passed down:
//! feeds.toml (feeds and `[settings]`), the user's rules and entities
//! (built-ins plus `rules.toml`/`entities.toml`), keys.toml, watch.toml and
//! the fetcher's limits. `dateline fetch`, the TUI's refreshes and
//! `dateline import` all take their rules from here, so a user rule or
//! name applies to every path the same way.

use crate::config::{self, FeedConfig};
use crate::extract::SharedRules;
use crate::refresh::{Job, Mode};
use crate::sources::fetch::FetchOptions;
use crate::tui::keys::Keymap;
use crate::watch::{self, Watchlist};
use anyhow::{anyhow, Result};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The user's configuration, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// feeds.toml (it may not exist).
    pub config: PathBuf,
    pub feeds: Vec<FeedConfig>,
    /// How often the open TUI refreshes (`[settings] refresh_minutes`);
    /// `None` when turned off.
    pub refresh_every: Option<Duration>,
    /// Compiled at once when the user has a rules or entity file of their
    /// own (so its errors come first); otherwise the built-ins, compiled
    /// when first read.
    pub rules: SharedRules,
    pub keymap: Keymap,
    pub fetch: FetchOptions,
    pub watchlists: Vec<Watchlist>,
}

impl Settings {
    /// Reads every configuration file beside `config`. The first broken
    /// file is the error, with its path and line.
    pub fn load(config: &Path) -> Result<Settings> {
        let dir = config::config_dir(config);
        let file = config::load_feeds_file(config)?;
        let rules = SharedRules::load(&dir)?;
        let keymap = Keymap::load(&dir.join("keys.toml")).map_err(|e| anyhow!(e))?;
        let watchlists = watch::load(&watch::path_beside(config))?;
        Ok(Settings {
            config: config.to_path_buf(),
            feeds: file.feed,
            refresh_every: (file.settings.refresh_minutes > 0)
                .then(|| Duration::from_secs(file.settings.refresh_minutes * 60)),
            rules,
            keymap,
            fetch: FetchOptions::default(),
            watchlists,
        })
    }

    /// watch.toml, beside feeds.toml.
    pub fn watch_path(&self) -> PathBuf {
        watch::path_beside(&self.config)
    }

    /// A refresh of these feeds into `db` with these rules and limits.
    pub fn job(&self, db: &Path, mode: Mode) -> Job {
        Job {
            db: db.to_path_buf(),
            feeds: self.feeds.clone(),
            rules: self.rules.clone(),
            opts: self.fetch.clone(),
            mode,
        }
    }
}
