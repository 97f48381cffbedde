//! The one filter compiler: an [`EventFilter`] becomes a WHERE clause over
//! `events e` with bound values. Every reader of events (the CLI's
//! `events`, `search` and exports, the TUI's timeline) compiles its filter
//! here, so a filter means the same thing everywhere; a new filter adds
//! one clause below.
//!
//! Free text becomes an FTS5 match expression in which a word or phrase
//! that is an entity's alias also matches the entity's other aliases, in
//! any language: `华为` finds reports that only say Huawei, and `Huawei`
//! those that only say 华为.

use super::{cjk, Result, Store};
use crate::query::EventFilter;
use rusqlite::types::Value;

/// How many of an entity's other names one term may expand to.
const MAX_ALIASES: usize = 12;

/// Which conditions of a filter are compiled to be checked one event at a
/// time (through that event's own index entries) instead of as a set
/// gathered whole: right when the query walks another index and the set
/// would be large.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RowWise {
    /// `since:` as a test of the row's last day.
    pub since: bool,
    /// With `since`, the first day of the earliest event the `since:`
    /// holds for, so a walk of the day index can start there (the caller
    /// adds it, merged with its own range: SQLite walks from the first
    /// lower bound it is given, not the highest).
    pub since_floor: Option<String>,
    /// `entity:` as an existence test on the row's names.
    pub entities: bool,
    /// `lang:` and `source:`.
    pub rest: bool,
}

impl RowWise {
    /// Every condition a set.
    pub const NONE: RowWise = RowWise {
        since: false,
        since_floor: None,
        entities: false,
        rest: false,
    };
    /// Every condition tested on the row.
    pub const ALL: RowWise = RowWise {
        since: true,
        since_floor: None,
        entities: true,
        rest: true,
    };
}

/// A compiled filter. `clause` is `" WHERE …"` over `events e` with its
/// values in `args`; the free text is kept apart in `text` so a caller can
/// either filter by it ([`Compiled::with_text`]) or rank by it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Compiled {
    pub clause: String,
    pub args: Vec<Value>,
    pub text: Option<String>,
}

impl Compiled {
    /// The clause and values with the free text as one more condition.
    pub fn with_text(mut self) -> (String, Vec<Value>) {
        if let Some(t) = self.text {
            self.clause +=
                " AND e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)";
            self.args.push(Value::Text(t));
        }
        (self.clause, self.args)
    }
}

/// The match expression for free text: every term must occur; a term is
/// widened to `(term OR alias OR …)` with what `alternatives` returns;
/// with `typing`, a last word of plain letters and digits (two or more,
/// outside quotes) matches as a prefix, so "Alib" already finds Alibaba.
fn build_expr(
    text: &str,
    typing: bool,
    mut alternatives: impl FnMut(&str) -> Result<Vec<String>>,
) -> Result<Option<String>> {
    let terms = cjk::terms(text);
    let mut parts: Vec<String> = Vec::new();
    for (i, (term, quoted)) in terms.iter().enumerate() {
        let prefix = typing
            && i + 1 == terms.len()
            && !quoted
            && term.len() >= 2
            && term.chars().all(|c| c.is_ascii_alphanumeric());
        let base = if prefix {
            Some(format!("\"{term}\"*"))
        } else {
            cjk::term_expr(term)
        };
        let Some(base) = base else { continue };
        let mut alts = vec![base];
        for alias in alternatives(term)? {
            if let Some(e) = cjk::term_expr(&alias) {
                if !alts.contains(&e) {
                    alts.push(e);
                }
            }
        }
        parts.push(if alts.len() == 1 {
            alts.remove(0)
        } else {
            format!("({})", alts.join(" OR "))
        });
    }
    Ok((!parts.is_empty()).then(|| parts.join(" AND ")))
}

/// The match expression for a query as it is being typed, without alias
/// expansion (see [`build_expr`]).
#[cfg(test)]
pub(super) fn typing_expr(text: &str) -> Option<String> {
    build_expr(text, true, |_| Ok(Vec::new())).ok().flatten()
}

impl Store {
    /// The other names of the entity `term` is an alias of (any case,
    /// either language); empty when it names none.
    fn other_aliases(&self, term: &str) -> Result<Vec<String>> {
        let key = term.trim().to_lowercase();
        if key.chars().count() < 2 {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.alias FROM entity_aliases k JOIN entity_aliases a ON a.name = k.name
             WHERE k.alias = ?1 AND a.alias != ?1 ORDER BY a.alias LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![key, MAX_ALIASES as i64], |r| {
            r.get::<_, String>(0)
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Free text as an FTS5 match expression with entity aliases expanded
    /// across languages; `None` when nothing searchable is left.
    pub fn text_expr(&self, text: &str, typing: bool) -> Result<Option<String>> {
        build_expr(text, typing, |t| self.other_aliases(t))
    }

    /// Compiles a filter (see the module docs) for a query that the filter
    /// drives: its conditions are sets the planner can start from.
    pub(super) fn compile(&self, f: &EventFilter, typing: bool) -> Result<Compiled> {
        self.compile_as(f, typing, RowWise::NONE)
    }

    /// Compiles a filter for a query that something else drives (the
    /// full-text index, in search): each condition is checked on one
    /// event at a time through its own index, so a filter that holds for
    /// 100,000 events is never gathered whole to test a few.
    pub(super) fn compile_rowwise(&self, f: &EventFilter, typing: bool) -> Result<Compiled> {
        self.compile_as(f, typing, RowWise::ALL)
    }

    /// Compiles a filter with the conditions `rowwise` names checked one
    /// event at a time and the others written as sets.
    pub(super) fn compile_as(
        &self,
        f: &EventFilter,
        typing: bool,
        rowwise: RowWise,
    ) -> Result<Compiled> {
        let mut sql = String::from(" WHERE 1=1");
        let mut args: Vec<Value> = Vec::new();
        let marks = |n: usize| vec!["?"; n].join(", ");
        if !f.kinds.is_empty() {
            sql += &format!(" AND e.kind IN ({})", marks(f.kinds.len()));
            args.extend(f.kinds.iter().map(|k| Value::Text(k.as_str().into())));
        }
        if !f.statuses.is_empty() {
            sql += &format!(" AND e.status IN ({})", marks(f.statuses.len()));
            args.extend(f.statuses.iter().map(|s| Value::Text(s.as_str().into())));
        } else if !f.include_rejected {
            sql += " AND e.status != 'rejected'";
        }
        if let Some(since) = f.since.filter(|_| rowwise.since) {
            sql += " AND e.last_day >= ?";
            args.push(Value::Text(since.first_day().to_string()));
        } else if let Some(since) = f.since {
            // a range on events_by_last_day; written as a subquery so the
            // planner does not walk the whole day index for the order
            sql += " AND e.rowid IN (SELECT rowid FROM events WHERE last_day >= ?)";
            args.push(Value::Text(since.first_day().to_string()));
        }
        if let Some(until) = f.until {
            sql += " AND e.first_day <= ?";
            args.push(Value::Text(until.last_day().to_string()));
        }
        if !f.entities.is_empty() && rowwise.entities {
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM event_entities x WHERE x.event_id = e.id AND x.entity IN ({}))",
                marks(f.entities.len())
            );
            args.extend(f.entities.iter().map(|n| Value::Text(n.clone())));
        } else if !f.entities.is_empty() {
            sql += &format!(
                " AND e.id IN (SELECT event_id FROM event_entities WHERE entity IN ({}))",
                marks(f.entities.len())
            );
            args.extend(f.entities.iter().map(|n| Value::Text(n.clone())));
        }
        if let Some(lang) = f.lang.as_ref().filter(|_| rowwise.rest) {
            sql +=
                " AND EXISTS (SELECT 1 FROM event_langs l WHERE l.lang = ? AND l.event_id = e.id)";
            args.push(Value::Text(lang.to_lowercase()));
        } else if let Some(lang) = &f.lang {
            sql += " AND e.id IN (SELECT event_id FROM event_langs WHERE lang = ?)";
            args.push(Value::Text(lang.to_lowercase()));
        }
        if let Some(source) = f.source.as_ref().filter(|_| rowwise.rest) {
            sql += " AND EXISTS (SELECT 1 FROM event_source_keys k WHERE k.event_id = e.id AND k.key LIKE ? ESCAPE '\\')";
            args.push(Value::Text(format!(
                "%{}%",
                like_escape(&source.to_lowercase())
            )));
        } else if let Some(source) = &f.source {
            // source_keys holds one row an outlet or site, not an article;
            // CROSS JOIN keeps it the outer loop
            sql += " AND e.id IN (SELECT k.event_id FROM source_keys s CROSS JOIN event_source_keys k ON k.key = s.key WHERE s.key LIKE ? ESCAPE '\\')";
            args.push(Value::Text(format!(
                "%{}%",
                like_escape(&source.to_lowercase())
            )));
        }
        if let Some(new) = &f.new {
            let (cond, arg) = super::marks::new_clause(new);
            sql += cond;
            args.extend(arg.map(Value::Text));
        }
        if let Some(feed) = &f.feed {
            sql += " AND e.id IN (SELECT s.event_id FROM event_sources s JOIN mentions m ON m.id = s.mention_id \
                    JOIN articles a ON a.id = m.article_id WHERE a.feed_url = ?)";
            args.push(Value::Text(feed.clone()));
        }
        let text = match f.text.as_deref() {
            Some(t) => self.text_expr(t, typing)?,
            None => None,
        };
        Ok(Compiled {
            clause: sql,
            args,
            text,
        })
    }

    /// Resolves the filter's entity names (any alias, either language) to
    /// canonical ones; a name the store does not know is kept as typed.
    pub fn resolve_filter(&self, f: &mut EventFilter) -> Result<()> {
        for e in f.entities.iter_mut() {
            if let Some(name) = self.resolve_entity(e)? {
                *e = name;
            }
        }
        Ok(())
    }
}

/// `s` with LIKE's wildcards taken literally (escape character `\`).
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The keys a source is found by with `source:`: its outlet's name and
/// its site, lower-cased.
pub(super) fn source_keys(outlet: &str, url: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let outlet = outlet.trim().to_lowercase();
    if !outlet.is_empty() {
        keys.push(outlet);
    }
    if let Some(host) = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_lowercase))
    {
        if !keys.contains(&host) {
            keys.push(host);
        }
    }
    keys
}
