//! The pipeline's glue: articles into the store, extraction over the new
//! ones, and the timeline rebuilt from every mention and decision. The CLI,
//! the fetcher and the TUI's refresh all come through here.
//!
//! Ingest is one recoverable story. Articles and their mentions commit in
//! short batches (extraction runs before the write lock is taken, so other
//! processes wait milliseconds, not seconds); every such write marks the
//! timeline as needing a rebuild in the same transaction (migration 003),
//! and the rebuild clears the mark in the transaction that writes the
//! events. A process killed anywhere in between leaves the mark, and the
//! next command, any command, completes the rebuild before it answers
//! ([`complete_pending`]).

mod batches;

pub use batches::BATCH;

use crate::extract::Rules;
use crate::fault;
use crate::model::Article;
use crate::store::{url_key, Store, StoreError};
use crate::timeline;

/// What one ingest did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub new_articles: usize,
    pub updated_articles: usize,
    /// How many of the given articles were committed (all of them unless
    /// the ingest failed part way).
    pub stored_articles: usize,
    pub events_before: usize,
    pub events_after: usize,
}

impl IngestReport {
    pub fn new_events(&self) -> usize {
        self.events_after.saturating_sub(self.events_before)
    }
}

/// Rebuild attempts that build outside the write lock; the last one holds
/// it throughout, so a rebuild always ends.
const REBUILD_TRIES: usize = 3;

/// Stores the articles, extracts what is new or changed, and rebuilds the
/// timeline once at the end.
pub fn ingest(
    store: &mut Store,
    rules: &Rules,
    articles: &[Article],
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    ingest_counted(store, rules, [articles], &mut report)?;
    Ok(report)
}

/// As [`ingest`], over articles that arrive a batch at a time (one feed
/// file's items, a page of generated ones), so that an import never holds
/// its whole input: each batch is stored as it comes, and the timeline is
/// rebuilt once after the last. Fills `report` as it goes, so that after an
/// error it tells how much was stored.
pub fn ingest_counted<B: AsRef<[Article]>>(
    store: &mut Store,
    rules: &Rules,
    input: impl IntoIterator<Item = B>,
    report: &mut IngestReport,
) -> Result<(), StoreError> {
    let _lease = store.writer_lease();
    report.events_before = store.event_count()? as usize;
    // one bulk cache for the articles' writes and the rebuild after them
    batches::with_bulk_cache(store, |store| {
        batches::with_workers(rules, |workers| -> Result<(), StoreError> {
            for given in input {
                let given = given.as_ref();
                let articles = last_of_each_page(given);
                batches::store_articles(store, workers, rules, &articles, report)?;
                // an earlier version of a page that its last one replaced
                // counts as stored with it
                report.stored_articles += given.len() - articles.len();
            }
            Ok(())
        })?;
        if store.rebuild_pending()? || report.events_before == 0 {
            rebuild_with(store, rules)?;
        }
        Ok(())
    })?;
    report.events_after = store.event_count()? as usize;
    Ok(())
}

/// Rebuilds the derived timeline from the stored mentions and decisions.
///
/// What it is built from is read in one snapshot and built without the
/// write lock; the events are written, and the pending mark cleared, only
/// if nothing was written meanwhile (else it tries again, the last time
/// holding the write lock throughout). Returns the number of events.
pub fn rebuild(store: &mut Store, rules: &Rules) -> Result<usize, StoreError> {
    // writing every event of a first build (or a reindex) is a bulk write
    batches::with_bulk_cache(store, |store| rebuild_with(store, rules))
}

/// [`rebuild`] within a caller's bulk cache.
fn rebuild_with(store: &mut Store, rules: &Rules) -> Result<usize, StoreError> {
    let entities = rules.entity_table();
    for _ in 1..REBUILD_TRIES {
        let (state, mentions, decisions) =
            store.snapshot(|s| Ok((s.timeline_state()?, s.mentions()?, s.decisions()?)))?;
        let events = build_events(rules, &mentions, &decisions);
        fault::point("rebuild: built, not written");
        let written = store.batch(|s| -> Result<bool, StoreError> {
            if s.timeline_state()?.changes != state.changes {
                return Ok(false);
            }
            s.replace_built(&events, &entities, &mentions)?;
            s.mark_built(state.changes)?;
            fault::point("rebuild: written, not committed");
            Ok(true)
        })?;
        if written {
            fault::point("rebuild: committed");
            return Ok(events.len());
        }
    }
    let n = store.batch(|s| -> Result<usize, StoreError> {
        let state = s.timeline_state()?;
        let mentions = s.mentions()?;
        let events = build_events(rules, &mentions, &s.decisions()?);
        s.replace_built(&events, &entities, &mentions)?;
        s.mark_built(state.changes)?;
        Ok(events.len())
    })?;
    fault::point("rebuild: committed");
    Ok(n)
}

/// Completes a rebuild that an interrupted command left pending, unless a
/// live process is in the middle of writing (it rebuilds when it ends).
/// Returns true when it rebuilt.
pub fn complete_pending(store: &mut Store, rules: &Rules) -> Result<bool, StoreError> {
    if !store.rebuild_pending()? || store.writer_active() {
        return Ok(false);
    }
    rebuild(store, rules)?;
    Ok(true)
}

/// Re-runs extraction over every stored article, then rebuilds. The
/// archive is read a page at a time and mentions are replaced in short
/// batches; an interruption leaves the rebuild pending, and a second run
/// starts over. Returns (articles re-extracted, events).
pub fn reindex(store: &mut Store, rules: &Rules) -> Result<(usize, usize), StoreError> {
    let _lease = store.writer_lease();
    batches::with_bulk_cache(store, |store| {
        let articles = batches::reextract_all(store, rules)?;
        let n = rebuild_with(store, rules)?;
        Ok((articles, n))
    })
}

/// Items of one feed that share a link are one page: the feed's last word on
/// it stands, and the others are left out, so a second import of the same
/// feed finds nothing to change instead of replaying each version in turn.
/// Applied to each batch given to [`ingest_counted`] (for `import`, each
/// file).
fn last_of_each_page(articles: &[Article]) -> Vec<&Article> {
    fn page(a: &Article) -> Option<(&str, String)> {
        a.feed_url.as_deref().map(|f| (f, url_key(&a.url)))
    }
    let mut last = std::collections::HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(key) = page(a) {
            last.insert(key, i);
        }
    }
    articles
        .iter()
        .enumerate()
        .filter(|(i, a)| page(a).is_none_or(|key| last.get(&key) == Some(i)))
        .map(|(_, a)| a)
        .collect()
}

/// The timeline from these mentions and decisions, with the user's entities
/// in the merger's country table too.
fn build_events(
    rules: &Rules,
    mentions: &[crate::model::MentionRecord],
    decisions: &[crate::model::Decision],
) -> Vec<crate::model::Event> {
    if rules.version == crate::extract::nations::Nations::builtin_version() {
        timeline::build(mentions, decisions)
    } else {
        timeline::build_with(
            mentions,
            decisions,
            &crate::extract::nations::Nations::from_rules(rules),
        )
    }
}
