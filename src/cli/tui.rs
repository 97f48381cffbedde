//! Entry points for the terminal timeline (`dateline`, the default) and
//! `dateline demo`.

use super::args::Context;
use crate::pipeline;
use crate::store::Store;
use crate::tui::{self, demo, keys::Keymap, theme::Theme, App};
use anyhow::{anyhow, Context as _, Result};
use std::process::ExitCode;

fn keymap(ctx: &Context) -> Result<Keymap> {
    let path = crate::config::config_dir(&ctx.config).join("keys.toml");
    Keymap::load(&path).map_err(|e| anyhow!(e))
}

/// `dateline [--offline]`: the timeline over the user's database.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    // A missing feeds.toml is an empty list; a broken one is an error.
    let feeds = if ctx.config.exists() {
        crate::config::load_feeds(&ctx.config)?
    } else {
        Vec::new()
    };
    let app =
        App::new(ctx.store()?, ctx.rules()?, keymap(ctx)?, Theme::from_env()).with_feeds(feeds);
    // The feed fetcher is wired in with `App::with_refresher`; without one,
    // `r` says so and nothing runs in the background.
    tui::run(app, !ctx.offline)?;
    Ok(ExitCode::SUCCESS)
}

/// `dateline demo`: the built-in corpus in a throwaway database.
pub fn demo(ctx: &Context) -> Result<ExitCode> {
    let db = demo::TempDb::new();
    let rules = ctx.rules()?;
    let mut store = Store::open(db.path())?;
    let articles = demo::articles().map_err(|e| anyhow!(e))?;
    pipeline::ingest(&mut store, &rules, &articles).context("importing the demo corpus")?;
    let app = App::new(store, rules, keymap(ctx)?, Theme::from_env());
    let result = tui::run(app, false);
    drop(db);
    result?;
    Ok(ExitCode::SUCCESS)
}
