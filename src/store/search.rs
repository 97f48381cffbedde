//! Ranked, paginated search: the full-text index drives the query, the
//! best matches (bm25) come first, one page is read, and the total is a
//! count, so a word found in 100,000 reports answers as fast as a rare one
//! and nothing is loaded whole.

use super::rows::{event_row, EVENT_COLUMNS};
use super::{Result, Store};
use crate::query::EventFilter;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params_from_iter, types::Value};

/// One page of results and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub total: usize,
    pub items: Vec<T>,
}

/// An article found by search, without its text.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleHit {
    pub id: i64,
    pub url: String,
    pub outlet: String,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    pub lang: String,
}

fn limit_offset(limit: usize, offset: usize) -> [Value; 2] {
    [
        Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)),
        Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)),
    ]
}

impl Store {
    /// Events matching the filter, best text matches first (date order
    /// when the filter has no text), `limit` of them after `offset`.
    pub fn search_events(
        &self,
        f: &EventFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<super::EventRow>> {
        let c = self.compile(f, false)?;
        let Some(text) = c.text.clone() else {
            let total = self.count_events(f)?;
            let page = EventFilter {
                limit: Some(limit),
                offset,
                ..f.clone()
            };
            return Ok(Page {
                total,
                items: self.event_rows(&page)?,
            });
        };
        let from = format!(
            " FROM events_fts JOIN events e ON e.rowid = events_fts.rowid{} AND events_fts MATCH ?",
            c.clause
        );
        let mut args = c.args;
        args.push(Value::Text(text));
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*){from}"))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        args.extend(limit_offset(limit, offset));
        let sql = format!(
            "SELECT {EVENT_COLUMNS}{from} ORDER BY events_fts.rank, e.first_day, e.id LIMIT ? OFFSET ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let items = stmt
            .query_map(params_from_iter(args), event_row)?
            .collect::<std::result::Result<_, _>>()?;
        Ok(Page {
            total: total as usize,
            items,
        })
    }

    /// How many events a filter matches (its limit and offset ignored).
    pub fn count_events(&self, f: &EventFilter) -> Result<usize> {
        let (clause, args) = self.compile(f, false)?.with_text();
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM events e{clause}"))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Articles whose title or text match the filter's free text (aliases
    /// expanded), best first; the filter's `lang`, `source`, `since` and
    /// `until` apply to the article (its language, outlet or url, and
    /// publication day). Empty when there is no text.
    pub fn search_article_page(
        &self,
        f: &EventFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<ArticleHit>> {
        let Some(text) = f.text.as_deref() else {
            return Ok(Page {
                total: 0,
                items: Vec::new(),
            });
        };
        let Some(expr) = self.text_expr(text, false)? else {
            return Ok(Page {
                total: 0,
                items: Vec::new(),
            });
        };
        let mut sql = String::from(
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?",
        );
        let mut args: Vec<Value> = vec![Value::Text(expr)];
        if let Some(lang) = &f.lang {
            sql += " AND a.lang = ?";
            args.push(Value::Text(lang.to_lowercase()));
        }
        if let Some(source) = &f.source {
            sql += " AND (a.outlet LIKE ? OR a.url LIKE ?)";
            let pat = format!("%{}%", source.replace(['%', '_'], ""));
            args.push(Value::Text(pat.clone()));
            args.push(Value::Text(pat));
        }
        if let Some(since) = f.since {
            sql += " AND substr(a.published, 1, 10) >= ?";
            args.push(Value::Text(since.first_day().to_string()));
        }
        if let Some(until) = f.until {
            sql += " AND substr(a.published, 1, 10) <= ?";
            args.push(Value::Text(until.last_day().to_string()));
        }
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*){sql}"))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        args.extend(limit_offset(limit, offset));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id, coalesce(a.canonical_url, a.url), a.outlet, a.title, a.published, a.lang{sql}
             ORDER BY articles_fts.rank, a.id LIMIT ? OFFSET ?"
        ))?;
        let items = stmt
            .query_map(params_from_iter(args), |r| {
                let published: Option<String> = r.get(4)?;
                Ok(ArticleHit {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    outlet: r.get(2)?,
                    title: r.get(3)?,
                    published: published.and_then(|p| DateTime::parse_from_rfc3339(&p).ok()),
                    lang: r.get(5)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(Page {
            total: total as usize,
            items,
        })
    }
}
