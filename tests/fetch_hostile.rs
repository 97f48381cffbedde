//! Hostile servers and documents, all in one refresh beside good feeds:
//! each bad feed fails alone with its reason recorded, nothing hangs or
//! balloons, and nothing from outside reaches the terminal unclean.

mod common;

use common::*;
use dateline::config::FeedConfig;
use dateline::sources::fetch::FeedOutcome;
use dateline::store::Store;
use std::io::Write;
use std::time::{Duration, Instant};

fn gzip_bomb(megabytes: usize) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..megabytes {
        gz.write_all(&zeros).expect("compress");
    }
    gz.finish().expect("finish")
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rss version="2.0"><channel><title>&h;</title>
<item><title>&h;</title><link>http://bomb.invalid/1</link><description>&h;</description></item>
</channel></rss>"#;

const XXE: &str = r#"<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>Leak &secret;</title>
<item><title>Leak &secret;</title><link>http://xxe.invalid/1</link><description>x &secret; y</description></item>
</channel></rss>"#;

fn escapes_feed() -> String {
    let evil = "Chip \u{1b}[2J\u{1b}]0;owned\u{7}curbs \u{1b}[31mwidened\u{9b}1m\u{0}";
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Esc \u{1b}[5mFeed</title>\
<item><title>{evil}</title><link>http://esc.invalid/1</link><description>{}</description></item></channel></rss>",
        "Body with \u{1b}[1;1H cursor moves and \u{1b}P device strings \u{1b}\\ inside."
    )
}

#[test]
fn every_hostile_feed_fails_alone_and_the_good_ones_are_stored() {
    let bomb = gzip_bomb(128);
    let good_items = |tag: &str, base: &str| -> Vec<(String, String, String, String)> {
        (0..4)
            .map(|i| {
                (
                    format!("{base}/{tag}/{i}"),
                    format!("{tag} item {i}"),
                    story(i, 6),
                    "Mon, 08 Jun 2026 09:00:00 +0000".to_string(),
                )
            })
            .collect()
    };
    let server = Server::start(move |req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        match req.path.as_str() {
            "/good-a" => Reply::ok("application/rss+xml", rss("Good A", &good_items("a", &base))),
            "/good-b" => Reply::ok("application/rss+xml", rss("Good B", &good_items("b", &base))),
            "/drip" => Reply::Drip(Duration::from_millis(700)),
            "/silent" => Reply::Silent,
            "/endless" => Reply::Endless,
            "/bomb" => Reply::Full {
                status: 200,
                headers: vec![
                    ("Content-Type".into(), "application/rss+xml".into()),
                    ("Content-Encoding".into(), "gzip".into()),
                ],
                body: bomb.clone(),
            },
            "/loop" => Reply::status(302).with_header("Location", "/loop2"),
            "/loop2" => Reply::status(302).with_header("Location", "/loop"),
            "/error" => Reply::status(500),
            "/missing" => Reply::status(404),
            "/html" => Reply::ok(
                "text/html",
                "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
            ),
            "/truncated" => Reply::ok(
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half a",
            ),
            "/random" => Reply::ok("application/rss+xml", random_bytes(50_000)),
            "/laughs" => Reply::ok("application/rss+xml", LAUGHS),
            "/xxe" => Reply::ok("application/rss+xml", XXE),
            "/escapes" => Reply::ok("application/rss+xml", escapes_feed()),
            _ => Reply::status(404),
        }
    });
    let paths = [
        "/good-a",
        "/drip",
        "/silent",
        "/endless",
        "/bomb",
        "/loop",
        "/error",
        "/missing",
        "/html",
        "/truncated",
        "/random",
        "/laughs",
        "/xxe",
        "/escapes",
        "/good-b",
    ];
    // fulltext off: the hostile items link to hosts that do not exist, and
    // tests never reach past loopback
    let feeds: Vec<_> = paths
        .iter()
        .map(|p| FeedConfig {
            fulltext: Some(false),
            ..feed(server.url(p))
        })
        .collect();
    let mut opts = quick();
    opts.timeout = Duration::from_millis(1500);
    opts.max_body = 1024 * 1024;
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let started = Instant::now();
    let summary = run(&db, &feeds, &opts);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert_eq!(summary.feeds.len(), paths.len());

    let outcome = |p: &str| {
        summary
            .feeds
            .iter()
            .find(|f| f.url == server.url(p))
            .map(|f| f.outcome.clone())
            .expect("every feed is reported")
    };
    let fails_with = |p: &str, want: &str| match outcome(p) {
        FeedOutcome::Failed(e) => {
            assert!(e.contains(want), "{p}: '{e}' lacks '{want}'");
            assert!(
                !e.contains('\n') && !e.contains('\u{1b}'),
                "{p}: one clean line"
            );
        }
        other => panic!("{p}: expected failure with '{want}', got {other:?}"),
    };
    fails_with("/drip", "timed out");
    fails_with("/silent", "timed out");
    fails_with("/endless", "larger than 1024 KiB");
    fails_with("/bomb", "larger than 1024 KiB");
    fails_with("/loop", "redirect");
    fails_with("/error", "HTTP 500");
    fails_with("/missing", "HTTP 404");
    fails_with("/html", "not a feed: an HTML page");
    fails_with("/truncated", "broken feed");
    fails_with("/random", "not a feed: binary data");
    assert_eq!(outcome("/good-a"), FeedOutcome::Updated);
    assert_eq!(outcome("/good-b"), FeedOutcome::Updated);
    assert_eq!(outcome("/escapes"), FeedOutcome::Updated);

    let store = Store::open(&db).expect("db");
    let articles = store.articles().expect("articles");
    let good = articles
        .iter()
        .filter(|a| a.article.title.contains(" item "))
        .count();
    assert_eq!(good, 8, "both good feeds stored in full");
    for a in &articles {
        let all = format!(
            "{} {} {}",
            a.article.title, a.article.outlet, a.article.text
        );
        assert!(
            !all.chars().any(|c| c.is_control() && c != '\n'),
            "control characters stored: {all:?}"
        );
        assert!(!all.contains("root:"), "an external entity was read");
        assert!(all.len() < 100_000, "an entity bomb was expanded");
    }
    let esc = articles
        .iter()
        .find(|a| a.article.url == "http://esc.invalid/1")
        .expect("the escapes feed is stored, cleaned");
    assert!(esc.article.title.contains("curbs") && esc.article.title.contains("widened"));

    for report in &summary.feeds {
        let s = store
            .feed_state(&report.url)
            .expect("q")
            .expect("every feed has a state");
        match &report.outcome {
            FeedOutcome::Failed(e) => {
                assert_eq!(s.consecutive_failures, 1, "{}", s.url);
                assert_eq!(s.last_error.as_deref(), Some(e.as_str()));
                assert!(s.next_fetch_at.is_some());
            }
            _ => {
                assert_eq!(s.consecutive_failures, 0, "{}", s.url);
                assert_eq!(s.last_error, None);
            }
        }
    }
}

#[test]
fn a_drip_feeding_server_costs_one_deadline_not_every_attempt() {
    let server = Server::start(|req| match req.path.as_str() {
        "/drip" => Reply::Drip(Duration::from_millis(200)),
        _ => Reply::status(404),
    });
    let mut opts = quick();
    // each attempt would time out after 1.5 s, and 5 retries would take 9 s;
    // the deadline cuts it to 2 s in all
    opts.timeout = Duration::from_millis(1500);
    opts.retries = 5;
    opts.deadline = Duration::from_secs(2);
    let dir = tempfile::tempdir().expect("tmp");
    // what a refresh costs besides the download (database, threads), on
    // a feed that fails at once
    let started = Instant::now();
    let _ = run(
        &dir.path().join("base.db"),
        &[feed(server.url("/gone"))],
        &opts,
    );
    let base = started.elapsed();
    let db = dir.path().join("t.db");
    let started = Instant::now();
    let summary = run(&db, &[feed(server.url("/drip"))], &opts);
    let took = started.elapsed();
    assert!(
        took < base + Duration::from_millis(3000),
        "took {took:?} (a refresh alone {base:?})"
    );
    assert!(
        took >= Duration::from_millis(1500),
        "gave up early: {took:?}"
    );
    match &summary.feeds[0].outcome {
        FeedOutcome::Failed(e) => assert!(e.contains("timed out"), "{e}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
}
