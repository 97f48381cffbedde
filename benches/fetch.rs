//! Fetch benchmark: 200 feeds of 50 items each, served by 20 loopback
//! hosts, fetched, parsed, extracted and stored into a fresh database; then
//! the same refresh again, answered by `304`s. A second scenario serves the
//! same items as teasers and completes every one from its page (10,000
//! pages). Budget: the first refresh of full feeds under 10 seconds.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{rss, story, Reply, Server};
use dateline::config::FeedConfig;
use dateline::sources::fetch::{refresh, Backoff, FetchOptions, FetchSummary};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

const HOSTS: usize = 20;
const FEEDS: usize = 200;
const ITEMS: usize = 50;

fn serve(teasers: bool) -> (Vec<Server>, Vec<FeedConfig>) {
    let mut servers = Vec::new();
    let mut feeds = Vec::new();
    for h in 0..HOSTS {
        let ip = format!("127.0.0.{}", h + 1);
        let docs: Arc<std::sync::OnceLock<HashMap<String, Vec<u8>>>> = Arc::default();
        let d = docs.clone();
        let server = Server::start_on(&ip, move |req| {
            if req.header("If-None-Match") == Some("\"same\"") {
                return Reply::status(304);
            }
            match d.get().and_then(|m| m.get(req.path.as_str())) {
                Some(body) if req.path.ends_with(".html") => {
                    Reply::ok("text/html; charset=utf-8", body.clone())
                }
                Some(body) => {
                    Reply::ok("application/rss+xml", body.clone()).with_header("ETag", "\"same\"")
                }
                None => Reply::status(404),
            }
        });
        let base = server.url("");
        let mut map = HashMap::new();
        for f in (0..FEEDS).filter(|f| f % HOSTS == h) {
            let items: Vec<_> = (0..ITEMS)
                .map(|i| {
                    let n = f * ITEMS + i;
                    let body = story(n, 6);
                    if teasers {
                        map.insert(
                            format!("/a/{n}.html"),
                            format!(
                                "<!DOCTYPE html><html><head><title>Item {n}</title><link rel=\"canonical\" href=\"{base}/a/{n}.html\"></head>\
<body><nav>Home | Tech | Policy</nav><article>{body}</article><footer>About us</footer></body></html>"
                            )
                            .into_bytes(),
                        );
                    }
                    (
                        format!("{base}/a/{n}.html"),
                        format!("Feed {f} item {i}"),
                        if teasers { format!("<p>Teaser for item {n}.</p>") } else { body },
                        format!("Mon, {:02} Jun 2026 09:00:00 +0800", 1 + i % 28),
                    )
                })
                .collect();
            let path = format!("/feed/{f}.rss");
            map.insert(path.clone(), rss(&format!("Feed {f}"), &items).into_bytes());
            feeds.push(FeedConfig {
                url: server.url(&path),
                ..Default::default()
            });
        }
        let _ = docs.set(map);
        servers.push(server);
    }
    (servers, feeds)
}

fn timed(
    db: &std::path::Path,
    feeds: &[FeedConfig],
    opts: &FetchOptions,
) -> (Duration, FetchSummary) {
    let (tx, rx) = std::sync::mpsc::channel();
    let drain = std::thread::spawn(move || rx.iter().count());
    let started = Instant::now();
    let summary = refresh(db, feeds, opts, &tx).expect("refresh");
    let took = started.elapsed();
    drop(tx);
    let _ = drain.join();
    (took, summary)
}

fn main() {
    let opts = FetchOptions {
        backoff: Backoff {
            min_interval: Duration::ZERO,
            ..Backoff::default()
        },
        ..FetchOptions::default()
    };
    let dir = tempfile::tempdir().expect("tmp");

    let (_servers, feeds) = serve(false);
    let db = dir.path().join("full.db");
    let (first, s) = timed(&db, &feeds, &opts);
    assert_eq!(
        s.failed,
        0,
        "{:?}",
        s.feeds
            .iter()
            .find(|f| matches!(f.outcome, dateline::sources::fetch::FeedOutcome::Failed(_)))
    );
    assert_eq!(s.new_articles, FEEDS * ITEMS);
    println!(
        "full feeds: {FEEDS} feeds x {ITEMS} items, first refresh {:.2} s ({} articles stored); budget 10 s",
        first.as_secs_f64(),
        s.new_articles
    );
    let (second, s2) = timed(&db, &feeds, &opts);
    println!(
        "full feeds: second refresh (304s) {:.2} s, {} new",
        second.as_secs_f64(),
        s2.new_articles
    );
    drop(_servers);

    let (_servers, feeds) = serve(true);
    let db = dir.path().join("teaser.db");
    let (t, s) = timed(&db, &feeds, &opts);
    assert_eq!(s.failed, 0);
    println!(
        "teaser feeds + {} pages: first refresh {:.2} s ({} articles stored)",
        FEEDS * ITEMS,
        t.as_secs_f64(),
        s.new_articles
    );
    if first > Duration::from_secs(10) {
        eprintln!("over budget: {:.2} s", first.as_secs_f64());
        std::process::exit(1);
    }
}
