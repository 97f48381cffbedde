//! `dateline feeds list|add|remove|import|export`: edits feeds.toml in
//! place (comments and order kept) and moves subscriptions in and out as
//! OPML 2.0.

use super::args::{Context, FeedsCmd};
use crate::config::{self, ConfigError, FeedConfig};
use crate::sources::{import, opml};
use crate::store::{FeedState, Store};
use crate::text::clean_line;
use anyhow::{anyhow, Context as _, Result};
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

/// The feeds of the configured feeds.toml; none when the file is missing.
pub fn configured(ctx: &Context) -> Result<Vec<FeedConfig>> {
    match config::load_feeds(&ctx.config) {
        Ok(f) => Ok(f),
        Err(ConfigError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Ok(Vec::new())
        }
        Err(e) => Err(e.into()),
    }
}

pub fn run(ctx: &Context, cmd: FeedsCmd) -> Result<ExitCode> {
    match cmd {
        FeedsCmd::List => list(ctx),
        FeedsCmd::Add {
            url,
            title,
            tags,
            fulltext,
        } => {
            check_url(&url)?;
            let feed = FeedConfig {
                url: url.clone(),
                title,
                tags,
                fulltext: fulltext.then_some(true),
            };
            let added = config::add_feeds(&ctx.config, &[feed])?;
            if added == 0 {
                eprintln!(
                    "{} is already in {}",
                    clean_line(&url),
                    ctx.config.display()
                );
            } else {
                eprintln!("added {} to {}", clean_line(&url), ctx.config.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        FeedsCmd::Remove { url } => {
            if !ctx.config.exists() || !config::remove_feed(&ctx.config, &url)? {
                return Err(anyhow!(
                    "{}: no feed with url '{}'",
                    ctx.config.display(),
                    clean_line(&url)
                ));
            }
            eprintln!("removed {} from {}", clean_line(&url), ctx.config.display());
            Ok(ExitCode::SUCCESS)
        }
        FeedsCmd::Import { path } => import_opml(ctx, &path),
        FeedsCmd::Export => {
            let opml = config::to_opml(&configured(ctx)?);
            super::out(opml.trim_end())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check_url(url: &str) -> Result<()> {
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https" | "file") => Ok(()),
        Ok(u) => Err(anyhow!(
            "url '{}': scheme '{}' is not http or https",
            clean_line(url),
            u.scheme()
        )),
        Err(e) => Err(anyhow!("url '{}' is not valid: {e}", clean_line(url))),
    }
}

fn import_opml(ctx: &Context, path: &Path) -> Result<ExitCode> {
    let meta = std::fs::metadata(path).with_context(|| format!("{}", path.display()))?;
    if meta.len() > import::MAX_FILE_BYTES {
        return Err(anyhow!(
            "{}: file too large for an OPML list",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let feeds = opml::parse_opml(&bytes).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let mut good = Vec::new();
    let mut bad = 0;
    for f in feeds {
        match check_url(&f.url) {
            Ok(()) => good.push(f),
            Err(e) => {
                bad += 1;
                eprintln!("dateline: {}: skipped: {e}", path.display());
            }
        }
    }
    let added = config::add_feeds(&ctx.config, &good)?;
    eprintln!(
        "{} added to {} ({} already listed)",
        crate::text::count(added, "feed", "feeds"),
        ctx.config.display(),
        good.len() - added
    );
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn list(ctx: &Context) -> Result<ExitCode> {
    let feeds = configured(ctx)?;
    if feeds.is_empty() {
        eprintln!(
            "no feeds in {}; add one with `dateline feeds add URL`",
            ctx.config.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let states: HashMap<String, FeedState> = Store::open(&ctx.db)?
        .feed_states()?
        .into_iter()
        .map(|s| (s.url.clone(), s))
        .collect();
    for f in &feeds {
        super::out(&list_line(f, states.get(&f.url)))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list_line(f: &FeedConfig, state: Option<&FeedState>) -> String {
    let mut line = clean_line(&f.url);
    if let Some(t) = f
        .title
        .as_deref()
        .or(state.and_then(|s| s.title.as_deref()))
    {
        line.push_str(&format!("  \"{}\"", clean_line(t)));
    }
    if !f.tags.is_empty() {
        line.push_str(&format!("  [{}]", clean_line(&f.tags.join(", "))));
    }
    if f.fulltext == Some(true) {
        line.push_str("  fulltext");
    }
    let status = match state {
        None => "never fetched".to_string(),
        Some(s) if s.consecutive_failures > 0 => format!(
            "failing ({} in a row): {}",
            s.consecutive_failures,
            clean_line(s.last_error.as_deref().unwrap_or("?"))
        ),
        Some(s) => format!(
            "ok, last {}",
            s.last_success_at
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string())
                .unwrap_or_else(|| "?".into())
        ),
    };
    format!("{line}  — {status}")
}
