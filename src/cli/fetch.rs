//! `dateline fetch [--force]`: refreshes every feed of feeds.toml now,
//! except those backing off after failures (`--force` asks those too), with
//! the user's rules. Progress goes to stderr (a bar on a terminal, plain
//! lines otherwise); a summary of every feed, the skipped ones with when
//! each is due, goes to stdout at the end, followed by the new events of
//! each watchlist, whose commands then run. Exit code 0 when every feed is
//! fine, 1 when any failed, is backing off after failures, or a watchlist's
//! command failed.

use super::args::Context;
use crate::refresh::{self, FeedOutcome, FeedReport, FetchProgress, FetchSummary, Mode};
use crate::settings::Settings;
use crate::store::{FeedState, Store};
use crate::text::{clean_line, count};
use anyhow::{anyhow, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(ctx: &Context, force: bool) -> Result<ExitCode> {
    let settings = ctx.settings()?;
    if settings.feeds.is_empty() {
        eprintln!(
            "no feeds in {}; add one with `dateline feeds add URL`",
            ctx.config.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    ctx.announce_new_db();
    let (tx, rx) = std::sync::mpsc::channel();
    let job = settings.job(&ctx.db, if force { Mode::Force } else { Mode::Explicit });
    let worker = std::thread::spawn(move || refresh::run(&job, &tx));
    let mut view = Progress::new(std::io::stderr().is_terminal());
    for msg in rx {
        match msg {
            FetchProgress::Started { total } => view.start(total),
            FetchProgress::FeedDone(r) => view.feed(&r),
            FetchProgress::Finished(_) => view.finish(),
        }
    }
    let summary = worker
        .join()
        .map_err(|_| anyhow!("the fetcher stopped unexpectedly"))??;
    let states: HashMap<String, FeedState> = Store::open(&ctx.db)?
        .feed_states()?
        .into_iter()
        .map(|s| (s.url.clone(), s))
        .collect();
    let mut troubled = 0;
    for r in &summary.feeds {
        let state = states.get(&r.url);
        if matches!(r.outcome, FeedOutcome::Failed(_))
            || (r.outcome == FeedOutcome::Skipped
                && state.is_some_and(|s| s.consecutive_failures > 0))
        {
            troubled += 1;
        }
        super::out(&summary_line(r, state))?;
    }
    super::out(&closing_line(&summary))?;
    let watch_failed = watchlists(ctx, &settings, &summary)?;
    Ok(if troubled > 0 || watch_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The last line: what was asked and what it brought; feeds not asked are
/// counted apart, never as "0 new".
fn closing_line(s: &FetchSummary) -> String {
    let asked = s.feeds.len() - s.skipped;
    let mut line = format!(
        "{asked} of {} fetched in {:.1} s: {}, {}, {} failed",
        count(s.feeds.len(), "feed", "feeds"),
        s.elapsed.as_secs_f64(),
        count(s.new_articles, "new article", "new articles"),
        count(s.new_events, "new event", "new events"),
        s.failed
    );
    if s.skipped > 0 {
        line.push_str(&format!(
            "; {} skipped (backing off; `dateline fetch --force` asks them too)",
            s.skipped
        ));
    }
    line
}

/// Prints each watchlist's events that this refresh brought and runs its
/// command for them. Returns how many commands failed.
fn watchlists(ctx: &Context, settings: &Settings, summary: &FetchSummary) -> Result<usize> {
    let Some(since) = summary.started_at.as_deref() else {
        return Ok(0);
    };
    if settings.watchlists.is_empty() {
        return Ok(0);
    }
    let store = Store::open(&ctx.db)?;
    let mut failed = 0;
    for w in &settings.watchlists {
        let events = crate::watch::matches(&store, w, since)?;
        let name = clean_line(&w.name);
        if events.is_empty() {
            super::out(&format!("watch {name}: nothing new"))?;
            continue;
        }
        super::out(&format!(
            "watch {name}: {} new event{}",
            events.len(),
            if events.len() == 1 { "" } else { "s" }
        ))?;
        for e in &events {
            super::out(&format!("  {}", clean_line(&super::human_line(e))))?;
        }
        if let Err(e) = crate::watch::run_command(w, &events, crate::watch::COMMAND_TIMEOUT) {
            failed += 1;
            eprintln!("dateline: watch {name}: {}", clean_line(&e));
        }
    }
    Ok(failed)
}

fn name(r: &FeedReport) -> String {
    clean_line(r.title.as_deref().unwrap_or(&r.url))
}

/// One line of the closing summary.
fn summary_line(r: &FeedReport, state: Option<&FeedState>) -> String {
    let status = match &r.outcome {
        FeedOutcome::Updated => format!(
            "ok        {:>4} new {:<8} {:>4} new {}",
            r.new_articles,
            if r.new_articles == 1 {
                "article"
            } else {
                "articles"
            },
            r.new_events,
            if r.new_events == 1 { "event" } else { "events" }
        ),
        FeedOutcome::NotModified => "unchanged".to_string(),
        FeedOutcome::Skipped => {
            let failures = state.map_or(r.failures, |s| s.consecutive_failures);
            let due = short_time(
                r.next_fetch_at
                    .as_deref()
                    .or(state.and_then(|s| s.next_fetch_at.as_deref())),
            );
            if failures > 0 {
                format!(
                    "skipped   backing off after {failures} failures; due {due} (last: {})",
                    clean_line(state.and_then(|s| s.last_error.as_deref()).unwrap_or("?"))
                )
            } else {
                format!("skipped   fetched recently; due {due}")
            }
        }
        FeedOutcome::Failed(e) => format!("FAILED    {}", clean_line(e)),
    };
    let note = match (&r.outcome, state.and_then(|s| s.last_error.as_deref())) {
        (FeedOutcome::Updated, Some(e)) => format!(" ({})", clean_line(e)),
        _ => String::new(),
    };
    format!("{status}{note}  {}  <{}>", name(r), clean_line(&r.url))
}

fn short_time(rfc3339: Option<&str>) -> String {
    rfc3339
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|| "?".into())
}

/// A bar on a terminal; one line a feed otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    done: usize,
    total: usize,
}

impl Progress {
    fn new(tty: bool) -> Progress {
        let bar = tty.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} feeds {wide_msg}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            done: 0,
            total: 0,
        }
    }

    fn start(&mut self, total: usize) {
        self.total = total;
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
        }
    }

    fn feed(&mut self, r: &FeedReport) {
        self.done += 1;
        let line = match &r.outcome {
            FeedOutcome::Updated => format!("{} new  {}", r.new_articles, name(r)),
            FeedOutcome::NotModified => format!("unchanged  {}", name(r)),
            FeedOutcome::Skipped => format!("skipped  {}", name(r)),
            FeedOutcome::Failed(e) => format!("failed  {}: {}", name(r), clean_line(e)),
        };
        match &self.bar {
            Some(bar) => {
                if matches!(r.outcome, FeedOutcome::Failed(_)) {
                    bar.println(&line);
                }
                bar.set_message(name(r));
                bar.inc(1);
            }
            None => eprintln!("[{}/{}] {line}", self.done, self.total),
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
