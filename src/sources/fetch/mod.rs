//! Getting the news from the network, like a good citizen: the feeds of
//! feeds.toml fetched concurrently within limits, conditionally (a `304`
//! costs nothing), teaser items completed from their pages, failing feeds
//! backed off, and every feed's result reported on its own, so one broken
//! feed never stops the others.
//!
//! [`refresh`] is the one entry point, for `dateline fetch` and the TUI's
//! background refresh alike: blocking, usable from a plain thread. It runs
//! the downloads on its own tokio runtime while the calling thread owns the
//! only database connection and stores each feed's articles as they come.
//! Call it from a plain thread, not from inside an async task:
//!
//! ```no_run
//! use dateline::sources::fetch::{refresh, FetchOptions, FetchProgress};
//! # fn demo(db: std::path::PathBuf, feeds: Vec<dateline::config::FeedConfig>) {
//! let (tx, rx) = std::sync::mpsc::channel();
//! let job = std::thread::spawn(move || refresh(&db, &feeds, &FetchOptions::default(), &tx));
//! for msg in rx {
//!     match msg {
//!         FetchProgress::Started { total } => println!("{total} feeds"),
//!         FetchProgress::FeedDone(r) => println!("{}: {:?}", r.url, r.outcome),
//!         FetchProgress::Finished(s) => println!("{} new articles", s.new_articles),
//!     }
//! }
//! let _ = job.join();
//! # }
//! ```

pub(crate) mod fulltext;
pub mod http;
pub mod schedule;
mod task;
mod writer;

pub use fulltext::{complete, parse_feed_body};
pub use schedule::Backoff;

use crate::config::FeedConfig;
use crate::extract::Rules;
use crate::store::{FeedState, Store};
use chrono::Utc;
use http::{Fetcher, Validators};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::{Duration, Instant};
use task::ToWriter;

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutcome {
    Updated,
    NotModified,
    /// Not fetched: fetched too recently, or backing off after failures.
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
    pub elapsed: Duration,
}

/// The limits of a refresh.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Downloads at once, over all hosts.
    pub concurrency: usize,
    /// Downloads at once against one host.
    pub per_host: usize,
    pub connect_timeout: Duration,
    /// For one whole request, body included.
    pub timeout: Duration,
    /// For one url in all: every attempt and every wait between attempts
    /// come out of this one budget, so a server that drip-feeds or keeps
    /// failing costs at most this long.
    pub deadline: Duration,
    /// The most bytes of one body, after decompression.
    pub max_body: usize,
    pub max_redirects: usize,
    /// Further attempts after a timeout, a 5xx or a 429.
    pub retries: u32,
    /// The wait before the first retry; doubled for each further one.
    pub retry_backoff: Duration,
    /// A longer `Retry-After` is not waited for in this refresh; the feed
    /// is tried again in a later one.
    pub max_retry_wait: Duration,
    pub user_agent: String,
    /// The time one feed's article pages get in all; pages not read by
    /// then keep their teasers until the next refresh.
    pub page_budget: Duration,
    /// When a feed may be fetched again.
    pub backoff: Backoff,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            concurrency: 16,
            per_host: 2,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            deadline: Duration::from_secs(60),
            max_body: 16 * 1024 * 1024,
            max_redirects: 5,
            retries: 2,
            retry_backoff: Duration::from_millis(500),
            max_retry_wait: Duration::from_secs(10),
            user_agent: user_agent(),
            page_budget: Duration::from_secs(90),
            backoff: Backoff::default(),
        }
    }
}

/// `dateline/VERSION (+homepage)`, so a publisher knows who is asking.
pub fn user_agent() -> String {
    format!(
        "dateline/{} (news timeline reader; +https://github.com/dateline-news/dateline)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Fetches every due feed, stores what is new, and reports each feed on
/// `progress` as it finishes. Errors only for what stops everything (the
/// database cannot be opened or written); a feed's failure is a report.
pub fn refresh(
    db: &Path,
    feeds: &[FeedConfig],
    opts: &FetchOptions,
    progress: &Sender<FetchProgress>,
) -> anyhow::Result<FetchSummary> {
    let started = Instant::now();
    let mut store = Store::open(db)?;
    let rules = Rules::builtin();
    let feeds = unique(feeds);
    let feeds_order: Vec<String> = feeds.iter().map(|f| f.url.clone()).collect();
    let _ = progress.send(FetchProgress::Started { total: feeds.len() });
    let states: HashMap<String, FeedState> = store
        .feed_states()?
        .into_iter()
        .map(|s| (s.url.clone(), s))
        .collect();
    let mut summary = FetchSummary::default();
    let now = Utc::now();
    let (due, skipped): (Vec<_>, Vec<_>) = feeds
        .into_iter()
        .partition(|f| schedule::is_due(states.get(&f.url), now));
    for f in skipped {
        let report = FeedReport {
            title: f
                .title
                .clone()
                .or_else(|| states.get(&f.url).and_then(|s| s.title.clone())),
            url: f.url,
            new_articles: 0,
            new_events: 0,
            outcome: FeedOutcome::Skipped,
        };
        record(&mut summary, report, progress);
    }
    if !due.is_empty() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let fetcher = {
            let _guard = rt.enter();
            Arc::new(Fetcher::new(opts)?)
        };
        let (tx, mut rx) = tokio::sync::mpsc::channel::<ToWriter>(64);
        for f in due {
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
                for report in writer::store_batch(&mut store, &rules, opts, &states, batch)? {
                    record(&mut summary, report, progress);
                }
            }
        }
        rt.shutdown_timeout(Duration::from_secs(1));
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
