//! `dateline import PATH...`: every file is read on its own; one bad file
//! is reported on one line and the others are still imported.

use super::args::Context;
use crate::config::FeedConfig;
use crate::pipeline;
use crate::sources::import::{read_path, Input};
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(ctx: &Context, paths: &[PathBuf]) -> Result<ExitCode> {
    let rules = ctx.rules()?;
    let mut store = ctx.store()?;
    let mut articles = Vec::new();
    let mut feeds: Vec<FeedConfig> = Vec::new();
    let mut failed = 0usize;
    for path in paths {
        match read_path(path) {
            Ok(Input::Feed(feed)) => articles.extend(feed.items.into_iter().map(|i| i.article)),
            Ok(Input::Page(a)) => articles.push(a),
            Ok(Input::Opml(list)) => feeds.extend(list),
            Err(e) => {
                failed += 1;
                eprintln!(
                    "dateline: {}: {}",
                    path.display(),
                    crate::text::clean_line(&e.to_string())
                );
            }
        }
    }
    let report = pipeline::ingest(&mut store, &rules, &articles)?;
    if !feeds.is_empty() {
        let added = crate::cli::feeds_added(ctx, &feeds)?;
        eprintln!(
            "{} added to {}",
            crate::text::count(added, "feed", "feeds"),
            ctx.config.display()
        );
    }
    eprintln!(
        "imported {} ({} new, {} updated); {} ({} new)",
        crate::text::count(articles.len(), "article", "articles"),
        report.new_articles,
        report.updated_articles,
        crate::text::count(report.events_after, "event", "events"),
        report.new_events()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
