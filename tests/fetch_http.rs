//! The fetcher against real HTTP servers on loopback: conditional GET,
//! retries, Retry-After, back-off, the User-Agent and per-host limits.

mod common;

use common::*;
use dateline::sources::fetch::{FeedOutcome, FetchProgress};
use dateline::store::Store;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn items(prefix: &str, n: usize, base: &str) -> Vec<(String, String, String, String)> {
    (0..n)
        .map(|i| {
            (
                format!("{base}/{prefix}/{i}"),
                format!("{prefix} story {i}"),
                story(i, 6),
                "Tue, 09 Jun 2026 10:00:00 +0800".to_string(),
            )
        })
        .collect()
}

/// If-None-Match, If-Modified-Since and User-Agent of one request.
type Seen = (Option<String>, Option<String>, Option<String>);

#[test]
fn etag_and_last_modified_are_sent_back_and_a_304_changes_nothing() {
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let log = seen.clone();
    let body: Arc<Mutex<String>> = Arc::default();
    let doc = body.clone();
    let server = Server::start(move |req| {
        log.lock().expect("log").push((
            req.header("If-None-Match").map(String::from),
            req.header("If-Modified-Since").map(String::from),
            req.header("User-Agent").map(String::from),
        ));
        if req.header("If-None-Match") == Some("\"v1\"") {
            return Reply::status(304);
        }
        Reply::ok("application/rss+xml", doc.lock().expect("doc").clone())
            .with_header("ETag", "\"v1\"")
            .with_header("Last-Modified", "Tue, 09 Jun 2026 02:00:00 GMT")
    });
    *body.lock().expect("doc") = rss("Wire", &items("wire", 3, &server.url("")));
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds = [feed(server.url("/feed.xml"))];

    let first = run(&db, &feeds, &quick());
    assert_eq!(first.feeds[0].outcome, FeedOutcome::Updated);
    assert_eq!(first.new_articles, 3);
    assert_eq!(first.feeds[0].title.as_deref(), Some("Wire"));

    let second = run(&db, &feeds, &quick());
    assert_eq!(second.feeds[0].outcome, FeedOutcome::NotModified);
    assert_eq!(second.new_articles, 0);

    let log = seen.lock().expect("log").clone();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].0, None, "the first request is unconditional");
    assert_eq!(log[1].0.as_deref(), Some("\"v1\""));
    assert_eq!(log[1].1.as_deref(), Some("Tue, 09 Jun 2026 02:00:00 GMT"));
    let ua = log[0].2.clone().unwrap_or_default();
    assert!(
        ua.starts_with(&format!("dateline/{}", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );

    let store = Store::open(&db).expect("db");
    assert_eq!(store.article_count().expect("count"), 3);
    let state = store.feed_state(&feeds[0].url).expect("q").expect("state");
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert_eq!(state.last_status, Some(304));
    assert_eq!(state.consecutive_failures, 0);
    assert!(state.last_success_at.is_some());
}

#[test]
fn a_feed_fetched_a_moment_ago_is_not_downloaded_again() {
    let server = Server::start(|_| Reply::ok("application/rss+xml", rss("Quiet", &[])));
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds = [feed(server.url("/rss"))];
    let mut opts = quick();
    opts.backoff.min_interval = Duration::from_secs(600);
    assert_eq!(
        run(&db, &feeds, &opts).feeds[0].outcome,
        FeedOutcome::Updated
    );
    let again = run(&db, &feeds, &opts);
    assert_eq!(again.feeds[0].outcome, FeedOutcome::Skipped);
    assert_eq!(server.hits(), 1);
}

#[test]
fn server_errors_are_retried_then_succeed() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let server = Server::start(move |_| {
        if c.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(503)
        } else {
            Reply::ok("application/rss+xml", rss("Flaky", &[]))
        }
    });
    let dir = tempfile::tempdir().expect("tmp");
    let s = run(
        &dir.path().join("t.db"),
        &[feed(server.url("/rss"))],
        &quick(),
    );
    assert_eq!(s.feeds[0].outcome, FeedOutcome::Updated);
    assert_eq!(server.hits(), 2);
}

#[test]
fn too_many_requests_waits_for_a_short_retry_after_and_defers_a_long_one() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let server = Server::start(move |req| {
        if req.path == "/long" {
            return Reply::status(429).with_header("Retry-After", "7200");
        }
        if c.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(429).with_header("Retry-After", "1")
        } else {
            Reply::ok("application/rss+xml", rss("Busy", &[]))
        }
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let started = std::time::Instant::now();
    let s = run(
        &db,
        &[feed(server.url("/short")), feed(server.url("/long"))],
        &quick(),
    );
    let by_url = |u: &str| {
        s.feeds
            .iter()
            .find(|f| f.url == server.url(u))
            .expect("reported")
            .outcome
            .clone()
    };
    assert_eq!(by_url("/short"), FeedOutcome::Updated);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited as asked"
    );
    match by_url("/long") {
        FeedOutcome::Failed(e) => assert!(e.contains("429") && e.contains("7200"), "{e}"),
        other => panic!("expected a failure, got {other:?}"),
    }
    let state = Store::open(&db)
        .expect("db")
        .feed_state(&server.url("/long"))
        .expect("q")
        .expect("state");
    let next = chrono::DateTime::parse_from_rfc3339(state.next_fetch_at.as_deref().expect("next"))
        .expect("time");
    assert!(next > chrono::Utc::now() + chrono::Duration::minutes(110));
}

#[test]
fn a_failing_feed_backs_off_and_counts_its_failures() {
    let server = Server::start(|_| Reply::status(500));
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds = [feed(server.url("/broken"))];
    let s = run(&db, &feeds, &quick());
    assert_eq!(s.failed, 1);
    assert_eq!(server.hits(), 2, "one try and one retry");
    let again = run(&db, &feeds, &quick());
    assert_eq!(again.feeds[0].outcome, FeedOutcome::Skipped);
    assert_eq!(again.failed, 0);
    assert_eq!(server.hits(), 2, "not hammered while backing off");
    let state = Store::open(&db)
        .expect("db")
        .feed_state(&feeds[0].url)
        .expect("q")
        .expect("state");
    assert_eq!(state.consecutive_failures, 1);
    assert!(state
        .last_error
        .as_deref()
        .unwrap_or_default()
        .contains("500"));
}

#[test]
fn one_host_gets_at_most_its_share_of_connections() {
    let now = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (n, p) = (now.clone(), peak.clone());
    let server = Server::start(move |_| {
        let cur = n.fetch_add(1, Ordering::SeqCst) + 1;
        p.fetch_max(cur, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(60));
        n.fetch_sub(1, Ordering::SeqCst);
        Reply::ok("application/rss+xml", rss("Same host", &[]))
    });
    let dir = tempfile::tempdir().expect("tmp");
    let feeds: Vec<_> = (0..8)
        .map(|i| feed(server.url(&format!("/f{i}"))))
        .collect();
    let mut opts = quick();
    opts.per_host = 2;
    let s = run(&dir.path().join("t.db"), &feeds, &opts);
    assert_eq!(s.feeds.len(), 8);
    assert_eq!(s.failed, 0);
    let most = peak.load(Ordering::SeqCst);
    assert!((1..=2).contains(&most), "peak {most}");
}

#[test]
fn progress_reports_each_feed_then_the_summary() {
    let server = Server::start(|req| match req.path.as_str() {
        "/gone" => Reply::status(404),
        _ => Reply::ok("application/rss+xml", rss("Fine", &[])),
    });
    let dir = tempfile::tempdir().expect("tmp");
    let (tx, rx) = std::sync::mpsc::channel();
    let feeds = [feed(server.url("/ok")), feed(server.url("/gone"))];
    let db = dir.path().join("t.db");
    let handle = std::thread::spawn(move || {
        dateline::sources::fetch::refresh(&db, &feeds, &quick(), &tx).expect("refresh")
    });
    let msgs: Vec<FetchProgress> = rx.iter().collect();
    let summary = handle.join().expect("thread");
    assert!(matches!(
        msgs.first(),
        Some(FetchProgress::Started { total: 2 })
    ));
    let done = msgs
        .iter()
        .filter(|m| matches!(m, FetchProgress::FeedDone(_)))
        .count();
    assert_eq!(done, 2);
    assert!(matches!(msgs.last(), Some(FetchProgress::Finished(s)) if s.failed == 1));
    assert_eq!(summary.failed, 1);
    assert!(
        summary.feeds[0].url.ends_with("/ok") && summary.feeds[1].url.ends_with("/gone"),
        "the summary keeps the order of feeds.toml"
    );
    let gone = summary
        .feeds
        .iter()
        .find(|f| f.url.ends_with("/gone"))
        .expect("reported");
    assert_eq!(
        gone.outcome,
        FeedOutcome::Failed("HTTP 404 Not Found".into())
    );
}

#[test]
fn feeds_stored_together_count_a_shared_article_once() {
    let server = Server::start(|req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        let f = req.path.trim_start_matches("/f");
        let mut list = items(&format!("only-{f}"), 3, &base);
        list.push((
            format!("{base}/shared/story"),
            "Shared story".into(),
            story(99, 6),
            "Tue, 09 Jun 2026 10:00:00 +0800".into(),
        ));
        Reply::ok("application/rss+xml", rss(&format!("Feed {f}"), &list))
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds: Vec<_> = (0..10)
        .map(|i| feed(server.url(&format!("/f{i}"))))
        .collect();
    let s = run(&db, &feeds, &quick());
    assert_eq!(s.failed, 0);
    assert_eq!(s.new_articles, 31);
    assert_eq!(
        s.feeds.iter().map(|f| f.new_articles).sum::<usize>(),
        31,
        "per-feed counts add up"
    );
    assert_eq!(
        Store::open(&db).expect("db").article_count().expect("n"),
        31
    );
    let again = run(&db, &feeds, &quick());
    assert_eq!(again.new_articles, 0);
}

#[test]
fn file_feeds_are_read_from_disk_within_the_same_cap() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("local.rss");
    std::fs::write(
        &path,
        rss("Local", &items("local", 2, "https://local.example")),
    )
    .expect("write");
    let big = dir.path().join("big.rss");
    std::fs::write(&big, vec![b' '; 300 * 1024]).expect("write");
    let url = |p: &std::path::Path| url::Url::from_file_path(p).expect("absolute").to_string();
    let mut opts = quick();
    opts.max_body = 256 * 1024;
    let s = run(
        &dir.path().join("t.db"),
        &[
            feed(url(&path)),
            feed(url(&big)),
            feed(url(&dir.path().join("gone.rss"))),
        ],
        &opts,
    );
    assert_eq!(s.feeds[0].outcome, FeedOutcome::Updated);
    assert_eq!(s.feeds[0].new_articles, 2);
    assert_eq!(
        s.feeds[1].outcome,
        FeedOutcome::Failed("body larger than 256 KiB".into())
    );
    match &s.feeds[2].outcome {
        FeedOutcome::Failed(e) => assert!(e.contains("gone.rss"), "{e}"),
        other => panic!("expected a failure, got {other:?}"),
    }
}
