//! Issue 15 part 1: an ingest killed at any step ends, once the user runs
//! dateline again, in exactly the timeline an uninterrupted run makes.
//!
//! The debug binary's fault hook (`DATELINE_FAULT_AT=N`, see `src/fault.rs`)
//! aborts the import at its Nth step, as a SIGKILL would: inside a batch's
//! transaction, after each commit, inside and after the rebuild. Every step
//! is tried. After each kill two recoveries are checked on copies of the
//! database: the import run again, and a query first (which must complete
//! the pending rebuild before it answers) and then the import again. A few
//! real SIGKILLs at arbitrary moments are added on top.

#[path = "durability_common/mod.rs"]
mod common;

use common::{copy_db, dateline, ok, timeline, write_feed};
use dateline::store::Store;
use std::path::Path;
use std::time::Instant;

fn import(dir: &Path, db: &Path, feed: &Path) -> String {
    let mut c = dateline(dir, db);
    c.env("DATELINE_FAULT_BATCH", "6").arg("import").arg(feed);
    ok(c)
}

fn pending(db: &Path) -> bool {
    Store::open(db)
        .and_then(|s| s.rebuild_pending())
        .expect("database readable")
}

#[test]
fn an_import_killed_at_any_step_recovers_to_the_uninterrupted_timeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let feed = write_feed(d, "wire.rss", &common::articles(30, 7));

    let reference_db = d.join("reference.db");
    import(d, &reference_db, &feed);
    let reference = timeline(d, &reference_db);
    let n_events = reference.lines().count();
    assert!(
        n_events > 20,
        "the corpus makes a timeline: {n_events} events"
    );

    let mut kills = 0;
    let mut mismatches = Vec::new();
    let mut step = 1;
    loop {
        let db = d.join(format!("k{step}.db"));
        let out = dateline(d, &db)
            .env("DATELINE_FAULT_BATCH", "6")
            .env("DATELINE_FAULT_AT", step.to_string())
            .arg("import")
            .arg(&feed)
            .output()
            .expect("runs");
        if out.status.success() {
            // the step count is past the last fault point: an untouched run
            assert_eq!(timeline(d, &db), reference);
            break;
        }
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("fault injected"), "step {step}: {said}");
        kills += 1;

        // recovery 1: the import run again
        let again = d.join(format!("k{step}-again.db"));
        copy_db(&db, &again);
        import(d, &again, &feed);
        if timeline(d, &again) != reference {
            mismatches.push(format!("step {step}: import again"));
        }

        // recovery 2: a query first completes any pending rebuild, then the
        // import again
        let query = d.join(format!("k{step}-query.db"));
        copy_db(&db, &query);
        timeline(d, &query);
        assert!(
            !pending(&query),
            "step {step}: the query left the rebuild pending"
        );
        import(d, &query, &feed);
        if timeline(d, &query) != reference {
            mismatches.push(format!("step {step}: query, then import again"));
        }
        step += 1;
        assert!(step < 200, "the import never finished");
    }
    eprintln!(
        "fault points: {kills} kills ({} recoveries checked), {} mismatches",
        kills * 2,
        mismatches.len()
    );
    assert!(kills >= 10, "the import has steps to kill: {kills}");
    assert_eq!(mismatches, Vec::<String>::new());
}

#[test]
fn a_killed_rebuild_is_not_hidden_by_a_rerun_that_finds_nothing_new() {
    // finding 1: the re-run saw "0 new" and skipped the rebuild
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let feed = write_feed(d, "wire.rss", &common::articles(12, 3));
    let reference_db = d.join("reference.db");
    import(d, &reference_db, &feed);
    let reference = timeline(d, &reference_db);

    let db = d.join("t.db");
    // one batch: point 1 is inside it, 2 after its commit, 3 in the rebuild
    let out = dateline(d, &db)
        .env("DATELINE_FAULT_AT", "3")
        .arg("import")
        .arg(&feed)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(pending(&db), "the kill left the rebuild pending");
    let said = {
        let out = dateline(d, &db)
            .arg("import")
            .arg(&feed)
            .output()
            .expect("runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    assert!(said.contains("(0 new, 0 updated)"), "{said}");
    assert!(!pending(&db));
    assert_eq!(timeline(d, &db), reference);
}

#[test]
fn a_decision_killed_before_its_rebuild_shows_on_the_next_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let feed = write_feed(d, "wire.rss", &common::articles(8, 5));
    let db = d.join("t.db");
    import(d, &db, &feed);
    let first = timeline(d, &db);
    let id = serde_json::from_str::<serde_json::Value>(first.lines().next().expect("an event"))
        .expect("json")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let out = dateline(d, &db)
        .env("DATELINE_FAULT_AT", "1")
        .args(["event", "confirm", &id])
        .output()
        .expect("runs");
    assert!(!out.status.success(), "killed before the rebuild");
    assert!(pending(&db));
    let after = timeline(d, &db);
    let status = after
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["id"] == id.as_str())
        .map(|v| v["status"].clone());
    assert_eq!(status, Some(serde_json::json!("confirmed")));
}

#[test]
fn imports_killed_at_arbitrary_moments_recover() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let feed = write_feed(d, "wire.rss", &common::articles(40, 11));
    let reference_db = d.join("reference.db");
    let started = Instant::now();
    import(d, &reference_db, &feed);
    let full = started.elapsed();
    let reference = timeline(d, &reference_db);
    let (mut killed, mut mismatches) = (0, 0);
    let runs = 8;
    for i in 0..runs {
        let db = d.join(format!("s{i}.db"));
        let mut child = dateline(d, &db)
            .env("DATELINE_FAULT_BATCH", "6")
            .arg("import")
            .arg(&feed)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawns");
        // spread the kills over the run's whole length
        std::thread::sleep(full.mul_f64((i as f64 + 0.5) / runs as f64));
        if child.try_wait().expect("status").is_none() {
            child.kill().expect("SIGKILL");
            killed += 1;
        }
        let _ = child.wait();
        import(d, &db, &feed);
        if timeline(d, &db) != reference {
            mismatches += 1;
        }
    }
    eprintln!("SIGKILL: {runs} runs, {killed} killed mid-import, {mismatches} mismatches (full import {full:?})");
    assert_eq!(mismatches, 0);
}
