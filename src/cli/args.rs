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
    /// Refresh every feed now.
    Fetch,
    /// Import RSS/Atom/JSON Feed files, HTML article pages and OPML feed lists.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The timeline, oldest first.
    Events(EventsArgs),
    /// Full-text search over articles and events, best matches first.
    Search(SearchArgs),
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
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Skip this many events first (with --limit: one page).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// One JSON object a line.
    #[arg(long)]
    pub json: bool,
    /// Events and articles shown per page.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Skip this many of each first (the next page: --offset 20).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
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

/// Which events: shared by `events`, `search` and `export`. The words
/// take the query language of the TUI's `/` (`kind:lawsuit entity:华为
/// since:2025 "entity list"`); the flags are shorthands for its filters.
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
    /// Only events with a source in this language (en, zh).
    #[arg(long)]
    pub lang: Option<String>,
    /// Only events with a source from this outlet or site (part of its name).
    #[arg(long)]
    pub source: Option<String>,
    /// Only events with these statuses (auto, confirmed, rejected, manual).
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<String>,
    /// Newest first.
    #[arg(long)]
    pub reverse: bool,
    /// Words, "phrases" and filters (kind: entity: since: until: lang: source: status:).
    #[arg(value_name = "QUERY")]
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

    /// The built-in rules plus the user's `rules.toml`/`entities.toml`
    /// beside feeds.toml.
    pub fn rules(&self) -> Result<Rules> {
        Ok(Rules::load(&config::config_dir(&self.config))?)
    }
}
