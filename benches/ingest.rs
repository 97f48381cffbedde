//! Import throughput, issue 13's budget of 5,000 articles a second with
//! full-text search, batched: `cargo bench --bench ingest -- 100000`
//! (`--reindex` also times a `reindex` of the result; `--import-only` stops
//! when the last batch is committed, leaving the timeline step undone, for
//! sizes whose full rebuild takes longer than the import).
//!
//! N generated articles go into a fresh database in `bench-data/` through
//! `pipeline::ingest_counted`, handed over a feed-sized batch at a time as
//! they are generated (the way `dateline import` hands over files), so
//! neither the corpus nor the archive is ever held whole. Two steps are
//! timed apart, each in wall and CPU time (all threads) with its own peak
//! memory:
//!
//! - the import proper: previews, extraction, the article, search-index
//!   and mention writes, up to the last batch's commit (the moment the
//!   ingest asks for a batch and there is none);
//! - the timeline step that ends every ingest (a full rebuild until
//!   incremental re-linking lands), reported on its own line so it neither
//!   hides nor flatters the import figure.

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/proc.rs"]
mod proc;

use dateline::extract::Rules;
use dateline::pipeline::{self, IngestReport};
use dateline::store::Store;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Articles handed to the ingest at once: a large feed file's worth.
const FEED: usize = 1_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let rules = Rules::builtin();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data folder");
    let path = dir.join(format!("ingest-{n}.db"));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let mut store = Store::open(&path).expect("open");
    println!(
        "articles            {n}  ({}, {} cores)",
        path.display(),
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );

    proc::reset_peak();
    let mut r = corpus::Rng::new(42);
    let mut made = 0;
    let mut generating = Duration::ZERO;
    let mut ended: Option<(Instant, Duration, f64)> = None;
    let import_only = args.iter().any(|a| a == "--import-only");
    let (t0, c0) = (Instant::now(), proc::cpu());
    let batches = std::iter::from_fn(|| {
        if made >= n {
            // the last batch is committed: the import proper ends here
            let end = *ended.get_or_insert_with(|| (Instant::now(), proc::cpu(), proc::peak_mib()));
            if import_only {
                // the timeline step is left pending in a database that
                // is thrown away
                import_lines(n, end.0 - t0, end.1 - c0, generating, end.2);
                println!("timeline step                        not run (--import-only)");
                std::process::exit(0);
            }
            return None;
        }
        let t = Instant::now();
        let batch: Vec<_> = (made..(made + FEED).min(n))
            .map(|i| corpus::article(&mut r, i))
            .collect();
        generating += t.elapsed();
        made += batch.len();
        if made % 10_000 < FEED {
            eprintln!("  imported {}", made - batch.len());
        }
        Some(batch)
    });
    let mut report = IngestReport::default();
    pipeline::ingest_counted(&mut store, &rules, batches, &mut report).expect("ingest");
    let (t2, c2) = (Instant::now(), proc::cpu());
    let (t1, c1, import_peak) = ended.expect("the ingest read every batch");
    let line = |what: &str, wall: Duration, cpu: Duration| proc::rate(what, n, wall, cpu);
    import_lines(n, t1 - t0, c1 - c0, generating, import_peak);
    println!(
        "  articles stored                    {} new, {} updated",
        report.new_articles, report.updated_articles
    );
    line("timeline step (full rebuild today)", t2 - t1, c2 - c1);
    println!(
        "  peak memory                        {:.0} MiB ({} events)",
        proc::peak_mib(),
        report.events_after
    );
    line("import + timeline", t2 - t0, c2 - c0);

    if args.iter().any(|a| a == "--reindex") {
        drop(store);
        let mut store = Store::open(&path).expect("reopen");
        proc::reset_peak();
        let (t, c) = (Instant::now(), proc::cpu());
        let (k, events) = pipeline::reindex(&mut store, &rules).expect("reindex");
        line("reindex (with its rebuild)", t.elapsed(), proc::cpu() - c);
        println!(
            "  peak memory                        {:.0} MiB ({k} articles, {events} events)",
            proc::peak_mib()
        );
    }
}

/// The import proper: its rate, the share of it spent generating the
/// corpus, and its peak memory.
fn import_lines(n: usize, wall: Duration, cpu: Duration, generating: Duration, peak: f64) {
    proc::rate("import (FTS, mentions)", n, wall, cpu);
    println!(
        "  of which generating the corpus     {:.1} s",
        generating.as_secs_f64()
    );
    println!("  peak memory                        {peak:.0} MiB");
}
