//! The pipeline's glue: articles into the store, extraction over the new
//! ones, and the timeline rebuilt from every mention and decision. The CLI,
//! the fetcher and the TUI's refresh all come through here.

use crate::extract::{self, Rules};
use crate::model::Article;
use crate::store::{Store, StoreError};
use crate::timeline;

/// What one ingest did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub new_articles: usize,
    pub updated_articles: usize,
    pub events_before: usize,
    pub events_after: usize,
}

impl IngestReport {
    pub fn new_events(&self) -> usize {
        self.events_after.saturating_sub(self.events_before)
    }
}

const BATCH: usize = 500;

/// Stores the articles, extracts what is new or changed, and rebuilds the
/// timeline once at the end.
pub fn ingest(
    store: &mut Store,
    rules: &Rules,
    articles: &[Article],
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport {
        events_before: store.event_count()? as usize,
        ..Default::default()
    };
    let mut touched = false;
    // commit in batches: fast, and a failure loses at most its own batch
    for chunk in articles.chunks(BATCH) {
        store.batch(|store| -> Result<(), StoreError> {
            for a in chunk {
                let up = store.upsert_article(a)?;
                if up.inserted {
                    report.new_articles += 1;
                } else if up.changed {
                    report.updated_articles += 1;
                }
                if up.changed {
                    // a new article is extracted as given; a changed one as
                    // stored, since the store merges what it already had
                    let mentions = if up.inserted {
                        extract::extract(a, rules)
                    } else {
                        let stored = store.article(up.id)?.map(|s| s.article);
                        extract::extract(stored.as_ref().unwrap_or(a), rules)
                    };
                    store.replace_mentions(up.id, &mentions, &rules.version)?;
                    touched = true;
                }
            }
            Ok(())
        })?;
    }
    if touched || report.events_before == 0 {
        rebuild(store, rules)?;
    }
    report.events_after = store.event_count()? as usize;
    Ok(report)
}

/// Rebuilds the derived timeline from the stored mentions and decisions.
pub fn rebuild(store: &mut Store, rules: &Rules) -> Result<usize, StoreError> {
    let mentions = store.mentions()?;
    let decisions = store.decisions()?;
    // the user's entities count in the merger's country table too
    let events = if rules.version == timeline::nations::Nations::builtin_version() {
        timeline::build(&mentions, &decisions)
    } else {
        timeline::build_with(
            &mentions,
            &decisions,
            &timeline::nations::Nations::from_rules(rules),
        )
    };
    store.replace_events(&events, &rules.entity_table())?;
    Ok(events.len())
}

/// Re-runs extraction over every stored article, then rebuilds.
pub fn reindex(store: &mut Store, rules: &Rules) -> Result<(usize, usize), StoreError> {
    let articles = store.articles()?;
    for a in &articles {
        let mentions = extract::extract(&a.article, rules);
        store.replace_mentions(a.id, &mentions, &rules.version)?;
    }
    let n = rebuild(store, rules)?;
    Ok((articles.len(), n))
}
