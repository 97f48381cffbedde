//! When a feed may be fetched again. A feed fetched a moment ago is left
//! alone, and a failing feed waits longer after each failure (doubling, up
//! to a cap) instead of being hammered; a server's `Retry-After` wins when
//! it asks for longer. Pure: "now" is always an argument.

use crate::store::FeedState;
use chrono::{DateTime, Duration as ChronoDuration, Utc};
use std::time::Duration;

/// How long to wait before the next fetch of a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// After a success: the least time between two fetches of one feed.
    pub min_interval: Duration,
    /// After the first failure; doubled after each further one.
    pub first_failure: Duration,
    /// The longest wait after failures.
    pub max_failure: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            min_interval: Duration::from_secs(60),
            first_failure: Duration::from_secs(5 * 60),
            max_failure: Duration::from_secs(12 * 60 * 60),
        }
    }
}

impl Backoff {
    /// The wait after `failures` consecutive failures (0 = after a success),
    /// at least `retry_after` when the server asked for one.
    pub fn wait(&self, failures: i64, retry_after: Option<Duration>) -> Duration {
        let base = if failures <= 0 {
            self.min_interval
        } else {
            let doublings = (failures - 1).clamp(0, 20) as u32;
            self.first_failure
                .saturating_mul(1u32 << doublings)
                .min(self.max_failure)
        };
        base.max(retry_after.unwrap_or_default())
    }

    /// When the feed may next be fetched, `now` being the end of this fetch.
    pub fn next_fetch(
        &self,
        now: DateTime<Utc>,
        failures: i64,
        retry_after: Option<Duration>,
    ) -> DateTime<Utc> {
        let wait = self.wait(failures, retry_after);
        now + ChronoDuration::from_std(wait).unwrap_or(ChronoDuration::MAX)
    }
}

/// Whether a feed with this stored state may be fetched at `now`. A state
/// without a (readable) next time is due.
pub fn is_due(state: Option<&FeedState>, now: DateTime<Utc>) -> bool {
    state
        .and_then(|s| s.next_fetch_at.as_deref())
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .is_none_or(|next| next.with_timezone(&Utc) <= now)
}

/// Which feeds a refresh asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Those whose next time has come: the TUI's interval refresh. A feed
    /// fetched a moment ago is left alone.
    #[default]
    Due,
    /// The user asked (`r`, `dateline fetch`): every feed except those
    /// backing off after failures.
    Explicit,
    /// Every feed, backing off or not (`dateline fetch --force`).
    Force,
}

/// Whether a feed is fetched by a refresh of this mode at `now`.
pub fn wanted(state: Option<&FeedState>, now: DateTime<Utc>, mode: Mode) -> bool {
    match mode {
        Mode::Force => true,
        Mode::Due => is_due(state, now),
        Mode::Explicit => state.is_none_or(|s| s.consecutive_failures <= 0) || is_due(state, now),
    }
}

/// Seconds or an HTTP date, as a `Retry-After` header gives it.
pub fn parse_retry_after(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(v).ok()?;
    Some(when.duration_since(now).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("test time")
            .with_timezone(&Utc)
    }

    #[test]
    fn failures_double_the_wait_up_to_the_cap() {
        let b = Backoff::default();
        assert_eq!(b.wait(0, None), Duration::from_secs(60));
        assert_eq!(b.wait(1, None), Duration::from_secs(300));
        assert_eq!(b.wait(2, None), Duration::from_secs(600));
        assert_eq!(b.wait(3, None), Duration::from_secs(1200));
        assert_eq!(b.wait(50, None), Duration::from_secs(12 * 3600));
        assert_eq!(
            b.wait(1, Some(Duration::from_secs(3600))),
            Duration::from_secs(3600),
            "a longer Retry-After wins"
        );
        assert_eq!(b.wait(2, Some(Duration::from_secs(1))), b.wait(2, None));
    }

    #[test]
    fn a_feed_is_due_once_its_next_time_has_passed() {
        let now = at("2026-07-01T12:00:00Z");
        assert!(is_due(None, now));
        let mut s = FeedState {
            url: "https://a.example/rss".into(),
            ..Default::default()
        };
        assert!(is_due(Some(&s), now));
        s.next_fetch_at = Some(Backoff::default().next_fetch(now, 2, None).to_rfc3339());
        assert!(!is_due(Some(&s), now));
        assert!(!is_due(Some(&s), at("2026-07-01T12:09:59Z")));
        assert!(is_due(Some(&s), at("2026-07-01T12:10:00Z")));
        s.next_fetch_at = Some("garbage".into());
        assert!(is_due(Some(&s), now));
    }

    #[test]
    fn an_explicit_refresh_asks_every_feed_not_backing_off() {
        let now = at("2026-07-01T12:00:00Z");
        let fresh = FeedState {
            url: "https://a.example/rss".into(),
            next_fetch_at: Some(Backoff::default().next_fetch(now, 0, None).to_rfc3339()),
            ..Default::default()
        };
        let failing = FeedState {
            consecutive_failures: 1,
            next_fetch_at: Some(Backoff::default().next_fetch(now, 1, None).to_rfc3339()),
            ..fresh.clone()
        };
        let table = [
            (None, Mode::Due, true),
            (None, Mode::Explicit, true),
            (Some(&fresh), Mode::Due, false),
            (Some(&fresh), Mode::Explicit, true),
            (Some(&fresh), Mode::Force, true),
            (Some(&failing), Mode::Due, false),
            (Some(&failing), Mode::Explicit, false),
            (Some(&failing), Mode::Force, true),
        ];
        for (state, mode, want) in table {
            assert_eq!(wanted(state, now, mode), want, "{state:?} {mode:?}");
        }
        let later = at("2026-07-01T12:05:00Z");
        assert!(
            wanted(Some(&failing), later, Mode::Explicit),
            "its wait is over"
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = httpdate::parse_http_date("Wed, 01 Jul 2026 12:00:00 GMT").expect("date");
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 01 Jul 2026 12:05:00 GMT", now),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            parse_retry_after("Wed, 01 Jul 2026 11:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
