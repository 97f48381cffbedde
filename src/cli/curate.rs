//! The analyst's decisions from the command line, and `reindex`. Each
//! decision is stored, then the timeline is rebuilt so it shows at once.

use super::args::{Context, EventCmd};
use super::out;
use crate::model::{name_list, DateSpan, EventEdit, Kind};
use crate::pipeline;
use crate::store::DecisionAction;
use anyhow::{anyhow, Result};
use std::process::ExitCode;

pub fn reindex(ctx: &Context) -> Result<ExitCode> {
    let rules = ctx.rules()?;
    let mut store = ctx.store()?;
    let (articles, events) = pipeline::reindex(&mut store, &rules)?;
    eprintln!(
        "re-extracted {}; {}",
        crate::text::count(articles, "article", "articles"),
        crate::text::count(events, "event", "events")
    );
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
                if !e.edited.is_empty() {
                    let names: Vec<&str> = e.edited.iter().map(|f| f.as_str()).collect();
                    out(&format!("edited: {}", names.join(", ")))?;
                }
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
        EventCmd::Edit {
            id,
            date,
            end,
            kind,
            actors,
            targets,
            title,
        } => {
            let e = store.event(&id)?;
            let edit = edit_of(date, end, kind, actors, targets, title)?;
            if edit.is_empty() {
                return Err(anyhow!(
                    "nothing to edit: give --date, --kind, --actors, --targets or --title"
                ));
            }
            let edit = edit.changes_to(&e);
            if edit.is_empty() {
                eprintln!("event {} already says that; nothing recorded", e.id);
                return Ok(ExitCode::SUCCESS);
            }
            (DecisionAction::Edit, e.id, Some(edit.to_json()))
        }
        EventCmd::Revert { id } => {
            let e = store.event(&id)?;
            if e.edited.is_empty() {
                return Err(anyhow!("event {} has no edits to revert", e.id));
            }
            (DecisionAction::Revert, e.id, None)
        }
        EventCmd::Undo => {
            let Some(last) = store.last_decision_in_force()? else {
                return Err(anyhow!("no decision to undo"));
            };
            eprintln!(
                "undoing {} of {} (decision {}, {})",
                last.action.as_str(),
                last.event_id,
                last.id,
                last.at
            );
            (
                DecisionAction::Undo,
                last.event_id,
                Some(last.id.to_string()),
            )
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
            let span = parse_span(&date, end.as_deref()).map_err(|e| anyhow!(e))?;
            let kind: Kind = kind.parse().map_err(|e| anyhow!("--kind: {e}"))?;
            let payload = crate::timeline::decisions::Manual {
                kind,
                span,
                title: crate::text::clean_line(&title),
                actors: actor,
                targets: target,
                url,
                evidence: crate::text::clean_line(&evidence),
            }
            .payload();
            let id = crate::timeline::manual_id(&payload);
            (DecisionAction::Add, id, Some(payload))
        }
    };
    store.add_decision(action, &id, arg.as_deref())?;
    pipeline::rebuild(&mut store, &rules)?;
    eprintln!("{} {}", action.as_str(), id);
    Ok(ExitCode::SUCCESS)
}

/// The correction the options ask for; each option given sets its field.
fn edit_of(
    date: Option<String>,
    end: Option<String>,
    kind: Option<String>,
    actors: Option<String>,
    targets: Option<String>,
    title: Option<String>,
) -> Result<EventEdit> {
    let span = match date {
        Some(d) => Some(parse_span(&d, end.as_deref()).map_err(|e| anyhow!(e))?),
        None => None,
    };
    let kind = kind
        .map(|k| k.parse::<Kind>())
        .transpose()
        .map_err(|e| anyhow!("--kind: {e}"))?;
    let title = match title.map(|t| crate::text::clean_line(&t)) {
        Some(t) if t.is_empty() => return Err(anyhow!("--title: a headline cannot be empty")),
        t => t,
    };
    Ok(EventEdit {
        span,
        kind,
        actors: actors.as_deref().map(name_list),
        targets: targets.as_deref().map(name_list),
        title,
    })
}

/// A date and an optional last day as a span, the end after the start.
fn parse_span(date: &str, end: Option<&str>) -> std::result::Result<DateSpan, String> {
    DateSpan::parse(date, end)
        .map_err(|(is_end, e)| format!("{}: {e}", if is_end { "--end" } else { "--date" }))
}
