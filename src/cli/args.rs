//! What the user can type. `--db` comes from `$DATELINE_DB`, else the
//! platform data directory; `--config` from `$DATELINE_CONFIG`, else
//! `./feeds.toml`, else the platform config folder. Every option carries a
//! description (a test walks the whole command tree), and a subcommand
//! offers only the options that do something there.

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
    about = "Dated events from tech-policy news, as one sourced timeline",
    long_about = "Dated events from tech-policy news, as one sourced timeline.\n\n\
dateline reads RSS/Atom/JSON feeds and article pages, finds the dated events in them \
(bans, lawsuits, rulings, listings, sanctions, export controls, tariffs, investigations, \
accusations, legislation), links the reports of one incident across outlets and across \
English and Chinese, and shows one timeline in which every entry cites its sources. \
With no command it opens the terminal timeline over your database.",
    after_help = "Try `dateline demo` for the timeline over a built-in corpus, offline.\n\
`dateline COMMAND --help` describes each command."
)]
pub struct Cli {
    /// The database file [default: the platform data directory, e.g.
    /// ~/.local/share/dateline/dateline.db].
    #[arg(long, global = true, env = "DATELINE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The feeds.toml to read; rules.toml, entities.toml and keys.toml are
    /// read beside it [default: ./feeds.toml, else the platform config
    /// directory, e.g. ~/.config/dateline/feeds.toml].
    #[arg(long, global = true, env = "DATELINE_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Do not refresh feeds when the terminal timeline starts.
    #[arg(long)]
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
        /// Files to import; each may be a feed, an article page or an OPML
        /// list (whose feeds are added to feeds.toml).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The timeline, oldest first.
    Events(EventsArgs),
    /// Full-text search over articles and events, best matches first.
    Search(SearchArgs),
    /// What dateline reads from article pages (text, metadata).
    Page {
        /// One JSON object a page: path, url, title, published, site_name, lang, text.
        #[arg(long)]
        json: bool,
        /// HTML files saved from the web.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Every entity, its aliases, events and date range.
    Entities {
        /// One JSON object an entity: name, type, aliases, events, first, last.
        #[arg(long)]
        json: bool,
    },
    /// The timeline as a Markdown chronology, CSV, iCalendar, TimelineJS
    /// JSON or one self-contained HTML page.
    Export {
        #[command(subcommand)]
        format: ExportCmd,
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
    /// One JSON object an event, a line: id, start, end, kind, title, actors,
    /// targets, status, related, sources (url, outlet, title, published,
    /// evidence). Dates are YYYY, YYYY-MM or YYYY-MM-DD, as precise as the
    /// sources allow.
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

/// The export formats, each with the options that apply to it.
#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// A sourced chronology in Markdown, with footnoted citations.
    Md {
        #[command(flatten)]
        title: TitleArg,
        #[command(flatten)]
        out: ExportOut,
    },
    /// One row an event and source, for spreadsheets. Starts with a UTF-8
    /// byte order mark so Excel shows Chinese correctly.
    Csv {
        /// Leave out the UTF-8 byte order mark (for tools that do not expect one).
        #[arg(long)]
        no_bom: bool,
        #[command(flatten)]
        out: ExportOut,
    },
    /// An iCalendar file of all-day entries, with each event's status and note.
    Ics {
        #[command(flatten)]
        out: ExportOut,
    },
    /// TimelineJS 3 JSON, for Knight Lab's TimelineJS.
    Timelinejs {
        /// What the timeline's rows are.
        #[arg(long, value_enum, default_value_t = GroupBy::Kind)]
        group: GroupBy,
        #[command(flatten)]
        title: TitleArg,
        #[command(flatten)]
        out: ExportOut,
    },
    /// One self-contained, searchable HTML page that works offline.
    Html {
        #[command(flatten)]
        title: TitleArg,
        #[command(flatten)]
        out: ExportOut,
    },
}

/// How `export timelinejs` groups events into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    /// One row a kind of event.
    Kind,
    /// One row an entity: the event's first target, else its first actor.
    Entity,
}

/// The title of a document export.
#[derive(Debug, Args)]
pub struct TitleArg {
    /// The document's title [default: "Timeline", or "NAME: timeline" with --entity].
    #[arg(long)]
    pub title: Option<String>,
}

/// Where an export goes, and which events it holds.
#[derive(Debug, Args)]
pub struct ExportOut {
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filters: FilterArgs,
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
    /// Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).
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
    /// Words, "phrases" (English or Chinese) and filters (kind: entity:
    /// since: until: lang: source: status: new: feed:).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCmd {
    /// List the feeds and their fetch state.
    List,
    /// Add a feed.
    Add {
        /// The feed's address (http or https).
        url: String,
        /// A title to show instead of the feed's own.
        #[arg(long)]
        title: Option<String>,
        /// Tags for the feed (repeat or comma-separate).
        #[arg(long, value_delimiter = ',')]
        tags: Vec<String>,
        /// Fetch each article's page when the feed carries only a teaser.
        #[arg(long)]
        fulltext: bool,
    },
    /// Remove a feed.
    Remove {
        /// The feed's address, as listed by `feeds list`.
        url: String,
    },
    /// Add the feeds of an OPML file.
    Import {
        /// The OPML file.
        path: PathBuf,
    },
    /// Print the feeds as OPML 2.0.
    Export,
}

#[derive(Debug, Subcommand)]
pub enum WatchCmd {
    /// Each watchlist with its number of unseen events.
    List,
    /// Add (or replace) a watchlist.
    Add {
        /// The watchlist's name, as shown in the Watch view.
        name: String,
        /// The query, in the language of the timeline's `/` search.
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Remove a watchlist.
    Remove {
        /// The name of the watchlist to remove.
        name: String,
    },
    /// The events of one watchlist (`--new` for unseen only), as JSON lines.
    Show {
        /// The name of the watchlist to show.
        name: String,
        /// Only the events not yet seen.
        #[arg(long)]
        new: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventCmd {
    /// Mark an event as checked.
    Confirm {
        /// The event's id, or a unique prefix of it (4 characters or more).
        id: String,
    },
    /// Hide an event from the timeline.
    Reject {
        /// The event's id, or a unique prefix of it (4 characters or more).
        id: String,
    },
    /// Clear a confirm or reject.
    Reset {
        /// The event's id, or a unique prefix of it (4 characters or more).
        id: String,
    },
    /// Merge the second event into the first.
    Merge {
        /// The event that stays.
        id: String,
        /// The event merged into it.
        other: String,
    },
    /// Take one source (by url) out of an event into its own event.
    Split {
        /// The event's id, or a unique prefix of it.
        id: String,
        /// The url of the source to take out.
        url: String,
    },
    /// Attach a note to an event (an empty note clears it).
    Note {
        /// The event's id, or a unique prefix of it.
        id: String,
        /// The note's words.
        text: Vec<String>,
    },
    /// Add an event by hand, with its source.
    Add {
        /// When it happened: YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// When it ended, for a span: YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long)]
        end: Option<String>,
        /// Its kind: ban, lawsuit, ruling, listing, delisting, sanction,
        /// export_control, tariff, investigation, accusation, legislation, other.
        #[arg(long)]
        kind: String,
        /// A one-line headline.
        #[arg(long)]
        title: String,
        /// Who acted (repeat or comma-separate).
        #[arg(long, value_delimiter = ',')]
        actor: Vec<String>,
        /// Who it was done to (repeat or comma-separate).
        #[arg(long, value_delimiter = ',')]
        target: Vec<String>,
        /// The source's address.
        #[arg(long)]
        url: String,
        /// The sentence of the source that reports it.
        #[arg(long)]
        evidence: String,
    },
    /// Correct an event's date, kind, names or headline (kept across
    /// reindex; `event revert` or `event undo` takes it back).
    Edit {
        /// The event's id (or a unique prefix of it).
        id: String,
        /// The date: YYYY, YYYY-MM or YYYY-MM-DD (its precision is the
        /// date's own).
        #[arg(long)]
        date: Option<String>,
        /// The last day of a span (with --date).
        #[arg(long, requires = "date")]
        end: Option<String>,
        /// The kind: ban, lawsuit, ruling, listing, delisting, sanction,
        /// export_control, tariff, investigation, accusation, legislation.
        #[arg(long)]
        kind: Option<String>,
        /// Who acted, comma-separated ("" for nobody).
        #[arg(long)]
        actors: Option<String>,
        /// Who it was done to, comma-separated ("" for nobody).
        #[arg(long)]
        targets: Option<String>,
        /// The headline.
        #[arg(long)]
        title: Option<String>,
    },
    /// Drop every edit of an event: it shows what its sources say again.
    Revert {
        /// The event's id (or a unique prefix of it).
        id: String,
    },
    /// Take back the last decision still in force (any event).
    Undo,
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
        /// The event's id, or a unique prefix of it.
        id: String,
        /// The event as one JSON object, in the shape of `events --json`.
        #[arg(long)]
        json: bool,
    },
}

/// Global options that do nothing under a command, so its help does not
/// offer them: `page` reads only the files it is given, `demo` makes its
/// own throwaway database, and the read-only commands use neither
/// feeds.toml nor the rules beside it. (Still accepted there, so one alias
/// with `--db` and `--config` keeps working for every command.)
pub const UNUSED_GLOBALS: &[(&str, &str)] = &[
    ("page", "db"),
    ("page", "config"),
    ("demo", "db"),
    ("events", "config"),
    ("search", "config"),
    ("entities", "config"),
    ("export", "config"),
];

/// The command tree as `--help` shows it: [`Cli`] with the global options
/// of [`UNUSED_GLOBALS`] hidden where they do nothing. Each such command
/// gets a hidden local option of the same name, which keeps clap from
/// propagating the global one there.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    fn hide(cmd: clap::Command, arg: &'static str) -> clap::Command {
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        let mut cmd = cmd.arg(
            clap::Arg::new(arg)
                .long(arg)
                .value_name("PATH")
                .value_parser(clap::value_parser!(PathBuf))
                .hide(true),
        );
        for s in subs {
            cmd = cmd.mut_subcommand(s, |c| hide(c, arg));
        }
        cmd
    }
    let mut cmd = Cli::command();
    for (sub, arg) in UNUSED_GLOBALS {
        cmd = cmd.mut_subcommand(*sub, |c| hide(c, arg));
    }
    cmd
}

/// Validated global settings.
pub struct Context {
    pub db: PathBuf,
    /// Whether `--db` or `$DATELINE_DB` named the database (a typo there
    /// must not go unnoticed).
    pub db_named: bool,
    pub config: PathBuf,
    pub offline: bool,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Context {
        Context {
            db: config::db_path(cli.db.as_deref()),
            db_named: cli.db.is_some(),
            config: config::config_path(cli.config.as_deref()),
            offline: cli.offline,
        }
    }

    /// The database, with any rebuild an interrupted command left pending
    /// completed first (the rules are only read when one is).
    pub fn store(&self) -> Result<Store> {
        self.announce_new_db();
        let mut store = Store::open(&self.db)?;
        if store.rebuild_pending()? && !store.writer_active() {
            crate::pipeline::complete_pending(&mut store, &self.rules()?)?;
        }
        Ok(store)
    }

    /// The notice of [`Context::store`], for paths that open the database
    /// themselves (the fetcher's writer thread).
    pub fn announce_new_db(&self) {
        if self.db_named && !self.db.exists() {
            eprintln!(
                "dateline: {} does not exist; creating a new database there",
                self.db.display()
            );
        }
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
