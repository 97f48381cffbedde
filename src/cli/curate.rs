//! The analyst's decisions from the command line, and `reindex`. Each
//! decision is stored, then the timeline is rebuilt so it shows at once.

use super::args::{Context, EventCmd};
use super::out;
use crate::model::{Kind, PartialDate};
use crate::pipeline;
use crate::store::DecisionAction;
use anyhow::{anyhow, Result};
use std::process::ExitCode;

pub fn reindex(ctx: &Context) -> Result<ExitCode> {
    let rules = ctx.rules()?;
    let mut store = ctx.store()?;
    let (articles, events) = pipeline::reindex(&mut store, &rules)?;
    eprintln!("re-extracted {articles} articles; {events} events");
    Ok(ExitCode::SUCCESS)
}

pub fn run(ctx: &Context, cmd: EventCmd) -> Result<ExitCode> {
    let rules = ctx.rules()?;
    let mut store = ctx.store()?;
    let (action, id, arg) = match cmd {
        EventCmd::Show { id, json } => {
            let e = store.event(&id)?;
            if json {
                out(&crate::export::json::event_line(&e))?;
            } else {
                out(&format!("{}  {}  {}", e.span.start, e.kind, e.title))?;
                out(&format!("id {}  status {}", e.id, e.status.as_str()))?;
                if let Some(n) = &e.note {
                    out(&format!("note: {n}"))?;
                }
                for s in &e.sources {
                    out(&format!(
                        "- {} ({})\n  {}\n  \"{}\"",
                        s.outlet,
                        s.published.map(|t| t.to_rfc3339()).unwrap_or_default(),
                        s.url,
                        s.evidence
                    ))?;
                }
                for r in &e.related {
                    out(&format!("related: {r}"))?;
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        EventCmd::Seen { ids, all } => {
            let n = if all {
                store.mark_all_seen()?
            } else if ids.is_empty() {
                return Err(anyhow!("event seen: name event ids, or --all"));
            } else {
                let full = ids
                    .iter()
                    .map(|i| store.event(i).map(|e| e.id))
                    .collect::<Result<Vec<_>, _>>()?;
                store.mark_seen(&full)?
            };
            eprintln!("{n} event{} marked seen", if n == 1 { "" } else { "s" });
            return Ok(ExitCode::SUCCESS);
        }
        EventCmd::Confirm { id } => (DecisionAction::Confirm, store.event(&id)?.id, None),
        EventCmd::Reject { id } => (DecisionAction::Reject, store.event(&id)?.id, None),
        EventCmd::Reset { id } => (DecisionAction::Reset, store.event(&id)?.id, None),
        EventCmd::Note { id, text } => (
            DecisionAction::Note,
            store.event(&id)?.id,
            Some(text.join(" ")),
        ),
        EventCmd::Merge { id, other } => {
            let a = store.event(&id)?.id;
            let b = store.event(&other)?.id;
            if a == b {
                return Err(anyhow!("cannot merge an event into itself"));
            }
            (DecisionAction::Merge, a, Some(b))
        }
        EventCmd::Split { id, url } => {
            let e = store.event(&id)?;
            if !e.sources.iter().any(|s| s.url == url) {
                return Err(anyhow!("event {} has no source with url {url}", e.id));
            }
            if e.sources.len() < 2 {
                return Err(anyhow!("event {} has only one source", e.id));
            }
            (DecisionAction::Split, e.id, Some(url))
        }
        EventCmd::Add {
            date,
            end,
            kind,
            title,
            actor,
            target,
            url,
            evidence,
        } => {
            let start: PartialDate = date.parse().map_err(|e| anyhow!("--date: {e}"))?;
            let end: Option<PartialDate> = end
                .map(|e| e.parse())
                .transpose()
                .map_err(|e| anyhow!("--end: {e}"))?;
            let kind: Kind = kind.parse().map_err(|e| anyhow!("--kind: {e}"))?;
            let payload = serde_json::json!({
                "start": start.to_string(), "end": end.map(|d| d.to_string()), "kind": kind.as_str(),
                "title": crate::text::clean_line(&title), "actors": actor, "targets": target,
                "url": url, "evidence": crate::text::clean_line(&evidence),
            });
            let id = crate::timeline::manual_id(&payload.to_string());
            (DecisionAction::Add, id, Some(payload.to_string()))
        }
    };
    store.add_decision(action, &id, arg.as_deref())?;
    pipeline::rebuild(&mut store, &rules)?;
    eprintln!("{} {}", action.as_str(), id);
    Ok(ExitCode::SUCCESS)
}
