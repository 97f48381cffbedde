//! Issue 15 part 2: many processes on one database. Three importers write
//! at once while a reader loop queries the timeline; every command must
//! succeed, every answer must be whole, and the final timeline must equal
//! what one writer makes of the same feeds.

#[path = "durability_common/mod.rs"]
mod common;

use common::{dateline, ok, timeline, write_feed};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

#[test]
fn three_writers_and_a_reader_loop_match_one_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().to_path_buf();
    let a = common::articles(36, 21);
    let b = common::articles(36, 22)
        .into_iter()
        .map(|mut x| {
            x.url = x.url.replace("bench-", "other-");
            x
        })
        .collect::<Vec<_>>();
    // the third feed repeats a third of the first: merges under contention
    let mut c: Vec<_> = common::articles(24, 23)
        .into_iter()
        .map(|mut x| {
            x.url = x.url.replace("bench-", "third-");
            x
        })
        .collect();
    c.extend(a.iter().take(12).cloned());
    let feeds = [
        write_feed(&d, "a.rss", &a),
        write_feed(&d, "b.rss", &b),
        write_feed(&d, "c.rss", &c),
    ];

    // one writer
    let single = d.join("single.db");
    let started = Instant::now();
    for f in &feeds {
        let mut cmd = dateline(&d, &single);
        cmd.env("DATELINE_FAULT_BATCH", "4").arg("import").arg(f);
        ok(cmd);
    }
    let single_time = started.elapsed();
    let reference = timeline(&d, &single);
    assert!(reference.lines().count() > 40);

    // three writers and a reader loop
    let shared = d.join("shared.db");
    ok({
        // the schema exists before the race, as it would in real use
        let mut cmd = dateline(&d, &shared);
        cmd.args(["events"]);
        cmd
    });
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (d, shared, done) = (d.clone(), shared.clone(), done.clone());
        std::thread::spawn(move || {
            let (mut runs, mut failures, mut torn) = (0usize, Vec::new(), 0usize);
            while !done.load(Ordering::SeqCst) {
                for args in [
                    &["events", "--json"][..],
                    &["search", "--json", "Huawei"][..],
                ] {
                    let out = dateline(&d, &shared).args(args).output().expect("runs");
                    runs += 1;
                    if !out.status.success() {
                        failures.push(String::from_utf8_lossy(&out.stderr).to_string());
                        continue;
                    }
                    let text = String::from_utf8_lossy(&out.stdout);
                    for line in text.lines() {
                        match serde_json::from_str::<serde_json::Value>(line) {
                            Ok(v)
                                if v["type"] == "article"
                                    || !v["sources"].as_array().is_none_or(Vec::is_empty) => {}
                            _ => torn += 1,
                        }
                    }
                }
            }
            (runs, failures, torn)
        })
    };
    let started = Instant::now();
    let writers: Vec<_> = feeds
        .iter()
        .map(|f| {
            dateline(&d, &shared)
                .env("DATELINE_FAULT_BATCH", "4")
                .arg("import")
                .arg(f)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawns")
        })
        .collect();
    let mut writer_failures = Vec::new();
    for w in writers {
        let out = w.wait_with_output().expect("waits");
        if !out.status.success() {
            writer_failures.push(String::from_utf8_lossy(&out.stderr).to_string());
        }
    }
    let concurrent_time = started.elapsed();
    done.store(true, Ordering::SeqCst);
    let (reads, read_failures, torn) = reader.join().expect("reader");
    let result = timeline(&d, &shared);
    let count = |db: &std::path::Path| {
        dateline::store::Store::open(db)
            .and_then(|s| s.article_count())
            .expect("count")
    };
    eprintln!(
        "3 writers + reader: writers failed {}/3, reads {reads} ({} failed, {torn} torn lines); \
         events {} vs {} with one writer, articles {} vs {}; {concurrent_time:?} concurrent vs {single_time:?} one writer",
        writer_failures.len(),
        read_failures.len(),
        result.lines().count(),
        reference.lines().count(),
        count(&shared),
        count(&single),
    );
    assert_eq!(writer_failures, Vec::<String>::new());
    assert_eq!(read_failures, Vec::<String>::new());
    assert_eq!(torn, 0);
    assert!(reads >= 2, "the reader ran during the writes");
    assert_eq!(count(&shared), count(&single));
    assert_eq!(result, reference);
}
