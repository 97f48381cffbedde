//! One feed's network work, on the async runtime: the conditional GET of
//! the feed, parsing off the async threads, and the article pages of its
//! teaser items. It owns no database; it asks the writer which items are
//! already stored in full, and hands its result back as a message.

use super::fulltext;
use super::http::{Fetcher, Got, HttpError, Validators};
use crate::config::FeedConfig;
use crate::model::Article;
use crate::text;
use futures_util::stream::{self, StreamExt};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

const FEED_ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/// What a feed task tells the writer.
pub enum ToWriter {
    /// Which of these urls are stored with more text than the feed gave
    /// (by position: `true` = no need to fetch the page).
    Known {
        items: Vec<(String, usize)>,
        reply: oneshot::Sender<Vec<bool>>,
    },
    Done(Box<FeedResult>),
}

/// The end of one feed's fetch.
pub struct FeedResult {
    pub feed: FeedConfig,
    pub outcome: Outcome,
}

pub enum Outcome {
    NotModified,
    Updated {
        title: String,
        articles: Vec<Article>,
        validators: Validators,
        /// Pages that could not be read (the teaser was kept).
        page_errors: usize,
    },
    Failed {
        error: String,
        retry_after: Option<Duration>,
    },
}

/// Fetches one feed and reports to the writer. Never panics the runtime on
/// bad input: every failure becomes an `Outcome::Failed`.
pub async fn run(
    fetcher: Arc<Fetcher>,
    feed: FeedConfig,
    validators: Validators,
    tx: mpsc::Sender<ToWriter>,
) {
    // run apart, so that even a panic deep in a library is this feed's
    // failure and not a feed missing from the summary
    let (f, t) = (feed.clone(), tx.clone());
    let work = tokio::spawn(async move { fetch(&fetcher, &f, &validators, &t).await });
    let outcome = match work.await {
        Ok(Ok(o)) => o,
        Ok(Err(e)) => Outcome::Failed {
            retry_after: e.retry_after(),
            error: text::clean_line(&e.to_string()),
        },
        Err(e) => Outcome::Failed {
            retry_after: None,
            error: format!(
                "internal error while fetching: {}",
                text::clean_line(&e.to_string())
            ),
        },
    };
    let _ = tx
        .send(ToWriter::Done(Box::new(FeedResult { feed, outcome })))
        .await;
}

async fn fetch(
    fetcher: &Fetcher,
    feed: &FeedConfig,
    validators: &Validators,
    tx: &mpsc::Sender<ToWriter>,
) -> Result<Outcome, HttpError> {
    let body = if feed.url.starts_with("file:") {
        read_file(&feed.url, fetcher.max_body()).await?
    } else {
        match fetcher.get(&feed.url, FEED_ACCEPT, validators).await? {
            Got::NotModified => return Ok(Outcome::NotModified),
            Got::Body(b) => b,
        }
    };
    let url = feed.url.clone();
    let ct = body.content_type.clone();
    let bytes = body.bytes;
    let parsed =
        tokio::task::spawn_blocking(move || fulltext::parse_feed_body(&bytes, ct.as_deref(), &url))
            .await
            .map_err(|e| HttpError::Other(format!("feed parser stopped: {e}")))?
            .map_err(HttpError::Other)?;
    let wants_pages = feed.fulltext != Some(false);
    let mut articles = Vec::with_capacity(parsed.items.len());
    let mut todo = Vec::new();
    for item in parsed.items {
        let page = wants_pages
            && item.linked
            && (feed.fulltext == Some(true) || item.teaser)
            && item.article.url.starts_with("http");
        if page {
            todo.push(articles.len());
        }
        articles.push(item.article);
    }
    let mut page_errors = 0;
    if !todo.is_empty() {
        let (reply, answer) = oneshot::channel();
        let items = todo
            .iter()
            .map(|&i| (articles[i].url.clone(), articles[i].text.chars().count()))
            .collect();
        let known = if tx.send(ToWriter::Known { items, reply }).await.is_ok() {
            answer.await.unwrap_or_default()
        } else {
            Vec::new()
        };
        let todo: Vec<usize> = todo
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !known.get(*k).copied().unwrap_or(false))
            .map(|(_, i)| i)
            .collect();
        let per_feed = fetcher.per_host().max(1) * 2;
        let wanted = todo.len();
        let jobs: Vec<(usize, Article)> = todo.iter().map(|&i| (i, articles[i].clone())).collect();
        let mut pages = stream::iter(jobs)
            .map(|(i, item)| async move { (i, complete(fetcher, item).await) })
            .buffer_unordered(per_feed);
        // one feed's pages get a bounded time in all, so a slow site cannot
        // hold the refresh; pages not read by then are tried next time
        let deadline = tokio::time::Instant::now() + fetcher.page_budget();
        let mut finished = 0;
        while let Ok(Some((i, full))) = tokio::time::timeout_at(deadline, pages.next()).await {
            finished += 1;
            match full {
                Ok(Some(a)) => articles[i] = a,
                Ok(None) => {}
                Err(()) => page_errors += 1,
            }
        }
        page_errors += wanted - finished;
    }
    Ok(Outcome::Updated {
        title: parsed.title,
        articles,
        validators: body.validators,
        page_errors,
    })
}

/// The item completed from its page; `Ok(None)` when the page adds
/// nothing, `Err` when it could not be fetched or read (the teaser is then
/// kept).
async fn complete(fetcher: &Fetcher, item: Article) -> Result<Option<Article>, ()> {
    let Ok(Got::Body(page)) = fetcher
        .get(&item.url, PAGE_ACCEPT, &Validators::default())
        .await
    else {
        return Err(());
    };
    tokio::task::spawn_blocking(move || {
        fulltext::complete(&item, &page.bytes, page.content_type.as_deref()).map_err(|_| ())
    })
    .await
    .map_err(|_| ())?
}

/// A `file://` feed (allowed in feeds.toml), read within the same cap.
async fn read_file(url: &str, max: usize) -> Result<super::http::Body, HttpError> {
    let path = url::Url::parse(url)
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .ok_or_else(|| HttpError::BadUrl(text::clean_line(url)))?;
    let owned = url.to_string();
    tokio::task::spawn_blocking(move || {
        use std::io::Read;
        let f = std::fs::File::open(&path)
            .map_err(|e| HttpError::Other(format!("{}: {e}", path.display())))?;
        let mut bytes = Vec::new();
        f.take(max as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| HttpError::Other(format!("{}: {e}", path.display())))?;
        if bytes.len() > max {
            return Err(HttpError::TooLarge(max));
        }
        Ok(super::http::Body {
            bytes,
            content_type: None,
            final_url: owned,
            validators: Validators::default(),
        })
    })
    .await
    .map_err(|e| HttpError::Other(format!("file reader stopped: {e}")))?
}
