//! Articles and the keys they are known by.

use super::{cjk, now_rfc3339, Result, Store};
use crate::model::Article;
use chrono::DateTime;
use rusqlite::{params, OptionalExtension, Row};

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upserted {
    pub id: i64,
    /// The article was new.
    pub inserted: bool,
    /// What extraction or the timeline reads changed (text, headline,
    /// date, canonical url), so it needs extracting again.
    pub changed: bool,
}

/// What the search index must learn about a stored article: its headline
/// and text, replacing what it had under that id if `replaces`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    pub id: i64,
    pub replaces: bool,
    pub title: String,
    pub text: String,
}

/// An article with its row id.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub id: i64,
    pub article: Article,
    pub extracted_with: Option<String>,
}

/// A url reduced to what identifies a page: scheme and host lower-cased,
/// no fragment, no tracking parameters, no trailing slash.
pub fn url_key(raw: &str) -> String {
    let raw = raw.trim();
    match url::Url::parse(raw) {
        Ok(mut u) => {
            u.set_fragment(None);
            let kept: Vec<(String, String)> = u
                .query_pairs()
                .filter(|(k, _)| {
                    !k.starts_with("utm_")
                        && !matches!(k.as_ref(), "fbclid" | "gclid" | "ref" | "cmpid")
                })
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            if kept.is_empty() {
                u.set_query(None);
            } else {
                u.query_pairs_mut().clear().extend_pairs(kept);
            }
            let s = u.to_string();
            let s = s
                .strip_prefix("https://")
                .map(|r| format!("http://{r}"))
                .unwrap_or(s);
            s.trim_end_matches('/').to_string()
        }
        Err(_) => raw.trim_end_matches('/').to_lowercase(),
    }
}

impl Store {
    /// Stores an article, or merges it into the one already known under
    /// any of its names, as far as the claim is believed (see
    /// [`super::identity`]). A fuller text replaces a teaser, a
    /// re-published item corrects its headline, date and text; nothing is
    /// ever lost.
    pub fn upsert_article(&mut self, a: &Article) -> Result<Upserted> {
        self.batch(|s| {
            let (up, _, entry) = s.upsert_in(a)?;
            s.index_articles(entry.as_slice())?;
            Ok(up)
        })
    }

    /// As [`Store::upsert_article`] inside a batch, for a bulk write:
    /// also gives the article as it is now stored (what extraction must
    /// read, without reading it back), and leaves its search-index entry
    /// to the caller, who writes the batch's entries together with
    /// [`Store::index_articles`] before the batch commits.
    ///
    /// Why: every savepoint makes the search index flush what it holds in
    /// memory as a segment of its own, and storing an article (or its
    /// mentions) takes one, so indexing each article as it is stored makes
    /// a segment per article and merge work for all of them.
    pub fn upsert_article_unindexed(
        &mut self,
        a: &Article,
    ) -> Result<(Upserted, Article, Option<IndexEntry>)> {
        if self.conn.is_autocommit() {
            return Err(super::StoreError::Data(
                "an unindexed upsert must run inside a batch".into(),
            ));
        }
        self.upsert_in(a)
    }

    /// Writes search-index entries left by
    /// [`Store::upsert_article_unindexed`], in one statement each and no
    /// savepoint between them.
    pub fn index_articles(&mut self, entries: &[IndexEntry]) -> Result<()> {
        self.batch(|s| {
            for e in entries {
                if e.replaces {
                    s.conn
                        .prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
                        .execute([e.id])?;
                }
                s.conn
                    .prepare_cached(
                        "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![
                        e.id,
                        cjk::index_text(&e.title),
                        cjk::index_text(&e.text)
                    ])?;
            }
            Ok(())
        })
    }

    fn upsert_in(&mut self, a: &Article) -> Result<(Upserted, Article, Option<IndexEntry>)> {
        let plan = self.plan_article(a)?;
        let m = &plan.stored;
        let published = m.published.map(|t| t.to_rfc3339());
        let tx = self.conn.savepoint()?;
        let (id, replaces) = match &plan.existing {
            None => {
                tx.prepare_cached(
                    "INSERT INTO articles (url, canonical_url, guid, feed_url, outlet, title, published, lang, text, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![m.url, m.canonical_url, m.guid, m.feed_url, m.outlet, m.title, published, m.lang, m.text, now_rfc3339()])?;
                (tx.last_insert_rowid(), false)
            }
            Some(old) => {
                if plan.changed {
                    tx.prepare_cached(
                        "UPDATE articles SET canonical_url = ?2, title = ?3, published = ?4, lang = ?5, text = ?6 WHERE id = ?1",
                    )?
                    .execute(params![old.id, m.canonical_url, m.title, published, m.lang, m.text])?;
                }
                (old.id, true)
            }
        };
        for (key, take_over) in &plan.keys {
            let sql = if *take_over {
                "INSERT INTO article_keys (key, article_id) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id"
            } else {
                "INSERT INTO article_keys (key, article_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
            };
            tx.prepare_cached(sql)?.execute(params![key, id])?;
        }
        tx.commit()?;
        let up = Upserted {
            id,
            inserted: plan.existing.is_none(),
            changed: plan.changed,
        };
        let entry = plan.text_changed.then(|| IndexEntry {
            id,
            replaces,
            title: plan.stored.title.clone(),
            text: plan.stored.text.clone(),
        });
        // the row as written: a new article whole, or the old one with the
        // fields the UPDATE above sets (the merge changes no others)
        Ok((up, plan.stored, entry))
    }

    /// Up to `limit` stored articles with row ids above `after`, oldest
    /// first: the archive a page at a time, so a pass over it (reindex)
    /// never holds it whole.
    pub fn articles_after(&self, after: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ARTICLE_SELECT} WHERE id > ?1 ORDER BY id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![after, limit as i64], article_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Every stored article, oldest first.
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ARTICLE_SELECT} ORDER BY id"))?;
        let rows = stmt.query_map([], article_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One article by row id.
    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>> {
        Ok(self
            .conn
            .prepare_cached(&format!("{ARTICLE_SELECT} WHERE id = ?1"))?
            .query_row([id], article_row)
            .optional()?)
    }

    /// The article known under `url` (link or canonical), if any.
    pub fn article_by_url(&self, url: &str) -> Result<Option<StoredArticle>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT article_id FROM article_keys WHERE key = ?1",
                [format!("url:{}", url_key(url))],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.article(id),
            None => Ok(None),
        }
    }

    /// How many articles are stored.
    pub fn article_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    /// Notes which rules version extracted the article.
    pub fn mark_extracted(&mut self, id: i64, version: &str) -> Result<()> {
        self.batch(|s| {
            s.conn.execute(
                "UPDATE articles SET extracted_with = ?2 WHERE id = ?1",
                params![id, version],
            )?;
            Ok(())
        })
    }

    /// Articles whose text matches a free-text query, best first.
    pub fn search_articles(&self, query: &str, limit: usize) -> Result<Vec<StoredArticle>> {
        let Some(expr) = cjk::match_expr(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare(&format!(
            "{ARTICLE_SELECT} WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2)"
        ))?;
        let rows = stmt.query_map(params![expr, limit as i64], article_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

const ARTICLE_SELECT: &str =
    "SELECT id, url, canonical_url, guid, feed_url, outlet, title, published, lang, text, extracted_with FROM articles";

fn article_row(r: &Row<'_>) -> rusqlite::Result<StoredArticle> {
    let published: Option<String> = r.get(7)?;
    Ok(StoredArticle {
        id: r.get(0)?,
        article: Article {
            url: r.get(1)?,
            canonical_url: r.get(2)?,
            guid: r.get(3)?,
            feed_url: r.get(4)?,
            outlet: r.get(5)?,
            title: r.get(6)?,
            published: published.and_then(|p| DateTime::parse_from_rfc3339(&p).ok()),
            lang: r.get(8)?,
            text: r.get(9)?,
        },
        extracted_with: r.get(10)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(url: &str, canon: Option<&str>, guid: Option<&str>, text: &str) -> Article {
        Article {
            url: url.into(),
            canonical_url: canon.map(Into::into),
            guid: guid.map(Into::into),
            feed_url: Some("https://feed.example/rss".into()),
            outlet: "Wire".into(),
            title: "T".into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn one_article_by_link_guid_or_canonical() {
        let mut s = Store::open_in_memory().expect("db");
        let a = s
            .upsert_article(&art(
                "https://x.example/a?utm_source=rss",
                None,
                Some("g1"),
                "teaser",
            ))
            .expect("a");
        assert!(a.inserted);
        // the same page, by its canonical url, with the full text
        let long = "full text ".repeat(20);
        let b = s
            .upsert_article(&art(
                "file:///tmp/a.html",
                Some("https://x.example/a/"),
                None,
                &long,
            ))
            .expect("b");
        assert_eq!((b.id, b.inserted, b.changed), (a.id, false, true));
        // by guid from the same feed, again: nothing changes
        let c = s
            .upsert_article(&art("https://x.example/a", None, Some("g1"), "teaser"))
            .expect("c");
        assert_eq!((c.id, c.inserted, c.changed), (a.id, false, false));
        assert_eq!(s.article_count().ok(), Some(1));
        let stored = s.article(a.id).expect("q").expect("some");
        assert_eq!(stored.article.text, long);
        assert_eq!(
            stored.article.canonical_url.as_deref(),
            Some("https://x.example/a/")
        );
    }

    /// A bulk write's articles are found once the batch has written their
    /// index entries; outside a batch the unindexed upsert is refused, so
    /// no article is ever committed without its entry.
    #[test]
    fn unindexed_upserts_are_found_once_the_batch_indexes_them() {
        let mut s = Store::open_in_memory().expect("db");
        let a = art("https://a.example/1", None, None, "Regulators fined Acme.");
        assert!(s.upsert_article_unindexed(&a).is_err());
        assert_eq!(s.article_count().ok(), Some(0));
        let longer = "Regulators fined Acme again, and this time the fine was larger.";
        let n = s
            .batch(|s| -> Result<usize> {
                let mut entries = Vec::new();
                for a in [a.clone(), art("https://a.example/1", None, None, longer)] {
                    let (_, stored, entry) = s.upsert_article_unindexed(&a)?;
                    assert_eq!(stored.text, a.text);
                    entries.extend(entry);
                }
                s.index_articles(&entries)?;
                Ok(entries.len())
            })
            .expect("batch");
        assert_eq!(n, 2, "the new article, then its fuller text");
        assert_eq!(s.search_articles("larger", 10).expect("search").len(), 1);
        assert_eq!(s.search_articles("acme", 10).expect("search").len(), 1);
    }

    #[test]
    fn finds_english_and_two_character_chinese_words() {
        let mut s = Store::open_in_memory().expect("db");
        s.upsert_article(&art(
            "https://a.example/1",
            None,
            None,
            "美国商务部将华为列入实体清单，并宣布制裁。",
        ))
        .expect("1");
        s.upsert_article(&art(
            "https://a.example/2",
            None,
            None,
            "Commerce added Huawei to the Entity List.",
        ))
        .expect("2");
        for (q, n) in [
            ("华为", 1),
            ("制裁", 1),
            ("实体清单", 1),
            ("huawei", 1),
            ("\"entity list\"", 1),
            ("Huawei 华为", 0),
            ("tariff", 0),
        ] {
            assert_eq!(
                s.search_articles(q, 10).expect("search").len(),
                n,
                "query {q}"
            );
        }
    }
}
