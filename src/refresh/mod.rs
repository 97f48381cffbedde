//! A refresh of the feeds, above the pipeline: which feeds to ask (by the
//! schedule and the [`Mode`] the caller wants), the fetcher in
//! [`crate::sources::fetch`] to ask them, the pipeline to store and extract
//! what they bring with the user's rules, and one report per feed, the
//! feeds not asked included, with when each is due.
//!
//! [`run`] is the one entry point, for `dateline fetch` and the TUI's
//! refresh alike: blocking, for a plain thread (or a background worker). It
//! runs the downloads on its own tokio runtime while the calling thread
//! owns the only database connection and stores each feed's articles as
//! they come:
//!
//! ```no_run
//! use dateline::refresh::{run, FetchProgress, Job, Mode};
//! # fn demo(job: Job) {
//! let (tx, rx) = std::sync::mpsc::channel();
//! let worker = std::thread::spawn(move || run(&job, &tx));
//! for msg in rx {
//!     match msg {
//!         FetchProgress::Started { total } => println!("{total} feeds"),
//!         FetchProgress::FeedDone(r) => println!("{}: {:?}", r.url, r.outcome),
//!         FetchProgress::Finished(s) => println!("{} new articles", s.new_articles),
//!     }
//! }
//! let _ = worker.join();
//! # }
//! ```

mod writer;

pub use crate::sources::fetch::schedule::Mode;

use crate::config::FeedConfig;
use crate::extract::SharedRules;
use crate::sources::fetch::http::{Fetcher, Validators};
use crate::sources::fetch::schedule;
use crate::sources::fetch::task::{self, ToWriter};
use crate::sources::fetch::FetchOptions;
use crate::store::{FeedState, Store};
use chrono::Utc;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a refresh reports while it runs.
#[derive(Debug, Clone)]
pub enum FetchProgress {
    Started { total: usize },
    FeedDone(FeedReport),
    Finished(FetchSummary),
}

/// One feed's result.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedReport {
    pub url: String,
    pub title: Option<String>,
    pub new_articles: usize,
    pub new_events: usize,
    pub outcome: FeedOutcome,
    /// When the feed may be fetched again (RFC 3339), as far as known.
    pub next_fetch_at: Option<String>,
    /// Failures in a row before this refresh (for a skipped feed: why it waits).
    pub failures: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutcome {
    Updated,
    NotModified,
    /// Not asked: fetched too recently (interval refresh), or backing off
    /// after failures.
    Skipped,
    Failed(String),
}

/// The whole refresh.
#[derive(Debug, Clone, Default)]
pub struct FetchSummary {
    pub feeds: Vec<FeedReport>,
    pub new_articles: usize,
    pub new_events: usize,
    pub failed: usize,
    /// Feeds not asked in this refresh.
    pub skipped: usize,
    pub elapsed: Duration,
    /// When the refresh began (RFC 3339 UTC): events first seen since then
    /// are what it brought. `None` when no feed was asked.
    pub started_at: Option<String>,
}

/// Everything a refresh needs, read once by the caller: the database, the
/// feeds, the user's rules, the fetcher's limits and which feeds to ask.
#[derive(Debug, Clone)]
pub struct Job {
    pub db: PathBuf,
    pub feeds: Vec<FeedConfig>,
    pub rules: SharedRules,
    pub opts: FetchOptions,
    pub mode: Mode,
}

/// A refresh as it was before modes: the due feeds only, with the built-in
/// rules. Kept for tests and benchmarks written against it.
pub fn refresh(
    db: &Path,
    feeds: &[FeedConfig],
    opts: &FetchOptions,
    progress: &Sender<FetchProgress>,
) -> anyhow::Result<FetchSummary> {
    run(
        &Job {
            db: db.to_path_buf(),
            feeds: feeds.to_vec(),
            rules: SharedRules::builtin_later(),
            opts: opts.clone(),
            mode: Mode::Due,
        },
        progress,
    )
}

/// Fetches the feeds the job's mode asks for, stores what is new, and
/// reports each feed on `progress` as it finishes (skipped ones first).
/// Errors only for what stops everything (the database cannot be opened
/// or written); a feed's failure is a report.
pub fn run(job: &Job, progress: &Sender<FetchProgress>) -> anyhow::Result<FetchSummary> {
    let started = Instant::now();
    let mut store = Store::open(&job.db)?;
    let opts = &job.opts;
    let feeds = unique(&job.feeds);
    let feeds_order: Vec<String> = feeds.iter().map(|f| f.url.clone()).collect();
    let _ = progress.send(FetchProgress::Started { total: feeds.len() });
    let states: HashMap<String, FeedState> = store
        .feed_states()?
        .into_iter()
        .map(|s| (s.url.clone(), s))
        .collect();
    let mut summary = FetchSummary::default();
    let now = Utc::now();
    let (asked, skipped): (Vec<_>, Vec<_>) = feeds
        .into_iter()
        .partition(|f| schedule::wanted(states.get(&f.url), now, job.mode));
    for f in skipped {
        let state = states.get(&f.url);
        let report = FeedReport {
            title: f
                .title
                .clone()
                .or_else(|| state.and_then(|s| s.title.clone())),
            url: f.url,
            new_articles: 0,
            new_events: 0,
            outcome: FeedOutcome::Skipped,
            next_fetch_at: state.and_then(|s| s.next_fetch_at.clone()),
            failures: state.map_or(0, |s| s.consecutive_failures),
        };
        summary.skipped += 1;
        record(&mut summary, report, progress);
    }
    let mut refresh_id = None;
    if !asked.is_empty() {
        refresh_id = Some(store.refresh_started()?);
        summary.started_at = store.last_refresh()?.map(|r| r.started_at);
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let fetcher = {
            let _guard = rt.enter();
            Arc::new(Fetcher::new(opts)?)
        };
        let (tx, mut rx) = tokio::sync::mpsc::channel::<ToWriter>(64);
        for f in asked {
            let state = states.get(&f.url);
            let validators = Validators {
                etag: state.and_then(|s| s.etag.clone()),
                last_modified: state.and_then(|s| s.last_modified.clone()),
            };
            rt.spawn(task::run(fetcher.clone(), f, validators, tx.clone()));
        }
        drop(tx);
        // Feeds that finish while the last batch was being stored are
        // stored together, so a first fetch of many feeds rebuilds the
        // timeline a few times rather than once a feed.
        while let Some(first) = rx.blocking_recv() {
            let mut batch = Vec::new();
            let mut next = Some(first);
            while let Some(msg) = next.take() {
                match msg {
                    ToWriter::Known { items, reply } => {
                        let _ = reply.send(writer::known_in_full(&store, &items));
                    }
                    ToWriter::Done(result) => batch.push(*result),
                }
                if batch.len() < writer::MAX_BATCH {
                    next = rx.try_recv().ok();
                }
            }
            if !batch.is_empty() {
                for report in writer::store_batch(&mut store, &job.rules, opts, &states, batch)? {
                    record(&mut summary, report, progress);
                }
            }
        }
        rt.shutdown_timeout(Duration::from_secs(1));
    }
    if let Some(id) = refresh_id {
        store.refresh_finished(
            id,
            summary.feeds.len() - summary.skipped,
            summary.skipped,
            summary.new_events,
        )?;
    }
    // the summary lists feeds in the user's order, not the order they finished
    let order: HashMap<&str, usize> = feeds_order
        .iter()
        .enumerate()
        .map(|(i, u)| (u.as_str(), i))
        .collect();
    summary
        .feeds
        .sort_by_key(|r| order.get(r.url.as_str()).copied().unwrap_or(usize::MAX));
    summary.elapsed = started.elapsed();
    let _ = progress.send(FetchProgress::Finished(summary.clone()));
    Ok(summary)
}

fn unique(feeds: &[FeedConfig]) -> Vec<FeedConfig> {
    let mut seen = HashSet::new();
    feeds
        .iter()
        .filter(|f| seen.insert(f.url.clone()))
        .cloned()
        .collect()
}

fn record(summary: &mut FetchSummary, report: FeedReport, progress: &Sender<FetchProgress>) {
    summary.new_articles += report.new_articles;
    summary.new_events += report.new_events;
    if matches!(report.outcome, FeedOutcome::Failed(_)) {
        summary.failed += 1;
    }
    let _ = progress.send(FetchProgress::FeedDone(report.clone()));
    summary.feeds.push(report);
}
