//! Reading the timeline: `events`, `search` and `entities`.

use super::args::{Context, EventsArgs, FilterArgs};
use super::out;
use crate::export::json::event_line;
use crate::model::{Event, Kind, PartialDate};
use crate::store::{EventFilter, Store};
use anyhow::{anyhow, Result};
use std::process::ExitCode;

/// Turns `events` flags into a filter, resolving entity aliases.
pub(crate) fn filter(store: &Store, q: &FilterArgs) -> Result<EventFilter> {
    let kinds = q
        .kind
        .iter()
        .map(|k| k.parse::<Kind>().map_err(|e| anyhow!("--kind: {e}")))
        .collect::<Result<Vec<_>>>()?;
    let date = |flag: &str, v: &Option<String>| -> Result<Option<PartialDate>> {
        v.as_deref()
            .map(|s| {
                s.parse::<PartialDate>()
                    .map_err(|e| anyhow!("--{flag}: {e}"))
            })
            .transpose()
    };
    let mut entities = Vec::new();
    for name in &q.entity {
        entities.push(
            store
                .resolve_entity(name)?
                .unwrap_or_else(|| name.trim().to_string()),
        );
    }
    let text = q.query.join(" ");
    if !text.trim().is_empty() {
        crate::store::cjk::check_text(&text).map_err(|e| anyhow!("{e}"))?;
    }
    let new = match (&q.new_since, q.unseen) {
        (Some(_), true) => return Err(anyhow!("--new-since and --unseen: choose one")),
        (Some(v), false) => Some(
            crate::tui::query::parse_new(v)
                .ok()
                .filter(|n| *n != crate::store::NewFilter::Unseen)
                .ok_or_else(|| {
                    anyhow!(
                        "--new-since: '{v}' is not `last` or a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
                })?,
        ),
        (None, true) => Some(crate::store::NewFilter::Unseen),
        (None, false) => None,
    };
    Ok(EventFilter {
        new,
        kinds,
        entities,
        since: date("since", &q.since)?,
        until: date("until", &q.until)?,
        text: (!text.trim().is_empty()).then_some(text),
        newest_first: q.reverse,
        ..Default::default()
    })
}

pub fn events(ctx: &Context, q: &EventsArgs) -> Result<ExitCode> {
    let store = ctx.store()?;
    let f = filter(&store, &q.filters)?;
    for e in store.events(&f)? {
        if q.json {
            out(&event_line(&e))?;
        } else {
            out(&human_line(&e))?;
        }
    }
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

pub fn search(ctx: &Context, json: bool, query: &str) -> Result<ExitCode> {
    let store = ctx.store()?;
    crate::store::cjk::check_text(query).map_err(|e| anyhow!("{e}"))?;
    // one snapshot for both lists, so they agree with each other
    let (events, articles) = store.snapshot(|s| {
        let events = s.events(&EventFilter {
            text: Some(query.to_string()),
            ..Default::default()
        })?;
        Ok((events, s.search_articles(query, 50)?))
    })?;
    if json {
        for e in &events {
            let mut v: serde_json::Value = serde_json::from_str(&event_line(e))?;
            v["type"] = "event".into();
            out(&v.to_string())?;
        }
        for a in &articles {
            let v = serde_json::json!({
                "type": "article", "url": a.article.best_url(), "outlet": a.article.outlet,
                "title": a.article.title, "published": a.article.published.map(|t| t.to_rfc3339()),
                "lang": a.article.lang,
            });
            out(&v.to_string())?;
        }
    } else {
        out(&crate::text::count(events.len(), "event", "events"))?;
        for e in &events {
            out(&format!("  {}", human_line(e)))?;
        }
        out(&crate::text::count(articles.len(), "article", "articles"))?;
        for a in &articles {
            let date = a
                .article
                .published
                .map(|t| t.date_naive().to_string())
                .unwrap_or_default();
            out(&format!(
                "  {date:<10} {}  {}",
                a.article.title,
                a.article.best_url()
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
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
