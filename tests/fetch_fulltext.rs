//! Teaser feeds completed from their article pages, and Chinese pages and
//! feeds in GBK, GB18030 and Big5, all served on loopback.

mod common;

use common::*;
use dateline::config::FeedConfig;
use dateline::sources::fetch::FeedOutcome;
use dateline::store::Store;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn page(canonical: &str, title: &str, story_html: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title><link rel=\"canonical\" href=\"{canonical}\"></head>\
<body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\
<aside class=\"most-read\"><h3>Most read</h3><ul><li>March 3, 2019: an unrelated older headline</li></ul></aside>\
<article class=\"story\"><h1>{title}</h1>{story_html}</article>\
<footer>Copyright and cookie settings</footer></body></html>"
    )
}

#[test]
fn teaser_items_are_completed_from_their_pages_once() {
    let page_hits = Arc::new(AtomicUsize::new(0));
    let ph = page_hits.clone();
    let server = Server::start(move |req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        if req.path == "/teasers.rss" {
            let items: Vec<_> = (0..3)
                .map(|i| {
                    (
                        format!("{base}/story/{i}?utm_source=rss"),
                        format!("Story {i}"),
                        format!("<p>Short teaser {i}.</p>"),
                        "Wed, 10 Jun 2026 08:00:00 +0800".to_string(),
                    )
                })
                .collect();
            return Reply::ok("application/rss+xml", rss("Teasers", &items));
        }
        if let Some(i) = req.path.strip_prefix("/story/") {
            ph.fetch_add(1, Ordering::SeqCst);
            let i: usize = i.split('?').next().unwrap_or("0").parse().unwrap_or(0);
            if i == 2 {
                return Reply::status(404);
            }
            let canon = format!("{base}/news/story-{i}.html");
            return Reply::ok(
                "text/html; charset=utf-8",
                page(&canon, &format!("Story {i}"), &story(i, 5)),
            );
        }
        Reply::status(404)
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds = [feed(server.url("/teasers.rss"))];
    let s = run(&db, &feeds, &quick());
    assert_eq!(s.feeds[0].outcome, FeedOutcome::Updated);
    assert_eq!(s.new_articles, 3);
    assert_eq!(page_hits.load(Ordering::SeqCst), 3);

    let store = Store::open(&db).expect("db");
    let full = store
        .article_by_url(&server.url("/story/0?utm_source=rss"))
        .expect("q")
        .expect("stored")
        .article;
    assert_eq!(full.canonical_url, Some(server.url("/news/story-0.html")));
    assert_eq!(full.title, "Story 0");
    assert_eq!(
        full.published.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-06-10T08:00:00+08:00"),
        "the item's time, with its offset"
    );
    assert!(full.text.contains("Report 0, part 4"), "{}", full.text);
    assert!(!full.text.contains("Most read") && !full.text.contains("cookie"));
    let kept = store
        .article_by_url(&server.url("/story/2?utm_source=rss"))
        .expect("q")
        .expect("stored");
    assert_eq!(
        kept.article.text, "Short teaser 2.",
        "a missing page keeps the teaser"
    );
    let state = store.feed_state(&feeds[0].url).expect("q").expect("state");
    assert!(state
        .last_error
        .unwrap_or_default()
        .contains("1 article pages"));
    drop(store);

    let again = run(&db, &feeds, &quick());
    assert_eq!(again.new_articles, 0);
    assert_eq!(
        page_hits.load(Ordering::SeqCst),
        4,
        "pages stored in full are not fetched again; the missing one is retried"
    );
}

#[test]
fn fulltext_true_fetches_pages_even_for_long_items_and_false_never() {
    let server = Server::start(move |req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        match req.path.as_str() {
            "/long.rss" => Reply::ok(
                "application/rss+xml",
                rss(
                    "Long",
                    &[(
                        format!("{base}/p/1"),
                        "Long item".into(),
                        story(1, 6),
                        "Wed, 10 Jun 2026 08:00:00 +0000".into(),
                    )],
                ),
            ),
            "/short.rss" => Reply::ok(
                "application/rss+xml",
                rss(
                    "Short",
                    &[(
                        format!("{base}/p/2"),
                        "Short item".into(),
                        "<p>Only a line.</p>".into(),
                        "Wed, 10 Jun 2026 08:00:00 +0000".into(),
                    )],
                ),
            ),
            p if p.starts_with("/p/") => Reply::ok(
                "text/html",
                page(&format!("{base}{p}"), "Page", &story(7, 12)),
            ),
            _ => Reply::status(404),
        }
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds = [
        FeedConfig {
            fulltext: Some(true),
            ..feed(server.url("/long.rss"))
        },
        FeedConfig {
            fulltext: Some(false),
            ..feed(server.url("/short.rss"))
        },
    ];
    let s = run(&db, &feeds, &quick());
    assert_eq!(s.failed, 0);
    let store = Store::open(&db).expect("db");
    let long = store
        .article_by_url(&server.url("/p/1"))
        .expect("q")
        .expect("stored");
    assert!(long.article.text.contains("Report 7, part 11"));
    let short = store
        .article_by_url(&server.url("/p/2"))
        .expect("q")
        .expect("stored");
    assert_eq!(short.article.text, "Only a line.");
    assert_eq!(server.hits(), 3, "two feeds and one page");
}

#[test]
fn chinese_pages_and_feeds_in_legacy_encodings_read_correctly() {
    let story_zh =
        "美国商务部于六月十二日将三家中国芯片企业列入实体清单，相关公司表示将依法维护自身权益。\
外交部发言人在例行记者会上回应称，中方坚决反对美方泛化国家安全概念。";
    let mut bodies: HashMap<&'static str, (String, Vec<u8>)> = HashMap::new();
    // a GBK page that names its charset only in <meta>
    let gbk_page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>实体清单</title></head>\
<body><div class=\"article\"><p>{story_zh}</p><p>{story_zh}</p><p>{story_zh}</p></div></body></html>"
    );
    bodies.insert(
        "/gbk.html",
        (
            "text/html".into(),
            encoding_rs::GBK.encode(&gbk_page).0.into_owned(),
        ),
    );
    // a GB18030 page that names it only in the HTTP header
    let plain_page = format!(
        "<html><head><title>出口管制</title></head><body><article><p>{story_zh}</p><p>{story_zh}</p><p>{story_zh}</p></article></body></html>"
    );
    bodies.insert(
        "/gb18030.html",
        (
            "text/html; charset=gb18030".into(),
            encoding_rs::GB18030.encode(&plain_page).0.into_owned(),
        ),
    );
    let item = |base: &str, path: &str, title: &str| {
        (
            format!("{base}{path}"),
            title.to_string(),
            "<p>摘要</p>".to_string(),
            "Fri, 12 Jun 2026 20:00:00 +0800".to_string(),
        )
    };
    let server_bodies = Arc::new(bodies);
    let server = Server::start(move |req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        match req.path.as_str() {
            // the XML declaration names Big5
            "/big5.rss" => {
                let doc = rss(
                    "臺灣科技新聞",
                    &[item(&base, "/gbk.html", "美方將三家企業列入實體清單")],
                )
                .replace("encoding=\"UTF-8\"", "encoding=\"big5\"");
                Reply::ok(
                    "application/rss+xml",
                    encoding_rs::BIG5.encode(&doc).0.into_owned(),
                )
            }
            // only the HTTP header names GBK; the declaration is wrong
            "/gbk.rss" => {
                let doc = rss(
                    "科技新闻",
                    &[item(&base, "/gb18030.html", "商务部回应出口管制")],
                );
                Reply::ok(
                    "application/rss+xml; charset=GBK",
                    encoding_rs::GBK.encode(&doc).0.into_owned(),
                )
            }
            p => match server_bodies.get(p) {
                Some((ct, body)) => Reply::ok(ct, body.clone()),
                None => Reply::status(404),
            },
        }
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let s = run(
        &db,
        &[feed(server.url("/big5.rss")), feed(server.url("/gbk.rss"))],
        &quick(),
    );
    assert_eq!(s.failed, 0, "{:?}", s.feeds);
    let titles: Vec<_> = s.feeds.iter().filter_map(|f| f.title.clone()).collect();
    assert!(titles.contains(&"臺灣科技新聞".to_string()), "{titles:?}");
    assert!(titles.contains(&"科技新闻".to_string()), "{titles:?}");
    let store = Store::open(&db).expect("db");
    for (path, title) in [
        ("/gbk.html", "美方將三家企業列入實體清單"),
        ("/gb18030.html", "商务部回应出口管制"),
    ] {
        let a = store
            .article_by_url(&server.url(path))
            .expect("q")
            .expect("stored")
            .article;
        assert_eq!(a.title, title);
        assert!(
            a.text.contains("实体清单") && a.text.contains("泛化国家安全概念"),
            "{path}: {}",
            a.text
        );
        assert_eq!(a.lang, "zh");
    }
}

#[test]
fn a_site_with_silent_pages_cannot_hold_the_refresh() {
    let server = Server::start(|req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        if req.path == "/slow.rss" {
            let items: Vec<_> = (0..20)
                .map(|i| {
                    (
                        format!("{base}/never/{i}"),
                        format!("Teaser {i}"),
                        format!("<p>Teaser text {i}.</p>"),
                        "Wed, 10 Jun 2026 08:00:00 +0000".to_string(),
                    )
                })
                .collect();
            return Reply::ok("application/rss+xml", rss("Slow pages", &items));
        }
        Reply::Silent
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let mut opts = quick();
    // Each silent page alone would hold a fetch for the whole 30 s timeout;
    // the 1 s page budget must end the refresh long before one of them
    // could (the margin absorbs a loaded machine).
    opts.timeout = std::time::Duration::from_secs(30);
    opts.page_budget = std::time::Duration::from_secs(1);
    let started = std::time::Instant::now();
    let s = run(&db, &[feed(server.url("/slow.rss"))], &opts);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(s.feeds[0].outcome, FeedOutcome::Updated);
    assert_eq!(s.new_articles, 20, "the teasers are stored");
    let state = Store::open(&db)
        .expect("db")
        .feed_state(&server.url("/slow.rss"))
        .expect("q")
        .expect("state");
    assert!(state
        .last_error
        .unwrap_or_default()
        .starts_with("20 article pages"));
}

#[test]
fn full_items_on_fulltext_feeds_take_the_canonical_url_and_are_not_refetched() {
    let server = Server::start(move |req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        match req.path.as_str() {
            "/full.rss" => Reply::ok(
                "application/rss+xml",
                rss(
                    "Full",
                    &[(
                        format!("{base}/p/1?from=rss"),
                        "Whole story".into(),
                        story(3, 8),
                        "Wed, 10 Jun 2026 08:00:00 +0000".into(),
                    )],
                ),
            ),
            "/p/1?from=rss" => Reply::ok(
                "text/html",
                page(&format!("{base}/stories/1"), "Whole story", &story(3, 2)),
            ),
            _ => Reply::status(404),
        }
    });
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("t.db");
    let feeds = [FeedConfig {
        fulltext: Some(true),
        ..feed(server.url("/full.rss"))
    }];
    run(&db, &feeds, &quick());
    let a = Store::open(&db)
        .expect("db")
        .article_by_url(&server.url("/p/1?from=rss"))
        .expect("q")
        .expect("stored")
        .article;
    assert!(
        a.text.contains("Report 3, part 7"),
        "the feed's longer text stands"
    );
    assert_eq!(a.canonical_url, Some(server.url("/stories/1")));
    assert_eq!(server.hits(), 2);
    run(&db, &feeds, &quick());
    assert_eq!(server.hits(), 3, "only the feed is fetched again");
}
