//! The binary: `dateline feeds …` editing feeds.toml and moving OPML in and
//! out, and `dateline fetch` against loopback servers, with its summary
//! and exit code.

mod common;

use common::cli::{dateline, stderr, stdout};
use common::*;

#[test]
fn feeds_add_list_remove_export_import_round_trip() {
    let dir = tempfile::tempdir().expect("tmp");
    let toml = dir.path().join("feeds.toml");
    std::fs::write(
        &toml,
        "# my reading list\n[[feed]]\nurl = \"https://a.example/rss\" # first\n",
    )
    .expect("write");

    let add = dateline(
        dir.path(),
        &[
            "feeds",
            "add",
            "https://b.example/atom",
            "--title",
            "Bee",
            "--tags",
            "policy,chips",
            "--fulltext",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let again = dateline(dir.path(), &["feeds", "add", "https://b.example/atom"]);
    assert!(again.status.success());
    assert!(stderr(&again).contains("already"), "{}", stderr(&again));
    let bad = dateline(dir.path(), &["feeds", "add", "gopher://c.example/"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("gopher"), "{}", stderr(&bad));

    let text = std::fs::read_to_string(&toml).expect("read");
    assert!(
        text.starts_with("# my reading list\n[[feed]]\nurl = \"https://a.example/rss\" # first\n"),
        "{text}"
    );
    assert!(text.contains("fulltext = true"));

    let list = dateline(dir.path(), &["feeds", "list"]);
    let lines: Vec<String> = stdout(&list).lines().map(String::from).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("https://a.example/rss") && lines[0].contains("never fetched"));
    assert!(
        lines[1].contains("\"Bee\"")
            && lines[1].contains("[policy, chips]")
            && lines[1].contains("fulltext")
    );

    let export = dateline(dir.path(), &["feeds", "export"]);
    assert!(export.status.success());
    let opml = stdout(&export);
    assert!(
        opml.contains("<opml version=\"2.0\">") && opml.contains("category=\"policy,chips\""),
        "{opml}"
    );

    let removed = dateline(dir.path(), &["feeds", "remove", "https://a.example/rss"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    let missing = dateline(dir.path(), &["feeds", "remove", "https://a.example/rss"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no feed with url"),
        "{}",
        stderr(&missing)
    );
    let text = std::fs::read_to_string(&toml).expect("read");
    assert!(
        !text.contains("a.example") && text.contains("b.example"),
        "{text}"
    );

    let opml_path = dir.path().join("subs.opml");
    std::fs::write(&opml_path, opml).expect("write");
    let other = tempfile::tempdir().expect("tmp");
    let imported = dateline(
        other.path(),
        &["feeds", "import", opml_path.to_str().expect("utf-8 path")],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let back = dateline::config::load_feeds(&other.path().join("feeds.toml")).expect("valid");
    assert_eq!(back.len(), 2);
    assert_eq!(back[1].url, "https://b.example/atom");
    assert_eq!(back[1].tags, vec!["policy", "chips"]);
}

#[test]
fn fetch_prints_a_summary_and_its_exit_code_tells_of_failures() {
    let server = Server::start(|req| {
        let base = format!("http://{}", req.header("Host").unwrap_or("x"));
        match req.path.as_str() {
            "/good.rss" => Reply::ok(
                "application/rss+xml",
                rss(
                    "Good \u{1b}[31mNews",
                    &[(
                        format!("{base}/a/1"),
                        "One".into(),
                        story(1, 6),
                        "Mon, 08 Jun 2026 09:00:00 +0000".into(),
                    )],
                ),
            ),
            _ => Reply::status(404),
        }
    });
    let dir = tempfile::tempdir().expect("tmp");
    let toml = dir.path().join("feeds.toml");
    std::fs::write(
        &toml,
        format!("[[feed]]\nurl = \"{}\"\n", server.url("/good.rss")),
    )
    .expect("write");

    let ok = dateline(dir.path(), &["fetch"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let out = stdout(&ok);
    assert!(
        out.contains("1 new article,") && out.contains("Good News"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}') && !stderr(&ok).contains('\u{1b}'),
        "no escapes reach the terminal"
    );
    assert!(
        stderr(&ok).contains("[1/1]"),
        "plain progress lines when not a terminal"
    );

    std::fs::write(
        &toml,
        format!(
            "[[feed]]\nurl = \"{}\"\n[[feed]]\nurl = \"{}\"\n",
            server.url("/good.rss"),
            server.url("/gone.rss")
        ),
    )
    .expect("write");
    let mixed = dateline(dir.path(), &["fetch"]);
    assert_eq!(mixed.status.code(), Some(1));
    let out = stdout(&mixed);
    assert!(out.contains("FAILED    HTTP 404 Not Found"), "{out}");
    assert!(
        out.contains("fresh") || out.contains("unchanged") || out.contains("ok "),
        "{out}"
    );
    assert!(
        out.lines().last().unwrap_or_default().contains("1 failed"),
        "{out}"
    );

    let later = dateline(dir.path(), &["fetch"]);
    assert_eq!(
        later.status.code(),
        Some(1),
        "a feed backing off is not yet fine"
    );
    assert!(
        stdout(&later).contains("skipped   backing off after 1 failures; due "),
        "{}",
        stdout(&later)
    );

    let listed = stdout(&dateline(dir.path(), &["feeds", "list"]));
    assert!(
        listed.contains("failing (1 in a row): HTTP 404"),
        "{listed}"
    );
}

#[test]
fn fetch_with_no_feeds_says_how_to_add_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let o = dateline(dir.path(), &["fetch"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("dateline feeds add URL"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.path().join("feeds.toml"), "[[feed]\nurl=").expect("write");
    let broken = dateline(dir.path(), &["fetch"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("feeds.toml:1: "),
        "{}",
        stderr(&broken)
    );
}
