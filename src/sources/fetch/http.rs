//! HTTP, politely and defensively: bounded concurrency overall and per
//! host, connect and total timeouts, a body cap enforced while streaming
//! (after gzip/deflate/brotli decoding, so a compression bomb stops at the
//! cap), a redirect cap, bounded retries with back-off on timeouts, 5xx and
//! 429 (honouring `Retry-After`), conditional GET, and a `User-Agent` that
//! names dateline.

use super::schedule::parse_retry_after;
use super::FetchOptions;
use crate::text;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::StatusCode;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;
use tokio::sync::Semaphore;

/// Why one download failed; each renders as one short line.
#[derive(Debug, Error)]
pub enum HttpError {
    #[error("url '{0}' is not http or https")]
    BadUrl(String),
    #[error("timed out after {:.1} s", .0.as_secs_f64())]
    Timeout(Duration),
    #[error("HTTP {status}{}", retry_after.map(|d| format!(" (retry after {} s)", d.as_secs())).unwrap_or_default())]
    Status {
        status: StatusCode,
        retry_after: Option<Duration>,
    },
    #[error("body larger than {} KiB", .0 / 1024)]
    TooLarge(usize),
    #[error("redirect loop or more than {0} redirects")]
    Redirects(usize),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("{0}")]
    Other(String),
}

impl HttpError {
    /// Whether trying again soon may help.
    fn retryable(&self) -> bool {
        match self {
            HttpError::Timeout(_) | HttpError::Connect(_) => true,
            HttpError::Status { status, .. } => {
                status.is_server_error() || *status == StatusCode::TOO_MANY_REQUESTS
            }
            _ => false,
        }
    }

    /// How long the server asked us to stay away, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            HttpError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// The validators of an earlier response, sent back on a conditional GET.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A body that arrived whole, within the limits.
#[derive(Debug, Clone)]
pub struct Body {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    /// Where the body came from after redirects.
    pub final_url: String,
    pub validators: Validators,
}

/// What a GET brought back.
#[derive(Debug)]
pub enum Got {
    /// `304`: the copy we have is current.
    NotModified,
    Body(Body),
}

/// The shared client and the concurrency limits of one refresh.
pub struct Fetcher {
    client: reqwest::Client,
    opts: FetchOptions,
    all: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// The ring crypto provider is installed once per process; a second
/// install attempt (by us or anyone else) is harmless.
fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

impl Fetcher {
    pub fn new(opts: &FetchOptions) -> Result<Fetcher, HttpError> {
        install_crypto();
        let max_redirects = opts.max_redirects;
        let client = reqwest::Client::builder()
            .user_agent(opts.user_agent.clone())
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.timeout)
            .read_timeout(opts.timeout)
            .redirect(reqwest::redirect::Policy::limited(max_redirects))
            .pool_max_idle_per_host(opts.per_host.max(1))
            .tls_backend_rustls()
            .build()
            .map_err(|e| HttpError::Other(format!("cannot set up HTTP: {e}")))?;
        Ok(Fetcher {
            client,
            opts: opts.clone(),
            all: Arc::new(Semaphore::new(opts.concurrency.max(1))),
            hosts: Mutex::new(HashMap::new()),
        })
    }

    /// The body cap of every download.
    pub fn max_body(&self) -> usize {
        self.opts.max_body
    }

    /// The time one feed's article pages get in all.
    pub fn page_budget(&self) -> std::time::Duration {
        self.opts.page_budget
    }

    /// How many downloads may run at once against one host.
    pub fn per_host(&self) -> usize {
        self.opts.per_host
    }

    fn host_limit(&self, host: &str) -> Arc<Semaphore> {
        let mut hosts = match self.hosts.lock() {
            Ok(h) => h,
            Err(poisoned) => poisoned.into_inner(),
        };
        hosts
            .entry(host.to_string())
            .or_insert_with(|| Arc::new(Semaphore::new(self.opts.per_host.max(1))))
            .clone()
    }

    /// GETs `url`, conditionally when validators are given, retrying what
    /// may pass (timeouts, 5xx, 429) a bounded number of times.
    pub async fn get(
        &self,
        url: &str,
        accept: &str,
        validators: &Validators,
    ) -> Result<Got, HttpError> {
        let parsed = url::Url::parse(url).map_err(|_| HttpError::BadUrl(text::clean_line(url)))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(HttpError::BadUrl(text::clean_line(url)));
        }
        let host = parsed.host_str().unwrap_or_default().to_string();
        // one budget for the url, from its first turn to download (time
        // queued behind other feeds does not count): attempts and the
        // waits between them
        let mut started: Option<tokio::time::Instant> = None;
        let out_of_time = || HttpError::Timeout(self.opts.deadline);
        let mut attempt = 0;
        loop {
            let result = {
                let _host = self.host_limit(&host).acquire_owned().await;
                let _all = self.all.clone().acquire_owned().await;
                let deadline =
                    *started.get_or_insert_with(tokio::time::Instant::now) + self.opts.deadline;
                let left = deadline.saturating_duration_since(tokio::time::Instant::now());
                if left.is_zero() {
                    return Err(out_of_time());
                }
                let once = self.get_once(parsed.clone(), accept, validators);
                // the client's own timeout covers one attempt, body too;
                // this one also bounds anything it might miss, and the
                // whole budget
                let limit = left.min(self.opts.timeout + Duration::from_secs(1));
                match tokio::time::timeout(limit, once).await {
                    Ok(r) => r,
                    Err(_) if limit == left => Err(out_of_time()),
                    Err(_) => Err(HttpError::Timeout(self.opts.timeout)),
                }
            };
            match result {
                Err(e) if e.retryable() && attempt < self.opts.retries => {
                    let backoff = self.opts.retry_backoff.saturating_mul(1 << attempt.min(8));
                    let wait = match e.retry_after() {
                        Some(asked) if asked > self.opts.max_retry_wait => return Err(e),
                        Some(asked) => asked.max(backoff),
                        None => backoff,
                    };
                    // no time left to wait and try again: this error stands
                    let deadline =
                        started.unwrap_or_else(tokio::time::Instant::now) + self.opts.deadline;
                    let left = deadline.saturating_duration_since(tokio::time::Instant::now());
                    if wait >= left {
                        return Err(e);
                    }
                    attempt += 1;
                    tokio::time::sleep(wait).await;
                }
                other => return other,
            }
        }
    }

    async fn get_once(
        &self,
        url: url::Url,
        accept: &str,
        validators: &Validators,
    ) -> Result<Got, HttpError> {
        let mut req = self.client.get(url).header(header::ACCEPT, accept);
        if let Some(etag) = &validators.etag {
            req = req.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header(header::IF_MODIFIED_SINCE, lm);
        }
        let mut resp = req.send().await.map_err(|e| self.classify(e))?;
        let status = resp.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Got::NotModified);
        }
        if !status.is_success() {
            let retry_after = header_str(resp.headers(), header::RETRY_AFTER)
                .and_then(|v| parse_retry_after(&v, std::time::SystemTime::now()));
            return Err(HttpError::Status {
                status,
                retry_after,
            });
        }
        let max = self.opts.max_body;
        let encoded = resp.headers().contains_key(header::CONTENT_ENCODING);
        if let Some(len) = resp.content_length() {
            if !encoded && len > max as u64 {
                return Err(HttpError::TooLarge(max));
            }
        }
        let headers = resp.headers().clone();
        let final_url = resp.url().to_string();
        let declared = resp.content_length().filter(|_| !encoded).unwrap_or(0) as usize;
        let mut bytes = Vec::with_capacity(declared.min(max));
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.classify(e))? {
            let need = bytes.len() + chunk.len();
            if need > max {
                return Err(HttpError::TooLarge(max));
            }
            if need > bytes.capacity() {
                // grow by doubling, but never past the cap
                let want = need.max(bytes.capacity() * 2).max(16 * 1024).min(max);
                bytes.reserve_exact(want - bytes.len());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Got::Body(Body {
            bytes,
            content_type: header_str(&headers, header::CONTENT_TYPE),
            final_url,
            validators: Validators {
                etag: header_str(&headers, header::ETAG),
                last_modified: header_str(&headers, header::LAST_MODIFIED),
            },
        }))
    }

    fn classify(&self, e: reqwest::Error) -> HttpError {
        if e.is_timeout() {
            HttpError::Timeout(self.opts.timeout)
        } else if e.is_redirect() {
            HttpError::Redirects(self.opts.max_redirects)
        } else if e.is_connect() {
            HttpError::Connect(text::clean_line(&innermost(&e)))
        } else if e.is_decode() {
            HttpError::Other(format!(
                "cannot decode the body: {}",
                text::clean_line(&innermost(&e))
            ))
        } else {
            HttpError::Other(text::clean_line(&innermost(&e)))
        }
    }
}

fn header_str(h: &HeaderMap, name: header::HeaderName) -> Option<String> {
    h.get(name)
        .map(HeaderValue::as_bytes)
        .map(String::from_utf8_lossy)
        .map(|v| text::clean_line(&v))
        .filter(|v| !v.is_empty())
}

/// The most specific message of an error chain (reqwest's own top line
/// repeats the url).
fn innermost(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}
