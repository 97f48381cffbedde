//! Getting the news from the network, like a good citizen: feeds fetched
//! concurrently within limits, conditionally (a `304` costs nothing),
//! teaser items completed from their pages, and every failure reported as
//! a value, so one broken feed never stops the others.
//!
//! This module only fetches and parses: [`task::run`] does one feed's
//! network work and hands the result over a channel. Deciding which feeds
//! to fetch, storing what they bring and reporting on it is the refresh's
//! job, one level up in [`crate::refresh`], which calls this module, the
//! pipeline and the store. The refresh's types are re-exported here for
//! callers written before the move.

pub(crate) mod fulltext;
pub mod http;
pub mod schedule;
pub mod task;

pub use fulltext::{complete, parse_feed_body};
pub use schedule::Backoff;

pub use crate::refresh::{refresh, FeedOutcome, FeedReport, FetchProgress, FetchSummary};

use std::time::Duration;

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
