//! The command line: what the user typed (clap), then the command run
//! against validated values. Library errors become one-line messages and
//! exit codes here; a closed pipe (`dateline events --json | head`) is
//! success, not an error.

mod args;
mod curate;
mod export;
mod feeds;
mod fetch;
mod import;
mod page;
mod query;
mod tui;
mod watch;

pub use args::{command, Cli, Command};
pub(crate) use query::human_line;

use anyhow::Result;
use std::io::{self, Write};
use std::process::ExitCode;

/// Runs dateline with the process's arguments.
pub fn main() -> ExitCode {
    let matches = args::command().get_matches();
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let msg = e
                .chain()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(": ");
            let _ = writeln!(io::stderr(), "dateline: {}", crate::text::clean_line(&msg));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = args::Context::from_cli(&cli);
    let result = dispatch(&ctx, cli.command.unwrap_or(Command::Tui));
    result.map_err(|e| {
        let locked = e.chain().any(|c| {
            matches!(
                c.downcast_ref::<crate::store::StoreError>(),
                Some(crate::store::StoreError::Locked)
            )
        });
        if locked {
            locked_message(&ctx.db, &e)
        } else {
            e
        }
    })
}

/// What a command that met a locked database tells: "nothing was changed"
/// only when this process committed nothing; a command that knows how much
/// it stored (import) says so itself.
fn locked_message(db: &std::path::Path, e: &anyhow::Error) -> anyhow::Error {
    let waited = crate::store::BUSY_TIMEOUT.as_secs();
    let said = e.to_string();
    if said.contains("were stored") {
        return anyhow::anyhow!(
            "{}: the database stayed locked by another program for {waited} s; {said}",
            db.display()
        );
    }
    match crate::store::commits() {
        0 => anyhow::anyhow!(
            "{}: the database stayed locked by another program for {waited} s; nothing was changed, try again when it finishes",
            db.display()
        ),
        n => anyhow::anyhow!(
            "{}: the database stayed locked by another program for {waited} s after {n} changes were saved; the rest was not, run the command again to finish",
            db.display()
        ),
    }
}

fn dispatch(ctx: &args::Context, command: Command) -> Result<ExitCode> {
    match command {
        Command::Tui => tui::run(ctx),
        Command::Demo => tui::demo(ctx),
        Command::Fetch { force } => fetch::run(ctx, force),
        Command::Watch { cmd } => watch::run(ctx, cmd),
        Command::Import { paths } => import::run(ctx, &paths),
        Command::Events(q) => query::events(ctx, &q),
        Command::Search(q) => query::search(ctx, &q),
        Command::Page { json, paths } => page::run(&paths, json),
        Command::Entities { json } => query::entities(ctx, json),
        Command::Export { format } => export::run(ctx, &format),
        Command::Feeds { cmd } => feeds::run(ctx, cmd),
        Command::Reindex => curate::reindex(ctx),
        Command::Event(cmd) => curate::run(ctx, cmd),
    }
}

/// Adds feeds (from an OPML import) to the configured feeds.toml.
pub(crate) fn feeds_added(
    ctx: &args::Context,
    feeds: &[crate::config::FeedConfig],
) -> Result<usize> {
    Ok(crate::config::add_feeds(&ctx.config, feeds)?)
}

/// Writes a line to stdout, turning a closed pipe into a quiet stop.
pub(crate) fn out(line: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(line.as_bytes())?;
    stdout.write_all(b"\n")?;
    Ok(())
}
