//! `dateline demo`: a built-in corpus of short articles, written for
//! dateline, about real incidents of the US–China technology beat (English
//! and Chinese), imported into a throwaway database so a new user can try
//! the timeline with no network and without touching their own database.

use crate::model::Article;
use crate::sources::import::{read_bytes, Input};
use std::path::{Path, PathBuf};

/// The demo corpus, one RSS 2.0 document.
pub const DEMO_FEED: &str = include_str!("../../data/demo/demo.rss");

/// The demo's articles.
pub fn articles() -> Result<Vec<Article>, String> {
    match read_bytes(
        DEMO_FEED.as_bytes(),
        "https://demo.dateline.invalid/feed.rss",
    ) {
        Ok(Input::Feed(f)) => Ok(f.items.into_iter().map(|i| i.article).collect()),
        Ok(_) => Err("the demo corpus is not a feed".into()),
        Err(e) => Err(format!("the demo corpus: {e}")),
    }
}

/// A database file that is removed (with its WAL files) when dropped.
pub struct TempDb {
    path: PathBuf,
}

impl TempDb {
    /// A fresh, unused path in the system's temporary folder.
    pub fn new() -> TempDb {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let name = format!("dateline-demo-{}-{nanos}.db", std::process::id());
        TempDb {
            path: std::env::temp_dir().join(name),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Default for TempDb {
    fn default() -> Self {
        TempDb::new()
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal", "-writers"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_corpus_reads_in_both_languages() {
        let a = articles().expect("the demo feed parses");
        assert!((18..=24).contains(&a.len()), "{} articles", a.len());
        assert!(a.iter().any(|x| x.lang == "zh"));
        assert!(a.iter().any(|x| x.lang == "en"));
        assert!(a
            .iter()
            .all(|x| x.published.is_some() && !x.text.is_empty()));
    }

    #[test]
    fn every_demo_article_yields_an_event() {
        // the README promises each incident (Micron's 2023 review among them)
        let rules = crate::extract::Rules::builtin();
        for a in articles().expect("the demo feed parses") {
            let found = crate::extract::extract(&a, &rules);
            assert!(!found.is_empty(), "no event in {}", a.url);
        }
    }

    #[test]
    fn temp_db_is_removed_on_drop() {
        let db = TempDb::new();
        let path = db.path().to_path_buf();
        let store = crate::store::Store::open(&path).expect("open");
        drop(store);
        assert!(path.exists());
        drop(db);
        assert!(!path.exists());
    }
}
