//! `dateline watch list|add|remove|show`: the watchlists of watch.toml
//! (beside feeds.toml) from the command line.

use super::args::{Context, WatchCmd};
use super::out;
use crate::store::NewFilter;
use crate::text::clean_line;
use crate::watch::{self, Watchlist};
use anyhow::{anyhow, Result};
use std::process::ExitCode;

pub fn run(ctx: &Context, cmd: WatchCmd) -> Result<ExitCode> {
    let path = watch::path_beside(&ctx.config);
    match cmd {
        WatchCmd::List => {
            let lists = watch::load(&path)?;
            if lists.is_empty() {
                eprintln!(
                    "no watchlists in {}; add one with `dateline watch add NAME QUERY`",
                    path.display()
                );
                return Ok(ExitCode::SUCCESS);
            }
            let store = ctx.store()?;
            let counts = watch::counts(&store, &lists)?;
            for (w, n) in lists.iter().zip(counts) {
                let mut line = format!(
                    "{}  {n} unseen  {}",
                    clean_line(&w.name),
                    clean_line(&w.query)
                );
                if !w.command.is_empty() {
                    line.push_str(&format!("  → {}", clean_line(&w.command.join(" "))));
                }
                out(&line)?;
            }
        }
        WatchCmd::Add { name, query } => {
            let w = Watchlist {
                name,
                query: query.join(" "),
                command: Vec::new(),
            };
            watch::save(&path, &w)?;
            eprintln!(
                "watchlist '{}' saved in {}",
                clean_line(&w.name),
                path.display()
            );
        }
        WatchCmd::Remove { name } => {
            if !watch::remove(&path, &name)? {
                return Err(anyhow!(
                    "{}: no watchlist named '{}'",
                    path.display(),
                    clean_line(&name)
                ));
            }
            eprintln!(
                "watchlist '{}' removed from {}",
                clean_line(&name),
                path.display()
            );
        }
        WatchCmd::Show { name, new } => {
            let lists = watch::load(&path)?;
            let w = lists.iter().find(|w| w.name == name).ok_or_else(|| {
                anyhow!(
                    "{}: no watchlist named '{}'",
                    path.display(),
                    clean_line(&name)
                )
            })?;
            let store = ctx.store()?;
            let mut f = watch::filter_of(&store, w)?;
            if new {
                f.new = Some(NewFilter::Unseen);
            }
            for e in store.events(&f)? {
                out(&crate::export::json::event_line(&e))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
