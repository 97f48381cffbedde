//! Ranked, paginated search that answers in time independent of how many
//! reports match.
//!
//! What cannot scale is anything done once per match: ranking every match
//! (bm25 reads each match's positions and length), counting every match
//! exactly, joining every match to its event to test a filter. A word
//! like "huawei" matches a fifth of a million-article archive. So the
//! full-text index drives the query in its own order, newest rows first
//! (it walks its doclists backwards and stops), the filter is tested on
//! each row through that row's own indexes (`compile_rowwise`), and the
//! walk stops after [`CANDIDATES`] matches that pass. Those are ranked by
//! BM25 (computed in `rank` from the candidates' own text, never by a
//! pass over every match) and the page is cut from them.
//!
//! When fewer than [`CANDIDATES`] match, that is every match: the ranking
//! is bm25 over all of them and the total is exact. When more match, the
//! results are the best of the most recent [`CANDIDATES`] (a narrower
//! query, a filter or `since:` reaches older ones), and the total is a
//! lower bound ([`Page::exact`] false), shown as "1000+". Paging past the
//! window widens it to the page asked for. docs/scale.md has the
//! trade-off and its figures.

use super::rank::{self, SCORED_TEXT};
use super::{Result, Store};
use crate::query::EventFilter;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params_from_iter, types::Value};

/// How many matches a search ranks at most, newest first: the bound on
/// its work.
pub const CANDIDATES: usize = 1000;

/// One page of results and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// Every match when `exact`; else a lower bound (the ranked window).
    pub total: usize,
    /// False when more matched than were ranked.
    pub exact: bool,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The total as shown: "1000+" when it is a lower bound.
    pub fn total_text(&self) -> String {
        if self.exact {
            self.total.to_string()
        } else {
            format!("{}+", self.total)
        }
    }

    fn empty() -> Page<T> {
        Page {
            total: 0,
            exact: true,
            items: Vec::new(),
        }
    }
}

/// A window's row ids, and each one's (title, text) to score it by.
type Candidates = (Vec<i64>, Vec<(String, String)>);

/// The window of newest matches a page is cut from.
fn window(limit: usize, offset: usize) -> usize {
    CANDIDATES.max(offset.saturating_add(limit))
}

/// A window's candidates ranked best first (ties in the order given),
/// and the page of them asked for.
fn page_of<T: Clone>(candidates: &[T], scores: &[f64], limit: usize, offset: usize) -> Vec<T> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|i| candidates[i].clone())
        .collect()
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

impl Store {
    /// Events matching the filter, best text matches first (date order
    /// when the filter has no text), `limit` of them after `offset`.
    pub fn search_events(
        &self,
        f: &EventFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<super::EventRow>> {
        let c = self.compile_rowwise(f, false)?;
        let Some(expr) = c.text.clone() else {
            let total = self.count_events(f)?;
            let page = EventFilter {
                limit: Some(limit),
                offset,
                ..f.clone()
            };
            return Ok(Page {
                total,
                exact: true,
                items: self.event_rows(&page)?,
            });
        };
        // the newest matches that pass the filter, at most `win` of them,
        // in date order for ties
        let win = window(limit, offset);
        let sql = format!(
            "SELECT e.rowid, events_fts.title, substr(events_fts.body, 1, {SCORED_TEXT}) FROM events_fts CROSS JOIN events e ON e.rowid = events_fts.rowid{} AND events_fts MATCH ? ORDER BY events_fts.rowid DESC LIMIT ?",
            c.clause
        );
        let mut args = c.args;
        args.push(Value::Text(expr.clone()));
        args.push(Value::Integer(i64::try_from(win).unwrap_or(i64::MAX)));
        let (rowids, texts) = self.candidates(&sql, args)?;
        let scores = rank::scores(&texts, &rank::phrases(&expr));
        let page = page_of(&rowids, &scores, limit, offset);
        let items = self
            .event_rows_by_rowid(&page)?
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        Ok(Page {
            total: rowids.len(),
            exact: rowids.len() < win,
            items,
        })
    }

    /// The candidates of a window query: row ids, and (title, text) to
    /// score them by.
    fn candidates(&self, sql: &str, args: Vec<Value>) -> Result<Candidates> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let (mut ids, mut texts) = (Vec::new(), Vec::new());
        while let Some(r) = rows.next()? {
            ids.push(r.get::<_, i64>(0)?);
            texts.push((r.get::<_, String>(1)?, r.get::<_, String>(2)?));
        }
        Ok((ids, texts))
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
            return Ok(Page::empty());
        };
        let Some(expr) = self.text_expr(text, false)? else {
            return Ok(Page::empty());
        };
        let mut sql = format!(
            "SELECT a.id, a.title, substr(a.text, 1, {SCORED_TEXT}) FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
        );
        let mut args: Vec<Value> = vec![Value::Text(expr.clone())];
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
        sql += " ORDER BY articles_fts.rowid DESC LIMIT ?";
        let win = window(limit, offset);
        args.push(Value::Integer(i64::try_from(win).unwrap_or(i64::MAX)));
        let (ids, texts) = self.candidates(&sql, args)?;
        let scores = rank::scores(&texts, &rank::phrases(&expr));
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, coalesce(a.canonical_url, a.url), a.outlet, a.title, a.published, a.lang
             FROM articles a WHERE a.id = ?1",
        )?;
        let mut items = Vec::new();
        for id in page_of(&ids, &scores, limit, offset) {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                let published: Option<String> = r.get(4)?;
                items.push(ArticleHit {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    outlet: r.get(2)?,
                    title: r.get(3)?,
                    published: published.and_then(|p| DateTime::parse_from_rfc3339(&p).ok()),
                    lang: r.get(5)?,
                });
            }
        }
        Ok(Page {
            total: ids.len(),
            exact: ids.len() < win,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Event, Kind};

    fn ev(i: usize, kind: Kind, title: &str) -> Event {
        let span = DateSpan::at(format!("2020-01-{:02}", 1 + i % 28).parse().expect("date"));
        let url = format!("https://x.example/{i}");
        let mut e = Event::one_source(&format!("e{i:05}"), kind, span, title, &url);
        e.sources[0].evidence = "words".into();
        e
    }

    fn text(t: &str) -> EventFilter {
        EventFilter {
            text: Some(t.into()),
            ..Default::default()
        }
    }

    /// More matches than the window: the total is a lower bound, the page
    /// is the best of the newest; a narrow query is ranked whole, exactly.
    #[test]
    fn a_broad_search_ranks_a_bounded_window() {
        let mut s = Store::open_in_memory().expect("db");
        let n = CANDIDATES + 200;
        let events: Vec<Event> = (0..n)
            .map(|i| {
                let (kind, title) = match i {
                    // the best match of all, but among the oldest rows
                    3 => (Kind::Listing, "Huawei Huawei Huawei"),
                    i if i % 40 == 0 => (Kind::Listing, "Huawei added to a list"),
                    _ => (
                        Kind::Ban,
                        "A ban that names Huawei among many other companies",
                    ),
                };
                ev(i, kind, title)
            })
            .collect();
        s.replace_events(&events, &[]).expect("write");

        let broad = s.search_events(&text("huawei"), 20, 0).expect("search");
        assert_eq!((broad.total, broad.exact), (CANDIDATES, false));
        assert_eq!(broad.total_text(), format!("{CANDIDATES}+"));
        assert_eq!(broad.items.len(), 20);
        // the best of the window: the short listing titles rank first
        assert!(broad.items[..5].iter().all(|r| r.kind == Kind::Listing));
        assert!(
            broad.items.iter().all(|r| r.id != "e00003"),
            "outside the window"
        );

        // narrowed by a filter: every match is ranked, the best is first
        let f = EventFilter {
            kinds: vec![Kind::Listing],
            ..text("huawei")
        };
        let narrow = s.search_events(&f, 5, 0).expect("narrow");
        assert_eq!((narrow.total, narrow.exact), (n / 40 + 1, true));
        assert_eq!(narrow.items[0].id, "e00003");

        // paging past the window widens it to the page asked for
        let deep = s.search_events(&text("huawei"), 20, n - 10).expect("deep");
        assert_eq!((deep.total, deep.exact, deep.items.len()), (n, true, 10));
        let past = s.search_events(&text("huawei"), 20, n + 100).expect("past");
        assert_eq!((past.total, past.exact, past.items.len()), (n, true, 0));
    }

    #[test]
    fn articles_are_ranked_and_counted_the_same_way() {
        let mut s = Store::open_in_memory().expect("db");
        for i in 0..30 {
            let a = crate::model::Article {
                url: format!("https://news.example/{i}"),
                title: if i == 2 {
                    "Entity List: Huawei".into()
                } else {
                    format!("Report {i}")
                },
                lang: "en".into(),
                text: if i % 3 == 0 {
                    "The Commerce Department put more firms on the entity list today, after a long review of export licences.".into()
                } else {
                    "Nothing about lists here.".into()
                },
                ..Default::default()
            };
            s.upsert_article(&a).expect("article");
        }
        let p = s
            .search_article_page(&text("\"entity list\""), 3, 0)
            .expect("search");
        assert_eq!((p.total, p.exact), (11, true));
        assert_eq!(p.items[0].title, "Entity List: Huawei");
        let rest = s
            .search_article_page(&text("\"entity list\""), 20, 3)
            .expect("page 2");
        assert_eq!(rest.items.len(), 8);
        assert!(rest.items.iter().all(|a| !p.items.contains(a)));
    }
}
