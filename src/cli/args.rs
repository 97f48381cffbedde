//! What the user can type. Defaults follow DESIGN.md: `--db` from
//! `$DATELINE_DB`, else the platform data directory; `--config` from
//! `$DATELINE_CONFIG`, else `./feeds.toml`, else the platform config folder.

use crate::config;
use crate::extract::Rules;
use crate::store::Store;
use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Dated events from tech-policy news, as one sourced timeline"
)]
pub struct Cli {
    /// The database file.
    #[arg(long, global = true, env = "DATELINE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The feeds.toml to read.
    #[arg(long, global = true, env = "DATELINE_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Do not refresh feeds when the terminal timeline starts.
    #[arg(long, global = true)]
    pub offline: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The terminal timeline (the default).
    #[command(hide = true)]
    Tui,
    /// The terminal timeline over the built-in demo corpus; no network needed.
    Demo,
    /// Refresh every feed now (those backing off after failures wait;
    /// `--force` fetches them too), then report watchlist matches.
    Fetch {
        /// Also fetch feeds that are backing off after failures.
        #[arg(long)]
        force: bool,
    },
    /// Watchlists: saved queries in watch.toml beside feeds.toml.
    Watch {
        #[command(subcommand)]
        cmd: WatchCmd,
    },
    /// Import RSS/Atom/JSON Feed files, HTML article pages and OPML feed lists.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The timeline, oldest first.
    Events(EventsArgs),
    /// Full-text search over articles and events.
    Search {
        #[arg(long)]
        json: bool,
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
    /// What dateline reads from article pages (text, metadata).
    Page {
        #[arg(long)]
        json: bool,
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Every entity, its aliases, events and date range.
    Entities {
        #[arg(long)]
        json: bool,
    },
    /// The timeline as a Markdown chronology, CSV or iCalendar.
    Export {
        #[arg(value_enum)]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// Manage feeds.toml.
    Feeds {
        #[command(subcommand)]
        cmd: FeedsCmd,
    },
    /// Re-run extraction over every stored article.
    Reindex,
    /// The analyst's decisions on events.
    #[command(subcommand)]
    Event(EventCmd),
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// One JSON object a line.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A sourced chronology in Markdown, with footnotes.
    Md,
    /// One row an event and source, for spreadsheets.
    Csv,
    /// An iCalendar file of all-day entries.
    Ics,
}

/// Which events: shared by `events` and `export`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only these kinds (repeat or comma-separate).
    #[arg(long, value_delimiter = ',')]
    pub kind: Vec<String>,
    /// Only events naming this entity (any alias, English or Chinese).
    #[arg(long)]
    pub entity: Vec<String>,
    /// From this date on (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Up to this date.
    #[arg(long)]
    pub until: Option<String>,
    /// Only events first seen on or after DATE (YYYY, YYYY-MM or
    /// YYYY-MM-DD, UTC), or with `last` since the last refresh began.
    #[arg(long, value_name = "DATE|last")]
    pub new_since: Option<String>,
    /// Only events not yet seen (shown selected or opened in the terminal
    /// timeline, or marked with `dateline event seen`).
    #[arg(long)]
    pub unseen: bool,
    /// Newest first.
    #[arg(long)]
    pub reverse: bool,
    /// Free text to search for.
    pub query: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCmd {
    /// List the feeds and their fetch state.
    List,
    /// Add a feed.
    Add {
        url: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_delimiter = ',')]
        tags: Vec<String>,
        #[arg(long)]
        fulltext: bool,
    },
    /// Remove a feed.
    Remove { url: String },
    /// Add the feeds of an OPML file.
    Import { path: PathBuf },
    /// Print the feeds as OPML 2.0.
    Export,
}

#[derive(Debug, Subcommand)]
pub enum WatchCmd {
    /// Each watchlist with its number of unseen events.
    List,
    /// Add (or replace) a watchlist.
    Add {
        name: String,
        /// The query, in the language of the timeline's `/` search.
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Remove a watchlist.
    Remove { name: String },
    /// The events of one watchlist (`--new` for unseen only), as JSON lines.
    Show {
        name: String,
        #[arg(long)]
        new: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventCmd {
    /// Mark an event as checked.
    Confirm { id: String },
    /// Hide an event from the timeline.
    Reject { id: String },
    /// Clear a confirm or reject.
    Reset { id: String },
    /// Merge the second event into the first.
    Merge { id: String, other: String },
    /// Take one source (by url) out of an event into its own event.
    Split { id: String, url: String },
    /// Attach a note to an event (an empty note clears it).
    Note { id: String, text: Vec<String> },
    /// Add an event by hand, with its source.
    Add {
        /// YYYY, YYYY-MM or YYYY-MM-DD
        #[arg(long)]
        date: String,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        title: String,
        #[arg(long, value_delimiter = ',')]
        actor: Vec<String>,
        #[arg(long, value_delimiter = ',')]
        target: Vec<String>,
        #[arg(long)]
        url: String,
        #[arg(long)]
        evidence: String,
    },
    /// Mark events as seen, so they are no longer new.
    Seen {
        /// Event ids (or unique prefixes).
        ids: Vec<String>,
        /// Every event.
        #[arg(long, conflicts_with = "ids")]
        all: bool,
    },
    /// Show one event with its sources.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

/// Validated global settings.
pub struct Context {
    pub db: PathBuf,
    pub config: PathBuf,
    pub offline: bool,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Context {
        Context {
            db: config::db_path(cli.db.as_deref()),
            config: config::config_path(cli.config.as_deref()),
            offline: cli.offline,
        }
    }

    pub fn store(&self) -> Result<Store> {
        Ok(Store::open(&self.db)?)
    }

    /// Every configuration file, read once: feeds, settings, rules,
    /// entities, keys, watchlists.
    pub fn settings(&self) -> Result<crate::settings::Settings> {
        crate::settings::Settings::load(&self.config)
    }

    /// The built-in rules plus the user's `rules.toml`/`entities.toml`
    /// beside feeds.toml.
    pub fn rules(&self) -> Result<Rules> {
        Ok(Rules::load(&config::config_dir(&self.config))?)
    }
}
