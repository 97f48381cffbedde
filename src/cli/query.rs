//! Reading the timeline: `events`, `search` and `entities`.

use super::args::{Context, EventsArgs, FilterArgs, SearchArgs};
use super::out;
use crate::export::json::event_line;
use crate::model::Event;
use crate::query;
use crate::store::{EventFilter, Store};
use anyhow::{anyhow, Result};
use std::process::ExitCode;

/// The query words and the flags as one filter: the words are parsed by
/// the shared query language, each flag goes through its value parser,
/// and entity names are resolved to canonical ones. A malformed filter is
/// an error (the TUI would drop it with a hint); an unknown `key:` is
/// searched as text, with a note on stderr.
pub(crate) fn filter(store: &Store, q: &FilterArgs) -> Result<EventFilter> {
    let parsed = query::parse(&q.query.join(" "));
    if let Some(e) = parsed.error() {
        return Err(anyhow!("query: {e}"));
    }
    for p in &parsed.problems {
        eprintln!("note: {}", p.message);
    }
    let mut f = parsed.filter;
    let mut flag = |key: &str, value: &str| -> Result<()> {
        query::apply(&mut f, key, value).map_err(|e| {
            let why = e.strip_prefix(&format!("{key}: ")).unwrap_or(&e);
            anyhow!("--{key}: {why}")
        })
    };
    for k in &q.kind {
        flag("kind", k)?;
    }
    for e in &q.entity {
        flag("entity", e)?;
    }
    for (key, v) in [
        ("since", &q.since),
        ("until", &q.until),
        ("lang", &q.lang),
        ("source", &q.source),
    ] {
        if let Some(v) = v {
            flag(key, v)?;
        }
    }
    for s in &q.status {
        flag("status", s)?;
    }
    match (&q.new_since, q.unseen) {
        (Some(_), true) => return Err(anyhow!("--new-since and --unseen: choose one")),
        (Some(v), false) => {
            f.new = Some(
                query::parse_new(v)
                    .ok()
                    .filter(|n| *n != crate::store::NewFilter::Unseen)
                    .ok_or_else(|| {
                        anyhow!(
                        "--new-since: '{v}' is not `last` or a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
                    })?,
            )
        }
        (None, true) => f.new = Some(crate::store::NewFilter::Unseen),
        (None, false) => {}
    }
    if let Some(p) = query::range_problem(&f) {
        eprintln!("note: {}", p.message);
    }
    f.newest_first = q.reverse;
    store.resolve_filter(&mut f)?;
    Ok(f)
}

pub fn events(ctx: &Context, q: &EventsArgs) -> Result<ExitCode> {
    let store = ctx.store()?;
    let mut f = filter(&store, &q.filters)?;
    f.limit = q.limit;
    f.offset = q.offset;
    // one event at a time: the archive is never held whole
    store.for_each_event(&f, |e| {
        if q.json {
            out(&event_line(&e))
        } else {
            out(&human_line(&e))
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One event as one line of `dateline events`.
pub(crate) fn human_line(e: &Event) -> String {
    let date = match e.span.end {
        Some(end) => format!("{}..{}", e.span.start, end),
        None => e.span.start.to_string(),
    };
    let n = e.sources.len();
    format!(
        "{date:<12} {:<14} {}  [{n} source{}] {}",
        e.kind.as_str(),
        e.title,
        if n == 1 { "" } else { "s" },
        &e.id[..e.id.len().min(8)]
    )
}

pub fn search(ctx: &Context, q: &SearchArgs) -> Result<ExitCode> {
    let store = ctx.store()?;
    let f = filter(&store, &q.filters)?;
    let Some(text) = f.text.as_deref() else {
        return Err(anyhow!(
            "search: nothing to search for in '{}' (give words or \"a phrase\")",
            crate::text::clean_line(&q.filters.query.join(" "))
        ));
    };
    crate::store::cjk::check_text(text).map_err(|e| anyhow!("search: {e}"))?;
    // one snapshot for both lists, so they agree with each other
    let (events, whole, articles) = store.snapshot(|s| {
        let events = s.search_events(&f, q.limit, q.offset)?;
        let whole = if q.json {
            events
                .items
                .iter()
                .map(|r| s.complete_row(r.clone()))
                .collect::<crate::store::Result<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Ok((events, whole, s.search_article_page(&f, q.limit, q.offset)?))
    })?;
    let shown = |n: usize, total: usize| -> String {
        if n == 0 || (q.offset == 0 && n == total) {
            String::new()
        } else {
            format!(" ({}–{} shown)", q.offset + 1, q.offset + n)
        }
    };
    if q.json {
        for e in &whole {
            let mut v: serde_json::Value = serde_json::from_str(&event_line(e))?;
            v["type"] = "event".into();
            out(&v.to_string())?;
        }
        for a in &articles.items {
            let v = serde_json::json!({
                "type": "article", "url": a.url, "outlet": a.outlet,
                "title": a.title, "published": a.published.map(|t| t.to_rfc3339()),
                "lang": a.lang,
            });
            out(&v.to_string())?;
        }
    } else {
        out(&format!(
            "{}{}",
            plural_text(&events.total_text(), events.total, "event"),
            shown(events.items.len(), events.total)
        ))?;
        for r in &events.items {
            out(&format!("  {}", row_line(r)))?;
        }
        out(&format!(
            "{}{}",
            plural_text(&articles.total_text(), articles.total, "article"),
            shown(articles.items.len(), articles.total)
        ))?;
        for a in &articles.items {
            let date = a
                .published
                .map(|t| t.date_naive().to_string())
                .unwrap_or_default();
            out(&format!(
                "  {date:<10} {}  {}",
                crate::text::clean_line(&a.title),
                a.url
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// "1 event", "12 events", "1000+ events": `shown` as written, `n` for
/// the plural.
fn plural_text(shown: &str, n: usize, word: &str) -> String {
    format!("{shown} {word}{}", if n == 1 { "" } else { "s" })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// A search hit as one line, from its row alone (no sources read).
fn row_line(r: &crate::store::EventRow) -> String {
    let date = match r.span.end {
        Some(end) => format!("{}..{}", r.span.start, end),
        None => r.span.start.to_string(),
    };
    format!(
        "{date:<12} {:<14} {}  [{}] {}",
        r.kind.as_str(),
        r.title,
        plural(r.n_sources, "source"),
        &r.id[..r.id.len().min(8)]
    )
}

pub fn entities(ctx: &Context, json: bool) -> Result<ExitCode> {
    let store = ctx.store()?;
    for e in store.entities()? {
        if json {
            out(&serde_json::to_string(&e)?)?;
        } else {
            let range = match (&e.first, &e.last) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.clone(),
                _ => String::new(),
            };
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!("  ({})", e.aliases.join(", "))
            };
            out(&format!(
                "{:<36} {:<12} {:>4} {:<6}  {range}{aliases}",
                e.name,
                e.kind,
                e.events,
                if e.events == 1 { "event" } else { "events" }
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
