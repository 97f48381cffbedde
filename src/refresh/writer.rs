//! The database side of a refresh, on the thread that owns the only
//! connection: which teaser items are already stored in full, and each
//! finished feed's articles and state written.
//!
//! Feeds that finish together are stored as one batch through
//! [`pipeline::ingest`], so the timeline is rebuilt once per batch rather
//! than once per feed. A feed's new articles are counted by looking each
//! up before the batch is stored; the batch's new events are shared out
//! among its feeds by their new articles (exact for a batch of one feed,
//! which is the usual case after the first fetch).

use super::{FeedOutcome, FeedReport};
use crate::extract::Rules;
use crate::model::Article;
use crate::pipeline;
use crate::sources::fetch::task::{FeedResult, Outcome};
use crate::sources::fetch::FetchOptions;
use crate::store::{FeedState, Store};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

/// The most feeds stored in one batch.
pub(super) const MAX_BATCH: usize = 32;

/// For each (url, text length): was the page already read? It was when
/// the article is stored with more text than the feed gives, or with the
/// canonical url only a page supplies.
pub(super) fn known_in_full(store: &Store, items: &[(String, usize)]) -> Vec<bool> {
    items
        .iter()
        .map(|(url, len)| {
            matches!(store.article_by_url(url), Ok(Some(a))
                if a.article.text.chars().count() > len + 40 || a.article.canonical_url.is_some())
        })
        .collect()
}

/// Stores a batch of finished feeds; returns their reports in order.
pub(super) fn store_batch(
    store: &mut Store,
    rules: &Rules,
    opts: &FetchOptions,
    states: &HashMap<String, FeedState>,
    batch: Vec<FeedResult>,
) -> anyhow::Result<Vec<FeedReport>> {
    let now = Utc::now();
    let mut reports = Vec::with_capacity(batch.len());
    let mut feed_states = Vec::with_capacity(batch.len());
    let mut articles: Vec<Article> = Vec::new();
    let mut seen = HashSet::new();
    for FeedResult { feed, outcome } in batch {
        let mut state = states.get(&feed.url).cloned().unwrap_or_else(|| FeedState {
            url: feed.url.clone(),
            ..Default::default()
        });
        state.last_fetch_at = Some(now.to_rfc3339());
        let mut report = FeedReport {
            url: feed.url.clone(),
            title: feed.title.clone().or_else(|| state.title.clone()),
            new_articles: 0,
            new_events: 0,
            outcome: FeedOutcome::NotModified,
            next_fetch_at: None,
            failures: state.consecutive_failures,
        };
        match outcome {
            Outcome::NotModified => {
                state.last_status = Some(304);
                succeeded(&mut state, opts, now);
            }
            Outcome::Updated {
                title,
                articles: items,
                validators,
                page_errors,
            } => {
                for mut a in items {
                    a.feed_url = Some(feed.url.clone());
                    let fresh = store.article_by_url(&a.url)?.is_none()
                        && a.canonical_url
                            .as_deref()
                            .map_or(Ok(true), |c| store.article_by_url(c).map(|x| x.is_none()))?;
                    if fresh && seen.insert(a.url.clone()) {
                        report.new_articles += 1;
                    }
                    articles.push(a);
                }
                report.outcome = FeedOutcome::Updated;
                if report.title.is_none() && !title.is_empty() {
                    report.title = Some(title.clone());
                }
                state.title = Some(title).filter(|t| !t.is_empty());
                state.etag = validators.etag;
                state.last_modified = validators.last_modified;
                state.last_status = Some(200);
                succeeded(&mut state, opts, now);
                if page_errors > 0 {
                    state.last_error = Some(format!(
                        "{page_errors} article pages could not be read; their teasers were kept"
                    ));
                }
            }
            Outcome::Failed { error, retry_after } => {
                state.last_status = None;
                state.last_error = Some(error.clone());
                state.consecutive_failures += 1;
                state.next_fetch_at = Some(
                    opts.backoff
                        .next_fetch(now, state.consecutive_failures, retry_after)
                        .to_rfc3339(),
                );
                report.outcome = FeedOutcome::Failed(error);
            }
        }
        reports.push(report);
        feed_states.push(state);
    }
    if !articles.is_empty() {
        let ingest = pipeline::ingest(store, rules, &articles)?;
        reconcile(&mut reports, ingest.new_articles, ingest.new_events());
    }
    for (report, mut state) in reports.iter_mut().zip(feed_states) {
        state.articles_seen += report.new_articles as i64;
        report.next_fetch_at = state.next_fetch_at.clone();
        store.save_feed_state(&state)?;
    }
    Ok(reports)
}

/// Makes the per-feed counts add up to what the store reported: new
/// articles trimmed from the last feeds if the look-ups over-counted, and
/// new events shared out by new articles (largest remainder).
fn reconcile(reports: &mut [FeedReport], new_articles: usize, new_events: usize) {
    let mut excess = reports
        .iter()
        .map(|r| r.new_articles)
        .sum::<usize>()
        .saturating_sub(new_articles);
    for r in reports.iter_mut().rev() {
        let cut = excess.min(r.new_articles);
        r.new_articles -= cut;
        excess -= cut;
    }
    let updated: Vec<usize> = (0..reports.len())
        .filter(|&i| reports[i].outcome == FeedOutcome::Updated)
        .collect();
    let Some(&first) = updated.first() else {
        return;
    };
    let weight: usize = updated.iter().map(|&i| reports[i].new_articles).sum();
    if weight == 0 {
        reports[first].new_events = new_events;
        return;
    }
    let mut given = 0;
    let mut remainders = Vec::new();
    for &i in &updated {
        let share = new_events * reports[i].new_articles;
        reports[i].new_events = share / weight;
        given += share / weight;
        remainders.push((share % weight, i));
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders.into_iter().take(new_events - given) {
        reports[i].new_events += 1;
    }
}

fn succeeded(state: &mut FeedState, opts: &FetchOptions, now: DateTime<Utc>) {
    state.last_success_at = Some(now.to_rfc3339());
    state.last_error = None;
    state.consecutive_failures = 0;
    state.next_fetch_at = Some(opts.backoff.next_fetch(now, 0, None).to_rfc3339());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(url: &str, new_articles: usize, outcome: FeedOutcome) -> FeedReport {
        FeedReport {
            url: url.into(),
            title: None,
            new_articles,
            new_events: 0,
            outcome,
            next_fetch_at: None,
            failures: 0,
        }
    }

    #[test]
    fn batch_counts_add_up_to_the_store_totals() {
        let mut r = vec![
            report("a", 3, FeedOutcome::Updated),
            report("b", 0, FeedOutcome::NotModified),
            report("c", 1, FeedOutcome::Updated),
            report("d", 2, FeedOutcome::Updated),
        ];
        reconcile(&mut r, 5, 7);
        let articles: Vec<_> = r.iter().map(|x| x.new_articles).collect();
        let events: Vec<_> = r.iter().map(|x| x.new_events).collect();
        assert_eq!(
            articles,
            vec![3, 0, 1, 1],
            "over-count trimmed from the end"
        );
        assert_eq!(events.iter().sum::<usize>(), 7);
        assert_eq!(
            events,
            vec![4, 0, 2, 1],
            "by share, ties to the earlier feed"
        );

        let mut only_updates = vec![report("a", 0, FeedOutcome::Updated)];
        reconcile(&mut only_updates, 0, 2);
        assert_eq!(
            only_updates[0].new_events, 2,
            "changed texts, no new articles"
        );
    }
}
