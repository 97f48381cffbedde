//! Entry points for the terminal timeline (`dateline`, the default) and
//! `dateline demo`.

use super::args::Context;
use crate::pipeline;
use crate::sources::fetch::{self, FeedOutcome, FetchOptions, FetchProgress};
use crate::store::Store;
use crate::tui::{self, demo, keys::Keymap, theme::Theme, App, RefreshMsg, Refresher};
use anyhow::{anyhow, Context as _, Result};
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};

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
    // configuration errors first, then the terminal, and only then the
    // database, so a refusal leaves nothing behind
    let (rules, keys) = (ctx.rules()?, keymap(ctx)?);
    tui::require_terminal()?;
    let app = App::new(ctx.store()?, rules, keys, Theme::from_env())
        .with_feeds(feeds)
        .with_refresher(refresher(ctx));
    tui::run(app, !ctx.offline)?;
    Ok(ExitCode::SUCCESS)
}

/// The feed fetcher of `dateline fetch`, reporting in the TUI's terms. It
/// runs on the TUI's background thread with its own store connection.
fn refresher(ctx: &Context) -> Refresher {
    let db = ctx.db.clone();
    let config = ctx.config.clone();
    Box::new(move |tx: Sender<RefreshMsg>| {
        let fail = |what: String, error: String| {
            let _ = tx.send(RefreshMsg::Started { total: 1 });
            let _ = tx.send(RefreshMsg::Feed {
                url: what,
                title: None,
                error: Some(error),
                new_articles: 0,
            });
            let _ = tx.send(RefreshMsg::Finished {
                new_articles: 0,
                new_events: 0,
                failed: 1,
            });
        };
        let feeds = match crate::config::load_feeds(&config) {
            Ok(f) => f,
            Err(e) => return fail(config.display().to_string(), e.to_string()),
        };
        let (ftx, frx) = mpsc::channel();
        let db = db.clone();
        let worker =
            std::thread::spawn(move || fetch::refresh(&db, &feeds, &FetchOptions::default(), &ftx));
        let mut finished = false;
        for msg in frx {
            let out = match msg {
                FetchProgress::Started { total } => RefreshMsg::Started { total },
                FetchProgress::FeedDone(r) => RefreshMsg::Feed {
                    error: match r.outcome {
                        FeedOutcome::Failed(e) => Some(e),
                        _ => None,
                    },
                    url: r.url,
                    title: r.title,
                    new_articles: r.new_articles,
                },
                FetchProgress::Finished(s) => {
                    finished = true;
                    RefreshMsg::Finished {
                        new_articles: s.new_articles,
                        new_events: s.new_events,
                        failed: s.failed,
                    }
                }
            };
            if tx.send(out).is_err() {
                break;
            }
        }
        match worker.join() {
            Ok(Err(e)) if !finished => fail("refresh".into(), e.to_string()),
            Err(_) if !finished => {
                fail("refresh".into(), "the fetcher stopped unexpectedly".into())
            }
            _ => {}
        }
    })
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
