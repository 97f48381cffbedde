//! The ingest's batch loop: articles into the store with their mentions,
//! fast. Extraction is most of the work, and it is pure, so it runs on
//! every core while the previous batch is being written: for each batch,
//! what each article will be once stored is read in one snapshot (the
//! preview), its extraction is handed to worker threads (one a core, for
//! the whole ingest), and meanwhile the batch before it is written under
//! the write lock.
//!
//! A preview may be stale by the time its batch is written (another
//! process, or the batch written meanwhile, changed the article): the write
//! plans each article again under the lock and extracts again whatever
//! does not match what it previewed, so the result is the one a serial
//! ingest gives.

use super::IngestReport;
use crate::extract::{self, Rules};
use crate::fault;
use crate::model::{Article, Mention};
use crate::store::{Store, StoreError};
use std::sync::{mpsc, Mutex};
use std::thread;

/// Articles written in one transaction: large enough that commits are
/// rare, small enough that another process waits milliseconds for the lock.
pub const BATCH: usize = 500;

/// The page cache while a bulk write runs, in KiB (64 MiB): the indexes an
/// import inserts into at random (article keys, the search index's merges)
/// stay in memory instead of spilling mid-transaction and being read back
/// (at 100k articles, 8% less CPU for 26 MiB more; docs/scale.md).
const BULK_CACHE_KIB: i64 = 64 * 1024;
/// SQLite's own default, which every other use of a connection keeps.
const DEFAULT_CACHE_KIB: i64 = 2000;

/// Runs a bulk write with the [`BULK_CACHE_KIB`] page cache, and gives the
/// connection back with the default one whatever the write returned.
pub(super) fn with_bulk_cache<T>(
    store: &mut Store,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    store.set_cache_kib(BULK_CACHE_KIB)?;
    let r = f(store);
    store.set_cache_kib(DEFAULT_CACHE_KIB)?;
    r
}

/// An article as the preview expects it to be stored, with its mentions;
/// `None` when storing it will change nothing extraction reads.
type Extracted = Option<(Article, Vec<Mention>)>;

/// Threads that extract for the length of one ingest or reindex. They
/// live as long as it does, rather than a batch, because each keeps warm
/// caches (the trigger regexes' lazy automata) that a fresh thread would
/// build again: with a thread per batch that rebuilding cost a tenth of the
/// import's CPU.
pub(super) struct Workers {
    jobs: mpsc::Sender<Job>,
    threads: usize,
}

/// A part of a batch to extract: its place in the batch, the previews, and
/// where the result goes.
type Job = (
    usize,
    Vec<Option<Article>>,
    mpsc::Sender<(usize, Vec<Extracted>)>,
);

/// A batch being extracted: its parts come back on `results`.
struct Extracting {
    results: mpsc::Receiver<(usize, Vec<Extracted>)>,
    parts: usize,
}

/// Runs `f` with one extraction thread a core, ended when `f` returns.
pub(super) fn with_workers<T>(rules: &Rules, f: impl FnOnce(&Workers) -> T) -> T {
    let threads = thread::available_parallelism().map_or(1, |n| n.get());
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = Mutex::new(queue);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                // the lock is held only to take the next job
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok((at, part, reply)) = next else { break };
                let out = part
                    .into_iter()
                    .map(|p| {
                        p.map(|a| {
                            let m = extract::extract(&a, rules);
                            (a, m)
                        })
                    })
                    .collect();
                // the batch's owner has given up only on an error
                let _ = reply.send((at, out));
            });
        }
        let workers = Workers { jobs, threads };
        let out = f(&workers);
        // no more jobs: the threads end and the scope joins them
        drop(workers);
        out
    })
}

impl Workers {
    /// Hands a batch's previews to the threads, split in one part each.
    fn extract(&self, previews: Vec<Option<Article>>) -> Extracting {
        let per = previews.len().div_ceil(self.threads).max(1);
        let (reply, results) = mpsc::channel();
        let mut rest = previews.into_iter();
        let mut parts = 0;
        loop {
            let part: Vec<_> = rest.by_ref().take(per).collect();
            if part.is_empty() {
                break;
            }
            if self.jobs.send((parts, part, reply.clone())).is_err() {
                panic!("the extraction threads have ended");
            }
            parts += 1;
        }
        Extracting { results, parts }
    }
}

impl Extracting {
    /// The batch's extractions, in the batch's order.
    fn wait(self) -> Vec<Extracted> {
        let mut parts: Vec<(usize, Vec<Extracted>)> = Vec::with_capacity(self.parts);
        for _ in 0..self.parts {
            match self.results.recv() {
                Ok(part) => parts.push(part),
                // a thread died mid-job: its panic was printed, and the
                // scope carries it on when the ingest ends
                Err(_) => panic!("an extraction thread panicked"),
            }
        }
        parts.sort_by_key(|(at, _)| *at);
        parts.into_iter().flat_map(|(_, p)| p).collect()
    }
}

/// Stores `articles` in batches of [`BATCH`] (one transaction each),
/// counting into `report` as each batch commits. A bulk write: its caller
/// holds the [`with_bulk_cache`] cache.
pub(super) fn store_articles(
    store: &mut Store,
    workers: &Workers,
    rules: &Rules,
    articles: &[&Article],
    report: &mut IngestReport,
) -> Result<(), StoreError> {
    let size = fault::batch_size(BATCH);
    let mut writing: Option<(&[&Article], Extracting)> = None;
    for chunk in articles.chunks(size) {
        // previewed before the batch ahead of it is written, so the
        // connection is free and extraction overlaps that write
        let previews = store.snapshot(|s| {
            chunk
                .iter()
                .map(|a| s.preview_article(a))
                .collect::<Result<Vec<_>, _>>()
        })?;
        let extracting = workers.extract(previews);
        if let Some((ahead, job)) = writing.replace((chunk, extracting)) {
            write(store, rules, ahead, job.wait(), report)?;
        }
    }
    if let Some((last, job)) = writing {
        write(store, rules, last, job.wait(), report)?;
    }
    Ok(())
}

/// Writes one batch in one transaction: each article stored (planned again
/// under the lock), and its mentions replaced when it changed.
fn write(
    store: &mut Store,
    rules: &Rules,
    chunk: &[&Article],
    extracted: Vec<Extracted>,
    report: &mut IngestReport,
) -> Result<(), StoreError> {
    let (new, updated) = store.batch(|s| -> Result<(usize, usize), StoreError> {
        let (mut new, mut updated) = (0, 0);
        let mut index = Vec::new();
        for (a, pre) in chunk.iter().zip(extracted) {
            let (up, stored, entry) = s.upsert_article_unindexed(a)?;
            index.extend(entry);
            if up.inserted {
                new += 1;
            } else if up.changed {
                updated += 1;
            }
            if up.changed {
                // extracted as stored, since the store merges what it
                // already had; another process may have changed it since
                // the preview, and then it is extracted again
                let mentions = match pre {
                    Some((p, m)) if p == stored => m,
                    _ => extract::extract(&stored, rules),
                };
                s.replace_mentions(up.id, &mentions, &rules.version)?;
            }
        }
        // the batch's search index in one go, after the savepoints above
        s.index_articles(&index)?;
        fault::point("ingest: batch written, not committed");
        Ok((new, updated))
    })?;
    report.new_articles += new;
    report.updated_articles += updated;
    report.stored_articles += chunk.len();
    fault::point("ingest: batch committed");
    Ok(())
}

/// Re-extracts every stored article, a page of [`BATCH`] at a time (read
/// in one snapshot, extracted on every core while the page before it is
/// written), so the archive is never held whole. Returns how many articles
/// it re-extracted. A bulk write: its caller holds the [`with_bulk_cache`]
/// cache.
pub(super) fn reextract_all(store: &mut Store, rules: &Rules) -> Result<usize, StoreError> {
    let size = fault::batch_size(BATCH);
    let mut done = 0;
    let mut after = 0;
    with_workers(rules, |workers| -> Result<usize, StoreError> {
        let mut writing: Option<(Vec<i64>, Extracting)> = None;
        loop {
            let page = store.snapshot(|s| s.articles_after(after, size))?;
            let Some(last) = page.last() else { break };
            after = last.id;
            done += page.len();
            let ids: Vec<i64> = page.iter().map(|a| a.id).collect();
            let read: Vec<Option<Article>> = page.into_iter().map(|a| Some(a.article)).collect();
            let extracting = workers.extract(read);
            if let Some((ahead, job)) = writing.replace((ids, extracting)) {
                rewrite(store, rules, &ahead, job.wait())?;
            }
        }
        if let Some((last, job)) = writing {
            rewrite(store, rules, &last, job.wait())?;
        }
        Ok(done)
    })
}

/// Replaces the mentions of one page of articles in one transaction.
fn rewrite(
    store: &mut Store,
    rules: &Rules,
    ids: &[i64],
    extracted: Vec<Extracted>,
) -> Result<(), StoreError> {
    store.batch(|s| -> Result<(), StoreError> {
        for (&id, pre) in ids.iter().zip(extracted) {
            // an article another process changed since it was read is
            // extracted again as it is now
            let Some(now) = s.article(id)? else { continue };
            let mentions = match pre {
                Some((read, m)) if read == now.article => m,
                _ => extract::extract(&now.article, rules),
            };
            s.replace_mentions(id, &mentions, &rules.version)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{ingest, ingest_counted, reindex};
    use chrono::DateTime;

    /// A short story of one feed with one dated event in it.
    fn story(i: usize, feed: &str, extra: &str) -> Article {
        Article {
            url: format!("https://wire.example/story/{i}"),
            guid: Some(format!("{feed}-{i}")),
            feed_url: Some(format!("https://wire.example/{feed}.rss")),
            outlet: "Example Wire".into(),
            title: format!("Story {i}"),
            published: DateTime::parse_from_rfc3339("2025-04-10T12:00:00+00:00").ok(),
            lang: "en".into(),
            text: format!(
                "The Commerce Department added Testco{} to the Entity List on March {}, 2025. Analysts expect more.{extra}",
                i % 7,
                1 + i % 28
            ),
            ..Default::default()
        }
    }

    /// Every stored mention, by article, without its row id.
    fn mentions(s: &Store) -> Vec<(i64, Mention)> {
        s.mentions()
            .expect("mentions")
            .into_iter()
            .map(|r| (r.article_id, r.mention))
            .collect()
    }

    /// What the serial loop this module replaced stored: each article
    /// upserted, read back, and extracted as stored.
    fn serial(articles: &[Article], rules: &Rules) -> Store {
        let mut s = Store::open_in_memory().expect("db");
        for a in articles {
            let up = s.upsert_article(a).expect("upsert");
            if up.changed {
                let stored = s.article(up.id).expect("read").expect("stored").article;
                let m = extract::extract(&stored, rules);
                s.replace_mentions(up.id, &m, &rules.version)
                    .expect("mentions");
            }
        }
        s
    }

    /// More than a batch, with the last article a fuller report of the
    /// first from another feed: its preview was read before the first
    /// batch was written, so it is stale by its write and must be
    /// extracted again as merged. The parallel, overlapped ingest stores
    /// exactly what the serial one does.
    #[test]
    fn overlapped_batches_store_what_a_serial_ingest_does() {
        let rules = Rules::builtin();
        let mut articles: Vec<Article> = (0..BATCH + 20).map(|i| story(i, "main", "")).collect();
        let mut fuller = story(0, "other", " Testco0 said on March 9, 2025 that it filed a lawsuit challenging the listing in federal court.");
        fuller.url = "https://wire.example/story/0?utm_source=other".into();
        articles.push(fuller);

        let mut s = Store::open_in_memory().expect("db");
        let r = ingest(&mut s, &rules, &articles).expect("ingest");
        assert_eq!(r.new_articles, BATCH + 20);
        assert_eq!(r.updated_articles, 1);
        assert_eq!(r.stored_articles, articles.len());
        let want = serial(&articles, &rules);
        let got = mentions(&s);
        assert!(got.len() > BATCH, "every story has its event");
        assert_eq!(got, mentions(&want));
        let first = s.article_by_url("https://wire.example/story/0").expect("q");
        assert!(first.is_some_and(|a| a.article.text.contains("lawsuit")));
    }

    /// Batches handed over one at a time are stored as they come and
    /// counted together; a page repeated within one batch is stored once,
    /// its last version, and counted as stored.
    #[test]
    fn batches_arrive_one_at_a_time() {
        let rules = Rules::builtin();
        let first: Vec<Article> = (0..3).map(|i| story(i, "main", "")).collect();
        let mut second: Vec<Article> = (3..6).map(|i| story(i, "main", "")).collect();
        second.push(story(4, "main", " Officials declined to comment."));
        let mut s = Store::open_in_memory().expect("db");
        let mut report = IngestReport::default();
        ingest_counted(&mut s, &rules, [&first, &second], &mut report).expect("ingest");
        assert_eq!((report.new_articles, report.updated_articles), (6, 0));
        assert_eq!(report.stored_articles, 7);
        assert_eq!(s.article_count().ok(), Some(6));
        let four = s.article_by_url("https://wire.example/story/4").expect("q");
        assert!(four.is_some_and(|a| a.article.text.contains("declined")));
        assert!(report.events_after > 0);
    }

    /// A reindex pages through more than a batch of articles and leaves
    /// the mentions an ingest made with the same rules.
    #[test]
    fn reindex_pages_through_the_archive() {
        let rules = Rules::builtin();
        let articles: Vec<Article> = (0..BATCH + 7).map(|i| story(i, "main", "")).collect();
        let mut s = Store::open_in_memory().expect("db");
        let r = ingest(&mut s, &rules, &articles).expect("ingest");
        let before = mentions(&s);
        let (n, events) = reindex(&mut s, &rules).expect("reindex");
        assert_eq!(n, articles.len());
        assert_eq!(events, r.events_after);
        assert_eq!(mentions(&s), before);
    }
}
