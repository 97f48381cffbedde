//! `dateline fetch`: refreshes every feed of feeds.toml now. Progress goes
//! to stderr (a bar on a terminal, plain lines otherwise); a summary of
//! every feed goes to stdout at the end. Exit code 0 when every feed is
//! fine, 1 when any failed or is backing off after failures.

use super::args::Context;
use crate::sources::fetch::{refresh, FeedOutcome, FeedReport, FetchOptions, FetchProgress};
use crate::store::{FeedState, Store};
use crate::text::clean_line;
use anyhow::{anyhow, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(ctx: &Context) -> Result<ExitCode> {
    let feeds = super::feeds::configured(ctx)?;
    if feeds.is_empty() {
        eprintln!(
            "no feeds in {}; add one with `dateline feeds add URL`",
            ctx.config.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    ctx.announce_new_db();
    let (tx, rx) = std::sync::mpsc::channel();
    let db = ctx.db.clone();
    let worker = std::thread::spawn(move || refresh(&db, &feeds, &FetchOptions::default(), &tx));
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
    super::out(&format!(
        "{} in {:.1} s: {}, {}, {} failed",
        crate::text::count(summary.feeds.len(), "feed", "feeds"),
        summary.elapsed.as_secs_f64(),
        crate::text::count(summary.new_articles, "new article", "new articles"),
        crate::text::count(summary.new_events, "new event", "new events"),
        summary.failed
    ))?;
    Ok(if troubled > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
        FeedOutcome::Skipped => match state {
            Some(s) if s.consecutive_failures > 0 => format!(
                "waiting   after {} failures, until {} (last: {})",
                s.consecutive_failures,
                short_time(s.next_fetch_at.as_deref()),
                clean_line(s.last_error.as_deref().unwrap_or("?"))
            ),
            _ => format!(
                "fresh     fetched recently; next at {}",
                short_time(state.and_then(|s| s.next_fetch_at.as_deref()))
            ),
        },
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
