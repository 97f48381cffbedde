//! Shared by the durability tests: generated feeds written to files (the
//! benchmarks' deterministic article generator), and the binary run on a
//! database in a temporary folder.

#![allow(dead_code)]

#[path = "../../benches/common/corpus.rs"]
mod corpus;

use dateline::model::Article;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `n` generated articles (English and Chinese, with dated events).
pub fn articles(n: usize, seed: u64) -> Vec<Article> {
    corpus::corpus(n, seed)
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An RSS 2.0 document carrying the articles in full.
pub fn rss(title: &str, articles: &[Article]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title><link>https://feed.example/</link>\n",
        xml(title)
    );
    for a in articles {
        let body: String = a
            .text
            .split("\n\n")
            .map(|p| format!("<p>{}</p>", xml(p)))
            .collect();
        out += &format!(
            "<item><title>{}</title><link>{}</link><guid isPermaLink=\"false\">{}</guid>{}<description>{}</description></item>\n",
            xml(&a.title),
            xml(&a.url),
            xml(a.guid.as_deref().unwrap_or(&a.url)),
            a.published
                .map(|p| format!("<pubDate>{}</pubDate>", p.to_rfc2822()))
                .unwrap_or_default(),
            xml(&body)
        );
    }
    out + "</channel></rss>\n"
}

/// Writes an RSS file of the articles; returns its path.
pub fn write_feed(dir: &Path, name: &str, articles: &[Article]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, rss("Wire", articles)).expect("feed written");
    path
}

/// The binary with a database and an empty config in `dir`.
pub fn dateline(dir: &Path, db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.current_dir(dir)
        .env_remove("DATELINE_DB")
        .env_remove("DATELINE_CONFIG")
        .env_remove("DATELINE_FAULT_AT")
        .env_remove("DATELINE_FAULT_BATCH")
        .arg("--db")
        .arg(db)
        .arg("--config")
        .arg(dir.join("feeds.toml"));
    c
}

/// Runs the binary; panics with its stderr when it fails.
pub fn ok(mut c: Command) -> String {
    let out: Output = c.output().expect("runs");
    assert!(
        out.status.success(),
        "{c:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The whole timeline as `events --json` prints it.
pub fn timeline(dir: &Path, db: &Path) -> String {
    let mut c = dateline(dir, db);
    c.args(["events", "--json"]);
    ok(c)
}

/// Copies a database with its WAL (no process may have it open).
pub fn copy_db(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let f = PathBuf::from(format!("{}{suffix}", from.display()));
        if f.exists() {
            std::fs::copy(&f, format!("{}{suffix}", to.display())).expect("copied");
        }
    }
}
