//! Entry points for the terminal timeline (`dateline`, the default) and
//! `dateline demo`.

use super::args::Context;
use crate::pipeline;
use crate::refresh::{self, FeedOutcome, FetchProgress, Mode};
use crate::settings::Settings;
use crate::store::Store;
use crate::tui::{self, demo, theme::Theme, App, RefreshMsg, Refresher};
use anyhow::{anyhow, Context as _, Result};
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};

/// `dateline [--offline]`: the timeline over the user's database.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    // configuration errors first, then the terminal, and only then the
    // database, so a refusal leaves nothing behind
    let settings = ctx.settings()?;
    tui::require_terminal()?;
    // the built-in rules compile beside the first frame, not before it
    settings.rules.warm_up();
    let app = App::new(
        ctx.store()?,
        settings.rules.clone(),
        settings.keymap.clone(),
        Theme::from_env(),
    )
    .with_feeds(settings.feeds.clone())
    .with_watchlists(settings.watch_path(), settings.watchlists.clone())
    .with_refresh_every(settings.refresh_every)
    .with_refresher(refresher(ctx, &settings));
    tui::run(app, !ctx.offline)?;
    Ok(ExitCode::SUCCESS)
}

/// The refresh of `dateline fetch`, reporting in the TUI's terms, with the
/// settings read at start (the same rules `import` and `fetch` use). It
/// runs on the TUI's background thread with its own store connection.
fn refresher(ctx: &Context, settings: &Settings) -> Refresher {
    let db = ctx.db.clone();
    let settings = settings.clone();
    Box::new(move |tx: Sender<RefreshMsg>, mode: Mode| {
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
        let job = settings.job(&db, mode);
        let (ftx, frx) = mpsc::channel();
        let worker = std::thread::spawn(move || refresh::run(&job, &ftx));
        let mut finished = false;
        for msg in frx {
            let out = match msg {
                FetchProgress::Started { total } => RefreshMsg::Started { total },
                FetchProgress::FeedDone(r) if r.outcome == FeedOutcome::Skipped => {
                    RefreshMsg::Skipped {
                        url: r.url,
                        title: r.title,
                        due: r.next_fetch_at,
                        backing_off: r.failures > 0,
                    }
                }
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
    let settings = ctx.settings()?;
    let rules = (*settings.rules).clone();
    let mut store = Store::open(db.path())?;
    let articles = demo::articles().map_err(|e| anyhow!(e))?;
    pipeline::ingest(&mut store, &rules, &articles).context("importing the demo corpus")?;
    let app = App::new(store, rules, settings.keymap.clone(), Theme::from_env());
    let result = tui::run(app, false);
    drop(db);
    result?;
    Ok(ExitCode::SUCCESS)
}
