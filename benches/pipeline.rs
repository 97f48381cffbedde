//! Import and extraction throughput: generated articles stored, extracted
//! and turned into a timeline in a fresh database, in articles per second.
//!
//! `cargo bench --bench pipeline` (or `-- 20000` for another corpus size).

#[path = "common/corpus.rs"]
mod corpus;

use dateline::extract::{self, Rules};
use dateline::pipeline;
use dateline::store::Store;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let articles = corpus::corpus(n, 42);
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    let rules = Rules::builtin();

    let t = Instant::now();
    let mentions: usize = articles
        .iter()
        .map(|a| extract::extract(a, &rules).len())
        .sum();
    let extract_secs = t.elapsed().as_secs_f64();

    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("open");
    let t = Instant::now();
    let report = pipeline::ingest(&mut store, &rules, &articles).expect("ingest");
    let ingest_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let again = pipeline::ingest(&mut store, &rules, &articles).expect("re-import");
    let again_secs = t.elapsed().as_secs_f64();

    println!(
        "articles           {n} ({} words on average)",
        words / n.max(1)
    );
    println!(
        "extraction only    {:>9.0} articles/s  ({mentions} mentions, {extract_secs:.2} s)",
        n as f64 / extract_secs
    );
    println!(
        "import+extract+timeline {:>4.0} articles/s  ({} new articles, {} events, {ingest_secs:.2} s)",
        n as f64 / ingest_secs,
        report.new_articles,
        report.events_after
    );
    println!(
        "re-import (no-op)  {:>9.0} articles/s  ({} new)",
        n as f64 / again_secs,
        again.new_articles
    );
}
