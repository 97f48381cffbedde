//! Replays every file of the fuzz corpora (`fuzz/corpus/TARGET/`: seeds,
//! the inputs the fuzzer kept, and every input that once crashed or hung)
//! through the same entry points the fuzz targets call
//! (`dateline::fuzzing`), so a fixed finding stays fixed in plain
//! `cargo test`, without nightly or cargo-fuzz.

use std::path::Path;
use std::time::{Duration, Instant};

fn replay(target: &str, entry: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(
        files.len() >= 3,
        "{target}: only {} corpus files in {}",
        files.len(),
        dir.display()
    );
    for path in &files {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| entry(&data));
        assert!(outcome.is_ok(), "{target}: {} panicked", path.display());
        // debug build: generous, but a quadratic blow-up still shows
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(10),
            "{target}: {} took {took:?}",
            path.display()
        );
    }
}

#[test]
fn feed_corpus() {
    replay("feed", dateline::fuzzing::feed);
}

#[test]
fn page_corpus() {
    replay("page", dateline::fuzzing::page);
}

#[test]
fn encoding_corpus() {
    replay("encoding", dateline::fuzzing::encoding);
}

#[test]
fn dates_corpus() {
    replay("dates", dateline::fuzzing::dates);
}

#[test]
fn query_corpus() {
    replay("query", dateline::fuzzing::query);
}
